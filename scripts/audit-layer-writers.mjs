// Audit: every command that writes a Navigator layer (render, attack-object, combine, compare --out, gap, upgrade and its
// downgrade by --to), each with its main options over real inputs (campaigns/, the public and Navigator layers of
// test/fixtures/layers, ../shared/sigma, ATT&CK 18.1 and older releases), run twice; each layer written is checked
// against ../shared/NAVIGATOR.md, how Navigator 5.1 treats a layer: `validate` finds nothing in a layer of the newest
// release (of an older one, only that it opens after the upgrade dialog, which the command must say on stderr);
// versions 4.5 / 5.x / the release asked; no field Navigator drops; no annotated technique hidden by the layer's
// platform filter, its hideDisabled or a collapsed parent; metadata items and links well formed; gradient and legend
// sane; no tooltip taller than a 1080p page (tooltipHeight, below); byte-identical on the second run. Prints each case,
// with its longest comment and tallest tooltip (Navigator never cuts a tooltip: 300px wide, it grows to any height), and
// the findings not accepted.
// Needs `npm run build`; ATTACK_STIX_DIR (default ../shared/attack-stix) and ../shared/sigma.
//   node scripts/audit-layer-writers.mjs [part of a case's name]   (exit 1 when a finding is not accepted)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { TOOLTIP, tooltipHeight } from '../dist/layer/tooltip-height.js';

const WT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILTER = process.argv[2];
// AUDIT_CLI: another build's CLI (a base commit's dist/cli/main.js), run over this checkout's inputs, for before/after.
const CLI = process.env.AUDIT_CLI ?? join(WT, 'dist/cli/main.js');
const SHARED = resolve(WT, '..', 'shared');
const STIX = process.env.ATTACK_STIX_DIR ?? join(SHARED, 'attack-stix');
const OUT = join(tmpdir(), 'audit-layer-writers', CLI.replace(/[^A-Za-z0-9]+/g, '_'));

function index(domain, release) {
  const bundle = JSON.parse(gunzipSync(readFileSync(join(STIX, `${domain}-${release}.json.gz`))).toString('utf8'));
  const byId = new Map();
  for (const o of bundle.objects) {
    if (o.type !== 'attack-pattern' || o.revoked || o.x_mitre_deprecated) continue;
    const id = o.external_references?.find((r) => r.source_name?.endsWith('attack'))?.external_id;
    if (!id) continue;
    byId.set(id, { name: o.name, platforms: o.x_mitre_platforms ?? [], tactics: (o.kill_chain_phases ?? []).map((k) => k.phase_name) });
  }
  return byId;
}
const INDEXES = { 'enterprise-attack': index('enterprise-attack', '18.1'), 'mobile-attack': index('mobile-attack', '18.1'), 'ics-attack': index('ics-attack', '18.1') };

// The techniques of the newest releases, as Navigator 5.1 shows them (without lib/, from the bundles themselves).
// Navigator 5.1's layer fields (layer format 4.5; anything else is dropped on its export).
const LAYER_KEYS = new Set(['name', 'versions', 'domain', 'description', 'filters', 'sorting', 'layout', 'hideDisabled', 'techniques', 'gradient', 'legendItems', 'showTacticRowBackground', 'tacticRowBackground', 'selectTechniquesAcrossTactics', 'selectSubtechniquesWithParent', 'selectVisibleTechniques', 'metadata', 'links']);
const ENTRY_KEYS = new Set(['techniqueID', 'tactic', 'comment', 'enabled', 'score', 'color', 'metadata', 'links', 'showSubtechniques']);
// Navigator reads #rrggbbaa too (tinycolor); "" is its own export's "no colour".
const HEX = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;

// The tooltip's height and the 1080p page (tooltipHeight, TOOLTIP): lib/layer/tooltip-height.ts, as built.

// Only disabled (greyed out, under a parent greyed out too), an entry shows the same collapsed: not counted as hidden.
function annotated(e) {
  return e.score !== undefined || e.color || e.comment || e.links?.length || e.metadata?.length;
}

