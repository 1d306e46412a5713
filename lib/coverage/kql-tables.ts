/**
 * The tables a KQL (Kusto) query reads, for classing a Sentinel rule or a KQL query of a rules library by what it needs
 * collected (stated-log-sources.ts). A query reads a table where a tabular expression starts with its name: at the
 * start of a statement, inside parentheses, in a `union` list (`union DeviceProcessEvents, DeviceNetworkEvents`,
 * `union isfuzzy=true (SecurityEvent | …), (DeviceProcessEvents | …)`), a `search in (SecurityEvent, Syslog)` list, or
 * as the argument of `join` or `lookup`; a name bound by `let` reads the tables of its expression, and a `let`
 * function called with a table's name (`aadFunc("SigninLogs")`) its body with that table where it reads `table(tableName)`.
 *
 * The tables come in groups: a union's tables are alternatives (its rows come from each, so the query finds what it
 * looks for in any one collected), one group; a `join` or `lookup` matches the rows of both sides, so each side is a
 * group of its own, and the query needs one table of every group (Azure-Sentinel's
 * `Detections/MultipleDataSources/NetworkEndpointCorrelation.yaml`: `CommonSecurityLog | … | join (endpointData)`,
 * `endpointData` a `let` of `SecurityEvent`, needs both). A union's branch that needs more than its rows is one
 * alternative whole (unionGroups: `union (SecurityEvent | join (Syslog) on Computer), WindowsEvent` needs SecurityEvent or
 * WindowsEvent, and Syslog or WindowsEvent). A subquery a row is matched against (`where UserPrincipalName
 * in ((AuditLogs | … | project …))`, `has_any (…)`) or that `toscalar(…)` or `materialize(…)` reads in the
 * middle of an expression is read too, a group of its own as a join's side. Column names, functions (`materialize(…)`,
 * `ago(…)`), names a `let` binds to a scalar (`let AccountAllowList = dynamic([…])`) and what strings and comments hold
 * are not tables.
 *
 * A table that only leaves rows out is read, and said optional, as the rule runs without it (with more false positives):
 * the right side of an anti-join (`join kind=leftanti (DeviceNetworkInfo | …) on …`, Microsoft-365-Defender-Hunting-Queries'
 * `Lateral Movement/Device Logons from Unknown IPs.csl`) is `DeviceNetworkInfo (optional: leftanti join)`, a `!in`
 * subquery's table `AuditLogs (optional: !in subquery)`, and so is an `in` subquery's inside `not(…)` (`AuditLogs
 * (optional: not in subquery)`); a table the query needs anyway is not said again. An excluding subquery or-ed with an
 * `in` one (`IP in (a) or IP !in (b)`) is no alternative to it. A `rightanti` join (alias `rightantisemi`) keeps the
 * rows of its right side that match none of its left, the mirror of `leftanti` (Kusto's "rightanti join": "returns all
 * records from the right side that don't match any record from the left side"): the left side, every table read before
 * the join in its pipeline, is optional (`rightanti join`) and the right side takes its place, an alternative of the same
 * group. A `leftouter` join, and a `lookup` (leftouter unless `kind=inner`), keeps every row of its left side, with
 * the right side's columns empty where none matches (Kusto's "lookup operator"): the right side is optional (`IdentityInfo
 * (optional: leftouter lookup)`), unless a later `where` of the pipeline keeps only the rows it matched, testing a column
 * it brings so that an empty value fails (`isnotempty(DataType)`, `Department != ""`, `Tags has "VIP"`, `Count > 2`; a
 * join's key as its right copy, `AccountUPN1`), as Azure-Sentinel's `RareDNSLookupWithDataTransfer.yaml` does (a
 * side that brings all its columns brings, of the names it reads, those it makes, or any the left has not where the
 * left's are told: outerColumns);
 * `Column != 0` lets a null through (Kusto: null and a value are unequal); a test inside an `or` counts only where every
 * branch keeps the column so, and an `or` whose branches each keep a column of another leftouter side makes those sides
 * alternatives, one needed (eitherSide). A `rightouter` join is its mirror: the left
 * side, every table read before the join in its pipeline, is optional (`rightouter join`) and the right side takes its
 * place, unless a later `where` tests a column the right side does not bring (`Status.errorCode in (…)` after
 * `SigninLogs | join kind=rightouter UserData`). A `fullouter` join keeps the rows of both sides, so either side alone
 * gives rows: the right side's tables are alternatives of the left's. Other joins need their tables: `inner`,
 * `innerunique` (the default), `leftsemi` and `rightsemi` keep only the rows of one side that match the other, so both
 * sides are needed; so do `in (…)` subqueries.
 * A Defender ATP table of before December 2019 is read as the table it became (`LogonEvents` `DeviceLogonEvents (renamed from LogonEvents)`, RENAMED_TABLES);
 * `DeviceAlertEvents`, which Microsoft replaced by `AlertInfo` and `AlertEvidence` (REPLACED_TABLES), as both, joined.
 * An ASIM parser read as a table (`_Im_NetworkSession`, `imDns`, `ASimAuthentication`, `vimDnsMicrosoftOMS`) is said
 * with the normalized schema it reads (`_Im_NetworkSession (ASIM NetworkSession schema)`): it holds whatever sources the
 * workspace normalizes to that schema, no table of its own (read-siem-rule.ts reads a Sentinel rule's `dataTypes` for it).
 *
 * A query Kusto refuses (a literal that runs into its line's end) is read up to the fault, and kqlQueryCut says where.
 *
 * A table of Windows events is read as narrowly as the query filters it: `SecurityEvent | where EventID == 4688` is
 * `SecurityEvent (EventID 4688)`, `EventID in (4624, 4625)` `SecurityEvent (EventID 4624 or 4625)` (a filter of the
 * pipeline that starts with the table, before any join or union, a conjunct of its `where`, or an `or` of such tests;
 * `EventID != …` narrows nothing); `WindowsEvent` and `Event` also by the channel their `Channel` or `EventLog` column
 * names, or Sysmon's provider (`Provider`, `Source` `Microsoft-Windows-Sysmon`): `WindowsEvent
 * (Microsoft-Windows-Sysmon/Operational EventID 1)`. stated-log-sources.ts maps that to the events it names.
 */

/** Groups of table names in the order the query first reads them: one table of every group is needed, any of one group. */
export type KqlTableGroups = string[][];

/** A table as a query reads it: with the events and channel its filters narrow it to, for tables of Windows events. */
interface TableRead {
  table: string;
  eventIds?: string[];
  channel?: string;
  /** The name the query gives, when Defender renamed the table since (`LogonEvents` for `DeviceLogonEvents`). */
  renamedFrom?: string;
  /** The table the query names, when Microsoft replaced it by this one and others (`DeviceAlertEvents` by `AlertInfo` and `AlertEvidence`). */
  replaces?: string;
  /** The ASIM schema of a parser read as a table (`NetworkSession` for `_Im_NetworkSession`). */
  asim?: string;
  /** Why the query runs without it: it only leaves rows out (`leftanti join`, `!in subquery`). */
  optional?: string;
}

type Reads = TableRead[][];

// Operators whose argument list starts tabular expressions, and words at a start that are no table.
const NOT_TABLES = new Set(['union', 'search', 'print', 'datatable', 'range', 'let', 'set', 'declare', 'find', 'evaluate', 'externaldata', 'true', 'false']);

// Tables of Windows events, with the columns that name their channel and provider (SecurityEvent: Security's only).
const EVENT_TABLES: Readonly<Record<string, { channel: string; provider: string } | undefined>> = {
  SecurityEvent: undefined,
  WindowsEvent: { channel: 'Channel', provider: 'Provider' },
  Event: { channel: 'EventLog', provider: 'Source' },
};
/**
 * Defender ATP's advanced hunting tables as named before the schema changes of December 2019, each with the one name it
 * took, as MicrosoftDocs/windows-itpro-docs issue #5789 and PR #5792 list them from Microsoft's announcement
 * ("Advanced hunting data schema changes", techcommunity.microsoft.com, ba-p/1043914), which the docs' schema reference
 * links as "Advanced hunting schema changes (December, 2019)".
 */
