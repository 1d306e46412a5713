/**
 * `gap` with DeTT&CT technique administration files of ATT&CK for ICS and for Mobile as coverage, against the groups'
 * layers `attack-object` makes from the real ICS and Mobile 18.1 releases (Sandworm Team's ICS techniques with its
 * campaigns', Exodus's mobile ones). The fixtures are ours, in DeTT&CT's layout (see their headers).
 *
 * ICS: DeTT&CT's older releases list ATT&CK for ICS's platforms of their day (`Control Server`, `Engineering
 * Workstation`…); ICS 18.1's techniques all state "None", and only its deprecated ones keep those names. A file of
 * them was told `platform "Control Server" (…) is not an ATT&CK ics-attack 18.1 platform; write "None", its only
 * platform`, as if mistyped, with no word that its rules count anyway. The same file without DeTT&CT's `domain` key,
 * against an enterprise threat, said only that it gave no coverage and that "Control Server" was no enterprise
 * platform (`write one of "Containers", "ESXi", …`), not that the file is an ICS file to review with --domain ics.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const ics = 'test/fixtures/coverage/dettect/ics-plant.yaml';
const mobile = 'test/fixtures/coverage/dettect/mobile-fleet.yaml';

interface Row {
  id: string;
  coverage: number;
  gap: boolean;
  platforms: string[];
  platformsCovered?: string[];
  rules: { name: string; level: number }[];
  visibility?: { score: number }[];
}

/** The layer of an ATT&CK object of `domain` that attack-object makes, written to a file. */
async function objectLayer(dir: string, id: string, domain: string, ...more: string[]): Promise<string> {
  const run = await runCli(['attack-object', id, '--domain', domain, ...more]);
  expect(run.code, run.stderr).to.equal(0);
  const file = join(dir, `${id}.json`);
  writeFileSync(file, run.stdout);
  return file;
}

async function review(threat: string, coverage: string, ...more: string[]): Promise<{ code: number; stderr: string; rows: Map<string, Row> }> {
  const out = join(freshTmpDir('ics-mobile-dettect'), 'out');
  const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--out', out, '--report', 'json', ...more]);
  const rows = run.code === 0 ? (JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { rows: Row[] }).rows : [];
  return { code: run.code, stderr: run.stderr, rows: new Map(rows.map((row) => [row.id, row])) };
}

describe('regression: gap with DeTT&CT technique administration files of ATT&CK for ICS and Mobile', () => {
  let dir: string;
  before(() => {
    dir = freshTmpDir('ics-mobile-threats');
  });

  it("reviews an ICS file (domain: ics-attack) against Sandworm Team's ICS techniques, counting its rules on ICS 18.1's one platform", async () => {
    const { code, stderr, rows } = await review(await objectLayer(dir, 'G0034', 'ics', '--campaigns'), ics);
    expect(code, stderr).to.equal(0);
    expect(stderr).to.include(`${ics}: 2 detection objects read, 1 ignored, 0 invalid`);
    const seen = (id: string) => {
      const row = rows.get(id)!;
      return [row.coverage, row.gap, row.platforms, row.rules.map((rule) => `${rule.name} ${rule.level}`), (row.visibility ?? []).map((v) => v.score)];
    };
    expect(['T0855', 'T0816'].map(seen)).to.deep.equal([
      [60, false, ['None'], ['OT IDS rule 12 60'], [2]], // score 3 of 2024-05-06
      [0, true, ['None'], [], [1]], // score -1: visible only
    ]);
  });

  it("says an older ICS release's platform is one, counted on every platform, not a name to mend", async () => {
    const { stderr } = await review(join(dir, 'G0034.json'), ics);
    expect(stderr).to.include(
      `platform "Control Server" (${ics}:15) is a platform of older ATT&CK ics-attack releases, which only deprecated techniques of ics-attack 18.1 still state: ` +
        'its current techniques state "None"; the rules for it count on every platform, as a rule whose platforms the release lacks does',
    );
    expect(stderr).not.to.include('write "None"');
  });

  it('says an ICS file without its domain key, read in an enterprise review, is an ICS file to review with --domain ics', async () => {
    const file = join(dir, 'no-domain.yaml');
    writeFileSync(file, readFileSync(ics, 'utf8').replace(/^domain: ics-attack\n/m, ''));
    const { code, stderr } = await review('campaigns', file);
    expect(code, stderr).to.equal(0);
    expect(stderr).to.include(
      `coverage dettect "${file}": every technique its detections name (2) is one of ics-attack, none of enterprise-attack: it states no domain, so it was read as enterprise-attack; ` +
        'write "domain: ics-attack" in it (DeTT&CT\'s key) and review it with --domain ics against a threat of ics-attack',
    );
  });

  it('refuses the ICS file, stating its domain, against an enterprise threat', async () => {
    const { code, stderr } = await review('campaigns', ics);
    expect(code).to.equal(1);
    expect(stderr).to.include(`coverage ${ics} is ics-attack, the threat is enterprise-attack`);
  });

  it("reviews a Mobile file (domain: mobile-attack) against Exodus's techniques, each detection on the platforms it names", async () => {
    const { code, stderr, rows } = await review(await objectLayer(dir, 'S0405', 'mobile'), mobile);
    expect(code, stderr).to.equal(0);
    const seen = (id: string) => {
      const row = rows.get(id)!;
      return [row.coverage, row.platforms, row.platformsCovered, row.rules.map((rule) => `${rule.name} ${rule.level}`)];
    };
    expect(['T1418', 'T1430'].map(seen)).to.deep.equal([
      [60, ['Android', 'iOS'], ['Android'], ['MTD app inventory alert 60']], // applicable_to all: the file's platform, Android
      [80, ['Android', 'iOS'], ['iOS'], ['MDM permission audit 80']], // applicable_to [iOS]
    ]);
  });
});
