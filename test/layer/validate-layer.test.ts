import { expect } from 'chai';
import type { AttackLibrary } from '../../lib/attack/load.js';
import {
  LAYER_FINDING_CODES,
  validateLayer,
  type LayerFinding,
  type LayerFindingCode,
  type ValidateLayerOptions,
} from '../../lib/layer/validate-layer.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { nearestRelease } from '../../lib/layer/upgrade-layer.js';
import { attackFor, attackLibrary, readLayerFixture } from './attack-data.js';
import { AttackIndex } from '../../lib/attack/attack-index.js';

type Layer = Record<string, unknown>;
type Expected = Array<[severity: LayerFinding['severity'], code: LayerFindingCode, path: string]>;

function layer(techniques: unknown[], extra: Layer = {}): Layer {
  return {
    name: 'validate test',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    layout: { expandedSubtechniques: 'annotated' },
    techniques,
    ...extra,
  };
}

function brief(findings: readonly LayerFinding[]): Expected {
  return findings.map((finding) => [finding.severity, finding.code, finding.path]);
}

describe('validateLayer', () => {
  let library: AttackLibrary;
  let options: ValidateLayerOptions;
  const exercised = new Set<LayerFindingCode>();
  const check = (value: unknown, opts: Partial<ValidateLayerOptions> = {}): LayerFinding[] => {
    const findings = validateLayer(value, { ...options, ...opts });
    for (const finding of findings) exercised.add(finding.code);
    return findings;
  };

  before(() => {
    library = attackLibrary();
    options = { attackFor: attackFor(library), file: 'test.layer.json' };
    expect(library.release('enterprise-attack').release).to.equal('18.1');
  });

  const table: Array<[label: string, value: unknown, expected: Expected, message?: RegExp]> = [
    ['passes a clean 4.5 layer', layer([{ techniqueID: 'T1059.001', tactic: 'execution', score: 1 }]), []],
    [
      // CTID's security-stack-mappings write score_num, score_display and category on each entry
      // (test/fixtures/layers/public/ctid-gcp-cloudvpn-4.2.json); the entry numbers are those of the layer as read.
      'warns once of entry fields no layer format names (score_num), at the first, with how many entries hold one',
      layer([{ techniqueID: 'T1059.001', score: 1 }, { techniqueID: 'T1040', score: 1, score_num: 100, category: 'Protect' }, { techniqueID: 'T1133', score: 1, score_num: 50 }]),
      [['warning', 'unknown-field', '/techniques/1/score_num']],
      /fields category, score_num of 2 entries \(first \/techniques\/1\/score_num\) are in no layer format: Navigator 5\.1 shows them nowhere .*mitreattack-python refuses a layer with them \(UnknownTechniqueProperty\)/,
    ],
    [
      'reports an unknown ID (T9999)',
      layer([{ techniqueID: 'T9999', score: 1 }]),
      [['error', 'unknown-technique', '/techniques/0']],
      // Numbered far past 18.1's newest (T1681), as a team numbers its own: said as gap says it, still dropped silently.
      /test\.layer\.json: \/techniques\/0: T9999 is numbered far past T1681 of enterprise-attack 18\.1, .*; else fix the ID, or remove the entry \(Navigator drops it silently\)$/,
    ],
    [
      // mitre/compass's stockpile-techniques.json (CALDERA's abilities as a layer) holds T1254, PRE-ATT&CK's Conduct active scanning.
      'names a PRE-ATT&CK ID (T1254) as one, retired in ATT&CK 8, whose successor no release names',
      layer([{ techniqueID: 'T1254', score: 1 }]),
      [['error', 'unknown-technique', '/techniques/0']],
      /\/techniques\/0: T1254 is in no enterprise, mobile or ICS release \(none has a technique from T1224 to T1397, where PRE-ATT&CK numbered its techniques; ATT&CK 8 retired PRE-ATT&CK in October 2020\); Navigator drops it silently: annotate the enterprise technique that fits \(Reconnaissance, Resource Development\) or remove the entry$/,
    ],
    [
      'checks the format only of a layer drawn from its own data (customDataURL, domain "f3-financial", F-IDs), and says so once',
      { ...layer([{ techniqueID: 'F1001', tactic: 'positioning', color: '#FFFFFF' }, { techniqueID: 'T1453', tactic: 'positioning' }]), domain: 'f3-financial', customDataURL: 'https://example.org/f3-stix.json' },
      [['warning', 'custom-data', '/customDataURL']],
      /test\.layer\.json: \/customDataURL: the layer is drawn from its own data \(https:\/\/example\.org\/f3-stix\.json, domain "f3-financial"\), which Navigator loads from there; attack-layers has ATT&CK releases only, so it checked the layer format, not its 2 technique entries$/,
    ],
    [
      "reports a customDataURL on a layer of ATT&CK's own domain as the alert Navigator 5.1 stops at (a Go library writes it empty)",
      { ...layer([{ techniqueID: 'T1059.001', tactic: 'execution', score: 1 }]), customDataURL: '' },
      [['error', 'navigator-alert', '/customDataURL']],
      /test\.layer\.json: \/customDataURL: "": a layer of "enterprise-attack" is drawn from Navigator's own ATT&CK releases, .*: Navigator 5\.1 stops with the alert "ERROR: invalid url" instead of opening the layer \(`upgradeLayer` leaves it out\)$/,
    ],
    [
      'still rejects a domain of its own without data to draw it from (a DISARM layer, no customDataURL)',
      { ...layer([{ techniqueID: 'T0017', score: 1 }]), domain: 'DISARM' },
      [['error', 'schema', '/domain']],
    ],
    [
      'reports a PRE-ATT&CK layer once, saying what became of PRE-ATT&CK and what to do',
      { ...layer([{ techniqueID: 'T1247', score: 1 }]), domain: 'pre-attack' },
      [['error', 'pre-attack-layer', '/domain']],
      /test\.layer\.json: \/domain: "pre-attack" is PRE-ATT&CK, a retired domain: ATT&CK 8 .*: set "domain" to "enterprise-attack" and replace its technique entry/,
    ],
    [
      // The shape of the ATLAS layer a SecLLM bootcamp lab script writes (find_string id 69002777500).
      'reports an ATLAS layer once, naming ATLAS and saying that attack-layers reads ATT&CK enterprise, mobile and ICS only',
      { ...layer([{ techniqueID: 'AML.T0051', tactic: 'initial-access', score: 3 }]), domain: 'atlas-atlas' },
      [['error', 'atlas-layer', '/domain']],
      /test\.layer\.json: \/domain: "atlas-atlas": this is a MITRE ATLAS layer .*attack-layers reads ATT&CK layers only \(enterprise-attack, mobile-attack and ics-attack\): open it in ATLAS's Navigator/,
    ],
    [
      'says that an ICS ID in an enterprise layer is an ICS technique (T0800), and, every entry being one, that the domain is likely wrong',
      layer([{ techniqueID: 'T0800', score: 1 }]),
      [
        ['error', 'other-domain-technique', '/techniques/0'],
        ['warning', 'other-domain-layer', '/domain'],
      ],
      /\/techniques\/0: T0800 is an ICS technique \(Activate Firmware Update Mode in ics-attack 18\.1\); this layer is enterprise-attack: Navigator drops it silently/,
    ],
    [
      'says that a mobile ID in an enterprise layer is a Mobile technique (T1406), and, beside an enterprise one, not that the domain is wrong',
      layer([{ techniqueID: 'T1406', score: 1 }, { techniqueID: 'T1059', score: 1 }]),
      [['error', 'other-domain-technique', '/techniques/0']],
      /T1406 is a Mobile technique \(Obfuscated Files or Information in mobile-attack 18\.1\); this layer is enterprise-attack/,
    ],
    [
      'reports a revoked ID with its replacement (T1193 -> T1566.001)',
      layer([{ techniqueID: 'T1193', tactic: 'initial-access', score: 1 }]),
      [['error', 'revoked-technique', '/techniques/0']],
      /T1193 \(Spearphishing Attachment\) is revoked in enterprise-attack 18\.1, replaced by T1566\.001 \(Spearphishing Attachment\).*run `upgradeLayer`/,
    ],
    [
      'names the intermediate steps of a revocation chain (T1073 -> T1574.002 -> T1574.001)',
      layer([{ techniqueID: 'T1073', score: 1 }]),
      [['error', 'revoked-technique', '/techniques/0']],
      /replaced by T1574\.001 \([^)]+\) via T1574\.002/,
    ],
    [
      'reports a deprecated ID with its deprecation pointers (T1064 -> T1059)',
      layer([{ techniqueID: 'T1064', score: 1 }]),
      [['error', 'deprecated-technique', '/techniques/0']],
      /T1064 \(Scripting\) is deprecated in enterprise-attack 18\.1 and has no replacement; its description points to T1059 \(Command and Scripting Interpreter\): write the one that fits and move the annotation there; Navigator drops it silently/,
    ],
    [
      // A txt2stix API test's navigator_data (find_string id 34225568174: its "Minimal Mobile Layer") lists mobile T1406
      // and T1475 by ID alone. Navigator shows nothing of an entry without annotation, so dropping T1475 loses nothing.
      'warns, not errs, of a deprecated ID in an entry of the ID alone (txt2stix\'s mobile T1475), saying what to write as normalize does',
      layer([{ techniqueID: 'T1406' }, { techniqueID: 'T1475' }], { domain: 'mobile-attack' }),
      // A layer of IDs alone highlights nothing in Navigator, which nothing-annotated says.
      [['warning', 'deprecated-technique', '/techniques/1'], ['warning', 'nothing-annotated', '/techniques']],
      /\/techniques\/1: T1475 \(Deliver Malicious App via Authorized App Store\) is deprecated in mobile-attack 18\.1 and has no replacement; its description points to T1407 \(Download New Code at Runtime\), T1406 \(Obfuscated Files or Information\): write the one that fits in the entry's place, or remove the entry: it carries no annotation .*loses nothing anyone saw/,
    ],
    [
      // Navigator 5.1 drops a revoked technique's entry silently, as a deprecated one's (NAVIGATOR.md): an entry of the ID
      // alone loses nothing anyone saw, and is said in normalize's words for a revoked reference, naming the replacement.
      'warns, not errs, of a revoked ID in an entry of the ID alone, naming the replacement as normalize does (T1073 -> T1574.001)',
      layer([{ techniqueID: 'T1073' }]),
      [['warning', 'revoked-technique', '/techniques/0'], ['warning', 'nothing-annotated', '/techniques']],
      /\/techniques\/0: T1073 \(DLL Side-Loading\) was revoked by T1574\.001 \([^)]+\) \(via T1073 -> T1574\.002 -> T1574\.001\): write T1574\.001 in the entry's place, or remove the entry: it carries no annotation .*loses nothing anyone saw/,
    ],
    [
      // SRA's index layers (SecurityRiskAdvisors/indexes) disable every ID they leave out, revoked ones too: 35 errors
      // on one excerpt, where Navigator greyed out nothing anyone saw.
      'warns, not errs, of a revoked ID that is only disabled: Navigator drops it, and nothing shown is lost',
      layer([{ techniqueID: 'T1086', enabled: false }]),
      [['warning', 'revoked-technique', '/techniques/0']],
      /T1086 \(PowerShell\) is revoked in enterprise-attack 18\.1, replaced by T1059\.001 \(PowerShell\); the entry only disables it, and Navigator drops it silently, which greys out nothing anyone saw \(a revoked technique shows nowhere\) — remove the entry \(`upgradeLayer` does, keeping it in the layer's metadata, and leaves T1059\.001 as the layer has it\)/,
    ],
    [
      'warns, not errs, of a deprecated ID that is only disabled',
      layer([{ techniqueID: 'T1026', enabled: false }]),
      [['warning', 'deprecated-technique', '/techniques/0']],
      /T1026 \(Multiband Communication\) is deprecated in enterprise-attack 18\.1; the entry only disables it, and Navigator drops it silently, which greys out nothing anyone saw/,
    ],
    [
      'still reports a disabled revoked ID that carries an annotation as an error',
      layer([{ techniqueID: 'T1086', enabled: false, comment: 'seen in 2019' }]),
      [['error', 'revoked-technique', '/techniques/0']],
      /T1086 \(PowerShell\) is revoked in enterprise-attack 18\.1, replaced by T1059\.001 \(PowerShell\); Navigator drops it silently — run `upgradeLayer`$/,
    ],
    [
      'reports a tactic the technique does not belong to (T1218.010 under execution)',
      layer([{ techniqueID: 'T1218.010', tactic: 'execution', score: 1 }]),
      [['error', 'tactic-mismatch', '/techniques/0/tactic']],
      /T1218\.010 \(Regsvr32\) is not under execution in enterprise-attack 18\.1 \(its tactics: defense-evasion\)/,
    ],
    [
      'reports a tactic that is no tactic at all',
      layer([{ techniqueID: 'T1059', tactic: 'teleportation', score: 1 }]),
      [['error', 'tactic-mismatch', '/techniques/0/tactic']],
    ],
    [
      // A layer of 18 with ATT&CK 19's tactic, as an HTB skills layer (Adedoja/HTB-ATT-CK-Navigator) writes T1078: the
      // tactic it was split off, not "one of those or remove it".
      'says where the release has a technique written under a tactic a later release split off (T1078 under stealth)',
      layer([{ techniqueID: 'T1078', tactic: 'stealth', score: 1 }]),
      [['error', 'tactic-mismatch', '/techniques/0/tactic']],
      /T1078 \(Valid Accounts\) is not under stealth in enterprise-attack 18\.1: Stealth is the tactic ATT&CK 19 split off defense-evasion, under which enterprise-attack 18\.1 has T1078; set tactic to defense-evasion \(`upgradeLayer` moves the annotation there\)$/,
    ],
    [
      'says where the technique is of a tactic a later release split off that the technique was never under (T1003 under stealth)',
      layer([{ techniqueID: 'T1003', tactic: 'stealth', score: 1 }]),
      [['error', 'tactic-mismatch', '/techniques/0/tactic']],
      /T1003 \(OS Credential Dumping\) is not under stealth in enterprise-attack 18\.1 \(its tactics: credential-access\); Navigator shows this annotation nowhere/,
    ],
    [
      'warns about a repeated technique/tactic pair',
      layer([
        { techniqueID: 'T1059.001', tactic: 'execution', score: 1 },
        { techniqueID: 'T1059.001', tactic: 'execution', score: 2 },
      ]),
      [['warning', 'duplicate-entry', '/techniques/1']],
      /T1059\.001 under execution repeats \/techniques\/0; Navigator keeps only the last one/,
    ],
    [
      // Navigator 5.1's TechniqueVM.deserialize (technique-vm.ts at 38460258) reads each field by its name only
      // ("score" in obj, "color" in obj…), and ViewModel.deserialize finds the cell by objTechnique.techniqueID:
      // "colour", "commnet" show nowhere and an entry with "techniqueId" is dropped; a "Tactic" it reads as no tactic,
      // so the entry shows under every tactic of its technique, hidden nowhere.
      'reports misspelt entry fields Navigator shows nowhere (colour, commnet, techniqueId) as errors, a misspelt tactic as a warning',
      layer([
        { techniqueID: 'T1059', colour: '#ff6666', commnet: 'seen in the loader' },
        { techniqueId: 'T1003', score: 1 },
        { techniqueID: 'T1018', score: 1, Tactic: 'discovery' },
      ]),
      [
        ['error', 'repaired', '/techniques/0/colour'],
        ['error', 'repaired', '/techniques/0/commnet'],
        ['error', 'repaired', '/techniques/1/techniqueId'],
        ['warning', 'repaired', '/techniques/2/Tactic'],
      ],
      /\/techniques\/1\/techniqueId: "techniqueId" is no technique entry field \(Navigator ignores it\); read as techniqueID \(Navigator 5\.1 reads a field only by the name the format gives it, finds no technique for the entry and drops it;/,
    ],
    [
      // CALDERA's compass plugin writes an entry per ability of an adversary (mitre/compass app/compass_svc.py at
      // 0e8de1a7: T1105 eight times in its stockpile layer), each {score: 1, color: "", comment: "", enabled: true}.
      'says an exact repeat loses nothing and asks only to delete it',
      layer([
        { techniqueID: 'T1105', score: 1, color: '', comment: '', enabled: true },
        { techniqueID: 'T1105', score: 1, color: '', comment: '', enabled: true },
      ]),
      [['warning', 'duplicate-entry', '/techniques/1']],
      /T1105 under all its tactics repeats \/techniques\/0 exactly; Navigator keeps only the last one, so nothing is lost: delete the repeat$/,
    ],
    [
      // Judged as written: the repair reads "Score" as score, Navigator reads no score there, and the later entry,
      // which it keeps, loses T1105's score.
      'does not call a repeat exact that only the repair made equal (a misspelt "Score")',
      layer([
        { techniqueID: 'T1105', score: 1 },
        { techniqueID: 'T1105', Score: 1 },
      ]),
      [
        ['error', 'repaired', '/techniques/1/Score'],
        ['warning', 'duplicate-entry', '/techniques/1'],
      ],
      /T1105 under all its tactics repeats \/techniques\/0; Navigator keeps only the last one, dropping \/techniques\/0's score 1: merge the two entries$/,
    ],
    [
      'warns about an entry without tactic that overlaps one with a tactic',
      layer([
        { techniqueID: 'T1053.005', score: 1 },
        { techniqueID: 'T1053.005', tactic: 'persistence', score: 2 },
      ]),
      [['warning', 'duplicate-entry', '/techniques/1']],
      /overlaps \/techniques\/0 \(under all its tactics\)/,
    ],
    [
      'accepts the same technique under two different tactics',
      layer([
        { techniqueID: 'T1053.005', tactic: 'execution', score: 1 },
        { techniqueID: 'T1053.005', tactic: 'persistence', score: 2 },
      ]),
      [],
    ],
    [
      'reports a gradient whose maxValue is below minValue',
      layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colors: ['#ffffff', '#ff0000'], minValue: 5, maxValue: 1 } }),
      [['error', 'gradient-range', '/gradient/maxValue']],
      /maxValue 1 is below minValue 5; Navigator paints every score of 1 or more with the last colour/,
    ],
    [
      // CTID's insider-threat green_seen layer: observed techniques score 1 on a one-colour gradient 1..1.
      'accepts a gradient whose ends are equal, which Navigator paints as a threshold',
      layer([{ techniqueID: 'T1059', score: 1 }, { techniqueID: 'T1105', score: 0 }], { gradient: { colors: ['#31a354ff', '#31a354ff'], minValue: 1, maxValue: 1 } }),
      [],
    ],
    [
      // A layer of counts written without a gradient (a regex-extracted rule-count layer on GitHub scores T1082 292):
      // there is no gradient to widen, only one to add.
      'warns about a score outside the default gradient 0..100 of a layer that states none, and asks to add one',
      layer([{ techniqueID: 'T1059', score: 150 }]),
      [['warning', 'score-out-of-range', '/techniques/0/score']],
      /T1059 has score 150, outside Navigator's default gradient 0\.\.100 \(the layer states none\); Navigator colours it as the gradient's end \(100\): add a gradient whose minValue and maxValue span the scores or fix the score$/,
    ],
    [
      // As in Navigator's Wizard_Spider sample: T1003.002, score 2 on a 0..1 gradient, "color": "#a1d99b".
      'says that an entry with its own colour is painted that colour, not clamped to an end of the gradient',
      layer([{ techniqueID: 'T1003.002', tactic: 'credential-access', score: 2, color: '#a1d99b' }], { gradient: { colors: ['#ffffff', '#66b1ff'], minValue: 0, maxValue: 1 } }),
      [['warning', 'score-out-of-range', '/techniques/0/score']],
      /T1003\.002 has score 2, outside the gradient 0\.\.1; Navigator paints its own colour #a1d99b, not the score's, but the score is off the layer's scale/,
    ],
    [
      'reads an empty colour ("") as none: the score\'s colour, clamped',
      layer([{ techniqueID: 'T1059', score: 3, color: '' }], { gradient: { colors: ['#ffffff', '#66b1ff'], minValue: 0, maxValue: 1 } }),
      [['warning', 'score-out-of-range', '/techniques/0/score']],
      /T1059 has score 3, outside the gradient 0\.\.1; Navigator colours it as the gradient's end \(1\)/,
    ],
    [
      "warns about a score below the layer's gradient",
      layer([{ techniqueID: 'T1059', score: -1 }], { gradient: { colors: ['#ffffff', '#ff0000'], minValue: 0, maxValue: 10 } }),
      [['warning', 'score-out-of-range', '/techniques/0/score']],
    ],
    [
      // DeepTempo's attack-layer-exporter example (code index file id 46540906057): T1071.001 85 alone, aggregate scores on.
      'says that a collapsed sub-technique\'s score shows in its parent\'s aggregate score when the layer shows aggregate scores',
      layer([{ techniqueID: 'T1071.001', tactic: 'command-and-control', score: 85, comment: '15 findings' }], {
        layout: { showAggregateScores: true, aggregateFunction: 'average' },
      }),
      [['warning', 'hidden-subtechnique', '/techniques/0']],
      /collapsed under T1071 in command-and-control, so only its score shows, in T1071's aggregate score; nobody sees the rest of it: set layout\.expandedSubtechniques/,
    ],
    [
      'warns about an annotated sub-technique collapsed under its parent',
      layer([{ techniqueID: 'T1566.001', tactic: 'initial-access', score: 1 }], { layout: { expandedSubtechniques: 'none' } }),
      [['warning', 'hidden-subtechnique', '/techniques/0']],
      /T1566\.001 \(Spearphishing Attachment\) is annotated but collapsed under T1566 in initial-access/,
    ],
    [
      // mitre-attack-navigator-layer-builder disables every technique a group does not use (tester's 08-*.json).
      'does not call a collapsed sub-technique annotated when it is only disabled, nor a disabled one of a hideDisabled layer',
      layer(
        [
          { techniqueID: 'T1566.001', enabled: false, metadata: [], links: [], showSubtechniques: false },
          { techniqueID: 'T1566.002', enabled: false, score: 1 },
        ],
        { layout: {}, hideDisabled: true },
      ),
      // Not collapsed but hidden by hideDisabled, expanded or not (Navigator's exporters apply the same controls to
      // sub-techniques: viewModel.applyControls(technique.subtechniques, …)), which is said as such.
      [['warning', 'hidden-disabled', '/techniques/1']],
    ],
    [
      // Navigator keeps a disabled technique while one of its sub-techniques is enabled (view-model.ts, isSubtechniqueEnabled).
      'still reports an annotated sub-technique collapsed under a disabled parent of a hideDisabled layer (the parent stays)',
      layer(
        [
          { techniqueID: 'T1566.001', color: '#6495ed', showSubtechniques: true },
          { techniqueID: 'T1566', enabled: false },
        ],
        { layout: {}, hideDisabled: true },
      ),
      [['warning', 'hidden-subtechnique', '/techniques/0']],
      /T1566\.001 \(Spearphishing Attachment\) is annotated but collapsed under T1566 in initial-access, so nobody sees it/,
    ],
    [
      'accepts a sub-technique whose parent entry has showSubtechniques',
      layer(
        [
          { techniqueID: 'T1566', tactic: 'initial-access', showSubtechniques: true },
          { techniqueID: 'T1566.001', tactic: 'initial-access', score: 1 },
        ],
        { layout: {} },
      ),
      [],
    ],
    [
      // SRA's Threat Simulation Index layers repeat T1021: showSubtechniques entries, then one with the colour only.
      'warns about an annotated sub-technique whose parent entry with showSubtechniques a later entry of the parent replaces',
      layer(
        [
          { techniqueID: 'T1021', showSubtechniques: true },
          { techniqueID: 'T1021', color: '#7a34eb' },
          { techniqueID: 'T1021.001', color: '#7a34eb' },
        ],
        { layout: {} },
      ),
      [
        ['warning', 'duplicate-entry', '/techniques/1'],
        ['warning', 'hidden-subtechnique', '/techniques/2'],
      ],
      /T1021\.001 \(Remote Desktop Protocol\) is annotated but collapsed under T1021 in lateral-movement/,
    ],
    [
      'warns when the parent expands the sub-technique under another tactic only (T1055.001)',
      layer(
        [
          { techniqueID: 'T1055', tactic: 'defense-evasion', showSubtechniques: true },
          { techniqueID: 'T1055.001', score: 1 },
        ],
        { layout: {} },
      ),
      [['warning', 'hidden-subtechnique', '/techniques/1']],
      /collapsed under T1055 in privilege-escalation,/,
    ],
    [
      'warns about annotated techniques that the platform filter hides (T1595 on PRE; T1053.003 on Linux, macOS, ESXi)',
      layer(
        [
          { techniqueID: 'T1595', score: 1 },
          { techniqueID: 'T1053.003', tactic: 'persistence', color: '#ff0000' },
          { techniqueID: 'T1059', score: 1 },
          { techniqueID: 'T1018' },
        ],
        { filters: { platforms: ['Windows'] }, layout: { expandedSubtechniques: 'annotated' } },
      ),
      [
        ['warning', 'filtered-out-technique', '/techniques/0'],
        ['warning', 'filtered-out-technique', '/techniques/1'],
      ],
      /T1595 \(Active Scanning\) is annotated but runs on "PRE", which filters\.platforms leaves out, so Navigator hides it: add "PRE" to filters\.platforms or remove the filter/,
    ],
    [
      'warns about a platform filter naming a platform the release renamed or never had',
      layer([], { filters: { platforms: ['Windows', 'Office 365', 'Gopher'] } }),
      [
        ['warning', 'unknown-platform', '/filters/platforms/1'],
        ['warning', 'unknown-platform', '/filters/platforms/2'],
      ],
      /"Office 365" is not a platform of enterprise-attack 18\.1, so it filters nothing in: it is called "Office Suite" now/,
    ],
    [
      'reads a platform renamed after the layer\'s release as its new name (CTID Scoring Layer: "Azure AD" in a layer for 15)',
      layer([{ techniqueID: 'T1526', tactic: 'discovery', score: 5 }], {
        versions: { attack: '15', navigator: '5.0.1', layer: '4.5' },
        filters: { platforms: ['Azure AD'] },
      }),
      [
        ['warning', 'upgrade-prompt', '/versions/attack'],
        ['warning', 'attack-version-unavailable', '/versions/attack'],
        ['warning', 'unknown-platform', '/filters/platforms/0'],
      ],
      /"Azure AD" is what ATT&CK called "Identity Provider" before 16\.0, and this layer is for ATT&CK 15: read as "Identity Provider"; `upgradeLayer` writes the new name$/,
    ],
    [
      // DeTT&CT's M-Trends 2021 layer (no versions.attack) and Splunk's coverage layer list AWS, GCP, Azure: Navigator's
      // filter maps those to IaaS in every layer, so T1578.002 (IaaS) shows there; it was said to be hidden.
      'reads AWS, GCP and Azure as IaaS in a layer for any release, as Navigator does (T1578.002 is not hidden)',
      layer([{ techniqueID: 'T1578.002', score: 1 }], { filters: { platforms: ['Windows', 'AWS', 'GCP', 'Azure'] }, layout: { expandedSubtechniques: 'annotated' } }),
      // Once for the three names, which were said once each.
      [['warning', 'unknown-platform', '/filters/platforms/1']],
      /"AWS", "GCP", "Azure" \(\/filters\/platforms\/1, 2, 3\) are what ATT&CK called "IaaS" before 9\.0, and Navigator reads them so in any layer: read as "IaaS"; `upgradeLayer` writes the new name$/m,
    ],
    [
      'still warns that a renamed platform hides techniques in a layer for a release that no longer had it ("Azure AD" in a layer for 18)',
      layer([{ techniqueID: 'T1526', tactic: 'discovery', score: 5 }], { filters: { platforms: ['Azure AD'] } }),
      [
        ['warning', 'filtered-out-technique', '/techniques/0'],
        ['warning', 'unknown-platform', '/filters/platforms/0'],
      ],
      /"Azure AD" is not a platform of enterprise-attack 18\.1, so it filters nothing in: it is called "Identity Provider" now/,
    ],
    [
      'quotes the platforms to use instead of one the release never had ("Gopher": use one of "Containers", ...)',
      layer([], { filters: { platforms: ['Windows', 'Gopher'] } }),
      [['warning', 'unknown-platform', '/filters/platforms/1']],
      /"Gopher" is not a platform of enterprise-attack 18\.1, so it filters nothing in: use one of "Containers", "ESXi", "IaaS", .*"Windows", "macOS"$/,
    ],
    [
      'accepts annotated sub-techniques with layout.expandedSubtechniques "annotated"',
      layer([{ techniqueID: 'T1566.001', score: 1 }], { layout: { expandedSubtechniques: 'annotated' } }),
      [],
    ],
    [
      'ignores sub-technique entries without annotation',
      layer([{ techniqueID: 'T1566.001', tactic: 'initial-access', color: '', comment: '', metadata: [], links: [] }], { layout: {} }),
      // No hidden-subtechnique; the layer as a whole highlights nothing.
      [['warning', 'nothing-annotated', '/techniques']],
    ],
    [
      'warns when versions.attack names a release that is not available, and says which was used',
      layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: '7', navigator: '5.1.0', layer: '4.5' } }),
      [
        ['warning', 'upgrade-prompt', '/versions/attack'],
        ['warning', 'attack-version-unavailable', '/versions/attack'],
      ],
      /ATT&CK enterprise-attack 7 is not available here; checked against enterprise-attack 18\.1 instead \(run `fetchRelease\(\{ version: '7' \}\)` to check against 7\)/,
    ],
    [
      // NAVIGATOR.md: a release Navigator 5.1 has not configured ("5") fails with "ERROR parsing layer…", no tab.
      'reports a layer of ATT&CK 5, which Navigator 5.1 refuses to open, as an error saying to upgrade it',
      layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: '5', navigator: '5.1.0', layer: '4.5' } }),
      [
        ['error', 'navigator-release', '/versions/attack'],
        ['warning', 'attack-version-unavailable', '/versions/attack'],
      ],
      /\/versions\/attack: Navigator 5\.1 has no ATT&CK 5 \(it has 6 to 18\): it refuses the file with "ERROR parsing layer…" and opens no tab; run `upgradeLayer` to bring it to 18\.1/,
    ],
    [
      // Navigator 5.1's Gradient.deserialize (gradient.ts at 0454b41d) builds its scale with tinygradient, which throws
      // "Invalid number of stops (< 2)" for one colour; ViewModel.deserialize (view-model.ts at fa7a6017) reads the
      // gradient before the legend and the entries, and the loader (tabs.component.ts upgradeLayer) stops there.
      'reports a gradient of one colour as the alert Navigator 5.1 stops reading the layer at',
      layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colors: ['#ff6666'], minValue: 0, maxValue: 1 } }),
      [['error', 'navigator-alert', '/gradient/colors']],
      /\/gradient\/colors: one colour, "#ff6666", where a gradient needs two; set to \["#ffffff","#ff6666"\], .*: Navigator 5\.1 builds no colour scale from it \("Invalid number of stops \(< 2\)" in its console\), before it reads the legend, technique entries, metadata and layout, and stops reading the layer in the tab it opens for it in the layer's release, with the alert "ERROR parsing file, check the javascript console for more information\." where it has loaded that release already \(a layer of it opened or created earlier in the session\), else with only an error in its console \(`upgradeLayer` writes it repaired\)$/,
    ],
    ['reports a gradient of no colour as that alert', layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colors: [], minValue: 0, maxValue: 1 } }), [['error', 'navigator-alert', '/gradient/colors']]],
    [
      // A detections-to-layer generator on GitHub writes `"gradient": {"minValue": 0, "maxValue": 100}` (find_string id
      // 8022952463; test/fixtures/layers/public/severity-coverage-no-gradient-colours.json): `for … of` undefined throws.
      'reports a gradient without colours as that alert',
      layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { minValue: 0, maxValue: 100 } }),
      [['error', 'navigator-alert', '/gradient/colors']],
      /\/gradient\/colors: missing; set to .*: Navigator 5\.1 builds no colour scale from it \("is not iterable" in its console\), before it reads the legend, technique entries, metadata and layout, and stops reading the layer in the tab it opens for it in the layer's release, with the alert "ERROR parsing file/,
    ],
    // Navigator's own test layer of the faults it reads past writes `"colors": [3, 4]`: it keeps its default colours.
    [
      'reports gradient colours that are no colours as repaired, not as an alert (Navigator keeps its default colours)',
      layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colors: ['#ff6666', 'not a colour'], minValue: 0, maxValue: 1 } }),
      [
        ['warning', 'repaired', '/gradient/colors/1'],
        ['warning', 'repaired', '/gradient/colors'],
      ],
    ],
    [
      // Navigator 5.1's TechniqueVM.deserialize (technique-vm.ts at 38460258) and Metadata.deserialize read a field only
      // from a value of its type, log a TypeError for another and keep their default: the annotation shows nowhere.
      'reports a score, a comment, a false enabled and a metadata value of another type as errors: Navigator 5.1 shows none of them',
      layer([
        { techniqueID: 'T1059.001', tactic: 'execution', score: '75' },
        { techniqueID: 'T1003', tactic: 'credential-access', score: 10, comment: ['seen in 2023', 'seen in 2024'] },
        { techniqueID: 'T1018', tactic: 'discovery', score: 1, enabled: 'false' },
        { techniqueID: 'T1012', tactic: 'discovery', score: 1, metadata: [{ name: 'rules', value: 3 }] },
      ]),
      [
        ['error', 'repaired', '/techniques/0/score'],
        ['error', 'repaired', '/techniques/1/comment'],
        ['error', 'repaired', '/techniques/2/enabled'],
        ['error', 'repaired', '/techniques/3/metadata/0/value'],
      ],
      /\/techniques\/0\/score: "75" read as 75 \(Navigator 5\.1 reads a score only from a number \(a TypeError in its console for text\) and shows the entry unscored; `upgradeLayer` writes it repaired\)\n[^]*\/techniques\/2\/enabled: "false" read as false \(Navigator 5\.1 reads enabled only from true or false \(a TypeError in its console for text\) and shows the technique enabled;/,
    ],
    [
      // TechniqueVM.deserialize keeps showSubtechniques false for text: T1059.001's score stays collapsed, unseen.
      'reports a showSubtechniques of text that says true as an error where an annotated sub-technique stays collapsed',
      layer([{ techniqueID: 'T1059', tactic: 'execution', showSubtechniques: 'true' }, { techniqueID: 'T1059.001', tactic: 'execution', score: 1 }], { layout: {} }),
      [['error', 'repaired', '/techniques/0/showSubtechniques']],
      /\/techniques\/0\/showSubtechniques: "true" read as true \(Navigator 5\.1 reads showSubtechniques only from true or false \(a TypeError in its console for text\) and keeps the annotated sub-techniques collapsed, where nobody sees them;/,
    ],
    [
      'reports a showSubtechniques of text as a warning where the layout expands annotated sub-techniques, or none is annotated',
      layer([{ techniqueID: 'T1059', tactic: 'execution', showSubtechniques: 'true' }, { techniqueID: 'T1059.001', tactic: 'execution', score: 1 }, { techniqueID: 'T1003', score: 1, showSubtechniques: 'true' }]),
      [
        ['warning', 'repaired', '/techniques/0/showSubtechniques'],
        ['warning', 'repaired', '/techniques/2/showSubtechniques'],
      ],
    ],
    [
      // Navigator 5.1 expands sub-techniques by layout.expandedSubtechniques only as written, "annotated" or "all"
      // (layout-options.ts at 0e66913e: expandedSubtechniquesOptions.includes; view-model.ts initTechniqueVMs at
      // fa7a6017), and ignores a field it does not name: "Annotated" and "expandedSubtechnique" expand nothing there,
      // so T1059.001 stays collapsed under a T1059 whose showSubtechniques it does not read. The layout option
      // (side, flat, mini) expands nothing either.
      'reports a showSubtechniques of text as an error under expandedSubtechniques "Annotated", a misspelt field, or layout "Annotated": Navigator 5.1 expands nothing there',
      [{ expandedSubtechniques: 'Annotated' }, { expandedSubtechnique: 'annotated' }, { layout: 'Annotated' }].map((layout) =>
        layer([{ techniqueID: 'T1059', tactic: 'execution', showSubtechniques: 'true' }, { techniqueID: 'T1059.001', tactic: 'execution', score: 1 }], { layout }),
      ),
      [
        ['error', 'repaired', '/techniques/0/showSubtechniques'],
        ['warning', 'repaired', '/layout/expandedSubtechniques'],
        ['error', 'repaired', '/techniques/0/showSubtechniques'],
        ['warning', 'repaired', '/layout/expandedSubtechnique'],
        ['error', 'repaired', '/techniques/0/showSubtechniques'],
        ['warning', 'repaired', '/layout/layout'],
      ],
      /\/techniques\/0\/showSubtechniques: "true" read as true \(Navigator 5\.1 reads showSubtechniques only from true or false \(a TypeError in its console for text\) and keeps the annotated sub-techniques collapsed, where nobody sees them;/,
    ],
    [
      // Navigator 5.1's Link.valid() wants a label: a link without one shows nowhere; upgrade labels it with its URL.
      'reports a link without a label as an error: Navigator 5.1 shows that link nowhere',
      layer([{ techniqueID: 'T1059', tactic: 'execution', score: 1, links: [{ url: 'https://example.org/rule' }] }]),
      [['error', 'repaired', '/techniques/0/links/0/label']],
      /\/techniques\/0\/links\/0\/label: no label, and Navigator 5\.1 shows no link without one; labelled with its URL \(Navigator 5\.1 shows that link nowhere; `upgradeLayer` writes it repaired\)$/,
    ],
    [
      // ViewModel.deserialize (view-model.ts at fa7a6017) skips a legend item without 'label', or whose label is no text.
      'reports a legend item without a label of text as an error: Navigator 5.1 shows no such item',
      layer([{ techniqueID: 'T1059', tactic: 'execution', score: 1 }], { legendItems: [{ color: '#ff6666' }, { label: 3, color: '#66ff66' }, { label: 'Detected', color: '#6666ff' }] }),
      [
        ['error', 'repaired', '/legendItems/0/label'],
        ['error', 'repaired', '/legendItems/1/label'],
      ],
      /\/legendItems\/1\/label: 3 read as "3" \(Navigator 5\.1 shows no legend item without a label of text/,
    ],
    [
      // What Navigator's defaults keep: enabled "true" is enabled, and a null score is no score (NAVIGATOR.md).
      'reports an enabled of text that says true, and a null score, as repaired warnings: Navigator 5.1 shows what they say',
      layer([
        { techniqueID: 'T1059.001', tactic: 'execution', score: 1, enabled: 'true' },
        { techniqueID: 'T1003', tactic: 'credential-access', score: null, comment: 'seen' },
      ]),
      [
        ['warning', 'repaired', '/techniques/0/enabled'],
        ['warning', 'repaired', '/techniques/1/score'],
      ],
    ],
    [
      // A layer generator on GitHub (code index file id 54106997409) writes every entry so: {techniqueID, tactic: "", score: 1}.
      'reports an empty tactic as the alert Navigator 5.1 shows for each such entry, which then shows nowhere (a null one without the alert)',
      layer([{ techniqueID: 'T1059', tactic: '', score: 1 }, { techniqueID: 'T1055', tactic: null, score: 1 }]),
      [
        ['error', 'navigator-alert', '/techniques/0/tactic'],
        ['error', 'repaired', '/techniques/1/tactic'],
      ],
      /\/techniques\/0\/tactic: "" removed \(the annotation applies under every tactic\): Navigator 5\.1 shows the alert "WARNING: The tactic field on the technique ID T1059 is not defined\. Annotations for this technique may not be restored\." and shows the annotation nowhere \(`upgradeLayer` leaves it out\)\n/,
    ],
    [
      // Navigator 5.1 finds an entry's cell by techniqueID and tactic exactly as written (ViewModel.deserialize,
      // TechniqueVM): 't1059.001', 'T1003 ' and 'Persistence' match none, and the annotation shows nowhere.
      'reports an ID or tactic read otherwise than written as an error: Navigator shows that annotation nowhere',
      layer([
        { techniqueID: 't1059.001', tactic: 'execution', score: 50 },
        { techniqueID: ' T1003.001 ', score: 80 },
        { techniqueID: 'T1547.001', tactic: 'Persistence', score: 30 },
      ]),
      [
        ['error', 'repaired', '/techniques/0/techniqueID'],
        ['error', 'repaired', '/techniques/1/techniqueID'],
        ['error', 'repaired', '/techniques/2/tactic'],
      ],
      /\/techniques\/0\/techniqueID: "t1059\.001" read as T1059\.001 \(Navigator 5\.1 matches it only as written and shows the annotation nowhere; `upgradeLayer` writes it repaired\)\n/,
    ],
    [
      // An LLM-to-layer script on GitHub (code index file id 54796264826) writes only {techniqueID, tactic: "<tactic-name>"}.
      'keeps a tactic written as its name a warning on an entry that carries nothing Navigator would show',
      layer([{ techniqueID: 'T1105', tactic: 'Command and Control' }]),
      [['warning', 'repaired', '/techniques/0/tactic'], ['warning', 'nothing-annotated', '/techniques']],
    ],
    [
      // whitfieldsdad/mitre-attack-navigator-layer-builder examples/layers/enterprise-attack/intrusion_sets/G0007.json
      // writes "showSubtechniques": true on every entry, the sub-techniques' too, and none for their parents.
      'says that a collapsed sub-technique\'s own showSubtechniques expands nothing, only its parent\'s does',
      layer([{ techniqueID: 'T1056.001', color: '#6495ed', showSubtechniques: true }], { layout: {} }),
      [['warning', 'hidden-subtechnique', '/techniques/0']],
      /T1056\.001 \(Keylogging\) is annotated but collapsed under T1056 in credential-access, collection, so nobody sees it \(its own showSubtechniques: true expands nothing: Navigator reads it on T1056's entry only\): set layout\.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1056$/,
    ],
    [
      // A layer-writing note in a public repository (code index file id 57384365442) writes {"techniqueID": "T1059",
      // "tactic": "TA0002"}. Said once, as what it is: not "T1059 is not under ta0002" beside the repair's "read as ta0002".
      'says once that a tactic given as its TA ID is one of the technique\'s, to write by its shortname, which Navigator reads',
      layer([{ techniqueID: 'T1059', tactic: 'TA0002', score: 1 }]),
      [['error', 'tactic-mismatch', '/techniques/0/tactic']],
      /\/techniques\/0\/tactic: "TA0002" is the ID of execution \(Execution\) in enterprise-attack 18\.1, a tactic of T1059 \(Command and Scripting Interpreter\), but Navigator reads a tactic by its shortname only and shows this annotation nowhere: set tactic to execution \(`upgradeLayer` writes it\)$/,
    ],
    [
      // Before, the advice was the tactic the ID names ("set tactic to execution"), which T1003 is not under either.
      'advises the technique\'s own tactics for a TA ID of a tactic the technique is not under',
      layer([{ techniqueID: 'T1003', tactic: 'TA0002', score: 1 }]),
      [['error', 'tactic-mismatch', '/techniques/0/tactic']],
      /T1003 \(OS Credential Dumping\) is not under execution \(TA0002, as the layer writes it\) in enterprise-attack 18\.1 \(its tactics: credential-access\); Navigator shows this annotation nowhere: set tactic to one of those or remove it$/,
    ],
    [
      'checks against the release versions.attack names (T1086 is revoked in 8.2)',
      layer([{ techniqueID: 'T1086', score: 1 }], { versions: { attack: '8', navigator: '5.1.0', layer: '4.5' } }),
      [
        ['warning', 'upgrade-prompt', '/versions/attack'],
        ['error', 'revoked-technique', '/techniques/0'],
      ],
      /revoked in enterprise-attack 8\.2, replaced by T1059\.001/,
    ],
    [
      // ../shared/NAVIGATOR.md: uploaded, a layer of an older release gets "Upgrade layer version? …"; Navigator's tabs
      // component asks whenever the layer's major is not its current one (versionUpgradeDialog).
      'warns that Navigator 5.1 asks to upgrade a layer of an older release it has (ATT&CK 16, installed here)',
      layer([{ techniqueID: 'T1059.001', tactic: 'execution', score: 1 }], { versions: { attack: '16', navigator: '5.1.0', layer: '4.5' } }),
      [['warning', 'upgrade-prompt', '/versions/attack']],
      /test\.layer\.json: \/versions\/attack: the layer is for ATT&CK 16, older than 18, the newest Navigator 5\.1 has: opened from a file, it shows only after the dialog "Upgrade layer version\? … Do you want to open the workflow to upgrade this layer to ATT&CK v18\?" \(declined, it opens in ATT&CK 16\), and that workflow carries over by itself only the annotations of techniques that did not change; run `upgradeLayer` to write it for 18\.1 with every annotation$/,
    ],
    [
      'says nothing of an upgrade to a layer of 18.1 written as "18.1" (Navigator reads its major, 18)',
      layer([{ techniqueID: 'T1059.001', tactic: 'execution', score: 1 }], { versions: { attack: '18.1', navigator: '5.1.0', layer: '4.5' } }),
      [],
    ],
    [
      // Navigator 5.1's view-model.ts filterTechniques leaves a disabled technique out of a hideDisabled layer's matrix
      // unless a sub-technique of it is enabled (isSubtechniqueEnabled; each is, unless an entry disables it).
      'warns of an annotated technique disabled in a hideDisabled layer, which Navigator hides (T1082), not of one with an enabled sub-technique (T1059)',
      layer(
        [
          { techniqueID: 'T1082', tactic: 'discovery', score: 5, comment: 'seen', enabled: false },
          { techniqueID: 'T1059', tactic: 'execution', score: 5, enabled: false },
          { techniqueID: 'T1016', enabled: false },
        ],
        { hideDisabled: true },
      ),
      [['warning', 'hidden-disabled', '/techniques/0']],
      /\/techniques\/0: T1082 \(System Information Discovery\) is annotated but disabled, and the layer sets hideDisabled, so Navigator hides it and nobody sees its annotation: enable it or set hideDisabled to false$/,
    ],
    [
      'warns of a parent disabled in a hideDisabled layer when every sub-technique of it is disabled too (T1563, two sub-techniques)',
      layer(
        [
          { techniqueID: 'T1563', score: 5, enabled: false },
          { techniqueID: 'T1563.001', enabled: false },
          { techniqueID: 'T1563.002', enabled: false },
        ],
        { hideDisabled: true },
      ),
      [['warning', 'hidden-disabled', '/techniques/0']],
    ],
    [
      'uses the newest release when versions.attack is absent',
      layer([{ techniqueID: 'T1059', score: 1 }], { versions: { navigator: '5.1.0', layer: '4.5' } }),
      [],
    ],
    [
      'reports schema errors with their JSON paths, in plain words',
      layer([{ techniqueID: 'T1059', score: 1, links: [{ label: 'x', url: 'https://x.org' }] }], { filters: { platforms: 7 }, versions: { attack: '18', navigator: 'five', layer: '4.5' } }),
      [
        ['warning', 'schema', '/versions/navigator'],
        ['error', 'schema', '/filters/platforms'],
      ],
      /\/versions\/navigator: must be a version number such as "5\.1\.0", not "five": Navigator 5\.1 reads it nowhere.*\n.*\/filters\/platforms: 7 is a whole number, where the layer format takes a list: Navigator 5\.1 fails iterating it \("is not iterable" in its console\), and stops reading the layer in the tab it opens for it in the layer's release, with the alert "ERROR parsing file.*; write a list of platform names such as \["Windows", "Linux"\], or leave it out to show every platform \(`upgradeLayer` leaves it out and keeps it, as it was, in the layer's "removed by upgrade" metadata\)$/,
    ],
    [
      // A list written as a mapping of names to values ({"author": …}; our own shape): Navigator 5.1 iterates it
      // (view-model.ts deserialize, `for (let metadataObj of obj.metadata)`), and an object is "not iterable", as a
      // number is. Before, only the schema error was said, and the collapsed T1059.001 as if Navigator drew the matrix.
      'says Navigator stops at a list written as an object that is no item of it, and draws no matrix to hide anything in',
      // A dict of names to values is a record, which upgrade reads as an item per field (repair-layer.test: "metadata
      // written as an object of fields of its own"): said as that repair, with Navigator's stop.
      layer([{ techniqueID: 'T1059.001', score: 1, links: [{ label: 'x', url: 'https://x.org' }] }], { metadata: { author: 'CTI team', date: '2024-05-01' } }),
      [['error', 'navigator-alert', '/metadata']],
      /^test\.layer\.json: \/metadata: an object of fields of its own \(author, date\), not a list of metadata items; read as an item per field, named by it: Navigator 5\.1 fails iterating it \("is not iterable" in its console\), and stops reading the layer in the tab it opens for it in the layer's release, .* \(`upgradeLayer` writes it repaired\)$/,
    ],
    [
      'says so of a technique entry\'s list written as an object',
      layer([{ techniqueID: 'T1059.001', score: 1, metadata: { rule: 'proc_creation_win_powershell' } }]),
      [['error', 'navigator-alert', '/techniques/0/metadata']],
      /\/techniques\/0\/metadata: an object of fields of its own \(rule\), not a list of metadata items; read as an item per field, named by it: Navigator 5\.1 fails iterating it/,
    ],
    [
      'says the domain found where it is no ATT&CK domain and far from each (not only the schema\'s list)',
      layer([{ techniqueID: 'T1059', score: 1 }], { domain: 'windows' }),
      [['error', 'schema', '/domain']],
      /^test\.layer\.json: \/domain: "windows" is no ATT&CK domain; give enterprise-attack, mobile-attack or ics-attack$/,
    ],
    [
      'says the domain found where it is no text',
      layer([{ techniqueID: 'T1059', score: 1 }], { domain: 3 }),
      [['error', 'schema', '/domain']],
      /^test\.layer\.json: \/domain: 3 is no ATT&CK domain; give enterprise-attack, mobile-attack or ics-attack$/,
    ],
    [
      'says what it found where the format takes a list or one value (legend items as text, an entry\'s links as a number, a format that is no number)',
      layer([{ techniqueID: 'T1059', score: 1, links: 7 }], { legendItems: 'x', versions: { attack: '18', navigator: '5.1.0', layer: 'five' } }),
      [
        ['error', 'navigator-alert', '/legendItems'],
        ['error', 'old-format', '/versions/layer'],
        ['error', 'schema', '/techniques/0/links'],
      ],
      new RegExp(
        [
          '^test\\.layer\\.json: /legendItems: "x" is text, where a list of legend items goes, and no colour to make one of; kept as the metadata item \\{"name":"legendItems","value":"x"\\} of the layer: Navigator 5\\.1 reads the text one character at a time .*',
          'test\\.layer\\.json: /versions/layer: layer format "five": Navigator 5\\.1 .*"WARNING: Outdated Layer\\. .*run `upgradeLayer` to write format 4\\.5 \\(checked here as converted\\)',
          'test\\.layer\\.json: /techniques/0/links: 7 is a whole number, where the layer format takes a list: Navigator 5\\.1, reading the entry, fails iterating it .*; write a list of links .*$',
        ].join('\n'),
      ),
    ],
    [
      'reports what the reading step repaired or left out, at the path of the layer as read (score null is a finding)',
      layer([{}, { techniqueID: 'T59', score: 1 }, { techniqueID: 'T1059 ', score: null, color: '#0d47a1 ' }, { techniqueID: 'T9999', score: 1 }]),
      [
        ['warning', 'repaired', '/techniques/0'],
        // Scored under an ID Navigator cannot read, it is dropped silently, as T9999 is.
        ['error', 'repaired', '/techniques/1'],
        ['error', 'repaired', '/techniques/2/techniqueID'],
        ['warning', 'repaired', '/techniques/2/score'],
        ['warning', 'repaired', '/techniques/2/color'],
        ['error', 'unknown-technique', '/techniques/3'],
      ],
      /\/techniques\/2\/score: null means unscored; removed \(Navigator/,
    ],
    [
      'warns about an empty platform filter',
      layer([{ techniqueID: 'T1059', score: 1 }], { filters: { platforms: [] } }),
      [['warning', 'empty-platforms', '/filters/platforms']],
    ],
    [
      // fragkiskosk/LOCKBIT-3-BLACK-MITRE-TTP's layer.json (Navigator 5.1.1) in our own words: an entry per tactic of
      // each technique with sub-techniques, each only showSubtechniques: true, saved with every sub-technique expanded.
      'warns about a layer none of whose entries is annotated (only showSubtechniques), as Navigator saves "expand all"',
      layer(
        [
          { techniqueID: 'T1037', tactic: 'persistence', color: '', comment: '', enabled: true, metadata: [], links: [], showSubtechniques: true },
          { techniqueID: 'T1037', tactic: 'privilege-escalation', color: '', comment: '', enabled: true, metadata: [], links: [], showSubtechniques: true },
          { techniqueID: 'T1557', tactic: 'credential-access', color: '', comment: '', enabled: true, metadata: [], links: [], showSubtechniques: true },
        ],
        { layout: { layout: 'side', expandedSubtechniques: 'all' } },
      ),
      [['warning', 'nothing-annotated', '/techniques']],
      /^test\.layer\.json: \/techniques: none of the layer's 3 entries is annotated \(no score, colour, comment, metadata, links or enabled: false; each only sets showSubtechniques, which expands a technique's sub-techniques\): Navigator highlights no technique, and compare and gap read none; score or colour the techniques the layer means$/,
    ],
    [
      // Nopi2kk/nope_test's layer.json (Navigator 5.0.1): its one entry, T1595, only showSubtechniques: true.
      'says of a layer of one entry that only sets showSubtechniques that its one entry is not annotated',
      layer([{ techniqueID: 'T1595', tactic: 'reconnaissance', color: '', comment: '', enabled: true, metadata: [], links: [], showSubtechniques: true }]),
      [['warning', 'nothing-annotated', '/techniques']],
      /^test\.layer\.json: \/techniques: the layer's one entry is not annotated \(no score, colour, comment, metadata, links or enabled: false; it only sets showSubtechniques, which expands a technique's sub-techniques\): Navigator highlights/,
    ],
    [
      // Navigator opens it in a tab titled "loading layer..."; the repair names it after its file.
      'reports a missing name as repaired, named after its file',
      { domain: 'enterprise-attack', versions: { navigator: '5.1.0', layer: '4.5' } },
      [['warning', 'repaired', '/name']],
      /^test\.layer\.json: \/name: missing; set to "test", the name of its file/,
    ],
    [
      'reports a value that is not a layer',
      'not a layer',
      [['error', 'schema', '/']],
    ],
    [
      'reports format 4.4 once, as a warning',
      layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: '18', navigator: '4.8.2', layer: '4.4' } }),
      [['warning', 'old-format', '/versions/layer']],
      /layer format "4\.4" \(current: 4\.5\): Navigator 5\.1 opens the layer after the passing notice "Uploaded layer version \(4\.4\) is out of date\. .*run `upgradeLayer`/,
    ],
    [
      'reports format 3.0 once, as an error, and still checks the techniques',
      { name: 'old', version: '3.0', domain: 'mitre-enterprise', viewMode: 2, techniques: [{ techniqueID: 'T1193', score: 1 }] },
      [
        ['error', 'old-format', '/version'],
        ['error', 'revoked-technique', '/techniques/0'],
      ],
      /layer format "3\.0": .*"WARNING: Outdated Layer\. The uploaded layer version \(3\.0\)/,
    ],
    [
      'says of format 4.5 written under the old `version` key that the key is old, not the format (a generator\'s layer)',
      { name: 'generated', version: '4.5', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1082', score: 1 }] },
      [['warning', 'old-format', '/version']],
      /^test\.layer\.json: \/version: the layer states format 4\.5 under the old `version` key, which only formats up to 4\.0 wrote; format 4\.1 and later write it as `versions\.layer`: run `upgradeLayer` to move it there \(checked here as format 4\.5\)$/,
    ],
    [
      // A README's ICS layer (srivarshini-karthikeyan/ics-honeypot-mitre) writes versions without `layer`: Navigator's
      // deserializeDomainVersionID returns String(undefined), whose major is no 4, and shows "Outdated Layer".
      'reports a layer whose versions state no format as one Navigator opens after an "Outdated Layer" warning, not as a schema error',
      { name: 'ics', versions: { attack: '18', navigator: '4.9' }, domain: 'ics-attack', techniques: [{ techniqueID: 'T0846', score: 8 }] },
      [['error', 'old-format', '/versions/layer']],
      /^test\.layer\.json: \/versions\/layer: the layer states no layer format; Navigator 5\.1 reads it as "undefined" and .*"WARNING: Outdated Layer\. .*; run `upgradeLayer` to write format 4\.5/,
    ],
    [
      'reports a layer without versions as one Navigator opens after an "Outdated Layer" warning (Navigator reads its format as "")',
      { name: 'bare', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059', score: 1 }] },
      [['error', 'old-format', '/versions']],
    ],
    [
      'warns about a format newer than 4.5',
      layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: '18', navigator: '6.0.0', layer: '4.6' } }),
      [['warning', 'newer-format', '/versions/layer']],
    ],
    ['reports an empty array of layers', [], [['error', 'no-layers', '/']]],
  ];

  // Navigator 5.1 splits the format text at dots and compares the first two parts with "4.5"'s (mitre-attack/
  // attack-navigator nav-app/src/app/tabs/tabs.component.ts versionMismatchWarning, the text from view-model.ts
  // deserializeDomainVersionID, both at fa7a6017): the same two open without a word, the same first part after a passing
  // notice, any other first part only after the dialog "WARNING: Outdated Layer" (tabs.component.html #versionWarning).
  const formats: Array<[written: unknown, expected: Expected, message: RegExp]> = [
    ['4.5', [], /^$/],
    ['4.5.0', [['warning', 'old-format', '/versions/layer']], /"4\.5\.0" is format 4\.5 written otherwise: Navigator 5\.1 .* opens the layer without a word.*run `upgradeLayer` to write format 4\.5/],
    ['4.5.1', [['warning', 'newer-format', '/versions/layer']], /"4\.5\.1" is format 4\.5 written otherwise/],
    ['4.4', [['warning', 'old-format', '/versions/layer']], /passing notice "Uploaded layer version \(4\.4\) is out of date/],
    ['4', [['warning', 'old-format', '/versions/layer']], /passing notice "Uploaded layer version \(4\) is out of date/],
    ['4.6', [['warning', 'newer-format', '/versions/layer']], /passing notice "Uploaded layer version \(4\.6\) is out of date/],
    ['5.0', [['error', 'newer-format', '/versions/layer']], /"5\.0": .*dialog "WARNING: Outdated Layer\. The uploaded layer version \(5\.0\)/],
    ['v4.5', [['error', 'old-format', '/versions/layer']], /"v4\.5": .*dialog "WARNING: Outdated Layer\. The uploaded layer version \(v4\.5\)/],
    ['', [['error', 'old-format', '/versions/layer']], /"": .*dialog "WARNING: Outdated Layer\. The uploaded layer version \(\)/],
    [4.5, [['warning', 'repaired', '/versions/layer']], /the number 4\.5 read as the text "4\.5" \(Navigator tolerates this/],
  ];
  // Navigator 5.1 reads versions.attack only from text, as its first number, and versions.navigator nowhere
  // (view-model.ts deserializeDomainVersionID at fa7a6017); tabs.component.ts asks "Upgrade layer version?" for a release
  // other than its newest. No text there, it opens the layer in its newest release, asking nothing.
  const releases: Array<[label: string, versions: Layer, expected: Expected, message: RegExp]> = [
    [
      'reads a release written with words ("ATT&CK v13.1") as Navigator does, its first number, where it was a schema error',
      { attack: 'ATT&CK v13.1', navigator: '5.1.0', layer: '4.5' },
      [
        ['warning', 'repaired', '/versions/attack'],
        ['warning', 'upgrade-prompt', '/versions/attack'],
      ],
      /\/versions\/attack: "ATT&CK v13\.1" read as "13\.1", the release Navigator 5\.1 reads in it \(its first number, 13\) \(Navigator tolerates this/,
    ],
    [
      'says of a release written as a number that Navigator opens the layer in its newest release, with no "Upgrade layer version?" it never asks',
      { attack: 13, navigator: '5.1.0', layer: '4.5' },
      [['warning', 'repaired', '/versions/attack']],
      /the number 13 read as the text "13" \(Navigator 5\.1 reads only text there: it opens the layer in its newest release/,
    ],
    [
      'makes a versions.navigator that is no version number a warning: Navigator 5.1 reads it nowhere',
      { attack: '18', navigator: 'v5.1.0', layer: '4.5' },
      [['warning', 'schema', '/versions/navigator']],
      /\/versions\/navigator: must be a version number such as "5\.1\.0", not "v5\.1\.0": Navigator 5\.1 reads it nowhere and opens the layer without a word; `upgradeLayer` sets it to 5\.1\.0$/,
    ],
  ];
  // Navigator 5.1 keeps its default for a setting not written as its type or value (view-model.ts deserialize at
  // fa7a6017: `typeof obj.hideDisabled === 'boolean'`; layout-options.ts: `expandedSubtechniquesOptions.includes`), so
  // what it hides follows the default, not the value the repair read.
  it('makes an annotated entry whose technique ID Navigator cannot read ("T1059.1") an error, as T9999, and a bare one a warning', () => {
    const findings = check(layer([{ techniqueID: 'T1059.1', score: 1 }, { techniqueID: 'T59' }, { techniqueID: 'T1059', score: 1 }]));
    expect(brief(findings)).to.deep.equal([
      ['error', 'repaired', '/techniques/0'],
      ['warning', 'repaired', '/techniques/1'],
    ]);
    expect(findings[0]?.message).to.match(/techniqueID "T1059\.1" is not a technique ID; the entry is left out: .*\(Navigator shows nothing of it; /);
  });

  it('says an annotated sub-technique is collapsed under "Annotated", which Navigator 5.1 reads as its default "none"', () => {
    const findings = check(layer([{ techniqueID: 'T1059.001', score: 1 }], { layout: { expandedSubtechniques: 'Annotated' } }));
    expect(brief(findings)).to.deep.equal([
      ['warning', 'repaired', '/layout/expandedSubtechniques'],
      ['warning', 'hidden-subtechnique', '/techniques/0'],
    ]);
  });

  // sigma-cli's `analyze attack` (SigmaHQ/sigma-cli sigma/cli/analyze.py at 089a0c55) writes each technique and
  // sub-technique an entry per tactic with `"showSubtechniques": false` and no layout: a second entry of T1059 to
  // expand it would replace the scored one (Navigator keeps the last), so the advice names the entry to change.
  it("names the parent's own entry to set showSubtechniques in, where it has one (sigma-cli's layout), else asks to add it", () => {
    const entry = (techniqueID: string, score: number) => ({ techniqueID, tactic: 'execution', score, color: '', comment: '', enabled: true, metadata: [], links: [], showSubtechniques: false });
    const findings = check(layer([entry('T1059', 3), entry('T1059.001', 12), entry('T1053.005', 4)], { layout: undefined }));
    expect(brief(findings)).to.deep.equal([
      ['warning', 'hidden-subtechnique', '/techniques/1'],
      ['warning', 'hidden-subtechnique', '/techniques/2'],
    ]);
    expect(findings[0]!.message).to.match(/collapsed under T1059 in execution, so nobody sees it: set layout\.expandedSubtechniques to "annotated" or set showSubtechniques to true in T1059's entry \(\/techniques\/0\)$/);
    expect(findings[1]!.message).to.match(/collapsed under T1053 in execution, so nobody sees it: set layout\.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1053$/);
  });

  it("reads CALDERA's compass layout and sigma-cli's as Navigator does: exact repeats lose nothing, parents' own entries expand (test/fixtures/layers/public)", () => {
    const compass = check(readLayerFixture('public/caldera-compass-adversary-2.2.json')).filter((finding) => finding.code === 'duplicate-entry');
    expect(compass.map((finding) => finding.message.replace(/^test\.layer\.json: /, ''))).to.deep.equal([
      '/techniques/2: T1105 under all its tactics repeats /techniques/1 exactly; Navigator keeps only the last one, so nothing is lost: delete the repeat',
      '/techniques/7: T1018 under all its tactics repeats /techniques/6 exactly; Navigator keeps only the last one, so nothing is lost: delete the repeat',
    ]);
    const sigma = check(readLayerFixture('public/sigma-cli-analyze-attack-4.4.json')).filter((finding) => finding.code === 'hidden-subtechnique');
    expect(sigma.map((finding) => finding.message.replace(/^.*: (set layout)/, '$1'))).to.deep.equal([
      'set layout.expandedSubtechniques to "annotated" or set showSubtechniques to true in T1059\'s entry (/techniques/0)',
      'set layout.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1053',
      'set layout.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1053',
      'set layout.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1053',
      'set layout.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1003',
    ]);
  });

  it('does not say a disabled technique is hidden under hideDisabled "true", which Navigator 5.1 reads as its default false', () => {
    const disabled = [{ techniqueID: 'T1105', score: 2, enabled: false }];
    expect(brief(check(layer(disabled, { hideDisabled: 'true' })))).to.deep.equal([['warning', 'repaired', '/hideDisabled']]);
    expect(brief(check(layer(disabled, { hideDisabled: true })))).to.deep.equal([['warning', 'hidden-disabled', '/techniques/0']]);
  });

  for (const [label, versions, expected, message] of releases) {
    it(label, () => {
      // Whether ATT&CK 13 is at hand here is beside the point.
      const findings = check(layer([{ techniqueID: 'T1059', score: 1 }], { versions })).filter((finding) => finding.code !== 'attack-version-unavailable');
      expect(brief(findings)).to.deep.equal(expected);
      expect(findings.map((finding) => finding.message).join('\n')).to.match(message);
    });
  }

  for (const [written, expected, message] of formats) {
    it(`judges versions.layer ${JSON.stringify(written)} as Navigator 5.1 receives it`, () => {
      const findings = check(layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: '18', navigator: '5.1.0', layer: written } }));
      expect(brief(findings)).to.deep.equal(expected);
      expect(findings.map((finding) => finding.message).join('\n')).to.match(message);
    });
  }

  for (const [label, value, expected, message] of table) {
    it(label, () => {
      const findings = check(value);
      expect(brief(findings)).to.deep.equal(expected);
      if (message) expect(findings.map((finding) => finding.message).join('\n')).to.match(message);
    });
  }

  it('calls an only disabled revoked ID an error when checked against another release than the one Navigator shows the layer in', () => {
    // In ATT&CK 6 T1086 was PowerShell, greyed out on the author's matrix: in 18.1, Navigator shows it nowhere.
    const v6 = layer([{ techniqueID: 'T1086', enabled: false }], { versions: { attack: '6', navigator: '5.1.0', layer: '4.5' } });
    expect(brief(check(v6)).filter(([, code]) => code === 'revoked-technique')).to.deep.equal([]);
    expect(brief(check(v6, { release: '18.1' }))).to.deep.include(['error', 'revoked-technique', '/techniques/0']);
    // ATT&CK 7 is not here: checked against the newest instead, where it may not be what the author saw.
    const v7 = layer([{ techniqueID: 'T1086', enabled: false }], { versions: { attack: '7', navigator: '5.1.0', layer: '4.5' } });
    expect(brief(check(v7))).to.deep.include(['error', 'revoked-technique', '/techniques/0']);
    const unversioned = { ...layer([{ techniqueID: 'T1086', enabled: false }]), versions: { navigator: '5.1.0', layer: '4.5' } };
    expect(brief(check(unversioned))).to.deep.include(['warning', 'revoked-technique', '/techniques/0']);
  });

  it('warns that techniques were not checked when no ATT&CK data is available', () => {
    const findings = check(layer([{ techniqueID: 'T9999', score: 1 }]), { attackFor: () => undefined });
    expect(brief(findings)).to.deep.equal([['warning', 'no-attack-data', '/']]);
    expect(findings[0]?.message).to.match(/no ATT&CK enterprise-attack release is available/);
  });

  it('validates each layer of an array and gives its position (Navigator opens one tab each)', () => {
    const findings = check([layer([{ techniqueID: 'T1059', score: 1 }]), layer([{ techniqueID: 'T9999', score: 1 }])]);
    expect(findings).to.have.length(1);
    expect(findings[0]).to.include({ layer: 1, path: '/techniques/0', code: 'unknown-technique' });
    expect(findings[0]?.message).to.match(/^test\.layer\.json: \/1\/techniques\/0: T9999/);
  });

  it('passes the format definition example except its T1078-under-discovery entry', () => {
    const findings = check(readLayerFixture('navigator/spec-4.5-example.json'));
    expect(brief(findings)).to.deep.equal([['error', 'tactic-mismatch', '/techniques/3/tactic']]);
    expect(findings[0]?.message).to.match(/T1078 \(Valid Accounts\) is not under discovery/);
  });

  it('finds the same in both layers of the multi-layer example, and the collapsed T1110.001 of the second', () => {
    const findings = check(readLayerFixture('navigator/spec-4.5-multi-example.json'));
    expect(findings.map((f) => [f.layer, f.severity, f.code, f.path])).to.deep.equal([
      [0, 'error', 'tactic-mismatch', '/techniques/3/tactic'],
      [1, 'error', 'tactic-mismatch', '/techniques/3/tactic'],
      [1, 'warning', 'hidden-subtechnique', '/techniques/1'],
    ]);
  });

  it("reports Navigator's 3.0 Bear_APT sample as outdated, with 20 revoked and 2 deprecated techniques in 18.1", () => {
    const findings = check(readLayerFixture('navigator/Bear_APT.json'));
    const at = (code: LayerFindingCode): number[] =>
      findings.filter((f) => f.code === code).map((f) => Number(f.path.split('/')[2]));
    expect(brief(findings)[0]).to.deep.equal(['error', 'old-format', '/version']);
    expect(at('revoked-technique')).to.deep.equal([0, 1, 4, 7, 8, 10, 12, 13, 14, 17, 20, 25, 33, 35, 36, 37, 41, 44, 48, 49]);
    expect(at('deprecated-technique')).to.deep.equal([46, 52]);
    expect(findings).to.have.length(23);
    expect(findings.find((f) => f.path === '/techniques/12')?.message).to.match(/T1086 \(PowerShell\) .* replaced by T1059\.001/);
  });

  it('reports the hand-written 3.0 and 4.2 fixtures as old formats', () => {
    expect(brief(check(readLayerFixture('old-format-3.0.json')))).to.deep.equal([
      ['warning', 'repaired', '/techniques/4/score'],
      ['error', 'old-format', '/version'],
      ['error', 'revoked-technique', '/techniques/0'],
      ['error', 'revoked-technique', '/techniques/1'],
      ['error', 'revoked-technique', '/techniques/2'],
      ['error', 'deprecated-technique', '/techniques/3'],
      ['error', 'revoked-technique', '/techniques/4'],
    ]);
    // The 4.2 layer declares ATT&CK 8, so it is checked against 8.2, where T1193 was revoked already.
    expect(brief(check(readLayerFixture('old-format-4.2.json')))).to.deep.equal([
      ['warning', 'old-format', '/versions/layer'],
      ['warning', 'upgrade-prompt', '/versions/attack'],
      ['error', 'revoked-technique', '/techniques/2'],
    ]);
  });

  it('says how many entries the newest release would change when checking against the layer\'s older one', () => {
    const findings = check(readLayerFixture('layer-4.5-attack12.json'), { newest: () => library.release('enterprise-attack') });
    const newer = findings.filter((f) => f.code === 'newer-release');
    expect(newer).to.have.length(1);
    expect(newer[0]?.message).to.match(/checked against enterprise-attack 12\.1; against enterprise-attack 18\.1, the newest release here: \d+ (revoked|deprecated)/);
  });

  it('reports what a layer of a newer release than any here holds that the newest does not know as warnings, not errors', () => {
    // SigmaHQ's coverage layer (other/sigma_attack_nav_coverage.json) names ATT&CK 19: T1685 and the stealth tactic.
    const newer = layer(
      [
        { techniqueID: 'T1078', tactic: 'stealth', score: 1 },
        { techniqueID: 'T1685', score: 2 },
        { techniqueID: 'T1059', score: 1 },
        { techniqueID: 'T1059', score: 2 },
      ],
      { versions: { attack: '19', navigator: '5.3.0', layer: '4.5' } },
    );
    const findings = check(newer).filter((finding) => finding.code !== 'navigator-release');
    expect(brief(findings)).to.deep.equal([
      ['warning', 'attack-version-unavailable', '/versions/attack'],
      ['warning', 'tactic-mismatch', '/techniques/0/tactic'],
      ['warning', 'unknown-technique', '/techniques/1'],
      // What is no matter of the release is reported as in any layer.
      [brief(check(layer(newer['techniques'] as unknown[])))[2]![0], 'duplicate-entry', '/techniques/3'],
    ]);
    expect(findings[0]?.message).to.match(/19 is newer, so what enterprise-attack 18\.1 does not know is reported as a warning, not an error$/);
    // The stealth tactic is where ATT&CK 19 has T1078: no advice to remove it, but where 18.1 has it, as upgrade moves it.
    expect(findings[1]?.message).to.equal(
      'test.layer.json: /techniques/0/tactic: T1078 (Valid Accounts) is not under stealth in enterprise-attack 18.1: Stealth is the tactic ATT&CK 19 split off ' +
        "defense-evasion, under which enterprise-attack 18.1 has T1078; `upgradeLayer(…, upgradeReleases(…, { to: '18.1' }).target)` moves the annotation there " +
        '(the layer is for ATT&CK 19, newer than enterprise-attack 18.1: check it against 19 if that is out)',
    );
    expect(findings[2]?.message).to.match(/T1685 is not a technique in enterprise-attack 18\.1.*\(the layer is for ATT&CK 19, newer than enterprise-attack 18\.1: check it against 19 if that is out\)$/);
    // What is no matter of the release stays an error: a revoked ID (T1073), a deprecated one (T1064), one of mobile.
    const faults = check(layer([{ techniqueID: 'T1073', score: 1 }, { techniqueID: 'T1064', score: 1 }, { techniqueID: 'T1406', score: 1 }], { versions: { attack: '19', navigator: '5.3.0', layer: '4.5' } }));
    expect(brief(faults).filter(([severity]) => severity === 'error').map(([, code]) => code)).to.deep.equal(['navigator-release', 'revoked-technique', 'deprecated-technique', 'other-domain-technique']);
    // A layer of an older release than any here is checked as before: its faults are errors.
    const older = check(layer([{ techniqueID: 'T9999', score: 1 }], { versions: { attack: '2', navigator: '4.0', layer: '4.5' } }));
    expect(brief(older)).to.deep.include(['error', 'unknown-technique', '/techniques/0']);
  });

  it('reports a layer of an ATT&CK release newer than Navigator 5.1 has (19, 25) as an error, and asks for no release that may not exist', () => {
    // The tester's Elastic coverage layer and a Navigator 5.3.2 export name ATT&CK 19; Navigator 5.1's newest is 18.
    for (const attack of ['19', '25']) {
      const findings = check(layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack, navigator: '5.3.0', layer: '4.5' } }));
      expect(brief(findings)).to.deep.equal([
        ['error', 'navigator-release', '/versions/attack'],
        ['warning', 'attack-version-unavailable', '/versions/attack'],
      ]);
      expect(findings[0]!.message).to.equal(
        `test.layer.json: /versions/attack: Navigator 5.1 has no ATT&CK ${attack} (it has 6 to 18): it refuses the file with "ERROR parsing layer…" ` +
          `and opens no tab; run \`upgradeLayer(…, upgradeReleases(…, { to: '18.1' }).target)\` to write it for 18.1 on purpose (what 18.1 lacks is moved or removed, each listed), ` +
          `or open it in a Navigator that has ATT&CK ${attack}`,
      );
      expect(findings[1]!.message).to.contain(`(if ATT&CK ${attack} is out, \`fetchRelease\` gets the newest release to check against)`);
      expect(findings.map((finding) => finding.message).join('\n')).to.not.contain('--attack-release');
    }
    // The releases Navigator 5.1 has, 6 to 18, open.
    for (const attack of ['6', '18']) {
      expect(check(layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack, navigator: '5.1.0', layer: '4.5' } })).map((f) => f.code)).to.not.include('navigator-release');
    }
  });

  it('checks against the release asked for without claiming that the layer\'s own is missing', () => {
    const findings = check(readLayerFixture('layer-4.5-attack12.json'), { release: '18.1' });
    expect(findings.map((f) => f.code)).to.not.include('attack-version-unavailable');
    expect(findings.map((f) => f.message).join('\n')).to.contain('enterprise-attack 18.1');
  });

  // ICS named its platforms Windows, Control Server, Field Controller/RTU/PLC/IED... before 18.1 called every current
  // technique's platform "None"; attack-layers lists no ICS release before 18.1 (the shared folder has none). The
  // filters are those of mitre-attack/mitreattack-python's mitreattack/constants.py (PLATFORMS_LOOKUP, which its
  // layer generators write) and of attack-navigator's nav-app/src/tests/utils/mock-layers.ts (a layer of ATT&CK 13).
  it('does not read an old ICS layer\'s platform filter in ICS 18.1\'s names: nothing is called hidden, each old name is said unchecked', () => {
    const ics = ['Field Controller/RTU/PLC/IED', 'Safety Instrumented System/Protection Relay', 'Control Server', 'Input/Output Server', 'Windows', 'Human-Machine Interface', 'Engineering Workstation', 'Data Historian'];
    const icsLayer = (attack: string, platforms: string[]): Layer => ({
      name: 'ics', versions: { attack, navigator: '4.9.0', layer: '4.5' }, domain: 'ics-attack', filters: { platforms },
      techniques: [{ techniqueID: 'T0800', score: 1, comment: 'firmware update mode' }, { techniqueID: 'T0814', score: 1 }],
    });
    const nearest = (domain: Parameters<ValidateLayerOptions['attackFor']>[0], major: string) => nearestRelease(library, domain, major);
    const releases = (domain: Parameters<ValidateLayerOptions['attackFor']>[0]) => domainReleases(library, domain).history();
    for (const value of [icsLayer('12', ics), icsLayer('13', ['None', ...ics])]) {
      const findings = check(value, { nearest, releases });
      expect(findings.map((finding) => finding.code)).to.not.include('filtered-out-technique');
      const platformFindings = findings.filter((finding) => finding.code === 'unknown-platform');
      expect(platformFindings).to.have.length(ics.length);
      for (const finding of platformFindings) {
        expect(finding.message).to.match(/is not a platform of ics-attack 18\.1, but the layer is for ATT&CK 1[23], whose platforms are not known here .*`fetchRelease\(\{ domain: 'ics-attack', version: '1[23]' \}\)`/);
        expect(finding.message).to.not.match(/use "None"/);
      }
    }
  });

  // The same filter checked in ICS 18.1 on purpose (--attack-release 18.1): checked as 18.1 shows the layer, where its
  // old names (mitreattack-python's PLATFORMS_LOOKUP) match nothing, and the findings say that they are 12's, not typos.
  it('checks an old ICS layer in ICS 18.1 when asked to, as 18.1 shows it, saying its filter\'s names are its own release\'s', () => {
    const platforms = ['Windows', 'Control Server', 'Field Controller/RTU/PLC/IED'];
    const value = { name: 'ics', versions: { attack: '12', navigator: '4.9.0', layer: '4.5' }, domain: 'ics-attack', filters: { platforms }, techniques: [{ techniqueID: 'T0800', score: 1, comment: 'firmware update mode' }] };
    const nearest = (domain: Parameters<ValidateLayerOptions['attackFor']>[0], major: string) => nearestRelease(library, domain, major);
    const releases = (domain: Parameters<ValidateLayerOptions['attackFor']>[0]) => domainReleases(library, domain).history();
    const findings = check(value, { nearest, releases, release: '18.1' });
    const hidden = findings.filter((finding) => finding.code === 'filtered-out-technique');
    expect(hidden).to.have.length(1);
    expect(hidden[0]!.message).to.match(/so Navigator hides it in ics-attack 18\.1, the release asked for \(release\), where the filter's "Windows", "Control Server", "Field Controller\/RTU\/PLC\/IED", names of the layer's ATT&CK 12, whose platforms are not known here, match nothing: add "None"/);
    const unknown = findings.filter((finding) => finding.code === 'unknown-platform');
    expect(unknown).to.have.length(platforms.length);
    for (const finding of unknown) {
      expect(finding.message).to.match(/is not a platform of ics-attack 18\.1, the release asked for \(release\), so the layer is checked as ics-attack 18\.1 shows it, .*the layer is for ATT&CK 12, whose platforms are not known here, so it may be a name of 12: use "None", its only platform, or remove the filter/);
    }
  });

  // Enterprise had Windows, Linux and macOS from its first release on (3.0, the oldest listed, has those three alone):
  // a misspelling of one of them is one in ATT&CK 2 too, though no release of 2 is known here to check its names.
  it('says a misspelt platform every release has (Windwos) is a typo, in a layer of a release older than any listed (ATT&CK 2)', () => {
    const value = layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: '2', navigator: '4.9.1', layer: '4.5' }, filters: { platforms: ['Windows', 'Windwos', 'Bogus Platform'] } });
    const messages = check(value).filter((finding) => finding.code === 'unknown-platform').map((finding) => finding.message);
    expect(messages).to.have.length(2);
    expect(messages[0]).to.match(/\/filters\/platforms\/1: "Windwos" is not a platform of enterprise-attack 18\.1 nor of any release: it misspells "Windows", a platform of every enterprise-attack release attack-layers lists, .*write "Windows"$/);
    // A name of no listed release stays unchecked: it may have been ATT&CK 2's.
    expect(messages[1]).to.match(/\/filters\/platforms\/2: "Bogus Platform" is not a platform of enterprise-attack 18\.1, but the layer is for ATT&CK 2, whose platforms are not known here/);
  });

  it('still reads a filter of a release whose platform names are listed (enterprise 14.1) by those names', () => {
    const findings = check(layer([{ techniqueID: 'T1078.004', score: 1 }], { versions: { attack: '15', navigator: '4.9.1', layer: '4.5' }, filters: { platforms: ['Windows', 'Bogus Platform'] } }));
    expect(findings.filter((finding) => finding.code === 'unknown-platform').map((finding) => finding.message).join('\n')).to.match(/"Bogus Platform" is not a platform of enterprise-attack 18\.1, so it filters nothing in: use one of/);
  });

  // A team's bundle (18.1 with techniques of its own, as ATT&CK Workbench writes them: T9001, and ACME-T1000 of its
  // organization namespace, created by the team's identity): validate says of the layer's entries of them what loading
  // the bundle says (`notMitreText`), once, at the first; MITRE's techniques of the layer are not named.
  it("warns once, as the bundle's note on loading does, of a layer's entries of techniques not MITRE's (T9001, ACME-T1000)", () => {
    const data = library.release('enterprise-attack').data;
    const own = (id: string, name: string) => ({
      id,
      stixId: `attack-pattern--9000000${id.length}-0000-4000-8000-000000000001`,
      name,
      tactics: ['initial-access'],
      platforms: ['Windows'],
      subtechnique: false,
      revoked: false,
      deprecated: false,
      summary: '',
      custom: true as const,
    });
    const team = new AttackIndex({ ...data, source: { file: 'acme-attack.json', sha256: 'test' }, techniques: [...data.techniques, own('ACME-T1000', 'Helpdesk Pretexting'), own('T9001', 'Badge Cloning')] });
    const value = layer([{ techniqueID: 'T1566.001', score: 1 }, { techniqueID: 'T9001', score: 1 }, { techniqueID: 'ACME-T1000', score: 1 }, { techniqueID: 'T9001', tactic: 'initial-access', score: 2 }]);
    const findings = check(value, { attackFor: () => team }).filter((finding) => finding.code !== 'duplicate-entry');
    expect(brief(findings)).to.deep.equal([['warning', 'custom-technique', '/techniques/1']]);
    expect(findings[0]!.message).to.match(
      /^test\.layer\.json: \/techniques\/1: of the layer's entries, 2 techniques are not MITRE's \(created by another identity than MITRE's\): ACME-T1000 "Helpdesk Pretexting", T9001 "Badge Cloning"; ATT&CK Navigator shows a layer's entries of them only when it loads acme-attack\.json as its data/,
    );
    expect(brief(check(layer([{ techniqueID: 'T1566.001', score: 1 }]), { attackFor: () => team }))).to.deep.equal([]);
  });

  // A file of layers whose first Navigator 5.1 stops reading in its tab with only a console error: the next never opens
  // (test/layer/validate-file-of-layers.test.ts says why, from tabs.component.ts at fa7a6017).
  it('says a layer after one Navigator stops reading in its tab never opens', () => {
    const first = layer([{ techniqueID: 'T1059', score: 1 }], { metadata: 5 });
    const findings = check([first, layer([{ techniqueID: 'T1059', score: 1 }])]);
    expect(findings.map((finding) => [finding.layer, finding.code, finding.path])).to.deep.equal([
      [0, 'schema', '/metadata'],
      [1, 'never-opened', '/'],
    ]);
  });

  it('says a layer after one whose metadata is an object, which Navigator stops reading at, never opens', () => {
    const first = layer([{ techniqueID: 'T1059', score: 1 }], { metadata: { author: 'CTI team' } });
    const findings = check([first, layer([{ techniqueID: 'T1059', score: 1 }])]);
    expect(findings.map((finding) => [finding.layer, finding.code, finding.path])).to.deep.equal([
      [0, 'navigator-alert', '/metadata'],
      [1, 'never-opened', '/'],
    ]);
  });

  it('exercises every finding code', () => {
    expect([...exercised].sort()).to.deep.equal([...LAYER_FINDING_CODES].sort());
  });
});