const RENAMED_TABLES: Readonly<Record<string, string>> = {
  AlertEvents: 'DeviceAlertEvents',
  MachineInfo: 'DeviceInfo',
  MachineNetworkInfo: 'DeviceNetworkInfo',
  ProcessCreationEvents: 'DeviceProcessEvents',
  NetworkCommunicationEvents: 'DeviceNetworkEvents',
  FileCreationEvents: 'DeviceFileEvents',
  RegistryEvents: 'DeviceRegistryEvents',
  LogonEvents: 'DeviceLogonEvents',
  ImageLoadEvents: 'DeviceImageLoadEvents',
  MiscEvents: 'DeviceEvents',
};

/**
 * Defender tables Microsoft replaced by several, each needed: "The AlertInfo and AlertEvidence tables replace the
 * DeviceAlertEvents table in the Microsoft Defender for Endpoint schema" (learn.microsoft.com, "Migrate advanced hunting
 * queries from Microsoft Defender for Endpoint", as MicrosoftDocs/microsoft-365-docs issue #9316 and PR #9338 quote it);
 * microsoft/Microsoft-365-Defender-Hunting-Queries PR #327 rewrote its queries so: `AlertInfo | join AlertEvidence on AlertId`.
 */
const REPLACED_TABLES: Readonly<Record<string, readonly string[]>> = {
  DeviceAlertEvents: ['AlertInfo', 'AlertEvidence'],
};

/**
 * ASIM parsers (Microsoft Sentinel's Advanced Security Information Model), by the names the ASIM documentation gives
 * them: the unifying `_Im_<Schema>` and `_ASim_<Schema>` built in, `im<Schema>` and `ASim<Schema>` deployed to a workspace,
 * and source-specific ones (`_Im_Dns_AzureFirewallV02`, `vimDnsMicrosoftOMS`, `ASimDnsMicrosoftOMS`); `ASim…Logs` are
 * tables (`ASimDnsActivityLogs`, normalized at ingestion), not parsers. Older rules call the workspace parsers by their
 * first names, each its schema's (ASIM_ALIASES: Azure-Sentinel's `PersistViaIFEORegistryKey.yaml` reads `imRegistry`,
 * `PotentialMicrosoftSecurityServicesTampering.yaml` `imProcessCreation`).
 */
const ASIM_SCHEMAS = ['Authentication', 'Dns', 'FileEvent', 'NetworkSession', 'ProcessEvent', 'ProcessCreate', 'ProcessTerminate', 'RegistryEvent', 'WebSession', 'AuditEvent', 'UserManagement', 'DhcpEvent', 'AlertEvent'];
const ASIM_ALIASES: Readonly<Record<string, string>> = { processcreation: 'ProcessCreate', process: 'ProcessEvent', registry: 'RegistryEvent', dhcp: 'DhcpEvent' };
// Longest first, so that `imRegistryEvent` reads RegistryEvent, not Registry and a suffix.
const ASIM_NAMES = [...ASIM_SCHEMAS, ...Object.keys(ASIM_ALIASES)].sort((a, b) => b.length - a.length);
const ASIM_PARSER = new RegExp(`^(?:_Im_|_ASim_|im|ASim|vim)(${ASIM_NAMES.join('|')})(?:_?[A-Z]\\w*)?$`, 'i');

/** The ASIM schema a parser's name reads (as the documentation spells it, whatever the name's case), undefined for a name of no parser. */
function asimSchema(name: string): string | undefined {
  if (/^ASim\w*Logs$/i.test(name)) return undefined;
  const schema = name.match(ASIM_PARSER)?.[1]?.toLowerCase();
  if (schema === undefined) return undefined;
  return ASIM_ALIASES[schema] ?? ASIM_SCHEMAS.find((known) => known.toLowerCase() === schema);
}

/** Whether a table as kqlTableGroups writes it is one the query runs without (`DeviceNetworkInfo (optional: leftanti join)`). */
export function isOptionalRead(text: string): boolean {
  return / \(optional: [^)]*\)$/.test(text);
}

/** Whether a table as kqlTableGroups writes it is an ASIM parser read (`_Im_NetworkSession (ASIM NetworkSession schema)`). */
export function isAsimRead(text: string): boolean {
  return asimReadOf(text) !== undefined;
}

/** The parser and schema of an ASIM parser read as kqlTableGroups writes it (`_Im_NetworkSession`, `NetworkSession`), undefined for a table. */
export function asimReadOf(text: string): { parser: string; schema: string } | undefined {
  const [, parser, schema] = text.match(/^(\w+) \(ASIM (\w+) schema\)$/) ?? [];
  return parser && schema ? { parser, schema } : undefined;
}

/**
 * The reads of a table the query names, by its current name: in groups, each needed, as a join's sides (one table but
 * for one Microsoft replaced by several).
 */
function tableReads(name: string): TableRead[][] {
  const schema = asimSchema(name);
  if (schema) return [[{ table: name, asim: schema }]];
  const renamed = Object.hasOwn(RENAMED_TABLES, name) ? RENAMED_TABLES[name] : undefined;
  const current = renamed ?? name;
  const replacing = Object.hasOwn(REPLACED_TABLES, current) ? REPLACED_TABLES[current] : undefined;
  if (replacing) return replacing.map((table) => [{ table, replaces: name === current ? name : `${current}, formerly ${name}` }]);
  return [[renamed ? { table: renamed, renamedFrom: name } : { table: name }]];
}

// A provider that is one channel's only: Sysmon's.
const PROVIDER_CHANNELS: Readonly<Record<string, string>> = { 'microsoft-windows-sysmon': 'Microsoft-Windows-Sysmon/Operational' };

/**
 * Where Kusto would refuse a query, read only up to there (kqlTableGroups): the line (1-based, of the query) where a
 * string literal opens that runs into its line's end, and why; undefined for a query without such a fault.
 */
export function kqlQueryCut(query: string): { line: number; why: string } | undefined {
  const { cut } = codeOf(query);
  return cut === undefined ? undefined : { line: query.slice(0, cut).split('\n').length, why: 'unterminated string' };
}

/**
 * The query without its comments (each a space) and with each string literal as a token `"<n>"`, `strings[n]` its text,
 * as the Kusto documentation writes them; up to a literal that runs into its line's end (`cut`, where it opens).
 */
function codeOf(query: string): { code: string; strings: string[]; cut?: number } {
  let out = '';
  const strings: string[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query[at]!;
    if (query.startsWith('//', at)) {
      const end = query.indexOf('\n', at);
      at = end === -1 ? query.length : end;
      out += ' ';
    } else if (query.startsWith('```', at)) {
      const end = query.indexOf('```', at + 3);
      strings.push(query.slice(at + 3, end === -1 ? query.length : end));
      at = end === -1 ? query.length : end + 3;
      out += ` "${strings.length - 1}" `;
    } else if (char === '"' || char === "'" || (char === '@' && (query[at + 1] === '"' || query[at + 1] === "'"))) {
      const verbatim = char === '@';
      const quote = verbatim ? query[at + 1]! : char;
      const opens = at;
      at += verbatim ? 2 : 1;
      let text = '';
      let closed = false;
      while (at < query.length && query[at] !== '\n') {
        if (!verbatim && query[at] === '\\') {
          text += query[at + 1] ?? '';
          at += 2;
        } else if (query[at] === quote && verbatim && query[at + 1] === quote) {
          text += quote;
          at += 2;
        } else if (query[at] === quote) {
          at += 1;
          closed = true;
          break;
        } else {
          text += query[at];
          at += 1;
        }
      }
      // Kusto allows no line break in a literal, and refuses a query whose literal runs into one
      // (PersistViaIFEORegistryKey.yaml's `has_all ("\REGISTRY\MACHINE, "Image File Execution Options")`): it is read
      // up to there, the expressions open there closed as they stand; no table is guessed past the fault.
      if (!closed) return { code: out, strings, cut: opens };
      strings.push(text);
      out += ` "${strings.length - 1}" `;
    } else {
      out += char;
      at += 1;
    }
  }
  return { code: out, strings };
}

const TOKEN = /"\d+"|!?[A-Za-z_][\w.]*~?|\d[\w.]*|==|=~|!=|!~|[()|,;=]|\S/g;

