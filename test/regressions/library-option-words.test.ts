import { expect } from 'chai';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AttackLibrary,
  campaignReleases,
  combineLayers,
  comparisonTargets,
  domainReleases,
  extractReport,
  fetchRelease,
  layerComparisonTargets,
  locateAttackObject,
  normalizeCampaign,
  parseExportInput,
  parseLayerSources,
  readAtomicTests,
  readCampaign,
  readCoverageInputs,
  readRuleFolder,
  readThreatInputs,
  renderLayerFiles,
  reportActor,
  resolveAttackObject,
  resolveCoverage,
  reviewGaps,
  sourcesDomain,
  threatFromLayer,
  upgradeReleases,
  upgradeSources,
  type NavigatorLayer,
} from '../../lib/index.js';
import { freshTmpDir, loadRelease, messageOf, runCli, stixDir, testCacheDir } from '../helpers/attack.js';

const library = (): AttackLibrary => new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });
const g = 'test/fixtures/gap';
const MOBILE = `${g}/mobile-threat-2.1.json`;
const MULTI = 'test/fixtures/layers/navigator/spec-4.5-multi-example.json';
const WIZARD = 'test/fixtures/layers/navigator/Wizard_Spider-G0102-Updated.json';
const SPEC = 'test/fixtures/layers/navigator/spec-4.5-example.json';
const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';

