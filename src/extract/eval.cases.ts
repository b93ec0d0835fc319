/**
 * The annotated articles the extractor is measured on: the first story (seed/story.json,
 * annotated before the extractor existed) and the hand-annotated articles about other
 * topics in test/fixtures/extract/ (each `<name>.json` in the ingest shape, its text also
 * in `<name>.txt`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import type { ArticleDocument } from '../ingest/document';

/**
 * How much the rules have seen of an article: `dev` ones were written with the rules;
 * `round2` ones were scored blind once, then their errors led to general fixes; `heldout`
 * ones were written after the rules were frozen and have never led to a change.
 */
export type EvalSet = 'story' | 'dev' | 'round2' | 'heldout';

export interface EvalCase {
  readonly name: string;
  readonly gold: ArticleDocument;
  readonly set: EvalSet;
}

export const FIXTURE_DIR = path.join(projectRoot(), 'test', 'fixtures', 'extract');

const SET_OF_PREFIX: Readonly<Record<string, EvalSet>> = { dev: 'dev', r2: 'round2', heldout: 'heldout' };

/** The story first, then the fixtures by name; a fixture's set is its file-name prefix. */
export function evalCases(): EvalCase[] {
  const story = JSON.parse(readFileSync(path.join(projectRoot(), 'seed', 'story.json'), 'utf8')) as ArticleDocument;
  const fixtures = readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      gold: JSON.parse(readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as ArticleDocument,
      set: SET_OF_PREFIX[f.split('-')[0] ?? ''] ?? 'dev',
    }));
  return [{ name: 'story', gold: story, set: 'story' as const }, ...fixtures];
}
