/**
 * The words the extraction rules key on: speech verbs with their forms, titles that come
 * before names, the nouns that name organisations, outlets and venues. They are English
 * function vocabulary of news reporting, not names from any one article; names come from
 * the text itself, compromise's lexicon, or the graph.
 */

/** How a speech verb may be used. */
export interface SpeechVerb {
  readonly lemma: string;
  /** Counts only when one of these words follows within a few words ("called for", "asked ... to"). */
  readonly needsAfter?: readonly string[];
  /** Counts only right after a quote ("“…,” he continued"). */
  readonly afterQuoteOnly?: boolean;
  /** Right after the quote it attributes, counts without the words of `needsAfter` ("“Why now?” Smith asked"). */
  readonly bareAfterQuote?: boolean;
  /** When its subject is a news outlet, the verb credits the outlet rather than quoting it. */
  readonly reporting?: boolean;
  /** Paraphrase it as "<speaker> <verb> <object>." instead of the reported clause alone. */
  readonly takesObject?: boolean;
  /**
   * A courtesy ("thanked", "commended") reports words only as a clause's own verb: joined to
   * another act ("could not confirm …, but thanked the officials") it is one more thing the
   * speaker did, told in passing.
   */
  readonly ownClauseOnly?: boolean;
}

const VERBS: readonly SpeechVerb[] = [
  { lemma: 'say' },
  { lemma: 'tell' },
  { lemma: 'add' },
  { lemma: 'warn' },
  { lemma: 'confirm' },
  { lemma: 'announce', takesObject: true },
  { lemma: 'suggest' },
  { lemma: 'mention' },
  { lemma: 'indicate' },
  { lemma: 'describe', needsAfter: ['as'], takesObject: true },
  { lemma: 'call', needsAfter: ['for', 'on'], takesObject: true },
  { lemma: 'claim' },
  { lemma: 'insist' },
  { lemma: 'argue' },
  { lemma: 'state' },
  { lemma: 'note' },
  { lemma: 'explain' },
  { lemma: 'acknowledge' },
  { lemma: 'admit' },
  { lemma: 'deny', takesObject: true },
  { lemma: 'urge', takesObject: true },
  { lemma: 'predict' },
  { lemma: 'promise' },
  { lemma: 'vow' },
  { lemma: 'pledge' },
  { lemma: 'stress' },
  { lemma: 'emphasise' },
  { lemma: 'emphasize' },
  { lemma: 'reiterate' },
  { lemma: 'recall' },
  { lemma: 'ask', needsAfter: ['to', 'whether', 'if', 'for'], bareAfterQuote: true, takesObject: true },
  { lemma: 'reply' },
  { lemma: 'respond' },
  { lemma: 'write' },
  { lemma: 'tweet' },
  { lemma: 'post', needsAfter: ['that'], bareAfterQuote: true },
  { lemma: 'maintain', needsAfter: ['that'] },
  { lemma: 'encourage', needsAfter: ['to'], takesObject: true },
  { lemma: 'remind', needsAfter: ['to', 'that'], takesObject: true },
  { lemma: 'reflect', needsAfter: ['that'] },
  { lemma: 'express', needsAfter: ['gratitude', 'thanks', 'concern', 'concerns', 'hope', 'confidence', 'regret', 'frustration', 'sympathy', 'condolences', 'support', 'doubt', 'doubts', 'disappointment', 'optimism'], takesObject: true },
  { lemma: 'float', needsAfter: ['idea', 'proposal', 'plan', 'possibility', 'prospect'], takesObject: true },
  { lemma: 'declare' },
  { lemma: 'assert' },
  { lemma: 'contend' },
  { lemma: 'concede' },
  { lemma: 'complain' },
  { lemma: 'caution' },
  { lemma: 'observe' },
  { lemma: 'remark' },
  { lemma: 'reveal', reporting: true },
  { lemma: 'disclose' },
  { lemma: 'accuse', takesObject: true },
  { lemma: 'criticise', takesObject: true },
  { lemma: 'criticize', takesObject: true },
  { lemma: 'demand', takesObject: true },
  { lemma: 'propose', takesObject: true },
  { lemma: 'threaten' },
  { lemma: 'joke' },
  { lemma: 'quip' },
  { lemma: 'counter' },
  { lemma: 'retort' },
  { lemma: 'testify' },
  { lemma: 'conclude' },
  { lemma: 'comment' },
  { lemma: 'allege' },
  { lemma: 'affirm' },
  { lemma: 'boast' },
  { lemma: 'lament' },
  { lemma: 'report', reporting: true },
  { lemma: 'highlight', reporting: true },
  { lemma: 'continue', afterQuoteOnly: true },
  // Thanks and praise given in words: "He thanked first responders for …" (its grounds: a bare
  // "thanked the crews" tells a gesture), "commended the crews".
  { lemma: 'thank', needsAfter: ['for'], takesObject: true, ownClauseOnly: true },
  { lemma: 'commend', takesObject: true, ownClauseOnly: true },
  { lemma: 'assure' },
  // "dismissed claims that …": the object names what was said.
  { lemma: 'dismiss', needsAfter: ['claims', 'claim', 'suggestions', 'suggestion', 'reports', 'criticism', 'concerns', 'fears', 'speculation', 'allegations'], takesObject: true },
];

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  admit: ['admits', 'admitted', 'admitting'],
  quip: ['quips', 'quipped', 'quipping'],
  testify: ['testifies', 'testified', 'testifying'],
  reply: ['replies', 'replied', 'replying'],
  deny: ['denies', 'denied', 'denying'],
};

