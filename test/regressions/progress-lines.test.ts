/**
 * Long work shows progress on stderr in a terminal only, and leaves none behind: render of a folder of campaigns said
 * nothing for the seconds of reading and normalizing them (14 s for 300), extract of a report of megabytes nothing for
 * minutes (268 s for 20 MB), and an error met while a release loaded was written after the progress line on one line
 * (`loading ATT&CK bad.json: parsing (…)attack-layers technique: bad.json:1: not valid JSON …`). A file or pipe gets
 * no progress, and stdout is the same either way. The terminal is the `isTTY` the CLI honours on the streams run() gets.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { freshCacheHome, freshTmpDir, repoRoot, stixDir, testCacheDir } from '../helpers/attack.js';

const CLEAR = '\r\u001b[K';

/** Run the CLI with a stderr that says whether it is a terminal; stderr is kept as the chunks written. */
async function runOn(argv: string[], isTTY: boolean, cacheHome = dirname(testCacheDir())): Promise<{ code: number; stdout: string; chunks: string[] }> {
  const { run } = await import('../../lib/cli/run.js');
  let stdout = '';
  const chunks: string[] = [];
  const code = await run(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { isTTY, write: (chunk: string) => chunks.push(chunk) },
    env: { ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: cacheHome },
    cwd: repoRoot,
  });
  return { code, stdout, chunks };
}

/**
 * The progress lines drawn, after checking that a terminal is left as it should be: each line drawn is followed by
 * another, or cleared, before anything else is written, and none is left drawn at the end.
 */
function progressLines(chunks: readonly string[]): string[] {
  const drawn = chunks.map((chunk) => (chunk.startsWith(CLEAR) && !chunk.includes('\n') ? chunk.slice(CLEAR.length) : undefined));
  chunks.forEach((chunk, i) => {
    if (!drawn[i - 1]) return;
    expect(chunk.startsWith(CLEAR), `after the progress line "${drawn[i - 1]}" came ${JSON.stringify(chunk)} on the same line`).to.equal(true);
  });
  expect(drawn.at(-1) ?? '', 'a progress line left at the end').to.equal('');
  return drawn.filter((line): line is string => !!line);
}

