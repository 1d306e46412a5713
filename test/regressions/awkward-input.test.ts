/**
 * Awkward input met in an audit of every command (helper 203's run over constructed inputs, /tmp/h203-material):
 * a Navigator layer edited by hand (comments, a comma after the last item), text whose lines end in a carriage
 * return alone (classic Mac OS editors), a truncated ATT&CK release given to `data add`. Each was refused without
 * need, refused without its place, or read with the wrong line numbers.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { parseBundleBytes } from '../../lib/attack/read-bundle.js';
import { parseCampaign } from '../../lib/campaign/read-campaign.js';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { parseJsonRepairingLayers } from '../../lib/input-kind.js';
import { jsonTextRepairs, parseJsonText } from '../../lib/json-text.js';
import { freshTmpDir, hasStackTrace, runCli } from '../helpers/attack.js';

/** A small layer of format 4.5 as a person edits it: a comment on top, one in a line, a comma after the last entry. */
const HAND_EDITED = [
  '// Loader tradecraft, scored by hand',
  '{',
  '  "name": "hand-edited", /* kept short */',
  '  "domain": "enterprise-attack",',
  '  "versions": { "attack": "18", "navigator": "5.1.0", "layer": "4.5" },',
  '  "techniques": [',
  '    { "techniqueID": "T1059.001", "tactic": "execution", "score": 2, "comment": "a // is no comment, nor a /* here," },',
  '  ],',
  '}',
  '',
].join('\n');

describe('hand-edited JSON: comments and a comma after the last item', () => {
  it('parseJsonText with repair reads it, and lists each removal with its line and column', () => {
    const value = parseJsonText(HAND_EDITED, 'f.json', { repair: true }) as { techniques: { comment: string }[] };
    expect(value.techniques[0]!.comment).to.equal('a // is no comment, nor a /* here,');
    expect(jsonTextRepairs(value)).to.deep.equal([
      { line: 1, column: 1, repair: 'a // comment removed (JSON has no comments)', removed: '// Loader tradecraft, scored by hand' },
      { line: 3, column: 26, repair: 'a /* */ comment removed (JSON has no comments)', removed: '/* kept short */' },
      { line: 7, column: 119, repair: 'a comma before "]" removed (JSON allows none after the last item)' },
      { line: 8, column: 4, repair: 'a comma before "}" removed (JSON allows none after the last item)' },
    ]);
  });

  it('without repair, or with a fault left, it is refused at the place of the fault in the text as given', () => {
    expect(() => parseJsonText(HAND_EDITED, 'f.json')).to.throw('f.json: line 1, column 1: invalid JSON');
    const broken = HAND_EDITED.replace('"score": 2', '"score": 2 3');
    expect(() => parseJsonText(broken, 'f.json', { repair: true })).to.throw(`f.json: line 7, column 69: invalid JSON: unexpected "3" (expected ',' or '}')`);
  });

  it('only a layer is repaired: another kind of file (a campaign) is refused as before', () => {
    expect(jsonTextRepairs(parseJsonRepairingLayers(HAND_EDITED, 'f.json'))).to.have.length(4);
    expect(() => parseJsonRepairingLayers('{"name": "c", "techniques": [{"ref": "T1059"},]}', 'c.json')).to.throw('c.json: line 1, column 47: invalid JSON');
  });

  it('upgrade writes it as JSON and reports each repair; validate says Navigator would open no tab for it', async () => {
    const folder = freshTmpDir('hand-edited');
    const file = join(folder, 'hand.json');
    writeFileSync(file, HAND_EDITED);
    const upgraded = await runCli(['upgrade', file, '--out', join(folder, 'out.json')]);
    expect(upgraded.code, upgraded.stderr).to.equal(0);
    expect(upgraded.stderr).to.contain('/: line 1, column 1: a // comment removed (JSON has no comments)\n');
    expect(upgraded.stderr).to.contain('/: line 8, column 4: a comma before "}" removed');
    const written = JSON.parse(readFileSync(join(folder, 'out.json'), 'utf8')) as { techniques: { techniqueID: string; score: number }[] };
    expect(written.techniques.map(({ techniqueID, score }) => [techniqueID, score])).to.deep.equal([['T1059.001', 2]]);
    const validated = await runCli(['validate', file]);
    expect(validated.code).to.equal(1);
    expect(validated.stdout).to.contain(`error: schema: ${file}: /: line 7, column 119: a comma before "]" removed (JSON allows none after the last item): Navigator 5.1 opens no tab`);
    expect(hasStackTrace(upgraded.stderr + validated.stderr)).to.equal(false);
  });
});

