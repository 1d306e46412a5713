/**
 * A path through a loop of symbolic links (`ln -s b a; ln -s a b`, a link left pointing at itself after a move) was
 * said as `a: cannot read it and its folders (ELOOP)`: a code, with nothing to do. It says what ELOOP means and what
 * to give, as an output path through such a loop does (`cannot write it (too many symbolic links, ELOOP)`).
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

describe('an input path through a loop of symbolic links', () => {
  it('is a usage error (exit 2) saying what ELOOP means and what to give', async () => {
    const dir = freshTmpDir('symlink-loop');
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    const result = await runCli(['normalize', join(dir, 'a.yaml')]);
    expect({ code: result.code, stderr: result.stderr }).to.deep.equal({
      code: 2,
      stderr: `attack-layers normalize: ${join(dir, 'a.yaml')}: too many symbolic links (ELOOP): they lead round in a loop; give a path without a loop of symbolic links\n`,
    });
  });
});
