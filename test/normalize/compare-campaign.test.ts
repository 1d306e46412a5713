import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import {
  attributedCampaigns,
  AttackIndex,
  AttackLibrary,
  AttackObjectError,
  campaignReleases,
  compareCampaign,
  comparisonTargets,
  COMPARISON_COLORS,
  indexBundle,
  InputError,
  loadProcedures,
  normalizeCampaign,
  parseCampaign,
  readCampaign,
  renderComparisonLayer,
  resolveAttackObject,
  UsageError,
  validateLayer,
  type CampaignComparison,
  type NormalizedCampaign,
} from '../../lib/index.js';
import { fixtureFile, loadRelease, stixDir, stixFile, testCacheDir } from '../helpers/attack.js';
import { rawObjectById, rawTechniqueIds, rawUses } from '../helpers/raw-uses.js';

let shared: AttackLibrary | undefined;
const library = () => (shared ??= new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }));
const results = new Map<string, NormalizedCampaign>();

function normalized(file: string): NormalizedCampaign {
  let result = results.get(file);
  if (!result) {
    const campaign = readCampaign(file);
    result = normalizeCampaign(campaign, campaignReleases(campaign, library(), '18.1'));
    results.set(file, result);
  }
  return result;
}

function normalizedText(text: string): NormalizedCampaign {
  const campaign = parseCampaign(text, 'campaigns/test.yaml');
  return normalizeCampaign(campaign, campaignReleases(campaign, library(), '18.1'));
}