describe("hand-edited JSON: a comment's text is the user's note", () => {
  const commentsKept = (metadata: { name?: string; value?: string }[], name: string, from = ''): string[] =>
    metadata.filter((item) => item.name === name).map((item) => item.value!.replace(from, ''));
  const kept = [
    '/: line 1, column 1: a // comment removed (JSON has no comments). It was: "// Loader tradecraft, scored by hand"',
    '/: line 3, column 26: a /* */ comment removed (JSON has no comments). It was: "/* kept short */"',
  ];

  it('upgrade keeps each comment, with its line, in a "removed by upgrade" item, and the layer it writes is valid', async () => {
    const folder = freshTmpDir('comments-upgrade');
    const file = join(folder, 'hand.json');
    writeFileSync(file, HAND_EDITED.replace('/* kept short */', '/* kept short */ /**/'));
    const out = join(folder, 'out.json');
    const upgraded = await runCli(['upgrade', file, '--out', out]);
    expect(upgraded.code, upgraded.stderr).to.equal(0);
    expect(upgraded.stderr).to.contain('/metadata: 2 parts left out by the repair kept as "removed by upgrade" items');
    const written = JSON.parse(readFileSync(out, 'utf8')) as { metadata: { name?: string; value?: string }[] };
    expect(commentsKept(written.metadata, 'removed by upgrade')).to.deep.equal(kept);
    const validated = await runCli(['validate', out]);
    expect(validated.code, validated.stdout).to.equal(0);
  });

  it('combine keeps each comment of an input in a "left out by combine" item naming the input', async () => {
    const folder = freshTmpDir('comments-combine');
    const file = join(folder, 'hand.json');
    writeFileSync(file, HAND_EDITED);
    writeFileSync(join(folder, 'plain.json'), JSON.stringify(parseJsonText(HAND_EDITED, 'hand.json', { repair: true })));
    const out = join(folder, 'out.json');
    const combined = await runCli(['combine', file, join(folder, 'plain.json'), '--op', 'max', '--out', out]);
    expect(combined.code, combined.stderr).to.equal(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { metadata: { name?: string; value?: string }[] };
    expect(commentsKept(written.metadata, 'left out by combine', `${file}: `)).to.deep.equal(kept);
    const validated = await runCli(['validate', out]);
    expect(validated.code, validated.stdout).to.equal(0);
  });
});

describe('lines that end in a carriage return alone', () => {
  const lines = ['name: Mac campaign', 'domain: enterprise-attack', 'techniques:', '  - ref: T1566.001', '    tactic: Initial Access', '  - ref: T1059.001', ''];

  it('a YAML campaign is read as with LF line ends (YAML 1.2 §5.4: a CR alone is a line break), with its lines', () => {
    const mac = parseCampaign(lines.join('\r'), 'mac.yaml');
    const unix = parseCampaign(lines.join('\n'), 'unix.yaml');
    expect(JSON.stringify(mac.techniques)).to.equal(JSON.stringify(unix.techniques));
    expect(mac.techniques.map((technique) => technique.line)).to.deep.equal([4, 6]);
  });

  it("extract cites each reference on its own line, as suggest numbers them", () => {
    const text = ['Phishing (T1566.001) came first.', 'Then PowerShell (T1059.001).', 'And a task (T1053.005).'].join('\r');
    expect(extractReferences(text).map((ref) => ref.line)).to.deep.equal([1, 2, 3]);
  });
});

describe('data add: a release cut short', () => {
  it('says the line and column where the JSON stops', () => {
    const text = '{\n  "type": "bundle",\n  "objects": [\n    {"type": "attack-pattern", "name": "Phish';
    expect(() => parseBundleBytes({ file: 'cut.json', bytes: Buffer.from(text), sha256: '' })).to.throw(
      'cut.json:4: not valid JSON at column 40: unterminated string, or a control character or bad escape in it; is the file complete?',
    );
  });
});

// An empty release (a failed `curl … > x.json`) was "x.json:1: not valid JSON at column 1: unexpected end of the file".
describe('data add, --attack: an empty release file', () => {
  const again = 'an ATT&CK release is a STIX bundle in JSON, such as enterprise-attack-18.1.json: download or copy the whole file again (`attack-layers data fetch` downloads one)';
  const given: Array<[file: string, bytes: Buffer, what: string]> = [
    ['empty.json', Buffer.alloc(0), 'it is empty'],
    ['blank.json', Buffer.from(' \n'), 'it holds only blank space'],
    ['empty.json.gz', gzipSync(Buffer.alloc(0)), 'its gzip data holds nothing'],
  ];
  for (const [file, bytes, what] of given) {
    it(`${file}: says ${what} and what to do, exit 1`, async () => {
      const folder = freshTmpDir('empty-release');
      const path = join(folder, file);
      writeFileSync(path, bytes);
      for (const argv of [['technique', 'T1059', '--attack', path], ['data', 'add', path]]) {
        const run = await runCli(argv, { XDG_CACHE_HOME: join(folder, 'cache') });
        expect([run.code, run.stderr]).to.deep.equal([1, `attack-layers ${argv[0]}: ${path}: no JSON in it: ${what}; ${again}\n`]);
      }
    });
  }
});

describe('--out - and --report-out -', () => {
  for (const argv of [
    ['combine', 'LAYER', 'LAYER', '--op', 'max', '--out', '-'],
    ['export', 'LAYER', '--format', 'svg', '--out=-'],
    ['render', 'CAMPAIGN', '--out', '-'],
    ['upgrade', 'LAYER', '--report', 'md', '--report-out', '-'],
  ]) {
    it(`${argv.join(' ')}: refused, naming the flag (a file or folder named "-" was written without a word)`, async () => {
      const folder = freshTmpDir('dash-out');
      writeFileSync(join(folder, 'layer.json'), HAND_EDITED.replace(/\/\/.*|\/\* kept short \*\/|,(?=\s*[\]}])/g, ''));
      writeFileSync(join(folder, 'c.yaml'), 'name: C\ntechniques:\n  - ref: T1059.001\n');
      const args = argv.map((arg) => (arg === 'LAYER' ? 'layer.json' : arg === 'CAMPAIGN' ? 'c.yaml' : arg));
      const result = await runCli(args, {}, { cwd: folder });
      expect(result.code).to.equal(2);
      expect(result.stderr).to.match(/--(report-)?out -: "-" is no output path; leave --(report-)?out out where the command writes to stdout/);
      expect(readdirSync(folder).sort()).to.deep.equal(['c.yaml', 'layer.json']);
    });
  }
});

