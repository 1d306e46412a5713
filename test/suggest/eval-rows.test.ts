import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, repoRoot } from '../helpers/attack.js';
import { EvalRowError, readEvalRows } from '../../scripts/eval-rows.mjs';

const PARTS = ['dev', 'test', 'reports', 'annotated', 'reports-dev'];
const row = (part: string | undefined, text = 'The actor ran PowerShell scripts.') => JSON.stringify({ text, id: 'T1059.001', reports: [], ...(part === undefined ? {} : { part }) });

/** A folder of .jsonl files, each given as its lines. */
function evalFolder(files: Record<string, string[]>): string {
  const dir = freshTmpDir('eval-rows');
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

describe('the rows scripts/eval-suggest.mjs ranks (scripts/eval-rows.mjs)', () => {
  it('reads every row of the .jsonl files in name order, with its file and line', () => {
    const dir = evalFolder({ 'b.jsonl': [row('test')], 'a.jsonl': [row('dev'), row('reports')], 'notes.txt': ['not a row'] });
    expect(readEvalRows(dir, PARTS).map((r) => [r.file, r.line, r.part])).to.deep.equal([
      ['a.jsonl', 1, 'dev'],
      ['a.jsonl', 2, 'reports'],
      ['b.jsonl', 1, 'test'],
    ]);
  });

  it('reads the rows of eval/ (every one of a part it knows)', () => {
    expect(readEvalRows(join(repoRoot, 'eval'), PARTS).length).to.be.greaterThan(700);
  });

  // eval/README.md: the script "stops at a row of any other part"; it stopped with `TypeError: Cannot destructure
  // property 'model' of 'models.get(...)' as it is undefined`, after loading ATT&CK and building every model.
  it('refuses a row of a part it has no model for, or of none, naming the file, the line and the parts it knows', () => {
    const dir = evalFolder({ 'a.jsonl': [row('dev'), row('reports-2')] });
    const file = relative(process.cwd(), join(dir, 'a.jsonl'));
    expect(() => readEvalRows(dir, PARTS)).to.throw(
      EvalRowError,
      `${file}:2: part "reports-2" is unknown: the evaluation knows the parts dev, test, reports, annotated, reports-dev (a model for each); ` +
        'add the part to scripts/eval-suggest.mjs with a model to rank it, or give the row one of those parts (eval/README.md)',
    );
    expect(() => readEvalRows(evalFolder({ 'a.jsonl': [row(undefined)] }), PARTS)).to.throw(EvalRowError, ':1: no "part": the evaluation knows the parts dev,');
  });

  it('stops `npm run eval-suggest` at such a row with that message, exit 1, before reading ATT&CK', () => {
    const root = freshTmpDir('eval-suggest');
    mkdirSync(join(root, 'scripts'));
    for (const name of ['eval-suggest.mjs', 'eval-rows.mjs']) copyFileSync(join(repoRoot, 'scripts', name), join(root, 'scripts', name));
    symlinkSync(join(repoRoot, 'dist'), join(root, 'dist'));
    mkdirSync(join(root, 'eval'));
    writeFileSync(join(root, 'eval', 'extra.jsonl'), `${row('test')}\n${row('holdout')}\n`);
    const run = spawnSync(process.execPath, ['scripts/eval-suggest.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, ATTACK_STIX_DIR: join(root, 'no-data') } });
    expect([run.status, run.stdout]).to.deep.equal([1, '']);
    expect(run.stderr).to.match(/^eval-suggest: eval\/extra\.jsonl:2: part "holdout" is unknown: the evaluation knows the parts dev, test, reports, annotated, reports-dev /);
  });
});
