import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { OutputExistsError } from '../../lib/errors.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { serializeLayer } from '../../lib/layer/serialize-layer.js';
import { SCORE_MODEL_NAMES } from '../../lib/layer/score.js';
import { checkLayers, layerFileName, renderLayerFiles, writeLayers, type LayerFile } from '../../lib/layer/write-layers.js';
import { freshTmpDir, repoRoot } from '../helpers/attack.js';
import { normalizeFiles } from './render-helpers.js';

function layer(name: string, score = 1): NavigatorLayer {
  return {
    name,
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    techniques: [{ techniqueID: 'T1566.001', tactic: 'initial-access', score }],
  };
}

describe('layer/write-layers', () => {
  describe('layerFileName', () => {
    const rows: ReadonlyArray<readonly [string, string]> = [
      ['apt32-covid19-wuhan', 'apt32-covid19-wuhan.layer.json'],
      ['APT32 COVID-19 (Wuhan)', 'apt32-covid-19-wuhan.layer.json'],
      ['../../x', 'x.layer.json'],
      ['/etc/passwd', 'etc-passwd.layer.json'],
      ['a/../../b', 'a-b.layer.json'],
      ['C:\\Windows\\x', 'c-windows-x.layer.json'],
      ['.hidden', 'hidden.layer.json'],
      ['-rf', 'rf.layer.json'],
      ['a..b', 'a-b.layer.json'],
      ['v1.2_final', 'v1.2_final.layer.json'],
      ['ＡＰＴ３２', 'apt32.layer.json'],
      ['con', 'con-layer.layer.json'],
      ['all', 'all.layer.json'],
    ];
    for (const [id, name] of rows) {
      it(`"${id}" -> ${name}`, () => expect(layerFileName(id)).to.equal(name));
    }

    const unsafe = ['../../x', '..', '.', '', '/', '\\..\\..\\x', '新型コロナ', '....', 'a/b', 'x'.repeat(500), 'nul', ' ', '\u0000'];
    for (const id of unsafe) {
      it(`makes a plain, non-empty, portable name of ${JSON.stringify(id.length > 20 ? `${id.slice(0, 20)}…` : id)}`, () => {
        const name = layerFileName(id);
        expect(name).to.match(/^[a-z0-9][a-z0-9._-]*\.layer\.json$/);
        expect(name).not.to.include('..');
        expect(name.length).to.be.at.most(100 + '.layer.json'.length);
      });
    }

    it('keeps IDs with nothing usable apart (by a hash of the ID)', () => {
      expect(layerFileName('新型コロナ')).to.match(/^layer-[0-9a-f]{12}\.layer\.json$/);
      expect(layerFileName('新型コロナ')).not.to.equal(layerFileName('武漢'));
    });
  });

  describe('writeLayers', () => {
    const files: LayerFile[] = [
      { name: 'a.layer.json', layer: layer('a') },
      { name: 'b.layer.json', layer: layer('b') },
    ];

    it('writes every layer serialized and returns the paths', () => {
      const dir = join(freshTmpDir('write'), 'new', 'folder');
      expect(writeLayers(files, dir)).to.deep.equal([join(dir, 'a.layer.json'), join(dir, 'b.layer.json')]);
      expect(readFileSync(join(dir, 'a.layer.json'), 'utf8')).to.equal(serializeLayer(layer('a')));
      expect(readdirSync(dir).sort()).to.deep.equal(['a.layer.json', 'b.layer.json']);
    });

    // Adding an aggregate to layers rendered before (`render … --aggregate all`) was refused for the layers already
    // there, and --force rewrote them all: a layer file that holds the very layer is left untouched.
    it('leaves a file that holds the very layer untouched, and returns only the paths it wrote', () => {
      const dir = freshTmpDir('write-same');
      writeFileSync(join(dir, 'a.layer.json'), serializeLayer(layer('a')));
      const before = statSync(join(dir, 'a.layer.json'));
      expect(writeLayers(files, dir)).to.deep.equal([join(dir, 'b.layer.json')]);
      expect(writeLayers(files, dir)).to.deep.equal([]);
      const after = statSync(join(dir, 'a.layer.json'));
      expect([after.ino, after.mtimeMs]).to.deep.equal([before.ino, before.mtimeMs]);
    });

    it('writes nothing when any target exists with other content, unless forced', () => {
      const dir = freshTmpDir('write');
      writeFileSync(join(dir, 'b.layer.json'), 'mine');
      // A library caller passed an option, not a flag: the refusal names `force: true`; the CLI gives its `--force`.
      expect(() => writeLayers(files, dir)).to.throw(OutputExistsError, `${join(dir, 'b.layer.json')} already exists with other content; pass force: true to overwrite it`);
      expect(() => writeLayers(files, dir, { givenAs: { force: '--force' } })).to.throw(OutputExistsError, 'b.layer.json already exists with other content; pass --force to overwrite it');
      expect(readdirSync(dir)).to.deep.equal(['b.layer.json']);
      expect(readFileSync(join(dir, 'b.layer.json'), 'utf8')).to.equal('mine');
      writeLayers(files, dir, { force: true });
      expect(readFileSync(join(dir, 'b.layer.json'), 'utf8')).to.equal(serializeLayer(layer('b')));
    });

    it('refuses an invalid layer as a bug, before writing anything', () => {
      const dir = freshTmpDir('write');
      const broken = { ...layer('c'), techniques: [{ techniqueID: 'T15' }] } as NavigatorLayer;
      expect(() => writeLayers([...files, { name: 'c.layer.json', layer: broken }], dir)).to.throw(Error, /^bug: the rendered layer c\.layer\.json does not match the layer 4\.5 schema \(\/techniques\/0\/techniqueID/);
      expect(readdirSync(dir)).to.deep.equal([]);
    });

    for (const name of ['../x.layer.json', 'sub/x.layer.json', '..', '']) {
      it(`refuses the file name ${JSON.stringify(name)} (not a plain name)`, () => {
        const dir = freshTmpDir('write');
        expect(() => writeLayers([{ name, layer: layer('x') }], join(dir, 'out'))).to.throw(Error, 'not a plain file name');
        expect(readdirSync(dir)).to.deep.equal([]);
      });
    }
  });

  describe('checkLayers', () => {
    it('lists the files that are missing or differ, and nothing when all match', () => {
      const dir = freshTmpDir('check');
      const files: LayerFile[] = [
        { name: 'a.layer.json', layer: layer('a') },
        { name: 'b.layer.json', layer: layer('b') },
        { name: 'c.layer.json', layer: layer('c') },
      ];
      writeLayers(files, dir);
      expect(checkLayers(files, dir)).to.deep.equal([]);
      writeFileSync(join(dir, 'a.layer.json'), serializeLayer(layer('a', 2)));
      // The same JSON with other whitespace is stale too: the files must be what `render` writes, byte for byte.
      writeFileSync(join(dir, 'c.layer.json'), JSON.stringify(layer('c')));
      expect(checkLayers([...files, { name: 'd.layer.json', layer: layer('d') }], dir)).to.deep.equal(
        ['a', 'c', 'd'].map((n) => join(dir, `${n}.layer.json`)),
      );
    });

    it('treats a folder in place of a layer as stale', () => {
      const dir = freshTmpDir('check');
      mkdirSync(join(dir, 'a.layer.json'));
      expect(checkLayers([{ name: 'a.layer.json', layer: layer('a') }], dir)).to.deep.equal([join(dir, 'a.layer.json')]);
    });
  });
});

describe('layer/write-layers renderLayerFiles', () => {
  // The same campaigns named in another order, under other file names and in other folders: every layer is the same
  // bytes, whatever the scoring model (the campaigns state their ids; one without takes its file's name).
  const names = ['golden-campaign.yaml', 'golden-second.yaml', 'cisa-aa21-008a-cloud.yaml'];
  let copied: string[] = [];
  before(() => {
    const copies = freshTmpDir('render-paths');
    copied = names.map((name, i) => {
      const folder = join(copies, `folder-${names.length - i}`, 'deeper');
      mkdirSync(folder, { recursive: true });
      const path = join(folder, `copy-${i}-${name}`);
      writeFileSync(path, readFileSync(join(repoRoot, 'test/fixtures/render', name)));
      return path;
    });
  });
  for (const model of SCORE_MODEL_NAMES) {
    it(`${model}: writes the same bytes for the same campaigns under other file names, paths and order`, () => {
      const render = (paths: readonly string[]) =>
        renderLayerFiles(normalizeFiles(paths), { model, aggregate: 'all' }).files.map((file) => [file.name, serializeLayer(file.layer)] as const).sort(([a], [b]) => a.localeCompare(b));
      const first = render(names.map((name) => join(repoRoot, 'test/fixtures/render', name)));
      const again = render([...copied].reverse());
      expect(again.map(([name]) => name)).to.deep.equal(['all.layer.json', 'cisa-aa21-008a.layer.json', 'golden-campaign.layer.json', 'golden-second.layer.json']);
      expect(again).to.deep.equal(first);
    });
  }
});
