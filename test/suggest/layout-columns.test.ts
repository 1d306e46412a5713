import { expect } from 'chai';
import { interleavedLineRuns, readColumns } from '../../lib/suggest/layout-columns.js';
import { splitPassages } from '../../lib/index.js';

// A two-column page as `pdftotext -layout` (poppler 22.12) writes it: a PDF of two columns of Helvetica made for this
// test (its text written for it, no report's), the left column's last sentence going on at the right column's top.
// Read line by line, passages glued the columns' half-sentences (`When the victim enabled macros, Discovery the
// document ran a PowerShell command … Once on the host, the implant listed running WordPress site …`).
const TWO_COLUMNS = [
  "Initial Access                                         the user's temporary files under a random name. The",
  '                                                       loader copied itself to the AppData folder and added',
  'The actor sent spearphishing emails with a macro-      a Run key so that it started at each logon.',
  'enabled document attached to staff of the',
  'engineering firm. When the victim enabled macros,      Discovery',
  'the document ran a PowerShell command that',
  'downloaded the first-stage loader from a compromised   Once on the host, the implant listed running',
  'WordPress site and saved it in the folder of           processes and enumerated the accounts of the domain',
  '                                                       with net group commands.',
].join('\n');

describe('readColumns', () => {
  it('reads a block of two columns as its left column, a blank line, then its right column, each line from its own', () => {
    const { lines, origin } = readColumns(TWO_COLUMNS.split('\n'));
    expect(lines.slice(0, 3)).to.deep.equal(['Initial Access', '', 'The actor sent spearphishing emails with a macro-']);
    expect(lines.slice(7, 11)).to.deep.equal(['WordPress site and saved it in the folder of', '', '', "the user's temporary files under a random name. The"]);
    expect(origin.slice(0, 3)).to.deep.equal([0, 1, 2]);
    expect(origin.slice(10, 12)).to.deep.equal([0, 1]);
    expect(lines).to.have.length(19);
  });

  const rows: [what: string, text: string[]][] = [
    // A table's cells beside their names (`-layout` writes its columns apart too): the names are no column of prose.
    ['a table of names and values', ['MD5            5f2b7a0c9d1e4b3a8f6e2d1c0b9a8f7e', 'SHA-256        9c1d4e8f2a7b3c6d5e0f1a2b3c4d5e6f', 'File name      loader.dll', 'First seen     2024-03-18']],
    // A manual's options beside what they do, as `-layout` writes a tool's usage (libtasn1's manual: `-t, --no-time-strict`
    // / `use strict DER decoding but not in time fields`): the options are no prose.
    ["a manual's options", ['  -q, --quiet               print nothing but the decoded result', '  -o, --output              write the decoded tree to the given file', '  -t, --no-time-strict      use strict decoding but not in the time fields', '  -h, --help                display this help and exit', '  -v, --version             output version information and exit']],
    // A Markdown table's padded cells stand in columns too.
    ['a Markdown table', ['| The actor sent spearphishing emails      | T1566.001 Phishing attachment  |', '| The loader added a Run key at logon      | T1547.001 Registry Run keys    |', '| The implant listed running processes     | T1057 Process Discovery        |']],
    // One line with a wide space in a column of text: no block.
    ['one line with a wide space', ['The actor sent spearphishing emails with a macro-enabled document', 'attached to staff of the engineering firm.     When the victim', 'enabled macros, the document ran a PowerShell command that downloaded']],
  ];
  for (const [what, text] of rows) {
    it(`leaves ${what} as it is`, () => {
      expect(readColumns(text).lines).to.deep.equal(text);
    });
  }
});

describe('splitPassages of two columns side by side', () => {
  it('reads each column whole, a sentence going on from the left column to the right one, at the line it starts', () => {
    expect(splitPassages(TWO_COLUMNS).map((p) => [p.line, p.text])).to.deep.equal([
      [1, 'Initial Access'],
      [3, 'The actor sent spearphishing emails with a macro-enabled document attached to staff of the engineering firm.'],
      [
        5,
        "When the victim enabled macros, the document ran a PowerShell command that downloaded the first-stage loader from a compromised WordPress site and saved it in the folder of the user's temporary files under a random name.",
      ],
      [1, 'The loader copied itself to the AppData folder and added a Run key so that it started at each logon.'],
      [5, 'Discovery'],
      [7, 'Once on the host, the implant listed running processes and enumerated the accounts of the domain with net group commands.'],
    ]);
  });

  it('keeps every line as it is with lines', () => {
    expect(splitPassages(TWO_COLUMNS, { lines: true }).map((p) => p.text)[0]).to.equal("Initial Access the user's temporary files under a random name. The");
  });
});

// Plain pdftotext (without -layout) writing two columns line by line, each line a block of its own, the columns' lines
// taking turns: the layout of the Dragos 2026 Year in Review's page 34 as text (a box of two columns, `analysis, and
// sensitive source reporting,` / `customers, while renewable management` / …), here in our own words, between lines as
// wide as the page. The same two paragraphs written one after the other, every line a block too (as pdftotext writes
// the page's other text), are no run; nor is a text whose lines are all as narrow (no wider page around them).
describe('interleavedLineRuns', () => {
  const page = [
    'The operators of the plant reviewed the logs of every engineering workstation in the control network after the',
    '',
    'event and found that the remote sessions had been opened from a contractor laptop outside of its working hours.',
    '',
  ];
  const left = ['The responders traced the intrusion through', 'the logs of the firewall and the remote', 'access gateway, though the first entry', 'point could not be established because', 'the gateway kept no logs before March.'];
  const right = ['Engineering workstations hold the projects', 'of every controller in the plant, and an', 'intruder who reaches one can change the', 'logic that drives the pumps and valves', 'without the operators noticing it.'];
  const blocks = (lines: readonly string[]): string[] => lines.flatMap((line) => [line, '']);

  it('finds a run of short lines, each a block cut off in a sentence, going on in lower case, among wider lines', () => {
    const turns = left.flatMap((line, k) => [line, right[k]!]);
    const text = [...page, ...blocks(turns), ...page].join('\n');
    // From the right column's first line (the left one's first goes on in capitals) to the left one's last sentence's end.
    expect(interleavedLineRuns(text)).to.deep.equal([{ first: page.length + 3, last: page.length + 17 }]);
  });

  it('finds none in the same columns one after the other, nor in a text all of that width', () => {
    expect(interleavedLineRuns([...page, ...blocks(left), ...blocks(right), ...page].join('\n'))).to.deep.equal([]);
    expect(interleavedLineRuns(blocks(left.flatMap((line, k) => [line, right[k]!])).join('\n'))).to.deep.equal([]);
  });
});
