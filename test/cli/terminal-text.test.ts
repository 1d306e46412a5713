import { expect } from 'chai';
import { colored, MAX_MESSAGE_LINE, messageText, terminalOut, terminalText } from '../../lib/cli/terminal-text.js';

describe('terminalText', () => {
  const rows: ReadonlyArray<readonly [string, string]> = [
    ['\u001b]0;PWNED\u0007\u001b[2J evil', '\\x1B]0;PWNED\\x07\\x1B[2J evil'],
    ['tab\tand\nline feed stay', 'tab\tand\nline feed stay'],
    ['CRLF\r\nstays, a lone\rCR does not', 'CRLF\r\nstays, a lone\\x0DCR does not'],
    ['DEL\u007f and C1 CSI\u009b2J', 'DEL\\x7F and C1 CSI\\x9B2J'],
    ['bidi \u202eoverride\u202c and \u2066isolate\u2069', 'bidi \\u202Eoverride\\u202C and \\u2066isolate\\u2069'],
    ['plain ATT&CK text, ünïcödé, 日本語', 'plain ATT&CK text, ünïcödé, 日本語'],
  ];
  for (const [input, shown] of rows) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(shown)}`, () => expect(terminalText(input)).to.equal(shown));
  }
});

describe('messageText', () => {
  it(`cuts a line over ${MAX_MESSAGE_LINE} characters in the middle, keeping its start (the place) and its end`, () => {
    const line = `f.yaml:3: unknown: "${'x'.repeat(100_000)}"; fix the reference`;
    const cut = messageText(`${line}\nnext line\n`);
    const [first, second] = cut.split('\n');
    expect(first!.length).to.be.below(MAX_MESSAGE_LINE + 50);
    expect(first).to.match(/^f\.yaml:3: unknown: "x+ … \[\d+ characters cut\] … x+"; fix the reference$/);
    expect(Number(/\[(\d+) characters cut\]/.exec(first!)![1]) + 900).to.equal(line.length);
    expect(second).to.equal('next line');
  });
});

describe('terminalOut', () => {
  const sink = (isTTY: boolean) => {
    const out = { text: '', isTTY, write: (chunk: string) => (out.text += chunk) };
    return out;
  };

  it('makes data inert on a terminal, and passes it exactly to a file or pipe', () => {
    for (const isTTY of [true, false]) {
      const out = sink(isTTY);
      terminalOut(out, 'data').write('a\u001b[2Jb\r\n');
      expect(out.text).to.equal(isTTY ? 'a\\x1B[2Jb\r\n' : 'a\u001b[2Jb\r\n');
    }
  });

  it('makes messages inert always, and draws progress with its own control sequence only', () => {
    const out = sink(true);
    const stderr = terminalOut(out, 'messages');
    stderr.write('bad \u001b[31mred\n');
    stderr.progress!('reading \u001b]0;x\u0007');
    expect(out.text).to.equal('bad \\x1B[31mred\n\r\u001b[Kreading \\x1B]0;x\\x07');
  });

  it('draws no progress into a file or pipe, whoever asks', () => {
    const out = sink(false);
    const stderr = terminalOut(out, 'messages');
    stderr.progress!('reading x.json');
    stderr.write('warning: x.json: a note\n');
    stderr.progress!('');
    expect(out.text).to.equal('warning: x.json: a note\n');
  });

  it('clears a progress line before the next message, and once only', () => {
    const out = sink(true);
    const stderr = terminalOut(out, 'messages');
    stderr.progress!('loading ATT&CK x.json: parsing');
    stderr.write('attack-layers technique: x.json:1: not valid JSON\n');
    stderr.progress!('');
    stderr.write('next\n');
    expect(out.text).to.equal('\r\u001b[Kloading ATT&CK x.json: parsing\r\u001b[Kattack-layers technique: x.json:1: not valid JSON\nnext\n');
  });
});

describe('terminalText with table colours', () => {
  it("shows the tables' own colours on a terminal, and makes every colour code written in the text inert", () => {
    const table = `${colored('technique', '1')} ${colored('unknown', '31')}`;
    expect(terminalText(table, { colors: true })).to.equal('\u001b[1mtechnique\u001b[0m \u001b[31munknown\u001b[0m');
    expect(terminalText(table)).to.equal('technique unknown');
    // A reference written `\e[31mred` passed as if it were the table's red.
    expect(terminalText(`\u001b[31mred\u001b[0m ${colored('x', '33')}`, { colors: true })).to.equal('\\x1B[31mred\\x1B[0m \u001b[33mx\u001b[0m');
    expect(terminalText('\u001b[2J\u001b[8m\u001b[31;1m\u001b]0;x\u0007', { colors: true })).to.equal('\\x1B[2J\\x1B[8m\\x1B[31;1m\\x1B]0;x\\x07');
  });
});
