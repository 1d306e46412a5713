/**
 * The Enterprise tactics by display name, with the other ways reports write them: shortnames are matched by
 * folding; the Japanese names are those of ATT&CK translations (with their common variants); the Chinese
 * (simplified) and Korean ones, which no official translation fixes, are the renderings met in real reports' ATT&CK
 * tables (a Chinese WeChat analysis `| TA0001：初始访问 |`, a Korean write-up `| 초기 접근 |`), with their variants.
 * Traditional Chinese, as reports from Taiwan and Hong Kong write it, has its own characters and words: a Taiwanese
 * weekly threat report's `| **初始存取** |`, `憑證存取`, `橫向移動`, `蒐集`, `滲漏`, and the simplified renderings'
 * characters in their traditional forms (`執行`, `防禦規避`, `命令與控制`); 滲透, penetration in traditional usage, is left out.
 * Chinese also writes the tactics as IBM's Chinese documentation (its UAX page on MITRE ATT&CK mapping, ibm.com/docs/zh:
 * `防御逃逸`, `渗出`) and the Chinese Wikipedia's ATT&CK article (`資源建立`, `初步存取`, `程式執行`, `特权提升`, `防御逃逸`,
 * `網路橫向移動`, `收集信息`, `指揮控制`; its prose's `特權提昇`) write them, and a Taiwanese iThome article (ithome.com.tw
 * articles/10391236, 2025: `Persistence (持續性)`, `Exfiltration (資料竊取)`), with the other script's forms of each.
 * Taiwanese notes write Impact as `衝擊` and two more tactics in their own words: a GitHub note's list of the 14 tactics
 * (`5.Persistence 持續潛伏`, `7.Defense Evasion 防禦逃脫`, `13.Exfiltration 滲出`, `14.Impact 衝擊`) and an incident
 * report template's headings (`### 3.1 初始存取（Initial Access）` … `### 3.6 衝擊（Impact）`). IBM's
 * `集合` (a set) for Collection and `维持` (maintain) for Persistence are left out: words of anything.
 * Chinese also writes Defense Evasion and Command and Control as a Chinese rendering of ATT&CK 16.1's matrix heads them
 * (seccmd/Attack_CN, docs/enterprise-attack-16.1/index.md: `防御逃避`, `指挥与控制`), Exfiltration alone as `外传` (a
 * WeChat analysis of GRAYRABBIT's tactic cell `| 收集/外传 | T1005 本地数据 / T1041 通过 C2 信道外传 |`,
 * mp.weixin.qq.com/s/2TyIwuivZQ6wJ7Mm-E3RYw) and Defense Evasion as `防检测` (anti-detection: a Chinese note on SHub
 * Reaper, `| 防检测 | T1622 | Debugger Evasion |`), with the other script's forms of each.
 * The Taiwanese note's list of the 14 tactics above also writes `1.Reconnaissance 偵查` and `3.Initial Access 初期存取`; a
 * Chinese note on ATT&CK for ICS (marsvillager/ATT-and-CK, ICS.md) heads its sections `## 8、Collection 搜集` and
 * `## 9、Command and Control 命令控制`; with the other script's forms of each.
 * Korean also writes Persistence and Credential Access as a Korean study note's tactic list does (YSoyeon/dev-study-notes,
 * security/mitre_attack.md: `Persistence (지속성 유지)`, `Credential Access (자격 증명 획득)`) and Credential Access as a
 * Korean guide's tactic table (jamie-the-programmer.tistory.com/m/70: `| Credential Access (크리덴셜 탈취) |`) does.
 * The Spanish, Portuguese, French, German and Italian names (in that order in each row; MITRE publishes none) are
 * those of Microsoft's localized security documentation (Sentinel's and Defender's German `Erstzugriff`,
 * `Beeinträchtigung`, `Ermittlung`, `Seitwärtsbewegung`; Italian `Sottrazione di dati`) and of real reports' tactic
 * columns and labels (a Spanish incident table `| **Acceso Inicial** |`, `Mando y Control`; Portuguese and French
 * CTI tables, `Contournement des défenses`, `Déplacement latéral`). Where a word is as likely one tactic as another it
 * is left out: German `Erkundung` is said for both Reconnaissance and Discovery. Accents may be left off (tacticKey).
 * Spanish also writes `Acceso con credenciales`, `Acceso de credenciales`, `Evasión defensiva`, `Escalación de
 * privilegios` and `Colección` (Spanish SOC write-ups' `| Acceso con Credenciales | T1003 |`, IBM's and a Spanish
 * ATT&CK guide's tactic lists). The Dutch names, last in each row, are those of Microsoft's Dutch (nl-NL) security
 * documentation (Defender's `| Tactiek |` table: `Eerste toegang`, `Zijbeweging`, `Referentietoegang`; app governance's
 * `Initiële toegang`, `Ontwijking van verdediging`, `Toegang tot referenties`; Sentinel's `Opdracht en controle`) and of
 * a Dutch threat model's categories (`Verkenning`, `Omzeiling van verdediging`, `Ontdekking`); its `Detectie`, said
 * for Discovery there and for detection everywhere, is left out.
 * Japanese tables write further variants: NEC's security blog's half-yearly "MITRE ATT&CK 頻出手口 トップ10" tables
 * (`Defense Evasion(防御策の回避)`), a Windows forensic tool's README (`| データ窃取 | T1041（C2 チャネル経由） |`), a
 * SOC blog's tactic list (`Exfiltration(データ流出)`) and a detection note's `| 探索/横移動 | T1046 / 認証異常 |`; and
 * vendors' Japanese documentation: IBM's (its UAX page on MITRE ATT&CK mapping: `コレクション`, `コマンドと制御`,
 * `資格情報へのアクセス`, `特権の昇格`, `インパクト`, `ラテラル・ムーブメント`) and Microsoft's ja-jp API reference of alert
 * intents (`コマンドとコントロール`, `横移動`). Its `検出` for Discovery, detection everywhere else, is left out.
 * Chinese also writes Initial Access as `初始入侵` (initial intrusion: a Linux detection note's ATT&CK tactic table, `|
 * Initial Access | 初始入侵 |`, and an attack-graph tool's `| INITIAL_ACCESS | TA0001 Initial Access | 初始入侵 |`, the code
 * index's files 55318697822 and 31387709976; a Taiwanese course's `| 戰術 | 技術 |` rows, `| 初始入侵 | T1566.002 … |`, file
 * 69531288523), Persistence as `权限维持` (keeping the access: a note on mapping drills to ATT&CK, `| Persistence | 权限维持
 * |`, file 54661880541, and a range write-up's 攻击阶段 column over `T1053.003 Scheduled Task/Job: Cron`, file 14889604173),
 * Exfiltration as `数据外泄` (the same note, and a BAS plan's `| TA0010 | Exfiltration | 数据外泄 |`, file 37860465362), and
 * Execution, Discovery, Collection, Command and Control and Impact as a Chinese article on ATT&CK's tactics translates
 * them (`| TA0002 | Execution | 攻击执行 |`, `环境发现`, `数据收集`, `指令与控制`, `危害影响`, file 12512551358); with the
 * other script's forms of each. Korean also writes Persistence `지속성 확보` (a Korean translation guide's `| Persistence |
 * 지속성 확보 |`, file 67141108249).
 * A tactic is read only where the text is tactics alone (a cell, a heading, a label), so a common word among them
 * (渗透, 발견, Sammlung) is no tactic in a sentence.
 */
