// An ID of a team's ATT&CK Workbench namespace (ACME-T1000; see test/helpers/team-bundle.ts for its shape) read with
// MITRE's data alone was said to need "the team's ATT&CK data that does (its Workbench collection export, or the
// objects of its TAXII server)", without saying how to give it. Every command that shows normalize's note (normalize,
// render, validate, gap's threat campaign and coverage rules) now names the CLI's option, `--attack <file|folder>`, and
// a program's notes the call, `loadAttack({ attack: '<file|folder>' })` (inGivenInputs, as other advice names
// `fetchRelease`). The campaign and the rule are our own, the rule hand-written in SigmaHQ's shape.
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackLibrary, campaignReleases, loadAttack, normalizeCampaign, readCampaign, readCoverageInputs, resolveCoverage } from '../../lib/index.js';
import { freshTmpDir, runCli, stixDir, testCacheDir } from '../helpers/attack.js';
import { teamSigmaRule } from '../helpers/team-bundle.js';

const NOTE =
  "ACME-T1000 is an ID of an ATT&CK Workbench organization namespace (prefix ACME), a team's own technique that no MITRE release has, " +
  "and the ATT&CK data loaded (enterprise-attack 18.1) does not hold it: load the team's ATT&CK data that does (its Workbench collection export, " +
  'or the objects of its TAXII server) with ';
const CLI = `${NOTE}\`--attack <file|folder>\`, or write the ATT&CK technique that fits`;
const PROGRAM = `${NOTE}\`loadAttack({ attack: '<file|folder>' })\`, or write the ATT&CK technique that fits`;

describe("regressions: an ID of a team's namespace without its data names how to give the data (--attack, loadAttack)", function () {
  this.timeout(120_000);
  let campaign: string;
  let rules: string;
  before(() => {
    const dir = freshTmpDir('team-data-advice');
    campaign = join(dir, 'exercise.yml');
    writeFileSync(campaign, 'name: Exercise 7\ntechniques:\n  - ACME-T1000\n  - T1566\n');
    rules = freshTmpDir('team-data-advice-rules');
    writeFileSync(join(rules, 'callback.yml'), teamSigmaRule('Helpdesk callback', ['attack.initial-access', 'attack.acme-t1000']));
  });

  it('normalizeCampaign: names the call a program loads the data with', () => {
    const read = readCampaign(campaign);
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });
    const result = normalizeCampaign(read, campaignReleases(read, library, '18.1'));
    expect(result.references.find((reference) => reference.raw === 'ACME-T1000')?.note).to.equal(PROGRAM);
  });

  it("resolveCoverage: names the call for a rule's tag, as normalize does", () => {
    const target = loadAttack({ attack: stixDir(), release: '18.1', cacheDir: testCacheDir() });
    expect(resolveCoverage(readCoverageInputs([rules]), target).unresolved.map((ref) => ref.note)).to.deep.equal([PROGRAM]);
  });

  for (const [command, where] of [['normalize', 'stdout'], ['render', 'stderr'], ['validate', 'stdout']] as const) {
    it(`${command}: names --attack`, async () => {
      const more = command === 'render' ? ['--out', freshTmpDir('team-data-render')] : [];
      const result = await runCli([command, campaign, '--attack-release', '18.1', ...more]);
      expect(result[where]).to.contain(CLI);
    });
  }

  it("gap: names --attack for the threat campaign's reference and the rule's tag", async () => {
    const out = freshTmpDir('team-data-gap');
    const result = await runCli(['gap', '--threat', campaign, '--coverage', rules, '--out', out, '--report', 'json', '--attack-release', '18.1', '--quiet']);
    expect(result.code, result.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { unresolved: { raw: string; note: string }[] };
    expect(report.unresolved.map((ref) => [ref.raw, ref.note])).to.deep.equal([
      ['ACME-T1000', CLI],
      ['attack.acme-t1000', CLI],
    ]);
  });
});
