/**
 * The report `npm run eval:extract -- --dir FOLDER` prints: Markdown tables of the fact
 * scores (eval.facts.ts) per reporting pattern, for the article metadata and mentions, and
 * per article, then the errors when asked. EXTRACTION.md quotes these tables as printed.
 */
import type { ArticleDocument } from '../ingest/document';
import type { Ratio } from './eval';
import type { AnnotatedArticle, SkippedArticle } from './eval.annotation';
import { combineFacts, factPrecision, factsFound, PATTERNS, sameSpeakerId, scoreFacts, speakerFromTextAlone, type FactScores, type FactTally, type SpeakerMatch } from './eval.facts';
import { addByReason, addReview, EMPTY_REVIEW, reviewByReason, reviewRatios, scoreReview, type ReasonTally, type ReviewTally } from './eval.review';
import type { ReviewItem } from './extract';

export interface ReportOptions {
  readonly known: boolean;
  readonly errors: boolean;
  readonly json: boolean;
}

const pct = (r: Ratio): string => (r.total === 0 ? 'n/a' : `${(r.accuracy * 100).toFixed(1)} (${r.correct}/${r.total})`);

const tallyCells = (t: FactTally): string =>
  [t.gold, t.proposed, pct(factsFound(t)), pct(factPrecision(t)), pct(t.exactSpan), pct(t.speaker), pct(t.kind), pct(t.venue), pct(t.reportedBy), pct(t.aboutPresent), pct(t.aboutRight), pct(t.aboutLinkPrecision), pct(t.aboutLinkRecall)].join(' | ');

const TALLY_HEADER = 'gold | proposed | facts found | precision | exact spans (quotes) | speaker | kind (quotes) | venue | reportedBy | about present | about right | about links: precision | recall';

function patternTable(all: FactScores): string[] {
  return [
    `| pattern | ${TALLY_HEADER} |`,
    `|---|${'---|'.repeat(13)}`,
    ...[...all.byPattern].map(([p, t]) => `| ${p}. ${PATTERNS[p] ?? ''} | ${tallyCells(t)} |`),
    `| **all statements** | ${tallyCells(all.overall)} |`,
  ];
}

function metadataTable(all: FactScores): string[] {
  const m = all.mentions;
  const precision: Ratio = { correct: m.truePositives, total: m.proposed, accuracy: m.proposed === 0 ? 1 : m.truePositives / m.proposed };
  const recall: Ratio = { correct: m.truePositives, total: m.gold, accuracy: m.gold === 0 ? 1 : m.truePositives / m.gold };
  return [
    '| title | date shown on the page | byline | people and organisations mentioned: precision | recall |',
    '|---|---|---|---|---|',
    `| ${pct(all.metadata.title)} | ${pct(all.metadata.publishedAt)} | ${pct(all.metadata.byline)} | ${pct(precision)} | ${pct(recall)} |`,
  ];
}

function reviewTable(t: ReviewTally): string[] {
  const { flaggedShare, wrongAmongFlagged } = reviewRatios(t);
  return ['| statements proposed | flagged to check first | wrong | wrong among the flagged |', '|---|---|---|---|', `| ${t.proposed} | ${pct(flaggedShare)} | ${t.wrong} | ${pct(wrongAmongFlagged)} |`];
}

/** Each reason a statement is listed for: right / wrong statements it lists, and of them those it alone lists. */
function reasonTable(byReason: ReadonlyMap<string, ReasonTally>): string[] {
  const rows = [...byReason].sort(([a], [b]) => a.localeCompare(b)).map(([reason, t]) => `| ${reason} | ${t.right} / ${t.wrong} | ${t.rightAlone} / ${t.wrongAlone} |`);
  return ['| listed for | right / wrong listed | right / wrong listed for this alone |', '|---|---|---|', ...rows];
}

function articleTable(scored: readonly { name: string; s: FactScores }[]): string[] {
  return [`| article | ${TALLY_HEADER} |`, `|---|${'---|'.repeat(13)}`, ...scored.map(({ name, s }) => `| ${name} | ${tallyCells(s.overall)} |`)];
}

/** One article's proposal: `review` is the extractor's list for its statements. */
export interface ScoredProposal {
  readonly article: AnnotatedArticle;
  readonly proposed: ArticleDocument;
  readonly byline: string | null;
  readonly review: readonly ReviewItem[];
}

export function printFactReport(dir: string, skipped: readonly SkippedArticle[], results: readonly ScoredProposal[], options: ReportOptions): void {
  const speakerMatch = (article: AnnotatedArticle): SpeakerMatch => (options.known ? sameSpeakerId : speakerFromTextAlone(article));
  const scored = results.map(({ article, proposed, byline, review }) => {
    const sameSpeaker = speakerMatch(article);
    const r = scoreReview(article.gold.statements, proposed.statements, review, sameSpeaker);
    return { name: article.name, s: scoreFacts(article, proposed, byline, sameSpeaker), r, reasons: reviewByReason(article.gold.statements, proposed.statements, review, sameSpeaker) };
  });
  const all = combineFacts(scored.map(({ s }) => s));
  const review = scored.reduce((a, { r }) => addReview(a, r), EMPTY_REVIEW);
  const reasons = scored.reduce<Map<string, ReasonTally>>((a, { reasons: b }) => addByReason(a, b), new Map());
  if (options.json) {
    const plain = (s: FactScores): unknown => ({ ...s, byPattern: Object.fromEntries(s.byPattern) });
    console.log(JSON.stringify({ dir, skipped, all: plain(all), review: reviewRatios(review), articles: scored.map(({ name, s }) => ({ name, ...(plain(s) as object) })) }, null, 2));
    return;
  }
  const graph = options.known ? "against a graph that holds each article's annotated entities (--known)" : 'from the text alone';
  const lines = [`Scored ${scored.length} annotated article(s) in ${dir}, ${graph}; skipped ${skipped.length}.`];
  for (const s of skipped) lines.push(`- skipped ${s.name}: ${s.reason}`);
  lines.push('', '#### Statements as facts, per pattern', '', ...patternTable(all));
  lines.push('', '#### Article metadata and mentions', '', ...metadataTable(all));
  lines.push('', '#### Review list', '', ...reviewTable(review));
  lines.push('', '#### Review list, by reason', '', ...reasonTable(reasons));
  lines.push('', '#### Per article', '', ...articleTable(scored));
  if (options.errors) {
    for (const { name, s, r } of scored) {
      lines.push('', `### ${name}`, '');
      if (s.errors.length === 0) lines.push('(no errors)');
      for (const e of s.errors) lines.push(`- ${e.type} ${e.kind} [${e.patterns.join(',')}]: "${e.text}" — expected ${e.expected ?? '(nothing)'}, found ${e.found ?? '(nothing)'}`);
      for (const m of r.missed) lines.push(`- wrong but not flagged for review: ${m}`);
    }
  }
  console.log(lines.join('\n'));
}
