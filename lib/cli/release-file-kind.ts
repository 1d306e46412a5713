import { readFileSync } from 'node:fs';
import { decodeText, kindOf, kindOfValue, NotAReleaseError, parseJsonText, STDIN, STDIN_NAME, wrongKindMessage, type InputKind } from '../index.js';
import { readStdin, type CliContext } from './context.js';

/** What a release file is called in the message, with where to get one. */
const RELEASE = 'an ATT&CK release (a STIX bundle such as enterprise-attack-18.1.json, which `attack-layers data fetch` downloads)';

/**
 * What a file given as an ATT&CK release (`--attack`, `data add`) is instead, as the message of the error that refused
 * it: a campaign, a layer (a hand-edited one too), a report's text... and what to give. The knowledge base does not
 * tell kinds of file (lib/attack sits below input-kind.ts), so the CLI does, reading the file again once it is refused.
 * Undefined when the file is of no kind told here (a release cut short, compressed data, JSON of another kind): the
 * error's own message stands.
 */
export async function notAReleaseMessage(error: NotAReleaseError, context: CliContext): Promise<string | undefined> {
  const file = error.file;
  if (file === undefined) return undefined;
  let bytes: Uint8Array | undefined;
  try {
    bytes = file === STDIN_NAME ? await readStdin(context, [STDIN]) : readFileSync(file);
  } catch {
    return undefined;
  }
  // gzip (1f 8b) and brotli data are read decompressed, which this does not do.
  if (!bytes || (bytes[0] === 0x1f && bytes[1] === 0x8b) || file.toLowerCase().endsWith('.br')) return undefined;
  let text: string;
  try {
    text = decodeText(bytes, file);
  } catch {
    return undefined;
  }
  const kind = kindOf(text) ?? repairedKind(text, file);
  if (kind && kind !== 'stix-bundle') return wrongKindMessage(file, kind, RELEASE);
  if (!kind && !/^\s*[[{]/.test(text) && text.trim() !== '') {
    return `${file}: this is text that is not JSON, not ${RELEASE}; a report's text goes to extract or suggest`;
  }
  return undefined;
}

/** The kind of JSON text a hand edit broke (a layer with comments, which layer readers repair), when it is one. */
function repairedKind(text: string, file: string): InputKind | undefined {
  try {
    return kindOfValue(parseJsonText(text, file, { repair: true }));
  } catch {
    return undefined;
  }
}
