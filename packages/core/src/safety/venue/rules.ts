import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

/** The venue rules of domain spec §4.6 as the library enforces them, in Chinese and English. */
export const venueRules = defineRuleCatalog([
  {
    id: 'V-0',
    scope: 'Venue',
    title: { 'zh-CN': '场所录入', en: 'Registration' },
    statement: {
      'zh-CN':
        '本库补充：场所先录入方可办理其他命令，同一场所只录入一次；录入时片区须在基础名录中，由覆盖该片区的网格员或属地管理部门人员录入、更新。',
      en: 'Added by the library: a venue is registered once before any other command; its area must be in the directory, and a GridPatroller or TerritorialOfficer of an organisation covering the area registers and updates it.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN': '{role, label, role}{personId}无权录入或更新场所：{reason}',
        en: '{role} {personId} {reason}',
      },
      NotRegistered: {
        'zh-CN': '场所尚未录入，不能{command, label, commandType}',
        en: '{command} needs a registered venue',
      },
      AlreadyRegistered: {
        'zh-CN': '场所{venueId}已录入',
        en: 'venue {venueId} is already registered',
      },
      UnknownArea: {
        'zh-CN': '片区{areaId}不在基础名录中',
        en: 'area {areaId} is not in the directory',
      },
    },
  },
  {
    id: 'V-1',
    scope: 'Venue',
    title: { 'zh-CN': '场所不重复', en: 'No duplicate venues' },
    statement: {
      'zh-CN':
        '在册场所的统一社会信用代码不得重复，名称加地址（统一全角半角、去除空格、不区分大小写后）不得重复。由 `createVenueRegistry` 以唯一键在各存储上原子占用，并发录入也只有一个成功；注销时释放。',
      en: 'No two active venues share a `uscc`, or a name and address after normalisation (full-width to half-width, spaces removed, case folded). `createVenueRegistry` claims both keys atomically with `createUniqueKeys`, so of racing registrations on any store exactly one wins; deregistration releases them.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      DuplicateVenue: {
        'zh-CN':
          '{field, select, uscc {统一社会信用代码} name_address {名称和地址} other {登记信息}}“{value}”已由场所{ownerVenueId}登记',
        en: '{field} "{value}" is already registered by venue {ownerVenueId}',
      },
    },
  },
  {
    id: 'V-2',
    scope: 'Venue',
    title: { 'zh-CN': '四方标注', en: 'Four-party marking' },
    statement: {
      'zh-CN':
        '属地、行业、消防指导员各标注一个，专项可标注多个：属地须为覆盖场所片区的属地管理部门；行业须为行业监管部门，且为现行场所分工清单中该类别的牵头部门（RA-10，经读模型端口查询，落后时报 `ProjectionLaggingError`）；专项须为覆盖片区的专项监管部门；消防指导员须为具有该角色、其单位覆盖片区的人员。标注人须为被标注类别部门的人员或安委办。单值角色重新标注时先取消原标注。',
      en: '`territorial` exactly one, an organisation of kind `territorial` covering the area; `industry` exactly one, of kind `industry`, and the lead for the category in the active `venue_division` list (RA-10, read through the category-lead port; a lagging read model is `ProjectionLaggingError`); `special` one or more, of kind `special` covering the area; `fire_advisor` exactly one person holding the FireAdvisor role whose organisation covers the area. The marker is an officer of an organisation of the kind marked (special for a fire advisor) or a SafetyCommitteeOffice covering the area. Re-marking a single-valued role unmarks the previous party in the same commit.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权作“{markingRole, label, markingRole}”标注：仅限辖区覆盖区域{areaId}的{orgKind, label, organizationKind}监管人员或安委办标注',
        en: '{role} {personId} may not act: a {markingRole} marking is made by an officer of a {orgKind} organisation or a SafetyCommitteeOffice covering area {areaId}',
      },
      WrongParty: {
        'zh-CN':
          '{id}不能标注为“{markingRole, label, markingRole}”：{problem, select, not_fire_advisor {不是具有消防指导员角色的人员} advisor_out_of_area {其所在单位的辖区不含区域{areaId}} wrong_kind {不是{orgKind, label, organizationKind}} out_of_area {其辖区不含区域{areaId}} other {不符合标注条件}}',
        en: '{id} cannot be marked {markingRole}: {problem, select, not_fire_advisor {not a person with the FireAdvisor role} advisor_out_of_area {their organisation does not cover area {areaId}} wrong_kind {not an organisation of kind {orgKind}} out_of_area {it does not cover area {areaId}} other {not eligible}}',
      },
      RegulatorNotAssignedToCategory: {
        'zh-CN': '{orgId}不是“{category, label, venueCategory}”的牵头行业部门（牵头部门：{leads}）',
        en: '{orgId} is not the lead industry regulator of {category} (leads: {leads})',
      },
      AlreadyMarked: {
        'zh-CN': '{id}已标注为“{markingRole, label, markingRole}”',
        en: '{id} is already marked {markingRole}',
      },
      NotMarked: {
        'zh-CN': '{id}未标注为“{markingRole, label, markingRole}”',
        en: '{id} is not marked {markingRole}',
      },
    },
  },
  {
    id: 'V-3',
    scope: 'Venue',
    title: { 'zh-CN': '巡查人员', en: 'Who patrols' },
    statement: {
      'zh-CN':
        '巡查只能由覆盖片区的网格员、已标注的消防指导员或已标注部门的监管人员登记，线上、线下均可；抽查（`spot_check`）只能由已标注部门或覆盖片区的综合监管部门的监管人员登记。',
      en: 'Patrols are recorded by a GridPatroller of an organisation covering the area, the marked FireAdvisor, or a regulator officer of a marked organisation, on site or online; a `spot_check` only by a regulator officer of a marked organisation or of a safety (comprehensive) organisation covering the area.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权登记巡查：{patrolKind, select, spot_check {抽查仅限已标注部门或综合监管部门的监管人员登记} routine {仅限辖区覆盖区域{areaId}的网格员、已标注的消防指导员或已标注部门的监管人员登记} other {无权登记}}',
        en: '{role} {personId} may not record the patrol: {patrolKind, select, spot_check {a spot check is made by an officer of a marked or a comprehensive safety organisation} routine {only a GridPatroller covering area {areaId}, the marked FireAdvisor or an officer of a marked organisation patrols} other {not allowed}}',
      },
    },
  },
  {
    id: 'V-4',
    scope: 'Venue',
    title: { 'zh-CN': '经营者自查', en: 'Self-checks by the operator' },
    statement: {
      'zh-CN': '自查只能由该场所的经营者（VenueOperator）登记。',
      en: 'Self-checks are recorded only by the venue’s operator (`VenueOperator` of this venue).',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN': '{role, label, role}{personId}不是场所{venueId}的经营者',
        en: '{role} {personId} is not the operator of venue {venueId}',
      },
    },
  },
  {
    id: 'V-5',
    scope: 'Venue',
    title: { 'zh-CN': '注销', en: 'Deregistration' },
    statement: {
      'zh-CN':
        '已注销场所不再受理任何命令；场所存在整改中、待验收或已验收未销号的隐患时不得注销（经读模型端口查询，落后时报 `ProjectionLaggingError`）。注销由覆盖片区的属地管理部门人员办理。',
      en: 'A deregistered venue accepts no command; deregistration, by a TerritorialOfficer of an organisation covering the area, is refused while the venue has hazards in `open`, `awaiting_verification` or `verified` (read through the venue-hazards port; a lagging read model is `ProjectionLaggingError`).',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN': '{role, label, role}{personId}无权注销场所：{reason}',
        en: '{role} {personId} {reason}',
      },
      VenueDeregistered: {
        'zh-CN': '场所{venueId}已注销，不能{command, label, commandType}',
        en: 'venue {venueId} is deregistered; {command} is not accepted',
      },
      OpenHazardsExist: {
        'zh-CN': '场所尚有未销号隐患{hazardIds}，不能注销',
        en: 'the venue has live hazards {hazardIds}',
      },
    },
  },
  {
    id: 'V-6',
    scope: 'Venue',
    title: {
      'zh-CN': '类别变更使行业标注失效',
      en: 'Category change invalidates the industry marking',
    },
    statement: {
      'zh-CN':
        '场所类别变更后，行业标注如不再是新类别的牵头部门即失效（`hasInvalidIndustryMarking`），读模型 P-10 标记为无效标注，直至重新标注；不阻止命令。',
      en: 'After a category change, an industry marking that is no longer the lead of the new category is invalid (`hasInvalidIndustryMarking`); read model P-10 flags it until the venue is re-marked. Never blocks a command.',
    },
    basis: 'P',
    enforcement: 'derived',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'V-7',
    scope: 'Venue',
    title: { 'zh-CN': '抽查计入巡查', en: 'Spot checks count as patrols' },
    statement: {
      'zh-CN':
        '监管部门的抽查可登记为 `VenuePatrolled(kind=spot_check)`，或登记为以场所为对象、类型为抽查的检查；两者在 P-11 中均计为巡查（`countsAsVenuePatrol`）。',
      en: 'A regulator spot check is recorded either as `VenuePatrolled(kind=spot_check)` or as an `Inspection(kind=spot_check, subject=venue)`; both count as patrols for P-11 (`countsAsVenuePatrol`).',
    },
    basis: 'P',
    enforcement: 'derived',
    policyKeys: [],
    violations: {},
  },
]);

/** Raises a venue rule violation. */
export const violate = violationFactory(venueRules);
