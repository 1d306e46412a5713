// Builds eval/report-inline-sentences.jsonl: sentences of published reports whose author cited exactly one ATT&CK
// technique ID inline, the ID removed (eval/README.md, "Report prose with inline IDs", states the rules).
// Reads saved copies of the documents in eval/sources/*.md (not committed: a header of `key: value` lines, `---`, then
// the document's text as stored; `--sources DIR` reads them from DIR instead) and the English excerpts of
// test/corpus/reports/*.yaml; needs `npm run build`.
//   node scripts/mine-inline-sentences.mjs [--check] [--sources DIR]   (--check: compare with the committed file, write nothing)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadAttack } from '../dist/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stixDir = process.env.ATTACK_STIX_DIR || resolve(repo, '../shared/attack-stix');
const index = loadAttack({ envDir: stixDir, cacheDir: join(repo, '.bench-cache'), release: '18.1' });
const out = join(repo, 'eval/report-inline-sentences.jsonl');
const sourcesFlag = process.argv.indexOf('--sources');
const sourcesDir = sourcesFlag > 0 ? resolve(process.argv[sourcesFlag + 1] ?? '') : join(repo, 'eval/sources');

/** A technique ID this release knows, directly or as the start of a revocation chain. */
const known = (id) => /^T\d{4}(\.\d{3})?$/.test(id) && Boolean(index.revocationChain(id).final);
const fold = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const techniqueNames = new Set(
  index.allTechniques().flatMap((t) => {
    const parent = t.parent ? index.technique(t.parent)?.name : undefined;
    return [fold(t.name), ...(parent ? [fold(`${parent} ${t.name}`)] : [])];
  }),
);

/** The documents: `{ name, source, url, body, lineUnits }`. */
function documents() {
  const docs = [];
  const dir = sourcesDir;
  for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : []) {
    const [head, ...rest] = readFileSync(join(dir, file), 'utf8').split(/^---$/m);
    const meta = Object.fromEntries(head.trim().split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
    docs.push({ name: file, source: meta.source, url: meta.url, body: rest.join('---'), lineUnits: false });
  }
  // The CTID intelligence summaries among the excerpts are read whole from eval/sources instead.
  const corpus = join(repo, 'test/corpus/reports');
  for (const file of readdirSync(corpus).filter((f) => f.endsWith('.yaml') && !f.startsWith('ctid-')).sort()) {
    const doc = parseYaml(readFileSync(join(corpus, file), 'utf8'));
    if (doc.language !== 'en') continue;
    docs.push({ name: `test/corpus/reports/${file}`, source: doc.source, url: doc.source, body: doc.excerpt, lineUnits: true });
  }
  return docs;
}

const ID = String.raw`T\d{3,4}(?:\.\d{3})?`;
const LINK = /\[((?:[^\][]|\[[^\]]*\])*)\]\((\S+?)\)/g;
const ATTACK_TECHNIQUE_URL = /attack\.mitre\.org\/techniques\/(T\d{4})(?:\/(\d{3}))?/;
const OTHER_ATTACK_ID = String.raw`(?:TA|S|G|M|C)\d{4}`;

/** A document's units of text: prose paragraphs (or, for web-page excerpts, lines) and the prose cells of tables. */
function units(doc) {
  const result = [];
  const lines = doc.body.split('\n');
  let header;
  let block = [];
  const flush = () => {
    if (block.length) result.push({ text: block.join(' ') });
    block = [];
  };
  for (const line of lines) {
    if (/^\s*\|/.test(line)) {
      flush();
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.replace(/\*\*/g, '').trim());
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
      if (!header) {
        header = cells.map((c) => c.toLowerCase());
        continue;
      }
      const prose = header.findIndex((h) => /^(use|description|details)$/.test(h));
      const idCell = header.findIndex((h) => /^(id|technique id)$/.test(h));
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
function citations(unitText) {
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
  text = text.replace(/<[^>]+>/g, ' ').replace(/(?<=\w)\[\d{1,3}\]/g, '');
  // Links: an ID linked to its technique page is a citation; other links keep their text.
  text = text.replace(LINK, (whole, label, url) => {
    const attack = ATTACK_TECHNIQUE_URL.exec(url);
    const written = new RegExp(`^\\(?(${ID})\\)?$`).exec(label.trim());
    if (attack && written) return `⟦${written[1]}|${attack[1]}${attack[2] ? `.${attack[2]}` : ''}⟧`;
    if (/attack\.mitre\.org/.test(url) && new RegExp(`^\\(?${OTHER_ATTACK_ID}\\)?$`).test(label.trim())) return '⟦-⟧';
    if (!/attack\.mitre\.org/.test(url) && /^https?:/.test(url)) reports.push(url);
    return label;
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
function withoutCitations(sentence) {
  return sentence
    .replace(/\s*[([]\s*⟦[^⟧]*⟧(?:\s*[,;]?\s*⟦[^⟧]*⟧)*\s*[)\]]/g, '')
    .replace(/⟦[^⟧]*⟧(?:\s+[-–—](?=\s))?/g, '')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([.!?])\.(?=\s|$)/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—•*-]+/, '')
    .trim();
}

const skipped = {
  'two or more different technique IDs': 0,
  'an ID this release does not know, and no link that gives a known one': 0,
  'fewer than 5 words': 0,
  'a technique name only': 0,
  'no sentence-final punctuation (a heading, table header or list label)': 0,
  'the same text as an earlier sentence': 0,
};
const rows = [];
const seen = new Set();
const perSource = new Map();
for (const doc of documents()) {
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
      const { id, written } = ids[0];
      const text = withoutCitations(sentence);
      if (!known(id)) skipped['an ID this release does not know, and no link that gives a known one']++;
      else if ((text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 5) skipped['fewer than 5 words']++;
      else if (techniqueNames.has(fold(text))) skipped['a technique name only']++;
      else if (!/[.!?]["”’)]*$/.test(text)) skipped['no sentence-final punctuation (a heading, table header or list label)']++;
      else if (seen.has(text)) skipped['the same text as an earlier sentence']++;
      else {
        seen.add(text);
        const urls = [...new Set([...reports, doc.url])];
        rows.push({ text, id, ...(written ? { written } : {}), source: doc.source, reports: urls, part: 'reports' });
        perSource.set(doc.source, (perSource.get(doc.source) ?? 0) + 1);
      }
    }
  }
}

const jsonl = rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
for (const [source, n] of perSource) console.error(`${String(n).padStart(4)}  ${source}`);
for (const [reason, n] of Object.entries(skipped)) if (n) console.error(`skipped ${n}: ${reason}`);
console.error(`${rows.length} sentences from ${perSource.size} documents`);
if (process.argv.includes('--check')) {
  const same = existsSync(out) && readFileSync(out, 'utf8') === jsonl;
  console.error(same ? `${out} is up to date` : `${out} differs from what the sources give`);
  process.exitCode = same ? 0 : 1;
} else writeFileSync(out, jsonl);
