/**
 * The batch writer against the one-by-one writer: the same documents, written one by one
 * with `ingestDocument` and in batches of several sizes with `ingestBatch`, must leave
 * exactly the same graph (every node with its labels and properties, every relationship
 * with its properties, internal ids aside) and report exactly the same per-document
 * results. The documents are chosen to make the batch's in-memory overlay do its work:
 * entities resolved by name into entities an earlier document of the same batch defined,
 * a quote repeated across articles of one batch, articles re-ingested with changes that
 * take evidence away (a shared statement survives, an unshared one is deleted and its words
 * then make a new statement), roles replaced, and a reference to what only an earlier
 * document defines. A batch with one bad document writes nothing. This file writes into a
 * scratch graph of its own (scratchGraph) and empties it between runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { SEARCH_INDEX } from '../../src/db/constraints';
import { cypher } from '../../src/db/cypher';
import { SEARCH } from '../../src/graph/analytics/analytics.cypher';
import type { Neo4jGateway, Row } from '../../src/db/gateway';
import type { ArticleDocument, EntityInput, StatementInput } from '../../src/ingest/document';
import { ingestDocument, ValidatedDocuments, type IngestResult } from '../../src/ingest/ingest';
import { ingestBatch } from '../../src/ingest/ingest-batch';
import { bulkLoad, DEFERRED_INDEXES, withSearchIndexDeferred } from '../../src/ingest/bulk-load';
import { validateDocument } from '../../src/ingest/validate';
import { Corpus } from '../../src/corpus/corpus';
import { readStory } from '../../src/ingest/seed';
import { rehearseWriter } from '../../src/ingest/rehearsal';
import { scratchGraphForFile, type ScratchGraph } from '../helpers/own-neo4j';

const root = path.resolve(__dirname, '../..');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const story = (): ArticleDocument => clone(readStory()) as ArticleDocument;
const second = (): ArticleDocument => JSON.parse(readFileSync(path.join(root, 'test/fixtures/second-article.json'), 'utf8')) as ArticleDocument;

type Quote = Omit<StatementInput, 'start' | 'end' | 'text'> & { words: string };

/** A document whose statements are found in its text by their words, so every span is exact. */
function doc(id: string, title: string, body: string, entities: EntityInput[], quotes: Quote[], extra: Partial<ArticleDocument['article']> = {}): ArticleDocument {
  const text = `${title}\n${body}`;
  return {
    article: { id, title, text, publishedAt: '2025-03-07', ...extra },
    entities,
    statements: quotes.map(({ words, ...rest }) => {
      const start = text.indexOf(words);
      if (start < 0) throw new Error(`"${words}" is not in ${id}`);
      return { ...rest, text: words, start, end: start + words.length };
    }),
  };
}

const PAUSE = 'policy:us-intelligence-sharing-pause';
const ROE_TEXT = 'Jane Roe said “the pause leaves Kyiv blind” on Friday. She added “nobody planned for this” in a statement. Roe also argued that Europe must step in.';
const roe = (changed = false): ArticleDocument =>
  doc(
    'article:roe-warns-on-intelligence',
    'Roe Warns On Intelligence',
    ROE_TEXT,
    [
      {
        id: 'person:jane-roe',
        type: 'Person',
        name: 'Jane Roe',
        aliases: ['Roe'],
        description: changed ? 'Security analyst, formerly at CNN' : 'Security analyst',
        roles: [{ title: 'Analyst', organization: 'org:cnn' }],
      },
    ],
    changed
      ? [
          // The first two quotes are gone: one is shared with another article and survives, the other is deleted.
          { kind: 'INDIRECT', speaker: 'person:jane-roe', words: 'Roe also argued that Europe must step in.', about: [PAUSE, 'place:europe'] },
        ]
      : [
          { kind: 'PARTIAL', speaker: 'person:jane-roe', words: 'the pause leaves Kyiv blind', about: [PAUSE], reportedBy: ['org:kyiv-independent'] },
          { kind: 'PARTIAL', speaker: 'person:jane-roe', words: 'nobody planned for this', about: [PAUSE] },
          { kind: 'INDIRECT', speaker: 'person:jane-roe', words: 'Roe also argued that Europe must step in.', about: [PAUSE] },
        ],
    // The publisher is defined by the second article, earlier in the same batch.
    { publisher: 'org:kyiv-independent' },
  );

