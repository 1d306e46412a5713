/** A web address a layer may link: http or https, the only schemes Navigator should open from a report's link. */
export const WEB_ADDRESS = /^https?:\/\/[^\s/?#]/i;

/** Whether `url` is a web address a layer we write may link (http or https), not `javascript:`, `data:` or `file:`. */
export const isWebAddress = (url: string | undefined): url is string => url !== undefined && WEB_ADDRESS.test(url.trim());

/**
 * The scheme of an address that runs or embeds code when it is opened (`javascript:`, `vbscript:`, `data:`), as a
 * link of a layer from elsewhere may hold one; undefined for any other.
 */
export const scriptScheme = (url: string): string | undefined => /^\s*(javascript|vbscript|data):/i.exec(url)?.[1]?.toLowerCase();
