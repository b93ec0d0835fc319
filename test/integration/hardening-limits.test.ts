/**
 * Every limit of SECURITY.md over real HTTP against the real server and Neo4j, at its
 * default: a query just under it is answered, one just over it is refused with the code
 * and message that name the limit, before any round trip to Neo4j (the request's log line
 * says 0). Also: the 413 body limit, introspection switched off, batching and CSRF, the
 * routes hook, and the log line of requests that never reached Apollo.
 */
import { parse } from 'graphql';
import { DEFAULT_LIMITS } from '../../src/config';
import { queryLimits } from '../../src/http/limits';
import { appSchema } from '../../src/schema';
import { testGateway } from '../helpers/graph';
import { requestLines, startTestServer, type HttpAnswer, type TestServer } from '../helpers/server';
import type { Neo4jGateway } from '../../src/db/gateway';

let gateway: Neo4jGateway;
let api: TestServer;
beforeAll(async () => {
  gateway = testGateway();
  api = await startTestServer(gateway, {
    // production: the answers carry no stack traces, so they can be compared whole.
    production: true,
    routes: async (_req, res, url) => {
      if (url.pathname === '/boom') throw new Error('the explorer route failed: secret detail');
      if (url.pathname !== '/explorer') return false;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('explorer');
      return true;
    },
  });
});
afterAll(async () => {
  await api.stop();
  await gateway.close();
});

/** The request's one log line. */
function logLine(answer: HttpAnswer): Record<string, unknown> {
  const id = answer.headers.get('x-request-id') ?? '';
  const lines = requestLines(api.logs, id);
  expect(lines).toHaveLength(1);
  return lines[0] as Record<string, unknown>;
}

/** The request was refused with one error of this code, and never reached Neo4j. */
function refused(answer: HttpAnswer, code: string): { message: string; extensions?: Record<string, unknown> } {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(logLine(answer)).toMatchObject({ status: 400, roundTrips: 0, outcome: 'rejected', errors: [code] });
  const [error] = answer.body.errors ?? [];
  return { message: error?.message ?? '', extensions: error?.extensions };
}

function answered(answer: HttpAnswer): void {
  expect(answer.body.errors).toBeUndefined();
  expect(answer.status).toBe(200);
  expect(logLine(answer)).toMatchObject({ status: 200, outcome: 'ok' });
}

const limit = (answer: HttpAnswer): Record<string, unknown> => {
  const { message, extensions } = refused(answer, 'LIMIT_EXCEEDED');
  return { message, limit: extensions?.limit, max: extensions?.max, received: extensions?.received };
};

describe('query depth (MAX_DEPTH = 10)', () => {
  // Ten levels of fields down to `cursor`; eleven down to `id`.
  const ten = `{ people(first: 1) { edges { node { statements(first: 1) { edges { node { speaker { statements(first: 1) { edges { cursor } } } } } } } } } }`;
  const eleven = `{ people(first: 1) { edges { node { statements(first: 1) { edges { node { speaker { statements(first: 1) { edges { node { id } } } } } } } } } } }`;

  it('answers a query 10 levels deep', async () => {
    answered(await api.post(ten));
  });

  it('refuses one 11 levels deep, counting through fragments without adding a level', async () => {
    expect(limit(await api.post(eleven))).toEqual({
      message: 'The query nests fields 11 levels deep; the limit is 10 (MAX_DEPTH). Ask for fewer nested levels, or split the query.',
      limit: 'MAX_DEPTH',
      max: 10,
      received: 11,
    });
    const viaFragment = `{ people(first: 1) { ...P } } fragment P on PersonConnection { edges { node { statements(first: 1) { edges { node { speaker { statements(first: 1) { edges { node { id } } } } } } } } } }`;
    expect(limit(await api.post(viaFragment))).toMatchObject({ limit: 'MAX_DEPTH', received: 11 });
    const tenViaFragment = `{ people(first: 1) { ...P } } fragment P on PersonConnection { edges { node { statements(first: 1) { edges { node { speaker { statements(first: 1) { edges { cursor } } } } } } } } }`;
    answered(await api.post(tenViaFragment));
  });
});

