import { foldForSort } from '../../../../shared/text';

/** Something the palette can do besides opening a record. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** Other words that find it ("create", "add", …). */
  keywords: string[];
  /** A route in renderer/src/app/routes.tsx. */
  to: string;
}

export const COMMANDS: PaletteCommand[] = [
  { id: 'new-account', label: 'New account', keywords: ['create', 'add', 'company'], to: '/accounts/new' },
  { id: 'new-contact', label: 'New contact', keywords: ['create', 'add', 'person'], to: '/contacts/new' },
  { id: 'go-accounts', label: 'Go to Accounts', keywords: ['open', 'list', 'companies'], to: '/accounts' },
  { id: 'go-contacts', label: 'Go to Contacts', keywords: ['open', 'list', 'people'], to: '/contacts' },
  { id: 'new-lead', label: 'New lead', keywords: ['create', 'add', 'prospect'], to: '/leads/new' },
  { id: 'new-opportunity', label: 'New opportunity', keywords: ['create', 'add', 'deal'], to: '/opportunities/new' },
  { id: 'go-leads', label: 'Go to Leads', keywords: ['open', 'list', 'prospects'], to: '/leads' },
  { id: 'go-opportunities', label: 'Go to Opportunities', keywords: ['open', 'list', 'deals'], to: '/opportunities' },
  { id: 'go-pipeline', label: 'Go to Pipeline', keywords: ['open', 'kanban', 'board'], to: '/pipeline' },
  { id: 'go-forecast', label: 'Go to Forecast', keywords: ['open', 'quota', 'chart'], to: '/forecast' },
  { id: 'go-my-day', label: 'Go to My day', keywords: ['open', 'today', 'tasks'], to: '/my-day' },
  { id: 'go-calendar', label: 'Go to Calendar', keywords: ['open', 'meetings', 'week', 'month'], to: '/calendar' },
  { id: 'go-lead-scoring', label: 'Lead scoring rules', keywords: ['open', 'points', 'admin'], to: '/leads/scoring' },
  { id: 'go-win-loss', label: 'Go to Win/loss', keywords: ['open', 'analysis', 'lost', 'reasons'], to: '/win-loss' },
  { id: 'go-pipeline-settings', label: 'Pipeline settings', keywords: ['open', 'stages', 'admin'], to: '/settings/pipelines' },
];

const words = (text: string) => foldForSort(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The commands whose words start with every word typed ("new acc" → New account,
 * "go con" → Go to Contacts), accent- and case-free. Empty text lists them all.
 */
export function matchCommands(text: string, commands: PaletteCommand[] = COMMANDS): PaletteCommand[] {
  const typed = words(text);
  if (typed.length === 0) return commands;
  return commands.filter((c) => {
    const own = [...words(c.label), ...c.keywords.flatMap(words)];
    return typed.every((t) => own.some((w) => w.startsWith(t)));
  });
}
