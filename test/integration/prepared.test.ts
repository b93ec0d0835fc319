/**
 * The fast path (src/http/fast-path.ts) answers a query Apollo has accepted before without
 * Apollo's pipeline. These tests send the same requests, twice each, to a server with the
 * fast path and to one without it (PREPARED_QUERIES=0), and require the same status, headers,
 * body and request log line from both: for answers, for errors raised while executing
 * (masked or not), and for requests the fast path must hand to Apollo.
 */
import { Neo4jGateway } from '../../src/db/gateway';
import { BrokenGateway, UnavailableGateway, driverForTests } from '../helpers/failing-gateways';
import { testGateway } from '../helpers/graph';
import { startTestServer, type TestServer } from '../helpers/server';

interface Sent {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
  readonly headers?: Record<string, string>;
}

interface Seen {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly log: Record<string, unknown>;
}

let sequence = 0;

/**
 * Sends one request with its own request id, on a connection of its own; what came back, and
 * its log line without the timing. On a busy machine this process can go without running
 * timers for as long as the servers' keep-alive timeout (node's 5 s): fetch would then reuse
 * a kept-alive connection that its own idle timer had not yet dropped, and the server, whose
 * timer runs next, would close it with the request unread (fetch failed, ECONNRESET).
 */
async function send(api: TestServer, sent: Sent, requestId: string): Promise<Seen> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, connection: 'close', ...sent.headers },
    body: JSON.stringify({ query: sent.query, variables: sent.variables, operationName: sent.operationName }),
  });
  const body = await response.text();
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
  // The log line is written once the answer is handed to the OS.
  const { durationMs, ...log } = await api.requestLogged(requestId);
  expect(durationMs).toEqual(expect.any(Number));
  return { status: response.status, headers, body, log };
}

/** Dev-mode stack traces name the functions that ran, which differ between the paths; the rest must not. */
const withoutStacks = (body: string): unknown =>
  JSON.parse(body, (key, value: unknown) => (key === 'stacktrace' && Array.isArray(value) ? value.length > 0 : value));

/** What must be the same on both paths: all of it, but stack traces (whose length changes the content-length too) and the log's `prepared`. */
function comparable(seen: Seen): unknown {
  const { 'content-length': length, ...headers } = seen.headers;
  const stacks = seen.body.includes('"stacktrace"');
  return { ...seen, headers: stacks ? headers : { ...headers, 'content-length': length }, body: withoutStacks(seen.body), log: { ...seen.log, prepared: undefined } };
}

/**
 * Sends `sent` twice to each server. The second request is the one the fast path may take;
 * both answers of both servers must agree, and the fast server's second log line says
 * whether it took the fast path.
 */
async function compare(apollo: TestServer, fast: TestServer, sent: Sent): Promise<{ seen: Seen; prepared: boolean }> {
  const id = `prepared-test-${++sequence}`;
  const first = [await send(apollo, sent, `${id}-1`), await send(fast, sent, `${id}-1`)];
  const second = [await send(apollo, sent, `${id}-2`), await send(fast, sent, `${id}-2`)];
  for (const [a, b] of [first, second] as [Seen, Seen][]) expect(comparable(b)).toEqual(comparable(a));
  expect(second[0]?.log.prepared).toBeUndefined();
  return { seen: second[1] as Seen, prepared: second[1]?.log.prepared === true };
}

const PERSON = 'query Person($id: ID!) { person(id: $id) { id name roles { title } } }';

