import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { LEAD_EDITABLE_STATUSES, LEAD_RATINGS, LEAD_SOURCES, LeadInput } from '../../../../shared/contract/leads';
import { INDUSTRIES } from '../../../../shared/picklists';
import { AddressFields } from '../../components/AddressFields';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { OwnerFields, ownerIdFromSelect } from '../admin/OwnerFields';
import { DuplicatePanel } from './DuplicatePanel';
import { LEAD_FIELD_NAMES, type LeadFormOutput, type LeadFormValues } from './leadFormValues';
import { optionLabel } from './queries';
import './leads.css';

export interface LeadFormProps {
  defaultValues: LeadFormValues;
  /** The lead being edited: it is not its own duplicate. */
  leadId?: number;
  /** Edit only: the current owner, listed before the users have loaded (or when no longer active). */
  owner?: { id: number; name: string };
  onSave: (values: LeadFormOutput, changed: Partial<LeadFormOutput>) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<LeadFormValues>;
  submitLabel: string;
}

/** The contract's LeadInput, plus the rule the main process checks: disqualifying needs a reason. */
const LeadFormSchema = LeadInput.superRefine((v, ctx) => {
  if (v.status === 'disqualified' && !v.disqualifiedReason) {
    ctx.addIssue({ code: 'custom', path: ['disqualifiedReason'], message: 'A reason is required to disqualify a lead' });
  }
});

const toNumberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

/** Create or edit a lead; validated with the contract's LeadInput schema; likely duplicates shown while typing. */
export function LeadForm({ defaultValues, leadId, owner, onSave, onCancel, onReload, submitLabel }: LeadFormProps) {
  const form = useForm<LeadFormValues, unknown, LeadFormOutput>({ resolver: zodResolver(LeadFormSchema), defaultValues, reValidateMode: 'onChange' });
  const { register, control, formState: { errors: e } } = form;
  const [firstName, lastName, company, email, phone, country, status] = useWatch({
    control,
    name: ['firstName', 'lastName', 'company', 'email', 'phone', 'address.country', 'status'],
  });
  const text = (v: unknown) => (typeof v === 'string' ? v : '');

  return (
    <div className="lead-form-layout">
      <FormShell form={form} label="Lead" fieldNames={LEAD_FIELD_NAMES} submitLabel={submitLabel} onSave={onSave} onCancel={onCancel} onReload={onReload}>
        <div className="form-grid">
          <Field id="firstName" label="First name" error={e.firstName?.message}>
            <input id="firstName" type="text" autoComplete="off" autoFocus {...register('firstName')} {...describedBy('firstName', e.firstName?.message)} />
          </Field>
          <Field id="lastName" label="Last name" required error={e.lastName?.message}>
            <input id="lastName" type="text" autoComplete="off" aria-required="true" {...register('lastName')} {...describedBy('lastName', e.lastName?.message)} />
          </Field>
          <Field id="company" label="Company" error={e.company?.message}>
            <input id="company" type="text" autoComplete="off" {...register('company')} {...describedBy('company', e.company?.message)} />
          </Field>
          <Field id="title" label="Title" error={e.title?.message}>
            <input id="title" type="text" autoComplete="off" {...register('title')} {...describedBy('title', e.title?.message)} />
          </Field>
          <Field id="email" label="E-mail" error={e.email?.message}>
            <input id="email" type="email" autoComplete="off" {...register('email')} {...describedBy('email', e.email?.message)} />
          </Field>
          <Field id="phone" label="Phone" error={e.phone?.message}>
            <input id="phone" type="tel" autoComplete="off" {...register('phone')} {...describedBy('phone', e.phone?.message)} />
          </Field>
          <Field id="industry" label="Industry" error={e.industry?.message}>
            <select id="industry" {...register('industry')} {...describedBy('industry', e.industry?.message)}>
              <option value="">—</option>
              {INDUSTRIES.map((i) => (
                <option key={i} value={i}>
                  {i}
                </option>
              ))}
            </select>
          </Field>
          <Field id="employees" label="Employees" error={e.employees?.message}>
            <input id="employees" type="number" min={0} step={1} {...register('employees', { setValueAs: toNumberOrNull })} {...describedBy('employees', e.employees?.message)} />
          </Field>
          <Field id="source" label="Source" error={e.source?.message}>
            <select id="source" {...register('source')} {...describedBy('source', e.source?.message)}>
              {LEAD_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {optionLabel(s)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="status" label="Status" error={e.status?.message}>
            <select id="status" {...register('status')} {...describedBy('status', e.status?.message)}>
              {LEAD_EDITABLE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {optionLabel(s)}
                </option>
              ))}
            </select>
          </Field>
          {status === 'disqualified' ? (
            <Field id="disqualifiedReason" label="Reason for disqualifying" required error={e.disqualifiedReason?.message} className="field--wide">
              <input
                id="disqualifiedReason"
                type="text"
                autoComplete="off"
                aria-required="true"
                {...register('disqualifiedReason', { shouldUnregister: false })}
                {...describedBy('disqualifiedReason', e.disqualifiedReason?.message)}
              />
            </Field>
          ) : null}
          <Field id="rating" label="Rating" error={e.rating?.message}>
            <select id="rating" {...register('rating')} {...describedBy('rating', e.rating?.message)}>
              <option value="">—</option>
              {LEAD_RATINGS.map((r) => (
                <option key={r} value={r}>
                  {optionLabel(r)}
                </option>
              ))}
            </select>
          </Field>
          <OwnerFields
            ownerField={register('ownerId', { setValueAs: ownerIdFromSelect })}
            lockField={register('ownerLocked')}
            error={e.ownerId?.message}
            owner={owner}
            emptyLabel={leadId ? undefined : 'Automatic (territory rules)'}
          />
        </div>
        <fieldset className="form-section">
          <legend>Address</legend>
          <AddressFields idPrefix="address" register={(part) => register(`address.${part}`)} errors={e.address} />
        </fieldset>
      </FormShell>
      <DuplicatePanel
        probe={{ firstName: text(firstName), lastName: text(lastName), company: text(company), email: text(email), phone: text(phone), country: text(country) }}
        excludeLeadId={leadId}
      />
    </div>
  );
}
