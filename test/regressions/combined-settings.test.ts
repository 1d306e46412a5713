import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { combineLayers, parseLayerSources, sourcesDomain, upgradeSources } from '../../lib/layer/combine-layers.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackLibrary } from '../layer/attack-data.js';

/**
 * Our own minimal layers in the shapes of two published ones (none of their text copied):
 * - `tdac`: the layer center-for-threat-informed-defense/cloud-analytics's scripts/csv_to_nav_layer/attack_layers_simple.py
 *   writes (its d52736b8223a4ecf9f26852063be12e7_layer.json, "TDaC"): format 4.3, no `versions.attack`, scores that count
 *   the detections of a technique, `layout.aggregateFunction: "sum"` with `showAggregateScores`, so that a parent shows
 *   the sum of its sub-techniques' counts, and `selectSubtechniquesWithParent`.
 * - `navigatorExport`: F5-Labs/att-ck's layer.json, a Navigator 4.2 export of ATT&CK 8: every setting written as
 *   Navigator's default (`sorting: 0`, `showID: false`, `tacticRowBackground: "#dddddd"`…), and a platform filter of
 *   every platform of ATT&CK 8.
 */
function tdac(): object {
  return {
    versions: { layer: '4.3', navigator: '4.5.5' },
    name: 'TDaC',
    description: 'Threat Detection as Code',
    domain: 'enterprise-attack',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: true,
    layout: { layout: 'side', aggregateFunction: 'sum', showName: true, showAggregateScores: true, countUnscored: false },
    techniques: [
      { techniqueID: 'T1078.004', score: 6, comment: 'cloud identity logs' },
      { techniqueID: 'T1562.008', score: 1, comment: 'logging settings changed' },
      { techniqueID: 'T1562.007', score: 2, comment: 'firewall rules modified' },
    ],
    gradient: { colors: ['#dbd621', '#1a73e8'], minValue: 0, maxValue: 10 },
  };
}

function navigatorExport(platforms: string[] = ['Linux', 'macOS', 'Windows', 'Office 365', 'Azure AD', 'AWS', 'GCP', 'Azure', 'SaaS', 'PRE', 'Network']): object {
  return {
    name: 'layer',
    versions: { attack: '8', navigator: '4.2', layer: '4.1' },
    domain: 'enterprise-attack',
    description: '',
    filters: { platforms },
    sorting: 0,
    layout: { layout: 'side', showID: false, showName: true },
    hideDisabled: false,
    techniques: [{ techniqueID: 'T1078', tactic: 'persistence', score: 40, comment: 'valid accounts', enabled: true, metadata: [], showSubtechniques: false }],
    gradient: { colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 },
    legendItems: [],
    metadata: [],
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
  };
}

