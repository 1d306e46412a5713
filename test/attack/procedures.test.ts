import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import {
  AttackDataError,
  AttackIndex,
  indexBundle,
  indexProcedures,
  loadAttackFile,
  loadProcedures,
  plainDescription,
  PROCEDURE_FORMAT,
  type ProcedureIndexData,
} from '../../lib/index.js';
import { fixtureFile, freshTmpDir, loadRelease, readRawBundle, stixFile, testCacheDir } from '../helpers/attack.js';
import { rawUses } from '../helpers/raw-uses.js';

const FIXTURE = fixtureFile('enterprise-attack-0.2.json');
const G9001 = 'intrusion-set--00000000-0000-4000-9000-000000000201';

function fixtureProcedures(): ProcedureIndexData {
  return indexProcedures(JSON.parse(readFileSync(FIXTURE, 'utf8')), { file: FIXTURE, sha256: 'test' });
}

describe('plainDescription', () => {
  const rows: [description: string, text: string, citations: string[]][] = [
    ['[APT32](https://attack.mitre.org/groups/G0050) has used pass the hash.(Citation: Cybereason Cobalt Kitty 2017)', 'APT32 has used pass the hash.', ['Cybereason Cobalt Kitty 2017']],
    ['A used <code>net view</code>.(Citation: X)(Citation: Y)(Citation: X)', 'A used `net view`.', ['X', 'Y']],
    ['A ran `reg query HKCU\\Software\\<username>\\PuTTY`.', 'A ran `reg query HKCU\\Software\\<username>\\PuTTY`.', []],
    ['(Citation: CISA AA24-038A)\n', '', ['CISA AA24-038A']],
    ['First.(Citation: A) Then\n\nsecond (Citation: B).', 'First. Then second.', ['A', 'B']],
  ];
  for (const [description, text, citations] of rows) {
    it(`${JSON.stringify(description.slice(0, 50))} -> ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(plainDescription(description)).to.deep.equal({ text, citations });
    });
  }
});

describe('indexProcedures', () => {
  it('keeps each uses relationship of an object with plain text and its sources in order of citation', () => {
    const data = fixtureProcedures();
    const group = data.objects[G9001]!;
    const first = group.procedures[0]!;
    expect(first.text).to.equal('Fixture Group has sent `invoice.doc` attachments.');
    expect(first.sources.map((n) => data.sources[n])).to.deep.equal([
      { name: 'Report B', url: 'https://example.com/report-b' },
      { name: 'Report A', url: 'https://example.com/report-a' },
    ]);
    expect(group).to.include({ url: 'https://attack.mitre.org/groups/G9001', version: '1.2', modified: '2024-01-02' });
    expect(group.summary).to.equal('Fixture Group is an invented intrusion-set for tests.');
  });

  it('leaves out revoked and deprecated relationships, keeps those to revoked and deprecated techniques', () => {
    const raw = readRawBundle(FIXTURE).objects;
    const kept = raw.filter((o) => o.type === 'relationship' && o['relationship_type'] === 'uses' && o['source_ref'] === G9001 && !o['revoked'] && !o['x_mitre_deprecated']);
    expect(fixtureProcedures().objects[G9001]!.procedures.map((p) => p.relationship)).to.deep.equal(kept.map((o) => o.id));
    expect(kept).to.have.length(6);
  });

  it('numbers each distinct source once: same name and URL shared, same name with another URL apart', () => {
    const data = fixtureProcedures();
    const keys = data.sources.map((s) => `${s.name} ${s.url ?? ''}`);
    expect(new Set(keys).size).to.equal(keys.length);
    expect(data.sources.filter((s) => s.name === 'Report A').map((s) => s.url)).to.deep.equal([
      'https://example.com/report-a',
      'https://example.org/another-report-a',
    ]);
    expect(data.sources).to.deep.include({ name: 'Printed Book' });
  });

  it('trims spaces around source names and URLs (as 10.1 writes some)', () => {
    const data = fixtureProcedures();
    expect(data.sources).to.deep.include({ name: 'Report F', url: 'https://example.com/report-f' });
    const second = data.objects['intrusion-set--00000000-0000-4000-9000-000000000202']!;
    expect(second.procedures[2]!.sources.map((n) => data.sources[n]!.name)).to.deep.equal(['Report F', 'Report G']);
  });

  it('records the groups a campaign is attributed to', () => {
    expect(fixtureProcedures().objects['campaign--00000000-0000-4000-9000-000000000401']!.attributedTo).to.deep.equal([G9001]);
  });

  it('refuses what is not a bundle', () => {
    expect(() => indexProcedures({ objects: [] }, { file: 'x.json', sha256: 'x' })).to.throw(AttackDataError, 'x.json: not a STIX bundle');
  });

  it("18.1: every object's procedures are exactly its uses relationships to techniques in the bundle", () => {
    const index = loadRelease('18.1');
    const data = loadProcedures(index, { cacheDir: testCacheDir() });
    const expected = new Map<string, string[]>();
    for (const o of rawUses(stixFile('enterprise-attack-18.1.json.gz')).uses) {
      expected.set(String(o['source_ref']), [...(expected.get(String(o['source_ref'])) ?? []), o.id]);
    }
    const actual = new Map(Object.entries(data.objects).filter(([, d]) => d.procedures.length).map(([id, d]) => [id, d.procedures.map((p) => p.relationship)]));
    expect(actual).to.deep.equal(expected);
  });
});

describe('loadProcedures', () => {
  it('reads the release file once and then the cache, keyed by the same hash as the index', () => {
    const dir = freshTmpDir('procedures');
    const file = join(dir, 'enterprise-attack-0.2.json');
    copyFileSync(FIXTURE, file);
    const cacheDir = join(dir, 'cache');
    const index = loadAttackFile(file, { cacheDir });
    const first = loadProcedures(index, { cacheDir });
    const cached = readdirSync(join(cacheDir, 'index')).filter((name) => name.includes('.procedures.'));
    expect(cached).to.deep.equal([`${index.data.source.sha256}.procedures.v${PROCEDURE_FORMAT}.json`]);
    // The cache answers even when the file's bytes are no longer there to read.
    writeFileSync(file, 'not json');
    expect(loadProcedures(index, { cacheDir })).to.deep.equal(first);
  });

  it('refuses a file that changed since its index was loaded', () => {
    const dir = freshTmpDir('procedures');
    const file = join(dir, 'enterprise-attack-0.2.json');
    copyFileSync(FIXTURE, file);
    const index = new AttackIndex(indexBundle(JSON.parse(readFileSync(file, 'utf8')), { release: '0.2', source: { file, sha256: 'an-older-hash' } }));
    expect(() => loadProcedures(index)).to.throw(AttackDataError, 'the file changed');
  });
});
