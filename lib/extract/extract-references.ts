import { nameKey } from '../attack/attack-index.js';
import { joinBrokenLinks } from './broken-links.js';
import { leadingTactics, MAX_TACTIC_WORDS, parseTacticList, readTacticText, tableCaptions, tacticDisplayName, type TableCaption } from '../normalize/tactic-text.js';
import {
  CONNECTORS,
  FILE_NAME_RULE,
  TACTIC_AFTER_RULE,
  TACTIC_BEFORE_NAME_RULE,
  TACTIC_ID_BEFORE_ID_RULE,
  TACTIC_GLUED_RULE,
  foldLines,
  isAndTheLike,
  isJsonMember,
  joinLines,
  originalSpan,
  tokenizeReferences,
  visitIds,
  withoutMarkup,
  type FoldedText,
  type ReferenceToken,
  type TextSpan,
} from '../normalize/tokenize-references.js';
import { displayWidth } from '../display-width.js';
import { readBoxTables } from './box-tables.js';
import { readDashTables, readGridTables, type ReadLine } from './grid-tables.js';
import { readHtmlTables } from './html-tables.js';
import { isSentenceCutAtPipes, readBarePipeTables } from './bare-pipe-tables.js';
import { readSplitIdRows, type SplitIdRow } from './split-id-rows.js';
import { readBrokenIds, type BrokenId } from './broken-ids.js';
import { readWrappedNames, type WrappedName } from './wrapped-names.js';
import { readLayoutTables, type LayoutRow as LayoutTableRow } from './layout-tables.js';
import { holdsIdInWord } from './ids-in-words.js';
import { linkDisagreements } from './link-disagreements.js';
import { nameLanguage, OTHER_SCRIPT, otherLanguageNameEnd, otherLanguageNameStart } from './name-language.js';
import { jsonThreatEntries, threatTacticAt, type ThreatEntry } from './threat-entries.js';
import { joinedEvidence, type ReportEvidence } from './report-evidence.js';
import { withSigmaTags } from './sigma-tags.js';
import { citedLines } from './cited-lines.js';
import { slashedNameParts } from './slashed-names.js';
import { oneLineTableUses, type ColumnRole } from './one-line-table-uses.js';

/** Where a piece of a reference is written: a line of the report (1-based) and a range of its characters. */
export interface ReportSpan {
  line: number;
  /** Offsets in the line as written (UTF-16 code units), `end` exclusive. */
  start: number;
  end: number;
}

/** A technique reference found in a report's text. */
export interface ExtractedReference {
  /**
   * The reference as the campaign skeleton writes it: the report's text of the ID and the name beside it; cells of one
   * table row joined by ` | ` when the name stands in another cell; `name (ID)` when one name stood for several IDs.
   */
  raw: string;
  /** 1-based line of the report where the reference starts (where `raw` is written). */
  line: number;
  /** Every line the reference is cited on, in order, when it is cited on more than one (`line` is one of them). */
  lines?: number[];
  /** Canonical technique IDs (`T1566.001`); empty for a malformed ID, and for a name written without one. */
  ids: string[];
  /** The technique name written beside the IDs. */
  name?: string;
  /** English tactic display names (`Initial Access`) from the table, section or clause the reference stands in. */
  tactics: string[];
  /** Where the reference is written: its ID, with the name when that stands beside it. */
  span: ReportSpan;
  /** Where its name is written when that is elsewhere (another cell, the line before or after). */
  nameSpan?: ReportSpan;
  /** The tactic cell of its table row, as written, when a tactic column gave the tactics. */
  tacticColumn?: string;
  /** A malformed ID as written (`T1566.01`): it names no technique until fixed. */
  malformed?: string;
  /** What the report says of its use, where it says so apart from the reference (a table's Use cell, a STIX relationship's description). */
  evidence?: ReportEvidence[];
  /** Where a structured input names it, one entry a place (a MISP event's galaxy cluster or tag: `Event.Attribute[2].Tag[0] (tag), line 40`). */
  from?: string[];
  /**
   * Of a STIX bundle's technique under `--actor`, when the bundle attributes actors to the chosen one: which of them its
   * `uses` relationships come from, the chosen actor's name first, then the others' (`campaign SolarWinds Compromise (C0024)`).
   */
  usedBy?: string[];
}

/** One line of the report, folded for matching, with where its technique IDs are written. */
interface Line {
  number: number;
  folded: FoldedText;
  text: string;
  /**
   * The start and end of each technique ID, in order, one after the other: plain numbers, not the tokens, which a long
   * line holds by the hundred thousand for its whole walk (the tokenizer reads the IDs of each piece again).
   */
  idSpans: number[];
  /** Where each character of a grid table's joined row is written (`ReadLine`). */
  origin?: ReadLine['origin'];
}

type Role = 'tactic' | 'name' | 'id';

// Column headers of mapping tables (folded with headerKey), in English and Japanese.
const HEADER_ROLES = new Map<string, Role>([
  ...['tactic', 'tactics', 'tactic name', 'att&ck tactic', '戦術', 'タクティクス', '戦術名'].map((k) => [k, 'tactic'] as const),
  ...[
    'technique',
    'techniques',
    'technique name',
    'technique names',
    // CISA's and the NSA's advisories head their ATT&CK tables `Technique Title | ID | Use`.
    'technique title',
    'techniques used',
    'name',
    'sub-technique',
    'technique / sub-technique',
    'att&ck technique',
    'テクニック',
    'テクニック名',
    '手法',
    '手法名',
    '攻撃手法',
    '技術',
  ].map((k) => [k, 'name'] as const),
  // Spanish, German, Chinese and Korean reports' tables (`| Táctica | Técnica |`, `| Taktik | Technik |`, `| 战术 | 技术 |`,
  // in traditional characters `| 戰術 | 技術名稱 |`; a Taiwanese weekly report's `| 戰術階段 |`, the tactic stage).
  ...['táctica', 'tácticas', 'taktik', 'taktiken', '战术', '戰術', '战术阶段', '戰術階段', '전술'].map((k) => [k, 'tactic'] as const),
  // The ATT&CK stage, as Chinese mapping tables head their tactic column (`| ATT&CK阶段 | 技术 | 具体行为 |`).
  ...['att&ck阶段', 'att&ck 阶段', 'att&ck階段', 'att&ck 階段'].map((k) => [k, 'tactic'] as const),
  // Portuguese (both spellings), French, and the key of a key/value row naming it (`| **NOME DA TÁCTICA:** | Discovery |`).
  ...['tática', 'táticas', 'nome da tática', 'nome da táctica', 'nombre de la táctica', 'tactique', 'tactiques'].map((k) => [k, 'tactic'] as const),
  ...['técnica', 'técnicas', 'technik', 'techniken', '技术', '技术名称', '技術名稱', '기법', '기술'].map((k) => [k, 'name'] as const),
  // Italian, and the Spanish and Portuguese words written without their accent (`Tecnica: … (T1601)`, `Tatica:`).
  ...['tattica', 'tattiche', 'tactica', 'tacticas', 'tatica', 'taticas'].map((k) => [k, 'tactic'] as const),
  ...['tecnica', 'tecniche', 'tecnicas'].map((k) => [k, 'name'] as const),
  // Dutch (Microsoft Defender's nl-NL table `| Tactiek | Naam van detectiebedreiging |`).
  ...['tactiek', 'tactieken'].map((k) => [k, 'tactic'] as const),
  ...['techniek', 'technieken'].map((k) => [k, 'name'] as const),
  // Arabic (`| التكتيك | التقنية | المعرف |`, tactic, technique and identifier: a Gulf researcher's report in Arabic).
  ...['التكتيك', 'التكتيكات'].map((k) => [k, 'tactic'] as const),
  ...['التقنية', 'التقنيات'].map((k) => [k, 'name'] as const),
  ...['المعرف', 'معرف التقنية'].map((k) => [k, 'id'] as const),
  ...['id', 'ids', 'technique id', 'technique ids', 'att&ck id', 'attack id', 'テクニックid', '手法id'].map((k) => [k, 'id'] as const),
  // The framework's name before the word (`| MITRE Tactic | Exfiltration |`, `| MITRE ID | T1048 |` in detection write-ups'
  // key/value tables), or after it, in French order (`| Technique MITRE |`).
  ...['mitre tactic', 'mitre tactics', 'mitre att&ck tactic', 'mitre att&ck tactics', 'tactique mitre'].map((k) => [k, 'tactic'] as const),
  ...['mitre technique', 'mitre techniques', 'mitre att&ck technique', 'mitre att&ck techniques', 'technique mitre', 'technique mitre att&ck'].map((k) => [k, 'name'] as const),
  ...['mitre id', 'mitre technique id', 'mitre att&ck id', 'mitre att&ck technique id'].map((k) => [k, 'id'] as const),
  // A column of the TTP each row is about, by its ID: a hunt table's (`| Hypothèse | TTP associé | Source de données |`),
  // a French CTI digest's (`| ID TTP | Tactique | Technique |`).
  ...['ttp', 'ttps', 'ttp id', 'id ttp', 'associated ttp', 'associated ttps', 'ttp associé', 'ttps associés'].map((k) => [k, 'id'] as const),
]);

// The header of a sub-technique column beside a technique column (`| Technique | Sub-Technique | ID |`).
const SUB_TECHNIQUE_HEADER = /^sub-?techniques?(?: names?)?$/;
// Headers of columns that hold no technique's name, in a hunt table's header (`| Hypothèse | TTP associé | Source de
// données | Requête / Méthode de recherche |`): a cell under one names no ID beside it.
const NO_NAME_HEADER = /^(?:hypothes[ie]s|hypothèses?|(?:log|data) sources?|sources? de (?:données|logs?)|quer(?:y|ies)|requêtes?|(?:query|requête) \/ .{1,40}|search method|méthode de recherche|dates?|times?|timestamps?|时间|時間|日期|日時|时间线|時間線|タイムスタンプ)$/;
// Words that say a header's column holds what detects or records a technique, notes on it or a rating, not its name,
// wherever they stand in the header (`| Technique ID | Detection Coverage |`, `| ID | Detection | Logic | Data source |
// ATT&CK | Severity |`, an Azure note's `| 戦術 | 代表技術（ID） | 既定で残る記録 |`: the records kept by default), unless
// it names techniques too. So do the words of detection-mapping tables for a rule, its logic, the table it queries and
// its test's result (`| # | Query | Use Case | Key Table |`, the query indexes of Defender/Sentinel hunting notes in
// KQL; `| Detection | Data Source | Built-in Rule | Custom Rule | MITRE | Result |`, a Wazuh lab's). Not `Description`:
// a write-up's `| Tactic | Technique | Description |` over `| Collection | T1114 | Email Collection |` (a Kimsuky
// write-up's mapping) names the IDs there.
const NO_NAME_WORD =
  /\b(?:detections?|logs?|logging|evidence|notes?|comments?|procedures?|severity|status|rules?|logic|tables?|results?|use cases?)\b|記録|ログ|検知|備考/;
const NAME_WORD = /\btechniques?\b|手法|テクニック|技術/;
// Headers of columns that say what the report saw of a technique's use (`| Tactic | Technique | Justification |` over
// `| Privilege Escalation / Injection | T1055.012 | Process hollowing into \`msinfo32.exe\` |`, a CTI write-up's mapping
// on GitHub): no name, however much a cell starts like one; the cell is the reference's evidence. A cell that is a
// technique's name whole, as ATT&CK data says (`| Collection | T1114 | Email Collection |` under `| Tactic | Technique |
// Description |`, a Kimsuky write-up's mapping), is still read as the name beside the ID.
// CISA's, the FBI's and the NSA's joint advisories head their ATT&CK tables `Technique Title | ID | Use`, the use being
// the procedure seen (`| OS Credential Dumping | T1003 | Akira threat actors use tools like Mimikatz and LaZagne to dump
// credentials. |`, AA24-109A); write-ups drawn from them write `Use in campaign`, `Use in this campaign`.
// Other languages' words for a description (`| Táctica | Técnica | Sub-técnica | Descripción |`, a Spanish SOC incident
// report's mapping, over `| Ejecución | T1204 | T1204.002 | El usuario ejecuta \`project.ps1\` |`) say so too. So do those of
// Chinese, Japanese, Korean and Russian tables: `| 阶段 | 技术 | 说明 |` (explanation) over `| 收集/外传 | T1005 本地数据 /
// T1041 通过 C2 信道外传 | 命令 9（上传文件）、FileMsg 通道 |` (a WeChat analysis of GRAYRABBIT,
// mp.weixin.qq.com/s/2TyIwuivZQ6wJ7Mm-E3RYw), `| 战术 | 技术 ID | 技术名称 | 应用场景 |` (where it was applied: a Chinese note on
// SHub Reaper), `| 전술 | 기법 | 관측 내용 |` (what was observed: Betalabs' Korean Kimsuky report,
// CTI-2026-0526-KIMSUKY-PEBBLEDASH_KR), `| 순서 | 전술 | 기법 ID | 기법명 | 적용 내용 |` (what was applied: a Korean
// analysis of S3 ransomware, `| 2 | Initial Access | T1078.004 | Valid Accounts: Cloud Accounts | 노출된 AWS IAM 액세스 키 사용 |`), `| Тактика | Техника | Описание |` and `| Тактика | Техника | ID | Наблюдение |`
// (description, observation: Russian DFIR write-ups), and Japanese's word for a description, `説明`, in traditional
// characters `說明`. Japanese and Chinese write what was seen as its content, `内容`, alone or after a word of how it came
// to be known (`| 戦術 | 技術 | 観測内容 |`, observed content: the Japanese edition of Betalabs' Kimsuky report,
// CTI-2026-0526-KIMSUKY-PEBBLEDASH_JP, over `| Initial Access | T1566.001 Spearphishing Attachment | 文書偽装JSE/PIF/SCR添付 |`).
// Chinese, Japanese and Korean words of how it was done say so too: `实现` (implementation; after a Latin word too, `Play
// 实现`), `实施`, `使用方式`, `行为描述` (behaviour description), `攻击行为` (attack behaviour: a Chinese note on OAuth attacks,
// `| 阶段 | 攻击行为 | 时间 | MITRE ATT&CK |`, code index file 59427738957), `구현`, `사용 방식`, `공격 행위`. So do `具体行为`
// (specific behaviour) and `行为`, whose cells in real tables are sentences of what was done, never a technique's name
// (`| 职责 | 具体行为 |` over `| 需求翻译 | 把模糊的业务需求拆成可执行的独立 Issue |`, code index file 59843876790; `| 阶段 |
// 行为 | 技术细节 |` over `| ① 初始访问 | 控制暴露的Marimo笔记本 | … |`, an analysis of a Marimo intrusion, file 54763226783),
// and the Chinese words for notes, `注释`, `备注`, as English `Notes` does. Not Korean `행위` alone: after a tactic column it
// is the technique column, as English `Behaviour` is.
// Write-ups' mapping tables on GitHub head the column of what was done with the tool or the words of how it was seen:
// `Tool/Method` (`| Technique | Sub-Technique | Tool/Method |`, a CPTS study note), `Tool`, `Tool Used` (`| Tactic |
// Technique | Tool Used | Wazuh Rule |` over `| Discovery | T1046 — Network Service Discovery | Nmap |`), `Observed`,
// `Activity`, `Context`, `How` and `Example` (`| ID | Technique | Context |` over `| T1071.001 | Web Protocols |
// HTTP/HTTPS beaconing (common variant) |`); an `Observed` cell that only answers yes is none (`ANSWER_ONLY`).
const EVIDENCE_HEADER =
  /^(?:justifications?|descriptions?|descripci[oó]n(?:es)?|descri[cç](?:[aã]o|[oõ]es)|beschreibung(?:en)?|details?|notes?|comments?|evidence|procedures?(?: examples?)?|examples?|observed(?: (?:behaviou?rs?|activity))?|observations?|activit(?:y|ies)|context|how|tools?(?: used)?|tools? ?\/ ?methods?|uses?(?: in (?:this |the )?campaign)?|usage|how it was used|说明|說明|説明|描述|应用场景|\p{Script=Han}{0,3}内容|(?:[a-z]+ ?)?(?:具体|具體)?(?:实现|實現|実現|实施|實施|実施)(?:方式|方法)?|(?:使用|利用)(?:方式|方法)|(?:攻击|攻擊)(?:行为|行為)|(?:具体|具體)?(?:行为|行為)|(?:行为|行為)(?:描述|説明)|注释|註釋|备注|備註|관측 내용|관찰 내용|적용 내용|설명|구현(?: 방식)?|사용 방식|공격 행위|행위 설명|описание|наблюдени[ея])$/u;

// A cell that only answers yes or no, a mark beside it or not (`Yes`, `✅ Yes`, `NO`): an `Observed` column's answer
// (`| Tactic | Technique ID | Technique | Observed |` over `| Initial Access | T1190 | Exploit Public-Facing App | Yes |`,
// an incident report template, code index file 67174865555), which says that the use was seen, not what it was.
const ANSWER_ONLY = /^[^\p{L}]*(?:yes|no|true|false)[^\p{L}]*$/iu;

/** Whether a column's header says that its cells name no technique beside an ID (a data source, a query, a detection). */
function namelessHeader(text: string): boolean {
  const key = headerKey(text);
  return NO_NAME_HEADER.test(key) || evidenceHeader(text) || (NO_NAME_WORD.test(key) && !NAME_WORD.test(key) && headerRole(text) === undefined);
}

/** Whether a column's header says that its cells tell what the report saw of the technique's use (`EVIDENCE_HEADER`). */
function evidenceHeader(text: string): boolean {
  return EVIDENCE_HEADER.test(headerKey(text));
}

function headerKey(text: string): string {
  if (text.length > 60) return '';
  // `technique_id`, as a CSV export names its columns, is `technique id`.
  // `ATT&amp;CK Tactic`: a page's HTML escape left in a Markdown table.
  return text
    .replace(/&amp;/g, '&')
    .replace(/(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])/gu, ' ')
    .replace(/[*_`#:]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The role of a column header: its words', else, for words in another script, those of the English gloss in brackets
 * after them (`Тактика (TACTIC)`, `Техника (TECHNIQUE)` in a Russian table).
 */
function headerRole(text: string): Role | undefined {
  const key = headerKey(text);
  // Only a gloss of words in another script: `Technique (ID)` is no ID column.
  const gloss = /^[^()a-z]{1,40}\(([^()]{1,30})\)$/.exec(key)?.[1];
  return HEADER_ROLES.get(key) ?? (gloss ? HEADER_ROLES.get(gloss.trim()) : undefined);
}

/**
 * Whether the cells of a line set in columns of spaces are a mapping table's header (`Tactic    Technique    ID`): an ID
 * column's and one more of a known role, each other cell one of evidence or of no name (`Use`, `Data source`).
 */
function isLayoutHeader(texts: readonly string[]): boolean {
  const roles = texts.map(headerRole);
  return roles.includes('id') && roles.filter(Boolean).length >= 2 && texts.every((text, k) => roles[k] !== undefined || namelessHeader(text));
}

/**
 * The columns of a table's header whose words run together on one line, as PDF text sets a table (`Rule Technique Name
 * MITRE ID Tactic`, a SOC report's detection rules), when its tactic column comes after its ID column: whether a first
 * word of no column's role (`Rule`, `#`) heads a column of row numbers. Undefined for any other line.
 */
function tacticAfterIdHeader(text: string): { numbered: boolean } | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length > 12) return undefined;
  const roles: Role[] = [];
  const unread: number[] = [];
  for (let i = 0; i < words.length; ) {
    const n = [4, 3, 2, 1].find((size) => i + size <= words.length && headerRole(words.slice(i, i + size).join(' ')));
    if (n === undefined) unread.push(i++);
    else {
      roles.push(headerRole(words.slice(i, i + n).join(' '))!);
      i += n;
    }
  }
  if (new Set(roles).size !== roles.length || unread.some((i) => i > 0) || roles.indexOf('tactic') < roles.indexOf('id') || !roles.includes('id')) return undefined;
  return { numbered: unread.length > 0 };
}

