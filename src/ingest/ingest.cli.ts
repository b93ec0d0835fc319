/**
 * `npm run ingest -- <file or folder> [...]`: loads article documents (the shape of
 * seed/story.json, or a JSON-LD export of this graph) through the same validator and
 * writer as the ingestArticle mutation. Documents go in order, in batches of
 * INGEST_BATCH_SIZE, one write transaction per batch (src/ingest/ingest.ts plans a batch
 * exactly as if its documents were written one by one). A bad document is reported with
 * every problem's JSON path and writes nothing; the rest of its batch is written without
 * it, judged as if it had never been there, so the outcome is that of loading each document
 * on its own. Each document still gets its summary line, in order, with its share of its
 * batch's time. Exits 1 when any document was rejected.
 *
 * A load of more than one batch into an empty graph builds the full-text search index once,
 * at its end, instead of at every commit (`withSearchIndexDeferred`, src/db/constraints.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { connectDatabase } from '../db/connect';
import { withSearchIndexDeferred } from '../db/constraints';
import type { Neo4jGateway } from '../db/gateway';
import type { Problem } from '../errors';
import { BatchRejected, writeDocuments, type IngestResult } from './ingest';
import { INGEST_BATCH_SIZE } from './ingest-batch';
import { documentsFromJsonLd, isJsonLdExport } from './jsonld';
import { ProgressBar, progressFromFirstTick } from './progress';

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

type Outcome = { ok: true; result: IngestResult; ms: number } | { ok: false; message: string; problems?: readonly Problem[] };

/**
 * Writes one batch and says what became of each document. Rejected documents are taken
 * out and the rest written again (the writer judges the others as if the rejected ones were
 * not there, so one retry normally does it). Any other failure, such as Neo4j refusing a
 * write, is narrowed down by writing the batch's documents one at a time.
 */
async function writeBatch(gateway: Neo4jGateway, documents: readonly unknown[]): Promise<Outcome[]> {
  const outcomes: (Outcome | undefined)[] = documents.map(() => undefined);
  let pending = documents.map((_, i) => i);
  while (pending.length > 0) {
    const t0 = Date.now();
    try {
      const results = await writeDocuments(gateway, pending.map((i) => documents[i]));
      const ms = Math.round((Date.now() - t0) / pending.length);
      pending.forEach((i, k) => (outcomes[i] = { ok: true, result: results[k] as IngestResult, ms }));
      pending = [];
    } catch (error) {
      if (error instanceof BatchRejected) {
        for (const [k, problems] of error.rejected) outcomes[pending[k] as number] = { ok: false, message: `${problems.length} problem(s), nothing written`, problems };
        pending = pending.filter((i) => outcomes[i] === undefined);
      } else if (pending.length > 1) {
        for (const i of pending) outcomes[i] = (await writeBatch(gateway, [documents[i]]))[0];
        pending = [];
      } else {
        outcomes[pending[0] as number] = { ok: false, message: (error as Error).message };
        pending = [];
      }
    }
  }
  return outcomes as Outcome[];
}

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
  const loadAll = async (): Promise<void> => {
    for (let from = 0; from < documents.length; from += INGEST_BATCH_SIZE) {
      const batch = documents.slice(from, from + INGEST_BATCH_SIZE);
      const readable = batch.flatMap((entry, i) => ('error' in entry ? [] : [i]));
      const outcomes = new Map<number, Outcome>();
      const written = await writeBatch(database.gateway, readable.map((i) => batch[i]?.document));
      readable.forEach((i, k) => outcomes.set(i, written[k] as Outcome));
      for (const [i, entry] of batch.entries()) {
        const outcome: Outcome = 'error' in entry ? { ok: false, message: String(entry.error) } : (outcomes.get(i) as Outcome);
        if (outcome.ok) {
          statements += outcome.result.statements;
          console.log(`✓ ${summary(outcome.result, outcome.ms)}`);
        } else {
          failed += 1;
          console.log(`✗ ${entry.name}: ${outcome.message}`);
          for (const p of outcome.problems ?? []) console.log(`    ${p.path}: ${p.message}`);
        }
      }
      const last = batch[batch.length - 1];
      bar.tick(from + batch.length, last?.name ?? '');
    }
  };
  try {
    if (documents.length > INGEST_BATCH_SIZE) await withSearchIndexDeferred(database.gateway, loadAll, progressFromFirstTick(100, 'search index'));
    else await loadAll();
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