function checkLayer(layer, where, opts) {
  const problems = [];
  const p = (s) => problems.push(`${where}: ${s}`);
  for (const k of Object.keys(layer)) if (!LAYER_KEYS.has(k)) p(`field ${k} Navigator drops`);
  const v = layer.versions ?? {};
  if (v.layer !== '4.5') p(`versions.layer ${v.layer}`);
  if (v.navigator !== undefined && !/^5\./.test(v.navigator)) p(`versions.navigator ${v.navigator}`);
  if (opts.expectAttack && v.attack !== opts.expectAttack) p(`versions.attack ${v.attack}, expected ${opts.expectAttack}`);
  const idx = INDEXES[layer.domain];
  if (!idx) p(`domain ${layer.domain}`);
  const fplat = layer.filters?.platforms;
  const expanded = ['annotated', 'all'].includes(layer.layout?.expandedSubtechniques);
  const showParents = new Set((layer.techniques ?? []).filter((e) => e.showSubtechniques === true).map((e) => `${e.techniqueID}|${e.tactic ?? ''}`));
  let maxComment = 0, maxCommentId = '';
  let maxTooltip = 0, maxTooltipId = '';
  const tall = [];
  const seen = new Set();
  for (const [i, e] of (layer.techniques ?? []).entries()) {
    const at = `techniques[${i}] ${e.techniqueID}${e.tactic ? ` (${e.tactic})` : ''}`;
    for (const k of Object.keys(e)) if (!ENTRY_KEYS.has(k)) p(`${at}: field ${k} Navigator drops`);
    const key = `${e.techniqueID}|${e.tactic ?? ''}`;
    if (seen.has(key)) p(`${at}: duplicate entry`);
    seen.add(key);
    if (e.color !== undefined && e.color !== '' && !HEX.test(e.color)) p(`${at}: colour ${JSON.stringify(e.color)}`);
    if (e.score !== undefined && typeof e.score !== 'number') p(`${at}: score ${JSON.stringify(e.score)}`);
    if (e.comment && e.comment.length > maxComment) { maxComment = e.comment.length; maxCommentId = e.techniqueID; }
    const height = tooltipHeight(e, `${idx?.get(e.techniqueID)?.name ?? e.techniqueID} (${e.techniqueID})`);
    if (height > maxTooltip) { maxTooltip = height; maxTooltipId = e.techniqueID; }
    if (height > TOOLTIP.page) tall.push({ id: e.techniqueID, height });
    checkItems(e.metadata, `${at} metadata`, p);
    checkLinks(e.links, `${at} links`, p);
    if (e.enabled === false && layer.hideDisabled && annotated(e)) p(`${at}: annotated, disabled and hideDisabled`);
    if (!annotated(e)) continue;
    if (!idx || opts.skipIndex) continue;
    const t = idx.get(e.techniqueID);
    if (!t) { p(`${at}: not a current technique of 18.1 (dropped silently)`); continue; }
    if (e.tactic && !t.tactics.includes(e.tactic)) p(`${at}: tactic not one of ${t.tactics}`);
    if (fplat?.length && t.platforms.length && !t.platforms.some((x) => fplat.includes(x))) p(`${at}: hidden by filters.platforms ${fplat} (its ${t.platforms})`);
    if (e.techniqueID.includes('.') && !expanded) {
      const parent = e.techniqueID.split('.')[0];
      const tactics = e.tactic ? [e.tactic] : t.tactics;
      if (!tactics.every((tc) => showParents.has(`${parent}|${tc}`) || showParents.has(`${parent}|`))) p(`${at}: collapsed under ${parent}`);
    }
  }
  tall.sort((a, b) => b.height - a.height);
  if (tall.length) p(`${tall.length} tooltips taller than a 1080p page (~${TOOLTIP.page}px) in Navigator 5.1, tallest first: ${tall.slice(0, 5).map((t) => `${t.id} ~${t.height}px`).join(', ')}${tall.length > 5 ? ', …' : ''}`);
  checkItems(layer.metadata, 'metadata', p);
  checkLinks(layer.links, 'links', p);
  const g = layer.gradient;
  if (g) {
    if (!Array.isArray(g.colors) || g.colors.length < 2 || !g.colors.every((c) => HEX.test(c))) p(`gradient colours ${JSON.stringify(g.colors)}`);
    if (!(typeof g.minValue === 'number' && typeof g.maxValue === 'number' && g.minValue < g.maxValue)) p(`gradient ${g.minValue}..${g.maxValue}`);
    const scores = (layer.techniques ?? []).map((e) => e.score).filter((s) => typeof s === 'number');
    const out = scores.filter((s) => s < g.minValue || s > g.maxValue);
    if (out.length) p(`${out.length} scores outside the gradient ${g.minValue}..${g.maxValue} (e.g. ${out[0]})`);
  }
  for (const [i, l] of (layer.legendItems ?? []).entries()) {
    if (typeof l.label !== 'string' || !l.label || !HEX.test(l.color ?? '')) p(`legendItems[${i}] ${JSON.stringify(l)}`);
  }
  const labels = (layer.legendItems ?? []).map((l) => l.label);
  if (new Set(labels).size !== labels.length) p(`legend labels repeat`);
  return { problems, maxComment, maxCommentId, maxTooltip, maxTooltipId };
}

