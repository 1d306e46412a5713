import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { nameKey } from '../attack/attack-index.js';
import type { Domain } from '../attack/types.js';
import type { CampaignSource } from '../campaign/campaign-types.js';
import { shellWord } from '../input-kind.js';
import { UNRESOLVED_STATUSES } from '../normalize/normalize-types.js';
import { joinLines } from '../normalize/tokenize-references.js';
import { citedLines } from './cited-lines.js';
import { readAsOther, type ReportReference } from './extract-report.js';
import type { FoundAttackObject } from './find-attack-objects.js';
import { evidenceLine } from './report-evidence.js';
import { passagesByText, type PassageSuggestions } from '../suggest/suggest-techniques.js';

// yaml is required on first use: commands that never write a skeleton should not pay for loading it.
const require = createRequire(import.meta.url);

/** What a campaign skeleton is called and which report it was read from. */
export interface CampaignSkeletonOptions {
  /** The campaign's `name:`. */
  name: string;
  /** The campaign's ATT&CK domain: written as `domain:` when it is not enterprise-attack, which a campaign file defaults to. */
  domain?: Domain;
  /** The report file as it should appear in `source:` (`reports/apt32.txt`). */
  reportFile: string;
  /**
   * The report as the campaign's `sources:` entry (`reportSource`: its title, and its url where it states it); without
   * one (standard input, no title), the entry is written commented out, with a note to fill it.
   */
  source?: CampaignSource;
  /** Techniques suggested for passages that cite no ID: written as comments, never as references. */
  suggestions?: readonly PassageSuggestions[];
  /** Groups, software and campaigns the report names (`findAttackObjects`): proposed as `actor:` and `software:`. */
  objects?: readonly FoundAttackObject[];
  /** The actor the input is about by its own data (a bundle's intrusion set, `extract --actor`): `actor:`, before any group named. */
  actor?: string;
  /** When the activity was first seen, by the input's own data (a MISP event's `date`): `first_seen:`. */
  firstSeen?: string;
  /** When it was last seen, by the input's own data (an Attack Flow's last execution or campaign day): `last_seen:`. */
  lastSeen?: string;
  /** What the input says of the activity (an Attack Flow's description): `description:`. */
  description?: string;
  /** The ATT&CK release the input's IDs come from, by its own data (an emulation plan's `attack_version`): `attack_version:`. */
  attackVersion?: string;
  /**
   * What is said once of the report (or reports) rather than of one reference (`extractReport`'s notes: a hint to read it
   * in another domain, cells that name no technique): written as `# note:` lines under the header, as stderr says them.
   */
  notes?: readonly string[];
}

// The lines a report's title and lead stand in: a group named there is what the report is about.
const LEAD_LINES = 10;

/**
 * The lines that name an object other than in passing (in an ATT&CK Evaluation's name, the page's furniture) or as an
 * example (`threat groups such as APT28`).
 */
const ownLines = (object: FoundAttackObject): number[] => object.lines.filter((line) => !object.aside?.includes(line) && !object.examples?.includes(line));

/**
 * The group proposed as `actor:`: the one named on the most lines, the first named on a tie, lines that name it only in
 * passing (`aside`: an ATT&CK Evaluation's name, a list of other posts) not counted; with why it is doubtful when it is
 * named on one line only, past the report's first lines (a report about a group ATT&CK does not name, ESET's Ballistic
 * Bobcat, names another in passing: `the Host2IP tool, previously used by Agrius`), or only in passing (Dark Reading's
 * page on BlackCat lists the white paper `MITRE ATT&CK Evaluation Results for Turla`), or only as examples (ENISA's
 * `threat groups such as APT28, APT29, Turla, and GoldenJackal`: `examples` says so), so that it is listed for review,
 * not proposed.
 */
