import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { parseCampaign } from '../../lib/campaign/read-campaign.js';
import { renderCampaignSkeleton } from '../../lib/extract/campaign-skeleton.js';
import { extractReferences, type ExtractedReference } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import { schemaIssues } from '../../lib/schemas.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';

const REPORT = '../shared/seeds/003_78441eb4cb887801.txt';
const options = { name: 'APT32 targets Wuhan (COVID-19), 2020', reportFile: REPORT };

describe('renderCampaignSkeleton', () => {
  const refs = extractReferences(readFileSync(resolve(repoRoot, REPORT), 'utf8'));
  const text = renderCampaignSkeleton(refs, options);

  it('renders the APT32 refs as YAML holding the six techniques with tactics and sources', () => {
    expect(parse(text)).to.deep.equal({
      name: options.name,
      techniques: [
        { ref: 'Spearphishing Attachment (T1193)', tactic: ['Initial Access'], source: `${REPORT}:109` },
        { ref: 'Spearphising Link (T1192)', tactic: ['Initial Access'], source: `${REPORT}:109` },
        // Written under Execution (line 113) and again under Defense Evasion (line 117).
        { ref: 'Regsvr32 (T1117)', tactic: ['Execution', 'Defense Evasion'], source: `${REPORT}:113, 117` },
        { ref: 'User Execution (T1204)', tactic: ['Execution'], source: `${REPORT}:113` },
        { ref: 'Standard Cryptographic Protocol (T1032)', tactic: ['Command and Control'], source: `${REPORT}:121` },
        { ref: 'Custom Command and Control Protocol (T1094)', tactic: ['Command and Control'], source: `${REPORT}:121` },
      ],
    });
  });

  it('is a valid campaign file (schemas/campaign.schema.json)', () => {
    expect(schemaIssues('campaign', parse(text))).to.deep.equal([]);
  });

  it('starts with a comment saying it was extracted and needs review', () => {
    const header = text.split('\n').filter((line) => line.startsWith('#'));
    expect(header.join('\n')).to.match(/Extracted .* from \.\.\/shared\/seeds\/003_78441eb4cb887801\.txt: NEEDS REVIEW/);
  });

  it('writes what is said once of the report under its header, one `# note:` line each, said once', () => {
    const note = 'all 2 of the references ATT&CK knows are ICS techniques (T0875, T0816), not of enterprise-attack: re-run with --domain ics';
    const noted = renderCampaignSkeleton(refs, { ...options, notes: [note, 'a second\nline', note] });
    expect(noted.split('\n').slice(2, 5)).to.deep.equal([`# note: ${note}`, '# note: a second line', '']);
    expect(parse(noted)).to.deep.equal(parse(text));
  });

  it('is deterministic: the same refs give the same bytes', () => {
    expect(renderCampaignSkeleton(refs, options)).to.equal(text);
  });

  it('keeps awkward refs as written and valid YAML: quotes, "# ", ": ", Japanese, a wrapped cell', () => {
    const awkward: ExtractedReference[] = [
      { raw: 'Name "quoted" # not a comment: T1193', line: 1, ids: ['T1193'], tactics: [], span: { line: 1, start: 0, end: 36 } },
      { raw: '- [T1566.001] {x}: *y* & z', line: 2, ids: ['T1566.001'], tactics: ['Initial Access'], span: { line: 2, start: 0, end: 26 } },
      { raw: 'スピアフィッシングの\n添付ファイル（T1193）', line: 3, ids: ['T1193'], tactics: ['初期アクセス'], span: { line: 3, start: 0, end: 24 } },
    ];
    const skeleton = renderCampaignSkeleton(awkward, { name: 'x: "y"', reportFile: 'report #1.txt' });
    const parsed = parse(skeleton) as { name: string; techniques: Array<{ ref: string; tactic?: string[]; source: string }> };
    expect(parsed.name).to.equal('x: "y"');
    expect(parsed.techniques.map((t) => t.ref)).to.deep.equal(awkward.map((r) => r.raw));
    expect(parsed.techniques.map((t) => t.source)).to.deep.equal(['report #1.txt:1', 'report #1.txt:2', 'report #1.txt:3']);
    expect(parsed.techniques[0]).to.not.have.property('tactic');
    expect(schemaIssues('campaign', parsed)).to.deep.equal([]);
  });

  describe('the warnings of resolved references', () => {
    // A Spanish lab's table (T1570 written with T1563's name) and a Korean one (T1083 under Reconnaissance).
    const report = [
      '| Tactic | Technique | ID |',
      '|---|---|---|',
      '| Lateral Movement | Remote Service Session Hijacking | T1570 |',
      '| Execution | PowerShell | T1059.001 |',
      '| Reconnaissance, Discovery | File and Directory Discovery | T1083 |',
    ].join('\n');
    let resolved: ReturnType<typeof extractReport>['references'];
    let skeleton: string;
    before(() => {
      resolved = extractReport(report, { target: loadRelease('18.1') }).references;
      skeleton = renderCampaignSkeleton(resolved, { name: 'lab', reportFile: 'lab.md' });
    });

    it('stand as one comment line each right above their reference, and only there', () => {
      const lines = skeleton.split('\n');
      const comments = lines.flatMap((line, i) => (line.trim().startsWith('# warning:') ? [[line.trim(), lines[i + 1]!.trim()]] : []));
      expect(comments).to.deep.equal([
        [
          '# warning: T1570 and "Remote Service Session Hijacking" disagree: T1570 is Lateral Tool Transfer, while "Remote Service Session Hijacking" is T1563 Remote Service Session Hijacking; write the one you mean',
          '- ref: "Remote Service Session Hijacking | T1570"',
        ],
        [
          '# warning: Reconnaissance is not a tactic of T1083 File and Directory Discovery: it is Discovery only in ATT&CK 18.1',
          '- ref: "File and Directory Discovery | T1083"',
        ],
      ]);
    });

    it('leave the campaign as it reads without them, and normalize warns of the same again', () => {
      const bare = renderCampaignSkeleton(resolved.map(({ resolution: _, ...ref }) => ref), { name: 'lab', reportFile: 'lab.md' });
      expect(bare).to.not.include('# warning');
      expect(parse(skeleton)).to.deep.equal(parse(bare));
      const normalized = normalizeCampaign(parseCampaign(skeleton, 'lab.yaml'), { target: loadRelease('18.1'), warnings: [] });
      expect(normalized.references.map((r) => [r.raw, r.tactics.written, r.source, r.warnings])).to.deep.equal(
        resolved.map((r) => [r.raw, r.tactics, `lab.md:${r.line}`, r.resolution!.warnings]),
      );
    });
  });

  it('says above a reference that places no technique why, in its note: an unknown ID, a deprecated one', () => {
    const report = ['- T1999 Unheard Of', '- T1108 Redundant Access', '- T1566.001 Spearphishing Attachment'].join('\n');
    const resolved = extractReport(report, { target: loadRelease('18.1') }).references;
    const lines = renderCampaignSkeleton(resolved, { name: 'lab', reportFile: 'lab.md' }).split('\n');
    const comments = lines.flatMap((line, i) => (line.trim().startsWith('# not resolved') ? [[line.trim(), lines[i + 1]!.trim()]] : []));
    const expected = resolved
      .filter((ref) => ref.resolution!.status !== 'current')
      .map((ref) => [`# not resolved (${ref.resolution!.status}): ${ref.resolution!.note}`, `- ref: "${ref.raw}"`]);
    expect(resolved.map((ref) => ref.resolution!.status)).to.deep.equal(['unknown', 'deprecated', 'current']);
    expect(comments).to.deep.equal(expected);
  });

  it('renders an empty technique list when nothing was found', () => {
    expect(parse(renderCampaignSkeleton([], { name: 'TEMP.Periscope', reportFile: 'r.txt' }))).to.deep.equal({
      name: 'TEMP.Periscope',
      techniques: [],
    });
  });
});
