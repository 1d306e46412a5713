import { expect } from 'chai';
import { KNOWN_TACTIC_SHORTNAMES } from '../../lib/attack/known-tactics.js';
import { attackLibrary } from '../layer/attack-data.js';

describe('KNOWN_TACTIC_SHORTNAMES', () => {
  it('holds every tactic of every release of ATTACK_STIX_DIR (enterprise 3.0 to 18.1, mobile, ICS)', () => {
    const library = attackLibrary();
    const files = library.files.filter((file) => file.origin === 'env');
    expect(files.length).to.be.greaterThan(3);
    const missing = files.flatMap((file) => library.load(file).tactics().flatMap((tactic) => (KNOWN_TACTIC_SHORTNAMES.has(tactic.shortname) ? [] : [`${file.path}: ${tactic.shortname}`])));
    expect(missing).to.deep.equal([]);
  });
});
