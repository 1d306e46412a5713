/**
 * The Enterprise tactics by display name, with the other ways reports write them: shortnames are matched by
 * folding, and the Japanese names are those of ATT&CK translations (with their common variants).
 */
export const TACTIC_NAMES: ReadonlyArray<readonly [display: string, ...written: string[]]> = [
  ['Reconnaissance', '偵察'],
  ['Resource Development', 'リソース開発', 'リソースの開発'],
  ['Initial Access', '初期アクセス', '初期侵入'],
  ['Execution', '実行'],
  ['Persistence', '永続化', '永続性'],
  ['Privilege Escalation', '権限昇格', '特権昇格', '権限の昇格'],
  ['Defense Evasion', 'Defence Evasion', '防御回避', '防御の回避'],
  ['Credential Access', '認証情報アクセス', '資格情報アクセス', '認証情報へのアクセス'],
  ['Discovery', '探索', '発見'],
  ['Lateral Movement', '水平展開', '横展開', '横方向の移動', 'ラテラルムーブメント'],
  ['Collection', '収集'],
  [
    'Command and Control',
    'コマンド&コントロール',
    'コマンドアンドコントロール',
    'コマンド・アンド・コントロール',
    'C&C',
    'C2',
    'CnC',
  ],
  ['Exfiltration', '持ち出し', 'データ持ち出し', '窃取', '流出'],
  ['Impact', '影響'],
];

/**
 * Short forms analysts write in a tactic field (`tactic: C2`), by display name. They are too short or too common to
 * look for in running text, so only `readTactic` uses them.
 */
export const TACTIC_SHORT_FORMS: Readonly<Record<string, string>> = {
  'C and C': 'Command and Control',
  'Command Control': 'Command and Control',
  Exfil: 'Exfiltration',
  Recon: 'Reconnaissance',
};

/** The shortname of an Enterprise tactic's display name (`Command and Control` -> `command-and-control`). */
export function tacticShortname(display: string): string {
  return display.toLowerCase().replace(/\s+/g, '-');
}
