/**
 * A campaign file with one malformed entry: every command that reads campaigns reads the rest, repairs what has one
 * obvious repair (a warning with file:line), leaves out what has none (an error with file:line and what to write
 * instead) and exits 1, the output of the rest written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { failOnLeftOut } from '../../lib/cli/unplaced.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import type { NormalizedCampaign } from '../../lib/normalize/normalize-types.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

/** Line 4: a one-item list (repaired); line 7: a score in quotes (repaired); line 8: a ref that is a mapping (left out). */
const CAMPAIGN = [
  'name: One bad entry',
  'techniques:',
  '  - ref: T1566.001',
  '  - ref: [T1059]',
  '  - ref: T1105',
  '  - ref: T1027',
  '    score: "3"',
  '  - ref: {id: T1003}',
  '  - T1071',
  '',
].join('\n');

function campaignFile(): string {
  const file = join(freshTmpDir('campaign-entries'), 'bad.yaml');
  writeFileSync(file, CAMPAIGN);
  return file;
}

const LEFT_OUT = /bad\.yaml:8: \/techniques\/4\/ref: must be a string, not a mapping; the entry is left out: write the technique as the report writes it/;

describe('campaign files with a malformed entry', () => {
  it('render: writes the layer of the other entries, warns of each repair and exits 1 naming the entry left out', async () => {
    const file = campaignFile();
    const out = join(freshTmpDir('campaign-entries'), 'layers');
    const result = await runCli(['render', file, '--out', out]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.equal(`${out}/bad.layer.json\n`);
    expect(result.stderr).to.include(`warning: ${file}: line 4: /techniques/1/ref: ["T1059"] read as "T1059"`);
    expect(result.stderr).to.include(`warning: ${file}: line 7: /techniques/3/score: "3" read as 3`);
    expect(result.stderr).to.include('1 campaign entry could not be read and was left out; the layers of the rest were written:');
    expect(result.stderr).to.match(LEFT_OUT);

    const layer = JSON.parse(readFileSync(join(out, 'bad.layer.json'), 'utf8')) as NavigatorLayer & { techniques: NonNullable<NavigatorLayer['techniques']> };
    const scored = [...new Set(layer.techniques.filter((t) => t.score !== undefined).map((t) => t.techniqueID))].sort();
    expect(scored).to.deep.equal(['T1027', 'T1059', 'T1071', 'T1105', 'T1566.001']);
    expect(layer.techniques.filter((t) => t.techniqueID === 'T1027').map((t) => t.score)).to.include(3);
    expect(layer.description).to.include('Entries of the campaign file that could not be read (not in the layer): line 8, /techniques/4/ref: must be a string, not a mapping');
  });

  it('render --strict: writes nothing', async () => {
    const out = join(freshTmpDir('campaign-entries'), 'layers');
    const result = await runCli(['render', campaignFile(), '--out', out, '--strict']);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('could not be read and was left out; nothing was written (--strict)');
    expect(existsSync(out)).to.equal(false);
  });

  it('render --check: exits 1 with the layers of the rest up to date', async () => {
    const file = campaignFile();
    const out = join(freshTmpDir('campaign-entries'), 'layers');
    expect((await runCli(['render', file, '--out', out, '-q'])).code).to.equal(1);
    const check = await runCli(['render', file, '--out', out, '--check']);
    expect(check.code).to.equal(1);
    expect(check.stderr).to.include('1 layer in');
    expect(check.stderr).to.match(/the layers of the rest in .* are up to date:/);
    expect(check.stderr).to.match(LEFT_OUT);
  });

  it('normalize and compare: print the rest and exit 1 naming the entry left out', async () => {
    const file = campaignFile();
    const normalized = await runCli(['normalize', file, '--json']);
    expect(normalized.code).to.equal(1);
    const [result] = JSON.parse(normalized.stdout) as { techniques: { id: string }[] }[];
    expect(result!.techniques.map((t) => t.id)).to.deep.equal(['T1027', 'T1059', 'T1071', 'T1105', 'T1566.001']);
    expect(normalized.stderr).to.include('the rest was normalized:');
    expect(normalized.stderr).to.match(LEFT_OUT);

    const compared = await runCli(['compare', file, '--with', 'G0050']);
    expect(compared.code).to.equal(1);
    expect(compared.stdout).to.not.equal('');
    expect(compared.stderr).to.include('the rest was compared:');
    expect(compared.stderr).to.match(LEFT_OUT);
  });

  it('gap --threat: writes the review of the rest and exits 1 naming the entry left out', async () => {
    const out = join(freshTmpDir('campaign-entries'), 'review');
    const result = await runCli(['gap', '--threat', campaignFile(), '--coverage', 'test/fixtures/gap/sigma', '--out', out]);
    expect(result.code).to.equal(1);
    expect(existsSync(join(out, 'gap.layer.json'))).to.equal(true);
    expect(result.stderr).to.match(/the review of the rest was written to .*:\n/);
    expect(result.stderr).to.match(LEFT_OUT);
    // The report lists the entry too, among the references not resolved, with its place.
    const report = readFileSync(join(out, 'gap-report.md'), 'utf8');
    expect(report).to.match(/\| \/techniques\/4\/ref \| left out \| 1 \| must be a string, not a mapping; the entry is left out: write the technique as the report writes it[^|]*\| [^|]*bad\.yaml:8 \|/);
  });

  it('counts entries, not problems: an entry with two bad fields and one of no type a technique takes are 2 entries', async () => {
    // As an analyst writes the Hive advisory's (CISA AA22-321A) techniques by hand: Impair Defenses with a confidence
    // and a score in words, and Data Encrypted for Impact by its number alone.
    const file = join(freshTmpDir('campaign-entries'), 'hive.yaml');
    writeFileSync(file, 'name: Hive\ntechniques:\n  - T1133\n  - ref: T1562.001\n    confidence: sure\n    score: high\n  - 1486\n');
    const result = await runCli(['normalize', file]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('2 campaign entries could not be read and were left out; the rest was normalized:');
    const lines = result.stderr.split('\n').filter((line) => line.startsWith(`  ${file}:`));
    expect(lines.map((line) => line.slice(file.length + 2).replace(/; the entry is left out: .*$/, ''))).to.deep.equal([
      ':5: /techniques/1/confidence: must be low, medium or high, or a whole number from 0 to 100, not the string "sure" (a word of no one level, as likely, possible or suspected are: write the level or number meant)',
      ':6: /techniques/1/score: must be a number, not the string "high"',
      ':7: /techniques/2: must be a string or a mapping, not the number 1486 (an ATT&CK ID starts with T: write T1486)',
    ]);
  });

  it('still refuses a file whose problem is the whole file (techniques not a list)', async () => {
    const file = join(freshTmpDir('campaign-entries'), 'whole.yaml');
    writeFileSync(file, 'name: x\ntechniques:\n  ref: T1059\n');
    const out = join(freshTmpDir('campaign-entries'), 'layers');
    const result = await runCli(['render', file, '--out', out]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('not a valid campaign file: line 3, /techniques: must be a list');
    expect(existsSync(out)).to.equal(false);
  });

  describe('the count of what was left out', () => {
    // What the reader left out, as it gives it: a top-level field whose value cannot be read (`published: July 2018`,
    // left out and read as not given) has its field's pointer; an entry's problems, their entry's and deeper.
    const leftOut = (...paths: string[]) =>
      [{ file: 'c.yaml', campaign: { leftOut: paths.map((path, i) => ({ path, line: 20 + i, message: 'm' })) } }] as unknown as NormalizedCampaign[];
    const said = (results: NormalizedCampaign[]) => {
      try {
        failOnLeftOut(results, 'the rest was normalized');
      } catch (error) {
        return (error as Error).message.split('\n')[0];
      }
      return '';
    };
    const rows: ReadonlyArray<readonly [string, string[], string]> = [
      ['an entry with two problems is one entry', ['/techniques/1/confidence', '/techniques/1/score'], '1 campaign entry could not be read and was left out'],
      ['a top-level field is a field, not an entry (published: July 2018)', ['/published'], '1 campaign field could not be read and was left out'],
      ['two fields', ['/published', '/first_seen'], '2 campaign fields could not be read and were left out'],
      ['an entry and a field', ['/published', '/techniques/0', '/techniques/0/ref'], '1 campaign entry and 1 field could not be read and were left out'],
    ];
    for (const [name, paths, expected] of rows) {
      it(name, () => expect(said(leftOut(...paths))).to.equal(`${expected}; the rest was normalized:`));
    }
  });

  it("normalize lists its warnings in the file's order: reference, report:, repairs (CISA AA23-144A)", async () => {
    const file = join(freshTmpDir('campaign-entries'), 'volt-typhoon.yaml');
    const lines = [
      'name: Volt Typhoon',
      'sources:',
      '  - url: https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-144a',
      "    title: People's Republic of China State-Sponsored Cyber Actor Living off the Land to Evade Detection",
      'techniques:',
      '  - ref: T1059.001',
      '    tactic: Exfiltration',
      '    report: Microsoft blog',
      '  - ref: T1105',
      '    score: "3"',
      'first_seen: 2021/05',
      '',
    ];
    writeFileSync(file, lines.join('\n'));
    const { stdout } = await runCli(['normalize', file]);
    const warnings = stdout.split('\n').filter((line) => line.startsWith('  - '));
    expect(warnings.map((line) => /^  - line (\d+): (\S+)/.exec(line)?.slice(1).join(' '))).to.deep.equal([
      '6 Exfiltration',
      '8 /techniques/0/report:',
      '10 /techniques/1/score:',
      '11 /first_seen:',
    ]);
  });
});