function mainGroup(objects: readonly FoundAttackObject[]): { group: FoundAttackObject; doubt?: string; examples?: boolean } | undefined {
  const groups = objects.filter((object) => object.kind === 'group');
  let best: FoundAttackObject | undefined;
  for (const object of groups) if (ownLines(object).length && (!best || ownLines(object).length > ownLines(best).length)) best = object;
  if (!best) {
    if (!groups.length) return undefined;
    // Why none counts: as examples or comparisons (`threat actors such as APT29 and FIN7`), in passing, or both.
    const asExamples = groups.filter((group) => group.examples?.length);
    if (asExamples.length === groups.length && !groups.some((group) => group.aside?.length)) {
      const names = asExamples.map((group) => group.name).join(', ');
      return { group: groups[0]!, doubt: `every group named is named only as an example or a comparison, after such as, e.g., like or similar to: ${names}`, examples: true };
    }
    const ways = [...(asExamples.length ? ['as an example or a comparison'] : []), "in an ATT&CK Evaluation's name or the page's links, menus and lists of other posts"];
    return { group: groups[0]!, doubt: `every group named is named ${ways.join(' or ')} only` };
  }
  const lines = ownLines(best);
  if (lines.length > 1 || lines[0]! <= LEAD_LINES) return { group: best };
  return { group: best, doubt: `no group is named on more than one line, nor in the first ${LEAD_LINES} lines` };
}

/**
 * The group proposed as `actor:` as ATT&CK spells it where the report writes its name or alias otherwise (`KIMSUKY` in a
 * report's title, `CTI-2026-0526-KIMSUKY-PEBBLEDASH`, is G0094 `Kimsuky`; `TEMP.PERISCOPE` is G0065's alias
 * `TEMP.Periscope`), and which of the two it is; else as written.
 */
function actorSpelling(actor: FoundAttackObject): { name: string; of?: 'name' | 'alias' } {
  if (nameKey(actor.written) === nameKey(actor.name)) return { name: actor.name, of: 'name' };
  if (actor.alias !== undefined && nameKey(actor.written) === nameKey(actor.alias)) return { name: actor.alias, of: 'alias' };
  return { name: actor.written };
}
const actorName = (actor: FoundAttackObject): string => actorSpelling(actor).name;

/**
 * One report of a campaign skeleton read from several (`extract a.txt b.html`): the file as `source:` names it, its
 * `sources:` entry (which each of its techniques' `report:` names), and what was found in it.
 */
export interface SkeletonReport {
  reportFile: string;
  source?: CampaignSource;
  refs: readonly ReportReference[];
  suggestions?: readonly PassageSuggestions[];
  objects?: readonly FoundAttackObject[];
}

/** Where an object is named: `report.txt:12`, with the other lines when there are some, and those that name it only in passing. */
function mentions(object: FoundAttackObject, reportFile: string): string {
  const more = object.lines.length > 1 ? ` (also lines ${object.lines.slice(1, 8).join(', ')}${object.lines.length > 8 ? ', ...' : ''})` : '';
  const listed = (lines: readonly number[]): string => `line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ', ...' : ''}`;
  const aside = object.aside?.length ? ` (in passing at ${listed(object.aside)})` : '';
  const examples = object.examples?.length ? ` (as an example at ${listed(object.examples)})` : '';
  return `${reportFile}:${object.span.line}${more}${aside}${examples}`;
}

/**
 * The YAML text of a campaign file skeleton for references extracted from a report: a header saying it needs review,
 * `name:`, and one `techniques:` item per reference with its `ref:` text, `tactic:` list (when found) and
 * `source: "<reportFile>:<line>"` (`<reportFile>:1, 8, 26` for a reference cited on several lines), its
 * `evidence:` when its input says what was seen of the use (a table's Use cell, a STIX bundle's relationship
 * descriptions), and above it, as comments, the warnings of its resolution when it has one, its note when it places no
 * technique, and the places a structured input names it (`from`: a MISP event's galaxy clusters and tags). Refs are
 * kept as written (a wrapped cell as a block literal). Items keep the order of `refs`; the same input gives the same
 * bytes.
 */
