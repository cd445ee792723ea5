import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import { territoryKeys } from './queries';
import { countableRules, type RuleDraft } from './territoryDraft';
import { useDebounced } from '../../lib/useDebounced';

export interface MatchCountProps {
  parentId: number | null;
  parentName: string | null;
  rules: RuleDraft[];
}

/** "Matches 14 accounts and 3 open leads" for the draft rules under the chosen parent, recounted 300 ms after typing stops. */
export function MatchCount({ parentId, parentName, rules }: MatchCountProps) {
  const countable = useMemo(() => countableRules(rules), [rules]);
  const request = useDebounced(JSON.stringify({ parentId, rules: countable.rules }), 300);
  const count = useQuery({
    queryKey: territoryKeys.count(parentId, request),
    queryFn: () => call('territories.countMatches', JSON.parse(request) as { parentId: number | null; rules: typeof countable.rules }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const settling = count.isFetching || request !== JSON.stringify({ parentId, rules: countable.rules });
  return (
    <div className={`territory-matches${settling ? ' territory-matches--settling' : ''}`}>
      <p role="status" aria-live="polite" className="territory-matches__line">
        {count.data ? (
          <>
            Matches <strong>{formatCount(count.data.accounts, 'account')}</strong> and <strong>{formatCount(count.data.leads, 'open lead')}</strong>
          </>
        ) : count.isError ? (
          `Cannot count the matches: ${errorMessage(count.error)}`
        ) : (
          'Counting…'
        )}
      </p>
      <p className="territory-matches__note">
        {parentName ? `Within ${parentName}, whatever other territories match too.` : 'Whatever other territories match too.'}
        {countable.leftOut ? ` ${formatCount(countable.leftOut, 'incomplete rule')} left out until complete.` : ''}
      </p>
    </div>
  );
}
