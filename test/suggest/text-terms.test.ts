import { expect } from 'chai';
import { textWords, withoutIndicators } from '../../lib/suggest/text-terms.js';

describe('withoutIndicators', () => {
  const rows: [text: string, expected: string][] = [
    ['servers chemscalere[.]com and scsnewstoday[.]com, served', 'servers   and   served'],
    ['download from hxxp://evil[.]example/a.exe now', 'download from   now'],
    ['beacons to https://c2.example.net/path?q=1.', 'beacons to  '],
    ['hosted on update.microsoft-cdn.com today', 'hosted on   today'],
    ['mail to admin@victim.org.', 'mail to  '],
    ['logged in from 112.66.188.28 in Hainan', 'logged in from   in Hainan'],
    ['hash d41d8cd98f00b204e9800998ecf8427e matched', 'hash   matched'],
    // In code spans, as Markdown and AsciiDoc IoC lists write them (ESET's malware-ioc, MITRE CTID's emulation plans).
    ['from `10.1.0.5` and `https://lab52.io/blog/apt-c-36/`, hash |`+A1B98B1FBF69AF79E5A3F27AA6256417488CC117+` |', 'from   and   hash   |'],
    // With their paths, whose words are the page's title, not what the passage says (a report's reference list).
    ['see www.example-research.com/2024/keylogger-takes-screenshots.', 'see  '],
    ['from update-cdn.net/keylogger/screenshot-capture and www.gov.uk/guidance/phishing', 'from   and  '],
    // Glued to the words of a script written without spaces (a translated Chinese post's source line).
    ['原文链接：https://www.example-research.com/iranian-actor-ported-chain如需转载，请注明出处', '原文链接： 如需转载，请注明出处'],
    ['C2はexample-cdn[.]comとupdate-check[.]netで、', 'C2は と で、'],
    // Kept: file names and tools are behaviour, not infrastructure.
    ['ran rundll32.exe and cmd.exe with agent1.ps1', 'ran rundll32.exe and cmd.exe with agent1.ps1'],
    ['ran www.exe from the node.js/lib folder', 'ran www.exe from the node.js/lib folder'],
    ['the Node.js loader and index.html', 'the Node.js loader and index.html'],
  ];
  for (const [text, expected] of rows) {
    it(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => {
      expect(withoutIndicators(text)).to.equal(expected);
    });
  }

  // With `services`, an address of a well-known service keeps the service's name (`mega[.]nz` is MEGA); others go.
  const serviceRows: [text: string, expected: string][] = [
    ['sent to mega[.]nz.', 'sent to  mega '],
    ['from hxxps://pastebin[.]com/raw/x and raw.githubusercontent[.]com/a/b', 'from  pastebin  and  github '],
    ['`api.telegram[.]org` and https://drive.google.com/file/d/1', ' telegram  and  google drive '],
    ['C2はabc.ngrok[.]ioとexample-cdn[.]comで', 'C2は ngrok と で'],
    // A domain that only ends like one (`notmega.nz`), a service's name in a path, an e-mail address: removed as before.
    ['to notpastebin[.]com and hxxp://evil[.]example/pastebin.com and x@dropbox[.]com', 'to   and   and  '],
  ];
  for (const [text, expected] of serviceRows) {
    it(`with services: ${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => {
      expect(withoutIndicators(text, true)).to.equal(expected);
    });
  }

  it('is linear on one long token (no backtracking regex over the whole passage)', () => {
    const token = `${'a'.repeat(200_000)}.${'b'.repeat(200_000)}`;
    expect(withoutIndicators(`${token} x`)).to.equal(`${token} x`);
  });
});

describe('textWords', () => {
  it('reads ASCII text as it reads the same text with a character beyond ASCII (its fast path changes no word)', () => {
    const ascii = 'APT32 used Rundll32.exe, C:\\Windows\\Temp\\a_b-c.dll and T1059.001; e-mail @ 10:42 (x86_64)!';
    expect(textWords(ascii)).to.deep.equal(['apt32', 'used', 'rundll32', 'exe', 'c', 'windows', 'temp', 'a', 'b', 'c', 'dll', 'and', 't1059', '001', 'e', 'mail', '10', '42', 'x86', '64']);
    expect(textWords(`${ascii} \u00b7`)).to.deep.equal(textWords(ascii));
  });

  it('folds text beyond ASCII by NFKC: full-width letters and digits, ligatures, accented words whole', () => {
    expect(textWords('ＰｏｗｅｒＳｈｅｌｌ ２ ﬁle Dirección')).to.deep.equal(['powershell', '2', 'file', 'dirección']);
  });
});
