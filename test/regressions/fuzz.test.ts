/**
 * Issue 15: a bounded, seeded fuzz of every command that reads campaigns, layers, detections files, Sigma rules and
 * gap reports. Each case mutates a valid input (its structure, its text, or both) and runs the commands that read it,
 * in-process; every run must end with exit 0, 1 or 2, print no stack trace, and write nothing outside its output
 * folder. `FUZZ_SEED` and `FUZZ_CASES` run other or more cases locally; a failure names the seed and case to replay.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'chai';
import { stringify as yamlText } from 'yaml';
import { freshTmpDir, hasStackTrace, repoRoot, runCli } from '../helpers/attack.js';
import { listTree } from '../helpers/files.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 15_2025);
const CASES = Number(process.env['FUZZ_CASES'] ?? 70);

/** mulberry32: a small seeded generator, so that a case is the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Valid inputs, small, written for the fuzz (the mutations start from something every reader accepts).
const CAMPAIGN: Json = {
  name: 'Fuzz campaign',
  actor: 'APT32',
  first_seen: '2020-01-01',
  confidence: 'medium',
  platforms: ['Windows'],
  techniques: [
    'Spearphishing Attachment (T1193)',
    { ref: 'T1059.001', tactic: ['Execution'], confidence: 'high', comment: 'a comment', evidence: 'line 3' },
    'PowerShell',
    { ref: 'Regsvr32 (T1117)', tactic: 'Defense Evasion' },
  ],
  software: ['AIRBREAK'],
  sources: [{ title: 'report', url: 'https://example.com/report' }],
};
const LAYER: Json = {
  name: 'Fuzz layer',
  versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
  domain: 'enterprise-attack',
  description: 'a layer to mutate',
  filters: { platforms: ['Windows', 'Linux'] },
  sorting: 0,
  layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'annotated' },
  hideDisabled: false,
  techniques: [
    { techniqueID: 'T1059.001', tactic: 'execution', score: 80, color: '#ff0000', comment: 'seen', enabled: true, metadata: [{ name: 'a', value: '1' }, { divider: true }], links: [{ label: 'x', url: 'https://example.com' }], showSubtechniques: false },
    { techniqueID: 'T1566', score: 20 },
    { techniqueID: 'T1193', tactic: 'initial-access', score: 50, comment: 'revoked' },
  ],
  gradient: { colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 },
  legendItems: [{ label: 'seen', color: '#ff0000' }],
  metadata: [{ name: 'source', value: 'fuzz' }],
  links: [{ label: 'home', url: 'https://example.com' }],
  showTacticRowBackground: false,
  selectTechniquesAcrossTactics: true,
};
const DETECTIONS: Json = {
  detections: [
    { name: 'EDR: encoded PowerShell', id: 'EDR-1', techniques: ['T1059.001', 'PowerShell (T1086)'], coverage: 'high', platforms: ['Windows'] },
    { name: 'Proxy: rare agents', techniques: 'T1071.001', coverage: 40, data_sources: 'Network Traffic' },
  ],
};
const SIGMA: Json = {
  title: 'Fuzz rule',
  id: '1a2b3c4d-0000-4000-8000-00000000f022',
  status: 'test',
  level: 'high',
  tags: ['attack.execution', 'attack.t1059.001', 'attack.t1086'],
  logsource: { product: 'windows', category: 'process_creation' },
  detection: { selection: { 'Image|endswith': '\\powershell.exe' }, condition: 'selection' },
};
const DETECTIONS_CSV = 'name,id,techniques,coverage,platforms\nEDR: encoded PowerShell,EDR-1,T1059.001,high,Windows\n"Mail, sandbox",M-1,Spearphishing Attachment (T1193),low,\n';

// Values that have broken readers before, or could: wrong types, extremes, paths, formulas, escapes, deep nesting.
const HOSTILE_VALUES: (() => Json)[] = [
  () => null,
  () => 1e308,
  () => -1,
  () => 0,
  () => true,
  () => '',
  () => [],
  () => ({}),
  () => [null],
  () => ['x', 1, null, {}],
  () => 'x'.repeat(100_000),
  () => ' '.repeat(50_000),
  () => '../../../../outside/pwn',
  () => '=HYPERLINK("http://x","y")',
  () => '\u001b]0;PWNED\u0007\u001b[2J',
  () => '\u0000\uFFFE\uFFFF\uD800',
  () => '<img src=x onerror=alert(1)>',
  () => 'T1059.001',
  () => 'T9999',
  () => '18.1',
  () => '#zzzzzz',
  () => ({ __proto__: { polluted: true } }) as unknown as Json,
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as Json,
  () => Array.from({ length: 5_000 }, (_, i) => `T${1000 + (i % 900)}`),
  () => nest(150),
  () => DEEP,
];

/** Stands for a list nested 5,000 deep, spliced into the text after it is written (too deep to write as a value). */
const DEEP = 'DEEP-NESTING-HERE';
const DEEP_TEXT = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;

