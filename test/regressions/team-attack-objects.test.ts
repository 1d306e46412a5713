// The layer of a team's own group, software or campaign (`attack-object ACME-G1000`), from the team's ATT&CK data: MITRE's
// 18.1 plus the objects ATT&CK Workbench writes for a team (test/helpers/team-bundle.ts: its identity as created_by_ref,
// IDs of its namespace), built at test time. Such an object is no ATT&CK group: the layer says it is the team's, not
// MITRE's, in the words of the bundle's note on the team's techniques (lib/attack/not-mitre-text.ts), and names no
// attack.mitre.org layer of it. MITRE's own objects keep their words.
import { expect } from 'chai';
import { AttackIndex, indexBundle, indexProcedures, renderAttackObjectLayer, renderObjectFrequencyLayer, resolveAttackObject, type ProcedureIndexData } from '../../lib/index.js';
import { readRawBundle, stixFile, type RawStixObject } from '../helpers/attack.js';
import { TEAM_GROUP, TEAM_OBJECTS, TEAM_STAMP } from '../helpers/team-bundle.js';

const TOOL = 'tool--90000000-0000-4000-8000-0000000000b1';
const CAMPAIGN = 'campaign--90000000-0000-4000-8000-0000000000c1';
const relationship = (n: number, type: string, source: string, target: string, description?: string): RawStixObject => ({
  ...TEAM_STAMP,
  type: 'relationship',
  id: `relationship--90000000-0000-4000-8000-00000000020${n}`,
  relationship_type: type,
  source_ref: source,
  target_ref: target,
  ...(description ? { description } : {}),
});

/** The team's tool (ACME-S1000) and campaign (ACME-C1000, attributed to Red Cell), each using a technique of the team's (the campaign with no procedure text). */
const MORE: readonly RawStixObject[] = [
  { ...TEAM_STAMP, type: 'tool', id: TOOL, name: 'Callback Kit', description: 'Our caller-ID spoofer.', external_references: [{ source_name: 'mitre-attack', external_id: 'ACME-S1000' }], x_mitre_domains: ['enterprise-attack'] },
  { ...TEAM_STAMP, type: 'campaign', id: CAMPAIGN, name: 'Exercise 7', description: 'A purple-team exercise.', external_references: [{ source_name: 'mitre-attack', external_id: 'ACME-C1000' }], x_mitre_domains: ['enterprise-attack'] },
  relationship(1, 'uses', TOOL, 'attack-pattern--90000000-0000-4000-8000-000000000003', 'Seen in exercise 7.'),
  relationship(2, 'uses', CAMPAIGN, 'attack-pattern--90000000-0000-4000-8000-000000000004'),
  relationship(3, 'attributed-to', CAMPAIGN, TEAM_GROUP),
];

describe("attack-object on a team's own group, software and campaign (the team's data on 18.1)", function () {
  this.timeout(300_000);
  let index: AttackIndex;
  let data: ProcedureIndexData;
  before(() => {
    const bundle = { type: 'bundle', id: 'bundle--acme', objects: [...readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects, ...TEAM_OBJECTS, ...MORE] };
    const source = { file: 'acme-18.json', sha256: 'test' };
    index = new AttackIndex(indexBundle(bundle, { release: '18.1', source }));
    data = indexProcedures(bundle, source);
  });
  const layerOf = (id: string) => renderAttackObjectLayer(resolveAttackObject(index, id).object, index, data).layer;

  const cases = [
    ['ACME-G1000', "the team's group Red Cell (ACME-G1000)", 'the group'],
    ['ACME-S1000', "the team's software (tool) Callback Kit (ACME-S1000)", 'the software (tool)'],
    ['ACME-C1000', "the team's campaign Exercise 7 (ACME-C1000)", 'the campaign'],
  ] as const;
  for (const [id, named, kind] of cases) {
    it(`${id}: names it ${named}, not MITRE's, with no attack.mitre.org layer`, () => {
      const layer = layerOf(id);
      expect(layer.description).to.match(new RegExp(`^Techniques ${named.replace(/[()]/g, '\\$&')} uses, according to ATT&CK enterprise-attack 18\\.1; `));
      expect(layer.description).to.include(`${kind} is the team's own, not MITRE's (created by another identity than MITRE's).`);
      expect(layer.description).to.include("each technique's comment is the team's procedure text");
      expect(layer.description).not.to.match(/the ATT&CK (group|software|campaign)|ATT&CK's procedure text/);
      expect(JSON.stringify(layer.legendItems)).not.to.include('attack.mitre.org');
    });
  }

  it("says of a procedure the team wrote no text for that the team's data gives none, not ATT&CK", () => {
    const entry = layerOf('ACME-C1000').techniques?.find((item) => item.techniqueID === 'ACME-T1000.001');
    expect(entry?.comment).to.equal("(the team's data gives no procedure text; see the sources)");
  });

  it("says the campaign left out of the group's layer is one the team's data attributes to it", () => {
    expect(layerOf('ACME-G1000').description).to.include("used only in the 1 campaign the team's data attributes to Red Cell (ACME-G1000) (ACME-C1000 Exercise 7)");
  });

  // A frequency layer (`attack-object … --score frequency`) said "How many of 2 ATT&CK objects use each technique" of
  // Red Cell and APT32, "with ATT&CK's procedure text for each", where Red Cell and its procedures are the team's.
  describe('a frequency layer with the team\'s objects', () => {
    const description = (...ids: string[]) => renderObjectFrequencyLayer(ids.map((id) => resolveAttackObject(index, id).object), index, data).layer.description!.split('\n');

    it("says some are the team's, and which, beside MITRE's (ACME-G1000 and APT32)", () => {
      const [first, second] = description('ACME-G1000', 'G0050');
      expect(first).to.equal(
        'How many of 2 ATT&CK and team objects use each technique, according to ATT&CK enterprise-attack 18.1: Red Cell (ACME-G1000), APT32 (G0050); ' +
          "Red Cell (ACME-G1000) is the team's own, not MITRE's (created by another identity than MITRE's).",
      );
      expect(second).to.match(/; each comment names them, with ATT&CK's or the team's procedure text for each\.$/);
    });

    it("says all are the team's (ACME-G1000 and ACME-S1000)", () => {
      const [first, second] = description('ACME-G1000', 'ACME-S1000');
      expect(first).to.equal(
        'How many of 2 team objects use each technique, according to ATT&CK enterprise-attack 18.1: Red Cell (ACME-G1000), Callback Kit (ACME-S1000); ' +
          "each is the team's own, not MITRE's (created by another identity than MITRE's).",
      );
      expect(second).to.match(/, with the team's procedure text for each\.$/);
    });

    it("keeps MITRE's words for MITRE's objects alone in the same data (APT32 and Turla)", () => {
      const [first, second] = description('G0050', 'G0010');
      expect(first).to.equal('How many of 2 ATT&CK objects use each technique, according to ATT&CK enterprise-attack 18.1: APT32 (G0050), Turla (G0010).');
      expect(second).to.match(/, with ATT&CK's procedure text for each\.$/);
    });
  });

  it("keeps MITRE's words for MITRE's group in the same data (APT32: the ATT&CK group, attack.mitre.org's layer)", () => {
    const layer = layerOf('G0050');
    expect(layer.description).to.match(/^Techniques the ATT&CK group APT32 \(G0050\) uses, according to ATT&CK enterprise-attack 18\.1; also known as /);
    expect(JSON.stringify(layer.legendItems)).to.include("attack.mitre.org's layer");
  });
});
