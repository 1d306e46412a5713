// A Sigma rule's tag of a team's own group, software or campaign, of its ATT&CK Workbench organization namespace
// (`attack.acme-g1000`: Workbench numbers a namespace's groups `<PREFIX>-G<range start>`, as its techniques; see
// test/helpers/team-bundle.ts for the source), is an object tag as MITRE's `attack.g0010` is. pySigma reads the name
// after `attack.` as the object's ATT&CK ID, and its ATTACKTagValidator accepts any group's, software's or mitigation's
// `mitre-attack` external_id of the ATT&CK data it loads, a team's too (SigmaHQ/pySigma, sigma/validators/core/tags.py,
// commit 0649299d1fae562f0d16734fb59ca48ed8e1fe53; sigma/data/mitre_attack_data.py, commit
// 3240dabc0db4379c5b028cf69d2b2090d8cbc3c8). It was noted as `tag "attack.acme-g1000" is no ATT&CK tag: … write the
// technique as attack.t followed by its ID` and skipped. The rules are hand-written in SigmaHQ's shape.
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCoverageInputs, resolveCoverage, type AttackIndex, type CoverageInput } from '../../lib/index.js';
import { freshTmpDir, readRawBundle, runCli, stixFile } from '../helpers/attack.js';
import { TEAM_OBJECTS, teamAndMitre18, teamSigmaRule } from '../helpers/team-bundle.js';

const TEAM_GROUP_NOTE =
  "ACME-G1000 is an ID of an ATT&CK Workbench organization namespace (prefix ACME), a team's own group that no MITRE release has, " +
  "and the ATT&CK data loaded (enterprise-attack 18.1) does not hold it: load the team's ATT&CK data that does (its Workbench collection export, " +
  'or the objects of its TAXII server) with ';

describe("regressions: a Sigma tag of a team's own group, software or campaign (attack.acme-g1000) is an object tag, as attack.g0010 is", function () {
  this.timeout(300_000);
  let dir: string;
  let team: AttackIndex;
  let mitre: AttackIndex;
  let inputs: CoverageInput[];
  before(() => {
    ({ team, mitre } = teamAndMitre18());
    dir = freshTmpDir('team-object-tags');
    writeFileSync(join(dir, 'callback.yml'), teamSigmaRule('Helpdesk callback', ['attack.initial-access', 'attack.t1566', 'attack.acme-g1000', 'attack.g0010']));
    inputs = readCoverageInputs([dir]);
  });

  it('reads the tag without a note, and keeps it among the rule\'s tags as attack.g0010', () => {
    const said = inputs.flatMap((input) => [...input.problems.map((problem) => problem.message), ...(input.notes ?? [])]);
    expect(said.filter((text) => /acme/i.test(text))).to.deep.equal([]);
    expect(inputs[0]!.rules[0]!.tags?.map((tag) => tag.raw)).to.deep.equal(['attack.initial-access', 'attack.acme-g1000', 'attack.g0010']);
  });

  it('says a rule tagged with the team\'s group and no technique counts for nothing, in the words of attack.g0010', () => {
    const reason = (tag: string): string | undefined => {
      const own = freshTmpDir('team-object-only');
      writeFileSync(join(own, 'only.yml'), teamSigmaRule('Red Cell callback', ['attack.initial-access', tag]));
      return readCoverageInputs([own])[0]!.ignored[0]?.reason;
    };
    expect(reason('attack.acme-g1000')).to.equal(reason('attack.g0010')!.replace('attack.g0010', 'attack.acme-g1000'));
    expect(reason('attack.acme-g1000')).to.match(/^no ATT&CK technique tag \(tactics and object tags only: attack\.initial-access, attack\.acme-g1000; a group/);
  });

  it("with the team's data, says nothing of it, as nothing is said of MITRE's G0010", () => {
    const unresolved = resolveCoverage(inputs, team).unresolved.map((ref) => ref.raw);
    expect(unresolved).to.deep.equal([]);
  });

  it("with MITRE's data alone, says what it is and how a program loads the team's data", () => {
    const unresolved = resolveCoverage(inputs, mitre).unresolved;
    expect(unresolved.map((ref) => [ref.raw, ref.status, ref.note])).to.deep.equal([
      ['attack.acme-g1000', 'unknown', `${TEAM_GROUP_NOTE}\`loadAttack({ attack: '<file|folder>' })\``],
    ]);
  });

  it('names a team\'s software and campaign as such (attack.acme-s1000, attack.acme-c1000)', () => {
    const own = freshTmpDir('team-object-kinds');
    writeFileSync(join(own, 'kinds.yml'), teamSigmaRule('Callback kit', ['attack.t1566', 'attack.acme-s1000', 'attack.ACME-C1000']));
    const notes = resolveCoverage(readCoverageInputs([own]), mitre).unresolved.map((ref) => ref.note.slice(0, ref.note.indexOf(' that no MITRE release')));
    expect(notes).to.deep.equal([
      "ACME-S1000 is an ID of an ATT&CK Workbench organization namespace (prefix ACME), a team's own software",
      "ACME-C1000 is an ID of an ATT&CK Workbench organization namespace (prefix ACME), a team's own campaign",
    ]);
  });

  it('gap: names --attack, and with the team\'s data given so lists the tag nowhere', async () => {
    const threat = join(freshTmpDir('team-object-threat'), 'exercise.yml');
    writeFileSync(threat, 'name: exercise\ntechniques:\n  - T1566\n');
    const gap = async (...more: string[]) => {
      const out = freshTmpDir('team-object-gap');
      const result = await runCli(['gap', '--threat', threat, '--coverage', dir, '--out', out, '--report', 'json', '--quiet', ...more]);
      expect(result.code, result.stderr).to.equal(0);
      const { unresolved } = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { unresolved: { raw: string; note: string }[] };
      return unresolved;
    };
    expect((await gap()).map((ref) => ref.note)).to.deep.equal([`${TEAM_GROUP_NOTE}\`--attack <file|folder>\``]);
    const teamDir = freshTmpDir('team-object-data');
    writeFileSync(join(teamDir, 'enterprise-attack-18.1.json'), JSON.stringify({ type: 'bundle', id: 'bundle--acme', objects: [...readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects, ...TEAM_OBJECTS] }));
    expect(await gap('--attack', teamDir)).to.deep.equal([]);
  });
});
