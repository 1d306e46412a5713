import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { COMPARISON_COLORS, validateLayer, type CampaignComparison, type LayerComparison, type NavigatorLayer } from '../../lib/index.js';
import { freshTmpDir, loadRelease, runCli, stixFile } from '../helpers/attack.js';
import { mitreGroupLayer } from '../helpers/mitre-group-layer.js';
import { rawObjectById, rawTechniqueIds, rawUses } from '../helpers/raw-uses.js';

/** MITRE's APT29 layer (attack.mitre.org's G0016-enterprise-layer.json), rebuilt from the 18.1 bundle, in a file. */
function mitreApt29(): { file: string; campaigns: string[]; own: Set<string>; byCampaign: Map<string, Set<string>> } {
  const raw = rawUses(stixFile('enterprise-attack-18.1.json.gz'));
  const { layer, campaigns } = mitreGroupLayer(raw, 'G0016');
  const file = join(freshTmpDir('compare-campaigns'), 'G0016-enterprise-layer.json');
  writeFileSync(file, JSON.stringify(layer));
  const own = new Set(rawTechniqueIds(raw, rawObjectById(raw, 'G0016').id));
  const byCampaign = new Map(campaigns.map((id) => [id, new Set(rawTechniqueIds(raw, rawObjectById(raw, id).id))]));
  return { file, campaigns, own, byCampaign };
}

const comparisonsOf = (stdout: string) => (JSON.parse(stdout) as { comparisons: LayerComparison[] }).comparisons;

