import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { CollectedLogSources, parseLogSourcesCsv, parseLogSourcesYaml, readLogSources } from '../../lib/coverage/read-log-sources.js';
import { InputError, SchemaValidationError } from '../../lib/errors.js';

describe('log sources files (read-log-sources.ts)', () => {
  it('reads a YAML list of names, and names with channels, with their lines', () => {
    const input = parseLogSourcesYaml('- WinEventLog:Sysmon\n- name: WinEventLog:Security\n  channels: [EventCode=4688]\n', 'l.yml');
    expect(input.sources).to.deep.equal([
      { name: 'WinEventLog:Sysmon', line: 1 },
      { name: 'WinEventLog:Security', channels: ['EventCode=4688'], line: 2 },
    ]);
  });

  it('reads the { log_sources: [...] } shape and JSON', () => {
    expect(parseLogSourcesYaml('{"log_sources": ["auditd:SYSCALL"], "description": "linux fleet"}', 'l.json').sources).to.deep.equal([{ name: 'auditd:SYSCALL', line: 1 }]);
  });

  it('refuses a mapping that is not a log source, naming the line and the field', () => {
    expect(() => parseLogSourcesYaml('- WinEventLog:Sysmon\n- nmae: WinEventLog:Security\n', 'l.yml'))
      .to.throw(SchemaValidationError)
      .with.property('message')
      .that.matches(/l\.yml/);
  });

  it('says what a file of another kind is and where it goes (a campaign file, a Sigma rule, a layer), not a dozen unknown fields', () => {
    // Before: `campaigns/apt32-covid19-wuhan.yaml: not a valid log sources file: 14 problems: … unknown field "name" …`.
    const campaign = readFileSync('campaigns/apt32-covid19-wuhan.yaml', 'utf8');
    expect(() => parseLogSourcesYaml(campaign, 'apt32.yaml')).to.throw(
      InputError,
      /^apt32\.yaml: this is a campaign file, not a log sources file \(the log sources you collect, in ATT&CK's names\); .*gap takes it as --threat/,
    );
    const rule = readFileSync('test/fixtures/gap/sigma/linux/proc_creation_lnx_placeholder_tag.yml', 'utf8');
    expect(() => parseLogSourcesYaml(rule, 'rule.yml')).to.throw(InputError, /^rule\.yml: this is a Sigma rule, not a log sources file .*give it \(or its folder\) to gap --coverage$/);
    const layer = readFileSync('layers/all.layer.json', 'utf8');
    expect(() => parseLogSourcesYaml(layer, 'all.layer.json')).to.throw(InputError, /^all\.layer\.json: this is an ATT&CK Navigator layer, not a log sources file/);
  });

  it('says a key given twice at its line and column, reading the last value, not refusing the file', () => {
    // Before: `l.yml:4: not valid YAML: duplicated mapping key "channels"`, exit 1, the review not made.
    const input = parseLogSourcesYaml('- WinEventLog:Security\n- name: WinEventLog:Sysmon\n  channels: [EventCode=1]\n  channels: [EventCode=3]\n', 'l.yml');
    expect(input.sources).to.deep.equal([
      { name: 'WinEventLog:Security', line: 1 },
      { name: 'WinEventLog:Sysmon', channels: ['EventCode=3'], line: 2 },
    ]);
    expect(input.problems).to.deep.equal([
      { file: 'l.yml', line: 4, column: 3, message: 'duplicate key "channels" (first given on line 3); give each field once; the last one is read', skipped: false },
    ]);
  });

  it('refuses broken YAML and an empty file with the line', () => {
    // A [ list not closed is named at its own line (1), not where the parser gave up (2), as campaign files name it.
    expect(() => parseLogSourcesYaml('- [a\n- b\n', 'l.yml')).to.throw(InputError, /l\.yml:1: not valid YAML: the list \[ opened on this line is not closed/);
    expect(() => parseLogSourcesYaml('# nothing\n', 'l.yml')).to.throw(InputError, /the file is empty/);
    expect(() => parseLogSourcesYaml('- name: Process: Process Creation\n', 'l.yml')).to.throw(InputError, /^l\.yml:1: not valid YAML: the value of "name" is not quoted and holds ": " \(column 16\)/);
  });

  it('reads - (standard input) as YAML or JSON when its first line is a list item, a key or a bracket, else as CSV, named <stdin>', () => {
    const read = (text: string) => {
      const input = readLogSources('-', { stdin: Buffer.from(text) });
      return [input.file, input.sources.map((source) => [source.name, source.channels ?? []])];
    };
    const sysmon = ['<stdin>', [['WinEventLog:Sysmon', []], ['WinEventLog:Security', ['EventCode=4688']]]];
    expect(read('# collected\n- WinEventLog:Sysmon\n- name: WinEventLog:Security\n  channels: [EventCode=4688]\n')).to.deep.equal(sysmon);
    expect(read('log_sources:\n  - WinEventLog:Sysmon\n  - {name: "WinEventLog:Security", channels: [EventCode=4688]}\n')).to.deep.equal(sysmon);
    expect(read('["WinEventLog:Sysmon", {"name": "WinEventLog:Security", "channels": ["EventCode=4688"]}]')).to.deep.equal(sysmon);
    expect(read('name,channel\nWinEventLog:Sysmon,\nWinEventLog:Security,EventCode=4688\n')).to.deep.equal(sysmon);
    expect(read('WinEventLog:Sysmon,\nWinEventLog:Security,EventCode=4688\n')).to.deep.equal(sysmon);
  });

  it('reads CSV with a header (one row per name or per channel), and without one (said in a note)', () => {
    const withHeader = parseLogSourcesCsv('name,channel\nWinEventLog:Sysmon,\nWinEventLog:Security,EventCode=4688\n', 'l.csv');
    expect([withHeader.sources, withHeader.problems]).to.deep.equal([
      [
        { name: 'WinEventLog:Sysmon', line: 2 },
        { name: 'WinEventLog:Security', channels: ['EventCode=4688'], line: 3 },
      ],
      [],
    ]);
    const bare = parseLogSourcesCsv('WinEventLog:Sysmon\n', 'l.csv');
    expect(bare.sources).to.deep.equal([{ name: 'WinEventLog:Sysmon', line: 1 }]);
    expect(bare.problems.map((p) => [p.line, p.skipped])).to.deep.equal([[1, false]]);
  });

  it('collects a name with every channel, or with the channels listed, case and spacing aside', () => {
    const collected = new CollectedLogSources(
      parseLogSourcesYaml('- winEventLog:sysmon\n- name: WinEventLog:Security\n  channels: ["EventCode=4688"]\n', 'l.yml'),
    );
    expect(collected.collects({ name: 'WinEventLog:Sysmon', channel: 'EventCode=1' })).to.equal(true);
    expect(collected.collects({ name: 'WinEventLog:Security', channel: 'eventcode=4688' })).to.equal(true);
    expect(collected.collects({ name: 'WinEventLog:Security', channel: 'EventCode=4624' })).to.equal(false);
    expect(collected.collects({ name: 'WinEventLog:Security' })).to.equal(false);
    expect(collected.collects({ name: 'auditd:SYSCALL', channel: 'execve' })).to.equal(false);
  });

  // The channel strings of ATT&CK 18.1's analytics (enterprise-attack-18.1.json, x_mitre_log_source_references): every
  // form of a list of events there, read as its events in a file and in what is looked up.
  const attackLists: [name: string, channel: string, events: number[]][] = [
    ['WinEventLog:Sysmon', 'EventCode=13, 14', [13, 14]],
    ['WinEventLog:Security', 'EventCode=4778, EventCode=4779', [4778, 4779]],
    ['WinEventLog:System', 'EventCode=5005 (WLAN), EventCode=302 (Bluetooth)', [5005, 302]],
    ['WinEventLog:Security', 'EventCode=4728, 4729, 4732, 4733, 4756, 4757', [4728, 4729, 4732, 4733, 4756, 4757]],
  ];
  for (const [name, channel, events] of attackLists) {
    it(`reads ATT&CK's channel ${channel} as its events, in the file and in a lookup`, () => {
      const file = new CollectedLogSources(parseLogSourcesYaml(`- name: ${name}\n  channels: ["${channel}"]\n`, 'l.yml'));
      for (const event of events) expect(file.collects({ name, channel: `EventCode=${event}` }), `${event}`).to.equal(true);
      expect(file.collects({ name, channel })).to.equal(true);
      expect(file.collects({ name, channel: 'EventCode=1' })).to.equal(false);
      const one = new CollectedLogSources(parseLogSourcesCsv(`name,channel\n${name},EventCode=${events[0]}\n`, 'l.csv'));
      const every = new CollectedLogSources(parseLogSourcesCsv(`name,channel\n${events.map((e) => `${name},EventCode=${e}`).join('\n')}\n`, 'l.csv'));
      // An analytic reading several events is collected when every one of them is.
      expect(one.collects({ name, channel })).to.equal(false);
      expect(every.collects({ name, channel })).to.equal(true);
    });
  }

  it('keeps a channel that is no list of events as it is (auditd\'s execve, a described event)', () => {
    const collected = new CollectedLogSources(parseLogSourcesYaml('- name: auditd:SYSCALL\n  channels: ["execve, connect"]\n', 'l.yml'));
    expect(collected.collects({ name: 'auditd:SYSCALL', channel: 'execve' })).to.equal(false);
    expect(collected.collects({ name: 'auditd:SYSCALL', channel: 'execve, connect' })).to.equal(true);
  });
});
