/**
 * The synthetic demo month (`npm run seed -- --demo`, src/corpus/demo.ts) is invented
 * coverage: its outlets are named "… (synthetic)", and the people they quote and their
 * articles exist nowhere else. When the graph holds it, every view may show some of it in a
 * count, a series, a network or a list, so the explorer says so above every view.
 */
import { query, SYNTHETIC_OUTLETS } from './api';
import { h } from './dom';

/** How the demo names its outlets (DEMO.label in src/corpus/demo.ts). */
export const SYNTHETIC_LABEL = '(synthetic)';

interface Hits {
  search: { node: { __typename: string; id: string; name?: string } }[];
}

/** Whether the graph holds an outlet the demo made; null when the question failed (the views report the API's failures). */
async function graphHoldsSynthetic(): Promise<boolean | null> {
  try {
    const { search } = await query<Hits>(SYNTHETIC_OUTLETS);
    return search.some((hit) => hit.node.__typename === 'Organization' && (hit.node.name ?? '').endsWith(` ${SYNTHETIC_LABEL}`));
  } catch {
    return null;
  }
}

/** How many checks were started: only the latest may change the banner, whatever order the answers come in. */
let checks = 0;

/**
 * Asks the graph again and shows the banner, or removes it, by what it holds now: the demo
 * can be loaded, or the graph reseeded without it, while a page stays open. The page asks
 * on every route and whenever a live view hears of new statements; a failed question leaves
 * the banner as it was.
 */
export async function followSynthetic(): Promise<void> {
  checks += 1;
  const check = checks;
  const synthetic = await graphHoldsSynthetic();
  if (check !== checks || synthetic === null) return;
  const banner = document.getElementById('synthetic-banner');
  if (synthetic && banner === null) document.getElementById('main')?.before(syntheticBanner());
  if (!synthetic) banner?.remove();
}

function syntheticBanner(): HTMLElement {
  return h(
    'p',
    { class: 'synthetic-banner', role: 'note', id: 'synthetic-banner' },
    h('strong', null, 'This graph holds synthetic demo data. '),
    `A month of invented coverage (npm run seed -- --demo) sits beside the real story: its outlets are named “… ${SYNTHETIC_LABEL}”, and the people they quote and their articles are made up. Counts, series and networks here include it unless a filter selects the story alone.`,
  );
}
