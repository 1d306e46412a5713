import {
  findTechniqueIds,
  leadingTactics,
  parseReference,
  parseTacticList,
  tacticDisplayName,
} from '../normalize/parse-reference.js';

/** A technique reference found in a report's text. */
export interface ExtractedReference {
  /** The report's text of the reference; cells of one table row joined by ` | ` when the name stands in another cell. */
  raw: string;
  /** 1-based line of the report where the reference starts. */
  line: number;
  /** Canonical technique IDs (`T1566.001`). */
  ids: string[];
  /** The technique name written beside the IDs. */
  name?: string;
  /** English tactic display names (`Initial Access`) from the table or section the reference stands in. */
  tactics: string[];
}

/** One line of the report, NFKC-folded for matching, with a map back to the original characters. */
interface Line {
  number: number;
  original: string;
  /** Folded text; `from[i]`/`to[i]` are the original offsets of the character that folded into `text[i]`. */
  text: string;
  /** Absent when folding changed no length: the offsets are the same. */
  from?: number[];
  to?: number[];
}

/** A range `[a, b)` of a line's folded text. */
interface Span {
  a: number;
  b: number;
}

type Role = 'tactic' | 'name' | 'id';

// Column headers of mapping tables (folded with headerKey), in English and Japanese.
const HEADER_ROLES = new Map<string, Role>([
  ...['tactic', 'tactics', 'tactic name', 'att&ck tactic', '戦術', 'タクティクス', '戦術名'].map(
    (k) => [k, 'tactic'] as const,
  ),
  ...[
    'technique',
    'techniques',
    'technique name',
    'technique names',
    'techniques used',
    'name',
    'sub-technique',
    'technique / sub-technique',
    'att&ck technique',
    'テクニック',
    'テクニック名',
    '手法',
    '手法名',
    '攻撃手法',
    '技術',
  ].map((k) => [k, 'name'] as const),
  ...['id', 'ids', 'technique id', 'technique ids', 'att&ck id', 'attack id', 'テクニックid', '手法id'].map(
    (k) => [k, 'id'] as const,
  ),
]);

