import { readdirSync } from 'node:fs';
import { expect } from 'chai';
import { canonicalTechniqueId } from '../../lib/attack/technique-id.js';
import {
  TECHNIQUE_ID_PATTERN,
  findTechniqueIds,
  parseReference,
  parseTacticList,
  tacticDisplayName,
} from '../../lib/normalize/parse-reference.js';
import { READING_RULES } from '../../lib/normalize/tokenize-references.js';
import { TACTIC_NAMES, tacticShortname } from '../../lib/normalize/tactic-names.js';
import { tacticKey, tacticWordsKeys } from '../../lib/normalize/tactic-text.js';
import { loadRelease, readRawBundle, stixDir, stixFile } from '../helpers/attack.js';

interface Expected {
  ids: string[];
  name?: string;
  tactics?: string[];
  rules?: string[];
}

const NFKC = 'full-width characters folded (NFKC)';

// [raw, expected]: the shapes reports write technique references in.
const shapes: Array<[string, Expected]> = [
  ['T1193', { ids: ['T1193'], rules: [] }],
  ['t1193', { ids: ['T1193'], rules: ['a lower-case t starts the ID (t1193)'] }],
  [' T1193 ', { ids: ['T1193'], rules: [] }],
  ['T1566.001', { ids: ['T1566.001'], rules: [] }],
  ['T1566/001', { ids: ['T1566.001'], rules: ['a slash separates a sub-technique (T1566/001)'] }],
  ['T1566-001', { ids: ['T1566.001'], rules: ['a hyphen separates a sub-technique (T1566-001)'] }],
  ['T1566_001', { ids: ['T1566.001'], rules: ['an underscore separates a sub-technique (T1566_001)'] }],
  ['T1566 .001', { ids: ['T1566.001'], rules: ['a space before the dot of a sub-technique (T1566 .001)'] }],
  ['Name (T1193)', { ids: ['T1193'], name: 'Name', rules: [] }],
  ['T1193 - Name', { ids: ['T1193'], name: 'Name' }],
  ['T1193: Name', { ids: ['T1193'], name: 'Name' }],
  ['T1193 – Name', { ids: ['T1193'], name: 'Name', rules: [] }],
  ['[T1193] Name', { ids: ['T1193'], name: 'Name' }],
  ['Name [T1193]', { ids: ['T1193'], name: 'Name' }],
  ['Name（T1193）', { ids: ['T1193'], name: 'Name', rules: [NFKC] }],
  ['Ｔ１１９３', { ids: ['T1193'], rules: [NFKC] }],
  ['ｔ１５６６／００１', { ids: ['T1566.001'], rules: [NFKC, 'a lower-case t starts the ID (t1193)', 'a slash separates a sub-technique (T1566/001)'] }],
  ['スピアフィッシングの添付ファイル（T1193）', { ids: ['T1193'], name: 'スピアフィッシングの添付ファイル' }],
  ['Spearphising Link', { ids: [], name: 'Spearphising Link', rules: [] }],
  ['Phishing: Spearphishing Attachment', { ids: [], name: 'Phishing: Spearphishing Attachment' }],
  ['Spearphishing\nAttachment (T1193)', { ids: ['T1193'], name: 'Spearphishing Attachment', rules: ['line breaks joined (a wrapped cell)'] }],
  ['スピアフィッシングの\n添付ファイル（T1193）', { ids: ['T1193'], name: 'スピアフィッシングの添付ファイル' }],
  ['T1059.001, T1059.003', { ids: ['T1059.001', 'T1059.003'] }],
  ['T1059.001, T1059.003 PowerShell and cmd', { ids: ['T1059.001', 'T1059.003'], name: 'PowerShell and cmd' }],
  // Two names for two IDs: no single name is right.
  ['PowerShell (T1059.001), Windows Command Shell (T1059.003)', { ids: ['T1059.001', 'T1059.003'] }],
  ['T1059.001/.003', { ids: ['T1059.001', 'T1059.003'], rules: ['sibling sub-techniques written as a shorthand (T1059.001/.003, T1566.001 and .002)'] }],
  ['T1059.001/003', { ids: ['T1059.001', 'T1059.003'] }],
  ['T1193, T1193 again', { ids: ['T1193'], name: 'again' }],
  [
    '[Spearphishing Attachment](https://attack.mitre.org/techniques/T1566/001)',
    {
      ids: ['T1566.001'],
      name: 'Spearphishing Attachment',
      rules: ['a markdown link keeps its text', 'an ATT&CK URL stands for its technique (/techniques/T1566/001/)'],
    },
  ],
  ['https://attack.mitre.org/techniques/T1566/001/', { ids: ['T1566.001'] }],
  ['https://attack.mitre.org/techniques/T1105', { ids: ['T1105'] }],
  ['**T1566.001** Spearphishing Attachment', { ids: ['T1566.001'], name: 'Spearphishing Attachment' }],
  // Red Canary's 2020 Threat Detection Report as PDF text a converter escaped as Markdown (find_string index file 23057191732).
  ['Remote File Copy (T1105\\)', { ids: ['T1105'], name: 'Remote File Copy', rules: ['a Markdown escape before a punctuation character is dropped (T1021\\.004, Remote File Copy (T1105\\))'] }],
  ['\\- Spearphishing Link \\(T1566.002\\)', { ids: ['T1566.002'], name: 'Spearphishing Link' }],
  // A ref copied from a web page with a zero-width space inside its ID (our own, in the shape tofrankie/blog issue #296 shows).
  ['T1059\u200b.001 PowerShell', { ids: ['T1059.001'], name: 'PowerShell', rules: ['a zero-width space, word joiner or byte order mark (U+200B, U+2060, U+FEFF) is left out, as web pages hide them in an ID or beside it (T1<U+200B>059.001)'] }],
  // Red Canary's 2020 Threat Detection Report's section heading (find_string index file 22282697269): "Technique" labels
  // the ID, the words before it are the heading's, the name follows the colon. A dash after it leads to no name: a
  // pasted link's text (`Remote Services, Technique T1021 – Enterprise | MITRE ATT&CK®`, test/corpus) keeps the words before.
  ['Additional Research: Technique T1003: Credential Dumping', { ids: ['T1003'], name: 'Credential Dumping' }],
  ['Remote Services, Technique T1021 – Enterprise', { ids: ['T1021'], name: 'Remote Services' }],
  ['"PowerShell" (T1059.001)', { ids: ['T1059.001'], name: 'PowerShell' }],
  ['Initial Access [TA0001]: Phishing (T1566)', { ids: ['T1566'], name: 'Phishing', tactics: ['Initial Access [TA0001]'] }],
  ['Command and Control: Custom Command and Control Protocol (T1094)', { ids: ['T1094'], name: 'Custom Command and Control Protocol', tactics: ['Command and Control'] }],
  ['Regsvr32 (T1117) (Execution, Defense Evasion)', { ids: ['T1117'], name: 'Regsvr32', tactics: ['Execution', 'Defense Evasion'] }],
  ['初期アクセス（TA0001）：スピアフィッシング（T1193）', { ids: ['T1193'], name: 'スピアフィッシング', tactics: ['初期アクセス(TA0001)'] }],
];

