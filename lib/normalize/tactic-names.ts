/**
 * The Enterprise tactics by display name, with the other ways reports write them: shortnames are matched by
 * folding; the Japanese names are those of ATT&CK translations (with their common variants); the Chinese
 * (simplified) and Korean ones, which no official translation fixes, are the renderings met in real reports' ATT&CK
 * tables (a Chinese WeChat analysis `| TA0001：初始访问 |`, a Korean write-up `| 초기 접근 |`), with their variants. A
 * tactic is read only where the text is tactics alone (a cell, a heading, a label), so a common word among them
 * (渗透, 발견) is no tactic in a sentence.
 */
export const TACTIC_NAMES: ReadonlyArray<readonly [display: string, ...written: string[]]> = [
  ['Reconnaissance', '偵察', '侦察', '정찰'],
  ['Resource Development', 'リソース開発', 'リソースの開発', '资源开发', '자원 개발', '리소스 개발'],
  ['Initial Access', '初期アクセス', '初期侵入', '初始访问', '初始接入', '초기 접근', '초기 액세스', '초기 침투'],
  ['Execution', '実行', '执行', '실행'],
  ['Persistence', '永続化', '永続性', '持久化', '持久性', '지속성'],
  ['Privilege Escalation', '権限昇格', '特権昇格', '権限の昇格', '权限提升', '提权', '권한 상승', '권한 에스컬레이션'],
  ['Defense Evasion', 'Defence Evasion', '防御回避', '防御の回避', '防御规避', '防御绕过', '방어 회피', '방어 우회'],
  ['Credential Access', '認証情報アクセス', '資格情報アクセス', '認証情報へのアクセス', '凭证访问', '凭据访问', '凭证获取', '자격 증명 접근', '자격 증명 액세스', '계정 정보 접근'],
  ['Discovery', '探索', '発見', '发现', '탐색', '발견'],
  ['Lateral Movement', '水平展開', '横展開', '横方向の移動', 'ラテラルムーブメント', '横向移动', '횡적 이동', '횡이동', '측면 이동', '내부 확산'],
  ['Collection', '収集', '收集', '수집'],
  [
    'Command and Control',
    'コマンド&コントロール',
    'コマンドアンドコントロール',
    'コマンド・アンド・コントロール',
    'C&C',
    'C2',
    'CnC',
    '命令与控制',
    '命令和控制',
    '명령 및 제어',
    '명령과 제어',
  ],
  ['Exfiltration', '持ち出し', 'データ持ち出し', '窃取', '流出', '渗透', '数据渗出', '数据外传', '数据窃取', '유출', '데이터 유출'],
  ['Impact', '影響', '影响', '영향'],
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
