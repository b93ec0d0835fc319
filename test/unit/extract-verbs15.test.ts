/**
 * The fifteenth round's rules on verbs of saying and listeners (issue 20), from shapes met on
 * devset/heldout5, heldout7, heldout8 and devset/wild15-verbs (fixtures pattern-7-courtesy-verbs,
 * pattern-1-manner-verb-listener, venue-told-without-that). People, bodies and places are
 * invented; the passages are written for these tests.
 */
import { said, wordsAndVenues as venues } from '../helpers/extraction';

const withHeadline = (...paragraphs: string[]): string => ['Storm closes the Kessel ferry', 'The storm closed the ferry for two days.', ...paragraphs].join('\n\n');

describe('thanks and praise given in words', () => {
  it('are what the speaker said, told with the speaker and the verb', () => {
    expect(said(withHeadline('Mayor Ilse Moravec thanked the ferry crews for keeping the island supplied.', 'She also commended the pilots who guided the last boat in.'))).toEqual([
      ['INDIRECT', 'person:ilse-moravec', 'Moravec thanked the ferry crews for keeping the island supplied.'],
      ['INDIRECT', 'person:ilse-moravec', 'Moravec commended the pilots who guided the last boat in.'],
    ]);
  });

  it('are no statement when joined to another act of the same clause', () => {
    expect(said(withHeadline('Councillor Bram Oduya could not confirm the cost but thanked the volunteers who cleared the quay.'))).toEqual([]);
  });
});

describe('claims dismissed and assurances given', () => {
  it('count as verbs of saying', () => {
    expect(said(withHeadline('Harbour director Tomas Reyne assured residents that the quay was safe.'))).toEqual([['INDIRECT', 'person:tomas-reyne', 'The quay was safe.']]);
    expect(said(withHeadline('Harbour director Tomas Reyne dismissed claims that the quay was unsafe.'))).toEqual([['INDIRECT', 'person:tomas-reyne', 'Reyne dismissed claims that the quay was unsafe.']]);
  });

  it('leave a dismissal of anything but words alone', () => {
    expect(said(withHeadline('Harbour director Tomas Reyne dismissed the night crew early.'))).toEqual([]);
  });
});

describe('a verb of manner after a quote and its speaker', () => {
  it('attributes the quote when only whom it was said to and where follow', () => {
    expect(said(withHeadline('“You kept the island going,” Ilse Moravec gushed to the crew at the quayside ceremony.'))).toEqual([['DIRECT', 'person:ilse-moravec', 'You kept the island going,']]);
  });

  it('attributes nothing when a clause of its own follows', () => {
    expect(said(withHeadline('“You kept the island going,” Ilse Moravec beamed at the crew who had worked all week.'))).toEqual([]);
  });
});

describe('"told" with no "that"', () => {
  it('reports what follows the listener, and the listener is the venue', () => {
    const text = withHeadline(
      'Harbour director Tomas Reyne told reporters the quay would stay shut until June.',
      'Reyne told the Kessel Courier the divers had found three cracked piles.',
      'Mayor Ilse Moravec told the media briefing on Tuesday the town would pay for the repairs.',
      'Moravec told him the pumps were new.',
    );
    expect(venues(text)).toEqual([
      ['The quay would stay shut until June.', 'told reporters'],
      ['The divers had found three cracked piles.', 'told the Kessel Courier'],
      ['The town would pay for the repairs.', 'told the media briefing'],
      ['The pumps were new.', 'told the media briefing'],
    ]);
  });
});

describe('a listener after "told" with "that"', () => {
  it('keeps a listener whose phrase goes on past a preposition, and a gerund that takes an object out of it', () => {
    const venuesOf = (paragraph: string): (string | null)[] => venues(withHeadline(paragraph)).map(([, venue]) => venue);
    expect(venuesOf('Mayor Jane Holt told a meeting of the board that the budget was short.')).toEqual(['told a meeting of the board']);
    expect(venuesOf('Mayor Jane Holt told a crowd outside the stadium that the game would go on.')).toEqual(['told a crowd outside the stadium']);
    expect(venuesOf('Mayor Jane Holt told reporters gathering outside the hall that the vote was close.')).toEqual(['told reporters gathering outside the hall']);
    expect(venuesOf('Mayor Jane Holt told residents fleeing the fire to leave their cars.')).not.toContain('told residents fleeing');
  });
});
