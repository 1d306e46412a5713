/** The generated module's path, from the repository root. */
export declare const OUT: string;
/** The text of lib/attack/release-platforms.gen.ts for the release files of `folder`, loaded with the index cache `cacheDir`. */
export declare function releasePlatformsModule(folder: string, cacheDir?: string): string;
