/**
 * Editorial control on a scratch graph holding the story: key roles, corrections,
 * retraction and restoration, merges, each with its history; bad input writes nothing;
 * the integrity check is clean after each test.
 */
import { checkGraph } from '../../src/check/check';
import { census, storyScratch, type GraphQLHarness } from '../helpers/graph';
import type { ScratchGraph } from '../helpers/own-neo4j';

const EDITOR = 'desk-1:editor:editor-secret-0123456789';
const INGESTER = 'feed-1:ingest:ingest-secret-0123456789';
const BARE = 'bare-ingest-secret-0123456789';
const KEYS = [EDITOR, INGESTER, BARE];
const as = (entry: string): { authorization: string; apiKeys: string[] } => ({ authorization: `Bearer ${entry.split(':').pop() as string}`, apiKeys: KEYS });

const NOTE = 'In a short note, Michael Waltz said there had been good talks with both sides.';
const waltzNote = (): unknown => ({
  article: { id: 'article:waltz-note-on-the-talks', title: 'Waltz note on the talks', text: NOTE, publishedAt: '2025-03-06' },
  entities: [{ id: 'person:michael-waltz', type: 'Person', name: 'Michael Waltz' }],
  statements: [
    { kind: 'PARTIAL', speaker: 'person:michael-waltz', text: 'good talks', start: NOTE.indexOf('good talks'), end: NOTE.indexOf('good talks') + 10, about: ['event:ukraine-russia-peace-negotiations'] },
  ],
});
const NOTE_ARTICLE = 'article:waltz-note-on-the-talks';
const NOTE_QUOTE = `statement:waltz-note-on-the-talks:${NOTE.indexOf('good talks')}-${NOTE.indexOf('good talks') + 10}`;
const STORY_QUOTE = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:259-294';

const INGEST = 'mutation($document: ArticleDocumentInput!) { ingestArticle(document: $document) { article created } }';
const CORRECT = `mutation($id: ID!, $changes: StatementChangesInput!, $reason: String!) {
  correctStatement(id: $id, changes: $changes, reason: $reason) {
    statement { id kind venue speaker { id } }
    edit { who action reason changes { field from to } }
  }
}`;
const RETRACT = 'mutation($id: ID!, $reason: String!) { retractArticle(id: $id, reason: $reason) { article { id retracted { reason } } statements edit { action who } } }';
const RESTORE = 'mutation($id: ID!, $reason: String!) { restoreArticle(id: $id, reason: $reason) { article { id retracted { reason } } statements } }';
const MERGE = `mutation($from: ID!, $into: ID!, $reason: String!) {
  mergeEntities(from: $from, into: $into, reason: $reason) { entity { id aliases } collapsed { from into } edit { changes { field from to } } }
}`;
const HISTORY = `query($id: ID!) {
  node(id: $id) {
    ... on Statement { history(first: 5) { totalCount edges { node { action who reason changes { field from to } } } } }
    ... on Article { retracted { reason } history(first: 5) { totalCount edges { node { action who reason } } } }
  }
}`;
const COUNTS = `query($person: ID!) {
  statements(first: 1) { totalCount }
  articles(first: 1) { totalCount }
  entity(id: $person) { id statements(first: 1) { totalCount } mentionedIn(first: 1) { totalCount } }
  people(first: 1) { totalCount }
}`;

let graph: ScratchGraph;
let harness: GraphQLHarness;

storyScratch((opened) => ({ graph, harness } = opened));
afterEach(async () => {
  const report = await checkGraph(graph.gateway);
  expect(report.invariants.filter((i) => i.count > 0)).toEqual([]);
});

const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.code;

describe('roles', () => {
  it('lets an ingest key (named or bare) ingest but not edit, and writes nothing when refused', async () => {
    const before = await census(graph.gateway);
    for (const key of [INGESTER, BARE]) {
      const refused = await harness.execute(CORRECT, { id: STORY_QUOTE, changes: { venue: 'x' }, reason: 'r' }, as(key));
      expect(codeOf(refused)).toBe('FORBIDDEN');
    }
    expect(codeOf(await harness.execute(RETRACT, { id: NOTE_ARTICLE, reason: 'r' }, {}))).toBe('UNAUTHENTICATED');
    expect(await census(graph.gateway)).toEqual(before);
  });
});

