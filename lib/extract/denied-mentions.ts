import { tacticDisplayName } from '../normalize/tactic-text.js';
import { scanIds, type FoldedText, type TextSpan } from '../normalize/tokenize-references.js';

/**
 * Where a report writes a technique's ID only to say it was not seen: an incident write-up's `Therefore I did **not**
 * map:` above the ID it left out (a LetsDefend phishing write-up's "Mapping Restraint"), a hunt's `This does not
 * independently prove pass-the-hash, so T1550.002 should remain a hypothesis` (the Northpeak Descent hunt's analyst
 * note), a DFIR report's `We did not observe exfiltration (T1041)`. Such an ID is no technique the report claims; it is
 * kept, for the analyst to judge, with a warning quoting the words that deny it.
 */

// Words that say a technique was not seen, mapped or shown, in English: a negation before a verb of observing (an
// adverb may stand between: `does not independently prove`), `no evidence of`, `ruled out`, `remains a hypothesis`.
// Not `did not detect` or `did not find`: a defence that missed a technique (`Defender did not detect the packed
// payload (T1027.002)`) says it was used.
// Not a novelty either: `has not previously been observed using DLL side-loading`, `a backdoor never seen before`,
// `not seen since 2019` say the technique is seen now.
const NOVELTY = String.raw`(?!\s+(?:before|previously|prior|since|until|in\s+the\s+wild)\b)`;
const DENIAL = new RegExp(
  [
    String.raw`\b(?:(?:did|does|do|was|were|is|are|has|have|had|could)(?:\s+not|n[’']t)|never)\s+(?:(?!previously)\w+ly\s+)?(?:been\s+)?(?:map(?:ped)?|observe[ds]?|see|seen|confirm(?:ed)?|prove[ns]?|evidenced?)\b${NOVELTY}`,
    String.raw`\bnot\s+(?:been\s+)?(?:observed|mapped|confirmed|seen)\b${NOVELTY}`,
    String.raw`\bno\s+(?:evidence|sign|indication)s?\s+of\b`,
    String.raw`\bruled\s+out\b`,
    String.raw`\b(?:remains?|stays?)\s+(?:a\s+)?hypothes[ie]s\b`,
  ].join('|'),
  'iu',
);
// Markdown's emphasis marks, left out before the words are read (`I did **not** map:`).
const EMPHASIS = /[*_]+/g;
// Where a sentence's clause ends: a full stop, a question or exclamation mark before a space or the line's end (an
// ID's dot, `T1059.001`, has a digit after it), a semicolon or a colon, a comma before a word that opens a clause
// (`…, so T1550.002 should remain a hypothesis`, `…, they ran Mimikatz`), a conjunction that turns it (`but`). A denial
// is read in the ID's clause alone: `There was no evidence of encryption (T1486), but backups were deleted (T1490)`.
const CLAUSE_END = /[.!?;:](?=\s|$)|,\s+(?=(?:so|but|and|then|yet|while|whereas|although|though|however|instead|they|we|he|she|it|which|who|where|when)\b)|\s(?=(?:but|although|though|whereas|however|yet)\s)/giu;
// How many lines above an ID the line that introduces it may stand: blank lines, a code fence and the items of its list
// between (`The following were not observed:` above `- T1041`, `- T1048`).
const INTRO_REACH = 20;
// A line an introduction's colon reaches past: blank, a code fence, a list's item.
const PASSED = /^(?:$|```|~~~|[-*•+]\s|\d{1,2}[.)]\s)/u;

// A heading: Markdown's (`## Not observed`, its level the number of its marks), or a line in bold alone (`**Not
// observed**`), below every Markdown heading. A heading's section runs to the next heading of its level or above; a
// denying one's, also to the next Markdown heading right under it that is no item of what it leaves out (`denialItem`).
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)[\s#]*$/u;
const BOLD_LINE = /^\s{0,3}(\*\*|__)([^*_]+?)\1\s*[:：]?\s*$/u;
const BOLD_LEVEL = 7;
// A line in bold of more words is a sentence set in bold (`**Note: lateral movement was not observed on other
// hosts**`), which speaks of itself, not of a section.
const BOLD_WORDS = 8;
// Where a heading's denial begins, words before it that say what was seen make it a section of both (`Observed and not
// observed techniques`), which denies none of its IDs.
const SEEN_WORD = /\b(?:observed|seen|mapped|confirmed|detected)\b/iu;
// A heading that marks what a report leaves out besides (`## Techniques out of scope`); in a sentence the words
// speak of a detection's or test's scope as often as of the technique, so there they deny only the list they introduce
// after a colon (`Out of scope: T1498`, `The following techniques were out of scope for this assessment: T1110, T1078.`),
// and a clause whose subject is the IDs (`T1110 and T1078 were out of scope`, `SCOPE_PREDICATE`), not a clause that
// holds an ID otherwise (`PowerShell (T1059.001) on hosts that were out of scope for EDR`).
const OUT_OF_SCOPE = /\bout[\s-]+of[\s-]+scope\b/iu;
const FENCE = /^\s{0,3}(?:```|~~~)/u;

/** The heading a line is, with its level and words, or undefined. */
function headingOf(text: string): { level: number; words: string } | undefined {
  const marked = HEADING.exec(text);
  if (marked) return { level: marked[1]!.length, words: marked[2]! };
  const bold = BOLD_LINE.exec(text);
  return bold && bold[2]!.trim().split(/\s+/).length <= BOLD_WORDS ? { level: BOLD_LEVEL, words: bold[2]! } : undefined;
}

/** The words of a heading that deny the IDs of its section (`DENIAL`, `OUT_OF_SCOPE`), or undefined. */
function headingDenial(words: string): string | undefined {
  const plain = words.replace(EMPHASIS, '');
  const found = DENIAL.exec(plain) ?? OUT_OF_SCOPE.exec(plain);
  return found && !SEEN_WORD.test(plain.slice(0, found.index)) ? found[0] : undefined;
}

// A section's number before a heading's words (`5.`, `2.1`, `A.`).
const SECTION_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2})*|[A-Z])[.)]?\s+/u;

/**
 * Whether a heading below a denying one is an item of what it leaves out: it writes an ID (`## T1078 — Valid Accounts`
 * under `# 5. Techniques Not Mapped`), names a tactic (`### Exfiltration`) or denies too. Any other heading starts a
 * new topic (`## Findings` under `# Techniques not observed`, a report that sets every section's title with `#`): the
 * denial's section ends there, not at the document's end.
 */
function denialItem(words: string): boolean {
  const plain = words.replace(EMPHASIS, '').trim();
  return scanIds(plain).length > 0 || /\bTA\d{4}\b/iu.test(plain) || tacticDisplayName(plain.replace(SECTION_NUMBER, '')) !== undefined || headingDenial(plain) !== undefined;
}

/**
 * For each line (by index), the closest heading above it whose section holds it and denies its IDs: its line (1-based)
 * and words. Read in one pass over the lines, a code block's lines (`# comment`) being no headings.
 */
function deniedSections(lines: readonly FoldedText[]): Array<{ line: number; words: string } | undefined> {
  const open: Array<{ level: number; line: number; words: string | undefined }> = [];
  const denied: Array<{ line: number; words: string } | undefined> = [];
  let fenced = false;
  for (const [i, { original }] of lines.entries()) {
    if (FENCE.test(original)) fenced = !fenced;
    const heading = fenced ? undefined : headingOf(original);
    if (heading) while (open.length && open[open.length - 1]!.level >= heading.level) open.pop();
    // A Markdown heading right under a denying one's (not a label in bold, `**Reason:**`, nor a heading inside an item)
    // that is no item of it ends it.
    const under = open[open.length - 1];
    if (heading && heading.level < BOLD_LEVEL && under?.words !== undefined && !denialItem(heading.words)) for (const section of open) section.words = undefined;
    const closest = open.findLast((section) => section.words !== undefined);
    denied.push(closest && { line: closest.line, words: closest.words! });
    if (heading) open.push({ level: heading.level, line: i + 1, words: headingDenial(heading.words) });
  }
  return denied;
}
const sectionsOf = new WeakMap<readonly FoldedText[], ReturnType<typeof deniedSections>>();

/**
 * The words of `text` that deny what it names (`DENIAL`), Markdown's emphasis left out, or undefined. With
 * `introducing`, text that introduces a list after its colon: `out of scope` denies it too.
 */
function denial(text: string, introducing = false): string | undefined {
  const plain = text.replace(EMPHASIS, '');
  return (DENIAL.exec(plain) ?? (introducing ? OUT_OF_SCOPE.exec(plain) : null))?.[0];
}

// A colon that ends the words introducing a list on its line, Markdown's emphasis closing after it (`**Out of scope:**`).
const INTRODUCING_COLON = /[:：][*_]*(?=\s)/gu;
// What may stand between that colon and an ID of its list: the list's IDs and names, no sentence's end.
const IN_LIST = /^[^.;!?]*$/u;

/** The words before a colon that introduce the list holding `span` on its line (`Not observed: T1041, T1048.`), or undefined. */
function introducingWords(text: string, span: TextSpan): string | undefined {
  const colon = [...text.slice(0, span.start).matchAll(INTRODUCING_COLON)].pop();
  if (!colon || !IN_LIST.test(text.slice(colon.index + colon[0].length, span.start).replace(/[Tt]\d{4}\.\d{3}/gu, ''))) return undefined;
  const label = clauseAround(text, { start: colon.index, end: colon.index });
  return text.slice(label.start, colon.index);
}

// Words that make the technique after them the exception to a denial (`We did not see any sign of evasion beyond
// obfuscated scripts (T1027)`): the report claims it.
const EXCEPTION = /\b(?:beyond|other\s+than|except(?:\s+for)?|apart\s+from|aside\s+from|besides|save\s+for)\b/iu;

/** The clause of a line that holds a span of it (`CLAUSE_END`). */
function clauseAround(text: string, span: TextSpan): TextSpan {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(CLAUSE_END)) {
    if (match.index < span.start) start = match.index + match[0].length;
    else if (match.index >= span.end) {
      end = match.index;
      break;
    }
  }
  return { start, end };
}

// `was out of scope` with the IDs as its subject (`T1110 and T1078 were out of scope for this assessment`, `Valid
// Accounts (T1078) was deemed out of scope`).
const SCOPE_PREDICATE = /\b(?:was|were|is|are)\s+(?:(?:deemed|considered|kept|left|placed|marked)\s+)?out[\s-]+of[\s-]+scope\b/iu;
// What a subject of IDs holds besides them: their names in Title Case or in brackets, the words that join a list and
// name what it lists (`Both`, `The techniques`). Any other word is a sentence's (`PowerShell (T1059.001) on hosts that
// were out of scope for EDR`): the hosts were.
const SUBJECT_WORDS = /^(?:\p{Lu}[\p{L}\p{N}&'’.-]*|and|or|as|well|both|the|(?:sub-)?techniques?|of|for|over|from|to|with|via|in|on|by|a|an)$/u;
// Where a subject's names part: its IDs (blanked to `ID_MARK`), brackets and a list's marks.
const ID_MARK = '\u0000';
const NAME_BREAK = /[()[\],;/&:–—\u0000]+|\s-\s/u;
// A word at either end of a name in a subject that only joins a list or says what it lists (`and Brute Force`, `Lateral
// Movement Techniques`).
const LIST_WORD = /^(?:and|or|as|well|both|the|(?:sub-)?techniques?)$/iu;
// Where a list joins several names in one run of words (`PowerShell and WMI`).
const NAME_JOINER = /\s*,\s*|\s+(?:and|or|as\s+well\s+as)\s+/iu;

/** Whether words name a technique, or one of the techniques of `ids` in the writer's own words (`SMB Admin Shares`). */
export type NamesTechnique = (words: string, ids: readonly string[]) => boolean;

/**
 * Whether the words of a subject between its IDs and brackets (`phrase`) are what a subject of IDs holds: a list's words
 * alone, or the name of a technique (`isName`, of `ids` or any) or a tactic (`tacticDisplayName`), or several joined; not
 * the name of other things in Title Case (`Windows Hosts (T1059.001) were out of scope`: the hosts were).
 */
function subjectPhrase(phrase: string, ids: readonly string[], isName: NamesTechnique): boolean {
  const words = phrase.split(/\s+/u).filter(Boolean);
  while (words.length && LIST_WORD.test(words[0]!)) words.shift();
  while (words.length && LIST_WORD.test(words[words.length - 1]!)) words.pop();
  if (!words.length) return true;
  if (!words.every((word) => SUBJECT_WORDS.test(word))) return false;
  const named = words.join(' ');
  const isNamed = (words: string): boolean => isName(words, ids) || tacticDisplayName(words) !== undefined;
  return isNamed(named) || named.split(NAME_JOINER).every((part) => isNamed(part.trim()));
}

/**
 * The words that deny the ID at `span` of a clause (`clause` of `text`) as its subject: `out of scope` said of a subject
 * that holds only IDs, their names (`isName`) and a list's words; else undefined.
 */
function outOfScopeSubject(text: string, clause: TextSpan, span: TextSpan, isName: NamesTechnique): string | undefined {
  const plain = text.slice(clause.start, clause.end).replace(EMPHASIS, (marks) => ' '.repeat(marks.length));
  const predicate = SCOPE_PREDICATE.exec(plain);
  if (!predicate || clause.start + predicate.index < span.end) return undefined;
  const subject = plain.slice(0, predicate.index);
  const tokens = scanIds(subject);
  let rest = subject;
  for (const token of tokens) rest = rest.slice(0, token.start) + ID_MARK.repeat(token.end - token.start) + rest.slice(token.end);
  const ids = tokens.flatMap((token) => token.ids);
  return rest.split(NAME_BREAK).every((phrase) => subjectPhrase(phrase, ids, isName)) ? predicate[0] : undefined;
}

/**
 * What a report says to deny the technique whose ID is at `span` of line `line` (1-based), as a warning's words, or
 * undefined: the denying words of the ID's clause, or of the line ending in a colon that introduces the ID's line (at
 * most `INTRO_REACH` lines above, only blank lines, a code fence and its list's items between), or of the heading of a
 * section that holds the line (`## Techniques Not Mapped` above `### T1566.001 — Spearphishing Attachment`, `**Not
 * observed**` above a list). Not in a table's row: its cells are no sentence, and a cell saying what was not seen
 * besides (`not observed on other hosts`) does not deny its row's technique. `isName` says whether words name a technique
 * (an ID's subject holds nothing else: `Cloud Accounts (T1078.004) were out of scope`).
 */
export function deniedMention(lines: readonly FoldedText[], line: number, span: TextSpan, isName: NamesTechnique): string | undefined {
  const text = lines[line - 1]?.original;
  if (text === undefined || text.includes('|')) return undefined;
  const clause = clauseAround(text, span);
  const own = denial(text.slice(clause.start, clause.end));
  if (own) return EXCEPTION.test(text.slice(clause.start, span.start)) ? undefined : `its clause says "${own}"`;
  const scope = outOfScopeSubject(text, clause, span, isName);
  if (scope) return `its clause says "${scope}"`;
  // `Not observed: T1041, T1048.`, `Out of scope: T1498`: the clause before a colon introduces the list after it.
  const introducing = introducingWords(text, span);
  const said = introducing === undefined ? undefined : denial(introducing, true);
  if (said) return `the words that introduce it say "${said}"`;
  // A list introduced on its own line (`Observed: T1059.001`) is none of a line's above, unless the line is an item of
  // theirs (`- Exfiltration: T1041` under `Not observed:`).
  const ownList = introducing !== undefined && !PASSED.test(text.trim());
  for (let above = line - 1; !ownList && above >= Math.max(1, line - INTRO_REACH); above--) {
    const intro = lines[above - 1]!.original.trim();
    if (PASSED.test(intro)) continue;
    const words = intro.endsWith(':') ? denial(intro, true) : undefined;
    if (words) return `line ${above}, which introduces it, says "${words}"`;
    break;
  }
  let sections = sectionsOf.get(lines);
  if (!sections) sectionsOf.set(lines, (sections = deniedSections(lines)));
  const section = sections[line - 1];
  return section && `the heading of its section, line ${section.line}, says "${section.words}"`;
}
