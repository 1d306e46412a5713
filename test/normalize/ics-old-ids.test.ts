/**
 * Old ATT&CK for ICS IDs in a campaign file, read against ics-attack 18.1 (../shared/attack-stix holds no older ICS
 * release). ATT&CK for ICS's first wiki numbered its techniques T800 to T882; ATT&CK gave each a 0 when ICS joined it
 * in 2020 (T0816). Armis's 2020 blog series on ATT&CK for ICS cites the wiki's IDs ("MITRE defines T816:
 * Device Restart/Shutdown", part 5, https://www.armis.com/blog/mitre-attck-for-ics-practical-applications-part-5/);
 * the rows below are written in its shapes. 18.1 keeps twelve ICS techniques deprecated, none revoked; the wiki's pages
 * (https://collaborate.mitre.org/attackics/index.php/Technique/T0818) and mappings written since still cite them
 * (`MITRE ATT&CK for ICS: T0818 Engineering Workstation Compromise`, `Modify Control Logic (T0833)`).
 */
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { parseCampaign } from '../../lib/campaign/read-campaign.js';
import { campaignReleases, normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import type { ReferenceResult } from '../../lib/normalize/normalize-types.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';

describe('old ATT&CK for ICS IDs in a campaign (ics-attack 18.1)', () => {
  let library: AttackLibrary;
  before(() => {
    library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
  });
  const normalize = (refs: readonly string[]): ReferenceResult[] => {
    const text = ['name: ICS IDs', 'domain: ics-attack', 'techniques:', ...refs.map((ref) => `  - ref: "${ref}"`), ''].join('\n');
    const campaign = parseCampaign(text, 'ics-ids.yaml');
    return normalizeCampaign(campaign, campaignReleases(campaign, library)).references;
  };

  it("reads a wiki ID (T816) as T0816 where the name beside it, before or after, is that technique's, with a warning", () => {
    const rows = ['T816: Device Restart/Shutdown', 'T816 - Device Restart/Shutdown', 'T816 Device Restart/Shutdown', 'Device Restart/Shutdown (T816)', 'Device Restart/Shutdown - T816', 'T843: Program Download'];
    const refs = normalize(rows);
    expect(refs.map((r) => [r.raw, r.status, r.ids])).to.deep.equal(rows.map((raw) => [raw, 'name', [raw.includes('T843') ? 'T0843' : 'T0816']]));
    expect(refs[0]!.warnings).to.deep.equal(["T816 read as T0816: the name after it is that technique's; check the text"]);
    expect(refs[3]!.warnings).to.deep.equal(["T816 read as T0816: the name before it is that technique's; check the text"]);
    expect(refs[0]!.trail[0]).to.match(/^read: an ID of ATT&CK for ICS's first wiki .*: "T816" as T0816$/);
  });

  it('reads a wiki ID of a technique deprecated since as that deprecated technique, with its note', () => {
    const refs = normalize(['T818 Engineering Workstation Compromise', 'Modify Control Logic - T833']);
    expect(refs.map((r) => [r.status, r.ids, r.note])).to.deep.equal([
      ['deprecated', [], 'T0818 Engineering Workstation Compromise is deprecated in ATT&CK 18.1 and has no replacement; its description names no successor'],
      ['deprecated', [], 'T0833 Modify Control Logic is deprecated in ATT&CK 18.1 and has no replacement; its description names no successor'],
    ]);
  });

  it('leaves a wiki ID whose name is another technique\'s unread (T816: Program Download), as before', () => {
    const [ref] = normalize(['T816: Program Download']);
    expect([ref!.status, ref!.ids]).to.deep.equal(['unknown', []]);
  });

  it('says the deprecated ICS IDs of real mappings as deprecated, never mapped, never unknown', () => {
    const rows = ['T0818 Engineering Workstation Compromise', 'Modify Control Logic (T0833)', 'T0875 Change Program State', 'T0870 Detect Program State', 'T0841 Network Service Scanning', 'Data Historian Compromise'];
    expect(normalize(rows).map((r) => [r.raw, r.status, r.ids])).to.deep.equal(rows.map((raw) => [raw, 'deprecated', []]));
  });
});