function checkItems(items, where, p) {
  if (items === undefined) return;
  if (!Array.isArray(items)) return p(`${where} not a list`);
  for (const [i, m] of items.entries()) {
    if (m.divider === true) { if (Object.keys(m).length !== 1) p(`${where}[${i}] divider with more`); continue; }
    if (typeof m.name !== 'string' || typeof m.value !== 'string' || !m.name) p(`${where}[${i}] ${JSON.stringify(m).slice(0, 120)}`);
    if (Object.keys(m).some((k) => k !== 'name' && k !== 'value')) p(`${where}[${i}] extra field`);
  }
}
function checkLinks(items, where, p) {
  if (items === undefined) return;
  if (!Array.isArray(items)) return p(`${where} not a list`);
  for (const [i, l] of items.entries()) {
    if (l.divider === true) continue;
    if (typeof l.label !== 'string' || !l.label || typeof l.url !== 'string' || !/^https?:\/\/\S+$/.test(l.url)) p(`${where}[${i}] ${JSON.stringify(l).slice(0, 160)}`);
  }
}

// Each writer × option: its name, its argv ({OUT}: its folder; {PREV:name}: the layer another case wrote; {LOGS}: a
// log sources file), the older release it asks for (its layers must say it), and 'stdout' where the layer goes there.
const C = 'campaigns';
const A32 = 'campaigns/apt32-covid19-wuhan.yaml';
const SIG = `${SHARED}/sigma/rules/windows/process_creation`;
const CASES = [
  ['render presence + aggregate', ['render', C, '--out', '{OUT}', '--aggregate', 'all']],
  ['render confidence', ['render', C, '--out', '{OUT}', '--score', 'confidence', '--aggregate', 'all']],
  ['render frequency --min-campaigns 2', ['render', C, '--out', '{OUT}', '--score', 'frequency', '--aggregate', 'common', '--min-campaigns', '2']],
  ['render recency', ['render', C, '--out', '{OUT}', '--score', 'recency', '--aggregate', 'all']],
  ['render gap fixture campaigns', ['render', 'test/fixtures/gap/parent-campaign.yaml', 'test/fixtures/gap/json-campaign.json', '--out', '{OUT}', '--aggregate', 'both']],
  ['render --attack-release 14', ['render', C, '--out', '{OUT}', '--aggregate', 'all', '--attack-release', '14'], '14'],
  ['attack-object APT32 stdout', ['attack-object', 'APT32'], null, 'stdout'],
  ['attack-object G0050 --campaigns', ['attack-object', 'G0050', '--campaigns', '--out', '{OUT}']],
  ['attack-object G0007 S0154 C0021', ['attack-object', 'G0007', 'S0154', 'C0021', '--out', '{OUT}']],
  ['attack-object frequency 5 groups', ['attack-object', 'APT28', 'APT29', 'APT32', 'Turla', 'Lazarus Group', '--score', 'frequency', '--out', '{OUT}']],
  ['attack-object frequency 40 named groups', ['attack-object', 'G0007', 'G0016', 'G0050', 'G0010', 'G0032', 'G0034', 'G0035', 'G0045', 'G0046', 'G0047', 'G0049', 'G0059', 'G0060', 'G0061', 'G0064', 'G0067', 'G0069', 'G0073', 'G0080', 'G0081', 'G0082', 'G0087', 'G0091', 'G0092', 'G0093', 'G0094', 'G0095', 'G0096', 'G0098', 'G0099', 'G0100', 'G0102', 'G0106', 'G0108', 'G0114', 'G0115', 'G0117', 'G0119', 'G0121', 'G0125', '--score', 'frequency', '--out', '{OUT}']],
  ['attack-object --all campaigns', ['attack-object', '--all', 'campaigns', '--out', '{OUT}']],
  ['attack-object --all groups --campaigns', ['attack-object', '--all', 'groups', '--campaigns', '--out', '{OUT}']],
  ['attack-object --all software', ['attack-object', '--all', 'software', '--out', '{OUT}']],
  ['attack-object --all groups frequency', ['attack-object', '--all', 'groups', '--score', 'frequency', '--out', '{OUT}']],
  ['attack-object --all software frequency', ['attack-object', '--all', 'software', '--score', 'frequency', '--out', '{OUT}']],
  ['attack-object --all campaigns frequency', ['attack-object', '--all', 'campaigns', '--score', 'frequency', '--out', '{OUT}']],
  ['attack-object mobile S0405', ['attack-object', 'S0405', '--domain', 'mobile', '--out', '{OUT}']],
  ['attack-object ics G0034', ['attack-object', 'G0034', '--domain', 'ics', '--out', '{OUT}']],
  ['attack-object --attack-release 14 APT32', ['attack-object', 'APT32', '--attack-release', '14', '--out', '{OUT}'], '14'],
  ...['sum', 'max', 'min', 'mean', 'diff', 'intersect', 'union'].map((op) => [`combine --op ${op}`, ['combine', 'test/fixtures/layers/combine/a.json', 'test/fixtures/layers/combine/b.json', 'test/fixtures/layers/combine/c.json', '--op', op, '--out', '{OUT}/k.json']]),
  ['combine layers/ sum', ['combine', 'layers/apt32-covid19-wuhan.layer.json', 'layers/temp-periscope-cambodia-2018.layer.json', '--op', 'sum', '--out', '{OUT}/k.json']],
  ['combine old-powershell new-powershell', ['combine', 'test/fixtures/layers/combine/old-powershell-3.0.json', 'test/fixtures/layers/combine/new-powershell.json', '--op', 'max', '--out', '{OUT}/k.json']],
  ['combine public dettect+car', ['combine', 'test/fixtures/layers/public/car-attack-4.5.json', 'test/fixtures/layers/public/elastic-detection-rules-4.4.json', '--op', 'union', '--out', '{OUT}/k.json']],
  ['combine --attack-release 14', ['combine', 'test/fixtures/layers/combine/a.json', 'test/fixtures/layers/combine/b.json', '--op', 'sum', '--attack-release', '14', '--out', '{OUT}/k.json'], '14'],
  ['compare campaign --out', ['compare', A32, '--out', '{OUT}/c.json']],
  ['compare campaign --with 3 --out', ['compare', A32, '--with', 'G0050', 'G0007', 'S0154', '--out', '{OUT}/c.json']],
  ['compare layer Bear_APT --out', ['compare', 'test/fixtures/layers/navigator/Bear_APT.json', '--with', 'G0007', '--out', '{OUT}/c.json']],
  ['compare --no-campaigns --out', ['compare', A32, '--no-campaigns', '--out', '{OUT}/c.json']],
  ['compare --attack-release 14', ['compare', A32, '--attack-release', '14', '--out', '{OUT}/c.json'], '14'],
  ['gap campaigns × detections.csv', ['gap', '--threat', C, '--coverage', 'test/fixtures/gap/detections.csv', '--out', '{OUT}']],
  ['gap campaigns × sigma windows', ['gap', '--threat', C, '--coverage', `${SHARED}/sigma/rules/windows`, '--out', '{OUT}', '--report', 'json']],
  ['gap sigma + log-sources + rules-library', ['gap', '--threat', C, '--coverage', SIG, '--rules-library', `${SHARED}/sigma/rules`, '--log-sources', '{LOGS}', '--out', '{OUT}']],
  ['gap threat layer (public) × sigma', ['gap', '--threat', 'test/fixtures/layers/navigator/Bear_APT.json', '--coverage', `${SHARED}/sigma/rules`, '--out', '{OUT}']],
  ['gap old-threat-4.2 × detections', ['gap', '--threat', 'test/fixtures/gap/old-threat-4.2.json', '--coverage', 'test/fixtures/gap/detections.yml', '--out', '{OUT}']],
  ['gap mobile threat', ['gap', '--threat', 'test/fixtures/gap/mobile-threat-2.1.json', '--coverage', 'test/fixtures/gap/detections.csv', '--out', '{OUT}', '--domain', 'mobile']],
  ['gap ics threat', ['gap', '--threat', 'test/fixtures/gap/ics-threat.json', '--coverage', 'test/fixtures/gap/detections.csv', '--out', '{OUT}', '--domain', 'ics']],
  ['gap coverage layer (public elastic)', ['gap', '--threat', C, '--coverage', 'test/fixtures/layers/public/elastic-detection-rules-4.4.json', '--out', '{OUT}']],
  ['gap campaigns × mail-delivery rules', ['gap', '--threat', C, '--coverage', 'test/fixtures/coverage/mail-delivery', '--out', '{OUT}']],
  ['gap G0050 layer × mail rules + sigma library', ['gap', '--threat', '{PREV:attack-object G0050 --campaigns}', '--coverage', 'test/fixtures/coverage/mail-delivery', '--rules-library', `${SHARED}/sigma/rules`, '--log-sources', '{LOGS}', '--tests', 'test/fixtures/atomic-tests/atomics', '--out', '{OUT}']],
  ['gap --attack-release 14', ['gap', '--threat', C, '--coverage', 'test/fixtures/gap/detections.csv', '--attack-release', '14', '--out', '{OUT}'], '14'],
  ['combine mobile + mobile', ['combine', 'test/fixtures/layers/combine/mobile.json', 'test/fixtures/layers/public/attack-mitigation-m1010-mobile-4.3.json', '--op', 'max', '--out', '{OUT}/k.json']],
  ['combine --normalize mean of public', ['combine', 'test/fixtures/layers/public/splunk-security-content-coverage-4.3.json', 'test/fixtures/layers/public/sigma-cli-analyze-attack-4.4.json', '--op', 'mean', '--normalize', '--out', '{OUT}/k.json']],
  ['gap --threat-scale + --scale', ['gap', '--threat', '{PREV:attack-object frequency 5 groups}', '--coverage', 'test/fixtures/layers/public/splunk-security-content-coverage-4.3.json', '--threat-scale', '0,5', '--scale', '0,5', '--out', '{OUT}']],
  ['upgrade attack6', ['upgrade', 'test/fixtures/layers/layer-4.5-attack6.json', '--out', '{OUT}/u.json']],
  ['upgrade attack12 --merge-score mean', ['upgrade', 'test/fixtures/layers/layer-4.5-attack12.json', '--merge-score', 'mean', '--out', '{OUT}/u.json']],
  ['upgrade attack12 --merge-score sum', ['upgrade', 'test/fixtures/layers/layer-4.5-attack12.json', '--merge-score', 'sum', '--out', '{OUT}/u.json']],
  ['upgrade old-format 3.0/4.0/4.2', ['upgrade', 'test/fixtures/layers/old-format-3.0.json', 'test/fixtures/layers/old-format-4.0.json', 'test/fixtures/layers/old-format-4.2.json', '--out', '{OUT}']],
  ['upgrade public/', ['upgrade', 'test/fixtures/layers/public', '--out', '{OUT}']],
  ['upgrade navigator/', ['upgrade', 'test/fixtures/layers/navigator', '--out', '{OUT}']],
  ['downgrade Bear_APT --to 6.3 --merge-score sum', ['upgrade', 'test/fixtures/layers/navigator/Bear_APT.json', '--to', '6.3', '--merge-score', 'sum', '--out', '{OUT}/d.json'], '6.3'],
  // Counts of groups, summed where a downgrade merges sub-techniques (T1027 11 on 0..5): the gradient widens, and the way back narrows it again.
  ['downgrade frequency --to 6.3 --merge-score sum', ['upgrade', '{PREV:attack-object frequency 5 groups}', '--to', '6.3', '--merge-score', 'sum', '--out', '{OUT}/d.json'], '6.3'],
  ['down+up frequency 6.3 -> 18', ['upgrade', '{PREV:downgrade frequency --to 6.3 --merge-score sum}', '--out', '{OUT}/u.json']],
  ['downgrade all.layer --to 14', ['upgrade', 'layers/all.layer.json', '--to', '14', '--out', '{OUT}/d.json'], '14'],
  ['downgrade group G0050 --to 8', ['upgrade', '{PREV:attack-object G0050 --campaigns}', '--to', '8', '--out', '{OUT}/d.json'], '8'],
  ['down+up G0050 14 -> 18', ['upgrade', '{PREV:downgrade G0050 --to 14 (for the round trip)}', '--out', '{OUT}/u.json']],
  ['downgrade G0050 --to 14 (for the round trip)', ['upgrade', '{PREV:attack-object G0050 --campaigns}', '--to', '14', '--out', '{OUT}/d.json'], '14'],
];

