import fs, { readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { readCampaign } from '../../lib/campaign/read-campaign.js';
import type { CoverageInput } from '../../lib/coverage/coverage-types.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { readCoverageInputs, readThreatInputs } from '../../lib/coverage/read-threat.js';
import { campaignReleases, normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import { freshTmpDir, stixDir, testCacheDir } from '../helpers/attack.js';

/** Run `read` while counting the JSON.parse calls given exactly `text`. */
function parsesOf<T>(text: string, read: () => T): { result: T; parses: number } {
  const parse = JSON.parse;
  let parses = 0;
  JSON.parse = ((source: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    if (source === text) parses += 1;
    return parse(source, reviver) as unknown;
  }) as typeof JSON.parse;
  try {
    return { result: read(), parses };
  } finally {
    JSON.parse = parse;
  }
}

/**
 * Atomic Red Team's Windows layer, cut short, as atomic_red_team/doc_generator.py's _get_layer writes it
 * (atomics/Indexes/Attack-Navigator-Layers/art-navigator-layer-windows.json): a count of tests on 0..10, the tests'
 * names in the comment.
 */
const ART_WINDOWS_LAYER = {
  name: 'Atomic Red Team (Windows)',
  versions: { attack: '16', navigator: '5.1.0', layer: '4.5' },
  description: 'Atomic Red Team (Windows) MITRE ATT&CK Navigator Layer',
  domain: 'enterprise-attack',
  filters: { platforms: ['Windows'] },
  gradient: { colors: ['#ffffff', '#ce232e'], minValue: 0, maxValue: 10 },
  legendItems: [{ label: '10 or more tests', color: '#ce232e' }, { label: '1 or more tests', color: '#ffffff' }],
  techniques: [{ techniqueID: 'T1003.004', score: 1, enabled: true, comment: '\n- Dumping LSA Secrets\n' }],
};

/** Run `read` while counting the reads of `file` (fs.readFileSync, for the library's ES module and CommonJS copies alike). */
function readsOf<T>(file: string, read: () => T): { result: T; reads: number } {
  const original = fs.readFileSync;
  let reads = 0;
  fs.readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    if (typeof path === 'string' && resolve(path) === resolve(file)) reads += 1;
    return (original as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  syncBuiltinESMExports();
  try {
    return { result: read(), reads };
  } finally {
    fs.readFileSync = original;
    syncBuiltinESMExports();
  }
}

/** What Atomic Red Team's tests, indexes and layers are refused with, on either side. */
const ATOMIC_USE =
  "its tests run a technique and detect nothing, and are no adversary's doing: give gap --coverage the rules that fire on them, " +
  'and gap --threat what an adversary does (a campaign file, or a layer of a group from attack-object); ' +
  'to list the tests that exercise each threat technique, give them to gap --tests';
// The same words as a program reads them from readThreatInputs and readCoverageInputs: the functions it passes paths
// to, and the one that renders a group's layer.
const ATOMIC_USE_LIBRARY = ATOMIC_USE.replace('gap --coverage', 'readCoverageInputs')
  .replace('gap --threat', 'readThreatInputs')
  .replace('gap --tests', 'readAtomicTests')
  .replace('from attack-object', 'from renderAttackObjectLayer');

describe('readThreatInputs', () => {
  // Atomic Red Team's atomics/Indexes/Attack-Navigator-Layers/art-navigator-layer-windows.json as its generator
  // (atomic_red_team/doc_generator.py's _get_layer) writes it, cut to one entry, and its indexes
  // (atomics/Indexes/Indexes-CSV/azure-ad-index.csv, atomics/Indexes/azure-ad-index.yaml), cut short: a map of what its
  // tests can run, which says nothing of what an adversary does.
  it("refuses Atomic Red Team's Navigator layers as threat, as its indexes are, saying to give what an adversary does", () => {
    const dir = freshTmpDir('threat-atomic');
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const layer = join(dir, 'art-navigator-layer-windows.json');
    writeFileSync(
      layer,
      JSON.stringify(ART_WINDOWS_LAYER),
    );
    expect(() => readThreatInputs([layer], library)).to.throw(
      `${layer}: this is "Atomic Red Team (Windows)", Atomic Red Team's Navigator layer of its tests (atomics/Indexes/Attack-Navigator-Layers), ` +
        `whose scores count each technique's tests, not detections or an adversary's use of it; ${ATOMIC_USE_LIBRARY}`,
    );
    // A folder of them too, as a folder of layers is read.
    expect(() => readThreatInputs([dir], library)).to.throw(`${layer}: this is "Atomic Red Team (Windows)"`);
    const csv = join(dir, 'azure-ad-index.csv');
    writeFileSync(csv, 'Tactic,Technique #,Technique Name,Test #,Test Name,Test GUID,Executor Name\ncredential-access,T1110.003,Password Spraying,4,Password spray all Azure AD users with a single password,a8aa2d3e-1c52-4016-bc73-0f8854cfa80a,powershell\n');
    const yaml = join(dir, 'azure-ad-index.yaml');
    writeFileSync(yaml, '---\ncredential-access:\n  T1110.003:\n    technique:\n      type: attack-pattern\n      name: Password Spraying\n    atomic_tests:\n    - name: Password spray all Azure AD users with a single password\n');
    for (const file of [csv, yaml]) {
      expect(() => readThreatInputs([file], library)).to.throw(`${file}: this is Atomic Red Team tests (a test file, or an index of them), not a campaign file; ${ATOMIC_USE_LIBRARY}`);
    }
  });

  // A folder of threat layers that holds one file that is no threat (Atomic Red Team's layer of its tests, as
  // atomics/Indexes/Attack-Navigator-Layers/art-navigator-layer-esxi.json sits beside downloaded layers; a file cut
  // short) was refused whole, naming that file: it is left out, saying why, and the others are read.
  it('leaves out a file of a --threat folder that is no threat input, saying why, and reads the others', () => {
    const dir = freshTmpDir('threat-folder-left-out');
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const apt32 = join(dir, 'apt32-covid19-wuhan.layer.json');
    writeFileSync(apt32, readFileSync(resolve(fileURLToPath(new URL('../../layers/apt32-covid19-wuhan.layer.json', import.meta.url))), 'utf8'));
    writeFileSync(join(dir, 'art-navigator-layer-windows.json'), JSON.stringify(ART_WINDOWS_LAYER));
    writeFileSync(join(dir, 'cut.json'), '{"name": "x", "techniques": [\n');
    writeFileSync(join(dir, 'ttps.yaml'), 'name: typo\nttps: [T1059]\n');
    const result = readThreatInputs([dir], library);
    expect(result.layers.map((layer) => layer.source)).to.deep.equal([apt32]);
    expect(result.campaigns).to.deep.equal([]);
    expect(result.leftOut).to.have.length(3);
    expect(result.leftOut[0]).to.match(/art-navigator-layer-windows\.json: this is "Atomic Red Team \(Windows\)"/);
    expect(result.leftOut[1]).to.match(/cut\.json: line 2, column 1: invalid JSON/);
    expect(result.leftOut[2]).to.match(/ttps\.yaml: not a valid campaign file: line 2, \/ttps: unknown field "ttps"/);
    // A file named on its own is still refused, and so is a folder where no file is a threat input.
    expect(() => readThreatInputs([join(dir, 'cut.json')], library)).to.throw('cut.json: line 2, column 1: invalid JSON');
    const none = freshTmpDir('threat-folder-none');
    writeFileSync(join(none, 'cut.json'), '{"name": "x", "techniques": [\n');
    expect(() => readThreatInputs([none], library)).to.throw(`${none}: no file there is a threat input (a campaign file or a Navigator layer):\n  ${join(none, 'cut.json')}: line 2`);
  });

  it('reads and parses a JSON campaign file once: the text and value that told it from a layer are the ones the campaign parser reads', () => {
    // A campaign written as JSON (test/fixtures/gap, hand-written).
    const file = fileURLToPath(new URL('../fixtures/gap/json-campaign.json', import.meta.url));
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const text = readFileSync(file, 'utf8');
    let reads = 0;
    const { result, parses } = parsesOf(text, () => {
      const counted = readsOf(file, () => readThreatInputs([file], library));
      reads = counted.reads;
      return counted.result;
    });
    expect([reads, parses]).to.deep.equal([1, 1]);
    // The same campaign as readCampaign gives from the file alone.
    const campaign = readCampaign(file);
    expect(result.campaigns).to.deep.equal([normalizeCampaign(campaign, campaignReleases(campaign, library))]);
    expect(result.layers).to.deep.equal([]);
  });

  // rabobank-cdc/DeTTECT publishes its threat-report layers a folder per report (threat-actor-data/ATT&CK-Navigator-layers);
  // a folder of them given as --threat was read as campaign files, and its first layer refused as "not a campaign file".
  it('reads a folder of layers and campaigns: each layer as a threat layer, each campaign as a campaign', () => {
    const dir = freshTmpDir('threat-folder');
    const dettect = (name: string, ids: string[]): object => ({
      name,
      versions: { navigator: '4.3', layer: '4.2' },
      domain: 'enterprise-attack',
      techniques: ids.map((techniqueID) => ({ techniqueID, score: 1, metadata: [{ name: 'Group', value: name }] })),
      gradient: { colors: ['#ffcece', '#ff0000'], minValue: 0, maxValue: 1 },
    });
    writeFileSync(join(dir, 'mcafee.json'), JSON.stringify(dettect('McAfee', ['T1027', 'T1053.005'])));
    writeFileSync(join(dir, 'talos.json'), JSON.stringify(dettect('Talos', ['T1059.001'])));
    writeFileSync(join(dir, 'campaign.yaml'), 'name: seen\ntechniques:\n  - T1566.001\n');
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const { campaigns, layers } = readThreatInputs([dir], library);
    expect(layers.map((layer) => [layer.source, layer.rules.flatMap((rule) => rule.refs.map((ref) => ref.raw))])).to.deep.equal([
      [join(dir, 'mcafee.json'), ['T1027', 'T1053.005']],
      [join(dir, 'talos.json'), ['T1059.001']],
    ]);
    expect(campaigns.map((campaign) => campaign.name)).to.deep.equal(['seen']);
  });
});

describe('readCoverageInputs', () => {
  // A detection-coverage layer written by Atomic Threat Coverage (test/fixtures/layers/public, README there).
  const file = fileURLToPath(new URL('../fixtures/layers/public/atc-testcustomer2-2.1.json', import.meta.url));

  it('parses a coverage layer file once: the value that told its kind is the one the layer reader reads', () => {
    const text = readFileSync(file, 'utf8');
    const { result, parses } = parsesOf(text, () => readCoverageInputs([file]));
    expect(parses).to.equal(1);
    // The same inputs as the layer reader gives from the text alone.
    const expected: CoverageInput[] = parseCoverageLayers(text, file);
    expect(result).to.deep.equal(expected);
    expect(result[0]?.counts.items).to.equal((JSON.parse(text) as { techniques: unknown[] }).techniques.length);
  });

  // center-for-threat-informed-defense/sensor-mappings-to-attack publishes one coverage layer per sensor in a folder
  // (mappings/layers/enterprise/Zeek-heatmap.json, Sysmon-heatmap.json, …); given as --coverage, the folder was read as
  // a folder of rules and gave "no rule files", the layers unread.
  it('reads a folder of layers and no rules as its layers, and says it leaves out layers beside rules', () => {
    const sensor = (name: string, ids: string[]): string =>
      JSON.stringify({
        name,
        versions: { navigator: '4.8.2', layer: '4.4', attack: '13' },
        domain: 'enterprise-attack',
        techniques: ids.map((techniqueID) => ({ techniqueID, score: 1, comment: `${name}: connection_established`, color: '#954a47' })),
        gradient: { colors: ['#b7ffbf', '#063b00'], minValue: 0, maxValue: 1 },
        legendItems: [{ label: name, color: '#954a47' }],
      });
    const layers = freshTmpDir('sensor-layers');
    writeFileSync(join(layers, 'Zeek-heatmap.json'), sensor('Zeek', ['T1047', 'T1114']));
    writeFileSync(join(layers, 'Sysmon-heatmap.json'), sensor('Sysmon', ['T1059.001']));
    const read = readCoverageInputs([layers]);
    expect(read.map((input) => [input.kind, input.source, input.rules.flatMap((rule) => rule.refs.map((ref) => ref.raw))])).to.deep.equal([
      ['layer', join(layers, 'Sysmon-heatmap.json'), ['T1059.001']],
      ['layer', join(layers, 'Zeek-heatmap.json'), ['T1047', 'T1114']],
    ]);
    const mixed = freshTmpDir('rules-and-layers');
    writeFileSync(join(mixed, 'Zeek-heatmap.json'), sensor('Zeek', ['T1047']));
    writeFileSync(
      join(mixed, 'proc_creation_win_certutil_download.yml'),
      'title: Certutil Download\nstatus: test\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n  sel:\n    CommandLine|contains: urlcache\n  condition: sel\nlevel: high\ntags:\n  - attack.t1105\n',
    );
    const [rules, ...more] = readCoverageInputs([mixed]);
    expect(more).to.deep.equal([]);
    expect(rules?.rules.flatMap((rule) => rule.refs.map((ref) => ref.raw))).to.deep.equal(['attack.t1105']);
    expect(rules?.problems.map((problem) => problem.message)).to.deep.equal([
      'a Navigator layer beside the rules (Zeek-heatmap.json) not read: a folder of rules counts its rules; give a layer to readCoverageInputs as a path of its own to count it',
    ]);
  });

  // tropChaud/Cyber-Adversary-Heatmaps publishes its "Current Intelligence Reports" folder as heatmap layers beside
  // current_intel_index.json, a list of the layers' titles and URLs. Given as --coverage, a folder of layers left out
  // such a file without a word, and so a layer whose JSON did not parse (a trailing comma): the review counted its
  // techniques as gaps, where the file alone is refused naming the file (as --threat, the folder leaves it out saying so, exit 1).
  it('refuses a file of a folder of layers that is no layer, naming it, rather than leaving it unread', () => {
    const karakurt = JSON.stringify(
      {
        name: 'Karakurt Data Extortion Group | CISA',
        versions: { attack: '11', navigator: '4.6.1', layer: '4.3' },
        domain: 'enterprise-attack',
        techniques: [{ techniqueID: 'T1133', score: 3 }, { techniqueID: 'T1078', score: 4 }],
        gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 4 },
      },
      null,
      4,
    );
    const index = freshTmpDir('layers-and-index');
    writeFileSync(join(index, 'Karakurt Data Extortion Group CISA.json'), karakurt);
    writeFileSync(join(index, 'current_intel_index.json'), JSON.stringify([{ title: 'CISA Alert AA22-152A: Karakurt Data Extortion Group (June 2022)', url: 'https://raw.githubusercontent.com/tropChaud/Cyber-Adversary-Heatmaps/main/Current%20Intelligence%20Reports/Karakurt%20Data%20Extortion%20Group%20CISA.json' }], null, 4));
    // A list of the layers' addresses, said to be that, and what to do with it.
    expect(() => readCoverageInputs([index])).to.throw(/current_intel_index\.json: this is a list of the addresses of JSON files .*download the layers its URLs name/);
    const broken = freshTmpDir('layers-one-broken');
    writeFileSync(join(broken, 'karakurt.json'), karakurt);
    writeFileSync(join(broken, 'karakurt-edited.json'), karakurt.replace('"score": 4', '"score": 4 "comment": "a comma missing"'));
    expect(() => readCoverageInputs([broken])).to.throw(/karakurt-edited\.json: line \d+, column \d+: invalid JSON/);
  });

  describe('one YAML file: a rule is read as a folder of it, a detections list as detections, anything else refused', () => {
    // The shapes of a SigmaHQ rule, a Splunk detection, a Sentinel rule and an Elastic rule (TOML), a few lines each.
    const files: Readonly<Record<string, string>> = {
      'proc_creation_win_certutil_download.yml':
        'title: Certutil Download\nstatus: test\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n  sel:\n    CommandLine|contains: urlcache\n  condition: sel\nlevel: high\ntags:\n  - attack.command-and-control\n  - attack.t1105\n',
      'certutil_download.yml': 'name: Certutil Download\ntype: TTP\nstatus: production\nsearch: "| tstats count from datamodel=Endpoint.Processes"\nmitre_attack_id:\n  - T1105\n',
      'CertutilDownload.yaml': 'name: Certutil download\nseverity: High\nqueryFrequency: 1h\nrelevantTechniques:\n  - T1105\nquery: DeviceProcessEvents\n',
      'certutil_download.toml': '[metadata]\nmaturity = "production"\n[rule]\nname = "Certutil Download"\nseverity = "high"\n[[rule.threat]]\nframework = "MITRE ATT&CK"\n[[rule.threat.technique]]\nid = "T1105"\n',
      'detections.yml': 'detections:\n  - name: Certutil download\n    techniques: T1105\n',
    };
    let dir: string;
    before(() => {
      dir = freshTmpDir('one-rule');
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    });

    it('reads one Sigma rule (and a Splunk, Sentinel or Elastic rule) as its folder walk reads it, a detections file as one', () => {
      const inputs = readCoverageInputs(Object.keys(files).map((name) => join(dir, name)));
      expect(inputs.map((input) => [input.kind, input.counts.rules, input.rules.map((rule) => rule.refs.map((ref) => ref.id ?? ref.raw))])).to.deep.equal([
        ['sigma', 1, [['T1105']]],
        ['splunk', 1, [['T1105']]],
        ['sentinel', 1, [['T1105']]],
        ['elastic', 1, [['T1105']]],
        ['detections', 1, [['T1105']]],
      ]);
    });

    // The DFIR Report publishes its Sigma rules without an extension (`AdFind_Recon`): read inside a folder, refused
    // alone ("not a coverage input").
    it('reads one rule file without an extension as the folder walk reads it, with its note; another such file is refused', () => {
      const rule = join(dir, 'AdFind_Recon');
      writeFileSync(rule, files['proc_creation_win_certutil_download.yml']!);
      const [input] = readCoverageInputs([rule]);
      expect([input!.kind, input!.counts.rules, input!.rules.map((r) => r.refs.map((ref) => ref.id))]).to.deep.equal(['sigma', 1, [['T1105']]]);
      expect(input!.problems.map((problem) => problem.message)).to.deep.equal(['the file name has no extension; read as a YAML rule (name it .yml)']);
      const licence = join(dir, 'LICENSE');
      writeFileSync(licence, 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n');
      expect(() => readCoverageInputs([licence])).to.throw(/LICENSE: not a coverage input/);
    });

    it('reads a Sigma rule the YAML parser refuses as a folder of it too, reporting it invalid with its line', () => {
      const file = join(dir, 'broken_rule.yml');
      writeFileSync(file, 'title: Broken\nlogsource:\n  product: windows\ndetection:\n  sel: [a\n  condition: sel\n');
      const [input] = readCoverageInputs([file]);
      expect([input?.kind, input?.counts]).to.deep.equal(['sigma', { items: 1, rules: 0, ignored: 0, invalid: 1 }]);
      // The list [ opened on line 5 and never closed: said on its own line, as campaign files say it.
      expect(input?.problems[0]?.line).to.equal(5);
    });

    // mitre-attack/car's analytics/CAR-2013-04-002.yaml and atomic-red-team's atomics/T1070.006/T1070.006.yaml, cut short.
    const car = 'title: Quick execution of a series of suspicious commands\nplatforms:\n  - Windows\nid: CAR-2013-04-002\ncoverage:\n  - technique: T1087\n    subtechniques:\n      - T1087.001\n    coverage: Low\nimplementations:\n  - type: pseudocode\n';
    const atomic = "attack_technique: T1070.006\ndisplay_name: 'Indicator Removal on Host: Timestomp'\natomic_tests:\n- name: Set a file's access timestamp\n  supported_platforms:\n  - linux\n";

    it('refuses a MITRE CAR analytic and an Atomic Red Team test file given alone, saying what each is and what to give instead', () => {
      const carFile = join(dir, 'CAR-2013-04-002.yaml');
      writeFileSync(carFile, car);
      const wrongKind = (file: string, what: string, use: string) => {
        expect(() => readCoverageInputs([file])).to.throw(`${file}: this is ${what}, not an ATT&CK Navigator layer or a detections file or a DeTT&CT technique administration file or a Microsoft Sentinel export of analytic rules (an ARM template); ${use}`);
      };
      wrongKind(
        carFile,
        'a MITRE CAR analytic',
        'it holds what an analytic could detect (its "coverage") and implementations to write a rule from, no deployed rule: ' +
          'give readCoverageInputs the rules you deployed from it, or list them in a detections file (name, techniques, coverage)',
      );
      const atomicFile = join(dir, 'T1070.006.yaml');
      writeFileSync(atomicFile, atomic);
      wrongKind(atomicFile, 'Atomic Red Team tests (a test file, or an index of them)', ATOMIC_USE_LIBRARY);
      // Its indexes: atomics/Indexes/Indexes-CSV/azure-ad-index.csv and atomics/Indexes/azure-ad-index.yaml, cut short.
      const csv = join(dir, 'azure-ad-index.csv');
      writeFileSync(csv, 'Tactic,Technique #,Technique Name,Test #,Test Name,Test GUID,Executor Name\ncredential-access,T1110.003,Password Spraying,4,Password spray all Azure AD users with a single password,a8aa2d3e-1c52-4016-bc73-0f8854cfa80a,powershell\n');
      const index = join(dir, 'azure-ad-index.yaml');
      writeFileSync(index, '---\ncredential-access:\n  T1110.003:\n    technique:\n      type: attack-pattern\n      name: Password Spraying\n    atomic_tests:\n    - name: Password spray all Azure AD users with a single password\n');
      for (const file of [csv, index]) wrongKind(file, 'Atomic Red Team tests (a test file, or an index of them)', ATOMIC_USE_LIBRARY);
    });

    // Atomic Red Team's own layers, reconstructed from its generators: atomic_red_team/doc_generator.py's _get_layer
    // (atomics/Indexes/Attack-Navigator-Layers/art-navigator-layer-windows.json: a count of tests on 0..10, the tests'
    // names in the comment) and bin/generate-atomic-docs.rb's get_layer (layer 3.0, every technique 100, "Has at least one test").
    it("refuses Atomic Red Team's Navigator layers as coverage, as its indexes are: their scores count tests", () => {
      const link = (id: string) => [{ label: 'View Atomic', url: `https://github.com/redcanaryco/atomic-red-team/blob/master/atomics/${id}/${id}.md` }];
      const windows = {
        ...ART_WINDOWS_LAYER,
        techniques: ART_WINDOWS_LAYER.techniques.map((technique) => ({ ...technique, links: link(technique.techniqueID) })),
      };
      const old = {
        version: '3.0',
        name: 'Atomic Red Team',
        description: 'Atomic Red Team MITRE ATT&CK Navigator Layer',
        domain: 'mitre-enterprise',
        gradient: { colors: ['#ce232e', '#ce232e'], minValue: 0, maxValue: 100 },
        legendItems: [{ label: 'Has at least one test', color: '#ce232e' }],
        techniques: [{ techniqueID: 'T1003', score: 100, enabled: true }],
      };
      for (const [name, layer] of [['Atomic Red Team (Windows)', windows], ['Atomic Red Team', old], ['Atomic Red Team', [old]]] as const) {
        const file = join(dir, 'art-navigator-layer.json');
        writeFileSync(file, JSON.stringify(layer));
        expect(() => readCoverageInputs([file])).to.throw(
          `${file}: this is "${name}", Atomic Red Team's Navigator layer of its tests (atomics/Indexes/Attack-Navigator-Layers), whose scores count each technique's tests, not detections or an adversary's use of it; ${ATOMIC_USE_LIBRARY}`,
        );
      }
      // A layer of one's own that links the tests it ran (a purple-team run named otherwise) is read as coverage.
      const run = join(dir, 'purple-run.json');
      writeFileSync(run, JSON.stringify({ ...windows, name: 'Purple team run 3', description: 'Atomic Red Team tests detected by the SOC' }));
      expect(readCoverageInputs([run]).map((input) => [input.kind, input.counts.rules])).to.deep.equal([['layer', 1]]);
    });

    it("refuses JSON with none of a layer's fields (a Datadog monitor) saying what --coverage reads from JSON, not to export a layer", () => {
      // A Datadog monitor (GET /api/v1/monitor/{id}): an alert on a metric, no detection rule (no cases).
      const file = join(dir, 'monitor.json');
      writeFileSync(
        file,
        JSON.stringify({ name: 'High error rate on web', type: 'metric alert', query: 'avg(last_5m):avg:trace.http.request.errors{service:web} > 10', message: 'Errors are high', tags: ['team:web', 'technique:T1110-brute-force'], options: { thresholds: { critical: 10 } } }),
      );
      expect(() => readCoverageInputs([file])).to.throw(
        `${file}: JSON of no coverage kind: no Navigator layer (it has none of a layer's fields: "techniques", "versions", "domain", "gradient"), ` +
          "no detections list (items with \"name\" and \"techniques\") and no Sentinel export of analytic rules (an ARM template of alertRules, or the REST API's list of them) and no Splunk saved searches of its REST API (entry[].content); " +
          "readCoverageInputs reads those from a .json file, and rule files from a folder (Splunk's JSON detections of 2017-2019 among them): " +
          'write its detections as a detections file (name, techniques, coverage)',
      );
      // A layer to repair (no versions, a name and techniques) is still read as one.
      const layer = join(dir, 'bare-layer.json');
      writeFileSync(layer, JSON.stringify({ name: 'bare', techniques: [{ techniqueID: 'T1110', score: 50 }] }));
      expect(readCoverageInputs([layer])[0]?.kind).to.equal('layer');
    });

    it('names a CAR analytic and an Atomic Red Team test file in a rule folder for what they are, and reads the folder on', () => {
      const folder = join(dir, 'mixed');
      fs.mkdirSync(folder);
      writeFileSync(join(folder, 'CAR-2013-04-002.yaml'), car);
      writeFileSync(join(folder, 'T1070.006.yaml'), atomic);
      writeFileSync(join(folder, 'rule.yml'), files['proc_creation_win_certutil_download.yml']!);
      const [input] = readCoverageInputs([folder]);
      expect(input?.counts).to.deep.equal({ items: 3, rules: 1, ignored: 0, invalid: 2 });
      expect(input?.problems.map((problem) => [problem.line, problem.message.split(';')[0]])).to.deep.equal([
        [1, 'this is a MITRE CAR analytic, not a detection rule'],
        [1, 'this is Atomic Red Team tests (a test file, or an index of them), not a detection rule'],
      ]);
    });

    it('names a DeTT&CT group file of a rule folder in the command it says to run, as this run names it, from the cache too', () => {
      // The layout of rabobank-cdc/DeTTECT's sample-data/groups.yaml: a group administration file saved among rules.
      const folder = join(dir, "team's rules");
      fs.mkdirSync(folder);
      writeFileSync(join(folder, 'groups.yaml'), 'version: 1.0\nfile_type: group-administration\ngroups:\n  - group_name: Test\n    technique_id: [T1566.001]\n    software_id: []\n    enabled: True\n');
      writeFileSync(join(folder, 'rule.yml'), files['proc_creation_win_certutil_download.yml']!);
      const cacheDir = freshTmpDir('group-file-cache');
      // The folder given two ways: the second reading comes from the cache the first wrote. The command as the CLI
      // says it (its words: givenAs.command); a program reads the function that does its work.
      const commands = [folder, `${folder}/`].map((path) =>
        readCoverageInputs([path], { cacheDir, givenAs: { command: 'attack-layers' } })[0]!.problems.map((problem) => problem.message.match(/`[^`]*`/)?.[0]),
      );
      const named = `\`attack-layers extract '${join(dir, 'team')}'\\''s rules/groups.yaml'\``;
      expect(commands).to.deep.equal([[named], [named]]);
      expect(readCoverageInputs([folder], { cacheDir })[0]!.problems.map((problem) => problem.message.match(/`[^`]*`/)?.[0])).to.deep.equal(['`extractReport`']);
    });

    it('refuses a YAML file that is neither a rule nor a detections list, saying what it reads from YAML', () => {
      const file = join(dir, 'settings.yml');
      writeFileSync(file, 'index: main\nsourcetype: WinEventLog\n');
      expect(() => readCoverageInputs([file])).to.throw(
        `${file}: not a valid detections file: line 1, /: missing required field "detections" (and 2 more problems); it is no rule either: readCoverageInputs reads a YAML file as ` +
          'a detections list (a list, or "detections:", of items with "name" and "techniques"), a DeTT&CT technique administration file ("file_type: technique-administration") ' +
          'or one rule: Sigma ("title", "logsource", "detection"), Splunk ("name", "search"), Sentinel ("name", "query"), Falco (a list of "- rule:" items) or Panther ("AnalysisType")',
      );
    });
  });
});
