import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import {
  ADVERTISEMENT_NOTE,
  ADVICE_NOTE,
  ATTACK_STAGE_NOTE,
  AUTHOR_BIO_NOTE,
  BANNER_NOTE,
  BREADCRUMB_NOTE,
  BYLINE_NOTE,
  COLUMN_NAMES_NOTE,
  COMMENTS_NOTE,
  CONTENTS_NOTE,
  DATE_NOTE,
  DETECTION_NAMES_NOTE,
  DETECTION_VERDICT_NOTE,
  encodeSuggestModel,
  FIGURE_LABEL_NOTE,
  htmlText,
  INDICATOR_ROW_NOTE,
  INDICATOR_ROW_TEXT_NOTE,
  isHtmlPage,
  documentLanguage,
  isMarkupLine,
  LINKS_NOTE,
  loadAttackFile,
  loadSuggestModel,
  MARKUP_NOTE,
  MENU_NOTE,
  METADATA_NOTE,
  PAGE_FURNITURE_NOTE,
  PLACE_NOTE,
  PULL_QUOTE_NOTE,
  RELATED_POSTS_NOTE,
  REPEATED_TITLE_NOTE,
  REPORT_STRUCTURE_NOTE,
  RULE_SYNTAX_NOTE,
  QUERY_NOTE,
  RUNNING_HEADER_NOTE,
  SALUTATION_NOTE,
  splitPassages,
  SUGGEST_MODEL_FORMAT,
  suggestModelPath,
  suggestPassageText,
  suggestTechniques,
  TABLE_HEADER_NOTE,
  TAG_LIST_NOTE,
  TEMPLATE_NOTE,
  TOOL_NAMES_NOTE,
  FRONT_MATTER_NOTE,
  GLUED_MENU_NOTE,
  IMAGE_CAPTION_NOTE,
  VENDOR_NOTE,
  SuggestModel,
} from '../../lib/index.js';
import { fixtureFile, freshTmpDir, loadRelease, readRawBundle, repoRoot, runCli, stixDir, stixFile, testCacheDir } from '../helpers/attack.js';
import { readDoc } from '../helpers/docs.js';
import { indexArray } from '../../lib/suggest/suggest-model-data.js';

// A chart's caption in capitals wrapped in a narrow column, as pdftotext writes the Dragos 2022 review's `FIGURE 13: IN
// 2022 , EXTERNAL` / `CONNEC TIONS TO OT` / `DROPPED SIGNIFICANTLY` / `FROM 70% TO 53%.` (a space inside its words too).
const WRAPPED_CAPTION = ['FIGURE 6: IN 2023 , REMOTE', 'CONNEC TIONS TO OT', 'DROPPED SHARPLY', 'FROM 64% TO 41%.'];

// The Dragos 2022 review's ransomware kill chain as pdftotext writes it (code index file id 53961877000): a wrapped
// item's first line is a block of its own, a blank line after it; beside the items stand the figure's labels and a
// page number.
const KILL_CHAIN = [
  '•  Reuse Valid Accounts and Stolen',
  '',
  'Domain Accounts',
  '',
  '•  Exploit Public-Facing Application',
  '',
  '•  Phishing: Spearphishing Link &',
  '',
  'Attachment',
  '',
  '•  Encrypted Channel: Asymmetric',
  '',
  'Cryptography',
  '',
  '•  Disable or Modify Tools',
  '',
  'Recon',
  '',
  '•  Unsecured Credentials:',
  '',
  'Credentials in Files',
  '',
  '•  Exploitation of Remote Services',
  '',
  '35',
].join('\n');