// What every ID column's header of `HEADER_ROLES` holds (keep them in step): `id`, `ids`, `ttp` or `ttps` not inside a
// word of Latin letters (`Technique_ID`, `テクニックID`, `Associated TTPs`, a gloss `(ID)`), or the Arabic `معرف`.
const ID_HEADER_WORD = /(?:^|[^a-z])(?:ids?|ttps?)(?![a-z])|معرف/i;

/**
 * Whether a line is the header of a table whose words PDF text or OCR ran together on one line, its columns a name's,
 * an ID's and, last, one of what the report saw of the use: `Technique Title ID Use`, as CISA's, the FBI's and the
 * NSA's joint advisories head their ATT&CK tables (`Tactic/Technique Title ID Use` where tactic rows stand among the
 * technique rows, AA25-141A). Each row under it is a line `<name> <ID> <use>` (`flattenedUse`).
 */
function useAfterIdHeader(text: string): boolean {
  // A line without an ID column's word (`ID_HEADER_WORD`) is no such header: told before its words are looked up, since
  // every line of a report is asked.
  if (!ID_HEADER_WORD.test(text)) return false;
  const words = text.trim().replace(/^tactic\s?\/\s?/i, '').split(/\s+/);
  if (words.length > 10) return false;
  const roles: Role[] = [];
  let i = 0;
  while (i < words.length && roles.length < 2) {
    const n = [4, 3, 2, 1].find((size) => i + size <= words.length && headerRole(words.slice(i, i + size).join(' ')));
    if (n === undefined) return false;
    roles.push(headerRole(words.slice(i, i + n).join(' '))!);
    i += n;
  }
  return roles.join() === 'name,id' && i < words.length && evidenceHeader(words.slice(i).join(' '));
}

/** The role of a column of a header run into one line with its table's rows (`oneLineTableUses`). */
function oneLineColumnRole(words: string): ColumnRole | undefined {
  return headerRole(words) ?? (evidenceHeader(words) ? 'evidence' : undefined);
}

/** Where each technique ID of a line is written (`Line.idSpans` in pairs). */
function idPairs(line: Line): TextSpan[] {
  const pairs: TextSpan[] = [];
  for (let k = 0; k + 1 < line.idSpans.length; k += 2) pairs.push({ start: line.idSpans[k]!, end: line.idSpans[k + 1]! });
  return pairs;
}

// A tactic row among the rows of such a table: a tactic's name and its TA ID, then its use (`Reconnaissance TA0043
// Conducted reconnaissance on …`, AA25-141A's Table 2 as text).
const TACTIC_ROW = /^\s{0,12}(\p{L}[\p{L} ]{2,38}?)\s{1,8}TA\d{4}\b/u;
// The end of a sentence, a closing quote or bracket after it.
export const SENTENCE_CLOSE = /[.!?]["'”’)\]]?$/;
// A word written as a name's, a capital then small letters (`Attachment`, `Application`): a line of a use that starts
// with one may be the rest of a name wrapped from the cell beside it.
export const CAPITALIZED_WORD = /^\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/u;

/**
 * The use after a row's ID in a table under `useAfterIdHeader` (`Phishing T1566 Threat actors sent emails with
 * malicious attachments.`), as evidence (its line and text), with the lines it wraps onto up to the end of its
 * sentence, and the index of its last line. Undefined, so that no false evidence is written, unless the line holds one ID with a name before it
 * and, after it, a text that starts as a sentence does (a capital) and ends one, itself or with the lines after it; a
 * line after it that starts with a capitalized word while the sentence goes on (the rest of a name wrapped beside it,
 * as OCR sets `Exploit Public-Facing` ⏎ `Application`), names a technique whole, or holds an ID, a heading or a
 * caption, ends it unread.
 */
function flattenedUse(
  entryAt: (i: number) => Entry,
  count: number,
  index: number,
  body: TextSpan,
  refs: readonly Found[],
  namesTechnique: ReadOptions['namesTechnique'],
): { said: ReportEvidence; end: number } | undefined {
  const { line } = entryAt(index);
  const [ref] = refs;
  if (refs.length !== 1 || line.idSpans.length !== 2 || !ref || ref.span.line !== line.number || ref.nameSpan) return undefined;
  const before = line.text.slice(body.start, line.idSpans[0]).trim();
  if (!before || isProse(before) || SENTENCE_END.test(before)) return undefined;
  const first = line.folded.original.slice(originalSpan(line.folded, { start: line.idSpans[1]!, end: line.idSpans[1]! }).start).trim();
  const use = useLines(entryAt, count, index, first, namesTechnique);
  return use && { said: { line: line.number, text: use.said }, end: use.end };
}

/**
 * A use that starts with `first` on line `index` (after a row's ID, or a tactic row's TA ID), with the lines it wraps
 * onto up to the end of its sentence, and the index of its last line; undefined where it does not start and end as a
 * sentence does (`flattenedUse`).
 */
function useLines(entryAt: (i: number) => Entry, count: number, index: number, first: string, namesTechnique: ReadOptions['namesTechnique']): { said: string; end: number } | undefined {
  if (!/^\p{Lu}/u.test(first) || first.split(/\s+/).length < 3) return undefined;
  const parts = [first];
  let end = index;
  for (let i = index + 1; i < count && i <= index + 8 && !SENTENCE_CLOSE.test(parts.at(-1)!); i++) {
    const entry = entryAt(i);
    if ((entry.kind !== 'text' && entry.kind !== 'prose') || entry.heading || entry.caption) return undefined;
    const text = entry.line.text.trim();
    if (!text || CAPITALIZED_WORD.test(text) || namesTechnique?.(text, entry.line.number, false)) return undefined;
    parts.push(text);
    end = i;
  }
  const said = joinLines(parts.join('\n'));
  return SENTENCE_CLOSE.test(said) ? { said, end } : undefined;
}

// A row's number before its name cell, under a header of a row-number column (`1 Command & Scripting Interpreter`).
const ROW_NUMBER = /^\d{1,3}\s+(?=\p{L})/u;

/**
 * A row of a table under `tacticAfterIdHeader`, read as one line: its tactic from the text after its last ID, and its
 * name without the row's number; undefined, with the ID line's tactic left as it is, when that text names no tactic.
 */
function tacticAfterIdRow(line: Line, refs: Found[], numbered: boolean): string | undefined {
  const last = refs.at(-1);
  if (!last || last.span.line !== line.number) return undefined;
  for (const [i, ref] of refs.entries()) {
    const cut = numbered && ref.name !== undefined && ref.nameSpan === undefined ? ROW_NUMBER.exec(ref.name)?.[0].length : undefined;
    if (cut && ref.raw.startsWith(ref.name!)) {
      refs[i] = { ...ref, raw: ref.raw.slice(cut), name: ref.name!.slice(cut), span: { ...ref.span, start: ref.span.start + cut } };
    }
  }
  const after = line.folded.original.slice(last.span.end).trim();
  const tactics = after ? tacticsOf(after) : undefined;
  if (!tactics) return after;
  const ref = refs.at(-1)!;
  refs[refs.length - 1] = { ...ref, tactics: [...new Set([...ref.tactics, ...displayTactics(tactics)])] };
  return undefined;
}

/** Whether a line is a sentence of the text, no heading, cell or list item: prose, or a line of IDs whose text is prose. */
function isSentence(entry: Entry): boolean {
  if (entry.kind === 'prose') return !entry.heading;
  return entry.kind === 'ids' && !entry.bullet && isProse(slice(entry.line, entry.body));
}

/** The original text of a folded span of a line. */
function originalOf(line: Line, span: TextSpan): string {
  const { start, end } = originalSpan(line.folded, span);
  return line.folded.original.slice(start, end);
}

function reportSpan(line: Line, span: TextSpan): ReportSpan {
  const { origin } = line;
  if (!origin || span.start >= origin.lines.length) return { line: line.number, ...originalSpan(line.folded, span) };
  // A grid table's row joined from several lines: where the span starts, up to the end of its text on that line.
  const first = origin.lines[span.start]!;
  let last = span.start;
  for (let k = span.start; k < Math.min(span.end, origin.lines.length); k++) if (origin.lines[k] === first) last = k;
  return { line: first, start: origin.offsets[span.start]!, end: origin.offsets[last]! + 1 };
}

/** Shrink a span past surrounding whitespace. */
function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

const slice = (line: Line, span: TextSpan): string => line.text.slice(span.start, span.end);

/** Where in `line.idSpans` the first ID that starts at or after `from` is (a binary search: IDs are in order). */
function firstIdFrom(line: Line, from: number): number {
  const spans = line.idSpans;
  let low = 0;
  let high = spans.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[2 * middle]! < from) low = middle + 1;
    else high = middle;
  }
  return 2 * low;
}

/** Whether an ID of the line ends right at `at` (`T1566.002` in `T1566.002. Execution:`). */
function idEndsAt(line: Line, at: number): boolean {
  const k = firstIdFrom(line, at) - 2;
  return k >= 0 && line.idSpans[k + 1] === at;
}

/** Whether a span of a line holds a technique ID. */
function hasIds(line: Line, span: TextSpan): boolean {
  const spans = line.idSpans;
  for (let k = firstIdFrom(line, span.start); k < spans.length && spans[k]! < span.end; k += 2) if (spans[k + 1]! <= span.end) return true;
  return false;
}

const LIST_MARKER = /^\s{0,12}(?:[-*+•・●▪◦■]|\d{1,3}[.)]|#{1,6})\s{1,8}/;
const CJK_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

// A word in lower case, or in a script without case, of any language: a short Korean or Russian sentence
// (`공격자는 Valid Accounts (T1078)를 사용했다.`, `затем атакующий использовал PowerShell (T1059.001)`) is one as an
// English one is.
const LOWER_WORD = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{Lm}\p{M}'-]*[,;]?$/u;
const SENTENCE_END = /[\p{Ll}\p{Lo}][.!?](?:\s|$)/u;

/**
 * True when text reads as a sentence rather than a cell or list item: sentence punctuation, many words, or several
 * lower-case words that are not the small words of technique names ("Exfiltration Over C2 Channel"). `named`: the text
 * stands where a name does (a technique column's cell, a technique key's value).
 */
function isProse(text: string, named = false): boolean {
  const t = text.trim();
  if (/[。！？]/.test(t)) return true;
  if (t.length > 2000) return true;
  const words = t.split(/\s+/).filter(Boolean);
  // A technique column's cell, or a technique key's value, may end in a full stop of its own (`| Dados   criptografados
  // para impacto. | T1486 |`, a Portuguese ransomware profile's table made from a docx): one there ends no sentence.
  if (words.length >= 3 && SENTENCE_END.test(named ? t.replace(/\.$/, '') : t)) return true;
  if (words.length > 12) return true;
  // The value of a technique's key (`Técnica: Manipulación de Configuración de Dispositivos (T1601)`) is a name: its
  // lower-case words are the small words of another language's names, not a sentence's.
  const lower = named ? [] : words.filter((w) => LOWER_WORD.test(w) && !CONNECTORS.has(w.replace(/[,;]$/, '')));
  if (words.length > 4 && lower.length >= 2) return true;
  return (t.match(CJK_CHARS)?.length ?? 0) > 30;
}

// The key of a field, in Markdown bold or not (`Técnica:`, `**Technique:**`, `**Tactic**:`): `techniqueKeyLength` tells
// which keys.
const KEY = /^(?:\*\*|__)?([^:：*_\n]{1,40}?)(?:\*\*|__)?\s{0,2}[:：]\s{0,2}(?:\*\*|__)?\s{0,4}/;

/**
 * The length of the key a text starts with when that key is a technique column's header word (`Technique:`, `Técnica:`,
 * `Technik:`, `Tecnica:`, `技术：`): the value after it is the reference, its name a name. 0 for any other text.
 */
function techniqueKeyLength(text: string): number {
  const key = KEY.exec(text);
  return key && headerRole(key[1]!) === 'name' ? key[0].length : 0;
}

// An ID, a dash and words after it (`T1566.001 – Hameçonnage ciblé avec pièce jointe`, a French report's line).
const ID_DASH_WORDS = /^\s*T\d{4}(?:\.\d{3})?\s{0,3}[-–—]\s{0,3}(\p{L}[^|]*)$/u;

/**
 * Whether a text is an ID, a dash and a name in another language, told as a table's cell is (`nameLanguage`): its
 * lower-case words are that language's, not a sentence's, so the whole is read as the reference's name, as the same
 * name in a table's cell is, and checked alike (it cannot be: ATT&CK names its techniques in English only).
 */
function idDashOtherLanguage(text: string): boolean {
  const words = ID_DASH_WORDS.exec(text)?.[1]?.trim();
  return words !== undefined && nameLanguage(words) !== undefined;
}

/** The text of a span with its technique IDs blanked out, to judge the words around them. */
function withoutIds(line: Line, span: TextSpan): string {
  const pieces: string[] = [];
  const spans = line.idSpans;
  let at = span.start;
  for (let k = firstIdFrom(line, span.start); k < spans.length && spans[k]! < span.end; k += 2) {
    if (spans[k + 1]! > span.end) continue;
    pieces.push(line.text.slice(at, spans[k]), ' ');
    at = spans[k + 1]!;
  }
  pieces.push(line.text.slice(at, span.end));
  return pieces.join('');
}

// A character reference's end, before its semicolon (`&#8230;`, `&amp;`, in a scraped page's text).
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,7})$/i;

/** Whether a tactic's name ends right before `at` and another begins right after it, cells run together or not. */
function betweenTactics(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at).split(';').pop()!.trim().split(/\s+/);
  const after = text.slice(at + 1, at + 61).split(';')[0]!.trim().split(/\s+/);
  // Brackets and marks around the list are no part of a name (`(Execution; Persistence)`, `**Execution; Persistence**`).
  const names = (words: string[]): string[] => words.map((_, n) => words.slice(0, n + 1).join(' ').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  // `shellDefense Evasion`, `EscalationT1078.002Valid`: a word glued to the cell before or after it.
  const first = names(before.slice(-MAX_TACTIC_WORDS).reverse()).map((name) => name.split(' ').reverse().join(' ').replace(/^\p{Ll}+(?=\p{Lu})/u, ''));
  const last = names(after.slice(0, MAX_TACTIC_WORDS)).map((name) => name.replace(/(?<=\p{Ll})(?:\p{Lu}|\d|T\d).*$/u, ''));
  return first.some((name) => tacticDisplayName(name) !== undefined) && last.some((name) => tacticDisplayName(name) !== undefined);
}

/**
 * The clauses of a sentence: a tactic label governs its own clause, not past `;` or the end of a sentence (after a word,
 * a bracket or an ID: `Spearphishing Link T1566.002. Execution: …`).
 */
function clauses(line: Line, span: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    const c = line.text.charAt(i);
    // The semicolon of a character reference (`&#8230;`, `&amp;`, a scraped page's) ends no clause, nor one between two
    // tactics, which a list of them separates (`…web shellDefense Evasion; Persistence; Privilege EscalationT1078.002…`).
    const end =
      (c === ';' && !CHARACTER_REFERENCE.test(line.text.slice(Math.max(span.start, i - 10), i)) && !betweenTactics(line.text, i)) ||
      c === '。' ||
      ((c === '.' || c === '!' || c === '?') && /\s/.test(line.text.charAt(i + 1)) && (/[\p{L})\]]/u.test(line.text.charAt(i - 1)) || idEndsAt(line, i)));
    if (end) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: span.end });
  return out.filter((clause) => hasIds(line, clause));
}

/** What a line of the report is, for the table walk. */
type Entry =
  | { kind: 'blank'; line: Line }
  | { kind: 'text' | 'prose'; line: Line; heading?: true; caption?: true }
  | { kind: 'header'; line: Line; role: Role }
  | { kind: 'tactic'; line: Line; tactics: string[]; heading?: true; caption?: true }
  | { kind: 'ids'; line: Line; body: TextSpan; bullet: boolean; record?: KeyValueRecord }
  | { kind: 'row'; line: Line; cells: TextSpan[]; csv?: CsvSeparator };

/**
 * Split a table row at `|` or tabs; undefined when the line is no row. A pipe inside an ID as the tokenizer reads it
 * (`T1059.001|003|004`, siblings) is no cell border: a row's are read as such before (`readBarePipeTables`), so one left
 * is in prose (`The actor ran T1059.001|003|004 here.`, no row) or in a cell (`Execution | T1059.001|003 | PowerShell`).
 */
function rowCells(line: Line): TextSpan[] | undefined {
  const text = line.text;
  const borders: number[] = [];
  let tabs = 0;
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    while (k < line.idSpans.length && line.idSpans[k + 1]! <= i) k += 2;
    if (c === 124 && !(k < line.idSpans.length && line.idSpans[k]! <= i)) borders.push(i);
    else if (c === 9) tabs++;
  }
  const leadingPipe = /^\s{0,12}\|/.test(text);
  const closingPipe = trimSpan(text, { start: 0, end: text.length }).end === text.lastIndexOf('|') + 1;
  const tabbed = tabs > 0 && text.split('\t').filter((cell) => cell.trim()).length >= 2;
  // A line with no outer pipe, which no table around it made a row (`readBarePipeTables`), is one by its cells alone: a
  // shell pipeline in a sentence is none (`isSentenceCutAtPipes`).
  const piped = leadingPipe || (borders.length >= 2 && (closingPipe || !isSentenceCutAtPipes(text, cellsBetween(text, borders), line.idSpans)));
  const separator = piped ? '|' : tabbed ? '\t' : '';
  if (!separator) return undefined;
  const cells = separator === '|' ? cellsBetween(text, borders) : splitCells(text, separator);
  // `| a | b |`: the empty cells outside the outer pipes are no cells.
  if (separator === '|' && leadingPipe) cells.shift();
  if (separator === '|' && closingPipe) cells.pop();
  return cells;
}

/** The cells of a line split at the pipes at `borders`, each trimmed. */
function cellsBetween(text: string, borders: readonly number[]): TextSpan[] {
  return [-1, ...borders].map((at, k) => trimSpan(text, { start: at + 1, end: borders[k] ?? text.length }));
}

/**
 * The cells of a line split at a separator. In delimiter-separated values (a tab or comma, not Markdown's `|`), a cell
 * in double quotes (RFC 4180: `"Sysmon,WinSec"`, `""` for a quote) is one cell, its span inside the quotes.
 */
function splitCells(text: string, separator: string): TextSpan[] {
  const cells: TextSpan[] = [];
  let start = 0;
  while (start <= text.length) {
    const quoted = separator !== '|' ? quotedCell(text, start, separator) : undefined;
    const end = quoted?.next ?? (text.indexOf(separator, start) < 0 ? text.length : text.indexOf(separator, start));
    cells.push(quoted?.span ?? trimSpan(text, { start, end }));
    start = end + 1;
  }
  return cells;
}

/** A cell in double quotes from `start`, and where the separator after it is; undefined when the cell is not one. */
function quotedCell(text: string, start: number, separator: string): { span: TextSpan; next: number } | undefined {
  let open = start;
  while (text.charAt(open) === ' ') open++;
  if (text.charAt(open) !== '"') return undefined;
  for (let i = open + 1; i < text.length; i++) {
    if (text.charAt(i) !== '"') continue;
    if (text.charAt(i + 1) === '"') {
      i++;
      continue;
    }
    let next = i + 1;
    while (text.charAt(next) === ' ') next++;
    return next === text.length || text.charAt(next) === separator ? { span: { start: open + 1, end: i }, next } : undefined;
  }
  return undefined;
}

/** The separators of delimiter-separated values besides a tab: a comma, or a semicolon as Excel writes CSV where a comma is the decimal mark. */
type CsvSeparator = ',' | ';';
const CSV_SEPARATORS: readonly CsvSeparator[] = [',', ';'];

/**
 * A line of comma- (or semicolon-) separated values as a table row, or the header of such a table when it names two
 * columns or more (`exercise_id,technique_id,technique_name,tactic`, `Taktik;Technik-ID;Technik`); its rows are then
 * read as a Markdown table's are, split at the header's separator. Under a CSV header, a row has as many cells, or its
 * IDs where the header puts them (its ID column, else its name column), or none: exports leave cells out, and a
 * sentence with commas after the table is no row.
 */
