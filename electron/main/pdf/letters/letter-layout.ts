/**
 * Where everything sits on a window-envelope letter, per paper and envelope,
 * in one table: the address must land behind the envelope's window, so these
 * numbers come from the standards, not from taste. Everything is in PDF
 * points (1/72 in), measured from the page's top-left corner.
 */
import type { TextStyle } from '../pdf-draw';
import { COLOR } from '../quote-theme';

const mm = (millimetres: number) => (millimetres * 72) / 25.4;
const inch = (inches: number) => inches * 72;

export const LETTER_LAYOUT_NAMES = ['din5008b', 'us10'] as const;
export type LetterLayoutName = (typeof LETTER_LAYOUT_NAMES)[number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LetterLayout {
  page: { width: number; height: number };
  /** The field that shows through the envelope's window; nothing but the addresses may be printed in it. */
  window: Box;
  /**
   * Height of the window's top part kept for the one-line return address
   * (DIN's "Zusatz- und Vermerkzone"); the recipient goes below it. 0: no
   * return line, the recipient uses the whole window.
   */
  returnZoneHeight: number;
  /** How far the address text stays inside the window's left and right edges. */
  addressInset: { left: number; right: number };
  /** Sender's name, address and logo, above the window. */
  letterhead: { top: number; bottom: number };
  /** The date, to the right of the window (DIN's "Informationsblock"). */
  dateBlock: { x: number; y: number; width: number; align: 'left' | 'right' };
  /** Body text on every page; `top` is where continuation pages start. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Where the subject (or the body) starts on a letter's first page, below the window. */
  firstBodyTop: number;
  /** Baseline area of the "Page n" footer on continuation pages. */
  footerY: number;
  /** Short ticks at the left edge of the first page: where to fold, and the middle for the hole punch. */
  marks: { foldAt: number[]; punchAt: number | null };
}

/**
 * din5008b — DIN 5008:2020 "Form B" business letter on A4 (210 × 297 mm),
 * for a DL or C5/6 envelope with its window per DIN 680: the address field
 * (Anschriftfeld) is 85 × 45 mm, 20 mm from the left and 45 mm from the top
 * edge; its upper 17.7 mm hold the return address and notes, the lower
 * 27.3 mm the recipient, written from 25 mm (the letter's left margin).
 * Information block at 125 mm from the left, 50 mm from the top; the
 * subject starts at 98.46 mm; fold marks at 105 and 210 mm, the hole-punch
 * mark at 148.5 mm (half the page).
 *
 * us10 — US Letter (8.5 × 11 in) for a #10 window envelope (4⅛ × 9½ in,
 * standard window 1⅛ × 4½ in, ⅞ in from the left, ½ in from the bottom):
 * folded in three, the address block 0.875 in from the left and 2 in from
 * the top, 4 × 1.125 in, shows through the window with room for the letter
 * to shift in the envelope.
 */
export const LETTER_LAYOUTS: Record<LetterLayoutName, LetterLayout> = {
  din5008b: {
    page: { width: mm(210), height: mm(297) },
    window: { x: mm(20), y: mm(45), width: mm(85), height: mm(45) },
    returnZoneHeight: mm(17.7),
    addressInset: { left: mm(5), right: mm(2) },
    letterhead: { top: mm(12), bottom: mm(40) },
    dateBlock: { x: mm(125), y: mm(50), width: mm(65), align: 'left' },
    margins: { top: mm(20), bottom: mm(25), left: mm(25), right: mm(20) },
    firstBodyTop: mm(98.46),
    footerY: mm(297 - 15),
    marks: { foldAt: [mm(105), mm(210)], punchAt: mm(148.5) },
  },
  us10: {
    page: { width: inch(8.5), height: inch(11) },
    window: { x: inch(0.875), y: inch(2), width: inch(4), height: inch(1.125) },
    returnZoneHeight: 0,
    addressInset: { left: 0, right: 0 },
    letterhead: { top: inch(0.5), bottom: inch(1.75) },
    dateBlock: { x: inch(5), y: inch(2), width: inch(2.5), align: 'right' },
    margins: { top: inch(1), bottom: inch(1), left: inch(1), right: inch(1) },
    firstBodyTop: inch(3.5),
    footerY: inch(11 - 0.6),
    marks: { foldAt: [], punchAt: null },
  },
};

/** The box the recipient's lines must stay in: the window below the return zone, less the insets. */
export function recipientBox(layout: LetterLayout): Box {
  const { window, returnZoneHeight, addressInset } = layout;
  return {
    x: window.x + addressInset.left,
    y: window.y + returnZoneHeight,
    width: window.width - addressInset.left - addressInset.right,
    height: window.height - returnZoneHeight,
  };
}

const style = (weight: TextStyle['weight'], size: number, color: string): TextStyle => ({ weight, size, color });

/** Pure black for the address: postal sorting machines read it. */
const ADDRESS_INK = '#000000';

export const LETTER_TEXT = {
  senderName: style('bold', 13, COLOR.accent),
  senderLine: style('regular', 8, COLOR.muted),
  returnLine: style('regular', 7, COLOR.muted),
  address: style('regular', 10, ADDRESS_INK),
  date: style('regular', 10, COLOR.ink),
  subject: style('bold', 10.5, COLOR.ink),
  body: style('regular', 10.5, COLOR.ink),
  footer: style('regular', 7.5, COLOR.muted),
} as const;

/** An address line may shrink this far before it is cut with an ellipsis. */
export const ADDRESS_MIN_SIZE = 8;
export const RETURN_LINE_MIN_SIZE = 6;
/** Baseline-to-baseline distance of the address, as a multiple of the type size. */
export const ADDRESS_LEADING = 1.2;

export const LOGO_BOX = { width: 150, height: 50 };
export const MARK = { x: mm(4), foldLength: mm(5), punchLength: mm(8), color: COLOR.muted, lineWidth: 0.5 } as const;
