/**
 * A revoked technique whose target release has lost its `revoked-by` relationship: mobile-attack 18.1 keeps T1454
 * Malicious SMS Message revoked with no relationship, which mobile-attack 9.0 has (revoked by T1477). The revoked
 * techniques and relationships are read straight from the release files in ../shared/attack-stix, without lib/.
 */
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { rawAttackId, rawRelease, stixDir, stixFile, testCacheDir } from '../helpers/attack.js';

describe('a revocation the target release no longer records (mobile-attack 18.1, with 9.0 at hand)', () => {
  const target = rawRelease('mobile-attack-18.1.json.gz');
  const older = rawRelease('stix21/mobile-attack-9.0.json.gz');
  // Revoked in 18.1 with no revoked-by there, but one in 9.0 to an object 18.1 has.
  const broken = [...target.byStix.values()].filter(
    (o) => o.type === 'attack-pattern' && o['revoked'] === true && !target.revokedBy.has(o.id) && target.byStix.has(older.revokedBy.get(o.id) ?? ''),
  );
  const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });
  const context = domainReleases(library, 'mobile-attack');

  it('follows the older release\'s revoked-by for the ID and for its name, as the 18.1 bundle says the replacement is', () => {
    expect(broken.map(rawAttackId)).to.include('T1454');
    for (const object of broken) {
      const replacement = target.byStix.get(older.revokedBy.get(object.id)!)!;
      const want = replacement['x_mitre_deprecated'] === true ? { status: 'deprecated', ids: [] } : { status: 'revoked', ids: [rawAttackId(replacement)] };
      const byId = resolveReference({ raw: rawAttackId(object) }, context);
      expect({ status: byId.status, ids: byId.ids }, byId.note).to.deep.equal(want);
      expect(byId.note).to.include(`revoked by ${rawAttackId(replacement)}`);
      expect(byId.trail.join('\n')).to.include(`ATT&CK mobile-attack 9.0 records ${rawAttackId(replacement)}`);
      const byName = resolveReference({ raw: String(object['name']) }, context);
      expect({ status: byName.status === 'renamed' ? 'revoked' : byName.status, ids: byName.ids }, byName.note).to.deep.equal(want);
    }
  });

  it('says that no replacement is recorded, where no older release is at hand, rather than that the name is ambiguous', () => {
    const object = broken.find((o) => rawAttackId(o) === 'T1454')!;
    const alone = { target: new AttackLibrary({ attack: stixFile('mobile-attack-18.1.json.gz'), cacheDir: testCacheDir(), snapshot: false }).release('mobile-attack') };
    const byName = resolveReference({ raw: String(object['name']) }, alone);
    expect(byName.status).to.equal('unknown');
    expect(byName.note).to.equal('"Malicious SMS Message" is known by the name of revoked T1454, but ATT&CK mobile-attack 18.1 records no replacement of that revoked technique');
    expect(resolveReference({ raw: 'T1454' }, alone).status).to.equal('unknown');
  });
});

describe('the name of a revoked technique whose replacement is deprecated (mobile-attack 18.1, with 9.0 at hand)', () => {
  const target = rawRelease('mobile-attack-18.1.json.gz');
  const older = rawRelease('stix21/mobile-attack-9.0.json.gz');
  const names = new Map<string, number>();
  for (const o of target.byStix.values()) if (o.type === 'attack-pattern') names.set(String(o['name']), (names.get(String(o['name'])) ?? 0) + 1);
  // Revoked, by a relationship of 18.1 or else of 9.0, into a technique 18.1 deprecates; its name borne by it alone.
  const cases = [...target.byStix.values()].flatMap((o) => {
    const by = target.revokedBy.get(o.id) ?? older.revokedBy.get(o.id);
    const replacement = by ? target.byStix.get(by) : undefined;
    return o.type === 'attack-pattern' && o['revoked'] === true && replacement?.['x_mitre_deprecated'] === true && names.get(String(o['name'])) === 1 ? [{ o, replacement }] : [];
  });
  const context = domainReleases(new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false }), 'mobile-attack');

  it('says both that the name\'s technique was revoked and that its replacement is deprecated', () => {
    expect(cases.map(({ o }) => rawAttackId(o))).to.include('T1454');
    for (const { o, replacement } of cases) {
      const byName = resolveReference({ raw: String(o['name']) }, context);
      expect(byName.status, byName.note).to.equal('deprecated');
      expect(byName.note).to.include(`"${String(o['name'])}" is known by the name of revoked ${rawAttackId(o)}; ${rawAttackId(o)} was revoked by ${rawAttackId(replacement)} ${String(replacement['name'])}, which is deprecated in ATT&CK 18.1; `);
    }
  });
});
