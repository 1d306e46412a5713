/**
 * extract reads a STIX bundle of threat intelligence by its objects. A Unit 42 playbook (pan-unit42/playbook_viewer,
 * STIX 2.0) was read as text: each attack-pattern's name came out with the JSON's quote (`T1064: Scripting"`), and
 * every technique its ATT&CK description links to (Active Scanning's cites T1593, T1596, T1587, T1588, T1133, T1190)
 * became a reference. The bundle here is written for the test, modelled on the playbook.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { extractReport } from '../../lib/extract/extract-report.js';
import { InputError, renderCampaignSkeleton } from '../../lib/index.js';
import { fixtureFile, freshTmpDir, loadRelease, readRawBundle, repoRoot, runCli, stixFile, type RawStixObject } from '../helpers/attack.js';

/** A bundle written for the tests, modelled on a Unit 42 playbook (`test/regressions/threat-intel-bundle.test.ts` too). */
const PLAYBOOK = fixtureFile('threat-intel-playbook.json');
/**
 * One MISP event of MISP/misp-stix's documentation (misp_events_to_stix20.md, BSD-2-Clause; test/fixtures/misp/README.md),
 * as MISP JSON and as MISP's STIX 2.0 export of it.
 */
const MISP_EVENT = readFileSync(join(repoRoot, 'test/fixtures/misp/misp-stix-event-attribute-galaxy.json'), 'utf8');
const MISP_EXPORT = readFileSync(join(repoRoot, 'test/fixtures/misp/misp-stix-event-attribute-galaxy.stix20.json'), 'utf8');

