/**
 * The rankings and bounds of the research network, on small networks whose answer is known
 * without running the algorithms: the ends of a bridge outrank the rest, two cliques joined by
 * one light edge are two communities, and a network past a bound is refused by name.
 */
import { NETWORK, networkArgs, networkFirst, tooManyEdges, tooManyStatements } from '../../src/graph/network/network.input';
import { rank, weightedDegrees, type EdgeRow } from '../../src/graph/network/network.ranking';
import { NetworkDimension } from '../../src/graph/network/network.type';

const person = (id: string) => ({ __typename: 'Person' as const, id: `person:${id}`, name: id });
const policy = (id: string) => ({ __typename: 'Policy' as const, id: `policy:${id}`, name: id });
const edge = (relation: NetworkDimension, source: ReturnType<typeof person>, target: ReturnType<typeof person | typeof policy>, weight: number): EdgeRow => ({
  relation, source, target, weight, evidence: [],
});

describe('weightedDegrees', () => {
  it('sums the weights of the edges that touch each entity, heaviest first, ties by id', () => {
    const edges = [edge(NetworkDimension.ABOUT, person('a'), policy('p'), 3), edge(NetworkDimension.ABOUT, person('b'), policy('p'), 2)];
    expect(weightedDegrees(edges).map((d) => [d.entity.id, d.degree, d.weightedDegree])).toEqual([
      ['policy:p', 2, 5],
      ['person:a', 1, 3],
      ['person:b', 1, 2],
    ]);
  });
});

describe('rank', () => {
  it('ranks the ends of a bridge first, and splits two cliques joined by a light edge', () => {
    const [a, b, c, x, y, z] = ['a', 'b', 'c', 'x', 'y', 'z'].map(person) as ReturnType<typeof person>[];
    const co = (s: ReturnType<typeof person>, t: ReturnType<typeof person>, w: number): EdgeRow => edge(NetworkDimension.CO_QUOTED, s, t, w);
    const edges = [co(a!, b!, 5), co(a!, c!, 5), co(b!, c!, 5), co(x!, y!, 5), co(x!, z!, 5), co(y!, z!, 5), co(c!, x!, 1)];
    const ranking = rank(edges);
    expect(ranking.nodeCount).toBe(6);
    expect(ranking.communities.map((m) => [...m.members].sort())).toEqual([
      ['person:a', 'person:b', 'person:c'],
      ['person:x', 'person:y', 'person:z'],
    ]);
    // c and x hold the bridge: more weight, more rank.
    expect(ranking.speakers.slice(0, 2).map((s) => s.id)).toEqual(['person:c', 'person:x']);
    expect(ranking.speakers.reduce((sum, s) => sum + s.pageRank, 0)).toBeCloseTo(1, 6);
    expect(ranking.topics).toEqual([]);
  });

  it('ranks topics by the speakers that speak about them', () => {
    const [a, b, c] = ['a', 'b', 'c'].map(person) as ReturnType<typeof person>[];
    const edges = [
      edge(NetworkDimension.ABOUT, a!, policy('hub'), 1),
      edge(NetworkDimension.ABOUT, b!, policy('hub'), 1),
      edge(NetworkDimension.ABOUT, c!, policy('hub'), 1),
      edge(NetworkDimension.ABOUT, c!, policy('side'), 1),
    ];
    expect(rank(edges).topics.map((t) => t.id)).toEqual(['policy:hub', 'policy:side']);
  });

  it('ranks an empty network as empty', () => {
    expect(rank([])).toEqual({ speakers: [], topics: [], communities: [], nodeCount: 0 });
  });
});

describe('network bounds', () => {
  it('takes every dimension by default and refuses an empty list', () => {
    expect(networkArgs(undefined, undefined)).toEqual({ by: ['ABOUT', 'REPORTED_BY', 'CO_QUOTED'], minWeight: 1 });
    expect(() => networkArgs([], 1)).toThrow(/by must name at least one of ABOUT, REPORTED_BY, CO_QUOTED; received \[\]/);
  });

  it('refuses minWeight and first out of range, naming the range', () => {
    expect(() => networkArgs(null, 0)).toThrow(`minWeight must be a whole number from 1 to ${NETWORK.maxMinWeight}; received 0`);
    expect(() => networkFirst(NETWORK.maxFirst + 1)).toThrow(`first must be a whole number from 1 to ${NETWORK.maxFirst}; received ${NETWORK.maxFirst + 1}`);
  });

  it('names the bound a network past it exceeds', () => {
    expect(tooManyStatements(60_000).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxStatements', max: NETWORK.maxStatements, received: 60_000 });
    expect(tooManyEdges(6_000, 2).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxRankedEdges', max: NETWORK.maxRankedEdges, received: 6_000 });
    expect(tooManyEdges(6_000, 2).message).toMatch(/6000 edges of weight at least 2/);
  });
});
