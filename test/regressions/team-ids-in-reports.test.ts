// A team using ATT&CK Workbench cites its own techniques in its internal reports by their namespace IDs (ACME-T1000,
// ACME-T1000.001: mitre-attack/attack-workbench-rest-api, app/lib/attack-id-generator.js; see test/helpers/team-bundle.ts).
// extract said each "stands inside a longer word" (T1000?) and read nothing. With the team's data it now reads them as
// the team's techniques; without, it says each is a namespace's technique the data lacks and how to give the data, and
// never reads T1000. Words before an ID the release has (`initial-access-T1566`, `MITRE-T1059`) stay a longer word's.
// The report text is our own, written as an exercise report would be.
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../../lib/index.js';
import { freshCacheHome, freshTmpDir, runCli } from '../helpers/attack.js';
import { teamAndMitre18, writeTeamFolder } from '../helpers/team-bundle.js';

const REPORT = [
  'Exercise 7: red team report',
  'The red team used ACME-T1000 to get a password reset from the helpdesk, then ACME-T1000.001 by phone.',
  'Payloads came by spearphishing (T1566.001); the detector initial-access-T1566 and the tag MITRE-T1059 fired.',
  'The helpdesk did not log the ACME-T1000 call.',
  '',
].join('\n');

const LONGER_WORDS =
  '2 IDs stand inside a longer word (a detector\'s, a test\'s or a tag\'s name, an ID of another scheme), so they are not read: ' +
  'line 3 "initial-access-T1566" (T1566?), line 3 "MITRE-T1059" (T1059?) (check the text; add what is a reference to the campaign)';

const unheld = (id: string, advice: string, lines = 'line 2') =>
  `${lines}: ${id} is an ID of an ATT&CK Workbench organization namespace (prefix ACME), a team's own technique that no MITRE release has, ` +
  "and enterprise-attack 18.1 does not hold it: load the team's ATT&CK data that does (its Workbench collection export, or the objects of its TAXII server) " +
  `with ${advice}`;

describe("regressions: extract reads a team's Workbench namespace IDs (ACME-T1000) in a report", function () {
  this.timeout(300_000);
  let team: ReturnType<typeof teamAndMitre18>;
  before(() => {
    team = teamAndMitre18();
  });

  it("with the team's data: reads them as the team's techniques, where they are written; the longer words stay unread", () => {
    const report = extractReport(REPORT, { target: team.team });
    expect(report.references.map((ref) => [ref.raw, ref.line, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
      ['ACME-T1000', 2, 'current', ['ACME-T1000']],
      ['ACME-T1000.001', 2, 'current', ['ACME-T1000.001']],
      ['T1566.001', 3, 'current', ['T1566.001']],
    ]);
    expect(report.references[0]?.lines, 'ACME-T1000 cited again on line 4').to.deep.equal([2, 4]);
    expect(report.notes).to.include(LONGER_WORDS);
  });

  it("with MITRE's data alone: says what each is and names the call that loads the team's data; never reads T1000", () => {
    const report = extractReport(REPORT, { target: team.mitre });
    expect(report.references.flatMap((ref) => ref.ids)).to.deep.equal(['T1566.001']);
    expect(report.notes).to.include.members([
      unheld('ACME-T1000', "`loadAttack({ attack: '<file|folder>' })`", 'lines 2, 4'),
      unheld('ACME-T1000.001', "`loadAttack({ attack: '<file|folder>' })`"),
      LONGER_WORDS,
    ]);
  });

  it('the CLI: reads them with --attack <team folder>, and names --attack without', async () => {
    const dir = freshTmpDir('team-extract');
    const env = { XDG_CACHE_HOME: freshCacheHome('team-extract') };
    const data = writeTeamFolder(dir);
    const file = join(dir, 'exercise-7.txt');
    writeFileSync(file, REPORT);
    const read = await runCli(['extract', file, '--attack', data, '--quiet'], env);
    expect(read.code, read.stderr).to.equal(0);
    expect(read.stdout).to.include('  - ref: "ACME-T1000"\n').and.include('  - ref: "ACME-T1000.001"\n');
    const without = await runCli(['extract', file, '--attack-release', '18.1'], env);
    expect(without.code, without.stderr).to.equal(0);
    // What is said of them stands under the header as a note; the campaign's lines have none of them.
    expect(without.stdout.replace(/^#.*\n/gm, '')).not.to.include('ACME').and.not.to.include('T1000');
    expect(without.stdout).to.include(`# note: ${unheld('ACME-T1000', '`--attack <file|folder>`', 'lines 2, 4')}\n`);
    expect(without.stderr).to.include(`${file}: ${unheld('ACME-T1000', '`--attack <file|folder>`', 'lines 2, 4')}\n`);
  });
});
