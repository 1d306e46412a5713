import { expect } from 'chai';
import { InputError } from '../lib/errors.js';
import { jsonStringLines, MAX_JSON_DEPTH, parseJsonText } from '../lib/json-text.js';

const messageOf = (text: string): string => {
  try {
    parseJsonText(text, 'f.json');
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('parsed');
};

describe('parseJsonText', () => {
  const rows: ReadonlyArray<readonly [text: string, message: string]> = [
    ['{"a": 1,}', `f.json: line 1, column 9: invalid JSON: unexpected "}" (expected a "quoted" field name)`],
    ['{\n  "a": [1, 2\n}', `f.json: line 3, column 1: invalid JSON: unexpected "}" (expected ',' or ']')`],
    ['[1, 2', `f.json: line 1, column 6: invalid JSON: unexpected end of the file (expected ',' or ']'); the file ends there: give the whole file if it was cut short (a download or copy that stopped)`],
    ['{"a" 1}', `f.json: line 1, column 6: invalid JSON: unexpected "1" (expected ':')`],
    ['{"a": [{"b": tru}]}', `f.json: line 1, column 14: invalid JSON: unexpected "t" (expected a value)`],
    ['{"a": 1} x', `f.json: line 1, column 10: invalid JSON: unexpected "x" (expected nothing after the JSON value)`],
    ['"abc', 'f.json: line 1, column 1: invalid JSON: unterminated string, or a control character or bad escape in it; the file ends there: give the whole file if it was cut short (a download or copy that stopped)'],
    ['{"a": "b\u0001c"}', 'f.json: line 1, column 7: invalid JSON: unterminated string, or a control character or bad escape in it'],
    ['[[], {}, [{"a": []}], ]', `f.json: line 1, column 23: invalid JSON: unexpected "]" (expected a value)`],
  ];
  for (const [text, message] of rows) {
    it(`${JSON.stringify(text)} -> ${message.slice(8)}`, () => expect(messageOf(text)).to.equal(message));
  }

  it('says an empty file, or one of blank space only, holds no JSON, rather than naming its end at line 1, column 1', () => {
    const advice = "give the whole file (a download, or a command's output sent to it, that failed leaves it empty)";
    expect(messageOf('')).to.equal(`f.json: no JSON in it: it is empty; ${advice}`);
    expect(messageOf(' \r\n\n')).to.equal(`f.json: no JSON in it: it holds only blank space; ${advice}`);
  });

  it('finds the place in text nested 12,000 deep without running out of stack (it used to: exit 70)', () => {
    expect(messageOf(`${'['.repeat(12_000)}x`)).to.equal(`f.json: line 1, column 12001: invalid JSON: unexpected "x" (expected a value)`);
    expect(messageOf('['.repeat(200_000))).to.match(/^f\.json: line 1, column 200001: invalid JSON: unexpected end of the file/);
  });

  it(`refuses valid JSON nested deeper than ${MAX_JSON_DEPTH} levels, at the first bracket too deep`, () => {
    const deep = `{"techniques": ${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    expect(messageOf(deep)).to.equal(`f.json: line 1, column ${16 + MAX_JSON_DEPTH - 1}: JSON nested deeper than ${MAX_JSON_DEPTH} levels; no file of this kind nests so deep`);
    const fine = `${'['.repeat(MAX_JSON_DEPTH)}"[[[{{{\\"["${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(JSON.stringify(parseJsonText(fine, 'f.json'))).to.equal(fine);
  });
});

describe('jsonStringLines', () => {
  it('gives each string value the line of its own place, by JSON pointer, however often the text writes it', () => {
    const text = JSON.stringify({ a: [{}, { v: 'same' }, []], 'b/c': { v: 'same', n: 1, e: {} }, d: ['same', 'x'] }, null, 2);
    const lineOf = (needle: string, after = 0): number => text.split('\n').findIndex((line, i) => i >= after && line.includes(needle)) + 1;
    const first = lineOf('"same"');
    const second = lineOf('"same"', first);
    expect(Object.fromEntries(jsonStringLines(text))).to.deep.equal({
      '/a/1/v': first,
      '/b~1c/v': second,
      '/d/0': lineOf('"same"', second),
      '/d/1': lineOf('"x"'),
    });
  });
});
