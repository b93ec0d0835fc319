/**
 * Words the synthetic corpus is made of. People and outlets are invented (no real person
 * is ever quoted); countries and cities are real places, which no statement misrepresents.
 */

export const COUNTRIES: readonly { name: string; adjective: string; capital: string; city: string }[] = [
  { name: 'Norway', adjective: 'Norwegian', capital: 'Oslo', city: 'Bergen' },
  { name: 'Kenya', adjective: 'Kenyan', capital: 'Nairobi', city: 'Mombasa' },
  { name: 'Chile', adjective: 'Chilean', capital: 'Santiago', city: 'Valparaiso' },
  { name: 'Canada', adjective: 'Canadian', capital: 'Ottawa', city: 'Halifax' },
  { name: 'Japan', adjective: 'Japanese', capital: 'Tokyo', city: 'Osaka' },
  { name: 'Poland', adjective: 'Polish', capital: 'Warsaw', city: 'Gdansk' },
  { name: 'Brazil', adjective: 'Brazilian', capital: 'Brasilia', city: 'Recife' },
  { name: 'Ghana', adjective: 'Ghanaian', capital: 'Accra', city: 'Kumasi' },
  { name: 'Portugal', adjective: 'Portuguese', capital: 'Lisbon', city: 'Porto' },
  { name: 'Vietnam', adjective: 'Vietnamese', capital: 'Hanoi', city: 'Da Nang' },
  { name: 'Morocco', adjective: 'Moroccan', capital: 'Rabat', city: 'Tangier' },
  { name: 'Finland', adjective: 'Finnish', capital: 'Helsinki', city: 'Tampere' },
  { name: 'Peru', adjective: 'Peruvian', capital: 'Lima', city: 'Arequipa' },
  { name: 'Indonesia', adjective: 'Indonesian', capital: 'Jakarta', city: 'Surabaya' },
  { name: 'Ireland', adjective: 'Irish', capital: 'Dublin', city: 'Cork' },
  { name: 'Mexico', adjective: 'Mexican', capital: 'Mexico City', city: 'Monterrey' },
  { name: 'Estonia', adjective: 'Estonian', capital: 'Tallinn', city: 'Tartu' },
  { name: 'Senegal', adjective: 'Senegalese', capital: 'Dakar', city: 'Thies' },
  { name: 'Austria', adjective: 'Austrian', capital: 'Vienna', city: 'Graz' },
  { name: 'Philippines', adjective: 'Philippine', capital: 'Manila', city: 'Cebu' },
  { name: 'Greece', adjective: 'Greek', capital: 'Athens', city: 'Thessaloniki' },
  { name: 'Colombia', adjective: 'Colombian', capital: 'Bogota', city: 'Medellin' },
  { name: 'Denmark', adjective: 'Danish', capital: 'Copenhagen', city: 'Aarhus' },
  { name: 'Tunisia', adjective: 'Tunisian', capital: 'Tunis', city: 'Sfax' },
  { name: 'New Zealand', adjective: 'New Zealand', capital: 'Wellington', city: 'Auckland' },
  { name: 'Romania', adjective: 'Romanian', capital: 'Bucharest', city: 'Cluj' },
  { name: 'Uruguay', adjective: 'Uruguayan', capital: 'Montevideo', city: 'Salto' },
  { name: 'Malaysia', adjective: 'Malaysian', capital: 'Kuala Lumpur', city: 'Penang' },
  { name: 'Iceland', adjective: 'Icelandic', capital: 'Reykjavik', city: 'Akureyri' },
  { name: 'Zambia', adjective: 'Zambian', capital: 'Lusaka', city: 'Ndola' },
];

export const MINISTRIES = ['Finance', 'Trade', 'Energy', 'Health', 'Defence', 'Foreign Affairs', 'Agriculture', 'Transport'] as const;

export const ALLIANCES = ['Northern Trade Council', 'Coastal States Forum', 'Pacific Energy Compact', 'Atlantic Security Pact', 'Southern Grain Union'];

export const OUTLETS = [
  'Harbor Post', 'Capital Wire', 'Meridian News', 'The Northern Ledger', 'Daily Courier', 'Evening Standard Review', 'Global Dispatch',
  'The Morning Herald', 'Continental Times', 'Signal Radio', 'Lighthouse Broadcasting', 'The Civic Observer', 'Frontline Weekly',
  'Market Tribune', 'The Atlas Journal', 'Riverside Gazette', 'Summit Television', 'Open Record', 'The Public Register', 'Compass Media',
  'Beacon Newswire', 'The Forum Times', 'Delta Press Agency', 'Granite Chronicle',
];