function forms(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return [lemma, ...irregular];
  const third = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  const past = lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`;
  const ing = lemma.endsWith('e') && !lemma.endsWith('ee') ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [lemma, third, past, ing];
}

const BY_FORM = new Map<string, SpeechVerb>(VERBS.flatMap((verb) => forms(verb.lemma).map((form) => [form, verb] as const)));

export function speechVerb(lower: string): SpeechVerb | null {
  return BY_FORM.get(lower) ?? null;
}

/** Verbs whose -ing form opens a clause that reports what the main subject said. */
export const isParticiple = (lower: string): boolean => lower.endsWith('ing');

/** Words that start a name-like run but are titles: "President", "Councillor", "CIA Director". */
export const TITLE_WORDS = new Set(
  `president vice prime minister secretary director adviser advisor chancellor governor mayor senator sen rep representative
  congressman congresswoman ambassador spokesperson spokesman spokeswoman chief executive officer ceo cfo coo chair chairman
  chairwoman chairperson general gen colonel col major maj lieutenant lt captain capt sergeant sgt admiral commander commissioner
  councillor councilor councilman councilwoman alderman professor prof dr doctor judge justice deputy assistant under acting interim
  former outgoing incoming then leader head founder co-founder president-elect king queen prince princess sheikh pope cardinal
  bishop archbishop rabbi imam reverend rev father sister brother minister-president premier speaker whip attorney lawyer
  analyst economist strategist researcher scientist expert editor correspondent reporter columnist fisherman farmer resident
  owner manager coach captain striker player teacher nurse economist envoy negotiator aide official officer press
  mr mrs ms miss sir dame lord lady administrator superintendent inspector trustee treasurer sheriff coroner sheriff-coroner marshal`.split(/\s+/),
);

/** Titles written short, and the word a later "the governor" or "the senator" uses for them. */
export const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  gov: 'governor',
  sen: 'senator',
  rep: 'representative',
  lt: 'lieutenant',
  gen: 'general',
  sec: 'secretary',
  secy: 'secretary',
  atty: 'attorney',
  pres: 'president',
  supt: 'superintendent',
  cmdr: 'commander',
  adm: 'admiral',
  col: 'colonel',
  capt: 'captain',
  sgt: 'sergeant',
  maj: 'major',
  prof: 'professor',
  rev: 'reverend',
  amb: 'ambassador',
  cllr: 'councillor',
  insp: 'inspector',
  det: 'detective',
  comm: 'commissioner',
};

/** Titles said two ways: "the CEO" for the chief executive, and back. */
export const TITLE_SYNONYMS: readonly (readonly [string, string])[] = [
  ['ceo', 'chief executive officer'],
  ['ceo', 'chief executive'],
  ['cfo', 'chief financial officer'],
  ['coo', 'chief operating officer'],
  ['cto', 'chief technology officer'],
];

/** Department words that sit inside titles: "secretary of defense", "economy minister". */
export const DEPARTMENT_WORDS = new Set(
  `defense defence state interior foreign affairs finance treasury economy economic health justice education energy environment
  transport transportation veterans trade commerce labour labor agriculture culture security intelligence home homeland housing industry development
  council city county party national federal public press communications policy military army navy air force`.split(/\s+/),
);

/** Head nouns of organisation names: "Environment Agency", "Ministry of Health". */
export const ORG_WORDS = new Set(
  `agency ministry department council commission committee office bank group company corporation corp inc ltd plc llc union
  association party university institute foundation authority board court service services police army navy parliament senate
  congress assembly government administration federation organisation organization alliance fund trust club society centre
  center school hospital agency bureau directorate secretariat tribunal cabinet presidency embassy consulate airline airlines
  motors industries holdings systems technologies labs laboratories partners capital securities exchange`.split(/\s+/),
);

/** Words that make an organisation a news outlet: "Portmere Gazette", "BBC Radio Lune". */
export const OUTLET_WORDS = new Set(
  `times post journal news press herald tribune gazette telegraph guardian chronicle radio tv television broadcasting broadcaster
  network channel magazine daily weekly wire today observer independent mirror express standard economist reuters bloomberg
  politico axios courier examiner inquirer dispatch bulletin ap afp bbc business`.split(/\s+/),
);

/**
 * Social platforms and apps that people post on: "a post on X", "on Truth Social". They are
 * named like people or initials but are organisations, never a speaker "he" refers to.
 */
export const PLATFORM_NAMES = new Set(
  `x|twitter|facebook|instagram|tiktok|youtube|truth social|threads|bluesky|linkedin|telegram|whatsapp|snapchat|reddit|weibo|wechat
  |rumble|gettr|mastodon|substack|discord|twitch`.split('|').map((n) => n.trim()),
);

/** Nouns an organisation is introduced with: "chipmaker Veltrix", "the carrier". */
export const ORG_DESCRIPTORS = new Set(
  `maker company firm group giant chipmaker carmaker automaker manufacturer producer retailer lender bank insurer operator
  airline carrier startup start-up developer supplier conglomerate broadcaster newspaper publisher agency regulator watchdog
  ministry department charity union organisation organization website`.split(/\s+/),
);

/** "the agency", "the company": definite descriptions that refer back to an organisation. */
export const ORG_ANAPHORS: Readonly<Record<string, 'org' | 'outlet'>> = {
  agency: 'org',
  ministry: 'org',
  department: 'org',
  company: 'org',
  firm: 'org',
  group: 'org',
  council: 'org',
  government: 'org',
  commission: 'org',
  committee: 'org',
  bank: 'org',
  union: 'org',
  party: 'org',
  regulator: 'org',
  watchdog: 'org',
  carrier: 'org',
  airline: 'org',
  lender: 'org',
  insurer: 'org',
  manufacturer: 'org',
  maker: 'org',
  administration: 'org',
  newspaper: 'outlet',
  paper: 'outlet',
  broadcaster: 'outlet',
  network: 'outlet',
  outlet: 'outlet',
  channel: 'outlet',
};

/** People who speak for an organisation: "a spokesperson for the agency" quotes the agency. */
export const SPOKESPEOPLE = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'representative', 'official', 'spokespeople']);

/** Nouns for how something was said: "in a televised address", "in an interview with …". */
export const VENUE_NOUNS = new Set(
  `address speech interview statement briefing conference post video letter op-ed podcast hearing release tweet message memo email
  broadcast debate rally session appearance remarks filing call sermon testimony blog newsletter column essay article comments
  comment roundtable forum`.split(/\s+/),
);

/** Words of a time between a subject and its verb: "Trump on Wednesday said", "Ortberg this week intervened". */
export const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year morning afternoon
  evening night earlier later`.split(/\s+/),
);