/** Jane Roe under another id (resolved by name into person:jane-roe), repeating her quote. */
const echo = (): ArticleDocument =>
  doc(
    'article:analysts-echo-roe',
    'Analysts Echo Roe',
    'Jane Roe repeated that “the pause leaves Kyiv blind” to reporters. Mike Waltz said “we will review it” later.',
    [{ id: 'person:jane-roe-2', type: 'Person', name: 'Jane Roe', aliases: ['Dr Jane Roe'], roles: [{ title: 'Analyst', organization: 'org:kyiv-independent' }, { title: 'Columnist', organization: 'org:kyiv-independent' }] }],
    [
      { kind: 'PARTIAL', speaker: 'person:jane-roe-2', words: 'the pause leaves Kyiv blind', about: [PAUSE] },
      { kind: 'PARTIAL', speaker: 'person:mike-waltz', words: 'we will review it', about: [PAUSE], reportedBy: ['org:financial-times'] },
    ],
  );

/** Her deleted quote again, after the article that had it dropped it: a new statement, not shared. */
const repeat = (): ArticleDocument =>
  doc('article:roe-repeats-herself', 'Roe Repeats Herself', 'Jane Roe said again that “nobody planned for this” in an interview.', [], [
    { kind: 'PARTIAL', speaker: 'person:jane-roe', words: 'nobody planned for this' },
  ]);

/** The second article again, changed: its quote shared with the story dropped, Syrskyi's role and a topic changed. */
const secondChanged = (): ArticleDocument => {
  const d = second();
  d.statements = d.statements.slice(1);
  d.statements[1]!.about = ['place:ukraine'];
  const syrskyi = d.entities.find((e) => e.id === 'person:oleksandr-syrskyi') as EntityInput & { roles: unknown[] };
  syrskyi.roles = [{ title: 'Commander-in-Chief of the Armed Forces of Ukraine', organization: 'org:us-department-of-defense', place: 'place:ukraine' }];
  return d;
};

/** The story again, with Waltz's role at another organization (the role of that title is replaced). */
const storyChanged = (): ArticleDocument => {
  const d = story();
  const waltz = d.entities.find((e) => e.id === 'person:mike-waltz') as EntityInput & { roles: { organization?: string }[] };
  waltz.roles = [{ ...waltz.roles[0]!, organization: 'org:cia' } as never];
  return d;
};

const DOCUMENTS = (): ArticleDocument[] => [story(), second(), roe(), echo(), roe(true), secondChanged(), echo(), repeat(), storyChanged(), second()];

/** Every node and relationship with its properties, keyed by ids (NameKeys by key), in a stable order. */
async function dump(gateway: Neo4jGateway): Promise<{ nodes: string[]; relationships: string[] }> {
  const sorted = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]))
      : value;
  // An edit (provenance) is named by what it records: its id and time differ from load to load.
  // The change sequence (src/graph/live) numbers transactions' writes, and a batch is one transaction where one by one is many;
  // its epoch is random.
  const nodes = await gateway.read(
    cypher(`MATCH (n) RETURN labels(n) AS labels, CASE WHEN n:Edit THEN n {.*, id: null, at: null}
      WHEN n:Statement OR n:RetractedStatement OR n:DeletedStatement THEN n {.*, changeSeq: null, createdSeq: null} WHEN n:ChangeSequence THEN n {.*, value: null, epoch: null}
      ELSE properties(n) END AS props`),
  );
  const rels = await gateway.read(
    cypher(
      "MATCH (a)-[r]->(b) RETURN type(r) AS type, CASE WHEN a:Edit THEN a.action + ' ' + a.arguments ELSE coalesce(a.id, a.key) END AS from, coalesce(b.id, b.key) AS to, properties(r) AS props",
    ),
  );
  return {
    nodes: nodes.map((n) => JSON.stringify([[...(n.labels as string[])].sort(), sorted(n.props)])).sort(),
    relationships: rels.map((r) => JSON.stringify([r.type, r.from, r.to, sorted(r.props)])).sort(),
  };
}

