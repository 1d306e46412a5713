/**
 * Atomic Red Team tests for `gap --tests`. Fixtures in test/fixtures/atomic-tests/atomics: T1003.008/T1003.008.yaml and
 * Indexes/Indexes-CSV/index.csv are excerpts of redcanaryco/atomic-red-team (MIT License, Copyright (c) 2018 Red
 * Canary), verbatim; T1086/T1086.yaml and Indexes/index.yaml are written for these tests in its layout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseAtomicTests, placeAtomicTests, readAtomicTests, testsOnPlatforms, testsText } from '../../lib/coverage/atomic-tests.js';
import { freshTmpDir, loadRelease } from '../helpers/attack.js';

const atomics = 'test/fixtures/atomic-tests/atomics';
const csv = `${atomics}/Indexes/Indexes-CSV/index.csv`;

describe('parseAtomicTests', () => {
  it('refuses a test file that is not valid YAML, naming the line (read as js-yaml events, as the Sigma reader reads)', () => {
    // A test that lists `name` twice: every YAML 1.2 loader refuses the duplicate key.
    const text = 'attack_technique: T1003\natomic_tests:\n- name: one\n  name: two\n';
    expect(() => parseAtomicTests(text, 'T1003.yaml'))
      .to.throw('T1003.yaml: not valid YAML: duplicated mapping key "name" (line 4, column 3)')
      .with.property('line', 4);
  });

  it("reads an atomics/Txxxx/Txxxx.yaml: each test's name, GUID (none when left empty), platforms and executor", () => {
    const file = `${atomics}/T1003.008/T1003.008.yaml`;
    expect(parseAtomicTests(readFileSync(file, 'utf8'), file)).to.deep.equal([
      { technique: 'T1003.008', name: 'Access /etc/shadow (Local)', guid: '3723ab77-c546-403c-8fb4-bb577033b235', platforms: ['linux'], executor: 'bash', file },
      { technique: 'T1003.008', name: 'Access /etc/master.passwd (Local)', platforms: ['freebsd'], executor: 'sh', file },
      { technique: 'T1003.008', name: 'Access /etc/passwd (Local)', guid: '60e860b6-8ae6-49db-ad07-5e73edd88f5d', platforms: ['freebsd', 'linux'], executor: 'sh', file },
    ]);
  });

  it('reads an index YAML, keeping once a test its technique lists under each of its tactics (T1053.002: persistence, execution)', () => {
    const file = `${atomics}/Indexes/index.yaml`;
    const tests = parseAtomicTests(readFileSync(file, 'utf8'), file);
    expect(tests.map((t) => [t.technique, t.name, t.platforms])).to.deep.equal([
      ['T1003', 'Dump a credential store with a tool', ['windows']],
      ['T1003', 'Read a mailbox from a cloud tenant', ['office-365']],
      ['T1053.002', 'Schedule a job with at', ['linux']],
    ]);
  });

  it("reads an index CSV (no platform: index.csv names none; a per-platform index's name gives its platform) with each test's line", () => {
    const text = readFileSync(csv, 'utf8');
    const all = parseAtomicTests(text, csv);
    expect(all).to.have.length(8);
    expect(all[5]).to.deep.equal({ technique: 'T1003', name: 'Gsecdump', guid: '96345bfc-8ae7-4b6a-80b7-223200f24ef9', executor: 'command_prompt', file: csv, line: 7 });
    const linux = parseAtomicTests(text, 'linux-index.csv');
    expect(linux.every((t) => t.platforms?.join() === 'linux')).to.equal(true);
  });

  // index.csv saved as art-index.csv: every test was of a platform "art", left out as one ATT&CK does not have.
  it("reads a prefix that is no platform of Atomic Red Team's indexes (art-index.csv) as a name given to index.csv: no platform", () => {
    const text = readFileSync(csv, 'utf8');
    expect(parseAtomicTests(text, 'downloads/art-index.csv')).to.deep.equal(parseAtomicTests(text, csv).map((test) => ({ ...test, file: 'downloads/art-index.csv' })));
    expect(parseAtomicTests(text, 'iaas-aws-index.csv').every((t) => t.platforms?.join() === 'iaas-aws')).to.equal(true);
  });

  it('refuses a file that holds no Atomic Red Team test, naming it and what to give', () => {
    expect(() => parseAtomicTests('title: a rule\nlogsource:\n  product: windows\ndetection:\n  condition: x\n', 'rule.yml')).to.throw(
      'rule.yml: not Atomic Red Team tests; give an atomics folder, atomics/Indexes/index.yaml, Indexes-CSV/index.csv or an atomics/Txxxx/Txxxx.yaml file of Atomic Red Team',
    );
  });
});

describe('readAtomicTests', () => {
  it('reads a folder as its Txxxx/Txxxx.yaml files, by name, leaving its Indexes/ out', () => {
    const set = readAtomicTests(atomics);
    expect([set.files, set.tests.map((t) => t.technique)]).to.deep.equal([2, ['T1003.008', 'T1003.008', 'T1003.008', 'T1086']]);
  });

  it('refuses a folder without test files (exit 2)', () => {
    const dir = freshTmpDir('atomic-empty');
    writeFileSync(join(dir, 'notes.txt'), 'nothing');
    expect(() => readAtomicTests(dir)).to.throw(`${dir}: the folder holds no Txxxx/Txxxx.yaml test file`).with.property('exitCode', 2);
  });
});

describe('placeAtomicTests', () => {
  const target = loadRelease('18.1');

  it('counts a revoked ID under its replacement (T1086 -> T1059.001) and leaves out a test only for a platform ATT&CK lacks (freebsd)', () => {
    const placed = placeAtomicTests(readAtomicTests(atomics), { target });
    expect(placed.placed.map((t) => [t.id, t.name, t.releasePlatforms])).to.deep.equal([
      ['T1003.008', 'Access /etc/shadow (Local)', ['Linux']],
      ['T1003.008', 'Access /etc/passwd (Local)', ['Linux']],
      ['T1059.001', 'Run a script block that lists processes', ['Windows']],
    ]);
    expect(placed.notes).to.deep.equal([
      `Atomic Red Team tests ${atomics}: revoked IDs counted under their replacement: T1086 -> T1059.001 (1)`,
      `Atomic Red Team tests ${atomics}: tests only for platforms ATT&CK ${target.label} does not have, left out: freebsd (1)`,
    ]);
  });

  it("reads Atomic Red Team's platform names as the release's (office-365 -> Office Suite), and says so when a file names none", () => {
    const yaml = placeAtomicTests(readAtomicTests(`${atomics}/Indexes/index.yaml`), { target });
    expect(yaml.placed.map((t) => t.releasePlatforms)).to.deep.equal([['Windows'], ['Office Suite'], ['Linux']]);
    const index = placeAtomicTests(readAtomicTests(csv), { target });
    expect(index.placed.every((t) => !t.releasePlatforms)).to.equal(true);
    expect(index.notes.at(-1)).to.contain('the file names no platform (index.csv does not), so each test counts on every platform of its technique');
  });

  it("lists a technique's tests on a row's platforms only, and says them in the reports' words", () => {
    const placed = placeAtomicTests(readAtomicTests(`${atomics}/Indexes/index.yaml`), { target }).placed;
    expect(testsOnPlatforms(placed, 'T1003' as never, ['Linux', 'Windows']).map((t) => t.name)).to.deep.equal(['Dump a credential store with a tool']);
    expect(testsOnPlatforms(placed, 'T1003' as never, ['Linux'])).to.deep.equal([]);
    expect(testsText(testsOnPlatforms(placed, 'T1003' as never, ['Office Suite', 'Windows']), { shown: 1 })).to.equal(
      'tests: 2 (Dump a credential store with a tool; and 1 more)',
    );
    expect(testsText([])).to.equal('tests: none on its platforms');
  });

  it("lists a parent's row its sub-techniques' tests after its own (via T1003.008), a sub-technique's row its parent's own, never a sibling's", () => {
    const placed = [
      ...placeAtomicTests(readAtomicTests(`${atomics}/Indexes/index.yaml`), { target }).placed,
      ...placeAtomicTests(readAtomicTests(`${atomics}/T1003.008/T1003.008.yaml`), { target }).placed,
    ];
    const names = (id: string, platforms: string[]): string[] => testsOnPlatforms(placed, id as never, platforms).map((t) => `${t.name}${t.via ? ` via ${t.via}` : ''}`);
    expect(names('T1003', ['Linux', 'Windows'])).to.deep.equal([
      'Dump a credential store with a tool',
      'Access /etc/shadow (Local) via T1003.008',
      'Access /etc/passwd (Local) via T1003.008',
    ]);
    expect(names('T1003.008', ['Linux', 'Windows'])).to.deep.equal(['Access /etc/shadow (Local)', 'Access /etc/passwd (Local)', 'Dump a credential store with a tool via T1003']);
    // T1003.001 gets the parent's own test, not its sibling T1003.008's; on Linux the parent's (Windows) test does not run.
    expect(names('T1003.001', ['Windows'])).to.deep.equal(['Dump a credential store with a tool via T1003']);
    expect(names('T1003.001', ['Linux'])).to.deep.equal([]);
    expect(testsText(testsOnPlatforms(placed, 'T1003' as never, ['Linux', 'Windows']), { shown: 2 })).to.equal(
      'tests: 1 own, 2 of its sub-techniques (Dump a credential store with a tool; Access /etc/shadow (Local) (via T1003.008); and 1 more)',
    );
    expect(testsText(testsOnPlatforms(placed, 'T1003.001' as never, ['Windows']))).to.equal("tests: 0 own, 1 of its parent (Dump a credential store with a tool (parent's test))");
  });
});
