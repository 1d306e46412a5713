/**
 * What a rule leaves out of its data is not read (negatedAt, over the whole expression a negation governs). Rules:
 * test/fixtures/coverage/mail-delivery-exclusions (its README names the shapes each follows).
 */
import { expect } from 'chai';
import { splunkMailData } from '../../lib/coverage/mail-delivery.js';
import { negatedAt, splunkSearchTerms } from '../../lib/coverage/source-platforms.js';

/** Whether the term `term` (its first occurrence after `from`) of `query` is negated. */
const negated = (query: string, term: string, from = 0): boolean => negatedAt(query, query.indexOf(term, from));

describe('negatedAt: a negation governs the whole expression it opens', () => {
  const cases: [what: string, query: string, term: string, negated: boolean][] = [
    // A real search's shape: `… NOT sourcetype IN (archimedes:operation, archimedes:scheduler) earliest=-30d`.
    ['a value deep in a negated IN list', 'index=email NOT sourcetype IN (pps_messagelog, pps_maillog) action=deliver', 'pps_maillog', true],
    ['a term after the list closes', 'index=email NOT sourcetype IN (pps_messagelog) sourcetype=cisco:esa:textmail', 'sourcetype=cisco', false],
    ['a term deep in nested parentheses of `| search NOT (…)`', 'index=email | search NOT (host=a OR (sourcetype=pps_messagelog AND b=c))', 'sourcetype=', true],
    ['an argument of a negated call, `| where NOT match(sourcetype, …)`', 'index=email | where NOT match(sourcetype, "pps_messagelog")', 'sourcetype', true],
    // Lucene's `NOT event.dataset:(elastic_agent* OR windows.perfmon* OR system.cpu*)`, KQL's and EQL's lists alike.
    ['a value of a negated KQL list', 'file.extension:iso and not event.dataset : ("proofpoint_tap.message_delivered" or "mimecast.ttp_ap_logs")', 'mimecast', true],
    ['a value of a negated EQL `in` list', 'any where not event.dataset in ("o365.audit", "proofpoint_tap.message_delivered")', 'proofpoint_tap', true],
    ['a term after a negated comparison, not in it', 'NOT index=main sourcetype IN (pps_messagelog)', 'pps_messagelog', false],
    ['a word that only starts with "not" (nothing(…))', 'eval x=nothing(sourcetype=pps_messagelog)', 'sourcetype', false],
  ];
  for (const [what, query, term, expected] of cases) it(`${expected ? 'negates' : 'does not negate'} ${what}`, () => expect(negated(query, term)).to.equal(expected));
});

describe('splunkSearchTerms: a list of source types is read, and left out when negated', () => {
  it('reads `sourcetype IN (a, "b")` as each source type', () => {
    expect(splunkSearchTerms('index=email sourcetype IN (pps_messagelog, "pps_maillog") | stats count')).to.deep.equal({ indexes: ['email'], sources: ['pps_messagelog', 'pps_maillog'] });
  });
  it('reads none of `NOT sourcetype IN (a, b)`', () => {
    expect(splunkSearchTerms('index=proofpoint NOT sourcetype IN (pps_messagelog, pps_maillog) action=login')).to.deep.equal({ indexes: ['proofpoint'], sources: [] });
  });
  it('reads mail where a search keeps the gateway\'s message logs, none where it leaves them out', () => {
    expect(splunkMailData([], 'index=email sourcetype IN (pps_messagelog, pps_maillog)')).to.deep.equal(['pps_messagelog', 'pps_maillog']);
    expect(splunkMailData([], 'index=email NOT sourcetype IN (pps_messagelog, pps_maillog)')).to.deep.equal([]);
  });
});
