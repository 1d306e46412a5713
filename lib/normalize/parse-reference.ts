import { TECHNIQUE_ID_FORMAT } from '../attack/technique-id.js';
import {
  ESCAPE_RULE,
  FOLD_RULE,
  JOIN_RULE,
  READING_RULES,
  cleanName,
  foldText,
  joinLines,
  scanIds,
  tokenizeReferences,
  withoutMarkdownEscapes,
  withoutZeroWidth,
  ZERO_WIDTH_RULE,
  type ReadingRule,
} from './tokenize-references.js';

export { parseTacticList, tacticDisplayName } from './tactic-text.js';

/** One written ID (or shorthand) of a reference, with the name written beside it. */
export interface ReferencePart {
  /** Canonical technique IDs; empty for a malformed ID. */
  ids: string[];
  /** The name written beside this ID. */
  name?: string;
  /** True when the name stands for several IDs (`C2 over HTTPS (T1071.001, T1573.002)`). */
  sharedName?: boolean;
  /** A malformed ID as written (`T1566.01`). */
  malformed?: string;
}

/** A technique reference as written in a report, taken apart: the IDs, the name beside them, any tactic. */
export interface ParsedReference {
  /** The reference exactly as given. */
  raw: string;
  /** Canonical technique IDs (`T1566.001`) in order of appearance, without repeats. */
  ids: string[];
  /** The technique name written beside (or instead of) the IDs, cleaned: `Spearphishing Attachment`; none when the
   * reference pairs different names with different IDs (see `parts`). */
  name?: string;
  /** Each written ID with its own name, in order: `Name – T1059Other Name – T1090.002` has two parts. */
  parts: ReferencePart[];
  /** Tactic text found inside the reference, as written there (`Initial Access [TA0001]`). */
  tactics: string[];
  /** Labels of the reading rules (`READING_RULES`) that the reference needed, in their order. */
  rules: ReadingRule[];
  /** What could not be read with certainty. */
  warnings: string[];
}

const { prefix, digits, subDigits } = TECHNIQUE_ID_FORMAT;

/**
 * A technique ID as written in the common shapes (any case, any usual sub-technique separator), unanchored; named
 * groups `technique` (the 4 digits) and `sub` (the 3 digits, when present). Run it on NFKC-folded text. `scanIds`
 * reads more shapes (typos, shorthands, IDs glued to words); this pattern is for callers that need a plain regex.
 */
export const TECHNIQUE_ID_PATTERN = new RegExp(
  `(?<![A-Za-z0-9_])[${prefix}${prefix.toLowerCase()}](?<technique>\\d{${digits}})` +
    `(?:(?: ?\\.|[/_-])(?<sub>\\d{${subDigits}})(?![A-Za-z0-9]|\\.\\d)|(?![A-Za-z0-9]|[./_-]\\d))`,
);

/** Technique IDs written in one place: one ID, or siblings in a shorthand (`T1059.001/.003`). */
export interface TechniqueIdMatch {
  /** Canonical IDs. */
  ids: string[];
  /** Where the written IDs start and end in the searched text. */
  index: number;
  end: number;
}

/** Every technique ID in (NFKC-folded) text, in order, with its position (malformed IDs are left out). */
export function findTechniqueIds(text: string): TechniqueIdMatch[] {
  return scanIds(text)
    .filter((token) => token.ids.length)
    .map((token) => ({ ids: token.ids, index: token.start, end: token.end }));
}

/**
 * Take a written technique reference apart: `Spearphishing Attachment (T1193)`, `T1566/001`, `Ｔ１１９３`,
 * `[Name](https://attack.mitre.org/techniques/T1566/001)`, `Initial Access [TA0001]: Phishing (T1566)`,
 * `T1106Native API`, `Name – T1059Other – T1090.002`, a bare name. Pure and total: text with no ID gives `ids: []`
 * and the text as the name.
 */
export function parseReference(raw: string): ParsedReference {
  const folded = foldText(raw);
  const rules = new Set<ReadingRule>();
  const unescaped = withoutMarkdownEscapes(raw);
  const visible = withoutZeroWidth(unescaped);
  if (folded.text !== visible.replace(/[‐‑‒–—―−]/g, '-')) rules.add(FOLD_RULE);
  if (unescaped !== raw) rules.add(ESCAPE_RULE);
  if (visible !== unescaped) rules.add(ZERO_WIDTH_RULE);
  const text = joinLines(folded.text);
  if (text !== folded.text && /\S\s*\n\s*\S/.test(folded.text.trim())) rules.add(JOIN_RULE);
  const tokenized = tokenizeReferences(text, 'reference');
  const parts: ReferencePart[] = [];
  const ids = new Set<string>();
  for (const ref of tokenized.refs) {
    for (const rule of ref.rules) rules.add(rule);
    for (const id of ref.ids) ids.add(id);
    const { name, sharedName, malformed } = ref;
    parts.push({ ids: ref.ids, ...(name !== undefined ? { name } : {}), ...(sharedName ? { sharedName } : {}), ...(malformed ? { malformed } : {}) });
  }
  const tactics = [...new Set([...tokenized.tactics.flatMap((piece) => piece.tactics), ...tokenized.refs.flatMap((ref) => ref.tactics ?? [])])];
  let name: string | undefined;
  if (!parts.length) {
    // No ID: the whole text, less its tactic labels, is the name.
    let rest = '';
    let at = 0;
    for (const piece of tokenized.tactics) {
      rest += `${text.slice(at, piece.start)} `;
      at = piece.end;
    }
    name = cleanName(rest + text.slice(at));
  } else {
    const names = [...new Set(parts.map((part) => part.name))];
    name = names.length === 1 ? names[0] : undefined;
  }
  const ordered = READING_RULES.filter((rule) => rules.has(rule));
  return { raw, ids: [...ids], ...(name !== undefined ? { name } : {}), parts, tactics, rules: ordered, warnings: tokenized.warnings };
}
