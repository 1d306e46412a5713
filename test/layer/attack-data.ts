import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttackLibrary } from '../../lib/attack/load.js';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import type { Domain } from '../../lib/attack/types.js';

/** The real ATT&CK releases of `../shared/attack-stix`, through ATTACK_STIX_DIR, with an index cache shared by the run. */
export function attackLibrary(): AttackLibrary {
  const envDir = process.env['ATTACK_STIX_DIR'];
  if (!envDir) throw new Error('set ATTACK_STIX_DIR to the folder of ATT&CK release files (../shared/attack-stix)');
  return new AttackLibrary({ envDir, cacheDir: join(tmpdir(), 'attack-layers-test-cache') });
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
