import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { resolveCoverage } from '../../lib/coverage/gap-review.js';
import { parseQradarMappings } from '../../lib/coverage/read-qradar-mappings.js';
import { kindOfValue } from '../../lib/input-kind.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';

describe('parseQradarMappings (QRadar Use Case Manager rule mappings)', () => {
  // The shape of the Use Case Manager's rule mappings as QRadar's SOAR integrations return them ("Get Rule MITRE
  // Coverage": { rulename, id, mapping: { tactic: { confidence, enabled, id, techniques: { name: { … } } } } }).
  const mappings = [
    {
      rulename: 'Excessive Database Connections',
      id: 'SYSTEM-1458',
      has_ibm_default: true,
      mapping: { Discovery: { confidence: 'medium', user_override: false, enabled: true, ibm_default: true, id: 'TA0007', techniques: {} } },
      'min-mitre-version': 7,
    },
    {
      rulename: 'Phishing mail opened',
      id: '4897fd3d-d623-4727-83a5-1e0c36c1a6a5',
      mapping: {
        'Initial Access': {
          confidence: 'medium',
          enabled: true,
          id: 'TA0001',
          techniques: {
            'Spearphishing Link': { confidence: 'medium', enabled: true, id: 'T1xxxx', parentTechniqueName: 'Phishing' },
            'Valid Accounts': { confidence: 'high', enabled: true, id: 'T1078' },
            'Drive-by Compromise': { confidence: 'low', enabled: false, id: 'T1189' },
          },
        },
      },
      'min-mitre-version': 7,
    },
  ];
  const text = JSON.stringify(mappings, null, 2);
  const input = parseQradarMappings(mappings, text, 'mappings.json');

  it('is told from other JSON by its rulename and mapping', () => {
    expect(kindOfValue(mappings)).to.equal('qradar-mappings');
    expect(kindOfValue([{ rulename: 'x' }])).to.equal(undefined);
  });

  it('reads each enabled technique mapping by its id, else by its parent and name, weighed by its confidence, one rule per confidence', () => {
    expect(input.counts).to.deep.equal({ items: 3, rules: 2, ignored: 1, invalid: 0 });
    expect(input.rules.map((rule) => [rule.name, rule.line, rule.refs.map((ref) => ref.raw), rule.levelReason, rule.tactics])).to.deep.equal([
      ['Phishing mail opened', 19, ['T1078'], 'qradar rule mapping, confidence high -> 1', ['Initial Access']],
      ['Phishing mail opened', 19, ['Phishing: Spearphishing Link'], 'qradar rule mapping, confidence medium -> 0.75', ['Initial Access']],
    ]);
    expect(input.ignored).to.deep.equal([{ file: 'mappings.json', line: 3, name: 'Excessive Database Connections', reason: 'no ATT&CK technique (tactics only: Discovery)' }]);
    expect(input.notes).to.deep.equal(["mappings.json: QRadar's rule mappings say nothing of whether a rule is enabled: every mapped rule counts"]);
  });

  it('covers T1078 and T1566.002 of enterprise-attack 18.1, the latter by its name, and not the disabled T1189', () => {
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const resolved = resolveCoverage([input], library.release('enterprise-attack', '18.1'));
    expect(resolved.rules.map((r) => r.ids)).to.deep.equal([['T1078'], ['T1566.002']]);
  });
});
