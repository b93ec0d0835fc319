/**
 * The server as an HTTP endpoint: graphql-http's GraphQL-over-HTTP conformance audit, and
 * a fuzz run of a few thousand malformed queries, variables and bodies. Every answer must
 * be a well-formed GraphQL response with a fitting status, none may be an internal error,
 * and the server must still be up at the end. Bounded in count and in time (CI has 2 cores).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { serverAudits } from 'graphql-http';
import { testGateway } from '../helpers/graph';
import { startTestServer, type TestServer } from '../helpers/server';
import type { Neo4jGateway } from '../../src/db/gateway';

let gateway: Neo4jGateway;
let api: TestServer;
beforeAll(async () => {
  gateway = testGateway();
  // No API keys: no fuzzed mutation can write to the shared test database.
  api = await startTestServer(gateway, { production: true, apiKeys: [] });
});
afterAll(async () => {
  await api.stop();
  await gateway.close();
});

describe('GraphQL over HTTP audit (graphql-http)', () => {
  it('has no MUST failures', async () => {
    const results = [];
    for (const audit of serverAudits({ url: api.url })) results.push(await audit.fn());
    const failed = results.filter((r) => r.status !== 'ok');
    const report = failed.map((r) => `${r.status} ${r.id} ${r.name}${'reason' in r ? `: ${r.reason}` : ''}`);
    process.stderr.write(`[audit] ${results.length - failed.length}/${results.length} ok\n${report.map((l) => `  ${l}\n`).join('')}`);
    expect(results.length).toBeGreaterThan(20);
    expect(failed.filter((r) => r.name.startsWith('MUST')).map((r) => `${r.id} ${r.name}`)).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------
// Fuzz

const examples = readFileSync(path.resolve(__dirname, '../../schema/examples.graphql'), 'utf8')
  .split(/\n(?=query )/)
  .map((s) => s.replace(/^#.*$/gm, '').trim())
  .filter((s) => s.startsWith('query'));

const PIECES = [
  '{', '}', '(', ')', '[', ']', ':', '!', '=', ',', '$n', '...', '@include(if: true)', '@skip(if: $n)', '@deprecated',
  'query', 'mutation', 'subscription', 'fragment F on Person', '...F', 'on', 'Person', 'Statement', 'Query',
  'people', 'statements', 'node', 'edges', 'id', 'name', 'text', 'speaker', 'totalCount', 'pageInfo', 'evidence',
  'ingestArticle', '__typename', '__schema', '__type(name: "Person")', 'first: 100', 'first: 101', 'first: -1',
  'first: $n', 'after: "x"', 'id: "person:mike-waltz"', 'filter: { kind: DIRECT }', 'filter: { speaker: 7 }',
  '"str"', '"""block"""', '"\\u0000"', '"\\uD800"', '1e999', '-0', '0x10', 'null', 'true', '# comment\n', '\u00a0', '\ufeff',
];

/** Text that looks like GraphQL and mostly is not. */
const queryText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(' ')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  {
    weight: 3,
    // A real operation with a slice cut out and something else put in.
    arbitrary: fc
      .tuple(fc.constantFrom(...examples), fc.nat(), fc.nat({ max: 30 }), fc.constantFrom(...PIECES, ''))
      .map(([query, at, cut, insert]) => {
        const i = at % (query.length + 1);
        return query.slice(0, i) + insert + query.slice(i + cut);
      }),
  },
);

const variables = fc.oneof(
  fc.dictionary(fc.constantFrom('n', 'first', 'id', 'x', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(undefined),
);

interface FuzzRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly search: string;
  readonly body: string | Uint8Array | undefined;
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', ''];
const ACCEPTS = ['application/json', 'application/graphql-response+json', '*/*', 'text/html', 'image/png', ''];

/** Header sets: some pass CSRF prevention, some do not. */
const headers = fc.record({
  'content-type': fc.constantFrom(...CONTENT_TYPES),
  accept: fc.constantFrom(...ACCEPTS),
  'apollo-require-preflight': fc.constantFrom('true', ''),
});

const clean = (h: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== ''));

const graphQLPost: fc.Arbitrary<FuzzRequest> = fc
  .record({ query: fc.oneof(queryText, fc.jsonValue({ maxDepth: 1 })), variables, operationName: fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.integer())), extensions: fc.option(fc.jsonValue({ maxDepth: 2 })) })
  .map((payload) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, search: '', body: JSON.stringify(payload) }));

