import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse } from 'yaml';
import { freshTmpDir, runCli, snapshotCacheHome, stixFile } from '../helpers/attack.js';

/** `extract --json --quiet` on a report written for the test: the report's file and the references. */
async function extractJson<Reference>(text: string): Promise<{ file: string; references: Reference[] }> {
  const file = join(freshTmpDir('extract'), 'report.txt');
  writeFileSync(file, text);
  const result = await runCli(['extract', file, '--json', '--quiet']);
  expect(result.code, result.stderr).to.equal(0);
  return { file, references: (JSON.parse(result.stdout) as { references: Reference[] }).references };
}

describe('attack-layers extract', () => {
  it('--json gives each reference its line, span, tactic column and resolution, and the objects named', async () => {
    const file = join(freshTmpDir('extract'), 'report.txt');
    const text = '| Tactic | Technique | ID |\n|---|---|---|\n| Initial Access | Spearphishing Attachment | T1193 |\nThe group used TT1001 and Mimikatz.\n';
    writeFileSync(file, text);
    const result = await runCli(['extract', file, '--json', '--quiet']);
    expect(result.code, result.stderr).to.equal(0);
    const json = JSON.parse(result.stdout) as {
      references: Array<{ raw: string; line: number; span: { line: number; start: number; end: number }; tacticColumn?: string; resolution: { status: string; ids: string[]; trail: string[] } }>;
      objects: Array<{ id: string; span: { line: number } }>;
    };
    const lines = text.split('\n');
    const [first, second] = json.references;
    expect(first).to.deep.include({ raw: 'Spearphishing Attachment | T1193', line: 3, tacticColumn: 'Initial Access' });
    expect(lines[2]!.slice(first!.span.start, first!.span.end)).to.equal('T1193');
    expect(first!.resolution).to.deep.include({ status: 'revoked', ids: ['T1566.001'] });
    expect(second!.raw).to.equal('TT1001');
    expect(second!.resolution.ids).to.deep.equal(['T1001']);
    expect(second!.resolution.trail).to.include('read: a doubled T (TT1001)');
    expect(json.objects.map((o) => [o.id, o.span.line])).to.deep.equal([['S0002', 4]]);
  });

  it('checks the name written after an ID in prose against the ID (a real page: "the T1506 input capture")', async () => {
    const file = join(freshTmpDir('extract'), 'report.txt');
    writeFileSync(file, 'An example is the T1506 input capture. The group used T1566.002 Spearphishing Attachment, and T1003 followed quickly.\n');
    const result = await runCli(['extract', file, '--json', '--quiet']);
    expect(result.code, result.stderr).to.equal(0);
    const { references } = JSON.parse(result.stdout) as { references: Array<{ raw: string; resolution: { status: string; ids: string[]; note: string } }> };
    // Another technique's name, in any case, disagrees with the ID (a sibling's here, in the second).
    expect(references.map((r) => [r.raw, r.resolution.status, r.resolution.ids])).to.deep.equal([
      ['T1506 input capture', 'ambiguous', []],
      ['T1566.002 Spearphishing Attachment', 'ambiguous', []],
      ['T1003', 'current', ['T1003']],
    ]);
    expect(references[0]!.resolution.note).to.match(/^T1506 and "input capture" disagree: T1506 is Web Session Cookie .* "input capture" is T1056 Input Capture/);
    expect(references[1]!.resolution.note).to.match(/"Spearphishing Attachment" is T1566\.001 Phishing: Spearphishing Attachment; write the one you mean$/);
  });

  it('checks the name of an ID written again: one that disagrees is a reference of its own, one that agrees adds its tactics', async () => {
    // A French digest's shape: a hunting table's row names T1613 first; the mapping written later names another technique.
    const { references } = await extractJson<{ raw: string; line: number; lines?: number[]; tactics: string[]; resolution: { status: string; note: string } }>(
      'Discovery: Container and Resource Discovery (T1613)\n' +
        'Credential Access: Steal Web Session Cookie (T1613)\n' +
        'Collection: the pods were listed, as mapped (T1613) in the table.\n',
    );
    // The mention that agrees gives its line too.
    expect(references.map((r) => [r.line, r.lines, r.raw, r.tactics, r.resolution.status])).to.deep.equal([
      [1, [1, 3], 'Container and Resource Discovery (T1613)', ['Discovery', 'Collection'], 'current'],
      [2, undefined, 'Steal Web Session Cookie (T1613)', ['Credential Access'], 'ambiguous'],
    ]);
    expect(references[1]!.resolution.note).to.match(/"Steal Web Session Cookie" is T1539 Steal Web Session Cookie; write the one you mean$/);
  });

  it('gives a reference cited on several lines every line, first line first, in --json and in the skeleton\'s source', async () => {
    // The shape of a Kimsuky write-up in Markdown: headings cite the IDs, the mapping table at the end names them.
    const { file, references } = await extractJson<{ raw: string; line: number; lines?: number[] }>(
      '### Initial Access (T1566.001)\n\n### Collection (T1114)\nThe mails were read (T1114).\n\n' +
        '| Tactic | Technique | Description |\n|---|---|---|\n| Collection | T1114 | Email Collection |\n' +
        '| Initial Access | T1566.001 | Phishing: Spearphishing Attachment |\n| Collection | T1005 | Data from Local System |\n',
    );
    expect(references.map((r) => [r.raw, r.line, r.lines])).to.deep.equal([
      ['T1566.001 | Phishing: Spearphishing Attachment', 9, [1, 9]],
      ['T1114 | Email Collection', 8, [3, 4, 8]],
      ['T1005 | Data from Local System', 10, undefined],
    ]);
    const skeleton = await runCli(['extract', file, '--quiet']);
    expect(skeleton.code, skeleton.stderr).to.equal(0);
    const { techniques } = parse(skeleton.stdout) as { techniques: Array<{ ref: string; source: string }> };
    expect(techniques.map((t) => t.source)).to.deep.equal([`${file}:1, 9`, `${file}:3, 4, 8`, `${file}:10`]);
  });

  it("writes a Use cell as the item's evidence field, which render puts in the layer's metadata (CISA AA24-109A's table)", async () => {
    // The shape of CISA's joint advisories' ATT&CK tables (AA24-109A, Akira; a US Government work), the second use
    // written with ": " and quotes, which a YAML line must quote.
    const dir = freshTmpDir('extract');
    const file = join(dir, 'akira.md');
    writeFileSync(
      file,
      '| Technique Title | ID | Use |\n|---|---|---|\n' +
        '| OS Credential Dumping: LSASS Memory | T1003.001 | Akira threat actors use tools like Mimikatz and LaZagne to dump credentials. |\n' +
        '| Exfiltration Over Web Service | T1567 | Akira threat actors leverage tools: "FileZilla", WinSCP and RClone to exfiltrate data. |\n',
    );
    const skeleton = await runCli(['extract', file, '--quiet']);
    expect(skeleton.code, skeleton.stderr).to.equal(0);
    const campaign = join(dir, 'akira.yaml');
    writeFileSync(campaign, skeleton.stdout);
    const rendered = await runCli(['render', campaign, '--out', join(dir, 'layers'), '--quiet']);
    expect(rendered.code, rendered.stderr).to.equal(0);
    const layer = JSON.parse(readFileSync(join(dir, 'layers', 'akira.layer.json'), 'utf8')) as { techniques: Array<{ techniqueID: string; metadata?: Array<{ name: string; value?: string }> }> };
    const evidence = (id: string): string[] =>
      layer.techniques.filter((t) => t.techniqueID === id).flatMap((t) => (t.metadata ?? []).filter((m) => m.name === 'evidence').map((m) => m.value!));
    expect([evidence('T1003.001'), evidence('T1567')]).to.deep.equal([
      ['Akira threat actors use tools like Mimikatz and LaZagne to dump credentials.'],
      ['Akira threat actors leverage tools: "FileZilla", WinSCP and RClone to exfiltrate data.'],
    ]);
  });

  it('gives its notes in --json, as on stderr: a section announcing ATT&CK techniques that holds none', async () => {
    // The layout of Trend Micro's "8220 Gang Evolves With New Strategies" (2023) as text: its ATT&CK table was an image.
    const file = join(freshTmpDir('extract'), 'report.txt');
    writeFileSync(file, 'Gang Moves To New Loaders\n\nThe actor used T1190 to get in.\n\nMITRE ATT&CK\n\n\nTags\n\nMalware\n');
    const result = await runCli(['extract', file, '--json']);
    expect(result.code, result.stderr).to.equal(0);
    const said = 'line 5: the section "MITRE ATT&CK" holds no technique extract could read (a table kept as an image?); map it by hand from the original report';
    expect((JSON.parse(result.stdout) as { notes?: string[] }).notes).to.deep.equal([said]);
    expect(result.stderr).to.include(`${file}: ${said}`);
  });

  it('writes a tactic given only by its TA ID as its name (a Chinese write-up\'s bold label)', async () => {
    const file = join(freshTmpDir('extract'), 'report.txt');
    writeFileSync(file, '**持久化阶段（Persistence, TA0003）**：计划任务（T1053.005）\nTA0002 - Execution: PowerShell (T1059.001)\n');
    const result = await runCli(['extract', file, '--json', '--quiet']);
    expect(result.code, result.stderr).to.equal(0);
    const { references } = JSON.parse(result.stdout) as { references: Array<{ ids: string[]; tactics: string[] }> };
    expect(references.map((r) => [r.ids.join('+'), r.tactics])).to.deep.equal([
      ['T1053.005', ['Persistence']],
      ['T1059.001', ['Execution']],
    ]);
  });

  it("says, where most IDs are the target domain's and a few another's, to read each one's note, not to change domain", async () => {
    // The layout of Cisco Talos's SugarGh0st bundle (Cisco-Talos/IOCs 2023/11/new-sugargh0st-rat.json; no licence
    // stated, so paraphrased): MISP's galaxy gave Mobile's IDs for names Enterprise has too (Process Discovery - T1424),
    // 4 of 16; the summary said "run extract with --domain mobile", which would leave the other 12 unresolved.
    const file = join(freshTmpDir('extract'), 'mixed.txt');
    writeFileSync(file, '| Technique | ID |\n|---|---|\n| Shared Modules | T1129 |\n| Process Discovery | T1424 |\n| Masquerading | T1036 |\n| Application Window Discovery | T1010 |\n');
    const result = await runCli(['extract', file]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(
      "; 1 of them is in mobile-attack, not enterprise-attack, which holds 3: see each one's note for what to write (run extract with --domain mobile only for a report of that domain)",
    );
    expect(result.stdout).to.include('the name "Process Discovery" is T1057');
  });

  it('says, where another domain holds as many IDs as the target or more and the target some, that the report cites both: a campaign of each', async () => {
    // An OT summary's lists (code index file 14704857593, our lines in its layout) cite 17 Enterprise and 9 ICS IDs; read
    // with --domain ics, the summary said only "run extract with --domain enterprise", which leaves the ICS ones unresolved.
    const file = join(freshTmpDir('extract'), 'ot-summary.md');
    writeFileSync(file, '- Valid Accounts - T1078 (Volt Typhoon)\n- Network Sniffing - T1040 (Volt Typhoon)\n- Rogue Master - T0848 (Australian Modbus)\n');
    const result = await runCli(['extract', file, '--domain', 'ics']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(
      "; 2 of them are in enterprise-attack, not ics-attack, which holds 1: the report cites both; run extract with --domain enterprise for those too, and keep each domain's techniques in a campaign of its own",
    );
  });

  it('reads a report whose IDs are all ICS IDs as ics-attack, saying so (resolved, `domain:` in the skeleton); --domain enterprise keeps it enterprise', async () => {
    // The shape of an advisory's ICS table (a tester's real ICS mapping): IDs of ics-attack, which enterprise lacks. As
    // gap reads a layer of ICS IDs that states no domain, extract reads the report in ics-attack and says why.
    const dir = freshTmpDir('extract');
    const file = join(dir, 'ics.txt');
    writeFileSync(file, '| Technique | ID |\n|---|---|\n| Valid Accounts | T0859 |\n| Modify Program | T0889 |\n');
    const enterprise = await runCli(['extract', file, '--json', '--domain', 'enterprise']);
    expect(enterprise.code, enterprise.stderr).to.equal(0);
    expect(enterprise.stderr).to.include('2 of them are in ics-attack, not enterprise-attack: run extract with --domain ics');
    expect(enterprise.stderr).to.not.include('read as');
    const { references } = JSON.parse(enterprise.stdout) as { references: Array<{ resolution: { status: string; note: string } }> };
    expect(references.map((r) => r.resolution.status)).to.deep.equal(['other domain', 'other domain']);
    expect(references[0]!.resolution.note).to.match(/: run extract with --domain ics for an ICS report, or keep ICS techniques in a campaign of their own/);

    const ics = await runCli(['extract', file]);
    expect(ics.code, ics.stderr).to.equal(0);
    expect(ics.stderr).to.include(`${file}: read as "ics-attack", since its technique IDs are all ICS IDs (T0859, T0889; none is in enterprise-attack `);
    expect(ics.stderr).to.include('give --domain enterprise to read it as enterprise-attack');
    expect(ics.stderr).to.not.include('run extract with');
    expect(ics.stdout).to.match(/^domain: "ics-attack"$/m);
    const given = await runCli(['extract', file, '--domain', 'ics']);
    // The same skeleton, but for the note under its header saying why it was read as ics-attack.
    expect(ics.stdout).to.include('\n# note: read as "ics-attack", since its technique IDs are all ICS IDs (T0859, T0889;');
    expect(given.stdout).to.equal(ics.stdout.replace(/^# note: .*\n/m, ''));
    expect(given.stderr).to.not.include('--domain');
    const campaign = join(dir, 'ics.yaml');
    writeFileSync(campaign, ics.stdout);
    const normalized = await runCli(['normalize', campaign, '--json', '--quiet']);
    expect(normalized.code, normalized.stderr).to.equal(0);
    const json = JSON.parse(normalized.stdout) as Array<{ references: Array<{ status: string; ids: string[] }> }>;
    expect(json[0]!.references.map((r) => [r.status, r.ids])).to.deep.equal([
      ['current', ['T0859']],
      ['current', ['T0889']],
    ]);
  });

  it('--json names the domain the references were read in and how it was chosen: inferred, given or the default', async () => {
    // The same ICS table as above: a script reading --json must tell an ICS reading from an Enterprise one.
    const dir = freshTmpDir('extract');
    const file = join(dir, 'ics.txt');
    writeFileSync(file, '| Technique | ID |\n|---|---|\n| Valid Accounts | T0859 |\n| Modify Program | T0889 |\n');
    const domainOf = async (...extra: string[]) => {
      const result = await runCli(['extract', file, '--json', '--quiet', ...extra]);
      expect(result.code, result.stderr).to.equal(0);
      const { domain, domain_from } = JSON.parse(result.stdout) as { domain: string; domain_from: string };
      return [domain, domain_from];
    };
    expect(await domainOf()).to.deep.equal(['ics-attack', 'inferred']);
    expect(await domainOf('--domain', 'enterprise')).to.deep.equal(['enterprise-attack', 'given']);
    expect(await domainOf('--domain', 'ics')).to.deep.equal(['ics-attack', 'given']);
    writeFileSync(file, 'The actor used PowerShell (T1059.001).\n');
    expect(await domainOf()).to.deep.equal(['enterprise-attack', 'default']);
    // A MISP event tagged with the older per-domain mobile galaxy (misp-galaxy's mitre-mobile-attack-attack-pattern).
    writeFileSync(file, JSON.stringify({ Event: { info: 'SMS stealer', date: '2019-01-01', Attribute: [], Tag: [{ name: 'misp-galaxy:mitre-mobile-attack-attack-pattern="Capture SMS Messages - T1412"' }] } }));
    expect(await domainOf()).to.deep.equal(['mobile-attack', 'misp galaxies']);
  });

  it('reads a report whose IDs are all Mobile IDs as mobile-attack, one or several reports', async () => {
    // The layout of an export of ATT&CK's page of GodFather (S1231, mobile-attack; code index file 71558163929): its
    // "Techniques Used" list, two of its lines: Mobile IDs whose names Enterprise has under other IDs.
    const dir = freshTmpDir('extract');
    const first = join(dir, 'godfather.md');
    const second = join(dir, 'godfather-2.md');
    writeFileSync(first, '# S1231: GodFather\n\n## Techniques Used\n- T1406: Obfuscated Files or Information\n');
    writeFileSync(second, '# S1231: GodFather\n\n## Techniques Used\n- T1417.001: Keylogging\n');
    const one = await runCli(['extract', first]);
    expect(one.code, one.stderr).to.equal(0);
    expect(one.stderr).to.include(`${first}: read as "mobile-attack", since its technique IDs are all Mobile IDs (T1406; none is in enterprise-attack `);
    expect(one.stdout).to.match(/^domain: "mobile-attack"$/m);
    expect(one.stdout).to.not.include('not resolved');
    const both = await runCli(['extract', first, second]);
    expect(both.code, both.stderr).to.equal(0);
    expect(both.stderr).to.include(`${first}, ${second}: read as "mobile-attack", since their technique IDs are all Mobile IDs (T1406, T1417.001; none is in enterprise-attack `);
    expect(both.stdout).to.match(/^domain: "mobile-attack"$/m);
  });

  it('keeps a report citing Enterprise and ICS IDs enterprise without --domain, saying it cites both', async () => {
    // The OT summary's lists of the test above (code index file 14704857593, our lines in its layout), more ICS IDs than Enterprise ones.
    const file = join(freshTmpDir('extract'), 'ot-summary.md');
    writeFileSync(file, '- Valid Accounts - T1078 (Volt Typhoon)\n- Rogue Master - T0848 (Australian Modbus)\n- Modify Program - T0889\n');
    const result = await runCli(['extract', file]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.not.include('read as');
    expect(result.stderr).to.include("; 2 of them are in ics-attack, not enterprise-attack, which holds 1: the report cites both; run extract with --domain ics for those too");
    expect(result.stdout).to.not.match(/^domain:/m);
  });

  it('writes names of a technique column as refs, and says on stderr what names it left out (a names-only lab table)', async () => {
    const file = join(freshTmpDir('extract'), 'report.txt');
    writeFileSync(file, '| Taktik | Technik |\n|---|---|\n| Discovery | Network Sniffing |\n| Impact | Modify Firmware |\n\nThen Remote System Discovery and Pass the Hash followed.\n');
    const result = await runCli(['extract', file]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include('  - ref: "Network Sniffing"\n    tactic: [ "Discovery" ]\n    source: "' + file + ':3"\n');
    // What stderr says of the names left out stands under the header as a note; the campaign's lines have none.
    expect(result.stdout.replace(/^#.*\n/gm, '')).not.to.include('Pass the Hash');
    expect(result.stderr).to.include(`1 technique reference, 0 ATT&CK groups, software or campaigns found in ${file}\n`);
    expect(result.stderr).to.include(`${file}: 1 cell of a technique column names no technique of ATT&CK enterprise-attack 18.1, so it is no reference: line 4 "Modify Firmware"`);
    expect(result.stderr).to.match(/: the report names 2 techniques without an ID \(T1018 Remote System Discovery at line 6, T1550\.002 Use Alternate Authentication Material: Pass the Hash at line 6\), which extract reads only in a table's technique column, a list of techniques, a breadcrumb \(`Tactic » Technique`\) and a heading \(`## Tactic: Technique`\): `attack-layers suggest` ranks them/);
  });

  it('resolves on the snapshot shipped with the tool when no ATT&CK data is configured', async () => {
    const file = join(freshTmpDir('extract'), 'report.txt');
    writeFileSync(file, 'They used T1059.001 (PowerShell).\n');
    const result = await runCli(['extract', file, '--json'], { ATTACK_STIX_DIR: undefined, XDG_CACHE_HOME: snapshotCacheHome() });
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.match(/^note: using ATT&CK enterprise-attack 18\.1 from the snapshot/m);
    const json = JSON.parse(result.stdout) as { references: Array<{ ids: string[]; resolution?: { status: string } }>; objects: unknown[] };
    expect(json.references.map((r) => [r.ids, r.resolution?.status])).to.deep.equal([[['T1059.001'], 'current']]);
  });

  it('--actor writes one intrusion set of a STIX bundle as the campaign, and names the file and the sets when it matches none', async () => {
    // A MISP or OpenCTI export of two groups, each with a uses relationship to its own attack-pattern.
    const file = join(freshTmpDir('extract'), 'export.json');
    const group = (n: number, name: string, aliases: string[]): object => ({ type: 'intrusion-set', spec_version: '2.1', id: `intrusion-set--00000000-0000-4000-8000-00000000000${n}`, name, aliases });
    const technique = (n: number, name: string, id: string): object => ({
      type: 'attack-pattern', spec_version: '2.1', id: `attack-pattern--00000000-0000-4000-8000-00000000000${n}`, name,
      external_references: [{ source_name: 'mitre-attack', external_id: id }],
    });
    const uses = (n: number, from: number, to: number): object => ({
      type: 'relationship', spec_version: '2.1', id: `relationship--00000000-0000-4000-8000-00000000000${n}`, relationship_type: 'uses',
      source_ref: `intrusion-set--00000000-0000-4000-8000-00000000000${from}`, target_ref: `attack-pattern--00000000-0000-4000-8000-00000000000${to}`,
    });
    const objects = [group(1, 'APT29', ['Cozy Bear']), group(2, 'FIN7', ['Carbon Spider']), technique(3, 'Spearphishing Link', 'T1566.002'), technique(4, 'Pass the Hash', 'T1550.002'), uses(5, 1, 3), uses(6, 2, 4)];
    writeFileSync(file, JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000009', objects }, null, 2));
    const all = await runCli(['extract', file]);
    expect(all.code, all.stderr).to.equal(0);
    expect(all.stderr).to.include('`extract --actor NAME` keeps the techniques of the one named');
    const one = await runCli(['extract', file, '--actor', 'carbon spider']);
    expect(one.code, one.stderr).to.equal(0);
    const campaign = parse(one.stdout) as { name: string; actor: string; techniques: Array<{ ref: string }> };
    expect([campaign.name, campaign.actor, campaign.techniques.map((t) => t.ref)]).to.deep.equal(['FIN7', 'FIN7', ['Pass the Hash (T1550.002)']]);
    expect(one.stderr).to.include(`1 technique reference, 0 ATT&CK groups, software or campaigns found in ${file}\n`);
    const json = await runCli(['extract', file, '--actor', 'carbon spider', '--json', '--quiet']);
    const read = JSON.parse(json.stdout) as { actor?: string; references: Array<{ ids: string[] }> };
    expect([read.actor, read.references.map((ref) => ref.ids)]).to.deep.equal(['FIN7', [['T1550.002']]]);
    const none = await runCli(['extract', file, '--actor', 'Lazarus']);
    expect([none.code, none.stdout]).to.deep.equal([1, '']);
    expect(none.stderr).to.include(`${file}: --actor "Lazarus" names no intrusion set, campaign or threat actor of the bundle (by name, alias, ATT&CK ID or STIX id); it holds intrusion sets: APT29, FIN7\n`);
  });

  it('--actor on a report\'s text, or several, is the campaign\'s actor: the ATT&CK group\'s name where the release knows it, else as given with a note', async () => {
    // Before, `--actor` on a report's text exited 2: a user giving it plainly wants the skeleton's actor: set.
    const dir = freshTmpDir('extract');
    const first = join(dir, 'first.txt');
    const second = join(dir, 'second.txt');
    writeFileSync(first, 'The actor sent links (T1566.002).\n');
    writeFileSync(second, 'Later it dumped LSASS (T1003.001).\n');
    const alias = await runCli(['extract', first, '--actor', 'Cozy Bear']);
    expect(alias.code, alias.stderr).to.equal(0);
    expect((parse(alias.stdout) as { actor: string }).actor).to.equal('APT29');
    expect(alias.stderr).to.include(`${first}: --actor "Cozy Bear" is group G0016 APT29 of ATT&CK enterprise-attack 18.1: the campaign's actor is APT29\n`);
    const json = await runCli(['extract', first, '--actor', 'G0016', '--json', '--quiet']);
    expect((JSON.parse(json.stdout) as { actor?: string }).actor).to.equal('APT29');
    const several = await runCli(['extract', first, second, '--actor', 'Nobody Panda']);
    expect(several.code, several.stderr).to.equal(0);
    const campaign = parse(several.stdout) as { actor: string; techniques: Array<{ ref: string }> };
    expect([campaign.actor, campaign.techniques.length]).to.deep.equal(['Nobody Panda', 2]);
    expect(several.stderr.match(/--actor "Nobody Panda"[^\n]*/g)).to.deep.equal([
      '--actor "Nobody Panda" names no group of ATT&CK enterprise-attack 18.1 (by name, alias or ATT&CK ID): kept as the campaign\'s actor as given; check the spelling, or that ATT&CK does not know the actor',
    ]);
    const software = await runCli(['extract', first, '--actor', 'Cobalt Strike']);
    expect([software.code, (parse(software.stdout) as { actor: string }).actor]).to.deep.equal([0, 'Cobalt Strike']);
    expect(software.stderr).to.include('--actor "Cobalt Strike" names no group of ATT&CK enterprise-attack 18.1 but software S0154 Cobalt Strike: kept as the campaign\'s actor as given; check that it is the actor meant');
  });

  it('refuses --no-campaigns on a report\'s text, or several, which attribute no campaigns to the actor (exit 2, naming the file)', async () => {
    // Before, `extract report.txt --actor X --no-campaigns` ran as if --no-campaigns were not given.
    const dir = freshTmpDir('extract');
    const first = join(dir, 'first.txt');
    const second = join(dir, 'second.txt');
    writeFileSync(first, 'The actor sent links (T1566.002).\n');
    writeFileSync(second, 'Later it dumped LSASS (T1003.001).\n');
    const refusal = (file: string): string =>
      `attack-layers extract: ${file}: --no-campaigns leaves out the campaigns a STIX bundle of threat intelligence attributes to the actor --actor chooses; a report's text attributes none: leave --no-campaigns out\nRun \`attack-layers extract --help\` for usage.\n`;
    const one = await runCli(['extract', first, '--actor', 'APT29', '--no-campaigns']);
    expect([one.code, one.stdout, one.stderr]).to.deep.equal([2, '', refusal(first)]);
    const several = await runCli(['extract', first, second, '--actor', 'APT29', '--no-campaigns']);
    expect([several.code, several.stdout, several.stderr]).to.deep.equal([2, '', refusal(first)]);
  });

  it('refuses an ATT&CK release with --actor, pointing to attack-object, which gives the group its techniques', async () => {
    const file = join(freshTmpDir('extract'), 'ics-attack-18.1.json');
    writeFileSync(file, gunzipSync(readFileSync(stixFile('ics-attack-18.1.json.gz'))));
    const refused = await runCli(['extract', file, '--actor', 'Sandworm Team']);
    expect([refused.code, refused.stdout]).to.deep.equal([1, '']);
    expect(refused.stderr).to.include(`${file}: this is an ATT&CK STIX bundle, not a report's text; `);
    expect(refused.stderr).to.include('for the techniques of a group, software or campaign it holds, `attack-layers attack-object <name>`\n');
    const group = await runCli(['attack-object', 'Sandworm Team', '--domain', 'ics', '--quiet']);
    expect(group.code, group.stderr).to.equal(0);
    expect((JSON.parse(group.stdout) as { name: string; techniques: unknown[] }).name).to.equal('Sandworm Team (G0034)');
  });

  // The skeleton's count of passages not listed named `attack-layers suggest stdin` for standard input, which reads a
  // file named stdin, and a file holding a space unquoted.
  it('--suggest names the suggest command to run as a shell takes it: a file with a space quoted, standard input as -', async () => {
    const file = join(freshTmpDir('extract-suggest-command'), 'team page.txt');
    writeFileSync(file, 'Activity overview\nThe implant captures screenshots of the desktop every minute.\n');
    const named = await runCli(['extract', file, '--suggest', '--quiet']);
    expect(named.stdout).to.contain(`got suggestions that rest on one word of it: \`attack-layers suggest '${file}'\` lists them)\n`);
    const piped = await runCli(['extract', '-', '--suggest', '--quiet'], {}, { stdin: readFileSync(file) });
    expect(piped.stdout).to.contain('got suggestions that rest on one word of it: `attack-layers suggest -`, given the same text, lists them)\n');
  });
});
