import type { Extractor } from './extract.task';

/**
 * Extraction on the calling thread: for `npm run extract`, tests that need no server, and
 * contexts made without one. The extractor loads at the first call, not with this module.
 */
export const IN_PROCESS: Extractor = {
  propose: async (request, lookup) => (await import('./extract.propose')).proposeWith(request, lookup),
};
