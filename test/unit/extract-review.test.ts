/**
 * The review-list score of the eval (eval.review.ts): the share of proposed statements
 * flagged to check first, and how many of the wrong ones are among them.
 */
import { addByReason, addReview, EMPTY_REVIEW, reviewByReason, reviewRatios, scoreReview } from '../../src/extract/eval.review';
import { extractText, needsReview, reviewReasons, type ReviewItem } from '../../src/extract/extract';
import type { StatementInput } from '../../src/ingest/document';

const s = (start: number, end: number, speaker: string, kind: StatementInput['kind'] = 'DIRECT'): StatementInput => ({ kind, speaker, text: 'x', start, end });
const item = (statement: number, confidence: number, flags: string[] = []): ReviewItem => ({ statement, kind: 'DIRECT', start: 0, end: 1, text: 'x', speaker: 'person:a', speakerMention: null, confidence, rule: 'r', flags, about: [] });

describe('scoring the review list', () => {
  it('counts flagged statements and the wrong ones (unpaired or with another speaker) among them', () => {
    const gold = [s(0, 10, 'person:a'), s(20, 30, 'person:b'), s(40, 50, 'person:c')];
    const proposed = [s(0, 10, 'person:a'), s(20, 30, 'person:x'), s(60, 70, 'person:d'), s(40, 50, 'person:c')];
    // A confident right one, a flagged wrong speaker, an unflagged spurious one, a flagged right one.
    const review = [item(0, 0.95), item(1, 0.9, ['last-speaker']), item(2, 0.9), item(3, 0.5)];
    const tally = scoreReview(gold, proposed, review);
    expect({ ...tally, missed: tally.missed.length }).toEqual({ proposed: 4, flagged: 2, wrong: 2, wrongFlagged: 1, missed: 1 });
    expect(reviewRatios(tally)).toEqual({ flaggedShare: { correct: 2, total: 4, accuracy: 0.5 }, wrongAmongFlagged: { correct: 1, total: 2, accuracy: 0.5 } });
  });

  it('judges speakers as the facts do: a surname id the text alone allows is right, not wrong', () => {
    const fromTextAlone = (gold: string, found: string): boolean => gold === found || (gold === 'person:kimberly-cheatle' && found === 'person:cheatle');
    const gold = [s(0, 10, 'person:kimberly-cheatle')];
    const proposed = [s(0, 10, 'person:cheatle')];
    expect(scoreReview(gold, proposed, [item(0, 0.95)]).wrong).toBe(1);
    expect(scoreReview(gold, proposed, [item(0, 0.95)], fromTextAlone).wrong).toBe(0);
  });

  it('ignores the quotes left out of the statements, and adds articles up', () => {
    const left: ReviewItem = { ...item(0, 0), statement: null };
    const one = scoreReview([s(0, 10, 'person:a')], [s(0, 10, 'person:a')], [item(0, 0.95), left]);
    expect(addReview(addReview(EMPTY_REVIEW, one), one)).toEqual({ proposed: 2, flagged: 0, wrong: 0, wrongFlagged: 0, missed: [] });
  });
});

describe('flagging a short quoted phrase the article also uses as its own words', () => {
  const flagsOf = (text: string, words: string): readonly string[] => {
    const proposal = extractText(text);
    const item = proposal.document.review.find((r) => r.text === words && r.statement !== null);
    if (item === undefined) throw new Error(`expected a statement "${words}", got ${JSON.stringify(proposal.document.review.map((r) => r.text))}`);
    return item.flags;
  };

  it('flags the phrase when the article names the thing with it unquoted elsewhere', () => {
    const text =
      'Crews lift the hatch cover from a barley field\n\n' +
      'Crews on Tuesday lifted the hatch cover that fell from a cargo plane over the county.\n\n' +
      'Harbor safety director Dana Ruiz said the "hatch cover" would go to a laboratory in Denver.';
    expect(flagsOf(text, 'hatch cover')).toContain('echoed-term');
  });

  it('leaves it alone when the words appear only inside the quote, or only quoted again', () => {
    const text =
      'Harbor safety director Dana Ruiz said the county faced a "long cleanup" after the spill.\n\n' +
      'Ruiz said the "long cleanup" would start on Monday, and that volunteers were welcome.';
    expect(flagsOf(text, 'long cleanup')).not.toContain('echoed-term');
  });
});

describe('flagging words a speaker reports as someone else’s', () => {
  it('flags the quote after "for saying": the words are those of whom the sentence faults', () => {
    const text = 'Union leader Mara Voss called the owners “heartless” for saying “the yard cannot afford another raise this year”.';
    const item = extractText(text).document.review.find((r) => r.text.startsWith('the yard cannot afford'));
    expect(item?.flags).toContain('said-by-the-faulted');
  });

  it('leaves the speaker’s own words after "saying" alone', () => {
    const text = 'Union leader Mara Voss ended the meeting by saying “the yard cannot afford another strike this year”.';
    const item = extractText(text).document.review.find((r) => r.text.startsWith('the yard cannot afford'));
    expect(item?.statement).toBe(0);
    expect(item?.flags).not.toContain('said-by-the-faulted');
  });
});

