/**
 * An acronym is no misspelling of another acronym. `Exfiltration Over SMB (T1048.002)`, as a real incident-response lab
 * write-up maps its exfiltration, was read as a typo of T1052.001 `Exfiltration over USB` (one letter away) and the
 * reference dropped as a conflict; `FTP` is no typo of `SFTP` either. Letters swapped in an acronym (`LSSAS`, LSASS)
 * and typos of ordinary words (`Spearphising`) stay forgiven. The report lines below are written for this test, after
 * real ones found by their words (an IR lab's mapping table, an incident report's findings, a Suricata rule's comment).
 */
import { expect } from 'chai';
import { AttackLibrary, campaignReleases, normalizeCampaign, parseCampaign } from '../../lib/index.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { acronymsKept } from '../../lib/name-distance.js';
import type { ReferenceStatus } from '../../lib/normalize/normalize-types.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { loadRelease, stixDir, testCacheDir } from '../helpers/attack.js';

describe('acronyms are not corrected into other acronyms', () => {
  describe('acronymsKept', () => {
    const rows: ReadonlyArray<readonly [written: string, known: string, kept: boolean]> = [
      ['Exfiltration over SMB', 'exfiltration over usb', false],
      ['Exfiltration over FTP', 'exfiltration over sftp', false],
      ['Credential Dumping: LSSAS Memory', 'os credential dumping: lsass memory', true],
      ['Exfiltration over UBS', 'exfiltration over usb', true],
      ['Spearphising Link', 'spearphishing link', true],
      ['Remote Services: SMB/Windows Admin Shres', 'remote services: smb/windows admin shares', true],
      // A name all in capitals is a heading's typography: its words are no acronyms.
      ['EXFILTRATION OVER SMB', 'exfiltration over usb', true],
    ];
    for (const [written, known, kept] of rows) {
      it(`${kept ? 'lets' : 'does not let'} "${written}" be read as "${known}"`, () => {
        expect(acronymsKept(written, known)).to.equal(kept);
      });
    }
  });

  describe('resolveReference (ATT&CK 18.1)', () => {
    const rows: ReadonlyArray<readonly [raw: string, tactics: string[], status: ReferenceStatus, ids: string[]]> = [
      ['Exfiltration over SMB (T1048)', [], 'current', ['T1048']],
      ['Exfiltration Over SMB (T1048.002)', [], 'current', ['T1048.002']],
      ['Exfiltration over SMB', [], 'unknown', []],
      // Swapped letters and misspelt words are still typos.
      ['Exfiltration over UBS', [], 'fuzzy', ['T1052.001']],
      ['Spearphising Link', ['Initial Access'], 'fuzzy', ['T1566.002']],
    ];
    for (const [raw, tactics, status, ids] of rows) {
      it(`resolves ${JSON.stringify(raw)} as ${status} ${ids.join(', ') || '(none)'}`, () => {
        const result = resolveReference({ raw, tactics }, { target: loadRelease('18.1') });
        expect(result.status, result.note).to.equal(status);
        expect(result.ids).to.deep.equal(ids);
        if (!raw.includes('UBS')) expect(result.warnings.join(' ')).not.to.match(/USB/);
      });
    }

    it('still reads "LSSAS Memory (T1003.001)" as a misspelling of LSASS Memory', () => {
      const result = resolveReference({ raw: 'Credential Dumping: LSSAS Memory (T1003.001)', tactics: [] }, { target: loadRelease('18.1') });
      expect([result.status, result.ids, result.warnings]).to.deep.equal(['current', ['T1003.001'], []]);
      expect(result.note).to.match(/misspelling of OS Credential Dumping: LSASS Memory/);
    });
  });

  it('extract keeps the ID beside "Exfiltration Over SMB" and names no USB technique', () => {
    const text = [
      '**Tactic:** Exfiltration (TA0010)',
      '**Technique:** Exfiltration Over SMB (T1048.002)',
      '- **Exfiltration over FTP (T1048.003)**: the archive left through the DMZ FTP server.',
    ].join('\n');
    const refs = extractReport(text, { target: loadRelease('18.1') }).references;
    expect(refs.map((ref) => [ref.name, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
      ['Exfiltration Over SMB', 'current', ['T1048.002']],
      ['Exfiltration over FTP', 'current', ['T1048.003']],
    ]);
    expect(refs.flatMap((ref) => ref.resolution?.warnings ?? []).join(' ')).not.to.match(/USB|T1052/);
  });

  // ATT&CK 18.1 names T1048 `Exfiltration Over Alternative Protocol` and its description lists the alternate protocols
  // ("FTP, SMTP, HTTP/S, DNS, SMB"); its sub-techniques are those protocols encrypted or not (`Exfiltration Over
  // Unencrypted Non-C2 Protocol`). A name that writes the protocol in the place of `Alternative Protocol` names the
  // technique as FTP did (spelt out as File Transfer Protocols), so none of them is warned of; a protocol the
  // description does not name (RDP), and SMB beside T1041 Exfiltration Over C2 Channel, still are.
  describe('a protocol the technique\'s description names ties the name to it, as FTP did', () => {
    const rows: ReadonlyArray<readonly [line: string, warned: boolean]> = [
      ['Exfiltration over FTP (T1048)', false],
      ['Exfiltration over SMB (T1048)', false],
      ['Exfiltration over DNS (T1048)', false],
      ['Exfiltration Over SMB (T1048.002)', false],
      ['Exfiltration over HTTPS (T1048.002)', false],
      ['Exfiltration over RDP (T1048)', true],
      ['Exfiltration over SMB (T1041)', true],
    ];
    for (const [line, warned] of rows) {
      it(`${warned ? 'warns of' : 'takes without a warning'} ${line}`, () => {
        const [ref] = extractReport(line, { target: loadRelease('18.1') }).references;
        expect(ref?.resolution?.status).to.equal('current');
        if (warned) expect(ref!.resolution!.warnings.join(' ')).to.match(/shares with it only "exfiltration"/);
        else expect(ref!.resolution!.warnings).to.deep.equal([]);
      });
    }
  });

  it('normalize of a campaign file keeps T1048 written as "Exfiltration over SMB (T1048)"', () => {
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const campaign = parseCampaign('name: x\ntechniques:\n  - ref: Exfiltration over SMB (T1048)\n    tactic: Exfiltration\n', 'campaigns/test.yaml');
    const result = normalizeCampaign(campaign, campaignReleases(campaign, library, '18.1'));
    expect(result.techniques.map((t) => t.id)).to.deep.equal(['T1048']);
    expect(result.references.map((ref) => ref.status)).to.deep.equal(['current']);
  });
});
