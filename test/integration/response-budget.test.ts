/**
 * The response budget (MAX_RESPONSE_BYTES, src/http/response-budget.ts) over real HTTP on
 * the story, with a budget small enough for the story's one article: issue 21's 250 MB
 * query in miniature (aliased statement pages, each evidence bringing its article's whole
 * text) is stopped with one LIMIT_EXCEEDED and no data, on Apollo's path and on the fast
 * path alike; a query that fits is answered whole.
 */
import type { Neo4jGateway } from '../../src/db/gateway';
import { testGateway } from '../helpers/graph';
import { startTestServer, type TestServer } from '../helpers/server';

const ARTICLE = 'article:us-cuts-off-intelligence-sharing-with-ukraine-report';
const BUDGET = 20_000;

let gateway: Neo4jGateway;
let api: TestServer;
beforeAll(async () => {
  gateway = testGateway();
  api = await startTestServer(gateway, { production: true, limits: { maxResponseBytes: BUDGET } });
});
afterAll(async () => {
  await api.stop();
  await gateway.close();
});

const page = (alias: string): string => `${alias}: statements(first: 100, filter: {article: $article}) { edges { node { evidences { article { text } } } } }`;
/** Three aliases are enough to pass the small budget (the query had thirteen, against 10 MB). */
const AMPLIFIED = `query Amplified($article: ID!) { ${['a', 'b', 'c'].map(page).join(' ')} }`;

describe('the response budget', () => {
  it('stops a query whose text would pass MAX_RESPONSE_BYTES with one LIMIT_EXCEEDED and no data, on both paths', async () => {
    // The first answer comes from Apollo, the second from the fast path (fast-path.ts).
    for (const path of ['apollo', 'prepared']) {
      const answer = await api.post(AMPLIFIED, { article: ARTICLE });
      expect({ path, status: answer.status, data: answer.body.data, errors: answer.body.errors?.map((e) => ({ message: e.message, extensions: e.extensions })) }).toEqual({
        path,
        status: 400,
        data: null,
        errors: [
          {
            message: `The response would carry more than ${BUDGET} bytes of text; the limit is ${BUDGET} (MAX_RESPONSE_BYTES), and the query was stopped. Ask for fewer items (first) or leave out long fields such as Article.text.`,
            extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_RESPONSE_BYTES', max: BUDGET },
          },
        ],
      });
      const logged = await api.requestLogged(answer.headers.get('x-request-id') ?? '');
      expect({ status: logged.status, errors: logged.errors, prepared: logged.prepared }).toEqual({ status: 400, errors: ['LIMIT_EXCEEDED'], prepared: path === 'prepared' ? true : undefined });
    }
  });

  it('answers a query under the budget whole: the same pages with each article once', async () => {
    const answer = await api.post(`query Fits($article: ID!) { article(id: $article) { text } ${page('a')} }`.replace('evidences { article { text } }', 'evidences { start end }'), { article: ARTICLE });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const data = answer.body.data as { article: { text: string }; a: { edges: unknown[] } };
    expect(data.article.text.length).toBeGreaterThan(3_000);
    expect(data.a.edges.length).toBeGreaterThan(5);
  });
});
