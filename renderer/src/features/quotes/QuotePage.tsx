import { useParams } from 'react-router';
import { RecordLoadState } from '../../components/RecordLoadState';
import { useQuote, useQuoteHistory, useQuoteSettings } from './queries';
import { QuoteEditor } from './QuoteEditor';
import { QuoteView } from './QuoteView';

/** /quotes/:id — the newest version as a draft is edited in place; every other version is read-only. */
export function QuotePage() {
  const id = Number(useParams().id);
  const quote = useQuote(id);
  const settings = useQuoteSettings();
  const history = useQuoteHistory(id);
  if (!quote.isSuccess) return <RecordLoadState query={quote} noun="quote" />;
  const q = quote.data;
  const threshold = settings.data?.approvalThresholdPercent;
  const historyState = { data: history.data, isPending: history.isPending };
  return q.isLatest && q.status === 'draft' ? (
    <QuoteEditor key={q.id} quote={q} thresholdPercent={threshold} history={historyState} />
  ) : (
    <QuoteView quote={q} thresholdPercent={threshold} history={historyState} />
  );
}
