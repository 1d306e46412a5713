import { join } from 'node:path';
import { expect } from 'chai';
import { cachePath } from '../../lib/attack/cache-path.js';
import { AttackDataError } from '../../lib/errors.js';
import { releaseFileName } from '../../lib/attack/release-files.js';
import type { Domain } from '../../lib/attack/types.js';

describe('cachePath', () => {
  it('joins plain names under the cache folder', () => {
    expect(cachePath('/c/attack-layers', 'index', 'x.v6.json')).to.equal(join('/c/attack-layers', 'index', 'x.v6.json'));
  });

  for (const name of ['..', '.', '', '../../x/pwn.json.gz', 'a/b', 'a\\b', 'enterprise-attack-../../x.json', 'x\u0000.json']) {
    it(`refuses ${JSON.stringify(name)}, which could lead outside the cache`, () => {
      expect(() => cachePath('/c/attack-layers', name)).to.throw(AttackDataError, /refusing to write outside it/);
    });
  }
});

describe('releaseFileName', () => {
  it('refuses a release that is not a number like 18.1, and a domain that is not an ATT&CK domain', () => {
    expect(releaseFileName('ics-attack', '17.1', true)).to.equal('ics-attack-17.1.json.gz');
    expect(() => releaseFileName('enterprise-attack', '../../../../x/pwn', false)).to.throw(AttackDataError, /not an ATT&CK release number/);
    expect(() => releaseFileName('../x' as Domain, '18.1', false)).to.throw(AttackDataError, /not an ATT&CK domain/);
  });
});
