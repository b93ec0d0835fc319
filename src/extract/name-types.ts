/**
 * What the words around a name, anywhere in the text, say of its type, for a name whose own
 * words leave it untyped ("Equifax", "OceanGate Expeditions"): a body takes "its" and "which",
 * stands beside "the company", has a spokesperson, shares and a chief executive; a person has
 * none of these. Read after every mention is found, so a cue late in the text types a name
 * met early; a type its own words gave (a first name, a title) is never changed here.
 */
import type { Token } from './layout';
import { ORG_ANAPHORS, ORG_DESCRIPTORS, TITLE_WORDS } from './lexicon';
import type { DocEntity } from './registry';
import { POSSESSIVE } from './name-words';

/** Words that open a thing's name, which an "its" after it may stand for. */
const THING_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/** What a body has and a person does not (a spokesperson either may have): "Equifax's shares", "the firm's website". */
const BODY_BELONGINGS = new Set(['shares', 'stock', 'shareholders', 'headquarters', 'website', 'employees', 'subsidiary', 'subsidiaries', 'ceo', 'board']);

/** Nouns before "of" whose "of" names a body: "shares of Equifax", "employees of OceanGate". */
const BODY_PARTS_OF = new Set(['shares', 'stock', 'employees', 'shareholders', 'subsidiary', 'headquarters']);

/** The anaphors of a body that is a business: "the company is offering" after "Equifax". */
const BUSINESS_ANAPHORS = new Set(['company', 'firm']);

/**
 * What this module reads of a mention (mentions.ts's Mention has it all): its own shape, so
 * that mentions.ts, which calls it, is not imported back.
 */
interface Mention {
  readonly kind: string;
  readonly first: number;
  readonly last: number;
  readonly sentence: number;
  readonly quote: number | null;
  readonly possessive: boolean;
  readonly entity: DocEntity | null;
}

export class NameTypes {
  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
    private readonly all: readonly Mention[],
    private readonly startsMention: (k: number) => boolean,
  ) {}

  /** Types as bodies the untyped names the text around them shows to be bodies. */
  typeBodies(): void {
    const bodies = new Set(this.all.filter((m) => this.untyped(m) && this.readsAsBody(m)).map((m) => m.entity));
    for (const e of bodies) if (e !== null) e.type = 'Organization';
  }

  private untyped(m: Mention): boolean {
    return m.kind === 'name' && m.entity !== null && m.entity.type === 'Unknown' && !m.entity.outlet;
  }

  private readsAsBody(m: Mention): boolean {
    if (this.itsAfter(m) || this.whichAfter(m) || this.bodyApposed(m)) return true;
    // The weaker cues only for a one-word name: "Shohei Ohtani", whose given name the tagger
    // does not know, has a representative and a staff as a body does.
    return !/\s/.test(m.entity?.name.trim() ?? ' ') && (this.belongingAfter(m) || this.bodyPartBefore(m) || this.businessAnaphorAfter(m));
  }

  /**
   * "Miami-Dade Fire Rescue said it had deployed its team", "led Colonial Pipeline to shut
   * down its operations": an "its" after the name in its sentence, before any other name. A
   * thing named between may own the "its" ("voted against the budget and its cuts"), so a
   * determiner stops the search.
   */
  private itsAfter(m: Mention): boolean {
    for (let k = m.last + 1; k < this.tokens.length; k += 1) {
      const t = this.tokens[k] as Token;
      if (t.sentence !== m.sentence || t.quote !== m.quote || (this.startsMention(k) && t.lower !== 'it') || THING_DETERMINERS.has(t.lower)) return false;
      if (t.lower === 'its') return true;
    }
    return false;
  }

  /**
   * "Equifax, which runs credit files": a person is "who". A thing takes "which" as well, and
   * is mostly named after "the" ("the US Constitution, which protects …"), so not there.
   */
  private whichAfter(m: Mention): boolean {
    const next = this.next(m);
    if (this.tokens[m.first - 1]?.lower === 'the') return false;
    return next !== undefined && next.lower === 'which' && /^\s*,\s*$/.test(this.gap(m.last, next));
  }

  /**
   * "OceanGate Expeditions, the company that operated the Titan", "Equifax, the credit
   * reporting agency,": set off by a comma, a phrase whose head noun names a kind of body. The
   * head is the last of its lower-case words ("the company president" is a person's title).
   */
  private bodyApposed(m: Mention): boolean {
    const det = this.next(m);
    if (det === undefined || !['the', 'a', 'an'].includes(det.lower) || !/^\s*,\s*$/.test(this.gap(m.last, det))) return false;
    let head: Token | null = null;
    for (let k = det.index + 1; k <= det.index + 4; k += 1) {
      const t = this.tokens[k];
      if (t === undefined || t.sentence !== det.sentence || !/^\p{Ll}[\p{Ll}-]*$/u.test(t.text) || !/^\s+$/.test(this.gap(k - 1, t))) break;
      if (['that', 'which', 'who', 'with', 'for', 'of', 'in', 'based', 'and'].includes(t.lower)) break;
      head = t;
    }
    return head !== null && ORG_DESCRIPTORS.has(head.lower) && !TITLE_WORDS.has(head.lower);
  }

  /** "Equifax's shares", "OceanGate’s website": a possessive before what only a body has. */
  private belongingAfter(m: Mention): boolean {
    if (!m.possessive) return false;
    const next = this.next(m);
    return next !== undefined && next.sentence === m.sentence && BODY_BELONGINGS.has(next.lower);
  }

  /** "shares of Equifax", "employees of OceanGate": what only a body has, before it. */
  private bodyPartBefore(m: Mention): boolean {
    const link = this.tokens[m.first - 1];
    const noun = this.tokens[m.first - 2];
    return link !== undefined && noun !== undefined && noun.sentence === m.sentence && link.lower === 'of' && BODY_PARTS_OF.has(noun.lower);
  }

  /**
   * "requiring Equifax to provide ten years … the company is offering": "the company" later in
   * the sentence of a one-word name, no other name between, is that name. A one-word name no
   * first name or title typed is more often a body's than a person's.
   */
  private businessAnaphorAfter(m: Mention): boolean {
    for (let k = m.last + 1; k < this.tokens.length - 1; k += 1) {
      const t = this.tokens[k] as Token;
      if (t.sentence !== m.sentence || (this.startsMention(k) && !['the', 'it', 'its'].includes(t.lower))) return false;
      const noun = this.tokens[k + 1] as Token;
      if (t.lower === 'the' && BUSINESS_ANAPHORS.has(noun.lower.replace(POSSESSIVE, '')) && ORG_ANAPHORS[noun.lower.replace(POSSESSIVE, '')] === 'org') return true;
    }
    return false;
  }

  private next(m: Mention): Token | undefined {
    const t = this.tokens[m.last + 1];
    return t !== undefined && t.sentence === m.sentence && t.quote === m.quote ? t : undefined;
  }

  private gap(k: number, after: Token): string {
    return this.text.slice((this.tokens[k] as Token).end, after.start);
  }
}
