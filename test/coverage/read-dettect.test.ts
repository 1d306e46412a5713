/**
 * DeTT&CT technique administration files as coverage. The fixture (test/fixtures/coverage/dettect/techniques.yaml,
 * written by hand in DeTT&CT's shape) states the expected coverage of each technique in its comments.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { VISIBILITY_ONLY_REASON, type CoverageInput } from '../../lib/coverage/coverage-types.js';
import { currentDettectScore, parseDettectTechniques } from '../../lib/coverage/read-dettect.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { resolveCoverage } from '../../lib/coverage/gap-review.js';
import { InputError } from '../../lib/errors.js';
import { kindOf } from '../../lib/input-kind.js';
import { loadRelease } from '../helpers/attack.js';

const dir = 'test/fixtures/coverage/dettect';
const fixture = `${dir}/techniques.yaml`;

/** A minimal technique administration file around the given `techniques:` entries. */
const file = (techniques: string, header = 'platform: all'): string =>
  `version: 1.2\nfile_type: technique-administration\nname: t\n${header}\ntechniques:\n${techniques}`;

describe('parseDettectTechniques (a DeTT&CT technique administration file)', () => {
  let input: CoverageInput;
  before(() => {
    input = parseDettectTechniques(readFileSync(fixture, 'utf8'), fixture);
  });

  it('reads one rule per scored detection object, each at score / 5 of its latest logbook entry', () => {
    const rules = input.rules.map((rule) => [rule.refs.map((ref) => ref.raw).join(), rule.name, rule.level, rule.line]);
    expect(rules).to.deep.equal([
      ['T1566.001', 'Mail sandbox', 0.8, 21], // 2023-06-15 score 4 is later than 2021-03-01 score 1 (listed first)
      ['T1566.001', 'Gateway rule 12', 0.4, 29], // 2 / 5
      ['T1204.002', 'EDR malicious file', 1, 36], // 5 / 5
      ['T1059.007', 'Script block logging of JScript', 0.4, 43], // no location: named by its comment
      ['T1095', 'NDR sensor', 0, 51], // 0 (forensics / context) is a rule of level 0
      ['T1086', 'SIEM UC 7', 0.6, 66], // 3 / 5, resolved later
    ]);
    expect(input.rules[0]?.levelReason).to.equal('DeTT&CT score 4 (very good, 2023-06-15) / 5 -> 0.8');
  });

  it('ignores a -1 score and a technique with visibility only, and reports malformed entries with their lines', () => {
    expect(input.ignored.map((i) => [i.line, i.name, i.reason])).to.deep.equal([
      [58, 'T1105: DeTT&CT detection (applicable_to: all)', 'score -1 (no detection)'],
      [84, 'T1082', VISIBILITY_ONLY_REASON],
    ]);
    expect(input.problems.map((p) => [p.line, p.skipped, p.message])).to.deep.equal([
      [71, true, 'technique 7 has no technique_id; give it one, e.g. technique_id: T1059.001'],
      [82, true, 'T1027 detection: score_logbook entry 1: score 7 is not a DeTT&CT detection score (-1 to 5)'],
    ]);
    expect(input.counts).to.deep.equal({ items: 10, rules: 6, ignored: 2, invalid: 2 });
  });

  it('maps applicable_to to platforms only when every group is an ATT&CK platform name, and notes the groups counted everywhere', () => {
    expect(input.rules.map((rule) => rule.platforms ?? 'any')).to.deep.equal(['any', 'any', ['Windows'], 'any', 'any', 'any']);
    expect(input.notes).to.deep.equal([
      `${fixture}: applicable_to "mail gateways" names the user's own systems, not ATT&CK platforms: those detections count for every platform, as \`all\` (every system) does`,
    ]);
    expect(input.domain).to.equal('enterprise-attack');
  });

  it("narrows detections of `all` or of the user's groups to the file's `platform`, when it names platforms", () => {
    const narrowed = parseDettectTechniques(
      file('  - technique_id: T1003\n    detection:\n      applicable_to: [servers]\n      score_logbook: [{ date: 2020-01-01, score: 3 }]\n', 'platform: [Windows, Linux]'),
      'f.yaml',
    );
    expect(narrowed.rules[0]?.platforms).to.deep.equal(['Windows', 'Linux']);
    expect(narrowed.notes?.[0]).to.contain("count for the file's platform (Windows, Linux)");
  });

  it("reads `all` (any case, even beside platform names) as DeTT&CT's keyword for every system, not as a group of the user's systems", () => {
    const detection = (id: string, groups: string): string => `  - technique_id: ${id}\n    detection:\n      applicable_to: ${groups}\n      score_logbook: [{ date: 2020-01-01, score: 3 }]\n`;
    const text = file(detection('T1003', '[all]') + detection('T1059', '[Windows, ALL]') + detection('T1105', '[Linux]'), 'platform: [Windows, Linux]');
    const input = parseDettectTechniques(text, 'f.yaml');
    expect(input.rules.map((rule) => [rule.refs[0]?.raw, rule.platforms])).to.deep.equal([
      ['T1003', ['Windows', 'Linux']],
      ['T1059', ['Windows', 'Linux']],
      ['T1105', ['Linux']],
    ]);
    expect(input.notes).to.equal(undefined);
  });

  it('reads a score_logbook written as one mapping, and a file of format 1.1 (score and date_implemented), as DeTT&CT reads them, with a note', () => {
    // DeTT&CT's get_latest_score_obj takes a mapping for a logbook of one entry; its upgrade from 1.1 to 1.2 turns a
    // detection's `score` and `date_implemented` into that logbook entry.
    const text = file(
      [
        '- technique_id: T1003.001',
        '  detection:',
        '    applicable_to: [all]',
        '    location: [EDR]',
        '    score_logbook:',
        '      date: 2020-04-01',
        '      score: 3',
        '- technique_id: T1059.001',
        '  detection:',
        '  - applicable_to: [servers]',
        '    date_registered: 2019-01-10',
        '    date_implemented: 2019-02-01',
        '    score: 4',
        '    location: [SIEM UC 12]',
        '',
      ].join('\n'),
    );
    const input = parseDettectTechniques(text, 't.yaml');
    expect(input.rules.map((rule) => [rule.refs[0]?.raw, rule.level, rule.levelReason])).to.deep.equal([
      ['T1003.001', 0.6, 'DeTT&CT score 3 (good, 2020-04-01) / 5 -> 0.6'],
      ['T1059.001', 0.8, 'DeTT&CT score 4 (very good, 2019-02-01) / 5 -> 0.8'],
    ]);
    expect(input.problems).to.deep.equal([
      { file: 't.yaml', line: 11, message: 'T1003.001 detection: score_logbook is one mapping, not a list; read as a logbook of that one entry, as DeTT&CT reads it', skipped: false },
      {
        file: 't.yaml',
        line: 18,
        message: 'T1059.001 detection: a score without score_logbook (file format 1.1); read as the logbook entry { date: date_implemented, score }, as DeTT&CT\'s upgrade to 1.2 writes it',
        skipped: false,
      },
    ]);
  });

  // A file in the layout of DeTT&CT's own sample in file format 1.1 (rabobank-cdc/DeTTECT@e55e597e; ours, see its
  // header): every detection object has a score and no logbook. Each object's reading was said on its own line, 190
  // lines on stderr for DeTT&CT's whole sample.
  it('says the reading of a file of format 1.1 once, summing up its detection objects, each listed for the report', () => {
    const sample = `${dir}/sample-endpoints-1.1.yaml`;
    const input = parseDettectTechniques(readFileSync(sample, 'utf8'), sample);
    expect(input.rules.map((rule) => [rule.refs[0]?.raw, rule.level, rule.levelReason])).to.deep.equal([
      ['T1117', 0.4, 'DeTT&CT score 2 (fair, 2020-02-17) / 5 -> 0.4'],
      ['T1204', 0, 'DeTT&CT score 0 (forensics / context, 2020-02-17) / 5 -> 0'],
    ]);
    expect(input.visibility?.map((v) => [v.refs[0]?.raw, v.score])).to.deep.equal([['T1192', 2], ['T1117', 3], ['T1204', 1]]);
    const reading = "a score without score_logbook (file format 1.1); read as the logbook entry { date: date_implemented, score }, as DeTT&CT's upgrade to 1.2 writes it";
    expect(input.problems.map((p) => [p.line, p.message, p.sumsUp ?? false, p.summarized ?? false])).to.deep.equal([
      [8, `3 detection objects (T1192, T1117, T1204): ${reading.replace('; read as', '; each read as')}`, true, false],
      [19, `T1192 detection: ${reading}`, false, true],
      [33, `T1117 detection: ${reading}`, false, true],
      [46, `T1204 detection: ${reading}`, false, true],
    ]);
    expect(input.counts).to.deep.equal({ items: 3, rules: 2, ignored: 1, invalid: 0 });
  });

  // DeTT&CT's wiki: a visibility score (Visibility scoring, 0 none to 4 excellent) says the data sources to see a
  // technique are there; its detection score 0 is "no detection, but the technique is being logged" (Detection
  // scoring). So visibility is kept beside the detections, never as a rule, whether a detection is there or not.
  it('keeps each visibility object above 0 as visibility, beside the detection objects, never as a rule', () => {
    expect(input.visibility?.map((v) => [v.refs[0]?.raw, v.score, v.line, v.platforms ?? 'any'])).to.deep.equal([['T1082', 2, 86, 'any']]);
    const text = file(
      [
        '- technique_id: T1003.001',
        '  detection:',
        '    applicable_to: [all]',
        '    location: [EDR]',
        '    score_logbook: [{ date: 2020-04-01, score: 1 }]',
        '  visibility:',
        '  - applicable_to: [Windows]',
        '    comment: Sysmon event 10',
        '    score_logbook: [{ date: 2019-01-01, score: 1 }, { date: 2021-06-01, score: 3 }]',
        '  - applicable_to: [Linux]',
        '    score_logbook: [{ date: 2021-06-01, score: 0 }]',
        '  - applicable_to: [servers]',
        '    score_logbook: [{ date: 2021-06-01, score: 5 }]',
        '- technique_id: T1021.001',
        '  detection:',
        '    applicable_to: [all]',
        '    score_logbook: [{ date: 2020-04-01, score: -1 }]',
        '  visibility:',
        '    applicable_to: [all]',
        '    score_logbook: [{ date: 2020-04-01, score: 4 }]',
        '',
      ].join('\n'),
      'platform: [Windows, Linux]',
    );
    const both = parseDettectTechniques(text, 't.yaml');
    // The detection decides the coverage; visibility 0 (none) is not kept; a visibility score of 5 is no visibility score.
    expect(both.rules.map((rule) => [rule.refs[0]?.raw, rule.level])).to.deep.equal([['T1003.001', 0.2]]);
    expect(both.visibility?.map((v) => [v.refs[0]?.raw, v.score, v.name, v.platforms])).to.deep.equal([
      ['T1003.001', 3, 'Sysmon event 10', ['Windows']],
      ['T1021.001', 4, 'DeTT&CT visibility (applicable_to: all)', ['Windows', 'Linux']],
    ]);
    expect(both.problems.map((p) => [p.line, p.skipped, p.message])).to.deep.equal([
      [18, false, 'T1003.001 visibility 3: score_logbook entry 1: score 5 is not a DeTT&CT visibility score (0 to 4); not read'],
    ]);
    expect(both.ignored.map((i) => [i.name, i.reason])).to.deep.equal([['T1021.001: DeTT&CT detection (applicable_to: all)', 'score -1 (no detection)']]);
    expect(both.counts).to.deep.equal({ items: 2, rules: 1, ignored: 1, invalid: 0 });
  });

  it('resolves the revoked T1086 to T1059.001 through the review, listed as remapped', () => {
    const resolved = resolveCoverage([input], loadRelease('18.1'));
    expect(resolved.remapped.map((r) => [r.raw, r.ids, `${r.file}:${r.line}`, r.rule])).to.deep.equal([['T1086', ['T1059.001'], `${fixture}:64`, 'SIEM UC 7']]);
    expect(resolved.notes).to.include(input.notes?.[0]);
  });

  it('reads a stated domain, and refuses one that is not an ATT&CK domain with its line', () => {
    expect(parseDettectTechniques(file('  []\n', 'domain: ics-attack'), 'f.yaml').domain).to.equal('ics-attack');
    expect(() => parseDettectTechniques(file('  []\n', 'domain: pre-attack'), 'f.yaml')).to.throw(InputError, /^f\.yaml:4: domain "pre-attack" is not an ATT&CK domain/);
  });
});

