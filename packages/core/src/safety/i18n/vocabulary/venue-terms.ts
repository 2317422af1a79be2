import { term } from './label-entry.js';

/** Terms of the `Venue` aggregate (spec §4.6, 社会面小场所). */
export const venueTerms = {
  venueCategory: {
    small_shop: term('小商店', 'Small shop'),
    small_restaurant: term('小餐饮', 'Small restaurant'),
    small_hotel: term('小旅馆', 'Small hotel'),
    small_entertainment: term('小歌舞娱乐场所', 'Small entertainment venue'),
    small_beauty: term('小美容洗浴场所', 'Small beauty or bath venue'),
    small_clinic: term('小诊所', 'Small clinic'),
    small_training: term('小培训机构', 'Small training centre'),
    small_workshop: term('小作坊', 'Small workshop'),
    mixed_use: term('“多合一”场所', 'Mixed-use premises'),
    crowded_place: term('人员密集场所', 'Crowded place'),
  },
  /** Risk colour of a venue: red, orange, yellow, blue for major, significant, general, low risk. */
  riskColor: {
    red: term('红色（重大风险）', 'Red'),
    orange: term('橙色（较大风险）', 'Orange'),
    yellow: term('黄色（一般风险）', 'Yellow'),
    blue: term('蓝色（低风险）', 'Blue'),
  },
  venueStatus: {
    active: term('在册', 'Active'),
    deregistered: term('已注销', 'Deregistered'),
  },
  /** The four parties marked for a venue (标注, V-2). */
  markingRole: {
    territorial: term('属地', 'Territorial'),
    industry: term('行业', 'Industry'),
    special: term('专项', 'Special'),
    fire_advisor: term('消防指导员', 'Fire advisor'),
  },
  patrolKind: {
    routine: term('日常巡查', 'Routine'),
    spot_check: term('抽查', 'Spot check'),
  },
} as const;

/** Labels of the venue's events (spec §4.6). */
export const venueEventLabels = {
  VenueRegistered: term('场所录入', 'Venue registered'),
  VenueProfileUpdated: term('场所信息更新', 'Venue profile updated'),
  VenueResponsiblePartyMarked: term('责任主体标注', 'Responsible party marked'),
  VenueResponsiblePartyUnmarked: term('责任主体取消标注', 'Responsible party unmarked'),
  VenuePatrolled: term('场所巡查', 'Venue patrolled'),
  VenueSelfCheckCompleted: term('场所自查', 'Venue self-check completed'),
  VenueDeregistered: term('场所注销', 'Venue deregistered'),
} as const;

/** Labels of the venue's commands (spec §4.6). */
export const venueCommandLabels = {
  RegisterVenue: term('录入场所', 'Register venue'),
  UpdateVenueProfile: term('更新场所信息', 'Update venue profile'),
  MarkResponsibleParty: term('标注责任主体', 'Mark responsible party'),
  UnmarkResponsibleParty: term('取消标注', 'Unmark responsible party'),
  RecordPatrol: term('登记巡查', 'Record patrol'),
  RecordSelfCheck: term('登记自查', 'Record self-check'),
  DeregisterVenue: term('注销场所', 'Deregister venue'),
} as const;
