import { expect } from 'chai';
import { attributeComment, attributeComments, mergeEntries } from '../../lib/layer/merge-entries.js';
import { readLayerFixture } from './attack-data.js';

describe('mergeEntries', () => {
  it('keeps an entry enabled unless every merged entry was disabled', () => {
    const on = { techniqueID: 'T1059', enabled: false };
    expect(mergeEntries([{ entry: on, from: 'T1059' }, { entry: { techniqueID: 'T1059' }, from: 'T1059' }]).entry).to.not.have.key('enabled');
    expect(mergeEntries([{ entry: on, from: 'T1059' }, { entry: { ...on }, from: 'T1059' }]).entry['enabled']).to.equal(false);
  });

  it('keeps an annotated entry enabled when only a later entry that merges into it was disabled (a revoked ID disabled)', () => {
    // SRA's index layers list every ATT&CK ID, disabling those not in the index: T1028, revoked by T1021.006, among them.
    const coloured = { techniqueID: 'T1021.006', color: '#7a34eb' };
    const revoked = { techniqueID: 'T1021.006', enabled: false };
    const { entry } = mergeEntries([{ entry: coloured, from: 'T1021.006' }, { entry: revoked, from: 'T1028' }]);
    expect(entry).to.deep.equal({ techniqueID: 'T1021.006', color: '#7a34eb' });
  });

  it('says that an entry written enabled drops the disabled state of some of the entries it merges', () => {
    const { entry, conflicts } = mergeEntries([
      { entry: { techniqueID: 'T1095', color: '#0b5bc2' }, from: 'T1094' },
      { entry: { techniqueID: 'T1095', enabled: false }, from: 'T1095' },
    ]);
    expect(entry).to.not.have.key('enabled');
    expect(conflicts).to.deep.equal([
      'disabled (enabled: false) in 1 of 2 (T1095): written enabled, as the others are, since Navigator greys out a disabled technique with all that annotates it',
    ]);
    expect(mergeEntries([{ entry: { techniqueID: 'T1095', enabled: false }, from: 'T1094' }, { entry: { techniqueID: 'T1095', enabled: false }, from: 'T1095' }]).conflicts).to.deep.equal([]);
  });

  it('says that showSubtechniques false of a merged entry gave way to another entry\'s true', () => {
    const { entry, conflicts } = mergeEntries([
      { entry: { techniqueID: 'T1053', score: 2, showSubtechniques: false }, from: 'T1053' },
      { entry: { techniqueID: 'T1053', score: 1, showSubtechniques: true }, from: 'T1168' },
    ]);
    expect(entry['showSubtechniques']).to.equal(true);
    expect(conflicts).to.include('showSubtechniques false in 1 of 2 (T1053): written true, as another entry has it');
    expect(mergeEntries([{ entry: { techniqueID: 'T1053', showSubtechniques: true }, from: 'T1053' }, { entry: { techniqueID: 'T1053' }, from: 'T1168' }]).conflicts).to.deep.equal([]);
  });

  it('takes one colour written short and long (#f90, #FF9900) as one: no conflict, nothing dropped', () => {
    const { entry, conflicts, dropped } = mergeEntries([
      { entry: { techniqueID: 'T0855', tactic: 'impair-process-control', color: '#f90' }, from: 'T0855' },
      { entry: { techniqueID: 'T0855', tactic: 'impair-process-control', color: '#FF9900' }, from: 'T0855' },
    ]);
    expect(entry['color']).to.equal('#f90');
    expect(conflicts).to.deep.equal([]);
    expect(dropped).to.deep.equal([]);
  });

  it('keeps the first colour set and returns each other colour in dropped, by its position, for upgrade to keep (an ICS layer\'s T0855)', () => {
    // test/fixtures/layers/public/ics-rule-coverage-4.5.json: T0855 under execution, where ICS 18.1 does not put it, moves
    // beside its entry under impair-process-control; the two colours say "experimental" and "no coverage".
    const sources = [
      { entry: { techniqueID: 'T0855', tactic: 'impair-process-control', color: '#ff9800' }, from: 'T0855' },
      { entry: { techniqueID: 'T0855', tactic: 'impair-process-control', color: '#FF9800' }, from: 'T0855' },
      { entry: { techniqueID: 'T0855', tactic: 'impair-process-control', color: '#f5f5f5' }, from: 'T0855' },
    ];
    const { entry, conflicts, dropped } = mergeEntries(sources);
    expect(entry['color']).to.equal('#ff9800');
    expect(conflicts).to.deep.equal(['colours #ff9800, #FF9800, #f5f5f5: kept #ff9800']);
    expect(dropped).to.deep.equal([{ source: 2, field: 'color', value: '#f5f5f5' }]);
    expect(mergeEntries(sources.slice(0, 2)).dropped).to.deep.equal([]);
  });

  it('keeps every distinct metadata line and link in layer order, and a divider where it separated two kept', () => {
    const a = { techniqueID: 'T1', metadata: [{ name: 'a', value: '1' }, { divider: true }], links: [{ label: 'x', url: 'https://x' }] };
    const b = { techniqueID: 'T1', metadata: [{ name: 'a', value: '1' }, { divider: true }, { name: 'b', value: '2' }], links: [{ label: 'x', url: 'https://x' }] };
    const { entry } = mergeEntries([{ entry: a, from: 'T1' }, { entry: b, from: 'T1' }]);
    expect(entry['metadata']).to.deep.equal([{ name: 'a', value: '1' }, { divider: true }, { name: 'b', value: '2' }]);
    expect(entry['links']).to.deep.equal([{ label: 'x', url: 'https://x' }]);
  });

  it("keeps metadata groups whole, leaving out only a group another entry gave item for item (CTID's M365 mappings)", () => {
    // One group per capability, as CTID Mappings Explorer's M365 layers write an entry's metadata (mappings-explorer,
    // legacy/m365-12.11.2023_attack-14.1-enterprise_E3_navigator_layers.json, Apache-2.0).
    const group = (capability: string, category: string) => [{ divider: true }, { name: 'capability', value: capability }, { name: 'category', value: category }, { name: 'value', value: 'significant' }];
    const a = { techniqueID: 'T1114', metadata: [...group('EOP-MFR-E3', 'protect'), ...group('ME-CAE-E3', 'detect')] };
    const b = { techniqueID: 'T1114', metadata: [...group('ME-CAE-E3', 'detect'), ...group('EOP-MFR-E3', 'detect')] };
    const { entry } = mergeEntries([{ entry: a, from: 'T1114' }, { entry: b, from: 'T1114' }]);
    expect(entry['metadata']).to.deep.equal([...group('EOP-MFR-E3', 'protect'), ...group('ME-CAE-E3', 'detect'), ...group('EOP-MFR-E3', 'detect')].slice(1));
  });

  it('writes no trailing divider when the entries merged carry the same divided links (the D3FEND heatmap layer, find_string id 18564616787)', () => {
    const links = [{ divider: true }, { label: 'SEA', url: 'https://d3fend.mitre.org/technique/d3f:ScriptExecutionAnalysis' }, { divider: true }, { label: 'PSA', url: 'https://d3fend.mitre.org/technique/d3f:ProcessSpawnAnalysis' }];
    const { entry } = mergeEntries([{ entry: { techniqueID: 'T1059.001', links }, from: 'T1059.001' }, { entry: { techniqueID: 'T1086', links }, from: 'T1086' }]);
    expect(entry['links']).to.deep.equal(links.slice(1));
  });

  it('leaves the score out when no entry had one, and reports no conflict for equal scores', () => {
    expect(mergeEntries([{ entry: { techniqueID: 'T1' }, from: 'T1' }, { entry: { techniqueID: 'T1' }, from: 'T2' }]).entry).to.not.have.key('score');
    expect(mergeEntries([{ entry: { techniqueID: 'T1', score: 2 }, from: 'T1' }, { entry: { techniqueID: 'T1', score: 2 }, from: 'T2' }]).conflicts).to.deep.equal([]);
  });

  it('does not repeat a comment that both entries carry', () => {
    const entry = { techniqueID: 'T1', comment: 'same' };
    expect(mergeEntries([{ entry, from: 'T1' }, { entry: { ...entry }, from: 'T1' }]).entry['comment']).to.equal('same');
  });

  // Atomic Red Team's layers open and close each comment with a line break and list one test per line
  // (test/fixtures/layers/public/art-navigator-layer-iaas-gcp-4.4.json, T1078.004 and T1098).
  it('prefixes every line of each comment with its ID, without the line breaks that open or close it', () => {
    const art = readLayerFixture('public/art-navigator-layer-iaas-gcp-4.4.json') as { techniques: Array<Record<string, unknown>> };
    const [accounts, manipulation] = ['T1078.004', 'T1098'].map((id) => art.techniques.find((t) => t['techniqueID'] === id)!);
    const { entry } = mergeEntries([{ entry: accounts!, from: 'T1078.004' }, { entry: manipulation!, from: 'T1098' }]);
    expect(String(entry['comment']).split('\n')).to.deep.equal([
      'T1078.004: - Creating GCP Service Account and Service Account Key',
      'T1078.004: - GCP - Create Custom IAM Role',
      'T1098: - GCP - Delete Service Account Key',
    ]);
    expect(attributeComment('T1', 'first\n\nafter a blank line')).to.equal('T1: first\nT1:\nT1: after a blank line');
  });

  it('keeps a line already prefixed with a source the caller names, and prefixes any other line that only looks prefixed', () => {
    const attributed = (prefix: string) => prefix === 'T1086' || prefix === 'T1059.001';
    const comment = 'T1086: sysmon_powershell_execution_moduleload.yml\nT1003: see also\nNote: reviewed\nT1059.001:';
    expect(attributeComment('T1059.001', comment, attributed).split('\n')).to.deep.equal([
      'T1086: sysmon_powershell_execution_moduleload.yml',
      'T1059.001: T1003: see also',
      'T1059.001: Note: reviewed',
      'T1059.001:',
    ]);
    // Without a caller's rule (combine's layer names), every line is prefixed, as before.
    expect(attributeComment('Layer A', 'T1086: x')).to.equal('Layer A: T1086: x');
  });

  // SigmaHQ's deprecated sysmon_powershell_execution_moduleload.yml is tagged attack.t1086 and attack.t1059.001, and
  // sigma2attack (SigmaHQ/sigma, tools/sigma/sigma2attack.py at 07ba33b709e2e0f38e015f4dc43eff59542b3bee) lists a rule
  // under each technique its tags name: upgraded, T1086 merges into T1059.001 and the rule was two lines.
  it('writes a line two IDs give once, where it first came, naming both (one Sigma rule tagged T1086 and T1059.001)', () => {
    const rule = 'sysmon_powershell_execution_moduleload.yml';
    const sources = [
      { entry: { techniqueID: 'T1059.001', score: 2, comment: `posh_ps_susp_keywords.yml\n${rule}` }, from: 'T1059.001' },
      { entry: { techniqueID: 'T1059.001', score: 1, comment: rule }, from: 'T1086' },
    ];
    const { entry, conflicts } = mergeEntries(sources);
    expect(String(entry['comment']).split('\n')).to.deep.equal(['T1059.001: posh_ps_susp_keywords.yml', `T1059.001, T1086: ${rule}`]);
    expect(conflicts).to.deep.equal([
      "scores 2, 1 became 2 (max); if they count rules or tests, mergeScore: 'sum' adds them",
      "1 comment line given by more than one ID written once, naming each (mergeScore: 'sum' would count it twice)",
    ]);
    expect(mergeEntries(sources, 'sum').conflicts[1]).to.equal('1 comment line given by more than one ID written once, naming each (the sum counts it twice)');
    // Two revoked IDs of one replacement (T1035 and T1050 both became T1569.002 in ATT&CK 7) with one line each.
    const revoked = mergeEntries([
      { entry: { techniqueID: 'T1569.002', comment: 'psexec service' }, from: 'T1035' },
      { entry: { techniqueID: 'T1569.002', comment: 'psexec service\nsc create' }, from: 'T1050' },
    ]);
    expect(revoked.entry['comment']).to.equal('T1035, T1050: psexec service\nT1050: sc create');
    expect(revoked.conflicts).to.deep.equal(['1 comment line given by more than one ID written once, naming each']);
  });

  it('keeps a line one source gives twice (a divider between its rules) where each stands', () => {
    const { comment, shared } = attributeComments([
      { label: 'T1035', comment: 'a.yml\n---\nb.yml' },
      { label: 'T1050', comment: '---\nc.yml\n---' },
    ]);
    expect(comment.split('\n')).to.deep.equal(['T1035: a.yml', 'T1035, T1050: ---', 'T1035: b.yml', 'T1050: c.yml', 'T1050: ---']);
    expect(shared).to.equal(1);
  });

  it("joins layer names by ' + ', quoting each when one holds ' + ' or a quote (names may hold commas)", () => {
    const names = (a: string, b: string) => attributeComments([{ label: a, comment: 'x' }, { label: b, comment: 'x' }], undefined, 'names').comment;
    expect(names('APT28, APT29', 'Sigma')).to.equal('APT28, APT29 + Sigma: x');
    expect(names('Red + Blue', 'Sigma')).to.equal('"Red + Blue" + "Sigma": x');
    expect(names('The "E3" plan', 'Sigma')).to.equal('"The \\"E3\\" plan" + "Sigma": x');
    expect(attributeComments([{ label: 'Red + Blue', comment: 'x' }], undefined, 'names').comment).to.equal('Red + Blue: x');
  });

  it('reads a line merged before, naming two IDs, as theirs: merged again, it gains no prefix and no second copy', () => {
    const attributed = (prefix: string) => ['T1059.001', 'T1086'].includes(prefix);
    const { entry, conflicts } = mergeEntries(
      [
        { entry: { techniqueID: 'T1059.001', comment: 'T1059.001, T1086: rule.yml\nT1059.001: other.yml' }, from: 'T1059.001' },
        { entry: { techniqueID: 'T1059.001', comment: 'rule.yml' }, from: 'T1086' },
      ],
      undefined,
      attributed,
    );
    expect(entry['comment']).to.equal('T1059.001, T1086: rule.yml\nT1059.001: other.yml');
    expect(conflicts).to.deep.equal(['1 comment line given by more than one ID written once, naming each']);
    // A prefix with a part the caller does not name is text, as before.
    expect(attributeComment('T1059.001', 'T1086, see T1003: x', attributed)).to.equal('T1059.001: T1086, see T1003: x');
  });
});
