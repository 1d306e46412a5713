/**
 * A coverage layer's `filters.platforms` says where its detections run, when its author chose it: sysmon-modular's
 * layer (olafhartong/sysmon-modular, `attack_matrix/Sysmon-modular.json`, test/fixtures/layers/public) is filtered to
 * "windows", where Sysmon logs, yet its T1087 counted 100% for a Linux threat's T1087 Account Discovery. A filter says
 * nothing when it lists every platform of its release (elastic/detection-rules' navigator.py writes ATT&CK 14's eleven
 * names), or names platforms ATT&CK had replaced, a generator's list: splunk/security_content's coverage.json (format
 * 4.3, no release, ATT&CK 6's names but Azure AD; test/fixtures/layers/public) and splunk/contentctl's
 * `contentctl/output/attack_nav_writer.py`, whose ATT&CK 16 layer lists ATT&CK 8's names but PRE (the layer below is
 * ours, in that shape: its filter and settings, our own entry): read as where the detections run, Splunk's Azure AD
 * rules would not count on Identity Provider.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { resolveCoverage, reviewGaps, threatFromLayer, type GapReview } from '../../lib/coverage/gap-review.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const published = (name: string): string => readFileSync(new URL(`../fixtures/layers/public/${name}`, import.meta.url), 'utf8');

/** A threat on `platforms` alone, using `ids`. */
const threatOn = threatLayerOn;

const contentctlLayer = {
  versions: { attack: '16', navigator: '5.1.0', layer: '4.5' },
  name: 'Detection Coverage',
  description: 'Security Content Detection Coverage',
  domain: 'enterprise-attack',
  techniques: [{ techniqueID: 'T1078.004', score: 1, enabled: true, links: [{ label: 'Cloud account login from a new country', url: 'https://research.example/1' }] }],
  gradient: { colors: ['#ffffff', '#66b1ff', '#096ed7'], minValue: 0, maxValue: 1 },
  filters: { platforms: ['Windows', 'Linux', 'macOS', 'Network', 'AWS', 'GCP', 'Azure', 'Azure AD', 'Office 365', 'SaaS'] },
  legendItems: [{ label: 'No detections', color: '#ffffff' }, { label: 'Has detections', color: '#66b1ff' }],
};

/**
 * A cloud detection layer in the shape DeTT&CT writes (rabobank-cdc/DeTTECT, navigator_layer.py `_get_base_template`:
 * versions navigator and layer, no ATT&CK release, `filters.platforms` the administration file's `platform`), for an
 * administration file of the cloud platforms DeTT&CT 1.2's constants.py PLATFORMS names (AWS, GCP, Azure); its name,
 * entries and scores are ours.
 */
const dettectCloudLayer = {
  name: 'Cloud accounts',
  versions: { navigator: '4.5', layer: '4.3' },
  domain: 'enterprise-attack',
  description: 'Techniques covered by detections',
  filters: { platforms: ['AWS', 'GCP', 'Azure'] },
  sorting: 0,
  layout: { layout: 'flat', aggregateFunction: 'sum', showAggregateScores: true, countUnscored: false, showName: true, showID: false },
  techniques: [
    { techniqueID: 'T1078', score: 3, comment: 'Console login from a new country' },
    { techniqueID: 'T1530', score: 4 },
  ],
  gradient: { colors: ['#ffffff', '#66b1ff'], minValue: 0, maxValue: 5 },
};