function headerKey(text: string): string {
  return text
    .replace(/[*_`#:]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const DASHES = /[‐‑‒–—―−]/g;
// A character with its combining marks (half-width kana take their voicing marks as separate characters).
const CLUSTER = /\P{M}[\p{M}\uFF9E\uFF9F]*|[\p{M}\uFF9E\uFF9F]+/gsu;

/** Fold a line for matching (NFKC, one kind of dash), keeping where each folded character came from. */
function foldLine(original: string, number: number): Line {
  // Most lines are already folded; they need no map back.
  if (original.normalize('NFKC') === original) return { number, original, text: original.replace(DASHES, '-') };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const match of original.matchAll(CLUSTER)) {
    const folded = match[0].normalize('NFKC').replace(DASHES, '-');
    for (let k = 0; k < folded.length; k++) {
      from.push(match.index);
      to.push(match.index + match[0].length);
    }
    text += folded;
  }
  return { number, original, text, from, to };
}

/** The original text of a folded span. */
function originalOf(line: Line, span: Span): string {
  if (span.b <= span.a) return '';
  if (!line.from || !line.to) return line.original.slice(span.a, span.b);
  return line.original.slice(line.from[span.a] ?? 0, line.to[span.b - 1] ?? line.original.length);
}

/** Shrink a span past surrounding whitespace. */
function trimSpan(text: string, span: Span): Span {
  let { a, b } = span;
  while (a < b && /\s/.test(text.charAt(a))) a++;
  while (b > a && /\s/.test(text.charAt(b - 1))) b--;
  return { a, b };
}

const slice = (line: Line, span: Span): string => line.text.slice(span.a, span.b);

const LIST_MARKER = /^\s*(?:[-*+•・●▪◦■]|\d{1,3}[.)]|#{1,6})\s+/;
// The small words inside technique names ("Exploitation for Client Execution", "Data from Local System").
const CONNECTORS = new Set('a an and as by for from in into of on or over the to via with non'.split(' '));
const CJK_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * True when text reads as a sentence rather than a cell or list item: sentence punctuation, many words, or several
 * lower-case words that are not the small words of technique names ("Exfiltration Over C2 Channel").
 */
function isProse(text: string): boolean {
  const t = text.trim();
  if (/[。！？]/.test(t)) return true;
  const words = t.split(/\s+/).filter(Boolean);
  if (words.length >= 3 && /[a-z][.!?](?:\s|$)/.test(t)) return true;
  if (words.length > 12) return true;
  const lower = words.filter((w) => /^[a-z][a-z'-]*[,;]?$/.test(w) && !CONNECTORS.has(w.replace(/[,;]$/, '')));
  if (words.length > 4 && lower.length >= 2) return true;
  return (t.match(CJK_CHARS)?.length ?? 0) > 30;
}

/** The text with its technique IDs blanked out, to judge the words around them. */
function withoutIds(text: string): string {
  let out = text;
  for (const match of findTechniqueIds(text).reverse()) out = out.slice(0, match.index) + ' ' + out.slice(match.end);
  return out;
}

/**
 * Split a cell at `,`, `;` or `、` outside brackets into items that each hold an ID; a piece without an ID stays
 * with its neighbour (`Phishing: Spearphishing Attachment, Link (T1566.001, T1566.002)` is one item).
 */
function splitItems(line: Line, span: Span): Span[] {
  const pieces: Span[] = [];
  let depth = 0;
  let start = span.a;
  for (let i = span.a; i < span.b; i++) {
    const ch = line.text.charAt(i);
    if ('([【「'.includes(ch)) depth++;
    else if (')]】」'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ',;、'.includes(ch)) {
      pieces.push({ a: start, b: i });
      start = i + 1;
    }
  }
  pieces.push({ a: start, b: span.b });
  const items: Span[] = [];
  let pending: Span | undefined;
  for (const piece of pieces) {
    if (findTechniqueIds(slice(line, piece)).length) {
      items.push({ a: pending?.a ?? piece.a, b: piece.b });
      pending = undefined;
    } else if (items.length && !pending) {
      const last = items[items.length - 1] as Span;
      last.b = piece.b;
    } else {
      pending = { a: pending?.a ?? piece.a, b: piece.b };
    }
  }
  return items.map((item) => trimSpan(line.text, item)).filter((item) => item.b > item.a);
}

const TITLE_TOKEN = /^[A-Z0-9][A-Za-z0-9'’&/.+-]*:?$/;
const NAME_RUN_CJK = /[\p{Script=Katakana}\p{Script=Han}ー・の々]/u;
const MAX_NAME_WORDS = 8;

/** Where a technique name written just before `end` starts (Title Case words, or a run of Japanese). */
function nameStartBefore(text: string, end: number, floor: number): number | undefined {
  let p = end;
  while (p > floor && text.charAt(p - 1) === ' ') p--;
  if (NAME_RUN_CJK.test(text.charAt(p - 1))) {
    let s = p;
    while (s > floor && p - s < 30 && NAME_RUN_CJK.test(text.charAt(s - 1))) s--;
    while (s < p && text.charAt(s) === 'の') s++;
    return p - s >= 2 ? s : undefined;
  }
  const tokens: Array<{ start: number; connector: boolean }> = [];
  let q = p;
  while (q > floor && tokens.length < MAX_NAME_WORDS) {
    let s = q;
    while (s > floor && !/\s/.test(text.charAt(s - 1))) s--;
    const token = text.slice(s, q);
    if (!(TITLE_TOKEN.test(token) || CONNECTORS.has(token))) break;
    tokens.push({ start: s, connector: CONNECTORS.has(token) });
    if (s === floor || text.charAt(s - 1) !== ' ') break;
    q = s - 1;
  }
  // A name does not start with a small word: "used and Spearphishing Link" keeps "Spearphishing Link".
  while (tokens[tokens.length - 1]?.connector) tokens.pop();
  return tokens[tokens.length - 1]?.start;
}

/** Where a Title Case technique name written from `start` ends (`T1566.001: Spearphishing Attachment - ...`). */
function nameEndAfter(text: string, start: number, ceiling: number): number | undefined {
  const ends: Array<{ end: number; connector: boolean }> = [];
  let q = start;
  while (q < ceiling && ends.length < MAX_NAME_WORDS) {
    let e = q;
    while (e < ceiling && !/\s/.test(text.charAt(e))) e++;
    const token = text.slice(q, e);
    const bare = token.replace(/[,.;]$/, '');
    if (!(TITLE_TOKEN.test(bare) || CONNECTORS.has(bare)) || !bare) break;
    ends.push({ end: q + bare.length, connector: CONNECTORS.has(bare) });
    if (bare !== token || text.charAt(e) !== ' ') break;
    q = e + 1;
  }
  while (ends.length && ends[ends.length - 1]?.connector) ends.pop();
  return ends[ends.length - 1]?.end;
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '【': '】' };

/** The spans of the references written in a sentence: each ID with the name in brackets or words beside it. */
function proseSpans(line: Line, span: Span): Span[] {
  const text = line.text;
  const matches = findTechniqueIds(slice(line, span)).map((m) => ({ a: m.index + span.a, b: m.end + span.a }));
  const spans: Span[] = [];
  let covered = span.a;
  for (const [k, match] of matches.entries()) {
    if (match.a < covered) continue;
    let { a, b } = match;
    let tokenStart = a;
    while (tokenStart > span.a && !/[\s(<]/.test(text.charAt(tokenStart - 1))) tokenStart--;
    let before = a;
    while (before > span.a && text.charAt(before - 1) === ' ') before--;
    const opener = text.charAt(before - 1);
    if (/^(?:https?:\/\/|attack\.mitre\.org)/i.test(text.slice(tokenStart, a))) {
      // An address: the whole URL, and the markdown link around it (`[Name](https://...)`).
      a = tokenStart;
      while (b < span.b && !/[\s)>\]]/.test(text.charAt(b))) b++;
      const linkText = text.charAt(a - 1) === '(' && text.charAt(a - 2) === ']' ? text.lastIndexOf('[', a - 2) : -1;
      if (linkText >= span.a && text.charAt(b) === ')') {
        a = linkText;
        b++;
      }
    } else if (opener in OPENERS) {
      // `Name (T1193)` or `Name (T1059.001, T1059.003)`: the bracket and the name before it.
      let q = b;
      for (let next = k + 1; ; next++) {
        while (q < span.b && /[\s,;/&、]/.test(text.charAt(q))) q++;
        const following = matches[next];
        if (following?.a !== q) break;
        q = following.b;
      }
      if (text.charAt(q) === OPENERS[opener]) {
        a = nameStartBefore(text, before - 1, Math.max(covered, span.a)) ?? before - 1;
        b = q + 1;
      }
    } else {
      // A bare ID: a name may follow in brackets (`T1059.001 (PowerShell)`) or after a colon or dash.
      const rest = text.slice(b, span.b);
      const bracketed = /^\s?[([]([^()[\]]{1,60})[)\]]/.exec(rest);
      const separated = /^\s*[:-]\s*/.exec(rest);
      if (bracketed?.[1] && !findTechniqueIds(bracketed[1]).length && bracketed[1].trim().split(/\s+/).length <= 6) {
        b += bracketed[0].length;
      } else if (separated) {
        b = nameEndAfter(text, b + separated[0].length, span.b) ?? b;
      }
    }
    spans.push({ a, b });
    covered = b;
  }
  return spans;
}