// Text holding no technique ID: tactic, group and software IDs, CVEs, T-numbers inside longer words or numbers.
const notTechniques: Array<[string, Expected]> = [
  ['TA0001', { ids: [], tactics: ['TA0001'] }],
  ['G0050', { ids: [] }],
  ['APT32 (G0050)', { ids: [], name: 'APT32 (G0050)' }],
  ['S0227', { ids: [] }],
  ['CVE-2017-11882', { ids: [], name: 'CVE-2017-11882' }],
  ['XT12345', { ids: [], name: 'XT12345' }],
  ['T12345', { ids: [], name: 'T12345' }],
  ['T1234.5678', { ids: [], name: 'T1234.5678' }],
  ['T1193-2020', { ids: [], name: 'T1193-2020' }],
  ['A150-096 - Malicious File Transfer', { ids: [], name: 'A150-096 - Malicious File Transfer' }],
];

function checkRow(raw: string, expected: Expected): void {
  const parsed = parseReference(raw);
  expect(parsed.raw).to.equal(raw);
  expect(parsed.ids).to.deep.equal(expected.ids);
  expect(parsed.name).to.equal(expected.name);
  expect(parsed.tactics).to.deep.equal(expected.tactics ?? []);
  if (expected.rules) expect(parsed.rules).to.deep.equal(expected.rules);
}

