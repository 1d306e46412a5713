import { execFileSync, spawn } from 'node:child_process';
import fs, { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect } from 'chai';
import { OutputError, OutputExistsError } from '../lib/errors.js';
import { assertWritable, existingOutputs, writeFileAtomic, writeFilesAtomic } from '../lib/write-file.js';
import { freshTmpDir } from './helpers/attack.js';

const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic', () => {
  it('never shows anything under the final name but the whole content (no empty placeholder first)', () => {
    const dir = freshTmpDir('atomic');
    const file = join(dir, 'out.layer.json');
    const content = 'x'.repeat(100_000);
    const seen: (number | undefined)[] = [];
    // Look at the final name after every file system call the write makes, as a kill -9 between two calls would.
    const names = ['writeFileSync', 'linkSync', 'renameSync', 'rmSync', 'chmodSync', 'mkdirSync', 'openSync', 'closeSync', 'writeSync'] as const;
    const originals = names.map((name) => fs[name]);
    names.forEach((name, i) => {
      (fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        const result = (originals[i] as (...a: unknown[]) => unknown)(...args);
        seen.push(existsSync(file) ? statSync(file).size : undefined);
        return result;
      };
    });
    syncBuiltinESMExports();
    try {
      writeFileAtomic(file, content);
    } finally {
      names.forEach((name, i) => ((fs as unknown as Record<string, unknown>)[name] = originals[i]));
      syncBuiltinESMExports();
    }
    expect(seen.length).to.be.greaterThan(1);
    expect(seen.filter((size) => size !== undefined && size !== content.length)).to.deep.equal([]);
    expect(readFileSync(file, 'utf8')).to.equal(content);
    expect(readdirSync(dir)).to.deep.equal(['out.layer.json']);
  });

  it('keeps the permissions of the file it replaces (a mode-600 file stays 600)', () => {
    const file = join(freshTmpDir('mode'), 'private.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new', { force: true });
    expect([readFileSync(file, 'utf8'), statSync(file).mode & 0o777]).to.deep.equal(['new', 0o600]);
  });

  it('refuses to replace a file without force, and leaves no temporary file behind', () => {
    const dir = freshTmpDir('exists');
    writeFileSync(join(dir, 'a.json'), 'old');
    expect(() => writeFileAtomic(join(dir, 'a.json'), 'new')).to.throw(OutputExistsError);
    expect([readdirSync(dir), readFileSync(join(dir, 'a.json'), 'utf8')]).to.deep.equal([['a.json'], 'old']);
  });

  // `render campaigns --out out --aggregate all` after the campaigns' layers were rendered said `out/apt32.layer.json
  // already exists; pass --force to overwrite it`: a file that holds the very bytes loses nothing if it is left alone.
  it('leaves a file that holds the same bytes untouched, with or without force (unchanged: same inode and time)', () => {
    const file = join(freshTmpDir('same'), 'a.layer.json');
    writeFileSync(file, '{"name": "é"}\n');
    chmodSync(file, 0o640);
    const before = statSync(file);
    expect(writeFileAtomic(file, '{"name": "é"}\n')).to.equal('unchanged');
    expect(writeFileAtomic(file, new TextEncoder().encode('{"name": "é"}\n'), { force: true })).to.equal('unchanged');
    const after = statSync(file);
    expect([after.ino, after.mtimeMs, after.mode & 0o777]).to.deep.equal([before.ino, before.mtimeMs, 0o640]);
    expect(readdirSync(join(file, '..'))).to.deep.equal(['a.layer.json']);
  });

  it('refuses a file of other content without force, saying it differs (even by one trailing byte)', () => {
    const file = join(freshTmpDir('differs'), 'a.json');
    writeFileSync(file, 'same\n');
    expect(() => writeFileAtomic(file, 'same\n\n', { givenAs: { force: '--force' } })).to.throw(OutputExistsError, `${file} already exists with other content; pass --force to overwrite it`);
    expect(writeFileAtomic(file, 'same\n\n', { force: true })).to.equal('written');
    expect(readFileSync(file, 'utf8')).to.equal('same\n\n');
  });

  it('writes into a FIFO as a stream, like cat, instead of replacing it', async () => {
    const fifo = join(freshTmpDir('fifo'), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString('utf8')));
    const done = new Promise((resolve) => reader.on('close', resolve));
    writeFileAtomic(fifo, 'through the pipe\n', { force: true });
    await done;
    expect(read).to.equal('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).to.equal(true);
  });

  it('writes into a character device, never replaces it (a device node made in the test: /dev/null)', function () {
    const device = join(freshTmpDir('device'), 'null');
    try {
      execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      this.skip(); // not allowed to make device nodes here
    }
    writeFileAtomic(device, 'gone', { force: true });
    expect(lstatSync(device).isCharacterDevice()).to.equal(true);
    writeFileAtomic(device, 'gone again');
    expect(lstatSync(device).isCharacterDevice()).to.equal(true);
  });

  it('refuses a socket and a folder with a clear message', async () => {
    const dir = freshTmpDir('socket');
    const socket = join(dir, 's.sock');
    const server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
    try {
      expect(() => writeFileAtomic(socket, 'x', { force: true })).to.throw(OutputError, /s\.sock is not a regular file \(a socket\); refusing to replace it/);
    } finally {
      server.close();
    }
    expect(() => writeFileAtomic(dir, 'x', { force: true })).to.throw(OutputError, /is a folder; give the name of a file to write/);
  });

  it('says why a path cannot be written (a part of it is a file; a read-only folder), and what to do', () => {
    const dir = freshTmpDir('unwritable');
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeFileAtomic(join(dir, 'file', 'out.csv'), 'x')).to.throw(
      OutputError,
      `out.csv: cannot write it (${join(dir, 'file')} is a file, not a folder, ENOTDIR); give a path whose folders are folders`,
    );
    if (isRoot) return; // root writes into read-only folders
    const readOnly = join(dir, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    expect(() => writeFileAtomic(join(readOnly, 'out.csv'), 'x')).to.throw(OutputError, /permission denied, EACCES\); write it where you may write, or make the folder writable$/);
  });
});

