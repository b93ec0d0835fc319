/**
 * The extraction pool (src/extract/extract.pool.ts) with real worker threads running the
 * extractor from source: the same proposal as in-process, the graph lookup answered by the
 * main thread, and each bound (time, queue, heap) answered with its own error while the
 * pool carries on with the next task.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { DEFAULT_EXTRACTION, type ExtractionSettings } from '../../src/config';
import { ExtractionPool } from '../../src/extract/extract.pool';
import { IN_PROCESS, proposeWith, type GazetteerLookup } from '../../src/extract/extract.task';
import type { GazetteerEntry } from '../../src/extract/gazetteer';
import type { LookupKeys } from '../../src/extract/lookup';
import { sourceWorkers } from '../helpers/typescript-node';

const STORY = readFileSync(path.resolve(__dirname, '../../seed/article.txt'), 'utf8');
const WALTZ: GazetteerEntry = { id: 'person:mike-waltz', type: 'Person', name: 'Mike Waltz', aliases: ['Waltz'], kind: null, titles: ['National Security Adviser'] };
const SHORT = { text: 'Talks resume\n\nWaltz said on Thursday that talks with Ukraine would resume next week.', title: 'Talks resume' };
const none: GazetteerLookup = async () => [];

const pools: ExtractionPool[] = [];
function pool(settings: Partial<ExtractionSettings> = {}): ExtractionPool {
  const made = new ExtractionPool({ ...DEFAULT_EXTRACTION, ...settings, ...sourceWorkers() });
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

const codeOf = (error: unknown): unknown => (error instanceof GraphQLError ? error.extensions.code : error);

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
    const p = pool({ workers: 1, timeoutMs: 1_000 });
    const held = heldLookup();
    // The budget counts while the task waits for its graph read too: held, it runs out for sure.
    const error = await p.propose(SHORT, held.lookup).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('TIMEOUT');
    expect((error as GraphQLError).extensions).toMatchObject({ limit: 'EXTRACT_TIMEOUT_MS', max: 1000 });
    expect((error as GraphQLError).message).toBe(
      'The extraction ran longer than its time budget of 1000 ms (EXTRACT_TIMEOUT_MS) and was stopped; send a shorter text, or extract it with npm run extract.',
    );
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

  it('answers TIMEOUT for a task still waiting for a worker at its request deadline, and never runs it', async () => {
    const p = pool({ workers: 1, queue: 2 });
    const held = heldLookup();
    const running = p.propose(SHORT, held.lookup);
    await held.asked;
    const asked: LookupKeys[] = [];
    const late = await p
      .propose(SHORT, async (keys) => (asked.push(keys), []), Date.now() + 50)
      .catch((e: unknown) => e);
    expect(codeOf(late)).toBe('TIMEOUT');
    expect((late as GraphQLError).message).toBe('The extraction waited for a free worker until its request ran out of time (REQUEST_TIMEOUT_MS); try again shortly.');
    expect(p.state).toEqual({ running: 1, queued: 0, workers: 1 });
    held.release();
    await running;
    expect(asked).toEqual([]);
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
