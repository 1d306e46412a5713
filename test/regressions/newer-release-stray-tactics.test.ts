/**
 * A tactic tag none of a rule's techniques has in the release reviewed, on rules written for a newer release. SigmaHQ's
 * rules (../shared/sigma, the August 2026 snapshot, SigmaHQ/sigma, Detection Rule License 1.1; copied into a test folder
 * at run time, never committed) are tagged for ATT&CK 19: `attack.stealth`, `attack.defense-impairment`. An 18.1 review
 * of them listed `attack.execution` on 196 rules (102 of T1574 Hijack Execution Flow, 39 of T1218 System Binary Proxy
 * Execution, 16 of T1127, 15 of T1197) as "a tactic of none of the rule's techniques …: tag the technique of Execution
 * the rule detects, or leave the tactic out", advice that would undo the newer release's tags. Such an input's notes now
 * say to check in that release before retagging; an input with no newer tag keeps the advice to retag.
 *   rules/linux/auditd/path/lnx_auditd_hidden_binary_execution.yml  attack.execution, attack.stealth, attack.t1574.001
 */
import { expect } from 'chai';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freshTmpDir, repoRoot } from '../helpers/attack.js';
import { loadAttack, readCoverageInputs, resolveCoverage } from '../../lib/index.js';

const RULE = resolve(repoRoot, '../shared/sigma/rules/linux/auditd/path/lnx_auditd_hidden_binary_execution.yml');
const OLDER = resolve(repoRoot, '../shared/sigma/rules/windows/process_creation/proc_creation_win_adplus_memory_dump.yml');

describe('regressions: a tactic tag of none of the rule\'s techniques, on rules tagged for a newer release (real SigmaHQ rule)', function () {
  this.timeout(60_000);

  before(function () {
    if (!existsSync(RULE) || !existsSync(OLDER)) this.skip();
  });

  const notes = (dir: string): Map<string, string> => {
    const target = loadAttack({ attack: process.env.ATTACK_STIX_DIR, release: '18.1' });
    const unresolved = resolveCoverage(readCoverageInputs([dir]), target).unresolved.filter((u) => u.raw === 'attack.execution');
    return new Map(unresolved.map((u) => [u.file.slice(dir.length + 1), u.note]));
  };
  const note = (dir: string): string | undefined => notes(dir).get('hidden.yml');
  const stray = "Execution (TA0002) is a tactic of none of the rule's techniques in ATT&CK enterprise-attack 18.1: the rule counts for its techniques under their own tactics; ";

  it('says to check in ATT&CK 19 before retagging, naming the tag that marks the rule as written for it', () => {
    const dir = freshTmpDir('stray-newer');
    copyFileSync(RULE, join(dir, 'hidden.yml'));
    expect(note(dir)).to.equal(`${stray}the rule is tagged for ATT&CK 19 (attack.stealth), which may place its techniques under Execution: check in that release before retagging`);
  });

  it('decides per rule: an older rule in the same folder as one of ATT&CK 19 keeps the advice to retag', () => {
    const dir = freshTmpDir('stray-mixed');
    copyFileSync(RULE, join(dir, 'hidden.yml'));
    copyFileSync(OLDER, join(dir, 'adplus.yml'));
    const said = notes(dir);
    expect(said.get('adplus.yml')).to.equal(`${stray}tag the technique of Execution the rule detects, or leave the tactic out`);
    expect(said.get('hidden.yml')).to.equal(`${stray}the rule is tagged for ATT&CK 19 (attack.stealth), which may place its techniques under Execution: check in that release before retagging`);
  });

  it('keeps the advice to retag for an input with no tag of a newer release (the same rule under defense-evasion)', () => {
    const dir = freshTmpDir('stray-older');
    writeFileSync(join(dir, 'hidden.yml'), readFileSync(RULE, 'utf8').replace('attack.stealth', 'attack.defense-evasion'));
    expect(note(dir)).to.equal(`${stray}tag the technique of Execution the rule detects, or leave the tactic out`);
  });
});
