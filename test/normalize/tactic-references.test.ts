/**
 * A tactic written where a technique belongs, as OT reports' tables put a tactic's heading in the technique's cell
 * (`Inhibit Response Function`, `Impair Process Control`, ATT&CK for ICS's own tactics) and ATT&CK summaries list
 * tactics beside techniques. Before, such a reference was `unknown` as "not the name of a technique", with, for
 * `Defense Evasion`, a similar name that misleads (T1622 Debugger Evasion); now the note says which tactic it is, of
 * which domain, and what to write. The tactics are read from the release files in ../shared/attack-stix straight.
 */
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { rawAttackId, rawRelease, runCli, stixDir, testCacheDir } from '../helpers/attack.js';

const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });

/** A release's tactics as its bundle writes them: [TA ID, name]. */
function rawTactics(file: string): Array<{ id: string; name: string }> {
  return [...rawRelease(file).byStix.values()]
    .filter((o) => o.type === 'x-mitre-tactic' && !o['x_mitre_deprecated'])
    .map((o) => ({ id: rawAttackId(o), name: String(o['name']) }));
}

describe('a tactic written as a reference (ATT&CK for ICS 18.1, Enterprise 18.1)', () => {
  const ics = domainReleases(library, 'ics-attack');
  const enterprise = domainReleases(library, 'enterprise-attack');

  it('says of each ICS tactic written as an ICS reference that it is that tactic, not a technique', () => {
    const tactics = rawTactics('ics-attack-18.1.json.gz');
    expect(tactics.map((t) => t.name)).to.include.members(['Inhibit Response Function', 'Impair Process Control']);
    for (const { id, name } of tactics) {
      const result = resolveReference({ raw: name }, ics);
      expect([result.status, result.ids], name).to.deep.equal(['unknown', []]);
      expect(result.note, name).to.equal(
        `"${name}" is ${name} (${id}), a tactic of ATT&CK ics-attack 18.1, not a technique: write the technique the report names for it, with this as its tactic`,
      );
    }
  });

  it('says of an ICS tactic in an Enterprise campaign whose it is (Inhibit Response Function, TA0107)', () => {
    expect(resolveReference({ raw: 'Inhibit Response Function' }, enterprise).note).to.equal(
      '"Inhibit Response Function" is Inhibit Response Function (TA0107), a tactic of ATT&CK ics-attack 18.1, not of enterprise-attack, not a technique: write the technique the report names for it, with this as its tactic',
    );
  });

  it('says of an Enterprise tactic that it is one, where a similar technique name was offered (Defense Evasion: T1622 Debugger Evasion)', () => {
    const result = resolveReference({ raw: 'Defense Evasion' }, enterprise);
    expect(result).to.deep.include({ status: 'unknown', ids: [], candidates: [] });
    expect(result.note).to.match(/^"Defense Evasion" is Defense Evasion \(TA0005\), a tactic of ATT&CK enterprise-attack 18\.1, not a technique/);
  });

  it('says of a TA ID alone which tactic it is (TA0106 in an ICS campaign)', () => {
    expect(resolveReference({ raw: 'TA0106' }, ics).note).to.equal(
      'no technique ID or name found in "TA0106": "TA0106" is Impair Process Control (TA0106), a tactic of ATT&CK ics-attack 18.1, not a technique: write the technique the report names for it, with this as its tactic',
    );
  });

  it('still reads a tactic beside a technique as its tactic (Inhibit Response Function: Block Command Message)', () => {
    expect(resolveReference({ raw: 'Inhibit Response Function: Block Command Message' }, ics)).to.deep.include({ status: 'name', ids: ['T0803'] });
    expect(resolveReference({ raw: 'T0816', tactics: ['Inhibit Response Function'] }, ics).placed).to.deep.equal({ T0816: ['inhibit-response-function'] });
  });

  it('normalizes an ICS campaign that lists a tactic as a technique (normalize --json)', async () => {
    const campaign =
      'name: ics tactic row\ndomain: ics-attack\ntechniques:\n  - ref: T0816 Device Restart/Shutdown\n    tactic: Inhibit Response Function\n  - ref: Impair Process Control\n';
    const { code, stdout } = await runCli(['normalize', '-', '--json'], {}, { stdin: campaign });
    expect(code).to.equal(0);
    const [result] = JSON.parse(stdout) as Array<{ references: Array<{ raw: string; status: string; ids: string[]; note: string }> }>;
    expect(result!.references.map((ref) => [ref.raw, ref.status, ref.ids])).to.deep.equal([
      ['T0816 Device Restart/Shutdown', 'current', ['T0816']],
      ['Impair Process Control', 'unknown', []],
    ]);
    expect(result!.references[1]!.note).to.match(/^"Impair Process Control" is Impair Process Control \(TA0106\), a tactic of ATT&CK ics-attack 18\.1/);
  });
});
