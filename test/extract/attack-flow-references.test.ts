/**
 * extract reads MITRE CTID's Attack Flow by its actions. Before, a flow gave nothing or only what its text looked like:
 * a STIX flow (no attack-pattern objects) gave no reference and was named after its file, a Builder file was taken for
 * a Navigator layer and refused, a Designer file's names were cut (`T1189 Drive-by`), and a MITRE ATLAS ID became a
 * technique reference (`AML.T0079`). The fixtures are excerpts of flows of center-for-threat-informed-defense/attack-flow
 * `corpus/` (Apache-2.0; test/fixtures/attack-flow/README.md): a STIX bundle, Builder files of two versions and a
 * Designer file. Where a case needs what they lack (a revoked ID, a broken file), it is added to them, as said.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { attackFlowReport } from '../../lib/extract/attack-flow-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { InputError, kindOfValue } from '../../lib/index.js';
import { freshTmpDir, loadRelease, repoRoot, runCli } from '../helpers/attack.js';

const fixture = (name: string): string => readFileSync(join(repoRoot, 'test/fixtures/attack-flow', name), 'utf8');
const COBALT_KITTY = fixture('cobalt-kitty-campaign.json');
const IVANTI = fixture('ivanti-vulnerabilities.afb');
const OPENCLAW = fixture('openclaw.afb');
const GOOTLOADER = fixture('gootloader.afd');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** A Builder file (2.x) with its objects changed by `edit`. */
function editedBuilder(edit: (objects: Array<{ template?: string; properties: Array<[string, unknown]> }>) => void): string {
  const value = JSON.parse(IVANTI) as { objects: Array<{ template?: string; properties: Array<[string, unknown]> }> };
  edit(value.objects);
  return JSON.stringify(value);
}