/** What a line of the report is, for the table walk. */
type Entry =
  | { kind: 'blank' | 'text' | 'prose'; line: Line }
  | { kind: 'header'; line: Line; role: Role }
  | { kind: 'tactic'; line: Line; tactics: string[] }
  | { kind: 'ids'; line: Line; body: Span; bullet: boolean }
  | { kind: 'row'; line: Line; cells: Span[] };

/** Split a table row at `|` or tabs; undefined when the line is no row. */
function rowCells(line: Line): Span[] | undefined {
  const text = line.text;
  const pipes = (text.match(/\|/g) ?? []).length;
  const tabbed = text.split('\t').filter((cell) => cell.trim()).length >= 2;
  const separator = /^\s*\|/.test(text) || pipes >= 2 ? '|' : tabbed ? '\t' : '';
  if (!separator) return undefined;
  const cells: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charAt(i) === separator) {
      cells.push(trimSpan(text, { a: start, b: i }));
      start = i + 1;
    }
  }
  // `| a | b |`: the empty cells outside the outer pipes are no cells.
  if (separator === '|' && /^\s*\|/.test(text)) cells.shift();
  if (separator === '|' && /\|\s*$/.test(text)) cells.pop();
  return cells;
}

/** The tactics of a cell or line that holds only tactics (`Execution, Defense Evasion`, `初期アクセス`). */
function tacticsOf(text: string): string[] | undefined {
  const cleaned = text.replace(LIST_MARKER, '').replace(/[*_`]/g, ' ').trim();
  return cleaned ? parseTacticList(cleaned) : undefined;
}

function classify(line: Line): Entry {
  const text = line.text;
  if (!text.trim()) return { kind: 'blank', line };
  const cells = rowCells(line);
  if (cells) return { kind: 'row', line, cells };
  if (findTechniqueIds(text).length) {
    const marker = LIST_MARKER.exec(text);
    const body = trimSpan(text, { a: marker?.[0].length ?? 0, b: text.length });
    return { kind: 'ids', line, body, bullet: !!marker };
  }
  const trimmed = text.trim();
  if (trimmed.length > 80) return { kind: 'prose', line };
  const tactics = tacticsOf(text);
  if (tactics) return { kind: 'tactic', line, tactics };
  const role = HEADER_ROLES.get(headerKey(text.replace(LIST_MARKER, '')));
  if (role) return { kind: 'header', line, role };
  return { kind: isProse(trimmed) || /[:：]$/.test(trimmed) ? 'prose' : 'text', line };
}

/** A reference before references of the same technique are merged. */
interface Found {
  raw: string;
  line: number;
  ids: string[];
  name?: string;
  tactics: string[];
}

/** Tactics as display names: known ones in English, anything else as written. */
function displayTactics(tactics: readonly string[]): string[] {
  return tactics.map((tactic) => tacticDisplayName(tactic) ?? tactic.trim());
}

function found(raw: string, line: number, tactics: readonly string[]): Found | undefined {
  const parsed = parseReference(raw);
  if (!parsed.ids.length) return undefined;
  const name = parsed.name;
  return {
    raw: raw.trim(),
    line,
    ids: parsed.ids,
    ...(name ? { name } : {}),
    tactics: [...new Set([...tactics, ...displayTactics(parsed.tactics)])],
  };
}

/** The technique name in a cell, when the cell holds a short text and no ID. */
function nameCell(line: Line, cell: Span | undefined): boolean {
  if (!cell || cell.b <= cell.a) return false;
  const text = slice(line, cell);
  return !findTechniqueIds(text).length && !tacticsOf(text) && !isProse(text) && text.length <= 100;
}

/** State of the walk through a mapping table. */
interface Table {
  roles: Array<Role | undefined>;
  /** The tactic of the last row that named one (merged cells leave the next rows' tactic cell empty). */
  carried: string[];
}

/** References in one table row. */
function rowReferences(line: Line, cells: Span[], table: Table | undefined, context: string[]): Found[] {
  const texts = cells.map((cell) => slice(line, cell));
  const tacticColumn = table?.roles.indexOf('tactic') ?? -1;
  let rowTactics: string[];
  if (table && tacticColumn >= 0) {
    const cell = texts[tacticColumn]?.trim();
    if (cell) table.carried = tacticsOf(cell) ?? displayTactics(cell.split(/\s*[,;/、]\s*/).filter(Boolean));
    rowTactics = table.carried;
  } else {
    const named = texts.flatMap((text) => (findTechniqueIds(text).length ? [] : (tacticsOf(text) ?? [])));
    rowTactics = named.length ? [...new Set(named)] : context;
  }
  const refs: Found[] = [];
  for (const [i, cell] of cells.entries()) {
    const text = texts[i] ?? '';
    if (!findTechniqueIds(text).length || table?.roles[i] === 'tactic') continue;
    if (isProse(withoutIds(text))) {
      for (const span of proseSpans(line, cell)) {
        const ref = found(originalOf(line, span), line.number, rowTactics);
        if (ref) refs.push(ref);
      }
      continue;
    }
    const items = splitItems(line, cell);
    // The name column of the header, else the nearest cell before, then after, that can hold a name.
    const nameColumn = table?.roles.indexOf('name') ?? -1;
    const before = [...cells.keys()].filter((k) => k < i).reverse();
    const after = [...cells.keys()].filter((k) => k > i);
    const order = [...before, ...after];
    const j = nameColumn >= 0 && nameColumn !== i ? nameColumn : order.find((k) => nameCell(line, cells[k]));
    const nameSpan = j !== undefined && nameCell(line, cells[j]) ? cells[j] : undefined;
    const nameParts = nameSpan ? splitNames(line, nameSpan, items.length) : [];
    for (const [k, item] of items.entries()) {
      const itemRaw = originalOf(line, item);
      const part = nameParts[k];
      // The raw text must carry the name for the resolver: the name cell joins the ID cell, in the row's order.
      const cellsInOrder = part && j !== undefined ? [originalOf(line, part), itemRaw] : [itemRaw];
      if (j !== undefined && j > i) cellsInOrder.reverse();
      const withName = parseReference(itemRaw).name ? itemRaw : cellsInOrder.join(' | ');
      const ref = found(withName, line.number, rowTactics);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

/** A name cell split to match the items of the ID cell beside it (one name for one item, or one per item). */
function splitNames(line: Line, span: Span, count: number): Span[] {
  if (count <= 1) return [span];
  const parts: Span[] = [];
  let start = span.a;
  for (let i = span.a; i <= span.b; i++) {
    if (i === span.b || ',;、'.includes(line.text.charAt(i))) {
      parts.push(trimSpan(line.text, { a: start, b: i }));
      start = i + 1;
    }
  }
  return parts.length === count ? parts : [];
}

/**
 * Find the technique references in a report's text: IDs in any usual shape, the technique name beside each (same
 * item, same table row, or the cell before or after), and the tactics of the mapping table or section they stand in
 * (English or Japanese tactic names, as rows, columns or headings). A technique listed under several tactics comes
 * back once with all of them. Pure; text without IDs gives `[]`.
 */
export function extractReferences(text: string): ExtractedReference[] {
  const entries = text.split(/\r?\n/).map((original, i) => classify(foldLine(original, i + 1)));
  const refs: Found[] = [];
  const usedNames = new Set<Entry>();
  let context: string[] = [];
  let table: Table | undefined;
  let headerRun: Role[] = [];
  let headerOrder: Role[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry.kind !== 'blank' && entry.kind !== 'header') {
      if (headerRun.length >= 2) headerOrder = headerRun;
      headerRun = [];
    }
    if (entry.kind !== 'row' && entry.kind !== 'blank') table = undefined;
    const { line } = entry;
    switch (entry.kind) {
      case 'blank':
      case 'text':
        break;
      case 'header':
        headerRun.push(entry.role);
        break;
      case 'prose':
        context = [];
        headerOrder = [];
        break;
      case 'tactic':
        context = entry.tactics;
        break;
      case 'row': {
        if (/^[\s|:\-\t]*$/.test(line.text)) break;
        const texts = entry.cells.map((cell) => slice(line, cell));
        const hasIds = texts.some((t) => findTechniqueIds(t).length);
        const roles = texts.map((t) => HEADER_ROLES.get(headerKey(t)));
        if (!hasIds && roles.some(Boolean) && texts.filter(Boolean).length >= 2) {
          table = { roles, carried: [] };
          break;
        }
        if (!hasIds) {
          const tactics = texts.filter(Boolean).length === 1 ? tacticsOf(texts.find(Boolean) ?? '') : undefined;
          if (tactics && table?.roles.includes('tactic')) table.carried = tactics;
          else if (tactics) context = tactics;
          break;
        }
        refs.push(...rowReferences(line, entry.cells, table, context));
        break;
      }
      case 'ids': {
        const body = slice(line, entry.body);
        const leading = leadingTactics(body);
        const span = { a: entry.body.a + leading.length, b: entry.body.b };
        const tactics = leading.length ? displayTactics(leading.tactics) : context;
        if (isProse(withoutIds(slice(line, span)))) {
          for (const s of proseSpans(line, span)) {
            const ref = found(originalOf(line, s), line.number, displayTactics(leading.tactics));
            if (ref) refs.push(ref);
          }
          context = [];
          break;
        }
        for (const item of splitItems(line, span)) {
          const raw = originalOf(line, item);
          const parsed = parseReference(raw);
          // One cell per line (a table pasted from a web page): a bare ID takes its name from the cell beside it.
          const neighbour =
            !parsed.name && !entry.bullet ? neighbourName(entries, index, headerOrder, usedNames) : undefined;
          const cells = neighbour ? [neighbour.line, line].sort((x, y) => x.number - y.number) : [line];
          const joined = cells
            .map((l) => (l === line ? raw : originalOf(l, trimSpan(l.text, { a: 0, b: l.text.length }))))
            .join(' | ');
          const ref = found(joined, cells[0]?.number ?? line.number, tactics);
          if (ref) refs.push(ref);
        }
        break;
      }
    }
  }
  return merge(refs);
}

/** The line holding the name of a bare ID in a one-cell-per-line table: the cell before it, else the one after. */
function neighbourName(entries: Entry[], index: number, headerOrder: Role[], used: Set<Entry>): Entry | undefined {
  const nearest = (step: number): Entry | undefined => {
    for (let i = index + step; i >= 0 && i < entries.length; i += step) {
      const entry = entries[i];
      if (entry?.kind !== 'blank') return entry;
    }
    return undefined;
  };
  const nameFirst = headerOrder.indexOf('name') < headerOrder.indexOf('id');
  const known = headerOrder.includes('name') && headerOrder.includes('id');
  for (const entry of known ? [nameFirst ? nearest(-1) : nearest(1)] : [nearest(-1), nearest(1)]) {
    if (entry?.kind === 'text' && !used.has(entry)) {
      used.add(entry);
      return entry;
    }
  }
  return undefined;
}

/** One reference per technique: later mentions add their tactics, and a name when the first had none. */
function merge(refs: readonly Found[]): ExtractedReference[] {
  const byIds = new Map<string, ExtractedReference>();
  for (const ref of refs) {
    const key = ref.ids.join(' ');
    const seen = byIds.get(key);
    if (!seen) {
      const { raw, line, ids, name, tactics } = ref;
      byIds.set(key, { raw, line, ids: [...ids], ...(name ? { name } : {}), tactics: [...tactics] });
      continue;
    }
    const tactics = [...new Set([...seen.tactics, ...ref.tactics])];
    if (!seen.name && ref.name) {
      byIds.set(key, { raw: ref.raw, line: ref.line, ids: seen.ids, name: ref.name, tactics });
    }
    else seen.tactics = tactics;
  }
  return [...byIds.values()];
}
