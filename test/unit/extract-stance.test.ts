/**
 * The stance cues of the extractor (src/extract/stance.ts): a stance only from words that
 * say it outright, never from tone. Sentences written for these tests.
 */
import { stanceCue } from '../../src/extract/stance';

describe('stance cues', () => {
  it.each([
    ['The mayor condemned the curfew as cruel.', 'OPPOSES', 'condemned'],
    ['Unions denounced the pension reform on Tuesday.', 'OPPOSES', 'denounced'],
    ['The senator criticized the new levy in a radio interview.', 'OPPOSES', 'criticized'],
    ['Farmers warned that the export ban will hurt rural incomes.', 'OPPOSES', 'warned that the export ban will hurt'],
    ['She called for an end to the hiring freeze.', 'OPPOSES', 'called for an end to'],
    ['The minister defended the budget cuts before parliament.', 'SUPPORTS', 'defended'],
    ['The council welcomed the new cycle lanes.', 'SUPPORTS', 'welcomed'],
    ['The governor called for a ban on facial recognition.', 'SUPPORTS', 'called for'],
    ['Two parties backed the treaty in the vote.', 'SUPPORTS', 'backed'],
  ])('%s → %s', (words, stance, cue) => {
    expect(stanceCue(words)).toEqual({ stance, confidence: expect.any(Number), cue });
  });

  it.each([
    ['The talks were tense and the mood was grim.'],
    ['He called the meeting a great success for everybody.'],
    ['We have taken a step back, the adviser said.'],
    ['The reassessment of US support for the region continues.'],
    ['The ambassador described the decision as a pause.'],
  ])('proposes nothing from tone or a bare noun: %s', (words) => {
    expect(stanceCue(words)).toBeNull();
  });

  it('proposes nothing after a negation', () => {
    expect(stanceCue('The premier did not condemn the strike.')).toBeNull();
    expect(stanceCue('The league refused to back the new rule.')).toBeNull();
    expect(stanceCue('The league refused to endorse the new rule.')).toBeNull();
  });

  it('reads "called for an end to" as against before "called for" as for', () => {
    expect(stanceCue('Protesters called for the lifting of the blockade.')?.stance).toBe('OPPOSES');
    expect(stanceCue('Protesters called for a blockade.')?.stance).toBe('SUPPORTS');
  });

  it('is surer of a reporting verb than of a warning of harm', () => {
    const verb = stanceCue('The mayor condemned the curfew.');
    const warning = stanceCue('Doctors warned the closures would harm patients.');
    expect(warning?.stance).toBe('OPPOSES');
    expect((verb?.confidence ?? 0) > (warning?.confidence ?? 1)).toBe(true);
  });
});
