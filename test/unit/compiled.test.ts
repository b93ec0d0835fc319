/**
 * The compiled executor of prepared queries (src/http/compiled.ts) against graphql-js's
 * `execute` on a schema of its own: the same data, and errors alike in message, locations,
 * path, extensions and original error, whether a resolver throws a GraphQLError, a located one or a
 * plain Error, or a non-null field comes back null; and a connection's promised totalCount
 * (a getter, as src/graph/connection.ts makes it) is waited for.
 */
import { buildSchema, execute, GraphQLError, parse, type ExecutionResult } from 'graphql';
import { compiledOperation, executeCompiled } from '../../src/http/compiled';

const schema = buildSchema(`
  type Query { item(id: ID!): Item  items: ItemConnection!  required: Item! }
  type Item { id: ID! name: String! label: String! }
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
  return {
    interpreted: seen(await execute({ schema, document, variableValues: variables })),
    compiled: seen(await executeCompiled(compiled, undefined, variables)),
  };
}

describe('the compiled executor of prepared queries', () => {
  it('answers what graphql-js answers', async () => {
    const { interpreted, compiled } = await both('query Q($id: ID!) { item(id: $id) { id name } other: item(id: "2") { label } }', { id: '1' });
    expect(compiled).toEqual(interpreted);
    expect(interpreted).toEqual({ data: { item: { id: '1', name: 'Item 1' }, other: { label: 'x' } }, errors: undefined });
  });

  it('waits for a connection totalCount that a getter promises', async () => {
    const { interpreted, compiled } = await both('{ items { totalCount edges { cursor node { id } } pageInfo { hasNextPage } } }');
    expect(compiled).toEqual(interpreted);
    expect(compiled).toMatchObject({ data: { items: { totalCount: 42 } } });
  });

  it.each([
    ['a thrown GraphQLError, with its extensions', '{ item(id: "bad") { id } }'],
    ['a GraphQLError thrown with a path of its own', '{ item(id: "located") { id } }'],
    ['a rejected promise of a plain Error', '{ a: item(id: "1") { id } b: item(id: "broken") { id } }'],
    ['a non-null field that came back null', '{ item(id: "nameless") { id name } }'],
    ['a non-null root field that came back null', '{ required { id } }'],
  ])('reports %s as graphql-js does', async (_case, query) => {
    const { interpreted, compiled } = await both(query);
    expect(compiled).toEqual(interpreted);
    expect((interpreted as { errors?: unknown[] }).errors).toHaveLength(1);
  });
});
