import type { BilingualText } from '../i18n/locale.js';
import type { MessageArgs } from '../i18n/message-args.js';
import { messageArguments, messageLabelGroups, parseMessage } from '../i18n/message-syntax.js';
import { isLabelGroup, labelProblem } from '../i18n/vocabulary.js';

/**
 * Detail names a G-5 refusal fills from the actor and the reason code itself; reason templates
 * may not use them for their own values, or a value would overwrite the actor's.
 */
export const forbiddenReservedDetails = [
  'personId',
  'role',
  'orgId',
  'enterpriseId',
  'reason',
] as const;

/**
 * Why a template of `defineForbiddenReasons` is unusable, or `undefined`: a locale missing or
 * untranslated, a template that does not parse, locales naming different values, an unknown
 * label group, or a value named like an actor detail.
 */
export function forbiddenReasonProblem(template: BilingualText): string | undefined {
  const problem = labelProblem(template);
  if (problem !== undefined) return problem;
  try {
    const zh = parseMessage(template['zh-CN']);
    const en = parseMessage(template.en);
    const zhArgs = messageArguments(zh).sort();
    const enArgs = messageArguments(en).sort();
    if (zhArgs.join() !== enArgs.join()) {
      return `zh-CN names {${zhArgs.join(', ')}} but en names {${enArgs.join(', ')}}`;
    }
    const reserved = enArgs.filter((arg) =>
      (forbiddenReservedDetails as readonly string[]).includes(arg),
    );
    if (reserved.length > 0) return `{${reserved.join(', ')}} is reserved for the actor`;
    const group = [...messageLabelGroups(zh), ...messageLabelGroups(en)].find(
      (name) => !isLabelGroup(name),
    );
    if (group !== undefined) return `no label group "${group}"`;
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/**
 * Declares the G-5 reason templates. Keys stay literal, so `ForbiddenReason` is a closed union
 * and `ForbiddenReasonValues` reads each template's values.
 *
 * @throws TypeError when a template fails `forbiddenReasonProblem`, since the set is fixed at start-up.
 */
export function defineForbiddenReasons<const T extends Readonly<Record<string, BilingualText>>>(
  templates: T,
): T {
  for (const [code, template] of Object.entries(templates)) {
    if (!/^[a-z]+(_[a-z]+)*$/.test(code)) {
      throw new TypeError(`forbidden reason "${code}" must be snake_case`);
    }
    const problem = forbiddenReasonProblem(template);
    if (problem !== undefined) throw new TypeError(`forbidden reason ${code}: ${problem}`);
  }
  return Object.freeze(templates);
}

/**
 * Why G-5 refuses a command (`Forbidden`), one code per meaning, each a message in both locales
 * that follows the actor's description: `执法人员p-1（org-1）` + `无权办理“开始检查”：…`, or
 * `EnforcementOfficer p-1 of org-1` + `may not send StartInspection: …`. Values in braces are
 * kept in the error's `details` next to the code (`reason`); commands, roles, subject kinds and
 * sources are shown through the vocabulary in Chinese.
 */
export const forbiddenReasons = defineForbiddenReasons({
  // The directory does not back the actor (`identityRefusal`).
  unknown_person: { 'zh-CN': '不在人员目录中', en: 'is not a known person' },
  role_not_held: {
    'zh-CN': '未被授予“{claimedRole, label, role}”角色',
    en: 'does not hold the role {claimedRole}',
  },
  not_in_organisation: {
    'zh-CN': '不是{claimedOrgId}的人员',
    en: 'does not belong to organisation {claimedOrgId}',
  },
  unknown_organisation: {
    'zh-CN': '所称单位{claimedOrgId}不在目录中',
    en: 'acts for organisation {claimedOrgId}, which is unknown',
  },
  not_in_enterprise: {
    'zh-CN': '不是企业{claimedEnterpriseId}的人员',
    en: 'does not belong to enterprise {claimedEnterpriseId}',
  },
  // The role does not fit the command.
  system_needs_person: {
    'zh-CN': '无权办理“{command, label, commandType}”：须由具体人员办理',
    en: 'may not issue {command}: processes act through a named person',
  },
  role_not_allowed: {
    'zh-CN': '无权办理“{command, label, commandType}”：仅限{allowedRoles, label, role}办理',
    en: 'may not send {command}: only {allowedRoles, list, or} may',
  },
  owner_roles_only: {
    'zh-CN':
      '无权{act, select, record_activity {记录{ownerId}的安全生产活动} draft_plan {起草或修订{ownerId}的应急预案} decide_plan {发布或废止{ownerId}的应急预案} schedule_roster {排定{ownerId}的值班表} other {代{ownerId}办理}}：仅限该单位的{allowedRoles, label, role}办理',
    en: 'may not {act, select, record_activity {record activities} draft_plan {draft or revise plans} decide_plan {publish or retire plans} schedule_roster {schedule the roster} other {act}} of {ownerId}: only its {allowedRoles, list, or} may',
  },
  // The actor is not the person or a member of the party the command belongs to.
  not_registered_member: {
    'zh-CN':
      '未登记为企业{memberOf}的{need, select, principal {主要负责人} principal_or_safety_officer {主要负责人或安全生产管理人员} other {人员}}',
    en: 'is not recorded as {need, select, principal {principal} principal_or_safety_officer {principal or safety officer} other {member}} of enterprise {memberOf} in the registry',
  },
  not_authority_officer: {
    'zh-CN': '不是定级单位{authorityOrgId}的人员',
    en: 'is not an officer of the grading authority {authorityOrgId}',
  },
  not_org_officer: {
    'zh-CN': '无权办理“{command, label, commandType}”：仅限{officerOf}的人员办理',
    en: 'may not send {command}: only an officer of {officerOf} may',
  },
  not_inspector: {
    'zh-CN':
      '无权办理“{command, label, commandType}”：仅限检查{inspectionId}的{lead, select, true {带队检查人员} other {检查人员}}办理',
    en: 'may not send {command}: only {lead, select, true {the lead inspector} other {an inspector}} of inspection {inspectionId} may',
  },
  not_lead_org_officer: {
    'zh-CN':
      '无权办理“{command, label, commandType}”：仅限牵头单位{leadOrgId}的{head, select, true {部门负责人} other {监管人员}}办理',
    en: 'may not send {command}: only {head, select, true {an AuthorityHead} other {an officer}} of the lead organisation {leadOrgId} may',
  },
  not_issuer: {
    'zh-CN': '无权办理“{command, label, commandType}”：仅限交办方{issuerName}办理',
    en: 'may not send {command}: only the issuer {issuerName} may',
  },
  not_site_party: {
    'zh-CN':
      '无权办理“{command, label, commandType}”：仅限产权单位{landlordId}的{landlordRoles, label, role}{territorial, select, true {或厂区所在区域的属地管理部门人员} other {}}办理',
    en: 'may not send {command}: only the {landlordRoles, list, or} of landlord {landlordId}{territorial, select, true {, or a TerritorialOfficer of its area,} other {}} may',
  },
  not_tenancy_principal: {
    'zh-CN': '无权签订租赁{tenancyId}的安全管理协议：仅限{partyIds, list, or}的主要负责人签订',
    en: 'may not sign the agreement of tenancy {tenancyId}: only the Principal of {partyIds, list, or} may',
  },
  not_a_signatory: {
    'zh-CN': '不是协议签订人，不能登记该协议',
    en: 'may not record an agreement they do not sign',
  },
  not_responsible_party: {
    'zh-CN':
      '无权办理“{command, label, commandType}”：仅限{responsibleKind, label, subjectKind}{responsibleId}的{need, select, principal {主要负责人} manager {安全生产管理人员或主要负责人} other {人员}}办理',
    en: 'may not send {command}: only {need, select, principal {the Principal} manager {a SafetyOfficer or the Principal} other {the responsible party}} of {responsibleKind} {responsibleId} may',
  },
  not_shift_officer: {
    'zh-CN': '无权交接班次{shiftId}：仅限本班值班人员{dutyOfficerId}或部门负责人交接',
    en: 'may not hand over shift {shiftId}: only its duty officer {dutyOfficerId} or the AuthorityHead may',
  },
  not_roster_org: {
    'zh-CN': '不是{rosterOrgId}的人员，不能在其值班表上报送事故信息',
    en: 'may not report incident information on the roster of {rosterOrgId}',
  },
  foreign_participant: {
    'zh-CN': '只能记录本企业{ownEnterpriseId}的活动，不能将企业{participantId}列为参加单位',
    en: 'records for enterprise {ownEnterpriseId} and may not name enterprise {participantId} as a participant',
  },
  // The subject lies outside the actor's remit (管辖范围).
  not_regulator: {
    'zh-CN': '所属单位不是监管部门',
    en: 'does not act for a regulator',
  },
  remit_excludes_profile: {
    'zh-CN': '所属单位{actingOrgId}的管辖范围不含区域{areaId}的{sectorCode}行业',
    en: 'acts for {actingOrgId}, whose remit does not cover area {areaId} / sector {sectorCode}',
  },
  outside_remit: {
    'zh-CN':
      '无权对{subjectKind, label, subjectKind}{subjectId}办理“{command, label, commandType}”：不在{remitOrgId}的管辖范围内',
    en: 'may not send {command} for {subjectKind} {subjectId}: outside the remit of {remitOrgId}',
  },
  area_outside_org: {
    'zh-CN': '无权办理“{command, label, commandType}”：区域{areaId}不在{actingOrgId}的辖区内',
    en: 'may not send {command}: area {areaId} is outside organisation {actingOrgId}',
  },
  not_area_officer: {
    'zh-CN':
      '无权办理“{command, label, commandType}”：仅限辖区覆盖区域{areaId}的{allowedRoles, label, role}办理',
    en: 'may not send {command}: only a {allowedRoles, list, or} covering area {areaId} may',
  },
  out_of_scope: {
    'zh-CN': '对{subjectKind, label, subjectKind}{subjectId}没有管辖或管理职责',
    en: 'is out of scope for {subjectKind} {subjectId}',
  },
  // Hazard registration and handling (§4.1).
  needs_discoverer: {
    'zh-CN': '只能代具体发现人登记隐患（须填写发现人 discoveredBy）',
    en: 'registers hazards only on behalf of a named discoverer (discoveredBy)',
  },
  not_a_discoverer: { 'zh-CN': '不能作为隐患发现人', en: 'cannot be a discoverer' },
  subject_kind_not_allowed: {
    'zh-CN': '无权对{subjectKind, label, subjectKind}登记隐患',
    en: 'may not register hazards on a {subjectKind}',
  },
  not_landlord_staff: {
    'zh-CN': '无权对厂中厂{siteId}登记隐患：仅限产权单位的安全生产管理人员或主要负责人登记',
    en: "may not register hazards on site {siteId}: only the landlord's SafetyOfficer or Principal may",
  },
  not_colleague: {
    'zh-CN': '无权代为登记{discovererId}在{subjectKind, label, subjectKind}{subjectId}发现的隐患',
    en: 'may not register a hazard found by {discovererId} on {subjectKind} {subjectId}',
  },
  source_not_allowed: {
    'zh-CN': '无权登记来源为“{source, label, hazardSource}”的隐患',
    en: 'may not register a hazard with source {source}',
  },
  landlord_check_off_site: {
    'zh-CN': '产权单位检查发现的隐患只能登记在厂中厂上',
    en: 'registers landlord checks on a site only',
  },
  not_registering_party: {
    'zh-CN': '无权更正该隐患：仅限登记该隐患的单位或企业更正',
    en: 'may not correct this hazard: only the organisation or enterprise that registered it may',
  },
  suspension_needs_approval: {
    'zh-CN': '无权责令停产停业：须经{regulatorOrgId}的部门负责人批准',
    en: 'may not order a suspension without the approval of an AuthorityHead of {regulatorOrgId}',
  },
  suspension_not_allowed: {
    'zh-CN': '无权责令停产停业：仅限管辖范围内的监管人员（经部门负责人批准）或主要负责人办理',
    en: 'may not suspend operations: only a regulator officer in scope (with AuthorityHead approval) or the Principal may',
  },
});

/** A G-5 reason code: `'role_not_allowed' | 'outside_remit' | …`; a misspelt code fails the type check. */
export type ForbiddenReason = keyof typeof forbiddenReasons;

/** The values the templates of a reason name, in both locales. */
export type ForbiddenReasonValues<R extends ForbiddenReason> = MessageArgs<
  (typeof forbiddenReasons)[R]['en']
> &
  MessageArgs<(typeof forbiddenReasons)[R]['zh-CN']>;

/**
 * The values argument of `forbidden`: required when the reason's templates name values, optional
 * otherwise; further values for programs (not shown in the message) may be added.
 */
export type ForbiddenValuesArg<R extends ForbiddenReason> =
  keyof ForbiddenReasonValues<R> extends never
    ? [values?: Readonly<Record<string, unknown>>]
    : [values: ForbiddenReasonValues<R> & Readonly<Record<string, unknown>>];

/** A reason code with the values its templates need, as `identityRefusal` returns it. */
export type ForbiddenRefusal = {
  [R in ForbiddenReason]: {
    readonly reason: R;
    readonly values: ForbiddenReasonValues<R> & Readonly<Record<string, unknown>>;
  };
}[ForbiddenReason];

/** True when `code` is a G-5 reason code. */
export function isForbiddenReason(code: unknown): code is ForbiddenReason {
  return typeof code === 'string' && Object.hasOwn(forbiddenReasons, code);
}
