import type { YAMLMap } from 'yaml';
import { nameKey } from '../attack/attack-index.js';
import { kindOfDocument } from '../input-kind.js';
import { tacticKey } from '../normalize/tactic-text.js';
import type { BundleOptions, BundleReport } from './bundle-references.js';
import type { ExtractedReference } from './extract-references.js';
import { stepTactics } from './emulation-plan-references.js';
import { ID_FIELDS, isTechniqueId, TECHNIQUE_ID, TTP_LIST_KEYS } from './ttp-list-shape.js';
import { addPlacedReference } from './placed-references.js';
import { readPlacedYaml } from './yaml-places.js';

const TACTIC_FIELDS = ['tactic', 'tactic_name', 'tactic_id', 'phase'] as const;
/** What an entry says the actor did: its procedure first, then what else the list writes of it. */
const USE_FIELDS = ['procedure', 'procedures', 'description', 'desc', 'evidence', 'implementation', 'command'] as const;
/** The actor a file is about, where it names one apart from its own name. */
const ACTOR_FIELDS = ['actor', 'threat_actor', 'threat_actor_name', 'group'] as const;

/**
 * Read a file of an actor's techniques (a TTP list: `isTtpList`) as a report; undefined for any other text
 * (`kindOfDocument` tells it). Each entry is a reference: its technique ID (else its technique's name) at its line,
 * its `tactic` (else `tactic_name`, `tactic_id`) read as an ATT&CK tactic, misspellings and short names too (an entry
 * of a list by tactic, `attack_techniques: { initial_access: [...] }`, takes its key's), its `procedure` (else
 * `description`, `desc`, `evidence`, `implementation`, `command`) as evidence, and where it is written; a technique
 * several entries name is one reference, with every entry's line and evidence. An entry that names no technique is
 * said with its place and left out, as a tactic that names none is; neither stops the rest. The campaign is named after
 * the file's `actor` (else `threat_actor`, `group`), else its `name` (extractReport takes it as the actor where it names
 * an ATT&CK group, as an emulation plan's adversary_name). Pure.
 * @throws InvalidYamlError naming the file, line and column of each syntax error.
 */
export function ttpListReport(source: string, options: BundleOptions = {}): BundleReport | undefined {
  if (kindOfDocument(source) !== 'ttp-list') return undefined;
  const file = options.file ?? 'the TTP list';
  const { Y, doc, at, text: scalar } = readPlacedYaml(source, file, 'TTP list');
  const root = doc.contents;
  if (!Y.isMap(root)) return undefined;
  // A folded procedure's lines are one text.
  const text = (node: unknown): string | undefined => scalar(node)?.replace(/\s+/g, ' ');
  const references = new Map<string, ExtractedReference>();
  const unread: string[] = [];
  const unreadTactics: string[] = [];
  const readTactics: string[] = [];
  const readEntry = (item: unknown, where: string, keyTactic: string | undefined): void => {
    const line = at(item).line;
    if (Y.isScalar(item) && text(item) && isTechniqueId(text(item))) return void addReference(item, text(item)!, where, [], [], undefined);
    if (!Y.isMap(item)) return void unread.push(`line ${line}: ${where} is no entry with a technique (write technique_id: and the technique's ID)`);
    const field = (names: readonly string[]): { node: unknown; value: string } | undefined => {
      for (const name of names) {
        const node = item.get(name, true);
        const value = text(node);
        if (value !== undefined && !(name === 'id' && !isTechniqueId(value))) return { node, value };
      }
      return undefined;
    };
    const technique = field(ID_FIELDS) ?? field(['technique_name']);
    const label = text(item.get('step', true)) ?? text(item.get('name', true));
    const named = `${where}${label ? ` ${JSON.stringify(label)}` : ''}`;
    if (!technique) return void unread.push(`line ${line}: ${named} names no technique (no ${ID_FIELDS.slice(0, 3).join(', ')} or technique_name), left out`);
    const tactic = field(TACTIC_FIELDS);
    const tactics = tactic ? stepTactics(tactic.value) : keyTactic ? stepTactics(keyTactic) : [];
    if (tactic && !tactics.length) unreadTactics.push(`line ${at(tactic.node).line} "${tactic.value}" (${named}, ${technique.value})`);
    // A tactic written otherwise than ATT&CK's name for it (`exectuion`, `Discovery/Execution`) is said as read.
    else if (tactic && tacticKey(tactic.value) !== tacticKey(tactics.join(' and '))) readTactics.push(`line ${at(tactic.node).line} "${tactic.value}" as ${tactics.join(' and ')}`);
    const evidence = USE_FIELDS.flatMap((name) => {
      const node = item.get(name, true);
      const values = Y.isSeq(node) ? node.items : [node];
      return values.flatMap((each) => (text(each) ? [{ text: text(each)!, line: at(each).line }] : []));
    });
    addReference(technique.node, technique.value, named, tactics, evidence, tactic && !tactics.length ? tactic.value : undefined);
  };
  const addReference = (node: unknown, written: string, where: string, tactics: string[], evidence: { text: string; line: number }[], tacticUnread: string | undefined): void => {
    const { line, col } = at(node);
    const id = TECHNIQUE_ID.test(written) ? written.toUpperCase() : undefined;
    const from = `${where} (${written}${tacticUnread ? `; tactic "${tacticUnread}" names no ATT&CK tactic` : ''}), line ${line}`;
    addPlacedReference(references, id ?? nameKey(written), { written, ...(id ? { id } : {}), line, col, tactics, evidence, from });
  };
  const readLists = (map: YAMLMap, path: string, depth: number): void => {
    for (const pair of map.items) {
      const key = text(pair.key);
      if (key === undefined) continue;
      const value = pair.value;
      if ((TTP_LIST_KEYS as readonly string[]).includes(key) && Y.isSeq(value)) value.items.forEach((item, index) => readEntry(item, `${path}${key}[${index}]`, undefined));
      else if ((TTP_LIST_KEYS as readonly string[]).includes(key) && Y.isMap(value)) {
        // A list by tactic: `attack_techniques: { initial_access: [ … ] }`, the key each entry's tactic.
        for (const group of value.items) {
          const tactic = text(group.key);
          if (tactic !== undefined && Y.isSeq(group.value)) group.value.items.forEach((item, index) => readEntry(item, `${path}${key}.${tactic}[${index}]`, tactic));
        }
      } else if (depth === 0 && Y.isMap(value)) readLists(value, `${key}.`, 1);
    }
  };
  readLists(root, '', 0);
  const actorNode = ACTOR_FIELDS.map((name) => root.get(name, true)).find((node) => text(node));
  const actor = text(actorNode);
  const name = actor ?? text(root.get('name', true));
  const notes = [
    ...(unread.length ? [`entries that name no technique, left out: ${unread.join('; ')}`] : []),
    ...(readTactics.length ? [`tactics read as the ATT&CK tactic they spell: ${readTactics.join('; ')}`] : []),
    ...(unreadTactics.length ? [`tactics that name no ATT&CK tactic, so their entries' techniques are read with their own tactics: ${unreadTactics.join('; ')} (write the entry's tactic: by hand where it is meant)`] : []),
  ];
  return {
    references: [...references.values()],
    ...(name ? { name } : {}),
    ...(notes.length ? { notes } : {}),
  };
}
