import { useCallback, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ReminderToasts } from '../features/activities/ReminderToasts';
import { CommandPalette } from '../features/search/CommandPalette';
import { SearchButton } from '../features/search/SearchButton';
import { usePaletteHotkey } from '../features/search/usePaletteHotkey';
import { ProfilePicker } from './ProfilePicker';

/** Left navigation, a header with global search and the current user, the page, and the command palette (Ctrl/Cmd+K). */
export function Shell() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const closePalette = useCallback(() => setPaletteOpen(false), []);
  usePaletteHotkey(() => setPaletteOpen((open) => !open));
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="shell__header">
        <span className="shell__brand">Office CRM</span>
        <SearchButton onOpen={() => setPaletteOpen(true)} />
        <ProfilePicker />
      </header>
      <nav className="shell__nav" aria-label="Main">
        <NavLink to="/my-day">My day</NavLink>
        <NavLink to="/leads">Leads</NavLink>
        <NavLink to="/accounts">Accounts</NavLink>
        <NavLink to="/contacts">Contacts</NavLink>
        <NavLink to="/opportunities">Opportunities</NavLink>
        <NavLink to="/quotes">Quotes</NavLink>
        <NavLink to="/pipeline">Pipeline</NavLink>
        <NavLink to="/forecast">Forecast</NavLink>
        <NavLink to="/products">Products</NavLink>
        <NavLink to="/price-books">Price books</NavLink>
        <NavLink to="/calendar">Calendar</NavLink>
        <NavLink to="/territories">Territories</NavLink>
        <NavLink to="/import">Import</NavLink>
        <NavLink to="/duplicates">Duplicates</NavLink>
        <NavLink to="/segments">Segments</NavLink>
        <NavLink to="/campaigns">Campaigns</NavLink>
        <NavLink to="/my-calls">My calls</NavLink>
        <NavLink to="/admin/users">Users</NavLink>
        <NavLink to="/settings">Settings</NavLink>
      </nav>
      <main className="shell__main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <CommandPalette open={paletteOpen} onClose={closePalette} />
      <ReminderToasts />
    </div>
  );
}
