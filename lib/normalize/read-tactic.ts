import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import type { TacticShortname } from '../attack/types.js';

/**
 * Other ways reports write tactic names, folded with `nameKey`: abbreviations, British spelling, and the names of
 * the ATT&CK Japanese translation, which the seed reports use.
 */
export const TACTIC_SYNONYMS: Readonly<Record<string, TacticShortname>> = {
  c2: 'command-and-control',
  'c and c': 'command-and-control',
  cnc: 'command-and-control',
  'command control': 'command-and-control',
  'defence evasion': 'defense-evasion',
  exfil: 'exfiltration',
  recon: 'reconnaissance',
  偵察: 'reconnaissance',
  リソース開発: 'resource-development',
  初期アクセス: 'initial-access',
  実行: 'execution',
  永続化: 'persistence',
  権限昇格: 'privilege-escalation',
  防御回避: 'defense-evasion',
  認証情報アクセス: 'credential-access',
  探索: 'discovery',
  水平展開: 'lateral-movement',
  収集: 'collection',
  'コマンド and コントロール': 'command-and-control',
  コマンドアンドコントロール: 'command-and-control',
  持ち出し: 'exfiltration',
  影響: 'impact',
};

/** Labelled ways of reading a tactic as written; the first that the release recognises wins. */
const tacticReadings: ReadonlyArray<readonly [label: string, read: (text: string) => string | undefined]> = [
  ['as written', (text) => text],
  ['by its TA ID (Initial Access [TA0001])', (text) => /\bTA\d{4}\b/i.exec(text)?.[0]?.toUpperCase()],
  ['without bracketed or parenthesised parts', (text) => text.replace(/[[(（【].*?[\])）】]/g, '')],
  ['hyphens and underscores as spaces (Defense-Evasion)', (text) => text.replace(/[-_]+/g, ' ')],
  ['spaces as hyphens (defense evasion)', (text) => text.trim().replace(/\s+/g, '-')],
];

/**
 * Read a tactic written in any common form — display name, shortname, `TA0011`, `Command & Control`,
 * `Initial Access [TA0001]`, a Japanese name — as a shortname the release knows; undefined when it cannot be read.
 */
export function readTactic(written: string, index: AttackIndex): TacticShortname | undefined {
  const text = written.normalize('NFKC').trim();
  if (!text) return undefined;
  for (const [, read] of tacticReadings) {
    const candidate = read(text);
    if (!candidate?.trim()) continue;
    const tactic = index.tactic(candidate);
    if (tactic) return tactic.shortname;
    const synonym = TACTIC_SYNONYMS[nameKey(candidate)];
    if (synonym && index.tactic(synonym)) return synonym;
  }
  return undefined;
}
