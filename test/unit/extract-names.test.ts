/**
 * Names across an article, from the text alone: a surname takes the id of the one person
 * named in full with it, wherever the full name comes; a usual short form of a first name
 * is the same person when the surname matches; party and state tags and title dots do not
 * break a name from its verb; every person named is in the document.
 */
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';

const speakers = (text: string): string[] => extractText(text, { title: 'T' }).document.statements.map((s) => s.speaker);

describe('names, offline', () => {
  it('gives a surname-only speaker the full name the text gives later', () => {
    const text = 'T\n"We will not wait," Okafor said on Monday.\nThe minister, Grace Okafor, has led the talks since May.\n';
    expect(speakers(text)).toEqual(['person:grace-okafor']);
  });

  it('completes the surname with the first full name and keeps a second person of that surname apart', () => {
    const text = 'T\n"We will not wait," Okafor said on Monday.\nGrace Okafor and her brother Daniel Okafor run the firm.\n';
    expect(speakers(text)).toEqual(['person:grace-okafor']);
    expect(extractText(text, { title: 'T' }).document.entities.map((e) => e.id).sort()).toEqual(['person:daniel-okafor', 'person:grace-okafor']);
  });

  it('takes a usual short form of the first name for the same person', () => {
    const text = 'T\nMichael Brandt, the port director, spoke first.\n"The channel is ready," Mike Brandt said.\n';
    expect(speakers(text)).toEqual(['person:michael-brandt']);
    const doc = extractText(text, { title: 'T' }).document;
    expect(doc.entities.find((e) => e.id === 'person:michael-brandt')?.aliases).toContain('Mike Brandt');
  });

  it('does not merge different first names', () => {
    const text = 'T\nMichael Brandt, the port director, spoke first.\n"The channel is ready," Thomas Brandt said.\n';
    expect(speakers(text)).toEqual(['person:thomas-brandt']);
  });

  it('reads a name through a party tag and a title dot', () => {
    const text = 'T\n"Every month counts," Sen. Marta Kellison (D-Ore.) said.\nRep. Douglas Farrow, R-Tex., said the bill would cost small carriers dearly.\n';
    expect(speakers(text)).toEqual(['person:marta-kellison', 'person:douglas-farrow']);
  });

  it('puts every person named in the document, not only the speakers', () => {
    const text = 'T\nGovernor Sarah Whitcombe met Finance Minister Paul Okonkwo on Monday.\n"It went well," Okonkwo said.\n';
    expect(extractText(text, { title: 'T' }).document.entities.map((e) => e.id).sort()).toEqual(['person:paul-okonkwo', 'person:sarah-whitcombe']);
  });
});

describe('about, against a gazetteer', () => {
  it('links a statement to the policy it names loosely and the place it names, with confidences in the review', () => {
    const gazetteer = gazetteerOf([
      { id: 'policy:ferry-subsidy-cut', type: 'Policy', name: 'Cut of the island ferry subsidy', aliases: ['ferry subsidy cut'] },
      { id: 'place:marlow-island', type: 'Place', name: 'Marlow Island', aliases: [] },
    ]);
    const text = 'T\nThe council cut the island ferry subsidy on Monday.\n"This cut will empty Marlow Island," Dana Reyes said.\n';
    const { document } = extractText(text, { title: 'T', gazetteer });
    expect(document.statements.map((s) => s.about)).toEqual([['place:marlow-island', 'policy:ferry-subsidy-cut']]);
    expect(document.review[0]?.about.map((a) => [a.id, a.how])).toEqual([
      ['place:marlow-island', 'named'],
      ['policy:ferry-subsidy-cut', 'named'],
    ]);
  });
});
