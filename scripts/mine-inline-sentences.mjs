// Builds eval/report-inline-sentences.jsonl: sentences of published reports whose author cited exactly one ATT&CK
// technique ID inline, the ID removed (eval/README.md, "Report prose with inline IDs", states the rules).
// Reads saved copies of the documents in eval/sources/*.md (not committed: a header of `key: value` lines, `---`, then
// the document's text as stored; `--sources DIR` reads them from DIR instead) and the English excerpts of
// test/corpus/reports/*.yaml; needs `npm run build`.
//   node scripts/mine-inline-sentences.mjs [--check] [--sources DIR]   (--check: compare with the committed file, write nothing)
// With --append, the rows of the documents in DIR (--sources, required) are added after the committed rows, which stay
// byte for byte as they are: for adding documents when the saved copies of the earlier ones are not at hand. The
// corpus excerpts are not read again; a sentence whose text an earlier row has is dropped as a repeat; a document's
// rows already at the end of the file are replaced by what its copy gives now (so running it twice adds nothing), and
// a document that has rows before the end is refused (its rows can only be made again from every saved copy).
//   node scripts/mine-inline-sentences.mjs --append --sources DIR [--check]   (--check: are DIR's rows the file's end?)
// With --part NAME --out FILE, the rows of the documents in DIR (--sources, required) make a part of their own, written
// to FILE (eval/report-dev-sentences.jsonl, part `reports-dev`: report prose to tune on) and the committed files are not
// touched: the corpus excerpts are not read, a sentence whose text eval/report-inline-sentences.jsonl holds is dropped
// as a repeat, and a document that any eval/*.jsonl row already cites (its `source` or `reports`) is refused.
//   node scripts/mine-inline-sentences.mjs --part NAME --out FILE --sources DIR [--check]   (--check: is FILE up to date?)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadAttack, sourceKey } from '../dist/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committedFile = join(repo, 'eval/report-inline-sentences.jsonl');

/** The documents: `{ name, source, url, body, lineUnits }`; the corpus excerpts too unless `savedOnly`. */
function documents(dir, savedOnly) {
  const docs = [];
  for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : []) {
    const [head, ...rest] = readFileSync(join(dir, file), 'utf8').split(/^---$/m);
    const meta = Object.fromEntries(head.trim().split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
    // `units: lines`: a paragraph is a line (a web page saved as text, its paragraphs on lines of their own with no blank
    // line between them, as the web-page excerpts below); `also`: further addresses of the document (its PDF, a report
    // it draws on whose link the saved text lost), given to every sentence's `reports`.
    const also = (meta.also ?? '').split(/\s+/).filter(Boolean);
    docs.push({ name: file, source: meta.source, url: meta.url, also, body: rest.join('---'), lineUnits: meta.units === 'lines' });
  }
  if (savedOnly) return docs;
  // The CTID intelligence summaries among the excerpts are read whole from eval/sources instead.
  const corpus = join(repo, 'test/corpus/reports');
  for (const file of readdirSync(corpus).filter((f) => f.endsWith('.yaml') && !f.startsWith('ctid-')).sort()) {
    const doc = parseYaml(readFileSync(join(corpus, file), 'utf8'));
    if (doc.language !== 'en') continue;
    docs.push({ name: `test/corpus/reports/${file}`, source: doc.source, url: doc.source, also: [], body: doc.excerpt, lineUnits: true });
  }
  return docs;
}

const ID = String.raw`T\d{3,4}(?:\.\d{3})?`;
const LINK = /\[((?:[^\][]|\[[^\]]*\])*)\]\((\S+?)\)/g;
const ATTACK_TECHNIQUE_URL = /attack\.mitre\.org\/(?:versions\/v[\d.]+\/)?techniques\/(T\d{4})(?:\/(\d{3}))?/;
const OTHER_ATTACK_ID = String.raw`(?:TA|S|G|M|C)\d{4}`;

/** A table's column headers: the ID column and the column of prose that a row's ID cites. */
const ID_HEADER = /^(id|technique id)$/i;
const PROSE_HEADER = /^(use|description|details|procedure|notes|observed activity)$/i;
/** A header naming a technique column, which is a table's ID column when its first row holds an ID there (Fortinet's). */
const TECHNIQUE_HEADER = /^technique$/i;
const LONE_ID = /^T\d{4}(?:\.\d{3})?$/;
/** A header cell's text without the emphasis markers around it (`**ID**`). */
const headerText = (text) => text.replace(/\*\*|__/g, '').trim();

