import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { periodOf } from './reportFormat';
import { useUsers } from './queries';

export interface QuotaEditorProps {
  currency: string;
  year: number;
  period: 'month' | 'quarter';
}

/** Set a user's quota for a month or quarter, and see the year's quotas. */
export function QuotaEditor({ currency, year, period }: QuotaEditorProps) {
  const client = useQueryClient();
  const users = useUsers();
  const quotas = useQuery({ queryKey: ['quotas', year], queryFn: () => call('quotas.list', { year }) });
  const [userId, setUserId] = useState<number | ''>('');
  const [quotaPeriod, setQuotaPeriod] = useState(() => periodOf(new Date(), period));
  const [amount, setAmount] = useState<Money | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const who = userId || users.data?.[0]?.id || 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    setSaved(null);
    if (!amount || Number.isNaN(amount.amountMinor)) {
      setErrors(['Enter a quota amount']);
      return;
    }
    setBusy(true);
    try {
      const quota = await call('quotas.set', { userId: who, period: quotaPeriod.trim(), amount });
      setSaved(`Quota of ${quota.user.name} for ${quota.period} set to ${formatMoney(quota.amount)}.`);
      await client.invalidateQueries({ queryKey: ['quotas'] });
      await client.invalidateQueries({ queryKey: ['forecast'] });
    } catch (error) {
      setErrors([errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <form className="quota-form" onSubmit={submit} aria-label="Set a quota">
        <Field id="quota-user" label="User">
          <select id="quota-user" value={who || ''} onChange={(e) => setUserId(Number(e.target.value) || '')}>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="quota-period" label="Period" hint="YYYY-MM or YYYY-Qn">
          <input id="quota-period" type="text" value={quotaPeriod} onChange={(e) => setQuotaPeriod(e.target.value)} size={9} />
        </Field>
        <MoneyInput key={currency} id="quota-amount" label="Quota" value={amount} onChange={setAmount} defaultCurrency={currency} />
        <button type="submit" className="btn btn--primary" disabled={busy || !who}>
          Set quota
        </button>
      </form>
      <ErrorBanner title="Could not set the quota" messages={errors} />
      <p role="status" className="muted">
        {saved ?? ''}
      </p>
      {quotas.data?.length ? (
        <table className="opp-table" aria-label={`Quotas ${year}`}>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Period</th>
              <th scope="col" className="num">
                Quota
              </th>
            </tr>
          </thead>
          <tbody>
            {quotas.data.map((q) => (
              <tr key={q.id}>
                <td>{q.user.name}</td>
                <td>{q.period}</td>
                <td className="num">{formatMoney(q.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No quotas set for {year}.</p>
      )}
    </div>
  );
}
