/**
 * A list written as text that says something (`"metadata": "seen twice"`, `"links": "https://…"`, `"legendItems": "x"`),
 * as a generator writes a single note where the format has a list: Navigator 5.1 reads the text one character at a time
 * and stops reading the layer. `upgrade` (and combine and export, which read through it) refused the whole file, naming
 * the entry where the upgrade had sorted it (`/techniques/0/metadata` for the second entry written) and saying nothing
 * to do. The text is now read as what it says (a link's address as a link, any other text as a metadata item named by
 * its field), each reported at its place as written; what the upgrade still cannot write is named as written too.
 *
 * The layer: test/fixtures/layers/public/selection-script-version-object-4.0.json (README there) with its empty lists
 * written as text, as the layers of that sweep wrote them (faithfully shaped, not a published file).
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const BASE = join(repoRoot, 'test/fixtures/layers/public/selection-script-version-object-4.0.json');

interface Entry {
  techniqueID: string;
  metadata?: unknown;
  links?: unknown;
}

function written(dir: string, name: string, change: (layer: { techniques: Entry[]; [key: string]: unknown }) => void): string {
  const layer = JSON.parse(readFileSync(BASE, 'utf8')) as { techniques: Entry[]; [key: string]: unknown };
  change(layer);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(layer));
  return file;
}

describe('lists written as text that says something ("metadata": "seen twice")', () => {
  const dir = freshTmpDir('text-lists');
  // Written T1069, T1018; the upgrade sorts them T1018, T1069.
  const layer = written(dir, 'text-lists.json', (l) => {
    l.techniques[1]!.metadata = 'seen twice';
    l.techniques[0]!.links = 'https://example.org/net-group';
    l['legendItems'] = 'x';
  });

  it('upgrade keeps each text, as a link or a metadata item, and reports it at its place as written', async () => {
    const out = join(dir, 'upgraded.json');
    const result = await runCli(['upgrade', layer, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(
      '/techniques/1/metadata: "seen twice" is text, where a list of metadata items goes; kept as the metadata item {"name":"metadata","value":"seen twice"} of the entry (repaired)',
    );
    expect(result.stderr).to.contain(
      '/techniques/0/links: "https://example.org/net-group" is text, where a list of links goes; read as the link {"label":"https://example.org/net-group","url":"https://example.org/net-group"} (repaired)',
    );
    expect(result.stderr).to.contain('/legendItems: "x" is text, where a list of legend items goes, and no colour to make one of; kept as the metadata item {"name":"legendItems","value":"x"} of the layer (repaired)');
    const up = JSON.parse(readFileSync(out, 'utf8')) as { techniques: Entry[]; metadata: unknown };
    expect(up.techniques.map((e) => [e.techniqueID, e.metadata, e.links])).to.deep.equal([
      ['T1018', [{ name: 'metadata', value: 'seen twice' }], undefined],
      ['T1069', undefined, [{ label: 'https://example.org/net-group', url: 'https://example.org/net-group' }]],
    ]);
    expect(up.metadata).to.deep.include({ name: 'legendItems', value: 'x' });
    expect((await runCli(['validate', out])).code).to.equal(0);
  });

  it('validate says each once, at its place as written, with what Navigator does and that upgrade repairs it', async () => {
    const result = await runCli(['validate', layer]);
    const lines = result.stdout.split('\n').filter((line) => line.includes('seen twice'));
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^error: navigator-alert: .*: \/techniques\/1\/metadata: "seen twice" is text, .* reads the text one character at a time .*`attack-layers upgrade` writes it repaired\)$/);
  });

  it('combine and export read it', async () => {
    expect((await runCli(['combine', layer, BASE, '--op', 'union', '--out', join(dir, 'combined.json')])).code).to.equal(0);
    const exported = await runCli(['export', layer, '--format', 'csv']);
    expect(exported.code, exported.stderr).to.equal(0);
    expect(exported.stdout).to.contain('seen twice');
  });

  // A number where the list goes was refused ("not a valid … layer 4.5 after the upgrade: /techniques/1/metadata: must
  // be array"); it holds no item to read it as, so it is left out now (h591), named at the entry as written.
  it('a list written as a number is left out, named at the entry as written, not where the upgrade sorted it', async () => {
    const numbered = written(dir, 'number.json', (l) => {
      l.techniques[1]!.metadata = 5;
    });
    const result = await runCli(['upgrade', numbered, '--out', join(dir, 'number-up.json')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain('/techniques/1/metadata: 5 is a number, where a list of metadata items goes, and holds no item to read it as; left out');
  });
});
