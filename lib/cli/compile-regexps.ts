import { setFlagsFromString } from 'node:v8';

// Each regular expression is compiled to machine code on its first use, not first to V8's bytecode and then again to
// machine code. The bytecode step is what a large pattern costs (a tactic list of every written tactic name, 279 forms,
// twice in one pattern: ~0.1 s for that one alone), and a CLI run is a new process that pays it every time: an
// `extract` of a 19 kB report took ~0.57 s of CPU with it and ~0.35 s without. Matching is the same either way.
// Imported first by the CLI's entry. V8 compiles a pattern when it is first run, not when its module loads, so the flag
// holds for every pattern a command runs, even where the bundle (scripts/bundle-cli.mjs) evaluates its shared chunks
// before this line; a library user's process is left as it is.
setFlagsFromString('--no-regexp-tier-up');