/** Plural nouns that make a speaker nobody in particular: "officials said", "analysts warned". */
export const GENERIC_SPEAKERS = new Set(
  `officials sources analysts experts residents critics observers diplomats people insiders economists investors lawmakers
  councillors councilors engineers scientists researchers doctors witnesses aides advisers advisors executives leaders
  campaigners activists members staff workers employees protesters locals owners authorities police others some many`.split(/\s+/),
);

/** Words that make a clause subordinate: the person named after them is rarely who "he" is next. */
export const SUBORDINATORS = new Set(['whether', 'if', 'because', 'although', 'though', 'while', 'whereas', 'unless', 'until', 'since', 'when', 'whom']);

/**
 * Words that open an adverbial clause: right after a quote ("“…,” as rains continued", "“…”
 * after the police said"), the clause they open tells of something else, not who spoke.
 */
export const CLAUSE_CONJUNCTIONS = new Set(['as', 'after', 'before', 'while', 'when', 'whereas', 'because', 'since', 'until', 'unless', 'although', 'though', 'once']);

/** Words that may sit between a subject and its verb without changing who speaks. */
export const VERB_MODIFIERS = new Set(
  `also similarly reportedly later again then previously once repeatedly further separately earlier recently has have had will would
  did does do just already still publicly privately directly openly bluntly angrily quickly simply flatly too subsequently first
  originally initially exclusively`.split(/\s+/),
);

