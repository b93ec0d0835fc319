/**
 * What statements are about and where they were said (issue 20), on short passages written
 * for these tests (test/fixtures/extract/about-*, venue-*): the article's own topic for a
 * statement that names nothing, a word two policies share given to the article's topic, a
 * place inside an outlet's name or a journalist after an outlet's possessive never taken
 * for a topic, an interview's venue carried over the speaker's passage and ended by a new
 * act of speech or by someone else's words, and names that only look like people's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matchStatements } from '../../src/extract/eval';
import { FIXTURE_DIR } from '../../src/extract/eval.cases';
import { extractText } from '../../src/extract/extract';
import { gazetteerOf } from '../../src/extract/gazetteer';
import { readsAsPersonName } from '../../src/extract/person-name';
import type { ArticleDocument, EntityInput, StatementInput } from '../../src/ingest/document';

const fixture = (name: string): ArticleDocument => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')) as ArticleDocument;

/** What this file checks of a statement: who, about what (as a set), where, through whom. */
const facts = (s: StatementInput): unknown => ({ speaker: s.speaker, about: [...(s.about ?? [])].sort(), venue: s.venue ?? null, reportedBy: s.reportedBy ?? [] });

/** The proposal's statements in the gold's order, paired by span as the eval pairs them; null where none is. */
function proposedFor(gold: ArticleDocument): unknown[] {
  const proposal = extractText(gold.article.text, { title: gold.article.title, gazetteer: gazetteerOf(gold.entities) }).document;
  const pairs = matchStatements(gold.statements, proposal.statements);
  const partner = new Map([...pairs.quotes, ...pairs.indirect]);
  return gold.statements.map((g) => {
    const f = partner.get(g);
    return f === undefined ? null : facts(f);
  });
}

describe.each(['about-article-topic', 'about-carried-topic', 'about-own-words', 'venue-occasion-briefing', 'venue-article-occasion', 'venue-lede-occasion', 'venue-listener-occasion', 'venue-verbs-and-infinitives', 'venue-briefing-in-headline', 'venue-exchange-with', 'venue-told-outlet-interview', 'venue-took-to-platform', 'venue-headline-speech', 'venue-headline-event', 'about-relative-clause', 'pattern-7-parties-sheriffs-and-double-surnames'])('the fixture %s, against a graph that holds its entities', (name) => {
  it('gives every statement the speaker, about, venue and outlets of the gold', () => {
    const gold = fixture(name);
    expect(proposedFor(gold)).toEqual(gold.statements.map(facts));
  });
});

describe('the article topic', () => {
  const gazetteer = gazetteerOf([
    { id: 'policy:toll', type: 'Policy', name: 'Bridge toll', aliases: ['the toll'] },
    { id: 'policy:fare', type: 'Policy', name: 'Bus fare rise', aliases: ['fare rise'] },
    { id: 'place:ostby', type: 'Place', name: 'Ostby', aliases: [] },
  ]);
  const aboutOf = (text: string): (readonly string[] | undefined)[] => extractText(text, { title: 'T', gazetteer }).document.statements.map((s) => s.about);

  it('goes to a quote whose sentence and context name no policy, with its confidence and how in the review', () => {
    const text = 'T\nThe council raised the bridge toll on Monday.\nThe weather was mild.\nSchools reopened after the holiday.\n"We had no choice," Lena Voss said.\n';
    const { document } = extractText(text, { title: 'T', gazetteer });
    expect(document.statements.map((s) => s.about)).toEqual([['policy:toll']]);
    expect(document.review[0]?.about.map((a) => [a.id, a.how, a.confidence])).toEqual([['policy:toll', 'article-topic', 0.6]]);
  });

  it('is no less sure when the speaker’s previous words carry it too, however long the speaker goes on', () => {
    const text = 'T\nThe council raised the bridge toll on Monday.\nThe weather was mild.\nSchools reopened after the holiday.\n"We had no choice," Lena Voss said.\n"The budget was empty," Voss said.\n"Nobody likes it," Voss said.\n';
    const { document } = extractText(text, { title: 'T', gazetteer });
    expect(document.statements.map((s) => s.about)).toEqual([['policy:toll'], ['policy:toll'], ['policy:toll']]);
    expect(document.review.map((r) => r.about[0]?.confidence)).toEqual([0.6, 0.6, 0.6]);
  });

  it('does not go to a statement that names a place of its own, nor exist when two topics are named as often', () => {
    expect(aboutOf('T\nThe council raised the bridge toll on Monday.\nThe weather was mild.\nSchools reopened.\n"Ostby deserves better," Lena Voss said.\n')).toEqual([['place:ostby']]);
    expect(aboutOf('T\nThe council raised the bridge toll and approved a fare rise.\nThe weather was mild.\nSchools reopened.\n"We had no choice," Lena Voss said.\n')).toEqual([undefined]);
  });
});

