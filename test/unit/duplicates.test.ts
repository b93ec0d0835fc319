import { duplicateCandidates, MAX_BLOCK, type NamedEntity } from '../../src/graph/editorial/duplicates';

const person = (id: string, name: string, aliases: string[] = []): NamedEntity => ({ id, type: 'Person', name, aliases });
const org = (id: string, name: string, aliases: string[] = []): NamedEntity => ({ id, type: 'Organization', name, aliases });

describe('duplicateCandidates', () => {
  it('finds nicknames, initials, spelling variants, shortened outlet names and shared aliases, each with its reason', () => {
    const entities = [
      person('person:mike-waltz', 'Mike Waltz', ['Waltz']),
      person('person:michael-waltz', 'Michael Waltz'),
      person('person:j-ratcliffe', 'J. Ratcliffe'),
      person('person:john-ratcliffe', 'John Ratcliffe', ['CIA Director']),
      person('person:volodymyr-zelenskyy', 'Volodymyr Zelenskyy'),
      person('person:volodymyr-zelensky', 'Volodymyr Zelensky'),
      person('person:donald-trump', 'Donald Trump', ['Trump']),
      person('person:melania-trump', 'Melania Trump', ['Trump']),
      org('org:fox', 'Fox'),
      org('org:fox-business', 'Fox Business'),
      org('org:financial-times', 'Financial Times', ['FT']),
      org('org:ft', 'The FT', ['FT']),
    ];
    expect(duplicateCandidates(entities)).toEqual([
      { a: 'person:donald-trump', b: 'person:melania-trump', reasons: ['shared alias: Trump'] },
      { a: 'person:j-ratcliffe', b: 'person:john-ratcliffe', reasons: ['initial: J. Ratcliffe / John Ratcliffe'] },
      { a: 'person:michael-waltz', b: 'person:mike-waltz', reasons: ['nickname: Michael Waltz / Mike Waltz'] },
      { a: 'person:volodymyr-zelensky', b: 'person:volodymyr-zelenskyy', reasons: ['the same name ignoring case, diacritics and spelling doubles: Volodymyr Zelensky / Volodymyr Zelenskyy'] },
      { a: 'org:financial-times', b: 'org:ft', reasons: ['shared alias: FT'] },
      { a: 'org:fox', b: 'org:fox-business', reasons: ['shortened name: Fox / Fox Business'] },
    ].sort((x, y) => (x.a === y.a ? x.b.localeCompare(y.b) : x.a.localeCompare(y.a))));
  });

  it('never pairs different types, different people of one surname, or an entity with itself', () => {
    const entities = [person('person:john-smith', 'John Smith'), person('person:mary-smith', 'Mary Smith'), org('org:smith', 'Smith'), person('person:john-smith', 'John Smith')];
    expect(duplicateCandidates(entities)).toEqual([]);
  });

  it('keeps only pairs with one of the given ids, and skips blocks too large to compare', () => {
    const entities = [person('person:mike-waltz', 'Mike Waltz'), person('person:michael-waltz', 'Michael Waltz'), person('person:mick-waltz', 'Mick Waltz')];
    expect(duplicateCandidates(entities, new Set(['person:mick-waltz'])).map((c) => [c.a, c.b])).toEqual([
      ['person:michael-waltz', 'person:mick-waltz'],
      ['person:mick-waltz', 'person:mike-waltz'],
    ]);
    const crowd = Array.from({ length: MAX_BLOCK + 1 }, (_, i) => person(`person:p${i}-lee`, `${i % 2 === 0 ? 'Mike' : 'Michael'} Lee`));
    expect(duplicateCandidates(crowd)).toEqual([]);
  });
});
