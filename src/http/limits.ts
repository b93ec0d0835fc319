/**
 * The query-shape limits of SECURITY.md, all checked before any resolver runs, so a query
 * over a limit costs no round trip to Neo4j:
 *
 * - tokens: graphql-js's own parser limit (`parseOptions.maxTokens`). graphql-armor's
 *   max-tokens plugin throws from Apollo's parsingDidStart hook, which Apollo Server 5
 *   answers as an unexpected error (HTTP 500, no request log), so it is not used.
 * - depth, aliases, directives: graphql-armor validation rules, with fragments flattened
 *   (a fragment is not a level) and our own rejection handler, so the client gets one
 *   LIMIT_EXCEEDED error that names the setting instead of armor's "Syntax Error: ...".
 * - page size and cost: once the operation and its variables are known. graphql-armor's
 *   cost rule multiplies a list's cost by its `first` only when `first` is a literal, so
 *   `first: $n` or an omitted `first` would cost 1; here every `first` is first replaced by
 *   the page size it will really have (the variable's value, or the field's default), then
 *   checked against MAX_PAGE_SIZE, then armor's cost rule runs on that document.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  getNamedType,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import type { Limits } from '../config';
import type { ResponseBudget } from './response-budget';
import { ErrorCode, limitExceeded } from '../errors';
import { PAGE, pageSize } from '../graph/connection';

/** How each armor rule's rejection is told to the client. */
const ARMOR_LIMITS = {
  maxDepth: {
    setting: 'MAX_DEPTH',
    message: (found: number | undefined, max: number) =>
      `The query nests fields ${found ?? 'more than ' + max} levels deep; the limit is ${max} (MAX_DEPTH). Ask for fewer nested levels, or split the query.`,
  },
  maxAliases: {
    setting: 'MAX_ALIASES',
    message: (found: number | undefined, max: number) =>
      `The query uses ${found ?? 'more than ' + max} aliases; the limit is ${max} (MAX_ALIASES). Split the query, or use a list field with a filter.`,
  },
  maxDirectives: {
    setting: 'MAX_DIRECTIVES',
    message: (found: number | undefined, max: number) =>
      `The query uses ${found ?? 'more than ' + max} directives; the limit is ${max} (MAX_DIRECTIVES).`,
  },
  maxCost: {
    setting: 'MAX_COST',
    message: (found: number | undefined, max: number) =>
      `The query's estimated cost is ${found ?? 'more than ' + max}; the limit is ${max} (MAX_COST). Ask for smaller pages (first) or fewer nested lists.`,
  },
} as const;

/** armor's messages end "... exceeded, found N."; the count is all we take from them. */
function found(error: GraphQLError): number | undefined {
  const match = /found (\d+(?:\.\d+)?)/.exec(error.message);
  return match ? Math.round(Number(match[1])) : undefined;
}

function rejectAs(limit: keyof typeof ARMOR_LIMITS, max: number, costs?: WeakMap<DocumentNode, number>) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const received = found(error);
    if (context && received !== undefined) costs?.set(context.getDocument(), received);
    const { setting, message } = ARMOR_LIMITS[limit];
    context?.reportError(limitExceeded(message(received, max), setting, max, received));
  };
}

/** armor's cost model; objectCost and scalarCost are its defaults, written out to be pinned. */
const COST_MODEL = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, flattenFragments: true, ignoreIntrospection: true } as const;

const OFF = { enabled: false } as const;

export interface QueryLimits<TContext extends object = object> {
  readonly parseOptions: { readonly maxTokens: number };
  readonly validationRules: ValidationRule[];
  readonly plugin: ApolloServerPlugin<TContext>;
  /**
   * The operation's cost with these variables, or the limit's GraphQLError thrown: what the
   * plugin checks, remembered per operation and page sizes. The fast path (fast-path.ts) asks too.
   */
  verdict(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number;
  /** A response's errors as the client gets them: a query over a limit gets only the limit's errors, one per limit (format-error.ts applies it). */
  finalErrors<E extends { readonly extensions?: { readonly code?: unknown } }>(errors: E[]): E[];
  /** A response's data as the client gets it: none once the response budget stopped the query (response-budget.ts). */
  finalData<D>(data: D, context: Budgeted): D | null;
  /** The estimated cost of an operation with its variables (for tests and logs). */
  cost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string): number;
}

