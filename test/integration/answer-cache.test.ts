/**
 * Kept answers (src/db/answer-cache.ts) against the real Neo4j: a question asked for the
 * first time, or after a commit the gateway has seen, costs one round trip; an answer is
 * given again for one round trip while nothing is committed, and never after a commit,
 * whoever made it; an answer computed while a write committed is not kept. The writes here go through a
 * driver of their own, not the gateway, as the ingest CLI or a Cypher shell would. The
 * nodes are labelled AnswerCacheProbe or AnswerCacheOther and removed after each test. A
 * transaction that changes nothing (a node created and deleted in it) commits nothing, and
 * leaves kept answers as they are. All of it on a scratch graph (own-neo4j.ts): these commits
 * would end the kept answers of the files reading the shared story database meanwhile.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { cypher, type CypherQuery } from '../../src/db/cypher';
import { Neo4jGateway, RoundTrips, type Row } from '../../src/db/gateway';
import { scratchGraphForFile } from '../helpers/own-neo4j';

const COUNT = cypher('MATCH (n:AnswerCacheProbe) RETURN count(n) AS n');

/**
 * Counts the probes after about a second and a half of counting to 50 million: the count of
 * numbers is an aggregation, so Neo4j finishes it before it looks for a probe.
 */
const SLOW_COUNT = cypher(`UNWIND range(1, 10000) AS i UNWIND range(1, 5000) AS j
WITH count(*) AS numbers
CALL { MATCH (n:AnswerCacheProbe) RETURN count(n) AS n }
RETURN n`);

const config = loadConfig().neo4j;
let uri: string;
let elsewhere: Driver;
let gateway: Neo4jGateway;
scratchGraphForFile((graph) => (uri = graph.uri));

