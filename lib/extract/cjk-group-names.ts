/**
 * Chinese and Korean names of ATT&CK groups that ATT&CK itself does not write: the names Chinese vendors (Qi-Anxin,
 * 360, Tencent, Antiy) gave the groups they track, and the Hangul of a Latin name, which Chinese and Korean reports
 * write in place of ATT&CK's (`海莲花组织`, `라자루스 조직`). Each maps to the name or alias ATT&CK writes for the
 * group, which the release at hand resolves (a release without it reads nothing), and each is one a vendor's or a
 * news report writes beside that English name, cited with the entry. `find-attack-objects` reads them only right before
 * a word for a group (`组织`, `团伙`, `조직`, `그룹`…) or right after `APT组织`: alone, several are common words (白象, a
 * white elephant; 响尾蛇, a rattlesnake, and the AIM-9 missile). Names no source ties to an ATT&CK group are left out
 * (毒云藤, 360's APT-C-01, which ATT&CK 18.1 does not hold by that code or any alias; 肚脑虫, Donot or APT-C-35, which it does not hold either): a report naming one is told so
 * (`CJK_GROUP_NAMES_NOT_IN_ATTACK`).
 */
export const CJK_GROUP_NAMES: ReadonlyArray<{ written: readonly string[]; attack: string; source: string }> = [
  {
    written: ['海莲花', '海蓮花'],
    attack: 'OceanLotus',
    source: "360's SkyEye Labs' report of 2015 as storm.mg/article/51266 writes it, `「海蓮花」(Ocean Lotus)`; Qi-Anxin's group page: `FireEye将海莲花组织命名为APT32`",
  },
  {
    written: ['摩诃草', '摩訶草'],
    attack: 'Patchwork',
    source: "Qi-Anxin's report of 2025-07-11 (mp.weixin.qq.com, 奇安信威胁情报中心): `摩诃草，又名 Patchwork、白象、Hangover、Dropping Elephant 等`",
  },
  {
    written: ['白象'],
    attack: 'Patchwork',
    source: "the same report of Qi-Anxin's (`又名 Patchwork、白象`); Qi-Anxin's group page: `国内其他安全厂商通常也称其为“白象”`",
  },
  {
    written: ['蔓灵花', '蔓靈花'],
    attack: 'BITTER',
    source: "Tencent's report 615 (s.tencent.com/research/report/615.html), `蔓灵花(BITTER) APT`; Qi-Anxin's group page: `BITTER最早由国外安全厂商Forcepoint在2016年命名`",
  },
  {
    written: ['响尾蛇', '響尾蛇'],
    attack: 'Sidewinder',
    source: "Tencent's report 659 (s.tencent.com/research/report/659.html), `响尾蛇（SideWinder）APT组织针对南亚的攻击活动披露`; anquanke.com/post/id/196330, `响尾蛇（SideWinder）`",
  },
  {
    written: ['双尾蝎', '雙尾蠍'],
    attack: 'APT-C-23',
    source: "a gitbook's index of 360's reports, `双尾蝎组织（APT-C-23）`: 360's code, which ATT&CK writes as G1028's name (its alias Two-tailed Scorpion is 双尾蝎 in English)",
  },
  {
    written: ['透明部落'],
    attack: 'Transparent Tribe',
    source: "360威胁情报中心's report of 2025-06-09 (mp.weixin.qq.com), `APT-C-56（透明部落）针对Linux系统的DISGOMOJI变体攻击活动分析`: `APT-C-56（透明部落）（即Transparent Tribe），又称APT36、ProjectM或C-Major`; Transparent Tribe is ATT&CK's G0134 (a word for word translation: 透明, transparent; 部落, tribe)",
  },
  {
    written: ['拉撒路'],
    attack: 'Lazarus Group',
    source: "a Chinese translation of Kaspersky's ThreatNeedle report: `我们将拉撒路（Lazarus）评为2020年最活跃的APT组织`",
  },
  {
    written: ['라자루스'],
    attack: 'Lazarus Group',
    source: "biz.chosun.com, 2020-06-23, of ESRC's report: `‘라자루스(Lazarus)’ 그룹의 소행`; inews24.net/view/wrlted/1216657: `라자루스 조직이`",
  },
  {
    written: ['김수키'],
    attack: 'Kimsuky',
    source: 'wezard4u.tistory.com/429275, 2024-09-10: `김수키(Kimsuky) 에서 만든 악성코드`',
  },
];

/**
 * Chinese names of groups that vendors track and ATT&CK holds no group for (by name, alias or the vendor's code), with
 * the names they are known by in English: a report naming one, quoted or not, is told who it is and that no ATT&CK
 * group stands for it, rather than nothing (ATT&CK 18.1 cites ASERT's Donot report only for the software S0248 yty).
 * Where a release holds a group by one of `known`, the note is not given.
 */
export const CJK_GROUP_NAMES_NOT_IN_ATTACK: ReadonlyArray<{ written: readonly string[]; known: readonly string[]; source: string }> = [
  {
    written: ['肚脑虫', '肚腦蟲'],
    known: ['Donot Team', 'Donot', 'APT-C-35'],
    source: "anquanke.com/post/id/186254, `Donot APT组织（肚脑虫）伪装克什米尔新闻APP的攻击活动分析`; Qi-Anxin: `肚脑虫(APT-C-35)，由奇安信高级威胁研究团队持续跟踪发现并命名`",
  },
  {
    written: ['毒云藤'],
    known: ['APT-C-01', 'GreenSpot'],
    source: "a gitbook's index of 360's reports and a Chinese threat-intelligence table's row `( 'APT-C-01', 'APT组织', 'TW', '毒云藤、绿斑', … )` (绿斑, GreenSpot)",
  },
];