export const TACTIC_NAMES: ReadonlyArray<readonly [display: string, ...written: string[]]> = [
  ['Reconnaissance', '偵察', '侦察', '偵查', '侦查', '정찰', 'Reconocimiento', 'Reconhecimento', 'Aufklärung', 'Ricognizione', 'Verkenning'],
  [
    'Resource Development',
    'リソース開発', 'リソースの開発', '资源开发', '資源開發', '資源建立', '자원 개발', '리소스 개발',
    'Desarrollo de recursos', 'Desenvolvimento de recursos', 'Développement de ressources', 'Développement des ressources',
    'Ressourcenentwicklung', 'Entwicklung von Ressourcen', 'Sviluppo delle risorse', 'Sviluppo di risorse',
  ],
  [
    'Initial Access',
    '初期アクセス', '初期侵入', '初始访问', '初始入侵', '初始接入', '初始訪問', '初始存取', '初步存取', '初期存取', '초기 접근', '초기 액세스', '초기 침투',
    'Acceso inicial', 'Acesso inicial', 'Accès initial', 'Erstzugriff', 'Initialzugriff', 'Erster Zugriff', 'Initialer Zugriff',
    'Accesso iniziale',
    'Initiële toegang', 'Eerste toegang',
  ],
  ['Execution', '実行', '执行', '執行', '程式執行', '攻击执行', '攻擊執行', '실행', 'Ejecución', 'Execução', 'Exécution', 'Ausführung', 'Esecuzione', 'Uitvoering'],
  ['Persistence', '永続化', '永続性', '持久化', '持久性', '持續性', '持续性', '持續潛伏', '持续潜伏', '权限维持', '權限維持', '지속성', '지속성 유지', '지속성 확보', 'Persistencia', 'Persistência', 'Persistance', 'Persistenz', 'Persistenza', 'Persistentie'],
  [
    'Privilege Escalation',
    '権限昇格', '特権昇格', '権限の昇格', '特権の昇格', '权限提升', '提权', '權限提升', '提權', '特权提升', '特權提升', '特權提昇', '권한 상승', '권한 에스컬레이션',
    'Escalada de privilegios', 'Escalamiento de privilegios', 'Elevación de privilegios', 'Escalación de privilegios',
    'Escalação de privilégios', 'Escalonamento de privilégios', 'Escalada de privilégios', 'Elevação de privilégios',
    'Élévation de privilèges', 'Escalade de privilèges',
    'Rechteausweitung', 'Rechteerweiterung', 'Privilegieneskalation', 'Berechtigungsausweitung', 'Ausweitung von Berechtigungen',
    'Escalation dei privilegi', 'Escalation di privilegi', 'Escalation privilegi', 'Elevazione dei privilegi',
    'Escalatie van bevoegdheden',
  ],
  [
    'Defense Evasion',
    'Defence Evasion', '防御回避', '防御の回避', '防御策の回避', '防御规避', '防御绕过', '防御逃逸', '防禦規避', '防禦繞過', '防禦逃逸', '防禦逃脫', '防御逃脱', '防御逃避', '防禦逃避', '防检测', '防檢測', '방어 회피', '방어 우회',
    'Evasión de defensas', 'Evasión de defensa', 'Evasión de la defensa', 'Evasión defensiva',
    'Evasão de defesa', 'Evasão de defesas',
    'Évasion de défense', 'Évasion des défenses', 'Contournement des défenses', 'Contournement de la défense',
    'Umgehung der Verteidigung', 'Verteidigungsumgehung', 'Umgehung von Abwehrmaßnahmen',
    'Evasione delle difese', 'Evasione della difesa', 'Elusione delle difese',
    'Ontwijking van verdediging', 'Omzeiling van verdediging', 'Verdedigingsontduiking', 'Defense Ontwijking',
  ],
  [
    'Credential Access',
    '認証情報アクセス', '資格情報アクセス', '認証情報へのアクセス', '資格情報へのアクセス', '凭证访问', '凭据访问', '凭证获取', '憑證存取', '憑證訪問', '憑據訪問', '憑證獲取', '자격 증명 접근', '자격 증명 액세스', '자격 증명 획득', '크리덴셜 탈취', '계정 정보 접근',
    'Acceso a credenciales', 'Acceso a las credenciales', 'Acceso con credenciales', 'Acceso de credenciales',
    'Acesso a credenciais', 'Acesso às credenciais', 'Acesso de credenciais', 'Acesso à credencial',
    'Accès aux identifiants', "Accès aux informations d'identification",
    'Zugriff auf Anmeldeinformationen', 'Zugriff über Anmeldeinformationen', 'Anmeldeinformationszugriff',
    'Accesso alle credenziali', 'Accesso credenziali',
    'Toegang tot referenties', 'Referentietoegang', 'Referenties toegang',
  ],
  ['Discovery', '探索', '発見', '发现', '發現', '环境发现', '環境發現', '탐색', '발견', 'Descubrimiento', 'Descoberta', 'Découverte', 'Entdeckung', 'Ermittlung', 'Scoperta', 'Individuazione', 'Ontdekking'],
  [
    'Lateral Movement',
    '水平展開', '横展開', '横移動', '横方向の移動', 'ラテラルムーブメント', '横向移动', '橫向移動', '網路橫向移動', '횡적 이동', '횡이동', '측면 이동', '내부 확산',
    'Movimiento lateral', 'Movimento lateral', 'Movimentação lateral', 'Mouvement latéral', 'Déplacement latéral',
    'Laterale Bewegung', 'Seitwärtsbewegung', 'Seitliche Bewegung', 'Seitliche Verschiebung', 'Movimento laterale',
    'Laterale beweging', 'Zijwaartse beweging', 'Zijbeweging',
  ],
  ['Collection', '収集', 'コレクション', '收集', '蒐集', '收集信息', '搜集', '数据收集', '數據收集', '수집', 'Recopilación', 'Recolección', 'Colección', 'Coleta', 'Coleção', 'Recolha', 'Collecte', 'Sammlung', 'Raccolta', 'Verzameling'],
  [
    'Command and Control',
    'コマンド&コントロール',
    'コマンドアンドコントロール',
    'コマンド・アンド・コントロール',
    'コマンドとコントロール',
    'コマンドと制御',
    'C&C',
    'C2',
    'CnC',
    '命令与控制',
    '命令和控制',
    '命令與控制',
    '指挥控制',
    '指揮控制',
    '指挥与控制',
    '指揮與控制',
    '指令与控制',
    '指令與控制',
    '命令控制',
    '명령 및 제어',
    '명령과 제어',
    'Comando y control', 'Mando y control', 'Comando e controle', 'Comando e controlo', 'Commande et contrôle',
    'Befehl und Steuerung', 'Befehl und Kontrolle', 'Comando e controllo', 'Opdracht en controle',
  ],
  [
    'Exfiltration',
    '持ち出し', 'データ持ち出し', 'データ窃取', 'データ流出', '窃取', '流出', '渗透', '数据渗出', '数据外传', '数据窃取', '渗出', '滲出', '資料竊取', '资料窃取', '滲漏', '數據滲出', '數據外傳', '數據竊取', '外传', '外傳', '数据外泄', '數據外洩', '數據外泄', '유출', '데이터 유출',
    'Exfiltración', 'Exfiltração', 'Esfiltrazione', 'Exfiltrazione', 'Sottrazione di dati', 'Exfiltratie',
  ],
  ['Impact', '影響', 'インパクト', '影响', '衝擊', '冲击', '危害影响', '危害影響', '영향', 'Impacto', 'Auswirkung', 'Auswirkungen', 'Beeinträchtigung', 'Impatto'],
];

