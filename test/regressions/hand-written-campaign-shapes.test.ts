/**
 * Campaign files as people write them by hand from the formats they know. A technique named by another format's
 * field instead of `ref:` (a Navigator layer's `techniqueID`; DeTT&CT's `technique_id`, rabobank-cdc/DeTTECT
 * `sample-data/groups.yaml`, commit 0938ad2906dc6d3ff8c357b5f4050a99f6f4f76f; Attack Flow Builder's `technique_id`
 * beside the action's `name`, center-for-threat-informed-defense/attack-flow `corpus/Muddy Water.afbx`, commit
 * 40a497241624f357336802d527f1e94e4a492993) was left out ('unknown field "techniqueID" (did you mean "ref"?); the
 * entry is left out'), every entry of the file with it; `techniques:` written as a mapping (of each ID to its fields,
 * or of each tactic to its IDs) refused the whole file ('/techniques: must be a list, not a mapping'). Each has one
 * obvious reading, now taken and said with its line. The campaign texts are in our words.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCampaign } from '../../lib/index.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const HEAD = 'name: Hand written\nactor: APT29\n';

describe('regressions: campaign files in the shapes people write by hand', () => {
  describe("a technique or software named by another format's field instead of ref:", () => {
    const cases: ReadonlyArray<readonly [entry: string, ref: string, says: string]> = [
      ['  - techniqueID: T1566.001\n    tactic: initial-access', 'T1566.001', 'line 4: /techniques/0: techniqueID: "T1566.001" read as ref: "T1566.001"'],
      ['  - technique_id: T1059.001', 'T1059.001', 'line 4: /techniques/0: technique_id: "T1059.001" read as ref: "T1059.001"'],
      ['  - Technique ID: T1071.001', 'T1071.001', 'line 4: /techniques/0: Technique ID: "T1071.001" read as ref: "T1071.001"'],
      ['  - id: T1071.001\n    tactic: Command and Control', 'T1071.001', 'line 4: /techniques/0: id: "T1071.001" read as ref: "T1071.001"'],
      // The name beside the ID is written with it, as a report writes them, so that normalize checks one against the other.
      [
        '  - technique_id: T1528\n    technique_name: "Steal Application Access Token"',
        'Steal Application Access Token (T1528)',
        'line 4: /techniques/0: technique_id: "T1528" and technique_name: "Steal Application Access Token" read as ref: "Steal Application Access Token (T1528)"',
      ],
    ];
    for (const [entry, ref, says] of cases) {
      it(`${JSON.stringify(entry.split('\n')[0]!.trim())}: read as ref ${ref}, the repair said`, () => {
        const campaign = parseCampaign(`${HEAD}techniques:\n${entry}\n`, 'c.yaml');
        expect(campaign.techniques.map((t) => [t.ref, t.line])).to.deep.equal([[ref, 4]]);
        expect(campaign.repairs).to.have.length(1);
        expect(campaign.repairs![0]).to.include(says);
        expect(campaign.leftOut).to.equal(undefined);
      });
    }

    it('software: software_id with its name', () => {
      const campaign = parseCampaign(`${HEAD}techniques: [T1059]\nsoftware:\n  - software_id: S0154\n    name: Cobalt Strike\n`, 'c.yaml');
      expect(campaign.software.map((s) => s.ref)).to.deep.equal(['Cobalt Strike (S0154)']);
    });

    it('an id that holds no ATT&CK ID, or two such fields, is still left out with the schema\'s words', () => {
      const campaign = parseCampaign(`${HEAD}techniques:\n  - id: 7\n  - techniqueID: T1059\n    technique_id: T1059.001\n  - T1105\n`, 'c.yaml');
      expect(campaign.techniques.map((t) => t.ref)).to.deep.equal(['T1105']);
      expect(campaign.repairs).to.equal(undefined);
      expect(campaign.leftOut?.map((issue) => issue.message)).to.include('unknown field "id" (did you mean "ref"?); the entry is left out: ' +
        'write the technique as the report writes it ("- T1059.001"), or a mapping with ref: and the fields tactic, confidence, score, comment, evidence, source, report, platforms');
    });
  });

  describe('techniques: written as a mapping', () => {
    it('of each technique to its fields (or to nothing): one entry per key, at its line', () => {
      const campaign = parseCampaign(`${HEAD}techniques:\n  T1566.001:\n    tactic: Initial Access\n    confidence: high\n  T1059.001: {}\n  T1071.001:\n`, 'c.yaml');
      expect(campaign.techniques.map((t) => [t.ref, t.line, t.tactics])).to.deep.equal([
        ['T1566.001', 4, ['Initial Access']],
        ['T1059.001', 7, []],
        ['T1071.001', 8, []],
      ]);
      expect(campaign.repairs).to.deep.equal([
        'line 3: /techniques: a mapping of each technique to its fields, read as a list of them (write each as a list item: - ref: T1566.001, its fields below it)',
      ]);
    });

    it('of each tactic to its techniques: each technique an entry with that tactic, at its line', () => {
      const campaign = parseCampaign(`${HEAD}techniques:\n  Initial Access:\n    - T1566.001\n  Execution: [T1059.001, {ref: T1204.002, confidence: low}]\n`, 'c.yaml');
      expect(campaign.techniques.map((t) => [t.ref, t.line, t.tactics])).to.deep.equal([
        ['T1566.001', 5, ['Initial Access']],
        ['T1059.001', 6, ['Execution']],
        ['T1204.002', 6, ['Execution']],
      ]);
      expect(campaign.repairs).to.have.length(1);
      expect(campaign.repairs![0]).to.match(/^line 3: \/techniques: a mapping of each tactic to its techniques, read as a list of them, each with its tactic/);
    });

    // The same shapes in JSON, each entry at the line JSON reading gives it.
    it('in JSON, of each technique to its fields (or to nothing), as in YAML', () => {
      const json = ['{', '  "name": "Hand written",', '  "techniques": {', '    "T1566.001": { "tactic": "Initial Access" },', '    "T1059.001": {},', '    "T1071.001": null', '  }', '}', ''].join('\n');
      const campaign = parseCampaign(json, 'c.json');
      expect(campaign.techniques.map((t) => [t.ref, t.line, t.tactics])).to.deep.equal([
        ['T1566.001', 4, ['Initial Access']],
        ['T1059.001', 5, []],
        ['T1071.001', 6, []],
      ]);
      expect(campaign.repairs).to.deep.equal([
        'line 3: /techniques: a mapping of each technique to its fields, read as a list of them (write "techniques" as a list: [{"ref": "T1566.001", its fields beside it}])',
      ]);
    });

    it('in JSON, of each tactic to its techniques, as in YAML; validate reads it as a campaign', async () => {
      const json = ['{', '  "name": "Hand written",', '  "techniques": {', '    "Initial Access": ["T1566.001"],', '    "Execution": [', '      "T1059.001",', '      "T9999"', '    ]', '  }', '}', ''].join('\n');
      const campaign = parseCampaign(json, 'c.json');
      expect(campaign.techniques.map((t) => [t.ref, t.line, t.tactics])).to.deep.equal([
        ['T1566.001', 4, ['Initial Access']],
        ['T1059.001', 6, ['Execution']],
        ['T9999', 7, ['Execution']],
      ]);
      expect(campaign.repairs).to.have.length(1);
      expect(campaign.repairs![0]).to.match(/^line 3: \/techniques: a mapping of each tactic to its techniques, read as a list of them, each with its tactic \(write "techniques" as a list/);
      // Before: read as a layer ("/techniques: must be array"; "the layer does not follow the Navigator layer format").
      const file = join(freshTmpDir('json-mapping'), 'c.json');
      writeFileSync(file, json);
      const result = await runCli(['validate', file]);
      expect(result.code).to.equal(1);
      expect(result.stdout).to.include(`warning: repaired: ${file}:3: /techniques: a mapping of each tactic`).and.include(`error: unknown-technique: ${file}:7: /techniques/2: "T9999"`);
      expect(result.stdout).to.not.include('must be array');
    });

    it('a mapping with no one reading (an ID beside a tactic, an ID given a text) is still refused, at its line', () => {
      for (const body of ['  T1566.001:\n    tactic: Initial Access\n  Execution: [T1059.001]\n', '  T1566.001: Initial Access\n', '  Execution: T1059.001\n']) {
        expect(() => parseCampaign(`${HEAD}techniques:\n${body}`, 'c.yaml')).to.throw(/line 4, \/techniques: must be a list, not a mapping/);
      }
    });
  });

  // Confidence words written by hand. Those of one level on the scale are read so, as STIX 2.1's confidence scales
  // (OASIS STIX 2.1, Appendix A; ruby-stix2's Stix2::ConfidenceScale lists them: None/Low/Med/High, Admiralty
  // credibility "Confirmed by other sources" 90, WEP "Certain" 100 and "Likely/Probable" 70) read them; before, each
  // entry was left out and a top-level one refused the file ('must be low, medium or high, ..., not the string "High"').
  describe('confidence written as a word', () => {
    const read: ReadonlyArray<readonly [word: string, level: string | number]> = [
      ['High', 'high'],
      [' LOW ', 'low'],
      ['med', 'medium'],
      ['moderate', 'medium'],
      ['confirmed', 'high'],
      ['Certain', 100],
    ];
    for (const [word, level] of read) {
      it(`${JSON.stringify(word)} is read as ${JSON.stringify(level)}, the repair said at its line`, () => {
        const campaign = parseCampaign(`${HEAD}techniques:\n  - ref: T1059.001\n    confidence: ${JSON.stringify(word)}\n`, 'c.yaml');
        expect(campaign.techniques.map((t) => [t.ref, t.confidence])).to.deep.equal([['T1059.001', level]]);
        expect(campaign.repairs).to.deep.equal([
          `line 5: /techniques/0/confidence: ${JSON.stringify(word)} read as ${JSON.stringify(level)} (write confidence: ${String(level)}; the scale is low, medium, high or a number from 0 to 100)`,
        ]);
      });
    }

    it("the campaign's own confidence too, in JSON as in YAML", () => {
      const campaign = parseCampaign('{\n  "name": "C",\n  "confidence": "Confirmed",\n  "techniques": ["T1059.001"]\n}\n', 'c.json');
      expect(campaign.confidence).to.equal('high');
      expect(campaign.repairs).to.deep.equal(['line 3: /confidence: "Confirmed" read as "high" (write confidence: high; the scale is low, medium, high or a number from 0 to 100)']);
    });

    it('a word between levels (likely, possible, suspected) is none of them: the entry is left out saying so, and the campaign\'s own is left out too', () => {
      const campaign = parseCampaign(`${HEAD}techniques:\n  - ref: T1059.001\n    confidence: likely\n  - ref: T1105\n    confidence: possible\n  - ref: T1071\n    confidence: suspected\n  - T1566.001\n`, 'c.yaml');
      expect(campaign.techniques.map((t) => t.ref)).to.deep.equal(['T1566.001']);
      expect(campaign.leftOut?.map((issue) => [issue.line, issue.message.split('; the entry')[0]])).to.deep.equal(
        (['likely', 'possible', 'suspected'] as const).map((word, i) => [
          5 + 2 * i,
          `must be low, medium or high, or a whole number from 0 to 100, not the string "${word}" (a word of no one level, as likely, possible or suspected are: write the level or number meant)`,
        ]),
      );
      // The campaign's own was refused with the whole file before; now the rest is read, the field left out.
      const own = parseCampaign(`${HEAD}confidence: likely\ntechniques: [T1059]\n`, 'c.yaml');
      expect([own.confidence, own.techniques.map((t) => t.ref)]).to.deep.equal([undefined, ['T1059']]);
      expect(own.leftOut?.map((issue) => `${issue.line} ${issue.path}: ${issue.message}`)).to.deep.equal([
        '3 /confidence: must be low, medium or high, or a whole number from 0 to 100, not the string "likely" (a word of no one level, as likely, possible or suspected are: write the level or number meant); the field is left out, read as not given: write low, medium, high or a number from 0 to 100 (confidence: medium)',
      ]);
    });

    it('scores on the scale: confirmed scores as high (90), certain 100', async () => {
      const dir = freshTmpDir('confidence-words');
      const file = join(dir, 'c.yaml');
      writeFileSync(file, `${HEAD}techniques:\n  - ref: T1059.001\n    confidence: confirmed\n  - ref: T1566.001\n    confidence: certain\n`);
      const result = await runCli(['render', file, '--out', join(dir, 'layers'), '--score', 'confidence', '--quiet']);
      expect(result.code, result.stderr).to.equal(0);
      const layer = JSON.parse(readFileSync(join(dir, 'layers', 'c.layer.json'), 'utf8')) as { techniques: Array<{ techniqueID: string; score?: number }> };
      const scores = Object.fromEntries(layer.techniques.filter((t) => t.score !== undefined).map((t) => [t.techniqueID, t.score]));
      expect(scores).to.deep.equal({ 'T1059.001': 90, 'T1566.001': 100 });
    });
  });
});
