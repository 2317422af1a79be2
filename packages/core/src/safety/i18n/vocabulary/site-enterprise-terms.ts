import { libraryTerm, term } from './label-entry.js';

/** Terms of the `MultiTenantSite` (spec §4.7, 厂中厂) and `Enterprise` (§4.8) aggregates. */
export const siteEnterpriseTerms = {
  agreementForm: {
    standalone: term('专门的安全生产管理协议', 'Standalone agreement'),
    lease_clauses: term('租赁合同中约定', 'Lease clauses'),
  },
  /** What a safety management agreement covers; MT-3 requires hazard management. */
  agreementCover: {
    hazard_management: term('隐患排查治理', 'Hazard management'),
    emergency_response: term('应急救援', 'Emergency response'),
    fire_safety: term('消防安全', 'Fire safety'),
    hazardous_operations: term('危险作业管理', 'Hazardous operations'),
    training: term('安全生产教育培训', 'Safety training'),
  },
  /** The derived site non-compliances (MT-4, MT-5). */
  siteLapse: {
    'MT-4': term('未签订安全生产管理协议', 'No safety management agreement'),
    'MT-5': term('产权单位未定期检查', 'Landlord check lapsed'),
  },
  deviceKind: {
    one_key_alarm_broadcaster: term('一键报警广播装置', 'One-key alarm broadcaster'),
    smoke_detector: term('烟感报警设备', 'Smoke detector'),
  },
  /** The spec names the attribute and the closing event; the two values are the library's. */
  enterpriseStatus: {
    active: libraryTerm('正常', 'Active'),
    closed: libraryTerm('已关闭', 'Closed'),
  },
  riskReportType: {
    initial: term('初次报告', 'Initial'),
    periodic: term('定期报告', 'Periodic'),
    change: term('变更报告', 'Change'),
  },
  riskLevel: {
    major: term('重大风险', 'Major'),
    significant: term('较大风险', 'Significant'),
    general: term('一般风险', 'General'),
    low: term('低风险', 'Low'),
  },
  standardizationGrade: {
    '1': term('一级', 'Grade 1'),
    '2': term('二级', 'Grade 2'),
    '3': term('三级', 'Grade 3'),
  },
} as const;

/** Labels of the multi-tenant site's and the enterprise's events (spec §4.7, §4.8). */
export const siteEnterpriseEventLabels = {
  SiteRegistered: term('厂中厂登记', 'Site registered'),
  TenancyRegistered: term('承租企业登记', 'Tenancy registered'),
  SafetyAgreementSigned: term('签订安全管理协议', 'Safety agreement signed'),
  LandlordCheckRecorded: term('产权主体检查', 'Landlord check recorded'),
  SafetyDevicesInstalled: term('安全设备安装', 'Safety devices installed'),
  TenancyEnded: term('租赁终止', 'Tenancy ended'),
  EnterpriseRegistered: term('企业登记', 'Enterprise registered'),
  EnterpriseProfileUpdated: term('企业信息更新', 'Enterprise profile updated'),
  PrincipalChanged: term('主要负责人变更', 'Principal changed'),
  SafetyOfficerAppointed: term('安全生产管理人员任命', 'Safety officer appointed'),
  RiskReportFiled: term('风险报告填报', 'Risk report filed'),
  StandardizationGradeAwarded: term('标准化定级', 'Standardization grade awarded'),
  StandardizationGradeRevoked: term('标准化等级撤销', 'Standardization grade revoked'),
  EmergencyTeamEstablished: term('应急队伍组建', 'Emergency team established'),
  HazardStatisticsSubmitted: term('隐患排查治理情况统计报送', 'Hazard statistics submitted'),
  EnterpriseClosed: term('企业关闭', 'Enterprise closed'),
} as const;

/** Labels of the multi-tenant site's and the enterprise's commands (spec §4.7, §4.8). */
export const siteEnterpriseCommandLabels = {
  RegisterSite: term('登记厂中厂', 'Register site'),
  RegisterTenancy: term('登记承租企业', 'Register tenancy'),
  SignSafetyAgreement: term('签订安全管理协议', 'Sign safety agreement'),
  RecordLandlordCheck: term('登记产权主体检查', 'Record landlord check'),
  RecordDeviceInstallation: term('登记设备安装', 'Record device installation'),
  EndTenancy: term('终止租赁', 'End tenancy'),
  RegisterEnterprise: term('登记企业', 'Register enterprise'),
  UpdateEnterpriseProfile: term('更新企业信息', 'Update enterprise profile'),
  ChangePrincipal: term('变更主要负责人', 'Change principal'),
  AppointSafetyOfficer: term('任命安全生产管理人员', 'Appoint safety officer'),
  FileRiskReport: term('填报风险报告', 'File risk report'),
  AwardStandardizationGrade: term('标准化定级', 'Award standardization grade'),
  RevokeStandardizationGrade: term('撤销标准化等级', 'Revoke standardization grade'),
  EstablishEmergencyTeam: term('组建应急队伍', 'Establish emergency team'),
  SubmitHazardStatistics: term('报送隐患排查治理情况统计', 'Submit hazard statistics'),
  CloseEnterprise: term('关闭企业', 'Close enterprise'),
} as const;