// A case whose input is another case's layer names that case; those run first.
const NEEDED = ['attack-object G0050 --campaigns', 'attack-object frequency 5 groups', 'downgrade G0050 --to 14 (for the round trip)', 'downgrade frequency --to 6.3 --merge-score sum'];

/**
 * Writers whose tallest tooltip ran off a 1080p page when the budget came (h512), to fix by their owners, each with the
 * height (px, tooltipHeight) it may not pass: accepted up to it, so that they do not grow and no other writer joins them.
 * None is left: render, combine and gap fit theirs to the page (lib/layer/tooltip-fit.ts, h521: T1218.010 of
 * campaigns/ ~970-1,130px before, G0050's T1003 with --rules-library ~1,030px), and a downgrade keeps what it merges in
 * the layer's metadata, naming each in a short row (h522: T1027 of five groups' procedures in 6.3 ~4,170px before);
 * --to 14 of layers/all.layer.json carried that layer's own T1218.010 (~968px) until render fitted it.
 */
const TALL_KNOWN = {};

/**
 * Findings that are not the writer's fault, each with why: a layer of an older release opens after the upgrade dialog
 * (the command says so, checked below); ICS 18.1's T0895 has no platforms, so no filter shows it (the writer says so on
 * stderr, checked below); a third-party layer's scores off its own gradient (or off Navigator's default one, where it states none: the
 * ICS honeypot layer's counts, 412 and 847) are kept as written, and said so; and the
 * tall tooltips of TALL_KNOWN, up to their height.
 */
