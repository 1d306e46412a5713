import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { AttackDataError, AttackIndex, loadAttackFile, type AttackIndexData } from '../../lib/index.js';
import { freshTmpDir, stixFile } from '../helpers/attack.js';

const SOURCE = stixFile('ics-attack-18.1.json.gz');
const MARKER = 'FROM THE INDEX CACHE';

/** A cache file's two lines (the index without its groups, software and campaigns; those three) as one index. */
function readIndexFile(file: string): AttackIndexData {
  const [rest, parts, ...after] = readFileSync(file, 'utf8').split('\n');
  expect(after).to.deep.equal(['']);
  return { ...JSON.parse(rest!), ...JSON.parse(parts!) } as AttackIndexData;
}

/** Write an index as the cache writes it. */
function writeIndexFile(file: string, data: AttackIndexData): void {
  const { groups, software, campaigns, ...rest } = data;
  writeFileSync(file, `${JSON.stringify({ ...rest, groups: null, software: null, campaigns: null })}\n${JSON.stringify({ groups, software, campaigns })}\n`);
}

function withoutSource(data: AttackIndexData): Omit<AttackIndexData, 'source'> {
  const { source: _source, ...rest } = data;
  return rest;
}

describe('the index cache', () => {
  let cacheDir: string;
  let indexDir: string;
  let sha256: string;
  let first: AttackIndexData;
  let indexFile: string;

  before(() => {
    cacheDir = freshTmpDir('index-cache');
    indexDir = join(cacheDir, 'index');
    sha256 = createHash('sha256').update(readFileSync(SOURCE)).digest('hex');
    first = loadAttackFile(SOURCE, { cacheDir }).data;
    indexFile = join(indexDir, readdirSync(indexDir).find((name) => name.startsWith(sha256))!);
  });

  it('writes one index named by the content hash of the file, and a fingerprint of its path', () => {
    expect(readdirSync(indexDir).filter((name) => name !== 'fingerprints.json')).to.deep.equal([`${sha256}.18.1.v5.json`]);
    const fingerprints = JSON.parse(readFileSync(join(indexDir, 'fingerprints.json'), 'utf8'));
    expect(fingerprints[resolve(SOURCE)]?.sha256).to.equal(sha256);
    expect(readIndexFile(indexFile)).to.deep.equal(JSON.parse(JSON.stringify(first)));
  });

  it('gives the same data for a copy of the same bytes at another path', () => {
    const copy = join(freshTmpDir('copy'), 'ics-attack-18.1.json.gz');
    copyFileSync(SOURCE, copy);
    const second = loadAttackFile(copy, { cacheDir }).data;
    expect(second.source.file).to.equal(copy);
    expect(withoutSource(second)).to.deep.equal(withoutSource(first));
  });

  // The cached index is edited by hand: the marker shows up only if a load really came from the cache.
  describe('when the cached index carries a marker', () => {
    before(() => {
      const cached = readIndexFile(indexFile);
      writeIndexFile(indexFile, { ...cached, techniques: [{ ...cached.techniques[0]!, name: MARKER }, ...cached.techniques.slice(1)] });
    });

    it('loads the same path from the cache', () => {
      expect(loadAttackFile(SOURCE, { cacheDir }).allTechniques()[0]?.name).to.equal(MARKER);
    });

    it('does not even read a file whose path, size and mtime are unchanged (the fingerprint)', () => {
      const copy = join(freshTmpDir('fingerprint'), 'ics-attack-18.1.json.gz');
      copyFileSync(SOURCE, copy);
      // A whole-second mtime, so that setting it again restores it exactly.
      utimesSync(copy, 1_700_000_000, 1_700_000_000);
      loadAttackFile(copy, { cacheDir });
      // Same size and mtime, different bytes: only a load that skips reading the file can still succeed.
      writeFileSync(copy, Buffer.alloc(statSync(copy).size, 0x20));
      utimesSync(copy, 1_700_000_000, 1_700_000_000);
      expect(loadAttackFile(copy, { cacheDir }).allTechniques()[0]?.name).to.equal(MARKER);
    });

    it('loads a copy of the same bytes at a new path from the cache (through the content hash)', () => {
      const copy = join(freshTmpDir('copy'), 'ics-attack-18.1.json.gz');
      copyFileSync(SOURCE, copy);
      expect(loadAttackFile(copy, { cacheDir }).allTechniques()[0]?.name).to.equal(MARKER);
      expect(JSON.parse(readFileSync(join(indexDir, 'fingerprints.json'), 'utf8'))[resolve(copy)]?.sha256).to.equal(sha256);
    });

    it('re-indexes a file whose bytes changed', () => {
      const copy = join(freshTmpDir('changed'), 'ics-attack-18.1.json.gz');
      copyFileSync(SOURCE, copy);
      expect(loadAttackFile(copy, { cacheDir }).allTechniques()[0]?.name).to.equal(MARKER);
      const { id, stixId } = first.techniques[0]!;
      const bundle = JSON.parse(gunzipSync(readFileSync(copy)).toString('utf8')) as { objects: { id: string; name?: string }[] };
      bundle.objects.find((object) => object.id === stixId)!.name = 'Renamed In The Test';
      writeFileSync(copy, gzipSync(JSON.stringify(bundle)));
      const changed = loadAttackFile(copy, { cacheDir });
      expect(changed.technique(id)?.name).to.equal('Renamed In The Test');
      expect(readdirSync(indexDir).filter((name) => name.endsWith('.v5.json'))).to.have.length(2);
    });
  });

  describe('read from the cache', () => {
    let warm: AttackIndex;
    before(() => {
      const dir = freshTmpDir('lazy-parts');
      loadAttackFile(SOURCE, { cacheDir: dir });
      warm = loadAttackFile(SOURCE, { cacheDir: dir });
    });

    it('leaves the groups, software and campaigns unparsed until one is used', () => {
      for (const name of ['groups', 'software', 'campaigns']) expect(Object.getOwnPropertyDescriptor(warm.data, name)?.get, name).to.be.a('function');
      expect(warm.technique(first.techniques[0]!.id)?.name).to.equal(first.techniques[0]!.name);
      expect(Object.getOwnPropertyDescriptor(warm.data, 'groups')?.get).to.be.a('function');
    });

    it('gives the same index as the full read of a cold load, field for field and in the same order', () => {
      expect(first.groups.length && first.software.length && first.campaigns.length).to.be.above(0);
      expect(JSON.stringify(withoutSource(warm.data))).to.equal(JSON.stringify(withoutSource(first)));
      const cold = new AttackIndex(first);
      for (const actor of [...first.groups, ...first.software, ...first.campaigns]) {
        expect(warm.byStixId(actor.stixId), actor.id).to.deep.equal(cold.byStixId(actor.stixId));
        expect(warm.actors(actor.name).map((found) => found.stixId), actor.name).to.deep.equal(cold.actors(actor.name).map((found) => found.stixId));
      }
    });
  });

  it('looks techniques up in an index whose groups line is damaged, and names the file once the groups are read', () => {
    const dir = freshTmpDir('damaged-parts');
    loadAttackFile(SOURCE, { cacheDir: dir });
    const file = join(dir, 'index', `${sha256}.18.1.v5.json`);
    writeFileSync(file, `${readFileSync(file, 'utf8').split('\n')[0]}\n{"groups": [\n`);
    const index = loadAttackFile(SOURCE, { cacheDir: dir });
    expect(index.technique(first.techniques[0]!.id)?.name).to.equal(first.techniques[0]!.name);
    expect(() => index.data.groups).to.throw(AttackDataError, `${file}: a damaged ATT&CK index in the cache`);
  });

  it('rebuilds an index whose cached file is corrupt', () => {
    const dir = freshTmpDir('corrupt-cache');
    loadAttackFile(SOURCE, { cacheDir: dir });
    const file = join(dir, 'index', `${sha256}.18.1.v5.json`);
    writeFileSync(file, '{"format": 1, "techniques": [');
    const reloaded = loadAttackFile(SOURCE, { cacheDir: dir }).data;
    expect(withoutSource(reloaded)).to.deep.equal(withoutSource(first));
    expect(readIndexFile(file).techniques).to.have.length(first.techniques.length);
  });

  it('ignores a cached index of another format version', () => {
    const dir = freshTmpDir('old-format');
    loadAttackFile(SOURCE, { cacheDir: dir });
    const file = join(dir, 'index', `${sha256}.18.1.v5.json`);
    writeIndexFile(file, { ...first, format: 0, techniques: [] });
    expect(loadAttackFile(SOURCE, { cacheDir: dir }).allTechniques()).to.have.length(first.techniques.length);
  });

  it('writes nothing without a cacheDir', () => {
    const dir = freshTmpDir('no-cache');
    const copy = join(dir, 'ics-attack-18.1.json.gz');
    copyFileSync(SOURCE, copy);
    loadAttackFile(copy);
    expect(readdirSync(dir)).to.deep.equal(['ics-attack-18.1.json.gz']);
  });

  it('still loads when the cache folder cannot be written', () => {
    const dir = freshTmpDir('unwritable');
    // A file where the index folder should be: every cache write fails, the load must not.
    writeFileSync(join(dir, 'index'), 'not a folder');
    expect(loadAttackFile(SOURCE, { cacheDir: dir }).allTechniques()).to.have.length(first.techniques.length);
    expect(existsSync(join(dir, 'index', 'fingerprints.json'))).to.equal(false);
  });
});

describe('the index cache of a release with non-ASCII text (enterprise 18.1)', () => {
  it('is written as ASCII, with \\u escapes that read back as the same text', () => {
    const cacheDir = freshTmpDir('ascii-cache');
    const source = stixFile('enterprise-attack-18.1.json.gz');
    const cold = loadAttackFile(source, { cacheDir }).data;
    // The release's own text has some (’ and the like), or this test would prove nothing.
    expect([...JSON.stringify(cold)].filter((char) => char.charCodeAt(0) > 0x7f)).to.not.be.empty;
    const indexDir = join(cacheDir, 'index');
    const indexFile = join(indexDir, readdirSync(indexDir).find((name) => name !== 'fingerprints.json')!);
    expect([...readFileSync(indexFile)].filter((byte) => byte > 0x7f)).to.deep.equal([]);
    expect(withoutSource(loadAttackFile(source, { cacheDir }).data)).to.deep.equal(withoutSource(cold));
  });
});
