import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import type { AttackLibrary } from '../../lib/attack/load.js';
import { InputError, SchemaValidationError } from '../../lib/errors.js';
import type { LayerTechnique } from '../../lib/layer/layer-types.js';
import { layerFormat, migrateLayerFormat, stagesHidingPreAttack } from '../../lib/layer/layer-format.js';
import { isNavigatorLayer } from '../../lib/layer/serialize-layer.js';
import { upgradeLayer, upgradeReleases } from '../../lib/layer/upgrade-layer.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { formatUpgradeMarkdown, scoresOutOfRangeLine, summarizeUpgrade } from '../../lib/layer/upgrade-report.js';
import { readRawBundle, stixFile } from '../helpers/attack.js';
import { attackFor, attackLibrary, readLayerFixture } from './attack-data.js';

type Layer = Record<string, unknown>;

function layer(techniques: unknown[], extra: Layer = {}): Layer {
  return {
    name: 'upgrade test',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    layout: { expandedSubtechniques: 'annotated' },
    techniques,
    ...extra,
  };
}

function entries(value: { techniques?: LayerTechnique[] }): Array<[string, string | undefined]> {
  return (value.techniques ?? []).map((t) => [t.techniqueID, t.tactic]);
}

describe('layerFormat', () => {
  const table: Array<[string, unknown, ReturnType<typeof layerFormat>]> = [
    ['a 4.5 layer', { versions: { layer: '4.5' } }, { version: '4.5', source: 'versions.layer', comparedTo45: 0, major: 4 }],
    ['a 4.2 layer', { versions: { layer: '4.2' } }, { version: '4.2', source: 'versions.layer', comparedTo45: -1, major: 4 }],
    ['a 4.10 layer (numeric, not string, order)', { versions: { layer: '4.10' } }, { version: '4.10', source: 'versions.layer', comparedTo45: 1, major: 4 }],
    ['a 3.0 layer', { version: '3.0' }, { version: '3.0', source: 'version', comparedTo45: -1, major: 3 }],
    ['a 4.0 layer with the `version` field', { version: '4.0' }, { version: '4.0', source: 'version', comparedTo45: -1, major: 4 }],
    ['a layer that states no format', { name: 'x' }, { source: 'none' }],
  ];
  for (const [label, value, expected] of table) {
    it(`reads ${label}`, () => {
      expect(layerFormat(value)).to.deep.equal(expected);
    });
  }
});

describe('migrateLayerFormat', () => {
  it('says of format 4.5 under the old `version` key that it moved to versions.layer, not that 4.5 was converted to 4.5', () => {
    const { layer: out, changes } = migrateLayerFormat({ name: 'generated', version: '4.5', domain: 'enterprise-attack', techniques: [] });
    expect(out['versions']).to.deep.equal({ layer: '4.5', navigator: '5.1.0' });
    expect(changes[0]).to.deep.equal({ path: '/version', message: 'format 4.5 was stated under the old `version` key; moved to `versions.layer`, where format 4.1 and later write it' });
    expect(migrateLayerFormat({ name: 'g', version: '4.2', domain: 'enterprise-attack', techniques: [] }).changes[0]?.message).to.equal(
      'format 4.2 was stated under the old `version` key; moved to `versions.layer` as 4.5, where format 4.1 and later write it',
    );
  });

  it('converts the 3.0 fields without touching technique positions, and leaves its input alone', () => {
    const input = readLayerFixture('old-format-3.0.json') as Layer;
    const before = JSON.stringify(input);
    const { layer: out, changes } = migrateLayerFormat(input);
    expect(JSON.stringify(input)).to.equal(before);
    expect(out).to.not.have.any.keys('version', 'viewMode');
    expect(out['versions']).to.deep.equal({ layer: '4.5', navigator: '5.1.0' });
    expect(out['domain']).to.equal('enterprise-attack');
    expect(out['layout']).to.deep.equal({ layout: 'side', showID: true, showName: false });
    expect(out['filters']).to.deep.equal({ platforms: ['Windows'] });
    expect((out['techniques'] as Layer[]).map((t) => t['techniqueID'])).to.deep.equal(['T1193', 'T1117', 'T1117', 'T1064', 'T1086']);
    expect(changes).to.deep.equal([
      { path: '/version', message: 'layer format 3.0 converted to 4.5 (`version` became `versions`)' },
      { path: '/versions/navigator', message: 'set to 5.1.0' },
      { path: '/domain', message: 'mitre-enterprise -> enterprise-attack' },
      { path: '/viewMode', message: '1 became layout {"layout":"side","showID":true,"showName":false}' },
      { path: '/filters/stages', message: 'removed (format 4.0 dropped the PRE-ATT&CK stage filter)' },
    ]);
  });

  const viewModes: Array<[number, Layer]> = [
    [0, { layout: 'side' }],
    [1, { layout: 'side', showID: true, showName: false }],
    [2, { layout: 'mini', showID: false, showName: false }],
  ];
  for (const [viewMode, layout] of viewModes) {
    it(`maps viewMode ${viewMode} to layout ${JSON.stringify(layout)} as Navigator does`, () => {
      expect(migrateLayerFormat({ version: '3.0', viewMode }).layer['layout']).to.deep.equal(layout);
    });
  }

  it('keeps a Navigator version of at least 4.9.0', () => {
    const { changes } = migrateLayerFormat({ versions: { navigator: '4.9.1', layer: '4.5' } });
    expect(changes).to.deep.equal([]);
  });
});

