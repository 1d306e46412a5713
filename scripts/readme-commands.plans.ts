/**
 * The ```sh commands of the README and of the chapters of docs/, and how scripts/readme-commands.ts runs each as a
 * reader does: every command line of the blocks is found, and each that runs on files the repository or ../shared has is run by /bin/sh in a copy of the
 * repository (campaigns/, layers/, test/fixtures/), with the built bin on PATH and ATTACK_STIX_DIR set. It must exit 0
 * (unless the README says it fails), and what the README says of its output (its `# …` comment, the output block after
 * it, the text around it) must be what it gives. A file the README names that the repository has under another name
 * is copied there under the README's name (its DeTT&CT, MISP, Attack Flow, emulation plan and CALDERA examples are
 * fixtures; its report texts are the README's own suggest example and the shared seed reports; its OpenCTI export is
 * cut from the shared ATT&CK release at run time). A command needing the
 * network or a file nobody has is skipped, saying why. test/cli/readme-examples.test.ts fails when the documentation
 * gains or loses a command PLANS does not know.
 */
import { expect } from 'chai';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { rawAttackId, readRawBundle, repoRoot, stixFile, type RawStixObject } from '../test/helpers/attack.js';
import { docTextFrom, readDocs } from '../test/helpers/docs.js';

/**
 * A command line of a ```sh block: the file of the documentation holding it (`README.md`, `docs/gap.md`), its line there,
 * the command, its `# …` comment, the output shown after it.
 */
export interface ReadmeCommand {
  file: string;
  line: number;
  command: string;
  comment: string;
  output: string[];
}

/**
 * Every command of the ```sh blocks of a file of the documentation. A block of `$ command` lines holds output after each; in any other
 * block every line is a command, a comment after `  # `. A block of one command followed at once by a bare ``` block
 * shows that block as its output, as a `$ command` block does.
 */
export function readmeShellCommands(text: string, file: string): ReadmeCommand[] {
  const found: ReadmeCommand[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```sh') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const block = lines.slice(start, end);
    const prompted = block.some((line) => line.startsWith('$ '));
    block.forEach((text, j) => {
      if (prompted && !text.startsWith('$ ')) {
        if (found.length) found[found.length - 1]!.output.push(text);
        return;
      }
      const line = prompted ? text.slice(2) : text;
      if (!line.trim()) return;
      const comment = /\s+#\s(.*)$/.exec(line);
      found.push({ file, line: start + j + 1, command: (comment ? line.slice(0, comment.index) : line).trim(), comment: comment?.[1] ?? '', output: [] });
    });
    const last = found[found.length - 1];
    if (!prompted && block.filter((text) => text.trim()).length === 1 && lines[end + 1] === '```' && last?.line === start + block.findIndex((text) => text.trim()) + 1) {
      let close = end + 2;
      while (close < lines.length && !lines[close]!.startsWith('```')) close++;
      last.output.push(...lines.slice(end + 2, close));
      end = close;
    }
    i = end;
  }
  return found;
}

/** What a command gave. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How a README command is run: the files it names (README name -> source), the code it exits with, what is checked. */
export interface Plan {
  files?: Record<string, string>;
  /** The line run instead of a synopsis (`[--flag a|b]`): its options given. */
  run?: string;
  /** Lines run before it, in the same copy (writing a file the block's other lines show how to write). */
  before?: string[];
  code?: number;
  check?: (run: Run, dir: string, sh: (command: string) => Run) => void;
}

const SEED_REPORT = '/work/shared/seeds/000_9001b8a6a998de5e.txt';
const SEED_NOTES = '/work/shared/seeds/003_78441eb4cb887801.txt';
/** The README's own text for `suggest`: the block after `<!-- suggest example -->`. */
const SUGGEST_EXAMPLE = 'readme:suggest-example';
const fixture = (path: string): string => join(repoRoot, 'test/fixtures', path);

/**
 * An OpenCTI export of APT29: ATT&CK's own data as a feed carries it (OpenCTI's MITRE connector imports ATT&CK's STIX),
 * cut from the shared 18.1 release at run time: the intrusion set G0016, the campaigns attributed to it (C0023, C0024),
 * those relationships, the uses relationships of all three to techniques, and the techniques. No matrix or tactics:
 * intelligence, not an ATT&CK release.
 */
