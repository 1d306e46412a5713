import { isCommonEnglishWord } from '../common-words.js';
import { nameLanguages } from '../suggest/passage-language.js';

// A letter of the Latin script that English does not write (`ç`, `ã`, `é`): a word in another language, or a name in it.
const ACCENTED = /(?![A-Za-z])\p{Script=Latin}/u;

/**
 * Whether a name beside an ID, in Latin letters, is written in a language other than English, and which where that can
 * be told: `Remoção do Indicador: Exclusão de Arquivos`, `Dados criptografados para impacto` (a Portuguese TTP table's
 * cells). It must be of two words or more, none of four letters or more a common English word, with a function word of another language
 * (`de`, `para`), or a word in letters English does not write (`Remoção`), or, where the whole report is in another
 * language (`documentLanguage`), a word in lower case (`Tarefa/Trabalho agendado`; a tool's name is in capitals:
 * `Cobalt Strike`, `SilentKill`). The language: the report's where the name's function words are of it too, else the
 * one language they are of; `''` where they are of several (`de`); undefined for a name not told apart from English.
 */
export function nameLanguage(name: string, documentLatin?: string): string | undefined {
  const words = name.split(/[\s/:,;()]+/).filter((word) => /\p{L}/u.test(word));
  // (A short word may be English and another language's both: `a`, `do`, `em`.)
  const english = (word: string): boolean => word.length >= 4 && isCommonEnglishWord(word.replace(/[^\p{L}'-]/gu, ''));
  if (words.length < 2 || words.some(english)) return undefined;
  const languages = nameLanguages(name);
  const other = languages.length > 0 || words.some((word) => ACCENTED.test(word)) || (documentLatin !== undefined && words.some((word) => /^\p{Ll}{3,}$/u.test(word)));
  if (!other) return undefined;
  if (documentLatin !== undefined && (!languages.length || languages.includes(documentLatin))) return documentLatin;
  return languages.length === 1 ? languages[0]! : '';
}
