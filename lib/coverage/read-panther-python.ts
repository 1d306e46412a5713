/**
 * Panther detections written in Python only. Two kinds of `.py` file are Panther's:
 * - a pypanther module (github.com/panther-labs/pypanther, "the evolution of panther-analysis"): each class deriving
 *   from `Rule` (`PantherRule` in its first releases) is a detection whose class attributes are its fields, the ATT&CK
 *   mapping among them: `reports = {"MITRE ATT&CK": ["TA0003:T1098.001"]}`, `default_severity = Severity.MEDIUM`,
 *   `status = "Experimental"`, `enabled = False` (PascalCase in the first releases: `Reports`, `Severity`, `Enabled`).
 *   Read as the YAML of a Panther detection is (read-panther.ts pantherDetection);
 * - the body of a panther-analysis detection (`def rule(event):` and its helpers): it holds no ATT&CK mapping, which
 *   is in the YAML that names it (`Filename:`), from which Panther loads the detection. The folder walk leaves out a
 *   body a YAML beside it names; one no YAML names gives no coverage, and is ignored saying so.
 * Only literal values are read: a field set from a variable or a call is noted, and a class deriving from another
 * rule class inherits fields read nowhere here (it is ignored when it sets no mapping of its own).
 */
import type { CoverageProblem } from './coverage-types.js';
import { pantherDetection } from './read-panther.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { LineIndex } from './yaml-events.js';