/**
 * The tactics of ATT&CK for ICS and for Mobile that Enterprise has not, by display name, read in a report's text as
 * Enterprise's are (a tactic column, a heading, a label): ICS's `| Inhibit Response Function | Block Reporting Message
 * (T0804) |` and `Impair Process Control`, as OT write-ups' tables of ATT&CK for ICS write them, and Mobile's two.
 * ICS's Evasion is left out: alone, the word is Enterprise's Defense Evasion in a tactic column (`TACTIC_SHORT_FORMS`).
 * ICS's two in Chinese are a Chinese note's on ATT&CK for ICS (marsvillager/ATT-and-CK, ICS.md: `## 10、Inhibit Response
 * Function 抑制响应`, `## 11、Impair Process Control 削弱过程控制`).
 */
export const OTHER_DOMAIN_TACTIC_NAMES: ReadonlyArray<readonly [display: string, ...written: string[]]> = [
  ['Inhibit Response Function', '抑制响应'],
  ['Impair Process Control', '削弱过程控制'],
  ['Network Effects'],
  ['Remote Service Effects'],
];

/** Every tactic whose name a report's text is read for: Enterprise's, then the other domains' own. */
export const READ_TACTIC_NAMES: ReadonlyArray<readonly [display: string, ...written: string[]]> = [...TACTIC_NAMES, ...OTHER_DOMAIN_TACTIC_NAMES];