describe('which guesses list a statement to check first (round 12)', () => {
  it('lists a pronoun given to the last speaker only when someone else it could stand for was named since', () => {
    expect(needsReview(item(0, 0.77, ['pronoun', 'last-speaker']))).toBe(false);
    expect(needsReview(item(0, 0.77, ['pronoun', 'last-speaker', 'rival-antecedent']))).toBe(true);
    // A title or a subjectless verb given to the last speaker stays a guess to check.
    expect(needsReview(item(0, 0.77, ['title', 'last-speaker']))).toBe(true);
  });

  it('lists the doubts doubts.ts names', () => {
    for (const flag of ['name-bounds', 'type-guessed', 'affiliation-speaker', 'anaphor-type', 'rival-attribution']) expect(needsReview(item(0, 0.95, [flag]))).toBe(true);
  });

  it('flags words credited inside a sentence that credits someone else ("according to")', () => {
    const text = 'According to Ruiz, before the storm the Port Board had said the seawall was ready for the surge.';
    const found = extractText(text).document.review.find((r) => r.statement !== null && r.text.startsWith('The seawall was ready'));
    expect(found?.flags).toContain('rival-attribution');
    expect(found !== undefined && needsReview(found)).toBe(true);
  });

  it('takes the body in an appositive after the speaker ("X, chair of the Port Board, said") as the speaker’s, not a rival', () => {
    const text = 'Seawall inquiry opens\n\nIlse Marrow, chair of the Portmere Harbour Board, said the seawall had held through the night.\n';
    const found = extractText(text).document.review.find((r) => r.statement !== null && r.text.startsWith('The seawall had held'));
    expect(found?.speaker).toBe('person:ilse-marrow');
    expect(found?.flags).not.toContain('rival-attribution');
  });
});

describe('doubts of round 13: where a wrong statement looked sure', () => {
  const reviewOf = (text: string, words: string): ReviewItem => {
    const found = extractText(text).document.review.find((r) => r.statement !== null && r.text.startsWith(words));
    if (found === undefined) throw new Error(`expected a statement "${words}…"`);
    return found;
  };

  it('lists a new speaker whose surname the text spells another way at least as often', () => {
    const tie = 'Gov. Tamsin Harrow signs flood bill\n\nGovernor Tamsin Harow released a statement after the vote on Monday.\n\n“This bill keeps our river towns dry and our farms working,” she said.\n';
    const found = reviewOf(tie, 'This bill keeps');
    expect(found.flags).toContain('name-variant');
    expect(needsReview(found)).toBe(true);
    // A slip the text outvotes ("Harow" once against "Harrowe" twice) is no doubt about the id.
    const outvoted = 'Gov. Harrowe signs flood bill\n\nGovernor Tamsin Harrowe released a statement after the vote on Monday.\n\n“This bill keeps our river towns dry,” Harrowe said. Harow also said the work would start in May.\n';
    expect(reviewOf(outvoted, 'This bill keeps').flags).not.toContain('name-variant');
  });

  it('lists a paraphrase read around a verb that a colon follows: the words said come after it', () => {
    const found = reviewOf('Inquiry hears from the pilot\n\nWhen asked to sum up what the crew had found, inspector Odile Brant states:\n\nThe valve had failed long before the engine stopped.\n', 'When asked');
    expect(found.flags).toContain('colon-after-verb');
    expect(needsReview(found)).toBe(true);
    expect(reviewOf('Inquiry hears from the pilot\n\nInspector Odile Brant said the valve had failed long before the engine stopped.\n', 'The valve had failed').flags).not.toContain('colon-after-verb');
  });

  it('lists a quote inside the "that"-clause of someone else’s verb of saying, its own verb after it', () => {
    const found = reviewOf('A caller phoned the harbor line twice, telling the dispatcher that there were still “four or five” boats adrift, harbor captain Ines Varro said.\n', 'four or five');
    expect(found.speaker).toBe('person:ines-varro');
    expect(found.flags).toContain('relayed-before');
    expect(needsReview(found)).toBe(true);
    // The speaker's own verb before the quote relays no one.
    expect(reviewOf('Captain Ines Varro said that there were still “four or five” boats adrift, the harbor office said.\n', 'four or five').flags).not.toContain('relayed-before');
  });

  it('lists a whole-sentence paraphrase that a quote after it takes its speaker from (a lead-in)', () => {
    const lead = 'The mayor spoke to reporters at the depot on Tuesday.\n\nMayor Petra Lind also criticized the bus company.\n\n“They have let this city down for the last time.”\n';
    const found = reviewOf(lead, 'Lind criticized');
    expect(found.flags).toContain('lead-in');
    expect(needsReview(found)).toBe(true);
    const ownAttribution = 'The mayor spoke to reporters at the depot on Tuesday.\n\nMayor Petra Lind also criticized the bus company.\n\n“They have let this city down for the last time,” union steward Ana Cole said.\n';
    expect(reviewOf(ownAttribution, 'Lind criticized').flags).not.toContain('lead-in');
  });

  it('lists the doubts round 13 added', () => {
    for (const flag of ['name-variant', 'colon-after-verb', 'relayed-before', 'lead-in']) expect(needsReview(item(0, 0.95, [flag]))).toBe(true);
  });
});

