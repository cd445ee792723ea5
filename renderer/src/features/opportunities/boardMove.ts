import type { Board, CurrencyTotal } from '../../../../shared/contract/opportunities';

export type BoardColumnData = Board['columns'][number];
export type BoardCardData = BoardColumnData['cards'][number];

/** amount × probability / 100, rounded half away from zero, as the backend weights one opportunity. */
export function weighted(amountMinor: number, probability: number): number {
  const raw = (amountMinor * probability) / 100;
  return Math.sign(raw) * Math.round(Math.abs(raw));
}

/** The probability a card gets on entering a stage: won 100, lost 0, open the stage's default. */
export function probabilityIn(stage: BoardColumnData['stage']): number {
  return stage.kind === 'won' ? 100 : stage.kind === 'lost' ? 0 : stage.probability;
}

function addTo(totals: CurrencyTotal[], currency: string, sign: 1 | -1, amountMinor: number, weightedMinor: number): CurrencyTotal[] {
  const found = totals.find((t) => t.currency === currency);
  const next = found
    ? totals.map((t) =>
        t.currency === currency
          ? { ...t, count: t.count + sign, amountMinor: t.amountMinor + sign * amountMinor, weightedMinor: t.weightedMinor + sign * weightedMinor }
          : t,
      )
    : [...totals, { currency, count: sign, amountMinor: sign * amountMinor, weightedMinor: sign * weightedMinor }];
  return next.filter((t) => t.count > 0).sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Cards in the backend's order: by expected close (none last), then id. */
function byExpectedClose(a: BoardCardData, b: BoardCardData): number {
  if (a.expectedCloseDate !== b.expectedCloseDate) {
    if (a.expectedCloseDate === null) return 1;
    if (b.expectedCloseDate === null) return -1;
    return a.expectedCloseDate < b.expectedCloseDate ? -1 : 1;
  }
  return a.id - b.id;
}

/**
 * The board as it will look once the card is in the target stage: the card
 * moves, counts and per-currency totals follow. Shown at once; the server's
 * board replaces it when the move is saved.
 */
export function applyMove(board: Board, cardId: number, toStageId: number): Board {
  const from = board.columns.find((c) => c.cards.some((card) => card.id === cardId));
  const to = board.columns.find((c) => c.stage.id === toStageId);
  const card = from?.cards.find((c) => c.id === cardId);
  if (!from || !to || !card || from === to) return board;
  const probability = probabilityIn(to.stage);
  const moved: BoardCardData = { ...card, probability };
  const { amountMinor, currency } = card.amount;
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column === from) {
        return {
          ...column,
          count: column.count - 1,
          cards: column.cards.filter((c) => c.id !== cardId),
          totals: addTo(column.totals, currency, -1, amountMinor, weighted(amountMinor, card.probability)),
        };
      }
      if (column === to) {
        return {
          ...column,
          count: column.count + 1,
          cards: [...column.cards, moved].sort(byExpectedClose),
          totals: addTo(column.totals, currency, 1, amountMinor, weighted(amountMinor, probability)),
        };
      }
      return column;
    }),
  };
}

export function findCard(board: Board, cardId: number): { card: BoardCardData; column: BoardColumnData } | null {
  for (const column of board.columns) {
    const card = column.cards.find((c) => c.id === cardId);
    if (card) return { card, column };
  }
  return null;
}
