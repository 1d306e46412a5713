import { tacticDisplayName } from '../normalize/tactic-text.js';
import type { FoldedText } from '../normalize/tokenize-references.js';

/** A place in a report: a 1-based line and an offset in its folded text. */
interface Place {
  line: number;
  at: number;
}

/** An entry of an Elastic rule's `threat` array written as JSON, and the tactic its `tactic` object names. */
export interface ThreatEntry {
  start: Place;
  /** Just past its closing brace. */
  end: Place;
  tactic: string;
}

/** An open bracket of the scan, with what it is in an Elastic rule, or, for an object, where it starts and the tactic it names. */
interface Open {
  role?: 'threat' | 'entry' | 'tactic';
  entry?: { start: Place; name?: string; id?: string };
  object?: { start: Place; tactic?: string };
}

const before = (a: Place, b: Place): boolean => a.line < b.line || (a.line === b.line && a.at < b.at);

/**
 * The entries of Elastic rules' `threat` arrays written as JSON that name a tactic, in order (`"threat": [{"framework":
 * "MITRE ATT&CK", "technique": [...], "tactic": {"id": "TA0002", "name": "Execution"}}]`, in a Kibana export, one rule a
 * line, or a rule printed over many lines): the entry's tactic is that of every technique in it, whether its `tactic`
 * object stands before or after its `technique` array. So is an object whose `tactic` member is a tactic's name, before
 * or after its ID (Mandiant capa's JSON: `{"parts": [...], "tactic": "Defense Evasion", "technique": "Obfuscated Files or
 * Information", "subtechnique": "", "id": "T1027"}` for each ATT&CK mapping of a rule). A scan of brackets and strings,
 * linear in the text's length, from the first line that holds `"threat"` (from the first line when one holds
 * `"tactic"`); a string left open at a line's end (prose quoting a word) ends there.
 */
export function jsonThreatEntries(lines: readonly FoldedText[]): ThreatEntry[] {
  const entries: ThreatEntry[] = [];
  const first = lines.findIndex((folded) => folded.text.includes('"threat"'));
  // An object's `"tactic"` member may come after its opening brace's line: its object is scanned from the text's start.
  const from = lines.some((folded) => folded.text.includes('"tactic"')) ? 0 : first;
  if (from < 0) return entries;
  const stack: Open[] = [];
  // The string just read, and the member key whose value comes next (a string followed by a colon).
  let text: string | undefined;
  let key: string | undefined;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!.text;
    for (let i = 0; i < line.length; i++) {
      const c = line.charAt(i);
      if (c === '"') {
        let j = i + 1;
        while (j < line.length && line.charAt(j) !== '"') j += line.charAt(j) === '\\' ? 2 : 1;
        if (j >= line.length) break;
        const value = line.slice(i + 1, j);
        const top = stack[stack.length - 1];
        if (key !== undefined && top?.role === 'tactic' && top.entry && (key === 'name' || key === 'id')) top.entry[key] = value;
        // capa's ATT&CK spec: `{"parts": […], "tactic": "Defense Evasion", "technique": "…", "id": "T1027"}`.
        if (key === 'tactic' && top?.object) top.object.tactic = value;
        text = key === undefined ? value : undefined;
        key = undefined;
        i = j;
      } else if (c === ':') {
        key = text;
        text = undefined;
      } else if (c === '{' || c === '[') {
        const parent = stack[stack.length - 1];
        const open: Open = {};
        if (c === '[' && key === 'threat') open.role = 'threat';
        else if (c === '{' && parent?.role === 'threat') Object.assign(open, { role: 'entry', entry: { start: { line: index + 1, at: i } } });
        else if (c === '{' && key === 'tactic' && parent?.role === 'entry') Object.assign(open, { role: 'tactic', entry: parent.entry });
        if (c === '{') open.object = { start: { line: index + 1, at: i } };
        stack.push(open);
        key = text = undefined;
      } else if (c === '}' || c === ']') {
        const closed = stack.pop();
        const tactic = closed?.role === 'entry' ? tacticDisplayName(closed.entry?.name ?? '') ?? tacticDisplayName(closed.entry?.id ?? '') : undefined;
        const named = closed?.object?.tactic !== undefined ? tacticDisplayName(closed.object.tactic) : undefined;
        if (tactic) entries.push({ start: closed!.entry!.start, end: { line: index + 1, at: i + 1 }, tactic });
        else if (named) entries.push({ start: closed!.object!.start, end: { line: index + 1, at: i + 1 }, tactic: named });
        key = text = undefined;
      } else if (c !== ' ' && c !== '\t') key = text = undefined;
    }
    key = text = undefined;
  }
  return entries;
}

/** The tactic of the entry a place of the report is written in, if any (entries in order, as `jsonThreatEntries` gives them). */
export function threatTacticAt(entries: readonly ThreatEntry[], line: number, at: number): string | undefined {
  const place = { line, at };
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(place, entries[middle]!.start)) high = middle;
    else low = middle + 1;
  }
  const entry = entries[low - 1];
  return entry && before(place, entry.end) ? entry.tactic : undefined;
}
