/**
 * `gap` with a technique administration file in the layout of DeTT&CT's own sample as coverage, against campaigns/
 * (APT32's Wuhan campaign uses six of its techniques, by the same pre-sub-technique IDs). The fixture is ours, in the
 * layout of rabobank-cdc/DeTTECT's sample-data/techniques-administration-endpoints.yaml (file format 1.2; see its
 * header). Every number below was worked out by hand from the file and DeTT&CT's scoring tables.
 *
 * Its T1204 (User Execution) is scored 0 at [Process audit log]: "forensics / context", logged, nothing detects.
 * DeTT&CT's sample did the same at [EDR], and the review said of T1204.002 (Malicious File, a threat technique of
 * TEMP.Periscope) "none (covered at the parent T1204 only: 1 rule, not counted)" and "Covered at the parent T1204
 * only, not counted (…): EDR (0%)": a rule of 0% covers nothing, at the parent or anywhere, so the work list sent
 * the reader to a parent rule that detects nothing.
 *
 * Its T1208 has two detection and two visibility objects, all at the technique's line: the report's table of revoked
 * IDs said where it was seen as `sample-endpoints-1.2.yaml:98; sample-endpoints-1.2.yaml:98; sample-endpoints-1.2.yaml:98;
 * and 1 more` (DeTT&CT's sample's T1171), one place four times.
 *
 * Its `platform: Windows` puts every visibility object on Windows: TEMP.Periscope's T1566.001, reviewed on Linux,
 * Windows and macOS, read `none (visible, no detection: visibility score 1)`, as if visible on all three.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const fixture = 'test/fixtures/coverage/dettect/sample-endpoints-1.2.yaml';

interface Row {
  id: string;
  coverage: number;
  gap: boolean;
  rules: { name: string; level: number }[];
  parentRules?: { name: string; level: number }[];
  visibility?: { name: string; score: number; platforms?: string[] }[];
}

describe("regression: gap with a technique administration file in the layout of DeTT&CT's sample (sample-data/techniques-administration-endpoints.yaml)", () => {
  let rows: Map<string, Row>;
  let stderr: string;
  let markdown: string;
  before(async () => {
    const out = join(freshTmpDir('dettect-sample'), 'out');
    const run = await runCli(['gap', '--threat', 'campaigns', '--coverage', fixture, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    stderr = run.stderr;
    rows = new Map((JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { rows: Row[] }).rows.map((row) => [row.id, row]));
    markdown = (await runCli(['export', join(out, 'gap-report.json'), '--format', 'md'])).stdout;
  });

  it('reads its 13 detection objects: 7 scored, 6 of score -1 ignored; its own groups of systems count on its platform, Windows', () => {
    expect(stderr).to.include(`${fixture}: 7 detection objects read, 6 ignored, 0 invalid`);
    expect(stderr).to.include(
      `${fixture}: applicable_to "domain controllers", "member servers", "web servers" name the user's own systems, not ATT&CK platforms: those detections count for the file's platform (Windows), as \`all\` (every system) does`,
    );
  });

  it("counts APT32's techniques as the file scores them: Regsvr32 (T1117) 4 / 5, User Execution 0, the other four visible only", () => {
    const seen = (id: string) => {
      const row = rows.get(id)!;
      return [row.coverage, row.gap, row.rules.map((rule) => `${rule.name} ${rule.level}`), (row.visibility ?? []).map((entry) => entry.score)];
    };
    expect(['T1218.010', 'T1204', 'T1566.001', 'T1566.002', 'T1573', 'T1095'].map(seen)).to.deep.equal([
      [80, false, ['Sysmon rule pack 80'], [3]], // T1117, score 4 of 2020-10-19
      [0, true, ['Process audit log 0'], [2]], // score 0: forensics / context
      [0, true, [], [1]], // T1193: score -1, visibility 1
      [0, true, [], [2]], // T1192
      [0, true, [], [2]], // T1032
      [0, true, [], [1]], // T1094
    ]);
  });

  it('does not say T1204.002 is covered at its parent T1204, whose only rule is of 0% (logged, nothing detects)', () => {
    const malicious = rows.get('T1204.002')!;
    expect([malicious.coverage, malicious.gap, malicious.rules, malicious.parentRules]).to.deep.equal([0, true, [], undefined]);
    expect(markdown).to.match(/\| T1204\.002 \| Malicious File \|.*\| 0% \| none \| 1 \|/);
    expect(markdown).not.to.include('covered at the parent T1204');
  });

  it("names each place of a revoked ID once in the report's table, however many objects it holds there (T1208: 4 objects, line 96)", () => {
    expect(markdown).to.include(
      `| T1208 | T1558.003 | 4 | Ticket request rule K-2; Honey account alert; DeTT&CT visibility (applicable_to: domain controllers) (visibility); and 1 more | ${fixture}:96 |`,
    );
  });

  it('says on which of a row\'s platforms a visibility score is, when not on all of them (the file\'s platform: Windows)', () => {
    expect(rows.get('T1566.001')!.visibility).to.deep.include.members([{ name: 'DeTT&CT visibility (applicable_to: all)', score: 1, file: fixture, line: 52, platforms: ['Windows'] }]);
    expect(rows.get('T1566.002')!.visibility?.[0]?.platforms).to.equal(undefined); // APT32's Windows only: all of the row's
    expect(markdown).to.match(/\| T1566\.001 \|.*\| Linux, Windows, macOS \| 0% \| none \(visible, no detection: visibility score 1 on Windows\) \|/);
    expect(markdown).to.include('Visible, no detection: visibility score 1 on Windows (minimal): DeTT&CT visibility (applicable_to: all).');
  });
});