const ATTACK_FEED = 'readme:attack-feed';

function attackFeed(): string {
  const release = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects;
  const group = release.find((object) => object.type === 'intrusion-set' && rawAttackId(object) === 'G0016')!;
  const attributions = release.filter((object) => object['relationship_type'] === 'attributed-to' && object['target_ref'] === group.id);
  const actors = new Set([group.id, ...attributions.map((relationship) => String(relationship['source_ref']))]);
  const uses = release.filter((object) => object['relationship_type'] === 'uses' && actors.has(String(object['source_ref'])) && String(object['target_ref']).startsWith('attack-pattern--'));
  const patterns = new Set(uses.map((relationship) => String(relationship['target_ref'])));
  const objects = release.filter((object) => actors.has(object.id) || attributions.includes(object) || uses.includes(object) || patterns.has(object.id));
  return JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000405', objects }, null, 2);
}

/**
 * A team's ATT&CK data (README "A team's own ATT&CK data"): the shared 18.1 release with four techniques of a red team's
 * own added at run time, as ATT&CK Workbench writes them (created by the team's identity): T9001 and T9001.001, and two
 * with its organization namespace's prefix, ACME-T1000 and ACME-T1000.001 (mitre-attack/attack-workbench-rest-api,
 * app/lib/attack-id-generator.js, commit 3b71eb59a082e860318562b4abaa6d21840428d9).
 */
const TEAM_BUNDLE = 'readme:team-bundle';

function teamBundle(): string {
  const own = (n: number, id: string, name: string) => ({
    type: 'attack-pattern',
    spec_version: '2.1',
    id: `attack-pattern--90000000-0000-4000-8000-00000000000${n}`,
    created_by_ref: 'identity--0a0a0a0a-0000-4000-8000-00000000acme',
    created: '2025-03-01T00:00:00.000Z',
    modified: '2025-03-01T00:00:00.000Z',
    name,
    kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'initial-access' }],
    external_references: [{ source_name: 'mitre-attack', external_id: id }],
    x_mitre_domains: ['enterprise-attack'],
  });
  const objects = [
    ...readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects,
    own(1, 'T9001', 'Badge Cloning'),
    own(2, 'T9001.001', 'RFID Replay'),
    own(3, 'ACME-T1000', 'Helpdesk Pretexting'),
    own(4, 'ACME-T1000.001', 'Voice Pretexting'),
  ];
  return JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000416', objects });
}

/** The technique IDs the feed's uses relationships point to: APT29's own alone, or its campaigns' too; sorted. */
function feedTechniques(file: string, ownOnly: boolean): string[] {
  const objects = (JSON.parse(readFileSync(file, 'utf8')) as { objects: RawStixObject[] }).objects;
  const byId = new Map(objects.map((object) => [object.id, object]));
  const group = objects.find((object) => object.type === 'intrusion-set')!;
  const uses = objects.filter((object) => object['relationship_type'] === 'uses' && (!ownOnly || object['source_ref'] === group.id));
  return [...new Set(uses.map((relationship) => rawAttackId(byId.get(String(relationship['target_ref']))!)))].sort();
}

/** The technique IDs of a skeleton's references (`"Scheduled Task (T1053.005)"`), sorted. */
const idsOf = (text: string): string[] => refsOf(text).map((ref) => /\((T\d{4}(?:\.\d{3})?)\)$/.exec(ref)?.[1] ?? ref).sort();

/** The output block the README shows after "`normalize` shows what each reference became and why:". */
function normalizeOutput(): string {
  const section = docTextFrom('`normalize` shows what each reference became and why:');
  return /```\n([\s\S]*?)```/.exec(section)![1]!;
}

const yamlOf = (text: string): Record<string, unknown> => parse(text) as Record<string, unknown>;
const refsOf = (text: string): string[] => ((yamlOf(text)['techniques'] ?? []) as Array<{ ref: string }>).map((item) => item.ref);

