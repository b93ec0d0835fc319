/**
 * Growing the graph: a second article (another outlet, Waltz and Zelensky under other
 * spellings, one quote shared with the story) through the API and the command line; bad
 * documents; concurrent ingests; the export round trip; and a bulk load into an empty graph.
 * This file writes into a scratch graph of its own (scratchGraph), so its merges never reach
 * the shared story database; the tests that need an empty graph come last and empty it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleDocument } from '../../src/ingest/document';
import { exportDocuments, toCsv } from '../../src/ingest/export';
import { ingestDocument } from '../../src/ingest/ingest';
import { documentsFromJsonLd, toJsonLd } from '../../src/ingest/jsonld';
import { readStory } from '../../src/ingest/seed';
import { INGEST_BATCH_SIZE } from '../../src/ingest/ingest-batch';
import { SEARCH_INDEX } from '../../src/db/constraints';
import { Corpus } from '../../src/corpus/corpus';
import { cypher } from '../../src/db/cypher';
import type { Row } from '../../src/db/gateway';
import { census, GraphQLHarness, INGEST } from '../helpers/graph';
import { scratchGraph, type ScratchGraph } from '../helpers/own-neo4j';
import { ROOT as root, runFromSource } from '../helpers/typescript-node';

const KEY = 'test-key-0123456789abcdef';
const STORY_SLUG = 'us-cuts-off-intelligence-sharing-with-ukraine-report';
/** The fixture has a url and no id: its id comes from the url (src/ingest/identity.ts). */
const SECOND = 'article:example-org-kyiv-weighs-options';
const second = (): ArticleDocument => JSON.parse(readFileSync(path.join(root, 'test/fixtures/second-article.json'), 'utf8')) as ArticleDocument;
const story = (): ArticleDocument => JSON.parse(JSON.stringify(readStory())) as ArticleDocument;


