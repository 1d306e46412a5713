// A team's own ATT&CK objects in the shapes ATT&CK Workbench writes them (see test/attack/team-bundles.test.ts for the
// sources): every object the team creates has its identity as created_by_ref, relationships (`uses`) included; a
// namespace's techniques are numbered `<PREFIX>-T<range start>` (1000 unless set), its groups `<PREFIX>-G1000`, and
// sub-techniques `<parent>.<3 digits>`: mitre-attack/attack-workbench-rest-api, app/lib/attack-id-generator.js
// (generateAttackId, commit 3b71eb59a082e860318562b4abaa6d21840428d9).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackIndex, indexBundle } from '../../lib/index.js';
import { readRawBundle, stixFile, type RawStixObject } from './attack.js';

/** The team's identity, the creator of each of its objects. */
export const ACME = 'identity--0a0a0a0a-0000-4000-8000-00000000acme';

/** What every object the team creates carries: its creator, dates and STIX version. */
export const TEAM_STAMP = { created_by_ref: ACME, created: '2025-03-01T00:00:00.000Z', modified: '2025-03-01T00:00:00.000Z', spec_version: '2.1' };

/** A technique of a team's own, as Workbench writes one: its creator the team's identity, its ID under `mitre-attack`. */
export function ownTechnique(uuid: string, id: string, name: string, domain = 'enterprise-attack'): RawStixObject {
  return {
    ...TEAM_STAMP,
    type: 'attack-pattern',
    id: `attack-pattern--${uuid}`,
    name,
    description: `${name} is a technique of our red team's own.`,
    kill_chain_phases: [{ kill_chain_name: domain === 'ics-attack' ? 'mitre-ics-attack' : 'mitre-attack', phase_name: 'initial-access' }],
    external_references: [{ source_name: 'mitre-attack', external_id: id }],
    x_mitre_platforms: ['Windows'],
    x_mitre_is_subtechnique: id.includes('.'),
    x_mitre_domains: [domain],
  };
}

/** The STIX id of the team's group, Red Cell (ACME-G1000). */
export const TEAM_GROUP = 'intrusion-set--90000000-0000-4000-8000-0000000000a1';

const uses = (n: number, target: string): RawStixObject => ({
  ...TEAM_STAMP,
  type: 'relationship',
  id: `relationship--90000000-0000-4000-8000-00000000010${n}`,
  relationship_type: 'uses',
  source_ref: TEAM_GROUP,
  target_ref: `attack-pattern--${target}`,
  description: 'Red Cell used it in exercise 7.',
});

/**
 * The team's objects to add to a MITRE release: techniques T9001 and T9001.001 (numbered as ATT&CK's), ACME-T1000 and
 * ACME-T1000.001 (of its Workbench namespace), all under Initial Access, and its group Red Cell (ACME-G1000), which uses
 * ACME-T1000 and T9001.001.
 */
export const TEAM_OBJECTS: readonly RawStixObject[] = [
  ownTechnique('90000000-0000-4000-8000-000000000001', 'T9001', 'Badge Cloning'),
  ownTechnique('90000000-0000-4000-8000-000000000002', 'T9001.001', 'RFID Replay'),
  ownTechnique('90000000-0000-4000-8000-000000000003', 'ACME-T1000', 'Helpdesk Pretexting'),
  ownTechnique('90000000-0000-4000-8000-000000000004', 'ACME-T1000.001', 'Voice Pretexting'),
  {
    ...TEAM_STAMP,
    type: 'intrusion-set',
    id: TEAM_GROUP,
    name: 'Red Cell',
    description: 'Our red team.',
    external_references: [{ source_name: 'mitre-attack', external_id: 'ACME-G1000' }],
    x_mitre_domains: ['enterprise-attack'],
  },
  uses(1, '90000000-0000-4000-8000-000000000003'),
  uses(2, '90000000-0000-4000-8000-000000000002'),
];

/** MITRE's enterprise 18.1 indexed with the team's objects (`team`, as a team's bundle acme-18.json) and without (`mitre`). */
export function teamAndMitre18(): { team: AttackIndex; mitre: AttackIndex } {
  const objects = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects;
  const index = (all: readonly RawStixObject[], file: string) =>
    new AttackIndex(indexBundle({ type: 'bundle', id: 'bundle--x', objects: all }, { release: '18.1', source: { file, sha256: 'test' } }));
  return { team: index([...objects, ...TEAM_OBJECTS], 'acme-18.json'), mitre: index(objects, 'enterprise-attack-18.1.json') };
}

/**
 * The team's data as `--attack <folder>` takes it: a folder `acme` in `dir` holding MITRE's enterprise 18.1 with the
 * team's objects, named as the 18.1 release (`enterprise-attack-18.1.json`). Returns the folder.
 */
export function writeTeamFolder(dir: string): string {
  const folder = join(dir, 'acme');
  mkdirSync(folder);
  const objects = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects;
  writeFileSync(join(folder, 'enterprise-attack-18.1.json'), JSON.stringify({ type: 'bundle', id: 'bundle--acme', objects: [...objects, ...TEAM_OBJECTS] }));
  return folder;
}

/** A Sigma rule of the team's, hand-written in SigmaHQ's shape (process creation on Windows, level high), with these tags. */
export function teamSigmaRule(title: string, tags: readonly string[]): string {
  return [
    `title: ${title}`,
    'status: test',
    'tags:',
    ...tags.map((tag) => `  - ${tag}`),
    'logsource:',
    '  product: windows',
    '  category: process_creation',
    'detection:',
    '  selection:',
    "    Image|endswith: '\\callback.exe'",
    '  condition: selection',
    'level: high',
    '',
  ].join('\n');
}
