/**
 * A gap layer entry with many rules fits a 1080p page in Navigator 5.1's tooltip, and says where the rest are.
 *
 * `gap` over ../shared/sigma (SigmaHQ's rules) gave T1027.013 the 84 rules tagging its parent T1027: ten named in its
 * comment and ten again as metadata rows, a tooltip of ~1,170px (scripts/audit-layer-writers.mjs, tooltipHeight), past
 * a 1080p page's ~950px, which Navigator never scrolls. The detections below are our own, with titles in the shape
 * of SigmaHQ's T1027 rules (rules/windows/powershell/.../posh_ps_invoke_obfuscation_*.yml).
 */
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { renderGapLayer } from '../../lib/coverage/gap-layers.js';
import { resolveCoverage, reviewGaps, threatFromLayer } from '../../lib/coverage/gap-review.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { parseDetectionsCsv } from '../../lib/coverage/read-detections.js';
import { tooltipHeight } from '../../lib/layer/tooltip-height.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';

const threatLayer = {
  name: 'Incident',
  versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
  domain: 'enterprise-attack',
  techniques: [{ techniqueID: 'T1027.013', score: 1 }],
  gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 },
};

describe('regression: a gap layer entry with many rules fits a 1080p page in Navigator 5.1', () => {
  let index: AttackIndex;
  before(() => {
    index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
  });

  it('T1027.013, with 84 rules at its parent T1027, names the first five and says the gap report lists every one', () => {
    const csv = ['name,id,techniques,coverage', ...Array.from({ length: 84 }, (_, i) => `Invoke-Obfuscation Obfuscated IEX Invocation - PowerShell Module ${i + 1},R${i + 1},T1027,high`)].join('\n');
    const coverage = resolveCoverage([parseDetectionsCsv(csv, 'detections.csv')], index);
    const threat = parseCoverageLayers(JSON.stringify(threatLayer), 'threat.json', { role: 'threat' })[0]!;
    const review = reviewGaps([threatFromLayer(threat, index).source], coverage, index, { minCoverage: 0.5 });
    const entry = renderGapLayer(review, index).techniques!.find((t) => t.techniqueID === 'T1027.013')!;
    const rows = (entry.metadata ?? []).flatMap((m) => ('name' in m && m.name === 'parent rule, not counted' ? [m.value] : []));
    expect(rows).to.have.length(6);
    expect(rows[5]).to.equal('and 79 more (the gap report lists every rule)');
    expect(entry.comment).to.include('; and 79 more (the gap report lists every rule)');
    expect(tooltipHeight(entry, 'Invisible Unicode')).to.be.below(950);
  });
});
