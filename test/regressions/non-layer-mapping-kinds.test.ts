/**
 * Files that name ATT&CK techniques but are no layer, campaign or report, given by mistake, are told as what they are,
 * in the same words by every command (kindOfValue, kindOfText: one answer). CTID's ATT&CK to VERIS
 * `ATT&CK-VERIS Backhaul.json` (its `attack_version` and `techniques` a campaign's fields) was "a campaign file" to
 * upgrade, export, combine, extract and gap --coverage, and "a report's text" to validate, normalize, render, gap
 * --threat and compare: extract sent the user to normalize, which sent them back to extract. Security Stack Mappings'
 * YAML was a campaign to some and a layer to others; a mitreattack-python techniques sheet as JSON records (a `domain`
 * and a `version` in each) was upgraded as a file of empty layers. Fixtures: test/fixtures/attack-mapping (README).
 */
import { join } from 'node:path';
import { expect } from 'chai';
import { kindOf } from '../../lib/input-kind.js';
import { readFileSync } from 'node:fs';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const fixtures = join(repoRoot, 'test/fixtures/attack-mapping');
const layer = join(repoRoot, 'test/fixtures/layers/attack-19.json');
const campaign = join(repoRoot, 'test/fixtures/campaigns/every-field.json');

const MAPPING = "this is a mapping of ATT&CK techniques to another framework (VERIS actions, security controls, vulnerabilities), as CTID's ATT&CK to VERIS, Mappings Explorer and Security Stack Mappings publish them, not ";
const SHEET = "this is ATT&CK's own data as a table (a sheet of mitreattack-python's attackToExcel as JSON records: ID, STIX ID, name, tactics …), not ";

const CASES: ReadonlyArray<readonly [file: string, kind: string, says: string]> = [
  ['attack-veris-backhaul.json', 'attack-mapping', MAPPING],
  ['attack-veris-mappings.json', 'attack-mapping', MAPPING],
  ['mappings-explorer-cve.json', 'attack-mapping', MAPPING],
  ['security-stack-guardduty.yaml', 'attack-mapping', MAPPING],
  ['attack-to-excel-techniques.json', 'attack-data-sheet', SHEET],
];

/** Every command that reads a file a user may give one of these to, each with the file in its place. */
const commands = (file: string, out: string): string[][] => [
  ['validate', file],
  ['upgrade', file],
  ['export', file, '--format', 'csv'],
  ['combine', file, layer, '--op', 'max'],
  ['normalize', file],
  ['render', file, '--out', out],
  ['extract', file],
  ['gap', '--threat', file, '--coverage', layer, '--out', out],
  ['gap', '--threat', campaign, '--coverage', file, '--out', out],
  ['compare', file, '--with', 'APT29'],
];

describe('files of ATT&CK mappings and data that are no layer, campaign or report', () => {
  for (const [name, kind, says] of CASES) {
    const file = join(fixtures, name);
    it(`tells ${name} as ${kind}`, () => {
      expect(kindOf(readFileSync(file, 'utf8'))).to.equal(kind);
    });
    it(`every command says what ${name} is, in the same words, and exits 1`, async () => {
      for (const argv of commands(file, freshTmpDir('mapping-kinds'))) {
        const { code, stdout, stderr } = await runCli(argv);
        expect(code, argv.join(' ')).to.equal(1);
        expect(`${stdout}${stderr}`, argv.join(' ')).to.contain(`${name}: ${says}`);
      }
    });
  }

  it('says what can be done with a mapping: its project\'s layers, not normalize or extract', async () => {
    const { stderr } = await runCli(['normalize', join(fixtures, 'attack-veris-backhaul.json')]);
    expect(stderr).to.contain("use the layers its project publishes beside it (Mappings Explorer's and Security Stack Mappings' layers, attack_to_veris's frameworks/veris/layers)");
    expect(stderr).to.not.match(/extract|report's text/);
  });
});
