/** `attack-layers validate` end to end: which ATT&CK release a layer is checked against, and what is said about it. */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, readRawBundle, runCli, stixFile } from '../helpers/attack.js';
import { rawMatrix } from '../export/raw-matrix.js';
import { attackLibrary } from '../layer/attack-data.js';

/** A layer declaring ATT&CK `attack`, annotating T1059.001 and T1665 (Hide Infrastructure, new in ATT&CK 15). */
function layerFor(attack: string): string {
  const file = join(freshTmpDir('validate'), `layer-${attack}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name: `a layer of ATT&CK ${attack}`,
      domain: 'enterprise-attack',
      versions: { attack, navigator: '5.1.0', layer: '4.5' },
      layout: { expandedSubtechniques: 'annotated' },
      techniques: [{ techniqueID: 'T1059.001', score: 1 }, { techniqueID: 'T1665', score: 1 }],
    }),
  );
  return file;
}

describe('attack-layers validate: the release a layer is checked against', () => {
  /** True when the release's bundle has a technique with this ID. */
  const has = (release: string, id: string): boolean =>
    release === '18.1'
      ? rawMatrix().current.some((t) => t.id === id)
      : readRawBundle(stixFile(`enterprise-attack-${release}.json.gz`)).objects.some((o) => o.type === 'attack-pattern' && JSON.stringify(o['external_references']).includes(`"${id}"`));

  it('checks a layer of 14 against the installed 14.1, where T1665 does not exist yet', async () => {
    expect(has('14.1', 'T1665')).to.equal(false);
    const file = layerFor('14');
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.contain(`error: unknown-technique: ${file}: /techniques/1: T1665 is not a technique in enterprise-attack 14.1`);
    expect(result.stdout).to.not.contain('not available');
  });

  it('checks it against 18.1 with --attack-release 18.1, without claiming that the installed 14.1 is missing', async () => {
    expect(has('18.1', 'T1665')).to.equal(true);
    const file = layerFor('14');
    const result = await runCli(['validate', file, '--attack-release', '18.1']);
    // What remains is Navigator's own prompt at a layer of 14, which no --attack-release changes.
    expect([result.code, result.stdout.split(': ').slice(0, 2)]).to.deep.equal([0, ['warning', 'upgrade-prompt']]);
    expect(result.stdout).to.not.contain('not available');
    // On a terminal a clean run says so; piped it stays silent.
    expect(await runCli(['validate', layerFor('18'), '--attack-release', '18.1'])).to.deep.equal({ code: 0, stdout: '', stderr: '' });
    const shown = await runCli(['validate', layerFor('18'), '--attack-release', '18.1'], {}, { tty: { columns: 100 } });
    expect([shown.code, shown.stdout]).to.deep.equal([0, '']);
    // After the progress line (`\r\x1b[K` clears it).
    expect(shown.stderr).to.match(/\r\x1b\[K1 file: no findings\n$/);
  });

  it('says so when the release a layer names is not installed (ATT&CK 7), and checks it against the newest', async () => {
    const file = layerFor('7');
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(0);
    expect(result.stdout.split('\n')[0]).to.match(/^warning: upgrade-prompt: .*layer-7\.json: \/versions\/attack: the layer is for ATT&CK 7, older than 18/);
    expect(result.stdout.split('\n').slice(1).join('\n')).to.equal(
      `warning: attack-version-unavailable: ${file}: /versions/attack: ATT&CK enterprise-attack 7 is not available here; checked against ` +
        'enterprise-attack 18.1 instead (run `attack-layers data fetch --attack-release 7` to check against 7)\n',
    );
  });

  // ../shared/NAVIGATOR.md: a layer of an older release, uploaded, gets "Upgrade layer version? … Do you want to open the
  // workflow to upgrade this layer to ATT&CK v18?" (tabs.component.ts versionUpgradeDialog: any major but the current).
  it("warns (exit 0) that Navigator 5.1 asks to upgrade a layer of an installed older release (14), and says what to run", async () => {
    const file = layerFor('14');
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1); // T1665 is unknown in 14.1 (above); the prompt is a warning beside it
    expect(result.stdout).to.contain(
      `warning: upgrade-prompt: ${file}: /versions/attack: the layer is for ATT&CK 14, older than 18, the newest Navigator 5.1 has: opened from a file, ` +
        'it shows only after the dialog "Upgrade layer version? … Do you want to open the workflow to upgrade this layer to ATT&CK v18?" (declined, it opens in ATT&CK 14), ' +
        'and that workflow carries over by itself only the annotations of techniques that did not change; run `attack-layers upgrade` to write it for 18.1 with every annotation\n',
    );
    const upgraded = await runCli(['upgrade', file]);
    const again = join(freshTmpDir('validate'), 'upgraded.json');
    writeFileSync(again, upgraded.stdout);
    expect(await runCli(['validate', again])).to.deep.equal({ code: 0, stdout: '', stderr: '' });
  });

  it('fails (exit 1) a layer of ATT&CK 19, which Navigator 5.1 refuses to open, and says what Navigator does', async () => {
    const file = layerFor('19');
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.contain(`error: navigator-release: ${file}: /versions/attack: Navigator 5.1 has no ATT&CK 19`);
    expect(result.stderr.trimEnd().split('\n').at(-1)).to.equal(
      `attack-layers validate: 1 error in ${file}: Navigator 5.1 refuses a layer of an ATT&CK release it does not have ("ERROR parsing layer…") and opens no tab`,
    );
  });

  it('stops (exit 1) when the release asked for with --attack-release is not installed, instead of checking against another', async () => {
    const result = await runCli(['validate', layerFor('14'), '--attack-release', '7.2']);
    expect([result.code, result.stdout]).to.deep.equal([1, '']);
    expect(result.stderr).to.match(/ATT&CK enterprise-attack 7\.2 \(--attack-release\) is not available here: run `attack-layers data fetch --attack-release 7\.2`/);
  });
});

describe('attack-layers validate: the summary of errors says what they mean in Navigator', () => {
  const write = (name: string, layer: object): string => {
    const file = join(freshTmpDir('validate-summary'), name);
    writeFileSync(file, JSON.stringify(layer));
    return file;
  };
  const lastLine = (stderr: string): string => stderr.trimEnd().split('\n').at(-1)!;
  const outdated = 'Navigator opens a layer whose format is not 4.x (3.0, 5.0, "v4.5"), or that states none, only after its "Outdated Layer" dialog (`attack-layers upgrade` converts it)';

  it('does not say "drop or hide" for an old format only (Navigator opens it after a dialog and drops nothing)', async () => {
    const file = write('old.json', { name: 'old', domain: 'enterprise-attack', versions: { attack: '18', layer: '3.0' }, layout: { expandedSubtechniques: 'annotated' }, techniques: [{ techniqueID: 'T1059', score: 1 }] });
    const result = await runCli(['validate', file]);
    expect([result.code, lastLine(result.stderr)]).to.deep.equal([1, `attack-layers validate: 1 error in ${file}: ${outdated}`]);
  });

  it('does not say it for a domain that is not ATT&CK (a DISARM layer)', async () => {
    const file = write('disarm.json', { name: 'layer', domain: 'DISARM', versions: { attack: '1', navigator: '4.8.2', layer: '4.5' }, techniques: [{ techniqueID: 'T0002', tactic: 'plan-objectives', enabled: false }] });
    const result = await runCli(['validate', file]);
    expect([result.code, lastLine(result.stderr)]).to.deep.equal([1, `attack-layers validate: 1 error in ${file}: the layer is not of an ATT&CK domain Navigator has (enterprise-attack, mobile-attack, ics-attack)`]);
  });

  it('says it when some error is of a kind Navigator drops or hides, beside the others', async () => {
    const file = write('both.json', { name: 'both', domain: 'enterprise-attack', versions: { attack: '18', layer: '3.0' }, layout: { expandedSubtechniques: 'annotated' }, techniques: [{ techniqueID: 'T9999', score: 1 }] });
    const result = await runCli(['validate', file]);
    expect([result.code, lastLine(result.stderr)]).to.deep.equal([1, `attack-layers validate: 2 errors in ${file}: Navigator would drop or hide what they concern; ${outdated}`]);
  });
});

// SRA's Threat Simulation Index layer (publayers5 11) lists every ATT&CK ID ever, its revoked ones disabled: validate
// printed 27 revoked-technique warnings one after another, burying the rest. The human output lists a few of each
// kind; --json keeps every one.
describe('attack-layers validate: many findings of one kind', () => {
  it('lists the first three of a kind, then how many more, and --json every one', async () => {
    const revoked = ['T1002', 'T1004', 'T1009', 'T1013', 'T1015', 'T1017'];
    const file = join(freshTmpDir('validate-kinds'), 'index.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'index',
        domain: 'enterprise-attack',
        versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
        techniques: [...revoked.map((techniqueID) => ({ techniqueID, enabled: false })), { techniqueID: 'T1059', score: 1 }, { techniqueID: 'T1059', score: 2 }],
      }),
    );
    const human = await runCli(['validate', file]);
    const lines = human.stdout.trim().split('\n');
    expect(lines.map((line) => line.split(': ').slice(0, 2).join(': ').replace(file, 'F'))).to.deep.equal([
      'warning: revoked-technique',
      'warning: revoked-technique',
      'warning: revoked-technique',
      'warning: revoked-technique',
      'warning: duplicate-entry',
    ]);
    // The count names the techniques it hides, as combine's does.
    expect(lines[3]).to.equal('warning: revoked-technique: and 3 more of this kind, of T1013, T1015, T1017 (--json lists every one)');
    expect(human.stderr).to.contain('1 file: 0 errors, 7 warnings');
    const json = await runCli(['validate', file, '--json']);
    const findings = (JSON.parse(json.stdout) as { findings: { code: string }[] }[])[0]!.findings;
    expect(findings.filter((finding) => finding.code === 'revoked-technique')).to.have.length(6);
  });

  it("counts a never-opened layer's findings apart, after the error that says it never opens, not with an opened layer's", async () => {
    // Layer 1 (of 17) opens and hides six techniques behind its macOS filter; layer 2 stops Navigator at its metadata
    // before the release of layer 3 is loaded, so layer 3 never opens from the file.
    const hidden = ['T1059.001', 'T1021.001', 'T1547.001', 'T1053.005', 'T1112', 'T1218.011'].map((techniqueID) => ({ techniqueID, score: 5 }));
    const layer = (attack: string, extra: Record<string, unknown> = {}) => ({
      name: `layer of ${attack}`,
      domain: 'enterprise-attack',
      versions: { attack, navigator: '5.1.0', layer: '4.5' },
      techniques: hidden,
      filters: { platforms: ['macOS'] },
      ...extra,
    });
    const file = join(freshTmpDir('validate-never-opened'), 'layers.json');
    writeFileSync(file, JSON.stringify([layer('17'), layer('18', { metadata: 5 }), layer('18')]));
    const lines = (await runCli(['validate', file, '--attack-release', '18.1'])).stdout.trim().split('\n');
    const filtered = lines.filter((line) => line.startsWith('warning: filtered-out-technique: '));
    expect(filtered[3]).to.equal('warning: filtered-out-technique: and 3 more of this kind, of T1053.005, T1112, T1218.011 (--json lists every one)');
    expect(lines.indexOf(filtered[4]!)).to.be.greaterThan(lines.findIndex((line) => line.startsWith('error: never-opened: ')));
    expect(filtered[4]).to.contain(`${file}: /2/techniques/0: once the layer is opened alone`);
    expect(filtered[7]).to.equal(
      'warning: filtered-out-technique: and 3 more of this kind once their layers are opened alone (Navigator 5.1 never opens them from this file), of T1053.005, T1112, T1218.011 (--json lists every one)',
    );
  });
});

describe('attack-layers validate --attack-release: a filter of every platform of the layer\'s release', () => {
  // A layer of ATT&CK 14 as Navigator 4.9 exports it: its filter lists every platform of 14, so it showed every
  // platform. Checked against 18.1, T1059.012 (Hypervisor CLI, ESXi only: a platform 16 added) is not hidden by it.
  const write = (platforms: readonly string[]): string => {
    const file = join(freshTmpDir('validate-every-platform'), 'layer-14.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'a layer of ATT&CK 14',
        domain: 'enterprise-attack',
        versions: { attack: '14', navigator: '4.9.1', layer: '4.5' },
        filters: { platforms },
        layout: { expandedSubtechniques: 'annotated' },
        techniques: [{ techniqueID: 'T1059.012', score: 1 }],
      }),
    );
    return file;
  };

  it('reads it as every platform, as without the option, and a filter of some of them as written', async () => {
    const every = attackLibrary().release('enterprise-attack', '14').platforms();
    expect(every).to.not.include('ESXi');
    expect(attackLibrary().release('enterprise-attack', '18.1').technique('T1059.012')?.platforms).to.deep.equal(['ESXi']);
    const all = await runCli(['validate', write(every), '--attack-release', '18.1']);
    expect(all.stdout).to.not.contain('filtered-out-technique');
    const some = await runCli(['validate', write(every.slice(1)), '--attack-release', '18.1']);
    expect(some.stdout).to.contain('warning: filtered-out-technique');
    expect(some.stdout).to.contain('T1059.012');
  });

  // Each schema error is a place to mend, not one more of a kind: they were listed three at a time ("and 3 more of
  // this kind (--json lists every one)"), as 35 revoked IDs of one layer are.
  it('lists every schema error of a layer, up to 20, then counts the rest', async () => {
    // What Navigator 5.1 does at an entry's metadata written as a number (technique-vm.ts TechniqueVM.deserialize). (Text
    // there is a repair since: kept as a metadata item, said as navigator-alert.)
    const NOT_ITERABLE =
      ': Navigator 5.1, reading the entry, fails iterating it ("is not iterable" in its console), and stops reading the layer in ' +
      "the tab it opens for it in the layer's release, with the alert \"ERROR parsing file, check the javascript console for more information.\" " +
      'where it has loaded that release already (a layer of it opened or created earlier in the session), else with only an error in its console; ' +
      'write a list of metadata items such as {"name": "…", "value": "…"}, or leave the field out' +
      // The repair leaves such a list out (h591): said once, here, with what upgrade does.
      ' (`attack-layers upgrade` leaves it out and keeps it, as it was, in the layer\'s "removed by upgrade" metadata)';
    const layer = (entries: number) =>
      JSON.stringify({
        name: 'x',
        domain: 'enterprise-attack',
        versions: { layer: '4.5', navigator: '5.1.0', attack: '18' },
        techniques: Array.from({ length: entries }, (_, i) => ({ techniqueID: 'T1059', tactic: 'execution', score: 1, metadata: 100 + i })),
      });
    const dir = freshTmpDir('validate');
    const six = join(dir, 'six.json');
    writeFileSync(six, layer(6));
    const result = await runCli(['validate', six, '--attack-release', '18.1']);
    expect(result.code).to.equal(1);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('error: schema: '))).to.deep.equal(
      Array.from({ length: 6 }, (_, i) => `error: schema: ${six}: /techniques/${i}/metadata: ${100 + i} is a whole number, where the layer format takes a list${NOT_ITERABLE}`),
    );
    const many = join(dir, 'many.json');
    writeFileSync(many, layer(25));
    const listed = (await runCli(['validate', many, '--attack-release', '18.1'])).stdout.split('\n').filter((line) => line.startsWith('error: schema: '));
    expect(listed).to.have.length(21);
    expect(listed[19]).to.equal(`error: schema: ${many}: /techniques/19/metadata: 119 is a whole number, where the layer format takes a list${NOT_ITERABLE}`);
    expect(listed[20]).to.match(/^error: schema: and 5 more of this kind.*\(--json lists every one\)$/);
  });
});

// An empty file, one of blank space and a binary one (this repository's docs/apt32-covid19-wuhan.png, as .json) each
// ended `1 error in x.json: the layer does not follow the Navigator layer format`, with a finding of kind `schema`,
// where there is no layer to follow any format.
describe('attack-layers validate: a file with no text to check', () => {
  it('says it is empty, blank or not text, with what to give, in a finding of kind unreadable (exit 1)', async () => {
    const dir = freshTmpDir('validate-unreadable');
    const png = join(dir, 'picture.json');
    copyFileSync('docs/apt32-covid19-wuhan.png', png);
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'blank.json'), ' \n\n\t\n');
    const said: Record<string, string> = {
      'empty.json': "no JSON in it: it is empty; give the whole file (a download, or a command's output sent to it, that failed leaves it empty)",
      'blank.json': "no JSON in it: it holds only blank space; give the whole file (a download, or a command's output sent to it, that failed leaves it empty)",
      'picture.json': 'this is a binary file (a NUL byte at offset 8), not text; give a text, YAML, JSON or CSV file',
    };
    for (const [name, message] of Object.entries(said)) {
      const file = join(dir, name);
      const result = await runCli(['validate', file, '-q']);
      expect([result.code, result.stdout, result.stderr], name).to.deep.equal([1, `error: unreadable: ${file}: ${message}\n`, `attack-layers validate: 1 error in ${file}: ${message}\n`]);
    }
    const all = await runCli(['validate', dir, '-q']);
    expect(all.stderr).to.match(/: 3 files hold no text to check \(empty, blank or binary; each one's finding says what to give\)\n$/);
  });
});
