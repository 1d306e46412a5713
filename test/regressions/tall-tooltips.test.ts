/**
 * Render, combine and gap entries fit a 1080p page in Navigator 5.1's tooltip, and say where what they leave out is.
 *
 * Navigator 5.1 shows an entry's comment and every metadata item in one tooltip, 300px wide, never cut or scrolled
 * (mitre-attack/attack-navigator tooltip.component.html, cell-popover.scss; lib/layer/tooltip-height.ts estimates it):
 * past a 1080p page (~950px) the rest cannot be read. `npm run audit-layers` found layers/all.layer.json's T1218.010
 * (~970px; ~1,020px with --score recency), its combine with the campaigns' own layers (~1,130px) and gap's T1003 over
 * G0050 with the SigmaHQ library (~1,030px, its nine ATT&CK mitigations named in full) past it. The campaign, layers
 * and detections below are our own, in the shape of campaigns/*.yaml, sigma2attack heatmaps and detections.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseDetectionsCsv } from '../../lib/coverage/read-detections.js';
import { resolveCoverage, reviewGaps, threatFromLayer } from '../../lib/coverage/gap-review.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { renderGapLayer } from '../../lib/coverage/gap-layers.js';
import { DetectionModel } from '../../lib/attack/detection-model.js';
import { loadDetection } from '../../lib/attack/load-procedures.js';
import { combineLayers } from '../../lib/layer/combine-layers.js';
import type { LayerTechnique, NavigatorLayer } from '../../lib/layer/layer-types.js';
import { renderAggregateLayer, renderCampaignLayer } from '../../lib/layer/render-layer.js';
import { TOOLTIP, tooltipHeight } from '../../lib/layer/tooltip-height.js';
import { freshTmpDir, testCacheDir } from '../helpers/attack.js';
import { normalizeFiles, sharedLibrary } from '../layer/render-helpers.js';

const height = (entry: LayerTechnique, name: string): number => tooltipHeight(entry, `${name} (${entry.techniqueID})`);
const items = (entry: LayerTechnique): Array<{ name: string; value: string }> =>
  (entry.metadata ?? []).flatMap((item) => ('name' in item ? [{ name: item.name, value: item.value }] : []));

/** A campaign citing PowerShell in `references` places of one report, each with a long quote and the analyst's comment. */
function campaignFile(dir: string, references: number, quote: number): string {
  const file = join(dir, 'long-evidence.yaml');
  const techniques = Array.from({ length: references }, (_, i) => [
    `  - ref: PowerShell (T1059.001)`,
    `    tactic: Execution`,
    `    source: section ${i + 1}, "Execution"`,
    `    report: Vendor report ${(i % 3) + 1}`,
    `    evidence: >-`,
    `      ${`The operators ran an encoded PowerShell command (stage ${i + 1}) that downloaded the next stage from the staging server. `.repeat(Math.ceil(quote / 110)).slice(0, quote)}`,
    `    comment: Stage ${i + 1} of the loader chain runs through powershell.exe -enc, seen in the process tree of the report's figure ${i + 1}.`,
  ].join('\n'));
  writeFileSync(file, [
    'name: Long evidence',
    'published: 2024-05-01',
    'domain: enterprise-attack',
    'attack_version: "18.1"',
    'sources:',
    ...[1, 2, 3].map((n) => `  - title: Vendor report ${n}\n    url: https://example.com/report-${n}`),
    'techniques:',
    ...techniques,
  ].join('\n') + '\n');
  return file;
}

