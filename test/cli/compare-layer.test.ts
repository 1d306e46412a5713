import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { validateLayer, type LayerComparison, type NavigatorLayer } from '../../lib/index.js';
import { freshTmpDir, hasStackTrace, loadRelease, runCli } from '../helpers/attack.js';

/**
 * An actor layer laid out as tropChaud's Cyber-Adversary-Heatmaps write theirs (`CISA Alert AA22-110A/APT28.json`,
 * commit 9c60256c51bf7076f55b06c8f8dde280c4c3fd84: layer format 4.3, ATT&CK 11, Navigator 4.6.1, named after the
 * group, a description citing the CISA alert and the group's ATT&CK page, one entry per tactic of each technique,
 * score 1 on a gradient 0..1, empty colour, comment, metadata and links). Written here in our own words, with a few of
 * its techniques; the repository states no licence.
 */
function tropChaudLayer(entries: ReadonlyArray<[id: string, tactic: string]>, name = 'APT28'): Record<string, unknown> {
  return {
    name,
    versions: { attack: '11', navigator: '4.6.1', layer: '4.3' },
    domain: 'enterprise-attack',
    description: 'Mapped from a CISA alert (https://www.cisa.gov/uscert/ncas/alerts/aa22-110a).\n\nSee https://attack.mitre.org/versions/v10/groups/G0007/',
    sorting: 0,
    hideDisabled: false,
    techniques: entries.map(([techniqueID, tactic]) => ({
      techniqueID,
      tactic,
      score: 1,
      color: '',
      comment: '',
      enabled: true,
      metadata: [],
      links: [],
      showSubtechniques: false,
    })),
    gradient: { colors: ['#ffffffff', '#ff6666ff'], minValue: 0, maxValue: 1 },
    legendItems: [],
    metadata: [],
    links: [],
  };
}

const APT28_ENTRIES: ReadonlyArray<[string, string]> = [
  ['T1040', 'credential-access'],
  ['T1040', 'discovery'],
  ['T1027', 'defense-evasion'],
  ['T1005', 'collection'],
  ['T1113', 'collection'],
  ['T1057', 'discovery'],
  ['T1083', 'discovery'],
  ['T1486', 'impact'],
];

function writeLayer(layer: unknown, name = 'APT28.json'): string {
  const file = join(freshTmpDir('compare-layer'), name);
  writeFileSync(file, JSON.stringify(layer, null, '\t'));
  return file;
}

/**
 * The techniques ATT&CK documents for an object, as `attack-object` writes its layer (the tests' second opinion); with
 * `campaigns`, those of the campaigns ATT&CK attributes to it too, as compare counts them by default.
 */
async function objectTechniques(id: string, campaigns = false): Promise<Set<string>> {
  const layer = JSON.parse((await runCli(['attack-object', id, ...(campaigns ? ['--campaigns'] : []), '--quiet'])).stdout) as NavigatorLayer;
  return new Set((layer.techniques ?? []).filter((entry) => entry.score !== undefined).map((entry) => entry.techniqueID));
}

