import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { InputError, UsageError } from '../../lib/errors.js';
import type { Gradient, LayerTechnique, NavigatorLayer } from '../../lib/layer/layer-types.js';
import { renderAggregateLayer, renderCampaignLayer } from '../../lib/layer/render-layer.js';
import { gradientColor, INFERRED_COLOR, INFERRED_LABEL, SCORE_MODEL_NAMES } from '../../lib/layer/score.js';
import { serializeLayer } from '../../lib/layer/serialize-layer.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import type { NormalizedCampaign } from '../../lib/normalize/normalize-types.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, repoRoot } from '../helpers/attack.js';
import { expectGolden, normalizeFiles, sharedLibrary } from './render-helpers.js';

function fixture(name: string): string {
  return join(repoRoot, 'test/fixtures/render', name);
}

type Item = { result: NormalizedCampaign; index: AttackIndex };

function entries(layer: NavigatorLayer, id: string): LayerTechnique[] {
  return (layer.techniques ?? []).filter((entry) => entry.techniqueID === id);
}

function only(layer: NavigatorLayer, id: string): LayerTechnique {
  const found = entries(layer, id);
  expect(found, `${id} entries`).to.have.length(1);
  return found[0]!;
}

/** Everything validateLayer finds (schema and what Navigator would drop or hide), as messages. */
function findings(layer: NavigatorLayer): string[] {
  const library = sharedLibrary();
  return validateLayer(JSON.parse(serializeLayer(layer)), { attackFor: (domain, major) => library.release(domain, major) }).map((f) => f.message);
}

