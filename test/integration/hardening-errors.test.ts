/**
 * Honest errors and time budgets, on the real server and the real Neo4j. Faults are
 * brought in the way production code meets them, by handing the server a gateway (the
 * only door to Neo4j) that fails: one whose reads throw a programming error, one whose
 * reads are a slow Cypher query, one whose reads never answer.
 */
import { cypher, type CypherQuery } from '../../src/db/cypher';
import { Neo4jGateway, type RoundTrips, type Row } from '../../src/db/gateway';
import type { Deadline } from '../../src/deadline';
import { BrokenGateway, driverForTests } from '../helpers/failing-gateways';
import { testGateway } from '../helpers/graph';
import { requestLines, startTestServer } from '../helpers/server';

/** Counts to a hundred million and keeps nothing: seconds of work for Neo4j, no data needed. */
const SLOW = cypher('UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n');

/** Every read is the slow query, under the budget the request gives it. */
class SlowGateway extends Neo4jGateway {
  override read(_query: CypherQuery, trips?: RoundTrips, deadline?: Deadline): Promise<Row[]> {
    return super.read(SLOW, trips, deadline);
  }
}

/** Every read hangs: only the server's own deadline can answer the client. */
class HangingGateway extends Neo4jGateway {
  override read(): Promise<Row[]> {
    return new Promise(() => undefined);
  }
}

const PEOPLE = 'query People { people(first: 1) { totalCount } }';

describe('an internal error', () => {
  it('reaches a production client masked, with a request id, and the log has the detail under that id', async () => {
    const gateway = new BrokenGateway(driverForTests(), undefined);
    const api = await startTestServer(gateway, { production: true });
    try {
      const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PEOPLE }) });
      const requestId = response.headers.get('x-request-id') ?? '';
      const text = await response.text();
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect({ status: response.status, body: JSON.parse(text) }).toEqual({
        status: 200,
        body: {
          data: null,
          errors: [
            {
              message: `Internal server error; the log has the details under request id ${requestId}.`,
              locations: [{ line: 1, column: 16 }],
              path: ['people'],
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
            },
          ],
        },
      });
      expect(text).not.toMatch(/secretInternalDetail|TypeError|stacktrace|\.ts:/);

      const internal = api.logs.filter((l) => l.msg === 'internal error');
      expect(internal).toHaveLength(1);
      expect(internal[0]).toMatchObject({ level: 'error', requestId, path: ['people'] });
      expect(internal[0]?.error).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'secretInternalDetail'\)\n\s+at BrokenGateway.read/);
      expect(requestLines(api.logs, requestId)).toMatchObject([{ operation: 'People', status: 200, outcome: 'error', errors: ['INTERNAL_SERVER_ERROR'] }]);
    } finally {
      await api.stop();
      await gateway.close();
    }
  });

  it('reaches a development client unmasked, with its stack and the request id', async () => {
    const gateway = new BrokenGateway(driverForTests(), undefined);
    const api = await startTestServer(gateway, { production: false });
    try {
      const answer = await api.post(PEOPLE);
      const [error] = answer.body.errors ?? [];
      expect(error?.message).toBe("Cannot read properties of undefined (reading 'secretInternalDetail')");
      expect(error?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: answer.headers.get('x-request-id') });
      expect(error?.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringContaining('BrokenGateway.read')]));
    } finally {
      await api.stop();
      await gateway.close();
    }
  });
});

