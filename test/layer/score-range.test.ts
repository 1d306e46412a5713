import { expect } from 'chai';
import type { JsonObject } from '../../lib/json-value.js';
import { sumsOffRange, widenForSums } from '../../lib/layer/score-range.js';

describe('widenForSums', () => {
  // The legend of Navigator's group layers (mitre-attack/attack-navigator, layers/data/samples/Wizard_Spider-G0102-Updated.json,
  // test/fixtures/layers/navigator): the gradient's one colour of a score, #66b1ff on 0..1, "used by Wizard Spider",
  // and a colour entries have of their own, #a1d99b. Written here in that shape, with scores whose sum is 2.
  function groupLayer(): JsonObject {
    return {
      techniques: [
        { techniqueID: 'T1003', tactic: 'credential-access', score: 2 },
        { techniqueID: 'T1016', tactic: 'discovery', score: 1 },
        { techniqueID: 'T1018', tactic: 'discovery', score: 1, color: '#a1d99b' },
      ],
      gradient: { colors: ['#ffffff', '#66b1ff'], minValue: 0, maxValue: 1 },
      legendItems: [
        { color: '#66b1ff', label: 'used by Wizard Spider' },
        { color: '#a1d99b', label: 'New Wizard Spider techniques as of Nov 2020 ' },
      ],
    };
  }
  const sum = { where: 'T1003 under credential-access', score: 2, from: [1, 1] };

  // Before, the gradient became 0..2 and the legend still gave #66b1ff, now only 2's colour, to every technique the
  // group uses, which Navigator paints #b2d8ff at 1: the report said nothing of it.
  it('names a legend item of the colour a score had, which the widened gradient paints otherwise, and keeps it as written', () => {
    const layer = groupLayer();
    const widened = widenForSums(layer, [sum]);
    expect(layer['gradient']).to.deep.include({ minValue: 0, maxValue: 2 });
    expect(widened?.change).to.equal('0..1 -> 0..2');
    expect(widened?.was).to.deep.equal(groupLayer()['gradient']);
    expect(widened?.message).to.equal(
      "0..1 -> 0..2: a sum of merged scores (T1003 under credential-access 1 + 1 = 2) off the gradient, widened to hold it, else Navigator would colour it as the gradient's end; " +
        'legend item "used by Wizard Spider" (#66b1ff) is the colour 0..1 gave a score of 1, which 0..2 paints #b2d8ff: ' +
        "kept as written, the layer's author's words; recolour or relabel it",
    );
    expect(layer['legendItems']).to.deep.equal(groupLayer()['legendItems']);
  });

  // Atomic Red Team's layers (redcanaryco/atomic-red-team, atomic_red_team/attack_api.py; test/fixtures/layers/public/
  // art-navigator-layer-iaas-gcp-4.4.json): "10 or more tests" in the gradient's end colour on 0..10.
  it('names an item that labels the old end by its number ("10 or more tests"), and none whose colour no score had', () => {
    const layer: JsonObject = {
      techniques: [
        { techniqueID: 'T1078', score: 10 },
        { techniqueID: 'T1098', score: 12 },
      ],
      gradient: { colors: ['#ffffff', '#ce232e'], minValue: 0, maxValue: 10 },
      legendItems: [
        { label: '10 or more tests', color: '#ce232e' },
        { label: '1 or more tests', color: '#ffffff' },
      ],
    };
    const widened = widenForSums(layer, [{ where: 'T1098', score: 12, from: [7, 5] }]);
    expect(widened?.message).to.match(/; legend item "10 or more tests" \(#ce232e\) is the colour 0\.\.10 gave a score of 10, which 0\.\.12 paints #[0-9a-f]{6}: kept as written/);
    expect(widened?.message).not.to.contain('1 or more tests');
  });

  it('says nothing of a legend where no score changes colour, and changes nothing where no sum is off the gradient', () => {
    const layer = groupLayer();
    (layer['techniques'] as JsonObject[]).splice(1, 1);
    expect(widenForSums(layer, [sum])?.message).not.to.contain('legend');
    const on = groupLayer();
    expect(widenForSums(on, [{ where: 'T1003', score: 1, from: [1, 0] }])).to.equal(undefined);
    expect(on['gradient']).to.deep.equal(groupLayer()['gradient']);
  });
});

describe('sumsOffRange', () => {
  it('widens for a sum off the range whose every added score is on it, not for one that added a score off it', () => {
    expect(sumsOffRange({ minValue: 0, maxValue: 3 }, [
      { where: 'T1003', score: 5, from: [3, 2] },
      { where: 'T1059', score: 7, from: [4, 3] },
    ])).to.deep.equal({ off: [{ where: 'T1003', score: 5, from: [3, 2] }], widened: { minValue: 0, maxValue: 5 } });
  });
});