describe('correctStatement', () => {
  it('sets the venue and speaker right, keeps the id, and keeps the old values in the history', async () => {
    const result = await harness.execute(CORRECT, { id: STORY_QUOTE, changes: { venue: 'told reporters at the White House', speaker: 'person:karoline-leavitt' }, reason: 'misattributed' }, as(EDITOR));
    expect(result.errors).toBeUndefined();
    expect(result.data?.correctStatement).toEqual({
      statement: { id: STORY_QUOTE, kind: 'DIRECT', venue: 'told reporters at the White House', speaker: { id: 'person:karoline-leavitt' } },
      edit: {
        who: 'desk-1',
        action: 'correctStatement',
        reason: 'misattributed',
        changes: [
          { field: 'speaker', from: ['person:mike-waltz'], to: ['person:karoline-leavitt'] },
          { field: 'venue', from: ['told reporters'], to: ['told reporters at the White House'] },
        ],
      },
    });
    const back = await harness.execute(CORRECT, { id: STORY_QUOTE, changes: { speaker: 'person:mike-waltz' }, reason: 'it was Waltz after all' }, as(EDITOR));
    expect(back.errors).toBeUndefined();
    const history = await harness.data(HISTORY, { id: STORY_QUOTE });
    expect(history.node).toEqual({
      history: {
        totalCount: 2,
        edges: [
          { node: { action: 'correctStatement', who: 'desk-1', reason: 'it was Waltz after all', changes: [{ field: 'speaker', from: ['person:karoline-leavitt'], to: ['person:mike-waltz'] }] } },
          {
            node: {
              action: 'correctStatement',
              who: 'desk-1',
              reason: 'misattributed',
              changes: [
                { field: 'speaker', from: ['person:mike-waltz'], to: ['person:karoline-leavitt'] },
                { field: 'venue', from: ['told reporters'], to: ['told reporters at the White House'] },
              ],
            },
          },
        ],
      },
    });
  });

  it('refuses a correction that breaks a span, names an unknown speaker, or has no reason, writing nothing', async () => {
    const before = await census(graph.gateway);
    const paraphrase = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:1';
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: paraphrase, changes: { kind: 'DIRECT' }, reason: 'quote' }, /changes\.text: in article:.*expected the article's words/],
      [{ id: STORY_QUOTE, changes: { speaker: 'person:nobody-at-all' }, reason: 'who' }, /person:nobody-at-all/],
      [{ id: STORY_QUOTE, changes: { venue: 'x' }, reason: '  ' }, /needs a reason/],
      [{ id: 'statement:no-such-article:1', changes: { venue: 'x' }, reason: 'r' }, /no statement has the id/],
      [{ id: STORY_QUOTE, changes: { quotedIn: STORY_QUOTE }, reason: 'r' }, /cannot be quoted inside itself/],
    ];
    for (const [variables, message] of cases) {
      const result = await harness.execute(CORRECT, variables, as(EDITOR));
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await census(graph.gateway)).toEqual(before);
  });
});

