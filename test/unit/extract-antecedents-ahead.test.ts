/**
 * The seventh round's finding rules (issue 20): a pronoun in a sentence's opening clause
 * stands for the main subject after it; "a native New Yorker" and "the Ruiz administration"
 * are nobody a pronoun stands for; "the chair said" a blank line after the chair spoke; a
 * claim opened by "In all,"; a subheading that repeats a quote; a page cut off mid-sentence.
 */
import { gazetteerOf } from '../../src/extract/gazetteer';
import { proposeBody, said } from '../helpers/extraction';

const speakers = (text: string): string[] => proposeBody(text, gazetteerOf([])).document.statements.map((s) => s.speaker);

describe('a pronoun before the name it stands for', () => {
  it('is the main subject after the opening clause, not the last speaker', () => {
    expect(speakers('Mayor Paul Cole spoke first. “We are ready,” Cole said.\n\nAfter he said the roads would close at noon, Police Chief Omar Reyes left the room.')).toEqual(['person:paul-cole', 'person:omar-reyes']);
  });

  it('is left to the earlier rules when the pronoun opens the sentence', () => {
    expect(speakers('Mayor Paul Cole spoke first. “We are ready,” Cole said.\n\nHe said the roads would close at noon, and Police Chief Omar Reyes agreed.')).toEqual(['person:paul-cole', 'person:paul-cole']);
  });
});

describe('a name that says what someone is, or qualifies a noun', () => {
  it('is not what a pronoun stands for: "a lifelong Bostonian", "the Ruiz administration"', () => {
    expect(said('The strike is up to the union’s head, Paul Cole, a lifelong Bostonian who has fought for the docks.\n\nLately he said the owners were hiding their profits.')).toEqual([
      ['INDIRECT', 'person:paul-cole', 'The owners were hiding their profits.'],
    ]);
    expect(said('The port is run by Paul Cole, who has fought the Ruiz administration over fees for years.\n\nLately he said the fees were unlawful.')).toEqual([
      ['INDIRECT', 'person:paul-cole', 'The fees were unlawful.'],
    ]);
  });
});

describe('a title given by the graph', () => {
  it('goes on with the last speaker across a blank line between paragraphs', () => {
    const known = gazetteerOf([{ id: 'person:dana-hale', type: 'Person', name: 'Dana Hale', aliases: ['Hale'], roles: [{ title: 'Chair', organization: 'org:board' }] }]);
    expect(said('“The latch was never closed,” Hale said.\n\nAt the same time, the cabin door blew open, the chair said.', known)).toEqual([
      ['DIRECT', 'person:dana-hale', 'The latch was never closed,'],
      ['INDIRECT', 'person:dana-hale', 'At the same time, the cabin door blew open.'],
    ]);
  });
});

describe('a claim opened by a short phrase', () => {
  it('is a claim: "In all, …, she said"', () => {
    expect(said('Ana Ruiz toured the site.\n\nIn all, twelve rows of seats were damaged, she said.')).toEqual([
      ['INDIRECT', 'person:ana-ruiz', 'In all, twelve rows of seats were damaged.'],
    ]);
  });

  it('is not a claim when the opening has a verb of its own', () => {
    expect(said('Ana Ruiz toured the site.\n\nAfter the vote ended, she said.')).toEqual([]);
  });
});

describe('a subheading that repeats a quote', () => {
  it('is not a statement, whoever spoke before it', () => {
    expect(said('“The pay offer is an insult,” Paul Cole said.\n\n‘We will not blink’\n\nAna Ruiz took the stage. “We will not blink,” she said.')).toEqual([
      ['DIRECT', 'person:paul-cole', 'The pay offer is an insult,'],
      ['DIRECT', 'person:ana-ruiz', 'We will not blink,'],
    ]);
  });

  it('keeps a quote that ends outside its marks in a sentence, though a later quote repeats its words', () => {
    expect(said('‘No’, Paul Cole said on Monday.\n\n“No, not this week,” Ana Ruiz said.').map(([, speaker]) => speaker)).toEqual(['person:paul-cole', 'person:ana-ruiz']);
  });

  it('keeps a short fragment woven into a sentence and quoted again', () => {
    expect(said('Paul Cole called the offer “an insult.”\n\n“It is an insult,” Cole said.').map(([kind]) => kind)).toEqual(['PARTIAL', 'DIRECT']);
  });
});

