import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AttackLibrary,
  campaignReleases,
  combineLayers,
  exportRelease,
  matrixModel,
  normalizeCampaign,
  parseExportInput,
  readCampaign,
  renderAggregateLayer,
  renderCampaignLayer,
  renderLayerFiles,
  scoresOutOfRangeLine,
  upgradeLayer,
  upgradeSources,
  validateLayer,
  type NavigatorLayer,
} from '../../lib/index.js';
import { freshTmpDir, loadRelease, messageOf, runCli, stixDir, testCacheDir } from '../helpers/attack.js';
import { attackFor } from '../layer/attack-data.js';

const library = (): AttackLibrary => new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });
const pub = 'test/fixtures/layers/public';
// Navigator's April 2019 mobile update layer: format 3.0 (see test/fixtures/layers/public/README.md).
const MOBILE_2019 = `${pub}/navigator-april-2019-mobile-3.0.json`;
// CTID's GCP CloudVPN layer: entries with score_num, score_display and category (see the same README).
const CTID_GCP = `${pub}/ctid-gcp-cloudvpn-4.2.json`;
const SPEC = 'test/fixtures/layers/navigator/spec-4.5-example.json';
const MOBILE_THREAT = 'test/fixtures/gap/mobile-threat-2.1.json';
const OLD_THREAT = 'test/fixtures/gap/old-threat-4.2.json';
const ICS_THREAT = 'test/fixtures/gap/ics-threat.json';
const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';
const PERISCOPE = 'campaigns/temp-periscope-cambodia-2018.yaml';

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

