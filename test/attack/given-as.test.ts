import { expect } from 'chai';
import { join } from 'node:path';
import { AttackLibrary, loadAttack, noData } from '../../lib/index.js';
import { freshTmpDir, messageOf, runCli, stixDir } from '../helpers/attack.js';

// A library caller passed an option, not a flag: `loadAttack({ attack: '/x' })` said `(given as --attack)` and told it
// to `leave --attack out`; the messages now name what each caller gave (`givenAs`), the option names by default.
describe('AttackLibrary: the words its messages name the places searched with (givenAs)', () => {
  const none = { cacheDir: false, snapshot: false } as const;

  it('names the attack option to a library caller, --attack to the CLI, for a path that is nothing', async () => {
    const missing = join(freshTmpDir('given-as'), 'enterprise-attack-18.1.json');
    expect(messageOf(() => loadAttack({ attack: missing, ...none }))).to.equal(
      `${missing}: no such file or folder (given as attack); check the path, or leave attack out to use ATT&CK data found elsewhere (see \`AttackLibrary.files\`)`,
    );
    const result = await runCli(['technique', 'T1059', '--attack', missing]);
    expect([result.code, result.stderr]).to.deep.equal([
      2,
      `attack-layers technique: ${missing}: no such file or folder (given as --attack); check the path, or leave --attack out to use ATT&CK data found elsewhere (see \`attack-layers data list\`)\n`,
    ]);
  });

  it('names the envDir option to a library caller, ATTACK_STIX_DIR to the CLI, for a folder that is not there', async () => {
    const missing = join(freshTmpDir('given-as'), 'attack-stix');
    expect(messageOf(() => new AttackLibrary({ envDir: missing, ...none }))).to.equal(
      `${missing}: no such file or folder (given as envDir); point envDir at a folder of release files, or unset it to use the cache or the snapshot shipped with attack-layers`,
    );
    const result = await runCli(['technique', 'T1059'], { ATTACK_STIX_DIR: missing });
    expect(result.stderr).to.contain('(given as ATTACK_STIX_DIR); point ATTACK_STIX_DIR at a folder of release files');
  });

  it('names the option of a folder that holds no release', async () => {
    const empty = freshTmpDir('given-as-empty');
    expect(messageOf(() => new AttackLibrary({ attack: empty, ...none }))).to.match(/^.*: no ATT&CK release file in this folder \(given as attack\); /);
    expect(messageOf(() => new AttackLibrary({ envDir: empty, ...none }))).to.match(/\(given as envDir\); /);
    expect(messageOf(() => new AttackLibrary({ envDir: empty, ...none, givenAs: { envDir: 'STIX_HOME' } }))).to.match(/\(given as STIX_HOME\); /);
    const result = await runCli(['technique', 'T1059', '--attack', empty]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/\(given as --attack\); /);
  });

  it('says where it searched for a release not at hand in the caller\'s words', async () => {
    const dir = stixDir();
    const message = messageOf(() => loadAttack({ envDir: dir, ...none, release: '99.0' }));
    expect(message).to.match(/^ATT&CK enterprise-attack 99\.0 is not available \(have: .*18\.1.*\); run `fetchRelease\(\{ version: '99\.0' \}\)` or point attack at the file$/);
    const result = await runCli(['technique', 'T1059', '--attack-release', '99.0']);
    expect(result.stderr).to.match(/run `attack-layers data fetch --attack-release 99\.0` or point --attack at the file\n$/);
  });

  it('says each way to get ATT&CK data with the option names, or with the words given', () => {
    expect(messageOf(() => new AttackLibrary(none).release())).to.equal(
      'no ATT&CK data found: run `fetchRelease` (downloads the newest enterprise release into the cache), ' +
        'or `addRelease`, or pass attack <file|dir>, or set envDir to a folder of release files',
    );
    expect(noData({ attack: '--attack', envDir: 'ATTACK_STIX_DIR' }).message).to.match(/or pass --attack <file\|dir>, or set ATTACK_STIX_DIR to a folder/);
  });
});
