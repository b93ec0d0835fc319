/**
 * The occasion a whole article reports from (issue 20, pattern 4): a news conference, a
 * speech, a town hall named once, and the statements said there however far apart; and the
 * shapes an occasion is named in without a statement of its own. Passages written for these
 * tests, with fictional people and places.
 */
import { gazetteerOf } from '../../src/extract/gazetteer';
import type { EntityInput } from '../../src/ingest/document';
import { proposeBody } from '../helpers/extraction';

const statements = (text: string, graph: readonly EntityInput[] = [], title?: string) => proposeBody(text, gazetteerOf(graph), title).document.statements;

const venues = (text: string, graph: readonly EntityInput[] = [], title?: string): [string, string | undefined][] =>
  statements(text, graph, title).map((s) => [s.speaker, s.venue ?? undefined]);

const filler = ['The river rose two metres overnight.', 'Schools in the lower town stayed closed.', 'The rail line reopened at noon.', 'Volunteers filled sandbags until dawn.', 'The forecast promises a dry weekend.'];

describe('a speaker on one occasion in the whole article', () => {
  it('said there what "said" and "added" report, however many paragraphs later, past another speaker’s post', () => {
    const text = ['Governor Elin Maro told reporters at a news conference that the dams had held.', '“We were lucky this time,” Maro said.', ...filler, '“We will rebuild the bridge,” Maro said.', 'Senator Ivo Lund posted on Facebook that the aid was late.', '“Nobody was left behind,” Maro added.'].join('\n');
    expect(venues(text)).toEqual([
      ['person:elin-maro', 'told reporters at a news conference'],
      ['person:elin-maro', 'told reporters at a news conference'],
      ['person:elin-maro', 'told reporters at a news conference'],
      ['person:ivo-lund', 'post on Facebook'],
      ['person:elin-maro', 'told reporters at a news conference'],
    ]);
  });

  it('gives a summary lede’s "said" the occasion the paragraphs after it name, but not a new act of speech', () => {
    const text = 'Mayor Piet Vaal said the harbour would reopen on Friday.\nThe storm had closed it for a week.\nIn a press conference on Thursday, Vaal said the ferries would run first.\nVaal earlier announced a fund for the fishing fleet.';
    expect(venues(text)).toEqual([
      ['person:piet-vaal', 'press conference'],
      ['person:piet-vaal', 'press conference'],
      ['person:piet-vaal', undefined],
    ]);
  });

  it('is not carried when the speaker spoke on two occasions and the passage has ended', () => {
    const text = ['“The dams held,” Governor Elin Maro told reporters.', 'Maro later said in a post on X that the aid would come.', ...filler, 'Maro said the bridge would be rebuilt.'].join('\n');
    expect(venues(text)).toEqual([
      ['person:elin-maro', 'told reporters'],
      ['person:elin-maro', 'post on X'],
      ['person:elin-maro', undefined],
    ]);
  });
});

describe('an occasion named without a statement of its own', () => {
  it('by a possessive ("He started his speech …") is the venue of what the speaker says next', () => {
    expect(venues('Governor Elin Maro spoke in the capital on Monday.\nShe started her speech by thanking the crews.\n“Every family will get help,” the governor said.')).toEqual([['person:elin-maro', 'speech']]);
  });

  it('by "spoke to reporters", but not by "had spoken with" someone', () => {
    expect(venues('Mayor Piet Vaal spoke to reporters about the harbour.\n“We will dredge it in spring,” Vaal said.')).toEqual([['person:piet-vaal', 'spoke to reporters']]);
    expect(venues('Mayor Piet Vaal said he had spoken with Governor Elin Maro about the harbour.')).toEqual([['person:piet-vaal', undefined]]);
  });

  it('with nobody’s name on it (a headline’s town hall) is the occasion of speakers who have none', () => {
    const title = 'Residents question mayor at Harbour town hall';
    expect(venues('Mayor Piet Vaal said the harbour would reopen on Friday.\n“We were never told,” said Ana Brandt, a fisher.', [], title)).toEqual([
      ['person:piet-vaal', 'Harbour town hall'],
      ['person:ana-brandt', 'Harbour town hall'],
    ]);
  });

  it('is no occasion in a photo caption told in the present tense', () => {
    expect(venues('Mayor Piet Vaal speaks to reporters outside the harbour office on Monday.\n“We will dredge it in spring,” Vaal said.')).toEqual([['person:piet-vaal', undefined]]);
  });
});

describe('two venues in one sentence', () => {
  it('takes the post over the conference it was posted during', () => {
    expect(venues('During the news conference, Senator Ivo Lund announced on Facebook that the aid was late.')).toEqual([['person:ivo-lund', 'post on Facebook']]);
  });

  it('takes the interview, with its outlet, over the journalist the words were told to', () => {
    const graph: EntityInput[] = [{ id: 'org:channel-six', type: 'Organization', name: 'Channel Six', aliases: [], kind: 'NEWS_OUTLET' }];
    const [s] = statements('“We were lucky,” Governor Elin Maro told correspondent Tom Reyes in an interview on Channel Six.', graph);
    expect([s?.venue, s?.reportedBy]).toEqual(['interview on Channel Six', ['org:channel-six']]);
  });
});

