import { join, resolve } from 'node:path';
import {
  DOMAINS,
  describeObject,
  layerFileName,
  frequencyLayerFileName,
  loadProcedures,
  locateAttackObject,
  navigatorOpeningWarnings,
  objectRef,
  plural,
  readObjectPlatforms,
  renderAllObjectLayers,
  renderAllObjectsFrequencyLayer,
  renderObjectFrequencyLayer,
  renderObjectLayersByDomain,
  AttackDataError,
  type AttackLibrary,
  type NavigatorLayer,
  type ObjectRelease,
  serializeLayer,
  serializeLayers,
  STDIN,
  UsageError,
  writeLayers,
  type ActorRecord,
  type AttackIndex,
  type AttackObjectKind,
  type Domain,
  type LayerFile,
} from '../../index.js';
import { attackLibrary, FLAG_WORDS, cacheDir, note, progressLine, showsProgress, warn, type CliContext, type GlobalArgs } from '../context.js';
import { noteUnchanged } from '../output-files.js';
import { ALL_KINDS } from '../declarations/attack-object.js';

interface Args extends GlobalArgs {
  objects?: string[];
  all?: keyof typeof ALL_KINDS;
  type?: AttackObjectKind;
  score: 'presence' | 'frequency';
  name?: string;
  campaigns?: boolean;
  platform?: string[];
  out?: string;
  force?: boolean;
}


/** Paths as the user wrote --out, not resolved against the working folder. */
function writeInto(context: CliContext, args: Args, files: readonly LayerFile[]): void {
  for (const warning of navigatorOpeningWarnings(files.map(({ layer }) => layer))) warn(context, args, warning);
  const out = args.out!;
  const outDir = resolve(context.cwd, out);
  const written = new Set(writeLayers(files, outDir, { force: args.force, givenAs: FLAG_WORDS }));
  const shown = (name: string): string => `${out.replace(/[\\/]+$/, '')}/${name}`;
  for (const { name } of files) context.stdout.write(`${shown(name)}\n`);
  noteUnchanged(context, args, files.filter(({ name }) => !written.has(join(outDir, name))).map(({ name }) => shown(name)));
}

/** The platforms of --platform as `index` writes them (undefined without it), each read otherwise than written said on stderr. */
function platformsIn(context: CliContext, args: Args, index: AttackIndex): { platforms?: string[] } {
  if (!args.platform?.length) return {};
  const { platforms, notes } = readObjectPlatforms(args.platform, index);
  for (const line of notes) note(context, args, `note: --platform: ${line}`);
  return { platforms };
}

/** A release with its procedures, each release's loaded once however many objects need it. */
function releaseLoader(context: CliContext): (index: AttackIndex) => ObjectRelease {
  const loaded = new Map<AttackIndex, ObjectRelease>();
  return (index) => {
    let release = loaded.get(index);
    if (!release) loaded.set(index, (release = { index, data: loadProcedures(index, { cacheDir: cacheDir(context) }) }));
    return release;
  };
}

/** The releases of the other domains, and those domains that lack the release asked for, each with why. */
interface OtherReleases {
  releases: ObjectRelease[];
  /** Sandworm Team's mobile and ICS with `--attack-release 17.1`, where only 18.1 is here: the error's text says what to do. */
  missing: Array<{ domain: Domain; why: string }>;
}

/**
 * The releases of the other domains, with their procedures, when no --domain was given: an object's layers go to the
 * domains where it has techniques. A domain with no release here is left out, and named in `missing`.
 */
function otherReleases(args: Args, library: AttackLibrary, index: AttackIndex, load: (index: AttackIndex) => ObjectRelease): OtherReleases {
  const found: OtherReleases = { releases: [], missing: [] };
  if (args.domain !== undefined) return found;
  for (const domain of DOMAINS.filter((each) => each !== index.domain)) {
    try {
      found.releases.push(load(library.release(domain, args['attack-release'])));
    } catch (error) {
      if (!(error instanceof AttackDataError)) throw error;
      found.missing.push({ domain, why: error.message });
    }
  }
  return found;
}

/**
 * The domains lacking the release asked for where the object uses techniques in their newest release here (Sandworm
 * Team's mobile and ICS with `--attack-release 17.1`), said rather than left out without a word; undefined for none.
 */
function missingDomainsLine(object: ActorRecord, missing: OtherReleases['missing'], library: AttackLibrary): string | undefined {
  const used = missing.filter(({ domain }) => {
    try {
      const own = library.release(domain).byStixId(object.stixId);
      return own !== undefined && 'aliases' in own && own.techniques.length > 0;
    } catch (error) {
      if (error instanceof AttackDataError) return false;
      throw error;
    }
  });
  if (!used.length) return undefined;
  const newest = used.map(({ domain }) => library.release(domain).label);
  return `no ${used.map(({ domain }) => domain).join(' or ')} layer of ${objectRef(object)}, which uses techniques in ${newest.join(' and ')}: ${used.map(({ why }) => why).join('; ')}`;
}

