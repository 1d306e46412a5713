/**
 * The ATT&CK snapshot shipped in attack-data/: its manifest must say exactly what the files are (checked here from
 * the bytes, without lib/), and the library must read it as the last place it looks.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { AttackLibrary, snapshotDir } from '../../lib/index.js';
import { freshTmpDir, repoRoot, stixDir } from '../helpers/attack.js';

interface ManifestFile {
  file: string;
  domain: string;
  release: string;
  stix: string;
  json_bytes: number;
  json_sha256: string;
  br_bytes: number;
  br_sha256: string;
  source: string;
  taken_from: string;
}

const folder = join(repoRoot, 'attack-data');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { command: string; license: string; files: ManifestFile[] };
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The source name of technique IDs in each domain's bundles. */
const SOURCE_NAMES: Record<string, string> = { 'enterprise-attack': 'mitre-attack', 'mobile-attack': 'mitre-mobile-attack', 'ics-attack': 'mitre-ics-attack' };

describe('the ATT&CK snapshot in attack-data/', () => {
  it('is the folder the library reads, and the package ships it', () => {
    expect(resolve(snapshotDir())).to.equal(folder);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).to.include('attack-data');
  });

  it('lists in its manifest exactly the compressed files there are, the newest release of each domain, under 4 MB in all', () => {
    const onDisk = readdirSync(folder).filter((name) => name.endsWith('.json.br')).sort();
    expect(manifest.files.map((f) => f.file).sort()).to.deep.equal(onDisk);
    expect(manifest.files.map((f) => f.domain).sort()).to.deep.equal(['enterprise-attack', 'ics-attack', 'mobile-attack']);
    expect(manifest.files.reduce((sum, f) => sum + f.br_bytes, 0)).to.be.below(4e6);
    expect(manifest.command).to.match(/^node scripts\/build-snapshot\.mjs/);
  });

  it("carries MITRE's ATT&CK terms of use", () => {
    const license = readFileSync(join(folder, manifest.license), 'utf8');
    expect(license).to.include('The MITRE Corporation (MITRE) hereby grants you a non-exclusive, royalty-free license to use ATT&CK®');
    expect(license).to.include('© 2021 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.');
  });

  for (const entry of manifest.files) {
    describe(entry.file, () => {
      const compressed = readFileSync(join(folder, entry.file));
      let json: Buffer;
      before(() => {
        json = brotliDecompressSync(compressed);
      });

      it('has the size and SHA-256 the manifest records, compressed and as JSON', () => {
        expect([compressed.length, sha256(compressed)]).to.deep.equal([entry.br_bytes, entry.br_sha256]);
        expect([json.length, sha256(json)]).to.deep.equal([entry.json_bytes, entry.json_sha256]);
        expect(entry.file).to.equal(`${entry.domain}-${entry.release}.json.br`);
      });

      it('is the bundle it was taken from, byte for byte', function () {
        const source = resolve(repoRoot, entry.taken_from);
        if (/^https:/.test(entry.taken_from) || !existsSync(source)) this.skip();
        const bytes = readFileSync(source);
        expect(sha256(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes)).to.equal(entry.json_sha256);
      });

      it("is a STIX bundle of the manifest's domain, release and STIX version", () => {
        const bundle = JSON.parse(json.toString('utf8')) as { type: string; spec_version?: string; objects: Record<string, unknown>[] };
        expect(bundle.type).to.equal('bundle');
        const techniques = bundle.objects.filter((o) => o['type'] === 'attack-pattern');
        const sources = new Set(techniques.flatMap((t) => (t['external_references'] as { source_name: string }[]).map((r) => r.source_name)));
        expect(sources.has(SOURCE_NAMES[entry.domain]!), entry.domain).to.equal(true);
        const collection = bundle.objects.find((o) => o['type'] === 'x-mitre-collection');
        expect(bundle.spec_version ?? (collection ? '2.1' : undefined)).to.equal(entry.stix);
        if (collection) expect(collection['x_mitre_version']).to.equal(entry.release);
      });
    });
  }

  it('is the last place the library looks: after ATTACK_STIX_DIR, and alone when nothing else is given', () => {
    const alone = new AttackLibrary({ cacheDir: false });
    expect(alone.files.map((f) => [f.origin, f.path.split(/[\\/]/).pop()])).to.deep.equal(
      manifest.files.map((f) => ['snapshot', f.file]).sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
    );
    const ics = alone.release('ics-attack');
    expect([ics.label, ics.data.source.origin]).to.deep.equal(['ics-attack 18.1', 'snapshot']);
    const withEnv = new AttackLibrary({ envDir: stixDir(), cacheDir: freshTmpDir('snapshot-cache') });
    expect(withEnv.files.at(-1)?.origin).to.equal('snapshot');
    expect(withEnv.release('ics-attack').data.source.origin).to.equal('env');
    expect(new AttackLibrary({ cacheDir: false, snapshot: false }).files).to.deep.equal([]);
  });

  it('is left as it was when its script cannot get every release, with a message and exit 1, no stack trace', () => {
    const before = readdirSync(folder).map((name) => [name, sha256(readFileSync(join(folder, name)))]);
    // A folder with no release files: the first domain is missing, nothing is written.
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-snapshot.mjs'), '--from', freshTmpDir('snapshot')], { encoding: 'utf8' });
    expect(result.status).to.equal(1);
    expect(result.stderr).to.match(/^build-snapshot: no enterprise-attack release file in .*\nthe snapshot was not changed; /);
    expect(result.stderr).to.not.match(/^\s+at /m);
    expect(readdirSync(folder).map((name) => [name, sha256(readFileSync(join(folder, name)))])).to.deep.equal(before);
    // A folder whose enterprise release is good and whose mobile one is no release: every bundle is read and indexed
    // before the first is written, so the enterprise file is not rewritten either.
    const mixed = freshTmpDir('snapshot');
    copyFileSync(join(stixDir(), 'enterprise-attack-18.1.json.gz'), join(mixed, 'enterprise-attack-18.1.json.gz'));
    writeFileSync(join(mixed, 'mobile-attack-18.1.json'), '{"type": "bundle", "id": "bundle--0", "objects": []}');
    const bad = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-snapshot.mjs'), '--from', mixed], { encoding: 'utf8' });
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.match(/^build-snapshot: .*mobile-attack-18\.1\.json: .*\nthe snapshot was not changed; /);
    expect(readdirSync(folder).map((name) => [name, sha256(readFileSync(join(folder, name)))])).to.deep.equal(before);
  });
});