describe('words a spokesperson gave', () => {
  it('do not put the person they speak for at that interview: what the person says later takes no venue from it', () => {
    const text = ['A spokesperson for Mayor Ines Calder told the Harbour Gazette that the levy would return.', ...filler, '“We listened to the islanders,” Calder said.'].join('\n');
    expect(venues(text)).toEqual([
      ['person:ines-calder', 'told the Harbour Gazette'],
      ['person:ines-calder', undefined],
    ]);
  });
});

describe('a lede that opens on a shared occasion', () => {
  const lede = 'Governor Elin Maro and Mayor Piet Vaal hosted a press conference on Sunday to give an update on the floods.';
  it('is where a guest its hosts did not name spoke, when the article names no other occasion', () => {
    const text = [lede, 'Flood engineer Dana Corvo spoke about the dams.', '“The north dam held better than we hoped,” Corvo said.', 'She added that the south dam would be drained.'].join('\n');
    expect(venues(text)).toEqual([
      ['person:dana-corvo', 'press conference'],
      ['person:dana-corvo', 'press conference'],
    ]);
  });

  it('is not, when the article names another occasion too', () => {
    const text = [lede, '“The north dam held better than we hoped,” flood engineer Dana Corvo said.', 'Senator Ivo Lund said in an interview with the Valley Post that the aid was late.'].join('\n');
    expect(venues(text)).toEqual([
      ['person:dana-corvo', undefined],
      ['person:ivo-lund', 'interview with the Valley Post'],
    ]);
  });

  it('is not, when the occasion is named only after the lede', () => {
    const text = ['The floods closed the north road on Sunday.', '“The north dam held better than we hoped,” flood engineer Dana Corvo said.', 'Governor Elin Maro later held a press conference on the repairs.'].join('\n');
    expect(venues(text)).toEqual([['person:dana-corvo', undefined]]);
  });
});

describe('texts put out and occasions pointed at', () => {
  it('takes "sent out two tweets" as the occasion of what the sender then wrote, quote and continuation', () => {
    const text = 'State Senator Mara Holt joined the fray and sent out two tweets to note how much was at stake.\n“The collapse of the bank is a crisis for our farmers,” Holt wrote. “Leaders must work together.”';
    expect(venues(text)).toEqual([
      ['person:mara-holt', 'tweets'],
      ['person:mara-holt', 'tweets'],
    ]);
  });

  it('does not give "wrote" an occasion spoken at', () => {
    const text = 'The harbour patrol will hold a press conference on Monday.\n“The collapse of the bank is a crisis for our farmers,” Senator Mara Holt wrote.';
    expect(venues(text)).toEqual([['person:mara-holt', undefined]]);
  });

  it('puts a sentence that opens on "There," at the occasion the sentence before named, whatever its verb', () => {
    const text = 'The Portmere Coast Guard held a press conference at its base to discuss the findings.\nThere, salvage expert Tom Reed revealed that five pieces of debris had been found.\nSalvage expert Ada Lund revealed that the hull was intact.';
    expect(venues(text)).toEqual([
      ['person:tom-reed', 'press conference'],
      ['person:ada-lund', undefined],
    ]);
  });
});

describe('a listener and the occasion they were told at', () => {
  it('are one venue, which the speaker’s next words keep', () => {
    const text = 'Mayor Piet Vaal told reporters during a Tuesday evening briefing that the harbour would reopen.\n“The cranes are already back,” Vaal said.';
    expect(venues(text)).toEqual([
      ['person:piet-vaal', 'told reporters during a Tuesday evening briefing'],
      ['person:piet-vaal', 'told reporters during a Tuesday evening briefing'],
    ]);
  });

  it('keep the listener alone when the occasion comes later in the sentence or is a call', () => {
    expect(venues('Mayor Piet Vaal told reporters that the harbour would reopen after a briefing.')).toEqual([['person:piet-vaal', 'told reporters']]);
    expect(venues('Mayor Piet Vaal told analysts on a call that the harbour would reopen.')).toEqual([['person:piet-vaal', 'told analysts']]);
  });
});

describe('a day before an occasion’s noun', () => {
  it('names a recent occasion ("a Friday tweet"), a year an old one', () => {
    expect(venues('In a Friday tweet, Mayor Piet Vaal said the harbour would reopen.')).toEqual([['person:piet-vaal', 'Friday tweet']]);
    expect(venues('In a 2019 interview, Mayor Piet Vaal said the harbour would reopen.')).toEqual([['person:piet-vaal', undefined]]);
  });
});
