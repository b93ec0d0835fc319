import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './config';
import { appSchema, printSchemaFile } from './schema';

async function main(): Promise<void> {
  const file = path.join(projectRoot(), 'schema', 'schema.graphql');
  writeFileSync(file, printSchemaFile(await appSchema()));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
