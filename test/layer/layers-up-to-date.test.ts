import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { checkLayers, LAYER_SUFFIX, renderLayerFiles, type LayerFile } from '../../lib/layer/write-layers.js';
import { repoRoot } from '../helpers/attack.js';
import { normalizeFiles } from './render-helpers.js';

// The same rendering as `npm run layers` (render campaigns --out layers --aggregate all --force).
const AGGREGATE = 'all';
const HOW = 'layers/ is stale: run `npm run layers` (with ATTACK_STIX_DIR set) and commit the result';

describe('layers/ (rendered from campaigns/ and committed)', () => {
  let files: LayerFile[];
  const layersDir = join(repoRoot, 'layers');

  before(() => {
    files = renderLayerFiles(normalizeFiles([join(repoRoot, 'campaigns')]), { model: 'presence', aggregate: AGGREGATE }).files;
  });

  it('holds exactly what `npm run layers` writes, byte for byte', () => {
    expect(checkLayers(files, layersDir).map((path) => path.slice(repoRoot.length + 1)), HOW).to.deep.equal([]);
  });

  it('holds no layer that campaigns/ no longer renders', () => {
    const rendered = new Set(files.map((file) => file.name));
    const extra = readdirSync(layersDir).filter((name) => name.endsWith(LAYER_SUFFIX) && !rendered.has(name));
    expect(extra, HOW).to.deep.equal([]);
  });

  it('has a layer per campaign and the aggregate', () => {
    expect(files.map((file) => file.name)).to.include.members(['apt32-covid19-wuhan.layer.json', `${AGGREGATE}.layer.json`]);
  });
});
