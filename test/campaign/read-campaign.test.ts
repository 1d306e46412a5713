import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Campaign } from '../../lib/campaign/campaign-types.js';
import { parseCampaign, readCampaign, readCampaigns, readCampaignsLeavingOut } from '../../lib/campaign/read-campaign.js';
import { suggestField } from '../../lib/campaign/suggest-field.js';
import { InputError, SchemaValidationError, UsageError, type Issue } from '../../lib/errors.js';
import { schemaIssues, schemaUrl } from '../../lib/schemas.js';
import { freshTmpDir, loadRelease, repoRoot } from '../helpers/attack.js';
import { thrown } from '../helpers/thrown.js';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/campaigns', name);
const campaignsDir = join(repoRoot, 'campaigns');
const seed = (name: string) => readFileSync(join(repoRoot, '../shared/seeds', name), 'utf8');

/** The issues of the SchemaValidationError that parsing `text` throws. */
function issuesOf(text: string, file = 'c.yaml'): readonly Issue[] {
  const error = thrown(() => parseCampaign(text, file));
  expect(error).to.be.instanceOf(SchemaValidationError);
  return (error as SchemaValidationError).issues;
}

/** Whether a JSON path is inside an entry of techniques, software or sources (a problem there leaves the entry out). */
const inEntry = (path: string): boolean => /^\/(techniques|software|sources)\/\d+/.test(path);

/**
 * The problems of `text`: the issues of the SchemaValidationError it throws, or, when none is thrown, the entries it
 * left out, each with the message of its problem alone (without what to write instead).
 */
function problemsOf(text: string, file = 'c.yaml'): readonly Issue[] {
  let campaign: Campaign;
  try {
    campaign = parseCampaign(text, file);
  } catch {
    return issuesOf(text, file);
  }
  expect(campaign.leftOut, 'left out entries').to.not.equal(undefined);
  return campaign.leftOut!.map((entry) => ({ ...entry, message: entry.message.replace(/; the entry is left out(: .*)?$/, '') }));
}

/** A campaign without the line numbers, to compare YAML and JSON readings. */
function withoutLines(campaign: Campaign): unknown {
  return JSON.parse(JSON.stringify(campaign, (key, value: unknown) => (key === 'line' ? undefined : value)));
}

