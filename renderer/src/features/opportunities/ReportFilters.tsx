import type { ReactNode } from 'react';
import { Field } from '../../components/Field';
import { OwnerOptions } from './OwnerOptions';
import type { ReportParams } from './useReportParams';

export interface ReportFiltersProps {
  /** Prefix of the fields' ids, unique per page. */
  idPrefix: string;
  label: string;
  report: ReportParams;
  /** Filters only this report has, after the shared ones. */
  children?: ReactNode;
}

/** Period, date range and owner: the filters every sales report starts with. */
export function ReportFilters({ idPrefix, label, report, children }: ReportFiltersProps) {
  const { period, from, to, ownerId, set } = report;
  return (
    <div className="report-filters" role="group" aria-label={label}>
      <Field id={`${idPrefix}-period`} label="Period">
        <select id={`${idPrefix}-period`} value={period} onChange={(e) => set('period', e.target.value)}>
          <option value="month">Month</option>
          <option value="quarter">Quarter</option>
        </select>
      </Field>
      <Field id={`${idPrefix}-from`} label="From">
        <input id={`${idPrefix}-from`} type="date" value={from} onChange={(e) => set('from', e.target.value)} />
      </Field>
      <Field id={`${idPrefix}-to`} label="To">
        <input id={`${idPrefix}-to`} type="date" value={to} onChange={(e) => set('to', e.target.value)} />
      </Field>
      <Field id={`${idPrefix}-owner`} label="Owner">
        <select id={`${idPrefix}-owner`} value={ownerId ?? ''} onChange={(e) => set('ownerId', e.target.value)}>
          <OwnerOptions />
        </select>
      </Field>
      {children}
    </div>
  );
}
