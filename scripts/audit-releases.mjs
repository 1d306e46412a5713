// Audit: every technique and sub-technique of every release at hand (the newest too, for its own revoked and deprecated
// techniques), normalized against the newest release of its domain, as an analyst's old campaign file would be. Each
// technique is written in the forms of `FORMS`: its ID and its name as that release wrote it (each alone, and with the
// release stated, as `attack_version` does), `Name (ID)`, and its ID and its name with each tactic that release gave it;
// and a layer of that release annotating every technique under each of its tactics is brought to the newest release by
// `upgrade`. What each should give is taken from the newest bundle itself, without lib/: the technique's STIX id (which
// never changes between releases) followed along `revoked-by` to its end (a step the newest bundle lacks taken from an
// older one), then current, revoked (to the ID at the end) or deprecated.
// Needs `npm run build`; reads the release files of ATTACK_STIX_DIR (default ../shared/attack-stix).
//   node scripts/audit-releases.mjs [--details]   (--details: list every outcome that is not right, with its note)
// Prints, per domain and release, how many references of each form ended in each class (below, `CLASSES`).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * The classes of an outcome, in the table's order:
 * - `current`: the same ID, active (`current`, or `renamed` for a name that changed since);
 * - `revoked`: the revoked-by chain followed to the technique the bundle names;
 * - `deprecated`: flagged deprecated, not substituted;
 * - `today's name`: a name alone that another technique holds now, read as that one, the note naming the technique
 *   the release meant (`Scheduled Task`, 6.3's T1053, is T1053.005 today: the documented reading without a release);
 * - `successor`: a deprecated technique's name, read as the technique that holds it today, which its deprecation
 *   notice points to, said in the note (3.0's `Distributed Component Object Model`, T1175, is T1021.003);
 * - `ambiguous`: several techniques offered, the right one among them (a name two techniques share);
 * - `unknown`, `other domain`: not read, though the newest release has the technique;
 * - `wrong`: read as another technique than the bundle says, or a status that says otherwise.
 */
export const CLASSES = ['current', 'revoked', 'deprecated', "today's name", 'successor', 'ambiguous', 'unknown', 'other domain', 'wrong'];

/** The forms each technique is written in. */
export const FORMS = ['ID', 'ID as of release', 'name', 'name as of release', 'name + tactic', 'Name (ID)', 'ID + tactic', 'layer entry'];

/** A raw STIX object's ATT&CK ID (enterprise, mobile or ICS). */
const attackId = (o) => o.external_references?.find((r) => /^mitre-(mobile-|ics-)?attack$/.test(r.source_name) && r.external_id)?.external_id;

/** What the raw bundles say: objects by STIX id, `revoked-by` steps (the newest bundle's first), technique by ATT&CK ID. */
export function rawOracle(newest, ...older) {
  const byStix = new Map(newest.objects.map((o) => [o.id, o]));
  const revokedBy = new Map();
  for (const bundle of [newest, ...older]) {
    for (const o of bundle.objects) {
      if (o.type === 'relationship' && o.relationship_type === 'revoked-by' && !revokedBy.has(o.source_ref)) revokedBy.set(o.source_ref, o.target_ref);
    }
  }
  return { byStix, revokedBy };
}

/**
 * What a technique of any release (by its STIX id) is in the newest bundle: `current` with its ID, `revoked` with the
 * ID at the chain's end, `deprecated` (directly or at the chain's end), or `absent` (no object, or a chain with no end).
 */
export function expectedOf(oracle, stixId) {
  let object = oracle.byStix.get(stixId);
  let revoked = false;
  const seen = new Set();
  while (object?.revoked && !seen.has(object.id)) {
    seen.add(object.id);
    revoked = true;
    object = oracle.byStix.get(oracle.revokedBy.get(object.id));
  }
  if (!object || object.revoked) return { status: 'absent', ids: [] };
  if (object.x_mitre_deprecated) return { status: 'deprecated', ids: [], final: attackId(object) };
  return { status: revoked ? 'revoked' : 'current', ids: [attackId(object)] };
}

const READ_AS_CURRENT = new Set(['current', 'renamed', 'name', 'fuzzy', 'alias']);

/** The class of one outcome (`got`: a resolution) against what the bundle says (`want`: `expectedOf`). */
export function classify(got, want, target) {
  const held = got.ids.length === 1 && READ_AS_CURRENT.has(got.status) ? target.technique(got.ids[0]) : undefined;
  if (want.status === 'deprecated' && held && got.note.includes(want.final)) return 'successor';
  if (held && want.ids.length && held.id !== want.ids[0] && got.note.includes(want.ids[0])) return "today's name";
  const same = got.ids.length === want.ids.length && got.ids.every((id, i) => id === want.ids[i]);
  if (want.status === 'deprecated') return got.status === 'deprecated' && !got.ids.length ? 'deprecated' : got.status === 'unknown' || got.status === 'other domain' ? got.status : 'wrong';
  if (got.status === 'ambiguous') return got.candidates.some((c) => c.id === want.ids[0]) ? 'ambiguous' : 'wrong';
  if (got.status === 'unknown' || got.status === 'other domain') return got.status;
  if (!same) return 'wrong';
  if (got.status === 'revoked' || (READ_AS_CURRENT.has(got.status) && want.status === 'revoked')) return 'revoked';
  return READ_AS_CURRENT.has(got.status) ? 'current' : 'wrong';
}

/**
 * The tactic check of a reference written with a tactic: `kept` (the technique it reads as has the tactic, no warning),
 * `said` (it has not, and a warning says so), or `wrong` (a warning on a kept tactic, or none on a lost one); undefined
 * when it reads as no technique (deprecated, ambiguous), which has no tactic to check.
 */
export function classifyTactic(resolution, tacticWarnings, finalTactics, tactic) {
  if (!resolution.ids.length) return undefined;
  if (finalTactics.includes(tactic)) return tacticWarnings.length ? 'wrong' : 'kept';
  return tacticWarnings.length ? 'said' : 'wrong';
}

/**
 * Audit one older release against a context of the newest (`domainReleases`): one row per technique and form,
 * `{ form, ref, tactic?, want, got, cls }`. `resolve` is `resolveReferenceWarnings` (dist's or lib's).
 */
export function auditRelease(old, context, oracle, resolve) {
  const rows = [];
  const { target } = context;
  for (const technique of old.allTechniques()) {
    const want = expectedOf(oracle, technique.stixId);
    const add = (form, ref, reading, tactic) => {
      const { resolution, warnings } = resolve({ raw: ref, tactics: tactic ? [old.tacticName(tactic)] : [] }, reading);
      const row = { form, ref, id: technique.id, want, got: resolution, cls: classify(resolution, want, target) };
      if (tactic) {
        const final = resolution.ids[0] ? target.technique(resolution.ids[0]) : undefined;
        const onTactic = warnings.filter((w) => w.kind === 'tactic').map((w) => w.message);
        row.tactic = tactic;
        row.tacticWarnings = onTactic;
        const checked = classifyTactic(resolution, onTactic, final?.tactics ?? [], tactic);
        if (checked) row.tacticCls = checked;
      }
      rows.push(row);
    };
    add('ID', technique.id, context);
    add('ID as of release', technique.id, { ...context, source: old });
    add('name', technique.name, context);
    add('name as of release', technique.name, { ...context, source: old });
    for (const tactic of technique.tactics) add('name + tactic', technique.name, context, tactic);
    add('Name (ID)', `${technique.name} (${technique.id})`, context);
    for (const tactic of technique.tactics) add('ID + tactic', technique.id, context, tactic);
  }
  return rows;
}

/** The forms written with a tactic. */
export const TACTIC_FORMS = ['name + tactic', 'ID + tactic'];

/**
 * Audit `upgrade` on one older release: a layer of that release (`versions.attack` its major) annotating every technique
 * under each of its tactics (under none when it has none), upgraded to `target` (`upgrade` is `upgradeLayer`): one row
 * per entry (form `layer entry`), `current` or `revoked` where the annotation is now on the technique the bundle says
 * alone, `deprecated` where a deprecated one's entry was removed, `unknown` where another was, `wrong` otherwise.
 */
export function auditUpgrade(old, target, oracle, upgrade) {
  const techniques = old.allTechniques();
  const layer = {
    name: `every technique of ATT&CK ${old.label}`,
    domain: old.domain,
    versions: { attack: old.major, navigator: '4.5', layer: '4.5' },
    techniques: techniques.flatMap((t) => (t.tactics.length ? t.tactics : [undefined]).map((tactic) => ({ techniqueID: t.id, ...(tactic ? { tactic } : {}), score: 1 }))),
  };
  const { report } = upgrade(layer, target, { source: old, file: `${old.label}.json` });
  return report.techniques.map((entry) => {
    const want = expectedOf(oracle, old.technique(entry.techniqueID).stixId);
    const ids = [...new Set(entry.to.map((to) => to.techniqueID))];
    const got = { status: ids.length ? 'upgraded' : 'removed', ids, note: entry.notes.join(' ') };
    const right = want.status === 'deprecated' ? !ids.length : ids.length === 1 && ids[0] === want.ids[0];
    const cls = right ? want.status : ids.length ? 'wrong' : 'unknown';
    return { form: 'layer entry', ref: entry.techniqueID, id: entry.techniqueID, ...(entry.tactic ? { tactic: entry.tactic } : {}), want, got, cls };
  });
}

/** Counts of rows by form and class, and of tactic checks by form. */
export function tally(rows) {
  const counts = Object.fromEntries(FORMS.map((form) => [form, Object.fromEntries(CLASSES.map((c) => [c, 0]))]));
  const tactics = Object.fromEntries(TACTIC_FORMS.map((form) => [form, { kept: 0, said: 0, wrong: 0 }]));
  for (const row of rows) {
    counts[row.form][row.cls]++;
    if (row.tacticCls) tactics[row.form][row.tacticCls]++;
  }
  return { counts, tactics };
}

async function main() {
  const { AttackLibrary, compareReleases, domainReleases, resolveReferenceWarnings, upgradeLayer } = await import('../dist/index.js');
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const envDir = process.env.ATTACK_STIX_DIR || resolve(repo, '../shared/attack-stix');
  const details = process.argv.includes('--details');
  const library = new AttackLibrary({ envDir, cacheDir: join(tmpdir(), 'attack-layers-audit-cache'), snapshot: false });
  const readRaw = (path) => JSON.parse((path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path)).toString('utf8'));
  const out = [];
  for (const domain of ['enterprise-attack', 'mobile-attack', 'ics-attack']) {
    const files = library.files.filter((file) => file.domain === domain && file.release);
    if (!files.length) continue;
    const context = domainReleases(library, domain);
    const newestFile = files.find((file) => file.release === context.target.release);
    const olderFiles = files.filter((file) => file.release !== context.target.release);
    const oracle = rawOracle(readRaw(newestFile.path), ...olderFiles.map((file) => readRaw(file.path)));
    out.push(`## ${domain}, read against ${context.target.release}`, '');
    out.push(`| release | form | ${CLASSES.join(' | ')} |`, `|---|---|${CLASSES.map(() => '---:').join('|')}|`);
    const tacticLines = [];
    const notRight = [];
    // The newest release itself too: its own revoked and deprecated techniques (all there is of ICS, with no older release at hand).
    for (const release of [...new Set(files.map((file) => file.release))].sort(compareReleases)) {
      const old = library.release(domain, release);
      process.stderr.write(`${domain} ${release}: ${old.allTechniques().length} techniques\n`);
      const rows = [...auditRelease(old, context, oracle, resolveReferenceWarnings), ...auditUpgrade(old, context.target, oracle, upgradeLayer)];
      const { counts, tactics } = tally(rows);
      for (const form of FORMS) out.push(`| ${release} | ${form} | ${CLASSES.map((c) => counts[form][c]).join(' | ')} |`);
      for (const form of TACTIC_FORMS) tacticLines.push(`| ${release} | ${form} | ${tactics[form].kept} | ${tactics[form].said} | ${tactics[form].wrong} |`);
      for (const row of rows) {
        const bad = !['current', 'revoked', 'deprecated'].includes(row.cls) || row.tacticCls === 'wrong';
        if (bad) notRight.push(`- ${release} ${row.form}: \`${row.ref}\`${row.tactic ? ` under ${row.tactic}` : ''} -> ${row.cls}${row.tacticCls ? ` (tactic ${row.tacticCls})` : ''}; want ${row.want.status} ${row.want.ids.join(',')}; got ${row.got.status} ${row.got.ids.join(',')}: ${row.got.note}${row.tacticWarnings?.length ? ` [${row.tacticWarnings.join('; ')}]` : ''}`);
      }
    }
    out.push('', 'Tactic checks: kept = the technique now has it, said = it no longer has it and a warning says so, wrong = otherwise.', '', '| release | form | kept | said | wrong |', '|---|---|---:|---:|---:|', ...tacticLines, '');
    if (details) out.push(`${notRight.length} outcomes not current, revoked or deprecated:`, '', ...notRight, '');
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
