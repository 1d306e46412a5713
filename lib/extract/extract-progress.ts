/** How far `extractReport` has read a report: `done` of `total`, in characters of its text. */
export interface ExtractProgress {
  done: number;
  total: number;
}

/** Told how far `extractReport` has read (`ExtractProgress`). */
export type OnExtractProgress = (progress: ExtractProgress) => void;

/**
 * What tells `onProgress` how far a report is read, as a share of the work (0 to 1): at most once per hundredth, each
 * call further than the last, the last one `done === total` (`end`). Without `onProgress`, nothing.
 */
export function progressReporter(total: number, onProgress: OnExtractProgress | undefined): { at: (share: number) => void; end: () => void } {
  let said = -1;
  const at = (share: number): void => {
    if (!onProgress) return;
    const done = Math.min(total, Math.max(0, Math.round(total * share)));
    const hundredth = total ? Math.floor((done * 100) / total) : 100;
    if (hundredth <= said) return;
    said = hundredth;
    onProgress({ done, total });
  };
  return { at, end: () => at(1) };
}
