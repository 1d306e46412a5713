import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { sourceKey } from '../../lib/index.js';
import { repoRoot } from '../helpers/attack.js';

interface EvalRow {
  text: string;
  id: string;
  name?: string;
  flow: string;
  reports: string[];
  part: string;
}

describe('the evaluation set of suggest (eval/attack-flow-sentences.jsonl)', () => {
  const rows = readFileSync(join(repoRoot, 'eval/attack-flow-sentences.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as EvalRow);

  it('holds at least 300 sentences, each with a technique ID, its flow, the reports it cites and its part', () => {
    expect(rows.length).to.be.at.least(300);
    for (const row of rows) {
      expect(row.text.trim(), JSON.stringify(row)).to.not.equal('');
      expect(row.id).to.match(/^T\d{4}(?:\.\d{3})?$/);
      expect(row.flow).to.match(/^corpus\//);
      expect(row.reports).to.be.an('array');
      expect(row.part).to.be.oneOf(['dev', 'test']);
    }
  });

  it('splits by report: a flow, and every flow citing the same report, lies in one part', () => {
    const partOf = new Map<string, string>();
    for (const row of rows) {
      for (const key of [`flow ${row.flow}`, ...row.reports.map((url) => `report ${sourceKey(url)}`)]) {
        expect(partOf.get(key) ?? row.part, `${key} in both parts`).to.equal(row.part);
        partOf.set(key, row.part);
      }
    }
    const flows = (part: string) => new Set(rows.filter((row) => row.part === part).map((row) => row.flow)).size;
    expect(flows('test')).to.be.at.least(5);
    expect(flows('dev')).to.be.at.least(5);
  });
});
