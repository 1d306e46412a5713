// The remedy upgrade, combine, compare, export and gap share for a team's own technique that the data loaded lacks
// (missingTeamTechniqueText: "give the team's ATT&CK data built on 18.1 … as the 18.1 release") named no option. It now
// names the CLI's, `--attack <file|folder>`, and to a program the call, `loadAttack({ attack: '<file|folder>' })`
// (inGivenInputs), as normalize's note does (team-data-advice.test.ts). The layer is our own, in the shape of
// test/regressions/team-techniques-across-commands.test.ts; ACME-T1000 is numbered as ATT&CK Workbench numbers a
// namespace's techniques (see test/helpers/team-bundle.ts).
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { upgradeLayer, upgradeSources } from '../../lib/index.js';
import { freshCacheHome, freshTmpDir, runCli } from '../helpers/attack.js';
import { teamAndMitre18 } from '../helpers/team-bundle.js';

const TEXT =
  "ACME-T1000 is an ID of an ATT&CK Workbench organization namespace (prefix ACME), a team's own technique that no MITRE release has, " +
  "and enterprise-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench export) as the 18.1 release ";
const CLI = `${TEXT}(\`--attack <file|folder>\`)`;
const PROGRAM = `${TEXT}(\`loadAttack({ attack: '<file|folder>' })\`)`;

const layer = () => ({
  name: 'red',
  domain: 'enterprise-attack',
  versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
  techniques: [
    { techniqueID: 'ACME-T1000', tactic: 'initial-access', score: 1 },
    { techniqueID: 'T1566.001', tactic: 'initial-access', score: 2 },
  ],
});

describe("regressions: the data to give for a team's technique names --attack (upgrade, combine, compare, export), loadAttack to a program", function () {
  this.timeout(300_000);
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = freshTmpDir('team-remedy');
    env = { XDG_CACHE_HOME: freshCacheHome('team-remedy') };
    writeFileSync(join(dir, 'red.json'), JSON.stringify(layer()));
    writeFileSync(join(dir, 'blue.json'), JSON.stringify({ ...layer(), name: 'blue' }));
  });

  it('upgradeLayer and upgradeSources: name the call', () => {
    const { mitre } = teamAndMitre18();
    expect(upgradeLayer(layer(), mitre).report.techniques[0]?.notes[0]).to.equal(`${PROGRAM}, which keeps it; removed (Navigator would not show it)`);
    expect(upgradeSources([{ value: layer(), file: 'red.json' }], mitre).warnings[0]).to.include(`${PROGRAM}, which keeps it;`);
  });

  for (const [command, args, does] of [
    ['upgrade', ['--report', 'md', '--report-out', 'report.md', '--out', 'up.json'], 'keeps it'],
    ['combine', ['blue.json', '--op', 'sum'], 'keeps it'],
    ['compare', ['--with', 'G0050'], 'keeps it'],
    ['export', ['--format', 'csv'], 'draws it'],
  ] as const) {
    it(`${command}: names --attack`, async () => {
      const result = await runCli([command, join(dir, 'red.json'), ...args.map((arg) => (arg.includes('.') ? join(dir, arg) : arg))], env);
      expect(result.code, result.stderr).to.equal(0);
      const said = command === 'upgrade' ? readFileSync(join(dir, 'report.md'), 'utf8').replaceAll('\\|', '|') : result.stderr;
      // export says each ID first (`ACME-T1000: is an ID …`).
      expect(said).to.include(`${command === 'export' ? CLI.replace('ACME-T1000 ', 'ACME-T1000: ') : CLI}, which ${does}`);
    });
  }
});
