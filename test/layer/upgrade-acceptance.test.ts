import { expect } from 'chai';
import type { AttackLibrary } from '../../lib/attack/load.js';
import { isNavigatorLayer } from '../../lib/layer/serialize-layer.js';
import { upgradeLayer, upgradeReleases } from '../../lib/layer/upgrade-layer.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { readRawBundle, stixFile, type RawStixObject } from '../helpers/attack.js';
import { attackFor, attackLibrary, readLayerFixture } from './attack-data.js';

/** One release read straight from its bundle, for a second opinion on where a technique went. */
interface RawRelease {
  byId: Map<string, RawStixObject>;
  byStix: Map<string, RawStixObject>;
  revokedBy: Map<string, string>;
}

function externalId(object: RawStixObject): string | undefined {
  const refs = (object['external_references'] ?? []) as Array<{ source_name?: string; external_id?: string }>;
  return refs.find((ref) => ref.source_name === 'mitre-attack')?.external_id;
}

function readRaw(release: string): RawRelease {
  const raw: RawRelease = { byId: new Map(), byStix: new Map(), revokedBy: new Map() };
  for (const object of readRawBundle(stixFile(`enterprise-attack-${release}.json.gz`)).objects) {
    if (object.type === 'relationship' && object['relationship_type'] === 'revoked-by') {
      raw.revokedBy.set(object['source_ref'] as string, object['target_ref'] as string);
    }
    if (object.type !== 'attack-pattern') continue;
    raw.byStix.set(object.id, object);
    const id = externalId(object);
    const previous = id ? raw.byId.get(id) : undefined;
    if (id && (!previous || (previous['revoked'] && !object['revoked']))) raw.byId.set(id, object);
  }
  return raw;
}

/** Where an ID of the source release ends up in the target: its current ID and tactics, or why it is gone. */
function expectedFate(id: string, source: RawRelease | undefined, target: RawRelease): { id?: string; tactics?: string[]; gone?: string } {
  const start = source?.byId.get(id);
  let object = start ? (target.byStix.get(start.id) ?? target.byId.get(id)) : target.byId.get(id);
  if (!object) return { gone: start ? 'removed' : 'unknown' };
  const seen = new Set<string>();
  while (object['revoked']) {
    if (seen.has(object.id)) return { gone: 'removed' };
    seen.add(object.id);
    const next = target.byStix.get(target.revokedBy.get(object.id) ?? '');
    if (!next) return { gone: 'removed' };
    object = next;
  }
  if (object['x_mitre_deprecated']) return { gone: 'removed' };
  const phases = (object['kill_chain_phases'] ?? []) as Array<{ phase_name: string }>;
  return { id: externalId(object), tactics: phases.map((phase) => phase.phase_name) };
}

const FIXTURES: Array<[file: string, format: string, release: string | undefined]> = [
  ['old-format-3.0.json', '3.0', undefined],
  ['navigator/Bear_APT.json', '3.0', undefined],
  ['old-format-4.0.json', '4.0', '8.2'],
  ['old-format-4.2.json', '4.2', '8.2'],
  ['layer-4.5-attack6.json', '4.5', '6.3'],
  ['layer-4.5-attack12.json', '4.5', '12.1'],
  ['navigator/spec-4.5-example.json', '4.5', '18.1'],
];

describe('upgrade of layers in formats 3.0 to 4.5 for ATT&CK 6.3, 8.2 and 12.1 to 18.1 (checked against the bundles)', function () {
  this.timeout(120_000);
  let library: AttackLibrary;
  const raw = new Map<string, RawRelease>();

  before(() => {
    library = attackLibrary();
    for (const release of ['6.3', '8.2', '12.1', '18.1']) raw.set(release, readRaw(release));
  });

  for (const [file, format, release] of FIXTURES) {
    it(`${file} (format ${format}${release ? `, ATT&CK ${release}` : ''}) becomes a valid 4.5 / 18.1 layer, every entry where the bundles say`, () => {
      const value = readLayerFixture(file) as { techniques: Array<{ techniqueID: string; tactic?: string }> };
      const releases = upgradeReleases(value, library);
      expect(releases.target.release).to.equal('18.1');
      expect(releases.source?.release).to.equal(release === undefined ? undefined : release);
      const { layer, report } = upgradeLayer(value, releases.target, { ...releases, file });

      expect(isNavigatorLayer(layer)).to.equal(true);
      expect(layer.versions).to.include({ layer: '4.5', attack: '18' });
      expect(validateLayer(layer, { attackFor: attackFor(library) })).to.deep.equal([]);

      // Every input entry has a row, and every output entry is where some row says.
      expect(report.techniques.map((row) => row.path)).to.deep.equal(value.techniques.map((_, i) => `/techniques/${i}`));
      const reached = new Set(report.techniques.flatMap((row) => row.to.map((to) => to.at)));
      expect([...reached].sort((a, b) => a - b)).to.deep.equal(layer.techniques!.map((_, i) => i));

      const target = raw.get('18.1')!;
      const source = release ? raw.get(release) : undefined;
      value.techniques.forEach((entry, i) => {
        const row = report.techniques[i]!;
        const fate = expectedFate(entry.techniqueID, source, target);
        if (fate.gone) {
          expect(row.changes, `${row.path} ${entry.techniqueID}`).to.include(fate.gone);
          expect(row.to).to.deep.equal([]);
          return;
        }
        expect(row.to.length, `${row.path} ${entry.techniqueID}`).to.be.greaterThan(0);
        for (const to of row.to) {
          expect(to.techniqueID, `${row.path} ${entry.techniqueID}`).to.equal(fate.id);
          if (to.tactic !== undefined) expect(fate.tactics, `${row.path} ${entry.techniqueID}`).to.include(to.tactic);
          expect(layer.techniques![to.at]?.techniqueID).to.equal(fate.id);
        }
        if (fate.id !== entry.techniqueID) expect(row.changes).to.include('remapped');
        if (entry.tactic !== undefined && !fate.tactics!.includes(entry.tactic)) expect(row.changes).to.include('moved-tactic');
      });
    });
  }
});