describe('regression: render, combine and gap entries fit a 1080p page in Navigator 5.1 and say where the rest is', () => {
  it('render: a campaign citing a technique 3 times with long quotes quotes each in part, naming the file and line of the whole quote', () => {
    const [{ result, index }] = normalizeFiles([campaignFile(freshTmpDir('tall-tooltips'), 3, 600)]) as [{ result: Parameters<typeof renderCampaignLayer>[0]; index: Parameters<typeof renderCampaignLayer>[1] }];
    const entry = renderCampaignLayer(result, index, { model: 'presence' }).layer.techniques!.find((t) => t.techniqueID === 'T1059.001')!;
    expect(height(entry, 'PowerShell')).to.be.at.most(TOOLTIP.page);
    const evidence = items(entry).filter((item) => item.name === 'evidence');
    expect(evidence).to.have.length(3);
    expect(evidence[0]!.value).to.match(/^The operators ran an encoded PowerShell command \(stage 1\).{10,}… \(the whole quote: long-evidence\.yaml, line \d+\)$/);
    // The analyst's comments stand in the comment alone; a last item names those left out of the metadata.
    expect(entry.comment).to.include('Stage 3 of the loader chain');
    expect(items(entry).map((item) => item.name)).to.not.include('not shown');
    expect(items(entry).filter((item) => item.name === 'analyst comment')).to.deep.equal([]);
    expect(items(entry).at(-1)).to.deep.equal({ name: 'in the comment', value: 'analyst comment' });
    // The reports stay links of the entry.
    expect(entry.links?.map((link) => ('url' in link ? link.url : ''))).to.deep.equal([1, 2, 3].map((n) => `https://example.com/report-${n}`));
  });

  it('render: a short entry is written as before, every word in place', () => {
    const [{ result, index }] = normalizeFiles([campaignFile(freshTmpDir('tall-tooltips'), 1, 100)]) as [{ result: Parameters<typeof renderCampaignLayer>[0]; index: Parameters<typeof renderCampaignLayer>[1] }];
    const entry = renderCampaignLayer(result, index, { model: 'presence' }).layer.techniques!.find((t) => t.techniqueID === 'T1059.001')!;
    expect(items(entry).map((item) => item.name)).to.deep.equal(['score', 'campaign', 'reported as', 'reported under', 'confidence', 'status', 'analyst comment', 'evidence', 'source', 'report']);
    expect(items(entry).find((item) => item.name === 'evidence')!.value).to.not.include('the whole quote');
  });

  it('render: an aggregate of 30 campaigns cuts its comment after the lines that fit and names the campaign files', () => {
    const dir = freshTmpDir('tall-tooltips-many');
    const files = Array.from({ length: 30 }, (_, i) => {
      const file = campaignFile(dir, 1, 200);
      const renamed = join(dir, `campaign-${String(i + 1).padStart(2, '0')}.yaml`);
      writeFileSync(renamed, readFileSync(file, 'utf8').replace('name: Long evidence', `name: Campaign ${i + 1}`));
      return renamed;
    });
    const normalized = normalizeFiles(files);
    const { layer } = renderAggregateLayer(normalized.map((n) => n.result), normalized[0]!.index, { name: 'All', model: 'frequency' });
    const entry = layer.techniques!.find((t) => t.techniqueID === 'T1059.001')!;
    expect(height(entry, 'PowerShell')).to.be.at.most(TOOLTIP.page);
    expect(items(entry).at(-1)!.name).to.equal('not shown');
    expect(items(entry).at(-1)!.value).to.match(/^\d+ more metadata items \(the campaign files campaign-01\.yaml, .*campaign-30\.yaml have every reference with its evidence\)$/);
  });

  it('combine: the comments of 12 layers on one technique are cut after the lines that fit, saying each layer has the rest', () => {
    const index = sharedLibrary().release('enterprise-attack', '18.1');
    const layers: NavigatorLayer[] = Array.from({ length: 12 }, (_, i) => ({
      name: `Sigma rules heatmap ${i + 1}`,
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      domain: 'enterprise-attack',
      techniques: [{ techniqueID: 'T1059.001', score: 3, comment: [1, 2, 3].map((r) => `proc_creation_win_powershell_rule_${i + 1}_${r}_encoded_command_download.yml`).join('\n') }],
    }));
    const { layer } = combineLayers(layers.map((l) => ({ layer: l })), { op: 'sum', index });
    const entry = layer.techniques!.find((t) => t.techniqueID === 'T1059.001')!;
    expect(height(entry, 'PowerShell')).to.be.at.most(TOOLTIP.page);
    const lines = entry.comment!.split('\n');
    const more = /^and (\d+) more lines \(each input layer's own entry has all of it\)$/.exec(lines.at(-1)!);
    expect(more, lines.at(-1)).to.not.equal(null);
    expect(lines.length - 1 + Number(more![1])).to.equal(36);
    expect(lines[0]).to.equal('Sigma rules heatmap 1: proc_creation_win_powershell_rule_1_1_encoded_command_download.yml');
  });

  it("gap: a gap too tall with its mitigations' names names them by ID, each linked with its name", () => {
    const index = sharedLibrary().release('enterprise-attack', '18.1');
    const detection = new DetectionModel(loadDetection(index, { cacheDir: testCacheDir() }), index);
    const threat = parseCoverageLayers(JSON.stringify({
      name: 'Incident', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack',
      techniques: [{ techniqueID: 'T1003', score: 1 }], gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 },
    }), 'threat.json', { role: 'threat' })[0]!;
    // Ten rules at low coverage: named in the comment and in the metadata, a gap still.
    const csv = ['name,id,techniques,coverage', ...Array.from({ length: 10 }, (_, i) => `Credential Dumping Tool Execution Via Renamed Binary And Command Line Flags Seen In LSASS Access And Registry Hive Export Events Rule ${i + 1},R${i + 1},T1003,low`)].join('\n');
    const coverage = resolveCoverage([parseDetectionsCsv(csv, 'detections.csv')], index);
    const review = reviewGaps([threatFromLayer(threat, index).source], coverage, index, { minCoverage: 0.5, detection });
    const entry = renderGapLayer(review, index).techniques!.find((t) => t.techniqueID === 'T1003')!;
    expect(height(entry, 'OS Credential Dumping')).to.be.at.most(TOOLTIP.page);
    const line = entry.comment!.split('\n').find((l) => l.startsWith('mitigations'))!;
    expect(line).to.equal('mitigations (by ID: the links name each one): M1015, M1017, M1025, M1026, M1027, M1028, M1040, M1041, M1043');
    expect(entry.links!.filter((link) => 'label' in link && /^M\d{4} /.test(link.label)).map((link) => ('label' in link ? link.label : ''))).to.include('M1043 Credential Access Protection');
    // Nothing else is left out: every rule is named.
    expect(items(entry).filter((item) => item.name === 'rule')).to.have.length(10);
    expect(items(entry).map((item) => item.name)).to.not.include('not shown');
  });
});
