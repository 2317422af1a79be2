import { libraryTerm, term } from './label-entry.js';

/** Terms shared by every aggregate: rule scopes and bases, roles, organisations, areas, subjects. */
export const generalTerms = {
  /** Where a rule applies: the general rules (G-) or one aggregate (spec §4). */
  ruleScope: {
    General: term('通用规则', 'General'),
    Hazard: term('事故隐患', 'Hazard'),
    EnforcementCase: term('行政处罚案件', 'Enforcement case'),
    ResponsibilityAssignment: term('职责任务', 'Responsibility assignment'),
    Inspection: term('监督检查', 'Inspection'),
    SupervisionItem: term('交办事项', 'Supervision item'),
    Venue: term('社会面小场所', 'Small venue'),
    MultiTenantSite: term('厂中厂', 'Multi-tenant site'),
    Enterprise: term('生产经营单位', 'Enterprise'),
    Activity: term('宣传培训活动', 'Activity'),
    EmergencyPlan: term('应急预案', 'Emergency plan'),
    DutyRoster: term('值班值守', 'Duty roster'),
  },
  /** Confidence tag of a rule (spec header). */
  ruleBasis: {
    L: term('法规明文（已查阅原文）', 'Law or regulation, read'),
    'L?': term('法律规定（据记忆，条款待核实）', 'Statute, recalled (verify the article)'),
    P: term('地方或行政惯例', 'Local or administrative practice'),
    D: libraryTerm('本库设计规则', 'Design decision of the library'),
  },
  /** How a rule acts. */
  ruleEnforcement: {
    blocking: libraryTerm('拒绝办理', 'Blocking'),
    derived: libraryTerm('实时推算，不拒绝办理', 'Derived'),
    structural: libraryTerm('由存储结构保证', 'Structural'),
  },
  /** Roles of spec §2. */
  role: {
    Worker: term('从业人员', 'Worker'),
    SafetyOfficer: term('安全生产管理人员', 'Safety officer'),
    Principal: term('主要负责人', 'Principal'),
    VenueOperator: term('场所经营者', 'Venue operator'),
    GridPatroller: term('网格员', 'Grid patroller'),
    FireAdvisor: term('消防指导员', 'Fire advisor'),
    TerritorialOfficer: term('属地管理部门人员', 'Territorial officer'),
    IndustryOfficer: term('行业监管部门人员', 'Industry officer'),
    SpecialOfficer: term('专项监管部门人员', 'Special officer'),
    EnforcementOfficer: term('执法人员', 'Enforcement officer'),
    AuthorityHead: term('部门负责人', 'Authority head'),
    LegalReviewer: term('法制审核人员', 'Legal reviewer'),
    Expert: term('专家', 'Expert'),
    SafetyCommitteeOffice: term('安委办', 'Safety committee office'),
    SupervisionTeam: term('督导组', 'Supervision team'),
    Leader: term('领导班子成员', 'Leader'),
    System: libraryTerm('系统', 'System'),
  },
  /** Organisation kinds of spec §2; the first four are regulators. */
  organizationKind: {
    safety: term('应急管理（安监）部门', 'Safety authority'),
    territorial: term('属地管理部门', 'Territorial authority'),
    industry: term('行业监管部门', 'Industry regulator'),
    special: term('专项监管部门', 'Special regulator'),
    committee_office: term('安委办', 'Safety committee office'),
    government: term('人民政府', 'Government'),
    supervision_team: term('督导组', 'Supervision team'),
    court: term('人民法院', 'Court'),
    procuratorate: term('人民检察院', 'Procuratorate'),
    other_department: term('其他部门', 'Other department'),
  },
  /** Administrative levels of spec §2 (also the levels of a listing for supervision). */
  organizationLevel: {
    national: term('国家级', 'National'),
    province: term('省级', 'Provincial'),
    city: term('市级', 'Municipal'),
    district: term('县（区）级', 'District'),
    park_or_town: term('园区（镇街）级', 'Park or town'),
  },
  /** Kinds of area in a jurisdiction. */
  areaKind: {
    park: term('园区', 'Park'),
    town: term('镇', 'Town'),
    street: term('街道', 'Street'),
  },
  /** What a hazard or an inspection is about. */
  subjectKind: {
    enterprise: term('生产经营单位', 'Enterprise'),
    venue: term('小场所', 'Venue'),
    site: term('厂中厂', 'Multi-tenant site'),
  },
  /** Rounding of a displayed rate (spec §6). */
  rateMode: {
    half_up: term('四舍五入', 'Round half up'),
    half_even: term('四舍六入五成双', 'Round half to even'),
    truncate: term('直接舍去', 'Truncate'),
  },
  /** What counts as rectified in rates (`rectifiedMeans`). */
  rectifiedMeans: {
    closed: term('已销号', 'Closed'),
    verified: term('已验收', 'Verified'),
    completed: term('已整改', 'Completed'),
  },
  /** What meets a deadline in on-time rates (`deadlineMetBy`). */
  deadlineMetBy: {
    completion: term('整改完成', 'Completion'),
    closure: term('销号', 'Closure'),
  },
  /** How often venues are patrolled or self-checked. */
  checkFrequency: {
    month: term('每月', 'Monthly'),
    quarter: term('每季度', 'Quarterly'),
    half_year: term('每半年', 'Half-yearly'),
    year: term('每年', 'Yearly'),
  },
} as const;
