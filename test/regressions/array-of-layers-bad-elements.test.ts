/**
 * A file of several layers (Navigator's multi-layer file) one of whose elements is no layer: `null` (a script that
 * appended a layer it failed to make), a number, text, `{}`. Every reader refused the whole file (`/1: must be a
 * layer object, not null`; upgrade: `(layer 2): not an ATT&CK Navigator layer (null)`); now each keeps the layers,
 * says each element left out with its place, and validate reports it as what Navigator 5.1 does at it: its
 * tabs.component.ts (readJSONFile, loadObjAsLayer; github.com/mitre-attack/attack-navigator, nav-app/src/app/tabs/
 * tabs.component.ts at fa7a6017820f97f172be896d093c57a91387f372) loads the elements in turn, each in a try of its
 * own: `obj.name` or `'versions' in obj` of null or a number throws there, and its catch alerts "ERROR parsing layer,
 * check the javascript console for more information." and goes on with the next element, so the layers before and
 * after it open. (An older tabs.component.ts, at 0070cefa, read them in one try and stopped at the first that threw,
 * opening none after it.) A layer element Navigator stops at (no domain) is skipped so too: the layer after it is
 * checked as opened, matrix findings and all.
 * The layers are the repository's own (layers/), copied and damaged here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { kindOfValue } from '../../lib/input-kind.js';
import { parseLayerSources } from '../../lib/layer/combine-layers.js';
import { repairLayer } from '../../lib/layer/repair-layer.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { freshTmpDir, hasStackTrace, repoRoot, runCli } from '../helpers/attack.js';

const apt32 = JSON.parse(readFileSync(join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json'), 'utf8')) as { name: string; techniques: unknown[] };
const temp = JSON.parse(readFileSync(join(repoRoot, 'layers/temp-periscope-cambodia-2018.layer.json'), 'utf8')) as { name: string };
/** The two layers with four elements that are no layer between them: /1 to /4. */
const damaged = [apt32, null, 5, 'T1059', {}, temp];
const LEFT_OUT = [
  'layer 2 of the file (/1): null is not a layer; left out',
  'layer 3 of the file (/2): 5 is not a layer; left out',
  'layer 4 of the file (/3): "T1059" is not a layer; left out',
  "layer 5 of the file (/4): {} is not a layer but an object with none of a layer's fields (techniques, domain, versions); left out",
];

function writeDamaged(value: unknown): { dir: string; file: string } {
  const dir = freshTmpDir('array-of-layers');
  const file = join(dir, 'layers.json');
  writeFileSync(file, JSON.stringify(value, null, 2));
  return { dir, file };
}

