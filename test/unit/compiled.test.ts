/**
 * The compiled executor of prepared queries (src/http/compiled.ts) against graphql-js's
 * `execute` on a schema of its own: the same data, and errors alike in message, locations,
 * path, extensions and original error, whether a resolver throws a GraphQLError, a located one or a
 * plain Error, or a non-null field comes back null; and a connection's promised totalCount
 * (a getter, as src/graph/connection.ts makes it) is waited for.
 */
import { buildSchema, execute, GraphQLError, parse, type ExecutionResult } from 'graphql';
import { compiledOperation, startCompiled } from '../../src/http/compiled';

const schema = buildSchema(`
  type Query { item(id: ID!): Item  items: ItemConnection!  required: Item!  thing(id: ID!): Thing }
  type Item { id: ID! name: String! label: String! }
  interface Thing { id: ID! related: [Thing!]! }
  type Gadget implements Thing { id: ID! related: [Thing!]! }
  type Widget implements Thing { id: ID! related: [Thing!]! }
  type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type ItemEdge { cursor: String! node: Item! }
  type PageInfo { hasNextPage: Boolean! }
`);

/** Root fields with resolvers of their own, as every root field of the API has. */
function withResolvers(resolvers: Record<string, (args: Record<string, unknown>) => unknown>): typeof schema {
  const fields = schema.getQueryType()?.getFields() ?? {};
  for (const [name, resolve] of Object.entries(resolvers)) (fields[name] as { resolve?: unknown }).resolve = (_root: unknown, args: Record<string, unknown>) => resolve(args);
  return schema;
}

const badInput = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument: 'id' } });

withResolvers({
  item: ({ id }) => {
    if (id === 'bad') throw badInput(`id must be an item id; received "${id}"`);
    if (id === 'located') throw new GraphQLError('already located', { path: ['elsewhere'], extensions: { code: 'NOT_FOUND' } });
    if (id === 'broken') return Promise.reject(new Error('the database said no'));
    if (id === 'nameless') return { id, name: null, label: 'x' };
    return { id, name: `Item ${id}`, label: 'x' };
  },
  items: () => {
    let counted = 0;
    return {
      edges: [{ cursor: 'c1', node: { id: '1', name: 'one', label: 'x' } }],
      pageInfo: { hasNextPage: false },
      get totalCount() {
        counted += 1;
        return Promise.resolve(41 + counted);
      },
    };
  },
  required: () => null,
});

/** What a client or the log could see of a result. */
function seen(result: ExecutionResult): unknown {
  return {
    data: result.data,
    // A stack's first line names the error; its frames are the executor's own, which differ.
    errors: result.errors?.map((e) => ({ json: e.toJSON(), extensions: e.extensions, stack: e.stack?.split('\n')[0], original: e.originalError, isGraphQLError: e instanceof GraphQLError })),
  };
}

async function both(query: string, variables?: Record<string, unknown>): Promise<{ interpreted: unknown; compiled: unknown }> {
  const document = parse(query);
  const compiled = compiledOperation(schema, document, undefined);
  if (compiled === null) throw new Error('graphql-jit could not compile the query');
  const started = startCompiled(compiled, undefined, variables);
  if (started === undefined) throw new Error('graphql-jit refused the variables');
  return {
    interpreted: seen(await execute({ schema, document, variableValues: variables })),
    compiled: seen(await started),
  };
}

describe('the compiled executor of prepared queries', () => {
  it('answers what graphql-js answers', async () => {
    const { interpreted, compiled } = await both('query Q($id: ID!, $other: ID!) { item(id: $id) { id name } other: item(id: $other) { label } }', { id: '1', other: '2' });
    expect(compiled).toEqual(interpreted);
    expect(interpreted).toEqual({ data: { item: { id: '1', name: 'Item 1' }, other: { label: 'x' } }, errors: undefined });
  });

  it('waits for a connection totalCount that a getter promises', async () => {
    const { interpreted, compiled } = await both('{ items { totalCount edges { cursor node { id } } pageInfo { hasNextPage } } }');
    expect(compiled).toEqual(interpreted);
    expect(compiled).toMatchObject({ data: { items: { totalCount: 42 } } });
  });

  it.each([
    ['a thrown GraphQLError, with its extensions', 'query Q($id: ID!) { item(id: $id) { id } }', { id: 'bad' }],
    ['a GraphQLError thrown with a path of its own', 'query Q($id: ID!) { item(id: $id) { id } }', { id: 'located' }],
    ['a rejected promise of a plain Error', 'query Q($a: ID!, $b: ID!) { a: item(id: $a) { id } b: item(id: $b) { id } }', { a: '1', b: 'broken' }],
    ['a non-null field that came back null', 'query Q($id: ID!) { item(id: $id) { id name } }', { id: 'nameless' }],
    ['a non-null root field that came back null', '{ required { id } }', undefined],
  ])('reports %s as graphql-js does', async (_case, query, variables) => {
    const { interpreted, compiled } = await both(query, variables);
    expect(compiled).toEqual(interpreted);
    expect((interpreted as { errors?: unknown[] }).errors).toHaveLength(1);
  });

  // A string literal reaches graphql-jit's generated code through a serializer that this public marker escapes.
  const MARKER = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';

  it.each([
    ['a string literal (which graphql-jit would write into its code)', `{ item(id: "${MARKER}0+(globalThis.compiledTestRan=1,0)") { id } }`],
    ['a string literal in a variable default', 'query Q($id: ID! = "1") { item(id: $id) { id } }'],
    ['@skip (decided at compile time, on shared nodes)', 'query Q($s: Boolean!) { item(id: 1) { ...F @skip(if: $s) ...F } } fragment F on Item { name }'],
    ['@include', 'query Q($s: Boolean!) { item(id: 1) { name @include(if: $s) } }'],
    ['an abstract field inside another (compiled once per possible type, per level)', '{ thing(id: 1) { related { id } } }'],
    ['an abstract field inside another through a fragment', '{ thing(id: 1) { ...R } } fragment R on Thing { ... on Gadget { related { id } } }'],
  ])('leaves a document with %s to graphql-js', async (_case, query) => {
    const compiled = compiledOperation(schema, parse(query), undefined);
    // Run, were it compiled, so that the marker's code would have had its chance.
    if (compiled !== null) await startCompiled(compiled, undefined, { s: true });
    expect(compiled).toBeNull();
    expect((globalThis as { compiledTestRan?: unknown }).compiledTestRan).toBeUndefined();
  });

  it('compiles one abstract level, from a copy that leaves the document as it was', () => {
    const document = parse('query Q($id: ID!) { thing(id: $id) { id ...G } item(id: $id) { ...F } } fragment F on Item { name } fragment G on Gadget { id }');
    const before = JSON.stringify(document);
    expect(compiledOperation(schema, document, 'Q')).not.toBeNull();
    expect(JSON.stringify(document)).toBe(before);
  });
});
