/**
 * `npm run extract -- <article.txt> [--out file.json] [--title "..."] [--published-at YYYY-MM-DD] [--offline]`
 *
 * Writes the proposed article document (the ingest shape plus its `review` list) to
 * `--out` or stdout, and a summary of what to review to stderr. Names are resolved against
 * the graph (one read query) of NEO4J_URI, or of the embedded Neo4j a running `npm start`
 * serves; with `--offline`, with neither, or when the graph cannot be reached, the proposal
 * is made from the text alone. Nothing is
 * written to the graph: load the reviewed file with `npm run ingest -- <file>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { openRunningDatabase } from '../db/connect';
import { RoundTrips, requestDb } from '../db/gateway';
import { validateDocument } from '../ingest/validate';
import { extractArticle, prepareArticle, type ExtractionProposal, type ReviewItem } from './extract';
import { readGazetteer } from './extract.repository';
import { NO_GAZETTEER, type Gazetteer } from './mentions';

const USAGE = 'usage: npm run extract -- <article.txt> [--out file.json] [--title "..."] [--published-at YYYY-MM-DD] [--offline]';

interface Options {
  readonly file: string;
  readonly out: string | null;
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly offline: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  let file: string | null = null;
  let out: string | null = null;
  let title: string | null = null;
  let publishedAt: string | null = null;
  let offline = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${arg} expects a value\n${USAGE}`);
      i += 1;
      return v;
    };
    if (arg === '--out') out = value();
    else if (arg === '--title') title = value();
    else if (arg === '--published-at') publishedAt = value();
    else if (arg === '--offline') offline = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (file === null) file = arg;
    else throw new Error(`expected one article file; received ${file} and ${arg}\n${USAGE}`);
  }
  if (file === null) throw new Error(`expected the path of an article text file\n${USAGE}`);
  return { file, out, title, publishedAt, offline };
}

/** The graph as a gazetteer when one is configured and answers; otherwise none, and says why. */
async function gazetteerFor(options: Options, prepared: ReturnType<typeof prepareArticle>): Promise<{ gazetteer: Gazetteer; source: string }> {
  if (options.offline) return { gazetteer: NO_GAZETTEER, source: 'the text alone (--offline)' };
  try {
    const database = await openRunningDatabase(loadConfig(), { log: () => undefined });
    if (database === null) return { gazetteer: NO_GAZETTEER, source: 'the text alone (NEO4J_URI is unset and no embedded Neo4j is running)' };
    try {
      const gazetteer = await readGazetteer(requestDb(database.gateway, new RoundTrips()), prepared);
      return { gazetteer, source: `the graph at ${database.uri} (${gazetteer.entries.length} candidate entities)` };
    } finally {
      await database.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { gazetteer: NO_GAZETTEER, source: `the text alone: the graph could not be read (${reason})` };
  }
}

function summary(proposal: ExtractionProposal, file: string, source: string): string {
  const { statements, review } = proposal.document;
  const quotes = statements.filter((s) => s.kind !== 'INDIRECT').length;
  const left = review.filter((r) => r.statement === null);
  const line = (r: ReviewItem): string =>
    `  ${r.confidence.toFixed(2)}  ${r.kind.padEnd(8)} ${`${r.start}-${r.end}`.padEnd(10)} ${(r.speaker ?? '(no speaker)').padEnd(28)} ${JSON.stringify(r.text.length > 60 ? `${r.text.slice(0, 57)}...` : r.text)}  [${r.rule}${r.flags.length > 0 ? `; ${r.flags.join(', ')}` : ''}]`;
  const doubtful = review
    .filter((r) => r.statement !== null && (r.confidence < 0.75 || r.flags.some((f) => ['pronoun', 'ambiguous', 'surname-only', 'title', 'description', 'multiple-speakers'].includes(f))))
    .sort((a, b) => a.confidence - b.confidence);
  return [
    `${file}: ${statements.length} statements proposed (${quotes} quotes, ${statements.length - quotes} paraphrases); names resolved against ${source}.`,
    `Entities: ${proposal.knownEntities.length} already in the graph, ${proposal.newEntities.length} proposed new${proposal.newEntities.length > 0 ? ` (${proposal.newEntities.join(', ')})` : ''}.`,
    left.length > 0 ? `Left out, for want of a speaker (${left.length}):\n${left.map(line).join('\n')}` : 'Left out: nothing.',
    doubtful.length > 0 ? `Check first (${doubtful.length}, least sure first):\n${doubtful.map(line).join('\n')}` : 'Nothing flagged below 0.75.',
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const prepared = prepareArticle(readFileSync(options.file, 'utf8'), options.title);
  const { gazetteer, source } = await gazetteerFor(options, prepared);
  const proposal = extractArticle(prepared, gazetteer, { publishedAt: options.publishedAt });
  const validation = validateDocument(proposal.document);
  if (!validation.ok) {
    // The extractor's output must always pass the gate; if it does not, that is a bug to report.
    throw new Error(`the proposal does not pass validation, which is a bug in the extractor:\n${validation.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
  const json = `${JSON.stringify(proposal.document, null, 2)}\n`;
  if (options.out === null) process.stdout.write(json);
  else writeFileSync(options.out, json);
  console.error(summary(proposal, options.file, source));
  if (options.out !== null) console.error(`Wrote ${options.out}. After review, load it with: npm run ingest -- ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
