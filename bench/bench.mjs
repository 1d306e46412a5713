// Benchmarks of attack-layers against the same run's own baselines (`npm run bench` builds first).
// Every figure is measured in this run; ratios compare with baselines measured here too, so they hold across machines.
//
// To add a benchmark, append a step to `steps` below: { name, run(ctx) } where run returns rows
// { measure, ms?, value?, unit?, ratio?, goal?, note? }. `ratio` and `goal` are "lower is better" factors; `ctx`
// carries the shared setup (files, folders, `time`, `median`) and what the steps it needs (`NEEDS`) put there (`ctx.coldMs`, `ctx.results`).
// Each step runs in a child process of its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  CollectedLogSources,
  DetectionModel,
  campaignUnresolved,
  loadDetection,
  DETECTION_DATA,
  readCoverageInputs,
  readLogSources,
  readThreatInputs,
  renderVisibilityLayer,
  loadAttackFile,
  normalizeCampaign,
  readRuleFolder,
  resolveCoverage,
  reviewGaps,
  renderCoverageLayer,
  renderGapLayer,
  formatGapMarkdown,
  serializeLayer,
  threatFromCampaigns,
  renderLayerFiles,
  scoreModel,
  schemaIssues,
  AttackLibrary,
  upgradeLayer,
  upgradeReleases,
  matrixModel,
  renderLayerExport,
  EXPORT_FORMATS,
  loadProcedures,
  renderAllObjectLayers,
  extractReferences,
  loadSuggestModel,
  suggestTechniques,
  splitPassages,
  markdownCell,
  parseReference,
  readAtomicTests,
} from '../dist/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const jsYaml = require('js-yaml');
const yamlPackage = require('yaml');

/** Every *.yml / *.yaml under a folder, hidden folders left out (as the Sigma reader walks it). */
function listYamlFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/i.test(path) && !path.split(/[\\/]/).some((part) => part.startsWith('.')))
    .map((path) => join(dir, path));
}
const stixDir = process.env.ATTACK_STIX_DIR || resolve(repo, '../shared/attack-stix');
const bin = join(repo, 'dist/cli/main.js');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Run fn `times` times; the wall time of each in ms, in order. A GC first, when node runs with --expose-gc. */
function timings(times, fn) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    globalThis.gc?.();
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Run fn `times` times; the median wall time in ms. */
function time(times, fn) {
  return median(timings(times, fn));
}

/** Peak RSS (MB) of a child node process running some ES module code. */
function childPeakRss(code) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `${code}\nconsole.log(process.resourceUsage().maxRSS);`], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return Number(result.stdout.trim().split('\n').pop()) / 1024;
}

function runBin(args, env) {
  const result = spawnSync(process.execPath, args, { cwd: repo, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
}

let freshCount = 0;

/** The unit of most steps: a cold load of the .json.gz into a fresh cache folder (median of 3), and its row. */
function coldLoadUnit(ctx) {
  const ms = time(3, () => loadAttackFile(ctx.gz, { cacheDir: join(ctx.tmp, `unit-${++freshCount}`) }));
  return [ms, { measure: 'cold load of the .json.gz (median of 3)', ms, note: 'the unit: loading the knowledge base once' }];
}

/** The benchmark steps, in order. A step may read what the steps `NEEDS` names for it put in `ctx`. */
/**
 * The CLI itself in a child process, with `XDG_CACHE_HOME` set to `cache`: its CPU time and peak memory, written by a
 * wrapper that runs the bin in the same process, and the wall-clock time the child took. Its stdout is discarded.
 */
function childCli(args, cache) {
  const wrapper = `process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...${JSON.stringify(args)}];
process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('cpu=' + (u.userCPUTime + u.systemCPUTime) + ' maxrss=' + u.maxRSS + '\\n'); });
await import(${JSON.stringify(pathToFileURL(bin).href)});`;
  const env = { ...process.env, XDG_CACHE_HOME: cache, ATTACK_STIX_DIR: stixDir };
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper], { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`attack-layers ${args[0]} exited ${result.status}: ${result.stderr}`);
  const [, used, rss] = /cpu=(\d+) maxrss=(\d+)/.exec(result.stderr) ?? [];
  return { ms: Number(used) / 1000, wallMs, rss: Number(rss) / 1024 };
}

/**
 * A child process doing one cold load, its CPU time (`ms`) and the wall-clock time it took: the unit of the child runs
 * (it pays start-up and compiling as they do).
 */
function childColdLoad(ctx) {
  const code = `const { loadAttackFile } = await import(${JSON.stringify(pathToFileURL(join(repo, 'dist/attack/index.js')).href)});
loadAttackFile(${JSON.stringify(ctx.gz)}, { cacheDir: ${JSON.stringify(join(ctx.tmp, `child-unit-${++freshCount}`))} });
const u = process.resourceUsage(); console.log(u.userCPUTime + u.systemCPUTime);`;
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: repo, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`child load failed: ${result.stderr}`);
  return { ms: Number(result.stdout.trim()) / 1000, wallMs };
}