describe('a file that is missing, a folder or no text, given where a file of some extension is expected', () => {
  it('gap --log-sources says what the path is, rather than that it has the wrong extension', async () => {
    const folder = freshTmpDir('log-sources');
    writeFileSync(join(folder, 'c.yaml'), 'name: C\ntechniques:\n  - ref: T1059.001\n');
    writeFileSync(join(folder, 'sources.pdf'), '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
    const said = async (path: string): Promise<string> => {
      const campaign = join(folder, 'c.yaml');
      const result = await runCli(['gap', '--threat', campaign, '--coverage', campaign, '--log-sources', join(folder, path), '--out', join(folder, 'out')]);
      expect(result.code).to.not.equal(0);
      return result.stderr.trim();
    };
    // Said by its flag, before ATT&CK is read.
    expect(await said('missing.txt')).to.equal(`attack-layers gap: --log-sources ${join(folder, 'missing.txt')}: no such file`);
    expect(await said('.')).to.equal(`attack-layers gap: ${folder}: is a folder, not a file; name a file in it`);
    expect(await said('sources.pdf')).to.equal(`attack-layers gap: ${join(folder, 'sources.pdf')}: this is a PDF; convert it to text first (pdftotext)`);
  });

  it('data add names a missing release file so', async () => {
    const result = await runCli(['data', 'add', join(freshTmpDir('data-add'), 'enterprise-attack-18.1.json')]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/enterprise-attack-18\.1\.json: no such file; check the path\n$/);
  });
});

describe('--attack <file> and data add <file>: a file that is no ATT&CK release', () => {
  const release = 'not an ATT&CK release (a STIX bundle such as enterprise-attack-18.1.json, which `attack-layers data fetch` downloads)';
  const given: Array<[file: string, text: string, said: string]> = [
    ['c.yaml', 'name: C\ntechniques:\n  - ref: T1059.001\n', `c.yaml: this is a campaign file, ${release}; use normalize, render or compare`],
    ['hand.json', HAND_EDITED, `hand.json: this is an ATT&CK Navigator layer, ${release}; use validate, upgrade, combine or export`],
    ['report.txt', 'The actor ran PowerShell (T1059.001) after the phishing mail.\n', `report.txt: this is text that is not JSON, ${release}; a report's text goes to extract or suggest`],
  ];
  for (const [file, text, said] of given) {
    it(`${file}: says what it is and what to give, not "not valid JSON …; is the file complete?"`, async () => {
      const folder = freshTmpDir('not-a-release');
      const path = join(folder, file);
      writeFileSync(path, text);
      const flag = await runCli(['technique', 'T1059', '--attack', path]);
      expect(flag.code).to.equal(1);
      expect(flag.stderr).to.contain(`attack-layers technique: ${folder}/${said}`);
      const added = await runCli(['data', 'add', path], { XDG_CACHE_HOME: join(folder, 'cache') });
      expect(added.code).to.equal(1);
      expect(added.stderr).to.contain(`attack-layers data: ${folder}/${said}`);
    });
  }

  it('a release cut short still asks whether the file is complete', async () => {
    const path = join(freshTmpDir('cut-release'), 'enterprise-attack-18.1.json');
    writeFileSync(path, '{\n  "type": "bundle",\n  "objects": [\n    {"type": "attack-pattern"');
    const flag = await runCli(['technique', 'T1059', '--attack', path]);
    expect(flag.code).to.equal(1);
    expect(flag.stderr).to.contain(`${path}:4: not valid JSON at column 30: unexpected end of the file (expected ',' or '}'); is the file complete?`);
  });
});

describe('--out: a file where the command writes into a folder', () => {
  it('names --out and says to give a folder, rather than "a part of the path is a file, not a folder (ENOTDIR)"', async () => {
    const folder = freshTmpDir('out-file');
    const campaign = join(folder, 'c.yaml');
    writeFileSync(campaign, 'name: C\ntechniques:\n  - ref: T1059.001\n');
    const out = join(folder, 'exists.json');
    writeFileSync(out, '{}\n');
    const rendered = await runCli(['render', campaign, '--out', out]);
    expect(rendered.code).to.equal(2);
    expect(rendered.stderr).to.equal(
      `attack-layers render: --out ${out} is a file, but --out names the folder this command writes c.layer.json into; give a folder (it is made when missing), or remove or rename the file\n`,
    );
    const layer = join(folder, 'layer.json');
    writeFileSync(layer, JSON.stringify(parseJsonText(HAND_EDITED, 'hand.json', { repair: true })));
    const upgraded = await runCli(['upgrade', layer, '--out', join(out, 'up.json')]);
    expect(upgraded.code).to.equal(2);
    expect(upgraded.stderr).to.contain(`--out ${join(out, 'up.json')}: ${out} is a file, not a folder; give --out a path whose folders are folders`);
    expect(readFileSync(out, 'utf8')).to.equal('{}\n');
  });
});

describe('--attack or ATTACK_STIX_DIR: a folder that holds no release file', () => {
  it('is refused naming it and how release files are named, rather than passed over for the next place', async () => {
    const folder = freshTmpDir('no-releases');
    writeFileSync(join(folder, 'my-bundle.json'), '{"type": "bundle", "objects": []}');
    const flag = await runCli(['technique', 'T1059', '--attack', folder]);
    expect(flag.code).to.equal(2);
    expect(flag.stderr).to.contain(`${folder}: no ATT&CK release file in this folder (given as --attack); release files are named like enterprise-attack-18.1.json`);
    const env = await runCli(['technique', 'T1059'], { ATTACK_STIX_DIR: folder });
    expect(env.code).to.equal(2);
    expect(env.stderr).to.contain('(given as ATTACK_STIX_DIR)');
  });
});

describe('gap --coverage: a PDF or a spreadsheet given as coverage', () => {
  it('is said to be one, with what to do, rather than "not a coverage input" and the list of every format', async () => {
    const folder = freshTmpDir('coverage-binary');
    const campaign = join(folder, 'c.yaml');
    writeFileSync(campaign, 'name: C\ntechniques:\n  - ref: T1059.001\n');
    writeFileSync(join(folder, 'rules.pdf'), '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
    writeFileSync(join(folder, 'rules.xlsx'), Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'));
    for (const [name, what] of [['rules.pdf', 'this is a PDF; convert it to text first'], ['rules.xlsx', 'this is a zip archive (an .xlsx or .docx file is one)']]) {
      const result = await runCli(['gap', '--threat', campaign, '--coverage', join(folder, name!), '--out', join(folder, 'out')]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.contain(`${join(folder, name!)}: ${what}`);
    }
  });
});

describe('compare given a folder', () => {
  it('says to name one of its campaign files, not to call a library function', async () => {
    const folder = freshTmpDir('compare-folder');
    const result = await runCli(['compare', folder, '--with', 'APT32']);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.equal(`attack-layers compare: ${folder}: is a folder, not a campaign file; name one of the campaign files (*.yaml, *.yml, *.json) in it\n`);
  });
});
