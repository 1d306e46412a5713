import { readFileSync } from 'node:fs';
import { AttackLibrary } from '../../lib/attack/load.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import type { Domain } from '../../lib/attack/types.js';

/** The real ATT&CK releases of `../shared/attack-stix`, through ATTACK_STIX_DIR, with an index cache shared by the run. */
export function attackLibrary(): AttackLibrary {
  return new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
}

/** `validateLayer`'s `attackFor` over a library: undefined when the release is not there. */
export function attackFor(library: AttackLibrary): (domain: Domain, major: string | undefined) => AttackIndex | undefined {
  return (domain, major) => {
    try {
      return library.release(domain, major);
    } catch {
      return undefined;
    }
  };
}

/** A fixture under test/fixtures/layers/, parsed. */
export function readLayerFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/layers/${name}`, import.meta.url), 'utf8'));
}
