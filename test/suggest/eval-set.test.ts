import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { sourceKey } from '../../lib/index.js';
import { readRawBundle, repoRoot, stixFile } from '../helpers/attack.js';

/** The rows of a JSON-lines file of the repository. */
function rowsOf<Row>(file: string): Row[] {
  return readFileSync(join(repoRoot, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
}

interface EvalRow {
  text: string;
  id: string;
  name?: string;
  flow: string;
  reports: string[];
  part: string;
}

describe('the evaluation set of suggest (eval/attack-flow-sentences.jsonl)', () => {
  const rows = rowsOf<EvalRow>('eval/attack-flow-sentences.jsonl');

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

/** A sentence of report prose: `written` is the ID as the author wrote it, when it was fixed from its link. */
interface ReportRow extends Omit<EvalRow, 'name' | 'flow'> {
  written?: string;
  source: string;
  form: string;
}

describe('the report-prose sentences of suggest (eval/report-inline-sentences.jsonl)', () => {
  const rows = rowsOf<ReportRow>('eval/report-inline-sentences.jsonl');

  it('holds sentences of 5 words or more with a source, the reports they cite and the part "reports", each text once', () => {
    expect(rows.length).to.be.at.least(100);
    for (const row of rows) {
      expect((row.text.match(/[\p{L}\p{N}]+/gu) ?? []).length, row.text).to.be.at.least(5);
      expect(row.text, row.text).to.match(/[.!?]["”’)]*$/);
      expect(row.source).to.match(/^(https:\/\/|[\w-]+\/[\w.-]+\/.+@[0-9a-f]{40}$)/);
      expect(row.reports.length, row.text).to.be.at.least(1);
      for (const url of row.reports) expect(url).to.match(/^https?:\/\//);
      expect(row.part).to.equal('reports');
    }
    expect(new Set(rows.map((row) => row.text)).size).to.equal(rows.length);
  });

  it('records whether each sentence is a table cell or prose, and holds both', () => {
    for (const row of rows) expect(row.form, row.text).to.be.oneOf(['table cell', 'prose']);
    expect(rows.filter((row) => row.form === 'table cell').length).to.be.greaterThan(0);
    expect(rows.filter((row) => row.form === 'prose').length).to.be.greaterThan(0);
  });

  it('has no table or emphasis markup left in any text (cells run together, a bracket emptied of its link)', () => {
    for (const row of rows) {
      // Cells run together leave a pipe at the start or the end, or two or more: one pipe inside a sentence is the
      // text's own (a shell pipeline, `curl -fsSL <url> | bash`, in a cell of Rapid7's table).
      expect(row.text, row.text).to.not.match(/^\| | \|$| \| .* \| |-\|-/);
      expect(row.text, row.text).to.not.match(/\[\(|\(\s*\)|\[\s*\]/);
      expect(row.text, row.text).to.not.match(/\*\*|(?:^|\s)\*\S|\S\*(?:\s|$)/);
    }
  });

  it('has no ATT&CK ID or link left in any text', () => {
    for (const row of rows) {
      expect(row.text, row.text).to.not.match(/\b(?:T\d{3,4}(?:\.\d{3})?|TA\d{4}|[SGMC]\d{4})\b/);
      expect(row.text, row.text).to.not.match(/attack\.mitre\.org|\]\(|<sup>/);
    }
  });

  it('labels each with a technique of ATT&CK 18.1, directly or through revocation (read from the raw bundle)', () => {
    const bundle = readRawBundle(stixFile('enterprise-attack-18.1.json.gz'));
    const stixOf = new Map<string, { id: string; revoked: boolean }>();
    for (const object of bundle.objects) {
      if (object.type !== 'attack-pattern') continue;
      const refs = (object['external_references'] ?? []) as { source_name?: string; external_id?: string }[];
      const id = refs.find((ref) => ref.source_name === 'mitre-attack')?.external_id;
      if (id) stixOf.set(id, { id: object.id, revoked: object['revoked'] === true });
    }
    const revokedBy = new Set(
      bundle.objects
        .filter((object) => object.type === 'relationship' && object['relationship_type'] === 'revoked-by')
        .map((object) => object['source_ref'] as string),
    );
    for (const row of rows) {
      const technique = stixOf.get(row.id);
      expect(technique, `${row.id} in 18.1`).to.not.equal(undefined);
      if (technique?.revoked) expect(revokedBy.has(technique.id), `${row.id} revoked by a technique`).to.equal(true);
      if (row.written !== undefined) expect(stixOf.has(row.written), `${row.written} is no technique`).to.equal(false);
    }
  });
});
