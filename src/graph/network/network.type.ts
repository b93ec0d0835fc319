/**
 * The research network: who speaks about what, who carries whom, who is quoted beside whom,
 * as weighted edges with their evidence, and the rankings and communities computed over it.
 * Read-only answers built from one query each, so plain records without field resolvers.
 */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EntityType } from '../../vocabulary';
import { NetworkDimension } from './network.dimension';
import { NETWORK } from './network.input';

export { NetworkDimension };
registerEnumType(NetworkDimension, {
  name: 'NetworkDimension',
  description:
    'ABOUT: speaker → what the statements are about, weighted by statements. REPORTED_BY: speaker → the outlet credited with reporting them, weighted by statements. CO_QUOTED: speaker ↔ speaker quoted in the same article, weighted by articles.',
});

@ObjectType({ description: 'An entity of the network.' })
export class NetworkNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { description: 'Person, Organization, Place, Policy or Event.' })
  type!: EntityType;

  @Field(() => Int, { description: 'Edges of this answer that touch the node.' })
  degree!: number;

  @Field(() => Int, { description: 'The sum of their weights.' })
  weightedDegree!: number;
}

@ObjectType({ description: 'A weighted link between two entities, with statements that make it.' })
export class NetworkEdge {
  @Field(() => ID, { description: 'The speaker (for CO_QUOTED, the one whose id sorts first).' })
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => NetworkDimension)
  relation!: NetworkDimension;

  @Field(() => Int, { description: 'Statements (ABOUT, REPORTED_BY) or shared articles (CO_QUOTED).' })
  weight!: number;

  @Field(() => [ID], { description: 'Ids of a few of the statements behind the edge, in article order.' })
  evidence!: string[];
}

@ObjectType({ description: 'The network of the statements a filter selects.' })
export class Network {
  @Field(() => [NetworkNode], { description: 'Every end of the edges below, most weighted degree first, ties by id.' })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'Heaviest first; ties by relation, then source and target id.' })
  edges!: NetworkEdge[];

  @Field(() => Int, { description: 'Statements the filter selected.' })
  statementCount!: number;

  @Field(() => Int, { description: `Statements the edges were folded from: all those selected, or, when they are more, the newest ${NETWORK.sampleStatements} (by day, then article order).` })
  foldedCount!: number;

  @Field({ description: 'True when foldedCount is less than statementCount: the edges and weights are those of the newest statements only, not of all the filter selects.' })
  sampled!: boolean;

  @Field(() => Int, { description: 'Edges of weight at least minWeight, before `first` cut them.' })
  edgeCount!: number;

  @Field({ description: 'True when edgeCount is more than `first`: the answer holds the heaviest edges only, not the whole network.' })
  truncated!: boolean;
}

@ObjectType({ description: 'An entity placed by its centrality in the network.' })
export class RankedEntity {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String)
  type!: EntityType;

  @Field(() => Int, { description: 'The sum of the weights of its edges.' })
  weightedDegree!: number;

  @Field(() => Float, { description: 'Weighted PageRank over the network as an undirected graph (damping 0.85); the scores of all nodes sum to 1.' })
  pageRank!: number;

  @Field(() => Int, { description: 'The community (Louvain, weighted) it falls in: an index into `communities`.' })
  community!: number;
}

@ObjectType({ description: 'Entities more linked among themselves than to the rest.' })
export class Community {
  @Field(() => Int)
  id!: number;

  @Field(() => [ID], { description: 'Its members, most weighted degree first.' })
  members!: string[];
}

@ObjectType({ description: 'Rankings and communities over the whole network a filter selects (never over a cut one).' })
export class NetworkRanking {
  @Field(() => [RankedEntity], { description: 'Entities that speak in the network, by PageRank, highest first; ties by id.' })
  speakers!: RankedEntity[];

  @Field(() => [RankedEntity], { description: 'Entities spoken about (ABOUT targets), by PageRank, highest first; ties by id.' })
  topics!: RankedEntity[];

  @Field(() => [Community], { description: 'Largest first; ties by first member id.' })
  communities!: Community[];

  @Field(() => Int)
  nodeCount!: number;

  @Field(() => Int)
  edgeCount!: number;

  @Field(() => Int)
  statementCount!: number;

  @Field(() => Int, { description: 'Statements the ranked network was folded from (see Network.foldedCount).' })
  foldedCount!: number;

  @Field({ description: 'True when the ranked network is that of the newest foldedCount statements only (see Network.sampled).' })
  sampled!: boolean;
}
