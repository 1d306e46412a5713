/**
 * Comments of several lines that `upgrade` and `combine` merge into one entry. SigmaHQ's `sigma2attack`
 * (SigmaHQ/sigma, tools/sigma/sigma2attack.py at commit 07ba33b709e2e0f38e015f4dc43eff59542b3bee) writes a heatmap
 * whose comment lists the rule files of a technique, one per line. Built here, as that tool builds it, from the real
 * rules of ../shared/sigma/deprecated/windows (the August 2026 snapshot of SigmaHQ/sigma, Detection Rule License 1.1;
 * read at run time, never committed): 15 rules tag attack.t1059.001 and one, sysmon_powershell_execution_moduleload.yml,
 * the revoked attack.t1086 too. `upgrade` to 18.1 merges T1086 into T1059.001. Before, only each source's first line
 * was prefixed with its ID (`T1059.001: file_event_win_susp_clr_logs.yml\nimage_load_alternate_…\n…\nT1086: sysmon_…`),
 * so a line after the first, read alone (Navigator's comment box, a spreadsheet export, grep), named no ID; now every
 * line says its ID. Upgraded again with more to merge (the T1086 entry appended anew), the lines merged before got a
 * second prefix (`T1059.001: T1086: sysmon_…`); now a line already prefixed with an ID that names the technique keeps
 * it alone. `combine` prefixed each layer's comment with the layer's name the same way.
 * That rule, tagged with both IDs, is listed by sigma2attack under each: merged, it was two lines (`T1059.001: sysmon_…`
 * among T1059.001's rules, `T1086: sysmon_…` last); now it is one, where T1059.001 listed it, naming both.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const RULES = resolve(repoRoot, '../shared/sigma/deprecated/windows');
const PUBLIC_HEATMAP = join(repoRoot, 'test/fixtures/layers/public/sigma2attack-heatmap-4.0.json');

/** Rule file names by the technique IDs their `attack.t…` tags give, as sigma2attack collects them (files in name order). */
function rulesByTechnique(dir: string): Map<string, string[]> {
  const byTechnique = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.yml')).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      const tags = (doc.toJS() as { tags?: unknown } | null)?.tags;
      for (const tag of Array.isArray(tags) ? tags : []) {
        if (typeof tag !== 'string' || !tag.toLowerCase().startsWith('attack.t')) continue;
        const id = tag.slice('attack.'.length).toUpperCase();
        byTechnique.set(id, [...(byTechnique.get(id) ?? []), basename(file)]);
      }
    }
  }
  return byTechnique;
}

/** The layer sigma2attack writes for those rules: each technique scored by its number of rules, the rules its comment. */
function sigma2attackLayer(byTechnique: Map<string, string[]>, name = 'Sigma rules heatmap'): unknown {
  const techniques = [...byTechnique].map(([techniqueID, rules]) => ({ techniqueID, score: rules.length, comment: rules.join('\n') }));
  const maxValue = Math.max(...techniques.map((t) => t.score));
  return {
    domain: 'mitre-enterprise',
    name,
    gradient: { colors: ['#ffffff', '#ff6666'], maxValue, minValue: 0 },
    versions: { navigator: '4.0', layer: '4.0' },
    techniques,
  };
}

function readLayer(file: string): NavigatorLayer {
  return JSON.parse(readFileSync(file, 'utf8')) as NavigatorLayer;
}