export function renderCampaignSkeleton(refs: readonly ReportReference[], options: CampaignSkeletonOptions): string {
  const { reportFile, source, suggestions, objects, ...rest } = options;
  return renderSkeleton([{ reportFile, refs, ...(source ? { source } : {}), ...(suggestions ? { suggestions } : {}), ...(objects ? { objects } : {}) }], rest);
}

/**
 * One campaign skeleton from several reports of the same activity, in the order given: `sources:` lists each report's
 * entry, and each technique item says which one it was read from (`report:`, the entry's url where it has one, else its
 * title), so that a technique two reports cite is two items and the layer links each to its report. Each report's
 * entry must be named, and no two alike (the caller makes them distinct: `reportSources`). Groups and software are
 * proposed from all of them, each mention naming its file; suggestions are listed report by report.
 */
export function renderCampaignSkeletonOfReports(reports: readonly SkeletonReport[], options: SeveralReportsOptions): string {
  return renderSkeleton(reports, options);
}

/** What a skeleton of several reports is called, and whether the same technique from several of them is one entry. */
export interface SeveralReportsOptions extends Omit<CampaignSkeletonOptions, 'reportFile' | 'source' | 'suggestions' | 'objects'> {
  /**
   * The same technique (by ID, else by name) from several reports is one entry, as it is from several places of one
   * (emulation plans of one campaign: APT29 Day 1.A and Day 1.B both run PowerShell): its `source:` names each file and
   * line, its `report:` each report, each `from:` its file. Without it, each report's references are its own entries.
   */
  merge?: boolean;
}

/** A technique's entry: its reference as the first report read it, and each report's own reference of it. */
interface SkeletonEntry {
  ref: ReportReference;
  places: ReadonlyArray<{ ref: ReportReference; report: SkeletonReport }>;
}

/**
 * The skeleton's entries in the order the reports are given: one a reference, or with `merge` one a technique, its
 * tactics, warnings and evidence those of every report's reference of it.
 */
function skeletonEntries(reports: readonly SkeletonReport[], merge: boolean): SkeletonEntry[] {
  const places = reports.flatMap((report) => report.refs.map((ref) => ({ ref, report })));
  if (!merge) return places.map((place) => ({ ref: place.ref, places: [place] }));
  const byKey = new Map<string, Array<(typeof places)[number]>>();
  for (const place of places) {
    const key = place.ref.ids[0] ?? place.ref.raw.toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), place]);
  }
  return [...byKey.values()].map((same) => {
    const [first, ...more] = same;
    if (!more.length) return { ref: first!.ref, places: same };
    const refs = same.map((place) => place.ref);
    const warnings = [...new Set(refs.flatMap((ref) => ref.resolution?.warnings ?? []))];
    const ref: ReportReference = {
      ...first!.ref,
      tactics: [...new Set(refs.flatMap((one) => one.tactics))],
      ...(first!.ref.resolution ? { resolution: { ...first!.ref.resolution, warnings } } : {}),
    };
    return { ref, places: same };
  });
}

/**
 * A technique item of a skeleton as data, as `extract --json` prints a skeleton of several emulation plans: the first
 * report's reference of it (its lines and span left out, being one file's), with every report's tactics, warnings,
 * evidence and places; `source` as the item's (`a.yaml:31; b.yaml:17`), `report` the sources it was read from.
 */
export type SkeletonReference = Omit<ReportReference, 'line' | 'lines' | 'span' | 'nameSpan' | 'evidence'> & { evidence?: string[]; source: string; report?: string[] };

/**
 * The technique items of a skeleton of several reports, as data (`SkeletonReference`), in the skeleton's order: with
 * `merge`, a technique several reports give is one item, its evidence and `from` naming each file.
 */
