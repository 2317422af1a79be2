import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

/**
 * The enterprise rules of domain spec §4.8 as the library enforces them, in both locales. Each
 * statement records the library's reading where the spec leaves room; grep an id (`E-5`) to find
 * its check and tests. Who may send each command is G-5 (`Forbidden`).
 */
export const enterpriseRules = defineRuleCatalog([
  {
    id: 'E-1',
    scope: 'Enterprise',
    title: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
    statement: {
      'zh-CN':
        '登记企业须提供18位统一社会信用代码（GB 32100-2015），第18位校验码由前17位计算，错误时报 `InvalidUscc` 并给出应有的校验码；代码在整个登记库中唯一，并发登记同一代码只有一个成功，其余报 `DuplicateEnterprise`。同一流上再次登记报 `AlreadyRegistered`。',
      en: 'Registration needs an 18-character unified social credit code (GB 32100-2015) whose 18th, check character is computed from the other 17; a wrong code is `InvalidUscc`, naming the expected check character. The code is unique across the registry: of concurrent registrations of one code exactly one succeeds, the others are `DuplicateEnterprise`. Registering a stream twice is `AlreadyRegistered`.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      InvalidUscc: {
        'zh-CN': '统一社会信用代码{uscc}无效：{problem}',
        en: 'unified social credit code {uscc} is invalid: {problem}',
      },
      DuplicateEnterprise: {
        'zh-CN': '统一社会信用代码{uscc}已由企业{ownerId}登记',
        en: 'unified social credit code {uscc} is already registered by enterprise {ownerId}',
      },
      AlreadyRegistered: {
        'zh-CN': '企业{enterpriseId}已登记',
        en: 'enterprise {enterpriseId} is already registered',
      },
    },
  },
  {
    id: 'E-2',
    scope: 'Enterprise',
    title: { 'zh-CN': '主要负责人唯一', en: 'One principal' },
    statement: {
      'zh-CN':
        '企业任何时候有且只有一名主要负责人：登记时必须指定，`ChangePrincipal` 以新人替换旧人；新主要负责人即时生效，此后签署统计报送（E-5）、以主要负责人身份验收（H-19）的都是新人。指定现任主要负责人报 `SamePrincipal`。',
      en: 'An enterprise has exactly one principal at a time: registration names one, `ChangePrincipal` replaces them. The new principal acts from then on: they sign the next statistics filing (E-5) and verify as principal (H-19). Naming the current principal again is `SamePrincipal`.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      SamePrincipal: {
        'zh-CN': '{personId}已是主要负责人',
        en: '{personId} is already the principal',
      },
    },
  },
  {
    id: 'E-3',
    scope: 'Enterprise',
    title: { 'zh-CN': '安全生产标准化等级', en: 'Standardization grade' },
    statement: {
      'zh-CN':
        '等级为1、2、3级，分别由国家级、省级、市级应急管理部门评定（由该部门人员办理）；有效期至 `awardedOn` 加 `standardizationValidityYears` 年；在时点T有效当且仅当评定日 ≤ T ≤ 有效期满日且未撤销。有效性由 `asOf` 推算，不作为状态保存（G-6）。撤销只针对尚未撤销的当前等级。',
      en: 'Grades are 1, 2 and 3, awarded by a national, provincial and municipal authority respectively (an officer of that authority sends the command); `validUntil` is `awardedOn` plus `standardizationValidityYears`; a grade is valid at T when awarded on or before T, T is on or before `validUntil` and it is not revoked by T. Validity is derived from `asOf`, never stored (G-6). Only a current, unrevoked grade can be revoked.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: ['standardizationValidityYears'],
    violations: {
      AuthorityLevelMismatch: {
        'zh-CN': '{grade}级须由{expectedLevel}部门评定，{authorityOrgId}为{level}',
        en: 'grade {grade} is awarded at level {expectedLevel}, but {authorityOrgId} is at level {level}',
      },
      NoCurrentGrade: {
        'zh-CN': '企业{enterpriseId}没有可撤销的标准化等级',
        en: 'enterprise {enterpriseId} has no standardization grade to revoke',
      },
    },
  },
  {
    id: 'E-4',
    scope: 'Enterprise',
    title: { 'zh-CN': '安全风险报告', en: 'Risk reporting' },
    statement: {
      'zh-CN':
        '按江苏省政府令第140号：新建项目竣工验收后30日内初次报告（须填 `projectAcceptedOn`）；每年第一季度定期报告一次；出现新的较大及以上风险或此类风险等级变化时变更报告（须填 `riskChangedOn`，且至少含一项较大及以上风险）。迟报由 `asOf` 推算：初次报告晚于验收后30日、定期报告晚于当年3月31日为迟报；规定未给出变更报告时限，本库不判迟报。报告年度不得晚于报告日期所在年度。',
      en: 'Jiangsu Provincial Government Order 140: an initial report within 30 days after completion acceptance of a new project (`projectAcceptedOn` required); a periodic report once a year in Q1; a change report on a new significant-or-major risk or a change in such a risk’s level (`riskChangedOn` required, at least one significant or major risk). Lateness is derived from `asOf`: an initial report after acceptance + 30 days, a periodic report after 31 March of its year; the order gives change reports no deadline, so the library never calls them late. The report year may not lie after the filing date’s year.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      MissingReportDate: {
        'zh-CN': '{reportType, label, riskReportType}须填写{field}',
        en: 'a {reportType} report needs {field}',
      },
      NoSignificantRisk: {
        'zh-CN': '变更报告须至少含一项较大及以上风险',
        en: 'a change report needs at least one significant or major risk',
      },
      FutureReportYear: {
        'zh-CN': '报告年度{year}晚于填报日期',
        en: 'report year {year} lies after the filing date',
      },
    },
  },
  {
    id: 'E-5',
    scope: 'Enterprise',
    title: { 'zh-CN': '隐患排查治理情况统计报送', en: 'Hazard statistics filing' },
    statement: {
      'zh-CN':
        '统计报送须由现任主要负责人签署（其他人报 `NotCurrentPrincipal`）；期间为季度（如 `Q1-2024`）或年度（如 `2024`），须在期间结束后报送，同一期间只报一次。季度报表于下一季度第15日前、年度报表于次年1月31日前报送（第16号令第十四条）；迟报由 `asOf` 推算。',
      en: 'A statistics filing is signed by the current principal (anyone else is `NotCurrentPrincipal`); the period is a quarter (`Q1-2024`) or a year (`2024`), filed after the period ends and once per period. A quarter is due by the 15th day of the following quarter, a year by 31 January of the next year (Order 16 Art. 14); lateness is derived from `asOf`.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      NotCurrentPrincipal: {
        'zh-CN': '{personId}不是现任主要负责人（现任：{principalId}）',
        en: '{personId} is not the current principal ({principalId} is)',
      },
      InvalidPeriod: {
        'zh-CN': '统计期间{period}应为季度（如Q1-2024）或年度（如2024）',
        en: 'statistics period {period} must be a quarter like Q1-2024 or a year like 2024',
      },
      PeriodNotEnded: {
        'zh-CN': '统计期间{period}尚未结束',
        en: 'statistics period {period} has not ended yet',
      },
      AlreadySubmitted: {
        'zh-CN': '统计期间{period}已报送',
        en: 'statistics for {period} were already submitted',
      },
    },
  },
  {
    id: 'E-6',
    scope: 'Enterprise',
    title: { 'zh-CN': '关闭企业', en: 'Closed enterprise' },
    statement: {
      'zh-CN':
        '已关闭的企业不再受理任何命令（`EnterpriseClosed`），其未闭环隐患保留并继续显示在台账中。除登记外，所有命令都需要已登记的企业（`EnterpriseNotRegistered`）。',
      en: 'A closed enterprise accepts no commands (`EnterpriseClosed`); its open hazards remain and show in ledgers. Every command but registration needs a registered enterprise (`EnterpriseNotRegistered`).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      EnterpriseClosed: {
        'zh-CN': '企业{enterpriseId}已关闭，不受理{command}',
        en: 'enterprise {enterpriseId} is closed and accepts no {command}',
      },
      EnterpriseNotRegistered: {
        'zh-CN': '流{streamId}中没有已登记的企业，不能办理{command}',
        en: '{command} needs a registered enterprise in stream {streamId}',
      },
    },
  },
]);

/** Raises a violation of an enterprise rule: `throw violate('E-5', 'NotCurrentPrincipal', …)`. */
export const violate = violationFactory(enterpriseRules);
