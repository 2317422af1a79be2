import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

/** The emergency plan rules of domain spec §4.9; EP-0 is the library's. */
export const emergencyPlanRules = defineRuleCatalog([
  {
    id: 'EP-0',
    scope: 'EmergencyPlan',
    title: { 'zh-CN': '预案办理顺序', en: 'Plan lifecycle' },
    statement: {
      'zh-CN': '本库规则：预案编制一次（第1版），此后可修订、发布、废止；废止后不再办理任何命令。',
      en: 'Added by the library: a plan is drafted once (version 1), then revised, published and retired; nothing is done to a retired plan.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      PlanAlreadyDrafted: { 'zh-CN': '预案{planId}已编制', en: 'plan {planId} is already drafted' },
      PlanNotDrafted: {
        'zh-CN': '预案尚未编制，不能办理{command, label, commandType}',
        en: '{command} needs a drafted plan',
      },
      PlanIsRetired: {
        'zh-CN': '预案{planId}已废止，不能办理{command, label, commandType}',
        en: 'plan {planId} is retired; {command} is not possible',
      },
    },
  },
  {
    id: 'EP-1',
    scope: 'EmergencyPlan',
    title: { 'zh-CN': '发布后生效', en: 'Only a published revision is effective' },
    statement: {
      'zh-CN':
        '只有已发布的版本才生效：时点T的有效版本为T前最后发布的版本，T前已废止则无有效版本（`effectivePlanVersion`，由 `asOf` 推算）。发布须针对最新且未发布的版本。“Y年修订并发布”指Y年（当地日历年）发布了第2版及以后的版本，或首次发布了重新编制、替代旧预案（`replacesPlanId`）的预案（`isRevisedAndPublishedIn`）。',
      en: 'Only a published version is effective: the version in force at T is the last one published by T, none if the plan was retired by T (`effectivePlanVersion`, derived from `asOf`). A publication names the latest, unpublished version. "Revised and published in year Y" means a version above 1 published in local calendar year Y, or the first publication of a rewritten plan that replaces another (`replacesPlanId`) (`isRevisedAndPublishedIn`).',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      NotLatestVersion: {
        'zh-CN':
          '第{version, number, integer}版不是最新版本（最新为第{latest, number, integer}版）',
        en: 'version {version} is not the latest version ({latest} is)',
      },
      AlreadyPublished: {
        'zh-CN': '第{version, number, integer}版已发布',
        en: 'version {version} is already published',
      },
    },
  },
]);

/** Raises a violation of an emergency plan rule. */
export const violatePlan = violationFactory(emergencyPlanRules);
