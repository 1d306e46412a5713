import { lettersThenDigits, nameKey, type AttackIndex } from '../attack/attack-index.js';
import type { ActorRecord } from '../attack/types.js';
import type { AttackObjectKind } from '../normalize/attack-object-kinds.js';
import { objectKind } from '../normalize/resolve-attack-object.js';
import { foldLines, originalSpan, type FoldedText } from '../normalize/tokenize-references.js';
import type { ReportSpan } from './extract-references.js';
import { isCommonEnglishWord } from '../common-words.js';
import { furnitureLines, inEvaluationName, inExample } from './passing-mentions.js';
import { CJK_GROUP_NAMES, CJK_GROUP_NAMES_NOT_IN_ATTACK } from './cjk-group-names.js';
import { hasMbcMethod, mbcBlockLines } from './mbc-blocks.js';

/** A group, software or campaign that a report names, found by its ATT&CK name, alias or ID. */
export interface FoundAttackObject {
  /** ATT&CK ID of the current object (a revoked one's replacement). */
  id: string;
  name: string;
  kind: AttackObjectKind;
  /**
   * How the report writes it, at its first mention (`TEMP.Periscope`, `AIRBREAK`); its name where the report names it by
   * a script of it (`psexec.py`, Impacket's: the note says so), which names no software as a campaign's `software:` ref.
   */
  written: string;
  /**
   * The alias it was found by at its first mention, as ATT&CK writes it (`TEMP.Periscope`, where the report writes
   * `TEMP.PERISCOPE`); absent where a name or an ID found it.
   */
  alias?: string;
  /** Its first mention. */
  span: ReportSpan;
  /** Every line that mentions it, in order. */
  lines: number[];
  /** How the name was read: its own name, an alias of it, or a revoked object it replaces. */
  note: string;
  /**
   * The lines of `lines` that name it only in passing, in an ATT&CK Evaluation's name or the page's furniture
   * (`passing-mentions`): no evidence that it is the report's actor. Absent when there is none.
   */
  aside?: number[];
  /**
   * The lines of `lines` that name a group only as an example or a comparison (`threat groups such as APT28 and FIN13`,
   * `e.g., Lazarus Group`, `similar to what APT28 has done`: `inExample`): no evidence that it is the report's actor
   * either. Absent when there is none.
   */
  examples?: number[];
  /** Each place a structured input names it (a MISP event's `mitre-malware` and `mitre-tool` clusters and tags), with its line. */
  from?: string[];
}

/** One way ATT&CK writes an object: a name, alias or ID, and the object it leads to. */
interface NameForm {
  written: string;
  key: string;
  object: ActorRecord;
  by: 'id' | 'name' | 'alias';
  /** How strictly it must be matched (see `matchRule`). */
  rule: MatchRule;
  /**
   * The name or alias this form writes otherwise, and how: without its version's `.0` (`LockBit 3` of `LockBit 3.0`,
   * `VERSION_ZERO`), or its letters and digits apart or together (`APT 41` of `APT41`, `spacedForms`).
   */
  of?: { written: string; how: string };
  /** The words one of which must follow it, the last word of the name it writes translated (`그룹` of `Lazarus Group`). */
  followedBy?: readonly string[];
}

