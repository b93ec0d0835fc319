/**
 * Search, paths, timeline and attribution on the seeded story. Every expected value was
 * worked out by hand from seed/article.txt and its annotation seed/story.json (which
 * statement is about what, who reported it, which relationships link the entities), and
 * each operation is checked to be one query: one round trip to Neo4j the first time (the
 * answer) and one, the graph's state, while its answer is kept (src/db/answer-cache.ts).
 */
import fc from 'fast-check';
import { cypher } from '../../src/db/cypher';
import { PATH_RELATIONS, translatePaths } from '../../src/graph/analytics/analytics.cypher';
import { storyHarness } from '../helpers/graph';

const harness = storyHarness();

/** Statement ids: `<prefix><start>-<end>` for quotes, `<prefix><n>` for paraphrases (n from 1 in document order). */
const S = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:';
const ARTICLE = 'article:us-cuts-off-intelligence-sharing-with-ukraine-report';
const INTEL_PAUSE = 'policy:us-intelligence-sharing-pause';

/** Runs an operation that must succeed; returns its data and the round trips it cost. */
async function run(query: string, variables: Record<string, unknown> = {}): Promise<{ data: Record<string, unknown>; roundTrips: number }> {
  const result = await harness.execute(query, variables);
  if (result.errors) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return { data: result.data as Record<string, unknown>, roundTrips: result.roundTrips };
}

/** Runs an operation that must fail; returns its one error's message and code, and the round trips. */
async function failure(query: string, variables: Record<string, unknown> = {}): Promise<{ message: string; code: unknown; roundTrips: number }> {
  const result = await harness.execute(query, variables);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors ?? [];
  return { message: error?.message ?? '', code: error?.extensions?.code, roundTrips: result.roundTrips };
}

describe('search', () => {
  const SEARCH = `query($text: String!, $first: Int) { search(text: $text, first: $first) { score snippet node { __typename id } } }`;
  type Hit = { score: number; snippet: string | null; node: { __typename: string; id: string } };

  it('finds every node holding "pause", best first, with what matched, in one query', async () => {
    const { data, roundTrips } = await run(SEARCH, { text: 'pause' });
    const hits = data.search as Hit[];
    // "pause" is in two policy names, six statements (not in "pausing": no stemming) and the article text.
    expect(hits.map((h) => [h.node.__typename, h.node.id, h.snippet])).toEqual([
      ['Policy', INTEL_PAUSE, 'US pause of intelligence sharing with Ukraine'],
      ['Statement', `${S}8`, 'Leavitt described the situation as a pause.'],
      ['Statement', `${S}2470-2531`, 'let’s pause, I want to give you a…'],
      ['Policy', 'policy:us-military-aid-pause', 'US pause of military aid to Ukraine'],
      ['Statement', `${S}2653-2804`, '…front and the intelligence front, the pause that allowed that to happen, will…'],
      ['Statement', `${S}2368-2532`, '…peace process, and he said ‘let’s pause, I want to give you a…'],
      ['Statement', `${S}2876-3088`, '…a hard look at lifting this pause.'],
      ['Article', ARTICLE, '…following a heated exchange. The intelligence pause could significantly impact Ukraine’s battlefield capabilities…'],
    ]);
    const scores = hits.map((h) => h.score);
    expect(scores.every((s, i) => s > 0 && (i === 0 || s <= (scores[i - 1] as number)))).toBe(true);
    expect(roundTrips).toBe(1);
  });

  it('shows the alias that matched, and honours first', async () => {
    const { data } = await run(SEARCH, { text: 'Pentagon', first: 5 });
    expect(data.search).toEqual([{ score: expect.any(Number), snippet: 'Pentagon', node: { __typename: 'Organization', id: 'org:us-department-of-defense' } }]);
    const director = (await run(SEARCH, { text: 'CIA director', first: 2 })).data.search as Hit[];
    expect(director.map((h) => [h.node.id, h.snippet])).toEqual([
      ['person:john-ratcliffe', 'CIA Director John Ratcliffe'],
      ['org:cia', 'CIA'],
    ]);
  });

  it('takes a text full of Lucene operators literally, without error', async () => {
    const { data, roundTrips } = await run(SEARCH, { text: '"pause" AND (Waltz OR ~x) [1 TO 2] \\\\ / *?' });
    const hits = data.search as Hit[];
    // The words pause, and, waltz, or, x, 1, to, 2 as plain terms: Waltz's names match best.
    expect(hits.map((h) => h.node.id)).toEqual([
      'person:mike-waltz',
      ARTICLE,
      'policy:us-military-aid-pause',
      `${S}2653-2804`,
      `${S}2368-2532`,
      INTEL_PAUSE,
      `${S}2470-2531`,
      `${S}1113-1247`,
      `${S}2876-3088`,
      `${S}8`,
    ]);
    expect(hits[0]?.snippet).toBe('Mike Waltz');
    expect(roundTrips).toBe(1);
  });

  it('never turns any user text into a query error', async () => {
    const unit = fc.constantFrom('+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/', 'AND', 'OR', 'NOT', 'TO', ' ', 'pause', 'x');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, minLength: 1, maxLength: 30 }).filter((t) => t.trim().length > 0), async (text) => {
        const result = await harness.execute(SEARCH, { text, first: 1 });
        return result.errors === undefined;
      }),
      { numRuns: 60 },
    );
    expect((await run(SEARCH, { text: '***' })).data.search).toEqual([]);
  });

  it('rejects blank and over-long text, and first outside 1..50, before asking Neo4j', async () => {
    expect(await failure(SEARCH, { text: '' })).toEqual({ message: 'text must contain something to search for; received ""', code: 'BAD_USER_INPUT', roundTrips: 0 });
    expect(await failure(SEARCH, { text: '  \n ' })).toEqual({ message: 'text must contain something to search for; received "  \\n "', code: 'BAD_USER_INPUT', roundTrips: 0 });
    expect(await failure(SEARCH, { text: 'pause '.repeat(40) })).toEqual({ message: 'text must be at most 200 characters; received 239 characters', code: 'BAD_USER_INPUT', roundTrips: 0 });
    expect(await failure(SEARCH, { text: 'pause', first: 51 })).toEqual({ message: 'first must be a whole number from 1 to 50; received 51', code: 'BAD_USER_INPUT', roundTrips: 0 });
  });
});