describe('layer/render-layer', () => {
  let golden: Item;
  let second: Item;
  let apt32: Item;
  let periscope: Item;

  before(() => {
    [golden, second] = normalizeFiles([fixture('golden-campaign.yaml'), fixture('golden-second.yaml')]) as [Item, Item];
    [apt32, periscope] = normalizeFiles([join(repoRoot, 'campaigns/apt32-covid19-wuhan.yaml'), join(repoRoot, 'campaigns/temp-periscope-cambodia-2018.yaml')]) as [Item, Item];
  });

  describe('golden layers', () => {
    it('renders the hand-written campaign as test/golden/golden-campaign.layer.json (presence)', () => {
      expectGolden(renderCampaignLayer(golden.result, golden.index, { model: 'presence' }).layer, 'golden-campaign.layer.json');
    });

    it('renders the second campaign as test/golden/golden-second.layer.json (confidence)', () => {
      expectGolden(renderCampaignLayer(second.result, second.index, { model: 'confidence' }).layer, 'golden-second.layer.json');
    });

    it('aggregates both as test/golden/golden-aggregate.layer.json (frequency)', () => {
      const { layer } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'Golden aggregate', model: 'frequency' });
      expectGolden(layer, 'golden-aggregate.layer.json');
    });
  });

  describe('the APT32 example campaign', () => {
    let layer: NavigatorLayer;
    before(() => {
      layer = renderCampaignLayer(apt32.result, apt32.index, { model: 'presence' }).layer;
    });

    const rows: ReadonlyArray<readonly [id: string, tactic: string, written: string]> = [
      ['T1566.001', 'initial-access', 'reported as "Spearphishing Attachment (T1193)" under Initial Access; T1193 Spearphishing Attachment was revoked by T1566.001'],
      ['T1566.002', 'initial-access', 'reported as "Spearphising Link (T1192)" under Initial Access; T1192 Spearphishing Link was revoked by T1566.002'],
      ['T1218.010', 'defense-evasion', 'reported as "Regsvr32 (T1117)" under Execution, Defense Evasion; T1117 Regsvr32 was revoked by T1218.010'],
      ['T1204', 'execution', 'reported as "User Execution (T1204)" under Execution; T1204 User Execution is current in ATT&CK 18.1'],
      ['T1573', 'command-and-control', 'reported as "Standard Cryptographic Protocol (T1032)" under Command and Control; T1032 Standard Cryptographic Protocol was revoked by T1573'],
      ['T1095', 'command-and-control', 'reported as "Custom Command and Control Protocol (T1094)" under Command and Control; T1094 Custom Command and Control Protocol was revoked by T1095'],
    ];
    for (const [id, tactic, written] of rows) {
      it(`renders ${id} under ${tactic} only, scored, with how it was reported and resolved`, () => {
        const entry = only(layer, id);
        expect(entry).to.include({ tactic, score: 100 });
        expect(entry.comment).to.include(written);
        expect(entry.metadata).to.deep.include({ name: 'campaign', value: 'APT32 targets Wuhan government (COVID-19) (apt32-covid19-wuhan)' });
        expect(entry.metadata?.some((item) => 'name' in item && item.name === 'reported as')).to.equal(true);
      });
    }

    it("puts the analyst's comment first in each technique's comment, and keeps its source and evidence", () => {
      // Straight from the campaign file: every technique entry with a comment, source and evidence.
      const text = readFileSync(join(repoRoot, 'campaigns/apt32-covid19-wuhan.yaml'), 'utf8');
      const written = (parse(text) as { techniques: Array<{ ref: string; comment?: string; source?: string; evidence?: string }> }).techniques;
      const annotated = written.filter((t) => t.comment && t.source && t.evidence);
      expect(annotated.length).to.be.greaterThan(3);
      const flat = (t: string): string => t.replace(/\s+/g, ' ').trim();
      for (const technique of annotated) {
        const entry = layer.techniques!.find((e) => e.metadata?.some((m) => 'name' in m && m.name === 'reported as' && m.value === flat(technique.ref)));
        expect(entry, technique.ref).to.not.equal(undefined);
        expect(entry!.comment!.startsWith(flat(technique.comment!)), `${technique.ref}: ${entry!.comment}`).to.equal(true);
        expect(entry!.metadata).to.deep.include({ name: 'source', value: flat(technique.source!) });
        expect(entry!.metadata).to.deep.include({ name: 'evidence', value: flat(technique.evidence!) });
      }
    });

    it("keeps the software entries' comment on the techniques inferred from them (TEMP.Periscope's AIRBREAK)", () => {
      const { layer: other } = renderCampaignLayer(periscope.result, periscope.index, { model: 'presence' });
      const fromOrz = other.techniques!.filter((e) => e.metadata?.some((m) => 'name' in m && m.name === 'inferred from' && m.value === 'S0229 Orz'));
      expect(fromOrz.length).to.be.greaterThan(0);
      const note = 'Sent as a spearphishing attachment to the CNRP; ATT&CK 18.1 lists AIRBREAK as an alias of Orz (S0229).';
      for (const entry of fromOrz) {
        expect(entry.metadata, entry.techniqueID).to.deep.include({ name: 'analyst comment on S0229 Orz', value: note });
        if (entry.color === INFERRED_COLOR) expect(entry.comment!.startsWith(note), entry.techniqueID).to.equal(true);
      }
    });

    it('says that Execution no longer applies to T1218.010', () => {
      expect(only(layer, 'T1218.010').comment).to.include('Execution no longer applies');
    });

    it('expands T1566 and T1218 (not reported themselves) with showSubtechniques alone, which Navigator does not underline', () => {
      expect(only(layer, 'T1566')).to.deep.equal({ techniqueID: 'T1566', showSubtechniques: true });
      expect(only(layer, 'T1218')).to.include({ showSubtechniques: true });
      expect(layer.layout?.expandedSubtechniques).to.equal('annotated');
    });

    it('has exactly those techniques', () => {
      expect([...new Set(layer.techniques!.map((entry) => entry.techniqueID))]).to.deep.equal([
        'T1095', 'T1204', 'T1218', 'T1218.010', 'T1566', 'T1566.001', 'T1566.002', 'T1573',
      ]);
    });

    it('names ATT&CK 18 and Navigator 5.1.0, filters to the campaign platforms, keeps releases in metadata and no timestamps', () => {
      expect(layer.versions).to.deep.equal({ attack: '18', navigator: '5.1.0', layer: '4.5' });
      expect(layer).to.include({ name: 'APT32 targets Wuhan government (COVID-19)', domain: 'enterprise-attack', sorting: 0, hideDisabled: false });
      expect(layer.filters).to.deep.equal({ platforms: ['Windows'] });
      expect(layer.metadata).to.deep.include.members([
        { name: 'campaign', value: 'apt32-covid19-wuhan' },
        { name: 'actor', value: 'APT32 (G0050)' },
        { name: 'ATT&CK release', value: 'enterprise-attack 18.1' },
        { name: 'source release', value: '6.3' },
        { name: 'generated by', value: 'attack-layers' },
      ]);
      expect(serializeLayer(layer)).not.to.match(/\d{4}-\d\d-\d\dT\d\d:/);
    });

    it('describes the campaign: actor, dates, the number of techniques, every reference resolved', () => {
      expect(layer.description).to.include('Actor: APT32 (G0050).');
      expect(layer.description).to.include('Dates: first seen 2020-01-06, last seen 2020-04, published 2020-04-22.');
      expect(layer.description).to.include('6 techniques: 6 observed, 0 only inferred from software');
      expect(layer.description).to.include('Every reference was resolved.');
    });
  });

  // G0016 APT29 is of enterprise alone: an ICS campaign's actor APT29 was described as "not in ATT&CK".
  it("describes an actor of another domain than the campaign's by the domain that has it (APT29 in an ICS campaign)", () => {
    const file = join(freshTmpDir('render-actor'), 'ics.yaml');
    writeFileSync(file, 'name: ICS intrusion\ndomain: ics-attack\nactor: APT29\ntechniques: [T0817]\n');
    const [{ result, index }] = normalizeFiles([file]) as [ReturnType<typeof normalizeFiles>[number]];
    const { layer } = renderCampaignLayer(result, index, { model: 'presence' });
    expect(layer.description).to.include('Actor: APT29 (G0016 APT29 of enterprise-attack, not of ics-attack).');
    expect(layer.metadata).to.deep.include({ name: 'actor', value: 'APT29 (G0016 APT29 of enterprise-attack, not of ics-attack)' });
  });

  // `actor: Lazarus` was described as "Lazarus (not in ATT&CK)"; read as G0032, it is named as `actor: Lazarus Group` is.
  it('names the group a short form under actor: is read as, as it names one written whole (Lazarus: G0032)', () => {
    const file = join(freshTmpDir('render-actor'), 'short.yaml');
    writeFileSync(file, 'name: Dream Job\nactor: Lazarus\ntechniques: [T1566.001]\n');
    const [{ result, index }] = normalizeFiles([file]) as [ReturnType<typeof normalizeFiles>[number]];
    const { layer } = renderCampaignLayer(result, index, { model: 'presence' });
    expect(layer.description).to.include('Actor: Lazarus Group (G0032).');
    expect(layer.metadata).to.deep.include({ name: 'actor', value: 'Lazarus Group (G0032)' });
  });

  describe('the hand-written campaign', () => {
    let layer: NavigatorLayer;
    let warnings: string[];
    before(() => {
      ({ layer, warnings } = renderCampaignLayer(golden.result, golden.index, { model: 'presence' }));
    });

    it('lists the unresolved references with their status in the description and the warnings', () => {
      expect(layer.description).to.include('Unresolved references (not in the layer): "T1999" (line 36, unknown)');
      expect(layer.description).to.include('"Scripting (T1064)" (line 39, deprecated)');
      expect(warnings.filter((w) => w.includes('unresolved reference'))).to.have.length(2);
      expect(entries(layer, 'T1064')).to.deep.equal([]);
    });

    it('paints inferred-only techniques with their own colour, at half the score, with the software in metadata', () => {
      const inferred = layer.techniques!.filter((entry) => entry.color === INFERRED_COLOR);
      expect(inferred.map((entry) => entry.techniqueID)).to.deep.equal(['T1014', 'T1055', 'T1090']);
      for (const entry of inferred) {
        expect(entry).to.include({ score: 50 });
        expect(entry.tactic).to.equal(undefined);
        expect(entry.comment).to.equal(`inferred: ATT&CK 18.1 documents HTRAN (S0040) using ${entry.techniqueID}`);
        expect(entry.metadata).to.deep.include({ name: 'inferred from', value: 'S0040 HTRAN' });
      }
      expect(layer.legendItems).to.deep.include({ label: INFERRED_LABEL, color: INFERRED_COLOR });
      const observed = layer.techniques!.filter((entry) => entry.color === undefined && typeof entry.score === 'number');
      expect(observed.every((entry) => entry.score! > 50)).to.equal(true);
    });

    it('lets an explicit score win over the model', () => {
      expect(only(layer, 'T1059')).to.include({ tactic: 'execution', score: 80, showSubtechniques: true });
      expect(only(layer, 'T1059').metadata?.[0]).to.deep.equal({ name: 'score', value: '80 (explicit: given in the campaign, overrides the model)' });
    });

    it('keeps the analyst comment and the evidence in the metadata', () => {
      expect(only(layer, 'T1218.010').metadata).to.deep.include.members([
        { name: 'confidence', value: 'low' },
        { name: 'status', value: 'revoked' },
        { name: 'analyst comment', value: 'The loader is a DLL; how it is loaded is not said.' },
        { name: 'evidence', value: 'the export is called when the DLL loads' },
      ]);
    });

    it('links the sources that have a URL', () => {
      expect(layer.links).to.deep.equal([{ label: 'The golden report', url: 'https://example.com/golden-report' }]);
      expect(only(layer, 'T1566.001').links).to.deep.equal(layer.links);
      expect(layer.description).to.include('Source: A report with no URL');
    });
  });

  it('expands a parent under each of its tactics its own entries do not cover', () => {
    const { layer } = renderCampaignLayer(second.result, second.index, { model: 'presence' });
    expect(entries(layer, 'T1078').map((entry) => [entry.tactic, entry.score, entry.showSubtechniques])).to.deep.equal([
      ['defense-evasion', undefined, true],
      ['initial-access', 100, true],
      ['persistence', undefined, true],
      ['privilege-escalation', undefined, true],
    ]);
    expect(only(layer, 'T1078.003').tactic).to.equal(undefined);
  });

  describe('every layer is valid and loses nothing in Navigator', () => {
    for (const model of SCORE_MODEL_NAMES) {
      it(`${model}: each campaign's layer and the aggregate pass the schema and validateLayer`, () => {
        const all = [golden, second, apt32, periscope];
        const layers = all.map(({ result, index }) => renderCampaignLayer(result, index, { model }).layer);
        layers.push(renderAggregateLayer(all.map((item) => item.result), apt32.index, { name: 'all', model }).layer);
        for (const layer of layers) {
          expect(schemaIssues('layer-4.5', layer), layer.name).to.deep.equal([]);
          expect(findings(layer), layer.name).to.deep.equal([]);
        }
      });
    }
  });

  // Navigator 5.1 shows no metadata item with an empty value and no link with an empty label (Metadata.valid() and
  // Link.valid(), mitre-attack/attack-navigator nav-app/src/app/classes): blank campaign text gave both.
  it('writes no metadata item or link label from blank campaign text (a comment, evidence, source or source title of spaces)', () => {
    const file = join(freshTmpDir('render-blank'), 'blank.yaml');
    writeFileSync(
      file,
      ['name: blank fields', 'domain: enterprise-attack', 'sources:', '  - url: https://example.org/report', '    title: "  "', 'techniques:', '  - ref: T1059.001', '    comment: "   "', '    evidence: " "', '    source: "  "', ''].join('\n'),
    );
    const [item] = normalizeFiles([file]) as [Item];
    const { layer } = renderCampaignLayer(item.result, item.index, { model: 'presence' });
    const entry = only(layer, 'T1059.001');
    expect((entry.metadata ?? []).map((m) => ('name' in m ? m.name : 'divider'))).to.not.include.members(['analyst comment', 'evidence', 'source']);
    expect(entry.links).to.deep.equal([{ label: 'https://example.org/report', url: 'https://example.org/report' }]);
    expect(entry.comment).to.not.match(/^ *\|/);
    expect(findings(layer)).to.deep.equal([]);
  });

  it("widens the campaign's platform filter by the platforms of techniques it would hide, and says so", () => {
    const [item] = normalizeFiles([fixture('platform-filter-campaign.yaml')]) as [Item];
    const { layer, warnings } = renderCampaignLayer(item.result, item.index, { model: 'presence' });
    expect(layer.filters?.platforms).to.deep.equal(['Windows', 'ESXi', 'Linux', 'PRE', 'macOS']);
    expect(warnings).to.include.members([
      "T1053.003 (Cron) runs on Linux, macOS, ESXi, which the campaign's platforms (Windows) do not name: added to the layer's platform filter so that Navigator shows it; check the mapping or the campaign's platforms",
      "T1583.001 (Domains) runs on PRE, which the campaign's platforms (Windows) do not name: added to the layer's platform filter so that Navigator shows it",
    ]);
    // Without the widening validate says what Navigator would hide; with it, nothing.
    expect(findings({ ...layer, filters: { platforms: ['Windows'] } }).filter((message) => / so Navigator hides it/.test(message))).to.have.length(2);
    expect(findings(layer)).to.deep.equal([]);
    const aggregate = renderAggregateLayer([item.result, apt32.result], item.index, { name: 'both', model: 'presence' });
    expect(aggregate.layer.filters?.platforms).to.deep.equal(['Windows', 'ESXi', 'Linux', 'PRE', 'macOS']);
  });

  // CISA AA21-008A names the victims' platforms as they were called in 2021: Azure AD, Office 365, and M365.
  it('writes the platform filter in the release\'s names: renamed ones under their new name, unknown ones left out, each said (CISA AA21-008A)', () => {
    const [item] = normalizeFiles([fixture('cisa-aa21-008a-cloud.yaml')]) as [Item];
    const { layer, warnings } = renderCampaignLayer(item.result, item.index, { model: 'presence' });
    expect(layer.filters?.platforms).to.deep.equal(['Identity Provider', 'Office Suite']);
    const file = item.result.file;
    expect(warnings).to.include.members([
      `${file}: platform "Azure AD" is "Identity Provider" in enterprise-attack 18.1 (ATT&CK 16.0 renamed it): the layer's platform filter lists it so`,
      `${file}: platform "Office 365" is "Office Suite" in enterprise-attack 18.1 (ATT&CK 16.0 renamed it): the layer's platform filter lists it so`,
    ]);
    expect(warnings.filter((w) => w.startsWith(`${file}: platform "M365" is not a platform of enterprise-attack 18.1: left out of the layer's platform filter`))).to.have.length(1);
    // Read as written, the names match no technique: Identity Provider's and Office Suite's techniques widened the
    // filter, each with a warning to check the mapping, and validate said every name filters nothing.
    expect(warnings.filter((w) => / runs on .* added to the layer's platform filter/.test(w))).to.deep.equal([]);
    expect(findings({ ...layer, filters: { platforms: ['Azure AD', 'Office 365', 'M365'] } }).filter((m) => /filters nothing/.test(m))).to.have.length(3);
    expect(findings(layer)).to.deep.equal([]);
    // The aggregate with a campaign on Windows lists both campaigns' platforms, in the release's names.
    const aggregate = renderAggregateLayer([item.result, golden.result], item.index, { name: 'both', model: 'presence' });
    expect(aggregate.layer.filters?.platforms).to.deep.equal(['Identity Provider', 'Office Suite', 'Windows']);
    expect(findings(aggregate.layer)).to.deep.equal([]);
  });

  it("gives a campaign that names software only (a skeleton of FireEye's TEMP.Periscope post) no legend item of observed scores", () => {
    const tools: NormalizedCampaign = { ...periscope.result, techniques: periscope.result.techniques.filter((t) => !t.observed) };
    for (const model of SCORE_MODEL_NAMES) {
      const { layer } = renderCampaignLayer(tools, periscope.index, { model });
      expect(layer.techniques!.filter((entry) => entry.score !== undefined && entry.color !== INFERRED_COLOR), model).to.deep.equal([]);
      expect(layer.legendItems, model).to.deep.equal([{ label: INFERRED_LABEL, color: INFERRED_COLOR }]);
    }
  });

  it('renders byte-identical layers twice', () => {
    const [again] = normalizeFiles([fixture('golden-campaign.yaml')]) as [Item];
    for (const model of SCORE_MODEL_NAMES) {
      const first = serializeLayer(renderCampaignLayer(golden.result, golden.index, { model }).layer);
      expect(serializeLayer(renderCampaignLayer(again.result, again.index, { model }).layer)).to.equal(first);
    }
  });

  describe('frequency and recency in the layer of one campaign', () => {
    it('frequency: observed 1, inferred-only 0.5, on a gradient from 0 to 1', () => {
      const { layer } = renderCampaignLayer(periscope.result, periscope.index, { model: 'frequency' });
      expect(layer.gradient).to.include({ minValue: 0, maxValue: 1 });
      expect(only(layer, 'T1566.001').score).to.equal(1);
      expect(only(layer, 'T1003')).to.include({ score: 0.5, color: INFERRED_COLOR });
      expect(layer.legendItems?.map((item) => item.label)).to.deep.equal(['used in 1 campaign', INFERRED_LABEL]);
    });

    it('recency: ages from the newest date of the campaign unless asOf is given', () => {
      // last seen 2020-04 (2020-04-01), newest date published 2020-04-22: 21 days, 0.5^(21/365) = 0.961
      const { layer } = renderCampaignLayer(apt32.result, apt32.index, { model: 'recency' });
      expect(only(layer, 'T1204').score).to.equal(0.961);
      expect(layer.metadata).to.deep.include({ name: 'as of', value: '2020-04-22' });
      // 2020-04-01 -> 2022-03-31 is 729 days; with a half-life of 729 days the weight is 0.5.
      const older = renderCampaignLayer(apt32.result, apt32.index, { model: 'recency', asOf: '2022-03-31', halfLifeDays: 729 }).layer;
      expect(only(older, 'T1204').score).to.equal(0.5);
      expect(older.metadata).to.deep.include.members([{ name: 'as of', value: '2022-03-31' }, { name: 'half-life', value: '729 days' }]);
    });

    // A campaign extract writes from a report that gives no date, or one aged past every half-life: its observed
    // entries score 0, the gradient's white, which Navigator gives cells with no annotation.
    it('recency: says when a campaign weighs 0, so that its observed techniques would be painted as unannotated cells', () => {
      const { firstSeen: _first, lastSeen: _last, published: _published, ...undated } = apt32.result.campaign;
      const result: NormalizedCampaign = { ...apt32.result, campaign: undated };
      const { layer, warnings } = renderCampaignLayer(result, apt32.index, { model: 'recency' });
      expect(only(layer, 'T1204').score).to.equal(0);
      expect(layer.gradient?.colors[0]).to.equal('#ffffff');
      expect(warnings).to.include(
        `${result.file}: campaign apt32-covid19-wuhan gives no date (last_seen, published or first_seen, nor does any campaign rendered with it), ` +
          'so the recency model weighs it 0: the techniques only it reports score 0, which Navigator paints #ffffff, as it paints cells with no ' +
          'annotation; give the campaign its dates, or render with another scoring model',
      );
      // Aged: last seen 2020-04, as of 2035-01-01 with the default half-life, 0.5^14.8 rounds to 0.
      const aged = renderCampaignLayer(apt32.result, apt32.index, { model: 'recency', asOf: '2035-01-01' });
      expect(only(aged.layer, 'T1204').score).to.equal(0);
      expect(aged.warnings.filter((w) => w.includes('was last seen 2020-04, so long before the as-of date 2035-01-01 that the recency model weighs it 0'))).to.have.length(1);
      // In an aggregate with a dated campaign, only the undated one is named; its dated partner and other models say nothing.
      const both = renderAggregateLayer([result, periscope.result], apt32.index, { name: 'both', model: 'recency' });
      expect(both.warnings.filter((w) => / weighs it 0/.test(w))).to.deep.equal([warnings.find((w) => / weighs it 0/.test(w))!.replace(', nor does any campaign rendered with it', '')]);
      for (const model of ['presence', 'frequency'] as const) {
        expect(renderCampaignLayer(result, apt32.index, { model }).warnings.filter((w) => / weighs it 0/.test(w)), model).to.deep.equal([]);
      }
      expect(renderCampaignLayer(apt32.result, apt32.index, { model: 'recency' }).warnings.filter((w) => / weighs it 0/.test(w))).to.deep.equal([]);
    });
  });

  describe('aggregate layers', () => {
    let layer: NavigatorLayer;
    before(() => {
      layer = renderAggregateLayer([apt32.result, periscope.result], apt32.index, { name: 'all', model: 'frequency' }).layer;
    });

    it('counts the campaigns that report a technique, not those that only infer it', () => {
      expect(only(layer, 'T1566.001').score).to.equal(2);
      expect(only(layer, 'T1218.010').score).to.equal(1);
      expect(only(layer, 'T1218.010').comment).to.include('[temp-periscope-cambodia-2018] Sent as a spearphishing attachment to the CNRP');
      expect(only(layer, 'T1218.010').comment).to.include('inferred: ATT&CK 18.1 documents Orz (S0229)');
      expect(layer.gradient).to.include({ minValue: 0, maxValue: 2 });
      expect(layer.legendItems?.map((item) => item.label)).to.deep.equal(['used in 1 campaign', 'used in 2 campaigns', INFERRED_LABEL]);
    });

    it('writes the same bytes whatever order the campaigns are given in', () => {
      const reversed = renderAggregateLayer([periscope.result, apt32.result], apt32.index, { name: 'all', model: 'frequency' }).layer;
      expect(serializeLayer(reversed)).to.equal(serializeLayer(layer));
    });

    it("names in its description each campaign's sources that have no URL, as the campaigns' own layers do", () => {
      // The APT32 campaign names FireEye's Japanese translation and the English original by title only: no link shows them.
      const lines = layer.description!.split('\n');
      const own = renderCampaignLayer(apt32.result, apt32.index, { model: 'frequency' }).layer.description!.split('\n');
      const sources = own.filter((line) => line.startsWith('Source: '));
      expect(sources).to.have.length(2);
      expect(lines.filter((line) => line.startsWith('Source ('))).to.deep.equal([
        ...sources.map((line) => line.replace('Source: ', 'Source (apt32-covid19-wuhan): ')),
        ...periscope.result.campaign.sources.map((source) => `Source (temp-periscope-cambodia-2018): ${source.title!.replace(/\s+/g, ' ').trim()}`),
      ]);
    });

    it('sets a platform filter only when every campaign names its platforms', () => {
      expect(layer.filters).to.equal(undefined);
      expect(layer.metadata).to.deep.include({ name: 'campaigns', value: 'apt32-covid19-wuhan, temp-periscope-cambodia-2018' });
    });

    it('drops the tactic of a technique one campaign placed and another did not', () => {
      const { layer: both } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'presence' });
      expect(entries(both, 'T1059.001').map((entry) => entry.tactic)).to.deep.equal([undefined]);
    });

    it("says the release a campaign's references (IDs and names) were read as of, as its own layer does (golden-campaign: 6.3)", () => {
      const { layer: both } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'presence' });
      const own = renderCampaignLayer(golden.result, golden.index, { model: 'presence' }).layer;
      expect(own.metadata).to.deep.include({ name: 'source release', value: '6.3' });
      expect(both.metadata).to.deep.include({ name: 'source release', value: `${golden.result.id}: 6.3` });
      expect(both.metadata?.filter((item) => 'name' in item && item.name === 'source release')).to.have.length(1);
      expect(both.description).to.contain(`(${golden.result.id}, references read as of ATT&CK 6.3)`);
    });

    it('keeps, with minCampaigns, only the entries that many campaigns report, and says what it left out', () => {
      const all = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'frequency' }).layer;
      const { layer: common } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'frequency', minCampaigns: 2 });
      const key = (entry: LayerTechnique): string => `${entry.techniqueID} ${entry.tactic ?? ''}`;
      const both = all.techniques!.filter((entry) => entry.score === 2);
      const fewer = all.techniques!.filter((entry) => entry.score === 1 || entry.score === 0.5);
      expect(both.length).to.be.greaterThan(0);
      expect(common.techniques!.filter((entry) => entry.score !== undefined)).to.deep.equal(both);
      expect(common.metadata).to.deep.include({ name: 'minimum campaigns', value: '2 of 2' });
      // No entry is used in 1 campaign, so the legend does not say what that colour means; the gradient stays 0..2.
      expect(common.legendItems?.map((item) => item.label)).to.deep.equal(['used in 2 campaigns']);
      expect(common.gradient).to.include({ minValue: 0, maxValue: 2 });
      expect(common.description).to.contain(`Only what both campaigns report (under the entry's tactic, where they place it under some): ${fewer.length} entries of fewer campaigns left out: `);
      expect(common.techniques!.map(key)).to.not.include.members(fewer.map(key));
      expect(findings(common)).to.deep.equal([]);
      const reversed = renderAggregateLayer([second.result, golden.result], golden.index, { name: 'golden', model: 'frequency', minCampaigns: 2 }).layer;
      expect(serializeLayer(reversed)).to.equal(serializeLayer(common));
    });

    it('leaves out, with minCampaigns, the recency legend items below the sum of the oldest campaigns\' weights', () => {
      const all = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'recency' }).layer;
      const { layer: common } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'recency', minCampaigns: 2 });
      // As of 2021-05-15 (golden-second's last_seen, weight 1), golden-campaign's 2020-04-01 weighs 0.5^(409/365):
      // every kept entry scores 1 + 0.46 or more, above the items for 0.5 and 1, which the full aggregate's legend keeps.
      const scores = common.techniques!.map((entry) => entry.score).filter((score): score is number => score !== undefined);
      expect(Math.min(...scores)).to.equal(1.46);
      expect(Math.max(...scores)).to.equal(1.46);
      expect(all.legendItems?.map((item) => item.label)).to.include.members(['one campaign seen on 2021-05-15 (1)', 'reported by both campaigns (1.46)']);
      expect(common.legendItems?.map((item) => item.label)).to.deep.equal(['reported by both campaigns (1.46)']);
      expect(common.gradient).to.include({ minValue: 0, maxValue: 1.46 });
    });

    // With and without a minimum, no recency legend item of an observed score is above the highest score a kept entry
    // has here, nor below the lowest (the inferred item has a colour of its own). Frequency's items, 1..N, always were.
    for (const model of ['recency'] as const) {
      for (const minCampaigns of [1, 2]) {
        it(`has no ${model} legend item outside the scores its kept entries have (minCampaigns ${minCampaigns})`, () => {
          const { layer: both } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model, minCampaigns });
          const observed = both.techniques!.filter((entry) => entry.score !== undefined && entry.color !== INFERRED_COLOR).map((entry) => entry.score!);
          const items = both.legendItems!.filter((item) => item.label !== INFERRED_LABEL);
          expect(items.length, 'legend items of observed scores').to.be.greaterThan(0);
          // A label names the score it colours: `used in 2 campaigns` 2, `reported by both campaigns (1.46)` 1.46.
          const value = (label: string): number => Number((/\(([\d.]+)\)$/.exec(label) ?? /used in (\d+)/.exec(label))?.[1]);
          for (const item of items) expect(value(item.label), item.label).to.be.within(Math.min(...observed), Math.max(...observed));
        });
      }
    }

    it('gives a recency aggregate a top legend item at what all its campaigns add up to, not at their number (Navigator paints 2 in no entry)', () => {
      // golden-campaign weighs 0.46 as of 2021-05-15: no entry can score 2, so "2 campaigns, all seen on 2021-05-15 (2)" was legend for nothing.
      const { layer: both } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'recency' });
      expect(both.legendItems?.map((item) => item.label)).to.deep.equal([
        'one campaign seen 365 days (one half-life) before 2021-05-15 (0.5)',
        'one campaign seen on 2021-05-15 (1)',
        'reported by both campaigns (1.46)',
        INFERRED_LABEL,
      ]);
      expect(both.legendItems?.[2]?.color).to.equal(gradientColor(both.gradient as Gradient, 1.46));
    });

    it("keeps every campaign's procedure whole in the comment of a technique six campaigns report, leaving to the metadata how each wrote it", () => {
      // T1105 in five ATT&CK 18.1 campaigns (test/fixtures/render/attack-campaigns) and the Cambodia campaign: each
      // campaign's words followed by `reported as "Ingress Tool Transfer (T1105)"; T1105 Ingress Tool Transfer is current
      // in ATT&CK 18.1`, which its `reported as` and `status` items say too, were too tall for Navigator's tooltip: the
      // comment was cut in the Cambodia campaign's first words ("EVILTECH runs on the…"), c0040's and its metadata not shown.
      const attack = normalizeFiles([fixture('attack-campaigns'), join(repoRoot, 'campaigns/temp-periscope-cambodia-2018.yaml')]);
      const { layer } = renderAggregateLayer(attack.map((item) => item.result), attack[0]!.index, { name: 'six', model: 'frequency' });
      const entry = only(layer, 'T1105');
      expect(entry.score).to.equal(6);
      const comment = entry.comment!.split(' | ');
      expect(comment.slice(0, 6)).to.deep.equal([
        '[c0017] During C0017, APT41 downloaded malicious payloads onto compromised systems.',
        '[c0022] During Operation Dream Job, Lazarus Group downloaded multistage malware and tools onto a compromised host.',
        '[c0024] During the SolarWinds Compromise, APT29 downloaded additional malware, such as TEARDROP and Cobalt Strike, onto a compromised host following initial access.',
        '[c0027] During C0027, Scattered Spider downloaded tools using victim organization systems.',
        '[c0040] APT41 DUST involved execution of `certutil.exe` via web shell to download the DUSTPAN dropper.',
        '[temp-periscope-cambodia-2018] EVILTECH runs on the system through the infection process and leads to redirection to, and probably the download of, ' +
          'additional malware; "probably" is the report\'s word, hence medium.',
      ]);
      // A reference placed under a tactic, or resolved with a note, keeps its line: the metadata says no more of it.
      expect(entry.comment).to.contain('reported as "Ingress Tool Transfer (T1105)" under Command and Control');
      expect(entry.comment).to.not.contain('cut to fit');
      expect(entry.metadata!.filter((item) => 'name' in item && item.name === 'reported as')).to.have.length.greaterThan(0);
      // The campaigns' own layers, each of one technique, keep the provenance in the comment.
      expect(renderCampaignLayer(attack[0]!.result, attack[0]!.index, { model: 'frequency' }).layer.techniques![0]!.comment).to.equal(
        'During C0017, APT41 downloaded malicious payloads onto compromised systems. | reported as "Ingress Tool Transfer (T1105)"; T1105 Ingress Tool Transfer is current in ATT&CK 18.1',
      );
      expect(findings(layer)).to.deep.equal([]);
    });

    it('runs a recency aggregate\'s gradient to what all its campaigns add up to, so its top entries are painted red, not pale pink', () => {
      // On 0..2 (the number of campaigns), the entries both campaigns report, 1.46, were painted #ff8e8e, never the
      // gradient's red; of ten ATT&CK campaigns seen 2018 to 2024 the highest score, 2.119 of 10, #ffdfdf, near white.
      const { layer: both } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'recency' });
      expect(both.gradient).to.include({ minValue: 0, maxValue: 1.46 });
      expect(both.legendItems?.map((item) => item.color)).to.deep.equal(['#ffcaca', '#ff9696', '#ff6666', INFERRED_COLOR]);
      const reportedByBoth = both.techniques!.filter((entry) => entry.score === 1.46);
      expect(reportedByBoth.length).to.be.greaterThan(0);
      expect(gradientColor(both.gradient as Gradient, 1.46)).to.equal('#ff6666');
      expect(findings(both)).to.deep.equal([]);
    });

    it("gives a campaign's own recency layer one legend item, at the campaign's weight, every observed entry's score", () => {
      // As of 2021-05-15 the Cambodia campaign (last seen 2018-07) weighs 0.136: the items for 0.5 and 1 were colours no entry had.
      const { layer: one } = renderCampaignLayer(periscope.result, periscope.index, { model: 'recency', asOf: '2021-05-15' });
      expect(only(one, 'T1566.001').score).to.equal(0.136);
      expect(one.legendItems?.map((item) => item.label)).to.deep.equal(['observed in the campaign (0.136)', INFERRED_LABEL]);
    });

    it('refuses a minCampaigns that is not a whole number from 1 to the number of campaigns', () => {
      for (const minCampaigns of [0, 1.5, 3]) {
        expect(() => renderAggregateLayer([golden.result, second.result], golden.index, { name: 'g', model: 'presence', minCampaigns })).to.throw(
          UsageError,
          `minCampaigns: ${minCampaigns}: give a whole number from 1 to 2, the number of campaigns in aggregate layer "g"`,
        );
      }
    });

    it("keeps a campaign layer's gradient and legend for an explicit score outside the model range, scoring it the range's end, and says so", () => {
      // golden-campaign gives T1059 score: 80 (a 0..100 score) and is rendered with frequency, whose own layer is 0..1.
      const { layer: one, warnings } = renderCampaignLayer(golden.result, golden.index, { model: 'frequency' });
      expect(one.gradient).to.include({ minValue: 0, maxValue: 1 });
      expect(only(one, 'T1059').score).to.equal(1);
      expect(only(one, 'T1059').metadata?.[0]).to.deep.equal({
        name: 'score',
        value: "1 (explicit: 80 given in the campaign, outside the frequency model's range 0..1: taken as 1, overrides the model)",
      });
      // The legend's colour is the observed entries' colour: full red, not the #fffdfd a 0..80 gradient gave them.
      expect(one.legendItems?.[0]).to.deep.equal({ label: 'used in 1 campaign', color: '#ff6666' });
      expect(warnings).to.include(
        `${golden.result.file}: T1059: explicit score 80 is outside the frequency model's range 0..1: scored 1, the end of the range, ` +
          "which Navigator would paint 80 as too; the gradient and legend stay 0..1 and the score's metadata says 80 was given: " +
          'fix the score, or render with a model whose range holds it',
      );
      expect(findings(one)).to.deep.equal([]);
    });

    it('takes an explicit score above 100 at 100 in a presence aggregate, naming the campaign that gave it', () => {
      // golden-campaign's T1059 given score: 150 instead of 80, on its reference and its technique.
      const high: NormalizedCampaign = {
        ...golden.result,
        references: golden.result.references.map((r) => (r.score === 80 ? { ...r, score: 150 } : r)),
        techniques: golden.result.techniques.map((t) => (t.score === 80 ? { ...t, score: 150 } : t)),
      };
      const { layer: both, warnings } = renderAggregateLayer([high, second.result], golden.index, { name: 'golden', model: 'presence' });
      expect(both.gradient).to.include({ minValue: 0, maxValue: 100 });
      expect(only(both, 'T1059').score).to.equal(100);
      expect(warnings.filter((warning) => warning.includes('explicit score'))).to.deep.equal([
        `aggregate layer "golden": T1059: explicit score 150 in ${golden.result.id} is outside the presence model's range 0..100: scored 100, ` +
          "the end of the range, which Navigator would paint 150 as too; the gradient and legend stay 0..100 and the score's metadata says 150 was given: " +
          'fix the score, or render with a model whose range holds it',
      ]);
    });

    it('counts campaigns in a frequency aggregate whatever explicit score one gives: the legend stays "used in k campaigns"', () => {
      const { layer: both, warnings } = renderAggregateLayer([golden.result, second.result], golden.index, { name: 'golden', model: 'frequency' });
      expect(both.gradient).to.include({ minValue: 0, maxValue: 2 });
      // Said on stderr too, once for the layer: the metadata alone is read only by one who hovers over the cell.
      expect(warnings.filter((warning) => warning.includes('explicit score'))).to.deep.equal([
        `aggregate layer "golden": frequency counts campaigns, so 1 explicit score of the campaigns is not taken: T1059 (80 in ${golden.result.id}); each entry's score metadata names it`,
      ]);
      expect(only(both, 'T1059')).to.include({ score: 1 });
      expect(only(both, 'T1059').metadata?.[0]).to.deep.equal({
        name: 'score',
        value: `1 (frequency: reported in 1 campaign: ${golden.result.id}; explicit score 80 in ${golden.result.id} not taken: frequency counts campaigns)`,
      });
    });
  });

  describe('a technique two reports place under different tactics (Volt Typhoon: Valid Accounts)', () => {
    let volt: Item;
    let lazarus: Item;
    before(() => {
      [volt, lazarus] = normalizeFiles([fixture('two-reports.yaml'), fixture('one-report.yaml')]) as [Item, Item];
    });

    function under(layer: NavigatorLayer, tactic: string): LayerTechnique {
      const found = entries(layer, 'T1078').filter((entry) => entry.tactic === tactic);
      expect(found, `T1078 under ${tactic}`).to.have.length(1);
      return found[0]!;
    }
    const values = (entry: LayerTechnique, name: string): unknown[] =>
      (entry.metadata ?? []).filter((item) => 'name' in item && item.name === name).map((item) => 'value' in item && item.value);

    it("annotates each tactic's entry with the reference placed there only: its evidence, source and comment", () => {
      const { layer } = renderCampaignLayer(volt.result, volt.index, { model: 'presence' });
      const persistence = under(layer, 'persistence');
      const initial = under(layer, 'initial-access');
      expect(values(persistence, 'evidence')).to.deep.equal(['relies on valid accounts for persistence']);
      expect(values(persistence, 'source')).to.deep.equal(['deceiver.io, Procedure']);
      expect(persistence.comment).to.not.include('Valid Accounts (T1078)');
      expect(values(initial, 'evidence')).to.deep.equal(['logs in to the victim network over VPN with stolen credentials']);
      expect(initial.comment).to.include('reported as "Valid Accounts (T1078)" under Initial Access').and.not.include('under Persistence');
    });

    it("scores each tactic's entry by the references placed there (confidence: low under Initial Access, high under Persistence)", () => {
      const { layer } = renderCampaignLayer(volt.result, volt.index, { model: 'confidence' });
      expect(under(layer, 'initial-access').score).to.equal(25);
      expect(under(layer, 'persistence').score).to.equal(90);
    });

    it("says a confidence the entry does not give is the campaign's default (confidence: high), in its metadata and its score", () => {
      const { layer } = renderCampaignLayer(volt.result, volt.index, { model: 'confidence' });
      expect(values(under(layer, 'persistence'), 'confidence')).to.deep.equal(["high (the campaign's default)"]);
      expect(under(layer, 'persistence').metadata?.[0]).to.deep.equal({ name: 'score', value: "90 (confidence: high = 90, the campaign's default)" });
      expect(values(under(layer, 'initial-access'), 'confidence')).to.deep.equal(['low']);
      expect(under(layer, 'initial-access').metadata?.[0]).to.deep.equal({ name: 'score', value: '25 (confidence: low = 25)' });
    });

    it('counts, under each tactic, the campaigns that place the technique there (frequency)', () => {
      const { layer } = renderAggregateLayer([volt.result, lazarus.result], volt.index, { name: 'both', model: 'frequency' });
      expect(under(layer, 'initial-access').score).to.equal(2);
      expect(under(layer, 'persistence').score).to.equal(1);
      expect(under(layer, 'persistence').comment).to.not.include('lazarus');
      // The score's metadata names the campaigns it counts, and the description says what the count is of.
      expect(under(layer, 'initial-access').metadata?.[0]).to.deep.equal({ name: 'score', value: '2 (frequency: reported in 2 campaigns: one-report, two-reports)' });
      expect(layer.description).to.include("Score: frequency, the number of campaigns that report the technique (under the entry's tactic, where the campaigns place it under some).");
    });

    it("links each tactic's entry to the reports its references name (report:, by url or title), and names them", () => {
      const { layer } = renderCampaignLayer(volt.result, volt.index, { model: 'presence' });
      expect(under(layer, 'persistence').links?.map((link) => ('url' in link ? link.url : link))).to.deep.equal(['https://deceiver.io/2024/11/23/volt-typhoon-engagement/']);
      expect(under(layer, 'initial-access').links?.map((link) => ('url' in link ? link.url : link))).to.deep.equal(['https://hunt.io/malware-families/volt-typhoon-apt']);
      expect(values(under(layer, 'initial-access'), 'report')).to.deep.equal(['Volt Typhoon APT (hunt.io)']);
    });

    it('links a technique whose report names none of the sources to every source, keeps the name, and says where it is', () => {
      const { layer, warnings } = renderCampaignLayer(volt.result, volt.index, { model: 'presence' });
      const entry = only(layer, 'T1190');
      expect(entry.links).to.have.length(2);
      expect(values(entry, 'report')).to.deep.equal(['CISA AA24-038A']);
      const said =
        /two-reports\.yaml: line 27: \/techniques\/2\/report: "CISA AA24-038A" is the url or title of none of the campaign's sources \("Volt Typhoon Engagement \(deceiver\.io\)", "Volt Typhoon APT \(hunt\.io\)"\); .*write the url or title of one of them/;
      expect(warnings.some((warning) => said.test(warning)), warnings.join('\n')).to.equal(true);
    });

    it("keeps each reference's items together, after its own `reported as`", () => {
      const { layer } = renderAggregateLayer([volt.result, lazarus.result], volt.index, { name: 'both', model: 'frequency' });
      const items = (under(layer, 'initial-access').metadata ?? []).map((item) => ('name' in item ? `${item.name}: ${item.value}` : '--'));
      const at = items.indexOf('reported as: Valid Accounts (T1078)');
      expect(at, items.join('\n')).to.be.above(-1);
      expect(items.slice(at, at + 6)).to.deep.equal([
        'reported as: Valid Accounts (T1078)',
        'reported under: Initial Access',
        'confidence: low',
        'status: current',
        'evidence: logs in to the victim network over VPN with stolen credentials',
        'source: hunt.io, overview',
      ]);
    });
  });

  describe('refusals', () => {
    it('refuses a campaign normalized against another release', () => {
      const older = sharedLibrary().release('enterprise-attack', '6.3');
      expect(() => renderCampaignLayer(apt32.result, older, { model: 'presence' })).to.throw(InputError, /normalized against ATT&CK enterprise-attack 18\.1, not enterprise-attack 6\.3/);
    });

    it('refuses to aggregate campaigns normalized against different releases', () => {
      const older = { ...apt32.result, attack: { ...apt32.result.attack, release: '17.1' } };
      expect(() => renderAggregateLayer([older, periscope.result], apt32.index, { name: 'mixed', model: 'presence' })).to.throw(
        InputError,
        `aggregate layer "mixed": the campaigns are in different ATT&CK releases or domains (enterprise-attack 17.1: ${older.id}; enterprise-attack 18.1: ${periscope.result.id}); ` +
          "a layer has one: bring a domain's campaigns to one release with campaignReleases's to",
      );
    });

    it('refuses an as-of date that is not a date, and an empty aggregate', () => {
      expect(() => renderCampaignLayer(apt32.result, apt32.index, { model: 'recency', asOf: '22/04/2020' })).to.throw(UsageError, 'YYYY-MM-DD');
      expect(() => renderAggregateLayer([], apt32.index, { name: 'none', model: 'presence' })).to.throw(UsageError, 'no campaigns');
    });
  });
});
