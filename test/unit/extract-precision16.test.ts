/**
 * The sixteenth round's rules on what counts as a statement (issue 20), from shapes met on
 * devset/heldout9 and devset/wild16-precision (fixtures precision16-caption-credit and
 * precision16-summary-bullets): a caption that ends on its credit, and a bulleted summary at
 * the top of the page. People, bodies and places are invented; the passages are written for
 * these tests.
 */
import { fixtureText, said } from '../helpers/extraction';

const withHeadline = (...paragraphs: string[]): string => ['Kessel harbour to be dredged', ...paragraphs].join('\n\n');

describe('a caption that ends on a named credit', () => {
  it('gives no statement, whatever its credit looks like', () => {
    for (const credit of ['Photo: KP', 'KP PHOTO: ANNA VOSS', 'Credit: Kessel Post', 'Picture: Getty.']) {
      expect(said(withHeadline(`Mayor Ilse Moravec said the town would pay for half of the dredging. ${credit}`, 'The channel will be dredged from May.'))).toEqual([]);
    }
  });

  it('is no credit when what follows its colon is a clause, not a few names', () => {
    expect(said(withHeadline('Mayor Ilse Moravec said the town would pay for half of the dredging. Credit: the harbour board would lend the rest.')).map(([, speaker]) => speaker)).toEqual(['person:ilse-moravec']);
  });

  it('keeps what the body says in the fixture, and only that', () => {
    expect(said(fixtureText('precision16-caption-credit')).map(([kind, speaker]) => `${kind} ${speaker}`)).toEqual([
      'INDIRECT person:tomas-reyne',
      'DIRECT person:tomas-reyne',
      'INDIRECT person:ilse-moravec',
    ]);
  });
});

describe('a bulleted summary near the top of the page', () => {
  const summary = ['  • Kessel Line chief Lena Brandt said fares would rise by a tenth in April', '  • Mayor Ilse Moravec said the council would ask for a freeze on fares for pupils'];

  it('gives no statement under the headline or under the lede', () => {
    expect(said(withHeadline(...summary, 'The line runs four sailings a day.'))).toEqual([]);
    expect(said(withHeadline('Ferry fares will rise in April.', 'What You Need To Know', ...summary, 'The line runs four sailings a day.'))).toEqual([]);
  });

  it('is the body’s own list further down, and a lone bullet is no summary', () => {
    const body = ['Ferry fares will rise in April.', 'The line runs four sailings a day.'];
    expect(said(withHeadline(...body, ...summary, 'The council meets on Friday.')).map(([, speaker]) => speaker)).toEqual(['person:lena-brandt', 'person:ilse-moravec']);
    expect(said(withHeadline(summary[0] as string, 'The line runs four sailings a day.')).map(([, speaker]) => speaker)).toEqual(['person:lena-brandt']);
  });

  it('keeps the body and its later list in the fixture', () => {
    expect(said(fixtureText('precision16-summary-bullets')).map(([kind, speaker]) => `${kind} ${speaker}`)).toEqual([
      'INDIRECT person:lena-brandt',
      'DIRECT person:lena-brandt',
      'INDIRECT person:ilse-moravec',
      'INDIRECT person:ilse-moravec',
      'INDIRECT person:lena-brandt',
    ]);
  });
});
