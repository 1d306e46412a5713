// The evaluation of `suggest` (npm run eval-suggest): top-1 and top-5 accuracy on the sentences of eval/, each mapped
// to a technique by a person, against the ATT&CK release given (default: enterprise 18.1 from ATTACK_STIX_DIR).
// How the figure is computed is said in the README ("How well it ranks"); eval/README.md says where the sentences
// come from and which are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAttack, loadSuggestModel, sourceKey, suggestPassageText } from '../dist/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stixDir = process.env.ATTACK_STIX_DIR || resolve(repo, '../shared/attack-stix');
const release = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '18.1';
const verbose = process.argv.includes('--verbose');

const index = loadAttack({ envDir: stixDir, cacheDir: join(repo, '.bench-cache'), release });
const model = loadSuggestModel(index, { cacheDir: join(repo, '.bench-cache') });

/** A label's technique in this release: the ID itself, or the end of its revoked-by chain. */
function currentId(id) {
  const final = index.revocationChain(id).final;
  return final && !final.deprecated ? final.id : undefined;
}

const fold = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
/** Whether the annotator's technique name agrees with the ID's: the ID's name, or its sub-technique part, begins it. */
function nameAgrees(written, id) {
  const technique = index.technique(id);
  if (!technique) return false;
  const own = fold(technique.name);
  const full = technique.parent ? fold(`${index.technique(technique.parent)?.name ?? ''} ${technique.name}`) : own;
  const mine = fold(written.replace(/^[A-Za-z ]+- /, ''));
  const near = (a, b) => a === b || (Math.abs(a.length - b.length) <= 3 && editDistance(a, b) <= 3);
  const last = fold(written.split(':').pop() ?? '');
  return mine.startsWith(full) || near(mine, full) || near(last, own) || mine.startsWith(own) || near(mine, own);
}

function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = temp;
    }
  }
  return row[b.length];
}

const all = readdirSync(join(repo, 'eval'))
  .filter((file) => file.endsWith('.jsonl'))
  .sort()
  .flatMap((file) => readFileSync(join(repo, 'eval', file), 'utf8').trim().split('\n').map((line) => ({ file, ...JSON.parse(line) })));
const dropped = { 'the name written disagrees with the ID': 0, 'no technique of this release': 0, 'the same text under several IDs': 0 };
// A flow's timeline prefix ("12:19 UTC to 12:27 UTC:") is the flow's notation, not the report's words.
const rows = all.map((row) => ({ ...row, text: row.text.replace(/^\d{1,2}:\d{2}( UTC)?( ?(-|to) ?\d{1,2}:\d{2}( UTC)?)?:? */, '') }));
const labelsOf = new Map();
for (const row of rows) labelsOf.set(row.text, new Set([...(labelsOf.get(row.text) ?? []), row.id]));
const kept = rows.filter((row) => {
  if ((labelsOf.get(row.text)?.size ?? 0) > 1) return void dropped['the same text under several IDs']++;
  if (!nameAgrees(row.name, row.id)) return void dropped['the name written disagrees with the ID']++;
  if (!currentId(row.id)) return void dropped['no technique of this release']++;
  return true;
});

const related = (a, b) => a.split('.')[0] === b.split('.')[0] && (!a.includes('.') || !b.includes('.'));
let top1 = 0, top5 = 0, half1 = 0, half5 = 0;
for (const row of kept) {
  const label = currentId(row.id);
  const leaked = new Set(row.reports.map(sourceKey));
  const exclude = (doc) => model.docSources(doc).some((key) => leaked.has(key));
  const ids = model.rank(suggestPassageText(row.text).text, { top: 5, exclude }).map((c) => c.id);
  const credit = (list) => (list.includes(label) ? 1 : list.some((id) => related(id, label)) ? 0.5 : 0);
  top1 += ids[0] === label ? 1 : 0;
  top5 += ids.includes(label) ? 1 : 0;
  half1 += credit(ids.slice(0, 1));
  half5 += credit(ids);
  if (verbose && !ids.includes(label)) console.log(`miss ${label} <- ${row.text.slice(0, 90)} | got ${ids.join(' ')}`);
}
const pct = (n) => `${((100 * n) / kept.length).toFixed(1)} %`;
const reports = new Set(kept.map((row) => row.flow)).size;
console.log(`suggest evaluation: ${index.label}, ${kept.length} sentences from ${reports} reports (eval/*.jsonl; ${all.length} read)`);
for (const [reason, n] of Object.entries(dropped)) if (n) console.log(`  left out: ${n} (${reason})`);
console.log(`exact ID:                       top-1 ${pct(top1)}  top-5 ${pct(top5)}`);
console.log(`parent/sub-technique half-right: top-1 ${pct(half1)}  top-5 ${pct(half5)}`);