describe('the article topic when the article reports an event', () => {
  it('goes to a statement that names a place as well: the place says where, the event what', () => {
    const gazetteer = gazetteerOf([
      { id: 'event:ostby-derailment', type: 'Event', name: 'Ostby derailment', aliases: ['the derailment'] },
      { id: 'place:ostby', type: 'Place', name: 'Ostby', aliases: [] },
    ]);
    const title = 'Ostby derailment spills diesel';
    const text = `${title}\nA freight train derailed near Ostby on Friday.\nThe derailment spilled diesel into the creek.\nThe weather was mild.\n"We will get Ostby back on its feet," Lena Voss said.\n`;
    expect(extractText(text, { title, gazetteer }).document.statements.map((s) => [...(s.about ?? [])].sort())).toEqual([['event:ostby-derailment', 'place:ostby']]);
  });
});

describe('a place the graph lacks', () => {
  it('is proposed without the words a run of capitals picked up before it, and not at all when only an adjective is left', () => {
    const { document } = extractText('T\n"But Kestrel Bay will recover, and Under Danish rules nothing changes," Lena Voss said.\n', { title: 'T' });
    const places = document.entities.filter((e) => e.type === 'Place').map((e) => e.name);
    expect(places).toEqual(['Kestrel Bay']);
  });
});

describe('the article topic, from telling words only', () => {
  it('is the policy the headline names, not the one a loose word cut from an alias ("levy" of "levy on ships") is counted for', () => {
    const gazetteer = gazetteerOf([
      { id: 'policy:expansion', type: 'Policy', name: 'Port expansion', aliases: ['the port expansion'] },
      { id: 'policy:levy', type: 'Policy', name: 'Harbour dues', aliases: ['levy on ships'] },
    ]);
    const body = ['The board approved the port expansion.', 'The levy rose.', 'A levy was paid.', 'The levy stays.', 'No levy was cut.', 'The weather was mild.', 'Schools reopened.', '"We had no choice," Lena Voss said.'];
    const { document } = extractText(['Port expansion approved', ...body, ''].join('\n'), { title: 'Port expansion approved', gazetteer });
    expect(document.statements.map((s) => s.about)).toEqual([['policy:expansion']]);
  });
});

describe('an occasion named in a sentence of its own', () => {
  it('is the venue of what the guest says next, past words of someone else said on no occasion', () => {
    const text = 'T\nMayor Celia Brandt spoke with Tom Reyes on Morning Harbour Live on Sunday about the floods.\nThe Lund Weather Office called the storm "severe."\n"We are ready for the next one," Brandt said.\n';
    const { document } = extractText(text, { title: 'T' });
    expect(document.statements.map((s) => [s.speaker, s.venue ?? null])).toEqual([
      ['org:lund-weather-office', null],
      ['person:celia-brandt', 'Morning Harbour Live'],
    ]);
  });
});

describe('names that only look like people', () => {
  it('keeps first names, known surnames and names no English word is part of', () => {
    expect(['Jon Holden', 'Marta Kellison', 'Xi Jinping', 'Kwame Asante'].filter(readsAsPersonName)).toEqual(['Jon Holden', 'Marta Kellison', 'Xi Jinping', 'Kwame Asante']);
  });

  it('refuses storms, platforms, rooms, titles and phrases led by a preposition', () => {
    expect(['Hurricane Odile', 'Truth Social', 'West Wing', 'U.S. Secretary', 'Without U.S.'].filter(readsAsPersonName)).toEqual([]);
  });

  it('leaves a storm named like a person out of the document offline', () => {
    const text = 'T\nHurricane Odile reached the coast on Friday.\n"The water came in fast," said Petra Lind, a fisher.\n';
    expect(extractText(text, { title: 'T' }).document.entities.map((e) => e.id)).toEqual(['person:petra-lind']);
  });
});

