import type { CampaignSource } from './campaign-types.js';

function key(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The source of `sources` a technique's `report:` names: by its url or its title, case and spacing aside. */
export function namedSource(sources: readonly CampaignSource[], report: string): CampaignSource | undefined {
  return sources.find((source) => key(source.url) === key(report) || (source.title !== undefined && key(source.title) === key(report)));
}
