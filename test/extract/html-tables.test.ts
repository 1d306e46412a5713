import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { readHtmlTables } from '../../lib/extract/html-tables.js';
import { foldLines } from '../../lib/normalize/tokenize-references.js';

/** The lines `readHtmlTables` reads a text as: each line's number and text. */
function readLines(text: string): Array<[number, string]> {
  const lines = foldLines(text);
  return readHtmlTables(lines, lines.map((folded, i) => ({ folded, number: i + 1 }))).map((line) => [line.number, line.folded.text]);
}

// Table 2 of CISA/FBI/EC3/NCSC-NL joint advisory AA24-109A (#StopRansomware: Akira Ransomware; a US government work,
// public domain), set as the advisory's HTML page sets a table: each cell on a line of its own, its text in `<p>`, the
// ID a link to ATT&CK. The second row's use is ours, wrapped over two paragraphs, with character references.
const AKIRA = [
  '<p>See Table 2 for the techniques.</p>',
  '<table class="usa-table">',
  '<caption>Table 2: Credential Access</caption>',
  '<thead>',
  '<tr>',
  '<th><p><strong>Technique Title</strong></p></th>',
  '<th><p><strong>ID</strong></p></th>',
  '<th><p><strong>Use</strong></p></th>',
  '</tr>',
  '</thead>',
  '<tbody>',
  '<tr>',
  '<td><p>OS Credential Dumping</p></td>',
  '<td><p><a href="https://attack.mitre.org/versions/v14/techniques/T1003/">T1003</a></p></td>',
  '<td><p>Akira threat actors use tools like Mimikatz and LaZagne to dump credentials.</p></td>',
  '</tr>',
  '<tr>',
  '<td><p>OS Credential Dumping: LSASS Memory</p></td>',
  '<td><p><a href="https://attack.mitre.org/versions/v14/techniques/T1003/001/">T1003.001</a></p></td>',
  '<td><p>Akira threat actors attempt to access credential material stored in',
  'the process memory of the LSASS.</p>',
  '<p>They used comsvcs.dll&nbsp;&amp; MiniDump.</p></td>',
  '</tr>',
  '</tbody>',
  '</table>',
  '<p>After the table, T1059 in prose.</p>',
].join('\n');

describe('readHtmlTables', () => {
  it('reads an HTML table whose rows are written over several lines as a Markdown table, one line per row', () => {
    const read = readLines(AKIRA);
    expect(read.length).to.equal(AKIRA.split('\n').length);
    expect(read.slice(0, 7)).to.deep.equal([
      [1, '<p>See Table 2 for the techniques.</p>'],
      [3, 'Table 2: Credential Access'],
      [6, '| Technique Title | ID | Use |'],
      [6, '|---|---|---|'],
      [13, '| OS Credential Dumping | T1003 | Akira threat actors use tools like Mimikatz and LaZagne to dump credentials. |'],
      [18, '| OS Credential Dumping: LSASS Memory | T1003.001 | Akira threat actors attempt to access credential material stored in the process memory of the LSASS. They used comsvcs.dll & MiniDump. |'],
      [7, ''],
    ]);
    expect(read.at(-1)).to.deep.equal([26, '<p>After the table, T1059 in prose.</p>']);
  });

  it('joins a cell\'s list items with commas, writes a pipe in a cell as a slash and spreads a cell over the columns it spans', () => {
    // The layout of a Markdown page's HTML table (Sadja18/mitre_docs_ref Techniques/Techniques.md): a `<ul>` of tactics
    // in a cell, each item on its own line; in our own words.
    const text = ['<table>', '<tr><th>Technique ID</th><th colspan="2">Technique Name</th><th>Tactics</th>', '</tr>', '<tr>', '<td><code>T1078</code></td><td>Valid | Accounts</td><td></td>', '<td><ul>', '<li> Initial Access </li>', '<li>Persistence</li>', '</ul></td>', '</tr>', '</table>'].join('\n');
    expect(readLines(text).slice(0, 3)).to.deep.equal([
      [2, '| Technique ID | Technique Name | | Tactics |'],
      [2, '|---|---|---|---|'],
      [5, '| T1078 | Valid / Accounts | | Initial Access, Persistence |'],
    ]);
  });

  it('reads a table whose rows are each on one line the same way, one row a line', () => {
    const lines = ['<table>', '<tr><td>Phishing</td><td>T1566</td></tr>', '<tr><td>Valid Accounts</td><td>T1078</td></tr>', '</table>'];
    expect(readLines(lines.join('\n'))).to.deep.equal([
      [2, '| Phishing | T1566 |'],
      [3, '| Valid Accounts | T1078 |'],
      [3, ''],
      [4, ''],
    ]);
  });

  it('leaves a table with text outside its cells, and one that holds another, as they are', () => {
    const texts = [
      ['Mapped: <table>', '<tr>', '<td>Phishing</td><td>T1566</td>', '</tr>', '</table>'],
      ['<table>', '<tr>', '<td>Phishing</td><td>T1566</td>', '</tr>', '</table><p>The actors also used T1059.</p>'],
      ['<table>', '<tr>', '<td><table><tr><td>T1566</td></tr></table></td>', '</tr>', '</table>'],
    ];
    for (const lines of texts) expect(readLines(lines.join('\n'))).to.deep.equal(lines.map((line, i) => [i + 1, line]));
  });
});

