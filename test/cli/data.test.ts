import { expect } from 'chai';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { ReleaseListing } from '../../lib/cli/commands/data.js';
import { loadAttackFile } from '../../lib/index.js';
import { fixtureFile, freshCacheHome, freshTmpDir, snapshotCacheHome, hasStackTrace, readRawBundle, repoRoot, runCli, stixDir, stixFile } from '../helpers/attack.js';

/** The release files of the shared folder and what each one is, read without lib/. */
function sharedReleases(): { file: string; domain: string; release: string; stix: string }[] {
  const dir = stixDir();
  const top = readdirSync(dir)
    .filter((name) => name.endsWith('.json.gz'))
    .map((name) => {
      const [, domain, release] = /^(\w+-attack)-(\d+\.\d+)\.json\.gz$/.exec(name)!;
      return { file: join(dir, name), domain: domain!, release: release!, stix: '2.0' };
    });
  const stix21 = readdirSync(join(dir, 'stix21'))
    .filter((name) => name.endsWith('.json.gz'))
    .map((name) => {
      const file = join(dir, 'stix21', name);
      const collection = readRawBundle(file).objects.find((object) => object.type === 'x-mitre-collection');
      return { file, domain: /^(\w+-attack)/.exec(name)![1]!, release: collection?.['x_mitre_version'] as string, stix: '2.1' };
    });
  return [...top, ...stix21].sort((a, b) => a.file.localeCompare(b.file));
}

async function listJson(env: Record<string, string | undefined>): Promise<ReleaseListing[]> {
  const result = await runCli(['data', 'list', '--json'], env);
  expect(result.stderr).to.equal('');
  expect(result.code).to.equal(0);
  return JSON.parse(result.stdout) as ReleaseListing[];
}

