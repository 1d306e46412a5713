#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { defaultCacheDir, onTemporaryFile, removeTemporaryFiles } from '../attack/index.js';
import { run } from './run.js';

// Ctrl-C, SIGTERM or a closed terminal while an output is being written stopped the process with a temporary file
// beside the output (`x.layer.json.1234.k3j.tmp`). From the first output written on, the signal is taken over: Node
// runs a listener only between synchronous runs of code, so the writes under way finish; the listener then removes any
// temporary file left and stops the process with the signal, as it would have stopped (a command whose writes end its
// run may end first, its outputs whole). Not earlier: a listener would also hold the signal back through other long
// synchronous work (a first run indexing ATT&CK, suggest ranking a book); nor for the cache, written amid such work.
const cache = defaultCacheDir({ XDG_CACHE_HOME: process.env['XDG_CACHE_HOME'], HOME: process.env['HOME'] });
let signalsTaken = false;
onTemporaryFile((file) => {
  const inCache = relative(cache, resolve(file));
  if (signalsTaken || (inCache && !inCache.startsWith('..') && !isAbsolute(inCache))) return;
  signalsTaken = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeTemporaryFiles();
      process.kill(process.pid, signal);
    });
  }
});

// A reader that stops early (`attack-layers ... | head`) closes the pipe: that is not an error of ours, and says nothing
// of the input. What is left to print is dropped, silently, and the command exits with its own code, as for a reader
// that read it all: `validate bad.json | head -1` under `set -o pipefail` fails with validate's 1, a clean run gives 0
// (grep and jq would die by SIGPIPE, 141, their own code lost; exit 0 here lost it too). Anything else is re-thrown.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// A reader of stderr alone that stops early (`attack-layers … 2>&1 >out.json | head -1`) leaves the messages nowhere to
// go: they are dropped, and the command goes on (exit 1 was Node's for the unhandled EPIPE, the command's code lost).
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
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