// A user who downloads APT29's layer from its ATT&CK page and compares it was told 49 of its 119 techniques were
// "new": ATT&CK documents them for C0023 and C0024, the campaigns it attributes to APT29, which the page's layer adds.
describe('attack-layers compare: the campaigns ATT&CK attributes to a group', () => {
  it("counts MITRE's APT29 layer as 119 known to ATT&CK: 66 attributed, 53 through C0023 and C0024, none new", async () => {
    const { file, campaigns, own, byCampaign } = mitreApt29();
    expect(campaigns).to.deep.equal(['C0023', 'C0024']);
    const result = await runCli(['compare', file, '--json']);
    expect(result.code, result.stderr).to.equal(0);
    const [comparison] = comparisonsOf(result.stdout);
    expect(comparison!.object.id).to.equal('G0016');
    expect(comparison!.campaigns).to.deep.equal([
      { id: 'C0023', name: 'Operation Ghost' },
      { id: 'C0024', name: 'SolarWinds Compromise' },
    ]);
    expect(comparison!.counts).to.include({ reported: 119, attributed: 66, campaign: 53, related: 0, new: 0, object: 66, campaignOnly: 53, unmentioned: 0 });
    // Each technique through a campaign names exactly the campaigns whose uses the bundle holds, and the group has none.
    for (const technique of comparison!.techniques) {
      const users = campaigns.filter((id) => byCampaign.get(id)!.has(technique.id));
      if (own.has(technique.id)) expect([technique.id, technique.status]).to.deep.equal([technique.id, 'attributed']);
      else expect([technique.id, technique.status, technique.campaigns.map((c) => c.id)]).to.deep.equal([technique.id, 'campaign', users]);
    }
  });

  it('says so in the table: status campaign, the campaigns named, and the summary counting them', async () => {
    const { file } = mitreApt29();
    const result = await runCli(['compare', file]);
    expect(result.code).to.equal(0);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('T1078.002 '))).to.match(/ campaign\s+T1078\.002 in C0023, C0024\s/);
    expect(lines.find((line) => line.startsWith('T1195.002 '))).to.match(/ campaign\s+T1195\.002 in C0024\s/);
    expect(result.stdout).to.include('119 in the layer: 66 attributed, 53 attributed through a campaign, 0 related (a parent or sub-technique is), 0 new\n');
    expect(result.stdout).to.include(
      'G0016 APT29 uses 66 techniques in ATT&CK and the 2 campaigns ATT&CK attributes to it (C0023 Operation Ghost, C0024 SolarWinds Compromise) use 53 more; 0 not mentioned by the layer\n',
    );
  });

  // A layer in the shape of dst516/Mitre-Maps' layer.json (a Navigator 4.2 export, format 4.1, ATT&CK 8: two entries
  // under their tactic, coloured #e60d0d; our own comment) compared with APT28, to which ATT&CK 18.1 attributes one
  // campaign: the summary read "… (C0051 APT28 Nearest Neighbor Campaign) 8 more; 98 not mentioned", with no verb.
  it('gives the campaigns their own verb in the summary, in the singular for one (APT28 and C0051)', async () => {
    const file = join(freshTmpDir('compare-campaigns'), 'layer.json');
    const entry = (techniqueID: string, tactic: string) => ({ techniqueID, tactic, color: '#e60d0d', comment: 'seen in the intrusion', enabled: true, metadata: [], showSubtechniques: false });
    writeFileSync(file, JSON.stringify({
      name: 'layer',
      versions: { attack: '8', navigator: '4.2', layer: '4.1' },
      domain: 'enterprise-attack',
      techniques: [entry('T1555', 'credential-access'), entry('T1190', 'initial-access')],
    }));
    const result = await runCli(['compare', file, '--with', 'G0007']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include(
      'G0007 APT28 uses 91 techniques in ATT&CK and the 1 campaign ATT&CK attributes to it (C0051 APT28 Nearest Neighbor Campaign) uses 8 more; ' +
        '98 not mentioned by the layer (--unmentioned lists them)\n',
    );
  });

  it('--no-campaigns compares with the group\'s own techniques: 66 attributed, 4 related, 49 new, as before', async () => {
    const { file } = mitreApt29();
    const [comparison] = comparisonsOf((await runCli(['compare', file, '--no-campaigns', '--json'])).stdout);
    expect(comparison!.campaigns).to.deep.equal([]);
    expect(comparison!.counts).to.include({ reported: 119, attributed: 66, campaign: 0, related: 4, new: 49, campaignOnly: 0 });
    expect((await runCli(['compare', file, '--no-campaigns'])).stdout).to.include('119 in the layer: 66 attributed, 4 related (a parent or sub-technique is), 49 new\n');
  });

  it('--with G0016 C0023 compares with each in turn, each technique counted once in each', async () => {
    const { file, byCampaign } = mitreApt29();
    const [group, campaign] = comparisonsOf((await runCli(['compare', file, '--with', 'G0016', 'C0023', '--json'])).stdout);
    expect([group!.object.id, campaign!.object.id]).to.deep.equal(['G0016', 'C0023']);
    // The group's comparison is the same whatever else --with names; the campaign's is its own, with no campaigns of its own.
    expect(group!.counts).to.include({ attributed: 66, campaign: 53, new: 0 });
    expect(campaign!.campaigns).to.deep.equal([]);
    expect(campaign!.counts.attributed).to.equal(byCampaign.get('C0023')!.size);
    for (const c of [group!, campaign!]) {
      expect(c.counts.attributed + c.counts.campaign + c.counts.related + c.counts.new).to.equal(c.counts.reported);
      expect(new Set(c.techniques.map((t) => t.id)).size).to.equal(c.techniques.length);
    }
  });

  it("a campaign file whose actor has campaigns: each status, a related technique's campaign named, and a comparison layer saying it", async () => {
    const dir = freshTmpDir('compare-campaigns');
    const file = join(dir, 'apt29.yaml');
    // T1195.002 is C0024's (SolarWinds' supply chain), T1001.002 C0023's, T1078.002 both's, T1665 APT29's own; T1555, parent
    // of T1555.004, is C0024's; T1486 none's.
    writeFileSync(file, 'name: APT29 follow-up\nactor: APT29\ntechniques: [T1195.002, T1001.002, T1078.002, T1665, T1555.004, T1486]\n');
    const out = join(dir, 'cmp.layer.json');
    const result = await runCli(['compare', file, '--json', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    const [comparison] = (JSON.parse(result.stdout) as { comparisons: CampaignComparison[] }).comparisons;
    expect(comparison!.techniques.map((t) => [t.id, t.status, t.campaigns.map((c) => c.id), t.related.map((r) => `${r.id} ${r.relation} ${r.campaigns?.map((c) => c.id).join(',') ?? ''}`)])).to.deep.equal([
      ['T1001.002', 'campaign', ['C0023'], []],
      ['T1078.002', 'campaign', ['C0023', 'C0024'], []],
      ['T1195.002', 'campaign', ['C0024'], []],
      ['T1486', 'new', [], []],
      ['T1555.004', 'related', [], ['T1555 parent C0024']],
      ['T1665', 'attributed', [], []],
    ]);
    // The object's techniques not mentioned include its campaigns', each naming them.
    expect(comparison!.unmentioned.find((t) => t.id === 'T1606.002')).to.deep.equal({ id: 'T1606.002', name: 'Forge Web Credentials: SAML Tokens', campaigns: [{ id: 'C0024', name: 'SolarWinds Compromise' }] });

    const layer = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
    const entry = layer.techniques!.find((e) => e.techniqueID === 'T1195.002')!;
    expect(entry.color).to.equal(COMPARISON_COLORS.campaign);
    expect(entry.comment).to.equal(
      'reported as "T1195.002"; attributed through campaign C0024 SolarWinds Compromise: ATT&CK documents it for the campaign it attributes to APT29 (G0016)',
    );
    expect(entry.metadata).to.deep.equal([
      { name: 'status', value: 'campaign' },
      { name: 'campaigns', value: 'C0024 SolarWinds Compromise' },
    ]);
    expect(layer.legendItems!.map((item) => item.color)).to.include(COMPARISON_COLORS.campaign);
    expect(layer.metadata).to.deep.include({ name: 'with its campaigns', value: 'C0023 Operation Ghost, C0024 SolarWinds Compromise' });
    expect(layer.description).to.include('6 reported: 1 attributed, 3 attributed through its campaigns, 1 related (a parent or sub-technique is), 1 new;');
  });

  it('leaves software and campaigns as they were: no campaigns of their own', async () => {
    const { file } = mitreApt29();
    const [software] = comparisonsOf((await runCli(['compare', file, '--with', 'S0154', '--json'])).stdout);
    expect([software!.campaigns, software!.counts.campaign, software!.counts.campaignOnly]).to.deep.equal([[], 0, 0]);
  });
});
