/**
 * Panther detections written in Python only. Three kinds of `.py` file are Panther's:
 * - a pypanther module (github.com/panther-labs/pypanther, "the evolution of panther-analysis"): each class deriving
 *   from `Rule` (`PantherRule` in its first releases) is a detection whose class attributes are its fields, the ATT&CK
 *   mapping among them: `reports = {"MITRE ATT&CK": ["TA0003:T1098.001"]}`, `default_severity = Severity.MEDIUM`,
 *   `status = "Experimental"`, `enabled = False` (PascalCase in the first releases: `Reports`, `Severity`, `Enabled`).
 *   Read as the YAML of a Panther detection is (read-panther.ts pantherDetection);
 * - a module of Panther's earlier Python SDK (`panther_sdk`, `panther_config`; panther-labs/panther-detections-legacy):
 *   each `detection.Rule(...)` call is a detection whose keyword arguments are its fields (`rule_id`, `name`,
 *   `reports={detection.ReportKeyMITRE: ["TA0006:T1528"]}`, `severity=detection.SeverityHigh`), read as a class's are;
 * - the body of a panther-analysis detection (`def rule(event):` and its helpers): it holds no ATT&CK mapping, which
 *   is in the YAML that names it (`Filename:`), from which Panther loads the detection. The folder walk leaves out a
 *   body a YAML beside it names; one no YAML names gives no coverage, and is ignored saying so.
 * Literal values are read, and a name the module assigns a literal before the class (`TAGS = [...]`, then
 * `tags = TAGS`), as Python does at the class statement; a class deriving from another class of the same file inherits
 * the fields it does not set itself (pypanther's starter kit derives HostIDSMalware from HostIDSBaseRule, which sets
 * log_types and default_severity). What stays unread is noted: a field set from a call, an expression or a name
 * imported from another module, and the fields of a base class in another module (a class deriving from a pypanther
 * rule, `OktaBruteForce`, is ignored when it sets no mapping of its own). The `.override()` and `.extend()` calls and
 * field settings a module makes are kept with it (PantherModule), each on the class it names, through an import alias,
 * a name bound to a class or a loop over classes listed in the module (overrideTargets), for the folder walk to apply
 * them to the rule classes of every file they name (applyPantherOverrides).
 */
import type { CoverageProblem } from './coverage-types.js';
import { pantherGmailData } from './mail-delivery.js';
import { workspaceApps } from './workspace-apps.js';
import { pantherDetection, type PantherFields } from './read-panther.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { LineIndex } from './yaml-events.js';

