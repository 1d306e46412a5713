import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { GLOSSARY_EN } from '../../lib/suggest/glossary-en.js';
import { expandPassage, withoutWordBoundaries } from '../../lib/suggest/query-expansion.js';
import { readRawBundle, repoRoot, stixFile } from '../helpers/attack.js';

describe('expandPassage (the English glossary)', () => {
  const rows: [text: string, readings: [written: string, words: string][]][] = [
    ['PTH the domain administrator NTLM hash.', [['PTH', 'pass hash']]],
    ['Dropping the loader DLL', [['Dropping', 'download ingress tool transfer']]],
    ['Attacker launched ping sweeps against private subnets.', [['ping sweeps', 'ping scanning ip blocks remote system discovery']]],
    ['collected information stored in a tar ball', [['tar ball', 'archive collected data compress']]],
    ['The actor logged into the bank accounts', [['logged into', 'valid accounts']]],
    ['ran whoami /all', [['whoami', 'system owner user discovery']]],
    ['copied the tool to \\\\fs01\\c$\\temp', [['copied the tool to \\\\fs01\\c$\\temp', 'lateral tool transfer'], ['c$', 'smb windows admin shares']]],
    ['Set-MpPreference -DisableRealtimeMonitoring $true', [['Set-MpPreference', 'impair defenses disable modify tools security software']]],
    ['The actors exploited Zerologon.', [['Zerologon', 'exploitation remote services']]],
    ['Hashes were cracked with hashcat', [['hashcat', 'password cracking brute force']]],
    ['Googled information on the target for reconnaissance', [['Googled', 'search open websites domains search engines']]],
    ['The operators ran Google dorks against the portal', [['Google dorks', 'search open websites domains search engines']]],
    // Google the company's products are what was used, not a search.
    ['The malware is hosted on Google Drive and talks to Google Cloud Run', []],
    ['credentials saved in Google Chrome', []],
    ['The intruders dumped two tables of the billing database', [['dumped two tables', 'data local system local databases']]],
    // A store of credentials dumped is credential dumping, not data from a database.
    ['They dumped the SAM database and the NTDS database.', []],
    ['The files were copied over SMB to the file server', [['copied over SMB', 'lateral tool transfer smb windows admin shares']]],
    // Not a sign-in: event logs on a server.
    ['The event logs on the server were kept.', []],
    ['The loader is 40 KB.', []],
  ];
  for (const [text, readings] of rows) {
    it(`${JSON.stringify(text)} -> ${readings.map(([written]) => written).join(', ') || 'nothing'}`, () => {
      expect(expandPassage(text).map((e) => [e.written, e.words.join(' ').toLowerCase()])).to.deep.equal(readings);
    });
  }

  it("reads only into words ATT&CK's own texts use (names, descriptions and procedure examples of 18.1, read raw)", () => {
    const raw = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects;
    const attack = new Set<string>();
    for (const object of raw) {
      if (object.type !== 'attack-pattern' && object.type !== 'relationship') continue;
      for (const field of ['name', 'description']) {
        const value = object[field];
        if (typeof value === 'string') for (const word of value.toLowerCase().match(/[a-z0-9]+/g) ?? []) attack.add(word);
      }
    }
    const unknown = GLOSSARY_EN.flatMap(([pattern, english]) =>
      (english.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => !attack.has(word)).map((word) => `${pattern.source}: ${word}`),
    );
    expect(unknown).to.deep.equal([]);
  });

  it('begins every alternative of every pattern where the matcher tries (a word, `.`, `%` or `\\`)', () => {
    /** The top-level alternatives of a pattern's source (outside groups, classes and escapes). */
    const alternatives = (source: string): string[] => {
      const parts = [''];
      for (let i = 0, depth = 0, inClass = false; i < source.length; i++) {
        const c = source[i]!;
        if (c === '\\') {
          parts[parts.length - 1] += c + source[++i]!;
          continue;
        }
        if (inClass) inClass = c !== ']';
        else if (c === '[') inClass = true;
        else if (c === '(') depth++;
        else if (c === ')') depth--;
        else if (c === '|' && depth === 0) {
          parts.push('');
          continue;
        }
        parts[parts.length - 1] += c;
      }
      return parts;
    };
    const misplaced = GLOSSARY_EN.flatMap(([pattern]) => alternatives(pattern.source).filter((alt) => !/^(?:\\b|\\\.|%|\\\\)/.test(alt)));
    expect(misplaced).to.deep.equal([]);
    expect(expandPassage('echo %username%').map((e) => e.written)).to.deep.equal(['%username%']);
  });

  it("finds each entry's first match, as the entry's own pattern does (the rows above, eval sentences, corpus reports line by line)", () => {
    // The definition: each entry searched for alone, where a word, `.`, `%` or `\\` begins. expandPassage finds the
    // same through one pass of a looser pattern (the entries without their word boundaries) that says where to try.
    const alone = GLOSSARY_EN.map(([pattern]) => new RegExp(`(?:(?<!\\w)|(?=[.%\\\\]))(?:${pattern.source})`, `${pattern.flags}g`));
    const firstMatches = (text: string): string[] =>
      alone.flatMap((pattern) => {
        pattern.lastIndex = 0;
        const match = pattern.exec(text);
        return match ? [match[0].trim().replace(/[.,;:]+$/, '')] : [];
      });
    const texts = [
      ...rows.map(([text]) => text),
      ...readdirSync(join(repoRoot, 'eval'))
        .filter((f) => f.endsWith('.jsonl'))
        .flatMap((f) => readFileSync(join(repoRoot, 'eval', f), 'utf8').trim().split('\n').map((line) => JSON.parse(line).text as string)),
      ...readdirSync(join(repoRoot, 'test/corpus/reports')).flatMap((f) => readFileSync(join(repoRoot, 'test/corpus/reports', f), 'utf8').split('\n')),
    ];
    const differing = texts.filter((text) => JSON.stringify(expandPassage(text).map((e) => e.written)) !== JSON.stringify(firstMatches(text)));
    expect(texts.length).to.be.above(900);
    expect(texts.filter((text) => firstMatches(text).length).length, 'passages some entry reads').to.be.above(200);
    expect(differing).to.deep.equal([]);
  });

  it('takes out word boundaries only, not a backspace in a class nor an escaped backslash before a b', () => {
    expect(withoutWordBoundaries('\\bdrop(?:s|ped)\\b')).to.equal('drop(?:s|ped)');
    expect(withoutWordBoundaries('[\\b\\]]x\\b')).to.equal('[\\b\\]]x');
    expect(withoutWordBoundaries('\\\\bin\\B')).to.equal('\\\\bin\\B');
  });

  it('is linear on a long passage (bounded patterns only)', () => {
    const long = `${'dropped the files onto '.repeat(20_000)}x`;
    expect(expandPassage(long).map((e) => e.written)).to.deep.equal(['dropped']);
  });
});
