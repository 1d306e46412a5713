import { expect } from 'chai';
import { isAttackStages } from '../../lib/suggest/attack-stages.js';

describe('isAttackStages', () => {
  // A passage that ends as a sentence does (`Execution.`) is asked no further, as most of a report's short passages are:
  // the check must still find the stages of headings, labels and cells, whatever marks end them (a label's colon, bold),
  // in ATT&CK's words and in the stages of Mandiant's attack lifecycle (`Establish Foothold`, its ALPHV post of April 2023).
  it('finds stages in headings and labels whatever marks end them, and none in a passage ending as a sentence', () => {
    const stages = ['Initial Access and Execution', 'Establish Foothold', 'Initial Compromise and Establish Foothold', '## Defense Evasion', '**Execution:**', 'Persistence, Privilege Escalation:', 'Command & Control', 'Persistance', 'Ejecución y Persistencia'];
    expect(stages.filter((text) => !isAttackStages(text))).to.deep.equal([]);
    const sentences = ['Execution.', 'Defense Evasion!', 'Initial Access and Execution.', 'Establish Foothold?', 'Complete Mission.', 'Collections'];
    expect(sentences.filter((text) => isAttackStages(text))).to.deep.equal([]);
  });
});
