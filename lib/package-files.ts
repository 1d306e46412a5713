import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
let packageJsonUrl: URL | undefined;

/**
 * The URL of a file shipped in the package (`schemas/...`, `attack-data/...`), found through the package's own name
 * so that it resolves from `lib/`, `dist/` and the bundled CLI (`dist/cli/`) alike.
 */
export function packageFileUrl(relative: string): URL {
  packageJsonUrl ??= pathToFileURL(require.resolve('attack-layers/package.json'));
  return new URL(relative, packageJsonUrl);
}
