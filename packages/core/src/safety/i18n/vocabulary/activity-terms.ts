import { term } from './label-entry.js';

/**
 * Terms of the secondary aggregates (spec §4.9): `Activity`, `EmergencyPlan`, `DutyRoster`. The
 * spec names their events only; their commands get names when the aggregates are built.
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
