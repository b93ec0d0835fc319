/**
 * The edits of a statement or article as the API gives them (`history`, `retracted`), the
 * fields a query asks for them with, and each edit in words: "speaker corrected from … to …
 * on …: reason". No DOM here, so the API module and unit tests can use it.
 */

export interface FieldChange {
  field: string;
  from: string[];
  to: string[];
}

export interface EditSummary {
  at: string;
  who: string;
  action: string;
  reason: string | null;
  changes: FieldChange[];
}

export interface Retraction {
  reason: string;
  at: string;
}

export interface Editorial {
  retracted: Retraction | null;
  history: { totalCount: number; edges: { node: EditSummary }[] };
}

/** The fields a statement or article query adds for this component. */
export const EDITORIAL_FIELDS = 'retracted { reason at } history(first: 20) { totalCount edges { node { at who action reason changes { field from to } } } }';

export const day = (at: string): string => at.slice(0, 10);
const values = (list: readonly string[]): string => (list.length === 0 ? 'none' : list.join(', '));

/** One edit as sentences: one per corrected field, or what the action did. */
export function editSentences(edit: EditSummary): string[] {
  const why = edit.reason ? `: ${edit.reason}` : '';
  const on = ` on ${day(edit.at)}`;
  switch (edit.action) {
    case 'correctStatement':
      return edit.changes.map((c) => `${c.field} corrected from ${values(c.from)} to ${values(c.to)}${on}${why}`);
    case 'retractArticle':
      return [`retracted${on}${why}`];
    case 'restoreArticle':
      return [`restored${on}${why}`];
    case 'mergeEntities':
      return edit.changes.map((c) => `${c.field === 'mergedInto' ? 'merged' : c.field} ${values(c.from)} into ${values(c.to)}${on}${why}`);
    case 'ingest':
      return [`recorded${on}`];
    default:
      return [`${edit.action}${on}${why}`];
  }
}

