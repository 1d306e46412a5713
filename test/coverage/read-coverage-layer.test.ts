import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { placeText, summaryMessage, VISIBILITY_ONLY_REASON, type CoverageInput } from '../../lib/coverage/coverage-types.js';
import { parseCoverageLayers, readCoverageLayers, type CoverageLayerOptions } from '../../lib/coverage/read-coverage-layer.js';
import { InputError, UsageError } from '../../lib/errors.js';
import { readRawBundle, stixFile } from '../helpers/attack.js';

/** The one input of a file holding one layer. */
function only(inputs: CoverageInput[]): CoverageInput {
  expect(inputs).to.have.length(1);
  return inputs[0]!;
}
const readCoverageLayer = (file: string, options?: CoverageLayerOptions): CoverageInput => only(readCoverageLayers(file, options));
const parseCoverageLayer = (text: string, file: string, options?: CoverageLayerOptions): CoverageInput => only(parseCoverageLayers(text, file, options));

const fixtures = fileURLToPath(new URL('../fixtures/coverage/layers', import.meta.url));

function expectBookkeeping(input: CoverageInput): void {
  expect(input.counts.rules).to.equal(input.rules.length);
  expect(input.counts.ignored).to.equal(input.ignored.length);
  expect(input.counts.invalid).to.equal(input.problems.filter((problem) => problem.skipped).length);
  expect(input.counts.rules + input.counts.ignored + input.counts.invalid).to.equal(input.counts.items);
}

