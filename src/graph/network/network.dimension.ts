/**
 * The kinds of edge a network has, apart from their GraphQL registration (network.type.ts),
 * so the exporter can fold the same network without loading the schema's decorators.
 */
export enum NetworkDimension {
  ABOUT = 'ABOUT',
  REPORTED_BY = 'REPORTED_BY',
  CO_QUOTED = 'CO_QUOTED',
}

export const ALL_DIMENSIONS: readonly NetworkDimension[] = [NetworkDimension.ABOUT, NetworkDimension.REPORTED_BY, NetworkDimension.CO_QUOTED];
