/**
 * The explorer page: the shell in index.html (header, search box, navigation) is already
 * on screen before this runs; this routes the URL fragment to a view, shows a loading
 * state while the view asks the API, and an error with a way to try again when it fails.
 */
import './explorer.css';
import { errorBox, loading, viewHeading } from './components';
import { replace } from './dom';
import { followSynthetic } from './synthetic';
import { parseRoute, type Route } from './routes';
import type { Rendered } from './view';
import { articleView } from './views/article';
import { attributionView } from './views/attribution';
import { entityView } from './views/entity';
import { homeView } from './views/home';
import { networkView } from './views/network';
import { pathsView } from './views/paths';
import { searchView } from './views/search';
import { statementView } from './views/statement';
import { timelineView } from './views/timeline';

const APP_NAME = 'News graph explorer';

function show(route: Route, signal: AbortSignal): ReturnType<typeof homeView> {
  switch (route.view) {
    case 'home':
      return homeView(route, signal);
    case 'search':
      return searchView(route, signal);
    case 'entity':
      return entityView(route, signal);
    case 'statement':
      return statementView(route, signal);
    case 'article':
      return articleView(route, signal);
    case 'attribution':
      return attributionView(route, signal);
    case 'network':
      return networkView(route, signal);
    case 'paths':
      return pathsView(route, signal);
    case 'timeline':
      return timelineView(route, signal);
    case 'missing':
      return Promise.resolve([viewHeading('No such view'), errorBox(new Error(`The explorer has no view at “${route.hash}”. Use the search box, or go back.`))]);
  }
}

const WHAT: Record<Route['view'], string> = {
  home: 'the overview',
  search: 'results',
  entity: 'the entity',
  statement: 'the statement',
  article: 'the article',
  attribution: 'the counts',
  network: 'the network',
  paths: 'the path finder',
  timeline: 'the timeline',
  missing: 'the view',
};

interface Showing {
  readonly controller: AbortController;
  dispose?: () => void;
}

let showing: Showing | undefined;

async function render(): Promise<void> {
  const main = document.getElementById('main') as HTMLElement;
  const hash = location.hash;
  const route = parseRoute(hash);
  showing?.controller.abort();
  showing?.dispose?.();
  const state: Showing = { controller: new AbortController() };
  showing = state;
  updateChrome(route);
  void followSynthetic();
  main.setAttribute('aria-busy', 'true');
  replace(main, loading(WHAT[route.view]));
  try {
    const result = await show(route, state.controller.signal);
    if (showing !== state) return;
    const rendered: Rendered = Array.isArray(result) ? { content: result } : (result as Rendered);
    replace(main, ...rendered.content);
    state.dispose = rendered.dispose;
    rendered.mounted?.();
  } catch (error) {
    if (showing !== state) return;
    replace(main, viewHeading('This view could not be loaded'), errorBox(error, () => void render()));
  } finally {
    // data-hash says which address the view now shown belongs to: the hash changes (and
    // aria-busy is still off) a moment before the hashchange event starts the next render.
    if (showing === state) {
      main.removeAttribute('aria-busy');
      main.dataset.hash = hash;
    }
  }
  if (showing !== state) return;
  const heading = main.querySelector<HTMLElement>('h1');
  document.title = heading?.textContent ? `${heading.textContent} · ${APP_NAME}` : APP_NAME;
  if (document.body.dataset.started === 'yes') heading?.focus({ preventScroll: false });
  document.body.dataset.started = 'yes';
  document.body.dataset.view = route.view;
}

/** The header follows the route: the search box shows the current search, the nav marks the current view. */
function updateChrome(route: Route): void {
  const input = document.getElementById('q') as HTMLInputElement | null;
  if (input && route.view === 'search' && input.value !== route.text) input.value = route.text;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-nav a')) {
    const target = parseRoute(link.hash);
    if (link.hash && target.view === route.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function start(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('q') as HTMLInputElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) location.hash = `#/search?${new URLSearchParams({ q: text }).toString()}`;
  });
  // The skip link moves focus without touching the fragment, which holds the route.
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    const heading = document.querySelector<HTMLElement>('#main h1') ?? (document.getElementById('main') as HTMLElement);
    heading.focus();
  });
  window.addEventListener('hashchange', () => void render());
  void render();
}

start();