describe('paths', () => {
  const PATHS = `query($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
    paths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
      length
      nodes { __typename id }
      steps { from to relation forward }
    }
  }`;
  type PathResult = { length: number; nodes: { __typename: string; id: string }[]; steps: { from: string; to: string; relation: string; forward: boolean }[] };
  const MACRON = 'person:emmanuel-macron';
  const RATCLIFFE = 'person:john-ratcliffe';
  const ARMY_CHIEFS = 'event:european-army-chiefs-meeting-2025-03';

  /**
   * Macron and Ratcliffe share no neighbour, and no neighbour of one touches a neighbour of
   * the other, so the shortest paths have 4 hops. There are seven: Macron took part in the
   * army chiefs' meeting, which the intelligence pause PRECEDED, and Ratcliffe made three
   * statements about the pause (the CNN paraphrase :11, the Fox Business quote and the
   * "pause will go away" quote); Macron's "stay at our side" is about the United States,
   * where the CIA is based and which Ratcliffe's CNN paraphrase is about; Macron's "durable
   * peace plan" is about Ukraine, as are two of Ratcliffe's statements.
   */
  it('gives the shortest connections from Macron to Ratcliffe, ordered by the ids along them, in one query', async () => {
    const { data, roundTrips } = await run(PATHS, { from: MACRON, to: RATCLIFFE });
    const viaThePause = (statement: string): PathResult => ({
      length: 4,
      nodes: [
        { __typename: 'Person', id: MACRON },
        { __typename: 'Event', id: ARMY_CHIEFS },
        { __typename: 'Policy', id: INTEL_PAUSE },
        { __typename: 'Statement', id: statement },
        { __typename: 'Person', id: RATCLIFFE },
      ],
      steps: [
        { from: MACRON, to: ARMY_CHIEFS, relation: 'PARTICIPATED_IN', forward: true },
        { from: ARMY_CHIEFS, to: INTEL_PAUSE, relation: 'PRECEDED', forward: false },
        { from: INTEL_PAUSE, to: statement, relation: 'ABOUT', forward: false },
        { from: statement, to: RATCLIFFE, relation: 'SAID', forward: false },
      ],
    });
    expect(data.paths).toEqual([viaThePause(`${S}11`), viaThePause(`${S}2368-2532`), viaThePause(`${S}2653-2804`)]);
    expect(roundTrips).toBe(1);

    const all = (await run(PATHS, { from: MACRON, to: RATCLIFFE, first: 10 })).data.paths as PathResult[];
    expect(all.map((p) => [p.nodes.map((n) => n.id).join(' '), p.steps.map((s) => s.relation).join(' ')])).toEqual([
      [`${MACRON} ${ARMY_CHIEFS} ${INTEL_PAUSE} ${S}11 ${RATCLIFFE}`, 'PARTICIPATED_IN PRECEDED ABOUT SAID'],
      [`${MACRON} ${ARMY_CHIEFS} ${INTEL_PAUSE} ${S}2368-2532 ${RATCLIFFE}`, 'PARTICIPATED_IN PRECEDED ABOUT SAID'],
      [`${MACRON} ${ARMY_CHIEFS} ${INTEL_PAUSE} ${S}2653-2804 ${RATCLIFFE}`, 'PARTICIPATED_IN PRECEDED ABOUT SAID'],
      [`${MACRON} ${S}3498-3591 place:united-states org:cia ${RATCLIFFE}`, 'SAID ABOUT BASED_IN HOLDS_ROLE'],
      [`${MACRON} ${S}3498-3591 place:united-states ${S}11 ${RATCLIFFE}`, 'SAID ABOUT ABOUT SAID'],
      [`${MACRON} ${S}3763-3782 place:ukraine ${S}11 ${RATCLIFFE}`, 'SAID ABOUT ABOUT SAID'],
      [`${MACRON} ${S}3763-3782 place:ukraine ${S}2653-2804 ${RATCLIFFE}`, 'SAID ABOUT ABOUT SAID'],
    ]);
  });

  it('goes on to longer paths only when the shorter ones are used up, and finds none within too few hops', async () => {
    const five = (await run(PATHS, { from: MACRON, to: RATCLIFFE, maxHops: 5, first: 10 })).data.paths as PathResult[];
    expect(five.map((p) => p.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 5, 5, 5]);
    expect((await run(PATHS, { from: MACRON, to: RATCLIFFE, maxHops: 3 })).data.paths).toEqual([]);

    // Waltz and Leavitt both work at the White House: two hops. Three: Waltz's later role at
    // the UN is held for the United States, where the White House is based.
    const colleagues = (await run(PATHS, { from: 'person:mike-waltz', to: 'person:karoline-leavitt' })).data.paths as PathResult[];
    expect(colleagues.map((p) => p.length)).toEqual([2, 3, 4]);
    expect(colleagues[1]?.steps.map((s) => `${s.from} ${s.relation} ${s.to}`)).toEqual([
      'person:mike-waltz HOLDS_ROLE place:united-states',
      'place:united-states BASED_IN org:white-house',
      'org:white-house HOLDS_ROLE person:karoline-leavitt',
    ]);
    expect(colleagues[0]).toEqual({
      length: 2,
      nodes: [
        { __typename: 'Person', id: 'person:mike-waltz' },
        { __typename: 'Organization', id: 'org:white-house' },
        { __typename: 'Person', id: 'person:karoline-leavitt' },
      ],
      steps: [
        { from: 'person:mike-waltz', to: 'org:white-house', relation: 'HOLDS_ROLE', forward: true },
        { from: 'org:white-house', to: 'person:karoline-leavitt', relation: 'HOLDS_ROLE', forward: false },
      ],
    });
  });

  it('resolves nested fields of path nodes in one more round trip, whatever the number of paths', async () => {
    const query = `query($first: Int) { paths(from: "person:emmanuel-macron", to: "person:john-ratcliffe", first: $first) {
      nodes { id ... on Statement { speaker { name } } } } }`;
    // Asked twice, so that the second answer is kept whatever ran before: the state, then the nested fields.
    const trips = async (first: number): Promise<number> => {
      await harness.execute(query, { first });
      return (await harness.execute(query, { first })).roundTrips;
    };
    expect({ one: await trips(1), ten: await trips(10) }).toEqual({ one: 2, ten: 2 });
  });

  it('never passes through a hub: a node with more path relationships than maxDegree', async () => {
    const degree = async (id: string): Promise<number> => {
      const [row] = await harness.gateway.read(cypher(`MATCH (n {id: $id}) RETURN COUNT { (n)-[:${PATH_RELATIONS.join('|')}]-() } AS d`, { id }));
      return row?.d as number;
    };
    // With the intelligence pause just over the limit, the three paths through it are gone.
    const limit = (await degree(INTEL_PAUSE)) - 1;
    const [row] = await harness.gateway.read(translatePaths(MACRON, RATCLIFFE, 6, 10, limit));
    const found = row?.paths as { nodes: { id: string }[] }[];
    expect(found.length).toBeGreaterThan(0);
    for (const path of found) {
      const inner = path.nodes.slice(1, -1).map((n) => n.id);
      expect(inner).not.toContain(INTEL_PAUSE);
      for (const id of inner) expect(await degree(id)).toBeLessThanOrEqual(limit);
    }
  });

  it('rejects maxHops 7, first 11, malformed and equal ids before asking Neo4j; an unknown id is NOT_FOUND', async () => {
    expect(await failure(PATHS, { from: MACRON, to: RATCLIFFE, maxHops: 7 })).toEqual({
      message: 'maxHops must be a whole number from 1 to 6; received 7',
      code: 'BAD_USER_INPUT',
      roundTrips: 0,
    });
    expect(await failure(PATHS, { from: MACRON, to: RATCLIFFE, first: 11 })).toEqual({
      message: 'first must be a whole number from 1 to 10; received 11',
      code: 'BAD_USER_INPUT',
      roundTrips: 0,
    });
    expect(await failure(PATHS, { from: 'Emmanuel Macron', to: RATCLIFFE })).toEqual({
      message: 'from must be an id like person:mike-waltz, org:cia, place:ukraine; received "Emmanuel Macron"',
      code: 'BAD_USER_INPUT',
      roundTrips: 0,
    });
    expect(await failure(PATHS, { from: MACRON, to: MACRON })).toEqual({
      message: 'from and to must be two different entities; received "person:emmanuel-macron" for both',
      code: 'BAD_USER_INPUT',
      roundTrips: 0,
    });
    expect(await failure(PATHS, { from: MACRON, to: 'person:boris-johnson' })).toEqual({
      message: 'No entity has the id "person:boris-johnson" (to); check it against node(id:) or search(text:)',
      code: 'NOT_FOUND',
      roundTrips: 1,
    });
  });
});

