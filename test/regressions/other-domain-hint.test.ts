/**
 * A report or campaign whose references are mostly ATT&CK for ICS (or Mobile) techniques, read without `--domain`,
 * gave no word of the domain to use: extract found nothing in a report citing the ICS wiki's IDs (Armis's 2020 posts,
 * `T816: Device Restart/Shutdown`; Dispel's `Remote System Discovery (T846)`), and normalize said `other domain` of each
 * ICS or Mobile ID alone. Now each says once, on stderr and in its JSON notes, how many are of which domain and to
 * re-run with `--domain ics` (or `mobile`): one rule (otherDomainHint) for both domains and both commands; extract's
 * skeleton says it under its header too (`# note:`). The texts
 * are the corpus's real excerpts (test/corpus/reports/, sources and licences in each file).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, runCli } from '../helpers/attack.js';

const excerpt = (name: string): string => (parse(readFileSync(join(repoRoot, 'test/corpus/reports', `${name}.yaml`), 'utf8')) as { excerpt: string }).excerpt;
// Armis's parts 2 and 5 (their sentences citing T875 and T816); part 1's T0883 would have extract infer ICS by itself.
const ARMIS = excerpt('armis-attack-ics-practical-applications-2020-wiki-ids').split('\n').slice(1).join('\n');
const DISPEL = excerpt('dispel-attack-ics-remote-system-discovery-2020-wiki-id');
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('regressions: most references of another domain, read without --domain', () => {
  it("extract of Armis's ICS wiki IDs says once to re-run with --domain ics, naming the count", async () => {
    const result = await runCli(['extract', '-'], {}, { stdin: ARMIS });
    expect(result.code, result.stderr).to.equal(0);
    const hint = "all 2 of the references ATT&CK knows are ICS techniques (T0875, T0816), not of enterprise-attack: re-run with --domain ics (2 written with the ICS wiki's IDs, T875 for T0875, which only ATT&CK for ICS reads)";
    expect(result.stderr).to.include(hint);
    expect(count(result.stderr, 're-run with --domain ics')).to.equal(1);
    const json = JSON.parse((await runCli(['extract', '-', '--json'], {}, { stdin: ARMIS })).stdout) as { notes?: string[] };
    expect(json.notes?.filter((text) => text.includes('re-run with --domain ics'))).to.deep.equal([hint]);
    // The skeleton says it under its header, as every note said once of the report (before, stderr and JSON only).
    expect(result.stdout.split('\n').filter((line) => line.startsWith('# note:'))).to.deep.equal([`# note: ${hint}`]);
    // Re-run so, both are read.
    const ics = await runCli(['extract', '-', '--domain', 'ics'], {}, { stdin: ARMIS });
    expect(ics.stdout).to.include('ref: "Device Restart/Shutdown (T0816)"');
    expect(ics.stderr).to.not.include('re-run with');
  });

  it("extract of Dispel's heading says it of its one reference", async () => {
    const result = await runCli(['extract', '-'], {}, { stdin: DISPEL });
    expect(result.stderr).to.include('the one reference ATT&CK knows is an ICS technique (T0846), not of enterprise-attack: re-run with --domain ics');
  });

  it('normalize of a campaign of their ICS IDs says it once, on stderr and in the JSON notes', async () => {
    // As the posts write them, the wiki's IDs too; T875 Change Program State, deprecated in ICS, is unknown to enterprise.
    const campaign = 'name: Armis and Dispel\ntechniques:\n  - T0883\n  - "T816: Device Restart/Shutdown"\n  - Remote System Discovery (T846)\n  - "T875: Change Program State"\n';
    const result = await runCli(['normalize', '-'], {}, { stdin: campaign });
    const hint = 'all 3 of the references ATT&CK knows are ICS techniques (T0883, T0816, T0846), not of enterprise-attack: re-run with --domain ics';
    expect(result.stderr).to.include(`<stdin>: ${hint}`);
    expect(count(result.stderr + result.stdout, 're-run with --domain ics')).to.equal(1);
    const [json] = JSON.parse((await runCli(['normalize', '-', '--json'], {}, { stdin: campaign })).stdout) as Array<{ notes?: string[] }>;
    expect(json!.notes).to.deep.equal([hint]);
  });

  it("normalize of a campaign of NCSC's Mobile rows says the same of Mobile; a campaign mostly of its own domain says nothing", async () => {
    const rows = [...excerpt('ncsc-infamous-chisel-2023-mar-mobile-rows').matchAll(/(T\d{4}) \(Mobile\) ([A-Z][\w ]+?) Infamous/g)].map(([, id, name]) => `${name} (${id})`);
    expect(rows).to.have.length(7);
    const campaign = `name: Infamous Chisel\ntechniques:\n${rows.map((row) => `  - ${row}\n`).join('')}  - T1059\n`;
    const result = await runCli(['normalize', '-'], {}, { stdin: campaign });
    expect(result.stderr).to.include('most (7 of 8) of the references ATT&CK knows are Mobile techniques (T1420, T1430, T1418, …), not of enterprise-attack: re-run with --domain mobile');
    const own = await runCli(['normalize', '-'], {}, { stdin: 'name: Mostly enterprise\ntechniques:\n  - T1059\n  - T1566\n  - T0816\n' });
    expect(own.stderr).to.include('other domain: T0816').and.not.include('re-run with');
  });
});
