import { expect } from 'chai';
import { hiddenTechniques, linesPerKind, messageKind, SHOWN_PER_KIND } from '../../lib/cli/repeated-lines.js';

describe('linesPerKind and messageKind (human output of many findings of one kind)', () => {
  it('lists the first few of each kind in their order, then how many more, right after the last one shown', () => {
    const items = ['a1', 'b1', 'a2', 'a3', 'b2', 'a4', 'a5', 'c1'];
    const lines = linesPerKind(items, (item) => item[0]!, (item) => item, (item, hidden) => `${item[0]}: ${hidden} more`);
    expect(SHOWN_PER_KIND).to.equal(3);
    expect(lines).to.deep.equal(['a1', 'b1', 'a2', 'a3', 'a: 2 more', 'b2', 'c1']);
    // Exactly as many as are shown: no count.
    expect(linesPerKind(['a1', 'a2', 'a3'], () => 'a', (item) => item, () => 'more')).to.deep.equal(['a1', 'a2', 'a3']);
    // The line counting them gets the hidden items of the kind.
    expect(linesPerKind(items, (item) => item[0]!, (item) => item, (_, hidden, rest) => `${hidden}: ${rest.join(' ')}`)).to.include('2: a4 a5');
  });

  // combine's kinds are its messages rewritten by several regular expressions (messageKind), one for each entry left out:
  // on two layers of 200,000 unknown IDs (bench/bench.mjs, hostile sizes) reading each three or four times took a third
  // of the run.
  it('reads the kind of each item once, however many kinds have more than are shown', () => {
    const items = Array.from({ length: 40 }, (_, i) => `${'abcd'[i % 4]}${i}`);
    let calls = 0;
    const kindOf = (item: string): string => {
      calls += 1;
      return item[0]!;
    };
    const lines = linesPerKind(items, kindOf, (item) => item, (item, hidden, rest) => `${item[0]}: ${hidden} more, ${rest.length} given`);
    expect(lines.filter((line) => line.endsWith('more, 7 given'))).to.deep.equal(['a: 7 more, 7 given', 'b: 7 more, 7 given', 'c: 7 more, 7 given', 'd: 7 more, 7 given']);
    expect(calls).to.equal(items.length);
  });

  it('names the techniques of hidden messages once each, in order, and at most eight', () => {
    const merged = (at: number, id: string) => `/techniques/${at}: merged with /techniques/${at + 1} (all ${id})`;
    expect(hiddenTechniques([merged(2, 'T1003'), merged(3, 'T1003'), merged(8, 'T1105.001')])).to.equal('T1003, T1105.001');
    expect(hiddenTechniques(['no technique here'])).to.equal('');
    const many = Array.from({ length: 10 }, (_, i) => merged(i, `T10${10 + i}`));
    expect(hiddenTechniques(many)).to.equal('T1010, T1011, T1012, T1013, T1014, T1015, T1016, T1017, …');
  });

  // The shapes of combine's notes on SRA's index layer (publayers5 11): revoked IDs that are only disabled, deprecated
  // ones with and without successors, entries of one technique merged.
  it('makes messages alike that differ only in places, IDs, names and the length of a list', () => {
    const revoked = (at: number, id: string, name: string, to: string, toName: string) =>
      `f.json: /techniques/${at}: ${id} (${name}) is revoked; replaced by ${to} (${toName}); the entry only disables ${id}, which Navigator never showed (enterprise-attack 18.1 revoked it)`;
    expect(messageKind(revoked(4, 'T1002', 'Data Compressed', 'T1560', 'Archive Collected Data'))).to.equal(messageKind(revoked(118, 'T1053.001', 'At (Linux)', 'T1053.002', 'At')));
    const pointsTo = (targets: string) => `f.json: /techniques/9: T1034 (Path Interception) is deprecated; its description points to ${targets}: annotate the one that fits`;
    expect(messageKind(pointsTo('T1574.007 (Path Interception by PATH Environment Variable), T1574.008 (Path Interception by Search Order Hijacking)'))).to.equal(messageKind(pointsTo('T1571 (Non-Standard Port)')));
    expect(messageKind('/techniques/5: merged with /techniques/6, /techniques/7 (all T1003)')).to.equal(messageKind('/techniques/36: merged with /techniques/37 (all T1021)'));
    // A metadata item's place folds as an entry's (KittySploit's records, one repair each: listed three, then counted).
    const record = (at: string) => `${at}: metadata item with fields of its own (artifacts, module_path) and no name or value; read as an item per field`;
    expect(messageKind(record('/techniques/0/metadata/0'))).to.equal(messageKind(record('/techniques/11/metadata/4')));
    expect(messageKind(pointsTo('T1571 (Non-Standard Port)'))).to.not.equal(messageKind('f.json: /techniques/9: T1034 (Path Interception) is deprecated; its description names no successor'));
  });
});
