/**
 * KQL queries kept as `.kql` files, one query a file, as public KQL repositories publish them, their techniques named in
 * `//` comments (KQL has no other comment) or nowhere:
 * - mhartson310/Sentinel-KQL-Library: a header block of `// Name: Impossible Travel Detection` and
 *   `// MITRE ATT&CK: T1078 - Valid Accounts` lines, the query below, commented-out alternatives after it;
 * - maverick-sahu/kql-detection-rules: `// Rule Name      : Shadow Copy Deletion Commands` and
 *   `// MITRE Technique: T1490 – Inhibit System Recovery`;
 * - dushanka-p/detection-engineering-microsoft: `// primary technique: t1059.001` and `// related: t1105, t1071.001`,
 *   in lower case;
 * - reprise99/Sentinel-Queries and AndreasRogge/KQL-Queries: a line or two of description, or no comment at all, and
 *   no technique.
 * Each file is one rule, named by a `Name:`, `Rule Name:` or `Title:` comment of the comments above the query, else by
 * its file's name, or its folder's when that name says nothing (kqlFolderName); its techniques are the ATT&CK IDs its comments name, in either case, outside link addresses (a
 * reference is no mapping, as in read-kql-markdown.ts). The query itself is not read: an ID in a string literal
 * (`has "T1059"`) or a name (`T1059_CL`) is no mapping. It has no status or severity field, so it weighs as a
 * detections file's row without coverage, as a query kept as Markdown does, and fires on the platforms of the tables
 * it reads, as a Sentinel rule (kqlQueryPlatforms: SigninLogs, Entra ID's sign-ins).
 */
import { basename, dirname } from 'node:path';
import { untaggedRule, type CoverageProblem, type CoverageRef } from './coverage-types.js';
import { NO_COVERAGE_GIVEN } from './read-detections.js';
import { kqlQueryCut, kqlTableGroups } from './kql-tables.js';
import { kqlQueryPlatforms } from './source-platforms.js';
import { kqlMailData } from './mail-delivery.js';
import { techniqueIdsOutsideLinks } from './read-kql-markdown.js';
import type { RuleOutcome } from './read-rule-folder.js';

// The comment that names the query: `// Name: …`, `// Rule Name      : …`, `// Title: …`.
const TITLE_COMMENT = /^\s*(?:rule\s*name|name|title)\s*:\s*(\S.*?)\s*$/i;

/** A `//` comment of a KQL text: what follows the slashes, and its line (from 1). */
interface KqlComment {
  text: string;
  line: number;
  /** Whether only comments and blank lines come before it (the header above the query). */
  leading: boolean;
}

/**
 * The `//` comments of a KQL text, string literals aside: '…' and "…" (with backslash escapes), verbatim @'…' and @"…"
 * (a quote doubled), and multi-line ```…``` strings, as the Kusto documentation defines them. A quote left open ends
 * with its line, so that a stray one does not hide the comments below.
 */
export function kqlComments(text: string): KqlComment[] {
  const comments: KqlComment[] = [];
  let line = 1;
  let code = false;
  let at = 0;
  const closeQuoted = (quote: string, escapes: boolean): void => {
    while (at < text.length && text[at] !== '\n') {
      const char = text[at]!;
      if (escapes && char === '\\') at += 2;
      else if (char === quote && !escapes && text[at + 1] === quote) at += 2;
      else if (char === quote) {
        at += 1;
        return;
      } else at += 1;
    }
  };
  while (at < text.length) {
    const char = text[at]!;
    if (char === '\n') {
      line += 1;
      at += 1;
    } else if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      const stop = end === -1 ? text.length : end;
      comments.push({ text: text.slice(at + 2, stop).replace(/\r$/, ''), line, leading: !code });
      at = stop;
    } else if (text.startsWith('```', at)) {
      code = true;
      const end = text.indexOf('```', at + 3);
      const stop = end === -1 ? text.length : end + 3;
      for (let index = at; index < stop; index += 1) if (text[index] === '\n') line += 1;
      at = stop;
    } else if (char === '@' && (text[at + 1] === '"' || text[at + 1] === "'")) {
      code = true;
      at += 2;
      closeQuoted(text[at - 1]!, false);
    } else if (char === '"' || char === "'") {
      code = true;
      at += 1;
      closeQuoted(char, true);
    } else {
      if (!/\s/.test(char)) code = true;
      at += 1;
    }
  }
  return comments;
}