describe('compareCampaign', () => {
  describe('campaigns/apt32-covid19-wuhan.yaml with G0050, against an independent reading of the bundle', () => {
    const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';

    it('sorts every reported technique into attributed, related (naming the parent or sub-techniques) and new', () => {
      const result = normalized(APT32);
      const index = loadRelease('18.1');
      const comparison = compareCampaign(result, resolveAttackObject(index, 'G0050').object, index);
      const raw = rawUses(stixFile('enterprise-attack-18.1.json.gz'));
      const uses = new Set(rawTechniqueIds(raw, rawObjectById(raw, 'G0050').id));
      const reported = result.techniques.filter((t) => t.observed).map((t) => t.id);
      const expected = reported.map((id) => {
        if (uses.has(id)) return [id, 'attributed', []];
        const related = [
          ...(id.includes('.') && uses.has(id.slice(0, 5)) ? [`${id.slice(0, 5)} parent`] : []),
          ...[...uses].filter((other) => other.startsWith(`${id}.`)).sort().map((other) => `${other} sub-technique`),
        ];
        return [id, related.length ? 'related' : 'new', related];
      });
      expect(comparison.techniques.map((t) => [t.id, t.status, t.related.map((r) => `${r.id} ${r.relation}`)])).to.deep.equal(expected);
      // The report's table: three techniques ATT&CK has for APT32, User Execution only through its sub-techniques, two new.
      expect(comparison.counts).to.include({ reported: 6, attributed: 3, related: 1, new: 2, object: uses.size, inferredOnly: 0 });
    });

    it("lists the group's techniques that the campaign neither reports nor relates to", () => {
      const result = normalized(APT32);
      const index = loadRelease('18.1');
      const comparison = compareCampaign(result, resolveAttackObject(index, 'G0050').object, index);
      const raw = rawUses(stixFile('enterprise-attack-18.1.json.gz'));
      const uses = rawTechniqueIds(raw, rawObjectById(raw, 'G0050').id);
      const reported = result.techniques.filter((t) => t.observed).map((t) => t.id);
      const touched = (id: string) => reported.some((r) => r === id || r === id.slice(0, 5) || id === r.slice(0, 5));
      expect(comparison.unmentioned.map((t) => t.id)).to.deep.equal(uses.filter((id) => !touched(id)));
      expect(comparison.counts.unmentioned).to.equal(comparison.unmentioned.length);
    });

    it('keeps how each technique was reported, and names techniques in full', () => {
      const index = loadRelease('18.1');
      const comparison = compareCampaign(normalized(APT32), resolveAttackObject(index, 'G0050').object, index);
      expect(comparison.techniques.find((t) => t.id === 'T1566.001')).to.deep.include({
        name: 'Phishing: Spearphishing Attachment',
        reportedAs: ['Spearphishing Attachment (T1193)'],
      });
    });
  });

  it("counts techniques only inferred from the campaign's software without comparing them", () => {
    const result = normalized('campaigns/temp-periscope-cambodia-2018.yaml');
    const index = loadRelease('18.1');
    const comparison = compareCampaign(result, resolveAttackObject(index, 'G0065').object, index);
    const inferredOnly = result.techniques.filter((t) => !t.observed);
    expect(inferredOnly).to.have.length.greaterThan(0);
    expect(comparison.counts.inferredOnly).to.equal(inferredOnly.length);
    expect(comparison.techniques.map((t) => t.id)).to.not.include.members(inferredOnly.map((t) => t.id));
  });

  // The library counts a group's campaigns when given them, as the CLI does by default (README, "A group's campaigns").
  it("counts a technique of a campaign attributed to the group as status campaign when given its campaigns (T1195.002, C0024)", () => {
    const index = loadRelease('18.1');
    const result = normalizedText('name: x\nactor: APT29\ntechniques: [T1195.002, T1665]\n');
    const group = resolveAttackObject(index, 'G0016').object;
    const campaigns = attributedCampaigns(group, index, loadProcedures(index, { cacheDir: testCacheDir() }));
    expect(campaigns.map((c) => c.id)).to.deep.equal(['C0023', 'C0024']);
    const statuses = (c: CampaignComparison) => c.techniques.map((t) => [t.id, t.status, t.campaigns.map((x) => x.id)]);
    expect(statuses(compareCampaign(result, group, index))).to.deep.equal([
      ['T1195.002', 'new', []],
      ['T1665', 'attributed', []],
    ]);
    expect(statuses(compareCampaign(result, group, index, { campaigns }))).to.deep.equal([
      ['T1195.002', 'campaign', ['C0024']],
      ['T1665', 'attributed', []],
    ]);
  });

  it('refuses objects of another release than the campaign was normalized against', () => {
    const result = normalized('campaigns/apt32-covid19-wuhan.yaml');
    const file = fixtureFile('enterprise-attack-0.2.json');
    const other = new AttackIndex(indexBundle(JSON.parse(readFileSync(file, 'utf8')), { release: '0.2', source: { file, sha256: 'test' } }));
    expect(() => compareCampaign(result, resolveAttackObject(other, 'G9001').object, other)).to.throw(
      InputError,
      'normalized against ATT&CK enterprise-attack 18.1, not enterprise-attack 0.2',
    );
  });

  it('renders a comparison layer coloured by status that passes validateLayer', () => {
    const index = loadRelease('18.1');
    const comparison = compareCampaign(normalized('campaigns/apt32-covid19-wuhan.yaml'), resolveAttackObject(index, 'G0050').object, index);
    const { layer, warnings } = renderComparisonLayer(comparison, index);
    expect(warnings).to.deep.equal([]);
    const colour = (id: string) => layer.techniques!.find((e) => e.techniqueID === id)?.color;
    expect(colour('T1566.001')).to.equal(COMPARISON_COLORS.attributed);
    expect(colour('T1204')).to.equal(COMPARISON_COLORS.related);
    expect(colour('T1573')).to.equal(COMPARISON_COLORS.new);
    expect(colour(comparison.unmentioned[0]!.id)).to.equal(COMPARISON_COLORS.unmentioned);
    expect(validateLayer(layer, { attackFor: () => index })).to.deep.equal([]);
  });
});

