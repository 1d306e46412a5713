import type { YAMLMap, YAMLSeq } from 'yaml';
import { nameKey } from '../attack/attack-index.js';
import { kindOfDocument } from '../input-kind.js';
import { tacticKey } from '../normalize/tactic-text.js';
import type { BundleOptions, BundleReport } from './bundle-references.js';
import type { ExtractedReference } from './extract-references.js';
import { stepTactics } from './emulation-plan-references.js';
import { ATTACK_BLOCK_KEYS, BLOCK_LIST_KEYS, holdsLists, ID_FIELDS, isTechniqueId, LEADING_ID, listsTechniques, TECHNIQUE_ID, TTP_LIST_KEYS } from './ttp-list-shape.js';
import { addPlacedReference } from './placed-references.js';
import { readPlacedYaml } from './yaml-places.js';

const TACTIC_FIELDS = ['tactic', 'tactic_name', 'tactic_id', 'phase'] as const;
/** An entry's or an ATT&CK block's list of tactics (`tactics: [persistence, initial-access]`). */
const TACTICS_FIELD = 'tactics';
/** A tactic's ID before its name, as TTPForge writes a tactic (`TA0006 Credential Access`). */
const TACTIC_ID_BEFORE_NAME = /^TA\d{4}\b[\s:-]*(?=\S)/i;
/** How deep entries may hold entries: a playbook's tasks, not their own lists. */
const GROUP_DEPTH = 2;

