/**
 * The occasion a speaker's first words are given at, carried to the same speaker's later
 * words: shapes met in real reporting read for the ninth round ("…, said X during a news
 * conference", "On X, …, Y claimed"). Passages written for these tests, with fictional
 * people and places.
 */
import { proposeBody } from '../helpers/extraction';

const venues = (text: string): [string, string | undefined][] => proposeBody(text).document.statements.map((s) => [s.speaker, s.venue ?? undefined]);

describe('an occasion named after an inverted verb', () => {
  it('is the occasion of the person named after "said", not of a name before it, and their next words keep it', () => {
    const text =
      'Port officials said Thursday morning they believe there were no more passengers aboard the ferry that ran aground late Wednesday at Kessel harbour.\n' +
      'Twelve passengers had been rescued from the stranded ferry, a Vestline V300 operated by Kessel Lines, and one from the tug, a Harbour H-60, said Kessel Harbour Chief Ilka Brandt during a news conference at the terminal.\n' +
      '“We are moving from a rescue to a clean-up,” Brandt said.';
    expect(venues(text)).toEqual([['person:ilka-brandt', 'news conference']]);
  });
});

describe('a sentence that opens on a platform', () => {
  it('puts the words on that platform, and the speaker’s “added” keeps it', () => {
    const text = 'On X, formerly known as Twitter, councillor Petra Vasko claimed that the company had “ignored every warning.”\n“The crossings will stay shut,” she added.';
    expect(venues(text)).toEqual([
      ['person:petra-vasko', 'post on X'],
      ['person:petra-vasko', 'post on X'],
    ]);
  });

  it('names no platform when the opening is only “On social media,”', () => {
    const text = 'On social media, councillor Petra Vasko claimed that the company had “ignored every warning.”';
    expect(venues(text)).toEqual([['person:petra-vasko', undefined]]);
  });
});
