/**
 * Issue 15, items 10 and 11: nothing from input reaches a terminal as a control sequence (a campaign named
 * `\e]0;PWNED\a\e[2J evil` set the window title and cleared the screen), and messages do not repeat a 100 KB input.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, repoRoot, stixDir, testCacheDir } from '../helpers/attack.js';

/** Run the CLI with stdout and stderr that say whether they are terminals. */
async function runOn(argv: string[], isTTY: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  const { run } = await import('../../lib/cli/run.js');
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { isTTY, write: (chunk: string) => (stdout += chunk) },
    stderr: { isTTY, write: (chunk: string) => (stderr += chunk) },
    env: { ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: dirname(testCacheDir()) },
    cwd: repoRoot,
  });
  return { code, stdout, stderr };
}

// Any C0 control but tab and line feed, DEL, C1, bidi overrides: what a terminal acts on.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal escapes and long messages (issue 15, items 10 and 11)', () => {
  const dir = freshTmpDir('terminal');
  const campaign = join(dir, 'evil.yaml');
  writeFileSync(campaign, 'name: "\\e]0;PWNED\\a\\e[2J evil"\ntechniques: [T1059, "\\e[31mred \\u202Eyaw"]\n');

  it('normalize in a terminal shows the campaign name and references inert, on stdout and stderr', async () => {
    const result = await runOn(['normalize', campaign], true);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.contain('\\x1B]0;PWNED\\x07\\x1B[2J evil');
    // The table's own colours (bold, red, green, yellow, reset) and the progress line's rewrite are the only control
    // sequences left.
    expect(result.stdout.replace(/\u001b\[(?:0|1|3[1-3])m/g, '') + result.stderr.replace(/\r\u001b\[K/g, '')).to.not.match(CONTROL);
    expect(result.stderr).to.contain('\\x1B[31mred \\u202Eyaw');
    // A colour code in a reference is no table colour: the table on stdout shows it inert too.
    expect(result.stdout).to.contain('\\x1B[31mred \\u202Eyaw');
  });

  it('a field name with escapes in an error message is shown inert (stderr, even when it is not a terminal)', async () => {
    const bad = join(dir, 'bad-field.yaml');
    writeFileSync(bad, 'name: x\ntechniques: [T1059]\n"\\e[2Jbad": 1\n');
    const result = await runOn(['normalize', bad], false);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain('unknown field "\\x1B[2Jbad"');
    expect(result.stderr).to.not.match(CONTROL);
  });

  it('stdout that is not a terminal gets the exact text (JSON escapes its own)', async () => {
    const result = await runOn(['normalize', campaign, '--json'], false);
    expect((JSON.parse(result.stdout) as { name: string }[])[0]!.name).to.equal('\u001b]0;PWNED\u0007\u001b[2J evil');
  });

  it('a layer with a UTF-8 byte-order mark is read by every command that reads layers (it was refused with an invisible character)', async () => {
    const bom = join(dir, 'bom.layer.json');
    const layer = { name: 'BOM', domain: 'enterprise-attack', versions: { layer: '4.5', attack: '18', navigator: '5.1.0' }, techniques: [{ techniqueID: 'T1059.001', score: 1 }] };
    writeFileSync(bom, `\uFEFF${JSON.stringify(layer)}`);
    for (const argv of [['validate', bom], ['export', bom, '--format', 'csv'], ['upgrade', bom], ['combine', bom, bom, '--op', 'max']]) {
      const result = await runOn([...argv, '--quiet'], false);
      expect([argv[0], result.code, result.stderr]).to.deep.equal([argv[0], 0, '']);
      expect(result.stdout).to.contain('T1059.001').and.not.contain('\uFEFF');
    }
  });

  it('an error message does not repeat a 100 KB input: the line is cut in the middle, keeping the place', async () => {
    const long = join(dir, 'long-field.json');
    writeFileSync(long, JSON.stringify({ name: 'x', techniques: ['T1059'], ['x'.repeat(100_000)]: 1 }));
    const result = await runOn(['normalize', long], false);
    expect(result.code).to.equal(1);
    const [line] = result.stderr.split('\n');
    expect(line!.length).to.be.below(1100);
    expect(line).to.match(/long-field\.json: not a valid campaign file: line 1, .* … \[\d+ characters cut\] … /);
  });
});
