// Kept apart from context.ts, which every command imports: importing the library's index there bundles the whole
// library (the suggestion model among it) into every command's start, where each command should load only its own code.
import { loadSuggestModel, type AttackIndex, type SuggestModel } from '../index.js';
import { cacheDir, progressLine, showsProgress, type CliContext, type GlobalArgs } from './context.js';

/**
 * The suggestion model of a release (`suggest`, `extract --suggest`), read from the cache, or built on a first run
 * (tens of seconds), which a terminal is told by a progress line, cleared once the model is there.
 */
export function suggestModel(context: CliContext, args: GlobalArgs, index: AttackIndex): SuggestModel {
  const progress = showsProgress(context, args);
  let built = false;
  const model = loadSuggestModel(index, {
    cacheDir: cacheDir(context),
    onBuild: () => {
      built = true;
      if (progress) progressLine(context, `building the suggestion model of ${index.label} (once per release)`);
    },
  });
  if (progress && built) progressLine(context, '');
  return model;
}
