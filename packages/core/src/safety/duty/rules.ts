import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

/** The duty roster rules of domain spec §4.9; DR-0 is the library's. */
export const dutyRosterRules = defineRuleCatalog([
  {
    id: 'DR-0',
    scope: 'DutyRoster',
    title: { 'zh-CN': '值班表办理顺序', en: 'Roster lifecycle' },
    statement: {
      'zh-CN':
        '本库规则：每月值班表整体排定一次（`ScheduleDutyRoster`），交接班和信息报告须在排班后办理，且须指向已排定的班次。',
      en: 'Added by the library: a month’s roster is scheduled once, as a whole (`ScheduleDutyRoster`); handovers and incident reports need a scheduled roster and name a scheduled shift.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      RosterNotScheduled: {
        'zh-CN': '本月值班表尚未排定，不能办理{command, label, commandType}',
        en: '{command} needs a scheduled roster',
      },
      AlreadyScheduled: {
        'zh-CN': '{month}值班表已排定',
        en: 'the roster of {month} is already scheduled',
      },
      UnknownShift: { 'zh-CN': '没有班次{shiftId}', en: 'the roster has no shift {shiftId}' },
    },
  },
  {
    id: 'DR-1',
    scope: 'DutyRoster',
    title: { 'zh-CN': '全天候值班', en: 'Round-the-clock coverage' },
    statement: {
      'zh-CN':
        '值班表须覆盖当月每个当地日的0时至24时，不得空档、不得重叠：各班次首尾相接，自当月1日0时（`timezone` 时区）起至次月1日0时止；夏令时切换日按当天实际时长计算。',
      en: 'The roster covers every local day of the month from 00:00 to 24:00 with no gap and no overlap: shifts follow each other end to start, from the 1st of the month 00:00 in `timezone` to the 1st of the next month 00:00; a day with a daylight-saving jump is covered for its actual length.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      CoverageGap: {
        'zh-CN': '{date, date}：{from, time}至{to, datetime}无人值班',
        en: 'no shift covers {from} to {to} (local day {date})',
      },
      CoverageOverlap: {
        'zh-CN': '{date, date}：班次{shiftId}与前一班次重叠（{from, time}至{to, datetime}）',
        en: 'shift {shiftId} overlaps the previous shift from {from} to {to} (local day {date})',
      },
      ShiftOutsideMonth: {
        'zh-CN': '班次{shiftId}超出{month}',
        en: 'shift {shiftId} lies partly outside {month}',
      },
      EmptyShift: {
        'zh-CN': '班次{shiftId}的结束时间不晚于开始时间',
        en: 'shift {shiftId} ends at or before its start',
      },
    },
  },
  {
    id: 'DR-2',
    scope: 'DutyRoster',
    title: { 'zh-CN': '带班领导和值班人员', en: 'Officer and leader on every shift' },
    statement: {
      'zh-CN':
        '每个班次须有值班人员和带班领导，且均为本单位人员；交接班的接班人员同样须为本单位人员。',
      en: 'Every shift has a duty officer and a leader on call, both persons of the rostering organisation; so is the officer a shift is handed over to.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      MissingDutyPerson: {
        'zh-CN': '班次{shiftId}缺少：{missing, list}',
        en: 'shift {shiftId} lacks {missing, list}',
      },
      UnknownDutyPerson: {
        'zh-CN': '{personId}不是{orgId}的人员',
        en: '{personId} is not a person of organisation {orgId}',
      },
    },
  },
  {
    id: 'DR-3',
    scope: 'DutyRoster',
    title: { 'zh-CN': '重要时段加强值班', en: 'Reinforced duty on configured dates' },
    statement: {
      'zh-CN':
        '与节假日、重大活动、灾害多发期等配置日期（`reinforcedDutyDates`，当地日）有交集的班次须 `reinforced = true`。政府安全生产监管部门和大型高危单位实行24小时值班（国务院令第708号第十四条）。',
      en: 'A shift touching a configured holiday, major-event or disaster-season date (`reinforcedDutyDates`, local days) must be `reinforced`. 24-hour duty is mandatory for government safety departments and large high-risk units (State Council Order 708, Art. 14).',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: ['reinforcedDutyDates', 'timezone'],
    violations: {
      NotReinforced: {
        'zh-CN': '班次{shiftId}涉及加强值班日{date, date}，须加强值班',
        en: 'shift {shiftId} touches the reinforced-duty date {date} and must be reinforced',
      },
    },
  },
]);

/** Raises a violation of a duty roster rule. */
export const violateDuty = violationFactory(dutyRosterRules);
