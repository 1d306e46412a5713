import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file and link under a folder, as paths relative to it, sorted (folders are walked, not listed); `walk` says
 * which folders to go into (by name).
 */
export function listTree(root: string, walk: (name: string) => boolean = () => true): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (walk(entry.name)) visit(path);
      } else found.push(relative(root, path));
    }
  };
  visit(root);
  return found.sort();
}