/** The table groups a KQL query reads (empty when it reads none that is told, as `print 1`). */
export function kqlTableGroups(query: string): KqlTableGroups {
  const { code, strings } = codeOf(query);
  const lets = new Map<string, string[]>();
  const groups: Reads = [[]];
  // The expressions being read, so that one naming itself reads nothing more; by expression, not name, as a function's
  // body may bind a name of its own that the query binds too (AADAWSConsoleCorrelation.yaml's `Suspicious_signins`).
  const resolving = new Set<readonly string[]>();
  const context: Context = {
    strings,
    lets,
    letGroups: (name, args) => {
      const tokens = lets.get(name);
      if (!tokens) return undefined;
      if (resolving.has(tokens)) return [];
      resolving.add(tokens);
      // A function body's own `let` statements are its own: the query's names are as they were after it.
      const outer = new Map(lets);
      const found = tableGroups(args ? withTableArguments(tokens, args, strings) : tokens, context);
      lets.clear();
      for (const [key, value] of outer) lets.set(key, value);
      resolving.delete(tokens);
      return found;
    },
  };
  for (const tokens of statements(code.match(TOKEN) ?? [])) {
    if (tokens[0] === 'let' && tokens[1] && tokens[2] === '=') {
      lets.set(tokens[1], tokens.slice(3));
      continue;
    }
    if (!tokens.length || tokens[0] === 'set' || tokens[0] === 'declare') continue;
    merge(groups, tableGroups(tokens, context));
  }
  // A table the query needs anyway is not said again where it only leaves rows out.
  const needed = new Set(groups.flat().flatMap((read) => (read.optional ? [] : [read.table])));
  const texts = groups.map((group) => [...new Set(group.filter((read) => !read.optional || !needed.has(read.table)).map(readText))]).filter((group) => group.length);
  // A table read alike on both sides of a join (`SigninLogs | … | join (SigninLogs | …)`) is needed once.
  return texts.filter((group, index) => texts.findIndex((other) => other.join('\u0000') === group.join('\u0000')) === index);
}

/** A query's tokens split into its statements: at each `;` outside parentheses and braces (a `let` function's body keeps its own). */
function statements(tokens: readonly string[]): string[][] {
  const found: string[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token === '(' || token === '{' || token === '[') depth += 1;
    else if (token === ')' || token === '}' || token === ']') depth = Math.max(0, depth - 1);
    if (token === ';' && depth === 0) found.push([]);
    else found[found.length - 1]!.push(token);
  }
  return found;
}

/**
 * How a table read is written: `SecurityEvent`, `SecurityEvent (EventID 4624 or 4625)`, `WindowsEvent
 * (Microsoft-Windows-Sysmon/Operational EventID 1)`, `DeviceLogonEvents (renamed from LogonEvents)`, `DeviceNetworkInfo
 * (optional: leftanti join)`.
 */
function readText({ table, eventIds, channel, renamedFrom, replaces, asim, optional }: TableRead): string {
  const narrowed = [channel, eventIds?.length ? `EventID ${eventIds.join(' or ')}` : undefined].filter(Boolean).join(' ');
  const said = [
    narrowed ? `${table} (${narrowed})` : table,
    renamedFrom ? `(renamed from ${renamedFrom})` : undefined,
    replaces ? `(replaces ${replaces})` : undefined,
    asim ? `(ASIM ${asim} schema)` : undefined,
    optional ? `(optional: ${optional})` : undefined,
  ];
  return said.filter(Boolean).join(' ');
}

/** Add groups to groups, the first into the first (alternatives of one expression), each other as its own. */
function merge(into: Reads, from: Reads): void {
  for (const [index, group] of from.entries()) {
    if (index === 0) into[0]!.push(...group);
    else if (group.length) into.push([...group]);
  }
}

interface Context {
  strings: readonly string[];
  /** The query's `let` names, and those of a function body's own `let` statements once read. */
  lets: Map<string, string[]>;
  /**
   * The groups a `let` name reads (fresh reads each time), undefined for a name no `let` binds; for a function's call,
   * with the tables its arguments name read where its body reads `table(<parameter>)`.
   */
  letGroups: (name: string, args?: readonly string[][]) => Reads | undefined;
}

/** An open parenthesis (or the statement): where its expression's tables go, and the reads its filters narrow. */
interface Frame {
  group: number;
  /** A union's or search's list, whose items each start an expression. */
  list: boolean;
  /** A subquery a row is matched against (`in (…)`): only a name a pipe follows is a table. */
  subquery: boolean;
  /** Whether a test in it holds when a row is left out: inside an odd number of `not(…)` of its condition. */
  negated: boolean;
  /** Whether its reads are its parent's too (the expression starts with it: a union's item, `(SecurityEvent | …)`). */
  joinsParent: boolean;
  /** The tables its pipeline starts with, which a `where` of the pipeline narrows until a join or union. */
  reads: TableRead[];
  joined: boolean;
  /** Where its expression's reads start: the first of its group's reads, and the first group opened, that are its own. */
  firstRead: number;
  firstGroup: number;
  /** In a union's or search's list, where each item's reads start: in the list's group, and among the groups (unionGroups). */
  items?: { read: number; group: number }[];
  /** The first group opened inside it. */
  openedFrom: number;
  /** The sides of its `leftouter` joins and lookups, optional until a later `where` of its pipeline filters on their columns. */
  outerSides?: OuterSide[];
  /** The left sides of its `rightouter` joins, optional until a later `where` filters on a column their right side does not bring. */
  leftSides?: LeftSide[];
  /** Of its last `summarize`, each `countif` count with the columns its condition keeps non-empty (countedColumns). */
  counts?: Map<string, string[]>;
}

/** A `join kind=rightouter`'s left side: its reads and groups made optional, why, and its right side's columns and end. */
interface LeftSide {
  reads: TableRead[];
  groups: number[];
  why: string;
  columns: Set<string>;
  end: number;
  /**
   * Where the right side brings all its columns (no project last), the columns surely the left's (its output, or the
   * names its pipeline reads), as Kusto keeps the left's name where both sides have a column: only a test of one of
   * those needs the left.
   */
  leftColumns?: Set<string>;
}

/**
 * A `join kind=leftouter` or `lookup` side: its group, why it is optional, the columns it brings (the names its
 * expression reads but the pipeline before it does not, and a join's key columns suffixed `1`, as Kusto names the
 * right side's copy), and where its expression ends (its `on`), with the groups opened up to there, its own.
 */
interface OuterSide {
  group: number;
  why: string;
  columns: Set<string>;
  end: number;
  groupsEnd?: number;
  /** Where the side brings all its columns and the left's are told (its last operator names them), those: any other column the side's. */
  allBut?: Set<string>;
}

// What an expression with rows starts at: a function of one tabular argument, a membership test's subquery.
const TABULAR_FUNCTION = /^(?:materialize|toscalar|view)$/i;
const MEMBERSHIP = /^!?(?:in|has_any|has_all)~?$/i;
// Joins whose rows are the left side's that match no row of the right: the right side only leaves rows out.
const ANTI_JOIN = /^(?:leftanti|anti|leftantisemi)$/i;
// Joins whose rows are the right side's that match no row of the left: the left side only leaves rows out.
const RIGHT_ANTI_JOIN = /^(?:rightanti|rightantisemi)$/i;
// Joins that keep every row of the right side, its columns filled from the left where a row matches: the left side is
// optional, the mirror of leftouter.
const RIGHT_OUTER_JOIN = /^rightouter$/i;
// Joins that keep every row of both sides, matched or not: either side alone gives rows, each an alternative of the other.
const FULL_OUTER_JOIN = /^fullouter$/i;
// Joins that keep every row of the left side, its columns filled from the right where a row matches: the right side
// is optional (a lookup's default kind).
const OUTER_JOIN = /^leftouter$/i;
// Tests a row whose column is empty or null fails (`where isnotempty(Department)`, `Department != ""`, `Tags has "VIP"`,
// `SignInTime between (a .. b)`),
// by the operator after the column; `!=` only against `""`, as a null differs from any value.
const FILTERING_TEST = /^(?:==|=~|in~?|has\w*|contains\w*|startswith\w*|endswith\w*|matches|between|>|<)$/i;
// Operators after which the pipeline's rows are no longer its first tables' alone.
const MIXING = /^(?:join|lookup|union|fork|facet|as)$/i;

/**
 * The groups of one tabular statement's tokens: tables at each expression start go to the group of their parentheses,
 * a `join` or `lookup` argument, or a subquery in the middle of an expression, opening a group of its own; a `let` name
 * read there brings its own groups.
 */
