/**
 * Every command reads a revocation the release no longer records as normalize does, through the one mechanism
 * (`AttackIndex.revocationChain`, continued by the other releases at hand): mobile-attack 18.1 keeps T1454 Malicious
 * SMS Message revoked with no `revoked-by` relationship, which mobile-attack 9.0 has (T1454 revoked by T1477, itself
 * deprecated in 18.1). The broken chains are found straight from the release files in ../shared/attack-stix (the
 * newest enterprise, mobile and ICS releases, each with the older releases of its domain), without lib/.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TechniqueReport } from '../../lib/cli/commands/technique.js';
import { freshTmpDir, rawAttackId, rawRelease, runCli, stixDir } from '../helpers/attack.js';

const releaseFiles = (domain: string): string[] =>
  [...readdirSync(stixDir()).map((f) => f), ...readdirSync(join(stixDir(), 'stix21')).map((f) => `stix21/${f}`)].filter((f) => f.replace(/^stix21\//, '').startsWith(`${domain}-`) && !f.includes('18.1'));

interface Broken {
  domain: string;
  id: string;
  name: string;
  replacement: string;
  deprecated: boolean;
  recordedBy: string;
}

/** Revoked techniques of the newest release with no revoked-by there, and the older release that records one. */
function brokenChains(domain: string): Broken[] {
  const target = rawRelease(`${domain}-18.1.json.gz`);
  const older = releaseFiles(domain).map(rawRelease);
  const found: Broken[] = [];
  for (const o of target.byStix.values()) {
    if (o.type !== 'attack-pattern' || o['revoked'] !== true || target.revokedBy.has(o.id)) continue;
    const recorded = older.find((release) => target.byStix.has(release.revokedBy.get(o.id) ?? ''));
    if (!recorded) continue;
    const replacement = target.byStix.get(recorded.revokedBy.get(o.id)!)!;
    const release = recorded.file.match(/(\d+\.\d+)\.json/)![1]!;
    found.push({ domain, id: rawAttackId(o), name: String(o['name']), replacement: rawAttackId(replacement), deprecated: replacement['x_mitre_deprecated'] === true, recordedBy: `${domain} ${release}` });
  }
  return found;
}

describe('a revocation the release no longer records, read alike by technique, validate and upgrade', () => {
  const broken = ['enterprise-attack', 'mobile-attack', 'ics-attack'].flatMap(brokenChains);

  it('finds T1454 -> T1477 among the broken chains of the newest releases', () => {
    expect(broken.map((b) => `${b.id} -> ${b.replacement}`)).to.include('T1454 -> T1477');
  });

  it('technique follows each to the replacement an older release records, and says which', async () => {
    for (const b of broken) {
      const result = await runCli(['technique', b.id, '--domain', b.domain, '--json']);
      expect(result.code, result.stderr).to.equal(0);
      const report = JSON.parse(result.stdout) as TechniqueReport;
      expect(report.revokedBy?.chain).to.deep.equal([b.id, b.replacement]);
      expect(report.revokedBy?.final?.id).to.equal(b.replacement);
      expect(report.revokedBy?.finalDeprecated ?? false).to.equal(b.deprecated);
      expect(report.revokedBy?.recordedElsewhere).to.deep.equal([{ id: b.id, replacement: b.replacement, release: b.recordedBy }]);
    }
  });

  it('validate names the replacement and where it is recorded; upgrade replaces the entry as that says', async () => {
    const dir = freshTmpDir('revocation-history');
    for (const b of broken) {
      const file = join(dir, `${b.id}.json`);
      const layer = { name: b.id, versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: b.domain, techniques: [{ techniqueID: b.id, score: 1 }] };
      writeFileSync(file, JSON.stringify(layer));
      const validated = await runCli(['validate', file]);
      expect(validated.stdout + validated.stderr).to.include(
        `replaced by ${b.replacement} (`,
      ).and.to.include(`a revocation ${b.domain} 18.1 no longer records (ATT&CK ${b.recordedBy} records ${b.id} -> ${b.replacement})`);
      const upgraded = await runCli(['upgrade', file, '--report', 'json', '--report-out', join(dir, `${b.id}-report.json`), '--out', join(dir, `${b.id}-up.json`)]);
      expect(upgraded.code, upgraded.stderr).to.equal(0);
      const up = JSON.parse(readFileSync(join(dir, `${b.id}-up.json`), 'utf8')) as { techniques: { techniqueID: string }[] };
      expect(up.techniques.map((t) => t.techniqueID)).to.deep.equal(b.deprecated ? [] : [b.replacement]);
      expect(readFileSync(join(dir, `${b.id}-report.json`), 'utf8')).to.include(`replaced by ${b.replacement} (`);
    }
  });
});
