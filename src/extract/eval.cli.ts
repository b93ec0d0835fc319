/**
 * `npm run eval:extract [-- --errors] [-- --json] [-- --known] [-- --dir FOLDER]`: runs the
 * extractor on every annotated article and prints the scores as Markdown tables, with the
 * remaining errors when asked.
 *
 * Without `--dir`, the story and the fixtures in test/fixtures/extract/ (given their
 * titles). With `--dir`, every annotation in FOLDER (eval.annotation.ts), from the text
 * alone (not even the title), scored as facts per reporting pattern (eval.facts.ts); texts
 * that are missing or changed are skipped and listed.
 *
 * By default the extractor works from the text alone (no graph), so the figures do not
 * depend on what is loaded. `--known` gives it a gazetteer made of the gold's own entities
 * (people, organisations, places, policies, events), as the graph would hold them once the
 * article's entities are known: it measures resolution against the graph, not discovery.
 */
import { existsSync, statSync } from 'node:fs';
import type { ArticleDocument } from '../ingest/document';
import { combine, score, type Prf, type Ratio, type Scores } from './eval';
import { loadAnnotatedFolder } from './eval.annotation';
import { evalCases } from './eval.cases';
import { printFactReport } from './eval.report';
import { extractText } from './extract';
import { gazetteerOf, NO_GAZETTEER, type Gazetteer } from './gazetteer';

function knownFrom(gold: ArticleDocument): Gazetteer {
  return gazetteerOf(gold.entities);
}

const pct = (x: number): string => (x * 100).toFixed(1);
const f = (p: Prf): string => `${pct(p.precision)} / ${pct(p.recall)} / **${pct(p.f1)}**`;
const r = (x: Ratio): string => (x.total === 0 ? 'n/a' : `${pct(x.accuracy)} (${x.correct}/${x.total})`);

function row(name: string, s: Scores): string {
  return `| ${name} | ${s.quotes.gold} / ${s.quotes.proposed} | ${f(s.quotes.exact)} | ${f(s.quotes.overlap)} | ${f(s.quotes.attributed)} | ${s.indirect.gold} / ${s.indirect.proposed} | ${f(s.indirect.overlap)} | ${r(s.speaker)} | ${r(s.quoteSpeaker)} | ${r(s.kind)} | ${r(s.reportedBy)} | ${r(s.venue)} | ${r(s.quotedIn)} |`;
}

const USAGE = 'usage: npm run eval:extract -- [--dir FOLDER] [--known] [--errors] [--json]';
const FLAGS = new Set(['--dir', '--known', '--errors', '--json']);

function main(): void {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  // A mistyped flag ("--know") would otherwise score silently without it.
  const unknown = argv.find((arg, i) => !FLAGS.has(arg) && argv[i - 1] !== '--dir');
  if (unknown !== undefined) {
    console.error(`eval:extract: unknown option ${unknown}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const gazetteer = (gold: ArticleDocument): Gazetteer => (args.has('--known') ? knownFrom(gold) : NO_GAZETTEER);
  if (args.has('--dir')) {
    const dir = argv[argv.indexOf('--dir') + 1];
    if (!dir || dir.startsWith('--')) {
      console.error('eval:extract: --dir needs a folder of annotations, e.g. --dir devset');
      process.exitCode = 2;
      return;
    }
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`eval:extract: --dir ${dir} is not a folder (expected a folder of annotations, e.g. devset)`);
      process.exitCode = 2;
      return;
    }
    const folder = loadAnnotatedFolder(dir);
    const results = folder.articles.map((a) => {
      const proposal = extractText(a.gold.article.text, { gazetteer: gazetteer(a.gold) });
      return { article: a, proposed: proposal.document, byline: proposal.byline, review: proposal.document.review };
    });
    printFactReport(dir, folder.skipped, results, { known: args.has('--known'), errors: args.has('--errors'), json: args.has('--json') });
    return;
  }
  const results = evalCases().map((c) => ({ c, s: score(c.gold, extractText(c.gold.article.text, { title: c.gold.article.title, gazetteer: gazetteer(c.gold) }).document) }));
  if (args.has('--json')) {
    console.log(JSON.stringify(results.map(({ c, s }) => ({ name: c.name, set: c.set, ...s })), null, 2));
    return;
  }
  console.log('| article (set) | quotes gold / found | quote spans exact P / R / F1 | quote spans overlap P / R / F1 | quotes with right speaker P / R / F1 | paraphrases gold / found | paraphrases overlap P / R / F1 | speaker acc. (all matched) | speaker acc. (quotes) | kind acc. (quotes) | outlet acc. | venue acc. | nested quotedIn |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { c, s } of results) console.log(row(`${c.name} (${c.set})`, s));
  for (const set of ['round2', 'heldout'] as const) {
    const some = results.filter(({ c }) => c.set === set);
    if (some.length > 1) console.log(row(`**${set}, together**`, combine(some.map(({ s }) => s))));
  }
  const others = results.filter(({ c }) => c.set !== 'story');
  if (others.length > 0) console.log(row('**all but the story, together**', combine(others.map(({ s }) => s))));
  console.log(row('**all, together**', combine(results.map(({ s }) => s))));
  if (args.has('--errors')) {
    for (const { c, s } of results) {
      console.log(`\n### ${c.name}\n`);
      if (s.errors.length === 0) console.log('(no errors)');
      for (const e of s.errors) console.log(`- ${e.type} ${e.kind}: "${e.text}" — expected ${e.expected ?? '(nothing)'}, found ${e.found ?? '(nothing)'}`);
    }
  }
}

main();
