/**
 * The extraction pool (src/extract/extract.pool.ts) with real worker threads running the
 * extractor from source: the same proposal as in-process, the graph lookup answered by the
 * main thread, and each bound (time, queue, heap) answered with its own error while the
 * pool carries on with the next task. Time budgets count from submission; the tests of them
 * move a clock of their own, so no outcome depends on how fast the machine is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { DEFAULT_EXTRACTION, type ExtractionSettings } from '../../src/config';
import { ExtractionPool, type PoolClock } from '../../src/extract/extract.pool';
import { proposeWith } from '../../src/extract/extract.propose';
import { IN_PROCESS } from '../../src/extract/extract.in-process';
import type { GazetteerLookup } from '../../src/extract/extract.task';
import type { GazetteerEntry } from '../../src/extract/gazetteer';
import type { LookupKeys } from '../../src/extract/lookup';
import { sourceWorkers } from '../helpers/typescript-node';

const STORY = readFileSync(path.resolve(__dirname, '../../seed/article.txt'), 'utf8');
const WALTZ: GazetteerEntry = { id: 'person:mike-waltz', type: 'Person', name: 'Mike Waltz', aliases: ['Waltz'], kind: null, titles: ['National Security Adviser'] };
const SHORT = { text: 'Talks resume\n\nWaltz said on Thursday that talks with Ukraine would resume next week.', title: 'Talks resume' };
const none: GazetteerLookup = async () => [];

/**
 * A clock that moves only when the test moves it: `advance` runs, in order, what falls due on
 * the way; `jump` moves time and runs nothing, as an event loop too busy for its timers would.
 */
class TestClock implements PoolClock {
  private time = Date.UTC(2025, 2, 5);
  private timers: { at: number; fn: () => void }[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }

  jump(ms: number): void {
    this.time += ms;
  }
}

const pools: ExtractionPool[] = [];
/**
 * A pool whose workers run the extractor from source. A test that names no budget is not about
 * budgets, so it gets one a busy machine does not run out of: a worker's first task transpiles
 * the extractor, which took more than the default 10 s beside the test JVMs' starts.
 */