function renderAll(context: CliContext, args: Args, kind: AttackObjectKind): void {
  if (args.out === undefined) throw new UsageError(`--all ${args.all} writes one file per object: give the folder with --out`);
  const library = attackLibrary(context, args);
  const index = library.release(args.domain, args['attack-release']);
  const load = releaseLoader(context);
  const { data } = load(index);
  const { releases: others, missing } = otherReleases(args, library, index, load);
  // Objects only those domains know get no layer at all (Sandworm Team's mobile and ICS ones with --attack-release 17.1).
  if (missing.length) note(context, args, `note: no ${kind} layer of ${missing.map(({ domain }) => domain).join(' or ')} is written: ${missing.map(({ why }) => why).join('; ')}`);
  const progress = showsProgress(context, args);
  const result = renderAllObjectLayers(kind, index, data, {
    others,
    campaigns: args.campaigns === true,
    ...platformsIn(context, args, index),
    givenAs: FLAG_WORDS,
    onProgress: progress
      ? (done, total, object) => progressLine(context, `rendering ${done}/${total}: ${objectRef(object)}`)
      : undefined,
  });
  if (progress) progressLine(context, '');
  for (const warning of result.warnings) warn(context, args, warning);
  writeInto(context, args, result.files);
  const { revoked, deprecated } = result.skipped;
  const skipped = [revoked.length && `${revoked.length} revoked (${revoked.join(', ')})`, deprecated.length && `${deprecated.length} deprecated (${deprecated.join(', ')})`]
    .filter(Boolean)
    .join(' and ');
  note(
    context,
    args,
    `wrote ${plural(result.files.length, `${kind} layer`)} for ATT&CK ${[index, ...others.map((o) => o.index)].map((i) => i.label).join(', ')} into ${args.out}` +
      (skipped ? `; skipped ${skipped}` : '') +
      (result.empty.length ? `; ${result.empty.length} empty (${result.empty.join(', ')})` : ''),
  );
  if (result.campaignsLeftOut.length) {
    note(
      context,
      args,
      `note: ${plural(result.campaignsLeftOut.length, 'group layer')} (${result.campaignsLeftOut.join(', ')}) leave out techniques used only in ` +
        "the campaigns ATT&CK attributes to the group (each layer's description says which); --campaigns adds them",
    );
  }
}

/**
 * One layer over every current object of a kind in one domain (--domain, else enterprise), scored by how many use each
 * technique, where `--all` without `--score frequency` writes a layer per object: it wrote those 189 layers before,
 * `--score frequency` unread.
 */
function renderAllFrequency(context: CliContext, args: Args, kind: AttackObjectKind): void {
  const index = attackLibrary(context, args).release(args.domain, args['attack-release']);
  const data = loadProcedures(index, { cacheDir: cacheDir(context) });
  const { layer, warnings, unused, offPlatforms } = renderAllObjectsFrequencyLayer(kind, index, data, { ...(args.name !== undefined ? { name: args.name } : {}), ...platformsIn(context, args, index) });
  for (const warning of warnings) warn(context, args, warning);
  for (const [objects, where] of [[unused, 'there'], [offPlatforms, `that runs on ${layer.filters?.platforms?.join(' or ')}`]] as const) {
    if (!objects.length) continue;
    const one = objects.length === 1;
    note(context, args, `note: ${plural(objects.length, `current ${kind}`)} of ${index.label} ${one ? 'uses' : 'use'} no technique ${where} and ${one ? 'is' : 'are'} not counted (${objects.map(objectRef).join(', ')})`);
  }
  if (args.out !== undefined) {
    writeInto(context, args, [{ name: args.name !== undefined ? layerFileName(args.name) : `${args.all}-frequency.layer.json`, layer }]);
    return;
  }
  for (const warning of navigatorOpeningWarnings([layer])) warn(context, args, warning);
  context.stdout.write(serializeLayer(layer));
}

