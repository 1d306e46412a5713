/**
 * Every field of a real campaign file made wrong once, in each way a person makes it wrong: a value of the wrong type
 * (a number where text goes too), left empty, a key misspelt, in another case or with "-" for "_", given twice, a line indented with a tab (its key's,
 * or one of a block's text), YAML 1.1's yes and no for true and false, a date in words or day first, a value
 * with a trailing space, a date written with its time, and the whole file saved with a BOM or CRLF line ends.
 * The file is campaigns/temp-periscope-cambodia-2018.yaml (FireEye's TEMP.Periscope report of 2018-07-13), with the
 * schema's fields it leaves out added, so that every field schemas/campaign.schema.json defines is written once;
 * the schema is read for the list, so that a field added to it fails here until it is added to the file.
 * Each case is checked in the reader and through the CLI (`validate`, `normalize`, `render` on a copy): the exit code is
 * non-zero exactly when the file cannot be read as meant, no stack trace, a problem names the file, line and field
 * and says what to do, an entry left out loses none of the others (render still writes them), and a repair is said.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackLayersError, parseCampaign, type Campaign } from '../../lib/index.js';
import { freshTmpDir, hasStackTrace, runCli } from '../helpers/attack.js';

const REAL = readFileSync('campaigns/temp-periscope-cambodia-2018.yaml', 'utf8');
// The English original of the report the campaign was written from.
const URL = 'https://www.fireeye.com/blog/threat-research/2018/07/chinese-espionage-group-targets-cambodia-ahead-of-elections.html';

/** The real file with every schema field it leaves out written once, in its own layout. */
const BASE = REAL.replace(/^actor: (.*)$/m, 'id: temp-periscope-2018\nactor: $1\ncompare_with: [G0065]')
  .replace(/^sources:\n/m, `sources:\n  - url: ${URL}\n    title: Chinese Espionage Group Targets Cambodia Ahead of Elections\n`)
  .replace(/^tags:/m, 'platforms: [Windows]\ntags:')
  .replace(/^( {4}confidence: high\n)/m, `$1    score: 3\n    report: ${URL}\n    platforms: [Windows]\n`)
  .replace(/^( {2}- ref: AIRBREAK\n)/m, '$1    infer: true\n');
const LINES = BASE.split('\n');

const schema = JSON.parse(readFileSync('schemas/campaign.schema.json', 'utf8')) as {
  properties: Record<string, { type?: string | string[]; $ref?: string }>;
  required: string[];
  $defs: Record<string, { properties?: Record<string, { type?: string | string[]; $ref?: string }>; required?: string[]; else?: { properties?: Record<string, unknown> } }>;
};

/** A field of the file: its JSON pointer, key, the 0-based line it starts on and the lines its value takes. */
interface Field {
  pointer: string;
  key: string;
  /** The list it is an entry's field of, if any. */
  list?: 'techniques' | 'software' | 'sources';
  start: number;
  end: number;
  required: boolean;
  type: string[];
}

function fieldsOf(): Field[] {
  const fields: Field[] = [];
  const find = (key: string, list?: Field['list']): Field => {
    const from = list ? LINES.findIndex((line) => line === `${list}:`) + 1 : 0;
    const pattern = list ? new RegExp(`^( {2}- | {4})${key}:`) : new RegExp(`^${key}:`);
    const start = LINES.findIndex((line, i) => i >= from && pattern.test(line));
    expect(start, `${list ?? ''} ${key}`).to.be.at.least(0);
    const indent = list ? 4 : 0;
    let end = start + 1;
    while (end < LINES.length && /^\s*\S/.test(LINES[end]!) && LINES[end]!.search(/\S/) > indent && !(list && /^ {2}- /.test(LINES[end]!))) end++;
    // A list of mappings at the top goes on with its "- " items, at column 3.
    if (!list) while (end < LINES.length && /^ {2}/.test(LINES[end]!)) end++;
    const definition = list ? schema.$defs[{ techniques: 'techniqueEntry', software: 'softwareEntry', sources: 'source' }[list]]! : undefined;
    const properties = list === 'sources' ? (definition!.else!.properties as Record<string, { type?: string | string[]; $ref?: string }>) : (definition?.properties ?? schema.properties);
    const property = properties[key]!;
    const type = property.type ?? (property.$ref?.endsWith('stringList') ? 'array' : property.$ref?.endsWith('date') ? 'date' : property.$ref?.endsWith('confidence') ? 'confidence' : 'string');
    return {
      pointer: list ? `/${list}/0/${key}` : `/${key}`,
      key,
      ...(list ? { list } : {}),
      start,
      end,
      required: (definition?.required ?? (list === 'sources' ? [] : schema.required)).includes(key),
      type: ([] as string[]).concat(type),
    };
  };
  for (const key of Object.keys(schema.properties)) fields.push(find(key));
  for (const key of Object.keys(schema.$defs['techniqueEntry']!.properties!)) fields.push(find(key, 'techniques'));
  for (const key of Object.keys(schema.$defs['softwareEntry']!.properties!)) fields.push(find(key, 'software'));
  for (const key of Object.keys(schema.$defs['source']!.else!.properties!)) fields.push(find(key, 'sources'));
  return fields;
}