function pool(settings: Partial<ExtractionSettings> = {}, clock?: PoolClock): ExtractionPool {
  const made = new ExtractionPool({ ...DEFAULT_EXTRACTION, timeoutMs: 120_000, ...settings, ...sourceWorkers(), ...(clock ? { clock } : {}) });
  pools.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** A lookup that answers only when `release` is called: a task held at a known point. */
function heldLookup(): { lookup: GazetteerLookup; asked: Promise<LookupKeys>; release: () => void } {
  let release = (): void => undefined;
  let asked: (keys: LookupKeys) => void = () => undefined;
  const keys = new Promise<LookupKeys>((resolve) => (asked = resolve));
  const lookup: GazetteerLookup = (k) => {
    asked(k);
    return new Promise((resolve) => (release = () => resolve([])));
  };
  return { lookup, asked: keys, release: () => release() };
}

/** A one-worker pool on a clock of the test's, its worker busy with a task held at its graph read. */
async function busyPool(settings: Partial<ExtractionSettings>): Promise<{ p: ExtractionPool; clock: TestClock; held: ReturnType<typeof heldLookup>; running: Promise<unknown> }> {
  const clock = new TestClock();
  const p = pool({ workers: 1, timeoutMs: 60_000, ...settings }, clock);
  const held = heldLookup();
  const running = p.propose(SHORT, held.lookup);
  await held.asked;
  return { p, clock, held, running };
}

/** A lookup that answers at once with nothing, and keeps the keys it was asked for. */
function recordingLookup(): { lookup: GazetteerLookup; asked: LookupKeys[] } {
  const asked: LookupKeys[] = [];
  return { lookup: async (keys) => (asked.push(keys), []), asked };
}

const codeOf = (error: unknown): unknown => (error instanceof GraphQLError ? error.extensions.code : error);

/** `error` is the pool's TIMEOUT for the budget `limit` of `max` ms, saying `message`. */
function expectTimeout(error: unknown, limit: string, max: number, message: string): void {
  expect(error).toBeInstanceOf(GraphQLError);
  const { extensions } = error as GraphQLError;
  expect({ message: (error as GraphQLError).message, extensions }).toEqual({ message, extensions: { code: 'TIMEOUT', limit, max } });
}

describe('ExtractionPool', () => {
  it('proposes in a worker what the calling thread proposes, asking the main thread for the gazetteer', async () => {
    const asked: LookupKeys[] = [];
    const lookup: GazetteerLookup = async (keys) => {
      asked.push(keys);
      return [WALTZ];
    };
    const fromWorker = await pool({ workers: 1 }).propose({ text: STORY, title: null }, lookup);
    expect(fromWorker).toEqual(await IN_PROCESS.propose({ text: STORY, title: null }, async () => [WALTZ]));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.names).toContain('waltz');

    const short = await pool({ workers: 1 }).propose(SHORT, lookup);
    expect(short.statements.map((s) => s.speaker)).toEqual(['person:mike-waltz']);
  });

  it('stops an extraction over its time budget with TIMEOUT naming EXTRACT_TIMEOUT_MS, and runs the next one on a fresh worker', async () => {
    const clock = new TestClock();
    const p = pool({ workers: 1, timeoutMs: 1_000 }, clock);
    const held = heldLookup();
    // The budget counts while the task waits for its graph read too: held, it runs out for sure.
    const stopped = p.propose(SHORT, held.lookup).catch((e: unknown) => e);
    await held.asked;
    clock.advance(1_000);
    const error = await stopped;
    expectTimeout(error, 'EXTRACT_TIMEOUT_MS', 1000, "The extraction's time budget of 1000 ms (EXTRACT_TIMEOUT_MS) ran out while it ran: it waited 0 ms for a worker and ran 1000 ms, then was stopped; send a shorter text, or extract it with npm run extract.");
    expect(p.state).toEqual({ running: 0, queued: 0, workers: 0 });
    const next = await p.propose(SHORT, none);
    expect(next).toEqual(await proposeWith(SHORT, none));
  });

  it('queues at most EXTRACT_QUEUE tasks beyond its workers, then answers OVERLOADED (429)', async () => {
    const p = pool({ workers: 1, queue: 1 });
    const held = heldLookup();
    const running = p.propose(SHORT, held.lookup);
    await held.asked;
    const waiting = p.propose(SHORT, none);
    expect(p.state).toEqual({ running: 1, queued: 1, workers: 1 });

    const refused = await p.propose(SHORT, none).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('OVERLOADED');
    expect((refused as GraphQLError).extensions).toMatchObject({ limit: 'EXTRACT_QUEUE', max: 1, http: { status: 429 } });
    expect((refused as GraphQLError).message).toBe('The server is running 1 extraction(s) with 1 waiting, the most it queues (EXTRACT_QUEUE=1); try again shortly.');

    held.release();
    await expect(running).resolves.toMatchObject({ articleId: 'article:talks-resume' });
    await expect(waiting).resolves.toMatchObject({ articleId: 'article:talks-resume' });
    expect(p.state).toMatchObject({ running: 0, queued: 0 });
  });

  it('counts the budget from submission: a task that waited most of it for a worker is stopped when the rest runs out', async () => {
    const { p, clock, held, running } = await busyPool({ queue: 1 });
    const second = heldLookup();
    const waiting = p.propose(SHORT, second.lookup).catch((e: unknown) => e);
    clock.advance(59_000);
    held.release();
    await expect(running).resolves.toMatchObject({ articleId: 'article:talks-resume' });
    await second.asked;
    clock.advance(1_000);
    const error = await waiting;
    expectTimeout(error, 'EXTRACT_TIMEOUT_MS', 60_000, "The extraction's time budget of 60000 ms (EXTRACT_TIMEOUT_MS) ran out while it ran: it waited 59000 ms for a worker and ran 1000 ms, then was stopped; send a shorter text, or extract it with npm run extract.");
    expect(p.state).toEqual({ running: 0, queued: 0, workers: 0 });
  });

  it('answers TIMEOUT for a task still waiting for a worker when its request deadline comes, and never runs it', async () => {
    const { p, clock, held, running } = await busyPool({ queue: 2 });
    const { lookup, asked } = recordingLookup();
    const late = p.propose(SHORT, lookup, { at: clock.now() + 5_000, ms: 15_000 }).catch((e: unknown) => e);
    expect(p.state).toEqual({ running: 1, queued: 1, workers: 1 });
    clock.advance(5_000);
    const error = await late;
    expectTimeout(error, 'REQUEST_TIMEOUT_MS', 15_000, "The extraction's time budget of 15000 ms (REQUEST_TIMEOUT_MS) ran out before a worker was free: it waited 5000 ms in the queue and never ran; try again shortly.");
    expect(p.state).toEqual({ running: 1, queued: 0, workers: 1 });
    held.release();
    await running;
    expect(asked).toEqual([]);
  });

  it('does not start a task that fell due while it waited, even when no timer has said so yet', async () => {
    const { p, clock, held, running } = await busyPool({ queue: 1 });
    const { lookup, asked } = recordingLookup();
    const waiting = p.propose(SHORT, lookup).catch((e: unknown) => e);
    clock.jump(61_000);
    held.release();
    await running;
    const error = await waiting;
    expectTimeout(error, 'EXTRACT_TIMEOUT_MS', 60_000, "The extraction's time budget of 60000 ms (EXTRACT_TIMEOUT_MS) ran out before a worker was free: it waited 61000 ms in the queue and never ran; try again shortly.");
    expect(asked).toEqual([]);
    expect(p.state).toEqual({ running: 0, queued: 0, workers: 1 });
  });

  it('refuses a task whose request deadline has already passed, starting no worker', async () => {
    const clock = new TestClock();
    const p = pool({ workers: 1 }, clock);
    const error = await p.propose(SHORT, none, { at: clock.now() - 250, ms: 15_000 }).catch((e: unknown) => e);
    expectTimeout(error, 'REQUEST_TIMEOUT_MS', 15_000, "The extraction's time budget of 15000 ms (REQUEST_TIMEOUT_MS) had run out 250 ms before the extraction was submitted, so it never ran.");
    expect(p.state).toEqual({ running: 0, queued: 0, workers: 0 });
  });

  it('answers LIMIT_EXCEEDED naming EXTRACT_HEAP_MB when a worker runs out of its heap, and the process carries on', async () => {
    // 8 MB is less than the extractor's own code and word lists need: the worker dies loading them.
    const p = pool({ workers: 1, heapMb: 8 });
    const error = await p.propose(SHORT, none).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('LIMIT_EXCEEDED');
    expect((error as GraphQLError).extensions).toMatchObject({ limit: 'EXTRACT_HEAP_MB', max: 8 });
    expect(p.state).toMatchObject({ running: 0, queued: 0 });
  });

  it('refuses waiting and new tasks once closed', async () => {
    const p = pool({ workers: 1, queue: 2 });
    const held = heldLookup();
    const running = p.propose(SHORT, held.lookup).catch((e: unknown) => e);
    const waiting = p.propose(SHORT, none).catch((e: unknown) => e);
    await held.asked;
    await p.close();
    expect([codeOf(await running), codeOf(await waiting)]).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
    expect(codeOf(await p.propose(SHORT, none).catch((e: unknown) => e))).toBe('SERVICE_UNAVAILABLE');
    expect(p.state).toEqual({ running: 0, queued: 0, workers: 0 });
  });

  it('reports its state on "change" as tasks start and end', async () => {
    const p = pool({ workers: 1 });
    const busy = p.reaches((s) => s.running === 1);
    const done = p.propose(SHORT, none);
    await expect(busy).resolves.toEqual({ running: 1, queued: 0, workers: 1 });
    await done;
    await expect(p.reaches((s) => s.running === 0)).resolves.toMatchObject({ queued: 0 });
  });
});