describe('parseReference', () => {
  describe('reads the shapes reports write references in', () => {
    for (const [raw, expected] of shapes) {
      it(`${JSON.stringify(raw)} -> ${expected.ids.join(', ') || 'no ID'}${expected.name ? ` "${expected.name}"` : ''}`, () =>
        checkRow(raw, expected));
    }
  });

  describe('finds no technique ID where there is none', () => {
    for (const [raw, expected] of notTechniques) {
      it(`${JSON.stringify(raw)} -> no technique ID`, () => checkRow(raw, expected));
    }
  });

  it('only reports labels of READING_RULES, in their order', () => {
    const labels: readonly string[] = READING_RULES;
    for (const [raw] of [...shapes, ...notTechniques]) {
      const { rules } = parseReference(raw);
      expect(labels).to.include.members(rules);
      expect(rules).to.deep.equal([...rules].sort((a, b) => labels.indexOf(a) - labels.indexOf(b)));
    }
  });

  it('agrees with canonicalTechniqueId on every ID-only shape', () => {
    for (const raw of ['t1193', ' T1193 ', 'T1566/001', 'T1566-001', 'T1566_001', 'T1566 .001', 'Ｔ１１９３', 'T1566.001']) {
      expect(parseReference(raw).ids, raw).to.deep.equal([canonicalTechniqueId(raw)]);
    }
  });
});

describe('TECHNIQUE_ID_PATTERN and findTechniqueIds', () => {
  it('is not global (a shared regex must not keep state between calls)', () => {
    expect(TECHNIQUE_ID_PATTERN.global).to.equal(false);
    expect(TECHNIQUE_ID_PATTERN.exec('see T1566/001')?.groups).to.deep.include({ technique: '1566', sub: '001' });
  });

  it('gives each ID with its place, a shorthand as one place', () => {
    expect(findTechniqueIds('A T1193, B t1059.001/.003 and T1071-001.')).to.deep.equal([
      { ids: ['T1193'], index: 2, end: 7 },
      { ids: ['T1059.001', 'T1059.003'], index: 11, end: 25 },
      { ids: ['T1071.001'], index: 30, end: 39 },
    ]);
  });
});