let own: ScratchGraph;
scratchGraphForFile((graph) => (own = graph));

/** Empties the graph and loads the story alone; the graph as it then is. */
async function storyAlone(): Promise<Awaited<ReturnType<typeof dump>>> {
  await own.empty();
  await ingestDocument(own.gateway, story());
  return dump(own.gateway);
}

/** Loads the documents in consecutive batches of these sizes (1 meaning ingestDocument), from an empty graph. */
async function load(sizes: number[]): Promise<{ results: IngestResult[]; graph: Awaited<ReturnType<typeof dump>> }> {
  await own.empty();
  const documents = DOCUMENTS();
  const results: IngestResult[] = [];
  for (let i = 0, s = 0; i < documents.length; s += 1) {
    const size = sizes[s % sizes.length] as number;
    const part = documents.slice(i, i + size);
    results.push(...(size === 1 ? [await ingestDocument(own.gateway, part[0])] : await ingestBatch(own.gateway, part)));
    i += part.length;
  }
  return { results, graph: await dump(own.gateway) };
}

/** The search index's state and id (an id changes when the index is dropped and made again); null when there is none. */
async function searchIndex(): Promise<{ state: string; id: number } | null> {
  const [row] = await own.gateway.read(cypher('SHOW FULLTEXT INDEXES YIELD id, name, state WHERE name = $name RETURN id, state', { name: SEARCH_INDEX }));
  return row ? { state: row.state as string, id: row.id as number } : null;
}

/** The plain indexes a load into an empty graph defers, with their states; none while they are away. */
const deferredIndexes = (): Promise<Row[]> =>
  own.gateway.read(cypher('SHOW INDEXES YIELD name, state WHERE name IN $names RETURN name, state ORDER BY name', { names: [...DEFERRED_INDEXES] }));
const ALL_ONLINE = [...DEFERRED_INDEXES].sort().map((name) => ({ name, state: 'ONLINE' }));

/** Every node id the search index finds for a Lucene query, in id order. */
async function searchFor(query: string): Promise<string[]> {
  const rows = await own.gateway.read(cypher(SEARCH, { query, limit: 100_000 }));
  return rows.map((r) => (r.node as { id: string }).id).sort();
}

