/**
 * Issue 15, items 5 and 6: downloads check HTTPS on every redirect, stop at a size limit, give up on a stalled
 * server with a clear message, and stream into a temporary file; a gzip bomb is stopped at the same limit.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { fetchRelease } from '../../lib/attack/data-store.js';
import { parseBundleBytes } from '../../lib/attack/read-bundle.js';
import { AttackDataError } from '../../lib/errors.js';
import { fixtureFile, freshTmpDir, hasStackTrace, runCli } from '../helpers/attack.js';
import { listTree } from '../helpers/files.js';
import { send, serveLocally, type LocalServer } from '../helpers/local-server.js';

const bundle = readFileSync(fixtureFile('enterprise-attack-0.1.json'));
const MB = 2 ** 20;

describe('downloads (issue 15, item 5)', () => {
  let server: LocalServer;
  // A second loopback address that is not in the list of addresses plain HTTP may go to: a stand-in for any
  // plain-HTTP host a redirect could lead to.
  let other: Server | undefined;
  let otherRequests = 0;
  let otherBase = '';
  before(async () => {
    server = await serveLocally((request, response) => {
      const index = (url: string) => JSON.stringify({ collections: [{ name: 'Enterprise ATT&CK', versions: [{ version: '0.1', url }] }] });
      if (request.url === '/index-redirect.json') send(response, 200, 'application/json', index(`${server.base}/hop`));
      else if (request.url === '/hop') {
        response.writeHead(302, { location: `${otherBase}/bundle.json` });
        response.end();
      } else if (request.url === '/index-big.json') send(response, 200, 'application/json', index(`${server.base}/big.json`));
      else if (request.url === '/big.json') {
        // 3 MB, chunked (no length said up front).
        response.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i < 3; i++) response.write(Buffer.alloc(MB, 0x20));
        response.end();
      } else if (request.url === '/index-stall.json') send(response, 200, 'application/json', index(`${server.base}/stall.json`));
      else if (request.url === '/stall.json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"type": "bundle", '); // then nothing
      } else if (request.url === '/index-ok.json') send(response, 200, 'application/json', index(`${server.base}/moved`));
      else if (request.url === '/moved') {
        response.writeHead(301, { location: '/files/enterprise-attack-0.1.json' });
        response.end();
      } else if (request.url === '/files/enterprise-attack-0.1.json') send(response, 200, 'application/json', bundle);
      else send(response, 404, 'text/plain', 'not found');
    });
    other = createServer((_request, response) => {
      otherRequests++;
      send(response, 200, 'application/json', bundle);
    });
    await new Promise<void>((done, fail) => {
      other!.once('error', fail);
      other!.listen(0, '127.0.0.2', done);
    }).catch(() => (other = undefined));
    otherBase = other ? `http://127.0.0.2:${(other.address() as { port: number }).port}` : 'http://attack-layers.invalid';
  });
  after(async () => {
    await server.close();
    other?.closeAllConnections();
    await new Promise((done) => (other ? other.close(done) : done(undefined)));
  });

  const fetchArgs = (index: string, ...more: string[]) => ['data', 'fetch', '--index-url', `${server.base}/${index}`, ...more];

  it('follows redirects by hand, over HTTPS only: a redirect to plain HTTP is refused, and never requested', async () => {
    const xdg = freshTmpDir('redirect');
    const result = await runCli(fetchArgs('index-redirect.json'), { XDG_CACHE_HOME: xdg });
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr).to.contain(`${otherBase}/bundle.json: refusing to download over http (a redirect from ${server.base}/hop)`);
    expect(otherRequests).to.equal(0);
    expect(listTree(xdg)).to.deep.equal([]);
  });

  it('follows a redirect that stays within the allowed addresses', async () => {
    const xdg = freshTmpDir('redirect-ok');
    const result = await runCli(fetchArgs('index-ok.json'), { XDG_CACHE_HOME: xdg });
    expect(result.code, result.stderr).to.equal(0);
    expect(listTree(xdg)).to.deep.equal([join('attack-layers', 'enterprise-attack-0.1.json'), join('attack-layers', 'sources.json')]);
  });

  it('stops at the size limit (--max-size), says how to raise it, and leaves nothing in the cache', async () => {
    const xdg = freshTmpDir('big');
    const result = await runCli(fetchArgs('index-big.json', '--max-size', '1'), { XDG_CACHE_HOME: xdg });
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr).to.contain(`${server.base}/big.json: the download is larger than 1 MB, the limit`);
    expect(result.stderr).to.contain('raise the limit with --max-size <MB>');
    expect(listTree(xdg)).to.deep.equal([]);
  });

  it('gives up on a server that stalls, with a message saying so (not a hang, not a stack trace)', async () => {
    const cacheDir = join(freshTmpDir('stall'), 'attack-layers');
    // While the server stalls, what it sent so far is already in a temporary file in the cache (streamed, not held).
    const streamed = new Set<string>();
    const look = setInterval(() => {
      try {
        for (const name of readdirSync(cacheDir)) streamed.add(`${name}: ${readFileSync(join(cacheDir, name), 'utf8')}`);
      } catch {
        // not made yet, or already removed
      }
    }, 10);
    let caught: unknown;
    try {
      await fetchRelease({ cacheDir, indexUrl: `${server.base}/index-stall.json`, idleTimeoutMs: 300 });
    } catch (error) {
      caught = error;
    } finally {
      clearInterval(look);
    }
    expect([...streamed].filter((seen) => /^\.download\.\d+\.\d+\.tmp: \{"type": "bundle", $/.test(seen))).to.have.length(1);
    expect(caught).to.be.instanceOf(AttackDataError);
    expect((caught as Error).message).to.equal(
      `${server.base}/stall.json: the server sent nothing for 300 ms; try again later, or download the file yourself and run \`addRelease\``,
    );
    expect(existsSync(cacheDir)).to.equal(false);
  });
});

describe('gzip bombs (issue 15, item 6)', () => {
  // Gzip members can be concatenated: 300 copies of one member of 1 MB of spaces is a 300 KB file that inflates
  // to 300 MB, more than the 256 MB limit.
  const member = gzipSync(Buffer.alloc(MB, 0x20));
  const bomb = Buffer.concat(Array.from({ length: 300 }, () => member));

  it('data add stops inflating at the limit (--max-size) and says what happened (exit 1)', async () => {
    const dir = freshTmpDir('bomb');
    const file = join(dir, 'enterprise-attack-99.1.json.gz');
    writeFileSync(file, bomb);
    const result = await runCli(['data', 'add', file, '--max-size', '16'], { XDG_CACHE_HOME: join(dir, 'xdg') });
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr).to.equal(
      `attack-layers data: ${file}: the gzip data inflates to larger than 16 MB, the limit (an ATT&CK release is ~35 MB); ` +
        'if this file is genuine, raise the limit with --max-size <MB>\n',
    );
    expect(hasStackTrace(result.stderr)).to.equal(false);
  });

  it('parseBundleBytes, which every release load goes through, stops at the limit without inflating the rest', () => {
    const bytes = bomb.subarray(0, member.length * 3);
    expect(() => parseBundleBytes({ file: 'x.json.gz', bytes, sha256: '' }, { maxBytes: MB })).to.throw(
      AttackDataError,
      'x.json.gz: the gzip data inflates to larger than 1 MB, the limit',
    );
    expect(parseBundleBytes({ file: 'y.json.gz', bytes: gzipSync(bundle), sha256: '' }, { maxBytes: MB })).to.deep.equal(JSON.parse(bundle.toString('utf8')));
  });

  it('a brotli file (.br, as --attack takes the packaged snapshot) is bounded alike', () => {
    const bytes = brotliCompressSync(Buffer.alloc(3 * MB, 0x20));
    expect(() => parseBundleBytes({ file: 'x.json.br', bytes, sha256: '' }, { maxBytes: MB })).to.throw(AttackDataError, 'x.json.br: the brotli data inflates to larger than 1 MB, the limit');
  });
});