// A program cannot run `attack-layers upgrade` or pass --attack-release: the messages of the layer, export and render
// functions name the function that does that command's work and the option a program passes, as the coverage
// readers' do (inGivenInputs, givenName); the CLI passes its FLAG_WORDS and says what it said.
describe('regressions: layer, export and render messages name the library a program calls, the CLI its commands', () => {
  it('validateLayer: an old format says `upgradeLayer` converts it; validate says `attack-layers upgrade`', async () => {
    const findings = validateLayer(json(MOBILE_2019), { attackFor: attackFor(library()), file: MOBILE_2019 });
    const old = findings.find((finding) => finding.code === 'old-format')!;
    expect(old.message).to.contain('run `upgradeLayer` to write format 4.5');
    expect(findings.map((finding) => finding.message).join('\n')).to.not.contain('attack-layers upgrade');
    const cli = await runCli(['validate', MOBILE_2019]);
    expect(cli.stdout + cli.stderr).to.contain('run `attack-layers upgrade` to write format 4.5');
  });

  it("validateLayer: a release that is not here (release: '12' for an ICS layer) names release and fetchRelease", async () => {
    const message = messageOf(() => validateLayer(json(ICS_THREAT), { attackFor: attackFor(library()), file: ICS_THREAT, release: '12' }));
    expect(message).to.equal("ATT&CK ics-attack 12 (release) is not available here: run `fetchRelease({ domain: 'ics-attack', version: '12' })`, or leave the option out to check each layer against the release it names");
    const cli = await runCli(['validate', ICS_THREAT, '--attack-release', '12']);
    expect(cli.stderr).to.contain('ATT&CK ics-attack 12 (--attack-release) is not available here: run `attack-layers data fetch --domain ics --attack-release 12`, or leave');
  });

  it("exportRelease and matrixModel: a revoked entry says `upgradeLayer`, a collapsed one subtechniques: 'annotated'", async () => {
    const lib = library();
    const mobile = parseExportInput(readFileSync(MOBILE_THREAT, 'utf8'), MOBILE_THREAT);
    if (mobile.kind !== 'layer') throw new Error('not a layer');
    const drawn = exportRelease(mobile.layer, lib);
    const revoked = matrixModel(mobile.layer, drawn.index).notDrawn.find((item) => item.reason === 'revoked')!;
    expect(revoked.message).to.equal('T1411: revoked in mobile-attack 18.1, replaced by T1417.002 Input Capture: GUI Input Capture; run `upgradeLayer`');
    const old = parseExportInput(readFileSync(OLD_THREAT, 'utf8'), OLD_THREAT);
    if (old.kind !== 'layer') throw new Error('not a layer');
    const index = exportRelease(old.layer, lib).index;
    const collapsed = (options: Parameters<typeof matrixModel>[2]) => matrixModel(old.layer, index, options).notDrawn.find((item) => item.reason === 'collapsed')!.message;
    expect(collapsed({})).to.equal("T1566.001: collapsed under T1566 in initial-access; pass subtechniques: 'annotated' to show it");
    expect(collapsed({ subtechniques: 'none' })).to.contain("because of subtechniques: 'none'");
    const cli = await runCli(['export', OLD_THREAT, '--format', 'csv']);
    expect(cli.stderr).to.contain('collapsed under T1566 in initial-access; pass --subtechniques annotated to show it');
    expect((await runCli(['export', MOBILE_THREAT, '--format', 'csv'])).stderr).to.contain('Input Capture: GUI Input Capture; run `attack-layers upgrade`');
  });

  it("exportRelease: a layer of a release that is not here names `fetchRelease`, export the command", async () => {
    const lib = library();
    const v19 = parseExportInput(readFileSync('test/fixtures/layers/attack-19.json', 'utf8'), 'attack-19.json');
    if (v19.kind !== 'layer') throw new Error('not a layer');
    const { warning } = exportRelease(v19.layer, lib);
    expect(warning).to.match(/is not available here; drawn with enterprise-attack 18\.1 instead \(run `fetchRelease\(\{ version: '19' \}\)` to draw it as made\)/);
    const cli = await runCli(['export', 'test/fixtures/layers/attack-19.json', '--format', 'csv']);
    expect(cli.stderr).to.contain('(run `attack-layers data fetch --attack-release 19` to draw it as made)');
  });

  it('parseExportInput: a malformed gap report names gapJson, export `attack-layers gap --report json`', async () => {
    const file = join(freshTmpDir('command-words-gap'), 'report.json');
    writeFileSync(file, JSON.stringify({ rows: 'none', formulas: [] }));
    expect(messageOf(() => parseExportInput(readFileSync(file, 'utf8'), file))).to.contain('(the JSON that `gapJson` writes)');
    expect((await runCli(['export', file, '--format', 'csv'])).stderr).to.contain('(the JSON that `attack-layers gap --report json` writes)');
  });

  it("renderCampaignLayer and renderAggregateLayer: campaigns of other releases name campaignReleases's to", () => {
    const lib = library();
    const apt32 = readCampaign(APT32);
    const at17 = normalizeCampaign(apt32, campaignReleases(apt32, lib, '17.1'));
    const target = loadRelease('18.1');
    expect(messageOf(() => renderCampaignLayer(at17, target, { model: 'frequency' }))).to.match(
      /was normalized against ATT&CK enterprise-attack 17\.1, not enterprise-attack 18\.1, the release it is rendered with: normalize and render it with the same release \(campaignReleases's to\)$/,
    );
    const periscope = readCampaign(PERISCOPE);
    const at18 = normalizeCampaign(periscope, campaignReleases(periscope, lib));
    expect(messageOf(() => renderAggregateLayer([at17, at18], target, { model: 'frequency', name: 'all' }))).to.match(/; a layer has one: bring a domain's campaigns to one release with campaignReleases's to$/);
  });

  it('renderLayerFiles: campaigns of two domains are rendered in a call each, each with its aggregate; render says --aggregate', async () => {
    const lib = library();
    const dir = freshTmpDir('command-words-render');
    const mobile = join(dir, 'mobile.yaml');
    // T1417.002 (GUI Input Capture) is a mobile technique of ATT&CK; the campaign is ours.
    writeFileSync(mobile, 'name: Mobile run\ndomain: mobile-attack\ntechniques: [T1417.002]\n');
    const items = [APT32, mobile].map((file) => {
      const campaign = readCampaign(file);
      const releases = campaignReleases(campaign, lib);
      return { result: normalizeCampaign(campaign, releases), index: releases.target };
    });
    expect(messageOf(() => renderLayerFiles(items, { model: 'frequency', aggregate: 'all' }))).to.match(/render each domain's campaigns in a run of their own, each with its aggregate$/);
    const cli = await runCli(['render', APT32, mobile, '--aggregate', 'all', '--out', join(dir, 'out')]);
    expect(cli.stderr).to.match(/render each domain's campaigns in a run of their own, each with its --aggregate\n$/);
  });

  it("upgradeLayer: entries that merge name mergeScore: 'sum', upgrade --merge-score sum", async () => {
    // ATT&CK 6 revoked T1168 (Local Job Scheduling) into T1053: a sigma2attack heatmap counting 1 and 2 rules.
    const heatmap = {
      domain: 'mitre-enterprise',
      name: 'Sigma rules heatmap',
      gradient: { colors: ['#ffffff', '#ff6666'], maxValue: 8, minValue: 0 },
      version: '2.2',
      techniques: [{ techniqueID: 'T1168', score: 1, comment: 'a.yml' }, { techniqueID: 'T1053', score: 2, comment: 'b.yml\nc.yml' }],
    };
    const notes = upgradeLayer(heatmap, loadRelease('18.1')).report.techniques.flatMap((entry) => entry.notes).join('\n');
    expect(notes).to.contain("scores 1, 2 became 2 (max); if they count rules or tests, mergeScore: 'sum' adds them");
    const file = join(freshTmpDir('command-words-upgrade'), 'sigma.json');
    writeFileSync(file, JSON.stringify(heatmap));
    expect((await runCli(['upgrade', file, '--out', join(freshTmpDir('command-words-upgrade'), 'o.json')])).stderr).to.contain('if they count rules or tests, --merge-score sum adds them');
  });

  // combine and compare upgrade each layer and take no --merge-score (mergeScore): their notes told the CLI user
  // "mergeScore: 'sum' adds them", an option neither has, in a program's words. Upgrading the layer first sums them.
  it("combine, compare, upgradeSources: entries that merge name upgrade --merge-score sum on the layer first, upgradeLayer to a program", async () => {
    const counts = {
      name: 'rule counts',
      domain: 'enterprise-attack',
      versions: { attack: '8', navigator: '4.0', layer: '4.0' },
      techniques: [{ techniqueID: 'T1086', score: 3 }, { techniqueID: 'T1059.001', score: 1 }],
    };
    const dir = freshTmpDir('command-words-combine');
    writeFileSync(join(dir, 'a.json'), JSON.stringify(counts));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...counts, name: 'b' }));
    const merged = 'scores 3, 1 became 3 (max); if they count rules or tests, ';
    const combine = await runCli(['combine', join(dir, 'a.json'), join(dir, 'b.json'), '--op', 'sum', '--out', join(dir, 'sum.json')]);
    expect(combine.stderr).to.contain(`${merged}\`attack-layers upgrade --merge-score sum\` on the layer first adds them`);
    expect(combine.stderr).not.to.contain('mergeScore');
    const compare = await runCli(['compare', join(dir, 'a.json'), '--with', join(dir, 'b.json'), '--out', join(dir, 'cmp.json')]);
    expect(compare.stderr).to.contain(`${merged}\`attack-layers upgrade --merge-score sum\` on the layer first adds them`);
    const { upgrades } = upgradeSources([{ value: counts, file: 'a.json' }], loadRelease('18.1'));
    expect(upgrades.flatMap((upgrade) => upgrade.changes).join('\n')).to.contain(
      `${merged}\`upgradeLayer\` with mergeScore: 'sum' on the layer first adds them`,
    );
  });

  it('combineLayers: layers given as read, not through upgradeSources: a field no rule combines (CTID score_num) is kept by `upgradeLayer`', () => {
    const index = loadRelease('18.1');
    // The CLI always brings the layers through upgradeSources, which keeps such fields: a program may not.
    const inputs = [CTID_GCP, SPEC].map((file) => ({ layer: json(file) as NavigatorLayer, source: file }));
    const said = combineLayers(inputs, { op: 'union', index }).warnings.join('\n');
    expect(said).to.contain('are not carried into the combined layer (no rule combines them); `upgradeLayer` keeps them in each layer').and.not.contain('attack-layers');
    const cli = combineLayers(inputs, { op: 'union', index, givenAs: { command: 'attack-layers' } }).warnings.join('\n');
    expect(cli).to.contain('`attack-layers upgrade` keeps them in each layer');
  });

  it("scoresOutOfRangeLine: names validateLayer and the report's scoresOutOfRange; with the CLI's words validate and --report", () => {
    const layer = { ...(json(SPEC) as NavigatorLayer) };
    layer.gradient = { colors: ['#ff6666', '#ffe766'], minValue: 0, maxValue: 1 };
    const { report } = upgradeLayer(layer, loadRelease('18.1'));
    expect(scoresOutOfRangeLine(report)).to.match(/\(validateLayer's score-out-of-range, and the report's scoresOutOfRange, say each\)$/);
    expect(scoresOutOfRangeLine(report, { command: 'attack-layers' })).to.match(/\(validate's score-out-of-range, and --report, say each\)$/);
  });
});
