/**
 * Technique IDs of another ATT&CK domain in a campaign (ICS T0800 beside Enterprise T1566.001, as reports on OT
 * intrusions write them): `other domain`, named with the domain they belong to, never mapped, never dropped. The
 * expected names are read straight from the release files in ../shared/attack-stix.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { otherDomainLookup } from '../../lib/attack/other-domains.js';
import { parseCampaign } from '../../lib/campaign/read-campaign.js';
import { campaignUnresolved } from '../../lib/coverage/gap-review.js';
import { readThreatInputs } from '../../lib/coverage/read-threat.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { campaignReleases, domainReleases, normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import type { NormalizedCampaign, ReferenceResult } from '../../lib/normalize/normalize-types.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { freshTmpDir, readRawBundle, runCli, stixDir, stixFile, testCacheDir } from '../helpers/attack.js';

const bundles = new Map<string, ReturnType<typeof readRawBundle>>();

/** The name of a technique in a release file, read without lib/ (undefined when the file has no such ID). */
const rawName = (domain: string, id: string): string | undefined => {
  const file = stixFile(`${domain}-attack-18.1.json.gz`);
  if (!bundles.has(file)) bundles.set(file, readRawBundle(file));
  const found = bundles.get(file)!.objects.find(
    (o) => o.type === 'attack-pattern' && (o['external_references'] as { external_id?: string }[] | undefined)?.some((r) => r.external_id === id),
  );
  return found ? String(found['name']) : undefined;
};

const campaignText = (domain: string, refs: readonly string[]): string =>
  [`name: Domain test`, `domain: ${domain}`, 'techniques:', ...refs.map((ref) => `  - ref: ${ref}`), ''].join('\n');

