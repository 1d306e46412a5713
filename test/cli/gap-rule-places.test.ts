/**
 * Where `gap` says a Sigma rule's problems are: at `file:line:column`, as a campaign or detections file's, for the
 * rules given to --coverage and to --rules-library alike. The rules are real SigmaHQ rules (../shared/sigma, copied
 * into a temporary folder at test time and edited there), each broken the way a rule author breaks one.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const realSigma = fileURLToPath(new URL('../../../shared/sigma', import.meta.url));
// SigmaHQ's Group Membership Reconnaissance Via Whoami.EXE, tagged attack.discovery and attack.t1033.
const WHOAMI = join(realSigma, 'rules', 'windows', 'process_creation', 'proc_creation_win_whoami_groups_discovery.yml');

/** The 1-based line and column where `needle` starts in `text`. */
function placeOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at, needle).to.be.at.least(0);
  const before = text.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

describe('attack-layers gap: a Sigma rule\'s problems at file:line:column (real SigmaHQ rules, edited copies)', () => {
  let rules: string;
  const broken: Record<string, { text: string; place: string }> = {};

  before(() => {
    rules = join(freshTmpDir('gap-rule-places'), 'rules');
    mkdirSync(rules);
    const original = readFileSync(WHOAMI, 'utf8');
    // Each copy its own id: a copy of one id is one rule, counted once.
    const copy = (name: string, edit: (text: string) => string, needle: string) => {
      const text = edit(original).replace(/^id: .*$/m, `id: 00000000-0000-4000-8000-00000000000${Object.keys(broken).length}`);
      writeFileSync(join(rules, name), text);
      broken[name] = { text, place: placeOf(text, needle) };
    };
    // A tag that is no ATT&CK tag: the note is at the tag itself.
    copy('typo_tag.yml', (text) => text.replace('    - attack.t1033\n', '    - attack.1033.001\n    - attack.t1033\n'), 'attack.1033.001');
    // An unknown level and status: each note at its own field's value, not at the rule's first line.
    copy('typo_level.yml', (text) => text.replace(/^level: medium$/m, 'level: hgih'), 'hgih');
    copy('typo_status.yml', (text) => text.replace(/^status: test$/m, 'status: tested'), 'tested');
    // A logsource product no ATT&CK platform maps (a typo): the note is at the product, not at the rule's first line.
    copy('typo_product.yml', (text) => text.replace(/^ {4}product: windows$/m, '    product: windwos'), 'windwos');
    copyFileSync(WHOAMI, join(rules, 'whoami.yml'));
  });

  it('says each problem of a --coverage folder at its line and column on stderr and in the report', async () => {
    const out = freshTmpDir('gap-rule-places-out');
    const result = await runCli(['gap', '--threat', 'campaigns', '--coverage', rules, '--out', out]);
    expect(result.code).to.equal(0);
    const report = readFileSync(join(out, 'gap-report.md'), 'utf8');
    for (const [name, words] of [
      ['typo_tag.yml', 'tag "attack.1033.001" is no ATT&CK tag'],
      ['typo_level.yml', 'unknown level "hgih"'],
      ['typo_status.yml', 'unknown status "tested"'],
      ['typo_product.yml', 'logsource product "windwos" has no ATT&CK platform in the table; the rule counts for every platform'],
    ] as const) {
      const line = `${join(rules, name)}:${broken[name]!.place}: ${words}`;
      expect(result.stderr.split('\n').filter((row) => row.startsWith(line)), name).to.have.length(1);
      expect(report, name).to.contain(`- problem: ${line}`);
    }
  });

  it('gives a YAML syntax error of a rule its column, as a campaign file\'s, and the JSON report the column as a field', async () => {
    const text = readFileSync(WHOAMI, 'utf8').replace('    - attack.t1033\n', '    - attack.t1033: [\n');
    const folder = join(freshTmpDir('gap-rule-syntax'), 'rules');
    mkdirSync(folder);
    writeFileSync(join(folder, 'unclosed.yml'), text);
    const out = freshTmpDir('gap-rule-syntax-out');
    const result = await runCli(['gap', '--threat', 'campaigns', '--coverage', folder, rules, '--out', out, '--report', 'json']);
    const line = text.split('\n').findIndex((row) => row.endsWith(': [')) + 1;
    // The parser places it past the "[" it found open, on that line.
    expect(result.stderr).to.match(new RegExp(`(?:^|\\n)${join(folder, 'unclosed.yml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: not valid YAML: the list \\[ opened on this line is not closed`));
    const json = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { inputs: { source: string; problems: { file: string; line?: number; column?: number; skipped: boolean }[] }[] };
    const problem = json.inputs.find((input) => input.source === folder)?.problems[0];
    expect(problem).to.include({ file: join(folder, 'unclosed.yml'), line, skipped: true });
    expect(problem?.column).to.be.a('number');
    const [, tagLine, tagColumn] = /^(\d+):(\d+)$/.exec(broken['typo_tag.yml']!.place)!;
    expect(json.inputs.find((input) => input.source === rules)?.problems).to.deep.include({
      file: join(rules, 'typo_tag.yml'),
      line: Number(tagLine),
      column: Number(tagColumn),
      message:
        'tag "attack.1033.001" is no ATT&CK tag: neither a technique (attack.t1136.001), a tactic (attack.persistence) nor an object (attack.g0007); it is skipped: write the technique as attack.t followed by its ID',
      skipped: false,
    });
  });

  it('lists a --rules-library folder\'s problems at their line and column in the report\'s inputs', async () => {
    const out = freshTmpDir('gap-rule-places-library');
    const result = await runCli(['gap', '--threat', 'campaigns', '--coverage', 'test/fixtures/gap/detections.csv', '--rules-library', rules, '--out', out]);
    expect(result.code).to.equal(0);
    const report = readFileSync(join(out, 'gap-report.md'), 'utf8');
    // Named as the library names its rules: by the path in the folder given.
    expect(report).to.contain(`- problem: typo_level.yml:${broken['typo_level.yml']!.place}: unknown level "hgih"`);
  });
});
