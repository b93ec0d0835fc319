/**
 * The thirteenth round's rules on words quoted inside a paraphrase and on texts put out
 * (issue 20), from shapes met on devset/heldout4, heldout5, heldout7 and devset/wild13-partial.
 * People, bodies and places are invented; the passages are written for these tests.
 */
import { said } from '../helpers/extraction';

describe('a clause opened by "as", "after", "while" … right after a quote', () => {
  it('does not attribute the quote: the speech verb before it does', () => {
    expect(said('Harbour master Odile Brennan said on Sunday that the strait was "poor and getting worse," as gales continued to batter the pier.')).toEqual([
      ['PARTIAL', 'person:odile-brennan', 'poor and getting worse,'],
    ]);
  });

  it('tells of another saying, which is not the quote’s attribution', () => {
    expect(said('Councillor Tamsin Greer admitted that help for the families "fell short" after the Coastguard Agency said 40 people were waiting.')).toEqual([
      ['PARTIAL', 'person:tamsin-greer', 'fell short'],
      ['INDIRECT', 'org:coastguard-agency', '40 people were waiting.'],
    ]);
  });

  it('leaves a quote that no speech verb governs unattributed', () => {
    expect(said('The "blue zone" was closed after the Coastguard Agency said the water was unsafe.')).toEqual([['INDIRECT', 'org:coastguard-agency', 'The water was unsafe.']]);
  });

  it('still attributes with "as" when the verb ends the clause', () => {
    expect(said('The crossing will reopen "as soon as it is safe," as Odile Brennan said.')).toEqual([['PARTIAL', 'person:odile-brennan', 'as soon as it is safe,']]);
  });

  it('still attributes with "as" when where, when or to whom the words were said follows the verb', () => {
    expect(said('The plan was "long overdue," as Governor Alan Brooks said in a statement.')).toEqual([['PARTIAL', 'person:alan-brooks', 'long overdue,']]);
    expect(said('The repairs will last "until the last wall is mended," as Mayor Ruth Hale told reporters on Monday.')).toEqual([
      ['PARTIAL', 'person:ruth-hale', 'until the last wall is mended,'],
    ]);
  });
});

describe('several fragments woven into one clause, its speech verb at the end', () => {
  it('all belong to the speaker of that verb', () => {
    expect(said('The closure was either "a failure of planning" or the operator "gambled with lives", Tamsin Greer said.')).toEqual([
      ['PARTIAL', 'person:tamsin-greer', 'a failure of planning'],
      ['PARTIAL', 'person:tamsin-greer', 'gambled with lives'],
    ]);
  });

  it('stop at a quote that stands as an utterance with its own speaker', () => {
    const text = 'The "blue zone" stays shut. "We will reopen it," Odile Brennan said.';
    expect(said(text)).toEqual([['DIRECT', 'person:odile-brennan', 'We will reopen it,']]);
  });
});

describe('names and words held apart in quotation marks', () => {
  it('are nobody’s words: a vessel’s name after "the" and a noun, a name after "known as", a "so-called" term', () => {
    const text = 'The ferry "Lifeline" sails again on Friday, Odile Brennan said. A trader known as "Salt Cat" sold early, Tamsin Greer said. The so-called "quiet route" is closed, Brennan said.';
    expect(said(text).filter(([kind]) => kind !== 'INDIRECT')).toEqual([]);
  });
});

describe('a subject set off from its speech verb', () => {
  it('by an aside in brackets and commas, or by time words, is still the speaker', () => {
    expect(said('Rep. Ada Kerr (D-Vt.), while praising the farmers, criticized the levy as "unworkable" on Monday.')).toEqual([['PARTIAL', 'person:ada-kerr', 'unworkable']]);
    expect(said('Ada Kerr yesterday revealed she would "never forget" the floods.')).toEqual([['PARTIAL', 'person:ada-kerr', 'never forget']]);
  });

  it('by an aside that "who" follows is the name before the aside', () => {
    expect(said('Earlier we heard from Ada Kerr, the union\'s president, who said the strike was a "last resort".')).toEqual([['PARTIAL', 'person:ada-kerr', 'last resort']]);
  });

  it('is not a name inside the aside', () => {
    expect(said('The levy, which Ada Kerr opposed, was described as "unworkable".')).toEqual([]);
  });
});

describe('a text put out (ads, a letter) that says or reads the words', () => {
  const put = 'Marta Okafor took out full-page ads in four newspapers on Sunday.';

  it('speaks for who put it out a few sentences before', () => {
    expect(said(`${put} The ads, printed in plain type, said the brewery was "testing every tank".`)).toEqual([['PARTIAL', 'person:marta-okafor', 'testing every tank']]);
    expect(said(`${put} According to the ad, bottles can go back to "any shop."`)).toEqual([['PARTIAL', 'person:marta-okafor', 'any shop.']]);
  });

  it('speaks for who signed it, after a quote and "said" or "read"', () => {
    expect(said('"We let you down," said the ads signed by Marta Okafor. "We are sorry," read the ads appearing in the Valley Times.')).toEqual([
      ['DIRECT', 'person:marta-okafor', 'We let you down,'],
      ['DIRECT', 'person:marta-okafor', 'We are sorry,'],
    ]);
  });

  it('with no one who put it out or signed it, leaves the words unattributed', () => {
    expect(said('The ads, printed in plain type, said the brewery was "testing every tank".')).toEqual([]);
  });
});