/**
 * Other languages' names of the tactics a later release split off (`TACTIC_SPLITS`), by their English name: Spanish
 * SOC write-ups' tactic columns write ATT&CK 19's Stealth as `Sigilo` (`| Sigilo | T1036 | T1036.005 |`, `| Sigilo |
 * T1027 | T1027.013 |`), which a release before it reads as the tactic Stealth came from.
 */
export const LATER_TACTIC_NAMES: Readonly<Record<string, readonly string[]>> = {
  Stealth: ['Sigilo'],
};

/**
 * Short forms analysts write in a tactic field (`tactic: C2`) or a table's tactic column or matrix header, by display
 * name: those of real tables (a Volatility plugin map's `| Priv Escalation | TA0004 |`, `| Def Evasion | TA0005 |`,
 * `| Cred Access | TA0006 |`, `| Lat Movement | TA0008 |`; a skills matrix's `| Recon | Res Dev | Init Access | Exec |
 * Persist | Priv Esc | Def Evasion | Cred Access | … | Lat Mov | … | C2 | Exfil | Impact |`; a French detection table's
 * `| Cred. Access |` and `| Lateral Mvmt |`; a Spanish Purple Team README's matrix, `| Persistence | Priv Escalation |`).
 * Spaces, hyphens and case are folded (`PrivEsc` is `Priv Esc`). They are too short or too common to look for in running
 * text, so only `readTactic` and extract's tactic columns use them.
 */
