/**
 * The acceptance of the gap review's platforms, tags, detection strategies and log sources (issue 14):
 * - a Windows-only campaign against Windows, Linux and AWS rules (test/fixtures/gap-platforms): only the Windows
 *   rule counts, and the report says which rules were left out;
 * - attack.defense-impairment (ATT&CK 19) and attack.t1086 (revoked) in test/fixtures/gap: both in the report;
 * - APT32's layer from `attack-object G0050` against the real Sigma folder with a log sources file of
 *   WinEventLog:Sysmon and WinEventLog:Security: every gap's strategies, analytics and class checked against the
 *   raw 18.1 bundle read independently; the visibility layer passes `validate`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { parseCsv } from '../../lib/coverage/parse-csv.js';
import { freshTmpDir, loadRelease, repoRoot, runCli, stixFile } from '../helpers/attack.js';
import { rawDetection } from '../helpers/raw-detection.js';
import { readRawBundle } from '../helpers/attack.js';
import { readWorkbook } from '../export/workbook.js';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

describe('attack-layers gap: a Windows-only campaign against Windows, Linux and AWS rules', () => {
  const p = 'test/fixtures/gap-platforms';
  let report: GapReportData;
  let markdown: string;
  before(async () => {
    const out = freshTmpDir('gap-platforms');
    for (const format of ['json', 'md']) {
      const run = await runCli(['gap', '--threat', `${p}/campaign.yaml`, '--coverage', `${p}/sigma`, '--out', join(out, format), '--report', format, '--quiet']);
      expect(run.code, run.stderr).to.equal(0);
    }
    report = readJson(join(out, 'json/gap-report.json'));
    markdown = readFileSync(join(out, 'md/gap-report.md'), 'utf8');
  });

  it('counts only the Windows rule for T1566.002 (stable high: 90 %) and lists the Linux and AWS ones as not counted', () => {
    const row = report.rows.find((r) => r.id === 'T1566.002')!;
    expect([row.platforms, row.platformsCovered, row.coverage, row.rules.map((r) => r.name)]).to.deep.equal([
      ['Windows'],
      ['Windows'],
      90,
      ['Browser Started From a Mail Client With a Link'],
    ]);
    expect(row.otherPlatformRules.map((r) => [r.name, r.platforms])).to.deep.equal([
      ['Browser Started From Thunderbird With a Link', ['Linux']],
      ['Phishing Link Domain Seen in CloudTrail', ['IaaS']],
    ]);
    expect(markdown).to.contain('Browser Started From Thunderbird With a Link (Linux); Phishing Link Domain Seen in CloudTrail (IaaS)');
  });

  it('leaves T1059.001 uncovered on Windows: its only rule is a Linux rule, and the gap says so', () => {
    const row = report.rows.find((r) => r.id === 'T1059.001')!;
    expect([row.gap, row.coverage, row.platformsCovered, row.otherPlatformRules.map((r) => r.platforms)]).to.deep.equal([true, 0, [], [['Linux']]]);
    expect(markdown).to.contain('Not counted, for other platforms: Browser Started From Thunderbird With a Link (Linux).');
  });
});

describe('attack-layers gap: tags the release does not know, and revoked IDs', () => {
  let markdown: string;
  let csv: string[][];
  before(async () => {
    const out = freshTmpDir('gap-tags');
    const args = ['gap', '--threat', 'campaigns/apt32-covid19-wuhan.yaml', '--coverage', 'test/fixtures/gap/sigma', '--quiet'];
    expect((await runCli([...args, '--out', join(out, 'md')])).code).to.equal(0);
    expect((await runCli([...args, '--out', join(out, 'csv'), '--report', 'csv'])).code).to.equal(0);
    markdown = readFileSync(join(out, 'md/gap-report.md'), 'utf8');
    csv = parseCsv(readFileSync(join(out, 'csv/gap-report.csv'), 'utf8')).rows.map((row) => row.cells);
  });

  it('lists attack.defense-impairment (ATT&CK 19) as an unknown tactic with its count and file:line', () => {
    expect(markdown).to.match(
      /\| attack\.defense-impairment \| unknown tactic \| 1 \| "defense-impairment" is not a tactic of ATT&CK enterprise-attack 18\.1;[^|]*\| test\/fixtures\/gap\/sigma\/windows\/registry_set_win_defender_exclusion\.yml:8:7 \|/,
    );
  });

  it('counts attack.t1086 under T1059.001 and says so: the tag, the new ID, the rule and its place', () => {
    expect(markdown).to.contain('## Revoked IDs counted under their replacement');
    expect(markdown).to.match(/\| attack\.t1086 \| T1059\.001 \| 1 \| PowerShell Download Cradle[^|]*\| test\/fixtures\/gap\/sigma\/windows\/ps_script_win_download_cradle\.yml:\d+:\d+ \|/);
  });

  it('carries the same unresolved and remapped references in the CSV report', () => {
    const [header, ...rows] = csv;
    const at = (name: string): number => header!.indexOf(name);
    const of = (section: string): string[][] => rows.filter((row) => row[0] === section).map((row) => [row[at('reference')]!, row[at('status')]!, row[at('places')]!]);
    expect(of('unresolved')).to.deep.include.members([
      ['attack.defense-impairment', 'unknown tactic', 'test/fixtures/gap/sigma/windows/registry_set_win_defender_exclusion.yml:8:7'],
      ['attack.t1685', 'unknown', 'test/fixtures/gap/sigma/windows/registry_set_win_defender_exclusion.yml:9:7'],
    ]);
    const remapped = rows.filter((row) => row[0] === 'remapped').map((row) => [row[at('reference')], row[at('technique')], row[at('rules')]]);
    expect(remapped.filter(([reference]) => reference!.startsWith('attack.'))).to.deep.equal([
      ['attack.t1086', 'T1059.001', 'PowerShell Download Cradle in a Script Block'],
      ['attack.t1117', 'T1218.010', 'Regsvr32 Loading a Remote Scriptlet'],
      ['attack.t1193', 'T1566.001', 'Office Application Spawning a Shell From a Mail Attachment'],
    ]);
  });

  it("lists the campaign's revoked references beside the coverage tags: each `ref:` of the file whose ID 18.1 revoked, with its chain's end", () => {
    const [header, ...rows] = csv;
    const at = (name: string): number => header!.indexOf(name);
    const index = loadRelease('18.1');
    const file = 'campaigns/apt32-covid19-wuhan.yaml';
    // Independently of the normalizer: every `- ref:` line of the campaign, its ID looked up in the release.
    const expected = readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, i) => {
        const ref = /^\s*- ref: (.*\((T\d{4}(?:\.\d{3})?)\))\s*$/.exec(text);
        const technique = ref ? index.technique(ref[2] as never) : undefined;
        return ref && technique?.revoked ? [[ref[1]!, index.revocationChain(technique.id).final!.id, 'APT32 targets Wuhan government (COVID-19)', `${file}:${i + 1}`]] : [];
      });
    expect(expected.length).to.be.greaterThan(2);
    const remapped = rows.filter((row) => row[0] === 'remapped' && !row[at('reference')]!.startsWith('attack.'));
    expect(remapped.map((row) => [row[at('reference')], row[at('technique')], row[at('rules')], row[at('places')]]).sort()).to.deep.equal(expected.sort());
    expect(markdown).to.contain('| Spearphishing Attachment (T1193) | T1566.001 | 1 | APT32 targets Wuhan government (COVID-19) | campaigns/apt32-covid19-wuhan.yaml:31 |');
  });
});

describe('attack-layers gap: APT32 (attack-object G0050) against the real Sigma folder, with log sources', function () {
  this.timeout(120_000);
  const sigma = resolve(repoRoot, '../shared/sigma');
  const collected = ['WinEventLog:Sysmon', 'WinEventLog:Security'];
  let out: string;
  let report: GapReportData;

  before(async function () {
    if (!existsSync(sigma)) this.skip();
    const dir = freshTmpDir('gap-apt32');
    const layer = await runCli(['attack-object', 'G0050']);
    expect(layer.code).to.equal(0);
    writeFileSync(join(dir, 'G0050.json'), layer.stdout);
    writeFileSync(join(dir, 'logs.yml'), collected.map((name) => `- ${name}\n`).join(''));
    out = join(dir, 'review');
    const run = await runCli(['gap', '--threat', join(dir, 'G0050.json'), '--coverage', sigma, '--log-sources', join(dir, 'logs.yml'), '--out', out, '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    report = readJson(join(out, 'gap-report.json'));
  });

  /** A technique's ATT&CK platforms, from the raw bundle. */
  const rawPlatforms = (() => {
    let platforms: Map<string, string[]> | undefined;
    return (id: string): string[] => {
      platforms ??= new Map(
        readRawBundle(stixFile('enterprise-attack-18.1.json.gz'))
          .objects.filter((o) => o.type === 'attack-pattern' && !o['revoked'] && !o['x_mitre_deprecated'])
          .map((o) => [
            (o['external_references'] as { source_name: string; external_id: string }[]).find((r) => r.source_name === 'mitre-attack')!.external_id,
            o['x_mitre_platforms'] as string[],
          ]),
      );
      return platforms.get(id) ?? [];
    };
  })();

  it('shows every gap its detection strategies and the analytics for its platforms, as the bundle has them', () => {
    const raw = rawDetection(stixFile('enterprise-attack-18.1.json.gz'));
    const gaps = report.rows.filter((row) => row.gap);
    expect(gaps.length).to.be.greaterThan(5);
    for (const row of gaps) {
      const expected = raw.techniques.get(row.id)!;
      // The layer names no platforms, so a technique is reviewed on all of its own.
      expect(row.platforms.slice().sort(), row.id).to.deep.equal(rawPlatforms(row.id).slice().sort());
      expect(row.detection?.strategies.map((s) => s.id), row.id).to.deep.equal(expected.strategies);
      const fitting = expected.analytics.filter((a) => a.platforms.some((platform) => rawPlatforms(row.id).includes(platform)));
      expect(row.detection?.strategies.flatMap((s) => s.analytics.map((a) => a.id)), row.id).to.deep.equal(fitting.map((a) => a.id));
      expect(row.detection?.mitigations.map((m) => m.id).sort(), row.id).to.deep.equal([...expected.mitigations].sort());
    }
  });

  it('classes every gap buildable now / needs telemetry / no analytic as a direct reading of the bundle does', () => {
    const raw = rawDetection(stixFile('enterprise-attack-18.1.json.gz'));
    const classes = new Set<string>();
    for (const row of report.rows.filter((r) => r.gap)) {
      const analytics = raw.techniques.get(row.id)!.analytics.filter((a) => a.platforms.some((platform) => rawPlatforms(row.id).includes(platform)) && a.logSources.length);
      const expected = !analytics.length
        ? 'no-analytic'
        : analytics.some((a) => a.logSources.every((source) => collected.includes(source.name)))
          ? 'buildable'
          : 'needs-telemetry';
      expect(row.detection?.class, row.id).to.equal(expected);
      classes.add(expected);
    }
    expect([...classes].sort()).to.include.members(['buildable', 'needs-telemetry']);
  });

  it('writes the Markdown report with a Detection column, and each log source of an analytic once', async () => {
    const exported = await runCli(['export', join(out, 'gap-report.json'), '--format', 'md', '--quiet']);
    expect(exported.code, exported.stderr).to.equal(0);
    expect(exported.stdout).to.contain('| Coverage | Rules | Detection | Priority |');
    // ATT&CK lists a log source once per data component it serves (AN2024: "Domain Name" three times).
    const analyticLines = exported.stdout.split('\n').filter((line) => /^ {2}- \[AN\d+\]/.test(line));
    expect(analyticLines.length).to.be.greaterThan(10);
    for (const line of analyticLines) {
      const sources = line.replace(/^.*?\): /, '').replace(/ — missing .*$/, '').split('; ');
      expect(new Set(sources).size, line).to.equal(sources.length);
    }
  });

  // Buildable gaps are scattered through the ranking (a needs-telemetry gap of priority 2 ranks before a buildable one
  // of 1.5): reviewing APT28 and APT29, the table alone did not say what can be written now, nor what to collect next.
  it('says at the top which gaps are buildable now and which log source alone would make others buildable, by rank (from the raw bundle)', async () => {
    const exported = await runCli(['export', join(out, 'gap-report.json'), '--format', 'md', '--quiet']);
    expect(exported.code, exported.stderr).to.equal(0);
    const raw = rawDetection(stixFile('enterprise-attack-18.1.json.gz'));
    const gaps = report.rows.filter((row) => row.gap);
    const buildable = gaps.flatMap((row, i) => (row.detection?.class === 'buildable' ? [`#${i + 1} ${row.id} ${row.name}`] : []));
    expect(buildable.length).to.be.greaterThan(0);
    const shown = buildable.length > 5 ? `${buildable.slice(0, 5).join('; ')}; and ${buildable.length - 5} more` : buildable.join('; ');
    expect(exported.stdout).to.contain(`\n- Buildable now (${buildable.length}), by rank: ${shown}\n`);
    const unlocks = new Map<string, number[]>();
    gaps.forEach((row, i) => {
      if (row.detection?.class !== 'needs-telemetry') return;
      const alone = raw.techniques
        .get(row.id)!
        .analytics.filter((a) => a.logSources.length && a.platforms.some((platform) => rawPlatforms(row.id).includes(platform)))
        .map((a) => [...new Set(a.logSources.map((source) => source.name).filter((name) => !collected.includes(name)))])
        .filter((missing) => missing.length === 1)
        .map((missing) => missing[0]!);
      for (const name of new Set(alone)) unlocks.set(name, [...(unlocks.get(name) ?? []), i + 1]);
    });
    const [name, ranks] = [...unlocks].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]!;
    expect(ranks.length).to.be.greaterThan(1);
    expect(exported.stdout).to.contain(`\n- One log source more makes needs-telemetry gaps buildable: ${name}: ${ranks.length} gaps (${ranks.map((rank) => `#${rank}`).join(', ')})`);
  });

  it('ranks buildable gaps before the others of equal priority', () => {
    const gaps = report.rows.filter((row) => row.gap);
    const rank = (row: (typeof gaps)[number]): number => ['buildable', 'needs-telemetry', 'no-analytic'].indexOf(row.detection!.class!);
    for (let i = 1; i < gaps.length; i++) {
      if (gaps[i]!.priority === gaps[i - 1]!.priority) expect(rank(gaps[i]!), gaps[i]!.id).to.be.at.least(rank(gaps[i - 1]!));
    }
  });

  it('writes a visibility layer of the techniques with an analytic whose sources are all collected, which `validate` accepts', async () => {
    const raw = rawDetection(stixFile('enterprise-attack-18.1.json.gz'));
    const visible = [...raw.techniques]
      .filter(([, t]) => t.analytics.some((a) => a.logSources.length && a.logSources.every((source) => collected.includes(source.name))))
      .map(([id]) => id)
      .sort();
    const layer = readJson<NavigatorLayer>(join(out, 'visibility.layer.json'));
    expect(layer.techniques!.filter((t) => t.score !== undefined).map((t) => t.techniqueID).sort()).to.deep.equal(visible);
    const validated = await runCli(['validate', join(out, 'visibility.layer.json'), join(out, 'gap.layer.json')]);
    expect([validated.code, validated.stdout, validated.stderr]).to.deep.equal([0, '', '']);
  });
});

