/**
 * The thirteenth round's rules on who a description is and how a speaker after the verb is
 * bounded (issue 20), from shapes met on devset/heldout7, devset/heldout5 and
 * devset/wild13-refer. People, bodies and places are invented; the passages are written for
 * these tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { ArticleDocument } from '../../src/ingest/document';
import { said } from '../helpers/extraction';

const withHeadline = (...paragraphs: string[]): string => ['Flood relief falls short', ...paragraphs].join('\n\n');

describe('a description no one in the text holds', () => {
  it('is the person named just before it, when the text gives that person no other title', () => {
    const text = withHeadline('Tessa Marlow conceded that help came too slowly.', 'The new count means 40 homes are lost.', 'The premier visited the shelter. She said the volunteers had been tireless.');
    expect(said(text)).toEqual([
      ['INDIRECT', 'person:tessa-marlow', 'Help came too slowly.'],
      ['INDIRECT', 'person:tessa-marlow', 'The volunteers had been tireless.'],
    ]);
  });

  it('is nobody named when the person before it holds another title', () => {
    const text = withHeadline('Councillor Brant Ovel said the shelters would stay open.', 'The port manager said the ferry would carry supplies. He added that the night crossings would resume.');
    expect(said(text)).toEqual([['INDIRECT', 'person:brant-ovel', 'The shelters would stay open.']]);
  });

  it('is nobody named when the person before it was named in passing, not as the main subject', () => {
    const text = withHeadline('Tessa Marlow said aid would come as soon as Brant Ovel declared an emergency.', 'The premier said the volunteers had been tireless.');
    expect(said(text)).toEqual([['INDIRECT', 'person:tessa-marlow', 'Aid would come as soon as Brant Ovel declared an emergency.']]);
  });

  it('reads a title by its words: "vice president" is no resident', () => {
    const text = withHeadline('Brant Ovel, vice president of the ferry company, met the families.', 'The resident said the ferry came too late.');
    expect(said(text)).toEqual([]);
  });
});

describe('the speaker written after the verb', () => {
  it('is the person a possessive describes, not the possessor', () => {
    expect(said(withHeadline('“Stay calm and stay home,” added Orlin’s Rory Deitman.'))).toEqual([['DIRECT', 'person:rory-deitman', 'Stay calm and stay home,']]);
  });

  it('is nobody named after a possessive alone', () => {
    expect(said(withHeadline('“Stay calm and stay home,” said Orlin’s mayor.'))).toEqual([]);
  });

  it('is the member a body’s title names, capitalised or not', () => {
    expect(said(withHeadline('“We will map the river,” said Valley Board Member Jennifer Holmsby.'))).toEqual([['DIRECT', 'person:jennifer-holmsby', 'We will map the river,']]);
    expect(said(withHeadline('“We will map the river,” said VRB member Jennifer Holmsby.'))).toEqual([['DIRECT', 'person:jennifer-holmsby', 'We will map the river,']]);
  });
});

describe('the fixture of these shapes', () => {
  const gold = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'pattern-7-described-named.json'), 'utf8')) as ArticleDocument;

  it.each([false, true])('pattern-7-described-named gives each statement its speaker and leaves the port manager out (graph known: %s)', (known) => {
    const proposed = extractText(gold.article.text, { title: gold.article.title, gazetteer: gazetteerOf(known ? gold.entities : []) }).document.statements;
    expect(proposed.map((s) => [s.kind, s.speaker])).toEqual(gold.statements.map((s) => [s.kind, s.speaker]));
  });
});
