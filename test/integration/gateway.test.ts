/**
 * The gateway's reads: auto-commit transactions in read mode, which the gateway retries
 * itself on the driver's schedule (the driver retries only managed transactions); and its
 * writes under a request's deadline or waiting for a lock, on a scratch graph (own-neo4j.ts):
 * even a write that is rolled back may commit the new names it brings (labels, property
 * keys), and a commit would end the kept answers of the files reading the shared story
 * database meanwhile.
 */
import { createServer } from 'node:net';
import { loadConfig } from '../../src/config';
import { cypher } from '../../src/db/cypher';
import { createDriver, Neo4jGateway } from '../../src/db/gateway';
import { testGateway } from '../helpers/graph';
import { scratchGraphForFile } from '../helpers/own-neo4j';

/** The writes' graph: the worker's scratch graph, or a Neo4j of this file's own. */
let scratchUri: string;
scratchGraphForFile((graph) => (scratchUri = graph.uri));

/** A loopback port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** How many times `gateway` asks Neo4j (a session each): its retries, counted as they happen rather than guessed from the clock. */
function attempts(gateway: Neo4jGateway): () => number {
  const sessions = jest.spyOn(gateway.driver, 'session');
  return () => sessions.mock.calls.length;
}

async function failure(work: Promise<unknown>): Promise<{ error: { message?: string; extensions?: { code?: string }; code?: string }; ms: number }> {
  const started = Date.now();
  const error = await work.then(
    () => {
      throw new Error('expected the read to fail');
    },
    (e: unknown) => e as { message?: string; extensions?: { code?: string } },
  );
  return { error, ms: Date.now() - started };
}

describe('a read', () => {
  const gateway = testGateway();
  afterAll(() => gateway.close());

  it('runs in read mode: Neo4j refuses a write in it and nothing is written', async () => {
    const { error } = await failure(gateway.read(cypher('CREATE (n:ReadModeProbe {at: $at}) RETURN n', { at: 1 })));
    expect(error.message).toMatch(/read access mode/i);
    const [row] = await gateway.read(cypher('MATCH (n:ReadModeProbe) RETURN count(n) AS n'));
    expect(row).toEqual({ n: 0 });
  });

  it('is not retried when it fails for good: a Cypher error is reported at once', async () => {
    const config = loadConfig().neo4j;
    const patient = Neo4jGateway.connect({ ...config, uri: config.uri as string }, { maxRetryTimeMs: 5_000 });
    const asked = attempts(patient);
    try {
      const { error } = await failure(patient.read(cypher('RETURN $x +')));
      expect(error.code).toBe('Neo.ClientError.Statement.SyntaxError');
      expect(asked()).toBe(1);
    } finally {
      await patient.close();
    }
  });
});

