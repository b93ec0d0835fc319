/**
 * Starts the real Neo4j the run's tests read, unless NEO4J_URI names one: the embedded
 * launcher on fresh temporary data directories, so tests never touch a developer's data.
 * Seeds the story, which every integration test reads.
 *
 * One story Neo4j for the whole run, shared by every worker: nothing commits to it after the
 * seed (the files that write, or probe what a commit does, work on scratch graphs), so two
 * files reading it at once see the same graph and the same kept answers, and its JVM plans
 * each query text once for both workers (story-unchanged.ts checks after every file that no
 * commit came).
 *
 * A run that names no file also starts one empty Neo4j per worker beside it, for the files
 * that write what the story database must not see (scratchGraph in own-neo4j.ts): the files
 * of a worker share it, one after another (each empties it first), instead of starting a JVM
 * each; Community has one user database per JVM, so two files at once cannot share one. A
 * run of chosen files, or of projects none of whose files use one, starts none; a file that
 * needs one then starts a Neo4j of its own.
 *
 * A run that names no file and selects the e2e project (or every project) also builds the
 * explorer once, while the JVMs start, for both browser files (explorer-build.ts).
 *
 * With NKG_TEST_OVERLAP_START=1, global setup returns as soon as the JVMs are starting: the
 * unit files need none and run meanwhile (unit-first-sequencer.mjs runs them first), and a
 * file that needs them waits in its setup until the ready file says where they are
 * (run-neo4j.ts), or why they could not be started, which then fails each such file with
 * that reason. By default it waits for them (overlapsUnitFiles says why).
 */
import 'reflect-metadata';
import './short-lived-jvms';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config as JestConfig } from '@jest/types';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { seedStory } from '../../src/ingest/seed';
import { recordLauncherArchive } from '../../src/launcher/build';
import { cdsSetting } from '../../src/launcher/cds';
import { buildExplorerForRun } from './explorer-build';
import { embeddedConfig, patient, startOwnNeo4j, type OwnNeo4j } from './own-neo4j';
import { collectPlans, plansFile } from './plan-counts';
import { overlapsStart, READY_VARIABLE, SETUP_PID_VARIABLE, storyState, type ReadyFile } from './run-neo4j';

/** What global setup started, for global teardown to stop; null when starting failed. */
export interface RunNeo4j {
  readonly story: Database;
  readonly scratch: readonly OwnNeo4j[];
}

declare global {
  var __TEST_NEO4J__: Promise<RunNeo4j | null> | undefined;
  var __TEST_DATA_DIR__: string | undefined;
}

/** The projects whose files use scratch graphs. */
const SCRATCH_PROJECTS = ['integration', 'fault'];

/**
 * Whether the run shares scratch graphs: no file named, and a project that uses them among
 * those selected (jest.config.js hands down the ones the command line selects; none means all).
 */
function sharesScratch(globalConfig: JestConfig.GlobalConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  if (globalConfig.testPathPattern !== '') return false;
  const selected = selectedProjects(env);
  return selected.length === 0 || selected.some((project) => SCRATCH_PROJECTS.includes(project));
}

/** The jest projects the command line selects, as jest.config.js hands them down (none: all). */
const selectedProjects = (env: NodeJS.ProcessEnv): string[] => (env.NKG_TEST_SELECTED_PROJECTS ?? '').split(' ').filter(Boolean);

/**
 * Whether global setup builds the explorer for the run: no file named, the e2e project among
 * those selected, and global setup waiting for its JVMs anyway (else the browser files build
 * their own, as a run of chosen files does).
 */
function buildsExplorer(globalConfig: JestConfig.GlobalConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  const selected = selectedProjects(env);
  return globalConfig.testPathPattern === '' && (selected.length === 0 || selected.includes('e2e')) && !overlapsUnitFiles(globalConfig, env);
}

const workers = (globalConfig: JestConfig.GlobalConfig): number => Math.max(1, globalConfig.maxWorkers);

/** The story database's configuration: the one NEO4J_URI names, or an embedded Neo4j under `root`. */
function storyConfig(root: string): Config {
  const config = loadConfig();
  return config.neo4j.uri !== null ? config : embeddedConfig(path.join(root, 'story'));
}

/**
 * `config` for seeding a story database: the story goes in as one transaction, on a JVM whose
 * planner and compiler are still cold, while the run starts its other JVMs, the unit files
 * and the type checkers run beside it; on a machine shared with other work that outlasts the
 * API's transaction timeout. Only global setup's own connection gets the longer one: the
 * files connect with the configuration they test.
 */
function seeding(config: Config): Config {
  const patientConfig = patient(config);
  return { ...patientConfig, timeouts: { ...patientConfig.timeouts, transactionMs: Math.max(patientConfig.timeouts.transactionMs, 120_000) } };
}

/**
 * Samples the story's index statistics and drops the plans cached so far (those of the
 * seeding, made on an empty graph), so that every plan of the run is made on the story's
 * real statistics from the first: query-plans.test.ts checks the plans the files' queries
 * already got instead of clearing the cache itself, which made every file after it plan its
 * queries again, and planning is most of what these JVMs spend.
 */