export function skeletonReferences(reports: readonly SkeletonReport[], options: Pick<SeveralReportsOptions, 'merge'> = {}): SkeletonReference[] {
  const several = reports.length > 1;
  return skeletonEntries(reports, options.merge === true).map(({ ref, places }) => {
    const { line: _line, lines: _lines, span: _span, nameSpan: _nameSpan, evidence: _evidence, from: _from, resolution, ...rest } = ref;
    const named = [...new Set(places.flatMap(({ report }) => (report.source ? [sourceName(report.source)] : [])))];
    // Of several files, each evidence line and each place says whose it is.
    const evidence = places.length === 1 ? evidenceText(ref) : places.flatMap((place) => (place.ref.evidence?.length ? evidenceText(place.ref).split('\n').map((text) => `${oneLine(basename(place.report.reportFile))}: ${text}`) : [])).join('\n');
    const from = options.merge ? places.flatMap((place) => (place.ref.from ?? []).map((said) => `${basename(place.report.reportFile)} ${said}`)) : (ref.from ?? []);
    return {
      ...rest,
      ...(evidence ? { evidence: evidence.split('\n') } : {}),
      ...(from.length ? { from } : {}),
      source: places.map((place) => `${oneLine(place.report.reportFile)}:${citedLines(place.ref).join(', ')}`).join('; '),
      ...(several && named.length ? { report: named } : {}),
      ...(resolution ? { resolution } : {}),
    };
  });
}

/** The name a technique's `report:` gives a source: its url where it has one, else its title. */
export function sourceName(source: CampaignSource): string {
  return oneLine(source.url ?? source.title ?? '');
}

