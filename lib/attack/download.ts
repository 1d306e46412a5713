import { AttackDataError, AttackLayersError } from '../errors.js';

/** The largest release file accepted by default, downloaded or once decompressed: 256 MB (ATT&CK 18.1 is 33 MB). */
export const DEFAULT_MAX_BYTES = 256 * 2 ** 20;
/** How long a server may send nothing before a download is given up, by default: 60 s. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;

/** Limits and callbacks of one download. */
export interface DownloadOptions {
  /** The largest body accepted, in bytes (default `DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
  /** Milliseconds without data after which the download is given up (default `DEFAULT_IDLE_TIMEOUT_MS`). */
  idleTimeoutMs?: number;
  /** Each piece of the body as it arrives, in order. */
  onChunk: (chunk: Uint8Array) => void;
  /** Bytes received so far and the total when the server says it. */
  onProgress?: (received: number, total: number | undefined) => void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Whether an address is plain HTTP to this machine (tests serve files from 127.0.0.1): the only HTTP a download takes. */
export const isLoopbackHttp = (url: URL): boolean => url.protocol === 'http:' && LOOPBACK.has(url.hostname);

/** A megabyte count for messages (`256 MB`). */
const megabytes = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;

/** A release over the size limit: `what` says what is too large (`the download is`, `the gzip data inflates to`). */
export const tooLargeError = (file: string, what: string, maxBytes: number): AttackDataError =>
  new AttackDataError(
    `${file}: ${what} larger than ${megabytes(maxBytes)}, the limit (an ATT&CK release is ~35 MB); ` +
      'if this file is genuine, raise the limit with --max-size <MB>',
    { file },
  );

/**
 * Download `url` piece by piece (never the whole body in memory here), over HTTPS only: every redirect is followed
 * by hand and checked like the first address. Plain HTTP is allowed only to a loopback address, and only when the
 * download started there (tests serve files from 127.0.0.1).
 * @throws AttackDataError for a refused address, an HTTP error, a body over the size limit, a stalled server or a
 * network failure, each naming the address and what to do.
 */
export async function download(url: string, options: DownloadOptions): Promise<void> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const start = parseUrl(url, url);
  const allowHttp = isLoopbackHttp(start);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stalled = false;
  const idle = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, idleMs);
  };
  const stalledError = (at: string): AttackDataError =>
    new AttackDataError(
      `${at}: the server sent nothing for ${idleMs < 10_000 ? `${idleMs} ms` : `${Math.round(idleMs / 1000)} s`}; try again later, or download the file yourself and run \`attack-layers data add <file>\``,
    );
  let current = start;
  try {
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'https:' && !(allowHttp && isLoopbackHttp(current))) {
        throw new AttackDataError(
          `${current.href}: refusing to download over ${current.protocol.replace(':', '')}${hop ? ` (a redirect from ${url})` : ''}; ATT&CK data is fetched over HTTPS only`,
        );
      }
      idle();
      let response: Response;
      try {
        response = await fetch(current, { redirect: 'manual', signal: controller.signal });
      } catch (error) {
        if (stalled) throw stalledError(current.href);
        const { cause } = error as Error;
        const reason = cause instanceof Error ? cause.message : String(cause ?? (error as Error).message);
        throw new AttackDataError(`${current.href}: download failed (${reason}); check the network`, { cause: error });
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new AttackDataError(`${url}: more than ${MAX_REDIRECTS} redirects; check the address`);
        current = parseUrl(location, current.href, current);
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new AttackDataError(`${current.href}: download failed with HTTP ${response.status} ${response.statusText}`);
      }
      const total = Number(response.headers.get('content-length')) || undefined;
      const tooLarge = (): AttackDataError => tooLargeError(current.href, 'the download is', maxBytes);
      if (total !== undefined && total > maxBytes) {
        await response.body.cancel();
        throw tooLarge();
      }
      let received = 0;
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          idle();
          received += chunk.byteLength;
          if (received > maxBytes) {
            controller.abort();
            throw tooLarge();
          }
          options.onChunk(chunk);
          options.onProgress?.(received, total);
        }
      } catch (error) {
        if (error instanceof AttackLayersError) throw error;
        if (stalled) throw stalledError(current.href);
        throw new AttackDataError(`${current.href}: the download broke off after ${received} bytes (${(error as Error).message}); try again`, { cause: error });
      }
      return;
    }
  } finally {
    clearTimeout(timer);
  }
}

function parseUrl(text: string, shown: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch (error) {
    throw new AttackDataError(`${shown}: ${JSON.stringify(text)} is not a valid address`, { cause: error });
  }
}