async function planOnTheStory(database: Database): Promise<void> {
  await database.gateway.driver.executeQuery('CALL db.prepareForReplanning(60)');
}

async function startStory(config: Config, log: (line: string) => void): Promise<Database> {
  const database = await openDatabase(seeding(config), { log });
  try {
    await seedStory(database.gateway);
    await planOnTheStory(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

const stopOne = (database: Database | OwnNeo4j): Promise<void> => ('stop' in database ? database.stop() : database.close());

/** Starts the story and scratch JVMs; stops those that started when another could not. */
async function startRunNeo4j(root: string, scratchCount: number, log: (line: string) => void): Promise<RunNeo4j> {
  const [story, ...scratch] = await Promise.allSettled<Database | OwnNeo4j>([startStory(storyConfig(root), log), ...Array.from({ length: scratchCount }, () => startOwnNeo4j())]);
  const all = [story, ...scratch];
  const failed = all.find((result) => result.status === 'rejected');
  if (failed || story?.status !== 'fulfilled') {
    await Promise.all(all.map((result) => (result?.status === 'fulfilled' ? stopOne(result.value) : undefined)));
    throw (failed as PromiseRejectedResult).reason;
  }
  return { story: story.value, scratch: scratch.map((result) => (result as PromiseFulfilledResult<OwnNeo4j>).value) };
}

/** Writes the ready file whole (renamed into place), so a worker never reads half of it. */
function writeReady(file: string, content: ReadyFile): void {
  writeFileSync(`${file}.partial`, JSON.stringify(content));
  renameSync(`${file}.partial`, file);
}

/** Starts the run's JVMs and, once they are ready, writes where they are to `ready`. */
async function startAndAnnounce(root: string, ready: string, scratchCount: number, log: (line: string) => void): Promise<RunNeo4j> {
  const started = Date.now();
  const run = await startRunNeo4j(root, scratchCount, log);
  const { story, scratch } = run;
  try {
    if (plansFile()) await Promise.all([story, ...scratch].map((database) => collectPlans(database.gateway.driver)));
    writeReady(ready, {
      ready: {
        story: { uri: story.uri, pid: story.embedded?.pid ?? 0, state: await storyState(story.gateway.driver) },
        scratch: scratch.map((database) => ({ uri: database.uri, pid: database.embedded?.pid ?? 0 })),
      },
    });
  } catch (error) {
    await Promise.all([story, ...scratch].map(stopOne));
    throw error;
  }
  if (story.embedded) log(`embedded Neo4j for tests ready at ${[story, ...scratch].map((d) => d.uri).join(', ')} (${Date.now() - started} ms)`);
  return run;
}

/**
 * Whether global setup returns before the JVMs are ready: only when NKG_TEST_OVERLAP_START=1
 * asks for it, in a run of unit files beside the others on more than one worker (`npm test`).
 * Not by default: beside the JVM starts and the type checkers, a unit test's time budget
 * (extract-pool's 10 s for an extraction worker's first task) ran out on a machine shared
 * with other work (README). A run in band runs its files in this process, whose setup could
 * not wait for a start this process's own event loop drives (Jest also runs a single file in
 * band), and a run without unit files has nothing to do meanwhile.
 */
function overlapsUnitFiles(globalConfig: JestConfig.GlobalConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  const selected = selectedProjects(env);
  return overlapsStart(env) && globalConfig.maxWorkers > 1 && globalConfig.testPathPattern === '' && (selected.length === 0 || selected.includes('unit'));
}

/**
 * A fresh clone's launcher has no class-data-sharing archive yet: it is recorded beside the
 * run's JVM starts, which go without it (EMBEDDED_NEO4J_CDS=use, which the workers inherit),
 * instead of before them with both workers waiting; the JVMs that files start use it. Nothing
 * when EMBEDDED_NEO4J_CDS says otherwise.
 */
function archiveBesideStarts(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> | undefined {
  if (cdsSetting(env.EMBEDDED_NEO4J_CDS) !== 'record') return undefined;
  env.EMBEDDED_NEO4J_CDS = 'use';
  return recordLauncherArchive(log).catch((error: unknown) => log(`no class-data-sharing archive: ${error instanceof Error ? error.message : String(error)}`));
}

export default async function globalSetup(globalConfig: JestConfig.GlobalConfig): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`[neo4j] ${line}\n`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'nkg-test-neo4j-'));
  const ready = path.join(root, 'ready.json');
  globalThis.__TEST_DATA_DIR__ = root;
  process.env[READY_VARIABLE] = ready;
  const scratchCount = sharesScratch(globalConfig) ? workers(globalConfig) : 0;
  const archive = archiveBesideStarts(log);
  globalThis.__TEST_NEO4J__ = startAndAnnounce(root, ready, scratchCount, log).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    log(`could not start the test run's Neo4j: ${reason}`);
    writeReady(ready, { error: reason });
    return null;
  });
  process.env[SETUP_PID_VARIABLE] = String(process.pid);
  if (overlapsUnitFiles(globalConfig)) return;
  await Promise.all([globalThis.__TEST_NEO4J__, archive, buildsExplorer(globalConfig) ? buildExplorerForRun(path.join(root, 'explorer'), log) : undefined]);
}
