import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { cachePath } from '../attack/cache-path.js';
import { writeFileAtomic } from '../write-file.js';
import type { RuleFileOutcome } from './read-rule-folder.js';

/**
 * What reading each rule file (Sigma, Splunk, Sentinel, Elastic, Wazuh, Falco, YARA-L, Panther) gave, kept per rule folder in `<cacheDir>/rules/<sha256 of the folder>.v<N>.json`, by
 * the file's path in the folder, size and mtime (as the index cache finds release files): a rule folder read before
 * is read again from the cache, and only new or changed files are parsed. Change RULE_CACHE_FORMAT whenever what
 * `parseRuleFile` returns for a text changes (weights, platform table, messages).
 */
export const RULE_CACHE_FORMAT = 92;

interface CachedFile {
  size: number;
  mtimeMs: number;
  outcome: RuleFileOutcome;
}

interface CacheFile {
  format: number;
  files: Record<string, CachedFile>;
}

/** One rule folder's cache: outcomes by file, looked up by size and mtime, saved when something changed. */
export class RuleCache {
  private readonly path: string;
  private readonly root: string;
  private readonly old: Record<string, CachedFile>;
  private readonly now: Record<string, CachedFile> = {};
  private changed = false;

  constructor(cacheDir: string, dir: string) {
    this.root = resolve(dir);
    const key = createHash('sha256').update(this.root).digest('hex');
    this.path = cachePath(cacheDir, 'rules', `${key}.v${RULE_CACHE_FORMAT}.json`);
    let old: Record<string, CachedFile> = {};
    try {
      const data = JSON.parse(readFileSync(this.path, 'utf8')) as CacheFile;
      if (data.format === RULE_CACHE_FORMAT) old = data.files;
    } catch {
      // No cache yet, or an unreadable one: every file is parsed.
    }
    this.old = old;
  }

  /** The outcome of a file, from the cache when its size and mtime are as they were, else from `read` (and kept). */
  outcome(file: string, read: () => RuleFileOutcome): RuleFileOutcome {
    const name = relative(this.root, resolve(file));
    let stat: { size: number; mtimeMs: number } | undefined;
    try {
      stat = statSync(file);
    } catch {
      return read();
    }
    const known = this.old[name];
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      this.now[name] = known;
      return withFile(known.outcome, file);
    }
    const outcome = read();
    this.now[name] = { size: stat.size, mtimeMs: stat.mtimeMs, outcome };
    this.changed = true;
    return outcome;
  }

  /** Write the cache when a file was parsed or one is gone. Failures are ignored: the cache only saves time. */
  save(): void {
    if (!this.changed && Object.keys(this.old).length === Object.keys(this.now).length) return;
    try {
      writeFileAtomic(this.path, JSON.stringify({ format: RULE_CACHE_FORMAT, files: this.now } satisfies CacheFile), { force: true });
    } catch {
      // A read-only or full cache folder costs speed, not correctness.
    }
  }
}

/** A cached outcome with the rule's file as this run names it (the folder may be given another way). */
function withFile(outcome: RuleFileOutcome, file: string): RuleFileOutcome {
  if ('items' in outcome) return { ...outcome, items: outcome.items.map((item) => ('rule' in item ? { ...item, rule: { ...item.rule, file } } : item)) };
  return 'rule' in outcome ? { ...outcome, rule: { ...outcome.rule, file } } : outcome;
}
