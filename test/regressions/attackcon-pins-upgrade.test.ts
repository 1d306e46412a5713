/**
 * Navigator's own ATT&CKcon 2018 sample layers (Blue Pins, format 2.2; Gold Pins, format 3.0; both ATT&CK 3-era IDs and
 * no `versions.attack`; test/fixtures/layers/public/README.md) upgraded to ATT&CK 18.1. Every move below was checked by
 * hand against the STIX data of enterprise 3.0 and 18.1 in ../shared/attack-stix: revoked-by followed to its end, each
 * entry under a tactic its successor lacks moved to the successor's tactics, deprecated IDs removed with the technique
 * their description points to, and every score, colour and `enabled` carried. Navigator 5.1's own upgrade workflow
 * carries none of these revoked entries by itself (../shared/NAVIGATOR.md).
 */
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import type { AttackLibrary } from '../../lib/attack/load.js';
import { upgradeLayer } from '../../lib/layer/upgrade-layer.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary, readLayerFixture } from '../layer/attack-data.js';

type Entry = { techniqueID: string; tactic?: string; score?: number; metadata?: Array<{ name: string; value: string }> };

describe('upgrading Navigator\'s ATT&CKcon 2018 pin layers', () => {
  let library: AttackLibrary;
  let attack: AttackIndex;
  before(() => {
    library = attackLibrary();
    attack = library.release('enterprise-attack');
  });

  const upgrade = (file: string) => {
    const { layer, report } = upgradeLayer(readLayerFixture(`public/${file}`), attack);
    const entries = (layer.techniques ?? []) as Entry[];
    const at = (id: string) => entries.filter((e) => e.techniqueID === id).map((e) => [e.tactic, e.score, e.metadata?.find((m) => m.name === 'upgraded from')?.value]);
    return { layer, report, entries, at };
  };

  it('Blue Pins (format 2.2): revoked IDs to their successors, lost tactics moved, deprecated T1043 and T1064 removed and kept', () => {
    const { layer, report, entries, at } = upgrade('navigator-blue-pins-2.2.json');
    expect(at('T1546.004')).to.deep.equal([['persistence', 1, 'T1156']]);
    // T1002 Data Compressed was under exfiltration; T1560 Archive Collected Data is under collection alone.
    expect(at('T1560')).to.deep.equal([['collection', 2, 'T1002']]);
    // T1177 LSASS Driver (execution, persistence) is T1547.008 (persistence, privilege-escalation).
    expect(at('T1547.008')).to.deep.equal([
      ['persistence', 2, 'T1177'],
      ['privilege-escalation', 2, 'T1177'],
    ]);
    expect(at('T1102')).to.deep.equal([['command-and-control', 2, undefined]]);
    expect(at('T1021.006')).to.deep.equal([['lateral-movement', 1, 'T1028']]);
    expect(at('T1059.001')).to.deep.equal([['execution', 7, 'T1086']]);
    expect(entries.map((e) => e.techniqueID)).to.not.include.members(['T1043', 'T1064']);
    const removed = (layer.metadata ?? []).map((item) => ('value' in item ? String(item.value) : ''));
    expect(removed).to.have.length(3);
    expect(removed[0]).to.match(/^\/techniques\/2: T1043 \(Commonly Used Port\) is deprecated .* points to T1571 \(Non-Standard Port\)/);
    expect(removed[1]).to.match(/^\/techniques\/20: T1064 \(Scripting\) is deprecated .* points to T1059 \(Command and Scripting Interpreter\)/);
    expect(report.counts).to.include({ kept: 14, remapped: 13, removed: 3 });
    expect(entries.every((e) => typeof e.score === 'number')).to.equal(true);
    expect(validateLayer(layer, { attackFor: attackFor(library) })).to.deep.equal([]);
  });

  it('Gold Pins (format 3.0): T1155 under lateral-movement and T1170 under execution merged where their successors are', () => {
    const { layer, report, at } = upgrade('navigator-gold-pins-3.0.json');
    expect(at('T1059.002')).to.deep.equal([['execution', 1, 'T1155']]);
    expect(at('T1218.005')).to.deep.equal([['defense-evasion', 1, 'T1170']]);
    expect(at('T1095')).to.deep.equal([['command-and-control', 1, 'T1094']]);
    expect(at('T1021.002')).to.deep.equal([['lateral-movement', 2, 'T1077']]);
    expect(at('T1566.001')).to.deep.equal([['initial-access', 1, 'T1193']]);
    expect(at('T1546.002')).to.deep.equal([['persistence', 1, 'T1180']]);
    expect(at('T1205')).to.deep.equal([
      ['command-and-control', 1, undefined],
      ['defense-evasion', 1, undefined],
      ['persistence', 1, undefined],
    ]);
    expect(report.counts).to.include({ kept: 18, remapped: 9, removed: 0 });
    expect(validateLayer(layer, { attackFor: attackFor(library) })).to.deep.equal([]);
  });
});
