import { expect } from 'chai';
import { InputError } from '../../lib/errors.js';
import { statedLayerDomain } from '../../lib/layer/layer-domain.js';

describe('statedLayerDomain', () => {
  const read: [unknown, string | undefined][] = [
    ['enterprise-attack', 'enterprise-attack'],
    ['mitre-enterprise', 'enterprise-attack'],
    ['mitre-mobile', 'mobile-attack'],
    ['mobile-attack', 'mobile-attack'],
    ['ics-attack', 'ics-attack'],
    // Short and display names, which the repair reads so and reports (repair-layer.test.ts).
    ['enterprise', 'enterprise-attack'],
    ['Mobile ATT&CK', 'mobile-attack'],
    [undefined, undefined],
  ];
  for (const [domain, expected] of read) {
    it(`reads ${JSON.stringify(domain)} as ${expected ?? 'no domain'}`, () => {
      expect(statedLayerDomain(domain === undefined ? {} : { domain }, 'l.json')).to.equal(expected);
    });
  }

  it('refuses a name that was never a domain, listing the domains', () => {
    expect(() => statedLayerDomain({ domain: 'corporate' }, 'x.json')).to.throw(InputError, 'x.json: /domain: "corporate" is not an ATT&CK domain (enterprise-attack, mobile-attack, ics-attack)');
    // Two domains' words name no one domain.
    expect(() => statedLayerDomain({ domain: 'Enterprise and Mobile' }, 'x.json')).to.throw(InputError, '/domain: "Enterprise and Mobile" is not an ATT&CK domain');
  });
});
