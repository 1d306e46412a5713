import { repairMessage, type LayerRepair } from './repair-layer.js';
import { markdownCell as cell, markdownCode, markdownMessage as message, markdownMessageCell as messageCell, markdownText as text } from '../table-text.js';
import { firstFew } from '../short-list.js';
import { gradientWords, type GradientRange } from './score-range.js';
import type { GivenAs } from '../errors.js';

/** What happened to one technique entry of an upgraded layer. An entry with no `changes` was kept as it was. */
export type EntryChange =
  /** The technique now has another ID: it was revoked (replaced) or the same STIX object got a new ID. */
  | 'remapped'
  /** Same ID, but the technique's name changed between the releases. */
  | 'renamed'
  /** Its tactic no longer applies; the annotation moved to the technique's current tactic(s). */
  | 'moved-tactic'
  /**
   * Its tactic was written as a TA ID (`TA0005`), or as a TA ID and a name that name two tactics of the release
   * (`TA0002: Persistence`): it was read, in the release, as the tactic the note names (or as none), which is what `to` holds.
   */
  | 'tactic-read'
  /** It landed on a technique and tactic that another entry has too; the two became one. */
  | 'merged'
  /**
   * Left out of the layer: deprecated, revoked without a replacement, absent from the target release, of another
   * domain, not an ATT&CK ID of either release, or with no usable technique ID (none, a PRE-ATT&CK ID) or tactic. Its
   * entry is kept in the layer's metadata.
   */
  | 'removed'
  /** Written again, as it was, from the entries a downgrade merged into one (their "merged by downgrade" items), one row each. */
  | 'split'
  /** Written again, as it was, from the layer metadata item that kept it when an upgrade or a downgrade removed it. */
  | 'restored';

/** A technique and tactic an entry became. */
export interface EntryTarget {
  techniqueID: string;
  tactic?: string;
  name?: string;
  /** Position of the entry in the upgraded layer's `techniques`. */
  at: number;
}

/** The fate of one technique entry of the input layer. */
export interface EntryUpgrade {
  /** JSON pointer of the entry in the input layer, e.g. `/techniques/3`. */
  path: string;
  techniqueID: string;
  tactic?: string;
  /** The technique's name in the release it was matched in. */
  name?: string;
  /** What changed, in the order it was done; empty when the entry was kept as it was. */
  changes: EntryChange[];
  /** Where the annotation is now; empty when removed. */
  to: EntryTarget[];
  /** Techniques on a revocation chain between the old ID and the new one. */
  via?: string[];
  /** For a removed deprecated technique: the current techniques its description points to. */
  candidates?: Array<{ techniqueID: string; name: string }>;
  /** Human sentences, one per change. */
  notes: string[];
  /**
   * Those of `notes` that another entry's note says already: each entry of a merge notes the entries it merged with,
   * and the merge's first entry says it for all, so `upgradeMessages` gives one line per merge. Absent when none.
   */
  repeated?: string[];
  /** A removed entry as it was (unless it was `{}` or not an object), so that its annotation is never lost. */
  removedEntry?: Record<string, unknown>;
}

/** A change to the layer outside its techniques (format fields, versions, filters, layout). */
export interface SettingChange {
  path: string;
  message: string;
}

/** Counts of a layer report, by kind of change (`kept` counts entries with none). */
export type UpgradeCounts = Record<'kept' | EntryChange, number>;

