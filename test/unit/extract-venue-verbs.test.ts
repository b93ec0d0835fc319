/**
 * Venues named by the speech verb itself ("tweeted"), and verbs that only look like a
 * venue's noun ("went on to call out"): shapes met in real reporting read for the eighth
 * round. Passages written for these tests, with fictional people and places.
 */
import { proposeBody } from '../helpers/extraction';

const venues = (text: string): [string, string | undefined][] => proposeBody(text).document.statements.map((s) => [s.speaker, s.venue ?? undefined]);

describe('a venue named by the verb', () => {
  it('gives "tweeted" the venue "tweet", and what the speaker "wrote" next keeps it', () => {
    expect(venues('Councillor Petra Vasko tweeted: “The mayor knows where the money went.”\n“I will publish the accounts,” she wrote.')).toEqual([
      ['person:petra-vasko', 'tweet'],
      ['person:petra-vasko', 'tweet'],
    ]);
  });

  it('does not carry the tweet to a later plain "said", which may have been said anywhere', () => {
    expect(venues('Councillor Petra Vasko tweeted that the vote was rigged.\nVasko said the council would meet in March.')).toEqual([
      ['person:petra-vasko', 'tweet'],
      ['person:petra-vasko', undefined],
    ]);
  });

  it('leaves a venue the sentence names alone', () => {
    expect(venues('Councillor Petra Vasko tweeted in a post on X that the vote was rigged.')).toEqual([['person:petra-vasko', 'post on X']]);
  });
});

describe('a venue noun after "to"', () => {
  it('is a verb ("went on to call out"), and the occasion named before holds', () => {
    const text = 'Mayor Ansel Corrigan held a news conference on Monday.\nHe went on to call out councillor Petra Vasko.\n“She has blocked the bridge for two years,” Corrigan said.';
    expect(venues(text)).toEqual([['person:ansel-corrigan', 'news conference']]);
  });

  it('still reads "on a podcast" as a venue', () => {
    expect(venues('Chief executive Mara Lind said on a podcast that sales had doubled.')).toEqual([['person:mara-lind', 'podcast']]);
  });
});

describe('an occasion whose noun reads as an -ing verb', () => {
  it('is the article’s one occasion when a headline and a sentence name "Thursday’s press briefing"', () => {
    const text = 'Port spokesperson Dana Ilves took questions for half an hour.\nThese were the main moments of Thursday’s press briefing.\n“The cranes will run by Monday,” Ilves said.';
    expect(venues(text)).toEqual([['person:dana-ilves', 'press briefing']]);
  });

  it('is no occasion after a verb ("was hearing")', () => {
    const text = 'Port spokesperson Dana Ilves said she was hearing rumours of a lockout.\n“Nobody has been locked out,” Ilves said.';
    expect(venues(text).every(([, venue]) => venue === undefined)).toBe(true);
  });
});
