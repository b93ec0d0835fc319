import { readFileSync } from 'node:fs';
import { isAbstractType, type GraphQLFieldMap, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { argsConverterOf, converterOf, convertEach, type Convert } from '../../src/input-instances';
import { appSchema, printSchemaFile } from '../../src/schema';

type ParamMetadata = NonNullable<ReturnType<typeof getMetadataStorage>['queries'][number]['params']>[number];

describe('schema/schema.graphql', () => {
  it('is exactly what the code generates (run `npm run schema:emit` after changing types)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(printSchemaFile(await appSchema())).toBe(committed);
  });
});

describe('interface type resolution', () => {
  it('answers every abstract type from __typename at once, not through a promise', async () => {
    const schema = await appSchema();
    const abstract = Object.values(schema.getTypeMap()).filter(isAbstractType);
    expect(abstract.map((type) => type.name).sort()).toEqual(['Entity', 'Node']);
    for (const type of abstract) {
      const info = {} as GraphQLResolveInfo;
      expect(type.resolveType?.({ __typename: 'Person', id: 'person:x' }, {}, info, type)).toBe('Person');
      expect(type.resolveType?.({ id: 'person:x' }, {}, info, type)).toBeUndefined();
    }
  });
});

describe('plain fields', () => {
  it('are read by graphql-js itself; fields with a resolver of their own keep it', async () => {
    const schema = await appSchema();
    const fields = (type: string): GraphQLFieldMap<unknown, unknown> => (schema.getType(type) as GraphQLObjectType).getFields();
    // Int and ID fields carry no response-budget wrapper (String fields do), so a plain one has no resolver at all.
    for (const [type, field] of [['AttributionBucket', 'count'], ['AttributionBucket', 'id'], ['Statement', 'id'], ['Person', 'id'], ['Evidence', 'start'], ['PageInfo', 'hasNextPage']] as const) {
      expect([type, field, fields(type)[field]?.resolve]).toEqual([type, field, undefined]);
    }
    for (const [type, field] of [['Statement', 'speaker'], ['Statement', 'evidence'], ['Evidence', 'article'], ['Query', 'attribution']] as const) {
      expect([type, field, typeof fields(type)[field]?.resolve]).toEqual([type, field, 'function']);
    }
  });
});

describe('resolvers called directly (src/direct-resolvers.ts)', () => {
  const info = {} as GraphQLResolveInfo;

  it('answer a field with a scalar argument at once, not through a promise of type-graphql', async () => {
    const schema = await appSchema();
    const statement = (schema.getType('Query') as GraphQLObjectType).getFields().statement;
    // type-graphql's resolver would answer a promise, rejected later; called directly, the method's own error is thrown here.
    expect(() => statement?.resolve?.(undefined, { id: 'not-an-id' }, {}, info)).toThrow('id must be a Statement id');
  });

  it('cover the fields of a page and a lookup, roots typed as interfaces included; mutations keep type-graphql', async () => {
    const schema = await appSchema();
    const kept = (type: string): string[] => fieldsKeptByTypeGraphql(schema.getType(type) as GraphQLObjectType);
    // Evidence.article and Role.former take their root as Readonly<...>: a root typed as the class is copied by type-graphql.
    expect([kept('Evidence'), kept('Role'), kept('Statement').filter((f) => ['speaker', 'evidence', 'about', 'reportedBy'].includes(f))]).toEqual([[], [], []]);
    expect(kept('Mutation')).toEqual(['correctStatement', 'ingestArticle', 'mergeEntities', 'restoreArticle', 'retractArticle']);
  });

  it('cover the fields a factory declares on a base class of a schema resolver (person(id), organizations, Policy.precededBy)', async () => {
    const schema = await appSchema();
    const kept = (type: string): string[] => fieldsKeptByTypeGraphql(schema.getType(type) as GraphQLObjectType);
    expect([kept('Query'), kept('Policy'), kept('Event')]).toEqual([[], [], []]);
    const person = (schema.getType('Query') as GraphQLObjectType).getFields().person;
    await expect(person?.resolve?.(undefined, { id: 'not-an-id' }, {}, info)).rejects.toThrow('id must be a Person id');
  });
});

/** The fields whose resolver is still type-graphql's, by the shape of its wrapper (a resolver data object made per call). */
function fieldsKeptByTypeGraphql(type: GraphQLObjectType): string[] {
  return Object.entries(type.getFields())
    .filter(([, field]) => field.resolve !== undefined && /resolverData/.test(String(field.resolve)))
    .map(([name]) => name)
    .sort();
}

describe('arguments made into instances once planned (src/input-instances.ts)', () => {
  // type-graphql's own conversion, which the plans must match value for value.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const typeGraphql = require(path.join(path.dirname(require.resolve('type-graphql')), 'resolvers/convert-args.js')) as {
    convertArgToInstance(param: unknown, args: Record<string, unknown>): unknown;
    convertArgsToInstance(param: unknown, args: Record<string, unknown>): unknown;
  };

  it('make the same instances as type-graphql, for input and args classes', async () => {
    await appSchema();
    const storage = getMetadataStorage();
    const params = (query: string): ParamMetadata[] => (storage.queries.find((q) => q.schemaName === query)?.params ?? []) as ParamMetadata[];
    const filter = params('attribution').find((p) => p.kind === 'arg' && p.name === 'filter') as ParamMetadata & { getType(): unknown };
    const connection = params('statements').find((p) => p.kind === 'args') as ParamMetadata & { getType(): unknown };
    const planFilter = converterOf(filter.getType(), storage);
    const planArgs = argsConverterOf(connection.getType() as never, storage);
    for (const value of [{ about: 'policy:x' }, { about: 'policy:x', speaker: 'person:y' }, null, undefined]) {
      const ours = convertEach(planFilter as Convert, value);
      const theirs = typeGraphql.convertArgToInstance(filter, { filter: value });
      expect([ours?.constructor, ours]).toEqual([theirs?.constructor, theirs]);
    }
    for (const args of [{ first: 20, after: 'abc' }, { first: 5 }, {}]) {
      const ours = planArgs?.(args);
      const theirs = typeGraphql.convertArgsToInstance(connection, args) as object;
      expect([ours?.constructor, ours && Object.entries(ours)]).toEqual([theirs.constructor, Object.entries(theirs)]);
    }
  });
});
