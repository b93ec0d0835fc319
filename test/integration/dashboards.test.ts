/**
 * Dashboards over time (issue 22): date windows, list filters and date orders on
 * `statements`, and `attributionSeries`. On the story (one article of 2025-03-05, one
 * statement dated 2025-02-28 by its text) and on a scratch graph of three small articles
 * written here, weeks apart, one of them undated.
 */
import { AttributionDimension, Interval } from '../../src/graph/analytics/analytics.type';
import type { ArticleDocument } from '../../src/ingest/document';
import { ingestDocument } from '../../src/ingest/ingest';
import { GraphQLHarness, storyHarness } from '../helpers/graph';
import { scratchGraph, type ScratchGraph } from '../helpers/own-neo4j';
import { quoteArticle as article, TARIFF } from '../helpers/quote-articles';
import { seriesTwoWays } from '../helpers/series';

const story = storyHarness();
const STORY = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report';
const PAUSE = 'policy:us-intelligence-sharing-pause';

const DOCUMENTS = [
  // Monday 2025-03-03; Ann's second quote was said the Wednesday before.
  article('week-one', '2025-03-03', [
    { speaker: 'person:ann', words: 'tariffs will rise' },
    { speaker: 'person:bo', words: 'tariffs are a tax' },
    { speaker: 'person:ann', words: 'we said so last week', date: '2025-02-26' },
  ]),
  // Wednesday 2025-03-19: two weeks on, nothing in the week between.
  article('week-three', '2025-03-19T09:30:00Z', [
    { speaker: 'person:cy', words: 'the tariff is paused' },
    { speaker: 'person:ann', words: 'the pause is welcome' },
  ]),
  article('undated', null, [{ speaker: 'person:bo', words: 'nobody knows when' }]),
];

interface Page {
  statements: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] };
}

const PAGE = `query($filter: StatementFilter, $orderBy: StatementOrder, $first: Int, $after: String) {
  statements(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
  }
}`;

