/**
 * The limits without a server or a database: their settings, and how page sizes and cost
 * are worked out from an operation and its variables.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, Kind, parse, print, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ConfigError, DEFAULT_LIMITS, DEFAULT_TIMEOUTS, loadConfig } from '../../src/config';
import { queryLimits, tokenLimitError, withPageSizes } from '../../src/http/limits';
import { appSchema } from '../../src/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await appSchema();
});

describe('settings', () => {
  it('default to the table in SECURITY.md', () => {
    const config = loadConfig({});
    expect({ limits: config.limits, timeouts: config.timeouts, introspection: config.introspection }).toEqual({
      limits: { maxDepth: 10, maxCost: 50_000, maxAliases: 15, maxDirectives: 20, maxTokens: 1_000, maxBodyBytes: 1_000_000, maxPageSize: 100, maxResponseBytes: 10_000_000 },
      timeouts: { requestMs: 15_000, transactionMs: 10_000, retryMs: 500, connectionMs: 2_000 },
      introspection: true,
    });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.timeouts).toEqual(DEFAULT_TIMEOUTS);
  });

  it('are read from the environment', () => {
    const config = loadConfig({
      MAX_DEPTH: '6',
      MAX_COST: '1000',
      MAX_ALIASES: '0',
      MAX_DIRECTIVES: '5',
      MAX_TOKENS: '500',
      MAX_BODY_BYTES: '20000',
      MAX_PAGE_SIZE: '50',
      MAX_RESPONSE_BYTES: '50000',
      REQUEST_TIMEOUT_MS: '5000',
      NEO4J_TRANSACTION_TIMEOUT_MS: '3000',
      NEO4J_MAX_RETRY_MS: '0',
      NEO4J_CONNECTION_TIMEOUT_MS: '1000',
      INTROSPECTION: 'false',
    });
    expect({ limits: config.limits, timeouts: config.timeouts, introspection: config.introspection }).toEqual({
      limits: { maxDepth: 6, maxCost: 1000, maxAliases: 0, maxDirectives: 5, maxTokens: 500, maxBodyBytes: 20_000, maxPageSize: 50, maxResponseBytes: 50_000 },
      timeouts: { requestMs: 5000, transactionMs: 3000, retryMs: 0, connectionMs: 1000 },
      introspection: false,
    });
  });

  it('refuse bad values, each by name with the value received', () => {
    let error: unknown;
    try {
      loadConfig({ MAX_PAGE_SIZE: '101', REQUEST_TIMEOUT_MS: '15s', MAX_DEPTH: '0', INTROSPECTION: 'off' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'INTROSPECTION must be true or false; received "off"',
      'MAX_DEPTH must be a whole number from 1 to 100; received "0"',
      'MAX_PAGE_SIZE must be a whole number from 1 to 100; received "101"',
      'REQUEST_TIMEOUT_MS must be a whole number from 100 to 600000; received "15s"',
    ]);
  });
});

describe('page sizes', () => {
  const sized = (query: string, variables: Record<string, unknown> = {}, max = 100): string => {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return print(withPageSizes(schema, document, operation as OperationDefinitionNode, variables, max)).replace(/\s+/g, ' ');
  };

  it('become literals: a variable’s value, its default, the field’s default, or 20', () => {
    const query = 'query($a: Int, $b: Int = 7, $c: Int) { people(first: $a) { totalCount } places(first: $b) { totalCount } statements(first: $c) { totalCount } events { totalCount } }';
    expect(sized(query, { a: 3 })).toBe(
      'query ($a: Int, $b: Int = 7, $c: Int) { people(first: 3) { totalCount } places(first: 7) { totalCount } statements(first: 20) { totalCount } events(first: 20) { totalCount } }',
    );
    expect(sized(query, { a: null, b: 0 })).toContain('people(first: 20) { totalCount } places(first: 0)');
  });

  it('reach into fragments', () => {
    expect(sized('query($n: Int) { people { ...P } } fragment P on PersonConnection { edges { node { statements(first: $n) { totalCount } } } }', { n: 5 })).toContain(
      'fragment P on PersonConnection { edges { node { statements(first: 5) { totalCount } } } }',
    );
  });

  it('over the maximum or below 0 are refused as the resolvers refuse them', () => {
    const refusal = (query: string, variables: Record<string, unknown>, max?: number) => {
      try {
        sized(query, variables, max);
        return null;
      } catch (error) {
        return error instanceof GraphQLError ? { message: error.message, extensions: error.extensions } : error;
      }
    };
    expect(refusal('query($n: Int) { people(first: $n) { totalCount } }', { n: 101 })).toEqual({
      message: 'first must be a whole number from 0 to 100; received 101',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    expect(refusal('{ people(first: 51) { totalCount } }', {}, 50)).toMatchObject({ message: 'first must be a whole number from 0 to 50; received 51' });
    expect(refusal('{ people(first: -1) { totalCount } }', {})).toMatchObject({ message: 'first must be a whole number from 0 to 100; received -1' });
    // Not an Int at all: GraphQL's own coercion answers that one.
    expect(refusal('query($n: Int) { people(first: $n) { totalCount } }', { n: 'ten' })).toBeNull();
    // Lists that are not connections keep their own bounds (timeline: up to 200).
    expect(refusal('{ timeline(first: 150) { dateText } }', {})).toBeNull();
    expect(sized('{ timeline { dateText } }')).toBe('{ timeline(first: 50) { dateText } }');
  });
});

describe('cost', () => {
  const { cost } = queryLimits({ ...DEFAULT_LIMITS, maxCost: Number.MAX_SAFE_INTEGER });

  it('is the same whether `first` is a literal or a variable', () => {
    const literal = cost(schema, parse('{ people(first: 30) { edges { node { statements(first: 10) { edges { node { id } } } } } } }'));
    const variables = cost(schema, parse('query($p: Int, $s: Int) { people(first: $p) { edges { node { statements(first: $s) { edges { node { id } } } } } } }'), { p: 30, s: 10 });
    expect(literal).toBe(variables);
    expect(literal).toBeGreaterThan(10 * cost(schema, parse('{ people(first: 30) { edges { node { id } } } }')));
  });

  it('grows with each page size', () => {
    const at = (n: number) => cost(schema, parse('query($n: Int) { statements(first: $n) { edges { node { id text } } } }'), { n });
    // Proportional to the page size (armor's fractional cost is rounded for the message).
    expect(at(2) / at(1)).toBeCloseTo(2, 0);
    expect(at(100) / at(1)).toBeCloseTo(100, -1);
  });

  it('is refused over MAX_COST with LIMIT_EXCEEDED, naming the setting and the cost', () => {
    const small = queryLimits({ ...DEFAULT_LIMITS, maxCost: 100 });
    const query = parse('{ statements(first: 50) { edges { node { id text } } } }');
    let error: unknown;
    try {
      small.cost(schema, query);
    } catch (e) {
      error = e;
    }
    const expected = cost(schema, query);
    expect(error).toBeInstanceOf(GraphQLError);
    expect({ message: (error as GraphQLError).message, extensions: (error as GraphQLError).extensions }).toEqual({
      message: `The query's estimated cost is ${expected}; the limit is 100 (MAX_COST). Ask for smaller pages (first) or fewer nested lists.`,
      extensions: { code: 'LIMIT_EXCEEDED', limit: 'MAX_COST', max: 100, received: expected, http: { status: 400 } },
    });
  });
});

describe('the token limit error', () => {
  it('restates graphql-js’s parser error (either spelling) as LIMIT_EXCEEDED', () => {
    for (const message of ['Syntax Error: Document contains more that 1000 tokens. Parsing aborted.', 'Syntax Error: Document contains more than 1000 tokens. Parsing aborted.']) {
      const error = tokenLimitError({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      expect({ message: error?.message, code: error?.extensions.code, limit: error?.extensions.limit }).toEqual({
        message: 'The query has more than 1000 tokens; the limit is 1000 (MAX_TOKENS). Pass long values as variables, or split the query.',
        code: 'LIMIT_EXCEEDED',
        limit: 'MAX_TOKENS',
      });
    }
    expect(tokenLimitError({ message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } })).toBeNull();
  });
});

describe('.env.example', () => {
  it('documents every variable the configuration reads', () => {
    const read = new Set<string>();
    const env = new Proxy({} as NodeJS.ProcessEnv, {
      get: (_target, name) => {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    });
    loadConfig(env);
    const documented = new Set([...readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
    expect(read.size).toBeGreaterThan(20);
  });
});
