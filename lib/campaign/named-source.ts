import type { CampaignSource } from './campaign-types.js';

// A url is named with or without its scheme (`report: www.example.com/a` names `https://www.example.com/a`, as read).
function key(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase().replace(/^https?:\/\//, '');
}

/** The source of `sources` a technique's `report:` names: by its url or its title, case and spacing aside. */
export function namedSource(sources: readonly CampaignSource[], report: string): CampaignSource | undefined {
  return sources.find((source) => key(source.url) === key(report) || (source.title !== undefined && key(source.title) === key(report)));
}
