import { expect } from 'chai';
import { techniqueReport, type TechniqueReport } from '../../lib/cli/commands/technique.js';
import { freshTmpDir, hasStackTrace, loadRelease, readRawBundle, runCli, snapshotCacheHome, stixFile } from '../helpers/attack.js';

async function report(argv: string[]): Promise<TechniqueReport> {
  const result = await runCli(['technique', ...argv, '--json']);
  expect(result.stderr).to.equal('');
  expect(result.code).to.equal(0);
  return JSON.parse(result.stdout) as TechniqueReport;
}

describe('attack-layers technique', () => {
  it('says T1117 is revoked, replaced by T1218.010, now under defense-evasion only', async () => {
    const t1117 = await report(['T1117']);
    expect([t1117.id, t1117.status, t1117.attack]).to.deep.equal(['T1117', 'revoked', { domain: 'enterprise-attack', release: '18.1' }]);
    expect(t1117.revokedBy?.chain).to.deep.equal(['T1117', 'T1218.010']);
    expect(t1117.revokedBy?.final?.id).to.equal('T1218.010');
    expect(t1117.revokedBy?.final?.tactics.map((tactic) => tactic.shortname)).to.deep.equal(['defense-evasion']);
    expect(t1117.tactics.map((tactic) => tactic.shortname)).to.include('execution');
  });

  it('says T1064 is deprecated and points to T1059', async () => {
    const t1064 = await report(['T1064']);
    expect(t1064.status).to.equal('deprecated');
    expect(t1064.revokedBy).to.equal(undefined);
    expect(t1064.deprecationPointers?.[0]).to.deep.equal({ id: 'T1059', name: 'Command and Scripting Interpreter' });
  });

  const spellings: ReadonlyArray<readonly [string, string]> = [
    ['t1566/001', 'T1566.001'],
    ['T1566-001', 'T1566.001'],
    ['Ｔ１１９３', 'T1193'],
    // A Sigma tag as a rule writes it (SigmaHQ/sigma, rules/windows/...: `- attack.t1059.001`), pasted from the rule;
    // it was "not a technique ID; write it like T1566".
    ['attack.t1059.001', 'T1059.001'],
    ['ATTACK.T1566', 'T1566'],
  ];
  for (const [written, id] of spellings) {
    it(`accepts ${written} as ${id}`, async () => {
      expect((await report([written])).id).to.equal(id);
    });
  }

  // mitreattack-python users hold STIX ids (get_object_by_stix_id); T1059's and APT32's are the same in every release.
  it("reads a technique's STIX id as the technique, and says a group's is the group's", async () => {
    const t1059 = [...readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects].find(
      (o) => o.type === 'attack-pattern' && (o['external_references'] as { external_id?: string }[])[0]?.external_id === 'T1059',
    )!;
    expect((await report([t1059.id])).id).to.equal('T1059');
    const group = await runCli(['technique', 'intrusion-set--247cb30b-955f-42eb-97a5-a89fef69341e']);
    expect([group.code, group.stderr]).to.deep.equal([
      2,
      'attack-layers technique: "intrusion-set--247cb30b-955f-42eb-97a5-a89fef69341e" is not a technique ID; it names the group G0050 APT32: `attack-layers attack-object G0050` lists the techniques it uses\nRun `attack-layers technique --help` for usage.\n',
    ]);
  });

  it('reports a current technique with its parent and tactic names', async () => {
    const sub = await report(['T1566.001']);
    expect([sub.status, sub.subtechnique, sub.parent]).to.deep.equal(['current', true, { id: 'T1566', name: 'Phishing' }]);
    expect(sub.tactics).to.deep.equal([{ shortname: 'initial-access', name: 'Initial Access' }]);
    expect(sub.url).to.equal('https://attack.mitre.org/techniques/T1566/001/');
  });

  it('prints a readable summary without --json', async () => {
    const result = await runCli(['technique', 'T1193']);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/^T1193 Spearphishing Attachment \(revoked, ATT&CK enterprise-attack 18\.1\)\n/);
    expect(result.stdout).to.match(/revoked by: +T1566\.001\n/);
  });

  it('uses an older release with --attack-release', async () => {
    const t1193 = await report(['T1193', '--attack-release', '6.3']);
    expect([t1193.status, t1193.attack.release]).to.deep.equal(['current', '6.3']);
  });

  it('answers from the domain of a single --attack file (ICS) without --domain', async () => {
    const t0800 = await report(['T0800', '--attack', stixFile('ics-attack-18.1.json.gz')]);
    expect([t0800.name, t0800.attack]).to.deep.equal(['Activate Firmware Update Mode', { domain: 'ics-attack', release: '18.1' }]);
    expect((await report(['T0800', '--domain', 'ics-attack'])).attack.domain).to.equal('ics-attack');
  });

  it('exits 1 for an unknown technique, with a clear message on stderr and nothing on stdout', async () => {
    // T1059.999: a sub-technique number no release at hand has, under a technique of the release: a typo to check.
    const result = await runCli(['technique', 'T1059.999']);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.equal('');
    expect(result.stderr).to.equal(
      'attack-layers technique: T1059.999 is not a technique in ATT&CK enterprise-attack 18.1; check the ID, or fetch a newer release with `attack-layers data fetch` if it is new\n',
    );
  });

  /** The name of a technique in a release file, read straight from the bundle (undefined when it has none). */
  const rawNames = new Map<string, Map<string, string>>();
  const rawName = (file: string, id: string): string | undefined => {
    let names = rawNames.get(file);
    if (!names) {
      names = new Map();
      for (const o of readRawBundle(stixFile(file)).objects) {
        const external = (o['external_references'] as { external_id?: string }[] | undefined)?.[0]?.external_id;
        if (o.type === 'attack-pattern' && external) names.set(external, o['name'] as string);
      }
      rawNames.set(file, names);
    }
    return names.get(id);
  };

  // The ID's own domain is named, with what to type, instead of "check the ID".
  const elsewhere: ReadonlyArray<readonly [argv: string[], asked: string, file: string, found: string, short: string]> = [
    [['T0800'], 'enterprise-attack', 'ics-attack-18.1.json.gz', 'an ICS', 'ics'],
    [['T1407'], 'enterprise-attack', 'mobile-attack-18.1.json.gz', 'a Mobile', 'mobile'],
    [['T1059', '--domain', 'ics'], 'ics-attack', 'enterprise-attack-18.1.json.gz', 'an Enterprise', 'enterprise'],
  ];
  for (const [argv, asked, file, found, short] of elsewhere) {
    it(`exits 1 for ${argv.join(' ')}, saying it is ${found} technique and to pass --domain ${short}`, async () => {
      const id = argv[0]!;
      const name = rawName(file, id);
      expect(name, `${id} in ${file}`).to.be.a('string');
      const result = await runCli(['technique', ...argv]);
      expect([result.code, result.stdout]).to.deep.equal([1, '']);
      expect(result.stderr).to.equal(
        `attack-layers technique: ${id} is not a technique in ATT&CK ${asked} 18.1: it is ${found} technique (${name} in ${file.replace('.json.gz', '').replace(/-(?=[\d.]+$)/, ' ')}); ` +
          `look it up with \`attack-layers technique ${id} --domain ${short}\`\n`,
      );
    });
  }

  it('says T1999, a technique of no domain, is numbered as a team numbers its own (as every command says it), not another domain\'s', async () => {
    for (const file of ['enterprise-attack-18.1.json.gz', 'mobile-attack-18.1.json.gz', 'ics-attack-18.1.json.gz']) expect(rawName(file, 'T1999'), file).to.equal(undefined);
    const result = await runCli(['technique', 'T1999']);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.equal(
      "attack-layers technique: T1999 is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, as a team numbers its own techniques " +
        "(no newer ATT&CK release will have it), and enterprise-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench " +
        'export) as the 18.1 release (`--attack <file|folder>`), which holds it; else fix the ID\n',
    );
  });

  it('asks the other domains only when the release does not know the ID', () => {
    const unasked = (): never => {
      throw new Error('the other domains were asked about a known technique');
    };
    expect(techniqueReport(loadRelease('18.1'), 'T1059', unasked).id).to.equal('T1059');
  });

  it('exits 2 for text that is not a technique ID', async () => {
    const result = await runCli(['technique', 'TA0001']);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('"TA0001" is not a technique ID');
  });

  // Each said only "write it like T1566 or T1566.001", whatever it named.
  const named: Array<[written: string, said: string]> = [
    ['T1059.1', "a sub-technique's number has 3 digits: write T1059.001"],
    ['Phishing', 'it is the name of T1566: `attack-layers technique T1566`'],
    ['TA0001', 'it is the tactic TA0001 Initial Access'],
    ['S0154', 'it names the software S0154 Cobalt Strike: `attack-layers attack-object S0154` lists the techniques it uses'],
    ['OceanLotus', 'it names the group G0050 APT32: `attack-layers attack-object G0050` lists the techniques it uses'],
    ['APT34', 'it names the group G0049 OilRig: `attack-layers attack-object G0049` lists the techniques it uses'],
    ['C0021', 'it names the campaign C0021: `attack-layers attack-object C0021` lists the techniques it uses'],
    ['xyz', 'write it like T1566 or T1566.001'],
    // A name with a typo, or after its ID, said only "write it like T1566", where `normalize` reads the same text.
    ['Powershel', 'it reads as T1059.001 Command and Scripting Interpreter: PowerShell: `attack-layers technique T1059.001`'],
    ['Remote Desktop Protcol', 'it reads as T1021.001 Remote Services: Remote Desktop Protocol: `attack-layers technique T1021.001`'],
    ['T1053.005 Scheduled Task', 'it is T1053.005 (Scheduled Task) with words after it: `attack-layers technique T1053.005`'],
    // Revoked: the ID asked, which shows the replacement, not the replacement alone (the name read as T1059.001).
    ['T1086 PowerShell', 'it is T1086 (PowerShell) with words after it: `attack-layers technique T1086`'],
    [
      'Spearphising Attachment',
      'it may mean T1566.001 Phishing: Spearphishing Attachment or T1598.002 Phishing for Information: Spearphishing Attachment: ' +
        '`attack-layers technique T1566.001` shows the first',
    ],
  ];
  for (const [written, said] of named) {
    it(`exits 2 for ${written}, saying what it is: ${said}`, async () => {
      const result = await runCli(['technique', written, '-q']);
      expect([result.code, result.stdout, result.stderr]).to.deep.equal([2, '', `attack-layers technique: "${written}" is not a technique ID; ${said}\nRun \`attack-layers technique --help\` for usage.\n`]);
    });
  }

  // A purple team looks up the techniques its emulation plan shares between APT29 and Wizard Spider (`combine --op
  // intersect` of their attack-object layers), piped with xargs: before, every ID after the first was refused,
  // `unexpected argument "T1047" (technique takes <id>)`, exit 2.
  it('shows several IDs in the order given, each once, and --json makes them an array', async () => {
    const text = await runCli(['technique', 'T1566.002', 'T1047', 't1047', 'T1053.005', '-q']);
    expect([text.code, text.stderr]).to.deep.equal([0, '']);
    const heads = text.stdout.split('\n').filter((line) => /^T\d/.test(line));
    expect(heads).to.deep.equal([
      'T1566.002 Spearphishing Link (current, ATT&CK enterprise-attack 18.1)',
      'T1047 Windows Management Instrumentation (current, ATT&CK enterprise-attack 18.1)',
      'T1053.005 Scheduled Task (current, ATT&CK enterprise-attack 18.1)',
    ]);
    expect(text.stdout).to.contain('/techniques/T1566/002/\n\nT1047 Windows');
    const json = await runCli(['technique', 'T1566.002', 'T1117', '--json', '-q']);
    const reports = JSON.parse(json.stdout) as TechniqueReport[];
    expect(reports.map((r) => [r.id, r.status])).to.deep.equal([['T1566.002', 'current'], ['T1117', 'revoked']]);
    expect(reports[1]).to.deep.equal(await report(['T1117']));
  });

  it('shows the IDs it can of several, says each it cannot, and exits 1 (2 when a text is no ID)', async () => {
    const unknown = await runCli(['technique', 'T1047', 'T1059.999', '--json', '-q']);
    expect(unknown.code).to.equal(1);
    expect((JSON.parse(unknown.stdout) as TechniqueReport[]).map((r) => r.id)).to.deep.equal(['T1047']);
    expect(unknown.stderr).to.equal(
      'attack-layers technique: T1059.999 is not a technique in ATT&CK enterprise-attack 18.1; check the ID, or fetch a newer release with `attack-layers data fetch` if it is new\n' +
        'attack-layers technique: 1 of the 2 IDs given was not shown (why, above): T1059.999\n',
    );
    const wrong = await runCli(['technique', 'T9999', 'T1047', 'Powershel', '-q']);
    expect(wrong.code).to.equal(2);
    expect(wrong.stdout).to.match(/^T1047 Windows Management Instrumentation /);
    expect(wrong.stderr.split('\n').slice(1)).to.deep.equal([
      'attack-layers technique: "Powershel" is not a technique ID; it reads as T1059.001 Command and Scripting Interpreter: PowerShell: `attack-layers technique T1059.001`',
      'attack-layers technique: 2 of the 3 IDs given were not shown (why, above): T9999, Powershel',
      'Run `attack-layers technique --help` for usage.',
      '',
    ]);
  });

  it('ends many IDs it cannot show with a line naming the first three and counting the rest, each said on its own line above', async () => {
    // A plan's IDs piped through xargs: before, the last line named every one of them.
    const unknown = ['T9990', 'T9991', 'T9992', 'T9993', 'T9994', 'T9995', 'T9996'];
    const result = await runCli(['technique', 'T1047', ...unknown, '-q']);
    expect(result.code).to.equal(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1).map((line) => /^attack-layers technique: (T\d{4}) is (?:not a technique in|numbered far past) /.exec(line)?.[1])).to.deep.equal(unknown);
    expect(lines.at(-1)).to.equal('attack-layers technique: 7 of the 8 IDs given were not shown (why, above): T9990, T9991, T9992 and 4 more');
  });

  // It stopped with "no ATT&CK data found" before the snapshot was shipped.
  it('works with no ATT&CK data configured, on the snapshot, and says once which release that is', async () => {
    const result = await runCli(['technique', 'T1193'], { ATTACK_STIX_DIR: undefined, XDG_CACHE_HOME: snapshotCacheHome() });
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/^T1193 Spearphishing Attachment \(revoked, ATT&CK enterprise-attack 18\.1\)\n/);
    expect(result.stderr).to.equal(
      'note: using ATT&CK enterprise-attack 18.1 from the snapshot shipped with attack-layers; `attack-layers data fetch` gets the newest release\n',
    );
  });
});
