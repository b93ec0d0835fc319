/**
 * SupervisedNeo4j (src/launcher/supervisor.ts) without a Neo4j: what it supervises here is a
 * stand-in, a small node process that says it is ready and then waits, started and stopped
 * the way the launcher starts and stops the JVM. The tests kill it as a JVM gets killed and
 * wait for the supervisor's log lines, never for a stretch of time.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { EmbeddedNeo4j } from '../../src/launcher/embedded-neo4j';
import { SupervisedNeo4j, type SupervisionEvent, type SupervisorOptions } from '../../src/launcher/supervisor';

/** Serves until SIGTERM, as the JVM does; `exit` is a start that fails before its ready line. */
const SERVES = `process.on('SIGTERM', () => process.exit(0)); process.stdout.write('ready\\n'); setInterval(() => undefined, 1 << 30);`;
const FAILS = `process.stderr.write('no store\\n'); process.exit(1);`;

const supervisors: SupervisedNeo4j[] = [];
const started: EmbeddedNeo4j[] = [];
afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.stop()));
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

/** Starts the stand-in; resolves on its ready line, rejects when it exits before one. */
async function standIn(script = SERVES): Promise<EmbeddedNeo4j> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit').then(() => undefined);
  const ready = await new Promise<boolean>((resolve) => {
    child.stdout.once('data', () => resolve(true));
    void exited.then(() => resolve(false));
  });
  if (!ready) throw new Error(`the stand-in exited before it was ready (exit code ${child.exitCode ?? '?'})`);
  const pid = child.pid as number;
  let stopping: Promise<void> | undefined;
  const neo4j: EmbeddedNeo4j = {
    uri: `bolt://127.0.0.1:${7000 + (pid % 1000)}`,
    pid,
    port: 7000 + (pid % 1000),
    version: 'stand-in',
    dataDir: '/nonexistent/stand-in',
    exited,
    stop: () => (stopping ??= (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'), exited)),
  };
  started.push(neo4j);
  return neo4j;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The supervisor's log lines, and a way to wait for one. */
class Events {
  readonly lines: SupervisionEvent[] = [];
  private waiting: { msg: string; resolve: (e: SupervisionEvent) => void }[] = [];

  readonly record = (entry: SupervisionEvent): void => {
    this.lines.push(entry);
    for (const w of this.waiting.filter((w) => w.msg === entry.msg)) w.resolve(entry);
    this.waiting = this.waiting.filter((w) => w.msg !== entry.msg);
  };

  /** The next line with this `msg`. */
  next(msg: string): Promise<SupervisionEvent> {
    return new Promise((resolve) => this.waiting.push({ msg, resolve }));
  }

  get messages(): unknown[] {
    return this.lines.map((l) => l.msg);
  }
}

interface Harness {
  readonly supervised: SupervisedNeo4j;
  readonly events: Events;
  readonly handedOver: EmbeddedNeo4j[];
  readonly starts: () => number;
}

/** A supervisor over stand-ins; `starts` after the first come from `restart` (a stand-in that serves, by default). */
async function supervise(options: Partial<Pick<SupervisorOptions, 'attempts' | 'backoffMs' | 'restarted'>> & { restart?: () => Promise<EmbeddedNeo4j> } = {}): Promise<Harness> {
  const events = new Events();
  const handedOver: EmbeddedNeo4j[] = [];
  let count = 0;
  const supervised = await SupervisedNeo4j.start({
    start: () => {
      count += 1;
      return count === 1 ? standIn() : (options.restart ?? standIn)();
    },
    attempts: options.attempts ?? 3,
    backoffMs: options.backoffMs ?? 1,
    restarted: async (neo4j) => {
      handedOver.push(neo4j);
      await options.restarted?.(neo4j);
    },
    event: events.record,
  });
  supervisors.push(supervised);
  return { supervised, events, handedOver, starts: () => count };
}

const kill = async (neo4j: EmbeddedNeo4j): Promise<void> => {
  process.kill(neo4j.pid, 'SIGKILL');
  await neo4j.exited;
};

describe('SupervisedNeo4j', () => {
  it('starts a new process when its process dies unbidden, hands it over, then serves it', async () => {
    const { supervised, events, handedOver } = await supervise();
    const first = supervised.current;
    expect(supervised.status).toBe('serving');
    const restarted = events.next('neo4j restarted');
    await kill(first);
    const line = await restarted;
    const second = supervised.current;
    expect(second.pid).not.toBe(first.pid);
    expect(alive(second.pid)).toBe(true);
    expect(handedOver.map((n) => n.pid)).toEqual([second.pid]);
    expect(supervised.status).toBe('serving');
    expect(events.messages).toEqual(['neo4j exited', 'neo4j restarted']);
    expect(events.lines[0]).toMatchObject({ level: 'error', pid: first.pid, uri: first.uri });
    expect(line).toMatchObject({ level: 'warn', attempt: 1, pid: second.pid, uri: second.uri });
  });

  it('gives up after its attempts when every restart fails, and reports failed', async () => {
    const { supervised, events, starts } = await supervise({ attempts: 3, restart: () => standIn(FAILS) });
    const gaveUp = events.next('neo4j could not be restarted');
    await kill(supervised.current);
    expect(await gaveUp).toMatchObject({ level: 'error', attempts: 3 });
    expect(supervised.status).toBe('failed');
    expect(starts()).toBe(4);
    expect(events.lines.filter((l) => l.msg === 'neo4j restart failed')).toEqual(
      [1, 2, 3].map((attempt) => ({ level: 'error', msg: 'neo4j restart failed', attempt, of: 3, error: 'the stand-in exited before it was ready (exit code 1)' })),
    );
    await supervised.stop();
    expect(supervised.status).toBe('stopped');
  });

  it('counts the tries since the last process that lasted: a restarted process that dies soon uses up what is left', async () => {
    const { supervised, events } = await supervise({ attempts: 2 });
    for (const attempt of [1, 2]) {
      const restarted = events.next('neo4j restarted');
      await kill(supervised.current);
      expect(await restarted).toMatchObject({ attempt });
    }
    const gaveUp = events.next('neo4j could not be restarted');
    await kill(supervised.current);
    await gaveUp;
    expect(supervised.status).toBe('failed');
    expect(events.messages).toEqual(['neo4j exited', 'neo4j restarted', 'neo4j exited', 'neo4j restarted', 'neo4j exited', 'neo4j could not be restarted']);
  });

  it('starts the count again once a process has served a minute', async () => {
    const { supervised, events } = await supervise({ attempts: 1 });
    const restarted = events.next('neo4j restarted');
    await kill(supervised.current);
    await restarted;
    // A minute on: the clock is moved, not waited for.
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now + 60_000);
    try {
      const again = events.next('neo4j restarted');
      await kill(supervised.current);
      expect(await again).toMatchObject({ attempt: 1 });
      expect(events.lines.filter((l) => l.msg === 'neo4j exited')[1]).toMatchObject({ livedMs: expect.any(Number) });
      expect((events.lines.filter((l) => l.msg === 'neo4j exited')[1] as { livedMs: number }).livedMs).toBeGreaterThanOrEqual(60_000);
    } finally {
      clock.mockRestore();
    }
    expect(supervised.status).toBe('serving');
  });

  it('stops at once while it waits to restart, and starts nothing more', async () => {
    const { supervised, events, starts } = await supervise({ backoffMs: 3_600_000 });
    const exited = events.next('neo4j exited');
    await kill(supervised.current);
    await exited;
    expect(supervised.status).toBe('restarting');
    await supervised.stop();
    expect(supervised.status).toBe('stopped');
    expect(starts()).toBe(1);
    expect(events.messages).toEqual(['neo4j exited']);
  });

  it('stops a process it was still handing over when stop was called, and stays stopped', async () => {
    let handOver = (_neo4j: EmbeddedNeo4j): void => undefined;
    const handingOver = new Promise<EmbeddedNeo4j>((resolve) => (handOver = resolve));
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { supervised, events } = await supervise({ restarted: (neo4j) => (handOver(neo4j), held) });
    await kill(supervised.current);
    const restarted = await handingOver;
    const stopped = supervised.stop();
    release();
    await stopped;
    expect(alive(restarted.pid)).toBe(false);
    expect(supervised.status).toBe('stopped');
    expect(events.messages).toEqual(['neo4j exited']);
  });

  it('stays stopped, not failed, when its last restart fails after stop was called', async () => {
    let fail = (): void => undefined;
    let asked = (): void => undefined;
    const starting = new Promise<void>((resolve) => (asked = resolve));
    const restart = (): Promise<EmbeddedNeo4j> => {
      asked();
      return new Promise((_resolve, reject) => (fail = () => reject(new Error('the stand-in exited before it was ready (exit code 1)'))));
    };
    const { supervised, events } = await supervise({ attempts: 1, restart });
    await kill(supervised.current);
    await starting;
    const stopped = supervised.stop();
    fail();
    await stopped;
    expect(supervised.status).toBe('stopped');
    expect(events.messages).toEqual(['neo4j exited', 'neo4j restart failed']);
  });

  it('takes stopping its current process for stopping, not for a death', async () => {
    const { supervised, events, starts } = await supervise();
    const current = supervised.current;
    await current.stop();
    expect(alive(current.pid)).toBe(false);
    expect(supervised.status).toBe('stopped');
    expect(starts()).toBe(1);
    expect(events.lines).toEqual([]);
  });
});