function tableGroups(tokens: readonly string[], context: Context): Reads {
  const groups: Reads = [[]];
  const stack: Frame[] = [{ group: 0, list: false, subquery: false, negated: false, joinsParent: false, reads: [], joined: false, firstRead: 0, firstGroup: 1, openedFrom: 1 }];
  let start = true;
  let pendingGroup: number | undefined;
  let searchList = false;
  // The last membership subquery closed: where its `)` is, its group, and whether it leaves rows out.
  let lastMembership: { close: number; group: number; excluding: boolean } | undefined;
  // Groups the query runs without, with why: an anti-join's side, a `!in` subquery, and the groups read inside them.
  const optional = new Map<number, string>();
  // The groups of membership subqueries that leave rows out (`!in (…)`, `not(… in (…))`).
  const excludingGroups = new Set<number>();
  // Open a group inside the group given, optional where that one is (or for the reason given).
  const openGroup = (inside: number, reads: TableRead[] = [], why = optional.get(inside)): number => {
    groups.push(reads);
    if (why) optional.set(groups.length - 1, why);
    return groups.length - 1;
  };
  // A table named, into the group given (and the pipeline's reads a filter narrows); a table Microsoft replaced by
  // several (`DeviceAlertEvents`) into it and groups of their own, each needed.
  const addTable = (name: string, group: number, reads: TableRead[]): void => {
    const [first = [], ...others] = tableReads(name);
    groups[group]!.push(...first);
    reads.push(...first);
    for (const other of others) openGroup(group, other);
  };
  // The groups a let name or call brings besides its rows', each its own (a union's list distributes them, unionGroups).
  const openOthers = (group: number, others: Reads): void => {
    for (const other of others) openGroup(group, [...other]);
  };
  // The groups unionGroups opened, each one choice of its items' needs: left out where another group asks no more.
  const choiceGroups = new Set<number>();
  // A group the rule runs without: only optional reads, or inside what only leaves rows out.
  // Whether a leftouter side brings a column a `where` at `at` tests: one it names, or, where it brings all its columns
  // and the left's are told, any the left has not (Kusto names the right's copy of a shared column `…1`), as long as
  // only filters came since the join (a later `extend` or `summarize` makes columns of its own).
  const brings = (side: OuterSide, column: string, at: number): boolean =>
    side.columns.has(column) || (side.allBut !== undefined && !side.allBut.has(column) && !context.lets.has(column) && onlyFilters(tokens, side.end, at));
  const runsWithout = (group: number): boolean => optional.has(group) || groups[group]!.every((read) => read.optional);
  // Where a union's or search's list ends: its rows are any item's, and each item needs the groups it opened besides
  // (its joins' sides, its subqueries), so the list needs, for every choice of one of each item's needs (its rows, or one
  // of its groups), one table of the choices: `union (SecurityEvent | join (Syslog) on A), DeviceProcessEvents` needs
  // SecurityEvent or DeviceProcessEvents, and Syslog or DeviceProcessEvents (`union DeviceAlertEvents, X`: X, or AlertInfo
  // and AlertEvidence). The rows stay the list's group; a group the rule runs without stays as it is, no alternative.
  const unionGroups = (list: Frame): void => {
    const items = list.items;
    list.items = undefined;
    if (!items) return;
    const rows = groups[list.group]!;
    const shared = rows.slice(0, items[0]!.read);
    const choices = items.map(({ read, group }, index) => {
      const next = items[index + 1];
      const needs: TableRead[][] = [rows.slice(read, next?.read ?? rows.length).filter((each) => !each.optional)];
      for (let each = group; each < (next?.group ?? groups.length); each += 1) if (groups[each]!.length && !runsWithout(each)) needs.push(groups[each]!);
      return { needs, opened: [group, next?.group ?? groups.length] as const };
    });
    const count = choices.reduce((product, { needs }) => product * needs.length, 1);
    if (count === 1 || count > 64) return;
    const clauses: TableRead[][] = [];
    for (let at = 1; at < count; at += 1) {
      let rest = at;
      const clause = [...shared];
      for (const { needs } of choices) {
        clause.push(...needs[rest % needs.length]!);
        rest = Math.floor(rest / needs.length);
      }
      clauses.push(clause);
    }
    for (const { opened: [from, to] } of choices) for (let each = from; each < to; each += 1) if (groups[each]!.length && !runsWithout(each)) groups[each] = [];
    for (const clause of clauses) choiceGroups.add(openGroup(list.group, clause));
  };
  // `| join kind=leftouter (A) … | join kind=leftouter (B) … | where isnotempty(ColumnOfA) or isnotempty(ColumnOfB)`:
  // rows go on where either side matched, so the sides are alternatives, one needed: for every choice of one group of
  // each side (a side may need several, a join of its own), one table of the choice, as a union's branches (unionGroups).
  // Only where each branch of the `or` keeps a column of one side still optional, and the branches name two sides or more.
  const eitherSide = (frame: Frame, branches: readonly Set<string>[], at: number): void => {
    if (branches.length < 2) return;
    const open = (frame.outerSides ?? []).filter((side) => side.groupsEnd !== undefined && optional.get(side.group) === side.why);
    const chosen = branches.map((columns) => open.filter((side) => [...columns].some((column) => brings(side, column, at))));
    if (chosen.some((list) => list.length !== 1)) return;
    const sides = [...new Set(chosen.map((list) => list[0]!))];
    if (sides.length < 2) return;
    const needs = sides.map((side) => {
      const own: number[] = [];
      for (let group = side.group; group < side.groupsEnd!; group += 1) if (optional.get(group) === side.why && groups[group]!.length) own.push(group);
      return own;
    });
    const count = needs.reduce((product, own) => product * own.length, 1);
    if (!count || count > 64) return;
    const clauses: TableRead[][] = [];
    for (let at = 0; at < count; at += 1) {
      let rest = at;
      const clause: TableRead[] = [];
      for (const own of needs) {
        clause.push(...groups[own[rest % own.length]!]!);
        rest = Math.floor(rest / own.length);
      }
      clauses.push(clause);
    }
    for (const group of needs.flat()) {
      groups[group] = [];
      optional.delete(group);
    }
    for (const clause of clauses) choiceGroups.add(openGroup(frame.group, clause, ''));
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const frame = stack[stack.length - 1]!;
    for (const side of frame.outerSides ?? []) if (side.groupsEnd === undefined && i >= side.end) side.groupsEnd = groups.length;
    if (token === '(') {
      // A parenthesis opens a tabular expression where one may start (`(union …)`, a union's `(SecurityEvent | …)`, a
      // join's argument, `materialize(…)`), in a membership test (`in ((AuditLogs | …))`) or search's list; elsewhere
      // (`dynamic([…])`, `count()`) a scalar.
      const previous = tokens[i - 1] ?? '';
      const inner: boolean = !start && pendingGroup === undefined && (TABULAR_FUNCTION.test(previous) || MEMBERSHIP.test(previous));
      const membership = inner && MEMBERSHIP.test(previous);
      // `UserPrincipalName !in ((AuditLogs | …))`, `not(UserPrincipalName in ((AuditLogs | …)))`: the subquery only leaves rows out.
      const excluding = membership && previous.startsWith('!') !== frame.negated ? `${frame.negated ? 'not ' : ''}${previous.toLowerCase()} subquery` : undefined;
      // `IPAddress in (win_fails) or IPAddress in (nix_fails)`: either list lets a row through, one group of alternatives;
      // a list that leaves rows out (`or IPAddress !in (known)`) is no alternative, never needed.
      const orElse = membership && !excluding && !lastMembership?.excluding && lastMembership?.close === i - 4 && tokens[i - 3]?.toLowerCase() === 'or' ? lastMembership.group : undefined;
      // `UserPrincipalName in ((AuditLogs | …)) or ResultType == "50126"`: a row goes on by the other test without the
      // subquery's table, so the query runs without it.
      const orTest = membership && !excluding && orElse === undefined && orEdWithTest(tokens, i - 1) ? `${previous.toLowerCase()} subquery or-ed with a test` : undefined;
      const group = orElse ?? (inner ? openGroup(frame.group, [], excluding ?? orTest ?? optional.get(frame.group)) : (pendingGroup ?? frame.group));
      if (excluding) excludingGroups.add(group);
      // `not(…)` in a condition turns its tests; a subquery's own conditions start afresh.
      const negated = !inner && !start && pendingGroup === undefined && frame.negated !== (previous.toLowerCase() === 'not');
      stack.push({ group, list: searchList, subquery: membership, negated, joinsParent: start && pendingGroup === undefined, reads: [], joined: false, firstRead: groups[group]!.length, firstGroup: groups.length, openedFrom: groups.length, items: searchList ? [{ read: groups[group]!.length, group: groups.length }] : undefined });
      start = start || inner || pendingGroup !== undefined || searchList;
      searchList = false;
      pendingGroup = undefined;
      continue;
    }
    if (token === ')') {
      if (stack.length > 1) {
        const closed = stack.pop()!;
        const parent = stack[stack.length - 1]!;
        if (closed.joinsParent) parent.reads.push(...closed.reads);
        unionGroups(closed);
        if (closed.subquery) lastMembership = { close: i, group: closed.group, excluding: excludingGroups.has(closed.group) };
      }
      start = false;
      continue;
    }
    if (token === '|') {
      unionGroups(frame);
      frame.list = false;
      start = false;
      const next = tokens[i + 1] ?? '';
      if (MIXING.test(next)) frame.joined = true;
      if (/^summarize$/i.test(next)) frame.counts = countedColumns(condition(tokens, i + 2), context.strings);
      else if (/^(?:where|filter)$/i.test(next)) {
        const tests = countsAsColumns(condition(tokens, i + 2), frame.counts);
        if (!frame.joined) narrow(frame.reads, tests, context);
        // `| join kind=leftouter (DataMovement) on … | where isnotempty(DataType)`: only matched rows go on, the side is needed.
        const filtered = filteredColumns(tests, context.strings);
        for (const side of frame.outerSides ?? []) {
          if (side.groupsEnd === undefined || ![...filtered].some((column) => brings(side, column, i))) continue;
          for (let group = side.group; group < side.groupsEnd; group += 1) if (optional.get(group) === side.why) optional.delete(group);
        }
        for (const branches of filteredBranches(tests, context.strings)) eitherSide(frame, branches, i);
        // `| join kind=rightouter UserData on … | where Status.errorCode in (…)`: a column the right side does not bring.
        for (const side of frame.leftSides ?? []) {
          if (i < side.end || ![...filtered].some((column) => (side.leftColumns ? side.leftColumns.has(column) : !side.columns.has(column)))) continue;
          for (const read of side.reads) if (read.optional === side.why) read.optional = undefined;
          for (const group of side.groups) if (optional.get(group) === side.why) optional.delete(group);
        }
      }
      continue;
    }
    if (token === ',') {
      start = frame.list;
      if (frame.list) frame.items?.push({ read: groups[frame.group]!.length, group: groups.length });
      continue;
    }
    // A `let` function's body: `(tableName:string) { let Suspicious = table(tableName) | …; Suspicious }`, its statements its own.
    if (token === '{' || token === ';') {
      start = true;
      continue;
    }
    if (token === 'let' && start && tokens[i + 2] === '=') {
      const end = statementEnd(tokens, i + 3);
      context.lets.set(tokens[i + 1]!, tokens.slice(i + 3, end));
      i = end;
      continue;
    }
    if (/^(?:union|search)$/i.test(token) && (start || tokens[i - 1] === '|')) {
      frame.list = true;
      frame.items = [{ read: groups[frame.group]!.length, group: groups.length }];
      start = true;
      // `union kind=outer withsource=T isfuzzy=true …`, `search kind=case_sensitive in (…)`: parameters, not tables.
      while (tokens[i + 2] === '=' || (tokens[i + 1] && tokens[i + 2] === '=')) i += 3;
      if (tokens[i + 1] === 'in' && tokens[i + 2] === '(') {
        i += 1;
        searchList = true;
      }
      continue;
    }
    if (/^(?:join|lookup)$/i.test(token) && tokens[i - 1] === '|') {
      const lookup = token.toLowerCase() === 'lookup';
      const joinAt = i;
      let kind: string | undefined;
      while (tokens[i + 2] === '=') {
        if (tokens[i + 1]?.toLowerCase() === 'kind') kind = tokens[i + 3];
        i += 3;
      }
      if (kind && FULL_OUTER_JOIN.test(kind)) {
        // `DEvents | join kind=fullouter (DPEvents) on TimeGenerated` keeps the rows of both sides, matched or not: the
        // query finds rows where either side has them, so the right side's tables are alternatives of the left's.
        pendingGroup = frame.group;
      } else if (kind && RIGHT_ANTI_JOIN.test(kind)) {
        // `Recent | join kind=rightanti (Historical) on …` keeps the right side's rows that match none of the left: the
        // left side (what the pipeline read so far) only leaves rows out, and the right side's rows go on in its place.
        const why = `${kind.toLowerCase()} join`;
        for (const read of groups[frame.group]!.slice(frame.firstRead)) read.optional ??= why;
        for (let group = frame.firstGroup; group < groups.length; group += 1) if (!optional.has(group)) optional.set(group, why);
        frame.firstRead = groups[frame.group]!.length;
        frame.firstGroup = groups.length;
        pendingGroup = frame.group;
      } else if (kind && RIGHT_OUTER_JOIN.test(kind)) {
        // `Recent | join kind=rightouter (Assigned) on …` keeps every row of the right side: the left side is optional, as
        // a leftouter join's right side, unless a later `where` tests a column the right side does not bring (a column of
        // the left, empty where no left row matched); the right side's rows go on in its place.
        const why = 'rightouter join';
        const reads = groups[frame.group]!.slice(frame.firstRead).filter((read) => !read.optional);
        for (const read of reads) read.optional = why;
        const opened: number[] = [];
        for (let group = frame.firstGroup; group < groups.length; group += 1) {
          if (optional.has(group)) continue;
          optional.set(group, why);
          opened.push(group);
        }
        (frame.leftSides ??= []).push({ reads, groups: opened, why, ...rightOuterColumns(tokens, joinAt, i + 1, context) });
        frame.firstRead = groups[frame.group]!.length;
        frame.firstGroup = groups.length;
        pendingGroup = frame.group;
      } else if (kind ? OUTER_JOIN.test(kind) : lookup) {
        // `| lookup (IdentityInfo | …) on AccountUPN`, `| join kind=leftouter (…) on …` keeps every row of the left side,
        // matched or not ("lookup": leftouter is the default, "rows from LeftTable that have no match in RightTable" appear
        // with null values): the rule runs without the right side, unless a later `where` filters on its columns.
        const why = `leftouter ${lookup ? 'lookup' : 'join'}`;
        pendingGroup = openGroup(frame.group, [], optional.get(frame.group) ?? why);
        (frame.outerSides ??= []).push({ group: pendingGroup, why, ...outerColumns(tokens, joinAt, i + 1, !lookup, context) });
      } else {
        // `| join kind=leftanti (DeviceNetworkInfo | …) on …` keeps the rows that match none: the rule runs without it.
        pendingGroup = openGroup(frame.group, [], kind && ANTI_JOIN.test(kind) ? `${kind.toLowerCase()} join` : optional.get(frame.group));
      }
      start = true;
      continue;
    }
    // `materialize(SecurityEvent | …)` where an expression starts: its argument starts the same expression.
    if (start && TABULAR_FUNCTION.test(token) && tokens[i + 1] === '(') continue;
    if (start && tokens[i + 1] === '(' && /^[A-Za-z_]\w*$/.test(token)) {
      // `table("SigninLogs")`, and a `let` function's call whose body reads `table(tableName)`:
      // `let aadFunc = (tableName:string){ table(tableName) | … }; aadFunc("SigninLogs")`, Sentinel's way of reading two
      // tables alike, read as its body with the table named in the place of `table(tableName)`: where the body only
      // matches rows against it (`let suspicious_signins = table(tableName) | …; Syslog | where SourceIP in
      // (suspicious_signins)`, AADHostLoginCorrelation.yaml), the table is a group of its own, needed.
      const group = pendingGroup ?? frame.group;
      const reads = pendingGroup === undefined ? frame.reads : [];
      const body = context.lets.get(token);
      if (token.toLowerCase() === 'table') {
        for (const name of callStrings(tokens, i + 1, context.strings).filter((text) => /^[A-Z]\w*$/.test(text))) addTable(name, group, reads);
      }
      // `_Im_NetworkSession(starttime=…, endtime=…)`: an ASIM parser called with its parameters.
      if (!body && asimSchema(token)) addTable(token, group, reads);
      const bound = body?.[0] === '(' ? context.letGroups(token, callArguments(tokens, i + 1)) : undefined;
      if (bound) {
        groups[group]!.push(...(bound[0] ?? []));
        reads.push(...(bound[0] ?? []));
        openOthers(group, bound.slice(1));
      }
      pendingGroup = undefined;
      start = false;
      continue;
    }
    if (start && /^[A-Za-z_]\w*$/.test(token) && tokens[i + 1] !== '(' && tokens[i + 1] !== '=' && !NOT_TABLES.has(token.toLowerCase())) {
      const group = pendingGroup ?? frame.group;
      const bound = context.letGroups(token);
      // A joined name's rows are joined, not the pipeline's own: no filter after it narrows them.
      const reads = pendingGroup === undefined ? frame.reads : [];
      if (bound) {
        if (bound[0]) {
          groups[group]!.push(...bound[0]);
          reads.push(...bound[0]);
        }
        openOthers(group, bound.slice(1));
      } else if ((/^[A-Z]/.test(token) || token.endsWith('_CL') || asimSchema(token)) && (!frame.subquery || tokens[i + 1] === '|')) {
        // In a subquery a table is piped (`in (AuditLogs | … | project Id)`); a name alone there is a column.
        addTable(token, group, reads);
      }
    }
    else if (!start && /^[A-Za-z_]\w*$/.test(token) && tokens[i + 1] !== '(' && tokens[i - 1] !== '.') {
      // A `let` of rows read as a scalar (`let threshold = toscalar(AuditLogs | …); … | where Count > threshold`): its own groups.
      for (const other of context.letGroups(token) ?? []) openGroup(frame.group, [...other]);
    }
    pendingGroup = undefined;
    start = false;
  }
  for (const frame of stack.reverse()) unionGroups(frame);
  for (const [group, why] of optional) for (const read of groups[group]!) read.optional ??= why;
  // `(SigninLogs or SecurityEvent) and SecurityEvent`: SecurityEvent, the first asks nothing more.
  const texts = groups.map((group) => new Set(group.map(readText)));
  for (const choice of choiceGroups) {
    const asksMore = (other: Set<string>, index: number): boolean => index === choice || !other.size || [...other].some((text) => !texts[choice]!.has(text)) || (other.size === texts[choice]!.size && choiceGroups.has(index) && index > choice);
    if (!texts.every(asksMore)) {
      groups[choice] = [];
      texts[choice] = new Set();
    }
  }
  // The first group stays, empty or not: it is the statement's own, which a caller's expression continues.
  return groups.filter((group, index) => index === 0 || group.length);
}

