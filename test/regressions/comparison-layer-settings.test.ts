import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { validateLayer, type NavigatorLayer } from '../../lib/index.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

/**
 * `compare <layer> --out` wrote its comparison layer with its own settings: no platform filter, sorting 0, its own
 * layout, and none of the layer's own metadata, links or colours. Real published layers (test/fixtures/layers/*\/README.md):
 * - MITRE's ATT&CK Evaluations APT3 scope (mitre-attack/attack-evals, Apache-2.0), filtered to `windows`, sorted by score;
 * - the example of Navigator's layer format 4.5 (mitre-attack/attack-navigator layerformat.md, Apache-2.0): Windows
 *   and macOS, aggregate scores shown, counting unscored ones, sorted by score ascending, two metadata items;
 * - CTID's GCP Cloud VPN mappings (center-for-threat-informed-defense/security-stack-mappings, Apache-2.0): a colour
 *   per category, named by its legend (`#7FFF00` "Protect - Significant"), the layout of Navigator 4.2's export.
 */
describe('regression: the comparison layer keeps what the layer\'s settings say, and says what it changes', () => {
  const compare = async (file: string, ...args: string[]) => {
    const out = join(freshTmpDir('comparison-settings'), 'cmp.layer.json');
    const result = await runCli(['compare', file, ...args, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    return { layer: JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer, stderr: result.stderr };
  };

  it("keeps the platform filter and sorting of ATT&CK Evaluations' APT3 scope (Windows, by score), where it showed every platform by name", async () => {
    const { layer, stderr } = await compare('test/fixtures/layers/public/attack-evals-apt3-round1-2.0.json');
    expect(layer.filters).to.deep.equal({ platforms: ['Windows'] });
    expect(layer.sorting).to.equal(3);
    // Every technique ATT&CK gives APT3 runs on Windows: nothing to add, nothing said.
    expect(stderr).not.to.include('warning: the comparison layer');
    expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
  });

  it("keeps the layout of Navigator's format example but its aggregate scores, widens its filter to show APT29's techniques, each said", async () => {
    const { layer, stderr } = await compare('test/fixtures/layers/navigator/spec-4.5-example.json', '--with', 'APT29');
    expect(layer.layout).to.deep.equal({
      layout: 'side',
      aggregateFunction: 'average',
      showID: false,
      showName: true,
      showAggregateScores: false,
      countUnscored: true,
      expandedSubtechniques: 'annotated',
    });
    expect([layer.sorting, layer.showTacticRowBackground, layer.selectTechniquesAcrossTactics]).to.deep.equal([2, true, false]);
    expect(layer.filters?.platforms?.slice(0, 2)).to.deep.equal(['Windows', 'macOS']);
    expect(stderr).to.include(
      'warning: the comparison layer "example layer vs APT29 (G0016)": layout.showAggregateScores (true in "example layer"): wrote false, ' +
        'as every technique of the comparison layer is coloured by its status',
    );
    expect(stderr).to.include(
      'warning: the comparison layer "example layer vs APT29 (G0016)": T1583.001 (Domains) runs on PRE, which the layer\'s platform filter does not list: added to the filter so that Navigator shows it',
    );
    // The layer's own metadata follows a divider, as written.
    const names = (layer.metadata ?? []).flatMap((item) => ('name' in item ? [item.name] : []));
    expect(names).to.include.members(['layer metadata 1', 'layer metadata 2']);
    // Nothing of the comparison is hidden by the filter kept.
    expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') }).filter((finding) => /filter/.test(finding.message))).to.deep.equal([]);
  });

  it("keeps the colour CTID's layer gave a technique, with its legend's label, as an item, and its layout", async () => {
    const { layer } = await compare('test/fixtures/layers/public/ctid-gcp-cloudvpn-4.2.json', '--with', 'APT29', '--quiet');
    const t1040 = layer.techniques!.find((entry) => entry.techniqueID === 'T1040')!;
    expect(t1040.color).to.equal('#ff6666');
    expect(t1040.metadata?.slice(0, 2)).to.deep.equal([
      { name: 'status', value: 'new' },
      { name: "the layer's colour", value: '#7FFF00 (Protect - Significant)' },
    ]);
    expect(layer.layout).to.deep.include({ aggregateFunction: 'average', showID: false, showAggregateScores: false });
  });

  it('carries the layer\'s own links (Elastic detection-rules\' layout: its repository)', async () => {
    const { layer } = await compare('test/fixtures/layers/public/elastic-detection-rules-4.4.json', '--with', 'APT28', '--quiet');
    expect(layer.links).to.deep.equal([{ label: 'repo', url: 'https://github.com/elastic/detection-rules' }]);
  });
});
