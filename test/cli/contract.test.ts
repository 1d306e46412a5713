/**
 * The CLI's one contract, command by command: --help, a missing argument, a misspelled option and standard input,
 * with the words and exit codes each must give. A command added to lib/cli/commands/index.ts must get a row here.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { commandName, commands } from '../../lib/cli/commands/index.js';
import { globalWords } from '../../lib/cli/options.js';
import { freshTmpDir, hasStackTrace, loadRelease, repoRoot, runCli, stixFile } from '../helpers/attack.js';
import { readDoc } from '../helpers/docs.js';

const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';
const LAYER = 'layers/apt32-covid19-wuhan.layer.json';

interface Row {
  /** Arguments that leave out what the command needs, and the words it must say (exit 2). */
  missing: readonly [argv: string[], says: string];
  /** Arguments its handler refuses (not yargs: flags it cannot take together, a value it refuses), and the words it must say (exit 2). */
  refused?: readonly [argv: string[], says: string];
  /** Arguments with a misspelled flag, that flag, and the flag it must suggest (exit 2). */
  misspelled: readonly [argv: string[], wrong: string, suggests: string];
  /** A run reading `-` from standard input: arguments, the input, and a check of what it printed (exit 0). */
  stdin?: readonly [argv: () => string[], input: () => string | Uint8Array, check: (stdout: string, stderr: string) => void];
}

const table: Record<string, Row> = {
  normalize: {
    refused: [['-', '-'], '- (standard input) is given more than once; it can be read once'],
    missing: [[], 'missing <campaigns>: campaign files (YAML or JSON), folders of them, or - for standard input'],
    misspelled: [[APT32, '--jsn'], '--jsn', '--json'],
    stdin: [() => ['-'], () => readFileSync(APT32), (stdout) => expect(stdout).to.match(/^APT32 targets Wuhan government \(COVID-19\) \(<stdin>\)\n/)],
  },
  extract: {
    refused: [['README.md', '--no-campaigns'], '--no-campaigns leaves out the campaigns a STIX bundle attributes to the actor --actor chooses: give --actor too'],
    missing: [[], 'missing <reports>'],
    misspelled: [['report.txt', '--nme', 'x'], '--nme', '--name'],
    stdin: [() => ['-', '--json'], () => 'The actor used T1193 and then Regsvr32 (T1117).\n', (stdout) => expect(JSON.parse(stdout).references).to.have.length(2)],
  },
  suggest: {
    refused: [['README.md', '--top', '0'], '--top 0: give a whole number of candidates, 1 or more'],
    missing: [[], 'missing <report>'],
    misspelled: [['report.txt', '--lins'], '--lins', '--lines'],
    stdin: [
      () => ['-', '--json', '--top', '1'],
      () => 'The actor sent spearphishing emails with malicious attachments to the victims.\n',
      (stdout) => expect(JSON.parse(stdout)[0].text).to.match(/^The actor sent spearphishing/),
    ],
  },
  render: {
    refused: [[APT32, '--out', 'x', '--min-campaigns', '2'], '--min-campaigns applies to the aggregate layer: give --aggregate <name> too'],
    missing: [[APT32], '--out is required (the folder to write <campaign id>.layer.json files into)'],
    misspelled: [[APT32, '--out', 'x', '--scor', 'presence'], '--scor', '--score'],
    stdin: [
      () => ['-', '--out', join(freshTmpDir('contract'), 'out')],
      () => readFileSync(APT32),
      // A campaign from standard input takes its file name from its own name.
      (stdout) => expect(stdout).to.match(/\/apt32-targets-wuhan-government-covid-19\.layer\.json\n$/),
    ],
  },
  validate: {
    refused: [['-', '-'], '- (standard input) is given more than once; it can be read once'],
    missing: [[], 'missing <layers-or-campaigns>'],
    misspelled: [[LAYER, '--jason'], '--jason', '--json'],
    stdin: [() => ['-', '--json'], () => readFileSync(LAYER), (stdout) => expect(JSON.parse(stdout)).to.deep.equal([{ file: '<stdin>', errors: 0, warnings: 0, findings: [] }])],
  },
  upgrade: {
    refused: [[LAYER, 'layers/temp-periscope-cambodia-2018.layer.json'], 'several layer files: write them with --out <folder> or --in-place, or use --check'],
    missing: [[], 'missing <layers>'],
    misspelled: [[LAYER, '--in-plac'], '--in-plac', '--in-place'],
    stdin: [() => ['-'], () => readFileSync(LAYER), (stdout) => expect(stdout).to.equal(readFileSync(LAYER, 'utf8'))],
  },
  gap: {
    refused: [['--threat', APT32, '--coverage', 'test/fixtures/gap/detections.csv', '--out', 'x', '--min-coverage', '200'], '--min-coverage 200: give a number from 0 to 100'],
    missing: [['--threat', APT32, '--out', 'x'], '--coverage is required'],
    misspelled: [['--threat', APT32, '--coverage', 'test/fixtures/gap/detections.csv', '--out', 'x', '--min-coverge', '5'], '--min-coverge', '--min-coverage'],
    stdin: [
      () => ['--threat', '-', '--coverage', 'test/fixtures/gap/detections.csv', '--out', join(freshTmpDir('contract'), 'review'), '--report', 'json'],
      () => readFileSync(APT32),
      (stdout) => expect(stdout.trimEnd().split('\n').map((line) => line.split('/').pop())).to.deep.equal(['coverage.layer.json', 'gap.layer.json', 'gap-report.json']),
    ],
  },
  combine: {
    refused: [[LAYER, '--op', 'sum'], 'combine needs at least two layers, got 1; name more layer files (or a file holding an array of layers)'],
    missing: [[LAYER], '--op is required'],
    misspelled: [[LAYER, '--op', 'max', '--nam', 'x'], '--nam', '--name'],
    stdin: [() => ['-', LAYER, '--op', 'max'], () => readFileSync(LAYER), (stdout) => expect(JSON.parse(stdout).name).to.match(/^max of .* \(<stdin>\), /)],
  },
  export: {
    refused: [[LAYER, '--out', 'matrix.png'], '--out matrix.png: export writes svg, html, xlsx, csv or md, not .png'],
    missing: [[], 'missing <file>'],
    misspelled: [[LAYER, '--formt', 'csv'], '--formt', '--format'],
    stdin: [() => ['-', '--format', 'csv'], () => readFileSync(LAYER), (stdout) => expect(stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).to.equal('technique,name,tactic,score,color,comment,metadata,links,note')],
  },
  'attack-object': {
    refused: [['G0050', '--name', 'x'], '--name names the frequency layer: use it with --score frequency'],
    missing: [[], 'name at least one group, software or campaign'],
    misspelled: [['APT32', '--typ', 'group'], '--typ', '--type'],
  },
  compare: {
    refused: [['test/fixtures/layers/combine/a.json'], 'test/fixtures/layers/combine/a.json: nothing to compare layer "Layer A" with: its name and description name no ATT&CK group, campaign or software; pass --with <group|campaign|software>'],
    missing: [[], 'missing <campaign-or-layer>'],
    misspelled: [[APT32, '--wiht', 'G0050'], '--wiht', '--with'],
    stdin: [() => ['-', '--json'], () => readFileSync(APT32), (stdout) => expect(JSON.parse(stdout).comparisons[0].campaign.file).to.equal('<stdin>')],
  },
  technique: {
    refused: [['xyz'], '"xyz" is not a technique ID; write it like T1566 or T1566.001'],
    missing: [[], 'missing <ids>'],
    misspelled: [['T1193', '--jsonn'], '--jsonn', '--json'],
  },
  data: {
    refused: [['fetch', '--max-size', '0'], '--max-size 0: give a size in MB, e.g. 512'],
    missing: [[], 'missing <action>'],
    misspelled: [['fetch', '--index-ur', 'x'], '--index-ur', '--index-url'],
    stdin: [
      () => ['add', '-', '--domain', 'ics'],
      () => readFileSync(stixFile('stix21/ics-attack-18.1.json.gz')),
      (_stdout, stderr) => expect(stderr).to.match(/^added ATT&CK ics-attack 18\.1 \(STIX 2\.1\) as .*ics-attack-18\.1\.json\.gz\n$/),
    ],
  },
};

