/**
 * The command lines a user copies: every `attack-layers` line of the ```sh blocks of the README and of the chapters of
 * docs/ (the quick start among them) and every example of a command's --help, parsed as the CLI parses them (its flags,
 * their choices, the positionals a command takes, the flags it refuses together), without running them; the campaign
 * file the quick start shows; the choices the CLI reference's rows list (docs/cli-reference.md), against --help's; and
 * the "commands" column of its table of options, against the flags each command declares. (The CLI reference's rows of
 * commands are checked in contract.test.ts; the quick start is run whole in quick-start.test.ts.) And the code of
 * docs/library.md: type-checked and run as a program that installed the package would, each value its comments give
 * checked.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Argv } from 'yargs';
import { commandName, commands } from '../../lib/cli/commands/index.js';
import { GLOBAL_OPTIONS, STDIN, STDIN_TOKEN, declare } from '../../lib/cli/options.js';
import { commands as shellCommands, PLANS } from '../../scripts/readme-commands.plans.js';
import { freshTmpDir, repoRoot, runCli, snapshotCacheHome, stixDir, testCacheDir } from '../helpers/attack.js';
import { readDoc, readDocs } from '../helpers/docs.js';

// The same yargs build as lib/cli/run.ts.
const yargs = createRequire(import.meta.url)('yargs/yargs') as typeof import('yargs/yargs');

const readme = readDoc('README.md');
/** The CLI reference: its rows of commands and its table of options. */
const cliReference = readDoc('docs/cli-reference.md');

/** A command line's words, as a shell splits them: quotes group words and are dropped. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/**
 * The attack-layers part of a line of a ```sh block, or none: its comment, the other commands of a pipe and a
 * redirection left out. A synopsis (`[--report md|csv|json]`) is read with its optional parts and each choice's first.
 */
