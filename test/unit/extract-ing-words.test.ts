/**
 * An -ing word is not a clause's verb (issue 20): "told him following the game" says when
 * something was told, not what; "said during a news briefing" ends an attribution, so the
 * claim before it is the statement. The extractor runs from the text alone (no graph).
 */
import { proposeBody } from '../helpers/extraction';
import { gazetteerOf } from '../../src/extract/gazetteer';

const statements = (text: string): { kind: string; speaker: string; text: string; venue?: string }[] =>
  proposeBody(text, gazetteerOf([])).document.statements.map((s) => ({ kind: s.kind, speaker: s.speaker, text: s.text, ...(s.venue ? { venue: s.venue } : {}) }));

describe('-ing words after a verb of saying', () => {
  it('reads no paraphrase into "told him" followed by a phrase of time', () => {
    const text = 'Harbor master Tomas Brandt did not learn of the missing fuel until his deputy Lena Ostrova told him following the regatta in Kiel.';
    expect(statements(text).filter((s) => s.kind === 'INDIRECT')).toEqual([]);
  });

  it('takes the claim before "X said during a news briefing", with the briefing as the venue', () => {
    const text = 'The port authority is expected to publish its inspection report on Friday, Harbor master Tomas Brandt said during a news briefing.';
    expect(statements(text)).toEqual([
      { kind: 'INDIRECT', speaker: 'person:tomas-brandt', text: 'The port authority is expected to publish its inspection report on Friday.', venue: 'news briefing' },
    ]);
  });
});
