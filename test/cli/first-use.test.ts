/**
 * The command line as a first-time user meets it, after README's Quick start: the slips met walking every command from
 * a fresh clone (an output flag left empty, `-o` as other tools write it, `help` or `--help` beside a global flag or a
 * misspelt command, a terminal that shows no colours), each to exit as README's CLI reference says with words naming
 * the flag and what to do.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';
const LAYER = 'layers/apt32-covid19-wuhan.layer.json';

describe('cli: first use', () => {
  describe('an output flag given an empty value', () => {
    // `render campaigns --out=` wrote the layers into the working folder, exit 0, and listed them as
    // `/apt32-covid19-wuhan.layer.json`, at the root, where nothing was written; `--out "$DIR"` with DIR unset does it.
    for (const [argv, flag] of [
      [['render', APT32, '--out='], '--out'],
      [['render', APT32, '--out', ''], '--out'],
      [['combine', LAYER, LAYER, '--op', 'max', '--out', ' '], '--out'],
      [['upgrade', LAYER, '--report', 'md', '--report-out='], '--report-out'],
    ] as const) {
      it(`${argv.join(' ')}: exit 2 naming ${flag}, nothing written`, async () => {
        const cwd = freshTmpDir('first-use-empty-out');
        const result = await runCli(argv.map((arg) => (arg.endsWith('.yaml') || arg.endsWith('.json') ? join(process.cwd(), arg) : arg)), {}, { cwd });
        expect(result.code).to.equal(2);
        expect(result.stderr).to.match(new RegExp(`: ${flag} is empty \\(".*"\\); name the file or folder to write \\(${flag} \\. for the working folder\\)`));
        expect([result.stdout, readdirSync(cwd)]).to.deep.equal(['', []]);
      });
    }

    it('--out . still writes into the working folder', async () => {
      const cwd = freshTmpDir('first-use-dot-out');
      const result = await runCli(['render', join(process.cwd(), APT32), '--out', '.', '--quiet'], {}, { cwd });
      expect([result.code, result.stdout]).to.deep.equal([0, './apt32-covid19-wuhan.layer.json\n']);
      expect(existsSync(join(cwd, 'apt32-covid19-wuhan.layer.json'))).to.equal(true);
    });
  });

  describe('help asked beside a global flag or of a misspelt command', () => {
    it('-q help render and help render -q show render --help (they said: unknown command "help")', async () => {
      const help = await runCli(['render', '--help']);
      for (const argv of [['-q', 'help', 'render'], ['help', 'render', '-q'], ['--quiet', 'help', 'render']]) {
        const result = await runCli(argv);
        expect([argv, result.code, result.stdout, result.stderr]).to.deep.equal([argv, 0, help.stdout, '']);
      }
    });

    // `rendr --help` printed the help of every command, exit 0, so that a script's typo passed unseen.
    for (const argv of [['rendr', '--help'], ['rendr', 'campaigns', '-h'], ['-q', 'help', 'rendr'], ['--quiet', 'rendr', '--help']]) {
      it(`${argv.join(' ')}: unknown command "rendr"; did you mean render? (exit 2)`, async () => {
        const result = await runCli(argv);
        expect([result.code, result.stdout, result.stderr]).to.deep.equal([2, '', 'attack-layers: unknown command "rendr"; did you mean render?\nRun `attack-layers --help` for usage.\n']);
      });
    }

    it('--help alone, and after --attack <file>, still shows the help of all commands', async () => {
      for (const argv of [['--help'], ['--attack', 'x.json', '--help'], ['-q', '-h']]) {
        const result = await runCli(argv);
        expect([argv, result.code]).to.deep.equal([argv, 0]);
        expect(result.stdout).to.match(/^attack-layers <command> \[options\]\n/);
      }
    });
  });

  describe('a short flag as other tools write it', () => {
    // Only -q and -h are short here; `-o` named no flag (`unknown option -o`), `--ot` and `--ouput` named --out.
    for (const [argv, says] of [
      [['render', APT32, '-o', '/tmp/x'], '--out is required (the folder to write <campaign id>.layer.json files into); unknown option -o; did you mean --out?'],
      [['combine', LAYER, LAYER, '--op', 'max', '-o', 'max.json'], 'unknown option -o; did you mean --out?'],
      [['normalize', APT32, '-j'], 'unknown option -j; did you mean --json?'],
      [['export', LAYER, '-f', 'csv'], 'unknown option -f'],
    ] as const) {
      it(`${argv.join(' ')}: ${says}`, async () => {
        const result = await runCli(argv);
        const command = argv[0];
        expect([result.code, result.stdout, result.stderr]).to.deep.equal([2, '', `attack-layers ${command}: ${says}\nRun \`attack-layers ${command} --help\` for usage.\n`]);
      });
    }
  });

  describe('a terminal that shows text only (TERM=dumb)', () => {
    // Emacs' shell and CI logs run in a pseudo-terminal set TERM=dumb: the table's colours and the progress line's
    // `\r\x1B[K` showed there as escape codes. NO_COLOR left the progress line's codes.
    const ESCAPE = '\u001b[';
    for (const [term, escapes] of [['xterm-256color', true], ['dumb', false]] as const) {
      it(`normalize on a terminal, TERM=${term}: ${escapes ? 'colours and a progress line' : 'no escape code on stdout or stderr'}`, async () => {
        const result = await runCli(['normalize', APT32], { TERM: term }, { tty: { columns: 200 } });
        expect(result.code).to.equal(0);
        expect([result.stdout.includes(ESCAPE), result.stderr.includes(ESCAPE)]).to.deep.equal([escapes, escapes]);
        expect(result.stdout).to.include('Spearphishing Attachment (T1193)');
      });
    }
  });

  describe("a command's flag written before the command", () => {
    // `--json normalize x.yaml` said `unknown command "x.yaml"`: yargs took normalize for --json's value.
    for (const [argv, says] of [
      [['--json', 'normalize', APT32], "--json is written before the command normalize; a command's own flags go after it: attack-layers normalize --json …"],
      [['-q', '--strict', 'normalize', APT32], "--strict is written before the command normalize; a command's own flags go after it: attack-layers normalize --strict …"],
    ] as const) {
      it(`${argv.join(' ')}: ${says}`, async () => {
        const result = await runCli(argv);
        expect([result.code, result.stdout, result.stderr]).to.deep.equal([2, '', `attack-layers: ${says}\nRun \`attack-layers --help\` for usage.\n`]);
      });
    }

    it('the global flags before a command are still taken (-q, --domain)', async () => {
      const result = await runCli(['-q', '--domain', 'enterprise', 'normalize', APT32, '--json']);
      expect([result.code, result.stderr]).to.deep.equal([0, '']);
      expect(JSON.parse(result.stdout)).to.have.length(1);
    });
  });

  describe('-- before the files, as POSIX tools take it', () => {
    it('normalize -- <file> reads the file (it said: missing <campaigns>)', async () => {
      const result = await runCli(['normalize', '--json', '-q', '--', APT32]);
      expect([result.code, result.stderr]).to.deep.equal([0, '']);
      expect(JSON.parse(result.stdout)[0].file).to.equal(APT32);
    });

    it('a file whose name starts with - is read after -- (it was taken for a flag)', async () => {
      const cwd = freshTmpDir('first-use-dash-file');
      writeFileSync(join(cwd, '-draft.yaml'), readFileSync(APT32));
      // Commands read files from the process's working folder, as the bin runs them.
      const back = process.cwd();
      process.chdir(cwd);
      const result = await runCli(['normalize', '--json', '-q', '--', '-draft.yaml'], {}, { cwd }).finally(() => process.chdir(back));
      expect([result.code, result.stderr]).to.deep.equal([0, '']);
      expect(JSON.parse(result.stdout)[0].name).to.equal('APT32 targets Wuhan government (COVID-19)');
    });
  });

  describe('a file argument given as an empty name', () => {
    // `normalize ""` said `: no such campaign file or folder`, `export ""` `: is a folder` (the working folder), and
    // `--attack ""` was ignored, the snapshot read instead, without a word.
    for (const [argv, as] of [
      [['normalize', ''], '<campaigns>'],
      [['export', ' ', '--format', 'csv'], '<file>'],
      [['validate', LAYER, ''], '<layers-or-campaigns>'],
      [['normalize', APT32, '--attack', ''], '--attack'],
      [['gap', '--threat', '', '--coverage', 'test/fixtures/gap/detections.csv', '--out', '/tmp/never-written'], '--threat'],
    ] as const) {
      it(`${argv.join(' ')}: exit 2 naming ${as}`, async () => {
        const result = await runCli(argv);
        expect([result.code, result.stdout, result.stderr]).to.deep.equal([2, '', `attack-layers ${argv[0]}: ${as} is given an empty name (""); name the file (a shell variable left unset, "$FILE", gives "")\nRun \`attack-layers ${argv[0]} --help\` for usage.\n`]);
      });
    }
  });
});