/** Everything `upgradeLayer` did to one layer. */
export interface LayerUpgradeReport {
  /** The file (and layer number, in a file of several) the layer came from. */
  source: string;
  name: string;
  from: {
    /** The layer format the input states (`3.0`), if any. */
    format?: string;
    /** The ATT&CK version the input states (`versions.attack`), if any. */
    attack?: string;
    /** The release the input's techniques were looked up in (`enterprise-attack 8.2`), when it was available. */
    matchedIn?: string;
  };
  to: { format: string; attack: string };
  /** Set when the target is older than the layer's release (`upgrade --to 6.3` of an ATT&CK 18 layer): said as a downgrade. */
  downgrade?: true;
  /** Faults of the layer as read that were repaired first (paths into the layer as read). */
  repairs: LayerRepair[];
  settings: SettingChange[];
  techniques: EntryUpgrade[];
  /**
   * Entries of the upgraded layer whose score lies outside its gradient (`validate`'s `score-out-of-range`), kept as
   * written: Navigator colours such a score as the gradient's end; widening the gradient is the fix.
   */
  scoresOutOfRange: Array<{ path: string; techniqueID: string; score: number; range: GradientRange; message: string }>;
  counts: UpgradeCounts;
  /** True when the upgraded layer differs from the input in any field. */
  changed: boolean;
}

const COUNT_KEYS = ['kept', 'remapped', 'renamed', 'tactic-read', 'moved-tactic', 'merged', 'removed', 'split', 'restored'] as const;

/**
 * Count the entries of the input by kind of change. An entry whose tactic list the repair split (one report per tactic,
 * all at its path) counts once, with the changes of its parts; a part left out of it is not the entry removed.
 */
export function countChanges(techniques: readonly EntryUpgrade[]): UpgradeCounts {
  const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as UpgradeCounts;
  const byPath = new Map<string, EntryUpgrade[]>();
  for (const entry of techniques) {
    const parts = byPath.get(entry.path);
    if (parts) parts.push(entry);
    else byPath.set(entry.path, [entry]);
  }
  for (const parts of byPath.values()) {
    const all = parts.length === 1 ? parts[0]!.changes : parts.flatMap((part) => part.changes);
    const kept = parts.some((part) => !part.changes.includes('removed'));
    // Each change once: a few per entry, where a Set per entry cost more than the rest of the count.
    const changes = all.filter((change, at) => all.indexOf(change) === at && !(kept && change === 'removed'));
    if (!changes.length) counts.kept++;
    for (const change of changes) counts[change]++;
  }
  return counts;
}

/**
 * The scores of `report.scoresOutOfRange` as one line for stderr, where `upgrade` without `--report` says what it did
 * (undefined when there are none): how many, the first few with their score, and what to do; the report and `validate`
 * give each one's note. `givenAs`: the CLI's words (`command`: `validate` and `--report`), by default a program's
 * (`validateLayer` and the report's `scoresOutOfRange`).
 */
export function scoresOutOfRangeLine(report: LayerUpgradeReport, givenAs?: GivenAs): string | undefined {
  const found = report.scoresOutOfRange;
  if (!found.length) return undefined;
  // One layer has one gradient: every entry carries the same range.
  const { gradient, widen } = gradientWords(found[0]!.range);
  const many = found.length > 1;
  return (
    `/gradient: ${found.length} score${many ? 's' : ''} outside ${gradient}, kept as written ` +
    `(${firstFew(found.map(({ techniqueID, score }) => `${techniqueID} ${score}`))}): Navigator colours ${many ? 'them' : 'it'} as the gradient's nearest end ` +
    `(an entry's own colour, if it has one); ${widen} or fix the score${many ? 's' : ''} ` +
    (givenAs?.command ? "(validate's score-out-of-range, and --report, say each)" : "(validateLayer's score-out-of-range, and the report's scoresOutOfRange, say each)")
  );
}

/** One line per change of a layer (one per merge), each starting with the JSON pointer it concerns (for stderr and library users). */
export function upgradeMessages(report: LayerUpgradeReport): string[] {
  return [
    ...report.repairs.map(repairMessage),
    ...report.settings.map((change) => `${change.path}: ${change.message}`),
    ...report.techniques.flatMap((entry) => entry.notes.filter((note) => !entry.repeated?.includes(note)).map((note) => `${entry.path}: ${note}`)),
  ];
}

