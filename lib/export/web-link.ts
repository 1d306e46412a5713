import type { LayerLink } from '../layer/layer-types.js';

/** A layer link that is safe to make clickable: a web or mail address, never `javascript:` or `data:`. */
export type WebLink = { label: string; url: string };

/** Whether a link (not a divider) points to a web or mail address, the only links an export makes clickable. */
export function isWebLink(link: LayerLink): link is LayerLink & WebLink {
  return !('divider' in link) && /^(https?|mailto):/i.test(link.url);
}
