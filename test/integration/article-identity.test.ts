/**
 * Article identity (issue 21, failure 4): an article's id comes from its url, else from its
 * publisher, date and title; a document whose id the graph holds with another text is
 * refused with CONFLICT and writes nothing, unless it asks to replace the text, which is then
 * kept as a revision. Every test ends with the integrity check (src/check) clean: evidence
 * offsets match the text they point into. On a scratch graph with the story loaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkGraph, formatReport } from '../../src/check/check';
import { cypher } from '../../src/db/cypher';
import type { ArticleDocument } from '../../src/ingest/document';
import { ingestDocument } from '../../src/ingest/ingest';
import { readStory } from '../../src/ingest/seed';
import { census, GraphQLHarness } from '../helpers/graph';
import { scratchGraph, type ScratchGraph } from '../helpers/own-neo4j';
import { quotedArticle } from '../helpers/quoted-articles';
import { runFromSource } from '../helpers/typescript-node';

const KEY = 'test-key-0123456789abcdef';
const WALTZ = 'person:mike-waltz';
const HEADLINE = 'Allies Scramble After Intelligence Pause';
const INGEST = `mutation Ingest($document: ArticleDocumentInput!, $replace: Boolean) {
  ingestArticle(document: $document, replace: $replace) { article created updated unchanged evidenceAdded removed revision }
}`;

let own: ScratchGraph;
let harness: GraphQLHarness;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'nkg-identity-'));
  own = await scratchGraph();
  harness = new GraphQLHarness(own.gateway);
  await ingestDocument(own.gateway, readStory());
}, 120_000);
afterEach(async () => {
  const report = await checkGraph(own.gateway);
  expect(formatReport(report)).toMatch(/the graph holds every invariant\n$/);
});
afterAll(async () => {
  await harness.stop();
  await own.stop();
  rmSync(folder, { recursive: true, force: true });
});

const ingest = (document: unknown, replace?: boolean) =>
  harness.execute(INGEST, { document, replace }, { authorization: `Bearer ${KEY}`, apiKeys: [KEY] });

/** The ids and spans of the evidence an article gives, in order of its offsets. */
const evidenceOf = (article: string) =>
  own.gateway.read(cypher('MATCH (s:Statement)-[e:APPEARS_IN]->(:Article {id: $article}) RETURN s.id AS id, e.start AS start, e.end AS end ORDER BY e.start', { article }));

const ftText = 'The FT reported that Waltz said “we will review it” on Monday, and that “allies were told late” by aides.';
const cnnText = 'CNN reported that Waltz said “we will review it” again, adding “nothing is final yet” to reporters.';
const ft = () => quotedArticle({ title: HEADLINE, publisher: 'org:financial-times', publishedAt: '2025-03-06' }, ftText, [
  { speaker: WALTZ, words: 'we will review it' },
  { speaker: WALTZ, words: 'allies were told late' },
]);
const cnn = () => quotedArticle({ title: HEADLINE, publisher: 'org:cnn', publishedAt: '2025-03-06' }, cnnText, [
  { speaker: WALTZ, words: 'we will review it' },
  { speaker: WALTZ, words: 'nothing is final yet' },
]);