describe('attack-layers data list', () => {
  // `data fetch --attack-release abc` downloaded MITRE's collection index first, then said `--version abc: not a release
  // number`, naming a flag that `data` no longer takes; offline it said the download failed.
  it('refuses a --attack-release that is no release number before downloading anything, naming the flag', async () => {
    const result = await runCli(['data', 'fetch', '--attack-release', 'abc', '--index-url', 'http://127.0.0.1:9/index.json'], { XDG_CACHE_HOME: freshCacheHome('fetch-abc') });
    expect([result.code, result.stderr]).to.deep.equal([2, 'attack-layers data: --attack-release abc: not a release number such as 18.1\nRun `attack-layers data --help` for usage.\n']);
  });

  // `data log-sources Windows` printed every platform's log sources, exit 0, while list and fetch refused a file.
  it('refuses a file for every action but add (exit 2), saying what to give instead', async () => {
    const said: Array<[action: string, message: string]> = [
      ['list', 'data list takes no file (given: Windows)'],
      ['fetch', 'data fetch takes no file (given: Windows); to add a file you have, use data add'],
      ['log-sources', "data log-sources takes no file (given: Windows); for one platform's, give --platform Windows"],
    ];
    for (const [action, message] of said) {
      const result = await runCli(['data', action, 'Windows', '--index-url', 'http://127.0.0.1:9/index.json'], { XDG_CACHE_HOME: freshCacheHome('data-file') });
      expect([result.code, result.stdout, result.stderr]).to.deep.equal([2, '', `attack-layers data: ${message}\nRun \`attack-layers data --help\` for usage.\n`]);
    }
  });

  // The shared folder holds ICS 18.1 twice, in STIX 2.0 and (stix21/) 2.1: commands read the first by path, so the
  // other is named in its row, not listed as a release of its own.
  it('lists every release file of ATTACK_STIX_DIR with its domain, release, STIX version and origin, each release once', async () => {
    const rows = (await listJson({})).filter((row) => row.origin === 'env');
    const expected = sharedReleases();
    expect(expected).to.have.length.greaterThan(10);
    const read = expected.filter((file, i) => expected.findIndex((other) => other.domain === file.domain && other.release === file.release) === i);
    expect(rows.map(({ file, domain, release, stix }) => ({ file, domain, release, stix })).sort((a, b) => a.file.localeCompare(b.file))).to.deep.equal(read);
    expect(rows.flatMap((row) => row.sameRelease ?? [])).to.deep.equal(expected.filter((file) => !read.includes(file)).map((file) => file.file));
    for (const row of rows) expect(row.techniques, row.file).to.be.greaterThan(0);
  });

  it('prints a table for people', async () => {
    const result = await runCli(['data', 'list']);
    expect(result.code).to.equal(0);
    const [header, ...lines] = result.stdout.trimEnd().split('\n');
    expect(header).to.match(/^domain +release +stix +techniques +sub-techniques/);
    expect(lines.length).to.be.at.least(sharedReleases().length);
    expect(lines.some((line) => /^mobile-attack +9\.0 +2\.1 /.test(line))).to.equal(true);
  });

  // It said "no ATT&CK data found" before the snapshot was shipped.
  it('lists the snapshot, from "snapshot", when nothing else is configured', async () => {
    const rows = await listJson({ ATTACK_STIX_DIR: undefined, XDG_CACHE_HOME: snapshotCacheHome() });
    expect(rows.map((row) => [row.domain, row.release, row.origin])).to.deep.equal([
      ['enterprise-attack', '18.1', 'snapshot'],
      ['mobile-attack', '18.1', 'snapshot'],
      ['ics-attack', '18.1', 'snapshot'],
    ]);
  });

  // Nothing said which of the listed releases a command reads: with ATTACK_STIX_DIR, enterprise 18.1 is there and in
  // the snapshot, and 3.0 to 17.1 are there too.
  it("marks, per domain, the release commands read without --attack-release: the newest of the first place that has the domain", async () => {
    const rows = await listJson({});
    const used = rows.filter((row) => row.default).map((row) => [row.domain, row.release, row.origin]);
    const newest = (domain: string) =>
      rows.filter((row) => row.domain === domain && row.origin === 'env').map((row) => row.release).sort((a, b) => Number(b.split('.')[0]) - Number(a.split('.')[0]) || b.localeCompare(a))[0];
    expect(used).to.deep.equal(['enterprise-attack', 'mobile-attack', 'ics-attack'].map((domain) => [domain, newest(domain), 'env']));
    const alone = await listJson({ ATTACK_STIX_DIR: undefined, XDG_CACHE_HOME: snapshotCacheHome() });
    expect(alone.map((row) => row.default)).to.deep.equal([true, true, true]);
    const table = await runCli(['data', 'list']);
    expect(table.stdout.split('\n')[0]).to.match(/ from +used +file$/);
    expect(table.stdout.split('\n').filter((line) => / default +\//.test(line))).to.have.length(3);
  });

  // Releases were listed in the order of their file names: 10.1 before 3.0, 6.3 and 8.2.
  it('sorts releases by domain, then by release as numbers', async () => {
    const enterprise = (await listJson({})).filter((row) => row.origin === 'env' && row.domain === 'enterprise-attack').map((row) => row.release);
    expect(enterprise).to.deep.equal(['3.0', '6.3', '8.2', '10.1', '12.1', '14.1', '16.1', '17.1', '18.1']);
  });
});

describe('attack-layers data add', () => {
  const source = stixFile('stix21/mobile-attack-9.0.json.gz');
  let xdg: string;
  let export20: string;
  before(() => {
    xdg = freshCacheHome('xdg-add');
    export20 = join(freshTmpDir('export'), 'my-export.json');
  });

  it('copies a release into the cache under its canonical name', async () => {
    const result = await runCli(['data', 'add', source], { XDG_CACHE_HOME: xdg });
    expect(result.code).to.equal(0);
    expect(result.stdout).to.equal('');
    const stored = join(xdg, 'attack-layers', 'mobile-attack-9.0.json.gz');
    expect(result.stderr).to.equal(`added ATT&CK mobile-attack 9.0 (STIX 2.1) as ${stored}\n`);
    expect(readFileSync(stored).equals(readFileSync(source))).to.equal(true);
    expect(JSON.parse(readFileSync(join(xdg, 'attack-layers', 'sources.json'), 'utf8'))['mobile-attack-9.0.json.gz'].origin).to.equal(source);
  });

  it('says the same file is in the cache already, and leaves it as it is (exit 0)', async () => {
    const stored = join(xdg, 'attack-layers', 'mobile-attack-9.0.json.gz');
    const before = statSync(stored).mtimeMs;
    const result = await runCli(['data', 'add', source], { XDG_CACHE_HOME: xdg });
    expect([result.code, result.stderr]).to.deep.equal([0, `ATT&CK mobile-attack 9.0 (STIX 2.1) is in the cache already, the same file: ${stored}\n`]);
    expect(statSync(stored).mtimeMs).to.equal(before);
  });

  it('refuses to replace it with other bytes of the release without --force (exit 2)', async () => {
    // The same release compressed otherwise: the same name in the cache, other bytes.
    const other = join(freshTmpDir('data-other'), 'mobile-attack-9.0.json.gz');
    writeFileSync(other, gzipSync(gunzipSync(readFileSync(source)), { level: 1 }));
    expect(readFileSync(other).equals(readFileSync(source))).to.equal(false);
    const result = await runCli(['data', 'add', other], { XDG_CACHE_HOME: xdg });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/mobile-attack-9\.0\.json\.gz already exists with other content; pass --force to overwrite it\n$/);
  });

  it('replaces it with --force', async () => {
    expect((await runCli(['data', 'add', source, '--force', '--quiet'], { XDG_CACHE_HOME: xdg })).code).to.equal(0);
  });

  it('names a STIX 2.0 file canonically from --attack-release', async () => {
    copyFileSync(fixtureFile('enterprise-attack-0.1.json'), export20);
    const result = await runCli(['data', 'add', export20, '--attack-release', '0.1', '-q'], { XDG_CACHE_HOME: xdg });
    expect(result.code).to.equal(0);
    expect(existsSync(join(xdg, 'attack-layers', 'enterprise-attack-0.1.json'))).to.equal(true);
  });

  it('lists what was added as coming from the cache, with its source', async () => {
    const rows = (await listJson({ ATTACK_STIX_DIR: undefined, XDG_CACHE_HOME: xdg })).filter((row) => row.origin !== 'snapshot');
    expect(rows.map(({ domain, release, stix, origin, source }) => ({ domain, release, stix, origin, source }))).to.deep.equal([
      { domain: 'enterprise-attack', release: '0.1', stix: '2.0', origin: 'cache', source: resolve(export20) },
      { domain: 'mobile-attack', release: '9.0', stix: '2.1', origin: 'cache', source },
    ]);
  });

  it('exits 2 for a file that does not exist, and adds nothing', async () => {
    const dir = freshTmpDir('xdg-missing');
    const result = await runCli(['data', 'add', join(dir, 'nope.json')], { XDG_CACHE_HOME: dir });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain(join(dir, 'nope.json'));
    expect(existsSync(join(dir, 'attack-layers'))).to.equal(false);
  });

  it('exits 1 for a file that is not a bundle, and adds nothing', async () => {
    const dir = freshTmpDir('xdg-bad');
    const result = await runCli(['data', 'add', fixtureFile('not-a-bundle.json')], { XDG_CACHE_HOME: dir });
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain('not-a-bundle.json: this is an ATT&CK Navigator layer, not an ATT&CK release');
    expect(existsSync(join(dir, 'attack-layers'))).to.equal(false);
  });
});

describe('attack-layers data fetch (from a server on 127.0.0.1)', () => {
  const release = stixFile('stix21/mobile-attack-9.0.json.gz');
  let server: Server;
  let base: string;
  const requests: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const send = (status: number, type: string, body: string | Buffer) => {
        response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
        response.end(body);
      };
      if (request.url === '/index.json') {
        send(200, 'application/json', JSON.stringify(collectionIndex()));
      } else if (request.url === '/files/mobile-attack-9.0.json.gz') {
        send(200, 'application/gzip', readFileSync(release));
      } else if (request.url === '/files/page.html') {
        send(200, 'text/html', '<!doctype html><title>Moved</title><p>This release has moved.</p>');
      } else if (request.url === '/files/layer.json') {
        send(200, 'application/json', readFileSync(fixtureFile('not-a-bundle.json')));
      } else if (request.url === '/broken-index.json') {
        send(200, 'text/html', '<html>not an index</html>');
      } else {
        send(404, 'text/plain', 'not found');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  function collectionIndex(): unknown {
    return {
      collections: [
        { name: 'Enterprise ATT&CK', versions: [{ version: '18.1', url: `${base}/files/enterprise-attack-18.1.json` }] },
        {
          name: 'Mobile ATT&CK',
          versions: [
            { version: '9.0', url: `${base}/files/mobile-attack-9.0.json.gz` },
            { version: '8.2', url: `${base}/files/page.html` },
            { version: '8.1', url: `${base}/files/layer.json` },
            { version: '8.0', url: `${base}/files/gone.json` },
          ],
        },
      ],
    };
  }

  const fetchArgs = (version: string, indexPath = '/index.json') => [
    'data',
    'fetch',
    '--index-url',
    `${base}${indexPath}`,
    '--domain',
    'mobile-attack',
    '--attack-release',
    version,
  ];

  it('downloads the release into the cache, where it parses and `data list` shows its URL', async () => {
    const xdg = freshCacheHome('xdg-fetch');
    const result = await runCli(fetchArgs('9.0'), { XDG_CACHE_HOME: xdg, ATTACK_STIX_DIR: undefined });
    expect(result.stderr).to.match(/^fetched ATT&CK mobile-attack 9\.0 into .*mobile-attack-9\.0\.json\.gz\n$/);
    expect(result.code).to.equal(0);
    expect(requests).to.include.members(['/index.json', '/files/mobile-attack-9.0.json.gz']);
    const stored = join(xdg, 'attack-layers', 'mobile-attack-9.0.json.gz');
    expect(readFileSync(stored).equals(readFileSync(release))).to.equal(true);
    expect(loadAttackFile(stored).label).to.equal('mobile-attack 9.0');
    const rows = (await listJson({ XDG_CACHE_HOME: xdg, ATTACK_STIX_DIR: undefined })).filter((row) => row.origin !== 'snapshot');
    expect(rows.map(({ domain, release: version, stix, origin, source }) => ({ domain, version, stix, origin, source }))).to.deep.equal([
      { domain: 'mobile-attack', version: '9.0', stix: '2.1', origin: 'cache', source: `${base}/files/mobile-attack-9.0.json.gz` },
    ]);
  });

  const failures: ReadonlyArray<readonly [label: string, version: string, indexPath: string, message: RegExp]> = [
    ['a 404', '8.0', '/index.json', /files\/gone\.json: download failed with HTTP 404/],
    ['an HTML page instead of a release', '8.2', '/index.json', /files\/page\.html(:\d+)?: not valid JSON/],
    ['JSON that is not a STIX bundle', '8.1', '/index.json', /files\/layer\.json: not a STIX bundle/],
    ['a release the index does not list', '7.0', '/index.json', /mobile-attack 7\.0 is not in the collection index \(it lists 9\.0, 8\.2, 8\.1, 8\.0\)/],
    ['a collection index that is not JSON', '9.0', '/broken-index.json', /broken-index\.json: not a JSON collection index/],
    ['a collection index that is missing', '9.0', '/missing-index.json', /missing-index\.json: download failed with HTTP 404/],
  ];
  for (const [label, version, indexPath, message] of failures) {
    it(`exits 1 with a clear message for ${label}, leaving nothing in the cache`, async () => {
      const xdg = freshTmpDir('xdg-fail');
      const result = await runCli(fetchArgs(version, indexPath), { XDG_CACHE_HOME: xdg });
      expect(result.code).to.equal(1);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.match(/^attack-layers data: /).and.to.match(message);
      expect(hasStackTrace(result.stderr)).to.equal(false);
      expect(existsSync(join(xdg, 'attack-layers'))).to.equal(false);
    });
  }

  // No network: nothing listens on the port, as a machine offline gets no answer. The release commands keep using is
  // read from the snapshot's file names (attack-data/), not written here.
  it('says, with no network, which release commands keep using and how to add a release file by hand', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const snapshot = readdirSync(resolve(repoRoot, 'attack-data')).map((name) => /^ics-attack-(\d+\.\d+)\.json\.br$/.exec(name)?.[1]).find(Boolean);
    const xdg = freshTmpDir('xdg-offline');
    const offline = await runCli(['data', 'fetch', '--domain', 'ics', '--index-url', `http://127.0.0.1:${port}/index.json`], { XDG_CACHE_HOME: xdg, ATTACK_STIX_DIR: undefined });
    expect([offline.code, offline.stdout, hasStackTrace(offline.stderr)]).to.deep.equal([1, '', false]);
    expect(offline.stderr.trim()).to.equal(
      `attack-layers data: http://127.0.0.1:${port}/index.json: download failed (connect ECONNREFUSED 127.0.0.1:${port}); check the network; ` +
        `the cache is as it was: commands keep using ATT&CK ics-attack ${snapshot} (the snapshot shipped with attack-layers); ` +
        "a release file downloaded by hand is added with `attack-layers data add <file>` (MITRE's: ics-attack/ics-attack-x.y.json in https://github.com/mitre-attack/attack-stix-data)",
    );
    expect(existsSync(join(xdg, 'attack-layers'))).to.equal(false);
    // With ATTACK_STIX_DIR, its newest release is the one kept; a release asked for is named in the file to get.
    const env = await runCli(['data', 'fetch', '--attack-release', '17.1', '--index-url', `http://127.0.0.1:${port}/index.json`], { XDG_CACHE_HOME: freshTmpDir('xdg-offline') });
    expect(env.code).to.equal(1);
    expect(env.stderr).to.contain('commands keep using ATT&CK enterprise-attack 18.1 (in ATTACK_STIX_DIR)').and.to.contain('enterprise-attack/enterprise-attack-17.1.json');
  });

  // `--index-url notaurl` exited 1, as a failed download does, with `"notaurl" is not a valid address`: a wrong flag value.
  it('refuses an --index-url that is no web address as a usage error (exit 2), saying what to give', async () => {
    for (const [url, what] of [['notaurl', 'not a web address'], ['file:///tmp/index.json', 'not a web address (file:)']] as const) {
      const result = await runCli(['data', 'fetch', '--index-url', url], { XDG_CACHE_HOME: freshTmpDir('xdg-url') });
      expect([result.code, result.stderr]).to.deep.equal([
        2,
        `attack-layers data: --index-url ${url}: ${what}; give the https:// address of an ATT&CK collection index, such as https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/index.json\nRun \`attack-layers data --help\` for usage.\n`,
      ]);
    }
  });

  // It was tried, and refused by the download as a failed one is (exit 1): the address given is the call's mistake.
  it('refuses plain HTTP to a host that is not loopback as a usage error (exit 2), naming the https address', async () => {
    const result = await runCli(['data', 'fetch', '--index-url', 'http://example.invalid/index.json'], { XDG_CACHE_HOME: freshTmpDir('xdg-http') });
    expect([result.code, result.stderr]).to.deep.equal([
      2,
      'attack-layers data: --index-url http://example.invalid/index.json: plain HTTP; give the https:// address (https://example.invalid/index.json): ' +
        'ATT&CK data is fetched over HTTPS only, as the index and the releases it lists, data and not code, decide every technique of a layer and over HTTP could be changed on the way unseen\n' +
        'Run `attack-layers data --help` for usage.\n',
    ]);
  });
});
