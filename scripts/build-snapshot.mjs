// Builds the ATT&CK snapshot shipped in the package (attack-data/): the newest enterprise, mobile and ICS releases,
// MITRE's bundles as published (or as held in a folder given), brotli-compressed, with a manifest of where each came from and its SHA-256 before
// and after compression. `npm run snapshot` runs it; test/attack/snapshot.test.ts fails when the manifest and the
// files disagree. The snapshot is the last place the tool looks for ATT&CK data, so that it works offline out of
// the box; it is replaced by running this again, never edited.
//
//   node scripts/build-snapshot.mjs                    download the newest releases listed in MITRE's collection index
//   node scripts/build-snapshot.mjs --from <folder>    take them from a folder of release files (.json or .json.gz),
//                                                      e.g. ../shared/attack-stix
//   --release 18.1                                     a given release rather than the newest
//
// Brotli at quality 11 with a 16 MB window makes the three 18.1 bundles ~3 MB (gzip: ~8.5 MB); Node reads it natively.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import { compareReleases, download, indexBundle, OFFICIAL_INDEX_URL, parseReleaseFileName, releaseUrl } from '../dist/attack/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repo, 'attack-data');
const DOMAINS = ['enterprise-attack', 'mobile-attack', 'ics-attack'];

function option(name) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * The official location of a release: MITRE's ATT&CK STIX 2.1 collection (attack-stix-data) lists its files in its
 * index; STIX 2.0 bundles are the ones of the mitre/cti repository, tagged per release.
 */
function officialUrl(domain, release, stix) {
  return stix === '2.1'
    ? `https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/${domain}/${domain}-${release}.json`
    : `https://raw.githubusercontent.com/mitre/cti/ATT%26CK-v${release}/${domain}/${domain}.json`;
}

/** The newest (or --release) file of a domain in a folder and its direct sub-folders. */
function fromFolder(folder, domain, wanted) {
  const files = [];
  const visit = (dir, depth) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 1) visit(path, depth + 1);
      const named = entry.isFile() && !entry.name.endsWith('.br') ? parseReleaseFileName(entry.name) : undefined;
      if (named?.domain === domain && named.release && (!wanted || named.release === wanted)) files.push({ path, release: named.release });
    }
  };
  visit(folder, 0);
  // The newest release; of two copies of it, STIX 2.1 (the format MITRE publishes now) before 2.0.
  files.sort((a, b) => compareReleases(b.release, a.release) || (b.path.includes('stix21') ? 1 : 0) - (a.path.includes('stix21') ? 1 : 0));
  const file = files[0];
  if (!file) throw new Error(`no ${domain} release file${wanted ? ` of ${wanted}` : ''} in ${folder}`);
  const bytes = readFileSync(file.path);
  return { json: bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes, release: file.release, takenFrom: relative(repo, file.path) };
}

/** A file's bytes, downloaded as `data fetch` does: HTTPS only (redirects too), within a release's size limit. */
async function downloadBytes(url) {
  const chunks = [];
  await download(url, { onChunk: (chunk) => chunks.push(Buffer.from(chunk)) });
  return Buffer.concat(chunks);
}

async function fromMitre(domain, wanted) {
  const index = JSON.parse((await downloadBytes(OFFICIAL_INDEX_URL)).toString('utf8'));
  const { version, url } = releaseUrl(index, domain, wanted);
  return { json: await downloadBytes(url), release: version, takenFrom: url };
}

const from = option('--from');
const wanted = option('--release');
const command = ['node scripts/build-snapshot.mjs', ...process.argv.slice(2)].join(' ');
const files = [];
// Every release is read (or downloaded) before anything is written: a failure leaves the snapshot as it was.
const bundles = [];
try {
  for (const domain of DOMAINS) {
    const { json, release, takenFrom } = from ? fromFolder(resolve(from), domain, wanted) : await fromMitre(domain, wanted);
    // What the tool will read back: the bundle must index as this domain and release.
    const data = indexBundle(JSON.parse(json.toString('utf8')), { domain, release, source: { file: takenFrom, sha256: sha256(json) } });
    if (data.domain !== domain || data.release !== release) throw new Error(`${takenFrom} is ${data.domain} ${data.release}, not ${domain} ${release}`);
    bundles.push({ domain, json, release, takenFrom, data });
  }
} catch (error) {
  console.error(`build-snapshot: ${error instanceof Error ? error.message : String(error)}`);
  console.error(
    from
      ? 'the snapshot was not changed; give a folder holding enterprise, mobile and ICS release files'
      : 'the snapshot was not changed; without network access, build it from a folder of release files: npm run snapshot -- --from ../shared/attack-stix',
  );
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
for (const { domain, json, release, takenFrom, data } of bundles) {
  const compressed = brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
    },
  });
  const file = `${domain}-${release}.json.br`;
  writeFileSync(join(outDir, file), compressed);
  files.push({
    file,
    domain,
    release,
    stix: data.stixVersion,
    json_bytes: json.length,
    json_sha256: sha256(json),
    br_bytes: compressed.length,
    br_sha256: sha256(compressed),
    source: officialUrl(domain, release, data.stixVersion),
    taken_from: takenFrom,
  });
  console.log(`${file}: ${(json.length / 1e6).toFixed(1)} MB of JSON -> ${(compressed.length / 1e6).toFixed(2)} MB`);
}
for (const name of readdirSync(outDir)) {
  if (name.endsWith('.json.br') && !files.some((f) => f.file === name)) rmSync(join(outDir, name));
}
const manifest = {
  about:
    'The ATT&CK releases shipped with attack-layers, read when no other ATT&CK data is found: MITRE ATT&CK bundles, their JSON as ' +
    'taken from taken_from (the official file of source, when downloaded by this script), compressed with brotli. json_sha256 is the ' +
    'SHA-256 of that JSON. ATT&CK is used under MITRE\'s terms of use (LICENSE-ATTACK.txt). Regenerate with the command below; never ' +
    'edit these files.',
  command,
  license: 'LICENSE-ATTACK.txt',
  files,
};
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${relative(repo, join(outDir, 'manifest.json'))}; ${(files.reduce((sum, f) => sum + f.br_bytes, 0) / 1e6).toFixed(2)} MB in all`);
