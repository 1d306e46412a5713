import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { CAMPAIGN_COLOR, validateLayer, type NavigatorLayer } from '../../lib/index.js';
import { freshTmpDir, hasStackTrace, loadRelease, repoRoot, runCli, stixDir, stixFile, testCacheDir } from '../helpers/attack.js';
import { rawAttackId, rawUses } from '../helpers/raw-uses.js';
import type { RawStixObject } from '../helpers/attack.js';

function layerOf(text: string): NavigatorLayer {
  return JSON.parse(text) as NavigatorLayer;
}

/**
 * The current techniques that the current campaigns attributed to a group use in a domain and the group does not,
 * read straight from the 18.1 bundle, as mitreattack-python's get_techniques_used_by_group and attack.mitre.org add them.
 */
function campaignOnlyTechniques(domain: 'enterprise' | 'mobile' | 'ics', groupId: string): string[] {
  const raw = rawUses(stixFile(`${domain}-attack-18.1.json.gz`));
  const group = [...raw.objects.values()].find((o) => o.type === 'intrusion-set' && rawAttackId(o) === groupId);
  if (!group) return [];
  const current = (o: RawStixObject | undefined): o is RawStixObject => o !== undefined && !o['revoked'] && !o['x_mitre_deprecated'];
  const used = (sources: ReadonlySet<string>): Set<string> =>
    new Set(raw.uses.filter((r) => sources.has(String(r['source_ref']))).map((r) => raw.objects.get(String(r['target_ref']))).filter(current).map((t) => rawAttackId(t)!));
  const campaigns = raw.attributions
    .filter((r) => r['target_ref'] === group.id && current(raw.objects.get(String(r['source_ref']))))
    .map((r) => String(r['source_ref']));
  const own = used(new Set([group.id]));
  return [...used(new Set(campaigns))].filter((id) => !own.has(id)).sort();
}