export const COMPANIES = [
  'Arcline Steel', 'Borealis Grain', 'Cobalt Shipping', 'Dunmore Energy', 'Eastgate Pharma', 'Fjordline Fisheries', 'Greywater Rail',
  'Helix Semiconductors', 'Ironbridge Mining', 'Juniper Telecom', 'Kestrel Airways', 'Lumen Power', 'Marlow Textiles', 'Northwind Motors',
  'Oakhaven Foods', 'Pinecrest Housing', 'Quarry Cement', 'Redfield Chemicals', 'Saltmarsh Water', 'Tidewater Ports',
];

export const THINK_TANKS = ['Institute for Fiscal Studies Abroad', 'Centre for Open Markets', 'Policy Lab East', 'Observatory on Public Health', 'Harbour Economics Group'];

export const FIRST_NAMES = [
  'Anna', 'Bruno', 'Clara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Lars', 'Mara', 'Nikolai', 'Olga', 'Pavel',
  'Quinn', 'Rosa', 'Stefan', 'Tara', 'Umar', 'Vera', 'Wendel', 'Ximena', 'Yusuf', 'Zora', 'Amara', 'Basil', 'Celine', 'Dario', 'Esme',
  'Felix', 'Gideon', 'Hana', 'Ivo', 'Juno', 'Kofi', 'Leona', 'Matteo', 'Nadia', 'Oren', 'Priya', 'Rafael', 'Sanna', 'Tomas', 'Ulla',
  'Viktor', 'Wren', 'Yara', 'Zeno', 'Adaeze', 'Bjorn', 'Chiara', 'Dag', 'Eliska', 'Florin', 'Gwen', 'Henrik', 'Ilse', 'Jasper', 'Kaito',
  'Lucia', 'Milos', 'Noor', 'Otto', 'Petra', 'Rui', 'Selma', 'Teodor', 'Una', 'Valter', 'Wilma', 'Yannick', 'Zuzana', 'Ayo', 'Bianca',
  'Cosmin', 'Delia', 'Emil', 'Fatou', 'Goran', 'Hedda', 'Ismael', 'Jorun', 'Kasia', 'Linus', 'Magnus', 'Nele', 'Odile', 'Pieter', 'Renata',
  'Sigrid', 'Tiago', 'Ursula', 'Vidar', 'Wanjiru', 'Xavier', 'Yelena', 'Zaid', 'Agnes', 'Bastian', 'Carmen', 'Desmond', 'Edda', 'Fabio',
];

export const LAST_NAMES = [
  'Kessler', 'Andersen', 'Okafor', 'Lindqvist', 'Moreau', 'Halvorsen', 'Brandt', 'Castell', 'Dubois', 'Eriksen', 'Ferreira', 'Galloway',
  'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Larsen', 'Mensah', 'Novak', 'Olsen', 'Petrov', 'Quist', 'Rahman', 'Sorensen', 'Tanaka',
  'Ulrich', 'Varga', 'Wagner', 'Yilmaz', 'Zeller', 'Abadi', 'Bergstrom', 'Cavalli', 'Dimitrov', 'Esposito', 'Fischer', 'Grunwald', 'Holm',
  'Iversen', 'Jovanovic', 'Kariuki', 'Lombardi', 'Marquez', 'Nyberg', 'Ortega', 'Pellegrini', 'Rasmussen', 'Santos', 'Thorsen', 'Ueda',
  'Vasquez', 'Westergaard', 'Yamada', 'Zielinski', 'Achterberg', 'Bianchi', 'Carvalho', 'Delacroix', 'Engstrom', 'Falk', 'Gashi', 'Hartmann',
  'Ibrahim', 'Jakobsen', 'Kovacs', 'Lemaire', 'Moller', 'Nakamura', 'Osei', 'Pajari', 'Rossi', 'Salo', 'Toivonen', 'Urbano', 'Vogel',
  'Wojcik', 'Xu', 'Yeboah', 'Zapata', 'Arvidsson', 'Boateng', 'Chen', 'Dahl', 'Eklund', 'Fontaine', 'Gaspar', 'Hoffmann', 'Ilic', 'Juhasz',
  'Kamau', 'Lindgren', 'Mbeki', 'Nieminen', 'Oyelaran', 'Pereira', 'Quintana', 'Rautio', 'Strand', 'Tamm', 'Uzun', 'Valdez', 'Wikstrom',
  'Yoon', 'Zamora', 'Aalto', 'Barros', 'Costa', 'Dragan', 'Ekwueme', 'Forsberg', 'Gruber', 'Huang', 'Ito', 'Jensen', 'Keller', 'Laine',
  'Mutua', 'Nilsen', 'Ochieng', 'Popescu', 'Reyes', 'Sandberg', 'Tkachenko', 'Vidal', 'Weiss', 'Ahonen', 'Bauer', 'Cruz', 'Diallo',
];

export const SUBJECTS = [
  'steel', 'grain', 'fuel', 'vaccine', 'semiconductor', 'fishing', 'carbon', 'rail', 'housing', 'water', 'fertiliser', 'shipping',
  'pension', 'broadband', 'coal', 'rice', 'textile', 'tourism', 'timber', 'lithium',
];

