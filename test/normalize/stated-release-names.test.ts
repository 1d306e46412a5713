/**
 * A name written alone in a campaign that states its release (`attack_version`) is read as that release names it, then
 * brought to the target as an ID of that release is. Before, `Scheduled Task` in a campaign of ATT&CK 6.3 was read as
 * T1053.005 (today's technique of that name) with a note that it was T1053's name in 6.3, and `Spearphishing Attachment`
 * was ambiguous between T1566.001 and T1598.002, though 6.3 has only T1193 (revoked by T1566.001) of that name.
 *
 * The names are every technique name of the enterprise releases at hand (3.0 to 18.1, ../shared/attack-stix) whose
 * reading changed between releases: the last test finds them in the releases and checks that the table holds each.
 */
import { expect } from 'chai';
import { nameKey, type AttackIndex } from '../../lib/attack/attack-index.js';
import { resolveReference, type ResolveContext } from '../../lib/normalize/resolve-reference.js';
import type { ReferenceStatus } from '../../lib/normalize/normalize-types.js';
import { loadRelease, runCli } from '../helpers/attack.js';

const RELEASES = ['3.0', '6.3', '8.2', '10.1', '12.1', '14.1', '16.1', '17.1'] as const;

describe('a name alone read as the release the campaign states names it (attack_version)', () => {
  let target: AttackIndex;
  const history = (): AttackIndex[] => [...RELEASES].reverse().map((release) => loadRelease(release));
  const stated = (release: string): ResolveContext => ({ target, source: loadRelease(release), history });
  before(() => {
    target = loadRelease('18.1');
  });

  // [stated release, name, status, IDs, what the note says]
  const rows: ReadonlyArray<readonly [release: string, raw: string, status: ReferenceStatus, ids: string[], note: RegExp]> = [
    ['6.3', 'Scheduled Task', 'renamed', ['T1053'], /^"Scheduled Task" is T1053 Scheduled Task\/Job, by its name in ATT&CK 6\.3, the release the campaign states \(T1053\); without it, the name would be read as T1053\.005 /],
    ['3.0', 'Scheduled Task', 'renamed', ['T1053'], /ATT&CK 3\.0, the release the campaign states/],
    ['6.3', 'Scheduled Tasks', 'fuzzy', ['T1053'], /^"Scheduled Tasks" is T1053 Scheduled Task\/Job, by its name in ATT&CK 6\.3, the release the campaign states \(T1053\), read as "scheduled task" \(a word in the other number .*\); without it, the name would be read as T1053\.005/],
    ['8.2', 'Scheduled Task', 'name', ['T1053.005'], /^"Scheduled Task" is T1053\.005 Scheduled Task\/Job: Scheduled Task, by its exact name$/],
    ['16.1', 'Browser Extensions', 'renamed', ['T1176'], /by its name in ATT&CK 16\.1, the release the campaign states \(T1176\); without it, the name would be read as T1176\.001/],
    ['17.1', 'Browser Extensions', 'name', ['T1176.001'], /by its exact name$/],
    ['6.3', 'Port Knocking', 'renamed', ['T1205'], /^"Port Knocking" is T1205 Traffic Signaling, by its name in ATT&CK 6\.3/],
    ['8.2', 'Port Knocking', 'name', ['T1205.001'], /by its exact name$/],
    ['6.3', 'Group Policy Modification', 'renamed', ['T1484'], /^"Group Policy Modification" is T1484 Domain or Tenant Policy Modification, by its name in ATT&CK 6\.3/],
    ['8.2', 'Group Policy Modification', 'name', ['T1484.001'], /by its exact name$/],
    ['6.3', 'Spearphishing Attachment', 'name', ['T1566.001'], /by its name in ATT&CK 6\.3, the release the campaign states \(T1193\); without it, the name would be ambiguous \(T1566\.001, T1598\.002\)/],
    ['6.3', 'Spearphishing Link', 'name', ['T1566.002'], /\(T1192\); without it, the name would be ambiguous \(T1566\.002, T1598\.003\)/],
    ['8.2', 'Spearphishing Link', 'ambiguous', [], /names T1566\.002 .* and T1598\.003/],
    ['10.1', 'Cloud Accounts', 'name', ['T1078.004'], /ATT&CK 10\.1, the release the campaign states \(T1078\.004\); without it, the name would be ambiguous \(T1078\.004, T1585\.003, T1586\.003\)/],
    ['12.1', 'Cloud Accounts', 'ambiguous', [], /names T1078\.004/],
    ['10.1', 'Code Repositories', 'name', ['T1213.003'], /without it, the name would be ambiguous \(T1213\.003, T1593\.003\)/],
    // 3.0's T1175 is deprecated in 18.1, its notice pointing to T1021.003, today's technique of the name: that one.
    ['3.0', 'Distributed Component Object Model', 'name', ['T1021.003'], /"Distributed Component Object Model" is T1175 in ATT&CK 3\.0, the release the campaign states, deprecated in ATT&CK 18\.1, which points to T1021\.003, T1559\.001: read as T1021\.003/],
    // Names that left ATT&CK read the same with or without the stated release.
    ['6.3', 'Credential Dumping', 'renamed', ['T1003'], /^"Credential Dumping" is T1003 OS Credential Dumping, by its name in ATT&CK 6\.3 \(T1003\)$/],
    ['6.3', 'Standard Application Layer Protocol', 'renamed', ['T1071'], /is T1071 Application Layer Protocol/],
    // A name written in another form than the stated release's (spaced, hyphenated, inflected, reordered, joined by
    // `via`) is read in that release's names as today's reading reads it in today's: before, each was read as today
    // only (ambiguous between T1566.x and T1598.x, or unknown where only an older name fits). Vjeroen/PurpleCrew's
    // report.md writes `Spear Phishing Link`; a public file 15501742500 `Spear-phishing via attachments`.
    ['6.3', 'Spear Phishing Link', 'fuzzy', ['T1566.002'], /^"Spear Phishing Link" is T1566\.002 Phishing: Spearphishing Link, by its name in ATT&CK 6\.3, the release the campaign states \(T1192\), read as "spearphishing link" \(a close name, 1 edit away\); without it, the name would be ambiguous \(T1566\.002, T1598\.003\)$/],
    ['6.3', 'Spear-Phishing Attachment', 'fuzzy', ['T1566.001'], /\(T1193\), read as "spearphishing attachment"/],
    ['6.3', 'Spearphishing via Attachment', 'fuzzy', ['T1566.001'], /\(T1193\), read as "spearphishing attachment" \(other small words joining them/],
    ['6.3', 'Spear-phishing via attachments', 'fuzzy', ['T1566.001'], /a word of the name written as two \(Spear Phishing: Spearphishing\)/],
    ['6.3', 'Group Policy Modifications', 'fuzzy', ['T1484'], /\(T1484\), read as "group policy modification" \(a word in the other number .*\); without it, the name would be read as T1484\.001/],
    ['16.1', 'Browser Extension', 'fuzzy', ['T1176'], /ATT&CK 16\.1, the release the campaign states \(T1176\), read as "browser extensions"/],
    ['10.1', 'Code Repository', 'fuzzy', ['T1213.003'], /without it, the name would be ambiguous \(T1213\.003, T1593\.003\)/],
    ['6.3', 'Credentials Dumping', 'fuzzy', ['T1003'], /\(T1003\), read as "credential dumping" \(a word in the other number/],
    ['6.3', 'Standard Application Layer Protocols', 'fuzzy', ['T1071'], /is T1071 Application Layer Protocol, by its name in ATT&CK 6\.3/],
    // Ambiguous in the stated release as today, between the same techniques: today's reading, said once.
    ['8.2', 'Spear Phishing Link', 'ambiguous', [], /^"Spear Phishing Link" names T1566\.002 .* and T1598\.003 .*; give the ID, a tactic or the full name to choose$/],
    // A name the stated release does not have is read as today.
    ['6.3', 'Cloud Accounts', 'ambiguous', [], /names T1078\.004/],
    ['6.3', 'LSASS Memory', 'name', ['T1003.001'], /by its exact name$/],
  ];
  for (const [release, raw, status, ids, note] of rows) {
    it(`reads "${raw}" in a campaign of ATT&CK ${release} as ${ids.join(', ') || status}`, () => {
      const result = resolveReference({ raw }, stated(release));
      expect([result.status, result.ids]).to.deep.equal([status, ids]);
      expect(result.note).to.match(note);
    });
  }

  it('says of a name alone that a now deprecated technique had in an older release what that release meant (3.0\'s T1175)', () => {
    // Before, `Distributed Component Object Model` alone was T1021.003 "by its exact name", not a word of T1175.
    const result = resolveReference({ raw: 'Distributed Component Object Model' }, { target, history });
    expect([result.status, result.ids]).to.deep.equal(['name', ['T1021.003']]);
    expect(result.note).to.equal(
      '"Distributed Component Object Model" is T1021.003 Remote Services: Distributed Component Object Model, by its exact name; ' +
        '"Distributed Component Object Model" was the name of T1175 in ATT&CK 3.0, deprecated in ATT&CK 18.1 (as Component Object Model and Distributed COM); ' +
        'its notice points to T1021.003 and T1559.001 (Component Object Model): if the report is that old, that one may be meant too',
    );
    // The name T1559.001 has always had, and a target alone (no older release to say so), get no such note.
    expect(resolveReference({ raw: 'Component Object Model' }, { target, history }).note).to.not.include('T1175');
    expect(resolveReference({ raw: 'Distributed Component Object Model' }, { target }).note).to.not.include('T1175');
  });

  it('reads the name with an ID of the stated release as that release names it too (Scheduled Task (T1053) agrees)', () => {
    expect(resolveReference({ raw: 'Scheduled Task (T1053)' }, stated('6.3'))).to.deep.include({ status: 'renamed', ids: ['T1053'], warnings: [] });
  });

  it('says in the trail which release read the name', () => {
    expect(resolveReference({ raw: 'Port Knocking' }, stated('6.3')).trail).to.include(
      'name: "Port Knocking" is T1205 in ATT&CK 6.3, the release the campaign states; read as that release names it; without it, the name would be read as T1205.001 Traffic Signaling: Port Knocking',
    );
  });

  it('normalizes a campaign file stating attack_version 6.3 so (normalize --json)', async () => {
    const campaign = 'name: stated\nattack_version: "6.3"\ntechniques:\n  - ref: Scheduled Task\n  - Spearphishing Attachment\n  - Group Policy Modification\n';
    const { code, stdout } = await runCli(['normalize', '-', '--json'], {}, { stdin: campaign });
    expect(code).to.equal(0);
    const [result] = JSON.parse(stdout) as Array<{ references: Array<{ raw: string; ids: string[] }> }>;
    expect(result!.references.map((ref) => [ref.raw, ref.ids])).to.deep.equal([
      ['Scheduled Task', ['T1053']],
      ['Spearphishing Attachment', ['T1566.001']],
      ['Group Policy Modification', ['T1484']],
    ]);
  });

  it('covers every technique name of the releases at hand whose reading changed between releases', () => {
    const changed = new Set<string>();
    for (const release of RELEASES) {
      const context = stated(release);
      for (const technique of context.source!.currentTechniques()) {
        const name = technique.name;
        const today = resolveReference({ raw: name }, { target, history });
        const then = resolveReference({ raw: name }, context);
        if (then.ids.join() !== today.ids.join()) changed.add(nameKey(name));
      }
    }
    const named = new Set(rows.map(([, raw]) => nameKey(raw)));
    expect([...changed].filter((name) => !named.has(name)).sort()).to.deep.equal([]);
    // The names whose owner changed (a parent's name given to a new sub-technique, a name shared by techniques added later).
    expect([...changed].sort()).to.deep.equal(['browser extensions', 'cloud accounts', 'code repositories', 'group policy modification', 'port knocking', 'scheduled task', 'spearphishing attachment', 'spearphishing link']);
  });
});
