import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import './territories.css';

export interface TerritoryPageFrameProps {
  actions?: ReactNode;
  children: ReactNode;
}

/** "Territories" with its tabs: the tree, realignment, history of bulk moves, and the fallback queue. */
export function TerritoryPageFrame({ actions, children }: TerritoryPageFrameProps) {
  return (
    <div className="page territory-page">
      <PageHeader title="Territories" subtitle="Who owns which accounts and leads: territory rules, their reps, and bulk moves." actions={actions} />
      <nav className="territory-tabs" aria-label="Territories">
        <NavLink to="/territories" end>
          Tree
        </NavLink>
        <NavLink to="/territories/realign">Realign</NavLink>
        <NavLink to="/territories/history">History</NavLink>
        <NavLink to="/territories/queue">Queue and settings</NavLink>
      </nav>
      {children}
    </div>
  );
}
