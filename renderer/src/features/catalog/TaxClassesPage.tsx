import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type DefaultValues } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { TaxClassInput, type TaxClass } from '../../../../shared/contract/catalog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, describedBy } from '../../components/Field';
import { FormShell } from '../../components/FormShell';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { useTaxClasses } from './queries';
import './catalog.css';

type Values = z.input<typeof TaxClassInput>;
type Output = z.output<typeof TaxClassInput>;

const FIELD_NAMES = ['name', 'ratePercent', 'isDefault', 'active'];
const rate = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const numberOrNaN = (v: unknown) => (v === '' || v === null || v === undefined ? Number.NaN : Number(String(v).replace(',', '.')));

/** Tax classes (admins): name, rate in percent, default, active. Quote lines copy the rate, so a change never alters a written quote. */
export function TaxClassesPage() {
  const classes = useTaxClasses(true);
  const [editing, setEditing] = useState<TaxClass | null>(null);
  // A new form after each save or cancel.
  const [round, setRound] = useState(0);
  const done = () => {
    setEditing(null);
    setRound((r) => r + 1);
  };
  return (
    <div className="page">
      <PageHeader title="Tax classes" breadcrumb={<Link to="/products">Products</Link>} />
      {classes.isError ? <ErrorBanner title="Could not load the tax classes" messages={[errorMessage(classes.error)]} /> : null}
      {classes.isPending ? <p className="muted">Loading…</p> : null}
      {classes.data?.length === 0 ? <p className="muted">No tax classes yet: products are untaxed until a default class exists.</p> : null}
      {classes.data?.length ? (
        <table className="catalog-table" aria-label="Tax classes">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col">Default</th>
              <th scope="col">Active</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {classes.data.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td className="num">{rate.format(c.ratePercent)} %</td>
                <td>{c.isDefault ? 'Default' : ''}</td>
                <td>{c.active ? 'Active' : 'Inactive'}</td>
                <td>
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Edit ${c.name}`} onClick={() => setEditing(c)}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Section title={editing ? `Edit ${editing.name}` : 'Add a tax class'}>
        <TaxClassForm key={editing ? `edit-${editing.id}-${round}` : `new-${round}`} taxClass={editing} onDone={done} />
      </Section>
    </div>
  );
}

function TaxClassForm({ taxClass, onDone }: { taxClass: TaxClass | null; onDone: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  // A new class starts without a rate (an empty field, not 0 %).
  const defaultValues: DefaultValues<Values> = {
    name: taxClass?.name ?? '',
    ...(taxClass ? { ratePercent: taxClass.ratePercent } : {}),
    isDefault: taxClass?.isDefault ?? false,
    active: taxClass?.active ?? true,
  };
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(TaxClassInput), defaultValues, reValidateMode: 'onChange' });
  const { register, formState: { errors: e } } = form;
  return (
    <FormShell
      form={form}
      label="Tax class"
      fieldNames={FIELD_NAMES}
      submitLabel={taxClass ? 'Save tax class' : 'Add tax class'}
      onSave={async (values) => {
        const saved = await call('taxClasses.save', taxClass ? { ...values, id: taxClass.id } : values);
        await client.invalidateQueries({ queryKey: ['taxClasses'] });
        toast.show({ message: `Tax class saved: ${saved.name}` });
        onDone();
      }}
      onCancel={onDone}
    >
      <div className="form-grid">
        <Field id="tax-name" label="Name" required error={e.name?.message}>
          <input id="tax-name" type="text" autoComplete="off" aria-required="true" {...register('name')} {...describedBy('tax-name', e.name?.message)} />
        </Field>
        <Field id="tax-rate" label="Rate (%)" required error={e.ratePercent?.message} hint="Up to three decimals, e.g. 8.875">
          <input
            id="tax-rate"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-required="true"
            {...register('ratePercent', { setValueAs: numberOrNaN })}
            {...describedBy('tax-rate', e.ratePercent?.message)}
          />
        </Field>
        <fieldset className="field checks">
          <legend>Options</legend>
          <label className="check">
            <input type="checkbox" {...register('isDefault')} /> Default class (products without a class use it)
          </label>
          <label className="check">
            <input type="checkbox" {...register('active')} /> Active
          </label>
        </fieldset>
      </div>
    </FormShell>
  );
}