/**
 * Tables whose cells stand one to a line, as a web page's tables are saved as text (blank lines between cells or not):
 * a header of short lines, one an ID header and one after it, at most four lines on, a prose header; then each line
 * that is a technique ID alone opens a row, whose prose cell stands as many lines after it as the prose header stands
 * after the ID header. The lines before a row's ID (a tactic cell, written on a tactic's first row only, a technique's
 * name) are passed over; twice as many lines running as the header has cells (from its first line to the prose
 * header), none opening a row, end the table: a row's cells and a tactic row, or a cell a saved page broke over lines
 * (inline code stands on lines of its own), are no end. A header line set in bold (`**ID**`) is read without the
 * asterisks; a `Technique` header is the ID column when the line under the header is a technique ID (Fortinet writes
 * `Technique`, `Technique Description`, `Observed Activity` over each ID, name and account). Returns the rows as
 * table-cell units and the lines read.
 */
function cellsPerLineTables(lines) {
  const filled = lines.map((line, at) => ({ text: line.trim(), at })).filter(({ text }) => text && !text.startsWith('|'));
  const short = (text) => text.split(/\s+/).length <= 3 && !/[.!?:]$/.test(text);
  const cells = [];
  const read = new Set();
  for (let h = 0; h < filled.length; h++) {
    const byName = TECHNIQUE_HEADER.test(headerText(filled[h].text));
    if (!byName && !ID_HEADER.test(headerText(filled[h].text))) continue;
    const after = filled.slice(h + 1, h + 5);
    const step = after.findIndex(({ text }) => PROSE_HEADER.test(headerText(text))) + 1;
    if (step === 0 || !after.slice(0, step).every(({ text }) => short(text))) continue;
    if (byName && !LONE_ID.test(filled[h + step + 1]?.text ?? '')) continue;
    // The header's cells before the ID header: the short lines right before it (at most four).
    let lead = 0;
    while (lead < 4 && h > lead && short(filled[h - lead - 1].text)) lead++;
    const end = 2 * (lead + 1 + step);
    let row = h + step + 1;
    let stray = 0;
    while (row < filled.length && stray < end) {
      const prose = filled[row + step];
      if (LONE_ID.test(filled[row].text) && prose) {
        cells.push({ text: `[${filled[row].text}] ${prose.text}`, cell: true, at: filled[row].at });
        for (let k = row; k <= row + step; k++) read.add(filled[k].at);
        row += step + 1;
        stray = 0;
      } else {
        row++;
        stray++;
      }
    }
    h = row - 1;
  }
  return { cells, read };
}

/** A Markdown table's delimiter row (`| --- | :--: |`, or `---|---` without the outer pipes). */
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/;

/**
 * The lines that are rows of Markdown tables: each line opening with a pipe, and the rows of a table written without
 * the outer pipes (GitHub's syntax allows it; pages converted to Markdown write them so): a line holding a pipe right
 * before a delimiter row is its header, and the lines holding a pipe that follow it are its rows.
 */
function tableRows(lines) {
  const rows = new Set();
  let pipeless = false;
  for (const [at, line] of lines.entries()) {
    if (!line.includes('|')) pipeless = false;
    else if (DELIMITER_ROW.test(lines[at + 1] ?? '') && !DELIMITER_ROW.test(line)) pipeless = true;
    if (/^\s*\|/.test(line) || pipeless) rows.add(at);
  }
  return rows;
}

