import { nameKey } from '../attack/attack-index.js';
import { InputError, type GivenAs } from '../errors.js';
import { dettectKindOfText } from '../input-kind.js';
import { actorAdvice, givenActor, type BundleOptions, type BundleReport } from './bundle-references.js';
import type { ExtractedReference } from './extract-references.js';
import type { NamedSoftware } from './named-software.js';
import { readPlacedYaml } from './yaml-places.js';

// An ATT&CK technique ID as DeTT&CT writes it, in any case.
const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/i;

/** One group of the file: its names, where it is, its techniques and software as nodes of the document. */
interface Group {
  index: number;
  name?: string;
  campaign?: string;
  enabled: boolean;
  label: string;
}

/**
 * Read a DeTT&CT group administration file (`file_type: group-administration`: a list of `groups`, each with its
 * `group_name`, `campaign`, `technique_id` and `software_id`, and `enabled`, as DeTT&CT's `sample-data/groups.yaml`
 * writes them) as a report; undefined for any other text. Each ID of a group's `technique_id` (a list, or a mapping of
 * ID to count as Red Canary's "overall" group writes it) is a reference at its line and column; each of its
 * `software_id` is software. Which groups: the one `options.actor` names (by `group_name` or `campaign`, in any case);
 * else the groups DeTT&CT itself reads (`enabled` not false), or all when none is, each reference saying which of
 * them list it when several do. The campaign is named after one group's `campaign` (else its `group_name`), which
 * is its actor. Pure.
 * @throws InvalidYamlError naming the file, line and column of each syntax error; InputError naming the file and its
 * groups when `options.actor` names none of them, or several.
 */
export function dettectGroupReport(source: string, options: BundleOptions = {}): BundleReport | undefined {
  if (dettectKindOfText(source) !== 'dettect-groups') return undefined;
  const file = options.file ?? 'the DeTT&CT group file';
  const { Y, doc, at, text } = readPlacedYaml(source, file, 'DeTT&CT group file');
  const groupsNode = doc.get('groups', true);
  if (!Y.isSeq(groupsNode)) return undefined;
  const groups: Array<Group & { node: unknown }> = groupsNode.items.flatMap((node, index) => {
    if (!Y.isMap(node)) return [];
    const name = text(node.get('group_name', true));
    const campaign = text(node.get('campaign', true));
    const enabled = (Y.isScalar(node.get('enabled', true)) ? (node.get('enabled', true) as { value: unknown }).value : true) !== false;
    return [{ index, node, ...(name ? { name } : {}), ...(campaign ? { campaign } : {}), enabled, label: name ?? campaign ?? `groups[${index}]` }];
  });
  const chosen = options.actor === undefined ? undefined : chosenGroup(groups, options.actor, file, options.givenAs);
  const enabled = groups.filter((group) => group.enabled);
  const read = chosen ? [chosen] : enabled.length ? enabled : groups;
  const references = new Map<string, ExtractedReference>();
  const software = new Map<string, NamedSoftware>();
  for (const group of read) {
    const map = group.node as import('yaml').YAMLMap;
    const where = (field: string, node: unknown): string => `groups[${group.index}] (${group.label}) ${field}, line ${at(node).line}`;
    const techniques = map.get('technique_id', true);
    // A list of IDs, or a mapping of ID to a count (Red Canary's report as DeTT&CT's sample writes it).
    const idNodes = Y.isSeq(techniques) ? techniques.items : Y.isMap(techniques) ? techniques.items.map((pair) => pair.key) : Y.isScalar(techniques) ? [techniques] : [];
    for (const node of idNodes) {
      const written = text(node);
      if (!written) continue;
      const { line, col } = at(node);
      const id = TECHNIQUE_ID.test(written) ? written.toUpperCase() : undefined;
      const key = id ?? nameKey(written);
      const seen = references.get(key);
      if (seen) {
        seen.lines = [...new Set([...(seen.lines ?? [seen.line]), line])].sort((a, b) => a - b);
        seen.from = [...(seen.from ?? []), where('technique_id', node)];
        if (read.length > 1 && !seen.usedBy?.includes(group.label)) seen.usedBy = [...(seen.usedBy ?? []), group.label];
        continue;
      }
      references.set(key, {
        raw: written,
        line,
        ids: id ? [id] : [],
        ...(id ? {} : { name: written }),
        tactics: [],
        span: { line, start: col - 1, end: col - 1 + written.length },
        from: [where('technique_id', node)],
        ...(read.length > 1 ? { usedBy: [group.label] } : {}),
      });
    }
    const softwareNode = map.get('software_id', true);
    for (const node of Y.isSeq(softwareNode) ? softwareNode.items : Y.isScalar(softwareNode) ? [softwareNode] : []) {
      const written = text(node);
      if (!written) continue;
      const line = at(node).line;
      const seen = software.get(written.toUpperCase());
      if (seen) {
        seen.lines = [...new Set([...seen.lines, line])].sort((a, b) => a - b);
        seen.from.push(where('software_id', node));
        continue;
      }
      software.set(written.toUpperCase(), { written, ...(/^S\d{4}$/i.test(written) ? { id: written.toUpperCase() } : { name: written }), lines: [line], from: [where('software_id', node)] });
    }
  }
  const one = read.length === 1 ? read[0] : undefined;
  const left = groups.filter((group) => !read.includes(group));
  const notes = [
    ...(read.length > 1 ? [`the file lists ${read.length} groups (${read.map((group) => group.label).join(', ')}), so the campaign holds the techniques of all, each saying which list it (where they are separate, make one campaign per group: ${actorAdvice(options.givenAs)} keeps the techniques of the one named)`] : []),
    ...(left.length && !chosen ? [`left out, as DeTT&CT leaves them out (enabled: False): ${left.map((group) => group.label).join(', ')} (${actorAdvice(options.givenAs)} takes the one named)`] : []),
  ];
  return {
    references: [...references.values()],
    ...(one ? { name: one.campaign ?? one.label, ...(one.name ? { actor: one.name } : {}) } : {}),
    ...(software.size ? { software: [...software.values()] } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * The group `wanted` names, by its `group_name` or its `campaign`, in any case.
 * @throws InputError naming `file`, `wanted` and the file's groups, when none matches or several do.
 */
function chosenGroup<T extends Group>(groups: readonly T[], wanted: string, file: string, givenAs: GivenAs | undefined): T {
  const key = nameKey(wanted);
  const matching = groups.filter((group) => [group.name, group.campaign].some((name) => name !== undefined && nameKey(name) === key));
  if (matching.length === 1) return matching[0]!;
  const listing = groups.map((group) => (group.campaign ? `${group.label} (campaign ${group.campaign})` : group.label)).join(', ');
  if (matching.length > 1) {
    throw new InputError(`${file}: ${givenActor(givenAs, wanted)} names ${matching.length} groups of the DeTT&CT group file: ${listing}; give the campaign of the one meant`, { file });
  }
  throw new InputError(`${file}: ${givenActor(givenAs, wanted)} names no group of the DeTT&CT group file (by group_name or campaign); it holds ${listing || 'none'}`, { file });
}
