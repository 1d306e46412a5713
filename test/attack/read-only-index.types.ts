/**
 * A type test, compiled by `npm run typecheck` and never run: an index is shared by every caller of the process
 * (loaded-releases.ts), so its data is read-only in its type all the way down. Each line below is a write a caller could
 * once make, corrupting every later lookup; a type that allowed it again leaves its `@ts-expect-error` unused, which
 * fails the typecheck.
 */
import type { AttackIndex, DetectionIndexData, ProcedureIndexData, StixId } from '../../lib/index.js';

export function writesToAnIndex(index: AttackIndex): void {
  const { data } = index;
  const technique = data.techniques[0]!;
  const group = data.groups[0]!;
  // @ts-expect-error: the technique list is read-only
  data.techniques.push(technique);
  // @ts-expect-error: so is each place of it
  data.techniques[0] = technique;
  // @ts-expect-error: the tactics
  data.tactics.pop();
  // @ts-expect-error: the groups (read lazily from the cache)
  data.groups.push(group);
  // @ts-expect-error: the software
  data.software.length = 0;
  // @ts-expect-error: the campaigns
  data.campaigns.sort();
  // @ts-expect-error: the lists themselves
  data.groups = [];
  // @ts-expect-error: the release
  data.release = '18.0';
  // @ts-expect-error: the notes
  data.notes?.push('a note');
  // @ts-expect-error: the object counts
  data.objectCounts['attack-pattern'] = 0;
  // @ts-expect-error: where the release came from
  data.source.file = 'elsewhere.json';
  // @ts-expect-error: a technique's fields
  technique.name = 'Changed';
  // @ts-expect-error: a technique's lists
  technique.platforms.push('Windows');
  // @ts-expect-error: a group's lists
  group.techniques.push('T1059');
  // @ts-expect-error: what lookups hand out
  index.allTechniques().push(technique);
  // @ts-expect-error: a name lookup's map
  index.names().set('changed', [technique]);
  // @ts-expect-error: and its lists
  index.techniquesByName('PowerShell').push(technique);
  // @ts-expect-error: sub-techniques
  index.children('T1059').push(technique);
  // @ts-expect-error: groups by name
  index.actors('APT29').push(group);
  // @ts-expect-error: platforms
  index.platforms().push('Windows');
}

export function writesToSideData(procedures: ProcedureIndexData, detection: DetectionIndexData, stixId: StixId): void {
  const details = procedures.objects[stixId]!;
  // @ts-expect-error: an object's details
  procedures.objects[stixId] = details;
  // @ts-expect-error: its procedures
  details.procedures.push(details.procedures[0]!);
  // @ts-expect-error: a procedure's sources
  details.procedures[0]!.sources.push(0);
  // @ts-expect-error: the sources cited
  procedures.sources.push({ name: 'a source' });
  // @ts-expect-error: the detection strategies
  detection.strategies.pop();
  // @ts-expect-error: a strategy's techniques
  detection.strategies[0]!.techniques.push(stixId);
  // @ts-expect-error: an analytic's log sources
  detection.analytics[0]!.logSources.push({ name: 'NSM:Flow' });
  // @ts-expect-error: the mitigations of a technique
  detection.mitigates[stixId]!.push({ mitigation: 'M1049', text: '' });
}
