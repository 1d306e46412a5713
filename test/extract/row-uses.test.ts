import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

/** Each reference of a report's text with the evidence `extract` gives it. */
function evidenceOf(text: string): Array<[raw: string, evidence: string[]]> {
  return extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.raw, (ref.evidence ?? []).map((said) => said.text)]);
}

describe('withRowUses (a table row run together on one line, with no header above it)', () => {
  // Rows of Table 1 of CISA and the FBI's joint advisory AA22-320A, "Iranian Government-Sponsored APT Actors Compromise
  // Federal Network, Deploy Crypto Miner, Credential Harvester" (https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-320a,
  // a work of the US government), as PDF text leaves them on a page whose `Technique Title ID Use` header stayed on the
  // page before; the last row's use wraps onto the next line.
  const continued = [
    'Exploit Public-Facing Application T1190 The actors exploited Log4Shell for initial access to the organization’s VMware Horizon server.',
    'Remote Desktop Protocol T1021.001 The actors used RDP to move laterally to multiple hosts on the network.',
    'Proxy T1090 The actors used ngrok to proxy RDP connections and to perform command',
    'and control.',
  ].join('\n');

  it('takes the use after a name and its ID as the row\'s evidence, wrapped lines joined (CISA AA22-320A)', () => {
    expect(evidenceOf(continued)).to.deep.equal([
      ['Exploit Public-Facing Application T1190', ['The actors exploited Log4Shell for initial access to the organization’s VMware Horizon server.']],
      ['Remote Desktop Protocol T1021.001', ['The actors used RDP to move laterally to multiple hosts on the network.']],
      ['Proxy T1090', ['The actors used ngrok to proxy RDP connections and to perform command and control.']],
    ]);
  });

  it('takes the use after an ID and its name, in that order (ID first, as DFIR reports and scraped tables set it)', () => {
    // Our own row, in the order an ID-first table writes it.
    expect(evidenceOf('T1059.001 PowerShell The actor used PowerShell to download the second stage.')).to.deep.equal([
      ['PowerShell (T1059.001)', ['The actor used PowerShell to download the second stage.']],
    ]);
  });

  describe('gives no evidence where the text after the reference may be no use of it', () => {
    const rows: ReadonlyArray<readonly [why: string, text: string]> = [
      // OCR's noise after the ID of CISA's CSA "Russian GRU Targeting Western Logistics Entities and Technology Companies"
      // (May 2025), page 27, as apps-dfir/Security-Operations (peak/cti, commit 41532f6b) keeps its OCR text.
      ['a name that is no technique\'s', 'T1190 Par my Application — initial access to targeted entities.'],
      ['a sentence that goes on in lower case', 'T1059.001 PowerShell was used by the actor to run the loader.'],
      ['two sentences', 'Phishing T1566. The actor sent emails with attachments.'],
      ['a reference inside a sentence', 'The actor used Remote Desktop Protocol T1021.001 To move between hosts.'],
      ['a use whose sentence does not end', 'Proxy T1090 The actors used ngrok to proxy RDP connections'],
      ['a name of another technique', 'PowerShell T1021.001 The actors used RDP to move laterally.'],
    ];
    for (const [why, text] of rows) {
      it(`${why}: ${JSON.stringify(text)}`, () => {
        expect(evidenceOf(text).flatMap(([, evidence]) => evidence)).to.deep.equal([]);
      });
    }
  });
});