/**
 * The columns a `leftouter` side brings, and where its expression ends: the names its expression (from `from` to its
 * `on`) and the `let` expressions it names read, but not the pipeline before its `join` at `joinAt` nor its keys; a
 * join's right side also brings its keys, suffixed `1` (`on AccountUPN`: `AccountUPN1`). A side that brings all its
 * columns (no project last) brings, of the names it reads, only those it makes (`X = …`) where the left brings all its
 * own too: `DeviceProcessEvents | join kind=leftouter (DeviceNetworkEvents | where InitiatingProcessFileName =~ "x") on
 * DeviceId | where InitiatingProcessFileName =~ "x"` tests the left's column, Kusto naming the right's copy
 * InitiatingProcessFileName1, and which table has a column is not told by its name; where the left's columns are told
 * (`summarize … by RemoteIP`), any other is the side's (allBut).
 */
function outerColumns(tokens: readonly string[], joinAt: number, from: number, join: boolean, context: Context): { columns: Set<string>; end: number; allBut?: Set<string> } {
  const { columns, end, open } = sideColumns(tokens, from, context);
  const read = new Set(columns);
  const keys = tokens[end]?.toLowerCase() === 'on' ? names(condition(tokens, end + 1)) : [];
  const left = outputColumns(tokens.slice(tokens.lastIndexOf(';', joinAt) + 1, joinAt - 1), context);
  if (open && !left) {
    const made = madeNames(tokens.slice(from, end), context);
    for (const name of [...columns]) if (!made.has(name)) columns.delete(name);
  }
  for (const name of [...names(tokens.slice(0, joinAt)), ...keys]) columns.delete(name);
  if (join) for (const key of keys) if (!/^(?:left|right|and)$/i.test(key)) columns.add(`${key}1`);
  // A side that keeps its table's columns (`summarize arg_max(TimeGenerated, *) by AccountObjectId`, `distinct *`, no
  // project) brings those every table has, which the left side has too: a later `where TimeGenerated > ago(1d)` tests
  // the left's, Kusto naming the side's copy TimeGenerated1; unless the left side's last operator leaves it out
  // (`summarize count() by UPN`).
  if (join && open) {
    for (const name of EVERY_TABLE_COLUMNS.filter((each) => read.has(each))) {
      const leftHas = !left || left.has(name);
      columns.delete(leftHas ? name : `${name}1`);
      columns.add(leftHas ? `${name}1` : name);
    }
  }
  return open && left ? { columns, end, allBut: left } : { columns, end };
}

