/**
 * Fields of technique entries that no layer format names were kept without a word: `validate` passed CTID's
 * security-stack-mappings layers (`score_num`, `score_display`, `category` on each entry) with nothing said of them,
 * and `upgrade` wrote them back silently, into a layer mitreattack-python then refused. Navigator 5.1 reads only the format's fields (they show nowhere and are gone
 * from a layer it saves), and mitreattack-python's Technique loader refuses such a layer (UnknownTechniqueProperty,
 * `technique.py` at 011f5b8b; it reads `aggregateScore` only). `validate` says so once per layer; `upgrade` says so
 * and writes a layer without them, each entry's kept as written in the "removed by upgrade" metadata, as the other
 * parts the repair leaves out are.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { unknownEntryFields, unknownEntryFieldsText } from '../../lib/layer/unknown-entry-fields.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

// test/fixtures/layers/public/README.md: an excerpt of security-stack-mappings' GCP/layers/CloudVPN.json.
const CLOUD_VPN = join(repoRoot, 'test/fixtures/layers/public/ctid-gcp-cloudvpn-4.2.json');
const SAID =
  'fields category, score_display, score_num of 4 entries (first /techniques/0/score_num) are in no layer format: Navigator 5.1 shows ' +
  'them nowhere and leaves them out of a layer it saves, and mitreattack-python refuses a layer with them (UnknownTechniqueProperty)';

describe('fields of technique entries that no layer format names', () => {
  const dir = freshTmpDir('unknown-entry-fields');

  it("unknownEntryFields names them, counts the entries and points at the first, in the layer's numbering as read", () => {
    const entries = [{ techniqueID: 'T1059', score: 1 }, { techniqueID: 'T1003', techniqueName: 'OS Credential Dumping' }, { techniqueID: 'T1105', aggregateScore: 2, 'a/b': 1 }];
    expect(unknownEntryFields(entries, [0, 3, 4])).to.deep.equal({ fields: ['a/b', 'aggregateScore', 'techniqueName'], entries: 2, first: '/techniques/3/techniqueName' });
    expect(unknownEntryFields([{ techniqueID: 'T1059', score: 1, comment: 'x', metadata: [] }])).to.equal(undefined);
  });

  it("says mitreattack-python refuses only the fields its loader does not read (it reads aggregateScore)", () => {
    expect(unknownEntryFieldsText({ fields: ['aggregateScore'], entries: 1, first: '/techniques/0/aggregateScore' })).to.equal(
      'field aggregateScore of 1 entry (first /techniques/0/aggregateScore) is in no layer format: Navigator 5.1 shows it nowhere and leaves it out of a layer it saves',
    );
    expect(unknownEntryFieldsText({ fields: ['aggregateScore', 'techniqueName'], entries: 2, first: '/techniques/0/techniqueName' })).to.contain(
      'mitreattack-python refuses a layer with techniqueName (UnknownTechniqueProperty)',
    );
  });

  it("validate warns once for CTID's CloudVPN layer, at the first such field (exit 0: Navigator opens it)", async () => {
    const result = await runCli(['validate', CLOUD_VPN]);
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const lines = result.stdout.split('\n').filter((line) => line.includes('unknown-field'));
    expect(lines).to.deep.equal([
      `warning: unknown-field: ${CLOUD_VPN}: /techniques/0/score_num: ${SAID}; copy what a reader needs into the entry's comment or metadata (\`attack-layers upgrade\` leaves them out and keeps each entry's, as written, in the layer's "removed by upgrade" metadata)`,
    ]);
  });

  it('validate says nothing of the kind for a layer whose entries hold only the format\'s fields', async () => {
    const plain = join(dir, 'plain.json');
    const layer = JSON.parse(readFileSync(CLOUD_VPN, 'utf8')) as { techniques: Record<string, unknown>[] };
    for (const entry of layer.techniques) for (const key of ['score_num', 'score_display', 'category']) delete entry[key];
    writeFileSync(plain, JSON.stringify(layer));
    const result = await runCli(['validate', plain]);
    expect(result.stdout).not.to.contain('unknown-field');
  });

  it("upgrade writes every annotation but no such field, and keeps each entry's, as written, in the layer's metadata", async () => {
    const out = join(dir, 'up.json');
    const result = await runCli(['upgrade', CLOUD_VPN, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(`  /techniques: ${SAID}; left out, each entry's kept as written in the layer's metadata ("removed by upgrade")`);
    expect(result.stderr).to.contain('  /metadata: the fields of no layer format of 4 entries kept as "removed by upgrade" items');
    const read = JSON.parse(readFileSync(CLOUD_VPN, 'utf8')) as NavigatorLayer;
    const written = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    const known = ['techniqueID', 'tactic', 'score', 'color', 'comment', 'enabled', 'metadata', 'links', 'showSubtechniques'];
    const annotations = (layer: NavigatorLayer) =>
      (layer.techniques ?? []).map((entry) => JSON.stringify(entry, known)).sort();
    expect(annotations(written)).to.deep.equal(annotations(read));
    expect((written.techniques ?? []).flatMap((entry) => Object.keys(entry).filter((key) => !known.includes(key)))).to.deep.equal([]);
    expect(written.legendItems).to.deep.equal(read.legendItems);
    expect(written.metadata?.[0]).to.deep.equal({
      name: 'removed by upgrade',
      value: '/techniques/0: fields score_num, score_display, category in no layer format; left out. It was: {"score_num":100,"score_display":"Significant","category":"Protect"}',
    });
    expect(written.metadata).to.have.length(4);
    // What upgrade writes validates without the warning.
    expect((await runCli(['validate', out])).stdout).not.to.contain('unknown-field');
  });

  it("combine says it its own way (the fields are kept in the combined layer's metadata), not twice", async () => {
    const out = join(dir, 'combined.json');
    const result = await runCli(['combine', CLOUD_VPN, CLOUD_VPN, '--op', 'max', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).not.to.contain('no layer format');
    expect(result.stderr).to.contain('which Navigator does not know');
  });
});
