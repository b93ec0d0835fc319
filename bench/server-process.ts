/**
 * One server under test in a child process of its own (bench/servers/<name>.ts) on
 * 127.0.0.1, over the bench's database: started, asked over IPC to reset or report its
 * counters, sent requests, and stopped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { API_NODE_FLAGS } from '../src/http/node-flags';
import type { BenchDatabase } from './database';
import type { RequestBody, Server } from './operations';
import type { ChildMessage, ParentMessage, PhaseReport } from './servers/child';

/**
 * Node's flags for every server under test, the same for all three: the API's own
 * (src/http/node-flags.ts), or BENCH_NODE_FLAGS (space-separated; '' for none) to compare.
 */
export function serverNodeFlags(): readonly string[] {
  const given = process.env.BENCH_NODE_FLAGS;
  return given === undefined ? API_NODE_FLAGS : given.split(' ').filter((flag) => flag !== '');
}

/**
 * Where a server's standard output goes: nowhere, or with BENCH_SERVER_STDOUT=<directory> a
 * file of its own there, named by its label and the time, so that what V8 prints there for a
 * flag such as `--trace-gc-nvp` can be read server by server.
 */
function serverStdout(label: string): 'ignore' | number {
  const directory = process.env.BENCH_SERVER_STDOUT;
  if (directory === undefined || directory === '') return 'ignore';
  mkdirSync(directory, { recursive: true });
  return openSync(path.join(directory, `${label.replace(/[^\w.@-]+/g, '_')}-${Date.now()}.txt`), 'w');
}

export class ServerProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (report: PhaseReport | undefined) => void>();

  private constructor(
    readonly name: Server,
    /** The name in logs: the server's, or with what sets this process apart ("ours computed"). */
    readonly label: string,
    private readonly child: ChildProcess,
    readonly url: string,
    readonly database: BenchDatabase,
  ) {
    child.on('message', (message: ChildMessage) => {
      if (message.type !== 'reply') return;
      this.pending.get(message.id)?.(message.report);
      this.pending.delete(message.id);
    });
  }

  /**
   * `variant` names a second process of the same server with settings of its own (`env`), as
   * "ours computed" keeps no answers, and node flags of its own (`flags`, instead of
   * serverNodeFlags()) or from another build (`build`), as bench/turns.ts compares them.
   */
  static start(
    name: Server,
    database: BenchDatabase,
    variant?: { readonly label: string; readonly env: Readonly<Record<string, string>>; readonly flags?: readonly string[]; readonly build?: string },
  ): Promise<ServerProcess> {
    const uri = database.uri;
    // `build`: another build's dist/bench, so that two builds of a server can take turns over one database.
    const script = path.join(variant?.build ?? __dirname, 'servers', `${name}.js`);
    const label = variant?.label ?? name;
    const stdout = serverStdout(label);
    const child = fork(script, [], {
      execArgv: [...process.execArgv, ...(variant?.flags ?? serverNodeFlags())],
      env: { ...process.env, ...variant?.env, BENCH_NEO4J_URI: uri, NODE_ENV: 'production' },
      stdio: ['ignore', stdout, 'inherit', 'ipc'],
    });
    // The child holds its own copy of the file.
    if (typeof stdout === 'number') closeSync(stdout);
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the ${label} server exited with code ${code} before it was ready`));
      child.once('exit', onExit);
      child.on('message', (message: ChildMessage) => {
        if (message.type !== 'ready') return;
        child.off('exit', onExit);
        resolve(new ServerProcess(name, label, child, message.url, database));
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  call(cmd: ParentMessage['cmd']): Promise<PhaseReport | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ id, cmd } satisfies ParentMessage);
    });
  }

  async post(body: RequestBody): Promise<unknown> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`${this.name} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const patience = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 10_000).unref());
    await Promise.race([this.call('stop'), patience()]);
    // It answers just before it exits: what it does on its way out (a --cpu-prof profile written) is given time too.
    await Promise.race([exited, patience()]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await exited;
  }
}