function renderSkeleton(reports: readonly SkeletonReport[], options: SeveralReportsOptions): string {
  const YAML = require('yaml') as typeof import('yaml');
  const several = reports.length > 1;
  const reportFile = reports.map((report) => oneLine(report.reportFile)).join(', ');
  const fileOf = new Map<FoundAttackObject, string>();
  for (const report of reports) for (const object of report.objects ?? []) if (!fileOf.has(object)) fileOf.set(object, oneLine(report.reportFile));
  // Software two reports name is one item, its comment naming each place.
  const seen = new Map<string, FoundAttackObject[]>();
  for (const object of fileOf.keys()) {
    const key = `${object.kind} ${object.id}`;
    seen.set(key, [...(seen.get(key) ?? []), object]);
  }
  const objects = [...seen.values()].map((same) => same[0]!);
  const placesOf = (object: FoundAttackObject): string => (seen.get(`${object.kind} ${object.id}`) ?? [object]).map((one) => mentions(one, fileOf.get(one)!)).join('; ');
  const refs = skeletonEntries(reports, options.merge === true);
  const items = skeletonReferences(reports, options);
  const sources = reports.flatMap((report) => (report.source ? [report.source] : []));
  const guess = options.actor === undefined ? mainGroup(objects) : undefined;
  const actor = guess && !guess.doubt ? guess.group : undefined;
  // Software named only in passing (a list of other posts under its label: BlackBerry's `Related Reading` naming Cuba
  // ransomware) is no software of the report's: it stands in a comment, for the analyst to see, not as an entry.
  const inPassing = (object: FoundAttackObject): boolean => (seen.get(`${object.kind} ${object.id}`) ?? [object]).every((one) => !ownLines(one).length);
  const software = objects.filter((object) => object.kind === 'software' && !inPassing(object));
  const passingSoftware = objects.filter((object) => object.kind === 'software' && inPassing(object));
  const doc = new YAML.Document({
    name: oneLine(options.name),
    ...(options.domain && options.domain !== 'enterprise-attack' ? { domain: options.domain } : {}),
    ...(options.actor !== undefined ? { actor: oneLine(options.actor) } : actor ? { actor: actorName(actor) } : {}),
    ...(options.attackVersion !== undefined ? { attack_version: oneLine(options.attackVersion) } : {}),
    ...(options.firstSeen !== undefined ? { first_seen: oneLine(options.firstSeen) } : {}),
    ...(options.lastSeen !== undefined ? { last_seen: oneLine(options.lastSeen) } : {}),
    ...(options.description !== undefined ? { description: options.description.trim() } : {}),
    ...(sources.length ? { sources: sources.map((source) => ({ ...(source.title !== undefined ? { title: oneLine(source.title) } : {}), ...(source.url !== undefined ? { url: oneLine(source.url) } : {}) })) } : {}),
    techniques: items.map(({ raw, tactics, evidence, source, report }) => ({
      ref: raw,
      ...(tactics.length ? { tactic: [...tactics] } : {}),
      ...(evidence ? { evidence: evidence.join('\n') } : {}),
      source,
      ...(report ? { report: report.length === 1 ? report[0]! : report } : {}),
    })),
    ...(software.length
      ? { software: software.map((object) => ({ ref: object.written, comment: oneLine(`${object.note}; named at ${placesOf(object)}; NEEDS REVIEW`) })) }
      : {}),
  });
  // The skeleton is what the analyst reviews: what resolving a reference warned of (an ID and a name that disagree, a
  // tactic the technique does not have) stands above it, one comment line each, which reading the file ignores; so
  // does why a reference places no technique (an unknown ID, a deprecated one, another domain's), its resolution's note.
  const techniqueItems = doc.get('techniques');
  if (YAML.isSeq(techniqueItems)) {
    for (const [i, { ref }] of refs.entries()) {
      const comments = [...new Set(ref.resolution?.warnings ?? [])].map((warning) => ` warning: ${oneLine(warning)}`);
      const { status, note } = ref.resolution ?? {};
      if (status && note && UNRESOLVED_STATUSES.includes(status) && !ref.resolution?.warnings.includes(note)) comments.push(` not resolved (${status}): ${oneLine(note)}`);
      // A reference read as another technique than its ID (the parent's ID beside a sub-technique's full name) says so.
      const read = readAsOther(ref);
      if (read) comments.push(` note: ${oneLine(read)}`);
      // Under `extract --actor`, a technique that only an actor attributed to the chosen one used (a campaign of the group)
      // says so: the analyst decides whether it belongs to the campaign being written.
      if (ref.usedBy) {
        const own = options.actor === undefined || ref.usedBy.includes(options.actor);
        comments.push(` used by: ${oneLine(ref.usedBy.join(', '))}${own ? '' : `, attributed to ${oneLine(options.actor!)}; not by ${oneLine(options.actor!)}'s own uses relationships`}`);
      }
      // Merged from several files, each place names its file (`from: APT29-Day1.B.yaml step 9.B.1 …`).
      comments.push(...(items[i]!.from ?? []).map((place) => ` from: ${oneLine(place)}`));
      const item = techniqueItems.items[i];
      if (comments.length && YAML.isNode(item)) item.commentBefore = comments.join('\n');
    }
  }
  // Software a structured input names (a MISP event's clusters and tags) says each place, as its techniques do.
  const softwareItems = doc.get('software');
  if (YAML.isSeq(softwareItems)) {
    for (const [i, object] of software.entries()) {
      const item = softwareItems.items[i];
      if (object.from?.length && YAML.isNode(item)) item.commentBefore = object.from.map((place) => ` from: ${oneLine(place)}`).join('\n');
    }
  }
  if (passingSoftware.length) {
    const lines = passingSoftware.map((object) => ` software named only in passing (not proposed): ${oneLine(object.note)}, at ${placesOf(object)}`);
    const pair = doc.contents && YAML.isMap(doc.contents) ? doc.contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === 'software') : undefined;
    if (pair && YAML.isScalar(pair.key)) pair.key.commentBefore = lines.join('\n');
    else doc.comment = lines.join('\n');
  }
  if (actor) {
    const pair = doc.contents && YAML.isMap(doc.contents) ? doc.contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === 'actor') : undefined;
    const others = objects.filter((object) => object !== actor && object.kind !== 'software');
    if (pair && YAML.isScalar(pair.key)) {
      pair.key.commentBefore = [
        ` Named in the report${several ? 's' : ''} (review): ${oneLine(actor.note)}, at ${placesOf(actor)}`,
        ...(actorName(actor) !== actor.written ? [` written "${oneLine(actor.written)}" in the report: actor: is ATT&CK's spelling of ${actor.id}'s ${actorSpelling(actor).of}`] : []),
        ...others.map((object) => ` also named: ${object.kind} ${oneLine(object.note)}, at ${placesOf(object)}`),
      ].join('\n');
    }
  } else if (guess?.doubt) {
    // No confident guess: the groups and campaigns named stand above `techniques:`, for the analyst to choose from.
    const pair = doc.contents && YAML.isMap(doc.contents) ? doc.contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === 'techniques') : undefined;
    const candidates = objects.filter((object) => object.kind !== 'software');
    if (pair && YAML.isScalar(pair.key)) {
      pair.key.commentBefore = [
        ` actor: not proposed (${guess.doubt}${guess.examples ? '' : ': it may be named only in passing'}); write the group the report is about as actor:`,
        ...candidates.map((object) => ` named: ${object.kind} ${oneLine(object.note)}, at ${placesOf(object)}`),
      ].join('\n');
    }
  }
  // Without a title or url (standard input), the entry to fill stands where `sources:` would, above `techniques:`.
  if (!sources.length && doc.contents && YAML.isMap(doc.contents)) {
    const next = doc.contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === 'techniques');
    if (next && YAML.isScalar(next.key)) {
      next.key.commentBefore = [
        ' sources: the report was read from standard input, with no title: write its title and url (a technique\'s report: names it)',
        '   - title: ""',
        '     url: ""',
        ...(next.key.commentBefore ? [next.key.commentBefore] : []),
      ].join('\n');
    }
  }
  doc.commentBefore = [
    ` Extracted by attack-layers from ${reportFile}: NEEDS REVIEW before use.`,
    ' Check every ref against the report (source: file:line), fix names and tactics, delete false matches.',
    ...[...new Set(options.notes ?? [])].map((note) => ` note: ${oneLine(note)}`),
  ].join('\n');
  YAML.visit(doc, {
    Pair(_key, pair) {
      if (YAML.isScalar(pair.key) && pair.key.value === 'tactic' && YAML.isSeq(pair.value)) pair.value.flow = true;
    },
    // A wrapped table cell stays as written (the campaign format keeps refs verbatim), as a readable block.
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    },
  });
  // Of several reports, each one's suggestions stand under a line naming it.
  const suggestedLines = reports.flatMap((report) => {
    const lines = suggestionLines(report.suggestions ?? [], oneLine(report.reportFile), several && report.source ? sourceName(report.source) : undefined);
    return several && lines.length ? [` From ${oneLine(report.reportFile)}${report.source ? ` (report: ${sourceName(report.source)})` : ''}:`, ...lines] : lines;
  });
  if (suggestedLines.length) {
    // Right after the techniques' items, so that an entry uncommented where it stands is one of them.
    const empty = !refs.length;
    const block = [
      ` Suggested for sentences that cite no ID (not accepted): to accept one, uncomment its entry (\`  - {ref: …}\`), which` +
        ` then stands under techniques:${empty ? ', after writing `techniques:` for `techniques: []`' : ''}`,
      ...suggestedLines,
    ].join('\n');
    const pairs = doc.contents && YAML.isMap(doc.contents) ? doc.contents.items : [];
    const next = pairs[pairs.findIndex((pair) => YAML.isScalar(pair.key) && pair.key.value === 'techniques') + 1];
    if (next && YAML.isScalar(next.key)) next.key.commentBefore = [block, ...(next.key.commentBefore ? [next.key.commentBefore] : [])].join('\n');
    else doc.comment = block;
  }
  return doc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

