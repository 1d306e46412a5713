// `technique` of a team's own technique of its ATT&CK Workbench namespace (ACME-T1000, numbered as
// mitre-attack/attack-workbench-rest-api app/lib/attack-id-generator.js numbers them; see test/helpers/team-bundle.ts):
// with the team's data (`--attack <folder>`) it is shown as MITRE's are, said to be the team's own; without, it is said
// to be a namespace's technique that the data lacks, with the option that gives the data. It was refused as "not a
// technique ID" either way.
import { expect } from 'chai';
import { freshCacheHome, freshTmpDir, runCli } from '../helpers/attack.js';
import { writeTeamFolder } from '../helpers/team-bundle.js';

describe("technique: a team's own technique of its Workbench namespace (ACME-T1000)", function () {
  this.timeout(300_000);
  let team: string;
  let env: Record<string, string>;
  before(() => {
    env = { XDG_CACHE_HOME: freshCacheHome('team-technique') };
    team = writeTeamFolder(freshTmpDir('team-technique'));
  });

  it("shows it from the team's data as the team's own, with its parent and sub-techniques, in either case", async () => {
    const result = await runCli(['technique', 'ACME-T1000', 'acme-t1000.001', '--attack', team, '--quiet'], env);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.equal(
      [
        'ACME-T1000 Helpdesk Pretexting (current, ATT&CK enterprise-attack 18.1)',
        '  tactics:     Initial Access',
        '  platforms:   Windows',
        '  sub-techniques: ACME-T1000.001',
        "  Helpdesk Pretexting is a technique of our red team's own.",
        "  the technique is the team's own, not MITRE's (created by another identity than MITRE's): attack.mitre.org has no page of it",
        '',
        'ACME-T1000.001 Voice Pretexting (current, ATT&CK enterprise-attack 18.1)',
        '  tactics:     Initial Access',
        '  platforms:   Windows',
        '  parent:      ACME-T1000 Helpdesk Pretexting',
        "  Voice Pretexting is a technique of our red team's own.",
        "  the technique is the team's own, not MITRE's (created by another identity than MITRE's): attack.mitre.org has no page of it",
        '',
      ].join('\n'),
    );
  });

  it("--json marks it custom and gives no attack.mitre.org page; MITRE's techniques keep theirs", async () => {
    const result = await runCli(['technique', 'ACME-T1000', 'T1566.001', '--json', '--attack', team, '--quiet'], env);
    expect(result.code, result.stderr).to.equal(0);
    const [own, mitre] = JSON.parse(result.stdout) as { id: string; custom?: boolean; url?: string }[];
    expect(own).to.include({ id: 'ACME-T1000', custom: true }).and.not.have.property('url');
    expect(mitre).to.include({ id: 'T1566.001', url: 'https://attack.mitre.org/techniques/T1566/001/' }).and.not.have.property('custom');
  });

  it("with MITRE's data alone, says it is a namespace's technique that the data lacks and how to give the team's", async () => {
    const result = await runCli(['technique', 'ACME-T1000', '--quiet'], env);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.equal(
      'attack-layers technique: ACME-T1000 is an ID of an ATT&CK Workbench organization namespace (prefix ACME), ' +
        "a team's own technique that no MITRE release has, and ATT&CK enterprise-attack 18.1 does not hold it: " +
        "load the team's ATT&CK data that does (its Workbench collection export, or the objects of its TAXII server) with `--attack <file|folder>`\n",
    );
  });
});
