import { expect } from 'chai';
import { pantherQueryTables } from '../../lib/coverage/read-panther.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { freshTmpDir } from '../helpers/attack.js';

// test/fixtures/coverage/panther-scheduled (README there): panther-analysis scheduled rules of no LogTypes and the
// scheduled queries they name, in rules/ and queries/ apart. Before, each counted on every platform: Okta SWA Unusual
// Time Access - Behavioral (T1078) was counted for a Windows threat's Valid Accounts.
describe('settleScheduledQueries: a Panther scheduled rule fires on the data of its scheduled queries', () => {
  const folder = 'test/fixtures/coverage/panther-scheduled';
  const input = readRuleFolder(folder);
  const rule = (name: string) => input.rules.find((r) => r.name === name)!;

  it('takes the log tables of the query it names, found in another folder by its QueryName in any case: an identity provider', () => {
    const okta = rule('Okta SWA Unusual Time Access - Behavioral');
    expect([okta.dataSources, okta.platforms]).to.deep.equal([['okta_systemlog'], ['Azure AD']]);
  });

  it('reads AWS CloudTrail\'s table as AWS.CloudTrail: AWS', () => {
    const ec2 = rule('AWS EC2 Discovery Commands Executed');
    expect([ec2.dataSources, ec2.platforms]).to.deep.equal([['aws_cloudtrail'], ['AWS']]);
  });

  it('leaves a rule whose query is not among the files read on every platform, saying so on the line naming it', () => {
    const spraying = rule('CloudTrail Password Spraying');
    expect([spraying.dataSources, spraying.platforms]).to.deep.equal([undefined, undefined]);
    expect(input.problems.map((p) => [p.file.slice(folder.length + 1), p.line, p.message])).to.deep.equal([
      [
        'queries/aws_queries/cloudtrail_password_spraying.yml',
        9,
        'scheduled query "Query.CloudTrail.Password.Spraying" is not among the files read, so where the rule fires is not known; it counts on every platform (give the folder that holds its query too)',
      ],
    ]);
  });

  it('settles them from the rule cache as from the files', () => {
    const cacheDir = freshTmpDir('panther-scheduled-cache');
    const platforms = () => readRuleFolder(folder, { cacheDir }).rules.map((r) => [r.name, r.platforms]);
    expect(platforms()).to.deep.equal(platforms());
    expect(platforms()).to.deep.equal(input.rules.map((r) => [r.name, r.platforms]));
  });

  const sql: [what: string, query: string, tables: string[], other: boolean][] = [
    ['a log table and a lookup table (no log)', 'FROM panther_logs.public.okta_systemlog r LEFT JOIN panther_lookups.public.okta_baseline_90d b', ['okta_systemlog'], false],
    ['a table without its schema, any case', 'select * FROM PANTHER_LOGS.aws_cloudtrail', ['aws_cloudtrail'], false],
    ['a view of several logs: of no known log type', 'SELECT * FROM panther_views.public.all_logins', [], true],
  ];
  for (const [what, query, tables, other] of sql) it(`reads ${what}`, () => expect(pantherQueryTables(query)).to.deep.equal({ tables, other }));
});