describe('splitPassages', () => {
  const rows: [text: string, passages: [number, string][]][] = [
    ['The actor sent emails. It then ran PowerShell!', [[1, 'The actor sent emails.'], [1, 'It then ran PowerShell!']]],
    ['Tools, e.g. Mimikatz, were used. Done.', [[1, 'Tools, e.g. Mimikatz, were used.'], [1, 'Done.']]],
    ['A sentence wrapped\nby pdftotext ends here.\n\nNext one.', [[1, 'A sentence wrapped by pdftotext ends here.'], [4, 'Next one.']]],
    ['Heading\n- first item\n- second item', [[1, 'Heading'], [2, '- first item'], [3, '- second item']]],
    // pdftotext keeps the hyphens of justified text: a broken word is made whole, a compound keeps its hyphen.
    [
      'The actors sent spear-\nphishing emails with malicious attach-\nments. They ex-\nfiltrated data over a command-\nand-control channel to a third-\nparty site.',
      [
        [1, 'The actors sent spear-phishing emails with malicious attachments.'],
        [3, 'They exfiltrated data over a command-and-control channel to a third-party site.'],
      ],
    ],
    ['Not a broken word: a dash -\nor a T1059-\nID, or a Capital-\nLetter.', [[1, 'Not a broken word: a dash - or a T1059- ID, or a Capital- Letter.']]],
    // Soft hyphens (U+00AD), as some PDFs give their hyphenation: taken out, and a word broken at a line's end joined.
    ['The actors sent spear\u00ADphishing emails with attach\u00AD\nments and took screen\u00ADshots.', [[1, 'The actors sent spearphishing emails with attachments and took screenshots.']]],
    // A scraped page: menus, bylines and headings stand alone, not glued to the first sentence after them.
    [
      'Home | Blog | Threat Research\nBy John Smith — March 3, 2025\nExecutive Summary\nIn February 2025, the actor abused Microsoft Teams to deliver a loader to the victims it had picked.\nThe victims were asked to install a remote management tool.',
      [
        [1, 'Home | Blog | Threat Research'],
        [2, 'By John Smith — March 3, 2025'],
        [3, 'Executive Summary'],
        [4, 'In February 2025, the actor abused Microsoft Teams to deliver a loader to the victims it had picked.'],
        [5, 'The victims were asked to install a remote management tool.'],
      ],
    ],
    ['攻撃者はメールを送信した。次に実行した。', [[1, '攻撃者はメールを送信した。'], [1, '次に実行した。']]],
    // Scraping glues two sentences, no space between (Kaspersky's AZORult press release: `…has died down.AZORult is one
    // of…`, read as one passage): two passages. A namespace, an address, a path and an abbreviation are no such end.
    [
      'The actor sent the loader by email.The loader ran PowerShell.\nIt used System.Net.WebClient to fetch it.Stage two came from Microsoft.Exchange servers, e.g.The mail store, etc.The end.',
      [
        [1, 'The actor sent the loader by email.'],
        [1, 'The loader ran PowerShell.'],
        [2, 'It used System.Net.WebClient to fetch it.'],
        [2, 'Stage two came from Microsoft.Exchange servers, e.g.The mail store, etc.The end.'],
      ],
    ],
    // Scraping glues a heading to its section's first sentence (a reconstruction of F-Secure's News from the Lab post on
    // CloudDuke, as a threat-report corpus keeps it: `…SeaDuke malwareLast week, both Symantec…`, read with the heading):
    // the heading is a passage of its own. A name in camel case (`OneDriveThe`, `GetLastError`) is no such joint.
    [
      'Some of the campaigns resemble those of a year ago.A new set of tools for the cloud storage serviceLast week, other vendors published research on the loader. It reads the OneDriveThe Updater key and calls GetLastError when it fails.',
      [
        [1, 'Some of the campaigns resemble those of a year ago.'],
        [1, 'A new set of tools for the cloud storage service'],
        [1, 'Last week, other vendors published research on the loader.'],
        [1, 'It reads the OneDriveThe Updater key and calls GetLastError when it fails.'],
      ],
    ],
    // A page scraped into one line glues a heading in title case to its section's first sentence (a reconstruction in our
    // words of Mandiant's ALPHV post of April 2023 as GenAI-Threat-Intelligence-Research keeps it: `…in the victim network.
    // Defense EvasionDuring operations, UNC4466 takes steps…`, `Ingress Tool TransferUNC4466 made heavy use of…`, `Attack
    // PhasesInitial Compromise and Establish FootholdIn late 2022, …`, `TimelineIn March 2021, …`): the heading is a passage
    // of its own; two glued headings, the second an attack's stages, are two. Names in camel case at a sentence's start
    // (`LinkedIn`, `RunOnce`, `ClickOnce`, `PowerShell`) and a name glued to a name are no such joint.
    [
      'The loader ran from the temporary folder. Defense EvasionDuring the intrusion, the actor cleared the event logs. Ingress Tool TransferUNC0000 used BITS to download its tools. Attack PhasesInitial AccessIn late 2024, the actor exploited the VPN. LinkedIn profiles of the staff were collected. RunOnce keys were set. ClickOnce deployment was abused. Microsoft PowerShell was used. OutlookExample recommends patching. TimelineIn March 2024, the vendor patched it.',
      [
        [1, 'The loader ran from the temporary folder.'],
        [1, 'Defense Evasion'],
        [1, 'During the intrusion, the actor cleared the event logs.'],
        [1, 'Ingress Tool Transfer'],
        [1, 'UNC0000 used BITS to download its tools.'],
        [1, 'Attack Phases'],
        [1, 'Initial Access'],
        [1, 'In late 2024, the actor exploited the VPN.'],
        [1, 'LinkedIn profiles of the staff were collected.'],
        [1, 'RunOnce keys were set.'],
        [1, 'ClickOnce deployment was abused.'],
        [1, 'Microsoft PowerShell was used.'],
        [1, 'OutlookExample recommends patching.'],
        [1, 'Timeline'],
        [1, 'In March 2024, the vendor patched it.'],
      ],
    ],
    // The same scrape glues such a heading inside a sentence's piece: after a full stop glued to a name in capitals
    // (`…LIGOLO and REVSOCKS.Escalate PrivilegesThe threat actor utilized…`) and after a command line (`…-ErrorAction
    // SilentlyContinueCommand and ControlUNC4466 made use of BITS…`); a reconstruction in our words. After a letter in
    // lower case only an attack's stages are cut: a name in camel case before a heading-shaped run is not
    // (`PowerShell PayloadThe`).
    [
      'Two tools were deployed, LIGOLO and REVSOCKS.Escalate PrivilegesThe actor dumped credentials. It ran Set-MpPreference -ErrorAction SilentlyContinueCommand and ControlUNC0000 used BITS to download tools. It wrote the Decoded PowerShell PayloadThe loader ran it.',
      [
        [1, 'Two tools were deployed, LIGOLO and REVSOCKS.'],
        [1, 'Escalate Privileges'],
        [1, 'The actor dumped credentials.'],
        [1, 'It ran Set-MpPreference -ErrorAction SilentlyContinue'],
        [1, 'Command and Control'],
        [1, 'UNC0000 used BITS to download tools.'],
        [1, 'It wrote the Decoded PowerShell PayloadThe loader ran it.'],
      ],
    ],
    // The same post as scraped glues a sentence after a capitalised name (`…found in SeaDuke.A new set of solutions…`) and
    // a list of PDB paths to the next paragraph (`…\Release\OneDrive.pdbThe first of the CloudDuke components…`); a
    // reconstruction (our words). Names and versions with a dot are no such end: `ASP.NET`, `System.Net`, `Node.js`,
    // `U.S.`, `v1.2`, `Microsoft.Office`, `.NET`, a domain.
    [
      'The loader is found in SeaDuke.A new set of tools is below: • C:\\Build\\Release\\Drop.pdb • C:\\Build\\x64\\Release\\Sync.pdbThe first tool downloads a payload.\nIt calls System.Net and ASP.NET Core from Node.js in the U.S.The v1.2 loader reads Microsoft.Office Interop from .NET code at example.com Today.',
      [
        [1, 'The loader is found in SeaDuke.'],
        [1, 'A new set of tools is below: • C:\\Build\\Release\\Drop.pdb • C:\\Build\\x64\\Release\\Sync.pdb'],
        [1, 'The first tool downloads a payload.'],
        [2, 'It calls System.Net and ASP.NET Core from Node.js in the U.S.The v1.2 loader reads Microsoft.Office Interop from .NET code at example.com Today.'],
      ],
    ],
    // Table rows are records, each a passage at its own line (an AsciiDoc IoC table of ESET's malware-ioc: its rows end
    // with no punctuation and fill the width, and were joined into one passage at the first row's line).
    [
      '[options="header"]\n|===\n|SHA-1 |Filename |Detection |Description\n|`+A1B98B1FBF69AF79E5A3F27AA6256417488CC117+` |`dtest.dll` |Win64/Agent.ECY |MDeployer loader that the operators dropped on the host\n|`+946D1EFD0073A2452CFA1F36FBC46BCC41C5853A+` |`update.bat` |BAT/KillAV.NHH |BAT script that disables a security solution\n|===\nThe loader ran.',
      [
        [3, '|SHA-1 |Filename |Detection |Description'],
        [4, '|`+A1B98B1FBF69AF79E5A3F27AA6256417488CC117+` |`dtest.dll` |Win64/Agent.ECY |MDeployer loader that the operators dropped on the host'],
        [5, '|`+946D1EFD0073A2452CFA1F36FBC46BCC41C5853A+` |`update.bat` |BAT/KillAV.NHH |BAT script that disables a security solution'],
        [7, 'The loader ran.'],
      ],
    ],
    // AsciiDoc markup lines are no passages (the shapes of ESET malware-ioc's README.adoc files); a section title, like
    // a Markdown heading, is a passage of its own even when long; a listing's paths and keys are kept.
    [
      [
        '= Implant X: Indicators of Compromise',
        ':toc:',
        ':icons: font',
        '',
        '== Network indicators of the implant and of its loader',
        'The implant beacons to its server over HTTPS every ten minutes and',
        'uploads the files that it collected from the user profile folders.',
        '[source,powershell]',
        '----',
        'C:\\ProgramData\\svc\\update.exe',
        '----',
        '====',
        'The loader is signed with a stolen code signing certificate.',
        '====',
        '## Persistence of the loader through a scheduled task it creates',
        'A scheduled task starts the loader each time that the user logs on.',
      ].join('\n'),
      [
        [1, '= Implant X: Indicators of Compromise'],
        [5, '== Network indicators of the implant and of its loader'],
        [6, 'The implant beacons to its server over HTTPS every ten minutes and uploads the files that it collected from the user profile folders.'],
        [10, 'C:\\ProgramData\\svc\\update.exe'],
        [13, 'The loader is signed with a stolen code signing certificate.'],
        [15, '## Persistence of the loader through a scheduled task it creates'],
        [16, 'A scheduled task starts the loader each time that the user logs on.'],
      ],
    ],
    // pdftotext glues a footnote mark to the full stop (a Senate report's `Equifax.339  The attackers`): where a capital
    // follows, on the line or the next with text, it ends the sentence and is left out; a mark at the text's end stays.
    [
      'The intruders used the Struts flaw to reach the dispute portal (the “Portal”).12  They then sent queries to other databases.13\nThe data left over an encrypted channel, the “secure layer.”14  It went unseen.15',
      [
        [1, 'The intruders used the Struts flaw to reach the dispute portal (the “Portal”).'],
        [1, 'They then sent queries to other databases.'],
        [2, 'The data left over an encrypted channel, the “secure layer.”'],
        [2, 'It went unseen.15'],
      ],
    ],
    // No footnote mark: a number with a point, a version, an abbreviation (`Fig.3`, `U.S.12`), a lower-case word after it.
    ['Pi is 3.14 So is v2.0 Then, as Fig.3 Shows, the U.S.12 Agency and the actor.12 then left.', [[1, 'Pi is 3.14 So is v2.0 Then, as Fig.3 Shows, the U.S.12 Agency and the actor.12 then left.']]],
    // pdftotext writes a page or column break as a blank line, also inside a sentence (a Senate report, a vendor's PDF):
    // a passage ending with a word or a comma goes on with a next line that begins with a lower-case letter.
    [
      'As discussed below, the company later determined that the intruders had first entered its network\n\n\nthrough the dispute portal, which ran an unpatched version of the framework.\n\nThe attackers then moved to other databases, stole credentials,\n\nand left over an encrypted channel.',
      [
        [1, 'As discussed below, the company later determined that the intruders had first entered its network through the dispute portal, which ran an unpatched version of the framework.'],
        [6, 'The attackers then moved to other databases, stole credentials, and left over an encrypted channel.'],
      ],
    ],
    // Not joined: a sentence's end, a colon, a capital after the blank line, a short line (a heading), code in a block.
    [
      'The loader was written in Go and sent to the victims of the campaign in March\n\nOn the host, it ran the following command line, with the rights of the user:\n\ncmd.exe /c whoami\n\nPersistence\n\nthe loader adds a Run key for itself that starts it at every logon of the user.\n```\nconst payload = decode(buffer, key), size = payload.length, name = payload\n\nconsole.log(name, size)\n```',
      [
        [1, 'The loader was written in Go and sent to the victims of the campaign in March'],
        [3, 'On the host, it ran the following command line, with the rights of the user:'],
        [5, 'cmd.exe /c whoami'],
        [7, 'Persistence'],
        [9, 'the loader adds a Run key for itself that starts it at every logon of the user.'],
        [11, 'const payload = decode(buffer, key), size = payload.length, name = payload'],
        [13, 'console.log(name, size)'],
      ],
    ],
    // A slide deck's text (a CISA briefing, PDF text extraction): a bullet or title wrapped into short lines was a
    // passage per line ("Enable you to" got User Execution: Malicious File). A short line goes on when the next begins
    // with a lower-case letter or it ends with a word no sentence ends with; not a name in a list of names (`Mgame
    // Corp` / `xlgames`), a title-case line after a whole phrase, or a record of a page's front matter.
    [
      [
        'The briefing covers a campaign against managed service providers and the customers whose networks they run.',
        '',
        'Our',
        'objective',
        'with this',
        'webinar',
        '',
        'Ensure that log',
        'information is aggregated',
        'and correlated to enable',
        'maximum detection',
        'capabilities',
        '',
        'Monitoring for',
        'DLL Search',
        'Order Hijacking',
        '',
        'Mgame Corp',
        'xlgames',
        '',
        'title: Slides',
        'url: https://example.com/slides',
      ].join('\n'),
      [
        [1, 'The briefing covers a campaign against managed service providers and the customers whose networks they run.'],
        [3, 'Our objective with this webinar'],
        [8, 'Ensure that log information is aggregated and correlated to enable maximum detection capabilities'],
        [14, 'Monitoring for DLL Search'],
        [16, 'Order Hijacking'],
        [18, 'Mgame Corp'],
        [19, 'xlgames'],
        [21, 'title: Slides'],
        [22, 'url: https://example.com/slides'],
      ],
    ],
    // A narrow column's sentence (the Dragos 2022 review's sidebar beside its text: `access remains multi-` / `factor
    // authentication` / `(MFA). It is not feasible…`) was cut before the bracket, `(MFA).` ranked alone: a short line
    // ending in lower case goes on with a line that begins with a bracket closed on it. A heading (a capital at its end)
    // does not.
    [
      [
        'Many of these remote connections were found on the engineering workstations and',
        'on the historians of the plants that the team reviewed in the last twelve months.',
        '',
        'The most effective',
        'control for remote',
        'access remains two-',
        'factor authentication',
        '(2FA). It is not feasible to implement it everywhere for every situation.',
        '',
        'Initial Access',
        '(TA0001 in the matrix) is covered below.',
      ].join('\n'),
      [
        [1, 'Many of these remote connections were found on the engineering workstations and on the historians of the plants that the team reviewed in the last twelve months.'],
        [4, 'The most effective control for remote access remains two-factor authentication (2FA).'],
        [8, 'It is not feasible to implement it everywhere for every situation.'],
        [10, 'Initial Access'],
        [11, '(TA0001 in the matrix) is covered below.'],
      ],
    ],
    // A caption wrapped in a narrow column (the Dragos 2022 review's `FIGURE 13: IN 2022 , EXTERNAL` / `CONNEC TIONS TO
    // OT` / `DROPPED SIGNIFICANTLY` / `FROM 70% TO 53%.`, whose third line alone got Ingress Tool Transfer 100; Zscaler's
    // 2024 ransomware report's `Figure 13: Map of SmokeLoader infections` / `communicating with the Operation Endgame` /
    // `sinkhole. (Source: Zscaler ThreatLabz)`, cut after `Endgame`): its lines go on to its sentence's end or a blank
    // line, as a list item's do. Short lines without a caption before them stand alone.
    [
      [
        'Remote connections into the plants were counted for each of the engagements of the last four years.',
        '',
        ...WRAPPED_CAPTION,
        '',
        'Figure 7: Map of loader infections',
        'communicating with the Operation Nightfall',
        'sinkhole. (Source: Example Labs)',
        '',
        'Key Findings',
        'Remote Access',
        'Operation Nightfall',
      ].join('\n'),
      [
        [1, 'Remote connections into the plants were counted for each of the engagements of the last four years.'],
        [3, 'FIGURE 6: IN 2023 , REMOTE CONNEC TIONS TO OT DROPPED SHARPLY FROM 64% TO 41%.'],
        [8, 'Figure 7: Map of loader infections communicating with the Operation Nightfall sinkhole.'],
        [10, '(Source: Example Labs)'],
        [12, 'Key Findings'],
        [13, 'Remote Access'],
        [14, 'Operation Nightfall'],
      ],
    ],
    // A caption in capitals whose lines are shaped as a list's items (the same review's `FIGURE 12 : IN 2022 , 50%` /
    // `OF DRAGOS SERVICES` / `ENGAGEMENTS IDENTIFIED` / `ISSUES WITH NETWORK` / `SEGMENTATION.`, cut into four passages
    // as a run of menu items is) goes on too; such a run without a caption before it stands alone line by line.
    [
      [
        'FIGURE 4 : IN 2023 , 47%',
        'OF THE SERVICES',
        'ENGAGEMENTS FOUND',
        'ISSUES WITH REMOTE',
        'ACCESS.',
        '',
        'NETWORK SECURITY',
        'REMOTE ACCESS',
        'USER MANAGEMENT',
      ].join('\n'),
      [
        [1, 'FIGURE 4 : IN 2023 , 47% OF THE SERVICES ENGAGEMENTS FOUND ISSUES WITH REMOTE ACCESS.'],
        [7, 'NETWORK SECURITY'],
        [8, 'REMOTE ACCESS'],
        [9, 'USER MANAGEMENT'],
      ],
    ],
    // The same deck's bullets, cut by a blank line after a short line (`• Ensure MSP` / (blank) / `accounts are not
    // assigned to administrator groups`): a short list item goes on over it, as a longer line does; a heading does not.
    [
      'The briefing covers a campaign against managed service providers and the customers whose networks they run.\n\n• Ensure MSP\n\naccounts are not assigned to administrator groups\n\nPersistence\n\nthe loader adds a Run key for itself.',
      [
        [1, 'The briefing covers a campaign against managed service providers and the customers whose networks they run.'],
        [3, '• Ensure MSP accounts are not assigned to administrator groups'],
        [7, 'Persistence'],
        [9, 'the loader adds a Run key for itself.'],
      ],
    ],
    // pdftotext writes a wrapped list item's first line as a block of its own, a blank line after it (the Dragos 2022
    // review's kill chain: `•  Reuse Valid Accounts and Stolen` / (blank) / `Domain Accounts`, ranked in two halves,
    // `Domain Accounts` got Account Discovery: Domain Account 100): it goes on over the blank line when the next line's
    // first word would not have fit on it in the list's column (its longest item), whatever it ends with (`&`, `:`). A
    // figure's label beside the items (`Recon`, which would have fit), a page number and the next item stand alone.
    [
      KILL_CHAIN,
      [
        [1, '• Reuse Valid Accounts and Stolen Domain Accounts'],
        [5, '• Exploit Public-Facing Application'],
        [7, '• Phishing: Spearphishing Link & Attachment'],
        [11, '• Encrypted Channel: Asymmetric Cryptography'],
        [15, '• Disable or Modify Tools'],
        [17, 'Recon'],
        [19, '• Unsecured Credentials: Credentials in Files'],
        [23, '• Exploitation of Remote Services'],
        [25, '35'],
      ],
    ],
    // pdftotext writes a paragraph right after a list, no blank line between (a minimal reconstruction of the Detection
    // Engineering & Threat Hunting (DE&TH) Guide v1.1 as text: `• C:\Users\Public - Recursive` / `A lot of threat actors
    // will end up dropping their binaries and/or files at the root of C:\ProgramData and/or` / `C:\Users\Public. So …`,
    // read as one item): a line wider than the list's column (its widest item) by more than a mark is no line of the
    // last item's. A wrapped item's line, which fits the column, goes on with its item.
    [
      [
        '• C:\\Intel - Recursive',
        '• C:\\PerfLogs - Recursive',
        '• C:\\Users\\Public - Recursive',
        'A lot of threat actors will end up dropping their binaries and/or files at the root of C:\\ProgramData and/or',
        'C:\\Users\\Public. So pick these two.',
        '',
        '• The loader copies itself to the',
        '  ProgramData folder',
        '• It adds a Run key for itself',
        '• It deletes the archive',
      ].join('\n'),
      [
        [1, '• C:\\Intel - Recursive'],
        [2, '• C:\\PerfLogs - Recursive'],
        [3, '• C:\\Users\\Public - Recursive'],
        [4, 'A lot of threat actors will end up dropping their binaries and/or files at the root of C:\\ProgramData and/or C:\\Users\\Public.'],
        [5, 'So pick these two.'],
        [7, '• The loader copies itself to the ProgramData folder'],
        [9, '• It adds a Run key for itself'],
        [10, '• It deletes the archive'],
      ],
    ],
    // The same over a blank line after a `;` (`•  Avoid always active remote connections;` / (blank) / `instead implement
    // them …`, whose second half got SSH Authorized Keys 98.5) or a number (`Level 3/Level 4` / (blank) / `protections
    // …`). In a list one item a line, an item's line is no block of its own: a short heading after the list's widest item
    // (The Hacker News's menu: `* [Advertise with us](…)` / (blank) / `Contact/Tip Us`) is read alone.
    [
      [
        '•  Avoid always active remote connections;',
        '',
        'instead implement them as available upon request.',
        '',
        '•  Did the asset owner have strong Level 3/Level 4',
        '',
        'protections to prevent opportunistic ransomware delivery?',
        '',
        '* [About THN](/p/about-us.html)',
        '* [Jobs](/p/careers-technical-writer.html)',
        '* [Advertise with us](/p/advertising-with-hacker-news.html)',
        '',
        'Contact/Tip Us',
      ].join('\n'),
      [
        [1, '• Avoid always active remote connections; instead implement them as available upon request.'],
        [5, '• Did the asset owner have strong Level 3/Level 4 protections to prevent opportunistic ransomware delivery?'],
        [9, '* [About THN](/p/about-us.html)'],
        [10, '* [Jobs](/p/careers-technical-writer.html)'],
        [11, '* [Advertise with us](/p/advertising-with-hacker-news.html)'],
        [13, 'Contact/Tip Us'],
      ],
    ],
    // An item's line that ends with a bracket (a Markdown link's address) was not cut off: a heading after a list of
    // links, each set apart by blank lines, is read alone (The Hacker News's menu, `* [Report](…)` / (blank) / `Lateral
    // Movement`, which would not have fit after it).
    [
      ['* [Cyber Attacks](/search/label/attack)', '', '* [Webinars](/p/webinars.html)', '', '* [Report](https://example.com/report.pdf)', '', 'Lateral Movement'].join('\n'),
      [
        [1, '* [Cyber Attacks](/search/label/attack)'],
        [3, '* [Webinars](/p/webinars.html)'],
        [5, '* [Report](https://example.com/report.pdf)'],
        [7, 'Lateral Movement'],
      ],
    ],
    // pdftotext may set a bullet alone on its line, a blank line before the item's text (Zscaler's 2025 AI Security
    // Report: `•` / (blank) / `Breach prediction: Preempt …`, and three bullets above the texts of their three items):
    // the bullet and the text after it are one item, at the bullet's line, read as an item (its short lines go on). A
    // bullet before another bullet or a number is alone.
    [
      [
        '•  AI audit trail: Maintain detailed logs of all AI interactions.',
        '',
        '•',
        '',
        'Breach prediction: Preempt potential breach scenarios',
        'using generative AI',
        'and predictive models.',
        '',
        '•',
        '',
        '•',
        '',
        'Segmentation: Automatically maps user-to-application connections.',
        '',
        '•',
        '',
        '44',
      ].join('\n'),
      [
        [1, '• AI audit trail: Maintain detailed logs of all AI interactions.'],
        [3, '• Breach prediction: Preempt potential breach scenarios using generative AI and predictive models.'],
        [9, '•'],
        [11, '• Segmentation: Automatically maps user-to-application connections.'],
        [15, '•'],
        [17, '44'],
      ],
    ],
    // A list item's lines go on, however short, up to a blank line, the next item or a sentence's end: the kill chain's
    // `•  Command and Scripting` / `Interpreter: Windows` / `Command Shell` (its last line got Windows Command Shell
    // alone), as plain pdftotext and `-layout` (its lines indented) write it. Outside an item a short line stands alone.
    [
      [
        'Dragos has analyzed the most common strains of ransomware and plotted the most recurring TTPs to the ICS Cyber Kill Chain.',
        '•  Command and Scripting',
        'Interpreter: Windows',
        'Command Shell',
        '   •   Remote Services: Exploit',
        '       SMB/Windows Admin Shares',
        '',
        'Ransomware Kill Chain',
        'Weaponization',
      ].join('\n'),
      [
        [1, 'Dragos has analyzed the most common strains of ransomware and plotted the most recurring TTPs to the ICS Cyber Kill Chain.'],
        [2, '• Command and Scripting Interpreter: Windows Command Shell'],
        [5, '• Remote Services: Exploit SMB/Windows Admin Shares'],
        [8, 'Ransomware Kill Chain'],
        [9, 'Weaponization'],
      ],
    ],
    // An en dash and U+F0B7 (the Symbol font's bullet, as pdftotext gives a Word document's) mark list items too.
    [
      [
        'Dragos has analyzed the most common strains of ransomware and plotted the most recurring TTPs to the ICS Cyber Kill Chain.',
        '\uF0B7 Command and Scripting',
        'Interpreter: PowerShell',
        '\uF0B7 Native API',
        '– Ingress Tool Transfer',
        '– Remote Access Software',
      ].join('\n'),
      [
        [1, 'Dragos has analyzed the most common strains of ransomware and plotted the most recurring TTPs to the ICS Cyber Kill Chain.'],
        [2, '\uF0B7 Command and Scripting Interpreter: PowerShell'],
        [4, '\uF0B7 Native API'],
        [5, '– Ingress Tool Transfer'],
        [6, '– Remote Access Software'],
      ],
    ],
    // A Word document's second-level bullet, a letter o, after an item (CISA, NSA, FBI and MS-ISAC's Phishing Guidance:
    // Stopping the Attack Cycle at Phase One, October 2023, a US government work, as its PDF's text gives it: each was
    // read with the item before or after it), and the Wingdings square of its third level (U+F0A7) mark items too.
    [
      [
        '• Send malicious hyperlinks or attachments that cause a user to download malware, facilitating',
        'initial access, information stealing, damage or disruption to systems or services, and/or the',
        'escalation of account privileges.',
        'o Malicious actors may use free, publicly available tools (such as GoPhish or Zphisher) to',
        'facilitate spearphishing campaigns where individual users are targeted with specific and',
        'convincing lures.',
        '• Harden credentials by:',
        'o Implementing FIDO or PKI-based MFA [CPG 2.H].',
        'o Implementing centralized logins around a Single Sign On (SSO) program',
        'o Prioritizing phishing-resistant MFA for administrator and privileged user accounts',
        '',
        'The actors then ran the following tools:',
        '\uF0A7 Mimikatz to dump the credentials',
        '\uF0A7 PsExec to run the ransomware on the hosts',
      ].join('\n'),
      [
        [
          1,
          '• Send malicious hyperlinks or attachments that cause a user to download malware, facilitating initial access, information stealing, damage or disruption to systems or services, and/or the escalation of account privileges.',
        ],
        [
          4,
          'o Malicious actors may use free, publicly available tools (such as GoPhish or Zphisher) to facilitate spearphishing campaigns where individual users are targeted with specific and convincing lures.',
        ],
        [7, '• Harden credentials by:'],
        [8, 'o Implementing FIDO or PKI-based MFA [CPG 2.H].'],
        [9, 'o Implementing centralized logins around a Single Sign On (SSO) program'],
        [10, 'o Prioritizing phishing-resistant MFA for administrator and privileged user accounts'],
        [12, 'The actors then ran the following tools:'],
        [13, '\uF0A7 Mimikatz to dump the credentials'],
        [14, '\uF0A7 PsExec to run the ransomware on the hosts'],
      ],
    ],
    // Elsewhere `o` begins a wrapped line of a language that writes it (Portuguese, no item before it).
    [
      'O malware desativa as proteções do sistema e depois de instalado desabilita\no Windows Defender para executar o ransomware em todos os computadores da rede.',
      [[1, 'O malware desativa as proteções do sistema e depois de instalado desabilita o Windows Defender para executar o ransomware em todos os computadores da rede.']],
    ],
    // A time's `p.m.` before its zone ends no sentence (reconstructions in our words of Krebs on Security's `Update, Jan
    // 29, 4:26 p.m. ET: …`, whose `Update, Jan 29, 4:26 p.m.` got Match Legitimate Resource Name or Location 98.6, and of
    // ZDNET's byline `… Feb. 2, 2022 at 7:56 a.m. PT An internal report…`, as GenAI-Threat-Intelligence-Research keeps
    // them); a sentence after the zone begins after it, and `4 p.m.` before a sentence ends its own.
    [
      'Update, Mar 4, 5:10 p.m. ET: The actor has deleted the repository. Meanwhile, the forum banned the account.\nBy Jane Doe Mar. 3, 2025 at 9:15 a.m. PT A report said the group was behind it.\nThe attack began at 4 p.m. The actor then ran a script.',
      [
        [1, 'Update, Mar 4, 5:10 p.m. ET: The actor has deleted the repository.'],
        [1, 'Meanwhile, the forum banned the account.'],
        [2, 'By Jane Doe Mar. 3, 2025 at 9:15 a.m. PT'],
        [2, 'A report said the group was behind it.'],
        [3, 'The attack began at 4 p.m.'],
        [3, 'The actor then ran a script.'],
      ],
    ],
    // A title before a name, inside a link's text too, ends no sentence (a reconstruction in our words of a page on ETH
    // Zurich's MEGA attacks, `This research was conducted by [Prof. Dr. Martin R. Albrecht](…), …`, cut after `[Prof.`,
    // whose rest got OS Credential Dumping: /etc/passwd and /etc/shadow 100); a sentence after a link still begins anew.
    [
      'This research was conducted by [Prof. Dr. Jane Roe](https://example.org) and Prof. Kim Poe. The actor read [the file](https://example.com). It then left.',
      [
        [1, 'This research was conducted by [Prof. Dr. Jane Roe](https://example.org) and Prof. Kim Poe.'],
        [1, 'The actor read [the file](https://example.com).'],
        [1, 'It then left.'],
      ],
    ],
    // Look-alikes of markup that are text: a sentence after an emoji code, a path in brackets.
    [':warning: The loader deletes the shadow copies.\n\n[C:\\Temp\\a.exe]', [[1, ':warning: The loader deletes the shadow copies.'], [3, '[C:\\Temp\\a.exe]']]],
  ];
  for (const [text, passages] of rows) {
    it(`${JSON.stringify(text.slice(0, 40))} -> ${passages.length} passages`, () => {
      expect(splitPassages(text).map((p) => [p.line, p.text])).to.deep.equal(passages);
    });
  }

  it('gives every line its passage with lines, empty ones too (a sentence cut by a blank line is not joined)', () => {
    expect(splitPassages('the actor ran\n\nwhoami', { lines: true }).map((p) => p.text)).to.deep.equal(['the actor ran', '', 'whoami']);
    expect(splitPassages('a. b.\n\nc', { lines: true })).to.deep.equal([
      { line: 1, text: 'a. b.' },
      { line: 2, text: '' },
      { line: 3, text: 'c' },
    ]);
  });

  it('keeps an AsciiDoc markup line, as written, with lines (suggest notes it as markup, not ranked)', () => {
    const text = ':toc:\n[source]\n----\nHKCU\\Software\\Run\n----';
    expect(splitPassages(text, { lines: true }).map((p) => p.text)).to.deep.equal([':toc:', '[source]', '----', 'HKCU\\Software\\Run', '----']);
    expect(text.split('\n').map(isMarkupLine)).to.deep.equal([true, true, true, false, true]);
  });

  // ESET's malware-ioc READMEs (`[options="header"]`, `|===`, `|SHA-1 |Filename |ESET detection name|Description`) and a
  // Markdown table of a translated advisory (`| Webshell Client | MD5 Hash |` over `| :--- | :--- |`): their header
  // rows got confident candidates (Match Legitimate Name 94.1 for `Filename`, System Network Configuration Discovery
  // 98.8 for `IP address`).
  it("marks a table's header row, by sentence and with lines: Markdown, AsciiDoc with a header option or an implicit one", () => {
    const text = [
      '| Client | MD5 Hash |',
      '| :----- | :------- |',
      '| a.exe  | 5001ef50c7e869253a7c152a638eab8a |',
      '',
      '[cols="1,2",options="header"]',
      '|===',
      '|SHA-1 |Filename',
      '|`625BEF5BD68F75624887D732538B7B01E3507234` |`b.dll`',
      '|===',
      '',
      '|===',
      '|IP address |First seen',
      '',
      '|`104.193.88[.]123` |2017-08-04',
      '|===',
      '',
      '|===',
      '|`183.134.93[.]171` |2021-10-17',
      '|`183.134.93[.]172` |2021-10-18',
      '|===',
    ].join('\n');
    const headers = (passages: ReturnType<typeof splitPassages>) => passages.filter((p) => p.structure === 'table header').map((p) => [p.line, p.text]);
    const expected = [
      [1, '| Client | MD5 Hash |'],
      [7, '|SHA-1 |Filename'],
      [12, '|IP address |First seen'],
    ];
    expect(headers(splitPassages(text))).to.deep.equal(expected);
    expect(headers(splitPassages(text, { lines: true }))).to.deep.equal(expected);
  });

  it('counts lines as wc -l does with lines: none after the final line break, none in an empty text', () => {
    expect(splitPassages('a\r\nb\r\n', { lines: true })).to.deep.equal([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
    expect(splitPassages('a\n\n', { lines: true })).to.deep.equal([
      { line: 1, text: 'a' },
      { line: 2, text: '' },
    ]);
    expect(splitPassages('', { lines: true })).to.deep.equal([]);
  });
});

describe('suggestPassageText', () => {
  it("does not read a Markdown link's address, only its text", () => {
    const passage = 'The actor used [Cobalt Strike](https://blog.example.com/posts/loader-analysis) beacons (see [post](/blog/powershell-loader)).';
    expect(suggestPassageText(passage).text).to.equal('The actor used [Cobalt Strike] beacons (see [post]).');
    expect(suggestPassageText('A [link] (https://example.com) with a space stays.').text).to.equal('A [link] (https://example.com) with a space stays.');
  });

  // BleepingComputer's Check Point post saved as Markdown glues links' texts to their neighbours: "Tracked
  // asCVE-2026-50751, …" ranked the word `ascve`, "automotive giantYangfeng,Nissan" `giantyangfeng`.
  it('reads apart a word glued by scraping to a CVE or a name; names in camel case stay whole', () => {
    expect(suggestPassageText('Tracked asCVE-2026-50751, the flaw lets attackers in.').text).to.equal('Tracked as CVE-2026-50751, the flaw lets attackers in.');
    expect(suggestPassageText('It hit automotive giantYangfeng,Nissan and beer companyAsahi.').text).to.equal('It hit automotive giant Yangfeng,Nissan and beer company Asahi.');
    const code = 'It calls VirtualAllocEx, getProcAddress, setTimeout, readFile and PowerShell on iPhone and macOS with skipTaskbar: true.';
    expect(suggestPassageText(code).text).to.equal(code);
  });

  it('reads English as it is', () => {
    expect(suggestPassageText('The actor dumped LSASS memory.')).to.deep.equal({ text: 'The actor dumped LSASS memory.', language: 'en' });
  });

  it('reads Japanese through the glossary, keeping words in Latin script', () => {
    const read = suggestPassageText('攻撃者はJavaScriptのバックドアでCookieを窃取した。');
    expect(read.language).to.equal('ja');
    expect(read.text).to.include('backdoor').and.include('steal').and.include('JavaScript');
    expect(read.note).to.match(/^Japanese, read through the glossary: .*バックドア = backdoor/);
  });

  it('does not read ログ inside ブログ as logs, nor リンク inside 関連リンク (a page\'s related links) as a link', () => {
    expect(suggestPassageText('詳細はブログで公開しています。').text).to.not.include('logs');
    expect(suggestPassageText('関連リンク').text).to.not.include('link');
  });

  // News on the NPA's advisories (MirrorFace, NTV 2025; BlackTech, Jiji 2023): `不正なプログラム(マルウェア)` read ログ as
  // logs, `電気通信などの企業` read 通信 as communication and traffic, and `ルーターの脆弱(ぜいじゃく)性` lost 脆弱性 to its
  // inline reading.
  it('reads a word that holds a shorter term as itself, and a kanji word whole past its reading in brackets', () => {
    expect(suggestPassageText('不正なプログラムに感染させた。').text).to.include('program').and.not.include('logs');
    expect(suggestPassageText('電気通信などの企業を標的とした。').text).to.not.include('communication');
    // 通信 as the sector (a threat-actor profile's row: `…マルウェアで通信事業者を標的化`): no communication or traffic.
    for (const sector of ['新たなマルウェアで通信事業者を標的化', '通信業者と情報通信業の企業を狙った。', '国内の通信会社と通信業の組織']) {
      expect(suggestPassageText(sector).text).to.not.include('communication').and.not.include('traffic');
    }
    expect(suggestPassageText('C2サーバーと通信する。').text).to.include('communication');
    const router = suggestPassageText('ルーターの脆弱(ぜいじゃく)性を狙い、ルーターのソフトウエアを書き換える。');
    expect(router.text).to.include('vulnerability').and.include('router').and.include('software').and.include('modify');
    expect(suggestPassageText('不正なショートカットファイルが格納された ZIP ファイル').text).to.include('shortcut');
    expect(suggestPassageText('powershell.exe がリモートのファイルをダウンロードし、実行を行います。').text).to.include('remote');
  });

  // The TEMP.Periscope seed: `別のスピア・フィッシング・メールからは` was read as phishing and email, not spearphishing.
  it('reads katakana words joined by a middle dot as the term written without it: スピア・フィッシング・メール', () => {
    expect(suggestPassageText('別のスピア・フィッシング・メールからは、標的活動が明らかになりました。').text).to.include('spearphishing');
    expect(suggestPassageText('仮想プライベート・サーバーを使用した。').text).to.include('virtual private server');
  });

  it('says plainly that Korean is not supported', () => {
    const read = suggestPassageText('공격자는 스피어피싱 이메일을 보냈다.');
    expect(read).to.deep.include({ text: '', language: 'Korean' });
    expect(read.note).to.match(/^language not supported \(Korean\)/);
  });

  // Passages of real reports, in another script with words in Latin script among their own, more Latin letters than
  // theirs: a Korean cloud incident note's indicator (no licence stated: reconstructed), a Chinese WeChat article's list
  // item (安全喷子, ATT&CK v16 update, 2024-12-25), a Russian threat-hunting course's heading. They were ranked as English,
  // without a word of their language.
  it('says that a passage in another script is not supported, and ranks only its words in Latin script', () => {
    const passages: [language: string, text: string][] = [
      ['Korean', '- `host` 파라미터에 `sudo`+`find`+`-exec` 조합(GTFOBins privesc 시도)'],
      ['Chinese', '* Compute Hijacking （利用计算资源来挖掘加密货币）'],
      ['Cyrillic', '## Гипотезы в Threat Hunting'],
    ];
    for (const [language, text] of passages) {
      const read = suggestPassageText(text);
      expect(read, text).to.deep.include({ text, language });
      expect(read.note).to.equal(`language not supported (${language}): ATT&CK is written in English only; only the words in Latin script were read`);
    }
    // An English sentence naming a company in Cyrillic is English.
    expect(suggestPassageText('The group sent spearphishing emails to employees of Лукойл in March.')).to.deep.equal({
      text: 'The group sent spearphishing emails to employees of Лукойл in March.',
      language: 'en',
    });
  });

  // Sentences written for this test, one per language, each about a behaviour.
  const latin: [language: string, text: string][] = [
    ['Portuguese', 'O grupo enviou e-mails com anexos maliciosos para os funcionários da empresa.'],
    ['Spanish', 'El grupo utilizó un correo con un documento malicioso para obtener acceso a la red.'],
    ['French', 'Les attaquants ont utilisé PowerShell pour télécharger une charge utile sur le poste de la victime.'],
    ['German', 'Die Angreifer haben eine geplante Aufgabe erstellt, um die Schadsoftware bei jedem Neustart auszuführen.'],
    ['Dutch', 'De aanvallers hebben een geplande taak gemaakt om de malware bij elke herstart uit te voeren.'],
  ];
  for (const [language, text] of latin) {
    it(`says that ${language} is not supported, and ranks only the words it shares with English`, () => {
      const read = suggestPassageText(text);
      expect(read).to.deep.include({ text, language });
      expect(read.note).to.equal(`language not supported (${language}): ATT&CK is written in English only; only the words it shares with English were read`);
    });
  }

  it('reads a Portuguese report whose function words are mostly `de` as Portuguese, not Dutch', () => {
    // The shape of a real Portuguese write-up's ATT&CK table: its description column, `de` in every row.
    const rows = ['OSINT de funcionários via LinkedIn', 'Email de phishing com link malicioso', 'Criação de conta de domínio', 'Uso de credenciais de Domain Admin', 'Coleta de dados para exfiltração', 'Varredura de rede interna'];
    const text = rows.map((row, i) => `| T10${70 + i} | ${row} |`).join('\n');
    expect(documentLanguage(text)).to.deep.equal({ japanese: false, latin: 'Portuguese' });
    expect(suggestPassageText('Email de phishing com link malicioso', documentLanguage(text)).language).to.equal('Portuguese');
  });

  // A translated Chinese post's source line: the URL's letters outnumbered the Chinese ones, and its path's words were
  // ranked. In Japanese, a defanged domain glued to the text gave its words (`example`, `cdn`, `com`).
  it('reads Chinese and Japanese without the indicators glued to them: a URL leaves a sentence Chinese', () => {
    const read = suggestPassageText('原文链接：https://www.example-research.com/research/iranian-actor-ported-infection-chain-to-macos如需转载请注明出处');
    expect(read).to.deep.include({ text: '', language: 'Chinese' });
    expect(suggestPassageText('攻撃者はexample-cdn[.]comをC2サーバーとして使用した。').text).to.not.match(/example|cdn|com\b/);
  });

  it("reads English with a foreign name in it as English (two of another language's function words are not enough)", () => {
    expect(suggestPassageText('APT-C-36 targeted the Dirección de Impuestos y Aduanas Nacionales with phishing emails.').language).to.equal('en');
  });

  it('reads every sentence of the evaluation set (English) as English', () => {
    const texts = ['attack-flow-sentences.jsonl', 'report-inline-sentences.jsonl'].flatMap((file) =>
      readFileSync(join(repoRoot, 'eval', file), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text),
    );
    expect(texts.length).to.be.greaterThan(400);
    expect(texts.filter((text) => suggestPassageText(text).language !== 'en')).to.deep.equal([]);
  });

  it("gives a short passage the document's language: a table cell of a Portuguese report, a kanji heading of a Japanese one", () => {
    const portuguese = documentLanguage(
      'O grupo enviou e-mails com anexos maliciosos para os funcionários da empresa. A campanha usou domínios falsos e o malware foi instalado em seguida nos sistemas da vítima.\n| Domínio | Risco |',
    );
    expect(portuguese).to.deep.equal({ japanese: false, latin: 'Portuguese' });
    expect(suggestPassageText('| Domínio | Risco |', portuguese).language).to.equal('Portuguese');
    // An English sentence in it stays English: it holds English's function words.
    expect(suggestPassageText('The loader was written in Go and sent to the victims.', portuguese).language).to.equal('en');
    const japanese = documentLanguage('攻撃者はフィッシングメールを送った。\n偽装\n');
    expect(japanese).to.deep.equal({ japanese: true });
    expect(suggestPassageText('偽装', japanese).note).to.match(/^Japanese, read through the glossary: 偽装 = /);
    expect(suggestPassageText('偽装').language).to.equal('Chinese');
  });
});

describe('htmlText (an HTML page read by suggest)', () => {
  const page = [
    '<!DOCTYPE html>',
    '<html><head><title>Threat Research</title>',
    '<script>var a = "The actor ran PowerShell.";</script>',
    '</head><body><nav><a href="/">Home</a> | <a href="/blog">Blog</a></nav>',
    '<h1>ACME backdoor</h1><p>The attackers sent spearphishing emails &amp; lures.</p><p>The implant',
    'takes screenshots&nbsp;of the <b>desktop</b>&#8217;s windows.</p>',
    '<!-- a comment',
    'over two lines --><footer>&copy; 2024 Example. All rights reserved.</footer></body></html>',
  ].join('\n');

  it('keeps the text, line for line, and leaves out markup, scripts, the head, menus, footers and comments', () => {
    const text = htmlText(page);
    expect(text.split('\n')).to.have.length(page.split('\n').length);
    expect(text).to.not.match(/[<>]|PowerShell|Home|Blog|rights|comment|Threat Research/);
    expect(splitPassages(htmlText(page))).to.deep.equal([
      { line: 5, text: 'ACME backdoor' },
      { line: 5, text: 'The attackers sent spearphishing emails & lures.' },
      { line: 5, text: 'The implant takes screenshots of the desktop’s windows.' },
    ]);
    expect(splitPassages(htmlText(page), { lines: true }).map((p) => p.text)).to.deep.equal([
      '', '', '', '', 'ACME backdoor The attackers sent spearphishing emails & lures. The implant',
      'takes screenshots of the desktop’s windows.', '', '',
    ]);
  });

  it('knows a page by its name or its first tag', () => {
    expect([isHtmlPage('report.html', ''), isHtmlPage('r.HTM', ''), isHtmlPage('-', '\n <!doctype html><p>x'), isHtmlPage('-', '<html lang="en">')]).to.deep.equal([true, true, true, true]);
    expect([isHtmlPage('report.txt', 'Use <b>bold</b>'), isHtmlPage('notes.md', '# <html> is a tag')]).to.deep.equal([false, false]);
  });
});

describe('suggestTechniques on ATT&CK 18.1', () => {
  let model: SuggestModel;
  before(function () {
    this.timeout(120_000);
    model = loadSuggestModel(loadRelease('18.1'), { cacheDir: testCacheDir() });
  });

  // The passages of the real reports in ../shared/seeds, in file order.
  const seedPassages = (): string[] => {
    const seeds = join(repoRoot, '../shared/seeds');
    const passages = readdirSync(seeds)
      .sort()
      .flatMap((file) => splitPassages(readFileSync(join(seeds, file), 'utf8')).map((passage) => passage.text));
    expect(passages.length).to.be.above(100);
    return passages;
  };

  // A passage of a kind that is not ranked: its entry, by sentence and with lines, has the note and no candidates.
  const expectUnranked = (texts: readonly string[], note: string): void => {
    for (const text of texts) {
      for (const lines of [false, true]) expect(suggestTechniques(text, model, { lines }), `${text} (lines: ${lines})`).to.deep.equal([{ line: 1, text, candidates: [], note }]);
    }
  };
  // A passage that is read: no note, and the technique among its first three candidates (without one, some candidates).
  const expectRead = (rows: ReadonlyArray<readonly [text: string, id?: string]>): void => {
    for (const [text, id] of rows) {
      const [read] = suggestTechniques(text, model);
      expect(read!.note, text).to.equal(undefined);
      if (id) expect(read!.candidates.slice(0, 3).map((c) => c.id), text).to.include(id);
      else expect(read!.candidates, text).to.not.deep.equal([]);
    }
  };

  it('is built from every current technique and every uses relationship of the release file', () => {
    const raw = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects;
    const byId = new Map(raw.map((o) => [o.id, o]));
    const live = (o: { revoked?: unknown; x_mitre_deprecated?: unknown } | undefined) => !!o && !o.revoked && !o.x_mitre_deprecated;
    const current = raw.filter((o) => o.type === 'attack-pattern' && live(o as never));
    expect(model.data.techniques).to.have.length(current.length);
    const owners = new Set(['intrusion-set', 'malware', 'tool', 'campaign']);
    const uses = raw.filter((o) => {
      const source = byId.get(o['source_ref'] as string);
      const target = byId.get(o['target_ref'] as string);
      return o.type === 'relationship' && o['relationship_type'] === 'uses' && live(o as never) && source && owners.has(source.type) &&
        target?.type === 'attack-pattern' && live(target as never) && typeof o['description'] === 'string' && o['description'] !== '';
    });
    // Relationships to revoked techniques count for their replacement, so there are at least as many examples.
    const procedures = Array.from({ length: model.docCount }, (_, d) => model.docKind(d)).filter((kind) => kind === 'procedure').length;
    expect(procedures).to.be.at.least(uses.length).and.below(uses.length * 1.05);
  });

  // `--top 2` listed T1598.003 first for "Credentials are harvested from browsers.", where `--top 5` listed T1555.003
  // first: each --top chose its own candidates before ordering them.
  it('gives the first k of any --top in the same order: --top 1 to 4 begin --top 5, and --top 10 begins with it', () => {
    const example = /<!-- suggest example -->\n```text\n([\s\S]*?)```/.exec(readDoc('docs/suggest.md'))![1]!;
    const passages = ['Credentials are harvested from browsers.', ...splitPassages(example).map((p) => p.text)];
    const ids = (text: string, top: number) => model.rank(text, { top }).map((c) => c.id);
    let tens = 0;
    for (const text of passages) {
      const five = ids(text, 5);
      for (const k of [1, 2, 3, 4]) expect(ids(text, k), `${text} --top ${k}`).to.deep.equal(five.slice(0, k));
      const ten = ids(text, 10);
      expect(ten.slice(0, 5), text).to.deep.equal(five);
      if (ten.length > 5) tens++;
    }
    expect(ids(passages[0]!, 1)).to.deep.equal(['T1555.003']);
    expect(tens).to.be.above(passages.length / 2);
  });

  // A model remembers the feature of each pair of neighbouring stems it looked up, by the two stems' feature numbers,
  // and what `why` says of each document it quoted, by the document's number: a model that read other passages first
  // must read each passage as a model that reads it first (a pair remembered under the wrong key, e.g. by its second
  // stem alone, changes candidates here; a quote remembered by technique, not document, changes a `why`).
  it('ranks a passage the same whether its pairs of words and quotes are looked up anew or remembered from other passages', function () {
    this.timeout(120_000);
    const passages = seedPassages();
    const seasoned = new SuggestModel(model.data);
    for (const text of passages) seasoned.rankPassage(text, { top: 10 });
    for (const text of [...passages].reverse()) {
      expect(seasoned.rankPassage(text, { top: 10 }), text).to.deep.equal(new SuggestModel(model.data).rankPassage(text, { top: 10 }));
    }
  });

  // The numbers of documents and techniques are read by the hundred thousand when ranking: in 16 bits when they fit.
  it('keeps the postings\' documents and the classifier\'s techniques in 16 bits, and larger numbers in 32', () => {
    expect(model.docCount).to.be.above(20_000);
    expect(model.data.postings.doc).to.be.instanceOf(Uint16Array);
    expect(model.data.classifier!.technique).to.be.instanceOf(Uint16Array);
    expect(indexArray([0, 65_535], 65_536)).to.be.instanceOf(Uint16Array);
    expect(Array.from(indexArray([0, 70_000], 70_001))).to.deep.equal([0, 70_000]);
  });

  it('is cached beside the index under the release file sha256, read back from the cache without a build', () => {
    const index = loadRelease('18.1');
    expect(existsSync(suggestModelPath(testCacheDir(), index.data.source.sha256))).to.equal(true);
    let built = 0;
    const again = loadSuggestModel(index, { cacheDir: testCacheDir(), onBuild: () => built++ });
    expect(built).to.equal(0);
    expect(again.data.techniques).to.deep.equal(model.data.techniques);
    const sentence = 'The actors dumped LSASS memory with procdump to get credentials.';
    expect(again.rank(sentence)).to.deep.equal(model.rank(sentence));
  });

  // A model read from its cache is views over the file's bytes, and computes what it needs (a feature's idf, ...) when
  // a passage asks for it: it must rank every passage as the model just built from the release does.
  it('ranks every seed passage from its cache exactly as a model freshly built from the release', function () {
    this.timeout(300_000);
    const passages = seedPassages();
    let built = 0;
    const cached = loadSuggestModel(loadRelease('18.1'), { cacheDir: testCacheDir(), onBuild: () => built++ });
    expect(built).to.equal(0);
    const fresh = loadSuggestModel(loadRelease('18.1'));
    for (const text of passages) expect(cached.rankPassage(text, { top: 10 }), text).to.deep.equal(fresh.rankPassage(text, { top: 10 }));
  });

  // A model cached by an earlier version is read as long as its format number is the same, so a change to what the
  // model holds (texts, features, weights) must come with a new SUGGEST_MODEL_FORMAT, or a user's cache keeps the old
  // model and their output differs from a fresh build's. The code-span indicators (c6c9b28) changed 12 of 18.1's texts
  // under format 7. When this fails: raise SUGGEST_MODEL_FORMAT and record the new hash here.
  it("gives 18.1's model bytes of a hash recorded for its format number (a changed model needs a new format)", () => {
    const MODEL_SHA256: Record<number, string> = {
      8: 'b28c9bd6a53faf18aab04202ed4656f6256c24942e31a513f924549483c72b5b',
      9: '81a0f0d5b3d29ed04f8b1fe19b367a0376f74428f8b52c800d1985b9dacb0f3a',
      10: 'fd543cf7cadb42eb9fee4b9b8e15e11b01cbe0c11e5b8fe974d67dddcd552bfc',
    };
    const bytes = readFileSync(suggestModelPath(testCacheDir(), loadRelease('18.1').data.source.sha256));
    expect(createHash('sha256').update(bytes).digest('hex'), `format ${SUGGEST_MODEL_FORMAT}`).to.equal(MODEL_SHA256[SUGGEST_MODEL_FORMAT]);
  });

  it('is rebuilt when the cache file is stale (another release, another format, or damaged)', () => {
    // A small fixture release, so that the 18.1 model is built once per test run.
    const index = loadAttackFile(fixtureFile('enterprise-attack-0.2.json'), { cacheDir: freshTmpDir('suggest-index') });
    const cacheDir = freshTmpDir('suggest-cache');
    const path = suggestModelPath(cacheDir, index.data.source.sha256);
    const first = loadSuggestModel(index, { cacheDir });
    const good = readFileSync(path);
    const damaged = [
      Buffer.from(good).fill(0, 100, 200),
      good.subarray(0, good.length / 2),
      Buffer.from(encodeSuggestModel({ ...first.data, sha256: 'another release' })),
    ];
    for (const bytes of damaged) {
      writeFileSync(path, bytes);
      let built = 0;
      const again = loadSuggestModel(index, { cacheDir, onBuild: () => built++ });
      expect(built).to.equal(1);
      expect(again.data.techniques).to.deep.equal(first.data.techniques);
      expect(readFileSync(path).equals(good)).to.equal(true);
    }
  });

  it('builds a model without the procedure examples it is told to leave out (how the evaluation avoids leakage)', () => {
    const index = loadAttackFile(fixtureFile('enterprise-attack-0.2.json'), { cacheDir: freshTmpDir('suggest-index') });
    const cited = (m: SuggestModel) =>
      Array.from({ length: m.docCount }, (_, d) => m.docSources(d)).filter((sources) => sources.includes('example.com/report-a')).length;
    const whole = loadSuggestModel(index);
    const cacheDir = freshTmpDir('suggest-cache');
    const without = loadSuggestModel(index, { cacheDir, leaveOut: (sources) => sources.includes('example.com/report-a') });
    // The fixture's procedures citing Report A (raw bundle: six uses relationships cite https://example.com/report-a).
    expect(cited(whole)).to.be.greaterThan(0);
    expect(cited(without)).to.equal(0);
    expect(without.docCount).to.equal(whole.docCount - cited(whole));
    // Such a model is not the release's: it is never cached.
    expect(existsSync(suggestModelPath(cacheDir, index.data.source.sha256))).to.equal(false);
  });

  it("leaves out an owner's procedure examples when told (how the split by owner of the evaluation avoids leakage)", () => {
    const index = loadAttackFile(fixtureFile('enterprise-attack-0.2.json'), { cacheDir: freshTmpDir('suggest-index') });
    const whole = loadSuggestModel(index);
    const owners = (m: SuggestModel) => Array.from({ length: m.docCount }, (_, d) => m.data.docs.owner.get(d)).filter(Boolean);
    const owner = owners(whole)[0]!;
    expect(owner).to.match(/^[GSC]\d{4}$/);
    const without = loadSuggestModel(index, { leaveOut: (_sources, by) => by === owner });
    expect(owners(without)).to.not.include(owner);
    expect(without.docCount).to.equal(whole.docCount - owners(whole).filter((o) => o === owner).length);
  });

  // The Dragos 2022 review's kill chain as pdftotext writes it: each wrapped item was two passages, `Domain Accounts`
  // getting Account Discovery: Domain Account first and `Cryptography` resting on one word; each item is now one passage
  // whose first candidate is the technique it names, and the figure's label beside them stays a passage of its own.
  it("reads a wrapped list item of a PDF's text whole, its first line set apart by a blank line", () => {
    const read = new Map(suggestTechniques(KILL_CHAIN, model).map((passage) => [passage.line, passage.candidates[0]?.id]));
    expect([...read.keys()]).to.deep.equal([1, 5, 7, 11, 15, 17, 19, 23]);
    for (const [line, id] of [[1, 'T1078.002'], [5, 'T1190'], [7, 'T1566.002'], [11, 'T1573.002'], [15, 'T1562.001'], [19, 'T1552.001'], [23, 'T1210']] as const) {
      expect(read.get(line), `line ${line}`).to.equal(id);
    }
  });

  // The kill chain's stages stand among its items (`•  Disable or Modify Tools` / `Recon` / `•  Remote Services: …`,
  // `Weaponization` / `Deliver` / `C2` between two items): `Recon`, read as reconnaissance, got Account Discovery: Domain
  // Account 100. One word between list items is a figure's label, not ranked by sentence; a short behaviour between items
  // (more words), a heading after a paragraph and the items are ranked, and with `lines` every line is.
  it("notes a figure's labels, one word each between list items, and ranks the items and a short behaviour beside them", () => {
    const text = [
      'Dragos plotted the most recurring TTPs to the ICS Cyber Kill Chain.',
      '',
      'Rootkit',
      '',
      '•  Exploit Public-Facing Application',
      '',
      '•  Disable or Modify Tools',
      '',
      'Recon',
      '',
      '•  Remote Services: Exploit SMB',
      'and Windows Admin Shares',
      '',
      'Weaponization',
      '',
      'Deliver',
      '',
      'C2',
      '',
      '•  Native API',
      '',
      'Initial access gained through Log4Shell',
      '',
      '•  Ingress Tool Transfer',
    ].join('\n');
    const read = suggestTechniques(text, model);
    const labels = read.filter((passage) => passage.note === FIGURE_LABEL_NOTE);
    expect(labels.map((passage) => passage.text)).to.deep.equal(['Recon', 'Weaponization', 'Deliver', 'C2']);
    expect(labels.every((passage) => passage.candidates.length === 0)).to.equal(true);
    const first = new Map(read.map((passage) => [passage.text, passage.candidates[0]?.id]));
    expect(first.get('• Disable or Modify Tools')).to.equal('T1562.001');
    expect(first.get('• Native API')).to.equal('T1106');
    expect(first.get('Rootkit')).to.be.a('string');
    expect(first.get('Initial access gained through Log4Shell')).to.be.a('string');
    const lines = suggestTechniques(text, model, { lines: true });
    expect(lines.find((passage) => passage.text === 'Recon')!.candidates).to.not.deep.equal([]);
    expect(lines.some((passage) => passage.note === FIGURE_LABEL_NOTE)).to.equal(false);
  });

  // pdftotext writes a chart's labels and data after its caption, each a block of its own (the Dragos 2022 review's
  // `FIGURE 13: …` then `100%`, `CHANGE`, `-17`, `70%` … `2022`: `CHANGE` got Indicator Removal: Timestomp 100; `FIGURE 9:
  // WHERE DO VULNERABILITIES RESIDE ?` then its legend, `Advisories ‘deep within’` / `control network` / `83%` …): they
  // are a figure's labels up to the first sentence. The captions, in capitals, are the charts' titles; a heading after a
  // caption with no chart's data (`Persistence`), that caption in sentence case and the sentence that ends the run are read.
  it("notes a chart's labels, legend and caption in capitals, and reads a caption in sentence case and the sentence after them", () => {
    const text = [
      'Sixteen percent of the advisories without a patch had no mitigation, down from 19 percent last year.',
      '',
      ...WRAPPED_CAPTION,
      '',
      '100%',
      '',
      'CHANGE',
      '',
      '-23',
      '',
      '64%',
      '',
      '41%',
      '',
      '2022',
      '',
      '2023',
      '',
      'FIGURE 7: WHERE DO',
      'ADVISORIES RESIDE ?',
      '',
      'Advisories ‘deep within’',
      'control network',
      '',
      '81%',
      '',
      'Advisories that impact',
      'the border',
      '',
      '17%',
      '',
      'The actor dumped the memory of LSASS with procdump to get credentials.',
      '',
      'Figure 8: Attack chain',
      '',
      'Rootkit',
      '',
      'The loader adds a Run key for itself so that it starts at each logon.',
    ].join('\n');
    const read = suggestTechniques(text, model);
    const labels = read.filter((passage) => passage.note === FIGURE_LABEL_NOTE);
    expect(labels.map((passage) => passage.text)).to.deep.equal([
      'FIGURE 6: IN 2023 , REMOTE CONNEC TIONS TO OT DROPPED SHARPLY FROM 64% TO 41%.',
      'CHANGE',
      'FIGURE 7: WHERE DO ADVISORIES RESIDE ?',
      'Advisories ‘deep within’ control network',
      'Advisories that impact the border',
    ]);
    expect(labels.every((passage) => passage.candidates.length === 0)).to.equal(true);
    const first = new Map(read.map((passage) => [passage.text, passage.candidates[0]?.id]));
    expect(first.get('Figure 8: Attack chain')).to.be.a('string');
    expect(first.get('The actor dumped the memory of LSASS with procdump to get credentials.')).to.equal('T1003.001');
    expect(first.get('Rootkit')).to.be.a('string');
  });

  // A chart whose data are each followed by their label gives its last datum's label after it, as long as a sentence
  // may be (the Dragos 2026 Year in Review as text: `64%` / `scored higher after Dragos research` / `31%` / `scored lower`
  // / `4%` / `had incorrect attributes that did not affect the score`, the last got Hide Artifacts 95.8): a figure's
  // label too. A sentence after the last datum, and a long line after a chart whose labels do not follow each datum, are read.
  it("notes the label after a chart's last datum when each datum is followed by its label; a sentence after it is read", () => {
    const sentence = 'The actor dumped the memory of LSASS with procdump to get credentials.';
    const last = 'had wrong attributes that left the final severity score as it was';
    const paired = ['Most corrections raised the severity of the advisories over the year.', '', '64%', '', 'scored higher after the research', '', '31%', '', 'scored lower', '', '5%', '', last, '', sentence];
    const read = suggestTechniques(paired.join('\n'), model);
    expect(read.filter((p) => p.note === FIGURE_LABEL_NOTE).map((p) => p.text)).to.deep.equal(['scored higher after the research', 'scored lower', last]);
    expect(read.find((p) => p.text === sentence)!.candidates[0]!.id).to.equal('T1003.001');
    const unpaired = ['Most corrections raised the severity of the advisories over the year.', '', 'Raised', '', 'Lowered', '', '64%', '', '31%', '', '5%', '', last];
    expect(suggestTechniques(unpaired.join('\n'), model).find((p) => p.text === last)!.note).to.equal(undefined);
  });

  // A PDF that spaces its captions' letters leaves spaces in the words when extracted: the Dragos 2022 review (code index
  // file id 53961877000) as pdftotext writes it, `FIG URE  3 :  RAN SO MWA RE  INC I DEN TS BY CONTINENT • 2022` then
  // `40%` / `North America` / `247 incidents` … (`North America` got System Location Discovery 100, each `… incidents`
  // Email Collection 91.4), and `TABL E  2:  RANSOMWARE G ROU P S   AND SEC TORS/R EGIONS TARGETED` (Proxy: Multi-hop
  // Proxy 100). A minimal reconstruction of that shape (the report's licence allows no copy): the captions are captions,
  // in capitals a chart's or a table's title, and the chart's data and labels after the first are a figure's labels.
  it("reads a caption whose letters the PDF spaced (`FIG URE  3 :`, `TABL E  2:`) as a caption: a title, and its chart's labels", () => {
    const text = [
      'The breakdowns of ransomware activities for the year follow.',
      '',
      'FIG URE  2 :  RAN SO MWA RE  INC I DEN TS BY REGION • 2023',
      '',
      '41%',
      'Europe',
      '212 incidents',
      '',
      '30%',
      'North America',
      '160 incidents',
      '',
      '2%',
      'Oceania',
      '9 incidents',
      '',
      'Globally, 41 percent of the ransomware attacks targeted industrial organizations in Europe.',
      '',
      'TABL E  5:  RANSOMWARE G ROU P S   AND SEC TORS TARGETED',
      '',
      'Table 6: Commands the loader ran to list the accounts of the domain',
    ].join('\n');
    const read = suggestTechniques(text, model);
    const labels = read.filter((passage) => passage.note === FIGURE_LABEL_NOTE).map((passage) => passage.text);
    expect(labels).to.deep.equal([
      'FIG URE 2 : RAN SO MWA RE INC I DEN TS BY REGION • 2023',
      'Europe',
      '212 incidents',
      'North America',
      '160 incidents',
      'Oceania',
      '9 incidents',
      'TABL E 5: RANSOMWARE G ROU P S AND SEC TORS TARGETED',
    ]);
    const first = new Map(read.map((passage) => [passage.text, passage.candidates[0]?.id]));
    expect(first.get('Globally, 41 percent of the ransomware attacks targeted industrial organizations in Europe.')).to.be.a('string');
    expect(first.get('Table 6: Commands the loader ran to list the accounts of the domain')).to.be.a('string');
  });

  // A chart with no caption, its title and series' names before its data, its amounts with a capitalised unit (a minimal
  // reconstruction of BakerHostetler's 2023 Data Security Incident Response Report, "Deeper Dive Into the Data", a page
  // of charts: `Ransomware Timeline` got Data Encrypted for Impact 100, `Demand to Payment` Financial Theft 100, each
  // `14.2 Days` Develop Capabilities: Digital Certificates 96.1). A heading and a sentence after the chart are read, and
  // so is a run of headings with a number in it.
  it("notes a chart with no caption by its title, its series' names and its data, and reads the text after it", () => {
    const text = [
      'Ransomware Timeline',
      '',
      'Demand to Payment',
      'Encryption to Restoration',
      '2021 Average',
      '11.1 Days',
      '12.2 Days',
      '2022 Average',
      '14.2 Days',
      '12.7 Days',
      '',
      'Forensic Trends',
      '',
      'The actor encrypted the files of the victims and demanded a ransom.',
      '',
      'Lateral Tool Transfer',
      'Remote Desktop Protocol',
      'Pass the Hash',
      'Stage 2',
    ].join('\n');
    const passages = suggestTechniques(text, model);
    expect(passages.slice(0, 9).map((p) => p.note)).to.deep.equal(Array(9).fill(FIGURE_LABEL_NOTE));
    expect(passages.slice(9).map((p) => p.note)).to.deep.equal(Array(6).fill(undefined));
    expect(passages[10]!.candidates.slice(0, 3).map((c) => c.id)).to.include('T1486');
  });

  // A chart's legend set apart from its caption, text between them: the Dragos 2022 review's Figure 8 as pdftotext
  // writes it (code index file id 53961877000), `Loss of view:` / `1%` … 34 lines after `FIGURE 8: LOSS OF VIEW, LOSS
  // OF CONTROL , OR B OTH` (Remote System Discovery 100, System Binary Proxy Execution 94.6, Firmware Corruption 90),
  // and its Figure 7's legend after two paragraphs, `Advisories with no patch` / `when announced` / `30%` … `Advisories
  // for which Dragos` / `provided missing mitigation` / `advice` / `53%` (Modify System Image: Patch System Image 100 …).
  // A minimal reconstruction of that shape: at least 3 data, each label beside one, make a legend; a run of headings
  // with one number among them is read, and so is the text around the legends.
  it("notes a chart's legend apart from its caption by its data, and reads headings with a number among them", () => {
    const text = [
      'FIGURE 4: LOSS OF VIEW, LOSS OF',
      'CONTROL , OR B OTH',
      '',
      'In 2023, 44 percent of the advisories could cause both a loss of view and a loss of control, as Figure 4 shows.',
      '',
      'Loss of view:',
      '3%',
      '',
      'Loss of control:',
      '1%',
      '',
      'Loss of both:',
      '44%',
      '',
      'Loss of neither',
      'view or control:',
      '52%',
      '',
      'The actor wiped the firmware of the controller so that operators lost control of the process.',
      '',
      'Advisories with no patch',
      'when announced',
      '',
      '28%',
      '',
      'Advisories that had a patch',
      '',
      '72%',
      '',
      'Advisories for which Dragos',
      'provided missing mitigation',
      'advice',
      '',
      '49%',
      '',
      'The loader adds a Run key for itself so that it starts at each logon.',
      '',
      'Key Findings',
      '',
      'Stage 2',
      '',
      'Remote Access',
    ].join('\n');
    const read = suggestTechniques(text, model);
    const labels = read.filter((passage) => passage.note === FIGURE_LABEL_NOTE).map((passage) => passage.text);
    expect(labels).to.deep.equal([
      'FIGURE 4: LOSS OF VIEW, LOSS OF CONTROL , OR B OTH',
      'Loss of view: 3%',
      'Loss of control: 1%',
      'Loss of both: 44%',
      'Loss of neither view or control: 52%',
      'Advisories with no patch when announced',
      'Advisories that had a patch',
      'Advisories for which Dragos',
      'provided missing mitigation advice',
    ]);
    const first = new Map(read.map((passage) => [passage.text, passage.candidates[0]?.id]));
    expect(first.get('In 2023, 44 percent of the advisories could cause both a loss of view and a loss of control, as Figure 4 shows.')).to.be.a('string');
    expect(first.get('The actor wiped the firmware of the controller so that operators lost control of the process.')).to.be.a('string');
    expect(first.get('The loader adds a Run key for itself so that it starts at each logon.')).to.equal('T1547.001');
    expect(first.get('Remote Access')).to.be.a('string');
  });

  it('skips sentences that cite an ID and ranks the others, with the evidence', () => {
    const text = 'The actors used PowerShell [T1059.001] to run scripts.\nThey dumped the memory of LSASS with procdump to get credentials.';
    const [only, ...rest] = suggestTechniques(text, model);
    expect(rest).to.deep.equal([]);
    expect(only).to.include({ line: 2 });
    expect(only!.candidates.map((c) => c.id)).to.include('T1003.001');
    expect(only!.candidates[0]!.why).to.match(/^words "/);
    const lines = suggestTechniques(text, model, { lines: true });
    expect(lines[0]).to.deep.include({ line: 1, candidates: [], note: 'cites T1059.001: see extract' });
  });

  it("reads analyst phrasing through the English glossary, and says so in why", () => {
    const [first] = model.rank('PTH the domain administrator NTLM hash.', { top: 5 });
    expect(first).to.include({ id: 'T1550.002' });
    expect(first!.why).to.match(/^words "hash"; "PTH" read as "pass"/);
    // Without the abbreviation the passage's own words carry it: no reading is claimed.
    for (const candidate of model.rank('They used pass the hash with the NTLM hash.', { top: 5 })) expect(candidate.why).to.not.include('read as');
  });

  // The glossary's second general pass (issue 16): report wording ATT&CK's texts put otherwise. Each sentence is written
  // for the test (none is an evaluation sentence); without its entry the technique is not among the first five (or, for
  // the last, not read so), and the reading is what `why` names.
  it("reads the second pass's report wording through the glossary: dictionary attacks, staging servers, files put on shares, data leaked through an implant, services listed, servers set up, flaws, the Microsoft Installer, Responder, RMM, databases dumped, DDoS, C2 over a web service", () => {
    const rows: [text: string, id: string, written: string][] = [
      ['Access came from dictionary-based login attempts against the VPN.', 'T1110', 'dictionary-based login attempts'],
      ['The actor ran a wordlist against the SSH service.', 'T1110', 'wordlist'],
      ['Archives from the file servers were gathered on a staging server before they left the network.', 'T1074', 'staging server'],
      ['The ransomware binary was placed on the admin share of each server.', 'T1570', 'placed on the admin share'],
      ['The operators leaked the files through their implant.', 'T1041', 'leaked the files through their implant'],
      ['The script calls Get-Service and writes the output to a file.', 'T1007', 'Get-Service'],
      ['The backdoor collects installed services and sends them home.', 'T1007', 'collects installed services'],
      ['Before the intrusion the group scanned for Exchange servers.', 'T1595', 'scanned for Exchange servers'],
      ['The group set up new servers for each wave of the campaign.', 'T1583.004', 'set up new servers'],
      ['A flaw in the web portal gave the intruders their first foothold.', 'T1190', 'flaw'],
      ['The second stage is installed through the Microsoft Installer.', 'T1218.007', 'Microsoft Installer'],
      ['They ran Responder on the office network to capture hashes.', 'T1557.001', 'Responder'],
      ['Access was kept through an RMM agent.', 'T1219', 'RMM'],
      ['The attackers dumped the customer database.', 'T1005', 'dumped the customer database'],
      ["The hacktivists launched a DDoS against the ministry's website.", 'T1498', 'DDoS'],
      ['Commands for the implant are posted in a GitHub issue used as C2.', 'T1102', 'GitHub issue used as C2'],
    ];
    for (const [text, id, written] of rows) {
      const ranked = model.rank(text, { top: 5 });
      const candidate = ranked.find((c) => c.id === id);
      expect(candidate, `${text}: ${ranked.map((c) => c.id).join(' ')}`).to.not.equal(undefined);
      expect(candidate!.why, text).to.include(`"${written}" read as`);
    }
    // A store of credentials dumped stays credential dumping: the database reading leaves the SAM and NTDS alone.
    expect(model.rank('They dumped the Active Directory database.', { top: 1 })[0]).to.include({ id: 'T1003.003' });
  });

  // A news post's "the scale became clear" got Clear Windows Event Logs first, its why saying "the name of the
  // technique" for one word of the name; a technique's name said whole keeps saying so.
  it("says how many words of a technique's name a passage holds, and which name, unless it says the name", () => {
    const [first, second] = model.rank('By noon the extent of the outage was clear to the staff.', { top: 5 });
    expect(first).to.include({ id: 'T1070.001', why: 'words "clear"; 1 of the 6 words of its name "Indicator Removal: Clear Windows Event Logs"' });
    expect(second).to.include({ id: 'T1070', why: 'words "clear"; 1 of the 4 words of the name of T1070.009 "Indicator Removal: Clear Persistence"' });
    const said = model.rank('The actors used pass the hash to move between hosts.', { top: 2 });
    expect(said.map((c) => c.why)).to.deep.equal(['words "pass", "hash"; the name of the technique', 'words "pass", "hash"; the name of T1550.002']);
  });

  // A report's reference list: the glossary read the words of a URL's path (`aitm`, `keylogger`, `screenshot`), and
  // gave Adversary-in-the-Middle and Screen Capture at score 100, where the model's own words left the URL out.
  it("does not read a URL's path through the glossary: it reads the passage without indicators, as the model does", () => {
    for (const text of [
      'Write-up: https://www.example-research.com/blog/aitm-phishing-kit-targets-microsoft-365',
      'The sample is described at www.example-research.com/2024/keylogger-takes-screenshots.',
      'Indicators: hxxps://update-check[.]com/keylogger/screenshot-capture',
    ]) {
      const ranked = model.rank(text, { top: 5 });
      expect(ranked.map((c) => c.id).filter((id) => id === 'T1557' || id === 'T1113'), text).to.deep.equal([]);
      for (const candidate of ranked) expect(candidate.why, text).to.not.include('read as');
    }
  });

  // Defanged addresses of well-known services were removed like an attacker's own domain: `mega[.]nz` gave no MEGA, and
  // T1567.002 was missing from the top 5 that plain `MEGA` ranks first. Their service's name is read in their place.
  it("reads an address of a well-known service as the service's name, and an attacker's own domain as nothing", () => {
    for (const [text, id] of [
      ['The archives were then uploaded to mega[.]nz.', 'T1567.002'],
      ['The next stage is read from hxxps://pastebin[.]com/raw/Xy12AbCd.', 'T1102'],
      ['Results go to api.telegram[.]org.', 'T1102'],
    ] as const) {
      expect(model.rank(text, { top: 5 }).map((c) => c.id), text).to.include(id);
    }
    expect(model.passageWords('Uploaded to raw.githubusercontent[.]com and hxxps://discord[.]com/api/webhooks/1/x')).to.deep.equal(['uploaded', 'github', 'discord']);
    // Another domain is the attacker's: it adds no word, and the sentence ranks as it does without it.
    expect(model.passageWords('chemscalere[.]com hxxps://update-check[.]com/mega/pastebin')).to.deep.equal([]);
    expect(model.rank('The archives were uploaded to chemscalere[.]com.')).to.deep.equal(model.rank('The archives were uploaded to.'));
  });

  it('gives a markup line its entry with lines, as written, noted and not ranked; by sentence, no passage', () => {
    const text = ':toc:\n[options="header"]\nThe actor ran whoami on the host.\n';
    const lines = suggestTechniques(text, model, { lines: true });
    expect(lines.slice(0, 2)).to.deep.equal([
      { line: 1, text: ':toc:', candidates: [], note: MARKUP_NOTE },
      { line: 2, text: '[options="header"]', candidates: [], note: MARKUP_NOTE },
    ]);
    expect(lines[2]?.candidates.map((c) => c.id)).to.include('T1033');
    expect(suggestTechniques(text, model).map((p) => p.line)).to.deep.equal([3]);
  });

  // A Jekyll security digest (a Korean blog's weekly post) begins with its front matter: `comments: true` got
  // Web Service (T1102) 85, `last_modified_at: 2026-06-03T09:42:49+09:00` Timestomp (T1070.006) 100 and `- "Patch"`
  // Patch System Image (T1601.001) 100, each on one word: the page's metadata, which its text says again.
  it("ranks no line of a page's front matter: one passage by sentence, each line noted with lines", () => {
    const text = ['---', 'layout: post', 'last_modified_at: 2026-06-03T09:42:49+09:00', 'comments: true', 'tags:', '  - "Patch"', '---', '', 'The actor ran whoami on the host.', ''].join('\n');
    const [front, sentence] = suggestTechniques(text, model);
    expect(front).to.deep.equal({
      line: 1,
      text: '--- layout: post last_modified_at: 2026-06-03T09:42:49+09:00 comments: true tags: - "Patch" ---',
      candidates: [],
      note: FRONT_MATTER_NOTE,
    });
    expect(sentence).to.include({ line: 9 });
    expect(sentence!.candidates.map((c) => c.id)).to.include('T1033');
    const lines = suggestTechniques(text, model, { lines: true });
    expect(lines.slice(0, 7).map((p) => [p.line, p.candidates.length, p.note])).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((line) => [line, 0, FRONT_MATTER_NOTE]));
    expect(lines[8]!.note).to.equal(undefined);
    // TOML's `+++` (Hugo) too; a `---` rule that no `---` closes, one below the first line, or one above text (an
    // excerpt's rule: reports4 10 begins `---`, a blank line, `## MITRE ATT&CK Mapping`, a table, and `---` later), begins none.
    expect(suggestTechniques('+++\ntitle = "Notes"\n+++\nThe actor ran whoami on the host.', model)[0]).to.include({ line: 1, note: FRONT_MATTER_NOTE });
    for (const other of [
      '---\ncomments: true\nThe actor ran whoami on the host.',
      'Notes\n---\ncomments: true\n---\nThe actor ran whoami on the host.',
      '---\n\n## Mapping\n\n| Execution | T1059 |\n\n---\nThe actor ran whoami on the host.',
      '---\nSummary: the actor ran whoami on the host.\nIt then listed the shares.\n---',
    ]) {
      expect(suggestTechniques(other, model).filter((p) => p.note === FRONT_MATTER_NOTE), other).to.deep.equal([]);
    }
  });

  // The same digest's Liquid tags: `{% include ai-summary-card.html %}` got HTML Smuggling (T1027.006) 100, and the
  // multi-line `{% include news-card.html title="…" url="…" summary="…" source="The Hacker News" %}` Web Protocols
  // 94.8, HTML Smuggling and Tool on the news' title, summary and source, which the page's heading and text say again.
  it('ranks no template tag on lines of its own (Liquid, Jinja, Hugo): one passage, each line noted with lines', () => {
    const text = [
      '{% include ai-summary-card.html %}',
      '',
      '{% include news-card.html',
      '  title="Attackers exploit a WinRAR flaw to deliver malware by spearphishing"',
      '  url="https://news.example.com/2026/06/winrar.html"',
      '  summary="The group sent spearphishing emails with malicious RAR attachments."',
      '  source="The Hacker News"',
      '%}',
      '',
      'The actor ran whoami on the host.',
      '{{ page.title | escape }}',
      '{{< figure src="/img/chain.png" title="Infection chain" >}}',
    ].join('\n');
    const passages = suggestTechniques(text, model);
    expect(passages.map((p) => [p.line, p.note, p.candidates.length])).to.deep.equal([
      [1, TEMPLATE_NOTE, 0],
      [3, TEMPLATE_NOTE, 0],
      [10, undefined, 5],
      [11, TEMPLATE_NOTE, 0],
      [12, TEMPLATE_NOTE, 0],
    ]);
    expect(passages[1]!.text).to.equal('{% include news-card.html title="Attackers exploit a WinRAR flaw to deliver malware by spearphishing" url="https://news.example.com/2026/06/winrar.html" summary="The group sent spearphishing emails with malicious RAR attachments." source="The Hacker News" %}');
    expect(passages[2]!.candidates.map((c) => c.id)).to.include('T1033');
    const lines = suggestTechniques(text, model, { lines: true });
    expect(lines.filter((p) => p.note === TEMPLATE_NOTE).map((p) => p.line)).to.deep.equal([1, 3, 4, 5, 6, 7, 8, 11, 12]);
    // A tag that does not close, text after a tag, and an expression that calls or computes (a template injection's
    // payload, `{{7*7}}`) are read as text.
    for (const other of ['{% include news-card.html\ntitle="The actor sent spearphishing emails."', '{% raw %} The actor ran whoami on the host.', '{{7*7}}', "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}"]) {
      expect(suggestTechniques(other, model).filter((p) => p.note === TEMPLATE_NOTE), other).to.deep.equal([]);
    }
  });

  // ESET's IoC tables: the header row got Match Legitimate Name for `Filename`, and rows got Python (T1059.006) from the
  // detection name `Python/Agent.AGT` and Match Legitimate Name from the sample's name `OneDrive.exe`, with two words
  // in common; the description cell ("Keylogger plugin.") is what the row says.
  it("ranks no table header row, and of an indicator table's row only its text, with a note (also with lines)", () => {
    const text = [
      '[options="header"]',
      '|===',
      '|SHA-1 |Filename |Detection |Description',
      '|`AF85D79BC16B691F842964938C9619FFD1810C30` |`b011.dat` |Win32/Agent.VKT |Keylogger plugin.',
      '|`0b9efaef974c625d9f8e3935b33c16ffbc59d798` |`OneDrive.exe` |Python/Agent.AGT |',
      '|===',
    ].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(text, model, { lines }).filter((p) => p.text.startsWith('|SHA') || p.text.startsWith('|`'));
      expect(passages[0], `lines: ${lines}`).to.deep.equal({ line: 3, text: '|SHA-1 |Filename |Detection |Description', candidates: [], note: TABLE_HEADER_NOTE });
      expect(passages[1]).to.include({ line: 4, note: INDICATOR_ROW_TEXT_NOTE });
      expect(passages[1]!.candidates[0]).to.include({ id: 'T1056.001' });
      for (const candidate of passages[1]!.candidates) expect(candidate.why).to.not.match(/"(?:win32|agent|vkt|b011|dat)"/);
      expect(passages[2]).to.deep.include({ line: 5, candidates: [], note: INDICATOR_ROW_NOTE });
    }
    // A row without indicator cells is read whole, as before.
    const [row] = suggestTechniques('| Persistence | The loader adds a Run key to start at logon |', model);
    expect(row!.note).to.equal(undefined);
    expect(row!.candidates.map((c) => c.id)).to.include('T1547.001');
  });

  // A vendor's CSV of indicators (the shape of Sophos's `2505 DragonForce targets SimpleHelp RMM.csv` in sophoslabs/IoCs,
  // `Indicator_type,Data,Note` / `sha256,…,DragonForce ransomware binary` / `filename,…bat,Batch script to list and clear
  // all Windows Event logs`; our rows, its licence not read): its header row got Indicator Removal and rows 2 to 6 were
  // one passage. Each row is a record, its header row not ranked, and a row is read by its column of text only (not the
  // type, the hash or the path); a row with no text is not ranked. Three lines of prose with a comma each are no table.
  it('reads a CSV or TSV of indicators row by row: no header row, only the cells of its text column, by sentence and with lines', () => {
    const rows = [
      ['Indicator_type', 'Data', 'Note'],
      ['sha256', 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 ', 'Example ransomware binary '],
      ['file_path', 'C:\\ProgramData\\Remote Access\\working\\win.exe ', 'Example ransomware binary '],
      ['filename', 'CLEAR ALL.bat ', 'Batch script to list and clear all Windows Event logs '],
      ['sha256', '0b9efaef974c625d9f8e3935b33c16ffbc59d7980b9efaef974c625d9f8e3935 ', ''],
    ];
    for (const separator of [',', '\t']) {
      const text = `${rows.map((row) => row.join(separator)).join('\n')}\n`;
      for (const lines of [false, true]) {
        const passages = suggestTechniques(text, model, { lines });
        const context = `${JSON.stringify(separator)}, lines: ${lines}`;
        expect(passages.map((p) => p.line), context).to.deep.equal([1, 2, 3, 4, 5]);
        expect(passages[0], context).to.deep.equal({ line: 1, text: rows[0]!.join(separator).replace(/\s+/g, ' '), candidates: [], note: TABLE_HEADER_NOTE });
        expect(passages[2]!.candidates, context).to.deep.equal(suggestTechniques('Example ransomware binary', model)[0]!.candidates);
        expect(passages[3]).to.include({ note: INDICATOR_ROW_TEXT_NOTE });
        expect(passages[3]!.candidates.map((c) => c.id), context).to.include('T1070.001');
        expect(passages[4], context).to.deep.include({ candidates: [], note: INDICATOR_ROW_NOTE });
      }
    }
    const prose = 'The actor, once inside, ran a loader\nthat, in turn, fetched the payload\nand then, after a day, encrypted the files.';
    expect(splitPassages(prose).map((p) => p.text)).to.deep.equal(['The actor, once inside, ran a loader that, in turn, fetched the payload and then, after a day, encrypted the files.']);
  });

  // A blog's list of sources ("Check Point Research, Palo Alto Networks, IBM — Threat Intelligence Reports") got
  // Exploit Public-Facing Application 100 with four words in common, from a procedure example about a Palo Alto
  // Networks appliance; a slide's "CISA" and a line "ESET" are who reported, not what was done.
  it('ranks no passage made only of names of security vendors, products or news sites, and says so', () => {
    for (const text of ['ESET', 'Microsoft Defender', 'Check Point Research, Palo Alto Networks, IBM — Threat Intelligence Reports', 'Arctic Wolf — Incident Analysis, March 2026']) {
      for (const lines of [false, true]) expect(suggestTechniques(text, model, { lines }), text).to.deep.equal([{ line: 1, text, candidates: [], note: VENDOR_NOTE }]);
    }
    // A sentence that names them and says what was done is ranked.
    const [said] = suggestTechniques('Palo Alto Networks and IBM confirm that the actor sent spearphishing emails with malicious attachments.', model);
    expect(said!.note).to.equal(undefined);
    expect(said!.candidates[0]).to.include({ id: 'T1566.001' });
  });

  // ZDNET's BlackCat/Oiltanking post, as GenAI-Threat-Intelligence-Research keeps it saved as Markdown, opens with its
  // editions one a line (`Asia` / `Australia` / `Europe` / `India` / `United Kingdom` / `United States`: Europe got
  // Gather Victim Identity Information: Credentials 98.7, India Acquire Infrastructure: Domains 92.2, the last two
  // System Language Discovery 100). A reconstruction in our words: names of places alone, or listed, say where; a
  // sentence naming them, or a place beside other words, is read.
  it('ranks no passage made only of names of places (a site\'s editions, a list of countries), and says so', () => {
    const editions = ['Asia', 'Europe', 'India', 'United Kingdom', 'United States'];
    for (const lines of [false, true]) {
      const passages = suggestTechniques([...editions, 'The actor sent spearphishing emails with malicious attachments to the staff.'].join('\n\n'), model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => p.note), `lines: ${lines}`).to.deep.equal([...editions.map(() => PLACE_NOTE), undefined]);
    }
    for (const text of ['Germany, France and Italy', '- South Korea / Japan', 'The Middle East']) expect(suggestTechniques(text, model)[0]!.note, text).to.equal(PLACE_NOTE);
    expectRead([['The actor sent spearphishing emails to ministries in Germany, France and Italy.', 'T1566.001'], ['Europe Remote Access Gateway'], ['US Exploitation']]);
  });

  // A short sentence that only lists the tools of the step told before it, split off from it (a reconstruction in our
  // words of the shape the lead met: `… tunnelled its traffic out.` / `LIGOLO and REVSOCKS.`, which got Proxy 100 on one
  // group's example naming a tool "similar to" revsocks and Obtain Capabilities: Tool 9.3 for LIGOLO). Names listed
  // alone say which tools, not what was done, whether the glossary knows them (Mimikatz) or not; a technique's name
  // (PowerShell), a protocol's acronym (RDP), common words (Cobalt Strike, Chisel), and a sentence are read.
  it('ranks no passage that only lists names of tools (LIGOLO and REVSOCKS.), and says so, known tools or not', () => {
    const text = 'The actor tunnelled its traffic out of the network through two reverse proxies.\nLIGOLO and REVSOCKS.';
    for (const lines of [false, true]) {
      const passages = suggestTechniques(text, model, { lines });
      expect(passages.map((p) => [p.text, p.note, p.candidates.length > 0]), `lines: ${lines}`).to.deep.equal([
        ['The actor tunnelled its traffic out of the network through two reverse proxies.', undefined, true],
        ['LIGOLO and REVSOCKS.', TOOL_NAMES_NOTE, false],
      ]);
    }
    expectUnranked(['Ligolo-ng, REVSOCKS and Iox', '- Rsocx / Iox', 'Mimikatz and PsExec.', 'AdFind / Rclone'], TOOL_NAMES_NOTE);
    expectRead([
      ['PowerShell and WMI.', 'T1059.001'],
      ['RDP and SMB.'],
      ['Ligolo-ng and Chisel.', 'T1572'],
      ['Cobalt Strike and Brute Ratel.'],
      ['The actor used LIGOLO and REVSOCKS.'],
    ]);
  });

  // One name alone, split off from what was done with it: Trend Micro's 2021 midyear report (its PDF as Markdown text)
  // flattens its table of tools one cell a paragraph (`Mimikatz`, then `Credential dumping` cells later; `AdFind`,
  // then `Active Directory (AD) search utility`); ESET's Sponsor post (September 2023) describes a file among its
  // indicators as `Mimikatz.` alone. Each got the technique of the tool's best-known use at 100 on the name alone. The
  // shapes in our words, around names the glossary knows as tools; a name it does not know, a word ending in -ing (an
  // activity), one the glossary reads as the word it shortens (Recon) and a sentence with a verb are read.
  it('ranks no passage that is one name of a tool the glossary knows (Mimikatz., AdFind), and says so; a sentence using it is read', () => {
    const table = ['Tool', 'Intended use', 'Mimikatz', 'Proof-of-concept code for demonstrating vulnerabilities', 'AdFind', 'Active Directory (AD) search utility', 'MegaSync', 'Credential dumping'];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(table.join('\n\n'), model, { lines });
      expect(passages.filter((p) => p.note === TOOL_NAMES_NOTE).map((p) => p.text), `lines: ${lines}`).to.deep.equal(['Mimikatz', 'AdFind', 'MegaSync']);
      expect(passages.find((p) => p.text === 'Credential dumping')!.candidates[0]!.id, `lines: ${lines}`).to.equal('T1003');
    }
    expectUnranked(['Mimikatz.', 'AdFind', '- Rclone', 'AnyDesk.', 'ProcDump'], TOOL_NAMES_NOTE);
    expectRead([
      ['Used Mimikatz.', 'T1003.001'],
      ['Mimikatz dumped credentials from LSASS.', 'T1003.001'],
      ['The tools were Mimikatz and AdFind.', 'T1003.001'],
      ['TypoSquatting', 'T1583.001'],
      ['Recon'],
      ['REVSOCKS'],
    ]);
  });

  // The same blog: "Palo Alto Networks and IBM confirm that Handala is known for adversary-in-the-middle phishing." got
  // Exploit Public-Facing Application first, on "palo", "alto", "networks" (a procedure example exploiting a Palo Alto
  // Networks appliance), Adversary-in-the-Middle second.
  it('does not read the vendors that reported what a sentence says; a vendor whose product was attacked is read', () => {
    for (const text of [
      'Palo Alto Networks and IBM confirm that the group is known for adversary-in-the-middle phishing.',
      'Multiple firms, including Check Point Research, Palo Alto Networks, and IBM — have confirmed that the group uses adversary-in-the-middle phishing.',
      'According to Palo Alto Networks, the group is known for adversary-in-the-middle phishing.',
      // The last name its lab's (F-Secure's CloudDuke post: `we also saw Palo Alto Networks and Kaspersky Labs publish
      // research on malware components…` got Exploit Public-Facing Application 100 on `palo`, `alto`, `networks`).
      'Last week, we also saw Palo Alto Networks and Kaspersky Labs publish research on the group’s adversary-in-the-middle phishing.',
    ]) {
      const [passage] = suggestTechniques(text, model);
      expect(passage!.candidates[0], text).to.include({ id: 'T1557' });
      for (const candidate of passage!.candidates) expect(candidate.why, text).to.not.match(/"(?:palo|alto|ibm|check|point)"/);
    }
    const [attacked] = suggestTechniques('During the intrusion, the actor exploited CVE-2024-3400 in a Palo Alto Networks firewall.', model);
    expect(attacked!.candidates[0]).to.include({ id: 'T1190' });
    expect(attacked!.candidates[0]!.why).to.include('"palo", "alto", "networks"');
  });

  // A mailed advisory (reports4 19-en-email-oyster.txt): "Dear Team," got Messaging Applications 99.1, "Best regards,"
  // System Owner/User Discovery 92.6, the labels "Associated Threat Actors:" Archive via Utility 98.2 and "Attack
  // Techniques:" Endpoint Denial of Service 88.8; ESET's "= CeranaKeeper - Indicators of Compromise" (suggest3 04b)
  // Obfuscated Files or Information 100. None of them says what was done.
  // A heading of the report's parts without a mark, as a PDF as text writes it (a minimal reconstruction of the
  // Detection Engineering & Threat Hunting (DE&TH) Guide v1.1 as text: `References` above its list of addresses got
  // Template Injection 97). A heading naming a behaviour, and a sentence with such a word, are read.
  it("ranks no heading of the report's parts without a mark (References, Executive Summary), and says so; a behaviour's heading is read", () => {
    expectUnranked(['References', 'Executive Summary', 'Table of Contents', 'Key Findings', 'Timeline'], REPORT_STRUCTURE_NOTE);
    expectRead([['Rootkit', 'T1014'], ['The loader removed the references to itself from the Run key.', 'T1547.001']]);
  });

  // Mandiant's ALPHV post of April 2023, scraped into one line (GenAI-Threat-Intelligence-Research keeps it), heads its
  // sections by the stages of the attack, glued to their first sentences: `Defense Evasion` got Exploitation for Defense
  // Evasion 94.4, `Command and Control` Exfiltration Over C2 Channel 97, `Internal Reconnaissance` Network Service
  // Discovery 75.5, `Complete Mission` Indicator Removal: File Deletion 100; and by the report's parts, `Exposure`
  // Environmental Keying 96.1 (the Red Canary 2020 Threat Detection Report as text: `Top Techniques`, Virtualization/Sandbox
  // Evasion 63.6). A reconstruction in our words. A technique's name as a heading is read; a column's name alone is a
  // table's header cell.
  it("ranks no heading or cell that is only an attack's stages (Defense Evasion, Complete Mission) or a report's part (Exposure, Top Techniques); a technique's name is read", () => {
    expectUnranked(['Defense Evasion', 'Command and Control', 'Execution', 'Persistence, Privilege Escalation', '## Lateral Movement', 'Internal Reconnaissance', 'Initial Compromise and Establish Foothold', 'Complete Mission'], ATTACK_STAGE_NOTE);
    expectUnranked(['Exposure', 'Top Techniques', 'Attack Phases', 'Detection Opportunities', 'Testing'], REPORT_STRUCTURE_NOTE);
    expectUnranked(['Techniques'], COLUMN_NAMES_NOTE);
    expectRead([['Ingress Tool Transfer', 'T1105'], ['Decoded PowerShell payload', 'T1059.001'], ['The actor moved laterally over SMB with stolen admin credentials.', 'T1021.002']]);
    const page = 'UNC0000 reached the server over SOCKS5 tunnels. Defense EvasionDuring operations, UNC0000 cleared the event logs. Complete MissionIn late 2024, UNC0000 deployed the ransomware. ExposureAs of this post, many servers are exposed.';
    const notes = new Map(suggestTechniques(page, model).map((passage) => [passage.text, passage.note]));
    expect([notes.get('Defense Evasion'), notes.get('Complete Mission'), notes.get('Exposure')]).to.deep.equal([ATTACK_STAGE_NOTE, ATTACK_STAGE_NOTE, REPORT_STRUCTURE_NOTE]);
  });

  // A tactic's name made plural is the ordinary word, not the tactic: READMEs and API documents on GitHub head sections
  // `## Collections` (a database's) and `### Executions` (a workflow's runs), and ATT&CK never writes a tactic so; the
  // one-letter tolerance of `parseTacticList` read them as Collection and Execution. A misspelling inside the word
  // (`Persistance`, `Reconaissance`) still names the tactic.
  it("gives no attack's stage note to a tactic's name made plural (Collections, Executions); a misspelt tactic keeps it", () => {
    expectUnranked(['Persistance', 'Reconaissance', '### Privilage Escalation'], ATTACK_STAGE_NOTE);
    for (const text of ['Collections', '## Executions', 'Collection, Exfiltrations', 'Lateral Movements, Collections']) {
      for (const lines of [false, true]) expect(suggestTechniques(text, model, { lines }).map((p) => p.note), `${text} (lines: ${lines})`).to.not.include(ATTACK_STAGE_NOTE);
    }
  });

  // A tactic of more words keeps its sense in the plural: Active Directory cheat sheets on GitHub head their sections
  // `## Lateral Movements` (PsExec, WinRM, RDP under it) and `### Lateral movements`, and Microsoft's Defender for Identity
  // pages list alerts under `### Lateral movements`. `Initial Accesses` is not read as a tactic at all (real text writes
  // it of a cache's first reads), and a technique's name in the plural (`Scheduled Tasks`) is read.
  it("gives the attack's stage note to a tactic of more words made plural (Lateral Movements); Initial Accesses and Scheduled Tasks are read", () => {
    expectUnranked(['Lateral Movements', '### Lateral movements', 'Privilege Escalations', 'Defense Evasions and Lateral Movements'], ATTACK_STAGE_NOTE);
    for (const text of ['Initial Accesses', 'Scheduled Tasks']) {
      for (const lines of [false, true]) expect(suggestTechniques(text, model, { lines }).map((p) => p.note), `${text} (lines: ${lines})`).to.not.include(ATTACK_STAGE_NOTE);
    }
  });

  // A guide's sections in capitals without a mark (CISA, NSA, FBI and MS-ISAC's Phishing Guidance: Stopping the Attack
  // Cycle at Phase One, October 2023, as text, a US government work: `DEFINITION` got Dynamic Data Exchange, `MITIGATIONS`
  // Disable or Modify Tools). A sentence with the words is read.
  it("ranks no guide's section heading without a mark (DEFINITION, MITIGATIONS), and says so", () => {
    expectUnranked(['DEFINITION', 'MITIGATIONS', 'Mitigations', 'Definitions'], REPORT_STRUCTURE_NOTE);
    expectRead([['The actor changed the definitions of the antivirus product to disable its detection.', 'T1562.001']]);
  });

  // The same guide heads its mitigations by whom they are for, in capitals (`MITIGATIONS` / `ALL ORGANIZATIONS`, which got
  // Gather Victim Org Information 99.1; its sections for `SMALL- AND MEDIUM-SIZED BUSINESSES` and `SOFTWARE
  // MANUFACTURERS`). A heading in lower case and a sentence about organizations are read.
  it("ranks no heading in capitals naming an advisory's readers (ALL ORGANIZATIONS), and says so", () => {
    expectUnranked(['ALL ORGANIZATIONS', 'SMALL- AND MEDIUM-SIZED BUSINESSES', 'SOFTWARE MANUFACTURERS', 'NETWORK DEFENDERS'], REPORT_STRUCTURE_NOTE);
    expectRead([['The actor gathered the names of the organizations its victim works with and their business relationships.', 'T1591']]);
    expect(suggestTechniques('Targeted organizations', model)[0]!.note).to.equal(undefined);
  });

  // A blog's sign-off (minimal reconstructions of Malwarebytes Labs' weekly round-ups, "A Week in Security (Jan 31 – Feb
  // 6)" of 2016 and "A week in security (February 1 – February 7)" of 2021, and the 2022 round-up reposted by
  // redpacketsecurity.com: `Stay safe!` got Impair Defenses: Safe Mode Boot 100, and so did `Stay safe, everyone!`). A
  // sentence about safe mode is read.
  it("ranks no blog's sign-off wishing its readers well, and says so; a sentence about safe mode is read", () => {
    expectUnranked(['Stay safe!', 'Stay safe, everyone!', 'Safe surfing, everyone!', 'Happy hunting!'], SALUTATION_NOTE);
    expectRead([['Stay safe: the ransomware rebooted each host into safe mode before it encrypted the files.', 'T1562.009']]);
  });

  // A write-up's thanks by name (The DFIR Report's Conti case as rayhanur-rahman/ChronoCTI keeps it: `Thanks Maxime!`
  // got Process Discovery 100 on the name). A sentence that begins with thanks to a tool is read.
  it("ranks no thanks by name (Thanks Maxime!), and says so; a sentence owed to a tool is read", () => {
    expectUnranked(['Thanks Maxime!', 'Thanks Brad!', 'Special thanks to Jane Doe.', 'Thank you Mike!'], SALUTATION_NOTE);
    expectRead([['Thanks to Mimikatz, the actor dumped the credentials from the LSASS memory of the domain controller.', 'T1003.001']]);
  });

  it('ranks no greeting, sign-off, or heading or label of the report\'s parts, and says so; a label naming a behaviour is read', () => {
    const unranked: [text: string, note: string][] = [
      ['Dear Team,', SALUTATION_NOTE],
      ['Best regards,', SALUTATION_NOTE],
      ['Hi all', SALUTATION_NOTE],
      ['Associated Threat Actors:', REPORT_STRUCTURE_NOTE],
      ['Attack Techniques:', REPORT_STRUCTURE_NOTE],
      ['Key Points: Malware Utilized:', REPORT_STRUCTURE_NOTE],
      ['= CeranaKeeper - Indicators of Compromise', REPORT_STRUCTURE_NOTE],
      ['## 4.2 Executive Summary', REPORT_STRUCTURE_NOTE],
    ];
    for (const [text, note] of unranked) {
      for (const lines of [false, true]) expect(suggestTechniques(text, model, { lines }), text).to.deep.equal([{ line: 1, text, candidates: [], note }]);
    }
    const read: [text: string, id: string][] = [
      ['Credential Dumping:', 'T1003'],
      ['Persistence via Run keys:', 'T1547.001'],
      ['Dear customer, the actor sent spearphishing emails with malicious attachments.', 'T1566.001'],
      ['## Spearphishing attachments sent to the finance team', 'T1566.001'],
    ];
    for (const [text, id] of read) {
      const [entry] = suggestTechniques(text, model);
      expect(entry!.note, text).to.equal(undefined);
      expect(entry!.candidates.slice(0, 3).map((c) => c.id), text).to.include(id);
    }
  });

  // A scraped Talos page's menu (reports5 02): "+ [Email & Spam Trends](https://...)" got Email Bombing 99.6, "* [Incident
  // Response](...)" Email Collection 100; a scraped Cyble post's "Previous Post ... Next Post" and "More from Cyble" links
  // (reports6 02). They are the titles of other pages. A sentence with a link in it is read.
  it('ranks no passage that is only links (a menu, a category, other posts), and says so; a sentence with a link is read', () => {
    for (const text of [
      '+ [Email & Spam Trends](https://intel.example.com/reputation_center/email_rep)',
      '* [Incident Response](https://intel.example.com/incident_response)',
      '[ransomware](/category/ransomware/)',
      '[Previous Post A loader campaign](https://blog.example.com/a/)[Next Post How phishing kits work](https://blog.example.com/b/)',
      // Two menu items whose lines were joined: a list mark between the links.
      '+ [Threat Source Newsletter](https://blog.example.com/category/newsletter/) + [Beers with Analysts Podcast](https://intel.example.com/podcasts/beers)',
      // A linked image (a logo, an advertisement's banner) and an image without a text.
      '[![Incident Response Retainer](data:image/png;base64...)](https://ads.example.com/ir-retainer)',
      '[![](data:image/png;base64...)](https://img.example.com/s790/software.jpg)',
      '![](https://img.example.com/s790/software.jpg)',
      // A linked image with a title after its address: no sentence ends in it.
      '[![Linux Rootkit KITTEN](data:image/png;base64... "Linux Rootkit KITTEN")](https://img.example.com/s790/malware.png)',
      // The rest of a link's text whose bracket opened lines before, and its address (The Hacker News's PUMAKIT post saved
      // as Markdown, a linked image and its title apart: "Stop Alert Chaos: … Incident Response](https://…)" got
      // Service Stop 98.1; its "[**" ⏎ ⏎ "Reach out to get featured—contact us to send your exclusive story idea, …
      // leave a comment/feedback!](/p/submit-news.html)" Spearphishing via Service 100).
      'Stop Alert Chaos: Context Is the Key to Effective Incident Response](https://news.example.com/2025/09/stop-alert-chaos.html)',
      'Reach out to get featured—contact us to send your exclusive story idea, research, hacks, or ask us a question or leave a comment/feedback!](/p/submit-news.html)',
    ]) {
      for (const lines of [false, true]) expect(suggestTechniques(text, model, { lines }), text).to.deep.equal([{ line: 1, text, candidates: [], note: LINKS_NOTE }]);
    }
    expectRead([
      ['The actor sent [spearphishing emails](https://blog.example.com/a/) with malicious attachments to the staff.', 'T1566.001'],
      // An image's text may say what it shows.
      ['![The actor sent spearphishing emails with malicious attachments](https://img.example.com/lure.png)', 'T1566.001'],
      // A bracket closed in a sentence is no link's end.
      ['The actor sent spearphishing emails with malicious attachments [see figure 2] to the staff.', 'T1566.001'],
    ]);
  });

  // The Hacker News's Kalambur post saved as Markdown labels its menu's sections between their links: "Resources" got
  // Resource Forking (T1564.009) 93.8, "About Site" Exfiltration to Text Storage Sites 98.1; "Follow Us On Social Media"
  // Search Open Websites/Domains: Social Media 100, marked as advice. A heading
  // after links, above the report's paragraph, is read.
  it("ranks no label of a menu's section between its links, and says so; a heading after links is read", () => {
    const page = [
      '* [Home](/)', '* [Cyber Attacks](/search/label/attack)', '', 'Resources', '', '* [Webinars](/p/webinars.html)', '* [Free eBooks](https://ebooks.example.com)',
      '', 'About Site', '', '* [About Us](/p/about-us.html)', '', 'Follow Us On Social Media', '',
      '* [Report](https://example.com/report.pdf)', '', 'Lateral Tool Transfer', '', 'The actor moved to other hosts over SMB with stolen admin credentials.',
    ];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page.join('\n'), model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => [p.line, p.note]), `lines: ${lines}`).to.deep.equal([
        [1, LINKS_NOTE], [2, LINKS_NOTE], [4, MENU_NOTE], [6, LINKS_NOTE], [7, LINKS_NOTE], [9, MENU_NOTE], [11, LINKS_NOTE], [13, PAGE_FURNITURE_NOTE],
        [15, LINKS_NOTE], [17, undefined], [19, undefined],
      ]);
    }
  });

  // A site's menu on one line, its items set apart by bars (F-Secure's News from the Lab post on CloudDuke as a
  // threat-report corpus keeps it scraped: `ARCHIVES | SEARCH`, Archive via Utility 85.9). A table's row (a bar first)
  // and a line of other words between bars are read.
  it("ranks no site's menu of words set apart by bars (ARCHIVES | SEARCH); a table's row and a list of techniques are read", () => {
    expectUnranked(['ARCHIVES | SEARCH', 'Blog | Archives | Contact', 'Home page | Search'], PAGE_FURNITURE_NOTE);
    expectRead([['| Archive | The actor compressed the files with WinRAR before exfiltration |', 'T1560.001'], ['Archive Collected Data | Exfiltration Over Web Service']]);
  });

  // Scraped vendor pages keep their cookie banner, footer, share buttons and newsletter box: on ESET's (reports6 01)
  // "Manage Cookies" got Steal Web Session Cookie 100, "Subscribe" Publish/Subscribe Protocols 100, "Share Article"
  // Network Share Discovery 100, "Copyright © ESET, All Rights Reserved" Right-to-Left Override 100; Sekoia's "Log in"
  // Valid Accounts 100, Cyble's "May 27, 2026 · 11 min read" Query Registry 97.9; BleepingComputer's "Follow us:"
  // (GenAI-Threat-Intelligence-Research's BlackCat Sphynx post) Ingress Tool Transfer 73.8, marked as advice.
  it('ranks no passage made only of a web page\'s furniture, and says so; a word of behaviour among them is read', () => {
    expectUnranked(['Manage Cookies', 'Privacy Policy', 'Share this post:', 'Sign up for our newsletters', 'Copyright © ESET, All Rights Reserved', 'Related Articles', 'May 27, 2026 · 11 min read', 'Log in', 'Follow us:'], PAGE_FURNITURE_NOTE);
    // A news site's call to follow it and its slogan (The Hacker News's Kalambur post saved as Markdown: "Found this
    // article interesting?" got Data from Local System 100, "Follow us on [Google News](…) … to read more exclusive
    // content we post." was advice, "#1 Trusted Cybersecurity News Platform" got Domain Trust Discovery 98.4).
    expectUnranked([
      'Found this article interesting?',
      'Follow us on [Google News](https://news.example.com/x), [Twitter](https://twitter.com/site) and [LinkedIn](https://www.linkedin.com/company/site/) to read more exclusive content we post.',
      '#1 Trusted Cybersecurity News Platform',
      'Followed by 5.20+ million[**](https://twitter.com/site)',
      'Contact/Tip Us',
    ], PAGE_FURNITURE_NOTE);
    // An advertisement's slot and a newsletter box's call and thanks, as pages saved as Markdown by
    // GenAI-Threat-Intelligence-Research keep them (Krebs on Security's `Advertisement`, Malvertising 100; Sophos News's
    // `Subscribe to get the latest updates in your inbox.` and `You’re now subscribed!`, Publish/Subscribe Protocols 100;
    // ZDNET's `Cookie Settings |`, Steal Web Session Cookie 100).
    expectUnranked(['Advertisement', 'Advertise |', 'Subscribe to get the latest updates in your inbox.', 'You’re now subscribed!', 'Cookie Settings |'], PAGE_FURNITURE_NOTE);
    expectRead([
      ['The actor stole the session cookies of the logged-in users.', 'T1539'],
      ['The actor bought advertising on search engines to lure victims to a fake installer.'],
      ['Network share discovery', 'T1135'],
      // A menu's or a table's word alone is none.
      ['Platform'],
    ]);
  });

  // A news site's cookie banner scraped with the post (a reconstruction in our words of The Register's, as
  // GenAI-Threat-Intelligence-Research keeps its 2012 Amnesty International post saved as Markdown: its sentences about
  // cookies got Steal Web Session Cookie 95-100, `Always active` Process Discovery 85.8). The site speaks to its reader of
  // its cookies in a consent's words; what stands between two such sentences is the banner's too. A report's sentence
  // about cookies names an attack's word (steal, session, browser, infected) and is read, even right after the banner.
  it("ranks no cookie banner's sentences nor what stands between them, and says so; a sentence about stolen cookies is read", () => {
    const banner = [
      'You guessed it: yet another cookie pop-up.',
      'It is the law, we are afraid.',
      'We count our readers and show you relevant ads by keeping cookies on your device.',
      '',
      'Manage Cookie Preferences',
      '',
      'Required.',
      'Always on',
      '',
      'These cookies are needed so that you can move around the site and use its features.',
      '',
      'Tailored Advertising.',
      '',
      'These cookies help us make the ads you see more relevant to you.',
      '',
      'The actor stole the session cookies of the logged-in users.',
      '',
    ].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(banner, model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      const own = passages.pop()!;
      expect(own.note, `lines: ${lines}`).to.equal(undefined);
      expect(own.candidates.slice(0, 3).map((c) => c.id)).to.include('T1539');
      expect(passages.map((p) => [p.text, p.note, p.candidates.length]), `lines: ${lines}`).to.deep.equal(passages.map((p) => [p.text, PAGE_FURNITURE_NOTE, 0]));
    }
    expectRead([
      ['The stealer copies the cookies from your browser profile to its server.', 'T1539'],
      ['Our analysis shows that the site set a cookie on your device to track infected visitors.'],
    ]);
  });

  // A vendor's cookie box with its pointer to the policy and its button (a reconstruction in our words of eSentire's, as
  // GenAI-Threat-Intelligence-Research keeps its post on ALPHV/BlackCat and Google Ads saved as Markdown: `Visit our
  // Privacy Policy to learn more.` got Bookmark Discovery 91.4, `Accept` Multi-Stage Channels 97.8). The button and the
  // pointer are the banner's after its sentence only; alone, or a report's sentence about a policy or accepting
  // connections, they are read.
  it("ranks no cookie box's button (Accept) nor its pointer to the privacy policy after its sentence; alone they are read", () => {
    const box = [
      'We use cookies to give you the best experience on our website; by staying here you consent to them.',
      'Read our Privacy Policy for more information.',
      '',
      '',
      'Accept',
      '',
      'Reject all',
      '',
    ].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(box, model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      expect(passages.map((p) => [p.text, p.note, p.candidates.length]), `lines: ${lines}`).to.deep.equal(passages.map((p) => [p.text, PAGE_FURNITURE_NOTE, 0]));
      expect(passages.map((p) => p.text), `lines: ${lines}`).to.include('Accept');
    }
    expectRead([
      ['Accept'],
      ['Visit our Privacy Policy to learn more.'],
      ['The implant accepts connections on port 443 and runs the commands it receives.', 'T1571'],
      ['The phishing page copied the bank’s privacy policy to look genuine.'],
    ]);
  });

  // A consent box that writes its buttons before its sentence (a reconstruction in our words of a Shopify store's box as
  // a site crawl keeps it, elevaremarket.com found with find_string: `Manage consent preferences` / `Reject all` /
  // `Accept all` / `We use cookies to optimize website functionality…`). The buttons are the banner's before its
  // sentence as after it; alone, or too far from it, they are read.
  it("ranks no cookie box's buttons written before its sentence (Reject all, Accept all); too far before, they are read", () => {
    const box = [
      'Manage consent preferences',
      '',
      'Reject all',
      '',
      'Accept all cookies',
      '',
      'We use cookies to make our site work and to measure how you use it; some of them cannot be switched off.',
    ].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(box, model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      expect(passages.map((p) => [p.text, p.note, p.candidates.length]), `lines: ${lines}`).to.deep.equal(passages.map((p) => [p.text, PAGE_FURNITURE_NOTE, 0]));
      expect(passages.map((p) => p.text), `lines: ${lines}`).to.include.members(['Reject all', 'Accept all cookies']);
    }
    const far = ['Accept all cookies', 'One.', 'Two.', 'Three.', 'Four.', 'We use cookies to make our site work for you.'].join('\n');
    const notes = new Map(suggestTechniques(far, model, { lines: true }).map((p) => [p.text, p.note]));
    expect(notes.get('Accept all cookies')).to.not.equal(PAGE_FURNITURE_NOTE);
    expect(notes.get('We use cookies to make our site work for you.')).to.equal(PAGE_FURNITURE_NOTE);
  });

  // A vendor's box of its services inside the post (a reconstruction in our words of The DFIR Report's, as its posts
  // are saved as Markdown, "Navigating Through The Fog" of April 2025 and "The Curious Case of an Egg-Cellent Resume":
  // `* [Threat Feed](…): Focuses on tracking Command and Control frameworks like Cobalt Strike, Metasploit, Sliver, etc.`
  // got Exfiltration Over C2 Channel 96.3). A section on a technique's services is read.
  it("ranks no vendor's box of its services (Our Services, The … Services) up to the next heading, and says so; Remote Services is read", () => {
    const page = [
      '## [The Example Report Services](#services)',
      '',
      '* [Private Briefs](https://example.com/services/#briefs): 20+ private reports a year.',
      '* [Threat Feed](https://example.com/services/#feed): Tracks command and control frameworks such as Cobalt Strike and Sliver.',
      '',
      '[Contact us](https://example.com/contact/) today for pricing or demo!',
      '',
      '## Remote Services',
      '',
      'The actor used RDP with the stolen domain credentials to move laterally to the file server.',
    ].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      // (The heading, a link alone, may have a note of its own.)
      expect(passages.map((p) => [p.note !== undefined, p.candidates.length > 0]), `lines: ${lines}`).to.deep.equal([
        [true, false], [true, false], [true, false], [true, false], [false, true], [false, true],
      ]);
      expect(passages.slice(1, 3).map((p) => p.note), `lines: ${lines}`).to.deep.equal([ADVERTISEMENT_NOTE, ADVERTISEMENT_NOTE]);
      expect(passages.at(-1)!.candidates.slice(0, 3).map((c) => c.id)).to.include('T1021.001');
    }
  });

  // A report's notes about itself (The DFIR Report's posts saved as Markdown, reconstructions in our words: `This report
  // was previously provided to our All Intel customers…`, File and Directory Discovery 59.4; `An audio version of this
  // report can be found on [Spotify](…), …`, Audio Capture 100; `If you would like to get an email when we publish a new
  // report, please subscribe [here](…).`, Publish/Subscribe Protocols 100), one sentence each. What the report says of
  // the actor is read.
  it("ranks no report's note about itself (first given to customers, its audio version, a call to receive the next), and says so", () => {
    expectUnranked([
      'This report was first provided to our intel customers as a private brief.',
      '- This case was first published as a [Private Brief](https://example.com/services/#brief) for customers in May of 2025.',
      'An audio version of this report is on [Spotify](https://example.com/a), [Apple](https://example.com/b) and [YouTube](https://example.com/c).',
      'If you are interested in receiving reports like this one, please [contact us](https://example.com/contact/).',
      'If you would like to get an email when we publish a new report, please subscribe [here](https://example.com/subscribe/).',
      'Six new rules were created from this report and added to our detection ruleset.',
      'Contact us today for pricing or demo!',
    ], PAGE_FURNITURE_NOTE);
    expectRead([
      ['This report was first published by the actor on a forum for its customers, with the stolen credentials of the victims.'],
      ['An audio recording of the meeting was captured by the implant and sent to the server.', 'T1123'],
    ]);
  });

  // What a post does, told of nothing in particular (Darktrace's Sodinokibi post as the pages corpus stores it: `This blog
  // explores its findings.`, which got Web Service: Bidirectional Communication 98.7). Reconstructions in our words; a
  // sentence that says what the post found is read.
  it("ranks no post's sentence saying what it does with nothing in particular (This blog explores its findings.), and says so", () => {
    expectUnranked(['This blog explores its findings.', 'This post summarizes our key findings.', 'This report details the results'], PAGE_FURNITURE_NOTE);
    expectRead([['This blog explores how the actor sent spearphishing emails with malicious attachments.', 'T1566.001']]);
  });

  // A blog series' box above the post, its name and a paragraph about who writes it (Darktrace's Sodinokibi post as the
  // pages corpus stores it: `Inside the SOC` / `Darktrace cyber analysts are world-class experts in threat intelligence,
  // … Inside the SOC is exclusively authored by these experts, providing analysis of cyber incidents…`, which got
  // Embedded Payloads 94.6, Threat Intel Vendors 97.2 and Virtualization/Sandbox Evasion 99). A reconstruction in our
  // words; a heading above a paragraph that does not say who writes it is read.
  it("ranks no blog series' box (its name, then who writes it), and says so; a heading and its paragraph are read", () => {
    const box = ['From the Front Line', 'Example analysts are experts in threat hunting and incident response for customers around the globe. From the Front Line is exclusively written by these experts, with analysis of real incidents.'];
    const sentence = 'The actor sent spearphishing emails with malicious attachments to the staff.';
    for (const lines of [false, true]) {
      const passages = suggestTechniques([...box, sentence].join('\n'), model, { lines });
      expect(passages.map((p) => p.note), `lines: ${lines}`).to.deep.equal([...Array(passages.length - 1).fill(AUTHOR_BIO_NOTE), undefined]);
    }
    const heading = suggestTechniques(['Phishing Attachments', 'Phishing Attachments were the way in: the actor sent spearphishing emails with malicious attachments to the staff.'].join('\n'), model);
    expect(heading.map((p) => p.note)).to.deep.equal([undefined, undefined]);
  });

  // A web page's table of contents above the post, no page numbers (eSentire's ALPHV/BlackCat post as
  // GenAI-Threat-Intelligence-Research keeps it: `IN THIS POST` / `About NitrogenThe Criminal Origins of ALPHV/BlackCat
  // Ransomware Group…`, its headings glued into one line, which got Data Encrypted for Impact 100), and its byline by a
  // company's team (`BY eSentire Threat Response Unit (TRU)`, Masquerade Task or Service 98.3). Reconstructions in our
  // words; the paragraph after the contents is read, and so is a team's name with a verb.
  it("ranks no web page's table of contents (In this post, the headings glued) nor a byline by a company's team, and says so", () => {
    const page = ['IN THIS POST', 'About the LoaderThe Origins of the Example GroupBrowser-Based Attacks—a Growing SurfaceRecommendations', 'The actor sent spearphishing emails with malicious attachments to the staff.'];
    for (const lines of [false, true]) {
      // (By sentence, the first two headings, `About the LoaderThe Origins…`, are two passages: a heading glued to the next.)
      const notes = suggestTechniques(page.join('\n\n'), model, { lines }).filter((p) => p.text).slice(1).map((p) => p.note);
      expect(notes, `lines: ${lines}`).to.deep.equal([...Array(lines ? 1 : 2).fill(CONTENTS_NOTE), undefined]);
    }
    const heading = suggestTechniques(['In this post', 'The actor sent spearphishing emails with malicious attachments to the staff.'].join('\n\n'), model);
    expect(heading[1]!.note).to.equal(undefined);
    expectUnranked(['BY eSentinel Threat Response Unit (TRU)', 'By Examplix Threat Research Team'], BYLINE_NOTE);
    expectRead([['By Exploiting Public-Facing Applications', 'T1190']]);
  });

  // A table of contents as a PDF's text keeps it (a reconstruction in our words of the Red Canary 2020 Threat Detection
  // Report's, as a public repository keeps it converted to text: `Behind the data04`, `Meet the authors05`, page numbers
  // glued to the titles, got Fast Flux DNS 95.1 and File and Directory Discovery 100). Entries end with their page
  // number (glued, after a space or dot leaders) or are the number alone; the first passage that is none ends it.
  it('ranks no table of contents (its label, titles ending with page numbers), and says so; what follows it is read', () => {
    const page = ['Table of contents', 'INTRODUCTIO NT O T HE DATA 03', 'What is new in 202104', 'Behind the numbers05', 'Executive Summary ........ 7', '12', 'Lateral Movement Trends', 'The actor sent spearphishing emails with malicious attachments to the staff.'];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page.join('\n\n'), model, { lines }).filter((p) => /\S/u.test(p.text));
      expect(passages.map((p) => p.note === CONTENTS_NOTE), `lines: ${lines}`).to.deep.equal([false, ...Array(passages.length - 3).fill(true), false, false]);
      // (By sentence, dot leaders end a passage: `Executive Summary ........` and `7` are two.)
      expect(passages.length, `lines: ${lines}`).to.equal(lines ? 8 : 9);
      expect(passages.at(-1)!.candidates.map((c) => c.id)).to.include('T1566.001');
    }
    // After the label, a passage that ends with no page number ends the table: a sentence is read.
    const report = suggestTechniques('Contents\n\nThe loader was compiled on 2021-03-04 and signed with a stolen certificate.', model);
    expect(report.at(-1)!.note).to.equal(undefined);
  });

  // Readers' comments below a post (a reconstruction in our words of the layout of Krebs on Security's ALPHV/BlackCat
  // post of January 2022 as GenAI-Threat-Intelligence-Research keeps it saved as Markdown: its heading `16 thoughts on
  // “…”` got Data Encrypted for Impact 100, a reader's `No doubt Rust and Golang are getting popular in malware
  // development…` Develop Capabilities: Malware 100). The section ends with the page's furniture; a sentence after a
  // count with no commenter's line after it, and a tool's name beside a date outside such a section, are read.
  it("ranks no readers' comments below a post (their heading, commenters' names and dates, what they wrote), and says so", () => {
    const page = [
      'The actor deleted the volume shadow copies with vssadmin.',
      '',
      '3 thoughts on “Who Built the Example Locker?”',
      '',
      'Night Owl March 3, 2025',
      '',
      'Great work, as always.',
      '',
      'jdoe March 3, 2025 at 4:12 pm',
      '',
      'Malware authors keep moving to Rust and Go to dodge detection.',
      'They will write it in something else next year.',
      '',
      'R. Smith March 4, 2025',
      '',
      'Thanks for this.',
      '',
      'Comments are closed.',
      '',
      'The actor then deleted the event logs with wevtutil.',
    ].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      expect(passages.map((p) => [p.text, p.note === COMMENTS_NOTE]), `lines: ${lines}`).to.deep.equal([
        ['The actor deleted the volume shadow copies with vssadmin.', false],
        ['3 thoughts on “Who Built the Example Locker?”', true],
        ['Night Owl March 3, 2025', true],
        ['Great work, as always.', true],
        ['jdoe March 3, 2025 at 4:12 pm', true],
        ['Malware authors keep moving to Rust and Go to dodge detection.', true],
        ['They will write it in something else next year.', true],
        ['R. Smith March 4, 2025', true],
        ['Thanks for this.', true],
        ['Comments are closed.', false],
        ['The actor then deleted the event logs with wevtutil.', false],
      ]);
      expect(passages.filter((p) => p.note === COMMENTS_NOTE).map((p) => p.candidates)).to.deep.equal(Array(8).fill([]));
    }
    const [, count, sentence] = suggestTechniques('Posted by the research team\n\n12 Comments\n\nThe actor sent spearphishing emails with a malicious attachment.', model);
    expect(count!.note).to.equal(PAGE_FURNITURE_NOTE);
    expect(sentence!.note).to.equal(undefined);
    expectRead([['Cobalt Strike March 2024']]);
  });

  // Scraped posts credit their pictures and say where they were first published (minimal reconstructions: Ars Technica's
  // "Microsoft is seeing a big spike in Web shell use" credits its picture `Getty Images`, which got User Execution:
  // Malicious Image 73.7; love2150.github.io's LetsDefend write-up says `Originally published on Medium:
  // https://medium.com/@…`, which got Exfiltration Over Physical Medium 100). A sentence about images or about where
  // an exploit was published is read.
  it('ranks no stock photo credit nor note of where the post was first published, and says so; a sentence is read', () => {
    expectUnranked([
      'Getty Images',
      'Photo credit: Getty Images / iStock',
      'Image credit: iStock',
      'Originally published on Medium: https://medium.com/@jane.doe/unpacking-an-alert-1234abcd',
      'This article originally appeared on [Example Security Blog](https://blog.example.com/post).',
      'First published on Example Labs, March 3, 2025',
    ], PAGE_FURNITURE_NOTE);
    expectRead([
      ['Originally published on a forum, the exploit was later used to deploy web shells on Exchange servers.', 'T1505.003'],
      ['The actor hid the payload in an image downloaded from a stock photo site.'],
    ]);
  });

  // A blog's feed names the site after each post it carries (a minimal reconstruction of Malwarebytes Labs' round-up of
  // February 21 – 27, 2022 as reposted by redpacketsecurity.com: `The post A week in security (February 21 – February 27)
  // appeared first on Malwarebytes Labs.` got Impair Defenses: Disable or Modify Tools 100). A sentence about a post is read.
  it("ranks no feed's note of where a post appeared first, and says so; a sentence about a post is read", () => {
    expectUnranked(['The post A week in security (February 21 – February 27) appeared first on Malwarebytes Labs.', 'The post New Linux backdoor found appeared first on Example Security Blog.'], PAGE_FURNITURE_NOTE);
    expectRead([['The post on the forum appeared first on Monday and linked a loader that downloaded Cobalt Strike from a paste site.', 'T1105']]);
  });

  // A repost site's footer (a minimal reconstruction of redpacketsecurity.com's repost of Malwarebytes Labs' round-up of
  // February 21 – 27, 2022: `If you like the site, please consider joining the telegram channel or supporting us on
  // Patreon using the button below.` got Web Service 92.4, `Original Source` Execution Guardrails 97.7). A sentence
  // about a lure's appeal, and the actor's source code, are read.
  it("ranks no site's appeal for support or a repost's link to its original, and says so; a sentence is read", () => {
    expectUnranked([
      'If you like the site, please consider joining the telegram channel or supporting us on Patreon using the button below.',
      'If you enjoyed this post, follow us on Mastodon.',
      'Original Source',
    ], PAGE_FURNITURE_NOTE);
    expectRead([
      ['If you like the site, the lure said, join the Telegram channel to download the cracked installer.'],
      ['The original source code of the loader was leaked on a forum.'],
    ]);
  });

  // A report published as web pages names its chapter in its share button (a minimal reconstruction of BakerHostetler's
  // 2023 Data Security Incident Response Report, "Deeper Dive Into the Data": `Share this chapter` got Network Share
  // Discovery 100). A sentence about a share is read.
  it("ranks no share button naming the report's chapter or page, and says so; a sentence about a share is read", () => {
    expectUnranked(['Share this chapter', 'Share this page'], PAGE_FURNITURE_NOTE);
    expectRead([['The actor copied the chapter drafts from a network share of the file server.', 'T1039']]);
  });

  // A page template's placeholder left unfilled (a minimal reconstruction of BakerHostetler's 2023 Data Security
  // Incident Response Report, "Deeper Dive Into the Data": `[title here]` above each stat got Application Window
  // Discovery 100). A bracketed note of the report's, and a sentence with "here", are read.
  it("ranks no template's placeholder left unfilled ([title here]), and says so; a sentence is read", () => {
    expectUnranked(['[title here]', '[Insert Image Here]', '[Your Name Here]'], PAGE_FURNITURE_NOTE);
    expectRead([
      ['[The loader injected its payload into explorer.exe here]', 'T1055'],
      ['The window title here was the name of the decoy document that the loader opened.'],
    ]);
  });

  // A blog's archive page keeps its widgets' titles, the heading of what it lists and the platform's credit (minimal
  // reconstructions of cysecurity.news, a Blogger site: `Search This Blog` got Web Service: Bidirectional
  // Communication 92.9, `Powered by Blogger.` Power Settings 100, `Blog Archive` 98.7, `Showing posts with label
  // Ransomware attack.` Data Encrypted for Impact 96.5, `Show all posts` Web Protocols 99.9; and of a WordPress mirror of
  // Malwarebytes Labs: `Archive for author: makoadmin`, SSH Authorized Keys 95.7). Such a word alone, a sentence after
  // the label, or a name with a sentence after "Powered by" is read.
  it('ranks no blog widget title, archive page heading or platform credit, and says so; a sentence is read', () => {
    expectUnranked([
      'Search This Blog',
      'Powered by Blogger.',
      'Blog Archive',
      'Showing posts with label Ransomware attack.',
      'Show all posts',
      'Archive for author: janedoe',
      'Archive for the ‘Malware’ Category',
      'Category Archives: Threat Intelligence',
      // A TypePad blog's category page (JPCERT/CC's English blog: `58 posts categorized "#JPCERT news" Feed`).
      '58 posts categorized "#JPCERT news" Feed',
    ], PAGE_FURNITURE_NOTE);
    expectRead([
      ['Archive', 'T1560.001'],
      ['Archive for exfiltration with 7-Zip', 'T1560.001'],
      ['Powered by Cobalt Strike, the implant beacons to its server every minute.'],
    ]);
    const [heading, sentence] = suggestTechniques('Showing posts with label ransomware. The actor encrypted the files of the victims.', model);
    expect(heading!.note).to.equal(PAGE_FURNITURE_NOTE);
    expect(sentence!.note).to.equal(undefined);
    expect(sentence!.candidates.slice(0, 3).map((c) => c.id)).to.include('T1486');
  });

  // A news site's pop-up and its banner's call (minimal reconstructions of statetechmagazine.com's "How to Detect and
  // Remove Threatening Web Shells": `Close` got Search Closed Sources 100, `Join the Insider Program` Registry Run Keys
  // 99.2, `Click the banner below to learn more about cyber resilience.` User Execution: Malicious File 99.4). A lure's
  // call to click a link, and a sentence with `joined`, are read.
  it("ranks no pop-up's button, call to join or call to click a banner, and says so; a lure is read", () => {
    expectUnranked(['Close', 'Join the Insider Program', 'Click the banner below to learn more about cyber resilience.'], PAGE_FURNITURE_NOTE);
    expectRead([
      ['Click the link below to verify your account.', 'T1204.001'],
      ['The backdoor joined the infected host to a botnet controlled over IRC.'],
    ]);
  });

  // A comment box's heading naming who comments (a minimal reconstruction of firstxw.com's post on the Exchange web
  // shells: `User comments` got Dead Drop Resolver 78) and a document site's fields (vdocuments.mx's page of a JPCERT/CC
  // report: `Upload: others` got Exfiltration to Cloud Storage 95.5, `0 views` Remote System Discovery 100).
  it("ranks no comment box's heading, uploader's field or count of views, and says so; sentences are read", () => {
    expectUnranked(['User comments', "Readers' comments", '0 views'], PAGE_FURNITURE_NOTE);
    expectUnranked(['Upload: others'], METADATA_NOTE);
    expectRead([
      ['The attacker posted user comments containing links to a malicious site.', 'T1566.002'],
      ['Upload: the actor uploaded the archive to Mega.', 'T1567.002'],
      ['Thousands of views of the video led users to download the loader.'],
    ]);
  });

  // A post's meta with its reading time glued to its category (a minimal reconstruction of symantec-enterprise-blogs's
  // "Symantec's Threat Hunters": `Posted: 3 Min ReadExpert Perspectives` got Web Protocols 100). A sentence glued after
  // the reading time is read.
  it('ranks no reading time glued to the post\'s category, and says so; a sentence after it is read', () => {
    expectUnranked(['Posted: 3 Min ReadExpert Perspectives', 'Updated: 5 min readThreat Intelligence / Malware'], BYLINE_NOTE);
    expectRead([['Posted: 3 Min Readthe malware deletes its files', 'T1070.004']]);
  });

  // A summary's label alone (a minimal reconstruction of dropzone.ai's "Malicious installer investigation" post, which
  // opens with `TL;DR`: it got Encrypted Channel: Asymmetric Cryptography 100). With its summary after it, it is read.
  it("ranks no summary's label alone (TL;DR), and says so; its summary on its line is read", () => {
    expectUnranked(['TL;DR', 'TLDR:'], REPORT_STRUCTURE_NOTE);
    expectRead([['TL;DR: The actor dropped a DLL and ran it through rundll32.', 'T1218.011']]);
  });

  // A series' list of its other posts, introduced by a sentence ending with a colon (a minimal reconstruction of the same
  // dropzone.ai post: `Previous AI SOC Diaries entries include:` got Obtain Capabilities: Artificial Intelligence 99.3,
  // and each title of the list after it a technique: `- Investigation #38175 - How … Cracked a Tricky VPN Logon Alert`
  // External Remote Services 100). The heading after the list and a label of the report's own list are read.
  it("ranks no series' list of its other posts, and says so; the heading after it and the report's own list are read", () => {
    const text = [
      'Previous SOC Diaries entries include:',
      '- Investigation #101 - The Case of the Odd Travel Alert',
      '- Investigation #102 - Silent Threat or Software Update? Decoding a Suspicious Installer Alert',
      '',
      'What Triggered the Investigation?',
      '',
      'The investigation began with an alert for a newly created scheduled task.',
      '',
      'Other posts by the actor on the forum advertised:',
      '- access to a bank network',
    ].join('\n');
    const passages = suggestTechniques(text, model);
    expect(passages.slice(0, 4).map((p) => p.note)).to.deep.equal(Array(4).fill(RELATED_POSTS_NOTE));
    expect(passages.slice(4).map((p) => p.note)).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(passages[5]!.candidates.slice(0, 3).map((c) => c.id)).to.include('T1053.005');
  });

  // A blog's weekly round-up lists its own posts of the week after a label naming the blog (a minimal reconstruction of
  // Malwarebytes Labs' round-up of February 21 – 27, 2022, reposted by redpacketsecurity.com: `Last week on Malwarebytes
  // Labs:` got Impair Defenses: Disable or Modify Tools 90.8, and each title after it a technique: `• Xenomorph banking
  // Trojan downloaded over 50,000 times from Play Store` Ingress Tool Transfer 100). What follows the list, and a
  // sentence about last week on a host, are read.
  it("ranks no weekly round-up's list of the blog's posts, and says so; what follows it is read", () => {
    const text = [
      'Last week on Example Labs:',
      '',
      '  • Cyber lures and threats in the context of the war',
      '  • Banking Trojan downloaded over 50,000 times from Play Store',
      '  • Hive ransomware: Researchers figure out a method to decrypt files',
      '',
      'The actor sent spearphishing emails with malicious attachments to the finance team.',
    ].join('\n');
    const passages = suggestTechniques(text, model);
    expect(passages.map((p) => p.note)).to.deep.equal([...Array(4).fill(RELATED_POSTS_NOTE), undefined]);
    expect(passages[4]!.candidates.slice(0, 3).map((c) => c.id)).to.include('T1566.001');
    expectRead([['Last week on the file server, the actor archived the collected documents with 7-Zip:', 'T1560.001']]);
  });

  // A weekly round-up's label of other sites' news (minimal reconstructions of Malwarebytes Labs' "A week in security"
  // posts of 2016 and 2021: `Other cybersecurity news` and `As for the rest of the news…` got Create or Modify System
  // Process: Windows Service 96.3 and 87.7, `news` read as `new`), and the titles after it. The report's own sentence
  // with news in it is read.
  it("ranks no round-up's label of other news and the titles after it, and says so; a sentence is read", () => {
    const passages = suggestTechniques(['Other cybersecurity news', '', '- Ransomware gang leaks stolen data of a hospital', '', 'Stay safe, everyone!'].join('\n'), model);
    expect(passages.map((p) => p.note)).to.deep.equal([RELATED_POSTS_NOTE, RELATED_POSTS_NOTE, SALUTATION_NOTE]);
    expectUnranked(['As for the rest of the news…'], RELATED_POSTS_NOTE);
    expectRead([['Other news sites reported that the actor installed a new Windows service for persistence.', 'T1543.003']]);
  });

  // A page's legal footer: BleepingComputer's (GenAI-Threat-Intelligence-Research's BlackCat Sphynx post) "Terms of Use -
  // Privacy Policy - Ethics Statement - Affiliate Disclosure" got Password Policy Discovery (T1201) 93.5 and its
  // "Copyright @ 2003 - 2024 Bleeping Computer® LLC - All Rights Reserved" Masquerading: Right-to-Left Override 98;
  // Securelist's (the AZORult post) "© 2024 AO Kaspersky Lab. All Rights Reserved." Security Software Discovery 98.6 and
  // "Registered trademarks and service marks are the property of their respective owners." System Owner/User Discovery
  // 100. A copyright notice names whoever holds it; a word in lower case of another kind makes it read.
  it('ranks no legal footer (terms, a copyright notice whoever holds it, trademarks), and says so; a sentence is read', () => {
    expectUnranked([
      'Terms of Use - Cookie Policy - Ethics Statement - Affiliate Disclosure',
      'Copyright @ 2005 - 2025 Example Media® LLC - All Rights Reserved',
      'Copyright © 2025 Example Security Inc.',
      // A document's handling mark on every page of a PDF (the Dragos 2026 Year in Review as text: `Proprietary &
      // Confidential.` after its copyright notice, Impair Defenses 100).
      'Proprietary & Confidential.',
      'CONFIDENTIAL',
      'Registered trademarks and service marks are the property of their respective owners.',
      // A PDF's footer whose mark text extraction lost (the Zscaler ThreatLabz 2024 Ransomware Report as text:
      // `2024 Zscaler, Inc. All rights reserved.`, Masquerading: Right-to-Left Override 100).
      '2025 Example Security, Inc. All rights reserved.',
      // A PDF's footer with the mark and no year (the Dragos 2026 Year in Review as text, on every page: `© Dragos, Inc.
      // All Rights Reserved.`, Masquerading: Right-to-Left Override 100).
      '© Example Security, Inc. All Rights Reserved.',
      // A page scraped into one line glues its footer's links after the notice (Kaspersky's AZORult press release:
      // Security Software Discovery 100).
      '© 2025 Example LabPrivacy Policy • Cookie Policy • License Agreement B2C • License Agreement B2BContact UsAbout UsPartnersBlogPress ReleasesSitemapCareersSelect your countryGlobal',
    ], PAGE_FURNITURE_NOTE);
    for (const lines of [false, true]) {
      const passages = suggestTechniques('© 2025 AO Example Lab. All Rights Reserved.', model, { lines });
      expect(passages.map((p) => [p.note, p.candidates]), `lines: ${lines}`).to.deep.equal(passages.map(() => [PAGE_FURNITURE_NOTE, []]));
    }
    expectRead([
      ['© 2024 ransomware encrypted the files of the victims.', 'T1486'],
      ['2024 ransomware encrypted the files of the victims. All rights reserved.', 'T1486'],
      ['© the ransomware encrypted the files of the victims. All rights reserved.', 'T1486'],
      ['The ransomware encrypted the proprietary and confidential files of the victims.', 'T1486'],
      ['© 2024 Example LabThe loader encrypted the files of the victims with a ransomware payload.', 'T1486'],
      ['The actor registered a domain that imitates the vendor of the VPN client.', 'T1583.001'],
    ]);
  });

  // A PDF's running footer, as text extraction writes it on every page (the Dragos ICS/OT 2022 review as text:
  // `ICS/OT CYBERSECURITY YEAR IN REVIEW 2022`, `…REVIEW 202258` with the page number glued, Data Destruction 97.7 each,
  // and `…REVIEW 2022Fifty-one percent of the advisories…` glued to the next page's first sentence). Alone, its page
  // number aside, it is not ranked; glued, the sentence is read without it. A table's cells said again close together,
  // and a heading said again before a sentence after a space, are read.
  it("ranks no PDF's running header or footer (a page number aside), and reads the sentence glued after it without it", () => {
    const footer = 'EXAMPLE OT THREAT LANDSCAPE REVIEW 2025';
    const sentence = 'Seventy percent of the advisories with a patch had no other mitigation for the operators.';
    const page = (n: number): string[] =>
      Array.from({ length: 18 }, (_, k) => `Page ${n} paragraph ${k}: the operators reviewed the plants and their networks in the year.`);
    const cells = ['Ransomware Group', 'Manufacturing, Food & Beverage', 'Black Basta', 'Manufacturing, Food & Beverage', 'Cuba', 'Manufacturing, Food & Beverage'];
    const text = [...page(1), footer, '', ...page(2), `${footer}12`, '', ...cells, '', ...page(3), `${footer}${sentence}`, '', ...page(4), `${footer} 14`].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(text, model, { lines });
      const notes = passages.filter((p) => p.note === RUNNING_HEADER_NOTE);
      expect(notes.map((p) => [p.text, p.candidates]), `lines: ${lines}`).to.deep.equal([footer, `${footer}12`, `${footer} 14`].map((t) => [t, []]));
      const glued = passages.find((p) => p.text === `${footer}${sentence}`)!;
      expect(glued.candidates, `lines: ${lines}`).to.deep.equal(suggestTechniques(sentence, model, { lines })[0]!.candidates);
      expect(passages.filter((p) => p.text === cells[1]).every((p) => p.note === undefined && p.candidates.length > 0)).to.equal(true);
    }
    const heading = 'Remote Desktop Protocol Abuse';
    const repeated = [...page(1), heading, '', ...page(2), `${heading} was seen on the jump hosts.`, '', ...page(3), `${heading} was seen again.`].join('\n');
    expect(suggestTechniques(repeated, model).filter((p) => p.note === RUNNING_HEADER_NOTE)).to.deep.equal([]);
  });

  // A pull quote: Expel's Annual Threat Report 2024, converted to Markdown in a public repository, ends its CEO letter
  // `…were in this together and strong, collaborative information sharing is key.` and sets the sentence's end again in
  // large type, wrapped a word or two a line, its apostrophe lost (`Were in this` / `together` / `and strong,` / … / `is
  // key.`), which got Network Share Discovery 100 as the sentence did. Here the same layout in our own words. A sentence
  // said again whole (the readable forms point to its first), a phrase of fewer than 6 words said again and a part of a
  // sentence far before it are read.
  it('ranks no pull quote, part of a sentence before it said again; a whole sentence said again is read', () => {
    const body = [
      'The operators found that when the loader ran from the temporary folder, it copied itself to the startup folder',
      'and the actor kept its access over every reboot of the host.',
    ];
    const quote = ['It copied itself to', 'the startup folder', 'and the actor kept', 'its access over', 'every reboot', 'of the host.'];
    const passages = suggestTechniques([...body, ...quote, '', 'Jane Example', 'Chief Executive'].join('\n'), model);
    const quoted = passages.filter((p) => p.text.startsWith('It copied'));
    expect(quoted.map((p) => [p.text, p.note, p.candidates])).to.deep.equal([
      ['It copied itself to the startup folder and the actor kept its access over every reboot of the host.', PULL_QUOTE_NOTE, []],
    ]);
    expect(passages[0]!.note).to.equal(undefined);
    expect(passages[0]!.candidates).to.not.deep.equal([]);
    const again = suggestTechniques([body.join(' '), '', body.join(' ')].join('\n'), model);
    expect(again.map((p) => p.note)).to.deep.equal([undefined, undefined]);
    const short = suggestTechniques([body.join(' '), '', 'Every reboot of the host.'].join('\n'), model);
    expect(short.map((p) => p.note)).to.deep.equal([undefined, undefined]);
    const far = Array.from({ length: 90 }, (_, k) => `Paragraph ${k}: the operators reviewed the plants and their networks in the year.`);
    const distant = suggestTechniques([...body, ...far, quote.join(' ')].join('\n'), model);
    expect(distant.at(-1)!.note).to.equal(undefined);
  });

  // A running title set apart from its subtitle by a bar (the Dragos 2026 Year in Review as text: `9TH ANNUAL YEAR IN
  // REVIEW  |  OT/ICS CYBERSECURITY REPORT` alone at the top of its pages, Data Destruction 96.1 each) is a running
  // header too; a table's row, which begins with a bar, said again pages apart, is not.
  it("ranks no running title with a bar between its title and subtitle; a table's row said again is read", () => {
    const title = 'EXAMPLE ANNUAL REVIEW  |  OT THREAT REPORT';
    const row = '| Ransomware encrypted the virtual machines | Manufacturing |';
    const page = (n: number): string[] =>
      Array.from({ length: 18 }, (_, k) => `Page ${n} paragraph ${k}: the operators reviewed the plants and their networks in the year.`);
    const text = [1, 2, 3, 4].flatMap((n) => [title, '', ...page(n), '', row, '']).join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(text, model, { lines });
      const titles = passages.filter((p) => p.text === title.replace(/\s+/g, ' ') || p.text === title);
      expect(titles.map((p) => [p.note, p.candidates]), `lines: ${lines}`).to.deep.equal([1, 2, 3, 4].map(() => [RUNNING_HEADER_NOTE, []]));
      expect(passages.filter((p) => p.text.includes('Ransomware encrypted')).every((p) => p.note !== RUNNING_HEADER_NOTE)).to.equal(true);
    }
  });

  // A running footer numbered after a space on every page, never alone (CISA, NSA, FBI and MS-ISAC's Phishing Guidance:
  // Stopping the Attack Cycle at Phase One, October 2023, as text, a US government work: `CISA | NSA | FBI | MS-ISAC
  // TLP:CLEAR 3`, `… 4`, `… 5` at its pages' feet, each Indicator Removal: Clear Windows Event Logs 97.8) is found by its
  // line without the number. Lines numbered alike close together (a list of hosts) are read.
  it('ranks no running footer numbered after a space on every page, never alone; lines numbered alike close together are read', () => {
    const footer = 'CISA | NSA | FBI | MS-ISAC TLP:CLEAR';
    const page = (n: number): string[] =>
      Array.from({ length: 18 }, (_, k) => `Page ${n} paragraph ${k}: the operators reviewed the plants and their networks in the year.`);
    const hosts = ['The actor ran the loader on host 1', 'The actor ran the loader on host 2', 'The actor ran the loader on host 3'];
    const prose = 'Then the actor dumped the credentials from the memory of the process.';
    const text = [3, 4, 5, 6].flatMap((n) => [...page(n), `${footer} ${n}`, '']).concat(hosts.flatMap((host) => [host, prose])).join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(text, model, { lines });
      const footers = passages.filter((p) => p.text.startsWith(footer));
      expect(footers.map((p) => [p.text, p.note, p.candidates]), `lines: ${lines}`).to.deep.equal([3, 4, 5, 6].map((n) => [`${footer} ${n}`, RUNNING_HEADER_NOTE, []]));
      expect(passages.filter((p) => p.text.startsWith('The actor ran')).map((p) => p.note), `lines: ${lines}`).to.deep.equal(hosts.map(() => undefined));
    }
  });

  // The same footer on its line inside a sentence that runs on over the page's break (the guide's page 6 ends `…use number
  // matching to mitigate MFA fatigue. For further information, see CISA’s` / `CISA | NSA | FBI | MS-ISAC TLP:CLEAR 6`; the
  // next page's first words here are a reconstruction): the sentence is read without the footer, with a blank line
  // after the footer or none, and the footer is a passage of its own after it.
  it('reads a sentence a running footer on its own line interrupts without it, the footer after it', () => {
    const footer = 'CISA | NSA | FBI | MS-ISAC TLP:CLEAR';
    const page = (n: number): string[] =>
      Array.from({ length: 18 }, (_, k) => `Page ${n} paragraph ${k}: the operators reviewed the plants and their networks in the year.`);
    const broken = [
      'that uses mobile push-notification based MFA is unable to implement phishing-resistant',
      'MFA, use number matching to mitigate MFA fatigue. For further information, see CISA’s',
      `${footer} 6`,
    ];
    const sentence = 'For further information, see CISA’s guidance on number matching in MFA applications.';
    for (const blank of [[''], []]) {
      const text = [3, 4, 5].flatMap((n) => [...page(n), `${footer} ${n}`, '']).concat(page(6), broken, blank, ['guidance on number matching in MFA applications.']).join('\n');
      const passages = suggestTechniques(text, model);
      const at = passages.findIndex((p) => p.text.startsWith('For further'));
      expect(passages.slice(at).map((p) => [p.text, p.note]), `blank: ${blank.length}`).to.deep.equal([
        [sentence, passages[at]!.note],
        [`${footer} 6`, RUNNING_HEADER_NOTE],
      ]);
      expect(passages[at]!.note).to.not.equal(RUNNING_HEADER_NOTE);
    }
  });

  // The same footer glued to the end of each page's last line (the guide's text as a public repository keeps it: `…the
  // cybersecurity posture of their customers. CISA | NSA | FBI | MS-ISAC TLP:CLEAR 3`, Clear Windows Event Logs 97.8 as a
  // sentence of its own; `…For further information, see CISA’s CISA | NSA | FBI | MS-ISAC TLP:CLEAR 6`, the footer read
  // as the sentence's end; the next page's first words here are a reconstruction): it is a running footer, set apart
  // from the line, and the sentence it interrupts is read without it. Lines of prose ending alike with a number, the
  // numbers not a page's (not growing), are read.
  it("sets apart a running footer glued to the end of a page's last line, and reads the sentence it interrupts without it", () => {
    const footer = 'CISA | NSA | FBI | MS-ISAC TLP:CLEAR';
    const page = (n: number): string[] =>
      Array.from({ length: 18 }, (_, k) => `Page ${n} paragraph ${k}: the operators reviewed the plants and their networks in the year.`);
    const last = (n: number): string => `the operators scanned the plants in week ${n}. ${footer} ${n}`;
    const text = [3, 4, 5]
      .flatMap((n) => [...page(n), last(n), ''])
      .concat(page(6), [`MFA fatigue. For further information, see CISA’s ${footer} 6`, '', 'guidance on number matching in MFA applications.'])
      .join('\n');
    const passages = suggestTechniques(text, model);
    const footers = passages.filter((p) => p.text.includes(footer));
    expect(footers.map((p) => [p.text, p.note, p.candidates])).to.deep.equal([3, 4, 5, 6].map((n) => [`${footer} ${n}`, RUNNING_HEADER_NOTE, []]));
    const at = passages.findIndex((p) => p.text.startsWith('For further'));
    expect(passages.slice(at).map((p) => p.text)).to.deep.equal(['For further information, see CISA’s guidance on number matching in MFA applications.', `${footer} 6`]);
    // A sentence ending with the footer's words, no page number after them, keeps them.
    const cited = [...page(7), `MFA fatigue, as the guide of ${footer}`].join('\n');
    expect(suggestTechniques([text, cited].join('\n'), model).at(-1)!.text).to.equal(`MFA fatigue, as the guide of ${footer}`);
    const ends = ['The loader ran on Windows Server Version', 'Then the actor moved to Windows Server Version', 'Last, a backdoor was set on Windows Server Version'];
    const prose = [9, 4, 7].flatMap((n, k) => [...page(n), `${ends[k]} ${n}`, '']).join('\n');
    expect(suggestTechniques(prose, model).filter((p) => p.text.endsWith('Windows Server')).map((p) => p.note)).to.deep.equal([]);
    expect(suggestTechniques(prose, model).filter((p) => /Version \d$/.test(p.text)).map((p) => p.note)).to.deep.equal([undefined, undefined, undefined]);
  });

  // A PDF's page number in its footer, alone (`Page 3 of 14`, Outlook Home Page 100) or with a CISA advisory's ID and TLP
  // label beside it (the LummaC2 advisory AA25-141B's footer as text, a US government work: `Page 11 of 14 | Product ID:
  // AA25-141B`, Security Software Discovery 90.5). A sentence about a page is read.
  it("ranks no page number of a PDF's footer (Page 11 of 14 | Product ID: AA25-141B); a sentence about a page is read", () => {
    expectUnranked(['Page 3 of 14', 'Page 11 of 14 | Product ID: AA25-141B', 'Page 6 of 31 | Product ID: AA24-109A TLP:CLEAR', 'Page 2'], RUNNING_HEADER_NOTE);
    expectRead([['The actor changed the Outlook home page of the mailbox to a page that ran its script.', 'T1137.004']]);
  });

  // A running footer and title glued before each page's first words, never alone (the Dragos 2026 Year in Review as
  // text: `© Dragos, Inc. All Rights Reserved. Proprietary & Confidential.9TH ANNUAL YEAR IN REVIEW  |  OT/ICS
  // CYBERSECURITY REPORTUPDATED FEBRUARY 2026In 2025, hacktivist groups also started adopting toolsets…`, split by
  // sentence after `Reserved.`: the next passage, `Proprietary & Confidential.9TH…`, was read with the title and the
  // footer). The sentence is read without them, by sentence and by line; lines of prose that begin alike are read.
  it('reads the sentence glued after a running footer and title that never stand alone without them', () => {
    const footer = '© Example Lab, Inc. All Rights Reserved. Proprietary & Confidential.';
    const title = 'EXAMPLE ANNUAL REVIEW  |  OT THREAT REPORT 2025';
    const sentences = [
      'The operators of the ransomware encrypted the virtual machines of the plants.',
      'Seventy percent of the advisories with a patch had no other mitigation for the operators.',
      'The actor sent spearphishing emails with a malicious attachment to the engineers.',
    ];
    const alike = ['The actor used PowerShell to download the loader from a remote server.', 'The actor used PsExec to run the loader on the hosts.', 'The actor used Mimikatz to dump the credentials from memory.'];
    const page = (n: number): string[] =>
      Array.from({ length: 18 }, (_, k) => (k === 5 ? alike[n]! : `Page ${n} paragraph ${k}: the operators reviewed the plants and their networks in the year.`));
    const text = sentences.flatMap((sentence, n) => [...page(n), '', `${n + 30}`, '', `${footer}${title}${sentence}`, '']).join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(text, model, { lines });
      for (const sentence of [...sentences, ...alike]) {
        const read = passages.find((p) => p.text.endsWith(sentence))!;
        expect(read.candidates, `${sentence} (lines: ${lines})`).to.deep.equal(suggestTechniques(sentence, model, { lines })[0]!.candidates);
      }
    }
  });

  // Securelist's AZORult post ends its footer with "License Agreement", which got Obtain Capabilities: Tool (T1588.002)
  // 93.8; BleepingComputer's Check Point post (saved as Markdown) has an advertisement whose call "Get the whitepaper"
  // got Web Protocols (T1071.001) 100. A licence or a paper that says more is read.
  it('ranks no footer\'s licence agreement or advertisement\'s call (Get the whitepaper), and says so; more words are read', () => {
    expectUnranked(['License Agreement', 'Get the whitepaper', 'Get the ebook'], PAGE_FURNITURE_NOTE);
    expectRead([
      ['The actor used a cracked license of Cobalt Strike.'],
      ['The lure was a whitepaper with a malicious macro sent as an attachment.', 'T1566.001'],
    ]);
  });

  // BleepingComputer's Check Point post (saved as Markdown) has a sponsor's advertisement inside it: "## Test every
  // layer before attackers do" got Office Test (T1137.002) 95.2, its blurb "The rest move through your environment
  // unseen." Remote Desktop Protocol 100 and "The … whitepaper shows how breach and attack simulation tests your SIEM and
  // EDR rules …" Disable or Modify Tools 100. A section of the report that ends with a call to download the report, or a
  // conclusion, is read.
  it("ranks no sponsor's advertisement in a post (headline, blurb, call to action), and says so; the report's sections are read", () => {
    const before = 'The actor exploited the VPN gateway to run commands on the appliance.';
    const ad = ['## Stop phishing before it lands', 'Most teams catch a third of phishing emails.', 'The Example guide shows how to train staff to report lures.', 'Download the guide'];
    const after = ['### Related Articles:', 'Hackers exploit VPN zero-day in attacks'];
    for (const lines of [false, true]) {
      const passages = suggestTechniques([before, ...ad, ...after].join('\n\n'), model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => [p.line, p.note, p.candidates.length]), `lines: ${lines}`).to.deep.equal([
        [1, undefined, 5],
        [3, ADVERTISEMENT_NOTE, 0],
        [5, ADVERTISEMENT_NOTE, 0],
        [7, ADVERTISEMENT_NOTE, 0],
        [9, ADVERTISEMENT_NOTE, 0],
        [11, PAGE_FURNITURE_NOTE, 0],
        [13, RELATED_POSTS_NOTE, 0],
      ]);
    }
    for (const section of [
      ['## Initial access', 'The actor sent spearphishing emails with malicious attachments to the staff.', 'Download the full report'],
      ['## Conclusion', 'The actor sent spearphishing emails with a guide as a malicious attachment.', 'Download the guide'],
    ]) {
      const passages = suggestTechniques(section.join('\n\n'), model);
      expect(passages[1]!.note, section[1]).to.equal(undefined);
      expect(passages[1]!.candidates.slice(0, 3).map((c) => c.id), section[1]).to.include('T1566.001');
    }
  });

  // BleepingComputer's BlackCat Sphynx post scraped to text (GenAI-Threat-Intelligence-Research) ends with its log-in
  // form, one field a line: "Username" got System Owner/User Discovery (T1033) 100, "Password" Credentials from
  // Password Stores (T1555) 95.8, "Sign in anonymously" Code Signing 92. A field's word alone, or a run of techniques'
  // names, is read.
  it('ranks no log-in form scraped one field a line, and says so; its words alone or in a list of techniques are read', () => {
    const form = ['Login', 'Username', '', 'Password', 'Remember Me', 'Forgot your password?', 'Sign in anonymously', 'Sign in with Facebook', 'Not a member yet? Register Now'];
    const read = ['The actor sprayed passwords against the VPN portal.', 'The actor then dumped the credentials.', 'Password', 'Password Spraying', 'Password Cracking', 'Brute Force'];
    const page = [read[0], ...form, ...read.slice(1)].join('\n\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text);
      // By sentence, "Not a member yet?" and "Register Now" are two passages.
      const formPassages = passages.slice(1, -5);
      expect(formPassages.map((p) => p.text).join(' '), `lines: ${lines}`).to.equal(form.filter(Boolean).join(' '));
      expect(formPassages.map((p) => [p.note, p.candidates])).to.deep.equal(formPassages.map(() => [PAGE_FURNITURE_NOTE, []]));
      expect([passages[0]!, ...passages.slice(-5)].map((p) => [p.text, p.note])).to.deep.equal(read.map((text) => [text, undefined]));
    }
    expectRead([['Password', 'T1555'], ['Username']]);
  });

  // A post's comment box, one field a line: BleepingComputer's (GenAI-Threat-Intelligence-Research's BlackCat Sphynx post)
  // "Post a Comment Community Rules" got Web Protocols (T1071.001) 100, "You need to login in order to post a comment"
  // Valid Accounts (T1078) 100, "Not a member yet? Register Now" Domains (T1583.001) 95.2; Securelist's (the AZORult
  // post) "Your email address will not be published. Required fields are marked *Name *" Email Addresses (T1589.002) 100,
  // "Email *" Email Accounts (T1585.002) 79.9, "Cancel" File Deletion (T1070.004) 20. A sentence about comments is read.
  it('ranks no comment form scraped one field a line, and says so; a sentence about posting comments is read', () => {
    const forms = [
      ['Post a Comment Community Rules', 'You need to login in order to post a comment', 'Not a member yet? Register Now'],
      ['Your email address will not be published. Required fields are marked *', 'Name *', 'Email *', 'Comment', 'Cancel'],
    ];
    const read = ['The actor posted comments with links to the loader on the forum.', 'The attackers then registered new domains for the second stage.'];
    for (const form of forms) {
      const page = [read[0], ...form, read[1]].join('\n\n');
      for (const lines of [false, true]) {
        const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text);
        const formPassages = passages.slice(1, -1);
        expect(formPassages.map((p) => p.text).join(' '), `lines: ${lines}`).to.equal(form.join(' '));
        expect(formPassages.map((p) => [p.text, p.note, p.candidates])).to.deep.equal(formPassages.map((p) => [p.text, PAGE_FURNITURE_NOTE, []]));
        expect([passages[0]!, passages.at(-1)!].map((p) => [p.text, p.note])).to.deep.equal(read.map((text) => [text, undefined]));
      }
    }
    expectRead([
      ['The actor posted comments with links to the loader on the forum.'],
      ['You need to register a domain in order to post a comment with the link.'],
      ['Email *'],
    ]);
  });

  // ESET's blog flattens its tables one cell per line when scraped (reports6 01): the header cells stand alone, and
  // "ID" got Remote Access Tools (T1219.001) 100, "Name" Match Legitimate Name 100, "Description" Masquerade Task or
  // Service 100, "Provider" Time Providers 97.8, "SHA-1" Symmetric Cryptography 100, "Last seen" System Network
  // Connections Discovery 94. A technique's name in a cell is read.
  it('ranks no passage made only of column names (a table flattened one cell per line), and says so', () => {
    expectUnranked(['ID', 'Name', 'Description', 'Provider', 'SHA-1', 'Filename', 'ESET detection name', 'Last seen', 'IP address', 'Tactic'], COLUMN_NAMES_NOTE);
    expectRead([
      ['Credential Dumping', 'T1003'],
      ['File and Directory Discovery', 'T1083'],
      ['Pass the Hash', 'T1550.002'],
      ['Domain Account', 'T1087.002'],
    ]);
  });

  // Scraped pages and rule documentation keep metadata fields outside any front matter: "**Source**: https://…" (the
  // reference collection's header over reports6 01, 03, 17) got Tool (T1588.002) 94.8, a Sigma rule's "status:
  // experimental" System Network Connections Discovery 100 and "author: Florian Roth" SSH Authorized Keys 100, Elastic's
  // "**Severity**: high" Browser Session Hijacking 93.9, a Go file's commented TOML "// creation_date = "2021/01/27""
  // Timestomp 100, the APT32 seed's "MD5: d739f…" Virtualization/Sandbox Evasion: System Checks 100.
  it('ranks no passage made only of metadata fields (source, author, date, ID, status...), and says so', () => {
    expectUnranked([
      '**Source**: https://blog.example.com/turla-new-phishing-campaign/',
      'status: experimental',
      'author: Florian Roth',
      '**Severity**: high',
      '- **ID**: 9cf8fe08-7ad8-11eb-9819-acde48001122',
      '// creation_date = "2021/01/27"',
      '// rule_id = "717f82c2-7741-4f9b-85b8-d06aeb853f4f" // severity = "medium"',
      'published_at: "2026-05-27T04:11:18+00:00"',
      'MD5: d739f10933c11bd6bd9677f91893986c',
    ], METADATA_NOTE);
    // A field of what was done, a title, a kind, or a value that says more than its key allows is read.
    expectRead([
      ['Persistence: the implant adds a Run key to start at each logon.', 'T1547.001'],
      ['Title: Spearphishing attachments sent to the finance team', 'T1566.001'],
      ['Source: the actor sent spearphishing emails with malicious attachments to the staff.', 'T1566.001'],
      ['Source: spearphishing attachment', 'T1566.001'],
      ['Type: Spearphishing Attachment', 'T1566.001'],
      ['Author: the actor who sent spearphishing attachments', 'T1566.001'],
    ]);
  });

  // A page of detection rules (Threat-Intel-Reports' dual-RAT detections) gives each rule bold fields one a line:
  // "**Tier:** Detection" got Multi-Stage Channels (T1104) 100, "**Robustness:** 2" Hardware Additions (T1200) 100,
  // "**Confidence:** HIGH" Non-Standard Port (T1571) 93.1, with --lines. A field that says what a rule finds is read.
  it("ranks no detection rule's level fields (tier, robustness, confidence), and says so; a rationale is read", () => {
    const page = [
      '#### Triple-Redundant Persistence (Combined Static Signature)',
      '',
      '**Tier:** Detection',
      '**Robustness:** 2',
      '**Confidence:** HIGH',
      '**Rationale:** Requires the scheduled task created with schtasks /create and the registry Run key value.',
    ].join('\n');
    const passages = suggestTechniques(page, model, { lines: true }).filter((p) => p.text);
    expect(passages.slice(1, 4).map((p) => [p.text, p.note, p.candidates])).to.deep.equal(
      ['**Tier:** Detection', '**Robustness:** 2', '**Confidence:** HIGH'].map((text) => [text, METADATA_NOTE, []]),
    );
    expect(passages.at(-1)!.note).to.equal(undefined);
    expect(passages.at(-1)!.candidates.slice(0, 3).map((c) => c.id)).to.include('T1053.005');
    expectUnranked(['**Tier:** Hunting', 'Confidence: moderate'], METADATA_NOTE);
    expectRead([['Confidence: the actor dumped LSASS memory with a renamed procdump binary.', 'T1003.001']]);
  });

  // The Hunters Ledger's detections page (Threat-Intel-Reports' dual-RAT detections) opens its YARA rules with a comment
  // whose licence line, "License: CC BY 4.0 - https://creativecommons.org/licenses/by/4.0/", got a candidate with its
  // words in lower case (the address's) though a licence's value is names: the address is read out first.
  it('ranks no licence field with its address (License: CC BY 4.0 - https://…), and says so; an author with a sentence is read', () => {
    expectUnranked(['License: CC BY 4.0 - https://creativecommons.org/licenses/by/4.0/', 'Author: Jane Doe https://example.com/jane', 'License: MIT'], METADATA_NOTE);
    expectRead([['License: the actor bought a licence of Cobalt Strike with stolen credentials https://example.com/a'], ['Author: the actor who sent spearphishing attachments https://example.com/a', 'T1566.001']]);
  });

  // BleepingComputer's post scraped to text (GenAI-Threat-Intelligence-Research's BlackCat Sphynx post) gives its title
  // in its metadata, above the post and after the breadcrumb, and Securelist's (its AZORult post) above its comment
  // form again: each got the title's candidates again ("AZORult spreads as a fake ProtonVPN installer" at the form).
  // The first is ranked; a short heading, a table's cell or a sentence said again is read each time.
  it("ranks the post's title once, where it is first given, and says so where the page says it again", () => {
    const title = 'Ransomware gang encrypts cloud storage accounts with stolen keys';
    const page = [`**Title**: ${title}`, title, 'Home > News > Security', `## ${title}`, 'Scheduled Task', 'Scheduled Task', 'The actor encrypted the files.', 'The actor encrypted the files.', title].join('\n\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => [p.line, p.note === REPEATED_TITLE_NOTE]), `lines: ${lines}`).to.deep.equal(
        [[1, false], [3, true], [5, false], [7, true], [9, false], [11, false], [13, false], [15, false], [17, true]],
      );
      for (const i of [0, 4, 5, 6, 7]) expect(passages[i]!.candidates, `${passages[i]!.text} (lines: ${lines})`).to.not.deep.equal([]);
    }
    // A sentence without its full stop said again in a list one a line, or a front matter's title before its heading, is read.
    const list = ['The actor used BloodHound to enumerate the domain users', 'The actor used BloodHound to enumerate the domain users'].join('\n');
    expect(suggestTechniques(list, model, { lines: true }).map((p) => [p.note, p.candidates.length > 0])).to.deep.equal([[undefined, true], [undefined, true]]);
    const markdown = ['---', `title: ${title}`, '---', '', `# ${title}`].join('\n');
    expect(suggestTechniques(markdown, model, { lines: true }).at(-1)!.candidates).to.not.deep.equal([]);
  });

  // repeatedTitlePassages passes over a passage holding what no title holds (NO_TITLE: a sentence's end before more text,
  // a trailing full stop) before making its title; a title may end with '?' or '!', spaces after it.
  it("notes a title ending with '?' or '!' said again, and reads a sentence said again", () => {
    for (const title of ['Is the ransomware gang back with stolen cloud keys?', 'Ransomware gang is back with stolen cloud keys! ']) {
      const page = [`## ${title}`, 'The actor encrypted the files. Then it left.', title, 'The actor encrypted the files. Then it left.'].join('\n\n');
      expect(suggestTechniques(page, model).map((p) => p.note === REPEATED_TITLE_NOTE), title).to.deep.equal([false, false, false, true, false, false]);
    }
  });

  // A page's image credit under its picture: BleepingComputer's "Image: Midjourney" (GenAI-Threat-Intelligence-Research's
  // BlackCat Sphynx post) got User Execution: Malicious Image (T1204.003) 73.7. A credit names whoever made or gave the
  // image; a source of this kind names it too. A caption or a source that says more, or a Sigma rule's image, is not one.
  it('ranks no image credit (Image: Midjourney, Source: Shutterstock), and says so; a caption or a source that says more is read', () => {
    expectUnranked(['Image: Midjourney', 'Image credit: Getty Images via Reuters', 'Source: Shutterstock', '**Photo credit:** Jane Doe/AP'], METADATA_NOTE);
    expectRead([
      ['Image: the loader decrypts its payload with a single-byte XOR key', 'T1140'],
      ['Source: The actor sent spearphishing emails with malicious attachments to the staff.', 'T1566.001'],
      ['Source: spearphishing attachment', 'T1566.001'],
    ]);
    const [sigma] = suggestTechniques("Image: 'C:\\Windows\\System32\\rundll32.exe'", model);
    expect(sigma!.note).to.not.equal(METADATA_NOTE);
  });

  // An address under its label, no colon between (a minimal reconstruction of cyber.vumetric.com's digest of a Naked
  // Security post: `News URL` on its line and the post's address on the next, joined, got Ingress Tool Transfer 97.2).
  // A sentence that gives an address is read.
  it('ranks no address under its label (News URL, then the address), and says so; a sentence with an address is read', () => {
    expectUnranked(['News URL https://news.example.com/2020/05/11/data-taken-in-ransomware-attack/', 'Source link: https://example.com/post'], METADATA_NOTE);
    const passages = suggestTechniques('The crooks learn their way around your network first.\nNews URL\nhttps://news.example.com/2020/05/11/data-taken-in-ransomware-attack/\n', model);
    expect(passages.map((p) => p.note)).to.deep.equal([undefined, METADATA_NOTE]);
    expectRead([['The loader downloaded its second stage from the URL https://example.com/stage2.bin', 'T1105']]);
  });

  // A document's version alone on its title page (a minimal reconstruction of the Detection Engineering & Threat Hunting
  // (DE&TH) Guide v1.1 as text: `Ver. 1.1.` was split after `Ver.`, and `Ver.` got System Information Discovery 100 on
  // `ver`, the command's name). A sentence about the ver command is read.
  it("ranks no document's version alone (Ver. 1.1.), read as one passage, and says so; a sentence about ver is read", () => {
    const prose = 'A lot of threat actors will drop files in publicly accessible folders where files should rarely get written.';
    const passages = suggestTechniques(['Threat Hunting Guide', 'Ver. 1.1.', 'March 2025', prose].join('\n'), model);
    expect(passages.map((p) => [p.text, p.note])).to.deep.equal([
      ['Threat Hunting Guide', undefined],
      ['Ver. 1.1.', METADATA_NOTE],
      ['March 2025', DATE_NOTE],
      [prose, undefined],
    ]);
    expectUnranked(['Version 2.0', 'Rev. 3'], METADATA_NOTE);
    expectRead([['The actor ran ver and systeminfo to learn the version of the operating system.', 'T1082']]);
  });

  // A document's TLP label alone, written as FIRST's standard writes it, no space after the colon (`TLP:CLEAR` alone on
  // the first page of CISA, NSA, FBI and MS-ISAC's Phishing Guidance: Stopping the Attack Cycle at Phase One, October
  // 2023, as text, a US government work: it got Indicator Removal: Clear Windows Event Logs 97.8). A sentence that says
  // the actor cleared the logs is read.
  it('ranks no TLP label alone (TLP:CLEAR, TLP:AMBER+STRICT), and says so; a sentence about clearing logs is read', () => {
    expectUnranked(['TLP:CLEAR', 'TLP:AMBER+STRICT', 'TLP:WHITE'], METADATA_NOTE);
    expectRead([['The actor ran wevtutil cl to clear the Security event log.', 'T1070.001']]);
  });

  // Another story's title inside a news post, after `Also:` (reconstructions in our words of ZDNET's posts as
  // GenAI-Threat-Intelligence-Research and other public repositories keep them: the BlackCat/Oiltanking post's `Also:
  // Apple, SonicWall, Internet Explorer vulnerabilities added to CISA list`, which got Exploitation for Client Execution
  // 100, glued between two paragraphs; the PrintNightmare post's `**Also:** [**Best printers for your home office**](…)`).
  // A sentence after the label, or a list's item, is read.
  it("ranks no other story's title after Also: (a link or a title), and says so; a sentence after Also: is read", () => {
    expectUnranked(
      [
        'Also: Microsoft, Fortinet, Chrome flaws added to the CISA catalog',
        '**Also:** [**Best laptops for students**](https://www.example.com/article/best-laptop/)',
        '**Also:** [Router maker responds to security concerns](https://www.example.com/article/router-maker-responds/)',
      ],
      RELATED_POSTS_NOTE,
    );
    const glued = suggestTechniques('The plant ran some processes by hand. Also: Microsoft, Fortinet, Chrome flaws added to the CISA catalogLast year, a pipeline operator was hit.', model);
    expect(glued.map((p) => p.note)).to.deep.equal([undefined, RELATED_POSTS_NOTE, undefined]);
    expectRead([
      ['Also: The attackers used stolen credentials to log in to the VPN.', 'T1133'],
      ['- Also: Mimikatz dumped credentials from LSASS memory', 'T1003.001'],
    ]);
  });

  // A news site's box recommending its own buying guide, set inside a post (reconstructions in our words of ZDNET's
  // BlackCat/Oiltanking post as GenAI-Threat-Intelligence-Research keeps it, `ZDNET Recommends The best security key
  // While robust passwords…`, glued after a paragraph's sentence, which got Multi-Factor Authentication Interception 100,
  // and of ZDNet's 2021 Lazarus post, `ZDNet Recommends The best antivirus software and apps A roundup of…`).
  // `Microsoft recommends that…` is advice, read.
  it("ranks no site's box recommending its guide (ZDNET Recommends …), and says so; a vendor's recommendation is read", () => {
    expectUnranked(
      [
        'ZDNET Recommends The best password manager Strong passwords guard your online accounts, and a manager keeps them for you.',
        'Example News Recommends The best antivirus apps A roundup of the apps that keep phones and laptops safe from malware.',
      ],
      PAGE_FURNITURE_NOTE,
    );
    const glued = suggestTechniques('The gang was behind the attack on two fuel suppliers. ZDNET Recommends The best password manager Strong passwords guard your online accounts.\n\nRead now', model);
    expect(glued.map((p) => p.note)).to.deep.equal([undefined, PAGE_FURNITURE_NOTE, PAGE_FURNITURE_NOTE]);
    const advice = suggestTechniques('Microsoft Recommends that administrators disable the SMBv1 protocol on file servers.', model);
    expect(advice[0]!.note).to.not.equal(PAGE_FURNITURE_NOTE);
    expect(advice[0]!.candidates).to.not.deep.equal([]);
  });

  // A vendor's pitch to the reader in its page's footer and its calls to try it (reconstructions in our words of
  // Intezer's blog posts as GenAI-Threat-Intelligence-Research keeps them: `Count on Intezer’s Autonomous SOC solution to
  // handle your Level 1 SOC.`, System Time Discovery 99.6, `Leave the SOC grunt work to Intezer.`, Data Encrypted for
  // Impact 98.5, and its footer's `© intezer.com 2024 All rights reserved | Terms of Use | Privacy policy`, Masquerading:
  // Right-to-Left Override 100). A sentence that names an attack's word is read.
  it("ranks no vendor's pitch to the reader, call to try it or book a demo, nor a copyright under the site's address; a sentence about malware is read", () => {
    expectUnranked(
      [
        'Count on Example’s Cloud Triage service to handle your first line of alerts.',
        'Leave the alert triage to Example Labs.',
        'Rely on ExampleScan to sort your tickets.',
        'Try Example Analyze for free',
        'Book a demo',
        '© example.com 2025 All rights reserved | Terms of Use | Privacy policy',
      ],
      PAGE_FURNITURE_NOTE,
    );
    // The footer's line holds both sentences (`--lines`).
    for (const lines of [false, true]) {
      const footer = suggestTechniques('Count on Example’s Cloud Triage service to handle your first line of alerts. Leave the alert triage to Example Labs.', model, { lines });
      expect(footer.map((p) => p.note), `lines: ${lines}`).to.deep.equal(Array(lines ? 1 : 2).fill(PAGE_FURNITURE_NOTE));
    }
    expectRead([
      ['Leave the malware to run in the sandbox for ten minutes, then collect its network traffic.'],
      ['Count on PowerShell being used by the actors to download the second stage.', 'T1059.001'],
    ]);
  });

  // A news site's post ends with its links to its standards and comment rules, the label of its other stories glued to
  // them, their titles, and its footer (a reconstruction in our words of ZDNET's BlackCat/Oiltanking post as
  // GenAI-Threat-Intelligence-Research keeps it: `Editorial standards  Show Comments` got Data Encoding 58, `Community
  // Guidelines     Related` Disable or Modify Tools 90, the title `Samsung Galaxy S24 users report more concerning
  // display issues on Reddit` System Network Connections Discovery 65.7, and the site's slogan after the last title,
  // `ZDNET we equip you to harness the power of disruptive innovation, at work and at home.`, Power Settings 100).
  it("ranks no list of other stories whose label is glued after the page's furniture, nor the slogan before its footer", () => {
    // (The post's paragraphs are each one long line, as on the page: the titles' lines stand alone.)
    const page = [
      'The actor sent spearphishing emails with malicious attachments to the staff. The attachments dropped a loader that downloaded a backdoor from a compromised web server, and the backdoor ran commands from its operators over HTTPS for weeks before the intrusion was found.',
      '',
      ' Editorial standards  Show Comments  ',
      'Log In to Comment',
      ' Community Guidelines     Related   ',
      'Researchers read a burnt scroll with machine learning',
      '',
      'Phone makers report more display issues on forums',
      '',
      '2 million smart kettles were not used in a botnet after all, but it could happen',
      '   Example News helps you make sense of new technology, at work and at home. TopicsGalleriesVideosMeet The TeamSitemap',
      '© 2025 Example News, A Media Group company. All rights reserved.',
    ].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text.trim()).slice(lines ? 0 : 1);
      expect(passages[0]!.note).to.equal(undefined);
      expect(passages.slice(1, 4).map((p) => p.note), `lines: ${lines}`).to.deep.equal([PAGE_FURNITURE_NOTE, PAGE_FURNITURE_NOTE, PAGE_FURNITURE_NOTE]);
      for (const p of passages.slice(4)) expect(p.candidates, `${p.text} (lines: ${lines})`).to.deep.equal([]);
    }
    // Under the same furniture, the report's own sentence is read.
    const own = suggestTechniques(' Community Guidelines     Related   \n\nThe actor sent spearphishing emails with malicious attachments to the staff.', model);
    expect(own.map((p) => p.note)).to.deep.equal([PAGE_FURNITURE_NOTE, undefined]);
  });

  // An image's text said again and glued, as a post's row of default pictures leaves it (a reconstruction in our words
  // of Darktrace's blog posts as the search tool's pages corpus stores them: `Default blog imageDefault blog image…`, six
  // times, which got Web Service: Bidirectional Communication 100). A sentence about images is read.
  it("ranks no image's text said again and glued (Default blog imageDefault blog image…), and says so", () => {
    expectUnranked(['Stock post imageStock post imageStock post imageStock post image', 'Header photo Header photo'], IMAGE_CAPTION_NOTE);
    expectRead([['The loader hid its configuration inside a PNG image downloaded from an image hosting site.', 'T1027.003']]);
  });

  // A figure's caption without its number, as a scraped page keeps it under the picture it lost (reconstructions in our
  // words of SentinelOne's 8220 Gang post of October 2022 as GenAI-Threat-Intelligence-Research keeps it: `Visual Context
  // of 8220 Gang Infrastructure Roles`, which got Command and Scripting Interpreter: Visual Basic 100, `GreyNoise Trend of
  // CVE-2019-2725 Crawlers`, Exploitation for Client Execution 100): a noun phrase naming a kind of figure and what it
  // shows. A short line naming a behaviour, heading or caption (Imperva's 8220 Gang post: `Custom bash download
  // function:` above its code's picture), and a sentence with such a noun, are read.
  it("ranks no figure's caption without its number that names a kind of figure (Visual Context of …, Trend of …), and says so; a behaviour's short line is read", () => {
    expectUnranked(['Visual Context of the Botnet Infrastructure', 'GreyNoise Trend of CVE-2019-2725 Scanners', 'Overview of the attack chain', 'Diagram of the loader stages'], IMAGE_CAPTION_NOTE);
    expectRead([
      ['Decoded PowerShell payload', 'T1140'],
      ['Custom bash download function:', 'T1105'],
      ['The actor drew a map of the network shares before moving laterally.', 'T1021.002'],
    ]);
  });

  // A vendor's calls to action on its page (reconstructions in our words of eSentire's ALPHV/BlackCat post and Imperva's
  // 8220 Gang post as GenAI-Threat-Intelligence-Research keeps them: `Want to learn more on how to achieve Cyber
  // Resilience?` / `TALK TO AN EXPERT`, which got Process Discovery 61.8 and Unsecured Credentials: Credentials In Files
  // 91.6; Imperva's pop-up `Want to see Imperva in action?` / `Fill out the form and our experts will be in touch shortly
  // to book your personal demo.`, Outlook Forms 97.6; its banner's `Under DDoS Attack?`, Network Denial of Service 94.1).
  // A sentence about a phishing form or a DDoS attack is read.
  it("ranks no vendor's call to action (Want to learn more…?, TALK TO AN EXPERT, Fill out the form…), and says so; an attack's sentence is read", () => {
    expectUnranked(
      [
        'Want to learn more on how to reach cyber resilience?',
        'TALK TO AN EXPERT',
        'Want to see Example in action?',
        'Fill out the form and our experts will be in touch soon to set up your demo.',
        'An Example security specialist will contact you shortly.',
        'Keep an eye on your inbox for the latest news.',
        'ARE YOU EXPERIENCING A SECURITY INCIDENT?',
        'Under DDoS Attack?',
      ],
      PAGE_FURNITURE_NOTE,
    );
    for (const lines of [false, true]) {
      const call = suggestTechniques('Want to learn more? Connect with an Example Security Specialist.', model, { lines });
      expect(call.map((p) => [p.note, p.candidates.length]), `lines: ${lines}`).to.deep.equal(call.map(() => [PAGE_FURNITURE_NOTE, 0]));
    }
    expectRead([
      ['The actor asked the victims to fill out the form with their bank credentials on the phishing page.', 'T1598.003'],
      ['The botnet kept the victim under a DDoS attack for three days.', 'T1499'],
    ]);
  });

  // A vendor's pop-up boxes after its page's footer (a reconstruction in our words of Imperva's blog posts as
  // GenAI-Threat-Intelligence-Research keeps them: `×` / `Protect Against Business Logic Abuse` / `Identify key
  // capabilities to prevent attacks targeting your business logic` / `Download Now`, the blurb and its call read as one
  // passage, Ingress Tool Transfer 100; `×` / … / `Free Report`; `Try Imperva for Free` / `Protect your business for 30
  // days on Imperva.` / `Start Now`, Registry Run Keys 96.3): the close button or the call to try the product opens the
  // box, its call closes it. The report's sentence before them is read.
  it("ranks no vendor's pop-up box (its close button, headline, blurb and call), and says so", () => {
    const page = [
      'The loader downloads the second stage with curl from the staging server.',
      '',
      '×',
      '',
      'Stop Business Logic Attacks',
      'Learn which capabilities block attacks on your checkout flow',
      'Download Now',
      '',
      '×',
      '',
      'The Annual Bot Traffic Report',
      'How malicious automation changed over ten years',
      'Free Report',
      '',
      'Try Example for Free',
      'Protect your site for 30 days with Example.',
      'Start Now',
    ].join('\n');
    for (const lines of [false, true]) {
      const [sentence, ...box] = suggestTechniques(page, model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      expect(sentence!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1105');
      expect(box.filter((p) => p.candidates.length).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(box.filter((p) => p.note === ADVERTISEMENT_NOTE).length, `lines: ${lines}`).to.be.at.least(lines ? 8 : 6);
    }
  });

  // The same posts end with a pop-up box that quotes a customer (a reconstruction in our words: `×` / `“Imperva prevented
  // 10,000 attacks in the first 4 hours of Black Friday weekend with no latency to our online customers.”`, which got
  // Scheduled Transfer 100, / `Top 3 US Retailer`, Exploit Public-Facing Application 90.7): its close button, the
  // quotation and who said it. A quotation in the report, with no close button before it, is read.
  it("ranks no vendor's pop-up box quoting a customer (its close button, the quotation, who said it), and says so", () => {
    const box = ['×', '', '“Example stopped 9,000 attacks on our checkout in the first hours of the sale. Our shoppers saw no delay.”', 'Large European Retailer'];
    const sentence = '“We downloaded the second stage with curl from the staging server,” the operator wrote.';
    for (const lines of [false, true]) {
      const passages = suggestTechniques([sentence, '', ...box].join('\n'), model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      expect(passages[0]!.note, `lines: ${lines}`).to.equal(undefined);
      expect(passages[0]!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1105');
      expect(passages.slice(1).map((p) => p.note), `lines: ${lines}`).to.deep.equal(Array(lines ? 2 : 3).fill(ADVERTISEMENT_NOTE));
    }
  });

  // A credit: who did the analysis, wrote or reviewed the report (reconstructions in our words of The DFIR Report's
  // posts saved as Markdown, `Analysis and reporting completed by [@…](…), [Name](…) (aka [@…](…)), and guest contributor
  // [Name](…) from [Vendor](…)`, which got Virtualization/Sandbox Evasion 77.1; of ETH Zürich's MEGA attacks page, `This
  // research was conducted by [Name](…), …`; of Sophos's `Written by Linda Smith,` and ZDNET's `Written by Jonathan
  // Greig, Contributor Feb. 2, 2022 at 7:56 a.m. PT`, each Command and Scripting Interpreter: Python 97.2). What a
  // program wrote or an actor conducted is read.
  it('ranks no credit (Analysis and reporting completed by …, This research was conducted by …, Written by …), and says so; what was done is read', () => {
    expectUnranked(
      [
        'Analysis and reporting completed by [@\\_jdoe\\_1](https://twitter.com/_jdoe_1), [Jane Roe](https://www.linkedin.com/in/jane-roe/) (aka [@jroe](https://twitter.com/jroe)), and guest contributor [Sam Poe](https://www.linkedin.com/in/sampoe/) from [Example Corp](https://x.com/example)',
        'Analysis and reporting completed by [Alex\\_Moe](https://www.linkedin.com/in/alex-moe/), and reviewed by [Jane Roe](https://www.linkedin.com/in/jane-roe/).',
        'This research was conducted by [Martin Moe](https://example.org), [Lena Roe](https://example.net) and [Kim Poe](https://example.com).',
        'Written by Jane Roe,',
        'Written by Sam Poe, Contributor March 3, 2025 at 9:15 a.m. PT',
      ],
      BYLINE_NOTE,
    );
    expectRead([
      ['A Run key value was written by the dropper so that the implant starts at logon.', 'T1547.001'],
      ['The intrusion was conducted by APT29 with credentials stolen from a phishing page.'],
      ['Analysis was completed by running the sample in a sandbox, which the malware detected and evaded.'],
    ]);
  });

  // A report's thanks to those who helped (Mandiant's ALPHV post of April 2023, as GenAI-Threat-Intelligence-Research
  // keeps it scraped into one line: `AcknowledgementsWith special thanks to Nick Richard for technical review.`, its
  // heading glued, which got Traffic Signaling 91.1). Reconstructions in our words; thanks to a thing are read.
  it('ranks no thanks to those who helped the report (Acknowledgements, With special thanks to …), and says so', () => {
    // By sentence, the heading glued to the thanks is a passage of its own, a heading of the report's parts.
    const glued = 'AcknowledgementsWith special thanks to Jane Roe for technical review.';
    expect(suggestTechniques(glued, model).map((p) => [p.text, p.note, p.candidates.length])).to.deep.equal([
      ['Acknowledgements', REPORT_STRUCTURE_NOTE, 0],
      ['With special thanks to Jane Roe for technical review.', BYLINE_NOTE, 0],
    ]);
    expect(suggestTechniques(glued, model, { lines: true }).map((p) => [p.note, p.candidates.length])).to.deep.equal([[BYLINE_NOTE, 0]]);
    expectUnranked(
      [
        'Special thanks to Sam Poe and the Example Incident Response team for their help with this research.',
        'We would like to thank [Kim Poe](https://example.org) for her assistance.',
      ],
      BYLINE_NOTE,
    );
    expectRead([['Thanks to a misconfigured server, the actor downloaded the payload over HTTP.', 'T1105'], ['We thank the victims for sharing the phishing emails with malicious attachments.']]);
  });

  // A report's cover: its title naming only the kind of document, and its fields (reconstructions in our words of the
  // head of cchopin/threat-reports' MIRAI-EIW-2026-02/02_threat_intelligence.md, whose `# Cyber Threat Intelligence
  // Report` got Search Closed Sources: Threat Intel Vendors 97 and `**Incident Reference:** … **Analysis Date:** …`
  // Compute Hijacking 100; of the Red Canary 2020 Threat Detection Report as Markdown, `# 2020 Threat Detection Report`;
  // and of another public repository's daily CTI reports, `**Report ID:** CTI-…`). A title or a field that says what was
  // done is read.
  it("ranks no report's cover (its title naming its kind, its classification, reference, dates), and says so; what was done is read", () => {
    expectUnranked(['# Cyber Threat Intelligence Report', '# 2021 Threat Detection Report', 'Annual Threat Landscape Report Q3 2024', 'Threat Intelligence Bulletin'], REPORT_STRUCTURE_NOTE);
    expectUnranked(
      ['**Incident Reference:** Botnet And Miner Double Infection **Analysis Date:** 2026-01-10', '**Classification:** TLP:AMBER', '**Report ID:** CTI-2026-0101', 'Prepared By: Blue Team Research'],
      METADATA_NOTE,
    );
    expectRead([
      ['# Threat actors mined Monero with XMRig on the hijacked servers', 'T1496.001'],
      ['The actor mined Monero with XMRig on the compromised servers.', 'T1496.001'],
      ['The report says the actor added a cron job to keep the miner running.', 'T1053.003'],
    ]);
  });

  // A figure's caption that only credits it, after the figure's number or in brackets (`Figure 3: Source: Trend Micro`
  // got Obtain Capabilities: Tool 94.6), and its Japanese source, 出典 (a security-awareness deck's
  // `出典：警察庁／フィッシング対策協議会／IPA（…）` got Phishing 100 on the council's name). A caption that says more is read.
  it('ranks no caption that only credits its figure (Figure 3: Source: …, 出典：…), and says so; one that says more is read', () => {
    expectUnranked(
      [
        'Figure 3: Source: Trend Micro',
        'Fig. 12: Source: Getty Images',
        '(Source: Getty Images)',
        '出典：フィッシング対策協議会',
        '（出典：フィッシング対策協議会「フィッシングレポート」）',
        '図2 出典：フィッシング対策協議会「フィッシングレポート 2024」（年次報告）より作成。',
      ],
      METADATA_NOTE,
    );
    expectRead([
      ['Figure 4: Source: spearphishing attachment', 'T1566.001'],
      ['Figure 5: The actor sent spearphishing emails with malicious attachments.', 'T1566.001'],
    ]);
    const [sentences] = suggestTechniques('フィッシングメールの出典を偽装した。', model);
    expect(sentences!.note).to.not.equal(METADATA_NOTE);
    expect(sentences!.candidates).to.not.deep.equal([]);
  });

  // Scraped pages keep their bylines: Sekoia's "Guillaume C., Maxime A. and TDR (Threat Detection & Research)" got
  // Gather Victim Identity Information (T1589) 100, Proofpoint's "Joshua Miller, Crista Giering and the Proofpoint
  // Threat Research Team" 100.
  it('ranks no byline (authors, with a team, a date or a reading time, or after "By"), and says so', () => {
    expectUnranked([
      'By John Smith',
      'By John Smith — March 3, 2025',
      'Jane Doe · 5 min read · March 3, 2025',
      'Joshua Miller, Crista Giering and the Proofpoint Threat Research Team',
      'Guillaume C., Maxime A. and TDR (Threat Detection & Research)',
    ], BYLINE_NOTE);
    // "By" before what was done, a heading after "By", and names of tools with a date are read.
    expectRead([
      ['By using PowerShell, the actor downloaded the second stage from its server.', 'T1105'],
      ['By Exploiting Public-Facing Applications', 'T1190'],
      ['Cobalt Strike and Brute Ratel — March 2024'],
    ]);
  });

  // Darktrace's blog posts, as the search tool's pages corpus stores them, give the author's job on a line of its own
  // under the byline (`Written by` / `Max Heinemeyer` / `Global Field CISO`, which got Obfuscated Files or Information:
  // LNK Icon Smuggling 98.3). A reconstruction in our words; such a line with no byline before it is a heading, read.
  it("ranks no author's job on the line under their byline, and says so; alone it is read", () => {
    for (const job of ['Global Field CISO', 'Senior Threat Researcher', 'Director of Threat Intelligence']) {
      const passages = suggestTechniques(['Written by Jane Doe', job, 'The actor sent spearphishing emails with malicious attachments to the staff.'].join('\n\n'), model);
      expect(passages.map((p) => p.note), job).to.deep.equal([BYLINE_NOTE, BYLINE_NOTE, undefined]);
    }
    const heading = suggestTechniques(['The actor sent spearphishing emails with malicious attachments to the staff.', '', 'Senior Threat Researcher'].join('\n'), model);
    expect(heading[1]!.note).to.equal(undefined);
  });

  // When a post was posted, in a blog theme's words under it, and an embedded tweet's credit (pages saved as Markdown
  // by GenAI-Threat-Intelligence-Research: Krebs on Security's `This entry was posted on Friday 28th of January 2022
  // 08:18 AM`, which got Web Protocols 97.7; Intezer's CCleaner post's `— Costin Raiu (@craiu) September 19, 2017`).
  // Reconstructions in our words; a sentence about posting is read.
  it("ranks no 'This entry was posted on' date nor an embedded tweet's credit, and says so; a sentence about posting is read", () => {
    expectUnranked(['This entry was posted on Monday 3rd of March 2025 09:15 AM', 'Posted on March 3, 2025', '— Jane Doe (@janedoe_sec) March 3, 2025'], BYLINE_NOTE);
    expectRead([['This entry was posted on a forum by the actor to sell access to the network.'], ['Updated on the infected hosts, the implant beacons every minute.']]);
  });

  // A blog theme's post meta ends with the post's tags (a minimal reconstruction of love2150.github.io's "Unpacking
  // Malware Event 91 (LetsDefend)" as scraped: `June 30, 2026 · Brandon Love · Tags: blue-team, cybersecurity,
  // letsdefendio` got Mark-of-the-Web Bypass 96.9). The tags part is left out; what comes before it must be a byline.
  it('ranks no byline whose post meta ends with the tags, and says so; a sentence before tags is read', () => {
    expectUnranked([
      'June 30, 2026 · Jane Doe · Tags: blue-team, cybersecurity, incident-response',
      'By John Smith | Categories: threat-intel, malware',
    ], BYLINE_NOTE);
    expectRead([['The actor created a scheduled task for persistence · Tags: windows, persistence', 'T1053.005']]);
  });

  // F-Secure's News from the Lab post on CloudDuke (July 2015) as a threat-report corpus keeps it scraped glues its byline,
  // its time set apart by an at sign, to the post's first sentence: `Posted by Artturi @ 11:59 GMTRecent weeks have seen
  // the outing of two new additions…` was one passage (Permission Groups Discovery first). The byline ends where the
  // time meets the sentence's capital, and is a byline (a first name alone beside its time); the sentence is read as
  // it is alone (a reconstruction, our words). A time in a sentence is no such end.
  it('reads a byline with its time glued to the first sentence apart from it (Posted by Jane @ 11:59 GMTRecent…)', () => {
    const sentence = 'Recent weeks have seen the actor send spearphishing emails with malicious attachments.';
    for (const byline of ['Posted by Jane @ 11:59 GMT', 'Posted by Jane Doe @ 9:05 AM']) {
      const passages = suggestTechniques(`${byline}${sentence}`, model);
      expect(passages.map((p) => [p.text, p.note]), byline).to.deep.equal([
        [byline, BYLINE_NOTE],
        [sentence, undefined],
      ]);
      expect(passages[1]!.candidates).to.deep.equal(suggestTechniques(sentence, model)[0]!.candidates);
    }
    expect(splitPassages('The task ran at 11:59 GMT and at 12:00 UTC. Then it stopped.').map((p) => p.text)).to.deep.equal(['The task ran at 11:59 GMT and at 12:00 UTC.', 'Then it stopped.']);
  });

  // BleepingComputer's Check Point post saved as Markdown: "Tracked asCVE-2026-50751, …" ranked `ascve`.
  it('ranks a sentence with a word glued to a CVE or a name by scraping as the sentence with the words apart', () => {
    const [glued] = suggestTechniques('Tracked asCVE-2026-50751, this flaw can be exploited by remote attackers to bypass authentication on Remote Access VPNs.', model);
    const [apart] = suggestTechniques('Tracked as CVE-2026-50751, this flaw can be exploited by remote attackers to bypass authentication on Remote Access VPNs.', model);
    expect(glued!.candidates).to.deep.equal(apart!.candidates);
  });

  // The Hacker News's Kalambur post saved as Markdown glues its byline's parts: "**Nov 06, 2025**Ravie
  // LakshmananMalware / Vulnerability" got Active Scanning: Vulnerability Scanning (T1595.002) 96.6. A sentence glued
  // after a date is read.
  it('ranks no byline glued by scraping (a date, the author, the categories), and says so; a sentence after a date is read', () => {
    expectUnranked(['**Nov 06, 2025**Ravie LakshmananMalware / Vulnerability', 'Nov 06, 2025Jane Doe', 'March 3, 2025Sergiu GatlanRansomware, Data Breach'], BYLINE_NOTE);
    expectRead([['**Nov 06, 2025**The actor sent spearphishing emails with malicious attachments.', 'T1566.001']]);
  });

  // Securelist's post scraped to text (reports7 05) sets its authors on lines of their own under a label: "Authors" got
  // SSH Authorized Keys (T1098.004) 100; Kaspersky's blog (reports7 04) sets them beside the post's date ("Pavel
  // Shoshin" / "April 9, 2019"). A person's name alone, or a tool's beside a date, is read.
  it('ranks no authors on lines of their own, under their label or beside a date, and says so', () => {
    const page = ['Authors', '', 'Dmitry Bestuzhev', 'The actor registered a domain that imitates the vendor of the VPN client.', 'Another Taj Mahal', 'Pavel Shoshin', '', 'April 9, 2019', 'Cobalt Strike', 'March 2024'].join('\n\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => [p.line, p.note === BYLINE_NOTE]), `lines: ${lines}`).to.deep.equal(
        [[1, true], [5, true], [7, false], [9, false], [11, true], [15, false], [17, false], [19, false]],
      );
      expect(passages[2]!.candidates.map((c) => c.id)).to.include('T1583.001');
    }
  });

  // BleepingComputer's post scraped to text (GenAI-Threat-Intelligence-Research's BlackCat Sphynx post) ends with a note
  // about its author under their name: "Sergiu is a news reporter who has covered the latest cybersecurity and
  // technology developments for over a decade." got Develop Capabilities: Malware (T1587.001) 98.4, "Email or Twitter DMs
  // for tips." Bidirectional Communication (T1102.003) 99.6. A sentence about anyone else, or the author doing
  // anything else, is read.
  it("ranks no note about the post's author after their byline or name, and says so; other sentences are read", () => {
    const page = [
      'By Jane Marsh', 'The actor dumped LSASS memory with a renamed procdump binary.', 'Jane Marsh',
      'Jane is a news reporter who has covered ransomware attacks for over a decade. Email or Twitter DMs for tips.',
      'Marsh is a threat group that sends spearphishing attachments to the finance staff.',
    ].join('\n\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => [p.line, p.note === AUTHOR_BIO_NOTE]), `lines: ${lines}`).to.deep.equal(
        lines ? [[1, false], [3, false], [5, false], [7, true], [9, false]] : [[1, false], [3, false], [5, false], [7, true], [7, true], [9, false]],
      );
      expect(passages.find((p) => p.line === 9)!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1566.001');
      expect(passages[1]!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1003.001');
    }
  });

  // Sophos News's triple-ransomware post scraped to text (GenAI-Threat-Intelligence-Research) ends with a note about each
  // author under a label `About the Author` and their name: "Linda is an incident lead in the Rapid Response team at
  // Sophos, with experience…" got Data from Information Repositories: Code Repositories (T1213.005) 100 and the next
  // sentence Unused/Unsupported Cloud Regions (T1535) 100; the other author's "He specializes in … environments infected with ransomware, crypto
  // miners and unauthorized access." says no role; Virus Bulletin's speakers: "Mingyen Hsieh is an enthusiast in APT
  // investigation…". Here reconstructions in our own words of that layout. A sentence under the label that does not
  // begin with the author's name, and a sentence about the actor after the note, are read.
  it("ranks no note about the author under 'About the Author', whatever it says, nor one naming a role such as lead; the post's sentences are read", () => {
    const page = [
      'About the Author', 'Dana Whitfield',
      'Dana is an incident lead in the response team, with years of work in forensics. Before joining, Dana worked as a detective in a crime unit.',
      'About the Author', 'Omar Castellano',
      'Omar handles cases for customers whose hosts were infected with ransomware and coin miners. He holds a degree in security management.',
      'The affiliate cleared the Windows event logs after it encrypted the hosts.',
    ].join('\n\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text);
      expect(passages.filter((p) => p.note === AUTHOR_BIO_NOTE).map((p) => p.line), `lines: ${lines}`).to.deep.equal(lines ? [5, 11] : [5, 5, 11, 11]);
      expect(passages.at(-1)!.note, `lines: ${lines}`).to.equal(undefined);
      expect(passages.at(-1)!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1070.001');
    }
    // Without the label, a note that names no role is read; after a name alone, one naming a role or years of experience is not.
    const unlabelled = ['Omar Castellano', 'Omar handles cases for customers whose hosts were infected with ransomware.', 'Mira Tanaka', 'Mira Tanaka is an enthusiast in malware analysis and sandboxing.', 'Ivo Brandt', 'Ivo has over 12 years of experience in incident response.'];
    expect(suggestTechniques(unlabelled.join('\n\n'), model).map((p) => p.note === AUTHOR_BIO_NOTE)).to.deep.equal([false, false, false, true, false, true]);
    const underLabel = ['About the author', 'Jane Roe', 'The actor moved laterally over RDP with the stolen credentials.'];
    const [, , sentence] = suggestTechniques(underLabel.join('\n\n'), model);
    expect(sentence!.note).to.equal(undefined);
    expect(sentence!.candidates.slice(0, 3).map((c) => c.id)).to.include('T1021.001');
  });

  // BleepingComputer's posts scraped to text (GenAI-Threat-Intelligence-Research's BlackCat Sphynx post; a Check Point
  // post saved as Markdown) set the post's date and time on lines of their own under the byline: "10:11 AM" got
  // System Language Discovery (T1614.001) 93.1, "* June 8, 2026" Timestomp (T1070.006) 20; Securelist's webinar
  // list "13 May 2021, 1:00pm". A sentence with a date and a time in it is read, and a count alone ("0") gets no note.
  it('ranks no date or time alone on its line, and says so; a sentence with a date is read', () => {
    expectUnranked(['10:11 AM', '* 09:05 AM', '* June 8, 2026', 'September 16, 2023', '13 May 2021, 1:00pm'], DATE_NOTE);
    expectRead([['On September 16, 2023 at 10:11 AM the actor encrypted the files on the file server.', 'T1486']]);
    expect(suggestTechniques('0', model, { lines: true })).to.deep.equal([{ line: 1, text: '0', candidates: [] }]);
  });

  // A Markdown save of Unit 42's "Meddler-in-the-Middle Phishing Attacks Explained" keeps each image's text: "![Image 1
  // is a screenshot of the Phishing-as-a-Service platform caffeine, which provides features and tools for threat actors
  // at cost. ](…)" got Screen Capture (T1113) 100 on "screenshot", as did "![Image 2 is a screenshot comparing two
  // Microsoft login pages.", whose next sentence ("The image on the left is a fake login page…") is its text too; a
  // write-up's "*Screenshot of the phishing page:*" above its image and "> Screenshot of the phishing email received in
  // Outlook." below it. Here reconstructions in our own words. A sentence where screenshots are what the malware takes,
  // a caption that says what was done in other words, and an image's text that says what the actor did are read.
  it("ranks no image's caption or text that says what the picture is (Screenshot of …), and says so; screenshots taken by malware are read", () => {
    const page = [
      '![Image 1 is a screenshot of the kit\'s panel, which offers tools to the actors for a fee. The image on the right is its login page.](https://example.com/wp-content/uploads/kit.png)',
      '*Screenshot of the fake bank page:*', '> Screenshot of the lure mail as it arrived in Outlook.', 'Photo of the skimmer found on the terminal.',
      'The implant sent spearphishing emails with malicious attachments to the finance staff.',
    ];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page.join('\n\n'), model, { lines }).filter((p) => p.text);
      const captions = passages.filter((p) => p.line < 9);
      expect(captions.filter((p) => p.note !== IMAGE_CAPTION_NOTE && p.note !== LINKS_NOTE).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(captions.filter((p) => p.candidates.length).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(passages.at(-1)!.note, `lines: ${lines}`).to.equal(undefined);
    }
    expectRead([
      ['Screenshots of the desktop are taken every minute and uploaded to the C2 server.', 'T1113'],
      ['Figure 5: PowerShell command used to download the loader'],
      ['![The actor sent spearphishing emails with malicious attachments](lure.png)', 'T1566.001'],
    ]);
  });

  // F-Secure's News from the Lab posts set a banner above each post: the blog's name in capitals and the post's date,
  // framed by marks as a threat-report corpus keeps the CloudDuke post of 2015 (`<<<NEWS FROM THE LAB - Wednesday, July
  // 22, 2015>>>`, which got Multiband Communication 95.2), or not, as the blog's archived pages give it (`NEWS FROM THE LAB
  // - Friday, March 5, 2010`); here another blog's name. A heading with a year alone after it, and a sentence in
  // capitals with a date, are read.
  it("ranks no blog's banner (its name in capitals and a date), and says so; a sentence with a date is read", () => {
    expectUnranked(['<<<EXAMPLE LAB NOTES - Wednesday, July 22, 2015>>>', 'EXAMPLE LAB NOTES - Friday, March 5, 2010', '*** THREAT DIARY | 5 March 2010 ***'], BANNER_NOTE);
    expectRead([['RANSOMWARE - on Friday, March 5, 2010 the actor encrypted the files of the servers.', 'T1486']]);
    expect(suggestTechniques('RANSOMWARE ENCRYPTED FILES - 2022', model)[0]!.note).to.not.equal(BANNER_NOTE);
    // A table's row with a date among its cells is no banner.
    expect(suggestTechniques('| EMOTET | March 5, 2024 |', model)[0]?.note).to.not.equal(BANNER_NOTE);
  });

  // ESET's scraped post (reports6 01) keeps its site menu as one line, its items run together: "TIPS & ADVICEBUSINESS
  // SECURITYESET RESEARCHAbout ESET ResearchBlogpostsPodcastsWhite papersThreat reports…" got Security Software
  // Discovery (T1518.001) 100. Names of API functions run together too, but a sentence or a list of them is read.
  it('ranks no site menu glued into one line by scraping, and says so; API names in a sentence are read', () => {
    const menu = 'TIPS & ADVICEBUSINESS SECURITYRESEARCHAbout our ResearchBlogpostsPodcastsWhite papersThreat reportsTOPICSDigital SecurityScamsKids onlineSocial mediaMalwareRansomwareSecure coding';
    expectUnranked([menu], GLUED_MENU_NOTE);
    for (const text of [
      'The loader calls VirtualAllocEx WriteProcessMemory CreateRemoteThread and NtUnmapViewOfSection to inject into explorer',
      'VirtualAllocEx WriteProcessMemory CreateRemoteThread NtUnmapViewOfSection SetThreadContext ResumeThread',
    ]) {
      const [read] = suggestTechniques(text, model);
      expect(read!.note, text).to.equal(undefined);
      expect(read!.candidates.slice(0, 5).map((c) => c.id.slice(0, 5)), text).to.include('T1055');
    }
  });

  // Sekoia's scraped post (reports6 03) ends with a tag cloud under "Trending topics": "Malware" got Obtain
  // Capabilities: Malware (T1588.001) 99.7, "Ransomware" Data Encrypted for Impact 100, "Infostealer" Clipboard Data
  // 100, "Trending topics" Publish/Subscribe Protocols 100. Alone, such a word is read as a heading.
  it('ranks no list of tags or categories under its label, and says so; the same word alone, or a sentence after, is read', () => {
    const text = ['Comments are closed.', 'Trending topics', 'Malware', '', 'Stealer', 'Cyber Threat Intelligence', 'Ransomware', 'The actor encrypted the files on the shares with a ransomware payload.'].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(text, model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => [p.line, p.note]), `lines: ${lines}`).to.deep.equal([
        [1, PAGE_FURNITURE_NOTE],
        [2, TAG_LIST_NOTE],
        [3, TAG_LIST_NOTE],
        [5, TAG_LIST_NOTE],
        [6, TAG_LIST_NOTE],
        [7, TAG_LIST_NOTE],
        [8, undefined],
      ]);
      expect(passages.at(-1)!.candidates.map((c) => c.id)).to.include('T1486');
    }
    // Or in a table's row, the label naming the site (Unit 42's threat assessment saved as Markdown: `| Related Unit 42
    // Topics | BlackSuit Ransomware , …` and `| Related Unit 42 Themes | Cybercrime , Ransomware` got Data Encrypted for
    // Impact 100).
    expectUnranked(['Tags: Malware, Ransomware, APT', '| Related Unit 42 Topics | LockBit Ransomware , Example Loader , Example Group', '| Related ESET Themes | Cybercrime , Ransomware'], TAG_LIST_NOTE);
    expectRead([['Ransomware'], ['Credential Dumping'], ['| Related Unit 42 Topics | The loader encrypted the files on the network shares.', 'T1486']]);
  });

  // Kaspersky's press release on the AZORult campaign, scraped into one line (GenAI-Threat-Intelligence-Research,
  // reports/TA516), glues its site's menu and the post's title and date to the first sentence: "…| KasperskySkip to main
  // contentSolutions for:Home ProductsSmall Business 1-50 employees…Corporate NewsFebruary 18, 2020New AZORult campaign
  // abuses popular VPN service to steal cryptocurrencyKaspersky researchers have detected…". The sentence is read without
  // them; API names run together in a sentence are read.
  it("reads a passage without the site's menu glued before its first sentence", () => {
    const sentence = 'The victim visits the phishing website and is prompted to download a free VPN installer.';
    const menu =
      'KasperskySkip to main contentSolutions for:Home ProductsSmall Business 1-50 employeesMedium Business 51-999 employeesEnterprise 1000+ employeesKaspersky logoAbout UsCompanyTeamTransparencyCorporate NewsPress CenterCareersPolicy BlogGeneral CybersecurityIndustrial CybersecurityPrivacyCyber InsuranceDigital SkillsHomeAboutCorporate NewsFebruary 18, 2020New AZORult campaign abuses popular VPN service to steal cryptocurrency';
    // The post's title glued to the sentence (`…to steal cryptocurrencyThe victim visits…`) ends its passage
    // (GLUED_HEADING): the sentence is a passage of its own.
    const glued = suggestTechniques(menu + sentence, model).find((passage) => passage.text.endsWith(sentence));
    const [alone] = suggestTechniques(sentence, model);
    expect(glued!.candidates).to.deep.equal(alone!.candidates);
    const api = 'The loader calls VirtualAllocEx WriteProcessMemory CreateRemoteThread and NtUnmapViewOfSection to inject into explorer.';
    const [read] = suggestTechniques(api, model);
    expect(read!.candidates.map((c) => c.why).join(' ')).to.include('virtualallocex');
  });

  // Mandiant's ALPHV post of April 2023, as GenAI-Threat-Intelligence-Research keeps it scraped into one line, glues a
  // mega-menu whose items end with `New!` (`Proactive Exposure Management New!Reduce exposures before adversaries act`),
  // the post's title, its authors and categories to its first sentence: that `!`, a letter right after it, ended the
  // text before the sentence, and the menu was read with it (Exploit Public-Facing Application 100, 7 words in common,
  // the menu's among them). A reconstruction in our words of that layout.
  it("reads a passage without the site's menu glued before its first sentence, a `New!` item glued in the menu", () => {
    const sentence = 'The victim visits the phishing website and is prompted to download a free VPN installer.';
    const menu =
      'Featured solutionsarrow_forwardBy use casearrow_forwardBy industryarrow_forward Featured solutions Exposure Management New!Reduce exposures before attackers act Government New!Protect public services PlatformExample OverviewSecurity ValidationAttack Surface ManagementThreat IntelligenceManaged DefenseResourcesExample BlogsCustomer StoriesWebinarsPodcasts eBooksCompanyAbout Get startedIncident Response HelpContact salesSupportBlog   Blog Loader Campaign Targets Travellers With Fake VPNsJane Roe, Sam Poe Apr 03, 20237 min readRansomwareVulnerabilities';
    const glued = suggestTechniques(menu + sentence, model).find((passage) => passage.text.endsWith(sentence));
    const [alone] = suggestTechniques(sentence, model);
    expect(glued!.candidates).to.deep.equal(alone!.candidates);
  });

  // Scraped news pages end with other posts under a label: BleepingComputer's (reports7 03) "You may also like:" /
  // "Popular Stories" / "Hackers used new Windows Defender zero-day to drop DarkMe malware" (Exploitation for Privilege
  // Escalation, T1068, 100), Threatpost's (reports7 02) "Suggested articles" with titles, teasers and dates.
  it('ranks no list of other posts under its label (titles, dates, authors, teasers), and says so; a sentence after it is read', () => {
    const page = [
      'The actor encrypted the files on the network shares with a ransomware payload.',
      'Suggested articles',
      'SolarWinds Hack Potentially Linked to Turla APT',
      'Researchers have spotted notable code overlap between the Sunburst backdoor and a known Turla weapon.',
      'January 11, 2021',
      'Hackers used new Windows Defender zero-day to drop DarkMe malware',
      'Stan Kaminsky',
      'The actor sent spearphishing emails with malicious attachments to the staff of the ministry.',
    ].join('\n\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => [p.line, p.note]), `lines: ${lines}`).to.deep.equal([
        [1, undefined],
        ...[3, 5, 7, 9, 11, 13].map((line) => [line, RELATED_POSTS_NOTE]),
        [15, undefined],
      ]);
      expect(passages.at(-1)!.candidates.map((c) => c.id)).to.include('T1566.001');
    }
    expectUnranked(['Related Articles: New Qbot malware variant uses fake Adobe installer popup for evasion'], RELATED_POSTS_NOTE);
    // A label with nothing after it but the report's own sentences lists nothing.
    const report = suggestTechniques('You may also like:\n\nThe actor sent spearphishing emails with malicious attachments to the staff.', model);
    expect(report.map((p) => p.note)).to.deep.equal([RELATED_POSTS_NOTE, undefined]);
  });

  // Other labels of such lists, as GenAI-Threat-Intelligence-Research keeps pages saved as Markdown (reconstructions in
  // our words of their layout): Krebs on Security's `Post navigation` with the previous and next posts' titles beside
  // arrows (`← Scary Fraud Ensues When ID Theft & Usury Collide`, Financial Theft 100) and its `Recent Posts`, whose first
  // title, `U.S. Internet Leaked Years of Internal, Customer Emails` (Internal Proxy 100), was taken for a teaser at
  // `U.S.` and ended the list; Sophos News's `Read Similar Articles` (`What to expect when you’ve been hit with Avaddon
  // ransomware`, Data Encrypted for Impact 100); The Register's `Other stories you might like`. Readers' comments after
  // the list are theirs.
  it('ranks no list of other posts under Post navigation, Read Similar Articles or Other stories you might like; an initialism ends no title', () => {
    const lists = [
      ['Post navigation', '← Fake Invoices Feed a Payroll Fraud Ring', 'A Botnet Rents Out Home Routers →'],
      ['Recent Posts', 'U.S. Retailer Leaked Years of Support Tickets', 'Patch Tuesday, March 2025 Edition'],
      ['Read Similar Articles', 'May 24, 2021', 'What to do after an Example ransomware attack', 'May 19, 2021', 'What is new in Example EDR 4.0'],
      ['Other stories you might like', 'Vendor retires its IoT cloud platform', 'Cybercriminals are stealing face scans to open bank accounts'],
    ];
    for (const list of lists) {
      for (const lines of [false, true]) {
        const passages = suggestTechniques([...list, 'The actor sent spearphishing emails with malicious attachments to the staff.'].join('\n\n'), model, { lines }).filter((p) => p.text);
        // (A label of the furniture's words alone, `Recent Posts`, keeps the furniture's note.)
        expect(passages[0]!.note).to.be.oneOf([RELATED_POSTS_NOTE, PAGE_FURNITURE_NOTE]);
        expect(passages.slice(1).map((p) => p.note), `${list[0]} (lines: ${lines})`).to.deep.equal([...Array(list.length - 1).fill(RELATED_POSTS_NOTE), undefined]);
      }
    }
    const commented = suggestTechniques(['Post navigation', '← An Older Post About Loaders', '2 thoughts on “A Post”', 'jdoe March 3, 2025', 'Nice.'].join('\n\n'), model);
    expect(commented.map((p) => p.note)).to.deep.equal([RELATED_POSTS_NOTE, RELATED_POSTS_NOTE, COMMENTS_NOTE, COMMENTS_NOTE, COMMENTS_NOTE]);
  });

  // Imperva's blog, as GenAI-Threat-Intelligence-Research keeps its 8220 gang post saved as Markdown, sets its bylines
  // apart by spaces only (`Daniel Johnston Dec 14, 2023  3 min read`, which got Query Registry 97.9) and lists other
  // posts under `Trending`, each its category, its title and such a byline (the label got Search Engines 100, a title
  // `CVE-2023-22524: RCE Vulnerability in Atlassian Companion for macOS` Exploitation for Client Execution 100).
  // Reconstructions in our words of that layout; a sentence of the report after the label, a tool's name beside a date
  // and a reader's name and date without a reading time are not such a byline.
  it('ranks no byline of names, a date and a reading time set apart by spaces, nor a list of other posts under Trending', () => {
    expectUnranked(['Jane Doe Dec 14, 2023 3 min read', 'Mira Kovacs, Tomas Lindqvist Nov 8, 2023 13 min read'], BYLINE_NOTE);
    expectRead([['Cobalt Strike March 2024 5 min read']]);
    expect(suggestTechniques('Jane Doe March 3, 2025 at 4:12 pm', model)[0]!.note).to.not.equal(BYLINE_NOTE);
    const list = ['Trending', 'Example Threat Research', 'CVE-2031-0001: Code Execution Flaw in an Example VPN Appliance', 'Jane Doe Dec 14, 2023  5 min read', 'Example Threat Research', 'Analysis: A Ransomware Attack on a Database Server', 'Tomas Lindqvist Oct 24, 2023  3 min read'];
    for (const lines of [false, true]) {
      const passages = suggestTechniques([...list, 'The actor sent spearphishing emails with malicious attachments to the staff.'].join('\n\n'), model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => p.note), `lines: ${lines}`).to.deep.equal([...list.map((text) => (/min read$/.test(text) ? BYLINE_NOTE : RELATED_POSTS_NOTE)), undefined]);
    }
    expect(suggestTechniques('Trending\n\nThe actor sent spearphishing emails with malicious attachments to the staff.', model)[1]!.note).to.equal(undefined);
  });

  // Imperva's same post offers a report under `Suggested Report` (`2023 Imperva Bad Bot Report Read more`; the label got
  // Automated Collection 100, the title Application Layer Protocol 100), and eSentire's ALPHV/BlackCat post, as the same
  // repository keeps it, lists its latest posts under `Read the Latest from eSentire` (`Feb 07, 2024` / `The Oncoming Wave
  // of SolarMarker` / `Learn More`). Reconstructions in our words of those layouts.
  it('ranks no list of other posts or reports under Suggested Report or Read the Latest from …', () => {
    for (const list of [
      ['Suggested Report', '2025 Example Bad Bot Report Read more'],
      ['Read the Latest from Example', 'Mar 03, 2025', 'The Rising Tide of Loader Malware', 'Mar 01, 2025', 'From Phishing Kits to Session Theft'],
    ]) {
      const passages = suggestTechniques(list.join('\n\n'), model).filter((p) => p.text);
      expect(passages.map((p) => p.note), list[0]).to.deep.equal(list.map(() => RELATED_POSTS_NOTE));
    }
  });

  // Intezer's blog posts, as GenAI-Threat-Intelligence-Research keeps them saved as Markdown, glue the post's navigation
  // into one line under it: the author's name, then the previous and next posts' titles (`Jay RosenbergIntezer Community
  // Tip: How to Optimize ssdeep Comparisons with ElasticSearchEvidence Aurora Operation Still Active Part 2: …`, which got
  // Obtain Capabilities: Malware 96.2; `intezer_adminNotPetya Returns as Bad RabbitSilence of the Moles`, Web Service
  // 88.8), the author named by the byline glued to the post's title (`…Through CCleanerWritten by Jay Rosenberg - 20
  // September 2017`). A reconstruction in our words; a sentence beginning with the author's name is read.
  it("ranks no post navigation glued to the author's name the byline gives, and says so; a sentence about them is read", () => {
    const page = (last: string): string =>
      ['Loader Found in an Example Updater PackageWritten by Jane Doe - 20 September 2017', 'The actor sent spearphishing emails with malicious attachments to the staff.', last].join('\n\n');
    for (const [author, last] of [
      ['Jane Doe', 'Jane DoeA Guide to Fuzzy Hash SearchesExample Loader Returns With a New Packer'],
      ['jdoe_admin', 'jdoe_adminRansomware Returns as a WormSilence of the Loaders'],
    ] as const) {
      const passages = suggestTechniques(page(last).replace('Jane Doe -', `${author} -`), model);
      expect(passages.at(-1)!.note, last).to.equal(RELATED_POSTS_NOTE);
      expect(passages[1]!.note).to.equal(undefined);
    }
    const read = suggestTechniques(page('Jane Doe saw the actor create a scheduled task for persistence'), model);
    expect(read.map((p) => p.note)).to.not.include(RELATED_POSTS_NOTE);
  });

  // Securelist's AZORult post (GenAI-Threat-Intelligence-Research, reports/TA516) ends its list of other posts with
  // "Reports" and two titles with their teasers and no dates, then its footer: the teasers and the second title were
  // ranked ("In this report Kaspersky researchers provide an analysis of the previously unknown HrServ web shell…"). Before
  // a sentence of the report's, they are read.
  it('ranks no titles and teasers without dates at the end of a list of other posts, before the page\'s footer, and says so', () => {
    const list = [
      'Latest Posts', 'Reports', 'HrServ – Previously unknown web shell used in APT attack',
      'In this report researchers provide an analysis of the previously unknown HrServ web shell, active since 2021.',
      'Modern Asian APT groups’ tactics, techniques and procedures (TTPs)', 'Asian APT groups target various organizations from a multitude of regions.',
    ];
    for (const lines of [false, true]) {
      const footed = suggestTechniques([...list, '© 2024 Example Lab, All Rights Reserved'].join('\n\n'), model, { lines }).filter((p) => p.text);
      expect(footed.map((p) => p.note), `lines: ${lines}`).to.deep.equal([...Array(list.length).fill(RELATED_POSTS_NOTE), PAGE_FURNITURE_NOTE]);
      const report = suggestTechniques([...list, 'The actor sent spearphishing emails with malicious attachments to the staff.'].join('\n\n'), model, { lines }).filter((p) => p.text);
      expect(report.slice(3).map((p) => p.note), `lines: ${lines}`).to.deep.equal(Array(4).fill(undefined));
    }
  });

  // BleepingComputer's posts saved as Markdown (a scraped news archive's Check Point VPN post) end with "### Related
  // Articles:" and the titles after it, each ranked ("Palo Alto Networks firewall zero-day exploited for nearly a month":
  // Exploit Public-Facing Application, T1190, 100); saved as text (GenAI-Threat-Intelligence-Research's BlackCat Sphynx
  // post) the titles are glued into one line after "Related Articles:" (Data Encrypted for Impact 100).
  it('ranks no list of other posts under a heading, or of titles glued into one line, and says so; a sentence after it is read', () => {
    const glued =
      'Trans-Northern Pipelines investigating ALPHV ransomware attack claimsNew RustDoor macOS malware impersonates Visual Studio updateMGM Resorts ransomware attack led to $100 million loss, data theftFidelity National Financial: Hackers stole data of 1.3 million peopleMGM casino\'s ESXi servers allegedly encrypted in ransomware attack';
    const pages = [
      ['### Related Articles:', '', 'CISA gives feds 3 days to patch Check Point VPN bug exploited as zero-day', '', 'Palo Alto Networks firewall zero-day exploited for nearly a month'],
      ['Related Articles:', glued],
    ];
    for (const page of pages) {
      for (const lines of [false, true]) {
        const passages = suggestTechniques(['The actor sent spearphishing emails with malicious attachments to the staff.', '', ...page].join('\n'), model, { lines }).filter((p) => p.text);
        expect(passages.slice(1).filter((p) => p.candidates.length).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
        expect(passages.at(-1)!.note, `lines: ${lines}`).to.equal(RELATED_POSTS_NOTE);
        expect(passages[0]!.candidates.map((c) => c.id), `lines: ${lines}`).to.include('T1566.001');
      }
    }
    // Securelist's AZORult post (GenAI-Threat-Intelligence-Research, reports/TA516) lists "From the same authors" with a
    // title ending with '!', which ended the list: the titles after it were ranked ("IT threats during the 2016 Olympic
    // Games in Brazil": Develop Capabilities: Malware, T1587.001, 100).
    const exclaimed = ['From the same authors', 'Cyberthreats to financial organizations in 2022', 'Targeted ransomware: it’s not just about encrypting your data!', 'The world’s southernmost security conference', 'IT threats during the 2016 Olympic Games in Brazil'];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(exclaimed.join('\n\n'), model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => p.note), `lines: ${lines}`).to.deep.equal(Array(exclaimed.length).fill(RELATED_POSTS_NOTE));
    }
    // One title longer than a title may be, or a paragraph after the label, is read.
    const report = suggestTechniques(['Related Articles:', '', `${'The actor sent spearphishing emails with malicious attachments to the staff of the ministry and '.repeat(4)}then it ran a loader`].join('\n'), model);
    expect(report.at(-1)!.note).to.equal(undefined);
  });

  // Rules quoted in pages: a YARA file's 'condition: any of them' (reports5 01) got Multi-Factor Authentication
  // (T1556.009) 100, Sekoia's post (reports6 03) its rule's meta fields joined into one passage, 'meta: id = "…" version =
  // "1.0" … description = "Detects external logo embedded in DOCX documents"…' File Deletion 100, a Sigma rule in
  // a Markdown report (reports3 09) 'detection: selection: Image|endswith:' 92.8 and 'condition: selection' 100.
  it("ranks no detection rule's syntax (YARA meta fields and conditions, Sigma's keys), and says so; a sentence is read", () => {
    expectUnranked([
      'condition: any of them',
      'condition: $s1 in (filesize-400..filesize) and $s2 in (filesize-400..filesize)',
      'condition: selection_img and not filter_main',
      'meta: id = "51413d41-d0f4-4e1a-9f12-322921e48977" version = "1.0" description = "Detects external logo embedded in DOCX documents"',
      'tool_name = "Impacket" tool_component = "GetUserSPNs"',
      'description = "Kerberoast using impacket"',
      'detection: selection: Image|endswith:',
      'logsource: category: process_creation',
    ], RULE_SYNTAX_NOTE);
    expectRead([
      ['Condition: the actor ran the loader from a scheduled task each hour.', 'T1053.005'],
      ['detection: the actor disabled the antivirus before it ran the ransomware.'],
    ]);
  });

  // A hunting query quoted in a report (a minimal reconstruction of the KQL in the Detection Engineering & Threat Hunting
  // (DE&TH) Guide, v1.1, as text: `DeviceProcessEvents` / `| where FolderPath matches regex @'(?i)C\:\\ProgramData…'`,
  // which got Masquerading: Match Legitimate Resource Name or Location 100 as a table's row; Splunk's SPL alike). A
  // Markdown table's row, whose line ends with a pipe, and a sentence are read.
  it("ranks no hunting query's line after a pipe (KQL, Splunk SPL), and says so; a table's row is read", () => {
    const query = ['DeviceProcessEvents', "| where FolderPath matches regex @'(?i)C\\:\\\\ProgramData\\\\[^\\\\]+$'", '| project Timestamp, DeviceName, ProcessCommandLine', '| stats count by src_ip, dest_ip'];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(query.join('\n'), model, { lines });
      expect(QUERY_NOTE).to.be.a('string');
      expect(passages.slice(1).map((p) => [p.note, p.candidates.length]), `lines: ${lines}`).to.deep.equal(Array(3).fill([QUERY_NOTE, 0]));
    }
    expectRead([
      ['| where the actor dumped credentials from LSASS memory with Mimikatz |', 'T1003.001'],
      ['The actor ran a query where the results listed every domain administrator account.', 'T1087.002'],
    ]);
  });

  // A label alone before a block of code or a query (a minimal reconstruction of the same DE&TH guide's `Query 1 -
  // DeviceProcessEvents` before its KQL, which got Query Registry 100; a Markdown page's `Query` above a fenced block).
  // The same word before a sentence is read, as a heading is.
  it('ranks no label alone before a block of code or a query (Query, Query 1 - DeviceProcessEvents), and says so; before a sentence it is read', () => {
    const text = [
      'Query 1 - DeviceProcessEvents',
      'DeviceProcessEvents',
      '| where FolderPath startswith @"C:\\ProgramData"',
      '',
      'Query',
      '',
      '```kql',
      'EmailEvents',
      '```',
      '',
      'Command',
      '',
      'The actor queried the registry for installed software with reg query.',
    ].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(text, model, { lines });
      const note = (label: string): string | undefined => passages.find((p) => p.text === label)!.note;
      expect([note('Query 1 - DeviceProcessEvents'), note('Query')], `lines: ${lines}`).to.deep.equal([REPORT_STRUCTURE_NOTE, REPORT_STRUCTURE_NOTE]);
      expect(note('Command'), `lines: ${lines}`).to.equal(undefined);
    }
  });

  // The Hunters Ledger's detections page (Threat-Intel-Reports' dual-RAT detections) heads its YARA rules with a rule
  // set's comment: "Yara Rule Set" got Email Forwarding Rule (T1114.003) 99.3, "Identifier: Dual-RAT Campaign - Quasar RAT
  // and NjRAT/XWorm" Obtain Capabilities: Malware (T1588.001) 100. A block comment right before a rule is the rule's; a
  // sentence before it, or a comment before no rule, is read.
  it("ranks no block comment right before a YARA rule (a rule set's header), and says so; a sentence before it is read", () => {
    const before = 'The loader adds a Run key so that it starts at each logon.';
    const page = [before, '', '/*', '   Yara Rule Set', '   Identifier: Loader Campaign - Example RAT', '*/', '', 'rule Example_Loader {', '   condition:', '      all of them', '}'].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      expect(passages.map((p) => p.note === RULE_SYNTAX_NOTE), `lines: ${lines}`).to.deep.equal([false, ...passages.slice(1).map(() => true)]);
      expect(passages.map((p) => p.line).slice(0, 3), `lines: ${lines}`).to.deep.equal([1, 4, 5]);
      expect(passages[0]!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1547.001');
    }
    const comment = suggestTechniques(['/*', '   Yara Rule Set', '*/', '', 'The loader adds a Run key so that it starts at each logon.'].join('\n'), model, { lines: true });
    expect(comment.find((p) => p.text.trim() === 'Yara Rule Set')!.note).to.not.equal(RULE_SYNTAX_NOTE);
  });

  // The Hunters Ledger's detections page for its dual-RAT report (PixelatedContinuum/Threat-Intel-Reports,
  // hunting-detections/dual-rat-analysis-detections.md) quotes its YARA rules: 'rule NjRAT_XWorm_Triple_Persistence {'
  // got Obtain Capabilities: Malware (T1588.001) 98.1, the strings '$task_freq = "minute /mo 1" ascii wide' Scheduled
  // Task (T1053.005) 100 and '$reg_key = "Software\\Microsoft\\Windows\\CurrentVersion\\Run" ascii wide' T1547.001 100,
  // 'strings:' alone Obfuscated Files or Information 100, a meta field of its own key ('campaign = "…"') T1588.001 100.
  it("ranks no line of a YARA rule quoted in a page, from its first line to its closing brace, nor its strings, and says so", () => {
    const rule = [
      'rule NjRAT_XWorm_Triple_Persistence {', '   meta:', '      author = "The Hunters Ledger"', '      campaign = "Dual-RAT-185.208.159.182-Quasar-NjRAT"',
      '   strings:', '      $task_freq = "minute /mo 1" ascii wide', '      $reg_key = "Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run" ascii wide',
      '      $h = { 4D 5A ?? 00 }', '   condition:', '      uint16(0) == 0x5A4D and', '      all of them', '}',
    ];
    const after = 'The loader then writes its payload to the Startup folder so that it runs at each logon.';
    for (const lines of [false, true]) {
      const passages = suggestTechniques([...rule, '', after].join('\n'), model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      expect(passages.slice(0, -1).filter((p) => p.note !== RULE_SYNTAX_NOTE && p.note !== METADATA_NOTE).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(passages.at(-1)!.candidates.map((c) => c.id), `lines: ${lines}`).to.include('T1547.001');
    }
    // By sentence, the closing brace is no passage, as a line without letters is none.
    expect(suggestTechniques([...rule, '', after].join('\n'), model).map((p) => p.text)).to.not.include('}');
    // A rule's strings quoted alone, without the rule.
    expectUnranked(['strings: $s1 = "powershell.exe" ascii wide nocase $s2 = ".DownloadFile(" ascii wide nocase', '$r = /cmd\\.exe \\/c/ nocase', 'strings:'], RULE_SYNTAX_NOTE);
    // "rule" in a sentence or on a wrapped line, a PowerShell string outside a rule, and a rule whose brace never closes, are read.
    expectRead([['rule out a compromise of the domain controller by the actor with stolen credentials'], ['$cmd = "powershell.exe -nop -w hidden -enc JABjAGwAaQBlAG4AdAA="', 'T1059.001']]);
    const open = suggestTechniques(['rule Loader {', '', 'The loader then writes its payload to the Startup folder so that it runs at each logon.'].join('\n'), model, { lines: true });
    expect(open.at(-1)!.note).to.equal(undefined);
  });

  // ESET's post scraped to text (reports6 01) heads its indicators "IoCs" on a line of its own, with no heading's mark:
  // it got Indicator Removal from Tools (T1027.005) 100.
  it('ranks no heading of the indicators of compromise without a mark, and says so; other words make it read', () => {
    expectUnranked(['IoCs', 'Indicators of Compromise', 'IOCs & Technical Details', 'Indicators of compromise (IoCs)'], REPORT_STRUCTURE_NOTE);
    expectRead([['Network indicators'], ['Indicators of compromise found on the host include a scheduled task named Updater.']]);
  });

  // Unit 42's threat assessment saved as Markdown captions its figures "Figure 1. Screenshot of BlackSuit leak site.":
  // by sentence, "Figure 1." got Software Discovery (T1518) 100. The caption after it is read.
  it("ranks no figure's or table's number alone, and says so; its caption is read", () => {
    expectUnranked(['Figure 1.', 'Fig. 12', 'Table 3:', 'Figure 4b.'], REPORT_STRUCTURE_NOTE);
    const [number, caption] = suggestTechniques('Figure 7. The loader creates a scheduled task that runs it at each logon.', model);
    expect(number!.note).to.equal(REPORT_STRUCTURE_NOTE);
    expect(caption!.note).to.equal(undefined);
    expect(caption!.candidates.slice(0, 3).map((c) => c.id)).to.include('T1053.005');
    expectRead([['Figure 1 shows the scheduled task that the loader creates to run at each logon.', 'T1053.005']]);
  });

  // The APT32 seed's table of signatures, one cell a line: "Trojan.Apost.FEC2, Trojan.Apost.FEC3, fe_ml_heuristic" got
  // Compromise Host Software Binary (T1554) 98.3, "Generic.mg.d739f10933c11bd6" Domain Generation Algorithms 100.
  it('ranks no passage of anti-virus detection names, and says so; a row keeps its text, a namespace is read', () => {
    expectUnranked([
      'Trojan.Apost.FEC2, Trojan.Apost.FEC3, fe_ml_heuristic',
      'Generic.mg.d739f10933c11bd6',
      'HEUR:Trojan-PSW.Win32.Azorult.gen',
      'Trojan:Win32/Xyz.A!dha',
      'Backdoor.Win64.Agent.a',
    ], DETECTION_NAMES_NOTE);
    const [row] = suggestTechniques('| HEUR:Trojan.Win32.Generic | loader that injects its payload into explorer.exe |', model);
    expect(row!.note).to.equal(INDICATOR_ROW_TEXT_NOTE);
    expect(row!.candidates.map((c) => c.id.slice(0, 5))).to.include('T1055');
    expectRead([['The loader loads Microsoft.Win32.Registry to write its Run key.'], ['Kaspersky products detect this loader as HEUR:Trojan.Win32.Generic and it injects into explorer.exe.']]);
  });

  // Securelist's AZORult post (GenAI-Threat-Intelligence-Research, reports/TA516) lists webinars after its text, their
  // date, title and speakers: "GReAT webinars" got SNMP (MIB Dump) (T1602.001) 93.4, the title "GReAT
  // Ideas. Balalaika Edition" Modify Registry 100, a speaker's name Scheduled Task/Job: At 100. The report's sentence
  // after such a list is read, and so is a title after "Webinars" alone (a menu's item).
  it('ranks no list of webinars under its label (dates, titles, speakers), and says so; a sentence after it is read', () => {
    const list = ['Upcoming webinars', '', '20 June 2024, 3:00pm', 'Threat Talks. Loader Edition', '', 'Anna Kowalski', '', 'Pedro Alvarez'];
    const page = [...list, '', 'The actor encrypted the file servers with the ransomware.', '', 'Webinars', 'Ransomware encrypts the file servers'].join('\n');
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page, model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => [p.line, p.note === RELATED_POSTS_NOTE || p.note === DATE_NOTE]), `lines: ${lines}`).to.deep.equal([
        [1, true],
        [3, true],
        ...(lines ? [[4, true]] : [[4, true], [4, true]]),
        [6, true],
        [8, true],
        [10, false],
        [12, false],
        [13, false],
      ]);
      expect(passages.find((p) => p.line === 10)!.candidates.map((c) => c.id)).to.include('T1486');
    }
  });

  // Securelist's AZORult post (GenAI-Threat-Intelligence-Research, reports/TA516) ends its text with "Kaspersky
  // products detect this threat as HEUR:Trojan-PSW.Win32.Azorult.gen": its third candidate was Obtain Capabilities:
  // Malware (T1588.001) 62.1 on "azorult"; a Kaspersky post's "a file detected as HEUR:Trojan.Win64.Agent.gen" gave Launch
  // Agent (T1543.001) on "agent", ESET's "Win32/HackedApp.Winnti.A, … Win64/Winnti.BN" System Information Discovery on
  // "win32". A sentence that says more than the names is read without them.
  it('reads a sentence without the anti-virus detection names in it; a path or a namespace is read', () => {
    const names = ['HEUR:Trojan-PSW.Win32.Azorult.gen', 'HEUR:Trojan.Win64.Agent.gen.', 'Win32/HackedApp.Winnti.A, Win64/Winnti.BN.'];
    for (const name of names) {
      const [read] = suggestTechniques(`The dropper installs a payload that Kaspersky products detect as ${name}`, model);
      expect(read!.note, name).to.equal(undefined);
      const why = read!.candidates.map((c) => c.why).join(' ');
      for (const word of ['azorult', 'agent', 'win32', 'win64', 'winnti', 'heur', 'psw']) expect(why, `${name}: ${word}`).to.not.include(`"${word}"`);
    }
    expectRead([
      ['In our case the Trojan downloaded a file detected as HEUR:Trojan.AndroidOS.Ztorg.a.', 'T1105'],
      ['On Linux systems, the dropper fetches a Python-based payload stored at tmp/ld.py and executes it in the background.', 'T1059.006'],
      ['The loader loads Microsoft.Win32.Registry to write its Run key.'],
    ]);
  });

  // Securelist's AZORult post (GenAI-Threat-Intelligence-Research, reports/TA516) ends its text with "Kaspersky
  // products detect this threat as HEUR:Trojan-PSW.Win32.Azorult.gen": without the name it was read on the product's
  // words, Security Software Discovery (T1518.001) 100. A sentence saying what the sample does beside its name is read.
  it("ranks no vendor's sentence that only gives its products' detection name for a sample, and says so", () => {
    expectUnranked([
      'Kaspersky products detect this threat as HEUR:Trojan.Win32.Generic',
      'ESET detects it as Win32/Agent.AGT.',
      'Our products detect these samples as Trojan:Win32/Xyz.A!dha and Backdoor.Win64.Agent.a.',
    ], DETECTION_VERDICT_NOTE);
    expectRead([
      ['Kaspersky products detect this loader as HEUR:Trojan.Win32.Generic and it injects into explorer.exe.', 'T1055'],
      ['The implant checks whether Kaspersky products are installed before it runs.', 'T1518.001'],
    ]);
  });

  // Sekoia's post scraped to text (reports6 03) keeps its breadcrumb, "Accueil » Research & Threat Intelligence »
  // TURLA’s new phishing-based reconnaissance campaign in Eastern Europe", a long line that the page's first sentence
  // was joined to (Phishing, T1566, 95.9).
  it("ranks no breadcrumb (the page's place in its site), and says so; a sentence after 'Home' is read", () => {
    expectUnranked([
      'Home > Blog > Threat Research',
      'Home / Research /',
      'Home | Blog | Threat Research',
      'Accueil » Research & Threat Intelligence » TURLA’s new phishing-based reconnaissance campaign in Eastern Europe',
      // Scraped without its marks, glued to the post's title (BleepingComputer's BlackCat post: Data Encrypted for Impact 93.5).
      'HomeNewsSecurityLoader encrypts network shares with a new ransomware payload',
    ], BREADCRUMB_NOTE);
    // On the page, a long line that the sentence after it was joined to: it ends its passage as a heading does.
    const page = 'Accueil » Research & Threat Intelligence » TURLA’s new phishing-based reconnaissance campaign in Eastern Europe\nThis blog post on TURLA was first published as a report sent to our clients on May 11, 2022, and describes its campaign of phishing.';
    expect(suggestTechniques(page, model).map((p) => [p.line, p.note])).to.deep.equal([[1, BREADCRUMB_NOTE], [2, undefined]]);
    expectRead([
      ['Home/office routers were compromised by the actor and used as proxies for its traffic.'],
      ['Home > the actor sent spearphishing emails with malicious attachments to the staff.', 'T1566.001'],
      ['HomeKit Secure Video clips were sent to the actor by spearphishing emails with malicious attachments.', 'T1566.001'],
      ['HomeNewsSecurityThe actor sent spearphishing emails with malicious attachments. The staff opened them.', 'T1566.001'],
    ]);
  });

  // A news archive's breadcrumb begins at its section, the post's year among its parts (a minimal reconstruction of
  // cyber.vumetric.com's `Security News > 2020 > May > Celebrity personal data taken in ransomware attack`, which got
  // Impair Defenses: Disable or Modify Tools 83.8). A chain of programs, with or without a year, is read.
  it("ranks no dated breadcrumb (a section, the year and month, the post's title) nor HOME glued to Japanese sections, and says so; a chain of programs is read", () => {
    expectUnranked([
      'Security News > 2020 > May > Celebrity personal data taken in ransomware attack',
      'Blog » 2023 » March » Loader encrypts network shares with a new ransomware payload',
    ], BREADCRUMB_NOTE);
    // A Japanese page's, `HOME` glued to its sections (a minimal reconstruction of IPA's 2010-08 report page, whose
    // breadcrumb got Outlook Home Page 100); a sentence after `HOME` is read.
    expectUnranked(['HOMEセキュリティウイルス対策コンピュータウイルスの届出状況について'], BREADCRUMB_NOTE);
    const [sentence] = suggestTechniques('HOMEルーターが攻撃者に侵害され、マルウェアが設置されました。', model);
    expect(sentence!.note).to.not.equal(BREADCRUMB_NOTE);
    expect(sentence!.candidates).to.not.deep.equal([]);
    expectRead([
      ['Outlook > Word > PowerShell > Rundll32', 'T1218.011'],
      ['Security News > 2020 > May > The actor sent spearphishing emails with malicious attachments to the staff.', 'T1566.001'],
    ]);
  });

  // Proofpoint's post scraped to text (reports6 17) keeps its site's menu one item a line: "Products" got Security
  // Software Discovery (T1518.001) 100, "Partners" Trusted Relationship 100, "Email Protection" Spearphishing
  // Attachment 100, "Insider Threat Management" 100, and items glued to their blurbs ("Premium ServicesLeverage
  // proactive expertise…") the same. A run of technique names, a heading glued to the post's first paragraph after a
  // menu, and a title with a name glued in it ("ProLock ransomware…") are read.
  it("ranks no site's menu saved one item a line, and says so; a run of technique names is read", () => {
    const menu = [
      'Products', 'Solutions', 'Partners', 'Resources', 'Company', '', 'Email Protection', 'Insider Threat Management',
      'Enterprise Data Loss Prevention (DLP)', 'English (Europe, Middle East, Africa)', '日本語', '+1-408-517-4710',
      'Premium ServicesLeverage proactive expertise from our skilled experts. Learn about our approach.', 'Cloud Security',
      'Initial AccessThe actor sent spearphishing emails with malicious attachments to the staff.',
      'The attachments dropped a loader that ran PowerShell.',
    ];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(menu.join('\n'), model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      const notes = passages.map((p) => [p.line, p.note]);
      expect(notes.slice(0, -2).map(([, note]) => note), `lines: ${lines}`).to.deep.equal(Array(notes.length - 2).fill(MENU_NOTE));
      expect(notes.slice(0, -2).map(([line]) => line), `lines: ${lines}`).to.include.members([1, 7, 11, 13, 14]);
      expect(passages.slice(0, -2).filter((p) => p.candidates.length).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(passages.slice(-2).map((p) => [p.line, p.note]), `lines: ${lines}`).to.deep.equal([[15, undefined], [16, undefined]]);
      expect(passages.at(-2)!.candidates.map((c) => c.id), `lines: ${lines}`).to.include('T1566.001');
    }
    const techniques = ['Spearphishing Attachment', 'Scheduled Task', 'Credential Dumping', 'Remote Desktop Protocol', 'Data Encrypted for Impact'];
    for (const passage of suggestTechniques(techniques.join('\n'), model)) expect(passage.note, passage.text).to.equal(undefined);
    const news = ['News', 'Featured', 'Latest', 'Tutorials', 'Forums', 'ProLock ransomware increases payment demand and victim count'];
    expect(suggestTechniques(news.join('\n\n'), model).map((p) => p.candidates.length ? p.note : MENU_NOTE)).to.deep.equal([MENU_NOTE, MENU_NOTE, MENU_NOTE, MENU_NOTE, MENU_NOTE, undefined]);
  });

  // Proofpoint's RAT Cook post scraped to text (GenAI-Threat-Intelligence-Research) keeps its mega-menu: sections that
  // name no site's part between the ones that do, items glued to their blurbs, and short blurbs between the sections,
  // each of which ended a menu's run and was ranked ("Federal Government" Domain Policy Modification: Domain Trust
  // Modification, T1484.002, 100; "Ransomware Hub" Data Encrypted for Impact 100; "Get free research and resources to
  // help you protect against threats…" Service Stop 100). Here a reconstruction in our own words of that layout: the runs
  // and passages next to a menu's run are the menu's. A list of techniques a sentence away from a menu (no glued item,
  // no site's part) and the post's text after the menu are read.
  it("ranks no section of a site's mega-menu next to its other sections (Solutions by Industry, Threat Hub), and says so; techniques after it are read", () => {
    const page = [
      'Products', 'Solutions', 'Partners', 'Resources', 'Company', '',
      '  New bundles of mail protection with simple deployment options', '  Filtering against fraud, ransomware and more for every inbox', 'Learn More', '',
      'Solutions by Topic', '',
      'Stop Mail ThreatsKeep your people safe from mail and cloud threats.', 'Change HabitsHelp your staff spot and report attacks early.', '',
      'Solutions by Industry', '', 'Federal Government', 'Higher Education', 'Financial Services', 'Healthcare', '',
      'Security Hubs', '', 'Find free research to help you guard against threats and stop ransomware early.', '',
      'Threat Hub', 'Ransomware Hub', 'Insider Risk Hub', 'Awareness Hub', '',
      'About UsWe protect the people of organizations.', 'CareersJoin one of the leading security companies.', '',
      'Support', '', 'Reach the whole range of our support services.', 'Learn More', '', 'BlogThreat Insight', 'Operation Sky Cook: actors use fake film leaks as lures', '',
      'Share with your network!', '', 'August 25, 2017', '', 'Dana Huss and Mat Mesa', '', 'Overview',
      'The actor sent spearphishing emails with malicious Word attachments to the staff.',
    ];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page.join('\n'), model, { lines }).filter((p) => /\p{L}/u.test(p.text));
      expect(passages.slice(0, -2).filter((p) => p.note !== MENU_NOTE && p.note !== PAGE_FURNITURE_NOTE).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(passages.at(-1)!.note, `lines: ${lines}`).to.equal(undefined);
      expect(passages.at(-1)!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1566.001');
    }
    const techniques = ['Products', 'Solutions', 'Partners', 'Resources', 'Company', '', 'The intrusion went on for three weeks.', '', 'Spearphishing Attachment', 'Scheduled Task', 'Credential Dumping', 'Remote Desktop Protocol'];
    const read = suggestTechniques(techniques.join('\n'), model).filter((p) => p.line > 8);
    expect(read.map((p) => [p.text, p.note])).to.deep.equal(techniques.slice(8).map((text) => [text, undefined]));
  });

  // The same Securelist page's header (GenAI-Threat-Intelligence-Research's AZORult post, its lines 91-154) writes some
  // items in sentence case, each of which ended the menu's run and was ranked: "Small Business 1-50 employees" Gather
  // Victim Identity Information: Employee Names, "Dark mode off" Impair Defenses: Safe Mode Boot, "Get In Touch"
  // Timestomp, "Home Products" Security Software Discovery, with lines: "Other solutions" Service Stop. A run of behaviours in sentence case, without the site's
  // parts, is read; so is the post's sentence after the menu.
  it("ranks no site's menu with items in sentence case (Dark mode off), and says so; behaviours in sentence case are read", () => {
    const header = [
      'Solutions for:', '', 'Home Products', 'Small Business 1-50 employees', 'Medium Business 51-999 employees', 'Enterprise 1000+ employees', '',
      'by Kaspersky', '', 'CompanyAccount', 'Get In Touch', 'Dark mode off', 'EnglishRussianSpanish', '', 'Solutions',
      'Hybrid Cloud SecurityLearn More', 'Industrial CybersecurityLearn More', 'Fraud PreventionLearn More', 'Other solutions', 'Blockchain Security',
      'Kaspersky for Security Operations Center', 'Industries', '',
      'The stealer takes passwords and cookies from the web browsers of the victim.',
    ];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(header.join('\n'), model, { lines }).filter((p) => p.text && p.line > 1);
      // (With lines, "by Kaspersky" is a line of its own: a vendor's name.)
      expect(passages.slice(0, -1).filter((p) => p.note !== MENU_NOTE && p.note !== VENDOR_NOTE).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(passages.at(-1)!.note, `lines: ${lines}`).to.equal(undefined);
      expect(passages.at(-1)!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1555.003');
    }
    const behaviours = ['Credential dumping', 'Lateral tool transfer', 'Data exfiltration', 'Scheduled task creation'];
    for (const passage of suggestTechniques(behaviours.join('\n'), model)) {
      expect(passage.note, passage.text).to.equal(undefined);
      expect(passage.candidates.length, passage.text).to.be.above(0);
    }
  });

  // Securelist's post scraped to text (GenAI-Threat-Intelligence-Research's "AZORult spreads as a fake ProtonVPN
  // installer") keeps Kaspersky's menu one item a line; by sentence, items as long as most of the page's lines were
  // joined as a sentence wrapped by pdftotext ("Kaspersky Security for Mail Server Kaspersky Security for Internet
  // Gateway …": Security Software Discovery 100; "Services": Windows Service 80) and so were no menu's items. A run of
  // lines shaped as items is not joined: each is an item, by sentence as with lines. A sentence wrapped over lines, some
  // beginning with names, and a list of behaviours, one a line after its marks, are read as before.
  it("ranks no site's menu whose items, one a line, are as long as the page's lines; wrapped sentences and listed behaviours are read", () => {
    const page = [
      'Products', 'Kaspersky Security for Mail Server', 'Kaspersky Security for Internet Gateway', 'Kaspersky Embedded Systems Security', 'View All',
      'Services', 'Kaspersky Professional Services', 'Kaspersky Incident Response', 'Kaspersky Cybersecurity Training', 'View All', '',
      'The actor sent spearphishing emails with malicious attachments.',
    ];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page.join('\n'), model, { lines }).filter((p) => p.text);
      expect(passages.map((p) => p.line), `lines: ${lines}`).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
      expect(passages.slice(0, -1).filter((p) => p.note !== MENU_NOTE).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(passages.at(-1)!.candidates.slice(0, 3).map((c) => c.id), `lines: ${lines}`).to.include('T1566.001');
    }
    const wrapped = [
      'Last year, the operators of the group sent spearphishing emails',
      'Microsoft Word attachments to finance staff',
      'LSASS memory was then dumped by Mimikatz',
      'Windows hosts of the ministries in Europe and',
      'Asia were reached over SMB shares by the actor.',
    ];
    const [sentence] = suggestTechniques(wrapped.join('\n'), model);
    expect(sentence!.text).to.equal(wrapped.join(' '));
    expect(sentence!.candidates.length).to.be.above(0);
    const behaviours = ['- Credential dumping with Mimikatz', '- Lateral movement over SMB shares', '- Scheduled task for persistence'];
    const listed = suggestTechniques(['Observed behaviours', ...behaviours].join('\n'), model).filter((p) => p.line > 1);
    expect(listed.map((p) => [p.line, p.text])).to.deep.equal(behaviours.map((text, i) => [i + 2, text]));
    expect(listed.every((p) => p.candidates.length > 0 && p.note === undefined)).to.equal(true);
  });

  // BleepingComputer's post scraped to text (GenAI-Threat-Intelligence-Research's BlackCat Sphynx post) lists other posts'
  // titles under its menu's sections ("News" / "Featured" / "Latest" / "Microsoft: New critical Exchange bug exploited as
  // zero-day": Develop Capabilities: Exploits, T1587.004, 100; "How to open a Windows 11 Command Prompt as
  // Administrator": T1059.003 100), and "Send us a Tip!" ended its menus early, so the items after it were ranked
  // ("Advertising": T1583.008 100). The post's title after the menu, and its text, are read.
  it("ranks no headlines listed in a site's menu, nor its items after one ending with '!', and says so; the post's title after it is read", () => {
    const page = [
      'News', '', 'Featured', 'Latest', '', 'Microsoft: New critical Exchange bug exploited as zero-day', '', 'Turla hackers backdoor NGOs with new TinyTurla-NG malware',
      '', 'Tutorials', 'Latest', 'Popular', '', 'How to open a Windows 11 Command Prompt as Administrator', '', 'How to remove a Trojan, Virus, Worm, or other Malware',
      '', 'Forums', 'Startup Database', 'Glossary', 'Chat on Discord', 'Send us a Tip!', 'Advertising', 'Write for BleepingComputer', '',
      'BlackCat ransomware hits Azure Storage with Sphynx encryptor', '',
      "The BlackCat (ALPHV) ransomware gang now uses stolen Microsoft accounts and the recently spotted Sphynx encryptor to encrypt targets' Azure cloud storage.",
    ];
    for (const lines of [false, true]) {
      const passages = suggestTechniques(page.join('\n'), model, { lines }).filter((p) => p.text);
      expect(passages.slice(0, -2).filter((p) => p.candidates.length).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(passages.slice(0, -2).filter((p) => p.note !== MENU_NOTE && p.note !== PAGE_FURNITURE_NOTE).map((p) => p.text), `lines: ${lines}`).to.deep.equal([]);
      expect(passages.slice(-2).map((p) => [p.note, p.candidates[0]?.id]), `lines: ${lines}`).to.deep.equal([[undefined, 'T1486'], [undefined, 'T1486']]);
    }
  });

  // The English mitigation bullets of a translated Five Eyes advisory ("Prevent and detect lateral movement in your
  // organization's networks.": SMB/Windows Admin Shares 99.9; "Never punish users for clicking phishing links...":
  // Malicious Link 100, five words in common) and a CISA slide deck's "Apply the principle of least privilege" read as
  // what the actor did.
  it('marks advice to defenders, keeping its candidates; a sentence about what the actor did is no advice', () => {
    const rows: [text: string, advice: boolean][] = [
      ['Organizations should enable MFA for all remote access to their networks.', true],
      ['We recommend that administrators patch the VPN appliances and reset the credentials of the accounts.', true],
      ['- Prevent and detect lateral movement in your organization’s networks.', true],
      ['• Regularly update software and operating systems', true],
      // A Word document's second-level item, as CISA's Phishing Guidance as text gives it.
      ['o Enable DMARC policies to lower the chance of cyber threat actors crafting emails that appear to come from your organization’s domain(s).', true],
      ['\uF0A7 Implement internal mail and messaging monitoring.', true],
      ['Never punish users for clicking phishing links or opening attachments.', true],
      ['It is recommended to disable macros in documents received by email.', true],
      ['そして、カスタマイズされたアプリケーションについては、一般的なWeb脆弱性が存在しないか監査してください。', true],
      ['The actor disabled MFA on the accounts it had taken over.', false],
      ['Use of common and custom malware (PlugX, RedLeaves, QuasarRAT)', false],
      ['Users should not have been able to run the loader, but the actor had added it to an allow list.', false],
      ['The attackers used stolen credentials to move laterally and patched the VPN appliance to hide their access.', false],
      ['Monitor: a keylogger that captures keystrokes and sends them to its server.', false],
      // A line of pdftotext's output with --lines: a sentence's end, not an imperative.
      ['update SSL certificates. The company developed a list of expired SSL certificates, and', false],
    ];
    for (const [text, advice] of rows) {
      const [passage] = suggestTechniques(text, model);
      expect(passage!.candidates, text).to.not.deep.equal([]);
      expect(passage!.advice, text).to.equal(advice || undefined);
      expect((passage!.note ?? '').startsWith(ADVICE_NOTE), text).to.equal(advice);
    }
  });

  // Ranking adds into scratch arrays kept from passage to passage (suggest-model.ts): what one passage left there must
  // change nothing of the next.
  it("ranks a passage the same whatever passages were ranked before it, with or without excluded texts", () => {
    const seed = readFileSync(join(stixDir(), '../seeds/000_9001b8a6a998de5e.txt'), 'utf8');
    const texts = splitPassages(seed).map((passage) => passage.text);
    expect(texts.length).to.be.greaterThan(30);
    for (const exclude of [undefined, (doc: number) => model.docKind(doc) === 'procedure']) {
      const forward = texts.map((text) => model.rankPassage(text, { top: 10, exclude }));
      const backward = [...texts].reverse().map((text) => model.rankPassage(text, { top: 10, exclude })).reverse();
      expect(backward).to.deep.equal(forward);
      expect(forward.filter((ranked) => ranked.candidates.length).length).to.be.greaterThan(20);
    }
  });

  it('leaves excluded texts out of the BM25 evidence', () => {
    const ranked = model.rank('They dumped the memory of LSASS with procdump.', { exclude: (doc) => model.docKind(doc) === 'procedure' });
    expect(ranked.length).to.be.greaterThan(0);
    for (const candidate of ranked) expect(candidate.why).to.not.include('procedure example');
  });

  // The seed's "中国を拠点とする典型的なAPT(高度で持続的な脅威)グループ" was given T1195.001 first, for "apt", the Linux
  // package manager of its detection text.
  it('reads "APT" written in capitals as who acted, not as the package manager apt', () => {
    expect(model.passageWords('A Chinese APT and other APTs ran apt-get install on APT28 hosts.')).to.deep.equal(['chinese', 'ran', 'apt', 'get', 'install', 'hosts']);
    // The word alone gave T1195.001 and T1195.
    expect(model.rank('An APT.', { top: 5 })).to.deep.equal([]);
    expect(model.rank('An apt.', { top: 5 }).map((c) => c.id)).to.include('T1195.001');
  });

  // CHROMIUM (Microsoft's name for Earth Lusca) and Tick (BRONZE BUTLER) are words of ATT&CK's own texts too: T1176's
  // "chromium-based browsers", KEYPLUG's and PUBLOAD's "tick count". Both were removed from every passage, whatever its case.
  it('removes a group name that is also a word of ATT&CK only where it is written as the name (CHROMIUM, Tick)', () => {
    expect(model.data.actorWordNames).to.deep.equal(['CHROMIUM', 'Tick']);
    expect(model.passageWords('The stealer takes saved passwords from Chromium-based browsers.')).to.include('chromium');
    expect(model.passageWords('It reads the tick count of the machine.')).to.include('tick');
    expect(model.passageWords('CHROMIUM and Tick stole it; TICK did too.')).to.deep.equal(['stole']);
    // A name that is no word of ATT&CK is removed however it is written; one ATT&CK writes in lower case stays a name.
    expect(model.passageWords('earth lusca, Admin@338 and BRONZE BUTLER')).to.deep.equal([]);
    const credentials = model.rank('The stealer takes saved passwords from Chromium-based browsers.', { top: 5 });
    expect(credentials.map((c) => c.id)).to.include('T1555.003');
    expect(credentials.find((c) => c.id === 'T1555.003')!.why).to.include('"chromium"');
  });

  it('says for every candidate why: the matching words and ATT&CK text, or the words the classifier weighed', () => {
    const seed = readFileSync(join(stixDir(), '../seeds/000_9001b8a6a998de5e.txt'), 'utf8');
    const candidates = suggestTechniques(seed, model).flatMap((passage) => passage.candidates);
    expect(candidates.length).to.be.greaterThan(20);
    for (const candidate of candidates) {
      // The passage's own words, then the written words the English glossary read as ATT&CK's ("PTH" read as "pass", "hash").
      expect(candidate.why).to.match(
        /^(?:(?:words "[^"]+"(?:, "[^"]+")*(?:; "[^"]+" read as "[^"]+"(?:, "[^"]+")*)*|"[^"]+" read as "[^"]+"(?:, "[^"]+")*(?:; "[^"]+" read as "[^"]+"(?:, "[^"]+")*)*|phrases); |learnt from ATT&CK's texts of T\d{4}(?:\.\d{3})?: words )/,
      );
      expect(candidate.score).to.be.within(0, 100);
    }
  });

  // The acceptance check of the issue: the behaviours the campaign file maps from the seed's own sentences (evidence)
  // and from docs/suggest.md's English example, with the mapped technique among the top 5 for most of them.
  const campaign = parse(readFileSync(join(repoRoot, 'campaigns/temp-periscope-cambodia-2018.yaml'), 'utf8')) as {
    techniques: { ref: string; evidence: string }[];
  };
  const mapped = campaign.techniques.map((t) => ({ id: /\((T\d{4}(?:\.\d{3})?)\)/.exec(t.ref)![1]!, evidence: t.evidence }));
  const found = (text: string, pieces: string[]) =>
    mapped.filter(({ id }, i) => {
      const passages = suggestTechniques(text, model).filter((p) => p.text.normalize('NFKC').includes(pieces[i]!.normalize('NFKC').slice(0, 20)));
      return passages.some((p) => p.candidates.some((c) => c.id === id));
    }).length;

  it('puts the mapped technique in the top 5 for most evidence sentences of the TEMP.Periscope seed (7 of 10)', () => {
    const seed = readFileSync(join(stixDir(), '../seeds/000_9001b8a6a998de5e.txt'), 'utf8');
    expect(found(seed, mapped.map((m) => m.evidence))).to.be.at.least(7);
  });

  it("puts the mapped technique in the top 5 for most sentences of docs/suggest.md's English example (8 of 10)", () => {
    const example = /<!-- suggest example -->\n```text\n([\s\S]*?)```/.exec(readDoc('docs/suggest.md'))![1]!;
    const sentences = example.trim().split('\n');
    expect(sentences).to.have.length(mapped.length);
    expect(found(example, sentences)).to.be.at.least(8);
  });

  it("says when the first suggestion rests on one word: the seed's byline and headings, not its mapped behaviours", () => {
    const seed = readFileSync(join(stixDir(), '../seeds/000_9001b8a6a998de5e.txt'), 'utf8');
    const passages = suggestTechniques(seed, model);
    const words = (start: string) => passages.find((p) => p.text.startsWith(start))?.wordsInCommon;
    // A heading and a figure caption: "activity", "email" alone. The byline's reading time is page furniture, not ranked.
    expect([words('Summary of TEMP.Periscope activity'), words('<図2:メール内の質問表>')]).to.deep.equal([1, 1]);
    expect(passages.find((p) => p.text.startsWith('1 min read'))?.note).to.equal(PAGE_FURNITURE_NOTE);
    // The behaviours the campaign file maps that suggest finds: more than one word in common each.
    const found = mapped
      .map(({ id, evidence }) => passages.find((p) => p.text.normalize('NFKC').includes(evidence.normalize('NFKC').slice(0, 20)) && p.candidates.some((c) => c.id === id)))
      .filter((p) => p !== undefined);
    expect(found).to.have.length.of.at.least(7);
    expect(found.map((p) => p.wordsInCommon).filter((n) => n! < 2)).to.deep.equal([]);
    // Every passage with candidates says it; none without.
    expect(passages.every((p) => (p.candidates.length ? p.wordsInCommon! >= 1 : p.wordsInCommon === undefined))).to.equal(true);
  });

  it('says so in the table and the JSON, and counts it in the skeleton of extract --suggest', async () => {
    const file = join(freshTmpDir('suggest'), 'page.txt');
    writeFileSync(file, 'Activity overview\nThe implant captures screenshots of the desktop every minute.\n');
    const table = await runCli(['suggest', file, '--lines', '--quiet']);
    expect(table.stdout.split('\n').slice(0, 2)).to.deep.equal(['line 1: Activity overview', '  (the first suggestion rests on one word of it: check that it describes a behaviour)']);
    expect(table.stdout.match(/rests on one word/g)).to.have.length(1);
    const json = JSON.parse((await runCli(['suggest', file, '--lines', '--json', '--quiet'])).stdout) as { wordsInCommon: number }[];
    expect(json[0]!.wordsInCommon).to.equal(1);
    expect(json[1]!.wordsInCommon).to.be.above(1);
    // The skeleton, which the analyst edits, counts such a passage instead of listing its suggestions.
    const skeleton = await runCli(['extract', file, '--suggest', '--quiet']);
    expect(skeleton.stdout).to.not.match(/source: ".*:1"/);
    expect(skeleton.stdout).to.match(/^# \(1 more passage, at line 1, got suggestions that rest on one word of it: `attack-layers suggest .*page\.txt` lists them\)$/m);
    expect(skeleton.stdout).to.match(/^#   - \{ref: "T1113", source: ".*:2"\}  # suggested: T1113 Screen Capture \(score [\d.]+, because .*\)$/m);
  });

  it("counts passages not ranked in a row in one entry of the table, by note, with their lines; the JSON lists each", async () => {
    // The layout of Trend Micro's BlackCat malvertising post (June 2023) as GenAI-Threat-Intelligence-Research keeps it
    // scraped: its menu, each item's title twice, a blurb and `Learn more`, blank lines between, above the post. In our
    // words. Listed one by one, the 288 passages of that page gave 165 entries of two lines each for menu and furniture.
    const file = join(freshTmpDir('suggest'), 'page.txt');
    const item = (title: string, blurb: string) => `${title}\n\n\n${title}\n${blurb}\nLearn more\n\n\n`;
    writeFileSync(
      file,
      `Solutions\n\n\nBy Challenge\n\n\nBy Challenge\nLearn more\n\n\n${item('Protect Cloud Apps', 'Security for business outcomes')}` +
        `${item('Reduce Network Blind Spots', 'Secure users and key operations')}` +
        'The actor installed the AnyDesk remote management tool, renamed install.exe, to keep access to the network.\n',
    );
    const table = (await runCli(['suggest', file, '--top', '1', '--quiet'])).stdout;
    expect(table.split('\n').slice(0, 4)).to.deep.equal([
      'lines 1-24: 12 passages without candidates (--json lists each, with its text)',
      "  9 at lines 1, 4, 7, 11, 14, 15, 19, 22 and 1 more: a site's menu (short items one a line, naming the site's parts), no sentence: not ranked",
      "  3 at lines 8, 16, 24: a web page's furniture (cookies, legal links, sharing, newsletter, other posts, reading time), no behaviour: not ranked",
      'line 27: The actor installed the AnyDesk remote management tool, renamed install.exe, to keep access to the network.',
    ]);
    const json = JSON.parse((await runCli(['suggest', file, '--top', '1', '--json', '--quiet'])).stdout) as { line: number; note?: string }[];
    expect(json.filter((p) => p.note).map((p) => p.line)).to.deep.equal([1, 4, 7, 8, 11, 14, 15, 16, 19, 22, 23, 24]);
  });

  it('says in the table that a passage has no candidate scoring --min-score or more, and counts such passages in a row', async () => {
    // LetsDefend's Malware Event 91 write-up as a blog keeps it (love2150.github.io, June 2026), its opening in our words:
    // with --min-score 99 each sentence whose candidates all fell below said only `(no candidates)`, as one that got none.
    const file = join(freshTmpDir('suggest'), 'post.txt');
    writeFileSync(
      file,
      'Every incident starts with one alert.\n\nThe report covers the first hours.\n\n' +
        'The malware created a new scheduled task to run the script every 18 minutes.\n',
    );
    const table = (await runCli(['suggest', file, '--min-score', '99', '--top', '1', '--quiet'])).stdout;
    expect(table.split('\n').slice(0, 2)).to.deep.equal([
      'lines 1-3: 2 passages without candidates (--json lists each, with its text)',
      '  2 at lines 1, 3: no candidate scores 99 or more (--min-score)',
    ]);
    expect(table).to.match(/^line 5: The malware created a new scheduled task .*\n  1\. T1053\.005 /m);
    const json = JSON.parse((await runCli(['suggest', file, '--min-score', '99', '--top', '1', '--json', '--quiet'])).stdout) as { candidates: unknown[] }[];
    expect(json.map((p) => p.candidates.length)).to.deep.equal([0, 0, 1]);
  });

  it("folds the table to a terminal's width, each candidate's why on its own lines under its ID, name and score; piped, one line per candidate", async () => {
    // Trend Micro's BlackCat malvertising post (June 2023), as GenAI-Threat-Intelligence-Research keeps it scraped, gave
    // candidate lines of up to 322 characters, which a terminal of 100 columns wrapped back to its first column. Its
    // AnyDesk sentence in our words, a credential dump added, after two sharing links (counted in one entry).
    const file = join(freshTmpDir('suggest'), 'post.txt');
    writeFileSync(
      file,
      'Share this article\n\nShare on LinkedIn\n\n' +
        'After gaining a foothold, the threat actor installed the AnyDesk remote management tool, renamed install.exe, to keep access to the network, and then dumped credentials from the memory of the LSASS process.\n',
    );
    const piped = (await runCli(['suggest', file, '--top', '3', '--quiet'])).stdout;
    const shown = (await runCli(['suggest', file, '--top', '3', '--quiet'], {}, { tty: { columns: 80 } })).stdout;
    expect(piped.split('\n').some((line) => [...line].length > 80)).to.equal(true);
    const lines = shown.trimEnd().split('\n');
    expect(lines.filter((line) => [...line].length > 80)).to.deep.equal([]);
    // Each candidate: its ID, name and score on a line, its why under it, indented to the ID.
    const heads = lines.flatMap((line, k) => (/^  \d\. T\d{4}/.test(line) ? [k] : []));
    expect(heads).to.have.length(3);
    for (const k of heads) {
      expect(lines[k]).to.match(/^  \d\. T[\d.]+ .+  score [\d.]+$/);
      expect(lines[k + 1]).to.match(/^ {5}\S/);
    }
    // Unfolded, the terminal's table is the piped one, word for word.
    expect(shown.replace(/(score [\d.]+)\n {5}/g, '$1  ').replace(/\n {4,}(?=\S)/g, ' ')).to.equal(piped);
  });

  it("fits every line of the table to a terminal's width: a long technique's name is cut, never its ID or score, and so is a word longer than a line; piped, as before", async () => {
    // The same Trend Micro post gave candidate lines of 96 characters before the why, on a terminal: `Boot or Logon
    // Autostart Execution: Registry Run Keys / Startup Folder` for its run key sentence, `Abuse Elevation Control
    // Mechanism: Bypass User Account Control` for another; a 40-character path was left whole, wider than the room
    // left on a line. Its run key sentence in our words, and a UAC bypass of our own.
    const file = join(freshTmpDir('suggest'), 'post.txt');
    writeFileSync(
      file,
      'The DLL then made a run key named Python whose value is C:\\Users\\Public\\Music\\python\\pythonw.exe, to persist.\n\n' +
        'The loader bypassed User Account Control through fodhelper.exe to run the payload with elevated privileges.\n',
    );
    const json = JSON.parse((await runCli(['suggest', file, '--top', '3', '--json', '--quiet'])).stdout) as { candidates: { id: string; name: string; score: number }[] }[];
    const names = json.flatMap((p) => p.candidates.map((c) => c.name));
    expect(names).to.include.members(['Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder', 'Abuse Elevation Control Mechanism: Bypass User Account Control']);
    const piped = (await runCli(['suggest', file, '--top', '3', '--quiet'])).stdout;
    for (const name of names) expect(piped).to.include(name);
    for (const columns of [80, 40]) {
      const lines = (await runCli(['suggest', file, '--top', '3', '--quiet'], {}, { tty: { columns } })).stdout.trimEnd().split('\n');
      expect(lines.filter((line) => [...line].length > columns), `${columns} columns`).to.deep.equal([]);
      // Each candidate's line: its whole ID and score, its name whole or cut with … (a start of it).
      const heads = lines.filter((line) => /^  \d\. T\d{4}/.test(line));
      expect(heads.map((line) => line.replace(/^( {2}\d\. T[\d.]+) .*  score /, '$1 score ')), `${columns} columns`).to.deep.equal(json.flatMap((p) => p.candidates.map((c, i) => `  ${i + 1}. ${c.id} score ${c.score}`)));
      json.flatMap((p) => p.candidates).forEach((c, i) => {
        const shown = heads[i]!.slice(heads[i]!.indexOf(c.id) + c.id.length + 1, heads[i]!.lastIndexOf('  score '));
        expect(shown === c.name || (shown.endsWith('…') && c.name.startsWith(shown.slice(0, -1))), `${columns} columns: ${shown}`).to.equal(true);
      });
      expect(heads.some((line) => line.includes('…')), `${columns} columns`).to.equal(true);
    }
  });

  it("lists a passage said again (a page's running header) once in the table and the skeleton, all of them in the JSON", async () => {
    const file = join(freshTmpDir('suggest'), 'pages.txt');
    const header = 'ACME Report: Remote Access Trojan | TLP:CLEAR';
    writeFileSync(
      file,
      `${header}\nThe implant takes screenshots of the desktop every minute and stores them in a hidden folder under the\n` +
        `user's profile before they are sent to the command and control server.\n\n${header}\n` +
        'It then deletes itself from the disk once the collected files have been sent, leaving only the scheduled\ntask behind.\n',
    );
    const table = (await runCli(['suggest', file, '--quiet'])).stdout;
    expect(table).to.include(`line 5: ${header}\n  (the same as line 1: its candidates are listed there)\nline 6: `);
    expect(table.match(/^  1\. /gm)).to.have.length(3);
    const json = JSON.parse((await runCli(['suggest', file, '--json', '--quiet'])).stdout) as { line: number; candidates: { id: string }[] }[];
    expect(json.map((p) => p.line)).to.deep.equal([1, 2, 5, 6]);
    expect(json[2]!.candidates).to.deep.equal(json[0]!.candidates);
    const skeleton = (await runCli(['extract', file, '--suggest', '--quiet'])).stdout;
    const headerLines = skeleton.split('\n').filter((line) => line.includes(`pages.txt:1"`));
    expect(headerLines.length).to.be.above(0);
    expect(skeleton).to.include(`# line 1 (also at line 5): ${header}\n`);
    expect(skeleton).to.not.include('pages.txt:5"');
  });

  it('ranks against the domain --domain names (an ICS report against ics-attack)', async () => {
    const file = join(freshTmpDir('suggest'), 'ics.txt');
    writeFileSync(file, 'The operators sniffed the network traffic of the control network.\n');
    const result = await runCli(['suggest', file, '--json', '--domain', 'ics']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include('ranked against ics-attack 18.1');
    const passages = JSON.parse(result.stdout) as { candidates: { id: string; name: string }[] }[];
    expect(passages[0]!.candidates[0]).to.deep.include({ id: 'T0842', name: 'Network Sniffing' });
  });

  it('reads an HTML page as its text, with the lines of its source, in suggest and extract --suggest', async () => {
    const file = join(freshTmpDir('suggest'), 'post.html');
    writeFileSync(
      file,
      '<html><head><title>Blog</title><style>p { color: red }</style></head>\n<body><nav><a href="/">Home</a></nav>\n' +
        '<p>The attackers sent spearphishing emails with malicious Word documents attached.</p><p>The implant takes screenshots of the desktop.</p>\n</body></html>\n',
    );
    const result = await runCli(['suggest', file, '--json']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.include('read as an HTML page');
    const passages = JSON.parse(result.stdout) as { line: number; text: string; candidates: { id: string }[] }[];
    expect(passages.map((p) => [p.line, p.text, p.candidates[0]?.id])).to.deep.equal([
      [3, 'The attackers sent spearphishing emails with malicious Word documents attached.', 'T1566.001'],
      [3, 'The implant takes screenshots of the desktop.', 'T1113'],
    ]);
    const skeleton = (await runCli(['extract', file, '--suggest', '--quiet'])).stdout;
    expect(skeleton).to.match(/^#   - \{ref: "T1113", source: ".*post\.html:3"\}  # suggested: T1113 Screen Capture /m);
    expect(skeleton).to.not.match(/suggested: .*(style|color|Home)/);
  });

  // The CLI run as on a terminal: stderr says it is a TTY, so progress lines are drawn on it.
  const runTty = async (args: string[]) => {
    let stderr = '';
    let stdout = '';
    // Imported as runCli does, so that the commands it loads share one copy of the library with it.
    const { run } = await import('../../lib/cli/run.js');
    const code = await run(args, {
      stdout: {
        write: (chunk: string) => {
          stdout += chunk;
          return true;
        },
      },
      stderr: {
        write: (chunk: string) => {
          stderr += chunk;
          return true;
        },
        isTTY: true,
      },
      env: { ATTACK_STIX_DIR: stixDir(), XDG_CACHE_HOME: dirname(testCacheDir()) },
      cwd: repoRoot,
    });
    return { code, stderr, stdout };
  };

  it('shows progress on stderr in a terminal only, and not with --quiet', async () => {
    const file = join(freshTmpDir('suggest'), 'long.txt');
    writeFileSync(file, 'The implant captures screenshots of the desktop.\n'.repeat(250));
    const tty = await runTty(['suggest', file, '--lines', '--json']);
    expect(tty.code).to.equal(0);
    expect(tty.stderr).to.include('\r\x1b[Kranking passage 100/250');
    expect(tty.stderr).to.include('\r\x1b[Kranking passage 250/250');
    expect(JSON.parse(tty.stdout)).to.have.length(250);
    const quiet = await runTty(['suggest', file, '--lines', '--json', '-q']);
    expect([quiet.code, quiet.stderr]).to.deep.equal([0, '']);
    expect(quiet.stdout).to.equal(tty.stdout);
    const piped = await runCli(['suggest', file, '--lines', '--json']);
    expect(piped.stderr).to.not.include('ranking passage');
  });

  it('says in its summary how many passages its progress line counted, and how many of them were left out', async () => {
    const file = join(freshTmpDir('suggest'), 'cites.txt');
    // 2 passages that cite an ID (extract's) and 1 without a letter give no entry; the progress line counts them.
    const text = 'The implant captures screenshots of the desktop.\n'.repeat(5);
    writeFileSync(file, `${text}It used T1113 to capture the screen.\nPersistence came through T1547.001 as well.\n2024-01-05 10:22\n`);
    const tty = await runTty(['suggest', file, '--json']);
    expect(tty.code).to.equal(0);
    expect(tty.stderr).to.include('\r\x1b[Kranking passage 8/8');
    expect(JSON.parse(tty.stdout)).to.have.length(5);
    expect(tty.stderr).to.include('5 passages of ');
    expect(tty.stderr).to.include('(of 8 read; 3 left out: they cite a technique ID, which extract reads, or have no letter)');
    // Nothing left out, nothing said.
    const all = join(freshTmpDir('suggest'), 'plain.txt');
    writeFileSync(all, 'The implant captures screenshots of the desktop.\n');
    expect((await runCli(['suggest', all])).stderr).to.not.include(' read; ');
  });

  it('gives byte-identical JSON for the same input', async () => {
    const file = join(freshTmpDir('suggest'), 'report.txt');
    writeFileSync(file, 'The backdoor deletes itself after it runs. It captures screenshots every minute.\n');
    const first = await runCli(['suggest', file, '--json', '--quiet']);
    const second = await runCli(['suggest', file, '--json', '--quiet']);
    expect(first.code).to.equal(0);
    expect(first.stdout).to.equal(second.stdout);
    expect(JSON.parse(first.stdout).map((p: { line: number }) => p.line)).to.deep.equal([1, 1]);
  });

  it('ranks against the release --attack-release names, else the newest', async () => {
    const dir = freshTmpDir('suggest-releases');
    for (const release of ['0.1', '0.2']) copyFileSync(fixtureFile(`enterprise-attack-${release}.json`), join(dir, `enterprise-attack-${release}.json`));
    const file = join(dir, 'report.txt');
    writeFileSync(file, 'The implant captures screenshots of the desktop.\n');
    const env = { ATTACK_STIX_DIR: dir, XDG_CACHE_HOME: freshTmpDir('suggest-xdg') };
    for (const [args, release] of [[[], '0.2'], [['--attack-release', '0.1'], '0.1']] as const) {
      const result = await runCli(['suggest', file, '--json', ...args], env);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.include(`ranked against enterprise-attack ${release}`);
    }
  });

  it('refuses --top 0 as a usage error', async () => {
    const result = await runCli(['suggest', 'README.md', '--top', '0']);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.include('--top 0');
  });

  it('extract --suggest adds suggestions as comments, never as references', async () => {
    const file = join(freshTmpDir('suggest'), 'report.txt');
    writeFileSync(file, 'The actors used Regsvr32 (T1117).\nThe implant captures screenshots of the desktop.\n');
    const result = await runCli(['extract', file, '--suggest', '--quiet']);
    expect(result.code).to.equal(0);
    const doc = parse(result.stdout) as { techniques: { ref: string }[] };
    expect(doc.techniques.map((t) => t.ref)).to.deep.equal(['Regsvr32 (T1117)']);
    expect(result.stdout).to.match(/^#   - \{ref: "T1113", source: ".*:2"\}  # suggested: T1113 Screen Capture \(score [\d.]+, because .*\)$/m);
  });

  it('extract --suggest writes each suggestion under its passage as an entry that, uncommented where it stands, renders', async () => {
    // An analyst's check on Trend Micro's BlackCat malvertising post (June 2023), two of its sentences in our words:
    // uncommenting `# suggested: …, source: "…"` gave invalid YAML (a plain value holding ": "), after `software:`.
    const dir = freshTmpDir('suggest');
    const file = join(dir, 'report.txt');
    writeFileSync(
      file,
      'The actors used Regsvr32 (T1117) and Cobalt Strike.\n' +
        'The threat actor installed the AnyDesk remote management tool, renamed install.exe, to keep access.\n' +
        'A KillAV batch script tried to disable the antivirus programs installed on the host.\n',
    );
    const skeleton = (await runCli(['extract', file, '--suggest', '--quiet'])).stdout;
    // The passage's line and text stand over its suggestions.
    expect(skeleton).to.match(/^# line 2: The threat actor installed the AnyDesk remote management tool, renamed install\.exe, to keep access\.\n#   - \{ref: "T1219\.002", source: ".*report\.txt:2"\}  # suggested: T1219\.002 /m);
    const lines = skeleton.split('\n');
    const entries = [2, 3].map((line) => lines.findIndex((l) => l.startsWith('#   - {ref: ') && l.includes(`report.txt:${line}"`)));
    expect(entries.every((i) => i > 0)).to.equal(true);
    for (const i of entries) lines[i] = lines[i]!.slice(2);
    const accepted = parse(lines.join('\n')) as { techniques: { ref: string; source: string }[]; software: unknown[] };
    expect(accepted.techniques.map((t) => t.ref)).to.deep.equal(['Regsvr32 (T1117)', ...entries.map((i) => /ref: "([^"]+)"/.exec(lines[i]!)![1]!)]);
    expect(accepted.software).to.have.length(1);
    const campaign = join(dir, 'accepted.yaml');
    writeFileSync(campaign, lines.join('\n'));
    const out = join(dir, 'layers');
    expect((await runCli(['render', campaign, '--out', out, '--quiet'])).code).to.equal(0);
    expect((await runCli(['validate', out, '--quiet'])).code).to.equal(0);
  });

  it('extract --suggest leaves advice to defenders out of the skeleton, and counts it with its lines', async () => {
    const file = join(freshTmpDir('suggest'), 'report.txt');
    writeFileSync(file, 'The implant captures screenshots of the desktop.\n\nOrganizations should block spearphishing emails with malicious attachments.\n');
    const result = await runCli(['extract', file, '--suggest', '--quiet']);
    expect(result.stdout).to.match(/^#   - \{ref: "T1113", source: ".*:1"\}  # suggested: T1113 /m);
    expect(result.stdout).to.not.match(/source: ".*:3"/);
    expect(result.stdout).to.include('# (1 more passage, at line 3, advises defenders (recommendations, not what an adversary did): `attack-layers suggest');
  });

  it('extract --suggest says with each suggestion how its passage was read: Japanese through the glossary, a language not supported', async () => {
    const file = join(freshTmpDir('suggest'), 'report.txt');
    writeFileSync(file, '攻撃者はスピアフィッシングメールを送った。\nO grupo enviou e-mails de phishing com anexos maliciosos para os funcionários da empresa.\n');
    const result = await runCli(['extract', file, '--suggest', '--quiet']);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/^#   - \{ref: "T1566\.001", source: ".*:1"\}  # suggested: T1566\.001 .*\); Japanese, read through the glossary: .*スピアフィッシング = /m);
    expect(result.stdout).to.match(/^#   - \{ref: "T1566\S*", source: ".*:2"\}  # suggested: T1566\S* .*\); language not supported \(Portuguese\): ATT&CK is written in English only; only the words it shares with English were read$/m);
  });

  // A name in Latin script glued to Japanese: `マルウェアVPNFilterがルーターに感染しました` read the glossary's `VPN` inside
  // VPNFilter (External Remote Services 100, `Filter` left), and `CookieMiner` its `Cookie` (Steal Web Session Cookie
  // first). A term in Latin script is read only where it stands alone; the name is kept whole, as other Latin words are.
  it('reads a name in Latin script glued to Japanese whole, not the glossary term inside it (VPNFilter, CookieMiner)', () => {
    const [filter] = suggestTechniques('マルウェアVPNFilterがルーターに感染しました。', model);
    expect(filter!.note).to.match(/^Japanese, read through the glossary: /).and.not.include('VPN =');
    expect(filter!.candidates.map((c) => c.id)).to.not.include('T1133');
    const [miner] = suggestTechniques('攻撃者はCookieMinerを使用しました。', model);
    expect(miner!.note).to.not.include('Cookie =');
    expect(miner!.candidates[0]!.id).to.not.equal('T1539');
    // Standing alone, next to Japanese or a space, the terms are read.
    expect(suggestTechniques('攻撃者はVPNを経由して侵入し、Cookieを窃取しました。', model)[0]!.note).to.include('VPN = ').and.include('Cookie = ');
    expect(suggestPassageText('VPN 経由で接続した。').text).to.include('external remote services');
    // A name glued on both sides, with the tool's ID in full-width brackets, is a passage citing an ID (extract's).
    expect(suggestTechniques('攻撃者はMimikatz（T1003.001）を使用し、認証情報を窃取しました。', model, { lines: true })[0]!.note).to.equal('cites T1003.001: see extract');
    expect(suggestTechniques('攻撃者はMimikatzを使用し、認証情報を窃取しました。', model)[0]!.candidates[0]!.id).to.equal('T1003.001');
  });

  // Japanese report words the glossary missed (sentences written for this test in the words of ManageEngine's Japanese
  // Mimikatz article, Trend Micro Japan's and NTT Security Japan's reports as ScanNetSecurity quotes them): 横移動, 権限を
  // 昇格, パス・ザ・ハッシュ, ゴールデンチケット, 不正プログラム, 遠隔操作ツール, ネットワーク探索 were not read.
  it('reads the Japanese reports\' words for lateral movement, privilege escalation, Kerberos attacks and malware', () => {
    const rows: [text: string, id: string][] = [
      ['攻撃者はネットワーク内を横移動し、権限を昇格させた。', 'T1068'],
      ['攻撃者はネットワーク内を横移動した。', 'T1021'],
      ['攻撃者は盗んだハッシュでパス・ザ・ハッシュ攻撃を行った。', 'T1550.002'],
      ['攻撃者はゴールデンチケットを作成した。', 'T1558.001'],
      ['不正プログラムは遠隔操作ツールとしてC&Cサーバと通信する。', 'T1219'],
      ['攻撃者は内部のネットワーク探索を行った。', 'T1016'],
    ];
    for (const [text, id] of rows) {
      const ids = suggestTechniques(text, model)[0]!.candidates.slice(0, 3).map((c) => c.id);
      expect(ids, text).to.include(id);
    }
    expect(suggestPassageText('マルウエアに感染した。').text).to.include('malware');
    // Words that say that an attack happened, not how, are left out: nothing is read for them.
    expect(suggestPassageText('標的型攻撃により組織に侵入し、端末に感染した。').note).to.equal(
      'Japanese, but no term of the glossary was found: only its words in Latin script were read',
    );
    // The TEMP.Periscope seed's heading, as the Japanese translation writes "compromise": no Valid Accounts.
    expect(suggestPassageText('カンボジアの選挙団体への不正アクセス').note).to.equal(
      'Japanese, but no term of the glossary was found: only its words in Latin script were read',
    );
  });

  // The APT32 seed (FireEye's post in Japanese) ends with its Japanese edition's credit, `日本語版:Reviewed by Toru
  // Tanimura`, which got User Execution: Malicious File on "reviewed" (one word).
  it('ranks no credit of a review or a translation (日本語版:Reviewed by …, Translated by …), and says it is a byline', () => {
    expectUnranked(['日本語版:Reviewed by Toru Tanimura', 'Reviewed by Toru Tanimura', 'Translated by Jane Doe'], BYLINE_NOTE);
    expectRead([['The macro was reviewed by the victim, who enabled it, and the loader ran.']]);
  });

  // A Japanese report's table or heading names a tool and what it did, kanji without kana: `PowerShell実行` has more Latin
  // letters than kanji, was read as English, where `PowerShell実行` is no word, and got no candidates.
  it('reads kanji glued to a name in Latin script in a Japanese document through the glossary: PowerShell実行', () => {
    const report = '攻撃者はフィッシングメールを送った。\n\nPowerShell実行\n\nVPN経由侵入\n';
    const [, cell] = suggestTechniques(report, model);
    expect(cell!.text).to.equal('PowerShell実行');
    expect(cell!.note).to.match(/^Japanese, read through the glossary: 実行 = /);
    expect(cell!.candidates[0]!.id).to.match(/^T1059\.001$/);
    // Without kana in the document, such a passage is read as before (Chinese has no glossary).
    expect(suggestPassageText('PowerShell実行').language).to.equal('en');
  });
});
