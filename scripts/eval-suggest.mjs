// The evaluation of `suggest` (npm run eval-suggest): top-1 and top-5 accuracy on the sentences of eval/, each mapped
// to a technique by a person, against the ATT&CK release given (default: enterprise 18.1 from ATTACK_STIX_DIR), for
// the development part (where weights and features were chosen), the test part (never tuned on) and the sentences of
// report prose whose author cited the ID inline (part `reports`, a check built by fixed rules, never tuned on) and the
// sentences of report prose we annotated from the author's closing list of techniques (part `annotated`, a protocol
// fixed before any score) apart, and the two report-prose parts together; and, when eval/ holds one, the development
// part of report prose (part `reports-dev`, mined by the same rules from other reports, to tune on).
// How the figures are computed is said in docs/suggest.md ("How well suggest ranks"); eval/README.md says where the
// sentences come from, how they were split and which are left out.
// With --procedures, also ATT&CK's own procedure examples, each scored by a model without its owner's examples and
// without every example citing one of the same reports (5 folds by owner): ATT&CK's wording, not report text.
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAttack, loadSuggestModel, sourceKey, suggestPassageText } from '../dist/index.js';
import { EvalRowError, readEvalRows } from './eval-rows.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stixDir = process.env.ATTACK_STIX_DIR || resolve(repo, '../shared/attack-stix');
const release = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '18.1';
const verbose = process.argv.includes('--verbose');
const withProcedures = process.argv.includes('--procedures');
// --dev prints the development part alone, --prose-dev the development part of report prose alone, both flags both: for
// trying a change without seeing the parts it must not be tuned on.
const PROSE_DEV = 'reports-dev';
const shownOnly = [['--dev', 'dev'], ['--prose-dev', PROSE_DEV]].filter(([flag]) => process.argv.includes(flag)).map(([, part]) => part);
const devOnly = shownOnly.length > 0;
const PROSE = 'reports';
const ANNOTATED = 'annotated';
const FLOWS = ['dev', 'test'];

// Read before any ATT&CK data: a row of a part with no model to rank it stops the run here, saying where it is.
let all;
try {
  all = readEvalRows(join(repo, 'eval'), [...FLOWS, PROSE, ANNOTATED, PROSE_DEV]);
} catch (error) {
  if (!(error instanceof EvalRowError)) throw error;
  console.error(`eval-suggest: ${error.message}`);
  process.exit(1);
}

const index = loadAttack({ envDir: stixDir, cacheDir: join(repo, '.bench-cache'), release });

/** A label's technique in this release: the ID itself, or the end of its revoked-by chain. */
function currentId(id) {
  const final = index.revocationChain(id).final;
  return final && !final.deprecated ? final.id : undefined;
}

const fold = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
/**
 * Whether the annotator's technique name agrees with the ID's: the ID's name, or its sub-technique part, begins it
 * (or is within 3 edits of it). A row whose step has no technique name of its own (`name` absent) has nothing to disagree.
 */
