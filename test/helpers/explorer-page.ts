/** What the explorer's browser tests share about its pages. */
import type { Page } from 'playwright-core';

/** The little of the page's DOM that `settled` reads (the tests' TypeScript has no DOM types). */
interface PageGlobals {
  readonly document: {
    readonly body: { readonly dataset: Record<string, string | undefined> };
    getElementById(id: string): { hasAttribute(name: string): boolean; readonly dataset: Record<string, string | undefined> } | null;
  };
  readonly location: { readonly hash: string };
}

/**
 * Waits until the view for the current URL has loaded: the router took aria-busy off <main>
 * and marked it with that URL's hash (the hash changes a moment before the hashchange event
 * starts the next render, so aria-busy alone can describe the view before it).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const { document, location } = globalThis as unknown as PageGlobals;
    const main = document.getElementById('main');
    return document.body.dataset.started === 'yes' && main !== null && !main.hasAttribute('aria-busy') && main.dataset.hash === location.hash;
  });
}
