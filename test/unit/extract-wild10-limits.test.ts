/**
 * Where the tenth round's rules stop (issue 20), each case a defect the review of the round
 * found: a body's name goes on across "and" only to words that name no one; an outlet's word
 * after a first name is a surname only where "the" does not stand before it; a negation
 * inside the clause a verb of saying reports denies nothing of its occasion; an answering
 * verb keeps the occasion only when it, not a verb before it, is told as done; "the X" speaks
 * with adverbs or a day between it and its verb; a short line does not wrap into the next.
 * People, bodies and places are invented.
 */
import { gazetteerOf } from '../../src/extract/gazetteer';
import { layOut } from '../../src/extract/layout';
import { proposeBody } from '../helpers/extraction';

const proposed = (...paragraphs: string[]): ReturnType<typeof proposeBody>['document'] => proposeBody(['Harbour board meets after the flood', ...paragraphs].join('\n\n'), gazetteerOf([])).document;
const said = (...paragraphs: string[]): [string, string, string | null][] => proposed(...paragraphs).statements.map((s) => [s.kind, s.speaker, s.venue ?? null]);

describe('a body’s name across "and"', () => {
  it('stops before a person named with a title', () => {
    const ids = proposed('Officials of the Department of Harbours and Port Director Lina Voss met on Monday.', '“We will reopen the quay,” Voss said.').entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['org:department-of-harbours', 'person:lina-voss']));
  });
});

describe('an outlet’s word after a first name', () => {
  it('is the outlet’s after "the"', () => {
    expect(said('The board approved the dredging on Monday, the Charlotte Observer reported.')).toEqual([['INDIRECT', 'org:charlotte-observer', null]]);
  });
});

describe('a negation before an occasion', () => {
  it('denies nothing when it is inside the clause "said" reports', () => {
    expect(said('Mayor Ana Ruiz said the town would not pay at a news conference on Tuesday.')).toEqual([['INDIRECT', 'person:ana-ruiz', 'news conference']]);
  });
});

describe('an answering verb', () => {
  it('keeps the occasion only when it is told as done, however an adverb or another verb stands near it', () => {
    expect(
      said(
        '“We need the money now,” Harbour director Tom Roe said at a news conference on Monday.',
        'Roe, who completed an audit of the fund in 2019, has complained that the payments are late.',
        'Roe has repeatedly warned that the quay needs a second crane.',
        'Roe, who has contributed to the fund, contended that the payments are late.',
      ),
    ).toEqual([
      ['DIRECT', 'person:tom-roe', 'news conference'],
      ['INDIRECT', 'person:tom-roe', null],
      ['INDIRECT', 'person:tom-roe', null],
      ['INDIRECT', 'person:tom-roe', 'news conference'],
    ]);
  });
});

describe('"the X" with an adverb or a day before its verb', () => {
  it('is a body that speaks', () => {
    expect(said('The Admiralty on Saturday said the strike was a provocation.', '“The talks are over,” the Admiralty also said.')).toEqual([
      ['INDIRECT', 'org:admiralty', null],
      ['DIRECT', 'org:admiralty', null],
    ]);
  });
});

describe('a short line', () => {
  it('ends its paragraph: a byline does not wrap into the lede', () => {
    const layout = layOut('Board defends the dredging\n\nMira Sand\nfor the Harbour Gazette\nMarch 2, 2009\nThe harbour board defended its dredging plan on Monday.');
    expect(layout.paragraphs.map((p) => layout.source.slice(p.start, p.end))).toContain('The harbour board defended its dredging plan on Monday.');
  });
});