describe('two outlets with one headline', () => {
  it('get two articles, each with its statements; the shared quote has evidence in both', async () => {
    const first = await ingest(ft());
    const second = await ingest(cnn());
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    const ids = [first, second].map((r) => (r.data as { ingestArticle: { article: string } }).ingestArticle.article);
    expect(ids).toEqual([`article:financial-times-2025-03-06-allies-scramble-after-intelligence-pause`, `article:cnn-2025-03-06-allies-scramble-after-intelligence-pause`]);
    const slug = ids[0]!.slice('article:'.length);
    const review = ftText.indexOf('we will review it');
    expect(await evidenceOf(ids[0]!)).toEqual([
      { id: `statement:${slug}:${review}-${review + 17}`, start: review, end: review + 17 },
      { id: `statement:${slug}:${ftText.indexOf('allies')}-${ftText.indexOf('allies') + 21}`, start: ftText.indexOf('allies'), end: ftText.indexOf('allies') + 21 },
    ]);
    expect((await evidenceOf(ids[1]!)).map((e) => e.id)).toEqual([`statement:${slug}:${review}-${review + 17}`, expect.stringMatching(/^statement:cnn-2025-03-06-/)]);
  });

  it('without publisher or date, the second is refused with CONFLICT naming both, and nothing is written', async () => {
    const bare = (doc: ArticleDocument): ArticleDocument => ({ ...doc, article: { ...doc.article, publisher: null, publishedAt: null } });
    expect((await ingest(bare(ft()))).errors).toBeUndefined();
    const before = await census(own.gateway);
    const conflict = await ingest(bare(cnn()));
    expect(conflict.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    const message = conflict.errors?.[0]?.message ?? '';
    expect(message).toContain('article:allies-scramble-after-intelligence-pause already holds another article');
    expect(message).toContain(`the graph has "${HEADLINE}"`);
    expect(message).toContain(`this document has "${HEADLINE}"`);
    expect(message).toMatch(/replace/);
    expect(await census(own.gateway)).toEqual(before);
  });
});

describe('replace', () => {
  const ID = 'article:waltz-briefing';
  const oldText = 'Waltz said “the review is ongoing” and “allies will be consulted” before the briefing ended.';
  const newText = 'Corrected: before the briefing ended, Waltz said “allies will be consulted” only.';
  const original = () => quotedArticle({ id: ID, title: 'Waltz Briefing', url: 'https://example.org/waltz-briefing' }, oldText, [
    { speaker: WALTZ, words: 'the review is ongoing' },
    { speaker: WALTZ, words: 'allies will be consulted' },
  ]);
  const corrected = () => quotedArticle({ id: ID, title: 'Waltz Briefing (corrected)', url: 'https://example.org/waltz-briefing' }, newText, [
    { speaker: WALTZ, words: 'allies will be consulted' },
  ]);
  /** Another article quoting the words the correction keeps: its evidence must survive the replace. */
  const echo = () => quotedArticle({ id: 'article:waltz-briefing-echo', title: 'Echo' }, 'Later he repeated that “allies will be consulted” in full.', [
    { speaker: WALTZ, words: 'allies will be consulted' },
  ]);

  it('a changed text without replace is CONFLICT and leaves the article as it was', async () => {
    expect((await ingest(original())).errors).toBeUndefined();
    expect((await ingest(echo())).errors).toBeUndefined();
    const before = await census(own.gateway);
    const refused = await ingest(corrected());
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0]?.message).toContain('"Waltz Briefing", https://example.org/waltz-briefing');
    expect(refused.errors?.[0]?.message).toContain('"Waltz Briefing (corrected)", https://example.org/waltz-briefing');
    expect(await census(own.gateway)).toEqual(before);
  });

  it('with replace, the new text is the article\'s, the old one is its revision, and every evidence matches its text', async () => {
    const kept = `statement:waltz-briefing:${oldText.indexOf('allies')}-${oldText.indexOf('allies') + 24}`;
    const replaced = await ingest(corrected(), true);
    expect(replaced.errors).toBeUndefined();
    const result = (replaced.data as { ingestArticle: Record<string, unknown> }).ingestArticle;
    expect(result).toEqual(
      expect.objectContaining({ article: ID, updated: [ID], removed: [`statement:waltz-briefing:${oldText.indexOf('the review')}-${oldText.indexOf('the review') + 21}`], revision: 1 }),
    );
    const data = await harness.data(`{ article(id: "${ID}") { title text revisions { number title text url } }
      statement(id: "${kept}") { text evidences { start end article { id } } } }`);
    expect(data).toEqual({
      article: { title: 'Waltz Briefing (corrected)', text: newText, revisions: [{ number: 1, title: 'Waltz Briefing', text: oldText, url: 'https://example.org/waltz-briefing' }] },
      statement: {
        text: 'allies will be consulted',
        evidences: [
          { start: newText.indexOf('allies'), end: newText.indexOf('allies') + 24, article: { id: ID } },
          { start: 24, end: 48, article: { id: 'article:waltz-briefing-echo' } },
        ].sort((a, b) => a.article.id.localeCompare(b.article.id)),
      },
    });
  });

  it('the replacing document again is unchanged, and adds no revision', async () => {
    const again = await ingest(corrected());
    expect(again.errors).toBeUndefined();
    const result = (again.data as { ingestArticle: { created: string[]; updated: string[]; revision: number | null } }).ingestArticle;
    expect({ created: result.created, updated: result.updated, revision: result.revision }).toEqual({ created: [], updated: [], revision: null });
    expect(await harness.data(`{ article(id: "${ID}") { revisions { number } } }`)).toEqual({ article: { revisions: [{ number: 1 }] } });
  });

  it('is refused when the new text would give a statement another article quotes other words at its span', async () => {
    // The statement the echo shares kept the id its span in the first text gave; a quote at that span now would be it, with other words.
    const at = oldText.indexOf('allies');
    const other = `${'Waltz spoke. '.repeat(10).slice(0, at - 1)}“rivals will be ignored!!” he said.`;
    const before = await census(own.gateway);
    const refused = await ingest(quotedArticle({ id: ID, title: 'Waltz Briefing (again)' }, other, [{ speaker: WALTZ, words: 'rivals will be ignored!!' }]), true);
    expect(refused.errors?.map((e) => ({ code: e.extensions?.code, paths: (e.extensions?.problems as { path: string }[]).map((p) => p.path) }))).toEqual([
      { code: 'CONFLICT', paths: ['statements[0]'] },
    ]);
    expect(await census(own.gateway)).toEqual(before);
  });

  it('npm run ingest reports CONFLICT, and --replace replaces', async () => {
    const file = path.join(folder, 'third.json');
    const third = quotedArticle({ id: ID, title: 'Waltz Briefing (third)' }, 'Waltz now says “the review is over” entirely.', [{ speaker: WALTZ, words: 'the review is over' }]);
    writeFileSync(file, JSON.stringify(third));
    const env = { ...process.env, NEO4J_URI: own.uri };
    const refused = await runFromSource(folder, 'src/ingest/ingest.cli.ts', [file], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout.split('\n').slice(0, 2)).toEqual([`✗ ${file}: CONFLICT, nothing written`, expect.stringMatching(/^ {4}article\.id: article:waltz-briefing already holds another article's text/)]);
    const replaced = await runFromSource(folder, 'src/ingest/ingest.cli.ts', ['--replace', file], env);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout.split('\n')[0]).toMatch(/^✓ article:waltz-briefing: 1 statements, .* \(replaced its stored text, kept as revision 2\)$/);
    expect(await harness.data(`{ article(id: "${ID}") { revisions { number title } } }`)).toEqual({
      article: { revisions: [{ number: 1, title: 'Waltz Briefing' }, { number: 2, title: 'Waltz Briefing (corrected)' }] },
    });
  }, 60_000);
});

describe('the story', () => {
  it('keeps its article and statement ids: loaded again, everything is unchanged', async () => {
    const result = await ingestDocument(own.gateway, readStory());
    expect({ article: result.article, created: result.created, updated: result.updated, removed: result.removed }).toEqual({
      article: 'article:us-cuts-off-intelligence-sharing-with-ukraine-report',
      created: [],
      updated: [],
      removed: [],
    });
    expect(result.unchanged).toContain('statement:us-cuts-off-intelligence-sharing-with-ukraine-report:2470-2531');
  });
});
