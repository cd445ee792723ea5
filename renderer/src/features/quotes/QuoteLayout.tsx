import type { ReactNode } from 'react';
import type { Quote, StatusChange } from '../../../../shared/contract/quotes';
import { QuoteDocuments } from './QuoteDocuments';
import { QuoteHeader } from './QuoteHeader';
import { QuoteRevisions } from './QuoteRevisions';
import { ReviewBanner } from './ReviewBanner';
import { StatusHistory } from './StatusHistory';
import './quotes.css';

export interface QuoteLayoutProps {
  quote: Quote;
  totalMinor: number;
  thresholdPercent: number | undefined;
  history: { data: StatusChange[] | undefined; isPending: boolean };
  actions: ReactNode;
  children: ReactNode;
}

/** The page of one quote version: header, review state, actions, the body, then versions, PDFs and status history. */
export function QuoteLayout({ quote, totalMinor, thresholdPercent, history, actions, children }: QuoteLayoutProps) {
  return (
    <div className="page quote-page">
      <QuoteHeader quote={quote} totalMinor={totalMinor} />
      <ReviewBanner quote={quote} thresholdPercent={thresholdPercent} history={history.data} />
      {actions}
      {children}
      <div className="quote-columns">
        <QuoteRevisions quote={quote} />
        <QuoteDocuments quote={quote} />
      </div>
      <StatusHistory changes={history.data} loading={history.isPending} />
    </div>
  );
}
