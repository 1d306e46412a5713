/**
 * A campaign file of a purple-team tool's steps (PurplePOC's scenario steps pasted under `techniques:`, real entries in
 * test/fixtures/campaigns/purplepoc-steps.yaml, source in its header): each entry names its technique with
 * `technique: T1033` beside its own `id: whoami` and `name: Account Context`. `id` and `technique` are both fields
 * other formats name a technique by, so every entry was left out (`unknown field "id" (did you mean "ref"?)`,
 * `unknown field "technique"`): normalize read no technique. Now an `id` that holds no ATT&CK ID beside a field that
 * holds one is the step's own: the technique is read as the ref, the step's id and name kept as the entry's comment,
 * said at the entry's line.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { kindOf, parseCampaign } from '../../lib/index.js';
import { repoRoot, runCli } from '../helpers/attack.js';

const STEPS = join(repoRoot, 'test/fixtures/campaigns/purplepoc-steps.yaml');

describe("regressions: a step's own id and name beside its technique:", () => {
  it('reads each technique: as the ref, the id and name as its comment, and says so at its line', async () => {
    const result = await runCli(['normalize', STEPS, '--json']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.not.include('left out');
    const [campaign] = JSON.parse(result.stdout) as Array<{ references: Array<{ line: number; ids: string[] }>; warnings: string[] }>;
    expect(campaign!.references.map((r) => [r.line, r.ids])).to.deep.equal([
      [8, ['T1033']],
      [12, ['T1082']],
      [16, ['T1482']],
      [20, ['T1016']],
    ]);
    expect(campaign!.warnings).to.include(
      'line 10: /techniques/0: technique: "T1033" read as ref: "T1033", its own id: "whoami" and name: "Account Context" as comment: "whoami: Account Context" ' +
        '(a campaign file names the technique with ref:; write ref: instead of technique:, and the id and name of the step in comment:)',
    );
  });

  it('keeps the comment an entry has before the step', () => {
    const campaign = parseCampaign('name: Plan\ntechniques:\n  - id: arp\n    technique: T1016\n    comment: seen on two hosts\n', 'c.yaml');
    expect(campaign.techniques.map((t) => [t.ref, t.comment])).to.deep.equal([['T1016', 'seen on two hosts; arp']]);
  });

  it('an id that is an ATT&CK ID beside another is still two references: left out as before', () => {
    const campaign = parseCampaign('name: Plan\ntechniques:\n  - id: T1082\n    technique: T1033\n', 'c.yaml');
    expect(campaign.techniques).to.deep.equal([]);
    expect(campaign.leftOut).to.not.equal(undefined);
  });

  it('is a campaign file to validate as to normalize (hasCampaignShape), and a step with fields of its own stays for extract', async () => {
    const validated = await runCli(['validate', STEPS]);
    expect(validated.code, validated.stderr).to.equal(0);
    expect(validated.stdout + validated.stderr).to.include('1 file: 0 errors, 4 warnings');
    expect(kindOf('name: Plan\ntechniques:\n- id: whoami\n  name: Account Context\n  technique: T1033\n  mode: auto\n')).to.equal('ttp-list');
  });
});
