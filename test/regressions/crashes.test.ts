/**
 * Issue 15, item 8: inputs that used to end in exit 70 ("internal error") with a stack trace. Each now works or
 * fails with a one-line message and exit 1 or 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { wrapText } from '../../lib/export/text-measure.js';
import { renderCampaignLayer } from '../../lib/layer/render-layer.js';
import { serializeLayer } from '../../lib/layer/serialize-layer.js';
import { fixtureFile, freshTmpDir, hasStackTrace, runCli } from '../helpers/attack.js';
import { normalizeFiles } from '../layer/render-helpers.js';

/** Run the CLI and expect a clean failure: the exit code, one line on stderr matching `message`, no stack trace. */
async function expectClean(argv: string[], code: 1 | 2, message: RegExp, env: Record<string, string | undefined> = {}): Promise<void> {
  const result = await runCli(argv, env);
  expect(result.code, result.stderr).to.equal(code);
  // validate reports its findings (on stdout) rather than stop at the first.
  expect(argv[0] === 'validate' ? result.stdout + result.stderr : result.stderr).to.match(message);
  expect(hasStackTrace(result.stdout + result.stderr), result.stderr).to.equal(false);
}

describe('inputs that used to crash (issue 15, item 8)', () => {
  const dir = freshTmpDir('crashes');
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('renders a technique reported 200,000 times (its metadata used to overflow the call stack)', () => {
    const campaign = write('many.yaml', 'name: Many\ntechniques: [T1059.001]\n');
    const [{ result, index }] = normalizeFiles([campaign]) as [ReturnType<typeof normalizeFiles>[number]];
    // 200,000 references to one technique, as a campaign that lists it that often normalizes to.
    const references = Array.from({ length: 200_000 }, (_, i) => ({ ...result.references[0]!, raw: `T1059.001 #${i}` }));
    const technique = { ...result.techniques[0]!, references: references.map((_, i) => i) };
    const layer = renderCampaignLayer({ ...result, references, techniques: [technique] }, index, { model: 'presence' }).layer;
    const entry = layer.techniques!.find((t) => t.techniqueID === 'T1059.001')!;
    // Far past a 1080p page in Navigator 5.1's tooltip: the entry keeps its first items and counts the rest (fittedEntry).
    const named = entry.metadata!.filter((m): m is { name: string; value: string } => 'name' in m);
    const more = /^(\d+) more metadata items \(the campaign file many\.yaml has every reference with its evidence\)$/.exec(named.at(-1)!.value);
    expect(named.at(-1)!.name).to.equal('not shown');
    // score, campaign, and each reference's reported as, confidence and status.
    expect(named.length - 1 + Number(more![1])).to.equal(2 + 200_000 * 3);
    expect(serializeLayer(layer).length).to.be.greaterThan(1000);
  });

  it('a layer nested 5,000 deep: exit 1 naming the place, for every command that reads layers', async () => {
    const start = '{"name": "x", "domain": "enterprise-attack", "techniques": [], "metadata": ';
    const deep = write('deep.json', `${start}${'['.repeat(5000)}${']'.repeat(5000)}}`);
    // The object is level 1: its 100th "[" opens level 101.
    const place = new RegExp(`deep\\.json: line 1, column ${start.length + 100}: JSON nested deeper than 100 levels`);
    for (const argv of [['export', deep, '--format', 'csv'], ['validate', deep], ['upgrade', deep], ['combine', deep, deep, '--op', 'max']]) {
      await expectClean(argv, 1, place);
    }
    await expectClean(['gap', '--threat', deep, '--coverage', deep, '--out', join(dir, 'out')], 1, place);
  });

  it('a layer of 12,000 unclosed "[": exit 1 with the place (the error locator used to overflow the stack)', async () => {
    const open = write('open.json', '['.repeat(12_000));
    await expectClean(['validate', open], 1, /open\.json: line 1, column 12001: invalid JSON: unexpected end of the file/);
  });

  it('a YAML alias bomb in a detections file: exit 1, refused before it expands', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = write('bomb.yml', `${levels.join('\n')}\ndetections: [{ name: x, techniques: *i }]\n`);
    const campaign = write('c.yaml', 'name: C\ntechniques: [T1059.001]\n');
    await expectClean(['gap', '--threat', campaign, '--coverage', bomb, '--out', join(dir, 'bomb-out')], 1, /bomb\.yml: line \d+: refused: the YAML aliases \(\*name\) expand to more than 100 copies/);
  });

  it('YAML nested too deeply for the yaml parser (found by the fuzz test, seed 7): exit 1 for detections and campaigns', async () => {
    // One line of 5,000 `key: value` pairs, then another list item: the yaml package's parser recurses once per pair.
    const nested = `${'    id: EDR'.repeat(5_000)}-1\n`;
    const detections = write('nested.yml', `detections:\n  - name: x\n${nested}    techniques: [T1059.001]\n  - name: y\n`);
    const campaign = write('nested.yaml', `name: x\ntechniques:\n  - ref: T1059\n${nested}    tactic: x\n  - T1003\n`);
    const plain = write('plain.yaml', 'name: C\ntechniques: [T1059.001]\n');
    await expectClean(['gap', '--threat', plain, '--coverage', detections, '--out', join(dir, 'nested-out')], 1, /nested\.yml: not valid YAML: it nests too deeply to be read/);
    await expectClean(['normalize', campaign], 1, /nested\.yaml: not valid YAML: it nests too deeply to be read/);
  });

  it('an SVG title or running head of a 100,000-character name is cut in linear time (found by the fuzz, seed 23: it hung)', () => {
    // At 10 pt an "x" is 5.92 wide and "…" 10 (DejaVu Sans, the wider of the named fonts): 15 x's and the ellipsis fit 100, 16 x's a line.
    expect(wrapText('x'.repeat(100_000), 100, 10, { maxLines: 1 })).to.deep.equal([`${'x'.repeat(15)}…`]);
    const lines = wrapText('x'.repeat(100_000), 100, 10);
    expect([lines.length, lines.every((line) => line === 'x'.repeat(16))]).to.deep.equal([6_250, true]);
  });

  it('fingerprints.json holding null in the index cache: the next runs work (it used to exit 70 until deleted)', async () => {
    const xdg = join(dir, 'xdg');
    mkdirSync(join(xdg, 'attack-layers', 'index'), { recursive: true });
    writeFileSync(join(xdg, 'attack-layers', 'index', 'fingerprints.json'), 'null');
    for (let run = 0; run < 2; run++) {
      const result = await runCli(['technique', 'T1059', '--attack', fixtureFile('enterprise-attack-0.1.json')], { XDG_CACHE_HOME: xdg });
      expect([result.code, result.stderr]).to.deep.equal([0, '']);
    }
  });

  it('STIX objects with external_references [null], a numeric description or name: read, the bad fields left out', async () => {
    const bundle = JSON.parse(readFileSync(fixtureFile('enterprise-attack-0.1.json'), 'utf8')) as { objects: Record<string, unknown>[] };
    const patterns = bundle.objects.filter((o) => o['type'] === 'attack-pattern');
    patterns[0]!['external_references'] = [null, ...(patterns[0]!['external_references'] as unknown[])];
    patterns[1]!['description'] = 5;
    patterns[2]!['kill_chain_phases'] = [null, { phase_name: 7 }];
    bundle.objects.push({ type: 'relationship', id: 'relationship--x', relationship_type: 'uses', source_ref: 5, target_ref: null, external_references: 'x' });
    const file = write('enterprise-attack-0.9.json', JSON.stringify(bundle));
    const result = await runCli(['technique', 'T1566', '--attack', file, '--json']);
    expect(result.code, result.stderr).to.equal(0);
    const added = await runCli(['data', 'add', file, '--quiet'], { XDG_CACHE_HOME: join(dir, 'xdg-add') });
    expect(added.code, added.stderr).to.equal(0);
  });

  it('ATT&CK 18 analytics and detection strategies with null or numbers where texts belong: read, the bad fields left out', async () => {
    const bundle = JSON.parse(readFileSync(fixtureFile('enterprise-attack-0.1.json'), 'utf8')) as { objects: Record<string, unknown>[] };
    const ref = (id: string) => [{ source_name: 'mitre-attack', external_id: id }];
    bundle.objects.push(
      {
        type: 'x-mitre-analytic',
        id: 'x-mitre-analytic--a',
        external_references: ref('AN0001'),
        x_mitre_platforms: ['Windows', 5],
        x_mitre_log_source_references: [null, { name: 5 }, { name: 'WinEventLog:Sysmon', channel: 7 }],
      },
      { type: 'x-mitre-analytic', id: 'x-mitre-analytic--b', external_references: 'x' },
      { type: 'x-mitre-detection-strategy', id: 'x-mitre-detection-strategy--s', name: 'S', external_references: ref('DET0001'), x_mitre_analytic_refs: [5, 'x-mitre-analytic--a'] },
    );
    const file = write('enterprise-attack-0.8.json', JSON.stringify(bundle));
    const result = await runCli(['data', 'log-sources', '--attack', file, '--json'], { XDG_CACHE_HOME: join(dir, 'xdg-detection') });
    expect(result.code, result.stderr).to.equal(0);
    expect(JSON.parse(result.stdout)).to.deep.equal([{ name: 'WinEventLog:Sysmon', analytics: 1, platforms: ['Windows'], channels: [{ analytics: 1 }] }]);
  });

  describe('a gap report given to export with null where a list or object belongs: exit 1 naming the place', () => {
    let report: Record<string, unknown>;
    before(async () => {
      const out = join(dir, 'review');
      const campaign = write('g.yaml', 'name: G\ntechniques: [T1059.001, T1566.001]\n');
      const result = await runCli(['gap', '--threat', campaign, '--coverage', 'test/fixtures/gap/detections.csv', '--out', out, '--report', 'json', '--quiet']);
      expect(result.code, result.stderr).to.equal(0);
      report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as Record<string, unknown>;
    });

    const cases: ReadonlyArray<readonly [label: string, change: (r: Record<string, unknown>) => void, path: string]> = [
      ['rows[].rules', (r) => ((r['rows'] as Record<string, unknown>[])[0]!['rules'] = [null]), '/rows/0/rules/0'],
      ['inputs', (r) => (r['inputs'] = [null]), '/inputs/0'],
      ['threats', (r) => (r['threats'] = [null]), '/threats/0'],
      ['tactics', (r) => (r['tactics'] = [null]), '/tactics/0'],
      ['unresolved', (r) => (r['unresolved'] = [null]), '/unresolved/0'],
      ['formulas', (r) => (r['formulas'] = null), '/formulas'],
    ];
    for (const [label, change, path] of cases) {
      it(`null in ${label}`, async () => {
        const copy = structuredClone(report);
        change(copy);
        const file = write(`report-${label.replace(/\W/g, '')}.json`, JSON.stringify(copy));
        for (const format of ['md', 'csv']) {
          await expectClean(['export', file, '--format', format], 1, new RegExp(`not a valid gap report .*: ${path.replace(/\//g, '\\/')}: must be object`));
        }
      });
    }
  });

  it('combine of scores near 1e308 (a sum that overflows): exit 1 saying so, not a bug', async () => {
    const layer = (score: number) => JSON.stringify({ name: 'big', domain: 'enterprise-attack', versions: { layer: '4.5' }, techniques: [{ techniqueID: 'T1059', score }] });
    const a = write('a.json', layer(1.7e308));
    const b = write('b.json', layer(1.7e308));
    await expectClean(['combine', a, b, '--op', 'sum'], 1, /T1059: the sum of the scores is too large to write \(beyond 1\.8e308\)/);
    const max = await runCli(['combine', a, b, '--op', 'max']);
    expect(max.code, max.stderr).to.equal(0);
  });
});
