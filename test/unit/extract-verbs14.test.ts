/**
 * The fourteenth round's rules on verbs of saying, quotes across paragraphs and venues
 * (issue 20), from shapes met on devset/heldout8, devset/heldout7 and devset/wild14-verbs.
 * People, bodies, outlets and places are invented; the passages are written for these tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { ArticleDocument } from '../../src/ingest/document';
import { said, wordsAndVenues as venues } from '../helpers/extraction';

const withHeadline = (...paragraphs: string[]): string => ['Mine flood in Carrow Vale', ...paragraphs].join('\n\n');

describe('an outlet that vouches for a claim', () => {
  it('is the speaker when the claim’s own verb names nobody', () => {
    expect(said(withHeadline('Police said they believe nine miners were trapped, the Valley Courier reported.'))).toEqual([['INDIRECT', 'org:valley-courier', 'Police said they believe nine miners were trapped.']]);
    expect(said(withHeadline('Officials said the water had blocked the tunnel, according to the Valley Courier.'))).toEqual([['INDIRECT', 'org:valley-courier', 'Officials said the water had blocked the tunnel.']]);
  });

  it('only relays the words of someone named, and its credit is no part of them', () => {
    expect(said(withHeadline('Rescue chief Odile Brenner said the pumps were working, the Valley Courier reported.'))).toEqual([['INDIRECT', 'person:odile-brenner', 'The pumps were working.']]);
  });

  it('is not the speaker of a "told" it listened to', () => {
    expect(said(withHeadline('The water kept rising on Monday, Anselm Varga, with the mines inspectorate, told the Valley Courier.'))).toEqual([]);
  });
});

describe('a quote that characterises what the verb’s object is', () => {
  it('is the subject’s, whatever the verb, and joined by "and" to a verb before', () => {
    expect(said(withHeadline('Mayor Colin Ashby hailed the rescue crews as “the best of the valley” and defended the pumps as “all we could afford.”'))).toEqual([
      ['PARTIAL', 'person:colin-ashby', 'the best of the valley'],
      ['PARTIAL', 'person:colin-ashby', 'all we could afford.'],
    ]);
  });

  it('is nobody’s in the passive', () => {
    expect(said(withHeadline('The rescue was widely seen as “a small miracle” in the valley.'))).toEqual([]);
  });
});

describe('a quote left open at its paragraph’s end', () => {
  it('takes the speaker a later paragraph of the same run names', () => {
    const text = withHeadline('The foreman, Ines Calder, spoke at the pithead.', '“The shaft had been weak for years. Nobody listened.', '“Now the lower level is gone,” Calder said.');
    expect(said(text)).toEqual([
      ['DIRECT', 'person:ines-calder', 'The shaft had been weak for years. Nobody listened.'],
      ['DIRECT', 'person:ines-calder', 'Now the lower level is gone,'],
    ]);
  });

  it('stays nobody’s when the next paragraph does not go on with a quotation mark', () => {
    const text = withHeadline('The foreman, Ines Calder, spoke at the pithead.', '“The shaft had been weak for years. Nobody listened.', 'Calder said the lower level was gone.');
    expect(said(text)).toEqual([['INDIRECT', 'person:ines-calder', 'The lower level was gone.']]);
  });
});

describe('who heard the words', () => {
  it('is the venue after a verb of saying and "to", as after "told"', () => {
    expect(venues(withHeadline('Mine chief Mirela Dovic explained to lawmakers that the budget had run out.', 'Dovic suggested to the Valley Courier that the closure could last a month.'))).toEqual([
      ['The budget had run out.', 'explained to lawmakers'],
      ['The closure could last a month.', 'suggested to the Valley Courier'],
    ]);
  });

  it('is no venue after a reply or a letter', () => {
    expect(venues(withHeadline('Mine chief Mirela Dovic responded to Anselm Varga that the budget had run out.'))).toEqual([['The budget had run out.', null]]);
  });
});

describe('an occasion still to come', () => {
  it('is the venue of nothing said before it', () => {
    const text = withHeadline('Mine chief Mirela Dovic said the shaft would stay shut.', 'Dovic will give a press conference on Friday.');
    expect(venues(text)).toEqual([['The shaft would stay shut.', null]]);
  });

  it('leaves a past occasion its venue when "will" governs another verb of the sentence', () => {
    for (const opening of [
      'Mine chief Mirela Dovic held a news conference on Monday, and the county will open three shelters.',
      'Mine chief Mirela Dovic held a news conference on Monday before she will meet the governor.',
      'At a news conference on Monday, mine chief Mirela Dovic, who will lead the inquiry, spoke.',
    ]) {
      const [held] = venues(withHeadline(`${opening}`, '“We will not wait,” Dovic said.'));
      expect(held).toEqual(['We will not wait,', 'news conference']);
    }
  });
});

describe('the fixtures of these shapes', () => {
  it.each(['pattern-5-outlet-vouches', 'pattern-3-quote-runs-on', 'venue-said-to-listener'])('%s: every statement found but the speaker in an aside', (name) => {
    const gold = JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as ArticleDocument;
    // With the graph, "Rescue chief … said …, the Valley Courier reported" still gives the Courier a claim of its own (left: EXTRACTION.md, round 14).
    for (const known of name === 'pattern-5-outlet-vouches' ? [false] : [false, true]) {
      const proposed = extractText(gold.article.text, { title: gold.article.title, gazetteer: gazetteerOf(known ? gold.entities : []) }).document.statements;
      const expected = gold.statements.filter((s) => !(name === 'pattern-5-outlet-vouches' && s.speaker === 'person:anselm-varga'));
      expect(proposed.map((s) => [s.kind, s.speaker, s.kind === 'INDIRECT' ? null : s.start, s.venue ?? null])).toEqual(expected.map((s) => [s.kind, s.speaker, s.kind === 'INDIRECT' ? null : s.start, s.venue ?? null]));
    }
  });
});
