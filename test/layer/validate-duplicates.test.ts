/**
 * Entries of one technique under one tactic, as Navigator 5.1 reads them: ViewModel.deserialize keys each entry by
 * `techniqueID^tactic` as written (an entry without a tactic under each tactic of the release's current technique of
 * its ID, none for a revoked one), and setTechniqueVM deletes what the key held before setting the new entry, so the
 * last entry of a cell wins whole and nothing of the earlier one is merged; updateGradient then colours the entries
 * it kept, only those (mitre-attack/attack-navigator nav-app/src/app/classes/view-model.ts at
 * fa7a6017820f97f172be896d093c57a91387f372, deserialize, setTechniqueVM, updateGradient; technique-vm.ts deserialize).
 * The layers are written here in the shape CALDERA's compass and OpenCTI's exports give (an entry per ability or
 * relation: test/fixtures/layers/public/caldera-compass-adversary-2.2.json).
 */
import { expect } from 'chai';
import type { AttackLibrary } from '../../lib/attack/load.js';
import { validateLayer, type LayerFinding } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary, readLayerFixture } from './attack-data.js';

function layer(techniques: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'duplicates',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    layout: { expandedSubtechniques: 'annotated' },
    techniques,
    ...extra,
  };
}

describe('validateLayer on entries Navigator 5.1 reads into one cell', () => {
  let library: AttackLibrary;
  const check = (value: unknown): LayerFinding[] => validateLayer(value, { attackFor: attackFor(library), file: 'd.json' });
  const said = (value: unknown, code = 'duplicate-entry'): string[] => check(value).filter((finding) => finding.code === code).map((finding) => finding.message);

  before(() => {
    library = attackLibrary();
  });

  it('names what of the earlier entry Navigator drops for the later one', () => {
    const value = layer([
      { techniqueID: 'T1059.001', tactic: 'execution', score: 1, comment: 'seen in the loader', links: [{ label: 'report', url: 'https://example.org/r' }] },
      { techniqueID: 'T1059.001', tactic: 'execution', score: 2 },
    ]);
    expect(said(value)).to.deep.equal([
      `d.json: /techniques/1: T1059.001 under execution repeats /techniques/0; Navigator keeps only the last one, dropping /techniques/0's score 1, comment "seen in the loader" and 1 link: merge the two entries`,
    ]);
  });

  it('says under which tactics an entry without one still shows beside a later entry with one', () => {
    const value = layer([
      { techniqueID: 'T1053.005', score: 3, color: '#ff0000' },
      { techniqueID: 'T1053.005', tactic: 'persistence', score: 4 },
    ]);
    expect(said(value)).to.deep.equal([
      `d.json: /techniques/1: T1053.005 under persistence overlaps /techniques/0 (under all its tactics); under persistence Navigator keeps only the later one, dropping /techniques/0's score 3 and colour #ff0000 there, and shows /techniques/0 under execution and privilege-escalation only: merge them or give both a tactic`,
    ]);
  });

  it('calls an entry without tactic of a one-tactic technique a repeat of the entry under that tactic', () => {
    const value = layer([
      { techniqueID: 'T1003', tactic: 'credential-access', score: 5 },
      { techniqueID: 'T1003', score: 6 },
    ]);
    expect(said(value)).to.deep.equal([`d.json: /techniques/1: T1003 under all its tactics repeats /techniques/0; Navigator keeps only the last one, dropping /techniques/0's score 5: merge the two entries`]);
  });

  it('says a later entry that holds all of the earlier loses nothing', () => {
    const value = layer([
      { techniqueID: 'T1003', tactic: 'credential-access', score: 5 },
      { techniqueID: 'T1003', tactic: 'credential-access', score: 5, comment: 'more' },
    ]);
    expect(said(value)).to.deep.equal([
      'd.json: /techniques/1: T1003 under credential-access repeats /techniques/0; Navigator keeps only the last one, which holds all of /techniques/0 that it shows, so nothing is lost: delete /techniques/0',
    ]);
  });

  it('says no repeat of entries Navigator keys apart ("Execution" and "execution") or reads not at all (revoked T1086)', () => {
    const value = layer([
      { techniqueID: 'T1059', tactic: 'Execution', score: 7 },
      { techniqueID: 'T1059', tactic: 'execution', score: 8 },
      { techniqueID: 'T1086', score: 1 },
      { techniqueID: 'T1086', score: 2 },
    ]);
    expect(said(value)).to.deep.equal([]);
  });

  it('does not blame a gradient without bounds for a score Navigator reads not, the later entry replacing it', () => {
    const gradient = { gradient: { colors: ['#ffffff', '#ff6666'], maxValue: 100 } };
    const replaced = layer(
      [
        { techniqueID: 'T1003', tactic: 'credential-access', score: 30 },
        { techniqueID: 'T1003', tactic: 'credential-access', score: 100 },
      ],
      gradient,
    );
    expect(check(replaced).filter((finding) => finding.severity === 'error')).to.deep.equal([]);
    const both = layer(
      [
        { techniqueID: 'T1003', tactic: 'credential-access', score: 30 },
        { techniqueID: 'T1003', tactic: 'credential-access', score: 40 },
      ],
      gradient,
    );
    const [alert] = said(both, 'navigator-alert');
    expect(alert).to.contain("fails colouring T1003's score 40 (");
    expect(alert).to.match(/it reads none of the other entry scored between them \(T1003\), whose cells a later entry of the same technique and tactic takes over \(`/);
  });

  // LogRhythm's layer (test/fixtures/layers/public, README there) repeats T1566.002 and T1059.001 exactly, each collapsed
  // under its parent: the collapsed sub-technique was said of both entries, though Navigator shows only the later.
  it("says a collapsed sub-technique only of the entry Navigator keeps (LogRhythm's exact repeats)", () => {
    const findings = check(readLayerFixture('public/logrhythm-navigator-4.1.json'));
    const hidden = findings.filter((finding) => finding.code === 'hidden-subtechnique').map((finding) => finding.path);
    expect(hidden).to.include.members(['/techniques/10', '/techniques/14']);
    expect(hidden).to.not.include.members(['/techniques/6']);
    expect(hidden).to.not.include.members(['/techniques/8']);
    expect(findings.filter((finding) => finding.code === 'duplicate-entry').map((finding) => finding.path)).to.deep.equal(['/techniques/10', '/techniques/14']);
  });

  it('does not warn of a score Navigator fails to colour in an entry it replaces', () => {
    const value = layer(
      [
        { techniqueID: 'T1003', tactic: 'credential-access', score: 99.996 },
        { techniqueID: 'T1003', tactic: 'credential-access', score: 100 },
      ],
      { gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 100 } },
    );
    expect(said(value, 'score-out-of-range')).to.deep.equal([]);
  });

  it('does not say a score outside the gradient of an entry Navigator replaces, which it never colours', () => {
    const value = layer(
      [
        { techniqueID: 'T1003', tactic: 'credential-access', score: 150 },
        { techniqueID: 'T1003', tactic: 'credential-access', score: 20 },
        { techniqueID: 'T1059', tactic: 'execution', score: 120 },
      ],
      { gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 100 } },
    );
    expect(check(value).filter((finding) => finding.code === 'score-out-of-range').map((finding) => finding.path)).to.deep.equal(['/techniques/2/score']);
  });

  // Navigator computes a parent's aggregate per tactic from the cells it keeps (ViewModel.calculateAggregateScore reads
  // getTechniqueVM(subtechnique, tactic), view-model.ts at fa7a6017): under persistence T1053.005's cell is the later
  // entry's, without a score, so the earlier entry shows, and is aggregated, only under execution and privilege-escalation.
  it('says a collapsed sub-technique, and its part in the aggregate, only under the tactics where Navigator keeps the entry', () => {
    const value = layer(
      [
        { techniqueID: 'T1053.005', score: 50 },
        { techniqueID: 'T1053.005', tactic: 'persistence', comment: 'by the installer' },
      ],
      { layout: { showAggregateScores: true }, gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 100 } },
    );
    expect(said(value, 'hidden-subtechnique')).to.deep.equal([
      `d.json: /techniques/0: T1053.005 (Scheduled Task) is annotated but collapsed under T1053 in execution, privilege-escalation, so only its score shows, in T1053's aggregate score; nobody sees the rest of it: set layout.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1053`,
      'd.json: /techniques/1: T1053.005 (Scheduled Task) is annotated but collapsed under T1053 in persistence, so nobody sees it: set layout.expandedSubtechniques to "annotated" or add showSubtechniques: true to T1053',
    ]);
    // Replaced under every tactic it has, the entry is said nowhere.
    const replaced = layer([{ techniqueID: 'T1059.001', score: 50 }, { techniqueID: 'T1059.001', tactic: 'execution', comment: 'x' }], { layout: {} });
    expect(check(replaced).filter((finding) => finding.code === 'hidden-subtechnique').map((finding) => finding.path)).to.deep.equal(['/techniques/1']);
  });
});
