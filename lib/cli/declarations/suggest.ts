import type { CommandDeclaration } from '../options.js';

/** What `suggest` takes, and its examples: all that its --help and a usage error read. Its handler is commands/suggest.ts. */
export const declaration: CommandDeclaration = {
  positionals: { report: { type: 'string', describe: 'a report as text, or - for standard input', demandOption: true } },
  shared: { json: 'print [{line, text, candidates: [{id, name, score, why}], wordsInCommon, note, advice}] as JSON' },
  options: {
    lines: { type: 'boolean', describe: 'one passage per input line (default: one per sentence)' },
    top: { type: 'number', default: 5, describe: 'candidates per passage' },
    'min-score': { type: 'number', default: 0, describe: 'leave out candidates scoring below this' },
  },
  prints: { what: 'its suggestions (JSON with --json)', redirect: 'attack-layers suggest report.txt > suggestions.txt' },
  examples: [
    ['$0 suggest report.txt', 'ranked techniques for each sentence that cites no technique ID'],
    ['pdftotext report.pdf - | $0 suggest - --json --top 3', 'the same as JSON'],
  ],
};
