import { onlyStopWords, type FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';
import { idWritten } from './name-around.js';
import { nameLanguage } from './name-language.js';

// What may stand between a name and its ID after it: spaces, an opening bracket, a colon or a dash.
const BETWEEN = /[\s([【（:：–—-]*$/u;
// Brackets, quotes and Markdown marks that open a name's first word (`'AppleScript`), no part of the name.
const OPENING = /^[([“"'*_`{]+/u;
// A word of a sentence in Latin letters, all in lower case (`payloads`, `request`).
const SENTENCE_WORD = /^(?=\p{Ll})(?:(?=\p{Script=Latin})\p{Ll}|['’-])+$/u;

/**
 * Whether words are an English sentence's, each in lower case in Latin letters (`payloads`, `pandemic notices`): not a
 * name in another language (`tâche planifiée`, `nameLanguage`), which stays a name.
 */
const sentenceWords = (words: string): boolean => words.split(/\s+/).every((word) => SENTENCE_WORD.test(word)) && nameLanguage(words) === undefined;

/**
 * What words name, for `withNamesOutOfSentences`: `'its'` the technique of ID `id` (by its name, an old name, an alias,
 * a misspelling), `'another'` some other technique (a name disagreeing with its ID, which resolving warns of), or
 * undefined: none.
 */
export type NamesWhat = (words: string, id: string) => 'its' | 'another' | undefined;

/** Whether words hold a word of the name of the technique of ID `id` (`spearphishing` beside T1566.001). */
export type WordsOf = (words: string, id: string) => boolean;

/**
 * References whose name, read before their ID on its line, is the words of the sentence that leads up to it (`They used
 * Regsvr32 (T1117)`, `They ran Cobalt Strike via Regsvr32 (T1117)`: a short line is read as a list item's cell, all of
 * its words before the ID a name). With ATT&CK data (`names`), a name that names a technique in full stays as written;
 * else its name is:
 * - the longest run of its last words that names the ID's technique (`Regsvr32`, `Windows Command Shell`), a run opening
 *   with no sentence's word (a stop word: `via`, `the`, `used`) nor after a colon;
 * - else its words after the sentence's opening words (`They used Spearphishing Link (T1193)`: `Spearphishing Link`,
 *   which resolving says disagrees with T1193), where they name a technique, or where no data tells;
 * - else none: the reference is its ID alone, and the words are its `evidence:` (`They deployed Mimikatz (T1003)`),
 *   never its name.
 * A name that opens with no sentence's word and has no run naming its technique (another language's name) stays as
 * written. Pure.
 */
export function withNamesOutOfSentences(references: readonly ExtractedReference[], lines: readonly FoldedText[], names?: NamesWhat, wordsOf?: WordsOf): ExtractedReference[] {
  const listEnds = sharedNameEnds(references);
  return references.map((ref) => {
    const id = ref.ids[0];
    const line = lines[ref.span.line - 1];
    if (!id || ref.ids.length > 1 || ref.malformed || ref.name === undefined || !line) return ref;
    const text = line.original;
    // `payloads [T1566.001, T1566.002]`, `We did not observe T1041 or T1048`: such words before a list of several IDs,
    // each reference's name, are none.
    if (ref.nameSpan) return names && sharedSentenceWord(ref, names, wordsOf) ? withoutSharedName(ref, text, listEnds.get(nameKey(ref)) ?? ref.span.end) : ref;
    const written = idWritten(ref, id, text);
    if (!written || written.start < ref.span.start) return ref;
    // The name as written right before its ID, as the reader cleaned it (no mark, one space between words).
    const region = text.slice(ref.span.start, written.start);
    const head = region.slice(0, region.length - (BETWEEN.exec(region)?.[0].length ?? 0));
    if (!head.endsWith(ref.name)) return ref;
    const nameStart = ref.span.start + head.length - ref.name.length;
    const words = [...ref.name.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: nameStart + m.index }));
    // The reference as its ID alone, the words before it its evidence (`They deployed Mimikatz (T1003)`).
    const idAlone = (): ExtractedReference => {
      const { name: _name, ...rest } = ref;
      const said = text.slice(nameStart, ref.span.end).trim();
      return { ...rest, raw: text.slice(written.start, written.end), span: { line: ref.span.line, ...written }, evidence: [...(ref.evidence ?? []), { line: ref.span.line, text: said }] };
    };
    if (names?.(ref.name, id)) return ref;
    // `deploy LummaC2 malware payloads (T1566.001)`, `legitimate but compromised credentials [(T1078)]`: words in lower
    // case that name no technique are the sentence's words before its citation, no name (a name in capitals, `HTTPS
    // (T1071.001)`, is kept and warned of as one; `spearphishing attachment (T1566.001)` names its technique and stays).
    const name = ref.name;
    const prose = (): ExtractedReference => (names && sentenceWords(name) ? idAlone() : ref);
    if (words.length < 2) return prose();
    const bare = (k: number): string => words[k]!.text.replace(OPENING, '');
    const from = (k: number): string => [bare(k), ...words.slice(k + 1).map((word) => word.text)].join(' ');
    // The reference from the run's first word to its end, as written (`Regsvr32 (T1117)`).
    const named = (k: number): ExtractedReference => {
      const start = words[k]!.start + (words[k]!.text.length - bare(k).length);
      return { ...ref, raw: text.slice(start, ref.span.end), name: from(k), span: { ...ref.span, start } };
    };
    // A sentence's word (a stop word) begins no name, though the resolver reads past it (`via Regsvr32`).
    const opens = (k: number): boolean => onlyStopWords([bare(k).replace(/[^\p{L}.-]/gu, '')]);
    // Nor does a sub-technique's part of a name written `Parent: Sub` (`Command-Line Interface: PowerShell`, T1059.001 with
    // its parent's old name): the name is whole, as the normalizer reads it.
    // Nor a bracket's inside (`WMI)` in `Windows Management Instrumentation (WMI) T1047`): a run holds its brackets whole.
    const part = (k: number): boolean => words[k - 1]!.text.endsWith(':') || /^[^([]*[)\]]/.test(from(k));
    if (names) for (let k = 1; k < words.length; k++) if (bare(k) && !opens(k) && !part(k) && names(from(k), id) === 'its') return named(k);
    let opening = 0;
    while (opening < words.length && opens(opening)) opening++;
    if (opening === 0) return prose();
    if (opening < words.length && (!names || names(from(opening), id))) return named(opening);
    return idAlone();
  });
}

/** Where a shared name is written, as a key: the references that share it have the same. */
const nameKey = (ref: ExtractedReference): string => `${ref.nameSpan?.line}:${ref.nameSpan?.start}:${ref.nameSpan?.end}`;

/** Where the list of IDs that shares each name ends (its last ID's end), by `nameKey`. */
function sharedNameEnds(references: readonly ExtractedReference[]): Map<string, number> {
  const ends = new Map<string, number>();
  for (const ref of references) {
    if (!ref.nameSpan || ref.nameSpan.line !== ref.span.line) continue;
    const key = nameKey(ref);
    ends.set(key, Math.max(ends.get(key) ?? 0, ref.span.end));
  }
  return ends;
}

/**
 * Whether a name shared by the IDs after it on its line is such words of a sentence, in brackets or not (`payloads
 * [T1566.001, T1566.002]`, `We did not observe T1041 or T1048`, `exfiltrated T1041, T1048 and T1567`): words in lower
 * case that name no technique and hold no word of the name of the reference's own (`scheduled tasks (T1053,
 * T1053.005)` names one, `spearphishing T1566.001 or T1566.002` holds a word of each name: both stay).
 */
function sharedSentenceWord(ref: ExtractedReference, names: NamesWhat, wordsOf: WordsOf | undefined): boolean {
  const { nameSpan, name } = ref;
  const id = ref.ids[0]!;
  if (!nameSpan || name === undefined || nameSpan.line !== ref.span.line || nameSpan.end > ref.span.start) return false;
  return sentenceWords(name) && !names(name, id) && !wordsOf?.(name, id);
}

/** The reference as its ID alone, the words and the list of IDs after them (up to `end`, and its bracket) its evidence. */
function withoutSharedName(ref: ExtractedReference, text: string, end: number): ExtractedReference {
  const { name: _name, nameSpan, ...rest } = ref;
  const close = /^\s{0,2}[)\]]/.exec(text.slice(end))?.[0].length ?? 0;
  const said = text.slice(nameSpan!.start, end + close).trim();
  return { ...rest, raw: text.slice(ref.span.start, ref.span.end), evidence: [...(ref.evidence ?? []), { line: ref.span.line, text: said }] };
}
