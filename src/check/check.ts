/**
 * The graph's invariants, verified over the whole graph in read transactions: what ingest
 * promises to leave behind, checked from the stored data alone. Each invariant is reported
 * with how many nodes break it and a few of them; walks over articles and ids go a page at a
 * time, so memory stays one page whatever the size of the graph.
 */
import { cypher } from '../db/cypher';
import type { Neo4jGateway, Row } from '../db/gateway';
import { isDay } from '../ingest/checker';
import { isPublishedAt } from '../ingest/validate';
import { ARTICLE_ID, ENTITY_ID, NODE_TYPES, STATEMENT_ID, typeOfId, type NodeType } from '../vocabulary';
import * as Q from './check.cypher';

export interface InvariantResult {
  readonly name: string;
  /** The invariant, as a sentence. */
  readonly description: string;
  /** How many nodes (or groups of nodes) break it. */
  readonly count: number;
  /** The first of them, each in words. */
  readonly examples: readonly string[];
}

export interface CheckReport {
  readonly ok: boolean;
  readonly invariants: readonly InvariantResult[];
}

export interface CheckOptions {
  /** Examples kept per invariant. */
  readonly examples?: number;
  /** Articles read per round trip; each carries its whole text. */
  readonly articlePage?: number;
  /** Ids read per round trip. */
  readonly idPage?: number;
}

const DESCRIPTIONS = {
  quotes: "every quote's evidence (DIRECT, PARTIAL) has the quote's words at its offsets in the article text",
  speaker: 'every statement has exactly one speaker',
  evidence: 'every statement appears in at least one article',
  quoteKeys: 'no two statements share a quote key',
  wellFormedIds: "every node has an id of its type's grammar",
  uniqueIds: 'no two nodes share an id',
  dates: 'every stored date is a day the calendar has',
  retracted: 'every retracted statement has no evidence in a live article',
  merged: "every merged entity's id resolves to exactly one live entity",
  identifiers: 'every external identifier names exactly one live entity',
} as const;

type InvariantName = keyof typeof DESCRIPTIONS;

/** The id grammar of each node type (vocabulary.ts). */
const ID_GRAMMAR: Readonly<Record<NodeType, RegExp>> = {
  ...(Object.fromEntries(NODE_TYPES.map((type) => [type, ENTITY_ID])) as Record<NodeType, RegExp>),
  Article: ARTICLE_ID,
  Statement: STATEMENT_ID,
};

/** Violations of one invariant: all counted, the first few kept. */
class Findings {
  count = 0;
  readonly examples: string[] = [];

  constructor(private readonly keep: number) {}

  add(example: string): void {
    this.count += 1;
    if (this.examples.length < this.keep) this.examples.push(example);
  }
}

const show = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

export async function checkGraph(gateway: Neo4jGateway, options: CheckOptions = {}): Promise<CheckReport> {
  const examples = options.examples ?? 5;
  const found = Object.fromEntries(Object.keys(DESCRIPTIONS).map((name) => [name, new Findings(examples)])) as Record<InvariantName, Findings>;
  await checkQuotes(gateway, options.articlePage ?? 50, found.quotes);
  await checkIdsAndDates(gateway, options.idPage ?? 5_000, found);
  const counted: [InvariantName, string][] = [
    ['speaker', Q.STATEMENTS_WITHOUT_ONE_SPEAKER],
    ['evidence', Q.STATEMENTS_WITHOUT_EVIDENCE],
    ['quoteKeys', Q.SHARED_QUOTE_KEYS],
    ['wellFormedIds', Q.NODES_WITHOUT_ID],
    ['uniqueIds', Q.DUPLICATE_IDS],
    ['retracted', Q.RETRACTED_WITH_LIVE_EVIDENCE],
    ['merged', Q.MERGED_NOT_RESOLVING],
    ['identifiers', Q.IDENTIFIERS_NOT_NAMING_ONE],
  ];
  const answers = await Promise.all(counted.map(([, query]) => gateway.read(cypher(query, { examples }))));
  counted.forEach(([name], i) => addCounted(found[name], answers[i]?.[0]));
  const invariants = (Object.keys(DESCRIPTIONS) as InvariantName[]).map((name) => ({
    name,
    description: DESCRIPTIONS[name],
    count: found[name].count,
    examples: found[name].examples,
  }));
  return { ok: invariants.every((i) => i.count === 0), invariants };
}

