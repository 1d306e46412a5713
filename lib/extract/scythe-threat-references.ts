import { isJsonObject, type JsonObject } from '../json-value.js';
import { tacticDisplayName } from '../normalize/tactic-text.js';
import type { EmulationPlanOptions, EmulationPlanReport } from './emulation-plan-references.js';
import type { ExtractedReference } from './extract-references.js';
import { addPlacedReference } from './placed-references.js';
import { readPlacedYaml } from './yaml-places.js';

// SCYTHE's tags of a step (`rtags`): `att&ck-technique:T1059.001`, `att&ck-tactic:TA0007`, in any case; some threats
// tag a step with the technique's ID alone (`T1547.001`).
const TECHNIQUE_TAG = /^att&ck-technique:\s*(.*)$/i;
const TACTIC_TAG = /^att&ck-tactic:\s*(.*)$/i;
// Tags that name nothing to read: the product's and the framework's own (`scythe`, `att&ck`).
const PLAIN_TAGS = new Set(['scythe', 'att&ck']);
const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/i;
// A description that is one address: the report the threat was written from.
const ONE_URL = /^https?:\/\/\S+$/i;

/**
 * A SCYTHE threat as its Threat Manager exports it (scythe-io/community-threats `*_scythe_threat.json`): `{ threat: {
 * name, display_name, description, script: { "0": step, … } } }`.
 */
export function isScytheThreat(value: JsonObject): boolean {
  const threat = value['threat'];
  return isJsonObject(threat) && isJsonObject(threat['script']) && (typeof threat['name'] === 'string' || typeof threat['display_name'] === 'string');
}

/**
 * Read a SCYTHE threat (`isScytheThreat`) as an emulation plan; undefined for any other text. Each `att&ck-technique:`
 * tag of a step's `rtags` is a reference at its line, the step's `module` and `request` its evidence; the step's
 * `att&ck-tactic:` tag (a TA ID) is its tactic where the step tags one technique; where it tags several (SCYTHE tags a
 * step's module with one tactic, which need not be every technique's: `whoami` is tagged Discovery, T1033 and
 * T1059.003), the tactic goes to those of them that have it in the release (`hasTactic`: T1033), and the note says which
 * did not (T1059.003, Execution's); with no release, to none.
 * A tag of the framework that names no technique or tactic is said with its place, and stops nothing. The campaign is
 * named after `display_name` (else `name`), which may name the software the threat emulates (`nameAsSoftware`); a
 * `description` that is one address is the report's `url`, any other its description. Pure.
 * @throws InvalidYamlError naming the file, line and column of each syntax error.
 */
export function scytheThreatReport(source: string, options: EmulationPlanOptions = {}): EmulationPlanReport | undefined {
  const file = options.file ?? 'the SCYTHE threat';
  const { Y, doc, at, text } = readPlacedYaml(source, file, 'SCYTHE threat');
  const threat = Y.isMap(doc.contents) ? doc.contents.get('threat', true) : undefined;
  const script = Y.isMap(threat) ? threat.get('script', true) : undefined;
  if (!Y.isMap(threat) || !Y.isMap(script)) return undefined;
  const references = new Map<string, ExtractedReference>();
  const unread: string[] = [];
  const sharedTactics: string[] = [];
  for (const pair of script.items) {
    const step = pair.value;
    if (!Y.isMap(step)) continue;
    const label = `script step ${text(pair.key) ?? '?'}`;
    const tags = step.get('rtags', true);
    if (!Y.isSeq(tags)) continue;
    const techniques: Array<{ written: string; node: unknown }> = [];
    const tactics: string[] = [];
    for (const node of tags.items) {
      const tag = text(node);
      if (!tag || PLAIN_TAGS.has(tag.toLowerCase())) continue;
      // A bare ID is a technique's tag too (`"rtags": ["T1547.001"]`, FIN6-Phase2-Scenario1's).
      const technique = TECHNIQUE_TAG.exec(tag)?.[1] ?? (TECHNIQUE_ID.test(tag) ? tag : undefined);
      const tactic = TACTIC_TAG.exec(tag)?.[1];
      const read = technique !== undefined && TECHNIQUE_ID.test(technique) ? technique : undefined;
      const tacticRead = tactic !== undefined ? tacticDisplayName(tactic) : undefined;
      if (read) techniques.push({ written: read.toUpperCase(), node });
      else if (tacticRead) tactics.push(tacticRead);
      else if (/^att&ck-/i.test(tag)) unread.push(`line ${at(node).line} "${tag}" (${label})`);
    }
    const [module, request] = [text(step.get('module', true)), text(step.get('request', true))];
    const said = [module, request].filter(Boolean).join(' ');
    const evidenceNode = request ? step.get('request', true) : step.get('module', true);
    const evidence = said ? [{ text: said, line: at(evidenceNode).line }] : [];
    const one = techniques.length === 1;
    // Of several techniques, each takes those of the step's tactics it has in the release (with no release, none).
    const own = (id: string): string[] => (one ? tactics : tactics.filter((tactic) => options.hasTactic?.(id, tactic) === true));
    if (!one && tactics.length && techniques.length) {
      const given = techniques.filter((t) => own(t.written).length).map((t) => t.written);
      const not = techniques.filter((t) => !own(t.written).length).map((t) => t.written);
      const said = !options.hasTactic
        ? ['given to none: no ATT&CK data to check it against']
        : [given.length ? `given to ${given.join(', ')}` : '', not.length ? `not to ${not.join(', ')}, whose tactics it is not` : ''];
      sharedTactics.push(`${label} (${tactics.join(', ')}; ${techniques.map((t) => t.written).join(', ')}: ${said.filter(Boolean).join('; ')})`);
    }
    for (const { written, node } of techniques) {
      const { line, col } = at(node);
      const from = `${label} (${module ?? 'no module'}), line ${line}`;
      addPlacedReference(references, written, { written, id: written, line, col, tactics: own(written), evidence, from });
    }
  }
  const nameField = text(threat.get('display_name', true)) ? 'display_name' : 'name';
  const name = text(threat.get(nameField, true));
  const nameLine = at(threat.get(nameField, true)).line;
  const description = text(threat.get('description', true))?.replace(/\s+/g, ' ');
  const url = description && ONE_URL.test(description) ? description : undefined;
  const notes = [
    ...(sharedTactics.length ? [`steps that tag one tactic for several techniques, given to those that have it: ${sharedTactics.join('; ')} (the others are read with their own tactics; write a tactic: by hand where it is meant)`] : []),
    ...(unread.length ? [`tags that name no ATT&CK technique or tactic, left out: ${unread.join('; ')}`] : []),
  ];
  return {
    references: [...references.values()],
    ...(name ? { name, nameAsSoftware: { written: name, name, lines: [nameLine], from: [`threat ${nameField}, line ${nameLine}`] } } : {}),
    ...(url ? { url } : description && description !== name ? { description } : {}),
    ...(notes.length ? { notes } : {}),
  };
}