/**
 * Read a KQL query kept as a `.kql` file (pure): a rule named by its title comment (else the file's name) covering the
 * techniques its comments name; a query naming none is ignored as a rule of any format naming none is (`no ATT&CK
 * technique`), with a note when a comment links to a technique's page.
 */
export function parseKqlFile(text: string, file: string): RuleOutcome {
  const comments = kqlComments(text);
  const title = comments.find((comment) => comment.leading && TITLE_COMMENT.test(comment.text));
  const name = title ? TITLE_COMMENT.exec(title.text)![1]! : basename(file);
  const line = title?.line ?? 1;
  const refs: CoverageRef[] = [];
  const seen = new Set<string>();
  for (const comment of comments) {
    // In either case (dushanka-p writes t1059.001), not part of a word, a path or a dotted name (a Sigma tag attack.t1059
    // is a tag, not a KQL comment's mapping), outside link targets (`https://attack.mitre.org/techniques/T1490/`).
    for (const raw of techniqueIdsOutsideLinks(comment.text, true)) {
      const id = raw.toUpperCase();
      if (seen.has(id)) continue;
      seen.add(id);
      refs.push({ raw, line: comment.line, id });
    }
  }
  if (!refs.length) {
    const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
    // As mhartson310/Sentinel-KQL-Library names them: "// MITRE ATT&CK: T1078 - Valid Accounts".
    const claim = (ids: readonly string[]): string => `name ${ids.length === 1 ? 'it' : 'them'} in a comment above the query: // MITRE ATT&CK: ${ids.join(', ')}`;
    const ignored = untaggedRule({ name, line, what: 'ATT&CK technique' }, comments, notes, claim);
    return notes.length ? { ...ignored, notes } : ignored;
  }
  const tables = kqlTableGroups(text);
  const cut = kqlQueryCut(text);
  // The tables it reads say where it fires, as a Sentinel rule's do: SigninLogs, Entra ID's sign-ins.
  const platforms = kqlQueryPlatforms(tables);
  const mailData = kqlMailData(tables, text);
  return {
    rule: {
      kind: 'kql', name, file, line, refs, level: 1, levelReason: `a KQL query file: no status or severity; ${NO_COVERAGE_GIVEN}`,
      ...(tables.length ? { queryTables: tables } : {}),
      ...(platforms ? { platforms } : {}),
      ...(mailData.length ? { mailData } : {}),
      ...(cut ? { queryCut: { why: cut.why, queryLine: cut.line, line: cut.line } } : {}),
    },
  };
}

// File names that say nothing of the query they hold: `rule.kql`, `query.kql`.
const GENERIC_FILE = /^(?:rule|query|detection)\.[^.]+$/i;

/**
 * The name of a KQL query named by its file (no name comment) when the file's name says nothing of it: its folder's,
 * as repositories that keep each detection in a folder of its own name it (dushanka-p/detection-engineering-microsoft's
 * detections/de-endp-001-powershell-inmemory-download-cradle/rule.kql; davidecaria/dac-sentinel-mcaps-test-01's eight
 * src/AnalyticRules/<area>/<rule>/query.kql, beside the rule's metadata.bicep). A name says nothing when it is a
 * generic word (rule, query, detection) or another file of the input has it (`shared`); undefined otherwise.
 */
export function kqlFolderName(file: string, shared: boolean): string | undefined {
  const folder = basename(dirname(file));
  return (shared || GENERIC_FILE.test(basename(file))) && folder && folder !== '.' ? folder : undefined;
}