/** Every statement of an order, walked `size` at a time with the cursors. */
async function walk(harness: GraphQLHarness, variables: Record<string, unknown>, size: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const { statements } = (await harness.data(PAGE, { ...variables, first: size, after })) as unknown as Page;
    ids.push(...statements.edges.map((e) => e.node.id));
    if (!statements.pageInfo.hasNextPage) return ids;
    after = statements.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

async function errorOf(harness: GraphQLHarness, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  const result = await harness.execute(query, variables);
  expect(result.errors).toHaveLength(1);
  return result.errors?.[0]?.extensions;
}

describe('statements on the story', () => {
  it('windows on the statement date, else the publication date, both ends inclusive', async () => {
    const before = await walk(story, { filter: { until: '2025-03-04' } }, 20);
    expect(before).toEqual([`${STORY}:4`]);
    expect(await walk(story, { filter: { since: '2025-02-28', until: '2025-02-28' } }, 20)).toEqual([`${STORY}:4`]);
    const after = (await story.data(PAGE, { filter: { since: '2025-03-05' } })) as unknown as Page;
    expect(after.statements.totalCount).toBe(23);
  });

  it('takes lists of speakers and kinds: any of them', async () => {
    const both = (await story.data(PAGE, { filter: { speakers: ['person:mike-waltz', 'person:john-ratcliffe'] } })) as unknown as Page;
    const waltz = (await story.data(PAGE, { filter: { speaker: 'person:mike-waltz' } })) as unknown as Page;
    const ratcliffe = (await story.data(PAGE, { filter: { speaker: 'person:john-ratcliffe' } })) as unknown as Page;
    expect(both.statements.totalCount).toBe(waltz.statements.totalCount + ratcliffe.statements.totalCount);
    const quotes = (await story.data(PAGE, { filter: { kinds: ['DIRECT', 'PARTIAL'] } })) as unknown as Page;
    expect(quotes.statements.totalCount).toBe(15);
  });

  it('orders oldest and newest first, with cursors that walk every statement once', async () => {
    const article = await walk(story, {}, 100);
    const oldest = await walk(story, { orderBy: 'OLDEST_FIRST' }, 5);
    const newest = await walk(story, { orderBy: 'NEWEST_FIRST' }, 7);
    // Trump's Oval Office statement is dated 2025-02-28 by the text; the rest by the article.
    const rest = article.filter((id) => id !== `${STORY}:4`);
    expect(oldest).toEqual([`${STORY}:4`, ...rest]);
    expect(newest).toEqual([...rest].reverse().concat(`${STORY}:4`));
  });

  it('refuses an inverted window, a list of more than 50, an unknown id in a list and a cursor of another order', async () => {
    expect(await errorOf(story, PAGE, { filter: { since: '2025-03-06', until: '2025-03-05' } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.until' });
    expect(await errorOf(story, PAGE, { filter: { since: '2025-02-30' } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.since' });
    const many = Array.from({ length: 51 }, (_, i) => `person:p${i}`);
    expect(await errorOf(story, PAGE, { filter: { speakers: many } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.speakers' });
    expect(await errorOf(story, PAGE, { filter: { aboutAny: [PAUSE, 'policy:no-such-policy'] } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.aboutAny' });
    expect(await errorOf(story, PAGE, { filter: { reportedByAny: ['org:no-such-outlet'] } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.reportedByAny' });
    const { statements } = (await story.data(PAGE, { first: 1 })) as unknown as Page;
    expect(await errorOf(story, PAGE, { orderBy: 'NEWEST_FIRST', after: statements.pageInfo.endCursor })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

const SERIES = `query($groupBy: AttributionDimension!, $interval: Interval!, $filter: StatementFilter, $top: Int) {
  attributionSeries(groupBy: $groupBy, interval: $interval, filter: $filter, top: $top) { id label total points { start count share } }
}`;

describe('on a scratch graph of three articles', () => {
  let own: ScratchGraph;
  let harness: GraphQLHarness;
  beforeAll(async () => {
    own = await scratchGraph();
    for (const document of DOCUMENTS) await ingestDocument(own.gateway, document);
    harness = new GraphQLHarness(own.gateway);
  }, 120_000);
  afterAll(async () => {
    await harness.stop();
    await own.stop();
  });

  it('orders by day across articles, undated statements as the oldest', async () => {
    const newest = await walk(harness, { orderBy: 'NEWEST_FIRST' }, 2);
    const id = (document: number, quote: number): string => {
      const { article: a, statements } = DOCUMENTS[document] as ArticleDocument;
      const s = statements[quote] as { start: number; end: number };
      return `statement:${(a.id as string).slice('article:'.length)}:${s.start}-${s.end}`;
    };
    expect(newest).toEqual([id(1, 1), id(1, 0), id(0, 1), id(0, 0), id(0, 2), id(2, 0)]);
    expect(await walk(harness, { orderBy: 'OLDEST_FIRST' }, 4)).toEqual([...newest].reverse());
  });

  it('answers a weekly series per speaker, every ISO week present, with shares of the week', async () => {
    const data = await harness.data(SERIES, { groupBy: 'SPEAKER', interval: 'WEEK', filter: { about: TARIFF }, top: 2 });
    expect(data.attributionSeries).toEqual([
      {
        id: 'person:ann',
        label: 'ANN',
        total: 3,
        points: [
          { start: '2025-02-24', count: 1, share: 1 },
          { start: '2025-03-03', count: 1, share: 0.5 },
          { start: '2025-03-10', count: 0, share: 0 },
          { start: '2025-03-17', count: 1, share: 0.5 },
        ],
      },
      {
        id: 'person:bo',
        label: 'BO',
        total: 1,
        points: [
          { start: '2025-02-24', count: 0, share: 0 },
          { start: '2025-03-03', count: 1, share: 0.5 },
          { start: '2025-03-10', count: 0, share: 0 },
          { start: '2025-03-17', count: 0, share: 0 },
        ],
      },
      {
        id: null,
        label: 'other',
        total: 1,
        points: [
          { start: '2025-02-24', count: 0, share: 0 },
          { start: '2025-03-03', count: 0, share: 0 },
          { start: '2025-03-10', count: 0, share: 0 },
          { start: '2025-03-17', count: 1, share: 0.5 },
        ],
      },
    ]);
  });

  it('reads a series over one topic off its ABOUT links when the filter allows, answering as the statements do', async () => {
    const { SPEAKER, STANCE, KIND } = AttributionDimension;
    const asked = [
      { groupBy: SPEAKER, filter: { about: TARIFF }, byLinks: true },
      { groupBy: SPEAKER, filter: { about: TARIFF, since: '2025-03-01', until: '2025-03-19' }, byLinks: true },
      { groupBy: SPEAKER, filter: { about: TARIFF, until: '2025-03-03' }, byLinks: true },
      { groupBy: STANCE, filter: { about: TARIFF, since: '2025-02-26' }, byLinks: true },
      { groupBy: SPEAKER, filter: { about: TARIFF, stance: 'UNCLEAR' }, byLinks: true },
      { groupBy: SPEAKER, filter: { about: TARIFF, speaker: 'person:ann' }, byLinks: false },
      { groupBy: SPEAKER, filter: { about: TARIFF, kinds: ['DIRECT'] }, byLinks: false },
      { groupBy: KIND, filter: { about: TARIFF }, byLinks: false },
      { groupBy: SPEAKER, filter: {}, byLinks: false },
    ];
    for (const { groupBy, filter, byLinks } of asked) {
      for (const interval of [Interval.DAY, Interval.WEEK, Interval.MONTH]) {
        for (const top of [1, 2, 10]) {
          const two = await seriesTwoWays(own.gateway, groupBy, interval, filter, top);
          expect({ groupBy, filter, interval, top, byLinks: two.byLinks }).toEqual({ groupBy, filter, interval, top, byLinks });
          expect(two.links.totals.length).toBeGreaterThan(0);
          expect(two.links).toEqual(two.statements);
        }
      }
    }
  });

  it('spans the window given, by month, and refuses one of more than 1 000 points', async () => {
    const data = await harness.data(SERIES, { groupBy: 'KIND', interval: 'MONTH', filter: { since: '2025-01-15', until: '2025-03-31' } });
    expect(data.attributionSeries).toEqual([
      {
        id: null,
        label: 'DIRECT',
        total: 5,
        points: [
          { start: '2025-01-01', count: 0, share: 0 },
          { start: '2025-02-01', count: 1, share: 1 },
          { start: '2025-03-01', count: 4, share: 1 },
        ],
      },
    ]);
    expect(await errorOf(harness, SERIES, { groupBy: 'KIND', interval: 'DAY', filter: { since: '2020-01-01', until: '2025-01-01' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'interval',
    });
  });
});

describe('stance on the story', () => {
  it('is given for every about link, UNCLEAR where the words do not settle it', async () => {
    const data = await story.data(`{ statement(id: "${STORY}:952-1058") { about { id } aboutLinks { entity { id } stance confidence } } }`);
    expect(data.statement).toEqual({
      about: [{ id: PAUSE }, { id: 'place:united-states' }, { id: 'place:europe' }],
      aboutLinks: [
        { entity: { id: PAUSE }, stance: 'OPPOSES', confidence: null },
        { entity: { id: 'place:united-states' }, stance: 'NEUTRAL', confidence: null },
        { entity: { id: 'place:europe' }, stance: 'NEUTRAL', confidence: null },
      ],
    });
  });

  it('groups and filters attribution and statements by the stance on the topic asked about', async () => {
    const data = await story.data(`{
      stances: attribution(groupBy: STANCE, filter: { about: "${PAUSE}" }) { id label count }
      against: attribution(groupBy: SPEAKER, filter: { about: "${PAUSE}", stance: OPPOSES }) { id count }
      series: attributionSeries(groupBy: STANCE, interval: DAY, filter: { about: "${PAUSE}", since: "2025-03-04", until: "2025-03-05" }) { label total points { start count share } }
    }`);
    expect(data.stances).toEqual([
      { id: null, label: 'SUPPORTS', count: 8 },
      { id: null, label: 'OPPOSES', count: 3 },
      { id: null, label: 'UNCLEAR', count: 2 },
    ]);
    expect(data.against).toEqual([{ id: 'person:mick-mulroy', count: 3 }]);
    expect(data.series).toEqual([
      { label: 'SUPPORTS', total: 8, points: [{ start: '2025-03-04', count: 0, share: 0 }, { start: '2025-03-05', count: 8, share: 8 / 13 }] },
      { label: 'OPPOSES', total: 3, points: [{ start: '2025-03-04', count: 0, share: 0 }, { start: '2025-03-05', count: 3, share: 3 / 13 }] },
      { label: 'UNCLEAR', total: 2, points: [{ start: '2025-03-04', count: 0, share: 0 }, { start: '2025-03-05', count: 2, share: 2 / 13 }] },
    ]);
  });
});
