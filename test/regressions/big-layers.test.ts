/**
 * Issue 15, item 9: a layer of 300,000 entries is exported and validated in linear time. Exporting looked up
 * each entry's notes by scanning every not-drawn entry, and validate each entry's duplicates by scanning every entry
 * before it: quadratic, minutes at this size, past mocha's time-out. Not a timing (the speed itself is measured by
 * `npm run bench`, hostile sizes, which also has combine): the results must be right on an input a quadratic scan
 * could not finish.
 */
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { renderLayerExport } from '../../lib/export/export-formats.js';
import { matrixModel } from '../../lib/export/matrix-model.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { loadRelease } from '../helpers/attack.js';

const N = 300_000;

describe('a layer of 300,000 entries (issue 15, item 9)', () => {
  let index: AttackIndex;
  // Distinct IDs that no ATT&CK release has (T9000 to T9999 are not techniques), as a generated layer can hold.
  const ids = Array.from({ length: N }, (_, i) => `T${9000 + (i % 1000)}.${String(1 + Math.floor(i / 1000)).padStart(3, '0')}`);
  const layer = {
    name: 'generated',
    domain: 'enterprise-attack',
    versions: { layer: '4.5', attack: '18', navigator: '5.1.0' },
    techniques: ids.map((techniqueID, i) => ({ techniqueID, score: i % 101, comment: `entry ${i}` })),
  } as NavigatorLayer;
  before(() => {
    index = loadRelease('18.1');
  });

  it('export --format csv: one row per entry, each saying it is not drawn', async () => {
    const [csv] = (await renderLayerExport(matrixModel(layer, index), 'csv')) as [string];
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows).to.have.length(N);
    // said as validate says it (a team's number: T9000 is far past 18.1's newest, T1681)
    expect(rows.filter((row) => row.includes(',"not drawn: numbered far past T1681 of enterprise-attack 18.1, ') && row.endsWith('; else fix the ID"'))).to.have.length(N);
    expect(new Set(rows.map((row) => row.split(',')[0]))).to.have.property('size', N);
  });

  it('validate: one finding per entry (an unknown technique), no duplicate among distinct IDs', () => {
    const findings = validateLayer(layer, { attackFor: () => index });
    expect(findings.map((finding) => finding.code)).to.deep.equal(Array(N).fill('unknown-technique'));
  });
});
