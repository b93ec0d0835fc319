/**
 * The extractor run on a snippet of test text as the body of an article: its title line
 * first, as a page gives it, resolved against `gazetteer` (none: from the text alone).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
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

/** The statements proposed for `text`, each as its words and venue (null for none). */
export function wordsAndVenues(text: string): [string, string | null][] {
  return proposeBody(text).document.statements.map((s) => [s.text, s.venue ?? null]);
}

/** The text of the fixture `name` (test/fixtures/extract/<name>.txt), as the eval reads it. */
export const fixtureText = (name: string): string => readFileSync(path.join(FIXTURE_DIR, `${name}.txt`), 'utf8');

/** The speakers proposed for the fixture `name`'s text, in order. */
export const fixtureSpeakers = (name: string): string[] => said(fixtureText(name)).map(([, speaker]) => speaker);
