import { z } from 'zod';
import type { HazardSource } from '../hazard/values.js';

/** Kinds of inspection of §4.4; `enforcement` is 执法检查, `service_guidance` the 百团进千企 visits. */
export const InspectionKindSchema = z.enum([
  'enforcement',
  'routine_supervision',
  'service_guidance',
  'special_campaign',
  'spot_check',
  'supervision_team_check',
]);
/** An `InspectionKind`, as `InspectionKindSchema` parses it. */
export type InspectionKind = z.infer<typeof InspectionKindSchema>;

/** On site or online (an online inspection reviews records and video remotely). */
export const InspectionModeSchema = z.enum(['onsite', 'online']);
/** An `InspectionMode`, as `InspectionModeSchema` parses it. */
export type InspectionMode = z.infer<typeof InspectionModeSchema>;

/** Written on-site measures (现场处理措施决定书). */
export const OnSiteMeasureKindSchema = z.enum([
  'evacuate',
  'suspend_operations',
  'stop_equipment',
  'seal',
]);
/** An `OnSiteMeasureKind`, as `OnSiteMeasureKindSchema` parses it. */
export type OnSiteMeasureKind = z.infer<typeof OnSiteMeasureKindSchema>;

/** Kinds whose major findings need an order or an on-site measure before completion (I-3). */
export const orderRequiredKinds: readonly InspectionKind[] = ['enforcement', 'routine_supervision'];

/**
 * The hazard source a finding of each kind of inspection registers with (I-5): enforcement →
 * `enforcement_inspection`, service guidance → `service_visit`, spot check → `spot_check`, all
 * others → `regulator_inspection`.
 */
export function hazardSourceOfInspection(kind: InspectionKind): HazardSource {
  switch (kind) {
    case 'enforcement':
      return 'enforcement_inspection';
    case 'service_guidance':
      return 'service_visit';
    case 'spot_check':
      return 'spot_check';
    default:
      return 'regulator_inspection';
  }
}
