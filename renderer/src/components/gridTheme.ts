import { themeQuartz } from 'ag-grid-community';

/** Compact, light grid that matches the app's CSS variables. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 32,
  spacing: 6,
  accentColor: '#1f5fbf',
  foregroundColor: '#1d2533',
  headerBackgroundColor: '#f3f5f8',
  borderColor: '#d9dee6',
  wrapperBorderRadius: 4,
  oddRowBackgroundColor: '#fafbfc',
});
