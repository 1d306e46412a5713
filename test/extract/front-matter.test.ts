import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { frontMatterYaml } from '../../lib/extract/front-matter.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

// A threat-intel site's brief in Markdown, its YAML front matter listing `mitre_ttps:` with each entry's `evidence:`
// ("Windows DNS Query Request by Telegram Bot API", the code index's file 58415461276, its repository not named, licence
// unknown): trimmed to its title, its two entries and a rule's techniques, the evidence cut to its first sentence, and
// the first line of its body.
const BRIEF = [
  '---',
  'title: Windows DNS Query Request by Telegram Bot API',
  'slug: 2026-07-telegram-bot-api-c2',
  'mitre_ttps:',
  '  - tactic_id: TA0011',
  '    tactic_name: Command and Control',
  '    technique_id: T1071',
  '    technique_name: Application Layer Protocol',
  '    evidence: The analytic detects the execution of a DNS query by a process to the associated Telegram API domain, which could indicate access via a Telegram bot commonly used by malware for command and control (C2) communications.',
  '    confidence_band: high',
  '  - tactic_id: TA0011',
  '    tactic_name: Command and Control',
  '    technique_id: T1102',
  '    technique_name: Web Service',
  "    evidence: By monitoring DNS queries related to Telegram's infrastructure, the detection identifies potential attempts to establish covert communication channels between a compromised system and external malicious actors.",
  '    confidence_band: high',
  'rules:',
  '  - title: Detect DNS Query Request by Non-Telegram Process to Telegram Bot API',
  '    techniques:',
  '      - T1071.004',
  '---',
  '',
  'This brief highlights a detection for malicious activity where processes other than the legitimate Telegram application make DNS queries to `api.telegram.org`.',
].join('\n');

/** Each reference of a report's text as `[IDs, tactics, evidence as "line: text"]`. */
function read(text: string): Array<[string[], string[], string[]]> {
  const report = extractReport(text, { target: loadRelease('18.1') });
  return report.references.map((ref) => [ref.ids, ref.tactics, (ref.evidence ?? []).map((said) => `${said.line}: ${said.text}`)]);
}

describe('front-matter', () => {
  it('keeps each `mitre_ttps:` entry\'s evidence as its technique\'s, at its line', () => {
    // Before, the IDs and tactics were read and each entry's evidence was lost.
    const lines = BRIEF.split('\n');
    expect(read(BRIEF)).to.deep.equal([
      [['T1071'], ['Command and Control'], [`9: ${lines[8]!.replace('    evidence: ', '')}`]],
      [['T1102'], ['Command and Control'], [`15: ${lines[14]!.replace('    evidence: ', '')}`]],
      [['T1071.004'], [], []],
    ]);
  });

  it("takes an entry's technique_name as its reference's name (a wrong one warned), and the title as the campaign's name", () => {
    // Before, the refs were the IDs alone (`T1071`) and the campaign was named after the file.
    const target = loadRelease('18.1');
    const report = extractReport(BRIEF, { target });
    expect(report.name).to.equal('Windows DNS Query Request by Telegram Bot API');
    expect(report.references.map((ref) => [ref.raw, ref.name, ref.nameSpan?.line, ref.resolution?.warnings])).to.deep.equal([
      ['T1071 | Application Layer Protocol', 'Application Layer Protocol', 8, []],
      ['T1102 | Web Service', 'Web Service', 14, []],
      ['T1071.004', undefined, undefined, []],
    ]);
    const wrong = extractReport(BRIEF.replace('technique_name: Web Service', 'technique_name: Exfiltration Over Web Service'), { target });
    expect(wrong.references[1]!.resolution!.warnings).to.deep.equal([
      'T1102 and "Exfiltration Over Web Service" disagree: T1102 is Web Service, while "Exfiltration Over Web Service" is T1567 Exfiltration Over Web Service; write the one you mean',
    ]);
    const quoted = extractReport(BRIEF.replace('technique_name: Web Service', 'technique_name: "Web Service"'), { target }).references[1]!;
    expect([quoted.raw, quoted.nameSpan]).to.deep.equal(['T1102 | Web Service', { line: 14, start: 21, end: 32 }]);
    expect(extractReport(BRIEF.replace(/^title: .*\n/m, 'name: A brief by name\n'), { target }).name).to.equal('A brief by name');
    expect(extractReport('---\ntitle: x\n---\nT1059.001 ran.\n'.replace('title: x', 'slug: x'), { target }).name).to.equal(undefined);
  });

  it("the CLI's skeleton is named and titled by the front matter's title, of one report and among several", async () => {
    const dir = freshTmpDir('front-matter');
    const brief = join(dir, 'telegram-brief.md');
    writeFileSync(brief, `${BRIEF}\n`);
    writeFileSync(join(dir, 'other.md'), '# Another report\n\nThe actor ran PowerShell (T1059.001).\n');
    const one = await runCli(['extract', brief, '--quiet']);
    expect(one.stdout).to.include('name: "Windows DNS Query Request by Telegram Bot API"\nsources:\n  - title: "Windows DNS Query Request by Telegram Bot API"\n');
    expect(one.stdout).to.include('  - ref: "T1071 | Application Layer Protocol"\n');
    const several = await runCli(['extract', brief, join(dir, 'other.md'), '--quiet']);
    expect(several.stdout).to.include('sources:\n  - title: "Windows DNS Query Request by Telegram Bot API"\n  - title: "Another report"\n');
  });

  it('reads the front matter with its lines in place, and none where a text opens with none', () => {
    expect(frontMatterYaml('---\ntitle: x\nmitre_ttps: []\n---\n# Body\n')).to.equal('\ntitle: x\nmitre_ttps: []\n');
    expect(frontMatterYaml('\uFEFF---\r\ntitle: x\r\n...\r\nbody')).to.equal('\ntitle: x\r\n');
    expect(frontMatterYaml('# A report\n---\ntitle: x\n---\n')).to.equal(undefined);
    expect(frontMatterYaml('---\ntitle: never closed\n')).to.equal(undefined);
  });

  it('adds nothing to a report whose front matter lists no techniques, nor to an ID written in its body', () => {
    const text = '---\ntitle: A brief\ndescription: The actor ran PowerShell.\n---\n\nThe actor ran PowerShell (T1059.001).\n';
    expect(read(text)).to.deep.equal([[['T1059.001'], [], []]]);
  });
});