describe('currentDettectScore', () => {
  it('takes the latest dated entry wherever it is listed; undated entries are older than dated ones', () => {
    expect(currentDettectScore([{ date: '2019-01-01', score: 1 }, { date: '2020-01-01', score: 3 }])).to.deep.equal({ score: 3, date: '2020-01-01' });
    expect(currentDettectScore([{ date: null, score: -1 }, { date: '2018-01-01', score: 2 }])).to.deep.equal({ score: 2, date: '2018-01-01' });
    expect(currentDettectScore([{ date: '2020-01-01', score: 4 }, { date: '2020-01-01', score: 1 }])).to.deep.equal({ score: 4, date: '2020-01-01' });
  });

  it('says what is wrong with a logbook it cannot read', () => {
    expect(currentDettectScore(undefined)).to.deep.equal({ error: 'no score_logbook; give it a list of { date, score }' });
    expect(currentDettectScore([{ date: 'soon', score: 1 }])).to.have.property('error', 'score_logbook entry 1: date "soon" is not a date; write YYYY-MM-DD');
  });
});

describe('DeTT&CT files among the coverage inputs', () => {
  it('tells a technique administration file from a detections YAML file and a campaign file', () => {
    expect(kindOf(readFileSync(fixture, 'utf8'))).to.equal('dettect-techniques');
    expect(kindOf(readFileSync('test/fixtures/gap/detections.yml', 'utf8'))).to.equal('detections');
    expect(kindOf(readFileSync('campaigns/apt32-covid19-wuhan.yaml', 'utf8'))).to.equal('campaign');
  });

  it('reads it through readCoverageInputs as the same input parseDettectTechniques gives', () => {
    const [read] = readCoverageInputs([fixture]);
    expect(read?.kind).to.equal('dettect');
    expect(read?.counts).to.deep.equal({ items: 10, rules: 6, ignored: 2, invalid: 2 });
  });

  for (const [name, what] of [
    ['data-sources.yaml', 'a DeTT&CT data source administration file'],
    ['groups.yaml', 'a DeTT&CT group administration file'],
  ] as const) {
    it(`refuses ${name}, saying it is ${what} and that gap reads technique administration files`, () => {
      expect(() => readCoverageInputs([`${dir}/${name}`])).to.throw(
        InputError,
        new RegExp(`^${dir}/${name}: this is ${what}, not .*; readCoverageInputs reads DeTT&CT technique administration files \\(file_type: technique-administration\\)`),
      );
    });
  }
});
