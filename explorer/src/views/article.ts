/**
 * An article as it was written, with every statement's span marked and linked: the
 * reading view of "who said what". Spans may nest (Trump's words inside Ratcliffe's
 * quote); each stretch of text links to the innermost statement that covers it.
 */
import { ARTICLE, query, type ArticleDetail, type StatementKind } from '../api';
import { empty, entityLinks, facts, KIND_LABEL, statementCard, viewHeading } from '../components';
import { h, type Child } from '../dom';
import { editsSection, retractedBanner } from '../editorial';
import { href } from '../routes';
import type { View } from '../view';

const STATEMENTS = 100;

interface Span {
  id: string;
  kind: StatementKind;
  start: number;
  end: number;
  label: string;
}

export const articleView: View<{ view: 'article'; id: string }> = async (route, signal) => {
  const { article } = await query<{ article: ArticleDetail | null }>(ARTICLE, { id: route.id, first: STATEMENTS }, signal);
  if (!article) return [viewHeading('Not found'), empty(['No article has the id ', h('code', null, route.id), '.'])];
  const spans: Span[] = article.statements.edges.flatMap(({ node }) =>
    node.evidences
      .filter((e) => e.article.id === article.id)
      .map((e) => ({ id: node.id, kind: node.kind, start: e.start, end: e.end, label: `${KIND_LABEL[node.kind]} by ${node.speaker.name}` })),
  );
  const speakers = [...new Map(article.statements.edges.map((e) => [e.node.speaker.id, e.node.speaker])).values()];
  return [
    retractedBanner(article.retracted, 'article'),
    viewHeading(article.title),
    editsSection(article),
    facts([
      ['Published', article.publishedAt],
      ['Publisher', article.publisher ? h('a', { href: href.node(article.publisher.id) }, article.publisher.name) : null],
      ['Source', article.url ? h('span', { class: 'url' }, article.url) : null],
      ['Speakers', speakers.length > 0 ? entityLinks(speakers) : null],
    ]),
    h('nav', { class: 'actions', 'aria-label': 'About this article' }, h('a', { class: 'button', href: href.attribution({ article: article.id }) }, 'Who is quoted, by outlet'), h('a', { class: 'button', href: href.network({ article: article.id }) }, 'Network of who is quoted')),
    h(
      'div',
      { class: 'grid-article' },
      h('section', { class: 'article-text', 'aria-label': 'Article text, statements marked' }, paragraphs(article.text, spans)),
      h(
        'section',
        { class: 'statements', 'aria-labelledby': 'article-statements' },
        h('h2', { id: 'article-statements' }, 'Statements ', h('span', { class: 'count' }, String(article.statements.totalCount))),
        h('ul', { class: 'statement-list' }, article.statements.edges.map((e) => statementCard(e.node))),
      ),
    ),
  ];
};

function paragraphs(text: string, spans: readonly Span[]): HTMLElement[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    cuts.add(i);
    cuts.add(i + 1);
  }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const result: HTMLElement[] = [];
  let current: Child[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    const piece = text.slice(a, b);
    if (piece === '\n') {
      result.push(h('p', null, current));
      current = [];
      continue;
    }
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (covering.length === 0) {
      current.push(piece);
      continue;
    }
    const inner = covering.reduce((best, s) => (s.end - s.start < best.end - best.start ? s : best));
    current.push(h('a', { href: href.node(inner.id), class: `span-link kind-span-${inner.kind.toLowerCase()} depth-${Math.min(covering.length, 3)}`, title: inner.label }, piece));
  }
  result.push(h('p', null, current));
  return result;
}
