/**
 * `npm run extract -- <article.txt> [--out file.json] [--title "..."] [--url https://...]
 *   [--publisher "Outlet" | org:id] [--published-at YYYY-MM-DD] [--id article:...] [--offline]`
 *
 * Writes the proposed article document (the ingest shape plus its `review` list) to
 * `--out` or stdout, and a summary of what to review to stderr. Names are resolved against
 * the graph (one read query) of NEO4J_URI, or of the embedded Neo4j a running `npm start`
 * serves, and a graph that cannot be read is an error: a proposal made without it would
 * define again what the graph already holds. With `--offline`, or with neither, the
 * proposal is made from the text alone. Nothing is
 * written to the graph: load the reviewed file with `npm run ingest -- <file>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { openRunningDatabase } from '../db/connect';
import { RoundTrips, requestDb } from '../db/gateway';
import { ISO_DATE_TIME, validateDocument } from '../ingest/validate';
import { extractArticle, isWeakDoubt, needsReview, prepareArticle, reviewReasons, type ArticleMetadata, type ExtractionProposal, type ReviewItem } from './extract';
import { readGazetteer } from './extract.repository';
import { Gazetteer, NO_GAZETTEER } from './gazetteer';
import { lookupKeys } from './lookup';

const USAGE =
  'usage: npm run extract -- <article.txt> [--out file.json] [--title "..."] [--url https://...] [--publisher "Outlet" | org:id] [--published-at YYYY-MM-DD] [--id article:...] [--offline]';

/** A mistake in the command line: the message names the flag and shows the usage. */
class UsageError extends Error {}

interface Options extends ArticleMetadata {
  readonly file: string;
  readonly out: string | null;
  readonly offline: boolean;
}

const VALUE_FLAGS = { '--out': 'out', '--title': 'title', '--url': 'url', '--publisher': 'publisher', '--published-at': 'publishedAt', '--id': 'id' } as const;

/** What each flag's value must look like, as the ingest gate will check it. */
const FLAG_CHECKS: Readonly<Partial<Record<keyof typeof VALUE_FLAGS, { readonly ok: (v: string) => boolean; readonly expected: string }>>> = {
  '--published-at': { ok: (v) => ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)), expected: 'an ISO date like 2025-03-05 or 2025-03-05T14:00:00Z' },
  '--url': { ok: (v) => /^https?:\/\/\S+$/.test(v), expected: 'an http(s) URL' },
  '--id': { ok: (v) => /^article:\S+$/.test(v), expected: 'an article id like article:my-slug' },
};

export function parseArgs(argv: readonly string[]): Options {
  let file: string | null = null;
  let offline = false;
  const values: Partial<Record<(typeof VALUE_FLAGS)[keyof typeof VALUE_FLAGS], string>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg in VALUE_FLAGS) {
      const flag = arg as keyof typeof VALUE_FLAGS;
      const v = argv[i + 1];
      if (v === undefined) throw new UsageError(`${flag} expects a value\n${USAGE}`);
      const check = FLAG_CHECKS[flag];
      if (check !== undefined && !check.ok(v)) throw new UsageError(`${flag} expects ${check.expected}; received ${JSON.stringify(v)}\n${USAGE}`);
      values[VALUE_FLAGS[flag]] = v;
      i += 1;
    } else if (arg === '--offline') offline = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else if (file === null) file = arg;
    else throw new UsageError(`expected one article file; received ${file} and ${arg}\n${USAGE}`);
  }
  if (file === null) throw new UsageError(`expected the path of an article text file\n${USAGE}`);
  return { file, offline, ...values, out: values.out ?? null };
}

