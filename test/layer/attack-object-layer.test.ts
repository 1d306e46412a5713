import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import {
  AttackIndex,
  CAMPAIGN_COLOR,
  indexBundle,
  indexProcedures,
  InputError,
  loadProcedures,
  objectLayerFileName,
  frequencyLayerFileName,
  OVERVIEW_NAMED,
  renderAllObjectLayers,
  renderAllObjectsFrequencyLayer,
  renderAttackObjectLayer,
  renderObjectFrequencyLayer,
  resolveAttackObject,
  schemaIssues,
  UsageError,
  validateLayer,
  type AllObjectLayers,
  type LayerTechnique,
  type NavigatorLayer,
  type ProcedureIndexData,
} from '../../lib/index.js';
import { fitsPage, tooltipTitle } from '../../lib/layer/tooltip-fit.js';
import { fixtureFile, loadRelease, stixFile, testCacheDir, type RawStixObject } from '../helpers/attack.js';
import { MITRE_COLORS, mitreGroupLayer } from '../helpers/mitre-group-layer.js';
import { rawAttackId, rawObjectById, rawTechniqueIds, rawUses } from '../helpers/raw-uses.js';

const BUNDLE = () => stixFile('enterprise-attack-18.1.json.gz');
const FIXTURE = fixtureFile('enterprise-attack-0.2.json');

function release(): { index: AttackIndex; data: ProcedureIndexData } {
  const index = loadRelease('18.1');
  return { index, data: loadProcedures(index, { cacheDir: testCacheDir() }) };
}

function fixture(): { index: AttackIndex; data: ProcedureIndexData } {
  const json = JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown;
  const index = new AttackIndex(indexBundle(json, { release: '0.2', source: { file: FIXTURE, sha256: 'test' } }));
  return { index, data: indexProcedures(json, { file: FIXTURE, sha256: 'test' }) };
}

/** Entries with a score: the techniques the layer says are used (the others only expand a parent). */
function scored(layer: NavigatorLayer): LayerTechnique[] {
  return (layer.techniques ?? []).filter((entry) => entry.score !== undefined);
}

function findings(layer: NavigatorLayer, index: AttackIndex) {
  // The hand-written bundles are ATT&CK 0.x, a release no Navigator has, and a layer asked for in 10.1 is one Navigator
  // 5.1 offers to upgrade: those findings are about the release asked for, no fault of the layer's.
  const asked = (code: string): boolean => (code === 'navigator-release' && index.major === '0') || code === 'upgrade-prompt';
  const ours = validateLayer(layer, { attackFor: () => index }).filter((finding) => !asked(finding.code));
  return [...schemaIssues('layer-4.5', layer), ...ours];
}

/** Letters and digits only: what a description says, whatever the spacing and markup. */
function words(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A raw relationship description without its citations and link targets, as the test reads it. */
function rawText(description: string): string {
  return description.replace(/\(Citation:[^)]*\)/g, '').replace(/\]\([^)]*\)/g, ']').replace(/<\/?code>/g, '');
}

