/**
 * `gap --rules-library`: public rules not run, proposed per gap. Real material: the threat is the repository's
 * TEMP.Periscope layer (layers/), the coverage the test fixture rules (test/fixtures/gap/sigma), the library the real
 * SigmaHQ rules of ../shared/sigma (skipped where that checkout is missing).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'chai';
import type { CoverageInput } from '../../lib/coverage/coverage-types.js';
import { libraryFileNames } from '../../lib/coverage/gap-library.js';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { schemaIssues } from '../../lib/schemas.js';
import { parseCsv } from '../../lib/coverage/parse-csv.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';
import { readWorkbook } from '../export/workbook.js';

// ../shared/sigma beside the checkout, as the other gap tests find it (or two up, from a worktree under /work/wt).
const sigma = [resolve(repoRoot, '../shared/sigma'), resolve(repoRoot, '../../shared/sigma')].find((dir) => existsSync(dir)) ?? resolve(repoRoot, '../shared/sigma');
const threat = join(repoRoot, 'layers', 'temp-periscope-cambodia-2018.layer.json');
const coverage = join(repoRoot, 'test', 'fixtures', 'gap', 'sigma');
/** The deepest folder holding both paths. */
const commonAncestor = (a: string, b: string): string => {
  const [x, y] = [a.split(sep), b.split(sep)];
  let i = 0;
  while (i < x.length && x[i] === y[i]) i += 1;
  return x.slice(0, i).join(sep) || sep;
};
/** A threat of the techniques the fixture library's Elastic and Splunk rules detect (test/cli/gap-library-formats.test.ts). */
const LIBRARY_THREAT = {
  name: 'library folders far apart',
  versions: { attack: '18', layer: '4.5', navigator: '5.1.0' },
  domain: 'enterprise-attack',
  techniques: ['T1003.001', 'T1068'].map((techniqueID) => ({ techniqueID, score: 1 })),
};
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

const STATUS = ['stable', 'test', 'experimental'];
const LEVEL = ['critical', 'high', 'medium', 'low', 'informational'];
const at = (order: string[], value: string | undefined) => (value === undefined || !order.includes(value) ? order.length : order.indexOf(value));

