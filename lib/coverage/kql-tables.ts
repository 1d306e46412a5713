/**
 * The tables a KQL (Kusto) query reads, for classing a Sentinel rule or a KQL query of a rules library by what it needs
 * collected (stated-log-sources.ts). A query reads a table where a tabular expression starts with its name: at the
 * start of a statement, inside parentheses, in a `union` list (`union DeviceProcessEvents, DeviceNetworkEvents`,
 * `union isfuzzy=true (SecurityEvent | …), (DeviceProcessEvents | …)`), a `search in (SecurityEvent, Syslog)` list, or
 * as the argument of `join` or `lookup`; a name bound by `let` reads the tables of its expression.
 *
 * The tables come in groups: a union's tables are alternatives (its rows come from each, so the query finds what it
 * looks for in any one collected), one group; a `join` or `lookup` matches the rows of both sides, so each side is a
 * group of its own, and the query needs one table of every group (Azure-Sentinel's
 * `Detections/MultipleDataSources/NetworkEndpointCorrelation.yaml`: `CommonSecurityLog | … | join (endpointData)`,
 * `endpointData` a `let` of `SecurityEvent`, needs both). Column names, functions (`materialize(…)`, `ago(…)`) and
 * what strings and comments hold are not tables.
 */

/** Groups of table names in the order the query first reads them: one table of every group is needed, any of one group. */
export type KqlTableGroups = string[][];

// Operators whose argument list starts tabular expressions, and words at a start that are no table.
const NOT_TABLES = new Set(['union', 'search', 'print', 'datatable', 'range', 'let', 'set', 'declare', 'find', 'evaluate', 'externaldata', 'true', 'false']);

/** The query without its comments and string literals (each replaced by a space), as the Kusto documentation writes them. */
function codeOf(query: string): string {
  let out = '';
  let at = 0;
  while (at < query.length) {
    const char = query[at]!;
    if (query.startsWith('//', at)) {
      const end = query.indexOf('\n', at);
      at = end === -1 ? query.length : end;
      out += ' ';
    } else if (query.startsWith('```', at)) {
      const end = query.indexOf('```', at + 3);
      at = end === -1 ? query.length : end + 3;
      out += ' ';
    } else if (char === '"' || char === "'" || (char === '@' && (query[at + 1] === '"' || query[at + 1] === "'"))) {
      const verbatim = char === '@';
      const quote = verbatim ? query[at + 1]! : char;
      at += verbatim ? 2 : 1;
      while (at < query.length && query[at] !== '\n') {
        if (!verbatim && query[at] === '\\') at += 2;
        else if (query[at] === quote && verbatim && query[at + 1] === quote) at += 2;
        else if (query[at] === quote) {
          at += 1;
          break;
        } else at += 1;
      }
      out += ' ';
    } else {
      out += char;
      at += 1;
    }
  }
  return out;
}

const TOKEN = /[A-Za-z_][\w.]*|[()|,;=]|\S/g;

/** The table groups a KQL query reads (empty when it reads none that is told, as `print 1`). */
export function kqlTableGroups(query: string): KqlTableGroups {
  const statements = codeOf(query).split(';');
  const lets = new Map<string, string[]>();
  const groups: KqlTableGroups = [];
  const resolving = new Set<string>();
  const letGroups = (name: string): KqlTableGroups => {
    const tokens = lets.get(name);
    if (!tokens || resolving.has(name)) return [];
    resolving.add(name);
    const found = tableGroups(tokens, letGroups);
    resolving.delete(name);
    return found;
  };
  for (const statement of statements) {
    const tokens = statement.match(TOKEN) ?? [];
    if (tokens[0] === 'let' && tokens[1] && tokens[2] === '=') {
      lets.set(tokens[1], tokens.slice(3));
      continue;
    }
    if (!tokens.length || tokens[0] === 'set' || tokens[0] === 'declare') continue;
    merge(groups, tableGroups(tokens, letGroups));
  }
  return groups;
}

/** Add groups to groups, the first into the first (alternatives of one expression), each other as its own. */
function merge(into: KqlTableGroups, from: KqlTableGroups): void {
  for (const [index, group] of from.entries()) {
    const target = index === 0 ? into[0] : undefined;
    if (target) for (const table of group) target.includes(table) || target.push(table);
    else if (group.length) into.push([...group]);
  }
}

/**
 * The groups of one tabular statement's tokens: tables at each expression start go to the group of their parentheses,
 * a `join` or `lookup` argument opening a group of its own; a `let` name read there brings its own groups.
 */
function tableGroups(tokens: readonly string[], letGroups: (name: string) => KqlTableGroups): KqlTableGroups {
  const groups: KqlTableGroups = [[]];
  // Per open parenthesis: the group its expression's tables go to, and whether it is a union or search list.
  const stack: { group: number; list: boolean }[] = [{ group: 0, list: false }];
  let start = true;
  let pendingGroup: number | undefined;
  let searchList = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const frame = stack[stack.length - 1]!;
    if (token === '(') {
      // A parenthesis opens a tabular expression where one may start (`(union …)`, a union's `(SecurityEvent | …)`, a
      // join's argument, `materialize(…)`), or search's list; elsewhere (`in~ (AccountAllowList)`, `dynamic([…])`) a scalar.
      const tabular: boolean = start || pendingGroup !== undefined || /^(?:materialize|toscalar|view)$/i.test(tokens[i - 1] ?? '');
      stack.push({ group: pendingGroup ?? frame.group, list: searchList });
      start = tabular || searchList;
      searchList = false;
      pendingGroup = undefined;
      continue;
    }
    if (token === ')') {
      if (stack.length > 1) stack.pop();
      start = false;
      continue;
    }
    if (token === '|') {
      frame.list = false;
      start = false;
      continue;
    }
    if (token === ',') {
      start = frame.list;
      continue;
    }
    if (/^(?:union|search)$/i.test(token) && (start || tokens[i - 1] === '|')) {
      frame.list = true;
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
      while (tokens[i + 2] === '=') i += 3;
      groups.push([]);
      pendingGroup = groups.length - 1;
      start = true;
      continue;
    }
    if (start && /^[A-Za-z_]\w*$/.test(token) && tokens[i + 1] !== '(' && tokens[i + 1] !== '=' && !NOT_TABLES.has(token.toLowerCase())) {
      const group = pendingGroup ?? frame.group;
      const bound = letGroups(token);
      if (bound.length) {
        const into = groups[group]!;
        for (const table of bound[0]!) if (!into.includes(table)) into.push(table);
        for (const other of bound.slice(1)) groups.push([...other]);
      } else if (/^[A-Z]/.test(token) || token.endsWith('_CL')) {
        if (!groups[group]!.includes(token)) groups[group]!.push(token);
      }
    }
    pendingGroup = undefined;
    start = false;
  }
  return groups.filter((group) => group.length);
}
