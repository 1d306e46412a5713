/**
 * Runs the ```sh commands of the README and docs/ as a reader runs them, each as scripts/readme-commands.plans.ts says (a few minutes:
 * `npm run readme-commands`, after `npm run build`; ATTACK_STIX_DIR defaults to ../shared/attack-stix). One test per
 * command; the skipped ones are listed first with why.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freshTmpDir, repoRoot, stixDir, testCacheDir } from '../test/helpers/attack.js';
import { commands, PLANS, placeFile, shownOutputProblems, type Run } from './readme-commands.plans.js';

describe("the ```sh commands of the README and docs/, run as a reader runs them", function () {
  this.timeout(300_000);
  const dir = freshTmpDir('readme-commands');
  const out = freshTmpDir('readme-commands-tmp');
  const home = freshTmpDir('readme-commands-home');
  const bin = freshTmpDir('readme-commands-bin');

  before(() => {
    for (const folder of ['campaigns', 'layers', 'test/fixtures']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
    writeFileSync(join(bin, 'attack-layers'), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'dist/cli/main.js')}" "$@"\n`);
    chmodSync(join(bin, 'attack-layers'), 0o755);
  });

  /** Runs a command line as the README's reader does: /bin/sh in the copy, the bin on PATH; /tmp/ is the test's. */
  const sh = (command: string): Run => {
    const result = spawnSync('/bin/sh', ['-c', command.replace(/\/tmp\//g, `${out}/`)], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env['PATH']}`, HOME: home, XDG_CACHE_HOME: dirname(testCacheDir()), ATTACK_STIX_DIR: stixDir() },
      timeout: 240_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  // What a command writes into campaigns/ or layers/ (the extract lines' skeletons, the red team's layer of its own
  // ATT&CK data) is the reader's own, not the next command's input: `upgrade layers/ --check` checks the layers the
  // repository commits, which a layer of T9001 would make stale.
  afterEach(() => {
    for (const folder of ['campaigns', 'layers']) {
      const kept = new Set(readdirSync(join(repoRoot, folder)));
      for (const name of readdirSync(join(dir, folder))) if (!kept.has(name)) rmSync(join(dir, folder, name), { recursive: true });
    }
  });

  it('skips only commands that need the network, install globally, or name files nobody has', () => {
    const skipped = commands.flatMap(({ file, line, command }) => {
      const plan = PLANS[command];
      return plan && 'skip' in plan ? [`${file}:${line}: ${command}: ${plan.skip}`] : [];
    });
    console.log(skipped.map((text) => `      skipped ${text}`).join('\n'));
    expect(skipped.length).to.be.below(commands.length / 3);
  });

  for (const { file, line, command, comment, output } of commands) {
    const plan = PLANS[command];
    if (!plan || 'skip' in plan) continue;
    it(`${file}:${line}: ${command}${comment ? `   # ${comment}` : ''}`, () => {
      for (const [name, source] of Object.entries(plan.files ?? {})) placeFile(dir, name, source);
      for (const setUp of plan.before ?? []) expect(sh(setUp).code, setUp).to.equal(0);
      const run = sh(plan.run ?? command);
      expect(run.code, run.stderr).to.equal(plan.code ?? 0);
      // the output the documentation shows after the command: each line, in order (`…` for what it leaves out)
      expect(shownOutputProblems(output, run), `${file}:${line} shows lines the command does not print:\n${run.stdout}${run.stderr}`).to.deep.equal([]);
      plan.check?.(run, dir, sh);
    });
  }
});