describe('gap --rules-library (real SigmaHQ rules)', function () {
  let dir: string;
  let out: string;
  let report: GapReportData;

  before(async function () {
    if (!existsSync(sigma)) this.skip();
    dir = freshTmpDir('gap-library');
    // A Windows team collecting Security and Sysmon's process creation only.
    writeFileSync(join(dir, 'logs.yml'), '- WinEventLog:Security\n- name: WinEventLog:Sysmon\n  channels: [EventCode=1]\n');
    out = join(dir, 'review');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', sigma, '--log-sources', join(dir, 'logs.yml'), '--out', out, '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    report = readJson(join(out, 'gap-report.json'));
  });

  it('writes a report the gap report schema accepts, with the library summarized', () => {
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    expect(report.library?.sources).to.deep.equal([sigma]);
    expect(report.library!.rules).to.be.greaterThan(3000);
    expect(report.library!.gapsWithRules).to.equal(report.rows.filter((row) => row.gap && row.library?.length).length);
  });

  it('proposes for a gap only library rules that tag its technique, never for a covered technique', () => {
    const gaps = report.rows.filter((row) => row.gap);
    expect(gaps.filter((row) => row.library?.length).length).to.be.greaterThan(10);
    expect(report.rows.filter((row) => !row.gap).every((row) => row.library === undefined)).to.equal(true);
    for (const row of gaps) {
      for (const rule of row.library ?? []) {
        // Named in the library folder given: SigmaHQ's own path.
        expect(rule.file, rule.file).to.match(/^rules[\w-]*\/[\w./-]+\.yml$/);
        // SigmaHQ tags current IDs: the technique's tag is in the file (a revoked one would be remapped to it).
        expect(readFileSync(join(sigma, rule.file), 'utf8').toLowerCase(), `${row.id} ${rule.file}`).to.include(`attack.${row.id.toLowerCase()}`);
      }
    }
  });

  it('classes each rule through the log sources file: process creation buildable with Security, image load needing Sysmon 7', () => {
    const rules = report.rows.flatMap((row) => row.library ?? []);
    const creation = rules.filter((rule) => rule.logsources.length === 1 && rule.logsources[0] === 'windows/process_creation');
    const loads = rules.filter((rule) => rule.logsources.length === 1 && rule.logsources[0] === 'windows/image_load');
    expect(creation.length).to.be.greaterThan(10);
    expect(creation.every((rule) => rule.buildable === true)).to.equal(true);
    expect(loads.length).to.be.greaterThan(0);
    expect(loads.every((rule) => rule.buildable === false && rule.needs === 'WinEventLog:Sysmon (EventCode=7)')).to.equal(true);
  });

  it('orders each gap\'s rules buildable first, then by what they need, status, level and path', () => {
    for (const row of report.rows) {
      const list = row.library ?? [];
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1]!, list[i]!];
        const key = (r: typeof a) => [r.buildable ? 0 : 1, r.needs ?? '', at(STATUS, r.status), at(LEVEL, r.level), r.file] as const;
        const [ka, kb] = [key(a), key(b)];
        const first = ka.findIndex((value, k) => value !== kb[k]);
        if (first === -1) continue;
        expect(ka[first]! <= kb[first]!, `${row.id}: ${a.file} before ${b.file}`).to.equal(true);
      }
    }
  });

  it('shows a line per gap in Markdown with real titles and paths, the rest counted, and every rule in CSV', async () => {
    const md = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', sigma, '--log-sources', join(dir, 'logs.yml'), '--out', join(dir, 'md'), '--quiet']);
    expect(md.code, md.stderr).to.equal(0);
    const text = readFileSync(join(dir, 'md', 'gap-report.md'), 'utf8');
    const row = report.rows.find((r) => r.gap && (r.library?.length ?? 0) > 5)!;
    const block = text.slice(text.indexOf(`. ${row.id} `));
    const line = block.split('\n').find((l) => l.startsWith('Rules library, not run:'))!;
    expect(line).to.include(`${row.library!.length} rules not run; buildable now: ${row.library!.filter((r) => r.buildable).length} (`);
    expect(line).to.include(row.library![0]!.name);
    // At most three titles on the line.
    expect(line.split(' (rules').length - 1).to.be.at.most(3);
    expect(line).to.include(`${row.library![0]!.name} (${row.library![0]!.file})`);
    expect(line).to.not.include(sigma);
    const csv = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', sigma, '--log-sources', join(dir, 'logs.yml'), '--out', join(dir, 'csv'), '--report', 'csv', '--quiet']);
    expect(csv.code, csv.stderr).to.equal(0);
    const { rows } = parseCsv(readFileSync(join(dir, 'csv', 'gap-report.csv'), 'utf8'));
    const header = rows[0]!.cells;
    const found = rows.find((r) => r.cells[0] === 'technique' && r.cells[header.indexOf('technique')] === row.id)!;
    expect(found.cells[header.indexOf('library_rules')]!.split(';').length).to.be.at.least(row.library!.length);
  });

  it('names at the top of the Markdown the gaps a library rule buildable now closes that ATT&CK\'s analytics class otherwise', async () => {
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', sigma, '--log-sources', join(dir, 'logs.yml'), '--out', join(dir, 'start'), '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const lines = readFileSync(join(dir, 'start', 'gap-report.md'), 'utf8').split('\n');
    // Before: `- 34 threat techniques, 31 gaps (2 buildable now, 29 needs telemetry)` beside `(24 with a rule buildable now)`,
    // and nothing said which gaps SigmaHQ's rules close now (T1105, 50 process creation rules, its analytics reading Sysmon 3 and 11).
    const gaps = report.rows.filter((row) => row.gap);
    const closed = gaps.flatMap((row, i) => (row.detection?.class !== 'buildable' && row.library?.some((rule) => rule.buildable) ? [{ row, rank: i + 1 }] : []));
    expect(closed.length).to.be.greaterThan(5);
    const rules = (count: number) => `${count} rule${count === 1 ? '' : 's'}`;
    const named = closed.slice(0, 5).map(({ row, rank }) => `#${rank} ${row.id} ${row.name} (${rules(row.library!.filter((rule) => rule.buildable).length)})`);
    expect(lines).to.include(`- A library rule buildable now, for gaps ATT&CK's analytics class otherwise (${closed.length}), by rank: ${named.join('; ')}; and ${closed.length - 5} more`);
    // With the gaps ATT&CK's analytics class buildable, they are the library summary's gaps with a rule buildable now.
    const both = gaps.filter((row) => row.detection?.class === 'buildable' && row.library?.some((rule) => rule.buildable)).length;
    expect(closed.length + both).to.equal(report.library!.gapsBuildable);
  });

  it('names at most three rules in the gap layer\'s metadata, counting the rest, and none in its comment', () => {
    const layer = readJson<NavigatorLayer>(join(out, 'gap.layer.json'));
    const row = report.rows.find((r) => r.gap && (r.library?.length ?? 0) > 3)!;
    const entry = layer.techniques!.find((t) => t.techniqueID === row.id)!;
    const items = entry.metadata!.flatMap((m) => ('name' in m ? [{ name: m.name, value: m.value }] : []));
    const named = items.filter((m) => m.name === 'library rule');
    expect(named.map((m) => m.value)).to.have.length(3);
    expect(named[0]!.value).to.include(row.library![0]!.name);
    expect(items.find((m) => m.name === 'library rules')?.value).to.equal(`and ${row.library!.length - 3} more (listed in the JSON report)`);
    // The titles stand in the metadata already: the comment counts (G0050's T1003, ~1,250px tall in Navigator 5.1 before).
    expect(entry.comment).to.include(`rules library, not run: ${row.library!.length} rules not run`);
    expect(entry.comment).to.not.include(row.library![0]!.name);
  });

  it('gives the workbook\'s What to build sheet a row per library rule after the gap\'s analytics', async () => {
    const file = join(dir, 'gaps.xlsx');
    const run = await runCli(['export', join(out, 'gap-report.json'), '--out', file, '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const sheet = (await readWorkbook(readFileSync(file))).getWorksheet('What to build')!;
    const titles = sheet.getRow(1).values as unknown[];
    const cells = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).map((r) => (name: string) => r.getCell(titles.indexOf(name)).value);
    const row = report.rows.find((r) => r.gap && (r.library?.length ?? 0) > 5)!;
    const rules = cells.filter((get) => get('technique') === row.id && get('strategy') === 'rules library');
    expect(rules.map((get) => get('strategy name'))).to.deep.equal(row.library!.map((rule) => rule.name));
    expect(rules[0]!('detection')).to.equal(row.library![0]!.buildable ? 'buildable now' : `needs ${row.library![0]!.needs}`);
  });

  it('resolves a library rule\'s tags as coverage tags are: a revoked ID under its replacement (T1107 -> T1070.004)', async () => {
    // A rule of our own, in SigmaHQ's layout, tagged with ATT&CK 6's File Deletion, revoked by T1070.004.
    const library = join(dir, 'library');
    mkdirSync(library, { recursive: true });
    writeFileSync(
      join(library, 'proc_creation_win_del_quiet.yml'),
      ['title: Quiet Deletion With Del', 'id: 6f0b1d2e-8c3a-4f5b-9e7d-1a2b3c4d5e6f', 'status: test', 'tags:', '    - attack.defense-evasion', '    - attack.t1107',
        'logsource:', '    category: process_creation', '    product: windows', 'detection:', '    selection:', '        CommandLine|contains: \'del /q\'', '    condition: selection', 'level: low', ''].join('\n'),
    );
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', library, '--log-sources', join(dir, 'logs.yml'), '--out', join(dir, 'revoked'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const rows = readJson<GapReportData>(join(dir, 'revoked', 'gap-report.json')).rows;
    expect(rows.find((r) => r.id === 'T1070.004')!.library).to.deep.equal([
      { name: 'Quiet Deletion With Del', file: 'proc_creation_win_del_quiet.yml', line: 1, id: '6f0b1d2e-8c3a-4f5b-9e7d-1a2b3c4d5e6f', status: 'test', level: 'low', logsources: ['windows/process_creation'], buildable: true },
    ]);
    expect(rows.filter((r) => r.library?.length).map((r) => r.id)).to.deep.equal(['T1070.004']);
  });

  it('does not propose a rule the defender runs: one of the same id in the coverage, whatever it tags', async () => {
    const row = report.rows.find((r) => r.gap && r.library?.some((rule) => rule.id))!;
    const proposed = row.library!.find((rule) => rule.id)!;
    // Our coverage runs that rule (a copy in a folder of our own), tagged otherwise.
    const ours = join(dir, 'ours');
    mkdirSync(ours, { recursive: true });
    for (const file of ['windows/proc_creation_win_office_macro_child.yml']) copyFileSync(join(coverage, file), join(ours, 'office.yml'));
    writeFileSync(join(ours, 'copy.yml'), readFileSync(join(sigma, proposed.file), 'utf8').replace(/attack\.t\d{4}(?:\.\d{3})?/gi, 'attack.t1082'));
    const run = await runCli(['gap', '--threat', threat, '--coverage', ours, '--rules-library', sigma, '--out', join(dir, 'runs'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const again = readJson<GapReportData>(join(dir, 'runs', 'gap-report.json'));
    expect(again.library!.run).to.equal(1);
    const same = again.rows.find((r) => r.id === row.id)!;
    expect(same.library!.map((rule) => rule.file)).to.not.include(proposed.file);
    // Without --log-sources nothing is classed.
    expect(same.library!.every((rule) => rule.buildable === undefined && rule.needs === undefined)).to.equal(true);
  });

  it('classes a registry rule buildable when the log sources file copies ATT&CK\'s channel text (EventCode=12, 13, 14)', async () => {
    // A log sources file in the schema's layout whose Sysmon channels are written as ATT&CK 18.1's analytics write
    // them (`EventCode=13, 14`), against SigmaHQ's registry rules, whose table gives one event a rule (registry_set: 13).
    const logs = join(dir, 'attack-channels.yml');
    writeFileSync(logs, 'log_sources:\n  - WinEventLog:Security\n  - name: WinEventLog:Sysmon\n    channels: ["EventCode=1", "EventCode=12, 13, 14"]\n');
    const registry = join(sigma, 'rules', 'windows', 'registry');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', registry, '--log-sources', logs, '--out', join(dir, 'channels'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const rules = readJson<GapReportData>(join(dir, 'channels', 'gap-report.json')).rows.find((r) => r.id === 'T1112')!.library!;
    const set = rules.filter((rule) => rule.logsources.join() === 'windows/registry_set');
    expect(set.length).to.be.greaterThan(10);
    expect(set.filter((rule) => !rule.buildable).map((rule) => rule.needs)).to.deep.equal([]);
  });

  it('names a library rule by its path in the folder given, the same whatever the current folder', async () => {
    const registry = join(sigma, 'rules', 'windows', 'registry');
    const here = process.cwd();
    const files = async (folder: string, name: string) => {
      const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', folder, '--out', join(dir, name), '--quiet']);
      expect(run.code, run.stderr).to.equal(0);
      return readFileSync(join(dir, name, 'gap-report.md'), 'utf8');
    };
    const whole = await files(registry, 'cwd-a');
    let relativeRun: string;
    try {
      process.chdir(join(sigma, 'rules'));
      relativeRun = await files(`.${sep}${join('windows', 'registry')}`, 'cwd-b');
    } finally {
      process.chdir(here);
    }
    const line = whole.split('\n').find((l) => l.startsWith('Rules library, not run:') && l.includes('registry_set/'))!;
    expect(line).to.match(/ \(registry_set\/registry_set_[\w.-]+\.yml\)/);
    // The summary and the Inputs name the library as given; no rule is named by it.
    expect(whole.split('\n').filter((l) => l.includes(registry)).every((l) => /^- (?:Rules library \(public rules|library sigma )/.test(l))).to.equal(true);
    // The same report but for the library's name as given in the summary.
    expect(relativeRun.replaceAll(`.${sep}${join('windows', 'registry')}`, '<library>')).to.equal(whole.replaceAll(registry, '<library>'));
  });

  it('names each rule by its path in the folders\' common folder when several are given (rules/, rules-emerging-threats/)', async () => {
    // SigmaHQ's two rule folders, as a detection engineer gives them: a rule of either is named from the checkout.
    const folders = [join(sigma, 'rules'), join(sigma, 'rules-emerging-threats')];
    const out = join(dir, 'two-folders');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, ...folders.flatMap((f) => ['--rules-library', f]), '--log-sources', join(dir, 'logs.yml'), '--out', out, '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const two = readJson<GapReportData>(join(out, 'gap-report.json'));
    expect(schemaIssues('gap-report', two)).to.deep.equal([]);
    expect(two.library!.root).to.equal(sigma);
    const files = two.rows.flatMap((row) => (row.library ?? []).map((rule) => rule.file));
    expect(files.filter((f) => f.startsWith('rules/')).length).to.be.greaterThan(10);
    expect(files.filter((f) => f.startsWith('rules-emerging-threats/')).length).to.be.greaterThan(0);
    for (const file of files) expect(existsSync(join(sigma, file)), file).to.equal(true);
    // The gap layer's metadata and the CSV name them alike; one folder keeps its own paths (the JSON above: rules/…).
    const layer = readFileSync(join(out, 'gap.layer.json'), 'utf8');
    expect(layer).to.include('[rules-emerging-threats/');
    const csv = await runCli(['gap', '--threat', threat, '--coverage', coverage, ...folders.flatMap((f) => ['--rules-library', f]), '--out', join(dir, 'two-csv'), '--report', 'csv', '--quiet']);
    expect(csv.code, csv.stderr).to.equal(0);
    expect(readFileSync(join(dir, 'two-csv', 'gap-report.csv'), 'utf8')).to.match(/\[rules-emerging-threats\/[\w./-]+\.yml:1\]/);
    // The Markdown's summary says which folder the paths are in.
    const md = await runCli(['gap', '--threat', threat, '--coverage', coverage, ...folders.flatMap((f) => ['--rules-library', f]), '--out', join(dir, 'two-md'), '--quiet']);
    expect(md.code, md.stderr).to.equal(0);
    expect(readFileSync(join(dir, 'two-md', 'gap-report.md'), 'utf8')).to.include(`- Rules library (public rules not run, never counted as coverage): ${folders.join(', ')} (rule paths in ${sigma}): `);
  });

  it('names a team\'s own rule beside SigmaHQ\'s by the folders\' common folder, given relative', async () => {
    const ours = join(dir, 'team', 'detections');
    mkdirSync(ours, { recursive: true });
    writeFileSync(
      join(ours, 'quiet_del.yml'),
      ['title: Quiet Deletion With Del', 'id: 8f0b1d2e-8c3a-4f5b-9e7d-1a2b3c4d5e6f', 'status: test', 'tags:', '    - attack.t1070.004',
        'logsource:', '    category: process_creation', '    product: windows', 'detection:', '    selection:', '        CommandLine|contains: \'del /q\'', '    condition: selection', 'level: low', ''].join('\n'),
    );
    const registry = join(sigma, 'rules', 'windows', 'registry');
    const here = process.cwd();
    let run: Awaited<ReturnType<typeof runCli>>;
    try {
      process.chdir(dir);
      run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', join('team', 'detections'), '--rules-library', relative(dir, registry), '--out', 'team-review', '--report', 'json', '--quiet']);
    } finally {
      process.chdir(here);
    }
    expect(run.code, run.stderr).to.equal(0);
    const review = readJson<GapReportData>(join(dir, 'team-review', 'gap-report.json'));
    const files = review.rows.flatMap((row) => (row.library ?? []).map((rule) => rule.file));
    const common = commonAncestor(ours, registry);
    // Far apart (a temporary folder outside the checkout): no common folder but the root; each rule is named by its
    // folder as given, relative to the current folder, and its path in it.
    if (dirname(common) === common) {
      expect(review.library!.root).to.equal(undefined);
      expect(files).to.include('team/detections/quiet_del.yml');
      for (const file of files) expect(existsSync(resolve(dir, file)), file).to.equal(true);
      return;
    }
    const root = review.library!.root!;
    expect(root).to.equal(relative(dir, common) || '.');
    expect(files).to.include(relative(resolve(dir, root), join(ours, 'quiet_del.yml')).split(sep).join('/'));
    for (const file of files) expect(existsSync(resolve(dir, root, file)), file).to.equal(true);
  });

  it('counts on stderr the problems of rules the library kept (an Elastic rule\'s unknown severity), listed in the report', async () => {
    // The repository's Elastic fixture: a rule of severity "severe" (counted as medium) and a threat of MITRE ATLAS.
    const folder = join(dir, 'noted');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'coverage', 'siem', 'elastic', 'rules', 'windows', 'execution_encoded_powershell_dev.toml'), join(folder, 'dev.toml'));
    const out = join(dir, 'noted-review');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', folder, '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    const report = join(out, 'gap-report.md');
    // Its revoked T1086 is read as T1059.001, and said so once, with the tag.
    expect(run.stderr).to.include(`rules library ${folder}: 1 rule read, 0 ignored, 0 invalid, 2 problems in rules read, 1 revoked tag read as the replacement, listed with why in ${report} (proposed for gaps, never counted as coverage)`);
    const text = readFileSync(report, 'utf8');
    // Named in the folder, as the library's rules are: the same whatever the current folder.
    expect(text).to.include('- problem: dev.toml:13: unknown severity "severe"; counted as medium.');
    expect(text).to.include('  - tag t1086: 1 rule, revoked: read as T1059.001');
    // Said once, in that line: not a line of its own per problem, as the defender's own rules' are.
    expect(run.stderr.split('\n').filter((line) => line.includes('severe'))).to.deep.equal([]);
  });

  it('says on stderr where the library\'s ignored and invalid rules are listed, and lists each with why in the report', async () => {
    // SigmaHQ's own layout: a rule, a rule of tactics only (ignored) and a file that is no YAML (invalid).
    const library = join(dir, 'problems', 'rules', 'windows');
    mkdirSync(library, { recursive: true });
    const rule = ['title: Quiet Deletion With Del', 'id: 6f0b1d2e-8c3a-4f5b-9e7d-1a2b3c4d5e6f', 'status: test', 'tags:', '    - attack.defense-evasion', '    - attack.t1070.004',
      'logsource:', '    category: process_creation', '    product: windows', 'detection:', '    selection:', '        CommandLine|contains: \'del /q\'', '    condition: selection', 'level: low', ''];
    writeFileSync(join(library, 'a.yml'), rule.join('\n'));
    writeFileSync(join(library, 'b.yml'), rule.filter((line) => !line.includes('t1070')).join('\n').replace('6f0b1d2e', '7f0b1d2e'));
    writeFileSync(join(library, 'c.yml'), 'title: [broken\n');
    const folder = join(dir, 'problems');
    const out = join(dir, 'problems-review');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', folder, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = join(out, 'gap-report.json');
    expect(run.stderr).to.include(`rules library ${folder}: 1 rule read, 1 ignored, 1 invalid, listed with why in ${report} (proposed for gaps, never counted as coverage)`);
    const input = readJson<GapReportData>(report).inputs.find((i) => i.side === 'library')!;
    expect(input.source).to.equal(folder);
    expect(input.ignored.map((i) => i.reason)).to.deep.equal(['no ATT&CK technique tag (tactics only: attack.defense-evasion)']);
    // Named in the folder given, as its rules are; and said on stderr, a rule lost to every gap.
    expect(input.problems.map((p) => [p.file, p.skipped])).to.deep.equal([['rules/windows/c.yml', true]]);
    expect(input.ignored.map((i) => i.file)).to.deep.equal(['rules/windows/b.yml']);
    expect(run.stderr.split('\n').filter((line) => line.startsWith(`rules library ${folder}: rules/windows/c.yml:`))).to.have.length(1);
    expect(schemaIssues('gap-report', readJson(report))).to.deep.equal([]);
    // The library is never coverage: the Markdown's Coverage line names the coverage folder alone.
    const md = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', folder, '--out', join(dir, 'problems-md'), '--quiet']);
    const text = readFileSync(join(dir, 'problems-md', 'gap-report.md'), 'utf8');
    expect(md.code).to.equal(0);
    expect(text.split('\n').find((l) => l.startsWith('- Coverage: '))).to.not.include(folder);
    expect(text).to.include(`- library sigma \`${folder}\`: 3 rule files = 1 read + 1 ignored + 1 invalid`);
  });
});

describe('gap --rules-library given several folders: each problem names its folder, the same from any current folder', function () {
  let dir: string;
  const winlogon = join(sigma, 'rules', 'windows', 'powershell', 'powershell_script', 'posh_ps_winlogon_helper_dll.yml');
  const atJob = join(sigma, 'rules', 'windows', 'process_creation', 'proc_creation_win_at_interactive_execution.yml');

  before(function () {
    if (!existsSync(sigma)) this.skip();
    dir = freshTmpDir('gap-library-folders');
    // Real SigmaHQ rules; one retitled as ATT&CK names the technique and its description reworded, each holding ": "
    // unquoted, which no YAML reads: the file is invalid, with two YAML errors (its title, its description).
    mkdirSync(join(dir, 'sigma-rules', 'windows'), { recursive: true });
    copyFileSync(winlogon, join(dir, 'sigma-rules', 'windows', 'posh_ps_winlogon_helper_dll.yml'));
    writeFileSync(
      join(dir, 'sigma-rules', 'windows', 'at_job.yml'),
      readFileSync(atJob, 'utf8')
        .replace(/^title: .*$/m, 'title: Boot or Logon Autostart Execution: Winlogon Helper DLL')
        .replace(/^description: .*$/m, 'description: Detects an interactive AT job: may be used as a way of privilege escalation'),
    );
    // A team's own copy of the Winlogon rule (its own id, a status Sigma has not) and the same broken file.
    mkdirSync(join(dir, 'team', 'detections', 'windows'), { recursive: true });
    writeFileSync(
      join(dir, 'team', 'detections', 'windows', 'winlogon.yml'),
      readFileSync(winlogon, 'utf8').replace(/^id: .*$/m, 'id: 0b4a0c9e-1d7e-4c55-9a43-6d2f1f0e8a11').replace(/^status: .*$/m, 'status: production'),
    );
    copyFileSync(join(dir, 'sigma-rules', 'windows', 'at_job.yml'), join(dir, 'team', 'detections', 'windows', 'at_job.yml'));
    // A folder of no rules: a wrong --rules-library.
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'README.md'), '# Our detections\n');
  });

  /** The review run from `cwd` with the library folders given relative to it, its JSON report and stderr. */
  async function review(cwd: string, name: string) {
    const here = process.cwd();
    const folders = ['sigma-rules', join('team', 'detections'), 'docs'].map((folder) => relative(cwd, join(dir, folder)) || '.');
    let run: Awaited<ReturnType<typeof runCli>>;
    try {
      process.chdir(cwd);
      run = await runCli(['gap', '--threat', threat, '--coverage', coverage, ...folders.flatMap((f) => ['--rules-library', f]), '--out', join(dir, name), '--report', 'json']);
    } finally {
      process.chdir(here);
    }
    expect(run.code, run.stderr).to.equal(0);
    return { folders, stderr: run.stderr, report: readJson<GapReportData>(join(dir, name, 'gap-report.json')) };
  }

  it('names each invalid file and problem by its path in the folders\' common folder, whatever the current folder', async () => {
    const a = await review(dir, 'from-dir');
    const b = await review(join(dir, 'team'), 'from-team');
    const problems = (r: GapReportData) => r.inputs.filter((i) => i.side === 'library').map((i) => i.problems.map((p) => `${p.skipped ? 'invalid' : 'problem'} ${p.file}:${p.line}`));
    // Before: the paths as given from the current folder (sigma-rules/windows/at_job.yml from one, ../sigma-rules/… from the other).
    expect(problems(a.report)).to.deep.equal(problems(b.report));
    expect(problems(a.report)[0]).to.deep.equal(['invalid sigma-rules/windows/at_job.yml:1']);
    expect(problems(a.report)[1]).to.have.members(['invalid team/detections/windows/at_job.yml:1', 'problem team/detections/windows/winlogon.yml:3']);
    expect(schemaIssues('gap-report', a.report)).to.deep.equal([]);
  });

  it('lists a rule file of two YAML errors as one invalid file, both errors numbered in it, as coverage and in the library', async () => {
    const out = join(dir, 'two-errors');
    const coverageFile = join(dir, 'sigma-rules', 'windows', 'at_job.yml');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverageFile, '--rules-library', join(dir, 'sigma-rules'), '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = readJson<GapReportData>(join(out, 'gap-report.json'));
    // Before: an invalid file at line 1 and a "problem" at line 4 (its description's error), on each side.
    const twoErrors = /^not valid YAML: 2 syntax errors: \(1\) line 1, column 41: the value of "title" is not quoted .*; \(2\) line 4, column 43: the value of "description" is not quoted /;
    for (const side of [undefined, 'library'] as const) {
      const input = report.inputs.find((i) => i.side === side)!;
      expect(input.problems.map((p) => [p.line, p.column, p.skipped]), side ?? 'coverage').to.deep.equal([[1, 41, true]]);
      expect(input.problems[0]!.message).to.match(twoErrors);
    }
    // stderr: one line for the file on each side, none for its second error; the library counts no problem in its rule read.
    expect(run.stderr.split('\n').filter((line) => line.includes('not valid YAML'))).to.have.length(2);
    expect(run.stderr).to.match(/rules library \S+: 1 rule read, 0 ignored, 1 invalid, listed with why in /);
  });

  it('says each invalid library file on stderr under its folder\'s line, and counts only the problems of rules read', async () => {
    const { folders, stderr } = await review(dir, 'stderr');
    const lines = stderr.split('\n');
    const [ours, team] = [folders[0]!, folders[1]!];
    const at = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
    // Before: `… 1 invalid, 1 problem in rules read` for SigmaHQ's folder, whose one problem was the broken file's second YAML error; no file named.
    expect(lines[at(`rules library ${ours}: `)]).to.include(': 1 rule read, 0 ignored, 1 invalid, listed with why in');
    expect(lines[at(`rules library ${ours}: `) + 1]).to.match(new RegExp(`^rules library ${ours}: sigma-rules/windows/at_job\\.yml:1:\\d+: not valid YAML: `));
    expect(lines[at(`rules library ${team}: `)]).to.include(': 1 rule read, 0 ignored, 1 invalid, 1 problem in rules read, listed with why in');
    expect(lines[at(`rules library ${team}: `) + 1]).to.match(new RegExp(`^rules library ${team.replaceAll('/', '\\/')}: team/detections/windows/at_job\\.yml:1:\\d+: not valid YAML: `));
    // The unknown status is the library's to fix: in the report, not a line of its own.
    expect(lines.filter((line) => line.includes('"production"'))).to.deep.equal([]);
  });

  it('says a library folder that gives no rule, on stderr and in the report\'s notes', async () => {
    const { stderr, report } = await review(dir, 'empty');
    const note = 'rules library "docs" gives no rule to propose: it has no rule files counted here; no gap gets a rule of it; give a folder of rules, such as a SigmaHQ checkout\'s rules/';
    expect(stderr.split('\n')).to.include(note);
    expect(report.notes).to.include(note);
  });
});

