/**
 * A technique's `report:` that names none of the campaign's sources: the campaign reader finds it, once, at the
 * `report:` key's own line (a list item's own line) and JSON pointer; every command that reads campaigns says it
 * once, and `--strict` fails on it as on a reference left unplaced. The sources are the two Volt Typhoon write-ups
 * test/fixtures/render/two-reports.yaml mirrors (deceiver.io's "Volt Typhoon Engagement", hunt.io's profile).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const CAMPAIGN = [
  'name: Volt Typhoon, two reports',
  'sources:',
  '  - url: https://deceiver.io/2024/11/23/volt-typhoon-engagement/',
  '    title: Volt Typhoon Engagement (deceiver.io)',
  '  - url: https://hunt.io/malware-families/volt-typhoon-apt',
  '    title: Volt Typhoon APT (hunt.io)',
  'techniques:',
  '  - ref: Valid Accounts (T1078)',
  '    tactic: Initial Access',
  '    evidence: logs in over VPN with stolen credentials',
  '    report: CISA AA24-038A',
  '  - ref: T1190',
  '    report:',
  '      - volt typhoon apt (hunt.io)',
  '      - Red Sky Alliance',
  '',
].join('\n');

function campaignFile(): string {
  const file = join(freshTmpDir('campaign-reports'), 'volt.yaml');
  writeFileSync(file, CAMPAIGN);
  return file;
}

/** The two findings: the `report:` key of line 11, the list's second item on line 15. */
const FIRST = /(?:line |:)11: \/techniques\/0\/report: "CISA AA24-038A" is the url or title of none of the campaign's sources \("Volt Typhoon Engagement \(deceiver\.io\)", "Volt Typhoon APT \(hunt\.io\)"\)/g;
const SECOND = /(?:line |:)15: \/techniques\/1\/report\/1: "Red Sky Alliance" is the url or title of none/g;

/** How many times `pattern` matches `text`. */
function times(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

describe('a report: naming none of the campaign sources', () => {
  it('normalize: lists it once among the warnings, with the line of report: and its pointer, and exits 0', async () => {
    const result = await runCli(['normalize', campaignFile()]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.include('  - line 11: /techniques/0/report: "CISA AA24-038A" is the url or title of none');
    expect(result.stdout).to.include('  - line 15: /techniques/1/report/1: "Red Sky Alliance"');
    expect(result.stdout).to.not.include('"volt typhoon apt (hunt.io)" is the url');
  });

  for (const [command, args] of [
    ['normalize', (file: string) => ['normalize', file]],
    ['render', (file: string) => ['render', file, '--out', join(freshTmpDir('campaign-reports'), 'layers')]],
    ['compare', (file: string) => ['compare', file, '--with', 'G1017']],
    ['gap', (file: string) => ['gap', '--threat', file, '--coverage', 'test/fixtures/gap/detections.csv', '--out', join(freshTmpDir('campaign-reports'), 'review')]],
  ] as const) {
    it(`${command}: says each once and exits 0; --strict exits 1 naming them`, async () => {
      const file = campaignFile();
      const result = await runCli(args(file));
      expect(result.code, result.stderr).to.equal(0);
      const said = result.stdout + result.stderr;
      expect(times(said, FIRST), said).to.equal(1);
      expect(times(said, SECOND), said).to.equal(1);

      const strict = await runCli([...args(file), '--strict']);
      expect(strict.code).to.equal(1);
      expect(strict.stderr).to.include("--strict: 2 report: values name none of the campaign's sources");
      expect(times(strict.stderr, FIRST)).to.be.greaterThan(0);
      // Normalize and compare have printed their output when --strict fails them: the message says so, never "nothing was written".
      if (command === 'normalize' || command === 'compare') {
        expect(strict.stdout).to.not.equal('');
        expect(strict.stderr).to.not.include('nothing was written');
        expect(strict.stderr).to.include('printed above, and the run fails (--strict)');
      }
    });
  }

  it('render --strict: writes nothing', async () => {
    const out = join(freshTmpDir('campaign-reports'), 'layers');
    const result = await runCli(['render', campaignFile(), '--out', out, '--strict']);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('nothing was written');
    expect(existsSync(out)).to.equal(false);
  });
});
