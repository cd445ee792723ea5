import type { FORECAST_CATEGORIES } from '../../../../shared/contract/opportunities';

const CATEGORY_LABELS: Record<(typeof FORECAST_CATEGORIES)[number], string> = {
  pipeline: 'Pipeline',
  best_case: 'Best case',
  commit: 'Commit',
  omitted: 'Omitted',
};

export function forecastCategoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}