describe('extract: an Attack Flow', () => {
  const target = loadRelease('18.1');

  it('tells each format by its content', () => {
    for (const text of [COBALT_KITTY, IVANTI, OPENCLAW, GOOTLOADER]) expect(kindOfValue(JSON.parse(text))).to.equal('attack-flow');
    expect([COBALT_KITTY, IVANTI, OPENCLAW, GOOTLOADER].map((text) => attackFlowReport(text)?.format)).to.deep.equal(['stix', 'builder', 'builder', 'designer']);
  });

  describe('a STIX flow (attack-flow and attack-action objects)', () => {
    const report = extractReport(COBALT_KITTY, { target });

    it("reads each attack-action's technique_id with its name, its description as evidence and its place, and names the campaign after the flow", () => {
      expect(report.name).to.equal('Cobalt Kitty Campaign');
      expect(report.description).to.equal('Cobalt Kitty campaign conducted by OceanLotus.');
      const first = report.references[0]!;
      const line = lineOf(COBALT_KITTY, '"id": "attack-action--7e43c3eb');
      expect([first.raw, first.ids, first.line, first.resolution?.ids]).to.deep.equal(['Phishing: Spearphishing Link (T1566.002)', ['T1566.002'], line, ['T1566.002']]);
      expect(first.evidence).to.deep.equal([{ line, text: 'Link to a malicious site that downloads a fake Flash Installer delivering Cobalt Strike beacon.' }]);
      expect(first.from).to.deep.equal([`objects[1] (attack-action--7e43c3eb-f609-4a53-beb3-40829afb89aa), line ${line} (confidence 100)`]);
    });

    it('takes the actor from the threat actor the flow holds', () => {
      expect(report.actor).to.equal('OceanLotus');
    });

    it('makes actions of one name and ID one reference, citing each', () => {
      // 27 actions; two name T1059.001 PowerShell and two T1053.005 Scheduled Task.
      expect(report.references).to.have.length(25);
      const powershell = report.references.filter((ref) => ref.ids.includes('T1059.001'));
      expect(powershell).to.have.length(1);
      expect(powershell[0]!.lines).to.deep.equal([lineOf(COBALT_KITTY, '"id": "attack-action--d3d7d621'), lineOf(COBALT_KITTY, '"id": "attack-action--96bb23ee')]);
      expect(powershell[0]!.evidence).to.have.length(2);
    });

    it('reads an action without a technique_id by its name, with the usual checks, never guessing', () => {
      const smb = report.references.find((ref) => ref.raw === 'Remote Services: SMB/Windows Admin Shares')!;
      expect([smb.ids, smb.resolution?.status, smb.resolution?.ids]).to.deep.equal([[], 'name', ['T1021.002']]);
      const phantom = report.references.find((ref) => ref.raw === 'Phantom DLL Hijacking')!;
      expect([phantom.resolution?.status, phantom.resolution?.ids]).to.deep.equal(['unknown', []]);
    });

    it('warns where an action names one technique and its technique_id another (T1564.001 "Hide Artifacts: NTFS File Attributes")', () => {
      const hidden = report.references.find((ref) => ref.ids.includes('T1564.001'))!;
      expect(hidden.resolution?.warnings.join(' ')).to.include('T1564.004');
      expect(hidden.resolution?.ids).to.not.include('T1564.001');
    });
  });

  describe('an Attack Flow Builder file', () => {
    it('reads the properties of its action objects (builder 2.2: technique_id, tactic_id) and its flow object', () => {
      const report = extractReport(IVANTI, { target });
      expect(report.name).to.equal('Ivanti Vulnerabilities');
      expect(report.description).to.match(/^A command injection vulnerability in web components of Ivanti Connect Secure/);
      expect(report.references.map((ref) => [ref.raw, ref.tactics, ref.resolution?.ids])).to.deep.equal([
        ['Web Shell (T1505.003)', ['Persistence'], ['T1505.003']],
        ['Clear Linux or Mac System Logs (T1070.002)', ['Defense Evasion'], ['T1070.002']],
        ['Impair Defenses (T1562)', ['Defense Evasion'], ['T1562']],
        // An action of a tactic alone: its name is no technique's, and it stays unplaced.
        ['Command and Control', ['Command and Control'], []],
        ['Exploit Public-Facing Application (T1190)', ['Initial Access'], ['T1190']],
        ['Client Configurations (T1592.004)', ['Reconnaissance'], ['T1592.004']],
      ]);
      expect(report.references[0]!.from).to.deep.equal(['objects[1] (action 58ea1fef-ef2d-445c-b21f-19d62f745044), line 1']);
      expect(report.references[0]!.evidence).to.deep.equal([{ line: 1, text: 'The adversary installs several variants of web shells on multiple servers.' }]);
    });

    it('reads builder 3 files (an `id` template, a `ttp` pair), and reports a MITRE ATLAS technique instead of reading it', () => {
      const report = extractReport(OPENCLAW, { target });
      expect(report.name).to.equal('OpenClaw Command & Control via Prompt Injection');
      expect(report.references).to.deep.equal([]);
      expect(report.notes.join('\n')).to.include(
        `objects[1] (action bd733b5b-cfc8-4c5c-9a2e-b5c91249387d), line ${lineOf(OPENCLAW, '"Stage Capabilities"')} "Stage Capabilities" (AML.T0079, MITRE ATLAS)`,
      );
      // The same action with an ATT&CK technique (edited) is read.
      const attack = extractReport(OPENCLAW.replace('"AML.T0079"', '"T1608"').replace('"AML.TA0003"', '"TA0042"'), { target });
      expect(attack.references.map((ref) => [ref.raw, ref.tactics, ref.resolution?.ids])).to.deep.equal([['Stage Capabilities (T1608)', ['Resource Development'], ['T1608']]]);
    });

    it("checks a builder 3 action's `ttp` against its technique_ref, technique_id and tactic_id, noting each disagreement by its fields", () => {
      // OpenClaw's Stage Capabilities action (builder 3: a `ttp` of tactic and technique, no technique_ref) with an
      // ATT&CK technique edited in, T1608 under TA0042, and the properties a flow keeps from builder 2 or another tool
      // writes beside the `ttp` (a public generator of .afb files writes technique_id, technique_ref and ttp together).
      const edited = (extra: Array<[string, string]>): string => {
        const value = JSON.parse(OPENCLAW.replace('"AML.T0079"', '"T1608"').replace('"AML.TA0003"', '"TA0042"')) as { objects: Array<{ properties?: Array<[string, unknown]> }> };
        value.objects[1]!.properties!.push(...extra);
        return JSON.stringify(value, null, 4);
      };
      const place = `objects[1] (action bd733b5b-cfc8-4c5c-9a2e-b5c91249387d), line ${lineOf(OPENCLAW, '"Stage Capabilities"')} "Stage Capabilities"`;
      const read = (extra: Array<[string, string]>) => {
        const report = extractReport(edited(extra), { target });
        return [report.references.map((ref) => [ref.raw, ref.tactics, ref.from]), report.notes];
      };
      // A technique_ref of another technique (T1505.003's attack-pattern): the ttp's technique is read, and named as such.
      const [refs, notes] = read([['technique_ref', 'attack-pattern--5d0d3609-d06d-49e1-b9c9-b544e0c618cb']]);
      expect(refs).to.deep.equal([['Stage Capabilities (T1608)', ['Resource Development'], [`${place.replace(/ "Stage Capabilities"$/, '')} technique_ref attack-pattern--5d0d3609-d06d-49e1-b9c9-b544e0c618cb is T1505.003, not its ttp technique T1608: check which is meant`]]]);
      expect(notes).to.deep.equal([
        `1 action names one technique by ttp technique and another by technique_ref, and is read by the ttp technique: ${place}: ttp technique T1608, technique_ref attack-pattern--5d0d3609-d06d-49e1-b9c9-b544e0c618cb (T1505.003) (check which is meant and correct the other in Attack Flow Builder)`,
      ]);
      // A technique_id and a tactic_id beside the ttp that name others: they are read, and each disagreement is noted.
      const [, both] = read([['technique_id', 'T1505.003'], ['tactic_id', 'TA0003']]);
      expect(both).to.deep.equal([
        `1 action names one technique by technique_id and another by ttp technique, and is read by the technique_id: ${place}: technique_id T1505.003, ttp technique T1608 (check which is meant and correct the other in Attack Flow Builder)`,
        `1 action names one tactic by tactic_id and another by ttp tactic, and is read by the tactic_id: ${place}: tactic_id TA0003, ttp tactic TA0042 (check which is meant and correct the other in Attack Flow Builder)`,
      ]);
      // Fields that agree (in any case) draw nothing.
      expect(read([['technique_id', 't1608'], ['tactic_id', 'TA0042'], ['technique_ref', 'attack-pattern--84771bc3-f6a0-403e-b144-01af70e5fda0']])[1]).to.deep.equal([]);
    });

    it('normalizes old IDs as always (a revoked T1086, edited in)', () => {
      const text = editedBuilder((objects) => {
        objects[1]!.properties = objects[1]!.properties.map(([key, value]) => [key, key === 'technique_id' ? 'T1086' : key === 'name' ? 'PowerShell' : value]);
      });
      const ref = extractReport(text, { target }).references[0]!;
      expect([ref.raw, ref.resolution?.status, ref.resolution?.ids]).to.deep.equal(['PowerShell (T1086)', 'revoked', ['T1059.001']]);
    });

    it("reads an action by the ATT&CK technique its technique_ref points to (an attack-pattern's STIX id) where it has no technique_id", () => {
      // Ivanti's Web Shell action: technique_ref attack-pattern--5d0d3609-… is T1505.003 in ATT&CK's bundles; its
      // technique_id (and, in the second, its name) left out.
      const ref = 'attack-pattern--5d0d3609-d06d-49e1-b9c9-b544e0c618cb';
      for (const left of [['technique_id'], ['technique_id', 'name']]) {
        const text = editedBuilder((objects) => {
          objects[1]!.properties = objects[1]!.properties.map(([key, value]) => [key, left.includes(key) ? null : value]);
        });
        const read = extractReport(text, { target }).references[0]!;
        expect([read.raw, read.ids, read.resolution?.ids]).to.deep.equal([left.includes('name') ? 'T1505.003' : 'Web Shell (T1505.003)', ['T1505.003'], ['T1505.003']]);
        expect(read.from).to.deep.equal([`objects[1] (action 58ea1fef-ef2d-445c-b21f-19d62f745044), line 1 technique_ref ${ref} (T1505.003)`]);
      }
      // A technique_ref no release at hand holds leaves the action to its name.
      const unknown = editedBuilder((objects) => {
        objects[1]!.properties = objects[1]!.properties.map(([key, value]) => [key, key === 'technique_id' ? null : key === 'technique_ref' ? 'attack-pattern--00000000-0000-4000-8000-000000000000' : value]);
      });
      expect(extractReport(unknown, { target }).references[0]!.raw).to.equal('Web Shell');
    });

    it('says where technique_id and technique_ref name different techniques, reading the technique_id', () => {
      // Ivanti's Web Shell action with its technique_id edited to the parent T1505 (its technique_ref is T1505.003's).
      const text = editedBuilder((objects) => {
        objects[1]!.properties = objects[1]!.properties.map(([key, value]) => [key, key === 'technique_id' ? 'T1505' : value]);
      });
      const report = extractReport(text, { target });
      const read = report.references[0]!;
      expect([read.raw, read.resolution?.ids]).to.deep.equal(['Web Shell (T1505)', ['T1505']]);
      expect(read.from![0]).to.include('technique_ref attack-pattern--5d0d3609-d06d-49e1-b9c9-b544e0c618cb is T1505.003, not its technique_id T1505: check which is meant');
      expect(report.notes.join('\n')).to.include(
        '1 action names one technique by technique_id and another by technique_ref, and is read by the technique_id: objects[1] (action 58ea1fef-ef2d-445c-b21f-19d62f745044), line 1 "Web Shell": technique_id T1505, technique_ref attack-pattern--5d0d3609-d06d-49e1-b9c9-b544e0c618cb (T1505.003)',
      );
      // The unedited flow, whose technique_ids agree with their technique_refs, has no such note.
      expect(extractReport(IVANTI, { target }).notes.join('\n')).to.not.include('technique_ref');
    });

    it('reports one action of no technique and no name, and reads the rest', () => {
      const text = editedBuilder((objects) => {
        objects[1]!.properties = objects[1]!.properties.map(([key, value]) => [key, key === 'technique_id' || key === 'technique_ref' || key === 'name' ? null : value]);
      });
      const report = extractReport(text, { target });
      expect(report.references).to.have.length(5);
      expect(report.notes.join('\n')).to.include('objects[1] (action 58ea1fef-ef2d-445c-b21f-19d62f745044), line 1 (no name and no technique_id)');
    });
  });

  it("reads an Attack Flow Designer file (.afd): the ID its actions' names start with", () => {
    const report = extractReport(GOOTLOADER, { target });
    expect(report.references.map((ref) => [ref.raw, ref.resolution?.ids])).to.deep.equal([
      ['Drive-by Compromise (T1189)', ['T1189']],
      ['User Execution: Malicious File (T1204.002)', ['T1204.002']],
      ['Command and Scripting Interpreter: JavaScript (T1059.007)', ['T1059.007']],
      ['System Binary Proxy Execution: Rundll32 (T1218.011)', ['T1218.011']],
      ['Scheduled Task/Job (T1053)', ['T1053']],
      ['Remote Services: SMB/Windows Admin Shares (T1021.002)', ['T1021.002']],
    ]);
    expect(report.references[0]!.from).to.deep.equal(['nodes[0] (node 1), line 1']);
  });

  describe('bad input', () => {
    it('refuses a flow with no action, naming the file', () => {
      const text = editedBuilder((objects) => objects.splice(0, objects.length, ...objects.filter((object) => object.template !== 'action')));
      expect(() => extractReport(text, { target }, { file: 'empty.afb' })).to.throw(InputError, /^empty\.afb: an Attack Flow Builder file with no action, so it names no technique/);
    });

    it('refuses a broken .afb with its line and column, and a broken STIX flow by its types, not reading them as prose', () => {
      expect(() => extractReport(IVANTI.slice(0, 2000), { target }, { file: 'broken.afb' })).to.throw(InputError, /^broken\.afb: line 1, column \d+: invalid JSON/);
      expect(() => extractReport(COBALT_KITTY.slice(0, 3000), { target }, { file: 'flow.json' })).to.throw(InputError, /^flow\.json: line \d+, column \d+: invalid JSON/);
    });

    it('the CLI exits 1 with the message', async () => {
      const file = join(freshTmpDir('attack-flow'), 'broken.afb');
      writeFileSync(file, IVANTI.slice(0, 2000));
      const result = await runCli(['extract', file]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.include(`${file}: line 1, column`);
    });
  });

  describe("a technique's ID written as an action's tactic_id", () => {
    it("is its technique, with no tactic, and said (CTID's flow of CISA AA23-074A); a name beside it that disagrees is ambiguous", () => {
      // corpus/CISA AA23-074A Progress Telerik Vulnerability.json, trimmed (Apache-2.0; test/fixtures/attack-flow/README.md).
      // Its actions write T1105, T1055.001, T1055, T1082 as tactic_id and have no technique_id: before, each was read by
      // its name alone, the IDs dropped without a word, and "Ingress Tool transfer" (T1055) taken as T1105 by its name.
      const text = fixture('cisa-aa23-074a-telerik.json');
      const report = extractReport(text, { target });
      expect(report.references.map((ref) => [ref.raw, ref.ids, ref.tactics, ref.line, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
        ['Ingress Tool Transsfer (T1105)', ['T1105'], [], lineOf(text, '"id": "attack-action--7ed5a784'), 'current', ['T1105']],
        ['Process Injection: Dynamic-Link Library Injection (T1055.001)', ['T1055.001'], [], lineOf(text, '"id": "attack-action--64841fd0'), 'current', ['T1055.001']],
        ['Ingress Tool transfer (T1055)', ['T1055'], [], lineOf(text, '"id": "attack-action--d8dae631'), 'ambiguous', []],
        ['System Information Discovery (T1082)', ['T1082'], [], lineOf(text, '"id": "attack-action--0ca214a0'), 'current', ['T1082']],
      ]);
      expect(report.references[0]!.from).to.deep.equal([
        `objects[1] (attack-action--7ed5a784-0329-4488-8605-db081945875f), line ${lineOf(text, '"id": "attack-action--7ed5a784')} (confidence 100) tactic_id T1105 read as its technique`,
      ]);
      expect(report.notes.find((note) => note.includes("a technique's ID as their tactic"))).to.match(
        /^4 actions of no technique write a technique's ID as their tactic, read as their technique with no tactic: objects\[1\] \(attack-action--7ed5a784-0329-4488-8605-db081945875f\), line \d+ "Ingress Tool Transsfer": tactic_id T1105; .* \(write it as the technique in Attack Flow Builder\)$/,
      );
      expect(report.actor).to.equal('XE Group');
    });
  });

  describe('the report it cites', () => {
    it("is the source's url where the flow's external references give one address (Talos's for Muddy Water, Volexity's for Ivanti)", () => {
      // Before, the campaign's source was the flow's title alone: the report the flow was drawn from was left out.
      expect(extractReport(fixture('muddy-water.afbx'), { target }).url).to.equal('https://blog.talosintelligence.com/iranian-apt-muddywater-targets-turkey/');
      expect(extractReport(IVANTI, { target }).url).to.equal(
        'https://www.volexity.com/blog/2024/01/10/active-exploitation-of-two-zero-day-vulnerabilities-in-ivanti-connect-secure-vpn/',
      );
      // Cobalt Kitty's attack-flow cites Cybereason's report and CrowdStrike's and ATT&CK's pages of the actor: none is chosen.
      expect(extractReport(COBALT_KITTY, { target }).url).to.equal(undefined);
    });
  });

  describe('when it took place', () => {
    it("takes first_seen and last_seen from the actions' execution times and the campaign's first and last seen, not the actor's", () => {
      // Cobalt Kitty's threat actor OceanLotus is first seen in 2012: the actor's, not the campaign's; it has no other date.
      expect([extractReport(COBALT_KITTY, { target }).firstSeen, extractReport(COBALT_KITTY, { target }).lastSeen]).to.deep.equal([undefined, undefined]);
      // Edited in: an action's execution times and the campaign object's last_seen.
      const value = JSON.parse(COBALT_KITTY) as { objects: Array<Record<string, unknown>> };
      const action = value.objects.find((object) => object['type'] === 'attack-action')!;
      Object.assign(action, { execution_start: '2017-01-15T08:00:00.000Z', execution_end: '2017-01-16T00:00:00.000Z' });
      Object.assign(value.objects.find((object) => object['type'] === 'campaign')!, { last_seen: '2017-03-31T00:00:00.000Z' });
      const report = extractReport(JSON.stringify(value), { target });
      expect([report.firstSeen, report.lastSeen]).to.deep.equal(['2017-01-15', '2017-03-31']);
    });

    it("takes no last day from a campaign's first_seen alone (CTID's Muddy Water flow: last_seen null, the campaign open)", () => {
      // corpus/Muddy Water.afbx, trimmed (Apache-2.0; test/fixtures/attack-flow/README.md). Before, the one day the flow
      // gives, the campaign's first_seen, was written as its last_seen too: `last_seen: "2021-11-01"`, which it does not say.
      const text = fixture('muddy-water.afbx');
      const report = extractReport(text, { target });
      expect([report.name, report.actor, report.firstSeen, report.lastSeen]).to.deep.equal(['Muddy Water', 'MuddyWater', '2021-11-01', undefined]);
      expect(report.references.map((ref) => [ref.raw, ref.tactics, ref.line, ref.evidence?.map((said) => said.text), ref.resolution?.status])).to.deep.equal([
        ['Spearphishing Attachment (T1566.001)', ['Initial Access'], lineOf(text, '"Spearphishing Attachment"'), ['This campaign begins by delivering malicious PDF attachments with embedded links to victims via email'], 'current'],
        ['Malicious Link (T1204.001)', ['Execution'], lineOf(text, '"Malicious Link"'), ['The PDF gives an error message, prompting the user to click on a link to the file hosting domain and downloading malicious XLS file containing macros.'], 'current'],
      ]);
    });

    it("writes them in the campaign file from a Builder file's actions", async () => {
      // Ivanti's flow (Volexity's report of 10 January 2024) with execution times edited into two actions.
      const text = editedBuilder((objects) => {
        const times = (start: string, end: string) => (objects: Array<[string, unknown]>) => objects.map(([key, value]): [string, unknown] => [key, key === 'execution_start' ? start : key === 'execution_end' ? end : value]);
        objects[6]!.properties = times('2023-12-03T00:00:00Z', '2023-12-03T06:00:00Z')(objects[6]!.properties);
        objects[1]!.properties = times('2024-01-09T00:00:00Z', '2024-01-10T00:00:00Z')(objects[1]!.properties);
      });
      const dir = freshTmpDir('attack-flow');
      const file = join(dir, 'ivanti.afb');
      writeFileSync(file, text);
      const result = await runCli(['extract', file]);
      expect(result.code).to.equal(0);
      expect(result.stdout).to.match(/\nfirst_seen: "?2023-12-03"?\nlast_seen: "?2024-01-10"?\n/);
      writeFileSync(join(dir, 'ivanti.yaml'), result.stdout);
      // The campaign file reads (its dates are campaign dates) and renders.
      const rendered = await runCli(['render', join(dir, 'ivanti.yaml'), '--out', join(dir, 'layers'), '--quiet']);
      expect(rendered.code, rendered.stderr).to.equal(0);
    });
  });

  it('the CLI writes a campaign of a flow (name, actor, description) whose layer has the flow\'s techniques, whatever the file is called', async () => {
    const dir = freshTmpDir('attack-flow');
    // A Builder file saved under another name is told by its content.
    const file = join(dir, 'ivanti.json');
    writeFileSync(file, IVANTI);
    const result = await runCli(['extract', file]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.include('name: "Ivanti Vulnerabilities"\ndescription: "A command injection').and.include('  - ref: "Web Shell (T1505.003)"\n    tactic: [ "Persistence" ]\n');
    const campaign = join(dir, 'ivanti.yaml');
    writeFileSync(campaign, result.stdout);
    expect((await runCli(['render', campaign, '--out', join(dir, 'layers'), '--quiet'])).code).to.equal(0);
    const layer = JSON.parse(readFileSync(join(dir, 'layers', 'ivanti.layer.json'), 'utf8')) as { description?: string; techniques: Array<{ techniqueID: string; score?: number }> };
    expect(layer.techniques.filter((t) => t.score !== undefined).map((t) => t.techniqueID)).to.deep.equal(['T1070.002', 'T1190', 'T1505.003', 'T1562', 'T1592.004']);
    expect((await runCli(['validate', join(dir, 'layers', 'ivanti.layer.json')])).code).to.equal(0);
  });

  it('other commands refuse a flow and name extract', async () => {
    const file = join(freshTmpDir('attack-flow'), 'flow.afb');
    writeFileSync(file, IVANTI);
    for (const argv of [['suggest', file], ['validate', file]]) {
      const result = await runCli(argv);
      expect(result.code).to.equal(1);
      // validate lists each file's problems on stdout, suggest says it on stderr.
      expect(result.stdout + result.stderr).to.include(`${file}: this is an Attack Flow (`).and.include(`attack-layers extract ${file}`);
    }
  });

  it('--actor is refused for a flow', async () => {
    const file = join(freshTmpDir('attack-flow'), 'flow.json');
    writeFileSync(file, COBALT_KITTY);
    const result = await runCli(['extract', file, '--actor', 'APT32']);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.include("an Attack Flow's actor is the one threat actor or intrusion set it holds");
  });
});
