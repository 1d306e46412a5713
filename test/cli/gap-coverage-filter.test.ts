/**
 * How a coverage layer's `filters.platforms` is read is said where the report says how its numbers are computed: the
 * formulas of the Markdown, CSV and JSON reports, and the gap layer's description. They said only the threat's
 * platforms and Sigma's logsource, so a reader of a review whose cloud layer (AWS, GCP, Azure) left a Windows T1078
 * uncovered found no word of why. The layer is ours, in the shape DeTT&CT writes (rabobank-cdc/DeTTECT,
 * navigator_layer.py: no ATT&CK release, the administration file's `platform` as the filter).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const SENTENCE =
  "a coverage layer's entries fire on its filters.platforms, in the review's names (AWS, GCP, Azure: IaaS), unless it lists every platform of its release, " +
  "or, in names ATT&CK has since replaced, every one of an older release but one, or hides techniques of its own entries (a generator's list, as Splunk's " +
  "and elsec_dr2an's): anywhere then";

const cloudLayer = {
  name: 'Cloud accounts',
  versions: { navigator: '4.5', layer: '4.3' },
  domain: 'enterprise-attack',
  filters: { platforms: ['AWS', 'GCP', 'Azure'] },
  techniques: [{ techniqueID: 'T1078', score: 3 }],
  gradient: { colors: ['#ffffff', '#66b1ff'], minValue: 0, maxValue: 5 },
};

const windowsThreat = {
  name: 'Incident',
  versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
  domain: 'enterprise-attack',
  filters: { platforms: ['Windows'] },
  techniques: [{ techniqueID: 'T1078', score: 1 }],
};

describe("attack-layers gap: the report says how a coverage layer's platform filter is read", () => {
  it('in the formulas of every report format and in the gap layer description', async () => {
    const dir = freshTmpDir('gap-coverage-filter');
    writeFileSync(join(dir, 'cloud.json'), JSON.stringify(cloudLayer));
    writeFileSync(join(dir, 'threat.json'), JSON.stringify(windowsThreat));
    for (const format of ['md', 'csv', 'json']) {
      const out = join(dir, `out-${format}`);
      const run = await runCli(['gap', '--threat', join(dir, 'threat.json'), '--coverage', join(dir, 'cloud.json'), '--out', out, '--report', format, '--quiet']);
      expect(run.code, run.stderr).to.equal(0);
      expect(readFileSync(join(out, `gap-report.${format}`), 'utf8'), format).to.contain(SENTENCE);
    }
    const json = JSON.parse(readFileSync(join(dir, 'out-json', 'gap-report.json'), 'utf8')) as { formulas: { platforms: string }; rows: { id: string; coverage: number }[] };
    expect(json.formulas.platforms).to.match(/no platform: anywhere\); a coverage layer's entries fire on its filters\.platforms/);
    expect(json.rows.find((row) => row.id === 'T1078')?.coverage).to.equal(0);
    const gap = JSON.parse(readFileSync(join(dir, 'out-json', 'gap.layer.json'), 'utf8')) as { description: string };
    expect(gap.description).to.contain(`; ${SENTENCE}.`);
  });
});
