import { isJsonObject, type JsonObject } from '../json-value.js';

/**
 * VECTR's campaigns as the STIX objects a bundle of threat intelligence is read by (`bundleReport`). VECTR (Security
 * Risk Advisors) shares an assessment as a STIX 2.0 bundle of objects of its own (SecurityRiskAdvisors/VECTR
 * cti/covid19-campaign.json, cti/Iranian_TTP_Bundle_010920.json): `x-vectr-io-campaign`, whose `testCaseIds` list its
 * test cases by `vectrId`; `x-vectr-io-testcase`, whose `redTeam` holds the technique (`mitreId`, its name as `method`)
 * and the test's name (`variant`), and whose `phaseId` names an `x-vectr-io-phase` that lists its ATT&CK tactics
 * (`mitreTactics: ["INITIAL_ACCESS"]`); and `x-vectr-io-assessmentgroup`, the campaigns' group. Each test case becomes
 * an attack-pattern (its own id, so its place is where it is written), each campaign a campaign with a `uses`
 * relationship to each of its test cases, described by the test's name, and the group a report. Objects of other types
 * are kept as they are.
 */
export function withVectrObjects(objects: readonly JsonObject[]): JsonObject[] {
  if (!objects.some((object) => object['type'] === 'x-vectr-io-testcase')) return [...objects];
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const tacticsOf = new Map<string, string[]>();
  for (const phase of objects.filter((object) => object['type'] === 'x-vectr-io-phase')) {
    const tactics = Array.isArray(phase['mitreTactics']) ? phase['mitreTactics'].flatMap((tactic) => (text(tactic) ? [text(tactic)!.toLowerCase().replaceAll('_', '-')] : [])) : [];
    if (text(phase['vectrId'])) tacticsOf.set(text(phase['vectrId'])!, tactics);
  }
  const testCases = new Map(objects.flatMap((object) => (object['type'] === 'x-vectr-io-testcase' && text(object['vectrId']) ? [[text(object['vectrId'])!, object] as const] : [])));
  const redTeamOf = (testCase: JsonObject): JsonObject => (isJsonObject(testCase['redTeam']) ? testCase['redTeam'] : {});
  return objects.flatMap((object): JsonObject[] => {
    const [type, id, name] = [object['type'], text(object['id']), text(object['name'])];
    if (type === 'x-vectr-io-testcase' && id) {
      const redTeam = redTeamOf(object);
      const attackId = text(redTeam['mitreId']);
      const tactics = tacticsOf.get(text(object['phaseId']) ?? '') ?? [];
      return [
        {
          type: 'attack-pattern',
          id,
          ...(text(redTeam['method']) ? { name: text(redTeam['method'])! } : {}),
          ...(attackId ? { external_references: [{ source_name: 'mitre-attack', external_id: attackId }] } : {}),
          kill_chain_phases: tactics.map((phase) => ({ kill_chain_name: 'mitre-attack', phase_name: phase })),
        },
      ];
    }
    if (type === 'x-vectr-io-campaign' && id && name) {
      const ids = Array.isArray(object['testCaseIds']) ? object['testCaseIds'].flatMap((each) => (text(each) ? [text(each)!] : [])) : [];
      const uses = ids.flatMap((testCaseId) => {
        const testCase = testCases.get(testCaseId);
        const variant = testCase ? text(redTeamOf(testCase)['variant']) : undefined;
        if (!testCase || !text(testCase['id'])) return [];
        return [{
          type: 'relationship',
          id: `relationship--vectr-${text(object['vectrId']) ?? id}-${testCaseId}`,
          relationship_type: 'uses',
          source_ref: id,
          target_ref: text(testCase['id'])!,
          ...(variant ? { description: variant } : {}),
        }];
      });
      return [{ type: 'campaign', id, name }, ...uses];
    }
    if (type === 'x-vectr-io-assessmentgroup' && id && name) return [{ type: 'report', id, name }];
    return [object];
  });
}