describe('what a statement names of its own', () => {
  const graph: EntityInput[] = [
    { id: 'policy:ferry-levy-pause', type: 'Policy', name: 'Pause of the ferry levy', aliases: ['the pause'] },
    { id: 'policy:parking-charge', type: 'Policy', name: 'Harbour parking charge', aliases: ['the parking charge'] },
    { id: 'org:tidewell', type: 'Organization', name: 'Tidewell', aliases: [], kind: 'OTHER' },
  ];
  const propose = (text: string, entities: readonly EntityInput[] = graph) => extractText(`T\n${text}\n`, { title: 'T', gazetteer: gazetteerOf(entities) }).document;

  it('against a graph, leaves a name or place the graph lacks in the review, below the link, and out of the entities', () => {
    const document = propose('The council voted to pause the ferry levy.\n"The pause is working," Ines Calder said in the Blue Room, after a post on Chirp Social.');
    expect(document.statements.map((s) => s.about)).toEqual([['policy:ferry-levy-pause']]);
    expect(document.review[0]?.about.map((a) => [a.id, a.confidence, a.proposed])).toEqual([
      ['policy:ferry-levy-pause', 0.7, false],
      ['place:blue-room', 0.45, true],
    ]);
    expect(document.entities.filter((e) => e.type === 'Place')).toEqual([]);
  });

  it('offline, still proposes the place the text names', () => {
    const document = propose('"Kestrel Bay will recover," Ines Calder said.', []);
    expect(document.statements.map((s) => s.about)).toEqual([['place:kestrel-bay']]);
  });

  it('keeps to the policy its quoted words name, not one its attribution’s aside names', () => {
    const document = propose('"The pause gives us six months," Ines Calder said, without saying more about the parking charge.');
    expect(document.statements.map((s) => s.about)).toEqual([['policy:ferry-levy-pause']]);
  });

  it('takes no policy of the article when it names a body as what it speaks of, and does when the body acts', () => {
    const text = (clause: string): string => `The council voted to pause the ferry levy.\nThe weather was mild.\nSchools reopened.\nInes Calder said ${clause}.`;
    expect(propose(text('she had discussed Tidewell with the port board')).statements.map((s) => s.about)).toEqual([['org:tidewell']]);
    expect(propose(text('Tidewell had cut its fares')).statements.map((s) => [...(s.about ?? [])].sort())).toEqual([['org:tidewell', 'policy:ferry-levy-pause']]);
  });

  it('reads "the pause" as the policy "pause" is a cue of, not the one named before it', () => {
    const document = propose('The council kept the parking charge.\nCouncillor Tomas Reyes, who voted against the pause, said the council "has lost its nerve."');
    expect(document.statements.map((s) => s.about)).toEqual([['policy:ferry-levy-pause']]);
  });
});

describe('topics several policies share, and cues that are numbers', () => {
  const graph: EntityInput[] = [
    { id: 'policy:levy-pause', type: 'Policy', name: 'Pause of the ferry levy', aliases: ['the pause', '90-day pause'] },
    { id: 'policy:port-fees', type: 'Policy', name: 'Port fees', aliases: ['the fees', 'fees on ferries'] },
    { id: 'policy:bridge-fees', type: 'Policy', name: 'Bridge fees', aliases: ['the fees'] },
    { id: 'event:ferry-strike-2024', type: 'Event', name: 'Ferry strike of 2024', aliases: ['the strike'] },
  ];
  const aboutOf = (text: string): (readonly string[] | undefined)[] => extractText(`T\n${text}\n`, { title: 'T', gazetteer: gazetteerOf(graph) }).document.statements.map((s) => s.about);

  it('gives a shared word no second topic beside a policy the sentence names by a cue of its own', () => {
    expect(aboutOf('The port fees rose in May.\nInes Calder said the decision to pause fees was sound, insisting the pause was needed.')).toEqual([['policy:levy-pause'], ['policy:levy-pause']]);
  });

  it('gives one word of another policy no second topic beside a policy named in full', () => {
    expect(aboutOf('Ines Calder said the 90-day pause would help ferries.')).toEqual([['policy:levy-pause']]);
  });

  it('does not read a year in a topic’s name as a cue', () => {
    expect(aboutOf('"From 2019 to 2024 the crossings doubled," Ines Calder said.')).toEqual([undefined]);
  });

  it('does not give a continuation that names its own event the topic of the quote it continues', () => {
    expect(aboutOf('"The pause helps," Ines Calder said. "But the strike cost us the season."')).toEqual([['policy:levy-pause'], ['event:ferry-strike-2024']]);
  });
});

