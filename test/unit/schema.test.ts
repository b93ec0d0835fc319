import { readFileSync } from 'node:fs';
import { isAbstractType, type GraphQLFieldMap, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import path from 'node:path';
import { appSchema, printSchemaFile } from '../../src/schema';

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
});

/** The fields whose resolver is still type-graphql's, by the shape of its wrapper (a resolver data object made per call). */
function fieldsKeptByTypeGraphql(type: GraphQLObjectType): string[] {
  return Object.entries(type.getFields())
    .filter(([, field]) => field.resolve !== undefined && /resolverData/.test(String(field.resolve)))
    .map(([name]) => name)
    .sort();
}
