/**
 * The topics the district records its activities under (§7.1 #29–#33): the thematic trainings
 * whose participants the report counts as "training person-times", and the steward-system
 * trainings whose enterprises it counts. The report's queries name these topics, the generator
 * records under them; the figures themselves come from the scenario file.
 */
export const activityTopics = {
  /** Thematic trainings (专题培训): steward, risk reporting, confined spaces, chemicals, resumption. */
  thematic: ['steward', 'risk_report', 'confined_space', 'hazardous_chemicals', 'resumption'],
  /** Lectures of provincial experts (省级专家授课), counted with the thematic trainings. */
  expertLecture: 'provincial_experts',
  /** Trainings in using the safety steward system (安全管家系统使用培训). */
  stewardSystem: 'steward_system',
  /** Knowledge and skills competitions (知识竞赛与技能竞赛). */
  competition: 'knowledge_and_skills',
  /** Emergency drills the bureau guided (指导参加应急演练). */
  drill: 'guided_drill',
} as const;
