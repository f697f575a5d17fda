import { definedOnly, foundOnly, uniqueValues } from './collections';

describe('collections', () => {
  it('uniqueValues keeps the first of each value and drops nulls', () => {
    expect(uniqueValues(['b', 'a', null, 'b', undefined, 'c'])).toEqual(['b', 'a', 'c']);
  });

  it('definedOnly drops absent fields and keeps explicit nulls', () => {
    expect(definedOnly({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
  });

  it('foundOnly drops what a loader did not find or failed on', () => {
    expect(foundOnly(['x', null, new Error('e'), 'y'])).toEqual(['x', 'y']);
  });
});
