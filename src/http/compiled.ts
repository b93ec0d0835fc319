/**
 * A prepared query executed by a function compiled for it (graphql-jit) instead of
 * graphql-js's interpreter, which for every field of the answer makes an info object, a path
 * and an argument map and checks for a promise: a page of 20 statements completes about 170
 * fields, and that work was the largest part of what a page cost our server beyond the
 * raw-Cypher floor (docs/bench-findings.md, "a prepared query executed by a compiled function").
 * The resolvers, the context, the limits and the response budget are the same; only the walk
 * over the selection is compiled.
 *
 * The answer must be the one graphql-js gives, errors included, since the fast path answers as
 * Apollo would (test/integration/prepared.test.ts compares the two byte for byte). graphql-jit
 * reports an error as an object of its own class, with the locations and path graphql-js
 * would give and the thrown error as its original, but without the extensions graphql-js
 * takes from that original; `located` remakes each as graphql-js's `locatedError` does. It
 * resolves a selection's fields in another order than graphql-js, so where the response budget
 * runs out, and with it the path of the one LIMIT_EXCEEDED a client gets, may differ (README,
 * "Prepared queries").
 */
import { defaultFieldResolver, GraphQLError, isObjectType, type DocumentNode, type ExecutionResult, type GraphQLSchema, type SourceLocation } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * graphql-jit reads a field without a resolver as a plain property, where graphql-js's default
 * resolver waits for a promise there. A connection's `totalCount` is a getter that starts its
 * count query when read and answers a promise (src/graph/connection.ts), so it is given
 * graphql-js's default resolver, which both executors then call; every other field without a
 * resolver holds a plain value. The schema is changed in place, as countStringBytes changes it.
 */
function countsAwaited(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const { edges, pageInfo, totalCount } = type.getFields();
    if (edges !== undefined && pageInfo !== undefined && totalCount !== undefined) totalCount.resolve ??= defaultFieldResolver;
  }
  return schema;
}

/** A document's operation compiled once; null when graphql-jit cannot compile it (then graphql-js executes it). */
export function compiledOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
  const compiled = compileQuery(countsAwaited(schema), document, operationName);
  return isCompiledQuery(compiled) ? compiled : null;
}

/**
 * The error graphql-js reports for what graphql-jit reported as `reported`: an error thrown
 * with a path of its own is passed on as it is; anything else gets the path of the field it
 * came from, its original's extensions and stack, and its original's own locations if it has
 * any, else the field's. An error graphql-jit made itself gets a plain Error as its original.
 */
function located(reported: GraphQLError): GraphQLError {
  // graphql-js states an error of its own (a null where none may be) as a plain Error it then locates.
  const original = reported.originalError ?? new Error(reported.message);
  if (original instanceof GraphQLError && Array.isArray(original.path)) return original;
  const own = original instanceof GraphQLError ? { nodes: original.nodes, source: original.source, positions: original.positions } : {};
  const error = new GraphQLError(reported.message, { ...own, path: reported.path, originalError: original });
  // graphql-jit computed these from the same field nodes graphql-js would locate the error at.
  if (error.locations === undefined) (error as { locations: readonly SourceLocation[] | undefined }).locations = reported.locations;
  return error;
}

/** Executes a compiled operation; its result carries errors as graphql-js's `execute` would. */
export async function executeCompiled(compiled: CompiledQuery, contextValue: unknown, variables: Record<string, unknown> | undefined): Promise<ExecutionResult> {
  const result = await compiled.query(undefined, contextValue, variables);
  return result.errors === undefined ? result : { ...result, errors: result.errors.map(located) };
}