describe('aliases (MAX_ALIASES = 15)', () => {
  const aliased = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `p${i}: people(first: 1) { totalCount }`).join(' ')} }`;

  it('answers 15 aliases of the same field', async () => {
    answered(await api.post(aliased(15)));
  });

  it('refuses 16 aliases of the same field', async () => {
    expect(limit(await api.post(aliased(16)))).toEqual({
      message: 'The query uses 16 aliases; the limit is 15 (MAX_ALIASES). Split the query, or use a list field with a filter.',
      limit: 'MAX_ALIASES',
      max: 15,
      received: 16,
    });
  });
});

describe('directives (MAX_DIRECTIVES = 20)', () => {
  const conditional = (n: number): string => `{ people(first: 1) { totalCount ${'... @include(if: true) { totalCount } '.repeat(n)} } }`;

  it('answers 20 directives', async () => {
    answered(await api.post(conditional(20)));
  });

  it('refuses 21 directives', async () => {
    expect(limit(await api.post(conditional(21)))).toEqual({
      message: 'The query uses 21 directives; the limit is 20 (MAX_DIRECTIVES).',
      limit: 'MAX_DIRECTIVES',
      max: 20,
      received: 21,
    });
  });

  it('refuses 50 @include on one field with the limit error alone, not 49 more', async () => {
    const answer = await api.post(`{ people(first: 1) { totalCount ${'@include(if: true) '.repeat(50)} } }`);
    expect(limit(answer)).toMatchObject({ limit: 'MAX_DIRECTIVES', received: 50 });
    expect(answer.body.errors).toHaveLength(1);
  });
});

describe('tokens (MAX_TOKENS = 1000)', () => {
  // `{`, `}` and n names: n + 2 tokens.
  const tokens = (n: number): string => `{ ${'__typename '.repeat(n - 2)}}`;

  it('answers a query of 1000 tokens', async () => {
    answered(await api.post(tokens(1000)));
  });

  it('refuses one of 1001 tokens', async () => {
    expect(limit(await api.post(tokens(1001)))).toEqual({
      message: 'The query has more than 1000 tokens; the limit is 1000 (MAX_TOKENS). Pass long values as variables, or split the query.',
      limit: 'MAX_TOKENS',
      max: 1000,
      received: undefined,
    });
  });
});

describe('cost (MAX_COST = 50000)', () => {
  // People, each with a page of statements: the cost grows with both page sizes.
  const query = `query Cost($people: Int, $statements: Int) { people(first: $people) { edges { node { name statements(first: $statements) { edges { node { id text kind } } } } } } }`;
  let under: number;
  let costUnder: number;
  let costOver: number;

  beforeAll(async () => {
    const { cost } = queryLimits({ ...DEFAULT_LIMITS, maxCost: Number.MAX_SAFE_INTEGER });
    const schema = await appSchema();
    const at = (statements: number): number => cost(schema, parse(query), { people: 20, statements });
    under = 1;
    while (at(under + 1) <= DEFAULT_LIMITS.maxCost) under += 1;
    costUnder = at(under);
    costOver = at(under + 1);
    process.stderr.write(`[cost] 20 people × ${under} statements costs ${costUnder}; × ${under + 1} costs ${costOver}\n`);
  });

  it('finds the boundary inside the page sizes the API allows', () => {
    expect(under).toBeGreaterThan(1);
    expect(under).toBeLessThan(100);
    expect(costUnder).toBeLessThanOrEqual(50_000);
    expect(costOver).toBeGreaterThan(50_000);
  });

  it('answers the costliest query under the limit', async () => {
    const answer = await api.post(query, { people: 20, statements: under });
    answered(answer);
    expect(logLine(answer).cost).toBe(costUnder);
  });

  it('refuses the next one, counting `first` given as a variable', async () => {
    expect(limit(await api.post(query, { people: 20, statements: under + 1 }))).toEqual({
      message: `The query's estimated cost is ${costOver}; the limit is 50000 (MAX_COST). Ask for smaller pages (first) or fewer nested lists.`,
      limit: 'MAX_COST',
      max: 50_000,
      received: costOver,
    });
  });

  it('judges the same query text again by its new page sizes, not by the verdict it got before', async () => {
    // The verdict is remembered per query text and page-size variables: alternate them.
    for (const statements of [under, under + 1, under, under + 1]) {
      const answer = await api.post(query, { people: 20, statements });
      if (statements === under) {
        answered(answer);
        expect(logLine(answer).cost).toBe(costUnder);
      } else {
        expect(limit(answer)).toMatchObject({ limit: 'MAX_COST', received: costOver });
      }
    }
  });

  it('counts an omitted `first` at its default page size (20), not 1', async () => {
    const inline = `{ people { edges { node { name statements { edges { node { id text kind } } } } } } }`;
    const { cost } = queryLimits({ ...DEFAULT_LIMITS, maxCost: Number.MAX_SAFE_INTEGER });
    const schema = await appSchema();
    expect(cost(schema, parse(inline))).toBe(cost(schema, parse(query), { people: 20, statements: 20 }));
  });
});