function csvRow(entry: Entry, table: Table | undefined): Entry {
  const { line } = entry;
  if (entry.kind === 'row' || entry.kind === 'blank' || line.text.length > 4000) return entry;
  if (table?.csv !== undefined) {
    const { separator } = table.csv;
    const cells = line.text.includes(separator) ? splitCells(line.text, separator) : [];
    if (cells.length < 2) return entry;
    const idColumn = table.roles.includes('id') ? table.roles.indexOf('id') : table.roles.indexOf('name');
    const idCell = cells[idColumn];
    const row = cells.length === table.csv.cells || !line.idSpans.length || (idCell !== undefined && hasIds(line, idCell));
    return row ? { kind: 'row', line, cells, csv: separator } : entry;
  }
  if (line.idSpans.length) return entry;
  for (const separator of CSV_SEPARATORS) {
    const cells = namedColumnCells(line.text, separator);
    if (cells) return { kind: 'row', line, cells, csv: separator };
  }
  return entry;
}

/** The cells of a line split at `separator` when two or more of them name a mapping table's column (`HEADER_ROLES`), else undefined. */
function namedColumnCells(text: string, separator: string): TextSpan[] | undefined {
  const cells = text.includes(separator) ? splitCells(text, separator) : [];
  return cells.filter((cell) => HEADER_ROLES.has(headerKey(text.slice(cell.start, cell.end)))).length >= 2 ? cells : undefined;
}

/**
 * Whether a line is the header row of a sheet: values separated by tabs, commas or semicolons, two or more of which
 * name a mapping table's column (`Technique ID,Technique Name,Tactic`).
 */
export function isSheetHeader(text: string): boolean {
  return ['\t', ...CSV_SEPARATORS].some((separator) => namedColumnCells(text, separator) !== undefined);
}

// A Markdown heading (`### Execution`).
const HEADING = /^\s{0,3}#{1,6}\s/;
// A tactic written as ATT&CK lists one, its TA ID, a colon and its name (`TA0043: Reconnaissance`): the label of the
// `T1595: Active Scanning` items under it (a heatmap's column, a matrix export), as a heading is.
const TACTIC_LABEL = /^TA\d{4}\s?[:：]/i;
// A section number before a heading's words (`6.5 Command and Control`, `12. 影響`).
const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s{1,4}/;

// A field of a rule file or a generated page stating a tactic: a key and its value (`mitre_att_tactic = "TA0006"`, YARA
// meta; `* Name: Privilege Escalation` and `* ID: TA0004`, Elastic's rule pages; `// id = "TA0004"`, TOML in comments).
// A Sigma rule's tactic tag (`- attack.defense-evasion`) is none: its tactics are its techniques' together (`withSigmaTags`).
const FIELD_KEY = /^(?:\/\/|#)?\s{0,4}[\p{L}][\p{L}\p{N}_.&;-]{0,30}(?: [\p{L}\p{N}_.&;-]{1,30}){0,2}\s{0,4}(?:=|:)\s{0,4}/u;

/** Whether a line is a field whose value is one link or address (`Reference URL: [https://...](https://...)`). */
function isLinkField(text: string): boolean {
  if (text.length > 600) return false;
  const value = text.replace(FIELD_KEY, '');
  return value !== text && /^(?:\[[^\]\s]*\]\([^)\s]*\)|<?https?:\/\/\S+)$/.test(value.trim());
}

/**
 * The tactics of a cell or line that holds only tactics (`Execution, Defense Evasion`, `初期アクセス`, `### 6.5 Execution`),
 * qualified or not (`### Relevant Reconnaissance`, `Command & Control (adjacent)`), or a field whose value is only
 * tactics (`mitre_att_tactic = "TA0006"`). A cell of a tactic column (`column`) may use a tactic
 * field's short forms, and gives the tactics it names though some of its parts name none (`Lateral / Propagation`;
 * `extractReport` warns of those parts).
 */
