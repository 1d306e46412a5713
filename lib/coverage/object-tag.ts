import { isNamespacedObjectId } from '../attack/technique-id.js';

// attack.g0007 (group), attack.s0002 (software), attack.c0010 (campaign), attack.ds0005 (data source), attack.m1040 (mitigation).
const MITRE_OBJECT_ID = /^(?:G|S|C|DS|M)\d+$/;

/**
 * The ATT&CK object other than a technique or a tactic that a Sigma tag names, its ID in capitals: MITRE's
 * (`attack.g0007`: G0007; a group, software, campaign, data source or mitigation) or one of a team's ATT&CK Workbench
 * organization namespace (`attack.acme-g1000`: ACME-G1000); undefined for any other tag. pySigma reads both alike, the
 * tag's name after `attack.` as the object's ATT&CK ID: its ATTACKTagValidator accepts a group's, software's or
 * mitigation's `mitre-attack` external_id of the ATT&CK data it loads, a team's data too (SigmaHQ/pySigma,
 * sigma/validators/core/tags.py, commit 0649299d1fae562f0d16734fb59ca48ed8e1fe53; sigma/data/mitre_attack_data.py,
 * commit 3240dabc0db4379c5b028cf69d2b2090d8cbc3c8).
 */
export function objectTagId(tag: string): string | undefined {
  const id = /^attack\.(.+)$/i.exec(tag)?.[1]?.toUpperCase();
  return id !== undefined && (MITRE_OBJECT_ID.test(id) || isNamespacedObjectId(id)) ? id : undefined;
}

/** Whether an object tag's ID is a group's, software's or campaign's, MITRE's or a team's (`G0007`, `ACME-S1000`): those a release holds by ID. */
export function isActorId(id: string): boolean {
  return /^(?:[A-Z]+-)?[GSC]\d+$/.test(id);
}
