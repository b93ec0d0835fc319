/**
 * The Neo4j JVMs global setup starts for the whole run, as the jest workers find them:
 * global-setup.ts starts them without waiting for them, so the unit files run meanwhile, and
 * writes what it started (or why it could not) to the file READY_VARIABLE names once they are
 * ready; worker-neo4j.ts waits for that file before a file that needs them runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';

/** The environment variable naming the file global setup writes once its Neo4j JVMs are ready. */
export const READY_VARIABLE = 'NKG_TEST_NEO4J_READY';
/** NKG_TEST_OVERLAP_START=1: the unit files run while the JVMs start (global-setup.ts says why not by default). */
export const overlapsStart = (env: NodeJS.ProcessEnv = process.env): boolean => env.NKG_TEST_OVERLAP_START === '1';

/** The process that ran global setup: a file run in band runs in it, and must not wait there. */
export const SETUP_PID_VARIABLE = 'NKG_TEST_SETUP_PID';
/** The environment variable through which this file hands the worker's scratch Neo4j to scratchGraph. */
export const SCRATCH_URI_VARIABLE = 'NKG_TEST_SCRATCH_NEO4J_URI';

/** What global setup started, as it writes it to the ready file. */
export interface SharedNeo4j {
  readonly story: { readonly uri: string; readonly pid: number; readonly state: string };
  /** One per worker, when the run shares scratch graphs; else none. */
  readonly scratch: readonly { readonly uri: string; readonly pid: number }[];
}

/** What the ready file holds: the JVMs, or why they could not be started. */
export type ReadyFile = { readonly ready: SharedNeo4j } | { readonly error: string };

/**
 * The JVMs start in the time of a few JVM starts and a seed; the launcher's start timeout and
 * global setup's seeding timeout end a start that hangs well before this, and global setup
 * then writes why. This only bounds a wait for a global setup that died without writing.
 */
const READY_WAIT_MS = 15 * 60_000;
const POLL_MS = 100;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * What global setup started, once it is ready; null in a run whose global setup started none.
 * Blocks the worker until then: a test file of a project with Neo4j has nothing to do before.
 */
export function sharedNeo4j(env: NodeJS.ProcessEnv = process.env): SharedNeo4j | null {
  const file = env[READY_VARIABLE];
  if (!file) return null;
  const until = Date.now() + READY_WAIT_MS;
  while (!existsSync(file)) {
    // This process's event loop drives the start: blocking it would wait forever (global-setup.ts waits in such runs).
    if (env[SETUP_PID_VARIABLE] === String(process.pid)) throw new Error(`the test run's Neo4j is not ready, and this file runs in band in the process starting it: global setup must wait for it in such a run`);
    if (Date.now() > until) throw new Error(`the test run's Neo4j was not ready within ${READY_WAIT_MS / 60_000} minutes: global setup wrote no ${file}`);
    Atomics.wait(pause, 0, 0, POLL_MS);
  }
  const written = JSON.parse(readFileSync(file, 'utf8')) as ReadyFile;
  if ('error' in written) throw new Error(`the test run's Neo4j could not be started, so no test that needs it can run: ${written.error}`);
  return written.ready;
}

const worker = Number(process.env.JEST_WORKER_ID ?? '1');

/** This worker's entry of a list, one entry per worker. */
export function workersOwn<T>(entries: readonly T[]): T | undefined {
  return entries[(worker - 1) % Math.max(1, entries.length)];
}

/**
 * The state of a database: the bookmark a read ends with names the last transaction committed
 * to it (src/db/answer-cache.ts), so two equal states mean nothing was committed in between.
 */
export async function storyState(driver: Driver): Promise<string> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    await session.executeRead((tx) => tx.run('RETURN 1'));
    return session.lastBookmarks().join(',');
  } finally {
    await session.close();
  }
}
