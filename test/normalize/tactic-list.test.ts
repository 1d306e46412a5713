import { expect } from 'chai';
import { splitTacticList, tacticsWithin } from '../../lib/normalize/tactic-list.js';

const TACTICS = new Set(['persistence', 'privilege escalation', 'command and control', 'exfiltration', 'defense evasion']);
const isTactic = (part: string): boolean => TACTICS.has(part.toLowerCase().replace(/\s*&\s*/g, ' and '));

describe('splitTacticList', () => {
  const rows: Array<[written: string, parts: string[]]> = [
    ['Persistence, Privilege Escalation', ['Persistence', 'Privilege Escalation']],
    ['Persistence and Privilege Escalation', ['Persistence', 'Privilege Escalation']],
    ['Defense Evasion/Persistence', ['Defense Evasion', 'Persistence']],
    ['Persistence | Privilege Escalation + Exfiltration', ['Persistence', 'Privilege Escalation', 'Exfiltration']],
    ['Command and Control', ['Command and Control']],
    ['Command & Control', ['Command & Control']],
    ['Exfiltration and Command and Control', ['Exfiltration', 'Command and Control']],
    ['Command and Control/Exfiltration; Persistence', ['Command and Control', 'Exfiltration', 'Persistence']],
    // A joiner between parts that are not all tactics is no list: the item stays whole, for the caller to read or refuse.
    ['N/A', ['N/A']],
    ['Persistence and Foo', ['Persistence and Foo']],
    ['Persistence, Foo/Bar', ['Persistence', 'Foo/Bar']],
  ];
  for (const [written, parts] of rows) {
    it(`reads ${JSON.stringify(written)} as ${JSON.stringify(parts)}`, () => {
      expect(splitTacticList(written, isTactic)).to.deep.equal({ parts, ambiguous: [] });
    });
  }

  it('guesses nothing where the pieces group into tactics in two ways', () => {
    const known = new Set(['a', 'b', 'a and b', 'c']);
    expect(splitTacticList('A and B, C', (part) => known.has(part.toLowerCase()))).to.deep.equal({
      parts: ['C'],
      ambiguous: [{ text: 'A and B', readings: [['A', 'B'], ['A and B']] }],
    });
  });

  it('names the tactics that joiners make of text that is no list (Persistence in Persistence and Foo), the longest first', () => {
    expect(tacticsWithin('Persistence and Foo', isTactic)).to.deep.equal(['Persistence']);
    expect(tacticsWithin('Foo & Command and Control', isTactic)).to.deep.equal(['Command and Control']);
    expect(tacticsWithin('N/A', isTactic)).to.deep.equal([]);
    expect(tacticsWithin('Command and Control', isTactic)).to.deep.equal([]);
  });
});