describe('timeline', () => {
  const TIMELINE = `query($entity: ID, $first: Int) { timeline(entity: $entity, first: $first) { date dateText precision node { __typename id } } }`;
  type Item = { date: string | null; dateText: string | null; precision: string | null; node: { __typename: string; id: string } };
  const rows = (items: unknown): [string, string, string | null, string | null, string | null][] =>
    (items as Item[]).map((i) => [i.node.__typename, i.node.id, i.date, i.dateText, i.precision]);
  /** A statement without a date of its own, dated by the article (published 2025-03-05). */
  const reported = (id: string): [string, string, string, null, string] => ['Statement', `${S}${id}`, '2025-03-05', null, 'PUBLISHED'];

  it('orders every event, policy and statement oldest first, undated last, in one query', async () => {
    const { data, roundTrips } = await run(TIMELINE, {});
    expect(rows(data.timeline)).toEqual([
      ['Event', 'event:russian-full-scale-invasion-of-ukraine', '2022-01-01', '2022', 'YEAR'],
      // The Oval Office meeting, and Trump asking Zelensky to leave it: dated by the annotation.
      ['Event', 'event:oval-office-meeting-2025-02-28', '2025-02-28', null, 'DAY'],
      ['Statement', `${S}4`, '2025-02-28', null, 'DAY'],
      // "Monday’s suspension of military aid"
      ['Policy', 'policy:us-military-aid-pause', '2025-03-03', 'Monday', 'DAY'],
      // Same day: events and policies (by id) before statements (in article order).
      ['Event', 'event:macron-televised-address-2025-03-05', '2025-03-05', null, 'DAY'],
      ['Policy', INTEL_PAUSE, '2025-03-05', 'Wednesday', 'DAY'],
      // "... Mike Waltz confirmed Wednesday."
      ['Statement', `${S}1`, '2025-03-05', 'Wednesday', 'DAY'],
      ...['259-294', '427-460', '885-914', '952-1058', '1113-1247', '8', '1753-1766', '10', '11', '2368-2532', '2470-2531', '14', '15', '2653-2804', '2876-3088', '3116-3126', '3236-3253', '20', '21', '3498-3591', '3662-3670', '3763-3782'].map(reported),
      // "a meeting of European army chiefs in Paris next week": the Monday of that week.
      ['Event', 'event:european-army-chiefs-meeting-2025-03', '2025-03-10', 'next week', 'WEEK'],
      ['Event', 'event:ukraine-russia-peace-negotiations', null, null, null],
      ['Policy', 'policy:durable-peace-plan', null, null, null],
      ['Policy', 'policy:european-defense-spending-increase', null, null, null],
    ]);
    expect(roundTrips).toBe(1);
    expect(rows((await run(TIMELINE, { first: 3 })).data.timeline).map((r) => r[1])).toEqual([
      'event:russian-full-scale-invasion-of-ukraine',
      'event:oval-office-meeting-2025-02-28',
      `${S}4`,
    ]);
  });

  it('for a policy: the policy itself, then the statements about it', async () => {
    const { data, roundTrips } = await run(TIMELINE, { entity: INTEL_PAUSE });
    expect(rows(data.timeline)).toEqual([
      ['Policy', INTEL_PAUSE, '2025-03-05', 'Wednesday', 'DAY'],
      ['Statement', `${S}1`, '2025-03-05', 'Wednesday', 'DAY'],
      ...['259-294', '427-460', '885-914', '952-1058', '1113-1247', '8', '10', '11', '2368-2532', '2470-2531', '2653-2804', '2876-3088'].map(reported),
    ]);
    expect(roundTrips).toBe(1);
    expect(rows((await run(TIMELINE, { entity: 'event:oval-office-meeting-2025-02-28' })).data.timeline)).toEqual([
      ['Event', 'event:oval-office-meeting-2025-02-28', '2025-02-28', null, 'DAY'],
      ['Statement', `${S}4`, '2025-02-28', null, 'DAY'],
    ]);
  });

  it('for a person or place: events taken part in or held there, policies imposed or suffered, statements made or about it', async () => {
    // Trump took part in the Oval Office meeting, asked Zelensky to leave it (:4), said
    // "let’s pause" (2470-2531), and is what Ratcliffe's Fox Business quote is about.
    expect(rows((await run(TIMELINE, { entity: 'person:donald-trump' })).data.timeline)).toEqual([
      ['Event', 'event:oval-office-meeting-2025-02-28', '2025-02-28', null, 'DAY'],
      ['Statement', `${S}4`, '2025-02-28', null, 'DAY'],
      reported('2368-2532'),
      reported('2470-2531'),
    ]);
    // Ukraine took part in the invasion (which also took place there: listed once) and the
    // peace negotiations, is targeted by both pauses and the peace plan it co-proposes, and
    // nine statements are about it.
    expect(rows((await run(TIMELINE, { entity: 'place:ukraine' })).data.timeline)).toEqual([
      ['Event', 'event:russian-full-scale-invasion-of-ukraine', '2022-01-01', '2022', 'YEAR'],
      ['Policy', 'policy:us-military-aid-pause', '2025-03-03', 'Monday', 'DAY'],
      ['Policy', INTEL_PAUSE, '2025-03-05', 'Wednesday', 'DAY'],
      ['Statement', `${S}1`, '2025-03-05', 'Wednesday', 'DAY'],
      ...['427-460', '885-914', '1113-1247', '1753-1766', '10', '11', '2653-2804', '3763-3782'].map(reported),
      ['Event', 'event:ukraine-russia-peace-negotiations', null, null, null],
      ['Policy', 'policy:durable-peace-plan', null, null, null],
    ]);
  });

  it('rejects a non-entity id and first outside 1..200; an unknown entity is NOT_FOUND', async () => {
    expect(await failure(TIMELINE, { entity: ARTICLE })).toEqual({
      message: `entity must be an id like person:mike-waltz, org:cia, place:ukraine; received "${ARTICLE}"`,
      code: 'BAD_USER_INPUT',
      roundTrips: 0,
    });
    expect(await failure(TIMELINE, { first: 201 })).toEqual({ message: 'first must be a whole number from 1 to 200; received 201', code: 'BAD_USER_INPUT', roundTrips: 0 });
    expect(await failure(TIMELINE, { entity: 'person:nobody' })).toEqual({
      message: 'No entity has the id "person:nobody" (entity); check it against node(id:) or search(text:)',
      code: 'NOT_FOUND',
      roundTrips: 1,
    });
  });
});

