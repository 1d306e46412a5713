import { expect } from 'chai';
import { canonicalColor, channels, HEX_COLOR } from '../../lib/layer/hex-color.js';
import { paintedColour } from '../../lib/layer/score.js';
import { repairColor } from '../../lib/layer/repair-layer.js';
import { schemaIssues } from '../../lib/schemas.js';

const layerWithColour = (color: string): unknown => ({
  name: 'colours',
  domain: 'enterprise-attack',
  versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
  techniques: [{ techniqueID: 'T1059', color }],
  legendItems: [{ label: 'a', color }],
  gradient: { colors: [color, '#ffffff'], minValue: 0, maxValue: 100 },
  tacticRowBackground: color,
});

describe('hex-color', () => {
  // The one reading of a colour: what the layer schema validates, repair keeps, and export and scores read.
  const colours: [string, boolean][] = [
    ['#f00', true],
    ['#f00a', true],
    ['#F00A', true],
    ['#ff0000', true],
    ['#ff0000aa', true],
    ['#ff00', true],
    ['#f0', false],
    ['#ff000', false],
    ['#ff0000a', false],
    ['#ff0000aaa', false],
    ['#ggg', false],
    ['f00', false],
  ];
  for (const [color, hex] of colours) {
    it(`${color}: ${hex ? 'a colour' : 'no colour'} to the layer schema and to HEX_COLOR alike`, () => {
      expect(HEX_COLOR.test(color)).to.equal(hex);
      expect(schemaIssues('layer-4.5', layerWithColour(color)).length === 0).to.equal(hex);
    });
  }

  const read: [string, [number, number, number]][] = [
    ['#f00', [255, 0, 0]],
    ['#f00a', [255, 0, 0]],
    ['#1234', [17, 34, 51]],
    ['#ce232e', [206, 35, 46]],
    ['#CE232E80', [206, 35, 46]],
  ];
  for (const [color, rgb] of read) {
    it(`channels reads ${color} as ${rgb.join(', ')}, its alpha aside (as tinycolor2's mostReadable reads it)`, () => {
      expect(channels(color)).to.deep.equal(rgb);
    });
  }

  it('repair keeps every colour the schema takes as it is (#f00a)', () => {
    for (const [color, hex] of colours) if (hex) expect(repairColor(color)).to.equal(color);
  });

  it('paints an opaque four-digit colour as its six digits (#F00F is #ff0000), a translucent one with its alpha', () => {
    expect([paintedColour('#F00F'), paintedColour('#f00a'), paintedColour('#ce232eFF')]).to.deep.equal(['#ff0000', '#ff0000aa', '#ce232e']);
  });

  // Every spelling of one value is one colour, as tinycolor2 reads it for Navigator 5.1; a translucent alpha stays apart.
  const canonical: [string, string][] = [
    ['#f00', '#ff0000'],
    ['#F00', '#ff0000'],
    ['#FF0000', '#ff0000'],
    ['#f00f', '#ff0000'],
    ['#ff0000FF', '#ff0000'],
    ['#f008', '#ff000088'],
    ['#FF000088', '#ff000088'],
  ];
  for (const [color, one] of canonical) {
    it(`canonicalColor writes ${color} as ${one}, and paintedColour compares it so`, () => {
      expect(canonicalColor(color)).to.equal(one);
      expect(paintedColour(` ${color} `)).to.equal(one);
    });
  }
});