describe('regression: combine keeps the inputs\' layer settings, and says what it wrote where they differ', () => {
  let index: AttackIndex;
  before(() => {
    index = attackLibrary().release('enterprise-attack', '18.1');
  });
  const combine = (...layers: Array<[file: string, layer: object]>) => {
    const sources = layers.flatMap(([file, layer]) => parseLayerSources(JSON.stringify(layer), file));
    // With the library, as the CLI does: each layer's platforms are read in its own release (ATT&CK 8's, every one).
    const { inputs } = upgradeSources(sourcesDomain(sources).sources, index, attackLibrary());
    return combineLayers(inputs, { op: 'sum', index });
  };
  const settingsOf = (layer: NavigatorLayer) => ({
    sorting: layer.sorting,
    layout: layer.layout,
    showTacticRowBackground: layer.showTacticRowBackground,
    tacticRowBackground: layer.tacticRowBackground,
    selectTechniquesAcrossTactics: layer.selectTechniquesAcrossTactics,
    selectSubtechniquesWithParent: layer.selectSubtechniquesWithParent,
    selectVisibleTechniques: layer.selectVisibleTechniques,
    platforms: layer.filters?.platforms,
  });

  it('keeps TDaC\'s aggregateFunction "sum" and showAggregateScores, which the other layer does not state; said nothing of them', () => {
    const other = { ...tdac(), name: 'TDaC GCP', layout: undefined, selectSubtechniquesWithParent: undefined };
    const { layer, warnings } = combine(['tdac.json', tdac()], ['tdac-gcp.json', other]);
    expect(settingsOf(layer)).to.deep.equal({
      sorting: 3,
      layout: { layout: 'side', aggregateFunction: 'sum', showID: true, showName: true, showAggregateScores: true, countUnscored: false, expandedSubtechniques: 'annotated' },
      showTacticRowBackground: undefined,
      tacticRowBackground: undefined,
      selectTechniquesAcrossTactics: true,
      selectSubtechniquesWithParent: true,
      selectVisibleTechniques: undefined,
      platforms: undefined,
    });
    expect(warnings.filter((warning) => /disagree|filters differ/.test(warning))).to.deep.equal([]);
  });

  it('where the layers differ, writes the setting\'s rule and names each value with its layers (TDaC beside a Navigator export)', () => {
    const { layer, warnings } = combine(['tdac.json', tdac()], ['layer.json', navigatorExport()]);
    expect(settingsOf(layer)).to.deep.equal({
      sorting: 0,
      layout: { layout: 'side', aggregateFunction: 'sum', showID: false, showName: true, showAggregateScores: true, countUnscored: false, expandedSubtechniques: 'annotated' },
      showTacticRowBackground: false,
      tacticRowBackground: '#dddddd',
      selectTechniquesAcrossTactics: true,
      selectSubtechniquesWithParent: false,
      selectVisibleTechniques: undefined,
      // Every platform of ATT&CK 8, as upgraded, is every platform: no filter, and nothing to say of it.
      platforms: undefined,
    });
    expect(warnings.filter((warning) => /disagree|filters differ/.test(warning))).to.deep.equal([
      'the layers disagree on selectSubtechniquesWithParent (true in "TDaC"; false in "layer"): wrote false, Navigator\'s default',
    ]);
    expect(validateLayer(layer, { attackFor: () => index }).map((finding) => finding.message)).to.deep.equal([]);
  });

  it('of layout settings both state differently, writes Navigator\'s default or what shows the most, each said', () => {
    const mini = { ...tdac(), name: 'TDaC mini', layout: { layout: 'mini', aggregateFunction: 'max', showID: false, showName: false, showAggregateScores: false, expandedSubtechniques: 'all' }, sorting: 2, tacticRowBackground: '#DDD' };
    const { layer, warnings } = combine(['tdac.json', { ...tdac(), sorting: 1, tacticRowBackground: '#dddddd' }], ['mini.json', mini]);
    expect(settingsOf(layer).layout).to.deep.equal({
      layout: 'side',
      aggregateFunction: 'average',
      showID: false,
      showName: true,
      showAggregateScores: false,
      countUnscored: false,
      expandedSubtechniques: 'all',
    });
    expect([layer.sorting, layer.tacticRowBackground]).to.deep.equal([3, '#dddddd']);
    expect(warnings.filter((warning) => warning.includes('disagree'))).to.deep.equal([
      'the layers disagree on sorting (1 in "TDaC"; 2 in "TDaC mini"): wrote 3, combine\'s own order, the highest combined score first',
      'the layers disagree on layout.layout ("side" in "TDaC"; "mini" in "TDaC mini"): wrote "side", Navigator\'s default',
      'the layers disagree on layout.showName (true in "TDaC"; false in "TDaC mini"): wrote true, shown, as a layer shows them',
      'the layers disagree on layout.expandedSubtechniques ("annotated" in "TDaC"; "all" in "TDaC mini"): wrote "all", the most expanded of them, so that no sub-technique a layer shows is collapsed',
      'the layers disagree on layout.aggregateFunction ("sum" in "TDaC"; "max" in "TDaC mini"): wrote "average", Navigator\'s default',
      'the layers disagree on layout.showAggregateScores (true in "TDaC"; false in "TDaC mini"): wrote false, Navigator\'s default',
    ]);
  });

  it('writes the union of platform filters that differ, or none where a layer has none, and says so', () => {
    const windows = navigatorExport(['Windows']);
    const linux = { ...navigatorExport(['Linux', 'Windows']), name: 'linux' };
    const union = combine(['windows.json', windows], ['linux.json', linux]);
    expect(union.layer.filters?.platforms).to.deep.equal(['Linux', 'Windows']);
    expect(union.warnings).to.include('the layers\' platform filters differ (Windows in "layer"; Linux, Windows in "linux"): the combined layer lists their union, Linux, Windows, so that nothing a layer shows is hidden');
    const none = combine(['windows.json', windows], ['tdac.json', tdac()]);
    expect(none.layer.filters).to.equal(undefined);
    expect(none.warnings).to.include(
      'the layers\' platform filters differ (Windows in "layer"; every platform in "TDaC"): the combined layer has none, so that it shows every platform, as a layer without one does',
    );
  });

  // A layer of format 3.0 without a platform filter (navigator-heatmap-v7-beta-3.0.json's shape): upgrade gives it every
  // platform but PRE, to keep PRE-ATT&CK hidden as its missing stage filter did; combine then said the filters differ,
  // listing ten platforms in it against "every platform" in TDaC.
  it('takes a format 3.0 layer that had no platform filter as showing every platform, and says no filters differ', () => {
    const old = { name: 'heatmap', version: '3.0', domain: 'mitre-enterprise', techniques: [{ techniqueID: 'T1078', score: 2 }], gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 10 } };
    const { layer, warnings } = combine(['heatmap.json', old], ['tdac.json', tdac()]);
    expect(layer.filters?.platforms).to.equal(undefined);
    expect(warnings.filter((warning) => warning.includes('filters differ'))).to.deep.equal([]);
  });
});