describe('extractReferences on HTML tables whose rows span several lines', () => {
  it('reads each row as one, its Use cell the reference\'s evidence, under its caption\'s tactic (AA24-109A Table 2)', () => {
    const refs = extractReferences(AKIRA);
    expect(refs.map((ref) => [ref.line, ref.raw, ref.ids, ref.name, ref.tactics, ref.evidence])).to.deep.equal([
      [13, 'OS Credential Dumping | T1003', ['T1003'], 'OS Credential Dumping', ['Credential Access'], [{ line: 13, text: 'Akira threat actors use tools like Mimikatz and LaZagne to dump credentials.' }]],
      [
        18,
        'OS Credential Dumping: LSASS Memory | T1003.001',
        ['T1003.001'],
        'OS Credential Dumping: LSASS Memory',
        ['Credential Access'],
        [{ line: 18, text: 'Akira threat actors attempt to access credential material stored in the process memory of the LSASS. They used comsvcs.dll & MiniDump.' }],
      ],
      [26, 'After the table, T1059', ['T1059'], 'After the table', [], undefined],
    ]);
    // The ID's place is where it is written in the page.
    const line = AKIRA.split('\n')[13]!;
    expect(line.slice(refs[0]!.span.start, refs[0]!.span.end)).to.equal('T1003');
  });

  it('gives each row the tactics of its own list cell, not the next row\'s (Sadja18/mitre_docs_ref Techniques.md)', () => {
    // Its layout, in our own words: each cell on a line of its own, the tactics a list over several lines. The name
    // cells were read as no name, and the next row's tactics were added to a row's.
    const text = [
      '<table>', '<thead>', '<tr>', '<th>Technique ID</th>', '<th>Technique Name</th>', '<th>Tactics</th>', '</tr>', '</thead>', '<tbody>',
      '<tr>', '<td> <code>T1047</code></td>', '<td> <b> Windows Management Instrumentation </b></td>', '<td>', '<ul>', '<li> Execution </li>', '</ul>', '</td>', '</tr>',
      '<tr>', '<td><code>T1091</code></td>', '<td><b>Replication Through Removable Media</b></td>', '<td>', '<ul>', '<li>Initial Access</li>', '<li>Lateral Movement</li>', '</ul>', '</td>', '</tr>',
      '</tbody>', '</table>',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.line, ref.ids, ref.name, ref.tactics])).to.deep.equal([
      [11, ['T1047'], 'Windows Management Instrumentation', ['Execution']],
      [20, ['T1091'], 'Replication Through Removable Media', ['Initial Access', 'Lateral Movement']],
    ]);
  });

  // The ATT&CK mapping tables of a site of published malware reports, as the fixtures of its parser record them
  // (`Tactic | Technique ID | Technique Name | Evidence`, search tool index file 63112010976), each row on a line of its
  // own as a scraped page leaves them; rows ours. Before, such a table was read as text: an ID after a tactic cell got
  // no name (`T1505.003`), and one without got the tags as its reference (`T1106</td><td>Native API`).
  it('reads a table whose rows are each on one line by its cells: names, tactics and evidence', () => {
    const text = [
      '<table>',
      '<thead><tr><th>Tactic</th><th>Technique ID</th><th>Technique Name</th><th>Evidence</th></tr></thead>',
      '<tbody>',
      '<tr><td>Persistence</td><td>T1505.003</td><td>Web Shell</td><td>WordPress plugin-dir shell</td></tr>',
      '<tr><td>Execution</td><td>T1106</td><td>Native API</td><td>CreateProcessW from the loader</td></tr>',
      '</tbody>',
      '</table>',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.line, ref.raw, ref.name, ref.tactics, ref.evidence?.map((said) => said.text)])).to.deep.equal([
      [4, 'T1505.003 | Web Shell', 'Web Shell', ['Persistence'], ['WordPress plugin-dir shell']],
      [5, 'T1106 | Native API', 'Native API', ['Execution'], ['CreateProcessW from the loader']],
    ]);
    const idThenName = ['<table>', '<tr><th>ID</th><th>Name</th></tr>', '<tr><td>T1106</td><td>Native API</td></tr>', '</table>'].join('\n');
    expect(extractReferences(idThenName).map((ref) => [ref.raw, ref.name])).to.deep.equal([['T1106 | Native API', 'Native API']]);
  });
});

