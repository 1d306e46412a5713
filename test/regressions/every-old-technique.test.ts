/**
 * Every technique and sub-technique of every release at hand (enterprise 3.0 to 18.1, mobile 9.0 and 18.1, ICS 18.1),
 * written as an old campaign file writes it (ID, name, `Name (ID)`, with that release's tactics, with and without the
 * release stated) and normalized against 18.1, and annotated in a layer of that release that `upgrade` brings to 18.1:
 * the audit of scripts/audit-releases.mjs, its expectations read from the release files in ../shared/attack-stix
 * without lib/ (the STIX id followed along `revoked-by` in the newest bundle).
 */
import { expect } from 'chai';
import { AttackLibrary, upgradeLayer, type AttackIndex, type Domain } from '../../lib/index.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { resolveReferenceWarnings } from '../../lib/normalize/resolve-reference.js';
import { auditRelease, auditUpgrade, classify, classifyTactic, expectedOf, rawOracle, tally, type AuditRow, type RawOracle } from '../../scripts/audit-releases.mjs';
import { readRawBundle, stixDir, stixFile, testCacheDir } from '../helpers/attack.js';

const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir(), snapshot: false });

/**
 * The links of a deprecation notice, the description's first paragraph (`**This technique has been deprecated. Please use
 * [Remote Services](https://attack.mitre.org/techniques/T1021) where appropriate.**`), as IDs; the links of the old text
 * below it (T1034's to T1038) are no pointers.
 */
const linkedIds = (description: string): string[] => [...description.matchAll(/attack\.mitre\.org\/techniques\/(T\d{4})(?:\/(\d{3}))?/g)].map((m) => (m[2] ? `${m[1]}.${m[2]}` : m[1]!));

function audit(domain: Domain, newest: string, older: readonly string[]): { rows: Map<string, AuditRow[]>; oracle: RawOracle; target: AttackIndex } {
  const oracle = rawOracle(readRawBundle(stixFile(newest)), ...older.map((file) => readRawBundle(stixFile(file))));
  const context = domainReleases(library, domain);
  const rows = new Map<string, AuditRow[]>();
  // The newest release itself too: its own revoked and deprecated techniques.
  for (const file of library.files.filter((f) => f.domain === domain && f.release)) {
    const old = library.release(domain, file.release);
    rows.set(file.release!, [...auditRelease(old, context, oracle, resolveReferenceWarnings), ...auditUpgrade(old, context.target, oracle, upgradeLayer)]);
  }
  return { rows, oracle, target: context.target };
}

const line = (release: string, row: AuditRow): string => `${release} ${row.form} "${row.ref}"${row.tactic ? ` under ${row.tactic}` : ''} -> ${row.cls}: ${row.got.note}`;