beforeAll(() => {
  elsewhere = neo4j.driver(uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
  // SLOW_COUNT takes seconds on a busy machine: only the deadlines a test sets may end it, never the 10 s default.
  gateway = Neo4jGateway.connect({ ...config, uri }, { transactionTimeoutMs: 60_000 });
});

afterEach(async () => {
  await elsewhere.executeQuery('MATCH (n) WHERE n:AnswerCacheProbe OR n:AnswerCacheOther DELETE n', {}, { database: config.database });
});

afterAll(async () => {
  await elsewhere.close();
  await gateway.close();
});

const addProbe = async (): Promise<void> => {
  await elsewhere.executeQuery('CREATE (:AnswerCacheProbe)', {}, { database: config.database });
};

/**
 * Waits until Neo4j runs SLOW_COUNT (the text to look for travels as a parameter, so this query
 * does not find itself), asking again until it does; jest's timeout ends a wait for one that never starts.
 */
async function slowCountRunning(): Promise<void> {
  for (;;) {
    const { records } = await elsewhere.executeQuery(
      'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n',
      { marker: 'UNWIND range(1, 10000)' },
      { database: config.database },
    );
    if ((records[0]?.get('n') as number) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function readKept(query: CypherQuery, from = gateway): Promise<{ rows: readonly Row[]; trips: number }> {
  const trips = new RoundTrips();
  const rows = await from.readKept(query, trips);
  return { rows, trips: trips.count };
}

/** A read through the gateway: it then knows the state of the database, as a server that serves any request does. */
const look = async (): Promise<void> => {
  await gateway.read(COUNT);
};

describe('a kept answer', () => {
  it('costs one round trip when asked for the first time, is given again for one until anything is committed, and recomputed after', async () => {
    await look();
    const first = await readKept(COUNT);
    const again = await readKept(COUNT);
    expect(first).toEqual({ rows: [{ n: 0 }], trips: 1 });
    expect(again.trips).toBe(1);
    expect(again.rows).toBe(first.rows);

    // A commit the gateway has not seen: the check finds it, and a second round trip computes.
    await addProbe();
    const afterWrite = await readKept(COUNT);
    expect(afterWrite).toEqual({ rows: [{ n: 1 }], trips: 2 });
    const kept = await readKept(COUNT);
    expect(kept).toEqual({ rows: [{ n: 1 }], trips: 1 });
    expect(kept.rows).toBe(afterWrite.rows);

    // A transaction that changes nothing commits nothing.
    await elsewhere.executeQuery('CREATE (p:AnswerCacheProbe) DELETE p', {}, { database: config.database });
    expect((await readKept(COUNT)).rows).toBe(kept.rows);

    // A commit anywhere in the database, not only to what the query reads, ends every kept answer.
    await elsewhere.executeQuery('CREATE (:AnswerCacheOther)', {}, { database: config.database });
    expect(await readKept(COUNT)).toEqual({ rows: [{ n: 1 }], trips: 2 });
  });

  it('is recomputed in one round trip once the gateway has seen a commit, by its own write or by any read that came back after it', async () => {
    await look();
    const before = await readKept(COUNT);
    expect((await readKept(COUNT)).rows).toBe(before.rows);

    // A write through the gateway: the next ask computes at once, one round trip, and that answer is kept.
    await gateway.write((tx) => tx.run(cypher('CREATE (:AnswerCacheProbe)')));
    const afterOwnWrite = await readKept(COUNT);
    expect(afterOwnWrite).toEqual({ rows: [{ n: 1 }], trips: 1 });
    const again = await readKept(COUNT);
    expect(again.trips).toBe(1);
    expect(again.rows).toBe(afterOwnWrite.rows);

    // A write elsewhere, then a read of another question that comes back after it: the gateway
    // knows the kept answer is stale without a check.
    await addProbe();
    await look();
    const afterSeenWrite = await readKept(COUNT);
    expect(afterSeenWrite).toEqual({ rows: [{ n: 2 }], trips: 1 });
    expect((await readKept(COUNT)).rows).toBe(afterSeenWrite.rows);
  });

  it('is frozen: a caller cannot change the answer the next request gets', async () => {
    const { rows } = await readKept(COUNT);
    expect(() => {
      (rows[0] as Row).n = 99;
    }).toThrow(TypeError);
    expect((await readKept(COUNT)).rows).toEqual([{ n: 0 }]);
  });

  it('is not kept when a write committed while it was computed: it may have seen part of the graph before and part after', async () => {
    await look();
    const computing = readKept(SLOW_COUNT);
    await slowCountRunning();
    await addProbe();
    // The probe was added while the numbers were being counted, so the count saw it.
    const computed = await computing;
    expect(computed).toEqual({ rows: [{ n: 1 }], trips: 1 });
    // Kept, it would have been given again here, the very same rows.
    const recomputed = await readKept(SLOW_COUNT);
    expect(recomputed).toEqual({ rows: [{ n: 1 }], trips: 1 });
    expect(recomputed.rows).not.toBe(computed.rows);
    expect((await readKept(SLOW_COUNT)).rows).toBe(recomputed.rows);
  });

  it('is computed once for requests that ask for it at the same time', async () => {
    await look();
    const [a, b] = await Promise.all([readKept(SLOW_COUNT), readKept(SLOW_COUNT)]);
    // One computes it (one round trip), the other checks the state and waits for it (one round trip).
    expect([a.trips, b.trips]).toEqual([1, 1]);
    expect(a.rows).toBe(b.rows);
  });

  it('is computed again by a request that waited for it when its computation fails, and a waiter stops waiting at its own deadline', async () => {
    await addProbe();
    await look();
    // The first request's deadline cancels its query; the one waiting for it computes the answer itself.
    const impatient = gateway.readKept(SLOW_COUNT, new RoundTrips(), { at: Date.now() + 800, ms: 800 });
    await slowCountRunning();
    const patient = readKept(SLOW_COUNT);
    await expect(impatient).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(await patient).toEqual({ rows: [{ n: 1 }], trips: 2 });

    // A request with little time left stops waiting at its own deadline, with no query of its
    // own: one trip, the state check.
    await addProbe();
    await look();
    const slow = readKept(SLOW_COUNT);
    let slowDone = false;
    void slow.then(
      () => (slowDone = true),
      () => (slowDone = true),
    );
    await slowCountRunning();
    const waiter = new RoundTrips();
    await expect(gateway.readKept(SLOW_COUNT, waiter, { at: Date.now() + 300, ms: 300 })).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(waiter.count).toBe(1);
    // It gave up on its own: the computation it waited for was still running.
    expect(slowDone).toBe(false);
    expect(await slow).toEqual({ rows: [{ n: 2 }], trips: 1 });
  });

  it('is never kept with ANSWER_CACHE_SIZE=0: every read is computed, in one round trip', async () => {
    const uncached = Neo4jGateway.connect({ ...config, uri }, { answerCacheSize: 0 });
    try {
      const first = await readKept(COUNT, uncached);
      const second = await readKept(COUNT, uncached);
      expect([first, second]).toEqual([
        { rows: [{ n: 0 }], trips: 1 },
        { rows: [{ n: 0 }], trips: 1 },
      ]);
      expect(second.rows).not.toBe(first.rows);
    } finally {
      await uncached.close();
    }
  });
});