/** The README's commands, by their text: how each is run, or why it is not. */
export const PLANS: Record<string, Plan | { skip: string }> = {
  'npm ci && npm run build': { skip: 'set-up: the suite runs on the built clone' },
  'npm link': { skip: 'set-up: installs globally; the tests put the built bin on PATH as it does' },
  'attack-layers normalize campaigns/apt32-covid19-wuhan.yaml': {
    // With ATTACK_STIX_DIR (6.3 at hand): "the header says `ATT&CK enterprise-attack 18.1, references read as of
    // ATT&CK 6.3`, and the first warning is not given".
    check: ({ stdout }) => {
      const shown = normalizeOutput()
        .replace('  ATT&CK enterprise-attack 18.1\n', '  ATT&CK enterprise-attack 18.1, references read as of ATT&CK 6.3\n')
        .replace(/  - attack_version 6\.3: that release is not available[^\n]*\n/, '');
      expect(stdout).to.equal(shown);
    },
  },
  'attack-layers render campaigns --out /tmp/layers --aggregate all': {
    check: ({ stdout }, _dir, sh) => {
      expect(stdout.split('\n').filter(Boolean).map((path) => path.split('/').pop())).to.have.members(['all.layer.json', 'apt32-covid19-wuhan.layer.json', 'temp-periscope-cambodia-2018.layer.json']);
      // "Run a second time, `render` and `gap` leave each file that holds what they would write untouched, and say so
      // …; a file of other content is refused (exit 2, naming each one)".
      const again = sh('attack-layers render campaigns --out /tmp/layers --aggregate all');
      expect(again.code, again.stderr).to.equal(0);
      expect(again.stderr).to.match(/layers\/[\w-]+\.layer\.json, .*: unchanged, they hold this content already/);
      sh('printf " " >> /tmp/layers/all.layer.json');
      const changed = sh('attack-layers render campaigns --out /tmp/layers --aggregate all');
      expect(changed.code, changed.stderr).to.equal(2);
      expect(changed.stderr).to.match(/layers\/all\.layer\.json already exists with other content; pass --force/);
    },
  },
  'attack-layers validate /tmp/layers/*.json': {},
  'attack-layers gap --threat campaigns --coverage test/fixtures/gap/detections.csv --out /tmp/review': {
    check: (_run, _dir, sh) => {
      const again = sh('attack-layers gap --threat campaigns --coverage test/fixtures/gap/detections.csv --out /tmp/review');
      expect(again.code, again.stderr).to.equal(0);
      expect(again.stderr).to.match(/review\/[\w.-]+, .*: unchanged, they hold this content already/);
    },
  },
  'npm install -g .': { skip: 'installs globally' },
  'npm pack && npm install -g ./attack-layers-0.1.0.tgz': {
    skip: 'installs globally (and npm install fetches the dependencies); the file name is checked against package.json in readme-examples.test.ts',
  },
  'npm test': { skip: 'the whole suite, this test among it' },
  'attack-layers data fetch': { skip: 'network' },
  'attack-layers render red-team.yaml --attack acme-attack.json --attack-release 18.1 --out layers/': {
    files: {
      'acme-attack.json': TEAM_BUNDLE,
      'red-team.yaml': 'text:name: ACME red team\ntechniques:\n  - ref: T9001\n  - ref: T9001.001\n  - ref: ACME-T1000\n  - ref: T1566.001\n',
    },
    // the layer holds the team's techniques, its namespace's among them (the warning shown after it is checked as every shown output is)
    check: (_run, dir) => {
      const layer = JSON.parse(readFileSync(join(dir, 'layers/red-team.layer.json'), 'utf8')) as { techniques: { techniqueID: string }[] };
      expect(layer.techniques.map((entry) => entry.techniqueID)).to.include.members(['T9001', 'T9001.001', 'ACME-T1000']);
    },
  },
  'attack-layers data fetch --domain ics --attack-release 17.1': { skip: 'network' },
  'attack-layers data add ~/Downloads/mobile-attack-16.1.json': { skip: 'no mobile 16.1 release file at hand (../shared has mobile 9.0 and 18.1)' },
  'attack-layers data list': {
    // "domain, release, STIX version, counts, origin, the default"
    check: ({ stdout }) => {
      expect(stdout.split('\n')[0]!.split(/\s+/)).to.include.members(['domain', 'release', 'stix', 'techniques', 'groups', 'from', 'used']);
      expect(stdout.split('\n').filter((row) => /^enterprise-attack\s+18\.1\s.*\sdefault\s/.test(row))).to.have.length(1);
    },
  },
  'attack-layers data log-sources --platform Windows': {
    check: ({ stdout }) => {
      expect(stdout.split('\n')[0]).to.match(/^log source\s+channel\s+analytics\s+platforms$/);
      expect(stdout).to.match(/^WinEventLog:Sysmon\s+\(any\)\s+\d+\s+Windows$/m);
    },
  },
  'pdftotext report.pdf - | attack-layers extract - --name "APT32 Wuhan" > apt32.yaml': { skip: 'report.pdf: no PDF report at hand' },
  'attack-layers extract report.txt --json': {
    files: { 'report.txt': SEED_REPORT },
    // {domain: "enterprise-attack", domain_from: "default", references: [...], objects: [...]}
    check: ({ stdout }) => {
      const json = JSON.parse(stdout) as Record<string, unknown>;
      expect(Object.keys(json)).to.include.members(['domain', 'domain_from', 'references', 'objects']);
      expect([json['domain'], json['domain_from']]).to.deep.equal(['enterprise-attack', 'default']);
      expect(json['objects']).to.be.an('array').that.is.not.empty;
    },
  },
  'attack-layers extract vendor-a.html vendor-b.txt notes.md --name "APT32 Wuhan 2020" > campaigns/apt32.yaml': {
    skip: 'vendor-a.html, vendor-b.txt, notes.md: no reports of one campaign at hand',
  },
  'attack-layers extract opencti-export.json --actor "Cozy Bear" > campaigns/apt29.yaml': {
    files: { 'opencti-export.json': ATTACK_FEED },
    // name: "APT29", actor: "APT29"; the techniques of its own uses and of the campaigns attributed to it
    check: (_run, dir) => {
      const text = readFileSync(join(dir, 'campaigns/apt29.yaml'), 'utf8');
      expect([yamlOf(text)['name'], yamlOf(text)['actor']]).to.deep.equal(['APT29', 'APT29']);
      expect(idsOf(text)).to.deep.equal(feedTechniques(join(dir, 'opencti-export.json'), false));
    },
  },
  'attack-layers extract opencti-export.json --actor APT29 --no-campaigns': {
    files: { 'opencti-export.json': ATTACK_FEED },
    // "APT29's own uses, not C0023's or C0024's"
    check: ({ stdout, stderr }, dir) => {
      expect(idsOf(stdout)).to.deep.equal(feedTechniques(join(dir, 'opencti-export.json'), true));
      expect(stderr).to.include('the bundle attributes campaign Operation Ghost (C0023), campaign SolarWinds Compromise (C0024) to APT29; left out (--no-campaigns)');
    },
  },
  'attack-layers extract misp-event.json > campaigns/event.yaml': {
    files: { 'misp-event.json': fixture('misp/misp-stix-event-attribute-galaxy.json') },
    // "name: info, first_seen: date, actor: the threat actor, software: its malware and tools" (the event names no actor)
    check: (_run, dir) => {
      const event = (JSON.parse(readFileSync(join(dir, 'misp-event.json'), 'utf8')) as { Event: { info: string; date: string } }).Event;
      const campaign = yamlOf(readFileSync(join(dir, 'campaigns/event.yaml'), 'utf8'));
      expect([campaign['name'], campaign['first_seen'], campaign['software']]).to.deep.equal([event.info, event.date, [{ ref: 'BISCUIT', comment: 'S0017 BISCUIT; named at misp-event.json:72; NEEDS REVIEW' }]]);
    },
  },
  'attack-layers extract "Ivanti Vulnerabilities.afb" > campaigns/ivanti.yaml': {
    files: { 'Ivanti Vulnerabilities.afb': fixture('attack-flow/ivanti-vulnerabilities.afb') },
    // "name and description: the flow's; one item per action"
    check: (_run, dir) => {
      const text = readFileSync(join(dir, 'campaigns/ivanti.yaml'), 'utf8');
      expect(yamlOf(text)['name']).to.equal('Ivanti Vulnerabilities');
      expect(yamlOf(text)['description']).to.match(/^A command injection vulnerability in web components of Ivanti Connect Secure/);
      const actions = readFileSync(join(dir, 'Ivanti Vulnerabilities.afb'), 'utf8').match(/"(?:id|template)": ?"action"/g)!.length;
      expect(refsOf(text)).to.have.length(actions);
    },
  },
  'attack-layers extract "Cobalt Kitty Campaign.json" > campaigns/cobalt-kitty.yaml': {
    files: { 'Cobalt Kitty Campaign.json': fixture('attack-flow/cobalt-kitty-campaign.json') },
    check: (_run, dir) => expect(yamlOf(readFileSync(join(dir, 'campaigns/cobalt-kitty.yaml'), 'utf8'))['actor']).to.equal('OceanLotus'),
  },
  'attack-layers extract groups.yaml > campaigns/purple-team.yaml': {
    files: { 'groups.yaml': fixture('coverage/dettect/sample-groups.yaml') },
    // the enabled group, "Exercise 1", actor "Purple team"
    check: (_run, dir) => {
      const campaign = yamlOf(readFileSync(join(dir, 'campaigns/purple-team.yaml'), 'utf8'));
      expect([campaign['name'], campaign['actor']]).to.deep.equal(['Exercise 1', 'Purple team']);
    },
  },
  'attack-layers extract groups.yaml --actor "FIN7 (tabletop exercise)" > fin7.yaml': {
    files: { 'groups.yaml': fixture('coverage/dettect/sample-groups.yaml') },
    check: (_run, dir) => {
      const campaign = yamlOf(readFileSync(join(dir, 'fin7.yaml'), 'utf8'));
      expect([campaign['name'], campaign['actor']]).to.deep.equal(['Tabletop round', 'FIN7 (tabletop exercise)']);
    },
  },
  'attack-layers extract Carbanak.yaml > campaigns/carbanak.yaml': {
    files: { 'Carbanak.yaml': fixture('emulation-plan/carbanak.yaml') },
    // name, actor "Carbanak", attack_version "8.1"
    check: (_run, dir) => {
      const campaign = yamlOf(readFileSync(join(dir, 'campaigns/carbanak.yaml'), 'utf8'));
      expect([campaign['name'], campaign['actor'], campaign['attack_version']]).to.deep.equal(['Carbanak', 'Carbanak', '8.1']);
    },
  },
  'attack-layers extract APT29-Day1.A.yaml --actor APT29 > campaigns/apt29-day1a.yaml': {
    files: { 'APT29-Day1.A.yaml': fixture('emulation-plan/apt29-day1a.yaml') },
    check: (_run, dir) => expect(yamlOf(readFileSync(join(dir, 'campaigns/apt29-day1a.yaml'), 'utf8'))['actor']).to.equal('APT29'),
  },
  'attack-layers extract APT29-Day1.A.yaml APT29-Day1.B.yaml --name "APT29 Day 1" --actor APT29 > campaigns/apt29-day1.yaml': {
    files: { 'APT29-Day1.A.yaml': fixture('emulation-plan/apt29-day1a.yaml'), 'APT29-Day1.B.yaml': fixture('emulation-plan/apt29-day1b.yaml') },
    check: (_run, dir) => {
      const campaign = yamlOf(readFileSync(join(dir, 'campaigns/apt29-day1.yaml'), 'utf8'));
      expect([campaign['name'], campaign['actor']]).to.deep.equal(['APT29 Day 1', 'APT29']);
      expect(campaign['sources']).to.deep.equal([{ title: 'APT29 Day 1.A' }, { title: 'APT29 Day 1.B' }]);
    },
  },
  'attack-layers extract stockpile/data/abilities/credential-access > campaigns/caldera-credential-access.yaml': {
    files: { 'stockpile/data/abilities/credential-access': fixture('emulation-plan/abilities/credential-access') },
    check: (_run, dir) => expect(refsOf(readFileSync(join(dir, 'campaigns/caldera-credential-access.yaml'), 'utf8'))).to.have.length(2),
  },
  'attack-layers extract apt28.yml > campaigns/apt28.yaml': {
    files: { 'apt28.yml': fixture('ttp-lists/actor-ttps.yml') },
    // a TTP list (ttps:): name and actor "APT28"
    check: (_run, dir) => {
      const campaign = yamlOf(readFileSync(join(dir, 'campaigns/apt28.yaml'), 'utf8'));
      expect([campaign['name'], campaign['actor'], refsOf(readFileSync(join(dir, 'campaigns/apt28.yaml'), 'utf8'))]).to.deep.equal(['APT28', 'APT28', ['T1566.001', 'T1059.001']]);
    },
  },
  'attack-layers suggest report.txt': {
    files: { 'report.txt': SUGGEST_EXAMPLE },
    // "readable: each sentence, its candidates and why"
    check: ({ stdout }) => {
      expect(stdout).to.match(/^line 1: TEMP\.Periscope sent spearphishing emails/m);
      expect(stdout).to.match(/^ {2}1\. T1566\.001 Phishing: Spearphishing Attachment {2}score [\d.]+ {2}words "sent", "spearphishing"/m);
    },
  },
  'attack-layers suggest report.txt --top 2': {
    files: { 'report.txt': SUGGEST_EXAMPLE },
  },
  'attack-layers suggest report.txt --json --top 3': {
    files: { 'report.txt': SUGGEST_EXAMPLE },
    // [{line, text, candidates: [{id, name, score, why}], wordsInCommon?, note?, advice?}]
    check: ({ stdout }) => {
      const passages = JSON.parse(stdout) as Array<Record<string, unknown> & { candidates: Array<Record<string, unknown>> }>;
      expect(passages).to.not.be.empty;
      for (const passage of passages) {
        expect(['line', 'text', 'candidates', 'wordsInCommon', 'note', 'advice']).to.include.members(Object.keys(passage));
        expect(passage.candidates.length).to.be.at.most(3);
        for (const candidate of passage.candidates) expect(Object.keys(candidate)).to.have.members(['id', 'name', 'score', 'why']);
      }
    },
  },
  'attack-layers suggest notes.txt --lines': {
    files: { 'notes.txt': SEED_NOTES },
    // "one passage per input line, every line listed": the readable output groups the lines without candidates.
    check: (_run, dir, sh) => {
      const lines = readFileSync(join(dir, 'notes.txt'), 'utf8').replace(/\n$/, '').split('\n').length;
      const json = JSON.parse(sh('attack-layers suggest notes.txt --lines --json').stdout) as Array<{ line: number }>;
      expect(json.map((passage) => passage.line)).to.deep.equal(Array.from({ length: lines }, (_, i) => i + 1));
    },
  },
  "attack-layers suggest page.txt --json | jq '.[] | select(.wordsInCommon > 1 and (.advice | not))'": {
    files: { 'page.txt': SUGGEST_EXAMPLE },
    check: ({ stdout }) => {
      const kept = JSON.parse(`[${stdout.trim().replace(/\n}\n{/g, '\n},\n{')}]`) as Array<{ wordsInCommon: number; advice?: unknown }>;
      expect(kept).to.not.be.empty;
      for (const passage of kept) expect([passage.wordsInCommon > 1, passage.advice]).to.deep.equal([true, undefined]);
    },
  },
  'attack-layers extract report.txt --suggest': {
    files: { 'report.txt': SUGGEST_EXAMPLE },
    // skeleton + "#   - {ref: \"T1566.001\", source: …}  # suggested: T1566.001 ... (score ..., because ...)"
    check: ({ stdout }) => expect(stdout).to.match(/^# {3}- \{ref: "T1566\.001", source: "report\.txt:1"\} {2}# suggested: T1566\.001 .* \(score [\d.]+, because /m),
  },
  // A synopsis: run with every option it shows, each choice's last (json makes the gap report export reads below).
  'attack-layers gap --threat campaigns --coverage sigma/rules detections.csv --out review [--log-sources collected.yml] [--tests atomic-red-team/atomics] [--rules-library sigma] [--min-coverage 50] [--outside-view last|priority] [--report md|csv|json]':
    {
      run: 'attack-layers gap --threat campaigns --coverage sigma/rules detections.csv --out review --log-sources collected.yml --tests atomic-red-team/atomics --rules-library sigma --min-coverage 50 --outside-view priority --report json',
      files: {
        // A clone of SigmaHQ/sigma: its rules are the coverage, the whole of it the library.
        sigma: 'link:/work/shared/sigma',
        'detections.csv': fixture('gap/detections.csv'),
        'atomic-red-team/atomics': fixture('atomic-tests/atomics'),
        // The README's own example of a log-sources file: "- Log sources collected: logs.csv: WinEventLog:Sysmon (only EventCode=1 ...)".
        'collected.yml': 'text:- {name: "WinEventLog:Sysmon", channels: ["EventCode=1"]}\n- WinEventLog:Security\n',
      },
      check: (_run, dir) => expect(readdirSync(join(dir, 'review')).sort()).to.deep.equal(['coverage.layer.json', 'gap-report.json', 'gap.layer.json', 'visibility.layer.json']),
    },
  'attack-layers upgrade old-layers/ --out v18/ --report md > upgrade.md': {
    files: { 'old-layers/old-format-3.0.json': fixture('layers/old-format-3.0.json'), 'old-layers/public/bear-apt.json': fixture('layers/public/navigator-bear-apt.json') },
    // "a folder, sub-folders kept"
    check: (_run, dir) => {
      expect([existsSync(join(dir, 'v18/old-format-3.0.json')), existsSync(join(dir, 'v18/public/bear-apt.json'))]).to.deep.equal([true, true]);
      expect(readFileSync(join(dir, 'upgrade.md'), 'utf8')).to.match(/^# Layer upgrade report\n/);
    },
  },
  'attack-layers upgrade apt29.json --in-place': {
    files: { 'apt29.json': fixture('layers/layer-4.5-attack12.json') },
    // "only files that change are rewritten": the file upgraded, then left alone by a second run.
    check: (_run, dir, sh) => {
      const file = join(dir, 'apt29.json');
      expect(readFileSync(file, 'utf8')).to.not.equal(readFileSync(fixture('layers/layer-4.5-attack12.json'), 'utf8'));
      const before = statSync(file);
      expect(sh('attack-layers upgrade apt29.json --in-place').code).to.equal(0);
      expect([statSync(file).mtimeMs, statSync(file).ino]).to.deep.equal([before.mtimeMs, before.ino]);
    },
  },
  'attack-layers upgrade layers/ --check': {
    // "CI: exit 1 when a layer would change": layers/ is up to date; a layer of ATT&CK 12 is not.
    check: (_run, _dir, sh) => {
      const stale = sh(`cp ${fixture('layers/layer-4.5-attack12.json')} stale.json && attack-layers upgrade stale.json --check`);
      expect(stale.code).to.equal(1);
    },
  },
  'attack-layers export layers/apt32-covid19-wuhan.layer.json --out apt32.svg': {
    // "one A4 page: apt32.svg; or .html .xlsx .csv .md"
    check: ({ stdout }, dir, sh) => {
      expect(stdout).to.equal('apt32.svg\n');
      expect(readFileSync(join(dir, 'apt32.svg'), 'utf8')).to.match(/<svg [^>]*width="297mm" height="210mm"/);
      const starts: Record<string, RegExp> = { html: /^<!DOCTYPE html>/i, xlsx: /^PK/, csv: /^\S+,/, md: /^# / };
      for (const [extension, start] of Object.entries(starts)) {
        const run = sh(`attack-layers export layers/apt32-covid19-wuhan.layer.json --out apt32.${extension}`);
        expect([run.code, run.stdout], run.stderr).to.deep.equal([0, `apt32.${extension}\n`]);
        expect(readFileSync(join(dir, `apt32.${extension}`), 'latin1'), extension).to.match(start);
      }
    },
  },
  'attack-layers export review/gap-report.json --out gaps.xlsx': {
    check: (_run, dir) => expect(readFileSync(join(dir, 'gaps.xlsx')).subarray(0, 2).toString()).to.equal('PK'),
  },
  'attack-layers validate campaigns/': {
    // The output block's lines are checked as every shown output is (shownOutputProblems); its last is all of stderr.
    check: ({ stderr }) => {
      const last = PROMPTED_OUTPUT.get('attack-layers validate campaigns/')!.at(-1)!;
      expect(last).to.match(/\(stderr; exit 0\)$/);
      expect(stderr).to.equal(`${last.replace(/\s+\(stderr; exit 0\)$/, '')}\n`);
    },
  },
  'attack-layers attack-object APT32 > apt32.json': {
    // "G0050, by name, ID (g0050), alias (OceanLotus) or STIX id": each gives the same layer.
    check: (_run, dir, sh) => {
      const layer = readFileSync(join(dir, 'apt32.json'), 'utf8');
      expect((JSON.parse(layer) as { name: string }).name).to.equal('APT32 (G0050)');
      for (const name of ['g0050', 'OceanLotus', 'intrusion-set--247cb30b-955f-42eb-97a5-a89fef69341e']) expect(sh(`attack-layers attack-object ${name}`).stdout, name).to.equal(layer);
    },
  },
  'attack-layers attack-object --all groups --out groups/': {
    // "G0001-axiom.layer.json ... one per current group"
    check: ({ stderr }, dir) => {
      const written = readdirSync(join(dir, 'groups'));
      expect(written).to.include('G0001-axiom.layer.json');
      expect(stderr).to.match(new RegExp(`^wrote ${written.length} group layers for `, 'm'));
    },
  },
  'attack-layers attack-object APT28 APT29 APT32 Turla "Lazarus Group" --score frequency --out layers': {
    check: ({ stdout }) => expect(stdout).to.equal('layers/G0007-G0016-G0050-G0010-G0032-frequency.layer.json\n'),
  },
  'attack-layers compare campaigns/apt32-covid19-wuhan.yaml': {
    // "against its actor; --with G0050 C0021; --json"
    check: ({ stdout }, _dir, sh) => {
      expect(stdout.split('\n')[0]).to.equal('APT32 targets Wuhan government (COVID-19) (campaigns/apt32-covid19-wuhan.yaml) compared with group G0050 APT32, ATT&CK enterprise-attack 18.1');
      const twice = sh('attack-layers compare campaigns/apt32-covid19-wuhan.yaml --with G0050 C0021');
      expect(twice.code, twice.stderr).to.equal(0);
      expect(twice.stdout.split('\n').filter((row) => / compared with /.test(row)).map((row) => row.split(' compared with ')[1])).to.deep.equal(['group G0050 APT32, ATT&CK enterprise-attack 18.1', 'campaign C0021, ATT&CK enterprise-attack 18.1']);
      const json = sh('attack-layers compare campaigns/apt32-covid19-wuhan.yaml --json');
      expect(() => JSON.parse(json.stdout) as unknown, json.stderr).to.not.throw();
    },
  },
  'attack-layers compare APT28.json': {
    // "a Navigator layer, against the group it names": the layer the block's first line shows how to write.
    before: ['attack-layers attack-object APT28 > APT28.json'],
    check: ({ stdout }, _dir, sh) => {
      expect(stdout.split('\n')[0]).to.equal('layer "APT28 (G0007)" (APT28.json) compared with group G0007 APT28, ATT&CK enterprise-attack 18.1');
      expect(sh('attack-layers compare APT28.json --with G0007').stdout).to.equal(stdout);
    },
  },
};

export const commands = readDocs().flatMap(({ path, text }) => readmeShellCommands(text, path));

/**
 * What of a command's shown output its run does not give: each shown line, in order, must be a line of stdout then
 * stderr. A line `…` stands for lines left out, a `…` inside a line for text left out; a last `(stderr; exit 0)` is the
 * documentation's note, not output. Empty when every line is found.
 */
export function shownOutputProblems(shown: readonly string[], run: Run): string[] {
  const given = `${run.stdout}${run.stderr}`.split('\n');
  const problems: string[] = [];
  let at = 0;
  for (const line of shown.map((text) => text.replace(/\s+\((?:stdout|stderr)(?:; exit \d+)?\)$/, ''))) {
    if (!line.trim() || line === '…') continue;
    const pattern = new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const found = given.findIndex((text, i) => i >= at && pattern.test(text));
    if (found < 0) problems.push(line);
    else at = found + 1;
  }
  return problems;
}
/** The output each `$ command` of the README shows after it. */
const PROMPTED_OUTPUT = new Map(commands.filter(({ output }) => output.length).map(({ command, output }) => [command, [...output]]));

/** Puts a file of PLANS in place: a file or folder copied, a folder linked (`link:`), the README's suggest example, or text (`text:`). */
export function placeFile(dir: string, name: string, source: string): void {
  const target = join(dir, name);
  mkdirSync(dirname(target), { recursive: true });
  if (source === ATTACK_FEED) writeFileSync(target, attackFeed());
  else if (source === TEAM_BUNDLE) writeFileSync(target, teamBundle());
  else if (source === SUGGEST_EXAMPLE) writeFileSync(target, /<!-- suggest example -->\n```text\n([\s\S]*?)```/.exec(docTextFrom('<!-- suggest example -->'))![1]!);
  else if (source.startsWith('text:')) writeFileSync(target, source.slice('text:'.length));
  else if (source.startsWith('link:')) symlinkSync(source.slice('link:'.length), target);
  else cpSync(source, target, { recursive: true });
}

