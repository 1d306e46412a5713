import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { renderCampaignSkeleton } from '../../lib/extract/campaign-skeleton.js';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { findAttackObjects, unknownGroupNames } from '../../lib/extract/find-attack-objects.js';
import { foldLines } from '../../lib/normalize/tokenize-references.js';
import { schemaIssues } from '../../lib/schemas.js';
import { loadRelease, readRawBundle, repoRoot, stixFile } from '../helpers/attack.js';

const seedFile = (file: string): string => resolve(repoRoot, '../shared/seeds', file);
const PERISCOPE = '000_9001b8a6a998de5e.txt';
const APT32 = '003_78441eb4cb887801.txt';

let rawBundle: ReturnType<typeof readRawBundle> | undefined;

/** The ATT&CK ID of the object a raw 18.1 bundle names (name or alias), read straight from the bundle. */
function rawObjectId(name: string): string[] {
  rawBundle ??= readRawBundle(stixFile('enterprise-attack-18.1.json.gz'));
  return rawBundle.objects
    .filter((o) => ['intrusion-set', 'malware', 'tool'].includes(o.type) && !o['revoked'])
    .filter((o) => o['name'] === name || ((o['aliases'] ?? o['x_mitre_aliases']) as string[] | undefined)?.includes(name))
    .map((o) => (o['external_references'] as Array<{ source_name: string; external_id?: string }>).find((r) => r.source_name === 'mitre-attack')?.external_id ?? '');
}

