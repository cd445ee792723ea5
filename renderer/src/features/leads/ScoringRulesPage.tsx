import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoadState } from '../../components/RecordLoadState';
import { call } from '../../lib/api';
import { leadKeys } from './queries';
import { ScoringRulesEditor } from './ScoringRulesEditor';

/** Admin: the ordered lead scoring rules. */
export function ScoringRulesPage() {
  const rules = useQuery({ queryKey: leadKeys.rules, queryFn: () => call('leadScoring.listRules', {}) });
  return (
    <div className="page">
      <PageHeader
        title="Lead scoring rules"
        subtitle="Rules apply in order; inactive rules are skipped. Saving rescores every open lead."
        breadcrumb={<Link to="/leads">Leads</Link>}
      />
      {rules.isSuccess ? <ScoringRulesEditor loaded={rules.data} /> : <RecordLoadState query={rules} noun="list of rules" />}
    </div>
  );
}