describe('readCoverageLayers', () => {
  let input: CoverageInput;
  const file = join(fixtures, 'coverage.json');
  before(() => {
    input = readCoverageLayer(file);
  });

  it('ends each of the 8 technique entries as a rule, ignored or a problem', () => {
    expect(input.files).to.equal(1);
    expect(input.counts).to.deep.equal({ items: 8, rules: 5, ignored: 2, invalid: 1 });
    expectBookkeeping(input);
  });

  it('names each rule after the layer and the entry comment, and keeps the technique ID as written', () => {
    expect(input.rules.map((rule) => [rule.name, rule.line, rule.refs])).to.deep.equal([
      ['SOC coverage: EDR rules', 6, [{ raw: 'T1059.001', line: 6 }]],
      ['SOC coverage', 7, [{ raw: 'T1003.001', line: 7 }]],
      ['SOC coverage: old ID, as exported long ago', 8, [{ raw: 'T1086', line: 8 }]],
      ['SOC coverage', 9, [{ raw: 'T1566.001', line: 9 }]],
      ['SOC coverage', 13, [{ raw: 'T1082', line: 13 }]],
    ]);
  });

  it('places scores on the layer gradient, clamping and noting scores outside it in one line, each entry listed besides', () => {
    expect(input.rules.map((rule) => [rule.level, rule.levelReason])).to.deep.equal([
      [0.8, 'score 80 on the layer gradient 0..100 -> 0.8'],
      [1, 'score 100 on the layer gradient 0..100 -> 1'],
      [0.5, 'score 50 on the layer gradient 0..100 -> 0.5'],
      [0, 'score 0 on the layer gradient 0..100 -> 0'],
      [1, 'score 150 on the layer gradient 0..100 -> 1 (clamped)'],
    ]);
    // One line for the layer (what stderr shows), then each entry for the report (`summarized`).
    // Where the entries are listed depends on where the line is read (`summaryMessage`): not in the message.
    expect(input.problems.filter((p) => !p.skipped).map((p) => [p.line, p.message, p.summarized, p.sumsUp])).to.deep.equal([
      [
        1,
        'the layer: 1 entry scores 150, above the layer gradient 0..100, counted as 100%: T1082; to read every score on its own level, ' +
          'review with scale: [0, 150] or give the layer the gradient 0..150',
        undefined,
        true,
      ],
      [13, 'T1082: score 150 is outside the layer gradient 0..100; counted as 100%', true, undefined],
    ]);
    expect(input.problems.filter((p) => !p.skipped).map((p) => summaryMessage(p, 'below'))[0]).to.match(/0\.\.150 \(each entry is listed below\)$/);
  });

  it('keeps an entry tactic as the rule tactics', () => {
    expect(input.rules[1]?.tactics).to.deep.equal(['credential-access']);
    expect(input.rules[0]?.tactics).to.equal(undefined);
  });

  it('ignores disabled and unscored entries, and reports an entry without techniqueID', () => {
    expect(input.ignored.map((i) => [i.line, i.name, i.reason])).to.deep.equal([
      [10, 'T1071.001', 'enabled: false'],
      [11, 'T1110', 'no score'],
    ]);
    expect(input.problems.filter((p) => p.skipped).map((p) => [p.line, p.message])).to.deep.equal([
      [12, 'the layer: /techniques/6: no techniqueID; the entry is left out: {"score":30,"comment":"no technique ID"}'],
    ]);
  });

  it('as threat, counts an entry without score that Navigator shows annotated (T1110, colour only) with weight 1', () => {
    const threat = readCoverageLayer(file, { role: 'threat' });
    expectBookkeeping(threat);
    // T1566.001 scores 0 beside entries scoring more: a technique not used, left out.
    expect(threat.counts).to.deep.equal({ items: 8, rules: 5, ignored: 2, invalid: 1 });
    expect(threat.rules.filter((rule) => rule.refs[0]?.raw === 'T1110').map((rule) => [rule.line, rule.level, rule.levelReason])).to.deep.equal([
      [11, 1, 'no score, annotated (colour #ff6666) -> 1, as a technique a campaign observed'],
    ]);
    expect(threat.ignored.map((i) => [i.name, i.reason])).to.deep.equal([
      ['T1566.001', 'score 0, nothing annotated, weighs 0 where other entries score above 0: a technique not used'],
      ['T1071.001', 'enabled: false'],
    ]);
    const bare = parseCoverageLayer(JSON.stringify({ name: 'x', techniques: [{ techniqueID: 'T1110', color: ' ', comment: '', metadata: [], links: [] }] }), 'b.json', { role: 'threat' });
    expect(bare.ignored.map((i) => i.reason)).to.deep.equal(['no score and nothing annotated (no colour, comment, metadata or links)']);
    // A score outside the gradient is said as a threat weight, as the report's Threat column gives it (coverage: a percentage).
    // The line names the threat layers' scale (the CLI's --threat-scale).
    expect(threat.problems.filter((p) => !p.skipped).map((p) => p.message)).to.deep.equal([
      'the layer: 1 entry scores 150, above the layer gradient 0..100, counted as threat 1: T1082; to read every score on its own level, ' +
        'review with scale: [0, 150] or give the layer the gradient 0..150',
      'T1082: score 150 is outside the layer gradient 0..100; counted as threat 1',
    ]);
  });

  it('keeps the domain the layer states (mitre-mobile read as mobile-attack), and refuses layers of two domains in one file', () => {
    expect(input.domain).to.equal('enterprise-attack');
    expect(parseCoverageLayer(JSON.stringify({ domain: 'mitre-mobile', techniques: [] }), 'm.json').domain).to.equal('mobile-attack');
    expect(parseCoverageLayer(JSON.stringify({ techniques: [] }), 'n.json').domain).to.equal(undefined);
    const two = JSON.stringify([{ domain: 'enterprise-attack', techniques: [] }, { domain: 'ics-attack', techniques: [] }]);
    expect(() => parseCoverageLayers(two, 't.json')).to.throw(InputError, 't.json: its layers are of different ATT&CK domains: enterprise-attack (layer 1); ics-attack (layer 2)');
  });

  it('uses options.scale over the gradient', () => {
    const scaled = readCoverageLayer(file, { scale: [50, 100] });
    expect(scaled.rules.map((rule) => rule.level)).to.deep.equal([0.6, 1, 0, 0, 1]);
    expect(scaled.rules[0]?.levelReason).to.equal('score 80 on the given scale 50..100 -> 0.6');
  });

  it('reads an array of layers as one input per layer, named by position, each on its own gradient or the default 0..100', () => {
    const file2 = join(fixtures, 'two-layers.json');
    const two = readCoverageLayers(file2);
    expect(two.map((input) => [input.source, input.counts])).to.deep.equal([
      [`${file2} (layer 1)`, { items: 2, rules: 2, ignored: 0, invalid: 0 }],
      [`${file2} (layer 2)`, { items: 1, rules: 1, ignored: 0, invalid: 0 }],
    ]);
    expect(two.flatMap((input) => input.rules).map((rule) => [rule.name, rule.refs[0]?.raw, rule.line, rule.level, rule.levelReason])).to.deep.equal([
      ['EDR', 'T1059.001', 7, 0.5, 'score 3 on the layer gradient 1..5 -> 0.5'],
      ['EDR', 'T1003.001', 8, 1, 'score 5 on the layer gradient 1..5 -> 1'],
      ['Network', 'T1071.001', 17, 0.25, 'score 25 on the default scale 0..100 (no gradient) -> 0.25'],
    ]);
  });

  it('throws InputError with file and line for invalid JSON', () => {
    expect(() => readCoverageLayer(join(fixtures, 'broken.json')))
      .to.throw(InputError, /broken\.json: line 4, column \d+: invalid JSON/)
      .with.property('line', 4);
  });

  it('throws InputError for JSON that is not a layer', () => {
    expect(() => readCoverageLayer(join(fixtures, 'not-a-layer.json'))).to.throw(InputError, /not-a-layer\.json:1: the layer is not a Navigator layer/);
    expect(() => parseCoverageLayers('[1]', 'n.json')).to.throw(InputError, 'n.json: the one element of its array is no layer (the first layer of the file (/0): 1 is not a layer)');
    expect(() => parseCoverageLayers('[]', 'e.json')).to.throw(InputError, 'e.json: the file holds an empty array of layers; give at least one layer');
  });

  it('throws InputError for a gradient whose maxValue is below minValue', () => {
    const layer = JSON.stringify({ name: 'x', techniques: [], gradient: { colors: [], minValue: 5, maxValue: 1 } });
    expect(() => parseCoverageLayer(layer, 'g.json')).to.throw(InputError, /g\.json:1: the layer's gradient has minValue 5 and maxValue 1/);
  });

  it('reads a gradient whose ends are equal as Navigator paints it: that score or more full, less none', () => {
    // CTID's insider-threat green_seen layer: observed techniques score 1 on the gradient 1..1.
    const layer = JSON.stringify({
      name: 'seen',
      techniques: [
        { techniqueID: 'T1114.001', score: 1 },
        { techniqueID: 'T1555.005', score: 2 },
        { techniqueID: 'T1105', score: 0 },
      ],
      gradient: { colors: ['#31a354ff', '#31a354ff'], minValue: 1, maxValue: 1 },
    });
    for (const role of ['coverage', 'threat'] as const) {
      const read = parseCoverageLayer(layer, 'seen.json', { role });
      // As threat, T1105's 0 beside scores above it is a technique not seen, left out.
      expect(read.rules.map((rule) => [rule.refs[0]!.raw, rule.level]), role).to.deep.equal([['T1114.001', 1], ['T1555.005', 1], ...(role === 'coverage' ? [['T1105', 0]] : [])]);
      expect(read.rules[0]!.levelReason).to.match(/score 1 on the layer gradient 1\.\.1 \(a threshold: 1 or more is full/);
      expect(read.problems, role).to.deep.equal([]);
      expect(read.notes, role).to.equal(undefined);
    }
  });

  // mitreattack-python's UsageGenerator (mitreattack/navlayers/generators/usage_generator.py @0214a6e) lists every
  // technique of the matrix under each of its tactics with score 0, and scores 1 those the group or software uses;
  // a reconstruction of its layout. Each 0 was a threat technique of weight 0, a gap of priority 0: a review of one
  // group's layer listed some 700 techniques it never used.
  it('as threat, leaves out an entry scoring 0 beside entries scoring above 0, a technique not used (mitreattack-python usage layer)', () => {
    const layer = {
      name: 'APT28 (intrusion-set--bef4c620-0787-42a8-a96d-b7eb6e85917c)',
      domain: 'enterprise-attack',
      description: 'Enterprise techniques used by APT28, ATT&CK intrusion-set G0007',
      techniques: [
        { techniqueID: 'T1078', tactic: 'initial-access', score: 0 },
        { techniqueID: 'T1078', tactic: 'defense-evasion', score: 1, comment: 'the technique\'s description' },
        { techniqueID: 'T1059.001', tactic: 'execution', score: 1, comment: 'the technique\'s description' },
        { techniqueID: 'T1105', tactic: 'command-and-control', score: 0 },
      ],
    };
    const threat = parseCoverageLayer(JSON.stringify(layer), 'apt28.json', { role: 'threat' });
    expect(threat.rules.map((rule) => [rule.refs[0]!.raw, rule.tactics])).to.deep.equal([['T1078', ['defense-evasion']], ['T1059.001', ['execution']]]);
    expect(threat.ignored.map(({ name, reason }) => [name, reason])).to.deep.equal([
      ['T1078', 'score 0, nothing annotated, weighs 0 where other entries score above 0: a technique not used'],
      ['T1105', 'score 0, nothing annotated, weighs 0 where other entries score above 0: a technique not used'],
    ]);
    // A 0 that shows something else is kept: DeTT&CT's group layers (group_mapping.py _get_technique_layer,
    // rabobank-cdc/DeTTECT@08b30f0) score a technique only the groups' software uses 0, painted and with metadata.
    const software = { ...layer, techniques: [...layer.techniques, { techniqueID: 'T1105', score: 0, color: '#0d47a1', metadata: [{ name: '-Software groups', value: 'APT28' }] }] };
    expect(parseCoverageLayer(JSON.stringify(software), 'dettect.json', { role: 'threat' }).rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([
      ['T1078', 0.01],
      ['T1059.001', 0.01],
      ['T1105', 0],
    ]);
    // Every entry at 0 still marks the techniques used (no other score says otherwise), and a scale that weighs 0 reads it.
    const allZero = { ...layer, techniques: layer.techniques.map((entry) => ({ ...entry, score: 0 })) };
    expect(parseCoverageLayer(JSON.stringify(allZero), 'zero.json', { role: 'threat' }).rules).to.have.length(4);
    expect(parseCoverageLayer(JSON.stringify(layer), 'apt28.json', { role: 'threat', scale: [-1, 1] }).rules).to.have.length(4);
  });

  // mitreattack-python's tests/resources/heatmap_example.json scores every entry but one, T1548 under
  // defense-evasion, coloured #32a852 without a score (a few of its entries here).
  it('says of one unscored entry among scored ones that it weighs 1, in the singular', () => {
    const layer = {
      name: 'heatmap example',
      domain: 'enterprise-attack',
      techniques: [
        { techniqueID: 'T1546.004', tactic: 'persistence', score: 11 },
        { techniqueID: 'T1548', tactic: 'privilege-escalation', score: 98 },
        { techniqueID: 'T1548', tactic: 'defense-evasion', color: '#32a852' },
      ],
    };
    const notes = parseCoverageLayer(JSON.stringify(layer), 'heatmap_example.json', { role: 'threat' }).notes ?? [];
    expect(notes.join('\n')).to.contain('1 entry without a score but annotated (T1548) weighs 1, as a score of 100');
  });

  it('throws UsageError for a scale that is not [min, max]', () => {
    expect(() => readCoverageLayer(file, { scale: [100, 0] })).to.throw(UsageError, /coverage scale \[100,0\] must be \[min, max\]/);
  });
});

describe('readCoverageLayers: a gradient that may not be what the scores mean', () => {
  const layer = (gradient: object, scores: number[]) =>
    JSON.stringify({
      name: 'lab',
      domain: 'enterprise-attack',
      gradient,
      techniques: scores.map((score, i) => ({ techniqueID: `T10${String(i).padStart(2, '0')}`, score })),
    });
  const advice = 'if a score of 1 means a rule exists, review with scale: [0, 1] (1 and above count as 100%), or scale: [0, N] with N the score of full coverage (docs/gap.md)';

  it('notes half or more of the scored entries at a minimum above 0 (the Wazuh lab layer: all 118 scored 1 on 1..3)', () => {
    const input = parseCoverageLayer(layer({ colors: ['#ff6666ff', '#ffe766ff', '#8ec843ff'], minValue: 1, maxValue: 3 }, [1, 1, 1, 3]), 'wazuh.json');
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([0, 0, 0, 1]);
    expect(input.notes).to.deep.equal([
      `coverage layer wazuh.json ("lab"): read on the layer gradient 1..3, 3 of its 4 scored entries count as 0% coverage, as no rule (score 1 or less), the others as 100% (1); ${advice}`,
    ]);
  });

  it('notes a gradient of one colour (SigmaHQ-style rule counts on 1..6, red at both ends), however few sit at its minimum', () => {
    const input = parseCoverageLayer(layer({ colors: ['#ce232e', '#CE232Eff '], minValue: 1, maxValue: 6 }, [3, 3, 6]), 'sigma.json');
    expect(input.notes).to.deep.equal([
      `coverage layer sigma.json ("lab"): its gradient 1..6 has one colour (#ce232e), so Navigator shows no level in its scores; read on the layer gradient 1..6, none of its 3 scored entries counts as 0%; they count as 40% (2), 100% (1); ${advice}`,
    ]);
  });

  it('says nothing for a minimum of 0, a few entries at the minimum, a scale given, a threat layer of one colour or no scored entry', () => {
    const red = ['#ff6666', '#8ec843'];
    expect(parseCoverageLayer(layer({ colors: red, minValue: 0, maxValue: 100 }, [0, 0, 50]), 'zero.json').notes).to.equal(undefined);
    expect(parseCoverageLayer(layer({ colors: red, minValue: 1, maxValue: 5 }, [1, 3, 5]), 'few.json').notes).to.equal(undefined);
    const same = layer({ colors: ['#ce232e', '#ce232e'], minValue: 1, maxValue: 6 }, [1, 1]);
    expect(parseCoverageLayer(same, 'scaled.json', { scale: [0, 1] }).notes).to.equal(undefined);
    expect(parseCoverageLayer(layer({ colors: ['#ce232e', '#ce232e'], minValue: 1, maxValue: 6 }, [3, 6]), 'threat.json', { role: 'threat' }).notes).to.equal(undefined);
    expect(parseCoverageLayer(layer({ colors: red, minValue: 0, maxValue: 100 }, [0, 0, 50]), 'threat.json', { role: 'threat' }).notes).to.equal(undefined);
    expect(parseCoverageLayer(layer({ colors: ['#ce232e', '#ce232e'], minValue: 1, maxValue: 6 }, []), 'empty.json').notes).to.equal(undefined);
  });

  it('notes a threat layer with any entry at a minimum above 0: a technique it lists and scores the least weighs 0', () => {
    // SCYTHE's top ransomware TTPs: 20 per family of five using a technique, on 20..100; 30 of its 66 entries score 20.
    const red = ['#8ec843', '#ffe766', '#ff6666'];
    const ransomware = parseCoverageLayer(layer({ colors: red, minValue: 20, maxValue: 100 }, [100, 20, 60, 20, 40, 80, 100]), 'ransomware.json', { role: 'threat' });
    expect(ransomware.rules.map((rule) => rule.level)).to.deep.equal([1, 0, 0.5, 0, 0.25, 0.75, 1]);
    expect(ransomware.notes).to.deep.equal([
      'threat layer ransomware.json ("lab"): read on the layer gradient 20..100, 2 of its 7 scored entries weigh 0, as techniques not used (score 20 or less), the others weigh 1 (2), 0.25 (1), 0.5 (1), 0.75 (1); ' +
        'if its scores rank the techniques used, review with scale: [0, 100] (100 weighs 1, 20 weighs 0.2) or give the layer the gradient 0..100; the review ranks gaps by these weights (docs/gap.md)',
    ]);
    // Below a minimum above 0 (0 on 20..100), or on a minimum of 0, a score may well say "not used": nothing to say.
    expect(parseCoverageLayer(layer({ colors: red, minValue: 20, maxValue: 100 }, [100, 0, 60]), 'below.json', { role: 'threat' }).notes).to.equal(undefined);
    // As coverage, a few at the minimum is a low level, not a misreading.
    expect(parseCoverageLayer(layer({ colors: red, minValue: 20, maxValue: 100 }, [100, 20, 60]), 'coverage.json').notes).to.equal(undefined);
  });

  it('notes a threat layer whose every score sits at its minimum, 0 included: those techniques weigh 0', () => {
    const red = ['#ffffff', '#ff6666'];
    const zero = parseCoverageLayer(layer({ colors: red, minValue: 0, maxValue: 100 }, [0, 0, 0]), 'apt.json', { role: 'threat' });
    expect(zero.rules.map((rule) => rule.level)).to.deep.equal([0, 0, 0]);
    expect(zero.notes).to.deep.equal([
      'threat layer apt.json ("lab"): read on the layer gradient 0..100, 3 of its 3 scored entries weigh 0, as techniques not used (score 0 or less); ' +
        'if its scores mark the techniques used, score them above 0 (100 weighs 1); the review ranks gaps by these weights (docs/gap.md)',
    ]);
    const one = parseCoverageLayer(layer({ colors: red, minValue: 1, maxValue: 5 }, [1, 1, 1, 3]), 'apt.json', { role: 'threat' });
    expect(one.notes).to.deep.equal([
      'threat layer apt.json ("lab"): read on the layer gradient 1..5, 3 of its 4 scored entries weigh 0, as techniques not used (score 1 or less), the others weigh 0.5 (1); ' +
        'if its scores mark the techniques used, score them above 1 (5 weighs 1), or give it the gradient 0..1 so that 1 weighs 1; the review ranks gaps by these weights (docs/gap.md)',
    ]);
  });
});

describe('readCoverageLayers: small whole-number or fractional scores without a gradient', () => {
  // The shape of a threat layer a script writes: each technique used scored 1, no gradient (Navigator paints 0..100).
  const layer = (scores: number[], extra: object = {}) =>
    JSON.stringify({ name: 'mobile threat', domain: 'mobile-attack', techniques: scores.map((score, i) => ({ techniqueID: `T14${String(i + 20)}`, score })), ...extra });

  it('notes a threat layer whose every score is 1 on the default 0..100: each technique weighs 0.01, and gives the --threat-scale', () => {
    const input = parseCoverageLayer(layer([1, 1, 1, 1]), 'mobile.json', { role: 'threat' });
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([0.01, 0.01, 0.01, 0.01]);
    expect(input.notes).to.deep.equal([
      'threat layer mobile.json ("mobile threat"): read on the default scale 0..100 (no gradient), its 4 scored entries are whole numbers up to 1 and weigh 0.01 at most; ' +
        'if they are levels or counts with 1 the most, review with scale: [0, 1] (1 weighs 1) or give the layer the gradient 0..1; the review ranks gaps by these weights (docs/gap.md)',
    ]);
  });

  it('notes a coverage layer of levels 0..5 without a gradient: 5 counts as 5%, and gives the --scale', () => {
    const input = parseCoverageLayer(layer([5, 3, 0]), 'levels.json');
    expect(input.notes).to.deep.equal([
      'coverage layer levels.json ("mobile threat"): read on the default scale 0..100 (no gradient), its 3 scored entries are whole numbers up to 5 and count as 5% coverage at most; ' +
        'if they are levels or counts with 5 the most, review with scale: [0, 5] (5 counts as 100%), or scale: [0, 1] if a score of 1 means a rule exists (docs/gap.md)',
    ]);
  });

  // LoomT's CIS-CAT converter writes each technique's pass ratio (9/9 = 1.0) as its score, without a gradient: read on
  // 0..100, full coverage counted 1 % without a word (/tmp/publayers5/repro-2-coverage-fractions.json).
  it('notes a layer whose scores are fractions between 0 and 1 (pass ratios): 1 counts as 1%, and gives --scale 0,1', () => {
    const ratios = parseCoverageLayer(layer([0.37, 1, 0.62, 0]), 'ciscat.json');
    expect(ratios.rules.map((rule) => rule.level)).to.deep.equal([0.004, 0.01, 0.006, 0]);
    expect(ratios.notes).to.deep.equal([
      'coverage layer ciscat.json ("mobile threat"): read on the default scale 0..100 (no gradient), its 4 scored entries are between 0 and 1, 2 of them fractions (T1420 0.37, T1422 0.62), ' +
        'and count as 1% coverage at most; if they are ratios with 1 as full coverage, review with scale: [0, 1] (1 counts as 100%) (docs/gap.md)',
    ]);
    expect(parseCoverageLayer(layer([1, 0.5]), 'fractions.json', { role: 'threat' }).notes).to.deep.equal([
      'threat layer fractions.json ("mobile threat"): read on the default scale 0..100 (no gradient), its 2 scored entries are between 0 and 1, 1 of them fractions (T1421 0.5), and weigh 0.01 at most; ' +
        'if they are ratios or weights with 1 the most, review with scale: [0, 1] (1 weighs 1) or give the layer the gradient 0..1; the review ranks gaps by these weights (docs/gap.md)',
    ]);
  });

  it('says nothing for percentages (fractional ones too), a gradient, a scale given or scores of 0 only', () => {
    expect(parseCoverageLayer(layer([25, 50, 100]), 'percent.json', { role: 'threat' }).notes).to.equal(undefined);
    expect(parseCoverageLayer(layer([12.5, 0.5, 100]), 'percent.json').notes).to.equal(undefined);
    expect(parseCoverageLayer(layer([0.37, 0.62]), 'scaled.json', { scale: [0, 1] }).notes).to.equal(undefined);
    expect(parseCoverageLayer(layer([0.37, 0.62], { gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 } }), 'ratio-gradient.json').notes).to.equal(undefined);
    const gradient = { gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 } };
    expect(parseCoverageLayer(layer([1, 1], gradient), 'gradient.json', { role: 'threat' }).notes).to.equal(undefined);
    expect(parseCoverageLayer(layer([1, 1]), 'scaled.json', { role: 'threat', scale: [0, 1] }).notes).to.equal(undefined);
    // Every score 0 weighs 0 on any scale: the note on scores at the minimum says so, not this one.
    expect(parseCoverageLayer(layer([0, 0]), 'zero.json', { role: 'threat' }).notes?.[0]).to.contain('2 of its 2 scored entries weigh 0');
  });
});

describe('readCoverageLayers: scores that count rules (sigma2attack)', () => {
  // SigmaHQ's sigma2attack: score = number of rules, gradient 0..<largest count>, one rule file name per comment line.
  const heatmap = (extra: object, scores: number[]) =>
    JSON.stringify({
      name: 'heatmap',
      domain: 'enterprise-attack',
      gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 48 },
      techniques: scores.map((score, i) => ({ techniqueID: `T10${String(i).padStart(2, '0')}`, score, comment: 'rule.yml' })),
      ...extra,
    });
  const advice = 'if a score counts rules, review with scale: [0, 1] (1 and above count as 100%), or scale: [0, N] with N the count of full coverage (docs/gap.md)';

  it('notes whole-number scores on a gradient from 0 that ends at the largest of them, naming entries under 50%', () => {
    const input = parseCoverageLayer(heatmap({}, [48, 13, 16, 24, 8, 6]), 'sigma.json');
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([1, 0.271, 0.333, 0.5, 0.167, 0.125]);
    expect(input.notes).to.deep.equal([
      'coverage layer sigma.json ("heatmap"): its scores look like counts (whole numbers on a gradient from 0 that ends at the largest of them, 48): ' +
        'read on the layer gradient 0..48, a score of 1 counts as 2.1%, and 4 of its 6 scored entries count under 50% coverage though they score 1 or more ' +
        `(T1001 13: 27.1%, T1002 16: 33.3%, T1004 8: 16.7%, ...); ${advice}`,
    ]);
  });

  it('notes counts a legend names (Atomic Red Team: "1 or more tests" on 0..10)', () => {
    const art = heatmap({ gradient: { colors: ['#ffffff', '#ce232e'], minValue: 0, maxValue: 10 }, legendItems: [{ label: '1 or more tests', color: '#ffffff' }] }, [1, 2]);
    expect(parseCoverageLayer(art, 'art.json').notes?.[0]).to.contain('its scores look like counts (whole numbers, and its legend says "tests")');
  });

  // A "Sigma Coverage" layer as a published how-to writes it (find_string id 59692339312: score = the technique's rule
  // count, comment "<count> Sigma rule(s)", no gradient): read on Navigator's 0..100, 1 rule counted as 1 %, silently.
  it('notes counts that the entries\' comments give as numbers of rules, on the default 0..100', () => {
    const counts = (scores: number[], comment: (score: number) => string) =>
      JSON.stringify({ version: '4.5', name: 'Sigma Coverage', domain: 'enterprise-attack', techniques: scores.map((score, i) => ({ techniqueID: `T10${String(i).padStart(2, '0')}`, score, comment: comment(score) })) });
    expect(parseCoverageLayer(counts([48, 3, 1], (n) => `${n} Sigma rule(s)`), 'sigma-coverage.json').notes).to.deep.equal([
      'coverage layer sigma-coverage.json ("Sigma Coverage"): its scores look like counts (whole numbers, and each entry\'s comment counts its score in rules ("48 Sigma rule(s)")): ' +
        'read on the default scale 0..100 (no gradient), a score of 1 counts as 1%, and 3 of its 3 scored entries count under 50% coverage though they score 1 or more ' +
        `(T1000 48: 48%, T1001 3: 3%, T1002 1: 1%); ${advice}`,
    ]);
    // Scores the author scaled (25 per rule, the count in the comment) are levels: no note.
    expect(parseCoverageLayer(counts([100, 25, 50], (n) => `${n / 25} rule(s)`), 'scaled.json').notes).to.equal(undefined);
  });

  // A count of tests is no count of rules: a test run detects nothing, so --scale 0,1 would count each as full coverage.
  it('does not advise counting tests as rules: a count of tests run is no coverage', () => {
    const art = heatmap({ gradient: { colors: ['#ffffff', '#ce232e'], minValue: 0, maxValue: 10 }, legendItems: [{ label: '1 or more tests', color: '#ffffff' }] }, [1, 2]);
    expect(parseCoverageLayer(art, 'art.json').notes).to.deep.equal([
      'coverage layer art.json ("heatmap"): its scores look like counts (whole numbers, and its legend says "tests"): read on the layer gradient 0..10, ' +
        'a score of 1 counts as 10%, and 2 of its 2 scored entries count under 50% coverage though they score 1 or more (T1000 1: 10%, T1001 2: 20%); ' +
        'a count of tests run is no coverage, since a test detects nothing: give readCoverageInputs the rules that fire on them; ' +
        'if a score counts tests that a rule detected, review with scale: [0, 1] (1 and above count as 100%), or scale: [0, N] with N the count of full coverage (docs/gap.md)',
    ]);
  });

  // HawkinsOps' coverage layer (/tmp/publayers5/06-sigma-wazuh-splunk-coverage-counts-v16.json) scores each technique
  // with its number of detections on the gradient 1..3, its description saying "140 detection rules": 35 of its 102
  // techniques, each with one rule, counted as 0 % without a word, fewer than half of them at the minimum.
  it('notes counts on a gradient from 1, fewer than half at the minimum: a score of 1 counts as 0%', () => {
    const counts = heatmap({ gradient: { colors: ['#74c476', '#31a354', '#006d2c'], minValue: 1, maxValue: 3 }, description: 'coverage from 140 detection rules' }, [2, 2, 1, 3, 2]);
    const input = parseCoverageLayer(counts, 'hawkins.json');
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([0.5, 0.5, 0, 1, 0.5]);
    expect(input.notes).to.deep.equal([
      'coverage layer hawkins.json ("heatmap"): its scores look like counts (whole numbers, and its description says "rules"): ' +
        `read on the layer gradient 1..3, a score of 1 counts as 0%, and 1 of its 5 scored entries counts under 50% coverage though it scores 1 or more (T1002 1: 0%); ${advice}`,
    ]);
    // Counts to the largest of them, from 1 (CTID's mappings heatmap, "the number of associated entries", 1..13).
    const ctid = heatmap({ gradient: { colors: ['#ffe766', '#ffaf66'], minValue: 1, maxValue: 13 } }, [2, 13, 5, 1, 2, 2]);
    expect(parseCoverageLayer(ctid, 'gcp.json').notes?.[0]).to.contain(
      'its scores look like counts (whole numbers on a gradient from 1 that ends at the largest of them, 13): read on the layer gradient 1..13, a score of 1 counts as 0%, and 5 of its 6 scored entries',
    );
  });

  it('notes a threat layer of counts on a gradient from 1: those scoring 1 weigh 0, as techniques not used', () => {
    const groups = heatmap({ name: 'groups', gradient: { colors: ['#ffffff', '#ff6666'], minValue: 1, maxValue: 8 }, description: 'number of groups using each technique' }, [8, 3, 1, 2, 1]);
    const input = parseCoverageLayer(groups, 'groups.json', { role: 'threat' });
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([1, 0.286, 0, 0.143, 0]);
    expect(input.notes).to.deep.equal([
      'threat layer groups.json ("groups"): its scores look like counts (whole numbers on a gradient from 1 that ends at the largest of them, 8): read on the layer gradient 1..8, ' +
        'a score of 1 weighs 0, as a technique not used: 2 of its 5 scored entries weigh 0 though they score 1 (T1002, T1004); ' +
        'if a score counts what uses the technique, review with scale: [0, 8] (8 weighs 1, 1 weighs 0.125) or give the layer the gradient 0..8; the review ranks gaps by these weights (docs/gap.md)',
    ]);
    const once = parseCoverageLayer(heatmap({ name: 'groups', gradient: { colors: ['#ffffff', '#ff6666'], minValue: 1, maxValue: 8 } }, [8, 3, 1]), 'groups.json', { role: 'threat' });
    expect(once.notes?.[0]).to.contain('1 of its 3 scored entries weighs 0 though it scores 1 (T1002)');
    // Counts from 0 keep their proportions as weights, and none weighs 0: nothing to say.
    const fromZero = heatmap({ name: 'groups', gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 8 }, description: 'number of groups' }, [8, 3, 1]);
    expect(parseCoverageLayer(fromZero, 'groups.json', { role: 'threat' }).notes).to.equal(undefined);
  });

  it("names the numbers of fields Navigator does not read in a layer that scores no entry (CTID's score_num)", () => {
    // The shape of CTID's security-stack-mappings layers: colour, metadata and score_num 10/50/100, no score.
    const ssm = JSON.stringify({
      name: 'Storage',
      domain: 'enterprise-attack',
      gradient: { colors: ['#ff6666', '#8ec843'], minValue: 0, maxValue: 100 },
      techniques: [
        { techniqueID: 'T1485', color: '#7FFF00', score_num: 100, score_display: 'Significant' },
        { techniqueID: 'T1530', color: '#5c00a3', score_num: 10, score_display: 'Minimal' },
      ],
    });
    const input = parseCoverageLayer(ssm, 'storage.json');
    expect(input.rules).to.deep.equal([]);
    expect(input.notes).to.deep.equal([
      'coverage layer storage.json ("Storage"): none of its entries has a score, and they hold numbers in score_num (10, 100), a field Navigator does not read: ' +
        'if that is their coverage, copy it into score (read on the layer gradient 0..100) to count it (docs/gap.md)',
    ]);
    // Scored, or without such numbers, it has nothing to say.
    expect(parseCoverageLayer(ssm.replace('"score_num":100', '"score":100'), 'scored.json').notes).to.equal(undefined);
    expect(parseCoverageLayer(ssm.replace(/"score_num":\d+,/g, ''), 'colours.json').notes).to.equal(undefined);
  });

  it('says nothing for a layer whose text says its scores are percentages, nor for a count word only in a path', () => {
    // attack-layers' own coverage layer: percentages on 0..100, its description naming "the rules" and its folder.
    const own = heatmap(
      {
        gradient: { colors: ['#ffffff', '#1a7f37'], minValue: 0, maxValue: 100 },
        description: 'What the coverage inputs detect (sigma /srv/test/rules). coverage = best level (0-100 %) of the rules counting for the technique',
      },
      [5, 60, 15],
    );
    expect(parseCoverageLayer(own, 'coverage.layer.json').notes).to.equal(undefined);
    const legend = heatmap({ gradient: { colors: ['#ffffff', '#1a7f37'], minValue: 0, maxValue: 100 }, description: 'rules', legendItems: [{ label: 'fully covered (100%)', color: '#1a7f37' }] }, [5, 60]);
    expect(parseCoverageLayer(legend, 'legend.json').notes).to.equal(undefined);
    const path = heatmap({ gradient: { colors: ['#ffffff', '#1a7f37'], minValue: 0, maxValue: 100 }, description: 'read from /srv/test/sigma' }, [5, 60]);
    expect(parseCoverageLayer(path, 'path.json').notes).to.equal(undefined);
    // Said without a percentage, "rules" still tells counts (HawkinsOps' layer, above).
    expect(parseCoverageLayer(heatmap({ gradient: { colors: ['#ffffff', '#1a7f37'], minValue: 0, maxValue: 100 }, description: 'rules' }, [5, 60]), 'rules.json').notes?.[0]).to.contain(
      'its scores look like counts (whole numbers, and its description says "rules")',
    );
  });

  it('says nothing for percentages (0..100), levels (0..5), fractions, a scale given or when every count is at 50% or more', () => {
    const on = (maxValue: number, scores: number[]) => heatmap({ gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue } }, scores);
    expect(parseCoverageLayer(on(100, [100, 25, 50]), 'percent.json').notes).to.equal(undefined);
    expect(parseCoverageLayer(on(5, [5, 1, 3]), 'levels.json').notes).to.equal(undefined);
    expect(parseCoverageLayer(on(48, [48, 12.5]), 'fractions.json').notes).to.equal(undefined);
    expect(parseCoverageLayer(on(48, [48, 13]), 'scaled.json', { scale: [0, 1] }).notes).to.equal(undefined);
    expect(parseCoverageLayer(on(48, [48, 30]), 'high.json').notes).to.equal(undefined);
  });

  it('sums up the entries past a scale the user gave in one line per layer, by JSON path, not one warning each', () => {
    const input = parseCoverageLayer(heatmap({}, [48, 13, 16, 24, 8, 0]), 'sigma.json', { scale: [0, 1] });
    expect(input.problems).to.deep.equal([
      {
        file: 'sigma.json',
        line: 1,
        message: 'the layer: 5 entries score above the given scale 0..1, counted as 100%: /techniques/0 (T1000 48), /techniques/1 (T1001 13), /techniques/2 (T1002 16) and 2 more',
        skipped: false,
      },
    ]);
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([1, 1, 1, 1, 1, 0]);
    // In an array of layers the path starts at the layer's place.
    const two = `[${heatmap({}, [0]) },${heatmap({}, [3])}]`;
    expect(parseCoverageLayers(two, 'two.json', { scale: [0, 1] })[1]!.problems.map((problem) => problem.message)).to.deep.equal([
      'layer 2: 1 entry scores above the given scale 0..1, counted as 100%: /1/techniques/0 (T1000 3)',
    ]);
  });
});

