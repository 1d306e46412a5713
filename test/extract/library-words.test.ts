import { expect } from 'chai';
import { inferredDomainText } from '../../lib/extract/report-domain.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { FLAG_WORDS } from '../../lib/cli/context.js';
import { loadRelease } from '../helpers/attack.js';

// extract's notes advise what to run next. A program calling the library passes options and calls functions, so it
// reads those (`suggestTechniques`, `domain: 'enterprise-attack'`); the CLI, which passes its flag words (FLAG_WORDS),
// reads its commands and flags, as before (test/cli/extract.test.ts holds the CLI's text).
describe('extract notes in the caller\'s words', () => {
  const target = loadRelease('18.1');
  // A technique named without an ID on its line (our rows, a two-column table as pdftotext -layout sets it).
  const named = 'Initial Access    Spearphishing\n                  Attachment\nExecution         PowerShell\n';
  const scraped = 'This MITRE ATT&CK mapped advisory: the actors gained initial access [\n] and then ran commands [\n] on hosts.\n';

  it('names suggestTechniques and renderCampaignSkeleton for a program, suggest and extract --suggest for the CLI', () => {
    const [library] = extractReport(named, { target }).notes;
    expect(library).to.match(/which extractReport reads only in .*: `suggestTechniques` ranks them, and `renderCampaignSkeleton` writes its suggestions \(its `suggestions` option\) to the skeleton as comments$/);
    expect(library).to.not.include('--suggest');
    const [cli] = extractReport(named, { target }, { givenAs: FLAG_WORDS }).notes;
    expect(cli).to.match(/which extract reads only in .*: `attack-layers suggest` ranks them, `extract --suggest` adds them to the skeleton as comments$/);
  });

  it('names suggestTechniques where a scraper emptied the brackets of linked IDs, extract --suggest for the CLI', () => {
    expect(extractReport(scraped, { target }).notes[0]).to.match(/or `suggestTechniques` to rank techniques for the words\)$/);
    expect(extractReport(scraped, { target }, { givenAs: FLAG_WORDS }).notes[0]).to.match(/or `extract --suggest` to rank techniques for the words\)$/);
  });

  it('names the domain option a program passes, the --domain flag for the CLI', () => {
    const inferred = { domain: 'ics-attack' as const, ids: ['T0859', 'T0889'] };
    expect(inferredDomainText(inferred, target)).to.match(/; give domain: 'enterprise-attack' to read it as enterprise-attack$/);
    expect(inferredDomainText(inferred, target, 'its', FLAG_WORDS)).to.match(/; give --domain enterprise to read it as enterprise-attack$/);
  });
});
