import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import { readTactic } from '../normalize/read-tactic.js';
import { techniqueAlias } from '../normalize/technique-aliases.js';
import { fullName } from '../normalize/resolve-reference.js';
import { spacedName } from '../normalize/spaced-names.js';
import { MAX_TACTIC_WORDS, tacticDisplayName } from '../normalize/tactic-text.js';
import { scanIds, type FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';
import { brokenIdRestEnd } from './broken-ids.js';

/** A technique's name found beside or around its ID in a line: the name, and the span from its first to its last word. */
export interface NameAround {
  name: string;
  start: number;
  end: number;
  /** Whether the name ends where a word of it ran into the next cell (`ShellThe`): what was read past it is no name. */
  cut?: boolean;
}

// How many words of a name may stand before and after its ID.
const MAX_BEFORE = 8;
const MAX_AFTER = 6;
// A speck of OCR noise between a name and its ID (`Obfuscated Files or . T1027 Information`), one or two marks alone;
// or a cell border (`User Execution: Malicious Link | T1204.001`), unless the name is to be around the ID.
const SPECK = /^[.—–\-:,'`~]{1,2}$/;
const BORDER = /^[|.—–\-:,'`~]{1,2}$/;

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Whether a word may be part of a name: it has a letter, and no cell border. */
const nameWord = (word: string): boolean => /\p{L}/u.test(word) && !word.includes('|');
// A bracket or Markdown marks that open the first word of a name (`(**Boot or Logon …`, a write-up's heading).
const OPENING = /^[([“"'*_`]+(?=\p{L})/u;

/** The words before `at`, nearest first, back to a word that is none of a name's or ends a sentence or clause. */
function wordsBefore(text: string, at: number, speck: RegExp): Word[] {
  const base = Math.max(0, at - 300);
  const words = [...text.slice(base, at).matchAll(/\S+/g)].map((m) => ({ text: m[0], start: base + m.index, end: base + m.index + m[0].length }));
  words.reverse();
  if (words[0] && speck.test(words[0].text)) words.shift();
  const out: Word[] = [];
  for (const word of words) {
    if (out.length >= MAX_BEFORE || !nameWord(word.text) || /[.,;!?]$/.test(word.text)) break;
    out.push(word);
  }
  return out;
}

// Where a word may run into the next cell of a table whose cells a scrape or a PDF-to-text tool set together: a capital
// that starts a word of its own inside it (`ShellThe`, `SSHThreat`, `DiscoveryCollectionT1005Data`), or a capital after
// a small letter (`InterpreterHTA-delivered`).
const INTO_CELL = /(?<=\p{L})\p{Lu}(?=\p{Ll})|(?<=\p{Ll})\p{Lu}/gu;

/**
 * The words after `at`, nearest first, up to a word that is none of a name's; a word ending a clause is the last. With
 * `cut`, the first word that may run into the next cell (`Unix ShellThe actor ran`) is cut at its `cut`-th such capital
 * and is the last (none when it has fewer).
 */
function wordsAfter(text: string, at: number, speck: RegExp, cut?: number): Word[] {
  const words = [...text.slice(at, at + 300).matchAll(/\S+/g)].map((m) => ({ text: m[0], start: at + m.index, end: at + m.index + m[0].length }));
  if (words[0] && speck.test(words[0].text)) words.shift();
  const out: Word[] = [];
  for (const word of words) {
    if (out.length >= MAX_AFTER || !nameWord(word.text)) break;
    const runs = cut === undefined ? [] : [...word.text.matchAll(INTO_CELL)];
    if (runs.length) {
      const run = runs[cut!];
      if (!run) return [];
      out.push({ text: word.text.slice(0, run.index), start: word.start, end: word.start + run.index });
      break;
    }
    const bare = word.text.replace(/[.,;!?]$/, '');
    out.push({ text: bare, start: word.start, end: word.start + bare.length });
    if (bare !== word.text) break;
  }
  return out;
}

/**
 * The name of technique `id` written beside or around its ID at `start`-`end` of a line, when the words right before
 * it, right after it, or both together are exactly that technique's name in the release (`Spearphishing T1566.001
 * Attachment`: an OCR'd table cell set on two lines around its ID). The most words win, then a name around the ID.
 * With `aroundOnly`, only words on both sides, within one cell.
 */
export function nameAround(text: string, start: number, end: number, id: string, target: AttackIndex, aroundOnly = false, names: NamesId = (name) => namesId(name, id, target)): NameAround | undefined {
  // The words as written first; else with a word run into the next cell cut there (`T1021.004Remote Services: SSHThreat
  // actor used SSH`, a scraped table's row): a name read so is still an exact name of the ID's technique.
  const written = nameWithin(text, start, end, names, aroundOnly);
  if (written) return written;
  for (let cut = 0; cut < 4; cut++) {
    const name = nameWithin(text, start, end, names, aroundOnly, cut);
    if (name && text.charAt(name.end) !== ' ') return { ...name, cut: true };
  }
  return aroundOnly ? undefined : nameRunInto(text, end, id, target);
}

/** Whether words are a name of the technique whose ID they stand beside (`namesId`, or an older release's name of it). */
type NamesId = (name: string) => boolean;

/**
 * The technique's exact name right after its ID where the next cell's first word ran into the name's last word
 * (`T1071.001Application Layer Protocol: Web Protocolsmshta.exe initiated…`, a scraped table's row): with no capital to
 * cut at, or a name longer than the words read after an ID, only the whole name, as the release writes it, tells where
 * the cell ends. Also the whole name
 * that ends at a space or the line's end, longer than the words read after an ID (`T1195.001 Supply Chain Compromise:
 * Compromise Software Dependencies and Development Tools Smooth Operator is distributed…`, NCSC's table flattened to one line).
 */
function nameRunInto(text: string, at: number, id: string, target: AttackIndex): NameAround | undefined {
  const technique = target.technique(id);
  if (!technique) return undefined;
  const start = at + (/^\s*/.exec(text.slice(at, at + 20))?.[0].length ?? 0);
  for (const name of new Set([fullName(target, technique), technique.name])) {
    const end = start + name.length;
    if (!text.startsWith(name, start)) continue;
    // The next cell's first word glued on, in lower case or a capital: `T1195.002Supply Chain Compromise: Compromise
    // Software Supply ChainScarCruft compromised …`, ESET's table with its cells run together, a name of more words than
    // are read after an ID, which a cut at that capital (`nameAround`) does not reach.
    if (/\p{Ll}/u.test(name.charAt(name.length - 1)) && /\p{L}/u.test(text.charAt(end))) return { name, start, end, cut: true };
    if (/^\s|^$/.test(text.slice(end, end + 1)) && name.split(' ').length > MAX_AFTER) return { name, start, end };
  }
  return undefined;
}

function nameWithin(text: string, start: number, end: number, names: NamesId, aroundOnly: boolean, cut?: number): NameAround | undefined {
  const speck = aroundOnly ? SPECK : BORDER;
  const before = wordsBefore(text, start, speck);
  const after = wordsAfter(text, end, speck, cut);
  const least = aroundOnly ? 1 : 0;
  // Words on both sides of an ID are one cell's (`Phishing: Spearphishing 71566.001 Attachment`), never the ends of the
  // cells beside its own (`| Port non standard | T1571 | Port 6969 … |`: not "non standard Port").
  const bordered = (from: number, to: number): boolean => text.slice(from, to).includes('|');
  const apart = (before[0] !== undefined && bordered(before[0].end, start)) || (after[0] !== undefined && bordered(end, after[0].start));
  let best: (NameAround & { words: number; around: boolean }) | undefined;
  for (let a = least; a <= before.length; a++) {
    for (let b = least; b <= after.length; b++) {
      if (a && b && apart) continue;
      if (a + b === 0 || (best && (a + b < best.words || (a + b === best.words && (best.around || !(a && b)))))) continue;
      const words = [...before.slice(0, a).reverse(), ...after.slice(0, b)];
      const name = [words.map((word) => word.text).join(' '), ...splitWordsJoined(words)].find(names);
      if (name === undefined) continue;
      best = { name, start: words[0]!.start, end: words[words.length - 1]!.end, words: a + b, around: a > 0 && b > 0 };
    }
  }
  return best && { name: best.name, start: best.start, end: best.end };
}

/**
 * The words as one name with one word that PDF-to-text split by a space joined again, each way there is (`Softwa re
 * Discovery: Security Software Discovery`, `Local Data Stagin g`): only where the space stands between a small letter
 * and a small letter, inside what would be a word.
 */
function splitWordsJoined(words: readonly Word[]): string[] {
  return words.slice(1).flatMap((word, k) =>
    /\p{Ll}$/u.test(words[k]!.text) && /^\p{Ll}/u.test(word.text)
      ? [[...words.slice(0, k).map((each) => each.text), words[k]!.text + word.text, ...words.slice(k + 2).map((each) => each.text)].join(' ')]
      : [],
  );
}

/** Where the ID of a reference of one ID (or its IDs, `ids`: siblings) is written in its line's text, as the scanner reads it there. */
export function idWritten(ref: ExtractedReference, id: string, text: string, ids: readonly string[] = [id]): { start: number; end: number } | undefined {
  const token = scanIds(text.slice(ref.span.start, ref.span.end)).find((found) => found.ids.join(' ') === ids.join(' '));
  return token && { start: ref.span.start + token.start, end: ref.span.start + token.end };
}

/**
 * A reference of one ID with a name read on the ID's own line: the ID, the name read, the line's text and where the ID
 * is written in it; undefined for any other (several IDs, no name, a name on another line).
 */
function oneIdNamedOnItsLine(ref: ExtractedReference, lines: readonly FoldedText[]): { id: string; read: string; text: string; written: ReturnType<typeof idWritten> } | undefined {
  const id = ref.ids[0];
  const line = lines[ref.span.line - 1];
  if (!id || ref.ids.length > 1 || ref.name === undefined || !line || (ref.nameSpan && ref.nameSpan.line !== ref.span.line)) return undefined;
  return { id, read: ref.name, text: line.original, written: idWritten(ref, id, line.original) };
}

// A list item's words before its ID and a dash (`- Credential Dumping - T1003 (APT33)`), the item's marker aside.
const NAME_AND_DASH = /^\s{0,8}(?:[-*+•]\s{1,3}|\d{1,2}[.)]\s{1,3})?[*_]{0,2}(\p{L}[^()[\]|]{1,80}?)[*_]{0,2}\s{1,3}[-–—]\s{0,3}$/u;

/**
 * `- Credential Dumping - T1003 (APT33)`, an ICS summary's list: where the name read is in a bracket right after the ID
 * and `namesId` says it does not name the ID's technique (a group, the incident it was seen in), and the words before the
 * ID, from the line's start to a dash, do name it in some form (an old name, an alias), they are its name. Pure.
 */
export function withNamesBeforeDash(references: readonly ExtractedReference[], lines: readonly FoldedText[], namesId: (name: string, id: string) => boolean): ExtractedReference[] {
  return references.map((ref) => {
    const one = oneIdNamedOnItsLine(ref, lines);
    if (!one) return ref;
    const { id, read, text, written } = one;
    const after = written ? /^\s{0,2}\(([^()]{1,80})\)/.exec(text.slice(written.end)) : null;
    if (!written || !after || !after[1]!.includes(read) || namesId(read, id)) return ref;
    const before = NAME_AND_DASH.exec(text.slice(0, written.start));
    const name = before?.[1]?.trim();
    if (!before || !name || !namesId(name, id)) return ref;
    const start = before.index + before[0].indexOf(before[1]!);
    return {
      ...ref,
      raw: `${name} (${text.slice(written.start, written.end)})`,
      name,
      span: { line: ref.span.line, start: written.start, end: written.end },
      nameSpan: { line: ref.span.line, start, end: start + name.length },
    };
  });
}

// A bracket right after an ID that names an ATT&CK domain (`T1398 (Mobile)`), its name or none after it.
const DOMAIN_BRACKET = /^ ?\((?:Mobile|Enterprise|ICS)\)/i;

/**
 * `T1420 (Mobile) File and Directory Discovery`, NCSC's Infamous Chisel report as PDF text: a domain's word in a bracket
 * right after an ID says which matrix the ID is of, no name of its technique. The reference's name is then the
 * technique's exact name right after the bracket (`nameAround`), else none: the ID alone. Pure.
 */
export function withoutDomainBracket(references: readonly ExtractedReference[], lines: readonly FoldedText[], target: AttackIndex): ExtractedReference[] {
  return references.map((ref) => {
    const one = oneIdNamedOnItsLine(ref, lines);
    if (!one) return ref;
    const { id, read, text, written } = one;
    const bracket = written && DOMAIN_BRACKET.exec(text.slice(written.end));
    if (!written || !bracket || !bracket[0].includes(read)) return ref;
    const { name: _name, nameSpan: _nameSpan, ...rest } = ref;
    const idText = text.slice(written.start, written.end);
    const named = nameAround(text, written.end + bracket[0].length, written.end + bracket[0].length, id, target);
    if (!named || named.start < written.end) return { ...rest, raw: idText, span: { line: ref.span.line, ...written } };
    return { ...rest, raw: `${named.name} (${idText})`, name: named.name, span: { line: ref.span.line, ...written }, nameSpan: { line: ref.span.line, start: named.start, end: named.end } };
  });
}

/**
 * The reference as its ID alone, when its name is the words written right after the ID, with only a space between
 * (`However T1003 followed.`, a short line read as a reference), or after the number a line break split from it
 * (`T1059.`⏎`001 ran the payload`); undefined otherwise (a name before the ID, in a bracket, after a colon or dash, in
 * another cell or on another line). Pure.
 */
export function withoutNameAfter(ref: ExtractedReference, lines: readonly FoldedText[]): ExtractedReference | undefined {
  const id = ref.ids[0];
  const line = lines[ref.span.line - 1];
  if (!id || ref.name === undefined || !line) return undefined;
  if (ref.nameSpan) {
    if (ref.ids.length > 1) return undefined;
    // An ID whose sub-technique number a line break split from it (`T1059.`⏎`001 ran the payload`): the words after
    // the number, a space between, are the words right after the ID, as they are on one line.
    const next = lines[ref.span.line]?.original ?? '';
    const number = brokenIdRestEnd(line.original, ref.span.end, next);
    const named = ` | ${next.slice(ref.nameSpan.start, ref.nameSpan.end)}`;
    if (number === undefined || ref.nameSpan.line !== ref.span.line + 1 || !/^ +$/.test(next.slice(number, ref.nameSpan.start)) || !ref.raw.endsWith(named)) return undefined;
    const { name: _name, nameSpan: _nameSpan, ...rest } = ref;
    return { ...rest, raw: ref.raw.slice(0, -named.length) };
  }
  const text = line.original;
  const written = idWritten(ref, id, text, ref.ids);
  if (!written || text.slice(written.end, ref.span.end).trim() !== ref.name || !/^ +\S/.test(text.slice(written.end, ref.span.end))) return undefined;
  const { name: _name, ...rest } = ref;
  return { ...rest, raw: text.slice(written.start, written.end), span: { line: ref.span.line, ...written } };
}

// A word cut by a line break after its hyphen (`DLL Side-`⏎`Loading`): its halves join with nothing between.
const CUT_WORD = /\p{L}-$/u;

/**
 * Whether `name` is an exact name of technique `id` in the release, or that name written without its spaces
 * (`T1059.001 CommandandScriptingInterpreter:PowerShell`, `spacedName`), or the common abbreviation of it that the
 * normalizer's table holds (`WMI` for T1047: `tasklist T1047 WMI Group uses WMI commands…`, a TTP table's cells run
 * together by PDF-to-text, the tool of the row before glued to the ID).
 */
const namesId = (name: string, id: string, target: AttackIndex): boolean =>
  target.techniquesByName(spacedName(name, target) ?? colonSpaced(name)).some((technique) => technique.id === id) || techniqueAlias(name)?.id === id;

/**
 * A name with a space after each colon (`User Execution:Malicious File`, as PDF-to-text writes Genians' Konni table of
 * September 2023 beside names that lost every space): the name it writes, no space of a word lost.
 */
const colonSpaced = (name: string): string => name.replace(/\s*:(?=\S)\s*/g, ': ');

/** `first` and `second`, the two sides of a line break, as one text. */
const joinBroken = (first: string, second: string): string => `${first}${CUT_WORD.test(first) ? '' : ' '}${second}`;

// How many lines a name may be set on (a narrow cell of a PDF's table, as PDF-to-text writes it).
const WRAPPED_LINES = 3;

/**
 * The exact name of technique `id` that line breaks cut, and the line where it starts, where the name read beside its ID (`name`, at `read` of the
 * ID's line) runs to the line's end and the next lines, with no ID, complete it (`T1053.005: Scheduled Task/Job:
 * Scheduled`⏎`Task`, a PDF heatmap's item), or starts its line after the end of the lines before, whose last words, after
 * any ID there, complete it (`Interpreter: Windows Command`⏎`Shell T1059:003`); at most `WRAPPED_LINES` lines; undefined otherwise.
 */
function wrappedName(name: string, read: { start: number; end: number }, idStart: number, idEnd: number, id: string, lines: readonly FoldedText[], lineNumber: number, target: AttackIndex): (NameAround & { line: number }) | undefined {
  const text = lines[lineNumber - 1]!.original;
  const written = text.slice(read.start, read.end);
  if (read.end >= idEnd && written.endsWith(name) && !text.slice(read.end).trim()) {
    let joined = name;
    for (let k = 0; k < WRAPPED_LINES - 1; k++) {
      const next = lines[lineNumber + k]?.original.trim();
      if (!next || scanIds(next).length) break;
      joined = joinBroken(joined, next);
      if (namesId(joined, id, target)) return { name: joined, line: lineNumber, start: read.end - name.length, end: text.length };
    }
  }
  if (read.start > idStart || !written.startsWith(name) || text.slice(0, read.start).trim()) return undefined;
  let rest = name;
  for (let k = 1; k < WRAPPED_LINES; k++) {
    const before = lines[lineNumber - 1 - k]?.original.trimEnd();
    if (before === undefined) return undefined;
    const after = scanIds(before).reduce((end, token) => Math.max(end, token.end), 0);
    const words = wordsBefore(before, before.length, BORDER).filter((word) => word.start >= after);
    for (let n = words.length; n > 0; n--) {
      const start = words[n - 1]!.start;
      const joined = joinBroken(before.slice(start).trim(), rest);
      if (namesId(joined, id, target)) return { name: joined, line: lineNumber - k, start, end: before.length };
    }
    // A whole line of a name's words, with no ID, is its middle when it is set on more lines (`Command and`⏎`Scripting
    // Interpreter:`⏎`PowerShell T1059.001`).
    if (after > 0 || !words.length || before.slice(0, words[words.length - 1]!.start).trim()) return undefined;
    rest = joinBroken(before.trim(), rest);
  }
  return undefined;
}

/**
 * References whose name, as read, is not their technique's exact name, given the exact name written beside or around
 * their ID outside it instead (`Obfuscated Files or . T1027 Information Masquerading T1036` in an OCR'd table: T1027 is
 * `Obfuscated Files or Information`, T1036 `Masquerading`), written `name (ID)`. Only a reference of one ID, read on one
 * line, whose ID is written as the scanner reads it there. Pure.
 */
export function withNamesAround(
  references: readonly ExtractedReference[],
  lines: readonly FoldedText[],
  target: AttackIndex,
  namesTechnique: (name: string) => boolean = () => true,
  olderNames: (ref: ExtractedReference) => ((name: string) => boolean) | undefined = () => undefined,
): ExtractedReference[] {
  // The references whose name was found here: an exact name of their technique, now or in an older release.
  const exact = new Set<number>();
  const read = references.map((ref, index) => {
    const id = ref.ids[0];
    const line = lines[ref.span.line - 1];
    if (!id || ref.ids.length > 1 || ref.malformed || !line || (ref.nameSpan && ref.nameSpan.line !== ref.span.line)) return ref;
    const text = line.original;
    // `Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder (T1547.001)`: a name read cut short of the
    // technique's full name, past the reader's reach of eight words, whose first words stand right before it.
    const completed = completedName(ref, text, target);
    if (completed) return completed;
    if (ref.name !== undefined && target.techniquesByName(ref.name).some((technique) => technique.id === id)) return ref;
    const written = idWritten(ref, id, text);
    if (!written) return ref;
    const { start: idStart, end: idEnd } = written;
    // `T1071 Standard Application Layer Protocol FTP and HTTP are used for …` (ESET's Machete table as PDF text): the ID's
    // technique's name in an older release, then the row's description. Older names are asked only where the resolver
    // asks older releases of the name read (`olderNames`), never of the words around a bare ID.
    const older = ref.name === undefined ? undefined : olderNames(ref);
    const around = nameAround(text, idStart, idEnd, id, target) ?? (older && !older(ref.name!) ? nameAround(text, idStart, idEnd, id, target, false, older) : undefined);
    // A part of the name as read (`PowerShell` in `Command-Line Interface: PowerShell`, an old parent's name) leaves it
    // as the author wrote it: the normalizer reads it whole. A name as read that names no technique in any form (`Trends
    // in the 2023 Protocol Tunneling`, a PDF's page header run into a heading) gives way to the part that is exact; so
    // does one whose last word ran into the next cell (`File and Directory DiscoveryThe`).
    const read = ref.nameSpan ?? ref.span;
    const part = around && ref.name !== undefined && around.start >= read.start && around.end <= read.end;
    // `T1016 — System Network Configuration Discovery Use of netspeedtest`, ANY.RUN's TTP table printed to PDF, its cells
    // run into one line: the exact name right after the ID, then a word of the next cell, which the resolver forgives as a
    // misspelling (`Discovery Use`): the next cell's words are no part of the name, so the exact name gives way to the
    // name read whole. A dash or a colon after the exact name goes on with it (`T1480 Execution Guardrails - Environmental
    // Keying`), and so do words that make a name the technique had (`T1070 Indicator Removal on Host`, NEC's ranking),
    // known from older releases or, without them, told by their small first letter: a cell's first word is a capital.
    const runOn =
      part &&
      around.start >= idEnd &&
      !/\p{L}/u.test(text.slice(idEnd, around.start)) &&
      around.end < read.end &&
      /^\s+\p{Lu}/u.test(text.slice(around.end, read.end)) &&
      !older?.(ref.name!);
    const inLine = around && (!part || around.cut || runOn || !namesTechnique(ref.name!)) ? around : undefined;
    const wrapped = inLine || ref.name === undefined ? undefined : wrappedName(ref.name, read, idStart, idEnd, id, lines, ref.span.line, target);
    const found = inLine ?? wrapped;
    if (!found) return ref;
    if (inLine) exact.add(index);
    // A wrapped name's span is its part on the line where it starts (the ID's line, or the line before).
    const nameLine = wrapped?.line ?? ref.span.line;
    return {
      ...ref,
      raw: `${found.name} (${text.slice(idStart, idEnd)})`,
      name: found.name,
      span: { line: ref.span.line, start: idStart, end: idEnd },
      nameSpan: { line: nameLine, start: found.start, end: found.end },
    };
  });
  return withRowTactics(read, references, lines, target, exact);
}

/** A reference read as a row of a table flattened to one line: its ID, then its name, where they are written. */
interface FlatRow {
  index: number;
  id: string;
  idStart: number;
  nameEnd: number;
  /** Whether the name is its technique's exact name, now or in an older release: then it ends where read, not past the next row's tactic cell. */
  exact: boolean;
}

/**
 * The references with the tactics of the rows of a table flattened to one line (`Tactic Technique Description Execution
 * T1059.001 Command and Scripting Interpreter: PowerShell T1059.003 Command and Scripting Interpreter: Windows Command
 * Shell Persistence T1547.001 …`, Genians' Konni table as PDF text): a row is a reference whose name follows its ID on
 * its line. What stands between a row's name and the next row's ID is the rest of the row (a description cell) and the
 * next row's tactic cell, when it has one (`rowTactic`); a row without one goes on under the tactic of the row before,
 * as the table's merged cell says. The first row of a line, or one after text that is neither, takes only a tactic's
 * full name right before its ID (`tacticNameBefore`). A tactic so read goes on to the rows after only when the technique
 * has it in the release, else they take none, and is the row's own only then or when the row's name is exactly its
 * technique's; it is a reference's when the reader gave it none, or read its name before
 * its ID where the row's name follows it (the reader's tactic came with words of the row before). Pure.
 */
function withRowTactics(
  read: readonly ExtractedReference[],
  written: readonly ExtractedReference[],
  lines: readonly FoldedText[],
  target: AttackIndex,
  exact: ReadonlySet<number>,
): ExtractedReference[] {
  const byLine = new Map<number, FlatRow[]>();
  for (const [index, ref] of read.entries()) {
    const id = ref.ids[0];
    const text = lines[ref.span.line - 1]?.original;
    if (!id || ref.ids.length > 1 || ref.malformed || ref.name === undefined || text === undefined || (ref.nameSpan && ref.nameSpan.line !== ref.span.line)) continue;
    const at = idWritten(ref, id, text);
    // A name read with its ID is in the reference's span, after the ID when the span starts with it.
    const name = ref.nameSpan ?? (at && at.start === ref.span.start && at.end < ref.span.end ? { start: at.end, end: ref.span.end } : undefined);
    if (!at || !name || name.start < at.end) continue;
    const rows = byLine.get(ref.span.line) ?? byLine.set(ref.span.line, []).get(ref.span.line)!;
    rows.push({ index, id, idStart: at.start, nameEnd: name.end, exact: exact.has(index) || namesId(ref.name, id, target) });
  }
  const out = [...read];
  for (const [lineNumber, rows] of byLine) {
    const text = lines[lineNumber - 1]!.original;
    rows.sort((a, b) => a.idStart - b.idStart);
    let carried: string | undefined;
    for (const [k, row] of rows.entries()) {
      const before = rows[k - 1];
      const gap = before && before.nameEnd <= row.idStart ? text.slice(before.nameEnd, row.idStart) : undefined;
      const cell = gap === undefined || scanIds(gap).length ? undefined : rowTactic(gap);
      // A name read past its technique's that ends in a tactic's name (`Deobfuscate/DecodeFiles or Information Discovery
      // T1057`) may hold the next row's tactic cell: that row is read as a first one.
      const goesOn = cell === '' && carried !== undefined && (before!.exact || tacticNameBefore(text, row.idStart, target) === undefined);
      const tactic = cell ? cell : goesOn ? carried : tacticNameBefore(text, row.idStart, target);
      carried = tactic && hasTactic(target, row.id, tactic) ? tactic : undefined;
      // A tactic in the row's own cell that ATT&CK does not give the technique whose exact name follows its ID (`Defense
      // Evasion T1090 — Proxy`, ANY.RUN's Lazarus table printed to PDF) is still the row's: resolving says it is not the
      // technique's, where leaving it out said nothing. It goes on to no row after.
      const stated = carried ?? (tactic && !goesOn && row.exact ? tactic : undefined);
      const ref = out[row.index]!;
      const original = written[row.index]!;
      const misread = original.name !== undefined && (original.nameSpan ? original.nameSpan.end <= row.idStart : original.span.start < row.idStart);
      if (stated && (!ref.tactics.length || misread)) out[row.index] = { ...ref, tactics: [stated] };
    }
  }
  return out;
}

// The end of a sentence: a description cell's, before the next row's cells.
const SENTENCE_END = /[\p{L}\p{N})\]][.!?]["”’)]?$/u;

/**
 * What the text between a row's name and the next row's ID says of that row's tactic: a tactic's full name, alone or
 * after the sentences of a description cell (`… from an external server. Execution`); `''` when it names none and is
 * nothing or ends a sentence (the row goes on under the tactic before); undefined for any other text.
 */
function rowTactic(gap: string): string | undefined {
  const trimmed = gap.trim();
  if (!trimmed) return '';
  const words = trimmed.split(/\s+/);
  const last = words.findLastIndex((word) => SENTENCE_END.test(word));
  const cell = words.slice(last + 1).join(' ');
  if (!cell) return '';
  if (words.length - last - 1 > MAX_TACTIC_WORDS) return undefined;
  return tacticDisplayName(cell);
}

/** Whether technique `id` has a tactic (as written) in the release. */
function hasTactic(target: AttackIndex, id: string, tactic: string): boolean {
  const shortname = readTactic(tactic, target);
  return shortname !== undefined && (target.technique(id)?.tactics.includes(shortname) ?? false);
}

/**
 * The reference with its name completed to its technique's full name by the words right before it, if they do; or, where
 * the name follows its ID, by the words right after it (`1 T1547.001 - Boot or Logon Autostart Execution: Registry Run
 * Keys / Startup Folder 2 T1571 - …`, a ranked list flattened onto one line: ten words, past the reader's eight).
 */
function completedName(ref: ExtractedReference, text: string, target: AttackIndex): ExtractedReference | undefined {
  const technique = ref.ids[0] ? target.technique(ref.ids[0]) : undefined;
  if (!technique || ref.name === undefined || (ref.nameSpan && ref.nameSpan.line !== ref.span.line)) return undefined;
  const full = fullName(target, technique);
  const id = /[Tt]\d{4}(?:\.\d{3})?/.exec(text.slice(ref.span.start, ref.span.end))?.[0] ?? ref.ids[0]!;
  if (nameKey(full) === nameKey(ref.name)) return undefined;
  if (nameKey(full).startsWith(`${nameKey(ref.name)} `)) {
    // Where the name as read ends: its own span's end, or the reference's when the name ends it.
    const at = (ref.nameSpan ?? ref.span).end;
    if (!text.slice(ref.nameSpan?.start ?? ref.span.start, at).trimEnd().endsWith(ref.name)) return undefined;
    const missing = full.slice(ref.name.length).trim().split(/\s+/);
    const after = [...text.slice(at, at + 200).matchAll(/\S+/g)].slice(0, missing.length);
    if (after.length !== missing.length || nameKey(after.map((word) => word[0]).join(' ')) !== nameKey(missing.join(' '))) return undefined;
    const end = at + after[after.length - 1]!.index + after[after.length - 1]![0].length;
    return { ...ref, name: full, raw: `${full} (${id})`, ...(ref.nameSpan ? { nameSpan: { ...ref.nameSpan, end } } : { span: { ...ref.span, end } }) };
  }
  if (!nameKey(full).endsWith(` ${nameKey(ref.name)}`)) return undefined;
  // Where the name as read starts: its own span, or the reference's when the name begins it.
  const at = (ref.nameSpan ?? ref.span).start;
  const missing = full.slice(0, full.length - ref.name.length).trim().split(/\s+/);
  const base = Math.max(0, at - 200);
  const before = [...text.slice(base, at).matchAll(/\S+/g)].slice(-missing.length);
  const words = before.map((word) => word[0].replace(OPENING, ''));
  if (words.length !== missing.length || nameKey(words.join(' ')) !== nameKey(missing.join(' '))) return undefined;
  const start = base + before[0]!.index + (before[0]![0].length - words[0]!.length);
  return { ...ref, name: full, raw: `${full} (${id})`, ...(ref.nameSpan ? { nameSpan: { ...ref.nameSpan, start } } : { span: { ...ref.span, start } }) };
}

/**
 * The tactic whose full name (as the release reads it) ends right before an ID, a space between, the longest first
 * (`Tactic ID Name Description Initial Access T1192 Spearphishing Link Emails contain…`, a white paper's ATT&CK table
 * flattened to one line: the row's tactic, ID and name cells run together).
 */
function tacticNameBefore(text: string, idStart: number, target: AttackIndex): string | undefined {
  const before = text.slice(Math.max(0, idStart - 60), idStart);
  if (!/\p{L} +$/u.test(before)) return undefined;
  const words = before.trim().split(/ +/).slice(-MAX_TACTIC_WORDS);
  for (let n = words.length; n > 0; n--) {
    const tactic = tacticDisplayName(words.slice(-n).join(' '));
    if (tactic && readTactic(tactic, target)) return tactic;
  }
  return undefined;
}
