import { expect } from 'chai';
import type { LayerTechnique } from '../../lib/layer/layer-types.js';
import { firstOfMany, fittedEntry, heldByComment } from '../../lib/layer/tooltip-fit.js';
import { TOOLTIP, tooltipHeight } from '../../lib/layer/tooltip-height.js';

const TITLE = 'PowerShell (T1059.001)';
const note = 'The operators ran an encoded PowerShell command that downloaded the next stage from the staging server.';

describe('layer/tooltip-fit', () => {
  describe('firstOfMany', () => {
    it('names every item up to the limit', () => {
      expect(firstOfMany(['a', 'b', 'c'], 3, 1, 'the report')).to.deep.equal(['a', 'b', 'c']);
    });

    it('past it, names the first few and says where the rest are', () => {
      expect(firstOfMany(['a', 'b', 'c', 'd'], 3, 2, 'the report lists every one')).to.deep.equal(['a', 'b', 'and 2 more (the report lists every one)']);
    });
  });

  describe('heldByComment', () => {
    it('leaves out long metadata values the comment holds word for word, and names them in a last item', () => {
      const entry: LayerTechnique = {
        techniqueID: 'T1059.001',
        comment: `[a] ${note} | reported as "PowerShell"`,
        metadata: [{ name: 'status', value: 'current' }, { name: 'analyst comment', value: note }, { divider: true }, { name: 'analyst comment on S0229 Orz', value: note }],
      };
      expect(heldByComment(entry).metadata).to.deep.equal([{ name: 'status', value: 'current' }, { divider: true }, { name: 'in the comment', value: 'analyst comment; analyst comment on S0229 Orz' }]);
    });

    it('keeps the entry itself when the comment holds no long value', () => {
      const entry: LayerTechnique = { techniqueID: 'T1059.001', comment: 'current', metadata: [{ name: 'status', value: 'current' }] };
      expect(heldByComment(entry)).to.equal(entry);
    });
  });

  describe('fittedEntry', () => {
    it('returns the first form that fits, the entry itself when it does', () => {
      const short: LayerTechnique = { techniqueID: 'T1059.001', comment: note };
      expect(fittedEntry(TITLE, [() => short, () => ({ techniqueID: 'T1059.001' })], 'elsewhere')).to.equal(short);
    });

    it('cuts a one-line comment at a word, saying where the rest is', () => {
      const entry: LayerTechnique = { techniqueID: 'T1059.001', comment: Array.from({ length: 40 }, () => note).join(' ') };
      const fitted = fittedEntry(TITLE, [() => entry], 'the campaign file has all of it');
      expect(tooltipHeight(fitted, TITLE)).to.be.at.most(TOOLTIP.page);
      expect(fitted.comment).to.match(/\w… \(cut to fit Navigator's tooltip: the campaign file has all of it\)$/);
    });

    it('counts the metadata items past those that fit in a last item', () => {
      const entry: LayerTechnique = { techniqueID: 'T1059.001', metadata: Array.from({ length: 60 }, (_, i) => ({ name: 'evidence', value: `${i + 1} ${note}` })) };
      const fitted = fittedEntry(TITLE, [() => entry], 'the campaign file has all of it');
      expect(tooltipHeight(fitted, TITLE)).to.be.at.most(TOOLTIP.page);
      const last = fitted.metadata!.at(-1)!;
      const shown = fitted.metadata!.length - 1;
      expect(last).to.deep.equal({ name: 'not shown', value: `${60 - shown} more metadata items (the campaign file has all of it)` });
    });
  });
});
