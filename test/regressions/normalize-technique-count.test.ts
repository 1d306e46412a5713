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
});
