import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

/** Each reference of a report's text, as `[line, IDs, name, evidence]`. */
const evidence = (text: string) => extractReferences(text).map((ref) => [ref.line, ref.ids, ref.name, (ref.evidence ?? []).map((said) => said.text)]);

describe('mapping tables headed in Chinese, Japanese, Korean and Russian', () => {
  describe('a column of what the report saw, headed in the report\'s language, is the rows\' evidence', () => {
    it('reads a Chinese `说明` (explanation) cell as evidence, not as the names of a cell of two IDs (a WeChat analysis of GRAYRABBIT)', () => {
      // Section 六 of "搜狗一键RCE漏洞…" on WeChat (mp.weixin.qq.com/s/2TyIwuivZQ6wJ7Mm-E3RYw, the code index's file
      // 69381827404), two of its rows. Before, the `说明` cell was read as the names of the row's two IDs (`命令 9（上传文件）`
      // beside T1005, `FileMsg 通道` beside T1041), which made a warning that "FileMsg 通道" is no technique's name.
      const text = [
        '| 阶段  | 技术  | 说明  |',
        '| --- | --- | --- |',
        '| 执行  | T1203 客户端执行漏洞利用 | CVE-2021-38003（V8 类型混淆） |',
        '| 收集/外传 | T1005 本地数据 / T1041 通过 C2 信道外传 | 命令 9（上传文件）、FileMsg 通道 |',
      ].join('\n');
      expect(evidence(text)).to.deep.equal([
        [3, ['T1203'], '客户端执行漏洞利用', ['CVE-2021-38003（V8 类型混淆）']],
        [4, ['T1005'], undefined, ['命令 9（上传文件）、FileMsg 通道']],
        [4, ['T1041'], undefined, ['命令 9（上传文件）、FileMsg 通道']],
      ]);
      const warnings = extractReport(text, { target: loadRelease('18.1') }).references.flatMap((ref) => ref.resolution?.warnings ?? []);
      expect(warnings.filter((warning) => warning.includes('is no name of'))).to.deep.equal([]);
    });

    it('reads Korean `관측 내용`, Russian `Описание` and `Наблюдение` and Chinese `应用场景` cells as evidence', () => {
      // Rows of Betalabs' Korean Kimsuky report's `9. MITRE ATT&CK 매핑` (`| 전술 | 기법 | 관측 내용 |`, what was observed;
      // gameworkerkim/CYBER-THREAT-INTELLIGENCE-REPORT, CTI-2026-0526-KIMSUKY-PEBBLEDASH_KR.md), of a Russian DFIR write-up's `Тактики ATT&CK` (`| Тактика | Техника | Описание |`, file
      // 55734423735) and of a Russian write-up of CyberDefenders' Kerberoasted lab (`| Тактика | Техника | ID | Наблюдение |`,
      // file 55895485943), and of a Chinese note on the SHub Reaper macOS stealer (`| 战术 | 技术 ID | 技术名称 | 应用场景 |`,
      // where it was applied; file 60837328388), their repositories not named.
      const korean = ['| 전술 | 기법 | 관측 내용 |', '| --- | --- | --- |', '| Persistence | T1053.005 Scheduled Task | ChromeCheck / EdgeCheck |'];
      const russian = ['| Тактика | Техника | Описание |', '|---------|---------|---------|', '| Execution | T1059.001 — PowerShell | Запуск PowerShell скриптов |'];
      const lab = ['| Тактика | Техника | ID | Наблюдение |', '|---|---|---|---|', '| Defense Evasion | Modify Registry | T1112 | Включение RDP через fDenyTSConnections |'];
      const chinese = ['| 战术 | 技术 ID | 技术名称 | 应用场景 |', '|------|---------|----------|----------|', '| 执行 | T1059.004 | 命令和脚本解释器：Unix Shell | curl 下载并执行 shell 脚本 payload |'];
      expect(evidence([...korean, '', ...russian, '', ...lab, '', ...chinese].join('\n'))).to.deep.equal([
        [3, ['T1053.005'], 'Scheduled Task', ['ChromeCheck / EdgeCheck']],
        [7, ['T1059.001'], 'PowerShell', ['Запуск PowerShell скриптов']],
        [11, ['T1112'], 'Modify Registry', ['Включение RDP через fDenyTSConnections']],
        [15, ['T1059.004'], '命令和脚本解释器：Unix Shell', ['curl 下载并执行 shell 脚本 payload']],
      ]);
    });
    it('reads a Japanese `観測内容` (observed content) cell as evidence, as the Korean edition\'s `관측 내용`', () => {
      // Section 9 of the Japanese edition of Betalabs' Kimsuky report (gameworkerkim/CYBER-THREAT-INTELLIGENCE-REPORT,
      // CTI-2026-0526-KIMSUKY-PEBBLEDASH_JP.md, commit 4720e696c96e5611c9b5918dd81374f2123acc9e), two of its rows.
      // Before, the rows had no evidence: `内容` (content) was no evidence header, alone or after `観測` (observed).
      const text = [
        '| 戦術 | 技術 | 観測内容 |',
        '| --- | --- | --- |',
        '| Initial Access | T1566.001 Spearphishing Attachment | 文書偽装JSE/PIF/SCR添付 |',
        '| C2 | T1572 Protocol Tunneling | VSCode・Cloudflare・Ngrok |',
      ].join('\n');
      expect(evidence(text)).to.deep.equal([
        [3, ['T1566.001'], 'Spearphishing Attachment', ['文書偽装JSE/PIF/SCR添付']],
        [4, ['T1572'], 'Protocol Tunneling', ['VSCode・Cloudflare・Ngrok']],
      ]);
      expect(evidence(text.replace('観測内容', '内容')).map((row) => row[3])).to.deep.equal([['文書偽装JSE/PIF/SCR添付'], ['VSCode・Cloudflare・Ngrok']]);
    });

    it('reads a Chinese `描述` cell that mixes a Latin word into Chinese as both IDs\' evidence, no name of the first', () => {
      // Section 5 of a Chinese analysis of new ransomware techniques (`| 战术 | 技术 | 子技术 | 描述 |`, the code index's file
      // 21568191096, its repository not named), two of its rows. Before, `PowerShell执行` (PowerShell execution) resolved
      // by its Latin word, so was read as the name of T1059, and only T1059.001 had it as evidence.
      const text = [
        '| 战术 | 技术 | 子技术 | 描述 |',
        '|------|------|--------|------|',
        '| Initial Access | T1566 | T1566.001 | 钓鱼附件 |',
        '| Execution | T1059 | T1059.001 | PowerShell执行 |',
      ].join('\n');
      const read = extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.ids, ref.name, (ref.evidence ?? []).map((said) => said.text)]);
      expect(read).to.deep.equal([
        [['T1566'], undefined, ['钓鱼附件']],
        [['T1566.001'], undefined, ['钓鱼附件']],
        [['T1059'], undefined, ['PowerShell执行']],
        [['T1059.001'], undefined, ['PowerShell执行']],
      ]);
    });

    it('reads a Korean `적용 내용` (what was applied) cell as evidence, beside the name of the column before it', () => {
      // Section 3.3 of a Korean analysis of S3 ransomware (`| 순서 | 전술 | 기법 ID | 기법명 | 적용 내용 |`, the code index's
      // file 55808614197, its repository not named), two of its rows. Before, the rows had no evidence.
      const text = [
        '| 순서 | 전술 | 기법 ID | 기법명 | 적용 내용 |',
        '|------|------|---------|--------|-----------|',
        '| 1 | Reconnaissance | T1593 | Search Open Websites/Domains | GitHub 등 공개 저장소에서 노출된 AWS 키 탐색 |',
        '| 2 | Initial Access | T1078.004 | Valid Accounts: Cloud Accounts | 노출된 AWS IAM 액세스 키 사용 |',
      ].join('\n');
      expect(evidence(text)).to.deep.equal([
        [3, ['T1593'], 'Search Open Websites/Domains', ['GitHub 등 공개 저장소에서 노출된 AWS 키 탐색']],
        [4, ['T1078.004'], 'Valid Accounts: Cloud Accounts', ['노출된 AWS IAM 액세스 키 사용']],
      ]);
    });
    it('reads a Chinese `攻击行为` (attack behaviour) cell as evidence, and a `时间` (time) cell as no name (a note on OAuth attacks)', () => {
      // Case studies of a Chinese note on OAuth and SaaS attacks (`| 阶段 | 攻击行为 | 时间 | MITRE ATT&CK |` over Codecov's
      // compromise, `| 阶段 | 攻击行为 | MITRE ATT&CK |` over Uber's; the code index's file 59427738957, its repository not
      // named), rows of each. Before, the IDs took the cells before them as names: `2021 年 1 月 | T1078` (a date),
      // `初始入侵 | T1566.001` (the stage), and had no evidence.
      const text = [
        '| 阶段 | 攻击行为 | 时间 | MITRE ATT&CK |',
        '|------|---------|------|-------------|',
        '| 初始入侵 | 攻击者通过私有仓库凭证访问 Codecov 内部基础设施 | 2021 年 1 月 | T1078 |',
        '| 数据收集 | 从 CI 环境变量中提取 API Key、Token、凭据 | 2021.01.31 - 2021.04.01 | T1552.001 |',
        '',
        '| 阶段 | 攻击行为 | MITRE ATT&CK |',
        '|------|---------|-------------|',
        '| 初始入侵 | 攻击者通过社会工程获取承包商的 Uber 企业 VPN 凭据 | T1566.001 |',
        '| OAuth 滥用 | 使用窃取的 OAuth 令牌获取内部 SaaS 访问权限 | T1528 |',
      ].join('\n');
      expect(evidence(text)).to.deep.equal([
        [3, ['T1078'], undefined, ['攻击者通过私有仓库凭证访问 Codecov 内部基础设施']],
        [4, ['T1552.001'], undefined, ['从 CI 环境变量中提取 API Key、Token、凭据']],
        [8, ['T1566.001'], undefined, ['攻击者通过社会工程获取承包商的 Uber 企业 VPN 凭据']],
        [9, ['T1528'], undefined, ['使用窃取的 OAuth 令牌获取内部 SaaS 访问权限']],
      ]);
    });
  });

  describe('a name beside an ID written in a script other than Latin, wholly or in part', () => {
    // Sentences of a Traditional Chinese walkthrough of the ATT&CK evaluation of APT29 (the code index's file 11695103644,
    // a HackMD note, its repository not named), its steps 3, 11 and 12: `Windows註冊表運行鍵條目` (Windows registry run key
    // entries, T1060's own name in Chinese), `System32目錄` (the System32 folder), `用戶帳戶控制（UAC）旁路` (UAC bypass).
    const text = [
      '### 攻擊者通過用戶帳戶控制（UAC）旁路（T1122，T1088）提升特權',
      'ADS執行一系列枚舉命令，以確保在通過Windows註冊表運行鍵條目（T1060）建立持久性之前，它沒有在虛擬化分析環境中執行。',
      '以匹配在受害者的System32目錄（T1083）中找到的隨機文件的時間屬性。',
    ].join('\n');
    const report = () => extractReport(text, { target: loadRelease('18.1') });

    it('makes no warning that it names no technique: the words in Latin letters a reading kept are part of a name it cannot check', () => {
      // Before: `"Windows" is no name of T1547.001 …, nor of any technique`, `"System32" is no name of T1083 …`, and
      // `"攻擊者通過用戶帳戶控制(UAC)旁路" is no name of T1546.015 …`, beside the note that such names were not checked.
      const warnings = report().references.flatMap((ref) => ref.resolution?.warnings ?? []);
      expect(warnings.filter((warning) => warning.includes('is no name of'))).to.deep.equal([]);
    });

    it('lists a name in Japanese or Chinese quotes too (`「スケジュールされたタスク」`), which the resolver reads without them', () => {
      // Our own row, in the shape of Japanese tables (`| 戦術 | テクニック | ID |`) and of quotes round a name, as a Traditional
      // Chinese lab README quotes one before its ID (`「拿竊得的雲端憑證橫向 pivot 到別的內部服務」（T1550）`, the code index's file
      // 60408844387). Before, the note left it out: the trail names it without its quotes.
      const table = ['| 戦術 | テクニック | ID |', '|---|---|---|', '| 永続化 | 「スケジュールされたタスク」 | 【T1053.005】 |'].join('\n');
      const notes = extractReport(table, { target: loadRelease('18.1') }).notes;
      expect(notes.find((each) => each.includes('written in a script other than Latin'))).to.include('line 3 "「スケジュールされたタスク」" beside T1053.005');
    });

    it('lists it, as written, among the names in another script that were not checked', () => {
      const note = report().notes.find((each) => each.includes('written in a script other than Latin'));
      expect(note).to.include('line 2 "Windows註冊表運行鍵條目" beside T1547.001');
      expect(note).to.include('line 3 "System32目錄" beside T1083');
      expect(note).to.include('beside T1546.015');
    });
  });

  describe('tactic names of Chinese tables and renderings of ATT&CK', () => {
    const tactics = (text: string) => extractReferences(text).map((ref) => [ref.ids[0], ref.tactics]);

    it('reads `外传` (exfiltration) beside `收集` in a tactic cell, and `防检测` (anti-detection) as Defense Evasion', () => {
      // The GRAYRABBIT analysis's row (mp.weixin.qq.com/s/2TyIwuivZQ6wJ7Mm-E3RYw): before, `外传` named no tactic, T1041 was
      // under Collection alone, with a warning that it is not T1041's tactic. The SHub Reaper note's rows (the code index's
      // file 60837328388): before, T1622 and T1562.001 had no tactic.
      const grayrabbit = ['| 阶段  | 技术  | 说明  |', '| --- | --- | --- |', '| 收集/外传 | T1005 本地数据 / T1041 通过 C2 信道外传 | 命令 9（上传文件）、FileMsg 通道 |'];
      const shub = ['| 战术 | 技术 ID | 技术名称 | 应用场景 |', '|------|---------|----------|----------|', '| 防检测 | T1622 | Debugger Evasion | 持续调试器循环、DevTools 检测、console 函数覆盖 |'];
      expect(tactics([...grayrabbit, '', ...shub].join('\n'))).to.deep.equal([
        ['T1005', ['Collection', 'Exfiltration']],
        ['T1041', ['Collection', 'Exfiltration']],
        ['T1622', ['Defense Evasion']],
      ]);
      const warnings = extractReport(grayrabbit.join('\n'), { target: loadRelease('18.1') }).references.flatMap((ref) => ref.resolution?.warnings ?? []);
      expect(warnings.filter((warning) => warning.includes('names no tactic'))).to.deep.equal([]);
    });

    it('reads `初始入侵` (initial intrusion) as Initial Access, and a tactic written in two scripts side by side as that tactic, once', () => {
      // A Taiwanese course's mapping of a threat report (the code index's file 69531288523), two of its rows: before,
      // T1566.002 under `初始入侵` had no tactic.
      const course = [
        '| 戰術 | 技術 | 本報告對應的作法 | 偵測構想（假說，需本地遙測驗證） |',
        '|---|---|---|---|',
        '| 資源開發 | [T1583.008：Malvertising](https://attack.mitre.org/techniques/T1583/008/) | Storm-3075 以 AI 主題廣告投遞酬載 | 廣告點擊來源網域與新註冊網域的關聯；端點上「下載自搜尋廣告」的來源鏈 |',
        '| 初始入侵 | [T1566.002：Spearphishing Link](https://attack.mitre.org/techniques/T1566/002/) | ChatGPT 主題釣魚郵件，單日約 10 萬封 | 同一批郵件的寄送速率與品牌關鍵字共現，不可只靠品牌字串 |',
      ];
      // An incident timeline writes its tactic cells in both scripts (`| 持久化 persistence |`, the code index's file
      // 67351993638); the rows are ours, in that shape. Before, neither cell named a tactic.
      const bilingual = ['| 战术 | 技术 |', '|---|---|', '| 持久化 persistence | T1505.003 |', '| Execution 执行 | T1059.004 |'];
      expect(tactics([...course, '', ...bilingual].join('\n'))).to.deep.equal([
        ['T1583.008', ['Resource Development']],
        ['T1566.002', ['Initial Access']],
        ['T1505.003', ['Persistence']],
        ['T1059.004', ['Execution']],
      ]);
    });

    it('reads `防御逃避` and `指挥与控制`, as a Chinese rendering of ATT&CK 16.1 heads its matrix, in a tactic column', () => {
      // seccmd/Attack_CN, docs/enterprise-attack-16.1/index.md: `| … | [防御逃避](tactics/DefenseEvasion.md) | … |
      // [指挥与控制](tactics/CommandandControl.md) | … |`; the rows are ours, in its words (混淆文件或信息, 应用层协议).
      const text = ['| 战术 | 技术 ID | 技术名称 |', '|---|---|---|', '| 防御逃避 | T1027 | 混淆文件或信息 |', '| 指挥与控制 | T1071 | 应用层协议 |'].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1027', ['Defense Evasion']],
        ['T1071', ['Command and Control']],
      ]);
    });

    it('reads the Taiwanese `初期存取` and `偵查`, the Chinese `搜集` and `命令控制`, and the Korean `지속성 유지`, `자격 증명 획득` and `크리덴셜 탈취` in a tactic column', () => {
      // The words as real notes write them beside the English names (a Taiwanese list of the 14 tactics, `1.Reconnaissance
      // 偵查`, `3.Initial Access 初期存取`; marsvillager/ATT-and-CK, ICS.md, `## 8、Collection 搜集`, `## 9、Command and Control
      // 命令控制`; YSoyeon/dev-study-notes, security/mitre_attack.md, `Persistence (지속성 유지)`, `Credential Access (자격 증명
      // 획득)`; jamie-the-programmer.tistory.com/m/70, `| Credential Access (크리덴셜 탈취) |`); the rows are ours, in the shape
      // of the mapping tables above. Before, each of these techniques had no tactic.
      const text = [
        '| 戰術 | 技術 ID | 技術名稱 |', '|---|---|---|', '| 偵查 | T1595 | 主動掃描 |', '| 初期存取 | T1190 | 利用公開應用程式 |', '',
        '| 战术 | 技术 ID | 技术名称 |', '|---|---|---|', '| 搜集 | T1005 | 本地系统数据 |', '| 命令控制 | T1071.001 | Web 协议 |', '',
        '| 전술 | 기법 ID | 기법명 |', '|---|---|---|', '| 지속성 유지 | T1547.001 | 레지스트리 Run 키 |', '| 자격 증명 획득 | T1003 | OS 자격 증명 덤핑 |',
        '| 크리덴셜 탈취 | T1555 | 비밀번호 저장소의 자격 증명 |',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1595', ['Reconnaissance']],
        ['T1190', ['Initial Access']],
        ['T1005', ['Collection']],
        ['T1071.001', ['Command and Control']],
        ['T1547.001', ['Persistence']],
        ['T1003', ['Credential Access']],
        ['T1555', ['Credential Access']],
      ]);
    });

    it('reads ATT&CK for ICS\'s `抑制响应` (Inhibit Response Function) and `削弱过程控制` (Impair Process Control) in a tactic column', () => {
      // marsvillager/ATT-and-CK, ICS.md: `## 10、Inhibit Response Function 抑制响应`, `## 11、Impair Process Control
      // 削弱过程控制`; the rows are ours. Before, both techniques had no tactic.
      const text = ['| 战术 | 技术 ID | 技术名称 |', '|---|---|---|', '| 抑制响应 | T0804 | 阻止报告消息 |', '| 削弱过程控制 | T0836 | 修改参数 |'].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T0804', ['Inhibit Response Function']],
        ['T0836', ['Impair Process Control']],
      ]);
    });

    it('reads a matrix whose tactic heads are Markdown links to pages of its own (`[初始访问](tactics/InitialAccess.md)`)', () => {
      // seccmd/Attack_CN, docs/enterprise-attack-16.1/index.md: its matrix's head and first two rows, four columns of fourteen.
      // Before, the links' addresses, which say no TA ID, hid the tactic names, and every technique had no tactic.
      const text = [
        '| [侦察](tactics/Reconnaissance.md) | [资源开发](tactics/ResourceDevelopment.md) | [初始访问](tactics/InitialAccess.md) | [执行](tactics/Execution.md) |',
        '|---|---|---|---|',
        '| [收集受害者主机信息](techniques/T1592.md) | [获取基础设施](techniques/T1583.md) | [外部远程服务](techniques/T1133.md) | [计划任务](techniques/T1053.005.md) |',
        '| [数字证书](techniques/T1596.003.md) | [无服务器](techniques/T1583.007.md) | [妥协软件依赖项和开发工具](techniques/T1195.001.md) | [Windows管理规范](techniques/T1047.md) |',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1592', ['Reconnaissance']],
        ['T1583', ['Resource Development']],
        ['T1133', ['Initial Access']],
        ['T1053.005', ['Execution']],
        ['T1596.003', ['Reconnaissance']],
        ['T1583.007', ['Resource Development']],
        ['T1195.001', ['Initial Access']],
        ['T1047', ['Execution']],
      ]);
    });
  });
});
