/**
 * A Splunk search kept as Markdown (a ```spl block under a title and its techniques, as hunting repositories keep them)
 * counted on every platform, whatever data it searched, where a Splunk detection's search fires on the platforms of the
 * data it names (cloud-rule-platforms.test.ts): for a Windows threat, a search of Linux's auth log for failed SSH
 * logons covered T1110 Brute Force, and one of Okta's index covered T1078 Valid Accounts, 0 gaps. Each now fires on
 * the platforms of the source types, macros or indexes its search names (source-platforms.ts, splunkSearchPlatforms,
 * one mechanism with the .yml detections and savedsearches.conf): both are gaps for the Windows threat, listed for
 * their own platforms, and still cover a Linux and identity threat. The files are our own, in the shape of the Markdown
 * SPL hunts source-platforms.test.ts cites (`index=* source="/var/log/auth.log" ("Failed password" OR …)`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { resolveCoverage, reviewGaps, threatFromLayer, type GapReview } from '../../lib/coverage/gap-review.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { freshTmpDir, stixDir, testCacheDir } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('regression: a Splunk search kept as Markdown fires on the platforms of the data it names', () => {
  let index: AttackIndex;
  let folder: string;

  const review = (platforms: string[]): GapReview => {
    const input = parseCoverageLayers(JSON.stringify(threatLayerOn(platforms, ['T1078', 'T1110'])), 'threat.json', { role: 'threat' })[0]!;
    return reviewGaps([threatFromLayer(input, index).source], resolveCoverage([readRuleFolder(folder)], index), index, { minCoverage: 0.5 });
  };

  before(() => {
    index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
    folder = freshTmpDir('spl-markdown-platforms');
    writeFileSync(join(folder, 'ssh-failures.md'), lines('# Failed SSH logons from one source', '', '**MITRE ATT&CK:** T1110', '', '```spl', 'index=* source="/var/log/auth.log" ("Failed password" OR "Invalid user")', '| stats count by src', '| where count > 10', '```'));
    writeFileSync(join(folder, 'okta-failures.md'), lines('# Okta sign-in failures', '', '**MITRE ATT&CK:** T1078', '', '```spl', 'index=okta eventType=user.session.start outcome.result=FAILURE', '| stats count by src_ip', '```'));
  });

  it('a Windows threat: both searches are listed for their own platforms, and T1078 and T1110 are gaps', () => {
    const rows = review(['Windows']).rows;
    expect(rows.map((row) => [row.id, row.coverage, row.rules.map((rule) => rule.name), row.otherPlatformRules.map((rule) => [rule.name, rule.platforms])])).to.deep.equal([
      ['T1078', 0, [], [['Okta sign-in failures', ['Identity Provider']]]],
      ['T1110', 0, [], [['Failed SSH logons from one source', ['Linux']]]],
    ]);
  });

  it('a threat of Linux and Identity Provider: each search covers its technique there', () => {
    const rows = review(['Linux', 'Identity Provider']).rows;
    expect(rows.map((row) => [row.id, row.coverage, row.platformsCovered])).to.deep.equal([
      ['T1078', 1, ['Identity Provider']],
      ['T1110', 1, ['Linux']],
    ]);
  });
});