describe('attribution', () => {
  const ATTRIBUTION = `query($groupBy: AttributionDimension!, $filter: StatementFilter) { attribution(groupBy: $groupBy, filter: $filter) { id label count } }`;

  it('counts who spoke about the intelligence pause, in one query', async () => {
    // Waltz: the opening paraphrase, "taken a step back", "all aspects", the CNN paraphrase,
    // "lifting this pause". Mulroy: his three. Ratcliffe: the CNN paraphrase and two Fox
    // Business quotes. Leavitt: "a pause". Trump: "let’s pause". Ties by name.
    const { data, roundTrips } = await run(ATTRIBUTION, { groupBy: 'SPEAKER', filter: { about: INTEL_PAUSE } });
    expect(data.attribution).toEqual([
      { id: 'person:mike-waltz', label: 'Mike Waltz', count: 5 },
      { id: 'person:john-ratcliffe', label: 'John Ratcliffe', count: 3 },
      { id: 'person:mick-mulroy', label: 'Mick Mulroy', count: 3 },
      { id: 'person:donald-trump', label: 'Donald Trump', count: 1 },
      { id: 'person:karoline-leavitt', label: 'Karoline Leavitt', count: 1 },
    ]);
    expect(roundTrips).toBe(1);
  });

  it('counts what each outlet reported: a quote reported through two outlets counts for both', async () => {
    // FT: Mulroy ×2, Waltz's "lifting this pause" (told Fox, per FT), "good talks", "very
    // short order", Macron's "durable peace plan". Fox Business: Ratcliffe ×3, the two
    // statements inside his (Trump's "let’s pause", Zelensky's readiness for talks), Waltz's
    // "lifting this pause". CNN: the two paraphrases.
    expect((await run(ATTRIBUTION, { groupBy: 'REPORTED_BY' })).data.attribution).toEqual([
      { id: 'org:financial-times', label: 'Financial Times', count: 6 },
      { id: 'org:fox-business', label: 'Fox Business', count: 6 },
      { id: 'org:cnn', label: 'CNN', count: 2 },
    ]);
  });

  it('counts by kind, by article and by topic, under any statement filter', async () => {
    expect((await run(ATTRIBUTION, { groupBy: 'KIND' })).data.attribution).toEqual([
      { id: null, label: 'INDIRECT', count: 9 },
      { id: null, label: 'PARTIAL', count: 8 },
      { id: null, label: 'DIRECT', count: 7 },
    ]);
    expect((await run(ATTRIBUTION, { groupBy: 'ARTICLE' })).data.attribution).toEqual([
      { id: ARTICLE, label: 'US Cuts Off Intelligence Sharing With Ukraine: Report', count: 24 },
    ]);
    // What Waltz's seven statements are about.
    expect((await run(ATTRIBUTION, { groupBy: 'ABOUT', filter: { speaker: 'person:mike-waltz' } })).data.attribution).toEqual([
      { id: INTEL_PAUSE, label: 'US pause of intelligence sharing with Ukraine', count: 5 },
      { id: 'event:ukraine-russia-peace-negotiations', label: 'Peace negotiations between Ukraine and Russia', count: 3 },
      { id: 'place:ukraine', label: 'Ukraine', count: 3 },
      { id: 'place:united-states', label: 'United States', count: 3 },
    ]);
    // Whole quotes credited to the FT: Mulroy's two, Waltz's one.
    expect((await run(ATTRIBUTION, { groupBy: 'SPEAKER', filter: { reportedBy: 'org:financial-times', kind: 'DIRECT' } })).data.attribution).toEqual([
      { id: 'person:mick-mulroy', label: 'Mick Mulroy', count: 2 },
      { id: 'person:mike-waltz', label: 'Mike Waltz', count: 1 },
    ]);
    expect((await run(ATTRIBUTION, { groupBy: 'SPEAKER', filter: { speaker: 'person:nobody' } })).data.attribution).toEqual([]);
  });

  /** "Most quoted": every speaker by how many statements they made; ties by name. */
  const MOST_QUOTED = [
    { id: 'person:mike-waltz', label: 'Mike Waltz', count: 7 },
    { id: 'person:emmanuel-macron', label: 'Emmanuel Macron', count: 5 },
    { id: 'person:john-ratcliffe', label: 'John Ratcliffe', count: 4 },
    { id: 'person:mick-mulroy', label: 'Mick Mulroy', count: 3 },
    { id: 'person:donald-trump', label: 'Donald Trump', count: 2 },
    { id: 'person:karoline-leavitt', label: 'Karoline Leavitt', count: 2 },
    { id: 'person:volodymyr-zelensky', label: 'Volodymyr Zelensky', count: 1 },
  ];

  it('counts every speaker: the most quoted first', async () => {
    expect((await run(ATTRIBUTION, { groupBy: 'SPEAKER' })).data.attribution).toEqual(MOST_QUOTED);
  });

  it('agrees with "most quoted" people(orderBy: STATEMENT_COUNT)', async () => {
    const people = (await run(`{ people(orderBy: STATEMENT_COUNT, first: 10) { edges { node { id name statements(first: 0) { totalCount } } } } }`)).data
      .people as { edges: { node: { id: string; name: string; statements: { totalCount: number } } }[] };
    expect(people.edges.map((e) => ({ id: e.node.id, label: e.node.name, count: e.node.statements.totalCount }))).toEqual(MOST_QUOTED);
  });

  it('rejects a malformed filter id before asking Neo4j', async () => {
    expect(await failure(ATTRIBUTION, { groupBy: 'SPEAKER', filter: { reportedBy: 'person:mike-waltz' } })).toEqual({
      message: 'filter.reportedBy must be an Organization id like org:cia; received "person:mike-waltz"',
      code: 'BAD_USER_INPUT',
      roundTrips: 0,
    });
  });
});

describe('kept answers', () => {
  const OPERATIONS: readonly [string, string, Record<string, unknown>][] = [
    ['search', `query($text: String!) { search(text: $text) { score snippet node { id } } }`, { text: 'intelligence Waltz' }],
    ['paths', `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, first: 2) { length nodes { id } } }`, { from: 'person:mike-waltz', to: 'person:john-ratcliffe' }],
    ['timeline', `query($entity: ID) { timeline(entity: $entity, first: 5) { date node { id } } }`, { entity: 'person:mike-waltz' }],
    ['attribution', `query { attribution(groupBy: KIND, filter: { speaker: "person:mike-waltz" }) { id label count } }`, {}],
  ];

  it.each(OPERATIONS)('%s answers the same again for one round trip while the graph is unchanged', async (_name, query, variables) => {
    const first = await run(query, variables);
    const again = await run(query, variables);
    expect(again.data).toEqual(first.data);
    expect({ first: first.roundTrips, again: again.roundTrips }).toEqual({ first: 1, again: 1 });
  });
});
