/**
 * `network` and `networkRanking` on the seeded story. Expected weights were counted by hand
 * from seed/story.json: each statement's speaker, what it is about and who reported it; the
 * story is one article, so every two of its seven speakers are quoted together once.
 */
import story from '../../seed/story.json';
import { storyHarness } from '../helpers/graph';

const harness = storyHarness();

const S = 'statement:us-cuts-off-intelligence-sharing-with-ukraine-report:';
const ARTICLE = 'article:us-cuts-off-intelligence-sharing-with-ukraine-report';
const INTEL_PAUSE = 'policy:us-intelligence-sharing-pause';
/** Everyone quoted in the story, by id. */
const SPEAKERS = [...new Set((story as { statements: { speaker: string }[] }).statements.map((s) => s.speaker))].sort();

const NETWORK = `query($filter: StatementFilter, $by: [NetworkDimension!], $minWeight: Int, $first: Int) {
  network(filter: $filter, by: $by, minWeight: $minWeight, first: $first) {
    statementCount edgeCount truncated
    nodes { id name type degree weightedDegree }
    edges { source target relation weight evidence }
  }
}`;
const RANKING = `query($filter: StatementFilter, $by: [NetworkDimension!], $minWeight: Int) {
  networkRanking(filter: $filter, by: $by, minWeight: $minWeight) {
    statementCount edgeCount nodeCount
    speakers { id weightedDegree pageRank community }
    topics { id weightedDegree pageRank }
    communities { id members }
  }
}`;

interface Edge { source: string; target: string; relation: string; weight: number; evidence: string[] }
interface NodeRow { id: string; name: string; type: string; degree: number; weightedDegree: number }
interface NetworkAnswer { statementCount: number; edgeCount: number; truncated: boolean; nodes: NodeRow[]; edges: Edge[] }

async function run(query: string, variables: Record<string, unknown> = {}): Promise<{ data: Record<string, unknown>; roundTrips: number }> {
  const result = await harness.execute(query, variables);
  if (result.errors) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return { data: result.data as Record<string, unknown>, roundTrips: result.roundTrips };
}

async function failure(query: string, variables: Record<string, unknown>): Promise<{ message: string; code: unknown; limit: unknown }> {
  const result = await harness.execute(query, variables);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors ?? [];
  return { message: error?.message ?? '', code: error?.extensions?.code, limit: error?.extensions?.limit };
}

const network = async (variables: Record<string, unknown>): Promise<NetworkAnswer> => (await run(NETWORK, variables)).data.network as NetworkAnswer;

