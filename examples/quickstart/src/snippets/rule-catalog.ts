import {
  defineRuleCatalog,
  describeViolation,
  isRuleViolation,
  type Locale,
  violationFactory,
} from '@safeledger/core';

// An aggregate's rules: ids of the domain spec, every text in both languages, and one message
// template per violation whose placeholders name values of the error's `details`.
export const filingRules = defineRuleCatalog([
  {
    id: 'EC-1',
    scope: 'EnforcementCase',
    title: { 'zh-CN': '立案条件', en: 'Filing' },
    statement: {
      'zh-CN': '立案须列明违反的条款；审批人不得为承办人。',
      en: 'A filing names the violated provisions; the approver is not a proposer.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      SelfApproval: {
        'zh-CN': '{role, label, role}{approverId}是本案承办人，不得审批立案',
        en: '{role} {approverId} proposed the case and may not approve it',
      },
      NoProvisions: {
        'zh-CN': '立案须列明违反的条款，现列明{count}条',
        en: 'a filing names at least one violated provision, {count, plural, =0 {none was} one {# was} other {# were}} given',
      },
    },
  },
]);

// Deciders raise violations through the catalog: a misspelt rule, violation or value, or a value
// the template needs and is not given, fails the type check.
const violate = violationFactory(filingRules);

export function fileCase(proposerIds: readonly string[], approverId: string, provisions: number) {
  if (provisions === 0) throw violate('EC-1', 'NoProvisions', { count: provisions });
  if (proposerIds.includes(approverId)) {
    throw violate('EC-1', 'SelfApproval', { role: 'AuthorityHead', approverId });
  }
}

// Applications render the rejection in the user's language from the error alone.
export function rejectionIn(locale: Locale): string {
  try {
    fileCase(['p-1', 'p-2'], 'p-2', 1);
    return 'accepted';
  } catch (error) {
    if (!isRuleViolation(error)) throw error;
    return describeViolation(error, locale, { catalogs: [filingRules] });
  }
}