describe('campaign/read-campaign', () => {
  describe('parseCampaign', () => {
    it('reads the minimal example: a name and techniques as strings or {ref, tactic}', () => {
      const text = [
        'name: APT32 targets Wuhan government (COVID-19)',
        'techniques:',
        '  - Spearphishing Attachment (T1193)',
        '  - ref: Regsvr32 (T1117)',
        '    tactic: [Execution, Defense Evasion]',
        '',
      ].join('\n');
      expect(parseCampaign(text, 'campaigns/apt32.yaml')).to.deep.equal({
        file: 'campaigns/apt32.yaml',
        id: 'apt32',
        name: 'APT32 targets Wuhan government (COVID-19)',
        sources: [],
        domain: 'enterprise-attack',
        platforms: [],
        tags: [],
        techniques: [
          { ref: 'Spearphishing Attachment (T1193)', tactics: [], line: 3, path: '/techniques/0' },
          { ref: 'Regsvr32 (T1117)', tactics: ['Execution', 'Defense Evasion'], line: 4, path: '/techniques/1' },
        ],
        software: [],
      } satisfies Campaign);
    });

    it('reads every field of a YAML file into the camelCase model', () => {
      const file = fixture('every-field.yaml');
      expect(readCampaign(file)).to.deep.equal({
        file,
        id: 'every-field-campaign',
        name: 'Every field',
        description: 'A campaign that uses every field.',
        actor: { ref: 'OceanLotus', line: 4 },
        firstSeen: '2019',
        lastSeen: '2020-04',
        published: '2020-04-22',
        sources: [
          { url: 'https://example.com/report' },
          { url: 'https://example.com/other', title: 'The other report' },
          { title: 'A report with no URL' },
        ],
        domain: 'enterprise-attack',
        attackVersion: '6.3',
        confidence: 80,
        platforms: ['Windows', 'Linux'],
        tags: ['test', 'every-field'],
        techniques: [
          { ref: 'T1193', tactics: [], line: 20, path: '/techniques/0' },
          {
            ref: 'Regsvr32 (T1117)',
            tactics: ['Execution', 'defense-evasion'],
            confidence: 'high',
            score: 42,
            comment: 'A comment.',
            evidence: "The report's words.",
            source: 'table 1',
            platforms: ['Windows'],
            line: 21,
            path: '/techniques/1',
          },
          { ref: 'Custom Command and\nControl Protocol (T1094)', tactics: ['Command and Control'], line: 29, path: '/techniques/2' },
        ],
        software: [
          { ref: 'S0227', infer: true, line: 34, path: '/software/0' },
          { ref: 'AIRBREAK', comment: 'Sent by email.', infer: true, line: 35, path: '/software/1' },
          { ref: 'HTRAN', infer: false, line: 37, path: '/software/2' },
        ],
        compareWith: [
          { ref: 'C0021', line: 40, path: '/compare_with/0' },
          { ref: 'APT29', line: 41, path: '/compare_with/1' },
        ],
      } satisfies Campaign);
    });

    it('reads the same campaign from JSON, with the lines of the JSON file', () => {
      const yaml = readCampaign(fixture('every-field.yaml'));
      const json = readCampaign(fixture('every-field.json'));
      expect(withoutLines(json)).to.deep.equal(withoutLines({ ...yaml, file: fixture('every-field.json') }));
      expect(json.actor?.line).to.equal(4);
      expect(json.techniques.map((t) => t.line)).to.deep.equal([20, 21, 31]);
    });

    it('reads compare_with written as one string as a list of one, with its line', () => {
      expect(parseCampaign('name: x\ncompare_with: APT29\n', 'c.yaml').compareWith).to.deep.equal([{ ref: 'APT29', line: 2, path: '/compare_with' }]);
      expect(problemsOf('name: x\ncompare_with: []\n').map((i) => i.path)).to.deep.equal(['/compare_with']);
    });

    it('takes the id from the file name when the file has none', () => {
      expect(parseCampaign('name: x\n', 'some/dir/apt-29.campaign.yml').id).to.equal('apt-29.campaign');
      expect(parseCampaign('{"name": "x"}', 'C.json').id).to.equal('C');
      expect(parseCampaign('name: x\nid: given\n', 'file.yaml').id).to.equal('given');
    });

    it('keeps a multi-line ref as written (a wrapped table cell)', () => {
      const text = 'name: x\ntechniques:\n  - |-\n    Spearphishing\n    Attachment (T1193)\n  - Standard Cryptographic\n    Protocol (T1032)\n';
      expect(parseCampaign(text, 'c.yaml').techniques.map((t) => t.ref)).to.deep.equal([
        'Spearphishing\nAttachment (T1193)',
        'Standard Cryptographic Protocol (T1032)',
      ]);
    });

    it('leaves the campaign confidence to the caller instead of copying it into entries', () => {
      const campaign = parseCampaign('name: x\nconfidence: low\ntechniques: [T1193, {ref: T1192, confidence: 90}]\n', 'c.yaml');
      expect(campaign.confidence).to.equal('low');
      expect(campaign.techniques.map((t) => t.confidence)).to.deep.equal([undefined, 90]);
    });

    it('resolves a few ordinary YAML aliases', () => {
      const text = 'name: x\ntechniques:\n  - ref: T1117\n    tactic: &both [Execution, Defense Evasion]\n  - ref: T1085\n    tactic: *both\n';
      expect(parseCampaign(text, 'c.yaml').techniques.map((t) => t.tactics)).to.deep.equal([
        ['Execution', 'Defense Evasion'],
        ['Execution', 'Defense Evasion'],
      ]);
    });

    it("finds a report: naming none of the sources at the report: key's line, or a list item's own, matching url or title case and spacing aside", () => {
      const text = [
        'name: x',
        'sources:',
        '  - url: https://hunt.io/malware-families/volt-typhoon-apt',
        '    title: Volt Typhoon APT (hunt.io)',
        'techniques:',
        '  - ref: T1078',
        '    tactic: Initial Access',
        '    report: CISA AA24-038A',
        '  - ref: T1190',
        '    report:',
        '      - "volt  typhoon APT (HUNT.IO)"',
        '      - HTTPS://HUNT.IO/malware-families/volt-typhoon-apt',
        '      - deceiver.io',
        '',
      ].join('\n');
      const campaign = parseCampaign(text, 'c.yaml');
      expect(campaign.unknownReports?.map(({ path, line, report }) => ({ path, line, report }))).to.deep.equal([
        { path: '/techniques/0/report', line: 8, report: 'CISA AA24-038A' },
        { path: '/techniques/1/report/2', line: 13, report: 'deceiver.io' },
      ]);
      expect(campaign.unknownReports?.[0]?.message).to.match(/^"CISA AA24-038A" is the url or title of none of the campaign's sources \("Volt Typhoon APT \(hunt\.io\)"\)/);
      expect(parseCampaign('name: x\ntechniques:\n  - ref: T1078\n', 'c.yaml')).to.not.have.property('unknownReports');
    });

    describe('reads attack_version and dates exactly as written, numbers included', () => {
      const rows: [field: string, written: string, expected: string][] = [
        ['attack_version', '6.3', '6.3'],
        ['attack_version', '10.10', '10.10'],
        ['attack_version', '"8.2"', '8.2'],
        ['attack_version', '18.1', '18.1'],
        ['attack_version', '12', '12'],
        ['first_seen', '2020', '2020'],
        ['first_seen', '2020-04', '2020-04'],
        ['last_seen', '2020-04-22', '2020-04-22'],
        ['published', '"2018"', '2018'],
      ];
      const model: Record<string, keyof Campaign> = {
        attack_version: 'attackVersion',
        first_seen: 'firstSeen',
        last_seen: 'lastSeen',
        published: 'published',
      };
      for (const [field, written, expected] of rows) {
        it(`${field}: ${written} -> "${expected}" (YAML${/^\d{4}-/.test(written) ? '' : ' and JSON'})`, () => {
          const key = model[field]!;
          expect(parseCampaign(`name: x\n${field}: ${written}\n`, 'c.yaml')[key]).to.equal(expected);
          // Unquoted dates are YAML only; JSON gets the rows that are JSON values.
          if (!/^\d{4}-/.test(written)) expect(parseCampaign(`{"name": "x", "${field}": ${written}}`, 'c.json')[key]).to.equal(expected);
        });
      }
    });

    describe('names malformed values with the field, its line and what is expected: refusing the file, or leaving out the entry they are in', () => {
      const rows: [label: string, text: string, path: string, line: number, message: RegExp][] = [
        ['a tactic that is a mapping', 'name: x\ntechniques:\n  - T1\n  - ref: T2\n    tactic: {a: 1}\n', '/techniques/1/tactic', 5, /must be a string or a list, not a mapping/],
        // One text of IDs (`techniques: T1193`) is read as its parts, with a warning (test/regressions/broken-campaign-files).
        ['techniques given as one string of names', 'name: x\ntechniques: User Execution, Regsvr32\n', '/techniques', 2, /must be a list, not the string "User Execution, Regsvr32"/],
        ['a number as a ref', 'name: x\ntechniques:\n  - ref: 1193\n', '/techniques/0/ref', 3, /must be a string, not the number 1193/],
        ['a blank technique', 'name: x\ntechniques:\n  - T1\n  - "  "\n', '/techniques/1', 4, /must not be blank/],
        ['a confidence word that is not one', 'name: x\nconfidence: sure\n', '/confidence', 2, /low, medium or high, or a whole number from 0 to 100/],
        ['a confidence above 100', 'name: x\ntechniques:\n  - {ref: T1, confidence: 101}\n', '/techniques/0/confidence', 3, /from 0 to 100, not the number 101/],
        ['a month 13', 'name: x\nfirst_seen: 2020-13\n', '/first_seen', 2, /must be a date written YYYY-MM-DD, YYYY-MM or YYYY/],
        // 2020/04/22, year first, is read as 2020-04-22 (test/regressions/campaign-every-field-wrong.test.ts); day first is not.
        ['a date with slashes, day first', 'name: x\npublished: 22/04/2020\n', '/published', 2, /must be a date/],
        ['a version with a v', 'name: x\nattack_version: v6.3\n', '/attack_version', 2, /ATT&CK release written like "6.3"/],
        ['an unknown domain', 'name: x\ndomain: pre-attack\n', '/domain', 2, /must be one of "enterprise-attack", "mobile-attack", "ics-attack", "enterprise", "mobile", "ics"/],
        // A source that is text, no address (`- FireEye blog`), is read as its title (test/regressions/campaign-source-urls.test.ts).
        ['a source that is a URL with a space inside', 'name: x\nsources:\n  - https://www.fireeye.com/blog/threat research/apt32.html\n', '/sources/0', 3, /must be a URL; for a title write \{title: \.\.\.\}/],
        ['an empty source', 'name: x\nsources:\n  - {}\n', '/sources/0', 3, /must give at least one field/],
        // yes, no, on and off are read as true or false (below); another word is not.
        ['infer that is not a boolean', 'name: x\nsoftware:\n  - ref: HTRAN\n    infer: maybe\n', '/software/0/infer', 4, /must be true or false, not the string "maybe"/],
        ['a score that is text', 'name: x\ntechniques:\n  - ref: T1\n    score: high\n', '/techniques/0/score', 4, /must be a number/],
        // An empty tactic (`tactic:`) is read as none (test/regressions/campaign-every-field-wrong.test.ts).
        ['a tactic that is a mapping', 'name: x\ntechniques:\n  - ref: T1\n    tactic: {a: 1}\n', '/techniques/0/tactic', 4, /must be a string or a list, not a mapping/],
        ['a missing name', 'techniques: [T1]\n', '/', 1, /missing required field "name"/],
        ['a missing ref', 'name: x\ntechniques:\n  - tactic: Execution\n', '/techniques/0', 3, /missing required field "ref"/],
      ];
      // A value of a field a campaign can be read without leaves that field out.
      const fieldOut = (path: string) => /^\/\w+$/.test(path) && !['/name', '/techniques', '/domain'].includes(path);
      for (const [label, text, path, line, message] of rows) {
        it(`${label}${inEntry(path) ? ' (the entry left out)' : fieldOut(path) ? ' (the field left out)' : ''}`, () => {
          const problems = inEntry(path) || fieldOut(path) ? problemsOf(text) : issuesOf(text);
          const issue = problems.find((i) => i.path === path);
          expect(issue, JSON.stringify(problems)).to.not.equal(undefined);
          expect(issue!.line).to.equal(line);
          expect(issue!.message).to.match(message);
        });
      }
    });

    // A date written as people say it refused the whole campaign before; now the field alone is left out, saying what
    // to write where the text says which date it is, and the campaign is read.
    it('leaves out a top-level field whose value cannot be read, saying at its line what to write, and reads the rest', () => {
      const text = 'name: x\npublished: July 2018\nfirst_seen: Q3 2018\nlast_seen: 07/08/2018\nconfidence: sure\ntechniques:\n  - T1566.001\nsoftware: [S0154]\n';
      const campaign = parseCampaign(text, 'c.yaml');
      expect([campaign.published, campaign.firstSeen, campaign.lastSeen, campaign.confidence]).to.deep.equal([undefined, undefined, undefined, undefined]);
      expect([campaign.techniques.map((t) => t.ref), campaign.software.map((s) => s.ref)]).to.deep.equal([['T1566.001'], ['S0154']]);
      expect(campaign.leftOut!.map((entry) => `${entry.line} ${entry.path}: ${entry.message.replace(/^.*; the field is left out, read as not given: /, '')}`)).to.deep.equal([
        '2 /published: write published: 2018-07, if "July 2018" is that date',
        '3 /first_seen: write first_seen: 2018-07, if "Q3 2018" is that date',
        '4 /last_seen: write last_seen: 2018-08-07 (day first) or 2018-07-08 (month first), whichever is meant',
        '5 /confidence: write low, medium, high or a number from 0 to 100 (confidence: medium)',
      ]);
      expect(parseCampaign('name: x\npublished: 13/07/2018\n', 'c.yaml').leftOut![0]!.message).to.match(/write published: 2018-07-13, if "13\/07\/2018" is that date$/);
    });

    it('refuses a file whose name, techniques or domain cannot be read, listing every problem', () => {
      for (const [written, path] of [['name: [a, b]', '/name'], ['techniques: {a: 1}', '/techniques'], ['domain: pre-attack', '/domain']] as const) {
        const text = `${written.startsWith('name') ? '' : 'name: x\n'}${written}\npublished: July 2018\n${written.startsWith('techniques') ? '' : 'techniques: [T1059]\n'}`;
        expect(issuesOf(text).map((issue) => issue.path)).to.deep.equal([path, '/published']);
      }
    });

    it('says its repairs in the order of the file, each at its line and JSON pointer, whatever their kinds', () => {
      const text = [
        'name: x',
        'confidence: High',
        'techniques:',
        '  - ref: T1204,',
        '    Tactic: Execution',
        '  - Acquire Infrastructure: Virtual Private Server',
        'software:',
        '  - ref: HTRAN',
        '    infer: no',
        'published: 2018/07/13',
        'platforms: Windows, Linux',
        '',
      ].join('\n');
      const repairs = parseCampaign(text, 'c.yaml').repairs!;
      expect(repairs.map((repair) => /^line (\d+): (\/\S*): /.exec(repair)?.slice(1, 3).join(' '))).to.deep.equal([
        '2 /confidence',
        '4 /techniques/0/ref',
        '5 /techniques/0/Tactic',
        '6 /techniques/1',
        '9 /software/0/infer',
        '10 /published',
        '11 /platforms',
      ]);
      expect(repairs[1]).to.equal('line 4: /techniques/0/ref: "T1204," read as "T1204" (a reference ends in ",", left from a list; write ref: T1204)');
    });

    // YAML 1.2 reads yes, no, on and off as text: a file written for YAML 1.1 (PyYAML's default) means true or false by them.
    it("reads a software's infer written yes, no, on or off (any case) as true or false, saying so at its line", () => {
      const text = 'name: x\nsoftware:\n  - ref: S0154\n    infer: yes\n  - ref: HTRAN\n    infer: No\n  - ref: S0002\n    infer: "off"\n  - ref: S0003\n    infer: ON\n';
      const campaign = parseCampaign(text, 'c.yaml');
      expect(campaign.software.map((s) => [s.ref, s.infer])).to.deep.equal([['S0154', true], ['HTRAN', false], ['S0002', false], ['S0003', true]]);
      expect(campaign.repairs).to.deep.equal([
        'line 4: /software/0/infer: "yes" read as true (YAML 1.1\'s word for true, which YAML 1.2 reads as text; write infer: true)',
        'line 6: /software/1/infer: "No" read as false (YAML 1.1\'s word for false, which YAML 1.2 reads as text; write infer: false)',
        'line 8: /software/2/infer: "off" read as false (false in quotes, which is text; write infer: false)',
        'line 10: /software/3/infer: "ON" read as true (YAML 1.1\'s word for true, which YAML 1.2 reads as text; write infer: true)',
      ]);
      expect(campaign.leftOut).to.equal(undefined);
    });

    it('repairs an entry value with one obvious reading and says so with its line: a one-item list, a number in quotes', () => {
      const text = 'name: x\ntechniques:\n  - ref: [T1059]\n  - [T1105]\n  - ref: T1027\n    score: "3"\n    tactic: [Execution]\n';
      const campaign = parseCampaign(text, 'c.yaml');
      expect(campaign.techniques.map((t) => [t.ref, t.score, t.line, t.path])).to.deep.equal([
        ['T1059', undefined, 3, '/techniques/0'],
        ['T1105', undefined, 4, '/techniques/1'],
        ['T1027', 3, 5, '/techniques/2'],
      ]);
      expect(campaign.repairs).to.deep.equal([
        'line 3: /techniques/0/ref: ["T1059"] read as "T1059" (a list of one item where one value goes; write the item alone)',
        'line 4: /techniques/1: ["T1105"] read as "T1105" (a list of one item where one value goes; write the item alone)',
        'line 6: /techniques/2/score: "3" read as 3 (a number in quotes where a number goes; write it without quotes)',
      ]);
      expect(campaign.leftOut).to.equal(undefined);
    });

    // An analyst's campaign of CISA AA22-321A (Hive) quoted the advisory's two sentences on Impair Defenses as a list
    // of evidence: the technique was left out of the layer for it. Two references in ref stay two: left out.
    it('reads a list of texts in a field of free text (evidence, comment, source) as its lines, not in ref', () => {
      const text = 'name: x\ntechniques:\n  - ref: T1562.001\n    evidence:\n      - stops antivirus processes\n      - stops backup processes\n    source: [Technical Details, Table 1]\n  - ref: [T1059, T1105]\n';
      const campaign = parseCampaign(text, 'c.yaml');
      expect(campaign.techniques.map((t) => [t.ref, t.evidence, t.source])).to.deep.equal([
        ['T1562.001', 'stops antivirus processes\nstops backup processes', 'Technical Details\nTable 1'],
      ]);
      expect(campaign.repairs).to.deep.equal([
        'line 5: /techniques/0/evidence: ["stops antivirus processes","stops backup processes"] read as "stops antivirus processes\\nstops backup processes" (a list of texts where one text goes: read as its lines; write them as a block, evidence: | and one per line)',
        'line 7: /techniques/0/source: ["Technical Details","Table 1"] read as "Technical Details\\nTable 1" (a list of texts where one text goes: read as its lines; write them as a block, source: | and one per line)',
      ]);
      expect(campaign.leftOut!.map((entry) => entry.path)).to.deep.equal(['/techniques/1/ref']);
    });

    // An analyst typing the IDs of an advisory's ATT&CK table drops the T: YAML reads `1486` as a number (and
    // `1059.010` as 1059.01, `0800` as 800). The entry is left out, saying the ID to write, digits as written.
    it('says to write the T of a technique written as a number, with its digits as written', () => {
      const text = 'name: x\ntechniques:\n  - 1486\n  - ref: 1059.010\n  - ref: 0800\n  - 12\n';
      expect(problemsOf(text).map((issue) => `${issue.line} ${issue.path}: ${issue.message}`)).to.deep.equal([
        '3 /techniques/0: must be a string or a mapping, not the number 1486 (an ATT&CK ID starts with T: write T1486)',
        '4 /techniques/1/ref: must be a string, not the number 1059.010 (an ATT&CK ID starts with T: write T1059.010)',
        '5 /techniques/2/ref: must be a string, not the number 0800 (an ATT&CK ID starts with T: write T0800)',
        '6 /techniques/3: must be a string or a mapping, not the number 12',
      ]);
    });

    it('leaves out an entry with no obvious repair, the others keeping their paths and lines, and says what to write instead', () => {
      const text = 'name: x\ntechniques:\n  - T1566.001\n  - ref: [T1059, T1105]\n  - T1105\nsoftware:\n  - ref: S0154\n    infer: "perhaps"\n  - S0002\nsources:\n  - [A blog post, another]\n';
      const json = JSON.stringify({
        name: 'x',
        techniques: ['T1566.001', { ref: ['T1059', 'T1105'] }, 'T1105'],
        software: [{ ref: 'S0154', infer: 'perhaps' }, 'S0002'],
        sources: [['A blog post', 'another']],
      });
      for (const [file, written] of [['c.yaml', text], ['c.json', json]] as const) {
        const campaign = parseCampaign(written, file);
        expect(campaign.techniques.map((t) => [t.ref, t.path])).to.deep.equal([['T1566.001', '/techniques/0'], ['T1105', '/techniques/2']]);
        expect(campaign.software.map((t) => [t.ref, t.path])).to.deep.equal([['S0002', '/software/1']]);
        expect(campaign.sources).to.deep.equal([]);
        expect(campaign.leftOut!.map((entry) => entry.path).sort()).to.deep.equal(['/software/0/infer', '/sources/0', '/techniques/1/ref']);
        if (file === 'c.yaml') {
          expect(campaign.techniques.map((t) => t.line)).to.deep.equal([3, 5]);
          expect(campaign.leftOut!.map((entry) => entry.line)).to.deep.equal([4, 8, 11]);
        }
      }
      const [technique] = parseCampaign(text, 'c.yaml').leftOut!;
      expect(technique!.message).to.equal(
        'must be a string, not a list; the entry is left out: write the technique as the report writes it ("- T1059.001"), ' +
          'or a mapping with ref: and the fields tactic, confidence, score, comment, evidence, source, report, platforms',
      );
    });

    it('reads compare_with, platforms and tags item by item too: a one-item list repaired, a mapping left out', () => {
      const campaign = parseCampaign('name: x\ncompare_with: [G0050, {id: C0021}]\nplatforms: [Windows, [Linux]]\ntags: [a, {b: 1}, c]\n', 'c.yaml');
      expect(campaign.compareWith).to.deep.equal([{ ref: 'G0050', line: 2, path: '/compare_with/0' }]);
      expect(campaign.platforms).to.deep.equal(['Windows', 'Linux']);
      expect(campaign.tags).to.deep.equal(['a', 'c']);
      expect(campaign.repairs).to.deep.equal(['line 3: /platforms/1: ["Linux"] read as "Linux" (a list of one item where one value goes; write the item alone)']);
      expect(campaign.leftOut!.map((entry) => [entry.path, entry.line])).to.deep.equal([['/compare_with/1', 2], ['/tags/1', 4]]);
    });

    describe('names an unknown field with its path and line, and hints at the likely one', () => {
      const rows: [text: string, path: string, line: number, column: number, message: string][] = [
        ['name: x\ntechniqes:\n  - T1193\n', '/techniqes', 2, 1, 'unknown field "techniqes" (did you mean "techniques"?)'],
        ['name: x\ntechniques:\n  - ref: T1\n    tactik: [Execution]\n', '/techniques/0/tactik', 4, 5, 'unknown field "tactik" (did you mean "tactic"?)'],
        // `firstSeen` is read as first_seen (test/regressions/campaign-every-field-wrong.test.ts); a typo is not.
        ['name: x\nfirst_sen: 2020\n', '/first_sen', 2, 1, 'unknown field "first_sen" (did you mean "first_seen"?)'],
        // `id: T1193`, an ATT&CK ID, is read as ref (test/regressions/hand-written-campaign-shapes.test.ts); an id of no ATT&CK ID is not.
        ['name: x\ntechniques:\n  - id: 1193\n', '/techniques/0/id', 3, 5, 'unknown field "id" (did you mean "ref"?)'],
        ['name: x\nsoftware:\n  - ref: HTRAN\n    infre: false\n', '/software/0/infre', 4, 5, 'unknown field "infre" (did you mean "infer"?)'],
        ['name: x\nsources:\n  - url: https://example.com\n    titel: A\n', '/sources/0/titel', 4, 5, 'unknown field "titel" (did you mean "title"?)'],
        ['name: x\ncompare_to: [C0021]\n', '/compare_to', 2, 1, 'unknown field "compare_to" (did you mean "compare_with"?)'],
        ['name: x\ncompare_wiht: G0050\n', '/compare_wiht', 2, 1, 'unknown field "compare_wiht" (did you mean "compare_with"?)'],
        // A typo of a synonym: an analyst's "references" of the Hive advisory (CISA AA22-321A), misspelled.
        ['name: x\nrefrences:\n  - https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-321a\n', '/refrences', 2, 1, 'unknown field "refrences" (did you mean "sources"?)'],
        ['name: x\ntechniques:\n  - ref: T1486\n    technqiue_id: T1486\n', '/techniques/0/technqiue_id', 4, 5, 'unknown field "technqiue_id" (did you mean "ref"?)'],
        [
          'name: x\nsoftware:\n  - ref: HTRAN\n    notes: x\n',
          '/software/0/notes',
          4,
          5,
          'unknown field "notes" (allowed: ref, comment, infer)',
        ],
      ];
      for (const [text, path, line, column, message] of rows) {
        it(`${path}: ${message} (line ${line}, column ${column}: the key's)`, () => {
          expect(inEntry(path) ? problemsOf(text) : issuesOf(text)).to.deep.include({ path, line, column, message });
        });
      }
    });

    it('suggests nothing for a field unlike any allowed one', () => {
      expect(suggestField('zzz', ['name', 'techniques'])).to.equal(undefined);
      expect(suggestField('tecniques', ['name', 'techniques'])).to.equal('techniques');
    });

    it('lists every problem, sorted by line, and names the file and the first problem in a one-line message', () => {
      const text = 'name: x\nconfidence: 500\ntechniques:\n  - ref: T1\n    tactik: x\nsoftwear: []\n';
      const error = thrown(() => parseCampaign(text, 'campaigns/bad.yaml')) as SchemaValidationError;
      expect(error).to.be.instanceOf(SchemaValidationError);
      expect(error.issues.map((i) => [i.path, i.line])).to.deep.equal([
        ['/confidence', 2],
        ['/techniques/0/tactik', 5],
        ['/softwear', 6],
      ]);
      expect(error.message).to.equal(
        'campaigns/bad.yaml: not a valid campaign file: line 2, /confidence: must be low, medium or high, or a whole number from 0 to 100, not the number 500 (and 2 more problems)',
      );
      expect(error.file).to.equal('campaigns/bad.yaml');
      expect(error.line).to.equal(2);
      expect(error.exitCode).to.equal(1);
    });

    it('reports a YAML syntax error with the file, line and column (a [ list not closed: its line, not the next)', () => {
      const error = thrown(() => parseCampaign('name: x\ntechniques:\n  - ref: [T1193\n  - T1117\n', 'campaigns/broken.yaml'));
      expect(error).to.be.instanceOf(InputError);
      expect(error.message).to.equal(
        'campaigns/broken.yaml: line 3, column 10: invalid YAML: the list [ opened on this line is not closed; end it with ] on this line (or indent its next lines under its key)',
      );
      expect((error as InputError).line).to.equal(3);
    });

    // An analyst's campaign of CISA AA22-321A (Hive) typed in an editor that indents with tabs: the parser said
    // "Tabs are not allowed as indentation (and 17 more errors)", one error per line after the first tab.
    it('names every line indented with a tab and says to indent with spaces', () => {
      const text = 'name: Hive\ntechniques:\n  - ref: T1133\n\ttactic: Initial Access\n  - ref: T1190\n\ttactic: Initial Access\n  - T1486\n';
      const error = thrown(() => parseCampaign(text, 'c.yaml')) as InputError;
      expect(error.message).to.equal(
        'c.yaml: line 4, column 1: invalid YAML: line 4 is indented with a tab, which YAML does not allow (so is line 6); indent with spaces only (set your editor to insert spaces for a tab)',
      );
    });

    // ATT&CK names a sub-technique "Parent: Sub" (T1059.001 is "Command and Scripting Interpreter: PowerShell" in
    // ATT&CK 18.1), and evidence quoted from a report holds colons too; unquoted, YAML reads the colon as a mapping.
    it('says to quote a value that holds ": " (a sub-technique written as ATT&CK names it)', () => {
      const text = 'name: x\ntechniques:\n  - ref: Command and Scripting Interpreter: PowerShell (T1059.001)\n';
      const error = thrown(() => parseCampaign(text, 'c.yaml')) as InputError;
      expect(error.message).to.equal(
        `c.yaml: line 3, column 43: invalid YAML: the value of "ref" is not quoted and holds ": " (column 43), which YAML reads as the start of a mapping inside it; quote the value: ref: '…' (write '' for a ' inside)`,
      );
      expect(error.line).to.equal(3);
    });

    it('says to indent a line that continues a value at its key\'s indentation', () => {
      const text = 'name: x\ndescription: a long description the analyst\nwrapped onto a second line.\ntechniques: [T1193]\n';
      const error = thrown(() => parseCampaign(text, 'c.yaml')) as InputError;
      expect(error.message).to.match(/^c\.yaml: line 3, column 1: invalid YAML: line 3 continues the value of "description" \(line 2\) at the key's own indentation.*indent it 2 spaces more than "description"/);
      expect(error.line).to.equal(3);
    });

    it('reports a tab used as indentation at its line and column', () => {
      const error = thrown(() => parseCampaign('name: x\ntechniques:\n\t- T1193\n', 'c.yaml'));
      expect(error.message).to.match(/^c\.yaml: line 3, column 1: invalid YAML: line 3 is indented with a tab, which YAML does not allow; indent with spaces only/);
    });

    describe('reports a JSON syntax error with the file, line and column', () => {
      const rows: [text: string, line: number, column: number, reason: RegExp][] = [
        ['{"name": "x",\n "techniques": ["T1",]\n}', 2, 22, /unexpected "\]" \(expected a value\)/],
        ['{"name": "x",\n}', 2, 1, /expected a "quoted" field name/],
        ["{'name': 'x'}", 1, 2, /expected a "quoted" field name/],
        ['{"name": "x"} extra', 1, 15, /nothing after the JSON value/],
        ['{"name": "x"', 1, 13, /unexpected end of the file/],
      ];
      for (const [text, line, column, reason] of rows) {
        it(JSON.stringify(text), () => {
          const error = thrown(() => parseCampaign(text, 'c.json'));
          expect(error).to.be.instanceOf(InputError);
          expect(error.message).to.match(new RegExp(`^c\\.json: line ${line}, column ${column}: invalid JSON: `));
          expect(error.message).to.match(reason);
          expect(error.message).to.not.include('\n');
        });
      }
    });

    it('refuses an alias bomb before expanding it', () => {
      const lines = ['name: x', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) {
        lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
      }
      const error = thrown(() => parseCampaign(lines.join('\n'), 'bomb.yaml'));
      expect(error).to.be.instanceOf(InputError);
      expect(error).to.not.be.instanceOf(SchemaValidationError);
      expect(error.message).to.match(/^bomb\.yaml: line 3: refused: .*alias bomb/);
    });

    it('refuses an alias that contains itself', () => {
      const error = thrown(() => parseCampaign('name: x\ntags: &t [a, *t]\n', 'loop.yaml'));
      expect(error).to.be.instanceOf(InputError);
      expect(error.message).to.match(/^loop\.yaml: line 2: refused: a YAML alias at \/tags\/1 refers to a node that contains it/);
    });

    describe('refuses duplicate keys with their path and line', () => {
      const rows: [file: string, text: string, issue: Issue][] = [
        ['c.yaml', 'name: x\ntechniques: []\nname: y\n', { path: '/name', line: 3, column: 1, message: 'duplicate key "name" (first given on line 1); give each field once' }],
        [
          'c.yaml',
          'name: x\ntechniques:\n  - ref: T1\n    tactic: Execution\n    tactic: Persistence\n',
          { path: '/techniques/0/tactic', line: 5, column: 5, message: 'duplicate key "tactic" (first given on line 4); give each field once, its values as one list (tactic: [first, second])' },
        ],
        ['c.json', '{"name": "x",\n "name": "y"}', { path: '/name', line: 2, column: 2, message: 'duplicate key "name" (first given on line 1); give each field once' }],
      ];
      for (const [file, text, issue] of rows) {
        it(`${file}: ${issue.path}`, () => expect(inEntry(issue.path) ? problemsOf(text, file) : issuesOf(text, file)).to.deep.include(issue));
      }
    });

    describe('refuses a file that holds no campaign mapping', () => {
      const rows: [label: string, file: string, text: string, message: RegExp][] = [
        ['an empty file', 'c.yaml', '', /the file is empty/],
        ['blank lines only', 'c.yaml', '\n  \n', /the file is empty/],
        ['comments only', 'c.yaml', '# nothing yet\n', /the file is empty/],
        ['an empty JSON file', 'c.json', '', /the file is empty/],
        ['JSON null', 'c.json', 'null', /the file is empty/],
        ['a top-level list', 'c.yaml', '- T1193\n- T1192\n', /must be a mapping of fields .*, not a list/],
        ['a top-level string', 'c.yaml', 'T1193\n', /must be a mapping of fields .*, not the string "T1193"/],
        ['a top-level JSON array', 'c.json', '["T1193"]', /must be a mapping of fields .*, not a list/],
      ];
      for (const [label, file, text, message] of rows) {
        it(label, () => {
          const issues = issuesOf(text, file);
          expect(issues).to.have.length(1);
          expect(issues[0]!.path).to.equal('/');
          expect(issues[0]!.line).to.equal(1);
          expect(issues[0]!.message).to.match(message);
        });
      }
    });

    it('reads a file with a byte-order mark', () => {
      expect(parseCampaign('\uFEFF{"name": "bom"}', 'c.json').name).to.equal('bom');
      expect(parseCampaign('\uFEFFname: bom\n', 'c.yaml').name).to.equal('bom');
    });

    it('reads YAML 1.2: yes, no and unquoted dates stay strings', () => {
      const campaign = parseCampaign('name: x\ntags: [yes, no, on, 2020-04-22]\n', 'c.yaml');
      expect(campaign.tags).to.deep.equal(['yes', 'no', 'on', '2020-04-22']);
    });
  });

  describe('readCampaign and readCampaigns', () => {
    it('reports a missing file as a usage error naming it in `file`', () => {
      const error = thrown(() => readCampaign('no/such/campaign.yaml'));
      expect(error).to.be.instanceOf(UsageError);
      expect([error.message, (error as UsageError).file]).to.deep.equal(['no/such/campaign.yaml: no such campaign file', 'no/such/campaign.yaml']);
    });

    it('expands a folder to its *.yaml, *.yml and *.json files sorted by name, and keeps explicit files in order', () => {
      const dir = freshTmpDir('campaigns');
      for (const name of ['b.yml', 'a.yaml', 'c.json', 'notes.txt', '.hidden.yaml']) {
        writeFileSync(join(dir, name), name.endsWith('.json') ? `{"name": "${name}"}` : `name: ${name}\n`);
      }
      mkdirSync(join(dir, 'sub.yaml'));
      expect(readCampaigns([dir]).map((c) => c.id)).to.deep.equal(['a', 'b', 'c']);
      expect(readCampaigns([join(dir, 'c.json'), join(dir, 'a.yaml')]).map((c) => c.id)).to.deep.equal(['c', 'a']);
      expect(readCampaigns([join(dir, 'c.json'), dir]).map((c) => c.id)).to.deep.equal(['c', 'a', 'b', 'c']);
    });

    it('refuses a folder without campaign files and a missing path', () => {
      const dir = freshTmpDir('empty-campaigns');
      writeFileSync(join(dir, 'readme.md'), '# nothing\n');
      expect(thrown(() => readCampaigns([dir]))).to.be.instanceOf(UsageError).with.property('message').that.matches(/no campaign files \(\*\.yaml, \*\.yml, \*\.json\) in this folder/);
      expect(thrown(() => readCampaigns(['no/such/folder']))).to.be.instanceOf(UsageError).with.property('file', 'no/such/folder');
    });

    it('says what a folder without campaign files at its top holds below: rules of another kind, or campaign files in a subfolder', () => {
      // SigmaHQ's rules/ (only subfolders) given as --threat: before, `no campaign files (*.yaml, *.yml, *.json) in this folder`.
      const rules = join(freshTmpDir('threat-rules'), 'rules');
      mkdirSync(join(rules, 'windows', 'process_creation'), { recursive: true });
      mkdirSync(join(rules, 'linux'));
      writeFileSync(join(rules, 'windows', 'process_creation', 'notes.txt'), 'not read\n');
      writeFileSync(join(rules, 'windows', 'process_creation', 'rule.yml'), readFileSync(join(repoRoot, 'test/fixtures/gap/sigma/linux/proc_creation_lnx_placeholder_tag.yml')));
      expect(thrown(() => readCampaigns([rules])).message).to.equal(
        `${rules}: no campaign files (*.yaml, *.yml, *.json) in this folder (its subfolders, linux/, windows/, are not read); ` +
          `${join(rules, 'windows', 'process_creation', 'rule.yml')}: this is a Sigma rule, not a campaign file; give it (or its folder) to gap --coverage`,
      );
      // Campaign files a level down: the folder that holds them is named.
      const nested = freshTmpDir('nested-campaigns');
      mkdirSync(join(nested, '2020'));
      writeFileSync(join(nested, '2020', 'apt32.yaml'), readFileSync(join(repoRoot, 'campaigns/apt32-covid19-wuhan.yaml')));
      expect(thrown(() => readCampaigns([nested])).message).to.equal(
        `${nested}: no campaign files (*.yaml, *.yml, *.json) in this folder (its subfolders, 2020/, are not read); ${join(nested, '2020', 'apt32.yaml')} is a campaign file: give the folder that holds it, ${join(nested, '2020')}`,
      );
    });

    it('passes on the first invalid file with its name', () => {
      const dir = freshTmpDir('bad-campaigns');
      writeFileSync(join(dir, 'a.yaml'), 'name: a\n');
      writeFileSync(join(dir, 'b.yaml'), 'nam: b\n');
      const error = thrown(() => readCampaigns([dir])) as SchemaValidationError;
      expect(error).to.be.instanceOf(SchemaValidationError);
      expect(error.file).to.equal(join(dir, 'b.yaml'));
    });
  });

  describe('readCampaignsLeavingOut', () => {
    // One file of a folder that is no campaign (cut short, empty, a Navigator layer, an unknown top-level field)
    // refused every campaign of the folder: it is left out, saying why, and the others are read.
    it('leaves out each file of a folder that is no campaign file, saying why, and reads the others', () => {
      const dir = freshTmpDir('campaigns-left-out');
      writeFileSync(join(dir, 'a.yaml'), 'name: a\ntechniques: [T1059]\n');
      writeFileSync(join(dir, 'b.json'), '{"name": "b", "techniques": [\n');
      writeFileSync(join(dir, 'c.json'), '');
      writeFileSync(join(dir, 'd.json'), JSON.stringify({ name: 'a layer', versions: { layer: '4.5' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059', score: 1 }] }));
      writeFileSync(join(dir, 'e.yaml'), 'name: e\nttps: [T1059]\n');
      const { campaigns, leftOut } = readCampaignsLeavingOut([dir]);
      expect(campaigns.map((c) => c.id)).to.deep.equal(['a']);
      expect(leftOut).to.have.length(4);
      expect(leftOut[0]).to.equal(`${join(dir, 'b.json')}: line 2, column 1: invalid JSON: unexpected end of the file (expected a value); the file ends there: give the whole file if it was cut short (a download or copy that stopped)`);
      expect(leftOut[1]).to.match(/c\.json: .*empty/);
      expect(leftOut[2]).to.match(/d\.json: this is an ATT&CK Navigator layer, not a campaign file/);
      expect(leftOut[3]).to.match(/e\.yaml: not a valid campaign file: line 2, \/ttps: unknown field "ttps"/);
      // A file named on its own is refused, and so is a folder none of whose files is a campaign.
      expect(thrown(() => readCampaignsLeavingOut([join(dir, 'e.yaml')]))).to.be.instanceOf(SchemaValidationError);
      const none = freshTmpDir('campaigns-none');
      writeFileSync(join(none, 'b.json'), '{"name": "b", "techniques": [\n');
      expect(thrown(() => readCampaignsLeavingOut([none])).message).to.equal(`${none}: no file there is a campaign file:\n  ${join(none, 'b.json')}: line 2, column 1: invalid JSON: unexpected end of the file (expected a value); the file ends there: give the whole file if it was cut short (a download or copy that stopped)`);
    });
  });

  describe('schemas/campaign.schema.json', () => {
    it('compiles in strict mode and accepts the minimal example', () => {
      expect(schemaIssues('campaign', { name: 'x', techniques: ['T1193', { ref: 'T1117', tactic: ['Execution'] }] })).to.deep.equal([]);
    });

    it('describes every field', () => {
      const schema = JSON.parse(readFileSync(schemaUrl('campaign'), 'utf8')) as Record<string, unknown>;
      const undocumented: string[] = [];
      const walk = (node: unknown, path: string) => {
        if (typeof node !== 'object' || node === null) return;
        const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
        for (const [key, value] of Object.entries(properties ?? {})) {
          if (!value.description) undocumented.push(`${path}/properties/${key}`);
        }
        for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
      };
      walk(schema, '#');
      expect(undocumented).to.deep.equal([]);
    });
  });

  describe('the example campaigns', () => {
    const attack = () => loadRelease('18.1');
    let examples: Campaign[];
    before(() => {
      examples = readCampaigns([campaignsDir]);
    });
    const example = (id: string) => {
      const found = examples.find((c) => c.id === id);
      expect(found, id).to.not.equal(undefined);
      return found!;
    };

    it('all parse, in file-name order', () => {
      const ids = examples.map((c) => c.id);
      expect(ids).to.include.members(['apt32-covid19-wuhan', 'temp-periscope-cambodia-2018']);
      expect(ids).to.deep.equal([...ids].sort());
    });

    describe('apt32-covid19-wuhan has the six references of the report\'s table, as written, with their tactics', () => {
      const rows: [ref: string, tactics: string[]][] = [
        ['Spearphishing Attachment (T1193)', ['Initial Access']],
        ['Spearphising Link (T1192)', ['Initial Access']],
        ['Regsvr32 (T1117)', ['Execution', 'Defense Evasion']],
        ['User Execution (T1204)', ['Execution']],
        ['Standard Cryptographic Protocol (T1032)', ['Command and Control']],
        ['Custom Command and Control Protocol (T1094)', ['Command and Control']],
      ];
      it('exactly six, in the table\'s order', () => {
        expect(example('apt32-covid19-wuhan').techniques.map((t) => t.ref)).to.deep.equal(rows.map(([ref]) => ref));
      });
      for (const [ref, tactics] of rows) {
        it(`${ref} under ${tactics.join(' and ')}`, () => {
          const report = seed('003_78441eb4cb887801.txt');
          const entry = example('apt32-covid19-wuhan').techniques.find((t) => t.ref === ref);
          expect(entry?.tactics).to.deep.equal(tactics);
          expect(report, 'the ref is written so in the report').to.include(ref);
          for (const tactic of tactics) expect(report).to.match(new RegExp(`^${tactic}$`, 'm'));
        });
      }
    });

    it('apt32-covid19-wuhan: actor, dates and version; every evidence quotes the report', () => {
      const apt32 = example('apt32-covid19-wuhan');
      const report = seed('003_78441eb4cb887801.txt');
      expect(attack().actors(apt32.actor!.ref).map((a) => a.id)).to.deep.equal(['G0050']);
      expect([apt32.firstSeen, apt32.lastSeen, apt32.published, apt32.attackVersion]).to.deep.equal(['2020-01-06', '2020-04', '2020-04-22', '6.3']);
      const v63 = loadRelease('6.3');
      for (const entry of apt32.techniques) {
        const id = /\((T\d{4})\)/.exec(entry.ref)?.[1];
        const technique = v63.technique(id!);
        expect(technique?.revoked, `${id} is current in ATT&CK 6.3`).to.equal(false);
        for (const part of entry.evidence!.split('…')) expect(report, entry.ref).to.include(part);
      }
    });

    it('temp-periscope-cambodia-2018: every technique is current in ATT&CK 18.1 under the tactic given, its name as in 18.1', () => {
      const periscope = example('temp-periscope-cambodia-2018');
      const report = seed('000_9001b8a6a998de5e.txt');
      expect(periscope.techniques.length).to.be.at.least(8);
      for (const entry of periscope.techniques) {
        const [, name, id] = /^(.+) \((T\d{4}(?:\.\d{3})?)\)$/.exec(entry.ref) ?? [];
        const technique = attack().technique(id!);
        expect(technique, entry.ref).to.not.equal(undefined);
        expect(technique!.revoked || technique!.deprecated, `${id} is current`).to.equal(false);
        expect(technique!.name).to.equal(name);
        expect(entry.tactics).to.have.length(1);
        expect(technique!.tactics, entry.ref).to.include(attack().tactic(entry.tactics[0]!)?.shortname);
        expect(entry.comment, entry.ref).to.be.a('string');
        expect(report, `evidence of ${entry.ref}`).to.include(entry.evidence!);
      }
    });

    it('temp-periscope-cambodia-2018: the actor and every software entry resolve in ATT&CK 18.1 by the report\'s names', () => {
      const periscope = example('temp-periscope-cambodia-2018');
      const report = seed('000_9001b8a6a998de5e.txt');
      expect(attack().actors(periscope.actor!.ref).map((a) => a.id)).to.deep.equal(['G0065']);
      expect(periscope.software.map((s) => s.ref)).to.deep.equal(['AIRBREAK', 'HOMEFRY', 'MURKYTOP', 'HTRAN']);
      for (const software of periscope.software) {
        expect(report).to.include(software.ref);
        expect(attack().actors(software.ref).map((a) => a.type), software.ref).to.satisfy((types: string[]) =>
          types.length === 1 && (types[0] === 'malware' || types[0] === 'tool'),
        );
      }
    });
  });
});