for (const [domain, newest, older, releases, least] of [
  ['enterprise-attack', 'enterprise-attack-18.1.json.gz', [], ['3.0', '6.3', '8.2', '10.1', '12.1', '14.1', '16.1', '17.1', '18.1'], { revoked: 100, said: 100 }],
  // 18.1 keeps T1454 revoked with no revoked-by, which 9.0 records (to T1477).
  ['mobile-attack', 'mobile-attack-18.1.json.gz', ['stix21/mobile-attack-9.0.json.gz'], ['9.0', '18.1'], { revoked: 30, said: 10 }],
  // No older ICS release is at hand: its own revoked and deprecated techniques.
  ['ics-attack', 'ics-attack-18.1.json.gz', [], ['18.1'], { revoked: 0, said: 0 }],
] as const) {
  // The least of each that the data must hold, or the tests prove less than they claim (ICS 18.1 revokes nothing).
  describe(`every technique of every ${domain} release at hand, normalized against 18.1`, function () {
    this.timeout(300_000);
    let result: ReturnType<typeof audit>;
    before(() => {
      result = audit(domain, newest, older);
    });

    it(`audits the releases at hand (${releases.join(', ')})`, () => {
      expect([...result.rows.keys()]).to.have.members([...releases]);
    });

    it('reads no technique as another one than the 18.1 bundle says, and leaves none unknown', () => {
      const bad = [...result.rows].flatMap(([release, rows]) => rows.filter((row) => ['wrong', 'unknown', 'other domain'].includes(row.cls)).map((row) => line(release, row)));
      expect(bad).to.deep.equal([]);
    });

    it('follows every revoked ID to its replacement, or says it ends deprecated, written alone, with its name, with its release and in a layer upgraded', () => {
      for (const [release, rows] of result.rows) {
        const { counts } = tally(rows);
        for (const form of ['ID', 'ID as of release', 'Name (ID)', 'ID + tactic', 'layer entry']) {
          const off = rows.filter((row) => row.form === form && row.cls !== row.want.status).map((row) => line(release, row));
          expect(off, `${release} ${form}`).to.deep.equal([]);
        }
        expect(counts['ID']!['revoked'], release).to.be.at.least(least.revoked);
        expect(counts['ID']!['deprecated'], release).to.be.greaterThan(10);
      }
    });

    it('reads a name with its release stated as that release meant it (a deprecated one only as a technique its notice points to)', () => {
      for (const [release, rows] of result.rows) {
        const off = rows.filter((row) => row.form === 'name as of release' && !['ambiguous', 'successor', row.want.status].includes(row.cls)).map((row) => line(release, row));
        expect(off, release).to.deep.equal([]);
      }
    });

    it('says where each deprecated technique\'s content went, as its 18.1 deprecation notice links it', () => {
      let pointed = 0;
      for (const [release, rows] of result.rows) {
        for (const row of rows.filter((r) => r.form === 'ID' && r.cls === 'deprecated')) {
          const object = [...result.oracle.byStix.values()].find((o) => o.type === 'attack-pattern' && !o['revoked'] && (o['external_references'] as { external_id?: string }[])[0]?.external_id === row.want.final)!;
          // A link to a technique revoked since would be said as its replacement.
          const links = linkedIds(String(object['description'] ?? '').split('\n')[0]!).map((id) => {
            const linked = [...result.oracle.byStix.values()].find((o) => o.type === 'attack-pattern' && (o['external_references'] as { external_id?: string }[])[0]?.external_id === id);
            return (linked && expectedOf(result.oracle, linked.id).ids[0]) ?? id;
          });
          if (links.length) pointed++;
          for (const id of links) expect(row.got.note, `${release} ${row.ref}`).to.include(id);
          // No notice (mobile's descriptions have none): what the text points to, or that it names nothing.
          if (!links.length) expect(row.got.note, `${release} ${row.ref}`).to.match(/names no successor|points (only )?to/);
        }
      }
      // Enterprise's deprecated techniques open with a notice (T1064's points to T1059); mobile's have none.
      if (domain === 'enterprise-attack') expect(pointed).to.be.greaterThan(5);
    });

    it('keeps a tactic the technique still has without a word, and says of one it lost that it no longer applies (or that the release no longer has it)', () => {
      let said = 0;
      for (const [release, rows] of result.rows) {
        for (const row of rows.filter((r) => r.tacticCls)) {
          expect(row.tacticCls, line(release, row)).to.not.equal('wrong');
          if (row.tacticCls === 'said') {
            said++;
            // `Execution no longer applies`, or of a tactic the release has lost (mobile's Network Effects) `… no longer has`.
            expect(row.tacticWarnings!.join(' '), line(release, row)).to.match(/no longer (applies|has)/);
          }
        }
      }
      expect(said).to.be.at.least(least.said);
    });
  });
}

describe('the audit\'s classes (scripts/audit-releases.mjs)', () => {
  const oracle = rawOracle(readRawBundle(stixFile('enterprise-attack-18.1.json.gz')));
  const target = library.release('enterprise-attack', '18.1');
  const resolution = (status: string, ids: string[], note = '') => ({ status, ids, note, trail: [], tactics: {}, placed: {}, candidates: [], warnings: [] }) as never;

  it('reads T1117 Regsvr32 of 3.0 as revoked by T1218.010 from the raw bundle, and T1064 Scripting as deprecated', () => {
    const t1117 = library.release('enterprise-attack', '3.0').technique('T1117')!;
    expect(expectedOf(oracle, t1117.stixId)).to.deep.equal({ status: 'revoked', ids: ['T1218.010'] });
    expect(expectedOf(oracle, library.release('enterprise-attack', '3.0').technique('T1064')!.stixId)).to.deep.include({ status: 'deprecated', final: 'T1064' });
  });

  it('calls a parent read for its revoked sub-technique wrong, and a replacement read so revoked', () => {
    const want = { status: 'revoked' as const, ids: ['T1218.010'] };
    expect(classify(resolution('revoked', ['T1218']), want, target)).to.equal('wrong');
    expect(classify(resolution('revoked', ['T1218.010']), want, target)).to.equal('revoked');
    expect(classify(resolution('current', []), { status: 'deprecated', ids: [], final: 'T1064' }, target)).to.equal('wrong');
  });

  it('calls a warning on a tactic the technique keeps wrong, and silence on one it lost', () => {
    expect(classifyTactic(resolution('current', ['T1059']), ['Execution no longer applies'], ['execution'], 'execution')).to.equal('wrong');
    expect(classifyTactic(resolution('revoked', ['T1218.010']), [], ['defense-evasion'], 'execution')).to.equal('wrong');
    expect(classifyTactic(resolution('revoked', ['T1218.010']), ['Execution no longer applies'], ['defense-evasion'], 'execution')).to.equal('said');
    expect(classifyTactic(resolution('deprecated', []), [], [], 'execution')).to.equal(undefined);
  });
});
