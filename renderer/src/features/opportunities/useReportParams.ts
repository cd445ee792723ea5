import { useSearchParams } from 'react-router';
import { thisYear } from './reportFormat';

/**
 * The filters the forecast and win/loss reports share, kept in the URL so a
 * report can be bookmarked and reopened as it was. An empty value clears one.
 */
export function useReportParams() {
  const [params, setParams] = useSearchParams();
  const year = thisYear();
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return {
    params,
    period: params.get('period') === 'month' ? ('month' as const) : ('quarter' as const),
    from: params.get('from') || year.from,
    to: params.get('to') || year.to,
    ownerId: Number(params.get('ownerId')) || undefined,
    set,
  };
}

export type ReportParams = ReturnType<typeof useReportParams>;