/** A count-and-examples answer (check.cypher.ts `violations`); no row means none. */
function addCounted(findings: Findings, row: Row | undefined): void {
  if (row === undefined) return;
  for (const example of row.examples as string[]) findings.add(example);
  findings.count += (row.count as number) - (row.examples as string[]).length;
}

/** Offsets count UTF-16 code units (CONTRACT.md), as String.prototype.slice does. */
async function checkQuotes(gateway: Neo4jGateway, limit: number, findings: Findings): Promise<void> {
  for (let after = ''; ; ) {
    const page = await gateway.read(cypher(Q.ARTICLE_QUOTES_PAGE, { after, limit }));
    for (const article of page) {
      const text = article.text as string | null;
      for (const quote of article.quotes as { statement: string; text: string; start: number; end: number }[]) {
        const problem = quoteProblem(text, quote);
        if (problem !== null) findings.add(`${quote.statement} in ${article.id as string}: ${problem}`);
      }
    }
    if (page.length < limit) return;
    after = page[page.length - 1]?.id as string;
  }
}

function quoteProblem(text: string | null, quote: { text: string; start: number; end: number }): string | null {
  const { start, end } = quote;
  if (text === null) return 'the article has no text';
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end || end > text.length) {
    return `offsets [${String(start)}, ${String(end)}) are not a span of the article's ${text.length} characters`;
  }
  const actual = text.slice(start, end);
  return actual === quote.text ? null : `at [${start}, ${end}) the article has ${show(actual)}, the statement says ${show(quote.text)}`;
}

async function checkIdsAndDates(gateway: Neo4jGateway, limit: number, found: Record<InvariantName, Findings>): Promise<void> {
  for (const type of NODE_TYPES) {
    for (let after = ''; ; ) {
      const page = await gateway.read(cypher(Q.NODE_PAGES[type], { after, limit }));
      for (const node of page) checkNode(type, node, found);
      if (page.length < limit) break;
      after = page[page.length - 1]?.id as string;
    }
  }
}

function checkNode(type: NodeType, node: Row, found: Record<InvariantName, Findings>): void {
  const id = node.id as string;
  if (typeOfId(id) !== type || !ID_GRAMMAR[type].test(id)) found.wellFormedIds.add(`${type} ${JSON.stringify(id)}`);
  const { date, publishedAt } = node;
  if (date !== null && (typeof date !== 'string' || !isDay(date))) found.dates.add(`${id} date ${JSON.stringify(date)}`);
  if (publishedAt !== null && (typeof publishedAt !== 'string' || !isPublishedAt(publishedAt))) {
    found.dates.add(`${id} publishedAt ${JSON.stringify(publishedAt)}`);
  }
}

/** The report in words: every invariant with its count, and the examples of each broken one. */
export function formatReport(report: CheckReport): string {
  const lines = report.invariants.flatMap((i) => [
    `${i.count === 0 ? '✓' : '✗'} ${i.description}${i.count === 0 ? '' : `: ${i.count} violation${i.count === 1 ? '' : 's'}`}`,
    ...i.examples.map((example) => `    ${example}`),
    ...(i.count > i.examples.length ? [`    ... and ${i.count - i.examples.length} more`] : []),
  ]);
  const broken = report.invariants.filter((i) => i.count > 0).length;
  lines.push(report.ok ? 'the graph holds every invariant' : `${broken} of ${report.invariants.length} invariants broken`);
  return `${lines.join('\n')}\n`;
}
