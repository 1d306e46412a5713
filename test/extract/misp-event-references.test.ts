/**
 * extract reads a MISP event in MISP's own JSON format by its galaxies and tags. It was read as text: the campaign was
 * named after the file, a mitigation's cluster (`Automated Exfiltration Mitigation - T1020`) became technique T1020,
 * the group a malware cluster's description names (`used by APT1`) became the actor, and no date was kept. The events
 * are MISP/misp-stix's own examples (documentation/misp_events_to_stix20.md, BSD-2-Clause; test/fixtures/misp/README.md):
 * real MISP exports, whose clusters give a CAPEC ID as `meta.external_id` (`CAPEC-633` for T1134). Where a case needs
 * what those examples lack (a threat actor, a mobile galaxy, a malformed entry), it is added to them, as said.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { extractReport } from '../../lib/extract/extract-report.js';
import { mispEventReport } from '../../lib/extract/misp-event-references.js';
import { InputError, UsageError, kindOfValue, parseCampaign, renderCampaignSkeleton } from '../../lib/index.js';
import { freshTmpDir, loadRelease, repoRoot, runCli } from '../helpers/attack.js';

const fixture = (name: string): string => readFileSync(join(repoRoot, 'test/fixtures/misp', name), 'utf8');
const WITH_GALAXY = fixture('misp-stix-event-with-galaxy.json');
const ATTRIBUTE_GALAXY = fixture('misp-stix-event-attribute-galaxy.json');
const lineOf = (text: string, needle: string, after = 0): number => text.split('\n').findIndex((line, i) => i >= after && line.includes(needle)) + 1;

/** The event with galaxy, changed by `edit` (its parsed `Event`), as pretty JSON. */
function edited(edit: (event: Record<string, unknown[]> & Record<string, unknown>) => void): string {
  const value = JSON.parse(WITH_GALAXY) as { Event: Record<string, unknown[]> & Record<string, unknown> };
  edit(value.Event);
  return JSON.stringify(value, null, 4);
}