/** What a case must come to: read as is, read with a repair said, its entry left out, or the file refused. */
type Outcome = 'read' | 'repaired' | 'left out' | 'refused';

interface Case {
  label: string;
  text: string;
  /** The 1-based line of the mistake. */
  line: number;
  field?: Field;
  expected: Outcome;
}

/** A wrong value of another type than the field takes, and none that the reader repairs (a text for a list is split). */
function wrongType(field: Field): string {
  if (field.type.includes('array')) return '{a: 1}';
  if (field.type.includes('number')) return field.key === 'score' ? 'high' : '[6.3]';
  if (field.type.includes('boolean')) return 'maybe';
  if (field.type.includes('confidence')) return '{level: high}';
  // A number where free text goes is the text written (below).
  return TEXT.includes(field.key) ? '{a: 1}' : '42';
}

// The fields without which a campaign cannot be read: a value of one that cannot be read refuses the file.
const ESSENTIAL = ['name', 'techniques', 'domain'];
// Text whose number is the text written (`name: 2018`).
const TEXT = ['name', 'description', 'comment', 'evidence', 'source', 'title'];
// Free text, which may be empty; every other optional field left empty says nothing.
const FREE_TEXT = ['description', 'comment', 'evidence', 'source'];
// Values of one form, where a space after it is no part of the value.
const FIXED_FORM = ['first_seen', 'last_seen', 'published', 'domain', 'attack_version', 'url'];
// A confidence word and a number in quotes are read without the space too.
const TRIMMED = ['confidence', 'score'];

/** A key misspelt by two letters swapped (`techinques`, as the brief's user types it). */
function misspelt(key: string): string {
  const found = [...key].findIndex((letter, at) => at > 0 && key[at + 1] !== undefined && key[at + 1] !== letter);
  const i = found < 0 ? 0 : found;
  return key.slice(0, i) + key[i + 1]! + key[i]! + key.slice(i + 2);
}

