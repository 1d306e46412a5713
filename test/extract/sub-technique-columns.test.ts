import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

/** Each reference of a report's text as `[IDs, name, evidence]`, and every warning of the references. */
function read(text: string) {
  const report = extractReport(text, { target: loadRelease('18.1') });
  return {
    refs: report.references.map((ref) => [ref.ids, ref.name, (ref.evidence ?? []).map((said) => said.text)]),
    warnings: report.references.flatMap((ref) => ref.resolution?.warnings ?? []),
  };
}

describe('a technique column and a sub-technique column of IDs in one row', () => {
  it('gives the name beside to the sub-technique, not to its parent (a Chinese analysis of ransomware)', () => {
    // Section 5 of a Chinese analysis of new ransomware techniques (`| 战术 | 技术 | 子技术 | 描述 |`, the code index's file
    // 21568191096, its repository not named), two of its rows. Before, `RDP` was read as T1021's name too: a reference
    // written `T1021 | RDP`, which names T1021.001, not T1021.
    const text = [
      '| 战术 | 技术 | 子技术 | 描述 |',
      '|------|------|--------|------|',
      '| Discovery | T1057 | - | 进程发现 |',
      '| Lateral Movement | T1021 | T1021.001 | RDP |',
    ].join('\n');
    const { refs, warnings } = read(text);
    expect(refs).to.deep.equal([
      [['T1057'], undefined, ['进程发现']],
      [['T1021'], undefined, ['RDP']],
      [['T1021.001'], 'RDP', ['RDP']],
    ]);
    expect(warnings.filter((warning) => warning.includes('T1021 '))).to.deep.equal([]);
  });

  it('reads `| Technique | Sub-Technique | Tool/Method |` rows the same way, the Tool/Method cell each ID\'s evidence (a CPTS study note)', () => {
    // The `MITRE ATT&CK Mapping` of a study note on pivoting and tunneling for HTB Academy's CPTS path (the code index's
    // file 56657167931, its repository not named), three of its rows. Before, the parent took the name cell as its own:
    // `T1021 | Remote Services: RDP — xfreerdp via SOCKS/portfwd` (lines 5 and 6 merged into one reference of T1021) and
    // `T1059 | PowerShell — dnscat2-powershell client on Windows`. The Tool/Method cell tells how the row's techniques
    // were done: each ID's evidence (before, it was read only for the sub-technique's name, and then lost).
    const text = [
      '| Technique | Sub-Technique | Tool/Method |',
      '|-----------|---------------|-------------|',
      '| T1090 | T1090.001 | Internal Proxy — Chisel, ligolo-ng, rpivot, sshuttle |',
      '| T1021 | T1021.001 | Remote Services: RDP — xfreerdp via SOCKS/portfwd |',
      '| T1021 | T1021.004 | Remote Services: SSH — SSH local/dynamic/remote forwarding |',
      '| T1059 | T1059.001 | PowerShell — dnscat2-powershell client on Windows |',
    ].join('\n');
    const { refs } = read(text);
    const [proxy, rdp, ssh, powershell] = text.split('\n').slice(2).map((row) => row.split(' | ')[2]!.replace(/ \|$/, ''));
    expect(refs.filter(([ids]) => !String(ids).includes('.'))).to.deep.equal([
      [['T1090'], undefined, [proxy]],
      [['T1021'], undefined, [rdp, ssh]],
      [['T1059'], undefined, [powershell]],
    ]);
    expect(refs.filter(([ids]) => String(ids).includes('.'))).to.deep.equal([
      [['T1090.001'], 'Internal Proxy', [proxy]],
      [['T1021.001'], undefined, [rdp]],
      [['T1021.004'], 'Remote Services: SSH', [ssh]],
      [['T1059.001'], 'PowerShell', [powershell]],
    ]);
  });
});
