import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackLibrary, campaignReleases, loadProcedures, locateAttackObject, normalizeCampaign, renderAttackObjectLayer, readCampaign, readThreatInputs, resolveAttackObject, type NormalizedCampaign } from '../../lib/index.js';
import { freshTmpDir, loadRelease, messageOf, runCli, stixDir, testCacheDir } from '../helpers/attack.js';

const library = (): AttackLibrary => new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });

// A campaign of ours: ATT&CK 2 never had a release here (no 2.x file), T1685 is past 18.1's newest technique, and
// T1059.099 is no sub-technique of 18.1.
const OLD = 'name: Old\nattack_version: "2"\ntechniques: [T1685, T1059.099]\n';
const FETCH_2 = "(get one with `fetchRelease({ version: '2.0' })`, or its last 2.x release)";
const FETCH_NEWER = 'if it comes from a newer ATT&CK release, get it with `fetchRelease`';

/** Everything a normalized campaign says: its warnings, and its references' notes, trails and warnings (not its file's path). */
function said(result: NormalizedCampaign): string {
  return [...result.warnings, ...result.references.flatMap((reference) => [reference.note, ...reference.trail, ...reference.warnings])].join('\n');
}

function oldCampaign(): string {
  const file = join(freshTmpDir('normalize-words'), 'old.yaml');
  writeFileSync(file, OLD);
  return file;
}

// A program cannot run `attack-layers data fetch --attack-release 2.0`: campaignReleases' warnings, normalizeCampaign's
// notes and the objects resolveAttackObject finds advise the call that does that work, as the layer, export and
// coverage functions' do (inGivenInputs); the CLI passes its FLAG_WORDS and says what it said.
describe('regressions: normalize and attack-object notes name the library a program calls, the CLI its commands', () => {
  it("campaignReleases and normalizeCampaign: an unavailable attack_version and a newer ID name fetchRelease({ version: '2.0' }) and fetchRelease", async () => {
    const file = oldCampaign();
    const campaign = readCampaign(file);
    const result = normalizeCampaign(campaign, campaignReleases(campaign, library()));
    expect(result.warnings.join('\n')).to.contain(`attack_version 2: no 2.x release is available, so IDs were read in ATT&CK 18.1 only ${FETCH_2}`);
    expect(result.references.map((reference) => reference.note)).to.deep.equal([
      `T1685 is not a technique in enterprise-attack 18.1: its number is past 18.1's newest technique (T1681), as a newer ATT&CK release's IDs are: ` +
        "get that release with `fetchRelease({ version: 'N' })` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) and use it",
      `T1059.099 is not a technique in ATT&CK enterprise-attack 18.1; ${FETCH_NEWER}`,
    ]);
    expect(said(result)).to.not.contain('attack-layers');
    const cli = await runCli(['normalize', file]);
    expect(cli.stdout + cli.stderr).to.contain('(get one with `attack-layers data fetch --attack-release 2.0`, or its last 2.x release)');
    expect(cli.stdout + cli.stderr).to.contain('get it with `attack-layers data fetch`');
  });

  it("readThreatInputs: the threat campaigns' warnings and notes in the caller's words, gap's in the CLI's", async () => {
    const file = oldCampaign();
    const [program] = readThreatInputs([file], library()).campaigns;
    expect(program!.warnings.join('\n')).to.contain(FETCH_2);
    expect(program!.references[0]!.note).to.contain("get that release with `fetchRelease({ version: 'N' })`");
    expect(program!.references[1]!.note).to.contain(FETCH_NEWER);
    expect(said(program!)).to.not.contain('attack-layers');
    const [cli] = readThreatInputs([file], library(), undefined, { givenAs: { command: 'attack-layers', threat: '--threat' } }).campaigns;
    expect(cli!.warnings.join('\n')).to.contain('(get one with `attack-layers data fetch --attack-release 2.0`, or its last 2.x release)');
    expect(cli!.references[0]!.note).to.contain('get that release with `attack-layers data fetch --attack-release N`');
    expect(cli!.references[1]!.note).to.contain('get it with `attack-layers data fetch`');
  });

  it("resolveAttackObject: a deprecated group's namesake and a technique ID name locateAttackObject and AttackIndex.technique", () => {
    const index = loadRelease('18.1');
    // ATT&CK 18.1 deprecated G0014 Night Dragon; C0002 Night Dragon is the campaign.
    expect(resolveAttackObject(index, 'G0014').notes).to.deep.equal([
      "G0014 Night Dragon is deprecated in ATT&CK 18.1; C0002 Night Dragon (campaign) bears its name: `locateAttackObject(…, 'C0002')`",
    ]);
    expect(resolveAttackObject(index, 'G0014', { givenAs: { command: 'attack-layers' } }).notes[0]).to.match(/bears its name: `attack-layers attack-object C0002`$/);
    expect(messageOf(() => resolveAttackObject(index, 'T1059'))).to.contain("T1059 Command and Scripting Interpreter (`AttackIndex.technique('T1059')` shows it)");
  });

  it("locateAttackObject: enterprise's deprecated S0609 TRITON names ICS's S1009 with domain: 'ics-attack'; attack-object with --domain ics", async () => {
    expect(locateAttackObject(library(), 'S0609').notes).to.include(
      "S0609 TRITON: S1009 Triton (software) of ics-attack bears its name: `locateAttackObject(…, 'S1009', { domain: 'ics-attack' })`",
    );
    const cli = await runCli(['attack-object', 'S0609', '--out', freshTmpDir('normalize-words-triton')]);
    expect(cli.stderr).to.contain('S0609 TRITON: S1009 Triton (software) of ics-attack bears its name: `attack-layers attack-object S1009 --domain ics`');
  });

  it("renderAttackObjectLayer: APT29's campaigns left out are noted as campaigns: true; the layer's description keeps --campaigns", () => {
    const index = loadRelease('18.1');
    // ATT&CK 18.1 attributes C0023 and C0024 to G0016 APT29, with techniques the group's own relationships do not name.
    const { layer, notes } = renderAttackObjectLayer(resolveAttackObject(index, 'G0016').object, index, loadProcedures(index, { cacheDir: testCacheDir() }));
    expect(notes).to.have.length(1);
    expect(notes[0]).to.match(/ are not in this layer; campaigns: true adds them, as mitreattack-python's get_techniques_used_by_group counts them$/);
    // Read in Navigator by analysts, whoever rendered it: the command they run.
    expect(layer.description).to.contain('are not in this layer; --campaigns adds them,').and.not.contain('campaigns: true');
  });
});
