import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

/**
 * The multi-tenant site rules of domain spec §4.7 (厂中厂) as the library enforces them. MT-0 is
 * the library's: the order of commands on a site stream.
 */
export const siteRules = defineRuleCatalog([
  {
    id: 'MT-0',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '厂中厂登记顺序', en: 'Site lifecycle' },
    statement: {
      'zh-CN':
        '本库规则：厂中厂登记后方可办理其他命令，每个事件流只登记一次；租赁编号在本厂区内唯一，针对租赁的命令须指向已登记的租赁。',
      en: 'Added by the library: every command but `RegisterSite` needs a registered site, and a site is registered once; a tenancy id is unique on its site, and tenancy commands name a registered tenancy.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      SiteNotRegistered: {
        'zh-CN': '厂中厂尚未登记，不能办理{command, label, commandType}',
        en: '{command} needs a registered site',
      },
      AlreadyRegistered: {
        'zh-CN': '厂中厂{siteId}已登记',
        en: 'site {siteId} is already registered',
      },
      UnknownTenancy: {
        'zh-CN': '本厂区没有租赁{tenancyId}',
        en: 'the site has no tenancy {tenancyId}',
      },
      DuplicateTenancy: {
        'zh-CN': '租赁编号{tenancyId}已被使用',
        en: 'tenancy id {tenancyId} is already used on this site',
      },
    },
  },
  {
    id: 'MT-1',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '承租单位', en: 'Tenant' },
    statement: {
      'zh-CN':
        '产权单位和承租单位须为名录中已登记的企业，承租单位不得为产权单位本身；同一承租单位在同一厂区的租赁期间（开始日至结束日，未定结束日的视为长期）不得重叠。',
      en: 'Landlord and tenant are enterprises of the directory and the tenant is not the landlord; one tenant has at most one tenancy on a site at any date (tenancy periods from start date to end date, open-ended when none, may not overlap).',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      UnknownEnterprise: {
        'zh-CN': '名录中没有企业{enterpriseId}',
        en: 'enterprise {enterpriseId} is not in the directory',
      },
      TenantIsLandlord: {
        'zh-CN': '承租单位{tenantEnterpriseId}是本厂区的产权单位',
        en: 'tenant {tenantEnterpriseId} is the landlord of the site',
      },
      TenancyOverlaps: {
        'zh-CN':
          '{tenantEnterpriseId}在本厂区已有租赁{existingTenancyId}（自{existingStart, date}起），期间重叠',
        en: 'tenant {tenantEnterpriseId} already has tenancy {existingTenancyId} (from {existingStart}) for an overlapping period',
      },
    },
  },
  {
    id: 'MT-2',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '承租方资质审查', en: 'Tenant qualification checked' },
    statement: {
      'zh-CN':
        '登记租赁须 `qualificationChecked = true`：生产经营单位不得将生产经营场所出租给不具备安全生产条件或者相应资质的单位或者个人（《安全生产法》（2021）第四十九条第一款）。',
      en: '`RegisterTenancy` requires `qualificationChecked = true`: a unit may not lease premises to a party lacking safety conditions or qualifications (WSL 2021 Art. 49(1)).',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      QualificationNotChecked: {
        'zh-CN': '未审查承租单位{tenantEnterpriseId}的安全生产条件和资质，不得出租',
        en: 'the safety conditions and qualifications of tenant {tenantEnterpriseId} were not checked',
      },
    },
  },
  {
    id: 'MT-3',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '安全生产管理协议', en: 'Safety management agreement' },
    statement: {
      'zh-CN':
        '安全生产管理协议须由双方主要负责人签署（协议载明双方签署人，办理人为其中一方），`covers` 须含 `hazard_management`（各自的隐患排查治理职责），否则报 `AgreementIncomplete`；在租赁合同中约定各自安全生产管理职责的（`lease_clauses`）同样有效（《安全生产法》（2021）第四十九条第二款）。已终止的租赁不得签订。',
      en: 'The agreement is signed by the Principals of both parties (both signatories in the payload, the actor being one of them) and `covers` includes `hazard_management` (each party’s duties for hazard investigation, rectification and control), else `AgreementIncomplete`; a lease stating each party’s safety duties (`lease_clauses`) is an accepted form (WSL 2021 Art. 49(2)).',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      AgreementIncomplete: {
        'zh-CN': '安全生产管理协议不完整，缺少：{missing, list}',
        en: 'the agreement is incomplete; missing: {missing, list}',
      },
      WrongSignatory: {
        'zh-CN':
          '{personId}不是{party, select, landlord {产权单位} tenant {承租单位} other {当事方}}{enterpriseId}的主要负责人',
        en: '{personId} is not the Principal of the {party, select, landlord {landlord} tenant {tenant} other {party}} {enterpriseId}',
      },
    },
  },
  {
    id: 'MT-4',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '未签订协议（推算）', en: 'Missing agreement (derived)' },
    statement: {
      'zh-CN':
        '推算事实：生产经营性租赁在开始日后 `agreementGraceDays` 日（当地日历日）结束时仍未签订安全生产管理协议的，自此不合规，直至签订或租赁结束（`siteLapses`，依查询时点 `asOf` 推算，不入库）。',
      en: 'Derived: a productive tenancy without an agreement by the end of the local day `agreementGraceDays` after its start date is non-compliant from then until one is signed or the tenancy ends (`siteLapses`, computed from `asOf`, never stored).',
    },
    basis: 'D',
    enforcement: 'derived',
    policyKeys: ['agreementGraceDays', 'timezone'],
    violations: {},
  },
  {
    id: 'MT-5',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '产权单位检查脱期（推算）', en: 'Landlord check lapsed (derived)' },
    statement: {
      'zh-CN':
        '推算事实：生产经营性租赁在最近一次产权单位检查（无检查的，自租赁开始日）后 `landlordCheckIntervalDays` 日（当地日历日）结束时仍无新的检查的，即为检查脱期（产权单位应当定期进行安全检查——《安全生产法》（2021）第四十九条第二款）。',
      en: 'Derived: a productive tenancy lapses when no landlord check is recorded by the end of the local day `landlordCheckIntervalDays` after the last check (or after the start date when there is none); the landlord must coordinate and inspect its tenants periodically (WSL 2021 Art. 49(2)).',
    },
    basis: 'L',
    enforcement: 'derived',
    policyKeys: ['landlordCheckIntervalDays', 'timezone'],
    violations: {},
  },
  {
    id: 'MT-6',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '统一协调管理隐患', en: 'Coordination hazard' },
    statement: {
      'zh-CN':
        '可选定时策略（`autoRegisterCoordinationHazard`，PO-7）：工贸行业产权单位出现 MT-4 或 MT-5 情形的，以该厂中厂为对象、产权单位为责任单位登记一条管理缺陷类重大事故隐患，依据《工贸企业重大事故隐患判定标准》（应急管理部令第10号，2023）第三条第一项。每次脱期只登记一条，无论策略运行多少次。',
      en: 'Optional scheduled policy (`autoRegisterCoordinationHazard`, PO-7): an MT-4 or MT-5 lapse on an industry-and-trade landlord registers a `management_deficiency` hazard graded major on the site, the landlord responsible, with basis MEM Order 10 (2023) Art. 3(1) (no unified coordination or periodic inspection of contractors or tenants). One hazard per lapse however often the policy runs.',
    },
    basis: 'L',
    enforcement: 'derived',
    policyKeys: ['autoRegisterCoordinationHazard'],
    violations: {},
  },
  {
    id: 'MT-7',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '安全设备数量', en: 'Device counts' },
    statement: {
      'zh-CN': '安装数量须为正整数；各类设备总数累计计算。',
      en: 'Device counts are positive integers; totals are cumulative.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      DeviceCountNotPositive: {
        'zh-CN': '{kind, label, deviceKind}安装数量须为正整数，现为{count}',
        en: 'the {kind} count must be a positive integer, got {count}',
      },
    },
  },
  {
    id: 'MT-8',
    scope: 'MultiTenantSite',
    title: { 'zh-CN': '租赁期间', en: 'Tenancy period' },
    statement: {
      'zh-CN': '结束日不得早于开始日；租赁终止后不再受理针对该租赁的任何命令。',
      en: '`endDate ≥ startDate`; an ended tenancy accepts no commands.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      InvalidPeriod: {
        'zh-CN': '结束日{endDate, date}早于开始日{startDate, date}',
        en: 'endDate {endDate} is before startDate {startDate}',
      },
      TenancyEnded: {
        'zh-CN': '租赁{tenancyId}已终止，不能办理{command, label, commandType}',
        en: 'tenancy {tenancyId} has ended and accepts no {command}',
      },
    },
  },
]);

/** Raises a violation of a multi-tenant site rule. */
export const violateSite = violationFactory(siteRules);