/** A document's units of text: prose paragraphs (or, for web-page excerpts, lines) and the prose cells of tables. */
export function units(doc) {
  const result = [];
  const lines = doc.body.split('\n');
  const { cells, read } = cellsPerLineTables(lines);
  const rows = tableRows(lines);
  let header;
  let block = [];
  const flush = () => {
    if (block.length) result.push({ text: block.join(' ') });
    block = [];
  };
  for (const [at, line] of lines.entries()) {
    if (read.has(at)) {
      flush();
      const cell = cells.find((c) => c.at === at);
      if (cell) result.push({ text: cell.text, cell: true });
      continue;
    }
    if (rows.has(at)) {
      flush();
      let written = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.replace(/\*\*/g, '').trim());
      if (written.every((c) => /^:?-+:?$/.test(c))) continue;
      // A row with fewer cells than the header left out a cell that spans rows on its left (a tactic written on its
      // first row only): its cells are aligned with the header's right end. So is a row whose cells were moved left
      // over that cell and padded with empty cells on the right (its first cell is filled, its last ones empty).
      if (header && written[0] && !written.at(-1)) while (written.length > 1 && !written.at(-1)) written = written.slice(0, -1);
      const missing = header ? header.length - written.length : 0;
      const cells = missing > 0 ? [...Array(missing).fill(''), ...written] : written;
      if (!header) {
        header = cells.map((c) => c.toLowerCase());
        continue;
      }
      const prose = header.findIndex((h) => PROSE_HEADER.test(h));
      const idCell = header.findIndex((h) => ID_HEADER.test(h));
      // A table cell is one unit, whatever its punctuation; the row's ID column is its citation.
      if (prose >= 0 && idCell >= 0) result.push({ text: `[${cells[idCell]}] ${cells[prose]}`, cell: true });
      continue;
    }
    header = undefined;
    if (!line.trim()) flush();
    else if (doc.lineUnits) result.push({ text: line });
    else block.push(line.trim());
  }
  flush();
  return result;
}

/**
 * One unit's sentences with their citations: footnotes and links are taken out (their URLs kept as the unit's
 * reports), each technique ID becomes a placeholder `⟦written|linked⟧`, other ATT&CK IDs (groups, software...) go.
 */
export function citations(unitText) {
  const reports = [];
  let text = unitText.replace(/&amp;/g, '&').replace(/\\"/g, '"');
  // Footnotes: <sup>[4](url), [8](url)</sup>, a number linked to a URL, a bare [1] after a word.
  text = text.replace(/<sup>([\s\S]*?)<\/sup>/g, (_, inner) => {
    for (const [, , url] of inner.matchAll(LINK)) reports.push(url);
    return ' ';
  });
  text = text.replace(/\[(\d{1,3})\]\((https?:\/\/[^)\s]+)\)(<\/sup>)?/g, (_, __, url) => {
    reports.push(url);
    return ' ';
  });
  // HTML tags go; an address in angle brackets (`<https:/...>`, as a page converted to Markdown wraps a link's target)
  // is no tag.
  // A footnote number in brackets after a word (`detection[4]`), or standing between spaces as a page scraped to text
  // writes it (`credentials (T1003.002) [16] .`), goes.
  text = text
    .replace(/<(?!https?:|mailto:)[^>]+>/g, ' ')
    .replace(/(?<=\w)\[\d{1,3}\]/g, '')
    .replace(/(?<=\s)\[\d{1,3}\](?=[\s.,;:!?)]|$)/g, '');
  // Links: an ID linked to its technique page is a citation; other links keep their text.
  text = text.replace(LINK, (whole, label, url) => {
    const attack = ATTACK_TECHNIQUE_URL.exec(url);
    // The link's text is an ID, bracketed or not, set in italics or bold or not (`[*T1583.001*](...)`).
    const written = new RegExp(`^([*_]{0,2})\\(?(${ID})\\)?\\1$`).exec(label.trim())?.slice(1);
    if (attack && written) return `⟦${written[1]}|${attack[1]}${attack[2] ? `.${attack[2]}` : ''}⟧`;
    if (/attack\.mitre\.org/.test(url) && new RegExp(`^\\(?${OTHER_ATTACK_ID}\\)?$`).test(label.trim())) return '⟦-⟧';
    if (!/attack\.mitre\.org/.test(url) && /^https?:/.test(url)) reports.push(url);
    return written?.[0] ? label.trim().slice(written[0].length, -written[0].length) : label;
  });
  text = text.replace(new RegExp(`(?<![\\w⟦|])(${ID})(?![\\w⟧|])`, 'g'), '⟦$1|$1⟧');
  text = text.replace(new RegExp(`(?<![\\w⟦|])${OTHER_ATTACK_ID}(?![\\w⟧|])`, 'g'), '⟦-⟧');
  text = text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
  return { reports, text };
}