describe.each([true, false])('with production %s, the fast path answers as Apollo does', (production) => {
  let gateway: Neo4jGateway;
  let apollo: TestServer;
  let fast: TestServer;

  beforeAll(async () => {
    gateway = testGateway();
    apollo = await startTestServer(gateway, { production, preparedQueries: 0 });
    fast = await startTestServer(gateway, { production });
  });
  afterAll(async () => {
    await apollo.stop();
    await fast.stop();
    await gateway.close();
  });

  it('a query with variables, and the same text with other variables', async () => {
    const waltz = await compare(apollo, fast, { query: PERSON, variables: { id: 'person:mike-waltz' } });
    expect(waltz.prepared).toBe(true);
    expect(JSON.parse(waltz.seen.body)).toMatchObject({ data: { person: { id: 'person:mike-waltz', name: 'Mike Waltz' } } });
    expect(waltz.seen.log).toMatchObject({ operation: 'Person', status: 200, outcome: 'ok', roundTrips: 1 });
    expect((await compare(apollo, fast, { query: PERSON, variables: { id: 'person:john-ratcliffe' } })).prepared).toBe(true);
  });

  it('one operation of several, by operationName', async () => {
    const query = 'query A { people(first: 2) { totalCount } } query B { statements(first: 3) { edges { node { id text speaker { name } } } } }';
    const b = await compare(apollo, fast, { query, operationName: 'B' });
    expect(b.prepared).toBe(true);
    expect(JSON.parse(b.seen.body).data.statements.edges).toHaveLength(3);
    expect((await compare(apollo, fast, { query, operationName: 'A' })).prepared).toBe(true);
  });

  it('errors raised while executing: a bad id, a bad cursor', async () => {
    const badId = await compare(apollo, fast, { query: PERSON, variables: { id: 'Mike Waltz' } });
    expect(badId.prepared).toBe(true);
    expect(badId.seen.log).toMatchObject({ outcome: 'error', errors: ['BAD_USER_INPUT'] });
    const badCursor = await compare(apollo, fast, { query: '{ statements(after: "not-a-cursor") { totalCount } }' });
    expect(badCursor.prepared).toBe(true);
    expect(JSON.parse(badCursor.seen.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('documents graphql-jit is not given, executed by graphql-js: a string literal carrying its marker, @skip over a fragment, nested interface fields', async () => {
    const marker = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d0+(globalThis.preparedTestRan=1,0)';
    const literal = await compare(apollo, fast, { query: `{ statement(id: "${marker}") { id } }` });
    expect(literal.prepared).toBe(true);
    expect((globalThis as { preparedTestRan?: unknown }).preparedTestRan).toBeUndefined();
    const skip = 'query S($id: ID!, $s: Boolean!) { person(id: $id) { ...N @skip(if: $s) ...N } } fragment N on Person { name }';
    const skipped = await compare(apollo, fast, { query: skip, variables: { id: 'person:mike-waltz', s: true } });
    expect(JSON.parse(skipped.seen.body)).toEqual({ data: { person: { name: 'Mike Waltz' } } });
    const nested = 'query E($id: ID!) { person(id: $id) { statements(first: 2) { edges { node { speaker { statements(first: 1) { edges { node { speaker { name } } } } } } } } } }';
    const deep = await compare(apollo, fast, { query: nested, variables: { id: 'person:mike-waltz' } });
    expect(deep.prepared).toBe(true);
    expect(JSON.parse(deep.seen.body).data.person.statements.edges[0].node.speaker.statements.edges[0].node.speaker).toEqual({ name: 'Mike Waltz' });
  });

  it('hands Apollo what it must answer: variables that do not fit, a page over the limit, another content type', async () => {
    await compare(apollo, fast, { query: PERSON, variables: { id: 'person:mike-waltz' } });
    const missing = await compare(apollo, fast, { query: PERSON, variables: {} });
    expect({ prepared: missing.prepared, status: missing.seen.status }).toEqual({ prepared: false, status: 400 });

    const unnamed = await compare(apollo, fast, { query: PERSON, variables: { id: 'person:mike-waltz' }, operationName: '' });
    expect({ prepared: unnamed.prepared, status: unnamed.seen.status }).toEqual({ prepared: false, status: 400 });

    const people = 'query People($n: Int) { people(first: $n) { totalCount } }';
    expect((await compare(apollo, fast, { query: people, variables: { n: 2 } })).prepared).toBe(true);
    const over = await compare(apollo, fast, { query: people, variables: { n: 1000 } });
    expect(over.prepared).toBe(false);
    expect(JSON.parse(over.seen.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');

    // graphql-jit's own coercion takes an empty list for an input object; graphql-js does not.
    const filtered = 'query Filtered($f: StatementFilter) { statements(filter: $f, first: 1) { totalCount } }';
    expect((await compare(apollo, fast, { query: filtered, variables: { f: { speakers: ['person:mike-waltz'] } } })).prepared).toBe(true);
    const listForObject = await compare(apollo, fast, { query: filtered, variables: { f: [] } });
    expect({ prepared: listForObject.prepared, status: listForObject.seen.status }).toEqual({ prepared: false, status: 400 });

    const graphqlResponse = await compare(apollo, fast, { query: people, variables: { n: 2 }, headers: { accept: 'application/graphql-response+json' } });
    expect({ prepared: graphqlResponse.prepared, type: graphqlResponse.seen.headers['content-type'] }).toEqual({
      prepared: false,
      type: 'application/graphql-response+json; charset=utf-8',
    });
  });

});

describe.each([true, false])('with production %s and a failing database, the fast path answers as Apollo does', (production) => {
  it.each([
    ['an internal error', BrokenGateway, 'INTERNAL_SERVER_ERROR', 200],
    ['Neo4j unavailable', UnavailableGateway, 'SERVICE_UNAVAILABLE', 503],
  ] as const)('%s', async (_name, Gateway, code, status) => {
    const gateway = new Gateway(driverForTests(), undefined);
    const apollo = await startTestServer(gateway, { production, preparedQueries: 0 });
    const fast = await startTestServer(gateway, { production });
    try {
      const { seen, prepared } = await compare(apollo, fast, { query: PERSON, variables: { id: 'person:mike-waltz' } });
      expect({ prepared, status: seen.status, code: JSON.parse(seen.body).errors[0].extensions.code }).toEqual({ prepared: true, status, code });
      // The internal error is logged once per request, under its request id, by either path.
      const internal = (api: TestServer) => api.logs.filter((l) => l.msg === 'internal error').map((l) => l.requestId);
      expect(internal(fast)).toEqual(internal(apollo));
    } finally {
      await apollo.stop();
      await fast.stop();
      await gateway.close();
    }
  });
});
