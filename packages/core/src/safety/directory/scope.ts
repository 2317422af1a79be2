import { type ForbiddenRefusal, forbiddenReasons } from '../general/forbidden-reasons.js';
import { formatMessage } from '../i18n/format-message.js';
import type { MessageArgs } from '../i18n/message-args.js';
import { vocabularyLabels } from '../i18n/vocabulary.js';
import type { SafetyActor } from '../roles/actor.js';
import { isEnterpriseRole, isRegulatorOfficerRole } from '../roles/role.js';
import type { Directory } from './directory.js';
import { isRegulator, type Organization } from './organization.js';
import type { PersonRecord } from './person.js';
import type { SubjectClassification, SubjectRef } from './subject.js';

/** True when the organisation's jurisdiction includes the area. */
export function orgCoversArea(org: Organization, areaId: string): boolean {
  return org.areaIds === 'all' || org.areaIds.includes(areaId);
}

/**
 * True when a subject lies inside an organisation's remit (G-5): inside its areas and, for an
 * industry regulator, in one of its sectors or venue categories; for a special regulator, in one
 * of its sectors, venue categories or specialties. Comprehensive (safety), territorial and
 * committee-office bodies cover everything in their areas; courts, procuratorates and other
 * bodies supervise no hazards.
 */
export function orgCoversSubject(org: Organization, subject: SubjectClassification): boolean {
  if (!orgCoversArea(org, subject.areaId)) return false;
  const sector = subject.sectorCode !== null && org.sectorCodes.includes(subject.sectorCode);
  const category =
    subject.venueCategory !== null && org.venueCategories.includes(subject.venueCategory);
  switch (org.kind) {
    case 'safety':
    case 'territorial':
    case 'committee_office':
    case 'government':
      return true;
    case 'industry':
      return sector || category;
    case 'special':
      return sector || category || subject.specialties.some((s) => org.specialties.includes(s));
    default:
      return false;
  }
}

/**
 * Classifies a subject from the directory: area, sector (of `responsibleEnterpriseId` for a site,
 * defaulting to the landlord), venue category and specialty tags. `undefined` when the subject
 * (or the responsible enterprise) is unknown.
 */
export function classifySubject(
  directory: Directory,
  subject: SubjectRef,
  responsibleEnterpriseId?: string,
): SubjectClassification | undefined {
  switch (subject.kind) {
    case 'enterprise': {
      const enterprise = directory.enterprise(subject.id);
      if (enterprise === undefined) return undefined;
      return {
        areaId: enterprise.areaId,
        sectorCode: enterprise.sectorCode,
        venueCategory: null,
        specialties: enterprise.specialties,
      };
    }
    case 'venue': {
      const venue = directory.venue(subject.id);
      if (venue === undefined) return undefined;
      return {
        areaId: venue.areaId,
        sectorCode: null,
        venueCategory: venue.category,
        specialties: venue.specialties,
      };
    }
    case 'site': {
      const site = directory.site(subject.id);
      if (site === undefined) return undefined;
      const enterprise = directory.enterprise(responsibleEnterpriseId ?? site.landlordEnterpriseId);
      if (enterprise === undefined) return undefined;
      return {
        areaId: site.areaId,
        sectorCode: enterprise.sectorCode,
        venueCategory: null,
        specialties: [...new Set([...site.specialties, ...enterprise.specialties])],
      };
    }
  }
}

/**
 * Why the directory does not back the actor's claim (unknown person, role not held, another
 * organisation or enterprise) as a G-5 reason code with its values, or `undefined` when it does.
 * `System` is not a person and is always accepted here; commands decide what `System` may do.
 */
export function identityRefusal(
  directory: Directory,
  actor: SafetyActor,
): ForbiddenRefusal | undefined {
  if (actor.role === 'System') return undefined;
  const person = directory.person(actor.personId);
  if (person === undefined) return { reason: 'unknown_person', values: {} };
  if (!person.roles.includes(actor.role)) {
    return { reason: 'role_not_held', values: { claimedRole: actor.role } };
  }
  if (actor.orgId !== undefined) {
    if (person.orgId !== actor.orgId) {
      return { reason: 'not_in_organisation', values: { claimedOrgId: actor.orgId } };
    }
    if (directory.organization(actor.orgId) === undefined) {
      return { reason: 'unknown_organisation', values: { claimedOrgId: actor.orgId } };
    }
  }
  if (actor.enterpriseId !== undefined && person.enterpriseId !== actor.enterpriseId) {
    return { reason: 'not_in_enterprise', values: { claimedEnterpriseId: actor.enterpriseId } };
  }
  return undefined;
}

/**
 * `identityRefusal` as English text (`is not a known person`, `does not hold the role X`, …), or
 * `undefined` when the directory backs the actor.
 */
export function identityProblem(directory: Directory, actor: SafetyActor): string | undefined {
  const refusal = identityRefusal(directory, actor);
  if (refusal === undefined) return undefined;
  return formatMessage(
    forbiddenReasons[refusal.reason].en as string,
    refusal.values as MessageArgs<string>,
    'en',
    { labels: vocabularyLabels },
  );
}

/** The enterprises a subject involves: the enterprise itself, a site's landlord and tenants, a venue's operator enterprise. */
export function enterprisesOfSubject(directory: Directory, subject: SubjectRef): readonly string[] {
  switch (subject.kind) {
    case 'enterprise':
      return [subject.id];
    case 'site': {
      const site = directory.site(subject.id);
      return site === undefined ? [] : [site.landlordEnterpriseId, ...site.tenantEnterpriseIds];
    }
    case 'venue': {
      const operator = directory.venue(subject.id)?.enterpriseId;
      return operator === undefined ? [] : [operator];
    }
  }
}

/** True when the person runs the venue (listed in the person's `venueIds`). */
export function operatesVenue(person: PersonRecord | undefined, venueId: string): boolean {
  return person?.venueIds.includes(venueId) ?? false;
}

/**
 * True when an actor may act on a subject under G-5: the directory backs the actor's identity
 * and the subject lies in the actor's remit: enterprise roles on their own enterprise (or the
 * site it leases or owns, or the venue it runs), venue operators on their venues, grid patrollers
 * and fire advisors on venues in their organisation's areas, regulator officers and committee
 * offices on subjects their organisation covers.
 */
export function isActorInScope(
  directory: Directory,
  actor: SafetyActor,
  subject: SubjectRef,
): boolean {
  if (actor.role === 'System' || identityRefusal(directory, actor) !== undefined) return false;
  if (isEnterpriseRole(actor.role)) {
    return enterprisesOfSubject(directory, subject).includes(actor.enterpriseId ?? '');
  }
  if (actor.role === 'VenueOperator') {
    return subject.kind === 'venue' && operatesVenue(directory.person(actor.personId), subject.id);
  }
  const org = actor.orgId === undefined ? undefined : directory.organization(actor.orgId);
  const classification = classifySubject(directory, subject);
  if (org === undefined || classification === undefined) return false;
  if (actor.role === 'GridPatroller' || actor.role === 'FireAdvisor') {
    return subject.kind === 'venue' && orgCoversArea(org, classification.areaId);
  }
  if (isRegulatorOfficerRole(actor.role)) {
    return isRegulator(org) && orgCoversSubject(org, classification);
  }
  if (actor.role === 'SafetyCommitteeOffice') return orgCoversArea(org, classification.areaId);
  return false;
}
