/**
 * A layer of ICS techniques that states no domain was read as enterprise-attack, the default: `validate` made each of
 * its IDs an `other-domain-technique` error and `upgrade` removed every entry. ATT&CK for ICS numbers its techniques
 * from T0800 and enterprise and mobile from T1000, so a layer whose technique IDs are all of ICS's shape is read in
 * ics-attack, and the repair line says why. Mobile IDs share enterprise's shape: such a layer stays enterprise, and
 * every reader says to write "domain": "mobile-attack".
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { repairLayer } from '../../lib/layer/repair-layer.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

// Reconstructed from the "MITRE ATT&CK Navigator Layer (JSON)" block of srivarshini-karthikeyan/ics-honeypot-mitre's
// README (MIT; find_string id 53400645361): the same entries, comments shortened, and no "domain", as layers written
// by hand for a write-up often leave it (the case write-up block of repair-layer.test.ts states none either).
const ICS_HONEYPOT = {
  name: 'ICS Honeypot Observed TTPs',
  versions: { attack: '14', navigator: '4.9' },
  techniques: [
    { techniqueID: 'T0846', color: '#ff6b6b', comment: 'Observed 847 times: network scanners probing Modbus', score: 847 },
    { techniqueID: 'T0801', color: '#ffd93d', comment: 'Observed 412 times: bulk register reads', score: 412 },
    { techniqueID: 'T0855', color: '#ff4500', comment: 'Observed 23 times: unauthorized write commands', score: 23 },
  ],
};

const ICS_REPAIR =
  '/domain: missing; read as "ics-attack", since its technique IDs are all ICS IDs (T0846, T0801, T0855; ATT&CK for ICS ' +
  'numbers its techniques from T0800, enterprise and mobile from T1000); write "domain": "ics-attack"';

describe('ICS layers that state no domain', () => {
  const dir = freshTmpDir('ics-no-domain');
  const file = join(dir, 'ics-honeypot.json');
  writeFileSync(file, JSON.stringify(ICS_HONEYPOT, null, 2));

  it('repairLayer reads them in ics-attack and says why: its IDs', () => {
    const { layer, repairs } = repairLayer(ICS_HONEYPOT, 'ics-honeypot.json');
    expect(layer['domain']).to.equal('ics-attack');
    expect(repairs.map((r) => `${r.path}: ${r.repair}`)).to.include(ICS_REPAIR);
    // IDs as people write them are read first (` t0846 `); entries without a technique ID do not count.
    const messy = { ...ICS_HONEYPOT, techniques: [{ techniqueID: ' t0846 ', score: 1 }, {}, { techniqueID: 'T0855.', score: 2 }] };
    expect(repairLayer(messy).layer['domain']).to.equal('ics-attack');
  });

  it('repairLayer keeps the default for a layer with any ID of enterprise or mobile shape, and for one with no technique', () => {
    const mixed = { ...ICS_HONEYPOT, techniques: [...ICS_HONEYPOT.techniques, { techniqueID: 'T1046', score: 1 }] };
    expect(repairLayer(mixed).layer['domain']).to.equal('enterprise-attack');
    expect(repairLayer({ ...ICS_HONEYPOT, techniques: [] }).layer['domain']).to.equal('enterprise-attack');
    // The gap review reads a coverage layer that states none in the review's domain, whatever its IDs.
    expect(repairLayer(ICS_HONEYPOT, 'x', { unstatedDomain: false }).layer['domain']).to.equal(undefined);
  });

  it('validate checks them against ATT&CK for ICS: the missing domain is an error, the ICS IDs are not', async () => {
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('error:')).map((line) => line.split(':')[1]?.trim())).to.deep.equal(['navigator-alert', 'old-format']);
    expect(lines[0]).to.contain(`${file}: ${ICS_REPAIR}: Navigator 5.1 reads the domain as "undefined"`);
    expect(result.stdout).not.to.contain('other-domain-technique');
  });

  it('upgrade writes them as ics-attack layers with every annotation', async () => {
    const out = join(dir, 'up.json');
    const result = await runCli(['upgrade', file, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(`${ICS_REPAIR} (repaired)`);
    const written = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    expect(written.domain).to.equal('ics-attack');
    expect(written.techniques?.map((t) => [t.techniqueID, t.score, t.comment])).to.deep.equal(
      [...ICS_HONEYPOT.techniques].sort((a, b) => a.techniqueID.localeCompare(b.techniqueID)).map((t) => [t.techniqueID, t.score, t.comment]),
    );
    expect(written.metadata ?? []).to.deep.equal([]);
  });

  it('combine reads them in ics-attack beside an ICS layer that states its domain', async () => {
    const stated = join(dir, 'stated.json');
    writeFileSync(stated, JSON.stringify({ ...ICS_HONEYPOT, domain: 'ics-attack', techniques: [{ techniqueID: 'T0846', score: 900 }] }));
    const out = join(dir, 'combined.json');
    const result = await runCli(['combine', file, stated, '--op', 'max', '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(`${ICS_REPAIR} (repaired)`);
    const written = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    expect([written.domain, written.techniques?.map((t) => [t.techniqueID, t.score])]).to.deep.equal([
      'ics-attack',
      [
        ['T0801', 412],
        ['T0846', 900],
        ['T0855', 23],
      ],
    ]);
  });

  it('a mobile layer that states no domain stays enterprise, and validate says, naming the file, to write "domain": "mobile-attack"', async () => {
    // The mobile IDs of DeTT&CT's Rapid7 Q1 2019 mobile layer (rabobank-cdc/DeTTECT threat-actor-data), no domain.
    const mobile = join(dir, 'rapid7-mobile.json');
    writeFileSync(mobile, JSON.stringify({ name: 'Rapid7 Q1 2019', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, techniques: [{ techniqueID: 'T1407', score: 9 }, { techniqueID: 'T1411', score: 99 }] }));
    const result = await runCli(['validate', mobile]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.contain(`${mobile}: /domain: missing; read as "enterprise-attack" (write "domain": "mobile-attack" or "ics-attack" for a layer of those)`);
    expect(result.stdout).to.contain(`${mobile}: /techniques/0: T1407 is a Mobile technique (Download New Code at Runtime in mobile-attack 18.1); this layer is enterprise-attack`);
    expect(result.stdout).to.contain('annotate it in a layer of mobile-attack');
  });
  it('upgrade of the layer stating enterprise-attack says once that its domain is wrong, not only each ID', async () => {
    const stated = join(dir, 'ics-as-enterprise.json');
    writeFileSync(stated, JSON.stringify({ ...ICS_HONEYPOT, domain: 'enterprise-attack' }));
    const result = await runCli(['upgrade', stated, '--out', join(dir, 'ics-as-enterprise.up.json')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(
      '/domain: every entry (3) is a technique of ics-attack, none of enterprise-attack: the layer\'s domain is likely wrong; ' +
        'set "domain": "ics-attack" and upgrade it again (each entry is kept as it was in the layer\'s metadata, "removed by upgrade")',
    );
    // One enterprise technique beside them: each ICS ID is said alone, as another domain's, and the domain stands.
    const mixed = join(dir, 'ics-and-enterprise.json');
    writeFileSync(mixed, JSON.stringify({ ...ICS_HONEYPOT, domain: 'enterprise-attack', techniques: [...ICS_HONEYPOT.techniques, { techniqueID: 'T1046', score: 5 }] }));
    const second = await runCli(['upgrade', mixed, '--out', join(dir, 'ics-and-enterprise.up.json')]);
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stderr).to.contain('T0846 is an ICS technique').and.not.contain('domain is likely wrong');
  });

  it('validate of the layer stating enterprise-attack says the same line once, a warning of its own code, beside each entry\'s error', async () => {
    const stated = join(dir, 'ics-as-enterprise.json');
    writeFileSync(stated, JSON.stringify({ ...ICS_HONEYPOT, domain: 'enterprise-attack' }));
    const result = await runCli(['validate', stated]);
    expect(result.code).to.equal(1);
    const wrong =
      '/domain: every entry (3) is a technique of ics-attack, none of enterprise-attack: the layer\'s domain is likely wrong; set "domain": "ics-attack" and upgrade it again';
    expect(result.stdout.split('\n').filter((line) => line.includes('domain is likely wrong'))).to.deep.equal([`warning: other-domain-layer: ${stated}: ${wrong}`]);
    expect(result.stdout.match(/other-domain-technique: .*\/techniques\/\d: T0\d+ is an ICS technique/g)).to.have.length(3);
    const json = await runCli(['validate', stated, '--json']);
    const findings = (JSON.parse(json.stdout) as Array<{ findings: Array<{ severity: string; code: string; path: string; message: string }> }>)[0]!.findings;
    expect(findings.filter((f) => f.code === 'other-domain-layer')).to.deep.equal([{ severity: 'warning', code: 'other-domain-layer', path: '/domain', message: `${stated}: ${wrong}` }]);
    expect(findings.filter((f) => f.code === 'other-domain-technique').map((f) => f.path)).to.deep.equal(['/techniques/0', '/techniques/1', '/techniques/2']);
    // One enterprise technique beside them: each ICS ID alone, no line on the domain.
    const mixed = join(dir, 'ics-and-enterprise.json');
    writeFileSync(mixed, JSON.stringify({ ...ICS_HONEYPOT, domain: 'enterprise-attack', techniques: [...ICS_HONEYPOT.techniques, { techniqueID: 'T1046', score: 5 }] }));
    const second = await runCli(['validate', mixed]);
    expect(second.stdout).to.contain('T0846 is an ICS technique').and.not.contain('domain is likely wrong');
  });

  it('gap and compare given the layer stating enterprise-attack say the same line once, beside each entry', async () => {
    const stated = join(dir, 'ics-as-enterprise.json');
    writeFileSync(stated, JSON.stringify({ ...ICS_HONEYPOT, domain: 'enterprise-attack' }));
    const enterprise = join(dir, 'enterprise.json');
    writeFileSync(enterprise, JSON.stringify({ ...ICS_HONEYPOT, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1046', score: 5 }] }));
    const wrong = '/domain: every entry (3) is a technique of ics-attack, none of enterprise-attack: the layer\'s domain is likely wrong; set "domain": "ics-attack" and upgrade it again';
    const said = (text: string): string[] => text.split('\n').filter((line) => line.includes('domain is likely wrong'));
    // As the threat: once on stderr and once in the report, each ID still listed as not resolved.
    const threat = await runCli(['gap', '--threat', stated, '--coverage', enterprise, '--out', join(dir, 'gap-threat')]);
    expect(said(threat.stderr)).to.deep.equal([`threat layer ${stated} ("ICS Honeypot Observed TTPs"): ${wrong}`]);
    const report = readFileSync(join(dir, 'gap-threat', 'gap-report.md'), 'utf8');
    expect(said(report)).to.have.length(1);
    expect(report).to.contain('T0846 is an ICS technique').and.contain('T0855 is an ICS technique');
    // As the coverage, the same; a threat of its own domain beside it does not say it.
    const coverage = await runCli(['gap', '--threat', enterprise, '--coverage', stated, '--out', join(dir, 'gap-coverage')]);
    expect(said(coverage.stderr)).to.deep.equal([`coverage layer ${stated} ("ICS Honeypot Observed TTPs"): ${wrong}`]);
    // compare upgrades the layer it reads: upgrade's line, once.
    const compare = await runCli(['compare', stated, '--with', 'G0034']);
    expect(compare.code, compare.stderr).to.equal(0);
    expect(said(compare.stderr)).to.have.length(1);
    expect(said(compare.stderr)[0]).to.contain(wrong);
  });
});
