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

/** The techniques a description links to (`attack.mitre.org/techniques/T1566/001`), in order, once each. */
function linkedIds(description: unknown): string[] {
  return [...new Set([...String(description).matchAll(/attack\.mitre\.org\/techniques\/(T\d{4})(?:\/(\d{3}))?/g)].map((m) => (m[2] ? `${m[1]}.${m[2]}` : m[1]!)))];
}

/** The references of a campaign run through `normalize --json`, by what was written. */
async function normalized(campaign: string): Promise<Map<string, { status: string; ids: string[]; note: string; candidates: Array<{ id: string; name: string }> }>> {
  const result = await runCli(['normalize', '-', '--json', '--quiet', '--attack-release', '18.1'], {}, { stdin: campaign });
  expect(result.code, result.stderr).to.equal(0);
  const [only] = JSON.parse(result.stdout) as Array<{ references: Array<{ raw: string; status: string; ids: string[]; note: string; candidates: Array<{ id: string; name: string }> }> }>;
  return new Map(only!.references.map((reference) => [reference.raw, reference]));
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
    const linked = linkedIds(t1476['description']);
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
    expect(finding?.message).to.contain(`and has no replacement; ${words}; Navigator drops it silently: remove the entry or map it by hand`);
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

  it('gives normalize the same facts and words for a mobile campaign naming T1476, by ID and by name', async () => {
    // Straight from the bundles, as above: T1476's links are enterprise techniques, so nothing of mobile is proposed.
    const rawMobile = rawTechniques('mobile-attack-18.1.json.gz');
    const rawEnterprise = rawTechniques('enterprise-attack-18.1.json.gz');
    const t1476 = rawMobile.get('T1476')!;
    const linked = linkedIds(t1476['description']);
    for (const id of linked) expect([rawMobile.has(id), rawEnterprise.has(id)], id).to.deep.equal([false, true]);
    const words =
      `its description points only to Enterprise techniques ${linked.map((id) => `${id} (${String(rawEnterprise.get(id)!['name'])})`).join(', ')}, ` +
      'not in mobile-attack: no successor in this domain';
    const name = String(t1476['name']);

    const references = await normalized(`name: Mobile campaign\ndomain: mobile-attack\ntechniques:\n  - T1476\n  - ${name}\n`);
    const byId = references.get('T1476')!;
    expect([byId.status, byId.ids, byId.candidates]).to.deep.equal(['deprecated', [], []]);
    expect(byId.note).to.equal(`T1476 ${name} is deprecated in ATT&CK 18.1 and has no replacement; ${words}`);
    const byName = references.get(name)!;
    expect([byName.status, byName.ids, byName.candidates]).to.deep.equal(['deprecated', [], []]);
    expect(byName.note).to.equal(`"${name}" is T1476 ${name}, deprecated in ATT&CK 18.1; ${words}`);
  });

  it('gives normalize the current technique of its own domain as the candidate (enterprise T1064)', async () => {
    const raw = rawTechniques('enterprise-attack-18.1.json.gz');
    const t1064 = raw.get('T1064')!;
    expect(t1064['x_mitre_deprecated']).to.equal(true);
    // The notice is the first paragraph ("This technique has been deprecated. Please use …"); the old text after it
    // links to examples (T1086, T1193), not successors.
    const notice = String(t1064['description']).split(/\n\s*\n/)[0]!;
    expect(notice).to.match(/deprecated/);
    const linked = linkedIds(notice);
    expect(linked.length).to.be.greaterThan(0);
    // Each link is a current enterprise technique (not revoked, not deprecated, no parent): it is its own candidate.
    for (const id of linked) expect([raw.get(id)?.['revoked'] ?? false, raw.get(id)?.['x_mitre_deprecated'] ?? false, id.includes('.')], id).to.deep.equal([false, false, false]);
    const words = `its description points to ${linked.map((id) => `${id} (${String(raw.get(id)!['name'])})`).join(', ')}`;

    const references = await normalized('name: Enterprise campaign\ntechniques:\n  - T1064\n');
    const byId = references.get('T1064')!;
    expect([byId.status, byId.ids]).to.deep.equal(['deprecated', []]);
    expect(byId.candidates.map((c) => [c.id, c.name])).to.deep.equal(linked.map((id) => [id, raw.get(id)!['name']]));
    expect(byId.note).to.equal(`T1064 ${String(t1064['name'])} is deprecated in ATT&CK 18.1 and has no replacement; ${words}: write the one that fits`);
  });
});