export const INSTRUMENTS = ['tariff', 'export ban', 'subsidy', 'levy', 'moratorium', 'sanctions', 'pause', 'reform', 'quota', 'price cap', 'tax credit', 'licensing freeze'];

export const ROLE_TITLES = ['Minister of', 'Deputy Minister of', 'spokesperson for the Ministry of', 'Permanent Secretary of'] as const;

export const OCCUPATIONS = ['shop owner', 'ferry operator', 'union organiser', 'farmer', 'nurse', 'teacher', 'port worker', 'student', 'taxi driver', 'small-business owner', 'fisher', 'retired engineer'];

export const VENUES = ['told reporters', 'said in a statement', 'told a press conference', 'wrote on social media', 'told parliament', 'said at a briefing', 'told a radio interviewer'];

export const OPENERS = [
  'We will', 'This government will', 'Nobody should doubt that we will', 'I can promise that we will', 'Our partners know we will',
  'Families expect us to', 'It is time to', 'We have no choice but to', 'The data tells us to', 'Frankly, we must', 'I have asked my team to',
  'Let me be clear: we will', 'Businesses are begging us to', 'We would be foolish not to', 'History will judge whether we', 'I refuse to',
  'Our committee voted to', 'The markets want us to', 'Voters sent us here to', 'We are prepared to', 'Nobody in this building wants to',
  'I told the cabinet we should', 'Every region is asking us to', 'We cannot afford to', 'My ministry intends to',
];

export const VERB_PHRASES = [
  'defend', 'review every part of', 'push back against', 'stand firmly behind', 'reconsider', 'expand', 'scale back', 'challenge',
  'speed up', 'rethink', 'protect', 'phase out', 'renegotiate', 'pause work on', 'extend', 'scrap', 'strengthen', 'delay', 'audit',
  'publish the evidence behind', 'consult workers on', 'rewrite', 'fund', 'simplify', 'enforce',
];

export const TAILS = [
  'this year', 'before the summer', 'no matter what the markets say', 'because families deserve better', 'and we will say so openly',
  'with or without our neighbours', 'as soon as parliament returns', 'once the figures are in', 'without hurting exporters',
  'while keeping prices stable', 'before the next budget', 'in full view of the public', 'because the evidence is overwhelming',
  'whatever the cost to us politically', 'within ninety days', 'and I will not apologise for it', 'starting on Monday',
  'after hearing from the regions', 'so that workers are not left behind', 'until the courts have ruled',
  'by the end of the quarter', 'and the opposition knows it', 'because the old rules failed', 'with the support of industry',
];

export const FRAGMENTS = [
  'a reckless gamble', 'long overdue', 'a betrayal of coastal towns', 'the right call at the wrong time', 'an accounting trick',
  'a lifeline for exporters', 'dead on arrival', 'a necessary pause', 'deeply unfair', 'a step in the right direction', 'a political stunt',
  'good news for consumers', 'a disaster for farmers', 'legally shaky', 'the least bad option', 'overdue and underfunded',
  'a signal to our partners', 'rushed and confusing', 'a victory for common sense', 'a tax on the poorest', 'a test of our credibility',
  'smoke and mirrors', 'bold but fragile', 'an invitation to smuggling',
];

export const PARAPHRASES = [
  'the government would review {policy} before the next budget',
  '{policy} would be extended for another six months',
  'talks on {policy} had stalled over the weekend',
  'officials had underestimated the cost of {policy}',
  '{policy} had already cut prices in several regions',
  'the ministry was preparing changes to {policy}',
  'exporters had not been consulted on {policy}',
  '{policy} would be challenged in court',
  'the cabinet was divided over {policy}',
  'the opposition would try to block {policy} in parliament',
  'neighbouring governments were studying {policy} closely',
  'the first results of {policy} would be published next month',
];

export const NESTED_OPENERS = ['When I asked the minister, I was told', 'In our last meeting the message was simply', 'I remember the words exactly:', 'The instruction we received was'];
export const NESTED_QUOTES = [
  'we are not going to pause anything', 'let the markets sort it out', 'nobody will lose their job over this', 'the money is already there',
  'wait until after the election', 'this is temporary, trust us', 'we have the votes', 'talk to the regions first',
];
export const NESTED_TAILS = ['and two weeks later the programme was frozen', 'and nothing happened after that', 'which turned out to be wrong', 'and we believed it at the time'];

export const FILLERS = [
  'The measure has divided economists since it was first proposed.',
  'Figures released last week showed prices rising faster than expected.',
  'Several regional governments have asked for more time to prepare.',
  'Trade groups said they were still studying the details.',
  'The debate is expected to continue when parliament returns.',
  'Neighbouring countries are watching the outcome closely.',
  'Analysts said the decision could affect supply chains well beyond the region.',
  'A vote on the proposal has been scheduled for later this month.',
];

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
