import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { commands } from '../../lib/cli/commands/index.js';
import { freshTmpDir, hasStackTrace, repoRoot, stixDir, testCacheDir } from '../helpers/attack.js';
import { send, serveLocally } from '../helpers/local-server.js';

// The built bin, as users run it; `npm test` builds before mocha runs.
const BIN = join(repoRoot, 'dist/cli/main.js');

function bin(...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  return binIn(repoRoot, ...argv);
}

function binIn(cwd: string, ...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'], ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: dirname(testCacheDir()) },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bin running, its three streams piped, for a test to close one of them early. */
function spawnBin(...argv: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...argv], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'], ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: dirname(testCacheDir()) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** `data <action> [file]` -> `data`. */
const commandNames = commands.map((command) => String([command.command].flat()[0]).split(' ')[0]!);

describe('the built attack-layers bin (smoke test)', () => {
  before(function () {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first (npm test does)`);
  });

  it('exits 0 for `technique T1193`', () => {
    const result = bin('technique', 'T1193');
    expect([result.code, result.stderr]).to.deep.equal([0, '']);
    expect(result.stdout).to.match(/^T1193 Spearphishing Attachment \(revoked/);
  });

  it('exits 1 for `technique T9999`, without a stack trace', () => {
    const result = bin('technique', 'T9999');
    expect(result.code).to.equal(1);
    expect(result.stdout).to.equal('');
    expect(result.stderr).to.match(/^attack-layers technique: T9999 is numbered far past T1681 of enterprise-attack 18.1/);
    expect(hasStackTrace(result.stderr)).to.equal(false);
  });

  it('exits 2 for an unknown flag', () => {
    const result = bin('technique', 'T1193', '--no-such-flag');
    expect(result.code).to.equal(2);
    expect(result.stderr).to.equal('attack-layers technique: unknown option --no-such-flag\nRun `attack-layers technique --help` for usage.\n');
    expect(hasStackTrace(result.stderr)).to.equal(false);
  });

  /** Run the bin with a preload that sends itself SIGTERM right after it wrote a temporary file under `folder`. */
  function binSignalledAt(folder: string, env: Record<string, string>, ...argv: string[]): ReturnType<typeof spawnSync> {
    const preload = join(freshTmpDir('signal-preload'), 'signal-mid-write.mjs');
    writeFileSync(
      preload,
      [
        "import fs from 'node:fs';",
        "import { syncBuiltinESMExports } from 'node:module';",
        'const write = fs.writeFileSync;',
        'fs.writeFileSync = function (file, ...rest) {',
        '  const result = write.call(this, file, ...rest);',
        `  if (typeof file === 'string' && file.startsWith(${JSON.stringify(folder)}) && file.endsWith('.tmp')) process.kill(process.pid, 'SIGTERM');`,
        '  return result;',
        '};',
        'syncBuiltinESMExports();',
      ].join('\n'),
    );
    return spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, BIN, ...argv], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: dirname(testCacheDir()), ...env },
      timeout: 60_000,
    });
  }

  // A SIGTERM while `render` wrote its first layer left `apt32-covid19-wuhan.layer.json.<pid>.<random>.tmp` in --out;
  // once that was fixed, the signal was lost when the writes were the run's last work: render exited 0, as if nobody
  // had asked it to stop. The signal is sent from inside the write, at the point where the temporary file exists: no
  // timing is involved.
  it('leaves no temporary file in --out when a signal comes while a layer is written, its layers whole, and stops by the signal', () => {
    const out = join(freshTmpDir('signal'), 'layers');
    const result = binSignalledAt(out, {}, 'render', 'campaigns', '--out', out);
    expect(hasStackTrace(String(result.stderr)), String(result.stderr)).to.equal(false);
    expect(readdirSync(out).sort()).to.deep.equal(['apt32-covid19-wuhan.layer.json', 'temp-periscope-cambodia-2018.layer.json']);
    for (const name of readdirSync(out)) expect(JSON.parse(readFileSync(join(out, name), 'utf8'))).to.have.property('techniques');
    // A shell sees 143 (128 + 15).
    expect([result.status, result.signal]).to.deep.equal([null, 'SIGTERM']);
  });

  // The index cache of a first run was written with the signals left as they were: a SIGTERM then stopped the process
  // at once, leaving `<sha256>.18.1.v2.json.<pid>.<random>.tmp` in the cache for good.
  it('leaves no temporary file in the cache when a signal comes while an index is written there, and stops by the signal', () => {
    const xdg = freshTmpDir('signal-cache');
    const result = binSignalledAt(xdg, { XDG_CACHE_HOME: xdg }, 'technique', 'T1059');
    expect([result.status, result.signal]).to.deep.equal([null, 'SIGTERM']);
    const index = join(xdg, 'attack-layers', 'index');
    const files = readdirSync(index).sort();
    expect(files.filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
    // The writes under way finished: the index is whole, and a later run reads it.
    expect(files.filter((name) => name !== 'fingerprints.json')).to.have.length(1);
    // An index is two lines of JSON (lib/attack/index-cache.ts), the fingerprint table one.
    for (const name of files) for (const line of readFileSync(join(index, name), 'utf8').trimEnd().split('\n')) expect(JSON.parse(line)).to.be.an('object');
    expect(spawnSync(process.execPath, [BIN, 'technique', 'T1059'], { encoding: 'utf8', env: { PATH: process.env['PATH'], ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: xdg } }).status).to.equal(0);
  });

  // `data fetch` streams a release into `.download.<pid>.<n>.tmp` in the cache; Ctrl-C during the download left it there.
  // The server sends part of the release and sends the signal itself once the temporary file exists (it is made
  // before the release is asked for): no timing is involved.
  it('removes the temporary file of a download a signal stops, keeps what the cache held, and stops by the signal', async () => {
    const release = readFileSync(join(stixDir(), 'stix21/mobile-attack-9.0.json.gz'));
    let child: ChildProcessWithoutNullStreams | undefined;
    let tmpSeen: string[] = [];
    const server = await serveLocally((request, response) => {
      if (request.url === '/index.json') {
        const url = (version: string) => `${server.base}/files/mobile-attack-${version}.json.gz`;
        send(response, 200, 'application/json', JSON.stringify({ collections: [{ name: 'Mobile ATT&CK', versions: ['9.0', '8.2'].map((version) => ({ version, url: url(version) })) }] }));
      } else if (request.url === '/files/mobile-attack-9.0.json.gz') {
        send(response, 200, 'application/gzip', release);
      } else {
        // Half the release, then nothing more: the download is under way when the signal comes.
        response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': release.length });
        response.write(release.subarray(0, release.length / 2), () => {
          tmpSeen = readdirSync(join(xdg, 'attack-layers')).filter((name) => name.endsWith('.tmp'));
          child?.kill('SIGINT');
        });
      }
    });
    let xdg = freshTmpDir('signal-download');
    const fetch = (version: string) => {
      child = spawn(process.execPath, [BIN, 'data', 'fetch', '--index-url', `${server.base}/index.json`, '--domain', 'mobile-attack', '--attack-release', version], {
        env: { PATH: process.env['PATH'], XDG_CACHE_HOME: xdg },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdin.end();
      return new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child!.on('close', (code, signal) => resolve([code, signal])));
    };
    try {
      expect(await fetch('9.0')).to.deep.equal([0, null]);
      const cache = join(xdg, 'attack-layers');
      const before = readdirSync(cache).sort().map((name) => [name, readFileSync(join(cache, name)).toString('base64')]);
      expect(await fetch('8.2')).to.deep.equal([null, 'SIGINT']);
      expect(tmpSeen).to.have.length(1);
      expect(readdirSync(cache).sort().map((name) => [name, readFileSync(join(cache, name)).toString('base64')])).to.deep.equal(before);
      // A first download made the cache folder itself: stopped, it leaves no empty folder behind, and keeps the
      // folders that were there before it (XDG_CACHE_HOME).
      xdg = freshTmpDir('signal-first-download');
      expect(await fetch('8.2')).to.deep.equal([null, 'SIGINT']);
      expect(tmpSeen).to.have.length(1);
      expect(readdirSync(xdg)).to.deep.equal([]);
    } finally {
      await server.close();
    }
  });

  // `extract report.txt 2>&1 >out.yaml | head -1`: the note on stderr met a closed pipe, and Node's unhandled EPIPE made
  // the exit code 1, the skeleton written whole or not.
  it('goes on when the reader of stderr has stopped, and exits with the command\'s code', async () => {
    const child = spawnBin('extract', '-');
    // The reader of stderr stops before the child has written anything to it.
    child.stderr.destroy();
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stdin.end('The actor used T1193 to deliver the payload.\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(code).to.equal(0);
    expect(stdout).to.match(/\ntechniques:\n  - ref: "T1193"\n/);
  });

  // `validate bad.json | head -1` exited 0: the closed stdout stopped the process with 0, validate's 1 lost, and
  // `set -o pipefail` saw no failure. The rest of the output is dropped and the command's own code stands.
  it("exits with the command's code when the reader of stdout has stopped, saying nothing of it", async () => {
    const folder = freshTmpDir('epipe');
    const layer = join(folder, 'bad.json');
    const techniques = ['T1059.001', 'T9999', 'T1566.001', 'T9998'].map((techniqueID) => ({ techniqueID }));
    writeFileSync(layer, JSON.stringify({ name: 'x', versions: { layer: '4.5', attack: '18.1', navigator: '5.1' }, domain: 'enterprise-attack', techniques }));
    const run = async (file: string) => {
      const child = spawnBin('validate', file);
      child.stdin.end();
      // The reader of stdout stops before the child has written anything to it, as `| head -0` would.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
      return { code, stderr };
    };
    const bad = await run(layer);
    expect(bad.code, bad.stderr).to.equal(1);
    // Its entries are IDs alone, so nothing-annotated warns besides the two unknown IDs.
    expect(bad.stderr).to.equal(`1 file: 2 errors, 1 warning\nattack-layers validate: 2 errors in ${layer}: Navigator would drop or hide what they concern\n`);
    const good = await run('layers/apt32-covid19-wuhan.layer.json');
    expect([good.code, good.stderr]).to.deep.equal([0, '']);
  });

  // `pdftotext report.pdf - | attack-layers extract -` (the README's first extract example): once process.stdin existed,
  // fd 0 was non-blocking, and readFileSync(0) failed with EAGAIN as soon as the writer was behind: exit 70.
  it('reads standard input to its end from a writer slower than the command (a pipe from pdftotext)', async () => {
    const child = spawnBin('extract', '-');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    // The first line now; the rest once the command has read it and waits for more (or has failed).
    child.stdin.write('The actor used T1193 to deliver the payload.\n');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1500))]);
    if (child.stdin.writable) child.stdin.end('Then it ran Regsvr32 (T1117).\n');
    expect(await closed, stderr).to.equal(0);
    expect(stdout).to.match(/\n  - ref: "T1193"\n[\s\S]*\n  - ref: "Regsvr32 \(T1117\)"\n/);
  });

  it('refuses a folder given as standard input (exit 2), rather than crashing or reading it as empty', () => {
    const folder = freshTmpDir('stdin-folder');
    const fd = openSync(folder, 'r');
    try {
      const result = spawnSync(process.execPath, [BIN, 'normalize', '-'], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'], ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: dirname(testCacheDir()) },
        stdio: [fd, 'pipe', 'pipe'],
      });
      expect([result.status, result.stderr]).to.deep.equal([
        2,
        'attack-layers normalize: - (standard input) is a folder, not a file; redirect a file into it (< file), or name the file instead of -\nRun `attack-layers normalize --help` for usage.\n',
      ]);
    } finally {
      closeSync(fd);
    }
  });

  it("prints the package's version for --version, from a folder with another package.json", () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const folder = freshTmpDir('version');
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'some-other-package', version: '9.9.9' }));
    expect(binIn(folder, '--version')).to.deep.equal({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('publishes the knowledge base alone as attack-layers/attack: the same objects as attack-layers', () => {
    const code = [
      "const part = await import('attack-layers/attack');",
      "const all = await import('attack-layers');",
      'const keys = Object.keys(part);',
      "console.log(JSON.stringify({ keys: keys.length, same: keys.every((key) => all[key] === part[key]), id: part.canonicalTechniqueId('t1566/001') }));",
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stderr).to.equal('');
    const facts = JSON.parse(result.stdout) as { keys: number; same: boolean; id: string };
    expect(facts.keys).to.be.greaterThan(20);
    expect(facts).to.include({ same: true, id: 'T1566.001' });
  });

  it(`lists every registered command in --help (${commandNames.join(', ')})`, () => {
    const result = bin('--help');
    expect(result.code).to.equal(0);
    expect(commandNames.length).to.be.greaterThan(1);
    for (const name of commandNames) expect(result.stdout, name).to.match(new RegExp(`^ +attack-layers ${name}\\b`, 'm'));
  });

  for (const spec of commands) {
    it(`loads the modules of \`${spec.command}\`: a declaration and a handler`, async () => {
      expect((await spec.declare()).declaration).to.be.an('object');
      expect((await spec.load()).handler).to.be.a('function');
    });
  }

  for (const name of commandNames) {
    it(`shows examples in \`${name} --help\``, () => {
      const result = bin(name, '--help');
      expect(result.code).to.equal(0);
      expect(result.stderr).to.equal('');
      expect(result.stdout).to.match(/\nExamples:\n +attack-layers /);
    });
  }
});
