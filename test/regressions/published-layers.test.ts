/**
 * Layers published by other people and tools, through every command that reads a layer: validate, upgrade (what it
 * writes must pass the 4.5 schema and validate, and keep every annotation), gap (as the threat and as the coverage),
 * compare, combine and export. Sources and licences: test/fixtures/layers/public/README.md.
 *
 * - CTID's attack-control-framework-mappings: a NIST 800-53 r5 control's layer (format 4.2, ATT&CK 10, one line);
 * - CTID's Mappings Explorer: a Microsoft 365 E3 layer (format 4.4, no ATT&CK release, metadata in capability groups);
 * - Atomic Red Team's IaaS:GCP layer (format 4.4, ATT&CK 13, `"filters": {}`, links on every entry);
 * - ATT&CK's own mitigation layer of mobile M1010 (format 4.3, mobile ATT&CK 11, every field of every entry written);
 * - an ICS rule-coverage generator's layout (format 4.5, ICS ATT&CK 16's platforms, an option no format has);
 * - splunk/security_content's coverage layer (format 4.3 under the old `version` key, `mitre-enterprise`, no tactic);
 * - SigmaHQ's sigma2attack heatmap layout (format 4.0, `mitre-enterprise`, rule counts, revoked T1086);
 * - mitreattack-python's generated layer (name, domain and entries alone: no `versions`, every score 0);
 * - DeTT&CT's group layers from threat-actor YAML (format 4.3 with "hideDisable" and counts up to 4210, in our words; format 2.1 mobile);
 * - MITRE CAR's coverage layers (colour-only; format 4.5 with format 3's "mitre-enterprise", which validate refused);
 * - sysmon-modular's layer (format 1.0, revoked IDs); Navigator's proposed Defense Evasion split (legend categories);
 * - ElasticSA elsec_dr2an's heatmap layout (rule counts with one metadata item per rule, named by rule type);
 * - a red-team report generator's layout (every entry scored 1, painted "Detected" or "Undetected" by its legend);
 * - SRA's Threat Simulation Index, the test plan VECTR imports (no versions; every other technique disabled, revoked ones too);
 * - Elastic detection-rules' coverage layout (rule counts with one metadata item and link per rule, ATT&CK 14's platforms);
 * - a Tanium detections layout (colours a legend names "Detection score 0..5", "hideDisable");
 * - ATT&CK Evaluations' scope layers (format 2.x): Carbanak+FIN7's scores pick legend categories; APT3's empty T1143 entry;
 * - LogRhythm's coverage layer of its ATT&CK module (format 4.1 under `version`, every entry 25 on 0..25, IDs twice);
 * - a detections-by-severity generator's layout (no versions, a gradient of bounds and no colours, metadata per entry);
 * - mitreattack-python's ICS changelog layer (ICS ATT&CK 17, entries under two tactics, a legend of change kinds);
 * - CALDERA's compass layout (format 2.2 under `version`, an entry per ability: revoked IDs, exact repeats, PRE-ATT&CK T1254);
 * - sigma-cli's analyze attack layout (format 4.4, ATT&CK 13.1, every entry per tactic with `showSubtechniques: false`);
 * - F5 Labs' WAF mitigation layer (format 4.1, ATT&CK 8, a coloured sub-technique under a parent that shows it);
 * - an ICS honeypot's README layer (no layer format, ICS ATT&CK 14, counts up to 847 without a gradient);
 * - a threat-report layer an LLM prompt gives as its example (format 4.5 with "windows", comment-only entries);
 * - a selection script's layout ("version" holding an object, tactics as names, `"metadata": ""` on every entry);
 * - alchici/ThreatIntel's "Kill Chain" layer (format 4.5, ATT&CK 14, no tactic, three techniques written twice alike).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const PUBLIC = join(repoRoot, 'test/fixtures/layers/public');
const CAMPAIGN_THREAT = join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json');

type Entry = NonNullable<NavigatorLayer['techniques']>[number];

interface Case {
  file: string;
  /** validate's exit code for the layer as published. */
  validates: 0 | 1;
  /** An object the layer's techniques are compared with. */
  with: string;
  /** A threat of the layer's domain, to review the layer as coverage against. */
  threat: string;
  /** What gap says of the layer read as the threat, and as the coverage (a line of its summary, or its refusal). */
  asThreat: RegExp;
  asCoverage: RegExp;
  /** Technique IDs that upgrade writes under another ID (revoked into a successor): [as read, as written]. */
  renamed?: Array<[string, string]>;
  /** Technique IDs that upgrade leaves out of the techniques (another domain's) and keeps in the layer's metadata. */
  removed?: string[];
  /** The colours upgrade gives a gradient the layer writes without any (Navigator's default ones). */
  gradientColours?: string[];
}

