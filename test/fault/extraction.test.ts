/**
 * Issue 21's adversarial extraction inputs against the real server (production mode, the
 * story in a real Neo4j, extraction in worker threads): each is answered, with a proposal or
 * a clear error, within the request's budget; the process stays up, and `/health/live` and
 * a small query answer while the extractions are still running.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_EXTRACTION, DEFAULT_TIMEOUTS } from '../../src/config';
import type { Neo4jGateway } from '../../src/db/gateway';
import { census, testGateway } from '../helpers/graph';
import { startTestServer, type HttpAnswer, type TestServer } from '../helpers/server';

/** Sent at once, to a fresh server: each was one request that took the process down or stalled it for seconds. */
const ADVERSARIAL = [
  { name: '"Mr. " × 49 000', text: 'Mr. '.repeat(49_000) },
  { name: '"“" × 199 000', text: '“'.repeat(199_000) },
  { name: `'"' × 199 000`, text: '"'.repeat(199_000) },
];

const EXTRACT = 'query Extract($text: String!) { extractArticle(text: $text) { articleId statements { kind text } } }';
/** What a client may be told instead of a proposal: each names the bound it hit. */
const CLEAR_ERRORS = ['TIMEOUT', 'OVERLOADED', 'LIMIT_EXCEEDED'];
/** The request's deadline and the grace after which the server answers regardless (src/deadline.ts). */
const ANSWER_WITHIN_MS = DEFAULT_TIMEOUTS.requestMs + 1_000;

let gateway: Neo4jGateway;
let api: TestServer;
let before: Record<string, number>;
beforeAll(async () => {
  gateway = testGateway();
  before = await census(gateway);
  api = await startTestServer(gateway, { production: true, extraction: DEFAULT_EXTRACTION });
});
afterAll(async () => {
  await api.stop();
  await gateway.close();
});

async function live(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(api.url.replace(/graphql$/, 'health/live'));
  await response.text();
  return { status: response.status, ms: performance.now() - started };
}

/** A proposal, or one error with a code that names the bound. */
function clearAnswer(answer: HttpAnswer): string {
  const codes = answer.body.errors?.map((e) => String(e.extensions?.code)) ?? [];
  if (codes.length === 0) {
    expect(answer.status).toBe(200);
    expect(answer.body.data?.extractArticle).toMatchObject({ articleId: expect.stringMatching(/^article:/) });
    return 'proposal';
  }
  expect(codes).toHaveLength(1);
  expect(CLEAR_ERRORS).toContain(codes[0]);
  return codes[0] as string;
}

describe('adversarial extraction inputs', () => {
  it.each(ADVERSARIAL)('$name: answered within the request budget, and /health/live stays 200', async ({ text }) => {
    const started = performance.now();
    const answer = await api.post(EXTRACT, { text });
    const took = performance.now() - started;
    const outcome = clearAnswer(answer);
    expect({ outcome: CLEAR_ERRORS.includes(outcome) || outcome === 'proposal', inBudget: took <= ANSWER_WITHIN_MS }).toEqual({ outcome: true, inBudget: true });
    expect((await live()).status).toBe(200);
  });

  it('answers /health/live and a small query while extractions run', async () => {
    // One extraction for each worker and one waiting: the longest ("Mr. ", first) runs on well after the probes below.
    const inFlight = ADVERSARIAL.map(({ text }) => api.post(EXTRACT, { text }));
    const busy = await api.server.extraction.reaches((s) => s.running === DEFAULT_EXTRACTION.workers);
    expect(busy.running).toBe(2);

    const probe = await live();
    const small = await api.post('{ person(id: "person:mike-waltz") { name } }');
    const { running, queued } = api.server.extraction.state;

    expect(probe.status).toBe(200);
    expect(small).toMatchObject({ status: 200, body: { data: { person: { name: 'Mike Waltz' } } } });
    // Both answers came while extractions were still running or waiting: nothing waited for them.
    expect(running + queued).toBeGreaterThan(0);
    expect(probe.ms).toBeLessThan(1_000);

    for (const answer of await Promise.all(inFlight)) clearAnswer(answer);
    expect((await live()).status).toBe(200);
  });

  it('leave the graph as it was: extraction writes nothing', async () => {
    expect(await census(gateway)).toEqual(before);
  });
});
