/**
 * The explorer's dashboard chart (issue 22) and research network (issue 25) in Chromium, on a
 * graph of this file's own: the story and the synthetic demo month (`npm run seed -- --demo`),
 * because a dashboard over the story alone shows a single day, and the live test writes a new
 * article the shared story database must not see.
 *
 * What the page shows is compared with what the API answers to the same question, and every
 * control is checked by the operation it makes the page send. Screenshots go to
 * test-results/screenshots/ (or $SCREENSHOTS_DIR, as in explorer.test.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { keyring } from '../../src/auth/api-keys';
import { demoDocuments } from '../../src/corpus/demo';
import { explorerRoutes } from '../../src/http/explorer-pages';
import { ingestBatch } from '../../src/ingest/ingest-batch';
import { readStory, seedStory } from '../../src/ingest/seed';
import { INGEST } from '../helpers/graph';
import { scratchGraph, type ScratchGraph } from '../helpers/own-neo4j';
import { startTestServer, type TestServer } from '../helpers/server';
import { settled } from '../helpers/explorer-page';
import { builtExplorer, type BuiltExplorer } from '../helpers/explorer-build';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOTS = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots');
const ARTICLE = 'article:us-cuts-off-intelligence-sharing-with-ukraine-report';
const INTEL_PAUSE = 'policy:us-intelligence-sharing-pause';
const KEY = 'dashboard-e2e-key-0123456789';

jest.setTimeout(180_000);

let graph: ScratchGraph;
let server: TestServer;
let base: string;
let browser: Browser;
let explorer: BuiltExplorer | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`The explorer's browser tests drive Debian's Chromium at ${CHROMIUM}, which is not installed (apt-get install -y chromium).`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const built = builtExplorer('nkg-dashboard-');
  graph = await scratchGraph();
  await seedStory(graph.gateway);
  const storyIds = new Set((readStory() as { entities: { id: string }[] }).entities.map((e) => e.id));
  const documents = demoDocuments(storyIds);
  for (let i = 0; i < documents.length; i += 20) await ingestBatch(graph.gateway, documents.slice(i, i + 20));
  explorer = await built;
  server = await startTestServer(graph.gateway, { routes: explorerRoutes({ distDir: explorer.distDir }), apiKeys: keyring([KEY]) });
  base = server.url.replace(/\/graphql$/, '');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await graph?.stop();
  explorer?.remove();
});

interface Sent {
  readonly operationName: string;
  readonly variables: Record<string, unknown>;
}

/**
 * The browser contexts the running test opened, closed after it (as explorer.test.ts does):
 * a context left to close with the browser, or closed from a page's close event without
 * waiting, could reject after the test, failing the file with no test to blame.
 */
const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A page, the operations it sent (by name, with their variables) and what went wrong in it. */
async function open(hash: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; sent: Sent[]; problems: string[] }> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  const sent: Sent[] = [];
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { query?: string; variables?: Record<string, unknown> };
    sent.push({ operationName: /^\s*\w+\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '', variables: body.variables ?? {} });
  });
  contexts.push(context);
  await page.goto(`${base}/explorer${hash}`);
  await settled(page);
  return { page, sent, problems };
}

/** The variables of the last `operation` the page sent. */
function last(sent: readonly Sent[], operation: string): Record<string, unknown> | undefined {
  return [...sent].reverse().find((s) => s.operationName === operation)?.variables;
}

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await server.post(query, variables);
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data as T;
}

interface Series {
  label: string;
  total: number;
  points: { start: string; count: number }[];
}

const SERIES = `query($filter: StatementFilter, $groupBy: AttributionDimension!, $interval: Interval!) {
  attributionSeries(filter: $filter, groupBy: $groupBy, interval: $interval, top: 8) { label total points { start count } }
}`;

