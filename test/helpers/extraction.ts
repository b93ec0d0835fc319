/**
 * The extractor run on a snippet of test text as the body of an article: its title line
 * first, as a page gives it, resolved against `gazetteer` (none: from the text alone).
 */
import { extractText, type ExtractionProposal } from '../../src/extract/extract';
import { gazetteerOf, type Gazetteer } from '../../src/extract/gazetteer';

export const TEST_TITLE = 'Test article';

export function proposeBody(text: string, gazetteer?: Gazetteer, title = TEST_TITLE): ExtractionProposal {
  return extractText(`${title}\n${text}`, { title, gazetteer });
}

/** The statements proposed for `text`, each as its kind, speaker and words: what most rules' tests compare. */
export function said(text: string, gazetteer: Gazetteer = gazetteerOf([])): [string, string, string][] {
  return proposeBody(text, gazetteer).document.statements.map((s) => [s.kind, s.speaker, s.text]);
}