/**
 * The columns a `rightouter` join's right side brings, and where it ends (sideColumns); where it brings all its columns,
 * the columns surely the left's (leftColumns): its output where its last operator names it, else the names its
 * pipeline reads, which Kusto leaves the left's name where both sides have them.
 */
function rightOuterColumns(tokens: readonly string[], joinAt: number, from: number, context: Context): { columns: Set<string>; end: number; leftColumns?: Set<string> } {
  const { columns, end, open } = sideColumns(tokens, from, context);
  if (!open) return { columns, end };
  const leftTokens = tokens.slice(tokens.lastIndexOf(';', joinAt) + 1, joinAt);
  return { columns, end, leftColumns: outputColumns(leftTokens.slice(0, -1), context) ?? new Set(names(leftTokens)) };
}

/** The names an expression, and the `let` expressions it names, make: `X = …` of a project, extend or summarize, not an operator's parameter (`kind=…`). */
function madeNames(tokens: readonly string[], context: Context): Set<string> {
  const made = new Set<string>();
  const pending = [tokens];
  const seen = new Set<readonly string[]>();
  while (pending.length) {
    const list = pending.pop()!;
    if (seen.has(list)) continue;
    seen.add(list);
    for (const [at, token] of list.entries()) {
      if (list[at + 1] === '=' && /^[A-Za-z_]\w*$/.test(token) && !/^(?:kind|isfuzzy|withsource|with_source)$/i.test(token)) made.add(token);
      const bound = context.lets.get(token);
      if (bound) pending.push(bound);
    }
  }
  return made;
}

/** Whether the pipeline from `from` to `to` runs only filters at its top level (`where`, `sort`, `take`), which make no column. */
function onlyFilters(tokens: readonly string[], from: number, to: number): boolean {
  for (let at = from, depth = 0; at < to; at += 1) {
    const token = tokens[at]!;
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    else if (token === '|' && depth === 0 && !/^(?:where|filter|sort|order|take|limit|top)$/i.test(tokens[at + 1] ?? '')) return false;
  }
  return true;
}

/** The columns every Log Analytics table has, and Defender's Timestamp: a join's left side has them too. */
const EVERY_TABLE_COLUMNS = ['TimeGenerated', 'Timestamp', 'Type', 'TenantId', 'SourceSystem', '_ResourceId'];

/** The names a join's side reads, from `from` to its end (its `on`), with those of the `let` expressions it names. */
function sideColumns(tokens: readonly string[], from: number, context: Context): { columns: Set<string>; end: number; open: boolean } {
  let end = from;
  for (let depth = 0; end < tokens.length; end += 1) {
    const token = tokens[end]!;
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    if (depth < 0 || (depth === 0 && (token === '|' || token.toLowerCase() === 'on'))) break;
  }
  // `(IdentityInfo | where TimeGenerated > ago(14d) | project AccountUPN, Department)` brings the columns it projects:
  // a later `where TimeGenerated > ago(1d)` tests the left side's TimeGenerated, not one of this side's.
  const output = outputColumns(tokens.slice(from, end), context);
  if (output) return { columns: output, end, open: false };
  const columns = new Set<string>();
  const pending = names(tokens.slice(from, end));
  const seen = new Set<string>();
  while (pending.length) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    columns.add(name);
    pending.push(...names(context.lets.get(name) ?? []));
  }
  return { columns, end, open: true };
}