/**
 * A one-line summary of a layer's report: `12 kept, 3 remapped, 1 removed`; a downgrade says so first
 * (`downgraded to enterprise-attack 6.3: 5 remapped, 3 merged`).
 */
export function summarizeUpgrade(report: LayerUpgradeReport): string {
  return `${report.downgrade ? `downgraded to ${report.to.attack}: ` : ''}${countsText(report)}`;
}

function countsText(report: LayerUpgradeReport): string {
  const parts = COUNT_KEYS.filter((key) => report.counts[key] > 0).map((key) => `${report.counts[key]} ${key.replace('-', ' ')}`);
  return `${parts.join(', ') || 'no techniques'}${report.changed ? '' : ' (unchanged)'}`;
}

function entryLabel(id: string, tactic: string | undefined, name: string | undefined): string {
  return `${id}${name ? ` ${name}` : ''}${tactic ? ` (${tactic})` : ''}`;
}

/** The upgrade reports of a run as Markdown: per layer a summary, the setting changes and a table of every entry. */
export function formatUpgradeMarkdown(reports: readonly LayerUpgradeReport[]): string {
  const lines: string[] = [`# Layer ${reports.length && reports.every((report) => report.downgrade) ? 'downgrade' : 'upgrade'} report`, ''];
  const changed = reports.filter((report) => report.changed).length;
  lines.push(`${reports.length} layer${reports.length === 1 ? '' : 's'}, ${changed} changed.`, '');
  for (const report of reports) {
    lines.push(`## ${text(report.name || '(unnamed layer)')} — ${text(report.source)}`, '');
    const from = [report.from.format && `format ${report.from.format}`, report.from.attack && `ATT&CK ${report.from.attack}`]
      .filter(Boolean)
      .join(', ');
    lines.push(
      text(
        `${report.downgrade ? 'Downgraded from' : 'From'} ${from || 'an unstated format and release'} to format ${report.to.format}, ${report.to.attack}` +
          (report.from.matchedIn ? `; techniques matched in ${report.from.matchedIn}` : '') +
          `. ${countsText(report)}.`,
      ),
      '',
    );
    if (report.repairs.length) {
      lines.push('Repaired as read:', '');
      for (const repair of report.repairs) lines.push(`- ${repair.path ? `${markdownCode(repair.path)}: ` : ''}${message(repair.repair)}`);
      lines.push('');
    }
    if (report.settings.length) {
      lines.push('Settings:', '');
      for (const change of report.settings) lines.push(`- ${markdownCode(change.path)}: ${message(change.message)}`);
      lines.push('');
    }
    const changedEntries = report.techniques.filter((entry) => entry.changes.length);
    if (changedEntries.length) {
      lines.push('| entry | technique | change | now | note |', '|---|---|---|---|---|');
      for (const entry of changedEntries) {
        const now = entry.to.map((t) => `${entryLabel(t.techniqueID, t.tactic, undefined)} at /techniques/${t.at}`).join('; ') || '—';
        lines.push(
          `| \`${entry.path}\` | ${cell(entryLabel(entry.techniqueID, entry.tactic, entry.name))} | ${messageCell(entry.changes.join(', '))} | ` +
            `${cell(now)} | ${messageCell(entry.notes.join('; '))} |`,
        );
      }
      lines.push('');
    }
    if (report.scoresOutOfRange.length) {
      lines.push('Scores outside the gradient, kept as written (paths in the upgraded layer):', '');
      for (const found of report.scoresOutOfRange) lines.push(`- ${markdownCode(found.path)}: ${message(found.message)}`);
      lines.push('');
    }
    const kept = report.techniques.filter((entry) => !entry.changes.length);
    if (kept.length) {
      lines.push(`Kept as ${kept.length === 1 ? 'it was' : 'they were'} (${kept.length}): ${text(kept.map((entry) => entryLabel(entry.techniqueID, entry.tactic, undefined)).join(', '))}.`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
