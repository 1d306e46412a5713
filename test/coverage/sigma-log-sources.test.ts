/**
 * lib/coverage/sigma-log-sources.ts: Sigma logsource -> the ATT&CK log sources that feed it, checked against the
 * names ATT&CK 18.1's analytics really use (../shared/attack-stix through ATTACK_STIX_DIR).
 */
import { expect } from 'chai';
import { DetectionModel, loadDetection, SIGMA_LOG_SOURCES, sigmaLogSources, type SigmaLogsource } from '../../lib/index.js';
import { loadRelease, testCacheDir } from '../helpers/attack.js';

describe('sigmaLogSources', () => {
  it('names only log sources some analytic of ATT&CK 18.1 reads, so a log sources file in ATT&CK names can match them', () => {
    const index = loadRelease('18.1');
    const model = new DetectionModel(loadDetection(index, { cacheDir: testCacheDir() }), index);
    const known = new Set(model.logSources().map((use) => use.name));
    const unknown = Object.entries(SIGMA_LOG_SOURCES).flatMap(([key, refs]) => refs.filter((ref) => !known.has(ref.name)).map((ref) => `${key}: ${ref.name}`));
    expect(unknown).to.deep.equal([]);
  });

  const cases: [SigmaLogsource, string[] | undefined][] = [
    // Sigma's taxonomy: process_creation is Sysmon 1 or Security 4688 on Windows.
    [{ product: 'windows', category: 'process_creation' }, ['WinEventLog:Sysmon (EventCode=1)', 'WinEventLog:Security (EventCode=4688)']],
    [{ product: 'Windows', category: 'image_load' }, ['WinEventLog:Sysmon (EventCode=7)']],
    // A service is one event channel, before the category.
    [{ product: 'windows', service: 'security' }, ['WinEventLog:Security']],
    [{ product: 'azure', service: 'signinlogs' }, ['azure:signinlogs']],
    // No product: the category alone.
    [{ category: 'proxy' }, ['NSM:Flow', 'Network Traffic']],
    // The product alone when neither its service nor its category is in the table.
    [{ product: 'okta', service: 'okta' }, ['saas:okta', 'Okta:SystemLog']],
    // Said, not guessed: AppLocker, ETW file access, a product of no ATT&CK log.
    [{ product: 'windows', service: 'applocker' }, undefined],
    [{ product: 'windows', category: 'file_access' }, undefined],
    [{ product: 'fortigate', service: 'sslvpnd' }, undefined],
  ];
  for (const [logsource, expected] of cases) {
    it(`maps ${JSON.stringify(logsource)} to ${expected ? expected.join(' or ') : 'nothing'}`, () => {
      expect(sigmaLogSources(logsource)?.map((ref) => `${ref.name}${ref.channel ? ` (${ref.channel})` : ''}`)).to.deep.equal(expected);
    });
  }
});