describe('extract: a STIX bundle of threat intelligence', () => {
  const text = readFileSync(PLAYBOOK, 'utf8');
  const lineOf = (needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
  const report = extractReport(text, { target: loadRelease('18.1') });

  it('takes each attack-pattern by its ATT&CK ID (or its name without one), with its ATT&CK tactics, where its object is written', () => {
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.tactics, ref.line, ref.resolution?.ids])).to.deep.equal([
      ['Active Scanning (T1595)', ['T1595'], ['Reconnaissance'], lineOf('"id": "attack-pattern--00000000-0000-4000-8000-000000000004"'), ['T1595']],
      ['Spearphishing Link (T1566.002)', ['T1566.002'], ['Initial Access'], lineOf('"id": "attack-pattern--00000000-0000-4000-8000-000000000005"'), ['T1566.002']],
      ['Phishing', [], [], lineOf('"id": "attack-pattern--00000000-0000-4000-8000-000000000006"'), ['T1566']],
    ]);
    // The technique Active Scanning's description links to is no reference.
    expect(report.references.flatMap((ref) => ref.ids)).to.not.include('T1593');
  });

  it('cites the relationships that use a technique, their descriptions as evidence, and names the campaign for the intrusion set', () => {
    const [, link] = report.references;
    const relationship = lineOf('"id": "relationship--00000000-0000-4000-8000-000000000007"');
    expect(link!.lines).to.deep.equal([link!.line, relationship]);
    expect(link!.evidence).to.deep.equal([{ line: relationship, text: 'Seen in emails sent from multiple countries' }]);
    expect(report.name).to.equal('Example Group');
    const skeleton = renderCampaignSkeleton(report.references, { name: report.name!, reportFile: 'playbook.json' });
    // The relationship's line is one source: cites, so the evidence field is its description alone.
    expect(skeleton).to.include(
      `  - ref: "Spearphishing Link (T1566.002)"\n    tactic: [ "Initial Access" ]\n    evidence: "Seen in emails sent from multiple countries"\n    source: "playbook.json:${link!.line}, ${relationship}"\n`,
    );
  });

  it('reads the bundle without ATT&CK data too', () => {
    expect(extractReport(text).references.map((ref) => [ref.raw, ref.tactics])).to.deep.equal([
      ['Active Scanning (T1595)', ['reconnaissance']],
      ['Spearphishing Link (T1566.002)', ['initial-access']],
      ['Phishing', []],
    ]);
  });

  it('says, of a bundle of several intrusion sets, which techniques each uses, and names the campaign after none of them', () => {
    const bundle = JSON.parse(text) as { objects: Array<Record<string, unknown>> };
    bundle.objects.push(
      { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--00000000-0000-4000-8000-000000000008', name: 'Second Group' },
      {
        type: 'relationship', spec_version: '2.1', id: 'relationship--00000000-0000-4000-8000-000000000009', relationship_type: 'uses',
        source_ref: 'intrusion-set--00000000-0000-4000-8000-000000000008', target_ref: 'attack-pattern--00000000-0000-4000-8000-000000000006',
      },
    );
    const several = extractReport(JSON.stringify(bundle, null, 2), { target: loadRelease('18.1') });
    expect(several.name).to.equal(undefined);
    expect(several.references.map((ref) => ref.raw)).to.deep.equal(report.references.map((ref) => ref.raw));
    expect(several.notes).to.deep.equal([
      'the bundle describes 2 intrusion-set objects (Example Group, Second Group), so the campaign is named after the file and holds the techniques of all; ' +
        'by their uses relationships, Example Group uses T1566.002; Second Group uses Phishing ' +
        "(where they are separate, make one campaign per actor: `extractReport`'s `actor` option keeps the techniques of the one named)",
    ]);
    // The CLI's words where the caller gives them (FLAG_WORDS).
    const cli = extractReport(JSON.stringify(bundle, null, 2), { target: loadRelease('18.1') }, { givenAs: { actor: '--actor', command: 'attack-layers' } });
    expect(cli.notes[0]).to.match(/make one campaign per actor: `extract --actor NAME` keeps the techniques of the one named\)$/);
    expect(report.notes).to.deep.equal([]);
  });

  it("reads the ID an attack-pattern's name carries after it, as MISP's STIX converter writes it (Cisco Talos), with or without an ATT&CK reference", () => {
    // The layout of Cisco Talos's bundles (Cisco-Talos/IOCs 2023/11/new-sugargh0st-rat.json, STIX 2.0 from
    // MISP-STIX-Converter; no licence stated, so paraphrased): each attack-pattern is named for its MISP galaxy cluster,
    // `Name - ID`, and some carry only a CAPEC reference (Access Token Manipulation - T1134: CAPEC-633).
    const pattern = (n: number, name: string, source: string, externalId: string): Record<string, unknown> => ({
      type: 'attack-pattern', id: `attack-pattern--00000000-0000-4000-8000-00000000040${n}`, name,
      description: 'ATT&CK Tactic | Adversaries may ...',
      kill_chain_phases: [{ kill_chain_name: 'misp-category', phase_name: 'mitre-attack-pattern' }],
      labels: ['misp:galaxy-name="Attack Pattern"', 'misp:galaxy-type="mitre-attack-pattern"', `misp-galaxy:mitre-attack-pattern="${name}"`],
      external_references: [{ source_name: source, external_id: externalId }],
    });
    const bundle = JSON.stringify({
      type: 'bundle', spec_version: '2.0', id: 'bundle--00000000-0000-4000-8000-000000000400',
      objects: [
        { type: 'report', id: 'report--00000000-0000-4000-8000-000000000401', name: 'New RAT', labels: ['Threat-Report', 'misp:tool="MISP-STIX-Converter"'], object_refs: [] },
        pattern(2, 'Spearphishing Link - T1598.003', 'mitre-attack', 'T1598.003'),
        pattern(3, 'Access Token Manipulation - T1134', 'capec', 'CAPEC-633'),
        pattern(4, 'Rundll32 - T1085', 'mitre-attack', 'T1085'),
        pattern(5, 'Remote System Discovery - T1018', 'capec', 'CAPEC-292'),
      ],
    });
    const read = extractReport(bundle, { target: loadRelease('18.1') });
    expect(read.references.map((ref) => [ref.raw, ref.ids, ref.name, ref.resolution?.ids])).to.deep.equal([
      ['Spearphishing Link (T1598.003)', ['T1598.003'], 'Spearphishing Link', ['T1598.003']],
      ['Access Token Manipulation (T1134)', ['T1134'], 'Access Token Manipulation', ['T1134']],
      ['Rundll32 (T1085)', ['T1085'], 'Rundll32', ['T1218.011']],
      ['Remote System Discovery (T1018)', ['T1018'], 'Remote System Discovery', ['T1018']],
    ]);
  });

  it("names the campaign for the bundle's one report when it holds no actor, as MISP's STIX export writes an event's info (Cisco Talos)", () => {
    // Cisco-Talos/IOCs 2023/11/new-sugargh0st-rat.json (no licence stated, so paraphrased): identity, one report named
    // for the blog post (the MISP event's info), indicators and attack-patterns; no intrusion set, campaign or threat actor.
    const bundle = (...extra: Array<Record<string, unknown>>): string => JSON.stringify({
      type: 'bundle', spec_version: '2.0', id: 'bundle--00000000-0000-4000-8000-000000000500',
      objects: [
        { type: 'identity', id: 'identity--00000000-0000-4000-8000-000000000501', name: 'Talos', identity_class: 'organization' },
        { type: 'report', id: 'report--00000000-0000-4000-8000-000000000502', name: 'New RAT targets a government', labels: ['Threat-Report'], object_refs: [] },
        {
          type: 'attack-pattern', id: 'attack-pattern--00000000-0000-4000-8000-000000000503', name: 'Masquerading - T1036',
          kill_chain_phases: [{ kill_chain_name: 'misp-category', phase_name: 'mitre-attack-pattern' }],
          external_references: [{ source_name: 'capec', external_id: 'CAPEC-177' }],
        },
        ...extra,
      ],
    });
    expect(extractReport(bundle()).name).to.equal('New RAT targets a government');
    // An actor names it still; two reports, or none, name it not.
    expect(extractReport(bundle({ type: 'intrusion-set', id: 'intrusion-set--00000000-0000-4000-8000-000000000504', name: 'Example Group' })).name).to.equal('Example Group');
    expect(extractReport(bundle({ type: 'report', id: 'report--00000000-0000-4000-8000-000000000505', name: 'Another post', object_refs: [] })).name).to.equal(undefined);
  });

  it("reads the ATT&CK ID OpenCTI keeps beside an attack-pattern's name (its STIX 2.1 export's ATT&CK extension, x_mitre_id, x_opencti_external_id) and PRE-ATT&CK's", () => {
    // OpenCTI's export of a report (a bundle written for the test in the shape of OpenCTI-Platform/opencti's
    // stix-2-1-converter.ts and stix-2-0-converter.ts, Apache-2.0): an attack-pattern made in OpenCTI, or by a connector
    // from a report, has its ATT&CK ID in the extension `extension-definition--322b8f77-…` (`id`) or as `x_mitre_id`,
    // and no mitre-attack external reference. Before, only its name was read (`PowerShell`, no ID).
    const bundle = JSON.stringify({
      type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000600',
      objects: [
        { type: 'report', spec_version: '2.1', id: 'report--00000000-0000-4000-8000-000000000601', name: 'Phishing wave', object_refs: [] },
        {
          type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--00000000-0000-4000-8000-000000000602', name: 'PowerShell',
          kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'execution', x_opencti_order: 4 }],
          extensions: {
            'extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba': { extension_type: 'property-extension', type: 'Attack-Pattern' },
            'extension-definition--322b8f77-262a-4cb8-a915-1e441e00329b': { extension_type: 'property-extension', id: 'T1059.001', platforms: ['Windows'] },
          },
        },
        {
          type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--00000000-0000-4000-8000-000000000603', name: 'Phishing',
          x_mitre_id: 'T1566.001', kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'initial-access' }],
        },
        // As OpenCTI's own test data writes them (opencti-graphql tests/data/DATA-TEST-STIX2_v2.json, Apache-2.0):
        // x_opencti_external_id, and PRE-ATT&CK's source, whose phase (launch) is no tactic.
        {
          type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--00000000-0000-4000-8000-000000000604', name: 'Spear phishing messages with malicious links',
          x_opencti_external_id: 'T1368', kill_chain_phases: [{ kill_chain_name: 'mitre-pre-attack', phase_name: 'launch' }],
        },
        {
          type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--00000000-0000-4000-8000-000000000605', name: 'Spear phishing messages with malicious links',
          kill_chain_phases: [{ kill_chain_name: 'mitre-pre-attack', phase_name: 'launch' }],
          external_references: [{ source_name: 'mitre-pre-attack', url: 'https://attack.mitre.org/techniques/T1369', external_id: 'T1369' }],
        },
      ],
    });
    const read = extractReport(bundle, { target: loadRelease('18.1') });
    expect(read.references.map((ref) => [ref.raw, ref.ids, ref.tactics, ref.resolution?.ids])).to.deep.equal([
      ['PowerShell (T1059.001)', ['T1059.001'], ['Execution'], ['T1059.001']],
      ['Phishing (T1566.001)', ['T1566.001'], ['Initial Access'], ['T1566.001']],
      // No release has PRE-ATT&CK's techniques: normalize says so, rather than that no technique has the name.
      ['Spear phishing messages with malicious links (T1368)', ['T1368'], [], []],
      ['Spear phishing messages with malicious links (T1369)', ['T1369'], [], []],
    ]);
    expect(read.references[3]!.resolution?.note).to.include('PRE-ATT&CK');
  });

  it('says of a bundle that holds no attack-pattern that the campaign has no technique, what it holds, and where techniques are had', () => {
    // The shape of OpenCTI's export of a report (OpenCTI-Platform/opencti opencti-graphql/tests/data/organization-sharing/
    // 20241003_Report_to_test_orga_sharing_full.json, Apache-2.0; trimmed): a report, a malware, an indicator. Before,
    // extract wrote `techniques: []` with exit 0 and no word of why.
    const bundle = JSON.stringify({
      type: 'bundle', id: 'bundle--f1b36847-cd8d-4f32-9754-caaa8e5a8806',
      objects: [
        { id: 'report--ce32448d-733b-5e34-ac4f-2759ce5db1ae', spec_version: '2.1', type: 'report', name: 'Report to share', object_refs: ['malware--d5c2c089-04db-5e3a-a694-62e266b14fef'] },
        { id: 'malware--d5c2c089-04db-5e3a-a694-62e266b14fef', spec_version: '2.1', type: 'malware', name: 'Malware test', is_family: false },
        { id: 'indicator--0001a19f-b9b0-5250-9696-6caa8676b867', spec_version: '2.1', type: 'indicator', pattern_type: 'stix', pattern: "[ipv4-addr:value = '185.158.114.133']" },
      ],
    });
    const read = extractReport(bundle, { target: loadRelease('18.1') });
    expect([read.name, read.references]).to.deep.equal(['Report to share', []]);
    expect(read.notes).to.deep.equal([
      'the bundle holds no attack-pattern object (it holds 1 report, 1 malware, 1 indicator), so the campaign has no technique: ' +
        'export it again with the techniques it names (attack-pattern objects, and the uses relationships to them), or map them by hand from the report it was written from',
    ]);
    // A bundle with attack-patterns draws no such note.
    expect(report.notes.join(' ')).to.not.include('no attack-pattern');
  });

  it("takes the title of the report it was written from from a bundle's one report object, its name from its one intrusion set", () => {
    // OpenCTI's export of a report (a bundle written for the test in the shape of OpenCTI-Platform/opencti opencti-graphql/
    // tests/data/organization-sharing/20241003_Report_to_test_orga_sharing_full.json, Apache-2.0): a report whose
    // object_refs hold one intrusion set and what it uses. Before, the source's title was the actor's name (`APT28`).
    const bundle = JSON.stringify({
      type: 'bundle', id: 'bundle--f1b36847-cd8d-4f32-9754-caaa8e5a8806',
      objects: [
        { id: 'report--ce32448d-733b-5e34-ac4f-2759ce5db1ae', spec_version: '2.1', type: 'report', name: 'APT28 phishing against European governments', object_refs: ['intrusion-set--00000000-0000-4000-8000-000000000901', 'attack-pattern--00000000-0000-4000-8000-000000000902'] },
        { id: 'intrusion-set--00000000-0000-4000-8000-000000000901', spec_version: '2.1', type: 'intrusion-set', name: 'APT28' },
        { id: 'attack-pattern--00000000-0000-4000-8000-000000000902', spec_version: '2.1', type: 'attack-pattern', name: 'Spearphishing Attachment', external_references: [{ source_name: 'mitre-attack', external_id: 'T1566.001' }] },
        { id: 'relationship--00000000-0000-4000-8000-000000000903', spec_version: '2.1', type: 'relationship', relationship_type: 'uses', source_ref: 'intrusion-set--00000000-0000-4000-8000-000000000901', target_ref: 'attack-pattern--00000000-0000-4000-8000-000000000902' },
      ],
    });
    const read = extractReport(bundle, { target: loadRelease('18.1') });
    expect([read.name, read.title]).to.deep.equal(['APT28', 'APT28 phishing against European governments']);
    const chosen = extractReport(bundle, { target: loadRelease('18.1') }, { actor: 'apt28' });
    expect([chosen.name, chosen.title]).to.deep.equal(['APT28', 'APT28 phishing against European governments']);
  });

  it("reads a real Unit 42 playbook: its campaign's uses, each technique's tactics, the playbook's own report as the title", () => {
    // pan-unit42/playbook_viewer playbook_json/api-hammering-technique.json, trimmed (MIT; test/fixtures/stix/unit42).
    // Its two reports are the playbook's own and the "ATOM Campaign Report" it holds. Before, a bundle of several
    // reports gave no title, and the source was titled with the intrusion set's name.
    const file = join(repoRoot, 'test/fixtures/stix/unit42/api-hammering-technique.json');
    const source = readFileSync(file, 'utf8');
    const at = (needle: string): number => source.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const read = extractReport(source, { target: loadRelease('18.1') });
    expect([read.name, read.title]).to.deep.equal(['Zloader and BazarLoader Sandbox Evasion', 'API Hammering Technique']);
    // Each attack-pattern once, where it is written and where the campaign uses it; none of the techniques its
    // ATT&CK description links to (T1053, T1104).
    expect(read.references.map((ref) => [ref.raw, ref.tactics, ref.lines, ref.resolution?.status])).to.deep.equal([
      ['Time Based Evasion (T1497.003)', ['Defense Evasion', 'Discovery'], [at('"id": "attack-pattern--4bed873f'), at('"id": "relationship--9622f068')], 'current'],
      ['Virtualization/Sandbox Evasion (T1497)', ['Defense Evasion', 'Discovery'], [at('"id": "attack-pattern--82caa33e'), at('"id": "relationship--d71e70a5')], 'current'],
      ['Software Packing (T1027.002)', ['Defense Evasion'], [at('"id": "attack-pattern--deb98323'), at('"id": "relationship--461badf8')], 'current'],
    ]);
  });

  it("takes the description of an attack-pattern of no ATT&CK ID as its evidence, not one of ATT&CK's (OASIS's Poison Ivy bundle)", () => {
    // OASIS's Poison Ivy example as OpenCTI-Platform/opencti holds it, trimmed (Apache-2.0; test/fixtures/stix/oasis).
    // Its attack-patterns are the producer's own (CAPEC-163, Mandiant's kill chain): before, each came out as its name
    // alone, and what the report says was seen (its description) was lost to the analyst and to `--suggest`.
    const file = join(repoRoot, 'test/fixtures/stix/oasis/poison-ivy-excerpt.json');
    const source = readFileSync(file, 'utf8');
    const at = (needle: string): number => source.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const read = extractReport(source, { target: loadRelease('18.1') });
    expect(read.references.map((ref) => [ref.raw, ref.ids, ref.tactics, ref.line, ref.evidence, ref.resolution?.status])).to.deep.equal([
      [
        'Spear Phishing Attack Pattern used by admin@338', [], [], at('"id": "attack-pattern--19da6e1c'),
        [{ line: at('"id": "attack-pattern--19da6e1c'), text: 'The preferred attack vector used by admin@338 is spear-phishing emails. Using content that is relevant to the target, these emails are designed to entice the target to open an attachment that contains the malicious PIVY server code.' }],
        'unknown',
      ],
      [
        'Strategic Web Compromise Attack Pattern used by th3bug', [], [], at('"id": "attack-pattern--ea2c747d'),
        [{ line: at('"id": "attack-pattern--ea2c747d'), text: 'Attacks attributed to th3bug use a strategic Web compromise to infect targets. This approach is more indiscriminate, which probably accounts for the more disparate range of targets.' }],
        'unknown',
      ],
      [
        'Spear Phishing Attack Pattern used by menuPass', [], [], at('"id": "attack-pattern--fb6aa549'),
        [{ line: at('"id": "attack-pattern--fb6aa549'), text: 'menuPass appears to favor spear phishing to deliver payloads to the intended targets. While the attackers behind menuPass have used other RATs in their campaign, it appears that they use PIVY as their primary persistence mechanism.' }],
        'unknown',
      ],
    ]);
    // Three campaigns and no uses of an attack-pattern: named after the file, each campaign said to use none.
    expect(read.name).to.equal(undefined);
    expect(read.notes.join('\n')).to.include('3 campaign objects (admin@338, th3bug, menuPass)').and.include('admin@338 uses no technique; th3bug uses no technique; menuPass uses no technique');
  });

  describe("VECTR's campaigns (its STIX 2.0 bundle of x-vectr-io objects)", () => {
    // Written for the test in the shape of SecurityRiskAdvisors/VECTR cti/covid19-campaign.json and
    // cti/Iranian_TTP_Bundle_010920.json (VECTR's EULA, not an open licence, so not copied): campaigns list their test
    // cases by vectrId, a test case's redTeam holds its technique (mitreId, method) and name (variant), its phaseId an
    // x-vectr-io-phase whose mitreTactics are ATT&CK's. Before, such a bundle gave no reference at all, with exit 0.
    const testCase = (vectrId: string, phaseId: string, method: string, mitreId: string, variant: string): Record<string, unknown> => ({
      type: 'x-vectr-io-testcase', id: `x-vectr-io-testcase--${vectrId}`, vectrId, name: '', phaseId,
      redTeam: { status: 'NotPerformed', method, variant, objective: 'Launch an office document containing a macro', mitreId, capecId: '' },
      blueTeam: { outcomes: ['TBD'] },
    });
    const phase = (vectrId: string, name: string, mitreTactics: string[]): Record<string, unknown> => ({ type: 'x-vectr-io-phase', id: `x-vectr-io-phase--${vectrId}`, vectrId, name, mitreTactics });
    const campaign = (vectrId: string, name: string, testCaseIds: string[]): Record<string, unknown> => ({
      type: 'x-vectr-io-campaign', id: `x-vectr-io-campaign--${vectrId}`, vectrId, name, assessmentType: 'Campaign', testCaseIds,
    });
    const objects = [
      testCase('00000000-0000-4000-8000-000000000701', '00000000-0000-4000-8000-000000000711', 'User Execution', 'T1204', 'COVID-19 - Macro - Patchwork'),
      testCase('00000000-0000-4000-8000-000000000702', '00000000-0000-4000-8000-000000000712', 'Windows Management Instrumentation', 'T1047', 'OilRig - Windows Management Instrumentation'),
      phase('00000000-0000-4000-8000-000000000711', 'Initial Access', ['INITIAL_ACCESS']),
      phase('00000000-0000-4000-8000-000000000712', 'Execution', ['EXECUTION']),
    ];
    const bundle = (...campaigns: Array<Record<string, unknown>>): string =>
      JSON.stringify({ type: 'bundle', id: '00000000-0000-4000-8000-000000000700', spec_version: '2.0', objects: [...campaigns, ...objects] }, null, 1);

    it("takes each test case by its mitreId and method, with its phase's ATT&CK tactics and its name as evidence, and names the campaign", () => {
      const source = bundle(campaign('00000000-0000-4000-8000-000000000721', 'COVID-19', ['00000000-0000-4000-8000-000000000701', '00000000-0000-4000-8000-000000000702']));
      const lineIn = (needle: string): number => source.split('\n').findIndex((line) => line.includes(needle)) + 1;
      const read = extractReport(source, { target: loadRelease('18.1') });
      expect(read.name).to.equal('COVID-19');
      expect(read.references.map((ref) => [ref.raw, ref.ids, ref.tactics, ref.line, ref.evidence?.map((each) => each.text)])).to.deep.equal([
        ['User Execution (T1204)', ['T1204'], ['Initial Access'], lineIn('"x-vectr-io-testcase--00000000-0000-4000-8000-000000000701"'), ['COVID-19 - Macro - Patchwork']],
        ['Windows Management Instrumentation (T1047)', ['T1047'], ['Execution'], lineIn('"x-vectr-io-testcase--00000000-0000-4000-8000-000000000702"'), ['OilRig - Windows Management Instrumentation']],
      ]);
    });

    it('says, of an assessment of several campaigns, which techniques each holds; --actor keeps one', () => {
      const source = bundle(
        campaign('00000000-0000-4000-8000-000000000721', 'COVID-19', ['00000000-0000-4000-8000-000000000701']),
        campaign('00000000-0000-4000-8000-000000000722', 'OilRig (APT34)', ['00000000-0000-4000-8000-000000000702']),
      );
      expect(extractReport(source, { target: loadRelease('18.1') }).notes.join(' ')).to.include('COVID-19 uses T1204; OilRig (APT34) uses T1047');
      const oilRig = extractReport(source, { target: loadRelease('18.1') }, { actor: 'oilrig (apt34)' });
      expect([oilRig.name, oilRig.references.map((ref) => ref.ids[0])]).to.deep.equal(['OilRig (APT34)', ['T1047']]);
    });
  });

  describe('--actor: one intrusion set of a bundle holding several', () => {
    // An OpenCTI export's shape: intrusion sets with aliases and ATT&CK IDs, each with uses relationships to attack-patterns
    // that carry their mitre-attack external_id, and one attack-pattern both use.
    const set = (n: number, name: string, aliases: string[], attackId?: string): Record<string, unknown> => ({
      type: 'intrusion-set', spec_version: '2.1', id: `intrusion-set--00000000-0000-4000-8000-00000000010${n}`, name, aliases,
      ...(attackId ? { external_references: [{ source_name: 'mitre-attack', external_id: attackId, url: `https://attack.mitre.org/groups/${attackId}` }] } : {}),
      x_opencti_stix_ids: [],
    });
    const pattern = (n: number, name: string, attackId: string, phase: string): Record<string, unknown> => ({
      type: 'attack-pattern', spec_version: '2.1', id: `attack-pattern--00000000-0000-4000-8000-00000000020${n}`, name,
      kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: phase }],
      external_references: [{ source_name: 'mitre-attack', external_id: attackId }],
    });
    const uses = (n: number, from: number, to: number, description?: string): Record<string, unknown> => ({
      type: 'relationship', spec_version: '2.1', id: `relationship--00000000-0000-4000-8000-00000000030${n}`, relationship_type: 'uses',
      source_ref: `intrusion-set--00000000-0000-4000-8000-00000000010${from}`, target_ref: `attack-pattern--00000000-0000-4000-8000-00000000020${to}`,
      ...(description ? { description } : {}),
    });
    const export_ = (...extra: Array<Record<string, unknown>>): string =>
      JSON.stringify({
        type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000100',
        objects: [
          set(1, 'APT29', ['Cozy Bear', 'NOBELIUM'], 'G0016'),
          set(2, 'APT28', ['Fancy Bear']),
          pattern(1, 'Spearphishing Link', 'T1566.002', 'initial-access'),
          pattern(2, 'PowerShell', 'T1059.001', 'execution'),
          pattern(3, 'Pass the Hash', 'T1550.002', 'defense-evasion'),
          uses(1, 1, 1, 'APT29 sent links to its own sites'),
          uses(2, 1, 2),
          uses(3, 2, 3, 'APT28 moved laterally with stolen hashes'),
          uses(4, 2, 1, 'APT28 sent links too'),
          ...extra,
        ],
      }, null, 2);
    const text = export_();
    const target = loadRelease('18.1');

    it("keeps the attack-patterns the set's uses relationships point to, cited by those alone, and names the campaign after it", () => {
      const lines = text.split('\n');
      const lineOf = (needle: string): number => lines.findIndex((line) => line.includes(needle)) + 1;
      for (const actor of ['apt29', 'cozy bear', 'G0016', 'intrusion-set--00000000-0000-4000-8000-000000000101']) {
        const report = extractReport(text, { target }, { actor, file: 'export.json' });
        expect(report.references.map((ref) => [ref.raw, ref.tactics, ref.resolution?.ids]), actor).to.deep.equal([
          ['Spearphishing Link (T1566.002)', ['Initial Access'], ['T1566.002']],
          ['PowerShell (T1059.001)', ['Execution'], ['T1059.001']],
        ]);
        expect([report.name, report.actor, report.notes]).to.deep.equal(['APT29', 'APT29', []]);
        // APT28's relationship to the same technique is no citation of APT29's.
        const link = report.references[0]!;
        expect(link.lines).to.deep.equal([link.line, lineOf('relationship--00000000-0000-4000-8000-000000000301"')]);
        expect(link.evidence).to.deep.equal([{ line: lineOf('relationship--00000000-0000-4000-8000-000000000301"'), text: 'APT29 sent links to its own sites' }]);
      }
      const fancy = extractReport(text, { target }, { actor: 'FANCY BEAR' });
      expect(fancy.references.map((ref) => ref.resolution?.ids)).to.deep.equal([['T1566.002'], ['T1550.002']]);
      expect(fancy.references[0]!.evidence).to.deep.equal([{ line: lineOf('relationship--00000000-0000-4000-8000-000000000304"'), text: 'APT28 sent links too' }]);
      const skeleton = renderCampaignSkeleton(fancy.references, { name: fancy.name!, actor: fancy.actor!, reportFile: 'export.json' });
      expect(skeleton).to.include('name: "APT28"\nactor: "APT28"\n# sources: ').and.include('\ntechniques:\n');
    });

    it('follows attribution through an intrusion set to the threat actor chosen (STIX 2.1: intrusion-set attributed-to threat-actor)', () => {
      const attributedTo = (n: number, from: string, to: string): Record<string, unknown> => ({
        type: 'relationship', spec_version: '2.1', id: `relationship--00000000-0000-4000-8000-00000000040${n}`, relationship_type: 'attributed-to', source_ref: from, target_ref: to,
      });
      const actor = { type: 'threat-actor', spec_version: '2.1', id: 'threat-actor--00000000-0000-4000-8000-000000000501', name: 'GRU Unit 26165' };
      const withActor = export_(actor, attributedTo(1, 'intrusion-set--00000000-0000-4000-8000-000000000102', actor.id));
      const report = extractReport(withActor, { target }, { actor: 'GRU Unit 26165' });
      expect(report.references.map((ref) => [ref.ids[0], ref.usedBy])).to.deep.equal([['T1566.002', ['intrusion set APT28']], ['T1550.002', ['intrusion set APT28']]]);
      expect(report.notes[0]).to.match(/^the bundle attributes intrusion set APT28 to GRU Unit 26165, so its uses relationships are taken too: 2 of the 2 techniques only through it/);
    });

    it('names the file and lists the intrusion sets when the name matches none, or several', () => {
      const none = (): unknown => extractReport(text, { target }, { actor: 'Lazarus', file: 'export.json' });
      expect(none).to.throw(InputError, "export.json: actor: 'Lazarus' names no intrusion set, campaign or threat actor of the bundle (by name, alias, ATT&CK ID or STIX id); it holds intrusion sets: APT29, APT28");
      const twice = export_(set(3, 'Cozy Duke', ['cozy bear']));
      expect(() => extractReport(twice, { target }, { actor: 'Cozy Bear', file: 'export.json' })).to.throw(
        InputError,
        "export.json: actor: 'Cozy Bear' names 2 intrusion sets of the bundle: APT29 (intrusion-set--00000000-0000-4000-8000-000000000101), " +
          'Cozy Duke (intrusion-set--00000000-0000-4000-8000-000000000103); give the STIX id of the one meant',
      );
      // A report's text is no bundle: the name is its actor, checked against the release (`reportActor`), never refused.
      const report = extractReport('The group used T1566.002.', { target }, { actor: 'cozy bear', file: 'report.txt' });
      expect([report.actor, report.notes[0]]).to.deep.equal(['APT29', `actor: 'cozy bear' is group G0016 APT29 of ATT&CK ${target.label}: the campaign's actor is APT29`]);
    });
  });

  describe('--actor: what the bundle attributes to the intrusion set chosen', () => {
    // ATT&CK's own data, as a feed (OpenCTI's MITRE connector) carries it: ATT&CK 18.1 attributes campaigns to groups
    // (C0024 SolarWinds Compromise and C0023 Operation Ghost to G0016 APT29; C0052 SPACEHOP Activity to both G0004
    // Ke3chang and G1023 APT5) and ties each technique the campaign used to the campaign, not again to the group. The
    // bundle is cut from the release at run time: those groups, their campaigns and the relationships and techniques.
    const attackId = (object: RawStixObject): string | undefined =>
      (object['external_references'] as Array<{ source_name: string; external_id?: string }> | undefined)?.find((ref) => ref.source_name === 'mitre-attack')?.external_id;
    const release = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects;
    const byStixId = new Map(release.map((object) => [object.id, object]));
    const groups = release.filter((object) => object.type === 'intrusion-set' && ['G0016', 'G0004', 'G1023'].includes(attackId(object) ?? ''));
    const attributions = release.filter((object) => object['relationship_type'] === 'attributed-to' && groups.some((group) => group.id === object['target_ref']));
    const actors = new Set([...groups.map((group) => group.id), ...attributions.map((relationship) => String(relationship['source_ref']))]);
    const uses = release.filter((object) => object['relationship_type'] === 'uses' && actors.has(String(object['source_ref'])) && String(object['target_ref']).startsWith('attack-pattern--'));
    const patterns = new Set(uses.map((relationship) => String(relationship['target_ref'])));
    const objects = release.filter((object) => actors.has(object.id) || attributions.includes(object) || uses.includes(object) || patterns.has(object.id));
    const text = JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000400', objects }, null, 2);
    const target = loadRelease('18.1');
    // The techniques an actor's uses relationships point to, read from the release directly.
    const usedBy = (actor: string): Set<string> =>
      new Set(uses.filter((relationship) => relationship['source_ref'] === actor).map((relationship) => attackId(byStixId.get(String(relationship['target_ref']))!)!));
    const named = (type: string, id: string): RawStixObject => objects.find((object) => object.type === type && attackId(object) === id)!;
    const [apt29, solarWinds, ghost] = [named('intrusion-set', 'G0016'), named('campaign', 'C0024'), named('campaign', 'C0023')];

    it("takes the uses of the campaigns attributed to the group, and says which actor used each technique (APT29: C0024, C0023)", () => {
      const report = extractReport(text, { target }, { actor: 'APT29', file: 'apt29.json' });
      const own = usedBy(apt29.id);
      const campaigns = new Set([...usedBy(solarWinds.id), ...usedBy(ghost.id)]);
      expect(new Set(report.references.flatMap((ref) => ref.ids))).to.deep.equal(new Set([...own, ...campaigns]));
      const onlyCampaigns = [...campaigns].filter((id) => !own.has(id));
      expect(onlyCampaigns.length).to.be.greaterThan(10);
      for (const ref of report.references) {
        const id = ref.ids[0]!;
        const expected = [
          ...(own.has(id) ? ['APT29'] : []),
          ...(usedBy(ghost.id).has(id) ? ['campaign Operation Ghost (C0023)'] : []),
          ...(usedBy(solarWinds.id).has(id) ? ['campaign SolarWinds Compromise (C0024)'] : []),
        ];
        expect(ref.usedBy, id).to.deep.equal(expected);
      }
      expect(report.notes).to.deep.equal([
        'the bundle attributes campaign Operation Ghost (C0023), campaign SolarWinds Compromise (C0024) to APT29, so their uses relationships are taken too: ' +
          `${onlyCampaigns.length} of the ${own.size + onlyCampaigns.length} techniques only through them, not by APT29's own; ` +
          "each technique says which used it (`# used by:` in the skeleton, `usedBy` in the JSON); delete those that are not the actor's",
      ]);
      // T1560.001 Archive via Utility is the SolarWinds Compromise's (7-Zip), not in APT29's own uses: the skeleton says so
      // above the item, and its evidence names the campaign.
      const archive = report.references.find((ref) => ref.ids[0] === 'T1560.001')!;
      expect(archive.usedBy).to.deep.equal(['campaign SolarWinds Compromise (C0024)']);
      const [said] = archive.evidence!;
      expect(said!.by).to.equal('campaign SolarWinds Compromise (C0024)');
      expect(said!.line).to.be.a('number');
      expect(said!.text).to.match(/^During the \[SolarWinds Compromise\]/);
      const skeleton = renderCampaignSkeleton(report.references, { name: report.name!, actor: report.actor!, reportFile: 'apt29.json' });
      expect(skeleton).to.include(
        "  # used by: campaign SolarWinds Compromise (C0024), attributed to APT29; not by APT29's own uses relationships\n" +
          '  - ref: "Archive via Utility (T1560.001)"\n',
      );
      // Its evidence field keeps the campaign, not the relationship's line, which its source: cites.
      const item = (parse(skeleton) as { techniques: Array<{ ref: string; evidence?: string }> }).techniques.find((t) => t.ref === archive.raw)!;
      expect(item.evidence).to.equal(`campaign SolarWinds Compromise (C0024): ${JSON.stringify(said!.text)}`);
      // A campaign chosen alone is taken without the group it is attributed to.
      const campaign = extractReport(text, { target }, { actor: 'C0024' });
      expect(new Set(campaign.references.flatMap((ref) => ref.ids))).to.deep.equal(usedBy(solarWinds.id));
      expect([campaign.actor, campaign.notes, campaign.references.some((ref) => ref.usedBy)]).to.deep.equal(['SolarWinds Compromise', [], false]);
    });

    it("leaves the attributed campaigns out with campaigns: false (--no-campaigns), for the group's own uses, and says so", async () => {
      const report = extractReport(text, { target }, { actor: 'APT29', campaigns: false });
      expect(new Set(report.references.flatMap((ref) => ref.ids))).to.deep.equal(usedBy(apt29.id));
      expect(report.references.some((ref) => ref.usedBy)).to.equal(false);
      expect(report.notes).to.deep.equal([
        'the bundle attributes campaign Operation Ghost (C0023), campaign SolarWinds Compromise (C0024) to APT29; left out (campaigns: false), with the techniques only they used',
      ]);
      const file = join(freshTmpDir('bundle'), 'apt29.json');
      writeFileSync(file, text);
      const cli = await runCli(['extract', file, '--actor', 'APT29', '--no-campaigns', '--json']);
      expect(cli.code).to.equal(0);
      expect(new Set((JSON.parse(cli.stdout) as { references: Array<{ ids: string[] }> }).references.flatMap((ref) => ref.ids))).to.deep.equal(usedBy(apt29.id));
      const without = await runCli(['extract', file, '--no-campaigns']);
      expect([without.code, without.stderr]).to.deep.equal([2, 'attack-layers extract: --no-campaigns leaves out the campaigns a STIX bundle attributes to the actor --actor chooses: give --actor too\nRun `attack-layers extract --help` for usage.\n']);
    });

    it("takes a campaign attributed to two groups for each, and neither group's own uses for the other (C0052: Ke3chang, APT5)", () => {
      const spacehop = named('campaign', 'C0052');
      const [ke3chang, apt5] = [named('intrusion-set', 'G0004'), named('intrusion-set', 'G1023')];
      for (const [name, group, other] of [['Ke3chang', ke3chang, apt5], ['APT5', apt5, ke3chang]] as const) {
        const report = extractReport(text, { target }, { actor: name });
        const ids = new Set(report.references.flatMap((ref) => ref.ids));
        expect(ids, name).to.deep.equal(new Set([...usedBy(group.id), ...usedBy(spacehop.id)]));
        const otherOnly = [...usedBy(other.id)].filter((id) => !usedBy(group.id).has(id) && !usedBy(spacehop.id).has(id));
        expect(otherOnly, name).to.not.be.empty;
        expect(otherOnly.filter((id) => ids.has(id)), name).to.deep.equal([]);
        expect(report.notes[0], name).to.match(new RegExp(`^the bundle attributes campaign SPACEHOP Activity \\(C0052\\) to ${name}, so its uses`));
      }
    });

  });

  describe('the software', () => {
    const target = loadRelease('18.1');
    const lineIn = (source: string, needle: string): number => source.split('\n').findIndex((line) => line.includes(needle)) + 1;
    /** MISP's STIX export of the event, with `extra` objects added. */
    const exported = (...extra: Array<Record<string, unknown>>): string => {
      const bundle = JSON.parse(MISP_EXPORT) as { objects: Array<Record<string, unknown>> };
      bundle.objects.push(...extra);
      return JSON.stringify(bundle, null, 4);
    };

    it("is each malware object MISP's STIX export names with its S-ID (BISCUIT - S0017), as the same event read as MISP JSON gives it", () => {
      const fromBundle = extractReport(MISP_EXPORT, { target });
      const fromEvent = extractReport(MISP_EVENT, { target });
      const facts = (objects: typeof fromBundle.objects): unknown[] => objects.map(({ id, name, kind, written, note }) => ({ id, name, kind, written, note }));
      expect(facts(fromBundle.objects)).to.deep.equal(facts(fromEvent.objects)).and.to.deep.equal([{ id: 'S0017', name: 'BISCUIT', kind: 'software', written: 'BISCUIT', note: 'S0017 BISCUIT' }]);
      const line = lineIn(MISP_EXPORT, '"id": "malware--b8eb28e4-48a6-40ae-951a-328714f75eda"');
      expect(fromBundle.objects[0]!.from).to.deep.equal([`malware--b8eb28e4-48a6-40ae-951a-328714f75eda (mitre-malware), line ${line}`]);
      const skeleton = renderCampaignSkeleton(fromBundle.references, { name: fromBundle.name!, reportFile: 'event.json', objects: fromBundle.objects });
      expect(skeleton).to.include(
        `software:\n  # from: malware--b8eb28e4-48a6-40ae-951a-328714f75eda (mitre-malware), line ${line}\n  - ref: "BISCUIT"\n    comment: "S0017 BISCUIT; named at event.json:${line}; NEEDS REVIEW"\n`,
      );
    });

    it('is a tool by its ATT&CK reference (cmd, S0106); not a malware of another galaxy (Malpedia); one ATT&CK lacks is noted', () => {
      // The tool as misp_galaxies_to_stix20.md (MISP/misp-stix, BSD-2-Clause) gives a mitre-tool cluster's STIX object,
      // its description left out; the Malpedia malware in the layout of Cisco Talos's bundles (Cisco-Talos/IOCs
      // 2024/02/tinyturla-ng.json; no licence stated, so paraphrased).
      const text = exported(
        {
          type: 'tool', id: 'tool--bba595da-b73a-4354-aa6c-224d4de7cb4e', created: '2020-10-25T16:22:00.000Z', modified: '2020-10-25T16:22:00.000Z', name: 'cmd',
          labels: ['misp:galaxy-name="Tool"', 'misp:galaxy-type="mitre-tool"'],
          external_references: [{ source_name: 'mitre-attack', external_id: 'S0106' }, { source_name: 'url', url: 'https://attack.mitre.org/software/S0106' }],
        },
        { type: 'malware', id: 'malware--00000000-0000-4000-8000-000000000501', name: 'SomeImplant', labels: ['misp:galaxy-name="Malpedia"', 'misp:galaxy-type="malpedia"'] },
        { type: 'malware', id: 'malware--00000000-0000-4000-8000-000000000502', name: 'NoSuchImplant - S9999', labels: ['misp:name="Malware"'] },
      );
      const report = extractReport(text, { target });
      expect(report.objects.map((object) => [object.id, object.written])).to.deep.equal([['S0017', 'BISCUIT'], ['S0106', 'cmd']]);
      expect(report.notes.join('\n'))
        .to.include('1 software object names no current software of ATT&CK 18.1')
        .and.include('"NoSuchImplant - S9999" at malware--00000000-0000-4000-8000-000000000502')
        .and.not.include('SomeImplant');
      expect(extractReport(text).notes).to.deep.equal(['3 software objects not looked up without ATT&CK data: "BISCUIT - S0017", "cmd", "NoSuchImplant - S9999"']);
    });

    it("is, with --actor, only the software the actor's uses relationships point to", () => {
      const playbook = JSON.parse(readFileSync(PLAYBOOK, 'utf8')) as { objects: Array<Record<string, unknown>> };
      playbook.objects.push(
        { type: 'tool', id: 'tool--00000000-0000-4000-8000-000000000601', name: 'cmd', external_references: [{ source_name: 'mitre-attack', external_id: 'S0106' }] },
        { type: 'malware', id: 'malware--00000000-0000-4000-8000-000000000602', name: 'BISCUIT', external_references: [{ source_name: 'mitre-attack', external_id: 'S0017' }] },
        {
          type: 'relationship', id: 'relationship--00000000-0000-4000-8000-000000000603', relationship_type: 'uses',
          source_ref: 'intrusion-set--00000000-0000-4000-8000-000000000003', target_ref: 'tool--00000000-0000-4000-8000-000000000601',
        },
      );
      const bundle = JSON.stringify(playbook, null, 2);
      expect(extractReport(bundle, { target }).objects.map((object) => object.id)).to.deep.equal(['S0106', 'S0017']);
      expect(extractReport(bundle, { target }, { actor: 'Example Group' }).objects.map((object) => object.id)).to.deep.equal(['S0106']);
    });
  });

  describe("the actor of MISP's threat-actor attributes", () => {
    // MISP's STIX export writes an attribute of type `threat-actor` as a custom object, as Cisco Talos's bundles hold
    // them (Cisco-Talos/IOCs 2024/10/uat-5647-romcom.json, two of them; no licence stated, so only the layout is taken
    // and the names are made up), added here to MISP/misp-stix's export of the documentation's event.
    const actorObject = (n: number, value: string): Record<string, unknown> => ({
      type: 'x-misp-attribute', id: `x-misp-attribute--00000000-0000-4000-8000-00000000070${n}`,
      labels: ['misp:type="threat-actor"', 'misp:category="Attribution"'], x_misp_category: 'Attribution', x_misp_type: 'threat-actor', x_misp_value: value,
    });
    const withObjects = (...extra: Array<Record<string, unknown>>): string => {
      const bundle = JSON.parse(MISP_EXPORT) as { objects: Array<Record<string, unknown>> };
      bundle.objects.push(...extra);
      return JSON.stringify(bundle, null, 4);
    };

    it("is the one a bundle of no actor object names, as the same event read as MISP JSON gives it; the campaign keeps its report's name", () => {
      const bundle = extractReport(withObjects(actorObject(1, 'Example Actor')));
      const event = JSON.parse(MISP_EVENT) as { Event: { Attribute: unknown[] } };
      event.Event.Attribute.push({ type: 'threat-actor', category: 'Attribution', value: 'Example Actor', to_ids: false });
      expect([bundle.actor, bundle.name]).to.deep.equal(['Example Actor', 'MISP-STIX-Converter test event']);
      expect(extractReport(JSON.stringify(event, null, 4)).actor).to.equal(bundle.actor);
      // Not where the bundle holds an actor object, which names the campaign.
      const withActor = extractReport(withObjects(actorObject(1, 'Example Actor'), { type: 'threat-actor', id: 'threat-actor--00000000-0000-4000-8000-000000000703', name: 'Turla Group' }));
      expect([withActor.actor, withActor.name]).to.deep.equal([undefined, 'Turla Group']);
    });

    it('is none of several, which a note names; --actor chooses one, and one that names none is an input error', () => {
      const text = withObjects(actorObject(1, 'Example Actor'), actorObject(2, 'UAT-0000'));
      const lineOf = (needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
      const report = extractReport(text, { target: loadRelease('18.1') });
      expect(report.actor).to.equal(undefined);
      expect(report.notes).to.deep.equal([
        `the bundle's MISP threat-actor attributes name 2 actors (Example Actor at x-misp-attribute--00000000-0000-4000-8000-000000000701, line ${lineOf('000000000701"')}; ` +
          `UAT-0000 at x-misp-attribute--00000000-0000-4000-8000-000000000702, line ${lineOf('000000000702"')}), so the campaign has no actor: \`extractReport\`'s \`actor\` option names the one meant`,
      ]);
      const chosen = extractReport(text, undefined, { actor: 'uat-0000' });
      expect([chosen.actor, chosen.name, chosen.references.map((ref) => ref.raw)]).to.deep.equal(['UAT-0000', 'MISP-STIX-Converter test event', ['Access Token Manipulation (T1134)']]);
      expect(() => extractReport(text, undefined, { actor: 'Lazarus', file: 'talos.json' }))
        .to.throw(InputError)
        .with.property('message', "talos.json: actor: 'Lazarus' names none of the bundle's actors: it holds no intrusion set, campaign or threat actor, and its MISP threat-actor attributes name Example Actor, UAT-0000");
    });
  });
});
