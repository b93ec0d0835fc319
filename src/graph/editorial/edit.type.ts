/**
 * The edit history: every write (ingest, correction, retraction, restoration, merge) is
 * recorded as an Edit node in the transaction that made it, linked to the nodes it changed.
 */
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../connection';

@ObjectType({ description: 'One changed field: its values before and after (ids for links; empty for none).' })
export class FieldChange {
  @Field()
  field!: string;

  @Field(() => [String])
  from!: string[];

  @Field(() => [String])
  to!: string[];
}

@ObjectType({ description: 'A recorded write: who made it, when, what it was, and why.' })
export class Edit {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'ISO date-time (UTC) of the write.' })
  at!: string;

  @Field({ description: 'The API key\'s name, or "cli:<os user>" for `npm run ingest`.' })
  who!: string;

  @Field({ description: 'ingest, correctStatement, retractArticle, restoreArticle or mergeEntities.' })
  action!: string;

  @Field(() => GraphQLJSON, { description: 'The arguments, without texts the graph already stores (an ingest lists its article and counts).' })
  arguments!: unknown;

  @Field(() => [FieldChange], { description: 'What changed, with the previous values: a correction\'s fields, a retraction\'s statements.' })
  changes!: FieldChange[];

  @Field(() => String, { nullable: true, description: 'Required for corrections, retractions, restorations and merges.' })
  reason!: string | null;
}

@ObjectType()
export class EditConnection extends ConnectionType('Edit', Edit) {}

@ObjectType({ description: 'Why and when an article (or a statement that lost all its evidence) was retracted.' })
export class Retraction {
  @Field()
  reason!: string;

  @Field({ description: 'ISO date-time (UTC).' })
  at!: string;
}

/** An Edit as its node stores it: arguments and changes as JSON text. */
export interface EditRow {
  readonly id: string;
  readonly at: string;
  readonly who: string;
  readonly action: string;
  readonly arguments: string;
  readonly changes: string;
  readonly reason: string | null;
}

/** What a write records: the repository turns it into an Edit node. */
export interface EditInput {
  readonly who: string;
  readonly action: string;
  readonly arguments: Record<string, unknown>;
  readonly changes: readonly FieldChange[];
  readonly reason: string | null;
  /** Every node the edit changed, by label kind. */
  readonly targets: { readonly statements?: readonly string[]; readonly articles?: readonly string[]; readonly entities?: readonly string[] };
}

export const toEdit = (row: EditRow): Edit => ({
  id: row.id,
  at: row.at,
  who: row.who,
  action: row.action,
  arguments: JSON.parse(row.arguments) as unknown,
  changes: JSON.parse(row.changes) as FieldChange[],
  reason: row.reason,
});
