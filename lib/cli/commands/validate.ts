import { AttackDataError, errorConsequences, InputError, listLayerFiles, nearestRelease, domainReleases, parseJsonAs, readTextFile, validateLayer, inputName, type AttackIndex, type Domain, type LayerFinding } from '../../index.js';
import { linesPerKind, ofHiddenTechniques, PROBLEMS_LISTED, SHOWN_PER_KIND } from '../repeated-lines.js';
import { attackLibrary, note, printJson, readStdin, showsProgress, type CliContext, type GlobalArgs } from '../context.js';
import type { CommandDeclaration } from '../options.js';

interface Args extends GlobalArgs {
  layers: string[];
  json?: boolean;
}

export const declaration: CommandDeclaration = {
  positionals: {
    layers: { type: 'string', array: true, describe: 'layer files (a layer or an array of layers each), folders of them, or - for standard input', demandOption: true },
  },
  shared: { json: 'print JSON: one object per file with its findings' },
  examples: [
    ['$0 validate layers/', 'no output and exit 0 when every layer loads in Navigator as is'],
    ['$0 validate old.json --attack-release 14.1 --json', 'check against a given release'],
  ],
};

/** The findings of one file. */
export interface FileFindings {
  file: string;
  errors: number;
  warnings: number;
  findings: LayerFinding[];
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    const stdin = await readStdin(context, args.layers);
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
    const results: FileFindings[] = listLayerFiles(args.layers).map(({ path }) => {
      const file = inputName(path);
      let findings: LayerFinding[];
      try {
        findings = validateLayer(parseJsonAs(readTextFile(path, path, { stdin }), file, ['layer']), { attackFor, newest, nearest, releases, file, ...(release ? { release } : {}) });
      } catch (error) {
        // A release asked for that is not here is no fault of the file: the run stops (exit 1).
        if (!(error instanceof InputError) || error instanceof AttackDataError) throw error;
        findings = [{ severity: 'error', code: 'schema', path: '/', message: error.message }];
      }
      return {
        file,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        findings,
      };
    });
    if (args.json) printJson(context, results);
    else {
      // Findings of one kind (35 revoked IDs) are listed a few at a time; --json keeps every one. Schema errors are
      // each a place to mend: listed up to PROBLEMS_LISTED.
      const finding = (f: LayerFinding) => `${f.severity}: ${f.code}: ${f.message}`;
      const more = (f: LayerFinding, hidden: number, rest: readonly LayerFinding[]) =>
        `${f.severity}: ${f.code}: and ${hidden} more of this kind${ofHiddenTechniques(rest.map((other) => other.message))} (--json lists every one)`;
      const shown = (kind: string) => (kind === 'error schema' ? PROBLEMS_LISTED : SHOWN_PER_KIND);
      for (const result of results) {
        for (const line of linesPerKind(result.findings, (f) => `${f.severity} ${f.code}`, finding, more, shown)) context.stdout.write(`${line}\n`);
      }
    }
    const errors = results.reduce((sum, r) => sum + r.errors, 0);
    const warnings = results.reduce((sum, r) => sum + r.warnings, 0);
    const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
    if (errors || warnings) note(context, args, `${files}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    // On a terminal, a clean run says so (piped, it stays silent: no output is the answer).
    else if (showsProgress(context, args)) note(context, args, `${files}: no findings`);
    if (errors) throw new InputError(`${errors} error${errors === 1 ? '' : 's'} in ${results.filter((r) => r.errors).map((r) => r.file).join(', ')}: ${errorConsequences(results.flatMap((r) => r.findings))}`);
  };
}
