/**
 * MITRE's Malware Behavior Catalog (MBC) in a report: capa prints, after its ATT&CK table, an "MBC Objective | MBC
 * Behavior" table whose micro-behaviors have IDs of ATT&CK's campaign form (`Create Process [C0017]`, `Delete File
 * [C0047]`, `HTTP Communication::Read Header [C0002.014]`: mandiant/capa, capa/render/default.py, render_mbc), and
 * analysts paste it whole into their reports (a TryHackMe capa walkthrough's `capa mal\4` output). There C0002 is no
 * mention of ATT&CK's C0002 Night Dragon, nor C0046 of ArcaneDoor.
 */

// A word naming the catalog, in any case (`capa -vv` writes a rule's behaviors on a line keyed `mbc`), or an ID of its
// behaviors (B, E and F IDs, with a method's number): a line holding one makes its block MBC's.
const MBC_WORD = /(?<![\p{L}\p{N}])(?:mbc|malware behaviou?r catalog)(?![\p{L}\p{N}])/iu;
const MBC_BEHAVIOR = /(?<![\p{L}\p{N}.])[BEF]\d{4}(?:\.(?:\d{3}|m\d{2}))?(?![\p{L}\p{N}]|\.\d)/u;
// A Markdown heading: it leads the block after it, across blank lines.
const HEADING = /^\s{0,3}#{1,6}\s/;
// A method's number after a micro-behavior's ID (`C0002.014`, `E1027.m02`): ATT&CK's campaigns have none.
const METHOD_AFTER = /^\.(?:\d{3}|m\d{2})(?![\p{L}\p{N}])/u;

/**
 * The lines (1-based) of a report's blocks that are MBC's: runs of non-blank lines (a table, a list, a code block),
 * with the Markdown heading that leads one, where a line names MBC or holds an ID of its behaviors.
 */
export function mbcBlockLines(lines: readonly string[]): Set<number> {
  const found = new Set<number>();
  let start = 0;
  while (start < lines.length) {
    if (!lines[start]!.trim()) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end]!.trim()) end++;
    let lead = start - 1;
    while (lead >= 0 && !lines[lead]!.trim()) lead--;
    const heading = lead >= 0 && HEADING.test(lines[lead]!) ? [lines[lead]!] : [];
    if ([...heading, ...lines.slice(start, end)].some((line) => MBC_WORD.test(line) || MBC_BEHAVIOR.test(line))) {
      for (let i = start; i < end; i++) found.add(i + 1);
    }
    start = end;
  }
  return found;
}

/** Whether an ID of ATT&CK's campaign form, written up to `end` of its line, carries an MBC method's number after it. */
export function hasMbcMethod(line: string, end: number): boolean {
  return METHOD_AFTER.test(line.slice(end));
}