describe('HTML tables whose cells link to techniques\' pages', () => {
  // The matrix of seccmd/Attack_CN (docs/enterprise-attack-16.1/index.md, a Chinese rendering of ATT&CK 16.1) as its
  // MkDocs site sets it: each head a link to its tactic's page, each cell a link to its technique's page, the ID only in
  // the address (`techniques/T1133/`, `techniques/T1053.005/`); its head and first two rows, four columns of fourteen.
  const matrix = [
    '<table>',
    '<thead>',
    '<tr>',
    '<th><a href="tactics/Reconnaissance/">侦察</a></th>',
    '<th><a href="tactics/ResourceDevelopment/">资源开发</a></th>',
    '<th><a href="tactics/InitialAccess/">初始访问</a></th>',
    '<th><a href="tactics/Execution/">执行</a></th>',
    '</tr>',
    '</thead>',
    '<tbody>',
    '<tr>',
    '<td><a href="techniques/T1592/">收集受害者主机信息</a></td>',
    '<td><a href="techniques/T1583/">获取基础设施</a></td>',
    '<td><a href="techniques/T1133/">外部远程服务</a></td>',
    '<td><a href="techniques/T1053.005/">计划任务</a></td>',
    '</tr>',
    '<tr>',
    '<td><a href="techniques/T1596.003/">数字证书</a></td>',
    '<td><a href="techniques/T1583.007/">无服务器</a></td>',
    '<td><a href="techniques/T1195.001/">妥协软件依赖项和开发工具</a></td>',
    '<td><a href="techniques/T1047/">Windows管理规范</a></td>',
    '</tr>',
    '</tbody>',
    '</table>',
  ].join('\n');

  it('writes a link whose text is no ID as a Markdown link, its address where the page has it', () => {
    const read = readLines(matrix);
    expect(read[2]).to.deep.equal([12, '| [收集受害者主机信息](techniques/T1592/) | [获取基础设施](techniques/T1583/) | [外部远程服务](techniques/T1133/) | [计划任务](techniques/T1053.005/) |']);
    // A link whose text is the ID (`<a href="…/T1003/">T1003</a>`, as CISA's advisories write it) is left as its text.
    expect(readLines('<table>\n<tr><td><a href="https://attack.mitre.org/techniques/T1003/">T1003</a></td><td>Dumped credentials</td></tr>\n</table>')[0]).to.deep.equal([2, '| T1003 | Dumped credentials |']);
  });

  it('reads each technique of a Chinese matrix under its column\'s tactic, at its address', () => {
    // Before, the addresses were left out with the tags: no reference was found.
    const refs = extractReferences(matrix);
    expect(refs.map((ref) => [ref.ids, ref.tactics, ref.line])).to.deep.equal([
      [['T1592'], ['Reconnaissance'], 12],
      [['T1583'], ['Resource Development'], 12],
      [['T1133'], ['Initial Access'], 12],
      [['T1053.005'], ['Execution'], 12],
      [['T1596.003'], ['Reconnaissance'], 18],
      [['T1583.007'], ['Resource Development'], 18],
      [['T1195.001'], ['Initial Access'], 18],
      [['T1047'], ['Execution'], 18],
    ]);
    const line = matrix.split('\n')[13]!;
    expect(refs[2]!.span).to.deep.equal({ line: 14, start: line.indexOf('T1133'), end: line.indexOf('T1133') + 5 });
  });
});