describe('an app referred back to', () => {
  const graph: EntityInput[] = [
    { id: 'org:tiktok', type: 'Organization', name: 'TikTok', aliases: [] },
    { id: 'org:harbour-council', type: 'Organization', name: 'Harbour council', aliases: [] },
    { id: 'policy:app-curfew', type: 'Policy', name: 'Curfew on video apps for minors', aliases: ['the curfew'] },
  ];
  const aboutOf = (text: string): (readonly string[] | undefined)[] => extractText(`T\n${text}\n`, { title: 'T', gazetteer: gazetteerOf(graph) }).document.statements.map((s) => s.about && [...s.about].sort());

  it('is the platform named before, when "the app" is the subject a quoted fragment completes', () => {
    expect(aboutOf('TikTok lost its appeal on Friday.\nMayor Ines Calder said the curfew was fair and that the app “keeps children up at night.”')).toEqual([['org:tiktok', 'policy:app-curfew']]);
  });

  it('is the platform, not the article’s policy, when the app is what a paraphrase speaks of', () => {
    expect(aboutOf('The curfew begins in May. TikTok lost its appeal on Friday.\nMayor Ines Calder said an investor could buy a stake in the app.')).toEqual([['org:tiktok']]);
  });

  it('is no body that is not a platform', () => {
    expect(aboutOf('The Harbour council met on Friday.\nMayor Ines Calder said the platform “needs repairs before winter.”')).toEqual([undefined]);
  });
});

describe('a subheading that names a topic', () => {
  const graph: EntityInput[] = [
    { id: 'event:harbour-collapse', type: 'Event', name: 'Collapse of the harbour wall', aliases: ['the collapse'] },
    { id: 'event:harbour-search', type: 'Event', name: 'Harbour search', aliases: ['rescue efforts', 'the search'] },
  ];
  const aboutOf = (text: string): (readonly string[] | undefined)[] => extractText(`Harbour wall collapse\n${text}\n`, { title: 'Harbour wall collapse', gazetteer: gazetteerOf(graph) }).document.statements.map((s) => s.about);

  it('is what the statements under it that name nothing are about, until the next subheading', () => {
    const text = ['The harbour wall fell into the bay on Tuesday after the collapse of its northern pier.', '', 'RESCUE EFFORTS', '', '“No family will be left without news,” Governor Elin Maro said.', '', 'REBUILDING', '', '“It will take years,” Mayor Piet Vaal said.'].join('\n');
    expect(aboutOf(text)).toEqual([['event:harbour-search'], ['event:harbour-collapse']]);
  });
});

describe('a relative clause about someone', () => {
  const gazetteer = gazetteerOf([{ id: 'place:fenwick-point', type: 'Place', name: 'Fenwick Point', aliases: [] }]);
  const aboutOf = (text: string): (readonly string[] | undefined)[] => extractText(text, { title: 'T', gazetteer }).document.statements.map((s) => s.about);

  it('is not what the words are about (", who spent the day at Fenwick Point")', () => {
    expect(aboutOf('T\n"Stay off the roads," said Governor Lena Marsh, who spent the day at Fenwick Point.\n')).toEqual([undefined]);
  });

  it('leaves a place the statement’s own sentence names outside such a clause', () => {
    expect(aboutOf('T\n"Stay off the roads at Fenwick Point," said Governor Lena Marsh, who spent the day there.\n')).toEqual([['place:fenwick-point']]);
  });
});

describe('a clause of its own after the statement', () => {
  const aboutOf = (text: string): (readonly string[] | undefined)[] => extractText(text, { title: 'T', gazetteer: gazetteerOf([]) }).document.statements.map((s) => s.about);

  it('set off by a dash and "but", names no one the words are about', () => {
    expect(aboutOf('T\nPort chief Anna Fenwick said a “small leak” was found near the pier — but Tomas Brandt of the dockers’ union has another theory.\n')).toEqual([undefined]);
  });

  it('is no clause of its own without the dash: a person the same clause names stays', () => {
    expect(aboutOf('T\nPort chief Anna Fenwick said a “small leak” was found near the pier that Tomas Brandt runs.\n')).toEqual([['person:tomas-brandt']]);
  });
});
