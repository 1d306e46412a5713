/**
 * A layer's notes on how its scores read count its entries of the review's domain alone: an entry of another domain
 * is listed as not resolved, and said apart (read-coverage-layer.ts recountedLayerNotes; gap-review.ts notesInDomain).
 * Layer: test/fixtures/layers/public/dettect-group-mobile-2.1.json, our own scores in the layout of DeTT&CT's Rapid7 Q1
 * 2019 mobile layer (rabobank-cdc/DeTTECT threat-actor-data/ATT&CK-Navigator-layers/20190528-Rapid7/, whose note
 * counted Enterprise T1018 among its scored entries); its README names the source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseCoverageLayers, recountedLayerNotes } from '../../lib/coverage/read-coverage-layer.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const layer = 'test/fixtures/layers/public/dettect-group-mobile-2.1.json';
const threat = 'test/fixtures/gap/mobile-threat-2.1.json';

describe('recountedLayerNotes: a layer\'s reading notes over its entries of the review\'s domain', () => {
  const [input] = parseCoverageLayers(readFileSync(layer, 'utf8'), 'mobile.json');

  it('counts every entry as read, before the domain is known', () => {
    expect(input!.notes?.[0]).to.contain('2 of its 4 scored entries count under 50% coverage though they score 1 or more (T1018 3: 25%, T1407 5: 41.7%)');
  });

  it('leaves out an entry of another domain, saying whose it is', () => {
    const notes = recountedLayerNotes(input!, new Map([['T1018', 'enterprise-attack']]), 'mobile-attack');
    expect(notes?.[0]).to.contain('1 of its 3 scored entries counts under 50% coverage though it scores 1 or more (T1407 5: 41.7%)');
    expect(notes?.[0]).to.match(/; not counted among its entries: T1018, a technique of enterprise-attack, not of mobile-attack \(listed as not resolved\)$/);
  });

  it('leaves the notes as read when the layer holds no such ID', () => {
    expect(recountedLayerNotes(input!, new Map([['T1059', 'enterprise-attack']]), 'mobile-attack')).to.equal(undefined);
  });
});

describe('attack-layers gap: a mobile coverage layer holding an Enterprise ID', () => {
  it('counts T1018 in no note, and says it is of enterprise-attack', async () => {
    const out = freshTmpDir('gap-other-domain-notes');
    const run = await runCli(['gap', '--threat', threat, '--coverage', layer, '--out', join(out, 'review')]);
    expect(run.code, run.stderr).to.equal(0);
    const note = run.stderr.split('\n').find((line) => line.includes('its scores look like counts'));
    expect(note).to.contain('1 of its 3 scored entries counts under 50% coverage though it scores 1 or more (T1407 5: 41.7%)');
    expect(note).to.contain('not counted among its entries: T1018, a technique of enterprise-attack, not of mobile-attack');
    expect(readFileSync(join(out, 'review', 'gap-report.md'), 'utf8')).to.contain('not counted among its entries: T1018, a technique of enterprise-attack');
  });
});

describe('attack-layers gap: a mobile threat layer holding an Enterprise ID', () => {
  it('weighs its scores over its mobile entries alone', async () => {
    // Our own layer: scores on 1..12, Enterprise T1018 and mobile T1407 at its minimum, as DeTT&CT's Rapid7 layer holds T1018.
    const out = freshTmpDir('gap-other-domain-threat');
    const techniques = [['T1018', 1], ['T1407', 1], ['T1426', 12], ['T1430', 6]].map(([techniqueID, score]) => ({ techniqueID, score }));
    writeFileSync(join(out, 'mobile.json'), JSON.stringify({ name: 'm', domain: 'mobile-attack', versions: { layer: '4.5' }, gradient: { colors: ['#ffffff', '#ff0000'], minValue: 1, maxValue: 12 }, techniques }));
    writeFileSync(join(out, 'none.yml'), 'detections: []\n');
    const run = await runCli(['gap', '--threat', join(out, 'mobile.json'), '--coverage', join(out, 'none.yml'), '--out', join(out, 'review')]);
    expect(run.code, run.stderr).to.equal(0);
    const note = run.stderr.split('\n').find((line) => line.startsWith('threat layer'));
    // Before: "2 of its 4 scored entries weigh 0, as techniques not used", T1018 among them.
    expect(note).to.contain('1 of its 3 scored entries weighs 0 though it scores 1 (T1407)');
    expect(note).to.contain('not counted among its entries: T1018, a technique of enterprise-attack, not of mobile-attack');
  });
});