describe('the CLI contract, command by command', () => {
  it('has a row for every command', () => {
    expect(Object.keys(table).sort()).to.deep.equal(commands.map(commandName).sort());
  });

  // combine and compare wrote the layer's JSON into x.svg, and upgrade made a folder x.svg, all with exit 0.
  it('refuses an --out named for an export format where a command writes a layer (combine, compare, upgrade), writing nothing', async () => {
    const folder = freshTmpDir('layer-out');
    const runs: Array<[command: string, argv: string[], out: string]> = [
      ['combine', ['combine', LAYER, 'layers/temp-periscope-cambodia-2018.layer.json', '--op', 'sum'], 'both.svg'],
      ['compare', ['compare', 'campaigns/apt32-covid19-wuhan.yaml'], 'apt32.html'],
      ['upgrade', ['upgrade', LAYER], 'apt32.md'],
    ];
    for (const [command, argv, out] of runs) {
      const path = join(folder, out);
      const run = await runCli([...argv, '--out', path]);
      const json = path.replace(/\.\w+$/, '.json');
      const format = out.split('.')[1];
      expect([run.code, run.stdout, run.stderr, existsSync(path)]).to.deep.equal([
        2,
        '',
        `attack-layers ${command}: --out ${path}: ${command} writes a Navigator layer, which is JSON, not ${format}; give --out ${json}, then \`attack-layers export ${json} --out ${path}\` makes the ${format}\nRun \`attack-layers ${command} --help\` for usage.\n`,
        false,
      ]);
    }
  });

  // The README's row for upgrade lacked [--force], which --help lists.
  it("names every flag of each command in the CLI reference's rows for it (docs/cli-reference.md), as --help lists them", async () => {
    const reference = readDoc('docs/cli-reference.md');
    const usages = [...reference.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
    const missing: string[] = [];
    for (const spec of commands) {
      const name = commandName(spec);
      const rows = usages.filter((usage) => usage.split(' ')[0] === name);
      const { declaration } = await spec.declare();
      for (const flag of [...Object.keys(declaration.shared ?? {}), ...Object.keys(declaration.options ?? {})]) {
        if (!rows.some((usage) => new RegExp(`--(no-)?${flag}(?![\\w-])`).test(usage))) missing.push(`${name} --${flag}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  // --force said `replace output files that exist (nothing is overwritten without it)` in most commands, `replace a
  // release already in the cache` in data and `replace existing files under --out or --report-out` in upgrade.
  it('words --force alike in every command: replace what it overwrites, and that nothing is without it', async () => {
    const said: string[] = [];
    for (const spec of commands) {
      const use = (await spec.declare()).declaration.shared?.force;
      if (use === undefined) continue;
      const help = (await runCli([commandName(spec), '--help'])).stdout.replace(/\s+/g, ' ');
      said.push(/--force (?:[a-z ,]+: )?(replace .*?\(nothing is overwritten without it[;)])/.exec(help)?.[1] ?? `${commandName(spec)}: ${help.match(/--force .{0,80}/)?.[0]}`);
    }
    expect(said.length).to.be.greaterThan(6);
    for (const text of said) expect(text).to.match(/^replace .+ \(nothing is overwritten without it[;)]$/);
  });

  // The other way round: a row naming a flag its command does not take (renamed, removed, or another command's) sends
  // a first-time user to a usage error.
  it("names in the CLI reference's rows (docs/cli-reference.md) only flags their command takes", async () => {
    const reference = readDoc('docs/cli-reference.md');
    const usages = [...reference.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!).filter((usage) => !usage.startsWith('-'));
    const unknown: string[] = [];
    for (const usage of usages) {
      const name = usage.split(' ')[0]!;
      const spec = commands.find((command) => commandName(command) === name);
      if (!spec) {
        unknown.push(name);
        continue;
      }
      const { declaration } = await spec.declare();
      const known = new Set([...globalWords(true), ...Object.keys(declaration.shared ?? {}), ...Object.keys(declaration.options ?? {})]);
      for (const [, no, flag] of usage.matchAll(/--(no-)?([a-z][\w-]*)/g)) if (!known.has(flag!)) unknown.push(`${name} --${no ?? ''}${flag}`);
    }
    expect(unknown).to.deep.equal([]);
  });

  for (const spec of commands) {
    const name = commandName(spec);
    const row = table[name];
    if (!row) continue;
    describe(name, () => {
      it('--help lists its own options before the global ones, and examples whole', async () => {
        const module = await spec.declare();
        const result = await runCli([name, '--help']);
        expect([result.code, result.stderr]).to.deep.equal([0, '']);
        const own = result.stdout.indexOf('\nOptions:\n');
        const global = result.stdout.indexOf('\nGlobal options:\n');
        expect(global, 'Global options').to.be.greaterThan(0);
        expect(own, 'own options').to.be.within(0, global);
        for (const [line] of module.declaration.examples ?? []) expect(result.stdout).to.include(`\n  ${line.replace(/\$0/g, 'attack-layers')}\n`);
        // A required list of files has no default: yargs showed `[array] [required] [default: []]`.
        expect(result.stdout).not.to.match(/\[required\] +\[default/);
      });

      // Three options wrote a default as `(default max)`, the others `(default: …)`; yargs' own help and version
      // options said `Show help` and `Show version number`, capitalised beside every other option's lower-case words.
      it('--help words every option alike: a default as "(default: …)", help in lower case as the others', async () => {
        const result = await runCli([name, '--help']);
        expect(result.stdout).not.to.match(/\(default [^:]/);
        expect(result.stdout).to.match(/^ {2}-h, --help {2,}show this help /m);
        expect(result.stdout).not.to.match(/ {2}Show /);
      });

      // Defaults were said two ways: yargs' `[default: 5]` beside the type (suggest --top, gap --min-coverage) and
      // `(default: …)` in the description (upgrade --merge-score), the only form that can say one that is no value.
      it('says every default one way, "(default: …)" in the description, never yargs\' "[default: …]"', async () => {
        const help = (await runCli([name, '--help'])).stdout;
        expect(help).not.to.include('[default:');
        const { declaration } = await spec.declare();
        const shared = Object.entries(declaration.shared ?? {}).flatMap(([flag, use]) => (typeof use === 'object' ? [[flag, use] as const] : []));
        const declared = [...shared, ...Object.entries(declaration.options ?? {})].filter(([, option]) => option.default !== undefined);
        for (const [flag, option] of declared) {
          const said = typeof option.default === 'boolean' ? (option.default ? 'on' : 'off') : String(option.default);
          const line = help.split(/\n(?= {1,8}-)/).find((block) => block.trimStart().startsWith(`--${flag} `));
          expect(line?.replace(/\s+/g, ' '), `--${flag}`).to.include(`(default: ${said})`);
        }
      });

      it(`exits 2 for a missing argument: "${row.missing[1]}"`, async () => {
        const result = await runCli([name, ...row.missing[0]]);
        expect(result.code).to.equal(2);
        expect(result.stderr).to.include(`attack-layers ${name}: ${row.missing[1]}`);
        // Every one ends as yargs' own do, pointing to the help (attack-object's, said by its handler, ended without it).
        expect(result.stderr).to.match(new RegExp(`\nRun \`attack-layers ${name} --help\` for usage\.\n$`));
        expect(hasStackTrace(result.stderr)).to.equal(false);
      });

      // Only attack-object's handler ended its usage errors with the help line; every other handler's ended without it.
      if (row.refused) {
        const [refusedArgv, says] = row.refused;
        it(`exits 2 for a call its handler refuses, pointing to --help: "${says}"`, async () => {
          const result = await runCli([name, ...refusedArgv], {}, { stdin: '' });
          expect([result.code, result.stdout]).to.deep.equal([2, '']);
          expect(result.stderr).to.match(new RegExp(`^attack-layers ${name}: ${says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\nRun \`attack-layers ${name} --help\` for usage\.\n$`));
        });
      }

      const [argv, wrong, suggests] = row.misspelled;
      it(`exits 2 for a misspelled option (${wrong}), suggesting ${suggests}`, async () => {
        const result = await runCli([name, ...argv]);
        expect(result.code).to.equal(2);
        expect(result.stderr).to.equal(`attack-layers ${name}: unknown option ${wrong}; did you mean ${suggests}?\nRun \`attack-layers ${name} --help\` for usage.\n`);
      });

      if (row.stdin) {
        const [argv, input, check] = row.stdin;
        it('reads - from standard input', async () => {
          const xdg = name === 'data' ? { XDG_CACHE_HOME: freshTmpDir('contract-xdg') } : {};
          const result = await runCli([name, ...argv(), '--quiet'].filter((arg) => !(name === 'data' && arg === '--quiet')), xdg, { stdin: input() });
          expect([result.code, hasStackTrace(result.stderr)], result.stderr).to.deep.equal([0, false]);
          check(result.stdout, result.stderr);
        });
      }
    });
  }

  it('says a flag this contract renamed by its new name (compare --layer is --out)', async () => {
    const result = await runCli(['compare', APT32, '--layer', 'x.json']);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/^attack-layers compare: --layer is now --out \(/);
  });

  // `upgrade x.json --version 17` printed the package version and exited 0, the layer untouched: after a command,
  // --version is an unknown option, named with the option meant; before any, it still prints the version.
  it('takes --version after a command as a usage error naming --attack-release, and alone prints the version', async () => {
    const note = '(attack-layers --version, before any command, prints the version of attack-layers)';
    for (const spec of commands) {
      const name = commandName(spec);
      const result = await runCli([name, ...table[name]!.misspelled[0], '--version', '17']);
      expect(result.code, name).to.equal(2);
      expect(result.stdout, name).to.equal('');
      expect(result.stderr, name).to.include(`unknown option --version; did you mean --attack-release 17 (the ATT&CK release to work in)? ${note}\n`);
      const help = await runCli([name, '--help']);
      expect(help.stdout, name).not.to.match(/--version/);
    }
    const upgrade = await runCli(['upgrade', LAYER, '--version=17.1']);
    expect([upgrade.code, upgrade.stderr]).to.deep.equal([2, `attack-layers upgrade: unknown option --version; did you mean --attack-release 17.1 (the ATT&CK release to work in)? ${note}\nRun \`attack-layers upgrade --help\` for usage.\n`]);
    expect((await runCli(['--help'])).stdout).to.match(/^ {6}--version {2,}print the version of attack-layers /m);
    const version = await runCli(['--version']);
    expect([version.code, version.stdout]).to.deep.equal([0, `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`]);
  });

  it('refuses - twice in one run: standard input can be read once', async () => {
    const result = await runCli(['normalize', '-', '-'], {}, { stdin: readFileSync(APT32) });
    expect([result.code, result.stderr]).to.deep.equal([2, 'attack-layers normalize: - (standard input) is given more than once; it can be read once\nRun `attack-layers normalize --help` for usage.\n']);
  });

  // `suggest` and `extract` of an empty file said "0 passages" / "0 technique references" and exited 0, as if the report
  // cited nothing; pdftotext of a PDF scanned as images writes page breaks alone.
  it('refuses a report with no text (extract, suggest): an empty file, empty standard input, page breaks alone', async () => {
    const folder = freshTmpDir('no-text');
    const empty = join(folder, 'empty.txt');
    const scanned = join(folder, 'scanned.txt');
    writeFileSync(empty, '');
    writeFileSync(scanned, '\f\n\f\n  \f');
    const advice = "give a report's text (pdftotext report.pdf report.txt makes one from a PDF; a PDF scanned as images needs OCR first)";
    for (const command of ['extract', 'suggest']) {
      for (const [argv, stdin, says] of [
        [[command, empty], undefined, `${empty}: the file is empty`],
        [[command, '-'], '', '<stdin>: standard input is empty'],
        [[command, scanned], undefined, `${scanned}: it holds no text, only spaces and line or page breaks`],
      ] as const) {
        const result = await runCli([...argv], {}, stdin === undefined ? {} : { stdin });
        expect([result.code, result.stdout, result.stderr], argv.join(' ')).to.deep.equal([1, '', `attack-layers ${command}: ${says}; ${advice}\n`]);
      }
    }
  });

  // `suggest layer.json` ranked the layer's JSON as prose (and `extract` read its IDs as a report's): a file of a kind
  // the tool knows is refused with what it is and which command takes it, as other commands refuse a wrong kind.
  it('refuses a layer, a campaign, a STIX bundle or a detections file as a report (extract, suggest), and reads prose that looks like them', async () => {
    const folder = freshTmpDir('not-a-report');
    const bundle = join(folder, 'bundle.json');
    writeFileSync(bundle, JSON.stringify({ type: 'bundle', id: 'bundle--0', objects: [] }));
    const csv = join(folder, 'detections.csv');
    writeFileSync(csv, 'name,techniques,coverage\nEncoded PowerShell,T1059.001,3\n');
    // A report that shows a Sigma rule, under a title a CSV header's `techniques` column would match.
    const report = join(folder, 'report.md');
    writeFileSync(report, 'Techniques, tactics and procedures of the actor\n\nThe actor sent spearphishing emails with malicious attachments.\n\nlogsource:\n  product: windows\ndetection:\n  selection:\n    Image: x\n');
    // A PDF page's text run into one line (Genians' Konni report of July 2023, its ATT&CK table; our words): ATT&CK's
    // own expansion gives it a comma-separated part `Techniques`, as a detections CSV's header has.
    const flat = join(folder, 'flat.txt');
    writeFileSync(flat, 'a. MITRE ATT&CK Matrix Tactic Technique Description Execution T1059.001 Command and Scripting Interpreter: PowerShell Discovery T1082 System Information Discovery [Table 18] MITRE ATT&CK, Tactics and Techniques 11 ATT&CK : The Adversarial Tactics, Techniques, and Common Knowledge\n');
    const refused = [
      [LAYER, 'an ATT&CK Navigator layer', 'use validate, upgrade, combine or export (gap takes it as --threat or --coverage; compare sets it against an ATT&CK group, campaign or software)'],
      [APT32, 'a campaign file', 'use normalize, render or compare (gap takes it as --threat)'],
      [bundle, 'an ATT&CK STIX bundle', `give it with --attack ${bundle}, or add it to the cache with \`attack-layers data add\`; for the techniques of a group, software or campaign it holds, \`attack-layers attack-object <name>\``],
      [csv, 'a detections file', 'give it to gap --coverage'],
    ];
    for (const command of ['extract', 'suggest']) {
      for (const [file, what, use] of refused) {
        const result = await runCli([command, file!]);
        expect([result.code, result.stdout, result.stderr], `${command} ${file}`).to.deep.equal([1, '', `attack-layers ${command}: ${file}: this is ${what}, not a report's text; ${use}\n`]);
      }
      for (const prose of [report, flat]) {
        const read = await runCli([command, prose, '--quiet']);
        expect([read.code, read.stderr], `${command} ${prose}`).to.deep.equal([0, '']);
      }
    }
  });

  // A STIX bundle cut short or broken in the middle was not JSON to JSON.parse, and one without "objects" no known kind,
  // so extract and suggest read it as a report: its "external_id" values became references, exit 0.
  it('refuses a broken STIX bundle, or one with no objects list, as a report (extract, suggest), at its fault', async () => {
    const folder = freshTmpDir('broken-bundle');
    const release = gunzipSync(readFileSync(stixFile('mobile-attack-18.1.json.gz'))).toString('utf8');
    const again = 'get the whole file again from where it came (`attack-layers data fetch` for an ATT&CK release)';
    const cut = join(folder, 'cut.json');
    writeFileSync(cut, release.slice(0, release.length / 2));
    const seam = release.indexOf('},{"type":');
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, `${release.slice(0, seam + 1)}${release.slice(seam + 2)}`);
    const bare = join(folder, 'bare.json');
    const head = JSON.parse(release.slice(0, release.indexOf(',"objects":')) + '}') as object;
    writeFileSync(bare, JSON.stringify(head));
    for (const command of ['extract', 'suggest']) {
      const runs = [];
      for (const file of [cut, broken, bare]) runs.push(await runCli([command, file]));
      expect(runs.map((run) => [run.code, run.stdout])).to.deep.equal([[1, ''], [1, ''], [1, '']]);
      expect(runs[0]!.stderr).to.match(new RegExp(`^attack-layers ${command}: .*cut\\.json: line 1, column \\d+: invalid JSON: .*; the file is meant as a STIX bundle: fix its JSON, or get the whole file again`));
      expect(runs[1]!.stderr).to.equal(
        `attack-layers ${command}: ${broken}: line 1, column ${seam + 2}: invalid JSON: unexpected "{" (expected ',' or ']'); the file is meant as a STIX bundle: fix its JSON, or ${again}\n`,
      );
      expect(runs[2]!.stderr).to.equal(`attack-layers ${command}: ${bare}: a STIX bundle ("type": "bundle") with no "objects" list, so nothing in it to read: ${again}\n`);
    }
  });

  // A layer edited by hand (a comment, which the layer readers repair) or broken in the middle was not JSON to
  // JSON.parse, so extract and suggest read it as a report: its keys and brackets became references, exit 0.
  it('refuses a hand-edited or broken layer as a report (extract, suggest), at the fault of its JSON', async () => {
    const folder = freshTmpDir('broken-layer');
    const lines = readFileSync(join(repoRoot, LAYER), 'utf8').split('\n');
    const commented = join(folder, 'commented.json');
    writeFileSync(commented, [lines[0], '  // the APT32 layer, by hand', ...lines.slice(1)].join('\n'));
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, [...lines.slice(0, 29), '  ,,,', ...lines.slice(29)].join('\n'));
    const layerUse = 'use validate, upgrade, combine or export (gap takes it as --threat or --coverage; compare sets it against an ATT&CK group, campaign or software)';
    for (const command of ['extract', 'suggest']) {
      const read = await runCli([command, commented]);
      expect([read.code, read.stdout, read.stderr]).to.deep.equal([1, '', `attack-layers ${command}: ${commented}: this is an ATT&CK Navigator layer, not a report's text; ${layerUse}\n`]);
      const bad = await runCli([command, broken]);
      expect([bad.code, bad.stdout, bad.stderr]).to.deep.equal([
        1,
        '',
        `attack-layers ${command}: ${broken}: line 30, column 3: invalid JSON: unexpected "," (expected a value); the file is meant as an ATT&CK Navigator layer: fix its JSON, then ${layerUse}\n`,
      ]);
    }
  });

  // A `.json` file that is no JSON and of no kind plainly by its keys (a MISP event cut short, or with a trailing comma)
  // was read as a report's text without a word: its user meant a bundle, an event, a flow or a layer. It is still read
  // as text (its galaxies' IDs are found), with a warning at the fault. The event is misp-stix's test event (BSD-2-Clause).
  it('warns that a .json file that is no JSON is read as a report\'s text (extract), at its fault', async () => {
    const folder = freshTmpDir('not-json');
    const lines = readFileSync(join(repoRoot, 'test/fixtures/misp/misp-stix-event-with-galaxy.json'), 'utf8').split('\n');
    const cut = join(folder, 'cut.json');
    writeFileSync(cut, lines.slice(0, 38).join('\n'));
    const comma = join(folder, 'comma.json');
    writeFileSync(comma, lines.join('\n').replace(/\}(\s*)\]/, '},$1]'));
    const read = "; read as a report's text, not as a STIX bundle, MISP event, Attack Flow or layer (if it is one, fix its JSON or get the whole file again)\n";
    const run = await runCli(['extract', cut]);
    expect(run.code).to.equal(0);
    expect(run.stdout).to.include('T1116');
    expect(run.stderr).to.match(/^warning: .*: line 38, column \d+: invalid JSON: /m);
    expect(run.stderr).to.include(`warning: ${cut}: line 38, column `);
    expect(run.stderr).to.include(read);
    const trailing = await runCli(['extract', comma]);
    expect(trailing.code).to.equal(0);
    expect(trailing.stderr).to.match(/^warning: .*comma\.json: line \d+, column \d+: invalid JSON: unexpected "\]" \(expected a value\); read as a report's text/m);
    // The whole event (JSON), and the cut one named .txt (a report's text), give no such warning; --quiet silences it.
    const plain = join(folder, 'cut.txt');
    writeFileSync(plain, lines.slice(0, 38).join('\n'));
    expect((await runCli(['extract', plain])).stderr).to.not.include('invalid JSON');
    expect((await runCli(['extract', join(repoRoot, 'test/fixtures/misp/misp-stix-event-with-galaxy.json')])).stderr).to.not.include('invalid JSON');
    expect((await runCli(['extract', cut, '--quiet'])).stderr).to.equal('');
  });

  // A `.json` file that is valid JSON of no kind extract reads (`{"a": 1}`, a list of strings) was read as a report's
  // text without a word, as was any such file, or one that is no JSON, given to suggest: both warn, through one
  // function; a STIX bundle, a MISP event and an Attack Flow extract reads give no warning.
  it('warns that a .json file of valid JSON of no kind is read as a report\'s text (extract, suggest), and one that is no JSON (suggest)', async () => {
    const folder = freshTmpDir('json-of-no-kind');
    const object = join(folder, 'object.json');
    writeFileSync(object, '{"a": 1}\n');
    const strings = join(folder, 'strings.json');
    writeFileSync(strings, '["The actor ran PowerShell (T1059.001).", "It sent spearphishing attachments."]\n');
    const cut = join(folder, 'cut.json');
    writeFileSync(cut, readFileSync(join(repoRoot, 'test/fixtures/misp/misp-stix-event-with-galaxy.json'), 'utf8').split('\n').slice(0, 38).join('\n'));
    // Each command names itself: suggest said `of no kind extract reads`, a command the user had not run.
    // Its keys, where they tell it, are named as every other command names them (`{"a": 1}`); a list of strings has none.
    const noKind = (command: string, file: string, keys: string) => `warning: ${file}: valid JSON of no kind ${command} reads (${keys}not a STIX bundle, MISP event, Attack Flow or Navigator layer); read as a report's text\n`;
    for (const command of ['extract', 'suggest']) {
      for (const [file, keys] of [[object, 'its keys at the top are "a"; '], [strings, '']] as const) {
        const run = await runCli([command, file]);
        expect(run.code, `${command} ${file}: ${run.stderr}`).to.equal(0);
        expect(run.stderr).to.include(noKind(command, file, keys));
        expect((await runCli([command, file, '--quiet'])).stderr).to.equal('');
      }
    }
    expect((await runCli(['extract', strings])).stdout).to.include('T1059.001');
    const broken = await runCli(['suggest', cut]);
    expect(broken.code).to.equal(0);
    expect(broken.stderr).to.include(`warning: ${cut}: line 38, column `);
    expect(broken.stderr).to.include("; read as a report's text, not as a STIX bundle, MISP event, Attack Flow or layer");
    for (const fixture of ['misp/misp-stix-event-with-galaxy.json', 'stix/threat-intel-playbook.json', 'attack-flow/cobalt-kitty-campaign.json']) {
      const run = await runCli(['extract', join(repoRoot, 'test/fixtures', fixture)]);
      expect(run.code, `${fixture}: ${run.stderr}`).to.equal(0);
      expect(run.stderr).to.not.include('warning:');
    }
  });

  // Plain pdftotext's two columns interleaved line by line (the layout of the Dragos 2026 Year in Review's page 34 as
  // text, in our own words) cannot be set apart: `suggest` says where they may be on stderr, by sentence and with
  // --lines, and not with --quiet.
  it('says on stderr where a report may have two columns interleaved line by line (suggest)', async () => {
    const folder = freshTmpDir('interleaved');
    const report = join(folder, 'report.txt');
    const wide = 'The operators of the plant reviewed the logs of every engineering workstation in the control network after the';
    const turns = ['Engineering workstations hold the projects', 'the logs of the firewall and the remote', 'of every controller in the plant, and an', 'access gateway, though the first entry', 'intruder who reaches one can change the', 'point could not be established because', 'logic that drives the pumps and valves', 'the gateway kept no logs before March.'];
    writeFileSync(report, [wide, '', ...turns.flatMap((line) => [line, '']), wide, ''].join('\n'));
    const warning = `warning: ${report} lines 3-17: short lines each set apart by a blank line, cut off in a sentence, as plain pdftotext writes two columns interleaved line by line; their passages may mix two sentences or be fragments (pdftotext -layout keeps the columns apart)\n`;
    for (const argv of [['suggest', report, '--json'], ['suggest', report, '--lines']]) {
      const result = await runCli(argv);
      expect([result.code, result.stderr.split('\n').filter((line) => line.startsWith('warning:')).map((line) => `${line}\n`)], argv.join(' ')).to.deep.equal([0, [warning]]);
    }
    expect((await runCli(['suggest', report, '--quiet'])).stderr).to.equal('');
  });

  // A report about an Android app (ESET's BankBot on Google Play, 2017, in our own words) ranked against Enterprise, as
  // `suggest` does without --domain, finds poor candidates: stderr says which domain to try, and not when one is given.
  it('suggests --domain mobile on stderr when the passages name mobile devices or apps, and only without --domain (suggest)', async () => {
    const folder = freshTmpDir('mobile-report');
    const report = join(folder, 'bankbot.txt');
    writeFileSync(
      report,
      'A banking trojan for Android came back to Google Play hidden in a puzzle game.\n' +
        'Twenty minutes after the game first runs, it shows a dialog asking to enable a fake Google service.\n' +
        'The dialog leads the user to the accessibility services settings and lists the permissions it wants.\n',
    );
    const note =
      'note: 2 of the 3 passages name mobile devices or apps (Android, Google Play, accessibility services); if the report is about them, rank it against their techniques with --domain mobile';
    expect((await runCli(['suggest', report, '--json'])).stderr.split('\n')).to.include(note);
    expect((await runCli(['suggest', report, '--json', '--domain', 'enterprise'])).stderr).not.to.contain('--domain mobile');
    expect((await runCli(['suggest', report, '--quiet'])).stderr).to.equal('');
  });

  // `export l.json --out x.svg`, run again, said `/tmp/…/x-1.svg already exists`: the path the command resolved, not the
  // one written. Every command that writes --out names its file as the user wrote it, relative to the working folder.
  // Run again on the same inputs, every one leaves its file of the same bytes untouched and says so (render --aggregate
  // after render was refused for the layers already there); a file of other content is refused.
  it('names an output file that exists as written, relative to the working folder; one of the same bytes is unchanged', async () => {
    const cwd = freshTmpDir('out-as-written');
    const layer = join(repoRoot, LAYER);
    const campaign = join(repoRoot, APT32);
    for (const [argv, named] of [
      [['export', layer, '--out', 'x.svg', '--subtechniques', 'expanded'], 'x-1.svg'],
      [['export', layer, '--out', 'sub/x.csv'], 'sub/x.csv'],
      [['combine', layer, layer, '--op', 'max', '--out', 'm.json'], 'm.json'],
      [['render', campaign, '--out', 'out'], 'out/apt32-covid19-wuhan.layer.json'],
      [['compare', campaign, '--with', 'G0050', '--out', 'cmp.json'], 'cmp.json'],
      [['attack-object', 'G0050', '--out', 'objects'], 'objects/G0050-apt32.layer.json'],
    ] as const) {
      const first = await runCli([...argv, '--quiet'], {}, { cwd });
      expect([first.code, first.stderr], argv.join(' ')).to.deep.equal([0, '']);
      const same = await runCli([...argv], {}, { cwd });
      expect(same.code, argv.join(' ')).to.equal(0);
      expect(same.stderr, argv.join(' ')).to.match(new RegExp(`^${named.replace(/[.]/g, '\\.')}(, \\S+)*: unchanged, (it holds|they hold) this content already$`, 'm'));
      writeFileSync(join(cwd, named), 'mine\n');
      const again = await runCli([...argv, '--quiet'], {}, { cwd });
      expect([again.code, again.stderr], argv.join(' ')).to.deep.equal([2, `attack-layers ${argv[0]}: ${named} already exists with other content; pass --force to overwrite it\n`]);
    }
  });

  it('names an unknown command with the closest one', async () => {
    const result = await runCli(['normalise', APT32]);
    expect([result.code, result.stderr]).to.deep.equal([2, 'attack-layers: unknown command "normalise"; did you mean normalize?\nRun `attack-layers --help` for usage.\n']);
  });

  it('names a misspelled flag beside the required flag it stands for, and a positional with choices as a positional', async () => {
    // yargs reports the missing --out first; the unknown --output says why it is missing.
    const output = await runCli(['render', 'campaigns', '--output', 'x']);
    expect([output.code, output.stderr]).to.deep.equal([
      2,
      'attack-layers render: --out is required (the folder to write <campaign id>.layer.json files into); unknown option --output; did you mean --out?\n' +
        'Run `attack-layers render --help` for usage.\n',
    ]);
    const action = await runCli(['data', 'lst']);
    expect([action.code, action.stderr]).to.deep.equal([
      2,
      'attack-layers data: <action> lst: use one of list, fetch, add, log-sources; did you mean list?\nRun `attack-layers data --help` for usage.\n',
    ]);
  });

  it('refuses a --domain that is none, naming the ones there are', async () => {
    const result = await runCli(['technique', 'T1193', '--domain', 'pre']);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(/^attack-layers technique: --domain pre: use one of enterprise, mobile, ics/);
  });

  // `--platform windws` listed ATT&CK's platforms and left the user to find the one meant; a value outside any fixed set
  // (a flag's choices, a domain, a platform of the release) ends with the same did-you-mean.
  it('suggests the nearest value for a misspelled --domain or --platform, as for a flag\'s choices', async () => {
    const platforms = loadRelease('18.1').platforms();
    for (const [argv, says] of [
      [['technique', 'T1193', '--domain', 'enterprize'], 'attack-layers technique: --domain enterprize: use one of enterprise, mobile, ics (or enterprise-attack, mobile-attack, ics-attack); did you mean enterprise?\nRun `attack-layers technique --help` for usage.\n'],
      [['data', 'log-sources', '--platform', 'windws'], `attack-layers data: --platform windws: not a platform of ATT&CK enterprise-attack 18.1; use one of ${platforms.join(', ')}; did you mean Windows?\nRun \`attack-layers data --help\` for usage.\n`],
      [['data', 'log-sources', '--platform', 'mac-os'], `attack-layers data: --platform mac-os: not a platform of ATT&CK enterprise-attack 18.1; use one of ${platforms.join(', ')}; did you mean macOS?\nRun \`attack-layers data --help\` for usage.\n`],
      [['export', LAYER, '--format', 'svgg'], 'attack-layers export: --format svgg: use one of svg, html, xlsx, csv, md; did you mean svg?\nRun `attack-layers export --help` for usage.\n'],
    ] as const) {
      const result = await runCli([...argv, '--quiet']);
      expect([result.code, result.stdout, result.stderr], argv.join(' ')).to.deep.equal([2, '', says]);
    }
  });

  // A purple team combining APT29's and Wizard Spider's layers wrote the words in full, as other tools take them:
  // `--op intersection` and `--format markdown` listed the choices with no did-you-mean, and `--operation intersect` said
  // only "unknown option --operation" (`op` is too short for the prefix rule that reads `--output` as `--out`).
  it('suggests the choice a longer word begins with, a format by its name, and a required flag by its long form', async () => {
    const layers = ['test/fixtures/layers/navigator/Wizard_Spider-G0102-Updated.json', LAYER];
    for (const [argv, says] of [
      [['combine', ...layers, '--op', 'intersection'], 'attack-layers combine: --op intersection: use one of sum, max, min, mean, diff, intersect, union; did you mean intersect?\nRun `attack-layers combine --help` for usage.\n'],
      [['attack-object', 'APT29', '--score', 'presences'], 'attack-layers attack-object: --score presences: use one of presence, frequency; did you mean presence?\nRun `attack-layers attack-object --help` for usage.\n'],
      [['export', LAYER, '--format', 'markdown'], 'attack-layers export: --format markdown: use one of svg, html, xlsx, csv, md; did you mean md?\nRun `attack-layers export --help` for usage.\n'],
      // No choice it begins with or names: no guess.
      [['gap', '--threat', LAYER, '--coverage', LAYER, '--out', 'x', '--report', 'excel'], 'attack-layers gap: --report excel: use one of md, csv, json\nRun `attack-layers gap --help` for usage.\n'],
    ] as const) {
      const result = await runCli([...argv, '--quiet']);
      expect([result.code, result.stdout, result.stderr], argv.join(' ')).to.deep.equal([2, '', says]);
    }
    const operation = await runCli(['combine', ...layers, '--operation', 'intersect']);
    expect(operation.code).to.equal(2);
    expect(operation.stderr).to.match(/^attack-layers combine: --op is required \(.*\); unknown option --operation; did you mean --op\?\n/);
  });

  // yargs read `--top abc` as NaN (the message said `--top NaN`) and added up a number flag given twice.
  it('quotes a number flag that is not a number as written, and takes the last of a number flag given twice', async () => {
    for (const [argv, says] of [
      [['suggest', '-', '--top', 'abc'], 'attack-layers suggest: --top abc: not a number; give one, such as --top 5\n'],
      [['suggest', '-', '--top=1e'], 'attack-layers suggest: --top 1e: not a number; give one, such as --top 5\n'],
      [['render', APT32, '--out', 'x', '--half-life', 'soon'], 'attack-layers render: --half-life soon: not a number; give one, such as --half-life 5\n'],
      // `--min-score 1e999` said '--min-score: give a number, such as 5', without the value; `--half-life Infinity` was taken.
      [['suggest', '-', '--min-score', '1e999'], 'attack-layers suggest: --min-score 1e999: not a finite number; give one, such as --min-score 5\n'],
      [['render', APT32, '--out', 'x', '--half-life', 'Infinity'], 'attack-layers render: --half-life Infinity: not a finite number; give one, such as --half-life 5\n'],
    ] as const) {
      const result = await runCli([...argv], {}, { stdin: 'The actor used PowerShell.\n' });
      expect([result.code, result.stderr.split('\n')[0] + '\n'], argv.join(' ')).to.deep.equal([2, says]);
    }
    const twice = await runCli(['suggest', '-', '--json', '--top', '3', '--top', '1', '--quiet'], {}, { stdin: 'The actor used PowerShell to download a payload.\n' });
    expect(twice.code, twice.stderr).to.equal(0);
    expect(JSON.parse(twice.stdout)[0].candidates).to.have.length(1);
  });

  // --attack-release was ignored by normalize, render and compare, which worked in the newest release.
  for (const [name, extra] of [
    ['normalize', ['--json']],
    ['compare', ['--json']],
  ] as const) {
    it(`${name} works in the release --attack-release (or --to) names`, async () => {
      for (const flag of ['--attack-release', '--to']) {
        const result = await runCli([name, APT32, flag, '14.1', ...extra, '--quiet']);
        expect(result.code, result.stderr).to.equal(0);
        const value = JSON.parse(result.stdout);
        const attack = name === 'normalize' ? value[0].attack : value.comparisons[0].attack;
        expect(attack.release).to.equal('14.1');
      }
    });
  }

  it('render writes layers of the release --attack-release names', async () => {
    const out = freshTmpDir('contract-render');
    const result = await runCli(['render', APT32, '--out', out, '--attack-release', '14.1', '--quiet']);
    expect(result.code, result.stderr).to.equal(0);
    const [file] = readdirSync(out);
    expect(JSON.parse(readFileSync(join(out, file!), 'utf8')).versions.attack).to.equal('14');
    expect(existsSync(join(out, file!))).to.equal(true);
  });
});
