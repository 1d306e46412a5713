/**
 * extract reads a STIX bundle of threat intelligence by its objects. A Unit 42 playbook (pan-unit42/playbook_viewer,
 * STIX 2.0) was read as text: each attack-pattern's name came out with the JSON's quote (`T1064: Scripting"`), and
 * every technique its ATT&CK description links to (Active Scanning's cites T1593, T1596, T1587, T1588, T1133, T1190)
 * became a reference. The bundle here is written for the test, modelled on the playbook.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { extractReport } from '../../lib/extract/extract-report.js';
import { renderCampaignSkeleton } from '../../lib/index.js';
import { fixtureFile, loadRelease } from '../helpers/attack.js';

/** A bundle written for the tests, modelled on a Unit 42 playbook (`test/regressions/threat-intel-bundle.test.ts` too). */
const PLAYBOOK = fixtureFile('threat-intel-playbook.json');

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
    expect(link!.evidence).to.deep.equal([`line ${relationship}: "Seen in emails sent from multiple countries"`]);
    expect(report.name).to.equal('Example Group');
    const skeleton = renderCampaignSkeleton(report.references, { name: report.name!, reportFile: 'playbook.json' });
    expect(skeleton).to.include(`  # evidence: line ${relationship}: "Seen in emails sent from multiple countries"\n  - ref: "Spearphishing Link (T1566.002)"\n`);
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
        'by their uses relationships, Example Group uses T1566.002; Second Group uses Phishing (keep one campaign per actor where they are separate)',
    ]);
    expect(report.notes).to.deep.equal([]);
  });
});