const steps = [
  {
    name: 'cold load',
    run(ctx) {
      // Interleaved rounds, so that the machine's load and the garbage collector weigh on all three alike.
      const samples = { baseline: [], json: [], gz: [] };
      const timed = (list, fn) => {
        globalThis.gc?.();
        const start = performance.now();
        fn();
        list.push(performance.now() - start);
      };
      for (let i = 0; i < 5; i++) {
        timed(samples.baseline, () => JSON.parse(readFileSync(ctx.json, 'utf8')));
        timed(samples.json, () => loadAttackFile(ctx.json, { cacheDir: join(ctx.tmp, `cold-${++freshCount}`) }));
        timed(samples.gz, () => loadAttackFile(ctx.gz, { cacheDir: join(ctx.tmp, `cold-${++freshCount}`) }));
      }
      const baseline = median(samples.baseline);
      const json = median(samples.json);
      const gz = median(samples.gz);
      ctx.baselineMs = baseline;
      ctx.coldMs = json;
      return [
        { measure: `read + JSON.parse of the ${ctx.jsonMb.toFixed(1)} MB .json (median of 5)`, ms: baseline, note: 'the baseline' },
        { measure: 'cold load of the .json (parse + index + cache write, median of 5)', ms: json, ratio: json / baseline, goal: 1.5, vs: 'baseline' },
        { measure: 'cold load of the .json.gz (median of 5)', ms: gz, ratio: gz / baseline, vs: 'baseline', note: 'information' },
      ];
    },
  },
  {
    name: 'warm load',
    run(ctx) {
      const cacheDir = join(ctx.tmp, 'warm');
      loadAttackFile(ctx.json, { cacheDir });
      const ms = time(10, () => loadAttackFile(ctx.json, { cacheDir }));
      return [{ measure: 'warm load from the index cache (median of 10)', ms, ratio: ms / ctx.coldMs, goal: 0.05, vs: 'cold load' }];
    },
  },
  {
    name: 'cli run',
    run(ctx) {
      const env = { ...process.env, XDG_CACHE_HOME: join(ctx.tmp, 'xdg'), ATTACK_STIX_DIR: stixDir };
      const cli = [bin, 'technique', 'T1193'];
      runBin(cli, env); // warms the index cache
      const cliSamples = [];
      const nodeSamples = [];
      // Interleaved, so that machine load affects both the same way.
      for (let i = 0; i < 10; i++) {
        let start = performance.now();
        runBin(['-e', '0'], env);
        nodeSamples.push(performance.now() - start);
        start = performance.now();
        runBin(cli, env);
        cliSamples.push(performance.now() - start);
      }
      const nodeMs = median(nodeSamples);
      const cliMs = median(cliSamples);
      return [
        { measure: '`node -e 0` (median of 10)', ms: nodeMs, note: 'the baseline' },
        { measure: '`attack-layers technique T1193`, warm cache (median of 10)', ms: cliMs, ratio: cliMs / nodeMs, vs: 'node -e 0', goal: 2 },
      ];
    },
  },
  {
    name: 'render',
    run(ctx) {
      const [unit, unitRow] = coldLoadUnit(ctx);
      const target = loadAttackFile(ctx.gz, { cacheDir: join(ctx.tmp, 'render') });
      // 1,000 campaigns of 30 references each, drawn deterministically from the release's techniques, revoked ones
      // included, written as "Name (ID)" so that every reference goes through the whole resolver.
      const all = target.allTechniques();
      const campaigns = Array.from({ length: 1000 }, (_, i) => ({
        file: `bench-${i}.yaml`, id: `bench-${i}`, name: `Bench campaign ${i}`, sources: [], domain: 'enterprise-attack',
        platforms: [], tags: [], software: [], lastSeen: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
        techniques: Array.from({ length: 30 }, (_, j) => {
          const t = all[(i * 37 + j * 101) % all.length];
          return { ref: `${t.name} (${t.id})`, tactics: [], path: `/techniques/${j}` };
        }),
      }));
      let layers = 0;
      const ms = time(1, () => {
        const items = campaigns.map((c) => ({ result: normalizeCampaign(c, { target, warnings: [] }), index: target }));
        const { files } = renderLayerFiles(items, { model: scoreModel('frequency'), aggregate: 'all', halfLifeDays: 365 });
        for (const file of files) {
          if (schemaIssues('layer-4.5', file.layer).length) throw new Error(`invalid layer ${file.name}`);
          serializeLayer(file.layer);
        }
        layers = files.length;
      });
      return [
        unitRow,
        { measure: `normalize + render + validate + serialize 1,000 campaigns x 30 refs (${layers} layers)`, ms, ratio: ms / unit, vs: 'one load', note: 'information' },
      ];
    },
  },
  {
    name: 'gap review',
    run(ctx) {
      const sigmaDir = resolve(repo, '../shared/sigma/rules');
      const [unit, unitRow] = coldLoadUnit(ctx);
      const target = loadAttackFile(ctx.gz, { cacheDir: join(ctx.tmp, 'gap') });
      // 200 campaigns built from the release's own groups: each group's techniques, written as "Name (ID)".
      const groups = target.data.groups.filter((g) => !g.revoked && g.techniques.length).slice(0, 200);
      const campaigns = Array.from({ length: 200 }, (_, i) => {
        const group = groups[i % groups.length];
        return {
          file: `bench-${i}.yaml`, id: `bench-${i}`, name: `${group.name} ${i}`, sources: [], domain: 'enterprise-attack',
          platforms: [], tags: [], software: [],
          techniques: group.techniques.map((id, j) => ({ ref: `${target.technique(id).name} (${id})`, tactics: [], path: `/techniques/${j}` })),
        };
      });
      let rules = 0;
      const ms = time(1, () => {
        const results = campaigns.map((c) => normalizeCampaign(c, { target, warnings: [] }));
        const input = readRuleFolder(sigmaDir);
        rules = input.counts.rules;
        const review = reviewGaps(threatFromCampaigns(results), resolveCoverage([input], target), target, { minCoverage: 0.5 });
        serializeLayer(renderCoverageLayer(review, target));
        serializeLayer(renderGapLayer(review, target));
        formatGapMarkdown(review);
      });
      return [
        unitRow,
        { measure: `gap review: 200 campaigns against ${rules} Sigma rules (rules/), layers + report`, ms, ratio: ms / unit, vs: 'one load', note: 'information' },
      ];
    },
  },
  {
    name: 'gap review sigma',
    run(ctx) {
      // The whole review as `attack-layers gap` runs it: the campaigns of campaigns/ against every rule of
      // ../shared/sigma, with ATT&CK's detection strategies and a log sources file, to layers and a report. Figures are
      // CPU time (user + system), which the other processes on a shared machine disturb far less than wall time: warm
      // (index and detection caches filled) and cold (an empty cache), against one cold load of the knowledge base and
      // a bare read + parse of every rule file with the fastest YAML parser available here.
      const sigmaDir = resolve(repo, '../shared/sigma');
      const files = listYamlFiles(sigmaDir);
      const cpu = (fn) => {
        globalThis.gc?.();
        const start = process.cpuUsage();
        fn();
        const used = process.cpuUsage(start);
        return (used.user + used.system) / 1000;
      };
      const parsers = {
        'js-yaml loadAll': (text) => jsYaml.loadAll(text),
        'js-yaml parseEvents': (text) => jsYaml.parseEvents(text, {}),
        'yaml parseAllDocuments': (text) => yamlPackage.parseAllDocuments(text),
      };
      const parseAll = (parse) => () => {
        for (const file of files) {
          try {
            parse(readFileSync(file, 'utf8'));
          } catch {
            // A broken rule costs its parse all the same.
          }
        }
      };
      const logs = join(ctx.tmp, 'log-sources.yml');
      writeFileSync(logs, '- WinEventLog:Sysmon\n- WinEventLog:Security\n');
      const review = (cacheDir) => () => {
        const library = new AttackLibrary({ envDir: stixDir, cacheDir, sideData: [DETECTION_DATA] });
        const threat = readThreatInputs([join(repo, 'campaigns')], library);
        const target = library.release('enterprise-attack');
        const collected = new CollectedLogSources(readLogSources(logs));
        const coverage = resolveCoverage(readCoverageInputs([sigmaDir], { cacheDir }), target);
        const detection = new DetectionModel(loadDetection(target, { cacheDir }), target);
        const result = reviewGaps(threatFromCampaigns(threat.campaigns, target), coverage, target, {
          minCoverage: 0.5,
          threatUnresolved: campaignUnresolved(threat.campaigns),
          detection,
          logSources: collected,
        });
        for (const layer of [renderCoverageLayer(result, target), renderGapLayer(result, target), renderVisibilityLayer(detection, collected, target, result.platforms)]) {
          serializeLayer(layer);
        }
        formatGapMarkdown(result);
      };
      const warmCache = join(ctx.tmp, 'gap-warm');
      review(warmCache)(); // fills the caches
      // Interleaved rounds, so that the machine's load weighs on every measure alike.
      const samples = { unit: [], warm: [], cold: [], ...Object.fromEntries(Object.keys(parsers).map((name) => [name, []])) };
      for (let i = 0; i < 3; i++) {
        samples.unit.push(cpu(() => loadAttackFile(ctx.gz, { cacheDir: join(ctx.tmp, `unit-${++freshCount}`) })));
        for (const [name, parse] of Object.entries(parsers)) samples[name].push(cpu(parseAll(parse)));
        samples.warm.push(cpu(review(warmCache)));
        samples.cold.push(cpu(review(join(ctx.tmp, `gap-cold-${++freshCount}`))));
      }
      const unit = median(samples.unit);
      const parseMs = Object.fromEntries(Object.keys(parsers).map((name) => [name, median(samples[name])]));
      const [fastest, bareMs] = Object.entries(parseMs).sort((a, b) => a[1] - b[1])[0];
      const warm = median(samples.warm);
      const cold = median(samples.cold);

      const cli = (cache) => childCli(['gap', '--threat', 'campaigns', '--coverage', sigmaDir, '--log-sources', logs, '--out', join(ctx.tmp, `gap-out-${++freshCount}`), '--quiet'], cache);
      const childUnit = median([childColdLoad(ctx), childColdLoad(ctx), childColdLoad(ctx)].map((run) => run.ms));
      const cliWarmCache = join(ctx.tmp, 'cli-warm');
      cli(cliWarmCache);
      const cliWarm = [cli(cliWarmCache), cli(cliWarmCache), cli(cliWarmCache)];
      const cliCold = [1, 2, 3].map(() => cli(join(ctx.tmp, `cli-cold-${++freshCount}`)));
      const cliWarmMs = median(cliWarm.map((run) => run.ms));
      const cliColdMs = median(cliCold.map((run) => run.ms));
      return [
        { measure: 'cold load of the .json.gz, CPU (median of 3)', ms: unit, note: 'the unit: loading the knowledge base once' },
        ...Object.entries(parseMs).map(([name, ms]) => ({
          measure: `read + ${name} of the ${files.length} rule files, CPU (median of 3)`,
          ms,
          note: name === fastest ? 'the fastest: the parse baseline' : 'information',
        })),
        { measure: 'gap review of ../shared/sigma, warm caches: campaigns/, detection, log sources -> 3 layers + report, CPU (median of 3)', ms: warm, ratio: warm / unit, vs: 'one load', goal: 1 },
        { measure: '  the same, against the bare parse', ms: warm, ratio: warm / bareMs, vs: fastest, note: 'information' },
        { measure: 'the same with an empty cache, CPU (median of 3)', ms: cold, ratio: cold / unit, vs: 'one load', note: 'information' },
        { measure: '  the same, against the bare parse', ms: cold, ratio: cold / bareMs, vs: fastest, note: 'information' },
        { measure: 'a child process doing one cold load, CPU (median of 3)', ms: childUnit, note: 'the unit of the child runs' },
        { measure: '`attack-layers gap` (the same review) in a child process, warm caches, CPU (median of 3)', ms: cliWarmMs, ratio: cliWarmMs / childUnit, vs: 'child load', note: 'information' },
        { measure: '`attack-layers gap` in a child process, empty cache, CPU (median of 3)', ms: cliColdMs, ratio: cliColdMs / childUnit, vs: 'child load', note: 'information' },
        { measure: 'peak RSS of the warm `attack-layers gap`', value: Math.max(...cliWarm.map((run) => run.rss)), unit: 'MB', note: 'information' },
        { measure: 'peak RSS of the cold `attack-layers gap`', value: Math.max(...cliCold.map((run) => run.rss)), unit: 'MB', note: 'information' },
      ];
    },
  },
  {
    name: 'gap tests index',
    run(ctx) {
      // Atomic Red Team's atomics/Indexes/index.yaml is 2.8 MB (2,807,888 characters at commit 00ad63fa): tactic ->
      // technique ID -> the technique's STIX object (references, description, detection) and its atomic_tests (name,
      // guid, description, platforms, input arguments, executor command), each technique under each of its tactics.
      // A file of that layout and size is written here; `gap --tests` reads it with readAtomicTests.
      const tactics = ['initial-access', 'execution', 'persistence', 'privilege-escalation', 'defense-evasion', 'credential-access', 'discovery', 'lateral-movement', 'collection', 'exfiltration', 'command-and-control', 'impact'];
      const prose = 'Adversaries may abuse this mechanism to run their code, and monitoring process creation, command lines and file changes may show it. ';
      const technique = (i) => {
        const id = `T${1000 + (i % 600)}${i >= 600 ? `.${String(Math.floor(i / 600)).padStart(3, '0')}` : ''}`;
        const tests = Array.from({ length: i % 5 }, (_, t) =>
          [
            `    - name: Test ${t + 1} of ${id}`,
            `      auto_generated_guid: ${String(i).padStart(8, '0')}-0000-4000-8000-${String(t).padStart(12, '0')}`,
            `      description: |-`,
            `        ${prose.repeat(2)}`,
            `      supported_platforms:`,
            `      - ${['windows', 'linux', 'macos', 'office-365'][(i + t) % 4]}`,
            `      input_arguments:`,
            `        output_file:`,
            `          description: Where the test writes its output`,
            `          type: path`,
            `          default: '%TEMP%\\out-${t}.txt'`,
            `      executor:`,
            `        command: |`,
            `          cmd.exe /c whoami /all > #{output_file}`,
            `        name: ${['command_prompt', 'sh', 'bash', 'powershell'][(i + t) % 4]}`,
          ].join('\n'),
        );
        return [
          `  ${id}:`,
          `    technique:`,
          `      external_references:`,
          `      - source_name: mitre-attack`,
          `        external_id: ${id}`,
          `        url: https://attack.mitre.org/techniques/${id.replace('.', '/')}`,
          `      name: Technique ${i}`,
          `      description: |-`,
          `        ${prose.repeat(8)}`,
          `      x_mitre_platforms:`,
          `      - Windows`,
          `      - Linux`,
          `      x_mitre_detection: |-`,
          `        ${prose.repeat(4)}`,
          `      x_mitre_is_subtechnique: ${id.includes('.')}`,
          `    atomic_tests:${tests.length ? `\n${tests.join('\n')}` : ' []'}`,
        ].join('\n');
      };
      const byTactic = new Map(tactics.map((tactic) => [tactic, []]));
      let size = 0;
      for (let i = 0; size < 2.8e6; i++) {
        // A technique under one or two tactics, as the index lists it under each of its own.
        for (const tactic of [tactics[i % tactics.length], ...(i % 3 ? [] : [tactics[(i + 5) % tactics.length]])]) {
          const text = technique(i);
          byTactic.get(tactic).push(text);
          size += text.length + 1;
        }
      }
      const file = join(ctx.tmp, 'index.yaml');
      writeFileSync(file, `---\n${[...byTactic].map(([tactic, entries]) => `${tactic}:\n${entries.join('\n')}`).join('\n')}\n`);
      const mb = statSync(file).size / 1e6;
      const text = readFileSync(file, 'utf8');
      const read = time(5, () => readAtomicTests(file));
      const parse = time(5, () => yamlPackage.parse(text, { maxAliasCount: 100 }));
      const tests = readAtomicTests(file).tests.length;
      const index = JSON.stringify(join(repo, 'dist/index.js'));
      const startRss = childPeakRss(`await import(${index});`);
      const readRss = childPeakRss(`const { readAtomicTests } = await import(${index}); readAtomicTests(${JSON.stringify(file)});`);
      return [
        // A 2.8 MB file should read faster than the 44 MB of ATT&CK's JSON.
        { measure: `readAtomicTests of a ${mb.toFixed(1)} MB index.yaml in Atomic Red Team's layout, ${tests} tests (median of 5)`, ms: read, ratio: read / ctx.baselineMs, vs: 'baseline', goal: 1 },
        { measure: "the same text through the yaml package's document model (parse, median of 5), as it was first read", ms: parse, note: 'information' },
        { measure: 'readAtomicTests (js-yaml events, built only as deep as a test) against it', ms: read, ratio: read / parse, vs: 'yaml parse', goal: 0.5 },
        { measure: 'peak RSS of a child importing the library', value: startRss, unit: 'MB', note: 'start-up' },
        { measure: 'peak RSS of a child importing it and reading the index', value: readRss, unit: 'MB', ratio: (readRss - startRss) / mb, vs: 'MB of index (what reading adds per MB)', note: 'information' },
      ];
    },
  },
  {
    name: 'upgrade',
    run(ctx) {
      const [unit, unitRow] = coldLoadUnit(ctx);
      // Both releases indexed once beforehand, as in a batch run: the figure is the upgrade work itself.
      const library = new AttackLibrary({ envDir: stixDir, cacheDir: join(ctx.tmp, 'upgrade') });
      const old = library.release('enterprise-attack', '6.3');
      library.release('enterprise-attack');
      // 500 layers in format 4.2 for ATT&CK 6, 30 entries each under each of their 6.3 tactics, drawn
      // deterministically from every 6.3 technique (revoked and deprecated ones included).
      const all = old.allTechniques();
      const layers = Array.from({ length: 500 }, (_, i) => ({
        name: `Bench layer ${i}`,
        versions: { attack: '6', navigator: '4.3', layer: '4.2' },
        domain: 'enterprise-attack',
        filters: { platforms: ['Windows', 'Linux', 'macOS', 'AWS', 'Office 365'] },
        techniques: Array.from({ length: 30 }, (_, j) => all[(i * 37 + j * 101) % all.length]).flatMap((t, j) =>
          (t.tactics.length ? t.tactics : [undefined]).map((tactic) => ({ techniqueID: t.id, ...(tactic ? { tactic } : {}), score: j % 5, comment: `entry ${j}` })),
        ),
      }));
      let entries = 0;
      const ms = time(1, () => {
        for (const layer of layers) {
          const releases = upgradeReleases(layer, library);
          const { layer: out, report } = upgradeLayer(layer, releases.target, releases);
          entries += report.techniques.length;
          serializeLayer(out);
        }
      });
      return [
        unitRow,
        { measure: `upgrade + schema check + serialize 500 layers (4.2, ATT&CK 6.3 -> 4.5, 18.1; ${entries} entries)`, ms, ratio: ms / unit, vs: 'one load', note: 'information' },
      ];
    },
  },
  {
    name: 'all groups -> layers',
    run(ctx) {
      const [unit, unitRow] = coldLoadUnit(ctx);
      const cacheDir = join(ctx.tmp, 'groups');
      const index = loadAttackFile(ctx.gz, { cacheDir });
      // The procedures are read from the bundle the first time only, then from their own cache file.
      const coldMs = time(1, () => loadProcedures(index, { cacheDir }));
      const warmMs = time(5, () => loadProcedures(index, { cacheDir }));
      let layers = 0;
      let bytes = 0;
      const renderMs = time(5, () => {
        const { files } = renderAllObjectLayers('group', index, loadProcedures(index, { cacheDir }));
        layers = files.length;
        bytes = files.reduce((sum, file) => sum + serializeLayer(file.layer).length, 0);
      });
      // What `attack-object --all groups` does before writing: load both caches warm, render, serialize.
      const totalMs = time(5, () => {
        const warm = loadAttackFile(ctx.gz, { cacheDir });
        for (const file of renderAllObjectLayers('group', warm, loadProcedures(warm, { cacheDir })).files) serializeLayer(file.layer);
      });
      return [
        unitRow,
        { measure: 'procedures, first time (read + parse the bundle, write their cache)', ms: coldMs, ratio: coldMs / unit, vs: 'one load', note: 'information' },
        { measure: 'procedures from their cache (median of 5)', ms: warmMs, ratio: warmMs / unit, vs: 'one load', note: 'information' },
        { measure: `all groups -> layers: procedures (warm) + render + serialize, ${layers} layers, ${(bytes / 1e6).toFixed(1)} MB (median of 5)`, ms: renderMs, ratio: renderMs / unit, vs: 'one load', note: 'information' },
        { measure: 'the same from the warm index cache, as `attack-object --all groups` runs it (median of 5)', ms: totalMs, ratio: totalMs / unit, vs: 'one load', note: 'information' },
      ];
    },
  },
  {
    name: 'suggest',
    run(ctx) {
      const [unit, unitRow] = coldLoadUnit(ctx);
      const cacheDir = join(ctx.tmp, 'suggest');
      const index = loadAttackFile(ctx.gz, { cacheDir });
      const buildMs = time(1, () => loadSuggestModel(index, { cacheDir }));
      const warmMs = time(3, () => loadSuggestModel(index, { cacheDir }));
      // 4,000 sentences of real reports: the evaluation set's, repeated in order, one per line.
      const evalDir = join(repo, 'eval');
      const sentences = readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).sort()
        .flatMap((f) => readFileSync(join(evalDir, f), 'utf8').trim().split('\n').map((line) => JSON.parse(line).text.replace(/[.!?]?$/, '.')));
      const text = Array.from({ length: 4000 }, (_, i) => sentences[i % sentences.length]).join('\n');
      let passages = 0;
      const rankSamples = timings(3, () => {
        passages = suggestTechniques(text, loadSuggestModel(index, { cacheDir }), { top: 5 }).length;
      });
      const rankMs = median(rankSamples);
      // The first of them is what one `attack-layers suggest` run pays: its regular expressions compiled, its code not
      // yet optimised by V8 (the process has only loaded and built, never ranked).
      const firstMs = rankSamples[0];
      // What a user waits for: the command on the same sentences, its caches (index and model) warm, in a child process,
      // against a child process doing one cold load (each pays start-up and compiling); interleaved, wall-clock time
      // (CPU time would count V8's compiling and collecting on other threads).
      const sentencesFile = join(ctx.tmp, 'suggest-4000.txt');
      writeFileSync(sentencesFile, `${text}\n`);
      const cliCache = join(ctx.tmp, 'suggest-cli');
      childCli(['suggest', sentencesFile, '--json', '--quiet'], cliCache);
      const child = { unit: [], cli: [] };
      for (let i = 0; i < 3; i++) {
        child.unit.push(childColdLoad(ctx).wallMs);
        child.cli.push(childCli(['suggest', sentencesFile, '--json', '--quiet'], cliCache).wallMs);
      }
      const childUnit = median(child.unit);
      const cliMs = median(child.cli);
      return [
        unitRow,
        { measure: 'suggestion model, first build (read + parse the bundle, build, write its cache)', ms: buildMs, ratio: buildMs / unit, vs: 'one load', note: 'information' },
        { measure: 'suggestion model from its cache (median of 3)', ms: warmMs, ratio: warmMs / unit, vs: 'one load', note: 'information' },
        { measure: `suggest: model from cache + ${passages} sentences ranked, top 5 (median of 3)`, ms: rankMs, ratio: rankMs / unit, vs: 'one load', goal: 1 },
        { measure: '... the first of the three, as one run of the command pays it', ms: firstMs, ratio: firstMs / unit, vs: 'one load', note: 'information' },
        { measure: 'a child process doing one cold load, wall clock (median of 3)', ms: childUnit, note: 'the unit of the child run' },
        { measure: `\`attack-layers suggest --json\` on the ${passages} sentences in a child process, warm caches, wall clock (median of 3)`, ms: cliMs, ratio: cliMs / childUnit, vs: 'child load', note: 'information' },
      ];
    },
  },
  {
    name: 'export large layer',
    async run(ctx) {
      const index = loadAttackFile(ctx.gz, { cacheDir: join(ctx.tmp, 'export') });
      // Every current technique and sub-technique scored (0..100, deterministic), and every sub-technique expanded:
      // the largest matrix a layer can ask for.
      const current = index.currentTechniques();
      const layer = {
        name: 'every enterprise technique', domain: 'enterprise-attack',
        versions: { attack: index.major, navigator: '5.1.0', layer: '4.5' },
        layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'all' },
        gradient: { colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 },
        techniques: current.map((t, i) => ({ techniqueID: t.id, score: (i * 37) % 101 })),
      };
      const rows = [];
      let total = 0;
      for (const format of EXPORT_FORMATS) {
        // One run first, untimed but for xlsx, where it includes loading exceljs (required on first use).
        let start = performance.now();
        await renderLayerExport(matrixModel(layer, index), format);
        if (format === 'xlsx') {
          const first = performance.now() - start;
          rows.push({ measure: 'export as xlsx, first run in the process (loads exceljs)', ms: first, ratio: first / ctx.coldMs, vs: 'cold load', note: 'information' });
        }
        const samples = [];
        for (let i = 0; i < 3; i++) {
          globalThis.gc?.();
          start = performance.now();
          await renderLayerExport(matrixModel(layer, index), format);
          samples.push(performance.now() - start);
        }
        const ms = median(samples);
        total += ms;
        rows.push({ measure: `export ${current.length} scored techniques as ${format} (model + render, median of 3)`, ms, ratio: ms / ctx.coldMs, vs: 'cold load', goal: 1 });
      }
      rows.push({ measure: 'export the same layer in all five formats (sum of the medians)', ms: total, ratio: total / ctx.coldMs, vs: 'cold load', note: 'information' });
      return rows;
    },
  },
  {
    name: 'hostile sizes',
    run(ctx) {
      // The sizes of issue 15 item 9 (and item 8's campaign), each at n and 10n in this run: linear growth gives a
      // ratio near 10 (less, with the fixed start-up of a CLI run), quadratic growth near 100.
      const env = { ...process.env, XDG_CACHE_HOME: join(ctx.tmp, 'hostile-xdg'), ATTACK_STIX_DIR: stixDir };
      runBin([bin, 'technique', 'T1059', '--quiet'], env); // warms the index cache
      const cli = (args) => {
        const start = performance.now();
        const result = spawnSync(process.execPath, [bin, ...args, '--quiet'], { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
        // validate exits 1 for a layer with errors; a bug (70) or a crash would void the figure.
        if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
        return performance.now() - start;
      };
      const layerFile = (n) => {
        const file = join(ctx.tmp, `hostile-layer-${n}.json`);
        // n distinct entries, most of them IDs the release does not know (T1000.001 ...), as a generated layer has.
        const techniques = Array.from({ length: n }, (_, i) => ({
          techniqueID: `T${1000 + (i % 9000)}${i >= 9000 ? `.${String(Math.floor(i / 9000)).padStart(3, '0')}` : ''}`,
          score: i % 101,
          comment: `entry ${i}`,
        }));
        writeFileSync(file, JSON.stringify({ name: `${n} entries`, domain: 'enterprise-attack', versions: { layer: '4.5', attack: '18', navigator: '5.1.0' }, techniques }));
        return file;
      };
      const campaignFile = (n) => {
        const file = join(ctx.tmp, `hostile-campaign-${n}.yaml`);
        writeFileSync(file, `name: ${n} references\ntechniques:\n${'  - T1059.001\n'.repeat(n)}`);
        return file;
      };
      // The growth from n to 10n is compared on what each size adds to a run of size 1 (start-up, loading ATT&CK).
      // Each larger size is compared with the baseline size: linear growth gives a ratio near large / small.
      const pair = (label, small, larges, measure) => {
        const base = measure(1);
        const a = measure(small);
        const n = (count) => count.toLocaleString('en');
        return [
          { measure: `${label}, n = 1`, ms: base, note: 'start-up' },
          { measure: `${label}, n = ${n(small)}`, ms: a, note: 'the baseline' },
          ...[larges].flat().map((large) => {
            const b = measure(large);
            const goal = 1.5 * (large / small);
            return { measure: `${label}, n = ${n(large)} (ratio: what it adds to n = 1)`, ms: b, ratio: (b - base) / (a - base), vs: `n = ${n(small)}`, goal };
          }),
        ];
      };
      const cell = (spaces) => time(5, () => markdownCell(`a${' '.repeat(spaces)}b\n${' '.repeat(spaces)}c`));
      // A reference with 200,000 spaces took 20 s, one of 500 KB over a minute (a quadratic regex on runs of spaces).
      // Compared from 500 KB, as markdownCell: at 200,000 and below the text runs in a faster regime (a few ms, varying
      // with the load), which would make the ratio say more than the growth; 200,000 is shown for itself.
      const reference = (spaces) => time(9, () => parseReference(`Spearphishing${' '.repeat(spaces)}Attachment (T1566.001)`));
      return [
        { measure: 'parseReference of a reference with 200,000 spaces (median of 9)', ms: reference(200_000), note: 'item 9: it took 20 s' },
        ...pair('parseReference of a reference with n spaces (median of 9)', 500_000, 5_000_000, reference),
        // From 500 KB: below that the text is short enough to run in a faster regime (200,000 takes ~4 ms), which
        // would make the ratio say more than the growth.
        ...pair('markdownCell of a text with n spaces (median of 5)', 500_000, 5_000_000, cell),
        // 5,000 wrapped lines with no full stop took 10 s, 20,000 about 4 minutes (each line re-read the whole passage).
        ...pair('splitPassages (suggest) of n wrapped lines with no full stop (median of 3)', 5_000, 50_000, (lines) => {
          const text = Array.from({ length: lines }, () => 'the operators moved laterally across the network using stolen admin credentials and then').join('\n');
          return time(3, () => splitPassages(text));
        }),
        ...pair('export --format csv of a layer of n entries', 20_000, 200_000, (n) => cli(['export', layerFile(n), '--out', join(ctx.tmp, `hostile-${n}.csv`), '--force'])),
        ...pair('validate a layer of n entries', 20_000, 200_000, (n) => cli(['validate', layerFile(n)])),
        ...pair('combine two layers of n entries (--op max)', 20_000, 200_000, (n) => cli(['combine', layerFile(n), layerFile(n), '--op', 'max', '--out', join(ctx.tmp, `hostile-combined-${n}.json`), '--force'])),
        ...pair('render a campaign of n references', 20_000, 200_000, (n) => cli(['render', campaignFile(n), '--out', join(ctx.tmp, `hostile-render-${n}`), '--force'])),
      ];
    },
  },
  {
    name: 'extract',
    run() {
      // Report text as reports hold it: the corpus excerpts (prose, lists, tables, Japanese; dense with IDs), repeated
      // to 2 and 20 MB, once as lines and once as one long line (a PDF-to-text dump without line breaks). Linear time
      // means 10 times the text takes 10 times as long: the unit is the 2 MB run, the goal 12 (some slack for GC).
      const corpus = readdirSync(join(repo, 'test/corpus/reports'))
        .map((name) => readFileSync(join(repo, 'test/corpus/reports', name), 'utf8'))
        .join('\n');
      const sized = (mb, joiner) => {
        const unit = corpus.split('\n').join(joiner);
        return unit.repeat(Math.ceil((mb * 1e6) / unit.length)).slice(0, mb * 1e6);
      };
      const rows = [];
      for (const [label, joiner] of [['lines', '\n'], ['one line', ' ']]) {
        const small = sized(2, joiner);
        const large = sized(20, joiner);
        const unitMs = time(3, () => extractReferences(small));
        const ms = time(1, () => extractReferences(large));
        rows.push({ measure: `extract 2 MB of report text as ${label} (median of 3)`, ms: unitMs, note: `the unit: ${(unitMs / 2).toFixed(0)} ms/MB` });
        rows.push({
          measure: `extract 20 MB of report text as ${label} (${(ms / 20).toFixed(0)} ms/MB)`,
          ms,
          ratio: ms / unitMs,
          vs: 'the 2 MB run',
          goal: 12,
        });
      }
      return rows;
    },
  },
  {
    name: 'peak memory',
    run(ctx) {
      const index = JSON.stringify(join(repo, 'dist/index.js'));
      const parse = childPeakRss(`import { readFileSync } from 'node:fs'; JSON.parse(readFileSync(${JSON.stringify(ctx.json)}, 'utf8'));`);
      const cold = childPeakRss(
        `const { loadAttackFile } = await import(${index}); loadAttackFile(${JSON.stringify(ctx.json)}, { cacheDir: ${JSON.stringify(join(ctx.tmp, 'rss'))} });`,
      );
      return [
        { measure: 'peak RSS of a child doing read + JSON.parse', value: parse, unit: 'MB', note: 'the baseline' },
        { measure: 'peak RSS of a child doing a cold load of the .json', value: cold, unit: 'MB', ratio: cold / parse, vs: 'read + JSON.parse', note: 'information' },
      ];
    },
  },
];

function format(rows) {
  const header = ['step', 'measure', 'result', 'ratio', 'goal', 'verdict'];
  const cells = rows.map((row) => [
    row.step,
    row.measure,
    row.ms !== undefined ? `${row.ms.toFixed(1)} ms` : `${row.value.toFixed(0)} ${row.unit}`,
    row.ratio !== undefined ? `${row.ratio.toFixed(3)} x ${row.vs}` : '',
    row.goal !== undefined ? `<= ${row.goal}` : '',
    row.goal !== undefined ? (row.ratio <= row.goal ? 'ok' : 'MISSED') : (row.note ?? ''),
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...cells.map((cell) => cell[i].length)));
  const line = (cell) => cell.map((text, i) => text.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** The rows of one step, measured in this process after the steps whose figures it uses (their rows are not returned). */
async function runStep(name) {
  const gz = join(stixDir, 'enterprise-attack-18.1.json.gz');
  const tmp = mkdtempSync(join(tmpdir(), 'attack-layers-bench-'));
  try {
    // The uncompressed copy is made once, outside any timing; its name says the release, as a user's would.
    const json = join(tmp, 'enterprise-attack-18.1.json');
    writeFileSync(json, gunzipSync(readFileSync(gz)));
    const ctx = { tmp, gz, json, jsonMb: statSync(json).size / 1e6, time, median, results: {} };
    let rows = [];
    for (const step of steps.filter((step) => step.name === name || NEEDS[name]?.includes(step.name))) {
      rows = await step.run(ctx);
      ctx.results[step.name] = rows;
    }
    for (const row of rows) {
      // (A ratio against a figure of a step not run here is NaN: that step belongs in NEEDS.)
      if (row.ratio !== undefined && !Number.isFinite(row.ratio)) throw new Error(`bench step ${name}: "${row.measure}" has no ratio; add the step it compares with to NEEDS`);
    }
    return { jsonMb: ctx.jsonMb, rows: rows.map((row) => ({ step: name, ...row })) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// The steps whose figures a step uses, run before it in its process.
const NEEDS = { 'warm load': ['cold load'], 'export large layer': ['cold load'], 'gap tests index': ['cold load'] };

async function main() {
  // Re-run with --expose-gc, so that each timed run starts after a collection rather than paying for the last one.
  if (!globalThis.gc) {
    const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exitCode = child.status ?? 1;
    return;
  }
  // Inside: one step, its rows as JSON on stdout.
  if (process.argv[2] === '--step') {
    console.log(JSON.stringify(await runStep(process.argv[3])));
    return;
  }
  // Each step runs in a process of its own, so that its figures do not depend on what the steps before it left in the
  // heap (ranking 4,000 sentences took 0.7 s alone and 1.0 s after the other steps, its unit 0.75 s and 0.84 s).
  // `npm run bench -- upgrade render` runs only the steps named.
  const wanted = process.argv.slice(2);
  const chosen = wanted.length ? steps.filter((step) => wanted.includes(step.name)) : steps;
  const rows = [];
  let jsonMb = 0;
  const started = performance.now();
  for (const step of chosen) {
    process.stderr.write(`bench: ${step.name}...\n`);
    const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--step', step.name], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`bench step ${step.name} exited ${child.status}`);
    const result = JSON.parse(child.stdout.trim().split('\n').pop());
    jsonMb = result.jsonMb;
    rows.push(...result.rows);
  }
  console.log(`attack-layers bench: enterprise-attack 18.1 (${jsonMb.toFixed(1)} MB uncompressed), node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(format(rows));
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
