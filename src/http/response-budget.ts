/**
 * The response size budget (MAX_RESPONSE_BYTES in SECURITY.md): the UTF-8 bytes of the
 * string values one response carries, counted as each string field resolves. Past the
 * budget, every further string field fails with the same LIMIT_EXCEEDED, so execution
 * winds down without building the rest, and the client gets that one error and no data.
 *
 * Counted while the result is built rather than priced up front: how large a string is,
 * only its stored value says (an article's text runs from a few hundred bytes to 200 000
 * characters, and a sentence from a line to a whole page), so a static price would either
 * refuse ordinary queries or let one of hundreds of megabytes through. Strings are what can grow: every
 * other value is small and already bounded by the cost limit (limits.ts).
 */
import { defaultFieldResolver, getNamedType, GraphQLError, GraphQLString, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { limitExceeded } from '../errors';

const SETTING = 'MAX_RESPONSE_BYTES';

/** One request's budget; made with the context, spent by the string fields of schemas `countStringBytes` has wrapped. */
export class ResponseBudget {
  private spent = 0;
  private error: GraphQLError | undefined;

  /** `max` bytes; Infinity counts nothing (a context made outside the HTTP server). */
  constructor(readonly max: number) {}

  get exceeded(): boolean {
    return this.error !== undefined;
  }

  /** Adds a resolved value's strings; throws LIMIT_EXCEEDED once the total passes `max`, and for every value after. */
  spend(value: unknown): void {
    if (this.max === Infinity) return;
    if (this.error === undefined) {
      this.spent += bytesOf(value);
      if (this.spent <= this.max) return;
      this.error = limitExceeded(
        `The response would carry more than ${this.max} bytes of text; the limit is ${this.max} (MAX_RESPONSE_BYTES), and the query was stopped. Ask for fewer items (first) or leave out long fields such as Article.text.`,
        SETTING,
        this.max,
      );
    }
    throw this.error;
  }
}

function bytesOf(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + bytesOf(item), 0);
  return 0;
}

/** A context that carries a budget: the resolvers' Context (src/context.ts). */
interface Budgeted {
  readonly responseBudget?: ResponseBudget;
}

const COUNTED = Symbol('counts response bytes');
type Counted = GraphQLFieldResolver<unknown, Budgeted> & { [COUNTED]?: true };

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Makes every String field of `schema` spend its value from the request's budget. The schema
 * is changed in place, once: a second call (a second server on the same schema) finds the
 * fields wrapped already.
 */
export function countStringBytes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type) !== GraphQLString || (field.resolve as Counted | undefined)?.[COUNTED]) continue;
      const resolve: GraphQLFieldResolver<unknown, Budgeted> = field.resolve ?? defaultFieldResolver;
      const counted: Counted = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        const budget = context?.responseBudget;
        if (budget === undefined) return value;
        if (!isPromise(value)) return spent(budget, value);
        return value.then((resolved) => spent(budget, resolved));
      };
      counted[COUNTED] = true;
      field.resolve = counted;
    }
  }
  return schema;
}

function spent(budget: ResponseBudget, value: unknown): unknown {
  budget.spend(value);
  return value;
}
