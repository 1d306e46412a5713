/**
 * A new user's first hour, as README's Quick start and CLI reference lead it: the slips a first-time user makes on
 * the command line (a command or flag a letter off, a flag that swallows the file after it, a folder where a file is
 * wanted, ATT&CK data pointed at nothing), each to exit non-zero with words naming the place and what to do.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';

describe('cli: a new user\'s first hour', () => {
  describe('a misspelled command named before its flags', () => {
    // `rendr campaigns --out x` said "unknown option --out", the one word that was right.
    for (const [argv, says] of [
      [['rendr', 'campaigns', '--out', '/tmp/x'], 'unknown command "rendr"; did you mean render?'],
      [['--quiet', 'normalise', APT32], 'unknown command "normalise"; did you mean normalize?'],
      [['valdate', 'layers', '--json'], 'unknown command "valdate"; did you mean validate?'],
    ] as const) {
      it(`${argv.join(' ')}: ${says}`, async () => {
        const result = await runCli(argv);
        expect([result.code, result.stderr]).to.deep.equal([2, `attack-layers: ${says}\nRun \`attack-layers --help\` for usage.\n`]);
      });
    }
  });

  describe('a flag a slip of the keyboard away from one the command takes', () => {
    // closestWord allows no edit in a word under 5 letters: --ot, --josn, --jsno named no flag.
    for (const [argv, wrong, meant] of [
      [['normalize', APT32, '--josn'], '--josn', '--json'],
      [['validate', 'layers', '--jsno'], '--jsno', '--json'],
      [['attack-object', 'APT32', '--nmae', 'x'], '--nmae', '--name'],
    ] as const) {
      it(`${wrong} -> ${meant}`, async () => {
        const result = await runCli(argv);
        expect(result.code).to.equal(2);
        expect(result.stderr).to.include(`unknown option ${wrong}; did you mean ${meant}?`);
      });
    }

    it('--ot -> --out (a letter left out), not --to, a flag of two letters whose letters swapped are no slip to judge by', async () => {
      const result = await runCli(['render', 'campaigns', '--ot', '/tmp/x']);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.include('unknown option --ot; did you mean --out?');
    });

    it('--top is named as unknown, not as --to, the two-letter alias of --attack-release', async () => {
      // `gap … --top 10` (the ranked list cut to ten, which gap does not do) was asked `did you mean --to?`.
      const result = await runCli(['gap', '--threat', 'campaigns', '--coverage', 'test/fixtures/gap/detections.csv', '--out', '/tmp/never-written', '--top', '10']);
      expect([result.code, result.stderr]).to.deep.equal([2, 'attack-layers gap: unknown option --top\nRun `attack-layers gap --help` for usage.\n']);
    });
  });

  describe('an unknown flag that took the file after it as its value', () => {
    it('normalize --josn campaigns says --josn took "campaigns", not only that <campaigns> is missing', async () => {
      const result = await runCli(['normalize', '--josn', 'campaigns']);
      expect([result.code, result.stderr]).to.deep.equal([
        2,
        'attack-layers normalize: missing <campaigns>: campaign files (YAML or JSON), folders of them, or - for standard input; ' +
          'unknown option --josn, which took "campaigns" as its value; did you mean --json?\nRun `attack-layers normalize --help` for usage.\n',
      ]);
    });
  });

  describe('a folder given where one file is read', () => {
    // It said `layers: is a folder, not a file`, and not what to give instead.
    // (combine reads a folder's layers now, as validate and upgrade do: test/cli/combine.test.ts.)
    for (const argv of [
      ['suggest', 'campaigns'],
      ['export', 'layers', '--out', 'x.svg'],
    ]) {
      it(argv.join(' '), async () => {
        const result = await runCli(argv);
        expect([result.code, result.stderr]).to.deep.equal([2, `attack-layers ${argv[0]}: ${argv[1]}: is a folder, not a file; name a file in it\n`]);
      });
    }
  });

  describe('upgrade of several layers with --out naming a .json file', () => {
    // It wrote a folder named u.json holding both layers.
    it('is refused, naming --out and the layers, rather than made a folder of that name', async () => {
      const out = join(freshTmpDir('first-hour-upgrade'), 'u.json');
      const result = await runCli(['upgrade', 'layers/all.layer.json', 'layers/apt32-covid19-wuhan.layer.json', '--out', out]);
      expect([result.code, result.stderr]).to.deep.equal([
        2,
        `attack-layers upgrade: --out ${out} names a .json file, but 2 layer files were given (layers/all.layer.json, layers/apt32-covid19-wuhan.layer.json): ` +
          'give --out a folder to write each layer into (--out upgraded), or upgrade one layer file at a time\nRun `attack-layers upgrade --help` for usage.\n',
      ]);
      expect(existsSync(out)).to.equal(false);
    });

    it('writes them into a folder named so when it exists', async () => {
      const out = join(freshTmpDir('first-hour-upgrade'), 'u.json');
      mkdirSync(out);
      const result = await runCli(['upgrade', 'layers/all.layer.json', 'layers/apt32-covid19-wuhan.layer.json', '--out', out, '-q']);
      expect(result.code).to.equal(0);
      expect(existsSync(join(out, 'all.layer.json'))).to.equal(true);
    });
  });

  describe('ATT&CK data pointed at nothing', () => {
    // It said only `/x: no such file or folder (given as ATTACK_STIX_DIR)`, where the user of the Quick start, who
    // needs no ATT&CK data set up, has only to unset the variable.
    it('ATTACK_STIX_DIR naming no folder says to point it at one or unset it', async () => {
      const missing = join(freshTmpDir('first-hour-stix'), 'attack-stix');
      const result = await runCli(['technique', 'T1059'], { ATTACK_STIX_DIR: missing });
      expect([result.code, result.stderr]).to.deep.equal([
        2,
        `attack-layers technique: ${missing}: no such file or folder (given as ATTACK_STIX_DIR); point ATTACK_STIX_DIR at a folder of release files, ` +
          'or unset it to use the cache or the snapshot shipped with attack-layers\n',
      ]);
    });

    it('--attack naming no file says to check it or leave it out', async () => {
      const missing = join(freshTmpDir('first-hour-stix'), 'enterprise-attack-18.1.json');
      const result = await runCli(['technique', 'T1059', '--attack', missing]);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.equal(
        `attack-layers technique: ${missing}: no such file or folder (given as --attack); check the path, or leave --attack out to use ATT&CK data found elsewhere (see \`attack-layers data list\`)\n`,
      );
    });
  });

  it('validate --help says it checks campaign files too', async () => {
    const result = await runCli(['validate', '--help']);
    expect(result.stdout).to.match(/^attack-layers validate <layers-or-campaigns\.\.>\n\nCheck Navigator layer files \(the 4\.5 schema, then every technique against ATT&CK\) and campaign files\n/);
    const top = await runCli(['--help']);
    expect(top.stdout.replace(/\s+/g, ' ')).to.include('Check Navigator layer files (the 4.5 schema, then every technique against ATT&CK) and campaign files');
  });

  describe('- (standard input) given to a command that takes no file', () => {
    // attack-object looked "-" up as a name (`no group, software or campaign "-" …; did you mean S0110 at, S0385
    // njRAT?`, exit 1); technique said `"-" is not a technique ID`.
    for (const [argv, says] of [
      [['attack-object', '-'], 'attack-layers attack-object: - (standard input) is not read by attack-object; name the groups, software or campaigns as arguments, by ID, name or alias (attack-object APT32 S0154 C0021)\nRun `attack-layers attack-object --help` for usage.\n'],
      [['technique', '-'], 'attack-layers technique: - (standard input) is not read by technique; give the IDs as arguments (technique T1059 T1566.001), or pipe them through xargs: cat ids.txt | xargs attack-layers technique\nRun `attack-layers technique --help` for usage.\n'],
    ] as const) {
      it(argv.join(' '), async () => {
        const result = await runCli(argv, {}, { stdin: 'G0050\n' });
        expect([result.code, result.stdout, result.stderr]).to.deep.equal([2, '', says]);
      });
    }
  });

  it('gap --help shows its required flags in its usage line', async () => {
    // gap takes no positional, and its usage line was `attack-layers gap` alone.
    const result = await runCli(['gap', '--help']);
    expect(result.stdout).to.match(
      /^attack-layers gap --threat <campaigns\|layers\.\.> --coverage <rules\|detections\|layer\.\.> --out <dir>\n\nReview threat techniques against detection coverage: coverage layer, gap layer, ranked report\n\nOptions:\n/,
    );
  });

  describe('a folder given as the one output file', () => {
    // It said `/tmp/… is a folder; give the name of a file to write`, naming no flag.
    for (const [command, flag] of [
      [['compare', APT32], '--out'],
      [['combine', 'layers/all.layer.json', 'layers/apt32-covid19-wuhan.layer.json', '--op', 'max'], '--out'],
      [['upgrade', 'layers/all.layer.json', '--report', 'md'], '--report-out'],
    ] as const) {
      it(`${command[0]} ${flag} <folder>`, async () => {
        const folder = freshTmpDir('first-hour-out');
        const result = await runCli([...command, flag, folder, '-q']);
        expect([result.code, result.stdout, result.stderr]).to.deep.equal([
          2,
          '',
          `attack-layers ${command[0]}: ${flag} ${folder} is a folder; give ${flag} the name of the file to write (in that folder or elsewhere)\n`,
        ]);
      });
    }
  });

  it('export --out <folder> says it is a folder, not that it has no known extension', async () => {
    // It said `give --format (svg, html, xlsx, csv, md): /tmp/… does not end in a known extension`.
    const folder = freshTmpDir('first-hour-export');
    const result = await runCli(['export', 'layers/all.layer.json', '--out', folder]);
    expect([result.code, result.stderr]).to.deep.equal([
      2,
      `attack-layers export: --out ${folder} is a folder; give --out the name of the file to write, its extension the format (${join(folder, 'matrix.svg')})\nRun \`attack-layers export --help\` for usage.\n`,
    ]);
  });

  describe('a report given where its campaign file goes', () => {
    // A report's text read as YAML: README.md gave 32 syntax errors (`Implicit keys need to be on a single line`), a
    // report of one paragraph `must be a mapping of fields …, not the string "…"`; none said to run extract. The
    // report: the opening of Mandiant's APT1 report in our words (https://www.mandiant.com/resources/reports/apt1-exposing-one-of-chinas-cyber-espionage-units), as a PDF's text gives it.
    const report =
      'APT1: Exposing One of China\'s Cyber Espionage Units\n\n' +
      'Since 2004, Mandiant has investigated computer security breaches at hundreds of organizations around the world.\n' +
      'The group sends spear phishing emails (T1566.001) with a malicious attachment: "Contents of email: see the attached file."\n';
    for (const name of ['apt1.txt', 'apt1-report']) {
      it(`normalize ${name} says to run extract on it`, async () => {
        const file = join(freshTmpDir('first-hour-report'), name);
        writeFileSync(file, report);
        const result = await runCli(['normalize', file]);
        expect([result.code, result.stderr]).to.deep.equal([
          1,
          `attack-layers normalize: ${file}: this is a report's text, not a campaign file; make a campaign file of its technique references with \`attack-layers extract ${file} > campaign.yaml\`, review it, then normalize or render that\n`,
        ]);
      });
    }

    it('from standard input, names extract - (render too)', async () => {
      const result = await runCli(['render', '-', '--out', join(freshTmpDir('first-hour-report'), 'layers')], {}, { stdin: report });
      expect(result.code).to.equal(1);
      expect(result.stderr).to.include("<stdin>: this is a report's text, not a campaign file; make a campaign file of its technique references with `attack-layers extract - > campaign.yaml`");
    });

    it('a campaign file with a YAML mistake is still told its mistakes', async () => {
      const file = join(freshTmpDir('first-hour-report'), 'apt32.yaml');
      writeFileSync(file, readFileSync(APT32, 'utf8').replace('  - ref: Regsvr32 (T1117)', '\t- ref: Regsvr32 (T1117)'));
      const result = await runCli(['normalize', file]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.include('is indented with a tab');
      expect(result.stderr).to.not.include("this is a report's text");
    });
  });

  describe("gap --threat given a group's name or ID, not a file", () => {
    // A detection engineer reviewing APT29's techniques wrote its name, which said only `no such file or folder`.
    const coverage = ['--coverage', 'test/fixtures/gap/detections.csv', '--out', '/tmp/never-written'];
    for (const [given, shown, file] of [
      ['APT29', 'APT29', 'apt29.layer.json'],
      ['G0016', 'G0016', 'g0016.layer.json'],
      ['Lazarus Group', '"Lazarus Group"', 'lazarus-group.layer.json'],
    ] as const) {
      it(`--threat ${given} says how attack-object makes its layer`, async () => {
        const result = await runCli(['gap', '--threat', given, ...coverage]);
        expect([result.code, result.stderr]).to.deep.equal([
          2,
          `attack-layers gap: --threat ${given}: no such file or folder; give the layer of the ATT&CK group, software or campaign, if ${given} names one, ` +
            `which attack-object makes: attack-layers attack-object ${shown} > ${file}, then --threat ${file} ` +
            `(or pipe it in: attack-layers attack-object ${shown} | attack-layers gap --threat - …)\n`,
        ]);
      });
    }

    // A path typed wrong is only missing: a folder's name in lower case, or a name with a folder or an extension.
    for (const given of ['campaign', 'campaigns/APT29', 'APT29.json']) {
      it(`--threat ${given} is only said to be missing`, async () => {
        const result = await runCli(['gap', '--threat', given, ...coverage]);
        expect([result.code, result.stderr]).to.deep.equal([2, `attack-layers gap: --threat ${given}: no such file or folder\n`]);
      });
    }

    it('the command it gives makes a layer gap reviews', async () => {
      const dir = freshTmpDir('first-hour-object');
      const made = await runCli(['attack-object', 'APT29', '--quiet']);
      expect(made.code).to.equal(0);
      writeFileSync(join(dir, 'apt29.layer.json'), made.stdout);
      const review = await runCli(['gap', '--threat', join(dir, 'apt29.layer.json'), '--coverage', 'test/fixtures/gap/detections.csv', '--out', join(dir, 'review'), '--quiet']);
      expect([review.code, review.stderr]).to.deep.equal([0, '']);
    });
  });

  describe('--out given to a command that prints on stdout', () => {
    // `extract report.txt --out apt32.yaml`, as render and gap take --out, said only `unknown option --out`.
    for (const [argv, says] of [
      [['extract', 'README.md', '--out', 'x.yaml'], 'unknown option --out; extract prints the campaign skeleton on stdout: redirect it to a file (attack-layers extract report.txt > campaign.yaml)'],
      [['extract', 'README.md', '-o', 'x.yaml'], 'unknown option -o; extract prints the campaign skeleton on stdout: redirect it to a file (attack-layers extract report.txt > campaign.yaml)'],
      [['normalize', APT32, '--output', 'n.txt'], 'unknown option --output; normalize prints its table (JSON with --json) on stdout: redirect it to a file (attack-layers normalize campaign.yaml --json > normalized.json)'],
      [['validate', 'layers', '--out', 'v.json'], 'unknown option --out; validate prints its findings (JSON with --json) on stdout: redirect it to a file (attack-layers validate layer.json --json > findings.json)'],
    ] as const) {
      it(`${argv[0]} ${argv[2]}`, async () => {
        const result = await runCli(argv);
        expect([result.code, result.stderr]).to.deep.equal([2, `attack-layers ${argv[0]}: ${says}\nRun \`attack-layers ${argv[0]} --help\` for usage.\n`]);
      });
    }

    it('render --output still names --out, which render takes', async () => {
      const result = await runCli(['render', 'campaigns', '--output', '/tmp/x']);
      expect(result.stderr).to.include('unknown option --output; did you mean --out?');
    });
  });

  describe('gap given its rules by another word than --coverage', () => {
    // `gap --threat x --sigma rules --out r` said `--coverage is required (` and 700 characters of what it takes, then
    // `unknown option --sigma` with no word of the flag meant.
    const note = '(Sigma or other rules, a detections file or a coverage layer)? (gap reads every kind of coverage from --coverage, which takes several)';
    for (const word of ['--sigma', '--rules', '--detections']) {
      it(`${word} names --coverage, once`, async () => {
        const result = await runCli(['gap', '--threat', 'campaigns', word, 'test/fixtures/gap/detections.csv', '--out', '/tmp/never-written']);
        expect([result.code, result.stderr]).to.deep.equal([
          2,
          `attack-layers gap: unknown option ${word}; did you mean --coverage test/fixtures/gap/detections.csv ${note}\nRun \`attack-layers gap --help\` for usage.\n`,
        ]);
      });
    }
  });

  describe('help and version as other tools take them', () => {
    it('help render shows render --help (it said: unknown command "help")', async () => {
      const [asked, help] = [await runCli(['help', 'render']), await runCli(['render', '--help'])];
      expect([asked.code, asked.stdout]).to.deep.equal([0, help.stdout]);
      expect(asked.stdout).to.match(/^attack-layers render <campaigns\.\.>\n/);
    });

    for (const [argv, says] of [
      [['help', 'rendr'], 'unknown command "rendr"; did you mean render?'],
      [['version'], 'unknown command "version"; attack-layers --version prints the version'],
      [['-v'], 'unknown option -v; attack-layers --version prints the version'],
    ] as const) {
      it(`${argv.join(' ')}: ${says}`, async () => {
        // -v said `name a command; see --help`; version and help rendr said `unknown command "…"` alone.
        const result = await runCli(argv);
        expect([result.code, result.stderr]).to.deep.equal([2, `attack-layers: ${says}\nRun \`attack-layers --help\` for usage.\n`]);
      });
    }
  });
});