describe('what lists a statement to check first (round 14)', () => {
  const reviewOf = (text: string, words: string): ReviewItem => {
    const found = extractText(text).document.review.find((r) => r.statement !== null && r.text.startsWith(words));
    if (found === undefined) throw new Error(`expected a statement "${words}…", got ${JSON.stringify(extractText(text).document.review.map((r) => r.text))}`);
    return found;
  };

  it('gives the reasons: a confidence below the threshold, then the doubtful flags; none for a sure statement', () => {
    expect(reviewReasons(item(0, 0.5, ['surname-only', 'outlet-the']))).toEqual(['low-confidence', 'outlet-the']);
    expect(reviewReasons(item(0, 0.95, ['new-entity']))).toEqual([]);
  });

  it('lets a rival, not the confidence, judge a pronoun after the previous sentence’s subject or a quote given to the context’s speaker', () => {
    expect(needsReview(item(0, 0.6, ['pronoun', 'same-paragraph']))).toBe(false);
    expect(needsReview(item(0, 0.61, ['pronoun', 'previous-sentence']))).toBe(false);
    expect(needsReview(item(0, 0.61, ['pronoun', 'previous-sentence', 'rival-antecedent']))).toBe(true);
    expect(needsReview(item(0, 0.57, ['context-speaker', 'last-speaker']))).toBe(false);
  });

  it('lists neither a surname the text never gives in full nor an outlet as speaker by itself', () => {
    expect(needsReview(item(0, 0.9, ['surname-only']))).toBe(false);
    expect(needsReview(item(0, 0.9, ['outlet-speaker']))).toBe(false);
    for (const flag of ['fuller-name', 'pronoun-type', 'outlet-the', 'one-word-paraphrase']) expect(needsReview(item(0, 0.95, [flag]))).toBe(true);
  });

  it('lists a one-word speaker whose word the text also gives inside a longer name', () => {
    const firstName = 'Fire service thanked\n\nLena yesterday thanked the crews. Lena Okafor said the fire was out.\n\n“It was a night none of us will forget,” Lena said.\n';
    expect(reviewOf(firstName, 'It was a night').flags).toContain('fuller-name');
    // A title before the surname is no fuller name.
    const titled = 'Mayor speaks\n\nMayor Cruz answered the criticism on Tuesday.\n\n“Let us talk about saving lives,” Cruz said.\n';
    expect(reviewOf(titled, 'Let us talk').flags).not.toContain('fuller-name');
  });

  it('lists an outlet named with "The"', () => {
    expect(reviewOf('Ferry fares to rise\n\nThe operator has lost money for three years, according to The Harbour Ledger.\n', 'The operator has').flags).toContain('outlet-the');
  });

  it('lists a paraphrase credited to a one-word speaker the graph lacks', () => {
    const found = reviewOf('Harbour vote\n\nAs Spencer noted, the members joining Ruiz in the vote were all from the north shore.\n', 'The members joining');
    expect(found.flags).toContain('one-word-paraphrase');
    expect(needsReview(found)).toBe(true);
  });
});

describe('the review list by reason', () => {
  it('counts right and wrong statements each reason lists, and those it alone lists', () => {
    const gold = [s(0, 10, 'person:a'), s(20, 30, 'person:b')];
    const proposed = [s(0, 10, 'person:a'), s(20, 30, 'person:x'), s(40, 50, 'person:c')];
    const review = [item(0, 0.5, ['outlet-the']), item(1, 0.95, ['outlet-the']), item(2, 0.95)];
    expect(reviewByReason(gold, proposed, review)).toEqual(
      new Map([
        ['low-confidence', { right: 1, wrong: 0, rightAlone: 0, wrongAlone: 0 }],
        ['outlet-the', { right: 1, wrong: 1, rightAlone: 0, wrongAlone: 1 }],
      ]),
    );
    const twice = addByReason(reviewByReason(gold, proposed, review), reviewByReason(gold, proposed, review));
    expect(twice.get('outlet-the')).toEqual({ right: 2, wrong: 2, rightAlone: 0, wrongAlone: 2 });
  });
});