/** Words that mean the speech did not happen: "declined to say", "did not confirm". */
export const NEGATIONS = new Set(['not', "n't", 'never', 'declined', 'refused', 'no', 'without']);

/** Forms of "be" that make a speech verb passive: "was told", "were asked". */
export const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'am', "'s", '’s']);

/** "it" stands for a body that speaks ("It said that the passengers had been lost"), never a person. */
export const PRONOUNS: Readonly<Record<string, 'male' | 'female' | 'neuter' | 'plural' | 'first'>> = {
  he: 'male',
  she: 'female',
  it: 'neuter',
  they: 'plural',
  i: 'first',
  we: 'first',
};

/** Function words that can open a sentence with a capital and are never part of a name. */
export const SENTENCE_OPENERS = new Set(
  `the a an this that these those it its he she they we i you his her their our my your but and or so yet meanwhile however despite
  according in on at as after before while when if although though since because during for from to with without by of not no
  asked speaking writing local opposition some many most several both all each every another other such there here what which who
  why how today yesterday tomorrow last next earlier later still also even only just`.split(/\s+/),
);

/**
 * English given names and their usual short forms, both ways ("Mike Waltz" is "Michael
 * Waltz"). No maintained list of these is published on the npm registry, so the common
 * ones are kept here; a pair is only used when the surname matches too.
 */
const NICKNAME_GROUPS = `michael mike mick mickey|robert bob rob bobby robbie|william bill will billy willie liam|richard rick dick rich ricky
  james jim jimmy jamie|john jack johnny|joseph joe joey|thomas tom tommy|charles charlie chuck|edward ed ted eddie ned
  christopher chris|daniel dan danny|matthew matt|anthony tony|andrew andy drew|david dave|steven steve stephen|kenneth ken kenny
  benjamin ben|samuel sam sammy|alexander alex al|nicholas nick nicky|timothy tim timmy|patrick pat paddy|peter pete
  gregory greg|jonathan jon|donald don donny|ronald ron ronnie|lawrence larry|jeffrey jeff geoffrey|gerald gerry jerry
  elizabeth liz beth betsy lizzie eliza|margaret maggie meg peggy|katherine kate kathy katie catherine cathy kathryn
  jennifer jen jenny|susan sue susie|deborah debbie deb|patricia pat patty trish|rebecca becky|victoria vicky tori
  christine chris chrissy|kimberly kim|barbara barb|jessica jess jessie|samantha sam|abigail abby|alexandra alex sandra
  theodore ted teddy theo|frederick fred freddie|francis frank|henry hank harry|harold harry hal|leonard len lenny
  raymond ray|walter walt|vincent vince|zachary zach|nathaniel nate nathan|jacob jake|joshua josh|mitchell mitch`;

export const NICKNAMES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of NICKNAME_GROUPS.split('|')) {
    const names = group.trim().split(/\s+/);
    for (const n of names) {
      const set = map.get(n) ?? new Set<string>();
      for (const m of names) if (m !== n) set.add(m);
      map.set(n, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
})();