describe('attack-layers attack-object', () => {
  it('prints the layer of one group as JSON on stdout, found by ID, name or alias alike', async () => {
    const byId = await runCli(['attack-object', 'G0050']);
    expect([byId.code, byId.stderr]).to.deep.equal([0, '']);
    const layer = layerOf(byId.stdout);
    expect(layer.name).to.equal('APT32 (G0050)');
    expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
    const byName = await runCli(['attack-object', 'apt32']);
    expect(byName.stdout).to.equal(byId.stdout);
    const byAlias = await runCli(['attack-object', 'OceanLotus']);
    expect(byAlias.stdout).to.equal(byId.stdout);
    expect(byAlias.stderr).to.equal('note: "OceanLotus" is an alias of G0050 APT32\n');
    expect((await runCli(['attack-object', 'OceanLotus', '-q'])).stderr).to.equal('');
  });

  it('writes the layers of G1028 (mobile) and G0088 (ICS and enterprise) in the domains where they have techniques', async () => {
    // Expected from the raw 18.1 bundles: the current techniques each group `uses` in each domain.
    const expected = (domain: string, id: string): string[] => {
      const raw = rawUses(stixFile(`${domain}-attack-18.1.json.gz`));
      const group = [...raw.objects.values()].find((o) => o.type === 'intrusion-set' && rawAttackId(o) === id);
      if (!group) return [];
      const targets = raw.uses.filter((r) => r['source_ref'] === group.id).map((r) => raw.objects.get(String(r['target_ref'])));
      return [...new Set(targets.filter((t) => t && !t['revoked'] && !t['x_mitre_deprecated']).map((t) => rawAttackId(t)!))].sort();
    };
    const out = freshTmpDir('by-domain');
    const result = await runCli(['attack-object', 'G1028', 'G0088', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    const files = readdirSync(out).sort();
    const scored = (file: string): string[] =>
      (layerOf(readFileSync(join(out, file), 'utf8')).techniques ?? []).filter((t) => t.score === 1).map((t) => t.techniqueID).sort();
    const domainOf = (file: string): string => layerOf(readFileSync(join(out, file), 'utf8')).domain;
    const byDomain = Object.fromEntries(files.map((file) => [file, domainOf(file)]));
    for (const [id, domain] of [['G1028', 'mobile'], ['G1028', 'ics'], ['G1028', 'enterprise'], ['G0088', 'mobile'], ['G0088', 'ics'], ['G0088', 'enterprise']] as const) {
      const want = expected(domain, id);
      const file = files.find((f) => f.startsWith(id) && byDomain[f] === `${domain}-attack`);
      if (!want.length) {
        expect(file, `${id} has no ${domain} techniques, so no ${domain} layer`).to.equal(undefined);
        continue;
      }
      expect(file, `${id} ${domain}`).to.be.a('string');
      expect(scored(file!)).to.deep.equal(want);
    }
    expect(expected('mobile', 'G1028').length).to.be.greaterThan(0);
    expect(expected('ics', 'G0088').length).to.be.greaterThan(0);
    expect(files.some((f) => f.startsWith('G1028') && byDomain[f] === 'enterprise-attack')).to.equal(false);
    for (const file of files) {
      const layer = layerOf(readFileSync(join(out, file), 'utf8'));
      expect(validateLayer(layer, { attackFor: (domain) => loadRelease('18.1', domain) }), file).to.deep.equal([]);
    }
  });

  it('reports a revoked group and renders its replacement', async () => {
    const result = await runCli(['attack-object', 'APT34', '--domain', 'enterprise']);
    expect(result.code).to.equal(0);
    expect(result.stderr.split('\n')[0]).to.equal('note: G0057 APT34 was revoked by G0049 OilRig in ATT&CK 18.1; using G0049');
    expect(layerOf(result.stdout).name).to.equal('OilRig (G0049)');
    // Without --domain, OilRig's ICS techniques get a layer of their own.
    const both = await runCli(['attack-object', 'APT34']);
    expect((JSON.parse(both.stdout) as NavigatorLayer[]).map((l) => [l.name, l.domain])).to.deep.equal([
      ['OilRig (G0049)', 'enterprise-attack'],
      ['OilRig (G0049)', 'ics-attack'],
    ]);
    expect(both.stderr).to.contain('note: G0049 OilRig has techniques in enterprise-attack 18.1 and ics-attack 18.1: one layer for each');
  });

  it('exits 1 for an unknown name, with the closest names and no stack trace', async () => {
    const result = await runCli(['attack-object', 'Ocean Lotos']);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.equal('');
    expect(result.stderr).to.equal('attack-layers attack-object: no group, software or campaign "Ocean Lotos" in ATT&CK enterprise-attack 18.1; did you mean G0050 APT32 (alias OceanLotus)?\n');
    expect(hasStackTrace(result.stderr)).to.equal(false);
  });

  // `Brute Ratel` offered "S0110 at" first, the two letters inside "Ratel"; `PlugX RAT` was refused, offering S0013 PlugX.
  it('reads a short form and a vendor suffix with a note (Brute Ratel, PlugX RAT)', async () => {
    const short = await runCli(['attack-object', 'Brute Ratel']);
    expect(short.code).to.equal(0);
    expect(short.stderr).to.contain('note: "Brute Ratel" is read as S1063 Brute Ratel C4 (short for Brute Ratel C4; no other name holds it)\n');
    expect(layerOf(short.stdout).name).to.equal(layerOf((await runCli(['attack-object', 'S1063'])).stdout).name);
    const suffixed = await runCli(['attack-object', 'PlugX RAT']);
    expect(suffixed.code).to.equal(0);
    expect(suffixed.stderr).to.contain('note: "PlugX RAT" is read as S0013 PlugX ("RAT" left out)\n');
    expect(layerOf(suffixed.stdout).name).to.equal(layerOf((await runCli(['attack-object', 'PlugX'])).stdout).name);
  });

  // A technique ID got "did you mean S1059 metaMain, C0059 …, G0059 Magic Hound", IDs that only share its digits.
  it('exits 1 for a technique or tactic ID, saying what it is (attack-object, compare --with)', async () => {
    const name = 'name one by its ATT&CK ID, name or alias (G0050, APT32, S0227, C0021)';
    const asked: Array<[argv: string[], said: string]> = [
      [['attack-object', 'T1059'], '"T1059" is the technique T1059 Command and Scripting Interpreter (`attack-layers technique T1059` shows it), not a group, software or campaign'],
      [['attack-object', 'ta0001'], '"ta0001" is the tactic TA0001 Initial Access, not a group, software or campaign'],
      // A sub-technique with its parent, as normalize names it ("T1566.001 Spearphishing Attachment" lost the parent).
      [['attack-object', 'T1059.001', '--type', 'group'], '"T1059.001" is the technique T1059.001 Command and Scripting Interpreter: PowerShell (`attack-layers technique T1059.001` shows it), not a group'],
      [['attack-object', 'T1566.001'], '"T1566.001" is the technique T1566.001 Phishing: Spearphishing Attachment (`attack-layers technique T1566.001` shows it), not a group, software or campaign'],
      [['compare', 'campaigns/apt32-covid19-wuhan.yaml', '--with', 'T9999'], '"T9999" is a technique ID (`attack-layers technique T9999` looks it up), not a group, software or campaign'],
    ];
    for (const [argv, said] of asked) {
      const result = await runCli([...argv, '-q']);
      expect([result.code, result.stdout, result.stderr]).to.deep.equal([1, '', `attack-layers ${argv[0]}: ${said}; ${name}\n`]);
    }
  });

  // Public actor tables write `Sandworm (G0034)`; ATT&CK's name is Sandworm Team, and the pair was refused.
  it('reads an ID with a short form of its name by the ID, saying the name on stderr (G0034 Sandworm)', async () => {
    const result = await runCli(['attack-object', 'G0034 Sandworm', '--domain', 'enterprise', '--campaigns']);
    expect([result.code, layerOf(result.stdout).name]).to.deep.equal([0, 'Sandworm Team (G0034)']);
    expect(result.stderr).to.equal('note: "G0034 Sandworm" is read by its ID as G0034 Sandworm Team ("Sandworm" short for Sandworm Team)\n');
  });

  it('exits 1 for a name of both a group and a software, listing both; --type decides', async () => {
    const ambiguous = await runCli(['attack-object', 'Carbanak']);
    expect(ambiguous.code).to.equal(1);
    expect(ambiguous.stderr).to.include('G0008 Carbanak (group), S0030 Carbanak (software)');
    const software = await runCli(['attack-object', 'Carbanak', '--type', 'software']);
    expect(software.code).to.equal(0);
    expect(layerOf(software.stdout).name).to.equal('Carbanak (S0030)');
  });

  it('finds a mobile object without --domain and says so; refuses mixing domains in one frequency layer (exit 2)', async () => {
    const mobile = await runCli(['attack-object', 'S0405']);
    expect(mobile.code).to.equal(0);
    expect(layerOf(mobile.stdout).domain).to.equal('mobile-attack');
    expect(mobile.stderr).to.include('found in mobile-attack 18.1');
    expect((await runCli(['attack-object', 'S0405', '--domain', 'mobile'])).stdout).to.equal(mobile.stdout);
    const mixed = await runCli(['attack-object', 'G0050', 'S0405', '-q', '--score', 'frequency']);
    expect(mixed.code).to.equal(2);
    expect(mixed.stderr).to.include('a layer has one domain');
  });

  it('says which --domain has an object the --domain given does not (S0405 --domain enterprise: mobile), exit 1', async () => {
    const result = await runCli(['attack-object', 'S0405', '--domain', 'enterprise']);
    expect([result.code, result.stdout]).to.deep.equal([1, '']);
    expect(result.stderr).to.equal(
      'attack-layers attack-object: "S0405" is not in ATT&CK enterprise-attack 18.1; it is S0405 Exodus (software) in mobile-attack 18.1 (give --domain mobile to use it)\n',
    );
  });

  it('prints a JSON array for several objects, and writes them as files with --out', async () => {
    const both = await runCli(['attack-object', 'G0050', 'G0007']);
    expect((JSON.parse(both.stdout) as NavigatorLayer[]).map((l) => l.name)).to.deep.equal(['APT32 (G0050)', 'APT28 (G0007)']);
    const out = freshTmpDir('objects');
    const written = await runCli(['attack-object', 'G0050', 'G0007', '--out', out]);
    expect(written.stdout).to.equal(`${out}/G0050-apt32.layer.json\n${out}/G0007-apt28.layer.json\n`);
  });

  it('writes one frequency layer for several objects with --score frequency, named by --name', async () => {
    const out = freshTmpDir('objects');
    const result = await runCli(['attack-object', 'APT28', 'APT29', 'APT32', '--score', 'frequency', '--name', 'Three groups', '--out', out]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.equal(`${out}/three-groups.layer.json\n`);
    const layer = layerOf(readFileSync(join(out, 'three-groups.layer.json'), 'utf8'));
    expect([layer.name, layer.gradient?.maxValue]).to.deep.equal(['Three groups', 3]);
  });

  // Of 40 named groups, T1105's tooltip held 34 groups' procedures (4,534 characters, 103 metadata items), about three
  // 1080p screens in Navigator 5.1; it names the first 20 now, and stderr says which techniques do, and where the rest are.
  it('says on stderr which entries of many named objects name their first 20 users only, and where the procedures are', async () => {
    const groups = ['G0007', 'G0016', 'G0050', 'G0010', 'G0032', 'G0034', 'G0035', 'G0045', 'G0046', 'G0047', 'G0049', 'G0059', 'G0060', 'G0061', 'G0064', 'G0067', 'G0069', 'G0073', 'G0080', 'G0081', 'G0082', 'G0087', 'G0091', 'G0092', 'G0093', 'G0094', 'G0095', 'G0096', 'G0098', 'G0099', 'G0100', 'G0102', 'G0106', 'G0108', 'G0114', 'G0115', 'G0117', 'G0119', 'G0121', 'G0125'];
    const result = await runCli(['attack-object', ...groups, '--score', 'frequency']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.include(
      'warning: 52 techniques (T1003.001, T1005, T1012, T1016, T1018, T1021.001, T1021.002, T1027.010, T1027.013, T1033 and 42 more) would have a tooltip taller than a 1080p screen in Navigator ' +
        "with every user's procedures: each names the first 20 users by ID and counts the rest; the procedures of each are in its own layer (attack-object <ID>).",
    );
    const t1105 = layerOf(result.stdout).techniques!.find((e) => e.techniqueID === 'T1105')!;
    expect(t1105.comment).to.match(/, and 14 more \(the first 20 by ID named\)\.$/);
  });

  // A red team's emulation set of two actors: APT29's SolarWinds Compromise (C0024) and Lazarus Group's Operation Dream
  // Job (C0022) are where ATT&CK documents most of what they did, and attack.mitre.org's group pages and mitreattack-python's
  // get_techniques_used_by_group count them. `--campaigns --score frequency` exited 2 ("use it without --score
  // frequency"), and without it the layer left their 53 and 26 techniques out without a word.
  it('counts each group\'s campaigns in a frequency layer with --campaigns, and says what it leaves out without', async () => {
    const without = await runCli(['attack-object', 'APT29', 'Lazarus Group', '--score', 'frequency']);
    expect(without.code).to.equal(0);
    const leftOut = '53 techniques used only in the 2 campaigns ATT&CK attributes to APT29 (G0016) (C0023 Operation Ghost, C0024 SolarWinds Compromise) are not counted for it; --campaigns counts them';
    expect(without.stderr).to.include(`note: ${leftOut}`).and.include('note: 26 techniques used only in the 1 campaign ATT&CK attributes to Lazarus Group (G0032) (C0022 Operation Dream Job)');
    expect(layerOf(without.stdout).description).to.include(leftOut);
    expect(layerOf(without.stdout).techniques!.some((e) => e.techniqueID === 'T1195.002')).to.equal(false);

    const withCampaigns = await runCli(['attack-object', 'APT29', 'Lazarus Group', '--score', 'frequency', '--campaigns']);
    expect([withCampaigns.code, withCampaigns.stderr]).to.deep.equal([0, '']);
    const layer = layerOf(withCampaigns.stdout);
    expect(layer.metadata).to.deep.include({ name: 'campaigns included', value: 'G0016 APT29: C0023 Operation Ghost, C0024 SolarWinds Compromise; G0032 Lazarus Group: C0022 Operation Dream Job' });
    // 138 techniques of the two groups themselves, 193 with their campaigns'.
    expect(layer.techniques!.filter((e) => e.score).length).to.equal(193);
    const supplyChain = layer.techniques!.find((e) => e.techniqueID === 'T1195.002')!;
    expect(supplyChain.score).to.equal(1);
    expect(supplyChain.comment).to.match(/^used by 1 of 2: APT29 \(G0016\) \| \[G0016\] in C0024 SolarWinds Compromise: During the SolarWinds Compromise, APT29 /);
    expect(supplyChain.metadata).to.deep.include({ name: 'campaign', value: 'C0024 SolarWinds Compromise' });
  });

  // A red team emulating APT29 on a Windows network plans what runs there; attack-object had no platform option
  // (`--platform Windows`: "unknown option --platform"), and the layer set no platform filter.
  it('keeps only the techniques of --platform, sets the layer\'s platform filter and names what it leaves out', async () => {
    const result = await runCli(['attack-object', 'APT29', '--platform', 'windows', '--campaigns']);
    expect([result.code, result.stderr]).to.deep.equal([0, '']);
    const layer = layerOf(result.stdout);
    expect(layer.filters).to.deep.equal({ platforms: ['Windows'] });
    const scoredIds = layer.techniques!.filter((e) => e.score).map((e) => e.techniqueID);
    // 119 with its campaigns; T1021.007 Remote Services: Cloud Services runs on IaaS, SaaS, Office Suite, Identity Provider.
    expect(scoredIds).to.have.length(94).and.include('T1195.002').and.not.include('T1021.007');
    expect(layer.description).to.include("Only techniques that run on Windows (the layer's platform filter): 25 techniques of other platforms left out (T1021.007, T1037.004,");
    // Of its campaigns' 53, 44 run on Windows: 50 + 44 are the 94 above.
    const own = await runCli(['attack-object', 'APT29', '--platform', 'Windows']);
    expect(layerOf(own.stdout).techniques!.filter((e) => e.score)).to.have.length(50);
    expect(own.stderr).to.include('note: 44 techniques used only in the 2 campaigns ATT&CK attributes to APT29 (G0016)');
    const frequency = await runCli(['attack-object', 'APT29', 'FIN7', '--score', 'frequency', '--platform', 'Linux,Windwos', '-q']);
    expect(layerOf(frequency.stdout).filters).to.deep.equal({ platforms: ['Linux', 'Windows'] });
    const unknown = await runCli(['attack-object', 'APT29', '--platform', 'Android']);
    expect([unknown.code, unknown.stderr]).to.deep.equal([2, 'attack-layers attack-object: "Android" is not a platform of ATT&CK enterprise-attack 18.1; give one of "Containers", "ESXi", "IaaS", "Identity Provider", "Linux", "Network Devices", "Office Suite", "PRE", "SaaS", "Windows", "macOS"\nRun `attack-layers attack-object --help` for usage.\n']);
  });

  it('names a frequency layer without --name by its IDs as --all names files (G0007-G0050-frequency.layer.json)', async () => {
    const out = freshTmpDir('objects');
    const result = await runCli(['attack-object', 'APT28', 'g0050', '--score', 'frequency', '--out', out, '-q']);
    expect([result.code, result.stdout]).to.deep.equal([0, `${out}/G0007-G0050-frequency.layer.json\n`]);
  });

  it('--campaigns adds the techniques of the campaigns attributed to a group', async () => {
    const plain = JSON.parse((await runCli(['attack-object', 'G0016'])).stdout) as NavigatorLayer;
    const result = await runCli(['attack-object', 'G0016', '--campaigns']);
    expect(result.code).to.equal(0);
    const layer = JSON.parse(result.stdout) as NavigatorLayer;
    expect(layer.techniques!.length).to.be.greaterThan(plain.techniques!.length);
    const included = layer.metadata!.find((m) => 'name' in m && m.name === 'campaigns included') as { value: string };
    expect(included.value).to.match(/^C\d{4} .+(, C\d{4} .+)*$/);
  });

  // mitreattack-python's MitreAttackData.get_techniques_used_by_group (mitreattack/stix20/MitreAttackData.py) adds the
  // techniques of the campaigns attributed to a group: for APT29 in 18.1, those of Operation Ghost and the SolarWinds
  // Compromise. A layer without them says how many it leaves out, in its description and on stderr.
  it('says, without --campaigns, how many techniques only the campaigns attributed to the group use (G0016; none for G0050)', async () => {
    const plain = await runCli(['attack-object', 'G0016']);
    const withCampaigns = JSON.parse((await runCli(['attack-object', 'G0016', '--campaigns'])).stdout) as NavigatorLayer;
    const onlyInCampaigns = withCampaigns.techniques!.filter((entry) => entry.color === CAMPAIGN_COLOR).length;
    const included = withCampaigns.metadata!.find((m) => 'name' in m && m.name === 'campaigns included') as { value: string };
    expect(onlyInCampaigns).to.be.greaterThan(0);
    const line = `${onlyInCampaigns} techniques used only in the 2 campaigns ATT&CK attributes to APT29 (G0016) (${included.value}) are not in this layer; --campaigns adds them`;
    expect(plain.stderr).to.include(`note: ${line}`);
    expect(layerOf(plain.stdout).description).to.include(line);
    expect((await runCli(['attack-object', 'G0050'])).stderr).not.to.include('--campaigns adds them');
  });

  it("names the domain of each layer's note on its campaigns when there are several layers (G0034: enterprise and ICS)", async () => {
    const result = await runCli(['attack-object', 'G0034']);
    const layers = JSON.parse(result.stdout) as NavigatorLayer[];
    const notes = result.stderr.split('\n').filter((line) => line.includes('--campaigns adds them'));
    const counted = layers
      .map((layer) => [layer.domain, /^(\d+ techniques used only in .*) are not in this layer/m.exec(layer.description ?? '')?.[1]] as const)
      .filter(([, line]) => line !== undefined);
    expect(counted.length).to.be.greaterThan(1);
    expect(notes).to.have.length(counted.length);
    for (const [domain, line] of counted) expect(notes.some((note) => note.startsWith(`note: ${domain} 18.1: ${line}`)), `${domain}: ${line}`).to.equal(true);
  });

  // attack.mitre.org gives PROMETHIUM (G0056) a mobile layer (G0056-mobile-layer.json, built by mitre-attack/attack-website's
  // modules/groups/groups.py and modules/util/buildhelpers.py get_navigator_layers) holding the mobile techniques of
  // C0033, the campaign attributed to it; G0056 uses no mobile technique itself. Its layer here without --campaigns is
  // enterprise only, and said nothing of them.
  it('says, without --campaigns, how many techniques its campaigns use in a domain where it uses none itself (G0056: mobile)', async () => {
    const expected = campaignOnlyTechniques('mobile', 'G0056');
    expect(expected.length).to.be.greaterThan(0);
    const result = await runCli(['attack-object', 'G0056']);
    const layer = layerOf(result.stdout);
    expect(layer.domain).to.equal('enterprise-attack');
    const line = `${expected.length} techniques used only in the 1 campaign ATT&CK attributes to PROMETHIUM (G0056) (C0033) are in mobile-attack 18.1, where it uses none itself and has no layer; --campaigns adds that layer`;
    expect(result.stderr).to.include(`note: ${line}`);
    expect(layer.description).to.include(line);
    const mobile = (JSON.parse((await runCli(['attack-object', 'G0056', '--campaigns'])).stdout) as NavigatorLayer[]).find((l) => l.domain === 'mobile-attack')!;
    expect(mobile.techniques!.filter((t) => t.score === 1).map((t) => t.techniqueID).sort()).to.deep.equal(expected);
  });

  // With --attack-release 17.1, of which only enterprise is here (mobile and ICS have 18.1), Sandworm Team's mobile and
  // ICS layers were left out without a word; APT29, with no technique in either, gets no such note.
  it('says which domains lack the release asked for and get no layer of an object that uses techniques there (G0034, 17.1)', async () => {
    const result = await runCli(['attack-object', 'G0034', '--attack-release', '17.1']);
    expect([result.code, layerOf(result.stdout).domain]).to.deep.equal([0, 'enterprise-attack']);
    expect(result.stderr).to.match(
      /^note: no mobile-attack or ics-attack layer of G0034 Sandworm Team, which uses techniques in mobile-attack 18\.1 and ics-attack 18\.1: ATT&CK mobile-attack 17\.1 is not available \(have: [^)]*\); run `attack-layers data fetch --domain mobile --attack-release 17\.1` or point --attack at the file; ATT&CK ics-attack 17\.1 is not available .*$/m,
    );
    expect((await runCli(['attack-object', 'G0016', '--attack-release', '17.1'])).stderr).not.to.include('no mobile-attack');
  });

  // `--platform Linux` said "C0033 uses no technique in enterprise-attack 18.1, mobile-attack 18.1" of the campaign
  // whose 20 mobile techniques run on Android and iOS, and nothing of Sandworm Team's mobile and ICS layers left out on
  // Windows (mobile 18.1's techniques run on Android or iOS, ICS 18.1's on "None").
  it('says an object uses none of its techniques on the platforms asked for, not none at all (C0033 on Linux, G0034 on Windows)', async () => {
    const c0033 = await runCli(['attack-object', 'C0033', '--platform', 'Linux']);
    expect(c0033.stderr).to.equal('warning: C0033 uses no technique that runs on Linux in mobile-attack 18.1 (20 techniques, all of other platforms): its layer is empty\n');
    const sandworm = await runCli(['attack-object', 'G0034', '--platform', 'Windows']);
    expect(layerOf(sandworm.stdout).domain).to.equal('enterprise-attack');
    expect(sandworm.stderr).to.match(
      /^note: G0034 Sandworm Team uses no technique that runs on Windows in mobile-attack 18\.1 \(\d+ techniques?, all of other platforms\) or ics-attack 18\.1 \(\d+ techniques?, all of other platforms\): no layer for those domains$/m,
    );
  });

  it('counts an object named twice once, and says so', async () => {
    const result = await runCli(['attack-object', 'APT32', 'G0050', '--score', 'frequency']);
    expect(result.stderr).to.include('note: "G0050" is G0050 APT32 again; counted once');
    expect(layerOf(result.stdout).gradient?.maxValue).to.equal(1);
  });

  describe('--all groups', () => {
    let out: string;
    let first: { code: number; stdout: string; stderr: string };
    before(async () => {
      out = join(freshTmpDir('all-groups'), 'groups');
      first = await runCli(['attack-object', '--all', 'groups', '--out', out]);
    });
    const files = () => readdirSync(out).sort();

    it('writes one layer per current group, lists the files on stdout and the skipped groups on stderr', () => {
      const groups = [...rawUses(stixFile('enterprise-attack-18.1.json.gz')).objects.values()].filter((o) => o.type === 'intrusion-set');
      const current = groups.filter((o) => !o['revoked'] && !o['x_mitre_deprecated']);
      // Groups only the mobile or ICS bundle has get a layer too.
      const elsewhere = ['mobile', 'ics'].flatMap((d) => [...rawUses(stixFile(`${d}-attack-18.1.json.gz`)).objects.values()])
        .filter((o) => o.type === 'intrusion-set' && !o['revoked'] && !o['x_mitre_deprecated']).map((o) => rawAttackId(o)!);
      expect(first.code).to.equal(0);
      const files = readdirSync(out).sort();
      expect([...new Set(files.map((f) => f.split(/[-.]/)[0]))]).to.deep.equal([...new Set([...current.map((o) => rawAttackId(o)!), ...elsewhere])].sort());
      expect(first.stdout.trim().split('\n').sort()).to.deep.equal(files.map((f) => `${out}/${f}`));
      const revoked = groups.filter((o) => o['revoked']).length;
      const deprecated = groups.filter((o) => !o['revoked'] && o['x_mitre_deprecated']).length;
      expect(first.stderr).to.match(new RegExp(`^wrote ${files.length} group layers for ATT&CK enterprise-attack 18\\.1, mobile-attack 18\\.1, ics-attack 18\\.1 into ${out}; skipped ${revoked} revoked \\(G0042, .*\\) and ${deprecated} deprecated \\(G0014, `));
      expect(layerOf(readFileSync(join(out, 'G0050-apt32.layer.json'), 'utf8')).name).to.equal('APT32 (G0050)');
      expect(first.stderr).to.match(/\nnote: \d+ group layers \(G\d{4}, .*G0016.*\) leave out techniques used only in the campaigns .*--campaigns adds them\n/);
    });

    // The note said "3 with no techniques (G0017 (G0017 DragonOK uses no technique in enterprise-attack 18.1), …)".
    it('names each empty layer once, with the domain where its object uses no technique (G0017 DragonOK, G1027 CyberAv3ngers in ICS)', () => {
      const empty = files().filter((file) => !layerOf(readFileSync(join(out, file), 'utf8')).techniques?.length);
      expect(empty.map((file) => file.split('-')[0])).to.include.members(['G0017', 'G1027']);
      const note = /; (\d+) empty \((.*)\)\n/.exec(first.stderr);
      expect(note?.[1]).to.equal(String(empty.length));
      expect(note?.[2]).to.include('G0017 DragonOK uses no technique in enterprise-attack 18.1, ').and.include('G1027 CyberAv3ngers uses no technique in ics-attack 18.1');
      expect(note?.[2]).to.not.include('(G0017');
    });

    // The groups whose layer on attack.mitre.org (which always adds the campaigns) has techniques theirs here lack, in
    // any domain, read from the raw bundles: 19 in 18.1, PROMETHIUM (G0056) by its mobile ones alone.
    it('names every group whose campaigns use techniques it does not, in any domain', () => {
      const groups = new Set<string>();
      for (const domain of ['enterprise', 'mobile', 'ics'] as const) {
        const raw = rawUses(stixFile(`${domain}-attack-18.1.json.gz`));
        for (const o of raw.objects.values()) {
          if (o.type === 'intrusion-set' && !o['revoked'] && !o['x_mitre_deprecated'] && campaignOnlyTechniques(domain, rawAttackId(o)!).length) groups.add(rawAttackId(o)!);
        }
      }
      expect(groups.has('G0056')).to.equal(true);
      expect(first.stderr).to.include(`\nnote: ${groups.size} group layers (${[...groups].sort().join(', ')}) leave out techniques used only in the campaigns`);
    });

    it('overwrites nothing without --force (exit 2), and rewrites the same bytes with it', async () => {
      const before = readFileSync(join(out, 'G0001-axiom.layer.json'), 'utf8');
      writeFileSync(join(out, 'G0050-apt32.layer.json'), 'keep me\n');
      const refused = await runCli(['attack-object', '--all', 'groups', '--out', out]);
      expect(refused.code).to.equal(2);
      expect(refused.stderr).to.include(`${join(out, 'G0050-apt32.layer.json')} already exists with other content; pass --force to overwrite it`);
      expect(readFileSync(join(out, 'G0050-apt32.layer.json'), 'utf8')).to.equal('keep me\n');
      const forced = await runCli(['attack-object', '--all', 'groups', '--out', out, '--force', '-q']);
      expect([forced.code, forced.stderr]).to.deep.equal([0, '']);
      expect(readFileSync(join(out, 'G0001-axiom.layer.json'), 'utf8')).to.equal(before);
      expect(readFileSync(join(out, 'G0050-apt32.layer.json'), 'utf8')).to.equal((await runCli(['attack-object', 'G0050'])).stdout);
    });
  });

  it('shows progress on stderr in a terminal only, and not with --quiet', async () => {
    const runTty = async (args: string[]) => {
      let stderr = '';
      // Imported as runCli does, so that the commands it loads share one copy of the library with it.
      const { run } = await import('../../lib/cli/run.js');
      const code = await run(args, {
        stdout: { write: () => true },
        stderr: { write: (chunk: string) => (stderr += chunk), isTTY: true },
        env: { ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: dirname(testCacheDir()) },
        cwd: repoRoot,
      });
      return { code, stderr };
    };
    const tty = await runTty(['attack-object', '--all', 'campaigns', '--out', freshTmpDir('tty')]);
    expect(tty.code).to.equal(0);
    expect(tty.stderr).to.include('\r\x1b[Krendering 1/');
    // The progress line is cleared before the first message: a warning (C0034's T0895, which ICS 18.1 gives no platforms) or the summary.
    expect(tty.stderr).to.match(/\r\x1b\[K(warning: [^\n]*\n)*wrote \d+ campaign layers for ATT&CK enterprise-attack 18\.1/);
    const quiet = await runTty(['attack-object', '--all', 'campaigns', '--out', freshTmpDir('tty'), '-q']);
    expect([quiet.code, quiet.stderr]).to.deep.equal([0, '']);
    const piped = await runCli(['attack-object', '--all', 'campaigns', '--out', freshTmpDir('tty')]);
    expect(piped.stderr).to.not.include('rendering');
  });

  it('--all groups --score frequency --platform IaaS names the groups with no technique there apart, and counts the others', async () => {
    const result = await runCli(['attack-object', '--all', 'groups', '--score', 'frequency', '--platform', 'IaaS']);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('note: '));
    expect(lines[0]).to.equal('note: 4 current groups of enterprise-attack 18.1 use no technique there and are not counted (G0017 DragonOK, G0055 NEODYMIUM, G0088 TEMP.Veles, G1028 APT-C-23)');
    const off = /^note: (\d+) current groups of enterprise-attack 18\.1 use no technique that runs on IaaS and are not counted \(G0002 Moafee, /.exec(lines[1] ?? '');
    expect(off, lines[1]).to.not.equal(null);
    expect(layerOf(result.stdout).gradient!.maxValue).to.equal(168 - Number(off![1]));
  });

  it('--all groups --score frequency writes one layer over every current group, not a layer per group', async () => {
    const out = freshTmpDir('all-frequency');
    const result = await runCli(['attack-object', '--all', 'groups', '--score', 'frequency', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(readdirSync(out)).to.deep.equal(['groups-frequency.layer.json']);
    expect(result.stdout).to.equal(`${out}/groups-frequency.layer.json\n`);
    expect(result.stderr).to.equal(
      'note: 4 current groups of enterprise-attack 18.1 use no technique there and are not counted (G0017 DragonOK, G0055 NEODYMIUM, G0088 TEMP.Veles, G1028 APT-C-23)\n',
    );
    const layer = layerOf(readFileSync(join(out, 'groups-frequency.layer.json'), 'utf8'));
    expect([layer.name, layer.gradient!.maxValue]).to.deep.equal(['ATT&CK groups of enterprise-attack 18.1: technique frequency', 168]);
    // Each comment held every group's procedures (T1105: 85 groups'), a Navigator tooltip taller than a screen.
    const t1105 = layer.techniques!.find((entry) => entry.techniqueID === 'T1105')!;
    expect([t1105.comment!.slice(0, 63), t1105.comment!.slice(-41), t1105.metadata![0]]).to.deep.equal([
      'Used by 85 of 168 groups: G0004 Ke3chang, G0007 APT28, G0010 Tu',
      ', and 65 more (the first 20 by ID named).',
      { name: 'used by', value: '85 of 168 groups' },
    ]);
    const named = await runCli(['attack-object', '--all', 'campaigns', '--score', 'frequency', '--name', 'Campaigns', '--domain', 'ics', '-q']);
    expect([named.code, named.stderr]).to.deep.equal([0, '']);
    expect([layerOf(named.stdout).name, layerOf(named.stdout).domain]).to.deep.equal(['Campaigns', 'ics-attack']);
  });

  describe('usage errors (exit 2)', () => {
    const rows: [args: string[], message: string][] = [
      [[], 'name at least one group, software or campaign'],
      [['--all', 'groups'], '--all groups writes one file per object: give the folder with --out'],
      [['G0050', '--all', 'groups', '--out', 'x'], 'give objects or --all groups, not both'],
      [['G0050', '--name', 'x'], '--name names the frequency layer'],
      [['--all', 'tools', '--out', 'x'], '--all tools: use one of groups, software, campaigns'],
      [['S0030', '--campaigns'], '--campaigns adds the campaigns attributed to a group; S0030 Carbanak (software) is not a group'],
      [['--all', 'groups', '--campaigns', '--score', 'frequency'], '--campaigns is not read by --all groups --score frequency'],
      [['--all', 'software', '--campaigns', '--out', 'x'], 'use it with --all groups, not --all software'],
    ];
    for (const [args, message] of rows) {
      it(`attack-object ${args.join(' ')}`, async () => {
        const result = await runCli(['attack-object', ...args]);
        expect(result.code).to.equal(2);
        expect(result.stderr).to.include(message);
      });
    }
  });
});