describe('a read and stack traces', () => {
  const gateway = testGateway();
  afterAll(() => gateway.close());

  it('skips the driver\'s stack trace of the call, and leaves Error.stackTraceLimit as it was, after an answer and after an error', async () => {
    const before = Error.stackTraceLimit;
    expect(await gateway.read(cypher('RETURN 1 AS n'))).toEqual([{ n: 1 }]);
    expect(Error.stackTraceLimit).toBe(before);
    const { error } = await failure(gateway.read(cypher('RETURN $x +')));
    expect(Error.stackTraceLimit).toBe(before);
    // Neo4j's own words are kept; the frames of this test are not added to them.
    expect(error.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect((error as Error).stack).not.toContain('gateway.test');
    expect(new Error('here').stack).toContain('gateway.test');
  });
});

describe('a write under a request deadline', () => {
  let gateway: Neo4jGateway;
  beforeAll(() => (gateway = Neo4jGateway.connect({ ...loadConfig().neo4j, uri: scratchUri })));
  afterAll(() => gateway.close());

  it('is cancelled by Neo4j at the deadline and rolled back: TIMEOUT, and nothing it wrote is kept', async () => {
    const deadline = { at: Date.now() + 500, ms: 500 };
    const { error, ms } = await failure(
      gateway.write(async (tx) => {
        await tx.run(cypher('CREATE (:DeadlineProbe)'));
        // Seconds of work: only the deadline ends it.
        return tx.run(cypher('UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n'));
      }, undefined, deadline),
    );
    expect({ code: error.extensions?.code, message: error.message }).toEqual({
      code: 'TIMEOUT',
      message: 'The query ran longer than its time budget of 500 ms (REQUEST_TIMEOUT_MS) and was cancelled; ask for fewer items or a narrower filter.',
    });
    // Far below the write's own timeout (a minute), which would end it were the deadline ignored;
    // Neo4j notices a timed-out transaction on a periodic check, later still on a busy machine.
    expect(ms).toBeLessThan(30_000);
    expect(await gateway.read(cypher('MATCH (n:DeadlineProbe) RETURN count(n) AS n'))).toEqual([{ n: 0 }]);
  });

  it('is not started once the deadline has passed', async () => {
    const { error } = await failure(gateway.write((tx) => tx.run(cypher('CREATE (:DeadlineProbe)')), undefined, { at: Date.now() - 1, ms: 500 }));
    expect(error.extensions?.code).toBe('TIMEOUT');
    expect(await gateway.read(cypher('MATCH (n:DeadlineProbe) RETURN count(n) AS n'))).toEqual([{ n: 0 }]);
  });
});

describe('a write that waits for a lock', () => {
  const config = loadConfig().neo4j;

  it('is reported as TIMEOUT past its timeout', async () => {
    const driver = createDriver({ ...config, uri: scratchUri });
    await driver.executeQuery('CREATE (:LockProbe {id: $id})', { id: 'lock-probe' });
    const holder = driver.session();
    const held = await holder.beginTransaction();
    const gateway = new Neo4jGateway(createDriver({ ...config, uri: scratchUri }), undefined, 200);
    try {
      // An uncommitted write on the node holds its lock until `held` ends.
      await held.run('MATCH (p:LockProbe {id: $id}) SET p.lockProbe = 1', { id: 'lock-probe' });
      const error = await gateway
        .write((tx) => tx.run(cypher('MATCH (p:LockProbe {id: $id}) SET p.lockProbe = 2', { id: 'lock-probe' })))
        .then(
          () => null,
          (e: unknown) => e as { extensions?: Record<string, unknown>; originalError?: { code: string } },
        );
      expect({ code: error?.extensions?.code, neo4jCode: error?.originalError?.code }).toEqual({
        code: 'TIMEOUT',
        // What Neo4j 5.26 really answers when a transaction's timeout ends its wait for a lock.
        neo4jCode: 'Neo.ClientError.Transaction.LockClientStopped',
      });
    } finally {
      await held.rollback();
      await holder.close();
      await gateway.close();
      await driver.close();
    }
  });
});

describe('an unreachable Neo4j', () => {
  const config = loadConfig().neo4j;

  it.each([
    // One retry 0.8-1.2 s after the first failure, and a second 1.6-2.4 s after that one. A
    // busy machine delays the retry's own failure, never the waits' lower ends: 500 ms has
    // passed by the first retry's failure however fast it comes, and the second retry's
    // failure, 2.4 s in at the soonest, is past 2 300 ms; the first retry may fail up to
    // 1.1 s late and still come within it.
    { maxRetryTimeMs: 500, tries: 2, atLeast: 800 },
    { maxRetryTimeMs: 2_300, tries: 3, atLeast: 2_400 },
  ])('is retried on the driver’s schedule within $maxRetryTimeMs ms, then reported as SERVICE_UNAVAILABLE', async ({ maxRetryTimeMs, tries, atLeast }) => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const gateway = Neo4jGateway.connect({ ...config, uri }, { maxRetryTimeMs, connectionTimeoutMs: 1_000 });
    const asked = attempts(gateway);
    try {
      const { error, ms } = await failure(gateway.read(cypher('RETURN 1 AS one')));
      expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(asked()).toBe(tries);
      // The waits between tries are the driver's schedule: a busy machine makes them longer, never shorter.
      expect(ms).toBeGreaterThanOrEqual(atLeast);
    } finally {
      await gateway.close();
    }
  });
});
