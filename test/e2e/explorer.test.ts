/**
 * The explorer in a real browser: Debian's Chromium, driven by playwright-core, against
 * the real server (explorer routes included) on the real Neo4j holding the seeded story.
 * The explorer is built fresh first (test/helpers/explorer-build.ts: once per run, or by this
 * file into a temporary folder), so the test sees exactly what `npm run build` ships; without
 * its type check, which `npm run lint` has already made (tsc -p explorer/tsconfig.json).
 *
 * Every page must load with no console error (a Content-Security-Policy violation is one),
 * no uncaught exception and no request to another origin. Each test saves a screenshot of
 * what it checked into test-results/screenshots/ (or $SCREENSHOTS_DIR).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Neo4jGateway } from '../../src/db/gateway';
import { CONTENT_SECURITY_POLICY, explorerRoutes } from '../../src/http/explorer-pages';
import { testGateway } from '../helpers/graph';
import { startTestServer, type TestServer } from '../helpers/server';
import { settled } from '../helpers/explorer-page';
import { builtExplorer, type BuiltExplorer } from '../helpers/explorer-build';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
// test-results/ is ignored by git; `SCREENSHOTS_DIR=docs/screenshots` refreshes the README's.
const SCREENSHOTS = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots');
const S = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:';
const ARTICLE = 'article:us-cuts-off-intelligence-sharing-with-ukraine-report';
const INTEL_PAUSE = 'policy:us-intelligence-sharing-pause';
/** Mulroy's quote, credited to the FT: “There is no way to replace the capabilities …” */
const MULROY_FT_QUOTE = `${S}952-1058`;
/** Trump's “let’s pause …”, quoted inside Ratcliffe's words on Fox Business. */
const TRUMP_INNER_QUOTE = `${S}2470-2531`;

// A browser on a busy two-core machine: each test gets two minutes, not jest's one.
jest.setTimeout(120_000);

let gateway: Neo4jGateway;
let server: TestServer;
let base: string;
let browser: Browser;
let explorer: BuiltExplorer | undefined;
let distDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The explorer's browser tests drive Debian's Chromium at ${CHROMIUM}, which is not installed. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (.ci/run does this), then run the tests again.',
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  explorer = await builtExplorer('nkg-explorer-');
  distDir = explorer.distDir;
  gateway = testGateway();
  server = await startTestServer(gateway, { routes: explorerRoutes({ distDir }) });
  base = server.url.replace(/\/graphql$/, '');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await gateway?.close();
  explorer?.remove();
});

interface Session {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors, uncaught exceptions and requests to other origins, as they happen. */
  readonly problems: string[];
}

const sessions: Session[] = [];

async function open(viewport = { width: 1280, height: 800 }, origin = base): Promise<Session> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) problems.push(`request to another origin: ${url}`);
  });
  const session = { page, context, problems };
  sessions.push(session);
  return session;
}

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.context.close();
});

