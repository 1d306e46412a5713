/**
 * References written in a newer release's words, read in an older release (`--attack-release 9.0` of a mobile campaign
 * mapped with mobile-attack 18.1's names; enterprise 6.3 of one mapped with 18.1's). The rows come from the mappings of
 * real reports: Lookout's BadBazaar report and the NCSC's BADBAZAAR advisory of April 2025
 * (https://www.lookout.com/threat-intelligence/article/mobile-surveillanceware-badbazaar-moonshine,
 * https://www.ncsc.gov.uk/news/ncsc-and-partners-issue-warning-about-global-spyware-campaigns), written as ATT&CK Mobile
 * 18.1 names them; the generic checks read the release files in ../shared/attack-stix straight, without lib/.
 */
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { rawAttackId, rawRelease, stixDir, testCacheDir, type RawRelease } from '../helpers/attack.js';

const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });

/** The current techniques of `newer` that `older` lacks (neither its STIX object nor its ID), by raw STIX. */
function addedSince(newer: RawRelease, older: RawRelease): Array<{ id: string; name: string; stixId: string }> {
  const olderIds = new Set([...older.byStix.values()].filter((o) => o.type === 'attack-pattern').map(rawAttackId));
  return [...newer.byStix.values()]
    .filter((o) => o.type === 'attack-pattern' && !o['revoked'] && !o['x_mitre_deprecated'] && !older.byStix.has(o.id) && !olderIds.has(rawAttackId(o)))
    .map((o) => ({ id: rawAttackId(o), name: String(o['name']), stixId: o.id }));
}

/** The techniques current in `older` that `newer` records as revoked by `stixId`. */
function replacedBy(stixId: string, newer: RawRelease, older: RawRelease): string[] {
  return [...newer.revokedBy]
    .filter(([, by]) => by === stixId)
    .map(([from]) => older.byStix.get(from))
    .filter((o) => o !== undefined && !o['revoked'] && !o['x_mitre_deprecated'])
    .map((o) => rawAttackId(o!))
    .sort();
}

describe('a name of a technique a newer release added, read in an older release (mobile-attack 9.0, with 18.1 at hand)', () => {
  const newer = rawRelease('mobile-attack-18.1.json.gz');
  const older = rawRelease('stix21/mobile-attack-9.0.json.gz');
  const context = domainReleases(library, 'mobile-attack', '9.0');
  const names = new Map<string, number>();
  for (const o of [...newer.byStix.values(), ...older.byStix.values()]) if (o.type === 'attack-pattern') names.set(String(o['name']), (names.get(String(o['name'])) ?? 0) + 1);

  it('says it is that release\'s technique, as its ID is said, not a revoked technique with no replacement; what it replaced is the candidate', () => {
    // Names 18.1 alone bears, once: the technique's own name, as a report writes it.
    const added = addedSince(newer, older).filter((t) => names.get(t.name) === 1);
    expect(added.length).to.be.greaterThan(20);
    let withReplaced = 0;
    for (const technique of added) {
      const read = resolveReference({ raw: technique.name }, context);
      const where = `${technique.id} "${technique.name}": ${read.note}`;
      expect(read.status, where).to.equal('unknown');
      expect(read.note, where).to.not.include('records no replacement');
      expect(read.note, where).to.include(`"${technique.name}" is the name of a newer release's technique: ${technique.id} is not a technique in mobile-attack 9.0; it is ${technique.id} `);
      const replaced = replacedBy(technique.stixId, newer, older);
      expect(read.candidates.map((c) => c.id), where).to.deep.equal(replaced);
      if (replaced.length) withReplaced++;
    }
    expect(withReplaced).to.be.greaterThan(3);
  });

  // [as BadBazaar's mapping writes it, the 9.0 technique 18.1's replaced]
  const rows: ReadonlyArray<readonly [string, string]> = [
    ['Protected User Data: Call Log', 'T1433 Access Call Log'],
    ['Protected User Data: Contact List', 'T1432 Access Contact List'],
    ['Protected User Data: SMS Messages (T1636.004)', 'T1412 Capture SMS Messages'],
    ['T1630.002 File Deletion', 'T1447 Delete Device Data'],
  ];
  for (const [raw, instead] of rows) {
    it(`names what a layer of 9.0 holds instead: ${raw} -> ${instead}`, () => {
      const read = resolveReference({ raw }, context);
      expect(read.status, read.note).to.equal('unknown');
      expect(read.note).to.include(`; there it replaced ${instead} of mobile-attack 9.0: write that for a layer of 9.0`);
      expect(read.candidates.map((c) => `${c.id} ${c.name}`)).to.deep.equal([instead]);
    });
  }
});

describe('an ID written with its name of a newer release, read in an older one', () => {
  it('says the name is the newer release\'s, not an older name (every renamed technique of mobile-attack 9.0 and 18.1)', () => {
    const newer = rawRelease('mobile-attack-18.1.json.gz');
    const older = rawRelease('stix21/mobile-attack-9.0.json.gz');
    const at9 = domainReleases(library, 'mobile-attack', '9.0');
    const at18 = domainReleases(library, 'mobile-attack', '18.1');
    // Renamed beyond case (T1456 Drive-by, Drive-By Compromise is its name in either).
    const renamed = [...older.byStix.values()].filter((o) => {
      const now = newer.byStix.get(o.id);
      return o.type === 'attack-pattern' && !o['revoked'] && !o['x_mitre_deprecated'] && now && !now['revoked'] && !now['x_mitre_deprecated'] && !o['x_mitre_is_subtechnique'] && String(now['name']).toLowerCase() !== String(o['name']).toLowerCase();
    });
    // T1429 Capture Audio -> Audio Capture, T1512 Capture Camera -> Video Capture, T1418 Application -> Software Discovery, …
    expect(renamed.map(rawAttackId)).to.include.members(['T1404', 'T1418', 'T1429', 'T1512']);
    for (const o of renamed) {
      const id = rawAttackId(o);
      const [name9, name18] = [String(o['name']), String(newer.byStix.get(o.id)!['name'])];
      const down = resolveReference({ raw: `${name18} (${id})` }, at9);
      expect({ status: down.status, ids: down.ids }, down.note).to.deep.equal({ status: 'renamed', ids: [id] });
      expect(down.note).to.equal(`${id} was written with its name in ATT&CK 18.1, "${name18}", a newer release; in ATT&CK 9.0 it is ${name9}`);
      const up = resolveReference({ raw: `${name9} (${id})` }, at18);
      expect(up.note).to.equal(`${id} was written with its older name "${name9}"; it is now ${name18}`);
    }
  });
});

describe('a name of a technique a newer release added, read in enterprise-attack 6.3 (with 18.1 at hand)', () => {
  it('names the 6.3 technique it replaced (APT32\'s Spearphishing Attachment, campaigns/apt32-covid19-wuhan.yaml)', () => {
    const read = resolveReference({ raw: 'Phishing: Spearphishing Attachment' }, domainReleases(library, 'enterprise-attack', '6.3'));
    expect(read.status).to.equal('unknown');
    expect(read.note).to.include('; there it replaced T1193 Spearphishing Attachment of enterprise-attack 6.3: write that for a layer of 6.3');
    expect(read.candidates.map((c) => c.id)).to.deep.equal(['T1193']);
  });
});
