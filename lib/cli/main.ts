#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { run } from './run.js';

// A reader that stops early (`attack-layers ... | head`) closes the pipe: that is not an error of ours. Stop quietly,
// as other command-line tools do; anything else on stdout is re-thrown.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Read only when a command is given `-`; typed at a terminal, it ends with Ctrl-D, which a user may not guess.
  stdin: () => {
    if (process.stdin.isTTY) process.stderr.write('reading standard input; end it with Ctrl-D\n');
    return readFileSync(0);
  },
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
