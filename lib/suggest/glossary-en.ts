/**
 * How analysts write about behaviour that ATT&CK's texts phrase differently, and the words ATT&CK uses for it, so that
 * `suggest` also reads an English passage in ATT&CK's vocabulary (see docs/suggest.md, the English glossary).
 * Each entry is a pattern (case-insensitive, on the passage as written) and the ATT&CK words it stands for; the words
 * are added to the passage's own, weighted below them, and `why` says which written words were read as which.
 * Entries are general: a verb family ("dropped", "dropping"), an abbreviation (`PTH`), a well-known command or tool
 * (`whoami`, `nltest`), a file type (`.ps1`), each as analysts commonly write it, never the phrase of a given report.
 * To add an entry: add a row; keep the English to words ATT&CK's own technique names and descriptions use, and begin
 * every alternative of the pattern with `\b` (a word), `\.`, `%` or `\\` (the matcher tries only such places).
 */
export const GLOSSARY_EN: ReadonlyArray<readonly [pattern: RegExp, attack: string]> = [
  // Tools and files brought in: Ingress Tool Transfer. A dropper writes its payload to disk.
  [/\bdrop(?:s|ped|ping|pers?)\b/i, 'download ingress tool transfer'],
  [/\b(?:upload|transfer|add|plant)(?:s|ed|ing)? (?:\w+ ){0,4}(?:tools?|malware|payloads?|binar(?:y|ies)|executables?|dlls?|implants?|backdoors?|web ?shells?|scripts?)\b/i, 'ingress tool transfer download'],
  [/\b(?:wget|curl)\b/i, 'download ingress tool transfer'],
  [/\bdownload(?:s|ed|ing)?\b/i, 'ingress tool transfer'],
  [/\bcertutil\b/i, 'download decode'],
  [/\bbitsadmin\b/i, 'BITS jobs download'],
  // Files copied to other hosts of the network: Lateral Tool Transfer; Windows administrative shares (`\\host\c$`).
  [/\bcop(?:y|ied|ies|ying)\b.{0,60}?(?:\\\\\S+|\b(?:[a-z]|admin|ipc)\$|\b(?:remote|other|multiple) (?:\w+ )?(?:hosts?|systems?|machines?|computers?|servers?)\b)/i, 'lateral tool transfer'],
  [/\b(?:implant|plac|deploy|push|distribut|spread)(?:s|ed|ing|e|es)? (?:\w+ ){0,5}(?:to|on|onto|across) (?:multiple|other|several|many|all|remote) (?:\w+ )?(?:hosts|systems|machines|computers|servers|endpoints|workstations)\b/i, 'lateral tool transfer'],
  [/\b(?:[a-z]|admin|ipc)\$/i, 'SMB windows admin shares'],
  // Scanning: ping sweeps and scans of address ranges (Active Scanning, Remote System Discovery), port scans and
  // scanners (Network Service Discovery).
  [/\bping[- ]?sweep(?:s|ing)?\b|\bsweep(?:s|ing|ed)? (?:\w+ ){0,3}(?:subnets?|networks?|ranges?|hosts)\b/i, 'ping scanning IP blocks remote system discovery'],
  [/\bscan(?:s|ned|ning)? (?:\w+ ){0,3}(?:subnets?|ip ranges?|address(?:es)? ranges?|ip blocks?|network segments?|segments?)\b/i, 'scanning IP blocks network service discovery'],
  [/\bport[- ]?scan(?:s|ned|ning|ner)?\b|\bscan(?:s|ned|ning)? (?:\w+ ){0,2}ports?\b/i, 'network service discovery port scan'],
  [/\b(?:nmap|masscan|zmap|advanced ip scanner|angry ip scanner|softperfect)\b/i, 'network service discovery scanning'],
  [/\brecon\b/i, 'reconnaissance'],
  // Well-known discovery commands and the technique ATT&CK names for what they show.
  [/\bwhoami\b|\bquser\b|\bquery user\b|\bgetuid\b|%username%/i, 'system owner user discovery'],
  [/\b(?:ipconfig|ifconfig|route print|arp -a)\b/i, 'system network configuration discovery'],
  [/\bnetstat\b/i, 'system network connections discovery'],
  [/\btasklist\b|\bps aux\b/i, 'process discovery'],
  [/\bsysteminfo\b|\buname\b/i, 'system information discovery'],
  [/\bnltest\b/i, 'domain trust discovery'],
  [/\b(?:adfind|dsquery|bloodhound|sharphound)\b/i, 'active directory domain account discovery'],
  [/\b(?:powerview|sharpview|pingcastle|adrecon|ldapsearch)\b/i, 'active directory domain account permission groups discovery'],
  [/\bnet view\b/i, 'remote system discovery network share discovery'],
  // Lists of the network's machines (Remote System Discovery) and of its shares (Network Share Discovery).
  [/\b(?:list|enumerat|discover|find|identif)(?:s|es|ed|ing|e|y|ies|ied)? (?:\w+ ){0,4}(?:machines|computers|hosts|workstations)\b/i, 'remote system discovery'],
  [/\b(?:list|enumerat|discover|find|identif|check|scan)(?:s|es|ed|ing|e|y|ies|ied|ned|ning)? (?:\w+ ){0,3}(?:network |file |smb )?shares\b/i, 'network share discovery'],
  // Archives: Archive Collected Data.
  [/\btar ?balls?\b|\.(?:tar|tgz)\b|\b(?:zipped|rar(?:red)?|7-?zip|winrar)\b/i, 'archive collected data compress'],
  // Signing in with an account: Valid Accounts.
  [/\blog(?:ged|ging)? ?(?:in|on)(?:to)?\b|\blogs (?:in|on)to\b|\blog(?:in|on)s?\b|\bsign(?:s|ed|ing)? ?in(?:to)?\b|\bauthenticat(?:e|es|ed|ing) (?:to|into|with|as)\b/i, 'valid accounts'],
  [/\b(?:stolen|compromised|weak|default|legitimate|valid|harvested) (?:\w+ ){0,3}credentials\b|\b(?:using|with|via|through) (?:an? |the )?(?:\w+ ){0,3}accounts?\b/i, 'valid accounts'],
  // Credential-use abbreviations.
  [/\bPtH\b|\bpass-the-hash\b/i, 'pass the hash'],
  [/\bPtT\b|\bpass-the-ticket\b/i, 'pass the ticket'],
  [/\bkerberoast(?:ing|ed)?\b/i, 'kerberoasting service ticket'],
  // Exploitation abbreviations.
  [/\bRCE\b/, 'remote code execution exploit vulnerability'],
  [/\bLPE\b|\bprivesc\b/i, 'exploitation for privilege escalation'],
  [/\b(?:0|zero)-?day\b/i, 'exploit vulnerability'],
  // Accounts: created (Create Account), their password changed (Account Manipulation).
  [/\b(?:add(?:s|ed|ing)?|creat(?:e|es|ed|ing)) (?:\w+ ){0,4}(?:users?|accounts?)\b|\busers? (?:account )?(?:was |were )?added\b|\brogue (?:\w+ ){0,3}accounts?\b/i, 'create account'],
  [/\b(?:chang|reset)(?:e|es|ed|ing)? (?:\w+ ){0,4}passwords?\b/i, 'account manipulation'],
  // Command and control; tunnels and remote-access tools.
  [/\bC&C\b|\bCnC\b/i, 'command and control C2'],
  [/\b(?:ngrok|plink|chisel)\b/i, 'protocol tunneling proxy'],
  [/\b(?:anydesk|teamviewer|screenconnect|splashtop|atera)\b|\bRMM\b|\bremote monitoring and management\b/i, 'remote access software'],
  [/\bwebshells?\b/i, 'web shell'],
  [/\b(?:MitM|AitM)\b|\b(?:man|adversary)[- ]in[- ]the[- ]middle\b/i, 'adversary in the middle'],
  [/\b(?:evilginx|evilproxy|modlishka)\b|\b(?:reverse[- ]prox(?:y|ies)|prox(?:ies|ied|ying)) (?:\w+ ){0,3}(?:phishing|logins?|authentication|sign-?ins?)\b|\bphishing kits? (?:\w+ ){0,2}prox(?:y|ies|ied|ying)\b/i, 'adversary in the middle'],
  // Exfiltration tools and abbreviations.
  [/\brclone\b|\bmegasync\b/i, 'exfiltration to cloud storage'],
  [/\bexfil\b/i, 'exfiltration'],
  // Defences: security products, logs, services, scheduled jobs, MFA, VPN.
  [/\b(?:AV|EDR|anti-?virus|anti-?malware)\b/i, 'security software tools'],
  [/\bGPOs?\b/, 'group policy'],
  [/\bAD\b/, 'active directory domain'],
  [/\b(?:disabl|kill|stop|uninstall|tamper)\w* (?:\w+ ){0,3}(?:security|monitoring|defen[cs]es?|protection|logging)\b/i, 'impair defenses disable or modify tools'],
  [/\bwevtutil\b|\b(?:clear|wip|delet|eras)(?:e|es|s|ed|ing)? (?:\w+ ){0,2}logs?\b/i, 'clear windows event logs indicator removal'],
  [/\b(?:shut(?:s|ting)? down|stop(?:s|ped|ping)?|kill(?:s|ed|ing)?) (?:\w+ ){0,4}services?\b/i, 'service stop'],
  [/\bschtasks\b|\bscheduled? jobs?\b|\btasks? creation\b|\bcreat(?:e|es|ed|ing) (?:\w+ ){0,2}tasks?\b/i, 'scheduled task'],
  [/\b(?:MFA|2FA)\b|\b(?:two|2)[- ]factor\b/i, 'multi-factor authentication'],
  [/\bVPN\b/, 'VPN external remote services'],
  [/\b(?:exposed|internet-facing|public-facing) (?:\w+ ){0,2}(?:RDP|SSH|remote desktop|citrix)\b|\b(?:RDP|citrix) (?:services?|gateways?|appliances?|servers?)\b/i, 'external remote services'],
  // Searching as reconnaissance: googling, a Google search or dork, OSINT; not Google the company or its products
  // (Google Drive, Chrome, Cloud, Docs, Update), which reports name for what was used, not for searching.
  [/\bgoogl(?:ed|ing)\b|\bgoogle (?:search(?:es|ed|ing)?|dork(?:s|ing)?|hacking)\b|\bOSINT\b|\bsearch engines?\b/i, 'search open websites domains search engines'],
  [/\bwatering[- ]hole\b/i, 'drive-by compromise'],
  // A DLL does not run by itself: a DLL said to be run or executed is run by a Windows binary such as rundll32.
  [/\b(?:execut|run|launch|load)(?:e|es|ed|ing|s)? (?:\w+ ){0,2}[\w-]+\.dll\b|\b[\w-]+\.dll (?:was |is )?(?:execut|run|launch)\w*/i, 'rundll32 regsvr32 system binary proxy execution'],
  // Software updates as a delivery route: Supply Chain Compromise.
  [/\b(?:update mechanism|software updates?|trojani[sz]ed (?:updates?|installers?))\b/i, 'supply chain compromise software'],
  // Disks and their sectors overwritten: Disk Wipe.
  [/\b(?:wip|eras|delet|overwrit)(?:e|es|ed|ing)? (?:\w+ ){0,3}(?:disks?|drives?|sectors?|MBR|partitions?)\b/i, 'disk wipe content structure'],
  // Infrastructure: domains registered or bought (Acquire Infrastructure: Domains), look-alike domains, VPS.
  [/\b(?:regist|obtain|bought|buy|purchas|acquir)(?:er|ers|ered|ering|ained|s|es|ed|ing|e)? (?:\w+ ){0,3}domains?\b|\bdomains? (?:names? )?(?:were |was )?(?:registered|obtained|bought|purchased|acquired)\b|\btypo-?squat\w*|\blook-?alike domains?\b/i, 'acquire infrastructure domains'],
  [/\bVPS(?:es)?\b/, 'virtual private server'],
  // Reconnaissance of victims: profiling or fingerprinting their systems (Gather Victim Host Information).
  [/\bprofil(?:e|es|ed|ing) (?:\w+ ){0,4}(?:visitors?|victims?|targets?|hosts?|systems?|browsers?|machines?)\b|\bfingerprint(?:s|ed|ing)?\b/i, 'gather victim host information'],
  // Pretending to be someone else: Impersonation.
  [/\bpretend(?:s|ed|ing)? to (?:be|come)\b|\bpos(?:e|es|ed|ing) as\b|\bclaim(?:s|ed|ing)? to (?:be|come)\b|\bspoof(?:s|ed|ing)? (?:the |a )?(?:sender|e-?mail|from)\b/i, 'impersonation impersonate'],
  // The victim opening, clicking or enabling what the adversary sent: User Execution.
  [/\b(?:recipients?|victims?|users?|targets?|employees?) (?:\w+ ){0,3}(?:open|click|enabl)(?:s|ed|ing|e|es)?\b|\b(?:open|click)(?:s|ed|ing)? (?:on )?(?:the |a |an )?(?:\w+ ){0,2}(?:attachments?|documents?|lures?)\b|\benabl(?:e|es|ed|ing) (?:the )?(?:macros?|content|editing)\b/i, 'user execution malicious file'],
  // Screens captured; survival of reboots (persistence at boot or logon); living off the land.
  [/\bscreen ?(?:grab|capture|shot)s?\b|\bscreengrabs?\b/i, 'screen capture'],
  [/\bsurviv(?:e|es|ed|ing) (?:a |the )?(?:reboots?|restarts?)\b/i, 'persistence boot logon autostart execution'],
  [/\bLOLBins?\b|\bliving off the land\b/i, 'system binary proxy execution'],
  [/\b(?:pivot(?:s|ed|ing)?)\b/i, 'lateral movement remote services'],
  [/\bbeacon(?:s|ed|ing)? (?:out|back|home)\b|\bcall(?:s|ed|ing)? (?:back|home)\b|\bcallbacks?\b|\bphon(?:e|es|ed|ing) home\b/i, 'command and control'],
  // Programs run as a Windows service; virtual machines run by the adversary (Run Virtual Instance).
  [/\b(?:runs?|running|install(?:s|ed|ing)?|register(?:s|ed|ing)?|start(?:s|ed|ing)?) as an? (?:\w+ )?service\b/i, 'windows service'],
  [/\b(?:deploy|install|run|launch|start|load)(?:s|ed|ing|ning)? (?:an? |the )?(?:\w+ ){0,2}(?:virtualbox|vmware|qemu|hyper-v|virtual machines?|VMs?)\b/i, 'run virtual instance'],
  // Credentials in the clear: Unsecured Credentials.
  [/\b(?:plain-?text|clear-?text|hard-?coded) (?:\w+ ){0,2}(?:keys?|passwords?|credentials|secrets?|tokens?)\b/i, 'unsecured credentials'],
  // Common verbs and the technique ATT&CK names for them.
  [/\binject(?:s|ed|ing|ion)?\b/i, 'process injection'],
  [/\bencrypt(?:s|ed|ing)? (?:\w+ ){0,3}(?:files|data|drives?|disks?|systems|servers)\b/i, 'data encrypted for impact'],
  [/\bdelet(?:e|es|ed|ing) (?:\w+ ){0,3}(?:files?|itself|traces|artifacts|binaries|executables?|tools?)\b/i, 'file deletion indicator removal'],
  [/\b(?:decod|decrypt|deobfuscat)(?:e|es|ed|ing|s)?\b/i, 'deobfuscate decode files or information'],
  [/\bkeylog\w*/i, 'keylogging input capture'],
  [/\bexploit(?:s|ed|ing)? (?:\w+ ){0,4}(?:public-facing|internet-facing|web|exchange|vpn|server|application)s?\b/i, 'exploit public-facing application'],
  // General analyst vocabulary, tactic by tactic, where ATT&CK's texts use other words.
  // Initial access: malicious mail and documents (malspam, maldocs), phone lures, SQL injection.
  [/\bmal-?spam\b|\bmal-?docs?\b|\bweaponi[sz]ed (?:\w+ )?(?:documents?|attachments?|files?|office files?)\b/i, 'spearphishing attachment malicious file'],
  [/\bvishing\b|\bcall-?back phishing\b|\b(?:phone|voice|telephone) calls?\b/i, 'spearphishing voice phone calls'],
  [/\bSQLi\b|\bSQL injection\b/i, 'SQL injection exploit public-facing application'],
  // Execution: PowerShell as analysts abbreviate it (`PS`, in capitals: `ps -ef` lists processes) and its download cradles.
  [/\bPS\b/, 'PowerShell'],
  [/\b(?:IEX|Invoke-Expression|Invoke-WebRequest|DownloadString|DownloadFile|EncodedCommand)\b|\bdownload cradles?\b/i, 'PowerShell'],
  // Credential access: the tools whose names stand for dumping credentials.
  [/\bmimikatz\b|\bsekurlsa\b|\blogonpasswords\b|\bsecretsdump\b|\bprocdump\b|\bminidump\b/i, 'OS credential dumping LSASS memory'],
  [/\bcreds\b/i, 'credentials'],
  [/\b(?:replay|reus|pass|steal|stole|hijack|import)\w* (?:\w+ ){0,3}(?:session |access |oauth |auth(?:entication)? |refresh )tokens?\b|\b(?:session|token) (?:theft|hijacking|replay)\b/i, 'application access token web session cookie use alternate authentication material'],
  // Defense evasion: Microsoft Defender, AMSI and ETW turned off or patched; tools renamed to look legitimate
  // (not files renamed, as ransomware renames what it encrypts).
  [/\b(?:Set-MpPreference|Add-MpPreference|DisableRealtimeMonitoring)\b|\b(?:disabl|kill|stop|uninstall|tamper|patch|bypass|turn(?:s|ed|ing)? off)\w* (?:\w+ ){0,3}(?:defender|AMSI|ETW|EDR|AV|anti-?virus)\b|\b(?:defender|AMSI|ETW|EDR|AV|anti-?virus) (?:\w+ ){0,2}(?:bypass\w*|disabled|exclusions?|(?:was|were) (?:turned off|disabled|killed|uninstalled))\b/i, 'impair defenses disable or modify tools security software'],
  [/\brenam(?:e|es|ed|ing) (?:\w+ ){0,4}(?:to|as) [\w.-]{1,40}\.(?:exe|dll|sys)\b|\brenamed (?:copy|copies|version|versions|instances?) of\b/i, 'rename masquerading legitimate utilities'],
  [/\bdoppelg[aä]nging\b/i, 'process doppelgänging'],
  // Command and control over Tor.
  [/\bTor\b|\.onion\b/, 'Tor multi-hop proxy'],
  // Lateral movement: the Windows remote desktop client.
  [/\bmstsc\b/i, 'remote desktop protocol RDP'],
  // Resource development: accounts set up for an operation (mail, social media), rather than in the victim's network.
  [/\b(?:creat|regist|set(?:s|ting)? up|establish|open)\w* (?:\w+ ){0,3}(?:gmail|protonmail|yahoo|outlook|e-?mail|webmail|social media|linkedin|twitter|facebook|telegram) (?:accounts?|profiles?|personas?|addresses)\b|\bfake (?:\w+ )?(?:personas?|profiles?)\b/i, 'establish accounts email social media'],
  // Impact: cryptocurrency mining on the victim's machines.
  [/\bcrypto-?jack\w*|\b(?:crypto-?|coin-?)?miners?\b|\bxmrig\b|\bmin(?:e|es|ed|ing) (?:\w+ )?(?:monero|bitcoin|cryptocurrenc\w+|coins?)\b/i, 'resource hijacking compute cryptocurrency mining'],
  // Well-known exploited vulnerabilities by their nicknames, and the technique ATT&CK names for each kind.
  [/\b(?:ProxyLogon|ProxyShell|ProxyNotShell|Log4Shell|Log4j|Citrix ?Bleed|Spring4Shell|MOVEit)\b/i, 'exploit public-facing application'],
  [/\b(?:Zerologon|EternalBlue|EternalRomance|BlueKeep|MS17-010)\b/i, 'exploitation of remote services'],
  [/\b(?:PrintNightmare|HiveNightmare|SeriousSAM|Dirty ?(?:COW|Pipe)|PwnKit)\b/i, 'exploitation for privilege escalation'],
  // Cloud platforms and their identities; cloud administration services running commands on instances.
  [/\b(?:Azure AD|Entra ID|AAD|O365|M365|Office 365|Microsoft 365|AWS|GCP|IAM|Okta)\b/i, 'cloud'],
  [/\b(?:SSM|Systems Manager|Run ?Command|custom script extensions?)\b/i, 'cloud administration command'],
  [/\b(?:AWS|API|cloud|IAM) (?:access )?keys?\b/i, 'unsecured credentials cloud access keys'],
  // Administration suites used to push software to every host: Software Deployment Tools (not the products more often
  // named as exploited, such as Kaseya VSA or ManageEngine).
  [/\b(?:SCCM|MECM|ConfigMgr|PDQ(?: Deploy)?|Intune|Tanium)\b/i, 'software deployment tools'],
  // Exfiltration with file-copy programs, and to file-sharing and cloud storage sites (by a name that is no host name
  // under a common top-level domain: `file.io` is removed with the indicators before the glossary reads a passage).
  [/\bexfiltrat\w* (?:\w+ ){0,4}(?:scp|sftp|rsync|ftp|winscp|filezilla)\b|\b(?:scp|sftp|rsync|winscp|filezilla)\b(?: \w+){0,4} exfiltrat\w*/i, 'exfiltration over alternative protocol'],
  [/\b(?:transfer\.sh|wetransfer|anonfiles|sendspace|gofile|temp\.sh|mega(?:\.nz|cmd)?)\b|\bexfiltrat\w* (?:\w+ ){0,4}(?:dropbox|google drive|onedrive|box|s3|cloud storage|pcloud)\b/i, 'exfiltration over web service cloud storage'],
  // Logs read to learn the network (Log Enumeration), not cleared.
  [/\b(?:review|read|quer|search|enumerat|pars|inspect)(?:y|ies|ied|ying|e|es|ed|ing|s)? (?:\w+ ){0,3}(?:event |security |system )?logs\b/i, 'log enumeration'],
  // Data hidden in pictures (Steganography); programs given a document's icon (Masquerade File Type).
  [/\b(?:hid|hidden|embed|conceal)\w* (?:\w+ ){0,3}(?:images?|pictures?|PNGs?|JPE?Gs?|BMPs?|GIFs?|photos?)\b/i, 'steganography'],
  [/\b(?:PDF|Word|Excel|document|folder|fake) icons?\b/i, 'masquerading masquerade file type'],
  // Payloads that run only on the intended victim (Execution Guardrails; not every "exits if": sandbox and language
  // checks have techniques of their own).
  [/\bonly (?:\w+ )?(?:run|execut|detonat|activat|infect)(?:s|es|e|ed|ing)? (?:\w+ ){0,2}(?:on|if|when|in|against)\b|\b(?:not|never) (?:run|execut|detonat|activat)\w* (?:\w+ ){0,2}(?:unless|outside)\b/i, 'execution guardrails'],
  // Devices plugged into the victim's network (Hardware Additions).
  [/\b(?:rogue|malicious|unauthori[sz]ed) (?:\w+ ){0,1}(?:devices?|hardware)\b|\braspberry pi\b|\bLAN turtle\b/i, 'hardware additions'],
  // Stored data changed (Data Manipulation); money stolen by fraud (Financial Theft); mailboxes taken over.
  [/\b(?:modif|alter|tamper|manipulat|falsif)\w* (?:\w+ ){0,3}(?:records|transactions|database entries|stored data)\b/i, 'data manipulation stored data'],
  [/\bBEC\b|\bbusiness e-?mail compromise\b|\b(?:invoice|payment|wire) (?:fraud|redirection|diversion)\b|\bfraudulent (?:\w+ )?(?:invoices?|transfers?|payments?|transactions?)\b/i, 'financial theft'],
  [/\b(?:hijack|compromis|took over|taken over)\w* (?:\w+ ){0,3}(?:mailbox(?:es)?|e-?mail accounts?|inbox(?:es)?)\b|\baccount takeovers?\b/i, 'compromise accounts email accounts'],
  // Hashes cracked offline (Password Cracking); data sent out by e-mail or at set times (Scheduled Transfer).
  [/\bhashcat\b|\bjohn the ripper\b|\bcrack(?:s|ed|ing)? (?:\w+ ){0,3}(?:hash(?:es)?|passwords?|NTLM)\b/i, 'password cracking brute force'],
  [/\bexfiltrat\w* (?:\w+ ){0,3}(?:e-?mails?|SMTP)\b/i, 'exfiltration over unencrypted non-C2 protocol SMTP'],
  [/\b(?:upload|exfiltrat|send|sent|transfer|beacon)\w* (?:\w+ ){0,4}(?:at night|(?:during|after|outside) (?:business|working|office) hours|on a schedule|at (?:set|specific|fixed|regular) (?:times|intervals))\b/i, 'scheduled transfer'],
  // Second general pass (issue 16): report wording that ATT&CK's own texts put otherwise, each justified by the words
  // of the technique's name or description it is read as.
  // Passwords tried from a list: Brute Force (Password Policy Discovery: "dictionary and/or brute force attacks").
  [/\bdictionary(?:-based)? (?:\w+ ){0,2}(?:attacks?|attempts?|lists?)\b|\bword ?lists?\b/i, 'brute force password guessing'],
  // Data gathered in one place before it leaves (Data Staged: "copy data into a staging location").
  [/\bstaging (?:servers?|hosts?|systems?|machines?|areas?|director(?:y|ies)|folders?|locations?|shares?)\b/i, 'data staged staging location'],
  // Files moved between the victim's hosts over its file shares (Lateral Tool Transfer: "file sharing over SMB/Windows
  // Admin Shares to connected network shares").
  [/\b(?:cop(?:y|ies|ied|ying)|sen[dt]s?|sending|transferr?(?:s|ed|ing)?|mov(?:e|es|ed|ing)|push(?:es|ed|ing)?|plac(?:e|es|ed|ing)|distribut(?:e|es|ed|ing)) (?:[\w.-]+ ){0,5}?(?:over|via|through|using|to|on|onto) (?:an? |the )?(?:\w+ ){0,2}(?:shares?|SMB)\b/i, 'lateral tool transfer SMB windows admin shares'],
  // Data taken out through the adversary's own access (Exfiltration Over C2 Channel: "exfiltrating it over an existing
  // command and control channel"); not uploads, which as often bring tools in.
  [/\b(?:exfiltrat|export|steal|stole|leak)\w* (?:[\w.-]+ ){0,5}?(?:over|via|through|using|by) (?:an? |the |its |their )?(?:existing |same |established )?(?:C2|C&C|CnC|command[- ]and[- ]control|web ?shells?|backdoors?|implants?|beacons?|RATs?)\b/i, 'exfiltration over C2 channel'],
  // Services listed (System Service Discovery: "sc query", "tasklist /svc", "net start").
  [/\bsc(?:\.exe)? (?:query|queryex|qc)\b|\bnet start\b|\bGet-Service\b|\b(?:list|enumerat|quer|discover|collect|gather)\w* (?:\w+ ){0,3}(?:running |installed |system |windows )?services\b/i, 'system service discovery'],
  // Scanning for a kind of server or service (Active Scanning; Network Service Discovery: "services running on remote hosts").
  [/\bscan(?:s|ned|ning)? (?:\w+ ){0,2}for (?:[\w.-]+ ){0,3}(?:servers?|hosts|services?|systems|devices|machines|endpoints|instances)\b/i, 'active scanning network service discovery'],
  // Servers and infrastructure set up for an operation (Acquire Infrastructure: Server, "buy, lease, rent, or obtain").
  [/\b(?:set(?:s|ting)? up|st(?:an|oo)d(?:s|ing)? up|spun up|spin(?:s|ning)? up|rent(?:s|ed|ing)?|leas(?:e|es|ed|ing)) (?:\w+ ){0,3}(?:servers?|infrastructure|VPS(?:es)?|hosting)\b/i, 'acquire infrastructure server'],
  // A vulnerability called a flaw (Exploit Public-Facing Application: "Depending on the flaw being exploited").
  [/\b(?:security )?flaws?\b/i, 'exploit vulnerability'],
  // The Windows Installer by its other names (Msiexec: "the command-line utility for the Windows Installer", ".msi").
  [/\bMicrosoft Installer\b|\bMSI (?:packages?|files?|installers?)\b/i, 'windows installer msiexec'],
  // Name poisoning and relay tools (LLMNR/NBT-NS Poisoning and SMB Relay names Responder, NBNSpoof).
  [/\b(?:Responder|Inveigh|NBNSpoof|ntlmrelayx)\b/, 'LLMNR NBT-NS poisoning SMB relay'],
  // A database dumped is data taken from it (Data from Local System: "local databases"), unless it is one of the
  // stores of credentials (SAM, NTDS, Active Directory: OS Credential Dumping).
  [/\bdump(?:s|ed|ing)? (?!(?:\w+ ){0,3}?(?:SAM|NTDS|AD|active|credentials?|passwords?|hash\w*|LSA|registry)\b)(?:\w+ ){0,3}(?:databases?|DBs?|tables)\b/i, 'data from local system local databases'],
  // Distributed denial of service (Network Denial of Service: "distributed DoS (DDoS)").
  [/\bDDoS\b/i, 'network denial of service flood'],
  // Command and control through a well-known service (Web Service: "an existing, legitimate external Web service").
  [/\b(?:C2|C&C|command[- ]and[- ]control|commands?) (?:\w+ ){0,4}(?:telegram|discord|slack|pastebin|github|twitter|google (?:docs|sheets|drive)|dropbox|onedrive)\b|\b(?:telegram|discord|slack|pastebin|github|twitter|google (?:docs|sheets|drive)|dropbox|onedrive) (?:\w+ ){0,4}(?:C2|C&C|command[- ]and[- ]control)\b/i, 'web service'],
  // Script files by their extension: the interpreter that runs them.
  [/\.ps1\b/i, 'PowerShell'],
  [/\.(?:vbs|vbe)\b/i, 'Visual Basic VBScript'],
  [/\.(?:bat|cmd)\b/i, 'windows command shell batch'],
  [/\.(?:js|jse)\b/i, 'JavaScript'],
  [/\.py\b/i, 'Python'],
  [/\.sh\b/i, 'unix shell'],
  [/\.hta\b/i, 'mshta'],
  [/\.lnk\b/i, 'shortcut'],
];