describe('renderAttackObjectLayer', () => {
  describe('APT32 (G0050) in 18.1, against a direct reading of the bundle', () => {
    let layer: NavigatorLayer;
    let warnings: string[];
    let group: RawStixObject;
    let relationships: RawStixObject[];
    before(() => {
      const { index, data } = release();
      ({ layer, warnings } = renderAttackObjectLayer(resolveAttackObject(index, 'G0050').object, index, data));
      group = rawObjectById(rawUses(BUNDLE()), 'G0050');
      relationships = rawUses(BUNDLE()).uses.filter((r) => r['source_ref'] === group.id);
    });

    it("scores exactly the techniques of G0050's uses relationships, 1 each", () => {
      const expected = rawTechniqueIds(rawUses(BUNDLE()), group.id);
      expect(expected).to.have.length.greaterThan(50);
      expect(scored(layer).map((entry) => entry.techniqueID)).to.deep.equal(expected);
      expect(new Set(scored(layer).map((entry) => entry.score))).to.deep.equal(new Set([1]));
      expect(warnings).to.deep.equal([]);
    });

    it('adds an unscored, expanded entry for each parent of a used sub-technique that is not used itself, and nothing else', () => {
      const used = new Set(rawTechniqueIds(rawUses(BUNDLE()), group.id));
      const parents = [...new Set([...used].filter((id) => id.includes('.')).map((id) => id.slice(0, 5)))].filter((id) => !used.has(id)).sort();
      const unscored = (layer.techniques ?? []).filter((entry) => entry.score === undefined);
      expect(unscored.map((entry) => entry.techniqueID)).to.deep.equal(parents);
      for (const entry of unscored) expect(entry.showSubtechniques, entry.techniqueID).to.equal(true);
      for (const id of [...used].filter((id) => [...used].some((other) => other.startsWith(`${id}.`)))) {
        expect(layer.techniques!.find((entry) => entry.techniqueID === id)!.showSubtechniques, id).to.equal(true);
      }
    });

    it("comments each technique with its relationship's text, without citations or link targets, and lists the relationship", () => {
      for (const entry of scored(layer)) {
        const own = relationships.filter((r) => rawAttackId(rawUses(BUNDLE()).objects.get(String(r['target_ref']))) === entry.techniqueID);
        expect(words(entry.comment!), entry.techniqueID).to.equal(own.map((r) => words(rawText(String(r['description'])))).join(''));
        expect(entry.comment).to.not.match(/\(Citation:|\]\(http/);
        expect(entry.metadata).to.deep.equal(own.map((r) => ({ name: 'relationship', value: r.id })));
      }
    });

    it('links the sources each procedure cites, in order of citation, with their URLs from the relationship', () => {
      for (const entry of scored(layer)) {
        const own = relationships.filter((r) => rawAttackId(rawUses(BUNDLE()).objects.get(String(r['target_ref']))) === entry.techniqueID);
        const expected = own.flatMap((r) => {
          const refs = (r['external_references'] ?? []) as { source_name: string; url?: string }[];
          const cited = [...String(r['description']).matchAll(/\(Citation: ([^)]*)\)/g)].map((m) => m[1]!);
          return [...new Set(cited)].map((name) => ({ label: name, url: refs.find((ref) => ref.source_name === name)!.url! }));
        });
        expect(entry.links ?? [], entry.techniqueID).to.deep.equal(expected);
      }
    });

    it("carries the group's ID, name, aliases and ATT&CK page in its metadata, links and description", () => {
      const aliases = (group['aliases'] as string[]).filter((alias) => alias !== group['name']);
      const url = ((group['external_references'] as { source_name: string; url?: string }[]).find((ref) => ref.source_name === 'mitre-attack'))!.url!;
      expect(layer.name).to.equal('APT32 (G0050)');
      expect(layer.metadata).to.deep.include.members([
        { name: 'ATT&CK ID', value: 'G0050' },
        { name: 'name', value: 'APT32' },
        { name: 'type', value: 'group' },
        { name: 'aliases', value: aliases.join(', ') },
        { name: 'ATT&CK URL', value: url },
        { name: 'ATT&CK release', value: 'enterprise-attack 18.1' },
      ]);
      expect(layer.links).to.deep.equal([{ label: 'APT32 (G0050) on attack.mitre.org', url }]);
      expect(layer.description).to.include(`also known as ${aliases.join(', ')}.`);
      expect(layer.versions).to.deep.equal({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    });

    // mitreattack-python's get_software_used_by_group reads these `uses` relationships; the layer carried none of them,
    // so a red team emulating APT32 had its techniques without its tools.
    it("names the software the group uses, and a software's layer the groups and campaigns that use it (S0154), as the bundle says", () => {
      const raw = rawUses(BUNDLE());
      const current = (o: RawStixObject | undefined): o is RawStixObject => o !== undefined && !o['revoked'] && !o['x_mitre_deprecated'];
      const named = (objects: RawStixObject[]) =>
        // An object whose name is its ID (campaign C0015) is written once.
        [...new Set(objects.map((o) => (rawAttackId(o) === o['name'] ? String(o['name']) : `${rawAttackId(o)} ${String(o['name'])}`)))]
          .sort((a, b) => a.localeCompare(b))
          .join(', ');
      const software = raw.softwareUses.filter((r) => r['source_ref'] === group['id']).map((r) => raw.objects.get(String(r['target_ref']))).filter(current);
      expect(software.length).to.be.greaterThan(5);
      expect(layer.metadata).to.deep.include({ name: 'software used', value: named(software) });
      const cobaltStrike = [...raw.objects.values()].find((o) => rawAttackId(o) === 'S0154')!;
      const users = raw.softwareUses.filter((r) => r['target_ref'] === cobaltStrike['id']).map((r) => raw.objects.get(String(r['source_ref']))).filter(current);
      const { index, data } = release();
      const { layer: its } = renderAttackObjectLayer(resolveAttackObject(index, 'S0154').object, index, data);
      expect(its.metadata!.find((m) => 'name' in m && m.name === 'used by')).to.deep.equal({ name: 'used by', value: named(users) });
    });

    // mitreattack-python's get_software_used_by_group and get_groups_using_software (mitreattack/stix20/MitreAttackData.py
    // at 0b57c823, add_inherited_campaign_relationships) count what a group's campaigns use as the group's, as
    // attack.mitre.org's group and software pages do (mitre-attack/attack-website modules/groups/groups.py
    // get_software_table_data, modules/software/software.py get_groups_using_software). The layers named none of it:
    // HEXANE's (G1001) none of the 6 software of its campaign C0038, Impacket's (S0357) neither HEXANE nor Scattered Spider.
    it("names what a group has only through its campaigns, as mitreattack-python's readings count it: every group, and every software a campaign uses", () => {
      const raw = rawUses(BUNDLE());
      const { index, data } = release();
      const current = (id: string): boolean => {
        const o = raw.objects.get(id);
        return o !== undefined && !o['revoked'] && !o['x_mitre_deprecated'];
      };
      const softwareOf = (id: string) => raw.softwareUses.filter((r) => r['source_ref'] === id && current(String(r['target_ref']))).map((r) => String(r['target_ref']));
      const campaignsOf = (group: string) =>
        raw.attributions.filter((r) => r['target_ref'] === group && current(String(r['source_ref'])) && String(r['source_ref']).startsWith('campaign--')).map((r) => String(r['source_ref']));
      const id = (stixId: string) => rawAttackId(raw.objects.get(stixId))!;
      /** `X Name (C0001, C0002)` of a metadata value, as ID -> campaign IDs. */
      const parsed = (layer: NavigatorLayer, name: string) =>
        new Map([...String(layer.metadata!.flatMap((m) => ('name' in m && m.name === name ? [m.value] : []))[0] ?? '').matchAll(/([GSC]\d{4})[^(,]*\(([^)]*)\)/g)].map((m) => [m[1]!, m[2]!.split(', ').sort()]));
      const expectedGroups = new Map<string, Map<string, string[]>>();
      let groups = 0;
      for (const group of [...raw.objects.values()].filter((o) => o.type === 'intrusion-set' && current(o.id))) {
        const own = new Set(softwareOf(group.id));
        const through = new Map<string, string[]>();
        for (const campaign of campaignsOf(group.id)) {
          for (const software of softwareOf(campaign)) if (!own.has(software)) through.set(id(software), [...(through.get(id(software)) ?? []), id(campaign)].sort());
          for (const software of softwareOf(campaign)) {
            const users = expectedGroups.get(id(software)) ?? new Map<string, string[]>();
            if (!raw.softwareUses.some((r) => r['source_ref'] === group.id && r['target_ref'] === software)) users.set(id(group.id), [...(users.get(id(group.id)) ?? []), id(campaign)].sort());
            expectedGroups.set(id(software), users);
          }
        }
        const { layer } = renderAttackObjectLayer(resolveAttackObject(index, group.id).object, index, data);
        expect(parsed(layer, 'software used (through campaigns)'), id(group.id)).to.deep.equal(through);
        if (through.size) groups += 1;
      }
      expect(groups).to.equal(7);
      const softwareWithGroups = [...expectedGroups].filter(([, users]) => users.size);
      expect(softwareWithGroups).to.have.length(12);
      for (const [software, users] of expectedGroups) {
        const { layer } = renderAttackObjectLayer(resolveAttackObject(index, software).object, index, data);
        expect(parsed(layer, 'used by (through campaigns)'), software).to.deep.equal(users);
      }
      const hexane = renderAttackObjectLayer(resolveAttackObject(index, 'G1001').object, index, data).layer;
      expect(hexane.metadata).to.deep.include({
        name: 'software used (through campaigns)',
        value: 'S0095 ftp (C0038), S0357 Impacket (C0038), S0364 RawDisk (C0038), S1149 CHIMNEYSWEEP (C0038), S1150 ROADSWEEP (C0038), S1151 ZeroCleare (C0038)',
      });
    });

    it('places entries under no tactic (ATT&CK names none) and passes validateLayer with no findings', () => {
      expect((layer.techniques ?? []).filter((entry) => entry.tactic !== undefined)).to.deep.equal([]);
      expect(findings(layer, loadRelease('18.1'))).to.deep.equal([]);
    });
  });

  describe('a hand-written bundle: revoked and deprecated targets, odd citations', () => {
    const layerOf = (query: string) => {
      const { index, data } = fixture();
      return { ...renderAttackObjectLayer(resolveAttackObject(index, query).object, index, data), index };
    };

    it("counts a revoked technique's procedure for its replacement, saying so in the comment and the warnings", () => {
      const { layer, warnings } = layerOf('G9001');
      const entry = layer.techniques!.find((e) => e.techniqueID === 'T1566.001')!;
      expect(entry.comment).to.equal(
        'Fixture Group has sent `invoice.doc` attachments. | Fixture Group has used spearphishing attachments. ' +
          '[T1193 Spearphishing Attachment was revoked by T1566.001 Phishing: Spearphishing Attachment; shown as T1566.001]',
      );
      expect(entry.links).to.deep.equal([
        { label: 'Report B', url: 'https://example.com/report-b' },
        { label: 'Report A', url: 'https://example.com/report-a' },
        { label: 'Report C', url: 'https://example.com/report-c' },
      ]);
      expect(warnings.some((w) => w.startsWith('G9001 Fixture Group uses T1193 Spearphishing Attachment was revoked by T1566.001'))).to.equal(true);
    });

    it('leaves out deprecated techniques and revoked ones without a replacement, in the warnings and the description', () => {
      const { layer, warnings } = layerOf('G9001');
      expect(layer.techniques!.map((e) => e.techniqueID)).to.not.include.members(['T1064', 'T1099', 'T1193']);
      expect(warnings.filter((w) => /T1064 Scripting is deprecated|T1099 Timestomp is revoked/.test(w))).to.have.length(2);
      expect(layer.description).to.include('T1064 Scripting is deprecated in ATT&CK 0.2; left out');
    });

    it('ignores revoked and deprecated relationships (T1204 and T1027 are not used by G9001)', () => {
      expect(scored(layerOf('G9001').layer).map((e) => e.techniqueID)).to.deep.equal(['T1059', 'T1204.002', 'T1566.001']);
    });

    it('says when ATT&CK gives only a citation, and keeps a source without URL in the metadata', () => {
      const { layer } = layerOf('G9001');
      expect(layer.techniques!.find((e) => e.techniqueID === 'T1204.002')!.comment).to.equal('(ATT&CK gives no procedure text; see the sources)');
      const t1059 = layer.techniques!.find((e) => e.techniqueID === 'T1059')!;
      expect(t1059.comment).to.equal('Fixture Group has run commands through cmd.');
      expect(t1059.links).to.equal(undefined);
      expect(t1059.metadata).to.deep.include({ name: 'source (no URL)', value: 'Printed Book' });
    });

    it('keeps a source whose URL has no scheme as a name, never as an invalid link', () => {
      const { layer, index } = layerOf('G9002');
      const t1027 = layer.techniques!.find((e) => e.techniqueID === 'T1027')!;
      expect(t1027.links).to.deep.equal([{ label: 'Report F', url: 'https://example.com/report-f' }]);
      expect(t1027.metadata).to.deep.include({ name: 'source (no URL)', value: 'Report G (example.com/report-g)' });
      expect(findings(layer, index)).to.deep.equal([]);
    });

    it('names the groups a campaign is attributed to, and titles an object whose name is its ID once (C9001)', () => {
      const { layer, index } = layerOf('C9001');
      expect(layer.name).to.equal('C9001');
      expect(layer.metadata).to.deep.include({ name: 'attributed to', value: 'G9001 Fixture Group' });
      expect(layer.metadata).to.deep.include({ name: 'seen', value: '2023-01-01 to 2023-06-30' });
      expect(findings(layer, index)).to.deep.equal([]);
    });

    it('refuses procedures read from another release', () => {
      const { index } = fixture();
      const other = indexProcedures({ type: 'bundle', objects: [] }, { file: 'other.json', sha256: 'other' });
      expect(() => renderAttackObjectLayer(resolveAttackObject(index, 'G9001').object, index, other)).to.throw(InputError, 'another release');
    });
  });
});

describe('renderAttackObjectLayer with campaigns', () => {
  it("adds the techniques of the campaigns attributed to APT29 (G0016), those only in them coloured, as the bundle says", () => {
    const { index, data } = release();
    const { layer } = renderAttackObjectLayer(resolveAttackObject(index, 'G0016').object, index, data, { campaigns: true });
    const raw = rawUses(BUNDLE());
    const group = rawObjectById(raw, 'G0016');
    const campaigns = raw.attributions
      .filter((r) => r['target_ref'] === group.id && !raw.objects.get(String(r['source_ref']))?.['revoked'] && !raw.objects.get(String(r['source_ref']))?.['x_mitre_deprecated'])
      .map((r) => String(r['source_ref']));
    expect(campaigns.length).to.be.greaterThan(0);
    const own = new Set(rawTechniqueIds(raw, group.id));
    const viaCampaigns = new Set(campaigns.flatMap((id) => rawTechniqueIds(raw, id)));
    expect(scored(layer).map((e) => e.techniqueID)).to.deep.equal([...new Set([...own, ...viaCampaigns])].sort());
    expect(scored(layer).filter((e) => e.color === CAMPAIGN_COLOR).map((e) => e.techniqueID)).to.deep.equal([...viaCampaigns].filter((id) => !own.has(id)).sort());
    expect(layer.legendItems!.map((item) => item.color)).to.deep.equal(['#ff6666', CAMPAIGN_COLOR]);
    expect(findings(layer, index)).to.deep.equal([]);
  });

  // attack.mitre.org paints a group's own techniques blue (#66b1ff) and those only in its campaigns red (#ff6666), our red:
  // an analyst with both layers open read our red as MITRE's "only in a campaign". The legend now says what each of our
  // colours is, and which colour MITRE's layer gives the same techniques; checked here against MITRE's layer rebuilt
  // from the bundle, for APT29 and Volt Typhoon (G1017), both among the groups whose campaigns overlap, so that MITRE
  // paints some techniques only their campaigns use pink.
  for (const id of ['G0016', 'G1017']) {
    it(`says in its legend which colour attack.mitre.org's layer gives each of its colours, and it holds (${id})`, () => {
      const { index, data } = release();
      const group = resolveAttackObject(index, id).object;
      const { layer } = renderAttackObjectLayer(group, index, data, { campaigns: true });
      const title = `${group.name} (${id})`;
      expect(layer.legendItems).to.deep.equal([
        { label: `used by ${title} itself (attack.mitre.org's layer: blue; pink when a campaign uses it too)`, color: '#ff6666' },
        { label: `only in a campaign attributed to ${title} (attack.mitre.org's layer: red)`, color: CAMPAIGN_COLOR },
      ]);
      const mitre = new Map(
        (mitreGroupLayer(rawUses(BUNDLE()), id).layer['techniques'] as LayerTechnique[]).filter((e) => e.score !== undefined).map((e) => [e.techniqueID, e.color]),
      );
      // Ours: red (the gradient's, score 1 and no colour of its own) or orange; MITRE's pink also marks a technique two
      // of a group's campaigns use, or a parent it reached through a sub-technique (README, "attack.mitre.org's layers").
      const pairs = new Set(scored(layer).map((e) => `${e.color ?? '#ff6666'} ${mitre.get(e.techniqueID)}`));
      expect([...pairs].sort()).to.deep.equal(
        [`#ff6666 ${MITRE_COLORS.own}`, `#ff6666 ${MITRE_COLORS.both}`, `${CAMPAIGN_COLOR} ${MITRE_COLORS.campaign}`, `${CAMPAIGN_COLOR} ${MITRE_COLORS.both}`].sort(),
      );
    });
  }

  it('says "used by" alone without campaigns, with the colour attack.mitre.org gives it', () => {
    const { index, data } = release();
    const { layer } = renderAttackObjectLayer(resolveAttackObject(index, 'G0016').object, index, data);
    expect(layer.legendItems).to.deep.equal([{ label: "used by APT29 (G0016) (attack.mitre.org's layer: blue)", color: '#ff6666' }]);
  });

  it("prefixes a campaign's procedure with the campaign and names it in the metadata (G9001 and C9001)", () => {
    const { index, data } = fixture();
    const { layer } = renderAttackObjectLayer(resolveAttackObject(index, 'G9001').object, index, data, { campaigns: true });
    const entry = layer.techniques!.find((e) => e.techniqueID === 'T1059.001')!;
    expect(entry).to.deep.include({ score: 1, color: CAMPAIGN_COLOR, comment: '[C9001] During C9001, the actors used PowerShell.' });
    expect(entry.metadata![0]).to.deep.equal({ name: 'campaign', value: 'C9001' });
    expect(layer.techniques!.find((e) => e.techniqueID === 'T1059')).to.deep.include({ score: 1, showSubtechniques: true });
    expect(layer.metadata).to.deep.include({ name: 'campaigns included', value: 'C9001' });
  });

  it("changes nothing for a group without campaigns but says so, and nothing at all without the option", () => {
    const { index, data } = fixture();
    const group = resolveAttackObject(index, 'G9002').object;
    const plain = renderAttackObjectLayer(group, index, data).layer;
    const withCampaigns = renderAttackObjectLayer(group, index, data, { campaigns: true }).layer;
    expect(withCampaigns.techniques).to.deep.equal(plain.techniques);
    expect(withCampaigns.metadata).to.deep.include({ name: 'campaigns included', value: 'none attributed' });
    expect(plain.metadata!.some((m) => 'name' in m && m.name === 'campaigns included')).to.equal(false);
  });
});

describe('renderObjectFrequencyLayer', () => {
  const FIVE = ['APT28', 'APT29', 'APT32', 'Turla', 'Lazarus Group'];

  it('scores each technique by how many of five groups use it, as counted from the bundle', () => {
    const { index, data } = release();
    const groups = FIVE.map((name) => resolveAttackObject(index, name).object);
    const { layer } = renderObjectFrequencyLayer(groups, index, data);
    const raw = rawUses(BUNDLE());
    const counts = new Map<string, string[]>();
    for (const group of groups) {
      for (const id of rawTechniqueIds(raw, rawObjectById(raw, group.id).id)) counts.set(id, [...(counts.get(id) ?? []), group.id]);
    }
    expect(new Map(scored(layer).map((e) => [e.techniqueID, e.score]))).to.deep.equal(new Map([...counts].sort().map(([id, users]) => [id, users.length])));
    for (const entry of scored(layer)) {
      const users = counts.get(entry.techniqueID)!;
      expect(entry.comment).to.match(new RegExp(`^used by ${users.length === 5 ? 'all 5' : `${users.length} of 5`}: `));
      expect(entry.metadata!.filter((m) => 'name' in m && m.name === 'object').map((m) => (m as { value: string }).value.split(' ')[0])).to.deep.equal(users);
    }
    expect(layer.gradient).to.deep.equal({ colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 5 });
    expect(layer.legendItems!.map((item) => item.label)).to.deep.equal(['used by 1 of 5', 'used by 2 of 5', 'used by 3 of 5', 'used by 4 of 5', 'used by all 5']);
    expect(layer.name).to.equal('APT28, APT29, APT32, Turla, Lazarus Group: technique frequency');
    expect(findings(layer, index)).to.deep.equal([]);
  });

  it('numbers a second source with the same name and another URL (Report A (2))', () => {
    const { index, data } = fixture();
    const groups = ['G9001', 'G9002'].map((id) => resolveAttackObject(index, id).object);
    const { layer } = renderObjectFrequencyLayer(groups, index, data, { name: 'Two' });
    expect(layer.name).to.equal('Two');
    const entry = layer.techniques!.find((e) => e.techniqueID === 'T1566.001')!;
    expect(entry.score).to.equal(2);
    expect(entry.links!.map((l) => ('label' in l ? l.label : ''))).to.deep.equal(['Report B', 'Report A', 'Report C', 'Report A (2)']);
    expect(findings(layer, index)).to.deep.equal([]);
  });

  it('refuses an object given twice', () => {
    const { index, data } = fixture();
    const group = resolveAttackObject(index, 'G9001').object;
    expect(() => renderObjectFrequencyLayer([group, group], index, data)).to.throw(UsageError, 'given twice');
  });

  it('writes a count Navigator 5.1 cannot colour (T1105 used by 199 of 200 software in 18.1) as the top, and says so', () => {
    const { index, data } = release();
    // From the bundle itself: 199 software whose uses name T1105 (Ingress Tool Transfer), and one whose do not.
    const raw = rawUses(BUNDLE());
    const software = [...raw.objects.values()]
      .filter((o) => (o.type === 'malware' || o.type === 'tool') && !o['revoked'] && !o['x_mitre_deprecated'])
      .map((o) => ({ id: rawAttackId(o)!, uses: rawTechniqueIds(raw, o.id) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const users = software.filter((s) => s.uses.includes('T1105')).slice(0, 199);
    const other = software.find((s) => s.uses.length && !s.uses.includes('T1105'))!;
    expect(users).to.have.length(199);
    const objects = [...users, other].map((s) => resolveAttackObject(index, s.id).object);
    const { layer, warnings } = renderObjectFrequencyLayer(objects, index, data);
    const entry = layer.techniques!.find((e) => e.techniqueID === 'T1105')!;
    // Before: 199 on 0..200, which Navigator 5.1 looks up one past its 100-colour table, throwing a TypeError.
    expect(entry.score).to.equal(200);
    expect(entry.comment).to.match(/^Used by 199 of 200 software: /);
    expect(entry.metadata![0]).to.deep.equal({
      name: 'score',
      value: "199 lies in the last half-hundredth below the gradient's top 200, where Navigator 5.1 fails to colour a score: written as 200, which it paints with the colour later versions give 199",
    });
    expect(warnings).to.include(
      "1 score (T1105 199) lies in the last half-hundredth below the gradient's top 200, where Navigator 5.1 fails to colour a score: written as 200, which it paints with the colour later versions give it",
    );
    expect(layer.description).to.include(' 0 by all 200;');
    expect(validateLayer(layer, { attackFor: () => index }).filter((finding) => finding.code === 'score-out-of-range')).to.deep.equal([]);
  });
});

describe('renderAllObjectLayers', () => {
  let all: AllObjectLayers;
  before(() => {
    const { index, data } = release();
    all = renderAllObjectLayers('group', index, data);
  });

  it('renders one layer per current group of 18.1, skipping revoked and deprecated ones', () => {
    const groups = [...rawUses(BUNDLE()).objects.values()].filter((o) => o.type === 'intrusion-set');
    const current = groups.filter((o) => !o['revoked'] && !o['x_mitre_deprecated']).map((o) => rawAttackId(o)!).sort();
    expect(all.files.map((file) => file.name.split('-')[0])).to.deep.equal(current);
    expect(all.skipped.revoked).to.deep.equal(groups.filter((o) => o['revoked']).map((o) => rawAttackId(o)!).sort());
    expect(all.skipped.deprecated).to.deep.equal(groups.filter((o) => !o['revoked'] && o['x_mitre_deprecated']).map((o) => rawAttackId(o)!).sort());
  });

  it("gives every group's layer exactly its uses relationships' techniques", () => {
    const raw = rawUses(BUNDLE());
    for (const { name, layer } of all.files) {
      expect(scored(layer).map((e) => e.techniqueID), name).to.deep.equal(rawTechniqueIds(raw, rawObjectById(raw, name.split('-')[0]!).id));
    }
    expect(all.empty.map((e) => e.split(' ')[0])).to.deep.equal(all.files.filter((f) => !f.layer.techniques?.length).map((f) => f.name.split('-')[0]));
    expect(all.empty).to.include('G1028 APT-C-23 uses no technique in enterprise-attack 18.1');
  });

  it('writes only valid layers: the 4.5 schema and validateLayer, no findings', () => {
    const index = loadRelease('18.1');
    const invalid = all.files.map(({ name, layer }) => ({ name, problems: findings(layer, index) })).filter((f) => f.problems.length);
    expect(invalid).to.deep.equal([]);
  });

  it('names files by ID and name, distinct and safe (G0050-apt32.layer.json)', () => {
    const names = all.files.map((file) => file.name);
    expect(names).to.include('G0050-apt32.layer.json');
    expect(new Set(names).size).to.equal(names.length);
    for (const name of names) expect(name).to.match(/^G\d{4}(-[a-z0-9._-]+)?\.layer\.json$/);
  });

  it('skips and lists revoked and deprecated objects of a hand-written bundle', () => {
    const { index, data } = fixture();
    const result = renderAllObjectLayers('group', index, data);
    expect(result.files.map((f) => f.name)).to.deep.equal(['G9001-fixture-group.layer.json', 'G9002-second-group.layer.json']);
    expect(result.skipped).to.deep.equal({ revoked: ['G9004'], deprecated: ['G9003'] });
  });
});

describe('renderAllObjectLayers on 10.1, whose relationships still name since-revoked and deprecated techniques', () => {
  it('writes valid software layers, with revoked targets shown as their replacement and deprecated ones left out', () => {
    const index = loadRelease('10.1');
    const result = renderAllObjectLayers('software', index, loadProcedures(index, { cacheDir: testCacheDir() }));
    expect(result.warnings.some((w) => /^S0001 Trojan\.Mebromi uses T1019 System Firmware was revoked by T1542\.001 .*; shown as T1542\.001/.test(w))).to.equal(true);
    expect(result.warnings.some((w) => /uses T1043 Commonly Used Port is deprecated in ATT&CK 10\.1; left out/.test(w))).to.equal(true);
    const ids = new Set(result.files.flatMap((f) => (f.layer.techniques ?? []).map((e) => e.techniqueID)));
    expect([ids.has('T1019'), ids.has('T1043')]).to.deep.equal([false, false]);
    const invalid = result.files.map(({ name, layer }) => ({ name, problems: findings(layer, index) })).filter((f) => f.problems.length);
    expect(invalid).to.deep.equal([]);
  });
});

// mitreattack-python's `layerGenerator_cli --overview-type group` (OverviewLayerGenerator.update_template,
// mitreattack/navlayers/generators/overview_generator.py at 79de1d55) scores each technique by the groups whose `uses`
// relationships name it; `attack-object --all groups --score frequency` wrote a layer per group instead, its --score unread.
describe('renderAllObjectsFrequencyLayer', () => {
  // With --platform IaaS, "used by k of 168 groups" counted 50 groups none of whose techniques runs on IaaS.
  it('counts, of some platforms, only the objects with a technique there, and names the others', () => {
    const { index, data } = release();
    const all = renderAllObjectsFrequencyLayer('group', index, data);
    const iaas = renderAllObjectsFrequencyLayer('group', index, data, { platforms: ['IaaS'] });
    expect(iaas.offPlatforms.length).to.be.greaterThan(0);
    expect(iaas.unused.map((object) => object.id)).to.deep.equal(all.unused.map((object) => object.id));
    for (const object of iaas.offPlatforms) {
      expect(object.techniques.some((id) => index.technique(id)?.platforms?.includes('IaaS')), object.id).to.equal(false);
    }
    expect(iaas.layer.gradient!.maxValue).to.equal(all.layer.gradient!.maxValue - iaas.offPlatforms.length);
    expect(iaas.layer.description).to.match(new RegExp(`^How many of ${all.layer.gradient!.maxValue - iaas.offPlatforms.length} ATT&CK objects `));
  });

  it("scores every technique of 18.1 by the current groups that use it, as OverviewLayerGenerator's group overview counts them", () => {
    const { index, data } = release();
    const { layer, unused } = renderAllObjectsFrequencyLayer('group', index, data);
    const raw = rawUses(BUNDLE());
    const current = (o: RawStixObject | undefined) => o !== undefined && !o['revoked'] && !o['x_mitre_deprecated'];
    const groups = new Map<string, Set<string>>();
    for (const r of raw.uses) {
      const [group, technique] = [raw.objects.get(String(r['source_ref'])), raw.objects.get(String(r['target_ref']))];
      if (group?.type !== 'intrusion-set' || !current(group) || !current(technique)) continue;
      const id = rawAttackId(technique)!;
      groups.set(id, (groups.get(id) ?? new Set()).add(group.id));
    }
    expect(new Map(scored(layer).map((e) => [e.techniqueID, e.score]))).to.deep.equal(new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([id, users]) => [id, users.size])));
    const counted = new Set([...groups.values()].flatMap((users) => [...users]));
    expect(layer.gradient!.maxValue).to.equal(counted.size);
    expect(scored(layer).find((e) => e.techniqueID === 'T1105')!.score).to.equal(85);
    expect(layer.name).to.equal('ATT&CK groups of enterprise-attack 18.1: technique frequency');
    expect(unused.map((group) => group.id)).to.deep.equal(['G0017', 'G0055', 'G0088', 'G1028']);
    expect(findings(layer, index)).to.deep.equal([]);
  });

  // Navigator 5.1 shows an entry's whole comment and every metadata item in its tooltip, 300px wide at 8pt, never cut
  // or scrolled (mitre-attack/attack-navigator nav-app/src/app/matrix/technique-cell/tooltip/tooltip.component.html,
  // .scss and cell-popover.scss): past about 70 lines (3,000 characters) it runs off a 1080p screen. Each entry held every
  // user's procedures: software T1105 was 40,000 characters and 1,156 metadata items, and 163 of 497 software entries
  // (112 of 513 groups', 22 of 333 campaigns') ran off the screen. mitreattack-python's overview
  // (overview_generator.py update_template) writes the names alone.
  const kinds = [['group', 168], ['software', 784], ['campaign', 51]] as const;
  for (const [kind, total] of kinds) {
    it(`of every ${kind}, each entry names the first ${OVERVIEW_NAMED} by ID, counts the rest and says where they and the procedures are, in a tooltip of a screen`, () => {
      const { index, data } = release();
      const { layer } = renderAllObjectsFrequencyLayer(kind, index, data);
      const kinds = kind === 'software' ? 'software' : `${kind}s`;
      for (const entry of scored(layer)) {
        const named = entry.comment!.replace(/^Used by \d+ of \d+ \w+: /, '').replace(/, and \d+ more \(the first 20 by ID named\)\.$|\.$/, '').split(', ');
        const more = Number(/and (\d+) more/.exec(entry.comment!)?.[1] ?? 0);
        expect([named.length + more, entry.comment!.length < 700, (entry.metadata ?? []).length <= 3], entry.techniqueID).to.deep.equal([entry.score, true, true]);
        expect(named.length).to.equal(Math.min(entry.score!, OVERVIEW_NAMED));
        expect(entry.metadata![0]).to.deep.equal({ name: 'used by', value: `${entry.score} of ${layer.gradient!.maxValue} ${kinds}` });
        expect(entry.links).to.deep.equal([{ label: `${entry.techniqueID} on attack.mitre.org: its Procedure Examples name every ATT&CK object that uses it`, url: `https://attack.mitre.org/techniques/${entry.techniqueID.replace('.', '/')}/` }]);
      }
      expect(layer.gradient!.maxValue).to.equal(total);
      expect(layer.description).to.include(`each comment names the first ${OVERVIEW_NAMED} of them by ID and counts the rest`);
      expect(findings(layer, index)).to.deep.equal([]);
    });
  }

  it('software T1105: 385 of 784, the first 20 by ID named, 365 more counted, the procedures by attack-object', () => {
    const { index, data } = release();
    const entry = scored(renderAllObjectsFrequencyLayer('software', index, data).layer).find((e) => e.techniqueID === 'T1105')!;
    expect(entry.comment).to.equal(
      'Used by 385 of 784 software: S0009 Hikit, S0011 Taidoor, S0012 PoisonIvy, S0013 PlugX, S0015 Ixeshe, S0017 BISCUIT, ' +
        'S0020 China Chopper, S0022 Uroburos, S0023 CHOPSTICK, S0024 Dyre, S0032 gh0st RAT, S0042 LOWBALL, S0044 JHUHUGIT, ' +
        'S0051 MiniDuke, S0053 SeaDuke, S0054 CloudDuke, S0055 RARSTONE, S0070 HTTPBrowser, S0074 Sakula, S0077 CallMe, and 365 more (the first 20 by ID named).',
    );
    expect(entry.metadata).to.deep.equal([
      { name: 'used by', value: '385 of 784 software' },
      { name: 'not named', value: "365, after the first 20 by ID; the technique's page (the link) names every ATT&CK one" },
      { name: 'procedures', value: "each one's layer: attack-object <ID>; all: attack-object --all software --out <dir>" },
    ]);
  });
});

describe('objectLayerFileName', () => {
  const rows: [id: string, name: string, file: string][] = [
    ['G0050', 'APT32', 'G0050-apt32.layer.json'],
    ['G0032', 'Lazarus Group', 'G0032-lazarus-group.layer.json'],
    ['C0021', 'C0021', 'C0021.layer.json'],
    ['S9999', '大熊猫', 'S9999.layer.json'],
    ['G9999', '../../etc/passwd', 'G9999-etc-passwd.layer.json'],
    // A dot of the name is no domain suffix.
    ['G0088', 'TEMP.Veles', 'G0088-temp-veles.layer.json'],
  ];
  for (const [id, name, file] of rows) {
    it(`${id} ${name} -> ${file}`, () => {
      expect(objectLayerFileName({ id, name } as Parameters<typeof objectLayerFileName>[0])).to.equal(file);
    });
  }
});

// It was named by layerFileName, lower case (g0007-g0050-frequency.layer.json), beside --all's G0050-apt32.layer.json.
describe('frequencyLayerFileName', () => {
  const records = (ids: string[]) => ids.map((id) => ({ id, name: id }) as Parameters<typeof frequencyLayerFileName>[0][number]);
  it('joins the IDs as ATT&CK writes them, in the order given', () => {
    expect(frequencyLayerFileName(records(['G0007', 'G0050', 'S0154']))).to.equal('G0007-G0050-S0154-frequency.layer.json');
  });
  it('names the first IDs and how many more past 100 characters', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `G${String(i + 1).padStart(4, '0')}`);
    const name = frequencyLayerFileName(records(ids));
    expect([name, name.length <= 100 + '-frequency.layer.json'.length]).to.deep.equal([`${ids.slice(0, 14).join('-')}-and-16-more-frequency.layer.json`, true]);
  });
});

// Each entry of named objects held every user's procedures: of 40 groups of 18.1, T1105 (34 of them) was a comment of
// 4,534 characters and 103 metadata items, about three 1080p screens of Navigator 5.1's tooltip, never cut or scrolled
// (mitre-attack/attack-navigator nav-app/src/app/matrix/technique-cell/tooltip/tooltip.component.html).
describe('renderObjectFrequencyLayer of many named objects', () => {
  const FORTY = ['G0007', 'G0016', 'G0050', 'G0010', 'G0032', 'G0034', 'G0035', 'G0045', 'G0046', 'G0047', 'G0049', 'G0059', 'G0060', 'G0061', 'G0064', 'G0067', 'G0069', 'G0073', 'G0080', 'G0081', 'G0082', 'G0087', 'G0091', 'G0092', 'G0093', 'G0094', 'G0095', 'G0096', 'G0098', 'G0099', 'G0100', 'G0102', 'G0106', 'G0108', 'G0114', 'G0115', 'G0117', 'G0119', 'G0121', 'G0125'];

  it('names the first 20 users of a technique too many use (T1105, 34 of 40 groups), counts the rest and says so in the description and warnings', () => {
    const { index, data } = release();
    const groups = FORTY.map((id) => resolveAttackObject(index, id).object);
    const { layer, warnings } = renderObjectFrequencyLayer(groups, index, data);
    const entry = scored(layer).find((e) => e.techniqueID === 'T1105')!;
    expect(entry.score).to.equal(34);
    expect(entry.comment).to.match(/^Used by 34 of 40 groups: G0007 APT28, G0010 Turla, .*, and 14 more \(the first 20 by ID named\)\.$/);
    expect(entry.metadata!.slice(0, 2)).to.deep.equal([
      { name: 'used by', value: '34 of 40 groups' },
      { name: 'not named', value: "14, after the first 20 by ID; the technique's page (the link) names every ATT&CK one" },
    ]);
    expect(entry.links![0]).to.include({ url: 'https://attack.mitre.org/techniques/T1105/' });
    const line = /^52 techniques \(T1003.001, .* and 42 more\) would have a tooltip taller than a 1080p screen .* each names the first 20 users by ID and counts the rest; the procedures of each are in its own layer/;
    expect([layer.description!.split('\n').some((l) => line.test(l)), warnings.some((w) => line.test(w))]).to.deep.equal([true, true]);
    expect(findings(layer, index)).to.deep.equal([]);
  });

  // Its own quick count (40 characters a line, a relationship's ID of 51 characters two lines) made six of these entries
  // taller than the page and named their users alone; Navigator 5.1's tooltip as render, combine and gap estimate it
  // (tooltip-height.ts: the ID is one word, on one line) shows each whole: T1059.006, 10 groups' procedures in 1,167
  // characters and 31 metadata items, about 870px of the 950.
  it("keeps every entry's procedures where Navigator 5.1's tooltip fits the page, as render, combine and gap measure it (T1059.006, 10 of 40 groups)", () => {
    const { index, data } = release();
    const groups = FORTY.map((id) => resolveAttackObject(index, id).object);
    const entries = scored(renderObjectFrequencyLayer(groups, index, data).layer);
    const full = entries.filter((entry) => entry.comment!.startsWith('used by '));
    expect(full.find((entry) => entry.techniqueID === 'T1059.006')?.comment).to.match(/^used by 10 of 40: APT29 \(G0016\), Turla \(G0010\), /);
    for (const entry of full) expect(fitsPage(entry, tooltipTitle(entry.techniqueID, index)), entry.techniqueID).to.equal(true);
    expect(entries.length - full.length).to.equal(52);
  });

  // With campaigns, T1105's "Used by 34 of 40 groups: …, and 14 more" read as the groups' own use, and pointed to
  // `attack-object <ID>`, whose layer leaves the campaigns' techniques out.
  it('says a compact entry counts the campaigns, and where their procedures are, with campaigns', () => {
    const { index, data } = release();
    const groups = FORTY.map((id) => resolveAttackObject(index, id).object);
    const { layer } = renderObjectFrequencyLayer(groups, index, data, { campaigns: true });
    const entry = scored(layer).find((e) => e.techniqueID === 'T1105')!;
    expect(entry.comment).to.match(/^Used by \d+ of 40 groups, each with the campaigns attributed to it: G0007 APT28, .*, and \d+ more \(the first 20 by ID named\)\.$/);
    expect(entry.metadata!.find((item) => 'name' in item && item.name === 'procedures')).to.deep.equal({
      name: 'procedures',
      value: "each one's layer: attack-object <ID> --campaigns; all: attack-object <the IDs of the layer's objects (its metadata)> --campaigns --out <dir>",
    });
  });

  it('keeps the procedures of each entry that fits a screen (used by 1 or 2 of 40 groups)', () => {
    const { index, data } = release();
    const groups = FORTY.map((id) => resolveAttackObject(index, id).object);
    const { layer } = renderObjectFrequencyLayer(groups, index, data);
    const fits = scored(layer).filter((e) => e.score! <= 2);
    expect(fits.length).to.be.greaterThan(0);
    for (const entry of fits) expect(entry.comment, entry.techniqueID).to.match(/^used by [12] of 40: /);
  });
});

// A layer of two objects said "29 by all 2" and "used by 2 of 2"; of one, "How many of 1 ATT&CK objects",
// "66 by all 1", "used by 1 of 1" and "the number of the 1 objects".
describe('renderObjectFrequencyLayer: count phrases', () => {
  const layerOf = (ids: string[]) => {
    const { index, data } = release();
    return renderObjectFrequencyLayer(ids.map((id) => resolveAttackObject(index, id).object), index, data).layer;
  };

  it('says "both" of two objects (APT29, APT28)', () => {
    const layer = layerOf(['G0016', 'G0007']);
    expect(layer.description!.split('\n')[1]).to.match(/^128 techniques used by at least one, 29 by both; /);
    expect(layer.legendItems!.map((item) => item.label)).to.deep.equal(['used by 1 of 2', 'used by both']);
    expect(scored(layer).find((entry) => entry.score === 2)!.comment).to.match(/^used by both: APT29 \(G0016\), APT28 \(G0007\) \| /);
  });

  it('counts nothing of one object (APT29): no "1 of 1", "by all 1" or "1 objects"', () => {
    const layer = layerOf(['G0016']);
    const [first, second] = layer.description!.split('\n');
    expect(first).to.equal('The techniques 1 ATT&CK object uses, according to ATT&CK enterprise-attack 18.1: APT29 (G0016).');
    expect(second).to.equal("66 techniques; score = the number of objects using it; each comment names it, with ATT&CK's procedure text.");
    expect(layer.legendItems!.map((item) => item.label)).to.deep.equal(['used by APT29 (G0016)']);
    expect(layer.metadata!.find((item) => 'name' in item && item.name === 'score')).to.deep.equal({ name: 'score', value: 'frequency: 1 = the object uses the technique' });
    for (const entry of scored(layer)) expect(entry.comment, entry.techniqueID).to.match(/^used by APT29 \(G0016\) \| /);
  });
});
