/**
 * Issue 15, item 1: a version or domain taken from a downloaded collection index or a bundle never leads a cache
 * write outside the cache folder (it used to store the download at `<cache>/../../x/pwn.json.gz`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { fixtureFile, freshTmpDir, hasStackTrace, runCli } from '../helpers/attack.js';
import { listTree } from '../helpers/files.js';
import { send, serveLocally, type LocalServer } from '../helpers/local-server.js';

// Two levels up from the cache lands in the test's own folder: on a main that follows it, the file lands there.
const TRAVERSAL = '../../x/pwn';
const bundle = readFileSync(fixtureFile('enterprise-attack-0.1.json'));

/** Whatever a run wrote under `root` (the XDG folder's parent) outside `<root>/xdg/attack-layers`. */
const outsideCache = (root: string): string[] => listTree(root).filter((path) => !path.startsWith(join('xdg', 'attack-layers')));

describe('the ATT&CK data cache stays inside its folder (issue 15, item 1)', () => {
  let server: LocalServer;
  before(async () => {
    server = await serveLocally((request, response) => {
      if (request.url === '/index.json') {
        send(response, 200, 'application/json', JSON.stringify({ collections: [{ name: 'Enterprise ATT&CK', versions: [{ version: TRAVERSAL, url: `${server.base}/bundle.json` }] }] }));
      } else if (request.url === '/bundle.json') send(response, 200, 'application/json', bundle);
      else send(response, 404, 'text/plain', 'not found');
    });
  });
  after(() => server.close());

  it('data fetch refuses a collection index whose version is a path (exit 1), and writes nothing outside the cache', async () => {
    const root = freshTmpDir('traversal');
    const result = await runCli(['data', 'fetch', '--index-url', `${server.base}/index.json`], { XDG_CACHE_HOME: join(root, 'xdg') });
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr).to.contain(`lists "${TRAVERSAL}" as a version of enterprise-attack, which is not a release number such as 18.1`);
    expect(hasStackTrace(result.stderr)).to.equal(false);
    expect(outsideCache(root)).to.deep.equal([]);
  });

  it('data add refuses a STIX 2.1 bundle whose x_mitre_version is a path (exit 1), and writes nothing outside the cache', async () => {
    const root = freshTmpDir('traversal');
    const file = join(root, 'bundle.json');
    const parsed = JSON.parse(bundle.toString('utf8')) as { spec_version: string; objects: unknown[] };
    parsed.spec_version = '2.1';
    parsed.objects.push({ type: 'x-mitre-collection', id: 'x-mitre-collection--00000000-0000-4000-8000-0000000000ff', name: 'Enterprise ATT&CK', x_mitre_version: TRAVERSAL });
    writeFileSync(file, JSON.stringify(parsed));
    const result = await runCli(['data', 'add', file], { XDG_CACHE_HOME: join(root, 'xdg') });
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr).to.contain(`the release "${TRAVERSAL}" (x-mitre-collection x_mitre_version) is not a release number such as 18.1`);
    expect(outsideCache(root).filter((path) => path !== 'bundle.json')).to.deep.equal([]);
  });

  it('data add refuses --attack-release naming a path, for a STIX 2.0 bundle whose name says no release', async () => {
    const root = freshTmpDir('traversal');
    const file = join(root, 'export.json');
    writeFileSync(file, bundle);
    const result = await runCli(['data', 'add', file, '--attack-release', TRAVERSAL], { XDG_CACHE_HOME: join(root, 'xdg') });
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr).to.contain('is not a release number such as 18.1');
    expect(outsideCache(root).filter((path) => path !== 'export.json')).to.deep.equal([]);
  });
});
