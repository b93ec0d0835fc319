/**
 * Whom a subject stands for: a name, a title the article gave someone, "the agency", a
 * pronoun (to an earlier subject, the last speaker, or the last person named), "the
 * statement" (whoever put it out); and whether a name where an outlet would be is one.
 */
import type { Token } from './layout';
import { readsAsPersonName } from './person-name';
import { PARTY_WORDS } from './name-words';
import { titleHasHead } from './registry';
import { firstIndex } from './sorted';
import { ORG_ANAPHORS, ORG_WORDS } from './lexicon';
import { lastSpeakerWithin } from './texts';
import type { DocEntity, Mention } from './mentions';
import { type Frame, type AttributionScope, type NounPhrase, type Speaker, type Resolution, text, wordAt } from './frame';

const GENDER_OF: Readonly<Record<string, 'male' | 'female' | null>> = { male: 'male', female: 'female' };

/** The person a pronoun stands for; "I" and "we" inside a quote are its speaker. */
function resolvePronoun(ctx: AttributionScope, m: Mention, quoteSpeaker: DocEntity | null, depth = 0): Speaker | null {
  if (ctx.pronouns.has(m)) return ctx.pronouns.get(m) ?? null;
  // A pronoun whose antecedent is a pronoun is resolved through it, a few links deep at most.
  if (depth > PRONOUN_CHAIN) return null;
  const found = findAntecedent(ctx, m, quoteSpeaker, depth);
  ctx.pronouns.set(m, found);
  return found;
}

/** How far back an antecedent is looked for, in mentions, and how many pronouns may chain. */
const ANTECEDENT_REACH = 300;
const PRONOUN_CHAIN = 4;

function findAntecedent(ctx: AttributionScope, m: Mention, quoteSpeaker: DocEntity | null, depth: number): Speaker | null {
  const speaker = (entity: DocEntity, how: string): Speaker => ({ entity, via: 'pronoun', mention: m.text, flags: ['pronoun', how] });
  if (m.pronoun === 'first') return m.quote !== null && quoteSpeaker !== null ? speaker(quoteSpeaker, 'first-person') : null;
  if (m.pronoun === 'plural') return null;
  const neuter = m.pronoun === 'neuter';
  const gender = GENDER_OF[m.pronoun ?? ''] ?? null;
  // A name of unknown type stands for a person only when it reads as one: not "X" after "a post on X".
  const fitsPerson = (e: DocEntity): boolean => (e.type === 'Person' || (e.type === 'Unknown' && readsAsPersonName(e.name))) && (e.gender === null || gender === null || e.gender === gender);
  // "it" is a body that speaks for itself: an organisation, not an outlet (whose reports are the outlet rules').
  const fits = (e: DocEntity | null): e is DocEntity => e !== null && !e.outlet && e !== quoteSpeaker && (neuter ? e.type === 'Organization' : fitsPerson(e));
  const layout = ctx.layout;
  const paragraphOf = (c: Mention): number => (layout.sentences[c.sentence] as { paragraph: number }).paragraph;
  const paragraph = paragraphOf(m);
  const ordinal = ordinalOf(layout, paragraph);
  const entityOf = (c: Mention): DocEntity | null => (c.kind === 'name' ? c.entity : c.kind === 'pronoun' && c !== m ? (resolvePronoun(ctx, c, quoteSpeaker, depth + 1)?.entity ?? null) : null);

  const at = firstIndex(ctx.mentions.all, (other) => other.start >= m.start);
  // Outside a quote, a pronoun never refers to a word inside one ("“Probably,” he said").
  const before = ctx.mentions.all
    .slice(Math.max(0, at - ANTECEDENT_REACH), at)
    .filter((c) => (c.kind === 'name' || c.kind === 'pronoun') && (m.quote !== null || c.quote === null) && !afterIndefinite(layout.tokens, c) && !caseParty(layout.tokens, c));
  // (a) The subject of an earlier clause of the same sentence.
  for (let n = before.length - 1; n >= 0; n -= 1) {
    const c = before[n] as Mention;
    if (c.sentence !== m.sentence) break;
    if (c.subject && !c.subordinate && fits(entityOf(c))) return speaker(entityOf(c) as DocEntity, 'same-sentence');
  }
  // (a′) "In one radio interview, where he promised …, Whitlock predicted": the main subject after an opening clause.
  const ahead = subjectAfterOpening(ctx, m, fits);
  if (ahead !== null) return speaker(ahead, 'same-sentence');
  // (b) The subject of an earlier sentence of the same paragraph; one the text describes without naming stops the search,
  // unless the description is of the person named just before it (`describedNamed`), a guess to check.
  const earlier = subjectEarlierInParagraph(ctx, m, fits, entityOf, neuter);
  if (earlier !== undefined) return earlier === null ? null : speaker(earlier.entity, earlier.described ? 'last-named' : 'same-paragraph');
  // (b′) The main subject of the sentence just before, ending the paragraph before: "A shaken Ruiz left the hall." then "“…,” she said."
  const previous = neuter ? null : previousSentenceSubject(ctx, m, fits);
  if (previous !== null) return speaker(previous, 'previous-sentence');
  // (c) Whoever spoke last, within three paragraphs with words; "it" goes first to the body an earlier sentence is about.
  const last = neuter ? null : lastSpeakerFitting(ctx, ordinal, fits);
  if (last !== null) return speaker(last, 'last-speaker');
  const main = earlierMainSubject(layout, before, m.sentence, ordinal, entityOf, fits);
  if (main !== null) return speaker(main, 'earlier-subject');
  if (neuter) {
    const body = lastSpeakerFitting(ctx, ordinal, fits);
    return body === null ? null : speaker(body, 'last-speaker');
  }
  // (e) The last person named, within three paragraphs with words.
  for (let n = before.length - 1; n >= 0; n -= 1) {
    const c = before[n] as Mention;
    if (ordinal - ordinalOf(layout, paragraphOf(c)) > 3) break;
    if (c.kind === 'name' && fits(c.entity) && !modifiesNoun(layout, c)) return speaker(c.entity as DocEntity, 'last-named');
  }
  return null;
}

