/** Where the explorer opens: what it is for, and the people, policies and articles to start from. */
import { ATTRIBUTION, loadCatalogue, query, type AttributionBucket } from '../api';
import { nodeLink, viewHeading } from '../components';
import { h, type Child } from '../dom';
import { href } from '../routes';
import type { View } from '../view';

interface Counts {
  speakers: AttributionBucket[];
}

export const homeView: View<{ view: 'home' }> = async (_route, signal) => {
  const [catalogue, counts] = await Promise.all([loadCatalogue(), query<Counts>(ATTRIBUTION, {}, signal)]);
  const list = (title: string, items: Child[]): HTMLElement =>
    h('section', { class: 'panel' }, h('h2', null, title), items.length > 0 ? h('ul', { class: 'plain-list' }, items.map((item) => h('li', null, item))) : h('p', null, 'None yet.'));

  return [
    viewHeading('Who said what, and how it connects'),
    h(
      'p',
      { class: 'lede' },
      'Search the news graph for people, organizations, policies and quotes. Every statement links to the exact words in its article; ',
      'every entity shows its network, its timeline and who spoke about it.',
    ),
    h(
      'div',
      { class: 'grid-3' },
      list(
        'Most quoted',
        counts.speakers.map((bucket) =>
          h('span', null, bucket.id ? h('a', { href: href.node(bucket.id) }, bucket.label) : bucket.label, h('span', { class: 'muted' }, ` · ${bucket.count} statements`)),
        ),
      ),
      list(
        'Policies',
        catalogue.policies.edges.map((e) =>
          h('span', null, nodeLink(e.node), ' ', h('a', { href: href.attribution({ about: e.node.id }), class: 'small-link' }, 'who spoke about it')),
        ),
      ),
      list(
        'Articles',
        catalogue.articles.edges.map((e) => h('span', null, nodeLink(e.node), e.node.publishedAt ? h('span', { class: 'muted' }, ` · ${e.node.publishedAt}`) : null)),
      ),
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', null, 'Ways in'),
      h(
        'ul',
        { class: 'plain-list' },
        h('li', null, h('a', { href: href.timeline() }, 'The timeline'), ': every event, policy and statement, oldest first.'),
        h('li', null, h('a', { href: href.paths('person:emmanuel-macron', 'person:john-ratcliffe') }, 'How Emmanuel Macron connects to John Ratcliffe'), ': the path finder.'),
        h('li', null, h('a', { href: href.attribution({}) }, 'Attribution'), ': statements over time and counted by speaker and by reporting outlet.'),
        h('li', null, h('a', { href: href.network({}) }, 'The network'), ': who speaks about what, who carries whom, who is quoted beside whom.'),
        h('li', null, h('a', { href: '/graphiql' }, 'GraphiQL'), ': write your own queries against the API.'),
      ),
    ),
  ];
};