export function handler(context: CliContext) {
  return (args: Args): void => {
    const queries = args.objects ?? [];
    if (queries.includes(STDIN)) {
      throw new UsageError('- (standard input) is not read by attack-object; name the groups, software or campaigns as arguments, by ID, name or alias (attack-object APT32 S0154 C0021)');
    }
    if (args.all !== undefined) {
      // The overview counts each group as ATT&CK lists it, as mitreattack-python's --overview-type group does.
      if (args.campaigns && args.score === 'frequency') throw new UsageError(`--campaigns is not read by --all ${args.all} --score frequency, which counts each object as ATT&CK lists it; name the groups (attack-object G0016 G0032 --campaigns --score frequency) to count their campaigns`);
      if (args.campaigns && args.all !== 'groups') throw new UsageError(`--campaigns adds the campaigns attributed to a group: use it with --all groups, not --all ${args.all}`);
      if (queries.length) throw new UsageError(`give objects or --all ${args.all}, not both`);
      if (args.score === 'frequency') renderAllFrequency(context, args, ALL_KINDS[args.all]!);
      else renderAll(context, args, ALL_KINDS[args.all]!);
      return;
    }
    if (!queries.length) throw new UsageError('name at least one group, software or campaign (G0050, APT32, S0227, C0021), or use --all groups|software|campaigns');
    if (args.name !== undefined && args.score !== 'frequency') throw new UsageError('--name names the frequency layer: use it with --score frequency');

    const library = attackLibrary(context, args);
    let index: AttackIndex | undefined;
    const objects: ActorRecord[] = [];
    const homes = new Map<ActorRecord, AttackIndex>();
    for (const query of queries) {
      const found = locateAttackObject(library, query, { domain: args.domain, release: args['attack-release'], kind: args.type, givenAs: FLAG_WORDS });
      for (const line of found.notes) note(context, args, `note: ${line}`);
      homes.set(found.object, found.index);
      if (index && found.index !== index && args.score === 'frequency') {
        throw new UsageError(`"${query}" is in ATT&CK ${found.index.label}, the objects before it in ${index.label}: a layer has one domain; render each domain separately`);
      }
      index = found.index;
      if (objects.some((object) => object.stixId === found.object.stixId)) {
        note(context, args, `note: "${query}" is ${objectRef(found.object)} again; counted once`);
      } else objects.push(found.object);
    }
    const notGroup = args.campaigns ? objects.find((object) => object.type !== 'intrusion-set') : undefined;
    if (notGroup) throw new UsageError(`--campaigns adds the campaigns attributed to a group; ${describeObject(notGroup)} is not a group`);
    const rendered: Array<{ layer: NavigatorLayer; warnings: string[]; file: string }> = [];
    if (args.score === 'frequency') {
      const data = loadProcedures(index!, { cacheDir: cacheDir(context) });
      const name = args.name !== undefined ? { name: args.name } : {};
      const frequency = renderObjectFrequencyLayer(objects, index!, data, { ...name, campaigns: args.campaigns === true, givenAs: FLAG_WORDS, ...platformsIn(context, args, index!) });
      for (const line of frequency.notes) note(context, args, `note: ${line}`);
      rendered.push({ ...frequency, file: args.name !== undefined ? layerFileName(args.name) : frequencyLayerFileName(objects) });
    } else {
      const load = releaseLoader(context);
      for (const object of objects) {
        const home = homes.get(object)!;
        const others = otherReleases(args, library, home, load);
        const releases = [load(home), ...others.releases];
        const layers = renderObjectLayersByDomain(object, releases, { campaigns: args.campaigns === true, givenAs: FLAG_WORDS, ...platformsIn(context, args, home) });
        const domains = layers.map((layer) => layer.index.label);
        // Each domain's layer has its own count (Sandworm Team's campaigns use 20 enterprise and 23 ICS techniques).
        for (const layer of layers) for (const line of layer.notes) note(context, args, `note: ${layers.length > 1 ? `${layer.index.label}: ` : ''}${line}`);
        for (const line of layers[0]?.elsewhere ?? []) note(context, args, `note: ${line}`);
        for (const line of layers[0]?.offPlatformDomains ?? []) note(context, args, `note: ${line}`);
        if (layers[0]?.empty) warn(context, args, `${layers[0].empty}: its layer is empty${args.domain === undefined ? '' : '; try another --domain'}`);
        else if (layers.length > 1) note(context, args, `note: ${objectRef(object)} has techniques in ${domains.join(' and ')}: one layer for each`);
        else if (layers[0]?.index !== home) note(context, args, `note: ${objectRef(object)} has techniques only in ${domains[0]}: its layer is for that domain`);
        const missing = missingDomainsLine(object, others.missing, library);
        if (missing) note(context, args, `note: ${missing}`);
        rendered.push(...layers);
      }
    }
    for (const warning of new Set(rendered.flatMap((r) => r.warnings))) warn(context, args, warning);
    if (args.out !== undefined) {
      writeInto(context, args, rendered.map(({ file, layer }) => ({ name: file, layer })));
      return;
    }
    const layers = rendered.map((r) => r.layer);
    for (const warning of navigatorOpeningWarnings(layers)) warn(context, args, warning);
    context.stdout.write(layers.length === 1 ? serializeLayer(layers[0]!) : serializeLayers(layers));
  };
}
