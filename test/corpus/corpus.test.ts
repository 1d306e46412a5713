import { expect } from 'chai';
import { formatCorpusScore, readCorpus, scoreCorpus, type CorpusScore } from './corpus.js';
import { loadRelease } from '../helpers/attack.js';

describe('the references corpus (real published reports, test/corpus/reports)', function () {
  this.timeout(120_000);
  let score: CorpusScore;
  before(() => {
    score = scoreCorpus(readCorpus(), { target: loadRelease('18.1'), history: () => [loadRelease('6.3'), loadRelease('8.2'), loadRelease('12.1')] }, (domain) => ({ target: loadRelease('18.1', domain) }));
  });

  it('holds at least 20 reports, each with its source and references', () => {
    const reports = readCorpus();
    expect(reports.length).to.be.at.least(20);
    for (const report of reports) {
      expect(report.source, report.file).to.match(/^https:\/\//);
      expect(report.references.length, report.file).to.be.at.least(1);
      // Every reference is transcribed as the excerpt writes it.
      for (const reference of report.references) expect(report.excerpt, report.file).to.include(reference.written);
    }
  });

  it('resolves at least 99 % of the references right, and none silently wrong', () => {
    const summary = formatCorpusScore(score);
    expect(score.silentWrong, summary).to.equal(0);
    expect(score.right / score.references, summary).to.be.at.least(0.99);
  });

  it('extract finds at least 98 % of the IDs the reports cite', () => {
    expect(score.found / score.cited, formatCorpusScore(score)).to.be.at.least(0.98);
  });
});