describe('assertWritable', () => {
  it('counts a dangling symbolic link as an existing output', () => {
    const dir = freshTmpDir('dangling');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'gap-report.md'));
    expect(() => assertWritable([join(dir, 'a.json'), join(dir, 'gap-report.md')])).to.throw(OutputExistsError, /gap-report\.md already exists/);
    expect(() => assertWritable([join(dir, 'gap-report.md')], { force: true })).to.not.throw();
  });

  it('names every output of other content, and passes one of the same bytes or one given by its path alone that is not there', () => {
    const dir = freshTmpDir('every');
    for (const name of ['a.json', 'b.json', 'c.json']) writeFileSync(join(dir, name), name);
    const planned = [
      { path: join(dir, 'a.json'), content: 'a.json' },
      { path: join(dir, 'b.json'), content: 'other' },
      { path: join(dir, 'c.json'), content: 'other' },
      join(dir, 'd.json'),
    ];
    expect(existingOutputs(planned)).to.deep.equal([join(dir, 'b.json'), join(dir, 'c.json')]);
    let refused: OutputExistsError | undefined;
    try {
      assertWritable(planned);
    } catch (error) {
      refused = error as OutputExistsError;
    }
    expect([refused?.message, refused?.files]).to.deep.equal([
      `${join(dir, 'b.json')}, ${join(dir, 'c.json')} already exist with other content; pass force: true to overwrite them`,
      [join(dir, 'b.json'), join(dir, 'c.json')],
    ]);
    // A path alone: its content is not known yet, so any file there is one to replace.
    expect(() => assertWritable([join(dir, 'a.json')])).to.throw(OutputExistsError, /a\.json already exists; pass force: true/);
    expect(() => assertWritable(planned, { force: true })).to.not.throw();
  });

  it('refuses a folder among the outputs even with force, before anything is written', () => {
    const dir = freshTmpDir('several');
    expect(() => assertWritable([join(dir, 'a'), dir], { force: true })).to.throw(OutputError, /is a folder/);
  });
});

describe('writeFilesAtomic', () => {
  it('returns the paths it wrote, not those left untouched, and writes none when one differs', () => {
    const dir = freshTmpDir('files');
    writeFileSync(join(dir, 'a.json'), 'A');
    const files = [
      { path: join(dir, 'a.json'), content: 'A' },
      { path: join(dir, 'b.json'), content: 'B' },
    ];
    expect(writeFilesAtomic(files)).to.deep.equal([join(dir, 'b.json')]);
    expect(writeFilesAtomic(files)).to.deep.equal([]);
    writeFileSync(join(dir, 'b.json'), 'mine');
    expect(() => writeFilesAtomic([...files, { path: join(dir, 'c.json'), content: 'C' }])).to.throw(OutputExistsError, /b\.json already exists with other content/);
    expect([readdirSync(dir).sort(), readFileSync(join(dir, 'b.json'), 'utf8')]).to.deep.equal([['a.json', 'b.json'], 'mine']);
  });
});
