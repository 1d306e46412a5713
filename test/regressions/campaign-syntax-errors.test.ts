/**
 * The real campaign files (campaigns/apt32-covid19-wuhan.yaml, from FireEye's APT32 report of 2020-04-22;
 * campaigns/temp-periscope-cambodia-2018.yaml, from FireEye's TEMP.Periscope report of 2018-07-13) broken the ways
 * people break YAML by hand. A file with several schema problems listed each at file:line:column, but a YAML syntax
 * error gave only the first and "(and N more errors)", and those N were mostly the parser's follow-on errors: one
 * line indented with a tab gave 12, one list item a space short 14. Now each error a person can act on is listed
 * as the schema's problems are, with what to write, and the follow-on errors are not.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { InvalidYamlError, parseCampaign, SchemaValidationError } from '../../lib/index.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const APT32 = readFileSync('campaigns/apt32-covid19-wuhan.yaml', 'utf8');
const PERISCOPE = readFileSync('campaigns/temp-periscope-cambodia-2018.yaml', 'utf8');

/** `text` with each line that starts with a `from` replaced by its `to`. */
function broken(text: string, ...changes: (readonly [from: string, to: string])[]): string {
  const lines = text.split('\n');
  for (const [from, to] of changes) {
    const index = lines.findIndex((source) => source.startsWith(from));
    expect(index, from).to.be.at.least(0);
    lines[index] = to;
  }
  return lines.join('\n');
}

/** The error parseCampaign throws for `text`. */
function refusal(text: string): InvalidYamlError {
  try {
    parseCampaign(text, 'c.yaml');
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidYamlError);
    return error as InvalidYamlError;
  }
  expect.fail('the file was read');
}

/** How many errors the yaml package reports for `text`. */
const parserErrors = (text: string): number => parseDocument(text, { uniqueKeys: false }).errors.length;