// Two library folders far apart: their common folder is the filesystem's root, which says nothing of where a rule is.
// The naming itself, on paths alone, so that it is tested on any paths; the CLI test below makes such folders itself.
describe('libraryFileNames: folders far apart name each rule by its folder as given', () => {
  const input = (source: string) => ({ source, rules: [] }) as unknown as CoverageInput;

  it('names a rule by its folder as given and its path in it when the folders share only the root', () => {
    const name = libraryFileNames([input('/srv/sigma/rules-threat-hunting'), input('/home/me/team')]);
    expect(name('/srv/sigma/rules-threat-hunting/windows/x.yml')).to.equal('/srv/sigma/rules-threat-hunting/windows/x.yml');
    expect(name('/home/me/team/windows/cmd_del_greedy_deletion.yml')).to.equal('/home/me/team/windows/cmd_del_greedy_deletion.yml');
  });

  it('names a rule by its path in the common folder when there is one', () => {
    const name = libraryFileNames([input('/srv/sigma/rules'), input('/srv/sigma/rules-threat-hunting')]);
    expect(name('/srv/sigma/rules-threat-hunting/windows/x.yml')).to.equal('rules-threat-hunting/windows/x.yml');
  });
});

/**
 * A new folder whose first path part is not the one of `other` (`/var/tmp/…` beside `/tmp/…`), where one can be made:
 * under /var/tmp, the checkout or the home folder, the first that is apart and writable. Removed by the caller.
 */