describe('regression: a coverage layer\'s platform filter says where its detections run (sysmon-modular\'s "windows")', () => {
  let index: AttackIndex;

  const review = (coverage: string, file: string, threat: object): GapReview => {
    const resolved = resolveCoverage(parseCoverageLayers(coverage, file), index);
    const input = parseCoverageLayers(JSON.stringify(threat), 'threat.json', { role: 'threat' })[0]!;
    return reviewGaps([threatFromLayer(input, index).source], resolved, index, { minCoverage: 0.5 });
  };

  before(() => {
    index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
  });

  it('sysmon-modular\'s T1087 does not cover a Linux threat\'s T1087: it runs on Windows, and the row says so', () => {
    const result = review(published('sysmon-modular-1.0.json'), 'Sysmon-modular.json', threatOn(['Linux'], ['T1087']));
    const row = result.rows.find((r) => r.id === 'T1087')!;
    expect([row.coverage, row.platforms, row.platformsCovered]).to.deep.equal([0, ['Linux'], []]);
    expect(row.otherPlatformRules.map((rule) => [rule.name, rule.platforms])).to.deep.equal([['Sysmon-modular', ['Windows']]]);
    expect(result.notes).to.include(
      'coverage layer Sysmon-modular.json ("Sysmon-modular"): filters.platforms read as where its detections run: its 8 rules count on Windows alone, ' +
        "as a detections file's platforms do (a filter of every platform of its release says nothing)",
    );
  });

  it('sysmon-modular\'s T1087 still covers a Windows threat\'s T1087', () => {
    const row = review(published('sysmon-modular-1.0.json'), 'Sysmon-modular.json', threatOn(['Windows'], ['T1087'])).rows.find((r) => r.id === 'T1087')!;
    expect([row.coverage, row.platformsCovered]).to.deep.equal([1, ['Windows']]);
  });

  it('Splunk contentctl\'s generator list (ATT&CK 8\'s names in a layer of 16) says nothing: T1078.004 covered on Identity Provider', () => {
    const result = review(JSON.stringify(contentctlLayer), 'coverage.json', threatOn(['Identity Provider'], ['T1078.004']));
    const row = result.rows.find((r) => r.id === 'T1078.004')!;
    expect([row.coverage, row.platformsCovered, row.otherPlatformRules]).to.deep.equal([1, ['Identity Provider'], []]);
    expect(result.notes.find((note) => note.startsWith('coverage layer coverage.json'))).to.match(
      /names ATT&CK 16, the layer's release, had replaced, and lists every platform of enterprise-attack 8\.2 but PRE: a list its generator writes/,
    );
  });

  it('security_content\'s older list (format 4.3, no release, no Azure AD) says nothing either: its T1003 counts on Linux', () => {
    const result = review(published('splunk-security-content-coverage-4.3.json'), 'coverage.json', threatOn(['Linux'], ['T1003']));
    const row = result.rows.find((r) => r.id === 'T1003')!;
    expect([row.coverage, row.platformsCovered]).to.deep.equal([1, ['Linux']]);
    expect(result.notes.find((note) => note.startsWith('coverage layer coverage.json'))).to.include(
      'names AWS, GCP, Azure (IaaS since ATT&CK 9.0), Office 365 (Office Suite since ATT&CK 16.0), names ATT&CK has since replaced, in a layer that ' +
        'states no release, and lists every platform of enterprise-attack 6.3 but Azure AD: a list its generator writes into every layer',
    );
  });

  it('a cloud pack\'s AWS, GCP, Azure (DeTT&CT\'s shape, no release) is a choice: its T1078 counts on IaaS, not for a Windows threat', () => {
    const windows = review(JSON.stringify(dettectCloudLayer), 'cloud.json', threatOn(['Windows'], ['T1078']));
    const row = windows.rows.find((r) => r.id === 'T1078')!;
    expect([row.coverage, row.platformsCovered]).to.deep.equal([0, []]);
    expect(row.otherPlatformRules.map((rule) => [rule.name, rule.platforms])).to.deep.equal([['Cloud accounts: Console login from a new country', ['IaaS']]]);
    expect(windows.notes).to.include(
      'coverage layer cloud.json ("Cloud accounts"): filters.platforms read as where its detections run: its 2 rules count on IaaS alone, read from ' +
        "the filter's AWS, GCP, Azure (IaaS since ATT&CK 9.0), as a detections file's platforms do (a filter of every platform of its release says nothing)",
    );
    const iaas = review(JSON.stringify(dettectCloudLayer), 'cloud.json', threatOn(['IaaS'], ['T1078'])).rows.find((r) => r.id === 'T1078')!;
    expect([iaas.coverage, iaas.platformsCovered]).to.deep.equal([0.6, ['IaaS']]);
  });

  it('ATT&CK 7\'s Cloud matrix in a layer of 16 is a choice too: its Azure AD rule counts on Identity Provider, not on Windows', () => {
    const layer = { ...contentctlLayer, filters: { platforms: ['AWS', 'GCP', 'Azure', 'Azure AD', 'Office 365', 'SaaS'] } };
    const result = review(JSON.stringify(layer), 'coverage.json', threatOn(['Windows', 'Identity Provider'], ['T1078.004']));
    const row = result.rows.find((r) => r.id === 'T1078.004')!;
    expect([row.platforms, row.platformsCovered]).to.deep.equal([['Identity Provider'], ['Identity Provider']]);
    const windows = review(JSON.stringify(layer), 'coverage.json', threatOn(['Windows'], ['T1078'])).rows.find((r) => r.id === 'T1078')!;
    expect([windows.coverage, windows.platformsCovered]).to.deep.equal([0, []]);
  });

  it('a filter of every platform of its release (Elastic\'s ATT&CK 14 names in a layer of 16.1) says nothing, and no note', () => {
    const result = review(published('elastic-detection-rules-4.4.json'), 'elastic.json', threatOn(['ESXi'], ['T1059']));
    expect(result.notes.filter((note) => note.includes('filters.platforms'))).to.deep.equal([]);
    expect(result.rows.find((r) => r.id === 'T1059')?.otherPlatformRules).to.deep.equal([]);
  });
});

/**
 * A layer in the shape ElasticSA/elsec_dr2an's gen_an_layer.sh writes (its last_export_heatmap.json: ATT&CK 8, Navigator
 * 4.2, format 4.1, `filters.platforms` Windows, macOS and Linux written into every layer whatever its rules, an entry per
 * technique scored by its count of rules, each rule a metadata item of its type and name). The rule names are those the
 * heatmap lists under these techniques (elastic/detection-rules' names); the selection and scores are ours. Its T1530
 * Data from Cloud Storage Object runs on AWS, GCP and Azure alone in ATT&CK 8.2: the filter hid it from the author.
 */
