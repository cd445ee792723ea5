import type { GlobalSearchResult, SearchHit, SearchKind } from '../../../../shared/contract/search';
import type { PaletteCommand } from './commands';

/** One row of the palette: a command, or a record the search found. */
export type PaletteItem =
  | { type: 'command'; key: string; command: PaletteCommand; to: string }
  | { type: 'hit'; key: string; hit: SearchHit; to: string | null };

export interface PaletteSection {
  key: 'commands' | SearchKind;
  label: string;
  items: PaletteItem[];
  /** Matches beyond the ones shown. */
  more: number;
}

/** Commands first (when any match), then one section per record type that has hits. */
export function paletteSections(commands: PaletteCommand[], result: GlobalSearchResult | undefined): PaletteSection[] {
  const sections: PaletteSection[] = [];
  if (commands.length > 0) {
    sections.push({
      key: 'commands',
      label: 'Commands',
      items: commands.map((command) => ({ type: 'command', key: `command:${command.id}`, command, to: command.to })),
      more: 0,
    });
  }
  for (const group of result?.groups ?? []) {
    if (group.hits.length === 0) continue;
    sections.push({
      key: group.kind,
      label: group.label,
      items: group.hits.map((hit) => ({ type: 'hit', key: `${hit.kind}:${hit.id}`, hit, to: hit.route })),
      more: Math.max(0, group.total - group.hits.length),
    });
  }
  return sections;
}

/** The rows the arrow keys move through: everything that opens something. */
export function navigableItems(sections: PaletteSection[]): PaletteItem[] {
  return sections.flatMap((s) => s.items).filter((item) => item.to !== null);
}
