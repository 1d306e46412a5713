import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { techniqueReport } from '../../lib/cli/commands/technique.js';
import { deprecationSuccessors, successorsText } from '../../lib/attack/deprecation-successors.js';
import { otherDomainLookup } from '../../lib/attack/other-domains.js';
import { upgradeLayer, upgradeReleases } from '../../lib/layer/upgrade-layer.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { loadRelease, readRawBundle, runCli, stixFile, type RawStixObject } from '../helpers/attack.js';
import { attackFor, attackLibrary, readLayerFixture } from './attack-data.js';

/** A technique's ID and its STIX object, read straight from a bundle. */
function rawTechniques(file: string): Map<string, RawStixObject> {
  const out = new Map<string, RawStixObject>();
  for (const object of readRawBundle(stixFile(file)).objects) {
    const id = (object['external_references'] as Array<{ external_id?: string; source_name?: string }> | undefined)?.find((ref) =>
      /^mitre-(mobile-|ics-)?attack$/.test(ref.source_name ?? ''),
    )?.external_id;
    if (object.type === 'attack-pattern' && id) out.set(id, object);
  }
  return out;
}

describe('deprecationSuccessors', () => {
  const mobile = () => loadRelease('18.1', 'mobile-attack');
  const enterprise = () => loadRelease('18.1', 'enterprise-attack');
  const others = (domain: string) => otherDomainLookup(domain, (d) => (d === 'enterprise-attack' ? enterprise() : d === 'mobile-attack' ? mobile() : undefined));

  it("names mobile T1476's links as the enterprise techniques they are, never as a place in the mobile domain", () => {
    // Straight from the bundles: T1476 is deprecated in mobile 18.1 and its description links to techniques that the
    // mobile bundle does not have and the enterprise one does.
    const rawMobile = rawTechniques('mobile-attack-18.1.json.gz');
    const rawEnterprise = rawTechniques('enterprise-attack-18.1.json.gz');
    const t1476 = rawMobile.get('T1476')!;
    expect(t1476['x_mitre_deprecated']).to.equal(true);
    const linked = [...String(t1476['description']).matchAll(/attack\.mitre\.org\/techniques\/(T\d{4})\/(\d{3})/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(linked.length).to.be.greaterThan(0);
    for (const id of linked) expect([rawMobile.has(id), rawEnterprise.has(id)], id).to.deep.equal([false, true]);

    const found = deprecationSuccessors(mobile().technique('T1476')!, mobile(), others('mobile-attack'));
    expect(found.current).to.deep.equal([]);
    expect(found.otherDomains.map((t) => [t.id, t.domain, t.name])).to.deep.equal(
      [...new Set(linked)].map((id) => [id, 'enterprise-attack', rawEnterprise.get(id)!['name']]),
    );
    expect(successorsText(found, 'mobile-attack')).to.equal(
      `its description points only to Enterprise techniques ${[...new Set(linked)].map((id) => `${id} (${String(rawEnterprise.get(id)!['name'])})`).join(', ')}, ` +
        'not in mobile-attack: no successor in this domain',
    );
  });

  it('names the current technique of its own domain (enterprise T1064 -> T1059)', () => {
    const found = deprecationSuccessors(enterprise().technique('T1064')!, enterprise(), others('enterprise-attack'));
    expect([found.current.map((t) => t.id), found.otherDomains]).to.deep.equal([['T1059'], []]);
    expect(successorsText(found, 'enterprise-attack')).to.equal('its description points to T1059 (Command and Scripting Interpreter)');
  });

  it('gives validate, upgrade and technique the same words for T1476 in Navigator\'s April 2019 mobile layer', async () => {
    const library = attackLibrary();
    const value = readLayerFixture('public/navigator-april-2019-mobile-3.0.json') as { techniques: Array<{ techniqueID: string }> };
    const at = value.techniques.findIndex((t) => t.techniqueID === 'T1476');
    const words = successorsText(deprecationSuccessors(mobile().technique('T1476')!, mobile(), others('mobile-attack')), 'mobile-attack');

    const finding = validateLayer(value, { attackFor: attackFor(library) }).find((f) => f.path === `/techniques/${at}`);
    expect(finding?.message).to.contain(`: ${words}; remove the entry or map it by hand`);
    expect(finding?.message).to.not.match(/move the annotation/);

    const releases = upgradeReleases(value, library);
    const { report } = upgradeLayer(value, releases.target, releases);
    const row = report.techniques.find((t) => t.path === `/techniques/${at}`);
    expect(row?.notes[0]).to.match(new RegExp(`removed; ${words.replace(/[().]/g, '\\$&')}$`));
    expect(row?.candidates).to.deep.equal([]);

    expect(techniqueReport(mobile(), 'T1476', others('mobile-attack')).deprecationNote).to.equal(words);
    const file = fileURLToPath(new URL('../fixtures/layers/public/navigator-april-2019-mobile-3.0.json', import.meta.url));
    const cli = await runCli(['technique', 'T1476', '--domain', 'mobile']);
    expect(cli.stdout).to.contain(`  deprecated; ${words}\n`);
    expect((await runCli(['validate', file])).stdout).to.contain(words);
  });
});
