/**
 * A list written as a number, true or false (`"metadata": 5`, `"links": true`, an entry's `"links": false`), as a
 * generator writes a count or a flag where the format has a list: Navigator 5.1 fails iterating it and stops reading the
 * layer. `upgrade`, `combine`, `export` and `compare` refused the whole file ("not a valid ATT&CK Navigator layer 4.5
 * after the upgrade: /techniques/0/metadata: must be array", exit 1). There is no item to read such a value as, so it is
 * left out, said at its place as written, and kept as written in "removed by upgrade" ("left out by combine"); `validate`
 * still makes it an error, saying once what Navigator does and what upgrade does.
 *
 * The layer: test/fixtures/layers/public/purpleops-navigator-4.5.json (README there), in PurpleOps' export layout, with
 * lists written as a count or a flag (faithfully shaped, not a published file).
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const BASE = join(repoRoot, 'test/fixtures/layers/public/purpleops-navigator-4.5.json');

describe('lists written as a number, true or false ("metadata": 5)', () => {
  const dir = freshTmpDir('number-lists');
  const layer = JSON.parse(readFileSync(BASE, 'utf8')) as { techniques: Array<Record<string, unknown>>; [key: string]: unknown };
  layer.techniques[0]!['metadata'] = 5;
  layer.techniques[1]!['links'] = false;
  layer['metadata'] = 2;
  layer['links'] = true;
  const file = join(dir, 'purpleops-numbers.json');
  writeFileSync(file, JSON.stringify(layer));

  it('upgrade writes the layer, says each list left out at its place, and keeps what it held', async () => {
    const out = join(dir, 'upgraded.json');
    const result = await runCli(['upgrade', file, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain('/techniques/0/metadata: 5 is a number, where a list of metadata items goes, and holds no item to read it as; left out');
    expect(result.stderr).to.contain('/techniques/1/links: false is true or false, where a list of links goes, and holds no item to read it as; left out');
    expect(result.stderr).to.contain('/metadata: 2 is a number, where a list of metadata items goes, and holds no item to read it as; left out');
    expect(result.stderr).to.contain('/links: true is true or false, where a list of links goes, and holds no item to read it as; left out');
    const written = JSON.parse(readFileSync(out, 'utf8')) as { techniques: unknown[]; metadata: Array<{ name?: string; value?: string }> };
    expect(written.techniques).to.have.length(10);
    const removed = written.metadata.filter((item) => item.name === 'removed by upgrade').map((item) => item.value);
    expect(removed.some((value) => /\/techniques\/0\/metadata.*5/.test(value ?? '')), JSON.stringify(removed)).to.equal(true);
    expect((await runCli(['validate', out])).code).to.equal(0);
  });

  it('combine, export and compare read it', async () => {
    const combined = await runCli(['combine', file, BASE, '--op', 'max', '--out', join(dir, 'combined.json')]);
    expect(combined.code, combined.stderr).to.equal(0);
    const exported = await runCli(['export', file, '--format', 'csv']);
    expect(exported.code, exported.stderr).to.equal(0);
    expect(exported.stdout).to.contain('T1059.001');
    const compared = await runCli(['compare', file, '--with', 'APT29']);
    expect(compared.code, compared.stderr).to.equal(0);
  });

  it('validate says each once, an error with what Navigator 5.1 does and what upgrade does', async () => {
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    const said = result.stdout.split('\n').filter((line) => / \/(techniques\/[01]\/)?(metadata|links): /.test(line));
    expect(said.map((line) => line.replace(/: \/.*?: .*$/, '').replace(/ .*$/, ''))).to.deep.equal(['error:', 'error:', 'error:', 'error:']);
    expect(said.find((line) => line.includes('/techniques/0/metadata'))).to.match(
      /^error: schema: .*: \/techniques\/0\/metadata: 5 is a whole number, where the layer format takes a list: Navigator 5\.1, reading the entry, fails iterating it .*\(`attack-layers upgrade` leaves it out and keeps it, as it was, in the layer's "removed by upgrade" metadata\)$/,
    );
  });
});
