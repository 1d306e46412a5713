/**
 * Tactics an older release of a domain had that its newest has not (Mobile's Network Effects and Remote Service Effects,
 * in mobile-attack 9.0, not 18.1), read from the release files in ../shared/attack-stix without lib/.
 */
import { readdirSync } from 'node:fs';
import { expect } from 'chai';
import { RETIRED_TACTICS } from '../../lib/attack/known-tactics.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { readRawBundle, stixDir, stixFile, testCacheDir } from '../helpers/attack.js';

/** Every release file's tactics as [shortname, TA ID, name], by domain and release. */
function rawTactics(): Map<string, Map<string, Array<[string, string, string]>>> {
  const byDomain = new Map<string, Map<string, Array<[string, string, string]>>>();
  for (const file of readdirSync(stixDir(), { recursive: true, encoding: 'utf8' })) {
    const match = /(\w+-attack)-([\d.]+)\.json\.gz$/.exec(file);
    if (!match) continue;
    const tactics = readRawBundle(stixFile(file))
      .objects.filter((o) => o.type === 'x-mitre-tactic' && o['x_mitre_deprecated'] !== true && o['revoked'] !== true)
      .map((o): [string, string, string] => [String(o['x_mitre_shortname']), (o['external_references'] as { external_id?: string }[])[0]!.external_id!, String(o['name'])]);
    const releases = byDomain.get(match[1]!) ?? new Map<string, Array<[string, string, string]>>();
    releases.set(match[2]!, tactics);
    byDomain.set(match[1]!, releases);
  }
  return byDomain;
}

describe('tactics a domain\'s newest release no longer has (every release in ATTACK_STIX_DIR)', () => {
  const byDomain = rawTactics();
  const newest = (releases: Map<string, unknown>): string => [...releases.keys()].sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0]!;

  it('are RETIRED_TACTICS, each with its TA ID', () => {
    for (const [domain, releases] of byDomain) {
      const latest = new Set(releases.get(newest(releases))!.map(([shortname]) => shortname));
      const retired = new Map<string, string>();
      for (const tactics of releases.values()) for (const [shortname, id] of tactics) if (!latest.has(shortname)) retired.set(shortname, id);
      expect([...retired], domain).to.have.deep.members((RETIRED_TACTICS[domain as keyof typeof RETIRED_TACTICS] ?? []).map(([s, id]) => [s, id]));
    }
    expect(RETIRED_TACTICS['mobile-attack']?.length).to.equal(2);
  });

  it('written with a reference, by name, shortname or TA ID, are said to be the older release\'s, not a name to correct', () => {
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });
    const context = domainReleases(library, 'mobile-attack');
    const mobile = byDomain.get('mobile-attack')!;
    const latest = newest(mobile);
    for (const [release, tactics] of mobile) {
      for (const [shortname, id, name] of tactics) {
        if (mobile.get(latest)!.some(([other]) => other === shortname)) continue;
        for (const written of [name, shortname, id]) {
          const result = resolveReference({ raw: 'T1464', tactics: [written] }, context);
          expect(result.ids).to.deep.equal(['T1464']);
          expect(result.tactics.unreadable).to.deep.equal([written]);
          expect(result.warnings.join('\n'), written).to.include(`is a tactic of ATT&CK mobile-attack ${release} that ATT&CK mobile-attack ${latest} no longer has; it was ignored`);
          expect(result.warnings.join('\n'), written).to.include(written === id ? `(${name})` : `(${id})`);
        }
      }
    }
  });
});
