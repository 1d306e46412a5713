import { expect } from 'chai';
import { editDistance } from '../../lib/name-distance.js';
import { loadRelease } from '../helpers/attack.js';

/** The optimal string alignment distance in full, with no limit and no shortcut: what editDistance must agree with. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('agrees with the full distance within its limit, and says only "over" beyond it (ATT&CK 18.1 names against typos and phrases)', () => {
    const names = loadRelease('18.1').allTechniques().map((t) => t.name.toLowerCase());
    // Typos of names (a letter dropped, doubled, swapped, replaced; one beyond ASCII), and phrases no technique has.
    const texts = [
      'spearphising link', 'powershel', 'email colection', 'scheduled tsak', 'dll side-loadnig', 'credentail dumping',
      'windows management instrumantation', 'pass the hashh', 'rundll32', 'host number', 'ran a command on host number',
      'übertragung von daten', 'the actor sent a phishing email', 'xyz',
    ];
    let over = 0;
    for (const text of texts) {
      for (const name of names) {
        const full = fullDistance(text, name);
        for (const limit of [0, 1, 2, 3, 5, 9]) {
          const limited = editDistance(text, name, limit);
          if (full <= limit) expect(limited, `${text} / ${name} within ${limit}`).to.equal(full);
          else {
            expect(limited, `${text} / ${name} beyond ${limit}`).to.be.above(limit);
            over++;
          }
        }
        expect(editDistance(text, name), `${text} / ${name} with no limit`).to.equal(full);
      }
    }
    expect(over).to.be.above(0);
  });
});