/** A sentence ends at . ! or ? (and any closing quote or bracket) before a space, unless the word is an abbreviation. */
function splitSentences(text) {
  return text.split(/(?<=(?<!\b(?:e\.g|i\.e|etc|vs|cf|al|Inc|U\.S))[.!?]["”’)]*)\s+(?=["“(\[⟦]?[\p{L}\p{N}⟦])/u);
}

const citation = /⟦([^|⟧]*)(?:\|([^⟧]*))?⟧/g;
/** The sentence without its citations: bracketed groups of them go whole, a bare one with the dash that follows it. */
export function withoutCitations(sentence) {
  return sentence
    // A period written inside the citation's brackets (`user (T1564.003.)`) stays, as the sentence's end.
    .replace(/\s*[([]\s*⟦[^⟧]*⟧(?:\s*[,;]?\s*⟦[^⟧]*⟧)*\s*([.!?]?)\s*[)\]]/g, '$1')
    .replace(/⟦[^⟧]*⟧(?:\s+[-–—](?=\s))?/g, '')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([.!?])\.(?=\s|$)/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—•*-]+/, '')
    .trim();
}

/**
 * The rows the rules give for the documents, in order, with the count of sentences each rule dropped. `seen` holds the
 * texts of earlier rows (a repeat of one is dropped); `known` tells whether an ID is a technique of the release, and
 * `techniqueNames` holds the release's technique names, folded.
 */
