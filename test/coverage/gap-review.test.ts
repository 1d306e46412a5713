/**
 * The gap review against hand-written fixtures (test/fixtures/gap/). Every expected number below was worked out
 * by hand from the fixtures and the formulas (GAP_FORMULAS, SIGMA_WEIGHTS, COVERAGE_WORDS); the arithmetic is in
 * the comments. Sub-technique counts are those of ATT&CK enterprise 18.1 (current, neither revoked nor deprecated).
 *
 * Coverage of the fixtures, rule by rule:
 *   sigma/windows/proc_creation_win_office_macro_child.yml   attack.t1193   stable 1.0 x high 0.9    = 0.9  -> T1566.001
 *   sigma/windows/proc_creation_win_regsvr32_scriptlet.yml   attack.t1117   test 0.8 x high 0.9      = 0.72 -> T1218.010
 *   sigma/windows/ps_script_win_download_cradle.yml          attack.t1086   test 0.8 x medium 0.75   = 0.6  -> T1059.001
 *   sigma/windows/file_event_win_iso_double_click.yml        attack.t1204.002 stable 1.0 x medium 0.75 = 0.75 -> T1204.002
 *   sigma/proxy/proxy_phishing_link_first_visit.yml          attack.t1566.002 experimental 0.6 x low 0.5 = 0.3 -> T1566.002
 *   sigma/linux/proc_creation_lnx_placeholder_tag.yml        attack.t9999   unknown to every release
 *   sigma/windows/registry_set_win_defender_exclusion.yml    attack.t1685   newer than 18.1
 *   sigma/deprecated/net_connection_win_tls_rare_ja3.yml     status deprecated: ignored (would cover T1573.002)
 *   sigma/broken/not_yaml.yml                                 not YAML: invalid
 *   detections.csv   T1095 "20" = 0.2; "Spearphishing Attachment (T1193)" low = 0.25; T1573 none = 0; one row without techniques
 *   detections.yml   T1204.001 medium = 0.5; "Regsvr32 (T1218.010)" 60 = 0.6
 *   detections-broken.csv  row 2 (T1059.001 high) has an unclosed quote: skipped; T1053.005 medium = 0.5
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import type { TechniqueId } from '../../lib/attack/types.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { coverageInput, type CoverageInput } from '../../lib/coverage/coverage-types.js';
import { renderCoverageLayer, renderGapLayer } from '../../lib/coverage/gap-layers.js';
import { formatGapCsv, formatGapMarkdown, gapJson } from '../../lib/coverage/gap-report.js';
import {
  campaignUnresolved,
  resolveCoverage,
  reviewGaps,
  threatFromCampaigns,
  threatFromLayer,
  type GapReview,
  type ResolvedCoverage,
} from '../../lib/coverage/gap-review.js';
import { parseCoverageLayers, readCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { parseRuleFile } from '../../lib/coverage/read-rule-folder.js';
import { parseSentinelExport } from '../../lib/coverage/read-sentinel-export.js';
import { isLayerFile, readCoverageInputs, readThreatInputs } from '../../lib/coverage/read-threat.js';
import { serializeLayer } from '../../lib/layer/serialize-layer.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, readRawBundle, repoRoot, stixDir, stixFile, testCacheDir } from '../helpers/attack.js';
import { libraryOtherDomains } from '../../lib/attack/other-domains.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';

const gap = join(repoRoot, 'test/fixtures/gap');
const apt32 = join(repoRoot, 'campaigns/apt32-covid19-wuhan.yaml');
const coveragePaths = [join(gap, 'sigma'), join(gap, 'detections.csv'), join(gap, 'detections.yml'), join(gap, 'detections-broken.csv')];

describe('gap review (hand-computed against test/fixtures/gap)', () => {
  let library: AttackLibrary;
  let index: AttackIndex;
  let inputs: CoverageInput[];
  let coverage: ResolvedCoverage;
  let review: GapReview;

  const reviewOf = (threatPaths: string[], minCoverage: number): GapReview => {
    const threat = readThreatInputs(threatPaths, library);
    const layers = threat.layers.map((input) => threatFromLayer(input, index));
    return reviewGaps([...threatFromCampaigns(threat.campaigns), ...layers.map((l) => l.source)], coverage, index, {
      minCoverage,
      threatUnresolved: [...campaignUnresolved(threat.campaigns), ...layers.flatMap((l) => l.unresolved)],
    });
  };
  const row = (r: GapReview, id: string) => r.rows.find((x) => x.id === id);

  before(() => {
    library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    index = library.release('enterprise-attack', '18.1');
    inputs = readCoverageInputs(coveragePaths);
    coverage = resolveCoverage(inputs, index);
    review = reviewOf([apt32], 0.5);
  });

  describe('APT32 against the fixtures at --min-coverage 50', () => {
    it('has the six techniques of the campaign, each observed once (threat 1)', () => {
      expect(review.threats).to.deep.equal([{ name: 'APT32 targets Wuhan government (COVID-19)', kind: 'campaign', techniques: 6, platforms: ['Windows'] }]);
      expect(review.rows.map((r) => [r.id, r.threat]).sort()).to.deep.equal(
        [['T1095', 1], ['T1204', 1], ['T1218.010', 1], ['T1566.001', 1], ['T1566.002', 1], ['T1573', 1]],
      );
    });

    // [id, coverage, status, priority, gap], ranked by priority (= threat 1 x (1 - coverage)).
    const expected: [TechniqueId, number, string, number, boolean, string][] = [
      // only the CSV row "TLS to newly registered domains" (none = 0); the Sigma rule for T1573.002 is deprecated
      ['T1573', 0, 'none', 1, true, '0 -> none; 1 x (1 - 0) = 1'],
      ['T1095', 0.2, 'low', 0.8, true, 'CSV 20 -> 0.2 < 0.5; 1 x (1 - 0.2) = 0.8'],
      // no rule for T1204 itself; T1204.001 0.5 (YAML medium), T1204.002 0.75; T1204 has 5 sub-techniques
      ['T1204', 0.25, 'partial', 0.75, true, '(0.5 + 0.75 + 0 + 0 + 0) / 5 = 0.25; 1 x 0.75'],
      ['T1566.002', 0.3, 'low', 0.7, true, 'experimental 0.6 x low 0.5 = 0.3; 1 x 0.7'],
      ['T1218.010', 0.72, 'covered', 0.28, false, 'max(attack.t1117 0.8 x 0.9 = 0.72, YAML 60 -> 0.6) = 0.72; 1 x 0.28'],
      ['T1566.001', 0.9, 'covered', 0.1, false, 'max(attack.t1193 1.0 x 0.9 = 0.9, CSV T1193 low 0.25) = 0.9; 1 x 0.1'],
    ];
    expected.forEach(([id, cov, status, priority, isGap, arithmetic], rank) => {
      it(`${rank + 1}. ${id}: coverage ${cov}, ${status}, priority ${priority}, ${isGap ? 'a gap' : 'not a gap'} (${arithmetic})`, () => {
        const r = review.rows[rank];
        expect(r?.id).to.equal(id);
        expect([r?.coverage, r?.status, r?.priority, review.gaps.includes(r!)]).to.deep.equal([cov, status, priority, isGap]);
      });
    });

    it('lists the gaps in priority order: T1573 1 > T1095 0.8 > T1204 0.75 > T1566.002 0.7', () => {
      expect(review.gaps.map((r) => r.id)).to.deep.equal(['T1573', 'T1095', 'T1204', 'T1566.002']);
    });

    it('keeps every rule of a technique, best first (T1218.010: Sigma 0.72, then the YAML detection 0.6)', () => {
      expect(row(review, 'T1218.010')?.rules.map((r) => [r.name, r.level])).to.deep.equal([
        ['Regsvr32 Loading a Remote Scriptlet', 0.72],
        ['EDR: regsvr32 loading scrobj.dll', 0.6],
      ]);
    });

    it('places T1218.010 under defense-evasion only, and the partial T1204 names its covered sub-techniques', () => {
      expect(row(review, 'T1218.010')?.tactics).to.deep.equal(['defense-evasion']);
      expect(row(review, 'T1204')?.coveredSubtechniques).to.deep.equal(['T1204.001', 'T1204.002']);
      expect(row(review, 'T1204')?.rules).to.deep.equal([]);
    });

    it('shows T1566, not a threat technique, as partial in the coverage layer: (0.9 + 0.3 + 0 + 0) / 4 = 0.3 -> score 30', () => {
      expect(row(review, 'T1566')).to.equal(undefined);
      const layer = renderCoverageLayer(review, index);
      const entry = layer.techniques?.find((t) => t.techniqueID === 'T1566');
      expect(entry?.score).to.equal(30);
      expect(entry?.comment).to.equal('partially covered, only through sub-techniques T1566.001, T1566.002: 30%, the mean of its 4 sub-techniques: T1566.001 90%, T1566.002 30%, T1566.003 0%, T1566.004 0%');
      expect(entry?.metadata?.[0]).to.deep.equal({ name: 'coverage', value: 'partial (30%)' });
    });

    it('scores every covered technique in the coverage layer by hand', () => {
      const layer = renderCoverageLayer(review, index);
      expect(Object.fromEntries((layer.techniques ?? []).map((t) => [t.techniqueID, t.score]))).to.deep.equal({
        T1053: 10, // partial: T1053.005 0.5 / 5 sub-techniques = 0.1
        'T1053.005': 50, // detections-broken.csv row 3, medium
        T1059: 5, // partial: T1059.001 0.6 / 13 sub-techniques = 0.046 -> 4.6 -> 5
        'T1059.001': 60, // attack.t1086 only: the "high" row of detections-broken.csv is broken and skipped
        T1095: 20,
        T1204: 25, // partial: 0.25 as above
        'T1204.001': 50,
        'T1204.002': 75,
        T1218: 5, // partial: T1218.010 0.72 / 14 sub-techniques = 0.051 -> 5.1 -> 5
        'T1218.010': 72,
        T1566: 30,
        'T1566.001': 90,
        'T1566.002': 30,
        T1573: 0, // a stated gap (coverage none) is shown, at 0
      });
      expect(Object.values(layer.techniques ?? []).filter((t) => t.techniqueID.startsWith('T1573.'))).to.deep.equal([]);
    });

    it('renders both layers valid against the layer 4.5 schema, and the gap layer scores the gaps by priority', () => {
      const coverageLayer = renderCoverageLayer(review, index);
      const gapLayer = renderGapLayer(review, index);
      expect(schemaIssues('layer-4.5', JSON.parse(serializeLayer(coverageLayer)))).to.deep.equal([]);
      expect(schemaIssues('layer-4.5', JSON.parse(serializeLayer(gapLayer)))).to.deep.equal([]);
      const scored = (gapLayer.techniques ?? []).filter((t) => t.score !== undefined).map((t) => [t.techniqueID, t.score]);
      // Priority x 100, over a gradient of whole numbers (mitreattack-python refuses a layer whose gradient is 0..1).
      expect(scored).to.deep.equal([['T1095', 80], ['T1204', 75], ['T1566.002', 70], ['T1573', 100]]);
      expect(gapLayer.gradient).to.include({ minValue: 0, maxValue: 100 });
      for (const layer of [coverageLayer, gapLayer]) {
        const { minValue, maxValue, colors } = layer.gradient!;
        expect([Number.isInteger(minValue), Number.isInteger(maxValue), maxValue - minValue >= colors.length - 1]).to.deep.equal([true, true, true]);
      }
      // T1566.002 is annotated, so its parent opens with its sub-techniques shown.
      expect(gapLayer.techniques?.find((t) => t.techniqueID === 'T1566')).to.deep.equal({ techniqueID: 'T1566', showSubtechniques: true });
    });
  });

  describe('a threat that names parent techniques (parent-campaign.yaml: T1059, T1566)', () => {
    // At --min-coverage 20, so that T1566 (0.3) would pass the threshold if it were not partial.
    let parents: GapReview;
    before(() => {
      parents = reviewOf([join(gap, 'parent-campaign.yaml')], 0.2);
    });

    it('T1059 with a rule only for T1059.001 is partial and a gap: 0.6 / 13 = 0.046, priority 1 x (1 - 0.046) = 0.954', () => {
      const t1059 = row(parents, 'T1059');
      expect([t1059?.status, t1059?.coverage, t1059?.priority, t1059?.coveredSubtechniques]).to.deep.equal(['partial', 0.046, 0.954, ['T1059.001']]);
      expect(parents.gaps).to.include(t1059);
    });

    it('T1566 is partial and a gap although its mean 0.3 is above 0.2: partial is never covered', () => {
      const t1566 = row(parents, 'T1566');
      expect([t1566?.status, t1566?.coverage, t1566?.priority]).to.deep.equal(['partial', 0.3, 0.7]);
      expect(parents.gaps.map((r) => r.id)).to.deep.equal(['T1059', 'T1566']);
    });
  });

  describe('per-tactic summary (threat-weighted coverage)', () => {
    it('APT32 alone: equal weights, so the plain mean per tactic', () => {
      expect(review.tactics).to.deep.equal([
        // T1566.001 0.9, T1566.002 0.3: (1 x 0.9 + 1 x 0.3) / 2 = 0.6; one gap (T1566.002)
        { tactic: 'initial-access', name: 'Initial Access', techniques: 2, gaps: 1, threat: 2, coverage: 0.6 },
        // T1204 0.25 (partial)
        { tactic: 'execution', name: 'Execution', techniques: 1, gaps: 1, threat: 1, coverage: 0.25 },
        // T1218.010 0.72
        { tactic: 'defense-evasion', name: 'Defense Evasion', techniques: 1, gaps: 0, threat: 1, coverage: 0.72 },
        // T1573 0, T1095 0.2: (0 + 0.2) / 2 = 0.1
        { tactic: 'command-and-control', name: 'Command and Control', techniques: 2, gaps: 2, threat: 2, coverage: 0.1 },
      ]);
    });

    it('APT32 plus the old threat layer (scores 3, 2, 4 of 0..4 -> weights 0.75, 0.5, 1): weighted by threat', () => {
      const both = reviewOf([apt32, join(gap, 'old-threat-4.2.json')], 0.5);
      expect(both.tactics).to.deep.equal([
        // T1566.001 threat 1 + 0.5 = 1.5 at 0.9, T1566.002 1 at 0.3: (1.35 + 0.3) / 2.5 = 0.66
        { tactic: 'initial-access', name: 'Initial Access', techniques: 2, gaps: 1, threat: 2.5, coverage: 0.66 },
        // T1204 1 at 0.25, T1059.001 (T1086) 0.75 at 0.6: (0.25 + 0.45) / 1.75 = 0.4
        { tactic: 'execution', name: 'Execution', techniques: 2, gaps: 1, threat: 1.75, coverage: 0.4 },
        { tactic: 'defense-evasion', name: 'Defense Evasion', techniques: 1, gaps: 0, threat: 1, coverage: 0.72 },
        // T1573 1 + 1 = 2 at 0, T1095 1 at 0.2: 0.2 / 3 = 0.0667 -> 0.067
        { tactic: 'command-and-control', name: 'Command and Control', techniques: 2, gaps: 2, threat: 3, coverage: 0.067 },
      ]);
    });
  });

  describe('old IDs, unknown IDs and broken input', () => {
    // [rule name, reference as written, technique it covers]
    const oldIds: [string, string, TechniqueId][] = [
      ['PowerShell Download Cradle in a Script Block', 'attack.t1086', 'T1059.001'],
      ['Office Application Spawning a Shell From a Mail Attachment', 'attack.t1193', 'T1566.001'],
      ['Regsvr32 Loading a Remote Scriptlet', 'attack.t1117', 'T1218.010'],
      ['Mail sandbox detonation', 'Spearphishing Attachment (T1193)', 'T1566.001'],
    ];
    for (const [name, raw, id] of oldIds) {
      it(`"${name}" (${raw}) covers ${id}`, () => {
        const resolved = coverage.rules.find((r) => r.rule.name === name);
        expect(resolved?.rule.refs.map((ref) => ref.raw)).to.deep.equal([raw]);
        expect(resolved?.ids).to.deep.equal([id]);
        expect(review.covered.find((c) => c.id === id)?.rules.map((r) => r.name)).to.include(name);
      });
    }

    it('reports attack.t1685 (newer release) and attack.t9999 as unknown, with file, line, the hint to fetch a newer release (fetchRelease) for T1685 only', () => {
      const short = coverage.unresolved.map((u) => ({ ...u, file: u.file.slice(gap.length + 1) }));
      expect(short.map(({ note, ...rest }) => rest)).to.deep.equal([
        { raw: 'attack.t9999', file: 'sigma/linux/proc_creation_lnx_placeholder_tag.yml', line: 9, column: 7, rule: 'Linux Binary Run From a World-Writable Folder', status: 'unknown' },
        { raw: 'attack.t1685', file: 'sigma/windows/registry_set_win_defender_exclusion.yml', line: 9, column: 7, rule: 'Microsoft Defender Exclusion Added Through the Registry', status: 'unknown' },
        // An ATT&CK 19 tactic tag: unknown to 18.1, listed with its line rather than dropped.
        {
          raw: 'attack.defense-impairment',
          file: 'sigma/windows/registry_set_win_defender_exclusion.yml',
          line: 8,
          column: 7,
          rule: 'Microsoft Defender Exclusion Added Through the Registry',
          status: 'unknown tactic',
        },
      ]);
      expect(coverage.unresolved[1]?.note).to.equal(
        "T1685 is not a technique in enterprise-attack 18.1: its number is past 18.1's newest technique (T1681), " +
          "as a newer ATT&CK release's IDs are: get that release with `fetchRelease({ version: 'N' })` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) " +
          "and review with an AttackIndex of release N as target: `loadAttack({ release: 'N' })` to count it",
      );
      // T9999, a placeholder, is numbered far past MITRE's newest (T1681): no newer release will have it, so fetching one
      // would not count it (it was told to, as T1685 is).
      expect(coverage.unresolved[0]?.note).to.equal(
        "T9999 is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, as a team numbers its own techniques (no newer ATT&CK release will have it), " +
          "and enterprise-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench export) as the 18.1 release (`loadAttack({ attack: '<file|folder>' })`), which counts it; else fix the ID",
      );
    });

    it("says of a tactic tag that is a technique's name (The DFIR Report's attack.remote_system_discovery) which technique it names", () => {
      const text = 'title: AdFind Recon\ntags:\n  - attack.remote_system_discovery\n  - attack.T1018\nlogsource:\n  product: windows\ndetection:\n  sel: {CommandLine|contains: adfind}\n  condition: sel\n';
      const outcome = parseRuleFile(text, 'AdFind_Recon.yml');
      const rules = 'rule' in outcome ? [outcome.rule] : [];
      const resolved = resolveCoverage([coverageInput('sigma', 'AdFind_Recon.yml', 1, 1, { rules, ignored: [], problems: [] })], index);
      expect(resolved.unresolved.map((u) => [u.raw, u.line, u.status, u.note])).to.deep.equal([
        [
          'attack.remote_system_discovery',
          3,
          'unknown tactic',
          '"remote_system_discovery" is not a tactic but the name of technique T1018 (Remote System Discovery); tag the technique as attack.t1018',
        ],
      ]);
      expect(resolved.rules[0]?.ids).to.deep.equal(['T1018']);
    });

    it('lists an Elastic rule\'s tactic the release does not know (ATT&CK 19\'s TA0112) as a Sigma tactic tag is, and a known one not', () => {
      // The shape of detection-rules' 2026 building block defense_impairment_file_permission_modification.toml.
      const toml = (tactic: string): string =>
        ['[metadata]', 'maturity = "production"', '[rule]', 'name = "File Permission Modification"', 'severity = "low"', '[[rule.threat]]', 'framework = "MITRE ATT&CK"',
          '[[rule.threat.technique]]', 'id = "T1222"', '[[rule.threat.technique.subtechnique]]', 'id = "T1222.001"', '[rule.threat.tactic]', tactic, ''].join('\n');
      const unresolved = (text: string) => {
        const outcome = parseRuleFile(text, 'rule.toml');
        const rules = 'rule' in outcome ? [outcome.rule] : [];
        return resolveCoverage([coverageInput('elastic', 'rules', 1, 1, { rules, ignored: [], problems: [] })], index).unresolved.map((u) => [u.raw, u.line, u.rule, u.status, u.note]);
      };
      expect(unresolved(toml('id = "TA0112"\nname = "Defense Impairment"'))).to.deep.equal([
        [
          'TA0112',
          13,
          'File Permission Modification',
          'unknown tactic',
          '"TA0112" is not a tactic of ATT&CK enterprise-attack 18.1; tags of a newer release (ATT&CK 19 split Defense Evasion into Stealth and Defense Impairment) need that release: `fetchRelease`',
        ],
      ]);
      // A tactic named without its ID is checked by name.
      expect(unresolved(toml('name = "Defense Impairment"')).map(([raw, , , status]) => [raw, status])).to.deep.equal([['Defense Impairment', 'unknown tactic']]);
      expect(unresolved(toml('id = "TA0005"\nname = "Defense Evasion"'))).to.deep.equal([]);
      // A known tactic that is none of the rule's techniques' (T1222 is Defense Evasion's only).
      expect(unresolved(toml('id = "TA0003"\nname = "Persistence"')).map(([raw, line, , status]) => [raw, line, status])).to.deep.equal([['TA0003', 13, 'tactic of no technique']]);
    });

    it("reads a Sentinel rule's tactics as Sentinel spells them, and lists those no Enterprise release has (PreAttack, ICS's)", () => {
      // The shape of Azure-Sentinel's analytic rules: tactics run together (InitialAccess), PreAttack for PRE-ATT&CK.
      const yaml = (tactics: string[]): string =>
        ['name: Sign-in after password spray', 'severity: Medium', 'queryFrequency: 1h', 'tactics:', ...tactics.map((t) => `  - ${t}`), 'relevantTechniques:', '  - T1110.003', 'query: SigninLogs', ''].join('\n');
      // Resolved as gap resolves them: ICS's tactics are found in the ICS release, as every other domain's are.
      const { otherReleases } = domainReleases(library, 'enterprise-attack', '18.1');
      const unresolved = (text: string) => {
        const outcome = parseRuleFile(text, 'rule.yaml');
        const rules = 'rule' in outcome ? [outcome.rule] : [];
        return resolveCoverage([coverageInput('sentinel', 'rules', 1, 1, { rules, ignored: [], problems: [] })], index, { otherReleases }).unresolved.map((u) => [u.raw, u.line, u.status, u.note]);
      };
      // Each read as the release's tactic: those T1110.003 is not of are listed as such, not as unknown.
      expect(unresolved(yaml(['CredentialAccess', 'InitialAccess', 'CommandAndControl', 'DefenseEvasion', 'Reconnaissance'])).map(([raw, , status, note]) => [raw, status, String(note).split(' is ')[0]])).to.deep.equal([
        ['InitialAccess', 'tactic of no technique', 'Initial Access (TA0001)'],
        ['CommandAndControl', 'tactic of no technique', 'Command and Control (TA0011)'],
        ['DefenseEvasion', 'tactic of no technique', 'Defense Evasion (TA0005)'],
        ['Reconnaissance', 'tactic of no technique', 'Reconnaissance (TA0043)'],
      ]);
      expect(unresolved(yaml(['CredentialAccess', 'PreAttack', 'ImpairProcessControl', 'InhibitResponseFunction', 'Persistance']))).to.deep.equal([
        [
          'PreAttack',
          6,
          'unknown tactic',
          '"PreAttack" is Sentinel\'s tactic for PRE-ATT&CK, which ATT&CK 8 folded into Enterprise as Reconnaissance (TA0043) and Resource Development (TA0042); not a tactic of ATT&CK enterprise-attack 18.1: write one of those',
        ],
        [
          'ImpairProcessControl',
          7,
          'other domain',
          "Impair Process Control (TA0106) is a tactic of ATT&CK ics-attack 18.1, not of ATT&CK enterprise-attack 18.1; review the rule's ICS techniques with domain: 'ics-attack'",
        ],
        [
          'InhibitResponseFunction',
          8,
          'other domain',
          "Inhibit Response Function (TA0107) is a tactic of ATT&CK ics-attack 18.1, not of ATT&CK enterprise-attack 18.1; review the rule's ICS techniques with domain: 'ics-attack'",
        ],
        [
          'Persistance',
          9,
          'unknown tactic',
          '"Persistance" is no ATT&CK tactic: no release here has it (enterprise-attack 18.1, mobile-attack 18.1, ics-attack 18.1), and a newer release will not help; the closest tactic is Persistence (TA0003): write that, if it is what the tag means',
        ],
      ]);
      // A Sentinel export's rule: its tactics, as the workspace exports them, at the line of its displayName.
      const exported = {
        resources: [{ type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules', kind: 'Scheduled', properties: { displayName: 'Spray', severity: 'High', techniques: ['T1110'], tactics: ['CredentialAccess', 'PreAttack'] } }],
      };
      const text = JSON.stringify(exported, null, 2);
      const input = parseSentinelExport(exported, text, 'export.json');
      expect(resolveCoverage([input], index).unresolved.map((u) => [u.raw, u.line, u.status])).to.deep.equal([['PreAttack', 7, 'unknown tactic']]);
    });

    describe('a tactic tag no release here has is no ATT&CK tactic; a newer release is advised only for what one added', () => {
      const tagged = (tags: string[]): string =>
        ['title: Tagged', 'logsource:', '  product: windows', 'detection:', '  sel: {Image|endswith: x.exe}', '  condition: sel', 'tags:', ...tags.map((t) => `  - ${t}`), '  - attack.t1059', ''].join('\n');
      const unresolved = (tags: string[], release = '18.1') => {
        const outcome = parseRuleFile(tagged(tags), 'rule.yml');
        const rules = 'rule' in outcome ? [outcome.rule] : [];
        const { target, history, otherReleases } = domainReleases(library, 'enterprise-attack', release);
        return resolveCoverage([coverageInput('sigma', 'rules', 1, 1, { rules, ignored: [], problems: [] })], target, { history, otherReleases }).unresolved.map((u) => [u.raw, u.status, u.note]);
      };
      const everyRelease = 'enterprise-attack 3.0 to 18.1, mobile-attack 18.1, ics-attack 18.1';

      it('says a tag no release has is no tactic, naming the closest tactic of a misspelt one (attack.defence_evasion)', () => {
        expect(unresolved(['attack.container_escape', 'attack.defence_evasion'])).to.deep.equal([
          ['attack.container_escape', 'unknown tactic', `"container_escape" is no ATT&CK tactic: no release here has it (${everyRelease}), and a newer release will not help; write one of ATT&CK enterprise-attack 18.1's tactics, or leave the tag out`],
          ['attack.defence_evasion', 'unknown tactic', `"defence_evasion" is no ATT&CK tactic: no release here has it (${everyRelease}), and a newer release will not help; the closest tactic is Defense Evasion (TA0005): write that, if it is what the tag means`],
        ]);
      });

      // SigmaHQ's rpc_firewall_atsvc_lateral_movement.yml tags attack.lateral-movement beside T1053 and T1053.002, which
      // are Execution, Persistence and Privilege Escalation only; lnx_auditd_hidden_binary_execution.yml attack.execution
      // beside T1574.001. Before, such a tag was checked only for being a tactic of the release.
      it("lists a tactic tag that none of the rule's techniques belongs to, and not one that one of them has", () => {
        const stray = (name: string, id: string) =>
          `${name} (${id}) is a tactic of none of the rule's techniques in ATT&CK enterprise-attack 18.1: the rule counts for its techniques under their own tactics; tag the technique of ${name} the rule detects, or leave the tactic out`;
        expect(unresolved(['attack.execution', 'attack.lateral-movement', 'attack.TA0003', 'attack.g0007'])).to.deep.equal([
          ['attack.lateral-movement', 'tactic of no technique', stray('Lateral Movement', 'TA0008')],
          ['attack.TA0003', 'tactic of no technique', stray('Persistence', 'TA0003')],
        ]);
      });

      it("still advises a newer release for ATT&CK 19's tactics (attack.stealth, TA0112), and names the release or domain that has one", () => {
        // The tactics ATT&CK 19 split off name that release to fetch (it said `fetchRelease`, the newest); a TA ID past every release's, the newest.
        const newer = (tactic: string, fetch: string) => `"${tactic}" is not a tactic of ATT&CK enterprise-attack 18.1; tags of a newer release (ATT&CK 19 split Defense Evasion into Stealth and Defense Impairment) need that release: \`${fetch}\``;
        expect(unresolved(['attack.stealth', 'attack.ta0112', 'attack.evasion'])).to.deep.equal([
          ['attack.stealth', 'unknown tactic', newer('stealth', "fetchRelease({ version: '19' })")],
          ['attack.ta0112', 'unknown tactic', newer('ta0112', 'fetchRelease')],
          ['attack.evasion', 'other domain', "Evasion (TA0103) is a tactic of ATT&CK ics-attack 18.1, not of ATT&CK enterprise-attack 18.1; review the rule's ICS techniques with domain: 'ics-attack'"],
        ]);
        expect(unresolved(['attack.reconnaissance'], '6.3')).to.deep.equal([
          ['attack.reconnaissance', 'unknown tactic', 'Reconnaissance (TA0043) is a tactic of ATT&CK enterprise-attack 18.1, not of ATT&CK enterprise-attack 6.3; review in that release (an AttackIndex of release 18.1 as target: `loadAttack({ release: \'18.1\' })`)'],
        ]);
      });
    });

    it('reports the not-YAML rule and the broken CSV row with file and line, and counts them invalid', () => {
      const problems = inputs.flatMap((input) => input.problems).map((p) => [p.file.slice(gap.length + 1), p.line, p.skipped]);
      // not_yaml.yml: the flow sequence opened on line 3 is still open when line 4 starts a new key; it is named at
      // line 3, where the ] is missing (as campaign files name it), no longer at 4, where js-yaml gave up
      expect(problems).to.deep.equal([
        ['sigma/broken/not_yaml.yml', 3, true],
        ['detections-broken.csv', 2, true],
      ]);
      expect(inputs.map((input) => input.counts)).to.deep.equal([
        { items: 9, rules: 7, ignored: 1, invalid: 1 }, // 9 files: 7 rules + deprecated + not YAML
        { items: 4, rules: 3, ignored: 1, invalid: 0 }, // the inventory row without techniques is ignored
        { items: 2, rules: 2, ignored: 0, invalid: 0 },
        { items: 2, rules: 1, ignored: 0, invalid: 1 }, // the broken row is an item of its own
      ]);
    });

    it('still completes the review, and the report lists the unresolved references and the problems', () => {
      expect(review.rows).to.have.length(6);
      const markdown = formatGapMarkdown(review);
      expect(markdown).to.contain("| attack.t1685 | unknown | 1 | T1685 is not a technique in enterprise-attack 18.1: its number is past 18.1's newest technique (T1681)");
      // The tag's line and column, where a detection engineer goes to change it.
      expect(markdown).to.contain('/sigma/windows/registry_set_win_defender_exclusion.yml:9:7 |');
      expect(markdown).to.contain('/sigma/broken/not_yaml.yml:3:7: not valid YAML: the list ');
      expect(markdown).to.contain('/detections-broken.csv:2: a quoted field opened on line 2 is never closed');
      const json = gapJson(review) as { unresolved: { raw: string; status: string }[] };
      expect(json.unresolved.map((u) => [u.raw, u.status])).to.deep.equal([
        ['attack.defense-impairment', 'unknown tactic'],
        ['attack.t1685', 'unknown'],
        ['attack.t9999', 'unknown'],
      ]);
    });
  });

  describe('threat layers', () => {
    it('an old layer (format 4.2, ATT&CK 8) with T1086 counts it as T1059.001, weighted by its gradient', () => {
      const { source, unresolved } = threatFromLayer(readCoverageLayers(join(gap, 'old-threat-4.2.json'))[0]!, index);
      expect(unresolved).to.deep.equal([]);
      expect(source.kind).to.equal('layer');
      expect(source.techniques).to.deep.equal([
        // score 3 on 0..4; its comment is how the threat used it, for the report
        { id: 'T1059.001', weight: 0.75, tactics: ['execution'], procedures: [{ text: 'PowerShell', place: `${join(gap, 'old-threat-4.2.json')}:10` }] },
        { id: 'T1566.001', weight: 0.5, tactics: ['initial-access'] }, // 2 / 4
        { id: 'T1573', weight: 1, tactics: ['command-and-control'] }, // 4 / 4
      ]);
      const layerReview = reviewGaps([source], coverage, index, { minCoverage: 0.5 });
      expect(layerReview.rows.map((r) => [r.id, r.threat, r.coverage, r.status, r.priority])).to.deep.equal([
        ['T1573', 1, 0, 'none', 1], // 1 x (1 - 0)
        ['T1059.001', 0.75, 0.6, 'covered', 0.3], // 0.75 x (1 - 0.6)
        ['T1566.001', 0.5, 0.9, 'covered', 0.05], // 0.5 x (1 - 0.9)
      ]);
    });

    describe("a threat layer's platform filter, read in the layer's own release (ATT&CK 14)", () => {
      // Every platform of enterprise ATT&CK 14, as Navigator 4.9 wrote them into every export; 18.1 added ESXi.
      const every14 = ['Linux', 'macOS', 'Windows', 'Network', 'PRE', 'Containers', 'Office 365', 'SaaS', 'Google Workspace', 'IaaS', 'Azure AD'];
      const layer14 = (platforms: string[]): CoverageInput => {
        const file = join(freshTmpDir('threat-14'), 'ransomware-14.json');
        writeFileSync(
          file,
          JSON.stringify({
            name: 'ransomware',
            versions: { attack: '14', navigator: '4.9.1', layer: '4.5' },
            domain: 'enterprise-attack',
            filters: { platforms },
            techniques: [{ techniqueID: 'T1486', tactic: 'impact', score: 100 }],
          }),
        );
        return readCoverageLayers(file)[0]!;
      };
      const release = (version: string) => (version === '14' ? library.release('enterprise-attack', '14') : undefined);
      const esxi = (): ResolvedCoverage =>
        resolveCoverage([{ kind: 'detections', source: 'esxi.csv', files: 1, rules: [{ kind: 'detections', name: 'ESXi encryptor', file: 'esxi.csv', refs: [{ raw: 'T1486' }], level: 1, levelReason: 'high', platforms: ['ESXi'] }], ignored: [], problems: [], counts: { items: 1, rules: 1, ignored: 0, invalid: 0 } }], index);

      it('a filter listing every platform of 14 names none: T1486 is reviewed on ESXi too, and an ESXi rule covers it', () => {
        const input = layer14(every14);
        const { source } = threatFromLayer(input, index, { release });
        expect(source.platforms).to.equal(undefined);
        expect(source.notes).to.deep.equal([
          `threat layer ${input.source} ("ransomware"): filters.platforms lists every platform of enterprise-attack 14.1, the layer's release, which leaves ` +
            'no platform out; reviewed on every platform of enterprise-attack 18.1, ESXi included (as `upgradeLayer` widens that filter)',
        ]);
        const layerReview = reviewGaps([source], esxi(), index, { minCoverage: 0.5 });
        expect(layerReview.rows.map((r) => [r.id, r.coverage, r.platformsCovered])).to.deep.equal([['T1486', 1, ['ESXi']]]);
        expect(layerReview.notes).to.deep.equal(source.notes);
      });

      // DeTT&CT's layer of FireEye M-Trends 2020 (rabobank-cdc/DeTTECT threat-actor-data/ATT&CK-Navigator-layers/20200220-
      // FireEye/attack_all_fireeye-m-trends-2020.json), reconstructed: format 2.2, "stages": ["act"], every platform of
      // ATT&CK 6. Its stage filter hid PRE-ATT&CK, so PRE stays out of "every platform", as upgrade writes the filter.
      it('a stage filter that hid PRE-ATT&CK keeps PRE out of every platform, with or without a platform filter', () => {
        const read = (filters: Record<string, unknown>): CoverageInput => {
          const file = join(freshTmpDir('threat-2.2'), 'm-trends-2020.json');
          writeFileSync(file, JSON.stringify({ name: 'Attack - all', version: '2.2', domain: 'mitre-enterprise', filters, techniques: [{ techniqueID: 'T1486', score: 5 }] }));
          return readCoverageLayers(file)[0]!;
        };
        const every6 = ['Windows', 'Linux', 'macOS', 'AWS', 'GCP', 'Azure', 'Azure AD', 'Office 365', 'SaaS'];
        const butPre = index.platforms().filter((platform) => platform !== 'PRE');
        for (const filters of [{ stages: ['act'], platforms: every6 }, { stages: ['act'] }]) {
          const { source } = threatFromLayer(read(filters), index, { release });
          expect(source.platforms, JSON.stringify(filters)).to.deep.equal(butPre);
          expect(source.notes?.join(' '), JSON.stringify(filters)).to.match(/PRE left out: the layer's filters\.stages left out "prepare"/);
        }
        // Without the stage filter, Navigator 2.x read it as ["act"] (its Filter's default): PRE is kept out all the same.
        const unstated = threatFromLayer(read({ platforms: every6 }), index, { release }).source;
        expect(unstated.platforms).to.deep.equal(butPre);
        expect(unstated.notes?.join(' ')).to.match(/PRE left out: the layer \(format 2\.2\) writes no filters\.stages: Navigator 2\.x read that as \["act"\]/);
        // With "prepare" listed, PRE is in: every platform, as before.
        expect(threatFromLayer(read({ stages: ['act', 'prepare'], platforms: every6 }), index, { release }).source.platforms).to.equal(undefined);
      });

      it('a filter of some platforms of 14 still narrows the review, and without the layer\'s release the filter is read as written', () => {
        const some = threatFromLayer(layer14(['Windows', 'Linux']), index, { release }).source;
        expect([some.platforms, some.notes]).to.deep.equal([['Linux', 'Windows'], undefined]);
        const unknownRelease = threatFromLayer(layer14(every14), index).source;
        expect(unknownRelease.platforms).to.include('Windows').and.not.to.include('ESXi');
        const review14 = reviewGaps([unknownRelease], esxi(), index, { minCoverage: 0.5 });
        expect(review14.rows.map((r) => [r.id, r.coverage, r.otherPlatformRules.map((rule) => rule.name)])).to.deep.equal([['T1486', 0, ['ESXi encryptor']]]);
      });
    });

    it('quotes the platforms to write instead of a name the release does not have (ICS 18.1 has one: "None")', () => {
      const ics = library.release('ics-attack');
      // Linux: no platform of ICS 18.1's techniques, current or deprecated (those keep Windows, Control Server…).
      const rule = { kind: 'detections' as const, name: 'r', file: 'd.csv', line: 2, refs: [{ raw: 'T0800' }], level: 1, levelReason: 'high', platforms: ['Linux'] };
      const notes = (target: AttackIndex) =>
        resolveCoverage([{ kind: 'detections', source: 'd.csv', files: 1, rules: [rule], ignored: [], problems: [], counts: { items: 1, rules: 1, ignored: 0, invalid: 0 } }], target).notes;
      expect(notes(ics)).to.deep.equal(['platform "Linux" (d.csv:2) is not an ATT&CK ics-attack 18.1 platform; write "None", its only platform']);
      rule.platforms = ['Gopher'];
      // Enterprise has no T0800, so the input also gets the note of a coverage input that gives no technique.
      expect(notes(index)[0]).to.equal('coverage detections "d.csv" gives no coverage: of its 1 detection, 1 naming no technique of enterprise-attack 18.1 (listed as not resolved); the review counts no technique as covered by it');
      expect(notes(index)[1]).to.match(/^platform "Gopher" \(d\.csv:2\) is not an ATT&CK enterprise-attack 18\.1 platform; write one of "Containers", "ESXi", .*, "macOS"$/);
    });

    it('says once that platforms of another domain make rules for that domain, instead of advising a platform name per platform', () => {
      // A mobile threat layer (Navigator's July 2020 mobile update layer) against SigmaHQ: 9 notes, one per Sigma
      // platform, each saying 'write one of "Android", "iOS"', as if the rules misspelt them.
      const mobile = library.release('mobile-attack');
      const rule = (line: number, platforms: string[]) => ({ kind: 'sigma' as const, name: `r${line}`, file: 'rules.yml', line, refs: [{ raw: 'T1059' }], level: 1, levelReason: 'high', platforms });
      const rules = [rule(2, ['Windows']), rule(9, ['Windows', 'Linux']), rule(14, ['Gopher'])];
      const input = { kind: 'sigma' as const, source: 'rules', files: 3, rules, ignored: [], problems: [], counts: { items: 3, rules: 3, ignored: 0, invalid: 0 } };
      const notes = resolveCoverage([input], mobile, { otherReleases: () => [index, library.release('ics-attack')] }).notes;
      expect(notes.filter((note) => note.includes('platform'))).to.deep.equal([
        'platforms "Windows" (rules.yml:2 and 1 more), "Linux" (rules.yml:9) are platforms of enterprise-attack 18.1, not of mobile-attack 18.1, ' +
          "the domain under review (the threat's): rules for them cover no technique of mobile-attack; review them against a threat of enterprise-attack",
        'platform "Gopher" (rules.yml:14) is not an ATT&CK mobile-attack 18.1 platform; write one of "Android", "iOS"',
      ]);
    });

    it('says that rules of another domain\'s platform naming techniques of the domain under review count, not that they cover nothing', () => {
      // A Windows Sigma rule tagged with ICS T0853 (Scripting, as on an engineering workstation) in an ICS review: ICS
      // 18.1 states no platform, the rule counts on every platform (T0853 is covered), and the note said it covered
      // no technique of ics-attack.
      const ics = library.release('ics-attack');
      const rule = (line: number, raw: string) => ({ kind: 'sigma' as const, name: `r${line}`, file: 'rules.yml', line, refs: [{ raw }], level: 1, levelReason: 'high', platforms: ['Windows'] });
      const notes = (rules: ReturnType<typeof rule>[]) =>
        resolveCoverage([{ kind: 'sigma', source: 'rules', files: rules.length, rules, ignored: [], problems: [], counts: { items: rules.length, rules: rules.length, ignored: 0, invalid: 0 } }], ics, {
          otherReleases: () => [index],
        }).notes.filter((note) => note.includes('platform'));
      const opening = `platform "Windows" (rules.yml:2`;
      expect(notes([rule(2, 'T0853')])).to.deep.equal([
        `${opening}) is a platform of enterprise-attack 18.1, not of ics-attack 18.1, the domain under review (the threat's): the rules for it name techniques of ics-attack and count on every platform, as a rule whose platforms the release lacks does`,
      ]);
      expect(notes([rule(2, 'T0853'), rule(9, 'T1059')])).to.deep.equal([
        `${opening} and 1 more) is a platform of enterprise-attack 18.1, not of ics-attack 18.1, the domain under review (the threat's): 1 of the 2 rules for it name techniques of ics-attack and count on every platform, as a rule whose platforms the release lacks does; the other 1 cover no technique of ics-attack: review them against a threat of enterprise-attack`,
      ]);
    });

    it("loads no other domain's release when every rule's platforms are the domain's own", () => {
      // Called for every review, the other domains' releases were loaded (and, from the shipped snapshot, each
      // noted on stderr) though only a platform name the target lacks needs them.
      const rule = { kind: 'sigma' as const, name: 'r', file: 'rules.yml', line: 2, refs: [{ raw: 'T1059' }], level: 1, levelReason: 'high', platforms: ['Windows'] };
      const input = { kind: 'sigma' as const, source: 'rules', files: 1, rules: [rule], ignored: [], problems: [], counts: { items: 1, rules: 1, ignored: 0, invalid: 0 } };
      let loads = 0;
      const otherReleases = (): readonly AttackIndex[] => {
        loads++;
        return [library.release('mobile-attack')];
      };
      resolveCoverage([input], index, { otherReleases });
      expect(loads).to.equal(0);
    });

    it('reads a detections list written as JSON (a .json given as coverage) as detections, not as a layer', () => {
      const json = join(freshTmpDir('json-detections'), 'detections.json');
      writeFileSync(json, JSON.stringify(parseYaml(readFileSync(join(gap, 'detections.yml'), 'utf8'))));
      const [fromJson] = readCoverageInputs([json]);
      const [fromYaml] = readCoverageInputs([join(gap, 'detections.yml')]);
      const facts = (input: CoverageInput | undefined) => input?.rules.map(({ kind, name, id, refs, level, platforms }) => ({ kind, name, id, refs: refs.map((r) => r.raw), level, platforms }));
      expect(fromJson?.rules.length).to.be.greaterThan(1);
      expect(fromJson?.rules[0]?.kind).to.equal('detections');
      expect(facts(fromJson)).to.deep.equal(facts(fromYaml));
    });

    it('tells a campaign written as JSON from a layer (both have "domain")', () => {
      expect(isLayerFile(join(gap, 'json-campaign.json'))).to.equal(false);
      expect(isLayerFile(join(gap, 'old-threat-4.2.json'))).to.equal(true);
      const jsonReview = reviewOf([join(gap, 'json-campaign.json')], 0.5);
      expect(jsonReview.rows.map((r) => [r.id, r.priority])).to.deep.equal([
        ['T1573', 1],
        ['T1095', 0.8],
      ]);
    });
  });

  describe('determinism', () => {
    it('two reviews of the same input give byte-identical layers and reports', () => {
      const threat = readThreatInputs([apt32], library);
      const again = reviewGaps(threatFromCampaigns(threat.campaigns), resolveCoverage(readCoverageInputs(coveragePaths), index), index, {
        minCoverage: 0.5,
        threatUnresolved: campaignUnresolved(threat.campaigns),
      });
      const outputs = (r: GapReview): string[] => [
        serializeLayer(renderCoverageLayer(r, index)),
        serializeLayer(renderGapLayer(r, index)),
        formatGapMarkdown(r),
        formatGapCsv(r),
        JSON.stringify(gapJson(r)),
      ];
      expect(outputs(again)).to.deep.equal(outputs(review));
    });
  });
});

describe('Sigma tags of another domain (resolveCoverage with the library\'s other-domain lookup)', () => {
  let library: AttackLibrary;
  let sigma: CoverageInput;
  // A rule of our own (../shared/sigma has no ICS or mobile technique tag), in a temp folder.
  const rule = [
    'title: Controller Put Into Firmware Update Mode By An Engineering Tool',
    'id: 6f5a2f34-6a2e-4b8e-9f0e-2d8f3a7c1b10',
    'status: test',
    'tags:',
    '    - attack.t0800',
    '    - attack.t1406',
    '    - attack.t1476',
    '    - attack.t1059.001',
    'logsource:',
    '    category: process_creation',
    '    product: windows',
    'detection:',
    '    selection:',
    "        Image|endswith: '\\fwupdate.exe'",
    '    condition: selection',
    'level: high',
    '',
  ].join('\n');
  /** An ATT&CK object of a release, read straight from its file: `[name, description]` by ID. */
  const raw = (domain: string, id: string): { name: string; description: string } => {
    const found = readRawBundle(stixFile(`${domain}-attack-18.1.json.gz`)).objects.find(
      (o) => o.type === 'attack-pattern' && (o['external_references'] as { external_id?: string }[])[0]?.external_id === id,
    );
    return { name: String(found?.['name']), description: String(found?.['description']) };
  };
  const noteOf = (resolved: ResolvedCoverage, tag: string): [string | undefined, string | undefined] => {
    const found = resolved.unresolved.find((u) => u.raw === tag);
    return [found?.status, found?.note];
  };

  before(() => {
    library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const dir = freshTmpDir('sigma-other-domain');
    writeFileSync(join(dir, 'proc_creation_win_firmware_update_mode.yml'), rule);
    sigma = readRuleFolder(dir);
  });

  it('names an ICS and a mobile tag in an enterprise review as techniques of their domain, not as unknown IDs', () => {
    const enterprise = library.release('enterprise-attack', '18.1');
    const resolved = resolveCoverage([sigma], enterprise, { otherDomains: libraryOtherDomains(library, enterprise.domain) });
    expect(noteOf(resolved, 'attack.t0800')).to.deep.equal([
      'other domain',
      `T0800 is an ICS technique (${raw('ics', 'T0800').name} in ics-attack 18.1), not in enterprise-attack: left out of this review; review it against ics-attack`,
    ]);
    expect(noteOf(resolved, 'attack.t1406')?.[1]).to.match(/^T1406 is a Mobile technique \(.+ in mobile-attack 18\.1\), not in enterprise-attack: left out of this review; review it against mobile-attack$/);
    expect(resolved.rules[0]?.ids).to.deep.equal(['T1059.001']);
  });

  it('says nothing of newer releases for the Enterprise and Mobile tags of an ICS review, every one past its newest ID (ICS IDs are T08xx)', () => {
    // ICS IDs are T08xx, so every Enterprise or Mobile tag is past the newest ICS ID: the rule above was said to
    // tag "technique IDs newer than ATT&CK ics-attack 18.1 has" with advice to fetch a newer ICS release, beside each
    // tag's own note that it is another domain's. An ID no release knows, next to the newest (T0900; ICS 18.1's is
    // T0895), still gets that note.
    const ics = library.release('ics-attack', '18.1');
    const otherDomains = libraryOtherDomains(library, ics.domain);
    const resolved = resolveCoverage([sigma], ics, { otherDomains });
    expect(['attack.t1406', 'attack.t1476', 'attack.t1059.001'].map((tag) => noteOf(resolved, tag)[0])).to.deep.equal(['other domain', 'other domain', 'other domain']);
    expect(resolved.notes.filter((note) => note.includes('newer than ATT&CK'))).to.deep.equal([]);
    const dir = freshTmpDir('sigma-ics-newer');
    writeFileSync(join(dir, 'unknown_ics_tag.yml'), rule.replace('attack.t1406', 'attack.t0900'));
    const unknown = resolveCoverage([readRuleFolder(dir)], ics, { otherDomains });
    expect(unknown.notes.filter((note) => note.includes('newer than ATT&CK ics-attack 18.1 has (T0900; first at'))).to.have.length(1);
  });

  it("names a deprecated technique's pointers into another domain (mobile T1476 -> Enterprise T1566.001, T1566.002), as normalize does", () => {
    const mobile = library.release('mobile-attack', '18.1');
    const otherDomains = libraryOtherDomains(library, mobile.domain);
    // The pointers, from T1476's description in the mobile release file and their names in the enterprise one.
    const pointers = [...raw('mobile', 'T1476').description.matchAll(/attack\.mitre\.org\/techniques\/(T\d{4})\/(\d{3})/g)].map(([, id, sub]) => `${id}.${sub}`);
    expect(pointers).to.deep.equal(['T1566.001', 'T1566.002']);
    const named = pointers.map((id) => `${id} (${raw('enterprise', id).name})`).join(', ');
    const expected = `its description points only to Enterprise techniques ${named}, not in mobile-attack: no successor in this domain`;
    const [status, note] = noteOf(resolveCoverage([sigma], mobile, { otherDomains }), 'attack.t1476');
    expect(status).to.equal('deprecated');
    expect(note).to.contain(expected);
    // A threat layer reads its entries the same way: Navigator's April 2019 mobile update layer holds T1476.
    const layer = readCoverageLayers(join(repoRoot, 'test/fixtures/layers/public/navigator-april-2019-mobile-3.0.json'), { role: 'threat' })[0]!;
    const t1476 = threatFromLayer(layer, mobile, { otherDomains }).unresolved.find((u) => u.raw === 'T1476');
    expect(t1476?.note).to.contain(expected);
  });
});

