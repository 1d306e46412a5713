/**
 * A file of several layers one of which Navigator 5.1 stops reading in its tab: readJSONFile awaits each layer's
 * loadObjAsLayer in turn, which awaits upgradeLayer, and upgradeLayer deserializes the layer in
 * `loadDomainData(…).then(…)` where the release's data is not loaded yet, a promise nothing catches: the throw is a
 * console error, upgradeLayer never settles, and the file's later layers never open (mitre-attack/attack-navigator
 * nav-app/src/app/tabs/tabs.component.ts at fa7a6017820f97f172be896d093c57a91387f372, readJSONFile, upgradeLayer;
 * data.service.ts loadDomainData, which resolves once parseBundles set dataLoaded). Where a layer before it opened in
 * that release, the data is loaded, the throw is caught ("ERROR parsing file…") and the next layer opens. A layer it
 * refuses before opening a tab (a release it has not) alerts in loadObjAsLayer's catch, which goes on.
 * The layers are written here in the shape of the repository's own (layers/).
 */
import { expect } from 'chai';
import type { AttackLibrary } from '../../lib/attack/load.js';
import { validateLayer, type LayerFinding } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary } from './attack-data.js';

type Layer = Record<string, unknown>;

function layer(name: string, extra: Layer = {}): Layer {
  return {
    name,
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    // T1059.001 collapsed under T1059 (a matrix finding), T1086 revoked (a finding of the content).
    techniques: [
      { techniqueID: 'T1059.001', score: 50 },
      { techniqueID: 'T1086', score: 3 },
    ],
    gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 100 },
    ...extra,
  };
}

const brief = (findings: readonly LayerFinding[]) => findings.map((finding) => [finding.layer, finding.code, finding.path]);