function mine(docs, { known, techniqueNames, seen = new Set(), part = 'reports' }) {
  const skipped = {
    'two or more different technique IDs': 0,
    'an ID this release does not know, and no link that gives a known one': 0,
    'a written ID that is a technique and disagrees with its link': 0,
    'fewer than 5 words': 0,
    'a technique name only': 0,
    'no sentence-final punctuation (a heading, table header or list label)': 0,
    'the same text as an earlier sentence': 0,
  };
  const rows = [];
  for (const doc of docs) {
    for (const unit of units(doc)) {
      const { reports, text: cited } = citations(unit.text);
      for (const sentence of unit.cell ? [cited] : splitSentences(cited)) {
        const cited = [...sentence.matchAll(citation)].filter(([, written]) => written !== '-');
        if (!cited.length) continue;
        /** The ID as written, or the one its link gives when the written one is no technique of the release. */
        const resolve = ([, written, linked]) => (known(written) || !known(linked) ? { id: written } : { id: linked, written });
        const ids = cited.map(resolve);
        if (new Set(ids.map((c) => c.id)).size > 1) {
          skipped['two or more different technique IDs']++;
          continue;
        }
        if (cited.some(([, written, linked]) => known(written) && known(linked) && written !== linked)) {
          skipped['a written ID that is a technique and disagrees with its link']++;
          continue;
        }
        const { id, written } = ids[0];
        const text = withoutCitations(sentence);
        if (!known(id)) skipped['an ID this release does not know, and no link that gives a known one']++;
        else if ((text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 5) skipped['fewer than 5 words']++;
        else if (techniqueNames.has(fold(text))) skipped['a technique name only']++;
        else if (!/[.!?]["”’)]*$/.test(text)) skipped['no sentence-final punctuation (a heading, table header or list label)']++;
        else if (seen.has(text)) skipped['the same text as an earlier sentence']++;
        else {
          seen.add(text);
          const urls = [...new Set([...reports, doc.url, ...doc.also])];
          const form = unit.cell ? 'table cell' : 'prose';
          rows.push({ text, id, ...(written ? { written } : {}), source: doc.source, reports: urls, form, part });
        }
      }
    }
  }
  return { rows, skipped };
}

const fold = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * What --append keeps of the committed file: its lines up to the rows of the documents being added, as they are. The
 * rows of those documents must be the file's last ones (they are replaced); a document with a row before them is
 * refused. `committed` is the file's text; `sources` the `source` of each document added.
 */
export function appendBase(committed, sources, file = 'eval/report-inline-sentences.jsonl') {
  const lines = committed.split('\n').filter((line) => line.trim());
  const sourceOf = (line, at) => {
    try {
      return JSON.parse(line).source;
    } catch (error) {
      throw new Error(`${file}:${at + 1}: not a JSON row (${error.message}); restore the committed file`, { cause: error });
    }
  };
  const adding = new Set(sources);
  let end = lines.length;
  while (end > 0 && adding.has(sourceOf(lines[end - 1], end - 1))) end--;
  const base = lines.slice(0, end);
  const earlier = base.findIndex((line, at) => adding.has(sourceOf(line, at)));
  if (earlier >= 0) {
    throw new Error(
      `${file}:${earlier + 1}: ${sourceOf(base[earlier], earlier)} has rows among the earlier documents; --append adds ` +
        'documents the file does not hold yet (regenerate the whole file from every saved copy instead)',
    );
  }
  return { lines: base, texts: new Set(base.map((line) => JSON.parse(line).text)) };
}

/**
 * The documents of a part of their own must be new to eval/: a document whose address (`source`, `url` or `also`) a
 * row of `evalRows` already gives as its `source` or among its `reports` is refused, naming the saved copy.
 */
export function refuseCited(docs, evalRows, keyOf = (url) => url) {
  const cited = new Set(evalRows.flatMap((row) => [row.source, ...(row.reports ?? [])].filter(Boolean).map(keyOf)));
  for (const doc of docs) {
    const known = [doc.source, doc.url, ...doc.also].filter(Boolean).find((url) => cited.has(keyOf(url)));
    if (known) {
      throw new Error(`${doc.name}: ${known} is already cited by a row of eval/*.jsonl; a part of its own takes documents new to eval/`);
    }
  }
}

function main() {
  const argv = process.argv.slice(2);
  const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] ?? '' : undefined);
  const sourcesFlag = argv.indexOf('--sources');
  const sourcesDir = sourcesFlag >= 0 ? resolve(argv[sourcesFlag + 1] ?? '') : join(repo, 'eval/sources');
  const append = argv.includes('--append');
  if (append && sourcesFlag < 0) throw new Error('--append needs --sources DIR: the folder of the saved copies to add');
  const part = flag('--part');
  const newPart = part !== undefined && /^[a-z][a-z-]*$/.test(part) && part !== 'reports';
  if (part !== undefined && (!newPart || append || sourcesFlag < 0 || !flag('--out'))) {
    throw new Error('--part NAME (a new part: lower-case letters and hyphens) needs --out FILE and --sources DIR, not --append');
  }
  const out = part ? resolve(flag('--out')) : committedFile;
  const stixDir = process.env.ATTACK_STIX_DIR || resolve(repo, '../shared/attack-stix');
  const index = loadAttack({ envDir: stixDir, cacheDir: join(repo, '.bench-cache'), release: '18.1' });
  /** A technique ID this release knows, directly or as the start of a revocation chain. */
  const known = (id) => /^T\d{4}(\.\d{3})?$/.test(id) && Boolean(index.revocationChain(id).final);
  const techniqueNames = new Set(
    index.allTechniques().flatMap((t) => {
      const parent = t.parent ? index.technique(t.parent)?.name : undefined;
      return [fold(t.name), ...(parent ? [fold(`${parent} ${t.name}`)] : [])];
    }),
  );

  const docs = documents(sourcesDir, append || Boolean(part));
  if ((append || part) && !docs.length) throw new Error(`${sourcesDir}: no saved copy (*.md) to add`);
  const base = append ? appendBase(existsSync(out) ? readFileSync(out, 'utf8') : '', docs.map((doc) => doc.source)) : undefined;
  let seen = base?.texts;
  if (part) {
    const rowsOf = (file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
    const evalFiles = readdirSync(join(repo, 'eval')).filter((file) => file.endsWith('.jsonl')).map((file) => join(repo, 'eval', file));
    refuseCited(docs, evalFiles.filter((file) => file !== out).flatMap(rowsOf), sourceKey);
    seen = new Set(rowsOf(committedFile).map((row) => row.text));
  }
  const { rows, skipped } = mine(docs, { known, techniqueNames, seen, part });

  const perSource = new Map();
  for (const row of rows) perSource.set(row.source, (perSource.get(row.source) ?? 0) + 1);
  const jsonl = [...(base?.lines ?? []), ...rows.map((row) => JSON.stringify(row))].join('\n') + '\n';
  for (const [source, n] of perSource) console.error(`${String(n).padStart(4)}  ${source}`);
  for (const [reason, n] of Object.entries(skipped)) if (n) console.error(`skipped ${n}: ${reason}`);
  console.error(`${rows.length} sentences from ${perSource.size} documents${base ? `, after ${base.lines.length} committed rows` : ''}`);
  if (argv.includes('--check')) {
    const same = existsSync(out) && readFileSync(out, 'utf8') === jsonl;
    console.error(same ? `${out} is up to date` : `${out} differs from what the sources give`);
    process.exitCode = same ? 0 : 1;
  } else writeFileSync(out, jsonl);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