// A pypanther module, a module of Panther's earlier Python SDK (panther_sdk, panther_config), and the body of a
// panther-analysis rule.
const PYPANTHER_IMPORT = /^[ \t]*(?:from[ \t]+pypanther\b|import[ \t]+pypanther\b)/m;
const SDK_IMPORT = /^[ \t]*(?:from|import)[ \t]+(?:panther_sdk|panther_config)\b/m;
const RULE_FUNCTION = /^def[ \t]+rule[ \t]*\([ \t]*event\b/m;
// The base classes of a pypanther detection.
const RULE_BASES = new Set(['Rule', 'PantherRule', 'pypanther.Rule', 'pypanther.PantherRule']);
// A class statement, an attribute, a method of the class's body.
const CLASS_LINE = /^class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:/;
const ATTRIBUTE_LINE = /^(\w+)[ \t]*(?::[^=]*)?=(?!=)[ \t]*/;
const RULE_METHOD = /^def[ \t]+rule[ \t]*\(/;

/** Which kind of Panther Python a text is (see the module's comment), or undefined when it is none. */
export function pantherPythonKind(text: string): 'pypanther' | 'panther sdk' | 'rule body' | undefined {
  return PYPANTHER_IMPORT.test(text) ? 'pypanther' : SDK_IMPORT.test(text) ? 'panther sdk' : RULE_FUNCTION.test(text) ? 'rule body' : undefined;
}

/** A Python value as far as a detection's fields need it: text, a list, a mapping, a name (`Severity.HIGH`), or none readable. */
export type PyValue = { str: string; at: number; line?: number } | { list: PyValue[] } | { dict: [PyValue, PyValue][] } | { name: string } | undefined;

/** One logical line of Python: where it starts, its indentation, and its text (comments out, continuation lines in). */
interface LogicalLine {
  start: number;
  indent: number;
  text: string;
}

/**
 * A pypanther module as the folder walk needs it to apply the overrides of other files (applyPantherOverrides): its
 * rule classes, each with the item it gave, and the overrides it makes. Every text's line is set (PyValue `line`), so
 * that a class is read again without its file.
 */
export interface PantherModule {
  classes: PantherClass[];
  overrides: PantherOverride[];
  imported: string[];
}

/** A rule class of a module: its item, name, line, itself and its in-file ancestors in lookup order, each with the fields its body sets. */
export interface PantherClass {
  item: number;
  name: string;
  line: number;
  chain: { name: string; fields: [string, Field][] }[];
  /** Whether it derives from pypanther's Rule through classes of its file; else `base` names the classes of other modules it derives from. */
  derives: boolean;
  base: string;
  /** The Google Workspace applications its rule, or an in-file ancestor's, keeps (workspace-apps.ts workspaceApps): `gmail`, mail. */
  apps?: string[];
}

/**
 * A change a module makes to a class by name: `X.override(default_severity=Severity.HIGH)` sets fields, `X.extend(reports={…})`
 * adds to them, `X.default_severity = Severity.HIGH` sets one. Its fields are read as a class's (names lower-cased).
 */
export interface PantherOverride {
  target: string;
  how: 'override' | 'extend' | 'set';
  line: number;
  fields: [string, Field][];
  /** The name it is written on when that is not the class's (an alias, a loop's variable), and how it names the class. */
  through?: { name: string; how: string };
  /** Why the classes it changes are not known here (a loop over rules not listed in the file); nothing is applied. */
  unread?: string;
}

/**
 * Read the detections of a Panther Python file (pure): one item per pypanther rule class, or why it gives none; for a
 * pypanther module, what applyPantherOverrides needs as well.
 */
export function readPantherPython(source: string, file: string): { outcome: RuleFileOutcome; panther?: PantherModule } {
  const kind = pantherPythonKind(source);
  const name = file.replace(/^.*[\\/]/, '');
  if (kind === 'rule body') {
    return { outcome: {
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
    } };
  }
  if (kind === undefined) return { outcome: { invalid: { line: 1, message: 'not a Panther detection in Python: it imports no pypanther and defines no rule(event)' } } };
  const lines = new LineIndex(source);
  const logical = logicalLines(source);
  const imported = importedNames(logical);
  // The module's names bound to a value (`TAGS = [...]`), each with where it is, in file order, and its classes.
  const assigned: { name: string; start: number; field: Field }[] = [];
  const statements: PyClass[] = [];
  for (const [i, line] of logical.entries()) {
    if (line.indent !== 0) continue;
    const attribute = ATTRIBUTE_LINE.exec(line.text);
    if (attribute) {
      assigned.push({ name: attribute[1]!, start: line.start, field: fieldOf(line, attribute, lines) });
      continue;
    }
    const header = CLASS_LINE.exec(line.text);
    if (!header) continue;
    const body: LogicalLine[] = [];
    for (const next of logical.slice(i + 1)) {
      if (next.indent === 0) break;
      body.push(next);
    }
    const own = body.filter((statement) => statement.indent === body[0]?.indent);
    // A name is looked up as the class statement runs: the module's latest binding of it before the class.
    const module = new Map(assigned.filter((binding) => binding.start < line.start).map((binding) => [binding.name, binding.field]));
    const fields = new Map<string, Field>();
    for (const statement of own) {
      const attribute = ATTRIBUTE_LINE.exec(statement.text);
      if (attribute) fields.set(attribute[1]!.toLowerCase(), resolveField(fieldOf(statement, attribute, lines), module));
    }
    const bases = (header[2] ?? '').split(',').map((base) => base.trim()).filter((base) => base !== '');
    const apps = workspaceApps(body.map((statement) => statement.text).join('\n'));
    statements.push({ name: header[1]!, line: lines.line(line.start), bases, fields, ruleMethod: own.some((statement) => RULE_METHOD.test(statement.text)), apps });
  }
  if (kind === 'panther sdk') return { outcome: sdkModule(logical, assigned, { lines, file, imported, name }) };
  // A base is looked up by name: the class of that name the file defines last.
  const classes = new Map(statements.map((pyClass) => [pyClass.name, pyClass]));
  const ruleClasses = statements
    .filter((pyClass) => derivesFromRule(pyClass, classes) || hasRuleMethod(pyClass, classes))
    .map((pyClass, item) => classOf(pyClass, item, classes, lines));
  const panther: PantherModule = { classes: ruleClasses, overrides: overridesOf(logical, assigned, lines), imported: [...imported].sort() };
  const items = ruleClasses.map((pyClass) => ruleClass(pyClass, { lines, file, imported, name }));
  if (!items.length) return { outcome: { ignored: { line: 1, name, reason: 'a pypanther module with no rule class (helpers, the main.py that registers rules): no detection' } }, panther };
  return { outcome: { items }, panther };
}

// `X.override(`, `X.extend(`: a module changing a rule class by name (pypanther's Rule.override and Rule.extend);
// `X.field = value`: setting one field.
const OVERRIDE_CALL = /^(\w+)\.(override|extend)[ \t]*\(/;
const FIELD_SET = /^(\w+)\.(\w+)[ \t]*=(?!=)[ \t]*/;
// The fields a detection is read by (pantherRule): a `X.field = …` of another field (a title function, a filter) changes no coverage.
const READ_FIELDS = new Set([
  'id',
  'ruleid',
  'display_name',
  'displayname',
  'reports',
  'default_severity',
  'severity',
  'enabled',
  'create_alert',
  'createalert',
  'status',
  'log_types',
  'logtypes',
  'default_reference',
  'reference',
]);

/**
 * The overrides a module makes, at any indentation (the starter kit's `apply_overrides(rules)` function, or the top
 * level of a main.py), in file order; a name in their values is looked up as for the SDK's calls (sdkModule).
 */
function overridesOf(logical: readonly LogicalLine[], assigned: readonly { name: string; start: number; field: Field }[], lines: LineIndex): PantherOverride[] {
  const out: PantherOverride[] = [];
  const aliases = importAliases(logical);
  for (const [i, line] of logical.entries()) {
    const module = new Map(assigned.filter((binding) => line.indent > 0 || binding.start < line.start).map((binding) => [binding.name, binding.field]));
    const call = OVERRIDE_CALL.exec(line.text);
    const set = call ? undefined : FIELD_SET.exec(line.text);
    const fields: [string, Field][] = call
      ? keywordArguments(line, call[0].length, lines).map((argument) => [argument.name.toLowerCase(), argument.field])
      : set && READ_FIELDS.has(set[2]!.toLowerCase())
        ? [[set[2]!.toLowerCase(), fieldOf(line, set, lines)]]
        : [];
    if (!fields.length) continue;
    const written = (call ?? set)![1]!;
    const override = { how: call ? (call[2] as 'override' | 'extend') : 'set', line: lines.line(line.start), fields: fields.map(([key, field]): [string, Field] => [key, lined(resolveField(field, module), lines)]) } as const;
    const targets = overrideTargets(written, i, logical, { aliases, module, lines });
    if ('unread' in targets) out.push({ ...override, target: written, unread: targets.unread });
    else for (const { name, how } of targets.classes) out.push({ ...override, target: name, ...(how ? { through: { name: written, how } } : {}) });
  }
  return out;
}

// `for rule in [A, B]:`: a loop over the values of an expression, its variable one name.
const FOR_LINE = /^for[ \t]+(\w+)[ \t]+in[ \t]+([^]+?)[ \t]*:$/;

/**
 * The classes an override written on `name` (logical line `at`) changes, each with how the name stands for it when
 * it is not the class's own: a name the module imports under another (`import AWSCloudTrailCreated as Created`) or
 * binds to a class (`R = AWSCloudTrailCreated`), or the variable of a loop whose body the override is in, over a
 * literal list, tuple or set of classes or a module name bound to one (`for rule in [A, B]:`, `for rule in NAMES:`),
 * each of them. A loop over anything else (a call, a function's parameter, a name imported), or an override under a
 * condition or in a function in the loop's body, changes rules not known here: `unread` says so.
 */
function overrideTargets(
  name: string,
  at: number,
  logical: readonly LogicalLine[],
  context: { aliases: ReadonlyMap<string, string>; module: ReadonlyMap<string, Field>; lines: LineIndex },
): { classes: { name: string; how?: string }[] } | { unread: string } {
  const { lines } = context;
  // The statements whose blocks hold the override, innermost first.
  const blocks: LogicalLine[] = [];
  for (let j = at - 1, indent = logical[at]!.indent; j >= 0 && indent > 0; j--) {
    if (logical[j]!.indent >= indent) continue;
    blocks.push(logical[j]!);
    indent = logical[j]!.indent;
  }
  const loopAt = blocks.findIndex((block) => FOR_LINE.exec(block.text)?.[1] === name);
  if (loopAt < 0) {
    const found = classNamed(name, context);
    return { classes: [found === name ? { name } : { name: found, how: context.aliases.get(name) === found ? `${found} imported as ${name}` : `${name} bound to ${found}` }] };
  }
  const loop = blocks[loopAt]!;
  const where = `the variable of the loop at line ${lines.line(loop.start)}`;
  if (loopAt > 0) return { unread: `${name} is ${where}, and the override is not directly in its body (under a condition or in a function: which rules it changes is decided as pypanther runs)` };
  const over = FOR_LINE.exec(loop.text)![2]!;
  const value = resolveField({ value: pyValue(over, 0), line: 0 }, context.module).value;
  const items = value && 'list' in value ? value.list : [];
  if (!items.length || !items.every((item) => item && 'name' in item && /^[A-Za-z_]\w*$/.test(item.name))) {
    return { unread: `${name} is ${where} over ${over.replace(/\s+/g, ' ')}, which is no list of classes written in this file (a call, a function's parameter or an imported name): the rules it changes are not known here` };
  }
  return { classes: items.map((item) => ({ name: classNamed((item as { name: string }).name, context), how: `${name}, ${where}` })) };
}

/** The class a name stands for: through the module's aliases of imports and its bindings of a name to a class (`R = A`). */
function classNamed(name: string, context: { aliases: ReadonlyMap<string, string>; module: ReadonlyMap<string, Field> }): string {
  let found = name;
  for (let depth = 0; depth < MAX_NAMES; depth++) {
    const bound = context.module.get(found)?.value;
    const next = bound && 'name' in bound && /^[A-Za-z_]\w*$/.test(bound.name) ? bound.name : context.aliases.get(found);
    if (next === undefined || next === found) break;
    found = next;
  }
  return found;
}

/** A file of a folder, what reading it gave and, for a pypanther module, its classes and overrides. */
interface ReadModule {
  file: string;
  outcome: RuleFileOutcome;
  panther?: PantherModule | undefined;
}

/**
 * An override as its module writes it, on the name it is written on (an alias, a loop's variable, or the class):
 * `R.field = …` for a field set, `R.override(args)` / `R.extend(args)` for a call.
 */
function writtenAs(override: PantherOverride, field: string, args: string): string {
  const on = override.through?.name ?? override.target;
  return override.how === 'set' ? `${on}.${field} = …` : `${on}.${override.how}(${args})`;
}

/**
 * A folder's outcomes with the overrides its pypanther modules make applied to the rule classes they name, as
 * pypanther runs them: after every class is defined (a main.py imports the rules, then overrides them), in the order
 * of the files' paths, then of their lines. An override changes the class it names only (pypanther copies a rule's
 * fields into each class deriving from it as the class is defined). Each field it changes is noted on the class with
 * the override's file and line; an override of a class no file of the folder defines as a rule (one of pypanther's
 * own rules, whose fields are not read here) is noted where it is written, and not read.
 */
export function applyPantherOverrides<T extends ReadModule>(read: readonly T[], name: (file: string) => string): T[] {
  const overrides = read.flatMap(({ file, panther }) => (panther?.overrides ?? []).map((override) => ({ file, override })));
  if (!overrides.length) return [...read];
  const known = new Set(read.flatMap(({ panther }) => (panther?.classes ?? []).map((pyClass) => pyClass.name)));
  const unknown = new Map<string, Omit<CoverageProblem, 'file' | 'skipped'>[]>();
  for (const { file, override } of overrides) {
    if (known.has(override.target) && !override.unread) continue;
    const message = `${writtenAs(override, override.fields[0]![0], '…')} is not read: ${override.unread ?? `${override.target} is no rule class of the files read (a rule of pypanther's own, whose fields are not read here, or a class of another folder)`}`;
    unknown.set(file, [...(unknown.get(file) ?? []), { line: override.line, message }]);
  }
  // The overrides whose classes are known here (not those of a loop over rules not listed).
  const applicable = overrides.filter(({ override }) => !override.unread);
  return read.map((module) => {
    const { file, outcome, panther } = module;
    const notes = unknown.get(file);
    const changed = (panther?.classes ?? []).filter((pyClass) => applicable.some(({ override }) => override.target === pyClass.name));
    if (!changed.length && !notes) return module;
    const items = 'items' in outcome ? [...outcome.items] : undefined;
    for (const pyClass of changed) {
      if (!items) break;
      const applied = applicable.filter(({ override }) => override.target === pyClass.name);
      const context = { lines: new LineIndex(''), file, imported: new Set(panther!.imported), name: file.replace(/^.*[\\/]/, '') };
      const fields = inheritedFields(pyClass.chain);
      const said: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
      for (const { file: where, override } of applied) {
        for (const [key, field] of override.fields) {
          if (!READ_FIELDS.has(key)) continue;
          const moved = placedAt(field, pyClass.line);
          fields.set(key, override.how === 'extend' ? extended(fields.get(key), moved) : moved);
          const how = writtenAs(override, key, `${key}=…`);
          const through = override.through ? ` (${override.through.how})` : '';
          said.push({ line: pyClass.line, message: `${key} ${override.how === 'extend' ? 'extended' : 'set'} by ${how} at ${name(where)}:${override.line}${through}, read after the class as pypanther runs it` });
        }
      }
      if (!said.length) continue;
      const read = ruleClass({ ...pyClass, chain: [{ name: pyClass.name, fields: [...fields] }] }, context);
      items[pyClass.item] = { ...read, notes: [...said, ...(read.notes ?? [])] };
    }
    const withItems: RuleFileOutcome = items && 'items' in outcome ? { ...outcome, items } : outcome;
    return { ...module, outcome: notes ? { ...withItems, notes: [...(withItems.notes ?? []), ...notes] } : withItems };
  });
}

/** A field whose line and texts' lines are `line` (an override's value, counted at the class it changes). */
function placedAt(field: Field, line: number): Field {
  return { value: withLines(field.value, () => line), line };
}

/**
 * A field extended as Rule.extend does: a list gets the items added, a mapping of lists (reports) the items of each
 * key added to that key's; anything else is no value read.
 */
function extended(field: Field | undefined, more: Field): Field {
  const [was, add] = [field?.value, more.value];
  if (!was) return more;
  if ('list' in was && add && 'list' in add) return { value: { list: [...was.list, ...add.list] }, line: more.line };
  if ('dict' in was && add && 'dict' in add) {
    const same = (a: PyValue, b: PyValue) => (MITRE_KEY(a) && MITRE_KEY(b)) || (a !== undefined && b !== undefined && 'str' in a && 'str' in b && a.str === b.str);
    const dict = was.dict.map(([key, items]): [PyValue, PyValue] => {
      const extra = add.dict.find(([other]) => same(key, other))?.[1];
      return [key, extra && items && 'list' in items && 'list' in extra ? { list: [...items.list, ...extra.list] } : extra ? undefined : items];
    });
    for (const entry of add.dict) if (!was.dict.some(([key]) => same(key, entry[0]))) dict.push(entry);
    return { value: { dict }, line: more.line };
  }
  return { value: undefined, line: more.line };
}

/** A field with the line of each of its texts set, so that it is read without its file. */
function lined(field: Field, lines: LineIndex): Field {
  return { value: withLines(field.value, (at) => lines.line(at)), line: field.line };
}

/** A value whose texts' lines are set by `lineOf` their place. */
function withLines(value: PyValue, lineOf: (at: number) => number): PyValue {
  if (!value) return value;
  if ('str' in value) return { ...value, line: lineOf(value.at) };
  if ('list' in value) return { list: value.list.map((item) => withLines(item, lineOf)) };
  if ('dict' in value) return { dict: value.dict.map(([key, item]): [PyValue, PyValue] => [withLines(key, lineOf), withLines(item, lineOf)]) };
  return value;
}

/** A rule class as PantherClass keeps it: itself and its in-file ancestors with their own fields, lines set. */
function classOf(pyClass: PyClass, item: number, classes: ReadonlyMap<string, PyClass>, lines: LineIndex): PantherClass {
  const chain = [pyClass, ...ancestors(pyClass, classes)];
  // The bases the file does not define, through its own classes (B of A of OktaBruteForce: OktaBruteForce).
  const base = [...new Set(chain.flatMap((found) => found.bases.filter((name) => !classes.has(name))))].join(', ');
  return {
    item,
    name: pyClass.name,
    line: pyClass.line,
    chain: chain.map((found) => ({ name: found.name, fields: [...found.fields].map(([key, field]): [string, Field] => [key, lined(field, lines)]) })),
    derives: derivesFromRule(pyClass, classes),
    base,
    ...(chain.some((found) => found.apps.length) ? { apps: [...new Set(chain.flatMap((found) => found.apps))] } : {}),
  };
}

// A detection of the Panther SDK: a call of detection.Rule (panther_sdk, panther_config); the names of its keyword
// arguments that pypanther spells otherwise.
const SDK_RULE_CALL = /\bdetection\.Rule[ \t]*\(/g;
const SDK_FIELDS: Readonly<Record<string, string>> = { rule_id: 'id', name: 'display_name' };
const DEF_LINE = /^(?:async[ \t]+)?def[ \t]+(\w+)/;

/**
 * The detections of a module of Panther's earlier Python SDK: each `detection.Rule(...)` call, in a function that
 * returns it (panther-detections' `def api_key_created(overrides=...) -> detection.Rule`) or at the top level
 * (panther-classic-converter's output), read from its keyword arguments as a pypanther class's fields. A name is
 * looked up among the module's top-level bindings as the call would find it: those before it for a call at the top
 * level, any for a call in a function (run after the module is loaded).
 */
function sdkModule(logical: readonly LogicalLine[], assigned: readonly { name: string; start: number; field: Field }[], context: ModuleContext): RuleFileOutcome {
  const items: RuleOutcome[] = [];
  for (const [i, line] of logical.entries()) {
    for (const call of line.text.matchAll(SDK_RULE_CALL)) {
      const at = line.start + call.index;
      const module = new Map(assigned.filter((binding) => line.indent > 0 || binding.start < at).map((binding) => [binding.name, binding.field]));
      const fields = new Map<string, Field>();
      for (const argument of keywordArguments(line, call.index + call[0].length, context.lines)) {
        const key = argument.name.toLowerCase();
        fields.set(SDK_FIELDS[key] ?? key, resolveField(argument.field, module));
      }
      // Named by its name or id, else by the function that builds it.
      const builder = logical.slice(0, i + 1).findLast((found) => found.indent < line.indent && DEF_LINE.test(found.text));
      const place = { name: builder ? `${DEF_LINE.exec(builder.text)![1]}()` : `detection.Rule at line ${context.lines.line(at)}`, line: context.lines.line(at) };
      items.push(pantherRule(fields, place, context, SDK_SYNTAX));
    }
  }
  if (!items.length) return { ignored: { line: 1, name: context.name, reason: 'a Panther SDK module with no detection.Rule(...) call (helpers, sample logs, tests): no detection' } };
  return { items };
}

/**
 * The keyword arguments of a call whose arguments start at `from` in a logical line, each with its value (pyValue)
 * and the line of its name; positional and `**` arguments are skipped. A value written `(overrides.reports or {...})`,
 * the SDK's way of letting a caller replace a default, is read as that default: what the rule is without overrides;
 * one decided per event (`detection.DynamicStringField(func=…, fallback=…)`), as its fallback.
 */
function keywordArguments(line: LogicalLine, from: number, lines: LineIndex): { name: string; field: Field }[] {
  const out: { name: string; field: Field }[] = [];
  const { text } = line;
  let at = from;
  while (at < text.length) {
    const start = at;
    let depth = 0;
    for (; at < text.length; at++) {
      const c = text[at]!;
      if (c === '"' || c === "'") at = stringEnd(text, at) - 1;
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    const argument = /^\s*(\w+)\s*=(?!=)\s*/.exec(text.slice(start, at));
    if (argument) {
      const valueStart = start + argument[0].length;
      const [offset, value] = optionDefault(text.slice(valueStart, at));
      out.push({ name: argument[1]!, field: { value: pyValue(value, line.start + valueStart + offset), line: lines.line(line.start + start + argument[0].length - argument[0].trimStart().length) } });
    }
    if (text[at] !== ',') break;
    at++;
  }
  return out;
}

/** Where a string literal starting at `at` ends (past its closing quote; a triple quote closes a triple quote). */
function stringEnd(text: string, at: number): number {
  const c = text[at]!;
  const quote = text.startsWith(c.repeat(3), at) ? c.repeat(3) : c;
  let j = at + quote.length;
  while (j < text.length && !text.startsWith(quote, j)) j += text[j] === '\\' ? 2 : 1;
  return Math.min(text.length, j + quote.length);
}

// `(overrides.reports or {...})`: an option of the caller's, or a default.
const OPTION_OR = /^(\(\s*)?[A-Za-z_]\w*\.\w+\s+or\s+/;

// `detection.DynamicStringField(func=_severity, fallback=detection.SeverityMedium)`: a value the rule decides per event
// (panther-detections-legacy's Slack App Added raises admin apps to High), with the one it has otherwise.
const DYNAMIC_FIELD = /^[\w.]*Dynamic\w*Field\s*\(/;
const FALLBACK = /\bfallback\s*=\s*/;

/**
 * The default of a value written `option.field or default` (in parentheses or not), or the fallback of a value decided
 * per event (`DynamicStringField(func=…, fallback=…)`), and where it starts; else the value.
 */
function optionDefault(value: string): [number, string] {
  const fallback = DYNAMIC_FIELD.test(value) ? FALLBACK.exec(value) : null;
  if (fallback) {
    const from = fallback.index + fallback[0].length;
    const end = /^[^,)]*/.exec(value.slice(from))![0].trimEnd();
    return [from, end];
  }
  const option = OPTION_OR.exec(value);
  if (!option) return [0, value];
  const rest = value.slice(option[0].length).trimEnd();
  return [option[0].length, option[1] !== undefined && rest.endsWith(')') ? rest.slice(0, -1) : rest];
}

/** A class statement of a pypanther module: its name, line, bases, the fields its body sets, whether it defines rule(). */
interface PyClass {
  name: string;
  line: number;
  bases: string[];
  fields: Map<string, Field>;
  ruleMethod: boolean;
  apps: string[];
}

/** A field's value and its line (that of the class's statement, when read through a module's name). */
export interface Field {
  value: PyValue;
  line: number;
}

function fieldOf(statement: LogicalLine, attribute: RegExpExecArray, lines: LineIndex): Field {
  const offset = statement.start + attribute[0].length;
  return { value: pyValue(statement.text.slice(attribute[0].length), offset), line: lines.line(statement.start) };
}

// How many names a value is followed through (`A = B`, `B = [...]`): a chain longer than this is left unread.
const MAX_NAMES = 8;

/** A field with the module's names in its value replaced by what they are bound to (a literal; names are left as they are). */
function resolveField(field: Field, module: ReadonlyMap<string, Field>): Field {
  const resolve = (value: PyValue, depth: number): PyValue => {
    if (!value || depth > MAX_NAMES) return value;
    if ('name' in value) {
      const bound = module.get(value.name);
      return bound ? resolve(bound.value, depth + 1) : value;
    }
    if ('list' in value) return { list: value.list.map((item) => resolve(item, depth)) };
    if ('dict' in value) return { dict: value.dict.map(([key, item]): [PyValue, PyValue] => [resolve(key, depth), resolve(item, depth)]) };
    return value;
  };
  return { value: resolve(field.value, 0), line: field.line };
}

/** The in-file classes a class derives from, each once (a base of another module is none of them). */
function ancestors(pyClass: PyClass, classes: ReadonlyMap<string, PyClass>, seen = new Set<string>([pyClass.name])): PyClass[] {
  return pyClass.bases.flatMap((base) => {
    const found = classes.get(base);
    if (!found || seen.has(base)) return [];
    seen.add(base);
    return [found, ...ancestors(found, classes, seen)];
  });
}

/** Whether a class derives from pypanther's Rule, itself or through classes of the file. */
function derivesFromRule(pyClass: PyClass, classes: ReadonlyMap<string, PyClass>): boolean {
  return [pyClass, ...ancestors(pyClass, classes)].some((found) => found.bases.some((base) => RULE_BASES.has(base)));
}

function hasRuleMethod(pyClass: PyClass, classes: ReadonlyMap<string, PyClass>): boolean {
  return [pyClass, ...ancestors(pyClass, classes)].some((found) => found.ruleMethod);
}

/** A class's fields: its own, then those it inherits from the file's classes, the first base's before the next's (as Python looks them up). */
function inheritedFields(chain: PantherClass['chain']): Map<string, Field> {
  const fields = new Map<string, Field>();
  for (const found of chain) for (const [name, field] of found.fields) if (!fields.has(name)) fields.set(name, field);
  return fields;
}

/** What every detection of a module is read with: its lines, its file, the names it imports, the file's name. */
interface ModuleContext {
  lines: LineIndex;
  file: string;
  imported: ReadonlySet<string>;
  name: string;
}

/** One pypanther rule class as a Panther detection. */
function ruleClass(pyClass: PantherClass, context: ModuleContext): RuleOutcome {
  const fields = inheritedFields(pyClass.chain);
  if (!fields.has('reports') && !pyClass.derives) {
    const { base } = pyClass;
    const textOf = (found: Field | undefined) => (found?.value && 'str' in found.value ? found.value.str.trim() : undefined);
    const name = textOf(fields.get('display_name') ?? fields.get('displayname')) || textOf(fields.get('id') ?? fields.get('ruleid')) || pyClass.name;
    return {
      ignored: { line: pyClass.line, name, reason: `derives from ${base}, of another module, whose fields (its ATT&CK mapping among them) are not read here; set reports in the class to count it` },
    };
  }
  return pantherRule(fields, { name: pyClass.name, line: pyClass.line, apps: pyClass.apps ?? [] }, context, CLASS_SYNTAX);
}

/** How a pypanther class writes what a message tells the author to write. */
const CLASS_SYNTAX: PantherFields['syntax'] = {
  disabled: 'enabled = False',
  signalsOnly: 'create_alert = False',
  claim: (ids) => `add ${ids.map((id) => `"TA0000:${id}"`).join(', ')} to reports["MITRE ATT&CK"], each after its tactic (TA0006:T1110)`,
};

/** How a detection.Rule(...) call of the Panther SDK writes it. */
const SDK_SYNTAX: PantherFields['syntax'] = {
  disabled: 'enabled=False',
  signalsOnly: 'create_alert=False',
  claim: (ids) => `add ${ids.map((id) => `"TA0000:${id}"`).join(', ')} to reports={detection.ReportKeyMITRE: [...]}, each after its tactic (TA0006:T1110)`,
};

// The key of a report mapping that holds its ATT&CK items: "MITRE ATT&CK", or the SDK's constant for it.
const MITRE_KEY = (key: PyValue): boolean => (key !== undefined && 'str' in key && /^mitre att&ck$/i.test(key.str.trim())) || (key !== undefined && 'name' in key && /(?:^|\.)ReportKeyMITRE$/.test(key.name));

/**
 * A Panther detection from the fields a pypanther class or a detection.Rule(...) call sets, by pypanther's names
 * (`id`, `display_name`, `default_severity`, …; those of its first releases, RuleID, DisplayName, Severity, lower-cased),
 * named `place.name` when it sets neither name nor id.
 */
function pantherRule(fields: ReadonlyMap<string, Field>, place: { name: string; line: number; apps?: readonly string[] }, context: ModuleContext, syntax: PantherFields['syntax']): RuleOutcome {
  const { lines, file, imported } = context;
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  const field = (...names: string[]) => names.map((name) => fields.get(name)).find((found) => found !== undefined);
  const text = (found: Field | undefined, what: string): string | undefined => {
    if (!found) return undefined;
    const value = found.value;
    if (value && 'str' in value) return value.str;
    // A member of an enumeration (Severity.HIGH, the SDK's detection.SeverityHigh) names its value; a bare name is a
    // variable not bound in the module.
    if (value && 'name' in value && value.name.includes('.')) return value.name.replace(/^.*\./, '').replace(/^Severity(?=[A-Z])/, '');
    notes.push({ line: found.line, message: `${what} is not written as text here (${unreadWhy(value, imported)}); it is not read` });
    return undefined;
  };
  const id = text(field('id', 'ruleid'), 'the rule id');
  const display = text(field('display_name', 'displayname'), 'display_name');
  const nameField = field('display_name', 'displayname') ?? field('id', 'ruleid');
  const name = display?.trim() || id?.trim() || place.name;
  const reports = field('reports');
  const mitre: { text: string; line: number }[] = [];
  const reported = reports?.value;
  if (reported && 'dict' in reported) {
    const items = reported.dict.find(([key]) => MITRE_KEY(key))?.[1];
    for (const item of items && 'list' in items ? items.list : []) if (item && 'str' in item) mitre.push({ text: item.str, line: item.line ?? lines.line(item.at) });
  } else if (reports && !(reported && 'str' in reported && reported.str.trim() === '')) {
    // An empty text (the SDK's `reports=""`) reports nothing, as an empty mapping does.
    notes.push({ line: reports.line, message: `reports is not written as a mapping of lists here (${unreadWhy(reported, imported)}); its ATT&CK mapping is not read` });
  }
  const severity = field('default_severity', 'severity');
  const enabled = field('enabled');
  const createAlert = field('create_alert', 'createalert');
  const status = text(field('status'), 'status');
  const logTypes = field('log_types', 'logtypes');
  const reference = text(field('default_reference', 'reference'), 'the reference');
  const logTypeList = logTypeNames(logTypes, imported, notes);
  const mailData = place.apps?.includes('gmail') ? pantherGmailData(logTypeList) : [];
  const outcome = pantherDetection(
    {
      name: { text: name, line: nameField?.line ?? place.line },
      line: place.line,
      ...(id !== undefined ? { id } : {}),
      type: 'rule',
      ...(enabled?.value && 'name' in enabled.value && enabled.value.name === 'False' ? { disabled: enabled.line } : {}),
      ...(createAlert?.value && 'name' in createAlert.value && createAlert.value.name === 'False' ? { signalsOnly: createAlert.line } : {}),
      mitre,
      ...(severity ? { severity: { text: text(severity, 'the severity'), line: severity.line } } : {}),
      ...(status ? { status } : {}),
      logTypes: logTypeList,
      ...(mailData.length ? { mailData } : {}),
      ...(place.apps?.length ? { workspaceApps: [...place.apps] } : {}),
      references: reference !== undefined ? [{ text: reference, line: field('default_reference', 'reference')!.line }] : [],
      syntax,
    },
    file,
  );
  return notes.length ? { ...outcome, notes: [...notes, ...(outcome.notes ?? [])] } : outcome;
}

/**
 * The log types a detection lists: a text, or a member of an enumeration (LogType.OKTA_SYSTEM_LOG,
 * schema.LogTypeOktaSystemLog) by its member's name; a name not bound in the module (imported) is noted and left out.
 */
function logTypeNames(found: Field | undefined, imported: ReadonlySet<string>, notes: Omit<CoverageProblem, 'file' | 'skipped'>[]): string[] {
  const value = found?.value;
  if (!found || !value || !('list' in value)) return [];
  return value.list.flatMap((item) => {
    if (item && 'str' in item) return [item.str];
    if (item && 'name' in item && item.name.includes('.')) return [item.name.replace(/^.*\./, '')];
    notes.push({ line: found.line, message: `a log type is not written as text here (${unreadWhy(item, imported)}); it is not read` });
    return [];
  });
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

/**
 * A Python expression's value, as far as pyValue reads one (whole text only: anything left over makes it
 * unreadable); `offset` is where the text starts in the file, so that a string's `at` is its place in the file.
 */
function pyValue(source: string, offset: number): PyValue {
  const parser = { text: source, at: 0 };
  const value = parseValue(parser);
  skipSpace(parser);
  return parser.at === parser.text.length ? shifted(value, offset) : undefined;
}

function shifted(value: PyValue, offset: number): PyValue {
  if (!value) return value;
  if ('str' in value) return { str: value.str, at: value.at + offset };
  if ('list' in value) return { list: value.list.map((item) => shifted(item, offset)) };
  if ('dict' in value) return { dict: value.dict.map(([key, item]): [PyValue, PyValue] => [shifted(key, offset), shifted(item, offset)]) };
  return value;
}

/** Why a value is not read: a name the module imports, or one it does not bind before (a function's own), or a call or expression. */
function unreadWhy(value: PyValue, imported: ReadonlySet<string>): string {
  if (value && 'str' in value) return `the text "${value.str}"`;
  if (!value || !('name' in value)) return 'a call or an expression';
  return imported.has(value.name.replace(/\..*$/, ''))
    ? `${value.name}, a name not bound to a value in this module (imported from another)`
    : `${value.name}, a name the module binds to no value before it (a function's parameter or its own)`;
}

/** The names a module's import statements bind (`from x import A, B as C`: A, C; `import a.b`: a), at any indentation. */
function importedNames(logical: readonly LogicalLine[]): Set<string> {
  return new Set(importsOf(logical).map(({ bound }) => bound));
}

/** The names bound by importing another (`from x import B as C`: C to B). */
function importAliases(logical: readonly LogicalLine[]): Map<string, string> {
  return new Map(importsOf(logical).flatMap(({ bound, name }) => (name !== bound ? [[bound, name] as const] : [])));
}

/** Each name a module's import statements bind, and the name it imports (the first part of a dotted one). */
function importsOf(logical: readonly LogicalLine[]): { bound: string; name: string }[] {
  const out: { bound: string; name: string }[] = [];
  for (const { text } of logical) {
    const statement = /^(?:from[ \t]+[\w.]+[ \t]+)?import[ \t]+\(?([^)]*)\)?$/.exec(text);
    for (const part of statement?.[1]?.split(',') ?? []) {
      const name = /^\s*(\w+)/.exec(part)?.[1];
      const bound = /(?:^|\s)as\s+(\w+)\s*$/.exec(part)?.[1] ?? name;
      if (bound && name) out.push({ bound, name });
    }
  }
  return out;
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