// A program passed an option, not a flag: `parseExportInput(text, file, { layer: 3 })` said `--layer 3: ...; leave
// --layer out`. Each message names the option as the caller gave it: the library's option by default, the CLI's flag
// (its FLAG_WORDS) from the CLI, whose messages are as they were.
describe('regressions: library errors name the option a program passed, the CLI its flag', () => {
  it('fetchRelease: a version that is no release number (version: \'abc\'; --attack-release abc)', async () => {
    const cacheDir = freshTmpDir('option-words-fetch');
    let message = '';
    await fetchRelease({ cacheDir, version: 'abc' }).catch((error: Error) => (message = error.message));
    expect(message).to.equal("version: 'abc': not a release number such as 18.1");
    const result = await runCli(['data', 'fetch', '--attack-release', 'abc']);
    expect([result.code, result.stderr]).to.deep.equal([2, 'attack-layers data: --attack-release abc: not a release number such as 18.1\nRun `attack-layers data --help` for usage.\n']);
  });

  it('parseExportInput: a file of several layers (layer: 1 to 2; --layer 1 to 2) and a layer out of range', async () => {
    const text = readFileSync(MULTI, 'utf8');
    expect(messageOf(() => parseExportInput(text, MULTI))).to.match(/ holds 2 layers; export draws one at a time: pass layer: 1 to 2: 1 "example layer"/);
    expect(messageOf(() => parseExportInput(text, MULTI, { layer: 3 }))).to.match(/^layer: 3: .* holds 2 layers; give 1 to 2: /);
    const single = readFileSync(SPEC, 'utf8');
    expect(messageOf(() => parseExportInput(single, SPEC, { layer: 3 }))).to.equal(`layer: 3: ${SPEC} holds 1 layer; leave layer out (or give layer: 1)`);
    const cli = await runCli(['export', SPEC, '--format', 'csv', '--layer', '3']);
    expect([cli.code, cli.stderr]).to.deep.equal([2, `attack-layers export: --layer 3: ${SPEC} holds 1 layer; leave --layer out (or give --layer 1)\nRun \`attack-layers export --help\` for usage.\n`]);
    expect((await runCli(['export', MULTI, '--format', 'csv'])).stderr).to.contain('export draws one at a time: pass --layer 1 to 2: ');
  });

  it('readAtomicTests: a path that names nothing is named alone; the CLI says --tests before it', async () => {
    const missing = join(freshTmpDir('option-words-tests'), 'atomics');
    const tests = 'give an atomics folder, atomics/Indexes/index.yaml, Indexes-CSV/index.csv or an atomics/Txxxx/Txxxx.yaml file of Atomic Red Team';
    expect(messageOf(() => readAtomicTests(missing))).to.equal(`${missing}: no such file or folder; ${tests}`);
    const cli = await runCli(['gap', '--threat', APT32, '--coverage', `${g}/detections.csv`, '--tests', missing, '--out', join(missing, '..', 'out')]);
    expect([cli.code, cli.stderr]).to.deep.equal([2, `attack-layers gap: --tests ${missing}: no such file or folder; ${tests}\n`]);
  });

  it("renderLayerFiles: an aggregate named like a campaign (aggregate: 'APT32-COVID19-Wuhan'; --aggregate \"APT32-COVID19-Wuhan\")", async () => {
    const campaign = readCampaign(APT32);
    const releases = campaignReleases(campaign, library());
    const items = [{ result: normalizeCampaign(campaign, releases), index: releases.target }];
    expect(messageOf(() => renderLayerFiles(items, { model: 'frequency', aggregate: 'APT32-COVID19-Wuhan' }))).to.equal(
      "aggregate: 'APT32-COVID19-Wuhan' would be written to apt32-covid19-wuhan.layer.json, the layer of campaign \"apt32-covid19-wuhan\"; choose another name",
    );
    const cli = await runCli(['render', APT32, '--aggregate', 'APT32-COVID19-Wuhan', '--out', freshTmpDir('option-words-render')]);
    expect(cli.code).to.equal(2);
    expect(cli.stderr).to.contain('--aggregate "APT32-COVID19-Wuhan" would be written to apt32-covid19-wuhan.layer.json');
  });

  it("upgradeReleases: a layer of ATT&CK 19 where 18.1 is the newest (to: '18.1'; --to 18.1)", async () => {
    const v19 = 'test/fixtures/layers/attack-19.json';
    const message = messageOf(() => upgradeReleases(JSON.parse(readFileSync(v19, 'utf8')), library(), { file: v19 }));
    expect(message).to.match(/is a downgrade that moves or removes entries; .*, or pass to: '18\.1' to downgrade on purpose$/);
    expect(message).to.not.contain('--to');
    expect((await runCli(['upgrade', v19])).stderr).to.contain('or pass --to 18.1 to downgrade on purpose');
  });

  it("resolveAttackObject and locateAttackObject: Carbanak names a group and a software (kind; --type), C0001 is not in 10.1 (release; --attack-release)", async () => {
    expect(messageOf(() => resolveAttackObject(loadRelease('18.1'), 'Carbanak'))).to.match(/; write the ATT&CK ID or pass kind: 'group', 'software' or 'campaign'$/);
    expect((await runCli(['attack-object', 'Carbanak'])).stderr).to.match(/; write the ATT&CK ID or pass --type group\|software\|campaign\n$/);
    expect(messageOf(() => locateAttackObject(library(), 'C0001', { release: '10.1' }))).to.match(/ in enterprise-attack 18\.1 \(leave out release: '10\.1' to use that release\)$/);
    expect((await runCli(['attack-object', 'C0001', '--attack-release', '10.1'])).stderr).to.match(/ \(leave out --attack-release 10\.1 to use that release\)\n$/);
  });

  it('comparisonTargets: a campaign with nothing to compare with (given; --with)', async () => {
    const file = join(freshTmpDir('option-words-compare'), 'bare.yaml');
    writeFileSync(file, 'name: Bare\ntechniques: [T1566.001]\n');
    const campaign = readCampaign(file);
    const releases = campaignReleases(campaign, library());
    expect(messageOf(() => comparisonTargets(normalizeCampaign(campaign, releases), releases.target))).to.equal(
      `${file}: nothing to compare campaign bare with: pass given: the ATT&CK groups, campaigns or software to compare with (ID or name), or give the campaign file a compare_with list or an actor`,
    );
    expect((await runCli(['compare', file])).stderr).to.contain('nothing to compare campaign bare with: pass --with <group|campaign|software>, or give');
  });

  it('comparisonTargets and layerComparisonTargets: Carbanak names a group and a software; compare takes no kind, so the ID (given: [\'G0008\']; --with G0008)', async () => {
    const campaign = readCampaign(APT32);
    const releases = campaignReleases(campaign, library());
    const result = normalizeCampaign(campaign, releases);
    const ids = "G0008 Carbanak (group), S0030 Carbanak (software); write the ATT&CK ID: given: ['G0008'] or given: ['S0030']";
    expect(messageOf(() => comparisonTargets(result, releases.target, ['Carbanak']))).to.equal(`"Carbanak" names 2 objects in ATT&CK enterprise-attack 18.1: ${ids}`);
    const layer = JSON.parse(readFileSync(SPEC, 'utf8')) as NavigatorLayer;
    expect(messageOf(() => layerComparisonTargets(layer, SPEC, releases.target, ['Carbanak']))).to.match(/; write the ATT&CK ID: given: \['G0008'\] or given: \['S0030'\]$/);
    // compare has no --type (attack-object has): the CLI said `or pass --type group|software|campaign`, a flag it refuses.
    const cli = await runCli(['compare', APT32, '--with', 'Carbanak']);
    expect([cli.code, cli.stderr.split('\n').at(-2)]).to.deep.equal([
      1,
      'attack-layers compare: "Carbanak" names 2 objects in ATT&CK enterprise-attack 18.1: G0008 Carbanak (group), S0030 Carbanak (software); write the ATT&CK ID: --with G0008 or --with S0030',
    ]);
    // What it advises runs: --with G0008 compares with the group.
    const advised = await runCli(['compare', APT32, '--with', 'G0008', '--json']);
    expect([advised.code, (JSON.parse(advised.stdout) as { comparisons: { object: { id: string } }[] }).comparisons.map((c) => c.object.id)]).to.deep.equal([0, ['G0008']]);
    // A campaign file's compare_with takes no kind either: the ID, written there.
    const file = join(freshTmpDir('option-words-compare-with'), 'carbanak.yaml');
    writeFileSync(file, 'name: Carbanak run\ntechniques: [T1566.001]\ncompare_with: [Carbanak]\n');
    expect((await runCli(['compare', file])).stderr).to.contain(`${file}: line 3, compare_with: "Carbanak" names 2 objects in ATT&CK enterprise-attack 18.1: G0008 Carbanak (group), S0030 Carbanak (software); write the ATT&CK ID in compare_with: G0008 or S0030\n`);
  });

  it("sourcesDomain and combineLayers: a layer of another domain (domain: 'mobile-attack'; --domain), scores on different ranges (normalize: false; --no-normalize)", async () => {
    const sources = parseLayerSources(readFileSync(SPEC, 'utf8'), SPEC);
    expect(messageOf(() => sourcesDomain(sources, 'mobile-attack'))).to.equal(
      `domain: 'mobile-attack' disagrees with the domain the layer states: enterprise-attack (${SPEC}); leave domain out to read a layer in its own domain, or give a layer of mobile-attack`,
    );
    expect((await runCli(['combine', SPEC, WIZARD, '--op', 'union', '--domain', 'mobile'])).stderr).to.contain('--domain mobile-attack disagrees with the domain the layer states: enterprise-attack');
    const both = [...sources, ...parseLayerSources(readFileSync(WIZARD, 'utf8'), WIZARD)];
    const index = loadRelease('18.1');
    const { inputs } = upgradeSources(sourcesDomain(both).sources, index);
    const said = combineLayers(inputs, { op: 'union', index }).warnings.join('\n');
    expect(said).to.contain('so that they mean the same and the combined gradient shows every layer; pass normalize: false to keep the raw scores');
    expect(combineLayers(inputs, { op: 'union', index, normalize: false }).warnings.join('\n')).to.contain(': leave out normalize: false to rescale each');
    const cli = await runCli(['combine', WIZARD, SPEC, '--op', 'union', '--no-normalize', '--out', join(freshTmpDir('option-words-combine'), 'union.json')]);
    expect(cli.stderr).to.contain(': leave out --no-normalize to rescale each');
  });

  it("readThreatInputs and readCoverageInputs: a threat layer of mitre-mobile reviewed as enterprise (domain: 'enterprise-attack'; --domain)", async () => {
    const message = messageOf(() => readThreatInputs([MOBILE], library(), undefined, { domain: 'enterprise-attack' }));
    expect(message).to.equal(
      `domain: 'enterprise-attack' disagrees with the domain the threat input states: mobile-attack (${MOBILE}); leave domain out to review in the inputs' domain, or give inputs of enterprise-attack`,
    );
    const dir = freshTmpDir('option-words-gap');
    const cli = await runCli(['gap', '--threat', MOBILE, '--coverage', `${g}/detections.csv`, '--domain', 'enterprise', '--out', dir]);
    expect(cli.code).to.equal(2);
    expect(cli.stderr).to.contain(`--domain enterprise-attack disagrees with the domain the threat input states: mobile-attack (${MOBILE}); leave --domain out to review`);
    // A coverage layer of mobile in a review whose domain nothing states: the default, enterprise.
    const threat = readThreatInputs([APT32], library());
    const coverage = messageOf(() => readCoverageInputs([MOBILE], { domain: { ...threat.domain, basis: 'default', sources: [] } }));
    expect(coverage).to.contain("(no threat input states a domain, and domain was not given); pass domain: 'mobile-attack' if the threat is mobile-attack");
  });

  it('readCoverageInputs: a coverage layer of counts advises the scale as a program passes it (scale: [0, 1]; --scale 0,1)', async () => {
    const counts = join(freshTmpDir('option-words-scale'), 'counts.json');
    const layer = JSON.parse(readFileSync(SPEC, 'utf8')) as { gradient?: unknown; techniques: { score?: number }[]; description?: string };
    // Rules counted per technique, on Navigator's default 0..100: 1 or 2 rules read as 1% or 2% coverage.
    writeFileSync(counts, JSON.stringify({ ...layer, description: 'number of rules per technique', gradient: undefined, techniques: layer.techniques.map((entry, i) => ({ ...entry, score: (i % 2) + 1 })) }));
    const notes = readCoverageInputs([counts]).flatMap((input) => input.notes ?? []).join('\n');
    expect(notes).to.contain('review with scale: [0, 1] (1 and above count as 100%), or scale: [0, N] with N the count of full coverage');
    const dir = freshTmpDir('option-words-scale-cli');
    const cli = await runCli(['gap', '--threat', APT32, '--coverage', counts, '--out', dir]);
    expect(cli.stderr + readFileSync(join(dir, 'gap-report.md'), 'utf8')).to.contain('review with --scale 0,1 (1 and above count as 100%), or --scale 0,N with N the count of full coverage');
  });

  // Real SigmaHQ rules (../shared/sigma, SigmaHQ/sigma, Detection Rule License 1.1), copied at run time as
  // newer-attack-tags.test.ts does: proc_creation_lnx_systemctl_mask_power_settings.yml tags attack.t1653 (Power
  // Settings, ATT&CK 13). A program reviews in the release of the AttackIndex it passes as target, not by a flag.
  it("resolveCoverage and reviewGaps: a newer release to review in is the AttackIndex to pass (loadAttack({ release: '18.1' }); --attack-release 18.1)", async function () {
    const sigma = join(stixDir(), '../sigma/rules/linux/process_creation/proc_creation_lnx_systemctl_mask_power_settings.yml');
    if (!existsSync(sigma)) this.skip();
    const rules = freshTmpDir('option-words-release');
    copyFileSync(sigma, join(rules, 'power.yml'));
    const attack = library();
    const target = attack.release('enterprise-attack', '12.1');
    const { history, otherDomains, otherReleases } = domainReleases(attack, 'enterprise-attack', '12.1');
    const coverage = resolveCoverage(readCoverageInputs([rules]), target, { history, otherDomains, otherReleases });
    const advice = "review with an AttackIndex of release 18.1 as target: `loadAttack({ release: '18.1' })` to count it";
    expect(coverage.unresolved.find((ref) => ref.raw === 'attack.t1653')?.note).to.equal(
      `T1653 is not a technique in enterprise-attack 12.1; it is T1653 Power Settings in enterprise-attack 18.1, a newer release at hand: ${advice}`,
    );
    expect(coverage.notes.join('\n')).to.contain(`T1653 Power Settings is in enterprise-attack 18.1, a newer release at hand: ${advice}`);
    // A threat layer written for ATT&CK 19: the review's notes say which release to pass, as a program passes it.
    const v19 = 'test/fixtures/layers/attack-19.json';
    const threat = readThreatInputs([v19], attack);
    const latest = attack.release('enterprise-attack');
    const sources = threat.layers.map((input) => threatFromLayer(input, latest).source);
    const review = reviewGaps(sources, resolveCoverage(readCoverageInputs([`${g}/detections.csv`]), latest), latest, { minCoverage: 0.5 });
    expect(review.notes.join('\n')).to.contain("and review with an AttackIndex of release 19 as target: `loadAttack({ release: '19' })`");
    // The CLI says its flag, as it did.
    const dir = freshTmpDir('option-words-release-cli');
    const cli = await runCli(['gap', '--attack-release', '12.1', '--threat', APT32, '--coverage', rules, '--out', join(dir, 'a'), '--report', 'json']);
    const report = JSON.parse(readFileSync(join(dir, 'a', 'gap-report.json'), 'utf8')) as { unresolved: { raw: string; note: string }[] };
    expect([cli.code, report.unresolved.find((ref) => ref.raw === 'attack.t1653')?.note]).to.deep.equal([
      0,
      'T1653 is not a technique in enterprise-attack 12.1; it is T1653 Power Settings in enterprise-attack 18.1, a newer release at hand: review with --attack-release 18.1 to count it',
    ]);
    const layerCli = await runCli(['gap', '--threat', v19, '--coverage', `${g}/detections.csv`, '--out', join(dir, 'b')]);
    expect(layerCli.stderr).to.contain('get 19 with `attack-layers data fetch --attack-release 19` and review with --attack-release 19');
  });

  // A program passes coverage paths to readCoverageInputs, not to --coverage. Atomic Red Team's own layer of its GCP
  // tests (redcanaryco/atomic-red-team, atomics/Indexes/Attack-Navigator-Layers; test/fixtures/layers/public/README.md).
  it('readCoverageInputs: what it takes, and what to give it instead, named as a program calls it (readCoverageInputs; --coverage)', async () => {
    const dir = freshTmpDir('option-words-coverage');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'T1059.001 PowerShell: rule 12\n');
    expect(messageOf(() => readCoverageInputs([notes]))).to.match(new RegExp(`^${notes.replace(/[.\\/]/g, '\\$&')}: not a coverage input; readCoverageInputs takes a folder of rules \\(Sigma, `));
    const cli = await runCli(['gap', '--threat', APT32, '--coverage', notes, '--out', join(dir, 'a')]);
    expect(cli.code).to.equal(2);
    expect(cli.stderr).to.contain(`${notes}: not a coverage input; --coverage takes a folder of rules (Sigma, `);
    const atomic = 'test/fixtures/layers/public/art-navigator-layer-iaas-gcp-4.4.json';
    const instead =
      ' the rules that fire on them, and %threat what an adversary does (a campaign file, or a layer of a group from %object); ' +
      'to list the tests that exercise each threat technique, give them to %tests';
    const words = (coverage: string, threat: string, tests: string, object: string): string =>
      `give ${coverage}${instead.replace('%threat', threat).replace('%tests', tests).replace('%object', object)}`;
    const asProgram = words('readCoverageInputs', 'readThreatInputs', 'readAtomicTests', 'renderAttackObjectLayer');
    expect(messageOf(() => readCoverageInputs([atomic]))).to.contain(asProgram);
    expect(messageOf(() => readThreatInputs([atomic], library()))).to.contain(asProgram);
    const atomicCli = await runCli(['gap', '--threat', APT32, '--coverage', atomic, '--out', join(dir, 'b')]);
    expect([atomicCli.code, atomicCli.stderr]).to.satisfy(([code, stderr]: [number, string]) => code === 1 && stderr.includes(words('gap --coverage', 'gap --threat', 'gap --tests', 'attack-object')));
  });

  // The actor a program passes is extractReport's actor option. The bundle: test/fixtures/stix/threat-intel-playbook.json
  // (Unit 42's playbook layout); the flow: CTID's Cobalt Kitty Campaign (test/fixtures/attack-flow/README.md).
  it("extractReport and reportActor: an actor the input does not name, or cannot take (actor: 'Lazarus'; --actor \"Lazarus\")", async () => {
    const target = loadRelease('18.1');
    const bundle = 'test/fixtures/stix/threat-intel-playbook.json';
    const unknown = messageOf(() => extractReport(readFileSync(bundle, 'utf8'), { target }, { actor: 'Lazarus', file: bundle }));
    expect(unknown).to.match(new RegExp(`^${bundle.replace(/[.\\/]/g, '\\$&')}: actor: 'Lazarus' names no intrusion set, campaign or threat actor of the bundle `));
    expect((await runCli(['extract', bundle, '--actor', 'Lazarus'])).stderr).to.contain(`${bundle}: --actor "Lazarus" names no intrusion set, campaign or threat actor of the bundle `);
    const flow = 'test/fixtures/attack-flow/cobalt-kitty-campaign.json';
    expect(messageOf(() => extractReport(readFileSync(flow, 'utf8'), { target }, { actor: 'APT32', file: flow }))).to.equal(
      `${flow}: actor chooses an actor of a STIX bundle of threat intelligence or a MISP event; an Attack Flow's actor is the one threat actor or intrusion set it holds: leave actor out`,
    );
    expect((await runCli(['extract', flow, '--actor', 'APT32'])).stderr).to.contain(`${flow}: --actor chooses an actor of a STIX bundle of threat intelligence or a MISP event; an Attack Flow's actor is the one threat actor or intrusion set it holds: leave --actor out\n`);
    // A report's text: the actor given is checked against the release's groups, and a campaigns: false it cannot use refused.
    const text = join(freshTmpDir('option-words-actor'), 'report.txt');
    writeFileSync(text, 'The actor sent links (T1566.002).\n');
    expect(reportActor('Cozy Bear', target).note).to.equal("actor: 'Cozy Bear' is group G0016 APT29 of ATT&CK enterprise-attack 18.1: the campaign's actor is APT29");
    expect(extractReport(readFileSync(text, 'utf8'), { target }, { actor: 'Cozy Bear' }).notes[0]).to.equal(reportActor('Cozy Bear', target).note);
    expect((await runCli(['extract', text, '--actor', 'Cozy Bear'])).stderr).to.contain(`${text}: --actor "Cozy Bear" is group G0016 APT29 of ATT&CK enterprise-attack 18.1: the campaign's actor is APT29\n`);
    expect(messageOf(() => extractReport(readFileSync(text, 'utf8'), { target }, { actor: 'APT29', campaigns: false, file: text }))).to.equal(
      `${text}: campaigns: false leaves out the campaigns a STIX bundle of threat intelligence attributes to the actor the actor option chooses; a report's text attributes none: leave campaigns: false out`,
    );
  });
});

