/** `attack-layers export` end to end: the example layers in every format, gap reports, releases, usage errors. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { EXPORT_FORMATS } from '../../lib/export/export-choices.js';
import { MEASURED_FONTS } from '../../lib/export/text-measure.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { freshTmpDir, hasStackTrace, repoRoot, runCli } from '../helpers/attack.js';
import { readWorkbook, workbookXml, zipEntries } from '../export/workbook.js';
import { byClass, parseSvg } from '../export/svg-dom.js';
import { pageProblems } from '../export/svg-geometry.js';
import { attackLibrary } from '../layer/attack-data.js';

const examples = ['apt32-covid19-wuhan', 'temp-periscope-cambodia-2018', 'all'];

describe('attack-layers export', () => {
  for (const example of examples) {
    it(`exports layers/${example}.layer.json in every format (${EXPORT_FORMATS.join(', ')})`, async () => {
      const out = freshTmpDir('export');
      const layer = JSON.parse(readFileSync(join(repoRoot, 'layers', `${example}.layer.json`), 'utf8')) as NavigatorLayer;
      for (const format of EXPORT_FORMATS.filter((f) => f !== 'svg')) {
        const file = join(out, `${example}.${format}`);
        const result = await runCli(['export', `layers/${example}.layer.json`, '--out', file]);
        expect([result.code, result.stdout, result.stderr], format).to.deep.equal([0, `${file}\n`, '']);
      }
      // An SVG file per A4 page: the one file asked for, or <name>-1.svg, <name>-2.svg... when the matrix takes several.
      const svg = await runCli(['export', `layers/${example}.layer.json`, '--out', join(out, `${example}.svg`)]);
      const pages = svg.stdout.trimEnd().split('\n');
      const names = pages.length === 1 ? [`${example}.svg`] : pages.map((_, i) => `${example}-${i + 1}.svg`);
      expect([svg.code, svg.stdout, svg.stderr]).to.deep.equal([0, names.map((name) => `${join(out, name)}\n`).join(''), '']);
      const roots = pages.map((page) => parseSvg(readFileSync(page, 'utf8')));
      for (const root of roots) expect([root.getAttribute('height'), ...MEASURED_FONTS.map((font) => pageProblems(root, font))]).to.deep.equal(['210mm', ...MEASURED_FONTS.map(() => [])]);
      // Every technique the layer annotates is drawn, annotated, on one of the pages.
      const drawn = new Set(roots.flatMap((root) => byClass(root, 'annotated')).map((g) => g.getAttribute('data-technique')));
      expect([...drawn].sort()).to.deep.equal([...new Set((layer.techniques ?? []).filter((t) => t.score !== undefined || t.comment).map((t) => t.techniqueID))].sort());
      expect(readFileSync(join(out, `${example}.html`), 'utf8')).to.contain(`<title>${layer.name.replace(/&/g, '&amp;')}</title>`);
      const workbook = await readWorkbook(readFileSync(join(out, `${example}.xlsx`)));
      expect(workbook.getWorksheet('Techniques')!.rowCount - 1).to.equal(readFileSync(join(out, `${example}.csv`), 'utf8').trimEnd().split('\r\n').length - 1);
      expect(readFileSync(join(out, `${example}.md`), 'utf8')).to.contain(`# ${layer.name}`);
    });
  }

  // KittySploit's Navigator export writes a metadata record per module (repair-layer.test: "metadata items written as
  // records…"), one repair each: export printed every one (90 lines for a 12-entry layer before they were read as
  // records, 18 after); it says them as combine does, three of a kind, then a count.
  it('says repairs of one kind three at a time, then how many more, as combine does', async () => {
    const record = (n: number) => ({ module_path: `exploits/http/example_${n}`, detections: n });
    const layer = { name: 'modules', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1190', score: 5, metadata: [1, 2, 3, 4, 5].map(record) }] };
    const file = join(freshTmpDir('export'), 'modules.json');
    writeFileSync(file, JSON.stringify(layer));
    const result = await runCli(['export', file, '--format', 'md']);
    expect(result.code).to.equal(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((line) => line.includes('metadata item with fields of its own'))).to.have.length(3);
    expect(lines).to.include(`warning: ${file}: and 2 more of this kind (\`attack-layers upgrade\` of the file lists every one)`);
  });

  it('writes text formats to stdout when there is no --out', async () => {
    const result = await runCli(['export', 'layers/apt32-covid19-wuhan.layer.json', '--format', 'csv']);
    expect(result.code).to.equal(0);
    // No byte-order mark on stdout, which is for a pipe (Python's csv, cut, jq -R would read it as part of `technique`).
    expect(result.stdout.split('\r\n')[0]).to.equal('technique,name,tactic,score,color,comment,metadata,links,note');
  });

  it('--subtechniques none collapses every parent, expanded shows them all', async () => {
    const out = freshTmpDir('export');
    const none = await runCli(['export', 'layers/apt32-covid19-wuhan.layer.json', '--format', 'html', '--subtechniques', 'none']);
    const layerOwn = await runCli(['export', 'layers/apt32-covid19-wuhan.layer.json', '--format', 'html']);
    // Every sub-technique expanded takes more than one page.
    const expanded = await runCli(['export', 'layers/apt32-covid19-wuhan.layer.json', '--out', join(out, 'x.svg'), '--subtechniques', 'expanded']);
    const count = (svg: string): number => (svg.match(/class="technique subtechnique/g) ?? []).length;
    expect(count(none.stdout)).to.equal(0);
    expect(count(layerOwn.stdout)).to.be.greaterThan(0);
    const pages = expanded.stdout.trimEnd().split('\n');
    expect(pages.length).to.be.greaterThan(1);
    expect(pages.reduce((sum, page) => sum + count(readFileSync(page, 'utf8')), 0)).to.be.greaterThan(count(layerOwn.stdout));
    // Said once, counted, as the user asked for it (it was a line per sub-technique, 15 for layers/all.layer.json); the
    // Markdown export lists each.
    const all = await runCli(['export', 'layers/all.layer.json', '--format', 'html', '--subtechniques', 'none']);
    expect(all.stderr.split('\n').filter((line) => line.includes('not drawn'))).to.deep.equal([
      'layers/all.layer.json: not drawn: 15 annotated sub-techniques (T1027.013, T1053.002, T1055.012 and 12 more): collapsed under their parents because of --subtechniques none; ' +
        'the csv, md and xlsx exports list each',
    ]);
    expect(none.stderr.split('\n').filter((line) => line.includes('not drawn'))).to.deep.equal([
      'layers/apt32-covid19-wuhan.layer.json: not drawn: 3 annotated sub-techniques (T1218.010, T1566.001, T1566.002): collapsed under their parents because of --subtechniques none; ' +
        'the csv, md and xlsx exports list each',
    ]);
    const md = await runCli(['export', 'layers/apt32-covid19-wuhan.layer.json', '--format', 'md', '--subtechniques', 'none']);
    expect(md.stdout).to.contain('- T1566.001: collapsed under T1566 in initial-access because of --subtechniques none\n');
    expect(md.stdout).to.contain('Not drawn in the matrix (3 entries):');
  });

  // A Navigator 5.3 layer saved with `layout.expandedSubtechniques: "none"` and `showSubtechniques: false` on every entry
  // (the shape of bryanherdianto/blue-team-wazuh-lab mitre/layer.json, 73 annotated sub-techniques; our own few here)
  // printed a line per sub-technique, `not drawn: T1003.002: collapsed under T1003 in credential-access; pass
  // --subtechniques annotated to show it`. One flag shows them all: one line, counted; the Markdown lists each.
  it('says sub-techniques the layer collapses in one line naming the flag that shows them; md lists each', async () => {
    const file = join(freshTmpDir('export'), 'collapsed.json');
    const ids = ['T1003.001', 'T1003.002', 'T1003.003', 'T1037.001', 'T1059.001'];
    const entry = (techniqueID: string, tactic: string) => ({ techniqueID, tactic, score: 1, color: '', comment: '', enabled: true, metadata: [], links: [], showSubtechniques: false });
    const techniques = [...ids.slice(0, 3).map((id) => entry(id, 'credential-access')), entry('T1037.001', 'persistence'), entry('T1037.001', 'privilege-escalation'), entry('T1059.001', 'execution')];
    const layout = { layout: 'side', aggregateFunction: 'average', showID: false, showName: true, showAggregateScores: false, countUnscored: false, expandedSubtechniques: 'none' };
    writeFileSync(file, JSON.stringify({ name: 'layer', versions: { attack: '18', navigator: '5.3.0', layer: '4.5' }, domain: 'enterprise-attack', sorting: 0, layout, hideDisabled: false, techniques }));
    const csv = await runCli(['export', file, '--format', 'csv']);
    expect(csv.stderr.split('\n').filter((line) => line.includes('not drawn'))).to.deep.equal([
      `${file}: not drawn: 5 annotated sub-techniques (T1003.001, T1003.002, T1003.003 and 2 more): collapsed under their parents by the layer; ` +
        'pass --subtechniques annotated to show them; the csv, md and xlsx exports list each',
    ]);
    const md = await runCli(['export', file, '--format', 'md']);
    expect(md.stdout).to.contain('- T1003.002: collapsed under T1003 in credential-access; pass --subtechniques annotated to show it\n');
    expect(md.stdout).to.contain('- T1037.001: collapsed under T1037 in privilege-escalation; pass --subtechniques annotated to show it\n');
  });

  // The picture lists the first 8 lines of what is not drawn; the rest were said to be "listed in the table export and
  // on stderr", where a line may now count several entries.
  it("ends the picture's list of entries not drawn saying where the rest are", async () => {
    const file = join(freshTmpDir('export'), 'unknown.json');
    const techniques = Array.from({ length: 10 }, (_, i) => ({ techniqueID: `T19${String(i).padStart(2, '0')}`, score: 1 }));
    writeFileSync(file, JSON.stringify({ name: 'unknown', domain: 'enterprise-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, techniques }));
    const result = await runCli(['export', file, '--format', 'svg']);
    expect(result.stdout).to.contain('• and 2 more (said on stderr; the csv, md and xlsx exports list every entry)');
    expect(result.stderr.split('\n').filter((line) => line.includes('not drawn'))).to.have.length(10);
  });

  it("--subtechnique-layout: sub-techniques beside their parent by default, as Navigator's Excel export, flat indents them under it", async () => {
    const out = freshTmpDir('export');
    const merged = async (args: string[]): Promise<string[]> => {
      const file = join(out, `${args.join('') || 'default'}.xlsx`);
      const result = await runCli(['export', 'layers/apt32-covid19-wuhan.layer.json', '--out', file, ...args]);
      expect([result.code, result.stderr]).to.deep.equal([0, '']);
      const xml = workbookXml(readFileSync(file));
      // A range below the tactic heads (row 4): a parent's cell merged down over its sub-techniques' rows.
      return [...(xml.files.get(xml.sheetFile('Matrix')) ?? '').matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"\/>/g)].map((m) => m[1]!).filter((ref) => !/^[A-Z]+4:/.test(ref));
    };
    // T1566 Phishing over its 4 sub-techniques (rows 10 to 13), T1218 over its 14 under Defense Evasion.
    expect(await merged([])).to.deep.equal(['A10:A13', 'B10:B13', 'K34:K47', 'L34:L47']);
    expect(await merged(['--subtechnique-layout', 'side'])).to.deep.equal(['A10:A13', 'B10:B13', 'K34:K47', 'L34:L47']);
    expect(await merged(['--subtechnique-layout', 'flat'])).to.deep.equal([]);
    const md = await runCli(['export', 'layers/apt32-covid19-wuhan.layer.json', '--format', 'md', '--subtechnique-layout', 'flat']);
    expect([md.code, md.stderr]).to.deep.equal([0, 'layers/apt32-covid19-wuhan.layer.json: --subtechnique-layout lays out the xlsx Matrix sheet; md is a table of the entries\n']);
  });

  it("replaces the pages of an earlier export to the same --out only with --force, and leaves a file that is no page of its own", async () => {
    // The APT32 layer takes two pages with --subtechniques expanded (apt32-1.svg, apt32-2.svg), one with --subtechniques
    // none (apt32.svg): before, writing apt32.svg after them left both pages beside it, looking as current as it, even
    // with --force.
    const out = freshTmpDir('export');
    const layer = 'layers/apt32-covid19-wuhan.layer.json';
    const file = join(out, 'apt32.svg');
    const pages = [join(out, 'apt32-1.svg'), join(out, 'apt32-2.svg')];
    expect((await runCli(['export', layer, '--out', file, '--subtechniques', 'expanded'])).stdout).to.equal(pages.map((page) => `${page}\n`).join(''));
    const refused = await runCli(['export', layer, '--out', file, '--subtechniques', 'none', '--quiet']);
    expect([refused.code, refused.stdout, refused.stderr]).to.deep.equal([
      2,
      '',
      `attack-layers export: ${pages.join(', ')}: pages of an earlier export to ${file}, which this one (one file) would leave beside its own; pass --force to replace them (they are removed), or remove them\nRun \`attack-layers export --help\` for usage.\n`,
    ]);
    expect(readdirSync(out).sort()).to.deep.equal(['apt32-1.svg', 'apt32-2.svg']);
    const forced = await runCli(['export', layer, '--out', file, '--subtechniques', 'none', '--force']);
    expect([forced.code, forced.stdout]).to.deep.equal([0, `${file}\n`]);
    expect(forced.stderr).to.contain(`removed ${pages.join(', ')}: pages of an earlier export to ${file}`);
    expect(readdirSync(out)).to.deep.equal(['apt32.svg']);
    // Writing pages, the one file of an earlier export goes, and pages past the new count (a third, now two).
    writeFileSync(join(out, 'apt32-3.svg'), readFileSync(file));
    expect((await runCli(['export', layer, '--out', file, '--subtechniques', 'expanded', '--force', '--quiet'])).code).to.equal(0);
    expect(readdirSync(out).sort()).to.deep.equal(['apt32-1.svg', 'apt32-2.svg']);
    // A file of that name that export did not write is the user's: kept, and no reason to refuse.
    writeFileSync(join(out, 'mine-1.svg'), 'mine');
    expect((await runCli(['export', layer, '--out', join(out, 'mine.svg'), '--subtechniques', 'none', '--quiet'])).code).to.equal(0);
    expect(readFileSync(join(out, 'mine-1.svg'), 'utf8')).to.equal('mine');
  });

  it('says when the layer has no technique entries, rather than writing an empty table without a word', async () => {
    // A Navigator tab saved before anything was annotated: `techniques: []` (or no techniques at all).
    const file = join(freshTmpDir('export'), 'empty.json');
    writeFileSync(file, JSON.stringify({ name: 'empty', domain: 'enterprise-attack', versions: { layer: '4.5', attack: '18', navigator: '5.1.0' }, techniques: [] }));
    const table = await runCli(['export', file, '--format', 'csv']);
    expect([table.code, table.stdout, table.stderr]).to.deep.equal([0, 'technique,name,tactic,score,color,comment,metadata,links,note\r\n', `${file}: the layer has no technique entries: the csv holds the header alone\n`]);
    const picture = await runCli(['export', file, '--format', 'html']);
    expect([picture.code, picture.stderr]).to.deep.equal([0, `${file}: the layer has no technique entries: the html draws the plain matrix\n`]);
    expect((await runCli(['export', file, '--format', 'md', '--quiet'])).stderr).to.equal('');
  });

  it('asks for --out when the SVG takes several pages, and writes none of them over an existing file without --force', async () => {
    const out = freshTmpDir('export');
    // Every sub-technique shown, the TEMP.Periscope layer takes 2 pages.
    const args = ['export', 'layers/temp-periscope-cambodia-2018.layer.json', '--subtechniques', 'expanded'];
    const stdout = await runCli([...args, '--format', 'svg']);
    expect([stdout.code, stdout.stdout]).to.deep.equal([2, '']);
    expect(stdout.stderr).to.match(/the matrix takes \d+ A4 pages, one SVG file each: give --out <name>\.svg \(writes <name>-1\.svg to <name>-\d+\.svg\), or --format html/);
    // A FIFO (or a device) as --out is a stream too: no fifo-1.svg beside it. A FIFO of the test's own, so that a
    // regression writes into the test's folder, not /dev.
    const fifo = join(out, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const stream = await runCli([...args, '--format', 'svg', '--out', fifo]);
    expect([stream.code, stream.stdout]).to.deep.equal([2, '']);
    expect(stream.stderr).to.match(/one SVG file each: .*; \S+pipe is a device or FIFO, which holds no files\nRun `attack-layers export --help` for usage\.\n$/);
    expect(readdirSync(out)).to.deep.equal(['pipe']);
    writeFileSync(join(out, 'tp-2.svg'), 'mine');
    const refused = await runCli([...args, '--out', join(out, 'tp.svg')]);
    expect([refused.code, refused.stderr]).to.deep.equal([2, `attack-layers export: ${join(out, 'tp-2.svg')} already exists with other content; pass --force to overwrite it\n`]);
    expect(existsSync(join(out, 'tp-1.svg'))).to.equal(false);
    expect(readFileSync(join(out, 'tp-2.svg'), 'utf8')).to.equal('mine');
    expect((await runCli([...args, '--out', join(out, 'tp.svg'), '--force'])).code).to.equal(0);
    expect(readFileSync(join(out, 'tp-2.svg'), 'utf8')).to.match(/^<\?xml/);
  });

  it('draws a layer made for ATT&CK 8 with the 8.2 matrix', async () => {
    const result = await runCli(['export', 'test/fixtures/layers/old-format-4.2.json', '--format', 'svg']);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.contain('ATT&amp;CK enterprise-attack 8.2');
  });

  it('falls back to the newest release, with a warning, when the declared one is missing', async () => {
    const dir = freshTmpDir('export');
    const file = join(dir, 'v5.json');
    const layer = JSON.parse(readFileSync(join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json'), 'utf8')) as NavigatorLayer;
    writeFileSync(file, JSON.stringify({ ...layer, versions: { ...layer.versions, attack: '5' } }));
    const result = await runCli(['export', file, '--format', 'md']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain('the layer is for ATT&CK enterprise-attack 5, which is not available here; drawn with enterprise-attack 18.1 instead');
    expect(result.stdout).to.contain('ATT&CK enterprise-attack 18.1 (layer made for 5)');
  });

  it('draws a layer whose release is missing and whose filter lists every platform of the nearest one on every platform', async () => {
    // Navigator 4.8.2 writes every platform of ATT&CK 13 into the filter; 13 is not here, 12.1 (the nearest) is.
    const dir = freshTmpDir('export');
    const file = join(dir, 'v13.json');
    const platforms = ['Linux', 'macOS', 'Windows', 'Network', 'PRE', 'Containers', 'Office 365', 'SaaS', 'Google Workspace', 'IaaS', 'Azure AD'];
    const esxi = [{ techniqueID: 'T1059.012', tactic: 'execution', score: 1 }, { techniqueID: 'T1505.006', tactic: 'persistence', score: 2 }];
    const layer = { name: 'v13', domain: 'enterprise-attack', versions: { attack: '13', navigator: '4.8.2', layer: '4.4' }, filters: { platforms }, techniques: [{ techniqueID: 'T1059.001', tactic: 'execution', score: 3 }, ...esxi] };
    writeFileSync(file, JSON.stringify(layer));
    const result = await runCli(['export', file, '--format', 'md', '--subtechniques', 'annotated']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain("filters.platforms lists every platform of enterprise-attack 12.1, the release nearest to the layer's 13 that is available here, so it is read as showing every platform");
    expect(result.stderr).not.to.contain('not drawn');
    // Its warning in the form every command writes: `warning: <file>: …` (it was `<file>: warning: …`).
    expect(result.stderr).to.contain(`warning: ${file}: the layer is for ATT&CK enterprise-attack 13, which is not available here`);
    expect(result.stderr).not.to.contain(': warning:');
    expect(result.stdout).to.contain('platforms: all');
    // A filter of some of 12.1's platforms is still drawn as written: ESXi's techniques stay hidden.
    writeFileSync(file, JSON.stringify({ ...layer, filters: { platforms: platforms.slice(1) } }));
    const some = await runCli(['export', file, '--format', 'md', '--subtechniques', 'annotated']);
    for (const entry of esxi) expect(some.stderr).to.contain(`not drawn: ${entry.techniqueID}: `);
    expect(some.stderr).not.to.contain('read as showing every platform');
  });

  // mitre-attack/mitreattack-python's layer generators write ICS's platforms as mitreattack/constants.py lists them
  // (PLATFORMS_LOOKUP): Windows, Control Server, Field Controller/RTU/PLC/IED... ICS 18.1's techniques run on "None", and
  // no ICS release before 18.1 is here or listed, so read in 18.1 such a filter hid every entry: nothing was drawn.
  it('draws an old ICS layer whose platform names its release alone had on every platform, and says so', async () => {
    const dir = freshTmpDir('export');
    const file = join(dir, 'ics-10.json');
    const platforms = ['Field Controller/RTU/PLC/IED', 'Safety Instrumented System/Protection Relay', 'Control Server', 'Input/Output Server', 'Windows', 'Human-Machine Interface', 'Engineering Workstation', 'Data Historian'];
    const layer = { name: 'ics 10', domain: 'ics-attack', versions: { attack: '10', navigator: '4.5.5', layer: '4.3' }, filters: { platforms }, techniques: [{ techniqueID: 'T0800', score: 1 }, { techniqueID: 'T0814', score: 2 }] };
    writeFileSync(file, JSON.stringify(layer));
    const result = await runCli(['export', file, '--format', 'csv']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain('filters.platforms names platforms ics-attack 18.1 does not have (Field Controller/RTU/PLC/IED, ');
    expect(result.stderr).to.contain('and those of ATT&CK 10 are not known here, so it is drawn showing every platform');
    expect(result.stderr).not.to.contain('not drawn');
    expect(result.stdout.split('\n').filter((row) => /^T08(00|14),/.test(row))).to.have.length(2);
  });

  // txt2stix's navigator output (a test fixture of a public txt2stix consumer) writes layers of IDs alone:
  // {"techniqueID": "T0887"}. Navigator shows nothing of such entries; the CSV was an empty table, and nothing said why.
  it('says which entries carry no annotation, and so are neither shown by Navigator nor exported', async () => {
    const dir = freshTmpDir('export');
    const file = join(dir, 'bare.json');
    const layer = { version: '4.5', name: 'Basic ICS Layer', domain: 'ics-attack', techniques: [{ techniqueID: 'T0887' }, { techniqueID: 'T0853' }, { techniqueID: 'T0800', score: 1 }, { techniqueID: 'T0814', showSubtechniques: true }] };
    writeFileSync(file, JSON.stringify(layer));
    const result = await runCli(['export', file, '--format', 'csv']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain('2 entries (T0887, T0853) carry no annotation (no score, colour, comment, link or metadata): Navigator shows nothing of them, and neither does this export');
    expect(result.stdout.split('\n').filter((row) => /^T0/.test(row)).map((row) => row.split(',')[0])).to.deep.equal(['T0800']);
  });

  // Drawn in ICS 18.1 on purpose (--attack-release 18.1), the same layer is drawn as 18.1 shows it: its filter's old
  // names match nothing, nothing is drawn, and a note says why and how to draw it on every platform.
  it('draws an old ICS layer as ICS 18.1 shows it when asked to, and says its filter\'s names are its own release\'s', async () => {
    const dir = freshTmpDir('export');
    const file = join(dir, 'ics-10.json');
    const platforms = ['Field Controller/RTU/PLC/IED', 'Control Server', 'Windows'];
    const layer = { name: 'ics 10', domain: 'ics-attack', versions: { attack: '10', navigator: '4.5.5', layer: '4.3' }, filters: { platforms }, techniques: [{ techniqueID: 'T0800', score: 1 }] };
    writeFileSync(file, JSON.stringify(layer));
    const result = await runCli(['export', file, '--format', 'csv', '--attack-release', '18.1']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain(
      'filters.platforms names platforms ics-attack 18.1 does not have (Field Controller/RTU/PLC/IED, Control Server, Windows), and those of ATT&CK 10, the layer\'s, are not known here; ' +
        'drawn as ics-attack 18.1, the release asked for (--attack-release), shows it',
    );
    expect(result.stderr).to.contain('leave --attack-release out to draw the layer on every platform');
    expect(result.stderr).to.contain('not drawn: T0800');
  });

  // No enterprise release before 3.0 is listed, so a layer of ATT&CK 2 has its unknown platform names left unread;
  // but every listed release (3.0 to 18.1) has Windows, so "Windwos" is a typo in 2 as well: it filtered nothing in.
  it('reads a misspelt platform every release has (Windwos) as written in a layer of ATT&CK 2, not as an unknown old name', async () => {
    const dir = freshTmpDir('export');
    const file = join(dir, 'attack-2.json');
    const layer = { name: 'attack 2', domain: 'enterprise-attack', versions: { attack: '2', navigator: '4.9.1', layer: '4.5' }, filters: { platforms: ['Windwos'] }, techniques: [{ techniqueID: 'T1059', score: 1 }] };
    writeFileSync(file, JSON.stringify(layer));
    const result = await runCli(['export', file, '--format', 'csv']);
    expect(result.code).to.equal(0);
    expect(result.stderr).not.to.contain('drawn showing every platform');
    expect(result.stderr).to.contain("not drawn: T1059: Command and Scripting Interpreter is not on the layer's platforms (Windwos)");
  });

  it('draws such a filter on every platform with --attack-release too, for a layer whose own release is here or not', async () => {
    // The same filter of every platform of 13 (12.1 the nearest here), and one of every platform of 14 (here: 14.1).
    const dir = freshTmpDir('export');
    const esxi = [{ techniqueID: 'T1059.012', tactic: 'execution', score: 1 }];
    const v13 = ['Linux', 'macOS', 'Windows', 'Network', 'PRE', 'Containers', 'Office 365', 'SaaS', 'Google Workspace', 'IaaS', 'Azure AD'];
    const v14 = attackLibrary().release('enterprise-attack', '14').platforms();
    for (const [attack, platforms, which] of [['13', v13, "enterprise-attack 12.1, the release nearest to the layer's 13 that is available here"], ['14', v14, "enterprise-attack 14.1, the layer's release"]] as const) {
      const file = join(dir, `v${attack}.json`);
      writeFileSync(file, JSON.stringify({ name: attack, domain: 'enterprise-attack', versions: { attack, navigator: '4.9.1', layer: '4.5' }, filters: { platforms }, techniques: esxi }));
      const result = await runCli(['export', file, '--format', 'md', '--subtechniques', 'annotated', '--attack-release', '18.1']);
      expect(result.code).to.equal(0);
      expect(result.stderr).to.contain(`filters.platforms lists every platform of ${which}, so it is read as showing every platform`);
      expect(result.stderr).not.to.contain('not drawn');
      expect(result.stdout).to.contain('platforms: all');
    }
  });

  // Navigator's April 2018 updates layer (test/fixtures/layers/public/navigator-april-2018-updates-2.0.json), format 2.0,
  // no release stated, filters windows, linux and mac: every platform Navigator 2.0 to 2.2 offered (ATT&CK 3.0's). upgrade
  // widens it to every platform and gap reviews it so (filterRelease); export said "platforms: Windows, Linux, macOS".
  it('reads a format 2.0/2.1 filter of windows, linux and mac as every platform, as upgrade and gap do', async () => {
    const april = await runCli(['export', 'test/fixtures/layers/public/navigator-april-2018-updates-2.0.json', '--format', 'md']);
    expect(april.code, april.stderr).to.equal(0);
    expect(april.stdout).to.contain('ATT&CK enterprise-attack 18.1 · platforms: all · 39 annotated technique entries');
    expect(april.stderr).to.contain(
      'filters.platforms lists every platform of enterprise-attack 3.0, in whose platform names it is written (the layer states no release, and its ' +
        "format 2.0 is Navigator 2.0 to 2.2's, whose enterprise filter offered windows, linux and mac alone), so it is read as showing every platform",
    );
    // Our own minimal layer of format 2.1 in that shape: T1530 (Data from Cloud Storage) runs on no platform of 3.0's,
    // and is drawn, with --attack-release too; a filter that chose (windows, linux) and a format 2.2 one stay as written.
    const dir = freshTmpDir('export');
    const layer = { name: 'v2.1', version: '2.1', domain: 'mitre-enterprise', filters: { stages: ['act'], platforms: ['windows', 'linux', 'mac'] }, techniques: [{ techniqueID: 'T1530', score: 1 }] };
    for (const [version, platforms, shown] of [['2.1', ['windows', 'linux', 'mac'], 'all'], ['2.1', ['windows', 'linux'], 'Windows, Linux'], ['2.2', ['Windows', 'Linux', 'macOS'], 'Windows, Linux, macOS']] as const) {
      const file = join(dir, `v${version}-${platforms.length}.json`);
      writeFileSync(file, JSON.stringify({ ...layer, version, filters: { ...layer.filters, platforms } }));
      for (const release of [[], ['--attack-release', '14.1']]) {
        const result = await runCli(['export', file, '--format', 'md', ...release]);
        expect(result.code, result.stderr).to.equal(0);
        expect(result.stdout).to.contain(`platforms: ${shown} ·`);
        if (shown === 'all') expect(result.stderr).not.to.contain('not drawn');
        else expect(result.stderr).to.contain('not drawn: T1530');
      }
    }
  });

  // Navigator 2.x and 3.x chose between the enterprise matrix and PRE-ATT&CK's by `filters.stages` (["act"] or
  // ["prepare"]; mitre-attack/attack-navigator, layers/LAYERFORMATv3.md, commit 090210e0: "Specifies the logical stages
  // of the attack lifecycle to display. Valid choices are: "prepare" and "act""). The April 2018 updates layer and ATC's
  // TESTCUSTOMER2 layer (test/fixtures/layers/public, as published) write ["act"]; ATT&CK 8 made PRE-ATT&CK's tactics
  // Reconnaissance and Resource Development, which export drew as columns of the April 2018 layer (every platform).
  it('draws a format 2.x/3.x layer whose filters.stages is ["act"] without the tactics PRE-ATT&CK became, and says so', async () => {
    const dir = freshTmpDir('export');
    const stagesNote =
      'Reconnaissance, Resource Development left out: the layer\'s filters.stages left out "prepare", so the Navigator it was made for ' +
      '(2.x, 3.x) showed the enterprise matrix ("act") alone, not PRE-ATT&CK; ATT&CK 8 made PRE-ATT&CK\'s tactics these, whose techniques run on PRE alone';
    const april = 'test/fixtures/layers/public/navigator-april-2018-updates-2.0.json';
    const svg = join(dir, 'april.svg');
    const result = await runCli(['export', april, '--out', svg]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(`${april}: ${stagesNote}`);
    const pages = readdirSync(dir).filter((name) => name.endsWith('.svg')).map((name) => parseSvg(readFileSync(join(dir, name), 'utf8')));
    const drawn = pages.flatMap((root) => byClass(root, 'tactic')).map((g) => g.getAttribute('data-tactic'));
    expect(drawn).to.include('initial-access').and.not.to.include('reconnaissance').and.not.to.include('resource-development');
    expect(pages.map((root) => root.textContent ?? '').join(' ')).to.contain('Not shown (Navigator hides those columns): Reconnaissance, Resource Development: the layer');
    // The same layer with "prepare" (our own minimal change of it) draws them, as Navigator 2.x did for that stage.
    const prepare = join(dir, 'prepare.json');
    writeFileSync(prepare, readFileSync(april, 'utf8').replace('"act"', '"act", "prepare"'));
    const both = await runCli(['export', prepare, '--format', 'html', '--out', join(dir, 'prepare.html')]);
    expect(both.code, both.stderr).to.equal(0);
    expect(both.stderr).not.to.contain('filters.stages');
    expect(readFileSync(join(dir, 'prepare.html'), 'utf8')).to.contain('data-tactic="reconnaissance"');
    // Format 4 dropped the stage filter: Navigator 4 and later ignore a list left in a layer, and so does export.
    const v4 = join(dir, 'v4.json');
    writeFileSync(v4, JSON.stringify({ name: 'v4', domain: 'enterprise-attack', versions: { layer: '4.5', attack: '18', navigator: '5.1.0' }, filters: { stages: ['act'] }, techniques: [{ techniqueID: 'T1595', score: 1 }] }));
    const four = await runCli(['export', v4, '--format', 'md']);
    expect(four.code, four.stderr).to.equal(0);
    expect(four.stderr).not.to.contain('filters.stages');
    // A format 2.x/3.x layer that writes no list hid PRE-ATT&CK too: Navigator 2.x/3.x started from ["act"] and replaced
    // it only with a list given (nav-app/src/app/viewmodels.service.ts, class Filter). Navigator's v7-beta heatmap, format 3.0:
    const heatmap = 'test/fixtures/layers/public/navigator-heatmap-v7-beta-3.0.json';
    const html = join(dir, 'heatmap.html');
    const unstated = await runCli(['export', heatmap, '--format', 'html', '--out', html]);
    expect(unstated.code, unstated.stderr).to.equal(0);
    expect(unstated.stderr).to.contain(
      `${heatmap}: Reconnaissance, Resource Development left out: the layer (format 3.0) writes no filters.stages: Navigator 3.x read that as ["act"], without "prepare", so the Navigator`,
    );
    expect(readFileSync(html, 'utf8')).not.to.contain('data-tactic="reconnaissance"');
  });

  it('reports entries it cannot draw on stderr (revoked, unknown) and still exits 0', async () => {
    const dir = freshTmpDir('export');
    const file = join(dir, 'old-ids.json');
    writeFileSync(file, JSON.stringify({ name: 'old', domain: 'enterprise-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, techniques: [{ techniqueID: 'T1086', score: 1 }, { techniqueID: 'T9999', score: 2 }, { techniqueID: 'T0800', score: 3 }] }));
    const result = await runCli(['export', file, '--out', join(dir, 'old.svg')]);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain(`${file}: not drawn: T1086: revoked in enterprise-attack 18.1, replaced by T1059.001`);
    expect(result.stderr).to.contain(`${file}: not drawn: T9999: numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique`);
    expect(result.stderr).to.contain(`${file}: not drawn: T0800: an ICS technique (Activate Firmware Update Mode in ics-attack 18.1); this layer is enterprise-attack`);
    expect(readFileSync(join(dir, 'old.svg'), 'utf8')).to.contain('T1086: revoked');
  });

  // ATT&CK Evaluations' Carbanak+FIN7 layer (test/fixtures/layers/public/attack-evals-carbanak-fin7-2.2.json, from
  // mitre-attack/attack-evals) writes the revoked T1179 and T1050 under two tactics each, alike: every format listed
  // each twice ("- T1179: revoked …", the same line again), the tactics unnamed.
  it('lists a revoked technique written under two tactics once, naming them, in the Markdown, the picture and on stderr', async () => {
    const file = 'test/fixtures/layers/public/attack-evals-carbanak-fin7-2.2.json';
    const t1179 = 'T1179 (under persistence, credential-access): revoked in enterprise-attack 18.1, replaced by T1056.004 Input Capture: Credential API Hooking; run `attack-layers upgrade`';
    const md = await runCli(['export', file, '--format', 'md']);
    const listed = md.stdout.slice(md.stdout.indexOf('Not drawn in the matrix'));
    expect(listed.split('\n').filter((line) => line.startsWith('- '))).to.have.length(8);
    expect(listed).to.contain('Not drawn in the matrix (10 entries):');
    expect(listed).to.contain(`- ${t1179}\n- T1050 (under privilege-escalation, persistence): revoked`);
    expect(md.stderr.split('\n').filter((line) => line.includes('not drawn: T1179'))).to.deep.equal([`${file}: not drawn: ${t1179}`]);
    const svg = (await runCli(['export', file, '--format', 'svg'])).stdout;
    expect(svg).to.contain('Not drawn in the matrix (10 entries):');
    expect(svg.match(/T1179 \(under persistence, credential-access\): revoked/g)).to.have.length(1);
    expect(svg).not.to.contain('T1179: revoked');
  });

  it('draws a mobile layer with the mobile matrix', async () => {
    const result = await runCli(['export', 'test/fixtures/layers/combine/mobile.json', '--format', 'svg']);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.contain('ATT&amp;CK mobile-attack 18.1');
  });

  describe('gap reports', () => {
    let review: string;
    before(async () => {
      review = freshTmpDir('export-gap');
      for (const report of ['json', 'csv', 'md']) {
        const result = await runCli(['gap', '--threat', 'campaigns', '--coverage', 'test/fixtures/gap/detections.csv', '--out', join(review, report), '--report', report, '--quiet']);
        expect(result.code).to.equal(0);
      }
    });

    for (const format of ['csv', 'md']) {
      it(`exports the JSON report as the same ${format} the gap command writes`, async () => {
        const file = join(review, `again.${format}`);
        expect((await runCli(['export', join(review, 'json/gap-report.json'), '--out', file])).code).to.equal(0);
        expect(readFileSync(file, 'utf8')).to.equal(readFileSync(join(review, format, `gap-report.${format}`), 'utf8'));
        // On stdout, which is for a pipe, the CSV has no byte-order mark; the rest is the same.
        const result = await runCli(['export', join(review, 'json/gap-report.json'), '--format', format]);
        expect(result.code).to.equal(0);
        expect(result.stdout).to.equal(readFileSync(join(review, format, `gap-report.${format}`), 'utf8').replace(/^\uFEFF/, ''));
      });
    }

    it("starts a CSV report file with a UTF-8 byte-order mark, as export's CSV of a layer, and stdout with none", async () => {
      // Excel opens a CSV file without one in the system's code page (Windows-1252 in the West): the report's `—` and
      // `•` showed as `â€”` and `â€¢`. The gap command writes its report to a file; export writes one to --out or stdout.
      const written = readFileSync(join(review, 'csv', 'gap-report.csv'), 'utf8');
      expect(written.startsWith('\uFEFFsection,rank,technique,')).to.equal(true);
      expect(written.split('\uFEFF')).to.have.length(2);
      const file = join(review, 'exported.csv');
      expect((await runCli(['export', join(review, 'json/gap-report.json'), '--out', file])).code).to.equal(0);
      expect(readFileSync(file, 'utf8').startsWith('\uFEFFsection,rank,technique,')).to.equal(true);
      const piped = await runCli(['export', join(review, 'json/gap-report.json'), '--format', 'csv']);
      expect(piped.stdout.startsWith('section,rank,technique,')).to.equal(true);
    });

    it('exports the JSON report as a workbook whose Gaps sheet has its ranked rows', async () => {
      const file = join(review, 'gaps.xlsx');
      expect((await runCli(['export', join(review, 'json/gap-report.json'), '--out', file])).code).to.equal(0);
      const report = JSON.parse(readFileSync(join(review, 'json/gap-report.json'), 'utf8')) as { rows: { id: string; priority: number; gap: boolean }[] };
      const sheet = (await readWorkbook(readFileSync(file))).getWorksheet('Gaps')!;
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
      const column = (name: string): number => (sheet.getRow(1).values as unknown[]).indexOf(name);
      expect(rows.map((row) => [row.getCell(column('technique')).value, row.getCell(column('priority')).value, row.getCell(column('gap')).value])).to.deep.equal(
        report.rows.map((row) => [row.id, row.priority, row.gap ? 'yes' : 'no']),
      );
    });

    // gap's Markdown or CSV report given where a review's input or a threat report is read. A detection engineer with
    // gap's default Markdown report wanting a workbook for a meeting: the Markdown was refused as `line 1, column 1:
    // invalid JSON: unexpected "#"`, and the CSV said to be `a detections file; give it to gap --coverage`. The CSV
    // given to gap --coverage was read as a detections file (`66 detections read, 57 ignored, 35 invalid`, exit 0), the
    // Markdown refused for its extension (exit 2); extract read the Markdown as a threat report (96 references, exit 0).
    const givenBack: ReadonlyArray<readonly [command: string, argv: (file: string) => string[], notWhat: string]> = [
      ['export', (file) => ['export', file, '--out', join(review, 'gaps.xlsx')], 'an ATT&CK Navigator layer or a gap report (gap --report json)'],
      [
        'gap --coverage',
        (file) => ['gap', '--threat', 'campaigns', '--coverage', file, '--out', join(review, 'again'), '--quiet'],
        'an ATT&CK Navigator layer or a detections file or a DeTT&CT technique administration file or a Microsoft Sentinel export of analytic rules (an ARM template)',
      ],
      ['extract', (file) => ['extract', file], "a report's text"],
    ];
    for (const format of ['md', 'csv']) {
      for (const [command, argv, notWhat] of givenBack) {
        it(`says gap's ${format} report given to ${command} is one, and what reads the review (exit 1)`, async () => {
          const folder = join(review, format);
          const file = join(folder, `gap-report.${format}`);
          const result = await runCli(argv(file));
          expect([result.code, result.stdout, result.stderr]).to.deep.equal([
            1,
            '',
            `attack-layers ${command.split(' ')[0]}: ${file}: this is gap's report as Markdown or CSV (gap --report md or csv), not ${notWhat}; ` +
              'it reports a review, and is no threat, coverage or report to extract from: gap --coverage reads the rules or detections a review read, ' +
              `or the coverage layer gap wrote beside its report (${join(folder, 'coverage.layer.json')}); the review's gaps are drawn in ${join(folder, 'gap.layer.json')}; ` +
              'export tabulates the review from its JSON: run gap again with --report json (--force to replace the review) and export that gap-report.json (the CSV opens in a spreadsheet as it is)\n',
          ]);
        });
      }
    }

    it('reads a page titled "Coverage gap review" that is no gap report as a report', async () => {
      const page = join(review, 'blog.md');
      writeFileSync(page, '# Coverage gap review\n\nOur purple team found no rule for Kerberoasting (T1558.003) in the last exercise.\n');
      const result = await runCli(['extract', page]);
      expect([result.code, result.stdout.includes('- ref: "Kerberoasting (T1558.003)"')]).to.deep.equal([0, true]);
    });

    it('exports the gap layer as a picture, and refuses svg for the report (exit 2)', async () => {
      expect((await runCli(['export', join(review, 'json/gap.layer.json'), '--out', join(review, 'gap.svg')])).code).to.equal(0);
      const refused = await runCli(['export', join(review, 'json/gap-report.json'), '--format', 'svg']);
      expect([refused.code, refused.stderr]).to.deep.equal([2, `attack-layers export: a gap report is a table: export it as xlsx, csv, md; for a picture, export gap.layer.json (written beside it) as svg\nRun \`attack-layers export --help\` for usage.\n`]);
    });
  });

  const usage: [string, string[], RegExp][] = [
    ['no --format and no --out', ['layers/all.layer.json'], /give --format/],
    ['an --out without a known extension', ['layers/all.layer.json', '--out', 'x.txt'], /x\.txt does not end in a known extension/],
    ['--format svg with an --out named .md (it wrote SVG into x-1.md, x-2.md)', ['layers/all.layer.json', '--format', 'svg', '--out', 'x.md'], /--format svg --out x\.md: the name says \.md, not \.svg; give --out x\.svg, or leave --format out to write md$/m],
    // A slide's picture: `--out slide.png` said "give --format", and `--format svg --out slide.png` then wrote SVG text
    // into slide-1.png and slide-2.png, which no picture viewer opens.
    ['an --out named .png', ['layers/all.layer.json', '--out', 'slide.png'], /^attack-layers export: --out slide\.png: export writes svg, html, xlsx, csv or md, not \.png; its picture of the matrix is SVG, which PowerPoint inserts as it is \(for PNG, convert it: .*\): give --out slide\.svg\n/],
    ['--format svg with an --out named .png', ['layers/all.layer.json', '--format', 'svg', '--out', 'slide.png'], /--out slide\.png: export writes .*, not \.png; .*: give --out slide\.svg\n/],
    ['an --out named .pdf', ['layers/all.layer.json', '--out', 'matrix.pdf'], /--out matrix\.pdf: .*not \.pdf; for a PDF, export HTML and print it to PDF from a browser .*: give --out matrix\.html\n/],
    ['an --out named .pptx', ['layers/all.layer.json', '--out', 'deck.pptx'], /--out deck\.pptx: .*: give --out deck\.svg\n/],
    ['an --out named .xls', ['layers/all.layer.json', '--out', 'gaps.xls'], /--out gaps\.xls: .*: give --out gaps\.xlsx\n/],
    ['--format csv with an --out named .docx', ['layers/all.layer.json', '--format', 'csv', '--out', 'notes.docx'], /--out notes\.docx: .*: give --out notes\.csv\n/],
    ['--format xlsx with an --out named .csv', ['layers/all.layer.json', '--format', 'xlsx', '--out', 'x.csv'], /give --out x\.xlsx, or leave --format out to write csv$/m],
    ['xlsx to stdout', ['layers/all.layer.json', '--format', 'xlsx'], /xlsx is a binary format: give --out/],
    ['a missing file', ['nope.json', '--format', 'svg'], /nope\.json: no such file/],
    // The input is said before the options: with neither --format nor --out, `export nope.json` said "give --format".
    ['a missing file, with neither --format nor --out', ['nope.json'], /^attack-layers export: nope\.json: no such file\n$/],
    ['a missing file, with an --out of no known extension', ['nope.json', '--out', 'x.txt'], /^attack-layers export: nope\.json: no such file\n$/],
    ['a folder, with neither --format nor --out', ['layers'], /^attack-layers export: layers: is a folder, not a file; name a file in it\n$/],
    ['--layer 3 of a single layer', ['layers/all.layer.json', '--format', 'csv', '--layer', '3'], /--layer 3: layers\/all\.layer\.json holds 1 layer; leave --layer out \(or give --layer 1\)$/m],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 for ${what}`, async () => {
      const result = await runCli(['export', ...args]);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.match(message);
      expect(hasStackTrace(result.stderr)).to.equal(false);
    });
  }

  it('exits 2 when --out exists, and replaces it with --force', async () => {
    const file = join(freshTmpDir('export'), 'a.csv');
    writeFileSync(file, 'old');
    expect((await runCli(['export', 'layers/all.layer.json', '--out', file])).code).to.equal(2);
    expect((await runCli(['export', 'layers/all.layer.json', '--out', file, '--force'])).code).to.equal(0);
    // A file --out names starts with the byte-order mark Excel reads UTF-8 by (render-table.ts).
    expect(readFileSync(file, 'utf8').startsWith('\uFEFFtechnique,')).to.equal(true);
  });

  it('writes the same bytes for the same layer: every zip entry dated 1980-01-01 00:00, no clock in the SVG, the links within the workbook kept', async () => {
    // mitreattack-python's layerExporter_cli writes with openpyxl, which dates the zip's entries at writing.
    const layer = { name: 'links', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1105', score: 1, links: [{ label: 'a', url: 'https://example.org/a' }, { label: 'b', url: 'https://example.org/b' }] }] };
    const dir = freshTmpDir('export');
    writeFileSync(join(dir, 'links.json'), JSON.stringify(layer));
    const written = [];
    for (const run of ['1', '2']) {
      for (const format of ['xlsx', 'svg']) expect((await runCli(['export', join(dir, 'links.json'), '--out', join(dir, `${run}.${format}`)])).code, `${run}.${format}`).to.equal(0);
      written.push([readFileSync(join(dir, `${run}.xlsx`)), readFileSync(join(dir, `${run}.svg`))] as const);
    }
    expect(Buffer.compare(written[0]![0], written[1]![0])).to.equal(0);
    expect(Buffer.compare(written[0]![1], written[1]![1])).to.equal(0);
    expect([...new Set(zipEntries(written[0]![0]).map((entry) => `${entry.day}/${entry.time}`))]).to.deep.equal([`${(0 << 9) | (1 << 5) | 1}/0`]);
    const xml = workbookXml(written[0]![0]);
    expect(xml.files.get(xml.sheetFile('Techniques'))).to.contain('<hyperlink ref="H2" location="&apos;Links&apos;!A2"/>');
    // The Matrix cell of T1105 (Command and Control) goes there too.
    expect(xml.files.get(xml.sheetFile('Matrix'))).to.match(/<hyperlink ref="[A-Z]+\d+" location="&apos;Links&apos;!A2"\/>/);
  });

  it('exits 1 for a layer the schema rejects, naming the place', async () => {
    const file = join(freshTmpDir('export'), 'bad.json');
    // A platform filter of 7 is left out since (h591), and said; a layout that is no object has no repair.
    writeFileSync(file, JSON.stringify({ name: 'bad', domain: 'enterprise-attack', layout: 7, techniques: [{ techniqueID: 'T1059', score: 'high' }] }));
    const result = await runCli(['export', file, '--format', 'svg']);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain('/layout');
  });

  it('draws one layer of a file of several with --layer, and asks for it otherwise', async () => {
    const multi = 'test/fixtures/layers/navigator/spec-4.5-multi-example.json';
    expect((await runCli(['export', multi, '--format', 'csv'])).stderr).to.match(/holds \d+ layers; export draws one at a time: pass --layer 1 to \d+/);
    expect((await runCli(['export', multi, '--format', 'csv', '--layer', '2'])).code).to.equal(0);
  });

  it('names each layer of a file of several (number, name, domain, entries) when asking for --layer, and when --layer is out of range', async () => {
    // The repo's two campaign layers in one array, as Navigator's "download all layers" writes its tabs.
    const file = join(freshTmpDir('export'), 'layers.json');
    const layers = ['apt32-covid19-wuhan', 'temp-periscope-cambodia-2018'].map((name) => JSON.parse(readFileSync(join(repoRoot, 'layers', `${name}.layer.json`), 'utf8')) as unknown);
    writeFileSync(file, JSON.stringify(layers));
    const choices =
      '1 "APT32 targets Wuhan government (COVID-19)" (enterprise-attack, 8 entries); ' +
      '2 "TEMP.Periscope targets Cambodia\'s 2018 election" (enterprise-attack, 43 entries)\n';
    const asked = await runCli(['export', file, '--format', 'csv']);
    expect(asked.code).to.equal(2);
    expect(asked.stderr).to.equal(`attack-layers export: ${file} holds 2 layers; export draws one at a time: pass --layer 1 to 2: ${choices}Run \`attack-layers export --help\` for usage.\n`);
    const wrong = await runCli(['export', file, '--format', 'csv', '--layer', '3']);
    expect(wrong.code).to.equal(2);
    expect(wrong.stderr).to.equal(`attack-layers export: --layer 3: ${file} holds 2 layers; give 1 to 2: ${choices}Run \`attack-layers export --help\` for usage.\n`);
    // Past ten layers, the rest are counted.
    writeFileSync(file, JSON.stringify(Array.from({ length: 12 }, () => layers[0])));
    expect((await runCli(['export', file, '--format', 'csv'])).stderr).to.match(/; 10 "APT32 [^;]*; and 2 more\nRun `attack-layers export --help` for usage\.\n$/);
  });

  it('exits 1 for an array that holds no layer, saying what it is, rather than asking for --layer (exit 2)', async () => {
    // tropChaud/Cyber-Adversary-Heatmaps keeps "Current Intelligence Reports/current_intel_index.json", the titles and
    // URLs of its layers, beside them: export counted its items as layers and asked which one to draw.
    const file = join(freshTmpDir('export'), 'current_intel_index.json');
    const item = (title: string, name: string) => ({ title, url: `https://raw.githubusercontent.com/tropChaud/Cyber-Adversary-Heatmaps/main/Current%20Intelligence%20Reports/${name}.json` });
    writeFileSync(file, JSON.stringify([item('The DFIR Report SELECT XMRig FROM SQLServer (July 2022)', 'SELECT%20XMRig%20FROM%20SQLServer'), item('CISA Alert AA22-152A: Karakurt Data Extortion Group (June 2022)', 'Karakurt%20Data%20Extortion%20Group%20CISA')], null, 4));
    const result = await runCli(['export', file, '--format', 'csv']);
    expect(result.code).to.equal(1);
    // A list of layers' addresses, as every command says it (test/regressions/json-of-no-kind.test.ts).
    expect(result.stderr).to.match(/^attack-layers export: \S+current_intel_index\.json: this is a list of the addresses of JSON files \(URLs ending \.json.*download the layers its URLs name.*\n$/);
  });
});
