/**
 * A tactic of another domain written beside a reference. ATT&CK for ICS and Mobile share their tactics' names with
 * Enterprise under other TA IDs (Lateral Movement is TA0008 in Enterprise, TA0033 in Mobile, TA0109 in ICS), and a team
 * that tags with Enterprise's TA IDs carries them over to its OT and mobile mappings: our INCONTROLLER campaign file,
 * written from CISA's AA22-103A (test/fixtures/campaigns/ics-mobile/incontroller.yaml), has `tactic: TA0008` beside
 * T0866. The tactics are read from the release files in ../shared/attack-stix straight, without lib/.
 */
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import type { Domain } from '../../lib/attack/types.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { rawAttackId, rawRelease, stixDir, testCacheDir } from '../helpers/attack.js';

const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });

/** A release's tactics as its bundle writes them: [TA ID, name, shortname]. */
function rawTactics(file: string): Array<{ id: string; name: string; shortname: string }> {
  return [...rawRelease(file).byStix.values()]
    .filter((o) => o.type === 'x-mitre-tactic' && !o['x_mitre_deprecated'])
    .map((o) => ({ id: rawAttackId(o), name: String(o['name']), shortname: String(o['x_mitre_shortname']) }));
}

// ICS calls its Defense Evasion `Evasion` (TA0103): each is read as the other.
const EVASION = ['Defense Evasion', 'Evasion'];
const sameTactic = (a: string, b: string): boolean => a === b || (EVASION.includes(a) && EVASION.includes(b));

const cases: ReadonlyArray<readonly [domain: Domain, file: string, other: string, reference: string]> = [
  ['ics-attack', 'ics-attack-18.1.json.gz', 'enterprise-attack-18.1.json.gz', 'T0866 Exploitation of Remote Services'],
  ['mobile-attack', 'mobile-attack-18.1.json.gz', 'enterprise-attack-18.1.json.gz', 'T1430 Location Tracking'],
  ['enterprise-attack', 'enterprise-attack-18.1.json.gz', 'mobile-attack-18.1.json.gz', 'T1005 Data from Local System'],
  ['enterprise-attack', 'enterprise-attack-18.1.json.gz', 'ics-attack-18.1.json.gz', 'T1005 Data from Local System'],
];

for (const [domain, file, otherFile, reference] of cases) {
  describe(`the TA IDs of ${otherFile.replace(/-\d.*$/, '')} beside a reference of ${domain}`, () => {
    const context = domainReleases(library, domain);
    const own = rawTactics(file);
    const other = rawTactics(otherFile);

    it('are read as the tactic of that name of the campaign\'s domain, with a warning naming both IDs; one it has not is said to be the other domain\'s', () => {
      let read = 0;
      let ignored = 0;
      for (const tactic of other) {
        const here = own.find((t) => sameTactic(t.name, tactic.name));
        const result = resolveReference({ raw: reference, tactics: [tactic.id] }, context);
        const where = `${tactic.id} ${tactic.name}: ${result.warnings.join(' | ')}`;
        const warning = result.warnings.find((w) => w.startsWith(`tactic "${tactic.id}" (${tactic.name}) is a tactic of ATT&CK ${otherFile.replace(/-(\d[\d.]*)\.json\.gz$/, ' $1')}`));
        expect(warning, where).to.not.equal(undefined);
        if (here) {
          expect(result.tactics.read, where).to.deep.equal([here.shortname]);
          expect(warning, where).to.include(`; read as ${here.name} (${here.id}), its tactic in ATT&CK ${domain} 18.1`);
          read++;
        } else {
          expect(result.tactics.unreadable, where).to.deep.equal([tactic.id]);
          expect(warning, where).to.include(`which ATT&CK ${domain} 18.1 has not; it was ignored`);
          ignored++;
        }
      }
      expect(read).to.be.greaterThan(5);
      expect(ignored + read).to.equal(other.length);
    });
  });
}

describe('an Enterprise tactic ICS has not, by name, beside an ICS reference', () => {
  it('says whose tactic it is, rather than that it is no tactic (Credential Access beside T0859 Valid Accounts)', () => {
    const result = resolveReference({ raw: 'T0859 Valid Accounts', tactics: ['Credential Access'] }, domainReleases(library, 'ics-attack'));
    expect(result.tactics.unreadable).to.deep.equal(['Credential Access']);
    expect(result.warnings).to.include(
      'tactic "Credential Access" (TA0006) is a tactic of ATT&CK enterprise-attack 18.1, which ATT&CK ics-attack 18.1 has not; it was ignored (write a name like Impact, a shortname or a TA ID)',
    );
  });
});
