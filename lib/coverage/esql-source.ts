// An ES|QL query's source command, which says what it reads: shared by the readers of Elastic's TOML rules (one of
// `language = "esql"` states no `index`) and of queries kept as Markdown.
//
// An ES|QL query (Elastic) starts with its source command, `FROM logs-* METADATA _id` (dhyey03/elastic-detection-rules
// rules/02-rdp-failed-logins-brute-force.md, in a ```sql block): no KQL statement starts so, a KQL query starting with a
// table's name (`SecurityEvent | where …`). Its indexes, up to METADATA, are what it reads; the command ends at a pipe or
// the query's end, not at a word as SQL's `FROM t_mfa_otp o WHERE …` goes on.
export const ESQL_SOURCE = /^FROM\s+([^\s,|]+(?:\s*,\s*[^\s,|]+)*)(?:\s+METADATA\s+[\w.]+(?:\s*,\s*[\w.]+)*)?\s*(?:\||$)/i;

/** A query's statement: its lines without comments (`// …`) and blank ones, which may come before it, joined. */
export function statementOf(query: string): string {
  return query.split('\n').filter((line) => line.trim() && !line.trim().startsWith('//')).join(' ').trim();
}

/** The index patterns an ES|QL query reads (`logs-*`); none for a query that is no ES|QL. */
export function esqlIndexes(query: string): string[] {
  const source = ESQL_SOURCE.exec(statementOf(query));
  return source ? source[1]!.split(',').map((index) => index.trim()).filter(Boolean) : [];
}
