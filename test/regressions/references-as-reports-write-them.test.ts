/**
 * Issue 11: references as real reports write them (glued text, flattened tables, typos in IDs, parent names on
 * sub-technique IDs). Every example string of the issue is a row here, resolved against ATT&CK 18.1.
 */
import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import type { ReferenceStatus } from '../../lib/normalize/normalize-types.js';
import { resolveReference, type ResolveContext } from '../../lib/normalize/resolve-reference.js';
import { loadRelease } from '../helpers/attack.js';

describe('issue 11: references as reports write them', () => {
  let context: ResolveContext;
  before(() => {
    context = { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] };
  });

  // [reference as written, status, IDs, a pattern the note or trail must show]
  const rows: ReadonlyArray<readonly [raw: string, status: ReferenceStatus, ids: string[], says?: RegExp]> = [
    // 1. An ID glued to the next word, or a tactic glued in front.
    ['T1566.001Phishing: Spearphishing Attachment', 'current', ['T1566.001'], /glued to the word after/],
    ['T1106Native API', 'current', ['T1106'], /glued to the word after/],
    ['Initial AccessT1566.001Phishing: Spearphishing Attachment', 'current', ['T1566.001'], /glued to the word before/],
    // 2. Several name-ID pairs run together on one line.
    [
      'Command and Scripting Interpreter – T1059External Proxy – T1090.002Remote Desktop Protocol – T1021.001',
      'current',
      ['T1059', 'T1090.002', 'T1021.001'],
      /pairs run together/,
    ],
    // 3. A table row whose header does not match its columns (the row as a reference).
    ['| T1193 - Spearphishing Attachment | LNK files delivered ... |', 'revoked', ['T1566.001'], /revoked by T1566\.001/],
    // 4. Typos in IDs.
    ['TT1001', 'current', ['T1001'], /a doubled T/],
    ['T 1569.002', 'current', ['T1569.002'], /a space after the T/],
    ['T1059,001 PowerShell', 'current', ['T1059.001'], /a comma stands for the dot/],
    ['t1059 .001', 'current', ['T1059.001'], /a space before the dot/],
    ['OS Credential Dumping: NTDS — T1003:003', 'current', ['T1003.003'], /a colon separates a sub-technique/],
    // 5. Several sub-techniques in one ID.
    ['T1566.001 and .002', 'current', ['T1566.001', 'T1566.002'], /sibling sub-techniques/],
    ['T1566[.001,.002]', 'current', ['T1566.001', 'T1566.002'], /sub-techniques in brackets/],
    ['T1566.001/.002', 'current', ['T1566.001', 'T1566.002'], /sibling sub-techniques/],
    // CTID adversary_emulation_library, Blind Eagle scenario table (Apache-2.0): `T1059.00[1,5]`.
    ['T1059.00[1,5]', 'current', ['T1059.001', 'T1059.005'], /numbers completed from brackets/],
    ['T1059.[001,005]', 'current', ['T1059.001', 'T1059.005'], /numbers completed from brackets/],
    // A regex's repeat count or a shell's expansion: doubtful, reported, never guessed.
    ['T1059.00{1,5}', 'unknown', [], /malformed ID "T1059\.00\{1,5\}".*write the IDs out/],
    ['T1059.0[1,15]', 'unknown', [], /malformed ID "T1059\.0\[1,15\]"/],
    ['T1003.001-.003', 'current', ['T1003.001', 'T1003.002', 'T1003.003'], /a range of sub-techniques/],
    ['T1192~1194', 'revoked', ['T1566.002', 'T1566.001', 'T1566.003'], /a range of techniques written with a tilde/],
    // 6. A parent's name on a sub-technique ID.
    ['Process Injection (T1055.001)', 'current', ['T1055.001'], /parent technique of T1055\.001/],
    ['Brute Force (T1110.001)', 'current', ['T1110.001'], /parent technique of T1110\.001/],
    ['T1195.001 Supply Chain Compromise', 'current', ['T1195.001'], /parent technique of T1195\.001/],
    // 7. A loose name beside an exact ID; unrelated ones stay ambiguous.
    ['Scheduled tasks (T1053)', 'current', ['T1053'], /closer to T1053\.005 .*T1053 kept as written/],
    ['Process Injection (T1003)', 'ambiguous', [], /disagree/],
    // 8. Shorthand, and software written as a technique.
    ['WMI', 'alias', ['T1047'], /abbreviation/],
    ['RDP', 'alias', ['T1021.001'], /abbreviation/],
    ['UAC bypass', 'alias', ['T1548.002'], /abbreviation/],
    ['DLL sideloading', 'alias', ['T1574.001'], /abbreviation .*T1574\.002 DLL Side-Loading was revoked by T1574\.001/],
    ['DLL side-loading', 'renamed', ['T1574.001'], /name of revoked T1073, T1574\.002/],
    ['Mimikatz', 'unknown', [], /software S0002 Mimikatz .*`software:`/],
    // 9. Text around IDs in prose.
    ['(t1566/001)', 'current', ['T1566.001'], /a lower-case t/],
    ['C2 over HTTPS (T1071.001, T1573.002)', 'current', ['T1071.001', 'T1573.002'], /is current/],
    // From issues 12 and 15: a malformed ID, advice for ambiguous names that can be followed.
    ['T1566.01', 'unknown', [], /malformed ID "T1566\.01".*did you mean T1566\.001/],
    ['Virtual Private Server', 'ambiguous', [], /full name \("Acquire Infrastructure: Virtual Private Server" or "Compromise Infrastructure: Virtual Private Server"\)/],
  ];
  for (const [raw, status, ids, says] of rows) {
    it(`${JSON.stringify(raw)} -> ${status} ${ids.join(', ') || '(none)'}`, () => {
      const result = resolveReference({ raw }, context);
      expect(result.status, result.note).to.equal(status);
      expect(result.ids).to.deep.equal(ids);
      if (says) expect([result.note, ...result.trail].join('\n')).to.match(says);
    });
  }

  it('places a glued tactic: Initial AccessT1566.001 is T1566.001 under Initial Access', () => {
    const result = resolveReference({ raw: 'Initial AccessT1566.001Phishing: Spearphishing Attachment' }, context);
    expect(result.placed).to.deep.equal({ 'T1566.001': ['initial-access'] });
  });

  it('gives the malformed ID its candidate', () => {
    expect(resolveReference({ raw: 'T1566.01' }, context).candidates.map((c) => c.id)).to.deep.equal(['T1566.001']);
  });

  it('advises full names for "Virtual Private Server" that resolve, each to one technique', () => {
    const { candidates } = resolveReference({ raw: 'Virtual Private Server' }, context);
    expect(candidates.map((c) => c.id)).to.deep.equal(['T1583.003', 'T1584.003']);
    for (const candidate of candidates) {
      const result = resolveReference({ raw: candidate.name }, context);
      expect(result.ids, candidate.name).to.deep.equal([candidate.id]);
    }
  });

  describe('extract', () => {
    type Expected = Array<[ids: string[], name: string | undefined, tactics: string[]]>;
    const rows: ReadonlyArray<readonly [label: string, text: string, expected: Expected]> = [
      [
        'IDs glued to names, one after the other',
        'T1566.001Phishing: Spearphishing AttachmentT1106Native API',
        [
          [['T1566.001'], 'Phishing: Spearphishing Attachment', []],
          [['T1106'], 'Native API', []],
        ],
      ],
      [
        'a tactic glued in front',
        'Initial AccessT1566.001Phishing: Spearphishing Attachment',
        [[['T1566.001'], 'Phishing: Spearphishing Attachment', ['Initial Access']]],
      ],
      [
        'name-ID pairs run together',
        'Command and Scripting Interpreter – T1059External Proxy – T1090.002Remote Desktop Protocol – T1021.001',
        [
          [['T1059'], 'Command and Scripting Interpreter', []],
          [['T1090.002'], 'External Proxy', []],
          [['T1021.001'], 'Remote Desktop Protocol', []],
        ],
      ],
      [
        'a table whose Tactic column holds IDs',
        '| Tactic | Technique |\n|---|---|\n| T1193 - Spearphishing Attachment | LNK files delivered by email |',
        [[['T1193'], 'Spearphishing Attachment', []]],
      ],
      [
        'prose: a lower-case name before a bracketed ID',
        'The group sent spearphishing emails (t1566/001) to its targets.',
        [[['T1566.001'], 'spearphishing emails', []]],
      ],
      [
        'prose: a tactic label governs its clause, one reference per ID',
        'Persistence: scheduled task T1053.005; C2 over HTTPS (T1071.001, T1573.002).',
        [
          [['T1053.005'], 'scheduled task', ['Persistence']],
          [['T1071.001'], 'C2 over HTTPS', []],
          [['T1573.002'], 'C2 over HTTPS', []],
        ],
      ],
      [
        'typos and shorthands in a list',
        '- TT1001\n- T 1569.002\n- T1059,001 PowerShell\n- t1059 .002\n- T1566.001 and .002\n- T1566[.003,.004]\n- T1003.001-.003\n- T1110.001/.002',
        [
          [['T1001'], undefined, []],
          [['T1569.002'], undefined, []],
          [['T1059.001'], 'PowerShell', []],
          [['T1059.002'], undefined, []],
          [['T1566.001', 'T1566.002'], undefined, []],
          [['T1566.003', 'T1566.004'], undefined, []],
          [['T1003.001', 'T1003.002', 'T1003.003'], undefined, []],
          [['T1110.001', 'T1110.002'], undefined, []],
        ],
      ],
    ];
    for (const [label, text, expected] of rows) {
      it(`${label}: ${JSON.stringify(text.length > 70 ? `${text.slice(0, 67)}...` : text)}`, () => {
        const refs = extractReferences(text);
        expect(refs.map((ref) => [ref.ids, ref.name, ref.tactics])).to.deep.equal(expected);
        // Each reference's text, resolved, gives its own IDs: the skeleton's refs mean what the report meant.
        for (const ref of refs) {
          const resolved = resolveReference({ raw: ref.raw, tactics: ref.tactics }, context);
          expect(resolved.ids.length, `${ref.raw}: ${resolved.note}`).to.equal(ref.ids.length);
          expect(resolved.warnings, ref.raw).to.deep.equal([]);
        }
      });
    }

    it('keeps the exact span each reference came from', () => {
      const text = 'Persistence: scheduled task T1053.005; C2 over HTTPS (T1071.001, T1573.002).';
      const spans = extractReferences(text).map((ref) => [text.slice(ref.span.start, ref.span.end), ref.nameSpan && text.slice(ref.nameSpan.start, ref.nameSpan.end)]);
      expect(spans).to.deep.equal([
        ['scheduled task T1053.005', undefined],
        ['T1071.001', 'C2 over HTTPS'],
        ['T1573.002', 'C2 over HTTPS'],
      ]);
    });
  });
});
