/**
 * A real campaign file (campaigns/apt32-covid19-wuhan.yaml, written from FireEye's APT32 report of 2020-04-22) broken
 * the ways people break one by hand. A key whose ":" was left out (`first_seen 2020-01-06`) was said to be a line
 * going on from the value above, "indent it 2 spaces more than "description"": done so, the field became part of the
 * description and was lost without a word; under a technique, `tactic Initial Access` was blamed on the next line's
 * ": ". A list written as one text (`platforms: "Windows, Linux"`, `techniques: "T1193, T1192, T1117"`) refused the
 * whole file, naming only the first of them.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCampaign } from '../../lib/index.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const REAL = readFileSync('campaigns/apt32-covid19-wuhan.yaml', 'utf8');

/** The real file with its line that starts with `from` replaced by `to`; the replaced line's number with it. */
function broken(from: string, to: string): { text: string; line: number } {
  const lines = REAL.split('\n');
  const index = lines.findIndex((source) => source.startsWith(from));
  expect(index, from).to.be.at.least(0);
  lines[index] = to;
  return { text: lines.join('\n'), line: index + 1 };
}

describe('regressions: a campaign file broken by hand', () => {
  describe('a key whose ":" was left out is named, with its line and column and what to write', () => {
    const cases: ReadonlyArray<readonly [from: string, to: string, column: number, says: string]> = [
      ['first_seen:', 'first_seen 2020-01-06', 11, '"first_seen" has no ":" after it, so YAML does not read it as a field; write first_seen: 2020-01-06'],
      ['name:', 'name APT32 targets Wuhan government (COVID-19)', 5, 'write name: APT32 targets Wuhan government (COVID-19)'],
      ['techniques:', 'techniques', 11, '"techniques" has no ":" after it, so YAML does not read it as a field; write techniques:'],
      // Under `ref: Spearphishing Attachment (T1193)`, a plain value, the line may as well be that value going on: both said.
      [
        '    tactic: Initial Access',
        '    tactic Initial Access',
        11,
        '"tactic" has no ":" after it, so YAML does not read it as a field, or the line goes on with the value of "ref" (line 31) without being indented under it: write tactic: Initial Access if it is a field, or indent it 2 spaces more than "ref" if it goes on',
      ],
      ['  - ref: User Execution (T1204)', '  - ref User Execution (T1204)', 8, 'write ref: User Execution (T1204)'],
    ];
    for (const [from, to, column, says] of cases) {
      it(`${to.trim()}`, () => {
        const { text, line } = broken(from, to);
        expect(() => parseCampaign(text, 'c.yaml')).to.throw(`c.yaml: line ${line}, column ${column}: invalid YAML: `);
        expect(() => parseCampaign(text, 'c.yaml')).to.throw(says);
      });
    }

    it('render exits 1 naming the file and line, and writes no layer', async () => {
      const dir = freshTmpDir('broken-campaign');
      const file = join(dir, 'apt32.yaml');
      writeFileSync(file, broken('first_seen:', 'first_seen 2020-01-06').text);
      const result = await runCli(['render', file, '--out', join(dir, 'out')]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.include('apt32.yaml: line 13, column 11: invalid YAML: "first_seen" has no ":" after it');
      expect(result.stderr).not.to.include('indent it');
      expect(existsSync(join(dir, 'out', 'apt32.layer.json'))).to.equal(false);
    });

    it('a line of a block that starts with a field\'s word is still the block\'s (deeper than the keys)', () => {
      const text = REAL.replace('  From at least January', '  source code of a loader\n  From at least January');
      expect(parseCampaign(text, 'c.yaml').description).to.match(/^source code of a loader From at least January/);
    });
  });

  describe('a list written as one text is read as its parts, with a warning naming its line', () => {
    it('platforms and tags', () => {
      const text = REAL.replace('platforms: [Windows]', 'platforms: "Windows, Linux"').replace('tags: [covid-19, china, government, espionage]', 'tags: covid-19; china');
      const campaign = parseCampaign(text, 'c.yaml');
      expect(campaign.platforms).to.deep.equal(['Windows', 'Linux']);
      expect(campaign.tags).to.deep.equal(['covid-19', 'china']);
      expect(campaign.repairs).to.deep.equal([
        'line 28: /platforms: "Windows, Linux" read as ["Windows", "Linux"] (a list written as one text; write a list: platforms: ["Windows", "Linux"])',
        'line 29: /tags: "covid-19; china" read as ["covid-19", "china"] (a list written as one text; write a list: tags: ["covid-19", "china"])',
      ]);
    });

    it('techniques whose every part holds an ID; not a text of names, which may hold commas', () => {
      const ids = parseCampaign(REAL.replace(/techniques:\n[\s\S]*$/, 'techniques: "T1193, T1192, T1117,"\n'), 'c.yaml');
      expect(ids.techniques.map((technique) => technique.ref)).to.deep.equal(['T1193', 'T1192', 'T1117']);
      expect(ids.repairs![0]).to.equal('line 30: /techniques: "T1193, T1192, T1117," read as ["T1193", "T1192", "T1117"] (a list written as one text; write a list: techniques: ["T1193", "T1192", "T1117"])');
      expect(() => parseCampaign(REAL.replace(/techniques:\n[\s\S]*$/, 'techniques: "User Execution, Regsvr32"\n'), 'c.yaml')).to.throw('line 30, /techniques: must be a list');
    });

    it('render writes the layer with the platforms and exits 0', async () => {
      const dir = freshTmpDir('broken-campaign');
      const file = join(dir, 'apt32.yaml');
      writeFileSync(file, REAL.replace('platforms: [Windows]', 'platforms: "Windows, Linux"'));
      const result = await runCli(['render', file, '--out', join(dir, 'out')]);
      expect(result.stderr).to.include('line 28: /platforms: "Windows, Linux" read as ["Windows", "Linux"]');
      expect(result.code).to.equal(0);
      const layer = JSON.parse(readFileSync(join(dir, 'out', 'apt32.layer.json'), 'utf8')) as { filters: { platforms: string[] } };
      expect(layer.filters.platforms).to.include.members(['Windows', 'Linux']);
    });
  });

  it('a field given twice in a technique leaves that entry out, saying to give it once (a list for a tactic), not how to write an entry', () => {
    const text = REAL.replace('    tactic: Initial Access\n', '    tactic: Initial Access\n    tactic: Execution\n');
    const campaign = parseCampaign(text, 'c.yaml');
    expect(campaign.leftOut!.map((entry) => `${entry.line}: ${entry.path}: ${entry.message}`)).to.deep.equal([
      '33: /techniques/0/tactic: duplicate key "tactic" (first given on line 32); give each field once, its values as one list (tactic: [first, second]); the entry is left out',
    ]);
    expect(campaign.techniques.map((technique) => technique.ref)).to.have.length(5);
  });

  describe('a file refused for several problems lists every one at its file:line:column, not the first and a count', () => {
    it('render names the four problems of the real file broken four ways, each at its place', async () => {
      const text = REAL.replace(/^name: .*$/m, 'name: [APT32, Wuhan]')
        .replace('first_seen: 2020-01-06', 'first_seen: early 2020')
        .replace('platforms: [Windows]', 'platforms: 3')
        .replace('tags: [covid-19, china, government, espionage]', 'tags: {covid: 19}');
      const dir = freshTmpDir('broken-campaign');
      const file = join(dir, 'apt32.yaml');
      writeFileSync(file, text);
      const result = await runCli(['render', file, '--out', join(dir, 'out')]);
      expect(result.code).to.equal(1);
      expect(result.stderr).not.to.include('more problem');
      expect(result.stderr).to.include(`${file}: not a valid campaign file: 4 problems:\n`);
      expect(result.stderr).to.include(`  ${file}:5:7: /name: must be a string, not a list\n`);
      expect(result.stderr).to.include(`  ${file}:13:13: /first_seen: must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not the string "early 2020"\n`);
      expect(result.stderr).to.include(`  ${file}:28:12: /platforms: must be a list, not the number 3\n`);
      expect(result.stderr).to.include(`  ${file}:29:7: /tags: must be a list, not a mapping`);
      expect(existsSync(join(dir, 'out'))).to.equal(false);
    });

    it('lists the first 20 of 25 unknown fields, then a count of the rest', async () => {
      const extra = Array.from({ length: 25 }, (_, i) => `zz_field_${String(i).padStart(2, '0')}: x`).join('\n');
      const dir = freshTmpDir('broken-campaign');
      const file = join(dir, 'apt32.yaml');
      writeFileSync(file, REAL.replace('domain: enterprise-attack', `domain: enterprise-attack\n${extra}`));
      const result = await runCli(['render', file, '--out', join(dir, 'out')]);
      expect(result.code).to.equal(1);
      const listed = result.stderr.split('\n').filter((line) => line.startsWith(`  ${file}:`));
      expect(listed).to.have.length(20);
      expect(listed[0]).to.match(/:\d+:1: \/zz_field_00: unknown field "zz_field_00"/);
      expect(result.stderr).to.include('\n  and 5 more problems\n');
    });
  });

  describe('a reference that ends in a comma or semicolon, left from a list, is read without it, saying so', () => {
    it('ref: T1204, (was read as T1204 without a word)', () => {
      const campaign = parseCampaign(REAL.replace('  - ref: User Execution (T1204)', '  - ref: T1204,'), 'c.yaml');
      expect(campaign.techniques.map((technique) => technique.ref)).to.include('T1204');
      expect(campaign.repairs).to.deep.equal(['line 55: /techniques/3/ref: "T1204," read as "T1204" (a reference ends in ",", left from a list; write ref: T1204)']);
    });

    it('a technique or software written as one text, and compare_with', () => {
      const text = REAL.replace('techniques:\n', 'compare_with: G0050;\nsoftware:\n  - METALJACK,\ntechniques:\n  - T1059.001 ;\n');
      const campaign = parseCampaign(text, 'c.yaml');
      expect(campaign.techniques[0]!.ref).to.equal('T1059.001');
      expect(campaign.software[0]!.ref).to.equal('METALJACK');
      expect(campaign.compareWith![0]!.ref).to.equal('G0050');
      expect(campaign.repairs).to.deep.equal([
        'line 30: /compare_with: "G0050;" read as "G0050" (a reference ends in ";", left from a list; write compare_with: G0050)',
        'line 32: /software/0: "METALJACK," read as "METALJACK" (a reference ends in ",", left from a list; write - METALJACK)',
        'line 34: /techniques/0: "T1059.001 ;" read as "T1059.001" (a reference ends in ";", left from a list; write - T1059.001)',
      ]);
    });

    it('a comma inside a reference, and the files of campaigns/, are left as written', () => {
      const text = REAL.replace('  - ref: User Execution (T1204)', '  - ref: "Phishing: Spearphishing Attachment, T1566.001"');
      expect(parseCampaign(text, 'c.yaml').repairs).to.equal(undefined);
      expect(parseCampaign(REAL, 'c.yaml').repairs).to.equal(undefined);
    });
  });

  describe('a tab typed after spaces is named, with its line and column, not the parser\'s "same column"', () => {
    // The parser reads a tab after spaces as blank space after the indentation, and said only "All mapping items must
    // start at the same column (and 11 more errors)", at column 1.
    for (const [to, column, says] of [
      ['  \ttactic: Initial Access', 3, 'line 32 is indented with a tab after 2 spaces, which YAML does not allow; indent with spaces only'],
      ['  \t  tactic: Initial Access', 3, 'line 32 is indented with a tab after 2 spaces'],
      [' \t- ref: T1204', 2, 'line 32 is indented with a tab after 1 space'],
    ] as const) {
      it(JSON.stringify(to), () => {
        const { text, line } = broken('    tactic: Initial Access', to);
        expect(line).to.equal(32);
        expect(() => parseCampaign(text, 'c.yaml')).to.throw(`c.yaml: line 32, column ${column}: invalid YAML: ${says}`);
        expect(() => parseCampaign(text, 'c.yaml')).not.to.throw('same column');
      });
    }

    it('a tab inside a block\'s text far from the error is not blamed for it', () => {
      const text = broken('first_seen:', 'first_seen 2020-01-06').text.replace('  From at least January', '  \tFrom at least January');
      expect(() => parseCampaign(text, 'c.yaml')).to.throw('line 13, column 11: invalid YAML: "first_seen" has no ":" after it');
    });
  });

  describe('a wrapped value whose next line starts with a field\'s word is not said to be that field missing its ":"', () => {
    const TOP = ['name', 'id', 'actor', 'compare_with', 'description', 'first_seen', 'last_seen', 'published', 'sources', 'domain', 'attack_version', 'confidence', 'platforms', 'tags', 'techniques', 'software'];
    const TECHNIQUE = ['ref', 'tactic', 'confidence', 'score', 'comment', 'evidence', 'source', 'report', 'platforms'];
    const SAID_ALONE = /has no ":" after it, so YAML does not read it as a field; write/;

    it('a description wrapped before "source code" at the key\'s column: the value going on, not a field of a technique', () => {
      const text = REAL.replace(/^description: >-\n[\s\S]*?\nfirst_seen:/m, 'description: A METALJACK loader whose\nsource code was shared\nfirst_seen:');
      // Before: '"source" has no ":" after it, so YAML does not read it as a field; write source: code was shared'.
      expect(() => parseCampaign(text, 'c.yaml')).to.throw('line 8 continues the value of "description" (line 7) at the key\'s own indentation');
    });

    it('a description wrapped before "actor", a field of the campaign: both readings said', () => {
      const text = REAL.replace(/^description: >-\n[\s\S]*?\nfirst_seen:/m, 'description: A campaign run by the\nactor behind OceanLotus\nfirst_seen:');
      expect(() => parseCampaign(text, 'c.yaml')).to.throw(
        'line 8, column 6: invalid YAML: "actor" has no ":" after it, so YAML does not read it as a field, or the line goes on with the value of "description" (line 7) without being indented under it: write actor: behind OceanLotus if it is a field, or indent it 2 spaces more than "description" if it goes on',
      );
    });

    // Real descriptions written as plain values, from SigmaHQ/sigma (rules/cloud/azure/audit_logs/
    // azure_aad_secops_ca_policy_removedby_bad_actor.yml, rules/cloud/gcp/gworkspace/admin/
    // gcp_gworkspace_granted_domain_api_access.yml, rules/linux/process_creation/
    // proc_creation_lnx_security_software_discovery.yml), wrapped before a word that is a field of a campaign. Of the 3,926
    // rules of the release in ../shared/sigma, 118 such wraps of their descriptions: none is said to be a field alone.
    for (const [description, word] of [
      ['Monitor and alert on conditional access changes where non approved actor removed CA Policy.', 'actor'],
      ['Detects when an API access service account is granted domain authority.', 'domain'],
      ['Detects usage of system utilities (only grep and egrep for now) to discover security software discovery', 'software'],
    ] as const) {
      it(`a Sigma rule's description wrapped before "${word}"`, () => {
        const at = description.indexOf(` ${word} `) + 1;
        const text = REAL.replace(/^description: >-\n[\s\S]*?\nfirst_seen:/m, `description: ${description.slice(0, at - 1)}\n${description.slice(at)}\nfirst_seen:`);
        let said = '';
        try {
          parseCampaign(text, 'c.yaml');
        } catch (error) {
          said = (error as Error).message;
        }
        expect(said).to.include(`line 8, column ${word.length + 1}: invalid YAML: "${word}" has no ":" after it, so YAML does not read it as a field, or the line goes on with the value of "description" (line 7)`);
      });
    }

    // Every block of text of the repository's campaigns (descriptions, source titles, technique comments), written as a
    // plain value wrapped before each word of it that is a field of its mapping, the next line at the key's column.
    for (const name of readdirSync('campaigns').filter((file) => file.endsWith('.yaml'))) {
      it(`campaigns/${name}`, () => {
        const lines = readFileSync(join('campaigns', name), 'utf8').split('\n');
        let wraps = 0;
        lines.forEach((source, at) => {
          const block = /^(\s*(?:-\s+)?)([\w]+): >-$/.exec(source);
          if (!block) return;
          const [, lead = '', key = ''] = block;
          let end = at + 1;
          while (end < lines.length && lines[end]!.trim() !== '' && /^\s*/.exec(lines[end]!)![0].length > lead.length) end++;
          const words = lines.slice(at + 1, end).map((line) => line.trim()).join(' ').split(' ');
          const fields = lead === '' ? TOP : key === 'title' ? ['url', 'title'] : TECHNIQUE;
          words.forEach((word, i) => {
            if (i === 0 || !fields.includes(word)) return;
            wraps++;
            const text = [...lines.slice(0, at), `${lead}${key}: ${words.slice(0, i).join(' ')}`, `${' '.repeat(lead.length)}${words.slice(i).join(' ')}`, ...lines.slice(end)].join('\n');
            let said = '';
            try {
              parseCampaign(text, 'c.yaml');
            } catch (error) {
              said = (error as Error).message;
            }
            expect(said, `${key} (line ${at + 1}) wrapped before "${word}"`).not.to.match(SAID_ALONE);
          });
        });
        expect(wraps, 'values wrapped before a field\'s word').to.be.at.least(1);
      });
    }
  });
});