describe('suggestions and stack traces', () => {
  const typo = '{ people(first: 1) { edges { node { nme } } } }';
  const badEnum = 'query($kind: StatementKind) { statements(filter: { kind: $kind }) { totalCount } }';

  it('are absent in production: no "Did you mean", no stacktrace', async () => {
    const gateway = testGateway();
    const api = await startTestServer(gateway, { production: true });
    try {
      const field = await api.post(typo);
      expect(field.body).toEqual({
        errors: [{ message: 'Cannot query field "nme" on type "Person".', locations: [{ line: 1, column: 37 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      });
      const value = await api.post(badEnum, { kind: 'DIRCT' });
      expect(value.body.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, stack: e.extensions?.stacktrace }))).toEqual([
        { message: 'Variable "$kind" got invalid value "DIRCT"; Value "DIRCT" does not exist in "StatementKind" enum.', code: 'BAD_USER_INPUT', stack: undefined },
      ]);
    } finally {
      await api.stop();
      await gateway.close();
    }
  });

  it('are given in development', async () => {
    const gateway = testGateway();
    const api = await startTestServer(gateway, { production: false });
    try {
      expect((await api.post(typo)).body.errors?.[0]?.message).toBe('Cannot query field "nme" on type "Person". Did you mean "name"?');
      expect((await api.post(badEnum, { kind: 'DIRCT' })).body.errors?.[0]?.message).toContain('Did you mean the enum value "DIRECT" or "INDIRECT"?');
    } finally {
      await api.stop();
      await gateway.close();
    }
  });
});

describe('time budgets', () => {
  it('a transaction over its timeout is cancelled by Neo4j and reported as TIMEOUT', async () => {
    const gateway = new Neo4jGateway(driverForTests(), undefined, 200);
    try {
      const started = Date.now();
      const error = await gateway.read(SLOW).then(
        () => null,
        (e: unknown) => e as { message: string; extensions: Record<string, unknown>; originalError: { code: string } },
      );
      const elapsed = Date.now() - started;
      expect({ message: error?.message, extensions: error?.extensions, neo4jCode: error?.originalError.code }).toEqual({
        message: 'The query ran longer than its time budget of 200 ms (NEO4J_TRANSACTION_TIMEOUT_MS) and was cancelled; ask for fewer items or a narrower filter.',
        extensions: { code: 'TIMEOUT' },
        // What Neo4j 5.26 really answers when the timeout the client set runs out.
        neo4jCode: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      });
      // Neo4j's code above says who ended it; the clock only rules out a query left to run its course (generous for a busy machine).
      expect(elapsed).toBeLessThan(15_000);
    } finally {
      await gateway.close();
    }
  });

  it('a request over its deadline has its transaction cancelled at the deadline, and answers TIMEOUT', async () => {
    const gateway = new SlowGateway(driverForTests(), undefined);
    const api = await startTestServer(gateway, { production: true, requestTimeoutMs: 1_000 });
    try {
      const started = Date.now();
      const answer = await api.post(PEOPLE);
      const elapsed = Date.now() - started;
      expect({ status: answer.status, errors: answer.body.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, path: e.path })) }).toEqual({
        status: 200,
        errors: [
          {
            message: 'The query ran longer than its time budget of 1000 ms (REQUEST_TIMEOUT_MS) and was cancelled; ask for fewer items or a narrower filter.',
            code: 'TIMEOUT',
            path: ['people'],
          },
        ],
      });
      // Neo4j, not the backstop, answered: the backstop answers 504 with another message (the next test), and never before the deadline.
      expect(elapsed).toBeGreaterThanOrEqual(1_000);
      expect(requestLines(api.logs, answer.headers.get('x-request-id') ?? '')).toMatchObject([{ outcome: 'error', errors: ['TIMEOUT'] }]);
    } finally {
      await api.stop();
      await gateway.close();
    }
  });

  it('a request that hangs anyway is answered 504 TIMEOUT one second after its deadline', async () => {
    const gateway = new HangingGateway(driverForTests(), undefined);
    const api = await startTestServer(gateway, { production: true, requestTimeoutMs: 500 });
    try {
      const started = Date.now();
      const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PEOPLE }) });
      const elapsed = Date.now() - started;
      const requestId = response.headers.get('x-request-id') ?? '';
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 504,
        body: {
          errors: [
            {
              message: 'The request did not finish within its time budget of 500 ms (REQUEST_TIMEOUT_MS) and was abandoned; ask for fewer items or a narrower filter.',
              extensions: { code: 'TIMEOUT', requestId },
            },
          ],
        },
      });
      // Not before the deadline's grace second; the gateway never answers, so any answer at all is the backstop's.
      expect(elapsed).toBeGreaterThanOrEqual(1_500);
      expect(requestLines(api.logs, requestId)).toMatchObject([{ status: 504, operation: 'People', errors: ['TIMEOUT'] }]);
    } finally {
      await api.stop();
      await gateway.close();
    }
  });
});

describe('health', () => {
  it('live and ready answer 200 while Neo4j is up, and are not logged as requests', async () => {
    const gateway = testGateway();
    const api = await startTestServer(gateway);
    try {
      const base = api.url.replace('/graphql', '');
      const live = await fetch(`${base}/health/live`);
      const ready = await fetch(`${base}/health/ready`);
      expect([live.status, await live.json(), ready.status, await ready.json()]).toEqual([200, { status: 'ok' }, 200, { status: 'ok', neo4j: 'up' }]);
      expect(api.logs.filter((l) => l.msg === 'request')).toEqual([]);
    } finally {
      await api.stop();
      await gateway.close();
    }
  });
});