const ACCEPTED = [
  [/tooltips taller than a 1080p page/, (c, x) => Number(/~(\d+)px/.exec(x.split('tallest first: ')[1] ?? '')?.[1] ?? Infinity) <= (TALL_KNOWN[c.name] ?? 0)],
  [/validate .*\/versions\/attack: (the layer is for ATT&CK \d+, older than|checked against)/, (c) => !!c.release],
  [/T0895 \(Autorun Image\) is annotated but has no platforms/, (c) => /T0895 \(Autorun Image\) has no platforms/.test(c.stderr)],
  [/outside the gradient|scores outside the gradient|outside Navigator's default gradient/, (c) => c.name === 'upgrade public/' || c.name === 'upgrade navigator/'],
];

function dirOf(run, name) {
  return join(OUT, run, name.replace(/[^A-Za-z0-9]+/g, '_'));
}
function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => { const f = join(dir, n); return statSync(f).isDirectory() ? walk(f) : [f]; }).sort();
}

function runCase(argv, dir, run) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const args = argv.map((a) => {
    const needed = /^\{PREV:(.*)\}$/.exec(a);
    if (needed) return walk(dirOf(run, needed[1])).find((f) => f.endsWith('.json'));
    return a.replace('{OUT}', dir).replace('{LOGS}', LOGS);
  });
  const r = spawnSync('node', [CLI, ...args], { cwd: WT, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function validateFindings(args, input) {
  const v = spawnSync('node', [CLI, 'validate', '--json', ...args], { cwd: WT, encoding: 'utf8', maxBuffer: 1 << 30, input });
  try {
    return JSON.parse(v.stdout).flatMap((f) => (f.findings ?? []).map((x) => `validate ${relative(OUT, f.file)}: ${x.message ?? JSON.stringify(x)}`));
  } catch {
    return [`validate: ${v.stderr.slice(0, 300)}`];
  }
}

mkdirSync(OUT, { recursive: true });
const LOGS = join(OUT, 'log-sources.yml');
writeFileSync(LOGS, '- WinEventLog:Sysmon\n- name: WinEventLog:Security\n  channels: [EventCode=4688]\n');
const order = [...NEEDED.map((name) => CASES.find((c) => c[0] === name)), ...CASES.filter((c) => !NEEDED.includes(c[0]))];
let failed = 0;
for (const [name, argv, release, mode] of order) {
  if (FILTER && !name.includes(FILTER) && !NEEDED.includes(name)) continue;
  const [dir, again] = [dirOf('run1', name), dirOf('run2', name)];
  const one = runCase(argv, dir, 'run1');
  const two = runCase(argv, again, 'run2');
  const problems = one.code === 0 ? [] : [`exit ${one.code}: ${one.stderr.split('\n').slice(-3).join(' | ')}`];
  const files = mode === 'stdout' ? [] : walk(dir).filter((f) => f.endsWith('.json') && !f.endsWith('gap-report.json'));
  const texts = mode === 'stdout'
    ? [['stdout', one.stdout, two.stdout]]
    : files.map((f) => [relative(dir, f), readFileSync(f, 'utf8'), existsSync(join(again, relative(dir, f))) ? readFileSync(join(again, relative(dir, f)), 'utf8') : '']);
  let max = { len: 0, id: '', file: '', px: 0, pxId: '', pxFile: '' };
  let layers = 0;
  for (const [rel, text, second] of texts) {
    if (text !== second) problems.push(`${rel}: not byte-identical on a second run`);
    let parsed;
    try { parsed = JSON.parse(text); } catch { problems.push(`${rel}: not JSON`); continue; }
    for (const [i, layer] of (Array.isArray(parsed) ? parsed : [parsed]).entries()) {
      layers++;
      const c = checkLayer(layer, Array.isArray(parsed) ? `${rel}[${i}]` : rel, { expectAttack: release ? release.split('.')[0] : '18', skipIndex: !!release });
      problems.push(...c.problems);
      if (c.maxComment > max.len) max = { ...max, len: c.maxComment, id: c.maxCommentId, file: rel };
      if (c.maxTooltip > max.px) max = { ...max, px: c.maxTooltip, pxId: c.maxTooltipId, pxFile: rel };
    }
  }
  problems.push(...(mode === 'stdout' ? validateFindings(['-'], one.stdout) : files.length ? validateFindings([...(release ? ['--attack-release', release] : []), ...files]) : []));
  if (release && !/Upgrade layer version\?/.test(one.stderr)) problems.push(`no word on stderr of the upgrade dialog for ATT&CK ${release}`);
  const context = { name, release, stderr: one.stderr };
  const open = problems.filter((x) => !ACCEPTED.some(([pattern, applies]) => pattern.test(x) && applies(context, x)));
  if (open.length) failed++;
  console.log(`${open.length ? 'FAIL' : 'ok  '} ${name}: ${layers} layers, ${problems.length - open.length} findings accepted, longest comment ${max.len} (${max.id} in ${max.file}), tallest tooltip ~${max.px}px (${max.pxId} in ${max.pxFile})`);
  for (const x of open.slice(0, 15)) console.log(`     - ${x.slice(0, 400)}`);
  if (open.length > 15) console.log(`     … ${open.length - 15} more`);
}
process.exitCode = failed ? 1 : 0;