function nameAgrees(written, id) {
  if (written === undefined) return true;
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

const REASONS = [
  'fewer than 3 words',
  'the same text and ID as an earlier row',
  'the same text under several IDs',
  'the name written disagrees with the ID',
  'no technique of this release',
];
/** Each part's rows left out, by reason. */
const dropped = new Map();
const drop = (row, reason) => {
  const counts = dropped.get(row.part) ?? Object.fromEntries(REASONS.map((r) => [r, 0]));
  dropped.set(row.part, counts);
  counts[reason]++;
};
// A flow's timeline prefix ("12:19 UTC to 12:27 UTC:") is the flow's notation, not the report's words.
const rows = all.map((row) => ({ ...row, text: row.text.replace(/^\d{1,2}:\d{2}( UTC)?( ?(-|to) ?\d{1,2}:\d{2}( UTC)?)?:? */, '').trim() }));
const labelsOf = new Map();
for (const row of rows) labelsOf.set(row.text, new Set([...(labelsOf.get(row.text) ?? []), row.id]));
const seen = new Set();
const kept = rows.filter((row) => {
  if ((row.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return void drop(row, 'fewer than 3 words');
  if (seen.has(`${row.id} ${row.text}`)) return void drop(row, 'the same text and ID as an earlier row');
  seen.add(`${row.id} ${row.text}`);
  if ((labelsOf.get(row.text)?.size ?? 0) > 1) return void drop(row, 'the same text under several IDs');
  if (!nameAgrees(row.name, row.id)) return void drop(row, 'the name written disagrees with the ID');
  if (!currentId(row.id)) return void drop(row, 'no technique of this release');
  return true;
});

// ATT&CK often paraphrases the reports the sentences come from: each part is scored by a model built without every
// procedure example that cites one of its reports (the development and test parts share one, as they always have; the
// report-prose part has its own, so that its reports leave the others' figures as they were).
// A report is known by its URL's key, or by the last part of its path when that is long enough to name it alone
// (`whispergate-malware-corrupts-computers-ukraine`), since sites move their pages (recordedfuture.com/research/...).
const slugOf = (key) => {
  const last = key.includes('/') ? key.slice(key.lastIndexOf('/') + 1).replace(/\.(html?|pdf|aspx)$/, '') : '';
  return last.length >= 20 ? last : undefined;
};
/** A model without the procedure examples citing a report of these rows, and how many it left out. */
function modelWithout(rows) {
  const evalSources = new Set(rows.flatMap((row) => row.reports.map(sourceKey)));
  const evalSlugs = new Set([...evalSources].map(slugOf).filter(Boolean));
  const citesEvalReport = (key) => evalSources.has(key) || evalSlugs.has(slugOf(key));
  const counted = { leftOut: 0 };
  counted.model = loadSuggestModel(index, { leaveOut: (sources) => sources.some(citesEvalReport) && ++counted.leftOut > 0 });
  return counted;
}
// Both report-prose parts together, each sentence ranked by its own part's model.
const ALL_PROSE = 'all report prose';
const models = new Map([['flows', modelWithout(all.filter((row) => FLOWS.includes(row.part)))]]);
for (const part of [PROSE, ANNOTATED, PROSE_DEV]) {
  if (all.some((row) => row.part === part)) models.set(part, modelWithout(all.filter((row) => row.part === part)));
}

/** Where a report-prose sentence was published: the site of its URL, or `owner/repo` of a GitHub file. */
const publisherOf = (source) =>
  /^https?:\/\//.test(source) ? new URL(source).hostname.replace(/^www\./, '') : source.split('/').slice(0, 2).join('/');
const related = (a, b) => a.split('.')[0] === b.split('.')[0] && (!a.includes('.') || !b.includes('.'));
const parts = new Map();
/** Count one scored sentence of a part: its label, the first five IDs ranked, and the source it comes from. */
function tally(name, label, ids, source) {
  const credit = (list) => (list.includes(label) ? 1 : list.some((id) => related(id, label)) ? 0.5 : 0);
  const part = parts.get(name) ?? { n: 0, reports: new Set(), top1: 0, top5: 0, half1: 0, half5: 0 };
  parts.set(name, part);
  part.n++;
  part.reports.add(source);
  part.top1 += ids[0] === label ? 1 : 0;
  part.top5 += ids.includes(label) ? 1 : 0;
  part.half1 += credit(ids.slice(0, 1));
  part.half5 += credit(ids);
}
for (const row of kept) {
  const label = currentId(row.id);
  const { model } = models.get(FLOWS.includes(row.part) ? 'flows' : row.part);
  const ids = model.rank(suggestPassageText(row.text).text, { top: 5 }).map((c) => c.id);
  const source = row.flow ?? row.source.replace(/@[0-9a-f]{40}$/, '');
  tally(row.part, label, ids, source);
  if (row.part === PROSE) {
    // The report-prose part also by the form of the sentence (a table cell written to illustrate one technique, or
    // prose) and by the site or repository that published it.
    tally(`${PROSE} ${row.form ?? 'prose'}`, label, ids, source);
    tally(`${PROSE} from ${publisherOf(source)}`, label, ids, source);
  }
  if (row.part === ANNOTATED) tally(`${ANNOTATED} from ${publisherOf(source)}`, label, ids, source);
  if (row.part === PROSE || row.part === ANNOTATED) tally(ALL_PROSE, label, ids, source);
  if (verbose && !ids.includes(label) && (!devOnly || shownOnly.includes(row.part))) console.log(`${row.part} miss ${label} <- ${row.text.slice(0, 90)} | got ${ids.join(' ')}`);
}

// ATT&CK's procedure examples as sentences: each owner (group, software, campaign) falls in one of FOLDS folds by the
// sha256 of its ID; a fold's examples are ranked by a model built without them, without the other examples of their
// owners and without every example citing a report one of them cites.
const PROCEDURES = 'procedures';
const FOLDS = 5;
let proceduresLeftOut = 0;
if (withProcedures) {
  const foldOf = (owner) => createHash('sha256').update(owner).digest()[0] % FOLDS;
  // The release's own model, for its procedure examples: from the cache when `npm run eval-suggest` built it before.
  const whole = loadSuggestModel(index, { cacheDir: join(repo, '.bench-cache') });
  const examples = [];
  for (let d = 0; d < whole.docCount; d++) {
    const owner = whole.data.docs.owner.get(d);
    if (whole.docKind(d) !== 'procedure' || !owner) continue;
    const id = whole.data.techniques[whole.data.docs.technique[d]].id;
    examples.push({ text: whole.data.docs.text.get(d), id, owner, sources: whole.docSources(d), fold: foldOf(owner) });
  }
  for (let fold = 0; fold < FOLDS; fold++) {
    const mine = examples.filter((example) => example.fold === fold);
    const cited = new Set(mine.flatMap((example) => example.sources));
    const model = loadSuggestModel(index, {
      leaveOut: (sources, owner) => (foldOf(owner) === fold || sources.some((key) => cited.has(key))) && ++proceduresLeftOut > 0,
    });
    for (const example of mine) tally(PROCEDURES, example.id, model.rank(suggestPassageText(example.text).text, { top: 5 }).map((c) => c.id), example.owner);
  }
}

const pct = (n, of) => `${((100 * n) / of).toFixed(1)} %`.padStart(7);
/** The 95 % Wilson interval of a share, in percent: how far the figure may be from the rate on sentences like these. */
function interval(n, of) {
  const z = 1.96;
  const p = n / of;
  const centre = (p + (z * z) / (2 * of)) / (1 + (z * z) / of);
  const half = (z * Math.sqrt((p * (1 - p)) / of + (z * z) / (4 * of * of))) / (1 + (z * z) / of);
  return `${(100 * (centre - half)).toFixed(0)}-${(100 * (centre + half)).toFixed(0)} %`;
}
const LABELS = {
  dev: 'development',
  test: 'test',
  [PROSE]: 'report prose, inline IDs',
  [ANNOTATED]: 'report prose, annotated',
  [PROSE_DEV]: 'report prose, development',
  [ALL_PROSE]: 'report prose, both parts',
  [PROCEDURES]: 'ATT&CK procedure examples',
};
console.log(`suggest evaluation: ${index.label}; ${all.length} sentences read from eval/*.jsonl, ${kept.length} scored`);
for (const [name, counts] of dropped) {
  for (const [reason, n] of Object.entries(counts)) if (n) console.log(`  left out of ${LABELS[name] ?? name}: ${n} (${reason})`);
}
const { leftOut } = models.get('flows');
console.log(`  procedure examples left out of the model: ${leftOut} (they cite a report of the Attack Flow sentences)`);
if (models.has(PROSE)) {
  console.log(`  ... of the model scoring report prose: ${models.get(PROSE).leftOut} (they cite a report of those sentences)`);
}
if (models.has(ANNOTATED)) {
  console.log(`  ... of the model scoring annotated report prose: ${models.get(ANNOTATED).leftOut} (they cite a report of those sentences)`);
}
if (models.has(PROSE_DEV)) {
  const { leftOut: devLeftOut } = models.get(PROSE_DEV);
  console.log(`  ... of the model scoring the report-prose development part: ${devLeftOut} (they cite a report of those sentences)`);
}
if (withProcedures) {
  console.log(`  ATT&CK procedure examples: ranked in ${FOLDS} folds by owner; ${proceduresLeftOut} left out of the ${FOLDS} models in all (a fold's owners, and the examples citing their reports); the sources column counts owners`);
}
console.log('part                      sentences  sources   exact top-1  top-5   half-right top-1  top-5   95 % interval top-1, top-5');
const line = (label, p) =>
  `${label.padEnd(25)} ${String(p.n).padStart(9)}  ${String(p.reports.size).padStart(7)}   ${pct(p.top1, p.n)} ${pct(p.top5, p.n)}   ${pct(p.half1, p.n)} ${pct(p.half5, p.n)}   ${interval(p.top1, p.n)}, ${interval(p.top5, p.n)}`;
for (const name of devOnly ? shownOnly : ['dev', PROSE_DEV, 'test', PROSE, ANNOTATED, ALL_PROSE, PROCEDURES]) {
  const p = parts.get(name);
  if (p) console.log(line(LABELS[name], p));
}
if (shownOnly.includes(PROSE_DEV) && !parts.has(PROSE_DEV)) {
  console.log(`${LABELS[PROSE_DEV]}: none in eval/ (no row of part ${PROSE_DEV}; eval/README.md says how to mine one)`);
}
if (!devOnly && parts.has(PROSE)) {
  console.log(`${LABELS[PROSE]}, split (the sources column counts documents):`);
  const splits = [...parts.keys()].filter((name) => name.startsWith(`${PROSE} `));
  for (const name of [...splits.filter((n) => !n.includes(' from ')).sort(), ...splits.filter((n) => n.includes(' from ')).sort()]) {
    console.log(line(`  ${name.slice(PROSE.length + 1)}`, parts.get(name)));
  }
}
if (!devOnly && parts.has(ANNOTATED)) {
  console.log(`${LABELS[ANNOTATED]}, split (the sources column counts documents):`);
  for (const name of [...parts.keys()].filter((n) => n.startsWith(`${ANNOTATED} from `)).sort()) {
    console.log(line(`  ${name.slice(ANNOTATED.length + 1)}`, parts.get(name)));
  }
}