export const TACTIC_SHORT_FORMS: Readonly<Record<string, string>> = {
  'C and C': 'Command and Control',
  'Command Control': 'Command and Control',
  Exfil: 'Exfiltration',
  Recon: 'Reconnaissance',
  'Res Dev': 'Resource Development',
  'Resource Dev': 'Resource Development',
  'Init Access': 'Initial Access',
  Exec: 'Execution',
  Persist: 'Persistence',
  // A Russian DFIR table's `Persistence / Priv Esc`, a Korean one's `Persistence / Evasion`.
  'Priv Esc': 'Privilege Escalation',
  PrivEsc: 'Privilege Escalation',
  'Priv Escalation': 'Privilege Escalation',
  // A detection README's box-drawn heat map, `│ Privilege Esc. │ T1078 │`.
  'Privilege Esc': 'Privilege Escalation',
  Evasion: 'Defense Evasion',
  'Def Evasion': 'Defense Evasion',
  'Cred Access': 'Credential Access',
  'Cred. Access': 'Credential Access',
  // A Korean CTI table's `Lateral / Propagation`.
  Lateral: 'Lateral Movement',
  'Lateral Move': 'Lateral Movement',
  'Lateral Mvmt': 'Lateral Movement',
  'Lat Mov': 'Lateral Movement',
  'Lat Movement': 'Lateral Movement',
  'Lat Mvmt': 'Lateral Movement',
};

/**
 * A tactic written in words run together, as Sentinel's rules and Defender's AlertInfo `Category` write them
 * (`CommandAndControl`, `InitialAccess`), in words (`Command And Control`).
 */
export function tacticWords(tactic: string): string {
  return tactic.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ');
}

/** The shortname of an Enterprise tactic's display name (`Command and Control` -> `command-and-control`). */
export function tacticShortname(display: string): string {
  return display.toLowerCase().replace(/\s+/g, '-');
}
