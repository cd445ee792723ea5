import type { z } from 'zod';
import type { Lead } from '../../../../shared/contract/leads';
import { LeadFields, LeadInput } from '../../../../shared/contract/leads';

export type LeadFormValues = z.input<typeof LeadInput>;
export type LeadFormOutput = z.output<typeof LeadInput>;

export const LEAD_FIELD_NAMES = Object.keys(LeadFields);

/** What the form edits, from a loaded lead (or empty, for a new one). */
export function leadFormValues(lead?: Lead): LeadFormValues {
  const a = lead?.address;
  return {
    firstName: lead?.firstName ?? '',
    lastName: lead?.lastName ?? '',
    company: lead?.company ?? '',
    title: lead?.title ?? '',
    email: lead?.email ?? '',
    phone: lead?.phone ?? '',
    address: {
      street: a?.street ?? '',
      city: a?.city ?? '',
      region: a?.region ?? '',
      postcode: a?.postcode ?? '',
      country: a?.country ?? '',
    },
    industry: (lead?.industry ?? '') as LeadFormValues['industry'],
    employees: lead?.employees ?? null,
    source: lead?.source ?? 'other',
    // A converted lead is not edited (the edit page refuses it), so the cast only narrows.
    status: (lead?.status ?? 'new') as NonNullable<LeadFormValues['status']>,
    disqualifiedReason: lead?.disqualifiedReason ?? '',
    rating: lead?.rating ?? '',
    ...(lead ? { ownerId: lead.owner.id } : {}),
    ownerLocked: lead?.ownerLocked ?? false,
  };
}