/** The comment lines of one report's suggestions. */
// Each passage's line and text, then each candidate as the technique entry it would be (`report` with several reports),
// its name, score and why after it, so that the analyst reads what was suggested for what and accepts one by
// uncommenting it.
// A passage said again (a page's running header in pdftotext's output) is suggested once, with the lines it recurs at.
// A passage whose first suggestion rests on one word (a heading, a byline, boilerplate) is counted, not listed: the
// skeleton is what the analyst edits, and `suggest` lists them all.
// So is advice to defenders (a list of mitigations): its candidates are what it guards against.
function suggestionLines(suggestions: readonly PassageSuggestions[], reportFile: string, report?: string): string[] {
  const withCandidates = suggestions.filter((passage) => passage.candidates.length);
  const oneWord = withCandidates.filter((passage) => passage.wordsInCommon === 1 && !passage.advice);
  const advice = withCandidates.filter((passage) => passage.advice);
  const byText = passagesByText(withCandidates);
  const suggested = withCandidates.flatMap((passage) => {
    const [first, ...again] = byText.get(passage.text)!;
    if (first !== passage || passage.wordsInCommon === 1 || passage.advice) return [];
    const also = again.length ? ` (also at line${again.length > 1 ? 's' : ''} ${again.map((p) => p.line).join(', ')})` : '';
    const text = oneLine(passage.text);
    // How the passage was read (Japanese through the glossary, a language not supported) goes with each suggestion.
    const read = passage.note ? `; ${oneLine(passage.note)}` : '';
    const source = JSON.stringify(`${reportFile}:${passage.line}`);
    return [
      ` line ${passage.line}${also}: ${text.length > 160 ? `${text.slice(0, 159)}…` : text}`,
      ...passage.candidates.map(
        (c) =>
          `   - {ref: ${JSON.stringify(c.id)}, source: ${source}${report === undefined ? '' : `, report: ${JSON.stringify(report)}`}}` +
          `  # suggested: ${oneLine(`${c.id} ${c.name} (score ${c.score}, because ${c.why})`)}${read}`,
      ),
    ];
  });
  const skippedLine = (passages: readonly PassageSuggestions[], why: (one: boolean) => string): string[] => {
    if (!passages.length) return [];
    const lines = [...new Set(passages.map((passage) => passage.line))];
    const one = passages.length === 1;
    return [
      ` (${passages.length} more passage${one ? '' : 's'}, at line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}, ${why(one)}: ` +
        `${suggestCommand(reportFile)} lists them)`,
    ];
  };
  const skipped = [
    ...skippedLine(oneWord, (one) => `got suggestions that rest on one word of ${one ? 'it' : 'them'}`),
    ...skippedLine(advice, (one) => `${one ? 'advises' : 'advise'} defenders (recommendations, not what an adversary did)`),
  ];
  return [...suggested, ...skipped];
}

