import { extname } from 'node:path';
import {
  AttackDataError,
  campaignErrorConsequences,
  campaignReleases,
  errorConsequences,
  firstFew,
  FolderFiles,
  InputError,
  kindName,
  kindOf,
  kindOfDocument,
  looksLikeReport,
  listLayerFiles,
  nearestRelease,
  domainReleases,
  parseJsonAs,
  parseFolderLayer,
  readTextFile,
  STDIN,
  validateCampaign,
  validateLayer,
  inputName,
  wrongKindMessage,
  type AttackIndex,
  type CampaignFinding,
  type Domain,
  type InputKind,
  type LayerFinding,
} from '../../index.js';
import { linesPerKind, ofHiddenTechniques, PROBLEMS_LISTED, SHOWN_PER_KIND } from '../repeated-lines.js';
import { attackLibrary, FLAG_WORDS, note, printJson, readStdin, showsProgress, type CliContext, type GlobalArgs } from '../context.js';
import { noteLeftOutFiles } from '../unplaced.js';

interface Args extends GlobalArgs {
  /** Layer files, campaign files and folders of them: the positional is named for both kinds it takes. */
  'layers-or-campaigns': string[];
  json?: boolean;
}


/**
 * A file given by name that is of another kind (a Sigma rule, a DeTT&CT group file): no layer or campaign file to
 * check, so its one finding has a code of its own, not a layer's `schema`.
 */
export interface WrongKindFinding {
  severity: 'error';
  code: 'wrong-kind';
  path: '/';
  /** `file: this is a Sigma rule, not a campaign file or an ATT&CK Navigator layer; give it (or its folder) to gap --coverage`. */
  message: string;
}

/**
 * A file that holds no text to read as a layer or campaign file (empty, blank space only, a binary file): nothing of
 * the Navigator layer format to check, so its one finding is not a `schema` one; its message says what to give.
 */
export interface UnreadableFinding {
  severity: 'error';
  code: 'unreadable';
  path: '/';
  /** `file: no JSON in it: it is empty; give the whole file (…)`, `file: this is a binary file (…), not text; …`. */
  message: string;
}

/** The findings of one file. */
export interface FileFindings {
  file: string;
  errors: number;
  warnings: number;
  findings: (LayerFinding | CampaignFinding | WrongKindFinding | UnreadableFinding)[];
}

/** The YAML extensions of campaign files; a `.json` file is a campaign when its content says so. */
const YAML_EXTENSIONS: readonly string[] = ['.yaml', '.yml'];

