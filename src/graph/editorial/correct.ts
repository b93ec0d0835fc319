/**
 * correctStatement: a statement's speaker, kind, topics, venue, outlets or outer quote set
 * right, in one write transaction, with the previous values kept in its history. The
 * corrected statement is checked as ingest checks a document (src/ingest/validate.ts, and
 * the graph for the ids it names), once per article it appears in, so a kind must fit every
 * span it has; its id does not change.
 */
import { cypher } from '../../db/cypher';
import type { Deadline, Neo4jGateway, RoundTrips, Row, WriteTx } from '../../db/gateway';
import { badInput, type Problem } from '../../errors';
import { unresolvedReferenceProblems } from '../../ingest/plan';
import { nameKey } from '../../ingest/text';
import { validateDocument } from '../../ingest/validate';
import type { StatementKind } from '../../vocabulary';
import { parseId } from '../ids';
import { stampStatements } from '../live/live.repository';
import * as Q from './editorial.cypher';
import { recordEdit } from './edit.repository';
import type { Edit, FieldChange } from './edit.type';

/** The fields a correction may set; absent fields keep their values, a null venue or quotedIn clears it. */
export interface StatementChanges {
  readonly speaker?: string | null;
  readonly kind?: StatementKind | null;
  readonly about?: readonly string[] | null;
  readonly venue?: string | null;
  readonly reportedBy?: readonly string[] | null;
  readonly quotedIn?: string | null;
}

interface Corrected {
  readonly speaker: string;
  readonly kind: StatementKind;
  readonly about: readonly string[];
  readonly venue: string | null;
  readonly reportedBy: readonly string[];
  readonly quotedIn: string | null;
}

interface Evidence {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A reason as the editing mutations require it: present and not blank. */
export function requiredReason(reason: string | null | undefined, operation: string): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length === 0) throw badInput(`${operation} needs a reason, shown with the edit; received ${JSON.stringify(reason ?? null)}`, { argument: 'reason' });
  if (trimmed.length > 2_000) throw badInput(`reason must be at most 2000 characters; received ${trimmed.length}`, { argument: 'reason' });
  return trimmed;
}

const byOrdinal = (pairs: unknown): string[] => [...(pairs as [number, string][])].sort((a, b) => a[0] - b[0]).map(([, id]) => id);

export async function correctStatement(
  gateway: Neo4jGateway,
  args: { id: string; changes: StatementChanges; reason: string; who: string },
  trips?: RoundTrips,
  deadline?: Deadline,
): Promise<Edit> {
  parseId(args.id, ['Statement']);
  if (args.changes.quotedIn !== undefined && args.changes.quotedIn !== null) parseId(args.changes.quotedIn, ['Statement'], 'changes.quotedIn');
  return gateway.write(async (tx) => {
    const [row] = await tx.run(cypher(Q.STATEMENT_FOR_CORRECTION, { id: args.id }));
    if (row === undefined) throw badInput(`id must be the id of a statement; no statement has the id ${args.id}`, { argument: 'id' });
    if (row.retracted === true) throw badInput(`${args.id} is retracted (its articles are); restore its article before correcting it`, { argument: 'id' });
    const before = currentValues(row);
    const after = applied(before, args.changes);
    const changes = changedFields(before, after);
    if (changes.length === 0) throw badInput(`changes must change something; ${args.id} already has every value given`, { argument: 'changes' });
    await checkCorrection(tx, args.id, row, after);
    const quoteKey = after.kind === 'INDIRECT' ? null : `${after.speaker}|${nameKey(row.text as string)}`;
    if (quoteKey !== null) {
      const [holder] = await tx.run(cypher(Q.QUOTE_KEY_HOLDER, { id: args.id, quoteKey }));
      if (holder) throw badInput(`the correction would make ${args.id} the same quote as ${holder.id as string} (same speaker and words); merge is not a correction`, { argument: 'changes' });
    }
    await tx.run(cypher(Q.APPLY_CORRECTION, { id: args.id, ...after, quoteKey }));
    const edit = await recordEdit(tx, {
      who: args.who,
      action: 'correctStatement',
      arguments: { id: args.id, changes: args.changes },
      changes,
      reason: args.reason,
      targets: { statements: [args.id] },
    });
    await stampStatements(tx, [args.id]);
    return edit;
  }, trips, deadline);
}

function currentValues(row: Row): Corrected {
  return {
    speaker: row.speaker as string,
    kind: row.kind as StatementKind,
    about: byOrdinal(row.about),
    venue: (row.venue as string | null) ?? null,
    reportedBy: byOrdinal(row.reportedBy),
    quotedIn: (row.quotedIn as string | null) ?? null,
  };
}

function applied(before: Corrected, changes: StatementChanges): Corrected {
  return {
    speaker: changes.speaker ?? before.speaker,
    kind: changes.kind ?? before.kind,
    about: changes.about ? [...new Set(changes.about)] : before.about,
    venue: changes.venue === undefined ? before.venue : changes.venue,
    reportedBy: changes.reportedBy ? [...new Set(changes.reportedBy)] : before.reportedBy,
    quotedIn: changes.quotedIn === undefined ? before.quotedIn : changes.quotedIn,
  };
}

const asList = (value: string | readonly string[] | null): string[] => (value === null ? [] : typeof value === 'string' ? [value] : [...value]);

function changedFields(before: Corrected, after: Corrected): FieldChange[] {
  return (Object.keys(after) as (keyof Corrected)[]).flatMap((field) => {
    const from = asList(before[field]);
    const to = asList(after[field]);
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, from, to }];
  });
}

/** Every problem of the corrected statement, as ingest would find them in each article it appears in; throws BAD_USER_INPUT listing them. */
async function checkCorrection(tx: WriteTx, id: string, row: Row, after: Corrected): Promise<void> {
  const problems: Problem[] = [];
  for (const evidence of row.evidence as Evidence[]) {
    const statement = { kind: after.kind, speaker: after.speaker, text: row.text, start: evidence.start, end: evidence.end, about: after.about, venue: after.venue, reportedBy: after.reportedBy };
    const validation = validateDocument({ article: { id: evidence.id, title: evidence.title, text: evidence.text }, entities: [], statements: [statement] });
    if (!validation.ok) problems.push(...validation.problems.map((p) => ({ path: p.path.replace(/^statements\[0\]\.?/, 'changes.'), message: `in ${evidence.id}: ${p.message}` })));
    const external = validation.ok ? validation.document.external : validation.external;
    const references = await unresolvedReferenceProblems(tx, [null], new Map([[0, external]]));
    problems.push(...(references.get(0) ?? []).map((p) => ({ path: p.path.replace(/^statements\[0\]\.?/, 'changes.'), message: p.message })));
  }
  if (after.quotedIn !== null) {
    const [target] = await tx.run(cypher(Q.QUOTED_IN_TARGET, { id, quotedIn: after.quotedIn }));
    if (after.quotedIn === id) problems.push({ path: 'changes.quotedIn', message: `expected another statement; ${id} cannot be quoted inside itself` });
    else if (target?.exists !== true) problems.push({ path: 'changes.quotedIn', message: `expected the id of a statement; no statement has the id ${after.quotedIn}` });
    else if (target.sameArticle !== true) problems.push({ path: 'changes.quotedIn', message: `expected a statement of the same article; ${after.quotedIn} appears in none of ${id}'s articles` });
  }
  const unique = [...new Map(problems.map((p) => [`${p.path}|${p.message}`, p])).values()];
  if (unique.length > 0) {
    throw badInput(`The correction has ${unique.length} problem(s), nothing was written: ${unique.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems: unique });
  }
}
