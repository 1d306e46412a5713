/**
 * Lines whose PDF-to-text lost every small `i`: a font whose `i` maps to no character leaves `17 Executon T1059.003
 * Command and Scrptng Interpreter: Wndows Command Shell Persstence T1547.001 Boot or Logon Autostart Executon: Regstry
 * Run Keys / Startup Folder Dscovery T1082 …` (a write-up of the Kapeka backdoor printed to PDF, its ATT&CK table run
 * into one line), where no tactic's or technique's name reads as written. Such a line is read with the letter put back
 * in each word that is an ATT&CK name's word without its `i`s (`Executon` Execution, `Scrptng` Scripting), and the
 * words so read are told, for the analyst to check against the report. Pure.
 */
import type { AttackIndex } from '../attack/attack-index.js';

/** A line with the words read with their lost `i`s. */
export interface LostLetterLine {
  /** 1-based. */
  line: number;
  /** Each word as written and as read. */
  words: Array<{ written: string; read: string }>;
}

// A line of this many small Latin letters without one `i` is no English text as written: `i` is one letter in fourteen.
const LEAST_LETTERS = 120;
// Words that, read with their `i`s back, must be this many on a line for it to be read so.
const LEAST_WORDS = 3;

/** The key of a word: small letters, its `i`s left out (`Execution` and `Executon` share `executon`). */
const withoutI = (word: string): string => word.toLowerCase().replace(/i/g, '');

/**
 * The words of the release's tactic and technique names that hold an `i`, by their key; a key two words share tells
 * none of them.
 */
function wordsByKey(target: AttackIndex): Map<string, string | undefined> {
  const names = [...target.allTechniques().map((technique) => technique.name), ...target.tactics().map((tactic) => tactic.name)];
  const byKey = new Map<string, string | undefined>();
  for (const word of new Set(names.flatMap((name) => name.match(/\p{L}+/gu) ?? []))) {
    if (!/i/.test(word)) continue;
    const key = withoutI(word);
    if (key.length < 3) continue;
    byKey.set(key, byKey.has(key) && byKey.get(key) !== word ? undefined : word);
  }
  return byKey;
}

/** The word as written with the `i`s of the name's word put back where the name has them, the written letters' case kept. */
function withI(written: string, word: string): string {
  let out = '';
  let at = 0;
  for (const letter of word) {
    if (letter === 'i' && written.charAt(at) !== 'i') out += 'i';
    else out += written.charAt(at++);
  }
  return out + written.slice(at);
}

/**
 * The text with its lines that lost every small `i` read with the letters back (the other lines as they are), and those
 * lines' words so read; undefined where no line did.
 */
export function readLostLetters(text: string, target: AttackIndex): { text: string; lines: LostLetterLine[] } | undefined {
  const lines = text.split('\n');
  let byKey: Map<string, string | undefined> | undefined;
  const read: LostLetterLine[] = [];
  const out = lines.map((line, index) => {
    if (line.includes('i') || (line.match(/[a-z]/g)?.length ?? 0) < LEAST_LETTERS) return line;
    byKey ??= wordsByKey(target);
    const words: LostLetterLine['words'] = [];
    const restored = line.replace(/\p{L}+/gu, (written) => {
      const word = byKey!.get(withoutI(written));
      if (word === undefined || word.toLowerCase() === written.toLowerCase()) return written;
      const back = withI(written, word);
      words.push({ written, read: back });
      return back;
    });
    if (new Set(words.map((word) => word.written)).size < LEAST_WORDS) return line;
    read.push({ line: index + 1, words });
    return restored;
  });
  return read.length ? { text: out.join('\n'), lines: read } : undefined;
}