// A JSON campaign writes `"ref":`, `"attack_version":`, a technique as text or `"techniques"` as a mapping; a layer's
// text without any of them is not parsed twice to be told apart (a 200,000-entry layer). One without them (entries of
// `"technique_id"` only) is told by the layer reader's refusal, by the same rule (kindOf).
const CAMPAIGN_JSON_HINT = /"(?:ref|attack_version)"\s*:|"techniques"\s*:\s*(?:\[\s*"|\{)/;

/**
 * How a file given to validate is read: as a campaign file (YAML, or JSON whose content is one), as a layer (any other
 * JSON, as before campaigns were read), or, for a YAML file that is clearly another kind of file (a Sigma rule, a
 * detections file), not at all: found in a folder, said on stderr (validate read no YAML before; such a file is no
 * input of it); given by name, an error saying what it is and where it goes.
 */
function readingOf(path: string, text: string, inFolder: boolean): 'campaign' | 'layer' | { leftOut: string } | { wrongKind: string; kind: InputKind } {
  if (path !== STDIN && YAML_EXTENSIONS.includes(extname(path).toLowerCase())) {
    const kind = kindOf(text);
    if (!kind || kind === 'campaign') return 'campaign';
    const message = wrongKindMessage(inputName(path), kind, ['campaign', 'layer']);
    return inFolder ? { leftOut: message } : { wrongKind: message, kind };
  }
  // JSON, after any comments hand-edited layers start with (`// exported from Navigator`), which the reading repairs.
  const json = /^\uFEFF?(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*[[{]/.test(text);
  if ((json ? CAMPAIGN_JSON_HINT.test(text) : path === STDIN) && kindOf(text) === 'campaign') return 'campaign';
  // A report's text (`validate report.md`) was read as a layer and said to be `invalid JSON: unexpected "#"`; another
  // kind of file that is no JSON (a detections CSV) as well.
  const kind = json || extname(path).toLowerCase() === '.json' ? undefined : (kindOfDocument(text) ?? (looksLikeReport(text, inputName(path)) ? 'report-text' : undefined));
  if (!kind || kind === 'layer') return 'layer';
  const message = wrongKindMessage(inputName(path), kind, ['campaign', 'layer']);
  return inFolder ? { leftOut: message } : { wrongKind: message, kind };
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    const stdin = await readStdin(context, args['layers-or-campaigns']);
    const library = attackLibrary(context, args);
    // A layer names a major version ("18"); --attack-release overrides what the layer declares.
    const attackFor = (domain: Domain, major: string | undefined): AttackIndex | undefined => {
      try {
        return library.release(domain, major);
      } catch {
        return undefined;
      }
    };
    const newest = (domain: Domain): AttackIndex | undefined => attackFor(domain, undefined);
    // A layer's release that is not here is read, for its platform filter, as the nearest one that is.
    const nearest = (domain: Domain, major: string): AttackIndex | undefined => nearestRelease(library, domain, major);
    // A filter in an older release's names is read against the releases here, newest first (everyPlatformSource).
    const releases = (domain: Domain): Iterable<AttackIndex> => domainReleases(library, domain).history();
    const release = args['attack-release'];
    const given = listLayerFiles(args['layers-or-campaigns'], { campaigns: true });
    // The files of a folder that are no layer or campaign, left out with why; a folder of none of either is refused.
    const folderFiles = new FolderFiles(given.map(({ path, inFolder }) => ({ path, found: !!inFolder })));
    // The campaign files' results, whose errors mean something else than a layer's (the summary line says what).
    const campaigns = new Set<FileFindings>();
    // The files of another kind given by name (a DeTT&CT group file), each with what it is and what reads it.
    const wrongKinds = new Map<FileFindings, { wrongKind: string; kind: InputKind }>();
    const results: FileFindings[] = given.flatMap(({ path, inFolder }) => {
      const file = inputName(path);
      let findings: FileFindings['findings'];
      let reading: ReturnType<typeof readingOf> | undefined;
      let text: string | undefined;
      const asCampaign = (campaignText: string) =>
        validateCampaign(campaignText, file, { releasesFor: (campaign) => campaignReleases(campaign, library, release, { givenAs: FLAG_WORDS }), ...(args.domain ? { domain: args.domain } : {}) });
      try {
        text = readTextFile(path, path, { stdin });
        reading = readingOf(path, text, !!inFolder);
        if (typeof reading === 'object' && 'leftOut' in reading) {
          folderFiles.leaveOut(reading.leftOut);
          return [];
        }
        // JSON found in a folder that is plainly no layer (gap's report beside its layers, a package.json) is left out as
        // YAML of another kind is.
        const layer = reading === 'layer' ? (inFolder ? parseFolderLayer(text, file) : { value: parseJsonAs(text, file, ['layer']) }) : undefined;
        // ... unless it is a campaign by the rule normalize reads it by (hasCampaignShape), which is checked as one.
        if (layer && 'notALayer' in layer) {
          if (kindOf(text) !== 'campaign') {
            folderFiles.leaveOut(layer.notALayer);
            return [];
          }
          reading = 'campaign';
        }
        findings =
          typeof reading === 'object'
            ? [{ severity: 'error', code: 'wrong-kind', path: '/', message: reading.wrongKind }]
            : reading === 'campaign' || !layer || 'notALayer' in layer
            ? asCampaign(text)
            : validateLayer(layer.value, { attackFor, newest, nearest, releases, file, ...(release ? { release } : {}), givenAs: FLAG_WORDS });
      } catch (error) {
        // A release asked for that is not here is no fault of the file: the run stops (exit 1).
        if (!(error instanceof InputError) || error instanceof AttackDataError) throw error;
        // JSON of another kind (an Attack Flow, a STIX bundle) is told only once the layer reader refused it, so that a
        // layer's text is not parsed twice; what it is was said by that reader.
        const kind = reading === 'layer' && text !== undefined ? kindOf(text) : undefined;
        // JSON the hint missed that is a campaign by the rule normalize reads it by (hasCampaignShape: `name` and
        // entries of `technique_id` only) is checked as one, not said to be no layer.
        if (kind === 'campaign' && text !== undefined) {
          reading = 'campaign';
          findings = asCampaign(text);
        } else {
          if (kind && kind !== 'layer') reading = { wrongKind: error.message, kind };
          // No text (a binary file), or none but blank space: there is no layer whose format could be wrong.
          const unreadable = typeof reading !== 'object' && (text === undefined || !text.trim());
          findings = [{ severity: 'error', code: typeof reading === 'object' ? 'wrong-kind' : unreadable ? 'unreadable' : 'schema', path: '/', message: error.message }];
        }
      }
      const result: FileFindings = {
        file,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        findings,
      };
      if (reading === 'campaign') campaigns.add(result);
      else if (typeof reading === 'object' && 'wrongKind' in reading) wrongKinds.set(result, reading);
      return [result];
    });
    // Combine and upgrade refuse such a folder too: validate said nothing else and exited 0, as if every file were valid.
    folderFiles.assertSomeRead(args['layers-or-campaigns'], results.length > 0, 'an ATT&CK Navigator layer or a campaign file');
    noteLeftOutFiles(context, args, folderFiles.leftOut, 'not checked');
    if (args.json) printJson(context, results);
    else {
      // Findings of one kind (35 revoked IDs) are listed a few at a time; --json keeps every one. Schema errors are
      // each a place to mend: listed up to PROBLEMS_LISTED.
      type Finding = FileFindings['findings'][number];
      const finding = (f: Finding) => `${f.severity}: ${f.code}: ${f.message}`;
      // The findings of layers Navigator never opens from their file are of kinds of their own, counted after the
      // never-opened error that says so, not with what it does with the layers it opens.
      const alone = (f: Finding) => ('openedAlone' in f && f.openedAlone ? ' once opened alone' : '');
      const more = (f: Finding, hidden: number, rest: readonly Finding[]) =>
        `${f.severity}: ${f.code}: and ${hidden} more of this kind${alone(f) && ' once their layers are opened alone (Navigator 5.1 never opens them from this file)'}` +
        `${ofHiddenTechniques(rest.map((other) => other.message))} (--json lists every one)`;
      const shown = (kind: string) => (kind === 'error schema' ? PROBLEMS_LISTED : SHOWN_PER_KIND);
      for (const result of results) {
        for (const line of linesPerKind(result.findings, (f) => `${f.severity} ${f.code}${alone(f)}`, finding, more, shown)) context.stdout.write(`${line}\n`);
      }
    }
    const errors = results.reduce((sum, r) => sum + r.errors, 0);
    const warnings = results.reduce((sum, r) => sum + r.warnings, 0);
    const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
    if (errors || warnings) note(context, args, `${files}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    // On a terminal, a clean run says so (piped, it stays silent: no output is the answer).
    else if (showsProgress(context, args)) note(context, args, `${files}: no findings`);
    if (!errors) return;
    // What the errors mean: in Navigator for layers, in the layers rendered for campaign files; a file of another kind
    // is no layer, so it is said what it is and what reads it (`extract` for a DeTT&CT group file), the file named in
    // the command to run.
    const failed = results.filter((r) => r.errors);
    const isUnreadable = (r: FileFindings) => r.findings.some((f) => f.code === 'unreadable');
    const unreadable = failed.filter(isUnreadable);
    const ofLayers = failed.filter((r) => !campaigns.has(r) && !wrongKinds.has(r) && !isUnreadable(r)).flatMap((r) => r.findings as LayerFinding[]);
    const ofCampaigns = failed.filter((r) => campaigns.has(r)).flatMap((r) => r.findings as CampaignFinding[]);
    const meaning = [
      ...(ofLayers.length ? [errorConsequences(ofLayers)] : []),
      ...(ofCampaigns.length ? [`${ofLayers.length ? 'in the campaign files, ' : ''}${campaignErrorConsequences(ofCampaigns)}`] : []),
      ...otherKindsText(failed.flatMap((r) => wrongKinds.get(r) ?? []), failed.length === 1 ? failed[0]!.file : undefined),
      ...unreadableText(unreadable, failed.length === 1),
    ].join('; ');
    // One line that needs no cut however many files failed (30 Sigma rules given by name): a few named, each one's
    // findings above (or in --json) name every one.
    const where = failed.length === 1 ? failed[0]!.file : `${failed.length} files (${firstFew(failed.map((r) => r.file))}${failed.length > 3 ? ', each named in its findings' : ''})`;
    throw new InputError(`${errors} error${errors === 1 ? '' : 's'} in ${where}: ${meaning}`);
  };
}

/**
 * What the files that hold no text to read are: for the one file that failed, its finding's message without its name
 * (`no JSON in it: it is empty; give the whole file …`); else how many, each one's finding saying what.
 */
function unreadableText(unreadable: readonly FileFindings[], only: boolean): string[] {
  if (!unreadable.length) return [];
  if (only) return [unreadable[0]!.findings[0]!.message.slice(`${unreadable[0]!.file}: `.length)];
  const count = unreadable.length === 1 ? '1 file holds' : `${unreadable.length} files hold`;
  return [`${count} no text to check (empty, blank or binary; each one's finding says what to give)`];
}

/**
 * What the files of another kind are: for one, its message (what it is and what reads it, the file named in the command
 * to run; not named again when it is the one file that failed); for several, each kind named with how many files are
 * of it, so that the summary line stays short however many there are (30 Sigma rules), each file's own finding saying
 * what reads it.
 */
function otherKindsText(wrongKinds: readonly { wrongKind: string; kind: InputKind }[], only: string | undefined): string[] {
  if (wrongKinds.length < 2) return wrongKinds.map(({ wrongKind }) => (only === undefined ? wrongKind : wrongKind.slice(`${only}: `.length)));
  const counts = new Map<InputKind, number>();
  for (const { kind } of wrongKinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const kinds = [...counts].map(([kind, count]) => `${kindName(kind)} (${count === 1 ? '1 file' : `${count} files`})`);
  return [`${wrongKinds.length} files are of another kind, not a campaign file or a layer (each one's finding says what reads it): ${firstFew(kinds)}`];
}