function folderApartFrom(other: string): string | undefined {
  const first = (path: string) => resolve(path).split(sep)[1];
  for (const parent of ['/var/tmp', repoRoot, homedir()]) {
    if (first(parent) === first(other)) continue;
    try {
      return mkdtempSync(join(parent, '.attack-layers-test-far-'));
    } catch {
      // Not writable here: the next one.
    }
  }
  return undefined;
}

// The fixture library's Elastic rules (elastic/detection-rules, Elastic License v2) copied under the temporary folder,
// and its Splunk detections (splunk/security_content, Apache-2.0) under a folder of another first part (/var/tmp, or
// the checkout where the temporary folder is under /var): no folder in common but the root, wherever the suite runs.
describe('gap --rules-library given folders far apart: each rule named by its folder as given', function () {
  const library = join(repoRoot, 'test', 'fixtures', 'gap', 'library');
  let dir: string;
  let elastic: string;
  let splunk: string | undefined;
  before(function () {
    dir = freshTmpDir('gap-library-far');
    elastic = join(dir, 'elastic');
    cpSync(join(library, 'elastic'), elastic, { recursive: true });
    splunk = folderApartFrom(dir);
    // Only where no folder of another first part can be made at all (none is writable); the test says so when skipped.
    if (!splunk) this.skip();
    cpSync(join(library, 'splunk'), splunk, { recursive: true });
    writeFileSync(join(dir, 'threat.json'), JSON.stringify(LIBRARY_THREAT));
  });
  after(() => {
    if (splunk) rmSync(splunk, { recursive: true, force: true });
  });

  it('makes folders whose only common folder is the root', () => {
    expect(commonAncestor(resolve(elastic), resolve(splunk!))).to.equal(sep);
  });

  it('names no common folder "/", and names each rule by its folder as given and its path in it', async () => {
    const out = join(dir, 'out');
    const run = await runCli(['gap', '--threat', join(dir, 'threat.json'), '--coverage', coverage, '--rules-library', elastic, splunk!, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = readJson<GapReportData>(join(out, 'gap-report.json'));
    // Before: `library.root` "/" ("(rule paths in /)") and `tmp/…/elastic/credential_access_cmdline_dump_tool.toml`, a path from nowhere.
    expect(report.library!.root).to.equal(undefined);
    const files = report.rows.flatMap((row) => (row.library ?? []).map((rule) => rule.file));
    const [elasticGiven, splunkGiven] = [elastic, splunk!].map((folder) => folder.split(sep).join('/'));
    expect(files).to.include(`${elasticGiven}/credential_access_cmdline_dump_tool.toml`);
    expect(files).to.include(`${splunkGiven}/windows_service_create_kernel_mode_driver.yml`);
    expect(files.every((file) => file.startsWith(`${elasticGiven}/`) || file.startsWith(`${splunkGiven}/`)), files.join(', ')).to.equal(true);
    const md = await runCli(['gap', '--threat', join(dir, 'threat.json'), '--coverage', coverage, '--rules-library', elastic, splunk!, '--out', join(out, 'md')]);
    expect(md.code, md.stderr).to.equal(0);
    expect(readFileSync(join(out, 'md', 'gap-report.md'), 'utf8')).not.to.include('rule paths in');
    expect(md.stderr).not.to.include('rule paths in');
  });
});

describe('gap --rules-library: a gap the library has no rule for says whether some are for other platforms', function () {
  let dir: string;
  let report: GapReportData;
  /** The SigmaHQ rule files of rules/ that tag a technique (`attack.t1566.002`), read as the test runs. */
  const tagging = (tag: string): string[] => {
    const found: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.yml') && new RegExp(`^\\s*- ${tag.replace('.', '\\.')}$`, 'mi').test(readFileSync(path, 'utf8'))) found.push(path);
      }
    };
    walk(join(sigma, 'rules'));
    return found;
  };

  before(async function () {
    if (!existsSync(sigma)) this.skip();
    dir = freshTmpDir('gap-library-elsewhere');
    // APT32's campaign (Windows) and TEMP.Periscope's (every platform), against the test fixture rules, with SigmaHQ's rules/ as library.
    const run = await runCli(['gap', '--threat', join(repoRoot, 'campaigns'), '--coverage', coverage, '--rules-library', join(sigma, 'rules'), '--out', join(dir, 'json'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    report = readJson(join(dir, 'json', 'gap-report.json'));
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
  });

  it('proposes SigmaHQ\'s Microsoft 365 rule of mail for the Windows gap of T1566.002, for delivery; not its macOS and IaaS rules', () => {
    const row = report.rows.find((r) => r.id === 'T1566.002')!;
    expect([row.gap, row.platforms, row.libraryElsewhere]).to.deep.equal([true, ['Windows'], undefined]);
    expect(row.library!.map((r) => [r.file, r.delivery])).to.deep.equal([['cloud/m365/audit/microsoft365_suspicious_email_delivered.yml', ['m365 audit (TIMailData)']]]);
  });

  it('counts and names the platforms of the rules for other platforms (T1566.002: macOS, IaaS rules for a Windows gap)', async () => {
    // SigmaHQ's rules tagging T1566.002 but its rule of mail (proposed for delivery, above), as a library of their own.
    const library = join(dir, 'elsewhere');
    mkdirSync(library);
    const others = tagging('attack.t1566.002').filter((file) => !file.includes(`${sep}m365${sep}`));
    for (const file of others) copyFileSync(file, join(library, file.split(sep).pop()!));
    const json = await runCli(['gap', '--threat', join(repoRoot, 'campaigns'), '--coverage', coverage, '--rules-library', library, '--out', join(dir, 'elsewhere-json'), '--report', 'json', '--quiet']);
    expect(json.code, json.stderr).to.equal(0);
    const row = readJson<GapReportData>(join(dir, 'elsewhere-json', 'gap-report.json')).rows.find((r) => r.id === 'T1566.002')!;
    expect(row.gap).to.equal(true);
    expect(row.platforms).to.deep.equal(['Windows']);
    expect(row.library).to.deep.equal([]);
    // Every rule of that library tagging it is for another platform: none is proposed, each is counted.
    expect(row.libraryElsewhere?.rules).to.equal(others.length).and.be.greaterThan(0);
    expect(row.libraryElsewhere?.platforms).to.include('macOS').and.not.include('Windows');
    const md = await runCli(['gap', '--threat', join(repoRoot, 'campaigns'), '--coverage', coverage, '--rules-library', library, '--out', join(dir, 'md'), '--quiet']);
    expect(md.code, md.stderr).to.equal(0);
    const text = readFileSync(join(dir, 'md', 'gap-report.md'), 'utf8');
    const block = text.slice(text.indexOf('. T1566.002 Spearphishing Link'));
    // Before: `Rules library, not run: no rule for its platforms.`, as for a technique no rule tags.
    expect(block.split('\n').find((l) => l.startsWith('Rules library, not run:'))).to.equal(
      `Rules library, not run: no rule for its platforms; ${row.libraryElsewhere!.rules} for ${row.libraryElsewhere!.platforms.join(', ')} only, which the gap is not on.`,
    );
    const layer = readJson<NavigatorLayer>(join(dir, 'md', 'gap.layer.json'));
    expect(layer.techniques!.find((t) => t.techniqueID === 'T1566.002')!.comment).to.include(`rules library, not run: no rule for its platforms; ${row.libraryElsewhere!.rules} for `);
  });

  it('says a gap no library rule tags so (T1656 Impersonation, which no SigmaHQ rule tags)', () => {
    expect(tagging('attack.t1656')).to.deep.equal([]);
    const row = report.rows.find((r) => r.id === 'T1656')!;
    expect(row.gap).to.equal(true);
    expect(row.library).to.deep.equal([]);
    expect(row.libraryElsewhere).to.equal(undefined);
    const layer = readJson<NavigatorLayer>(join(dir, 'json', 'gap.layer.json'));
    expect(layer.techniques!.find((t) => t.techniqueID === 'T1656')!.comment).to.include('rules library, not run: no rule tags the technique');
  });
});

// A --rules-library folder holding only JSON: the real ATT&CK ICS 18.1 STIX bundle of ../shared/attack-stix, unpacked at
// run time, beside a folder of real SigmaHQ rules (rules/windows/process_creation/proc_creation_win_cmd_del_greedy_deletion.yml).
describe('gap --rules-library given a folder that holds no rules but JSON (a STIX bundle)', function () {
  const bundle = join(repoRoot, '../shared/attack-stix/ics-attack-18.1.json.gz');
  const rule = join(sigma, 'rules', 'windows', 'process_creation', 'proc_creation_win_cmd_del_greedy_deletion.yml');
  let dir: string;
  before(function () {
    if (!existsSync(bundle) || !existsSync(rule)) this.skip();
    dir = freshTmpDir('gap-library-stix');
    mkdirSync(join(dir, 'stix'));
    writeFileSync(join(dir, 'stix', 'ics-attack.json'), gunzipSync(readFileSync(bundle)));
    mkdirSync(join(dir, 'rules'));
    copyFileSync(rule, join(dir, 'rules', 'cmd_del_greedy_deletion.yml'));
  });

  it('refuses it alone naming --rules-library, the folder and what to do (exit 1)', async () => {
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', join(dir, 'stix'), '--out', join(dir, 'alone')]);
    expect(run.code).to.equal(1);
    // Before: `attack-layers gap: …/ics-attack.json: this is an ATT&CK STIX bundle, not an ATT&CK Navigator layer …`, no flag named.
    expect(run.stderr).to.match(new RegExp(`^attack-layers gap: --rules-library ${join(dir, 'stix').replaceAll('/', '\\/')}: not read as rules: .*ics-attack\\.json: this is an ATT&CK STIX bundle`));
    expect(run.stderr).to.include('--rules-library takes folders of rule files (a SigmaHQ checkout or its rules/), read as --coverage reads them: give a folder of rules, or leave this one out');
    expect(existsSync(join(dir, 'alone', 'gap-report.md'))).to.equal(false);
  });

  it('beside a folder of rules: writes the review with that folder, says the one left out on stderr and in the report, and exits 1', async () => {
    const out = join(dir, 'beside');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', join(dir, 'rules'), join(dir, 'stix'), '--out', out, '--report', 'json']);
    expect(run.code).to.equal(1);
    const report = readJson<GapReportData>(join(out, 'gap-report.json'));
    const note = report.notes.find((line) => line.startsWith(`--rules-library ${join(dir, 'stix')}: not read as rules: `));
    expect(note, report.notes.join('\n')).to.match(/\(left out: the review proposes the rules of the other library folders\)$/);
    expect(run.stderr.split('\n')).to.include(note);
    expect(report.library!.sources).to.deep.equal([join(dir, 'rules')]);
    expect(report.rows.some((row) => row.library?.some((proposed) => proposed.file === 'cmd_del_greedy_deletion.yml'))).to.equal(true);
    expect(run.stderr).to.include(`--rules-library: 1 folder left out (why, above); the review with the other library folders was written to ${join(out, 'gap-report.json')}`);
  });
});