describe('validateLayer on a file of layers Navigator stops reading', () => {
  let library: AttackLibrary;
  const check = (value: unknown): LayerFinding[] => validateLayer(value, { attackFor: attackFor(library), file: 'layers.json' });

  before(() => {
    library = attackLibrary();
  });

  it('says the layers after one Navigator stops in its tab never open, naming it, and the rest of each as opened alone', () => {
    const findings = check([layer('A', { metadata: 5 }), layer('B'), layer('C')]);
    expect(brief(findings)).to.deep.equal([
      [0, 'schema', '/metadata'],
      [0, 'revoked-technique', '/techniques/1'],
      [1, 'never-opened', '/'],
      [1, 'revoked-technique', '/techniques/1'],
      [1, 'hidden-subtechnique', '/techniques/0'],
      [2, 'never-opened', '/'],
      [2, 'revoked-technique', '/techniques/1'],
      [2, 'hidden-subtechnique', '/techniques/0'],
    ]);
    expect(findings[2]!.message).to.equal(
      'layers.json: /1: Navigator 5.1 never opens this layer unless it has loaded ATT&CK enterprise-attack 18 earlier in the session: it stops reading layer 1 of the file ' +
        "at /0/metadata with only an error in its console, in a promise nothing catches, and opens none of the file's layers after it (it opens each once the one " +
        'before has opened); fix /0/metadata to open this layer. Each other finding of this layer says what Navigator does once the layer is opened alone',
    );
    expect(findings[2]!.severity).to.equal('error');
    expect(findings[4]!.message).to.equal(
      'layers.json: /1/techniques/0: once the layer is opened alone (Navigator 5.1 never opens it from this file, as /1 says): T1059.001 (PowerShell) is annotated ' +
        'but collapsed under T1059 in execution, so nobody sees it: set layout.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1059',
    );
  });

  it("says a never-opened layer's own stop as it happens with the layer opened alone, not as an alert the file's earlier layers make certain", () => {
    // B's release is loaded by the layer before A, but Navigator never reaches B: opened alone, either outcome may happen.
    const findings = check([layer('Z'), layer('A', { metadata: 5, versions: { attack: '17', navigator: '5.1.0', layer: '4.5' } }), layer('B', { metadata: 5 })]);
    const own = findings.filter((finding) => finding.layer === 2 && finding.code !== 'never-opened');
    expect(own.map((finding) => finding.code)).to.include('schema');
    for (const finding of own) expect(finding.message).to.contain(': once the layer is opened alone (Navigator 5.1 never opens it from this file, as /2 says): ');
    expect(own.find((finding) => finding.path === '/metadata')!.message).to.contain('where it has loaded that release already (a layer of it opened or created earlier in the session), else with only an error in its console');
  });

  it('says the alert alone where a layer before it in the file opened in its release', () => {
    const findings = check([layer('B'), layer('A', { metadata: 5 })]);
    const stop = findings.find((finding) => finding.layer === 1 && finding.path === '/metadata')!;
    expect(stop.message).to.contain(
      'and stops reading the layer in the tab it opens for it in the layer\'s release, with the alert "ERROR parsing file, check the javascript console for more information.", ' +
        'as a layer of the file before it opened in that release; write a list',
    );
    expect(stop.message).to.not.contain('else with only an error in its console');
    // The first layer of a file, or one of a release no layer before it loaded, may meet either.
    expect(check([layer('A', { metadata: 5 })]).find((finding) => finding.path === '/metadata')!.message).to.contain('else with only an error in its console');
  });

  it('opens the layers after it where a layer before it opened in its release: the stop is an alert', () => {
    const findings = check([layer('B'), layer('A', { metadata: 5 }), layer('C')]);
    expect(findings.map((finding) => finding.code)).to.not.include('never-opened');
    // C is drawn: its collapsed sub-technique is said.
    expect(brief(findings)).to.deep.include([2, 'hidden-subtechnique', '/techniques/0']);
  });

  it('counts only a layer of the same release as loading it (17 loads no 18)', () => {
    const older = layer('B', { versions: { attack: '17', navigator: '5.1.0', layer: '4.5' } });
    const findings = check([older, layer('A', { metadata: 5 }), layer('C')]);
    expect(brief(findings.filter((finding) => finding.code === 'never-opened'))).to.deep.equal([[2, 'never-opened', '/']]);
    expect(findings.find((finding) => finding.code === 'never-opened')!.message).to.contain('it stops reading layer 2 of the file at /1/metadata');
  });

  it('goes on after a layer Navigator refuses before opening a tab (a release it has not)', () => {
    const refused = layer('A', { versions: { attack: '5', navigator: '5.1.0', layer: '4.5' } });
    const findings = check([refused, layer('B')]);
    expect(findings.map((finding) => finding.code)).to.not.include('never-opened');
    expect(brief(findings)).to.deep.include([1, 'hidden-subtechnique', '/techniques/0']);
  });

  it('names the first fault Navigator reads (the gradient before the layout), and one in an entry', () => {
    const both = check([layer('A', { layout: 5, gradient: 'x' }), layer('B')]).find((finding) => finding.code === 'never-opened');
    expect(both!.message).to.contain('at /0/gradient with only');
    const entry = layer('A');
    (entry['techniques'] as unknown[]).push(null);
    expect(check([entry, layer('B')]).find((finding) => finding.code === 'never-opened')!.message).to.contain('at /0/techniques/2 with only');
  });

  it('says an element that is no layer after the stop is never read either', () => {
    const findings = check([layer('A', { metadata: 5 }), null, layer('C')]);
    expect(brief(findings.filter((finding) => finding.layer === 1))).to.deep.equal([
      [1, 'never-opened', '/'],
      [1, 'navigator-alert', '/'],
    ]);
    expect(findings.find((finding) => finding.layer === 1 && finding.code === 'navigator-alert')!.message).to.contain('/1: once the layer is opened alone');
  });

  it('marks each finding of a never-opened layer openedAlone, for a program to keep apart from what Navigator does with the file', () => {
    const findings = check([layer('A', { metadata: 5 }), layer('B')]);
    expect(findings.filter((finding) => finding.openedAlone).map((finding) => [finding.layer, finding.code])).to.deep.equal([
      [1, 'revoked-technique'],
      [1, 'hidden-subtechnique'],
    ]);
    // Nor the never-opened error itself, nor a layer Navigator opens.
    expect(check([layer('B'), layer('A', { metadata: 5 })]).some((finding) => 'openedAlone' in finding)).to.equal(false);
  });

  it('says nothing more of a file of one layer', () => {
    expect(check(layer('A', { metadata: 5 })).map((finding) => finding.code)).to.not.include('never-opened');
    expect(check([layer('A', { metadata: 5 })]).map((finding) => finding.code)).to.not.include('never-opened');
  });
});
