/**
 * Relay cursor connections (https://relay.dev/graphql/connections.htm). Cursors are opaque
 * keyset positions over a stable, unique order, never offsets: a page asks for the rows
 * after the last row it saw, so inserts elsewhere never shift or repeat items.
 */
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors';

export const PAGE = { defaultSize: 20, maxSize: 100 } as const;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** `totalCount` is a getter so its count query runs only when a client asks for it. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

export function ConnectionType<T extends object>(itemName: string, Item: ClassType<T> | (() => ClassType<T>)) {
  const item = (): ClassType<T> => (Item.prototype === undefined ? (Item as () => ClassType<T>)() : (Item as ClassType<T>));

  @ObjectType(`${itemName}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque; pass it as `after` to get the items that follow this one.' })
    cursor!: string;

    @Field(item)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionBase {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All items that match, across every page.' })
    totalCount!: number;
  }
  return ConnectionBase;
}

/** `first` and `after`, the arguments of every connection; `defaultFirst` shows in the schema as the default. */
function connectionArgs(defaultFirst?: number) {
  @ArgsType()
  class Args {
    @Field(() => Int, { nullable: true, defaultValue: defaultFirst })
    first?: number;

    @Field(() => String, { nullable: true })
    after?: string;
  }
  return Args;
}

export const ConnectionArgs = connectionArgs();
export type ConnectionArgs = InstanceType<typeof ConnectionArgs>;
/** For a connection whose schema names its default page size. */
export const ConnectionArgsWithDefault = connectionArgs(PAGE.defaultSize);

/** Validates `first`: 0..PAGE.maxSize, PAGE.defaultSize when absent. */
export function pageSize(first: number | null | undefined, max: number = PAGE.maxSize): number {
  if (first === undefined || first === null) return Math.min(PAGE.defaultSize, max);
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badInput(`first must be a whole number from 0 to ${max}; received ${first}`, { argument: 'first' });
  }
  return first;
}

/** A position in an order: the sort value (or values) and the unique id that breaks ties. */
export type Position = readonly [string | number, string];

/** Printable ASCII without `"` and `\`: a string JSON writes as itself between quotes, one byte a character. */
const PLAIN = /^[ !#-[\]-~]*$/;

export function encodeCursor(kind: string, position: Position): string {
  const [key, id] = position;
  // Every edge of every page has a cursor: where the JSON of the parts is each part between
  // quotes, and its bytes are its characters, the text is put together without the JSON and
  // UTF-8 encoders (the same bytes, so the same cursor).
  if (typeof key === 'string' && PLAIN.test(kind) && PLAIN.test(key) && PLAIN.test(id)) {
    return Buffer.from(`["${kind}","${key}","${id}"]`, 'latin1').toString('base64url');
  }
  return Buffer.from(JSON.stringify([kind, key, id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` for the same kind of list, or throws BAD_USER_INPUT. */
export function decodeCursor(kind: string, cursor: string | null | undefined): Position | null {
  if (cursor === undefined || cursor === null) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 3 &&
    decoded[0] === kind &&
    (typeof decoded[1] === 'string' || typeof decoded[1] === 'number') &&
    typeof decoded[2] === 'string'
  ) {
    return [decoded[1], decoded[2]];
  }
  const shown = cursor.length > 40 ? `${cursor.slice(0, 37)}...` : cursor;
  throw badInput(`after must be a cursor from this list's edges (a ${kind} cursor); received ${JSON.stringify(shown)}`, {
    argument: 'after',
  });
}

/**
 * Builds a connection from rows fetched with `limit = first + 1`: the extra row only tells
 * whether there is a next page.
 */
export function toConnection<T>(
  kind: string,
  rows: readonly T[],
  first: number,
  position: (row: T) => Position,
  count: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(kind, position(node)) }));
  const last = edges[edges.length - 1];
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? last.cursor : null },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}
