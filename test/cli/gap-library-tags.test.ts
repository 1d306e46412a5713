/**
 * `gap --rules-library`: library rules whose technique tags name no technique of the release reviewed are counted and
 * said per tag (stderr's library line, the report's inputs), never dropped unsaid; revoked tags are read as their
 * replacement and said so. Real material: SigmaHQ's rules of ../shared/sigma (which tag ATT&CK 19's T1685 and T1686,
 * and 18.1's T1653, T1219.002) reviewed against 18.1 and 12.1 (skipped where that checkout is missing); the revoked and
 * mistyped tags are test/fixtures/gap/library-tags, in our words.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const sigma = [resolve(repoRoot, '../shared/sigma'), resolve(repoRoot, '../../shared/sigma')].find((dir) => existsSync(dir)) ?? resolve(repoRoot, '../shared/sigma');
const rulesDir = join(sigma, 'rules');
const coverage = join(repoRoot, 'test', 'fixtures', 'gap', 'sigma');
const threatLayer = join(repoRoot, 'layers', 'temp-periscope-cambodia-2018.layer.json');

/** Every .yml file under a folder. */
const ymlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? ymlFiles(path) : name.endsWith('.yml') ? [path] : [];
  });
/** The technique tags a SigmaHQ rule file writes (`- attack.t1685.005`), lower case, each once. */
const techniqueTags = (file: string): string[] => [...new Set([...readFileSync(file, 'utf8').matchAll(/^\s*-\s*(attack\.t\d{4}(?:\.\d+)?)\s*$/gim)].map((m) => m[1]!.toLowerCase()))];

describe('gap --rules-library: tags of no technique of the release, counted per tag (real SigmaHQ rules)', function () {
  const review = async (release: string) => {
    const out = join(freshTmpDir(`gap-library-tags-${release}`), 'review');
    const run = await runCli(['gap', '--threat', threatLayer, '--coverage', coverage, '--rules-library', rulesDir, '--attack-release', release, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as GapReportData;
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    return { report, stderr: run.stderr, out };
  };
  let files: Map<string, string[]>;

  before(function () {
    if (!existsSync(rulesDir)) this.skip();
    files = new Map(ymlFiles(rulesDir).map((file) => [file, techniqueTags(file)]));
  });

  it('18.1: counts each ATT&CK 19 tag (past T1684) by the rules that write it, and the rules it leaves with no technique', async () => {
    const { report, stderr } = await review('18.1');
    const tags = report.library!.tags!;
    expect(tags.length).to.be.greaterThan(3);
    for (const tag of tags) {
      expect(tag.source).to.equal(rulesDir);
      expect(Number(/^attack\.t(\d{4})/.exec(tag.tag)![1]), tag.tag).to.be.greaterThan(1684);
      expect(tag.why, tag.tag).to.match(/^an ID past 18\.1's newest technique: of ATT&CK 19 or later, not at hand/);
      // As many rules as files write the tag.
      expect(tag.rules, tag.tag).to.equal([...files.values()].filter((list) => list.includes(tag.tag)).length);
    }
    // A rule left out is one whose every technique tag is of ATT&CK 19.
    const listed = new Set(tags.map((tag) => tag.tag));
    const alone = [...files.values()].filter((list) => list.length && list.every((tag) => listed.has(tag))).length;
    expect(report.library!.unplaced).to.equal(alone);
    expect(alone).to.be.greaterThan(100);
    expect(stderr).to.include(`rules library ${rulesDir}: `);
    expect(stderr).to.include(`${alone} rules left out, ${tags.length} technique tags naming no technique of ATT&CK enterprise-attack 18.1, listed with why in`);
    // One line per tag, never one per rule: no rule's file is named for it.
    expect(stderr).to.not.include('attack.t1685');
  });

  it('12.1: names the release at hand that has a newer tag (attack.t1653, Power Settings since ATT&CK 13), and lists each tag once in the Markdown inputs', async () => {
    const { report, out } = await review('12.1');
    const tag = report.library!.tags!.find((entry) => entry.tag === 'attack.t1653')!;
    expect(tag.why).to.equal('an ATT&CK 18.1 technique, T1653 Power Settings, not in 12.1: review with --attack-release 18.1 to count it');
    expect(tag.rules).to.equal([...files.values()].filter((list) => list.includes('attack.t1653')).length);
    expect(report.library!.tags!.find((entry) => entry.tag === 'attack.t1685')!.why).to.match(/^an ID past 18\.1's newest technique: of ATT&CK 19 or later/);
    const md = join(out, 'again');
    const run = await runCli(['gap', '--threat', threatLayer, '--coverage', coverage, '--rules-library', rulesDir, '--attack-release', '12.1', '--out', md, '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const text = readFileSync(join(md, 'gap-report.md'), 'utf8');
    const lines = text.split('\n').filter((line) => line.startsWith('  - tag '));
    expect(lines).to.have.length(report.library!.tags!.length);
    expect(lines.filter((line) => line.startsWith('  - tag attack.t1653: ') && line.endsWith('T1653 Power Settings, not in 12.1: review with --attack-release 18.1 to count it'))).to.have.length(1);
    expect(text).to.include(`left out as their technique tags name no technique of the release (by tag in the inputs)`);
  });
});

describe('gap --rules-library: revoked and mistyped tags (test/fixtures/gap/library-tags)', () => {
  it('reads attack.t1086 as T1059.001 and says so; counts attack.t1059.01 once for its two rules, with the right spelling to write', async () => {
    const dir = freshTmpDir('gap-library-tags-fixture');
    writeFileSync(
      join(dir, 'threat.json'),
      JSON.stringify({ name: 't', versions: { attack: '18', layer: '4.5', navigator: '5.1.0' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059.001', score: 1 }, { techniqueID: 'T1105', score: 1 }] }),
    );
    const library = join(repoRoot, 'test', 'fixtures', 'gap', 'library-tags');
    const out = join(dir, 'review');
    // The coverage covers neither technique: both are gaps, for which the library's rules are proposed.
    writeFileSync(join(dir, 'coverage.json'), JSON.stringify({ name: 'c', versions: { attack: '18', layer: '4.5', navigator: '5.1.0' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1003', score: 100 }] }));
    const run = await runCli(['gap', '--threat', join(dir, 'threat.json'), '--coverage', join(dir, 'coverage.json'), '--rules-library', library, '--out', out, '--report', 'csv']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.include('3 rules read, 0 ignored, 0 invalid, 1 rule left out, 1 technique tag naming no technique of ATT&CK enterprise-attack 18.1, 1 revoked tag read as the replacement');
    const csv = readFileSync(join(out, 'gap-report.csv'), 'utf8');
    expect(csv).to.include('attack.t1086: 1 rule, revoked: read as T1059.001');
    expect(csv).to.match(/attack\.t1059\.01: 2 rules \(1 left out, with no other technique\), malformed ID ""?T1059\.01""?: a sub-technique number has three digits; did you mean T1059\.001/);
    // The revoked tag's rule is proposed under its replacement.
    expect(csv).to.match(/Encoded PowerShell Command Line \(old tag\) \[proc_creation_win_revoked_tag\.yml:\d+\]/);
  });
});