describe('attack-layers compare <layer>', () => {
  it("compares a tropChaud actor layer with the one group its name and description name (G0007), upgraded from ATT&CK 11, each technique once", async () => {
    const file = writeLayer(tropChaudLayer(APT28_ENTRIES));
    const result = await runCli(['compare', file, '--json']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.include(`note: ${file}: compared with group G0007 APT28, the one ATT&CK group, campaign or software the layer's name and description name ("APT28")`);
    expect(result.stderr).to.include(`${file}: upgraded from layer format 4.3, ATT&CK 11 to layer format 4.5 and ATT&CK enterprise-attack 18.1:`);
    const [comparison] = (JSON.parse(result.stdout) as { comparisons: LayerComparison[] }).comparisons;
    const uses = await objectTechniques('G0007');
    const ids = [...new Set(APT28_ENTRIES.map(([id]) => id))];
    expect(comparison!.techniques.map((t) => t.id)).to.have.members(ids);
    for (const technique of comparison!.techniques) expect(technique.status === 'attributed', technique.id).to.equal(uses.has(technique.id));
    // The techniques of C0051, the campaign ATT&CK attributes to APT28, are APT28's too: not mentioned unless the layer has them.
    const all = await objectTechniques('G0007', true);
    expect(all.size).to.be.greaterThan(uses.size);
    expect(comparison!.counts.unmentioned).to.equal([...all].filter((id) => !ids.includes(id) && !ids.includes(id.split('.')[0]!)).length);
    // T1040 is written under two tactics: one technique, both entries kept.
    const t1040 = comparison!.techniques.find((t) => t.id === 'T1040')!;
    expect(t1040.entries.map((entry) => entry.tactic)).to.deep.equal(['credential-access', 'discovery']);
    expect(t1040.reportedAs).to.deep.equal(['credential-access, discovery score 1']);
  });

  // ATT&CK's group layers write a technique once per tactic, each with the same score and comment, as
  // center-for-threat-informed-defense/cloud-analytics' docs/TeamTNT_Adversary_Emulation/TeamTNT_G0139.json (commit
  // 15714acf238d542246a64f75062effe2d358adcd, "TeamTNT (G0139)", ATT&CK 10, format 4.3) does: our own fixture in its shape,
  // with comments of our own. The "in the layer" column said each annotation once per tactic.
  it('says an annotation written under several tactics once, after its tactics (a group layer of ATT&CK 10: TeamTNT)', async () => {
    const entry = (techniqueID: string, tactic: string, comment: string) => ({ techniqueID, tactic, score: 1, color: '', comment, enabled: true, metadata: [], links: [], showSubtechniques: false });
    const file = writeLayer({
      name: 'TeamTNT (G0139)',
      versions: { attack: '10', navigator: '4.5.5', layer: '4.3' },
      domain: 'enterprise-attack',
      description: 'Enterprise techniques used by TeamTNT, ATT&CK group G0139 v1.0',
      techniques: [
        entry('T1543.003', 'persistence', 'TeamTNT installed its miner as a service.'),
        entry('T1543.003', 'privilege-escalation', 'TeamTNT installed its miner as a service.'),
        entry('T1610', 'defense-evasion', 'TeamTNT deployed containers.'),
        entry('T1610', 'execution', 'TeamTNT ran its tools in containers.'),
      ],
    }, 'TeamTNT_G0139.json');
    const result = await runCli(['compare', file, '--json']);
    expect(result.code, result.stderr).to.equal(0);
    const [comparison] = (JSON.parse(result.stdout) as { comparisons: LayerComparison[] }).comparisons;
    expect(comparison!.object.id).to.equal('G0139');
    expect(comparison!.techniques.map((t) => [t.id, t.reportedAs])).to.deep.equal([
      ['T1543.003', ['persistence, privilege-escalation score 1 "TeamTNT installed its miner as a service."']],
      ['T1610', ['defense-evasion score 1 "TeamTNT deployed containers."', 'execution score 1 "TeamTNT ran its tools in containers."']],
    ]);
    // Each entry is still the layer's, tactic by tactic.
    expect(comparison!.techniques[0]!.entries.map((e) => e.tactic)).to.deep.equal(['persistence', 'privilege-escalation']);
  });

  it("reads OpenCTI's export of an entity's TTPs: named by an alias (Fancy Bear is G0007), colour-only entries compared, a null ID not placed", async () => {
    // The layout of OpenCTI-Platform/connectors' export-ttps-file-navigator (src/export-ttps-file-navigator.py,
    // build_layer, commit 0cf6d0af8da59247ea1811078ffca4e1896abcfb, Apache-2.0): the entity's name, ATT&CK 14, an empty
    // description, one entry per attack pattern coloured #e60d0d with no score or tactic, its x_mitre_id null for a
    // pattern ATT&CK does not have.
    const entry = (techniqueID: string | null) => ({ techniqueID, color: '#e60d0d', comment: '', enabled: true, metadata: [], links: [], showSubtechniques: false });
    const file = writeLayer({
      name: 'Fancy Bear',
      versions: { attack: '14', navigator: '4.9.1', layer: '4.5' },
      domain: 'enterprise-attack',
      description: '',
      sorting: 0,
      techniques: [entry('T1566.001'), entry('T1059'), entry(null), entry('T1486')],
    }, 'opencti.json');
    const result = await runCli(['compare', file, '--json']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.include('compared with group G0007 APT28, the one ATT&CK group, campaign or software the layer\'s name and description name ("Fancy Bear")');
    const { comparisons, unplaced } = JSON.parse(result.stdout) as { comparisons: LayerComparison[]; unplaced: string[] };
    const uses = await objectTechniques('G0007');
    expect(comparisons[0]!.techniques.map((t) => [t.id, t.status === 'attributed'])).to.deep.equal(['T1059', 'T1486', 'T1566.001'].map((id) => [id, uses.has(id)]));
    expect(unplaced).to.deep.equal([`${file}: /techniques/2: techniqueID null is not a technique ID; removed; the entry is kept as it was in the comparison layer's metadata ("left out by compare")`]);
  });

  it('finds the software a layer names with its version written without ".0" (lockbit 3 black is S1202 LockBit 3.0), not another minor version', async () => {
    // The layout of fragkiskosk/LOCKBIT-3-BLACK-MITRE-TTP's layer.json (commit 9e5e0e1a41556b8e471f99eb26b342d8abad3ee1,
    // Navigator 5.1.1, ATT&CK 17): named "layer", described only as "lockbit 3 black", one entry per tactic of each
    // technique with sub-techniques, nothing but showSubtechniques set. Written here in our own words, with a few of
    // its techniques; the repository states no licence.
    const entry = (techniqueID: string, tactic: string) => ({ techniqueID, tactic, color: '', comment: '', enabled: true, metadata: [], links: [], showSubtechniques: true });
    const lockbit = (description: string) => ({
      name: 'layer',
      versions: { attack: '17', navigator: '5.1.1', layer: '4.5' },
      domain: 'enterprise-attack',
      description,
      layout: { layout: 'side', expandedSubtechniques: 'all' },
      techniques: [entry('T1486', 'impact'), entry('T1490', 'impact'), entry('T1078', 'initial-access')],
    });
    const file = writeLayer(lockbit('lockbit 3 black'), 'lockbit.json');
    const result = await runCli(['compare', file, '--json']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include('compared with software S1202 LockBit 3.0, the one ATT&CK group, campaign or software the layer\'s name and description name ("lockbit 3")');
    // Its entries only expand sub-techniques: the comparison is empty, and stderr says why.
    expect(result.stderr).to.include(`warning: ${file}: its 3 entries say nothing to compare: no score above 0, colour, comment, metadata or links (at most showSubtechniques, which only expands a technique); score or colour the techniques the layer means`);
    expect((JSON.parse(result.stdout) as { comparisons: LayerComparison[] }).comparisons[0]!.counts.reported).to.equal(0);
    // One coloured entry is compared, and the others pass in silence beside it.
    const coloured = lockbit('lockbit 3 black');
    coloured.techniques[0]!.color = '#e60d0d';
    const one = await runCli(['compare', writeLayer(coloured, 'lockbit-coloured.json'), '--json']);
    expect(one.code, one.stderr).to.equal(0);
    expect(one.stderr).to.not.include('nothing to compare');
    expect((JSON.parse(one.stdout) as { comparisons: LayerComparison[] }).comparisons[0]!.techniques.map((t) => t.id)).to.deep.equal(['T1486']);
    // Another minor version is another release of the software, not this one.
    const other = await runCli(['compare', writeLayer(lockbit('LockBit 3.5 builder leak'), 'lockbit-3.5.json'), '--json']);
    expect(other.code).to.equal(2);
    expect(other.stderr).to.include('its name and description name no ATT&CK group, campaign or software');
  });

  // DeTT&CT's group layers name their group only in the description, as given on dettect.py's command line and
  // lower-cased (`group(s): g0007`), which compare took for prose: "names no ATT&CK group", exit 2. Layouts in our own
  // words after rabobank-cdc/DeTTECT (GPL-3.0): the layer group_mapping.py's generate_group_heat_map and
  // navigator_layer.py's get_layer_template_groups write (named `Attack - <platforms>`, format 4.3, a score per
  // technique counting the groups that use it on a gradient 0..max, metadata naming the group, an unscored parent entry
  // with showSubtechniques), the group administration layer of its threat-actor-data,
  // `20220223-MITRE-Engenuity/attack_mitre-engenuity-(15-most-observed-techniques).json` (commit 357773b4, a group of its
  // own with weights up to 2410), and the format 2.2 layers of its pre-sub-techniques data, `20190829-Kaspersky/
  // Kaspersky Incident Response report 2018.json` (domain mitre-enterprise, one entry per tactic, `-Groups` metadata).
  it("reads DeTT&CT's group layers: the groups its description lists, lower-cased; a group of its own needs --with; its old formats upgraded", async () => {
    const layer = (name: string, description: string, version: Record<string, unknown>, entries: Array<[string, number, string?]>, group: string) => ({
      name,
      ...version,
      description,
      filters: { platforms: ['Windows', 'Linux', 'macOS'] },
      sorting: 3,
      hideDisabled: false,
      techniques: entries.map(([techniqueID, score, tactic]) => ({ techniqueID, ...(tactic ? { tactic } : {}), score, metadata: [{ name: '-Group', value: group }], showSubtechniques: false })),
      gradient: { colors: ['#ffcece', '#ff0000'], minValue: 0, maxValue: Math.max(...entries.map(([, score]) => score)) },
      legendItems: [{ label: 'Tech. not often used', color: '#ffcece' }, { label: 'Tech. used frequently', color: '#ff0000' }],
    });
    const current = { versions: { navigator: '4.5', layer: '4.3' }, domain: 'enterprise-attack' };
    const used: Array<[string, number]> = [['T1566.001', 1], ['T1059.001', 1], ['T1003.001', 1], ['T1105', 1]];
    const uses = await objectTechniques('G0007');
    for (const listed of ['g0007', 'fancy bear', 'apt28']) {
      const value = layer('Attack - Windows, Linux, macOS', `stage: attack | platform(s): Windows, Linux, macOS | group(s): ${listed} | overlay group(s): `, current, used, 'APT28');
      (value.techniques as unknown[]).push({ techniqueID: 'T1566', showSubtechniques: true });
      const file = writeLayer(value, `dettect-${listed.replace(' ', '-')}.json`);
      const result = await runCli(['compare', file, '--json']);
      expect(result.code, `${listed}: ${result.stderr}`).to.equal(0);
      expect(result.stderr).to.include(`compared with group G0007 APT28, the one ATT&CK group, campaign or software the layer's name and description name ("${listed}")`);
      const [comparison] = (JSON.parse(result.stdout) as { comparisons: LayerComparison[] }).comparisons;
      expect(comparison!.techniques.map((t) => [t.id, t.status === 'attributed'])).to.deep.equal(['T1003.001', 'T1059.001', 'T1105', 'T1566.001'].map((id) => [id, uses.has(id)]));
    }
    // An overlay's groups are not the layer's; two groups are several, and --with chooses.
    const two = writeLayer(layer('Attack - Windows', 'stage: attack | platform(s): Windows | group(s): g0007, g0016 | overlay group(s): g0050', current, used, 'APT28, APT29'), 'dettect-two.json');
    const several = await runCli(['compare', two]);
    expect([several.code, several.stderr]).to.satisfy(([code, stderr]: [number, string]) => code === 2 && stderr.includes('several ATT&CK objects (G0007 APT28, group; G0016 APT29, group)'));

    // A group administration file's group of its own names no ATT&CK group: --with says which to compare with.
    const engenuity = writeLayer(
      layer('Attack - all', 'stage: attack | platform(s): all | group(s): MITRE Engenuity (15 Most Observed Techniques) | overlay group(s): ', current, [['T1053', 2410], ['T1059', 1577], ['T1105', 91]], 'MITRE Engenuity'),
      'dettect-engenuity.json',
    );
    expect((await runCli(['compare', engenuity])).code).to.equal(2);
    const withGroup = await runCli(['compare', engenuity, '--with', 'G0007', '--json']);
    expect(withGroup.code, withGroup.stderr).to.equal(0);
    expect((JSON.parse(withGroup.stdout) as { comparisons: LayerComparison[] }).comparisons[0]!.counts.reported).to.equal(3);

    // Format 2.2, mitre-enterprise, an entry per tactic, revoked IDs: upgraded and compared, each technique once.
    const old = { version: '2.2', domain: 'mitre-enterprise' };
    const kaspersky = writeLayer(
      { ...layer('Kaspersky Incident Response report 2018', 'stage: attack | group(s): Kaspersky Incident Response report 2018 | overlay group(s): ', old, [['T1086', 20, 'execution'], ['T1053', 20, 'execution'], ['T1053', 20, 'persistence'], ['T1105', 10, 'command-and-control']], 'Kaspersky'), filters: { stages: ['act'], platforms: ['windows', 'linux', 'mac'] } },
      'dettect-2.2.json',
    );
    const upgraded = await runCli(['compare', kaspersky, '--with', 'apt28', '--json']);
    expect(upgraded.code, upgraded.stderr).to.equal(0);
    expect(upgraded.stderr).to.include('T1086 (PowerShell) is revoked; replaced by T1059.001');
    expect((JSON.parse(upgraded.stdout) as { comparisons: LayerComparison[] }).comparisons[0]!.techniques.map((t) => t.id)).to.deep.equal(['T1053', 'T1059.001', 'T1105']);
  });

  it('reads a layer from standard input: an attack-object layer against its own object is all attributed, its parent-only entries not counted', async () => {
    const layer = (await runCli(['attack-object', 'G0050'])).stdout;
    const result = await runCli(['compare', '-', '--json'], {}, { stdin: layer });
    expect([result.code, hasStackTrace(result.stderr)]).to.deep.equal([0, false]);
    const [comparison] = (JSON.parse(result.stdout) as { comparisons: LayerComparison[] }).comparisons;
    const uses = await objectTechniques('G0050');
    expect(comparison!.object.id).to.equal('G0050');
    expect(comparison!.counts).to.include({ reported: uses.size, attributed: uses.size, related: 0, new: 0, unmentioned: 0 });
    expect(comparison!.layer.leftOut).to.deep.equal([]);
  });

  // `--with "Cobalt Strike"` for Sandworm Team's ICS layer said to check the spelling, `--with S0405` for an enterprise
  // campaign offered enterprise's S0005, S0045, …: both objects are of another domain than the layer's or campaign's.
  it('says which domain has an object --with names that the layer\'s or campaign\'s domain lacks (S0154 for an ICS layer, S0405 for an enterprise campaign), exit 1', async () => {
    const dir = freshTmpDir('compare-other-domain');
    expect((await runCli(['attack-object', 'G0034', '--domain', 'ics', '--out', dir, '-q'])).code).to.equal(0);
    const file = join(dir, 'G0034-sandworm-team.layer.json');
    const layer = await runCli(['compare', file, '--with', 'Cobalt Strike']);
    expect([layer.code, layer.stdout]).to.deep.equal([1, '']);
    expect(layer.stderr).to.equal(
      `attack-layers compare: ${file}: --with "Cobalt Strike" is S0154 Cobalt Strike (software) of ATT&CK enterprise-attack 18.1; the layer is of ics-attack 18.1: ` +
        'compare it with a group, campaign or software of ics-attack\n',
    );
    const campaign = await runCli(['compare', 'campaigns/apt32-covid19-wuhan.yaml', '--with', 'S0405']);
    expect([campaign.code, campaign.stdout]).to.deep.equal([1, '']);
    expect(campaign.stderr).to.equal(
      'attack-layers compare: campaigns/apt32-covid19-wuhan.yaml: --with "S0405" is S0405 Exodus (software) of ATT&CK mobile-attack 18.1; ' +
        'the campaign is of enterprise-attack 18.1: compare it with a group, campaign or software of enterprise-attack\n',
    );
  });

  it('takes a layer saved under another extension than .json (apt28.layer) as a layer, not as a campaign to refuse', async () => {
    const file = writeLayer(tropChaudLayer(APT28_ENTRIES), 'apt28.layer');
    const result = await runCli(['compare', file, '--json']);
    expect([result.code, hasStackTrace(result.stderr)]).to.deep.equal([0, false]);
    expect((JSON.parse(result.stdout) as { comparisons: LayerComparison[] }).comparisons[0]!.layer.source).to.equal(file);
  });

  it('leaves out disabled entries and entries scored 0 with nothing else, listing why; a 0 with a comment counts; a tactic the technique lacks is reported', async () => {
    const layer = tropChaudLayer(APT28_ENTRIES) as { techniques: Array<Record<string, unknown>> };
    const entry = (id: string) => layer.techniques.find((e) => e['techniqueID'] === id)!;
    entry('T1113')['enabled'] = false;
    entry('T1005')['score'] = 0;
    Object.assign(entry('T1057'), { score: 0, comment: 'through its software only' });
    entry('T1083')['tactic'] = 'exfiltration';
    const file = writeLayer(layer);
    const result = await runCli(['compare', file, '--json']);
    expect(result.code).to.equal(0);
    const [comparison] = (JSON.parse(result.stdout) as { comparisons: LayerComparison[] }).comparisons;
    expect(comparison!.layer.leftOut).to.deep.equal([
      { techniqueID: 'T1005', tactic: 'collection', reason: 'score 0 and nothing else annotated: a technique not used' },
      { techniqueID: 'T1113', tactic: 'collection', reason: 'disabled (enabled: false): its author switched it off' },
    ]);
    const ids = comparison!.techniques.map((t) => t.id);
    expect(ids).to.include.members(['T1057', 'T1083']).and.not.include.members(['T1005', 'T1113']);
    expect(result.stderr).to.include('/techniques/6: T1083 (File and Directory Discovery) is not under exfiltration in enterprise-attack 18.1; the annotation moved to discovery');
    const { upgrades } = JSON.parse(result.stdout) as { upgrades: Array<{ source: string; changes: string[] }> };
    expect(upgrades[0]!.changes).to.include('/techniques/6: T1083 (File and Directory Discovery) is not under exfiltration in enterprise-attack 18.1; the annotation moved to discovery');
    const text = await runCli(['compare', file]);
    expect(text.stdout).to.include('2 entries of the layer not compared:\n  T1005 (collection): score 0 and nothing else annotated: a technique not used\n  T1113 (collection): disabled');
  });

  // README, "compare <layer>": a layer of `attack-object` is one compare reads. APT29's (G0016) describes the campaigns
  // ATT&CK 18.1 attributes to it, C0023 and C0024, and the SolarWinds Compromise's (C0024) the group it is attributed
  // to: both exited 2 asking for --with, as APT28's did for C0051.
  it("compares attack-object's layer of a group or campaign with the one object its name names, its description naming others", async () => {
    const cases: ReadonlyArray<[id: string, others: string]> = [
      ['G0016', 'C0023 Operation Ghost, campaign; C0024 SolarWinds Compromise, campaign'],
      ['C0024', 'G0016 APT29, group'],
      ['G0007', 'C0051 APT28 Nearest Neighbor Campaign, campaign'],
    ];
    for (const [id, others] of cases) {
      const object = await runCli(['attack-object', id, '--quiet']);
      const file = writeLayer(JSON.parse(object.stdout), `${id}.json`);
      const result = await runCli(['compare', file, '--json']);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.match(new RegExp(`the one ATT&CK group, campaign or software the layer's name names \\("[^"]+"; its description also names ${others}\\); --with compares it with another`));
      const [comparison] = (JSON.parse(result.stdout) as { comparisons: LayerComparison[] }).comparisons;
      // What a group's layer leaves out are its campaigns' techniques (attack-object without --campaigns): those alone are not mentioned.
      expect([comparison!.object.id, comparison!.counts.new, comparison!.unmentioned.filter((t) => !t.campaigns).length]).to.deep.equal([id, 0, 0]);
    }
  });

  it('needs --with for a layer that names no ATT&CK object (Navigator\'s Bear_APT.json), or several, exit 2', async () => {
    const none = await runCli(['compare', 'test/fixtures/layers/public/navigator-bear-apt.json']);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.include('nothing to compare layer "*Bear APTs" with: its name and description name no ATT&CK group, campaign or software; pass --with');
    const several = await runCli(['compare', writeLayer(tropChaudLayer(APT28_ENTRIES, 'APT28 and APT29'))]);
    expect(several.code).to.equal(2);
    expect(several.stderr).to.match(/its name and description name several ATT&CK objects \(G0007 APT28, group; G0016 APT29, group\); pass --with/);
  });

  it("--out keeps the layer's tactics, scores and comments in the comparison layer, coloured by status, and it validates", async () => {
    const dir = freshTmpDir('compare-layer');
    const out = join(dir, 'cmp.layer.json');
    const result = await runCli(['compare', 'test/fixtures/layers/public/navigator-bear-apt.json', '--with', 'Fancy Bear', '--out', out]);
    expect(result.code).to.equal(0);
    const layer = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
    expect(layer.name).to.equal('*Bear APTs vs APT28 (G0007)');
    const source = JSON.parse(readFileSync('test/fixtures/layers/public/navigator-bear-apt.json', 'utf8')) as NavigatorLayer;
    const written = source.techniques!.find((entry) => entry.comment && entry.techniqueID === 'T1547.001')!;
    const kept = layer.techniques!.filter((entry) => entry.techniqueID === 'T1547.001' && entry.comment?.includes(`the layer: ${written.comment!.trim()}`));
    expect(kept, 'T1547.001 keeps its comment').to.have.length.above(0);
    expect(kept[0]!.metadata?.[0]).to.deep.equal({ name: 'status', value: 'attributed' });
    expect(kept[0]!.color).to.equal('#8ec843');
    expect(layer.legendItems!.map((item) => item.label)).to.include('in ATT&CK for APT28, not in the layer');
  });

  // Navigator 5.1 reads a layer without a gradient on its own (gradient.ts at 0454b41d: red-green over 0..100,
  // mitre-attack/attack-navigator nav-app/src/app/classes/gradient.ts) and colours every score on it as it opens the
  // layer (view-model.ts deserialize -> updateGradient at fa7a6017). The comparison layer kept the scores and left
  // the gradient out: a DeTT&CT count of 1244 was off the scale (17 warnings of validate on our own layer), and a
  // 99.7 of a 0..1000 layer fell in the last step, where getHexColor throws and the layer does not open.
  it("--out keeps the layer's gradient with its scores: a DeTT&CT layer of counts up to 4210 validates, a 99.7 on 0..1000 opens", async () => {
    const dir = freshTmpDir('compare-layer');
    const dettect = 'test/fixtures/layers/public/dettect-group-counts-4.3.json';
    const out = join(dir, 'fin7.layer.json');
    expect((await runCli(['compare', dettect, '--with', 'FIN7', '--out', out, '--quiet'])).code).to.equal(0);
    const layer = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    const source = JSON.parse(readFileSync(dettect, 'utf8')) as NavigatorLayer;
    expect(layer.gradient).to.deep.equal(source.gradient);
    const scores = layer.techniques!.flatMap((entry) => (typeof entry.score === 'number' ? [entry.score] : []));
    expect(Math.max(...scores)).to.equal(4210);
    expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);

    const wide = tropChaudLayer([['T1059.001', 'execution'], ['T1566.001', 'initial-access']]) as { techniques: Array<{ score: number }>; gradient: { maxValue: number } };
    wide.techniques[0]!.score = 99.7;
    wide.techniques[1]!.score = 500;
    wide.gradient.maxValue = 1000;
    const wideOut = join(dir, 'wide.layer.json');
    expect((await runCli(['compare', writeLayer(wide), '--out', wideOut, '--quiet'])).code).to.equal(0);
    const compared = JSON.parse(readFileSync(wideOut, 'utf8')) as NavigatorLayer;
    expect(compared.gradient).to.deep.include({ minValue: 0, maxValue: 1000 });
    expect(compared.techniques!.filter((entry) => entry.score !== undefined).map((entry) => [entry.techniqueID, entry.score])).to.deep.equal([
      ['T1059.001', 99.7],
      ['T1566.001', 500],
    ]);
    expect(validateLayer(compared, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
  });

  it('lists entries of techniques the release does not have as not compared, keeps them in the layer, and --strict exits 1', async () => {
    const dir = freshTmpDir('compare-layer');
    const out = join(dir, 'cmp.layer.json');
    const args = ['compare', 'test/fixtures/layers/navigator/Bear_APT.json', '--with', 'G0007', '--out', out];
    const result = await runCli([...args, '--json']);
    expect(result.code).to.equal(0);
    const { unplaced } = JSON.parse(result.stdout) as { unplaced: string[] };
    expect(unplaced.some((line) => line.startsWith('test/fixtures/layers/navigator/Bear_APT.json: /techniques/46: T1043 (Commonly Used Port) is deprecated'))).to.equal(true);
    const layer = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    expect(layer.metadata!.some((item) => 'name' in item && item.name === 'left out by compare' && item.value.includes('T1043'))).to.equal(true);
    const strict = await runCli([...args, '--force', '--strict']);
    expect(strict.code).to.equal(1);
    expect(strict.stderr).to.include('--strict: layer ');
    expect(strict.stdout).to.include('of the layer not compared: not placed on a technique of the release:');
  });

  // compare read a layer in its own domain whatever --domain said: a layer of enterprise-attack compared with
  // --domain mobile ran in enterprise, and a layer that states no domain was read as enterprise with --domain mobile.
  // Layers in our own words after tropChaud's actor layers (named after the object, score 1 per technique).
  it('--domain supplies the domain of a layer that states none; one that states another is refused naming both, exit 2', async () => {
    const mobile = { name: 'Pegasus for iOS', versions: { layer: '4.5' }, techniques: [{ techniqueID: 'T1404', score: 1 }, { techniqueID: 'T1430', score: 1 }] };
    const unstated = writeLayer(mobile, 'pegasus.json');
    const read = await runCli(['compare', unstated, '--domain', 'mobile', '--json']);
    expect(read.code, read.stderr).to.equal(0);
    const [comparison] = (JSON.parse(read.stdout) as { comparisons: LayerComparison[] }).comparisons;
    expect([comparison!.attack.domain, comparison!.object.id, comparison!.counts.attributed]).to.deep.equal(['mobile-attack', 'S0289', 2]);
    expect(read.stderr).to.contain('/domain: missing; read as "mobile-attack", the domain --domain gives');

    const stated = writeLayer({ ...mobile, domain: 'enterprise-attack' }, 'pegasus-enterprise.json');
    const refused = await runCli(['compare', stated, '--domain', 'mobile']);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.contain(
      `--domain mobile-attack disagrees with the domain the layer states: enterprise-attack (${stated}); leave --domain out to read a layer in its own domain, or give a layer of mobile-attack`,
    );
    expect(hasStackTrace(refused.stderr)).to.equal(false);
    // A --domain the layer agrees with changes nothing.
    const agreed = await runCli(['compare', stated, '--domain', 'enterprise', '--with', 'G0007', '--json']);
    expect(agreed.code, agreed.stderr).to.equal(0);
    expect((JSON.parse(agreed.stdout) as { comparisons: LayerComparison[] }).comparisons[0]!.attack.domain).to.equal('enterprise-attack');
  });
});