/**
 * The columns the rows of a tabular expression carry, where its last operators name them all: a `project`, `distinct`
 * or `summarize … by …` (each item's name: `A`, `A = …`, a `by` item's column, `bin(TimeGenerated, 1h)` TimeGenerated),
 * with an `extend` after it adding its names, and only `where`, `sort`, `take` or `top` besides; the expression of a
 * `let` name it is alone. Undefined where they are not told so (`arg_max(TimeGenerated, *)`, an unnamed aggregate,
 * another operator last): the caller falls back to every name the expression reads.
 */
function outputColumns(tokens: readonly string[], context: Context, depth = 0): Set<string> | undefined {
  let inner = tokens;
  while (inner[0] === '(' && closingAt(inner, 0) === inner.length - 1) inner = inner.slice(1, -1);
  const segments = splitTop(inner, '|');
  if (segments.length === 1 && segments[0]!.length === 1 && depth < 8) {
    const bound = context.lets.get(segments[0]![0]!);
    return bound ? outputColumns(bound, context, depth + 1) : undefined;
  }
  const added = new Set<string>();
  const itemName = (item: readonly string[]): string | undefined => {
    if (item.length === 1 && /^[A-Za-z_]\w*$/.test(item[0]!)) return item[0];
    if (item[1] === '=' && /^[A-Za-z_]\w*$/.test(item[0] ?? '')) return item[0];
    return undefined;
  };
  for (let at = segments.length - 1; at > 0; at -= 1) {
    const [operator = '', ...rest] = segments[at]!;
    const op = operator.toLowerCase();
    if (/^(?:where|filter|sort|order|take|limit|top)$/.test(op)) continue;
    if (op === 'extend') {
      for (const item of splitTop(rest, ',')) if (item[1] === '=' && item[0]) added.add(item[0]);
      continue;
    }
    if (!/^(?:project|distinct|summarize)$/.test(op) || rest.includes('*')) return undefined;
    const [aggregates = [], by = []] = op === 'summarize' ? splitTop(rest, 'by') : [rest];
    const columns = new Set(added);
    for (const item of splitTop(aggregates, ',').filter((each) => each.length)) {
      const name = itemName(item);
      if (name === undefined) return undefined;
      columns.add(name);
    }
    for (const item of splitTop(by, ',').filter((each) => each.length)) {
      // `bin(TimeGenerated, 1h)` is named after its column, as Kusto names it.
      const name = itemName(item) ?? (/^bin$/i.test(item[0] ?? '') && item[1] === '(' ? item[2] : undefined);
      if (name === undefined) return undefined;
      columns.add(name);
    }
    return columns;
  }
  // `externaldata(_id:string, _country:string) [...]`, `datatable(Name:string) [...]`: the columns it declares.
  const [source = '', open, ...declared] = segments[0] ?? [];
  if (!/^(?:externaldata|datatable)$/i.test(source) || open !== '(') return undefined;
  const columns = names(declared.slice(0, closingAt(segments[0]!, 1) - 2)).filter((name, at, list) => declared[declared.indexOf(name) + 1] === ':' && list.indexOf(name) === at);
  return columns.length ? new Set([...columns, ...added]) : undefined;
}

/** Where the parenthesis open at `open` closes (tokens.length when it does not). */
function closingAt(tokens: readonly string[], open: number): number {
  let depth = 0;
  for (let at = open; at < tokens.length; at += 1) {
    if (tokens[at] === '(') depth += 1;
    else if (tokens[at] === ')' && --depth === 0) return at;
  }
  return tokens.length;
}

/** The names in tokens that are no call. */
function names(list: readonly string[]): string[] {
  return list.filter((token, at) => /^[A-Za-z_]\w*$/.test(token) && list[at + 1] !== '(');
}

/**
 * The columns a `where` condition keeps only non-empty: each conjunct `isnotempty(Column)`, `isnotnull(Column)`,
 * `Column != ""`, or a test an empty value fails (`Column == "x"`, `Column has "x"`, `Column in (…)`, `Column > 0`,
 * `Column.member in (…)`); of a conjunct that is an `or`, the columns each of its branches keeps so
 * (`isnotempty(Ops) or Ops > 2` keeps Ops; `isnotempty(Ops) or Count > 2` lets an empty Ops through).
 */
function filteredColumns(tokens: readonly string[], strings: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const branches of filteredBranches(tokens, strings)) for (const column of branches[0]!) if (branches.every((each) => each.has(column))) found.add(column);
  return found;
}

/** Per conjunct of a `where` condition, the columns each branch of its `or` keeps non-empty (one branch for a conjunct that is no `or`). */
function filteredBranches(tokens: readonly string[], strings: readonly string[]): Set<string>[][] {
  const isEmpty = (token: string | undefined): boolean => strings[Number(token?.match(/^"(\d+)"$/)?.[1] ?? -1)] === '';
  return splitTop(tokens, 'and').map((conjunct) => {
    const branches = splitTop(conjunct, 'or');
    if (branches.length > 1) return branches.map((branch) => filteredColumns(branch, strings));
    if (conjunct[0] === '(' && conjunct.at(-1) === ')' && condition(conjunct, 1).length === conjunct.length - 2) return [filteredColumns(conjunct.slice(1, -1), strings)];
    const found = new Set<string>();
    const [first, second, third, fourth] = conjunct;
    if (/^(?:isnotempty|isnotnull)$/i.test(first ?? '') && second === '(' && fourth === ')' && third) found.add(third);
    else if (first && /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(first)) {
      // `Column <> ""`: the tokens `<` and `>`.
      const notEqual = second === '!=' || (second === '<' && third === '>');
      // `Status.errorCode in (…)`: a test of a member of the column's value tests the column.
      if (notEqual ? isEmpty(second === '<' ? fourth : third) : FILTERING_TEST.test(second ?? '') && !isEmpty(third)) found.add(first.split('.')[0]!);
    }
    return [found];
  });
}

/**
 * The counts of a `summarize` (its tokens after the word) that count rows whose columns are non-empty: `Net =
 * countif(RemoteUrl has "pastebin")` counts rows with RemoteUrl, `dcountif(x, isnotempty(FolderPath))` rows with
 * FolderPath; each with those columns (filteredColumns of its condition), none where the condition keeps none.
 */
function countedColumns(tokens: readonly string[], strings: readonly string[]): Map<string, string[]> {
  const counts = new Map<string, string[]>();
  const [aggregates = []] = splitTop(tokens, 'by');
  for (const item of splitTop(aggregates, ',')) {
    const [name, equals, call, open] = item;
    if (!name || equals !== '=' || open !== '(' || !/^(?:countif|dcountif)$/i.test(call ?? '')) continue;
    const args = splitTop(item.slice(4, closingAt(item, 3)), ',');
    const test = /^countif$/i.test(call!) ? args[0] : args[1];
    const columns = [...filteredColumns(test ?? [], strings)];
    if (columns.length) counts.set(name, columns);
  }
  return counts;
}

/**
 * A `where` after a `summarize` of countif counts, its tests of a count that hold only when the count is not 0 (`Net >
 * 0`, `Net >= 1`) written as the tests of the columns counted (`isnotempty(RemoteUrl)`): a row goes on only where some
 * row counted had them, so that a leftouter side whose columns a count tests is needed, and counts or-ed
 * (`Net > 0 or Files > 0`) make their sides alternatives, one needed (eitherSide), as tests of their columns do.
 */
function countsAsColumns(tests: readonly string[], counts: ReadonlyMap<string, string[]> | undefined): string[] {
  if (!counts?.size) return [...tests];
  const out: string[] = [];
  for (let at = 0; at < tests.length; at += 1) {
    const columns = counts.get(tests[at]!);
    const [op, next, value] = [tests[at + 1], tests[at + 2], tests[at + 3]];
    const size = op === '>' && next === '=' ? 4 : op === '>' ? 3 : 0;
    const bound = size === 4 ? value : next;
    const nonZero = size && /^\d+$/.test(bound ?? '') && Number(bound) >= (size === 4 ? 1 : 0);
    if (!columns || !nonZero || tests[at - 1] === '.') {
      out.push(tests[at]!);
      continue;
    }
    out.push('(', ...columns.flatMap((column, index) => [...(index ? ['and'] : []), 'isnotempty', '(', column, ')']), ')');
    at += size - 1;
  }
  return out;
}

/** Where the statement that starts at `from` ends: its `;`, or the `}` closing the body it is in. */
function statementEnd(tokens: readonly string[], from: number): number {
  let depth = 0;
  for (let at = from; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token === '(' || token === '{' || token === '[') depth += 1;
    else if (token === ')' || token === '}' || token === ']') {
      if (depth === 0) return at - 1;
      depth -= 1;
    } else if (token === ';' && depth === 0) return at;
  }
  return tokens.length;
}

