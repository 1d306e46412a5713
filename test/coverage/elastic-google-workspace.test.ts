import { expect } from 'chai';
import { elasticMailData } from '../../lib/coverage/mail-delivery.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { elasticWorkspaceSignInPlatforms } from '../../lib/coverage/source-platforms.js';

// test/fixtures/coverage/elastic-google-workspace (README there): detection-rules' Google Workspace rules, each tagged
// `Data Source: Google Workspace` alone. Before, its sign-in rule fired on Google Workspace alone (an Identity Provider
// threat's T1110.001 was a gap), and its rule of Gmail's message log read no mail.
describe('Elastic rules of Google Workspace: its sign-ins and its Gmail messages', () => {
  const rules = readRuleFolder('test/fixtures/coverage/elastic-google-workspace').rules;
  const read = (name: string) => {
    const rule = rules.find((r) => r.name === name)!;
    return [rule.platforms, rule.mailData];
  };

  it('places a rule of the login data stream on Google Workspace and its identity provider', () => {
    expect(read('Google Workspace Excessive Login Failures Detected')).to.deep.equal([['Google Workspace', 'Azure AD'], undefined]);
  });

  it('reads Gmail\'s message log as mail', () => {
    expect(read('Google Workspace Gmail Mass External Email Sending Detected')).to.deep.equal([['Google Workspace'], ['google_workspace.gmail']]);
  });

  it('leaves a rule of Drive on Google Workspace alone, reading no mail', () => {
    expect(read('Google Workspace Drive File Shared Publicly')).to.deep.equal([['Google Workspace'], undefined]);
  });

  const cases: [what: string, indexes: string[], query: string, platforms: string[] | undefined][] = [
    ['the index of the login stream', ['filebeat-*', 'logs-google_workspace.login*'], 'event.outcome: "success"', ['Google Workspace', 'Azure AD']],
    ['the token and SAML streams', ['logs-google_workspace*'], 'event.dataset: ("google_workspace.token" or "google_workspace.saml")', ['Google Workspace', 'Azure AD']],
    ['no sign-in where a query keeps the admin stream too', ['logs-google_workspace*'], 'event.dataset: ("google_workspace.login" or "google_workspace.admin")', undefined],
    ['no sign-in in the package\'s every stream', ['logs-google_workspace*'], 'event.action: "x"', undefined],
  ];
  for (const [what, indexes, query, platforms] of cases) it(`reads ${what}`, () => expect(elasticWorkspaceSignInPlatforms(indexes, query)).to.deep.equal(platforms));

  it('reads no mail in a query that leaves Gmail\'s stream out', () => {
    expect(elasticMailData(['logs-google_workspace*'], 'event.action: "x" and not event.dataset: "google_workspace.gmail"')).to.deep.equal([]);
  });
});