/**
 * A reference's `evidence:` field: each text its input saw of the use (a table's Use cell, an Attack Flow action's
 * description, a bundle relationship's), one per line. A line the item's `source:` cites is not said again, so that a
 * quote from the reference's own line is its text alone, and one from elsewhere keeps its place and quotes (`line 7:
 * "the cell"`, a bundle's `campaign SolarWinds Compromise (C0024): "…"`).
 */
function evidenceText(ref: ReportReference): string {
  const cited = new Set(citedLines(ref));
  return (ref.evidence ?? []).map((said) => oneLine((said.line === undefined || cited.has(said.line)) && !said.by ? said.text : evidenceLine(said, cited))).join('\n');
}

/**
 * The command that lists every passage of a report, ready to paste into a shell: the file as one shell word (`'APT32
 * report.txt'` was written unquoted), standard input (the report `stdin`) as `-` on the same text, where it said
 * `attack-layers suggest stdin`, which reads a file of that name.
 */
function suggestCommand(reportFile: string): string {
  return reportFile === 'stdin' ? '`attack-layers suggest -`, given the same text,' : `\`attack-layers suggest ${shellWord(oneLine(reportFile))}\``;
}

/** Names and file names go into one-line places (a comment, `name:`, `source:`). */
function oneLine(text: string): string {
  return joinLines(text.trim());
}
