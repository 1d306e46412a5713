import type { CommandDeclaration } from '../options.js';

/** What `extract` takes, and its examples: all that its --help and a usage error read. Its handler is commands/extract.ts. */
export const declaration: CommandDeclaration = {
  positionals: { reports: { type: 'string', array: true, describe: 'a report as text (or a STIX bundle of threat intelligence, a MISP event or attribute search in MISP JSON, or an Attack Flow: its STIX bundle, an Attack Flow Builder .afb or Designer .afd file, a DeTT&CT group administration file, or an adversary emulation plan: CTID\'s Adversary Emulation Library YAML or CALDERA abilities), or - for standard input; several reports of one campaign (text, HTML or Markdown, in the order given) make one skeleton, each technique naming its report; so do several emulation plans, or a folder of CALDERA abilities, a technique of several files being one item naming each', demandOption: true } },
  shared: { name: 'the campaign\'s name (default: the file name)', json: 'print the references (line, span, tactic column, resolution), the groups and software found, and the domain they were read in (domain, domain_from), as JSON' },
  options: {
    suggest: { type: 'boolean', describe: 'add suggested techniques for sentences without IDs, as comments (see suggest)' },
    actor: {
      type: 'string',
      requiresArg: true,
      describe:
        "of a STIX bundle of threat intelligence, keep one intrusion set's techniques (by name, alias, ATT&CK ID or STIX id), with those of the campaigns the bundle attributes to it (each says who used it), and name the campaign after it; " +
        "of a MISP event naming several threat actors or intrusion sets, the one that is the campaign's actor (by name, synonym or ATT&CK ID); " +
        "of a DeTT&CT group file, one group (by group_name or campaign); " +
        "of a report's text (one or several), the campaign's actor, written as the ATT&CK group's name where the release knows one by that name, alias or ID, else as given, with a note",
    },
    campaigns: {
      type: 'boolean',
      default: true,
      describe: "with --actor on a STIX bundle, take the uses of the campaigns the bundle attributes to the actor (as attack-object --campaigns shows them); --no-campaigns leaves them out, for the actor's own uses",
    },
  },
  prints: { what: 'the campaign skeleton', redirect: 'attack-layers extract report.txt > campaign.yaml' },
  examples: [
    ['$0 extract report.txt --name "APT32 Wuhan" > campaigns/apt32.yaml', 'a campaign to review and complete'],
    ['$0 extract vendor-a.txt vendor-b.html --name "APT32 Wuhan" > campaigns/apt32.yaml', "one campaign from two reports: sources: lists both, each technique's report: names its own"],
    ['pdftotext report.pdf - | $0 extract - --json', 'the references found, with their lines'],
    ['$0 extract opencti-export.json --actor APT29 > campaigns/apt29.yaml', "one intrusion set's techniques of a bundle holding several"],
    ['$0 extract attack-feed.json --actor APT29 --no-campaigns', "APT29's own uses, without those of the campaigns attributed to it"],
    ['$0 extract misp-event.json > campaigns/event.yaml', "a MISP event's ATT&CK galaxies and tags: name from info, first_seen from date, its threat actor"],
    ['$0 extract "Ivanti Vulnerabilities.afb" > campaigns/ivanti.yaml', "an Attack Flow's actions (technique_id, tactic_id, description as evidence): name and description from the flow"],
    ['$0 extract Carbanak.yaml > campaigns/carbanak.yaml', "an adversary emulation plan's steps (attack_id, tactic, description as evidence): name, description and attack_version from the plan"],
    ['$0 extract APT29-Day1.A.yaml APT29-Day1.B.yaml --name "APT29 Day 1" --actor APT29', "two emulation plans as one campaign, each technique's source: naming each plan's file and line"],
  ],
};