describe('network', () => {
  it('folds the story into 34 ABOUT, 9 REPORTED_BY and 21 CO_QUOTED edges, heaviest first, in one query', async () => {
    const { data, roundTrips } = await run(NETWORK, { first: 1000 });
    const answer = data.network as NetworkAnswer;
    expect([answer.statementCount, answer.edgeCount, answer.truncated, answer.edges.length]).toEqual([24, 64, false, 64]);
    const count = (relation: string): number => answer.edges.filter((e) => e.relation === relation).length;
    expect([count('ABOUT'), count('REPORTED_BY'), count('CO_QUOTED')]).toEqual([34, 9, 21]);
    expect(answer.edges.slice(0, 2).map((e) => [e.source, e.target, e.relation, e.weight])).toEqual([
      ['person:mike-waltz', INTEL_PAUSE, 'ABOUT', 5],
      ['person:emmanuel-macron', 'place:europe', 'ABOUT', 4],
    ]);
    const weights = answer.edges.map((e) => e.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    // Every pair of the seven speakers, once each (one article), source before target.
    const pairs = answer.edges.filter((e) => e.relation === 'CO_QUOTED').map((e) => `${e.source} ${e.target}`).sort();
    expect(pairs).toEqual(SPEAKERS.flatMap((a, i) => SPEAKERS.slice(i + 1).map((b) => `${a} ${b}`)));
    expect(roundTrips).toBe(1);
  });

  it('gives each node its degree and weighted degree in the answer', async () => {
    const answer = await network({ first: 1000 });
    const waltz = answer.nodes.find((n) => n.id === 'person:mike-waltz');
    const edges = answer.edges.filter((e) => e.source === 'person:mike-waltz' || e.target === 'person:mike-waltz');
    expect(waltz).toEqual({ id: 'person:mike-waltz', name: 'Mike Waltz', type: 'Person', degree: edges.length, weightedDegree: edges.reduce((n, e) => n + e.weight, 0) });
    expect(new Set(answer.nodes.map((n) => n.id))).toEqual(new Set(answer.edges.flatMap((e) => [e.source, e.target])));
  });

  it('gives as evidence statements that make the edge, in article order', async () => {
    const answer = await network({ by: ['REPORTED_BY'] });
    expect(answer.edges.map((e) => [e.source, e.target, e.weight])).toEqual([
      ['person:john-ratcliffe', 'org:fox-business', 3],
      ['person:mike-waltz', 'org:financial-times', 3],
      ['person:mick-mulroy', 'org:financial-times', 2],
      ['person:donald-trump', 'org:fox-business', 1],
      ['person:emmanuel-macron', 'org:financial-times', 1],
      ['person:john-ratcliffe', 'org:cnn', 1],
      ['person:mike-waltz', 'org:cnn', 1],
      ['person:mike-waltz', 'org:fox-business', 1],
      ['person:volodymyr-zelensky', 'org:fox-business', 1],
    ]);
    for (const edge of answer.edges) {
      expect(edge.evidence.length).toBe(Math.min(3, edge.weight));
      const { data } = await run(`query($speaker: ID!, $outlet: ID!) { a: statements(filter: { speaker: $speaker, reportedBy: $outlet }, first: 50) { edges { node { id } } } }`, { speaker: edge.source, outlet: edge.target });
      const ids = (data.a as { edges: { node: { id: string } }[] }).edges.map((x) => x.node.id);
      expect(edge.evidence).toEqual(ids.slice(0, edge.evidence.length));
    }
  });

  it('keeps only edges of at least minWeight, and flags a cut answer as truncated', async () => {
    const heavy = await network({ by: ['ABOUT'], minWeight: 3 });
    expect(heavy.edges.map((e) => e.weight)).toEqual([5, 4, 3, 3, 3, 3, 3]);
    expect(heavy.truncated).toBe(false);
    const cut = await network({ by: ['ABOUT'], minWeight: 3, first: 2 });
    expect([cut.edgeCount, cut.edges.length, cut.truncated]).toEqual([7, 2, true]);
    expect(cut.nodes.map((n) => n.id).sort()).toEqual(['person:emmanuel-macron', 'person:mike-waltz', 'place:europe', INTEL_PAUSE]);
  });

  it('narrows with the statement filter', async () => {
    const answer = await network({ filter: { about: INTEL_PAUSE }, by: ['ABOUT'], first: 1000 });
    const { data } = await run(`{ statements(filter: { about: "${INTEL_PAUSE}" }) { totalCount } }`);
    expect(answer.statementCount).toBe((data.statements as { totalCount: number }).totalCount);
    expect(answer.edges.filter((e) => e.target === INTEL_PAUSE).map((e) => [e.source, e.weight])).toEqual([
      ['person:mike-waltz', 5],
      ['person:john-ratcliffe', 3],
      ['person:mick-mulroy', 3],
      ['person:donald-trump', 1],
      ['person:karoline-leavitt', 1],
    ]);
    const article = await network({ filter: { article: ARTICLE }, by: ['CO_QUOTED'] });
    expect(article.edgeCount).toBe(21);
    expect(article.edges[0]?.evidence).toHaveLength(2);
    expect(article.edges[0]?.evidence.every((id) => id.startsWith(S))).toBe(true);
  });

  it('refuses bad bounds and unknown ids, naming them', async () => {
    expect(await failure(NETWORK, { first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/first must be a whole number from 1 to 1000; received 0/) });
    expect(await failure(NETWORK, { first: 1001 })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await failure(NETWORK, { minWeight: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/minWeight must be a whole number from 1/) });
    expect(await failure(NETWORK, { by: [] })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/by must name at least one/) });
    expect(await failure(NETWORK, { filter: { speaker: 'person:nobody-at-all' } })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/filter.speaker "person:nobody-at-all"/) });
    expect(await failure(NETWORK, { filter: { speaker: 'not an id' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('networkRanking', () => {
  it('ranks the story’s speakers and topics by PageRank over the whole network, and groups them', async () => {
    const { data, roundTrips } = await run(RANKING, {});
    const ranking = data.networkRanking as {
      statementCount: number; edgeCount: number; nodeCount: number;
      speakers: { id: string; weightedDegree: number; pageRank: number; community: number }[];
      topics: { id: string; weightedDegree: number; pageRank: number }[];
      communities: { id: number; members: string[] }[];
    };
    expect([ranking.statementCount, ranking.edgeCount]).toEqual([24, 64]);
    expect(ranking.speakers.map((s) => s.id).sort()).toEqual(SPEAKERS);
    // Waltz speaks most, about most, and is carried by all three outlets.
    const byDegree = [...ranking.speakers].sort((x, y) => y.weightedDegree - x.weightedDegree);
    expect(byDegree[0]?.id).toBe('person:mike-waltz');
    const scores = [...ranking.speakers, ...ranking.topics].map((r) => r.pageRank);
    expect(scores.every((s) => s > 0 && s < 1)).toBe(true);
    const ranks = ranking.speakers.map((s) => s.pageRank);
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    expect(ranking.topics.map((t) => t.id)).toContain(INTEL_PAUSE);
    const members = ranking.communities.flatMap((c) => c.members);
    expect(members.length).toBe(ranking.nodeCount);
    expect(new Set(members).size).toBe(ranking.nodeCount);
    for (const s of ranking.speakers) expect(ranking.communities[s.community]?.members).toContain(s.id);
    expect(roundTrips).toBe(1);
  });

  it('gives the same answer twice (deterministic communities)', async () => {
    const first = (await run(RANKING, { by: ['ABOUT', 'CO_QUOTED'] })).data;
    const again = (await run(RANKING, { by: ['CO_QUOTED', 'ABOUT'] })).data;
    expect(again).toEqual(first);
  });
});