/** The series table as the page shows it: the header row, then a row per group. */
async function seriesTable(page: Page): Promise<string[][]> {
  return page.locator('#chart-series .series-table tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

/** The same table built from the API's answer. */
function expectedTable(series: readonly Series[]): string[][] {
  return [
    ['Group', ...(series[0]?.points.map((p) => p.start) ?? []), 'Total'],
    ...series.map((s) => [s.label, ...s.points.map((p) => String(p.count)), String(s.total)]),
  ];
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

describe('the dashboard chart', () => {
  it('plots the demo month per week by speaker under the synthetic-data banner, and its controls change the query', async () => {
    const { page, sent, problems } = await open('#/attribution');
    await page.locator('#synthetic-banner').waitFor();
    expect(await page.locator('#synthetic-banner').innerText()).toMatch(/^This graph holds synthetic demo data\. .*“… \(synthetic\)”/);
    // uPlot drew its canvas and its hover layer; the table holds the same numbers as the API.
    await page.locator('#chart-series .series-canvas canvas').waitFor();
    await page.locator('#chart-series .u-over').waitFor();
    const weekly = (await api<{ attributionSeries: Series[] }>(SERIES, { filter: {}, groupBy: 'SPEAKER', interval: 'WEEK' })).attributionSeries;
    // Four demo weeks from 2025-02-03 (statements dated up to a week before), and the story's week.
    expect(weekly[0]?.points.map((p) => p.start)).toEqual(['2025-01-27', '2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03']);
    expect(weekly.map((s) => s.label)).toContain('other');
    expect(await seriesTable(page)).toEqual(expectedTable(weekly));
    expect(await page.locator('#chart-series .series-slot').getAttribute('data-points')).toBe('6');
    expect(last(sent, 'ExplorerSeries')).toEqual({ filter: {}, groupBy: 'SPEAKER', interval: 'WEEK', top: 8 });
    await screenshot(page, 'dashboard-series');

    // Interval: one point a day.
    await page.selectOption('#series-interval', 'DAY');
    await page.waitForURL(/#\/attribution\?interval=DAY$/);
    await settled(page);
    expect(last(sent, 'ExplorerSeries')).toEqual({ filter: {}, groupBy: 'SPEAKER', interval: 'DAY', top: 8 });
    // The banner follows the data: asked about again on the new route, and still shown once.
    expect(sent.filter((s) => s.operationName === 'ExplorerSyntheticOutlets').length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#synthetic-banner').count()).toBe(1);
    const daily = (await api<{ attributionSeries: Series[] }>(SERIES, { filter: {}, groupBy: 'SPEAKER', interval: 'DAY' })).attributionSeries;
    expect(await seriesTable(page)).toEqual(expectedTable(daily));

    // A window: one ISO week of days.
    await page.fill('#series-since', '2025-02-10');
    await page.fill('#series-until', '2025-02-16');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/#\/attribution\?since=2025-02-10&until=2025-02-16&interval=DAY$/);
    await settled(page);
    const window = { since: '2025-02-10', until: '2025-02-16' };
    expect(last(sent, 'ExplorerSeries')).toEqual({ filter: window, groupBy: 'SPEAKER', interval: 'DAY', top: 8 });
    expect((await seriesTable(page))[0]).toEqual(['Group', '2025-02-10', '2025-02-11', '2025-02-12', '2025-02-13', '2025-02-14', '2025-02-15', '2025-02-16', 'Total']);

    // Stance, and a line per stance.
    await page.selectOption('#series-stance', 'OPPOSES');
    await page.waitForURL(/stance=OPPOSES/);
    await settled(page);
    await page.selectOption('#series-group', 'STANCE');
    await page.waitForURL(/#\/attribution\?since=2025-02-10&until=2025-02-16&stance=OPPOSES&groupBy=STANCE&interval=DAY$/);
    await settled(page);
    const filter = { ...window, stance: 'OPPOSES' };
    expect(last(sent, 'ExplorerSeries')).toEqual({ filter, groupBy: 'STANCE', interval: 'DAY', top: 8 });
    expect(last(sent, 'ExplorerAttribution')).toEqual({ filter });
    const byStance = (await api<{ attributionSeries: Series[] }>(SERIES, { filter, groupBy: 'STANCE', interval: 'DAY' })).attributionSeries;
    expect(byStance.map((s) => s.label)).toContain('OPPOSES');
    expect(await seriesTable(page)).toEqual(expectedTable(byStance));
    expect(problems).toEqual([]);
  });

  it("plots the story's own days when the filter selects its article", async () => {
    const { page, problems } = await open(`#/attribution?article=${encodeURIComponent(ARTICLE)}&interval=DAY`);
    await page.locator('#chart-series .series-canvas canvas').waitFor();
    const story = (await api<{ attributionSeries: Series[] }>(SERIES, { filter: { article: ARTICLE }, groupBy: 'SPEAKER', interval: 'DAY' })).attributionSeries;
    // One statement is dated 2025-02-28 by its words; the rest take the article's date, 2025-03-05.
    expect(story[0]?.points.map((p) => p.start)).toEqual(['2025-02-28', '2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05']);
    expect(await seriesTable(page)).toEqual(expectedTable(story));
    expect(problems).toEqual([]);
  });
});

interface NetworkAnswer {
  statementCount: number;
  edgeCount: number;
  edges: { source: string; target: string; relation: string; weight: number; evidence: string[] }[];
}

const NETWORK = `query($filter: StatementFilter, $minWeight: Int) {
  network(filter: $filter, minWeight: $minWeight, first: 150) { statementCount edgeCount edges { source target relation weight evidence } }
}`;

/**
 * A point of the drawing painted in `colour` (#rrggbb), as are three of its four neighbours:
 * inside an edge of that colour. Page-side code, as text (the tests compile without DOM types).
 */
async function pointOfColour(page: Page, colour: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`(() => {
    const hex = ${JSON.stringify(colour)};
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    for (const canvas of document.querySelectorAll('.network-weighted canvas')) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) continue;
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const is = (x, y) => {
        const i = (y * width + x) * 4;
        return data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] > 250;
      };
      const box = canvas.getBoundingClientRect();
      for (let y = 2; y < height - 2; y += 1) {
        for (let x = 2; x < width - 2; x += 1) {
          if (is(x, y) && [is(x - 1, y), is(x + 1, y), is(x, y - 1), is(x, y + 1)].filter(Boolean).length >= 3) return { x: box.left + (x * box.width) / width, y: box.top + (y * box.height) / height };
        }
      }
    }
    return null;
  })()`);
}

/** Waits until the evidence panel has loaded the statements of an edge whose id holds `part`; its id. */
async function evidenceLoaded(page: Page, part: string): Promise<string> {
  const panel = page.locator(`#edge-evidence[data-loaded*=${JSON.stringify(part)}]`);
  await panel.waitFor();
  return (await panel.getAttribute('data-loaded')) ?? '';
}

describe('the network view', () => {
  it("draws the story article's network, shows an edge's evidence on a click, and filters by weight", async () => {
    const { page, sent, problems } = await open(`#/network?article=${encodeURIComponent(ARTICLE)}`);
    await page.locator('.network-weighted canvas').first().waitFor();
    const answer = (await api<{ network: NetworkAnswer }>(NETWORK, { filter: { article: ARTICLE }, minWeight: 1 })).network;
    expect(new Set(answer.edges.map((e) => e.relation))).toEqual(new Set(['ABOUT', 'REPORTED_BY', 'CO_QUOTED']));
    expect(await page.locator('#network-summary').innerText()).toMatch(new RegExp(`^${answer.statementCount} statements, ${answer.edgeCount} edges\\. Nodes are sized by weighted degree;`));
    expect(await page.locator('.edge-row').count()).toBe(answer.edges.length);
    expect(await page.locator('[aria-label="Edge kinds"] li').allInnerTexts()).toEqual(['ABOUT: speaks about', 'REPORTED_BY: reported by', 'CO_QUOTED: quoted beside']);
    expect(last(sent, 'ExplorerNetwork')).toEqual({ filter: { article: ARTICLE }, by: ['ABOUT', 'REPORTED_BY', 'CO_QUOTED'], minWeight: 1, first: 150 });

    // A click on the drawing where a CO_QUOTED edge (magenta, dotted) is painted opens its evidence.
    await page.locator('.network-weighted[data-drawn]').waitFor();
    const onEdge = await pointOfColour(page, '#c026d3');
    if (!onEdge) throw new Error('no CO_QUOTED edge is painted in the drawing');
    await page.mouse.click(onEdge.x, onEdge.y);
    const evidence = page.locator('#edge-evidence');
    const loaded = await evidenceLoaded(page, '|CO_QUOTED|');
    const clicked = answer.edges.find((e) => `${e.source}|${e.relation}|${e.target}` === loaded);
    if (!clicked) throw new Error('the evidence shown is not of an edge of the answer');
    expect(await evidence.locator('h2').innerText()).toMatch(/^.+ — CO_QUOTED — .+$/);
    expect(await evidence.locator('.statement-card').count()).toBe(clicked.evidence.length);
    await page.locator('.network-layout').evaluate((layout) => layout.scrollIntoView());
    await screenshot(page, 'network');

    // The heaviest edge from the list: its evidence, word for word.
    const heaviest = answer.edges[0];
    if (!heaviest) throw new Error('the network has no edges');
    await page.locator('.edge-details summary').click();
    await page.locator('.edge-row').first().getByRole('button', { name: 'Evidence' }).click();
    const heaviestId = `${heaviest.source}|${heaviest.relation}|${heaviest.target}`;
    expect(await evidenceLoaded(page, heaviestId)).toBe(heaviestId);
    const shown = await evidence.locator('.statement-card a.statement-words').evaluateAll((links) => links.map((a) => decodeURIComponent((a.getAttribute('href') ?? '').replace('#/statement/', ''))));
    expect(shown).toEqual(heaviest.evidence);

    // The lightest edge drawn, and PageRank for the sizes.
    await page.fill('#network-min-weight', '2');
    await page.locator('form[aria-label="Network settings"]').getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/#\/network\?article=.*&minWeight=2$/);
    await settled(page);
    expect(last(sent, 'ExplorerNetwork')).toEqual({ filter: { article: ARTICLE }, by: ['ABOUT', 'REPORTED_BY', 'CO_QUOTED'], minWeight: 2, first: 150 });
    const heavy = (await api<{ network: NetworkAnswer }>(NETWORK, { filter: { article: ARTICLE }, minWeight: 2 })).network;
    expect(heavy.edges.every((e) => e.weight >= 2)).toBe(true);
    expect(await page.locator('.edge-row').count()).toBe(heavy.edges.length);
    await page.selectOption('#network-size', 'pageRank');
    await page.waitForURL(/&size=pageRank$/);
    await settled(page);
    expect(last(sent, 'ExplorerNetworkRanking')).toEqual({ filter: { article: ARTICLE }, by: ['ABOUT', 'REPORTED_BY', 'CO_QUOTED'], minWeight: 2 });
    expect(await page.locator('#network-summary').innerText()).toContain('Nodes are sized by PageRank;');
    expect(problems).toEqual([]);
  });

  it('is one click from a policy', async () => {
    const { page, problems } = await open(`#/entity/${encodeURIComponent(INTEL_PAUSE)}`);
    await page.getByRole('link', { name: 'Network of who speaks about it' }).click();
    await page.waitForURL(/#\/network\?about=policy%3Aus-intelligence-sharing-pause$/);
    await settled(page);
    expect(await page.locator('h1').innerText()).toBe('Network: statements about US pause of intelligence sharing with Ukraine');
    await page.locator('.network-weighted canvas').first().waitFor();
    expect(problems).toEqual([]);
  });
});

/** A new article: one quote of Mike Waltz about the intelligence pause, two days after the story. */
function liveArticle(): Record<string, unknown> {
  const words = 'The pause will be reviewed within days';
  const text = `Waltz says the pause will be reviewed\n“${words},” Waltz told reporters on Friday.\n`;
  const start = text.indexOf(words);
  return {
    article: { id: 'article:dashboard-live-update', title: 'Waltz says the pause will be reviewed', text, publishedAt: '2025-03-07T10:00:00Z' },
    entities: [],
    statements: [{ kind: 'DIRECT', speaker: 'person:mike-waltz', text: words, start, end: start + words.length, about: [INTEL_PAUSE], venue: 'told reporters' }],
  };
}

describe('on a 390 px wide screen', () => {
  it('fits the chart, its controls and the network with nothing cut off', async () => {
    for (const hash of ['#/attribution', `#/network?article=${encodeURIComponent(ARTICLE)}`]) {
      const { page, problems } = await open(hash, { width: 390, height: 844 });
      await page.locator('#main canvas').first().waitFor();
      expect({ hash, width: await page.evaluate('document.documentElement.scrollWidth'), problems }).toEqual({ hash, width: 390, problems: [] });
    }
  });
});

describe('live updates', () => {
  it('redraws the chart and the counts when an article is ingested while the page is open', async () => {
    const filter = { about: INTEL_PAUSE };
    const { page, problems } = await open(`#/attribution?about=${encodeURIComponent(INTEL_PAUSE)}&interval=DAY`);
    await page.locator('.live-status[data-state="live"]').waitFor();
    const before = (await api<{ attributionSeries: Series[] }>(SERIES, { filter, groupBy: 'SPEAKER', interval: 'DAY' })).attributionSeries;
    expect(await seriesTable(page)).toEqual(expectedTable(before));
    const total = await page.locator('#attribution-total').innerText();

    const bannerAsked = page.waitForRequest((request) => request.method() === 'POST' && (request.postData() ?? '').includes('ExplorerSyntheticOutlets'));
    const ingested = await server.post(INGEST, { document: liveArticle() }, { authorization: `Bearer ${KEY}` });
    expect(ingested.body.errors).toBeUndefined();
    // Hearing of new statements, the page asks again whether the graph holds synthetic data.
    await bannerAsked;
    // The new day appears in the series once the page has heard of the change and asked again.
    await page.locator('#chart-series .series-table th', { hasText: '2025-03-07' }).waitFor({ state: 'attached' });
    const after = (await api<{ attributionSeries: Series[] }>(SERIES, { filter, groupBy: 'SPEAKER', interval: 'DAY' })).attributionSeries;
    const waltz = (series: readonly Series[]): number | undefined => series.find((s) => s.label === 'Mike Waltz')?.total;
    expect(waltz(after)).toBe((waltz(before) ?? 0) + 1);
    expect(await seriesTable(page)).toEqual(expectedTable(after));
    expect(await page.locator('#attribution-total').innerText()).not.toBe(total);
    await screenshot(page, 'dashboard-live');
    expect(problems).toEqual([]);
  });
});
