/**
 * One statement: the words, who said them (with their role as the article gives it), how,
 * through whom, about what, the quotes around it, and the article's sentence with the
 * exact span marked.
 */
import type { Evidence, StatementDetail, StatementRef } from '../api';
import { dateInfoText, empty, entityLinks, facts, KIND_HELP, kindBadge, nodeLink, roleText, statementWords, viewHeading } from '../components';
import { h, type Child } from '../dom';
import { editsSection, retractedBanner } from '../editorial';
import { loadStatement } from '../neighbourhood';
import { href } from '../routes';
import type { View } from '../view';

export const statementView: View<{ view: 'statement'; id: string }> = async (route, signal) => {
  const statement = await loadStatement(route.id, signal);
  if (!statement) return [viewHeading('Not found'), empty(['No statement has the id ', h('code', null, route.id), '.'])];
  return statementPage(statement);
};

function statementPage(s: StatementDetail): Child[] {
  const roles = s.speaker.roles ?? [];
  const others = s.evidences.filter((e) => e.article.id !== s.evidence.article.id || e.start !== s.evidence.start);
  return [
    h(
      'article',
      { class: 'statement-view' },
      retractedBanner(s.retracted, 'statement'),
      h('div', { class: 'card-head' }, kindBadge(s.kind), h('span', { class: 'muted' }, KIND_HELP[s.kind])),
      viewHeading(h('span', { class: `statement-text kind-text-${s.kind.toLowerCase()}` }, statementWords(s.kind, s.text))),
      h(
        'p',
        { class: 'attribution-line' },
        '— ',
        h('span', { class: 'speaker-name' }, nodeLink(s.speaker)),
        roles.length > 0 ? h('span', { class: 'role' }, `, ${roles.map(roleText).join('; ')}`) : null,
      ),
      facts([
        ['How it was said', s.venue],
        ['Reported by', s.reportedBy.length > 0 ? h('span', { class: 'reported-by' }, entityLinks(s.reportedBy)) : null],
        ['About', s.about.length > 0 ? h('span', { class: 'topics' }, entityLinks(s.about)) : null],
        ['When', dateInfoText(s.date)],
        ['Quoted inside', s.quotedIn ? quoteRef(s.quotedIn) : null],
        ['Quotes inside it', s.quotes.length > 0 ? h('ul', { class: 'plain-list' }, s.quotes.map((q) => h('li', null, quoteRef(q)))) : null],
      ]),
      h(
        'section',
        { class: 'evidence', 'aria-labelledby': 'evidence-title' },
        h('h2', { id: 'evidence-title' }, 'In the article'),
        evidenceBlock(s.evidence, s.kind === 'INDIRECT'),
        others.length > 0 ? [h('h3', null, `Also in ${others.length} more ${others.length === 1 ? 'place' : 'places'}`), others.map((e) => evidenceBlock(e, s.kind === 'INDIRECT'))] : null,
      ),
      editsSection(s),
      h(
        'nav',
        { class: 'actions', 'aria-label': 'More' },
        h('a', { class: 'button', href: href.node(s.speaker.id) }, `${s.speaker.name}’s network`),
        h('a', { class: 'button', href: href.attribution({ article: s.evidence.article.id }) }, 'Who is quoted in this article'),
        h('a', { class: 'button', href: href.node(s.evidence.article.id) }, 'Read the article'),
      ),
    ),
  ];
}

function quoteRef(q: StatementRef): HTMLElement {
  return h('span', { class: 'quote-ref' }, kindBadge(q.kind), ' ', nodeLink(q, 140), ' — ', nodeLink(q.speaker));
}

/**
 * The sentence with the span marked: Evidence gives offsets into the article, and the
 * sentence's own offset, so the span within the sentence is [start - sentenceStart,
 * end - sentenceStart). A span that runs past the sentence (a quote of several
 * sentences) is marked up to the sentence's end.
 */
export function evidenceBlock(e: Evidence, paraphrase: boolean): HTMLElement {
  const from = Math.max(0, e.start - e.sentenceStart);
  const to = Math.min(e.sentence.length, e.end - e.sentenceStart);
  return h(
    'figure',
    { class: 'evidence-block' },
    h('blockquote', { class: 'sentence' }, e.sentence.slice(0, from), h('mark', { class: 'span' }, e.sentence.slice(from, to)), e.sentence.slice(to)),
    h(
      'figcaption',
      null,
      paraphrase ? 'The words the paraphrase rests on, in ' : 'The quoted words, in ',
      nodeLink(e.article),
      e.article.publishedAt ? ` (${e.article.publishedAt})` : null,
      h('span', { class: 'muted' }, `, characters ${e.start}–${e.end}`),
    ),
  );
}