const CASES: Case[] = [
  {
    file: 'ctid-nist-800-53-r5-ac-16-4.2.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^11 threat techniques, \d+ gaps; threat \S*ctid-nist-800-53-r5-ac-16-4\.2\.json: 11 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /ctid-nist-800-53-r5-ac-16-4\.2\.json: 11 entries read, 0 ignored, 0 invalid/,
    renamed: [['T1547.011', 'T1647']],
  },
  {
    file: 'ctid-m365-e3-4.4.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^3 threat techniques, \d+ gaps; threat \S*ctid-m365-e3-4\.4\.json: 3 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /its scores look like counts \(whole numbers, and its description says "number of"\)/,
  },
  {
    file: 'art-navigator-layer-iaas-gcp-4.4.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    // Atomic Red Team's tests are neither a threat nor detections: gap says what to give it instead.
    asThreat: /Atomic Red Team's Navigator layer of its tests .* give them to gap --tests/,
    asCoverage: /Atomic Red Team's Navigator layer of its tests .* give them to gap --tests/,
  },
  {
    file: 'attack-mitigation-m1010-mobile-4.3.json',
    validates: 0,
    with: 'S0505',
    threat: join(repoRoot, 'test/fixtures/gap/mobile-threat-2.1.json'),
    asThreat: /^6 threat techniques, \d+ gaps; threat \S*attack-mitigation-m1010-mobile-4\.3\.json: 6 entries read, 1 layout only, 0 ignored, 0 invalid/m,
    // As coverage too, the entry that only shows sub-techniques (T1628) is layout: it says nothing of coverage.
    asCoverage: /attack-mitigation-m1010-mobile-4\.3\.json: 6 entries read, 1 layout only, 0 ignored, 0 invalid/,
  },
  {
    file: 'ics-rule-coverage-4.5.json',
    // Three entries sit under a tactic their technique is not under in ICS 18.1: Navigator shows them nowhere.
    validates: 1,
    with: 'G0034',
    threat: join(repoRoot, 'test/fixtures/gap/ics-threat.json'),
    asThreat: /^6 threat techniques, \d+ gaps; threat \S*ics-rule-coverage-4\.5\.json: 8 entries read, 0 ignored, 0 invalid/m,
    // As coverage, its entries are read through its legend: "No coverage" is 0% by its words, and "Tested
    // (lab-validated)" and "Experimental (pending test)", no level by theirs, by their colours' places on the gradient
    // (grey, orange, green), 100% and 50%, the note says so. Before, their 4 entries were ignored.
    asCoverage: /"Tested \(lab-validated\)" \(#4caf50\) as 100%, its colour the gradient's stop 3 of 3[^]*ics-rule-coverage-4\.5\.json: 8 entries read, 0 ignored, 0 invalid/,
  },
  {
    file: 'splunk-security-content-coverage-4.3.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^2 threat techniques, \d+ gaps; threat \S*splunk-security-content-coverage-4\.3\.json: 2 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /splunk-security-content-coverage-4\.3\.json: 2 entries read, 0 ignored, 0 invalid/,
  },
  {
    file: 'sigma2attack-heatmap-4.0.json',
    // T1086 is revoked: Navigator drops it silently.
    validates: 1,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^2 threat techniques, \d+ gaps; threat \S*sigma2attack-heatmap-4\.0\.json: 2 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /sigma2attack-heatmap-4\.0\.json: 2 entries read, 0 ignored, 0 invalid/,
    renamed: [['T1086', 'T1059.001']],
  },
  {
    file: 'mitreattack-python-gen-test.json',
    // No `versions`: Navigator opens it only after its "Outdated Layer" warning.
    validates: 1,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /6 of its 6 scored entries weigh 0, as techniques not used[^]*threat \S*mitreattack-python-gen-test\.json: 6 entries read, 0 ignored, 0 invalid/,
    asCoverage: /mitreattack-python-gen-test\.json: 6 entries read, 0 ignored, 0 invalid/,
    renamed: [['T1547.011', 'T1647']],
  },
  {
    file: 'dettect-group-counts-4.3.json',
    // DeTT&CT's group layer: "hideDisable" (sic) and legend colours with a trailing space, both read as Navigator reads them.
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    // The entry that only shows T1053's sub-techniques is layout, not a technique of the threat.
    asThreat: /^17 threat techniques, \d+ gaps; threat \S*dettect-group-counts-4\.3\.json: 17 entries read, 1 layout only, 0 ignored, 0 invalid/m,
    // Its scores count detections in a report (up to 4210): as coverage, the note says they look like counts.
    asCoverage: /its scores look like counts \(whole numbers on a gradient from 0 that ends at the largest of them, 4210\)[^]*dettect-group-counts-4\.3\.json: 17 entries read, 1 layout only, 0 ignored, 0 invalid/,
  },
  {
    file: 'dettect-group-all-platforms-4.3.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    // Every platform of its day (Office 365, Azure AD, Google Workspace, Network): reviewed on every platform of 18.1.
    asThreat: /filters\.platforms lists every platform of enterprise-attack 14\.1[^]*^4 threat techniques, \d+ gaps; threat \S*dettect-group-all-platforms-4\.3\.json: 4 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /dettect-group-all-platforms-4\.3\.json: 4 entries read, 0 ignored, 0 invalid/,
  },
  {
    file: 'dettect-group-mobile-2.1.json',
    // Format 2.1, revoked mobile IDs and an Enterprise ID (T1018) in a mobile layer: Navigator drops or warns.
    validates: 1,
    with: 'S0505',
    threat: join(repoRoot, 'test/fixtures/gap/mobile-threat-2.1.json'),
    asThreat: /^3 threat techniques, \d+ gaps; threat \S*dettect-group-mobile-2\.1\.json: 4 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /dettect-group-mobile-2\.1\.json: 4 entries read, 0 ignored, 0 invalid/,
    renamed: [
      ['T1411', 'T1417.002'],
      ['T1472', 'T1643'],
    ],
    removed: ['T1018'],
  },
  {
    file: 'car-analytic-coverage-4.3.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^8 threat techniques, \d+ gaps; threat \S*car-analytic-coverage-4\.3\.json: 8 entries read, 0 ignored, 0 invalid/m,
    // Colours and analytic counts, no score and no legend: no coverage level is guessed, and gap says so.
    asCoverage: /car-analytic-coverage-4\.3\.json \("ATT&CK Analytic Coverage - CAR"\) gives no coverage: of its 8 entries, 8 ignored: no score/,
  },
  {
    file: 'car-attack-4.5.json',
    // Format 4.5 with format 3's domain name "mitre-enterprise", which Navigator maps: before, validate refused it
    // ("/domain: must be one of ...", exit 1) while upgrade converted it.
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^7 threat techniques, \d+ gaps; threat \S*car-attack-4\.5\.json: 7 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /car-attack-4\.5\.json \("CAR ATT&CK"\) gives no coverage: of its 7 entries, 7 ignored: no score/,
  },
  {
    file: 'sysmon-modular-1.0.json',
    // Format 1.0 (an "Outdated Layer" warning) and IDs revoked since.
    validates: 1,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^8 threat techniques, \d+ gaps; threat \S*sysmon-modular-1\.0\.json: 8 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /sysmon-modular-1\.0\.json: 8 entries read, 0 ignored, 0 invalid/,
    renamed: [
      ['T1015', 'T1546.008'],
      ['T1088', 'T1548.002'],
      ['T1086', 'T1059.001'],
      ['T1191', 'T1218.003'],
    ],
  },
  {
    file: 'navigator-defense-evasion-split-4.5.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    // Colours its legend names as categories (Stealth, Impair Defenses): an order the review does not read, said.
    asThreat: /an order the review does not read[^]*^10 threat techniques, \d+ gaps; threat \S*navigator-defense-evasion-split-4\.5\.json: 12 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /its legend says no coverage level \("Remove DE" #bcbddc/,
  },
  {
    file: 'elsec-dr2an-heatmap-4.1.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^4 threat techniques, \d+ gaps; threat \S*elsec-dr2an-heatmap-4\.1\.json: 4 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /its scores look like counts \(whole numbers, and its description says "rules"\)[^]*elsec-dr2an-heatmap-4\.1\.json: 4 entries read, 0 ignored, 0 invalid/,
  },
  {
    file: 'redteam-report-4.3.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^4 threat techniques, \d+ gaps; threat \S*redteam-report-4\.3\.json: 4 entries read, 0 ignored, 0 invalid/m,
    // Every entry scores 1 on 0..1 and is painted "Detected" or "Undetected": before, all four counted 100% (T1003.001
    // and T1021.002, green "Undetected" in Navigator, too); now their colours give the levels, and the note says so.
    asCoverage: /every scored entry scores 1, which says no level[^]*"Undetected" \(#66ff66\) as 0% \(2 entries\), "Detected" \(#ff6666\) as 100% \(2 entries\)/,
  },
  {
    file: 'sra-threat-simulation-index-2026.json',
    // No `versions`: Navigator opens it only after its "Outdated Layer" warning.
    validates: 1,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    // Coloured entries are the index's techniques; the disabled ones (every other technique, revoked ones too) and the
    // repeated entries that only expand a parent are no threat.
    asThreat: /^11 threat techniques, \d+ gaps; threat \S*sra-threat-simulation-index-2026\.json: 11 entries read, 9 layout only, 11 ignored, 0 invalid/m,
    // A list of techniques to test says nothing of coverage: gap says so, and what to give it instead.
    asCoverage: /sra-threat-simulation-index-2026\.json \("Threat Simulation Index 2026 v1\.0\.0"\) gives no coverage: of its 31 entries, 11 ignored: enabled: false; 9 ignored: layout only: [^\n]*; 11 ignored: no score;[\s\S]*sra-threat-simulation-index-2026\.json: 0 entries read, 9 layout only, 22 ignored, 0 invalid/,
    // Entries that only disable a revoked or deprecated technique (T1002, T1009, T1015, T1064), which Navigator never
    // showed, are left out, each kept in the "removed by upgrade" metadata, not carried to its successor.
    removed: ['T1002', 'T1009', 'T1015', 'T1064'],
  },
  {
    file: 'elastic-detection-rules-4.4.json',
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    // Its filter lists ATT&CK 14's platform names (Azure AD, Office 365, Google Workspace) in a layer for 16.1: read as
    // every platform; a score of 11 rules on its gradient 0..10 is said.
    asThreat: /1 entry scores 11, above the layer gradient 0\.\.10[^]*filters\.platforms lists every platform of enterprise-attack 14\.1[^]*^7 threat techniques, \d+ gaps; threat \S*elastic-detection-rules-4\.4\.json: 8 entries read, 0 ignored, 0 invalid/m,
    // Its scores count the rules whose metadata items the entry lists: gap says they look like counts.
    asCoverage: /its scores look like counts \(whole numbers, and its name says "rules"\)[^]*elastic-detection-rules-4\.4\.json: 8 entries read, 0 ignored, 0 invalid/,
  },
  {
    file: 'tanium-detections-legend-4.5.json',
    // "hideDisable" (sic), read as hideDisabled; sub-techniques coloured under parents with no entry (collapsed).
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /its 6 entries coloured without a score weigh 1 each whatever their colour[^]*^6 threat techniques, \d+ gaps; threat \S*tanium-detections-legend-4\.5\.json: 6 entries read, 0 ignored, 0 invalid/m,
    // Colours without a score, read through the legend's "Detection score 0..5" labels (DeTT&CT's scale).
    asCoverage: /"Detection score 0: Forensics\/Context" \(#9c27b0\) as 0% \(1 entry\)[^]*"Detection score 5: Excellent" \(#33691e\) as 100% \(1 entry\)/,
  },
  {
    file: 'attack-evals-carbanak-fin7-2.2.json',
    // Format 2.2, revoked and deprecated IDs of its day.
    validates: 1,
    with: 'G0046',
    threat: CAMPAIGN_THREAT,
    // Its scores pick its legend's categories (1 "Carbanak", 2 "FIN7", 3 "Carbanak+FIN7", each a stop of its gradient
    // 1..3): every scored entry weighs 1. Before, the Carbanak techniques (T1059, T1110, T1503) weighed 0, "as
    // techniques not used", and FIN7's 0.5.
    asThreat: /its scores pick the categories its legend names[^]*1 "Carbanak" \(3 entries\), 2 "FIN7" \(3 entries\), 3 "Carbanak\+FIN7" \(10 entries\)[^]*every scored entry weighs 1[^]*^11 threat techniques, \d+ gaps; threat \S*attack-evals-carbanak-fin7-2\.2\.json: 16 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /attack-evals-carbanak-fin7-2\.2\.json: 16 entries read, 0 ignored, 0 invalid/,
    renamed: [
      ['T1138', 'T1546.011'],
      ['T1088', 'T1548.002'],
      ['T1179', 'T1056.004'],
      ['T1050', 'T1543.003'],
      ['T1086', 'T1059.001'],
      ['T1503', 'T1555.003'],
    ],
    removed: ['T1043'],
  },
  {
    file: 'attack-evals-apt3-round1-2.0.json',
    // Format 2.0, "windows", revoked and deprecated IDs of its day.
    validates: 1,
    with: 'G0022',
    threat: CAMPAIGN_THREAT,
    // T1143's entry annotates nothing (no score, "color": "", "comment": ""): no threat technique.
    asThreat: /^10 threat techniques, \d+ gaps; threat \S*attack-evals-apt3-round1-2\.0\.json: 15 entries read, 1 ignored, 0 invalid/m,
    asCoverage: /attack-evals-apt3-round1-2\.0\.json: 15 entries read, 1 ignored, 0 invalid/,
    renamed: [
      ['T1015', 'T1546.008'],
      ['T1088', 'T1548.002'],
      ['T1022', 'T1560'],
      ['T1086', 'T1059.001'],
      ['T1076', 'T1021.001'],
    ],
    // T1143 (revoked into T1564.003) annotates nothing: left out, where it became an annotated T1564.003 ("upgraded from").
    removed: ['T1043', 'T1064', 'T1143'],
  },
  {
    file: 'logrhythm-navigator-4.1.json',
    // Format 4.1 under the old `version` key and "mitre-enterprise", both of which Navigator maps.
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    // T1566.002 and T1059.001 written twice (merged); sub-techniques collapsed under parents with no entry.
    asThreat: /^13 threat techniques, \d+ gaps; threat \S*logrhythm-navigator-4\.1\.json: 15 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /logrhythm-navigator-4\.1\.json: 15 entries read, 0 ignored, 0 invalid/,
  },
  {
    file: 'severity-coverage-no-gradient-colours.json',
    // No `versions` ("Outdated Layer") and a gradient of bounds without colours, at which Navigator 5.1 stops reading
    // the layer with "ERROR parsing file…": nothing after the gradient (entries, layout) is read.
    validates: 1,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^4 threat techniques, \d+ gaps; threat \S*severity-coverage-no-gradient-colours\.json: 4 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /severity-coverage-no-gradient-colours\.json: 4 entries read, 0 ignored, 0 invalid/,
    gradientColours: ['#ff6666', '#ffe766', '#8ec843'],
  },
  {
    file: 'mitreattack-python-changelog-ics-4.5.json',
    // ICS ATT&CK 17 (not installed here): read in ICS 18.1 with a warning, every entry under a tactic 18.1 has.
    validates: 0,
    with: 'G0034',
    threat: join(repoRoot, 'test/fixtures/gap/ics-threat.json'),
    asThreat: /^8 threat techniques, \d+ gaps; threat \S*mitreattack-python-changelog-ics-4\.5\.json: 12 entries read, 0 ignored, 0 invalid/m,
    // Colours of change kinds its legend names ("patches: …"), no coverage level: gap says it gives none.
    asCoverage: /mitreattack-python-changelog-ics-4\.5\.json \("June 2025 ICS Updates"\) gives no coverage: of its 12 entries, 12 ignored: no score/,
  },
  {
    file: 'caldera-compass-adversary-2.2.json',
    // Revoked IDs of its day (T1077, T1086, T1063) and a PRE-ATT&CK number (T1254), each written as an ability's entry,
    // some abilities' entries repeated as they are (T1105, T1018).
    validates: 1,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^6 threat techniques, \d+ gaps; threat \S*caldera-compass-adversary-2\.2\.json: 9 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /caldera-compass-adversary-2\.2\.json: 9 entries read, 0 ignored, 0 invalid/,
    renamed: [
      ['T1077', 'T1021.002'],
      ['T1086', 'T1059.001'],
      ['T1063', 'T1518.001'],
    ],
    removed: ['T1254'],
  },
  {
    file: 'sigma-cli-analyze-attack-4.4.json',
    // Every entry per tactic with "showSubtechniques": false and no layout: its scored sub-techniques are collapsed.
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^6 threat techniques, \d+ gaps; threat \S*sigma-cli-analyze-attack-4\.4\.json: 11 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /its scores look like counts \(whole numbers on a gradient from 0 that ends at the largest of them, 12\)/,
  },
  {
    file: 'f5-labs-waf-4.1.json',
    // Format 4.1, ATT&CK 8: a vendor's mitigation layer, one coloured sub-technique under a parent that shows it.
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^1 threat technique, 1 gap; threat \S*f5-labs-waf-4\.1\.json: 1 entry read, 1 layout only, 0 ignored, 0 invalid/m,
    // The parent that only shows T1595.002 is layout, not an entry left unread.
    asCoverage: /f5-labs-waf-4\.1\.json \("layer"\) gives no coverage: of its 2 entries, 1 ignored: layout only: [^\n]*; 1 ignored: no score;[\s\S]*f5-labs-waf-4\.1\.json: 0 entries read, 1 layout only, 1 ignored, 0 invalid/,
  },
  {
    file: 'ics-honeypot-observed-ttps.json',
    // No layer format (an "Outdated Layer" dialog), ICS ATT&CK 14, no tactic, counts up to 847 with no gradient.
    validates: 1,
    with: 'G0034',
    threat: join(repoRoot, 'test/fixtures/gap/ics-threat.json'),
    asThreat: /^3 threat techniques, \d+ gaps; threat \S*ics-honeypot-observed-ttps\.json: 3 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /ics-honeypot-observed-ttps\.json: 3 entries read, 0 ignored, 0 invalid/,
  },
  {
    file: 'llm-prompt-threat-comments-4.5.json',
    // Format 4.5 with format 2's lower-case "windows" in its filter: comment-only entries, sub-techniques hidden.
    validates: 0,
    with: 'G0032',
    threat: CAMPAIGN_THREAT,
    asThreat: /^3 threat techniques, 3 gaps; threat \S*llm-prompt-threat-comments-4\.5\.json: 3 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /llm-prompt-threat-comments-4\.5\.json \("Threat report TTPs"\) gives no coverage: of its 3 entries, 3 ignored/,
  },
  {
    file: 'selection-script-version-object-4.0.json',
    // "version" holding an object, tactics written as names ("Discovery"), each entry's "metadata": "" (empty text).
    validates: 1,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^2 threat techniques, 2 gaps; threat \S*selection-script-version-object-4\.0\.json: 2 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /selection-script-version-object-4\.0\.json: 2 entries read, 0 ignored, 0 invalid/,
  },
  {
    file: 'threatintel-kill-chain-4.5.json',
    // Format 4.5, ATT&CK 14, no tactic, every entry 100 with "color": "" and no comment; T1003, T1059, T1590 twice alike.
    validates: 0,
    with: 'APT29',
    threat: CAMPAIGN_THREAT,
    asThreat: /^7 threat techniques, \d+ gaps; threat \S*threatintel-kill-chain-4\.5\.json: 10 entries read, 0 ignored, 0 invalid/m,
    asCoverage: /threatintel-kill-chain-4\.5\.json: 10 entries read, 0 ignored, 0 invalid/,
  },
];

function readLayer(file: string): NavigatorLayer {
  return JSON.parse(readFileSync(file, 'utf8')) as NavigatorLayer;
}

/** Texts an analyst wrote on an entry, each alone: its comment's lines and its metadata items and links. */
function annotations(entry: Entry): string[] {
  const lines = (entry.comment ?? '').split('\n').filter((line) => line.trim() !== '');
  // A list written as empty text (`"metadata": ""`) holds nothing.
  const items = (Array.isArray(entry.metadata) ? entry.metadata : []).map((item) => JSON.stringify(item));
  const links = (Array.isArray(entry.links) ? entry.links : []).map((link) => JSON.stringify(link));
  return [...lines, ...items, ...links];
}

describe('layers published by others, through every command', () => {
  const dir = freshTmpDir('published-layers');

  for (const c of CASES) {
    describe(c.file, () => {
      const file = join(PUBLIC, c.file);
      const upgraded = join(dir, `up-${c.file}`);

      it(`validate exits ${c.validates}`, async () => {
        const result = await runCli(['validate', file]);
        expect(result.code, result.stdout + result.stderr).to.equal(c.validates);
      });

      it('upgrade writes a layer that passes the 4.5 schema and validate, with every annotation, setting and state kept', async () => {
        const result = await runCli(['upgrade', file, '--out', upgraded]);
        expect(result.code, result.stderr).to.equal(0);
        const read = readLayer(file);
        const written = readLayer(upgraded);
        expect(schemaIssues('layer-4.5', written)).to.deep.equal([]);
        const check = await runCli(['validate', upgraded]);
        expect(check.code, check.stdout).to.equal(0);
        expect(check.stdout).not.to.match(/^error/m);
        for (const key of ['name', 'description', 'sorting', 'showTacticRowBackground', 'tacticRowBackground'] as const) {
          expect(written[key], key).to.deep.equal(read[key]);
        }
        expect(written.gradient, 'gradient').to.deep.equal(c.gradientColours ? { colors: c.gradientColours, ...read.gradient } : read.gradient);
        // DeTT&CT writes "hideDisable" and legend colours with a trailing space ("#0d47a1 "): kept as Navigator reads them.
        expect(written.hideDisabled, 'hideDisabled').to.equal(read.hideDisabled ?? (read as unknown as Record<string, unknown>)['hideDisable']);
        expect(written.legendItems, 'legendItems').to.deep.equal(read.legendItems?.map((item) => ({ ...item, color: item.color.trim() })));
        // Format 3.x's domain names (splunk/security_content, sigma2attack, DeTT&CT and MITRE CAR still write them) become 4.x's.
        expect(written.domain).to.equal(({ 'mitre-enterprise': 'enterprise-attack', 'mitre-mobile': 'mobile-attack' } as Record<string, string>)[read.domain as string] ?? read.domain);
        const renamed = new Map(c.renamed ?? []);
        const out = written.techniques ?? [];
        for (const entry of read.techniques ?? []) {
          const id = renamed.get(entry.techniqueID) ?? entry.techniqueID;
          if (c.removed?.includes(id)) {
            const kept = (written.metadata ?? []).flatMap((item) => ('name' in item && item.name === 'removed by upgrade' ? [item.value] : []));
            expect(kept.some((value) => value.includes(`"${id}"`)), `${id} is kept in the metadata`).to.equal(true);
            continue;
          }
          const now = out.filter((e) => e.techniqueID === id);
          expect(now, `${entry.techniqueID} is written`).to.not.be.empty;
          const kept = now.flatMap(annotations);
          for (const text of annotations(entry)) expect(kept, `${entry.techniqueID}: ${text}`).to.include(text);
          if (entry.score !== undefined) expect(now.map((e) => e.score), entry.techniqueID).to.include(entry.score);
          // A colour merged away (two entries that became one cell) is kept in the "removed by upgrade" metadata.
          const removed = (written.metadata ?? []).flatMap((item) => ('name' in item && item.name === 'removed by upgrade' ? [item.value] : []));
          if (entry.color && !now.some((e) => e.color === entry.color)) expect(removed.some((value) => value.endsWith(`It was: "${entry.color}"`)), `${entry.techniqueID} ${entry.color}`).to.equal(true);
          if (entry.enabled === false) expect(now.every((e) => e.enabled === false), entry.techniqueID).to.equal(true);
          if (entry.showSubtechniques !== undefined) expect(now.map((e) => e.showSubtechniques), entry.techniqueID).to.include(entry.showSubtechniques);
        }
        // Each sub-technique annotated shows in Navigator: expanded by the layout or under a parent that shows them.
        // An entry that only disables a sub-technique (SRA's index disables every technique it leaves out) annotates nothing.
        const annotatedSubs = out.filter((e) => e.techniqueID.includes('.') && annotations(e).length + (e.score === undefined ? 0 : 1) + (e.color ? 1 : 0) > 0);
        if (annotatedSubs.length && written.layout?.expandedSubtechniques !== 'annotated') {
          for (const sub of annotatedSubs) {
            const parent = sub.techniqueID.split('.')[0];
            expect(out.some((e) => e.techniqueID === parent && e.showSubtechniques), sub.techniqueID).to.equal(true);
          }
        }
      });

      it('gap reads it as the threat', async () => {
        const result = await runCli(['gap', '--threat', file, '--coverage', join(repoRoot, 'test/fixtures/gap/detections.csv'), '--out', join(dir, `threat-${c.file}`)]);
        expect(result.stderr).to.match(c.asThreat);
        expect(result.code, result.stderr).to.equal(c.asThreat.source.includes('--tests') ? 1 : 0);
      });

      it('gap reads it as the coverage', async () => {
        const result = await runCli(['gap', '--threat', c.threat, '--coverage', file, '--out', join(dir, `coverage-${c.file}`)]);
        expect(result.stderr).to.match(c.asCoverage);
        expect(result.code, result.stderr).to.equal(c.asCoverage.source.includes('--tests') ? 1 : 0);
      });

      it("compare lists each of its techniques against an ATT&CK object's", async () => {
        const result = await runCli(['compare', file, '--with', c.with, '--json']);
        expect(result.code, result.stderr).to.equal(0);
        const { comparisons } = JSON.parse(result.stdout) as { comparisons: Array<{ rows?: unknown[]; techniques?: unknown[] }> };
        expect(comparisons).to.have.length(1);
      });

      it('combine with itself (max) writes a valid layer with each technique once per tactic and its comments', async () => {
        const out = join(dir, `combined-${c.file}`);
        const result = await runCli(['combine', file, file, '--op', 'max', '--out', out]);
        expect(result.code, result.stderr).to.equal(0);
        const combined = readLayer(out);
        expect(schemaIssues('layer-4.5', combined)).to.deep.equal([]);
        const keys = (combined.techniques ?? []).map((e) => `${e.techniqueID}/${e.tactic ?? ''}`);
        expect(new Set(keys).size).to.equal(keys.length);
        const up = readLayer(upgraded);
        const comments = (combined.techniques ?? []).map((e) => e.comment ?? '').join('\n');
        for (const entry of up.techniques ?? []) for (const line of (entry.comment ?? '').split('\n').filter((l) => l.trim())) expect(comments).to.contain(line.trim());
      });

      it('export writes one CSV row per technique with its comment', async () => {
        const result = await runCli(['export', file, '--format', 'csv']);
        expect(result.code, result.stderr).to.equal(0);
        // An entry that only shows sub-techniques (ATT&CK's M1010 layer writes T1628 so) is layout, not an annotation.
        for (const entry of (readLayer(file).techniques ?? []).filter((e) => e.score !== undefined || e.comment || e.color)) {
          expect(result.stdout).to.contain(`${entry.techniqueID},`);
          const first = (entry.comment ?? '').split('\n').find((line) => line.trim());
          if (first) expect(result.stdout).to.contain(first.trim());
        }
      });
    });
  }
});