// A pypanther module, and the body of a panther-analysis rule.
const PYPANTHER_IMPORT = /^[ \t]*(?:from[ \t]+pypanther\b|import[ \t]+pypanther\b)/m;
const RULE_FUNCTION = /^def[ \t]+rule[ \t]*\([ \t]*event\b/m;
// The base classes of a pypanther detection.
const RULE_BASES = new Set(['Rule', 'PantherRule', 'pypanther.Rule', 'pypanther.PantherRule']);
// A class statement, an attribute, a method of the class's body.
const CLASS_LINE = /^class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:/;
const ATTRIBUTE_LINE = /^(\w+)[ \t]*(?::[^=]*)?=(?!=)[ \t]*/;
const RULE_METHOD = /^def[ \t]+rule[ \t]*\(/;

/** Which kind of Panther Python a text is (see the module's comment), or undefined when it is neither. */
export function pantherPythonKind(text: string): 'pypanther' | 'rule body' | undefined {
  return PYPANTHER_IMPORT.test(text) ? 'pypanther' : RULE_FUNCTION.test(text) ? 'rule body' : undefined;
}

/** A Python value as far as a detection's fields need it: text, a list, a mapping, a name (`Severity.HIGH`), or none readable. */
type PyValue = { str: string; at: number } | { list: PyValue[] } | { dict: [PyValue, PyValue][] } | { name: string } | undefined;

/** One logical line of Python: where it starts, its indentation, and its text (comments out, continuation lines in). */
interface LogicalLine {
  start: number;
  indent: number;
  text: string;
}

/** Read the detections of a Panther Python file (pure): one item per pypanther rule class, or why it gives none. */
export function parsePantherPython(source: string, file: string): RuleFileOutcome {
  const kind = pantherPythonKind(source);
  const name = file.replace(/^.*[\\/]/, '');
  if (kind === 'rule body') {
    return {
      ignored: { line: 1, name, reason: 'the Python of a panther-analysis detection without the YAML that names it (Filename:): it holds no ATT&CK mapping' },
      notes: [
        {
          line: 1,
          message:
            `${name} is the Python of a Panther detection (def rule(event)) without the YAML that names it (Filename: ${name}): Panther loads a detection ` +
            'from that YAML, which holds its ATT&CK mapping (Reports: MITRE ATT&CK) and severity, so this file alone gives no coverage. ' +
            'Put its YAML beside it in the folder given to --coverage, or move the file out of the folder',
        },
      ],
    };
  }
  if (kind === undefined) return { invalid: { line: 1, message: 'not a Panther detection in Python: it imports no pypanther and defines no rule(event)' } };
  const lines = new LineIndex(source);
  const logical = logicalLines(source);
  const items: RuleOutcome[] = [];
  for (const [i, line] of logical.entries()) {
    const header = line.indent === 0 ? CLASS_LINE.exec(line.text) : null;
    if (!header) continue;
    const body: LogicalLine[] = [];
    for (const next of logical.slice(i + 1)) {
      if (next.indent === 0) break;
      body.push(next);
    }
    const bases = (header[2] ?? '').split(',').map((base) => base.trim()).filter((base) => base !== '');
    const own = body.filter((statement) => statement.indent === body[0]?.indent);
    const isRule = bases.some((base) => RULE_BASES.has(base));
    if (!isRule && !own.some((statement) => RULE_METHOD.test(statement.text))) continue;
    items.push(ruleClass({ name: header[1]!, line: lines.line(line.start) }, bases, isRule, own, lines, file));
  }
  if (!items.length) return { ignored: { line: 1, name, reason: 'a pypanther module with no rule class (helpers, the main.py that registers rules): no detection' } };
  return { items };
}

/** One pypanther rule class as a Panther detection. */
function ruleClass(header: { name: string; line: number }, bases: readonly string[], isRule: boolean, own: readonly LogicalLine[], lines: LineIndex, file: string): RuleOutcome {
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  // Each field's value, its line, and where its value starts in the file (for the lines of a value's parts).
  const fields = new Map<string, { value: PyValue; line: number; offset: number }>();
  for (const statement of own) {
    const attribute = ATTRIBUTE_LINE.exec(statement.text);
    if (!attribute) continue;
    const value = pyValue(statement.text.slice(attribute[0].length));
    fields.set(attribute[1]!.toLowerCase(), { value, line: lines.line(statement.start), offset: statement.start + attribute[0].length });
  }
  // The current names, and those of pypanther's first releases (RuleID, DisplayName, Severity, …).
  const field = (...names: string[]) => names.map((name) => fields.get(name)).find((found) => found !== undefined);
  const classLine = header.line;
  const text = (found: { value: PyValue; line: number } | undefined, what: string): string | undefined => {
    if (!found) return undefined;
    const value = found.value;
    if (value && 'str' in value) return value.str;
    if (value && 'name' in value) return value.name.replace(/^.*\./, '');
    notes.push({ line: found.line, message: `${what} is not written as text here (a variable or a call); it is not read` });
    return undefined;
  };
  const id = text(field('id', 'ruleid'), 'the rule id');
  const display = text(field('display_name', 'displayname'), 'display_name');
  const nameField = field('display_name', 'displayname') ?? field('id', 'ruleid');
  const name = display?.trim() || id?.trim() || header.name;
  const reports = field('reports');
  const mitre: { text: string; line: number }[] = [];
  if (reports) {
    const value = reports.value;
    if (value && 'dict' in value) {
      const items = value.dict.find(([key]) => key && 'str' in key && /^mitre att&ck$/i.test(key.str.trim()))?.[1];
      for (const item of items && 'list' in items ? items.list : []) if (item && 'str' in item) mitre.push({ text: item.str, line: lines.line(reports.offset + item.at) });
    } else notes.push({ line: reports.line, message: 'reports is not written as a mapping of lists here (a variable or a call); its ATT&CK mapping is not read' });
  } else if (!isRule) {
    const base = bases.join(', ');
    return { ignored: { line: classLine, name, reason: `derives from ${base}, whose fields (its ATT&CK mapping among them) are not read here; set reports in the class to count it` } };
  }
  const severity = field('default_severity', 'severity');
  const enabled = field('enabled');
  const status = text(field('status'), 'status');
  const logTypes = field('log_types', 'logtypes')?.value;
  const reference = text(field('default_reference', 'reference'), 'the reference');
  const outcome = pantherDetection(
    {
      name: { text: name, line: nameField?.line ?? classLine },
      line: classLine,
      ...(id !== undefined ? { id } : {}),
      type: 'rule',
      ...(enabled?.value && 'name' in enabled.value && enabled.value.name === 'False' ? { disabled: enabled.line } : {}),
      mitre,
      ...(severity ? { severity: { text: text(severity, 'the severity'), line: severity.line } } : {}),
      ...(status ? { status } : {}),
      logTypes: logTypes && 'list' in logTypes ? logTypes.list.flatMap((item) => (item && 'name' in item ? [item.name.replace(/^.*\./, '')] : item && 'str' in item ? [item.str] : [])) : [],
      references: reference !== undefined ? [{ text: reference, line: field('default_reference', 'reference')!.line }] : [],
      syntax: {
        disabled: 'enabled = False',
        claim: (ids) => `add ${ids.map((id) => `"TA0000:${id}"`).join(', ')} to reports["MITRE ATT&CK"], each after its tactic (TA0006:T1110)`,
      },
    },
    file,
  );
  return notes.length ? { ...outcome, notes: [...notes, ...(outcome.notes ?? [])] } : outcome;
}

/**
 * The logical lines of a Python text: a statement's physical lines together while a bracket or a triple-quoted string
 * is open or a line ends in a backslash, with comments blanked (so offsets stay the file's); blank lines are none.
 */
function logicalLines(source: string): LogicalLine[] {
  const chars = source.split('');
  const out: LogicalLine[] = [];
  let start = 0;
  let depth = 0;
  const end = (at: number): void => {
    const raw = chars.slice(start, at).join('');
    const indent = /^[ \t]*/.exec(raw)![0].length;
    const text = raw.slice(indent).replace(/\s+$/, '');
    if (text !== '') out.push({ start: start + indent, indent, text });
    start = at + 1;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '#') {
      for (; i < chars.length && chars[i] !== '\n'; i++) chars[i] = ' ';
      i--;
    } else if (c === '"' || c === "'") {
      const quote = chars.slice(i, i + 3).join('') === c.repeat(3) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < chars.length && chars.slice(j, j + quote.length).join('') !== quote && !(quote.length === 1 && chars[j] === '\n')) j += chars[j] === '\\' ? 2 : 1;
      // A string left open at the end of its line ends there, and the line with it.
      i = chars[j] === '\n' ? j - 1 : j + quote.length - 1;
    } else if (c === '\\' && chars[i + 1] === '\n') i++;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '\n' && depth === 0) end(i);
  }
  end(chars.length);
  return out;
}