describe('IDs of another domain in a campaign (enterprise, mobile and ICS 18.1)', () => {
  let library: AttackLibrary;
  const names: Record<string, string> = {};
  const normalize = (domain: string, refs: readonly string[]): NormalizedCampaign => {
    const campaign = parseCampaign(campaignText(domain, refs), 'domain-test.yaml');
    return normalizeCampaign(campaign, campaignReleases(campaign, library));
  };
  const byRaw = (result: NormalizedCampaign, raw: string): ReferenceResult => result.references.find((r) => r.raw === raw)!;

  before(() => {
    library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    // Each ID is in its own domain's file and in no other: the domains' IDs do not overlap.
    for (const [id, domain] of [['T0800', 'ics'], ['T1406', 'mobile'], ['T1566.001', 'enterprise']] as const) {
      names[id] = rawName(domain, id)!;
      expect(names[id], `${id} in ${domain}`).to.be.a('string');
      for (const other of ['enterprise', 'mobile', 'ics'].filter((d) => d !== domain)) expect(rawName(other, id), `${id} in ${other}`).to.equal(undefined);
    }
  });

  it('names an ICS and a mobile-only ID in an enterprise campaign with their domain, keeps them unresolved, maps the rest', () => {
    const result = normalize('enterprise-attack', ['T0800', 'T1406', 'T1566.001']);
    const t0800 = byRaw(result, 'T0800');
    expect([t0800.status, t0800.ids, t0800.note]).to.deep.equal([
      'other domain',
      [],
      `T0800 is an ICS technique (${names['T0800']} in ics-attack 18.1), not in enterprise-attack: set \`domain: ics-attack\` for an ICS campaign, ` +
        'or keep ICS techniques in a campaign of their own',
    ]);
    const t1406 = byRaw(result, 'T1406');
    expect([t1406.status, t1406.note]).to.deep.equal([
      'other domain',
      `T1406 is a Mobile technique (${names['T1406']} in mobile-attack 18.1), not in enterprise-attack: set \`domain: mobile-attack\` for a Mobile campaign, ` +
        'or keep Mobile techniques in a campaign of their own',
    ]);
    expect(result.techniques.map((t) => t.id)).to.deep.equal(['T1566.001']);
    // gap's threat side lists them as normalize does.
    expect(campaignUnresolved([result]).map((u) => [u.raw, u.status])).to.deep.equal([['T0800', 'other domain'], ['T1406', 'other domain']]);
  });

  it('names an Enterprise ID in an ICS campaign, and resolves the ICS one', () => {
    const result = normalize('ics-attack', ['T1566.001', 'T0800']);
    expect(byRaw(result, 'T1566.001').note).to.equal(
      `T1566.001 is an Enterprise technique (${names['T1566.001']} in enterprise-attack 18.1), not in ics-attack: ` +
        'set `domain: enterprise-attack` for an Enterprise campaign, or keep Enterprise techniques in a campaign of their own',
    );
    expect(byRaw(result, 'T1566.001').status).to.equal('other domain');
    expect(result.techniques.map((t) => t.id)).to.deep.equal(['T0800']);
  });

  // Names as analysts paste them into a campaign of the wrong domain: mobile T1634's and ICS T0836's names (ATT&CK's
  // mobile and ICS 18.1). T1634 is one letter from enterprise T1555 "Credentials from Password Stores", and was read as
  // a typo of it; an exact name of another domain is no typo, and the close name is only a candidate.
  it('names a name of another domain with its domain, never as a typo of a close name of the campaign\'s', () => {
    expect(rawName('mobile', 'T1634')).to.equal('Credentials from Password Store');
    expect(rawName('ics', 'T0836')).to.equal('Modify Parameter');
    expect(rawName('enterprise', 'T1555')).to.equal('Credentials from Password Stores');
    const result = normalize('enterprise-attack', ['Credentials from Password Store', 'Modify Parameter', 'Credentials from Password Stores', 'Hooking']);
    const mobile = byRaw(result, 'Credentials from Password Store');
    expect([mobile.status, mobile.ids, mobile.candidates.map((c) => c.id), mobile.note]).to.deep.equal([
      'other domain',
      [],
      ['T1555'],
      '"Credentials from Password Store" is the name of a Mobile technique T1634 (Credentials from Password Store in mobile-attack 18.1), ' +
        'not in enterprise-attack: set `domain: mobile-attack` for a Mobile campaign, or keep Mobile techniques in a campaign of their own; ' +
        'close in enterprise-attack: T1555 Credentials from Password Stores',
    ]);
    const ics = byRaw(result, 'Modify Parameter');
    expect([ics.status, ics.candidates]).to.deep.equal(['other domain', []]);
    expect(ics.note).to.match(/^"Modify Parameter" is the name of an ICS technique T0836 \(Modify Parameter in ics-attack 18\.1\), not in enterprise-attack/);
    // The campaign's own names win, an older one too: ICS's `Hooking` was enterprise T1179's, now T1056.004.
    expect(['Credentials from Password Stores', 'Hooking'].map((raw) => [byRaw(result, raw).status, byRaw(result, raw).ids])).to.deep.equal([
      ['name', ['T1555']],
      ['renamed', ['T1056.004']],
    ]);
    expect(result.techniques.map((t) => t.id)).to.deep.equal(['T1056.004', 'T1555']);
  });

  // `Denial of Service` is ICS's T0814, MBC's B0033 (capa's MBC summaries write `Denial of Service [B0033]` under
  // Impact, beside `Resource Hijacking [B0018]` and `Data Destruction [E1485]`), and held by enterprise's T1498
  // Network and T1499 Endpoint Denial of Service: in an enterprise campaign, none is taken, and ICS's is not the advice.
  it('does not steer a name shared with ICS (Denial of Service) or an MBC behavior ID (B0033) to ICS in an enterprise campaign', () => {
    expect(rawName('ics', 'T0814')).to.equal('Denial of Service');
    expect([rawName('enterprise', 'T1498'), rawName('enterprise', 'T1499')]).to.deep.equal(['Network Denial of Service', 'Endpoint Denial of Service']);
    const result = normalize('enterprise-attack', ['Denial of Service', '"Impact::Denial of Service [B0033]"', 'B0033', '"Resource Hijacking [B0018.002]"', '"Data Destruction [E1485]"']);
    const plain = byRaw(result, 'Denial of Service');
    expect([plain.status, plain.ids, plain.candidates.map((c) => c.id)]).to.deep.equal(['other domain', [], ['T1498', 'T1499']]);
    expect(plain.note).to.match(/not in enterprise-attack: in enterprise-attack, T1498 Network Denial of Service and T1499 Endpoint Denial of Service hold the name: write the one meant; if the report means T0814 itself, set `domain: ics-attack`/);
    const expected: Array<[raw: string, id: string, candidates: string[]]> = [
      ['Impact::Denial of Service [B0033]', 'B0033', ['T1498', 'T1499']],
      ['B0033', 'B0033', []],
      ['Resource Hijacking [B0018.002]', 'B0018.002', ['T1496']],
      ['Data Destruction [E1485]', 'E1485', ['T1485']],
    ];
    for (const [raw, id, candidates] of expected) {
      const mbc = byRaw(result, raw);
      expect([raw, mbc.status, mbc.ids, mbc.candidates.map((c) => c.id)]).to.deep.equal([raw, 'unknown', [], candidates]);
      expect(mbc.note, raw).to.match(new RegExp(`^${id.replace('.', '\\.')} is a Malware Behavior Catalog \\(MBC\\) behavior, not an ATT&CK technique: no ATT&CK layer shows it`));
      expect(mbc.note, raw).to.not.contain('ics-attack');
    }
    expect(result.techniques).to.deep.equal([]);
  });

  // Without the lookup the ID's numbering still says whose it is: the message was "if it comes from a newer ATT&CK release,
  // get it with `attack-layers data fetch`", which fetches enterprise, that will never have it.
  it('says "other domain" only with the lookup: without one, or with no other domain\'s release, unknown, of the numbering of ICS', () => {
    const { target, otherDomains } = domainReleases(library, 'enterprise-attack');
    expect(resolveReference({ raw: 'T0800' }, { target, otherDomains }).status).to.equal('other domain');
    const unknown =
      'T0800 is not a technique in enterprise-attack 18.1: it is numbered T0xxx, as ICS techniques are, not T1xxx, as Enterprise techniques are, so no ' +
      'enterprise-attack release will have it: a technique of ics-attack, or a typo; set `domain: ics-attack` for a campaign of that domain, or keep ICS ' +
      'techniques in a campaign of their own';
    for (const context of [{ target }, { target, otherDomains: otherDomainLookup('enterprise-attack', () => undefined) }]) {
      const resolution = resolveReference({ raw: 'T0800' }, context);
      expect([resolution.status, resolution.note]).to.deep.equal(['unknown', unknown]);
    }
  });

  it('is listed so by normalize --json, extract and gap --threat, and fails normalize --strict', async () => {
    const dir = freshTmpDir('other-domain');
    const file = join(dir, 'ot.yaml');
    writeFileSync(file, campaignText('enterprise-attack', ['T0800', 'T1566.001']));
    const json = await runCli(['normalize', file, '--json']);
    const [result] = JSON.parse(json.stdout) as NormalizedCampaign[];
    expect(result!.references.map((r) => r.status)).to.deep.equal(['other domain', 'current']);
    expect(json.stderr).to.contain(`1 reference left unresolved (unknown, other domain, ambiguous or deprecated):\n  ${file}:4: other domain: T0800`);
    expect((await runCli(['normalize', file, '--strict'])).code).to.equal(1);
    // Report text, as OT reports write it: an ICS technique beside an Enterprise one.
    const report = extractReport(`The actor used Activate Firmware Update Mode (T0800) and Spearphishing Attachment (T1566.001).`, domainReleases(library, 'enterprise-attack'));
    expect(report.references.map((r) => r.resolution?.status)).to.deep.equal(['other domain', 'current']);
    const threat = readThreatInputs([file], library);
    expect(campaignUnresolved(threat.campaigns)[0]?.note).to.equal(result!.references[0]!.note);
  });
});
