/**
 * A Cypher text with its parameters: what translation produces and the gateway runs.
 * User values only ever travel in `params`.
 */
export interface CypherQuery {
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** One record of an answer, by the names its RETURN gives. */
export type Row = Record<string, unknown>;

export function cypher(text: string, params: Record<string, unknown> = {}): CypherQuery {
  return { cypher: text, params };
}