describe('readCoverageLayers: a colour-only layer read through its legend', () => {
  // Labels of real colour-only coverage layers' legends (CyberBlue, a purple-team playbook, an Atomic Red Team report,
  // a simulation lab, a red-team plan), each read alone: the level it says, or undefined when it says none.
  const labels: ReadonlyArray<readonly [label: string, level: number | undefined]> = [
    ['Full Detection', 1],
    ['Detected', 1],
    ['IMMUNIS Detects', 1],
    ['Full Coverage', 1],
    ['Partial Detection', 0.5],
    ['Partial', 0.5],
    ['No Detection', 0],
    ['Not Detected', 0],
    ['Executed, no detection', 0],
    ['Undetected', 0],
    ['Missed', 0],
    ['Coverage Gap', 0],
    ['No Coverage', 0],
    ['Not Tested', undefined],
    ['Untested', undefined],
    ['Planned', undefined],
    ['Completed', undefined],
    // Purple-team outcomes (a BAS playbook's BLOCKED, ALERTED, LOGGED, MISSED; PurpleKit's prevented, alerted, logged,
    // not logged): what was stopped or alerted on is detected, what was only recorded is partial.
    ['Blocked', 1],
    ['Prevented', 1],
    ['Alerted', 1],
    ['Logged', 0.5],
    ['Telemetry', 0.5],
    ['Not Logged', 0],
    ['Logged, not alerted', 0.5],
    ['Alerted but not blocked', 1],
    ['Not blocked', undefined],
    // A degree beside a word of detection says the level; alone it may rate a risk or a priority.
    ['Mostly detected', 0.75],
    ['Low coverage', 0.25],
    ['High detection', 0.75],
    ['Partially detected', 0.5],
    ['High', undefined],
    ['Low', undefined],
    ['Significant', undefined],
    // CTID's security-stack-mappings legend (GCP/layers/Chronicle.json): a degree of a detection says its level, a
    // degree of a protection or a response says none, "Partial" as "Significant" and "Minimal" do.
    ['Detect - Minimal', 0.25],
    ['Detect - Partial', 0.5],
    ['Protect - Partial', undefined],
    ['Protect - Significant', undefined],
    ['Respond - Partial', undefined],
    ['Mixed - Partial', undefined],
    // DeTT&CT's detection scoring table, as its layers label their colours and generators copy it (a Tanium
    // detections script): the score / 5, as a DeTT&CT file is read; by words, score 0 read 100 %, scores 3 and 4 both 75 %.
    ['Detection score 0: Forensics/Context', 0],
    ['Detection score 1: Basic', 0.2],
    ['Detection score 3: Good', 0.6],
    ['Detection score 4: Very good', 0.8],
    ['Detection score 5: Excellent', 1],
    // DeTT&CT's group overlay layers (navigator_layer.py's get_layer_template_groups, rabobank-cdc/DeTTECT@e5131ad) write
    // the table after what the colour marks; by words, score 0 read 100 % ("detection") and score 3 100 %.
    ['Tech. in detection, score 3: Good', 0.6],
    ['Tech. in group/campaign + detection score 0: Forensics/Context', 0],
    // A degree rates how much of what its word says: "Fully logged" is logged, 50 %, not 100 %.
    ['Fully logged', 0.5],
    // The item combine writes for a colour two layers' legends label differently.
    ['Not Detected ("run 1"); Detected ("Red Team Assessment")', undefined],
    ['Detected ("run 1", "run 2"); Full Detection ("CyberBlue")', 1],
    // Legends of published layers in other languages: heraclescap/soc-lab-detection-engineering's navigator-layer.json
    // (French, "Couvert" = covered), a PurpleForge export (French), a NetGuard IDS export (Portuguese); the Spanish
    // and German rows are the same words in those languages.
    ['Couvert — règle KQL/EQL déclenchée', 1],
    ['Couvert — Critical (LSASS)', 1],
    ['Détecté', 1],
    ['Non détecté', 0],
    ['À construire', undefined],
    ['Détection partielle', 0.5],
    ['Detectado (alto)', 1],
    ['Não detectado', 0],
    ['Cobertura parcial', 0.5],
    ['Detectado', 1],
    ['No detectado', 0],
    ['Sin cobertura', 0],
    ['Erkannt', 1],
    ['Nicht erkannt', 0],
    ['Teilweise abgedeckt', 0.5],
    ['Protokolliert', 0.5],
    ['Blockiert', 1],
  ];
  // DeTT&CT's visibility table (get_layer_template_visibility) rates log data, no detection (its wiki's Visibility
  // scoring): no level; the entry's visibility score is kept, to be reported beside the technique.
  for (const [label, score] of [['Visibility score 4: Excellent', 4], ['Visibility score 1: Minimal', 1]] as const) {
    it(`reads "${label}" as no level, visibility ${score}`, () => {
      const layer = { name: 'l', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059.001', color: '#2CA02C' }], legendItems: [{ label, color: '#2ca02c' }] };
      const input = parseCoverageLayer(JSON.stringify(layer), 'l.json');
      expect(input.rules).to.deep.equal([]);
      expect(input.ignored.map(({ reason }) => reason)).to.deep.equal([VISIBILITY_ONLY_REASON]);
      expect(input.visibility?.map((v) => [v.refs[0]!.raw, v.score, v.name])).to.deep.equal([['T1059.001', score, 'l']]);
      expect(input.notes?.[0]).to.contain(`read through its legend, "${label}" (#2ca02c) as visibility ${score}, not coverage (1 entry)`);
    });
  }
  for (const [label, level] of labels) {
    it(`reads "${label}" as ${level === undefined ? 'no level' : `${level * 100}%`}`, () => {
      const layer = { name: 'l', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059.001', color: '#2CA02C' }], legendItems: [{ label, color: '#2ca02c' }] };
      const input = parseCoverageLayer(JSON.stringify(layer), 'l.json');
      expect(input.rules.map((rule) => rule.level)).to.deep.equal(level === undefined ? [] : [level]);
      if (level === undefined) expect(input.ignored.map(({ reason }) => reason)[0]).to.match(/^no score, and the legend item of its colour #2ca02c, ".*", says ((.*, )?no coverage level|different levels in its parts)$/);
    });
  }

  // A detection-gaps layer's colours (Detected #8ec843, Not detected #ff6666, as in the test above) written short in the
  // legend and long on the entries: Navigator 5.1 paints #f66 and #ff6666 alike, so the legend says each entry's state.
  it('reads an entry\'s colour through a legend item that writes it short (#f66 is #ff6666, #8EC843 is #8ec843)', () => {
    const layer = {
      name: 'Detection gaps',
      domain: 'enterprise-attack',
      legendItems: [{ label: 'Detected', color: '#8EC843' }, { label: 'Not detected', color: '#f66' }],
      techniques: [{ techniqueID: 'T1003.001', color: '#ff6666' }, { techniqueID: 'T1059.001', color: '#8ec843' }, { techniqueID: 'T1110', color: '#F66F' }],
    };
    const input = parseCoverageLayer(JSON.stringify(layer), 'gaps.json');
    expect(input.ignored).to.deep.equal([]);
    expect(input.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([['T1003.001', 0], ['T1059.001', 1], ['T1110', 0]]);
  });

  it('reads "Blocked" as no level in a legend of a test plan\'s statuses (Planned, Completed), and as 100% elsewhere', () => {
    const layer = (labels: string[]) => ({
      name: 'l',
      domain: 'enterprise-attack',
      techniques: [{ techniqueID: 'T1059.001', color: '#ff0000' }],
      legendItems: labels.map((label, i) => ({ label, color: i === 0 ? '#ff0000' : `#00000${i}` })),
    });
    const plan = parseCoverageLayer(JSON.stringify(layer(['Blocked', 'Planned', 'Completed'])), 'plan.json');
    expect(plan.rules).to.deep.equal([]);
    expect(plan.ignored.map(({ reason }) => reason)).to.deep.equal([
      'no score, and the legend item of its colour #ff0000, "Blocked", says "Blocked", a status of a test plan (its legend has planned or completed tests), no coverage level',
    ]);
    const outcomes = parseCoverageLayer(JSON.stringify(layer(['Blocked', 'Alerted', 'Logged', 'Missed'])), 'outcomes.json');
    expect(outcomes.rules.map((rule) => [rule.level, rule.levelReason])).to.deep.equal([[1, 'no score; colour #ff0000, legend "Blocked" -> 1']]);
  });

  // CyberBlue's detection coverage layer as published: T1059.001 red, "No Detection", commented "Detected by Wazuh
  // PowerShell monitoring"; it counted as 0% without a word.
  it('ignores, saying both, an entry whose comment says detected where its colour says none (and the other way round); a comment that says less is no contradiction', () => {
    const layer = {
      name: 'CyberBlue Detection Coverage',
      domain: 'enterprise-attack',
      techniques: [
        { techniqueID: 'T1059.001', color: '#ff0000', comment: 'Detected by Wazuh PowerShell monitoring' },
        { techniqueID: 'T1021.002', color: '#00ff00', comment: 'Not detected in the last run' },
        { techniqueID: 'T1003.001', color: '#ff0000', comment: 'Sysmon process access logged, no rule' },
        { techniqueID: 'T1110.001', color: '#ffff00', comment: 'Detected by Suricata' },
      ],
      legendItems: [
        { label: 'Full Detection', color: '#00ff00' },
        { label: 'Partial Detection', color: '#ffff00' },
        { label: 'No Detection', color: '#ff0000' },
      ],
    };
    const input = parseCoverageLayer(JSON.stringify(layer), 'cyberblue.json');
    expect(input.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([['T1003.001', 0], ['T1110.001', 0.5]]);
    expect(input.ignored.map(({ name, reason }) => [name, reason])).to.deep.equal([
      [
        'T1059.001',
        'no score, and its comment ("Detected by Wazuh PowerShell monitoring") says detected where the legend item of its colour #ff0000, "No Detection", says not detected; which holds is not guessed: make the colour or the comment say what is true',
      ],
      [
        'T1021.002',
        'no score, and its comment ("Not detected in the last run") says not detected where the legend item of its colour #00ff00, "Full Detection", says detected; which holds is not guessed: make the colour or the comment say what is true',
      ],
    ]);
    expect(input.notes?.[0]).to.contain('1 entry ignored (T1059.001): its comment ("Detected by Wazuh PowerShell monitoring") says detected where');
  });

  // Two published layers whose legends are in French, in their shapes (minimal fixtures written here): a SOC lab's
  // colour-only coverage layer (heraclescap/soc-lab-detection-engineering, navigator-layer.json: every legend item
  // "Couvert — …", covered), and a PurpleForge export (every entry score 0 and its status's colour, legend "Détecté",
  // "À construire", "Non détecté"). Read by English words alone, the first gave no coverage and the second counted
  // its detected techniques as 0 %, without a word.
  it('reads a legend in French as one in English (a SOC lab\'s "Couvert — …", PurpleForge\'s "Détecté")', () => {
    const soc = {
      name: 'soc-lab-detection-engineering',
      versions: { attack: '18', layer: '4.5' },
      domain: 'enterprise-attack',
      techniques: [
        { techniqueID: 'T1105', tactic: 'command-and-control', color: '#3d85c8', comment: 'Cas 01 — CertUtil LOLBin.' },
        { techniqueID: 'T1003.001', tactic: 'credential-access', color: '#cc0000', comment: 'Cas 04 — LSASS Memory Read.' },
        { techniqueID: 'T1071', tactic: 'command-and-control', color: '#6aa84f', comment: 'Cas 05 — C2 Pattern EQL sequence.' },
      ],
      gradient: { colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 },
      legendItems: [
        { label: 'Couvert — règle KQL/EQL déclenchée', color: '#3d85c8' },
        { label: 'Couvert — Critical (LSASS)', color: '#cc0000' },
        { label: 'Couvert — corrélation EQL + IOC Match', color: '#6aa84f' },
      ],
    };
    const socInput = parseCoverageLayer(JSON.stringify(soc), 'navigator-layer.json');
    expect(socInput.ignored).to.deep.equal([]);
    expect(socInput.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([['T1105', 1], ['T1003.001', 1], ['T1071', 1]]);
    const purpleForge = {
      name: 'Campagne',
      versions: { attack: '14', navigator: '4.9', layer: '4.5' },
      domain: 'enterprise-attack',
      techniques: [
        { techniqueID: 'T1059.001', tactic: 'execution', color: '#2e7d32', comment: '', enabled: true, score: 0, metadata: [] },
        { techniqueID: 'T1105', tactic: 'command-and-control', color: '#e65100', comment: '', enabled: true, score: 0, metadata: [] },
        { techniqueID: 'T1566.001', tactic: 'initial-access', color: '#b71c1c', comment: '', enabled: true, score: 0, metadata: [] },
      ],
      gradient: { colors: ['#ff6666ff', '#ffe766ff', '#8ec843ff'], minValue: 0, maxValue: 100 },
      legendItems: [{ label: 'Détecté', color: '#2e7d32' }, { label: 'À construire', color: '#e65100' }, { label: 'Non détecté', color: '#b71c1c' }],
    };
    const pfInput = parseCoverageLayer(JSON.stringify(purpleForge), 'purpleforge-navigator.json');
    expect(pfInput.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([['T1059.001', 1], ['T1105', 0], ['T1566.001', 0]]);
    expect(pfInput.notes?.[0]).to.contain('"Détecté" (#2e7d32) as 100% (1 entry), "Non détecté" (#b71c1c) as 0% (1 entry)');
  });

  // A comment in those languages that says how to detect (a verb, a noun as a topic) says no state, as in English; a
  // participle does ("Détecté par Sysmon" beside "Non détecté" contradicts it).
  it('reads a state from a French comment as from an English one, and none from one that says how to detect', () => {
    const layer = {
      name: 'l',
      domain: 'enterprise-attack',
      legendItems: [{ label: 'Détecté', color: '#2e7d32' }, { label: 'Non détecté', color: '#b71c1c' }],
      techniques: [
        { techniqueID: 'T1003.001', color: '#b71c1c', comment: "Détecte l'accès à la mémoire de LSASS" },
        { techniqueID: 'T1059.001', color: '#b71c1c', comment: 'Détection des scripts PowerShell encodés' },
        { techniqueID: 'T1105', color: '#b71c1c', comment: 'Détecté par Sysmon' },
      ],
    };
    const input = parseCoverageLayer(JSON.stringify(layer), 'l.json');
    expect(input.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([['T1003.001', 0], ['T1059.001', 0]]);
    expect(input.ignored.map(({ name }) => name)).to.deep.equal(['T1105']);
  });

  // ATT&CK's detection strategies ("Detect Abuse of vSphere Installation Bundles (VIBs) for Persistent Access") and
  // analytics ("Monitor /var/log/audit/audit.log and DNS resolver logs…", "Detects suspicious access to macOS Keychain
  // files…") say how to detect: a layer that copies them beside a gap's red says what to build, not that it is built.
  // Read as states, 1,339 of ATT&CK 18.1's 2,430 texts said "detected" against "Not detected", and 84 "not detected"
  // ("Detection of Non-Application Layer Protocols for C2", "non" read as a negation) against "Detected".
  it("reads no state from a comment that says how to detect (ATT&CK 18.1's detection strategies and analytics)", () => {
    const texts = readRawBundle(stixFile('enterprise-attack-18.1.json.gz'))
      .objects.filter((object) => object.type === 'x-mitre-detection-strategy' || object.type === 'x-mitre-analytic')
      .map((object) => (object.type === 'x-mitre-analytic' ? object['description'] : object['name']) as string);
    expect(texts.length).to.be.above(2000);
    for (const [color, label] of [['#ff6666', 'Not detected'], ['#8ec843', 'Detected']] as const) {
      const layer = {
        name: 'Detection gaps',
        domain: 'enterprise-attack',
        techniques: texts.map((comment) => ({ techniqueID: 'T1003.001', color, comment })),
        legendItems: [{ label: 'Detected', color: '#8ec843' }, { label: 'Not detected', color: '#ff6666' }],
      };
      const input = parseCoverageLayer(JSON.stringify(layer), 'gaps.json');
      expect(input.ignored.map(({ reason }) => reason).filter((reason) => reason.includes('its comment'))).to.deep.equal([]);
      expect(input.rules).to.have.length(texts.length);
      expect(new Set(input.rules.map((rule) => rule.level))).to.deep.equal(new Set([label === 'Detected' ? 1 : 0]));
    }
    // A state beside them still contradicts: short, its word of detection a participle or qualified by a negation.
    const states = { name: 'l', domain: 'enterprise-attack', legendItems: [{ label: 'Not detected', color: '#ff6666' }], techniques: [
      { techniqueID: 'T1003.001', color: '#ff6666', comment: 'Detected by Sysmon EID 10 rule' },
      { techniqueID: 'T1059.001', color: '#ff6666', comment: 'Full detection' },
    ] };
    expect(parseCoverageLayer(JSON.stringify(states), 'l.json').ignored.map(({ name }) => name)).to.deep.equal(['T1003.001', 'T1059.001']);
  });

  // DeTT&CT's generated detection layer (rabobank-cdc/DeTTECT@e5131ad navigator_layer.py get_layer_template_detections,
  // technique_mapping.py _map_and_colorize_techniques_for_detections @4e89105): each entry its detection score 0..5
  // and that score's colour, on a gradient grey at both ends, 0..10000, which paints nothing; a reconstruction.
  // Read on that gradient, score 5 counted as 0.05 %: every technique a gap.
  it("reads a scored entry by its DeTT&CT score when the legend is DeTT&CT's scoring table, whatever the gradient (DeTT&CT's detection layer)", () => {
    const entry = (techniqueID: string, tactic: string, score: number, color: string) => ({
      techniqueID, tactic, score, color, comment: '', enabled: true,
      metadata: [{ name: '-Applicable to', value: 'all' }, { name: '-Detection score', value: String(score) }],
    });
    const layer = {
      name: 'Detections example',
      versions: { layer: '4.5', attack: '18' },
      domain: 'enterprise-attack',
      techniques: [
        entry('T1059.001', 'execution', 5, '#33691E'),
        entry('T1003.001', 'credential-access', 2, '#AED581'),
        entry('T1021.002', 'lateral-movement', 0, '#9C27B0'),
        { techniqueID: 'T1059', showSubtechniques: true },
      ],
      gradient: { colors: ['#aeb6bf', '#aeb6bf'], minValue: 0, maxValue: 10000 },
      legendItems: [0, 1, 2, 3, 4, 5].map((score) => ({
        label: `Detection score ${score}: ${['Forensics/Context', 'Basic', 'Fair', 'Good', 'Very good', 'Excellent'][score]}`,
        color: ['#9C27B0', '#DCEDC8', '#AED581', '#8BC34A', '#689F38', '#33691E'][score],
      })),
    };
    const input = parseCoverageLayer(JSON.stringify(layer), 'detection_example.json');
    expect(input.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([['T1059.001', 1], ['T1003.001', 0.4], ['T1021.002', 0]]);
    expect(input.rules[1]!.levelReason).to.equal('score 2, a DeTT&CT detection score (its legend is DeTT&CT\'s detection scoring table): "Detection score 2: Fair" -> 0.4');
    expect(input.notes).to.deep.equal([
      'coverage layer detection_example.json ("Detections example"): its legend is DeTT&CT\'s detection scoring table, so its 3 scored entries are read by their DeTT&CT detection scores, whatever the gradient: ' +
        '"Detection score 0: Forensics/Context" as 0% (1 entry), "Detection score 2: Fair" as 40% (1 entry), "Detection score 5: Excellent" as 100% (1 entry); ' +
        'a detection score counts as score / 5, as a DeTT&CT file is read (docs/gap.md)',
    ]);
    // A scale the user gives is the user's reading.
    expect(parseCoverageLayer(JSON.stringify(layer), 'detection_example.json', { scale: [0, 10] }).rules.map((rule) => rule.level)).to.deep.equal([0.5, 0.2, 0]);
    // A score the table does not label (a generator that copied the legend and scores 0..100) leaves the layer on its gradient.
    const percentages = { ...layer, techniques: [...layer.techniques, entry('T1105', 'command-and-control', 60, '#8BC34A')] };
    expect(parseCoverageLayer(JSON.stringify(percentages), 'copied.json', {}).rules.map((rule) => rule.levelReason)[0]).to.match(/one colour, paints no level/);
  });

  // A red-team report generator's layer (find_string id 21153707730, its repository not named by the index): every
  // technique used scored 1 on a gradient 0..1 and painted "Detected" (#ff6666) or "Undetected" (#66ff66) by its legend.
  // Navigator shows each entry's colour; read by the score, the two undetected techniques counted 100% covered.
  it('reads scored entries by their colours when every entry has one score and the colours are legend items of different levels', () => {
    const entry = (techniqueID: string, detected: boolean) => ({ techniqueID, score: 1, color: detected ? '#ff6666' : '#66ff66', comment: 'Used in PATH-1' });
    const layer = {
      name: 'Red Team Assessment',
      versions: { attack: '11', navigator: '4.5', layer: '4.3' },
      domain: 'enterprise-attack',
      techniques: [entry('T1059.001', true), entry('T1003.001', false), entry('T1021.002', false)],
      gradient: { colors: ['#66ff66', '#ff6666'], minValue: 0, maxValue: 1 },
      legendItems: [{ label: 'Undetected', color: '#66ff66' }, { label: 'Detected', color: '#ff6666' }],
    };
    const input = parseCoverageLayer(JSON.stringify(layer), 'redteam.json');
    expect(input.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([['T1059.001', 1], ['T1003.001', 0], ['T1021.002', 0]]);
    expect(input.rules[1]!.levelReason).to.equal('score 1, every scored entry\'s, says no level; colour #66ff66, legend "Undetected" -> 0');
    expect(input.notes).to.deep.equal([
      'coverage layer redteam.json ("Red Team Assessment"): every scored entry scores 1, which says no level, and Navigator shows each entry\'s own colour over the gradient\'s: ' +
        '3 scored entries read by that colour through its legend, "Undetected" (#66ff66) as 0% (2 entries), "Detected" (#ff6666) as 100% (1 entry); ' +
        'if the scores are the coverage meant, review with scale: [0, N], N the score of full coverage (docs/gap.md)',
    ]);
    // Scores that differ say levels: read on the gradient, as before; so are colours that all say one level.
    const scored = { ...layer, techniques: [entry('T1059.001', true), { ...entry('T1003.001', false), score: 0 }] };
    expect(parseCoverageLayer(JSON.stringify(scored), 'redteam.json').rules.map((rule) => rule.level)).to.deep.equal([1, 0]);
    const allDetected = { ...layer, techniques: [entry('T1059.001', true), entry('T1003.001', true)] };
    expect(parseCoverageLayer(JSON.stringify(allDetected), 'redteam.json').rules.map((rule) => rule.levelReason)).to.deep.equal(['score 1 on the layer gradient 0..1 -> 1', 'score 1 on the layer gradient 0..1 -> 1']);
    // A scale the user gives is the user's reading.
    expect(parseCoverageLayer(JSON.stringify(layer), 'redteam.json', { scale: [0, 1] }).rules.map((rule) => rule.level)).to.deep.equal([1, 1, 1]);
  });

  // DeTT&CT's visibility layer as its releases of layer format 4.2 wrote it (rabobank-cdc/DeTTECT navigator_layer.py
  // get_layer_template_visibility of layer format 4.2: the legend "Visibility score 1: Minimal" … "4: Excellent", no
  // gradient; technique_mapping.py _map_and_colorize_techniques_for_visibility: score = the visibility score, colour
  // COLOR_V_<score>, score null for 0, the other techniques with data-source metadata only); a reconstruction.
  // Read on Navigator's 0..100, visibility 4 counted as 4 %, detection 5 of such a detection layer as 5 %. Visibility
  // is log data, no detection (DeTT&CT wiki, Visibility scoring and Detection scoring: detection 0 is "no detection,
  // but the technique is being logged"): no entry is coverage, each score is kept to be reported beside its technique.
  it("reads a DeTT&CT visibility layer without a gradient by its visibility scores, as visibility, not coverage", () => {
    const colours = ['', '#BBDEFB', '#64B5F6', '#1976D2', '#0D47A1'];
    const entry = (techniqueID: string, score: number | null) => ({
      techniqueID, color: colours[score ?? 0], comment: '', enabled: true, score,
      metadata: [{ name: 'ATT&CK data sources', value: 'Process: Process Creation' }, { divider: true }, { name: 'Applicable to', value: 'all' }, { name: 'Visibility score', value: String(score ?? 0) }],
    });
    const layer = {
      name: 'Visibility example',
      versions: { navigator: '4.4', layer: '4.2' },
      domain: 'enterprise-attack',
      techniques: [entry('T1059.001', 4), entry('T1566.001', 3), entry('T1547.001', 1), entry('T1053.005', null), { techniqueID: 'T1105', comment: '', enabled: true, metadata: [{ name: 'ATT&CK data sources', value: 'File: File Creation' }] }],
      legendItems: ['Minimal', 'Medium', 'Good', 'Excellent'].map((word, i) => ({ label: `Visibility score ${i + 1}: ${word}`, color: colours[i + 1] })),
    };
    const input = parseCoverageLayer(JSON.stringify(layer), 'visibility_example.json');
    expect(input.rules).to.deep.equal([]);
    expect(input.visibility?.map((v) => [v.refs[0]!.raw, v.score, v.name])).to.deep.equal([
      ['T1059.001', 4, 'Visibility example'],
      ['T1566.001', 3, 'Visibility example'],
      ['T1547.001', 1, 'Visibility example'],
    ]);
    expect(input.notes![0]).to.equal(
      'coverage layer visibility_example.json ("Visibility example"): its legend is DeTT&CT\'s visibility scoring table, so its 3 scored entries are read by their DeTT&CT visibility scores, whatever the gradient: ' +
        '"Visibility score 1: Minimal" (1 entry), "Visibility score 3: Good" (1 entry), "Visibility score 4: Excellent" (1 entry); ' +
        'a visibility score rates the log data a technique leaves, which makes a detection possible, not one: none counts as coverage, each is reported beside its technique (visible, no detection), ' +
        "as a DeTT&CT file's visibility is; for detection coverage give readCoverageInputs the DeTT&CT technique administration file, or its detection layer beside this one (docs/gap.md)",
    );
    // Visibility 0 (score null) is no visibility: ignored, not kept; the note on it speaks of no overlay's colours.
    expect(input.ignored.map(({ name, reason }) => [name, reason])).to.deep.equal([
      ['T1059.001', VISIBILITY_ONLY_REASON],
      ['T1566.001', VISIBILITY_ONLY_REASON],
      ['T1547.001', VISIBILITY_ONLY_REASON],
      ['T1053.005', 'no score, and its metadata gives no DeTT&CT detection score and visibility 0 (none)'],
      ['T1105', 'no score'],
    ]);
    expect(input.notes!.join("\n")).to.contain("(DeTT&CT writes each technique's scores there); 1 entry with visibility alone ignored as coverage (T1053.005)");
    // The same layer as DeTT&CT writes it from layer format 4.3 on, on its grey 0..10000, reads the same.
    const current = { ...layer, versions: { navigator: '4.5', layer: '4.3' }, gradient: { colors: ['#aeb6bf', '#aeb6bf'], minValue: 0, maxValue: 10000 } };
    const read = parseCoverageLayer(JSON.stringify(current), 'visibility_example.json');
    expect([read.rules.length, read.visibility?.map((v) => v.score)]).to.deep.equal([0, [4, 3, 1]]);
    expectBookkeeping(input);
  });

  it('reads no level for a colour two legend items give different levels, and none as threat', () => {
    const layer = { name: 'l', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059.001', color: '#2ca02c' }], legendItems: [{ label: 'Detected', color: '#2ca02c' }, { label: 'Missed', color: '#2CA02C' }] };
    const input = parseCoverageLayer(JSON.stringify(layer), 'l.json');
    expect(input.ignored.map(({ reason }) => reason)).to.deep.equal(['no score, and the legend items of its colour #2ca02c ("Detected", "Missed") say different things']);
    // As threat, a coloured entry is a technique used, whatever its legend says.
    expect(parseCoverageLayer(JSON.stringify(layer), 'l.json', { role: 'threat' }).rules.map((rule) => rule.level)).to.deep.equal([1]);
  });
});

describe('readCoverageLayers: a legend item that says a test, read by its place in the legend', () => {
  // An ICS detection-coverage layer, in our words, as the brief describes such layers: colour-only entries and a
  // legend "Tested (lab-validated)", "Partially covered", "Not covered". Before: T0800 ignored, '"Tested
  // (lab-validated)", says no coverage level'.
  const ics = (labels: readonly string[]) => ({
    name: 'ICS detection coverage',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'ics-attack',
    techniques: labels.map((_, i) => ({ techniqueID: ['T0800', 'T0803', 'T0804'][i], color: ['#31a354', '#fdae6b', '#e6550d'][i] })),
    legendItems: labels.map((label, i) => ({ label, color: ['#31a354', '#fdae6b', '#e6550d'][i] })),
  });

  it('reads "Tested (lab-validated)" listed above "Partially covered" and "Not covered" as their top, 100%, saying so', () => {
    const input = parseCoverageLayer(JSON.stringify(ics(['Tested (lab-validated)', 'Partially covered', 'Not covered'])), 'ics.json');
    expect(input.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([['T0800', 1], ['T0803', 0.5], ['T0804', 0]]);
    expect(input.notes?.[0]).to.contain(
      '"Tested (lab-validated)" (#31a354) as 100%, the top of its legend, above "Partially covered" (50%), the legend ordered by level; "tested" says no level by itself (1 entry)',
    );
    expectBookkeeping(input);
  });

  it('reads a test listed below levels that run up to it ("Not covered", "Partially covered", "Validated") as the top too', () => {
    const input = parseCoverageLayer(JSON.stringify(ics(['Validated', 'Partially covered', 'Not covered'].reverse())), 'ics.json');
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([0, 0.5, 1]);
    expect(input.notes?.[0]).to.contain('"Validated" (#e6550d) as 100%, the top of its legend, below "Partially covered" (50%)');
  });

  it('reads no level for a test between two levels, or beside one level alone, saying why with the labels', () => {
    const between = parseCoverageLayer(JSON.stringify(ics(['Detected', 'Tested', 'Not detected'])), 'ics.json');
    expect(between.rules.map((rule) => rule.level)).to.deep.equal([1, 0]);
    expect(between.ignored.map(({ reason }) => reason)).to.deep.equal([
      'no score, and the legend item of its colour #fdae6b, "Tested", says "tested", which is no coverage level by itself, and its place in the legend does not say one: ' +
        'it is not at the end of the legend\'s levels in their order ("Detected" 100%, "Not detected" 0%)',
    ]);
    const alone = parseCoverageLayer(JSON.stringify(ics(['Tested', 'Not covered'])), 'ics.json');
    expect(alone.ignored.map(({ reason }) => reason)[0]).to.contain('the legend\'s other items say one level ("Not covered" 0%), no order to place it by');
    // "Not tested" says not tested, whatever its place.
    const not = parseCoverageLayer(JSON.stringify(ics(['Not tested', 'Partially covered', 'Not covered'])), 'ics.json');
    expect(not.ignored.map(({ reason }) => reason)[0]).to.contain('says not tested, no coverage level');
  });

  // test/fixtures/layers/public/ics-rule-coverage-4.5.json: the layout of an ICS rule-coverage generator ("OT
  // Sentinel", generate_navigator_layer.py): green "Tested (lab-validated)", orange "Experimental (pending test)", grey
  // "No coverage", on a gradient grey, orange, green. Before, the 4 tested and experimental entries were ignored.
  it('reads a test or a rule maturity by its colour\'s stop on the gradient, where the worded levels sit in its order', () => {
    const input = readCoverageLayer(join(fixtures, '..', '..', 'layers', 'public', 'ics-rule-coverage-4.5.json'));
    expect(input.rules.map((rule) => [rule.refs[0]!.raw, rule.level])).to.deep.equal([
      ['T0886', 1], ['T0886', 1], ['T0846', 0.5], ['T0821', 0], ['T0855', 0.5], ['T0855', 0], ['T0869', 0], ['T0891', 0],
    ]);
    expect(input.notes?.[0]).to.contain('"Tested (lab-validated)" (#4caf50) as 100%, its colour the gradient\'s stop 3 of 3; "tested" says no level by itself (2 entries), "Experimental (pending test)" (#ff9800) as 50%, its colour the gradient\'s stop 2 of 3; "experimental" says no level by itself (2 entries)');
    // A gradient whose order the worded levels contradict (green for "No coverage") says nothing of the others.
    const text = readFileSync(join(fixtures, '..', '..', 'layers', 'public', 'ics-rule-coverage-4.5.json'), 'utf8').replace('"colors": ["#f5f5f5", "#ff9800", "#4caf50"]', '"colors": ["#4caf50", "#ff9800", "#f5f5f5"]');
    const reversed = parseCoverageLayer(text, 'reversed.json');
    expect(reversed.ignored.map(({ reason }) => reason)).to.include('no score, and the legend item of its colour #ff9800, "Experimental (pending test)", says no coverage level');
  });

  // SheriffBLN/defender-lab-framework mapping/mitre-navigator/layer.json (97c9206701836a2646f6a22343ec3e3df1f8e068)
  // labels its colours "Tested in lab", "Audit only" and "Pending" (it scores its entries 1 too); colour-only, as here,
  // "Pending" makes it a test plan's legend, no item says a level, and nothing counts: said, not guessed.
  it('reads no level from a test plan\'s legend ("Tested in lab", "Audit only", "Pending"), saying the legend says none', () => {
    const layer = {
      name: 'defender-lab-framework - Auto Generated Mapping',
      domain: 'enterprise-attack',
      techniques: [{ techniqueID: 'T1098.003', color: '#66ff66' }, { techniqueID: 'T1136.001', color: '#ffff66' }],
      legendItems: [{ label: 'Tested in lab', color: '#66ff66' }, { label: 'Audit only', color: '#ffff66' }, { label: 'Pending', color: '#cccccc' }],
    };
    const input = parseCoverageLayer(JSON.stringify(layer), 'layer.json');
    expect(input.rules).to.deep.equal([]);
    expect(input.notes?.[0]).to.contain('its legend says no coverage level ("Tested in lab" #66ff66, "Audit only" #ffff66, "Pending" #cccccc), so none counts');
  });
});

describe('readCoverageLayers: a threat layer painted in several colours without scores', () => {
  it("says its colours rank nothing the review reads (CTID insider-threat-ttp-kb's exfil_heat.json: red, orange, yellow)", () => {
    // A reconstruction of exfil_heat.json's shape: entries of three colours, no score, no legend; one entry per colour here.
    const heat = (legendItems: unknown[] = []) =>
      JSON.stringify({
        name: 'layer1',
        domain: 'enterprise-attack',
        techniques: [
          { techniqueID: 'T1052', tactic: 'exfiltration', color: '#fc3b3b' },
          { techniqueID: 'T1213', tactic: 'collection', color: '#FC3B3B' },
          { techniqueID: 'T1567', tactic: 'exfiltration', color: '#fd8d3c' },
          { techniqueID: 'T1011', tactic: 'exfiltration', color: '#fce93bff' },
        ],
        legendItems,
      });
    const input = parseCoverageLayer(heat(), 'heat.json', { role: 'threat' });
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([1, 1, 1, 1]);
    expect(input.notes).to.deep.equal([
      'threat layer heat.json ("layer1"): its 4 entries coloured without a score weigh 1 each whatever their colour, and they have 3 colours ' +
        '(#fc3b3b 2 entries, #fce93b 1 entry, #fd8d3c 1 entry), an order the review does not read; if a colour means more threat than another, ' +
        'give its entries higher scores (docs/gap.md)',
    ]);
    // A legend's labels are named beside their colours.
    expect(parseCoverageLayer(heat([{ label: 'Most used', color: '#fc3b3b' }]), 'heat.json', { role: 'threat' }).notes?.[0]).to.contain('(#fc3b3b "Most used" 2 entries, ');
    // One colour marks techniques (Bear_APT.json), and coverage reads colours through its legend: nothing to say.
    expect(parseCoverageLayer(heat().replace(/#fd8d3c|#fce93bff/g, '#fc3b3b'), 'one.json', { role: 'threat' }).notes).to.equal(undefined);
    expect(parseCoverageLayer(heat(), 'heat.json').notes).to.equal(undefined);
  });
});

describe('readCoverageLayers: a threat layer whose scores pick its legend categories', () => {
  // ATT&CK Evaluations' Carbanak+FIN7 scope layer (mitre-attack/attack-evals, CarbanakFin7_Navigator_layer.json): each
  // score a stop of its gradient 1..3, painted the colour its legend names: 1 "Carbanak", 2 "FIN7", 3 "Carbanak+FIN7".
  const layer = (labels: string[]) =>
    JSON.stringify({
      name: 'Carbanak+FIN7',
      domain: 'enterprise-attack',
      techniques: [
        { techniqueID: 'T1110', tactic: 'credential-access', score: 1 },
        { techniqueID: 'T1003', tactic: 'credential-access', score: 2 },
        { techniqueID: 'T1105', tactic: 'command-and-control', score: 3 },
      ],
      gradient: { colors: ['#0033a0', '#da291c', '#ffe86c'], minValue: 1, maxValue: 3 },
      legendItems: labels.map((label, i) => ({ label, color: ['#0033a0', '#da291c', '#ffe86c'][i] })),
    });

  it('weighs every scored entry 1, where a score at the minimum weighed 0 ("as techniques not used")', () => {
    const input = parseCoverageLayer(layer(['Carbanak', 'FIN7', 'Carbanak+FIN7']), 'evals.json', { role: 'threat' });
    expect(input.rules.map((rule) => rule.level)).to.deep.equal([1, 1, 1]);
    expect(input.rules[0]!.levelReason).to.equal('score 1, the stop of its gradient its legend names "Carbanak", a category, not a level -> 1');
    expect(input.notes).to.deep.equal([
      'threat layer evals.json ("Carbanak+FIN7"): its scores pick the categories its legend names, each score a stop of its gradient painted ' +
        'that item\'s colour (1 "Carbanak" (1 entry), 2 "FIN7" (1 entry), 3 "Carbanak+FIN7" (1 entry)), an order the review does not read: ' +
        'every scored entry weighs 1; if a category means more threat than another, give its entries higher scores on a gradient of one order ' +
        '(docs/gap.md)',
    ]);
  });

  // The task's pentest heat-map (faithfully shaped, not a published file): T1485 scored 0 "Exploitée" but coloured grey,
  // "Contenue". Navigator 5.1 shows the entry's own colour, so the analyst saw and meant "Contenue"; the note counted
  // it by its score, as "Exploitée". (A grey "Non testée" is no threat at all since: the test below.)
  it('counts an entry whose own colour is another category by that colour, which Navigator shows, and says so', () => {
    const colours = ['#e53935', '#fb8c00', '#43a047', '#9e9e9e'];
    const pentest = JSON.stringify({
      name: 'pentest',
      domain: 'enterprise-attack',
      techniques: [
        { techniqueID: 'T1485', score: 0, color: '#9e9e9e' },
        { techniqueID: 'T1059', score: 0 },
        { techniqueID: 'T1003', score: 2 },
        { techniqueID: 'T1566', score: 3 },
      ],
      gradient: { colors: colours, minValue: 0, maxValue: 3 },
      legendItems: ['Exploitée', 'Détectée', 'Bloquée', 'Contenue'].map((label, i) => ({ label, color: colours[i] })),
    });
    const input = parseCoverageLayer(pentest, 'pentest.json', { role: 'threat' });
    expect(input.notes?.[0]).to.contain(
      '(0 "Exploitée" (1 entry), 1 "Détectée" (0 entries), 2 "Bloquée" (1 entry), 3 "Contenue" (2 entries); ' +
        'T1485 scored 0 "Exploitée" but coloured "Contenue": counted by its colour, which Navigator 5.1 shows over the score\'s)',
    );
  });

  // A pentest heat-map published in a French red-team method (find_string id 56354501609; our entries in its layout,
  // test/fixtures/layers/public/README.md) paints what the engagement did not test grey, "Non testée", scored 0: the
  // stop of its gradient for "Exploitée avec succès". Each weighed 1 as threat, as every category does (h585): the
  // review ranked techniques nobody tested as threats seen. Now they are left out, each said, with how many and why.
  it('leaves out of the threat the entries shown in a legend category that says not tested ("Non testée"), and says how many', () => {
    const text = readFileSync(fileURLToPath(new URL('../fixtures/layers/public/pentest-heatmap-non-testee-4.5.json', import.meta.url)), 'utf8');
    const input = parseCoverageLayer(text, 'pentest.json', { role: 'threat' });
    expect(input.rules.map((rule) => rule.refs[0]!.raw)).to.deep.equal(['T1190', 'T1110.003', 'T1003.001']);
    expect(input.ignored.map((one) => [one.name, one.reason])).to.deep.equal(
      ['T1485', 'T1486'].map((id) => [id, 'shown as "Non testée", its legend\'s category for a technique not tested: no threat seen']),
    );
    expect(input.notes).to.include(
      'threat layer pentest.json ("Pentest heat map"): left out of the threat, 2 entries shown as "Non testée" (T1485, T1486): a category its legend ' +
        'gives techniques not tested, so no threat was seen there, whatever the score',
    );
  });

  for (const [label, notTested] of [
    ['Not tested', true],
    ['Untested', true],
    ['N/A', true],
    ['Not applicable', true],
    ['Non testées', true],
    ['Hors périmètre', true],
    ['Tested, not detected (gap)', false],
    ['Tested + detected', false],
    ['Exploitée avec succès', false],
  ] as const) {
    it(`reads the legend label "${label}" as ${notTested ? '' : 'not '}saying not tested`, () => {
      const read = JSON.stringify({
        name: 'x',
        domain: 'enterprise-attack',
        techniques: [{ techniqueID: 'T1485', color: '#c1c1c1', comment: 'x' }, { techniqueID: 'T1059', color: '#e60d0d' }],
        legendItems: [{ label, color: '#c1c1c1' }, { label: 'Exploited', color: '#e60d0d' }],
      });
      expect(parseCoverageLayer(read, 'x.json', { role: 'threat' }).rules.map((rule) => rule.refs[0]!.raw)).to.deep.equal(notTested ? ['T1059'] : ['T1485', 'T1059']);
    });
  }

  it('reads the gradient as before when the labels rank (Low, Medium, High; Level 1..3), or a score is between stops', () => {
    for (const labels of [['Low', 'Medium', 'High'], ['Level 1', 'Level 2', 'Level 3']]) {
      expect(parseCoverageLayer(layer(labels), 'ranked.json', { role: 'threat' }).rules.map((rule) => rule.level), labels.join()).to.deep.equal([0, 0.5, 1]);
    }
    const between = layer(['Carbanak', 'FIN7', 'Carbanak+FIN7']).replace('"score":2', '"score":2.5');
    expect(parseCoverageLayer(between, 'between.json', { role: 'threat' }).rules.map((rule) => rule.level)).to.deep.equal([0, 0.75, 1]);
  });

  it('as coverage reads every scored entry covered, not 0 %, 50 % and 100 % by gradient place, and says so', () => {
    // The real layer (an excerpt: test/fixtures/layers/public/attack-evals-carbanak-fin7-2.2.json) as --coverage: its
    // Carbanak techniques were read 0 % covered, FIN7's 50 %, without a word.
    const file = fileURLToPath(new URL('../fixtures/layers/public/attack-evals-carbanak-fin7-2.2.json', import.meta.url));
    const [input] = readCoverageLayers(file, { givenAs: { coverage: '--coverage', threat: '--threat', scale: '--scale' } });
    const byId = new Map(input!.rules.map((rule) => [rule.refs[0]!.raw, rule]));
    expect([...new Set(input!.rules.map((rule) => rule.level))]).to.deep.equal([1]);
    expect(byId.get('T1110')!.levelReason).to.equal('score 1, the stop of its gradient its legend names "Carbanak", a category, not a level -> 1 (covered)');
    expect(input!.notes).to.have.length(1);
    expect(input!.notes![0]).to.match(/\(1 "Carbanak" \(3 entries\), 2 "FIN7" \(3 entries\), 3 "Carbanak\+FIN7" \(10 entries\)\), no coverage levels: every scored entry is read as covered \(100%\)/);
    expect(input!.notes![0]).to.contain('review it as threat (--threat); if its scores are levels, review with --scale 0,3');
    // A program reads its own words; the scale it gives reads the scores as levels again.
    expect(parseCoverageLayer(layer(['Carbanak', 'FIN7', 'Carbanak+FIN7']), 'evals.json').notes![0]).to.contain('review it as threat (readThreatInputs); if its scores are levels, review with scale: [0, 3]');
    expect(parseCoverageLayer(layer(['Carbanak', 'FIN7', 'Carbanak+FIN7']), 'evals.json', { scale: [0, 3] }).rules.map((rule) => rule.level)).to.deep.equal([0.333, 0.667, 1]);
  });

  it('as coverage reads a legend whose labels say coverage levels by them, as before', () => {
    expect(parseCoverageLayer(layer(['Not covered', 'Partially covered', 'Fully covered']), 'levels.json').notes ?? []).to.not.satisfy((notes: string[]) => notes.some((n) => n.includes('categories')));
  });
});

describe('readCoverageLayers: places in a layer written on one line', () => {
  // sigma2attack writes its heatmap on one line: every entry's line is 1, which tells the entries apart nowhere.
  const entries = [
    { techniqueID: 'T1059', score: 50 },
    { techniqueID: 'T1082', score: 150 },
    { techniqueID: 'T1003', enabled: false },
  ];
  const oneLine = JSON.stringify({ name: 'heatmap', domain: 'enterprise-attack', techniques: entries });

  it('names each entry by its JSON path instead of line 1, in rules, references, ignored entries and problems', () => {
    const input = parseCoverageLayer(oneLine, 'sigma.json');
    expect(input.rules.map((rule) => [rule.line, rule.path, rule.refs[0]?.path])).to.deep.equal([
      [undefined, '/techniques/0', '/techniques/0'],
      [undefined, '/techniques/1', '/techniques/1'],
    ]);
    expect(input.ignored.map((item) => placeText(item))).to.deep.equal(['sigma.json /techniques/2']);
    expect(input.problems.filter((problem) => problem.summarized).map((problem) => `${placeText(problem)}: ${problem.message}`)).to.deep.equal([
      'sigma.json /techniques/1: T1082: score 150 is outside the default scale 0..100 (no gradient); counted as 100%',
    ]);
  });

  it('keeps lines where they tell entries apart (one entry a line)', () => {
    const text = `{"name": "heatmap", "domain": "enterprise-attack", "techniques": [\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]}`;
    const input = parseCoverageLayer(text, 'lines.json');
    expect(input.rules.map((rule) => [rule.line, rule.path])).to.deep.equal([[2, undefined], [3, undefined]]);
    expect(placeText(input.problems.find((problem) => problem.summarized)!)).to.equal('lines.json:3');
  });
});

// Layers whose generator writes one metadata item or link per rule it counts, reconstructed from the generators:
// elastic/detection-rules detection_rules/navigator.py (Techniques: score = len(metadata); metadata { name: rule name,
// value: type/language }; links { label: rule name, url }) and splunk/contentctl contentctl/output/attack_nav_writer.py
// (links { label: detection name, url: research.splunk.com/<type>/<id>/ }, score the detections' count).
describe('readCoverageLayers: entries that name the rules their score counts', () => {
  const rule = (name: string) => ({ meta: { name, value: 'eql/eql' }, link: { label: name, url: 'https://github.com/elastic/detection-rules/blob/main/rules/windows' } });
  const elasticEntry = (techniqueID: string, names: string[]) => ({
    techniqueID,
    tactic: 'execution',
    score: names.length,
    metadata: names.map((name) => rule(name).meta),
    links: names.map((name) => rule(name).link),
    color: '',
    comment: '',
    enabled: true,
  });
  const elastic = {
    name: 'Elastic-detection-rules-all',
    versions: { attack: '14', layer: '4.4', navigator: '4.5.5' },
    domain: 'enterprise-attack',
    description: 'Elastic detection-rules coverage',
    gradient: { colors: ['#d3e0fa', '#0861fb'], minValue: 0, maxValue: 10 },
    links: [{ label: 'repo', url: 'https://github.com/elastic/detection-rules' }],
    techniques: [
      elasticEntry('T1059.001', ['Suspicious PowerShell Engine ImageLoad', 'PowerShell Script with Encryption/Decryption Capabilities', 'Suspicious Portable Executable Encoded in Powershell Script', 'PowerShell Kerberos Ticket Dump']),
      elasticEntry('T1003.001', ['LSASS Memory Dump Creation']),
    ],
  };

  it("names an Elastic layer's rules from its entries' metadata, as rule files are named", () => {
    const input = parseCoverageLayer(JSON.stringify(elastic), 'Elastic-detection-rules-all.json');
    expect(input.rules.map((r) => [r.name, r.level, r.levelReason])).to.deep.equal([
      [
        'Elastic-detection-rules-all: Suspicious PowerShell Engine ImageLoad, PowerShell Script with Encryption/Decryption Capabilities, Suspicious Portable Executable Encoded in Powershell Script and 1 more',
        0.4,
        'score 4 on the layer gradient 0..10 -> 0.4; the entry names its 4 rules in its metadata',
      ],
      ['Elastic-detection-rules-all: LSASS Memory Dump Creation', 0.1, 'score 1 on the layer gradient 0..10 -> 0.1; the entry names the rule in its metadata'],
    ]);
    expectBookkeeping(input);
  });

  it("names a Splunk contentctl layer's detections from its entries' links", () => {
    const link = (name: string, id: string) => ({ label: name, url: `https://research.splunk.com/endpoint/${id}/` });
    const splunk = {
      versions: { attack: '16', navigator: '5.1.0', layer: '4.5' },
      name: 'Detection Coverage',
      description: 'Security Content Detection Coverage',
      domain: 'enterprise-attack',
      gradient: { colors: ['#ffffff', '#66b1ff', '#096ed7'], minValue: 0, maxValue: 2 },
      legendItems: [{ label: 'No detections', color: '#ffffff' }, { label: 'Has detections', color: '#66b1ff' }],
      techniques: [
        { techniqueID: 'T1003.001', score: 2, enabled: true, links: [link('Windows Possible Credential Dumping', 'e4723b92'), link('Dump LSASS via procdump', '3742ebfe')] },
        { techniqueID: 'T1566.001', score: 1, enabled: true, links: [link('Gdrive suspicious file sharing', 'a7131dae')] },
      ],
    };
    const input = parseCoverageLayer(JSON.stringify(splunk), 'coverage.json');
    expect(input.rules.map((r) => r.name)).to.deep.equal([
      'Detection Coverage: Windows Possible Credential Dumping, Dump LSASS via procdump',
      'Detection Coverage: Gdrive suspicious file sharing',
    ]);
  });

  it('names no rule where the metadata or links do not count the score, or say one label everywhere', () => {
    // DeTT&CT's detection layer: four metadata items per detection object, the score its detection score.
    const dettect = {
      ...elastic,
      techniques: [{ techniqueID: 'T1059.001', score: 5, metadata: [{ name: '-Applicable to', value: 'all' }, { name: '-Detection score', value: '5' }, { name: '-Detection location', value: 'EDR' }, { name: '-Comment', value: '-' }] }],
    };
    expect(parseCoverageLayer(JSON.stringify(dettect), 'dettect.json').rules.map((r) => r.name)).to.deep.equal(['Elastic-detection-rules-all']);
    // One "View" link on each entry scored 1: no rule's name.
    const view = { ...elastic, techniques: ['T1059', 'T1003'].map((techniqueID) => ({ techniqueID, score: 1, links: [{ label: 'View', url: `https://example.org/${techniqueID}` }] })) };
    expect(parseCoverageLayer(JSON.stringify(view), 'view.json').rules.map((r) => r.name)).to.deep.equal(['Elastic-detection-rules-all', 'Elastic-detection-rules-all']);
  });
});

// DeTT&CT's visibility-and-detection overlay, reconstructed from rabobank-cdc/DeTTECT: navigator_layer.py's
// get_layer_template_layered (no gradient; legend "Visibility and detection" #f9a825 and the score colours) and
// technique_mapping.py's _map_and_colorize_techniques_for_overlaid (no score; colour COLOR_OVERLAY_BOTH #f9a825,
// COLOR_OVERLAY_DETECTION = COLOR_D_3 #8BC34A, COLOR_OVERLAY_VISIBILITY = COLOR_V_3 #1976D2 by kind; metadata items
// "-Detection score" per detection object, or one "Detection score" after a divider in add_metadata_technique_object).
describe("readCoverageLayers: DeTT&CT's visibility-and-detection overlay", () => {
  const legendItems = [
    { label: 'Visibility and detection', color: '#f9a825' },
    { label: 'Visibility score 3: Good', color: '#1976D2' },
    { label: 'Detection score 3: Good', color: '#8BC34A' },
    { label: 'Detection score 5: Excellent', color: '#33691E' },
  ];
  const entry = (techniqueID: string, color: string, metadata: object[]) => ({ techniqueID, color, comment: '', enabled: true, tactic: 'execution', metadata });
  const overlay = {
    name: 'Visibility and Detection example all',
    versions: { navigator: '4.5', layer: '4.3' },
    domain: 'enterprise-attack',
    description: 'description',
    legendItems,
    techniques: [
      // Both: detection score 2 (40 %), not "Visibility and detection" 100 %.
      entry('T1059.001', '#f9a825', [{ name: '-Available data sources', value: 'Process' }, { name: '---', value: '---' }, { name: '-Applicable to', value: 'all' }, { name: '-Detection score', value: '2' }, { name: '---', value: '---' }, { name: '-Applicable to', value: 'all' }, { name: '-Detection score', value: '1' }, { name: '---', value: '---' }, { name: '-Visibility score', value: '3' }]),
      // Detection alone, score 5: not the 60 % of "Detection score 3", the colour of every detection-only technique.
      entry('T1003.001', '#8BC34A', [{ divider: true }, { name: 'Applicable to', value: 'all' }, { name: 'Detection score', value: '5' }]),
      // Visibility alone: nothing detects it.
      entry('T1021.002', '#1976D2', [{ name: '-Applicable to', value: 'all' }, { name: '-Visibility score', value: '3' }]),
    ],
  };

  it('reads each entry by the detection score its metadata gives, not by the colour of its kind, and says so', () => {
    const input = parseCoverageLayer(JSON.stringify(overlay), 'visibility_and_detection.json');
    expect(input.rules.map((r) => [r.refs[0]!.raw, r.level, r.levelReason])).to.deep.equal([
      ['T1059.001', 0.4, "no score; its metadata's DeTT&CT detection score 2 / 5 -> 0.4, whatever its colour"],
      ['T1003.001', 1, "no score; its metadata's DeTT&CT detection score 5 / 5 -> 1, whatever its colour"],
    ]);
    expect(input.ignored.map((i) => [i.name, i.reason])).to.deep.equal([['T1021.002', VISIBILITY_ONLY_REASON]]);
    // Visibility is kept beside the detection (T1059.001 has both) and alone (T1021.002), never as a rule.
    expect(input.visibility?.map((v) => [v.refs[0]!.raw, v.score])).to.deep.equal([['T1059.001', 3], ['T1021.002', 3]]);
    expect(input.notes).to.deep.equal([
      'coverage layer visibility_and_detection.json ("Visibility and Detection example all"): 3 entries without a score read by the DeTT&CT scores of their metadata, not by their colour ' +
        "(DeTT&CT writes each technique's scores there; the colours of its visibility-and-detection overlay say which of the two a technique has, not how well it is detected): " +
        'T1059.001 detection score 2: 40%, T1003.001 detection score 5: 100%; 1 entry with visibility alone ignored as coverage (T1021.002), ' +
        'each visibility score above 0 reported beside its technique (visible, no detection) (docs/gap.md)',
    ]);
    expectBookkeeping(input);
  });

  it('says the levels its legend gives are approximate where an entry carries no score in its metadata', () => {
    const bare = { ...overlay, techniques: [{ techniqueID: 'T1059.001', color: '#f9a825', enabled: true }] };
    const input = parseCoverageLayer(JSON.stringify(bare), 'overlay.json');
    expect(input.rules.map((r) => r.level)).to.deep.equal([1]);
    expect(input.notes?.[0]).to.match(
      /: read through its legend, "Visibility and detection" \(#f9a825\) as 100% \(1 entry\), .*; its legend is DeTT&CT's visibility-and-detection overlay, whose colours say which of visibility and detection a technique has, not a score, so these levels are approximate: give readCoverageInputs the DeTT&CT technique administration file the layer was made from, whose scores are read \(docs\/gap.md\)$/,
    );
  });
});