// A coverage layer as elastic/detection-rules' detection_rules/navigator.py writes it (reconstructed: per technique a
// metadata item { name: <rule name>, value: <type/language> } and a link per rule, the score their number; the rule
// names below are Elastic's, of rules/windows/ in elastic/detection-rules, Elastic License 2.0, names only).
describe('gap report: a coverage layer entry that names the rules its score counts', () => {
  const names = [
    'Suspicious PowerShell Engine ImageLoad',
    'PowerShell Script with Encryption/Decryption Capabilities',
    'Suspicious Portable Executable Encoded in Powershell Script',
    'PowerShell Kerberos Ticket Dump',
    'PowerShell Keylogging Script',
  ];
  const layer = {
    name: 'Elastic-detection-rules-all',
    versions: { attack: '14', layer: '4.4', navigator: '4.5.5' },
    domain: 'enterprise-attack',
    gradient: { colors: ['#d3e0fa', '#0861fb'], minValue: 0, maxValue: 5 },
    techniques: [
      {
        techniqueID: 'T1059.001', tactic: 'execution', score: names.length, color: '', comment: '', enabled: true,
        metadata: names.map((name) => ({ name, value: 'eql/eql' })),
        links: names.map((label) => ({ label, url: 'https://github.com/elastic/detection-rules/blob/main/rules/windows' })),
      },
    ],
  };

  it('lists every rule in JSON (names) and in the CSV rules column, and says so under the Markdown tables, where the name shows the first 3', () => {
    const index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
    const coverage = resolveCoverage(parseCoverageLayers(JSON.stringify(layer), 'Elastic-detection-rules-all.json'), index);
    const threatLayer = { name: 'threat', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059.001', score: 100 }] };
    const threat = threatFromLayer(parseCoverageLayers(JSON.stringify(threatLayer), 'threat.json', { role: 'threat' })[0]!, index);
    const review = reviewGaps([threat.source], coverage, index, { minCoverage: 0.5, threatUnresolved: threat.unresolved });
    const rule = gapJson(review).rows[0]!.rules[0]!;
    expect(rule.name).to.equal('Elastic-detection-rules-all: Suspicious PowerShell Engine ImageLoad, PowerShell Script with Encryption/Decryption Capabilities, Suspicious Portable Executable Encoded in Powershell Script and 2 more');
    expect(rule.names).to.deep.equal(names);
    expect(formatGapCsv(review)).to.contain(`Elastic-detection-rules-all: ${names.join(', ')}`);
    // A program has no --report: it is told the functions that write every name (the CLI's words are its flags).
    expect(formatGapMarkdown(review)).to.contain("is shown by its first rules; `formatGapJson` (each rule's `names`) and `formatGapCsv` list every one.");
    const cli = reviewGaps([threat.source], coverage, index, { minCoverage: 0.5, threatUnresolved: threat.unresolved, givenAs: { report: '--report', outsideView: '--outside-view' } });
    expect(formatGapMarkdown(cli)).to.contain("is shown by its first rules; `--report json` (each rule's `names`) and `--report csv` list every one.");
    // The priority formula, in the JSON report and the gap layer, names the other ranking as each caller gives it.
    expect(gapJson(review).formulas.priority).to.contain("(outsideView: 'priority' ranks by priority alone)");
    expect(gapJson(cli).formulas.priority).to.contain('(--outside-view priority ranks by priority alone)');
    expect(formatGapMarkdown(review)).not.to.contain('--outside-view');
  });
});