function nest(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

// Text mutations: what a damaged or hand-edited file looks like.
const SPLICES = ['\u0000', '\uFEFF', '\u001b[2J', '"', "'", '{', '[', ']', '}', ':', ',', '- ', '*a', '&a ', '<<: *a', '\t', '\r', '\n\n', '#', '%YAML 1.1\n', '---\n', '!!binary ', '\\u0000', '\\'];

function mutateText(text: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const at = (): number => Math.floor(random() * (text.length + 1));
  let out = text;
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const i = Math.floor(random() * (out.length + 1));
    switch (Math.floor(random() * 7)) {
      case 0: // flip a character
        out = `${out.slice(0, i)}${String.fromCharCode(Math.floor(random() * 0x3000))}${out.slice(i + 1)}`;
        break;
      case 1: // insert something with a meaning
        out = `${out.slice(0, i)}${pick(SPLICES)}${out.slice(i)}`;
        break;
      case 2: // delete a range
        out = `${out.slice(0, i)}${out.slice(i + Math.floor(random() * 40))}`;
        break;
      case 3: // cut the file short
        out = out.slice(0, i);
        break;
      case 4: {
        // repeat a range many times
        const j = Math.min(out.length, i + 1 + Math.floor(random() * 20));
        out = `${out.slice(0, j)}${out.slice(i, j).repeat(1 + Math.floor(random() * 2000))}${out.slice(j)}`;
        break;
      }
      case 5: // a very long line
        out = `${out.slice(0, i)}${'A'.repeat(20_000 + Math.floor(random() * 50_000))}${out.slice(i)}`;
        break;
      default: // duplicate the whole text
        out = `${out}${text.slice(at())}`;
    }
  }
  return out;
}

/**
 * Replace nodes of a JSON value with hostile values, or drop or add keys. Each node is found by a random walk from the
 * root (a random child at each step, stopping at random), so that every level is reached as often, the insides of
 * list items (`rows[3].rules[0]`) as much as the top.
 */
function mutateValue(value: Json, random: () => number): Json {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  const children = (node: Json): (string | number)[] =>
    Array.isArray(node) ? node.map((_, i) => i) : node && typeof node === 'object' ? Object.keys(node) : [];
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    let parent = copy as Json[] | Record<string, Json>;
    let keys = children(parent);
    if (!keys.length) break;
    let key = keys[Math.floor(random() * keys.length)]!;
    for (;;) {
      const child = (parent as Record<string | number, Json>)[key]!;
      keys = children(child);
      if (!keys.length || random() < 0.3) break;
      parent = child as Json[] | Record<string, Json>;
      key = keys[Math.floor(random() * keys.length)]!;
    }
    const choice = random();
    const hostile = HOSTILE_VALUES[Math.floor(random() * HOSTILE_VALUES.length)]!();
    if (choice < 0.1 && !Array.isArray(parent)) delete parent[key as string];
    else if (choice < 0.2 && !Array.isArray(parent)) parent[`extra${Math.floor(random() * 10)}`] = hostile;
    else (parent as Record<string | number, Json>)[key] = hostile;
  }
  return copy;
}