/**
 * (b) The nearest main subject of an earlier sentence of the paragraph that the pronoun can
 * stand for. A person the text only describes ("The county manager said … He added …") is
 * whom the pronoun goes on with, not someone named before them: the search stops there with
 * null, unless the description is of the person named just before it (`describedNamed`).
 * Undefined when the paragraph has no such subject.
 */
function subjectEarlierInParagraph(
  ctx: AttributionScope,
  m: Mention,
  fits: (e: DocEntity | null) => e is DocEntity,
  entityOf: (c: Mention) => DocEntity | null,
  neuter: boolean,
): { entity: DocEntity; described: boolean } | null | undefined {
  const all = ctx.mentions.all;
  const paragraph = paragraphOfSentence(ctx.layout, m.sentence);
  for (let n = firstIndex(all, (other) => other.start >= m.start) - 1; n >= 0; n -= 1) {
    const c = all[n] as Mention;
    if (c.sentence === m.sentence) continue;
    if (paragraphOfSentence(ctx.layout, c.sentence) !== paragraph) break;
    if (!c.subject || c.subordinate || (m.quote === null && c.quote !== null)) continue;
    if (c.kind === 'title' && !neuter) {
      const held = c.head === null ? null : ctx.registry.byTitle(c.head, c.start);
      // "A teacher left …, she said": one told of with "a" may be anyone the paragraph tells of in passing.
      if (held === null && definite(ctx.layout.tokens, c)) {
        const named = describedNamed(ctx, c);
        return fits(named) ? { entity: named, described: true } : null;
      }
      if (held === null) continue;
      if (fits(held.entity)) return { entity: held.entity, described: false };
      continue;
    }
    if ((c.kind === 'name' || c.kind === 'pronoun') && !afterIndefinite(ctx.layout.tokens, c) && !caseParty(ctx.layout.tokens, c) && fits(entityOf(c))) return { entity: entityOf(c) as DocEntity, described: false };
  }
  return undefined;
}

