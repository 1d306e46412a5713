import type { Out } from './context.js';

// Characters a terminal acts on rather than shows: C0 controls but tab and line feed (a carriage return only where it
// ends a CRLF line), DEL, C1 controls, and the bidirectional overrides and isolates that reorder what is shown.
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// What stands for the escape that starts a table's colour code until the text leaves for a terminal: a mark no input
// can hold (two Unicode noncharacters around a number drawn per process), so that a colour code written in input
// (`\e[31m` in a reference) is made inert like any other control sequence, and only the tables' own colours pass.
const COLOR_MARK = `\uFDD0${Math.random().toString(36).slice(2, 12)}\uFDD1`;
const COLOR_MARKS = new RegExp(`${COLOR_MARK}\\d+m`, 'g');

/** `text` in a colour (an SGR code: `1` bold, `31` red), as tables paint cells; shown by `terminalText` with `colors`. */
export function colored(text: string, code: string): string {
  return `${COLOR_MARK}${code}m${text}${COLOR_MARK}0m`;
}

/**
 * Text as a terminal shows it, inert: control characters become visible escapes (`\x1B`, `\u202E`), so that text from
 * input (a campaign's name, a field name in a message) cannot move the cursor, clear the screen, set the window's
 * title or reorder the line. With `colors`, the tables' own colours (`colored`) are shown as colours; without, left out.
 */
export function terminalText(text: string, options: { colors?: boolean } = {}): string {
  const inert = text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  });
  if (!inert.includes(COLOR_MARK)) return inert;
  return options.colors ? inert.replaceAll(COLOR_MARK, '\u001b[') : inert.replace(COLOR_MARKS, '');
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
 * Whether the terminal shows text only, without acting on escape sequences (`TERM=dumb`: Emacs' shell, some CI logs
 * run in a pseudo-terminal): no colours there, and no progress line rewritten in place (`\r\x1B[K` showed as is).
 */
export function isDumbTerminal(env: Readonly<Record<string, string | undefined>>): boolean {
  return env['TERM'] === 'dumb';
}

/**
 * Where text leaves the CLI: a stream whose writes are made inert by `terminalText` (messages: always, and cut by
 * `messageText`; data on stdout: when it is a terminal, so that a file or pipe gets the exact bytes), and which draws
 * progress lines itself, the one place that writes control sequences of its own: only on a terminal that acts on them
 * (a file, a pipe or `TERM=dumb` gets no progress, whoever asks), and a line drawn is cleared before the next message, so that a warning or an error
 * met mid-way starts its own line (`loading ATT&CK x.json: parsing…attack-layers technique: x.json:1: not valid JSON`
 * was one line), and by `progress('')` at the end of a run (run.ts), so that none is left behind.
 */
export function terminalOut(out: Out, kind: 'data' | 'messages', env: Readonly<Record<string, string | undefined>> = {}): Out {
  const draws = out.isTTY === true && !isDumbTerminal(env);
  const inert = kind === 'messages' || out.isTTY === true;
  let drawn = false;
  const clear = (): string => {
    if (!drawn) return '';
    drawn = false;
    return '\r\u001b[K';
  };
  const text = (chunk: string): string => (kind === 'messages' ? terminalText(messageText(chunk)) : inert ? terminalText(chunk, { colors: true }) : chunk);
  return {
    isTTY: out.isTTY,
    ...(out.columns === undefined ? {} : { columns: out.columns }),
    write: (chunk: string) => out.write(`${clear()}${text(chunk)}`),
    progress: (line: string) => {
      if (!draws) return;
      if (line === '') return drawn && out.write(clear());
      drawn = true;
      return out.write(`\r\u001b[K${terminalText(line)}`);
    },
  };
}
