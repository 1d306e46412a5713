/**
 * A name whose spaces PDF-to-text dropped is still its technique's name. Recorded Future's Gamaredon report
 * (CTA-RU-2024-1205, Appendix B "MITRE ATT&CK Techniques", its PDF text as quoted in a public actor profile on GitHub)
 * lists `Tactic: Technique ID` with the spaces of some names lost: `Persistence:RegistryRunKeys/ StartupFolder T1547.001`,
 * `CommandandControl:Fast FluxDNS T1568.001`. extract read `StartupFolder` and `FluxDNS` as no name of their IDs' techniques
 * and warned to check them. The lines below are written for this test after that layout.
 */
import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

describe('a name whose words PDF-to-text ran together', () => {
  const target = loadRelease('18.1');
  // The appendix's table as PDF-to-text runs it on one line, `Tactic: Technique ID` after `Tactic: Technique ID`.
  const appendix = (persistence: string, c2: string) =>
    'Tactic:Technique ATT&CKCode Initial Access: SpearphishingAttachment T1566.001 Execution: Visual Basic T1059.005 ' +
    'Execution:JavaScript T1059.007 Execution: MaliciousFile T1204.002 ' +
    `Persistence:RegistryRunKeys/ ${persistence} T1547.001 DefenseEvasion:HTMLSmuggling T1027.006 ` +
    `CommandandControl:WebProtocols T1071.001 CommandandControl:${c2} T1568.001\n`;
  const warned = (text: string) =>
    extractReport(text, { target })
      .references.filter((ref) => ['T1547.001', 'T1568.001'].includes(ref.resolution?.ids[0] ?? ''))
      .map((ref) => [ref.name, ref.resolution?.warnings.length]);

  it('draws no warning where a word of it is words of its technique\'s name run together', () => {
    expect(warned(appendix('StartupFolder', 'Fast FluxDNS'))).to.deep.equal([
      ['StartupFolder', 0],
      ['FluxDNS', 0],
    ]);
  });

  it('still warns of a glued word that is no run of the name\'s words, in their order', () => {
    expect(warned(appendix('FolderStartup', 'Fast DNSFlux'))).to.deep.equal([
      ['FolderStartup', 1],
      ['DNSFlux', 1],
    ]);
  });
});