describe('regressions: YAML syntax errors of a campaign file are listed as its schema problems are', () => {
  describe('one mistake is one problem, at its line and column, with what to write; its follow-on errors are not listed', () => {
    const LINK = '  - ref: Spearphising Link (T1192)';
    const cases: ReadonlyArray<readonly [name: string, from: string, to: string, at: string, says: string]> = [
      ['an unclosed double quote', LINK, '  - ref: "Spearphising Link (T1192)', '39:10', 'the value opened with " (column 10) is not closed on its line, so YAML reads on into the lines below for its end; write the closing " where the value ends (a " inside it is written \\")'],
      ['an unclosed single quote', 'actor:', "actor: 'APT32", '6:8', "the value opened with ' (column 8) is not closed on its line"],
      ['an unclosed quote inside [ ]', 'tags:', 'tags: [covid-19, "china, government, espionage]', '29:18', 'the value opened with " (column 18) is not closed on its line'],
      ['a line indented with a tab', '    tactic: Initial Access', '\ttactic: Initial Access', '32:1', 'line 32 is indented with a tab, which YAML does not allow; indent with spaces only'],
      ['a list item one space too deep', LINK, `   ${LINK.trimStart()}`, '39:4', 'the list item starts at column 4, but the items of its list start at column 3 (line 31); start it at column 3'],
      ['a list item one space short', LINK, ` ${LINK.trimStart()}`, '39:2', 'the list item starts at column 2, but the items of its list start at column 3 (line 31); start it at column 3'],
      ['a field one space short', '    confidence: medium', '   confidence: medium', '33:4', '"confidence" starts at column 4, but "tactic" above it (line 32), a field of the same mapping, at column 5; start it at column 5'],
      // After sources:, whose titles are blocks: the parser's words "All mapping items must start at the same column" at
      // column 1 before; now the field is placed with "sources", the field of its mapping above the block.
      ['a field one space in after a nested block', 'domain:', ' domain: enterprise-attack', '23:2', '"domain" starts at column 2, but "sources" above it (line 16), a field of the same mapping, at column 1; start it at column 1'],
      ['a field indented under the field above', 'platforms:', '  platforms: [Windows]', '28:3', '"platforms" starts at column 3, but "confidence" above it (line 27), a field of the same mapping, at column 1; start it at column 1'],
      ['a colon in an unquoted value', '    tactic: Initial Access', '    tactic: Initial Access: phishing', '32:27', `the value of "tactic" is not quoted and holds ": " (column 27), which YAML reads as the start of a mapping inside it; quote the value: tactic: '…'`],
      ['a [ list not closed', 'tags:', 'tags: [covid-19, china, government, espionage', '29:7', 'the list [ opened on this line is not closed; end it with ] on this line'],
      ['a quote inside quotes', 'actor:', 'actor: "APT32 "OceanLotus""', '6:15', `the value's closing " comes at column 15, before the line ends, and YAML cannot read what follows it; for a " inside the value write \\", or quote it with the other quote: 'APT32 "OceanLotus"'`],
      // A '' inside '…' is a quote, not the value's end: the value ends at the quote after "s"; said in the other quote
      // as meant ("it's' fine"), no longer as '…' with every quote doubled again ('it''''s'' fine').
      ['a quote not doubled after one doubled', 'actor:', "actor: 'it''s' fine'", '6:14', `the value's closing ' comes at column 14, before the line ends, and YAML cannot read what follows it; for a ' inside the value write '', or quote it with the other quote: "it's' fine"`],
      // A value holding \\ and a quote: in '…' its backslashes would mean another value, so it is said in "…", escaped.
      ['a quote inside quotes after an escape', 'actor:', 'actor: "C:\\\\apt "32""', '6:17', `the value's closing " comes at column 17, before the line ends, and YAML cannot read what follows it; for a " inside the value write \\": "C:\\\\apt \\"32\\""`],
      // Values in quotes separated by commas: a list without its [ ], no longer one value quoted across them ('APT32", "OceanLotus').
      ['a list written without [ ]', 'tags:', 'tags: "covid-19", "china"', '29:16', `the value's closing " comes at column 16, before the line ends, and YAML cannot read what follows it: values in quotes separated by commas are a list only inside [ ]; write ["covid-19", "china"]`],
      ['a Windows path in double quotes', 'actor:', 'actor: "C:\\Users\\apt"', '6:11', '\\U in a "…" value is no escape YAML knows (a Windows path or a regular expression?); write the value in single quotes'],
      // An alias of an anchor set nowhere was "refused: the YAML aliases (*name) expand to more than 100 copies, which
      // looks like an alias bomb", at the line only; it is now a syntax error, said as a value starting with @ is.
      ['a value starting with * (an alias of nothing)', 'actor:', 'actor: *APT32', '6:8', "a value not quoted cannot start with * in YAML, which reads it as an alias (of an anchor &APT32, set nowhere); quote it: '*APT32'"],
      ['a handle starting with @', 'actor:', 'actor: @APT32', '6:8', "a value not quoted cannot start with @ in YAML; quote it: '@APT32'"],
      // Inside [ ] the value ends at its "," or "]": these were in the parser's words ("unidentified alias "china"
      // (the YAML parser's words); compare the line with the lines around it", "Plain value cannot start with reserved
      // character @ (the YAML parser's words)"), as the value holding ", " and "]" was not taken for one.
      ['an alias inside [ ] (an anchor set nowhere)', 'tags:', 'tags: [covid-19, *china]', '29:18', "a value not quoted cannot start with * in YAML, which reads it as an alias (of an anchor &china, set nowhere); quote it: '*china'"],
      ['a handle starting with @ inside [ ]', 'tags:', 'tags: [@APT32, china]', '29:8', "a value not quoted cannot start with @ in YAML; quote it: '@APT32'"],
      ['an alias inside { }', 'platforms:', 'platforms: [{name: *Windows}]', '28:20', "a value not quoted cannot start with * in YAML, which reads it as an alias (of an anchor &Windows, set nowhere); quote it: '*Windows'"],
    ];
    for (const [name, from, to, at, says] of cases) {
      it(`${name}: ${JSON.stringify(to.trim())}`, () => {
        const text = broken(APT32, [from, to]);
        const error = refusal(text);
        const [line, column] = at.split(':').map(Number);
        expect(error.issues).to.have.length(1);
        expect(error.issues[0]).to.include({ path: '', line, column });
        expect(error.issues[0]!.message).to.include(`invalid YAML: ${says}`);
        expect(error.message).to.equal(`c.yaml: line ${line}, column ${column}: ${error.issues[0]!.message}`);
      });
    }

    // A list written at its key's column (`tags:` then `- election`), which YAML allows, followed by a field one space
    // in: the parser reads the field as the last item's value going on ("Implicit keys need to be on a single line").
    // Before, two problems: the list's items called "the value of "tags" … at the key's own indentation", which they are
    // not, and then the field. Now the field alone, placed with "tags".
    it('a field one space in after a list written at its key\'s column: the field alone, not the list', () => {
      const compact = broken(PERISCOPE, ['tags:', 'tags:\n- election\n- cambodia']);
      expect(() => parseCampaign(compact, 'c.yaml')).not.to.throw();
      const error = refusal(broken(compact, ['- cambodia', '- cambodia\n platforms: [Windows]']));
      expect(error.issues.map(({ line, column, message }) => [line, column, message])).to.deep.equal([
        [
          30,
          2,
          'invalid YAML: "platforms" starts at column 2, but "tags" above it (line 27), a field of the same mapping, at column 1; ' +
            'start it at column 1 (the fields of one mapping start at the same column)',
        ],
      ]);
    });

    // `techniques: [*a, *b]`: each alias is its own problem at its column, no longer one in the parser's words.
    it('two aliases inside [ ]: each at its column, with what to write', () => {
      const error = refusal(broken(APT32, ['platforms:', 'platforms: [*win, *linux]']));
      expect(error.issues.map(({ line, column, message }) => [line, column, message])).to.deep.equal([
        [28, 13, "invalid YAML: a value not quoted cannot start with * in YAML, which reads it as an alias (of an anchor &win, set nowhere); quote it: '*win'"],
        [28, 19, "invalid YAML: a value not quoted cannot start with * in YAML, which reads it as an alias (of an anchor &linux, set nowhere); quote it: '*linux'"],
      ]);
    });

    // An alias written above its anchor: YAML reads an alias only after its anchor, so the anchor below is named.
    it('an alias inside [ ] of an anchor set below it: the anchor\'s line is named', () => {
      const error = refusal(broken(APT32, ['tags:', 'tags: [*china, covid-19]'], ['    tactic: Initial Access', '    tactic: &china Initial Access']));
      expect(error.issues.map(({ line, column, message }) => [line, column, message])).to.deep.equal([
        [
          29,
          8,
          'invalid YAML: *china is an alias of the anchor &china, which is set below it (line 32), and YAML reads an alias only after its anchor; ' +
            'set &china on the first of the values it names and write *china after it, or write the value out',
        ],
      ]);
    });

    it('the parser itself reports the follow-on errors that are no longer listed (a tab: 12, a list item a space short: 14)', () => {
      expect(parserErrors(broken(APT32, ['    tactic: Initial Access', '\ttactic: Initial Access']))).to.equal(12);
      expect(parserErrors(broken(APT32, [LINK, ` ${LINK.trimStart()}`]))).to.equal(14);
    });
  });

  // A tab-indented line was mended by blanking it, to find the errors that do not follow from it: a list item's fields
  // then joined the item above (five duplicate keys listed after the tab: \t- ref: Regsvr32 (T1117)), and a block's text
  // the value above (\tcomment: >- gave "Nested mappings are not allowed" on the line above). Each line of both real
  // files, its indentation a tab (in place of it all, or of the two spaces before its text), is now
  // one error, at its line: the tabbed line is mended to the indentation of its like nearby.
  it('a line indented with a tab, any line of the real files, is one error at its line and no knock-on errors', () => {
    const wrong: string[] = [];
    for (const [name, real] of [['apt32', APT32], ['periscope', PERISCOPE]] as const) {
      const lines = real.split('\n');
      lines.forEach((source, i) => {
        const indent = /^( +)\S/.exec(source)?.[1];
        if (!indent) return;
        const text = source.trimStart();
        for (const tabbed of [`\t${text}`, `${' '.repeat(Math.max(0, indent.length - 2))}\t${text}`]) {
          const issues = refusal([...lines.slice(0, i), tabbed, ...lines.slice(i + 1)].join('\n')).issues;
          const said = issues.map((issue) => `${issue.line}: ${issue.message}`);
          if (issues.length !== 1 || issues[0]!.line !== i + 1 || !/is indented with a tab/.test(issues[0]!.message)) wrong.push(`${name} ${JSON.stringify(tabbed)}: ${said.join(' | ')}`);
        }
      });
    }
    expect(wrong).to.deep.equal([]);
  });

  it('a duplicate key alone is a problem of the schema\'s, at its line and column, with what to write', () => {
    const text = broken(APT32, ['last_seen:', 'first_seen: 2020-04']);
    expect(() => parseCampaign(text, 'c.yaml')).to.throw(SchemaValidationError, 'line 14, /first_seen: duplicate key "first_seen" (first given on line 13); give each field once');
  });

  it('five mistakes in one file: render lists each at file:line:column, a duplicate key among them, and writes nothing', async () => {
    const text = broken(
      APT32,
      ['actor:', 'actor: APT32: OceanLotus'],
      ['last_seen:', 'first_seen: 2020-04'],
      ['    tactic: Initial Access', '\ttactic: Initial Access'],
      ['  - ref: Spearphising Link (T1192)', '  - ref: "Spearphising Link (T1192)'],
      ['  - ref: User Execution (T1204)', '   - ref: User Execution (T1204)'],
    );
    expect(parserErrors(text)).to.be.greaterThan(5);
    const dir = freshTmpDir('syntax-errors');
    const file = join(dir, 'apt32.yaml');
    writeFileSync(file, text);
    const result = await runCli(['render', file, '--out', join(dir, 'out')]);
    expect(result.code).to.equal(1);
    expect(result.stderr.split('\n').slice(0, 6)).to.deep.equal([
      `attack-layers render: ${file}: not a valid campaign file: 5 problems:`,
      `  ${file}:6:13: invalid YAML: the value of "actor" is not quoted and holds ": " (column 13), which YAML reads as the start of a mapping inside it; quote the value: actor: '…' (write '' for a ' inside)`,
      `  ${file}:14:1: /first_seen: duplicate key "first_seen" (first given on line 13); give each field once`,
      `  ${file}:32:1: invalid YAML: line 32 is indented with a tab, which YAML does not allow; indent with spaces only (set your editor to insert spaces for a tab)`,
      `  ${file}:39:10: invalid YAML: the value opened with " (column 10) is not closed on its line, so YAML reads on into the lines below for its end; write the closing " where the value ends (a " inside it is written \\")`,
      `  ${file}:55:4: invalid YAML: the list item starts at column 4, but the items of its list start at column 3 (line 47); start it at column 3, as they do (every item of a list starts at the same column, its fields 2 columns after the "-")`,
    ]);
    expect(existsSync(join(dir, 'out'))).to.equal(false);
  });

  it('more than 20 errors: the first 20 listed, then how many more, as for schema problems', async () => {
    // Every unquoted evidence, source and confidence of the TEMP.Periscope file opened with a ' and never closed.
    let opened = 0;
    const text = PERISCOPE.split('\n')
      .map((source) => source.replace(/^( {4}(?:evidence|source|confidence): )(?![>|'"])/, (all, lead: string) => (opened++, `${lead}'`)))
      .join('\n');
    expect(opened).to.be.greaterThan(20);
    expect(refusal(text).issues).to.have.length(opened);
    const dir = freshTmpDir('syntax-errors');
    const file = join(dir, 'periscope.yaml');
    writeFileSync(file, text);
    const result = await runCli(['render', file, '--out', join(dir, 'out')]);
    expect(result.code).to.equal(1);
    const listed = result.stderr.split('\n').filter((line) => line.startsWith(`  ${file}:`));
    expect(listed).to.have.length(20);
    expect(listed.every((line) => line.includes("invalid YAML: the value opened with ' "))).to.equal(true);
    expect(result.stderr).to.include(`  and ${opened - 20} more problems`);
  });

  it('after an error whose cause is not known, the later errors are listed, each saying it may follow from it', () => {
    // A stray line in the techniques list, then (a separate mistake) a quote left open three techniques on.
    const text = broken(
      APT32,
      ['    confidence: medium', '  see the table'],
      ['  - ref: Custom Command and Control Protocol (T1094)', '  - ref: "Custom Command and Control Protocol (T1094)'],
    );
    const { issues } = refusal(text);
    expect(issues[0]).to.include({ line: 33, column: 1 });
    expect(issues[0]!.message).to.match(/^invalid YAML: .*\(the YAML parser's words\)/);
    const quote = issues.find((issue) => issue.line === 69);
    expect(quote?.message).to.include('the value opened with " (column 10) is not closed on its line');
    expect(quote?.message).to.match(/; it may follow from the error on line 33: mend that one first$/);
  });

  it('the real campaign files read as before', () => {
    expect(parseCampaign(APT32, 'a.yaml').name).to.equal('APT32 targets Wuhan government (COVID-19)');
    expect(parseCampaign(PERISCOPE, 'p.yaml').techniques.length).to.be.greaterThan(5);
  });
});
