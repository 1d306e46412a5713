import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

// References an analyst writes that name no technique: a behaviour, an old name with a detail, a name from a Japanese
// report's table (スピアフィッシング添付ファイル, "spearphishing attachment"), beside ones normalize reads.
const CAMPAIGN = [
  'name: Words, not names',
  'techniques:',
  '  - ref: steals browser cookies',
  '  - ref: Credential Dumping from LSASS',
  '  - ref: Spearphishing Attachment (T1193)',
  '  - ref: スピアフィッシング添付ファイル',
  '  - ref: T9999',
  '',
].join('\n');

interface JsonReference {
  raw: string;
  status: string;
  ids: string[];
  suggested?: { candidates: { id: string; name: string; score: number; why: string }[]; note?: string };
}

function campaignFile(): string {
  const file = join(freshTmpDir('normalize-suggest'), 'words.yaml');
  writeFileSync(file, CAMPAIGN);
  return file;
}

describe('attack-layers normalize --suggest', function () {
  // A first run builds the suggestion model of the release into the tests' cache (seconds), as suggest's tests do.
  this.timeout(180_000);

  it('ranks techniques for the words of each reference left unknown, never taking one as the reference', async () => {
    const file = campaignFile();
    const plain = await runCli(['normalize', file, '--json']);
    const result = await runCli(['normalize', file, '--json', '--suggest']);
    expect([result.code, plain.code]).to.deep.equal([0, 0]);
    const [campaign] = JSON.parse(result.stdout) as { references: JsonReference[]; techniques: { id: string }[] }[];
    const [before] = JSON.parse(plain.stdout) as { references: JsonReference[]; techniques: { id: string }[] }[];
    // What normalize resolved is the same with and without: the suggestions are beside the references, not in them.
    expect(campaign!.techniques).to.deep.equal(before!.techniques);
    expect(campaign!.references.map((r) => [r.status, r.ids])).to.deep.equal(before!.references.map((r) => [r.status, r.ids]));
    expect(before!.references.some((r) => r.suggested)).to.equal(false);
    const first = (raw: string) => campaign!.references.find((r) => r.raw === raw)?.suggested?.candidates[0]?.id;
    expect([
      first('steals browser cookies'),
      first('Credential Dumping from LSASS'),
      first('スピアフィッシング添付ファイル'),
    ]).to.deep.equal(['T1539', 'T1003.001', 'T1566.001']);
    const japanese = campaign!.references.find((r) => r.raw === 'スピアフィッシング添付ファイル')!;
    expect(japanese.suggested!.note).to.match(/^Japanese, read through the glossary: /);
    expect(japanese.suggested!.candidates).to.have.length(3);
    // Resolved references get none, and an unknown ID is no words to rank.
    expect(campaign!.references.filter((r) => r.suggested).map((r) => r.raw)).to.deep.equal([
      'steals browser cookies',
      'Credential Dumping from LSASS',
      'スピアフィッシング添付ファイル',
    ]);
  });

  it('lists them after the table, by line, and the run still fails with --strict', async () => {
    const file = campaignFile();
    const result = await runCli(['normalize', file, '--suggest', '--strict']);
    expect(result.code).to.equal(1);
    const lines = result.stdout.split('\n');
    const at = lines.indexOf('suggested for references left unknown (to review: never taken as the reference):');
    expect(at).to.be.above(0);
    expect(lines[at + 1]).to.equal('  line 3: "steals browser cookies"');
    expect(lines[at + 2]).to.match(/^ {4}1\. T1539 Steal Web Session Cookie {2}score [\d.]+ {2}words "steals", "browser", "cookies"/);
    expect(lines).to.include('  line 6: "スピアフィッシング添付ファイル"');
    expect(result.stderr).to.include(`${file}:3: unknown: steals browser cookies`);
    expect(result.stderr).to.not.include('--suggest ranks');
  });

  it('says, without it, that --suggest would rank techniques for the references left unknown', async () => {
    const result = await runCli(['normalize', campaignFile()]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.not.include('suggested for');
    expect(result.stderr).to.include('note: 4 references left unknown: --suggest ranks techniques for their words');
  });

  it('says why nothing is suggested for a name in a language suggest does not read (Russian), where before it said nothing', async () => {
    // Russian renderings of T1566 Phishing and T1059 Command and Scripting Interpreter, as a Russian-language table writes them.
    const file = join(freshTmpDir('normalize-suggest'), 'russian.yaml');
    writeFileSync(file, ['name: Russian names', 'techniques:', '  - ref: Фишинг', '  - ref: Интерпретатор командной строки и сценариев', ''].join('\n'));
    const result = await runCli(['normalize', file, '--suggest']);
    expect(result.code).to.equal(0);
    const lines = result.stdout.split('\n');
    const at = lines.indexOf('suggested for references left unknown (to review: never taken as the reference):');
    expect(lines.slice(at + 1, at + 5)).to.deep.equal([
      '  line 3: "Фишинг"',
      '    (language not supported (Cyrillic): ATT&CK is written in English only, so nothing was suggested)',
      '  line 4: "Интерпретатор командной строки и сценариев"',
      '    (language not supported (Cyrillic): ATT&CK is written in English only, so nothing was suggested)',
    ]);
  });
});
