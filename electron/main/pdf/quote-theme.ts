/**
 * The proposal's look in one place: colours, type sizes and page geometry,
 * so the blocks agree with each other and a rebrand is one file.
 */
import type { TextStyle } from './pdf-draw';

export const COLOR = {
  ink: '#1f2933',
  muted: '#5f6b76',
  rule: '#d3d9e0',
  accent: '#1d4f91',
  onAccent: '#ffffff',
  band: '#eef2f8',
} as const;

/** A4 in points; the bottom margin leaves room for the footer drawn at the end. */
export const PAGE = { size: 'A4', margins: { top: 48, bottom: 64, left: 48, right: 48 } } as const;

const style = (weight: TextStyle['weight'], size: number, color: string): TextStyle => ({ weight, size, color });

export const TEXT = {
  companyBig: style('bold', 18, COLOR.accent),
  companyName: style('bold', 10.5, COLOR.ink),
  small: style('regular', 8.5, COLOR.muted),
  label: style('bold', 7.5, COLOR.muted),
  body: style('regular', 9, COLOR.ink),
  bodyBold: style('bold', 9, COLOR.ink),
  customerName: style('bold', 11, COLOR.ink),
  quoteNumber: style('bold', 13, COLOR.accent),
  title: style('bold', 15, COLOR.ink),
  sectionTitle: style('bold', 10, COLOR.ink),
  tableHeader: style('bold', 8, COLOR.onAccent),
  sku: style('regular', 7.5, COLOR.muted),
  itemName: style('bold', 9, COLOR.ink),
  componentName: style('regular', 9, COLOR.ink),
  description: style('regular', 8, COLOR.muted),
  cell: style('regular', 9, COLOR.ink),
  groupHeading: style('bold', 9.5, COLOR.accent),
  totalLabel: style('regular', 9, COLOR.ink),
  grandTotal: style('bold', 11, COLOR.ink),
  footer: style('regular', 7.5, COLOR.muted),
} as const;
