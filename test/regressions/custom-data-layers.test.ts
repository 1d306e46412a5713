/**
 * Layers drawn from their own data: Navigator 4.8 and later open a layer whose `customDataURL` names a STIX bundle or
 * collection, of a domain of that bundle's own (CTID's Fight Fraud Framework: "f3-financial", F-IDs beside ATT&CK's,
 * tactics "positioning" and "monetization"). attack-layers has no copy of such data, so validate checks the format
 * only and says so once, and the commands that need ATT&CK refuse the layer with one message saying why.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, layerRefusals, runCli } from '../helpers/attack.js';

// The shape of center-for-threat-informed-defense/fight-fraud-framework public/f3-navigator.json, a few entries.
const F3 = {
  name: 'F3 Matrix',
  versions: { attack: '17', navigator: '5.3.1', layer: '4.5' },
  domain: 'f3-financial',
  customDataURL: 'https://example.org/f3-stix.json',
  filters: { platforms: ['F3'] },
  techniques: [
    { techniqueID: 'F1001', tactic: 'defense-evasion', comment: '', showSubtechniques: true, color: '#FFFFFF' },
    { techniqueID: 'T1453', tactic: 'positioning', color: '#FFFFFF' },
    { techniqueID: 'F1040.002', tactic: 'initial-access', color: '#FFFFFF' },
  ],
  metadata: [{ name: 'f3_stix_version', value: '0.1' }],
};

describe('layers drawn from their own data (customDataURL, a domain of their own)', () => {
  const dir = freshTmpDir('custom-data');
  const file = join(dir, 'f3-navigator.json');
  writeFileSync(file, JSON.stringify(F3, null, 2));

  it('validate checks the format only, with one warning saying why, and passes (Navigator opens it from that data)', async () => {
    const result = await runCli(['validate', file]);
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const findings = result.stdout.trim().split('\n');
    expect(findings, result.stdout).to.have.length(1);
    expect(findings[0]).to.equal(
      `warning: custom-data: ${file}: /customDataURL: the layer is drawn from its own data (https://example.org/f3-stix.json, domain "f3-financial"), ` +
        'which Navigator loads from there; attack-layers has ATT&CK releases only, so it checked the layer format, not its 3 technique entries',
    );
  });

  it('validate still reports what breaks the format in such a layer', async () => {
    const broken = join(dir, 'f3-broken.json');
    writeFileSync(broken, JSON.stringify({ ...F3, techniques: [{ techniqueID: 'F1001', score: 'high' }, { tactic: 'positioning' }] }));
    const result = await runCli(['validate', broken]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.match(/^warning: custom-data: .*: \/customDataURL: /m);
    expect(result.stdout).to.match(/^error: schema: .*: \/techniques\/1: /m);
  });

  it('upgrade, export, combine and gap refuse it with the same one-line message, naming the file, the place and what to do', async () => {
    const said = await layerRefusals(file, dir);
    expect(new Set(said).size, said.join('\n')).to.equal(1);
    expect(said[0]).to.equal(
      `${file}: /domain: "f3-financial" is no ATT&CK domain: the layer is drawn from its own data (customDataURL https://example.org/f3-stix.json), ` +
        'which Navigator loads from there; attack-layers reads layers of enterprise-attack, mobile-attack and ics-attack against ATT&CK\'s releases: ' +
        'open this one in Navigator',
    );
  });
});

/**
 * A customDataURL on a layer of ATT&CK's own domains: Navigator 5.1 reads every layer holding the field as drawn from
 * that data (`'customDataURL' in obj` in its tabs component), whatever the domain, and stops with an alert: "" is an
 * invalid URL, and ATT&CK's own domain and release conflict with the data it has. A Go layer library writes the field
 * empty in every layer; a Navigator test layer names mitre/cti's enterprise-attack.json. Every reader leaves it out.
 */
describe("a customDataURL on a layer of ATT&CK's own domains", () => {
  const dir = freshTmpDir('custom-data-url');
  const CTI = 'https://raw.githubusercontent.com/mitre/cti/master/enterprise-attack/enterprise-attack.json';
  const layer = (customDataURL: string) => ({
    name: 'go library layer',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    customDataURL,
    techniques: [{ techniqueID: 'T1059.001', tactic: 'execution', score: 1 }],
    layout: { expandedSubtechniques: 'annotated' },
  });
  const empty = join(dir, 'empty-url.json');
  const cti = join(dir, 'cti-url.json');
  writeFileSync(empty, JSON.stringify(layer('')));
  writeFileSync(cti, JSON.stringify(layer(CTI)));

  it('validate reports it as the error Navigator stops at, with the alert it shows, and what upgrade does', async () => {
    const result = await runCli(['validate', empty, cti]);
    expect(result.code, result.stdout + result.stderr).to.equal(1);
    expect(result.stdout.trim().split('\n')).to.deep.equal([
      `error: navigator-alert: ${empty}: /customDataURL: "": a layer of "enterprise-attack" is drawn from Navigator's own ATT&CK releases, but Navigator reads any ` +
        'layer with a customDataURL as custom data loaded from it, and this one names none; left out: Navigator 5.1 stops with the alert "ERROR: invalid url" ' +
        'instead of opening the layer (`attack-layers upgrade` leaves it out)',
      `error: navigator-alert: ${cti}: /customDataURL: "${CTI}": a layer of "enterprise-attack" is drawn from Navigator's own ATT&CK releases, but Navigator reads any ` +
        'layer with a customDataURL as custom data loaded from it; left out: Navigator 5.1 stops with the alert "ERROR the domain and version specified conflict with ' +
        'an existing set of ATT&CK data" instead of opening the layer (`attack-layers upgrade` leaves it out and keeps it, as it was, in the layer\'s "removed by upgrade" metadata)',
    ]);
    expect(result.stderr).to.contain('Navigator 5.1 shows an alert or a warning dialog at them instead of opening the layer as written');
  });

  it('upgrade writes the layer without it, keeping a URL in "removed by upgrade", and validate finds nothing in what it wrote', async () => {
    const out = join(dir, 'upgraded');
    const result = await runCli(['upgrade', empty, cti, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    for (const name of ['empty-url.json', 'cti-url.json']) {
      const written = JSON.parse(readFileSync(join(out, name), 'utf8')) as Record<string, unknown>;
      expect(written).to.not.have.property('customDataURL');
      const kept = JSON.stringify(written['metadata'] ?? []);
      if (name === 'cti-url.json') expect(kept).to.contain(`It was: \\"${CTI}\\"`);
      else expect(kept).to.not.contain('customDataURL');
      const check = await runCli(['validate', join(out, name)]);
      expect(check.code, check.stdout).to.equal(0);
      expect(check.stdout).to.equal('');
    }
  });

  it('combine, export and gap read the layer without it, saying so on stderr', async () => {
    for (const argv of [
      ['combine', empty, cti, '--op', 'max'],
      ['export', cti, '--format', 'csv'],
      ['gap', '--threat', cti, '--coverage', empty, '--out', join(dir, 'gap')],
    ]) {
      const result = await runCli(argv);
      expect(result.code, `${argv[0]}: ${result.stderr}`).to.equal(0);
      expect(result.stderr, argv[0]).to.contain('/customDataURL: ');
      if (argv[0] === 'combine') expect(result.stdout).to.not.contain('"customDataURL"');
    }
  });
});
