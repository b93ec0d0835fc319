/**
 * The entity loader promises whole records: entities that arrive as headers with a page of
 * statements (id and name only) must not be filed in it, or a later `entity(id)` in the
 * same request would answer from a header.
 */
import DataLoader from 'dataloader';
import { primeEntities } from '../../src/graph/entity/entity.loaders';
import type { EntityHeader, EntityRecord } from '../../src/graph/entity/entity.type';

describe('primeEntities', () => {
  it('files whole entities and leaves headers to be loaded', async () => {
    const asked: string[][] = [];
    const loader = new DataLoader<string, EntityRecord | null>(async (ids) => {
      asked.push([...ids]);
      return ids.map(() => null);
    });
    const whole: EntityRecord = {
      __typename: 'Person', id: 'person:mike-waltz', name: 'Mike Waltz', aliases: ['Waltz'], description: null, kind: null, status: null, date: null,
    };
    const header: EntityHeader = { __typename: 'Person', id: 'person:john-ratcliffe', name: 'John Ratcliffe' };
    primeEntities(loader, [whole, header, null]);
    await expect(loader.load(whole.id)).resolves.toBe(whole);
    await expect(loader.load(header.id)).resolves.toBeNull();
    expect(asked).toEqual([[header.id]]);
  });
});