describe('extract: a MISP event (MISP JSON)', () => {
  const target = loadRelease('18.1');

  it("takes each technique of an event's attack-pattern galaxy and tags once, by the ID its value ends with (not a CAPEC external_id), citing every place", () => {
    const report = extractReport(WITH_GALAXY, { target });
    const cluster = lineOf(WITH_GALAXY, '"value": "Access Token Manipulation - T1134"');
    const tag = lineOf(WITH_GALAXY, 'Access Token Manipulation - T1134\\""');
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.lines ?? [ref.line], ref.resolution?.ids])).to.deep.equal([
      ['Access Token Manipulation (T1134)', ['T1134'], [cluster, tag], ['T1134']],
      // Code Signing, a tag without its cluster, is revoked in favour of the sub-technique.
      ['Code Signing (T1116)', ['T1116'], [lineOf(WITH_GALAXY, 'Code Signing - T1116')], ['T1553.002']],
    ]);
    expect(report.references[0]!.from).to.deep.equal([`Event.Galaxy[0].GalaxyCluster[0] (mitre-attack-pattern), line ${cluster}`, `Event.Tag[1] (tag), line ${tag}`]);
    expect(report.references.flatMap((ref) => ref.ids)).to.not.include('CAPEC-633');
  });

  it('cites each place of a technique at its own line when the text writes them in another order than they are read', () => {
    // MISP writes an event's Attribute list before its Galaxy list; the cluster the example tags on the event is
    // here also on an attribute, which is read after the event's galaxies but comes first in the text.
    const value = JSON.parse(WITH_GALAXY) as { Event: Record<string, unknown> };
    const { Galaxy, ...rest } = value.Event;
    const text = JSON.stringify({ Event: { ...rest, Attribute: [{ type: 'comment', value: 'x', Galaxy }], Galaxy } }, null, 4);
    const attribute = lineOf(text, '"value": "Access Token Manipulation - T1134"');
    const event = lineOf(text, '"value": "Access Token Manipulation - T1134"', attribute);
    expect(mispEventReport(text)!.references[0]!.from).to.deep.equal([
      `Event.Galaxy[0].GalaxyCluster[0] (mitre-attack-pattern), line ${event}`,
      `Event.Tag[1] (tag), line ${lineOf(text, 'Access Token Manipulation - T1134\\""')}`,
      `Event.Attribute[0].Galaxy[0].GalaxyCluster[0] (mitre-attack-pattern), line ${attribute}`,
    ]);
  });

  it("names the campaign for the event's info and dates it by its date", () => {
    const report = extractReport(WITH_GALAXY, { target });
    expect([report.name, report.firstSeen]).to.deep.equal(['MISP-STIX-Converter test event', '2020-10-25']);
    const skeleton = renderCampaignSkeleton(report.references, { name: report.name!, reportFile: 'event.json', ...(report.firstSeen ? { firstSeen: report.firstSeen } : {}) });
    expect(skeleton).to.include('name: "MISP-STIX-Converter test event"\nfirst_seen: "2020-10-25"\n');
    expect(skeleton).to.include(`  # from: Event.Tag[0] (tag), line ${lineOf(WITH_GALAXY, 'Code Signing - T1116')}\n  - ref: "Code Signing (T1116)"\n`);
  });

  it("reads an attribute's galaxy, and notes the mitigation cluster it cannot place instead of taking its ID", () => {
    const report = extractReport(ATTRIBUTE_GALAXY, { target });
    expect(report.references.map((ref) => [ref.raw, ref.from])).to.deep.equal([
      ['Access Token Manipulation (T1134)', [`Event.Attribute[0].Galaxy[0].GalaxyCluster[0] (mitre-attack-pattern), line ${lineOf(ATTRIBUTE_GALAXY, '"value": "Access Token Manipulation - T1134"')}`]],
    ]);
    expect(report.references.flatMap((ref) => ref.ids)).to.not.include('T1020');
    expect(report.actor).to.equal(undefined);
    expect(report.notes).to.have.length(1);
    expect(report.notes[0]).to.include('misp-galaxy:mitre-course-of-action="Automated Exfiltration Mitigation - T1020"').and.not.include('BISCUIT');
  });

  it("takes the attribute a technique's cluster or tag is on as its evidence: its type, value and comment", () => {
    // MISP/misp-stix's documented event (BSD-2-Clause): the domain attribute circl.lu, commented "Domain test
    // attribute", carries the Access Token Manipulation cluster. Before, the reference had no evidence at all.
    const report = extractReport(ATTRIBUTE_GALAXY, { target });
    expect(report.references.map((ref) => [ref.ids, ref.evidence])).to.deep.equal([
      [['T1134'], [{ text: 'domain circl.lu: Domain test attribute', line: lineOf(ATTRIBUTE_GALAXY, '"value": "circl.lu"') }]],
    ]);
    // An event's own tags and clusters are on no attribute: no evidence.
    expect(extractReport(WITH_GALAXY, { target }).references.every((ref) => ref.evidence === undefined)).to.equal(true);
  });

  describe('the software', () => {
    const cluster = lineOf(ATTRIBUTE_GALAXY, '"value": "BISCUIT - S0017"');

    it("is the event's mitre-malware cluster, found in the release by its ID and citing its place, as software a report's text names", () => {
      const report = extractReport(ATTRIBUTE_GALAXY, { target });
      expect(report.objects).to.deep.equal([
        { id: 'S0017', name: 'BISCUIT', kind: 'software', written: 'BISCUIT', span: { line: cluster, start: 0, end: 0 }, lines: [cluster], note: 'S0017 BISCUIT', from: [`Event.Galaxy[0].GalaxyCluster[0] (mitre-malware), line ${cluster}`] },
      ]);
      const skeleton = renderCampaignSkeleton(report.references, { name: report.name!, reportFile: 'event.json', objects: report.objects });
      expect(skeleton).to.include(
        `software:\n  # from: Event.Galaxy[0].GalaxyCluster[0] (mitre-malware), line ${cluster}\n  - ref: "BISCUIT"\n    comment: "S0017 BISCUIT; named at event.json:${cluster}; NEEDS REVIEW"\n`,
      );
    });

    // The examples tag no software: MISP's tags of a tool, of the malware cluster again, and of one ATT&CK lacks are added.
    it('is each mitre-tool and mitre-malware tag too, one entry per software citing every place; one the release lacks is noted, not dropped', () => {
      const tagged = JSON.parse(ATTRIBUTE_GALAXY) as { Event: { Tag?: unknown[] } };
      tagged.Event.Tag = [{ name: 'misp-galaxy:mitre-tool="Mimikatz - S0002"' }, { name: 'misp-galaxy:mitre-malware="BISCUIT - S0017"' }, { name: 'misp-galaxy:mitre-malware="NoSuchImplant - S9999"' }];
      const text = JSON.stringify(tagged, null, 4);
      const report = extractReport(text, { target });
      const at = (needle: string): number => lineOf(text, needle);
      expect(report.objects.map((object) => [object.id, object.written, object.from])).to.deep.equal([
        ['S0017', 'BISCUIT', [`Event.Galaxy[0].GalaxyCluster[0] (mitre-malware), line ${at('"value": "BISCUIT - S0017"')}`, `Event.Tag[1] (tag), line ${at('BISCUIT - S0017\\"')}`]],
        ['S0002', 'Mimikatz', [`Event.Tag[0] (tag), line ${at('Mimikatz - S0002')}`]],
      ]);
      expect(report.notes.join('\n')).to.include('1 software cluster and tag name no current software of ATT&CK 18.1').and.include('"NoSuchImplant - S9999" at Event.Tag[2] (tag)');
    });

    it("is each mitre-ics-software cluster, by the first of the names its value joins, and tells no domain", () => {
      // As MISP/misp-galaxy clusters/mitre-ics-software.json gives it (CC0-1.0): no S-ID, the software's names joined.
      const ics = edited((event) => {
        event['Galaxy']!.push({ type: 'mitre-ics-software', GalaxyCluster: [{ type: 'mitre-ics-software', value: 'Backdoor.Oldrea, Havex', meta: { 'Associated Software Descriptions': ['Backdoor.Oldrea', 'Havex'] } }] });
      });
      const report = extractReport(ics, { target });
      expect(report.objects.map((object) => [object.id, object.written, object.from?.map((place) => place.replace(/, line \d+$/, ''))])).to.deep.equal([
        ['S0093', 'Backdoor.Oldrea', ['Event.Galaxy[1].GalaxyCluster[0] (mitre-ics-software)']],
      ]);
      expect(report.domain).to.equal(undefined);
      expect(report.notes.join('\n')).to.not.include('Havex');
    });

    it('is noted, not dropped, without ATT&CK data', () => {
      expect(extractReport(ATTRIBUTE_GALAXY).notes.join('\n')).to.include('1 software cluster and tag not looked up without ATT&CK data: "BISCUIT - S0017"');
    });
  });

  it("reads the REST search's list of events, every event's techniques, and says it holds several", () => {
    const list = JSON.stringify({ response: [JSON.parse(WITH_GALAXY), JSON.parse(ATTRIBUTE_GALAXY)] }, null, 4);
    const report = extractReport(list, { target });
    expect(report.references.map((ref) => [ref.raw, ref.from?.map((place) => place.replace(/, line \d+$/, ''))])).to.deep.equal([
      ['Access Token Manipulation (T1134)', ['response[0].Event.Galaxy[0].GalaxyCluster[0] (mitre-attack-pattern)', 'response[0].Event.Tag[1] (tag)', 'response[1].Event.Attribute[0].Galaxy[0].GalaxyCluster[0] (mitre-attack-pattern)']],
      ['Code Signing (T1116)', ['response[0].Event.Tag[0] (tag)']],
    ]);
    expect(report.name).to.equal(undefined);
    expect(report.notes[0]).to.match(/^the file holds 2 MISP events/);
    expect(kindOfValue(JSON.parse(list))).to.equal('misp-event');
    expect(kindOfValue(JSON.parse(WITH_GALAXY))).to.equal('misp-event');
  });

  describe("the attributes of a search (/attributes/restSearch's { response: { Attribute } })", () => {
    // The shape of MISP's answer (MISP/MISP app/Lib/Export/JsonExport.php): each attribute with its event_id, its
    // Event, and a Tag list holding its own tags and its event's, marked inherited. The example's attribute (with its
    // galaxies) is given that shape; its event's tags, the other example's, are the inherited ones.
    const attribute = (JSON.parse(ATTRIBUTE_GALAXY) as { Event: { Attribute: Array<Record<string, unknown>> } }).Event.Attribute[0]!;
    const eventTags = (JSON.parse(WITH_GALAXY) as { Event: { Tag: Array<Record<string, unknown>> } }).Event.Tag.map((tag) => ({ ...tag, inherited: 1 }));
    const of = (id: string, info: string, tags: unknown[], galaxies = true): Record<string, unknown> => ({
      ...attribute,
      ...(galaxies ? {} : { Galaxy: [] }),
      event_id: id,
      Event: { id, info },
      Tag: tags,
    });
    const search = (...attributes: unknown[]): string => JSON.stringify({ response: { Attribute: attributes } }, null, 4);

    it("reads each attribute's galaxies and tags, saying its event, and an event's inherited tag once, at its first place", () => {
      const text = search(of('42', 'MISP-STIX-Converter test event', [{ name: 'misp-galaxy:mitre-tool="Mimikatz - S0002"' }, ...eventTags]), of('42', 'MISP-STIX-Converter test event', eventTags, false));
      const report = mispEventReport(text)!;
      const places = report.references.map((ref) => [ref.raw, ref.from?.map((place) => place.replace(/, line \d+$/, ''))]);
      expect(places).to.deep.equal([
        ['Access Token Manipulation (T1134)', ['response.Attribute[0].Galaxy[0].GalaxyCluster[0] (mitre-attack-pattern, event 42)', 'response.Attribute[0].Tag[2] (tag inherited from event 42)']],
        ['Code Signing (T1116)', ['response.Attribute[0].Tag[1] (tag inherited from event 42)']],
      ]);
      expect(report.references[1]!.line).to.equal(lineOf(text, 'Code Signing - T1116'));
      expect(report.software.map((each) => each.from)).to.deep.equal([[`response.Attribute[0].Tag[0] (tag, event 42), line ${lineOf(text, 'Mimikatz - S0002')}`]]);
      expect(report.name).to.equal('MISP-STIX-Converter test event');
      expect(kindOfValue(JSON.parse(text))).to.equal('misp-event');
    });

    it('of several events is one campaign, named after the file, with a note naming them', () => {
      const report = mispEventReport(search(of('42', 'first', []), of('43', 'second', [{ name: 'misp-galaxy:mitre-attack-pattern="Phishing - T1566"' }], false)))!;
      expect(report.references.map((ref) => ref.ids[0])).to.deep.equal(['T1134', 'T1566']);
      expect(report.name).to.equal(undefined);
      expect(report.notes.join('\n')).to.include(`the search's attributes are of 2 MISP events (42 "first", 43 "second")`);
    });

    it('extract (CLI) writes its campaign', async () => {
      const file = join(freshTmpDir('misp'), 'attributes.json');
      writeFileSync(file, search(of('42', 'MISP-STIX-Converter test event', eventTags)));
      const result = await runCli(['extract', file]);
      expect(result.code).to.equal(0);
      expect(result.stdout).to.include('name: "MISP-STIX-Converter test event"\n').and.include('  - ref: "Access Token Manipulation (T1134)"\n').and.include('  - ref: "Code Signing (T1116)"\n');
    });
  });

  // The examples name no actor: a threat-actor tag as MISP writes one, and ATT&CK's group cluster, are added.
  describe('the actor', () => {
    const oneActor = edited((event) => event['Tag']!.push({ name: 'misp-galaxy:threat-actor="APT29"' }));
    const twoActors = edited((event) => {
      event['Tag']!.push({ name: 'misp-galaxy:threat-actor="APT29"' });
      event['Galaxy']!.push({ type: 'mitre-intrusion-set', GalaxyCluster: [{ value: 'APT28 - G0007', meta: { synonyms: ['Fancy Bear', 'Sofacy'] } }] });
    });

    it('is the one threat-actor or intrusion-set cluster or tag', () => {
      expect(extractReport(oneActor, { target }).actor).to.equal('APT29');
    });

    it('is none of several, which a note names; --actor chooses one by name, synonym or group ID', () => {
      const report = extractReport(twoActors, { target });
      expect(report.actor).to.equal(undefined);
      expect(report.notes.join('\n')).to.include('the event names 2 actors (APT28 at Event.Galaxy[1].GalaxyCluster[0]; APT29 at Event.Tag[2])');
      expect(extractReport(twoActors, { target }, { actor: 'sofacy' }).actor).to.equal('APT28');
      expect(extractReport(twoActors, { target }, { actor: 'G0007' }).actor).to.equal('APT28');
    });

    it('refuses campaigns: false (--no-campaigns), which only a STIX bundle\'s attributed campaigns give a meaning', () => {
      expect(() => extractReport(twoActors, { target }, { actor: 'APT28', campaigns: false, file: 'event.json' }))
        .to.throw(UsageError)
        .with.property('message', 'event.json: campaigns: false leaves out the campaigns a STIX bundle of threat intelligence attributes to the actor the actor option chooses; a MISP event attributes none: leave campaigns: false out');
    });

    it('--actor that names none of them is an input error naming the file and the actors', () => {
      expect(() => mispEventReport(twoActors, { actor: 'Lazarus', file: 'event.json' }))
        .to.throw(InputError)
        .with.property('message', "event.json: actor: 'Lazarus' names no threat-actor or intrusion-set cluster or tag of the MISP event (by name, synonym or ATT&CK ID); it names APT28, APT29");
    });

    // MISP's attribute type `threat-actor` ("A string identifying the threat actor", category Attribution, as MISP's
    // AttributesTable defines it); Cisco Talos's events name their actors so (Cisco-Talos/IOCs 2024/10/uat-5647-romcom.json,
    // whose STIX export holds two: no licence stated, so only the layout is taken, the names made up).
    const actorAttribute = (value: string): Record<string, unknown> => ({ type: 'threat-actor', category: 'Attribution', value, to_ids: false });

    it('is, where no cluster or tag names one, the one threat-actor attribute; of several, none, and a note names them', () => {
      const one = edited((event) => event['Attribute']!.push(actorAttribute('Example Actor')));
      expect(mispEventReport(one)!.actor).to.equal('Example Actor');
      // A cluster or tag that names one is the actor, not the attribute.
      const both = edited((event) => {
        event['Tag']!.push({ name: 'misp-galaxy:threat-actor="APT29"' });
        event['Attribute']!.push(actorAttribute('Example Actor'));
      });
      expect(mispEventReport(both)!.actor).to.equal('APT29');
      const two = edited((event) => event['Attribute']!.push(actorAttribute('Example Actor'), actorAttribute('UAT-0000')));
      const report = mispEventReport(two)!;
      expect(report.actor).to.equal(undefined);
      expect(report.notes.join('\n')).to.include('the event names 2 actors (Example Actor at Event.Attribute[0] (threat-actor attribute); UAT-0000 at Event.Attribute[1] (threat-actor attribute))');
      expect(mispEventReport(two, { actor: 'uat-0000' })!.actor).to.equal('UAT-0000');
      expect(() => mispEventReport(two, { actor: 'Lazarus', file: 'event.json' }))
        .to.throw(InputError)
        .with.property('message', "event.json: actor: 'Lazarus' names no threat-actor cluster, tag or attribute of the MISP event (by name); it names Example Actor, UAT-0000");
    });
  });

  it("reads a mobile galaxy's techniques in the mobile domain", () => {
    // MISP's older per-domain galaxy (before 2019), as a tag; the example's enterprise ones are removed.
    const mobile = edited((event) => {
      event['Galaxy'] = [];
      event['Tag'] = [{ name: 'misp-galaxy:mitre-mobile-attack-attack-pattern="Capture SMS Messages - T1412"' }];
    });
    expect(mispEventReport(mobile)?.domain).to.equal('mobile-attack');
    expect(mispEventReport(WITH_GALAXY)?.domain).to.equal(undefined);
  });

  it("reads an ICS technique cluster (mitre-ics-techniques) by its old wiki ID, T800 as T0800, in the ICS domain", () => {
    // The cluster as MISP/misp-galaxy clusters/mitre-ics-techniques.json gives it (CC0-1.0): a bare name for its value,
    // the ID of ATT&CK for ICS's first wiki in meta (description and procedures left out).
    const ics = edited((event) => {
      event['Galaxy'] = [
        {
          type: 'mitre-ics-techniques',
          GalaxyCluster: [{ type: 'mitre-ics-techniques', value: 'Activate Firmware Update Mode', meta: { Tactic: ['Inhibit Response Function'], 'Technique ID': ['T800'] } }],
        },
      ];
      event['Tag'] = [];
    });
    const report = extractReport(ics, { target: loadRelease('18.1', 'ics-attack') });
    expect(report.domain).to.equal('ics-attack');
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.resolution?.ids])).to.deep.equal([['Activate Firmware Update Mode (T0800)', ['T0800'], ['T0800']]]);
  });

  it("reads Tidal Cyber's technique clusters by meta.technique_attack_id, their tags (the name alone) as the same technique, and its groups' cluster as the actor", () => {
    // The clusters as MISP/misp-galaxy clusters/tidal-technique.json and tidal-groups.json give them (CC0-1.0; the
    // description left out): Tidal names a technique as ATT&CK does, without the ID, which meta gives; its galaxies' types
    // are `technique` and `groups`. Before, all of them were noted as naming no ATT&CK technique or actor: no reference.
    const tidal = edited((event) => {
      event['Galaxy'] = [
        {
          name: 'Tidal Technique', type: 'technique', namespace: 'tidal',
          GalaxyCluster: [
            { type: 'technique', value: 'Bypass User Account Control', tag_name: 'misp-galaxy:technique="Bypass User Account Control"', meta: { source: 'MITRE', technique_attack_id: 'T1548.002' } },
            { type: 'technique', value: 'Spearphishing Attachment', tag_name: 'misp-galaxy:technique="Spearphishing Attachment"', meta: { source: ['MITRE'], technique_attack_id: ['T1566.001'] } },
          ],
        },
        { name: 'Tidal Groups', type: 'groups', namespace: 'tidal', GalaxyCluster: [{ type: 'groups', value: 'APT29', meta: { group_attack_id: ['G0016'] } }] },
      ];
      event['Tag'] = [{ name: 'misp-galaxy:technique="Bypass User Account Control"' }, { name: 'misp-galaxy:technique="Spearphishing Attachment"' }, { name: 'misp-galaxy:groups="APT29"' }];
      event['Attribute'] = [];
      event['Object'] = [];
    });
    const report = extractReport(tidal, { target: loadRelease('18.1') });
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.lines?.length, ref.resolution?.ids])).to.deep.equal([
      ['Bypass User Account Control (T1548.002)', ['T1548.002'], 2, ['T1548.002']],
      ['Spearphishing Attachment (T1566.001)', ['T1566.001'], 2, ['T1566.001']],
    ]);
    expect(report.actor).to.equal('APT29');
    expect(report.notes.join(' ')).to.not.include('misp-galaxy:technique');
  });

  it("reads Tidal Cyber's software clusters as software, by meta.software_attack_id where their source is MITRE", () => {
    // The clusters as MISP/misp-galaxy clusters/tidal-software.json gives them (CC0-1.0; description, tags and related
    // left out): the galaxy's type is `software`; AdFind is ATT&CK's S0552; 7-Zip is Tidal's own S5023 (source `Tidal
    // Cyber`), no ATT&CK ID. Before, both were noted as naming no ATT&CK technique, software or actor.
    const tidal = edited((event) => {
      event['Galaxy'] = [
        {
          name: 'Tidal Software', type: 'software', namespace: 'tidal',
          GalaxyCluster: [
            { type: 'software', value: 'AdFind', tag_name: 'misp-galaxy:software="AdFind"', meta: { platforms: ['Windows'], software_attack_id: 'S0552', source: 'MITRE', type: ['tool'] } },
            { type: 'software', value: '7-Zip', tag_name: 'misp-galaxy:software="7-Zip"', meta: { platforms: ['Windows'], software_attack_id: 'S5023', source: 'Tidal Cyber', type: ['tool'] } },
          ],
        },
      ];
      event['Tag'] = [{ name: 'misp-galaxy:software="AdFind"' }];
      event['Attribute'] = [];
      event['Object'] = [];
    });
    const read = mispEventReport(tidal)!;
    expect(read.software?.map((each) => [each.written, each.id, each.lines.length])).to.deep.equal([
      ['AdFind', 'S0552', 2],
      ['7-Zip', undefined, 1],
    ]);
    expect(read.notes?.join(' ') ?? '').to.not.include('misp-galaxy:software');
  });

  it('reports a malformed entry and reads the rest', () => {
    const broken = edited((event) => {
      event['Tag']!.unshift({ colour: '#0088cc' });
      (event['Galaxy']![0] as { GalaxyCluster: unknown[] }).GalaxyCluster.push('T1059');
    });
    const report = mispEventReport(broken)!;
    expect(report.references.map((ref) => ref.raw)).to.deep.equal(['Access Token Manipulation (T1134)', 'Code Signing (T1116)']);
    expect(report.notes).to.deep.equal([
      "2 entries are not of MISP's format and were skipped, the rest read: Event.Galaxy[0].GalaxyCluster[1] is no object; Event.Tag[0] has no name",
    ]);
  });

  it("notes an event report, whose Markdown is not read, and reads the event's tags", () => {
    // MISP's own export of a spear-phishing event (MISP/MISP EventsController.php) has one such report; its shape is added here.
    const withReport = edited((event) => {
      event['EventReport'] = [{ name: 'Original mail received', content: '# Original email\n\n- @[tag](misp-galaxy:mitre-attack-pattern="Exfiltration Over C2 Channel - T1041")' }];
    });
    const report = mispEventReport(withReport)!;
    expect(report.references.map((ref) => ref.ids[0])).to.deep.equal(['T1134', 'T1116']);
    expect(report.notes).to.deep.equal([
      '1 event report (Event.EventReport[0] "Original mail received") is Markdown, not galaxies or tags, so only the techniques tagged on the event are read: ' +
        'to read what a report cites, save its content as text and extract that',
    ]);
  });

  it('extract (CLI) writes the campaign of the event, which render reads', async () => {
    const dir = freshTmpDir('misp');
    const file = join(dir, 'event.json');
    writeFileSync(file, ATTRIBUTE_GALAXY);
    const result = await runCli(['extract', file]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.include('name: "MISP-STIX-Converter test event"\nfirst_seen: "2021-06-15"\n').and.include('  - ref: "Access Token Manipulation (T1134)"\n');
    // Its notes stand under the header as comments; the campaign's lines have no T1020.
    expect(result.stdout.replace(/^#.*\n/gm, '')).to.not.include('T1020').and.not.include('actor:');
    // The report is the event: its info, which extract reads as the name, is the source's title (a file name is no URL).
    expect(result.stdout).to.include('sources:\n  - title: "MISP-STIX-Converter test event"\ntechniques:\n');
    expect(result.stdout).to.include('software:\n').and.include('  - ref: "BISCUIT"\n');
    expect(result.stderr).to.include(`${file}: 1 tag and galaxy cluster name no ATT&CK technique, software or actor`);
    const json = await runCli(['extract', file, '--json']);
    expect((JSON.parse(json.stdout) as { objects: Array<{ id: string }> }).objects.map((object) => object.id)).to.deep.equal(['S0017']);
    const campaign = join(dir, 'event.yaml');
    writeFileSync(campaign, result.stdout);
    expect((await runCli(['render', campaign, '--out', join(dir, 'layers'), '--quiet'])).code).to.equal(0);
  });

  it('other commands refuse it and name extract', async () => {
    const file = join(freshTmpDir('misp'), 'event.json');
    writeFileSync(file, WITH_GALAXY);
    const result = await runCli(['suggest', file]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include(`${file}: this is a MISP event in MISP's JSON format (or a list of them, or the attributes of a search), not a report's text; `).and.include(`attack-layers extract ${file}`);
  });

  it("says an event that tags no technique has none, and names the analysis it links (ESET's SignSight event)", () => {
    const event = fixture('eset-signsight-excerpt.json');
    const report = mispEventReport(event)!;
    expect(report.references).to.deep.equal([]);
    expect(report.name).to.equal('Operation SignSight: Supply-chain attack against a certification authority in Southeast Asia');
    expect(report.notes).to.deep.equal([
      'the event tags no ATT&CK technique (no cluster or tag of an attack-pattern galaxy, mitre-attack-pattern), so the campaign has none: ' +
        'map the techniques by hand from the analysis it links: https://www.welivesecurity.com/2020/12/17/operation-signsight-supply-chain-attack-southeast-asia ' +
        `(response[0].Event.Attribute[0], line ${lineOf(event, '"value": "https:')})`,
    ]);
    // An event with techniques gets no such note.
    expect(mispEventReport(WITH_GALAXY)!.notes.join('\n')).not.to.include('tags no ATT&CK technique');
  });

  it("takes the analysis an event links (ESET's SignSight event, a link attribute) as its source's url, and the skeleton reads back", async () => {
    const event = fixture('eset-signsight-excerpt.json');
    expect(mispEventReport(event)!.url).to.equal('https://www.welivesecurity.com/2020/12/17/operation-signsight-supply-chain-attack-southeast-asia');
    const dir = freshTmpDir('misp-link');
    const file = join(dir, 'signsight.json');
    writeFileSync(file, event);
    const result = await runCli(['extract', file]);
    expect(result.code).to.equal(0);
    const campaign = parseCampaign(result.stdout, 'signsight.yaml');
    expect(campaign.sources).to.deep.equal([
      {
        title: 'Operation SignSight: Supply-chain attack against a certification authority in Southeast Asia',
        url: 'https://www.welivesecurity.com/2020/12/17/operation-signsight-supply-chain-attack-southeast-asia',
      },
    ]);
    const json = JSON.parse((await runCli(['extract', file, '--json'])).stdout) as { url?: string };
    expect(json.url).to.equal('https://www.welivesecurity.com/2020/12/17/operation-signsight-supply-chain-attack-southeast-asia');
  });

  it('names the other analyses an event links, the first being the url; a link that is no web address is none', () => {
    const value = JSON.parse(fixture('eset-signsight-excerpt.json')) as { response: Array<{ Event: { Attribute: Array<Record<string, unknown>> } }> };
    const attributes = value.response[0]!.Event.Attribute;
    attributes.unshift({ ...attributes[0], value: 'welivesecurity.com (blog)' });
    attributes.push({ ...attributes[0], value: 'https://github.com/eset/malware-ioc/tree/master/signsight' });
    const report = mispEventReport(JSON.stringify(value, null, 2))!;
    expect(report.url).to.equal('https://www.welivesecurity.com/2020/12/17/operation-signsight-supply-chain-attack-southeast-asia');
    expect(report.notes).to.include(
      'the event links 2 analyses: the source\'s url is the first, https://www.welivesecurity.com/2020/12/17/operation-signsight-supply-chain-attack-southeast-asia; ' +
        'add the others under sources if the campaign is theirs too: https://github.com/eset/malware-ioc/tree/master/signsight',
    );
  });
});