/**
 * @param onCost receives each executed operation's estimated cost and its context, for the request log.
 */
/** A context that may carry the request's response budget (src/context.ts). */
interface Budgeted {
  readonly responseBudget?: ResponseBudget;
}

const finalData = <D>(data: D, context: Budgeted): D | null => (context.responseBudget?.exceeded ? null : data);

export function queryLimits<TContext extends Budgeted = Budgeted>(
  limits: Limits,
  onCost: (cost: number, context: TContext) => void = () => undefined,
): QueryLimits<TContext> {
  const validationRules = shapeRules(limits);
  const check = costCheck(limits);
  const verdict = rememberedVerdicts(check);
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules,
    plugin: costPlugin(verdict, onCost),
    verdict,
    finalErrors,
    finalData,
    cost(schema, document, variables = {}, operationName) {
      return check(schema, document, operationNamed(document, operationName), variables);
    },
  };
}

type Check = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) => number;

/** Depth, aliases and directives: the limits a document's shape alone decides. */
function shapeRules(limits: Limits): ValidationRule[] {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, propagateOnRejection: false, onReject: [rejectAs('maxDepth', limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [rejectAs('maxAliases', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [rejectAs('maxDirectives', limits.maxDirectives)] },
    costLimit: OFF,
    maxTokens: OFF,
    blockFieldSuggestion: OFF,
  }).protect().validationRules;
}

/** Throws the first limit error (BAD_USER_INPUT for `first`, LIMIT_EXCEEDED for cost), as a 400. */
function costCheck(limits: Limits): Check {
  const costs = new WeakMap<DocumentNode, number>();
  const costRules = new ApolloArmor({
    costLimit: {
      maxCost: limits.maxCost,
      ...COST_MODEL,
      propagateOnRejection: false,
      onAccept: [(context, details: { n: number }) => context && costs.set(context.getDocument(), Math.round(details.n))],
      onReject: [rejectAs('maxCost', limits.maxCost, costs)],
    },
    maxDepth: OFF,
    maxAliases: OFF,
    maxDirectives: OFF,
    maxTokens: OFF,
    blockFieldSuggestion: OFF,
  }).protect().validationRules;

  return (schema, document, operation, variables) => {
    let sized: DocumentNode;
    try {
      sized = withPageSizes(schema, document, operation, variables, limits.maxPageSize);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
    }
    const [error] = validate(schema, sized, costRules);
    if (error) throw error;
    return costs.get(sized) ?? 0;
  };
}

/**
 * The verdict per operation and the values of its Int and Boolean variables (page sizes,
 * @include/@skip): the only variables a size or cost depends on, as ids and cursors do
 * not. Apollo hands the same parsed document to every request with the same text, so a
 * dashboard asking the same question again costs a lookup instead of two walks of the
 * document. A few hundred variants per operation at most are kept.
 */
function rememberedVerdicts(check: Check): Check {
  const verdicts = new WeakMap<OperationDefinitionNode, Map<string, number | GraphQLError>>();
  // Which variables those are is the operation's, found once rather than on every request.
  const sizingNames = new WeakMap<OperationDefinitionNode, readonly string[]>();
  return (schema, document, operation, variables) => {
    let names = sizingNames.get(operation);
    if (names === undefined) {
      names = (operation.variableDefinitions ?? []).filter((d) => ['Int', 'Boolean'].includes(namedTypeOf(d.type))).map((d) => d.variable.name.value);
      sizingNames.set(operation, names);
    }
    const key = JSON.stringify(names.map((name) => variables[name] ?? null));
    let known = verdicts.get(operation);
    if (known === undefined) verdicts.set(operation, (known = new Map()));
    let verdict = known.get(key);
    if (verdict === undefined) {
      verdict = verdictOf(check, schema, document, operation, variables);
      if (known.size >= 256) known.clear();
      known.set(key, verdict);
    }
    if (verdict instanceof GraphQLError) throw verdict;
    return verdict;
  };
}

/** The cost, or the limit's error as a value so it can be remembered like a cost. */
function verdictOf(check: Check, ...args: Parameters<Check>): number | GraphQLError {
  try {
    return check(...args);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return error;
  }
}

function costPlugin<TContext extends Budgeted>(verdict: Check, onCost: (cost: number, context: TContext) => void): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          onCost(verdict(schema, document, operation, request.variables ?? {}), contextValue);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') response.body.singleResult.data = finalData(response.body.singleResult.data, contextValue);
        },
      };
    },
  };
}