describe('a page cut off mid-sentence', () => {
  it('keeps the whole sentences of the last paragraph before the cut', () => {
    expect(said('Paul Cole spoke on Friday.\n\nCole had warned at a briefing that the river would flood. “There will be damage,” Cole')).toEqual([
      ['INDIRECT', 'person:paul-cole', 'At a briefing that the river would flood.'],
    ]);
  });

  it('keeps nothing from a quote the cut left open', () => {
    expect(said('Paul Cole spoke on Friday.\n\nAsked about the flood, Cole said: “The river is high. The dam will hold. We expect')).toEqual([]);
  });
});

describe('a name in quotation marks', () => {
  it('is nobody’s words after a word that gives a name', () => {
    expect(said('“We will send a diver,” Paul Cole said of the find, made by a fisherman named “Ned.”')).toEqual([['DIRECT', 'person:paul-cole', 'We will send a diver,']]);
    expect(said('Paul Cole said the crews of the “Harbour Four” would be paid.')).toEqual([]);
  });

  it('is someone’s words after “as”, or with a closing stop after “the”', () => {
    expect(said('Paul Cole described the ruling as “Outrageous.”')).toEqual([['PARTIAL', 'person:paul-cole', 'Outrageous.']]);
    expect(said('Paul Cole said the ruling was the “Final Word.”')).toEqual([['PARTIAL', 'person:paul-cole', 'Final Word.']]);
  });

  it('is still a quote when the words are not all capitalised', () => {
    expect(said('Paul Cole called the offer “an insult to the crews.”')).toEqual([['PARTIAL', 'person:paul-cole', 'an insult to the crews.']]);
  });
});

describe('a speaker described by a title the article gives nobody', () => {
  it('is the one person who speaks in the paragraph after it, when the article gives that person the title', () => {
    expect(said('The chief executive of ferry operator Norrvik said on Monday the company was “truly sorry” for the delays.\n\n“We let our passengers down,” chief executive Ada Lind said in a radio interview.')).toEqual([
      ['PARTIAL', 'person:ada-lind', 'truly sorry'],
      ['DIRECT', 'person:ada-lind', 'We let our passengers down,'],
    ]);
  });

  it('stays unattributed when the one person speaking around it holds no such title', () => {
    const doc = proposeBody('The chief executive of ferry operator Norrvik said on Monday the company was “truly sorry” for the delays.\n\n“We let our passengers down,” said Ada Lind, a shop owner on the island.', gazetteerOf([])).document;
    expect(doc.statements.map((s) => s.text)).not.toContain('truly sorry');
  });

  it('stays unattributed when two people speak around it', () => {
    const doc = proposeBody('The chief executive of ferry operator Norrvik said on Monday the company was “truly sorry” for the delays.\n\n“We let our passengers down,” Ada Lind said, and “we will pay,” Omar Reyes said.', gazetteerOf([])).document;
    expect(doc.statements.map((s) => s.text)).not.toContain('truly sorry');
  });
});

describe('a verb of saying after "by", "after" or "while"', () => {
  it('speaks for the main clause’s subject', () => {
    expect(said('Ada Lind opened the session by saying the ferries would run again on Thursday.')).toEqual([['INDIRECT', 'person:ada-lind', 'The ferries would run again on Thursday.']]);
  });

  it('is no statement when the verb tells of a text put out', () => {
    expect(said('Ada Lind left the session after posting a photo that showed the repaired shaft.')).toEqual([]);
  });
});
