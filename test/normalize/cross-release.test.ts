import { expect } from 'chai';
import type { Campaign } from '../../lib/campaign/campaign-types.js';
import { normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import { loadRelease, readRawBundle, stixFile, type RawStixObject } from '../helpers/attack.js';

/** What the 18.1 bundle itself says a 6.3 technique became, read without lib/: follow revoked-by to the end. */
function expectedFromBundle(objects: readonly RawStixObject[]) {
  const byStix = new Map(objects.map((o) => [o.id, o]));
  const revokedBy = new Map<string, string>();
  for (const o of objects) if (o.type === 'relationship' && o['relationship_type'] === 'revoked-by') revokedBy.set(o['source_ref'] as string, o['target_ref'] as string);
  const attackId = (o: RawStixObject) =>
    (o['external_references'] as { source_name: string; external_id?: string }[]).find((r) => r.source_name === 'mitre-attack')?.external_id;
  return (stixId: string): { status: 'current' | 'revoked' | 'deprecated'; ids: string[] } => {
    let object = byStix.get(stixId)!;
    let revoked = false;
    while (object['revoked']) {
      revoked = true;
      object = byStix.get(revokedBy.get(object.id)!)!;
    }
    if (object['x_mitre_deprecated']) return { status: 'deprecated', ids: [] };
    return { status: revoked ? 'revoked' : 'current', ids: [attackId(object)!] };
  };
}

describe('normalizing every group of ATT&CK 6.3 to 18.1', () => {
  it('follows the 18.1 bundle\'s revoked-by relationships for every technique every 6.3 group used, flagging deprecated ones', function () {
    this.timeout(120_000);
    const source = loadRelease('6.3');
    const target = loadRelease('18.1');
    const expected = expectedFromBundle(readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects);
    const groups = source.data.groups.filter((group) => !group.revoked && !group.deprecated && group.techniques.length);
    expect(groups.length).to.be.greaterThan(50);
    const seen = { revoked: 0, deprecated: 0, current: 0 };
    for (const group of groups) {
      const techniques = group.techniques.map((id) => source.technique(id)!);
      const campaign: Campaign = {
        file: `${group.id}.yaml`,
        id: group.id,
        name: `${group.name} in ATT&CK 6.3`,
        sources: [],
        domain: 'enterprise-attack',
        attackVersion: '6.3',
        platforms: [],
        tags: [],
        techniques: techniques.map((t, i) => ({ ref: `${t.name} (${t.id})`, tactics: [], path: `/techniques/${i}` })),
        software: [],
      };
      const result = normalizeCampaign(campaign, { target, source, warnings: [] });
      result.references.forEach((reference, i) => {
        const want = expected(techniques[i]!.stixId);
        const where = `${group.id} ${reference.raw}: ${reference.note}`;
        // A current ID written with its 6.3 name is `renamed` when the name has changed since.
        expect(reference.status === 'renamed' ? 'current' : reference.status, where).to.equal(want.status);
        expect(reference.ids, where).to.deep.equal(want.ids);
        seen[want.status]++;
      });
    }
    // The data must exercise all three paths, or this test proves less than it claims.
    expect(seen.revoked).to.be.greaterThan(100);
    expect(seen.current).to.be.greaterThan(100);
    expect(seen.deprecated).to.be.greaterThan(0);
  });
});
