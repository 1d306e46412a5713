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

/**
 * Whether an ID is a technique of enterprise ATT&CK 18.1, current or revoked by another, not deprecated (read from the
 * raw bundle, not through the library under test).
 */
function techniquesOf181(): (id: string) => boolean {
  const bundle = readRawBundle(stixFile('enterprise-attack-18.1.json.gz'));
  const stixOf = new Map<string, { id: string; revoked: boolean }>();
  for (const object of bundle.objects) {
    if (object.type !== 'attack-pattern') continue;
    const refs = (object['external_references'] ?? []) as { source_name?: string; external_id?: string }[];
    const id = refs.find((ref) => ref.source_name === 'mitre-attack')?.external_id;
    if (id && object['x_mitre_deprecated'] !== true) stixOf.set(id, { id: object.id, revoked: object['revoked'] === true });
  }
  const revokedBy = new Set(
    bundle.objects
      .filter((object) => object.type === 'relationship' && object['relationship_type'] === 'revoked-by')
      .map((object) => object['source_ref'] as string),
  );
  return (id) => {
    const technique = stixOf.get(id);
    return technique !== undefined && (!technique.revoked || revokedBy.has(technique.id));
  };
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
    const isTechnique = techniquesOf181();
    for (const row of rows) {
      expect(isTechnique(row.id), `${row.id} in 18.1, or revoked by a technique`).to.equal(true);
      if (row.written !== undefined) expect(isTechnique(row.written), `${row.written} is no technique`).to.equal(false);
    }
  });
});

/** A sentence of report prose we annotated: `listed` is the author's list of techniques for its document. */
interface AnnotatedRow extends Omit<ReportRow, 'form' | 'written'> {
  publisher: string;
  title: string;
  date: string;
  copyright: string;
  stored: string;
  reason: string;
  listed: string[];
}

/** What is wrong with an annotated row (nothing: an empty list). */
function annotatedRowProblems(row: AnnotatedRow, isTechnique: (id: string) => boolean): string[] {
  const problems: string[] = [];
  const words = (row.text?.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  if (words < 5 || words > 40) problems.push(`a text of ${words} words (5 to 40 are quoted)`);
  if (!/[.!?]["”’)]*$/.test(row.text ?? '')) problems.push('a text that does not end a sentence');
  if (!/^T\d{4}(?:\.\d{3})?$/.test(row.id ?? '') || !isTechnique(row.id)) problems.push(`${row.id}: no technique of 18.1, current or revoked`);
  if (!/^https:\/\/\S+$/.test(row.source ?? '')) problems.push('no source URL');
  if (!row.reports?.includes(row.source)) problems.push('the source is not among the reports left out of the model');
  if (!Array.isArray(row.listed) || !row.listed.includes(row.id)) problems.push(`${row.id} is not in the author's list`);
  for (const field of ['publisher', 'title', 'date', 'copyright', 'stored', 'reason'] as const) {
    if (typeof row[field] !== 'string' || !row[field].trim()) problems.push(`no ${field}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date ?? '')) problems.push(`a date not written YYYY-MM-DD: ${row.date}`);
  if (row.part !== 'annotated') problems.push(`the part ${row.part}, not "annotated"`);
  return problems;
}

describe('the report-prose sentences we annotated (eval/report-annotated-sentences.jsonl)', () => {
  const rows = rowsOf<AnnotatedRow>('eval/report-annotated-sentences.jsonl');
  const isTechnique = techniquesOf181();

  it("labels each sentence with a technique of 18.1 from its author's list, with its source, document and reason", () => {
    expect(rows.length).to.be.at.least(40);
    expect(rows.flatMap((row) => annotatedRowProblems(row, isTechnique).map((problem) => `${problem}: ${row.text}`))).to.deep.equal([]);
    expect(new Set(rows.map((row) => row.text)).size).to.equal(rows.length);
    expect(new Set(rows.map((row) => row.publisher)).size).to.be.at.least(3);
  });

  it('finds a malformed row: a label outside the list or no technique, no source URL, a heading', () => {
    const good = rows[0]!;
    expect(annotatedRowProblems(good, isTechnique)).to.deep.equal([]);
    const outside = good.listed.includes('T1566') ? 'T1105' : 'T1566';
    expect(annotatedRowProblems({ ...good, id: outside }, isTechnique)).to.deep.equal([`${outside} is not in the author's list`]);
    expect(annotatedRowProblems({ ...good, id: 'T1043', listed: [...good.listed, 'T1043'] }, isTechnique)).to.deep.equal([
      'T1043: no technique of 18.1, current or revoked',
    ]);
    expect(annotatedRowProblems({ ...good, source: '' }, isTechnique)).to.include('no source URL');
    expect(annotatedRowProblems({ ...good, text: 'Credential Access' }, isTechnique)).to.have.length(2);
  });

  it('has no text in another file of eval/, nor a report of the Attack Flow sentences', () => {
    const earlier = ['attack-flow-sentences.jsonl', 'report-inline-sentences.jsonl'].flatMap((file) =>
      rowsOf<{ text: string; reports: string[] }>(`eval/${file}`),
    );
    const others = new Set(earlier.map((row) => row.text));
    expect(rows.filter((row) => others.has(row.text)).map((row) => row.text)).to.deep.equal([]);
    const cited = new Set(earlier.flatMap((row) => row.reports.map(sourceKey)));
    expect(rows.filter((row) => row.reports.some((url) => cited.has(sourceKey(url)))).map((row) => row.source)).to.deep.equal([]);
  });
});