function cases(): Case[] {
  const all: Case[] = [
    { label: 'the real file, every field written once', text: BASE, line: 1, expected: 'read' },
    { label: 'a BOM before the file', text: `\uFEFF${BASE}`, line: 1, expected: 'read' },
    { label: 'CRLF line ends', text: BASE.replace(/\n/g, '\r\n'), line: 1, expected: 'read' },
  ];
  // A key misspelt or given twice refuses the file at its top, and leaves the entry out in a list.
  const broken = (outcome: Outcome, field: Field) => (outcome === 'refused' && field.list ? 'left out' : outcome);
  // A value that cannot be read leaves its entry out, or its field at the top, but for the fields nothing can be done without.
  const unreadable = (field: Field): Outcome => (field.list || !ESSENTIAL.includes(field.key) ? 'left out' : 'refused');
  const fields = fieldsOf();
  for (const field of fields) {
    const { start, end, key } = field;
    const prefix = LINES[start]!.slice(0, LINES[start]!.indexOf(key));
    const value = LINES[start]!.slice(prefix.length + key.length + 1);
    const replaced = (to: string) => [...LINES.slice(0, start), `${prefix}${key}:${to}`, ...LINES.slice(end)].join('\n');
    const keyed = (to: string) => [...LINES.slice(0, start), `${prefix}${to}:${value}`, ...LINES.slice(start + 1)].join('\n');
    const add = (label: string, text: string, expected: Outcome, line = start + 1) => all.push({ label: `${field.pointer}: ${label}`, text, line, field, expected });
    add(`a wrong type (${wrongType(field)})`, replaced(` ${wrongType(field)}`), unreadable(field));
    if (TEXT.includes(key)) add('a number where text goes (2018)', replaced(' 2018'), 'repaired');
    // YAML 1.1's words for true and false, which YAML 1.2 reads as text.
    if (field.type.includes('boolean')) for (const word of ['yes', 'No', 'off']) add(`YAML 1.1's ${word}`, replaced(` ${word}`), 'repaired');
    // An optional field left empty is read as not given, said; a required one cannot be read.
    add('left empty', replaced(''), field.required ? unreadable(field) : 'repaired');
    add('an empty text ("")', replaced(' ""'), field.required ? unreadable(field) : FREE_TEXT.includes(key) ? 'read' : 'repaired');
    add(`misspelt (${misspelt(key)})`, keyed(misspelt(key)), broken('refused', field));
    add(`in another case (${key[0]!.toUpperCase()}${key.slice(1)})`, keyed(`${key[0]!.toUpperCase()}${key.slice(1)}`), 'repaired');
    if (key.includes('_')) add(`with "-" for "_" (${key.replace(/_/g, '-')})`, keyed(key.replace(/_/g, '-')), 'repaired');
    // Given twice: the field's lines again right after it (the first of an entry without its "- ").
    const again = LINES.slice(start, end).map((line, i) => (i === 0 ? line.replace('- ', '  ') : line));
    add('given twice', [...LINES.slice(0, end), ...again, ...LINES.slice(end)].join('\n'), broken('refused', field), end + 1);
    add('indented with a tab', [...LINES.slice(0, start), `\t${LINES[start]!.trimStart()}`, ...LINES.slice(start + 1)].join('\n'), 'refused');
    // A line of a block's text (description: >-, then its lines) indented with a tab: one error, at that line.
    if (/[>|]-?$/.test(LINES[start]!) && end > start + 2) {
      add('a line of its text indented with a tab', [...LINES.slice(0, start + 2), `\t${LINES[start + 2]!.trimStart()}`, ...LINES.slice(start + 3)].join('\n'), 'refused', start + 3);
    }
    const plain = value.trim().replace(/^"(.*)"$/, '$1');
    if (plain && !/^[>|[{]/.test(plain) && !plain.includes('"')) {
      const fixed = FIXED_FORM.includes(key);
      add('a trailing space (quoted)', replaced(` "${plain} "`), fixed || TRIMMED.includes(key) || key === 'infer' ? 'repaired' : 'read');
    }
  }
  for (const key of ['first_seen', 'last_seen', 'published']) {
    const start = LINES.findIndex((line) => line.startsWith(`${key}:`));
    for (const [label, date, expected] of [
      ['a timestamp', '2018-07-13T09:00:00Z', 'repaired'],
      ['a date and time', '2018-07-13 09:00:00', 'repaired'],
      ['a date with slashes, year first', '2018/07/13', 'repaired'],
      // Which day 07/13/2018 or 13.07.2018 is depends on where it was written, and words on their language: not guessed,
      // but said; the rest of the file is read.
      ['a date in words', 'July 2018', 'left out'],
      ['a date day first', '13.07.2018', 'left out'],
      ['a quarter', 'Q3 2018', 'left out'],
    ] as const) {
      const field = fields.find((each) => each.pointer === `/${key}`)!;
      all.push({ label: `/${key}: ${label} (${date})`, text: [...LINES.slice(0, start), `${key}: ${date}`, ...LINES.slice(start + 1)].join('\n'), line: start + 1, field, expected });
    }
  }
  return all;
}

/** The key as the case writes it on its line. */
function keyWritten(each: Case): string {
  return /^[\s-]*([^:\s]+):/.exec(each.text.split(/\r?\n/)[each.line - 1] ?? '')?.[1] ?? '';
}

/** What the reader made of a case, as an outcome. */
function outcomeOf(text: string, file: string): { outcome: Outcome; campaign?: Campaign; error?: AttackLayersError } {
  try {
    const campaign = parseCampaign(text, file);
    return { outcome: campaign.leftOut ? 'left out' : campaign.repairs ? 'repaired' : 'read', campaign };
  } catch (error) {
    expect(error).to.be.instanceOf(AttackLayersError);
    return { outcome: 'refused', error: error as AttackLayersError };
  }
}

const CASES = cases();
const base = parseCampaign(BASE, 'c.yaml');

describe('regressions: a campaign file with every field wrong once', () => {
  it('covers every field of the schema, each at least 8 ways', () => {
    const fields = new Set(CASES.flatMap((each) => (each.field ? [each.field.pointer] : [])));
    expect(fields.size).to.equal(Object.keys(schema.properties).length + 9 + 3 + 2);
    expect(CASES.length).to.be.at.least(fields.size * 8);
  });

  it('reads a field written in camelCase or with spaces as the field, and leaves one given beside the field to report', () => {
    const campaign = parseCampaign('name: x\nfirstSeen: 2020-01\nAttack Version: "6.3"\ntechniques:\n  - ref: T1193\n    Tactic: Initial Access\n', 'c.yaml');
    expect([campaign.firstSeen, campaign.attackVersion, campaign.techniques[0]!.tactics]).to.deep.equal(['2020-01', '6.3', ['Initial Access']]);
    expect(campaign.repairs).to.deep.equal([
      'line 2: /firstSeen: read as the field first_seen (fields are written in lower case, their words joined by "_"; write first_seen:)',
      'line 3: /Attack Version: read as the field attack_version (fields are written in lower case, their words joined by "_"; write attack_version:)',
      'line 6: /techniques/0/Tactic: read as the field tactic (fields are written in lower case, their words joined by "_"; write tactic:)',
    ]);
    expect(() => parseCampaign('name: x\nName: y\n', 'c.yaml')).to.throw('line 2, /Name: unknown field "Name" (did you mean "name"?)');
  });

  describe('the reader', () => {
    for (const each of CASES) {
      it(`${each.label}: ${each.expected}`, () => {
        const { outcome, campaign, error } = outcomeOf(each.text, 'c.yaml');
        expect(outcome, error?.message ?? JSON.stringify(campaign?.leftOut ?? campaign?.repairs)).to.equal(each.expected);
        if (outcome === 'refused') {
          const issues = (error as unknown as { issues?: { line?: number; path: string; message: string }[] }).issues ?? [];
          expect(issues.map((issue) => issue.line), error!.message).to.include(each.line);
          // A tab is one error: none that only follows from it (a list item's fields read as the item's above it).
          if (each.label.includes('tab')) expect(issues, error!.message).to.have.length(1);
          // The field is named as the schema spells it, or as written.
          if (each.field && !each.label.includes('tab')) expect(error!.message).to.match(new RegExp(`[/"](${each.field.key}|${keyWritten(each)})\\b`, 'i'));
        }
        if (outcome === 'left out' && !each.field!.list) {
          // A field at the top left out: said at its line with what to write, every technique read.
          expect(campaign!.leftOut!.map((issue) => [issue.line, issue.path])).to.deep.equal([[each.line, `/${each.field!.key}`]]);
          expect(campaign!.leftOut![0]!.message).to.match(/; the field is left out, read as not given: write /);
          expect(campaign!.techniques).to.have.length(base.techniques.length);
        } else if (outcome === 'left out') {
          expect(campaign!.leftOut!.map((issue) => issue.line)).to.include(each.line);
          expect(campaign!.leftOut!.every((issue) => issue.path.startsWith(`/${each.field!.list}/0`))).to.equal(true);
          // Only the entry with the mistake is left out: the others are all read.
          const list = each.field!.list!;
          expect(campaign![list === 'techniques' ? 'techniques' : list === 'software' ? 'software' : 'sources']).to.have.length(base[list].length - 1);
        }
        if (outcome === 'repaired') expect(campaign!.repairs!.join('\n')).to.include(`line ${each.line}: `);
      });
    }
  });

  describe('the CLI', function () {
    this.timeout(120000);
    const dir = freshTmpDir('every-field-wrong');
    // The case files; without `id:`, each one's layer is named after its file.
    const files = CASES.map((each, i) => {
      const file = join(dir, `case-${i}.yaml`);
      writeFileSync(file, each.field?.key === 'id' ? each.text.replace('temp-periscope-2018', `case-${i}-id`) : each.text.replace(/^id: .*\r?\n/m, ''));
      return file;
    });
    // The line of the mistake in the file without its `id:` line.
    const lineOf = (i: number) => {
      const { field, line, text } = CASES[i]!;
      const id = text.split('\n').findIndex((each) => each.startsWith('id:')) + 1;
      return line - (field?.key !== 'id' && id > 0 && id < line ? 1 : 0);
    };

    it('validate: an error exactly for a file that cannot be read as meant, at its line', async () => {
      const result = await runCli(['validate', '--json', ...files]);
      expect(hasStackTrace(result.stdout + result.stderr)).to.equal(false);
      const reports = JSON.parse(result.stdout) as { file: string; findings: { severity: string; code: string; line?: number; message: string }[] }[];
      const wrong: string[] = [];
      files.forEach((file, i) => {
        const findings = reports.find((report) => report.file === file)?.findings ?? [];
        // A technique's report: names a source by its url; without it, the report names none, which is said as an error.
        const errors = findings.filter((f) => f.severity === 'error' && !(f.code === 'unknown-report' && CASES[i]!.field?.pointer.startsWith('/sources')));
        const expected = CASES[i]!.expected;
        const failed = expected === 'refused' || expected === 'left out';
        if ((errors.length > 0) !== failed) wrong.push(`${CASES[i]!.label}: ${errors.length} errors`);
        else if (failed && !errors.some((f) => f.line === lineOf(i))) wrong.push(`${CASES[i]!.label}: no error at line ${lineOf(i)}: ${errors.map((f) => `${f.line}: ${f.message}`).join('; ')}`);
        else if (expected === 'repaired' && !findings.some((f) => f.code === 'repaired' && f.line === lineOf(i))) wrong.push(`${CASES[i]!.label}: no repair said at line ${lineOf(i)}`);
      });
      expect(wrong).to.deep.equal([]);
    });

    it('normalize and render refuse a file that cannot be read at all, naming the file, line and field, and write nothing', async () => {
      const wrong: string[] = [];
      for (const [i, each] of CASES.entries()) {
        if (each.expected !== 'refused') continue;
        for (const argv of [['normalize', files[i]!], ['render', files[i]!, '--out', join(dir, `out-${i}`)]]) {
          const result = await runCli(argv);
          const said = result.stderr;
          const place = new RegExp(`${files[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:${lineOf(i)}\\b|: line ${lineOf(i)}\\b|: .*line ${lineOf(i)}\\b)`);
          if (result.code !== 1 || hasStackTrace(said) || !place.test(said) || result.stdout !== '') wrong.push(`${argv[0]} ${each.label}: exit ${result.code}: ${said}`);
        }
        if (existsSync(join(dir, `out-${i}`))) wrong.push(`render ${each.label}: wrote a layer`);
      }
      expect(wrong).to.deep.equal([]);
    });

    it('normalize reads the others, names each entry left out and says each repair at its line', async () => {
      const readable = files.filter((_, i) => CASES[i]!.expected !== 'refused');
      const result = await runCli(['normalize', '--json', ...readable]);
      expect(hasStackTrace(result.stderr)).to.equal(false);
      expect(result.code).to.equal(1);
      const normalized = JSON.parse(result.stdout) as { file: string; warnings: string[] }[];
      expect(normalized.map((each) => each.file)).to.deep.equal(readable);
      const wrong: string[] = [];
      files.forEach((file, i) => {
        const { expected, label } = CASES[i]!;
        const named = result.stderr.includes(`${file}:${lineOf(i)}: `);
        if (expected !== 'refused' && named !== (expected === 'left out')) wrong.push(`${label}: ${named ? '' : 'not '}named as left out`);
        const warnings = normalized.find((each) => each.file === file)?.warnings ?? [];
        if (expected === 'repaired' && !warnings.some((warning) => warning.startsWith(`line ${lineOf(i)}: `))) wrong.push(`${label}: repair not said`);
      });
      expect(wrong).to.deep.equal([]);
    });

    it('render writes the layer of every file read, with every technique but that of an entry left out', async () => {
      const readable = files.filter((_, i) => CASES[i]!.expected !== 'refused');
      const out = join(dir, 'layers');
      const result = await runCli(['render', ...readable, '--out', out]);
      expect(hasStackTrace(result.stderr)).to.equal(false);
      expect(result.code).to.equal(1);
      const techniquesOf = (name: string) =>
        new Set((JSON.parse(readFileSync(join(out, `${name}.layer.json`), 'utf8')) as { techniques: { techniqueID: string; score?: number }[] }).techniques.filter((t) => t.score !== undefined).map((t) => t.techniqueID));
      const all = techniquesOf('case-0');
      expect(all).to.include('T1566.001');
      const wrong: string[] = [];
      files.forEach((file, i) => {
        const { expected, field, label } = CASES[i]!;
        if (expected === 'refused') return;
        const name = parseCampaign(readFileSync(file, 'utf8'), file).id.trim();
        if (!existsSync(join(out, `${name}.layer.json`))) return void wrong.push(`${label}: no layer ${name}`);
        const kept = techniquesOf(name);
        // The first technique's entry is the one made wrong; a software entry left out takes its inferred techniques.
        const lost = [...all].filter((id) => !kept.has(id));
        const allowed = expected === 'left out' && field?.list === 'techniques' ? ['T1566.001'] : [];
        // Without its software (or techniques), the campaign has none of their techniques.
        if (field?.list === 'software' || field?.pointer === '/software' || (field?.pointer === '/techniques' && expected === 'repaired')) return;
        if (lost.some((id) => !allowed.includes(id))) wrong.push(`${label}: lost ${lost.join(', ')}`);
      });
      expect(wrong).to.deep.equal([]);
    });
  });
});