function attackLayersWords(line: string): string[] | undefined {
  const command = line
    .replace(/\s+#\s.*$/, '')
    .split(' | ')
    .find((part) => part.trim().startsWith('attack-layers '));
  if (!command) return undefined;
  const words = shellWords(command.replace(/\s+>\s*\S+\s*$/, '').replace(/[[\]]/g, ''));
  return words.slice(1).map((word) => (/^[\w.-]+(\|[\w.-]+)+$/.test(word) ? word.split('|')[0]! : word));
}

/** Every `attack-layers` line of the ```sh blocks of the README and docs/, with its file and line number. */
function readmeCommandLines(): Array<{ file: string; line: number; text: string; words: string[] }> {
  const found: Array<{ file: string; line: number; text: string; words: string[] }> = [];
  for (const { path, text: doc } of readDocs()) {
    let inSh = false;
    doc.split('\n').forEach((text, i) => {
      if (/^```/.test(text)) inSh = !inSh && text.trim() === '```sh';
      else if (inSh) {
        const words = attackLayersWords(text);
        if (words) found.push({ file: path, line: i + 1, text, words });
      }
    });
  }
  return found;
}

/**
 * Parses the words after `attack-layers` as the CLI does (lib/cli/run.ts: the global options, each command's
 * declaration, strict), running no command. @returns yargs' complaint, or undefined when the line parses.
 */
async function parseProblem(words: readonly string[]): Promise<string | undefined> {
  const args = words.map((word) => (word === STDIN ? STDIN_TOKEN : word));
  let parser: Argv = yargs(args)
    .strict()
    .demandCommand(1)
    .help(false)
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new Error(message);
    });
  for (const [name, spec] of Object.entries(GLOBAL_OPTIONS)) parser = parser.option(name, { ...spec, global: true });
  for (const spec of commands) {
    parser = parser.command({
      command: spec.command,
      describe: spec.describe,
      builder: (async (inner: Argv) => declare(inner, (await spec.declare()).declaration, args)) as never,
      handler: () => {},
    });
  }
  try {
    await parser.parseAsync(args);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("the command lines of the README, docs/ and --help", () => {
  const lines = readmeCommandLines();

  it('finds the command lines of the quick start and of each section', () => {
    expect(lines.length).to.be.at.least(30);
    expect(new Set(lines.map(({ words }) => words[0]))).to.include.members(['normalize', 'render', 'validate', 'gap', 'extract', 'suggest', 'data', 'upgrade', 'export', 'attack-object', 'compare']);
  });

  it('parses every attack-layers line of the ```sh blocks of the README and docs/ as the CLI does', async () => {
    const problems: string[] = [];
    for (const { file, line, text, words } of lines) {
      const problem = await parseProblem(words);
      if (problem) problems.push(`${file}:${line}: ${text.trim()}: ${problem}`);
    }
    expect(problems).to.deep.equal([]);
  });

  it("parses every example of each command's --help", async () => {
    const problems: string[] = [];
    for (const spec of commands) {
      for (const [example] of (await spec.declare()).declaration.examples ?? []) {
        const words = attackLayersWords(example.replace(/\$0/g, 'attack-layers'));
        const problem = words ? await parseProblem(words) : 'no attack-layers command in it';
        if (problem) problems.push(`${commandName(spec)} --help: ${example}: ${problem}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  // `npm run readme-commands` runs each as a reader does, as PLANS says; a command PLANS does not know is not run.
  it('has a plan in scripts/readme-commands.plans.ts for every command of the blocks, and none for a command gone', () => {
    expect(shellCommands.length).to.be.at.least(40);
    expect(shellCommands.map(({ command }) => command).filter((command) => !(command in PLANS))).to.deep.equal([]);
    expect(Object.keys(PLANS).filter((command) => !shellCommands.some((found) => found.command === command))).to.deep.equal([]);
  });

  it("names the file `npm pack` writes as npm does: <package.json's name>-<its version>.tgz", () => {
    const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(readme).to.include(`npm pack && npm install -g ./${name}-${version}.tgz`);
  });

  it('can tell a line that does not parse: an unknown flag, a value outside the choices, a word too many', async () => {
    expect(await parseProblem(['render', 'campaigns', '--out', 'layers', '--scor', 'presence'])).to.match(/Unknown argument/);
    expect(await parseProblem(['gap', '--threat', 'c', '--coverage', 'd.csv', '--out', 'r', '--report', 'markdown'])).to.match(/Invalid values/);
    expect(await parseProblem(['suggest', 'a.txt', 'b.txt'])).to.match(/Unknown argument/);
    expect(await parseProblem(['render', 'campaigns', '--out', 'layers', '--aggregate', 'all'])).to.equal(undefined);
  });

  it('reads the campaign file the quick start shows, every reference placed (normalize --strict)', async () => {
    const section = readme.slice(readme.indexOf('A campaign file is YAML or JSON; the minimum is'));
    const file = join(freshTmpDir('readme-campaign'), 'campaign.yaml');
    writeFileSync(file, /```yaml\n([\s\S]*?)```/.exec(section)![1]!);
    const result = await runCli(['normalize', file, '--strict', '--json']);
    expect([result.code, result.stderr], result.stderr).to.deep.equal([0, '']);
    const [campaign] = JSON.parse(result.stdout) as Array<{ references: Array<{ status: string }> }>;
    expect(campaign!.references.map((reference) => reference.status)).to.include.members(['revoked']);
  });

  // A row's `--flag a|b|c` lists the values --help gives as the flag's choices, no more, no fewer, in its order.
  it("lists in the CLI reference's rows (docs/cli-reference.md) the choices each command's --help gives", async () => {
    const usages = [...cliReference.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!.replace(/\\\|/g, '|'));
    const mismatches: string[] = [];
    let checked = 0;
    for (const usage of usages) {
      const name = usage.split(' ')[0]!;
      const spec = commands.find((command) => commandName(command) === name);
      if (!spec) continue;
      const help = (await runCli([name, '--help'])).stdout;
      for (const [, flag, values] of usage.matchAll(/--([\w-]+) ([\w.-]+(?:\|[\w.-]+)+)/g)) {
        // The flag's entry in --help: from its line to the next option's, where yargs puts [choices: "a", "b"].
        const entry = new RegExp(`\\n {2,}(?:-\\w, )?--${flag}\\b[\\s\\S]*?(?=\\n {2,}(?:-\\w, )?--|\\n\\n)`).exec(help)?.[0] ?? '';
        const choices = [.../\[choices: ([^\]]+)\]/.exec(entry.replace(/\s+/g, ' '))?.[1]?.matchAll(/"([^"]+)"/g) ?? []].map((match) => match[1]!);
        // Alternatives of a flag without choices are placeholders: `--out dir|f`, `--tests atomics|index.yaml|-`.
        if (!choices.length) continue;
        checked++;
        if (choices.join('|') !== values) mismatches.push(`${name} --${flag}: docs/cli-reference.md says ${values}; --help gives ${choices.join('|') || 'no choices'}`);
      }
    }
    expect(checked).to.be.at.least(8);
    expect(mismatches).to.deep.equal([]);
  });

  // The table's last column names the commands that take each flag; a command list of names only (not "all") must
  // name exactly the commands that declare it (`data list`, `data fetch`: the data command).
  it("names in the table of options exactly the commands that take each flag", async () => {
    const table = cliReference.slice(cliReference.indexOf('**Options: one meaning per word.**'), cliReference.indexOf('**Hostile input.**'));
    // A row's cells, split at the bars that are no `\|` inside a cell: | `--flag <x>` | meaning | commands |
    const rows = table
      .split('\n')
      .map((row) => row.split(/(?<!\\)\|/).map((cell) => cell.trim()))
      .filter((cells) => cells.length === 5 && /^`--[\w-]+/.test(cells[1]!))
      .map((cells) => [/^`--([\w-]+)/.exec(cells[1]!)![1]!, cells[3]!] as const);
    expect(rows.map(([flag]) => flag)).to.include.members(['out', 'json', 'strict', 'check', 'report', 'name', 'layer', 'score', 'max-size']);
    const names = commands.map(commandName);
    const mismatches: string[] = [];
    for (const [flag, cell] of rows) {
      const listed = cell.split(', ').map((item) => item.split(' ')[0]!);
      if (!listed.every((name) => names.includes(name))) continue;
      const declaring: string[] = [];
      for (const spec of commands) {
        const { declaration } = await spec.declare();
        if (flag in (declaration.shared ?? {}) || flag in (declaration.options ?? {})) declaring.push(commandName(spec));
      }
      const said = [...new Set(listed)].sort();
      if (said.join() !== declaring.sort().join()) mismatches.push(`--${flag}: the table says ${said.join(', ')}; declared by ${declaring.join(', ')}`);
    }
    expect(mismatches).to.deep.equal([]);
  });
});

/** The ```ts blocks of docs/library.md, as written. */
function libraryBlocks(): string[] {
  return [...readDoc('docs/library.md').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/**
 * A block as the test runs it: each statement line that ends in a comment holding a value (`x.id; // 'T1218.010'`, a
 * string, number, boolean or array of them) becomes an assertion that the statement gives that value.
 */
export function withValueChecks(block: string): { code: string; checks: number } {
  let checks = 0;
  const code = block.replace(/^(\S[^\n]*?);\s*\/\/ ((?:'[^'\n]*'|-?\d[\d.]*|true|false|undefined|\[[^\n]*\]))[ \t]*$/gm, (_, expression: string, value: string) => {
    checks++;
    return `assert.deepStrictEqual(${expression}, ${value});`;
  });
  return { code: `import assert from 'node:assert/strict';\n${code}`, checks };
}

describe("docs/library.md's examples, as a program that installed attack-layers runs them", function () {
  this.timeout(180_000);
  const blocks = libraryBlocks();
  // A project of its own, where `attack-layers` resolves as once installed: node_modules/attack-layers is this
  // package (its package.json `exports`: dist/ and its types, nothing under lib/).
  const project = freshTmpDir('readme-library');
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(repoRoot, join(project, 'node_modules', 'attack-layers'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'readme-library', private: true, type: 'module' }));
  const files = blocks.map((_, i) => `example-${i + 1}.ts`);
  blocks.forEach((block, i) => writeFileSync(join(project, files[i]!), block));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noEmit: true, typeRoots: [join(repoRoot, 'node_modules/@types')], types: ['node'] },
      files,
    }),
  );

  it('finds the blocks: the library example, the subpath import, the errors caught by class', () => {
    expect(blocks.length).to.be.at.least(3);
    expect(blocks.join('')).to.include('instanceof UsageError');
    expect(blocks[0]).to.include("from 'attack-layers'");
  });

  it('turns a line ending in a value into a check, and leaves a comment that holds none', () => {
    expect(withValueChecks("index.revocationChain('T1117').final?.id;   // 'T1218.010'\nconst index = loadAttack();   // newest enterprise release").code).to.equal(
      "import assert from 'node:assert/strict';\nassert.deepStrictEqual(index.revocationChain('T1117').final?.id, 'T1218.010');\nconst index = loadAttack();   // newest enterprise release",
    );
  });

  // exactOptionalPropertyTypes, as strict projects set it: `envDir: process.env.ATTACK_STIX_DIR` (string | undefined)
  // was refused (TS2379) where AttackDataOptions typed envDir as string alone.
  it('type-checks every block with strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess, against the built package and its declarations (skipLibCheck off)', () => {
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).to.equal('');
    expect(tsc.status).to.equal(0);
  });

  // A CommonJS program (no "type": "module", require()) loads the ES modules as Node 20.19 and later do (require(esm)):
  // before, the exports' "import" condition alone made require() fail with ERR_PACKAGE_PATH_NOT_EXPORTED.
  it("is require()d by a CommonJS program, from 'attack-layers' and 'attack-layers/attack'", () => {
    const cjs = freshTmpDir('readme-library-cjs');
    mkdirSync(join(cjs, 'node_modules'));
    symlinkSync(repoRoot, join(cjs, 'node_modules', 'attack-layers'), 'dir');
    const file = join(cjs, 'main.cjs');
    writeFileSync(
      file,
      "const { readCampaign, UsageError } = require('attack-layers');\nconst { canonicalTechniqueId } = require('attack-layers/attack');\n" +
        "try { readCampaign('no-such.yaml'); } catch (error) { console.log(error instanceof UsageError, error.file, typeof canonicalTechniqueId); }\n",
    );
    const result = spawnSync(process.execPath, [file], { cwd: cjs, encoding: 'utf8' });
    expect([result.status, result.stdout, result.stderr]).to.deep.equal([0, 'true no-such.yaml function\n', '']);
  });

  // The examples read no ATT&CK data of their own: ATTACK_STIX_DIR is the shared folder; HOME's cache is the
  // snapshot's index cache of this run (loadAttack() with no options reads ~/.cache), XDG_CACHE_HOME the run's cache.
  it('runs every block, each value its comments give checked', () => {
    const home = freshTmpDir('readme-library-home');
    mkdirSync(join(home, '.cache'));
    symlinkSync(join(snapshotCacheHome(), 'attack-layers'), join(home, '.cache', 'attack-layers'), 'dir');
    let checks = 0;
    blocks.forEach((block, i) => {
      const run = withValueChecks(block);
      checks += run.checks;
      const file = join(project, `run-${files[i]}`);
      writeFileSync(file, run.code);
      const result = spawnSync(process.execPath, ['--import', 'tsx', file], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { PATH: process.env['PATH'], HOME: home, XDG_CACHE_HOME: dirname(testCacheDir()), ATTACK_STIX_DIR: stixDir() },
        timeout: 120_000,
      });
      expect([result.status, result.stderr], `docs/library.md, block ${i + 1}:\n${block}`).to.deep.equal([0, '']);
    });
    expect(checks).to.be.at.least(8);
  });
});
