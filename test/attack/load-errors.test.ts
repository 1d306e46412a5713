import { expect } from 'chai';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackDataError, AttackLayersError, ExitCode, loadAttack, loadAttackFile, UsageError } from '../../lib/index.js';
import { fixtureFile, freshTmpDir, hasStackTrace, runCli, stixFile } from '../helpers/attack.js';

/** A bad release file and what must be said about it. */
interface BadFile {
  label: string;
  make: () => string;
  error: typeof AttackLayersError;
  message: RegExp;
  /** What the CLI says, when it tells more than the library (what kind of file it is instead). */
  cliMessage?: RegExp;
  exitCode: number;
}

function truncatedGzip(): string {
  // Enterprise, so that `technique` (enterprise by default) has to read it.
  const bytes = readFileSync(stixFile('enterprise-attack-18.1.json.gz'));
  const file = join(freshTmpDir('truncated'), 'enterprise-attack-18.1.json.gz');
  writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return file;
}

function copyAs(fixture: string, name: string): string {
  const file = join(freshTmpDir('bad'), name);
  copyFileSync(fixtureFile(fixture), file);
  return file;
}

const badFiles: BadFile[] = [
  { label: 'a truncated .json.gz', make: truncatedGzip, error: AttackDataError, message: /gzip data is corrupt or truncated/, exitCode: 1 },
  {
    label: 'JSON that is not a STIX bundle',
    make: () => copyAs('not-a-bundle.json', 'enterprise-attack-18.1.json'),
    error: AttackDataError,
    message: /not a STIX bundle/,
    cliMessage: /this is an ATT&CK Navigator layer, not an ATT&CK release/,
    exitCode: 1,
  },
  {
    label: 'a STIX bundle with no techniques',
    make: () => copyAs('no-techniques.json', 'enterprise-attack-18.1.json'),
    error: AttackDataError,
    message: /holds no ATT&CK techniques/,
    exitCode: 1,
  },
  {
    label: 'invalid JSON',
    make: () => copyAs('invalid.json', 'enterprise-attack-18.1.json'),
    error: AttackDataError,
    message: /not valid JSON/,
    exitCode: 1,
  },
  {
    label: 'a missing file',
    make: () => join(freshTmpDir('missing'), 'enterprise-attack-18.1.json.gz'),
    error: UsageError,
    message: /cannot read it \(ENOENT\)|no such file/,
    exitCode: 2,
  },
  {
    label: 'a STIX 2.0 file whose name does not say the release',
    make: () => copyAs('enterprise-attack-0.1.json', 'my-attack-export.json'),
    error: AttackDataError,
    message: /names no ATT&CK release.*give the release explicitly \(release\)/,
    cliMessage: /names no ATT&CK release.*give the release explicitly \(--attack-release\)/,
    exitCode: 1,
  },
];

describe('loading a bad release file', () => {
  for (const bad of badFiles) {
    describe(bad.label, () => {
      let file: string;
      before(() => {
        file = bad.make();
      });

      it(`throws ${bad.error.name} naming the file`, () => {
        let caught: unknown;
        try {
          loadAttackFile(file, { cacheDir: freshTmpDir('cache') });
        } catch (error) {
          caught = error;
        }
        expect(caught).to.be.instanceOf(bad.error);
        const error = caught as AttackLayersError;
        expect(error.message).to.match(bad.message);
        expect(error.message).to.contain(file);
        expect(error.message).to.not.contain('\n');
        expect(error.exitCode).to.equal(bad.exitCode);
      });

      it(`makes \`technique T1193 --attack <file>\` exit ${bad.exitCode} with one clear line and no stack trace`, async () => {
        const result = await runCli(['technique', 'T1193', '--attack', file], { XDG_CACHE_HOME: freshTmpDir('xdg') });
        expect(result.code).to.equal(bad.exitCode);
        expect(result.stdout).to.equal('');
        expect(result.stderr).to.match(/^attack-layers technique: /);
        expect(result.stderr).to.contain(file);
        expect(result.stderr).to.match(bad.cliMessage ?? bad.message);
        expect(hasStackTrace(result.stderr)).to.equal(false);
        expect(result.stderr.trim().split('\n')).to.have.length(1);
      });
    });
  }

  it('loads a STIX 2.0 file with an unhelpful name when the release is given', () => {
    const file = copyAs('enterprise-attack-0.1.json', 'my-attack-export.json');
    const index = loadAttackFile(file, { release: '0.1' });
    expect([index.label, index.data.stixVersion]).to.deep.equal(['enterprise-attack 0.1', '2.0']);
  });

  it('reports a missing --attack folder as a usage error', () => {
    const missing = join(freshTmpDir('gone'), 'attack');
    expect(() => loadAttack({ attack: missing })).to.throw(UsageError, missing).with.property('exitCode', ExitCode.usage);
    expect(() => loadAttack({ attack: missing })).to.throw(UsageError).with.property('file', missing);
  });

  it('says how to get data when there is none at all (the snapshot turned off)', () => {
    expect(() => loadAttack({ cacheDir: freshTmpDir('empty-cache'), snapshot: false })).to.throw(AttackDataError, /^no ATT&CK data found: run `fetchRelease`/);
  });
});
