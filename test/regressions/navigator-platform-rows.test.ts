/**
 * What ATT&CK Navigator 5.1's platform filter hides, as its source code decides it (mitre-attack/attack-navigator,
 * nav-app/src/app/classes/view-model.ts at fa7a6017820f97f172be896d093c57a91387f372, filterTechniques: a technique
 * shows when one of `technique.platforms` is in `filters.platforms.selection`, which is every platform of the release
 * when the layer lists none; matrix-side.component.html at the same commit draws
 * `applyControls(tactic.techniques)` and, inside each drawn row, `applyControls(technique.subtechniques)`;
 * classes/stix/technique.ts at 5f3c6ad136927b43cb15af330aa2858ababafebb: `platforms` is undefined for a technique
 * without x_mitre_platforms, so it matches no filter).
 *
 * Two consequences our mimic (lib/layer/platform-visibility.ts) missed:
 * - a sub-technique shows only in its parent's row, so a filter that lists the sub-technique's platforms but none of
 *   its parent's hides it: in enterprise 18.1 T1020.001 (Traffic Duplication) runs on IaaS, its parent T1020 does not.
 *   A campaign on IaaS reporting T1020.001 was rendered with the filter [IaaS], hidden in Navigator, and `validate`
 *   said nothing.
 * - ICS 18.1's T0895 (Autorun Image) has no platforms at all: Navigator shows it under no filter. ATT&CK's own
 *   campaign C0034 (2022 Ukraine Electric Power Attack) uses it; `attack-object C0034 --domain ics` writes it
 *   annotated, and `validate` said nothing.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matrixModel, type MatrixModel } from '../../lib/export/matrix-model.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';
import { freshTmpDir, loadRelease, repoRoot, runCli } from '../helpers/attack.js';

const validate = (layer: unknown) => validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'test.layer.json' });
const hiddenBy = (layer: unknown) => validate(layer).filter((finding) => finding.code === 'filtered-out-technique');

describe('regression: what Navigator 5.1\'s platform filter hides (parent rows, techniques without platforms)', () => {
  it('validate: a sub-technique whose parent runs on none of the listed platforms is hidden (T1020.001 under IaaS)', () => {
    const layer = {
      name: 'cloud',
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      domain: 'enterprise-attack',
      filters: { platforms: ['IaaS'] },
      layout: { expandedSubtechniques: 'annotated' },
      techniques: [
        { techniqueID: 'T1020.001', score: 1 },
        // T1059.009 (Cloud API) runs on IaaS, and so does its parent T1059: shown.
        { techniqueID: 'T1059.009', score: 1 },
      ],
    };
    const findings = hiddenBy(layer);
    expect(findings.map((finding) => finding.path)).to.deep.equal(['/techniques/0']);
    expect(findings[0]!.message).to.match(
      /T1020\.001 \(Traffic Duplication\) is annotated but shows only in the row of its parent T1020 \(Automated Exfiltration\), which runs on "Linux", "macOS", "Network Devices", "Windows", none of which filters\.platforms lists, so Navigator hides it: add "Linux" to filters\.platforms/,
    );
  });

  it('render: widens a campaign\'s platform filter by the parent\'s platforms, saying which sub-technique needs them', async () => {
    const dir = freshTmpDir('platform-rows');
    writeFileSync(
      join(dir, 'cloud.yaml'),
      'name: Cloud traffic mirroring\ndomain: enterprise-attack\nplatforms: [IaaS]\ntechniques:\n  - ref: T1020.001\n',
    );
    const result = await runCli(['render', dir, '--out', join(dir, 'out')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include('T1020 (Automated Exfiltration), in whose row its annotated sub-technique T1020.001 (Traffic Duplication) shows, runs on');
    const layer = JSON.parse(readFileSync(join(dir, 'out', 'cloud.layer.json'), 'utf8')) as NavigatorLayer;
    expect(layer.filters?.platforms).to.deep.equal(['IaaS', 'Linux', 'Network Devices', 'Windows', 'macOS']);
    expect(hiddenBy(layer)).to.deep.equal([]);
  });

  it('attack-object and validate: say that a technique without platforms (ICS 18.1 T0895) is hidden under any filter (ATT&CK\'s C0034)', async () => {
    const dir = freshTmpDir('platform-rows');
    const result = await runCli(['attack-object', 'C0034', '--domain', 'ics', '--out', dir]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(
      'warning: T0895 (Autorun Image) has no platforms in ics-attack 18.1, so Navigator 5.1 shows it under no platform filter',
    );
    const layer = JSON.parse(readFileSync(join(dir, 'C0034-2022-ukraine-electric-power-attack.layer.json'), 'utf8')) as NavigatorLayer;
    expect(layer.filters).to.equal(undefined);
    const findings = hiddenBy(layer);
    expect(findings).to.have.length(1);
    expect(findings[0]!.message).to.match(/T0895 \(Autorun Image\) is annotated but has no platforms in ics-attack 18\.1, so Navigator hides it under any platform filter/);
  });

  it('render: warns of a reported technique Navigator shows under no filter (T0895 in ICS 18.1)', async () => {
    const dir = freshTmpDir('platform-rows');
    writeFileSync(join(dir, 'grid.yaml'), 'name: Grid attack\ndomain: ics-attack\ntechniques:\n  - ref: T0895\n  - ref: T0831\n');
    const result = await runCli(['render', dir, '--out', join(dir, 'out')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr.match(/has no platforms in ics-attack 18\.1/g)).to.have.length(1);
    expect(result.stderr).to.include('T0895 (Autorun Image) has no platforms in ics-attack 18.1');
  });

  it('gap: warns of a threat technique its layers hold that Navigator shows under no filter (C0034\'s T0895 in ICS 18.1)', async () => {
    const dir = freshTmpDir('platform-rows');
    const threat = await runCli(['attack-object', 'C0034', '--domain', 'ics', '--out', dir]);
    expect(threat.code, threat.stderr).to.equal(0);
    writeFileSync(join(dir, 'detections.csv'), 'name,techniques,coverage\nHMI logon watch,T0859,high\n');
    const result = await runCli([
      'gap', '--threat', join(dir, 'C0034-2022-ukraine-electric-power-attack.layer.json'), '--coverage', join(dir, 'detections.csv'),
      '--domain', 'ics', '--out', join(dir, 'review'),
    ]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr.match(/T0895 \(Autorun Image\) has no platforms in ics-attack 18\.1/g)).to.have.length(1);
  });

  it('validate: does not say so of a layer for another ICS release, checked in 18.1 for want of its own (Navigator draws it in that one)', () => {
    const layer = (attack: string) => ({
      name: 'grid', versions: { attack, navigator: '5.1.0', layer: '4.5' }, domain: 'ics-attack', techniques: [{ techniqueID: 'T0895', score: 1 }],
    });
    expect(hiddenBy(layer('13'))).to.deep.equal([]);
    expect(hiddenBy(layer('18'))).to.have.length(1);
  });

  it('upgrade: widens a filter by the parent\'s platforms so that an annotated sub-technique shows (T1020.001 under IaaS, 14 -> 18.1)', async () => {
    const dir = freshTmpDir('platform-rows');
    const layer = {
      name: 'cloud', versions: { attack: '14', navigator: '4.9.1', layer: '4.5' }, domain: 'enterprise-attack',
      filters: { platforms: ['IaaS'] }, techniques: [{ techniqueID: 'T1020.001', score: 1 }],
    };
    writeFileSync(join(dir, 'cloud.json'), JSON.stringify(layer));
    const result = await runCli(['upgrade', join(dir, 'cloud.json'), '--out', join(dir, 'cloud18.json')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include('added so that Navigator shows T1020.001 (Traffic Duplication): it is annotated, and shows only in the row of its parent T1020');
    const upgraded = JSON.parse(readFileSync(join(dir, 'cloud18.json'), 'utf8')) as NavigatorLayer;
    expect(upgraded.filters?.platforms).to.deep.equal(['IaaS', 'Linux', 'Network Devices', 'Windows', 'macOS']);
    expect(hiddenBy(upgraded)).to.deep.equal([]);
  });

  it('validate: an enabled sub-technique off the filter keeps no disabled parent of a hideDisabled layer (T1020 under Windows)', () => {
    // view-model.ts isSubtechniqueEnabled: a disabled technique stays while a sub-technique of it is enabled and runs
    // on a platform of the filter; T1020's one sub-technique, T1020.001, runs on IaaS and Network Devices (18.1), neither on the filter.
    const layer = (platforms: string[]) => ({
      name: 'hide', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack',
      filters: { platforms }, hideDisabled: true, techniques: [{ techniqueID: 'T1020', enabled: false, comment: 'not seen' }],
    });
    const hidden = (platforms: string[]) => validate(layer(platforms)).filter((finding) => finding.code === 'hidden-disabled').map((finding) => finding.path);
    expect(hidden(['Windows'])).to.deep.equal(['/techniques/0']);
    expect(hidden(['Windows', 'IaaS'])).to.deep.equal([]);
    // The finding names the platform that would keep it, by the same rule: before, only "enable it or set hideDisabled to false".
    const [finding] = validate(layer(['Windows'])).filter((f) => f.code === 'hidden-disabled');
    expect(finding!.message).to.match(
      /: enable it, set hideDisabled to false, or add one of IaaS, Network Devices to filters\.platforms, where its sub-technique T1020\.001 runs and keeps it shown$/,
    );
    // With T1020.001 disabled too, no platform would keep it: the finding suggests none, as before.
    const both = { ...layer(['Windows']), techniques: [...layer(['Windows']).techniques, { techniqueID: 'T1020.001', enabled: false }] };
    const [plain] = validate(both).filter((f) => f.code === 'hidden-disabled');
    expect(plain!.message).to.match(/: enable it or set hideDisabled to false$/);
  });

  // The same rule where the sub-technique is annotated itself: it keeps its parent, and shows collapsed there, only on a
  // platform the filter shows. Before, T1020.001 (Network Devices, IaaS) under a disabled T1020 in a hideDisabled layer
  // filtered to Windows was said to be collapsed, "set layout.expandedSubtechniques to \"annotated\"", which shows
  // nothing: T1020's row is hidden, and T1020.001 with it (filtered-out-technique says so, and what to add).
  it('validate: an annotated sub-technique off the filter is not "collapsed" under a parent Navigator hides (T1020.001 under Windows)', () => {
    const layer = (platforms: string[], hideDisabled: boolean) => ({
      name: 'hide', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack',
      filters: { platforms }, hideDisabled,
      techniques: [{ techniqueID: 'T1020', enabled: false, comment: 'not seen' }, { techniqueID: 'T1020.001', score: 1, comment: 'mirrored' }],
    });
    const codes = (platforms: string[], hideDisabled = true) =>
      validate(layer(platforms, hideDisabled))
        .filter((finding) => ['hidden-subtechnique', 'hidden-disabled', 'filtered-out-technique'].includes(finding.code))
        .map((finding) => `${finding.code} ${finding.path}`);
    expect(codes(['Windows'])).to.deep.equal(['hidden-disabled /techniques/0', 'filtered-out-technique /techniques/1']);
    // Not hidden by hideDisabled either: the filter alone hides it, and expanding T1020 would not show it.
    expect(codes(['Windows'], false)).to.deep.equal(['filtered-out-technique /techniques/1']);
    // On a platform the filter shows, T1020.001 keeps T1020's row, collapsed in it.
    expect(codes(['Windows', 'IaaS'])).to.deep.equal(['hidden-subtechnique /techniques/1']);
  });

  describe('export draws what Navigator draws, by the same reading as validate', () => {
    const drawnIds = (model: MatrixModel) => model.columns.flatMap((column) => column.cells.flatMap((cell) => [cell.id, ...cell.subtechniques.map((sub) => sub.id)]));
    // Entry positions the export leaves out for the platform filter, and those validate finds hidden by it.
    const exportHides = (model: MatrixModel) => model.notDrawn.filter((item) => item.reason === 'platform-filter').flatMap((item) => item.entries.map((entry) => `/techniques/${entry}`));
    const validateHides = (layer: unknown) => hiddenBy(layer).map((finding) => finding.path);
    const cloud = {
      name: 'cloud', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack',
      filters: { platforms: ['IaaS'] }, layout: { expandedSubtechniques: 'all' },
      techniques: [{ techniqueID: 'T1020.001', score: 1 }, { techniqueID: 'T1059.009', score: 1 }],
    } as NavigatorLayer;
    const grid = (filters?: { platforms: string[] }) =>
      ({
        name: 'grid', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'ics-attack',
        ...(filters ? { filters } : {}), techniques: [{ techniqueID: 'T0895', score: 1 }, { techniqueID: 'T0807', score: 1 }],
      }) as NavigatorLayer;

    it('leaves T1020.001 out under [IaaS], its parent T1020 being off the filter, and says why, naming the parent', () => {
      const model = matrixModel(cloud, loadRelease('18.1'));
      const drawn = drawnIds(model);
      expect(drawn).to.include('T1059.009');
      expect(drawn).to.not.include('T1020.001');
      expect(drawn).to.not.include('T1020');
      expect(model.notDrawn.map((item) => item.message)).to.deep.equal([
        "T1020.001: Automated Exfiltration: Traffic Duplication shows only in the row of its parent T1020 (Automated Exfiltration), which is not on the layer's platforms (IaaS); " +
          "T1020's platforms: Linux, macOS, Network Devices, Windows; add one to filters.platforms or remove the filter to show it",
      ]);
      expect(exportHides(model)).to.deep.equal(validateHides(cloud));
    });

    it('leaves out ICS 18.1\'s T0895, which has no platforms, under any filter: none, nor ["None"], the platform of every other ICS 18.1 technique', () => {
      for (const layer of [grid(), grid({ platforms: ['None'] })]) {
        const model = matrixModel(layer, loadRelease('18.1', 'ics-attack'));
        expect(drawnIds(model)).to.include('T0807');
        expect(drawnIds(model)).to.not.include('T0895');
        expect(model.notDrawn.map((item) => item.message)).to.deep.equal([
          'T0895: Autorun Image has no platforms in ics-attack 18.1, so Navigator 5.1 shows it under no platform filter',
        ]);
        expect(exportHides(model)).to.deep.equal(validateHides(layer)).and.to.deep.equal(['/techniques/0']);
      }
    });

    // The note said Navigator 5.1 hides T0895 whatever the layer's release: a layer of ICS 15 (where ATT&CK added T0895,
    // April 2024: attack-website's updates-april-2024, "ICS New Techniques: Autorun Image") is drawn by Navigator in 15,
    // which is not here to say what it shows; only ICS 18.1 is in ../shared/attack-stix (STIX 2.0 and 2.1, both without
    // platforms for T0895).
    it("says what Navigator shows of T0895 only for a layer of the release drawn, or of none; of another, what 18.1 gives", () => {
      const of = (attack?: string) => ({ ...grid({ platforms: ['None'] }), versions: { ...(attack ? { attack } : {}), navigator: '5.1.0', layer: '4.5' } }) as NavigatorLayer;
      const note = (attack?: string) => matrixModel(of(attack), loadRelease('18.1', 'ics-attack')).notDrawn.map((item) => item.message);
      const navigators = ['T0895: Autorun Image has no platforms in ics-attack 18.1, so Navigator 5.1 shows it under no platform filter'];
      expect(note('18')).to.deep.equal(navigators);
      expect(note()).to.deep.equal(navigators);
      for (const attack of ['15', '17']) {
        expect(note(attack), attack).to.deep.equal([
          `T0895: Autorun Image has no platforms in ics-attack 18.1, the release drawn here, so no platform filter shows it there; the layer is of ATT&CK ${attack}, where Navigator 5.1 draws it and whose T0895 is not known here`,
        ]);
      }
      // Drawn all the same: the picture is of 18.1, where no filter shows T0895.
      expect(drawnIds(matrixModel(of('15'), loadRelease('18.1', 'ics-attack')))).to.not.include('T0895');
    });

    it('agrees with validate on every layer of the repo', () => {
      for (const name of ['all.layer.json', 'apt32-covid19-wuhan.layer.json', 'temp-periscope-cambodia-2018.layer.json']) {
        const layer = JSON.parse(readFileSync(join(repoRoot, 'layers', name), 'utf8')) as NavigatorLayer;
        expect(exportHides(matrixModel(layer, loadRelease('18.1'))), name).to.deep.equal(validateHides(layer));
      }
    });

    it('export says on stderr what it leaves out (T1020.001 under [IaaS])', async () => {
      const dir = freshTmpDir('platform-rows');
      writeFileSync(join(dir, 'cloud.json'), JSON.stringify(cloud));
      const result = await runCli(['export', join(dir, 'cloud.json'), '--format', 'svg']);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.include('not drawn: T1020.001: Automated Exfiltration: Traffic Duplication shows only in the row of its parent T1020');
      expect(result.stdout).to.include('data-technique="T1059.009"').and.not.include('data-technique="T1020');
    });
  });
});