// The last word of a group's name or alias that says what it is (`Lazarus Group`, `Sandworm Team`), as Korean,
// Japanese and Chinese write it after the name's other words in Latin letters: `Lazarus 그룹은`, `Lazarus 그룹의 웜 Brambul` (a
// Korean analysis of Brambul), `'라자루스(Lazarus)' 그룹의 소행` (Korean news of ESRC's report, lawissue.co.kr,
// 2020-06-23), `Lazarusグループ`. Chinese writes every group's name before 组织 (organisation: `DTrack是Lazarus组织开发的后门`,
// 4hou.com's translation of Securelist's DTrack report; `Sandworm组织` for Sandworm Team, anquanke.com's of CERT-UA's
// 6278706; `APT28组织`, `海莲花组织`), 团伙 (gang: `Lazarus團伙`), 小组 (team), 集团 (group: `Lazarus集团`), or `APT组织`
// (`Sandworm APT组织`), in simplified or traditional characters. These text beside a name need no space, so the word may
// be glued to it. Korean writes 조직 (organisation) as Chinese writes 组织, for a group or a team, and `APT조직` or
// `해킹조직` (hacking organisation) as Chinese writes `APT组织`: `라자루스 조직이 암호화폐 사용자를 대상으로 유포한`
// (inews24.net/view/wrlted/1216657, of ESRC's report, 2020), ESRC's title `라자루스 APT조직, 텔레그램 메신저로 …`,
// ESRC's `APT 캠페인 Konni & Kimsuky 조직의 공통점 발견` (estsecurity.com, 2019-06-20).
const CHINESE_KIND_WORDS = ['APT组织', 'APT組織', '组织', '組織', '团伙', '團伙', '團夥', '小组', '小組'];
const KOREAN_KIND_WORDS = ['APT조직', 'APT 조직', '해킹조직', '해킹 조직', '조직'];
const KIND_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['group', ['그룹', 'グループ', '集团', '集團', ...KOREAN_KIND_WORDS, ...CHINESE_KIND_WORDS]],
  ['team', ['팀', 'チーム', ...KOREAN_KIND_WORDS, ...CHINESE_KIND_WORDS]],
]);
// 조직 that goes on as another word is none of these: 조직적 (organised), 조직화 (organising).
const goesOn = (word: string, after: string): boolean => word.endsWith('조직') && /^[적화]/u.test(after);
/** The language of each of those words, as a note says it. */
const kindWordLanguage = (word: string): string => (/\p{Script=Hangul}/u.test(word) ? 'Korean' : /\p{Script=Katakana}/u.test(word) ? 'Japanese' : 'Chinese');
// What may stand between the name and that word: a closing quote or bracket (`라자루스(Lazarus) 그룹`, `“Lazarus”组织`),
// spaces, and a bracket of the name in Hangul, kana or Chinese (`Lazarus(라자루스) 그룹`, `Lazarus（拉撒路）组织`).
const BEFORE_KIND_WORD = /^[\s'"’”」』)）]*(?:[(（][\p{Script=Hangul}\p{Script=Katakana}\p{Script=Han}ー・\s]+[)）][\s'"’”」』]*)?/u;
// The name in Latin letters in brackets right after a Chinese or Korean name (`响尾蛇（SideWinder）`, `海莲花(OceanLotus)`):
// it may stand between that name and the word for a group too.
const BRACKETED_NAME = /^\s*[(（]([\p{Script=Latin}\d][\p{Script=Latin}\d .\-]{0,38})[)）]/u;

/** Every word for a group or a team of those, longest first. */
const GROUP_WORDS = [...new Set([...KIND_WORDS.values()].flat())].sort((a, b) => b.length - a.length);
// `APT组织“蔓灵花“RPC”后门` (a xz.aliyun.com title, 2024): the word for a group may stand before the name too, a quote between.
const GROUP_WORD_BEFORE = /APT\s?(?:组织|組織|조직)[\s“"'‘「『]*$/u;

/** Whether a word for a group stands right after `end` of the line (a quote or a bracket between) or `APT组织` right before `start`. */
function groupWordBeside(line: string, start: number, end: number): boolean {
  const after = line.slice(end, end + 80).replace(BRACKETED_NAME, '');
  const rest = after.slice(BEFORE_KIND_WORD.exec(after)![0].length);
  const word = GROUP_WORDS.find((each) => rest.startsWith(each));
  return (word !== undefined && !goesOn(word, rest.slice(word.length))) || GROUP_WORD_BEFORE.test(line.slice(Math.max(0, start - 12), start));
}

/** A name of the glossary on a line, beside a word for a group. */
interface GlossaryMention {
  written: string;
  attack: string;
  object: ActorRecord;
  start: number;
  end: number;
  /** The name in Latin letters in brackets after it, if any. */
  bracket?: string;
  /** The objects of the release that name is of. */
  named: ActorRecord[];
}

/**
 * The glossary's names on a line beside a word for a group, each with the name in Latin letters in brackets after it
 * (`响尾蛇（SideWinder）APT组织`: the writer's own, read as ATT&CK's names are) and the objects of the release that name
 * is of. Where it names a group, the glossary's reading must be the same group; else the English name alone is read.
 */
function glossaryMentions(line: string, glossary: ReturnType<typeof glossaryGroups>, table: NameTable): GlossaryMention[] {
  if (!/[^\x00-\x7F]/.test(line)) return [];
  return glossary.flatMap(({ written, attack, object }) => {
    const found: GlossaryMention[] = [];
    for (let start = line.indexOf(written); start >= 0; start = line.indexOf(written, start + written.length)) {
      const end = start + written.length;
      if (!groupWordBeside(line, start, end)) continue;
      const bracket = BRACKETED_NAME.exec(line.slice(end))?.[1]?.trim();
      found.push({ written, attack, object, start, end, ...(bracket ? { bracket } : {}), named: bracket ? bracketedObjects(bracket, table) : [] });
    }
    return found;
  });
}

/** The objects of the release a name in brackets is the name or alias of, by the words ATT&CK writes (`SideWinder`: G0121). */
function bracketedObjects(name: string, table: NameTable): ActorRecord[] {
  const forms = (table.byWords.get(words(name).join(' ').toLowerCase()) ?? []).filter((form) => !form.of && form.key === nameKey(name));
  return [...new Set(forms.map((form) => form.object))];
}

/** The group of the release each name of `CJK_GROUP_NAMES` leads to, by the name or alias ATT&CK writes; none where it has none. */
function glossaryGroups(table: NameTable): Array<{ written: string; attack: string; object: ActorRecord }> {
  return CJK_GROUP_NAMES.flatMap(({ written, attack }) => {
    const forms = (table.byWords.get(words(attack).join(' ').toLowerCase()) ?? []).filter((form) => !form.of && form.key === nameKey(attack) && objectKind(form.object) === 'group');
    const objects = [...new Set(forms.map((form) => form.object))];
    return objects.length === 1 ? written.map((each) => ({ written: each, attack, object: objects[0]! })) : [];
  });
}

// A name in Chinese characters or Hangul, in quotes, right before a word for a group (`“毒云藤”组织`, `'김수키' 조직`).
const QUOTED_GROUP_NAME = /[“"'‘「『]([\p{Script=Han}\p{Script=Hangul}]{2,8})[”"'’」』]\s*(?:APT\s?)?(?:组织|組織|团伙|團伙|團夥|小组|小組|조직|그룹)/gu;

/**
 * Notes for the names in Chinese characters or Hangul that a report quotes before a word for a group
 * (`“毒云藤”组织`, 360's APT-C-01) and that neither the release nor `CJK_GROUP_NAMES` leads to a group of: no group is
 * found for them, and the analyst is told so rather than nothing. Unquoted, where such a name starts is not told.
 */
export function unknownGroupNames(lines: readonly FoldedText[], index: AttackIndex): string[] {
  const table = nameTable(index);
  const glossary = glossaryGroups(table);
  const notHeld = CJK_GROUP_NAMES_NOT_IN_ATTACK.filter(({ known }) => !known.some((name) => index.actors(name).length));
  const known = new Set([...glossary.map(({ written }) => written), ...notHeld.flatMap(({ written }) => written)]);
  return lines.flatMap(({ text }, i) => [
    // `肚脑虫组织`, quoted or not: a group vendors track that the release holds none for, said once a line.
    ...notHeld.flatMap(({ written, known: names }) => {
      const first = written.find((each) => text.includes(each));
      return first
        ? [`line ${i + 1}: "${first}" is the group known as ${names.join(' or ')}, which ATT&CK ${index.release} holds no group for (by that name, an alias or its code): write the actor by hand`]
        : [];
    }),
    ...[...text.matchAll(QUOTED_GROUP_NAME)]
      .filter((m) => !known.has(m[1]!))
      .map((m) => `line ${i + 1}: "${m[1]}" names a group (${m[0]}) that neither ATT&CK ${index.release} nor extract's glossary of Chinese and Korean group names leads to: write its ATT&CK group by hand, if it has one`),
    // `白象（APT28）组织`: the glossary's group and the writer's English name in brackets disagree; the English name is read.
    ...glossaryMentions(text, glossary, table)
      .filter(({ object, named }) => named.length && !named.includes(object))
      .map(({ written, object, bracket, named }) =>
        `line ${i + 1}: "${written}" is ${object.id} ${object.name} by extract's glossary of Chinese and Korean group names, but the name in its brackets, "${bracket}", is ${named.map((other) => `${other.id} ${other.name}`).join(' or ')}: read as the name in brackets; check which group the report means`,
      ),
  ]);
}

/**
 * The word of those a form must be followed by that follows it at `end` of the line, if any. A Chinese word never follows
 * a name of three characters or fewer (`UPS小组`, of APT3's alias `UPS Team`, is as likely a power supply's team).
 */
function kindWordAfter(form: NameForm, line: string, end: number): string | undefined {
  const after = line.slice(end, end + 40);
  const rest = after.slice(BEFORE_KIND_WORD.exec(after)![0].length);
  const word = form.followedBy?.find((each) => rest.startsWith(each));
  if (!word || goesOn(word, rest.slice(word.length))) return undefined;
  return form.written.length > 3 || kindWordLanguage(word) !== 'Chinese' ? word : undefined;
}

/** A name or alias written with its last word translated (`Lazarus` of `Lazarus Group`, before `그룹`), where it has such a word. */
function translatedKindForm(written: string): { form: string; followedBy: readonly string[] } | undefined {
  const last = /\s+(\p{L}+)$/u.exec(written);
  const followedBy = last && KIND_WORDS.get(last[1]!.toLowerCase());
  return followedBy ? { form: written.slice(0, last.index), followedBy } : undefined;
}

// A name whose version is a whole number (`LockBit 3.0`, `Penquin 2.0`, `BlackByte 2.0 Ransomware`) is also written
// without its `.0`: a LockBit 3.0 layer describes itself as `lockbit 3 black` (fragkiskosk/LOCKBIT-3-BLACK-MITRE-TTP,
// layer.json), and reports write `LockBit 3 ransomware`. Not when the text goes on with another minor version
// (`LockBit 3.5` is no LockBit 3.0).
const VERSION_ZERO = /(?<=\d)\.0(?=\s|$)/;
const MINOR_VERSION = /^\.\d/;
// A number written apart from a name's words that goes on as a count (`APT 1 of 3`, `FIN 7/9`) is no name's number.
const COUNT_AFTER = /^\s*(?:of\s+|\/\s*)\d/i;

// A word of a capital then small letters (`Storm`, `Hive`), as the tracking names of Microsoft (`Storm-0501`) and IBM
// X-Force (`Hive0065`) begin.
const TITLE_WORD = /^\p{Lu}\p{Ll}+$/u;

/**
 * The other ways a name of capitals then digits is written (`APT 41` and `APT-41` of `APT41`, `TG3390` and `TG 3390` of
 * ATT&CK's `TG-3390`), with how, for names ATT&CK writes in capitals only and longer than three characters: written
 * apart, a name is two words, and its capitals are what says it is a name, not a count (`Fin 7`, Lean's type of seven;
 * `Ta 505`, tantalum at 505 mW; `PS 1`). So too a word in Title Case before a number of four digits or more, a
 * vendor's tracking number rather than a count (`Storm 1811` and `Storm1811` of `Storm-1811`, G1046: PDF text and
 * scraped pages leave Microsoft's `Storm‑1811`, its non-breaking hyphen, as a space or nothing); not `Group 5` of
 * `Group5`, nor `Team 9`, whose short numbers prose writes as counts.
 */
function spacedForms(written: string): Array<{ form: string; how: string }> {
  const parts = lettersThenDigits(written);
  if (!parts || parts.letters.length < 2 || written.length <= 3) return [];
  const capitals = parts.letters === parts.letters.toUpperCase();
  if (!capitals && !(TITLE_WORD.test(parts.letters) && parts.digits.length >= 4)) return [];
  const { letters, digits } = parts;
  return [
    { form: `${letters}${digits}`, how: 'its letters and digits written together' },
    { form: `${letters} ${digits}`, how: 'its letters and digits written apart' },
    { form: `${letters}-${digits}`, how: 'its letters and digits joined by a hyphen' },
  ].filter(({ form }) => form !== written);
}

/**
 * How a name must be written in the text to count:
 * - `any-case`: distinctive names (`TEMP.Periscope`, `APT32`, `Mimikatz`, `netsh`), case aside;
 * - `exact`: names that are also English words or common library names, written as ATT&CK writes them (`BlackCat`,
 *   `CALENDAR`, `WinMM`);
 * - `qualified`: Title Case English words, common library names and short names (`Silence`, `Empire`, `ZLib`, `RTM`),
 *   written as ATT&CK writes them and next to a word that says what they are (`the Silence group`, `ZLib backdoor`);
 * - `never`: lower-case English words and library names (`at`, `route`, `httpclient`, `webhp`), which prose is full of.
 */
type MatchRule = 'any-case' | 'exact' | 'qualified' | 'never';

// Words next to a name that say it is a group or software (English and Japanese).
const QUALIFIERS = new Set(
  ('group groups apt actor actors team gang crew operators operator campaign operation malware ransomware backdoor ' +
    'backdoors rat trojan trojans tool tools toolkit loader loaders stealer infostealer botnet worm wiper implant ' +
    'implants framework family variant variants payload downloader dropper spyware rootkit beacon agent c2 server ' +
    'マルウェア グループ ランサムウェア バックドア ツール ダウンローダー ローダー 攻撃グループ')
    .split(' '),
);
// Names of people and places that ATT&CK also uses, missing from a word list of common words.
const PROPER_NAMES: ReadonlySet<string> = new Set(['james', 'kevin', 'milan', 'cuba', 'denis', 'pandora', 'lucifer', 'akira', 'medusa', 'elise', 'donut', 'ninja', 'samurai', 'avenger', 'zeus']);
// Names of libraries and formats that text writes for what they are, which ATT&CK also uses for software: words of
// the trade, missing from a word list, held to the rules of common words (`matchRule`). Each with what the word is in
// text, where real text was found writing it so.
const TECHNICAL_WORDS: ReadonlyMap<string, string> = new Map([
  ['zlib', 'the compression library (`zlib-compressed payload`, `compresse avec zlib`), not S0086 ZLib, a backdoor'],
  [
    'winmm',
    "Windows' multimedia library, winmm.dll (`Zoom.exe statically imports winmm.dll timeGetTime`, HijackLibs; `Imports " +
      "from WINMM.dll`, a disassembly's import list), not S0059 WinMM, Naikon's backdoor",
  ],
  [
    'httpclient',
    "the HTTP client class of .NET, Java and Angular (`HttpClient is a well-known class that many developers already " +
      "use`, Dapr's .NET documentation), not S0068 httpclient, Putter Panda's tool",
  ],
  [
    'webhp',
    "the path of Google's search page in its addresses (`https://www.google.com/webhp?hl=en` in a page's links), not " +
      "S0023 CHOPSTICK, which FireEye's APT28 report of January 2017 also calls webhp",
  ],
]);

/** A word in common use, a common name of a person or place, or a common library or format. */
function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  return PROPER_NAMES.has(lower) || TECHNICAL_WORDS.has(lower) || isCommonEnglishWord(word);
}

const WORD = /[\p{Script=Latin}\p{N}]+/gu;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The rule for one written form of a name. */
function matchRule(written: string, by: NameForm['by']): MatchRule {
  if (by === 'id') return 'exact';
  const parts = words(written);
  if (!parts.length) return 'never';
  const distinctive = /\d/.test(written) || /[^\p{L}\p{N}\s]/u.test(written.replace(/^.|.$/g, ''));
  if (distinctive && written.replace(/[^\p{L}\p{N}]/gu, '').length >= 3) return 'any-case';
  const common = parts.every((part) => isCommonWord(part) || part.length <= 2);
  const short = written.length <= 3;
  if (!common && !short) return 'any-case';
  if (written === written.toLowerCase()) return 'never';
  // Several capitalised words (`Night Dragon`, `Cobalt Strike`) or inner capitals (`BlackCat`) are names as written.
  if (parts.length > 1 || /\p{Ll}\p{Lu}/u.test(written)) return 'exact';
  if (written === written.toUpperCase() && !short) return 'exact';
  return 'qualified';
}

interface NameTable {
  /** Forms by the lower-cased words of their name joined by spaces. */
  byWords: Map<string, NameForm[]>;
  /** The first words of every key, shorter than the key (`lazarus` of `lazarus group`): a longer name may start so. */
  prefixes: Set<string>;
}

const tables = new WeakMap<AttackIndex, NameTable>();

/** Every name, alias and ID of the release's groups, software and campaigns, indexed by their words. */
function nameTable(index: AttackIndex): NameTable {
  let table = tables.get(index);
  if (table) return table;
  const byWords = new Map<string, NameForm[]>();
  const prefixes = new Set<string>();
  for (const actor of [...index.data.groups, ...index.data.software, ...index.data.campaigns]) {
    const object = index.finalActor(actor);
    if (object.deprecated) continue;
    const named: Array<[string, NameForm['by']]> = [
      [actor.id, 'id'],
      [actor.name, 'name'],
      ...actor.aliases.map((alias): [string, NameForm['by']] => [alias, 'alias']),
    ];
    // Each written form, with the name it writes otherwise and the rule it is held to, where not its own.
    const forms: Array<[string, NameForm['by'], NameForm['of']?, MatchRule?]> = [
      ...named,
      ...named
        .filter(([written, by]) => by !== 'id' && VERSION_ZERO.test(written))
        .map(([written, by]): [string, NameForm['by'], NameForm['of']] => [written.replace(VERSION_ZERO, ''), by, { written, how: 'its version written without ".0"' }]),
      ...named
        .filter(([, by]) => by !== 'id')
        // Written otherwise than ATT&CK writes it, a name of capitals and digits counts only in its capitals.
        .flatMap(([written, by]) => spacedForms(written).map(({ form, how }): [string, NameForm['by'], NameForm['of'], MatchRule] => [form, by, { written, how }, 'exact'])),
    ];
    // A group's name with its last word in Korean, Japanese or Chinese: the other words count as ATT&CK writes them, or any case
    // where distinctive (`Lazarus`), and only before that word.
    const translated = new Map<string, readonly string[]>();
    if (objectKind(object) === 'group') {
      for (const [written, by] of named) {
        const kind = by === 'id' ? undefined : translatedKindForm(written);
        if (!kind || !words(kind.form).length) continue;
        const rule = matchRule(kind.form, by) === 'any-case' ? 'any-case' : 'exact';
        forms.push([kind.form, by, { written, how: `its "${written.slice(kind.form.length).trim()}" written` }, rule]);
        translated.set(kind.form, kind.followedBy);
      }
    }
    for (const [written, by, of, held] of forms) {
      const parts = words(written);
      if (!parts.length || parts.length > 8) continue;
      const rule = held ?? matchRule(written, by);
      if (rule === 'never') continue;
      const key = parts.join(' ').toLowerCase();
      const list = byWords.get(key) ?? [];
      const followedBy = of ? translated.get(written) : undefined;
      if (!list.some((form) => form.object === object && form.written === written && form.followedBy === followedBy)) {
        list.push({ written, key: nameKey(written), object, by: by === 'name' && object !== actor ? 'alias' : by, rule, ...(of ? { of } : {}), ...(followedBy ? { followedBy } : {}) });
      }
      byWords.set(key, list);
      for (let n = 1; n < parts.length; n++) prefixes.add(parts.slice(0, n).join(' ').toLowerCase());
    }
  }
  table = { byWords, prefixes };
  tables.set(index, table);
  return table;
}

// The example scripts Impacket (S0357) ships, by the names report text gives them (`psexec.py`, `secretsdump.py`, and the
// `impacket-psexec` of Kali's package): Python reimplementations over SMB, RPC and Kerberos, not the tools some are named
// after. Unit 42's post on BlackCat's Munchkin utility lists the scripts its VM holds in /usr/bin (`mimikatz.py`,
// `psexec.py`, `secretsdump.py`, `wmiexec.py`, …): they are Impacket, not S0002 Mimikatz or S0029 PsExec, which
// `mimikatz.exe` and `PsExec.exe` still name. Names from Impacket's examples directory (github.com/fortra/impacket,
// examples/), the ones a report would not give another Python file (`ping.py`, `net.py`, `reg.py` are left out).
const IMPACKET_SCRIPTS: ReadonlySet<string> = new Set(
  (
    'addcomputer atexec dacledit dcomexec describeticket dpapi dumpntlminfo esentutl exchanger finddelegation get-gpppassword ' +
    'getadusers getadcomputers getarch getlapspassword getnpusers getpac getst gettgt getuserspns goldenpac karmasmb ' +
    'keylistattack lookupsid mimikatz mqtt_check mssqlclient mssqlinstance netview ntfs-read ntlmrelayx owneredit psexec ' +
    'raisechild rbcd rdp_check registry-read rpcdump rpcmap samrdump secretsdump smbclient smbexec smbrelayx smbserver ' +
    'ticketconverter ticketer wmiexec wmipersist wmiquery'
  ).split(' '),
);
const IMPACKET = 'S0357';
// A script's name as a file (`psexec.py`) or as Kali's command (`impacket-psexec`), not part of a longer name.
const SCRIPT = /(?<![\p{L}\p{N}_.-])(?:impacket-([\p{L}\p{N}_-]+)|([\p{L}\p{N}_-]+)\.py)(?![\p{L}\p{N}_-])/giu;

/** The spans of a line that name Impacket's example scripts (`IMPACKET_SCRIPTS`), with the script as written. */
function impacketScripts(line: string): Array<{ start: number; end: number; script: string }> {
  if (!line.includes('.py') && !/impacket-/i.test(line)) return [];
  return [...line.matchAll(SCRIPT)].flatMap((m) => {
    const name = (m[1] ?? m[2])!;
    return IMPACKET_SCRIPTS.has(name.toLowerCase()) ? [{ start: m.index, end: m.index + m[0].length, script: m[0] }] : [];
  });
}

// A word and a hyphen that end a line (`attributed to Storm-`), and the number that starts the next (`0501, a …`).
const BROKEN_AT_HYPHEN = /(?<![\p{L}\p{N}-])(\p{L}[\p{L}\p{N}]{0,20}-)\s*$/u;
const NUMBER_AT_START = /^\s*(\d{1,6})(?![\p{L}\p{N}-])/u;

/** A word of a line, with where it stands. */
interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words next to a match (skipping quotes and brackets), lower-cased, and the Japanese text right after it. */
function neighbours(line: string, lineWords: readonly Word[], first: number, last: number): string[] {
  const around = [lineWords[first - 1]?.text, lineWords[last + 1]?.text].filter((w): w is string => !!w).map((w) => w.toLowerCase());
  const after = line.slice(lineWords[last]!.end, lineWords[last]!.end + 12).replace(/^[\s」』"'”’)）]+/, '');
  const japanese = [...QUALIFIERS].filter((q) => /[^\x00-\x7F]/.test(q) && after.startsWith(q));
  return [...around, ...japanese];
}

// A file's extension right after a name: a library's, a program's, a driver's.
const FILE_EXTENSION = /^\.(?:dll|exe|sys)(?![\p{L}\p{N}])/iu;

// `attack.` before a word, as a Sigma tag writes it (SigmaHQ/sigma-specification, Tags_specification.md).
const SIGMA_TAG_BEFORE = /(?<![\p{L}\p{N}_.-])attack\.$/iu;

/** Whether a candidate written in the text satisfies its form's rule. */
function accepts(form: NameForm, written: string, line: string, lineWords: readonly Word[], first: number, last: number): boolean {
  if (nameKey(written) !== form.key) return false;
  if (form.of && [MINOR_VERSION, COUNT_AFTER].some((after) => after.test(line.slice(lineWords[last]!.end)))) return false;
  if (form.followedBy && !kindWordAfter(form, line, lineWords[last]!.end)) return false;
  if (form.rule === 'any-case') return true;
  // `WinMM.dll` (a side-loading report's Windows library, winmm.dll): a name held to the rules of common words and
  // library names, right before a file's extension, names that file, not the software (S0059 WinMM, Naikon's backdoor).
  // A distinctive name keeps its file (`mimikatz.exe`, `PsExec.exe` are the tools), and an alias ATT&CK writes with its
  // extension (`net.exe`, `cmd.exe`) is a form of its own, matched whole.
  if (FILE_EXTENSION.test(line.slice(lineWords[last]!.end))) return false;
  if (written !== form.written) return false;
  if (form.rule === 'exact') return true;
  return neighbours(line, lineWords, first, last).some((word) => QUALIFIERS.has(word));
}

/**
 * Find the groups, software and campaigns of an ATT&CK release that a report names: whole words only, by name,
 * alias or ID, with case rules that keep common words from matching prose (see `MatchRule`); Japanese text around
 * the names is no obstacle (`AIRBREAKマルウェア`). A name that fits several objects is left out (it decides
 * nothing). Each object comes once, with its first mention and every line that names it, in order of first mention.
 * Linear in the text's length.
 */
export function findAttackObjects(text: string, index: AttackIndex): FoundAttackObject[] {
  return objectsInLines(foldLines(text), index);
}

/** `findAttackObjects` on a report's lines as `foldLines` gives them, for a caller that reads them for more. */
export function objectsInLines(lines: readonly FoldedText[], index: AttackIndex): FoundAttackObject[] {
  const table = nameTable(index);
  const found = new Map<string, FoundAttackObject>();
  const glossary = glossaryGroups(table);
  const impacket = index.actors(IMPACKET).map((object) => index.finalActor(object)).find((object) => !object.deprecated);
  // The lines each object is named on other than in passing, and those a group is named on as an example.
  const own = new Map<string, Set<number>>();
  const examples = new Map<string, Set<number>>();
  // The page's furniture, read at the first mention only: a report that names no object needs none of it.
  let furniture: Set<number> | undefined;
  // The lines of blocks that are MBC's, read at the first campaign ID only.
  let mbc: Set<number> | undefined;
  /** Whether a campaign's ID at `start`-`end` of line `i` is an MBC micro-behavior's (`Create Process [C0017]`). */
  const mbcId = (i: number, line: string, end: number): boolean =>
    hasMbcMethod(line, end) || (mbc ??= mbcBlockLines(lines.map((folded) => folded.original))).has(i + 1);
  const inPassing = (i: number, folded: FoldedText, start: number, end: number): boolean =>
    (furniture ??= furnitureLines(lines.map((line) => line.original))).has(i + 1) || inEvaluationName(folded.text, start, end);
  /** Count a mention of `object` at `start`-`end` of line `i`, with how it was read when it is its first. */
  const mention = (object: ActorRecord, i: number, folded: FoldedText, start: number, end: number, note: () => string, byName = false): void => {
    const passing = inPassing(i, folded, start, end);
    if (!passing && objectKind(object) === 'group' && inExample(folded.text, start)) examples.set(object.id, (examples.get(object.id) ?? new Set()).add(i + 1));
    else if (!passing) own.set(object.id, (own.get(object.id) ?? new Set()).add(i + 1));
    const seen = found.get(object.id);
    if (seen) {
      if (!seen.lines.includes(i + 1)) seen.lines.push(i + 1);
      return;
    }
    const span = originalSpan(folded, { start, end });
    found.set(object.id, {
      id: object.id,
      name: object.name,
      kind: objectKind(object),
      written: byName ? object.name : folded.original.slice(span.start, span.end),
      span: { line: i + 1, ...span },
      lines: [i + 1],
      note: note(),
    });
  };
  for (const [i, folded] of lines.entries()) {
    const { text: line } = folded;
    // Impacket's scripts name Impacket (or, in a release without it, nothing): their words are no other name.
    const scripts = impacketScripts(line);
    // The line's mentions, counted in the order the line gives them.
    const mentions: Array<{ start: number; count: () => void }> = [];
    for (const { start, end, script } of scripts) {
      if (impacket) mentions.push({ start, count: () => mention(impacket, i, folded, start, end, () => `"${script}" is a script of ${impacket.id} ${impacket.name}`, true) });
    }
    const lineWords: Word[] = [...line.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
    const lower = lineWords.map((w) => w.text.toLowerCase());
    const inScript = lineWords.map((word) => scripts.some((script) => word.start >= script.start && word.end <= script.end));
    for (let first = 0; first < lineWords.length; first++) {
      if (inScript[first]) continue;
      // The keys of the words from here, one word longer each, for as long as some name starts with them.
      const keys = [lower[first]!];
      for (let last = first + 1; last < lower.length && !inScript[last] && table.prefixes.has(keys[keys.length - 1]!); last++) {
        keys.push(`${keys[keys.length - 1]} ${lower[last]}`);
      }
      // The longest name that starts here wins (`Lazarus Group` over `Lazarus`).
      for (let n = keys.length; n >= 1; n--) {
        const last = first + n - 1;
        const forms = table.byWords.get(keys[n - 1]!);
        if (!forms) continue;
        const written = line.slice(lineWords[first]!.start, lineWords[last]!.end);
        // A Sigma rule's tag of a group or software names it by its ID, lower-case (`attack.g0010`, `attack.s0005`).
        const tagged = n === 1 && SIGMA_TAG_BEFORE.test(line.slice(Math.max(0, lineWords[first]!.start - 8), lineWords[first]!.start));
        // A file's extension or a host's label (`Get-SystemProcessInformation.ps1` is no mention of S0613 PS1).
        if (!tagged && line.charAt(lineWords[first]!.start - 1) === '.' && /[\p{L}\p{N}]/u.test(line.charAt(lineWords[first]!.start - 2))) continue;
        // A short name inside an identifier is a piece of it (a YARA rule's `SUSP_PS1_JAB_Pattern_Jun22_1` is no mention
        // of S0613 PS1); a longer one names what the rule is about (`Windows_Trojan_Bumblebee_35f50bea`).
        const inIdentifier = line.charAt(lineWords[first]!.start - 1) === '_' || line.charAt(lineWords[last]!.end) === '_';
        if (inIdentifier && written.replace(/[^\p{L}\p{N}]/gu, '').length <= 3) continue;
        const fitting = forms.filter((form) => (tagged && form.by === 'id' ? nameKey(written) === form.key : accepts(form, written, line, lineWords, first, last)));
        const objects = [...new Set(fitting.map((form) => form.object))];
        if (objects.length !== 1) continue;
        const object = objects[0]!;
        const form = fitting[0]!;
        const [start, end] = [lineWords[first]!.start, lineWords[last]!.end];
        if (form.by === 'id' && objectKind(object) === 'campaign' && mbcId(i, line, end)) continue;
        // `Lazarus组织`: the word written for the name's last word, and its language.
        const kindWord = form.followedBy ? kindWordAfter(form, line, end) : undefined;
        const how = kindWord ? `${form.of?.how} in ${kindWordLanguage(kindWord)} (${kindWord})` : form.of?.how;
        const note = (): string =>
          form.of
            ? `"${written}" is ${nameKey(form.of.written) === nameKey(object.name) ? '' : `${form.by === 'alias' ? 'an alias of' : 'a name of'} `}${object.id} ${object.name}${nameKey(form.of.written) === nameKey(object.name) ? '' : ` ("${form.of.written}")`}, ${how}`
            : form.by === 'id' || nameKey(form.written) === nameKey(object.name)
              ? `${object.id} ${object.name}`
              : `"${form.written}" is ${form.by === 'alias' ? 'an alias of' : 'a name of'} ${object.id} ${object.name}${written === form.written ? '' : `, written "${written}"`}`;
        mentions.push({
          start,
          count: () => {
            const firstMention = !found.has(object.id);
            mention(object, i, folded, start, end, note);
            // `Lazarus 그룹`: the name is written as ATT&CK writes it, whose words the text gives only in part.
            if (firstMention && form.followedBy && form.of) found.get(object.id)!.written = form.of.written;
            if (firstMention && form.by === 'alias') found.get(object.id)!.alias = form.of?.written ?? form.written;
          },
        });
        first = last;
        break;
      }
    }
    // `Storm-`⏎`0501`: a name PDF-to-text broke at its hyphen, at the line's end, is read across the break only where
    // the word and the number after the break make a name or alias ATT&CK itself writes with that hyphen, as it must be
    // written (`APT-`⏎`28` is a form of APT28 that ATT&CK does not write: not joined).
    const broken = BROKEN_AT_HYPHEN.exec(line);
    const next = broken && !inScript[lineWords.length - 1] ? NUMBER_AT_START.exec(lines[i + 1]?.text ?? '') : null;
    if (broken && next) {
      const written = `${broken[1]}${next[1]}`;
      const joinedWords = [...written.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
      const forms = table.byWords.get(joinedWords.map((w) => w.text.toLowerCase()).join(' ')) ?? [];
      const objects = [...new Set(forms.filter((form) => !form.of && form.written === written && accepts(form, written, written, joinedWords, 0, joinedWords.length - 1)).map((form) => form.object))];
      if (objects.length === 1) {
        const object = objects[0]!;
        const start = broken.index + broken[0].indexOf(broken[1]!);
        const end = start + broken[1]!.length;
        mentions.push({
          start,
          count: () => {
            const first = !found.has(object.id);
            mention(object, i, folded, start, end, () => `"${written}" is ${nameKey(written) === nameKey(object.name) ? '' : 'a name of '}${object.id} ${object.name}, written across a line break after its hyphen`);
            if (first) found.get(object.id)!.written = written;
          },
        });
      }
    }
    // `海莲花组织`: a Chinese or Korean name of a group that ATT&CK does not write, read by the glossary, beside a word for a group.
    for (const { written, attack, object, start, end, bracket, named } of glossaryMentions(line, glossary, table)) {
      if (named.length && !named.includes(object)) continue;
      const language = /\p{Script=Hangul}/u.test(written) ? 'Korean' : 'Chinese';
      const agrees = named.length ? `, as the name in its brackets, "${bracket}", says` : '';
      const note = (): string =>
        `"${written}" is ${object.id} ${object.name}${nameKey(attack) === nameKey(object.name) ? '' : ` ("${attack}")`}, a ${language} name ATT&CK does not write, read by extract's glossary of Chinese and Korean group names${agrees}`;
      mentions.push({
        start,
        count: () => {
          const firstMention = !found.has(object.id);
          mention(object, i, folded, start, end, note);
          if (firstMention) found.get(object.id)!.written = attack;
        },
      });
    }
    for (const { count } of mentions.sort((a, b) => a.start - b.start)) count();
  }
  for (const object of found.values()) {
    const notOwn = object.lines.filter((line) => !own.get(object.id)?.has(line));
    const aside = notOwn.filter((line) => !examples.get(object.id)?.has(line));
    const asExamples = notOwn.filter((line) => examples.get(object.id)?.has(line));
    if (aside.length) object.aside = aside;
    if (asExamples.length) object.examples = asExamples;
  }
  return [...found.values()];
}
