import { NavLink } from 'react-router';

/** Segments | Target lists | Suppression list | Tags: the pages of the segments feature. */
export function SegmentTabs() {
  return (
    <nav className="segment-tabs" aria-label="Segments and lists">
      <NavLink to="/segments" end>
        Segments
      </NavLink>
      <NavLink to="/lists">Target lists</NavLink>
      <NavLink to="/suppressions">Suppression list</NavLink>
      <NavLink to="/tags">Tags</NavLink>
    </nav>
  );
}