/**
 * A query over a limit gets only the limit's error, not every other complaint about it
 * (50 repeated @include would add 49 "can only be used once"), and only once: past the
 * response budget, every string field still to resolve fails with the same error.
 */
function finalErrors<E extends { readonly extensions?: { readonly code?: unknown; readonly limit?: unknown } }>(errors: E[]): E[] {
  const limited = errors.filter((e) => e.extensions?.code === ErrorCode.LIMIT_EXCEEDED);
  if (limited.length === 0) return errors;
  const once = limited.filter((e, i) => limited.findIndex((f) => f.extensions?.limit === e.extensions?.limit) === i);
  return once.length < errors.length ? once : errors;
}

/** The named operation of a document, or its first when no name is given. */
function operationNamed(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName === undefined ? operations[0] : operations.find((o) => o.name?.value === operationName);
  if (!operation) throw new Error(`no operation ${operationName ?? ''} in the document`);
  return operation;
}

// graphql 16.12 says "more that"; either spelling is accepted.
const TOO_MANY_TOKENS = /Document contains more th(?:an|at) (\d+) tokens/;

/** graphql-js's parser error for MAX_TOKENS, restated as the limit error; null for other errors. */
export function tokenLimitError(formatted: GraphQLFormattedError): GraphQLError | null {
  const match = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (!match) return null;
  const max = Number(match[1]);
  return limitExceeded(
    `The query has more than ${max} tokens; the limit is ${max} (MAX_TOKENS). Pass long values as variables, or split the query.`,
    'MAX_TOKENS',
    max,
  );
}

/** `Int` for `Int!`, `[Int]`...: the name a variable's type comes down to. */
function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/** A Relay connection (`<Item>Connection`: edges, pageInfo, totalCount), as src/graph/connection.ts makes them. */
function isConnection(typeInfo: TypeInfo): boolean {
  const type = typeInfo.getType();
  return type ? (getNamedType(type)?.name.endsWith('Connection') ?? false) : false;
}

/**
 * The operation (and the fragments it may use) with every `first` argument set to the page
 * size the field will really use. On connections it is checked against `maxPageSize` as the
 * resolvers check it (src/graph/connection.ts `pageSize`), so the message is the same.
 */
export function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): DocumentNode {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const valueOf = (node: ValueNode | undefined): unknown => {
    if (node === undefined) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.NULL) return null;
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      return Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : valueOf(defaults.get(name));
    }
    return node; // not an Int: GraphQL's own validation or coercion refuses it
  };

  const typeInfo = new TypeInfo(schema);
  const scoped: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
  return visit(
    scoped,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode): FieldNode | undefined {
        const argument = typeInfo.getFieldDef()?.args.find((a) => a.name === 'first');
        if (!argument) return undefined;
        const given = node.arguments?.find((a) => a.name.value === 'first');
        let size = given ? valueOf(given.value) : argument.defaultValue;
        if (size === undefined) size = argument.defaultValue;
        if (size === null || size === undefined) size = PAGE.defaultSize;
        if (typeof size !== 'number' || !Number.isInteger(size)) size = PAGE.defaultSize;
        // Only connections page with `pageSize`; search, paths and timeline keep their own bounds.
        else if (isConnection(typeInfo)) size = pageSize(size, maxPageSize);
        const first: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(size) } };
        return { ...node, arguments: [...(node.arguments ?? []).filter((a) => a.name.value !== 'first'), first] };
      },
    }),
  );
}
