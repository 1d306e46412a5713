/**
 * A sub-technique whose only coverage scores 0 does not make its parent "partial, through" it.
 *
 * Yamato Security's WELA (Yamato-Security/WELA, `WELA.ps1`, function `Export-MitreHeatmap`; search index file id
 * 67168705688) writes a "WELA detection heatmap" layer: one entry per technique its Sigma rules tag, scored by the
 * share of those rules the host's audit settings let fire (0..100), the rules' titles as comment, so a technique whose
 * rules cannot fire scores 0. Its T1053.005 at 0 made the gap review call T1053 "0% (partial)", "partial, through
 * T1053.005", and the gap layer "partially covered through T1053.005": a cover it does not have. The layer below is
 * our own, in the shape that function writes (PowerShell hashtable keys in no order, `showSubtechniques` on every
 * entry); no text of WELA is copied.
 */
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { renderGapLayer } from '../../lib/coverage/gap-layers.js';
import { formatGapMarkdown } from '../../lib/coverage/gap-report.js';
import { resolveCoverage, reviewGaps, threatFromLayer, type GapReview } from '../../lib/coverage/gap-review.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';

const welaHeatmap = {
  selectSubtechniquesWithParent: false,
  description: 'WELA detection heatmap',
  legendItems: [],
  domain: 'enterprise-attack',
  techniques: [
    { comment: 'Scheduled Task Creation Via Schtasks', showSubtechniques: true, score: 0, techniqueID: 'T1053.005' },
    { comment: 'Suspicious PowerShell Download, PowerShell Base64 Encoded Command', showSubtechniques: true, score: 50, techniqueID: 'T1059.001' },
    { comment: 'Whoami Execution', showSubtechniques: true, score: 0, techniqueID: 'T1033' },
  ],
  name: 'WELA detection heatmap',
  versions: { navigator: '5.2.0', layer: '4.5', attack: '18' },
  gradient: { minValue: 0, maxValue: 100, colors: ['#c62828', '#fff176', '#ffa726', '#c8e6c9', '#2e7d32'] },
};

const threatLayer = {
  name: 'Incident',
  versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
  domain: 'enterprise-attack',
  techniques: [
    { techniqueID: 'T1053', score: 1 },
    { techniqueID: 'T1059', score: 1 },
  ],
  gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 },
};

describe('regression: a sub-technique covered at 0 does not make its parent partial', () => {
  let index: AttackIndex;
  let review: GapReview;

  before(() => {
    index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
    const coverage = resolveCoverage(parseCoverageLayers(JSON.stringify(welaHeatmap), 'wela.json'), index);
    const threat = parseCoverageLayers(JSON.stringify(threatLayer), 'threat.json', { role: 'threat' })[0]!;
    review = reviewGaps([threatFromLayer(threat, index).source], coverage, index, { minCoverage: 0.5 });
  });
  const row = (id: string) => review.rows.find((r) => r.id === id)!;

  it('T1053, whose only covered sub-technique T1053.005 scores 0, is not covered at all (not partial, none through)', () => {
    expect([row('T1053').status, row('T1053').coverage, row('T1053').coveredSubtechniques]).to.deep.equal(['none', 0, []]);
  });

  it('T1059, with T1059.001 at 50, stays partial through T1059.001 (the mean of its sub-techniques)', () => {
    expect([row('T1059').status, row('T1059').coveredSubtechniques]).to.deep.equal(['partial', ['T1059.001']]);
  });

  it('the report and the gap layer say T1053 is not covered, not "partial, through T1053.005"', () => {
    const markdown = formatGapMarkdown(review);
    expect(markdown).to.not.include('partial, through T1053.005');
    expect(markdown).to.include('partial, through T1059.001');
    const entry = renderGapLayer(review, index).techniques?.find((t) => t.techniqueID === 'T1053');
    expect(entry?.comment ?? '').to.not.include('partially covered');
  });
});
