import { libraryTerm, term } from './label-entry.js';

/**
 * Terms of the secondary aggregates (spec §4.9): `Activity`, `EmergencyPlan`, `DutyRoster`. The
 * spec names their events only; the command names are the library's.
 */
export const activityTerms = {
  activityKind: {
    training: term('专题培训', 'Training'),
    key_sector_training: term('重点行业领域培训', 'Key-sector training'),
    expert_lecture: term('专家授课', 'Expert lecture'),
    deployment_meeting: term('部署会', 'Deployment meeting'),
    drill: term('应急演练', 'Drill'),
    competition: term('竞赛', 'Competition'),
    outreach_event: term('宣传活动', 'Outreach event'),
    exhibition_visit: term('体验馆参观', 'Exhibition visit'),
    materials_distribution: term('宣传资料发放', 'Materials distribution'),
  },
  /** Kinds of emergency plan (MEM emergency-plan rules): A-3 counts drills by kind. */
  planKind: {
    comprehensive: term('综合应急预案', 'Comprehensive plan'),
    special: term('专项应急预案', 'Special plan'),
    on_site: term('现场处置方案', 'On-site procedure'),
  },
  /** States of an emergency plan (EP-1); only a published revision is effective. */
  planState: {
    draft: term('编制中', 'Draft'),
    published: term('已发布', 'Published'),
    retired: term('已废止', 'Retired'),
  },
  /** The drill obligations of A-3. */
  drillObligation: {
    comprehensive_or_special_yearly: term(
      '综合或专项应急预案演练每年至少一次',
      'Comprehensive or special plan drill once a year',
    ),
    on_site_half_yearly: term(
      '现场处置方案演练每半年至少一次',
      'On-site procedure drill every half-year',
    ),
  },
} as const;

/** Labels of the secondary aggregates' events (spec §4.9). */
export const activityEventLabels = {
  ActivityRecorded: term('活动登记', 'Activity recorded'),
  ActivityCorrected: term('活动更正', 'Activity corrected'),
  PlanDrafted: term('预案编制', 'Plan drafted'),
  PlanRevised: term('预案修订', 'Plan revised'),
  PlanPublished: term('预案发布', 'Plan published'),
  PlanRetired: term('预案废止', 'Plan retired'),
  ShiftScheduled: term('排班', 'Shift scheduled'),
  ShiftHandedOver: term('交接班', 'Shift handed over'),
  IncidentInfoReported: term('事故信息报告', 'Incident information reported'),
} as const;

/** Labels of the secondary aggregates' commands; the names are the library's (spec §4.9 names events only). */
export const activityCommandLabels = {
  RecordActivity: libraryTerm('登记活动', 'Record activity'),
  CorrectActivity: libraryTerm('更正活动', 'Correct activity'),
  DraftPlan: libraryTerm('编制预案', 'Draft plan'),
  RevisePlan: libraryTerm('修订预案', 'Revise plan'),
  PublishPlan: libraryTerm('发布预案', 'Publish plan'),
  RetirePlan: libraryTerm('废止预案', 'Retire plan'),
  ScheduleDutyRoster: libraryTerm('排定月度值班表', 'Schedule duty roster'),
  HandOverShift: libraryTerm('交接班', 'Hand over shift'),
  ReportIncidentInfo: libraryTerm('报告事故信息', 'Report incident information'),
} as const;
