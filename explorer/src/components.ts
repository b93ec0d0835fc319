/** The pieces every view is built from: links to nodes, statement cards, dates, states. */
import { ApiError, type AnyNode, type DateInfo, type EntityRef, type NodeType, type Role, type StatementKind, type StatementSummary } from './api';
import { h, joined, type Child } from './dom';
import { href } from './routes';

export const TYPE_LABEL: Record<NodeType, string> = {
  Person: 'Person',
  Organization: 'Organization',
  Place: 'Place',
  Policy: 'Policy',
  Event: 'Event',
  Statement: 'Statement',
  Article: 'Article',
};

export const KIND_LABEL: Record<StatementKind, string> = {
  DIRECT: 'Direct quote',
  PARTIAL: 'Partial quote',
  INDIRECT: 'Paraphrase',
};

export const KIND_HELP: Record<StatementKind, string> = {
  DIRECT: 'a whole quoted sentence, word for word',
  PARTIAL: 'a quoted fragment, word for word',
  INDIRECT: 'the article’s paraphrase of what was said',
};

export function typeBadge(type: NodeType): HTMLElement {
  return h('span', { class: `badge badge-${type.toLowerCase()}` }, TYPE_LABEL[type]);
}

export function kindBadge(kind: StatementKind): HTMLElement {
  return h('span', { class: `kind kind-${kind.toLowerCase()}`, title: KIND_HELP[kind] }, KIND_LABEL[kind]);
}

/** The words of a statement as the reader should see them: quotes in quotation marks. */
export function statementWords(kind: StatementKind, text: string): string {
  return kind === 'INDIRECT' ? text : `“${text}”`;
}

/** At most `max` characters, cut at a word boundary where one is near, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** A short human label for any node. */
export function nodeLabel(node: AnyNode, max = 80): string {
  switch (node.__typename) {
    case 'Statement':
      return shorten(statementWords(node.kind, node.text), max);
    case 'Article':
      return node.title;
    default:
      return node.name;
  }
}

export function nodeLink(node: AnyNode, max = 80): HTMLAnchorElement {
  return h('a', { href: href.node(node.id), class: 'node-link' }, nodeLabel(node, max));
}

export function entityLinks(entities: readonly EntityRef[]): Child[] {
  return joined(entities.map((e) => nodeLink(e)));
}

export function roleText(role: Role): string {
  const where = [role.organization?.name, role.place?.name].filter((name): name is string => typeof name === 'string' && !role.title.includes(name));
  const title = role.former ? `former ${role.title}` : role.title;
  return where.length > 0 ? `${title} (${where.join(', ')})` : title;
}

/** A statement in a list: kind, the words (a link to the statement), who, how and through whom. */
export function statementCard(statement: StatementSummary, options: { showSpeaker: boolean } = { showSpeaker: true }): HTMLElement {
  return h(
    'li',
    { class: 'statement-card' },
    h('div', { class: 'card-head' }, kindBadge(statement.kind), options.showSpeaker ? h('span', { class: 'speaker' }, '— ', nodeLink(statement.speaker)) : null),
    h('a', { href: href.node(statement.id), class: 'statement-words' }, statementWords(statement.kind, statement.text)),
    h(
      'div',
      { class: 'card-meta' },
      statement.venue ? h('span', null, statement.venue) : null,
      statement.reportedBy.length > 0 ? h('span', null, 'reported by ', entityLinks(statement.reportedBy)) : null,
      statement.about.length > 0 ? h('span', null, 'about ', entityLinks(statement.about)) : null,
    ),
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO date as the reader wants it, at its precision: "5 Mar 2025", "week of 10 Mar 2025", "2022". */
export function formatDate(date: string | null, precision: string | null): string {
  if (!date) return 'Undated';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y) return date;
  const day = `${d ?? ''} ${MONTHS[(m ?? 1) - 1] ?? ''} ${y}`.trim();
  switch (precision) {
    case 'YEAR':
      return String(y);
    case 'MONTH':
      return `${MONTHS[(m ?? 1) - 1] ?? ''} ${y}`;
    case 'WEEK':
      return `week of ${day}`;
    default:
      return day;
  }
}

export function dateInfoText(info: DateInfo | null | undefined): string | null {
  if (!info || (!info.date && !info.text)) return null;
  const words = info.text ? `“${info.text}”` : null;
  if (!info.date) return words;
  return words ? `${formatDate(info.date, info.precision)} (${words})` : formatDate(info.date, info.precision);
}

/** A definition list of facts; rows without a value are left out. */
export function facts(rows: [string, Child][]): HTMLElement {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0));
  return h(
    'dl',
    { class: 'facts' },
    shown.map(([term, value]) => [h('dt', null, term), h('dd', null, value)]),
  );
}

export function loading(what: string): HTMLElement {
  return h('div', { class: 'state state-loading', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${what}…`);
}

/** What went wrong, in the server's words, and a way to try again. */
export function errorBox(error: unknown, retry?: () => void): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return h(
    'div',
    { class: 'state state-error', role: 'alert' },
    h('strong', null, 'Something went wrong. '),
    h('span', { class: 'error-message' }, message),
    code ? h('code', { class: 'error-code' }, code) : null,
    retry ? h('button', { type: 'button', class: 'button', onclick: () => retry() }, 'Try again') : null,
  );
}

export function empty(message: Child): HTMLElement {
  return h('p', { class: 'state state-empty' }, message);
}

/** The heading of a view; it takes focus when the view opens, so keyboard and screen-reader users land on it. */
export function viewHeading(...children: Child[]): HTMLHeadingElement {
  return h('h1', { class: 'view-title', tabindex: '-1' }, ...children);
}
