import { nameKey } from '../attack/attack-index.js';
import { readIdInName } from './id-in-name.js';

/**
 * An ATT&CK software as a structured input names it, not yet looked up in ATT&CK (`mispSoftwareObjects`): a MISP
 * event's `mitre-malware` and `mitre-tool` clusters and tags, a STIX bundle's malware and tool objects (`BISCUIT - S0017`,
 * as MISP's STIX converter names them). One per ID, else per name.
 */
export interface NamedSoftware {
  /** The value, tag or object name, as first written. */
  written: string;
  /** Its S-ID: the one the value ends with, else the one its data gives (a cluster's `meta.external_id`, an object's ATT&CK reference). */
  id?: string;
  /** The name before the ID, or the whole value when it has none. */
  name?: string;
  /** The lines of the JSON text that name it, in order. */
  lines: number[];
  /** Each place that names it, with its line (`Event.Galaxy[1].GalaxyCluster[0] (mitre-malware), line 72`). */
  from: string[];
}

/**
 * MISP's galaxies of ATT&CK software: `mitre-malware`, `mitre-tool`, the older per-domain ones, `mitre-ics-software`
 * (of ATT&CK for ICS's first wiki: no S-ID, a software's names joined, `Backdoor.Oldrea, Havex`), and Tidal Cyber's
 * (MISP/misp-galaxy galaxies/tidal-software.json, type `software`). Software does not tell the event's domain: ATT&CK's
 * software is in several (S0604 Industroyer is in Enterprise and ICS).
 */
export const isSoftwareGalaxy = (type: string): boolean => /^mitre(-(enterprise|mobile)-attack)?-(malware|tool)$|^mitre-ics-software$|^software$/.test(type);

/**
 * The S-ID and name a software's value holds (`BISCUIT - S0017`), else the first S-ID of `knownIds` (the ID its data
 * gives beside it), and the name; no ATT&CK software's name holds a comma: one there joins a software's names
 * (`Backdoor.Oldrea, Havex`), and the first is read. Pure.
 */
export function readSoftwareName(written: string, knownIds: readonly unknown[]): { id?: string; name?: string } {
  const read = readIdInName(written, 'software');
  const known = knownIds.map((each) => (typeof each === 'string' ? each.trim() : '')).find((each) => /^S\d{4}$/i.test(each))?.toUpperCase();
  const id = read.id ?? known;
  const name = read.id ? read.name : written.split(', ')[0];
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

/** The places that name software, one entry per ID (else per name) citing every place, in the order of first place. Pure. */
export function softwareOnce(places: ReadonlyArray<{ written: string; id?: string; name?: string; line: number; from: string }>): NamedSoftware[] {
  // A place that names software without its ID (Tidal's tag, `misp-galaxy:software="AdFind"`) is the one a place with
  // an ID names so (its cluster, software_attack_id S0552), where the name has one ID.
  const idsByName = new Map<string, Set<string>>();
  for (const each of places) if (each.id) idsByName.set(nameKey(each.name ?? each.written), (idsByName.get(nameKey(each.name ?? each.written)) ?? new Set()).add(each.id));
  const idOfName = (name: string): string | undefined => (idsByName.get(nameKey(name))?.size === 1 ? [...idsByName.get(nameKey(name))!][0] : undefined);
  const byKey = new Map<string, NamedSoftware>();
  for (const each of places) {
    const key = each.id ?? idOfName(each.name ?? each.written) ?? nameKey(each.name ?? each.written);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { written: each.written, ...(each.id ? { id: each.id } : {}), ...(each.name ? { name: each.name } : {}), lines: [each.line], from: [`${each.from}, line ${each.line}`] });
    else {
      if (!seen.lines.includes(each.line)) seen.lines = [...seen.lines, each.line].sort((a, b) => a - b);
      seen.from.push(`${each.from}, line ${each.line}`);
    }
  }
  return [...byKey.values()];
}