describe('findAttackObjects (ATT&CK enterprise 18.1)', () => {
  describe(`the TEMP.Periscope seed report (${PERISCOPE}), which names its actor and tools but no technique ID`, () => {
    let found: ReturnType<typeof findAttackObjects>;
    let lines: string[];
    before(() => {
      const text = readFileSync(seedFile(PERISCOPE), 'utf8');
      lines = text.split('\n');
      found = findAttackObjects(text, loadRelease('18.1'));
    });

    const rows: ReadonlyArray<readonly [written: string, kind: string]> = [
      ['TEMP.Periscope', 'group'],
      ['AIRBREAK', 'software'],
      ['HOMEFRY', 'software'],
      ['MURKYTOP', 'software'],
      ['HTRAN', 'software'],
    ];
    for (const [written, kind] of rows) {
      it(`finds ${written} as the ${kind} the raw bundle gives it, with the line it is written on`, () => {
        const ids = rawObjectId(written);
        expect(ids).to.have.length(1);
        const object = found.find((o) => o.id === ids[0]);
        expect(object, `${written} (${ids[0]}) in ${found.map((o) => o.id).join(', ')}`).to.not.equal(undefined);
        expect(object!.kind).to.equal(kind);
        expect(object!.written).to.equal(written);
        expect(lines[object!.span.line - 1]!.slice(object!.span.start, object!.span.end)).to.equal(written);
      });
    }

    it('reads TEMP.Periscope as G0065 Leviathan and AIRBREAK as S0229 Orz, saying they are aliases', () => {
      expect(found.find((o) => o.id === 'G0065')?.note).to.match(/"TEMP\.Periscope" is an alias of G0065 Leviathan/);
      expect(found.find((o) => o.id === 'S0229')?.note).to.match(/"AIRBREAK" is an alias of S0229 Orz/);
    });

    it('proposes G0065 as actor: and the four tools under software: in the campaign skeleton, each with its line', () => {
      const text = readFileSync(seedFile(PERISCOPE), 'utf8');
      const skeleton = renderCampaignSkeleton(extractReferences(text), { name: 'TEMP.Periscope', reportFile: 'r.txt', objects: found });
      const parsed = parse(skeleton) as { actor: string; software: Array<{ ref: string; comment: string }> };
      expect(parsed.actor).to.equal('TEMP.Periscope');
      expect(skeleton).to.match(/# Named in the report \(review\): "TEMP\.Periscope" is an alias of G0065 Leviathan, at r\.txt:\d+/);
      for (const name of ['AIRBREAK', 'HOMEFRY', 'MURKYTOP', 'HTRAN']) {
        const entry = parsed.software.find((s) => s.ref === name);
        expect(entry?.comment, name).to.match(/named at r\.txt:\d+/);
      }
      expect(schemaIssues('campaign', parsed)).to.deep.equal([]);
    });
  });

  // The shape of ESET WeLiveSecurity's "Sponsor with batch-filed whiskers: Ballistic Bobcat's scan and strike backdoor"
  // (2023), re-told in our own words: a report about a group ATT&CK does not name, its ATT&CK table naming another
  // (G1030 Agrius) once, as an earlier user of a tool, far from the title.
  describe('a group named only as an example or a comparison', () => {
    const skeletonOf = (text: string): string => renderCampaignSkeleton(extractReferences(text), { name: 'x', reportFile: 'r.txt', objects: findAttackObjects(text, loadRelease('18.1')) });
    const examplesOf = (text: string): Array<[string, number[] | undefined]> => findAttackObjects(text, loadRelease('18.1')).filter((o) => o.kind === 'group').map((o) => [o.name, o.examples]);

    // Real prose, found with find_string: ENISA Threat Landscape 2025 as text (id 60127574292), a write-up on JSP web
    // shells (id 41913942158), an essay on zero trust (id 69823196491), a malware sample's analysis (id 56030000275).
    // Before, the first group of each became actor: (named in the first lines).
    const rows: Array<[string, Array<[string, number[]]>]> = [
      [
        'The targeting of the public administration by Russia-nexus threat groups such as APT28, APT29, Turla, and GoldenJackal, is more diverse, impacting diplomatic entities, ministries, law enforcement and political parties.',
        [['APT28', [1]], ['APT29', [1]], ['Turla', [1]]],
      ],
      ['These tools have been used in the past by threat groups such as APT28 and FIN13 during cyberattack campaigns to achieve persistence and perform lateral movement.', [['APT28', [1]], ['FIN13', [1]]]],
      ['Threat actors such as APT29 (Cozy Bear), LAPSUS$, and Scattered Spider demonstrated repeatedly that initial access through phishing provides a foothold.', [['APT29', [1]], ['Scattered Spider', [1]]]],
      ['This is a significant behavioral indicator of high-tier malware/packers (e.g., Lazarus Group or APT29).', [['Lazarus Group', [1]], ['APT29', [1]]]],
      ['Its loader is similar to what APT37 has used before, and groups like Andariel use the same tricks.', [['APT37', [1]], ['Andariel', [1]]]],
    ];
    for (const [text, groups] of rows) {
      it(`${JSON.stringify(text.slice(0, 60))}… names ${groups.map(([name]) => name).join(', ')} as examples, and proposes no actor:`, () => {
        expect(examplesOf(text)).to.deep.equal(groups);
        const skeleton = skeletonOf(text);
        expect((parse(skeleton) as { actor?: string }).actor).to.equal(undefined);
        expect(skeleton).to.include(`# actor: not proposed (every group named is named only as an example or a comparison, after such as, e.g., like or similar to: ${groups.map(([name]) => name).join(', ')}); write the group`);
        expect(skeleton).to.include(`# named: group ${findAttackObjects(text, loadRelease('18.1')).find((o) => o.name === groups[0]![0])!.id} ${groups[0]![0]}, at r.txt:1 (as an example at line 1)`);
      });
    }

    it('keeps the group the report is about as actor:, the others it names as examples listed as such', () => {
      const text = [
        'Kimsuky targets South Korean think tanks',
        'Kimsuky sent spearphishing emails (T1566.001) to researchers.',
        'Its loader is similar to what APT37 has used before; tools such as Mimikatz (T1003) followed.',
      ].join('\n');
      const skeleton = skeletonOf(text);
      expect((parse(skeleton) as { actor?: string }).actor).to.equal('Kimsuky');
      expect(skeleton).to.include('# also named: group G0067 APT37, at r.txt:3 (as an example at line 3)');
    });

    it('reads a group named before such words, or after them past a clause\'s end, as named in its own right', () => {
      const text = ['APT28 used tools such as Mimikatz, like before.', 'Lazarus Group, like APT28, sent lures.', 'Tools such as Mimikatz. Turla then ran them.'].join('\n');
      expect(examplesOf(text)).to.deep.equal([['APT28', [2]], ['Lazarus Group', undefined], ['Turla', undefined]]);
    });
  });

  // Reports that name their actor only as ATT&CK's `Lazarus Group` with its last word in their own language: before, no
  // group was found. A Korean analysis of Brambul (a Jekyll post, shortened: its front matter's title and first
  // paragraphs); 4hou.com's Chinese translation of Securelist's "DTrack targeting Europe and Latin America" (2022,
  // https://www.4hou.com/posts/JXMv, as unsafe.sh mirrors it), Chinese writing every group's name before 组织 (organisation).
  const translatedGroup: Array<[language: string, text: string[], lines: number[], note: string]> = [
    [
      'Korean (`Lazarus 그룹`)',
      [
        '---',
        'title: "[악성코드] WannaCry 이전 북한 Lazarus 그룹의 웜 Brambul - 1"',
        '---',
        'WannaCry는 2017년 5월에 대유행한 북한 Lazarus 그룹의 랜섬웨어입니다.',
        'Lazarus 그룹은 WannaCry 이전에도 이와 유사한 방식으로 동작하는 웜을 배포하였었는데 이 중 하나가 Brambul 이라는 이름의 웜입니다.',
      ],
      [2, 4, 5],
      '# Named in the report (review): "Lazarus" is G0032 Lazarus Group, its "Group" written in Korean (그룹), at r.md:2',
    ],
    [
      'Chinese (`Lazarus组织`)',
      [
        '# DTrack开始针对欧洲和拉丁美洲发起攻击',
        'DTrack是Lazarus组织开发的后门，该后门最早于2019年被发现，目前仍在使用。Lazarus组织用它来攻击各种各样的目标。',
        'DTrack后门继续被Lazarus组织使用表明，Lazarus仍然将DTrack视为一项重要的攻击工具。',
      ],
      [2, 3],
      '"Lazarus" is G0032 Lazarus Group, its "Group" written in Chinese (组织), at r.md:2',
    ],
  ];
  for (const [language, lines, at, note] of translatedGroup) {
    it(`proposes the group a report names with its name's last word in ${language} as actor:, as ATT&CK writes it`, () => {
      const text = lines.join('\n');
      const found = findAttackObjects(text, loadRelease('18.1'));
      expect(found.filter((o) => o.kind === 'group').map((o) => [o.id, o.written, o.lines])).to.deep.equal([['G0032', 'Lazarus Group', at]]);
      const skeleton = renderCampaignSkeleton(extractReferences(text), { name: 'r', reportFile: 'r.md', objects: found });
      expect((parse(skeleton) as { actor?: string }).actor).to.equal('Lazarus Group');
      expect(skeleton).to.include(note);
    });
  }

  it('proposes no actor: for a group named once in passing, past the first lines, and lists it for review', () => {
    const text = [
      'Ballistic Bobcat and its Sponsor backdoor',
      '',
      'We describe a campaign of Ballistic Bobcat, an Iran-aligned group, against organisations in several countries.',
      ...Array.from({ length: 12 }, (_, i) => (i % 2 ? '' : `Ballistic Bobcat did step ${i} of its intrusions here.`)),
      'Tactic',
      'ID',
      'Name',
      'Description',
      'Discovery',
      'T1018',
      'Remote System Discovery',
      'Ballistic Bobcat runs the Host2IP tool, which Agrius used before, to map hosts of the network.',
    ].join('\n');
    const found = findAttackObjects(text, loadRelease('18.1'));
    expect(found.filter((o) => o.kind === 'group').map((o) => [o.id, o.lines])).to.deep.equal([['G1030', [23]]]);
    const skeleton = renderCampaignSkeleton(extractReferences(text), { name: 'Sponsor', reportFile: 'r.txt', objects: found });
    expect((parse(skeleton) as { actor?: string }).actor).to.equal(undefined);
    expect(skeleton).to.include('# actor: not proposed (no group is named on more than one line, nor in the first 10 lines');
    expect(skeleton).to.include('# named: group G1030 Agrius, at r.txt:23');
  });

  // The shape of Dark Reading's "Everything You Need To Know About BlackCat (AlphaV)" (Securin, 2022) as
  // GenAI-Threat-Intelligence-Research scraped it, re-told in our own words: a post about BlackCat (software to ATT&CK),
  // the site's white papers glued into one line after it, one of them on the results of the ATT&CK Evaluation of Turla.
  describe("a group named only in an ATT&CK Evaluation's name or the page's list of other posts", () => {
    const post = [
      'What to know about BlackCat',
      'BlackCat is known to exploit old Exchange flaws; patch them first.',
      'BlackCat enters with stolen credentials, maps the network and encrypts it.',
    ];
    const skeletonOf = (text: string): { actor?: string; skeleton: string } => {
      const skeleton = renderCampaignSkeleton(extractReferences(text), { name: 'x', reportFile: 'r.txt', objects: findAttackObjects(text, loadRelease('18.1')) });
      return { actor: (parse(skeleton) as { actor?: string }).actor, skeleton };
    };

    it('proposes no actor: for a group named in an evaluation\'s name, and lists it as named in passing', () => {
      const { actor, skeleton } = skeletonOf([...post, 'White PapersRead the 2023 MITRE ATT&CK Evaluation Results for Turla before Buying EDRThe Costs of IT and OT Convergence'].join('\n'));
      expect(actor).to.equal(undefined);
      expect(skeleton).to.include('# named: group G0010 Turla, at r.txt:4 (in passing at line 4)');
    });

    it('writes no software entry for software named only in a list of other posts, but a comment', () => {
      // BlackBerry's "Silent Skimmer" post (2023) scraped to text ends in `Related Reading` and other posts' titles, one of
      // them on Cuba ransomware (S0625): it was a `software:` entry of the skeleton, though the post never names it.
      const { skeleton } = skeletonOf([...post, 'The loader also pulled Cobalt Strike beacons.', '', 'Related Reading', '', 'Cuba Ransomware Deploys New Tools: Targets Including Critical Infrastructure'].join('\n'));
      const software = (parse(skeleton) as { software?: Array<{ ref: string }> }).software?.map((item) => item.ref);
      expect(software).to.deep.equal(['BlackCat', 'Cobalt Strike']);
      expect(skeleton).to.include('# software named only in passing (not proposed): S0625 Cuba, at r.txt:8 (in passing at line 8)');
    });

    it('nor for one named before "evaluation" (the Carbanak+FIN7 evaluation), nor in a list of other posts under its label', () => {
      expect(skeletonOf([...post, 'Our EDR did well in the Carbanak+FIN7 evaluation.'].join('\n')).actor).to.equal(undefined);
      // The shape of BleepingComputer's pages saved as Markdown: `### Related Articles:` and other posts' titles.
      expect(skeletonOf([...post, '', '### Related Articles:', '', 'Turla hackers hijack another group to spy on targets', '', 'New BlackCat encryptor seen'].join('\n')).actor).to.equal(undefined);
    });

    it('still proposes a group the post itself names, an evaluation named beside it', () => {
      const text = ['Turla targets embassies with a new backdoor', 'Turla sent the lure.', 'Our EDR did well in the ATT&CK Evaluations for Turla.'].join('\n');
      const found = findAttackObjects(text, loadRelease('18.1'));
      expect(found.find((o) => o.id === 'G0010')?.aside).to.deep.equal([3]);
      expect(skeletonOf(text).actor).to.equal('Turla');
    });
  });

  it('still proposes a group named once in the first lines (a title) as actor:', () => {
    const text = 'Lazarus Group turns to new targets\n\nThe actor sent spearphishing links (T1566.002).';
    const found = findAttackObjects(text, loadRelease('18.1'));
    const skeleton = renderCampaignSkeleton(extractReferences(text), { name: 'x', reportFile: 'r.txt', objects: found });
    expect((parse(skeleton) as { actor?: string }).actor).to.equal('Lazarus Group');
  });

  it('writes the group proposed as actor: as ATT&CK spells its name, saying how the report wrote it', () => {
    // The title of BetaLabs' Korean report (gameworkerkim/CYBER-THREAT-INTELLIGENCE-REPORT, CTI-2026-0526-KIMSUKY-PEBBLEDASH_KR.md
    // at 88edc49, in test/corpus): before, `actor: "KIMSUKY"`, as written; ATT&CK's G0094 is `Kimsuky`.
    const text = '# CTI-2026-0526-KIMSUKY-PEBBLEDASH: 김수키(Kimsuky / APT43)의 PebbleDash · AppleSeed 신규 툴셋 분석\n\nKIMSUKY sent spearphishing attachments (T1566.001).';
    const found = findAttackObjects(text, loadRelease('18.1'));
    const skeleton = renderCampaignSkeleton(extractReferences(text), { name: 'x', reportFile: 'r.md', objects: found });
    expect((parse(skeleton) as { actor?: string }).actor).to.equal('Kimsuky');
    expect(skeleton).to.include('# written "KIMSUKY" in the report: actor: is ATT&CK\'s spelling of G0094\'s name\nactor: "Kimsuky"');
    // Written as ATT&CK writes it, no such line.
    const same = 'Kimsuky turns to new targets\n\nKimsuky sent spearphishing attachments (T1566.001).';
    const plain = renderCampaignSkeleton(extractReferences(same), { name: 'x', reportFile: 'r.md', objects: findAttackObjects(same, loadRelease('18.1')) });
    expect(plain).to.include('actor: "Kimsuky"').and.not.include('# written "');
  });

  it('writes an alias found in another case as ATT&CK spells it, saying how the report wrote it', () => {
    // Microsoft's old names and CrowdStrike's are written in capitals: fr0gger/jupyter-collection's graph_TA/
    // threat_actor_table.md (at 637721ea) lists Gingham Typhoon as `GADOLINIUM, KRYPTONITE PANDA, TEMP.Periscope,
    // Leviathan`; ATT&CK 18.1 writes G0065's alias `Gadolinium`. Our own sentences. Before, `actor: "GADOLINIUM"`, as
    // written, and the note named the alias as ATT&CK writes it without a word of the report's spelling.
    const text = 'GADOLINIUM turns to cloud services\n\nGADOLINIUM sent spearphishing links (T1566.002).';
    const found = findAttackObjects(text, loadRelease('18.1'));
    expect(found.map((object) => [object.id, object.written, object.alias, object.note])).to.deep.equal([
      ['G0065', 'GADOLINIUM', 'Gadolinium', '"Gadolinium" is an alias of G0065 Leviathan, written "GADOLINIUM"'],
    ]);
    const skeleton = renderCampaignSkeleton(extractReferences(text), { name: 'x', reportFile: 'r.md', objects: found });
    expect(skeleton).to.include('# written "GADOLINIUM" in the report: actor: is ATT&CK\'s spelling of G0065\'s alias\nactor: "Gadolinium"');
    // `TEMP.PERISCOPE` and `temp.periscope` (a seed list of group names in lower case) are ATT&CK's `TEMP.Periscope`;
    // written as ATT&CK writes it, the alias is the actor as before, with no such line.
    for (const [written, line] of [['TEMP.PERISCOPE', true], ['temp.periscope', true], ['TEMP.Periscope', false]] as const) {
      const each = `${written} targets maritime firms\n\n${written} sent spearphishing attachments (T1566.001).`;
      const rendered = renderCampaignSkeleton(extractReferences(each), { name: 'x', reportFile: 'r.md', objects: findAttackObjects(each, loadRelease('18.1')) });
      expect((parse(rendered) as { actor?: string }).actor, written).to.equal('TEMP.Periscope');
      expect(rendered.includes(`# written "${written}" in the report: actor: is ATT&CK's spelling of G0065's alias`), written).to.equal(line);
    }
  });

  describe('finds a name of capitals then digits with its letters and digits apart or hyphenated, in its capitals only', () => {
    const rows: ReadonlyArray<readonly [text: string, ids: string[]]> = [
      // The title of CYFIRMA's "The Origins of APT 41 and ShadowPad Lineage" (its text writes APT41 further on).
      ['The Origins of APT 41 and ShadowPad Lineage', ['G0096', 'S0596']],
      // Our own sentence, in the ways text writes such names; TG-3390 is written with its hyphen by ATT&CK.
      ['APT-29, TA 505, FIN 7, DEV 0537 and TG 3390 were seen; so was TG3390.', ['G0016', 'G0092', 'G0046', 'G1004', 'G0027']],
      // Not in other case: Lean's `Fin 7` (a type of seven elements) and tantalum's `Ta 505mw` in a physics script are no
      // groups; nor a name of three characters (S0613 PS1), nor a number that goes on as a count or a version.
      ['radii : Fin 7 → ℝ, and Plastic Ta 505 mw.', []],
      ['See PS 1, then APT 1 of 3 and FIN-7.5.', []],
      // A Title Case word before a tracking number of four digits: a feed mirror's Markdown copy of Microsoft's
      // "Storm-0501's evolving techniques lead to cloud-based ransomware" (microsoft.com/en-us/security/blog/2025/08/27/
      // storm-0501s-evolving-techniques-lead-to-cloud-based-ransomware/) tags it `Storm 0501`; IBM X-Force writes TA505's
      // Hive0065 (our own sentence for the other forms).
      ['- Storm 0501', ['G1053']],
      ['Storm 1811 abused Quick Assist; Hive 0065 and Storm1789 were seen too.', ['G1046', 'S1209', 'G0092', 'G1036']],
      // Not with a short number, which prose writes as a count (`Group 5` of ATT&CK's `Group5`, `Team 9` of `Team9`), nor
      // in lower case, nor a year after a word that is no tracking name.
      ['Group 5 met Team 9 after the storm 1811 and the Storm 2019.', []],
    ];
    for (const [text, ids] of rows) {
      it(`${JSON.stringify(text)} -> ${ids.join(', ') || 'none'}`, () => {
        expect(findAttackObjects(text, loadRelease('18.1')).map((o) => o.id)).to.deep.equal(ids);
      });
    }

    it('says how the name was written', () => {
      const [apt41, tg3390] = findAttackObjects('APT 41 and TG 3390', loadRelease('18.1'));
      expect(apt41!.note).to.equal('"APT 41" is G0096 APT41, its letters and digits written apart');
      expect(tg3390!.note).to.equal('"TG 3390" is an alias of G0027 Threat Group-3390 ("TG-3390"), its letters and digits written apart');
    });

    it('reads a name PDF-to-text broke after its hyphen at a line\'s end (Storm-⏎0501) only where the join is a name ATT&CK writes', () => {
      // PDF-to-text of Microsoft's Storm-0501 post wraps `Storm-0501` after its hyphen (our own lines in its shape). Not
      // joined: a year after the break (`Storm-`⏎`2021`), a name ATT&CK writes without the hyphen (`APT28`), a word glued
      // to the number (`0501st`).
      const found = findAttackObjects('Microsoft attributes this activity to Storm-\n0501, a financially motivated group.', loadRelease('18.1'));
      expect(found.map((o) => [o.id, o.written, o.span.line, o.note])).to.deep.equal([
        ['G1053', 'Storm-0501', 1, '"Storm-0501" is G1053 Storm-0501, written across a line break after its hyphen'],
      ]);
      expect(findAttackObjects('We saw Storm-\n2021 campaigns, then APT-\n28 and Storm-\n0501st.', loadRelease('18.1')).map((o) => o.id)).to.deep.equal([]);
    });

    it('says how a tracking name was written (Storm 0501 of Storm-0501)', () => {
      const [storm] = findAttackObjects('Tags: Storm 0501', loadRelease('18.1'));
      expect(storm!.note).to.equal('"Storm 0501" is G1053 Storm-0501, its letters and digits written apart');
    });
  });

  it(`finds APT32 (G0050) in the APT32 seed report (${APT32})`, () => {
    const found = findAttackObjects(readFileSync(seedFile(APT32), 'utf8'), loadRelease('18.1'));
    expect(found.filter((o) => o.kind === 'group').map((o) => o.id)).to.deep.equal(['G0050']);
  });

  describe('keeps common words from matching prose', () => {
    const rows: ReadonlyArray<readonly [text: string, ids: string[]]> = [
      // Software named like English words: written in prose, they are words.
      ['The attack ran at night and the route was silent; we will ping you.', []],
      ['Silence is golden, and the Empire struck back in the Royal Navy.', []],
      ['Play the video. Expand the table.', []],
      // A library named like software (S0086 ZLib): the library in prose, in English or French, is none.
      ['The zlib-compressed payload was built with the zlib library; le module compresse avec zlib.', []],
      // Windows' multimedia library (S0059 WinMM is Naikon's backdoor), as a DLL side-loading catalogue writes it (wietze/
      // HijackLibs, winmm.yml: Zoom.exe imports timeGetTime from it; reworded) and as a disassembly lists a program's imports.
      ['The signed program imports timeGetTime from winmm.dll; the listing reads Imports from WINMM.dll.', []],
      // Written as ATT&CK writes the software's name, right before a file's extension, it is still the library's file
      // (our own sentence in the way side-loading write-ups name the DLL planted beside a signed program).
      ['The signed updater side-loads a malicious WinMM.dll dropped into its own folder.', []],
      // An alias ATT&CK writes with its extension is the software in any case (S0039 Net's net.exe, S0106 cmd's cmd.exe).
      ['The actor ran Net.exe and cmd.exe from a WinMM.dll loader.', ['S0039', 'S0106']],
      // The HTTP client class of .NET (S0068 httpclient is Putter Panda's tool), as Microsoft's "Dapr for .NET Developers"
      // writes it (dotnet/docs, service-invocation.md, CC-BY-4.0).
      ['HttpClient is a well-known class that many developers already use in their code.', []],
      // The path of Google's search page (S0023 CHOPSTICK's alias webhp, from FireEye's APT28 report), as a page's links
      // write it (reconstructed).
      ['Its links go to https://www.google.com/webhp?hl=en and https://www.google.com/imghp?hl=en.', []],
      // Written as ATT&CK writes them and next to a word that says what they are, they are names.
      ['The Silence group sent emails; Royal ransomware encrypted the files.', ['G0091', 'S1073']],
      ['They used the Empire framework and mimikatz.', ['S0363', 'S0002']],
      ['The ZLib backdoor beaconed; ZLib (S0086) again.', ['S0086']],
      // Whole words only: a name inside a longer word is none.
      ['TurlaX and preAPT32 are no names; xMimikatz neither.', []],
      // Japanese text around a name is no obstacle.
      ['攻撃者はAIRBREAKマルウェアとMimikatzを使用しました。', ['S0229', 'S0002']],
      // A group's name whose last word (`Group`, `Team`) Korean or Japanese text writes in its own words: Korean news of
      // ESRC's report (lawissue.co.kr, 2020-06-23, `‘라자루스(Lazarus)’ 그룹의 소행으로 조사되었다`), a Korean post on Lazarus's
      // history (revelare.kr/blog/lazarus-10, `Lazarus 그룹 은 현재 …`), the bracket of the name in Hangul written after it
      // instead, and Japanese (our own words).
      ['특정 정부가 배후로 지목된 일명 ‘라자루스(Lazarus)’ 그룹의 소행으로 조사되었다.', ['G0032']],
      ['2014년 소니 픽처스 해킹 사건으로 전 세계의 주목을 받기 시작한 Lazarus 그룹 은 현재 가장 위험하고', ['G0032']],
      ['Lazarus(라자루스) 그룹이 사용한 악성코드', ['G0032']],
      ['Lazarusグループの攻撃とSandworm 팀', ['G0032', 'G0034']],
      // Chinese writes every group's name before 组织 (organisation), whether ATT&CK's ends in `Group`, in `Team`
      // (`Sandworm组织`, anquanke.com's translation of CERT-UA's article 6278706, 2024) or in neither (`APT28组织`, read as
      // it always was); or before 团伙 (gang: `Lazarus團伙`, in traditional characters, an article on Kaspersky's report of
      // Lazarus's COVID-19 vaccine attacks, theprogrammingfactory.com/article/3000127141), 集团 (`Lazarus集团`,
      // chaintt.cn/19298.html on the Bybit theft, 2025), or `APT组织` (`俄罗斯Sandworm APT组织的初始访问子组`, BaizeSec's weekly
      // threat brief No. 212, 2025-02-22, of Microsoft's BadPilot report); after a closing quote (`“Lazarus”组织袭击了`,
      // globaltechmap.com/document/view?id=8189, a brief of CNN's report, 2017) or a bracket of its Chinese name (ours).
      ['乌克兰CERT-UA政府计算机应急响应小组披露了Sandworm组织的恶意计划', ['G0034']],
      ['我们可以确认他们都与Lazarus團伙有联系', ['G0032']],
      ['让臭名昭著的Lazarus集团再次成为焦点', ['G0032']],
      ['俄罗斯Sandworm APT组织的初始访问子组', ['G0034']],
      ['已有证据表明“Lazarus”组织袭击了台湾', ['G0032']],
      ['Lazarus（拉撒路）组织与APT28组织', ['G0032', 'G0007']],
      // Not a name of three characters or fewer (`UPS`, APT3's alias `UPS Team`: a power supply's team), nor `组` alone
      // (`Lazarus组相关域`).
      ['UPS小组负责供电; Lazarus组相关域', []],
      // A Chinese or Korean name ATT&CK does not write is read by the glossary (cjk-group-names.ts), beside a word for a
      // group only: a Chinese translation of Kaspersky's ThreatNeedle report's `拉撒路（Lazarus）`, as `拉撒路组织` (ours);
      // Qi-Anxin's report of 2025-07-11, `摩诃草，又名 Patchwork、白象` with `白象组织BADNEWS新型样本分析` (the title of its
      // group page's latest report); 360's `双尾蝎组织（APT-C-23）`; a xz.aliyun.com title, `APT组织“蔓灵花“RPC”后门武器样本逆向分析`;
      // inews24's `라자루스 조직이`; Tencent's `响尾蛇（SideWinder）APT组织`; `“海蓮花”組織` in traditional characters (ours).
      ['拉撒路组织', ['G0032']],
      ['《白象组织BADNEWS新型样本分析》与摩诃草组织', ['G0040', 'S0128']],
      ['双尾蝎组织（APT-C-23）', ['G1028']],
      ['APT组织“蔓灵花“RPC”后门武器样本逆向分析', ['G1002']],
      ['라자루스 조직이 암호화폐 사용자를 대상으로', ['G0032']],
      ['响尾蛇APT组织针对南亚的攻击活动披露', ['G0121']],
      ['中國機構首次曝光境外駭客“海蓮花”組織', ['G0050']],
      // 360's report of 2025-06-09 on APT-C-56 (mp.weixin.qq.com, 360威胁情报中心): `APT-C-56（透明部落）（即Transparent
      // Tribe），又称APT36` and, later, `本次透明部落组织投递的载荷为…`, `符合透明部落组织以往的TTP`.
      ['本次透明部落组织投递的载荷为一个名为“Protected_Document.zip”的压缩包文件', ['G0134']],
      ['我们认为此类攻击活动符合透明部落组织以往的TTP', ['G0134']],
      // A name in Latin letters in brackets between the Chinese name and the word for a group (Tencent's `响尾蛇（SideWinder）
      // APT组织`, s.tencent.com/research/report/659.html; 360's codes in brackets, as its `双尾蝎组织（APT-C-23）`, here
      // between, ours): the glossary reads the Chinese name through it, the bracket's name where ATT&CK writes it agreeing;
      // where the bracket names another group, that group alone.
      ['响尾蛇（SideWinder）APT组织针对南亚的攻击活动披露', ['G0121']],
      ['蔓灵花（APT-C-08）组织', ['G1002']],
      ['白象（APT28）组织', ['G0007']],
      // Alone, such a name is a word, or names nothing: 白象 (a white elephant), 响尾蛇 (a rattlesnake, the AIM-9 missile,
      // `AIM-9M 响尾蛇（红外格斗弹）` in a flight simulator's data), 라자루스 alone.
      ['白象是一个成语。AIM-9M 响尾蛇（红外格斗弹）。라자루스는', []],
      // Korean 조직 (organisation), `APT조직` and `해킹조직` are read as Chinese 组织: ESRC's title `라자루스 APT조직, 텔레그램
      // 메신저로 진실겜.xls 악성파일 공격` (quoted by hkmd.kr, 2020), its `APT 캠페인 Konni & Kimsuky 조직의 공통점 발견`
      // (estsecurity.com notice 434, 2019-06-20), and the same with ATT&CK's Latin name (ours); not 조직적 (organised).
      ['Lazarus APT조직, 텔레그램 메신저로 진실겜.xls 악성파일 공격', ['G0032']],
      ['Lazarus 조직은 cobalt 그룹과 Cobalt 그룹', ['G0032', 'G0080']],
      ["'Lazarus' 해킹조직의 소행", ['G0032']],
      ['Lazarus 조직적 공격', []],
      // Not without that word: `Lazarus` alone (`해킹 조직 '라자루스(Lazarus)’가`, Korean news of ESRC, hkmd.kr), with the
      // word before it, is no name ATT&CK writes; nor is a common word in another case (`cobalt 그룹`, of Cobalt Group),
      // nor a name before the English word other than as ATT&CK writes it.
      ["해킹 조직 '라자루스(Lazarus)’가 다시금 APT공격에 나선 징후", []],
      ['Lazarus used it.', []],
      // A file's extension is no name (S0613 PS1, from mitre/caldera's evals notes); the file's own name can be one.
      ['It ran Get-SystemProcessInformation.ps1 and mimikatz.exe, then PS1 itself.', ['S0002', 'S0613']],
      // Nor is a short name inside an identifier (YARA rules' names in The DFIR Report's list); a longer one names what
      // the rule is about, and a name written with its underscores is one.
      ['rule SUSP_PS1_JAB_Pattern_Jun22_1 matched; the More_eggs backdoor ran.', ['S0284']],
      ['Windows_Trojan_Bumblebee_35f50bea', ['S1039']],
      // Impacket's example scripts are Impacket (S0357), not the tools some are named after; the tools' own files stay
      // theirs. Unit 42's "BlackCat Climbs the Summit With a New Tactic" (2023) lists the Python scripts in the Munchkin
      // VM's /usr/bin, one a line (reconstructed, shortened); Kali packages them as impacket-<script>.
      ['GetUserSPNs.py\nmimikatz.py\npsexec.py\nsecretsdump.py\nwmiexec.py', ['S0357']],
      ['They ran mimikatz.exe and PsExec.exe, then secretsdump.py and smbexec.py.', ['S0002', 'S0029', 'S0357']],
      ['Then impacket-psexec ran.', ['S0357']],
      // Another Python file named like a tool is still that tool's name; a script Impacket does not ship is no Impacket.
      ['The loader.py script and ping.py ran Mimikatz.', ['S0002']],
    ];
    for (const [text, ids] of rows) {
      it(`${JSON.stringify(text)} -> ${ids.join(', ') || 'none'}`, () => {
        expect(findAttackObjects(text, loadRelease('18.1')).map((o) => o.id)).to.deep.equal(ids);
      });
    }

    it('says a group found before Korean 조직 was read with its "Group" written in Korean (조직)', () => {
      // ESRC's "APT 캠페인 Konni & Kimsuky 조직의 공통점 발견" (estsecurity.com notice 434), with Lazarus for Kimsuky (ours).
      const found = findAttackObjects('APT 캠페인 Konni & Lazarus 조직의 공통점 발견', loadRelease('18.1'));
      expect(found.map((o) => [o.id, o.written, o.note])).to.deep.equal([
        ['S0356', 'Konni', 'S0356 KONNI'],
        ['G0032', 'Lazarus Group', '"Lazarus" is G0032 Lazarus Group, its "Group" written in Korean (조직)'],
      ]);
    });

    it('says a group read by the glossary of Chinese and Korean names, and writes the name ATT&CK writes for it', () => {
      const found = findAttackObjects('近日，奇安信捕获到海莲花组织的攻击样本。', loadRelease('18.1'));
      expect(found.map((o) => [o.id, o.written, o.note, o.span])).to.deep.equal([
        ['G0050', 'OceanLotus', '"海莲花" is G0050 APT32 ("OceanLotus"), a Chinese name ATT&CK does not write, read by extract\'s glossary of Chinese and Korean group names', { line: 1, start: 9, end: 12 }],
      ]);
      // With the writer's English name in brackets between (`海莲花(OceanLotus)组织`), the two are read as one mention, said.
      const bracketed = findAttackObjects('海莲花(OceanLotus)组织和响尾蛇（SideWinder）APT组织', loadRelease('18.1'));
      expect(bracketed.map((o) => [o.id, o.written, o.note, o.span])).to.deep.equal([
        ['G0050', 'OceanLotus', '"海莲花" is G0050 APT32 ("OceanLotus"), a Chinese name ATT&CK does not write, read by extract\'s glossary of Chinese and Korean group names, as the name in its brackets, "OceanLotus", says', { line: 1, start: 0, end: 3 }],
        ['G0121', 'Sidewinder', '"响尾蛇" is G0121 Sidewinder, a Chinese name ATT&CK does not write, read by extract\'s glossary of Chinese and Korean group names, as the name in its brackets, "SideWinder", says', { line: 1, start: 18, end: 21 }],
      ]);
      // A release without the group reads nothing (BITTER is in ATT&CK from 12.1).
      expect(findAttackObjects('蔓灵花组织', loadRelease('10.1')).map((o) => o.id)).to.deep.equal([]);
    });

    it('notes a quoted Chinese or Korean name before a word for a group that nothing leads to (360\'s “猪肝菜”组织)', () => {
      // 猪肝菜 is 360's name for APT-C-09, which ATT&CK has no group for (a Chinese alias table: `"alias_name": "猪肝菜",
      // "mitre_id": None, "naming_org": "360"`); 毒云藤 (APT-C-01) and 肚脑虫 (Donot, APT-C-35), which ATT&CK 18.1 does not
      // hold either, are said by who they are (`CJK_GROUP_NAMES_NOT_IN_ATTACK`); 透明部落 (Transparent Tribe, G0134) the
      // glossary reads.
      const lines = foldLines('今年360安全团队曝光的“毒云藤”组织对我国进行了长期的网络间谍活动。\n“海莲花”组织与“猪肝菜”组织\n“肚脑虫”组织与“透明部落”组织');
      expect(unknownGroupNames(lines, loadRelease('18.1'))).to.deep.equal([
        'line 1: "毒云藤" is the group known as APT-C-01 or GreenSpot, which ATT&CK 18.1 holds no group for (by that name, an alias or its code): write the actor by hand',
        'line 2: "猪肝菜" names a group (“猪肝菜”组织) that neither ATT&CK 18.1 nor extract\'s glossary of Chinese and Korean group names leads to: write its ATT&CK group by hand, if it has one',
        'line 3: "肚脑虫" is the group known as Donot Team or Donot or APT-C-35, which ATT&CK 18.1 holds no group for (by that name, an alias or its code): write the actor by hand',
      ]);
    });

    it('finds software named like a library where written as ATT&CK writes it (WinMM, as ATT&CK describes S0059), not the library (winmm.dll)', () => {
      const text = ['The loader imports timeGetTime from winmm.dll.', 'WinMM is a full-featured, simple backdoor used by Naikon.', "Impacket's secretsdump dumped the hashes."].join('\n');
      const found = findAttackObjects(text, loadRelease('18.1'));
      const winmm = found.find((o) => o.id === 'S0059');
      expect([winmm?.written, winmm?.lines]).to.deep.equal(['WinMM', [2]]);
      // A library that is the software itself (S0357 Impacket) stays found, in any case.
      expect(found.find((o) => o.id === 'S0357')?.written).to.equal('Impacket');
    });

    it("writes Impacket by its name where the report names only its scripts (a campaign's software: ref), the note naming the script", () => {
      const found = findAttackObjects('Scripts in /usr/bin:\ndcomexec.py\natexec.py', loadRelease('18.1'));
      expect(found.map((o) => [o.id, o.written, o.note, o.lines])).to.deep.equal([['S0357', 'Impacket', '"dcomexec.py" is a script of S0357 Impacket', [2, 3]]]);
    });
  });

  describe("reads no ATT&CK campaign in capa's MBC table, whose micro-behaviors have IDs of the campaigns' form", () => {
    // capa's default output, as a TryHackMe capa walkthrough pastes it (`capa mal\4`, trimmed; the table's shape is
    // mandiant/capa's capa/render/default.py, render_attack and render_mbc): our own minimal fixture in that shape.
    const capa = [
      String.raw`C:\Users\Administrator\Desktop>capa mal\4`,
      '+------------------------+------------------------------------------------------------------------------------+',
      '| ATT&CK Tactic          | ATT&CK Technique                                                                   |',
      '|------------------------+------------------------------------------------------------------------------------|',
      '| COLLECTION             | Input Capture::Keylogging [T1056.001]                                              |',
      '| EXECUTION              | Shared Modules [T1129]                                                             |',
      '+------------------------+------------------------------------------------------------------------------------+',
      '',
      '+-----------------------------+-------------------------------------------------------------------------------+',
      '| MBC Objective               | MBC Behavior                                                                  |',
      '|-----------------------------+-------------------------------------------------------------------------------|',
      '| ANTI-BEHAVIORAL ANALYSIS    | Debugger Detection::Software Breakpoints [B0001.025]                          |',
      '| COMMUNICATION               | HTTP Communication::Read Header [C0002.014]                                   |',
      '| FILE SYSTEM                 | Create Directory [C0046]                                                      |',
      '|                             | Delete File [C0047]                                                           |',
      '| PROCESS                     | Create Mutex [C0042]                                                          |',
      '+-----------------------------+-------------------------------------------------------------------------------+',
    ].join('\n');

    it('finds none of C0002 Night Dragon, C0046 ArcaneDoor, C0047 or C0042 Outer Space in the MBC table, while the ATT&CK table keeps its techniques', () => {
      expect(findAttackObjects(capa, loadRelease('18.1')).map((o) => o.id)).to.deep.equal([]);
      expect(extractReferences(capa).map((r) => r.ids.join(' '))).to.deep.equal(['T1056.001', 'T1129']);
    });

    it('reads an MBC block under a Markdown heading naming MBC, and an ID with a method number anywhere, as no campaign', () => {
      const notes = ['### MBC mapping', '```', 'FILE SYSTEM: Create/Delete/Read/Write File [C0046/C0047/C0051/C0052]', '```', '', 'Encrypt Data::RC4 [C0027.009] in the loader.'].join('\n');
      expect(findAttackObjects(notes, loadRelease('18.1')).map((o) => o.id)).to.deep.equal([]);
    });

    it("reads a rule's block of capa -vv output, its behaviors keyed `mbc`, as MBC's (HTTP Communication [C0002] is no Night Dragon)", () => {
      // `capa -vv` as a capa walkthrough pastes it: one block per rule, its behaviors on a line keyed `mbc`.
      const verbose = [
        'reference HTTP User-Agent string',
        'namespace   communication/http',
        'scope       function',
        'mbc         Communication::HTTP Communication [C0002]',
        'function @ 0x401080',
        '',
        'Night Dragon (C0002) is an ATT&CK campaign.',
      ].join('\n');
      expect(findAttackObjects(verbose, loadRelease('18.1')).map((o) => [o.id, o.span.line])).to.deep.equal([['C0002', 7]]);
    });

    it('still finds a campaign a report names by its ID outside an MBC block (C0024 SolarWinds Compromise)', () => {
      const text = ['capa mapped the loader to MBC behaviors.', '', 'The intrusion matches C0024 (SolarWinds Compromise) and C0046.'].join('\n');
      expect(findAttackObjects(text, loadRelease('18.1')).map((o) => o.id)).to.deep.equal(['C0024', 'C0046']);
    });
  });
});
