import { expect } from 'chai';
import { techniquesFilterHides } from '../../lib/layer/platform-visibility.js';
import { loadRelease } from '../helpers/attack.js';

describe('techniquesFilterHides (the techniques a layer\'s platform filter hid from its author)', () => {
  it('finds T1530 (AWS, GCP, Azure in ATT&CK 8.2) under Windows, macOS, Linux, as elsec_dr2an\'s heatmap holds it', () => {
    const hidden = techniquesFilterHides(['T1110', 'T1530', 'T1059.001', 'T1530'], loadRelease('8.2'), ['Windows', 'macOS', 'Linux']);
    expect(hidden.map((record) => record.id)).to.deep.equal(['T1530']);
  });

  it('reads each name as its release\'s author saw it: AWS shows an ATT&CK 8.2 technique on AWS, "windows" one on Windows', () => {
    expect(techniquesFilterHides(['T1530', 'T1078'], loadRelease('8.2'), ['AWS'])).to.deep.equal([]);
    expect(techniquesFilterHides(['T1087', 'T1003'], loadRelease('18.1'), ['windows'])).to.deep.equal([]);
  });

  it('finds a sub-technique whose parent\'s row the filter hides (T1020.001 under IaaS), and no ID the release lacks or revokes', () => {
    const release = loadRelease('18.1');
    expect(techniquesFilterHides(['T1020.001', 'T1086', 'T9999'], release, ['IaaS']).map((record) => record.id)).to.deep.equal(['T1020.001']);
  });
});