/** YAML anchors that expand to a billion copies when followed (the classic "billion laughs"), as top-level keys. */
const ALIAS_BOMB = ['x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((c, i) => `x-${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');

interface Kind {
  name: string;
  file: string;
  /** The valid input as text: JSON or YAML. */
  make: (value: Json) => string;
  seed: Json | string;
  /** The commands that read it; `file` is the mutated input, `out` the case's output folder, `seeds` valid files. */
  commands: (file: string, out: string, seeds: Seeds) => string[][];
}

interface Seeds {
  campaign: string;
  layer: string;
  detections: string;
  report: string;
}

const json = (value: Json): string => JSON.stringify(value, null, 1);
const yamlOf = (value: Json): string => yamlText(value);
const KINDS: Kind[] = [
  {
    name: 'campaign (YAML)',
    file: 'campaign.yaml',
    make: yamlOf,
    seed: CAMPAIGN,
    commands: (file, out, seeds) => [
      ['normalize', file],
      ['render', file, '--out', join(out, 'layers')],
      ['compare', file, '--with', 'G0050'],
      ['gap', '--threat', file, '--coverage', seeds.detections, '--out', join(out, 'gap')],
    ],
  },
  {
    name: 'campaign (JSON)',
    file: 'campaign.json',
    make: json,
    seed: CAMPAIGN,
    commands: (file, out) => [
      ['normalize', file, '--json'],
      ['render', file, '--out', join(out, 'layers')],
    ],
  },
  {
    name: 'layer',
    file: 'layer.json',
    make: json,
    seed: LAYER,
    commands: (file, out, seeds) => [
      ['validate', file],
      ['export', file, '--format', 'csv'],
      ['export', file, '--format', 'md'],
      ['export', file, '--format', 'svg', '--out', join(out, 'layer.svg')],
      ['upgrade', file, '--out', join(out, 'upgraded.json')],
      ['combine', file, file, '--op', 'sum', '--out', join(out, 'combined.json')],
      ['gap', '--threat', file, '--coverage', file, '--out', join(out, 'gap')],
    ],
  },
  {
    name: 'detections file (YAML)',
    file: 'detections.yml',
    make: yamlOf,
    seed: DETECTIONS,
    commands: (file, out, seeds) => [['gap', '--threat', seeds.campaign, '--coverage', file, '--out', join(out, 'gap'), '--report', 'csv']],
  },
  {
    name: 'detections file (CSV)',
    file: 'detections.csv',
    make: () => DETECTIONS_CSV,
    seed: DETECTIONS_CSV,
    commands: (file, out, seeds) => [['gap', '--threat', seeds.campaign, '--coverage', file, '--out', join(out, 'gap')]],
  },
  {
    name: 'Sigma rule',
    file: 'sigma/rule.yml',
    make: yamlOf,
    seed: SIGMA,
    commands: (file, out, seeds) => [['gap', '--threat', seeds.campaign, '--coverage', join(file, '..'), '--out', join(out, 'gap'), '--report', 'json']],
  },
  {
    name: 'gap report',
    file: 'gap-report.json',
    make: json,
    seed: null, // read from a real `gap --report json` run in before()
    commands: (file, out) => [
      ['export', file, '--format', 'md'],
      ['export', file, '--format', 'csv'],
      ['export', file, '--out', join(out, 'report.xlsx')],
    ],
  },
];