describe('page size (first ≤ 100)', () => {
  it('answers first: 100', async () => {
    answered(await api.post(`query($n: Int) { statements(first: $n) { totalCount } }`, { n: 100 }));
  });

  it('refuses first: 101 and first: -1, nested or on top, literal or variable, before Neo4j', async () => {
    const expected = (n: number) => ({ message: `first must be a whole number from 0 to 100; received ${n}`, extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    const { message, extensions } = refused(await api.post(`query($n: Int) { statements(first: $n) { totalCount } }`, { n: 101 }), 'BAD_USER_INPUT');
    expect({ message, extensions }).toEqual(expected(101));
    const nested = refused(await api.post(`{ people(first: 1) { edges { node { statements(first: 101) { totalCount } } } } }`), 'BAD_USER_INPUT');
    expect({ message: nested.message, extensions: nested.extensions }).toEqual(expected(101));
    const negative = refused(await api.post(`{ people(first: -1) { totalCount } }`), 'BAD_USER_INPUT');
    expect({ message: negative.message, extensions: negative.extensions }).toEqual(expected(-1));
  });
});

describe('body size (MAX_BODY_BYTES = 1000000)', () => {
  // A body of exactly `bytes` bytes: an unused variable pads it.
  const body = (bytes: number): string => {
    const head = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
    return head.replace('"pad":""', `"pad":"${'x'.repeat(bytes - head.length)}"`);
  };

  it('answers a body of exactly 1000000 bytes', async () => {
    const text = body(1_000_000);
    expect(Buffer.byteLength(text)).toBe(1_000_000);
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('refuses 1000001 bytes with 413 and a GraphQL-shaped error, and logs it', async () => {
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(1_000_001) });
    const requestId = response.headers.get('x-request-id') ?? '';
    expect({ status: response.status, type: response.headers.get('content-type'), body: await response.json() }).toEqual({
      status: 413,
      type: 'application/json; charset=utf-8',
      body: {
        errors: [
          {
            message: 'The request body is larger than 1000000 bytes, the limit (MAX_BODY_BYTES). Send a shorter query, or pass large values in smaller parts.',
            extensions: { code: 'PAYLOAD_TOO_LARGE', requestId },
          },
        ],
      },
    });
    expect(requestLines(api.logs, requestId)).toMatchObject([{ status: 413, roundTrips: 0, outcome: 'rejected', errors: ['PAYLOAD_TOO_LARGE'] }]);
  });

  it('refuses a chunked body (no content-length) once it passes the limit', async () => {
    const chunks = [Buffer.from('{"query":"{ __typename }","variables":{"pad":"'), Buffer.alloc(1_100_000, 'x'), Buffer.from('"}}')];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
        controller.close();
      },
    });
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('introspection', () => {
  it('is on by default', async () => {
    answered(await api.post(`{ __schema { queryType { name } } }`));
  });

  it('is refused by a server started with introspection: false, while __typename still works', async () => {
    const closed = await startTestServer(gateway, { introspection: false });
    try {
      const answer = await closed.post(`{ __schema { queryType { name } } }`);
      // graphql-js's rule names every introspection field it meets: __schema, then queryType.
      expect({ status: answer.status, first: answer.body.errors?.[0]?.message, codes: new Set(answer.body.errors?.map((e) => e.extensions?.code)) }).toEqual({
        status: 400,
        first: 'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
        codes: new Set(['GRAPHQL_VALIDATION_FAILED']),
      });
      expect((await closed.post(`{ __typename }`)).body).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await closed.stop();
    }
  });
});

describe('HTTP', () => {
  it('refuses a batch (a JSON array) with 400', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect({ status: response.status, body: await response.json() }).toMatchObject({
      status: 400,
      body: { errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] },
    });
    expect(requestLines(api.logs, response.headers.get('x-request-id') ?? '')).toMatchObject([{ status: 400, outcome: 'rejected', errors: ['BAD_REQUEST'] }]);
  });

  it('refuses a simple (CSRF-able) request: text/plain POST, or GET without a preflight header', async () => {
    const post = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(post.status).toBe(400);
    expect(await post.text()).toContain('Cross-Site Request Forgery');
    const get = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toContain('Cross-Site Request Forgery');
    const preflighted = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect({ status: preflighted.status, body: await preflighted.json() }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('refuses a body that is not JSON with 400, and logs it', async () => {
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    const requestId = response.headers.get('x-request-id') ?? '';
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { errors: [{ message: 'The request body is not valid JSON; send {"query": "...", "variables": {...}} as application/json.', extensions: { code: 'BAD_REQUEST', requestId } }] },
    });
    expect(requestLines(api.logs, requestId)).toMatchObject([{ status: 400, outcome: 'rejected', errors: ['BAD_REQUEST'] }]);
  });

  it('logs a parse error as one rejected request', async () => {
    const answer = await api.post('query Broken { people(first: 1) { ', {});
    expect(answer.status).toBe(400);
    expect(logLine(answer)).toMatchObject({ status: 400, roundTrips: 0, outcome: 'rejected', errors: ['GRAPHQL_PARSE_FAILED'] });
  });

  it('logs an answered query with its operation, duration and round trips', async () => {
    const answer = await api.post('query Speakers { people(first: 2) { totalCount edges { node { name } } } }');
    answered(answer);
    const line = logLine(answer);
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'POST', path: '/graphql', operation: 'Speakers', status: 200, roundTrips: 2, outcome: 'ok' });
    expect(typeof line.durationMs).toBe('number');
  });

  it('keeps a plain request id the client sends, and replaces one that is not', async () => {
    const kept = await api.post('{ __typename }', {}, { 'x-request-id': 'trace-42.a:b' });
    expect(kept.headers.get('x-request-id')).toBe('trace-42.a:b');
    const replaced = await api.post('{ __typename }', {}, { 'x-request-id': 'no spaces <allowed>' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hands other paths to the routes hook before its 404', async () => {
    const explorer = await fetch(api.url.replace('/graphql', '/explorer'));
    expect({ status: explorer.status, text: await explorer.text() }).toEqual({ status: 200, text: 'explorer' });
    const missing = await fetch(api.url.replace('/graphql', '/nowhere'));
    const requestId = missing.headers.get('x-request-id') ?? '';
    expect({ status: missing.status, body: await missing.json() }).toEqual({
      status: 404,
      body: { errors: [{ message: 'There is nothing at /nowhere; the API is at /graphql.', extensions: { code: 'NOT_FOUND', requestId } }] },
    });
    expect(requestLines(api.logs, requestId)).toMatchObject([{ status: 404, outcome: 'rejected' }]);
  });

  it('answers a route that throws with a masked 500, and logs the detail', async () => {
    const response = await fetch(api.url.replace('/graphql', '/boom'));
    const requestId = response.headers.get('x-request-id') ?? '';
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 500,
      body: { errors: [{ message: `Internal server error; the log has the details under request id ${requestId}.`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] },
    });
    expect(api.logs.filter((l) => l.msg === 'unhandled request error' && l.requestId === requestId).map((l) => String(l.error).split('\n')[0])).toEqual([
      'Error: the explorer route failed: secret detail',
    ]);
  });

  it('survives a request target that is not a URL', async () => {
    const net = await import('node:net');
    const socket = net.connect(api.server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.write('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await new Promise((resolve) => socket.on('close', resolve));
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^HTTP\/1\.1 (400|404) /);
    expect((await api.post('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });
});