/** A Python expression's value, as far as pyValue reads one (whole text only: anything left over makes it unreadable). */
function pyValue(source: string): PyValue {
  const parser = { text: source, at: 0 };
  const value = parseValue(parser);
  skipSpace(parser);
  return parser.at === parser.text.length ? value : undefined;
}

/** Past spaces, line ends and a backslash that continues a line. */
function skipSpace(p: { text: string; at: number }): void {
  while (p.at < p.text.length && (/\s/.test(p.text[p.at]!) || (p.text[p.at] === '\\' && p.text[p.at + 1] === '\n'))) p.at++;
}

// How deep pyValue reads nested brackets: a detection's fields nest two or three deep.
const MAX_DEPTH = 32;

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

function parseValue(p: { text: string; at: number }, depth = 0): PyValue {
  if (depth > MAX_DEPTH) return undefined;
  skipSpace(p);
  const rest = p.text.slice(p.at);
  if (/^[rRbBuUfF]{0,2}["']/.test(rest)) {
    // Adjacent literals are one text ("a" "b").
    const at = p.at;
    let str = '';
    while (/^[rRbBuUfF]{0,2}["']/.test(p.text.slice(p.at))) {
      const prefix = /^[rRbBuUfF]{0,2}/.exec(p.text.slice(p.at))![0];
      const raw = /r/i.test(prefix);
      p.at += prefix.length;
      const c = p.text[p.at]!;
      const quote = p.text.startsWith(c.repeat(3), p.at) ? c.repeat(3) : c;
      p.at += quote.length;
      while (p.at < p.text.length && !p.text.startsWith(quote, p.at)) {
        if (p.text[p.at] === '\\' && !raw) {
          const next = p.text[p.at + 1] ?? '';
          str += ESCAPES[next] ?? `\\${next}`;
          p.at += 2;
        } else str += p.text[p.at++];
      }
      if (p.at >= p.text.length) return undefined;
      p.at += quote.length;
      skipSpace(p);
    }
    return { str, at };
  }
  const open = rest[0];
  if (open === '[' || open === '(' || open === '{') {
    const close = open === '[' ? ']' : open === '(' ? ')' : '}';
    p.at++;
    const list: PyValue[] = [];
    const dict: [PyValue, PyValue][] = [];
    for (;;) {
      skipSpace(p);
      if (p.text[p.at] === close) {
        p.at++;
        break;
      }
      const key = parseValue(p, depth + 1);
      skipSpace(p);
      if (open === '{' && p.text[p.at] === ':') {
        p.at++;
        dict.push([key, parseValue(p, depth + 1)]);
      } else list.push(key);
      skipSpace(p);
      if (p.text[p.at] === ',') p.at++;
      else if (p.text[p.at] !== close) return undefined;
    }
    // A parenthesized value is that value; a tuple or a set is read as a list.
    if (open === '(' && list.length === 1 && !/,\s*\)$/.test(p.text.slice(0, p.at))) return list[0];
    return open === '{' && (dict.length || !list.length) ? { dict } : { list };
  }
  const name = /^[A-Za-z_][\w.]*/.exec(rest)?.[0];
  if (name && !/^\s*\(/.test(rest.slice(name.length))) {
    p.at += name.length;
    return { name };
  }
  const number = /^-?\d[\d_.]*/.exec(rest)?.[0];
  if (number) {
    p.at += number.length;
    return { name: number };
  }
  return undefined;
}
