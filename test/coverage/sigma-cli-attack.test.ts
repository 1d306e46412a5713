/**
 * `gap`'s reading of the real SigmaHQ rules in ../shared/sigma, side by side with sigma-cli's `analyze attack count`
 * (SigmaHQ/sigma-cli: `sigma/analyze/attack.py` `calculate_attack_scores` and `sigma/cli/analyze.py` at 557bd3b):
 * every `attack.` tag of every rule pySigma loads, whatever its status, upper-cased, kept when it is a technique of
 * pySigma's ATT&CK table (a release's techniques, neither revoked nor deprecated). Reimplemented here from that source
 * with js-yaml and the raw 18.1 bundle, not through lib/, so that the README's "Interop notes" hold for the real rules.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { loadAll } from 'js-yaml';
import type { CoverageInput } from '../../lib/coverage/coverage-types.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { resolveCoverage } from '../../lib/coverage/gap-review.js';
import { loadRelease, readRawBundle, stixFile } from '../helpers/attack.js';

const realSigma = fileURLToPath(new URL('../../../shared/sigma', import.meta.url));

/** The `**\/*.yml` files sigma-cli reads by default (`--file-pattern *.yml`). */
function ymlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? ymlFiles(path) : path.endsWith('.yml') ? [path] : [];
  });
}

/**
 * pySigma's table: the IDs of the release's techniques that are neither revoked nor deprecated (mitre_attack_data.py);
 * with `all`, every technique ID of the release.
 */
function attackTable(all = false): Set<string> {
  const ids = new Set<string>();
  for (const object of readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects) {
    if (object.type !== 'attack-pattern' || (!all && (object['revoked'] || object['x_mitre_deprecated']))) continue;
    const refs = object['external_references'] as Array<{ source_name: string; external_id?: string }>;
    const id = refs.find((ref) => ref.source_name === 'mitre-attack')?.external_id;
    if (id) ids.add(id);
  }
  return ids;
}

/** sigma-cli's count per technique: the files of the rules whose `attack.` tags name it (a rule per document). */
function sigmaCliCounts(dir: string, table: Set<string>): Map<string, string[]> {
  const counts = new Map<string, string[]>();
  for (const file of ymlFiles(dir)) {
    for (const rule of loadAll(readFileSync(file, 'utf8')) as Array<{ tags?: unknown[]; action?: string } | null>) {
      if (!rule || rule.action) continue;
      for (const tag of rule.tags ?? []) {
        const [namespace, ...name] = String(tag).split('.');
        const technique = name.join('.').toUpperCase();
        if (namespace !== 'attack' || !table.has(technique)) continue;
        counts.set(technique, [...(counts.get(technique) ?? []), file]);
      }
    }
  }
  return counts;
}

/** gap's count per technique: the files of the rules it counts there. */
function gapCounts(input: CoverageInput): Map<string, string[]> {
  const counts = new Map<string, string[]>();
  for (const { rule, ids } of resolveCoverage([input], loadRelease('18.1')).rules) {
    for (const id of ids) counts.set(id, [...(counts.get(id) ?? []), rule.file]);
  }
  return counts;
}

describe("gap and sigma-cli's analyze attack on the real SigmaHQ rules (../shared/sigma, ATT&CK 18.1)", function () {
  this.timeout(120_000);
  let table: Set<string>;
  before(function () {
    if (!existsSync(realSigma)) this.skip();
    table = attackTable();
  });

  it('count the same rules where both count a technique; every rule only sigma-cli counts is one gap lists as deprecated or unsupported', () => {
    const input = readRuleFolder(realSigma);
    const cli = sigmaCliCounts(realSigma, table);
    const gap = gapCounts(input);
    const onlyCli = new Set<string>();
    for (const [technique, files] of gap) {
      expect(files.filter((file) => !cli.get(technique)?.includes(file)), technique).to.deep.equal([]);
    }
    for (const [technique, files] of cli) for (const file of files) if (!gap.get(technique)?.includes(file)) onlyCli.add(file);
    const reasons = new Map(input.ignored.map((ignored) => [ignored.file, ignored.reason]));
    const why = [...onlyCli].map((file) => reasons.get(file)?.replace(/^(status deprecated|status unsupported) \(.*\)$/, '$1') ?? 'counted');
    expect([...new Set(why)].sort()).to.deep.equal(['status deprecated', 'status unsupported', 'under deprecated/: a folder of deprecated rules, not deployed']);
    const differ = [...cli.keys()].filter((technique) => cli.get(technique)!.length !== (gap.get(technique)?.length ?? 0));
    expect([cli.size, gap.size, cli.size - differ.length, onlyCli.size]).to.deep.equal([392, 386, 296, 161]);
    expect([cli.get('T1059.001')!.length, gap.get('T1059.001')!.length]).to.deep.equal([235, 220]);
  });

  // pySigma 1.0 reads the newest release at run time: a table with ATT&CK 19's techniques counts these rules too.
  it('finds the 237 rules tagging technique IDs no 18.1 technique has (T1685 …), which a table of 18.1 leaves out', () => {
    const known = attackTable(true);
    const unknown = { has: (id: string) => /^T\d{4}(\.\d{3})?$/.test(id) && !known.has(id) } as Set<string>;
    const newer = sigmaCliCounts(realSigma, unknown);
    expect(new Set([...newer.values()].flat()).size).to.equal(237);
    expect([...newer.keys()]).to.include('T1685');
  });

  it('count the same techniques with the same number of rules each in rules/ alone (no deprecated rule there)', () => {
    const rules = join(realSigma, 'rules');
    const cli = sigmaCliCounts(rules, table);
    const gap = gapCounts(readRuleFolder(rules));
    const sizes = (counts: Map<string, string[]>) => [...counts].map(([technique, files]) => [technique, files.length]).sort();
    expect(sizes(gap)).to.deep.equal(sizes(cli));
    expect(cli.size).to.equal(378);
    expect(readRuleFolder(rules).rules.every((rule) => !rule.file.includes(`${sep}deprecated${sep}`))).to.equal(true);
  });
});
