import { expect } from 'chai';
import { domainHint } from '../../lib/suggest/domain-words.js';

const passages = (...texts: string[]) => texts.map((text) => ({ text }));

// Short reconstructions, in our own words, of real reports: ESET's account of BankBot back on Google Play (2017, as
// republished by dailytopici.com and teiss.co.uk), Dragos' report of trojanized password crackers for PLCs and HMIs
// (2022, as summarized by securitycurated.com), and an enterprise intrusion that mentions an Android implant once.
describe('domainHint', () => {
  it('points a report about an Android app to mobile, naming the words found', () => {
    const bankbot = passages(
      'A banking trojan for Android came back to Google Play hidden in a puzzle game.',
      'Twenty minutes after the game first runs, it shows a dialog asking to enable a fake Google service.',
      'The dialog leads the user to the accessibility services settings and lists the permissions it wants.',
      'It then makes itself the default SMS app and draws over other apps to steal card details.',
    );
    expect(domainHint(bankbot)).to.deep.equal({ domain: 'mobile', what: 'mobile devices or apps', passages: 2, of: 4, words: ['Android', 'Google Play', 'accessibility services'] });
  });

  it('points a report about PLC and HMI software to ics', () => {
    const cracker = passages(
      'An actor sells password crackers for programmable logic controllers and HMIs to plant engineers.',
      'The tools recover the password of the PLC but also drop Sality on the engineering workstation.',
      'The infected host joins a botnet that mines cryptocurrency.',
    );
    expect(domainHint(cracker)).to.deep.include({ domain: 'ics', passages: 2, of: 3 });
  });

  it('says nothing of an enterprise report that names a mobile platform in one passage, or Cisco IOS', () => {
    const intrusion = passages(
      'The group sent spearphishing emails with a macro that ran PowerShell.',
      'The payload was stored in the registry and loaded by a scheduled task.',
      'The actors also maintain an Android implant, not seen in this intrusion.',
      'They dumped LSASS memory and moved laterally over SMB.',
      'Finally, they changed the configuration of a router running Cisco IOS.',
    );
    expect(domainHint(intrusion)).to.equal(undefined);
  });
});
