/**
 * Corrections shown where they apply: a statement's or an article's edits, newest first, each
 * in words (edits.ts), and a banner on what was retracted. Newsrooms append corrections and
 * show them; so does the explorer.
 */
import { h, type Child } from './dom';
import { day, editSentences, type Editorial, type Retraction } from './edits';

export function retractedBanner(retracted: Retraction | null, what: string): HTMLElement | null {
  if (retracted === null) return null;
  return h(
    'p',
    { class: 'retracted-banner', role: 'alert' },
    h('strong', null, `This ${what} was retracted`),
    ` on ${day(retracted.at)}: ${retracted.reason}. It no longer counts in lists, search or analytics.`,
  );
}

export function editsSection(editorial: Editorial): Child {
  const edits = editorial.history.edges.map((e) => e.node);
  if (!edits.some((e) => e.action !== 'ingest')) return null;
  return h(
    'section',
    { class: 'edits', 'aria-labelledby': 'edits-title' },
    h('h2', { id: 'edits-title' }, 'Corrections and edits ', h('span', { class: 'count' }, String(editorial.history.totalCount))),
    h(
      'ul',
      { class: 'plain-list edit-list' },
      edits.flatMap((edit) => editSentences(edit).map((sentence) => h('li', { class: `edit edit-${edit.action}` }, sentence, h('span', { class: 'muted' }, ` (${edit.who})`)))),
    ),
  );
}
