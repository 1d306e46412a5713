/**
 * Tactics written misspelt beside a reference, as a campaign file copies them from a report: each read as the one tactic
 * it is a typo or two from (the reader of a report's headings, `tacticDisplayName`), with a warning that says so; a word
 * near a tactic but too short to be read as it is ignored, with the tactics of the release named. Public files that
 * write them so, by their id in the find_string index of public GitHub files: a SOC lab README's ATT&CK type `"Intial
 * Access"` (44349738671), a write-up's heading `## Privilige Escalation` (27340498181), a note's front matter
 * `description: Lateral Movment, Privilege Escalation` (60163989567), a CV's `intial access, exceution,persistence,
 * priviledge escalation,defense evasion` (17005930256; `exceution`, two letters swapped, is one typo). Main at a53d7c0d ignored every one of them with a warning that it
 * is no tactic. `Persistance` (French) and `Defence Evasion` (British) are written forms of the tactic, read silently.
 */
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { resolveReferenceWarnings } from '../../lib/normalize/resolve-reference.js';
import { loadRelease } from '../helpers/attack.js';

describe('misspelt tactics beside a reference (ATT&CK 18.1 and 6.3)', () => {
  const releases: Record<string, AttackIndex> = {};
  before(() => {
    releases['18.1'] = loadRelease('18.1');
    releases['6.3'] = loadRelease('6.3');
  });

  // [tactic as written, technique, tactics read, warnings expected (in order)]
  const rows: ReadonlyArray<readonly [written: string, ref: string, read: string, warns: readonly string[]]> = [
    ['Intial Access', 'T1078', 'initial-access', ['tactic "Intial Access" is misspelt: read as Initial Access (TA0001); write that']],
    ['Privilige Escalation', 'T1078', 'privilege-escalation', ['tactic "Privilige Escalation" is misspelt: read as Privilege Escalation (TA0004); write that']],
    ['priviledge escalation', 'T1078', 'privilege-escalation', ['tactic "priviledge escalation" is misspelt: read as Privilege Escalation (TA0004); write that']],
    ['Exfilitration', 'T1041', 'exfiltration', ['tactic "Exfilitration" is misspelt: read as Exfiltration (TA0010); write that']],
    ['Lateral Movment', 'T1021', 'lateral-movement', ['tactic "Lateral Movment" is misspelt: read as Lateral Movement (TA0008); write that']],
    [
      'Lateral Movment, Privilege Escalation',
      'T1078',
      'privilege-escalation,lateral-movement',
      [
        'tactic "Lateral Movment, Privilege Escalation" is a list of tactics in one string; read as "Lateral Movment", "Privilege Escalation" (write tactic: [Lateral Movment, Privilege Escalation])',
        'tactic "Lateral Movment" is misspelt: read as Lateral Movement (TA0008); write that',
      ],
    ],
    ['exceution', 'T1059', 'execution', ['tactic "exceution" is misspelt: read as Execution (TA0002); write that']],
    ['Persistance', 'T1078', 'persistence', []],
    ['Defence Evasion', 'T1078', 'defense-evasion', []],
    ['Command & Control', 'T1071', 'command-and-control', []],
  ];
  for (const release of ['18.1', '6.3']) {
    for (const [written, ref, read, warns] of rows) {
      it(`reads "${written}" beside ${ref} as ${read} in ${release}${warns.length ? ', and says so' : ''}`, () => {
        const { resolution, warnings } = resolveReferenceWarnings({ raw: ref, tactics: [written] }, { target: releases[release]! });
        expect(resolution.tactics.read.join(',')).to.equal(read);
        // What is said of the technique's own tactics (T1078 has no Lateral Movement) is another matter.
        const said = warnings.filter((w) => w.kind === 'tactic' && !/ is not a tactic of T\d/.test(w.message)).map((w) => w.message);
        expect(said).to.deep.equal(warns);
        for (const warning of warns) expect(resolution.trail).to.include(`read: ${warning}`);
      });
    }
  }

  it('ignores a word near a tactic but too short to read as it (Impakt), naming the tactics of the release', () => {
    const { resolution } = resolveReferenceWarnings({ raw: 'T1486', tactics: ['Impakt'] }, { target: releases['6.3']! });
    expect(resolution.tactics.unreadable).to.deep.equal(['Impakt']);
    expect(resolution.warnings).to.deep.equal([
      'tactic "Impakt" is not a tactic of ATT&CK enterprise-attack 6.3; it was ignored: it is near Impact (TA0040), not clearly one; write one of ATT&CK enterprise-attack 6.3\'s tactics: ' +
        'Initial Access, Execution, Persistence, Privilege Escalation, Defense Evasion, Credential Access, Discovery, Lateral Movement, Collection, Command and Control, Exfiltration, Impact',
    ]);
  });

});
