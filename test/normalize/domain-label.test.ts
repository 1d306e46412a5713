/**
 * A reference that names its ATT&CK domain, as reports that map Enterprise and Mobile (or ICS) techniques side by side
 * write it: NCSC's Infamous Chisel malware analysis report (August 2023, Sandworm's Android malware) lists `T1398
 * (Mobile) Boot or Logon Initialization Scripts`, `T1406 (Mobile) Obfuscated Files or Information`, `T1420 (Mobile)
 * File and Directory Discovery` beside Enterprise rows (`T1572 Protocol Tunnelling`); Mobile's T1398 and T1406 have the
 * exact names of Enterprise's T1037 and T1027. The domain named decides which release reads the reference; one the
 * campaign's domain does not share is said, never read in the campaign's matrix. Read against the 18.1 releases in
 * ../shared/attack-stix.
 */
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { parseCampaign } from '../../lib/campaign/read-campaign.js';
import { campaignReleases, normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import type { ReferenceResult } from '../../lib/normalize/normalize-types.js';
import { readDomainLabel } from '../../lib/normalize/domain-label.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';

describe('readDomainLabel', () => {
  const rows: ReadonlyArray<readonly [string, ReturnType<typeof readDomainLabel>]> = [
    ['T1420 (Mobile) File and Directory Discovery', { domain: 'mobile-attack', written: '(Mobile)', rest: 'T1420 File and Directory Discovery' }],
    ['T1398 (Mobile ATT&CK)', { domain: 'mobile-attack', written: '(Mobile ATT&CK)', rest: 'T1398' }],
    ['[Mobile] T1398', { domain: 'mobile-attack', written: '[Mobile]', rest: 'T1398' }],
    ['T0866 (ICS)', { domain: 'ics-attack', written: '(ICS)', rest: 'T0866' }],
    ['T0866 (ATT&CK for ICS)', { domain: 'ics-attack', written: '(ATT&CK for ICS)', rest: 'T0866' }],
    ['ICS: T0866', { domain: 'ics-attack', written: 'ICS:', rest: 'T0866' }],
    ['Mobile - T1474.003', { domain: 'mobile-attack', written: 'Mobile -', rest: 'T1474.003' }],
    ['Screen Capture (Enterprise)', { domain: 'enterprise-attack', written: '(Enterprise)', rest: 'Screen Capture' }],
    ['Abuse of iOS Enterprise App Signing Key', undefined],
    ['Mobile', undefined],
    ['(Mobile)', undefined],
    ['T1398 (Mobile) or T0866 (ICS)', undefined],
    ['Windows Management Instrumentation (WMI)', undefined],
  ];
  for (const [raw, expected] of rows) it(`reads ${JSON.stringify(raw)}`, () => expect(readDomainLabel(raw)).to.deep.equal(expected));
});

describe('references that name their domain, in a campaign (enterprise, mobile and ICS 18.1)', () => {
  let library: AttackLibrary;
  before(() => {
    library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
  });
  const normalize = (domain: string, refs: readonly string[]): Map<string, ReferenceResult> => {
    const text = [`name: Domain labels`, `domain: ${domain}`, 'techniques:', ...refs.map((ref) => `  - ref: "${ref}"`), ''].join('\n');
    const campaign = parseCampaign(text, 'domain-labels.yaml');
    return new Map(normalizeCampaign(campaign, campaignReleases(campaign, library)).references.map((r) => [r.raw, r]));
  };
  const outcome = (r: ReferenceResult | undefined): unknown => [r?.status, r?.ids, r?.candidates.map((c) => c.id)];

  it('reads a name with another domain named in that domain: Mobile T1406, never Enterprise T1027 of the same name', () => {
    const refs = normalize('enterprise-attack', ['Obfuscated Files or Information (Mobile)', 'Mobile: Boot or Logon Initialization Scripts', 'Screen Capture (Mobile)']);
    expect(outcome(refs.get('Obfuscated Files or Information (Mobile)'))).to.deep.equal(['other domain', [], ['T1027']]);
    expect(refs.get('Obfuscated Files or Information (Mobile)')!.note).to.equal(
      '"Obfuscated Files or Information (Mobile)" names ATT&CK Mobile ("(Mobile)"): in mobile-attack 18.1 it is T1406 Obfuscated Files or Information, ' +
        'not in enterprise-attack: set `domain: mobile-attack` for a Mobile campaign, or keep Mobile techniques in a campaign of their own; ' +
        'in enterprise-attack, "Obfuscated Files or Information" is T1027 Obfuscated Files or Information: write it without "(Mobile)" if that one is meant',
    );
    expect(outcome(refs.get('Mobile: Boot or Logon Initialization Scripts'))).to.deep.equal(['other domain', [], ['T1037']]);
    expect(outcome(refs.get('Screen Capture (Mobile)'))).to.deep.equal(['other domain', [], ['T1113']]);
  });

  it('says an ID the domain named does not have (T1059 (Mobile), T1566 (ICS) in an enterprise campaign): ambiguous, the campaign\'s technique a candidate only', () => {
    const refs = normalize('enterprise-attack', ['T1059 (Mobile)', 'T1566 (ICS)']);
    expect(outcome(refs.get('T1059 (Mobile)'))).to.deep.equal(['ambiguous', [], ['T1059']]);
    expect(refs.get('T1059 (Mobile)')!.note).to.equal(
      '"T1059 (Mobile)" names ATT&CK Mobile ("(Mobile)"), but mobile-attack 18.1 has no technique "T1059"; in enterprise-attack it is T1059 ' +
        'Command and Scripting Interpreter: write it without "(Mobile)" if that one is meant, else the Mobile technique\'s ID or name',
    );
    expect(outcome(refs.get('T1566 (ICS)'))).to.deep.equal(['ambiguous', [], ['T1566']]);
  });

  it('reads a reference that names the campaign\'s own domain as it reads it without (NCSC\'s rows in a Mobile campaign)', () => {
    const rows = ['T1398 (Mobile) Boot or Logon Initialization Scripts', 'T1406 (Mobile) Obfuscated Files or Information', 'T1420 (Mobile) File and Directory Discovery', '[Mobile] T1398', 'Mobile - T1474.003', 'Screen Capture (Mobile)'];
    const refs = normalize('mobile-attack', rows);
    expect(rows.map((raw) => [raw, refs.get(raw)?.ids])).to.deep.equal([
      [rows[0], ['T1398']],
      [rows[1], ['T1406']],
      [rows[2], ['T1420']],
      [rows[3], ['T1398']],
      [rows[4], ['T1474.003']],
      [rows[5], ['T1513']],
    ]);
    const ics = normalize('ics-attack', ['T0866 (ICS)', 'ICS: T0866']);
    expect([...ics.values()].map((r) => [r.status, r.ids])).to.deep.equal([['current', ['T0866']], ['current', ['T0866']]]);
  });

  it('says an Enterprise name or ID labelled Enterprise in a Mobile or ICS campaign is Enterprise\'s, never the campaign matrix\'s namesake', () => {
    const mobile = normalize('mobile-attack', ['Screen Capture (Enterprise)', 'Enterprise: T1059']);
    expect(outcome(mobile.get('Screen Capture (Enterprise)'))).to.deep.equal(['other domain', [], ['T1513']]);
    expect(outcome(mobile.get('Enterprise: T1059'))).to.deep.equal(['other domain', [], []]);
    const ics = normalize('ics-attack', ['Screen Capture (Mobile)']);
    expect(outcome(ics.get('Screen Capture (Mobile)'))).to.deep.equal(['other domain', [], ['T0852']]);
  });

  it('says a reference naming the campaign\'s domain whose ID is another\'s (T1059 (Mobile) in a Mobile campaign)', () => {
    const r = normalize('mobile-attack', ['T1059 (Mobile)']).get('T1059 (Mobile)')!;
    expect([r.status, r.note]).to.deep.equal([
      'other domain',
      '"T1059 (Mobile)" names ATT&CK Mobile ("(Mobile)"), but T1059 is an Enterprise technique (Command and Scripting Interpreter in enterprise-attack 18.1), ' +
        'not in mobile-attack: set `domain: enterprise-attack` for an Enterprise campaign, or keep Enterprise techniques in a campaign of their own',
    ]);
  });
});
