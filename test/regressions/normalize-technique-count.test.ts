/**
 * normalize's last line counts the techniques a campaign resolved to: "1 techniques: T1566.001" for a campaign of one
 * reference, and "0 techniques: " (a colon before nothing) for one whose references all stay unresolved.
 */
import { expect } from 'chai';
import { runCli } from '../helpers/attack.js';

describe("normalize's technique count", () => {
  const rows: ReadonlyArray<readonly [campaign: string, last: string]> = [
    ['name: one\ntechniques: [T1193]\n', '1 technique: T1566.001'],
    ['name: two\ntechniques: [T1193, T1117]\n', '2 techniques: T1218.010, T1566.001'],
    ['name: none\ntechniques: [T9999]\n', '0 techniques'],
  ];
  for (const [campaign, last] of rows) {
    it(`${JSON.stringify(campaign)} ends with "${last}"`, async () => {
      const result = await runCli(['normalize', '-'], {}, { stdin: campaign });
      expect(result.stdout.trimEnd().split('\n').at(-1)).to.equal(last);
    });
  }

  // What `extract` writes for a report that names software and cites no ID (the 2018 TEMP.Periscope seed).
  it('says that no reference is written, rather than printing the headings of an empty table', async () => {
    const result = await runCli(['normalize', '-'], {}, { stdin: 'name: software only\ntechniques: []\nsoftware: [HTRAN]\n' });
    const lines = result.stdout.split('\n');
    expect(lines).to.include('no technique reference is written in the file (techniques: [])');
    expect(lines.some((line) => /^line +reference +status/.test(line))).to.equal(false);
    expect(lines.at(-2)).to.equal('3 techniques: T1014, T1055, T1090');
  });
});