describe('regressions: a merged comment of several lines says, on each line, where it came from (a sigma2attack heatmap of real SigmaHQ rules)', function () {
  this.timeout(60_000);
  let byTechnique: Map<string, string[]>;
  let heatmap: string;

  before(function () {
    if (!existsSync(RULES)) this.skip();
    byTechnique = rulesByTechnique(RULES);
    heatmap = join(freshTmpDir('merged-comments'), 'heatmap.json');
    writeFileSync(heatmap, JSON.stringify(sigma2attackLayer(byTechnique)));
  });

  it('the rules are what the test needs: several rules tag T1059.001, one the revoked T1086', () => {
    expect(byTechnique.get('T1059.001')).to.have.length.greaterThan(2);
    expect(byTechnique.get('T1086')).to.deep.equal(['sysmon_powershell_execution_moduleload.yml']);
  });

  it('upgrade: the T1059.001 entry T1086 merges into prefixes every rule line with the ID that rule was tagged with', async () => {
    const out = join(freshTmpDir('merged-comments-upgrade'), 'heatmap-18.json');
    const result = await runCli(['upgrade', heatmap, '--to', '18.1', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    const merged = (readLayer(out).techniques ?? []).filter((t) => t.techniqueID === 'T1059.001');
    expect(merged).to.have.length(1);
    // sysmon_powershell_execution_moduleload.yml is tagged with both IDs: one line, where T1059.001 listed it, naming both.
    const both = byTechnique.get('T1086')!;
    const expected = byTechnique.get('T1059.001')!.map((rule) => (both.includes(rule) ? `T1059.001, T1086: ${rule}` : `T1059.001: ${rule}`));
    expect(merged[0]!.comment!.split('\n')).to.deep.equal(expected);
    expect(expected).to.include('T1059.001, T1086: sysmon_powershell_execution_moduleload.yml');
    expect(result.stderr).to.contain('1 comment line given by more than one ID written once, naming each (--merge-score sum would count it twice)');
  });

  it('upgrade again: lines merged before keep their one ID when more entries merge into them (no `T1059.001: T1086: …`)', async () => {
    const dir = freshTmpDir('merged-comments-again');
    const first = join(dir, 'heatmap-18.json');
    expect((await runCli(['upgrade', heatmap, '--to', '18.1', '--out', first])).code).to.equal(0);
    const upgraded = readLayer(first);
    const mergedBefore = (upgraded.techniques ?? []).find((t) => t.techniqueID === 'T1059.001')!.comment!;
    // The upgraded heatmap with sigma2attack's T1086 entry appended again (a later run of the tool added to the file).
    const original = JSON.parse(readFileSync(heatmap, 'utf8')) as NavigatorLayer;
    const again = join(dir, 'appended.json');
    writeFileSync(again, JSON.stringify({ ...upgraded, techniques: [...(upgraded.techniques ?? []), ...(original.techniques ?? []).filter((t) => t.techniqueID === 'T1086')] }));
    const out = join(dir, 'appended-18.json');
    const result = await runCli(['upgrade', again, '--to', '18.1', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    const lines = (readLayer(out).techniques ?? []).find((t) => t.techniqueID === 'T1059.001')!.comment!.split('\n');
    // T1086's one rule is on a line that names T1086 already: nothing added, nothing prefixed twice.
    expect(lines).to.deep.equal(mergedBefore.split('\n'));
    expect(lines.filter((line) => line.includes('T1086'))).to.deep.equal(['T1059.001, T1086: sysmon_powershell_execution_moduleload.yml']);
  });

  it("combine: each line of a layer's comment is prefixed with that layer (two heatmaps of one name, told apart by file)", async () => {
    const out = join(freshTmpDir('merged-comments-combine'), 'union.json');
    // The heatmap of test/fixtures (sigma2attack's layout) scores T1086 with two rules: upgraded to T1059.001 (nothing
    // to merge with there, so its lines name no ID), it meets this one's.
    const result = await runCli(['combine', PUBLIC_HEATMAP, heatmap, '--op', 'union', '--to', '18.1', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    const entry = (readLayer(out).techniques ?? []).find((t) => t.techniqueID === 'T1059.001' && t.tactic === undefined);
    const lines = entry!.comment!.split('\n');
    // Two layers of one name are told apart by their files, as given.
    const published = `Sigma rules heatmap (${PUBLIC_HEATMAP})`;
    const built = `Sigma rules heatmap (${heatmap})`;
    const every = [
      `${published}: powershell_suspicious_script.yml`,
      `${published}: powershell_encoded_command.yml`,
      ...byTechnique.get('T1059.001')!.map((rule) => `${built}: ${byTechnique.get('T1086')!.includes(rule) ? 'T1059.001, T1086' : 'T1059.001'}: ${rule}`),
    ];
    // The files' paths lengthen every line past a 1080p page in Navigator 5.1's tooltip: the last lines are counted,
    // each layer's own entry having them (fittedEntry); every line shown names its layer.
    const more = /^and (\d+) more lines \(each input layer's own entry has all of it\)$/.exec(lines.at(-1)!);
    const shown = more ? lines.slice(0, -1) : lines;
    expect(shown).to.deep.equal(every.slice(0, shown.length));
    expect(shown.length + Number(more?.[1] ?? 0)).to.equal(every.length);
  });

  it('combine: a rule line two layers give is written once, naming both layers joined by " + " (names that hold commas)', async () => {
    // A team's heatmap of the Windows rules beside one of every deprecated rule (windows, linux, cloud… folders): each
    // Windows rule is in both. Before, T1059.001's comment listed every rule twice, once per layer.
    const dir = freshTmpDir('merged-comments-shared');
    const all = new Map<string, string[]>();
    for (const folder of readdirSync(resolve(RULES, '..'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      for (const [id, rules] of rulesByTechnique(resolve(RULES, '..', folder))) all.set(id, [...(all.get(id) ?? []), ...rules]);
    }
    const windows = join(dir, 'windows.json');
    const everything = join(dir, 'deprecated.json');
    writeFileSync(windows, JSON.stringify(sigma2attackLayer(byTechnique, 'Sigma heatmap, Windows')));
    writeFileSync(everything, JSON.stringify(sigma2attackLayer(all, 'Sigma heatmap, all deprecated')));
    const out = join(dir, 'union.json');
    const result = await runCli(['combine', windows, everything, '--op', 'union', '--to', '18.1', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    const lines = (readLayer(out).techniques ?? []).find((t) => t.techniqueID === 'T1059.001' && t.tactic === undefined)!.comment!.split('\n');
    const shared = lines.filter((line) => line.startsWith('Sigma heatmap, Windows + Sigma heatmap, all deprecated: '));
    expect(shared).to.include('Sigma heatmap, Windows + Sigma heatmap, all deprecated: T1059.001: file_event_win_susp_clr_logs.yml');
    // Every rule line once: none of the Windows layer's lines is repeated under the other layer's name.
    const rules = lines.map((line) => line.replace(/^.*?: (T1059\.001|T1059\.001, T1086): /, ''));
    expect(rules).to.have.length(new Set(rules).size);
    expect(shared).to.have.length(byTechnique.get('T1059.001')!.length);
    // The summary counts every such line of the layer (it said only the entries): the comments are shorter than the
    // two layers' together by as many lines.
    const everyShared = (readLayer(out).techniques ?? [])
      .flatMap((t) => (t.comment ?? '').split('\n'))
      .filter((line) => line.startsWith('Sigma heatmap, Windows + Sigma heatmap, all deprecated: ')).length;
    expect(everyShared).to.be.above(shared.length);
    expect(result.stderr).to.match(new RegExp(`^the combined layer: \\d+ technique entries \\(union of 2 layers\\); ${everyShared} comment lines given by more than one layer written once, naming each \\("A \\+ B: …"\\)$`, 'm'));
  });
});