describe('tacticDisplayName', () => {
  const rows: Array<[string, string | undefined]> = [
    ['Initial Access', 'Initial Access'],
    ['initial-access', 'Initial Access'],
    ['Initial Access [TA0001]', 'Initial Access'],
    ['TA0001', 'TA0001'],
    ['初期アクセス', 'Initial Access'],
    ['実行', 'Execution'],
    ['防御回避', 'Defense Evasion'],
    ['コマンド＆コントロール', 'Command and Control'],
    ['コマンドアンドコントロール', 'Command and Control'],
    ['C&C', 'Command and Control'],
    ['Command & Control', 'Command and Control'],
    ['持ち出し', 'Exfiltration'],
    // Spanish, Portuguese, French, German and Italian, with or without their accents.
    ['Acceso Inicial', 'Initial Access'],
    ['Ejecución', 'Execution'],
    ['Ejecucion', 'Execution'],
    ['Escalada de privilegios', 'Privilege Escalation'],
    ['Evasão de Defesa', 'Defense Evasion'],
    ['Contournement des défenses', 'Defense Evasion'],
    ['Élévation de privilèges', 'Privilege Escalation'],
    ['Erstzugriff', 'Initial Access'],
    ['Zugriff auf Anmeldeinformationen', 'Credential Access'],
    ['Beeinträchtigung', 'Impact'],
    ['Mando y Control', 'Command and Control'],
    ['Movimento laterale', 'Lateral Movement'],
    // Spanish SOC write-ups' `| Acceso con Credenciales | T1003 |` and `| Sigilo | T1027 |` (ATT&CK 19's Stealth);
    // Spanish tactic lists' `Evasión defensiva`, `Colección`.
    ['Acceso con Credenciales', 'Credential Access'],
    ['Evasión defensiva', 'Defense Evasion'],
    ['Colección', 'Collection'],
    ['Sigilo', 'Stealth'],
    // Dutch, as Microsoft's nl-NL security documentation writes the tactics; `Detectie` is also detection: none.
    ['Initiële toegang', 'Initial Access'],
    ['Eerste toegang', 'Initial Access'],
    ['Uitvoering', 'Execution'],
    ['Escalatie van bevoegdheden', 'Privilege Escalation'],
    ['Ontwijking van verdediging', 'Defense Evasion'],
    ['Toegang tot referenties', 'Credential Access'],
    ['Zijbeweging', 'Lateral Movement'],
    ['Verzameling', 'Collection'],
    ['Opdracht en controle', 'Command and Control'],
    ['Exfiltratie', 'Exfiltration'],
    ['Detectie', undefined],
    // A name's words in another order, joined by a conjunction (a Spanish plan's `Táctica: Defensa y Evasión`).
    ['Defensa y Evasión', 'Defense Evasion'],
    ['Defense and Evasion', 'Defense Evasion'],
    ['Défense et Évasion', 'Defense Evasion'],
    ['Verteidigung und Umgehung', 'Defense Evasion'],
    ['Defesa e Evasão', 'Defense Evasion'],
    ['Credenciales y Acceso', 'Credential Access'],
    ['Evasion de la defensa', 'Defense Evasion'],
    // A tactic as a stage of the attack, as Chinese writes it (`执行阶段`, Traditional `初始存取階段`); the word alone is none.
    ['执行阶段', 'Execution'],
    ['初始存取階段', 'Initial Access'],
    ['阶段', undefined],
    ['Credenciales de acceso', undefined],
    ['Access Credentials', undefined],
    // The words Chinese and Korean tables write besides (TACTIC_NAMES cites each): `| Initial Access | 初始入侵 |`, `|
    // Persistence | 权限维持 |`, `| TA0010 | Exfiltration | 数据外泄 |`, `| TA0011 | Command and Control | 指令与控制 |`.
    ['初始入侵', 'Initial Access'],
    ['攻击执行', 'Execution'],
    ['权限维持', 'Persistence'],
    ['權限維持', 'Persistence'],
    ['环境发现', 'Discovery'],
    ['数据收集', 'Collection'],
    ['指令与控制', 'Command and Control'],
    ['数据外泄', 'Exfiltration'],
    ['危害影响', 'Impact'],
    ['지속성 확보', 'Persistence'],
    // A name in two scripts side by side, no bracket between, as a bilingual table's tactic cell writes it: the tactic
    // both halves name, once; none where they name two, or one half names none.
    ['持久化 Persistence', 'Persistence'],
    ['Persistence 持久化', 'Persistence'],
    ['Initial Access 初期アクセス', 'Initial Access'],
    ['명령 및 제어 C2', 'Command and Control'],
    ['持久化 Execution', undefined],
    ['PowerShell 执行', undefined],
    // A word said for two tactics is none; English words a letter from another language's name stay words.
    ['Erkundung', undefined],
    ['Persistent', undefined],
    ['Collected', undefined],
    ['Spearphishing Attachment', undefined],
    ['Custom Command and Control Protocol', undefined],
  ];
  for (const [text, display] of rows) {
    it(`${text} -> ${display ?? 'no tactic'}`, () => expect(tacticDisplayName(text)).to.equal(display));
  }

  it('reads lists of tactics, and nothing that is not all tactics', () => {
    expect(parseTacticList('Execution, Defense Evasion')).to.deep.equal(['Execution', 'Defense Evasion']);
    expect(parseTacticList('Execution and Command and Control')).to.deep.equal(['Execution', 'Command and Control']);
    expect(parseTacticList('実行、防御回避')).to.deep.equal(['Execution', 'Defense Evasion']);
    expect(parseTacticList('Erstzugriff, Exfiltration, Sammlung')).to.deep.equal(['Initial Access', 'Exfiltration', 'Collection']);
    expect(parseTacticList('Execution, Regsvr32')).to.equal(undefined);
    // Conjunctions of the other languages read here join tactics too, but not the words of one.
    expect(parseTacticList('Ejecución y Persistencia')).to.deep.equal(['Execution', 'Persistence']);
    expect(parseTacticList('Ejecución y Comando y control')).to.deep.equal(['Execution', 'Command and Control']);
    expect(parseTacticList('Persistência e Defesa e Evasão')).to.deep.equal(['Persistence', 'Defense Evasion']);
    expect(parseTacticList('Ejecución y Scripting')).to.equal(undefined);
    // A plus joins them too (a Spanish SOC timeline's `Ejecución+Impacto`).
    expect(parseTacticList('Ejecución+Impacto')).to.deep.equal(['Execution', 'Impact']);
    expect(parseTacticList('Execution + Defense Evasion')).to.deep.equal(['Execution', 'Defense Evasion']);
  });

  it('knows no two tactics by the same words (their linking words aside)', () => {
    const tacticOf = new Map<string, string>();
    for (const [display, ...written] of TACTIC_NAMES) {
      for (const text of [display, ...written]) {
        const [words] = tacticWordsKeys(text);
        if (!words) continue;
        for (const key of [words, `& ${words.split(' ').sort().join(' ')}`]) {
          expect(tacticOf.get(key) ?? display, `${text} has the words of a name of ${tacticOf.get(key)}`).to.equal(display);
          tacticOf.set(key, display);
        }
      }
    }
  });

  it('reads every written form as its own tactic only, however it is folded (no form of one tactic is another\'s)', () => {
    const tacticOf = new Map<string, string>();
    for (const [display, ...written] of TACTIC_NAMES) {
      for (const text of [display, ...written]) {
        const key = tacticKey(text);
        expect(tacticOf.get(key) ?? display, `${text} folds like a name of ${tacticOf.get(key)}`).to.equal(display);
        tacticOf.set(key, display);
        expect(tacticDisplayName(text), text).to.equal(display);
      }
    }
  });

  it('names exactly the tactics of ATT&CK Enterprise 18.1', () => {
    const attack = loadRelease('18.1');
    expect(TACTIC_NAMES.map(([display]) => display)).to.have.members(attack.tactics().map((tactic) => tactic.name));
    for (const tactic of attack.tactics()) expect(tacticDisplayName(tactic.shortname), tactic.shortname).to.equal(tactic.name);
    for (const tactic of attack.tactics()) expect(tacticShortname(tactic.name)).to.equal(tactic.shortname);
  });
});