describe('upgradeLayer', () => {
  let library: AttackLibrary;
  let attack: AttackIndex;

  before(() => {
    library = attackLibrary();
    attack = library.release('enterprise-attack');
    expect(attack.release).to.equal('18.1');
  });

  it('upgrades the 3.0 fixture to a valid 4.5 layer for ATT&CK 18, reporting every entry', () => {
    const { layer: out, report } = upgradeLayer(readLayerFixture('old-format-3.0.json'), attack, { file: '3.0.json' });
    expect(isNavigatorLayer(out)).to.equal(true);
    expect(out.versions).to.deep.equal({ layer: '4.5', navigator: '5.1.0', attack: '18' });
    // Sorted as the file is written, so that the report's positions are the file's.
    expect(entries(out)).to.deep.equal([
      ['T1059.001', undefined],
      ['T1218.010', 'defense-evasion'],
      ['T1566.001', 'initial-access'],
    ]);
    expect(report.techniques.map((t) => [t.path, t.techniqueID, t.changes, t.to.map((to) => to.at)])).to.deep.equal([
      ['/techniques/0', 'T1193', ['remapped'], [2]],
      ['/techniques/1', 'T1117', ['remapped', 'moved-tactic', 'merged'], [1]],
      ['/techniques/2', 'T1117', ['remapped', 'merged'], [1]],
      ['/techniques/3', 'T1064', ['removed'], []],
      ['/techniques/4', 'T1086', ['remapped'], [0]],
    ]);
    expect(report.counts).to.deep.equal({ kept: 0, remapped: 4, renamed: 0, 'tactic-read': 0, 'moved-tactic': 1, merged: 2, removed: 1, split: 0, restored: 0 });
    expect(report.changed).to.equal(true);
    expect(report.from).to.deep.equal({ format: '3.0' });
    expect(report.to).to.deep.equal({ format: '4.5', attack: 'enterprise-attack 18.1' });
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
  });

  it('keeps score, colour, comment, metadata and links of a replaced technique and notes the old ID (T1193)', () => {
    const links = [{ label: 'report', url: 'https://example.org/report' }];
    const { layer: out } = upgradeLayer(
      layer([{ techniqueID: 'T1193', tactic: 'initial-access', score: 4, comment: 'ISO', color: '#ff0000', links, metadata: [{ name: 'source', value: 'A' }] }]),
      attack,
    );
    expect(out.techniques).to.deep.equal([
      {
        techniqueID: 'T1566.001',
        tactic: 'initial-access',
        score: 4,
        comment: 'ISO',
        color: '#ff0000',
        links,
        metadata: [
          { name: 'source', value: 'A' },
          { name: 'upgraded from', value: 'T1193' },
        ],
      },
    ]);
  });

  // A rule-count layer on GitHub written without a gradient scores T1082 292: Navigator reads it on its default 0..100.
  it("says scores off Navigator's default gradient of a layer that states none call for a gradient, not for widening one", () => {
    const { report } = upgradeLayer(layer([{ techniqueID: 'T1082', score: 292 }, { techniqueID: 'T1083', score: 5 }]), attack);
    expect(scoresOutOfRangeLine(report)).to.equal(
      "/gradient: 1 score outside Navigator's default gradient 0..100 (the layer states none), kept as written (T1082 292): Navigator colours it as the " +
        "gradient's nearest end (an entry's own colour, if it has one); add a gradient whose minValue and maxValue span the scores or fix the score " +
        "(validateLayer's score-out-of-range, and the report's scoresOutOfRange, say each)",
    );
    const stated = upgradeLayer(layer([{ techniqueID: 'T1082', score: 292 }], { gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 100 } }), attack);
    expect(scoresOutOfRangeLine(stated.report)).to.include('outside the gradient 0..100, kept as written (T1082 292)');
    expect(scoresOutOfRangeLine(stated.report)).to.include('widen the gradient (its minValue and maxValue) or fix the score');
  });

  it('follows a revocation chain to its end (T1073 -> T1574.002 -> T1574.001)', () => {
    const { layer: out, report } = upgradeLayer(layer([{ techniqueID: 'T1073', score: 1 }]), attack);
    expect(entries(out)).to.deep.equal([['T1574.001', undefined]]);
    expect(report.techniques[0]?.via).to.deep.equal(['T1574.002']);
    expect(report.techniques[0]?.notes).to.deep.equal(['T1073 (DLL Side-Loading) is revoked; replaced by T1574.001 (DLL) (via T1574.002)']);
  });

  it('reads a tactic written as its TA ID as that tactic (T1059 under TA0002 is under execution; T1078 under TA0007, discovery, moves)', () => {
    const { layer: out, report } = upgradeLayer(
      layer([
        { techniqueID: 'T1059', tactic: 'TA0002', score: 1, comment: 'cmd' },
        { techniqueID: 'T1078', tactic: 'TA0007', score: 2 },
      ]),
      attack,
    );
    expect(out.techniques?.filter((t) => t.techniqueID === 'T1059').map((t) => [t.tactic, t.comment])).to.deep.equal([['execution', 'cmd']]);
    // Its tactic became another: a change, not an entry kept as it was.
    expect(report.techniques[0]?.changes).to.deep.equal(['tactic-read']);
    expect(report.techniques[0]?.notes).to.deep.equal(['tactic TA0002 is the ID of execution (Execution) in enterprise-attack 18.1; read as execution']);
    expect(report.techniques[1]?.changes).to.deep.equal(['tactic-read', 'moved-tactic']);
    expect(report.techniques[1]?.notes).to.deep.equal([
      'tactic TA0007 is the ID of discovery (Discovery) in enterprise-attack 18.1; read as discovery',
      `T1078 (Valid Accounts) is not under discovery in enterprise-attack 18.1; the annotation moved to ${attack.technique('T1078')!.tactics.join(', ')}`,
    ]);
    // Said once, by that note: the repair before it said `"TA0002" read as ta0002 (repaired)`, which is no tactic either.
    expect(report.repairs).to.deep.equal([]);
  });

  // A technique table's cell "Persistence and Privilege Escalation" (find_string id 13323953424) with its second tactic
  // misspelt, reconstructed: as a campaign file's such tactic is ignored, the layer's is removed, not read as the tactic
  // persistence-and-priviledge-escalation and moved to every tactic; the text is kept in the layer's metadata.
  it('keeps the annotation of a tactic joined to text that is no tactic under every tactic, reported, its text kept', () => {
    const { layer: out, report } = upgradeLayer(layer([{ techniqueID: 'T1547.001', tactic: 'Persistence and Priviledge Escalation', score: 1 }]), attack);
    expect(out.techniques?.map((t) => [t.techniqueID, t.tactic, t.score])).to.deep.equal([['T1547.001', undefined, 1]]);
    expect(report.techniques[0]?.changes).to.deep.equal([]);
    expect(report.repairs.map((r) => r.repair)).to.deep.equal([
      '"Persistence and Priviledge Escalation" is not a tactic, nor a list of them: only a part of it is one (persistence); removed (the annotation applies under every tactic; write one entry per tactic)',
    ]);
    expect(JSON.stringify(out.metadata)).to.include('It was: \\"Persistence and Priviledge Escalation\\"');
  });

  it("moves the annotation of a tactic that no longer applies to each of the technique's tactics (T1078 under discovery)", () => {
    const { layer: out, report } = upgradeLayer(layer([{ techniqueID: 'T1078', tactic: 'discovery', score: 2, comment: 'admin' }]), attack);
    const tactics = attack.technique('T1078')!.tactics;
    expect(tactics.length).to.be.greaterThan(1);
    expect(out.techniques?.map((t) => [t.techniqueID, t.tactic, t.score, t.comment])).to.have.deep.members(
      tactics.map((tactic) => ['T1078', tactic, 2, 'admin']),
    );
    expect(report.techniques[0]?.changes).to.deep.equal(['moved-tactic']);
    expect(report.techniques[0]?.to.map((t) => t.tactic)).to.have.members([...tactics]);
  });

  it('merges a moved annotation into the entry already under the right tactic (T1117 under execution and defense-evasion)', () => {
    const { layer: out, report } = upgradeLayer(
      layer([
        { techniqueID: 'T1117', tactic: 'execution', score: 2, comment: 'scriptlet' },
        { techniqueID: 'T1117', tactic: 'defense-evasion', score: 1, comment: '/s /i' },
      ]),
      attack,
    );
    expect(out.techniques).to.deep.equal([
      {
        techniqueID: 'T1218.010',
        tactic: 'defense-evasion',
        score: 2,
        comment: 'scriptlet\n/s /i',
        metadata: [{ name: 'upgraded from', value: 'T1117' }],
      },
    ]);
    expect(report.techniques[0]?.notes.at(-1)).to.equal(
      "merged with /techniques/1 (all T1218.010 under defense-evasion): scores 2, 1 became 2 (max); if they count rules or tests, mergeScore: 'sum' adds them",
    );
  });

  // ATT&CK 6.3 revoked T1094 (Custom Command and Control Protocol) into T1095 (Non-Application Layer Protocol); a layer
  // of 6 with T1094 coloured and T1095 disabled got one T1095 entry, enabled, and a merge note of scores and colours only.
  it('says that a merge wrote enabled a technique the layer had disabled (T1095 beside T1094 of ATT&CK 6.3)', () => {
    const old = layer(
      [
        { techniqueID: 'T1094', tactic: 'command-and-control', score: 3, color: '#fc3b3b', comment: 'custom protocol' },
        { techniqueID: 'T1095', tactic: 'command-and-control', score: 1, enabled: false },
      ],
      { versions: { attack: '6', navigator: '4.0', layer: '4.0' } },
    );
    const { layer: upgraded, changes } = upgradeLayer(old, attack, { source: library.release('enterprise-attack', '6.3') });
    expect(upgraded.techniques).to.have.length(1);
    expect(upgraded.techniques?.[0]).to.not.have.key('enabled');
    expect(changes.filter((line) => line.includes('merged with'))).to.deep.equal([
      "/techniques/0: merged with /techniques/1 (all T1095 under command-and-control): scores 3, 1 became 3 (max); if they count rules or tests, mergeScore: 'sum' adds them; " +
        'disabled (enabled: false) in 1 of 2 (T1095): written enabled, as the others are, since Navigator greys out a disabled technique with all that annotates it',
    ]);
  });

  // SRA's Threat Simulation Index layer (publayers5 11, as test/cli/combine.test.ts recalls it) lists T1021 five times:
  // upgrade printed one "merged with" line per entry, each naming the four others, five lines for one merge.
  it('says a merge in one line, the first entry\'s naming the others; each entry\'s row of the report keeps its own note', () => {
    const { report, changes } = upgradeLayer(layer([1, 2, 3].map((score) => ({ techniqueID: 'T1021', score }))), attack);
    expect(changes.filter((line) => line.includes('merged with'))).to.deep.equal([
      "/techniques/0: merged with /techniques/1, /techniques/2 (all T1021): scores 1, 2, 3 became 3 (max); if they count rules or tests, mergeScore: 'sum' adds them",
    ]);
    expect(report.techniques.map((t) => t.notes)).to.deep.equal([
      [
        "merged with /techniques/1, /techniques/2 (all T1021): scores 1, 2, 3 became 3 (max); if they count rules or tests, mergeScore: 'sum' adds them",
        'the layer as given writes T1021 without a tactic 3 times (/techniques/0, /techniques/1, /techniques/2): Navigator 5.1 alone shows only the last, ' +
          '/techniques/2, and nothing of /techniques/0, /techniques/1; merged instead, so that what each holds is kept',
      ],
      ['merged with /techniques/0, /techniques/2 (all T1021)'],
      ['merged with /techniques/0, /techniques/1 (all T1021)'],
    ]);
  });

  // Navigator 5.1 keys an entry by technique and tactic as written and keeps the last of a key whole (navigator-cells.ts);
  // upgrade merges them instead, losing nothing, and says what Navigator alone would have shown. SRA's layer writes T1021
  // five times, four with showSubtechniques alone, the last with the index's colour; LogRhythm's writes T1059.001 and
  // T1566.002 twice each, the same (both in test/fixtures/layers/public, README there).
  it("says of entries Navigator keys alike that it shows only the last, and that they are merged; of exact repeats, that one is written", () => {
    const notes = (fixture: string) => upgradeLayer(readLayerFixture(fixture), attack).changes;
    expect(notes('public/sra-threat-simulation-index-2026.json').filter((line) => line.includes('as given writes'))).to.deep.equal([
      '/techniques/3: the layer as given writes T1003 without a tactic 3 times (/techniques/3, /techniques/4, /techniques/5), each the same: written once, as Navigator 5.1 shows it',
      '/techniques/13: the layer as given writes T1021 without a tactic 5 times (/techniques/13, /techniques/14, /techniques/15, /techniques/16, /techniques/17): ' +
        'Navigator 5.1 alone shows only the last, /techniques/17, and nothing of /techniques/13, /techniques/14, /techniques/15, /techniques/16; merged instead, so that what each holds is kept',
    ]);
    expect(notes('public/logrhythm-navigator-4.1.json').filter((line) => line.includes('as given writes'))).to.deep.equal([
      '/techniques/6: the layer as given writes T1059.001 without a tactic twice (/techniques/6, /techniques/14), each the same: written once, as Navigator 5.1 shows it',
      '/techniques/8: the layer as given writes T1566.002 without a tactic twice (/techniques/8, /techniques/10), each the same: written once, as Navigator 5.1 shows it',
    ]);
    // Entries an upgrade brings together are no repeat to Navigator, which showed each in its own cell (T1117 and T1218.010).
    const moved = upgradeLayer(layer([{ techniqueID: 'T1117', tactic: 'defense-evasion', score: 2 }, { techniqueID: 'T1218.010', tactic: 'defense-evasion', score: 1 }]), attack, {
      source: library.release('enterprise-attack', '8.2'),
    });
    expect(moved.report.counts.merged).to.equal(2);
    expect(moved.changes.filter((line) => line.includes('as given writes'))).to.deep.equal([]);
  });

  it("says that mergeScore: 'sum' adds whole scores merged by the default max, not when a rule is given or scores are fractions", () => {
    // The tester's repro-7.json, a sigma2attack heatmap: T1168 (1 rule) and T1053 (2 rules) both become T1053.
    const counts = layer([
      { techniqueID: 'T1168', score: 1, comment: 'cisco_cli_modify_config.yml' },
      { techniqueID: 'T1053', score: 2, comment: 'win_atsvc_task.yml\nwin_susp_schtask_creation.yml' },
    ]);
    const note = (input: Layer, mergeScore?: 'max' | 'sum') => upgradeLayer(input, attack, mergeScore ? { mergeScore } : {}).report.techniques.flatMap((t) => t.notes).join('\n');
    expect(note(counts)).to.contain("scores 1, 2 became 2 (max); if they count rules or tests, mergeScore: 'sum' adds them");
    expect(note(counts, 'max')).to.contain('scores 1, 2 became 2 (max)').and.not.contain('mergeScore');
    const fractions = layer([{ techniqueID: 'T1168', score: 0.5 }, { techniqueID: 'T1053', score: 0.75 }]);
    expect(note(fractions)).to.contain('became 0.75 (max)').and.not.contain('mergeScore');
  });

  it("keeps each value of a field Navigator does not know that a merge would lose (CTID's score_num), saying which", () => {
    // CTID's security-stack-mappings layers write score_num, score_display and category beside Navigator's fields;
    // T1086 (revoked) and T1059.001 become one entry, each with a score_num of its own.
    const input = layer([
      { techniqueID: 'T1059.001', color: '#aeeeee', score_num: 10, score_display: 'Minimal' },
      { techniqueID: 'T1086', color: '#aeeeee', score_num: 50, score_display: 'Minimal', category: 'Detect' },
    ]);
    const { layer: out, report } = upgradeLayer(input, attack);
    expect(out.techniques).to.have.length(1);
    // The fields are in no layer format: the entry written holds none, and what it held is kept beside the value the merge left out.
    expect(out.techniques?.[0]).to.deep.equal({ techniqueID: 'T1059.001', color: '#aeeeee', metadata: [{ name: 'upgraded from', value: 'T1086' }] });
    expect(out.metadata).to.deep.equal([
      { name: 'removed by upgrade', value: '/techniques/1/score_num: merged into /techniques/0 (T1059.001), whose score_num is 10; left out. It was: 50' },
      {
        name: 'removed by upgrade',
        value: '/techniques/0, /techniques/1: fields score_num, score_display, category in no layer format; left out. It was: {"score_num":10,"score_display":"Minimal","category":"Detect"}',
      },
    ]);
    expect(report.techniques[0]?.notes.join('\n')).to.contain('score_num 10 kept; 50 of T1086 (a field Navigator does not know) kept in the layer\'s metadata ("removed by upgrade")');
    expect(report.settings.map((change) => change.message)).to.include('1 value left out by a merge and the fields of no layer format of 1 entry kept as "removed by upgrade" items');
    expect(validateLayer(out, { attackFor: attackFor(library) }).filter((finding) => finding.severity === 'error')).to.deep.equal([]);
  });

  it('merges by the documented rule: scores by --merge-score, colours first, comments labelled by old ID, disabled only if all', () => {
    const input = layer([
      { techniqueID: 'T1566.001', tactic: 'initial-access', score: 2, comment: 'ISO attachment', enabled: false, color: '#00ff00' },
      { techniqueID: 'T1193', tactic: 'initial-access', score: 3, comment: 'macro document', color: '#ff0000', showSubtechniques: true },
    ]);
    const byRule = (mergeScore: 'max' | 'min' | 'sum' | 'mean') => upgradeLayer(input, attack, { mergeScore }).layer.techniques?.[0]?.score;
    expect([byRule('max'), byRule('min'), byRule('sum'), byRule('mean')]).to.deep.equal([3, 2, 5, 2.5]);
    const { layer: out, report } = upgradeLayer(input, attack);
    expect(out.techniques).to.deep.equal([
      {
        techniqueID: 'T1566.001',
        tactic: 'initial-access',
        score: 3,
        color: '#00ff00',
        comment: 'T1566.001: ISO attachment\nT1193: macro document',
        metadata: [{ name: 'upgraded from', value: 'T1193' }],
        showSubtechniques: true,
      },
    ]);
    expect(report.techniques[0]?.notes[0]).to.match(/colours #00ff00, #ff0000: kept #00ff00/);
  });

  // mitreattack-python's own layer (T1086, no tactic, beside T1059.001 under execution) upgraded to two entries where
  // Navigator shows one: validate warned of its own upgrade's output (duplicate-entry).
  it('writes an entry without tactic under each tactic of its technique where others have one, and merges there: nothing overlaps', () => {
    const input = layer([
      { techniqueID: 'T1059.001', tactic: 'execution', score: 2, comment: 'PowerShell' },
      { techniqueID: 'T1086', score: 3, comment: 'old ID' },
      { techniqueID: 'T1053.005', comment: 'every tactic' },
      { techniqueID: 'T1053.005', tactic: 'persistence', score: 1 },
      { techniqueID: 'T1078', score: 4 },
    ]);
    const { layer: out } = upgradeLayer(input, attack);
    expect(validateLayer(out, { attackFor: attackFor(library) }).map((finding) => finding.code)).to.not.include('duplicate-entry');
    const task = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects.find(
      (o) => o.type === 'attack-pattern' && !o['revoked'] && JSON.stringify(o['external_references']).includes('"T1053.005"'),
    )!;
    const tactics = (task['kill_chain_phases'] as Array<{ phase_name: string }>).map((p) => p.phase_name).sort();
    expect(tactics).to.include('persistence').and.to.have.length.greaterThan(1);
    expect(entries(out)).to.deep.equal([
      ...tactics.map((tactic): [string, string] => ['T1053.005', tactic]),
      ['T1059.001', 'execution'],
      ['T1078', undefined],
    ]);
    const at = (id: string, tactic: string) => out.techniques!.find((t) => t.techniqueID === id && t.tactic === tactic)!;
    expect(at('T1059.001', 'execution')).to.deep.include({ score: 3, comment: 'T1059.001: PowerShell\nT1086: old ID' });
    expect(at('T1053.005', 'persistence')).to.deep.include({ score: 1, comment: 'every tactic' });
    for (const tactic of tactics.filter((t) => t !== 'persistence')) expect(at('T1053.005', tactic)).to.deep.equal({ techniqueID: 'T1053.005', tactic, comment: 'every tactic' });
  });

  it('removes deprecated techniques and reports the candidates their description names, with the entry as it was', () => {
    const entry = { techniqueID: 'T1064', tactic: 'execution', score: 1, comment: 'VBA' };
    const { layer: out, report } = upgradeLayer(layer([entry]), attack);
    expect(out.techniques).to.deep.equal([]);
    expect(report.techniques[0]).to.deep.include({ changes: ['removed'], to: [], removedEntry: entry });
    expect(report.techniques[0]?.candidates).to.deep.equal([{ techniqueID: 'T1059', name: attack.technique('T1059')!.name }]);
  });

  // Kept as an entry, an unknown ID was dropped by Navigator without a word and made validate fail on the layer
  // upgrade wrote (ATC's T0069, Atomic Red Team's T1685 in 18.1): it is removed and kept as it was, in the metadata.
  // mitre/compass's stockpile layer holds T1254: no release has PRE-ATT&CK's techniques, so no revocation leads on from it.
  it('removes a PRE-ATT&CK ID (T1254), naming it as one retired in ATT&CK 8', () => {
    const { report } = upgradeLayer(layer([{ techniqueID: 'T1254', score: 1 }]), attack);
    expect(report.techniques[0]?.notes[0]).to.equal(
      'T1254 is in no enterprise, mobile or ICS release (none has a technique from T1224 to T1397, where PRE-ATT&CK numbered its techniques; ' +
        'ATT&CK 8 retired PRE-ATT&CK in October 2020); removed (Navigator would not show it)',
    );
  });

  it('removes unknown IDs, reports them and keeps each entry as it was in the "removed by upgrade" metadata', () => {
    const entry = { techniqueID: 'T9999', score: 1, comment: 'a typo' };
    const { layer: out, report } = upgradeLayer(layer([entry, { techniqueID: 'T1059.001', score: 2 }]), attack);
    expect(entries(out)).to.deep.equal([['T1059.001', undefined]]);
    expect(report.techniques[0]).to.deep.include({ changes: ['removed'], removedEntry: entry });
    // T9999 is numbered far past 18.1's newest technique (T1681): said as a team's own, as gap says it.
    const said =
      "T9999 is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, as a team numbers its own techniques (no newer ATT&CK " +
      "release will have it), and enterprise-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench export) as " +
      "the 18.1 release (`loadAttack({ attack: '<file|folder>' })`), which keeps it; else fix the ID; removed (Navigator would not show it)";
    expect(report.techniques[0]?.notes[0]).to.equal(said);
    expect(out.metadata).to.deep.include({
      name: 'removed by upgrade',
      value: `/techniques/0: ${said}. The entry was: ${JSON.stringify(entry)}`,
    });
    expect(validateLayer(out, { attackFor: attackFor(library) }).filter((finding) => finding.severity === 'error')).to.deep.equal([]);
  });

  it('changes nothing in a current layer, and upgrading twice changes nothing more', () => {
    const once = upgradeLayer(readLayerFixture('navigator/spec-4.5-example.json'), attack);
    expect(once.report.changed).to.equal(true);
    const twice = upgradeLayer(once.layer, attack);
    expect(twice.report.changed).to.equal(false);
    expect(twice.report.settings).to.deep.equal([]);
    expect(twice.report.techniques.every((t) => t.changes.length === 0)).to.equal(true);
  });

  // Tyghn's AgentTesla layer (this session's sweep of published layers), in our words: a Navigator 5.3.0 export of
  // ATT&CK 18 whose 7 entries Navigator wrote in its own order. The upgrade only sorted them, and counted the layer
  // "1 changed" with no change listed.
  it('counts entries that are only sorted as no change: Navigator keys each by technique and tactic', () => {
    const entry = (techniqueID: string, tactic: string, color: string) => ({
      techniqueID, tactic, color, comment: '', enabled: true, metadata: [], links: [], showSubtechniques: !color,
    });
    const given = layer(
      [entry('T1047', 'execution', '#fd8d3c'), entry('T1561', 'impact', ''), entry('T1547', 'persistence', '#fd8d3c'), entry('T1497', 'discovery', '#fd8d3c')],
      { versions: { attack: '18', navigator: '5.3.0', layer: '4.5' }, layout: { layout: 'side', expandedSubtechniques: 'all' } },
    );
    const { layer: out, report } = upgradeLayer(given, attack);
    expect(entries(out)).to.deep.equal([['T1047', 'execution'], ['T1497', 'discovery'], ['T1547', 'persistence'], ['T1561', 'impact']]);
    expect([report.changed, report.settings, report.counts.kept]).to.deep.equal([false, [], 4]);
    expect(summarizeUpgrade(report)).to.equal('4 kept (unchanged)');
    // An entry changed beside the order still counts.
    const coloured = upgradeLayer({ ...given, techniques: [...(given['techniques'] as object[]), { techniqueID: 'T1027', tactic: 'defense-evasion', color: '#fd8d3c ' }] }, attack);
    expect(coloured.report.changed).to.equal(true);
  });

  it("says the one entry kept as it was in its report's singular", () => {
    const { report } = upgradeLayer(layer([{ techniqueID: 'T1047', score: 1 }]), attack);
    expect(formatUpgradeMarkdown([report])).to.contain('\nKept as it was (1): T1047.\n');
  });

  it('sets versions.attack to the release major and versions.navigator to ours; keeps an explicit expandedSubtechniques "none" but shows annotated sub-techniques', () => {
    const { layer: out, report } = upgradeLayer(
      layer([{ techniqueID: 'T1566.001', score: 1 }], { versions: { attack: '14', navigator: '4.9.1', layer: '4.5' }, layout: { expandedSubtechniques: 'none' } }),
      attack,
    );
    expect(out.versions?.attack).to.equal('18');
    expect(out.versions?.navigator).to.equal('5.1.0');
    expect(out.layout).to.deep.equal({ expandedSubtechniques: 'none' });
    expect(out.techniques).to.deep.equal([
      { techniqueID: 'T1566', tactic: 'initial-access', showSubtechniques: true },
      { techniqueID: 'T1566.001', score: 1 },
    ]);
    expect(report.settings).to.deep.equal([
      { path: '/versions/attack', message: '14 -> 18' },
      { path: '/versions/navigator', message: '4.9.1 -> 5.1.0, the Navigator version attack-layers writes layers for: upgrade raises an older number to it and keeps a newer one (Navigator reads this field nowhere)' },
      {
        path: '/techniques',
        message: 'T1566 under initial-access: an entry with only showSubtechniques added so that annotated T1566.001 shows (layout.expandedSubtechniques is "none")',
      },
    ]);
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
  });

  it('expands for an annotated sub-technique under a disabled parent of a hideDisabled layer, not for one only disabled', () => {
    // The tester's repro-3.json, of mitre-attack-navigator-layer-builder: the group's one technique coloured, the rest
    // disabled. Navigator keeps disabled T1566 while T1566.001 is enabled; disabled T1078.001 stays hidden however expanded.
    const input = layer(
      [
        { techniqueID: 'T1566.001', color: '#6495ed', showSubtechniques: true },
        { techniqueID: 'T1078.001', enabled: false },
        { techniqueID: 'T1078', enabled: false },
        { techniqueID: 'T1566', enabled: false },
      ],
      { layout: undefined, hideDisabled: true },
    );
    const { layer: out, report } = upgradeLayer(input, attack);
    expect(out.layout?.expandedSubtechniques).to.equal('annotated');
    expect(report.settings.filter((setting) => setting.path === '/layout/expandedSubtechniques')).to.deep.equal([
      { path: '/layout/expandedSubtechniques', message: 'set to "annotated" so that annotated sub-techniques show (T1566.001)' },
    ]);
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
  });

  it("leaves nothing for validate to find in Navigator's Bear_APT sample (format 3.0)", () => {
    const { layer: out, report } = upgradeLayer(readLayerFixture('navigator/Bear_APT.json'), attack);
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
    // Every entry is accounted for: kept, or moved somewhere, or removed with a reason.
    const input = (readLayerFixture('navigator/Bear_APT.json') as { techniques: unknown[] }).techniques;
    expect(report.techniques).to.have.length(input.length);
    for (const entry of report.techniques) expect(entry.to.length > 0 || entry.changes.includes('removed'), entry.path).to.equal(true);
    expect(report.counts.removed).to.equal(2);
  });

  it('leaves out, reports and keeps in metadata the IDs of another domain (T0800 of ICS, T1406 of mobile)', () => {
    const raw = (domain: string, id: string): string | undefined =>
      readRawBundle(stixFile(`${domain}-attack-18.1.json.gz`)).objects.find(
        (o) => o.type === 'attack-pattern' && (o['external_references'] as { external_id?: string }[])[0]?.external_id === id,
      )?.['name'] as string | undefined;
    const value = layer([{ techniqueID: 'T0800', score: 3, comment: 'PLC firmware' }, { techniqueID: 'T1406', score: 2 }, { techniqueID: 'T1059.001', score: 1 }]);
    const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
    expect(entries(out)).to.deep.equal([['T1059.001', undefined]]);
    expect(report.techniques.map((t) => [t.techniqueID, t.changes, t.notes[0]])).to.deep.equal([
      ['T0800', ['removed'], `T0800 is an ICS technique (${raw('ics', 'T0800')} in ics-attack 18.1); this layer is enterprise-attack; removed (Navigator drops it silently): annotate it in a layer of ics-attack`],
      ['T1406', ['removed'], `T1406 is a Mobile technique (${raw('mobile', 'T1406')} in mobile-attack 18.1); this layer is enterprise-attack; removed (Navigator drops it silently): annotate it in a layer of mobile-attack`],
      ['T1059.001', [], undefined],
    ]);
    const kept = (out.metadata ?? []).filter((item) => 'name' in item && item.name === 'removed by upgrade').map((item) => ('value' in item ? item.value : ''));
    expect(kept).to.have.length(2);
    expect(kept[0]).to.contain('{"techniqueID":"T0800","score":3,"comment":"PLC firmware"}');
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
  });

  it('refuses a layer of another domain', () => {
    expect(() => upgradeLayer({ ...layer([]), domain: 'mobile-attack' }, attack, { file: 'm.json' }))
      .to.throw(InputError, /m\.json: \/domain: the layer is for "mobile-attack" but the ATT&CK data given is enterprise-attack 18\.1/);
  });

  it('refuses an array of layers and a value that is no layer', () => {
    expect(() => upgradeLayer([layer([])], attack)).to.throw(InputError, /layer: not an ATT&CK Navigator layer \(an array, not one layer\)/);
    expect(() => upgradeLayer(42, attack)).to.throw(InputError, /not an ATT&CK Navigator layer \(42\)/);
    expect(() => upgradeLayer({}, attack)).to.throw(InputError, /not an ATT&CK Navigator layer/);
    // An object with keys of its own and none of a layer's is said to be JSON of no kind, as every command says it.
    expect(() => upgradeLayer({ rows: [] }, attack)).to.throw(InputError, /layer: this is JSON of no kind attack-layers reads: its keys at the top are "rows"/);
  });

  it('throws SchemaValidationError when the result is still invalid', () => {
    // A platform filter of 7 is left out since (h591); a layout that is no object has no repair.
    expect(() => upgradeLayer(layer([{ techniqueID: 'T1059', score: 1 }], { layout: 7 }), attack, { file: 'bad.json' })).to.throw(SchemaValidationError, /bad\.json: .*\/layout/);
  });

  describe("with the layer's own release", () => {
    it('picks the target and the release the layer states, as Navigator reads versions.attack', () => {
      const picked = upgradeReleases(readLayerFixture('old-format-4.2.json'), library);
      expect([picked.target.release, picked.source?.release]).to.deep.equal(['18.1', '8.2']);
      expect(upgradeReleases(layer([], { versions: { attack: 'v12', navigator: '5.1.0', layer: '4.5' } }), library, { to: '14.1' }).source?.release).to.equal('12.1');
      expect(upgradeReleases(layer([]), library).source).to.equal(library.release('enterprise-attack'));
    });

    it('says when the stated release is not available and falls back to IDs in the target', () => {
      const picked = upgradeReleases(layer([], { versions: { attack: '7', navigator: '5.1.0', layer: '4.5' } }), library);
      expect(picked.source).to.equal(undefined);
      expect(picked.sourceNote).to.match(/ATT&CK 7, the layer's release, is not available here/);
    });

    it('reports names that changed since the layer was written (T1574.001, T1053.002)', () => {
      const value = readLayerFixture('old-format-4.0.json');
      const { report } = upgradeLayer(value, attack, upgradeReleases(value, library));
      expect(report.from.matchedIn).to.equal('enterprise-attack 8.2');
      const renamed = report.techniques.filter((t) => t.changes.includes('renamed')).map((t) => t.techniqueID);
      expect(renamed).to.deep.equal(['T1574.001', 'T1053.002']);
    });

    it('renames old platforms and keeps a filter that showed every platform showing every platform', () => {
      const value = readLayerFixture('old-format-4.0.json');
      const { layer: out } = upgradeLayer(value, attack, upgradeReleases(value, library));
      expect([...(out.filters?.platforms ?? [])].sort()).to.deep.equal([...attack.platforms()]);
      const narrow = upgradeLayer(layer([], { filters: { platforms: ['Windows', 'Office 365', 'Azure AD', 'Azure', 'AWS', 'Gopher'] } }), attack);
      expect(narrow.layer.filters?.platforms).to.deep.equal(['Windows', 'Office Suite', 'Identity Provider', 'IaaS']);
      expect(narrow.report.settings.map((s) => s.message)).to.include('Gopher removed: not a platform of enterprise-attack 18.1');
    });

    // T1574.002 (DLL Side-Loading) of 8.2, revoked into T1574.001 by 18.1, upgraded and brought back to 8.2: T1574.001
    // there is DLL Search Order Hijacking, and the annotation was T1574.002's, which 8.2 has. Before, nothing said so.
    it('names, brought back to the older release, the technique whose annotation an upgrade moved onto another (T1574.002 on T1574.001)', () => {
      const v8 = library.release('enterprise-attack', '8.2');
      const up = upgradeLayer(layer([{ techniqueID: 'T1574.002', score: 1, comment: 'sideloading' }], { versions: { attack: '8', navigator: '4.0', layer: '4.5' } }), attack, { source: v8 });
      expect(up.layer.techniques).to.deep.equal([{ techniqueID: 'T1574.001', score: 1, comment: 'sideloading', metadata: [{ name: 'upgraded from', value: 'T1574.002' }] }]);
      const down = upgradeLayer(up.layer, v8, { source: attack });
      expect(down.report.techniques[0]?.notes).to.include(
        'T1574.001 holds the annotations of T1574.002, moved onto it when the layer was brought to another release ("upgraded from" items), ' +
          'which enterprise-attack 8.2 has as a technique of its own: kept on T1574.001; annotate T1574.002 again if it should show',
      );
      expect(down.layer.techniques?.[0]?.metadata).to.deep.equal([{ name: 'upgraded from', value: 'T1574.002' }]);
    });

    // A layer of ATT&CK 17 (Navigator 5.1's, whose filter writes 17's names) that chose Windows and Identity Provider,
    // brought to 12.1: Identity Provider was "removed: not a platform of enterprise-attack 12.1", and the filter kept
    // Windows alone, hiding every Azure AD technique, which 12.1 has under the name ATT&CK 16 replaced.
    it('gives a renamed platform its earlier name in a downgrade (Identity Provider -> Azure AD, Office Suite -> Office 365, Google Workspace)', () => {
      const v12 = library.release('enterprise-attack', '12.1');
      const chose = layer([], { versions: { attack: '17', navigator: '5.1.0', layer: '4.5' }, filters: { platforms: ['Windows', 'Identity Provider', 'Office Suite', 'Network Devices'] } });
      const { layer: out, report } = upgradeLayer(chose, v12, { source: attack });
      expect(out.filters?.platforms).to.deep.equal(['Windows', 'Azure AD', 'Office 365', 'Google Workspace', 'Network']);
      expect(report.settings.map((s) => s.message)).to.include.members([
        'Identity Provider -> Azure AD, its name in enterprise-attack 12.1 (ATT&CK 16.0 renamed Azure AD to Identity Provider)',
        'Office Suite -> Office 365, Google Workspace, its names in enterprise-attack 12.1 (ATT&CK 16.0 renamed Office 365, Google Workspace to Office Suite)',
        'Network Devices -> Network, its name in enterprise-attack 12.1 (ATT&CK 17.0 renamed Network to Network Devices)',
      ]);
    });

    it('removes a platform filter none of whose names the target has, instead of writing an empty one (ICS 18 platforms before 18.1)', () => {
      // ICS ATT&CK 18.1 has one platform, "None"; the names ICS layers listed before it are gone.
      const ics = library.release('ics-attack');
      const value = layer([{ techniqueID: 'T0800', score: 75, comment: '9/10 protocols' }], {
        domain: 'ics-attack',
        filters: { platforms: ['Windows', 'Control Server', 'Engineering Workstation'] },
      });
      const { layer: out, report } = upgradeLayer(value, ics);
      expect(out.filters).to.deep.equal({});
      expect(report.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)).to.deep.equal([
        'Windows removed: not a platform of ics-attack 18.1',
        'Control Server removed: not a platform of ics-attack 18.1',
        'Engineering Workstation removed: not a platform of ics-attack 18.1',
        'removed: none of the platforms it listed is a platform of ics-attack 18.1, and an empty filter would show nothing in tools other than Navigator; without it, every platform shows',
      ]);
      // Its own validate finds nothing to say about the filter: T0800 shows.
      expect(validateLayer(out, { attackFor: attackFor(library) }).map((finding) => finding.code)).to.deep.equal([]);
      // A layer whose stage filter hid PRE-ATT&CK gets every platform but PRE, as one with no platform filter does.
      const staged = { ...(readLayerFixture('public/navigator-black-pins-3.0.json') as Layer), filters: { stages: ['act'], platforms: ['Gopher'] } };
      const { layer: noPre, report: noPreReport } = upgradeLayer(staged, attack, upgradeReleases(staged, library, { from: '3.0' }));
      expect(noPre.filters?.platforms).to.deep.equal(attack.platforms().filter((platform) => platform !== 'PRE'));
      expect(noPreReport.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message).at(-1)).to.match(
        /^set to every platform of enterprise-attack 18\.1 but PRE: none of the platforms it listed is a platform of enterprise-attack 18\.1, .*so they stay hidden$/,
      );
    });

    it('removes an empty platform filter, which Navigator reads as every platform and validate warns of (CS6411FinalProject\'s "platforms": [])', () => {
      const value = layer([{ techniqueID: 'T1082', score: 29 }], { filters: { platforms: [] } });
      expect(validateLayer(value, { attackFor: attackFor(library) }).map((finding) => finding.code)).to.include('empty-platforms');
      const { layer: out, report } = upgradeLayer(value, attack);
      expect(out.filters).to.deep.equal({});
      expect(report.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)).to.deep.equal([
        'removed: it was an empty list, which Navigator reads as every platform and other tools may read as none; without it, every platform shows',
      ]);
      expect(validateLayer(out, { attackFor: attackFor(library) }).map((finding) => finding.code)).to.deep.equal([]);
    });

    it('widens a platform filter that would hide an annotated technique whose platforms changed since the layer was written', () => {
      // T1189 ran on SaaS in ATT&CK 8 and does not in 18.1: a SaaS layer that showed it would hide it once upgraded.
      const v8 = library.release('enterprise-attack', '8.2');
      expect(v8.technique('T1189')?.platforms).to.include('SaaS');
      expect(attack.technique('T1189')?.platforms).to.not.include('SaaS');
      const value = layer([{ techniqueID: 'T1189', score: 1 }, { techniqueID: 'T1005' }], {
        versions: { attack: '8', navigator: '4.0', layer: '4.0' },
        filters: { platforms: ['SaaS', 'Office 365'] },
      });
      const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
      const own = attack.technique('T1189')!.platforms;
      expect(out.filters?.platforms).to.deep.equal(['SaaS', 'Office Suite', ...[...own].sort()]);
      expect(report.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)).to.deep.equal([
        'Office 365 -> Office Suite (ATT&CK 16.0 renamed it)',
        `${own.join(', ')} added so that Navigator shows T1189 (Drive-by Compromise): it is annotated, and in enterprise-attack 18.1 it runs on ` +
          `${own.join(', ')}, none of which the filter listed; enterprise-attack 8.2 listed ${v8.technique('T1189')!.platforms.join(', ')} for it`,
      ]);
      // The unannotated T1005 (Windows, Linux, macOS...) brings nothing, and Navigator now hides no annotated entry.
      expect(validateLayer(out, { attackFor: attackFor(library) }).map((finding) => finding.code)).to.not.include('filtered-out-technique');
      // Without the annotation nothing is added.
      const plain = layer([{ techniqueID: 'T1189' }], { versions: { attack: '8', navigator: '4.0', layer: '4.0' }, filters: { platforms: ['SaaS'] } });
      expect(upgradeLayer(plain, attack, upgradeReleases(plain, library)).layer.filters?.platforms).to.deep.equal(['SaaS']);
    });

    it("keeps PRE-ATT&CK hidden where the old layer's filters.stages hid it (Navigator's Black Pins, stages [\"act\"])", () => {
      // Every platform of 18.1's current techniques, read straight from the release file.
      const platforms = new Set<string>();
      for (const o of readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects) {
        if (o.type === 'attack-pattern' && !o['revoked'] && !o['x_mitre_deprecated']) for (const p of (o['x_mitre_platforms'] as string[] | undefined) ?? []) platforms.add(p);
      }
      expect(platforms.has('PRE')).to.equal(true);
      const value = readLayerFixture('public/navigator-black-pins-3.0.json') as Layer;
      expect((value['filters'] as Layer)['stages']).to.deep.equal(['act']);
      const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library, { from: '3.0' }));
      expect([...(out.filters?.platforms ?? [])].sort()).to.deep.equal([...platforms].filter((p) => p !== 'PRE').sort());
      expect(report.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)).to.deep.equal([
        "added Containers, ESXi, IaaS, Identity Provider, Network Devices, Office Suite, SaaS: the filter listed every platform of enterprise-attack 3.0, the layer's release, so it keeps showing every platform but PRE",
        'PRE not added: the layer\'s filters.stages left out "prepare", which hid PRE-ATT&CK, and PRE holds what ATT&CK 8 took over from it (Reconnaissance, Resource Development), so they stay hidden',
      ]);
      // A stage filter that showed PRE-ATT&CK ("prepare" listed) gets PRE like every other platform added since.
      const shown = { ...value, filters: { stages: ['act', 'prepare'], platforms: ['Windows', 'Linux', 'macOS'] } };
      const { layer: all } = upgradeLayer(shown, attack, upgradeReleases(shown, library, { from: '3.0' }));
      expect([...(all.filters?.platforms ?? [])].sort()).to.deep.equal([...platforms].sort());
      // The same stage filter with no platform filter: every platform but PRE, which showing everything would include.
      const unfiltered = { ...value, filters: { stages: ['act'] } };
      const { layer: noPre, report: noPreReport } = upgradeLayer(unfiltered, attack, upgradeReleases(unfiltered, library, { from: '3.0' }));
      expect([...(noPre.filters?.platforms ?? [])].sort()).to.deep.equal([...platforms].filter((p) => p !== 'PRE').sort());
      expect(noPreReport.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)).to.deep.equal([
        'set to every platform of enterprise-attack 18.1 but PRE: the layer\'s filters.stages left out "prepare", which hid PRE-ATT&CK, and PRE holds what ATT&CK 8 took over from it (Reconnaissance, Resource Development), so they stay hidden',
      ]);
      // ... unless an annotated entry runs only on PRE: nothing annotated is hidden by what the upgrade writes.
      const annotated = { ...unfiltered, techniques: [...(value['techniques'] as object[]), { techniqueID: 'T1595', score: 1 }] };
      const { layer: shownPre, report: shownReport } = upgradeLayer(annotated, attack, upgradeReleases(annotated, library, { from: '3.0' }));
      expect(shownPre.filters?.platforms).to.equal(undefined);
      expect(shownReport.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)).to.deep.equal([
        'PRE not kept out, although the layer\'s stage filter hid PRE-ATT&CK: T1595 (Active Scanning) is annotated and runs only on PRE',
      ]);
    });

    // Navigator 2.x/3.x started its stage filter from ["act"] and replaced it only with a list the layer gives
    // (mitre-attack/attack-navigator nav-app/src/app/viewmodels.service.ts, class Filter: `selection: ["act"]`,
    // `if (rep.stages) … selection = rep.stages`; LAYERFORMATv3.md: default ["act"]): a layer of those formats that writes
    // no list, as Navigator's own v7-beta heatmap (test/fixtures/layers/public, format 3.0, no filters), hid PRE-ATT&CK too.
    it('keeps PRE-ATT&CK hidden in a format 2.x/3.x layer that writes no filters.stages (Navigator\'s v7-beta heatmap), not in one of no format or of 4.x', () => {
      const value = readLayerFixture('public/navigator-heatmap-v7-beta-3.0.json') as Layer;
      expect(value['filters']).to.equal(undefined);
      const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
      expect([...(out.filters?.platforms ?? [])].sort()).to.deep.equal([...attack.platforms()].filter((p) => p !== 'PRE').sort());
      expect(report.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)).to.deep.equal([
        'set to every platform of enterprise-attack 18.1 but PRE: the layer (format 3.0) writes no filters.stages: Navigator 3.x read that as ["act"], without "prepare", ' +
          'which hid PRE-ATT&CK, and PRE holds what ATT&CK 8 took over from it (Reconnaissance, Resource Development), so they stay hidden',
      ]);
      expect(stagesHidingPreAttack({ ...value, version: '2.2' })).to.match(/^the layer \(format 2\.2\) writes no filters\.stages: Navigator 2\.x read/);
      // Of no stated format, or of format 4, nothing says the list was Navigator's default: nothing hidden.
      const { version: _version, ...unstated } = value;
      expect(stagesHidingPreAttack(unstated)).to.equal(undefined);
      expect(stagesHidingPreAttack({ ...value, version: '4.0' })).to.equal(undefined);
      expect(upgradeLayer(unstated, attack).layer.filters?.platforms).to.equal(undefined);
    });

    // mjmcphee/attack_parser's attack_navigator_layer.json (CISA AA25-141A, Navigator 4.9.1) states "attack": "17" but
    // lists ATT&CK 14's platforms under their names of the time, and "Cloud", which no release has. Its list as written:
    const attackParserPlatforms = ['Linux', 'macOS', 'Windows', 'Azure AD', 'Office 365', 'SaaS', 'IaaS', 'Google Workspace', 'PRE', 'Network', 'Containers', 'Cloud'];

    it("widens a filter that lists every platform of an older release in its names to every platform, whatever release the layer states (attack_parser's CISA AA25-141A layer: 14's list, \"attack\": \"17\")", () => {
      // The filter is every platform of 14.1 (and of 10.1, 12.1), read from the release files, but Cloud.
      for (const release of ['10.1', '12.1', '14.1']) {
        expect([...library.release('enterprise-attack', release).platforms()].sort()).to.deep.equal(attackParserPlatforms.filter((p) => p !== 'Cloud').sort());
      }
      expect(library.release('enterprise-attack', '17.1').platforms()).to.include('ESXi');
      const value = layer([{ techniqueID: 'T1675', score: 1 }, { techniqueID: 'T1003', score: 1 }], {
        versions: { attack: '17', navigator: '4.9.1', layer: '4.5' },
        filters: { platforms: attackParserPlatforms },
      });
      const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
      expect([...(out.filters?.platforms ?? [])].sort()).to.deep.equal([...attack.platforms()].sort());
      expect(report.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)).to.include(
        'added ESXi: the filter listed every platform of enterprise-attack 14.1, in whose platform names it is written (the layer is for ATT&CK 17), so it keeps showing every platform',
      );
      // Not by T1675 (ESXi only) bringing its platform: a layer without it gets ESXi all the same.
      const unannotated = { ...value, techniques: [{ techniqueID: 'T1003', score: 1 }] };
      expect(upgradeLayer(unannotated, attack, upgradeReleases(unannotated, library)).layer.filters?.platforms).to.include('ESXi');
      // Security Onion's default coverage layer (securityonion-soc server/modules/navigator/template.go) states 16 with
      // 14's list as Navigator 4.9 wrote it: 16.1 names none of Azure AD, Office 365, Google Workspace.
      const securityOnion = { ...unannotated, versions: { attack: '16', navigator: '5.1.0', layer: '4.5' }, filters: { platforms: attackParserPlatforms.filter((p) => p !== 'Cloud') } };
      const { layer: soLayer, report: soReport } = upgradeLayer(securityOnion, attack, upgradeReleases(securityOnion, library));
      expect(soLayer.filters?.platforms).to.include('ESXi');
      expect(soReport.settings.map((s) => s.message)).to.include(
        'added ESXi: the filter listed every platform of enterprise-attack 14.1, in whose platform names it is written (the layer is for ATT&CK 16), so it keeps showing every platform',
      );
      // Mixed old and new names (Identity Provider beside Office 365) are read the same way.
      const mixed = { ...unannotated, filters: { platforms: attackParserPlatforms.map((p) => (p === 'Azure AD' ? 'Identity Provider' : p)) } };
      expect(upgradeLayer(mixed, attack, upgradeReleases(mixed, library)).layer.filters?.platforms).to.include('ESXi');
    });

    it('widens a Navigator 4.x filter of every platform of ATT&CK 6/7 (AWS, GCP, Azure, Azure AD, Office 365, SaaS) in a layer that states 10', () => {
      const v6 = ['Windows', 'Linux', 'macOS', 'AWS', 'GCP', 'Azure', 'Azure AD', 'Office 365', 'SaaS'];
      expect([...library.release('enterprise-attack', '6.3').platforms()].sort()).to.deep.equal([...v6].sort());
      const value = layer([{ techniqueID: 'T1003', score: 1 }], { versions: { attack: '10', navigator: '4.3', layer: '4.2' }, filters: { platforms: v6 } });
      const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
      expect([...(out.filters?.platforms ?? [])].sort()).to.deep.equal([...attack.platforms()].sort());
      expect(report.settings.map((s) => s.message)).to.include(
        'added Containers, ESXi, Network Devices, PRE: the filter listed every platform of enterprise-attack 6.3, in whose platform names it is written (the layer is for ATT&CK 10), so it keeps showing every platform',
      );
    });

    // Navigator 2.0 to 2.2 (formats 2.0, 2.1) offered windows, linux and mac alone in their enterprise Filter (a Navigator
    // 2.x viewmodels.service.ts, code index id 32175227047); Navigator 2.3 (format 2.2) added the cloud platforms and
    // wrote ATT&CK's names (its CHANGELOG). Navigator's April 2018 update layer, format 2.0, states no release and lists
    // all three: it chose nothing, and was kept as a filter of Windows, Linux and macOS.
    it('widens a format 2.0 layer of no stated release whose filter lists windows, linux and mac, every option of its Navigator; not one of format 2.2', () => {
      const value = readLayerFixture('public/navigator-april-2018-updates-2.0.json') as Layer;
      expect([value['version'], (value['filters'] as Layer)['platforms'], value['versions']]).to.deep.equal(['2.0', ['windows', 'linux', 'mac'], undefined]);
      const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
      expect(out.filters?.platforms).to.deep.equal(['Windows', 'Linux', 'macOS', ...attack.platforms().filter((p) => !['Windows', 'Linux', 'macOS', 'PRE'].includes(p))]);
      expect(report.settings.filter((s) => s.path === '/filters/platforms').map((s) => s.message)[0]).to.equal(
        'added Containers, ESXi, IaaS, Identity Provider, Network Devices, Office Suite, SaaS: the filter listed every platform of enterprise-attack 3.0, in whose platform names ' +
          "it is written (the layer states no release, and its format 2.0 is Navigator 2.0 to 2.2's, whose enterprise filter offered windows, linux and mac alone), so it keeps showing every platform but PRE",
      );
      // Format 2.2 offered the cloud platforms too: Windows, Linux and macOS there were a choice.
      const chosen = { ...value, version: '2.2', filters: { platforms: ['Windows', 'Linux', 'macOS'] } };
      expect(upgradeLayer(chosen, attack, upgradeReleases(chosen, library)).layer.filters?.platforms).to.deep.equal(['Windows', 'Linux', 'macOS']);
    });

    it('keeps a filter in an older release\'s names that leaves some of its platforms out, and one in the layer\'s own names, as filters', () => {
      const some = layer([{ techniqueID: 'T1003', score: 1 }], {
        versions: { attack: '17', navigator: '4.9.1', layer: '4.5' },
        filters: { platforms: attackParserPlatforms.filter((p) => p !== 'Containers') },
      });
      expect(upgradeLayer(some, attack, upgradeReleases(some, library)).layer.filters?.platforms).to.not.include('ESXi');
      // Windows, Linux and macOS were every platform of ATT&CK 3, but they are 17's names too: the analyst chose them.
      expect(library.release('enterprise-attack', '3.0').platforms()).to.deep.equal(['Linux', 'Windows', 'macOS']);
      const endpoints = layer([{ techniqueID: 'T1003', score: 1 }], { versions: { attack: '17', navigator: '5.1.0', layer: '4.5' }, filters: { platforms: ['Windows', 'Linux', 'macOS'] } });
      expect(upgradeLayer(endpoints, attack, upgradeReleases(endpoints, library)).layer.filters?.platforms).to.deep.equal(['Windows', 'Linux', 'macOS']);
      // An old name beside them (Azure AD: a filter of 14's names) does not make them ATT&CK 3's full list.
      const withOld = { ...endpoints, filters: { platforms: ['Windows', 'Linux', 'macOS', 'Azure AD'] } };
      expect(upgradeLayer(withOld, attack, upgradeReleases(withOld, library)).layer.filters?.platforms).to.deep.equal(['Windows', 'Linux', 'macOS', 'Identity Provider']);
    });

    it('reads no stage filter in a layer of format 4 or later, which Navigator ignores there (CS6411FinalProject: "version": "4.5", "stages": [])', () => {
      // A generator's layer states format 4.5 (under the old key) and still writes an empty stage filter: Navigator 4
      // and later drop it and show Reconnaissance and Resource Development, so the upgrade must not hide PRE.
      for (const value of [
        layer([{ techniqueID: 'T1059', score: 1 }], { filters: { stages: ['act'] } }),
        { version: '4.5', name: 'generated', domain: 'enterprise-attack', filters: { stages: [] }, techniques: [{ techniqueID: 'T1082', score: 29 }] },
      ]) {
        const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
        expect(out.filters?.platforms).to.equal(undefined);
        expect(report.settings.filter((s) => s.path === '/filters/platforms')).to.deep.equal([]);
        expect(report.settings).to.deep.include({ path: '/filters/stages', message: 'removed (format 4.0 dropped the PRE-ATT&CK stage filter)' });
      }
    });

    it('upgrades to an older release: techniques added since are removed and reported', () => {
      const v12 = library.release('enterprise-attack', '12.1');
      // A technique, not a sub-technique: one of those added since moves to its parent, when 12.1 has it (upgrade.test.ts).
      const added = attack.currentTechniques().find((t) => !t.parent && !v12.techniqueByStixId(t.stixId))!;
      const { layer: out, report } = upgradeLayer(
        layer([{ techniqueID: added.id, score: 1 }, { techniqueID: 'T1059.001', score: 2 }]),
        v12,
        { source: attack },
      );
      expect(entries(out)).to.deep.equal([['T1059.001', undefined]]);
      expect(out.versions?.attack).to.equal('12');
      expect(report.techniques[0]?.notes[0]).to.equal(`${added.id} (${added.name}) of enterprise-attack 18.1 does not exist in enterprise-attack 12.1; removed`);
    });

    it('downgrades a sub-technique added since to its parent, which the older release has (one of 18.1 in 12.1)', () => {
      const v12 = library.release('enterprise-attack', '12.1');
      const added = attack.currentTechniques().find((t) => t.parent && !v12.techniqueByStixId(t.stixId) && v12.technique(t.parent))!;
      const { layer: out, report } = upgradeLayer(layer([{ techniqueID: added.id, score: 1, comment: 'seen' }]), v12, { source: attack });
      expect(out.techniques).to.deep.equal([
        {
          techniqueID: added.parent,
          score: 1,
          comment: 'seen',
          metadata: [
            { name: 'downgraded from', value: added.id },
            { name: 'merged by downgrade', value: `${added.id} (/techniques/0)` },
          ],
        },
      ]);
      expect(out.metadata).to.deep.equal([
        {
          name: 'merged by downgrade',
          value:
            `/techniques/0: ${added.id} of enterprise-attack 18.1, moved into ${added.parent} of enterprise-attack 12.1; an upgrade to a release that has ${added.id} writes it again. ` +
            `The entry was: {"techniqueID":"${added.id}","score":1,"comment":"seen"}`,
        },
      ]);
      expect(report.techniques[0]?.changes).to.deep.equal(['remapped']);
      // Seen from the releases, without the caller's `downgrade` words: a downgrade says so (it said "upgraded from").
      expect(report.downgrade).to.equal(true);
    });

    // SRA's index layers disable every ID they leave out, revoked ones too; /tmp/publayers5/repro-4-disabled-revoked.json
    // (ATT&CK 8, T1086 disabled) became a layer with T1059.001 greyed out, which its author never saw.
    it('removes an entry of a revoked technique that annotates nothing, where its "upgraded from" item annotated the replacement', () => {
      // ATT&CK Evaluations' APT3 scope layer (mitre-attack/attack-evals, APT3_Round1_Navigator_layer.json) writes T1143
      // with `"color": ""`, `"comment": ""` and no score: Navigator showed nothing for it.
      const empty = { techniqueID: 'T1143', tactic: 'defense-evasion', color: '', comment: '', enabled: true };
      const value = layer([empty, { techniqueID: 'T1086', score: 1 }], { versions: { attack: '8', layer: '4.1' } });
      const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
      expect(out.techniques).to.deep.equal([{ techniqueID: 'T1059.001', score: 1, metadata: [{ name: 'upgraded from', value: 'T1086' }] }]);
      expect(report.techniques[0]).to.deep.include({ changes: ['removed'], to: [] });
      expect(report.techniques[0]?.notes).to.include(
        'the entry annotates nothing (no score, colour, comment, link or metadata); removed, not carried to T1564.003, which it would mark as annotated',
      );
      // Sub-techniques are no longer expanded for it.
      expect(out.layout?.expandedSubtechniques).to.equal('annotated');
      expect(report.settings.map((change) => change.message).join('\n')).to.not.contain('T1564.003');
      // One that only shows its sub-techniques is carried: it changes what Navigator shows.
      const parent = upgradeLayer(layer([{ techniqueID: 'T1086', showSubtechniques: true }], { versions: { attack: '8', layer: '4.1' } }), attack, upgradeReleases(value, library));
      expect(parent.layer.techniques?.map((entry) => entry.techniqueID)).to.deep.equal(['T1059.001']);
    });

    it('removes an entry that only disables a technique revoked in the layer\'s release, leaving its replacement as it was', () => {
      const disabled = { techniqueID: 'T1086', enabled: false };
      const value = layer([disabled], { versions: { attack: '8', layer: '4.1' } });
      const { layer: out, report } = upgradeLayer(value, attack, upgradeReleases(value, library));
      expect(out.techniques).to.deep.equal([]);
      expect(report.techniques[0]).to.deep.include({ changes: ['removed'], to: [], removedEntry: disabled });
      expect(report.techniques[0]?.notes).to.deep.equal([
        'T1086 (PowerShell) is revoked; replaced by T1059.001 (PowerShell)',
        'the entry only disables T1086, which Navigator never showed (enterprise-attack 8.2 revoked it); removed, not carried to T1059.001, ' +
          'which keeps the state the rest of the layer gives it',
        "the entry is kept as it was in the layer's metadata (\"removed by upgrade\")",
      ]);
      expect(out.metadata?.map((item) => ('value' in item ? item.value : ''))).to.deep.equal([
        `/techniques/0: the entry only disables T1086, which Navigator never showed (enterprise-attack 8.2 revoked it); removed, not carried to T1059.001, which keeps the state the rest of the layer gives it. The entry was: ${JSON.stringify(disabled)}`,
      ]);
      // The replacement's own entry stays as written, without a line saying it came from T1086.
      const beside = layer([disabled, { techniqueID: 'T1059.001', color: '#7a34eb' }], { versions: { attack: '8', layer: '4.1' } });
      expect(upgradeLayer(beside, attack, upgradeReleases(beside, library)).layer.techniques).to.deep.equal([{ techniqueID: 'T1059.001', color: '#7a34eb' }]);
      // A layer without versions.attack opens in the newest release, where T1086 is revoked too.
      const unversioned = { ...layer([disabled]), versions: undefined };
      expect(upgradeLayer(unversioned, attack, upgradeReleases(unversioned, library)).layer.techniques).to.deep.equal([]);
    });

    it('carries a disabled technique to its replacement when the layer\'s release showed it (T1086 in ATT&CK 6), or when the layer\'s release is not here', () => {
      const shown = layer([{ techniqueID: 'T1086', enabled: false }], { versions: { attack: '6', layer: '4.1' } });
      expect(upgradeLayer(shown, attack, upgradeReleases(shown, library)).layer.techniques).to.deep.equal([
        { techniqueID: 'T1059.001', enabled: false, metadata: [{ name: 'upgraded from', value: 'T1086' }] },
      ]);
      const unknown = layer([{ techniqueID: 'T1086', enabled: false }], { versions: { attack: '7', layer: '4.1' } });
      expect(upgradeLayer(unknown, attack, upgradeReleases(unknown, library)).layer.techniques?.map((t) => [t.techniqueID, t.enabled])).to.deep.equal([['T1059.001', false]]);
      // Disabled and annotated, it is carried whatever the release: the score is what the author wrote.
      const scored = layer([{ techniqueID: 'T1086', enabled: false, score: 3 }], { versions: { attack: '8', layer: '4.1' } });
      expect(upgradeLayer(scored, attack, upgradeReleases(scored, library)).layer.techniques?.map((t) => [t.techniqueID, t.enabled, t.score])).to.deep.equal([['T1059.001', false, 3]]);
    });
  });
});
