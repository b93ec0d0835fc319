/**
 * `npm run ingest -- [--replace] <file or folder> [...]`: loads article documents (the shape of
 * seed/story.json, or a JSON-LD export of this graph) through the same validator and
 * writer as the ingestArticle mutation. Documents go in order, in batches of
 * INGEST_BATCH_SIZE, one write transaction per batch (src/ingest/ingest.ts plans a batch
 * exactly as if its documents were written one by one). A bad document is reported with
 * every problem's JSON path and writes nothing; the rest of its batch is written without
 * it, judged as if it had never been there, so the outcome is that of loading each document
 * on its own. Each document still gets its summary line, in order, with its share of its
 * batch's time. Exits 1 when any document was rejected; a document whose article id the graph
 * holds with another text is rejected as CONFLICT unless `--replace` is given.
 *
 * The loading itself is src/ingest/bulk-load.ts, shared with the bench. A load of more than
 * one batch into an empty graph builds the full-text search index once, at its end, instead
 * of at every commit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { bulkLoad, Unreadable, type LoadReport, type Outcome } from './bulk-load';
import type { IngestResult } from './ingest';
import { INGEST_BATCH_SIZE } from './ingest-batch';
import { documentsFromJsonLd, isJsonLdExport } from './jsonld';

const USAGE = 'usage: npm run ingest -- [--replace] <document.json | folder of .json documents> [...]';

/**
 * `--replace`: a document whose article id the graph holds with another text replaces that
 * text (kept as a revision) instead of being refused with CONFLICT.
 */
export function parseArgs(args: readonly string[]): { files: string[]; replace: boolean } {
  const replace = args.includes('--replace');
  const unknown = args.find((arg) => arg.startsWith('--') && arg !== '--replace');
  if (unknown !== undefined) throw new Error(`unknown option ${unknown}\n${USAGE}`);
  return { files: collectFiles(args.filter((arg) => arg !== '--replace')), replace };
}

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

/** Prints each document's outcome under its name; batches come in order (one transaction at a time). */
function report(names: readonly string[]): (documents: readonly unknown[], outcomes: readonly Outcome[]) => void {
  let next = 0;
  return (_documents, outcomes) => {
    for (const outcome of outcomes) {
      const name = names[next++];
      if (outcome.ok) {
        const revision = outcome.result.revision === undefined ? '' : ` (replaced its stored text, kept as revision ${outcome.result.revision})`;
        console.log(`✓ ${summary(outcome.result, outcome.ms)}${revision}`);
        continue;
      }
      console.log(`✗ ${name}: ${outcome.message}`);
      for (const p of outcome.problems ?? []) console.log(`    ${p.path}: ${p.message}`);
    }
  };
}

async function main(): Promise<void> {
  const { files, replace } = parseArgs(process.argv.slice(2));
  const entries = files.flatMap((file) => {
    try {
      return documentsIn(file);
    } catch (error) {
      return [{ name: file, document: new Unreadable(`not readable JSON: ${(error as Error).message}`) as unknown }];
    }
  });
  const documents = entries.map((entry) => entry.document);
  const deferSearchIndex = documents.length > INGEST_BATCH_SIZE;
  // A Neo4j started for this command only writes and stops with it; a running server's is used as it is.
  const database = await openDatabase(loadConfig(), { rehearseWriter: true, bulkLoad: deferSearchIndex, loadOnly: true });
  let loaded: LoadReport;
  try {
    loaded = await bulkLoad(database.gateway, documents, {
      batch: INGEST_BATCH_SIZE,
      rejected: 'skip',
      replace,
      deferSearchIndex,
      progress: { total: documents.length, unit: 'documents' },
      onBatch: report(entries.map((entry) => entry.name)),
    });
  } finally {
    await database.close();
  }
  const { seconds, statements, rejected } = loaded;
  console.log(
    `${documents.length - rejected} of ${documents.length} documents loaded, ${statements} statements in ${seconds.toFixed(1)} s` +
      (seconds > 0 ? ` (${Math.round(statements / seconds)} statements/s)` : ''),
  );
  if (rejected > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