function tacticsOf(text: string, column = false): string[] | undefined {
  if (text.length > 600) return undefined;
  const cleaned = tacticCellText(text);
  if (!cleaned) return undefined;
  const read = (cell: string): string[] | undefined => readTacticText(cell, { shortForms: column, qualified: true, partial: column, withIds: true })?.tactics;
  // A Markdown link's text, where the whole is no tactic (`[初始访问](tactics/InitialAccess.md)`, the head of a Chinese
  // rendering of the matrix, seccmd/Attack_CN docs/enterprise-attack-16.1/index.md): its address says no TA ID.
  const linked = linkTexts(cleaned);
  const tactics = read(cleaned) ?? (linked !== cleaned ? read(linked.trim()) : undefined);
  if (tactics) return tactics;
  const value = cleaned.replace(FIELD_KEY, '');
  if (value === cleaned) return undefined;
  const unquoted = value.replace(/^["']|["'],?$/g, '').trim();
  return unquoted ? readTacticText(unquoted, { withIds: true })?.tactics : undefined;
}

/**
 * A cell's or line's text as its tactics are read: without a list marker, a section number, or Markdown's marks, its
 * character references read (`Command &amp; Control`, a scraped page's).
 */
const tacticCellText = (text: string): string => withoutMarkup(text).replace(LIST_MARKER, '').replace(SECTION_NUMBER, '').replace(/[*_`]/g, ' ').trim();

/** The parts of a tactic column's cell that name no tactic, where others do (`Propagation` in `Lateral / Propagation`). */
export function unreadTacticParts(cell: string): string[] {
  return cell.length > 600 ? [] : (readTacticText(tacticCellText(cell), { shortForms: true, qualified: true, partial: true })?.unread ?? []);
}

function classify({ folded, number, origin }: ReadLine): Entry {
  const idSpans: number[] = [];
  visitIds(folded.text, (token) => idSpans.push(token.start, token.end));
  const line: Line = { number, folded, text: folded.text, idSpans, ...(origin ? { origin } : {}) };
  const text = line.text;
  if (!text.trim()) return { kind: 'blank', line };
  const fields = lineFields(line);
  if (fields) return { kind: 'ids', line, body: fields.value, bullet: LIST_MARKER.test(text), record: fields.record };
  // A pipe table's header and rows run into one line is read row by row as a line of IDs (`pipeRows`), not as one row.
  const cells = idSpans.length && pipeRows(line, { start: 0, end: text.length }) ? undefined : rowCells(line);
  if (cells) return { kind: 'row', line, cells };
  if (idSpans.length) {
    const marker = LIST_MARKER.exec(text);
    const body = trimSpan(text, { start: marker?.[0].length ?? 0, end: text.length });
    return { kind: 'ids', line, body, bullet: !!marker };
  }
  const trimmed = text.trim();
  const heading = HEADING.test(text) ? ({ heading: true } as const) : {};
  // A field whose value is a link (`* Reference URL: [https://attack.mitre.org/tactics/TA0004/](...)`) is no sentence:
  // it leaves the tactic of the fields above it to the IDs below.
  if (isLinkField(trimmed.replace(LIST_MARKER, ''))) return { kind: 'text', line };
  if (trimmed.length > 80) return { kind: 'prose', line, ...heading };
  const caption = tableCaptions(trimmed)[0];
  if (caption?.start === 0) {
    // A caption alone on its line (`Table 5: Execution`) gives its tactic to the table under it; one naming none ends it.
    const rest = trimmed.slice(caption.end).trim();
    // `Table 3. Discovery (TA0007)`: a caption's TA ID is checked with its name.
    const taId = /^[([]?\s{0,3}(TA\d{4})\s{0,3}[)\]]?$/i.exec(rest)?.[1];
    const written = taId && caption.tactics.length === 1 ? [`${caption.tactics[0]} (${taId})`] : caption.tactics;
    if (caption.tactics.length && (!rest || taId)) return { kind: 'tactic', line, tactics: displayTactics(written), caption: true };
    return { kind: 'text', line, caption: true };
  }
  const tactics = tacticsOf(text);
  if (tactics) return { kind: 'tactic', line, tactics, ...heading };
  const role = headerRole(text.replace(LIST_MARKER, ''));
  if (role) return { kind: 'header', line, role };
  return { kind: isProse(trimmed) || /[:：]$/.test(trimmed) ? 'prose' : 'text', line, ...heading };
}

// A tactic's name with its TA ID after it (`Initial Access (TA0027)`, `初期アクセス【TA0001】`, `Execution TA0002`).
const NAME_AND_ID = /^(.{1,60}?)\s{0,3}[([【]?\s{0,3}(TA\d{4})\s{0,3}[)\]】]?$/i;

/**
 * Tactics as display names: known ones in English, anything else as written; a TA ID with a name (`TA0002: Execution`,
 * `Credential Access (TA0030)`) as that pair, for `extractReport` to check that both name one tactic.
 */
function displayTactics(tactics: readonly string[]): string[] {
  return tactics.map((tactic) => {
    if (/^TA\d{4}: /.test(tactic)) return tactic;
    const [, name, id] = NAME_AND_ID.exec(tactic.trim()) ?? [];
    const named = name ? tacticDisplayName(name) : undefined;
    if (named && !/^TA\d{4}$/.test(named)) return `${id!.toUpperCase()}: ${named}`;
    return tacticDisplayName(tactic) ?? tactic.trim();
  });
}

/**
 * The tactics a reference states in brackets after it (`TACTIC_AFTER_RULE`) or before its name as capa writes it
 * (`TACTIC_BEFORE_NAME_RULE`), or its row's, glued before it in a table run together on one line (`TACTIC_GLUED_RULE`):
 * its own, over those of its line or section.
 */
function statedOr(ref: ReferenceToken, given: TacticSource): TacticSource {
  const own = [TACTIC_AFTER_RULE, TACTIC_BEFORE_NAME_RULE, TACTIC_ID_BEFORE_ID_RULE, TACTIC_GLUED_RULE].some((rule) => ref.rules.includes(rule));
  return ref.tactics && own ? { tactics: [...ref.tactics] } : given;
}

/** Where a tactic came from, for the JSON output. */
interface TacticSource {
  tactics: string[];
  column?: string;
}

/** A reference before references of the same technique are merged. */
type Found = ExtractedReference;

/** What the tokenizer read in a piece of a line, and what it could not read with certainty there. */
interface PieceReading {
  refs: ReferenceToken[];
  tactics: string[];
  /** Names it could not pair with their IDs. */
  warnings: string[];
  /** Links whose text and address name different techniques (`linkDisagreements`). */
  links: string[];
}

/** The references of a piece of a line (a cell, a list item, a clause), read by the tokenizer. */
function readPiece(line: Line, span: TextSpan, mode: 'reference' | 'prose'): PieceReading {
  const text = slice(line, span);
  const tokenized = tokenizeReferences(text, mode);
  const shift = (s: TextSpan): TextSpan => ({ start: s.start + span.start, end: s.end + span.start });
  const refs = tokenized.refs.map((ref) => withOtherLanguageNameAfter(text, mode === 'prose' ? withOtherLanguageName(text, ref) : ref)).map((ref) => ({
    ...ref,
    span: shift(ref.span),
    idSpan: shift(ref.idSpan),
    ...(ref.nameSpan ? { nameSpan: shift(ref.nameSpan) } : {}),
  }));
  // In a sentence only a label at the start of its clause is a tactic, in Markdown's marks or not (`**Execution
  // (TA0002)**: …`, as `Execution (TA0002): …`); in a cell or item, any tactic text is.
  const pieces =
    mode === 'prose' ? tokenized.tactics.filter((piece) => piece.start === 0 || !text.slice(0, piece.start).replace(/[*_`]/g, '').trim()) : tokenized.tactics;
  return { refs, tactics: displayTactics(pieces.flatMap((piece) => piece.tactics)), warnings: tokenized.warnings, links: linkDisagreements(text) };
}

/**
 * A reference of a sentence whose name before its ID is in another language, read from a function word on
 * (`Inyección de procesos (T1055)` read as `de procesos`, a Spanish report writing Microsoft's localized name of
 * T1055): with the whole name (`otherLanguageNameStart`), which `extractReport` says it could not check.
 */
function withOtherLanguageName(text: string, ref: ReferenceToken): ReferenceToken {
  if (ref.name === undefined || !ref.nameSpan || ref.nameSpan.end > ref.idSpan.start) return ref;
  const start = otherLanguageNameStart(text, ref.nameSpan.start, ref.name);
  if (start === undefined) return ref;
  const name = `${text.slice(start, ref.nameSpan.start).trim().replace(/\s+/g, ' ')} ${ref.name}`;
  return { ...ref, name, nameSpan: { start, end: ref.nameSpan.end }, span: { start: Math.min(start, ref.span.start), end: ref.span.end } };
}

/**
 * A reference whose name after its ID is in another language, read up to its first word in lower case (`T1566.001 -
 * Phishing con adjunto malicioso` read as `Phishing`, a Spanish report's line or cell): with the whole name
 * (`otherLanguageNameEnd`), which `extractReport` says it could not check.
 */
function withOtherLanguageNameAfter(text: string, ref: ReferenceToken): ReferenceToken {
  // (A name in a bracket is whole: `T1059.001 (PowerShell) en el equipo`.)
  if (ref.name === undefined || !ref.nameSpan || ref.nameSpan.start < ref.idSpan.end || ref.nameSpan.end < ref.span.end || !/\p{L}/u.test(text.charAt(ref.nameSpan.end - 1))) return ref;
  const end = otherLanguageNameEnd(text, ref.nameSpan.end, ref.name);
  if (end === undefined) return ref;
  const name = `${ref.name} ${text.slice(ref.nameSpan.end, end).trim().replace(/\s+/g, ' ')}`;
  return { ...ref, name, nameSpan: { start: ref.nameSpan.start, end }, span: { start: ref.span.start, end } };
}

/** The fields of a reference in their documented order. */
function ordered(ref: Found): Found {
  const { raw, line, lines, ids, name, tactics, span, nameSpan, tacticColumn, malformed, evidence } = ref;
  return {
    raw,
    line,
    ...(lines && lines.length > 1 ? { lines } : {}),
    ids,
    ...(name !== undefined ? { name } : {}),
    tactics,
    span,
    ...(nameSpan ? { nameSpan } : {}),
    ...(tacticColumn !== undefined ? { tacticColumn } : {}),
    ...(malformed ? { malformed } : {}),
    ...(evidence?.length ? { evidence } : {}),
  };
}

/** A reference also cited on the lines of another (the same technique, met again): its `lines` are both's, in order. */
export function withLinesOf<T extends ExtractedReference>(ref: T, other: Pick<ExtractedReference, 'line' | 'lines'>): T {
  const lines = [...new Set([...citedLines(ref), ...citedLines(other)])].sort((a, b) => a - b);
  return { ...ordered({ ...ref, lines }), ...('resolution' in ref ? { resolution: ref.resolution } : {}) } as T;
}

/** A technique name written apart from its ID: another cell of the row, or the line before or after. */
interface NameApart {
  line: Line;
  span: TextSpan;
  /** Whether the name is written after the ID. */
  after: boolean;
  /** The cell of a sub-technique column beside it (`| Application Layer Protocol | Web Protocols | T1071.001 |`). */
  sub?: TextSpan;
}

/** The reference as the skeleton writes it, with its span. */
function found(line: Line, ref: ReferenceToken, tactics: TacticSource, named?: NameApart): Found {
  return ordered(unordered(line, ref, statedOr(ref, tactics), named));
}

function unordered(line: Line, ref: ReferenceToken, tactics: TacticSource, given?: NameApart): Found {
  // A file named for a technique (`T1059.001.ps1`) takes no name from a cell or a line beside it either.
  const named = ref.rules.includes(FILE_NAME_RULE) ? undefined : given;
  const base = {
    line: line.number,
    ids: ref.ids,
    tactics: [...new Set([...tactics.tactics, ...(ref.tactics ?? [])])],
    ...(tactics.column !== undefined ? { tacticColumn: tactics.column } : {}),
    ...(ref.malformed ? { malformed: ref.malformed } : {}),
  };
  if (named) {
    // The name from another cell (or line): the cells joined in the report's order.
    const idText = originalOf(line, ref.idSpan);
    // A technique's cell and its sub-technique's beside it are one name, `Parent: Sub`.
    // A cell set on a line of its own keeps no border of its row (`Abuse Elevation Control Mechanism |`).
    const nameText = (named.sub ? `${originalOf(named.line, named.span)}: ${originalOf(named.line, named.sub)}` : originalOf(named.line, named.span)).replace(/^\s*\|\s*|\s*\|\s*$/g, '');
    // A full stop that ends a cell of three words or more is the cell's, no part of the name (`| Dados   criptografados
    // para impacto. | T1486 |`, `isProse`); a shorter cell's is an abbreviation's (`Privilege Esc.`, a tactic's short form).
    const written = withoutMarkup(nameText).replace(/\s+/g, ' ').trim();
    const name = written.split(' ').length >= 3 ? written.replace(/(?<=\p{L})\.$/u, '') : written;
    return {
      ...base,
      line: Math.min(line.number, named.line.number),
      raw: named.after ? `${idText} | ${nameText}` : `${nameText} | ${idText}`,
      ...(name ? { name } : {}),
      span: reportSpan(line, ref.idSpan),
      nameSpan: reportSpan(named.line, named.sub ? { start: Math.min(named.span.start, named.sub.start), end: Math.max(named.span.end, named.sub.end) } : named.span),
    };
  }
  // A name after its ID with a tactic's label between them (`nameAfterLabel`) is written apart from the label, as is
  // one name for several IDs: each reference is written as the name and its own ID.
  const labelled = ref.nameSpan !== undefined && leadingTactics(line.text.slice(ref.idSpan.end, ref.nameSpan.start).trimStart()).length > 0;
  if (ref.name !== undefined && ref.nameSpan && (ref.sharedName || labelled)) {
    const idText = originalOf(line, ref.idSpan);
    const nameText = originalOf(line, ref.nameSpan);
    const raw = ref.nameSpan.start < ref.idSpan.start ? `${nameText} (${idText})` : `${idText} (${nameText})`;
    return { ...base, raw, name: ref.name, span: reportSpan(line, ref.idSpan), nameSpan: reportSpan(line, ref.nameSpan) };
  }
  const span = ref.name !== undefined ? ref.span : ref.idSpan;
  return { ...base, raw: cellEdgesAsPipes(originalOf(line, span).trim()), ...(ref.name !== undefined ? { name: ref.name } : {}), span: reportSpan(line, span) };
}

// The tags between two cells of an HTML table row (`</td><td>`, `</td> <td class="x">`).
const CELL_EDGES = /\s*(?:<\/?t[dh]\b[^<>]{0,200}>\s*)+/gi;

/**
 * A reference's text with the tags between its ID's cell and its name's, in an HTML row set on one line, written as a
 * Markdown row's border (`T1106</td><td>Native API` as `T1106 | Native API`), as the reference of such a row read as a
 * Markdown table is written.
 */
function cellEdgesAsPipes(raw: string): string {
  return raw.length > 2000 || !/<\/?t[dh]\b/i.test(raw) ? raw : raw.replace(CELL_EDGES, (edge, at: number) => (at === 0 || at + edge.length === raw.length ? '' : ' | '));
}

/**
 * The tactics of a key/value table's row naming them (`| ATT&amp;CK Tactic | <ul><li>[TA0002: Execution](…)</li></ul> |`
 * on an Atomic Threat Coverage page): a tactic key, then a value that is only tactics, as list items or links.
 */
function keyedTactics(texts: readonly string[], roles: ReadonlyArray<Role | undefined>): string[] | undefined {
  const cells = texts.filter((text) => text.trim());
  return cells.length === 2 && roles[texts.indexOf(cells[0]!)] === 'tactic' ? tacticValue(cells[1]!) : undefined;
}

/** The tactics of a tactic field's value, when it holds only tactics: as text, list items or links. */
function tacticValue(value: string): string[] | undefined {
  if (value.length > 600) return undefined;
  const items = linkTexts(value)
    .split(/<[^<>]{0,40}>/)
    .map((item) => item.trim())
    .filter(Boolean);
  const tactics = items.map((item) => tacticsOf(item));
  return items.length && tactics.every(Boolean) ? [...new Set(tactics.flat() as string[])] : undefined;
}

/**
 * The tactic a table's header names in its one cell without a column's role (`| Execution | ID |`: a CISA table converted
 * from PDF, whose caption's tactic became the header over its `Technique Title | ID` rows), as a tactic row above them
 * would; undefined when no such cell, or several, name tactics (a matrix's header of tactic columns).
 */
function headerTactics(texts: readonly string[], roles: ReadonlyArray<Role | undefined>): string[] | undefined {
  const named = texts.filter((text, k) => !roles[k] && text.trim()).map((text) => tacticsOf(text)).filter((tactics) => tactics !== undefined);
  return named.length === 1 ? named[0] : undefined;
}

/** Text with its Markdown links written as their texts (`[Execution](https://attack.mitre.org/tactics/TA0002)`: Execution). */
function linkTexts(text: string): string {
  return text.replace(/\[([^\]]{1,80})\]\([^)\s]{0,300}\)/g, '$1');
}

/**
 * The technique name in a cell, when the cell holds a short text and no ID. A cell of a technique column (`named`: its
 * header is `Técnica`, `Technique`…) is a name, not a sentence, though it has another language's small words (`Mecanismo
 * de Controle de Elevação de Abuso`, a Portuguese table's T1548.002), as a technique key's value is.
 */
function nameCell(line: Line, cell: TextSpan | undefined, named = false): boolean {
  if (!cell || cell.end <= cell.start) return false;
  const text = slice(line, cell);
  // A count beside the ID (`| 7 | T1003.001-.003 |`, how many datasets a row holds) is no name: a name has a letter. Nor
  // is the key of a key/value row, which ends in a colon (`| **ID DA TÉCNICA:** | T1016 |`, docx made Markdown by pandoc).
  const key = /[:：]$/.test(text.replace(/[*_`\s]+$/, ''));
  // Nor is a cell that names a thing of its own by an ID inside a word (`[dumping-t1003](meta/…)`, a dataset;
  // `chain-T1021.x`, a detector).
  // Nor is a column header's word (`Technique Title` beside an ID, a table whose IDs a PDF conversion moved a row up).
  const header = HEADER_ROLES.has(headerKey(text));
  // A link is its text: a source's footnote (`[1](inputs/CSA_RUSSIAN_GRU_TARGET_LOGISTICS.pdf)`) has no letter.
  // Nor is a tactic cell with a few words of its own (`| 実行・ツール | T1059 など（自動ツール実行） |`, execution and tools,
  // a Japanese detection note's stage column).
  return !hasIds(line, cell) && text.length <= 100 && /\p{L}/u.test(linkTexts(text)) && !key && !header && !tacticsOf(text) && !mixedTactics(text) && !isProse(text, named) && !holdsIdInWord(text);
}

/** State of the walk through a mapping table. */
interface Table {
  roles: Array<Role | undefined>;
  /** The column whose header names techniques (`Technique`, `Técnica`; not a bare `Name`), or -1. */
  techniqueColumn: number;
  /** A column of sub-technique names after the technique column (`| Technique | Sub-Technique | ID |`), or -1. */
  subColumn: number;
  /** The tactic of the last row that named one (merged cells leave the next rows' tactic cell empty). */
  carried: TacticSource;
  /** When the header was a line of comma- or semicolon-separated values, its separator and number of cells: the rows after it have as many. */
  csv?: { separator: CsvSeparator; cells: number };
  /** A matrix's header of tactic columns (`| Initial Access | Execution | … |`): each column's tactics, for the IDs of its cells. */
  columnTactics?: Array<string[] | undefined>;
  /** The columns whose header says they hold no technique's name (`NO_NAME_HEADER`: a data source, a query). */
  nameless?: boolean[];
  /** The columns whose header says they hold what the report saw of the use (`EVIDENCE_HEADER`): each row's evidence. */
  evidence?: boolean[];
}

/**
 * The tactics of the columns of a matrix's header (`| Reconnaissance | Initial Access | Execution |` over `| T1595
 * Scanning | T1566 Phishing | T1059 Scripts |`, a README's ATT&CK mapping; ATT&CK Matrix for Enterprise tables of
 * Exabeam's content pages): a Markdown table's header (a delimiter row under it) of no column's role in which two cells
 * or more name a tactic; a column whose header names none (`Priv Escalation`) has none.
 */
function matrixColumns(texts: readonly string[], next: Entry | undefined, after: Entry | undefined): Array<string[] | undefined> | undefined {
  if (next?.kind !== 'row') return undefined;
  let header = texts;
  if (!isDelimiterRow(next.line)) {
    // A header of two lines, each column's words broken across them (a French DFIR report's box-drawn matrix, `│ Initial
    // │ Execution │ Persist. │` over `│ Access │ │ │`, then its border): a column's header is its two cells' words.
    if (next.line.idSpans.length || after?.kind !== 'row' || !isDelimiterRow(after.line) || next.cells.length !== texts.length) return undefined;
    header = texts.map((text, k) => `${text.trim()} ${slice(next.line, next.cells[k]!).trim()}`);
  }
  const columns = header.map((text) => (text.trim() ? tacticsOf(text, true) : undefined));
  return columns.filter(Boolean).length >= 2 ? columns : undefined;
}

/** The tactics of a table row: its tactic column's (carried down past empty cells), else any tactic cell, else `context`. */
function rowTacticSource(line: Line, cells: TextSpan[], table: Table | undefined, context: string[]): TacticSource {
  const tacticColumn = table?.roles.indexOf('tactic') ?? -1;
  if (table && tacticColumn >= 0) {
    // A column is read as tactics only where its cells are tactics (a header can be wrong: `| Tactic |` over IDs); being
    // a tactic column, its cells may use a tactic field's short forms (`Command and Control / Exfil`).
    const cell = cells[tacticColumn] ? slice(line, cells[tacticColumn]).trim() : '';
    const cellIds = cells[tacticColumn] ? hasIds(line, cells[tacticColumn]) : false;
    const read = cell && !cellIds ? tacticsOf(cell, true) : undefined;
    if (read) table.carried = { tactics: read, column: originalOf(line, cells[tacticColumn]!) };
    else if (cell) {
      // A tactic column whose cell is no tactic (`| Phase | Tactic | Technique ID |` over `| **Initial Access** |
      // External Remote Services | **T0822** |`): the row's tactic is in the cell that names one, as in a table without
      // a tactic column. Not in a cell of an evidence column, which tells what was seen: `| Tactic | Technique |
      // Description |` over `| T1083 | File and Directory Discovery | Reconnaissance | Yasso |` (a Russian GitHub matrix
      // of Phantom Taurus, its IDs under `Tactic`) says the discovery served reconnaissance, not that it is of that tactic.
      table.carried = tacticCells(line, table.evidence ? cells.filter((_, k) => !table.evidence![k]) : cells);
    }
    return table.carried;
  }
  const named = tacticCells(line, cells, !table);
  return named.tactics.length ? named : { tactics: context };
}

/** The tactics a cell names beside another part of a few words (`実行・ツール`, `Persistence / Tools`), not a clause. */
function mixedTactics(text: string): string[] | undefined {
  const read = text.length <= 80 ? readTacticText(tacticCellText(text), { qualified: true, partial: true }) : undefined;
  const short = read?.unread.every((part) => part.length <= 20 && part.split(/\s+/).length <= 2);
  return read && short ? read.tactics : undefined;
}

/**
 * The tactics that cells of a row without IDs name, each cell whole (`| **Initial Access** |`); else those of the one
 * cell that names tactics beside short words that name none (`| 実行・ツール |`, execution and tools, in a Japanese
 * detection note's stage column; `| Persistence / Tools |`).
 */
function tacticCells(line: Line, cells: TextSpan[], headerless = false): TacticSource {
  const unnamed = cells.filter((cell) => !hasIds(line, cell));
  // In a table without a header, a row's first cell that is a tactic field's short form whole, beside a cell of IDs, is
  // the row's label, its tactic (`│ Privilege Esc. │ T1078 │`, a README's box-drawn heat map of one row per tactic). Under
  // a header that names no tactic column (`| Stage | ID |` over `| Evasion | T1027 |`) such a word is no tactic.
  const label = headerless && line.idSpans.length && cells[0] && !hasIds(line, cells[0]) ? cells[0] : undefined;
  const shortForm = (cell: TextSpan): string[] | undefined => (cell === label ? parseTacticList(tacticCellText(slice(line, cell)), true) : undefined);
  const whole = [...new Set(unnamed.flatMap((cell) => tacticsOf(slice(line, cell)) ?? shortForm(cell) ?? []))];
  if (whole.length) return { tactics: whole };
  const mixed = unnamed.flatMap((cell) => {
    const tactics = mixedTactics(slice(line, cell));
    return tactics ? [{ tactics, column: originalOf(line, cell) }] : [];
  });
  // The cell is kept as the tactic column's is, for the warning that names its other parts.
  return mixed.length === 1 ? mixed[0]! : { tactics: [] };
}

/**
 * The column of a header with a tactic column and neither a technique's nor an ID's (`| Tactic | Behaviour | Notes |`,
 * `| 전술 | 행위 |`, a mapping table's tactic, behaviour and notes, its techniques named with no IDs): the first column
 * after the tactic's of no role whose header does not say it holds no name. Its cells are read as a technique
 * column's, so that one naming no technique of the release is listed among the notes rather than left unsaid; -1 for
 * any other header.
 */
function behaviourColumn(roles: ReadonlyArray<Role | undefined>, nameless: readonly boolean[]): number {
  const tactic = roles.indexOf('tactic');
  if (tactic < 0 || roles.some((role) => role === 'name' || role === 'id')) return -1;
  return roles.findIndex((role, k) => k > tactic && role === undefined && !nameless[k]);
}

/**
 * The references of a table row without IDs: the lines of its technique column's cell that name a technique
 * (`| Discovery | Network Sniffing |`), with the row's tactics. Names outside such a column are left to `suggest`.
 */
function nameRowReferences(line: Line, cells: TextSpan[], table: Table, context: string[], namesTechnique: NonNullable<ReadOptions['namesTechnique']>, merged: MergedReferences): void {
  const rowTactics = rowTacticSource(line, cells, table, context);
  const cell = cells[table.techniqueColumn];
  if (!cell || !nameCell(line, cell, true)) return;
  // A line of the cell that names no technique whole but lists several with commas (`Registry Run Keys, Scheduled Task`)
  // is read item by item: no technique's name holds a comma or a semicolon, in any release here.
  const items = (part: TextSpan): TextSpan[] =>
    /[,;]/.test(slice(line, part)) && !namesTechnique(originalOf(line, part).trim(), line.number, false) ? listItems(line, part) : [part];
  for (const part of cellLines(line, cell).flatMap(items)) {
    const raw = originalOf(line, part).trim();
    if (!namesTechnique(raw, line.number)) continue;
    merged.add(
      ordered({
        raw,
        line: line.number,
        ids: [],
        name: withoutMarkup(raw).replace(/\s+/g, ' ').trim(),
        tactics: [...rowTactics.tactics],
        span: reportSpan(line, part),
        ...(rowTactics.column !== undefined ? { tacticColumn: rowTactics.column } : {}),
      }),
    );
  }
}

/**
 * The name of the IDs of a row that goes on from the row above (`| TA0001 | T1566 | |` under `| Acesso Inicial | Phishing
 * | Rhysida utiliza iscas… |`, a Portuguese write-up whose docx cells of two paragraphs became two Markdown rows): the
 * technique column's cell of that row, when it has no ID and this row holds nothing but IDs and tactics.
 */
function nameAbove(row: Entry, above: Entry | undefined, table: Table | undefined): NameApart | undefined {
  if (row.kind !== 'row' || above?.kind !== 'row' || !table || table.techniqueColumn < 0 || above.line.idSpans.length || !row.line.idSpans.length) return undefined;
  const goesOn = row.cells.every((cell) => {
    const text = withoutIds(row.line, cell).trim();
    return !/\p{L}/u.test(text) || tacticsOf(text) !== undefined;
  });
  const cell = above.cells[table.techniqueColumn];
  return goesOn && cell && nameCell(above.line, cell, true) ? { line: above.line, span: cell, after: false } : undefined;
}

/**
 * References in one table row, merged as they are read. In a row of a key/value table (`record`), the first cell is the
 * field's key, no name: the table's name field names the row's one reference.
 */
function rowReferences(
  line: Line,
  cells: TextSpan[],
  table: Table | undefined,
  context: string[],
  merged: MergedReferences,
  record?: KeyValueRecord,
  above?: NameApart,
  hasTactic?: ReadOptions['hasTactic'],
  namesTechnique?: ReadOptions['namesTechnique'],
): void {
  const rowTactics = rowTacticSource(line, cells, table, context);
  // `| 초기 접근 / 실행 | 피싱 → 사용자 실행 | T1566, T1204 |`: the tactics of a row of several techniques are shared among
  // them: each reference takes those its techniques have (T1566 Initial Access, T1204 Execution); one whose techniques
  // have none keeps them all.
  const written = new Set<string>();
  for (let k = 0; k < line.idSpans.length; k += 2) written.add(line.text.slice(line.idSpans[k], line.idSpans[k + 1]).toUpperCase());
  const shared = (ref: ReferenceToken): TacticSource => {
    if (!hasTactic || written.size < 2 || rowTactics.tactics.length < 2) return rowTactics;
    const own = rowTactics.tactics.filter((tactic) => ref.ids.some((id) => hasTactic(id, tactic) === true));
    return own.length ? { ...rowTactics, tactics: own } : rowTactics;
  };
  for (const [i, cell] of cells.entries()) {
    if (!hasIds(line, cell)) continue;
    // Each line of the cell (`T1105 Ingress Tool Transfer<br>T1140 Deobfuscate/Decode Files or Information`) by itself.
    const read = cellLines(line, cell).flatMap((part) => {
      if (!hasIds(line, part)) return [];
      const prose = isProse(withoutIds(line, part));
      return (prose ? clauses(line, part) : [part]).map((piece) => readPiece(line, piece, prose ? 'prose' : 'reference'));
    });
    for (const r of read) merged.warn(line, r);
    const cellRefs = read.flatMap((r) => r.refs.map((ref) => ({ ref, tactics: r.tactics })));
    // The name column of the header, else the nearest cell before, then after, that can hold a name.
    const nameColumn = table?.roles.indexOf('name') ?? -1;
    // A column whose header says it holds no name ends the search on its side: the cells past it are further from the ID.
    // Only in a row whose cells line up with the header's (an AsciiDoc row spanning rows, `.2+|Persistence |T1053.005 |…`,
    // has a cell more).
    const nameless = table?.nameless?.length === cells.length ? table.nameless : undefined;
    const evidence = nameless && table?.evidence;
    // An evidence column's cell that is a technique's name whole is a name (`EVIDENCE_HEADER`). Not one with words in a
    // script other than Latin, in which ATT&CK names no technique: `| Execution | T1059 | T1059.001 | PowerShell执行 |`
    // (PowerShell execution) under `| 战术 | 技术 | 子技术 | 描述 |`, a Chinese analysis of ransomware (code index file
    // 21568191096), tells what was done, as the row `| Initial Access | T1566 | T1566.001 | 钓鱼附件 |` does; it resolves
    // by its Latin word alone, and was read as the name of T1059 rather than as both IDs' evidence.
    const namesWhole = (k: number): boolean => {
      const text = evidence?.[k] ? originalOf(line, cells[k]!).trim() : '';
      return !!text && !OTHER_SCRIPT.test(text) && !!namesTechnique?.(text, line.number, false);
    };
    const side = (ks: number[]): number[] => {
      const stop = ks.findIndex((k) => nameless?.[k] && !namesWhole(k));
      return (stop < 0 ? ks : ks.slice(0, stop)).filter((k) => k >= 0 && k < cells.length);
    };
    const near = [...side([i - 1, i - 2, i - 3]), ...side([i + 1, i + 2, i + 3])];
    // A cell that names its references itself (`**T1059** / **T1059.004** Unix Shell`) takes no name from a cell near
    // it, which is then another column (a description): an ID there without a name of its own stays without one.
    // So does one whose words beside its IDs are a Japanese "and the like" (`| 実行・ツール | T1059 など（自動ツール実行） |
    // EDR 連続実行、R2 |`, a detection note's table): the techniques are the ID's and others like it, named by none.
    const named = cellRefs.some(({ ref }) => ref.name !== undefined) || isAndTheLike(withoutIds(line, cell));
    // A cell of techniques whose sub-techniques the row holds in another cell (`| Lateral Movement | T1021 | T1021.001 |
    // RDP |` under `| 战术 | 技术 | 子技术 | 描述 |`, a Chinese analysis of ransomware, code index file 21568191096; `| T1021
    // | T1021.001 | Remote Services: RDP — xfreerdp via SOCKS/portfwd |` under `| Technique | Sub-Technique | Tool/Method
    // |`, a CPTS study note, code index file 56657167931) is the parent's column: the name beside belongs to the
    // sub-technique, and was read as the parent's too (a disagreement, `T1021 | RDP`).
    const parentOnly = cellRefs.length > 0 && cellRefs.every(({ ref }) => ref.ids.length > 0 && ref.ids.every((id) => !id.includes('.') && [...written].some((w) => w.startsWith(`${id.toUpperCase()}.`))));
    // In a matrix, the cells beside are other tactics' techniques, no names.
    const j = record || table?.columnTactics || parentOnly ? undefined : nameColumn >= 0 && nameColumn !== i ? nameColumn : named ? undefined : near.find((k) => nameCell(line, cells[k]));
    const nameSpan = j !== undefined && nameCell(line, cells[j], j === table?.techniqueColumn) ? cells[j] : undefined;
    const unnamed = cellRefs.filter(({ ref }) => ref.name === undefined).length;
    const nameParts = nameSpan ? splitNames(line, nameSpan, unnamed, namesTechnique) : [];
    // `| Application Layer Protocol | Web Protocols | T1071.001 |`: the sub-technique column's cell completes the name of
    // the one reference of the row (a cell without a name, `—`, leaves the technique's).
    const subCell = table && j === nameColumn && table.subColumn > j && unnamed === 1 ? cells[table.subColumn] : undefined;
    const sub = subCell && nameCell(line, subCell) ? subCell : undefined;
    const elsewhere = unnamed === 1 && !parentOnly ? (record?.name ?? (nameSpan ? undefined : above)) : undefined;
    // The evidence columns' cells (not the one read as the name), as written: what the report saw of each reference's use.
    // (Only a table with such a column looks at its cells: a row of no table, such as a report's text on one line split at
    // its pipes, has as many cells as pipes, and looking at each for each cell of IDs grew with their square.)
    const said = !evidence
      ? []
      : cells.flatMap((cell, k) => {
          const text = evidence[k] && cell !== nameSpan && !hasIds(line, cell) ? originalOf(line, cell).trim() : '';
          return /\p{L}/u.test(text) && !ANSWER_ONLY.test(text) ? [{ line: line.number, text }] : [];
        });
    // The k-th reference without a name of its own takes the k-th part of the name cell.
    let k = 0;
    for (const { ref, tactics } of cellRefs) {
      const part = ref.name === undefined ? nameParts[k++] : undefined;
      const column = table?.columnTactics?.[i];
      const own = tactics.length ? { tactics } : column ? { tactics: column } : shared(ref);
      merged.mention(line, ref, own, part && j !== undefined ? { line, span: part, after: j > i, ...(sub ? { sub } : {}) } : ref.name === undefined ? elsewhere : undefined, said);
    }
  }
}

/**
 * A table row's cells as its header's columns read them. A row under the first of its tactic (its tactic cell merged
 * down over it: HTML's `rowspan`, a Word table) that a converter wrote without that cell has the cells from there on
 * shifted left, one short or an empty one last: its cells with an empty tactic cell put back, so that it takes the
 * tactic of the row above and its name and description cells are read as such. Told, with the tactic column before the
 * ID's, by the header's ID column (else its technique column): empty of IDs where the cell before it holds them (ESET's
 * ATT&CK tables kept as Markdown: `| [*T1583.004*](…) | Acquire Infrastructure: Server | TheWizards acquired servers … |
 * |` under `| **Tactic** | **ID** | **Name** | **Description** |`); with the tactic column after it, by the ID column
 * holding the IDs and the tactic column a cell of text (`| T1059.003 | Windows Command Shell | The actor ran cmd.exe. |`
 * under `| ID | Name | Tactic | Description |`). Either way the tactic column's cell names no tactic. Any other row's
 * cells as they are.
 */
function cellsUnderHeader(line: Line, cells: TextSpan[], table: Table | undefined): TextSpan[] {
  const tactic = table?.roles.indexOf('tactic') ?? -1;
  if (!table || tactic < 0 || !line.idSpans.length) return cells;
  const idColumn = table.roles.includes('id') ? table.roles.indexOf('id') : table.roles.indexOf('name');
  const last = cells.at(-1);
  const short = cells.length === table.roles.length - 1 || (cells.length === table.roles.length && last !== undefined && last.end <= last.start);
  const cellAt = (k: number): TextSpan => cells[k] ?? { start: 0, end: 0 };
  if (!short || idColumn < 0 || idColumn === tactic) return cells;
  const shifted =
    idColumn > tactic
      ? !hasIds(line, cellAt(idColumn)) && hasIds(line, cellAt(idColumn - 1))
      : hasIds(line, cellAt(idColumn)) && !hasIds(line, cellAt(tactic)) && /\p{L}/u.test(slice(line, cellAt(tactic)));
  // A row that names its tactic where the header puts it (`| Execution | T1059 | |` under `| Tactic | Technique | ID |`,
  // the ID written in the technique's cell) has its cells where they belong.
  if (!shifted || tacticsOf(slice(line, cellAt(tactic)), true)) return cells;
  const kept = cells.slice(0, table.roles.length - 1);
  const at = cells[tactic]!.start;
  return [...kept.slice(0, tactic), { start: at, end: at }, ...kept.slice(tactic)];
}

/** Whether a row is a Markdown table's delimiter row (`|---|:--:|`), or holds nothing but pipes and blanks. */
function isDelimiterRow(line: Line): boolean {
  return /^[\s|:\-\t]*$/.test(line.text.length > 2000 ? 'x' : line.text);
}

/**
 * The role of the key of a key/value table's field (`| **Technique Name** | Scheduled Task/Job: Cron |`, `| **Tactic** |
 * Credential Access |`): a row of two cells inside a table (a row above it) and no header (no delimiter row under it),
 * whose first cell is a column header's word and whose second is a value, not another.
 */
function keyValueKey(entryAt: (i: number) => Entry, count: number, index: number): Role | undefined {
  const entry = entryAt(index);
  if (entry.kind !== 'row' || entry.cells.length !== 2 || index === 0 || entryAt(index - 1).kind !== 'row') return undefined;
  const next = index + 1 < count ? entryAt(index + 1) : undefined;
  if (next?.kind === 'row' && isDelimiterRow(next.line)) return undefined;
  const [key, value] = entry.cells.map((cell) => slice(entry.line, cell));
  return value?.trim() && !headerRole(value) ? headerRole(key!) : undefined;
}

/** The fields of a key/value table that describe the technique of its row of IDs. */
interface KeyValueRecord {
  name?: NameApart;
  tactics?: string[];
}

// How many rows around a row of IDs are searched for the other fields of its key/value table.
const RECORD_ROWS = 30;

/**
 * The other fields of the key/value table a row of IDs of two cells stands in (a table with a field whose key is a column
 * header's word), when the table describes one technique (no other row holds IDs): the cell of its name field as the
 * name (`| **Technique Name** | … |`, before or after the ID's row), and its tactic field's tactics (`| **Tactic** |
 * Credential Access |`, which may come after the ID and is the table's own, over a tactic the text above stated).
 */
function keyValueRecord(entryAt: (i: number) => Entry, count: number, index: number): KeyValueRecord | undefined {
  const entry = entryAt(index);
  if (entry.kind !== 'row' || entry.cells.length !== 2 || hasIds(entry.line, entry.cells[0]!)) return undefined;
  return recordAround(count, index, RECORD_ROWS, (k) => {
    const row = entryAt(k);
    if (row.kind !== 'row') return undefined;
    const role = keyValueKey(entryAt, count, k);
    return { ...(role ? { role } : {}), line: row.line, value: row.cells[1] ?? { start: 0, end: 0 } };
  });
}

/** A field of a record: the role of its key (a column header's word), and where its value is. */
interface Field {
  role?: Role;
  line: Line;
  value: TextSpan;
}

/**
 * The fields around a reference's (`fieldAt`, up to `limit` lines each way, up to one that is none) as a record, when one
 * of their keys is a column header's word and none holds IDs: its name field's value and its tactic field's tactics.
 * Fields set one per paragraph (`Tactic: Execution`, a blank line, `Technique: T1059.001`, a blank line, `Procedure: …`)
 * go on past blank lines (`blankAt`); such a run holds record after record, and a field whose key's role the record
 * already has (another `Technique:`, another `Tactic:`) starts the next one.
 */
function recordAround(count: number, index: number, limit: number, fieldAt: (k: number) => Field | undefined, blankAt?: (k: number) => boolean): KeyValueRecord | undefined {
  const run: Array<{ field: Field; at: number }> = [];
  let spaced = false;
  for (const step of [-1, 1]) {
    for (let k = index + step; k >= 0 && k < count && Math.abs(k - index) <= limit; k += step) {
      const field = fieldAt(k);
      if (!field && blankAt?.(k)) {
        spaced = true;
        continue;
      }
      if (!field) break;
      run.push({ field, at: k });
    }
  }
  let record = run;
  if (spaced) {
    // Split the run, in order, into records where a key's role repeats (an ID's field has an ID's role, the reference's
    // own field too), and keep the reference's.
    const items = [...run, { at: index }].sort((x, y) => x.at - y.at);
    const recordOf = new Map<number, number>();
    let roles = new Set<Role>();
    let current = 0;
    for (const item of items) {
      const role = !('field' in item) || item.field.line.idSpans.length ? 'id' : item.field.role;
      if (role && roles.has(role)) {
        current++;
        roles = new Set();
      }
      if (role) roles.add(role);
      recordOf.set(item.at, current);
    }
    record = run.filter((item) => recordOf.get(item.at) === recordOf.get(index));
  }
  let keyed = false;
  let name: NameApart | undefined;
  let tactics: string[] | undefined;
  // The fields before the reference's first, nearest first, then those after it.
  for (const { field, at } of [...record].sort((a, b) => (a.at < index) !== (b.at < index) ? (a.at < index ? -1 : 1) : Math.abs(a.at - index) - Math.abs(b.at - index))) {
    const { role, line, value } = field;
    if (line.idSpans.length) return undefined;
    keyed ||= role !== undefined;
    if (role === 'name' && nameCell(line, value)) name ??= { line, span: value, after: at > index };
    if (role === 'tactic') tactics ??= tacticValue(slice(line, value));
  }
  return keyed ? { ...(name ? { name } : {}), ...(tactics ? { tactics } : {}) } : undefined;
}

/**
 * A line written as a field, `Key: value` (`- **Technique Name:** Brute Force`, `**ATT&CK ID:** T1110`): the role of its
 * key when that is a column header's word, and where its value is; undefined for a line that is no field.
 */
function lineField(line: Line): Field | undefined {
  const text = line.text.length > 600 ? '' : line.text;
  const marker = LIST_MARKER.exec(text)?.[0].length ?? 0;
  const key = KEY.exec(text.slice(marker));
  if (!key) return undefined;
  const value = trimSpan(text, { start: marker + key[0].length, end: text.length });
  const role = headerRole(key[1]!);
  return value.end > value.start ? { ...(role ? { role } : {}), line, value } : undefined;
}

/**
 * A line of fields separated by `|`, each keyed by a column header's word (`**Tactic**: Defense Evasion, Persistence |
 * **Technique**: T1574.001`, a write-up's summary line), one of them holding IDs: that field's value, and the record the
 * others make (a name field's value, a tactic field's tactics), as lines of fields make one (`fieldRecord`).
 */
function lineFields(line: Line): { value: TextSpan; record: KeyValueRecord } | undefined {
  const text = line.text;
  if (!line.idSpans.length || !text.includes('|') || text.length > 600 || /^\s{0,12}\|/.test(text)) return undefined;
  const marker = LIST_MARKER.exec(text)?.[0].length ?? 0;
  const fields: Field[] = [];
  for (const cell of splitCells(text.slice(marker), '|')) {
    const key = KEY.exec(text.slice(marker + cell.start, marker + cell.end));
    const role = key ? headerRole(key[1]!) : undefined;
    if (!key || !role) return undefined;
    fields.push({ role, line, value: trimSpan(text, { start: marker + cell.start + key[0].length, end: marker + cell.end }) });
  }
  const withIds = fields.filter((field) => hasIds(line, field.value));
  const value = withIds[0]?.value;
  if (!value || withIds.length > 1) return undefined;
  const record: KeyValueRecord = {};
  for (const { role, value: span } of fields) {
    if (span === value) continue;
    if (role === 'name' && nameCell(line, span)) record.name ??= { line, span, after: span.start > value.start };
    if (role === 'tactic') record.tactics ??= tacticValue(slice(line, span));
  }
  return { value, record };
}

// How many lines around an ID field are searched for the other fields of its record.
const RECORD_LINES = 8;

/**
 * The other fields of the record an ID field stands in (`- **Technique ID:** T1110.001`, then `- **Technique Name:** Brute
 * Force: Password Guessing`, `- **Tactic:** Credential Access`): the lines of `Key: value` fields around it, read as a
 * key/value table's rows are (`keyValueRecord`).
 */
function fieldRecord(entryAt: (i: number) => Entry, count: number, index: number): KeyValueRecord | undefined {
  // `Technique: T1059.001` is an ID field too: a technique's key whose value is the ID.
  const role = lineField(entryAt(index).line)?.role;
  if (role !== 'id' && role !== 'name') return undefined;
  return recordAround(count, index, RECORD_LINES, (k) => lineField(entryAt(k).line), (k) => entryAt(k).kind === 'blank');
}

// A line break written in a cell of a Markdown table (`<br>`, `<br/>`, `<br />`).
const CELL_BREAK = /<br\s*\/?>/gi;

/** The lines of a cell, at its `<br>` line breaks (the cell itself when it has none). */
function cellLines(line: Line, cell: TextSpan): TextSpan[] {
  const text = slice(line, cell);
  if (!text.includes('<')) return [cell];
  const parts: TextSpan[] = [];
  let start = cell.start;
  for (const match of text.matchAll(CELL_BREAK)) {
    parts.push(trimSpan(line.text, { start, end: cell.start + match.index }));
    start = cell.start + match.index + match[0].length;
  }
  parts.push(trimSpan(line.text, { start, end: cell.end }));
  return parts.filter((part) => part.end > part.start);
}

/**
 * Whether a span is a list of references, not a sentence: items that commas or semicolons separate, each a name and
 * one ID of its own (no two the same), its words a name's (`Data Encrypted for Impact [T1486], Service Stop [T1489],
 * Inhibit System Recovery [T1490]`, a line of Unit 42's threat assessment), however many words they hold together.
 */
function isReferenceList(line: Line, span: TextSpan): boolean {
  const items = listItems(line, span);
  if (items.length < 2) return false;
  const ids = new Set<string>();
  for (const item of items) {
    const id = onlyId(line, item);
    if (id === undefined || ids.has(id) || !isName(withoutIds(line, item))) return false;
    ids.add(id);
  }
  return true;
}

/**
 * Whether the words of a list's item, its ID left out, are a name: no sentence, no word in lower case but a name's small
 * words (a key in lower case, `evidence: Standard Cryptographic Protocol (T1032)`, is none), and none of code's signs
 * (`VIS = {'T1059.001': 4, …}`, a script's dictionary).
 */
function isName(text: string): boolean {
  const lower = (word: string): boolean => LOWER_WORD.test(word.replace(/[:：]$/, '')) && !CONNECTORS.has(word.replace(/[,;:：]$/, ''));
  return !isProse(text) && !/[={}<>]/.test(text) && !text.split(/\s+/).some(lower);
}

/** The one technique ID that lies whole within a span, as written; undefined when it holds none or more than one. */
function onlyId(line: Line, span: TextSpan): string | undefined {
  const spans = line.idSpans;
  const k = firstIdFrom(line, span.start);
  if (k >= spans.length || spans[k + 1]! > span.end) return undefined;
  if (k + 2 < spans.length && spans[k + 2]! < span.end) return undefined;
  return line.text.slice(spans[k], spans[k + 1]);
}

/** The items of a span that a comma or a semicolon separates, each trimmed; those without a letter left out. */
function listItems(line: Line, span: TextSpan): TextSpan[] {
  const parts: TextSpan[] = [];
  let start = span.start;
  for (let k = span.start; k <= span.end; k++) {
    if (k < span.end && !/[,;]/.test(line.text.charAt(k))) continue;
    const part = trimSpan(line.text, { start, end: k });
    if (/\p{L}/u.test(slice(line, part))) parts.push(part);
    start = k + 1;
  }
  return parts;
}

/**
 * A name cell split to match the references of the ID cell beside it (one name for one, or one per reference): at
 * commas, semicolons or `、`, else with ATT&CK data at spaced slashes where each part names a technique
 * (`slashedNameParts`: `| Input Capture / Phishing for Information | T1056 / T1598 |`).
 */
function splitNames(line: Line, span: TextSpan, count: number, namesTechnique?: ReadOptions['namesTechnique']): TextSpan[] {
  if (count === 0) return [];
  if (count === 1) return [span];
  const lines = cellLines(line, span);
  if (lines.length === count) return lines;
  const parts: TextSpan[] = [];
  let start = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i === span.end || ',;、'.includes(line.text.charAt(i))) {
      parts.push(trimSpan(line.text, { start, end: i }));
      start = i + 1;
    }
  }
  if (parts.length === count || !namesTechnique) return parts.length === count ? parts : [];
  const shift = (part: TextSpan): TextSpan => ({ start: span.start + part.start, end: span.start + part.end });
  return slashedNameParts(slice(line, span), count, (part) => namesTechnique(originalOf(line, shift(part)).trim(), line.number, false)).map(shift);
}

/** The tactics of the last table caption before a place in a line; none when it names none. */
function captionTactics(captions: readonly TableCaption[], at: number): string[] {
  let tactics: string[] = [];
  for (const caption of captions) if (caption.end <= at) tactics = caption.tactics;
  return displayTactics(tactics);
}

const orElse = (tactics: string[], others: string[]): string[] => (tactics.length ? tactics : others);

/**
 * The pieces of an item or flattened row cut where a clause after `;` or a sentence's end starts with a tactic label of
 * its own (`Execution: PowerShell (T1059.001); Persistence: Run key (T1547.001)`, `Initial Access: Spearphishing Link
 * (T1566.002). Execution: Malicious File (T1204.002).`): that label governs its clause, as the line's governs the first,
 * and is no part of a name. Clauses without a label stay with the piece before them.
 */
function labelledClauses(line: Line, span: TextSpan, leading: { tactics: string[]; length: number }): Array<{ span: TextSpan; label: { tactics: string[]; length: number } }> {
  const pieces = [{ span: { ...span }, label: leading }];
  for (const clause of clauses(line, span).slice(1)) {
    const text = slice(line, clause);
    const label = leadingTactics(text);
    if (!label.length) continue;
    pieces.at(-1)!.span.end = clause.start - 1;
    pieces.push({ span: { start: clause.start + label.length, end: span.end }, label });
  }
  return pieces;
}

/**
 * A reference of a sentence whose name, before its ID, holds a tactic label or follows one (`ATT&CK Code Resource
 * Development: Acquire Infrastructure: Domains T1583.001 … Initial Access : Spearphishing Link T1566.002`, a PDF's ATT&CK
 * appendix of `Tactic: Technique` rows set on one line): the last such label, after `from`, is its tactic, and its name
 * is the words after it; undefined for any other.
 */
function nameLabel(line: Line, ref: ReferenceToken, from: number): { ref: ReferenceToken; tactics: string[] } | undefined {
  const { nameSpan } = ref;
  if (!nameSpan || ref.name === undefined || nameSpan.end > ref.idSpan.start) return undefined;
  const start = Math.max(from, nameSpan.start - MAX_LABEL);
  const text = line.text.slice(start, nameSpan.end);
  let found: { tactic: string; end: number } | undefined;
  for (const colon of text.matchAll(/\s{0,2}[:：]\s{0,3}/gu)) {
    const words = text.slice(0, colon.index).split(/\s+/).slice(-3);
    const end = start + colon.index + colon[0].length;
    for (let n = words.length; n > 0 && end <= nameSpan.end; n--) {
      // Words of a tactic's name only: a TA ID in brackets (`Evasione delle difese (TA0005):`) is read with its name as
      // tactic text is.
      const tactic = words.slice(-n).every((word) => /^[\p{L}&-]+$/u.test(word)) ? tacticDisplayName(words.slice(-n).join(' ')) : undefined;
      // One word after others of the name ends a technique's name (`System Binary Proxy Execution: Mshta`, `Account
      // Discovery: Local Account`): no label. A tactic of several words is one (`ATT&CK Code Resource Development:`).
      const alone = n > 1 || n === words.length || start + text.slice(0, colon.index).lastIndexOf(words.at(-1)!) <= nameSpan.start;
      if (tactic && alone) found = { tactic, end };
      if (tactic) break;
    }
  }
  if (!found) return undefined;
  if (found.end <= nameSpan.start) return line.text.slice(found.end, nameSpan.start).trim() ? undefined : { ref, tactics: [found.tactic] };
  const name = slice(line, { start: found.end, end: nameSpan.end }).trim();
  if (!/\p{L}/u.test(name)) return undefined;
  return { ref: { ...ref, name, nameSpan: { start: found.end, end: nameSpan.end }, span: { start: found.end, end: ref.span.end } }, tactics: [found.tactic] };
}

/**
 * A reference whose name, after its ID, opens with a tactic label (`T1047 Execution - Windows Management Instrumentation`,
 * `T1003.001 Credential Access - OS Credential Dumping: LSASS Memory`: Unit 42's `MITRE ATT&CK TTP ID` lists under its
 * XQL queries): the label is its tactic, and its name is the words after it; undefined for any other.
 */
function nameAfterLabel(line: Line, ref: ReferenceToken): { ref: ReferenceToken; tactics: string[] } | undefined {
  const { nameSpan } = ref;
  if (!nameSpan || ref.name === undefined || nameSpan.start < ref.idSpan.end) return undefined;
  const written = slice(line, nameSpan);
  const label = leadingTactics(written);
  const name = written.slice(label.length).trim();
  if (!label.length || !/\p{L}/u.test(name)) return undefined;
  const start = nameSpan.start + written.indexOf(name, label.length);
  return { ref: { ...ref, name, nameSpan: { start, end: nameSpan.end } }, tactics: displayTactics(label.tactics) };
}

// How far before a name a tactic label that governs it may start (`Initial Access : `).
const MAX_LABEL = 48;

// A key in snake case before an ID (`module_id: T1003.001`, `- technique_id: T1059.001`): a YAML record's field, whose
// neighbouring lines are its other fields (`platform: Windows`), not a table's name cell set on the next line.
const SNAKE_CASE_LABEL = /^\s*(?:[-*]\s+)?[a-z][a-z0-9]*(?:_[a-z0-9]+)+\s*:\s*$/;

/** Whether the text of a line around its ID is none, or only the label of a field (`ID:`): the ID stands alone. */
function isBareId(rest: string): boolean {
  return !/\p{L}/u.test(rest) || (rest.length <= 40 && /[:：]\s*$/.test(rest) && !SNAKE_CASE_LABEL.test(rest));
}

/**
 * The references of a line that holds IDs outside a table: a list item, a flattened table row, or a sentence (never, for
 * `tableRow`, a row under a header of columns run together). Those of a sentence are merged as they are read; the others
 * come back (a tactic line after them may still add to them).
 */
function lineReferences(
  entry: Extract<Entry, { kind: 'ids' }>,
  context: string[],
  section: string[],
  neighbour: (labelled: boolean) => Entry | undefined,
  merged: MergedReferences,
  record?: KeyValueRecord,
  tableRow = false,
  useOf: (ref: ReferenceToken) => ReportEvidence[] = () => [],
): Found[] | undefined {
  const { line } = entry;
  const body = slice(line, entry.body);
  const leading = leadingTactics(body);
  // A technique's key, in any language read here, labels the reference after it; it is no part of its name.
  const key = leading.length ? 0 : techniqueKeyLength(body);
  const span = { start: entry.body.start + leading.length + key, end: entry.body.end };
  // A page flattened to one line holds its tables' captions (`Table 5: Execution`): each governs the IDs after it.
  const captions = tableCaptions(line.text);
  // An HTML table's rows set on one line are read row by row, whatever sentences their cells hold.
  const html = htmlRows(line, span);
  const piped = html ? undefined : pipeRows(line, span);
  const rows = (html ?? piped)?.map((row) => row.span);
  if (!rows && !tableRow && !isReferenceList(line, span) && isProse(withoutIds(line, span), key > 0 || idDashOtherLanguage(slice(line, span)))) {
    // Each clause's own label governs it (the line's, its first clause's) and is no part of a name (`The actor sent a
    // link. Initial Access: Spearphishing Link (T1566.002).`); a clause with none is under its table's caption or its
    // section's heading.
    for (const clause of clauses(line, entry.body)) {
      const label = leadingTactics(slice(line, clause));
      const read = readPiece(line, { start: clause.start + label.length, end: clause.end }, 'prose');
      merged.warn(line, read);
      const own = label.length ? displayTactics(label.tactics) : read.tactics;
      for (const ref of read.refs) {
        const named = nameLabel(line, ref, clause.start + label.length) ?? nameAfterLabel(line, ref);
        const tactics = named?.tactics ?? (own.length ? own : orElse(captionTactics(captions, ref.idSpan.start), section));
        merged.mention(line, named?.ref ?? ref, { tactics }, undefined, useOf(ref));
      }
    }
    return undefined;
  }
  const refs: Found[] = [];
  // The tactics of the last row of a table set on one line, for a row under it whose tactic cell is empty.
  let above: string[] = [];
  const pieces: Array<{ span: TextSpan; label: { tactics: string[]; length: number }; cell?: string[]; carried?: boolean }> =
    piped?.map((row) => ({ span: row.span, label: leading, ...(row.tactics ? { cell: row.tactics } : { carried: true }) })) ??
    html?.map((row) => ({ span: row.span, label: leading, ...(row.tactics ? { cell: row.tactics } : row.carried ? { carried: true } : {}) })) ??
    labelledClauses(line, span, leading);
  for (const { span: row, label, cell, carried } of pieces) {
    const read = readPiece(line, row, 'reference');
    merged.warn(line, read);
    const own = label.length ? displayTactics(label.tactics) : carried ? above : (cell ?? read.tactics);
    above = own;
    for (const token of read.refs) {
      const after = nameAfterLabel(line, token);
      const ref = after?.ref ?? token;
      const given = after?.tactics ?? (own.length ? own : orElse(captionTactics(captions, ref.idSpan.start), context));
      const tactics = merged.tacticsAt(line, ref, { tactics: given }).tactics;
      // One cell per line (a table pasted from a web page): a bare ID takes its name from the cell beside it. An ID with
      // words before it that are no name (`T E C H N I Q U E   T 1 1 9 3`, a spaced-out heading) is no cell of a table.
      // `T1566.001:` alone on its line labels the cell after it (a list of `ID: Name` items set one word per line).
      const labelled = /^\s{0,3}[:：]\s*$/.test(slice(line, { start: ref.idSpan.end, end: span.end }));
      const alone = !rows && read.refs.length === 1 && !entry.bullet;
      // The value of an ID field (`- **Technique ID:** T1110.001`) is named by its record's name field, not a line beside it.
      const field = ref.name === undefined && !rows && read.refs.length === 1 ? record?.name : undefined;
      const cell = field || ref.name !== undefined || !alone || !isBareId(withoutIds(line, span)) ? undefined : neighbour(labelled);
      const named = field ?? (cell ? { line: cell.line, span: trimSpan(cell.line.text, { start: 0, end: cell.line.text.length }), after: cell.line.number > line.number } : undefined);
      const use = useOf(ref);
      refs.push(use.length ? { ...found(line, ref, { tactics }, named), evidence: use } : found(line, ref, { tactics }, named));
    }
  }
  return refs;
}

const ROW_END = /<\/tr\s{0,3}>/gi;

// A segment between two `|` of a table run into one line that is a border or a delimiter row's (`+-----+-----+`,
// `-----+-----`, `:---`), or the space between two rows.
const BORDER_SEGMENT = /^[\s\-=+:]*$/;

/**
 * The rows of a pipe table whose header names a tactic column set on one line with its rows (capa's ATT&CK table as
 * tabulate draws it, or as rich draws it once `readBoxTables` has written its rules `|`, run into one line: `| ATT&CK
 * Tactic | ATT&CK Technique | |---+---| | DEFENSE EVASION | Obfuscated Files or Information [T1027] | | | Virtualization/
 * Sandbox Evasion::System Checks [T1497.001] | | DISCOVERY | …`): after the header's cells, each row is as many cells
 * between `|`, the rows apart by a space or a border. Each row with IDs, without its tactic cell when that is its first or
 * last, and the tactics that cell names; none when it is empty (a row that goes on under the tactic of the row above, as
 * in a Markdown table). Undefined for any other line.
 */
function pipeRows(line: Line, span: TextSpan): Array<{ span: TextSpan; tactics?: string[] }> | undefined {
  const text = slice(line, span);
  if ((text.match(/\|/g)?.length ?? 0) < 6) return undefined;
  const bars = [...text.matchAll(/\|/g)].map((match) => span.start + match.index);
  const segment = (k: number): string => line.text.slice(bars[k]! + 1, bars[k + 1]);
  // The header: cells of column roles, a tactic's among them, right after one another.
  // The header's first cell among the first few: a long row of cells is no such table.
  const first = bars.slice(0, 4).findIndex((_, k) => k + 1 < bars.length && headerRole(segment(k).trim()) !== undefined);
  if (first < 0) return undefined;
  const roles: Role[] = [];
  for (let k = first; k + 1 < bars.length && !BORDER_SEGMENT.test(segment(k)); k++) {
    const role = headerRole(segment(k).trim());
    if (!role) return undefined;
    roles.push(role);
  }
  const tactic = roles.indexOf('tactic');
  if (tactic < 0 || roles.length < 2 || new Set(roles).size !== roles.length) return undefined;
  const rows: Array<{ span: TextSpan; tactics?: string[] }> = [];
  let k = first + roles.length;
  while (k + roles.length < bars.length) {
    // The space between two rows; a delimiter row (`|---+---|`) between them, with its own.
    k += 1;
    if (k + 1 < bars.length && BORDER_SEGMENT.test(segment(k)) && /[-=]/.test(segment(k))) k += 2;
    if (k + roles.length >= bars.length) break;
    // The row's cells but its tactic cell, when that is its first or last; the tactics that cell names.
    const start = tactic === 0 ? bars[k + 1]! : bars[k]!;
    const end = tactic === roles.length - 1 ? bars[k + tactic]! : bars[k + roles.length]! + 1;
    const cell = segment(k + tactic).trim();
    if (hasIds(line, { start, end })) rows.push({ span: { start, end }, ...(cell ? { tactics: tacticValue(cell) ?? [] } : {}) });
    k += roles.length;
  }
  return rows.length ? rows : undefined;
}

// A row's first cell: the tags before it, its opening tag, its text and its closing tag.
const FIRST_CELL = /^(?:\s|<\/?(?:tr|tbody|thead|table)\b[^<>]{0,200}>)*<t([dh])\b[^<>]{0,200}>([^]{0,600}?)<\/t\1\s{0,3}>/i;

/**
 * The rows of an HTML table set on one line (a GitBook page's `<tr><td>Phishing: Spearphishing Attachment</td><td>
 * T1566.001</td>…</tr><tr>…`) that hold IDs, each read as a Markdown row's line is: a row whose first cell, read by its
 * tags, names a tactic without that cell, and the tactics it names (`<tr><td>Execution</td><td>T1106</td><td>Native
 * API</td></tr>`: the name is the cell after the ID, not the tactic before it); a row without such a cell under rows
 * that had one, `carried` (a tactic cell spanning rows, `rowspan`, leaves the rows under it without it). Undefined for a
 * line without rows.
 */
function htmlRows(line: Line, span: TextSpan): Array<{ span: TextSpan; tactics?: string[]; carried?: boolean }> | undefined {
  const text = slice(line, span);
  if (!/<\/tr/i.test(text)) return undefined;
  const rows: Array<{ span: TextSpan; tactics?: string[]; carried?: boolean }> = [];
  let start = span.start;
  let tacticCells = false;
  const add = (end: number): void => {
    const row = { start, end };
    const first = FIRST_CELL.exec(line.text.slice(start, end));
    const cell = first && !hasIds(line, { start: start + first.index, end: start + first[0].length }) ? tacticsOf(first[2]!, true) : undefined;
    tacticCells ||= cell !== undefined;
    if (!hasIds(line, row)) return;
    if (cell) rows.push({ span: { start: start + first![0].length, end }, tactics: cell });
    else rows.push({ span: row, ...(tacticCells ? { carried: true } : {}) });
  };
  for (const end of text.matchAll(ROW_END)) {
    add(span.start + end.index + end[0].length);
    start = span.start + end.index + end[0].length;
  }
  add(span.end);
  return rows;
}

/**
 * Find the technique references in a report's text: IDs in any shape `READING_RULES` reads (typos, glued to words,
 * shorthands, ranges), the technique name beside each (same item, same table row, or the cell before or after), and
 * the tactics of the mapping table, section or clause they stand in (English or Japanese tactic names, as rows,
 * columns or headings) or of a quoted Sigma rule's tactic tags (`withSigmaTags`). One reference per written ID; a
 * technique listed under several tactics comes back once with all of them. Pure; its time is linear in the text's length; text without IDs gives `[]`.
 */
export function extractReferences(text: string): ExtractedReference[] {
  const lines = foldLines(joinBrokenLinks(text));
  // `Tags: attack.t1059.001, attack.t1105`, `- attack.execution`: a Sigma rule's tags quoted, read as Sigma means them.
  return withSigmaTags(referencesInLines(lines), lines).references;
}

/** How `referencesInLines` reads a report, for a caller with ATT&CK data (`extractReport`). */
export interface ReadOptions {
  /** An ID written again with another name of its own is a reference of its own (`MergedReferences`). */
  namesApart?: boolean;
  /**
   * Whether a cell of a technique column (at a 1-based line) names a technique of the release: then it is a reference.
   * With `report` false, a cell that names none is only asked about, not reported.
   */
  namesTechnique?: (name: string, line: number, report?: boolean) => boolean;
  /** Whether the technique of an ID has a tactic as written (undefined when the release does not say). */
  hasTactic?: (id: string, tactic: string) => boolean | undefined;
  /**
   * Told what the reader could not read with certainty on a (1-based) line, for the caller to pass on: names that could
   * not be paired with their IDs (`T1566.001 (Phishing Attachment), T1204 (User Execution), T1059` with the last
   * bracket on the next line), so the IDs were read without them.
   */
  warning?: (line: number, message: string) => void;
  /**
   * Told of each Markdown link on a (1-based) line whose text and address name different techniques (`[*T1055*](…/T1055/004)`):
   * both were read, one of them likely not meant.
   */
  linkDisagrees?: (line: number, message: string) => void;
  /**
   * Told of a tactic a table's header places that a row does not name (`Rule Technique Name MITRE ID Tactic` over a row
   * whose text after its ID is no tactic), on a (1-based) line: its reference was read without a tactic.
   */
  tacticUnread?: (line: number, message: string) => void;
  /**
   * Told the tactics of each (1-based) line that is not blank, as an ID the reader did not take there would have them:
   * its table row's, or the tactic line's, caption's or heading's it stands under; for an ID a caller repairs
   * (`Exploitation for Privilege Escalation - T106` under a tactic cell `Privilege Escalation`).
   */
  lineTactics?: (line: number, tactics: readonly string[]) => void;
  /** Told each table row read joined to the row under it, its ID cell split over the two (`readSplitIdRows`). */
  rowJoined?: (row: SplitIdRow) => void;
  /** Whether the release has a technique: an ID a line break split is joined only where it does (`readBrokenIds`). */
  hasTechnique?: (id: string) => boolean;
  /** Told each ID a line break or a soft hyphen split, joined or not (`readBrokenIds`). */
  idBroken?: (broken: BrokenId) => void;
  /** Whether text is exactly a technique's name: a name wrapped over lines of its own is joined only where it is (`readWrappedNames`). */
  isTechniqueName?: (name: string) => boolean;
  /** Told each technique name read joined from the lines it was wrapped over (`readWrappedNames`). */
  nameJoined?: (wrapped: WrappedName) => void;
  /** Told each row of a table set in columns of spaces read joined from the lines its cells wrap over (`readLayoutTables`). */
  layoutJoined?: (row: LayoutTableRow) => void;
  /** Told the (0-based) index of each line as the walk reaches it, for a caller that shows how far it has read. */
  lineReached?: (index: number) => void;
}

/**
 * `extractReferences` on a report's lines as `foldLines` gives them, for a caller that reads them for more and checks
 * the names (`ReadOptions`).
 */
export function referencesInLines(lines: readonly FoldedText[], options: ReadOptions = {}): ExtractedReference[] {
  // Lines are classified as the walk reaches them (a bare ID looks at the lines around it), and forgotten once the walk
  // can no longer look back at them: past the last line before the current one that was not blank.
  const entries: Array<Entry | undefined> = [];
  // A grid table's rows are read as a Markdown table's, one line per row; a table drawn in box-drawing characters too,
  // and an HTML table whose rows are written over several lines.
  // A row whose ID cell a converter split over two rows (`| T1059. |` over `| 001 |`) is read joined to the row under it;
  // an ID that PDF-to-text split at a line's end (`(T1566.-`⏎`001)`) is read joined on its first line.
  // A Markdown table's rows written without their outer pipes are read with them, a pipe a cell border.
  const grids = readBarePipeTables(readHtmlTables(lines, readBoxTables(lines, readDashTables(lines, readGridTables(lines)))));
  // A table set in columns of spaces under a header of them (`pdftotext -layout`) is read by the header's columns, a
  // cell wrapped under its column joined to its row.
  const tables = readLayoutTables(grids, isLayoutHeader, options.hasTechnique, options.idBroken, options.layoutJoined);
  const ids = readBrokenIds(readSplitIdRows(tables, options.rowJoined), options.hasTechnique, options.idBroken);
  // A technique name PDF-to-text wrapped over lines of their own (`Spearphishing`⏎`Attachment`) is read joined.
  const read = readWrappedNames(ids, options.isTechniqueName, options.nameJoined);
  const entryAt = (i: number): Entry => (entries[i] ??= classify(read[i]!));
  let forgotten = 0;
  let previous = 0;
  // Each reference is merged as it is read, so no list of every mention is kept (a long line holds thousands).
  const merged = new MergedReferences(options.namesApart === true, jsonThreatEntries(lines), options);
  const add = (ref: Found): void => merged.add(ref);
  const usedNames = new Set<Entry>();
  let context: string[] = [];
  let table: Table | undefined;
  let headerRun: Role[] = [];
  let headerOrder: Role[] = [];
  // Whether that header's last cell, after its roles, heads an evidence column (`Technique Title`, `ID`, `Use` one per
  // line): the cell under it, after a row's ID, is the row's evidence.
  let evidenceLast = false;
  // The index of the last line of the evidence cell read after a row's ID there: a cell wrapped over lines is the row's.
  let evidenceEnd = -1;
  // The kind of the last line that was not blank.
  let lastKind: Entry['kind'] | undefined;
  // A table of one cell per line with its tactic column first: how many cells a row has, the tactics of the last row
  // that named them, and how many cells have followed since the last ID (see `case 'ids'`).
  let cellRows: { columns: number; tactics: string[]; cells: number } | undefined;
  // The references of the last ID line, and whether tactics follow their IDs in this table (see `case 'tactic'`). They
  // are merged once no tactic line can add to them any more, before the references of any later line.
  let lastIds: Found[] = [];
  let tacticAfter = false;
  // Whether the last ID line was one cell of a table row broken after it (`T1059 Command and Scripting Interpreter |`).
  let brokenRow = false;
  // A header of columns run together on one line whose tactic column follows the ID column (`tacticAfterIdHeader`), and
  // its line: it holds for the ID lines right under it.
  let idThenTactic: { numbered: boolean; line: number } | undefined;
  // A header of columns run together on one line, a name's, an ID's and a use's (`useAfterIdHeader`): it holds for the
  // rows right under it, their uses' lines and the tactic rows among them.
  let idThenUse = false;
  // The index of the last line of the use read after a row's ID there.
  let useEnd = -1;
  // Whether the line is in an Elastic rule's `[[rule.threat]]` block (see `threatBlockLine`).
  let inThreat = false;
  // Whether `context` is a Markdown heading's: it holds through the prose of its section, up to the next heading.
  let headingContext = false;
  // Whether it is a table caption's (`Table 5: Execution`), which holds as a heading's does, up to the next caption, or
  // the end of the Markdown table under it (`captionRows`: once its rows have begun).
  let captioned = false;
  let captionRows = false;
  // Whether lines of IDs have followed that caption (rows set as lines, as pdftotext writes them), and whether the line
  // before was blank: a sentence after a blank line under them is the text going on past the table (see `pastTable`).
  let captionIds = false;
  let blankBefore = false;
  // Whether `context` is a table's own, from one of its rows (a section row `| **Persistence** | |`, a header's tactic
  // cell, a key/value table's tactic field): it ends with the table, and a new table's header ends it.
  let rowContext = false;
  // The index of the row whose tactic cell is `context` (a header's, a section row's), or -1.
  let rowContextAt = -1;
  // A table set in columns of spaces (`pdftotext -layout`, a code block's table): the tactic that starts a row, and the
  // column where the row's text after it starts (see `layoutTactic`).
  let layoutRow: LayoutRow | undefined;
  /** A table's own row gives the tactic (`rowContext`): it replaces a heading's or a caption's. */
  const setRowContext = (tactics: string[]): void => {
    context = tactics;
    rowContext = true;
    headingContext = false;
    captioned = false;
  };
  for (let index = 0; index < lines.length; index++) {
    options.lineReached?.(index);
    const classified = csvRow(entryAt(index), table);
    const cells = classified.kind === 'row' ? cellsUnderHeader(classified.line, classified.cells, table) : undefined;
    const entry: Entry = classified.kind === 'row' && cells !== classified.cells ? { ...classified, cells: cells! } : classified;
    if (entry.kind !== 'blank') {
      for (; forgotten < previous; forgotten++) entries[forgotten] = undefined;
      previous = index;
    }
    // The techniques of an Elastic rule's threat block are held until it ends, for its `[rule.threat.tactic]` after
    // them; the block's tactic is not the next block's.
    const threat = threatBlockLine(entry.line.text.length > 200 ? '.' : entry.line.text, inThreat);
    if (threat === 'start' || (inThreat && threat === 'outside')) {
      lastIds.forEach(add);
      lastIds = [];
      context = [];
      tacticAfter = false;
    }
    inThreat = threat !== 'outside';
    // NEC's ranking table as a page scrape gives it, each row broken after its cells (`1位 (167) |`, `T1059 Command and
    // Scripting Interpreter (…) |`, `Execution(実行) | 1位 | 1位 |`, under `攻撃手口(Technique) | 目的(Tactic) | …`): the
    // row of cells right after such an ID line, led by a tactic cell, is the rest of the ID's row.
    if (entry.kind === 'row' && lastKind === 'ids' && brokenRow && lastIds.length && lastIds.every((ref) => !ref.tactics.length)) {
      const rest = brokenRowTactics(entry.line, entry.cells);
      if (rest) for (const ref of lastIds) ref.tactics = [...rest];
    }
    if (!inThreat && (entry.kind === 'prose' || entry.kind === 'header' || entry.kind === 'row' || entry.kind === 'ids')) {
      lastIds.forEach(add);
      lastIds = [];
    }
    if (entry.kind === 'prose' || entry.kind === 'header' || entry.kind === 'row') tacticAfter = false;
    if (entry.kind !== 'blank' && entry.kind !== 'header') {
      if (headerRun.length >= 2) {
        headerOrder = headerRun;
        evidenceLast = entry.kind === 'text' && evidenceHeader(line0(entry));
        // One cell per line with the tactic column first: its header's cells (a last one of no known role, such as
        // `Description`, among them) are as many as a row's.
        const tacticAt = headerRun.indexOf('tactic');
        cellRows = tacticAt >= 0 && tacticAt < headerRun.indexOf('id') ? { columns: headerRun.length + (entry.kind === 'text' ? 1 : 0), tactics: [], cells: 0 } : undefined;
      }
      headerRun = [];
    }
    // Count the cells of each row of such a table, up to its ID: more cells than a row's without an ID end the table.
    if (cellRows && entry.kind !== 'blank' && entry.kind !== 'ids') {
      if (entry.kind === 'tactic' && !entry.heading && !entry.caption) cellRows = { ...cellRows, tactics: entry.tactics, cells: 0 };
      else if ((entry.kind !== 'text' && entry.kind !== 'prose') || entry.heading || ++cellRows.cells > cellRows.columns) cellRows = undefined;
    }
    if (entry.kind !== 'row' && entry.kind !== 'blank') table = undefined;
    if (entry.kind !== 'ids' && entry.kind !== 'blank') layoutRow = undefined;
    if (rowContext && entry.kind !== 'row' && entry.kind !== 'blank') {
      context = [];
      rowContext = false;
    }
    // Rows set as lines under a caption end at a blank line followed by a sentence (`Table 3: Execution`, its rows, then
    // `The actors later dumped credentials with Mimikatz (T1003.001).`); not one that is a row's use cell, one cell a
    // line (`T1059.001`, then `The actors ran PowerShell scripts …`, under the header cells `Technique Title`, `ID`, `Use`).
    const useCell = (lastKind === 'ids' && headerOrder.includes('id')) || index <= evidenceEnd || index <= useEnd;
    const pastTable = captioned && captionIds && blankBefore && !useCell && isSentence(entry);
    if (pastTable || (captioned && entry.kind !== 'row' && entry.kind !== 'blank' && (captionRows || (entry.kind === 'text' && entry.caption)))) {
      context = [];
      headingContext = false;
      captioned = false;
    }
    const { line } = entry;
    if (entry.kind !== 'blank' && entry.kind !== 'ids') {
      const header = entry.kind === 'text' && !entry.heading ? tacticAfterIdHeader(line0(entry)) : undefined;
      idThenTactic = header && { ...header, line: line.number };
    }
    if (entry.kind !== 'blank' && entry.kind !== 'ids' && index > useEnd) {
      const header = entry.kind !== 'tactic' && !('heading' in entry && entry.heading) && useAfterIdHeader(line0(entry));
      const tacticRow: RegExpExecArray | null = idThenUse && !header && !('heading' in entry && entry.heading) ? TACTIC_ROW.exec(line.text) : null;
      idThenUse = header || (tacticRow !== null && tacticsOf(tacticRow[1]!) !== undefined);
      // A tactic row's use, over the lines it wraps onto, is no row of the table either.
      if (tacticRow && idThenUse) useEnd = useLines(entryAt, lines.length, index, line.text.slice(tacticRow[0].length).trim(), options.namesTechnique)?.end ?? useEnd;
    }
    switch (entry.kind) {
      case 'blank':
        break;
      case 'text':
        // A heading that names no tactic (`## Indicators`) ends the section of the one before.
        if (entry.heading && headingContext) {
          context = [];
          headingContext = false;
          captioned = false;
        }
        break;
      case 'header':
        headerRun.push(entry.role);
        break;
      case 'prose':
        // The lines of such an evidence cell after its first are the row's too, and so are those of a use after its ID.
        if ((index <= evidenceEnd && lastKind !== 'ids') || index <= useEnd) break;
        // A sentence right after an ID in a table of one cell per line whose header named its ID column (Intel 471's
        // `Technique Title`, `ID`, `Use` converted from PDF) is the row's last cell: the tactic row above the table's
        // rows (`Initial Access [TA0001]`) still holds, as does the table.
        if (lastKind === 'ids' && headerOrder.includes('id') && !entry.heading) break;
        // A sentence that ends in a colon right under a tactic line introduces that tactic's techniques (Unit 42's threat
        // assessments: `Discovery`, `The below courses of action mitigate the following techniques:`, `Process Discovery
        // [T1057], …`): the tactic still holds for the IDs under it. A key (`mitre_attack_id:` under a rule's
        // `kill_chain_phases`, whose `Lateral Movement` is no ATT&CK tactic there) is no such sentence.
        if (lastKind === 'tactic' && !entry.heading && LEAD_IN.test(line.text)) break;
        if (!headingContext || entry.heading) {
          context = [];
          headingContext = false;
          captioned = false;
        }
        headerOrder = [];
        break;
      case 'tactic':
        captioned = entry.caption === true;
        captionRows = false;
        captionIds = false;
        headingContext = entry.heading === true || captioned;
        if (headingContext || TACTIC_LABEL.test(line.text.replace(LIST_MARKER, '').trim())) {
          // A heading (`### Persistence`), caption or label (`TA0003: Persistence`) starts a section: it is never the
          // tactic of the IDs before it.
          lastIds.forEach(add);
          lastIds = [];
          tacticAfter = false;
          context = merged.section(entry.tactics);
          break;
        }
        // A threat block's tactic is its techniques'.
        if (inThreat && lastIds.length) {
          for (const ref of lastIds) if (!ref.tactics.length) ref.tactics = [...entry.tactics];
          context = entry.tactics;
          break;
        }
        // One cell per line with the tactic after its ID (the ID line took no tactic from above): the tactic is that
        // row's, and from then on each row's tactic follows its ID.
        if (lastIds.length && (tacticAfter || lastIds.every((ref) => !ref.tactics.length))) {
          tacticAfter = true;
          for (const ref of lastIds) ref.tactics = [...new Set([...ref.tactics, ...entry.tactics])];
          context = [];
          break;
        }
        context = entry.tactics;
        break;
      case 'row': {
        captionRows = captioned;
        if (isDelimiterRow(line)) break;
        if (line.idSpans.length) {
          const record = keyValueRecord(entryAt, lines.length, index);
          const above = nameAbove(entry, index > 0 ? entryAt(index - 1) : undefined, table);
          rowReferences(line, entry.cells, table, record?.tactics ?? context, merged, record, above, options.hasTactic, options.namesTechnique);
          break;
        }
        const texts = entry.cells.map((cell) => slice(line, cell));
        const roles = texts.map(headerRole);
        const keyed = keyedTactics(texts, roles);
        if (keyed) {
          setRowContext(keyed);
          break;
        }
        // A field of a key/value table (`| **Technique Name** | Scheduled Task/Job: Cron |`) is no header of the rows after it.
        if (keyValueKey(entryAt, lines.length, index)) break;
        if (roles.some(Boolean) && texts.filter(Boolean).length >= 2) {
          const named = roles.findIndex((role, k) => role === 'name' && headerKey(texts[k]!) !== 'name');
          const nameless = texts.map(namelessHeader);
          const techniqueColumn = named >= 0 ? named : behaviourColumn(roles, nameless);
          const first = roles.indexOf('name');
          const subColumn = texts.findIndex((text, k) => k > first && first >= 0 && SUB_TECHNIQUE_HEADER.test(headerKey(text)));
          const evidence = texts.map(evidenceHeader);
          table = {
            roles,
            techniqueColumn,
            subColumn,
            carried: { tactics: [] },
            ...(entry.csv ? { csv: { separator: entry.csv, cells: entry.cells.length } } : {}),
            ...(nameless.some(Boolean) ? { nameless } : {}),
            ...(evidence.some(Boolean) ? { evidence } : {}),
          };
          // A header right under the row that gave the table its tactic, only a delimiter row between (`| Execution | | |`,
          // `|---|---|---|`, `| Technique Title | ID | Use |`: an advisory's table made Markdown, its caption the first
          // header), is that table's: the tactic holds. Another table's header ends it.
          const above = index >= 2 && entryAt(index - 1).kind === 'row' && isDelimiterRow(entryAt(index - 1).line) ? index - 2 : index - 1;
          if (rowContext && rowContextAt !== above) {
            context = [];
            rowContext = false;
          }
          const headed = headerTactics(texts, roles);
          if (headed) {
            setRowContext(headed);
            rowContextAt = index;
          }
          break;
        }
        const columnTactics = matrixColumns(texts, index + 1 < lines.length ? entryAt(index + 1) : undefined, index + 2 < lines.length ? entryAt(index + 2) : undefined);
        if (columnTactics) {
          table = { roles, techniqueColumn: -1, subColumn: -1, carried: { tactics: [] }, columnTactics };
          break;
        }
        // A Markdown table's header (a delimiter row under it) of no column's role, where a column says it holds no name
        // (`| Detection | Data Source | Built-in Rule | Custom Rule | MITRE | Result |`, a Wazuh lab's table of its rules):
        // those columns hold none beside the IDs under it either.
        const nameless = texts.map(namelessHeader);
        const next = index + 1 < lines.length ? entryAt(index + 1) : undefined;
        if (nameless.some(Boolean) && next?.kind === 'row' && isDelimiterRow(next.line)) {
          const evidence = texts.map(evidenceHeader);
          table = { roles, techniqueColumn: -1, subColumn: -1, carried: { tactics: [] }, nameless, ...(evidence.some(Boolean) ? { evidence } : {}) };
          break;
        }
        const tactics = sectionRowTactics(texts);
        if (tactics && table?.roles.includes('tactic')) table.carried = { tactics };
        else if (tactics) {
          setRowContext(tactics);
          rowContextAt = index;
        } else {
          // A row without ID gives its tactic cell to the rows under it, whose merged cells leave theirs empty, as a row of
          // IDs does, with ATT&CK data or without. A name whose ID is in the row below is that ID's (see `nameAbove`), no
          // reference of its own.
          const rowTactics = rowTacticSource(line, entry.cells, table, context);
          options.lineTactics?.(line.number, rowTactics.tactics);
          const namesBelow = table && index + 1 < lines.length && nameAbove(entryAt(index + 1), entry, table) !== undefined;
          if (table && table.techniqueColumn >= 0 && options.namesTechnique && !namesBelow) nameRowReferences(line, entry.cells, table, context, options.namesTechnique, merged);
        }
        break;
      }
      case 'ids': {
        // An item keyed by its ID (`T1528 Steal Application Access Token: Using stolen OAuth tokens…`, under a tactic line
        // of a page scraped to text) is under that line as an ID line is, though its description is a sentence.
        const keyed = line.idSpans.length > 0 && !slice(line, { start: entry.body.start, end: line.idSpans[0]! }).trim();
        // A row of a table set in columns of spaces whose tactic cell is merged with the rows' above is under their
        // tactic, though its cells hold sentences.
        const ownRow = layoutTactic(line, entry.body);
        const underRow = ownRow?.tactics ?? (layoutRow && startsUnder(line, layoutRow) ? layoutRow.tactics : undefined);
        const section = underRow ?? (headingContext || keyed ? context : []);
        // A row of such a table whose tactic cell is merged with the row above (ESET's tables, scraped one cell per
        // line): only the row above's name and description cells stand between its ID and the one before, and its
        // description, a sentence, ended the tactic's reach.
        const rowAbove = cellRows && !context.length && cellRows.cells >= 1 && cellRows.cells <= cellRows.columns - 2 ? cellRows.tactics : [];
        if (cellRows) cellRows.cells = 0;
        const record = entry.record ?? fieldRecord(entryAt, lines.length, index);
        const given = record?.tactics ?? (tacticAfter ? [] : (underRow ?? orElse(context, rowAbove)));
        options.lineTactics?.(line.number, given);
        // Under a header of columns run together (`tacticAfterIdHeader`), a line is a row, however many words its cells hold.
        const neighbour = (labelled: boolean): Entry | undefined => neighbourName(entryAt, lines.length, index, headerOrder, usedNames, labelled);
        // Under a header of a name's, an ID's and a use's columns run together, a line of one ID is a row whose use is a sentence.
        const useRow = idThenUse && line.idSpans.length === 2;
        // A table a scraped page ran into one line with its header (`Tactic ID Name Description Initial Access T1192 …`):
        // each row's use cell is its evidence.
        const uses = entry.bullet || line.origin || !options.isTechniqueName ? [] : oneLineTableUses(line.text, idPairs(line), oneLineColumnRole, options.isTechniqueName);
        const useOf = (ref: ReferenceToken): ReportEvidence[] => {
          const use = uses[line.idSpans.indexOf(ref.idSpan.start) / 2];
          return use ? [{ line: line.number, text: joinLines(originalOf(line, use)) }] : [];
        };
        const refs = lineReferences(entry, given, section, neighbour, merged, record, idThenTactic !== undefined || useRow, useOf)?.map((ref) =>
          withLayoutName(line, ref, underRow !== undefined),
        );
        if (refs && idThenTactic) {
          const unread = tacticAfterIdRow(line, refs, idThenTactic.numbered);
          if (unread !== undefined) {
            const what = unread ? `"${unread.length > 60 ? `${unread.slice(0, 60)}…` : unread}" after the ID is no tactic` : 'nothing follows the ID';
            options.tacticUnread?.(line.number, `${what} (header on line ${idThenTactic.line})`);
          }
        }
        // One cell per line under a header whose ID column is followed by an evidence column (`Technique Title`, `ID`,
        // `Use`): the cell after the ID's is the row's evidence, its lines joined. Where the name column stands between
        // them (`Tactic`, `ID`, `Technique`, `Procedure`: the NCSC's advisories, scraped), it is the cell after the name's.
        const nameBetween = headerOrder.at(-1) === 'name' && headerOrder.at(-2) === 'id';
        if (refs?.length && evidenceLast && (headerOrder.at(-1) === 'id' || nameBetween) && !entry.bullet) {
          const from = nameBetween ? nameCellIndex(entryAt, lines.length, index, refs) : index;
          const cell = from === undefined ? undefined : cellAfter(entryAt, lines.length, from, options.namesTechnique);
          if (cell) for (const ref of refs) ref.evidence = [...(ref.evidence ?? []), cell.said];
          if (cell) evidenceEnd = cell.end;
        }
        // A row of a table whose header ran its columns together (`Technique Title ID Use`): the use after its ID is its evidence.
        if (refs?.length && useRow && !entry.bullet) {
          const use = flattenedUse(entryAt, lines.length, index, entry.body, refs, options.namesTechnique);
          if (use) for (const ref of refs) ref.evidence = [...(ref.evidence ?? []), use.said];
          if (use) useEnd = use.end;
        }
        layoutRow = entry.bullet ? undefined : (ownRow ?? (underRow ? layoutRow : undefined));
        if (!refs) {
          // A sentence ends a tactic line's reach, not a heading's, nor an item keyed by its ID.
          if (!headingContext && !keyed) context = [];
        } else if (inThreat) lastIds.push(...refs);
        else if (entry.bullet) refs.forEach(add);
        else lastIds = refs;
        brokenRow = BROKEN_ROW_CELL.test(line.text);
        break;
      }
    }
    if (entry.kind === 'text' || entry.kind === 'prose' || entry.kind === 'tactic') options.lineTactics?.(line.number, context);
    if (entry.kind !== 'blank') lastKind = entry.kind;
    if (captioned && entry.kind === 'ids') captionIds = true;
    blankBefore = entry.kind === 'blank';
  }
  lastIds.forEach(add);
  return merged.list();
}

/**
 * The index of the line after an ID's that the ID's name was read from (the name cell of a table of one cell per line),
 * undefined where the next line that is not blank gave no name.
 */
function nameCellIndex(entryAt: (i: number) => Entry, count: number, index: number, refs: readonly Found[]): number | undefined {
  let i = index + 1;
  while (i < count && entryAt(i).kind === 'blank') i++;
  const number = i < count ? entryAt(i).line.number : undefined;
  return number !== undefined && refs.some((ref) => ref.nameSpan?.line === number) ? i : undefined;
}

/**
 * The cell after an ID's in a table of one cell per line (a row's evidence), at its first line, its lines joined, and the
 * index of its last line; undefined where none follows. It runs from the next line that is not blank up to a blank line,
 * a line holding an ID, a heading, a caption or a tactic line, or the next row's name where no blank line parts the
 * cells: a line right above an ID's, or one that names a technique whole and does not start in lower case.
 */
function cellAfter(entryAt: (i: number) => Entry, count: number, index: number, namesTechnique: ReadOptions['namesTechnique']): { said: ReportEvidence; end: number } | undefined {
  let i = index + 1;
  while (i < count && entryAt(i).kind === 'blank') i++;
  const parts: string[] = [];
  let first: number | undefined;
  for (; i < count && parts.length < 12; i++) {
    const entry = entryAt(i);
    if (entry.kind !== 'text' && entry.kind !== 'prose') break;
    const text = entry.line.text.trim();
    // A line in lower case goes on with the sentence (`credentials.`, though `Credentials` is T1589.001's name).
    const nextName = !/^\p{Ll}/u.test(text) && (namesTechnique?.(text, entry.line.number, false) ?? false);
    // A line right above an ID's is the next row's name cell.
    const nameCell = parts.length > 0 && i + 1 < count && entryAt(i + 1).kind === 'ids';
    if (!text || entry.heading || entry.caption || nextName || nameCell || proseAfterCell(parts, text)) break;
    first ??= entry.line.number;
    parts.push(text);
  }
  const said = joinLines(parts.join('\n'));
  return first !== undefined && /\p{L}/u.test(said) ? { said: { line: first, text: said }, end: i - 1 } : undefined;
}

/**
 * Whether a line after a cell's lines that end a sentence is the report's prose after the table, not more of the cell:
 * it starts with a capital and is either a sentence of its own (six words or more, ending as a sentence does: a page
 * scraped to text writes a paragraph as one line) or wider than the cell's widest line by more than a word or two
 * (PDF-to-text wraps a cell at its column's width, a paragraph at the page's).
 */
function proseAfterCell(parts: readonly string[], text: string): boolean {
  if (!parts.length || !SENTENCE_CLOSE.test(parts.at(-1)!) || !/^\p{Lu}/u.test(text)) return false;
  const sentence = SENTENCE_CLOSE.test(text) && text.split(/\s+/).length >= 6;
  return sentence || text.length > Math.max(...parts.map((part) => part.length)) + 15;
}

// A sentence of three words or more that ends in a colon, introducing what follows it.
const LEAD_IN = /^\s*\S+\s+\S+\s+\S.*[:：]\s*$/;

// A line of one table cell, the pipe after it ending the line, as a page's table scraped to text breaks a row.
const BROKEN_ROW_CELL = /^[^|]{1,300}\|\s*$/;

/**
 * The tactics of the rest of a table row broken after its ID cell: its first cell names tactics whole, none of its
 * other cells names any or holds an ID; undefined for any other row.
 */
function brokenRowTactics(line: Line, cells: TextSpan[]): string[] | undefined {
  if (line.idSpans.length || cells.length < 2) return undefined;
  const [first, ...others] = cells.map((cell) => slice(line, cell).trim());
  const tactics = first ? tacticsOf(first) : undefined;
  return tactics && others.every((text) => !tacticsOf(text)) ? tactics : undefined;
}

/** How many spaces a line begins with. */
function indentOf(text: string): number {
  return /^ */.exec(text)![0].length;
}

// The first cell of a row of a table set in columns of spaces: up to five words, one space apart, then two or more.
const LAYOUT_CELL = /^(\S+(?: \S+){0,4}) {2,}(?=\S)/;

/**
 * The tactic cell that starts a row of a table set in columns of spaces, as `pdftotext -layout` writes a PDF's table or
 * a report sets one in a code block (`Initial Access      T1190 Exploit       웹 로그 이상 요청`, `Priv Escalation     T1548.003
 * Sudo`, a tactic column's short form), with the length up to the row's next cell; undefined for any other text.
 */
function layoutTacticCell(text: string): { tactics: string[]; length: number } | undefined {
  const cell = LAYOUT_CELL.exec(text);
  // Read as a tactic column's cell is, in every language tactics are read in, with its TA ID (`初始访问 (TA0001)`), but whole.
  const tactics = cell && !unreadTacticParts(cell[1]!).length ? tacticsOf(cell[1]!, true) : undefined;
  return cell && tactics ? { tactics, length: cell[0].length } : undefined;
}

// A TA ID alone in a cell.
const TA_ID_CELL = /^\s*\**\s*(TA\d{4})\s*\**\s*$/i;

/**
 * The tactics of a row of a table without ID that names a section of its rows: one cell naming tactics (`| **Persistence**
 * | |`), or a tactic's name and its TA ID in cells of their own (`| Reconnaissance | TA0043 |`, HC3's Rhysida table as a
 * Markdown file transcribes it), read as the pair to be checked; undefined for any other row.
 */
function sectionRowTactics(texts: readonly string[]): string[] | undefined {
  const filled = texts.filter(Boolean);
  if (filled.length === 1) return tacticsOf(filled[0]!);
  if (filled.length !== 2) return undefined;
  const at = filled.findIndex((text) => TA_ID_CELL.test(text));
  if (at < 0 || TA_ID_CELL.test(filled[1 - at]!)) return undefined;
  return tacticsOf(`${filled[1 - at]!} (${TA_ID_CELL.exec(filled[at]!)![1]!.toUpperCase()})`);
}

/** A row of a table set in columns of spaces led by its tactic cell: its tactics, and where its next cell starts. */
interface LayoutRow {
  tactics: string[];
  /** The index in the row's text where its next cell starts. */
  column: number;
  /** The display column where it starts (`displayWidth` of the written text before it). */
  width: number;
}

/**
 * A row of a table set in columns of spaces that starts with its tactic cell: its tactics, and the column where its next
 * cell starts. The rows under it whose text starts at that column, nothing but spaces before it, leave their tactic
 * cell blank, merged with this one's (`                    T1566 Phishing`). Undefined for any other line.
 */
function layoutTactic(line: Line, body: TextSpan): LayoutRow | undefined {
  const cell = layoutTacticCell(slice(line, body));
  const column = body.start + (cell?.length ?? 0);
  return cell ? { tactics: displayTactics(cell.tactics), column, width: displayWidth(originalOf(line, { start: 0, end: column })) } : undefined;
}

/**
 * Whether a row's text starts where the next cell of a row above it led by its tactic cell does: at the same index, as
 * poppler's `pdftotext -layout` pads a row (a Chinese or Japanese character one column), or at the same display
 * column, as a table padded in a monospaced font lines up (`凭据访问    T1003.001` over `            T1003.003`, each
 * such character two columns).
 */
function startsUnder(line: Line, row: LayoutRow): boolean {
  const indent = indentOf(line.text);
  return indent === row.column || displayWidth(originalOf(line, { start: 0, end: indent })) === row.width;
}

// The cells of a row of a table set in columns of spaces, two or more apart: a cell is words one space apart.
const LAYOUT_CELLS = /\S+(?: \S+)*/g;

/**
 * The name cell after the one ID of a row of a table set in columns of spaces (`pdftotext -layout`), where no name was
 * read beside it (a name in another language, or one that is no technique's: `初始访问  T1190  利用面向公众的应用程序`),
 * so that it is read and checked as a pipe table's name cell is: the row starts with its tactic cell (`layout`: one
 * `layoutTactic` reads, or its tactic cell merged with the rows' above), or its cells are a tactic's, the ID's and the
 * name's, as a Chinese report's table sets them. Undefined for any other line, and for a cell that is a sentence.
 */
function layoutNameCell(line: Line, layout: boolean): TextSpan | undefined {
  if (line.idSpans.length !== 2) return undefined;
  const cells = [...line.text.matchAll(LAYOUT_CELLS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const at = cells.findIndex((cell) => cell.start === line.idSpans[0] && cell.end === line.idSpans[1]);
  const name = cells[at + 1];
  if (at < 0 || !name || !/^ {2,}$/.test(line.text.slice(cells[at]!.end, name.start)) || isProse(slice(line, name))) return undefined;
  const tacticCell = at === 1 && cells.length === 3 && tacticsOf(slice(line, cells[0]!), true) !== undefined;
  return layout || tacticCell ? name : undefined;
}

/**
 * A reference of a row of a table set in columns of spaces with the name cell after its ID (`layoutNameCell`), joined as
 * a pipe table's cells are. So too where the ID's words after it were read as its name: they are that cell
 * (`TA0001   T1566.001   鱼叉式钓鱼附件`, a row led by its tactic's ID), which is kept as a cell, not as words that may
 * go on with a sentence.
 */
function withLayoutName(line: Line, ref: ExtractedReference, layout: boolean): ExtractedReference {
  const cell = !ref.nameSpan && ref.ids.length === 1 ? layoutNameCell(line, layout) : undefined;
  if (!cell) return ref;
  const nameText = originalOf(line, cell);
  const id = { start: line.idSpans[0]!, end: line.idSpans[1]! };
  const read = ref.raw === originalOf(line, ref.name === undefined ? id : { start: id.start, end: cell.end });
  if (!read) return ref;
  return { ...ref, raw: `${originalOf(line, id)} | ${nameText}`, name: nameText, span: reportSpan(line, id), nameSpan: reportSpan(line, cell) };
}

const line0 = (entry: Entry): string => (entry.line.text.length > 100 ? '' : entry.line.text);

// An assignment or a section header of a rule file, commented out or not (`tool_name = "Impacket"`, `// [rule.threat]`),
// or a JSON object's member on a line of its own (`{"name": "merlino:export"},` in a MISP event).
const RULE_FILE_LINE = /^\s{0,12}(?:(?:\/\/|#|;)?\s{0,4}(?:\[{1,2}[^\]\n]{1,80}\]{1,2}\s*$|[\p{L}_][\p{L}\p{N}_.-]{0,40}\s{0,4}=\s{0,4}\S)|[{[]\s{0,4}"[^"\n]{1,60}"\s{0,4}:)/u;

// A TOML table's header, commented out or not (`// [[rule.threat.technique]]`, `[rule.threat.tactic]`).
const TOML_TABLE = /^\s{0,12}(?:\/\/|#)?\s{0,4}(\[{1,2})\s{0,2}([\w.-]{1,60})\s{0,2}\]{1,2}\s*$/;

/**
 * Where a line stands against an Elastic rule's threat block (detection-rules' TOML): `[[rule.threat]]` starts one; its
 * sub-tables (`[[rule.threat.technique]]`, `[rule.threat.tactic]`), assignments and blank lines go on in it; any other
 * line is outside.
 */
function threatBlockLine(text: string, inBlock: boolean): 'start' | 'inside' | 'outside' {
  const table = TOML_TABLE.exec(text);
  if (table) {
    if (table[1] === '[[' && table[2] === 'rule.threat') return 'start';
    return inBlock && table[2]!.startsWith('rule.threat.') ? 'inside' : 'outside';
  }
  return inBlock && (!text.trim() || RULE_FILE_LINE.test(text)) ? 'inside' : 'outside';
}

/**
 * The line holding the name of a bare ID in a one-cell-per-line table: the cell before it, else the one after; only the
 * one after for an ID written as a label (`T1566.001:`).
 */
// A cell that is only the name of an ATT&CK domain, as ATT&CK's pages' Domain column writes it.
const DOMAIN_CELL = /^\s*\|?\s*(?:enterprise|mobile|ics)\s*\|?\s*$/i;

function neighbourName(entryAt: (i: number) => Entry, count: number, index: number, headerOrder: Role[], used: Set<Entry>, labelled: boolean): Entry | undefined {
  const nearest = (step: number): Entry | undefined => {
    for (let i = index + step; i >= 0 && i < count; i += step) {
      const entry = entryAt(i);
      if (entry.kind !== 'blank') return entry;
    }
    return undefined;
  };
  const nameFirst = headerOrder.indexOf('name') < headerOrder.indexOf('id');
  const known = headerOrder.includes('name') && headerOrder.includes('id');
  const stacked = labelled || (known && nameFirst) ? undefined : stackedName(entryAt, count, index, used);
  if (stacked) {
    used.add(stacked);
    return stacked;
  }
  const order = labelled ? [nearest(1)] : known ? [nameFirst ? nearest(-1) : nearest(1)] : [nearest(-1), nearest(1)];
  const fieldLine = lineField(entryAt(index).line)?.role !== undefined;
  for (const entry of order) {
    // Lines of a JSON file around an ID (`"source_name": "mitre-attack",` above `"external_id": "T1566.001"`, `}` below)
    // are no cells: a name has a letter, and a JSON member is none; nor is an assignment or a section of a rule file
    // (`tool_name = "Impacket"` in YARA meta, `[[rule.threat.technique]]` in TOML).
    // Nor, beside an ID written as a field's value (`Technique: T1059.001`), is another field (`Detection ID: DET-001`, a
    // detection write-up's): it is a field of the same record, whose name, if any, is its name field's value.
    const text = entry?.line.text ?? '';
    if (fieldLine && entry && lineField(entry.line)) continue;
    // Nor is the cell of a Domain column before the ID (`mobile |` over `T1626 |` over `Abuse Elevation Control
    // Mechanism |`, a mirror of ATT&CK's mitigation pages scraped one cell per line): the name is the cell after the ID.
    if (DOMAIN_CELL.test(text)) continue;
    // Nor is a Markdown heading: it names the section (`# security`, a README's title, over `    Execution (T1059)`).
    if (entry?.kind === 'text' && entry.heading) continue;
    if (entry?.kind === 'text' && !used.has(entry) && /\p{L}/u.test(text) && !isJsonMember(text) && !RULE_FILE_LINE.test(text)) {
      used.add(entry);
      return entry;
    }
  }
  return undefined;
}

/**
 * The name of a bare ID among IDs set one per line right above as many names one per line, a table's cell of several IDs
 * over the next cell's names (Securelist's `MITRE ATT&CK Mapping` tables scraped to text: `T1059.003`, `T1569.002`, then
 * `Command and Scripting Interpreter: Windows Command Shell`, `System Services: Service Execution`): the name in the
 * same place of its run. Undefined for an ID alone, or where the run of names is not as long as the run of IDs.
 */
function stackedName(entryAt: (i: number) => Entry, count: number, index: number, used: Set<Entry>): Entry | undefined {
  const bare = (i: number): boolean => {
    const entry = entryAt(i);
    return entry.kind === 'ids' && !entry.bullet && entry.line.idSpans.length === 2 && !/\p{L}/u.test(withoutIds(entry.line, { start: 0, end: entry.line.text.length }));
  };
  let first = index;
  while (first > 0 && bare(first - 1)) first--;
  let last = index;
  while (last + 1 < count && bare(last + 1)) last++;
  const run = last - first + 1;
  if (run < 2 || last + run >= count) return undefined;
  for (let i = last + 1; i <= last + run; i++) {
    const entry = entryAt(i);
    if (entry.kind !== 'text' || entry.heading || !/\p{L}/u.test(entry.line.text)) return undefined;
  }
  if (last + run + 1 < count && entryAt(last + run + 1).kind === 'text') return undefined;
  const name = entryAt(last + 1 + index - first);
  return used.has(name) ? undefined : name;
}

/** Whether a reference's name was taken from another line than its ID's (the cell beside a bare ID). */
function fromNeighbour(ref: Found): boolean {
  return ref.nameSpan !== undefined && ref.nameSpan.line !== ref.span.line;
}

/**
 * Whether two names written for one ID are the same name (case, spacing and punctuation variants aside). Names that
 * only look alike are kept apart (`OS Credential Dumping: mimikatz.exe` after `OS Credential Dumping`, both for
 * T1003.001): the release decides whether they agree, as `extractReport` merges them.
 */
function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** What makes references the same one: their IDs, a malformed ID as written, or the name written without an ID. */
export function referenceKey(ref: { ids: readonly string[]; malformed?: string | undefined; name?: string | undefined }): string {
  if (ref.malformed) return `malformed ${ref.malformed}`;
  return ref.ids.length || ref.name === undefined ? ref.ids.join(' ') : `name ${nameKey(ref.name)}`;
}

/**
 * One reference per technique, in the order of first mention: later mentions add their tactics and lines, and a name
 * when the first had none; with `namesApart`, one with another name of its own (`sameName`) is a reference of its own.
 * A mention's record is built only when the merge needs it: a report names a technique many times.
 */
class MergedReferences {
  readonly #byIds = new Map<string, ExtractedReference>();
  /** The lines each reference is cited on (by the keys of `#byIds`), met in any order. */
  readonly #lines = new Map<string, Set<number>>();
  /** What the report saw of each reference's use (by the keys of `#byIds`), in the order met: a table's evidence cells. */
  readonly #evidence = new Map<string, ReportEvidence[]>();
  readonly #namesApart: boolean;
  readonly #threatEntries: readonly ThreatEntry[];
  readonly #warning: ReadOptions['warning'];
  readonly #linkDisagrees: ReadOptions['linkDisagrees'];
  readonly #hasTactic: ReadOptions['hasTactic'];
  /** The tactics of sections (`section`), shared among the references under them. */
  readonly #sections = new WeakSet<string[]>();

  constructor(namesApart: boolean, threatEntries: readonly ThreatEntry[], options: Pick<ReadOptions, 'warning' | 'linkDisagrees' | 'hasTactic'> = {}) {
    const { warning, linkDisagrees, hasTactic } = options;
    this.#namesApart = namesApart;
    this.#threatEntries = threatEntries;
    this.#warning = warning;
    this.#linkDisagrees = linkDisagrees;
    this.#hasTactic = hasTactic;
  }

  /**
   * The tactics a heading, caption or label gives its section, marked as a section's: `## Persistence and Privilege
   * Escalation` (a vendor report laid out by stage) names the stage of every technique under it, not two tactics of each.
   * With ATT&CK data (`hasTactic`), each reference under it takes those of them its techniques have (T1547.001 both,
   * T1134.001 Privilege Escalation); one whose techniques have none keeps them all, and resolving says they are not its.
   */
  section(tactics: string[]): string[] {
    this.#sections.add(tactics);
    return tactics;
  }

  /** What the tokenizer could not read with certainty in a piece of a line, passed on to the reader's caller. */
  warn(line: Line, read: Pick<PieceReading, 'warnings' | 'links'>): void {
    for (const message of read.warnings) this.#warning?.(line.number, message);
    for (const message of read.links) this.#linkDisagrees?.(line.number, message);
  }

  /**
   * The tactic of the JSON threat entry a reference stands in (`jsonThreatEntries`), over those the walk found for it:
   * the entry says it, before or after its techniques.
   */
  tacticsAt(line: Line, ref: ReferenceToken, tactics: TacticSource): TacticSource {
    const tactic = this.#threatEntries.length ? threatTacticAt(this.#threatEntries, line.number, ref.idSpan.start) : undefined;
    if (tactic) return { tactics: [tactic] };
    const hasTactic = this.#hasTactic;
    if (!hasTactic || tactics.tactics.length < 2 || !this.#sections.has(tactics.tactics)) return tactics;
    const own = tactics.tactics.filter((each) => ref.ids.some((id) => hasTactic(id, each) === true));
    return own.length ? { ...tactics, tactics: own } : tactics;
  }

  /** A mention as the tokenizer read it, with the tactics and the name apart that the walk found for it. */
  mention(line: Line, ref: ReferenceToken, given: TacticSource, named?: NameApart, evidence: readonly ReportEvidence[] = []): void {
    const tactics = statedOr(ref, this.tacticsAt(line, ref, given));
    const at = named ? Math.min(line.number, named.line.number) : line.number;
    const key = this.#merge(referenceKey(ref), tactics.tactics, () => found(line, ref, tactics, named), ref.name !== undefined || named !== undefined, false);
    this.#cite(key, at);
    if (evidence.length) this.#evidence.set(key, joinedEvidence(this.#evidence.get(key) ?? [], evidence));
  }

  /**
   * A reference already built (the walk held it back for a tactic line after it); its name may be a line's beside it.
   * A name without an ID (a technique column's cell) is merged only with the same name under the same tactics: its
   * tactics may tell which technique it is (`Spearphishing Attachment` is T1566.001 under Initial Access, T1598.002 under
   * Reconnaissance), which only ATT&CK data can say, so the mentions are merged once resolved (`extractReport`).
   */
  add(ref: Found): void {
    const key = referenceKey(ref);
    const own = ref.ids.length || ref.malformed || ref.name === undefined ? key : `${key}\u0000${[...ref.tactics].sort().join('\u0000')}`;
    const merged = this.#merge(own, ref.tactics, () => ref, ref.name !== undefined, fromNeighbour(ref));
    this.#cite(merged, ref.line);
    if (ref.evidence?.length) this.#evidence.set(merged, joinedEvidence(this.#evidence.get(merged) ?? [], ref.evidence));
  }

  #cite(key: string, line: number): void {
    const lines = this.#lines.get(key);
    if (lines) lines.add(line);
    else this.#lines.set(key, new Set([line]));
  }

  /**
   * Merge a mention; the key of the reference it cites. `guessed`: its name is a line's beside a bare ID (`neighbourName`),
   * not a cell of its table's row or of the row it goes on from (`| | T1021.002 |` under `| | Remote Services: Cobalt
   * Strike |`), which is the writer's name for that mention.
   */
  #merge(key: string, tactics: readonly string[], build: () => Found, named: boolean, guessed: boolean): string {
    const seen = this.#byIds.get(key);
    if (seen?.name !== undefined && fromNeighbour(seen)) {
      // A name guessed from the line beside a bare ID (`N/A` above `T1588.005` in a figure's list) gives way to one
      // written with the ID itself (`Obtain Capabilities: Exploits - T1588.005`), met later.
      const ref = build();
      if (ref.name !== undefined && !fromNeighbour(ref)) {
        this.#byIds.set(key, ordered({ ...ref, ids: seen.ids, tactics: [...new Set([...seen.tactics, ...ref.tactics])] }));
        return key;
      }
    }
    if (seen?.name !== undefined) {
      // A later mention with a name of its own that is not the first one's (`Steal Web Session Cookie (T1613)` after
      // `Container and Resource Discovery (T1613)`; Rhysida's `Remote Services: Cobalt Strike` row after its `Remote
      // Services: PsExec` row, each over a row of T1021.002) is a reference of its own, so that its name is checked too.
      const ref = named && this.#namesApart ? build() : undefined;
      if (ref?.name !== undefined && !guessed && !sameName(ref.name, seen.name)) {
        const own = `${key}\u0000${nameKey(ref.name)}`;
        const other = this.#byIds.get(own);
        if (other) other.tactics = [...new Set([...other.tactics, ...ref.tactics])];
        else this.#byIds.set(own, { ...ref, ids: [...ref.ids], tactics: [...ref.tactics] });
        return own;
      }
      // A named technique takes only new tactics from a later mention (its tactics are kept without repeats).
      if (tactics.some((tactic) => !seen.tactics.includes(tactic))) seen.tactics = [...new Set([...seen.tactics, ...tactics])];
      return key;
    }
    const ref = build();
    if (!seen) {
      this.#byIds.set(key, { ...ref, ids: [...ref.ids], tactics: [...ref.tactics] });
      return key;
    }
    const merged = [...new Set([...seen.tactics, ...ref.tactics])];
    if (ref.name !== undefined) this.#byIds.set(key, ordered({ ...ref, ids: seen.ids, tactics: merged }));
    else seen.tactics = merged;
    return key;
  }

  /** The references, in the order of the line each is first cited on, with the lines each is cited on. */
  list(): ExtractedReference[] {
    const refs = [...this.#byIds].map(([key, ref]) => {
      const lines = [...(this.#lines.get(key) ?? [])].sort((a, b) => a - b);
      const evidence = this.#evidence.get(key);
      const cited = lines.length > 1 ? ordered({ ...ref, lines }) : ref;
      return evidence ? ordered({ ...cited, evidence }) : cited;
    });
    return refs.sort((a, b) => citedLines(a)[0]! - citedLines(b)[0]!);
  }
}
