import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appSchema, printSchemaFile } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the code generates (run `npm run schema:emit` after changing types)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(printSchemaFile(await appSchema())).toBe(committed);
  });
});
