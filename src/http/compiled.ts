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
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  visit,
  BREAK,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Schemas whose connections' counts are already given the default resolver: the walk over every type is done once, not at each compile. */
const awaitingCounts = new WeakSet<GraphQLSchema>();

/**
 * graphql-jit reads a field without a resolver as a plain property, where graphql-js's default
 * resolver waits for a promise there. A connection's `totalCount` is a getter that starts its
 * count query when read and answers a promise (src/graph/connection.ts), so it is given
 * graphql-js's default resolver, which both executors then call; every other field without a
 * resolver holds a plain value. The schema is changed in place, as countStringBytes changes it.
 */
function countsAwaited(schema: GraphQLSchema): GraphQLSchema {
  if (awaitingCounts.has(schema)) return schema;
  awaitingCounts.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const { edges, pageInfo, totalCount } = type.getFields();
    if (edges !== undefined && pageInfo !== undefined && totalCount !== undefined) totalCount.resolve ??= defaultFieldResolver;
  }
  return schema;
}

/**
 * Whether a document holds what graphql-jit must not be given: a string literal, which it
 * writes into the code it generates through a serializer that a crafted string escapes (a
 * public marker turns the rest of the string into code), or a directive, since it decides
 * `@skip`/`@include` when compiling and writes that decision onto the document's shared nodes.
 * Such a document is executed by graphql-js, as every query was before.
 */
function holdsUnsafeNodes(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue() {
      found = true;
      return BREAK;
    },
    Directive() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Whether a field of an interface or union type is selected inside another such field:
 * graphql-jit compiles an abstract field's whole selection once per possible type, so each
 * nested level multiplies the code it writes (an Entity has five types), and the compile runs
 * synchronously, out of the request deadline's reach. Each fragment is walked once per
 * context (memo), so the walk stays linear in the document.
 */
function nestsAbstractFields(schema: GraphQLSchema, document: DocumentNode, rootType: GraphQLNamedType): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const memo = new Map<string, boolean>();

  const nests = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, insideAbstract: boolean): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (field === undefined || selection.selectionSet === undefined) return false;
        const type = getNamedType(field.type);
        const abstract = isAbstractType(type);
        return (abstract && insideAbstract) || nests(selection.selectionSet, type, insideAbstract || abstract);
      }
      const condition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : fragments.get(selection.name.value)?.typeCondition;
      const type = condition === undefined ? parent : schema.getType(condition.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return nests(selection.selectionSet, type, insideAbstract);
      const key = `${selection.name.value}\n${String(insideAbstract)}`;
      let answer = memo.get(key);
      if (answer === undefined) {
        memo.set(key, false);
        const fragment = fragments.get(selection.name.value);
        answer = fragment !== undefined && nests(fragment.selectionSet, type, insideAbstract);
        memo.set(key, answer);
      }
      return answer;
    });

  return document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && nests(definition.selectionSet, rootType, false));
}

/**
 * A document's operation compiled once; null when graphql-js should execute it instead: graphql-jit
 * cannot compile it, or the document is one it must not be given (above). It compiles a copy
 * parsed again from the same text, so its marks never reach the document Apollo keeps, and its
 * errors carry the locations of the text the client sent.
 */
export function compiledOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
  const query = schema.getQueryType();
  const source = document.loc?.source;
  if (query === null || query === undefined || source === undefined) return null;
  if (holdsUnsafeNodes(document) || nestsAbstractFields(schema, document, query)) return null;
  const compiled = compileQuery(countsAwaited(schema), parse(source), operationName);
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

/** A compiled operation's result with its errors as graphql-js's `execute` would give them. */
function locatedErrors(result: ExecutionResult): ExecutionResult {
  return result.errors === undefined ? result : { ...result, errors: result.errors.map(located) };
}

/**
 * Executes a compiled operation, its result carrying errors as graphql-js's `execute` would;
 * or gives undefined, with no resolver run, when graphql-jit's own coercion
 * refuses the variables (it answers at once, with their errors and no data): Apollo then
 * answers instead. graphql-jit accepts some values graphql-js refuses, so the caller checks the
 * variables with graphql-js first; this is the fallback for the values it refuses on its own.
 */
export function startCompiled(compiled: CompiledQuery, contextValue: unknown, variables: Record<string, unknown> | undefined): Promise<ExecutionResult> | undefined {
  const started = compiled.query(undefined, contextValue, variables);
  if (!(started instanceof Promise)) return 'data' in started ? Promise.resolve(locatedErrors(started)) : undefined;
  return started.then(locatedErrors);
}