/** Real operations with hostile argument values: reaches the resolvers' own input checks and Neo4j. */
const OPERATION = `query Fuzz($id: ID!, $first: Int, $after: String, $filter: StatementFilter) {
  node(id: $id) { id }
  person(id: $id) { name statements(first: $first, after: $after) { totalCount edges { cursor node { id text } } } }
  statements(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind speaker { id } } } }
  people(first: $first, after: $after) { edges { node { id } } }
}`;
const cursorLike = fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url'));
const idLike = fc.oneof(
  fc.constantFrom('person:mike-waltz', 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:952-1058', 'org:cia', 'person:', ':', 'statement:x:-1--2', `person:${'a'.repeat(5_000)}`),
  fc.string({ maxLength: 40 }),
  fc.integer(),
);
// Mostly values that pass GraphQL's coercion, so the resolvers' own checks are what answers.
const hostileVariables = fc.record(
  {
    id: idLike,
    first: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -5, max: 120 }) }, fc.constant(null), fc.double(), fc.string({ maxLength: 5 }), fc.constant(2 ** 40)),
    after: fc.oneof({ weight: 4, arbitrary: cursorLike }, { weight: 4, arbitrary: fc.string({ maxLength: 60 }) }, fc.constant(null), fc.integer()),
    filter: fc.oneof(
      { weight: 8, arbitrary: fc.record({ speaker: idLike, about: idLike, reportedBy: idLike, article: idLike, kind: fc.constantFrom('DIRECT', 'PARTIAL', 'INDIRECT') }, { requiredKeys: [] }) },
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: ['id'] },
);
const hostileArguments: fc.Arbitrary<FuzzRequest> = hostileVariables.map((vars) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  search: '',
  body: JSON.stringify({ query: OPERATION, variables: vars }),
}));

const oddPost: fc.Arbitrary<FuzzRequest> = fc
  .tuple(headers, fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })))
  .map(([h, body]) => ({ method: 'POST', headers: clean(h), search: '', body }));

const otherMethod: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.constantFrom('GET', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), headers, queryText, fc.oneof(variables, fc.string({ maxLength: 30 })))
  .map(([method, h, query, vars]) => {
    const params = new URLSearchParams({ query });
    if (vars !== undefined) params.set('variables', typeof vars === 'string' ? vars : JSON.stringify(vars));
    return { method, headers: clean({ ...h, 'content-type': '' }), search: `?${params.toString()}`, body: undefined };
  });

/** What a response must look like, whatever was asked. Returns a description of what is wrong, or null. */
async function problem(request: FuzzRequest): Promise<string | null> {
  const response = await fetch(api.url + request.search, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  const status = response.status;
  if (!response.headers.get('x-request-id')) return `no x-request-id (status ${status})`;
  if (request.method === 'HEAD' || request.method === 'OPTIONS') return [200, 204, 400, 405].includes(status) ? null : `status ${status} for ${request.method}`;
  // A browser asking for a page gets Apollo's landing page, not JSON.
  if (status === 200 && (response.headers.get('content-type') ?? '').startsWith('text/html')) return request.method === 'GET' ? null : 'HTML for a non-GET';
  if (![200, 400, 405, 406, 413, 415].includes(status)) return `status ${status}: ${text.slice(0, 300)}`;
  if (!/^application\/(graphql-response\+)?json/.test(response.headers.get('content-type') ?? '')) return `content-type ${response.headers.get('content-type')}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `not an object: ${text.slice(0, 200)}`;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) return `errors is not a non-empty list: ${text.slice(0, 200)}`;
    for (const error of errors as { message?: unknown; extensions?: { code?: unknown; stacktrace?: unknown } }[]) {
      if (typeof error.message !== 'string') return `error without a message: ${text.slice(0, 200)}`;
      if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') return `internal error: ${text.slice(0, 300)}`;
      if (error.extensions?.stacktrace !== undefined) return 'a stack trace in production';
    }
  }
  if (status === 200 && data === undefined) return `200 without data: ${text.slice(0, 200)}`;
  if (status >= 400 && (errors === undefined || (data !== undefined && data !== null))) return `status ${status} without errors, or with data: ${text.slice(0, 200)}`;
  return null;
}

describe('fuzz', () => {
  const RUNS = 3_000;
  const TIME_LIMIT_MS = 45_000;

  it(`answers ${RUNS} malformed requests with well-formed GraphQL responses, and stays up`, async () => {
    const statuses = new Map<number, number>();
    let runs = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: graphQLPost }, { weight: 3, arbitrary: hostileArguments }, { weight: 2, arbitrary: oddPost }, { weight: 1, arbitrary: otherMethod }),
        async (request) => {
        runs += 1;
        const wrong = await problem(request);
          if (wrong) throw new Error(`${wrong}\nrequest: ${JSON.stringify({ ...request, body: typeof request.body === 'string' ? request.body.slice(0, 500) : request.body })}`);
        },
      ),
      { numRuns: RUNS, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] },
    );
    for (const line of api.logs) if (line.msg === 'request') statuses.set(line.status as number, (statuses.get(line.status as number) ?? 0) + 1);
    process.stderr.write(`[fuzz] ${runs} requests in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect(runs).toBeGreaterThanOrEqual(1_000);
    const live = await fetch(api.url.replace('/graphql', '/health/live'));
    expect(live.status).toBe(200);
    expect(api.logs.filter((l) => l.level === 'error')).toEqual([]);
  }, 90_000);
});