/** How many paragraphs with words back the person a description stands for may have been named. */
const DESCRIBED_REACH = 2;

/**
 * "Tessa Marlow conceded that … . The premier called the flood …": a definite description no
 * one in the text holds is the person named just before it, when that person is the main
 * subject of their clause and the text gives them no title but one with the description's
 * head. A person the text gives another title ("Councillor Brant Ovel said … The port
 * manager said …"), another description, or a person named in passing between them, leaves
 * the description someone the text does not name. Organisations and words inside quotes are
 * passed over: neither is whom a description of a person could be.
 */
export function describedNamed(ctx: AttributionScope, m: Mention): DocEntity | null {
  const layout = ctx.layout;
  if (m.head === null || !definite(layout.tokens, m)) return null;
  const head = m.head;
  const ordinal = ordinalOf(layout, paragraphOfSentence(layout, m.sentence));
  const all = ctx.mentions.all;
  for (let n = firstIndex(all, (other) => other.start >= m.start) - 1; n >= 0; n -= 1) {
    const c = all[n] as Mention;
    if (ordinal - ordinalOf(layout, paragraphOfSentence(layout, c.sentence)) > DESCRIBED_REACH) return null;
    if (c.quote !== null || c.kind === 'pronoun' || c.kind === 'place' || c.kind === 'anaphor') continue;
    if (c.kind === 'title') {
      // "The governor asked … . The governor insisted …": the same description again is the same person.
      if (definite(layout.tokens, c) && c.head !== null && titleHasHead(c.head, head)) return describedNamed(ctx, c);
      // "at a press conference", "a teacher she met": one told of with "a", in passing, is no one the description could go on with.
      if (!definite(layout.tokens, c) && !c.subject) continue;
      return null;
    }
    const e = c.entity;
    if (e === null || e.outlet || e.type === 'Organization' || (e.type === 'Unknown' && !readsAsPersonName(e.name))) continue;
    // "It is “a grave threat,” Marlow said": a neuter subject of the words reported is not who speaks.
    const main = ctx.mentions.inSentence(c.sentence).find((x) => x.subject && !x.subordinate && x.quote === null && x.pronoun !== 'neuter');
    // "the State Agency for Emergency Management (Aemead)": a name in brackets abbreviates the words before it; no one is told of.
    if (main !== c && bracketed(layout, c)) continue;
    if (main !== c || afterIndefinite(layout.tokens, c) || caseParty(layout.tokens, c)) return null;
    // "Councillor Brant Ovel": a title written before the name, which the graph's alias may have taken whole.
    const before = c.text.endsWith(e.name) ? c.text.slice(0, c.text.length - e.name.length).trim() : '';
    const titles = [...e.titles, ...(before === '' ? [] : [before])];
    return titles.length === 0 || titles.some((t) => titleHasHead(t, head)) ? e : null;
  }
  return null;
}

/** Whether the mention stands alone in brackets: "(Aemead)". */
function bracketed(layout: AttributionScope['layout'], c: Mention): boolean {
  const before = layout.tokens[c.first - 1];
  const after = layout.tokens[c.last + 1];
  const open = layout.text.slice(before === undefined ? 0 : before.end, c.start);
  const close = layout.text.slice(c.end, after === undefined ? layout.text.length : after.start);
  return /\(\s*$/.test(open) && /^\s*\)/.test(close);
}

