import { expect } from 'chai';
import type { Campaign } from '../../lib/campaign/campaign-types.js';
import { UsageError } from '../../lib/errors.js';
import type { NormalizedCampaign, NormalizedTechnique } from '../../lib/normalize/normalize-types.js';
import {
  campaignDate,
  dayNumber,
  gradientColor,
  INFERRED_WEIGHT,
  newestCampaignDate,
  recencyWeight,
  SCORE_MODEL_NAMES,
  SCORE_MODELS,
  scoreModel,
  scoreTechnique,
  type ScoreContext,
  type TechniqueUse,
} from '../../lib/layer/score.js';

type CampaignFields = Partial<Pick<Campaign, 'firstSeen' | 'lastSeen' | 'published' | 'confidence'>>;

/** A normalized campaign with only what the models read. */
function campaign(id: string, fields: CampaignFields = {}): NormalizedCampaign {
  const source: Campaign = {
    file: `${id}.yaml`,
    id,
    name: id,
    sources: [],
    domain: 'enterprise-attack',
    platforms: [],
    tags: [],
    techniques: [],
    software: [],
    ...fields,
  };
  return {
    id,
    name: id,
    file: source.file,
    campaign: source,
    attack: { domain: 'enterprise-attack', release: '18.1' },
    software: [],
    references: [],
    techniques: [],
    warnings: [],
  };
}

function use(result: NormalizedCampaign, fields: Partial<NormalizedTechnique> = {}): TechniqueUse {
  const technique: NormalizedTechnique = {
    id: 'T1566.001',
    name: 'Spearphishing Attachment',
    tactics: [],
    techniqueTactics: ['initial-access'],
    observed: true,
    references: [],
    software: [],
    warnings: [],
    ...fields,
  };
  return { campaign: result, technique };
}

const inferred = { observed: false, software: [{ id: 'S0040', name: 'HTRAN' }] };

function context(fields: Partial<ScoreContext> = {}): ScoreContext {
  return { campaigns: 1, halfLifeDays: 365, asOf: '2021-04-22', ...fields };
}