describe('attack-layers gap --log-sources: a log source collected in part', () => {
  /** A review of a threat of these techniques against no detection, with this log sources file, in each format: its folder. */
  async function review(label: string, techniques: string, logs: [name: string, text: string], formats: readonly string[]): Promise<string> {
    const dir = freshTmpDir(label);
    writeFileSync(join(dir, 'threat.yaml'), `name: Log clearing\ntechniques: [${techniques}]\n`);
    writeFileSync(join(dir, logs[0]), logs[1]);
    writeFileSync(join(dir, 'detections.yml'), 'detections: []\n');
    const args = ['gap', '--threat', join(dir, 'threat.yaml'), '--coverage', join(dir, 'detections.yml'), '--log-sources', join(dir, logs[0]), '--quiet'];
    for (const format of formats) expect((await runCli([...args, '--out', join(dir, format), '--report', format])).code).to.equal(0);
    return dir;
  }

  // A Windows team collects Sysmon's process creation (EventCode=1) and not its file deletion (23): T1070.001's only
  // analytic in 18.1, AN1472, reads Security 1102, Sysmon 1 and Sysmon 23. `needs telemetry: WinEventLog:Sysmon` read
  // as Sysmon not being collected at all.
  it('names the channels missing of a log source collected in part, and a source not collected at all by its name alone', async () => {
    const dir = await review('gap-log-source-channels', 'T1070.001, T1001.001', ['logs.yml', '- name: WinEventLog:Sysmon\n  channels: [EventCode=1]\n- WinEventLog:Security\n'], ['json', 'md']);
    const rows = readJson<GapReportData>(join(dir, 'json', 'gap-report.json')).rows;
    const logClearing = rows.find((row) => row.id === 'T1070.001')!.detection!;
    const analytic = logClearing.strategies.flatMap((s) => s.analytics).find((a) => a.id === 'AN1472')!;
    expect(analytic.missing).to.deep.equal([{ name: 'WinEventLog:Sysmon', channel: 'EventCode=23' }]);
    expect([logClearing.class, logClearing.missing]).to.deep.equal(['needs-telemetry', ['WinEventLog:Sysmon (EventCode=23)']]);
    // NSM:Flow is not in the file: it is missing whole, whatever channel an analytic names.
    expect(rows.find((row) => row.id === 'T1001.001')!.detection!.missing).to.include('NSM:Flow');
    const markdown = readFileSync(join(dir, 'md', 'gap-report.md'), 'utf8');
    expect(markdown).to.contain('| needs telemetry: WinEventLog:Sysmon (EventCode=23) |');
    const layer = readJson<NavigatorLayer>(join(dir, 'md', 'gap.layer.json'));
    expect(layer.techniques!.find((t) => t.techniqueID === 'T1070.001')!.metadata).to.deep.include({ name: 'missing log source', value: 'WinEventLog:Sysmon (EventCode=23)' });
  });

  // A Windows team collects Sysmon's process creation and network connections (EventCode=1, 3: two rows of the
  // CSV) and the Security log whole. "Log sources collected: logs.csv: WinEventLog:Sysmon, WinEventLog:Security" read
  // as Sysmon collected whole, though its file deletion (23) that T1070.001's analytic AN1472 reads is not.
  it('names the channels of a log source collected in part in the Markdown, CSV, JSON and workbook', async () => {
    // The same name in another spelling of case (a second row) adds its channel; Security is named whole after one channel of it.
    const csv = 'name,channel\nWinEventLog:Sysmon,EventCode=1\nwineventlog:sysmon,EventCode=3\nWinEventLog:Security,EventCode=4688\nWinEventLog:Security,\n';
    const dir = await review('gap-log-source-part', 'T1070.001', ['logs.csv', csv], ['json', 'md', 'csv']);
    const part = 'WinEventLog:Sysmon (only EventCode=1; EventCode=3)';
    const report = readJson<GapReportData>(join(dir, 'json', 'gap-report.json'));
    expect(report.logSources).to.deep.equal({
      file: join(dir, 'logs.csv'),
      names: ['WinEventLog:Sysmon', 'WinEventLog:Security'],
      partial: [{ name: 'WinEventLog:Sysmon', channels: ['EventCode=1', 'EventCode=3'] }],
    });
    const markdown = readFileSync(join(dir, 'md', 'gap-report.md'), 'utf8');
    expect(markdown).to.contain(`- Log sources collected: \`${join(dir, 'logs.csv')}\`: ${part}, WinEventLog:Security\n`);
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'csv', 'gap-report.csv'), 'utf8')).rows.map((row) => row.cells);
    const row = rows.find((cells) => cells[header!.indexOf('section')] === 'log sources')!;
    expect([row[header!.indexOf('times')], row[header!.indexOf('note')]]).to.deep.equal(['2', `${part};WinEventLog:Security`]);
    const file = join(dir, 'gaps.xlsx');
    expect((await runCli(['export', join(dir, 'json', 'gap-report.json'), '--out', file])).code).to.equal(0);
    const about = (await readWorkbook(readFileSync(file))).getWorksheet('About')!;
    const values: unknown[] = [];
    about.eachRow((r) => values.push(r.getCell(1).value === 'log sources' ? r.getCell(2).value : undefined));
    expect(values.filter(Boolean)).to.deep.equal([`${join(dir, 'logs.csv')}: ${part}, WinEventLog:Security`]);
    // The class still reads the part: Sysmon 23 is missing.
    expect(report.rows[0]!.detection!.missing).to.deep.equal(['WinEventLog:Sysmon (EventCode=23)']);
  });
});

