/**
 * The tenth finding round's rules (issue 20), from shapes read in fresh 2005-2009 reporting:
 * a quote closed on a comma and a name with one verb in the past ("“…,” Frank mocked."); wire
 * copy sent with hard line breaks; an outlet's word as a surname ("Michael Bloomberg"); a
 * description after "said" before the name it gives ("said Amtrak spokesman Cliff Black");
 * a body's name with "and" in it ("Centers for Disease Control and Prevention"); a one-word
 * name opening a sentence where compromise reads a noun; a credit in brackets ending a
 * caption; one unknown word after "the" as nobody. People, bodies and places are invented.
 */
import { layOut } from '../../src/extract/layout';
import { said } from '../helpers/extraction';

const withHeadline = (...paragraphs: string[]): string => ['Town council meets after the storm on the estuary', ...paragraphs].join('\n\n');

describe('a quote closed on a comma, then a name and one verb in the past', () => {
  it('is the named person’s, whatever the verb', () => {
    expect(said(withHeadline('“They sank the whole town over their pride,” Councillor Rhea Tamsin mocked.'))).toEqual([
      ['DIRECT', 'person:rhea-tamsin', 'They sank the whole town over their pride,'],
    ]);
  });

  it('needs the verb to end the sentence and the quote to end on a comma', () => {
    expect(said(withHeadline('“The levy failed.” Councillor Rhea Tamsin walked out.'))).toEqual([]);
    expect(said(withHeadline('“The levy failed,” Councillor Rhea Tamsin walked out of the chamber.'))).toEqual([]);
  });
});

describe('wire copy with hard line breaks', () => {
  it('reads a paragraph broken mid-sentence as one, and retells it with spaces', () => {
    const text = withHeadline('“We were lucky today,” Harbour Commissioner Ines Quarry\ntold a news conference, calling the captain a hero for holding the\nMV Tern steady.');
    expect(said(text)).toEqual([
      ['DIRECT', 'person:ines-quarry', 'We were lucky today,'],
      ['INDIRECT', 'person:ines-quarry', 'Quarry called the captain a hero for holding the MV Tern steady.'],
    ]);
  });

  it('keeps a headline, a byline and a dateline on lines of their own', () => {
    const layout = layOut('Ferry runs aground\nBy Ola Brenn\nBRACKWATER (Coastwire) - A ferry ran aground.');
    expect(layout.paragraphs.map((p) => layout.text.slice(p.start, p.end))).toEqual(['Ferry runs aground', 'By Ola Brenn', 'BRACKWATER (Coastwire) - A ferry ran aground.']);
  });
});

describe('an outlet’s word as a surname', () => {
  it('after a first name is a person, and the surname alone is that person', () => {
    const text = withHeadline('Mayor Alan Herald praised the crew on Friday.', '“Nobody was badly hurt,” Herald said.');
    expect(said(text)).toEqual([['DIRECT', 'person:alan-herald', 'Nobody was badly hurt,']]);
  });
});

describe('a description after "said" before the name it gives', () => {
  it('gives the words to the person named, not the body or the pronoun first in line', () => {
    expect(said(withHeadline('“We offered the town a boat,” said Harbour Ferries spokesman Tomas Reed.'))).toEqual([['DIRECT', 'person:tomas-reed', 'We offered the town a boat,']]);
    expect(said(withHeadline('Divers made “a slow, careful search,” said their spokeswoman, Chief Petty Officer Dana Kell.'))).toEqual([['PARTIAL', 'person:dana-kell', 'a slow, careful search,']]);
  });
});

describe('a body’s name with "and" in it', () => {
  it('is one body when a head noun and "for" or "of" open it, not two people', () => {
    expect(said(withHeadline('The Bureau for Fever Control and Prevention said the patient had been isolated.'))).toEqual([
      ['INDIRECT', 'org:bureau-for-fever-control-and-prevention', 'The patient had been isolated.'],
    ]);
  });

  it('leaves a person with a title after a comma the speaker ("said Ada Tolver, Director of the Office of …")', () => {
    expect(said(withHeadline('“We are ready,” said Ada Tolver, Director of the Office of Health and Safety.'))).toEqual([['DIRECT', 'person:ada-tolver', 'We are ready,']]);
  });
});

describe('a one-word name opening a sentence', () => {
  it('is the name the article writes inside a sentence, though compromise reads a noun there', () => {
    const text = withHeadline('Tolver said that by morning, he might have to order a full evacuation.', '“Find a room on a high floor,” Tolver said.');
    expect(said(text).map(([kind, who]) => [kind, who])).toEqual([
      ['INDIRECT', 'person:tolver'],
      ['DIRECT', 'person:tolver'],
    ]);
  });
});

describe('a caption ending on a bracketed credit, and one unknown word after "the"', () => {
  it('name no one a later pronoun could stand for', () => {
    const text = withHeadline(
      'A lorry carries families up the hill road. (By Lena Holt -- Coast Images)',
      'Mayor Ada Tolver opened the hall. She said the Riverdome would open as a shelter, but she warned visitors that the roads were closed.',
    );
    expect(said(text).map(([, who]) => who)).toEqual(['person:ada-tolver']);
  });

  it('is a body when a speech verb follows it ("the Riverdome said")', () => {
    expect(said(withHeadline('The shelter is full, the Riverdome said on Friday.'))).toEqual([['INDIRECT', 'org:riverdome', 'The shelter is full.']]);
  });
});