describe('layer/score', () => {
  describe('dayNumber', () => {
    const rows: ReadonlyArray<readonly [string, number | undefined]> = [
      ['1970-01-02', 1],
      ['2020-04-22', 18374],
      ['2020-04', 18353],
      ['2020', 18262],
      [' 2020-04-22 ', 18374],
      ['2020-02-30', undefined],
      ['2020-13', undefined],
      ['April 2020', undefined],
      ['2020/04/22', undefined],
    ];
    for (const [date, day] of rows) {
      it(`reads "${date}" as ${String(day)}`, () => expect(dayNumber(date)).to.equal(day));
    }
  });

  describe('campaignDate and newestCampaignDate', () => {
    it('ages a campaign from last_seen, else published, else first_seen', () => {
      expect(campaignDate(campaign('a', { firstSeen: '2019', lastSeen: '2020-04', published: '2020-05-01' }))).to.equal('2020-04');
      expect(campaignDate(campaign('b', { firstSeen: '2019', published: '2020-05-01' }))).to.equal('2020-05-01');
      expect(campaignDate(campaign('c', { firstSeen: '2019' }))).to.equal('2019');
      expect(campaignDate(campaign('d'))).to.equal(undefined);
    });

    it('takes the newest date of any kind across campaigns, as YYYY-MM-DD', () => {
      const results = [
        campaign('a', { firstSeen: '2019', lastSeen: '2020-04', published: '2020-04-22' }),
        campaign('b', { firstSeen: '2020-06' }),
        campaign('c'),
      ];
      expect(newestCampaignDate(results)).to.equal('2020-06-01');
      expect(newestCampaignDate([campaign('c')])).to.equal(undefined);
    });
  });

  describe('recencyWeight', () => {
    // 2020 is a leap year, so 2020-04-22 -> 2021-04-22 is exactly 365 days.
    const rows: ReadonlyArray<readonly [string, CampaignFields, Partial<ScoreContext>, number]> = [
      ['seen on the as-of date: 1', { lastSeen: '2021-04-22' }, {}, 1],
      ['one half-life (365 days) before: 0.5', { lastSeen: '2020-04-22' }, {}, 0.5],
      ['two half-lives (730 days) before: 0.25', { lastSeen: '2019-04-23' }, {}, 0.25],
      ['365 days with a half-life of 730: 0.5^0.5', { lastSeen: '2020-04-22' }, { halfLifeDays: 730 }, Math.SQRT1_2],
      ['YYYY-MM is its first day: 2021-04 is 21 days before', { lastSeen: '2021-04' }, {}, 0.5 ** (21 / 365)],
      ['after the as-of date: age 0, so 1', { lastSeen: '2022-01-01' }, {}, 1],
      ['published when there is no last_seen', { published: '2020-04-22', firstSeen: '2010' }, {}, 0.5],
      ['undated: 0', {}, {}, 0],
      ['no as-of date: 0', { lastSeen: '2021-04-22' }, { asOf: undefined }, 0],
    ];
    for (const [label, fields, ctx, expected] of rows) {
      it(label, () => expect(recencyWeight(campaign('x', fields), context(ctx))).to.be.closeTo(expected, 1e-12));
    }
  });

  describe('scoreTechnique', () => {
    const a = campaign('a', { lastSeen: '2021-04-22', confidence: 'high' });
    const b = campaign('b', { lastSeen: '2020-04-22' });
    const c = campaign('c', { lastSeen: '2019-04-23' });
    const d = campaign('d', { lastSeen: '2018-01-01' });
    const rows: ReadonlyArray<readonly [string, keyof typeof SCORE_MODELS, TechniqueUse[], Partial<ScoreContext>, number]> = [
      ['presence: observed = 100', 'presence', [use(a)], {}, 100],
      ['presence: inferred only = 100 × 0.5 = 50', 'presence', [use(a, inferred)], {}, 50],
      ['presence: observed in one campaign, inferred in another = 100', 'presence', [use(a, inferred), use(b)], { campaigns: 2 }, 100],
      ['confidence: low = 25', 'confidence', [use(b, { confidence: 'low' })], {}, 25],
      ['confidence: medium = 50', 'confidence', [use(b, { confidence: 'medium' })], {}, 50],
      ['confidence: high = 90', 'confidence', [use(b, { confidence: 'high' })], {}, 90],
      ['confidence: a number counts as itself (70)', 'confidence', [use(b, { confidence: 70 })], {}, 70],
      ["confidence: none given takes the campaign's default (high = 90)", 'confidence', [use(a)], {}, 90],
      ['confidence: none anywhere = medium = 50', 'confidence', [use(b)], {}, 50],
      ['confidence: the highest across campaigns (low 25, 70) = 70', 'confidence', [use(b, { confidence: 'low' }), use(c, { confidence: 70 })], { campaigns: 2 }, 70],
      ["confidence: inferred only = campaign default high 90 × 0.5 = 45", 'confidence', [use(a, inferred)], {}, 45],
      ['frequency: reported in 3 campaigns = 3', 'frequency', [use(a), use(b), use(c)], { campaigns: 4 }, 3],
      ['frequency: inferred ones do not count beside reported ones = 1', 'frequency', [use(a), use(b, inferred)], { campaigns: 2 }, 1],
      ['frequency: inferred only in 2 campaigns = 2 × 0.5 = 1', 'frequency', [use(a, inferred), use(b, inferred)], { campaigns: 2 }, 1],
      ['frequency: single campaign = 1', 'frequency', [use(a)], {}, 1],
      ['recency: ages 0, 365, 730 with half-life 365 = 1 + 0.5 + 0.25 = 1.75', 'recency', [use(a), use(b), use(c)], { campaigns: 3 }, 1.75],
      [
        'recency: ages 0, 365, 730 with half-life 730 = 1 + 0.707 + 0.5 = 2.207 (3 decimals)',
        'recency',
        [use(a), use(b), use(c)],
        { campaigns: 3, halfLifeDays: 730 },
        2.207,
      ],
      // 2018-01-01 -> 2021-04-22 is 1207 days: 0.5^(1207/365) = 0.1011...
      ['recency: 1207 days = 0.101', 'recency', [use(d)], {}, 0.101],
      ['recency: inferred only, one half-life = 0.5 × 0.5 = 0.25', 'recency', [use(b, inferred)], {}, 0.25],
    ];
    for (const [label, model, uses, ctx, expected] of rows) {
      it(label, () => expect(scoreTechnique(uses, SCORE_MODELS[model], context(ctx)).score).to.equal(expected));
    }

    for (const model of SCORE_MODEL_NAMES) {
      it(`${model}: an explicit score wins in the campaign's own layer`, () => {
        const scored = scoreTechnique([use(a, { score: 0.7 })], SCORE_MODELS[model], context({ campaigns: 1 }));
        expect(scored).to.deep.equal({ score: 0.7, basis: 'explicit', inferred: false, explanation: 'explicit: given in the campaign, overrides the model' });
      });

      // Navigator paints a score beyond the gradient as its end (attack-navigator, nav-app/src/app/classes/gradient.ts,
      // getHexColor): the score is that end, the given one kept in the explanation.
      it(`${model}: an explicit score outside the model's range is taken at its nearer end, saying what was given`, () => {
        const { minValue, maxValue } = SCORE_MODELS[model].gradient(context({ campaigns: 1 }));
        for (const [given, taken] of [[150, maxValue], [-5, minValue]] as const) {
          const scored = scoreTechnique([use(a, { score: given })], SCORE_MODELS[model], context({ campaigns: 1 }));
          expect(scored).to.deep.equal({
            score: taken,
            basis: 'explicit',
            inferred: false,
            given,
            explanation: `explicit: ${given} given in the campaign, outside the ${model} model's range ${minValue}..${maxValue}: taken as ${taken}, overrides the model`,
          });
        }
      });
    }

    for (const model of ['presence', 'confidence'] as const) {
      it(`${model}: in an aggregate, the highest explicit score wins when no other campaign's value is higher, naming its campaign`, () => {
        const scored = scoreTechnique([use(a, { score: 95 }), use(b, { score: 3 })], SCORE_MODELS[model], context({ campaigns: 3 }));
        expect(scored).to.deep.equal({ score: 95, basis: 'explicit', inferred: false, explanation: 'explicit: given in a, overrides the model' });
      });

      it(`${model}: in an aggregate, an explicit score lower than another campaign's value does not pull the technique down`, () => {
        const scored = scoreTechnique([use(a, { score: 7 }), use(b, { confidence: 'high' })], SCORE_MODELS[model], context({ campaigns: 2 }));
        expect(scored.score).to.equal(model === 'presence' ? 100 : 90);
        expect(scored.basis).to.equal('model');
        expect(scored.explanation).to.match(/; higher than the explicit score 7 given in a$/);
      });
    }

    for (const model of ['frequency', 'recency'] as const) {
      it(`${model}: in an aggregate, an explicit score is not a count of campaigns: every reporting campaign counts, the score named`, () => {
        const uses = [use(a, { score: 80 }), use(b), use(c)];
        const scored = scoreTechnique(uses, SCORE_MODELS[model], context({ campaigns: 3 }));
        expect(scored.score).to.equal(scoreTechnique([use(a), use(b), use(c)], SCORE_MODELS[model], context({ campaigns: 3 })).score);
        expect(scored.basis).to.equal('model');
        expect(scored.explanation).to.match(new RegExp(`; explicit score 80 in a not taken: ${model} counts campaigns$`));
      });
    }

    it('confidence: in an aggregate, names the campaigns that gave the top value (each of a tie), and where it came from', () => {
      // a: the campaign's default high; b: high written on the entry; c: medium; d: nothing (medium assumed).
      const uses = [use(a), use(b, { confidence: 'high' }), use(c, { confidence: 'medium' }), use(d)];
      expect(scoreTechnique(uses, SCORE_MODELS.confidence, context({ campaigns: 4 })).explanation).to.equal(
        "confidence: high = 90 in a (the campaign's default), b",
      );
      expect(scoreTechnique([use(c, { confidence: 'medium' }), use(d)], SCORE_MODELS.confidence, context({ campaigns: 2 })).explanation).to.equal(
        'confidence: medium = 50 in c, d (assumed)',
      );
      expect(scoreTechnique([use(d)], SCORE_MODELS.confidence, context()).explanation).to.equal('confidence: medium = 50, assumed');
    });

    it('marks inferred-only techniques and says why they score what they score', () => {
      const scored = scoreTechnique([use(b, inferred)], SCORE_MODELS.presence, context());
      expect(scored).to.deep.equal({ score: 100 * INFERRED_WEIGHT, basis: 'model', inferred: true, explanation: 'presence: 100; inferred only: × 0.5 = 50' });
      expect(scoreTechnique([use(b), use(c)], SCORE_MODELS.recency, context({ campaigns: 2 })).explanation).to.equal(
        'recency as of 2021-04-22, half-life 365 days: b 2020-04-22: 0.5 + c 2019-04-23: 0.25',
      );
    });
  });

  describe('gradients and legends', () => {
    it('presence and confidence run from 0 to 100', () => {
      for (const model of [SCORE_MODELS.presence, SCORE_MODELS.confidence]) {
        expect(model.gradient(context({ campaigns: 5 }))).to.include({ minValue: 0, maxValue: 100 });
      }
    });

    it('frequency runs from 0 to the number of campaigns (at least 1)', () => {
      expect(SCORE_MODELS.frequency.gradient(context({ campaigns: 4, keptRange: { lowest: 1, highest: 4 } }))).to.include({ minValue: 0, maxValue: 4 });
      expect(SCORE_MODELS.frequency.gradient(context({ campaigns: 1 }))).to.include({ minValue: 0, maxValue: 1 });
    });

    it("recency runs from 0 to every campaign's weight added up, the highest score an entry can have (at least 1)", () => {
      // Four campaigns, one seen on the as-of date and three older: no entry can score 4, the top of a 0..4 gradient.
      expect(SCORE_MODELS.recency.gradient(context({ campaigns: 4, keptRange: { lowest: 0.1, highest: 1.85 } }))).to.include({ minValue: 0, maxValue: 1.85 });
      // A campaign's own layer, and an as-of date after every campaign: 1 stays the top, the weight of a campaign seen that day.
      expect(SCORE_MODELS.recency.gradient(context({ campaigns: 1, keptRange: { lowest: 0.136, highest: 0.136 } }))).to.include({ minValue: 0, maxValue: 1 });
      expect(SCORE_MODELS.recency.gradient(context({ campaigns: 3, keptRange: { lowest: 0.1, highest: 0.6 } }))).to.include({ minValue: 0, maxValue: 1 });
    });

    it('frequency: "used in 1 campaign" … "used in N campaigns", coloured along the gradient', () => {
      const ctx = context({ campaigns: 3 });
      const legend = SCORE_MODELS.frequency.legend(ctx, SCORE_MODELS.frequency.gradient(ctx));
      expect(legend).to.deep.equal([
        { label: 'used in 1 campaign', color: '#ffcccc' },
        { label: 'used in 2 campaigns', color: '#ff9797' },
        { label: 'used in 3 campaigns', color: '#ff6666' },
      ]);
    });

    it('frequency: a long legend keeps 1, N and a few steps between', () => {
      const ctx = context({ campaigns: 40 });
      expect(SCORE_MODELS.frequency.legend(ctx, SCORE_MODELS.frequency.gradient(ctx)).map((item) => item.label)).to.deep.equal(
        [1, 8, 16, 24, 32, 40].map((n) => `used in ${n} campaign${n === 1 ? '' : 's'}`),
      );
    });

    it('confidence: one legend item per level, at its value', () => {
      const ctx = context();
      const legend = SCORE_MODELS.confidence.legend(ctx, SCORE_MODELS.confidence.gradient(ctx));
      expect(legend.map((item) => item.label)).to.deep.equal(['low confidence (25)', 'medium confidence (50)', 'high confidence (90)']);
      // Navigator 5.1 paints 50 one step of its 100-colour table past the yellow stop (gradient.ts getHexColor).
      expect(legend[1]!.color).to.equal('#ffe466');
    });

    it('recency: the legend names the as-of date and the half-life', () => {
      const ctx = context({ campaigns: 2, halfLifeDays: 180 });
      expect(SCORE_MODELS.recency.legend(ctx, SCORE_MODELS.recency.gradient(ctx)).map((item) => item.label)).to.deep.equal([
        'one campaign seen 180 days (one half-life) before 2021-04-22 (0.5)',
        'one campaign seen on 2021-04-22 (1)',
        'both campaigns seen on 2021-04-22 (2)',
      ]);
    });

    // Of two campaigns, `all 2` said what `both` does; of three or more, `all 3`.
    const tops: ReadonlyArray<readonly [campaigns: number, keptHighest: number | undefined, label: string]> = [
      [2, 1.46, 'reported by both campaigns (1.46)'],
      [3, 2.2, 'reported by all 3 campaigns (2.2)'],
      [3, undefined, 'all 3 campaigns seen on 2021-04-22 (3)'],
    ];
    for (const [campaigns, highest, label] of tops) {
      it(`recency: the top legend item of ${campaigns} campaigns reads "${label}"`, () => {
        const ctx = context({ campaigns, ...(highest !== undefined ? { keptRange: { lowest: 0.5, highest } } : {}) });
        expect(SCORE_MODELS.recency.legend(ctx, SCORE_MODELS.recency.gradient(ctx)).map((item) => item.label).at(-1)).to.equal(label);
      });
    }

    const colours: ReadonlyArray<readonly [number, string]> = [
      [-5, '#ffffff'],
      [0, '#ffffff'],
      [50, '#ffb2b2'],
      [100, '#ff6666'],
      [150, '#ff6666'],
    ];
    for (const [score, colour] of colours) {
      it(`colours score ${score} on white-to-#ff6666 0..100 as ${colour}`, () => {
        expect(gradientColor({ colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 100 }, score)).to.equal(colour);
      });
    }

    it('colours a gradient whose ends are equal as Navigator does: the last colour from that score up, the first below', () => {
      // CTID's insider-threat green_seen layer scores observed techniques 1 on the gradient 1..1.
      const gradient = { colors: ['#ffffff', '#31a354'], minValue: 1, maxValue: 1 };
      expect([0, 1, 2].map((score) => gradientColor(gradient, score))).to.deep.equal(['#ffffff', '#31a354', '#31a354']);
    });

    it('colours between the stops of a three-colour gradient as Navigator 5.1\'s table does (50 is a step past the middle stop)', () => {
      const gradient = { colors: ['#ffffff', '#ffe766', '#ff6666'], minValue: 0, maxValue: 100 };
      expect([0, 25, 50, 75, 100].map((score) => gradientColor(gradient, score))).to.deep.equal(['#ffffff', '#fff3b1', '#ffe466', '#ffa466', '#ff6666']);
    });
  });

  describe('the table of models', () => {
    for (const name of SCORE_MODEL_NAMES) {
      it(`${name} has a description, a formula and its single-campaign behaviour`, () => {
        const model = scoreModel(name);
        expect(model.name).to.equal(name);
        for (const text of [model.description, model.formula, model.singleCampaign]) expect(text).to.be.a('string').and.not.equal('');
      });
    }

    it('refuses an unknown model, naming the known ones', () => {
      expect(() => scoreModel('popularity')).to.throw(UsageError, 'presence, confidence, frequency, recency');
    });
  });
});