describe(`fuzz: mutated inputs to every command that reads them (seed ${SEED}, ${CASES} cases)`, function () {
  this.timeout(300_000);
  const root = freshTmpDir('fuzz');
  const seeds: Seeds = { campaign: join(root, 'seed-campaign.yaml'), layer: join(root, 'seed-layer.json'), detections: join(root, 'seed-detections.yml'), report: join(root, 'seed-report.json') };
  let reportSeed: Json;

  before(async () => {
    writeFileSync(seeds.campaign, yamlText(CAMPAIGN));
    writeFileSync(seeds.layer, json(LAYER));
    writeFileSync(seeds.detections, yamlText(DETECTIONS));
    const result = await runCli(['gap', '--threat', seeds.campaign, '--coverage', seeds.detections, '--out', join(root, 'seed-gap'), '--report', 'json', '--quiet']);
    expect(result.code, result.stderr).to.equal(0);
    reportSeed = JSON.parse(readFileSync(join(root, 'seed-gap', 'gap-report.json'), 'utf8')) as Json;
    writeFileSync(seeds.report, json(reportSeed));
  });

  it('every run ends with exit 0, 1 or 2, no stack trace, nothing written outside its output folder', async () => {
    const random = generator(SEED);
    const failures: string[] = [];
    const codes = new Map<number, number>();
    const outside = (before: readonly string[]) => readdirSync(join(root, '..')).filter((name) => !before.includes(name));
    const around = readdirSync(join(root, '..'));
    const repoFiles = (): string[] => listTree(repoRoot, (name) => name !== 'node_modules' && name !== '.git');
    const inRepo = new Set(repoFiles());
    for (let n = 0; n < CASES; n++) {
      const kind = KINDS[n % KINDS.length]!;
      const dir = join(root, `case-${n}`);
      const out = join(dir, 'out');
      const file = join(dir, 'in', kind.file);
      mkdirSync(join(file, '..'), { recursive: true });
      mkdirSync(out, { recursive: true });
      const seed = kind.seed ?? reportSeed;
      const mode = random();
      // A third structure only, a third text only, a third both.
      let text = typeof seed === 'string' ? seed : kind.make(mode < 2 / 3 ? mutateValue(seed, random) : seed).replace(/"?DEEP-NESTING-HERE"?/g, DEEP_TEXT);
      if (mode >= 1 / 3 || typeof seed === 'string') text = mutateText(text, random);
      if (kind.make === yamlOf && random() < 0.15) text = `${ALIAS_BOMB}\n${text}`;
      writeFileSync(file, text);
      for (const argv of kind.commands(file, out, seeds)) {
        const result = await runCli(argv);
        codes.set(result.code, (codes.get(result.code) ?? 0) + 1);
        const what = `case ${n} (${kind.name}, FUZZ_SEED=${SEED}): attack-layers ${argv.map((arg) => (arg.startsWith(root) ? relative(root, arg) : arg)).join(' ')}`;
        if (![0, 1, 2].includes(result.code)) failures.push(`${what}: exit ${result.code}: ${result.stderr.slice(0, 400)}`);
        else if (hasStackTrace(result.stderr) || hasStackTrace(result.stdout)) failures.push(`${what}: a stack trace: ${result.stderr.slice(0, 400)}`);
      }
      const stray = listTree(dir).filter((path) => !path.startsWith(`out/`) && path !== join('in', kind.file));
      if (stray.length) failures.push(`case ${n} (${kind.name}): written outside the output folder: ${stray.join(', ')}`);
    }
    if (outside(around).length) failures.push(`written beside the fuzz folder: ${outside(around).join(', ')}`);
    // Where the hostile path `../../../../outside/pwn` leads from the working folder and from the cases' folders.
    const bases = [repoRoot, root, join(root, 'case-0'), join(root, 'case-0', 'in'), join(root, 'case-0', 'out'), join(root, 'case-0', 'out', 'gap')];
    const traversed = bases.map((base) => resolve(base, '../../../../outside'));
    for (const path of new Set(traversed)) if (existsSync(path)) failures.push(`written outside every folder of the run: ${path}`);
    // No file appeared in the repository, the commands' working folder (node_modules and .git aside).
    const created = repoFiles().filter((path) => !inRepo.has(path));
    if (created.length) failures.push(`written in the working folder: ${created.join(', ')}`);
    if (process.env["FUZZ_DEBUG"]) console.log([...codes]);
    expect(failures, failures.join('\n')).to.deep.equal([]);
    // The fuzz must reach the readers' insides, not only their first check: some runs succeed, some fail on input.
    expect(codes.get(0) ?? 0, 'runs that succeeded').to.be.greaterThan(CASES / 10);
    expect(codes.get(1) ?? 0, 'runs refused as bad input').to.be.greaterThan(CASES / 10);
    expect(Object.prototype).to.not.have.property('polluted');
  });
});
