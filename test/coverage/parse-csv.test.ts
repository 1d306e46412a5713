import { expect } from 'chai';
import { parseCsv, type ParsedCsv } from '../../lib/coverage/parse-csv.js';

describe('parseCsv', () => {
  const cases: ReadonlyArray<readonly [string, string, ParsedCsv]> = [
    ['plain fields, LF', 'a,b\n1,2\n', { rows: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }], problems: [] }],
    ['CRLF and no final line break', 'a,b\r\n1,2', { rows: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }], problems: [] }],
    ['a lone CR as a line break', 'a\r1', { rows: [{ line: 1, cells: ['a'] }, { line: 2, cells: ['1'] }], problems: [] }],
    ['empty fields', ',x,\n', { rows: [{ line: 1, cells: ['', 'x', ''] }], problems: [] }],
    ['a quoted comma', '"a,b",c\n', { rows: [{ line: 1, cells: ['a,b', 'c'] }], problems: [] }],
    ['doubled quotes', '"say ""hi""",x\n', { rows: [{ line: 1, cells: ['say "hi"', 'x'] }], problems: [] }],
    [
      'a quoted line break, counting lines on',
      '"a\r\nb",c\nd,e\n',
      { rows: [{ line: 1, cells: ['a\r\nb', 'c'] }, { line: 3, cells: ['d', 'e'] }], problems: [] },
    ],
    ['a quoted empty field', '""\n', { rows: [{ line: 1, cells: [''] }], problems: [] }],
    ['a byte-order mark and blank lines', '\uFEFFa\n\n\nb\n', { rows: [{ line: 1, cells: ['a'] }, { line: 4, cells: ['b'] }], problems: [] }],
    ['a quote inside an unquoted field, kept as text', 'say "hi",x\n', { rows: [{ line: 1, cells: ['say "hi"', 'x'] }], problems: [] }],
    [
      'an unterminated quote: reported, and the following lines still read',
      'a,b\n"broken,1\nc,d\ne,f\n',
      {
        rows: [{ line: 1, cells: ['a', 'b'] }, { line: 3, cells: ['c', 'd'] }, { line: 4, cells: ['e', 'f'] }],
        problems: [{ line: 2, message: 'a quoted field opened on line 2 is never closed; close it with " (write "" for a quote inside)' }],
      },
    ],
    [
      'text after a closing quote',
      '"a"b,c\nd,e\n',
      {
        rows: [{ line: 2, cells: ['d', 'e'] }],
        problems: [{ line: 1, message: 'text after the closing quote of a field; quote the whole field and double any " inside it' }],
      },
    ],
    [
      'a missing closing quote: the row is reported and the next line read again',
      '"a,b\nc,"d",e\nf,g\n',
      {
        rows: [{ line: 2, cells: ['c', 'd', 'e'] }, { line: 3, cells: ['f', 'g'] }],
        problems: [
          {
            line: 1,
            message: 'a quoted field opened on line 1 runs to line 2 and has text after its closing quote; a closing " is probably missing',
          },
        ],
      },
    ],
  ];
  for (const [label, text, expected] of cases) {
    it(`reads ${label}`, () => {
      expect(parseCsv(text)).to.deep.equal(expected);
    });
  }
});
