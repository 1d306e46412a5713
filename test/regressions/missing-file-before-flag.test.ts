/**
 * `attack-layers combine x.json y.json` with neither file there answered "--op is required (…)", and `render x.yaml`
 * "--out is required": the user gives the flag, runs again, and only then learns the file is not there. Each command
 * given a file that is not there now says so first, with what else is missing on the same line (exit 2).
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const LAYER = join(repoRoot, 'layers/all.layer.json');
const CAMPAIGNS = join(repoRoot, 'campaigns');

describe('regressions: a missing input file is said before a missing flag', () => {
  const cases: ReadonlyArray<readonly [what: string, argv: readonly string[], said: string]> = [
    ['combine of two files not there, no --op', ['combine', 'x.json', 'y.json'], 'attack-layers combine: x.json: no such file; y.json: no such file; --op is required (how scores combine: '],
    ['combine of a file not there beside one that is, --op misspelled', ['combine', LAYER, 'y.json', '--op', 'xor'], 'attack-layers combine: y.json: no such file; --op xor: use one of sum, max, min, mean, diff, intersect, union\n'],
    ['render of a campaign not there, no --out', ['render', 'x.yaml'], 'attack-layers render: x.yaml: no such campaign file or folder; --out is required (the folder to write <campaign id>.layer.json files into)\n'],
    ['gap with a --coverage not there, no --out', ['gap', '--threat', CAMPAIGNS, '--coverage', 'rules.csv'], 'attack-layers gap: --coverage rules.csv: no such file or folder; --out is required (the folder for coverage.layer.json'],
  ];
  for (const [what, argv, said] of cases) {
    it(`${what}: ${argv.slice(0, 1).join(' ')} says the file first`, async () => {
      const result = await runCli(argv, {}, { cwd: freshTmpDir('missing-first') });
      expect([result.code, result.stdout]).to.deep.equal([2, '']);
      expect(result.stderr.startsWith(said), result.stderr).to.equal(true);
      expect(result.stderr).to.match(/\nRun `attack-layers \w+ --help` for usage\.\n$/);
    });
  }

  it('a file that is there is not named: combine <layer> without --op asks for --op alone', async () => {
    const result = await runCli(['combine', LAYER]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/^attack-layers combine: --op is required \(/);
  });

  it('--help with a file not there still shows the help', async () => {
    const result = await runCli(['combine', 'x.json', '--help']);
    expect([result.code, result.stderr]).to.deep.equal([0, '']);
    expect(result.stdout).to.match(/^attack-layers combine <layers\.\.>/);
  });

  // Commands that need no flag said the file already; each is checked so that it stays so.
  for (const argv of [['upgrade', 'x.json'], ['export', 'x.json'], ['validate', 'x.json'], ['compare', 'x.json'], ['normalize', 'x.yaml'], ['extract', 'x.txt'], ['suggest', 'x.txt']]) {
    it(`${argv.join(' ')} names the file not there (exit 2)`, async () => {
      const result = await runCli(argv, {}, { cwd: freshTmpDir('missing-first') });
      expect(result.code).to.equal(2);
      expect(result.stderr).to.match(new RegExp(`^attack-layers ${argv[0]}: ${argv[1]!.replace('.', '\\.')}: no such `));
    });
  }
});