describe('attack-layers gap --log-sources - (standard input)', () => {
  // --log-sources took a file only; --threat, --coverage and --tests read - already.
  it('reads the log sources from standard input, YAML or CSV by their first line, as the same file named; - given to two inputs is refused (exit 2)', async () => {
    const dir = freshTmpDir('gap-log-sources-stdin');
    writeFileSync(join(dir, 'threat.yaml'), 'name: Shells and beacons\ntechniques: [T1059.001, T1095, T1573, T1003.001]\n');
    const yaml = '# what we collect\n- WinEventLog:Sysmon\n- name: WinEventLog:Security\n  channels: [EventCode=4688]\n';
    const csv = 'WinEventLog:Sysmon,\nWinEventLog:Security,EventCode=4688\n';
    writeFileSync(join(dir, 'logs.yml'), yaml);
    const argv = (logSources: string, out: string, coverage = 'test/fixtures/gap/detections.csv') =>
      ['gap', '--threat', join(dir, 'threat.yaml'), '--coverage', coverage, '--log-sources', logSources, '--out', join(dir, out), '--report', 'json', '--quiet'];
    const classes = (out: string) => readJson<GapReportData>(join(dir, out, 'gap-report.json')).rows.map((row) => [row.id, row.detection?.class]);
    const named = await runCli(argv(join(dir, 'logs.yml'), 'named'));
    const pipedYaml = await runCli(argv('-', 'yaml'), {}, { stdin: Buffer.from(yaml) });
    const pipedCsv = await runCli(argv('-', 'csv'), {}, { stdin: Buffer.from(csv) });
    expect([named.code, pipedYaml.code, pipedCsv.code], pipedYaml.stderr + pipedCsv.stderr).to.deep.equal([0, 0, 0]);
    expect(classes('named').map(([, type]) => type)).to.include('buildable');
    expect(classes('yaml')).to.deep.equal(classes('named'));
    expect(classes('csv')).to.deep.equal(classes('named'));
    expect(existsSync(join(dir, 'yaml', 'visibility.layer.json'))).to.equal(true);
    // Standard input can be read once: the message names the two flags given it.
    const twice = await runCli(argv('-', 'twice', '-'), {}, { stdin: Buffer.from(yaml) });
    expect([twice.code, twice.stderr]).to.deep.equal([
      2,
      'attack-layers gap: - (standard input) is given more than once to --coverage and --log-sources; it can be read once: save all but one of them to a file and name it\nRun `attack-layers gap --help` for usage.\n',
    ]);
  });
});

describe('attack-layers data log-sources', () => {
  it('lists the log sources of the release with the number of analytics needing each (from the raw bundle)', async () => {
    const run = await runCli(['data', 'log-sources', '--platform', 'linux', '--json']);
    expect(run.code, run.stderr).to.equal(0);
    const listed = JSON.parse(run.stdout) as { name: string; analytics: number }[];
    const raw = rawDetection(stixFile('enterprise-attack-18.1.json.gz')).analytics.filter((a) => a.platforms.includes('Linux'));
    const expected = new Map<string, number>();
    for (const analytic of raw) for (const name of new Set(analytic.logSources.map((s) => s.name))) expected.set(name, (expected.get(name) ?? 0) + 1);
    expect(new Map(listed.map((use) => [use.name, use.analytics]))).to.deep.equal(expected);
  });

  it('refuses a platform the release does not have (exit 2), naming the ones it has', async () => {
    const run = await runCli(['data', 'log-sources', '--platform', 'Amiga']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('--platform Amiga: not a platform of ATT&CK enterprise-attack 18.1; use one of');
  });
});
