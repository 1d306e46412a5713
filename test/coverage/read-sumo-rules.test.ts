import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { resolveCoverage } from '../../lib/coverage/gap-review.js';
import { parseSumoRules } from '../../lib/coverage/read-sumo-rules.js';
import { kindOfValue } from '../../lib/input-kind.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';

describe('parseSumoRules (Sumo Logic Cloud SIEM rules)', () => {
  // The shape of GET /sec/v1/rules ({ data: { objects } }, camelCase) and of the content catalog's audit/rules.json
  // (rules by id, snake_case, enabled_by_default), as SumoLogic/cloud-siem-content-catalog writes them.
  const rule = (name: string, tags: string[], extra: Record<string, unknown> = {}) => ({ name, enabled: true, isPrototype: false, scoreMapping: { default: 3, type: 'constant' }, tags, ...extra });
  const api = {
    data: {
      objects: [
        rule('AWS CloudTrail - Aggressive Reconnaissance', ['_mitreAttackTactic:TA0007', '_mitreAttackTechnique:T1087', '_mitreAttackTechnique:T1087.004'], { isPrototype: true }),
        rule('Suspicious AWS Lambda Enumeration', ['_mitreAttackTactic:TA0007', '_mitreAttackTechnique:T1526'], { scoreMapping: { default: 8 } }),
        rule('RDP Traffic to Unexpected Host', ['_mitreAttackTechnique:T1021.001'], { enabled: false }),
        rule('Suspicious K8s Enumeration', []),
        rule('Suspicious Lateral Movement', ['_mitreAttackTactic:TA0008']),
      ],
    },
  };
  const text = JSON.stringify(api, null, 2);
  const input = parseSumoRules(api, text, 'rules.json');

  it('is told from other JSON: the API list, a list, and the catalog by id', () => {
    const catalog = { 'AGGREGATION-S00003': { name: 'Suspicious AWS Lambda Enumeration', enabled_by_default: true, score_mapping: { default: 3 }, tags: ['_mitreAttackTechnique:T1526'] } };
    expect([api, api.data.objects, catalog].map(kindOfValue)).to.deep.equal(['sumo-rules', 'sumo-rules', 'sumo-rules']);
    expect(kindOfValue({ data: { objects: [{ name: 'x', tags: [] }] } })).to.equal(undefined);
    expect(parseSumoRules(catalog, JSON.stringify(catalog), 'catalog.json').notes?.[0]).to.match(/^catalog\.json: read as Sumo Logic's content catalog/);
  });

  it('reads each enabled rule: technique tags (a parent through its tagged sub-technique), severity / 10, a prototype 0.25', () => {
    expect(input.counts).to.deep.equal({ items: 5, rules: 2, ignored: 3, invalid: 0 });
    expect(input.rules.map((r) => [r.name, r.refs.map((ref) => ref.raw), r.levelReason, r.tactics])).to.deep.equal([
      ['AWS CloudTrail - Aggressive Reconnaissance', ['T1087.004'], 'sumo prototype rule (its signals count toward no insight) -> 0.25', ['TA0007']],
      ['Suspicious AWS Lambda Enumeration', ['T1526'], 'sumo severity 8 / 10 -> 0.8', ['TA0007']],
    ]);
    expect(input.ignored.map((i) => [i.name, i.reason])).to.deep.equal([
      ['RDP Traffic to Unexpected Host', 'disabled in Cloud SIEM (enabled: false)'],
      ['Suspicious K8s Enumeration', 'no ATT&CK technique'],
      ['Suspicious Lateral Movement', 'no ATT&CK technique (tactics only: TA0008)'],
    ]);
  });

  it("gives each rule of the catalog the line of its name, a name Python's json.dumps escaped and a name two rules share alike", () => {
    // audit/rules.json is written by Python's json.dumps (4 spaces, sorted keys, non-ASCII as \\u escapes); its 3.5 MB
    // hold rules whose names repeat (a rule and its variant). Each line was the first holding the name as JSON.stringify
    // writes it: none for the escaped name, the first rule's for the second of a name.
    const text = [
      '{',
      '    "MATCH-S00101": {',
      '        "enabled_by_default": true,',
      '        "name": "Attacker\\u2019s Tool Downloaded",',
      '        "score_mapping": {',
      '            "default": 5',
      '        },',
      '        "tags": [',
      '            "_mitreAttackTechnique:T1105"',
      '        ]',
      '    },',
      '    "MATCH-S00102": {',
      '        "enabled_by_default": true,',
      '        "name": "Suspicious AWS Lambda Enumeration",',
      '        "score_mapping": {',
      '            "default": 3',
      '        },',
      '        "tags": [',
      '            "_mitreAttackTechnique:T1526"',
      '        ]',
      '    },',
      '    "THRESHOLD-S00103": {',
      '        "enabled_by_default": true,',
      '        "name": "Suspicious AWS Lambda Enumeration",',
      '        "score_mapping": {',
      '            "default": 6',
      '        },',
      '        "tags": [',
      '            "_mitreAttackTechnique:T1526"',
      '        ]',
      '    }',
      '}',
      '',
    ].join('\n');
    const catalog = parseSumoRules(JSON.parse(text), text, 'rules.json');
    expect(catalog.rules.map((r) => [r.name, r.line, r.refs.map((ref) => ref.line)])).to.deep.equal([
      ['Attacker\u2019s Tool Downloaded', 4, [4]],
      ['Suspicious AWS Lambda Enumeration', 14, [14]],
      ['Suspicious AWS Lambda Enumeration', 24, [24]],
    ]);
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const resolved = resolveCoverage([catalog], library.release('enterprise-attack', '18.1'));
    expect(resolved.rules.map((r) => r.ids)).to.deep.equal([['T1105'], ['T1526'], ['T1526']]);
  });

  it("reads a first seen rule, which has a score of its own and no score mapping (the catalog's FIRST-S… rules)", () => {
    // A minimal reconstruction of two entries of SumoLogic/cloud-siem-content-catalog audit/rules.json (as of
    // 08eada2e): an aggregation rule scores its signals in `score_mapping`, a first seen rule (content_type ANOMALY)
    // in `score`. The repository states no licence, so its text is not copied; names, tags and scores are as it writes them.
    const catalog = {
      'AGGREGATION-S00003': { enabled_by_default: true, is_prototype: false, name: 'Suspicious AWS Lambda Enumeration', pattern_type: 'aggregation', score_mapping: { default: 3, type: 'constant' }, tags: ['_mitreAttackTactic:TA0007', '_mitreAttackTechnique:T1526'] },
      'FIRST-S00020': { content_type: 'ANOMALY', enabled_by_default: true, is_prototype: false, name: 'First Seen Azure OAUTH Application Consent from User', pattern_type: 'first_seen', score: 3, tags: ['_mitreAttackTactic:TA0008', '_mitreAttackTechnique:T1550.001'] },
    };
    expect(kindOfValue({ 'FIRST-S00020': catalog['FIRST-S00020'] })).to.equal('sumo-rules');
    const read = parseSumoRules(catalog, JSON.stringify(catalog, null, 4), 'rules.json');
    expect(read.counts).to.deep.equal({ items: 2, rules: 2, ignored: 0, invalid: 0 });
    expect(read.rules.map((r) => [r.name, r.refs.map((ref) => ref.raw), r.levelReason])).to.deep.equal([
      ['Suspicious AWS Lambda Enumeration', ['T1526'], 'sumo severity 3 / 10 -> 0.3'],
      ['First Seen Azure OAUTH Application Consent from User', ['T1550.001'], 'sumo severity 3 / 10 -> 0.3'],
    ]);
    expect(read.problems).to.deep.equal([]);
  });

  it('covers T1087.004 and T1526 of enterprise-attack 18.1', () => {
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const resolved = resolveCoverage([input], library.release('enterprise-attack', '18.1'));
    expect(resolved.rules.map((r) => r.ids)).to.deep.equal([['T1087.004'], ['T1526']]);
  });
});