describe('retractArticle and restoreArticle', () => {
  it('takes an article and its own statements out of every list and count, keeps them readable by id, and undoes it', async () => {
    expect((await harness.execute(INGEST, { document: waltzNote() }, as(INGESTER))).errors).toBeUndefined();
    const live = await harness.data(COUNTS, { person: 'person:michael-waltz' });
    const retracted = await harness.execute(RETRACT, { id: NOTE_ARTICLE, reason: 'the note was a forgery' }, as(EDITOR));
    expect(retracted.data?.retractArticle).toEqual({
      article: { id: NOTE_ARTICLE, retracted: { reason: 'the note was a forgery' } },
      statements: [NOTE_QUOTE],
      edit: { action: 'retractArticle', who: 'desk-1' },
    });
    const after = await harness.data(COUNTS, { person: 'person:michael-waltz' });
    expect(after).toEqual({
      statements: { totalCount: (live.statements as { totalCount: number }).totalCount - 1 },
      articles: { totalCount: (live.articles as { totalCount: number }).totalCount - 1 },
      entity: { id: 'person:michael-waltz', statements: { totalCount: 0 }, mentionedIn: { totalCount: 0 } },
      people: live.people,
    });
    const search = await harness.data('{ search(text: "good talks") { node { id } } }');
    expect((search.search as { node: { id: string } }[]).map((h) => h.node.id)).not.toContain(NOTE_QUOTE);
    const aggregates = await harness.data(`{
      attribution(groupBy: ARTICLE) { id }
      paths(from: "person:michael-waltz", to: "event:ukraine-russia-peace-negotiations") { length }
      timeline(entity: "event:ukraine-russia-peace-negotiations", first: 50) { node { id } }
    }`);
    expect((aggregates.attribution as { id: string }[]).map((b) => b.id)).not.toContain(NOTE_ARTICLE);
    expect(aggregates.paths).toEqual([]);
    expect((aggregates.timeline as { node: { id: string } }[]).map((t) => t.node.id)).not.toContain(NOTE_QUOTE);
    const byId = await harness.data(`{ node(id: "${NOTE_QUOTE}") { ... on Statement { retracted { reason } evidence { article { id } } } } }`);
    expect(byId.node).toEqual({ retracted: { reason: 'the note was a forgery' }, evidence: { article: { id: NOTE_ARTICLE } } });
    // With its speaker and evidence selected, the statement comes from a query that brings them along.
    const withDetails = await harness.data(`{ statement(id: "${NOTE_QUOTE}") { retracted { reason } speaker { id } evidence { article { id retracted { reason } } } } }`);
    expect(withDetails.statement).toEqual({
      retracted: { reason: 'the note was a forgery' },
      speaker: { id: 'person:michael-waltz' },
      evidence: { article: { id: NOTE_ARTICLE, retracted: { reason: 'the note was a forgery' } } },
    });

    const before = await census(graph.gateway);
    const again = await harness.execute(RETRACT, { id: NOTE_ARTICLE, reason: 'twice' }, as(EDITOR));
    expect(again.errors?.[0]?.message).toMatch(/already retracted/);
    const reingest = await harness.execute(INGEST, { document: waltzNote() }, as(INGESTER));
    expect(reingest.errors?.[0]?.message).toMatch(/is retracted/);
    expect(await census(graph.gateway)).toEqual(before);

    const restored = await harness.execute(RESTORE, { id: NOTE_ARTICLE, reason: 'the note was genuine' }, as(EDITOR));
    expect(restored.data?.restoreArticle).toEqual({ article: { id: NOTE_ARTICLE, retracted: null }, statements: [NOTE_QUOTE] });
    expect(await harness.data(COUNTS, { person: 'person:michael-waltz' })).toEqual(live);
    const history = await harness.data(HISTORY, { id: NOTE_ARTICLE });
    expect(history.node).toEqual({
      retracted: null,
      history: {
        totalCount: 3,
        edges: [
          { node: { action: 'restoreArticle', who: 'desk-1', reason: 'the note was genuine' } },
          { node: { action: 'retractArticle', who: 'desk-1', reason: 'the note was a forgery' } },
          { node: { action: 'ingest', who: 'feed-1', reason: null } },
        ],
      },
    });
  });
});

