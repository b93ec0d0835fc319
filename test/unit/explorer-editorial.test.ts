import { editSentences } from '../../explorer/src/edits';

describe('the explorer\'s edit sentences', () => {
  it('says what each correction changed, from what, to what, when and why', () => {
    const edit = {
      at: '2025-03-07T09:30:00.000Z',
      who: 'desk-1',
      action: 'correctStatement',
      reason: 'misattributed',
      changes: [
        { field: 'speaker', from: ['person:mike-waltz'], to: ['person:karoline-leavitt'] },
        { field: 'venue', from: [], to: ['told reporters'] },
      ],
    };
    expect(editSentences(edit)).toEqual([
      'speaker corrected from person:mike-waltz to person:karoline-leavitt on 2025-03-07: misattributed',
      'venue corrected from none to told reporters on 2025-03-07: misattributed',
    ]);
  });

  it('words retractions, restorations, merges and ingests', () => {
    const at = '2025-03-08T00:00:00.000Z';
    expect(editSentences({ at, who: 'desk-1', action: 'retractArticle', reason: 'forged', changes: [] })).toEqual(['retracted on 2025-03-08: forged']);
    expect(editSentences({ at, who: 'desk-1', action: 'restoreArticle', reason: 'genuine', changes: [] })).toEqual(['restored on 2025-03-08: genuine']);
    expect(editSentences({ at, who: 'desk-1', action: 'mergeEntities', reason: 'one person', changes: [{ field: 'mergedInto', from: ['person:michael-waltz'], to: ['person:mike-waltz'] }] })).toEqual([
      'merged person:michael-waltz into person:mike-waltz on 2025-03-08: one person',
    ]);
    expect(editSentences({ at, who: 'cli:root', action: 'ingest', reason: null, changes: [] })).toEqual(['recorded on 2025-03-08']);
  });
});