describe('progress lines', () => {
  it('render shows each campaign read and normalized in a terminal, none in a pipe, and writes the same', async () => {
    const folder = freshTmpDir('progress-campaigns');
    for (const [i, file] of ['apt32-covid19-wuhan.yaml', 'temp-periscope-cambodia-2018.yaml', 'apt32-covid19-wuhan.yaml'].entries()) {
      const text = readFileSync(join(repoRoot, 'campaigns', file), 'utf8');
      writeFileSync(join(folder, `${i}-${file}`), i === 2 ? text.replace(/^name: (.*)$/m, 'name: $1 (again)') : text);
    }
    const [ttyOut, pipeOut] = [freshTmpDir('progress-tty'), freshTmpDir('progress-pipe')];
    const tty = await runOn(['render', folder, '--out', ttyOut], true);
    const piped = await runOn(['render', folder, '--out', pipeOut], false);
    expect([tty.code, piped.code]).to.deep.equal([0, 0]);
    const lines = progressLines(tty.chunks);
    expect(lines).to.include(`reading campaign 1/3: ${join(folder, '0-apt32-covid19-wuhan.yaml')}`);
    expect(lines).to.include(`normalizing campaign 3/3: ${join(folder, '2-apt32-covid19-wuhan.yaml')}`);
    expect(lines.slice(-2)).to.deep.equal(['rendering 3 layers', `writing 3 layers into ${ttyOut}`]);
    expect(piped.chunks.join('')).to.not.match(/[\r\u001b]/);
    expect(piped.chunks.join('')).to.equal(tty.chunks.filter((chunk) => !chunk.startsWith(CLEAR) || chunk.includes('\n')).join('').replaceAll(CLEAR, ''));
    expect(tty.stdout.replaceAll(ttyOut, 'OUT')).to.equal(piped.stdout.replaceAll(pipeOut, 'OUT'));
    const files = readdirSync(ttyOut).sort();
    expect(files).to.have.length(3);
    for (const file of files) expect(readFileSync(join(ttyOut, file), 'utf8')).to.equal(readFileSync(join(pipeOut, file), 'utf8'));
  });

  it('extract says which report it reads, and how big, in a terminal only', async () => {
    const report = join(freshTmpDir('progress-report'), 'report.txt');
    // In our words, as a vendor's report writes its techniques.
    writeFileSync(report, 'APT32 sent spearphishing attachments (T1566.001) and ran PowerShell (T1059.001) from a scheduled task (T1053.005).\n');
    const tty = await runOn(['extract', report], true);
    const piped = await runOn(['extract', report], false);
    expect([tty.code, piped.code]).to.deep.equal([0, 0]);
    // 115 bytes were said (0.0 MB), which says nothing of the report.
    expect(progressLines(tty.chunks)).to.include(`reading ${report} (115 bytes): technique references, groups and software`);
    expect(piped.chunks.join('')).to.not.match(/[\r\u001b]/);
    expect(piped.chunks.join('')).to.include(`3 technique references, 1 ATT&CK group, software or campaign found in ${report}`);
    expect(tty.stdout).to.equal(piped.stdout);
  });

  it('extract of several reports counts them', async () => {
    const folder = freshTmpDir('progress-reports');
    const [first, second] = [join(folder, 'vendor-a.txt'), join(folder, 'vendor-b.txt')];
    writeFileSync(first, 'The actor ran PowerShell (T1059.001).\n');
    writeFileSync(second, 'It then dumped LSASS memory (T1003.001).\n');
    const tty = await runOn(['extract', first, second, '--name', 'one campaign'], true);
    const piped = await runOn(['extract', first, second, '--name', 'one campaign'], false);
    expect([tty.code, piped.code]).to.deep.equal([0, 0]);
    expect(progressLines(tty.chunks)).to.include(`reading ${second} (41 bytes): technique references, groups and software (report 2/2)`);
    expect(piped.chunks.join('')).to.not.match(/[\r\u001b]/);
    expect(tty.stdout).to.equal(piped.stdout);
  });

  it('extract --suggest says, on a first run, that it builds the suggestion model, then clears the line', async () => {
    const report = join(freshTmpDir('progress-suggest'), 'report.txt');
    // In our words: an Android implant, so that the model built is the small Mobile one.
    writeFileSync(report, 'The implant records audio from the microphone (T1429). It also reads the contact list of the phone.\n');
    const cacheHome = freshCacheHome('progress-suggest-cache');
    const tty = await runOn(['extract', report, '--suggest', '--domain', 'mobile'], true, cacheHome);
    expect(tty.code).to.equal(0);
    expect(progressLines(tty.chunks)).to.include('building the suggestion model of mobile-attack 18.1 (once per release)');
    // The model is cached now: a second run draws no such line; neither does a pipe.
    const again = await runOn(['extract', report, '--suggest', '--domain', 'mobile'], true, cacheHome);
    expect(progressLines(again.chunks).join('\n')).to.not.include('building');
    const piped = await runOn(['extract', report, '--suggest', '--domain', 'mobile'], false, freshCacheHome('progress-suggest-pipe'));
    expect(piped.chunks.join('')).to.not.match(/[\r\u001b]|building/);
    expect([again.stdout, piped.stdout]).to.deep.equal([tty.stdout, tty.stdout]);
  });

  it('an error met while a release loads starts its own line, after the progress line is cleared', async () => {
    const folder = freshTmpDir('progress-bad-release');
    // A release cut short, as a download that stopped leaves it: the first bytes of ATT&CK 18.1.
    const bad = join(folder, 'enterprise-attack-18.1.json');
    copyFileSync(join(stixDir(), 'enterprise-attack-18.1.json.gz'), `${bad}.gz`);
    const { gunzipSync } = await import('node:zlib');
    writeFileSync(bad, gunzipSync(readFileSync(`${bad}.gz`)).subarray(0, 50_000));
    const cacheHome = join(folder, 'cache');
    mkdirSync(cacheHome);
    const tty = await runOn(['technique', 'T1059', '--attack', bad], true, cacheHome);
    expect(tty.code).to.equal(1);
    expect(progressLines(tty.chunks)).to.include('loading ATT&CK enterprise-attack-18.1.json: parsing (the first time only: the index is cached)');
    expect(tty.chunks.join('')).to.match(/\r\u001b\[Kattack-layers technique: [^\n]*enterprise-attack-18\.1\.json:1: not valid JSON/);
    const piped = await runOn(['technique', 'T1059', '--attack', bad], false, cacheHome);
    expect(piped.code).to.equal(1);
    expect(piped.chunks.join('')).to.match(/^attack-layers technique: [^\n]*not valid JSON[^\n]*\n$/);
  });
});