describe('every technique name ATT&CK has given (every release in ATTACK_STIX_DIR)', () => {
  it('is read whole, alone and beside its ID, a leading path\'s slash kept (T1003.008 /etc/passwd and /etc/shadow)', function () {
    this.timeout(120_000);
    const files = readdirSync(stixDir(), { recursive: true, encoding: 'utf8' }).filter((file) => /-attack-[\d.]+\.json\.gz$/.test(file));
    expect(files.length).to.be.greaterThan(10);
    const named = new Map<string, string>();
    for (const file of files) {
      for (const object of readRawBundle(stixFile(file)).objects) {
        if (object.type !== 'attack-pattern' || typeof object['name'] !== 'string') continue;
        const id = (object['external_references'] as { source_name: string; external_id?: string }[]).find((ref) => /^mitre-/.test(ref.source_name) && /^T\d{4}(\.\d{3})?$/.test(ref.external_id ?? ''))?.external_id;
        if (id) named.set(`${id}\t${object['name']}`, id);
      }
    }
    expect([...named.keys()]).to.include('T1003.008\t/etc/passwd and /etc/shadow');
    const misread: string[] = [];
    for (const [key, id] of named) {
      const name = key.slice(key.indexOf('\t') + 1);
      const fold = (text?: string): string | undefined => text?.toLowerCase().replace(/\s+/g, ' ');
      for (const raw of [name, `${name} (${id})`, `${id} - ${name}`]) if (fold(parseReference(raw).name) !== fold(name)) misread.push(`${raw}: ${parseReference(raw).name}`);
    }
    expect(misread).to.deep.equal([]);
  });
});