const elsecLayer = {
  name: 'Elastic Security',
  versions: { attack: '8', navigator: '4.2', layer: '4.1' },
  domain: 'enterprise-attack',
  description: 'Mapping Elastic Security Detection Rules to ATT&CK Navigator',
  filters: { platforms: ['Windows', 'macOS', 'Linux'] },
  sorting: 0,
  layout: { layout: 'side', showName: true, showID: true },
  hideDisabled: false,
  techniques: [
    {
      techniqueID: 'T1110',
      enabled: true,
      metadata: [
        { name: 'threshold', value: 'AWS Management Console Brute Force of Root User Identity' },
        { name: 'threshold', value: 'Attempts to Brute Force a Microsoft 365 User Account' },
        { name: 'threshold', value: 'Okta Brute Force or Password Spraying Attack' },
      ],
      score: 3,
    },
    { techniqueID: 'T1078', enabled: true, metadata: [{ name: 'query', value: 'AWS Root Login Without MFA' }, { name: 'query', value: 'Azure Active Directory PowerShell Sign-in' }], score: 2 },
    { techniqueID: 'T1530', enabled: true, metadata: [{ name: 'query', value: 'AWS CloudTrail Log Created' }, { name: 'query', value: 'GCP Pub/Sub Topic Creation' }], score: 2 },
    { techniqueID: 'T1059.001', enabled: true, metadata: [{ name: 'eql', value: 'Remote File Download via PowerShell' }], score: 1 },
  ],
};

describe('regression: a coverage layer whose platform filter hides its own entries is a generator\'s list (ElasticSA/elsec_dr2an)', () => {
  let index: AttackIndex;

  const review = (coverage: string, file: string, threat: object, release = index): GapReview => {
    const resolved = resolveCoverage(parseCoverageLayers(coverage, file), release, { release: (major) => (major === '8' ? new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '8.2') : undefined) });
    const input = parseCoverageLayers(JSON.stringify(threat), 'threat.json', { role: 'threat' })[0]!;
    return reviewGaps([threatFromLayer(input, release).source], resolved, release, { minCoverage: 0 });
  };

  before(() => {
    index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
  });

  it('its AWS, Microsoft 365 and Okta rules of T1110 and T1078 cover an identity and cloud threat: its Windows, macOS, Linux filter says nothing', () => {
    const result = review(JSON.stringify(elsecLayer), 'last_export_heatmap.json', threatOn(['Identity Provider', 'IaaS'], ['T1078', 'T1110']));
    expect(result.rows.map((row) => [row.id, row.coverage > 0, row.platformsCovered])).to.deep.equal([
      ['T1078', true, ['IaaS', 'Identity Provider']],
      ['T1110', true, ['IaaS', 'Identity Provider']],
    ]);
    expect(result.notes).to.include(
      'coverage layer last_export_heatmap.json ("Elastic Security"): filters.platforms (Windows, macOS, Linux) hides one of its own techniques in ' +
        'enterprise-attack 8.2, T1530 Data from Cloud Storage Object (AWS, GCP, Azure): a list written over entries it does not show, as a generator ' +
        "writes one into every layer, not one chosen to say where the layer's detections run, so they count on every platform",
    );
  });

  it('the same layer without the entry its filter hides reads the filter as where its detections run, as before', () => {
    const layer = { ...elsecLayer, techniques: elsecLayer.techniques.filter((entry) => entry.techniqueID !== 'T1530') };
    const result = review(JSON.stringify(layer), 'last_export_heatmap.json', threatOn(['Identity Provider'], ['T1110']));
    expect(result.rows.map((row) => [row.id, row.coverage, row.platformsCovered])).to.deep.equal([['T1110', 0, []]]);
    expect(result.notes.find((note) => note.includes('filters.platforms'))).to.equal(
      'coverage layer last_export_heatmap.json ("Elastic Security"): filters.platforms read as where its detections run: its 3 rules count on ' +
        "Linux, Windows, macOS alone, as a detections file's platforms do (a filter of every platform of its release says nothing)",
    );
  });

  it('a chosen filter hides none of its own entries: sysmon-modular\'s "windows" still says where its detections run', () => {
    // Its 69 entries (attack_matrix/Sysmon-modular.json at 0e868dec) all run on Windows in every release here, as MITRE
    // CAR's coverage layer's run on its Linux, macOS, Windows and Network (docs/coverage/car_analytic_coverage_01_08_2024.json
    // at 8a92c3c5, in ATT&CK 10.1), whose colour-only entries count no coverage here.
    const result = review(published('sysmon-modular-1.0.json'), 'Sysmon-modular.json', threatOn(['Linux'], ['T1087']));
    expect(result.notes.find((note) => note.includes('filters.platforms'))).to.match(/filters\.platforms read as where its detections run: its 8 rules count on Windows alone/);
  });
});
