import { OUTSIDE_VIEW_RANKINGS, RULE_FILE_FORMATS, RULE_FOLDER_FORMATS } from '../../index.js';
import { REPORT_FORMATS, type CommandDeclaration } from '../options.js';

/** What `gap` takes, and its examples: all that its --help and a usage error read. Its handler is commands/gap.ts. */
export const declaration: CommandDeclaration = {
  usage: '$0 gap --threat <campaigns|layers..> --coverage <rules|detections|layer..> --out <dir>',
  shared: {
    out: { describe: 'the folder for coverage.layer.json, gap.layer.json (visibility.layer.json) and the report', demandOption: true },
    force: true,
    report: { choices: REPORT_FORMATS, default: 'md', describe: 'the format of the report, written into --out as gap-report.<format>' },
    strict: true,
  },
  options: {
    threat: { type: 'string', array: true, demandOption: true, describe: 'campaign files, Navigator layers of threat, folders of them, or - for standard input' },
    coverage: {
      type: 'string',
      array: true,
      demandOption: true,
      describe: `a folder of rules (${RULE_FOLDER_FORMATS}), one rule file (${RULE_FILE_FORMATS}), Splunk's saved searches from the REST API (.json), a detections file (.csv/.yaml), a Navigator coverage layer (.json), a DeTT&CT technique administration file (.yaml), a Kibana export of Elastic rules (.ndjson), a Sentinel export of analytic rules (.json), Defender XDR custom detection rules from Microsoft Graph or Datadog detection rules from its API (.json), or - for standard input`,
    },
    'min-coverage': { type: 'number', default: 50, describe: 'coverage (percent, 0-100) below which a threat technique is a gap' },
    'outside-view': {
      choices: OUTSIDE_VIEW_RANKINGS,
      default: 'last',
      describe: 'where gaps of Reconnaissance or Resource Development only (outside view) rank: last, after every gap in view, or by priority alone',
    },
    scale: { type: 'string', describe: 'score range of coverage layers, "min,max" (default: each layer\'s gradient)' },
    'threat-scale': { type: 'string', describe: 'score range of threat layers, "min,max": min weighs 0, max 1 (default: each layer\'s gradient)' },
    'log-sources': {
      type: 'string',
      requiresArg: true,
      describe: 'the log sources you collect (.yml/.json/.csv of ATT&CK names such as WinEventLog:Sysmon, or - for standard input): classes each gap, writes visibility.layer.json',
    },
    tests: {
      type: 'string',
      requiresArg: true,
      describe: "Atomic Red Team's tests (its atomics folder, atomics/Indexes/index.yaml, Indexes-CSV/index.csv, one atomics/Txxxx/Txxxx.yaml, or - for standard input): lists each threat technique's tests on its platforms, to exercise the rules",
    },
    'rules-library': {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'public rules you do not run (a SigmaHQ checkout; read as --coverage is, never counted as coverage): proposes, for each gap, the rules tagged with its technique on its platforms, buildable now or what they need with --log-sources',
    },
  },
  // Words detection engineers write for the rules given to --coverage (sigma-cli's own flags name none of them).
  meant: Object.fromEntries(
    ['sigma', 'rules', 'rule', 'detections'].map((word) => [
      word,
      { option: 'coverage', what: 'Sigma or other rules, a detections file or a coverage layer', note: 'gap reads every kind of coverage from --coverage, which takes several' },
    ]),
  ),
  inputs: { threat: 'file or folder', coverage: 'file or folder' },
  examples: [
    ['$0 gap --threat campaigns --coverage ../sigma/rules --out review', 'campaigns against a Sigma rule folder'],
    ['$0 gap --threat apt.layer.json --coverage detections.csv --out review --report csv --min-coverage 70', 'a threat layer against a detections file'],
    ['$0 gap --threat G0050.json --coverage ../sigma --log-sources collected.yml --out review', 'which gaps can be closed with the logs collected'],
    ['$0 gap --threat G0050.json --coverage ../sigma --tests ../atomic-red-team/atomics --out review', 'with the Atomic Red Team tests that exercise each gap'],
    ['$0 gap --threat G0050.json --coverage our-rules --rules-library ../sigma --log-sources collected.yml --out review', 'with the public rules to start from for each gap'],
  ],
};
