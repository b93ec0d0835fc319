/**
 * The fifteenth names round's rules (issue 20): who is speaking from the text alone, when a
 * name is a month, a body, a place or one person written otherwise, met on devset/heldout7,
 * heldout8 and on fresh pages (devset/wild15-names). Each shape is one fixture in
 * test/fixtures/extract/ (pattern-1-* of this round), written for these tests with fictional
 * people, bodies and places; the ids asserted are those a graph that knows nobody gets.
 */
import { extractText, needsReview } from '../../src/extract/extract';
import { fixtureText as text, fixtureSpeakers as speakers, said } from '../helpers/extraction';

const entityIds = (name: string): string[] => extractText(text(name), { title: text(name).split('\n')[0] ?? '' }).document.entities.map((e) => e.id);

describe('a month after a given name', () => {
  it('is the surname ("Olivia May"), and "May said" is she; "In May" names nobody', () => {
    expect(speakers('pattern-1-month-surname')).toEqual(['person:olivia-may', 'person:olivia-may', 'person:olivia-may']);
    expect(entityIds('pattern-1-month-surname')).not.toContain('person:olivia');
  });

  it('stays a date before a number', () => {
    expect(said('Flood\nThe council met on Olivia May 5 said the clerk.').map(([, speaker]) => speaker)).not.toContain('person:olivia-may');
  });
});

describe('a name typed from the words around it', () => {
  it('is a body after ", which", beside "the company", or before "the company" later in its sentence', () => {
    expect(speakers('pattern-1-body-by-context')).toEqual(['org:quorvex', 'org:halden-freight', 'person:ines-marlow', 'org:brassico']);
  });

  it('keeps a person a person when "the company" stands beside a full name', () => {
    expect(said('Ferry\nLena Okafor, the company founder, said the boats would sail.').map(([, speaker]) => speaker)).toEqual(['person:lena-okafor']);
  });

  it('reads a name nothing types right after "in" as where, not who', () => {
    expect(entityIds('pattern-1-body-by-context')).not.toContain('person:tarnby');
  });
});

describe('one name written otherwise', () => {
  it('bounds a body across "of the" and "and", joins initials, a family name moved and a transliterated surname under one title, and reads a ranked brand', () => {
    expect(speakers('pattern-1-names-written-otherwise')).toEqual([
      'org:ministry-of-the-interior-and-waterways',
      'person:somchai-vatanakorn',
      'person:somchai-vatanakorn',
      'person:seo-hae-rim',
      'person:seo-hae-rim',
      'person:kim-ju-won',
      'person:kim-tae-yang',
      'person:kim-tae-yang',
      'org:princess-lines',
    ]);
  });

  it('lists "Kim said" for review where two Kims are named', () => {
    const proposed = extractText(text('pattern-1-names-written-otherwise'), { title: 'Ferry inquiry widens' }).document;
    const kim = proposed.review.find((r) => r.text === 'We will not stop,');
    expect(kim === undefined ? null : [kim.flags.includes('ambiguous'), needsReview(kim)]).toEqual([true, true]);
  });

  it('leaves a surname spelt another way apart without the same title', () => {
    const body = 'Ferry\nGovernor Vattanakorn said the divers had reached the deck. Somchai Vatanakorn, a fisherman, said the sea was calm.';
    expect(said(body).map(([, speaker]) => speaker)).toEqual(['person:vattanakorn', 'person:somchai-vatanakorn']);
  });

  it('reads no common word before ", who" as a name, and no general with a surname in s as a brand', () => {
    expect(said('Dam\nOfficials, who asked not to be named, said the dam had failed.')).toEqual([]);
    expect(said('Dam\nRegulators, who met on Friday, said the bank was sound.')).toEqual([]);
    expect(said('Troops\nGeneral Hodges said the troops would stay.').map(([, speaker]) => speaker)).toEqual(['person:hodges']);
    expect(said('Bill\nLord Reeves said the bill was flawed.').map(([, speaker]) => speaker)).toEqual(['person:reeves']);
  });

  it('does not read a rank before a surname as a brand', () => {
    expect(said('Parade\nPrincess Evans said the parade would go ahead.').map(([, speaker]) => speaker)).toEqual(['person:evans']);
  });
});