// First in the file: each load into an empty graph drops and makes the deferred indexes, and
// every schema change empties the plan cache; the tests after these, and the next files on
// the worker's scratch Neo4j, keep the plans they make.
describe('withSearchIndexDeferred (a bulk load)', () => {
  it('bulkLoad (which validates the next batch while one is written) leaves the graph batch-by-batch ingest leaves', async () => {
    // The smallest corpus the generator makes: the comparison needs every kind of document, not many of them.
    const statements = 100;
    const corpus = new Corpus({ statements, seed: 7 });
    const batch = 4;
    await own.empty();
    const expected: IngestResult[] = [];
    await ingestBatch(own.gateway, corpus.directory());
    const articles = [...corpus.articles()];
    for (let i = 0; i < articles.length; i += batch) expected.push(...(await ingestBatch(own.gateway, articles.slice(i, i + batch))));
    const sequential = await dump(own.gateway);
    const sequentialHits = await searchFor('talks OR sanctions OR ceasefire');
    expect(sequentialHits.length).toBeGreaterThan(10);

    await own.empty();
    const lines: string[] = [];
    const out = { isTTY: false, write: (line: string) => lines.push(line) } as unknown as NodeJS.WriteStream;
    const report = await bulkLoad(own.gateway, corpus.articles(), { firstBatch: corpus.directory(), batch, progress: { total: statements, unit: 'statements' }, out });
    expect(await dump(own.gateway)).toEqual(sequential);
    expect(report.statements).toBe(expected.reduce((n, r) => n + r.statements, 0));
    expect(report.documents).toBe(corpus.directory().length + articles.length);
    expect(report.sharedQuotes).toBe(expected.reduce((n, r) => n + r.evidenceAdded.length, 0));
    // The progress bar still reports the rate, and reaches the end.
    expect(lines.filter((line) => line.startsWith('ingest ')).at(-1)).toMatch(new RegExp(` ${statements}/${statements} .* statements/s`));
    // Into an empty graph, the search index was built at the end: it finds what the one-by-one load's did.
    expect(lines.at(-1)).toMatch(/^search index .* 100\/100 /);
    expect(await searchIndex()).toEqual({ state: 'ONLINE', id: expect.any(Number) });
    expect(await searchFor('talks OR sanctions OR ceasefire')).toEqual(sequentialHits);
    expect(await deferredIndexes()).toEqual(ALL_ONLINE);
  }, 120_000);

  // One load into an empty graph shows both kinds of deferred index, while it runs and after it
  // fails (the load above shows them built after one that succeeds): each such load drops and
  // makes six indexes, and every schema change empties the plan cache of the JVM the worker's
  // files share, so they would plan their queries again after each.
  it('into an empty graph: the search index and the plain indexes the writer does not use are away while the load runs, search says so, and they are built once the load ends, even when it fails, whose own error is the one thrown', async () => {
    await own.empty();
    const percents: number[] = [];
    const failure = new Error('the load failed half-way');
    const during: { index?: unknown; searching?: unknown; plain?: Row[] } = {};
    const attempt = withSearchIndexDeferred(
      own.gateway,
      async () => {
        during.index = await searchIndex();
        during.searching = await own.gateway.read(cypher(SEARCH, { query: 'Waltz', limit: 5 })).catch((e: unknown) => e);
        await ingestDocument(own.gateway, story());
        during.plain = await deferredIndexes();
        throw failure;
      },
      (percent) => percents.push(percent),
    );
    await expect(attempt).rejects.toBe(failure);
    expect(during.index).toBeNull();
    expect(during.searching).toBeInstanceOf(GraphQLError);
    expect((during.searching as GraphQLError).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
    expect((during.searching as GraphQLError).message).toMatch(/^Search is unavailable while a bulk load into an empty graph is running/);
    expect(during.plain).toEqual([]);
    expect(percents.at(-1)).toBe(100);
    expect((await searchIndex())?.state).toBe('ONLINE');
    expect(await searchFor('Waltz')).toContain('person:mike-waltz');
    expect(await deferredIndexes()).toEqual(ALL_ONLINE);
    // The unique constraints the writer relies on never went away: the same document again changes nothing.
    expect((await ingestDocument(own.gateway, story())).created).toEqual([]);
  }, 60_000);

  it('into a graph that holds anything: the index stays as it is throughout', async () => {
    await own.empty();
    await ingestDocument(own.gateway, story());
    const before = await searchIndex();
    const percents: number[] = [];
    const during = await withSearchIndexDeferred(
      own.gateway,
      async () => {
        await ingestDocument(own.gateway, second());
        return searchIndex();
      },
      (percent) => percents.push(percent),
    );
    expect(before?.state).toBe('ONLINE');
    expect(during).toEqual(before);
    expect(await searchIndex()).toEqual(before);
    expect(percents).toEqual([]);
  }, 60_000);
});

describe('ingestBatch', () => {
  let oneByOne: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    oneByOne = await load([1]);
  }, 60_000);

  it('the one-by-one load does what the documents ask for (so the comparisons below compare something)', () => {
    const [, , roeResult, echoResult, roeAgain, secondAgain, echoAgain, repeated, storyAgain, secondBack] = oneByOne.results;
    const q1 = 'statement:roe-warns-on-intelligence:';
    expect(echoResult?.merged).toEqual([{ from: 'person:jane-roe-2', into: 'person:jane-roe' }]);
    expect(echoResult?.evidenceAdded).toEqual([expect.stringMatching(new RegExp(`^${q1}\\d+-\\d+$`))]);
    expect(roeResult?.created).toContain('person:jane-roe');
    expect({ created: roeAgain?.created, updated: roeAgain?.updated, removed: roeAgain?.removed }).toEqual({
      created: [`${q1}1`],
      updated: ['person:jane-roe'],
      removed: [`${q1}3`, `${q1}41-68`, `${q1}92-115`],
    });
    // The quote the echo shares survives the article that dropped it; the one only that article had is gone.
    const ids = oneByOne.graph.nodes.map((n) => (JSON.parse(n) as [string[], { id?: string }])[1].id);
    expect([ids.includes(`${q1}41-68`), ids.includes(`${q1}92-115`)]).toEqual([true, false]);
    expect(secondAgain?.removed).toEqual(['statement:us-cuts-off-intelligence-sharing-with-ukraine-report:259-294']);
    expect(echoAgain?.evidenceAdded).toEqual(echoResult?.evidenceAdded);
    expect({ created: echoAgain?.created, updated: echoAgain?.updated }).toEqual({ created: [], updated: [] });
    expect({ created: repeated?.created.length, evidenceAdded: repeated?.evidenceAdded }).toEqual({ created: 2, evidenceAdded: [] });
    expect(storyAgain?.updated).toEqual(['person:mike-waltz']);
    expect(secondBack?.evidenceAdded).toEqual(['statement:us-cuts-off-intelligence-sharing-with-ukraine-report:259-294']);
    expect(oneByOne.graph.relationships).toContain(JSON.stringify(['HOLDS_ROLE', 'person:mike-waltz', 'org:cia', { endDate: '2025-05-01', endPrecision: 'DAY', former: false, ordinal: 0, organization: 'org:cia', place: 'place:united-states', startDate: '2025-01-20', startPrecision: 'DAY', title: 'National Security Adviser' }]));
  });

  it.each([
    ['the whole list in one batch', [10]],
    ['batches of three', [3]],
    ['batches of two', [2]],
    ['the first document alone, then batches of four', [1, 4, 4, 4]],
  ])('%s: the same graph and the same results as one by one', async (_name, sizes) => {
    const batched = await load(sizes);
    expect(batched.results).toEqual(oneByOne.results);
    expect(batched.graph).toEqual(oneByOne.graph);
  }, 60_000);

  it('the same batch twice changes nothing and says so', async () => {
    await own.empty();
    const batch = (): ArticleDocument[] => [story(), second(), roe(), echo()];
    await ingestBatch(own.gateway, batch());
    const before = await dump(own.gateway);
    const again = await ingestBatch(own.gateway, batch());
    expect(again.map((r) => ({ created: r.created, updated: r.updated, removed: r.removed }))).toEqual(
      batch().map(() => ({ created: [], updated: [], removed: [] })),
    );
    expect(await dump(own.gateway)).toEqual(before);
  }, 60_000);

  it('rejects a batch with one bad document, naming it by index, and writes nothing of the others', async () => {
    const before = await storyAlone();
    const bad = roe();
    bad.statements[0]!.start += 1;
    const attempt = ingestBatch(own.gateway, [second(), bad, echo()]);
    await expect(attempt).rejects.toBeInstanceOf(GraphQLError);
    const error = (await attempt.catch((e: unknown) => e)) as GraphQLError;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    // The others are judged as if the bad one had never been loaded: echo() then defines Jane Roe itself, which is fine.
    expect((error.extensions.problems as { path: string }[]).map((p) => p.path)).toEqual(['documents[1].statements[0].text']);
    expect(await dump(own.gateway)).toEqual(before);
  }, 60_000);

  it('a reference to what only a later document of the batch defines is rejected; the other order loads', async () => {
    const before = await storyAlone();
    const attempt = ingestBatch(own.gateway, [roe(), second()]);
    const error = (await attempt.catch((e: unknown) => e)) as GraphQLError;
    expect(error.extensions.problems).toEqual([
      { path: 'documents[0].article.publisher', message: 'expected an entity defined in this document or already in the graph; org:kyiv-independent is neither' },
    ]);
    expect(await dump(own.gateway)).toEqual(before);
    const results = await ingestBatch(own.gateway, [second(), roe()]);
    expect(results.map((r) => r.article)).toEqual(['article:example-org-kyiv-weighs-options', 'article:roe-warns-on-intelligence']);
  }, 60_000);

  it('ingestDocument reports the problems of its one document without the documents[0] prefix', async () => {
    const bad = roe();
    bad.statements[0]!.start += 1;
    const error = (await ingestDocument(own.gateway, bad).catch((e: unknown) => e)) as GraphQLError;
    expect((error.extensions.problems as { path: string }[]).map((p) => p.path)).toEqual(['statements[0].text']);
  });

  it('takes documents validated ahead of the write (ValidatedDocuments): the same graph and results, and rejections by index', async () => {
    const plain = await load([10]);
    await own.empty();
    const results = await ingestBatch(own.gateway, ValidatedDocuments.of(DOCUMENTS()));
    expect(results).toEqual(plain.results);
    expect(await dump(own.gateway)).toEqual(plain.graph);

    const before = await storyAlone();
    const bad = roe();
    bad.statements[0]!.start += 1;
    const validated = new ValidatedDocuments();
    for (const d of [second(), echo(), bad]) validated.add(d);
    const error = (await ingestBatch(own.gateway, validated).catch((e: unknown) => e)) as GraphQLError;
    expect((error.extensions.problems as { path: string }[]).map((p) => p.path)).toEqual(['documents[2].statements[0].text']);
    expect(await dump(own.gateway)).toEqual(before);
  }, 60_000);

  it('a write Neo4j refuses half-way through the batch (its queries are sent without waiting for each) leaves nothing behind', async () => {
    const before = await storyAlone();
    // Past the validator, a person whose name is a map: the article goes in with the batch's
    // first query, and Neo4j refuses the property in a later one, with more queued behind it.
    const validation = validateDocument(roe());
    if (!validation.ok) throw new Error('roe() should be valid');
    const person = validation.document.entities[0] as unknown as { name: unknown };
    person.name = { not: 'a string' };
    const validated = ValidatedDocuments.of([second()]);
    validated.documents.push(validation.document);
    const attempt = ingestBatch(own.gateway, validated);
    await expect(attempt).rejects.toThrow();
    expect(await dump(own.gateway)).toEqual(before);
    // The gateway is fine afterwards: the same documents, valid, load.
    const results = await ingestBatch(own.gateway, [second(), roe()]);
    expect(results.map((r) => r.statements)).toEqual([second().statements.length, roe().statements.length]);
  }, 60_000);

  it('bulkLoad stops at a bad article, naming it by its index in its batch, with the batches before it written', async () => {
    const corpus = new Corpus({ statements: 300, seed: 7 });
    const articles = [...corpus.articles()].slice(0, 7);
    const bad = clone(articles[5] as ArticleDocument);
    (bad.statements[0] as { kind: string }).kind = 'SHOUTED';
    articles[5] = bad;
    await own.empty();
    const out = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
    // The indexes stay: what is checked is the batches written, and putting them off would empty the shared JVM's plan cache.
    const error = (await bulkLoad(own.gateway, articles, { firstBatch: corpus.directory(), batch: 3, deferSearchIndex: false, progress: { total: 300, unit: 'statements' }, out }).catch((e: unknown) => e)) as GraphQLError;
    expect((error.extensions.problems as { path: string }[]).map((p) => p.path)).toEqual(['documents[2].statements[0].kind']);
    const written = await own.gateway.read(cypher('MATCH (a:Article) WHERE NOT a.id STARTS WITH $directory RETURN a.id AS id ORDER BY id', { directory: 'article:newsroom-directory' }));
    expect(written.map((r) => r.id)).toEqual(articles.slice(0, 3).map((a) => a.article.id).sort());
  }, 120_000);
});

describe('rehearseWriter (start-up)', () => {
  it('writes the story twice and rolls it back: on an empty graph and on one that holds the story, the graph is as it was', async () => {
    await own.empty();
    const empty = await dump(own.gateway);
    expect(await rehearseWriter(own.gateway)).toBe(true);
    expect(await dump(own.gateway)).toEqual(empty);
    const withStory = await storyAlone();
    expect(withStory.nodes.length).toBeGreaterThan(0);
    expect(await rehearseWriter(own.gateway)).toBe(true);
    expect(await dump(own.gateway)).toEqual(withStory);
  });
});
