/**
 * Speakers the sixth round reads from the sentence around the verb, or from the passage when
 * a sentence has no speech verb (issue 20): "X who said", "X’s lawyers said", a name's
 * initial, and a quote in a live blog's post about whoever spoke last. From the text alone.
 */
import { layOut } from '../../src/extract/layout';
import { gazetteerOf } from '../../src/extract/gazetteer';
import { proposeBody, said } from '../helpers/extraction';


describe('a relative clause', () => {
  it('gives "who said" the name before it, with or without a comma', () => {
    expect(said('Several members backed it, among them Deputy Mayor Lena Okafor who said the council put islanders “first, for once.”')).toEqual([
      ['PARTIAL', 'person:lena-okafor', 'first, for once.'],
    ]);
    expect(said('Port Director Ilse Varga, who said the timetable was “finally realistic,” will oversee it.')).toEqual([
      ['PARTIAL', 'person:ilse-varga', 'finally realistic,'],
    ]);
  });

  it('leaves "people who said" to nobody in particular', () => {
    expect(said('Residents who said the plan was “a disgrace” marched on Friday.')).toEqual([]);
  });
});

describe('whoever speaks for someone', () => {
  it('speaks for them: "Brandt’s lawyers said" is Brandt, flagged as a spokesperson', () => {
    const doc = proposeBody('Mayor Tomas Brandt stayed away. Brandt’s lawyers said he was the “target of a smear campaign” over the tender.', gazetteerOf([])).document;
    expect(doc.statements.map((s) => [s.kind, s.speaker, s.text])).toEqual([['PARTIAL', 'person:tomas-brandt', 'target of a smear campaign']]);
    expect(doc.review.find((r) => r.statement === 0)?.flags).toContain('spokesperson');
  });

  it('is no one when the possessor is not named', () => {
    expect(said('His lawyers said he was the “target of a smear campaign.”')).toEqual([]);
  });
});

describe('a verb’s form that is also a plural noun', () => {
  it('is the noun after a number, a word that goes before nouns, or initials', () => {
    expect(said('Betting is barred here, though 38 other U.S. states allow it.')).toEqual([]);
    expect(said('Betting is barred here, though many states allow it.')).toEqual([]);
    expect(said('Mayor Lena Ruiz states that the plan is sound.')).toEqual([['INDIRECT', 'person:lena-ruiz', 'The plan is sound.']]);
  });

  it('is the verb after initials the graph knows as an organisation', () => {
    const known = gazetteerOf([{ id: 'org:un', type: 'Organization', name: 'United Nations', aliases: ['U.N.'] }]);
    const doc = proposeBody('Aid convoys were halted again. The U.N. warns that the crisis “is getting worse by the day.”', known).document;
    expect(doc.statements.map((s) => [s.kind, s.speaker, s.text])).toEqual([['PARTIAL', 'org:un', 'is getting worse by the day.']]);
  });
});

describe('a source described before its name', () => {
  it('is the source of the claim: "according to flight-tracking website SkyLedger"', () => {
    expect(said('More than 900 departures were held on Tuesday, according to flight-tracking website SkyLedger.')).toEqual([
      ['INDIRECT', 'org:skyledger', 'More than 900 departures were held on Tuesday.'],
    ]);
  });

  it('is no source when a verb comes between', () => {
    expect(said('More than 900 departures were held, according to reports filed by SkyLedger.')).toEqual([]);
  });
});

describe('a name’s initial', () => {
  it('stays in the name instead of ending the sentence', () => {
    expect(said('The charges were unveiled by U.S. Attorney E. Martin Estrada, who said the case was “overwhelming.”')).toEqual([
      ['PARTIAL', 'person:e-martin-estrada', 'overwhelming.'],
    ]);
  });

  it('keeps its dot before a word that opens a sentence, and in "U.S."', () => {
    expect(layOut('They chose Plan B. The council agreed.').text).toBe('They chose Plan B. The council agreed.');
    expect(layOut('The U.S. Attorney Lena Ruiz spoke.').text).toBe('The U.S. Attorney Lena Ruiz spoke.');
    expect(layOut('Attorney E. Martin Estrada spoke.').text).toBe('Attorney E  Martin Estrada spoke.');
    expect(layOut('It is done, Michael S. Van Horn said.').text).toBe('It is done, Michael S  Van Horn said.');
  });

  it('ends the sentence after a word that is neither a first name nor a title', () => {
    expect(layOut('They chose Plan B. Harbour Master Ann Lee spoke.').text).toBe('They chose Plan B. Harbour Master Ann Lee spoke.');
    expect(said('The council voted for Plan B. Harbour Master Ann Lee said the plan “will not hold through winter.”')).toEqual([
      ['PARTIAL', 'person:harbour-master-ann-lee', 'will not hold through winter.'],
    ]);
  });
});

describe('a quote in a sentence with no speech verb', () => {
  const blog = [
    '4:12 PM: Board chair Ruth Penhallow keeps the door open to a second levy. It “would not be our first choice,” she noted.',
    '4:05 PM: Shares in the two listed water companies slip 0.4%.',
    '3:58 PM: Penhallow restates that the board answers to customers. “We set the levy on the rainfall figures,” not to “please anyone in the capital.”',
  ].join('\n\n');

  it('is the last speaker’s when the passage since is about no one else (a live blog’s post)', () => {
    expect(said(blog)).toEqual([
      ['PARTIAL', 'person:ruth-penhallow', 'would not be our first choice,'],
      ['DIRECT', 'person:ruth-penhallow', 'We set the levy on the rainfall figures,'],
      ['PARTIAL', 'person:ruth-penhallow', 'please anyone in the capital.'],
    ]);
  });

  it('is nobody’s when the sentence tells of someone else acting', () => {
    const text = 'Mayor Tomas Brandt said, “We are suing.”\n“Get our people out!” one resident screamed.\nThe governor has cited a law that allows troops when there is “a rebellion against the state.”';
    expect(said(text)).toEqual([['DIRECT', 'person:tomas-brandt', 'We are suing.']]);
  });

  it('is nobody’s when someone else is the subject of a sentence since', () => {
    const text = 'Mayor Tomas Brandt said, “We are suing.”\nGovernor Ilse Varga toured the port on Friday. The port is “ready for anything,” not “a ruin.”';
    expect(said(text).map((s) => s[2])).toEqual(['We are suing.']);
  });
});
