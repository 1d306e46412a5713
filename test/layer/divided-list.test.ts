import { expect } from 'chai';
import { appendDivided } from '../../lib/layer/divided-list.js';

type Item = { name: string; value: string } | { divider: true };

const key = (item: Item): string => JSON.stringify(item);
const divider: Item = { divider: true };
/** One group of CTID Mappings Explorer's M365 metadata: a capability, its category and its value. */
const capability = (name: string, category: string): Item[] => [
  { name: 'capability', value: name },
  { name: 'category', value: category },
  { name: 'value', value: 'significant' },
];

describe('appendDivided', () => {
  it("keeps a group whose items other groups hold only apart (DEF-SA-E3's respond and detect groups)", () => {
    const into: Item[] = [];
    appendDivided(into, [divider, ...capability('DEF-SA-E3', 'respond'), divider, ...capability('DEF-SA-E3', 'detect')], key, 'group');
    expect(into).to.deep.equal([...capability('DEF-SA-E3', 'respond'), divider, ...capability('DEF-SA-E3', 'detect')]);
  });

  it('leaves out a group held in a row by one already there, also after the item combine puts first', () => {
    const layerItem: Item = { name: 'layer', value: 'M365 E3 Mappings' };
    const into: Item[] = [layerItem];
    const metadata = [...capability('EOP-MFR-E3', 'protect'), divider, ...capability('DEF-SecScore-E3', 'detect')];
    appendDivided(into, metadata, key, 'group');
    appendDivided(into, metadata, key, 'group');
    expect(into).to.deep.equal([layerItem, ...metadata]);
  });

  it('reads a list without dividers item by item, as links are merged by URL', () => {
    const into: Item[] = [{ name: 'source', value: 'a' }];
    appendDivided(into, [{ name: 'source', value: 'a' }, { name: 'source', value: 'b' }], key, 'group');
    expect(into).to.deep.equal([{ name: 'source', value: 'a' }, { name: 'source', value: 'b' }]);
  });
});