/** "The county manager", "the city’s fire chief": a description of one person, not "a teacher". */
function definite(tokens: readonly Token[], c: Mention): boolean {
  const first = tokens[c.first];
  return first !== undefined && (first.lower === 'the' || /['’]s$/u.test(first.text) || ['his', 'her', 'their', 'its'].includes(first.lower));
}

const paragraphOfSentence = (layout: AttributionScope['layout'], sentence: number): number => (layout.sentences[sentence] as { paragraph: number }).paragraph;

/**
 * (b′) A paragraph that opens on "“…,” he said" goes on with the person the paragraph before
 * ends on as its main subject, named, when no one spoke after them: the line that brings a
 * speaker in ("A clearly shaken Ruiz gave a short answer.") is nearer than whoever spoke
 * before it.
 */
function previousSentenceSubject(ctx: AttributionScope, m: Mention, fits: (e: DocEntity | null) => e is DocEntity): DocEntity | null {
  const layout = ctx.layout;
  const own = layout.sentences[m.sentence];
  const prior = layout.sentences[m.sentence - 1];
  if (own === undefined || prior === undefined || prior.paragraph === own.paragraph || ordinalOf(layout, own.paragraph) - ordinalOf(layout, prior.paragraph) !== 1) return null;
  const main = ctx.mentions.inSentence(m.sentence - 1).find((c) => c.subject && !c.subordinate && c.quote === null);
  // "A clearly shaken Ruiz": after "a", a name seen before is still that person.
  const seenBefore = main?.entity != null && (main.entity.seen[0] ?? Infinity) < main.start;
  if (main === undefined || main.kind !== 'name' || !fits(main.entity) || caseParty(layout.tokens, main) || (afterIndefinite(layout.tokens, main) && !seenBefore)) return null;
  const last = ctx.history[ctx.history.length - 1];
  if (last !== undefined && last.paragraph >= prior.paragraph) return null;
  return main.entity;
}

/** Words that open a sentence on a clause or phrase before its main subject: "When he …, X said". */
const OPENING_CLAUSE_WORDS = new Set(['in', 'on', 'at', 'after', 'before', 'when', 'while', 'as', 'since', 'though', 'although', 'if', 'during', 'once', 'until', 'where']);
/** How many mentions after a pronoun the main subject it stands for may be. */
const CATAPHOR_REACH = 6;

/**
 * A pronoun inside a sentence's opening clause stands for the sentence's main subject after
 * the comma that closes it ("When she arrived, Ruiz said …"), when that subject is a name.
 */
function subjectAfterOpening(ctx: AttributionScope, m: Mention, fits: (e: DocEntity | null) => e is DocEntity): DocEntity | null {
  const tokens = ctx.layout.tokens;
  const sentence = ctx.layout.sentences[m.sentence];
  const opener = sentence === undefined ? undefined : tokens[sentence.first];
  if (opener === undefined || opener.index === m.first || !OPENING_CLAUSE_WORDS.has(opener.lower) || m.quote !== null) return null;
  const all = ctx.mentions.all;
  const at = firstIndex(all, (other) => other.start > m.start);
  for (let n = at; n < Math.min(all.length, at + CATAPHOR_REACH); n += 1) {
    const c = all[n] as Mention;
    if (c.sentence !== m.sentence) return null;
    if (!c.subject || c.subordinate || c.kind !== 'name' || c.quote !== null) continue;
    const comma = /,\s*$/.test(ctx.layout.text.slice((tokens[c.first - 1] as Token).end, c.start));
    return comma && fits(c.entity) ? c.entity : null;
  }
  return null;
}

/** "the Biden administration", "Trump supporters": a name before a noun qualifies it and is nobody a pronoun stands for. */
function modifiesNoun(layout: AttributionScope['layout'], c: Mention): boolean {
  const next = layout.tokens[c.last + 1];
  const last = layout.tokens[c.last] as Token;
  return next !== undefined && next.sentence === c.sentence && /^\p{Ll}/u.test(next.text) && next.tags.has('Noun') && !next.tags.has('Verb') && !/['’]s$/.test(last.text) && /^ +$/.test(layout.text.slice(last.end, next.start));
}

/** The word between a case's parties: "Roe v. Wade", "Brown vs. Board". */
const VERSUS = new Set(['v', 'v.', 'vs', 'vs.', 'versus']);

/**
 * "Roe v. Wade", "Dobbs v. Jackson": a name on either side of "v." is a case's title, which no
 * pronoun stands for, whoever the parties were.
 */
function caseParty(tokens: readonly Token[], c: Mention): boolean {
  return VERSUS.has(tokens[c.first - 1]?.lower ?? '') || VERSUS.has(tokens[c.last + 1]?.lower ?? '');
}

/** How many lower-case words may stand between "a" and the name it describes: "a native", "a lifelong". */
const DESCRIBING_WORDS = 2;

/**
 * "Harold Whitlock, a native New Yorker": a capitalised run after "a" or "an" (and a
 * describing word or two) says what someone is, not who; a pronoun never stands for it.
 */
function afterIndefinite(tokens: readonly Token[], c: Mention): boolean {
  for (let k = c.first - 1; k >= Math.max(0, c.first - 1 - DESCRIBING_WORDS); k -= 1) {
    const w = tokens[k] as Token;
    if (w.sentence !== c.sentence) return false;
    if (w.lower === 'a' || w.lower === 'an') return true;
    if (!/^\p{Ll}/u.test(w.text)) return false;
  }
  return false;
}

function lastSpeakerFitting(ctx: AttributionScope, ordinal: number, fits: (e: DocEntity | null) => e is DocEntity): DocEntity | null {
  for (let n = ctx.history.length - 1; n >= Math.max(0, ctx.history.length - ANTECEDENT_REACH); n -= 1) {
    const h = ctx.history[n] as AttributionScope['history'][number];
    if (ordinal - ordinalOf(ctx.layout, h.paragraph) > 3) break;
    if (fits(h.speaker)) return h.speaker;
  }
  return null;
}

/**
 * (d) The main subject (the first subject of its main clause) of an earlier sentence, within
 * three paragraphs, nearest first: "She walked the ruins of Lahaina." then "From observation,
 * she said …" goes on with the walker, not the town; "OceanGate released a statement after
 * the Coast Guard said …" then "It said …" is OceanGate.
 */
function earlierMainSubject(
  layout: AttributionScope['layout'],
  before: readonly Mention[],
  sentence: number,
  ordinal: number,
  entityOf: (c: Mention) => DocEntity | null,
  fits: (e: DocEntity | null) => e is DocEntity,
): DocEntity | null {
  let n = before.length - 1;
  while (n >= 0) {
    const at = before[n] as Mention;
    if (ordinal - ordinalOf(layout, (layout.sentences[at.sentence] as { paragraph: number }).paragraph) > 3) break;
    // Going backwards, the last subject seen in a sentence is its first.
    let main: Mention | null = null;
    for (; n >= 0 && (before[n] as Mention).sentence === at.sentence; n -= 1) {
      const c = before[n] as Mention;
      if (c.subject && !c.subordinate) main = c;
    }
    const e = main === null || at.sentence === sentence ? null : entityOf(main);
    if (fits(e)) return e;
  }
  return null;
}

/** A paragraph's place among the paragraphs with words: distances are read in those. */
const ordinalOf = (layout: AttributionScope['layout'], paragraph: number): number => layout.paragraphs[paragraph]?.ordinal ?? paragraph;

/**
 * "the intelligence director continued": a title the article never gave anyone by that
 * wording is the last speaker, when that speaker spoke in this paragraph or the one with words before
 * and a title the article gave them has its head word, or, for "continued" and "added", no
 * title the article gave them says otherwise. Flagged, since it is a guess.
 */
function titledLastSpeaker(ctx: AttributionScope, m: Mention, flags: readonly string[], continuing: boolean): Speaker | null {
  const last = ctx.history[ctx.history.length - 1];
  const paragraph = (ctx.layout.sentences[m.sentence] as { paragraph: number }).paragraph;
  if (last === undefined || ordinalOf(ctx.layout, paragraph) - ordinalOf(ctx.layout, last.paragraph) > 1 || last.speaker.type === 'Organization' || m.head === null) return null;
  const head = m.head.toLowerCase().split(/\s+/).pop() as string;
  const titles = [...last.speaker.titles].map((t) => t.toLowerCase());
  if (titles.length > 0 ? !titles.some((t) => t.includes(head)) : !continuing) return null;
  return { entity: last.speaker, via: 'title', mention: m.text, flags: [...flags, 'title', 'last-speaker'] };
}

/** Turns a noun phrase into speakers, or says why it cannot. */
/** `continuing`: the verb is "continued" or "added", which goes on with someone who has just spoken. */
export function resolvePhrase(ctx: AttributionScope, np: NounPhrase, quoteSpeaker: DocEntity | null, continuing = false): Resolution {
  const mentionText = text(ctx).slice((np.mentions[0] ?? { start: 0 }).start, (np.mentions[np.mentions.length - 1] ?? { end: 0 }).end) || np.generic;
  if (np.generic !== null) return { ok: false, reason: 'generic', mention: np.generic, outlets: [] };
  const speakers: Speaker[] = [];
  for (const m of np.mentions) {
    const flags: string[] = [];
    if (np.spokesperson) flags.push('spokesperson');
    if (np.mentions.length > 1) flags.push('multiple-speakers');
    let found: Speaker | null = null;
    switch (m.kind) {
      case 'name':
        if (m.entity !== null && !partyMember(m)) found = { entity: m.entity, via: m.via ?? 'name', mention: m.text, flags: m.ambiguous ? [...flags, 'ambiguous'] : flags };
        break;
      case 'pronoun': {
        const p = resolvePronoun(ctx, m, quoteSpeaker);
        if (p !== null) found = { ...p, flags: [...flags, ...p.flags] };
        break;
      }
      case 'title': {
        const t = m.head === null ? null : ctx.registry.byTitle(m.head, m.start);
        const named = t === null ? describedNamed(ctx, m) : null;
        if (t !== null) found = { entity: t.entity, via: t.via, mention: m.text, flags: [...flags, 'title'] };
        else found = titledLastSpeaker(ctx, m, flags, continuing) ?? (named === null ? null : { entity: named, via: 'title', mention: m.text, flags: [...flags, 'title', 'last-named'] });
        break;
      }
      case 'anaphor': {
        const e = m.head === null ? null : bodyNamed(ctx, m, ctx.registry.byAnaphor(m.head, m.start));
        if (e !== null) found = { entity: e, via: 'anaphor', mention: m.text, flags: [...flags, 'description'] };
        break;
      }
      case 'place':
        break;
    }
    if (found === null) return { ok: false, reason: 'unresolved', mention: mentionText, outlets: [] };
    speakers.push(found);
  }
  if (speakers.length === 0) return { ok: false, reason: 'unresolved', mention: mentionText, outlets: [] };
  if (speakers.every((s) => s.entity.outlet)) return { ok: false, reason: 'outlet', mention: mentionText, outlets: speakers.map((s) => s.entity) };
  return { ok: true, speakers };
}

/**
 * "at least one Democrat noted", "Republicans say": a party's member or members, unnamed; a
 * name the text gives no one (the graph's party, an organisation, is another matter).
 */
function partyMember(m: Mention): boolean {
  return m.entity?.graph == null && PARTY_WORDS.has(m.text.toLowerCase().replace(/s$/, ''));
}

/**
 * Whether an organisation named where an outlet would be ("according to X", "X reported",
 * "told X") is one: the graph says so, its name says so ("… Gazette"), or it is not a person
 * and not a body that speaks for itself ("the ministry").
 */
export function outletLike(ctx: AttributionScope, m: Mention): boolean {
  const e = entityOf(ctx, m);
  if (e === null) return false;
  if (e.outlet) return true;
  if (e.graph !== null || e.type === 'Person') return false;
  const tokens = ctx.layout.tokens.slice(m.first, m.last + 1);
  if (tokens.some((t) => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('LastName') || t.tags.has('Honorific'))) return false;
  if (e.name.toLowerCase().split(/\s+/).some((w) => ORG_WORDS.has(w))) return false;
  // "Cheatle said": an unknown one-word name is far more often the surname of someone (named
  // in full or not) than an outlet, which the lexicon, an outlet's word ("Times") or the
  // article's own description ("the newspaper Corran") marks; only those speak as outlets,
  // and a name that reports, or speaks citing its sources ("Yonhap reported, citing").
  return !(e.type === 'Unknown' && !/\s/.test(e.name.trim())) || reportsAsOutlet(ctx, m);
}

/** "Semafor reported", "Yonhap said, citing two officials": what an outlet, not a person, does. */
const REPORTS_AFTER = /^[ \t]*(?:has |had |first )?report(?:ed|s|ing)\b/u;
const SAYS_CITING_AFTER = /^[ \t]*(?:said|says|reported)?[ \t]*,[ \t]*citing\b/u;
function reportsAsOutlet(ctx: AttributionScope, m: Mention): boolean {
  const end = (ctx.layout.tokens[m.last] as Token).end;
  const after = ctx.layout.text.slice(end, end + 40);
  return REPORTS_AFTER.test(after) || SAYS_CITING_AFTER.test(after);
}

/**
 * "the company said": the last name the head fits may be a thing ("the Titan", a name of no
 * known type) between the company's words and these; a body that spoke within three
 * paragraphs is surer.
 */
function bodyNamed(ctx: AttributionScope, m: Mention, named: DocEntity | null): DocEntity | null {
  if (named === null || named.type === 'Organization' || ORG_ANAPHORS[m.head ?? ''] === 'outlet') return named;
  const body = (e: DocEntity | null): e is DocEntity => e !== null && e.type === 'Organization' && !e.outlet;
  return lastSpeakerFitting(ctx, ordinalOf(ctx.layout, ctx.layout.sentences[m.sentence]?.paragraph ?? 0), body) ?? named;
}

/** The entity a mention stands for: an anaphor's ("the paper") is the last one its head fits. */
export function entityOf(ctx: AttributionScope, m: Mention): DocEntity | null {
  return m.kind === 'anaphor' && m.head !== null ? ctx.registry.byAnaphor(m.head, m.start) : m.entity;
}

export const markOutlet = (e: DocEntity): DocEntity => {
  e.outlet = true;
  e.type = 'Organization';
  return e;
};

export function mentionAfter(ctx: AttributionScope, frame: Frame, k: number): Mention | null {
  const w = wordAt(frame, k);
  if (w === null) return null;
  const m = ctx.mentions.startingAt(w.index) ?? (['the', 'a', 'an'].includes(w.lower) ? ctx.mentions.startingAt(w.index + 1) : null);
  return m !== null && m.kind !== 'place' && m.kind !== 'pronoun' ? m : null;
}

// The rules for texts put out and their authors are texts.ts's; callers reach them through speakers.ts.
export { authorOfTextAt, textAuthorBefore } from './texts';

/** The line before a summary line. */
const SUMMARY_REACH = 1;

/**
 * "Describes the move as a “mid-cycle adjustment.”", "Says the talks will resume": a
 * summary line that opens with a speech verb in the present and no subject goes on with the
 * speaker of the line before (a standfirst or live blog under its lede), flagged for review.
 */
export function openingVerbSpeaker(ctx: AttributionScope, frame: Frame, k: number): Speaker | null {
  const verb = wordAt(frame, k);
  if (k !== 0 || verb === null || !/^\p{Lu}\p{Ll}+s$/u.test(verb.text)) return null;
  return lastSpeakerWithin(ctx, frame, SUMMARY_REACH, verb.text, ['subjectless', 'last-speaker']);
}