/** The arguments of the call whose `(` is at `open`, each its tokens. */
function callArguments(tokens: readonly string[], open: number): string[][] {
  const found: string[][] = [[]];
  let depth = 0;
  for (let at = open; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token === '(' || token === '[' || token === '{') depth += 1;
    else if (token === ')' || token === ']' || token === '}') {
      depth -= 1;
      if (depth === 0) break;
    }
    if (depth === 1 && token === ',') found.push([]);
    else if (depth >= 1 && !(depth === 1 && token === '(' && at === open)) found[found.length - 1]!.push(token);
  }
  return found.filter((arg) => arg.length);
}

/**
 * A `let` function's body with `table(<parameter>)` replaced by the name of the table its argument names
 * (`(tableName:string){ table(tableName) | … }` called with `"SigninLogs"`: `{ SigninLogs | … }`).
 */
function withTableArguments(body: readonly string[], args: readonly string[][], strings: readonly string[]): string[] {
  const params: string[] = [];
  let end = 1;
  for (let depth = 1; end < body.length && depth > 0; end += 1) {
    const token = body[end]!;
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    else if (depth === 1 && body[end + 1] === ':' && /^[A-Za-z_]\w*$/.test(token)) params.push(token);
  }
  const names = new Map<string, string>();
  for (const [index, param] of params.entries()) {
    const arg = args[index];
    const string = arg?.length === 1 ? arg[0]!.match(/^"(\d+)"$/) : null;
    const name = string ? strings[Number(string[1])] : undefined;
    if (name && /^[A-Za-z_]\w*$/.test(name)) names.set(param, name);
  }
  const out: string[] = [];
  for (let at = 0; at < body.length; at += 1) {
    const name = at >= end && body[at]!.toLowerCase() === 'table' && body[at + 1] === '(' && body[at + 3] === ')' ? names.get(body[at + 2]!) : undefined;
    if (name) {
      out.push(name);
      at += 3;
    } else out.push(body[at]!);
  }
  return out;
}

/** The string literals among the arguments of the call whose `(` is at `open`. */
function callStrings(tokens: readonly string[], open: number, strings: readonly string[]): string[] {
  const found: string[] = [];
  let depth = 0;
  for (let at = open; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token === '(') depth += 1;
    else if (token === ')' && --depth === 0) break;
    const string = token.match(/^"(\d+)"$/);
    if (string && depth === 1) found.push(strings[Number(string[1])] ?? '');
  }
  return found;
}

/** The tokens of a `where` condition starting at `from`: up to the pipe or parenthesis that ends it. */
function condition(tokens: readonly string[], from: number): string[] {
  let depth = 0;
  let at = from;
  for (; at < tokens.length; at += 1) {
    const token = tokens[at]!;
    if (token === '(') depth += 1;
    else if (token === ')') {
      if (depth === 0) break;
      depth -= 1;
    } else if (token === '|' && depth === 0) break;
  }
  return tokens.slice(from, at);
}

/**
 * Whether the membership test whose operator is at `at` is or-ed, in the condition or the parentheses it stands in,
 * with a branch that matches against no subquery (a literal list is none): that branch lets rows through without the
 * subquery's table. Another subquery's branch is no such test (`IP in (a) or IP in (b)`: alternatives, one needed).
 */
function orEdWithTest(tokens: readonly string[], at: number): boolean {
  let from = at;
  for (let depth = 0; from > 0; from -= 1) {
    const token = tokens[from - 1]!;
    if (token === ')') depth += 1;
    else if (token === '(' && depth-- === 0) break;
    else if (token === '|' && depth === 0) break;
  }
  if (/^(?:where|filter)$/i.test(tokens[from] ?? '')) from += 1;
  const tested = condition(tokens, from);
  const branches: { start: number; end: number }[] = [{ start: 0, end: tested.length }];
  for (let index = 0, depth = 0; index < tested.length; index += 1) {
    const token = tested[index]!;
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    else if (depth === 0 && token.toLowerCase() === 'or') {
      branches[branches.length - 1]!.end = index;
      branches.push({ start: index + 1, end: tested.length });
    }
  }
  if (branches.length < 2) return false;
  const own = at - from;
  return branches.some(({ start, end }) => (own < start || own >= end) && !matchesSubquery(tested.slice(start, end)));
}

/** Whether a condition's tokens test membership in a subquery or a name (`in ((AuditLogs | …))`, `in (known)`), not in a list of literals. */
function matchesSubquery(tokens: readonly string[]): boolean {
  return tokens.some((token, index) => MEMBERSHIP.test(token) && tokens[index + 1] === '(' && condition(tokens, index + 2).some((inner) => /^[A-Za-z_]/.test(inner)));
}

/** Narrow the tables of Windows events of a pipeline to the events and channel its condition filters. */
function narrow(reads: readonly TableRead[], tokens: readonly string[], context: Context): void {
  for (const read of reads) {
    if (!(read.table in EVENT_TABLES)) continue;
    const ids = columnValues(tokens, 'EventID', context)?.filter((id) => /^\d+$/.test(id));
    if (ids?.length) {
      const kept = read.eventIds ? ids.filter((id) => read.eventIds!.includes(id)) : ids;
      read.eventIds = [...new Set(kept.length ? kept : ids)].sort((a, b) => Number(a) - Number(b));
    }
    const columns = EVENT_TABLES[read.table];
    if (!columns) continue;
    const channels = columnValues(tokens, columns.channel, context) ?? columnValues(tokens, columns.provider, context)?.map((provider) => PROVIDER_CHANNELS[provider.toLowerCase()] ?? '');
    if (channels?.length === 1 && channels[0]) read.channel = channels[0];
  }
}

/**
 * The values a condition lets a column have (`EventID == 4688`, `EventID in (4624, 4625)`, an `and` of which one is
 * such a test, an `or` of such tests), or undefined when it does not restrict the column.
 */
function columnValues(tokens: readonly string[], column: string, context: Context): string[] | undefined {
  const disjuncts = splitTop(tokens, 'or');
  if (disjuncts.length > 1) {
    const each = disjuncts.map((part) => columnValues(part, column, context));
    return each.every((values) => values !== undefined) ? [...new Set(each.flat() as string[])] : undefined;
  }
  let values: string[] | undefined;
  for (const conjunct of splitTop(tokens, 'and')) {
    const found = testValues(conjunct, column, context);
    if (found) values = values ? values.filter((value) => found.includes(value)) : found;
  }
  return values;
}

/** The values one test of a column lets it have: `Column == literal`, `Column =~ literal`, `Column in (literals)`, or a parenthesised condition. */
function testValues(tokens: readonly string[], column: string, context: Context): string[] | undefined {
  if (tokens[0] === '(' && tokens[tokens.length - 1] === ')' && condition(tokens, 1).length === tokens.length - 2) return columnValues(tokens.slice(1, -1), column, context);
  const literal = (token: string | undefined): string | undefined => {
    if (token && /^\d+$/.test(token)) return token;
    const string = token?.match(/^"(\d+)"$/);
    return string ? context.strings[Number(string[1])] : undefined;
  };
  if (tokens.length === 3 && (tokens[1] === '==' || tokens[1] === '=~')) {
    const value = tokens[0] === column ? literal(tokens[2]) : tokens[2] === column ? literal(tokens[0]) : undefined;
    return value === undefined ? undefined : [value];
  }
  if (tokens[0] === column && /^in~?$/.test(tokens[1] ?? '') && tokens[2] === '(' && tokens[tokens.length - 1] === ')') {
    let list = tokens.slice(3, -1);
    // `EventID in (Events)`, a `let` of a list: `let Events = dynamic([4624, 4625]);`.
    const bound = list.length === 1 ? context.lets.get(list[0]!) : undefined;
    if (bound) list = bound.filter((token) => !/^(?:dynamic|[()[\],])$/.test(token));
    const values = list.filter((token) => token !== ',').map(literal);
    return values.length && values.every((value) => value !== undefined) ? (values as string[]) : undefined;
  }
  return undefined;
}

/** A condition's tokens split at the word given (`and`, `or`) outside parentheses. */
function splitTop(tokens: readonly string[], word: string): string[][] {
  const parts: string[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    if (depth === 0 && token.toLowerCase() === word) parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  return parts;
}
