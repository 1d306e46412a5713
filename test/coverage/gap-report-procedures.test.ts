/**
 * The gap report as an emulation and detection-engineering work list: beside each gap, how the actor did it (the
 * procedure a threat layer entry's comment carries, with its links; a campaign reference's comment or evidence) and the
 * data that would see it (the log sources of ATT&CK 18.1's analytics on its platforms), in the Markdown, CSV and JSON
 * reports alike. The threat layers are `attack-object`'s, rendered in process from the real ATT&CK 18.1 release
 * (ATTACK_STIX_DIR): APT29 (G0016) and its campaign C0024 SolarWinds Compromise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseCsv } from '../../lib/coverage/parse-csv.js';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const coverage = 'test/fixtures/gap/detections.csv';

describe('gap report: how each gap was used and what data would see it', () => {
  let dir: string;
  let apt29: string;
  let solarWinds: string;
  const gap = async (threats: string[], report: 'md' | 'csv' | 'json'): Promise<string> => {
    const out = join(dir, `${report}-${threats.length}`);
    const result = await runCli(['gap', '--threat', ...threats, '--coverage', coverage, '--out', out, '--report', report, '--quiet', '--attack-release', '18.1']);
    expect(result.code, result.stderr).to.equal(0);
    return readFileSync(join(out, `gap-report.${report}`), 'utf8');
  };
  const entryLine = (file: string, id: string): number => readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(`"techniqueID": "${id}"`)) + 1;
  before(async () => {
    dir = freshTmpDir('gap-procedures');
    apt29 = join(dir, 'apt29.json');
    solarWinds = join(dir, 'c0024.json');
    for (const [object, file] of [['APT29', apt29], ['C0024', solarWinds]] as const) {
      const result = await runCli(['attack-object', object, '--attack-release', '18.1', '--quiet']);
      expect(result.code, result.stderr).to.equal(0);
      writeFileSync(file, result.stdout);
    }
  });

  it('keeps each procedure whole in the JSON report, with its source, place and links, and the log sources that would see the gap (valid by its schema)', async () => {
    const report = JSON.parse(await gap([apt29], 'json')) as GapReportData;
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    const row = report.rows.find((r) => r.id === 'T1003.002')!;
    expect(row.gap).to.equal(true);
    // The entry's place is its own line in the layer, as every other place of a threat layer.
    expect(row.procedures).to.deep.equal([
      {
        source: 'APT29 (G0016)',
        text: 'APT29 has used the `reg save` command to save registry hives.',
        place: `${apt29}:${entryLine(apt29, 'T1003.002') - 1}`,
        links: [{ label: 'Mandiant APT29 Eye Spy Email Nov 22', url: 'https://www.mandiant.com/resources/blog/unc3524-eye-spy-email' }],
      },
    ]);
    // ATT&CK 18.1's AN0235 (DET0085) reads these on Windows: each name once, its channels in ATT&CK's order.
    expect(row.dataSources).to.deep.equal([
      { name: 'WinEventLog:Security', channels: ['EventCode=4688'] },
      { name: 'WinEventLog:Sysmon', channels: ['EventCode=13, 14', 'EventCode=11', 'EventCode=2'] },
    ]);
    // A procedure longer than the Markdown shows is kept whole here (T1098.002's is 306 characters in 18.1).
    expect(report.rows.find((r) => r.id === 'T1098.002')!.procedures![0]!.text.length).to.be.above(300);
  });

  it('lists every source\'s procedure, by source as Used by lists them', async () => {
    const report = JSON.parse(await gap([apt29, solarWinds], 'json')) as GapReportData;
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    const both = report.rows.find((r) => r.sources.length === 2 && r.procedures?.length === 2)!;
    expect(both, 'a technique both APT29 and C0024 use, each with its procedure').to.not.equal(undefined);
    expect(both.procedures!.map((p) => p.source)).to.deep.equal(both.sources);
  });

  it('says in the Markdown how the actor used each gap, cut to a readable length with where the whole is, and the data that would see it', async () => {
    const md = await gap([apt29, solarWinds], 'md');
    const block = (id: string): string => md.split('\n### ').find((b) => new RegExp(`^\\d+\\. ${id} `).test(b))!;
    expect(block('T1003.002')).to.contain(
      'How APT29 (G0016) used it: "APT29 has used the \\`reg save\\` command to save registry hives." (' + apt29,
    );
    expect(block('T1003.002')).to.contain('; cites Mandiant APT29 Eye Spy Email Nov 22).');
    expect(block('T1003.002')).to.contain(
      'Data that would see it (the log sources of its ATT&CK analytics, below): WinEventLog:Security (EventCode=4688); WinEventLog:Sysmon (EventCode=13, 14; EventCode=11; EventCode=2).',
    );
    const lines = md.split('\n').filter((line) => line.startsWith('How '));
    expect(lines.length).to.be.above(50);
    // Cut at a word, said with "...", at most 200 characters of quoted text; where the whole is is named.
    const cut = lines.find((line) => line.startsWith('How APT29 (G0016) used it: "APT29 has used a compromised global administrator account'))!;
    expect(/"(.*)" \(/.exec(cut)![1]!.length).to.be.at.most(200);
    expect(cut).to.match(/\.\.\." \(.*apt29\.json:\d+; (the whole text|1 of 2 procedures, every one) in `--report json`/);
    // A technique of two sources: the first procedure, with how many there are.
    expect(md).to.contain('1 of 2 procedures, every one in `--report json`');
    // Names past the first 8 are counted, and channels that run to sentences are left to the analytics below.
    for (const line of md.split('\n').filter((l) => l.startsWith('Data that would see it'))) expect(line.length, line).to.be.below(700);
  });

  it('adds the columns procedure, procedure_place, procedures and data_sources after every other column of the CSV report', async () => {
    const [header, ...rows] = parseCsv(await gap([apt29], 'csv')).rows.map((r) => r.cells);
    // The columns the CSV report had, by position, then the new ones: a reader of the columns by position reads them all where they were.
    expect(header!.slice(-10)).to.deep.equal(['subtechnique_coverage', 'visibility', 'tests', 'outside_view', 'library_rules', 'newer_tags', 'procedure', 'procedure_place', 'procedures', 'data_sources']);
    expect(header!.slice(0, 2)).to.deep.equal(['section', 'rank']);
    const cell = (cells: string[], column: string) => cells[header!.indexOf(column)];
    const row = rows.find((cells) => cells[0] === 'technique' && cell(cells, 'technique') === 'T1003.002')!;
    expect(cell(row, 'procedure')).to.equal('APT29 (G0016): APT29 has used the `reg save` command to save registry hives.');
    expect(cell(row, 'procedure_place')).to.match(/apt29\.json:\d+$/);
    expect(cell(row, 'procedures')).to.equal('1');
    expect(cell(row, 'data_sources')).to.equal('WinEventLog:Security (EventCode=4688);WinEventLog:Sysmon (EventCode=13, 14; EventCode=11; EventCode=2)');
  });

  it('takes a campaign reference\'s comment, and says a procedure inferred from software is the software\'s', async () => {
    const campaign = 'campaigns/temp-periscope-cambodia-2018.yaml';
    const out = join(dir, 'campaign');
    expect((await runCli(['gap', '--threat', campaign, '--coverage', coverage, '--out', out, '--report', 'json', '--quiet'])).code).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as GapReportData;
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    const texts = report.rows.flatMap((row) => row.procedures ?? []);
    expect(texts).to.deep.include({ source: "TEMP.Periscope targets Cambodia's 2018 election", text: 'The lure email pretended to come from LICADHO, a Cambodian human-rights NGO founded in 1992.', place: `${campaign}:38` });
    expect(texts.some((p) => p.text === "inferred from S0040 HTRAN: Found on the group's servers among the previously seen malware.")).to.equal(true);
  });
});
