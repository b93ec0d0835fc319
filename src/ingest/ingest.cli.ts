/**
 * `npm run ingest -- <file or folder> [...]`: loads article documents (the shape of
 * seed/story.json, or a JSON-LD export of this graph) through the same validator and
 * writer as the ingestArticle mutation. Each document is its own transaction: a bad one is
 * reported with every problem's JSON path and writes nothing, and the others still load.
 * Exits 1 when any document was rejected.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { loadConfig } from '../config';
import { connectDatabase } from '../db/connect';
import { ingestDocument, type IngestResult } from './ingest';
import { documentsFromJsonLd, isJsonLdExport } from './jsonld';
import { ProgressBar } from './progress';

const USAGE = 'usage: npm run ingest -- <document.json | folder of .json documents> [...]';

export function collectFiles(args: readonly string[]): string[] {
  if (args.length === 0) throw new Error(USAGE);
  return args.flatMap((arg) => {
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      throw new Error(`${arg}: no such file or folder\n${USAGE}`);
    }
    if (!stats.isDirectory()) return [arg];
    return readdirSync(arg)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => path.join(arg, name));
  });
}

/** A file holds one document, a list of documents, or a JSON-LD export. */
export function documentsIn(file: string): { name: string; document: unknown }[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (isJsonLdExport(parsed)) return documentsFromJsonLd(parsed).map((document, i) => ({ name: `${file}#${i + 1}`, document }));
  if (Array.isArray(parsed)) return parsed.map((document, i) => ({ name: `${file}[${i}]`, document }));
  return [{ name: file, document: parsed }];
}

const summary = (r: IngestResult, ms: number): string =>
  `${r.article}: ${r.statements} statements, ${r.entities} entities; ${r.created.length} created, ${r.updated.length} updated, ` +
  `${r.unchanged.length} unchanged, ${r.merged.length} merged${r.merged.length ? ` (${r.merged.map((m) => `${m.from} → ${m.into}`).join(', ')})` : ''}, ` +
  `${r.evidenceAdded.length} shared quotes, ${r.removed.length} removed (${ms} ms)`;

async function main(): Promise<void> {
  const files = collectFiles(process.argv.slice(2));
  const documents = files.flatMap((file) => {
    try {
      return documentsIn(file);
    } catch (error) {
      return [{ name: file, document: undefined, error: `not readable JSON: ${(error as Error).message}` }];
    }
  });
  const database = await connectDatabase(loadConfig());
  const bar = new ProgressBar(documents.length, 'ingest');
  const started = Date.now();
  let failed = 0;
  let statements = 0;
  try {
    for (const [i, entry] of documents.entries()) {
      const t0 = Date.now();
      if ('error' in entry) {
        failed += 1;
        console.log(`✗ ${entry.name}: ${entry.error}`);
      } else {
        try {
          const result = await ingestDocument(database.gateway, entry.document);
          statements += result.statements;
          console.log(`✓ ${summary(result, Date.now() - t0)}`);
        } catch (error) {
          failed += 1;
          const problems = error instanceof GraphQLError ? (error.extensions.problems as { path: string; message: string }[] | undefined) : undefined;
          console.log(`✗ ${entry.name}: ${problems ? `${problems.length} problem(s), nothing written` : (error as Error).message}`);
          for (const p of problems ?? []) console.log(`    ${p.path}: ${p.message}`);
        }
      }
      bar.tick(i + 1, entry.name);
    }
  } finally {
    await database.close();
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${documents.length - failed} of ${documents.length} documents loaded, ${statements} statements in ${seconds.toFixed(1)} s` +
      (seconds > 0 ? ` (${Math.round(statements / seconds)} statements/s)` : ''),
  );
  if (failed > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
