#!/usr/bin/env node
import './compile-regexps.js';
import { fstatSync } from 'node:fs';
import { hasTemporaryFiles, onTemporaryFile, removeTemporaryFiles, UsageError } from '../attack/index.js';
import { run } from './run.js';

// Ctrl-C, SIGTERM or a closed terminal while a file was being written stopped the process with a temporary file
// beside it (`x.layer.json.1234.k3j.tmp`, or one in the cache: an index written on a first run, a release being
// downloaded). While a temporary file exists the signal is taken over: Node runs a listener only between synchronous
// runs of code, so the writes under way finish; the listener then removes any temporary file left (a download's), and
// the folders its write created if they are empty then (the cache folder of a first download), and stops the process with the signal, as it would have stopped (a shell sees 128 + the signal's number). Once the last
// temporary file is gone the signal is given back, after the event loop has polled once more: that poll delivers a
// signal that came during the writes, which was lost when the writes were the run's last work (render exited 0 on a SIGTERM). So a
// signal is held back at most until the synchronous work around a write is done (a first run indexing ATT&CK).
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let signalsTaken = false;
const stopOn = (signal: NodeJS.Signals): void => {
  giveSignalsBack();
  removeTemporaryFiles();
  process.kill(process.pid, signal);
};
function giveSignalsBack(): void {
  if (!signalsTaken) return;
  signalsTaken = false;
  for (const signal of SIGNALS) process.off(signal, stopOn);
}
onTemporaryFile(
  () => {
    if (signalsTaken) return;
    signalsTaken = true;
    for (const signal of SIGNALS) process.on(signal, stopOn);
  },
  // The signal handler's message is read in the event loop's poll phase, and a callback set from the poll phase (where
  // the writes of a command run after reading its input) runs before the next poll: two turns make sure one poll came.
  () =>
    setImmediate(() =>
      setImmediate(() => {
        if (!hasTemporaryFiles()) giveSignalsBack();
      }),
    ),
);

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
  stdin: readStandardInput,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;

/**
 * Standard input's bytes, read through process.stdin. Not readFileSync(0): once process.stdin exists (isTTY asks for
 * it) a pipe's end is non-blocking, so a writer slower than our start (`pdftotext report.pdf - | attack-layers extract
 * -`) made the read fail with EAGAIN, exit 70. A folder given as input (`< reports/`) is refused, not read as empty.
 */
async function readStandardInput(): Promise<Uint8Array> {
  if (isFolder(0)) throw new UsageError('- (standard input) is a folder, not a file; redirect a file into it (< file), or name the file instead of -');
  if (process.stdin.isTTY) process.stderr.write('reading standard input; end it with Ctrl-D\n');
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  return Buffer.concat(chunks);
}

/** Whether a file descriptor is a folder's; false for a closed one (`<&-`), which reads as empty. */
function isFolder(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}
