/**
 * A reference without a confidence of its own takes the campaign's default, and keeps that as provenance
 * (`confidenceDefault`), so that normalize's JSON and a layer's metadata say "the campaign's default" rather than a
 * confidence the analyst never wrote for it. The campaign is Volt Typhoon as deceiver.io's "Volt Typhoon Engagement"
 * (2024-11-23) and hunt.io's profile report it, in our own words (as test/fixtures/render/two-reports.yaml).
 */
import { expect } from 'chai';
import { parseCampaign } from '../../lib/campaign/read-campaign.js';
import { campaignReleases, normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import { sharedLibrary } from '../layer/render-helpers.js';

const CAMPAIGN = [
  'name: Volt Typhoon, two reports',
  'confidence: high',
  'techniques:',
  '  - ref: T1078',
  '    tactic: Persistence',
  '  - ref: Valid Accounts (T1078)',
  '    tactic: Initial Access',
  '    confidence: high',
  '  - ref: Exploit Public-Facing Application (T1190)',
  '  - ref: T1190',
  '    confidence: low',
  '',
].join('\n');

describe('normalize/normalize-campaign: a confidence that is the campaign default', () => {
  const campaign = parseCampaign(CAMPAIGN, 'volt.yaml');
  const result = normalizeCampaign(campaign, campaignReleases(campaign, sharedLibrary()));

  it('gives the reference the default, saying it is the default (confidenceDefault), and nothing more where the entry gives one', () => {
    expect(result.references.map((r) => [r.confidence, r.confidenceDefault])).to.deep.equal([
      ['high', true],
      ['high', undefined],
      ['high', true],
      ['low', undefined],
    ]);
    expect(result.references[1]).to.not.have.property('confidenceDefault');
  });

  it("says a technique's confidence is the default only when no reference of that confidence gave its own", () => {
    const technique = (id: string) => result.techniques.find((t) => t.id === id)!;
    // T1078: high written on one entry, high by default on the other: written.
    expect([technique('T1078').confidence, technique('T1078').confidenceDefault]).to.deep.equal(['high', undefined]);
    // T1190: high by default outranks a written low.
    expect([technique('T1190').confidence, technique('T1190').confidenceDefault]).to.deep.equal(['high', true]);
  });
});