describe('mergeEntities', () => {
  it('refuses a merge into itself, across types, or of unknown ids, writing nothing', async () => {
    const before = await census(graph.gateway);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ from: 'person:mike-waltz', into: 'person:mike-waltz', reason: 'r' }, /must be two entities/],
      [{ from: 'org:fox-business', into: 'person:mike-waltz', reason: 'r' }, /must be of one type/],
      [{ from: 'person:nobody-at-all', into: 'person:mike-waltz', reason: 'r' }, /no entity has the id person:nobody-at-all/],
      [{ from: 'person:michael-waltz', into: 'person:mike-waltz', reason: '' }, /needs a reason/],
    ];
    for (const [variables, message] of cases) {
      const result = await harness.execute(MERGE, variables, as(EDITOR));
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await census(graph.gateway)).toEqual(before);
  });

  it('moves every link, collapses the quote that became the same, and keeps the merged id resolving', async () => {
    const before = await harness.data(COUNTS, { person: 'person:mike-waltz' });
    const merged = await harness.execute(MERGE, { from: 'person:michael-waltz', into: 'person:mike-waltz', reason: 'one person, two names' }, as(EDITOR));
    expect(merged.errors).toBeUndefined();
    const storyGoodTalks = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:3116-3126';
    expect(merged.data?.mergeEntities).toEqual({
      entity: { id: 'person:mike-waltz', aliases: ['Waltz', 'National Security Adviser Mike Waltz', 'Michael Waltz'] },
      collapsed: [{ from: storyGoodTalks < NOTE_QUOTE ? NOTE_QUOTE : storyGoodTalks, into: storyGoodTalks < NOTE_QUOTE ? storyGoodTalks : NOTE_QUOTE }],
      edit: {
        changes: [
          { field: 'mergedInto', from: ['person:michael-waltz'], to: ['person:mike-waltz'] },
          { field: 'statementsCollapsed', from: [storyGoodTalks < NOTE_QUOTE ? NOTE_QUOTE : storyGoodTalks], to: [storyGoodTalks < NOTE_QUOTE ? storyGoodTalks : NOTE_QUOTE] },
        ],
      },
    });
    const after = await harness.data(COUNTS, { person: 'person:michael-waltz' });
    expect(after).toEqual({
      ...before,
      statements: { totalCount: (before.statements as { totalCount: number }).totalCount - 1 },
      people: { totalCount: (before.people as { totalCount: number }).totalCount - 1 },
    });
    const evidence = await harness.data(`{ node(id: "person:michael-waltz") { id } entity(id: "person:mike-waltz") { history(first: 3) { edges { node { action } } } } }`);
    expect(evidence).toEqual({ node: { id: 'person:mike-waltz' }, entity: { history: { edges: [{ node: { action: 'mergeEntities' } }] } } });
  });
});

describe('history on a list', () => {
  const PAGE = `query($first: Int!) {
    statements(first: $first) { edges { node { id history(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { action reason } } } } } }
  }`;
  const ALONE = `query($id: ID!, $after: String) {
    node(id: $id) { ... on Statement { history(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { action reason } } } } }
  }`;
  type Page = { statements: { edges: { node: { id: string; history: unknown } }[] } };
  const correct = async (id: string, venue: string, reason: string): Promise<void> => {
    expect((await harness.execute(CORRECT, { id, changes: { venue }, reason }, as(EDITOR))).errors).toBeUndefined();
  };

  it('reads the histories of a page of statements in one trip and their counts in one more, however long the page', async () => {
    const ids = ((await harness.data(PAGE, { first: 3 })) as Page).statements.edges.map((e) => e.node.id);
    for (const [n, id] of ids.entries()) await correct(id, `venue ${n}`, `checked ${n}`);
    const short = await harness.execute(PAGE, { first: 3 });
    const long = await harness.execute(PAGE, { first: 100 });
    // the page, the history pages, their counts
    expect({ short: short.roundTrips, long: long.roundTrips }).toEqual({ short: 3, long: 3 });
    const nodes = (long.data as Page).statements.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(20);
    expect(nodes.slice(0, 3).map((n) => (n.history as { edges: unknown[] }).edges)).toEqual(ids.map((_id, n) => [{ node: { action: 'correctStatement', reason: `checked ${n}` } }]));
    // Batched, each history is the one its statement answers alone.
    for (const { id, history } of nodes) expect((await harness.data(ALONE, { id })).node).toEqual({ history });
  });

  it('answers pages of one history after different cursors from one trip', async () => {
    const id = ((await harness.data(PAGE, { first: 1 })) as Page).statements.edges[0]?.node.id as string;
    await correct(id, 'venue older', 'older');
    await correct(id, 'venue newer', 'newer');
    const newest = ((await harness.data(ALONE, { id })).node as { history: { pageInfo: { endCursor: string } } }).history;
    const both = await harness.execute(
      `query($id: ID!, $after: String) {
        newest: node(id: $id) { ... on Statement { history(first: 1) { edges { node { reason } } } } }
        older: node(id: $id) { ... on Statement { history(first: 1, after: $after) { edges { node { reason } } } } }
      }`,
      { id, after: newest.pageInfo.endCursor },
    );
    expect(both.errors).toBeUndefined();
    expect(both.data).toEqual({
      newest: { history: { edges: [{ node: { reason: 'newer' } }] } },
      older: { history: { edges: [{ node: { reason: 'older' } }] } },
    });
    // the statement (both aliases), then both history pages
    expect(both.roundTrips).toBe(2);
  });
});
