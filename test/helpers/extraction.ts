/**
 * The extractor run on a snippet of test text as the body of an article: its title line
 * first, as a page gives it, resolved against `gazetteer` (none: from the text alone).
 */
import { extractText, type ExtractionProposal } from '../../src/extract/extract';
import type { Gazetteer } from '../../src/extract/gazetteer';

export const TEST_TITLE = 'Test article';

export function proposeBody(text: string, gazetteer?: Gazetteer, title = TEST_TITLE): ExtractionProposal {
  return extractText(`${title}\n${text}`, { title, gazetteer });
}
