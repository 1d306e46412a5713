import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import type { Campaign } from '../../lib/campaign/campaign-types.js';
import { buildCampaign, parseCampaign, readCampaign, type CampaignInput } from '../../lib/campaign/read-campaign.js';
import { SchemaValidationError } from '../../lib/errors.js';
import { repoRoot } from '../helpers/attack.js';
import { thrown } from '../helpers/thrown.js';

/** A campaign without the line numbers a file gives (a value in code has none). */
function withoutLines(campaign: Campaign): unknown {
  return JSON.parse(JSON.stringify(campaign, (key, value: unknown) => (key === 'line' || key === 'column' ? undefined : value)));
}

/** Problems and repairs as said of a value: a file's `line 12: ` and `line 12, ` left out. */
const withoutLine = (text: string): string => text.replace(/\bline \d+(, column \d+)?(: |, )/g, '');

// The APT32 campaign's title and evidence are those of campaigns/apt32-covid19-wuhan.yaml (FireEye's report, 2020-04-22).
describe('campaign/buildCampaign', () => {
  it('gives the Campaign the reader gives for the same YAML: strings and mappings of techniques, sources', () => {
    const yaml = [
      'name: APT32 targets Wuhan government (COVID-19)',
      'sources:',
      '  - title: Vietnamese Threat Actors APT32 Targeting Wuhan Government and Chinese Ministry of Emergency Management in Latest Example of COVID-19 Related Espionage (FireEye, 2020-04-22)',
      'techniques:',
      '  - T1566.001',
      '  - ref: Regsvr32',
      '    tactic: Defense Evasion',
      '    evidence: METALJACKローダー、krpt.dll(MD5:d739f10933c11bd6db9677f91893986c)がロードされると、エクスポート「_force_link_krpt」が呼び出されるようです。',
      '',
    ].join('\n');
    const built = buildCampaign(
      {
        name: 'APT32 targets Wuhan government (COVID-19)',
        sources: [{ title: 'Vietnamese Threat Actors APT32 Targeting Wuhan Government and Chinese Ministry of Emergency Management in Latest Example of COVID-19 Related Espionage (FireEye, 2020-04-22)' }],
        techniques: ['T1566.001', { ref: 'Regsvr32', tactic: 'Defense Evasion', evidence: 'METALJACKローダー、krpt.dll(MD5:d739f10933c11bd6db9677f91893986c)がロードされると、エクスポート「_force_link_krpt」が呼び出されるようです。' }],
      },
      { file: 'apt32.yaml' },
    );
    expect(built).to.deep.equal(withoutLines(parseCampaign(yaml, 'apt32.yaml')));
    expect(built.techniques[1]).to.deep.equal({ ref: 'Regsvr32', tactics: ['Defense Evasion'], evidence: 'METALJACKローダー、krpt.dll(MD5:d739f10933c11bd6db9677f91893986c)がロードされると、エクスポート「_force_link_krpt」が呼び出されるようです。', path: '/techniques/1' });
  });

  const files = [
    join(repoRoot, 'campaigns/apt32-covid19-wuhan.yaml'),
    join(repoRoot, 'campaigns/temp-periscope-cambodia-2018.yaml'),
    join(repoRoot, 'test/fixtures/campaigns/every-field.yaml'),
    join(repoRoot, 'test/fixtures/campaigns/ics-mobile/triton.yaml'),
  ];
  for (const file of files) {
    it(`gives the Campaign readCampaign gives for ${basename(file)}, from its YAML's value`, () => {
      const value = parseYaml(readFileSync(file, 'utf8')) as CampaignInput;
      expect(buildCampaign(value, { file })).to.deep.equal(withoutLines(readCampaign(file)));
    });
  }

  it('takes its id from its name without a file, as from standard input', () => {
    expect(buildCampaign({ name: 'Operation X', techniques: ['T1059'] })).to.include({ file: '<campaign>', id: 'Operation X' });
  });

  it('does not change the value it is given, and reads a field given as undefined as not given', () => {
    const input: CampaignInput = { name: 'x', confidence: 'High' as 'high', description: undefined, techniques: [{ ref: 'T1059', tactic: 'execution,' }] };
    const copy = structuredClone(input);
    const campaign = buildCampaign(input);
    expect(input).to.deep.equal(copy);
    expect(campaign).to.not.have.property('description');
    expect(campaign.confidence).to.equal('high');
  });

  // The same problems in YAML and in code: the reader's messages, each at its place in the value instead of its line.
  const bad: [string, CampaignInput, string][] = [
    [
      'an entry of a wrong type is left out, the rest read',
      { name: 'x', techniques: ['T1059', 1486 as unknown as string, { ref: 'T1566.001', tactic: 5 as unknown as string }] },
      'name: x\ntechniques:\n  - T1059\n  - 1486\n  - ref: T1566.001\n    tactic: 5\n',
    ],
    ['an unknown field of an entry, with the one meant', { name: 'x', techniques: [{ ref: 'T1059', tactics: ['Execution'] } as unknown as string] }, 'name: x\ntechniques:\n  - ref: T1059\n    tactics: [Execution]\n'],
    ['repairs: a confidence word, a trailing comma', { name: 'x', confidence: 'High' as 'high', techniques: ['T1059,'] }, 'name: x\nconfidence: High\ntechniques:\n  - T1059,\n'],
  ];
  for (const [what, input, yaml] of bad) {
    it(`says what the reader says of YAML, by place instead of line: ${what}`, () => {
      const read = parseCampaign(yaml, 'c.yaml');
      const built = buildCampaign(input, { file: 'c.yaml' });
      expect(built.leftOut ?? [], 'left out').to.deep.equal((read.leftOut ?? []).map(({ line: _line, column: _column, ...rest }) => rest));
      expect(built.repairs ?? [], 'repairs').to.deep.equal((read.repairs ?? []).map(withoutLine));
      expect(built).to.deep.equal({ ...(withoutLines(read) as Campaign), ...(read.repairs ? { repairs: read.repairs.map(withoutLine) } : {}) });
    });
  }

  it('refuses a value the reader refuses as a file, with the same problems in the same order, named by place', () => {
    const yaml = 'name: x\ndomain: pre-attack\nsoftware: {infer: true}\ntechniques: [T1059]\n';
    const fromFile = thrown(() => parseCampaign(yaml, 'c.yaml')) as SchemaValidationError;
    const fromCode = thrown(() =>
      buildCampaign({ name: 'x', domain: 'pre-attack' as 'enterprise', software: { infer: true } as unknown as string[], techniques: ['T1059'] }),
    ) as SchemaValidationError;
    expect(fromCode).to.be.instanceOf(SchemaValidationError);
    expect(fromCode.issues).to.deep.equal(fromFile.issues.map(({ line: _line, column: _column, ...rest }) => rest));
    expect(fromFile.message).to.equal(
      'c.yaml: not a valid campaign file: line 2, /domain: must be one of "enterprise-attack", "mobile-attack", "ics-attack", "enterprise", "mobile", "ics" (and 1 more problem)',
    );
    expect(fromCode.message).to.equal(
      '<campaign>: not a valid campaign: /domain: must be one of "enterprise-attack", "mobile-attack", "ics-attack", "enterprise", "mobile", "ics" (and 1 more problem)',
    );
  });
});
