/**
 * A request's loaders are made when first read (madeOnUse): one request must never see
 * another's loader, a member is made once, and members reach one another through the object.
 * A batch of keys that one query cannot serve whole is served in groups (inGroups).
 */
import { inGroups, madeOnUse, makersByName } from '../../src/graph/loader';

interface Pair {
  readonly first: { readonly made: number; readonly arg: string };
  readonly second: { readonly made: number; readonly sibling: Pair['first'] };
}

describe('madeOnUse', () => {
  it('makes a member the first time it is read, once, for the argument its object was made for', () => {
    const calls: string[] = [];
    let count = 0;
    const make = madeOnUse<Pair, string>({
      first: (arg) => {
        calls.push(`first:${arg}`);
        return { made: (count += 1), arg };
      },
      second: (arg, self) => {
        calls.push(`second:${arg}`);
        return { made: (count += 1), sibling: self.first };
      },
    });
    const a = make('a');
    const b = make('b');
    expect(calls).toEqual([]);

    expect(a.second.sibling).toBe(a.first);
    expect(a.first).toEqual({ made: 2, arg: 'a' });
    expect(a.second.made).toBe(1);
    expect(calls).toEqual(['second:a', 'first:a']);

    // Another object has its own members, made for its own argument.
    expect(b.first).toEqual({ made: 3, arg: 'b' });
    expect(b.first).not.toBe(a.first);
    expect(calls).toEqual(['second:a', 'first:a', 'first:b']);
  });

  it('makes a record with one member per name', () => {
    const make = madeOnUse(makersByName(['x', 'y'] as const, (name, arg: number) => `${name}${arg}`));
    const made = make(7);
    expect([made.x, made.y]).toEqual(['x7', 'y7']);
    expect(Object.keys(makersByName(['x', 'y'] as const, () => 0))).toEqual(['x', 'y']);
  });
});

describe('inGroups', () => {
  it('fetches once per group and answers every key in key order, `missing` where no row came', async () => {
    const fetched: string[][] = [];
    const keys = ['a:1', 'b:2', 'c:1', 'd:2', 'e:1'];
    const answers = await inGroups<string, string[]>(
      keys,
      (key) => key.split(':')[1] as string,
      async (group) => {
        fetched.push([...group]);
        // Rows by their position in the group, out of order, none for 'c'.
        return group.flatMap((key, at) => (key.startsWith('c') ? [] : [[at, [key.toUpperCase()]] as [number, string[]]])).reverse();
      },
      () => [],
    );
    expect(fetched).toEqual([
      ['a:1', 'c:1', 'e:1'],
      ['b:2', 'd:2'],
    ]);
    expect(answers).toEqual([['A:1'], ['B:2'], [], ['D:2'], ['E:1']]);
  });
});
