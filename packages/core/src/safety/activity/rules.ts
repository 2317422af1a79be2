import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

/** The activity rules of domain spec §4.9; A-0 is the library's. */
export const activityRules = defineRuleCatalog([
  {
    id: 'A-0',
    scope: 'Activity',
    title: { 'zh-CN': '活动登记', en: 'Recording an activity' },
    statement: {
      'zh-CN':
        '本库规则：活动在举办后登记一次（活动日期不晚于登记的业务时间所在当地日），更正须针对已登记的活动且须改变至少一项内容；参加企业须为名录中的企业。',
      en: 'Added by the library: an activity is recorded once, after it took place (its date is not after the local date of the business time); a correction needs a recorded activity and changes at least one fact; participating enterprises are enterprises of the directory.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      AlreadyRecorded: {
        'zh-CN': '活动{activityId}已登记',
        en: 'activity {activityId} is already recorded',
      },
      ActivityNotRecorded: {
        'zh-CN': '活动尚未登记，不能办理{command, label, commandType}',
        en: '{command} needs a recorded activity',
      },
      NothingCorrected: {
        'zh-CN': '更正未改变活动{activityId}的任何内容',
        en: 'the correction changes nothing of activity {activityId}',
      },
      FutureActivity: {
        'zh-CN': '活动日期{date, date}晚于登记日{recordedOn, date}',
        en: 'the activity date {date} is after the recording date {recordedOn}',
      },
      UnknownEnterprise: {
        'zh-CN': '名录中没有企业{enterpriseId}',
        en: 'the directory has no enterprise {enterpriseId}',
      },
    },
  },
  {
    id: 'A-1',
    scope: 'Activity',
    title: { 'zh-CN': '数量非负', en: 'Counts are not negative' },
    statement: {
      'zh-CN':
        '参加人次（`participantCount`）、发放手册（`materials.manuals`）和海报（`materials.posters`）均为非负整数；更正后的数量同样适用。',
      en: 'Person-times (`participantCount`), manuals (`materials.manuals`) and posters (`materials.posters`) are whole numbers of at least 0, after a correction too.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NegativeCount: {
        'zh-CN': '{field}为{value, number, plain}，不得为负数',
        en: '{field} is {value, number, plain}; a count cannot be negative',
      },
    },
  },
  {
    id: 'A-2',
    scope: 'Activity',
    title: { 'zh-CN': '演练关联预案', en: 'Drills may reference a plan' },
    statement: {
      'zh-CN':
        '只有应急演练可关联预案（`planId`）并注明所演练预案的类别（`planKind`：综合、专项或现场处置方案，供A-3按类别计数）；其他活动不得填写，更正改变活动类别时同样适用。',
      en: 'Only a drill may reference the plan it exercises (`planId`) and name that plan’s kind (`planKind`: comprehensive, special or on-site procedure, which A-3 counts by); other kinds carry neither, also after a correction changes the kind.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      PlanOnlyOnDrill: {
        'zh-CN': '{kind, label, activityKind}不是应急演练，不能填写{field}',
        en: 'a {kind} is no drill and cannot carry {field}',
      },
    },
  },
  {
    id: 'A-3',
    scope: 'Activity',
    title: { 'zh-CN': '企业演练频次', en: 'Enterprise drill frequency' },
    statement: {
      'zh-CN':
        '企业每年至少组织一次综合应急预案或专项应急预案演练，每半年至少组织一次现场处置方案演练（《生产安全事故应急预案管理办法》第三十三条）。是否达标由 `drillObligationStatus` 按查询时点推算（当地日历年、半年），从不记录：期间内已知有一次相应类别的演练（企业为组织者或参加者）即为达标，期间结束仍无则为未达标，否则为进行中。',
      en: 'An enterprise holds at least one comprehensive-or-special-plan drill a year and at least one on-site-procedure drill every half-year (MEM emergency-plan rules, Art. 33). `drillObligationStatus` derives compliance from `asOf` over local calendar years and half-years, never stored: `met` once a drill of the right kind dated in the period (the enterprise organising or taking part) is known, `missed` when the period has ended without one, `open` otherwise.',
    },
    basis: 'L',
    enforcement: 'derived',
    policyKeys: ['timezone'],
    violations: {},
  },
]);

/** Raises a violation of an activity rule. */
export const violateActivity = violationFactory(activityRules);
