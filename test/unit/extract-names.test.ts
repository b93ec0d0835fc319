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

  it('reads a middle initial before a surname and its verb as part of the name, and leaves it out of the id', () => {
    const text = 'T\nUnion President Harold J. Whitlock said "the ports will close."\n"We are ready," Whitlock said.\n';
    expect(speakers(text)).toEqual(['person:harold-whitlock', 'person:harold-whitlock']);
    expect(extractText(text, { title: 'T' }).document.entities.find((e) => e.id === 'person:harold-whitlock')?.name).toBe('Harold J Whitlock');
  });

  it('still ends a sentence at a capital after a word that is no first name', () => {
    const text = 'T\nThe council chose Plan B. Mayor Ann Lee said "it will hold."\n';
    expect(speakers(text)).toEqual(['person:ann-lee']);
  });

  it('reads "a native New Yorker" as what someone is, not as another person', () => {
    const text = 'T\nUnion chief Harold Whitlock, a native New Yorker who grew up on the docks, spoke first.\n"We are ready," he said.\n';
    expect(speakers(text)).toEqual(['person:harold-whitlock']);
    expect(extractText(text, { title: 'T' }).document.entities.map((e) => e.id)).toEqual(['person:harold-whitlock']);
  });

  it('reads a possessive inside a body’s name ("Longshoremen’s Association") as one name, with its initials', () => {
    const text = 'T\nThe International Dockworkers’ Association (IDA) said the talks had failed.\nThe Riverside Children’s Hospital said "every bed is taken."\n';
    expect(speakers(text)).toEqual(['org:ida', 'org:riverside-childrens-hospital']);
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

describe('name typing and reference, from the text alone', () => {
  const ids = (text: string): string[] => extractText(text, { title: 'T' }).document.entities.map((e) => `${e.type}:${e.id}`).sort();

  it('does not take a word closing the quote before a name for a descriptor of it', () => {
    expect(speakers('T\n“That is on us as a company,” Nadia Pereira said on Tuesday.\n')).toEqual(['person:nadia-pereira']);
  });

  it('finds the person an abbreviated title named when the title comes back written out', () => {
    const text = 'T\nIsland Gov. Martin Achebe toured the quay.\n“People missed appointments,” the governor said.\nSen. Ruth Calloway was there too. “We need a second operator,” the senator said.\n';
    expect(speakers(text)).toEqual(['person:martin-achebe', 'person:ruth-calloway']);
  });

  it('takes a title set off by commas after a name, and "the CEO" for a chief executive', () => {
    const text = 'T\nNadia Pereira, the company’s chief executive, met the unions.\n“It will not happen again,” the CEO said.\n';
    expect(speakers(text)).toEqual(['person:nadia-pereira']);
  });

  it('gives "the chief executive of <company> said" to the one person holding that title, and to no one when nobody does', () => {
    expect(speakers('T\nNadia Pereira, the chief executive, spoke first.\nThe chief executive of ferry company Brightwater Lines said the timetable would return.\n')).toEqual(['person:nadia-pereira']);
    expect(speakers('T\nThe chief executive of ferry company Brightwater Lines said the timetable would return.\n')).toEqual([]);
  });

  it('types platforms as organisations and never resolves a pronoun to one', () => {
    const text = 'T\nThe ministry said in a post on X that the road was closed.\n“It will reopen on Monday,” he added.\n';
    expect(speakers(text)).not.toContain('person:x');
    expect(ids('T\nMayor Ines Varga wrote on Truth Social that the town would pay.\n')).toEqual(['Organization:org:truth-social', 'Person:person:ines-varga']);
  });

  it('gives a body the id of its initials, whether the long name comes first or last', () => {
    expect(speakers('T\nThe Coastal Safety Authority (CSA) said the ferries would stay in port.\n“No vessel sails,” the CSA said.\n')).toEqual(['org:csa', 'org:csa']);
    expect(speakers('T\nThe NRB said the road would close.\nThe National Roads Board added that buses would run.\n')).toEqual(['org:nrb', 'org:nrb']);
  });

  it('keeps a news outlet under its name, not its initials', () => {
    expect(ids('T\nThe Lowmoor Echo (LE) reported the closure.\n')).toContain('Organization:org:lowmoor-echo');
  });

  it('does not read a list of people after a name as a title set off by commas', () => {
    const text = 'T\nGov. Tomas Reyna, Secretary of Transportation Ada Quist and Sen. Lena Holt toured the bridge.\n“We will rebuild,” the secretary said.\n';
    expect(speakers(text)).toEqual(['person:ada-quist']);
    expect(ids(text)).toEqual(['Person:person:ada-quist', 'Person:person:lena-holt', 'Person:person:tomas-reyna']);
  });

  it('reads a name before a noun for land or a fire as a place, not a person', () => {
    expect(ids('T\nCrews fought the Bell Meadows fire overnight. Officials said 30,000 people had left the Bell Meadows area.\n')).toEqual([]);
  });

  it('reads a possessive written with an opening quotation mark ("Trump‘s") as the name', () => {
    const text = 'T\nPresident Donald Trump‘s pause began on Monday.\n“There is no rush,” Trump said.\n';
    expect(speakers(text)).toEqual(['person:donald-trump']);
  });
});