describe('comparisonTargets', () => {
  it('takes the objects given first, then compare_with, then the actor', () => {
    const index = loadRelease('18.1');
    const text = 'name: x\nactor: OceanLotus\ncompare_with: [C0021, APT29]\ntechniques: [T1566.001]\n';
    const ids = (targets: ReturnType<typeof comparisonTargets>) => [targets.from, ...targets.objects.map((t) => t.object.id)];
    expect(ids(comparisonTargets(normalizedText(text), index, ['G0007']))).to.deep.equal(['given', 'G0007']);
    expect(ids(comparisonTargets(normalizedText(text), index))).to.deep.equal(['compare_with', 'C0021', 'G0016']);
    expect(ids(comparisonTargets(normalizedText('name: x\nactor: OceanLotus\n'), index))).to.deep.equal(['actor', 'G0050']);
  });

  // `attack-object` messages write objects as `G0050 APT32` and layers name them `APT32 (G0050)`; an analyst who
  // copies either into a campaign's actor got "not in ATT&CK; kept as written".
  it('reads an actor and software written as an ID with its name (G0050 APT32, Cobalt Strike (S0154))', () => {
    const result = normalizedText('name: x\nactor: G0050 APT32\nsoftware: [Cobalt Strike (S0154)]\ntechniques: [T1566.001]\n');
    expect([result.actor?.id, result.actor?.note]).to.deep.equal(['G0050', 'group G0050 APT32 (written as "G0050 APT32")']);
    expect(result.software.map((s) => s.id)).to.deep.equal(['S0154']);
    expect(normalizedText('name: x\nactor: APT28 (G0050)\n').actor?.id).to.equal(undefined);
  });

  // A campaign file shortens the name beside an ID as reports do (`Sandworm (G0034)`, public actor tables; ATT&CK's
  // name is Sandworm Team): the actor was kept as written, "Sandworm" said to be none of G0034's names, and compare
  // refused the file's compare_with.
  it('reads an actor, software and compare_with written as an ID with a short form of its name by the ID (G0034 Sandworm)', () => {
    const result = normalizedText('name: x\nactor: G0034 Sandworm\nsoftware: [Brute Ratel (S1063)]\ncompare_with: [Sandworm (G0034), C0024 SolarWinds]\ntechniques: [T1566.001]\n');
    expect([result.actor?.id, result.actor?.note, result.actor?.warnings]).to.deep.equal(['G0034', 'group G0034 Sandworm Team (written as "G0034 Sandworm")', []]);
    expect(result.software.map((s) => [s.id, s.note])).to.deep.equal([['S1063', 'software S1063 Brute Ratel C4 (written as "Brute Ratel (S1063)"); 33 documented techniques inferred']]);
    const targets = comparisonTargets(result, loadRelease('18.1'));
    expect(targets.objects.map((t) => [t.object.id, t.notes])).to.deep.equal([
      ['G0034', ['"Sandworm (G0034)" is read by its ID as G0034 Sandworm Team ("Sandworm" short for Sandworm Team)']],
      ['C0024', ['"C0024 SolarWinds" is read by its ID as C0024 SolarWinds Compromise ("SolarWinds" short for SolarWinds Compromise)']],
    ]);
  });

  // attack-object exits 1 on `Mimikatz (S0154)` naming both objects; normalize said only "not in ATT&CK; kept as
  // written", as if the ID were unknown. The ID and the name are each said, and neither is read.
  it('warns of an actor or software whose ID and name are of two objects, naming both (APT28 (G0050), Mimikatz (S0154))', () => {
    const result = normalizedText('name: x\nactor: APT28 (G0050)\nsoftware: [Mimikatz (S0154)]\ntechniques: [T1566.001]\n');
    expect([result.actor?.id, result.software[0]?.id]).to.deep.equal([undefined, undefined]);
    expect([...(result.actor?.warnings ?? []), ...(result.software[0]?.warnings ?? [])]).to.deep.equal([
      '/actor: group "APT28 (G0050)": the ID is G0050 APT32 (group), the name G0007 APT28 (group), in ATT&CK enterprise-attack 18.1; kept as written (write the ID or the name alone)',
      '/software/0: software "Mimikatz (S0154)": the ID is S0154 Cobalt Strike (software), the name S0002 Mimikatz (software), in ATT&CK enterprise-attack 18.1; kept as written (write the ID or the name alone)',
    ]);
  });

  // An analyst's campaign of CISA AA22-321A names the actor and the software Hive, neither an ATT&CK object: the
  // warnings named /actor and /software/0 without the line, where every other campaign warning gives it.
  it('gives the line of an actor or software it warns of, as of a reference (Hive, CISA AA22-321A)', () => {
    const result = normalizedText('name: Hive ransomware\nactor: Hive\ntechniques: [T1486]\nsoftware:\n  - Cobalt Strike\n  - Hive\n');
    expect(result.warnings).to.deep.equal([
      'line 2: /actor: group "Hive" is not in ATT&CK enterprise-attack 18.1; kept as written (check the spelling, or write its ATT&CK ID)',
      'line 6: /software/1: software "Hive" is not in ATT&CK enterprise-attack 18.1; kept as written (check the spelling, or write its ATT&CK ID)',
    ]);
  });

  // CISA's advisories name a version alone ("This advisory uses the MITRE ATT&CK for Enterprise framework, version 12",
  // AA22-321A, Hive): the schema refused `attack_version: 12`, the whole file with it.
  it('reads attack_version 12, as advisories write it, as the newest 12.x at hand, and says when there is none', () => {
    const hive = 'name: Hive\nattack_version: 12\ntechniques: [Indicator Removal on Host (T1070)]\n';
    const read = normalizedText(hive);
    expect([read.attack.source, read.warnings]).to.deep.equal(['12.1', []]);
    expect(normalizedText(hive.replace('12', '"18"')).attack.source).to.equal(undefined);
    expect(normalizedText(hive.replace('12', '13')).warnings).to.deep.equal([
      "attack_version 13: no 13.x release is available, so IDs were read in ATT&CK 18.1 only (get one with `fetchRelease({ version: '13.0' })`, or its last 13.x release)",
    ]);
  });

  // DOE CyOTE's pages of ATT&CK for ICS cases (dark-carbon-code/CyoTE-Tool-Wiz chunks_md/
  // CyOTE_Tool_45__20250623192146__related_cases.md) name [Industroyer](…/software/S0604); extract proposed `software:
  // [Industroyer]` for S0604, and normalize called it ambiguous with S1004, a deprecated duplicate ICS 18.1 keeps.
  it('reads a software name a current object and a deprecated namesake share as the current one (Industroyer in ICS)', () => {
    const result = normalizedText('name: x\ndomain: ics-attack\nsoftware: [Industroyer, CRASHOVERRIDE]\ntechniques: [T0855]\n');
    expect(result.software.map((s) => [s.id, s.warnings])).to.deep.equal([
      ['S0604', []],
      ['S0604', []],
    ]);
    // Named by its ID, the deprecated one is still read, and said to be deprecated, naming the current one of its name.
    expect(normalizedText('name: x\ndomain: ics-attack\nsoftware: [S1004]\ntechniques: [T0855]\n').software.map((s) => [s.id, s.warnings])).to.deep.equal([
      ['S1004', ['/software/0: software S1004 Industroyer is deprecated in ATT&CK 18.1; S0604 Industroyer (software) bears its name']],
    ]);
  });

  // A group under software: (APT29) was "not in ATT&CK enterprise-attack 18.1; check the spelling", or, in an ICS
  // campaign, named as the group it is "of enterprise" with no word that it is a group; software as the actor likewise.
  it('says a group under software:, or software as the actor, is what it is and where it belongs (APT29, ALLANITE, Industroyer)', () => {
    const warnings = (text: string) => normalizedText(text).warnings;
    expect(warnings('name: x\nactor: Cobalt Strike\nsoftware: [APT29, Mimikatz]\ntechniques: [T1059]\n')).to.deep.equal([
      'line 2: /actor: group "Cobalt Strike" is S0154 Cobalt Strike (software) in ATT&CK enterprise-attack 18.1, not a group: kept as written; software belongs under software:',
      'line 3: /software/0: software "APT29" is G0016 APT29 (group) in ATT&CK enterprise-attack 18.1, not software: kept as written; a group belongs under actor:',
    ]);
    expect(warnings('name: x\ndomain: ics-attack\nactor: Industroyer\nsoftware: [ALLANITE, APT29]\ntechniques: [T0817]\n')).to.deep.equal([
      'line 3: /actor: group "Industroyer" is S0604 Industroyer (software) in ATT&CK ics-attack 18.1, not a group: kept as written; software belongs under software:',
      'line 4: /software/0: software "ALLANITE" is G1000 ALLANITE (group) in ATT&CK ics-attack 18.1, not software: kept as written; a group belongs under actor:',
      'line 4: /software/1: software "APT29" is G0016 APT29 (group) of ATT&CK enterprise-attack 18.1; the campaign is of ics-attack 18.1: kept as written, with no ATT&CK ID; a group belongs under actor:',
    ]);
    // ATT&CK 12 made the group G0014 Night Dragon a campaign, C0002: the deprecated group is still the actor, said so.
    expect(warnings('name: x\nactor: Night Dragon\nsoftware: [Night Dragon]\ntechniques: [T1059]\n')).to.deep.equal([
      'line 2: /actor: group G0014 Night Dragon is deprecated in ATT&CK 18.1; C0002 Night Dragon (campaign) bears its name; a campaign belongs under compare_with:',
      'line 3: /software/0: software "Night Dragon" is C0002 Night Dragon (campaign) in ATT&CK enterprise-attack 18.1, not software: kept as written; a campaign belongs under compare_with:',
    ]);
  });

  // software: [G0014] advised "a group belongs under actor:", where ATT&CK made the deprecated group a campaign (C0002).
  it('says a deprecated object of another kind is deprecated, and what bears its name, first (G0014, G0104, Triton)', () => {
    expect(normalizedText('name: x\nactor: Triton\nsoftware: [G0014, G0104]\ntechniques: [T1059]\n').warnings).to.deep.equal([
      'line 2: /actor: group "Triton" is S0609 TRITON, a software deprecated in ATT&CK enterprise-attack 18.1; S1009 Triton (software) of ATT&CK ics-attack 18.1 bears its name: kept as written; software belongs under software:',
      'line 3: /software/0: software "G0014" is G0014 Night Dragon, a group deprecated in ATT&CK enterprise-attack 18.1; C0002 Night Dragon (campaign) bears its name: kept as written; a campaign belongs under compare_with:',
      'line 3: /software/1: software "G0104" is G0104 Sharpshooter, a group deprecated in ATT&CK enterprise-attack 18.1; C0013 Operation Sharpshooter (campaign) bears its name: kept as written; a campaign belongs under compare_with:',
    ]);
  });

  // `PlugX RAT` under software: was "not in ATT&CK enterprise-attack 18.1; check the spelling", as attack-object refused it.
  it('reads a name with a vendor suffix of its field\'s kind, and says what was left out (PlugX RAT, Mimikatz.exe, Turla Group)', () => {
    const result = normalizedText('name: x\nactor: Turla Group\nsoftware: [PlugX RAT, Mimikatz.exe, Turla Group]\ntechniques: [T1059]\n');
    expect(result.actor && [result.actor.id, result.actor.note]).to.deep.equal(['G0010', 'group G0010 Turla (written as "Turla Group", "Group" left out)']);
    expect(result.software.map((s) => [s.id, s.note])).to.deep.equal([
      ['S0013', 'software S0013 PlugX (written as "PlugX RAT", "RAT" left out); 49 documented techniques inferred'],
      ['S0002', 'software S0002 Mimikatz (written as "Mimikatz.exe", ".exe" left out); 17 documented techniques inferred'],
      [undefined, 'software "Turla Group" is G0010 Turla (group) in ATT&CK enterprise-attack 18.1 ("Group" left out), not software: kept as written; a group belongs under actor:'],
    ]);
  });

  // `software: [S0013 PlugX RAT]` was "the name "PlugX RAT" none of its names", `actor: Turla Team` (MISP's threat-actor
  // galaxy's synonym, clusters/threat-actor.json) "not in ATT&CK", and `compare_with: [Lazarus]` refused with did-you-mean.
  it('reads an ID with a suffixed name, "Team" after a group, and a short form to compare with (S0013 PlugX RAT, Turla Team, Lazarus)', () => {
    const result = normalizedText('name: x\nactor: Turla Team\nsoftware: [S0013 PlugX RAT, S0013 Emotet loader]\ncompare_with: [Lazarus]\ntechniques: [T1059]\n');
    expect(result.actor && [result.actor.id, result.actor.note]).to.deep.equal(['G0010', 'group G0010 Turla (written as "Turla Team", "Team" left out)']);
    expect(result.software.map((s) => [s.id, s.note])).to.deep.equal([
      ['S0013', 'software S0013 PlugX (written as "S0013 PlugX RAT"); 49 documented techniques inferred'],
      [undefined, 'software "S0013 Emotet loader": the ID is S0013 PlugX (software), the name S0367 Emotet (software), in ATT&CK enterprise-attack 18.1; kept as written (write the ID or the name alone)'],
    ]);
    expect(comparisonTargets(result, loadRelease('18.1')).objects.map((t) => [t.object.id, t.notes])).to.deep.equal([
      ['G0032', ['"Lazarus" is read as G0032 Lazarus Group (short for Lazarus Group; no other name holds it)']],
    ]);
  });

  // `actor: Lazarus` ("the hacker group known as Lazarus", novinite.com, 2022-04-21; MISP's threat-actor galaxy,
  // MISP/misp-galaxy clusters/threat-actor.json, lists `Sandworm` and `Lazarus Group`) was "not in ATT&CK", though
  // attack-object and compare_with read it as G0032; a campaign's actor: and software: now read a short form the same way.
  it('reads a short form of one object of its kind under actor: and software:, with a warning (Lazarus, Brute Ratel)', () => {
    const result = normalizedText('name: x\nactor: Lazarus\nsoftware: [Brute Ratel, Sandworm Group]\ntechniques: [T1059]\n');
    expect(result.actor && [result.actor.id, result.actor.note]).to.deep.equal([
      'G0032',
      'group G0032 Lazarus Group (written as "Lazarus", short for Lazarus Group; no other name holds it)',
    ]);
    expect(result.software.map((s) => s.id)).to.deep.equal(['S1063', undefined]);
    expect(result.warnings).to.deep.equal([
      'line 2: /actor: group "Lazarus" is read as G0032 Lazarus Group (short for Lazarus Group; no other name holds it)',
      'line 3: /software/0: software "Brute Ratel" is read as S1063 Brute Ratel C4 (short for Brute Ratel C4; no other name holds it)',
      'line 3: /software/1: software "Sandworm Group" is G0034 Sandworm Team (group) in ATT&CK enterprise-attack 18.1 ("Group" left out, short for Sandworm Team), not software: kept as written; a group belongs under actor:',
    ]);
    // S1063's documented techniques come in as for `software: [Brute Ratel C4]`.
    expect(result.references.some((r) => r.status === 'inferred' && r.software?.id === 'S1063')).to.equal(true);
  });

  // `software: [Lazarus]`, `actor: Brute Ratel` were "not in ATT&CK" (check the spelling): they are, as the other kind.
  // Actor tables keep the two apart (ThaiCERT's Threat Group Cards, openhunting-io/openhunting-io threat/yorotrooper.js:
  // "actor" and "tools"), so one under the other's field is misplaced, not a convention: said, not read, as
  // `software: [APT29]` is, since the field is what the file claims (a group's techniques are no software's to infer,
  // and actor: may hold another group already).
  it('says a short form of another kind is that object, and where it belongs (software: [Lazarus], actor: Brute Ratel)', () => {
    const result = normalizedText('name: x\nactor: Brute Ratel\nsoftware: [Lazarus]\ntechniques: [T1059]\n');
    expect([result.actor?.id, ...result.software.map((s) => s.id)]).to.deep.equal([undefined, undefined]);
    expect(result.warnings).to.deep.equal([
      'line 2: /actor: group "Brute Ratel" is S1063 Brute Ratel C4 (software) in ATT&CK enterprise-attack 18.1 (short for Brute Ratel C4), not a group: kept as written; software belongs under software:',
      'line 3: /software/0: software "Lazarus" is G0032 Lazarus Group (group) in ATT&CK enterprise-attack 18.1 (short for Lazarus Group), not software: kept as written; a group belongs under actor:',
    ]);
  });

  it('reads no common English word under actor: as a short form (Midnight: APT29\'s alias Midnight Blizzard)', () => {
    expect(normalizedText('name: x\nactor: Midnight\ntechniques: [T1059]\n').actor?.note).to.equal(
      'group "Midnight" is not in ATT&CK enterprise-attack 18.1; "Midnight" is a common English word, read as no name\'s short form alone: G0016 APT29 (alias Midnight Blizzard) begins with it: kept as written (write the name whole, or its ATT&CK ID)',
    );
  });

  // `actor: APT28 (Fancy Bear)` was "not in ATT&CK": reports name an actor with another of its names beside it.
  it('reads under actor: a name written with another of its names, and refuses two of two objects', () => {
    const result = normalizedText('name: x\nactor: APT28 (Fancy Bear)\ntechniques: [T1059]\n');
    expect([result.actor?.id, result.warnings]).to.deep.equal(['G0007', ['line 2: /actor: group "APT28 (Fancy Bear)" is read as G0007 APT28 ("APT28" and "Fancy Bear" both name it)']]);
    expect(normalizedText('name: x\nactor: APT28 / APT29\ntechniques: [T1059]\n').actor?.note).to.equal(
      'group "APT28 / APT29": "APT28" is G0007 APT28 (group), "APT29" G0016 APT29 (group), in ATT&CK enterprise-attack 18.1: kept as written (give one name, or its ATT&CK ID)',
    );
  });

  // `actor: Gaza` became G0021 Molerats (its alias Gaza Cybergang) with a warning, `actor: Beijing` G0066 Elderwood.
  it('reads no place or people word under actor: as a short form (Gaza, Beijing)', () => {
    const result = normalizedText('name: x\nactor: Gaza\ntechniques: [T1059]\n');
    expect([result.actor?.id, result.actor?.note]).to.deep.equal([
      undefined,
      'group "Gaza" is not in ATT&CK enterprise-attack 18.1; "Gaza" is a city\'s name, read as no name\'s short form alone: G0021 Molerats (alias Gaza Cybergang) begins with it: kept as written (write the name whole, or its ATT&CK ID)',
    ]);
    expect(normalizedText('name: x\nactor: Beijing\ntechniques: [T1059]\n').actor?.id).to.equal(undefined);
  });

  it('reads an actor: without the "The" of an alias (Dukes: APT29\'s alias The Dukes)', () => {
    expect(normalizedText('name: x\nactor: Dukes\ntechniques: [T1059]\n').actor?.note).to.equal(
      'group G0016 APT29 (written as "Dukes", its alias The Dukes, "The" aside; no other name holds it)',
    );
  });

  // `actor: CozyBear` was "S0046 CozyCar (software) ..., not a group", `software: [CL0P]` "not in ATT&CK".
  it('reads under actor: the group a name spaced otherwise is, and a digit written for a letter (CozyBear, CL0P)', () => {
    const result = normalizedText('name: x\nactor: CozyBear\nsoftware: [CL0P]\ntechniques: [T1059]\n');
    expect(result.actor && [result.actor.id, result.actor.note]).to.deep.equal(['G0016', 'group G0016 APT29 (written as "CozyBear", spacing aside)']);
    expect(result.software.map((s) => [s.id, s.note.split(';')[0]])).to.deep.equal([['S0611', 'software S0611 Clop (written as "CL0P", a digit read as the letter it looks like)']]);
  });

  it('refuses under actor: and software: a short form several objects of the kind hold, naming each (Winnti as software)', () => {
    const result = normalizedText('name: x\nactor: Winnti\nsoftware: [Winnti]\ntechniques: [T1059]\n');
    expect(result.actor?.id).to.equal('G0044');
    expect(result.software[0]!.id).to.equal(undefined);
    expect(result.software[0]!.note).to.equal(
      'software "Winnti" is not in ATT&CK enterprise-attack 18.1; its words are in the names of 2: S0141 Winnti for Windows, S0430 Winnti for Linux: kept as written (write the name whole, or its ATT&CK ID)',
    );
  });

  // Enterprise 10.1 to 18.1 keep S0609 TRITON deprecated (ATT&CK added it there by mistake); ICS has S1009 Triton, with
  // TRISIS and HatMan as aliases. `software: [Triton]` in an enterprise campaign was S0609, "deprecated", and in 12.1,
  // where S0609 still uses 5 enterprise techniques, those were inferred with no word that they came from it.
  it("reads Triton in an enterprise campaign as ICS's current S1009, not enterprise's deprecated S0609, inferring nothing", () => {
    const text = 'name: x\nsoftware: [Triton, S0609]\ntechniques: [T1059]\n';
    const now = normalizedText(text);
    expect(now.software.map((s) => [s.id, s.otherDomain])).to.deep.equal([
      [undefined, { id: 'S1009', name: 'Triton', domain: 'ics-attack' }],
      [undefined, { id: 'S1009', name: 'Triton', domain: 'ics-attack' }],
    ]);
    expect(now.warnings[0]).to.equal(
      'line 2: /software/0: software "Triton" is S0609 TRITON (software, deprecated) in ATT&CK enterprise-attack 18.1, which documents no technique of it; ' +
        'S1009 Triton (software) of ATT&CK ics-attack 18.1 bears its name, with 18 techniques of ics-attack: kept as written, with no ATT&CK ID, ' +
        'and no technique is inferred from either in enterprise-attack',
    );
    const campaign = parseCampaign(text, 'campaigns/test.yaml');
    const then = normalizeCampaign(campaign, campaignReleases(campaign, library(), '12.1'));
    expect(then.references.filter((reference) => reference.status === 'inferred')).to.deep.equal([]);
    expect(then.techniques.map((technique) => technique.id)).to.deep.equal(['T1059']);
    expect(then.warnings[0]).to.include('S0609 TRITON (software, deprecated) in ATT&CK enterprise-attack 12.1, which documents 5 techniques of it; S1009 Triton (software) of ATT&CK ics-attack 18.1');
  });

  it('names the campaign file and line of a compare_with entry it cannot resolve', () => {
    const index = loadRelease('18.1');
    const error = (() => {
      try {
        comparisonTargets(normalizedText('name: x\ncompare_with:\n  - C0021\n  - Ocean Lotos\n'), index);
      } catch (e) {
        return e as AttackObjectError;
      }
      throw new Error('expected an error');
    })();
    expect(error).to.be.instanceOf(AttackObjectError);
    expect(error.message).to.match(/^campaigns\/test\.yaml: line 4, compare_with: no group, software or campaign "Ocean Lotos" .*did you mean G0050 APT32/);
  });

  // G0016 APT29 is of enterprise alone: in an ICS campaign's compare_with it is not a misspelling of G0034 Sandworm Team.
  it("says which domain has a compare_with entry of another domain, given the campaign's other releases (APT29 in an ICS campaign)", () => {
    const campaign = parseCampaign('name: x\ndomain: ics-attack\ncompare_with:\n  - G0034\n  - APT29\n', 'campaigns/test.yaml');
    const releases = campaignReleases(campaign, library(), '18.1');
    const result = normalizeCampaign(campaign, releases);
    const error = (() => {
      try {
        comparisonTargets(result, releases.target, [], undefined, releases.otherReleases);
      } catch (e) {
        return e as AttackObjectError;
      }
      throw new Error('expected an error');
    })();
    expect([error.constructor, error.candidates, error.message]).to.deep.equal([
      AttackObjectError,
      ['G0016 APT29 (group)'],
      'campaigns/test.yaml: line 5, compare_with: "APT29" is G0016 APT29 (group) of ATT&CK enterprise-attack 18.1; the campaign is of ics-attack 18.1: ' +
        'compare it with a group, campaign or software of ics-attack',
    ]);
    // Without the other releases, it is an unknown name of ICS, as before.
    expect(() => comparisonTargets(result, releases.target)).to.throw(AttackObjectError, 'line 5, compare_with: no group, software or campaign "APT29" in ATT&CK ics-attack 18.1');
  });

  it("says which domain has an actor of another domain, and keeps it as written (ALLANITE, ICS's, in an enterprise campaign)", () => {
    const result = normalizedText('name: x\nactor: ALLANITE\ntechniques: [T1566.001]\n');
    const note = 'group "ALLANITE" is G1000 ALLANITE (group) of ATT&CK ics-attack 18.1; the campaign is of enterprise-attack 18.1: kept as written, with no ATT&CK ID';
    expect([result.actor?.id, result.actor?.note, result.warnings]).to.deep.equal([undefined, note, [`line 2: /actor: ${note}`]]);
    // Sandworm Team is of both domains: read as the ICS campaign's own.
    expect(normalizedText('name: x\ndomain: ics-attack\nactor: Sandworm Team\ntechniques: [T0817]\n').actor?.id).to.equal('G0034');
  });

  // In ATT&CK 18.1, S0154 Cobalt Strike is enterprise's alone and S0405 Exodus mobile's alone; S0604 Industroyer is of
  // enterprise and ICS, S1006 PLC-Blaster of ICS alone (checked in the releases of ATTACK_STIX_DIR).
  it("says which domain has a software of another domain, and that none of its techniques is inferred (Cobalt Strike in an ICS campaign)", () => {
    const result = normalizedText('name: x\ndomain: ics-attack\nsoftware:\n  - Industroyer\n  - Cobalt Strike\ntechniques: [T0817]\n');
    const note = 'software "Cobalt Strike" is S0154 Cobalt Strike (software) of ATT&CK enterprise-attack 18.1; the campaign is of ics-attack 18.1: ' +
      'kept as written, with no ATT&CK ID, and no technique is inferred from it in ics-attack';
    expect(result.software.map((s) => [s.id, s.otherDomain])).to.deep.equal([
      ['S0604', undefined],
      [undefined, { id: 'S0154', name: 'Cobalt Strike', domain: 'enterprise-attack' }],
    ]);
    expect([result.software[1]!.note, result.warnings]).to.deep.equal([note, [`line 5: /software/1: ${note}`]]);
    // Industroyer, of both domains, is the ICS campaign's own, with its ICS techniques inferred.
    expect(result.references.filter((r) => r.status === 'inferred').every((r) => r.software?.id === 'S0604' && r.ids.every((id) => id.startsWith('T0')))).to.equal(true);
    expect(result.references.some((r) => r.status === 'inferred')).to.equal(true);
  });

  it("says which domain has a software of another domain in an enterprise campaign (Exodus, mobile's; PLC-Blaster, ICS's)", () => {
    const result = normalizedText('name: x\nsoftware: [S0405, PLC-Blaster]\ntechniques: [T1566.001]\n');
    expect(result.warnings).to.deep.equal([
      'line 2: /software/0: software "S0405" is S0405 Exodus (software) of ATT&CK mobile-attack 18.1; the campaign is of enterprise-attack 18.1: ' +
        'kept as written, with no ATT&CK ID, and no technique is inferred from it in enterprise-attack',
      'line 2: /software/1: software "PLC-Blaster" is S1006 PLC-Blaster (software) of ATT&CK ics-attack 18.1; the campaign is of enterprise-attack 18.1: ' +
        'kept as written, with no ATT&CK ID, and no technique is inferred from it in enterprise-attack',
    ]);
    expect(result.references.map((r) => r.status)).to.deep.equal(['current']);
  });

  it('says how to name an object when the campaign has neither compare_with nor an actor', () => {
    expect(() => comparisonTargets(normalizedText('name: x\n'), loadRelease('18.1'))).to.throw(UsageError, 'pass given: the ATT&CK groups, campaigns or software to compare with');
  });
});