/** What a list's entries take from where it is: a list by tactic's key, an ATT&CK block's tactics and its holder's description. */
interface Inherited {
  /** Whether the list is an ATT&CK block's, whose entries may be texts (`T1552 Unsecured Credentials`). */
  block: boolean;
  tactics: string[];
  evidence: { text: string; line: number }[];
}
const NOTHING_INHERITED: Inherited = { block: false, tactics: [], evidence: [] };
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
 * several entries name is one reference, with every entry's line and evidence. An entry that holds lists of entries (a
 * PurpleSharp playbook's `tasks`) is a group, its entries placed under it; an ATT&CK block (`mitre: { tactics,
 * techniques, subtechniques }`) gives its entries, texts too (`T1552 Unsecured Credentials`), its tactics and its
 * holder's `description`, where they state none. An entry that names no technique is
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
  /** An ATT&CK tactic as written at a node, read (a misspelt one said as read), or said where it names none. */
  const readTactic = (node: unknown, context: string): string[] => {
    const value = text(node)!;
    const tactics = stepTactics(value);
    const { line } = at(node);
    if (!tactics.length) unreadTactics.push(`line ${line} "${value}" (${context})`);
    // A tactic written otherwise than ATT&CK's name for it (`exectuion`, `Discovery/Execution`) is said as read; its
    // ID before its name (TTPForge's `TA0006 Credential Access`) is as ATT&CK writes it.
    else if (tacticKey(value.replace(TACTIC_ID_BEFORE_NAME, '')) !== tacticKey(tactics.join(' and '))) readTactics.push(`line ${line} "${value}" as ${tactics.join(' and ')}`);
    return tactics;
  };
  /** The tactics a field gives: `tactic` (else `tactic_name`, …) as one, else the `tactics` list; undefined where none is written. */
  const tacticsOf = (map: YAMLMap, context: string): { tactics: string[]; unread?: string } | undefined => {
    const one = TACTIC_FIELDS.map((name) => map.get(name, true)).find((node) => text(node) !== undefined);
    const many = map.get(TACTICS_FIELD, true);
    const nodes = one ? [one] : Y.isSeq(many) ? many.items.filter((node) => text(node) !== undefined) : text(many) !== undefined ? [many] : [];
    if (!nodes.length) return undefined;
    const tactics = [...new Set(nodes.flatMap((node) => readTactic(node, context)))];
    return { tactics, ...(tactics.length ? {} : { unread: nodes.map((node) => text(node)).join(', ') }) };
  };
  const readEntry = (item: unknown, where: string, inherited: Inherited, depth: number): void => {
    const line = at(item).line;
    // A text: an ID (`- T1082`), or in an ATT&CK block an ID and its name (`- T1552 Unsecured Credentials`).
    const opening = Y.isScalar(item) && text(item) ? LEADING_ID.exec(text(item)!) : null;
    if (opening && (inherited.block || isTechniqueId(text(item)))) {
      const [, id, name] = opening;
      return void addReference(item, id!, `${where}${name ? ` ${JSON.stringify(name.trim())}` : ''}`, inherited.tactics, inherited.evidence, undefined);
    }
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
    // A group of entries (a PurpleSharp playbook's `tasks`): its lists are read, their places under it.
    if (!technique && depth < GROUP_DEPTH && holdsLists(item.toJSON())) return void readLists(item, `${named} `, GROUP_DEPTH, inherited);
    if (!technique) return void unread.push(`line ${line}: ${named} names no technique (no ${ID_FIELDS.slice(0, 3).join(', ')} or technique_name), left out`);
    const stated = tacticsOf(item, `${named}, ${technique.value}`);
    const evidence = USE_FIELDS.flatMap((name) => {
      const node = item.get(name, true);
      const values = Y.isSeq(node) ? node.items : [node];
      return values.flatMap((each) => (text(each) ? [{ text: text(each)!, line: at(each).line }] : []));
    });
    addReference(technique.node, technique.value, named, stated?.tactics ?? inherited.tactics, evidence.length ? evidence : inherited.evidence, stated?.unread);
  };
  const addReference = (node: unknown, written: string, where: string, tactics: string[], evidence: { text: string; line: number }[], tacticUnread: string | undefined): void => {
    const { line, col } = at(node);
    const id = TECHNIQUE_ID.test(written) ? written.toUpperCase() : undefined;
    const from = `${where} (${written}${tacticUnread ? `; tactic "${tacticUnread}" names no ATT&CK tactic` : ''}), line ${line}`;
    addPlacedReference(references, id ?? nameKey(written), { written, ...(id ? { id } : {}), line, col, tactics, evidence, from });
  };
  const readList = (seq: YAMLSeq, path: string, inherited: Inherited, depth: number): void => {
    // A list none of whose entries names a technique is no list of them (TTPForge's `steps`, each a command to run).
    if (listsTechniques(seq.toJSON() as unknown[], inherited.block)) seq.items.forEach((item, index) => readEntry(item, `${path}[${index}]`, inherited, depth));
  };
  function readLists(map: YAMLMap, path: string, depth: number, inherited: Inherited = NOTHING_INHERITED): void {
    for (const pair of map.items) {
      const key = text(pair.key);
      if (key === undefined) continue;
      const value = pair.value;
      if ((TTP_LIST_KEYS as readonly string[]).includes(key) && Y.isSeq(value)) readList(value, `${path}${key}`, inherited, depth);
      else if ((TTP_LIST_KEYS as readonly string[]).includes(key) && Y.isMap(value)) {
        // A list by tactic: `attack_techniques: { initial_access: [ … ] }`, the key each entry's tactic.
        for (const group of value.items) {
          const tactic = text(group.key);
          if (tactic !== undefined && Y.isSeq(group.value)) readList(group.value, `${path}${key}.${tactic}`, { ...inherited, tactics: stepTactics(tactic) }, depth);
        }
      } else if ((ATTACK_BLOCK_KEYS as readonly string[]).includes(key) && Y.isMap(value)) {
        // The file's own ATT&CK mapping: its tactics are its techniques', its holder's description what they do.
        const block: Inherited = { block: true, tactics: tacticsOf(value, `${path}${key}.${TACTICS_FIELD}`)?.tactics ?? [], evidence: describedAt(map) };
        for (const name of BLOCK_LIST_KEYS) {
          const list = value.get(name, true);
          if (Y.isSeq(list)) readList(list, `${path}${key}.${name}`, block, depth);
        }
      } else if (depth === 0 && Y.isMap(value)) readLists(value, `${key}.`, 1);
    }
  }
  /** A mapping's `description`, as the evidence of the techniques its ATT&CK block lists. */
  const describedAt = (map: YAMLMap): { text: string; line: number }[] => {
    const node = map.get('description', true);
    return text(node) ? [{ text: text(node)!, line: at(node).line }] : [];
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
