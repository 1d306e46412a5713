/**
 * JSON or YAML that parses but is no kind the tool reads was said to be what it is not: a SARIF log or a package.json
 * ("version": "2.1.0", "1.0.0") was a Navigator layer of that format to every command (upgrade wrote an empty layer of
 * it and exited 0, gap --coverage reviewed against it), and a TheHive case or a CSV's rows as JSON was "a report's text"
 * to normalize, render, compare and gap --threat (its description lines read as prose), which sent the user to extract.
 * Now every command says it is JSON (or YAML) of no kind, with its keys at the top (or its first item's), what a
 * campaign file and a layer have, and that extract reads the IDs its text holds; extract still does, with a warning;
 * gap --coverage says what it reads from JSON. Fixtures: test/fixtures/no-kind (README).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { keysOfNoKind, kindOf } from '../../lib/input-kind.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const fixtures = join(repoRoot, 'test/fixtures/no-kind');
const layer = join(repoRoot, 'test/fixtures/layers/attack-19.json');
const campaign = join(repoRoot, 'test/fixtures/campaigns/every-field.json');

const EXTRACT = "if its text names ATT&CK techniques, `attack-layers extract ";

const OBJECTS: ReadonlyArray<readonly [file: string, keys: string]> = [
  ['npm-package.json', '"name", "version", "description", "main", "scripts", "keywords" and 3 more'],
  ['codeql.sarif.json', '"$schema", "version", "runs"'],
  ['thehive-case.json', '"_id", "_type", "_createdBy", "_createdAt", "number", "title" and 11 more'],
];

const layerCommands = (file: string, out: string): string[][] => [
  ['validate', file],
  ['upgrade', file],
  ['export', file, '--format', 'csv'],
  ['combine', file, layer, '--op', 'max'],
];
const campaignCommands = (file: string, out: string): string[][] => [
  ['normalize', file],
  ['render', file, '--out', out],
  ['gap', '--threat', file, '--coverage', layer, '--out', out],
  ['compare', file, '--with', 'APT29'],
];

describe('JSON and YAML of no kind the tool reads', () => {
  for (const [name, keys] of OBJECTS) {
    const file = join(fixtures, name);
    it(`${name} is of no kind`, () => {
      expect(kindOf(readFileSync(file, 'utf8'))).to.equal(undefined);
    });
    it(`every command that reads a layer or a campaign says ${name} is JSON of no kind, with its keys, and exits 1`, async () => {
      for (const argv of [...layerCommands(file, ''), ...campaignCommands(file, freshTmpDir('no-kind'))]) {
        const { code, stdout, stderr } = await runCli(argv);
        // validate writes its findings to stdout.
        const said = `${stdout}${stderr}`;
        expect(code, argv.join(' ')).to.equal(1);
        if (argv[0] === 'validate') expect(said).to.contain(`error: schema: ${file}: /: this is JSON of no kind`);
        expect(said, argv.join(' ')).to.contain(`this is JSON of no kind attack-layers reads: its keys at the top are ${keys}; a campaign file has "name" and "techniques"`);
        expect(said, argv.join(' ')).to.contain(`${EXTRACT}${file}\``);
        expect(said, argv.join(' ')).to.not.match(/this is an ATT&CK Navigator layer|report's text|upgraded from layer format/);
      }
    });
    it(`gap --coverage refuses ${name}, saying what it reads from JSON`, async () => {
      const { code, stderr } = await runCli(['gap', '--threat', campaign, '--coverage', file, '--out', freshTmpDir('no-kind')]);
      expect(code).to.equal(1);
      expect(stderr).to.contain(`${file}: JSON of no coverage kind`);
    });
  }

  it("extract still reads a TheHive case's technique IDs, warning that it is JSON of no kind", async () => {
    const file = join(fixtures, 'thehive-case.json');
    const { code, stdout, stderr } = await runCli(['extract', file]);
    expect(code).to.equal(0);
    expect(stderr).to.contain(`${file}: valid JSON of no kind extract reads`);
    for (const id of ['T1566.001', 'T1059.001', 'T1053.005']) expect(stdout).to.contain(id);
  });

  it('a CSV saved as JSON records is no report to the campaign readers: its first row\'s keys are named', async () => {
    const file = join(fixtures, 'csv-records.json');
    for (const argv of campaignCommands(file, freshTmpDir('no-kind'))) {
      const { code, stderr } = await runCli(argv);
      expect(code, argv.join(' ')).to.equal(1);
      expect(stderr, argv.join(' ')).to.contain(`${file}: this is JSON of no kind attack-layers reads: a list whose first item (/0) has the keys "Technique ID", "Technique Name", "Tactic"`);
    }
  });

  // A list of another program's records, no element of it a layer, was "none of the 2 elements of its array is a layer"
  // (each element quoted whole) to validate, upgrade, export, combine and gap --coverage, while the campaign readers
  // said what it is: now every command says it is JSON of no kind, naming its first item's keys, as it does of one record.
  const LISTS: ReadonlyArray<readonly [name: string, file: () => string, keys: string]> = [
    ['CSV rows saved as JSON records', () => join(fixtures, 'csv-records.json'), 'a list whose first item (/0) has the keys "Technique ID", "Technique Name", "Tactic"'],
    [
      "a list of TheHive cases (its API's case search)",
      () => {
        const file = join(freshTmpDir('no-kind'), 'thehive-cases.json');
        const theCase = JSON.parse(readFileSync(join(fixtures, 'thehive-case.json'), 'utf8')) as Record<string, unknown>;
        writeFileSync(file, JSON.stringify([theCase, { ...theCase, _id: '~41140464', number: 43 }], null, 2));
        return file;
      },
      'a list whose first item (/0) has the keys "_id", "_type", "_createdBy", "_createdAt", "number", "title" and 11 more',
    ],
  ];
  for (const [name, fileOf, keys] of LISTS) {
    it(`every layer command says ${name} is JSON of no kind, with its first item's keys, and exits 1`, async () => {
      const file = fileOf();
      for (const argv of layerCommands(file, '')) {
        const { code, stdout, stderr } = await runCli(argv);
        const said = `${stdout}${stderr}`;
        expect(code, argv.join(' ')).to.equal(1);
        if (argv[0] === 'validate') expect(said).to.contain(`error: schema: ${file}: /: this is JSON of no kind`);
        expect(said, argv.join(' ')).to.contain(`this is JSON of no kind attack-layers reads: ${keys}; a campaign file has "name" and "techniques"`);
        expect(said, argv.join(' ')).to.contain(`${EXTRACT}${file}\``);
        expect(said, argv.join(' ')).to.not.match(/elements of its array|is not a layer but an object/);
      }
      const { code, stderr } = await runCli(['gap', '--threat', campaign, '--coverage', file, '--out', freshTmpDir('no-kind')]);
      expect(code).to.equal(1);
      expect(stderr).to.contain(`${file}: JSON of no coverage kind`);
    });
  }

  it('a file of layers with one record of no kind among them is still read as layers, the record left out', async () => {
    const record = (JSON.parse(readFileSync(join(fixtures, 'csv-records.json'), 'utf8')) as unknown[])[0];
    const layerValue = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/layers/attack-19.json'), 'utf8')) as unknown;
    for (const elements of [[record, layerValue], [layerValue, record]]) {
      const file = join(freshTmpDir('no-kind'), 'layers.json');
      writeFileSync(file, JSON.stringify(elements));
      const bad = elements.indexOf(record);
      const exported = await runCli(['export', file, '--format', 'csv']);
      expect(exported.code, exported.stderr).to.equal(0);
      expect(exported.stdout).to.contain('T1059');
      expect(exported.stderr).to.not.contain('of no kind');
      const validated = await runCli(['validate', file]);
      expect(validated.stdout).to.contain(`error: navigator-alert: ${file}: /${bad}: {"Technique ID":"T1566.001"`);
      expect(`${validated.stdout}${validated.stderr}`).to.not.contain('of no kind');
    }
  });

  it("extract's warning names the keys of JSON of no kind, as the other commands do", async () => {
    const file = join(fixtures, 'csv-records.json');
    const { code, stderr } = await runCli(['extract', file]);
    expect(code).to.equal(0);
    expect(stderr).to.contain(
      `${file}: valid JSON of no kind extract reads (a list whose first item (/0) has the keys "Technique ID", "Technique Name", "Tactic"; not a STIX bundle, MISP event, Attack Flow or Navigator layer); read as a report's text`,
    );
  });

  it('a CI workflow in YAML is YAML of no kind to the campaign readers, not an invalid campaign', async () => {
    const file = join(fixtures, 'workflow.yml');
    for (const argv of campaignCommands(file, freshTmpDir('no-kind'))) {
      const { code, stderr } = await runCli(argv);
      expect(code, argv.join(' ')).to.equal(1);
      expect(stderr, argv.join(' ')).to.contain(`${file}: this is YAML of no kind attack-layers reads: its keys at the top are "name", "on", "jobs"`);
    }
  });

  it("a report's text whose lines read as a YAML mapping (Summary: …, Vendor: …) is still a report's text", async () => {
    const file = join(freshTmpDir('no-kind'), 'report.txt');
    writeFileSync(file, 'Summary: the actor sent spearphishing attachments to finance users last week\nVendor: a security vendor that tracks this actor closely\n');
    const { code, stderr } = await runCli(['normalize', file]);
    expect(code).to.equal(1);
    expect(stderr).to.contain(`${file}: this is a report's text, not a campaign file`);
  });

  it('a campaign file with a misspelt field is still an invalid campaign, not a file of no kind', async () => {
    const file = join(freshTmpDir('no-kind'), 'typo.yaml');
    writeFileSync(file, 'nam: APT29\ntecniques:\n  - T1059\n');
    const { code, stderr } = await runCli(['normalize', file]);
    expect(code).to.equal(1);
    expect(stderr).to.contain('not a valid campaign file');
    expect(stderr).to.not.contain('of no kind');
  });

  it("a campaign file written in an analyst's other words (threat_actor, ttps) keeps the campaign reader's did-you-mean", async () => {
    // Two of its three keys are words the campaign reader maps to a field (suggestField): it is a campaign with
    // mistakes, whose reader says where each is and what it means, not a file of no kind.
    const file = join(freshTmpDir('no-kind'), 'analyst.yaml');
    writeFileSync(file, 'title: APT29 phishing 2024\nthreat_actor: APT29\nttps:\n  - T1566.001\n');
    const { code, stderr } = await runCli(['normalize', file]);
    expect(code).to.equal(1);
    expect(stderr).to.contain(`${file}:2:1: /threat_actor: unknown field "threat_actor" (did you mean "actor"?)`);
    expect(stderr).to.contain(`${file}:3:1: /ttps: unknown field "ttps" (did you mean "techniques"?)`);
    expect(stderr).to.not.contain('of no kind');
  });

  // A key two letters from a field counted as it: `author` (actor) made a pandoc metadata file a campaign missing its
  // name ("did you mean actor?"), and the name, description and version many files have made a Helm chart one with
  // unknown fields. A key counts only when it surely means a field (fieldMeant: a synonym, or a slip of a letter), and
  // unless every key does, one such must be a campaign's or a layer's own field.
  const YAML_OF_NO_KIND: ReadonlyArray<readonly [file: string, keys: string]> = [
    ['Chart.yaml', '"apiVersion", "name", "description", "type", "version", "appVersion"'],
    ['pandoc-metadata.yaml', '"title", "author"'],
  ];
  for (const [name, keys] of YAML_OF_NO_KIND) {
    it(`${name} is YAML of no kind to the campaign readers, not a campaign with mistakes`, async () => {
      const file = join(fixtures, name);
      for (const argv of campaignCommands(file, freshTmpDir('no-kind'))) {
        const { code, stderr } = await runCli(argv);
        expect(code, argv.join(' ')).to.equal(1);
        expect(stderr, argv.join(' ')).to.contain(`${file}: this is YAML of no kind attack-layers reads: its keys at the top are ${keys};`);
        expect(stderr, argv.join(' ')).to.not.contain('not a valid campaign file');
      }
    });
  }

  describe('keysOfNoKind: which keys mean a campaign with mistakes', () => {
    const rows: ReadonlyArray<readonly [shape: string, value: Record<string, unknown>, noKind: boolean]> = [
      ['a title and an author (author is two letters from actor)', { title: 'x', author: 'y' }, true],
      ['a name and an action (two letters from actor)', { name: 'x', action: 'y' }, true],
      ['a runbook: name, description, steps (two letters from ttps)', { name: 'x', description: 'y', steps: [] }, true],
      ["a campaign in an analyst's words: title, threat_actor, ttps", { title: 'x', threat_actor: 'APT29', ttps: ['T1566.001'] }, false],
      ['a campaign with slips: nam, tecniques', { nam: 'x', tecniques: ['T1059'] }, false],
      ['a campaign begun, its name alone', { name: 'x' }, false],
      ['a campaign with other words: name, description, references, malware', { name: 'x', description: 'y', references: [], malware: ['S0154'] }, false],
    ];
    for (const [shape, value, noKind] of rows) {
      it(`${shape}: ${noKind ? 'of no kind' : 'a campaign with mistakes'}`, () => {
        expect(keysOfNoKind(value) !== undefined).to.equal(noKind);
      });
    }
  });

  // tropChaud/Cyber-Adversary-Heatmaps keeps "Current Intelligence Reports/current_intel_index.json" beside its layers: a
  // list of { title, url } whose urls are the layers' (…/Stealer%20Malware/combined.json). It was "JSON of no kind …
  // extract reads their IDs", and extract found none: it is a list of layers' addresses, which attack-layers never
  // fetches. Our own file in its shape (the repository states no licence).
  it("every command says a list of layers' addresses is that, and to download the layers", async () => {
    const dir = freshTmpDir('no-kind');
    const file = join(dir, 'current_intel_index.json');
    const url = (path: string) => `https://raw.githubusercontent.com/tropChaud/Cyber-Adversary-Heatmaps/main/${path}`;
    writeFileSync(
      file,
      JSON.stringify([
        { title: 'CISA Alert AA22-152A: Karakurt Data Extortion Group (June 2022)', url: url('Current%20Intelligence%20Reports/Karakurt%20Data%20Extortion%20Group%20CISA.json') },
        { title: 'Stealer Malware Roundup (June 2022)', url: url('Stealer%20Malware/combined.json') },
      ], null, 4),
    );
    const plain = join(dir, 'layers.json');
    writeFileSync(plain, JSON.stringify([url('Stealer%20Malware/combined.json')]));
    for (const given of [file, plain]) {
      expect(kindOf(readFileSync(given, 'utf8'))).to.equal('layer-addresses');
      for (const argv of [...layerCommands(given, ''), ...campaignCommands(given, freshTmpDir('no-kind')), ['extract', given], ['gap', '--threat', campaign, '--coverage', given, '--out', freshTmpDir('no-kind')]]) {
        const { code, stdout, stderr } = await runCli(argv);
        const said = `${stdout}${stderr}`;
        expect(code, argv.join(' ')).to.equal(1);
        expect(said, argv.join(' ')).to.contain(`${given}: this is a list of the addresses of JSON files (URLs ending .json`);
        expect(said, argv.join(' ')).to.contain('fetches nothing but ATT&CK\'s own data (`attack-layers data fetch`): download the layers its URLs name, then give the files to validate');
        expect(said, argv.join(' ')).to.not.contain('of no kind');
      }
    }
  });

  it('a list whose records hold no address of a JSON file is still of no kind (a page, a report)', () => {
    expect(kindOf(JSON.stringify([{ title: 'x', url: 'https://example.com/report.html' }]))).to.equal(undefined);
    expect(kindOf(JSON.stringify([{ title: 'x', url: 'https://example.com/a.json' }, { title: 'y' }]))).to.equal(undefined);
  });

  it('files of a kind keep it: a MISP event, a layer, a campaign', () => {
    expect(kindOf(readFileSync(join(repoRoot, 'test/fixtures/misp/misp-stix-event-with-galaxy.json'), 'utf8'))).to.equal('misp-event');
    expect(kindOf(readFileSync(layer, 'utf8'))).to.equal('layer');
    expect(kindOf(readFileSync(campaign, 'utf8'))).to.equal('campaign');
  });
});
