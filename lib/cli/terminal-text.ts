import type { Out } from './context.js';

// Characters a terminal acts on rather than shows: C0 controls but tab and line feed (a carriage return only where it
// ends a CRLF line), DEL, C1 controls, and the bidirectional overrides and isolates that reorder what is shown.
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// The colours tables use on a terminal (format-table.ts: bold, red, green, yellow, reset), kept as they are in data.
const TABLE_COLOR = /\u001b\[(?:0|1|3[1-3])m/y;

/**
 * Text as a terminal shows it, inert: control characters become visible escapes (`\x1B`, `\u202E`), so that text from
 * input (a campaign's name, a field name in a message) cannot move the cursor, clear the screen, set the window's
 * title or reorder the line. With `colors`, the colour codes of tables pass (they can only colour text).
 */
export function terminalText(text: string, options: { colors?: boolean } = {}): string {
  return text.replace(CONTROL, (c, at: number) => {
    if (options.colors && c === '\u001b') {
      TABLE_COLOR.lastIndex = at;
      if (TABLE_COLOR.test(text)) return c;
    }
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

/** Longer lines of a message are cut in the middle, so that an input repeated in full cannot bury the rest. */
export const MAX_MESSAGE_LINE = 1000;

/** A message for stderr: each line over `MAX_MESSAGE_LINE` characters cut in the middle, saying how much was cut. */
export function messageText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= MAX_MESSAGE_LINE) return line;
      // The start names the file and place; the end, what to do.
      const head = line.slice(0, 700);
      const tail = line.slice(-200);
      return `${head} … [${line.length - head.length - tail.length} characters cut] … ${tail}`;
    })
    .join('\n');
}

/**
 * Where text leaves the CLI: a stream whose writes are made inert by `terminalText` (messages: always, and cut by
 * `messageText`; data on stdout: when it is a terminal, so that a file or pipe gets the exact bytes), and which draws
 * progress lines itself, the one place that writes control sequences of its own.
 */
export function terminalOut(out: Out, kind: 'data' | 'messages'): Out {
  const inert = kind === 'messages' || out.isTTY === true;
  return {
    isTTY: out.isTTY,
    ...(out.columns === undefined ? {} : { columns: out.columns }),
    write: (chunk: string) => out.write(kind === 'messages' ? terminalText(messageText(chunk)) : inert ? terminalText(chunk, { colors: true }) : chunk),
    progress: (line: string) => out.write(`\r\u001b[K${terminalText(line)}`),
  };
}
