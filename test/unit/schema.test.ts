import { readFileSync } from 'node:fs';
import { isAbstractType, type GraphQLResolveInfo } from 'graphql';
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
