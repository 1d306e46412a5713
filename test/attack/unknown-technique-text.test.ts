// unknownTechniqueText and what it is built on, against real releases (ATTACK_STIX_DIR): enterprise 14.1 with 16.1, 17.1
// and 18.1 at hand, and ICS 18.1.
import { expect } from 'chai';
import { noReleaseNumberText, unknownTechniqueBrief, unknownTechniqueFinding, unknownTechniquesText, unknownTechniqueText, type UnknownTechniqueAdvice } from '../../lib/attack/index.js';
import { loadRelease } from '../helpers/attack.js';

/** A caller's words, with the ID it is told to act on, so that a test sees which ID that is. */
const advice: UnknownTechniqueAdvice = { does: 'holds it', withIt: 'use it', inRelease: (later, id) => `use ${id} in ${later.release}`, inDomain: (domains) => `use it in ${domains.join(' or ')}` };

describe('unknownTechniqueText', function () {
  this.timeout(120_000);

  // Enterprise 18.1 has no sub-technique of a technique 14.1 lacks (counted over the releases at hand: every 18.1
  // sub-technique missing from 14.1, 52, is of a technique 14.1 has); T1677 (Poisoned Pipeline Execution, new in 18)
  // has none, so T1677.001 was told "check the ID, or fetch a newer release", as if 18.1 were not at hand.
  it('a sub-technique no release at hand has, of a technique only a newer one has (T1677.001 in 14.1): names that technique there', () => {
    const text = unknownTechniqueText('T1677.001', loadRelease('14.1'), advice);
    expect(text).to.equal(
      'T1677.001 is not a technique in enterprise-attack 14.1 nor in a newer release at hand: the technique it is a sub-technique of, ' +
        'T1677 Poisoned Pipeline Execution, is in enterprise-attack 18.1, with no sub-technique there: fix the ID, or for T1677 itself, use T1677 in 18.1',
    );
  });

  // ATT&CK 6.3 had no sub-techniques; T1566 Phishing came with 7.
  it('names the sub-techniques the newer release has of that technique (T1566.009 in 6.3: Phishing in 18.1)', () => {
    expect(unknownTechniqueText('T1566.009', loadRelease('6.3'), advice)).to.equal(
      'T1566.009 is not a technique in enterprise-attack 6.3 nor in a newer release at hand: the technique it is a sub-technique of, T1566 Phishing, ' +
        'is in enterprise-attack 18.1, with sub-techniques T1566.001, T1566.002, T1566.003, T1566.004 there: fix the ID, or for T1566 itself, use T1566 in 18.1',
    );
  });

  it('a sub-technique a newer release at hand has is that release\'s (T1059.012 in 14.1), as before', () => {
    expect(unknownTechniqueText('T1059.012', loadRelease('14.1'), advice)).to.equal(
      'T1059.012 is not a technique in enterprise-attack 14.1; it is T1059.012 Command and Scripting Interpreter: Hypervisor CLI in enterprise-attack 18.1, ' +
        'a newer release at hand: use T1059.012 in 18.1',
    );
  });

  it('the short form says the same finding (gap\'s rules library tags)', () => {
    expect(unknownTechniqueBrief('T1677.001', loadRelease('14.1'), advice)).to.equal(
      'a sub-technique no release at hand has, of T1677 Poisoned Pipeline Execution, an ATT&CK 18.1 technique not in 14.1: fix the ID, or for T1677 itself, use T1677 in 18.1',
    );
    expect(unknownTechniqueBrief('attack.t1677', loadRelease('14.1'), advice)).to.equal(
      'an ATT&CK 18.1 technique, T1677 Poisoned Pipeline Execution, not in 14.1: use T1677 in 18.1',
    );
  });

  // Sigma writes `attack.t0896`; a layer or a rule may write `t0896`. The ICS check read the ID's first five characters
  // (`attac`), so an ICS ID past ICS 18.1's newest (T0895) written so was taken for another numbering's and got no text.
  for (const spelling of ['T0896', 't0896', 'attack.t0896', 'ATTACK.T0896']) {
    it(`an ICS ID past ICS 18.1's newest, written ${spelling}: a newer ICS release's`, () => {
      expect(unknownTechniqueText(spelling, loadRelease('18.1', 'ics-attack'), advice)).to.equal(
        `${spelling} is not a technique in ics-attack 18.1: its number is past 18.1's newest technique (T0895), as a newer ATT&CK release's IDs are: ` +
          'get that release with `attack-layers data fetch --domain ics --attack-release N` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) and use it',
      );
    });
  }

  // An enterprise ID in ICS was left to the caller's words: gap and normalize said "if it comes from a newer ATT&CK release,
  // get it with `attack-layers data fetch`" (which fetches ICS, that will never have it), validate "fix the ID".
  it('an enterprise ID in ICS is another numbering\'s, in every spelling (T1059, attack.t1059, t1059, and SigmaHQ\'s ATT&CK 19 T1685): said so, with the domains that number so', () => {
    for (const spelling of ['T1059', 'attack.t1059', 't1059', 'attack.t1685']) {
      expect(unknownTechniqueText(spelling, loadRelease('18.1', 'ics-attack'), advice)).to.equal(
        `${spelling} is not a technique in ics-attack 18.1: it is numbered T1xxx, as Enterprise and Mobile techniques are, not T0xxx, as ICS techniques are, ` +
          'so no ics-attack release will have it: a technique of enterprise-attack or mobile-attack, or a typo; use it in enterprise-attack or mobile-attack',
      );
    }
  });

  it('an ICS ID in enterprise or mobile (T0899, which no release at hand has) is ICS\'s numbering: said so', () => {
    expect(unknownTechniqueFinding('T0899', loadRelease('18.1'))).to.include({ kind: 'other domain' }).and.to.have.deep.property('domains', ['ics-attack']);
    expect(unknownTechniqueText('T0899', loadRelease('18.1', 'mobile-attack'), advice)).to.equal(
      'T0899 is not a technique in mobile-attack 18.1: it is numbered T0xxx, as ICS techniques are, not T1xxx, as Mobile techniques are, ' +
        'so no mobile-attack release will have it: a technique of ics-attack, or a typo; use it in ics-attack',
    );
  });

  // atomic-threat-coverage's format 2.1 profiles hold T0069 (test/fixtures/layers/public/atc-testcustomer2-2.1.json):
  // below T0800, no domain numbers it, so it is no ICS technique either, and is said as any unknown ID is.
  it('an ID below T0800 (T0069) is no domain\'s numbering: no finding, in enterprise as in ICS', () => {
    expect(unknownTechniqueFinding('T0069', loadRelease('18.1'))).to.equal(undefined);
    expect(unknownTechniqueFinding('T0069', loadRelease('18.1', 'ics-attack'))).to.equal(undefined);
    expect(unknownTechniqueFinding('T0800', loadRelease('18.1'))).to.include({ kind: 'other domain' });
  });

  // ICS numbers T0800 to T0895 (18.1), enterprise and mobile T1001 to T1681 (every release at hand): no domain numbers
  // T9001, far past ICS's newest as past enterprise's. validate said "fix the ID" beside ICS, where gap said a team's.
  it('a team\'s number in ICS (T9001, attack.t9001) is a team\'s, as in enterprise: no domain numbers from T2000', () => {
    const ics = loadRelease('18.1', 'ics-attack');
    expect(unknownTechniqueFinding('attack.t9001', ics)?.kind).to.equal('team');
    expect(unknownTechniqueText('T9001', ics, advice)).to.match(/^T9001 is numbered far past T0895 of ics-attack 18\.1, MITRE's newest technique, as a team numbers its own/);
  });

  it('a team\'s number written as Sigma writes it (attack.t9001) is a team\'s, as T9001 is, not a newer release\'s', () => {
    const text = (spelling: string) => unknownTechniqueText(spelling, loadRelease('18.1'), advice);
    expect(text('attack.t9001')).to.equal(text('T9001')!.replace(/^T9001/, 'attack.t9001'));
    expect(text('attack.t9001')).to.match(/^attack\.t9001 is numbered far past T1681 of enterprise-attack 18\.1/);
  });
});

describe('unknownTechniquesText: several IDs, grouped by what they are and the release', function () {
  this.timeout(120_000);
  const words = (many: boolean): UnknownTechniqueAdvice => ({ does: 'holds it', withIt: `use ${many ? 'them' : 'it'}`, inRelease: (later) => `use ${later.release} for ${many ? 'them' : 'it'}`, inDomain: (domains) => `use it in ${domains.join(' or ')}` });

  it('names the techniques a newer release at hand has, and says the others past its newest as unknownTechniqueText does (12.1)', () => {
    const release = loadRelease('12.1');
    const findings = ['T1653', 'T1654', 'T1685', 'T1686.003'].map((id) => unknownTechniqueFinding(id, release)!);
    const one = unknownTechniqueText('T1685', release, words(false))!;
    expect(unknownTechniquesText(findings, release, words)).to.equal(
      'T1653 Power Settings, T1654 Log Enumeration are in enterprise-attack 18.1, a newer release at hand: use 18.1 for them; ' +
        `T1685, T1686.003 are numbered ${one.slice(one.indexOf('past 18.1')).replace(/use it$/, 'use them')}`,
    );
  });
});

describe('noReleaseNumberText reads the ID in every spelling that reaches it', () => {
  // `attack.t1551.004` was read as number NaN (its characters 1 to 5, `ttac`), so no text; `t1551.004` was said as
  // "ATT&CK left t1551 unused".
  it('attack.t1551.004 and t1551.004: ATT&CK left T1551 unused', () => {
    for (const spelling of ['T1551.004', 't1551.004', 'attack.t1551.004']) {
      expect(noReleaseNumberText(spelling)).to.match(new RegExp(`^${spelling.replace(/\./g, '\\.')} is in no enterprise, mobile or ICS release \\(ATT&CK left T1551 unused, `));
      expect(noReleaseNumberText(spelling)).to.contain("pre-release's sub-technique");
    }
  });

  it('attack.t1254: a PRE-ATT&CK number; attack.t1254.001 none (PRE-ATT&CK had no sub-techniques)', () => {
    expect(noReleaseNumberText('attack.t1254')).to.match(/^attack\.t1254 is in no enterprise, mobile or ICS release \(none has a technique from T1224 to T1397/);
    expect(noReleaseNumberText('attack.t1254.001')).to.equal(undefined);
    expect(noReleaseNumberText('PRE-T1254')).to.equal(undefined);
  });
});