// What a review's readers advise giving where, or running, was said in the CLI's words to a program too: given an Atomic
// Red Team test file, readThreatInputs said `give gap --coverage the rules that fire on them`; a rule folder's note said
// `give <folder> itself as --coverage`; resolveCoverage advised `--domain ics` and `attack-layers data fetch`. A program
// reads the functions it calls and the options it passes; the CLI's words are as they were.
describe('regressions: a review\'s advice names the functions and options a program uses, the CLI its flags and commands', () => {
  const gapOut = (name: string): string => join(freshTmpDir(`option-words-${name}`), 'out');

  // redcanaryco/atomic-red-team atomics/T1003.008/T1003.008.yaml, an excerpt (test/fixtures/atomic-tests, its header).
  it('readThreatInputs: an Atomic Red Team test file is refused with readCoverageInputs, readThreatInputs, readAtomicTests (gap --coverage …)', async () => {
    const file = 'test/fixtures/atomic-tests/atomics/T1003.008/T1003.008.yaml';
    const message = messageOf(() => readThreatInputs([file], library()));
    expect(message).to.equal(
      `${file}: this is Atomic Red Team tests (a test file, or an index of them), not a campaign file; its tests run a technique and detect nothing, ` +
        "and are no adversary's doing: give readCoverageInputs the rules that fire on them, and readThreatInputs what an adversary does " +
        '(a campaign file, or a layer of a group from renderAttackObjectLayer); to list the tests that exercise each threat technique, give them to readAtomicTests',
    );
    const cli = await runCli(['gap', '--threat', file, '--coverage', `${g}/detections.csv`, '--out', gapOut('atomic-threat')]);
    expect([cli.code, cli.stderr]).to.deep.equal([
      1,
      `attack-layers gap: ${message
        .replace('readCoverageInputs', 'gap --coverage')
        .replace('readThreatInputs', 'gap --threat')
        .replace('renderAttackObjectLayer', 'attack-object')
        .replace('readAtomicTests', 'gap --tests')}\n`,
    ]);
  });

  // A rule repository checked out whole: a tool's test data beside the rules (chronicle/detection-rules'
  // tools/content_manager/content_manager/test_data/, as test/coverage/read-chronicle.test.ts lays it out), a campaign
  // file among them, and Panther's Python body of a detection without its YAML (panther-analysis'
  // rules/aws_cloudtrail_rules/aws_ec2_discovery_commands.py, its shape). The rules: test/fixtures/gap/sigma.
  it('readCoverageInputs: a rule folder\'s notes name readCoverageInputs and readThreatInputs (--coverage, --threat)', async () => {
    const dir = join(freshTmpDir('option-words-rule-folder'), 'rules');
    const testData = join(dir, 'tools', 'content_manager', 'test_data');
    mkdirSync(testData, { recursive: true });
    copyFileSync(`${g}/sigma/windows/proc_creation_win_office_macro_child.yml`, join(dir, 'office.yml'));
    copyFileSync(`${g}/sigma/windows/ps_script_win_download_cradle.yml`, join(testData, 'cradle.yml'));
    copyFileSync(APT32, join(dir, 'apt32.yaml'));
    writeFileSync(join(dir, 'aws_ec2_discovery_commands.py'), 'RULE_ID = "AWS.EC2.DiscoveryCommands"\n\n\ndef rule(event):\n    return event.get("eventName") == "ListBuckets"\n');
    const [input] = readCoverageInputs([dir]);
    const said = [...(input!.notes ?? []), ...input!.problems.map((problem) => problem.message)].join('\n');
    const asProgram = [`give ${testData}/ itself as a path of readCoverageInputs`, 'give it (or its folder) to readThreatInputs', 'in the folder given to readCoverageInputs'];
    const asCli = [`give ${testData}/ itself as --coverage`, 'give it (or its folder) to --threat', 'in the folder given to --coverage'];
    for (const words of asProgram) expect(said).to.contain(words);
    for (const words of asCli) expect(said).not.to.contain(words);
    expect(readRuleFolder(dir).notes?.join('\n')).to.contain(asProgram[0]);
    const cli = await runCli(['gap', '--threat', APT32, '--coverage', dir, '--out', gapOut('rule-folder'), '--report', 'json']);
    expect(cli.code).to.equal(0);
    for (const words of asCli) expect(cli.stderr).to.contain(words);
  });

  // test/fixtures/gap/sigma's Office macro rule, tagged as well with ICS's Evasion (TA0103) and ATT&CK 19's Stealth.
  it("resolveCoverage: an ICS tactic tag advises domain: 'ics-attack', a newer one fetchRelease (--domain ics, `attack-layers data fetch`)", async () => {
    const rules = join(freshTmpDir('option-words-tactics'), 'rules');
    mkdirSync(rules);
    const rule = readFileSync(`${g}/sigma/windows/proc_creation_win_office_macro_child.yml`, 'utf8');
    writeFileSync(join(rules, 'office.yml'), rule.replace('    - attack.t1193\n', '    - attack.t1193\n    - attack.evasion\n    - attack.stealth\n'));
    const { target, otherReleases } = domainReleases(library(), 'enterprise-attack', '18.1');
    const notes = resolveCoverage(readCoverageInputs([rules]), target, { otherReleases }).unresolved.map((ref) => ref.note);
    const ics = "Evasion (TA0103) is a tactic of ATT&CK ics-attack 18.1, not of ATT&CK enterprise-attack 18.1; review the rule's ICS techniques with";
    const stealth = '"stealth" is not a tactic of ATT&CK enterprise-attack 18.1; tags of a newer release (ATT&CK 19 split Defense Evasion into Stealth and Defense Impairment) need that release:';
    expect(notes).to.include.members([`${ics} domain: 'ics-attack'`, `${stealth} \`fetchRelease({ version: '19' })\``]);
    const cli = await runCli(['gap', '--threat', APT32, '--coverage', rules, '--out', gapOut('tactics')]);
    expect(cli.code).to.equal(0);
    expect(cli.stderr).to.contain(`${ics} --domain ics`).and.to.contain(`${stealth} \`attack-layers data fetch --attack-release 19\``);
  });

  // campaigns/apt32-covid19-wuhan.yaml given as coverage; test/fixtures/stix/enterprise-attack-0.1.json (a trimmed
  // ATT&CK bundle) as threat: what to do with each names the functions that do it.
  it('readCoverageInputs and readThreatInputs: a file of another kind is sent to the functions that take it (normalize, data add)', async () => {
    const use = (message: string): string => message.slice(message.indexOf('; ') + 2);
    expect(use(messageOf(() => readCoverageInputs([APT32])))).to.equal('use normalizeCampaign, renderLayerFiles or compareCampaign (reviewGaps takes it as a path of readThreatInputs)');
    const bundle = 'test/fixtures/stix/enterprise-attack-0.1.json';
    expect(use(messageOf(() => readThreatInputs([bundle], library())))).to.equal(
      `give it with --attack ${bundle}, or add it to the cache with \`addRelease\`; for the techniques of a group, software or campaign it holds, \`renderAttackObjectLayer\``,
    );
    const cli = await runCli(['gap', '--threat', bundle, '--coverage', APT32, '--out', gapOut('kinds')]);
    expect(cli.code).to.equal(1);
    expect(cli.stderr).to.contain('or add it to the cache with `attack-layers data add`; for the techniques of a group, software or campaign it holds, `attack-layers attack-object <name>`');
    const coverage = await runCli(['gap', '--threat', APT32, '--coverage', APT32, '--out', gapOut('kinds-coverage')]);
    expect(coverage.stderr).to.contain('use normalize, render or compare (gap takes it as --threat)');
  });
});