/** The graph as a gazetteer when one is configured and answers; otherwise none, and says why. */
async function gazetteerFor(options: Options, prepared: ReturnType<typeof prepareArticle>): Promise<{ gazetteer: Gazetteer; source: string }> {
  if (options.offline) return { gazetteer: NO_GAZETTEER, source: 'the text alone (--offline)' };
  const config = loadConfig();
  try {
    const database = await openRunningDatabase(config, { log: () => undefined });
    if (database === null) return { gazetteer: NO_GAZETTEER, source: 'the text alone (NEO4J_URI is unset and no embedded Neo4j is running)' };
    try {
      const gazetteer = new Gazetteer(await readGazetteer(requestDb(database.gateway, new RoundTrips()), lookupKeys(prepared.layout)));
      return { gazetteer, source: `the graph at ${database.uri} (${gazetteer.entries.length} candidate entities)` };
    } finally {
      await database.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = config.neo4j.uri === null ? `the embedded Neo4j serving ${config.embedded.dataDir}` : `NEO4J_URI=${config.neo4j.uri}`;
    throw new Error(`could not read the graph at ${where} (${reason}); start it, or pass --offline to propose from the text alone`);
  }
}

/**
 * The order of the "Check first" list: statements a strong doubt lists before those only weak
 * doubts list together, each group least confident first. Counting reasons would put a
 * paraphrase credited to a body (two weak doubts) above a one-word quote or a caption (one
 * strong doubt), yet a strong doubt's statements are wrong far more often than those weak
 * doubts alone list (EXTRACTION.md, review16, counts them).
 */
function mostDoubtfulFirst(a: ReviewItem, b: ReviewItem): number {
  const weakOnly = (r: ReviewItem): number => (reviewReasons(r).every(isWeakDoubt) ? 1 : 0);
  return weakOnly(a) - weakOnly(b) || a.confidence - b.confidence;
}

function summary(proposal: ExtractionProposal, file: string, source: string): string {
  const { statements, review } = proposal.document;
  const quotes = statements.filter((s) => s.kind !== 'INDIRECT').length;
  const left = review.filter((r) => r.statement === null);
  const line = (r: ReviewItem): string =>
    `  ${r.confidence.toFixed(2)}  ${r.kind.padEnd(8)} ${`${r.start}-${r.end}`.padEnd(10)} ${(r.speaker ?? '(no speaker)').padEnd(28)} ${JSON.stringify(r.text.length > 60 ? `${r.text.slice(0, 57)}...` : r.text)}  [${r.rule}${r.flags.length > 0 ? `; ${r.flags.join(', ')}` : ''}]${aboutLine(r)}`;
  const doubtful = review.filter((r) => r.statement !== null && needsReview(r)).sort(mostDoubtfulFirst);
  const { article } = proposal.document;
  return [
    `${file}: ${statements.length} statements proposed (${quotes} quotes, ${statements.length - quotes} paraphrases); names resolved against ${source}.`,
    `Article: ${JSON.stringify(article.title)}${proposal.byline !== null ? ` by ${proposal.byline}` : ''}; publisher ${article.publisher ?? '(none)'}; ${article.publishedAt ?? 'undated'}; ${article.url ?? 'no url'}.`,
    `About: ${statements.filter((s) => (s.about ?? []).length > 0).length} of ${statements.length} statements linked to what they concern.`,
    `Entities: ${proposal.knownEntities.length} already in the graph, ${proposal.newEntities.length} proposed new${proposal.newEntities.length > 0 ? ` (${proposal.newEntities.join(', ')})` : ''}.`,
    left.length > 0 ? `Left out, for want of a speaker (${left.length}):\n${left.map(line).join('\n')}` : 'Left out: nothing.',
    doubtful.length > 0 ? `Check first (${doubtful.length}, most doubtful first):\n${doubtful.map(line).join('\n')}` : 'Check first: nothing (no statement carries a doubt, and none is below the confidence the list starts at).',
  ].join('\n');
}

const aboutLine = (r: ReviewItem): string =>
  r.about.length === 0 ? '' : `\n        about: ${r.about.map((a) => `${a.id}${a.proposed ? ' (new)' : ''} ${a.confidence.toFixed(2)} "${a.words}"`).join('; ')}`;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const prepared = prepareArticle(readFileSync(options.file, 'utf8'), options.title);
  const { gazetteer, source } = await gazetteerFor(options, prepared);
  const proposal = extractArticle(prepared, gazetteer, options);
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
  process.exit(error instanceof UsageError ? 2 : 1);
});
