/**
 * Releases loaded once per process (lib/attack/loaded-releases.ts): every AttackLibrary that sees the same files shares
 * the indexes loaded, frozen, so that a CLI run or a library call after the first pays nothing to load a release
 * again (the test suite made ~1,100 CLI runs in-process, each loading its releases anew from the index cache).
 */
import { expect } from 'chai';
import { copyFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { AttackLibrary, loadDetection, type AttackDataOptions, type LoadProgress } from '../../lib/index.js';
import { freshTmpDir, stixFile } from '../helpers/attack.js';

/** A folder of mobile 18.1 and 9.0 (small releases) with its own cache folder, as a library user points at it. */
function mobileFolder(label: string): AttackDataOptions {
  const dir = freshTmpDir(label);
  for (const name of ['mobile-attack-18.1.json.gz', 'stix21/mobile-attack-9.0.json.gz']) copyFileSync(stixFile(name), join(dir, name.replace('stix21/', '')));
  return { envDir: dir, cacheDir: join(dir, 'cache'), snapshot: false };
}

const steps = (progress: LoadProgress[]) => progress.map((step) => step.step);

describe('releases loaded once per process', function () {
  this.timeout(120_000);

  it('a second library that sees the same files gets the release loaded, reporting it as cached', () => {
    const options = mobileFolder('shared-load');
    const first = new AttackLibrary(options).release('mobile-attack', '18.1');
    const progress: LoadProgress[] = [];
    const second = new AttackLibrary({ ...options, onProgress: (step) => progress.push(step) }).release('mobile-attack', '18.1');
    expect(second).to.equal(first);
    const file = join(options.envDir!, 'mobile-attack-18.1.json.gz');
    expect(progress).to.deep.equal([
      { file, origin: 'env', step: 'cached' },
      { file, origin: 'env', step: 'done', label: 'mobile-attack 18.1' },
    ]);
  });

  it("no caller can change what the next one gets: the data, its lazy parts, its history and side data are frozen", () => {
    const options = mobileFolder('frozen-load');
    const index = new AttackLibrary(options).release('mobile-attack', '18.1');
    const seen = (of: typeof index) => {
      const parent = of.allTechniques().find((technique) => of.children(technique.id).length)!;
      return {
        technique: { ...of.allTechniques()[0]!, tactics: [...of.allTechniques()[0]!.tactics] },
        techniques: of.allTechniques().length,
        groups: of.data.groups.length,
        aliases: [...of.data.groups[0]!.aliases],
        source: of.data.source.file,
        history: [...of.history!()].map((older) => older.label),
        children: of.children(parent.id).length,
        mitigations: loadDetection(of, { cacheDir: options.cacheDir as string }).mitigations.length,
      };
    };
    const before = seen(index);
    expect(before.history).to.deep.equal(['mobile-attack 9.0']);
    const technique = index.allTechniques()[0]!;
    const parent = index.allTechniques().find((t) => index.children(t.id).length)!;
    const writes: [string, () => unknown][] = [
      // @ts-expect-error: the records an index hands out are read-only, a write is a type error too
      ['a technique name', () => (technique.name = 'Changed')],
      ['the technique list', () => (index.data.techniques as unknown[]).push({})],
      // @ts-expect-error: the records an index hands out are read-only, a write is a type error too
      ['a tactic list', () => technique.tactics.push('impact')],
      // @ts-expect-error: the records an index hands out are read-only, a write is a type error too
      ['the groups (read lazily from the cache)', () => (index.data.groups = [])],
      // @ts-expect-error: the records an index hands out are read-only, a write is a type error too
      ["a group's aliases", () => index.data.groups[0]!.aliases.push('Changed')],
      // @ts-expect-error: the records an index hands out are read-only, a write is a type error too
      ['the source', () => (index.data.source.file = 'elsewhere.json')],
      ['the history', () => (index.history = () => [])],
      ['a lookup list', () => (index.children(parent.id) as unknown[]).pop()],
      ['the detection data', () => (loadDetection(index, { cacheDir: options.cacheDir as string }).mitigations as unknown[]).pop()],
    ];
    // In strict code (an ES module) each write throws; test files are loaded as CommonJS, where it is ignored.
    for (const [, write] of writes) {
      try {
        write();
      } catch (error) {
        expect(error).to.be.instanceOf(TypeError);
      }
    }
    expect(seen(new AttackLibrary(options).release('mobile-attack', '18.1'))).to.deep.equal(before);
  });

  it('a file changed since (size, mtime) is loaded again; shareLoaded: false loads afresh', () => {
    const options = mobileFolder('changed-load');
    const first = new AttackLibrary(options).release('mobile-attack', '18.1');
    utimesSync(join(options.envDir!, 'mobile-attack-18.1.json.gz'), 1_700_000_000, 1_700_000_000);
    const progress: LoadProgress[] = [];
    const again = new AttackLibrary({ ...options, onProgress: (step) => progress.push(step) }).release('mobile-attack', '18.1');
    expect(again).to.not.equal(first);
    expect(steps(progress)).to.deep.equal(['read', 'cached', 'done']);
    const own: LoadProgress[] = [];
    const fresh = new AttackLibrary({ ...options, shareLoaded: false, onProgress: (step) => own.push(step) }).release('mobile-attack', '18.1');
    expect(fresh).to.not.equal(again);
    expect(steps(own)).to.deep.equal(['cached', 'done']);
  });
});
