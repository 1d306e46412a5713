/**
 * ESET's ATT&CK tables write some rows as the parent's ID beside a sub-technique's full `Parent: Sub` name. The excerpt
 * is the first rows of the table of "Sponsor with batch-filed whiskers: Ballistic Bobcat's scan and strike backdoor"
 * (ESET, 2023, https://www.welivesecurity.com/en/eset-research/sponsor-batch-filed-whiskers-ballistic-bobcats-scan-strike-backdoor/),
 * as a scraped page leaves it (one cell a line), with the row's description shortened. The same table writes the
 * other sub-techniques' own IDs (T1587.001, T1588.002), and the row's text is vulnerability scanning (of Exchange
 * servers): the name, not the parent's ID, is the intent; SATAYO's documentation writes the same form
 * (`T1595 Active Scanning: Vulnerability Scanning`) linked to /techniques/T1595/002/.
 */
import { expect } from 'chai';
import { parse } from 'yaml';
import { parseCampaign } from '../../lib/campaign/read-campaign.js';
import { renderCampaignSkeleton } from '../../lib/extract/campaign-skeleton.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { loadRelease } from '../helpers/attack.js';

const ESET = [
  'Tactic',
  'ID',
  'Name',
  'Description',
  'Reconnaissance',
  'T1595',
  'Active Scanning: Vulnerability Scanning',
  'Ballistic Bobcat scans for vulnerable versions of Microsoft Exchange Servers to exploit.',
  'Resource Development',
  'T1587.001',
  'Develop Capabilities: Malware',
  'Ballistic Bobcat designed and coded the Sponsor backdoor.',
].join('\n');

const READ = 'T1595 is the parent of T1595.002, and "Active Scanning: Vulnerability Scanning" is T1595.002\'s full name (the parent\'s name, then the sub-technique\'s): read as T1595.002';

describe("regression: a parent's ID beside a sub-technique's full name (ESET's ATT&CK tables)", () => {
  it('reads the row as the sub-technique, and says so in the skeleton and the report notes', () => {
    const report = extractReport(ESET, { target: loadRelease('18.1') });
    const [scan, malware] = report.references;
    expect(scan!.ids).to.deep.equal(['T1595']);
    expect(scan!.resolution!.ids).to.deep.equal(['T1595.002']);
    expect(scan!.resolution!.warnings).to.deep.equal([]);
    expect(malware!.resolution!.ids).to.deep.equal(['T1587.001']);
    expect(report.notes).to.include(`line 6: "${scan!.raw}": ${READ}`);
    const skeleton = renderCampaignSkeleton(report.references, { name: 'sponsor', reportFile: 'eset.txt' });
    const lines = skeleton.split('\n').map((line) => line.trim());
    expect(lines[lines.indexOf(`- ref: "${scan!.raw}"`) - 1]).to.equal(`# note: ${READ}`);
    expect(lines.filter((line) => line.startsWith('# note:'))).to.have.length(1);
    // The skeleton's ref, read back by normalize, places the sub-technique.
    const normalized = normalizeCampaign(parseCampaign(skeleton, 'sponsor.yaml'), { target: loadRelease('18.1'), warnings: [] });
    expect(normalized.techniques.map((t) => t.id)).to.deep.equal(['T1587.001', 'T1595.002']);
    expect(parse(skeleton).techniques).to.have.length(2);
  });

  // [reference, IDs]: only the full `Parent: Sub` name of one of the ID's own sub-techniques reads as it.
  const rows: ReadonlyArray<readonly [string, string[]]> = [
    ['T1595 Active Scanning: Vulnerability Scanning', ['T1595.002']],
    ['T1592 Gather Victim Host Information: Software', ['T1592.002']],
    // A sub-technique's name alone, once its parent's own name, stays the parent (closer, said in the note only).
    ['Scheduled Task (T1053)', ['T1053']],
    // Another family's sub-technique disagrees; the parent's own name agrees.
    ['T1595 Active Scanning', ['T1595']],
    ['T1595.002 Active Scanning: Vulnerability Scanning', ['T1595.002']],
  ];
  for (const [raw, ids] of rows) {
    it(`${raw} -> ${ids.join(', ')}`, () => {
      expect(resolveReference({ raw }, { target: loadRelease('18.1') }).ids).to.deep.equal(ids);
    });
  }
});