describe('an array of layers with elements that are no layer', () => {
  it('parseLayerSources keeps the layers with their places in the file, the first saying what was left out', () => {
    const sources = parseLayerSources(JSON.stringify(damaged), 'layers.json');
    expect(sources.map((source) => source.position)).to.deep.equal([0, 5]);
    expect(repairLayer(sources[0]!.value).repairs.filter((repair) => repair.path === '').map((repair) => repair.repair)).to.deep.equal(LEFT_OUT);
    expect(repairLayer(sources[1]!.value).repairs.filter((repair) => repair.path === '')).to.deep.equal([]);
  });

  it('is told as layers when its first element is null', () => {
    expect(kindOfValue([null, apt32])).to.equal('layer');
  });

  it('validate reports each as an error at its place, with what Navigator 5.1 does, and checks the layers', async () => {
    // Without ATT&CK data: the layers' own checks against a release are validate.test.ts's.
    const findings = validateLayer(damaged, { file: 'layers.json', attackFor: () => undefined });
    const notLayers = findings.filter((finding) => finding.code === 'navigator-alert');
    expect(notLayers.map((finding) => [finding.severity, finding.layer, finding.path])).to.deep.equal([
      ['error', 1, '/'],
      ['error', 2, '/'],
      ['error', 3, '/'],
      ['error', 4, '/'],
    ]);
    expect(notLayers[0]!.message).to.equal(
      'layers.json: /1: null is not a layer: Navigator 5.1 fails reading it as a layer and skips it with the alert "ERROR parsing layer, check the javascript console for more information.", opening the file\'s other layers (`upgradeLayer` and the other commands leave it out)',
    );
    expect(notLayers[3]!.message).to.match(/\/4: \{\} is not a layer but an object .*opens no tab for it: after an "Outdated Layer" warning .* skips it with the alert "ERROR parsing layer, .*", opening the file's other layers/);
    // The layers themselves are checked as ever: nothing of theirs is an error.
    expect(findings.filter((finding) => finding.code !== 'navigator-alert' && finding.severity === 'error')).to.deep.equal([]);
    const { file } = writeDamaged(damaged);
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    expect(result.stdout + result.stderr).to.contain('/2: 5 is not a layer: Navigator 5.1 fails reading it as a layer and skips it');
  });

  it('upgrade writes the layers it could, saying each element left out', async () => {
    const { dir, file } = writeDamaged(damaged);
    const out = join(dir, 'upgraded.json');
    const result = await runCli(['upgrade', file, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    for (const line of LEFT_OUT) expect(result.stderr).to.contain(`  ${line}\n`);
    expect(result.stderr).to.contain('layers.json (layer 6): ');
    const written = JSON.parse(readFileSync(out, 'utf8')) as Array<{ name: string }>;
    expect(written.map((layer) => layer.name)).to.deep.equal([apt32.name, temp.name]);
  });

  it('combine, export, gap and compare read the layers and say each element left out', async () => {
    const { dir, file } = writeDamaged(damaged);
    const combined = await runCli(['combine', file, '--op', 'max']);
    expect(combined.code, combined.stderr).to.equal(0);
    for (const line of LEFT_OUT) expect(combined.stderr).to.contain(line);
    expect((JSON.parse(combined.stdout) as { techniques: unknown[] }).techniques.length).to.be.greaterThan(apt32.techniques.length);

    // --layer counts the file's elements, as the messages name the layers.
    const unchosen = await runCli(['export', file, '--format', 'csv']);
    expect(unchosen.code).to.equal(2);
    expect(unchosen.stderr).to.contain('holds 2 layers; export draws one at a time: pass --layer 1, 6 (the others are no layers)');
    const sixth = await runCli(['export', file, '--format', 'csv', '--layer', '6']);
    expect(sixth.code, sixth.stderr).to.equal(0);
    const first = await runCli(['export', file, '--format', 'csv', '--layer', '1']);
    expect(first.code, first.stderr).to.equal(0);
    for (const line of LEFT_OUT) expect(first.stderr).to.contain(line);
    expect(sixth.stdout).to.not.equal(first.stdout);

    const gap = await runCli(['gap', '--threat', file, '--coverage', file, '--out', join(dir, 'gap')]);
    expect(gap.code, gap.stderr).to.equal(0);
    for (const line of LEFT_OUT) expect(gap.stderr).to.contain(line);
    expect(gap.stderr).to.contain('layers.json (layer 6): ');

    const compared = await runCli(['compare', file, '--with', 'G0050']);
    expect(compared.code, compared.stderr).to.equal(0);
    for (const line of LEFT_OUT) expect(compared.stderr).to.contain(line);
  });

  it('is refused, naming every element, when none is a layer', async () => {
    const { file } = writeDamaged([null, 5]);
    for (const argv of [['upgrade', file], ['combine', file, '--op', 'max'], ['export', file, '--format', 'csv']]) {
      const result = await runCli(argv);
      expect(result.code, argv[0]).to.equal(1);
      expect(hasStackTrace(result.stderr)).to.equal(false);
      expect(result.stderr).to.contain('none of the 2 elements of its array is a layer (the first layer of the file (/0): null is not a layer; layer 2 of the file (/1): 5 is not a layer)');
    }
  });
});

describe('a layer with a technique ID written as text among its entries', () => {
  // Was refused by validate and upgrade as "a campaign file", whose techniques are text.
  const layer = { ...structuredClone(apt32), techniques: [...structuredClone(apt32.techniques), 'T1059'] };

  it('is read as a layer, the text left out', async () => {
    expect(kindOfValue(layer)).to.equal('layer');
    const { dir, file } = writeDamaged(layer);
    const validated = await runCli(['validate', file]);
    expect(validated.stdout + validated.stderr).to.contain('/techniques/8: "T1059" is not a technique entry; left out');
    const upgraded = await runCli(['upgrade', file, '--out', join(dir, 'out.json')]);
    expect(upgraded.code, upgraded.stderr).to.equal(0);
    expect(upgraded.stderr).to.contain('/techniques/8: "T1059" is not a technique entry; removed');
  });

  it('a campaign of text IDs with a versions mapping is still a campaign', () => {
    expect(kindOfValue({ name: 'c', versions: {}, techniques: ['T1059', 'T1566'] })).to.equal('campaign');
  });
});

describe("a layer's list items that are no object: null, a number, text", () => {
  // Navigator 5.1 (nav-app/src/app/services/viewmodels.service.ts deserialize, classes/metadata.ts and link.ts at
  // mitre-attack/attack-navigator 199b18db) tests `'tactic' in`, `'name' in`, `'url' in`, `'label' in` each item: a
  // type error for null or a number, and text is parsed as JSON, so the layer stops loading at it.
  const damagedItems = () => {
    const layer = structuredClone(apt32) as Record<string, unknown> & { techniques: Array<Record<string, unknown>> };
    layer.techniques.splice(1, 0, null as never, 'T1059' as never, 7 as never, [] as never);
    layer.techniques[0]!['metadata'] = [null, { name: 'source', value: 'report' }];
    layer.techniques[0]!['links'] = ['https://example.org', { label: 'report', url: 'https://example.org/r' }];
    layer['legendItems'] = [null, { label: 'observed', color: '#ff6666' }];
    return layer;
  };

  it('validate makes each an error navigator-alert; an empty list [] entry stays a warning', async () => {
    const findings = validateLayer(damagedItems(), { file: 'items.json', attackFor: () => undefined });
    const alerts = findings.filter((finding) => finding.code === 'navigator-alert').map((finding) => finding.path);
    expect(alerts).to.have.members(['/techniques/1', '/techniques/2', '/techniques/3', '/techniques/0/metadata/0', '/techniques/0/links/0', '/legendItems/0']);
    expect(findings.find((finding) => finding.path === '/techniques/4')).to.include({ severity: 'warning', code: 'repaired' });
    expect(findings.find((finding) => finding.path === '/legendItems/0')!.message).to.contain(
      `null is not a legend item; left out: Navigator 5.1 fails reading it, as it reads each item as an object (text as JSON), and stops reading the layer in the tab it opens for it in the layer's release, with the alert "ERROR parsing file`,
    );
  });

  it('upgrade writes the layer with the good items, saying each left out', async () => {
    const { dir, file } = writeDamaged(damagedItems());
    const out = join(dir, 'out.json');
    const result = await runCli(['upgrade', file, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    for (const line of ['/techniques/1: null is not a technique entry; removed', '/techniques/0/metadata/0: null is not a metadata item; left out', '/techniques/0/links/0: "https://example.org" is not a link; left out', '/legendItems/0: null is not a legend item; left out']) {
      expect(result.stderr).to.contain(line);
    }
    const written = JSON.parse(readFileSync(out, 'utf8')) as { techniques: Array<{ techniqueID: string; metadata?: unknown[]; links?: unknown[] }>; legendItems: unknown[] };
    expect(written.techniques.length).to.equal(apt32.techniques.length);
    expect(written.legendItems).to.deep.equal([{ label: 'observed', color: '#ff6666' }]);
    expect(written.techniques.some((entry) => JSON.stringify(entry.metadata ?? []).includes('{"name":"source","value":"report"}'))).to.equal(true);
    expect(written.techniques.some((entry) => JSON.stringify(entry.links ?? []).includes('https://example.org/r'))).to.equal(true);
  });
});
