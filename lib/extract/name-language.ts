import { isCommonEnglishWord } from '../common-words.js';
import { nameLanguages } from '../suggest/passage-language.js';

/** A letter of a script other than Latin (Han, Hangul, Cyrillic, …), in which ATT&CK names no technique. */
export const OTHER_SCRIPT = /[^\P{L}\p{Script=Latin}]/u;

// A letter of the Latin script that English does not write (`ç`, `ã`, `é`): a word in another language, or a name in it.
const ACCENTED = /(?![A-Za-z])\p{Script=Latin}/u;
// An article or `de` that French or Italian elides before a vowel (`d'indicateurs`, `l'application`), read as `de`, `le`.
const ELIDED = /(?<!\p{L})[dlDL]['’](?=\p{L})/u;
const ELIDED_ALL = new RegExp(ELIDED.source, 'gu');

/**
 * Whether a name beside an ID, in Latin letters, is written in a language other than English, and which where that can
 * be told: `Remoção do Indicador: Exclusão de Arquivos`, `Dados criptografados para impacto` (a Portuguese TTP table's
 * cells), `Phishing con adjunto malicioso`. It must be of two words or more, none of four letters or more a common English word (unless it holds a function
 * word of another language and a letter English does not write, or an elided article: `Suppression d'indicateurs`),
 * with a function word of another language (`de`, `para`), or a word in letters English does not write (`Remoção`), or,
 * where the whole report is in another language (`documentLanguage`), a word in lower case (`Tarefa/Trabalho agendado`; a tool's name is in capitals:
 * `Cobalt Strike`, `SilentKill`). The language: the report's where the name's function words are of it too, else the
 * one language they are of; `''` where they are of several (`de`); undefined for a name not told apart from English.
 */
export function nameLanguage(name: string, documentLatin?: string): string | undefined {
  const words = name.split(/[\s/:,;()]+/).filter((word) => /\p{L}/u.test(word));
  // (A short word may be English and another language's both: `a`, `do`, `em`.)
  const english = (word: string): boolean => word.length >= 4 && isCommonEnglishWord(word.replace(/[^\p{L}'-]/gu, ''));
  if (words.length < 2) return undefined;
  // Two words in lower case of four letters or more that are no English words (`Phishing con adjunto malicioso`, a
  // Spanish report's name of T1566.001): the name is another language's, the English word in it a loan (`Phishing`), and
  // a function word English spells too (`con`) is that language's.
  // In a `Parent: Sub` name, a part of two such words or more, capitalised or not, and no English word says so too
  // (`Prejudicar Defesas: Desative ou Modifique o Firewall do Sistema`, a Portuguese table's T1562.004): the English word
  // of the other part is a loan.
  const ownPart = name.includes(':') && name.split(':').some((part) => {
    const own = part.split(/[\s/,;()]+/).filter((word) => /\p{L}/u.test(word));
    return !own.some(english) && own.filter((word) => /^\p{L}{4,}$/u.test(word) && !isCommonEnglishWord(word.toLowerCase())).length >= 2;
  });
  const ownWords = ownPart || words.filter((word) => /^\p{Ll}{4,}$/u.test(word) && !isCommonEnglishWord(word)).length >= 2;
  const languages = nameLanguages(name.replace(ELIDED_ALL, (article) => `${article.charAt(0)}e `), ownWords);
  // A word English writes too (`Modification des processus système`, `Suppression d'indicateurs`, a French report's
  // cells) leaves the name English, unless a function word of another language with a letter English does not write, an
  // elided article, or that language's own words, say otherwise.
  if (words.some(english) && !(languages.length && (ownWords || words.some((word) => ACCENTED.test(word)) || ELIDED.test(name)))) return undefined;
  const other = languages.length > 0 || words.some((word) => ACCENTED.test(word)) || (documentLatin !== undefined && words.some((word) => /^\p{Ll}{3,}$/u.test(word)));
  if (!other) return undefined;
  if (documentLatin !== undefined && (!languages.length || languages.includes(documentLatin))) return documentLatin;
  return languages.length === 1 ? languages[0]! : '';
}

// A word a name in another language may begin with, in sentence case (`Inyección`, `Execucao`), standing alone.
const CAPITALISED_BEFORE = /(?<![\p{L}\p{N}\p{M}_-])\p{Lu}[\p{Ll}\p{M}]+\s+$/u;
const LOWER_BEFORE = /(?<![\p{L}\p{N}\p{M}_-])\p{Ll}[\p{Ll}\p{M}]*\s+$/u;
// How many function words may stand between that word and the name read (`Descubrimiento de | archivos y directorios`).
const MAX_BETWEEN = 2;

/**
 * Where a name in another language begins, of which a sentence's reading kept only the words after a function word
 * before its ID (`Inyección de procesos (T1055)`, `usó inyección de procesos (T1055)`, read as `de procesos`;
 * `Descubrimiento de archivos y directorios (T1083)` as `archivos y directorios`): the word before the function words,
 * capitalised (its first word in sentence case) or in lower case, where the name read begins with a function word of
 * another language or such words alone stand between, and the whole is not English (`nameLanguage`, a letter English
 * does not write, or a first word that is no English word). Undefined for any other name (`Process injection`;
 * `Deployed en masse`). `start` is where the name read begins in `text`.
 */
export function otherLanguageNameStart(text: string, start: number, name: string, documentLatin?: string): number | undefined {
  if (/\p{Lu}/u.test(name)) return undefined;
  let at = start;
  let words = name.split(/\s+/);
  for (let between = 0; between <= MAX_BETWEEN; between++) {
    const before = text.slice(Math.max(0, at - 40), at);
    const head = CAPITALISED_BEFORE.exec(before) ?? LOWER_BEFORE.exec(before);
    if (!head) return undefined;
    const word = head[0].trim();
    // A function word goes on back; any other word is the name's first, where the words after it begin with one.
    if (/^\p{Ll}/u.test(word) && nameLanguages(word).length) {
      words = [word, ...words];
      at -= head[0].length;
      continue;
    }
    if (!nameLanguages(words[0]!).length) return undefined;
    const whole = [word, ...words].join(' ');
    const foreign = nameLanguage(whole, documentLatin) !== undefined || ACCENTED.test(whole) || !isCommonEnglishWord(word.toLowerCase());
    return foreign ? at - head[0].length : undefined;
  }
  return undefined;
}

// Words in lower case after a name read up to them, to the end of its clause (a comma, a full stop, a bracket, a cell's
// border, the text's end), and how many of them may be.
const LOWER_AFTER = /^ {1,2}(\p{Ll}[\p{Ll}\p{M}]*(?: \p{Ll}[\p{Ll}\p{M}]*){0,5})(?=\s*(?:$|[.,;:!?)\]|*_`]|\s[-–—]\s))/u;

/**
 * Where a name in another language ends, of which a reading kept only the words in capitals after its ID
 * (`T1566.001 - Phishing con adjunto malicioso`, read as `Phishing`): after the words in lower case that follow, up to
 * the end of their clause (six at most), where the whole is not English (`nameLanguage`). Undefined for any other name
 * (`T1566.001 - Phishing with a malicious attachment`; `T1566.001 - Phishing con adjunto malicioso para el acceso
 * inicial`, a sentence going on). `end` is where the name read ends in `text`.
 */
export function otherLanguageNameEnd(text: string, end: number, name: string, documentLatin?: string): number | undefined {
  const after = LOWER_AFTER.exec(text.slice(end, end + 120));
  if (!after) return undefined;
  return nameLanguage(`${name} ${after[1]!}`, documentLatin) !== undefined ? end + after[0].length : undefined;
}