async function goto(page: Page, hash: string): Promise<void> {
  await page.goto(`${base}/explorer${hash}`);
  await settled(page);
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

const texts = async (locator: Locator): Promise<string[]> => (await locator.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

/** The rows of a bar chart: [label, count]. */
async function bars(page: Page, chart: string): Promise<[string, string][]> {
  const rows = page.locator(`#${chart} tr.bar-row`);
  const labels = await texts(rows.locator('.bar-label'));
  const counts = await texts(rows.locator('.bar-count'));
  return labels.map((label, i): [string, string] => [label, counts[i] ?? '']);
}

/** An answer to a plain request, with the path sent exactly as given (no client-side normalising). */
function raw(method: string, pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, method, path: pathname, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('serving', () => {
  it('serves the pages with a strict CSP and revalidation, assets as immutable, and nothing outside its folder', async () => {
    const page = await raw('GET', '/explorer');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('GET', '/explorer', { 'if-none-match': String(page.headers.etag) })).status).toBe(304);
    expect((await raw('GET', '/explorer/')).body).toBe(page.body);

    const assets = [...page.body.matchAll(/(?:src|href)="(\/explorer\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.map((a) => a.replace(/-[A-Z0-9]{8}\./, '-HASH.'))).toEqual(['/explorer/assets/explorer-HASH.css', '/explorer/assets/explorer-HASH.js']);
    const [css, js] = assets as [string, string];
    const script = await raw('GET', js, { 'accept-encoding': 'gzip' });
    expect([script.status, script.headers['content-type'], script.headers['cache-control'], script.headers['content-encoding']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
      'gzip',
    ]);
    expect((await raw('HEAD', css)).headers['content-type']).toBe('text/css; charset=utf-8');

    const graphiql = await raw('GET', '/graphiql');
    expect([graphiql.status, graphiql.headers['content-type'], graphiql.headers['content-security-policy']]).toEqual([200, 'text/html; charset=utf-8', CONTENT_SECURITY_POLICY]);

    const refused = await raw('POST', '/explorer');
    expect([refused.status, refused.headers.allow]).toEqual([405, 'GET, HEAD']);
    for (const probe of [
      '/explorer/assets/missing-ABCDEFGH.js',
      '/explorer/assets/',
      '/explorer/assets/.hidden',
      '/explorer/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/explorer/assets/..%2F..%2Fpackage.json',
      '/explorer/assets/..%5c..%5cpackage.json',
      '/explorer/../package.json',
      '/explorer/assets/../../../package.json',
      '/explorer/index.html/../../package.json',
      '/explorer/nothing-here',
    ]) {
      const answer = await raw('GET', probe);
      expect({ probe, status: answer.status, leaked: answer.body.includes('"name": "news-knowledge-graph"') }).toEqual({ probe, status: 404, leaked: false });
    }
  });

  it('says how to build the explorer when its folder is missing', async () => {
    const unbuilt = await startTestServer(gateway, { routes: explorerRoutes({ distDir: path.join(os.tmpdir(), 'nkg-explorer-never-built') }) });
    try {
      const answer = await fetch(unbuilt.url.replace(/\/graphql$/, '/explorer'));
      expect(answer.status).toBe(404);
      expect(await answer.text()).toMatch(/^The explorer has not been built: .*index\.html is missing\. Run `node explorer\/build\.mjs` \(part of `npm run build`\), then reload\.$/);
    } finally {
      await unbuilt.stop();
    }
  });
});

describe('the explorer', () => {
  it('searches for "Waltz" from the keyboard, opens him, and shows his roles, statements and network', async () => {
    const { page, problems } = await open();
    await goto(page, '');
    await expect(page.locator('h1').innerText()).resolves.toBe('Who said what, and how it connects');
    await screenshot(page, 'home');

    // Tab to the search box: skip link, brand, search.
    for (let i = 0; i < 5 && (await page.evaluate('document.activeElement && document.activeElement.id')) !== 'q'; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('q');
    await page.keyboard.type('Waltz');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/search\?q=Waltz$/);
    // The URL changes before the search view marks the page busy: wait for its results.
    await page.locator('.result .result-title').first().waitFor();
    await settled(page);
    expect(await texts(page.locator('.result .result-title'))).toEqual(['Mike Waltz', 'US Cuts Off Intelligence Sharing With Ukraine: Report']);
    expect(await texts(page.locator('.result .badge'))).toEqual(['PERSON', 'ARTICLE']);
    await screenshot(page, 'search');

    // The heading has focus; the next Tab reaches the best result, with a visible focus ring.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Mike Waltz');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/entity\/person%3Amike-waltz$/);
    await settled(page);

    expect(await page.locator('h1').innerText()).toBe('Mike Waltz');
    expect(await texts(page.locator('.facts dd').first())).toEqual(['Waltz · National Security Adviser Mike Waltz']);
    expect(await page.locator('.entity-side').innerText()).toContain('National Security Adviser (White House, United States)');
    const said = page.locator('section[aria-labelledby="statements-said"]');
    expect(await said.locator('h2').innerText()).toBe('Said by Mike Waltz 7');
    expect(await texts(said.locator('.statement-words'))).toEqual([
      'The Trump administration has suspended intelligence sharing with Ukraine as part of a broader reassessment of US support for the war-torn nation.',
      '“We have, we have taken a step back,”',
      '“all aspects of this relationship.”',
      'The relationship with Ukraine could soon improve.',
      '“I think if we can nail down these negotiations and move towards these negotiations, and in fact, put some confidence-building measures on the table, then the president will take a hard look at lifting this pause.”',
      '“good talks”',
      '“very short order.”',
    ]);

    // The network: Waltz, his 7 statements, what they are about, who reported them, where he works.
    const canvas = page.locator('.network canvas').first();
    await expect(canvas.isVisible()).resolves.toBe(true);
    await screenshot(page, 'entity');
    // A click on the drawing's centre lands on Waltz himself (the layout puts him there).
    const drawing = page.locator('.network');
    const box = await drawing.boundingBox();
    if (!box) throw new Error('the network drawing has no size');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.locator('.network-status').innerText()).toBe('Selected: PERSON Mike Waltz');
    const nodes = page.locator('.node-list li');
    await page.locator('.node-details summary').click();
    expect(await page.locator('.node-details summary').innerText()).toBe('Nodes in the drawing (16)');
    expect(await texts(nodes.filter({ hasNot: page.locator('.badge-statement') }).locator('a'))).toEqual([
      'Peace negotiations between Ukraine and Russia',
      'CNN',
      'Financial Times',
      'Fox Business',
      'White House',
      'Mike Waltz',
      'Ukraine',
      'United States',
      'US pause of intelligence sharing with Ukraine',
    ]);

    // Expanding the Financial Times brings in the others it reported: Mulroy and Macron.
    await nodes.filter({ hasText: 'Financial Times' }).getByRole('button', { name: 'Expand' }).click();
    await page.locator('.network-status', { hasText: /^Financial Times: \d+ more nodes\.$/ }).waitFor();
    expect(await texts(nodes.locator('a'))).toEqual(expect.arrayContaining(['Mick Mulroy', 'Emmanuel Macron']));
    await page.evaluate('document.querySelector(".network-panel").scrollIntoView()');
    await screenshot(page, 'entity-expanded');
    expect(problems).toEqual([]);
  });

  it('opens the quote reported through the FT with its words highlighted exactly, and the quote inside a quote', async () => {
    const { page, problems } = await open();
    await goto(page, '#/search?q=Mulroy');
    await page.locator('.result-title', { hasText: 'Mick Mulroy' }).click();
    await settled(page);
    await page.locator('.statement-words', { hasText: 'There is no way to replace the capabilities' }).click();
    await page.waitForURL(new RegExp(`#/statement/${encodeURIComponent(MULROY_FT_QUOTE)}$`));
    await settled(page);

    const quote = (await server.post(`query($id: ID!) { statement(id: $id) { text } }`, { id: MULROY_FT_QUOTE })).body.data as { statement: { text: string } };
    expect(quote.statement.text).toBe('There is no way to replace the capabilities that the US intelligence can provide from our European allies,');
    expect(await page.locator('.evidence-block mark.span').first().textContent()).toBe(quote.statement.text);
    expect(await page.locator('.evidence-block .sentence').first().textContent()).toBe(
      '“There is no way to replace the capabilities that the US intelligence can provide from our European allies,” Mulroy said, according to the Financial Times (FT).',
    );
    expect(await page.locator('h1').textContent()).toBe(`“${quote.statement.text}”`);
    expect(await page.locator('.attribution-line').innerText()).toBe('— Mick Mulroy, former Deputy Assistant Secretary of Defense (US Department of Defense, United States)');
    expect(await page.locator('.reported-by').innerText()).toBe('Financial Times');
    expect(await page.locator('.topics').innerText()).toBe('US pause of intelligence sharing with Ukraine, United States, Europe');
    expect(await page.locator('.card-head .kind').first().innerText()).toBe('Direct quote');
    await screenshot(page, 'statement');

    // Trump's words inside Ratcliffe's: highlighted exactly, pointing at the outer quote.
    await goto(page, `#/statement/${encodeURIComponent(TRUMP_INNER_QUOTE)}`);
    expect(await page.locator('.evidence-block mark.span').first().textContent()).toBe('let’s pause, I want to give you a chance to think about that.');
    expect(await page.locator('.attribution-line').innerText()).toBe('— Donald Trump, President of the United States (Trump administration)');
    const outer = page.locator('.facts dt', { hasText: 'Quoted inside' }).locator('xpath=following-sibling::dd[1]');
    expect(await outer.innerText()).toMatch(/^Partial quote “had a real question about whether President Zelensky .*… — John Ratcliffe$/);
    await outer.locator('a').first().click();
    await settled(page);
    expect(await page.locator('.facts dt', { hasText: 'Quotes inside it' }).locator('xpath=following-sibling::dd[1]').innerText()).toBe(
      'Direct quote “let’s pause, I want to give you a chance to think about that.” — Donald Trump',
    );

    // The article, every statement's span marked and linked.
    await page.getByRole('link', { name: 'Read the article' }).click();
    await settled(page);
    expect(await page.locator('h1').innerText()).toBe('US Cuts Off Intelligence Sharing With Ukraine: Report');
    expect(await page.locator('section[aria-labelledby="article-statements"] h2').innerText()).toBe('Statements 24');
    expect(await page.locator(`.article-text a[href="#/statement/${encodeURIComponent(MULROY_FT_QUOTE)}"]`).allTextContents()).toEqual([quote.statement.text]);
    await screenshot(page, 'article');
    expect(problems).toEqual([]);
  });

  it('charts who spoke about the intelligence pause, and who is quoted in the article, by speaker and by outlet', async () => {
    const { page, problems } = await open();
    await goto(page, `#/entity/${encodeURIComponent(INTEL_PAUSE)}`);
    await page.getByRole('link', { name: 'Who spoke about it' }).click();
    await page.waitForURL(/#\/attribution\?about=policy%3Aus-intelligence-sharing-pause$/);
    await settled(page);
    expect(await page.locator('h1').innerText()).toBe('Statements about US pause of intelligence sharing with Ukraine');
    expect(await bars(page, 'chart-speakers')).toEqual([
      ['Mike Waltz', '5'],
      ['John Ratcliffe', '3'],
      ['Mick Mulroy', '3'],
      ['Donald Trump', '1'],
      ['Karoline Leavitt', '1'],
    ]);
    // Fox Business: Ratcliffe's two quotes, Trump's inside one, Waltz's "lifting this pause";
    // FT: Mulroy's two, and Waltz's again (FT reported what he told Fox); CNN: two paraphrases.
    expect(await bars(page, 'chart-outlets')).toEqual([
      ['Fox Business', '4'],
      ['Financial Times', '3'],
      ['CNN', '2'],
    ]);
    await screenshot(page, 'attribution');

    await page.selectOption('#attribution-target', { label: 'US Cuts Off Intelligence Sharing With Ukraine: Report' });
    await page.waitForURL(new RegExp(`#/attribution\\?article=${encodeURIComponent(ARTICLE)}$`));
    await settled(page);
    expect(await page.locator('h1').innerText()).toBe('Statements in “US Cuts Off Intelligence Sharing With Ukraine: Report”');
    expect(await bars(page, 'chart-speakers')).toEqual([
      ['Mike Waltz', '7'],
      ['Emmanuel Macron', '5'],
      ['John Ratcliffe', '4'],
      ['Mick Mulroy', '3'],
      ['Donald Trump', '2'],
      ['Karoline Leavitt', '2'],
      ['Volodymyr Zelensky', '1'],
    ]);
    const counted = (await server.post(`query($article: ID!) { attribution(groupBy: REPORTED_BY, filter: { article: $article }) { label count } }`, { article: ARTICLE })).body
      .data as { attribution: { label: string; count: number }[] };
    expect(counted.attribution.map((b) => b.label)).toEqual(['Financial Times', 'Fox Business', 'CNN']);
    expect(await bars(page, 'chart-outlets')).toEqual(counted.attribution.map((b) => [b.label, String(b.count)]));
    expect(problems).toEqual([]);
  });

  it('draws the paths from Emmanuel Macron to John Ratcliffe', async () => {
    const { page, problems } = await open();
    await goto(page, '');
    await page.locator('.site-nav').getByRole('link', { name: 'Paths' }).click();
    await settled(page);
    await page.fill('#path-from', 'Emmanuel Macron');
    await page.fill('#path-to', 'person:john-ratcliffe');
    await page.press('#path-to', 'Enter');
    await page.waitForURL(/#\/paths\?from=person%3Aemmanuel-macron&to=person%3Ajohn-ratcliffe&maxHops=4&first=3$/);
    await settled(page);

    const chains = await Promise.all((await page.locator('.path-item').all()).map((item) => texts(item.locator('.chain-node a'))));
    const steps = await Promise.all((await page.locator('.path-item').all()).map((item) => texts(item.locator('.chain-step'))));
    const start = ['Emmanuel Macron', 'Meeting of European army chiefs in Paris', 'US pause of intelligence sharing with Ukraine'];
    expect(chains).toEqual([
      [...start, 'The relationship with Ukraine could soon improve.', 'John Ratcliffe'],
      [...start, '“had a real question about whether President Zelensky was…', 'John Ratcliffe'],
      [...start, '“On the military front and the intelligence front, the…', 'John Ratcliffe'],
    ]);
    expect(steps).toEqual([0, 1, 2].map(() => ['—PARTICIPATED_IN→', '←PRECEDED—', '←ABOUT—', '←SAID—']));
    expect(await page.locator('.path-results h2').innerText()).toBe('3 shortest paths');
    await expect(page.locator('.network-paths canvas').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'paths');

    await page.getByRole('button', { name: 'Highlight path 2 in the drawing' }).click();
    expect(problems).toEqual([]);
  });

  it('shows the timeline of the intelligence pause, oldest first', async () => {
    const { page, problems } = await open();
    await goto(page, `#/entity/${encodeURIComponent(INTEL_PAUSE)}`);
    await page.locator('.actions').getByRole('link', { name: 'Timeline' }).click();
    await page.waitForURL(/#\/timeline\?entity=policy%3Aus-intelligence-sharing-pause$/);
    await settled(page);
    expect(await page.locator('h1').innerText()).toBe('Timeline: US pause of intelligence sharing with Ukraine');
    expect(await texts(page.locator('.timeline-date'))).toEqual(['5 Mar 2025', '5 Mar 2025 · date of the report']);
    const items = await texts(page.locator('.timeline-item'));
    expect(items).toHaveLength(14);
    expect(items.slice(0, 3)).toEqual([
      'POLICY US pause of intelligence sharing with Ukraine “Wednesday”',
      'STATEMENT The Trump administration has suspended intelligence sharing with Ukraine as part of a broader reassessment of US support for the war-torn nation. — Mike Waltz “Wednesday”',
      'STATEMENT “We have, we have taken a step back,” — Mike Waltz',
    ]);
    await screenshot(page, 'timeline');

    await page.selectOption('#timeline-entity', { label: 'The whole story' });
    await page.waitForURL(/#\/timeline$/);
    await settled(page);
    expect((await texts(page.locator('.timeline-date'))).slice(0, 3)).toEqual(['2022', '28 Feb 2025', '3 Mar 2025']);
    expect(problems).toEqual([]);
  });

  it('runs GraphiQL from this server alone, with the example operations as tabs', async () => {
    const { page, problems } = await open();
    await page.goto(`${base}/graphiql`);
    await page.waitForSelector('.graphiql-container .graphiql-execute-button');
    const examples = parse(readFileSync(path.join(ROOT, 'schema', 'examples.graphql'), 'utf8'));
    const operations = examples.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? d.name?.value : undefined));
    expect(operations).toContain('WhoSaidWhatAboutTheIntelligencePause');
    expect(await texts(page.locator('.graphiql-tab'))).toEqual(operations);
    await page.click('.graphiql-execute-button');
    await page.locator('.result-window', { hasText: '"totalCount": 13' }).waitFor();
    await screenshot(page, 'graphiql');
    expect(problems).toEqual([]);
  });

  it('gives GraphiQL the schema it was built with when the server turns introspection off', async () => {
    const closed = await startTestServer(gateway, { introspection: false, routes: explorerRoutes({ distDir }) });
    try {
      const origin = closed.url.replace(/\/graphql$/, '');
      const { page, problems } = await open(undefined, origin);
      await page.goto(`${origin}/graphiql`);
      await page.locator('.graphiql-note', { hasText: /^Introspection is off on this server \(.*\); showing the schema this page was built with\.$/ }).waitFor();
      await page.click('.graphiql-execute-button');
      await page.locator('.result-window', { hasText: '"totalCount": 13' }).waitFor();
      // The refused introspection request is the one console error.
      expect(problems).toEqual([expect.stringMatching(/^console: Failed to load resource: the server responded with a status of 400/)]);
    } finally {
      await closed.stop();
    }
  });

  it('fits a 390 px wide screen with nothing cut off', async () => {
    const { page, problems } = await open({ width: 390, height: 844 });
    const fits = async (): Promise<boolean> => (await page.evaluate('document.documentElement.scrollWidth')) === 390;
    await goto(page, `#/statement/${encodeURIComponent(MULROY_FT_QUOTE)}`);
    expect(await fits()).toBe(true);
    await screenshot(page, 'narrow-statement', true);
    await goto(page, '#/entity/person%3Amike-waltz');
    expect(await fits()).toBe(true);
    await screenshot(page, 'narrow-entity');
    for (const hash of ['', '#/search?q=pause', `#/attribution?about=${INTEL_PAUSE}`, '#/paths?from=person:emmanuel-macron&to=person:john-ratcliffe', '#/timeline', `#/article/${ARTICLE}`]) {
      await goto(page, hash);
      expect({ hash, fits: await fits() }).toEqual({ hash, fits: true });
    }
    expect(problems).toEqual([]);
  });

  it('shows a loading state, then what went wrong, never a blank page', async () => {
    const { page, problems } = await open();
    // A slow API: the view says it is loading.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${base}/explorer#/entity/person%3Amike-waltz`);
    await page.locator('.state-loading', { hasText: 'Loading the entity…' }).waitFor();
    expect(await page.getAttribute('#main', 'aria-busy')).toBe('true');
    release();
    await settled(page);
    expect(await page.locator('h1').innerText()).toBe('Mike Waltz');
    await page.unroute('**/graphql');

    // The API refuses a malformed id: its message, and a way to try again.
    await goto(page, '#/entity/not-an-id');
    expect(await page.locator('h1').innerText()).toBe('This view could not be loaded');
    expect(await page.locator('.state-error .error-code').innerText()).toBe('BAD_USER_INPUT');
    await expect(page.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);

    // A well-formed id that names nothing.
    await goto(page, '#/entity/person%3Anobody');
    expect(await page.locator('h1').innerText()).toBe('Not found');
    expect(await page.locator('.state-empty').innerText()).toBe('No entity has the id person:nobody. Start again or search for it.');

    // An address the explorer does not have.
    await goto(page, '#/nowhere');
    expect(await page.locator('h1').innerText()).toBe('No such view');

    // The API cannot be reached at all.
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await goto(page, '#/search?q=pause');
    expect(await page.locator('.state-error .error-message').innerText()).toMatch(/^Could not reach the API at \/graphql: /);
    expect(await page.locator('.state-error .error-code').innerText()).toBe('NETWORK');
    await screenshot(page, 'error');
    // The browser reports the refused requests as console errors; nothing else may appear.
    expect(problems.filter((p) => !/Failed to load resource: (the server responded with a status of 400|net::ERR_CONNECTION_REFUSED)/.test(p))).toEqual([]);
  });
});