let own: ScratchGraph;
let harness: GraphQLHarness;
/** Documents written for the command line, and the hook that runs it from source. */
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'nkg-ingest-'));
  own = await scratchGraph();
  harness = new GraphQLHarness(own.gateway);
  await ingestDocument(own.gateway, story());
}, 120_000);
afterAll(async () => {
  await harness.stop();
  await own.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** `npm run ingest -- <args>` against this file's Neo4j. */
const cli = (args: string[]) => runFromSource(folder, 'src/ingest/ingest.cli.ts', args, { ...process.env, NEO4J_URI: own.uri });

describe('ingestArticle', () => {
  it('refuses a request without a valid API key, and writes nothing', async () => {
    const before = await census(own.gateway);
    for (const authorization of [undefined, 'Bearer wrong-key-0123456789', `Basic ${KEY}`]) {
      const result = await harness.execute(INGEST, { document: second() }, { authorization, apiKeys: [KEY] });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await census(own.gateway)).toEqual(before);
  });

  it('links Waltz and Zelensky to the existing people, shares the repeated quote, and says so', async () => {
    // Kept answers (src/db/answer-cache.ts) asked before the ingest, twice so that they are kept: the ingest must end them.
    const ASKED = `{ attribution(groupBy: ARTICLE) { id count } search(text: "Syrskyi") { node { id } } }`;
    const asked = async (): Promise<{ articles: (string | null)[]; found: string[]; roundTrips: number }> => {
      const { data, roundTrips } = await harness.execute(ASKED);
      const { attribution, search } = data as { attribution: { id: string | null }[]; search: { node: { id: string } }[] };
      return { articles: attribution.map((b) => b.id), found: search.map((hit) => hit.node.id), roundTrips };
    };
    await asked();
    expect(await asked()).toEqual({ articles: [`article:${STORY_SLUG}`], found: [], roundTrips: 2 });

    const result = await harness.execute(INGEST, { document: second() }, { authorization: `Bearer ${KEY}`, apiKeys: [KEY] });
    expect(result.errors).toBeUndefined();
    const data = (result.data as { ingestArticle: Record<string, unknown> }).ingestArticle;
    expect(data).toEqual({
      article: SECOND,
      created: [
        SECOND,
        'org:kyiv-independent',
        'person:oleksandr-syrskyi',
        `statement:example-org-kyiv-weighs-options:${second().statements[1]!.start}-${second().statements[1]!.end}`,
        `statement:example-org-kyiv-weighs-options:${second().statements[2]!.start}-${second().statements[2]!.end}`,
      ],
      updated: [],
      unchanged: [],
      merged: [
        { from: 'person:michael-waltz', into: 'person:mike-waltz' },
        { from: 'person:volodymyr-zelenskyy', into: 'person:volodymyr-zelensky' },
      ],
      evidenceAdded: [`statement:${STORY_SLUG}:259-294`],
      removed: [],
      statements: 3,
      entities: 4,
    });
    const shared = await harness.data(`{ statement(id: "statement:${STORY_SLUG}:259-294") {
      speaker { id } evidence { article { id } } evidences { start end article { id } } } }`);
    expect(shared).toEqual({
      statement: {
        speaker: { id: 'person:mike-waltz' },
        evidence: { article: { id: `article:${STORY_SLUG}` } },
        evidences: [
          { start: 259, end: 294, article: { id: `article:${STORY_SLUG}` } },
          { start: second().statements[0]!.start, end: second().statements[0]!.end, article: { id: SECOND } },
        ],
      },
    });
    // The first evidence brought for `a` is not taken for the whole list `b` asks for.
    const both = await harness.data(`{ a: statement(id: "statement:${STORY_SLUG}:259-294") { evidence { start } }
      b: node(id: "statement:${STORY_SLUG}:259-294") { ... on Statement { evidences { start } } } }`);
    expect(both).toEqual({ a: { evidence: { start: 259 } }, b: { evidences: [{ start: 259 }, { start: second().statements[0]!.start }] } });
    const people = await harness.data(`{ z: person(id: "person:volodymyr-zelensky") { name aliases statements { totalCount } }
      dup: person(id: "person:volodymyr-zelenskyy") { id } w: person(id: "person:mike-waltz") { roles { title } } }`);
    expect(people).toEqual({
      z: { name: 'Volodymyr Zelensky', aliases: ['Zelensky', 'President Zelensky', 'Ukrainian President Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'President Volodymyr Zelenskyy'], statements: { totalCount: 2 } },
      dup: null,
      w: { roles: [{ title: 'National Security Adviser' }, { title: 'US Ambassador to the United Nations' }] },
    });
    const after = await asked();
    expect({ articles: [...after.articles].sort(), found: after.found }).toEqual({ articles: [`article:${STORY_SLUG}`, SECOND].sort(), found: ['person:oleksandr-syrskyi', SECOND] });
    // The ingest went through this server's gateway: both questions are computed at once, one round trip each.
    expect(after.roundTrips).toBe(2);
  });

  it('keeps every statement\'s sortKey unique across articles, as keyset pages need', async () => {
    const [row] = await own.gateway.read(cypher('MATCH (s:Statement) RETURN count(s) AS all, count(DISTINCT s.sortKey) AS distinct'));
    expect(row?.distinct).toBe(row?.all);
  });

  it('the same document twice changes nothing', async () => {
    const before = await census(own.gateway);
    const again = await ingestDocument(own.gateway, second());
    expect({ created: again.created, updated: again.updated, removed: again.removed }).toEqual({ created: [], updated: [], removed: [] });
    expect(await census(own.gateway)).toEqual(before);
  });

  it('rejects each kind of bad document with its JSON paths, and the database is unchanged', async () => {
    const before = await census(own.gateway);
    const cases: [string, (d: ArticleDocument) => void, string[]][] = [
      ['wrong span', (d) => void (d.statements[0]!.start += 2), ['statements[0].text']],
      ['dangling reference', (d) => void (d.statements[1]!.about = ['policy:no-such-policy']), ['statements[1].about[0]']],
      ['duplicate entity', (d) => void d.entities.push({ ...d.entities[0]! }), ['entities[4].id']],
      ['outlet that is a person', (d) => void (d.statements[2]!.reportedBy = ['person:oleksandr-syrskyi']), ['statements[2].reportedBy[0]']],
      ['bad date', (d) => void (d.article.publishedAt = 'last Thursday'), ['article.publishedAt']],
    ];
    for (const [name, spoil, paths] of cases) {
      const doc = second();
      doc.article.id = 'article:a-spoiled-document';
      spoil(doc);
      const result = await harness.execute(INGEST, { document: doc }, { authorization: `Bearer ${KEY}`, apiKeys: [KEY] });
      const problems = (result.errors?.[0]?.extensions?.problems ?? []) as { path: string }[];
      expect({ name, code: result.errors?.[0]?.extensions?.code, paths: problems.map((p) => p.path) }).toEqual({ name, code: 'BAD_USER_INPUT', paths });
    }
    // An unknown enum value never reaches the validator: GraphQL rejects the variable, naming the path.
    const doc = second();
    (doc.statements[2] as { kind: string }).kind = 'SPEECH';
    const result = await harness.execute(INGEST, { document: doc }, { authorization: `Bearer ${KEY}`, apiKeys: [KEY] });
    expect(result.errors?.map((e) => ({ code: e.extensions?.code, message: e.message }))).toEqual([
      { code: 'BAD_USER_INPUT', message: 'Variable "$document" got invalid value "SPEECH" at "document.statements[2].kind"; Value "SPEECH" does not exist in "StatementKind" enum.' },
    ]);
    expect(await census(own.gateway)).toEqual(before);
  });

  it('two concurrent ingests of the same new document give one copy of everything', async () => {
    const doc = second();
    doc.article.id = 'article:concurrent-copy';
    doc.entities = doc.entities.map((e) => (e.id === 'person:oleksandr-syrskyi' ? { ...e, id: 'person:concurrent-syrskyi', name: 'Concurrent Syrskyi', aliases: [] } : e));
    doc.statements = doc.statements.map((s) => ({ ...s, speaker: s.speaker === 'person:oleksandr-syrskyi' ? 'person:concurrent-syrskyi' : s.speaker }));
    const results = await Promise.all([ingestDocument(own.gateway, doc), ingestDocument(own.gateway, doc)]);
    expect(results.map((r) => r.article)).toEqual(['article:concurrent-copy', 'article:concurrent-copy']);
    const afterBoth = await census(own.gateway);
    await ingestDocument(own.gateway, doc);
    expect(await census(own.gateway)).toEqual(afterBoth);
    const copies = await own.gateway.read(cypher('MATCH (p:Person {id: $id}) RETURN count(p) AS n, COUNT { (p)-[:SAID]->() } AS said', { id: 'person:concurrent-syrskyi' }));
    expect(copies).toEqual([{ n: 1, said: 1 }]);
  });
});

describe('npm run ingest', () => {
  it('loads a folder of documents with a summary each, and reports a bad one without writing it', async () => {
    const documents = path.join(folder, 'documents');
    mkdirSync(documents);
    const good = second();
    good.article.id = 'article:loaded-from-the-command-line';
    writeFileSync(path.join(documents, 'a-second.json'), JSON.stringify(good));
    const bad = second();
    bad.article.id = 'article:broken-on-disk';
    bad.statements[0]!.end = 99_999;
    writeFileSync(path.join(documents, 'b-broken.json'), JSON.stringify(bad));
    writeFileSync(path.join(documents, 'c-not-json.json'), '{ nope');
    const { code, stdout } = await cli([documents]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^✓ article:loaded-from-the-command-line: 3 statements, 4 entities; \d+ created, 0 updated, \d+ unchanged, 2 merged \(person:michael-waltz → person:mike-waltz, person:volodymyr-zelenskyy → person:volodymyr-zelensky\), \d shared quotes, 0 removed \(\d+ ms\)$/);
    const before = await census(own.gateway);
    expect((await cli([path.join(documents, 'b-broken.json')])).code).toBe(1);
    expect(lines.slice(1, 4)).toEqual([
      `✗ ${path.join(documents, 'b-broken.json')}: 1 problem(s), nothing written`,
      `    statements[0].start: expected 0 <= start < end <= ${second().article.text.length} (the article's length); received start ${second().statements[0]!.start}, end 99999`,
      expect.stringMatching(/^✗ .*c-not-json\.json: not readable JSON: /),
    ]);
    expect(lines[lines.length - 1]).toMatch(/^1 of 3 documents loaded, 3 statements in [\d.]+ s/);
    expect(await census(own.gateway)).toEqual(before);
  }, 60_000);
});

describe('export', () => {
  it('writes CSV rows with speaker, kind, topics, outlets, article and span', async () => {
    const csv = toCsv(await exportDocuments(own.gateway)).split('\r\n');
    expect(csv[0]).toBe('statement_id,kind,speaker_id,speaker_name,text,about,reported_by,venue,article_id,start,end,about_stance');
    expect(csv).toContain(
      `statement:${STORY_SLUG}:2876-3088,DIRECT,person:mike-waltz,Mike Waltz,"I think if we can nail down these negotiations and move towards these negotiations, and in fact, put some confidence-building measures on the table, then the president will take a hard look at lifting this pause.",policy:us-intelligence-sharing-pause;event:ukraine-russia-peace-negotiations,org:financial-times;org:fox-business,told Fox,article:${STORY_SLUG},2876,3088,SUPPORTS;SUPPORTS`,
    );
  });
});

// These empty this file's graph, so they come last.
describe('into an empty graph', () => {
  it('JSON-LD ingested into an empty database gives the same counts', async () => {
    const jsonld = toJsonLd(await exportDocuments(own.gateway));
    const types = new Set((jsonld['@graph'] as { '@type': string | string[] }[]).flatMap((n) => n['@type']));
    expect([...types].filter((t) => ['Quotation', 'Person', 'Organization', 'NewsArticle', 'prov:Entity'].includes(t)).sort()).toEqual([
      'NewsArticle',
      'Organization',
      'Person',
      'Quotation',
      'prov:Entity',
    ]);
    // The edits record how the graph was written, which differs (src/ingest/provenance.ts): the content must not.
    const withoutEdits = async (): Promise<Record<string, number>> => {
      await own.gateway.write((tx) => tx.run(cypher('MATCH (e:Edit) DETACH DELETE e')));
      return census(own.gateway);
    };
    const original = await withoutEdits();
    const stances = (): Promise<Row[]> =>
      // By the statement's words: ingest derives some statement ids again.
      own.gateway.read(cypher('MATCH (s:Statement)-[r:ABOUT]->(x) RETURN s.text AS s, x.id AS x, r.stance AS stance, r.stanceConfidence AS confidence ORDER BY s, x, stance'));
    const originalStances = await stances();
    expect(new Set(originalStances.map((r) => r.stance))).toEqual(new Set(['SUPPORTS', 'OPPOSES', 'NEUTRAL', 'UNCLEAR']));
    await own.empty();
    expect(await census(own.gateway)).toEqual({ nodeProperties: 0 });
    for (const doc of documentsFromJsonLd(JSON.parse(JSON.stringify(jsonld)) as { '@graph': Record<string, unknown>[] })) {
      await ingestDocument(own.gateway, doc);
    }
    expect(await withoutEdits()).toEqual(original);
    expect(await stances()).toEqual(originalStances);
  }, 120_000);

  it('npm run ingest: a load of more than one batch builds the search index at its end', async () => {
    // A corpus of a little more than one batch: each statement more is more work for the writer and nothing more to see.
    const statements = 2100;
    const corpus = new Corpus({ statements, seed: 11 });
    const documents = [...corpus.directory(), ...corpus.articles()];
    expect(documents.length).toBeGreaterThan(INGEST_BATCH_SIZE);
    const file = path.join(folder, 'corpus.json');
    writeFileSync(file, JSON.stringify(documents));
    await own.empty();
    const result = await cli([file]);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^${documents.length} of ${documents.length} documents loaded, ${statements} statements in `));
    // Its build is shown only when it was put off (withSearchIndexDeferred); it is online and finds what was loaded.
    expect(result.stderr).toMatch(/search index \[#+\] 100\/100 /);
    const state = await own.gateway.read(cypher('SHOW FULLTEXT INDEXES YIELD name, state WHERE name = $name RETURN state', { name: SEARCH_INDEX }));
    expect(state).toEqual([{ state: 'ONLINE' }]);
    const hits = await own.gateway.read(cypher("CALL db.index.fulltext.queryNodes($index, 'sanctions') YIELD node RETURN count(node) AS n", { index: SEARCH_INDEX }));
    expect(hits[0]?.n).toBeGreaterThan(0);
  }, 180_000);
});
