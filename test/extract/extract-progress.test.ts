import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { extractReport } from '../../lib/extract/extract-report.js';
import type { ExtractProgress } from '../../lib/extract/extract-progress.js';
import { loadRelease } from '../helpers/attack.js';

// Real report text: the corpus's excerpt of CISA's Akira advisory AA24-109A (its source is in the file), run together
// with The Red Report 2023 (Picus, as republished by CISO2CISO), as a report archive runs reports together.
const excerpt = (name: string): string => (load(readFileSync(new URL(`../corpus/reports/${name}.yaml`, import.meta.url), 'utf8')) as { excerpt: string }).excerpt;
const text = Array.from({ length: 6 }, () => [excerpt('cisa-akira-aa24-109a-markdown-captions'), excerpt('picus-red-report-2023')].join('\n\n')).join('\n\n');

describe('extractReport onProgress', () => {
  for (const [label, context] of [
    ['with ATT&CK data', () => ({ target: loadRelease('18.1') })],
    ['without ATT&CK data', () => undefined],
  ] as const) {
    it(`counts the characters read, always further, up to the whole text (${label})`, () => {
      const calls: ExtractProgress[] = [];
      const report = extractReport(text, context(), { onProgress: (progress) => calls.push(progress) });
      expect(report.references.length).to.be.greaterThan(0);
      expect(calls.length).to.be.within(3, 101);
      expect(calls.every((call) => call.total === text.length)).to.equal(true);
      for (const [i, call] of calls.entries()) if (i) expect(call.done).to.be.greaterThan(calls[i - 1]!.done);
      expect(calls.at(-1)!.done).to.equal(text.length);
      // Counted along the way, not only at the end.
      expect(calls.filter((call) => call.done < text.length / 2).length).to.be.greaterThan(1);
    });
  }

  it('reads the same with or without onProgress', () => {
    const target = loadRelease('18.1');
    expect(JSON.stringify(extractReport(text, { target }, { onProgress: () => undefined }))).to.equal(JSON.stringify(extractReport(text, { target })));
  });

});
