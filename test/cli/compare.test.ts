import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { validateLayer, type CampaignComparison, type NavigatorLayer } from '../../lib/index.js';
import { freshTmpDir, hasStackTrace, loadRelease, runCli } from '../helpers/attack.js';

const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';

describe('attack-layers compare', () => {
  it("compares with the campaign's actor by default, as a table with a summary", async () => {
    const result = await runCli(['compare', APT32]);
    expect([result.code, result.stderr]).to.deep.equal([0, '']);
    const lines = result.stdout.split('\n');
    expect(lines[0]).to.equal(
      'APT32 targets Wuhan government (COVID-19) (campaigns/apt32-covid19-wuhan.yaml) compared with group G0050 APT32, ATT&CK enterprise-attack 18.1',
    );
    expect(lines.find((line) => line.startsWith('T1204 '))).to.match(/related\s+T1204\.001 \(sub-technique\), T1204\.002 \(sub-technique\)\s+User Execution \(T1204\)$/);
    expect(lines.find((line) => line.startsWith('T1566.001 '))).to.match(/attributed\s+T1566\.001\s+Spearphishing Attachment \(T1193\)$/);
    expect(lines.find((line) => line.startsWith('T1573 '))).to.match(/new\s+Standard Cryptographic Protocol \(T1032\)$/);
    expect(result.stdout).to.include('6 reported: 3 attributed, 1 related (a parent or sub-technique is), 2 new\n');
    expect(result.stdout).to.match(/G0050 APT32 uses \d+ techniques in ATT&CK; \d+ not mentioned by the campaign \(--unmentioned lists them\)\n$/);
  });

  // G0063 BlackOasis uses T1027 alone in ATT&CK 18.1: the summary said "uses 1 techniques".
  it("counts an object of one technique in the singular (G0063 BlackOasis), in the summary and the comparison layer's description", async () => {
    const out = join(freshTmpDir('compare-singular'), 'comparison.layer.json');
    const result = await runCli(['compare', APT32, '--with', 'G0063', '--out', out]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/\nG0063 BlackOasis uses 1 technique in ATT&CK; 1 not mentioned by the campaign \(--unmentioned lists them\)\n$/);
    const layer = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    expect(layer.description).to.include("; 1 of the group's 1 technique not mentioned.");
  });

  it('--json gives the comparisons, one per --with object, agreeing with the table', async () => {
    const result = await runCli(['compare', APT32, '--with', 'G0050', 'C0021', '--json']);
    expect(result.code).to.equal(0);
    const { comparisons } = JSON.parse(result.stdout) as { comparisons: CampaignComparison[] };
    expect(comparisons.map((c) => c.object.id)).to.deep.equal(['G0050', 'C0021']);
    expect(comparisons[0]!.counts).to.include({ reported: 6, attributed: 3, related: 1, new: 2 });
    expect(comparisons[0]!.unmentioned).to.have.length(comparisons[0]!.counts.unmentioned);
  });

  it('--unmentioned lists the techniques of the object the campaign does not mention', async () => {
    const json = JSON.parse((await runCli(['compare', APT32, '--json'])).stdout) as { comparisons: CampaignComparison[] };
    const text = (await runCli(['compare', APT32, '--unmentioned'])).stdout;
    for (const technique of json.comparisons[0]!.unmentioned) expect(text).to.match(new RegExp(`^${technique.id.replace('.', '\\.')}\\s+`, 'm'));
  });

  it("uses the campaign's compare_with when --with is not given", async () => {
    const dir = freshTmpDir('compare');
    const file = join(dir, 'with.yaml');
    writeFileSync(file, `${readFileSync(APT32, 'utf8')}\ncompare_with: [C0021]\n`);
    const result = await runCli(['compare', file, '--json']);
    expect((JSON.parse(result.stdout) as { comparisons: CampaignComparison[] }).comparisons.map((c) => c.object.id)).to.deep.equal(['C0021']);
  });

  it('writes a comparison layer with --out that validates, leaves it as it is when the same, and will not overwrite another without --force', async () => {
    const out = join(freshTmpDir('compare'), 'cmp.layer.json');
    const result = await runCli(['compare', APT32, '--out', out]);
    expect(result.code).to.equal(0);
    // stdout is the comparison; the layer's path, which render, combine and export print on stdout, is not said on stderr.
    expect(result.stderr).to.equal('');
    expect(result.stdout).to.not.contain(out);
    const layer = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    expect(layer.name).to.equal('APT32 targets Wuhan government (COVID-19) vs APT32 (G0050)');
    expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
    const same = await runCli(['compare', APT32, '--out', out]);
    expect([same.code, same.stderr]).to.deep.equal([0, `${out}: unchanged, it holds this content already\n`]);
    writeFileSync(out, 'mine\n');
    const refused = await runCli(['compare', APT32, '--out', out]);
    expect([refused.code, refused.stderr]).to.deep.equal([2, `attack-layers compare: ${out} already exists with other content; pass --force to overwrite it\n`]);
    expect((await runCli(['compare', APT32, '--out', out, '--force'])).code).to.equal(0);
  });

  it('exits 1 for an object ATT&CK does not know, with suggestions', async () => {
    const result = await runCli(['compare', APT32, '--with', 'Ocean Lotos']);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('did you mean G0050 APT32');
    expect(hasStackTrace(result.stderr)).to.equal(false);
  });

  // APT29 (G0016) is in enterprise alone and ALLANITE (G1000) in ICS alone (attack-object APT29 --domain ics says so):
  // as a campaign's actor or compare_with of the other domain, they were "check the spelling" or offered the domain's
  // closest names (G0034 Sandworm Team, G0064 APT33, …), as --with was before it said where such an object is.
  it("says which domain has a campaign's compare_with or actor of another domain (APT29 for ICS, ALLANITE for enterprise), at its line, exit 1", async () => {
    const dir = freshTmpDir('compare-other-domain');
    const ics = join(dir, 'ics.yaml');
    writeFileSync(ics, 'name: ICS intrusion\ndomain: ics-attack\nactor: APT29\ntechniques: [T0817]\n');
    const byActor = await runCli(['compare', ics]);
    expect([byActor.code, byActor.stdout]).to.deep.equal([1, '']);
    expect(byActor.stderr).to.equal(
      `warning: ${ics}: line 3: /actor: group "APT29" is G0016 APT29 (group) of ATT&CK enterprise-attack 18.1; the campaign is of ics-attack 18.1: kept as written, with no ATT&CK ID\n` +
        `attack-layers compare: ${ics}: line 3, actor: "APT29" is G0016 APT29 (group) of ATT&CK enterprise-attack 18.1; the campaign is of ics-attack 18.1: ` +
        'compare it with a group, campaign or software of ics-attack\n',
    );
    const listed = join(dir, 'listed.yaml');
    writeFileSync(listed, 'name: ICS intrusion\ndomain: ics-attack\ncompare_with:\n  - Sandworm Team\n  - APT29\ntechniques: [T0817]\n');
    const byList = await runCli(['compare', listed]);
    expect([byList.code, byList.stdout]).to.deep.equal([1, '']);
    expect(byList.stderr).to.equal(
      `attack-layers compare: ${listed}: line 5, compare_with: "APT29" is G0016 APT29 (group) of ATT&CK enterprise-attack 18.1; the campaign is of ics-attack 18.1: ` +
        'compare it with a group, campaign or software of ics-attack\n',
    );
    const enterprise = join(dir, 'enterprise.yaml');
    writeFileSync(enterprise, 'name: Enterprise intrusion\nactor: ALLANITE\ntechniques: [T1566.001]\n');
    const reverse = await runCli(['compare', enterprise]);
    expect(reverse.code).to.equal(1);
    expect(reverse.stderr).to.include(
      `attack-layers compare: ${enterprise}: line 2, actor: "ALLANITE" is G1000 ALLANITE (group) of ATT&CK ics-attack 18.1; the campaign is of enterprise-attack 18.1: ` +
        'compare it with a group, campaign or software of enterprise-attack\n',
    );
  });

  // `Sandworm (G0034)`, as public actor tables write it (ATT&CK's name is Sandworm Team), was refused as an ID and a
  // name of two objects; `G0034 Lazarus` still is, naming G0032 Lazarus Group, which "Lazarus" is short for.
  it('--with an ID and a short form of its name compares with it by the ID and says the name; of another object, exit 1 naming both', async () => {
    const short = await runCli(['compare', 'campaigns/apt32-covid19-wuhan.yaml', '--with', 'Sandworm (G0034)', '-q']);
    expect([short.code, short.stdout.split('\n')[0]]).to.deep.equal([0, 'APT32 targets Wuhan government (COVID-19) (campaigns/apt32-covid19-wuhan.yaml) compared with group G0034 Sandworm Team, ATT&CK enterprise-attack 18.1']);
    const noted = await runCli(['compare', 'campaigns/apt32-covid19-wuhan.yaml', '--with', 'Sandworm (G0034)']);
    expect(noted.stderr).to.include('note: "Sandworm (G0034)" is read by its ID as G0034 Sandworm Team ("Sandworm" short for Sandworm Team)\n');
    const other = await runCli(['compare', 'campaigns/apt32-covid19-wuhan.yaml', '--with', 'G0034 Lazarus', '-q']);
    expect([other.code, other.stdout, other.stderr]).to.deep.equal([
      1,
      '',
      'attack-layers compare: "G0034 Lazarus": the ID is G0034 Sandworm Team (group), the name "Lazarus" short for G0032 Lazarus Group (group), in ATT&CK enterprise-attack 18.1; give the ID or the name alone\n',
    ]);
  });

  // Enterprise keeps S0609 TRITON deprecated, with no technique in 18.1 (ATT&CK added it there by mistake); ICS has
  // S1009 Triton. Compared with it, a campaign or layer is all "new" and the note only said "deprecated", as
  // attack-object's did not: it names ICS's S1009 as attack-object does.
  it('--with a deprecated object names the current one of its name another domain holds, for a campaign and a layer (Triton)', async () => {
    const twin = 'note: S0609 TRITON: S1009 Triton (software) of ics-attack bears its name: `attack-layers attack-object S1009 --domain ics`\n';
    const campaign = await runCli(['compare', 'campaigns/apt32-covid19-wuhan.yaml', '--with', 'Triton']);
    expect([campaign.code, campaign.stderr]).to.deep.equal([0, `note: S0609 TRITON is deprecated in ATT&CK 18.1\n${twin}`]);
    const file = join(freshTmpDir('compare-twin'), 'layer.json');
    writeFileSync(file, JSON.stringify({ name: 'x', domain: 'enterprise-attack', versions: { layer: '4.5', navigator: '5.1.0', attack: '18' }, techniques: [{ techniqueID: 'T1059', score: 1 }] }));
    const layer = await runCli(['compare', file, '--with', 'Triton']);
    expect([layer.code, layer.stderr]).to.deep.equal([0, `note: S0609 TRITON is deprecated in ATT&CK 18.1\n${twin}`]);
  });

  it('exits 2 when there is nothing to compare with', async () => {
    const dir = freshTmpDir('compare');
    const file = join(dir, 'bare.yaml');
    writeFileSync(file, 'name: Bare\ntechniques: [T1566.001]\n');
    const result = await runCli(['compare', file]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.include('nothing to compare campaign bare with: pass --with');
  });
});
