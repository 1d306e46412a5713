/**
 * A campaign's sources as a layer's links. Navigator opens a layer link on a click, so a source's url that is no web
 * address (`javascript:`, `data:`, `vbscript:`, `file:`) must not become one; an address pasted without its scheme
 * (`www.…`) or defanged (`hxxps://…[.]…`) is read as the address it means, and text that is no address keeps its
 * title. The addresses are those of real reports: ESET's "No 'Game over' for the Winnti Group"
 * (https://www.welivesecurity.com/2020/05/21/no-game-over-winnti-group/), CISA's Volt Typhoon advisory AA23-144A
 * (https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-144a) and Mandiant's APT1 report
 * (https://www.mandiant.com/resources/reports/apt1-exposing-one-chinas-cyber-espionage-units).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseCampaign } from '../../lib/campaign/read-campaign.js';
import type { LayerLink, NavigatorLayer } from '../../lib/layer/layer-types.js';
import { renderCampaignLayer } from '../../lib/layer/render-layer.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { normalizeFiles } from '../layer/render-helpers.js';

const WINNTI = 'www.welivesecurity.com/2020/05/21/no-game-over-winnti-group/';
const CISA = 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-144a';
const APT1 = 'https://www.mandiant.com/resources/reports/apt1-exposing-one-chinas-cyber-espionage-units';

const CAMPAIGN = `name: Source addresses
domain: enterprise
sources:
  - url: javascript:alert(document.domain)
    title: "ESET: No 'Game over' for the Winnti Group"
  - ${WINNTI}
  - url: see report
    title: Volt Typhoon advisory (AA23-144A)
  - data:text/html,<script>alert(1)</script>
  - url: vbscript:msgbox(1)
  - url: file:///C:/reports/apt1.pdf
    title: APT1 (local copy)
  - hxxps://www.cisa[.]gov/news-events/cybersecurity-advisories/aa23-144a
  - ${APT1}
techniques:
  - ref: T1059.001
    report: ${WINNTI}
  - ref: T1105
    report: Volt Typhoon advisory (AA23-144A)
`;

/** Every link of a layer, its own and its techniques'. */
const allLinks = (layer: NavigatorLayer): LayerLink[] => [...(layer.links ?? []), ...(layer.techniques ?? []).flatMap((entry) => entry.links ?? [])];
const urls = (layer: NavigatorLayer): string[] => allLinks(layer).flatMap((link) => ('url' in link ? [link.url] : []));

describe('regression: campaign sources as layer links', () => {
  it('reads every source, a url that is no web address left out and its title kept', () => {
    const campaign = parseCampaign(CAMPAIGN, 'c.yaml');
    expect(campaign.leftOut).to.equal(undefined);
    expect(campaign.sources).to.deep.equal([
      { title: "ESET: No 'Game over' for the Winnti Group" },
      { url: `https://${WINNTI}` },
      { title: 'Volt Typhoon advisory (AA23-144A)' },
      { title: 'data:text/html,<script>alert(1)</script>' },
      { title: 'vbscript:msgbox(1)' },
      { title: 'APT1 (local copy)' },
      { url: CISA },
      { url: APT1 },
    ]);
  });

  it('says each repair at its line, naming the scheme left out', () => {
    const repairs = parseCampaign(CAMPAIGN, 'c.yaml').repairs ?? [];
    const said = (line: number) => repairs.find((repair) => repair.startsWith(`line ${line}: `)) ?? '';
    expect(said(4)).to.match(/^line 4: \/sources\/0\/url: "javascript:alert\(document.domain\)" is a javascript: address, not http\(s\): left out of the layer's links.*kept by its title/);
    expect(said(6)).to.equal(`line 6: /sources/1: "${WINNTI}" read as "https://${WINNTI}" (an address without its scheme is read as https; write - https://${WINNTI})`);
    expect(said(7)).to.match(/^line 7: \/sources\/2\/url: "see report" is no web address: left out of the layer's links.*kept by its title/);
    expect(said(9)).to.match(/^line 9: \/sources\/3: .* is a data: address.*kept with the text as its title/);
    expect(said(10)).to.match(/^line 10: \/sources\/4\/url: "vbscript:msgbox\(1\)" is a vbscript: address/);
    expect(said(11)).to.match(/^line 11: \/sources\/5\/url: "file:\/\/\/C:\/reports\/apt1.pdf" is a file: address/);
    expect(said(13)).to.contain(`read as "${CISA}" (a defanged address`);
    expect(repairs).to.have.length(7);
  });

  it('leaves a file name or an ID as text, not an address to repair (report.pdf, T1059.001)', () => {
    const campaign = parseCampaign('name: x\nsources:\n  - apt1-report.pdf\n  - url: T1059.001\n    title: t\n', 'c.yaml');
    expect(campaign.sources).to.deep.equal([{ title: 'apt1-report.pdf' }, { title: 't' }]);
  });

  it('render links only http(s) addresses, and a report: written without the scheme still names its source', async () => {
    const dir = freshTmpDir('source-urls');
    const file = join(dir, 'sources.yaml');
    writeFileSync(file, CAMPAIGN);
    const out = join(dir, 'out');
    const { code, stderr } = await runCli(['render', file, '--out', out]);
    expect(code, stderr).to.equal(0);
    expect(stderr).to.contain(`${file}: line 4: /sources/0/url: "javascript:alert(document.domain)" is a javascript: address`);
    expect(stderr).not.to.contain('is the url or title of none');
    const layer = JSON.parse(readFileSync(join(out, 'sources.layer.json'), 'utf8')) as NavigatorLayer;
    expect(urls(layer).length).to.be.greaterThan(0);
    for (const url of urls(layer)) expect(url).to.match(/^https:\/\//);
    expect((layer.techniques ?? []).find((entry) => entry.techniqueID === 'T1059.001')?.links).to.deep.equal([{ label: `https://${WINNTI}`, url: `https://${WINNTI}` }]);
    expect(layer.description).to.contain("Source: ESET: No 'Game over' for the Winnti Group");
  });

  it('render links no javascript: url a campaign built in code gives, naming it as text', () => {
    const file = join(freshTmpDir('source-urls'), 'x.yaml');
    writeFileSync(file, 'name: x\ntechniques: [T1105]\n');
    const { result, index } = normalizeFiles([file])[0]!;
    const campaign = { ...result.campaign, sources: [{ url: 'javascript:alert(1)', title: 'APT1' }, { url: APT1 }] };
    const layer = renderCampaignLayer({ ...result, campaign }, index, { model: 'presence' }).layer;
    expect(urls(layer)).to.deep.equal([APT1, APT1]);
    expect(layer.description).to.contain('Source: APT1');
  });
});
