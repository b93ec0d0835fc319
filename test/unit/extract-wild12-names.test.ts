/**
 * The twelfth finding round's rules (issue 20): how a name is bounded and typed from the text
 * alone, met on devset/heldout2 and heldout5. Each shape is one fixture in
 * test/fixtures/extract/ (pattern-1-* of this round and pattern-7-stop-inside-quote), written for
 * these tests with fictional people, bodies and places;
 * the ids asserted are those a graph that knows nobody gets.
 */
import { layOut } from '../../src/extract/layout';
import { fixtureText as text, fixtureSpeakers as speakers, said } from '../helpers/extraction';

describe('a name after a title’s "of"', () => {
  it('starts at its first name: the place or department before it is where the title holds', () => {
    expect(speakers('pattern-1-place-after-title-of')).toEqual(['person:lena-maribor', 'person:lena-maribor', 'person:tomas-kell']);
  });

  it('keeps a title with no "of" before the name as it was', () => {
    expect(said('Ferry row\nCorvania Attorney General Lena Maribor said the ruling would be appealed.')).toEqual([['INDIRECT', 'person:lena-maribor', 'The ruling would be appealed.']]);
  });
});

describe('a stop glued to the capital after it', () => {
  it('ends a sentence, so the place before it is no part of the name after it', () => {
    expect(speakers('pattern-1-glued-stop')).toEqual(['person:hanna-ostrowe', 'person:hanna-ostrowe']);
  });

  it('leaves initials and web addresses inside their sentence', () => {
    const sentences = (body: string): number => layOut(body).sentences.length;
    expect(sentences('The damage was in Brellin.Ostrowe blamed the company.')).toBe(2);
    expect(sentences('The U.S.Army blamed the company.')).toBe(1);
    expect(sentences('The site Harbourline.com blamed the company.')).toBe(1);
  });
});

describe('a surname the tagger reads as a body’s name', () => {
  it('("Arakawa’s bank account") leaves the person it ends a person', () => {
    expect(speakers('pattern-1-surname-tagged-body')).toEqual(['person:kenji-arakawa', 'person:kenji-arakawa']);
  });
});

describe('a capital after a stop inside a quote', () => {
  it('opens a sentence, not a name that "the company" could be', () => {
    expect(said(text('pattern-7-stop-inside-quote'))).toEqual([
      ['INDIRECT', 'person:ilse-marten', 'The board had asked her to leave.'],
      ['DIRECT', 'person:ilse-marten', 'We will be fine. Brighter days are ahead.'],
    ]);
  });
});

describe('a name given after "known as" or "called"', () => {
  it('takes the type of the noun it names', () => {
    expect(speakers('pattern-1-known-as-body')).toEqual(['org:ferrox']);
    expect(said('Port attack\nA shipping firm called Marlowe said that its ships were safe.')).toEqual([['INDIRECT', 'org:marlowe', 'Its ships were safe.']]);
  });
});

describe('a body’s initials with dots', () => {
  it('keep their letters together in its id', () => {
    expect(speakers('pattern-1-initials-in-body')).toEqual(['org:us-western-command']);
  });
});

describe('a name written family name first', () => {
  it('is called by its first word ("Xue said" after "Chairman Xue Weilong")', () => {
    expect(speakers('pattern-1-family-name-first')).toEqual(['person:xue-weilong']);
  });

  it('but a first name the lexicon knows is no family name', () => {
    expect(said('Ferry row\nChairman Sam Oduya spoke on Monday. “We are done,” Sam said.')[0]?.[1]).not.toBe('person:sam-oduya');
  });
});

describe('one word with a capital inside it after an honorific', () => {
  it('is a surname ("Mr. HaileMariam"), not a brand', () => {
    expect(speakers('pattern-1-honorific-surname')).toEqual(['person:abebe-hailemariam', 'person:abebe-hailemariam', 'person:abebe-hailemariam', 'person:abebe-hailemariam']);
  });
});
