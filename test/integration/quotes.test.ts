import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeQuoteTotals } from '../../shared/quote-math';
import type { Quote } from '../../shared/contract/quotes';
import { Sql } from '../../electron/main/db/sql';
import { quoteFixture } from '../support/quote-fixture';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let f: Awaited<ReturnType<typeof quoteFixture>>;

beforeEach(async () => {
  host = await tempHost();
  f = await quoteFixture(host);
});
afterEach(async () => {
  await host.close();
});

async function addUser(name: string, role: string): Promise<number> {
  const now = new Date().toISOString();
  const { lastId } = await new Sql(host.dataSource).run(`INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`, [
    name,
    `${name.toLowerCase().replace(/\W/g, '.')}@example.com`,
    role,
    now,
    now,
  ]);
  return lastId;
}

const as = async <T>(userId: number, work: () => Promise<T>): Promise<T> => {
  const before = host.session.userId;
  host.session.userId = userId;
  try {
    return await work();
  } finally {
    host.session.userId = before;
  }
};

function standardLines() {
  return [
    { kind: 'heading' as const, key: 'h-hw', text: 'Hardware' },
    { kind: 'item' as const, key: 'srv', productId: f.server.id, quantity: 10 },
    { kind: 'item' as const, key: 'kit', productId: f.kit.id, quantity: 1 },
    { kind: 'item' as const, key: 'kit-rails', parentKey: 'kit', productId: f.rails.id, quantity: 2, unitPriceMinor: 0 },
    { kind: 'item' as const, key: 'kit-cable', parentKey: 'kit', productId: f.cable.id, quantity: 1 },
    { kind: 'heading' as const, key: 'h-svc', text: 'Services' },
    { kind: 'item' as const, key: 'sup', productId: f.support.id, quantity: 1.5, discount: { kind: 'percent' as const, percent: 10 } },
    { kind: 'item' as const, key: 'free', name: 'Installation on site', quantity: 1, unitPriceMinor: 80_000, taxClassId: null },
  ];
}

async function draft(extra: Record<string, unknown> = {}): Promise<Quote> {
  return host.call('quotes.create', { opportunityId: f.opportunity.id, lines: standardLines(), shippingMinor: 4_500, shippingTaxClassId: f.standard.id, ...extra });
}

describe('quotes: pricing and totals', () => {
  it('fills defaults from the opportunity, prices lines from the book with tiers, and totals with the shared rules', async () => {
    const quote = await draft({ discount: { kind: 'amount', amountMinor: 10_000 } });
    expect(quote.number).toBe('Q-000001');
    expect(quote.revision).toBe(1);
    expect(quote.status).toBe('draft');
    expect(quote.title).toBe('Data centre refresh');
    expect(quote.contact).toMatchObject({ id: f.contact.id, email: 'zoe@athena.example' });
    expect(quote.account?.id).toBe(f.account.id);
    expect(quote.priceBook?.id).toBe(f.book.id);
    expect(quote.currency).toBe('EUR');
    // Default validity: 30 days from the test clock's 2026-03-01.
    expect(quote.validUntil).toBe('2026-03-31');

    const items = quote.lines.filter((l) => l.kind === 'item');
    const byKey = Object.fromEntries(items.map((l) => [l.key, l]));
    expect(byKey.srv).toMatchObject({ unitPriceMinor: 225_000, listPriceMinor: 225_000, sku: 'SRV-1', name: 'Server Łódź', taxRatePercent: 19, description: 'Rack server' });
    expect(byKey['kit-rails']).toMatchObject({ unitPriceMinor: 0, listPriceMinor: 4_999, parentKey: 'kit' });
    expect(byKey.sup).toMatchObject({ taxRatePercent: 7, grossMinor: 90_000, discountMinor: 9_000, netMinor: 81_000, unit: 'year' });
    expect(byKey.free).toMatchObject({ productId: null, taxRatePercent: null, netMinor: 80_000 });

    const expected = computeQuoteTotals({
      lines: items.map((l) => ({
        quantityMilli: Math.round(l.quantity * 1000),
        unitPriceMinor: l.unitPriceMinor,
        discount: l.discount?.kind === 'percent' ? { kind: 'percent', basisPoints: l.discount.percent * 100 } : null,
        taxRateMilli: l.taxRatePercent === null ? null : l.taxRatePercent * 1000,
      })),
      discount: { kind: 'amount', amountMinor: 10_000 },
      shippingMinor: 4_500,
      shippingTaxRateMilli: 19_000,
    });
    expect(quote.totals.totalMinor).toBe(expected.totalMinor);
    expect(quote.totals.taxes.map((t) => t.ratePercent)).toEqual([7, 19]);
    expect(quote.totals.subtotalMinor).toBe(2_250_000 + 19_900 + 0 + 1_250 + 81_000 + 80_000);
    const stored = await new Sql(host.dataSource).get<{ total_minor: number }>(`SELECT total_minor FROM quotes WHERE id = ?`, [quote.id]);
    expect(stored?.total_minor).toBe(quote.totals.totalMinor);
    // Support is recommended by the server but already on the quote: no suggestion.
    expect(quote.suggestions).toEqual([]);
  });

  it('refuses a configuration that breaks a rule, names the rule, and writes nothing', async () => {
    const error = await host.fail('quotes.create', { opportunityId: f.opportunity.id, lines: [{ kind: 'item', productId: f.server.id, quantity: 1 }] });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/Server Łódź requires Rack rails/);
    expect(error.issues?.[0]?.path).toBe('lines.0.productId');
    const count = await new Sql(host.dataSource).get<{ n: number }>(`SELECT COUNT(*) AS n FROM quotes`);
    expect(count?.n).toBe(0);
  });

  it('suggests recommended products that are missing', async () => {
    const quote = await host.call('quotes.create', {
      opportunityId: f.opportunity.id,
      lines: [
        { kind: 'item', productId: f.server.id, quantity: 1 },
        { kind: 'item', productId: f.rails.id, quantity: 2 },
      ],
    });
    expect(quote.suggestions.map((s) => s.target.sku)).toEqual(['SUP-1']);
  });

  it('reports every bad line at once, with its path', async () => {
    const error = await host.fail('quotes.create', {
      opportunityId: f.opportunity.id,
      lines: [
        { kind: 'item', quantity: 1 },
        { kind: 'item', productId: 999, quantity: 1 },
        { kind: 'item', parentKey: 'nope', name: 'Orphan', quantity: 1, unitPriceMinor: 1 },
      ],
    });
    expect(error.issues?.map((i) => i.path)).toEqual(['lines.0.name', 'lines.0.unitPriceMinor', 'lines.1.productId', 'lines.2.parentKey']);
  });

  it('refuses a price book in another currency and a zero quantity', async () => {
    const usd = await host.call('priceBooks.save', { name: 'US', currency: 'USD' });
    expect((await host.fail('quotes.create', { opportunityId: f.opportunity.id, priceBookId: usd.id })).message).toMatch(/US is in USD, but the opportunity is in EUR/);
    const zero = await host.fail('quotes.create', { opportunityId: f.opportunity.id, lines: [{ kind: 'item', name: 'x', quantity: 0, unitPriceMinor: 1 }] });
    expect(zero.code).toBe('validation');
    expect(zero.issues?.[0]?.message).toMatch(/more than zero/);
  });
});

describe('quotes: status flow', () => {
  it('submits under the threshold straight to approved', async () => {
    const quote = await draft();
    const submitted = await host.call('quotes.submit', { id: quote.id, version: quote.version });
    expect(submitted.status).toBe('approved');
  });

  it('sends a discount above the threshold to review; only another manager approves; a rejection returns it to draft with the comment', async () => {
    const rep = await addUser('Rita Rep', 'sales_rep');
    const manager = await addUser('Mona Manager', 'sales_manager');
    const quote = await as(rep, () => draft({ discount: { kind: 'percent', percent: 20 } }));
    expect(quote.needsApproval).toBe(true);
    expect(quote.largestDiscountPercent).toBe(20);
    const inReview = await as(rep, () => host.call('quotes.submit', { id: quote.id, version: quote.version }));
    expect(inReview.status).toBe('in_review');

    const forbidden = await as(rep, () => host.fail('quotes.approve', { id: quote.id, version: inReview.version }));
    expect(forbidden.code).toBe('forbidden');
    expect(await as(rep, () => host.fail('quotes.update', { id: quote.id, version: inReview.version, patch: { notes: 'sneaky' } }))).toMatchObject({
      code: 'validation',
    });

    const back = await as(manager, () => host.call('quotes.rejectReview', { id: quote.id, version: inReview.version, comment: 'Max 15% without a multi-year deal' }));
    expect(back.status).toBe('draft');
    expect(back.review).toMatchObject({ comment: 'Max 15% without a multi-year deal', by: { id: manager } });

    const again = await as(rep, () => host.call('quotes.submit', { id: quote.id, version: back.version }));
    // A new submission starts a new review: the old comment is gone from the quote (it stays in the history).
    expect(again.review).toBeNull();
    const approved = await as(manager, () => host.call('quotes.approve', { id: quote.id, version: again.version, comment: 'OK for this customer' }));
    expect(approved.status).toBe('approved');
    const history = await host.call('quotes.history', { id: quote.id });
    expect(history.map((h) => [h.from, h.to])).toEqual([
      [null, 'draft'],
      ['draft', 'in_review'],
      ['in_review', 'draft'],
      ['draft', 'in_review'],
      ['in_review', 'approved'],
    ]);
    expect(history[2]!.comment).toBe('Max 15% without a multi-year deal');
  });

  it('does not let a manager approve their own quote', async () => {
    const manager = await addUser('Max Manager', 'sales_manager');
    const quote = await as(manager, () => draft({ discount: { kind: 'percent', percent: 30 } }));
    const inReview = await as(manager, () => host.call('quotes.submit', { id: quote.id, version: quote.version }));
    const error = await as(manager, () => host.fail('quotes.approve', { id: quote.id, version: inReview.version }));
    expect(error).toMatchObject({ code: 'forbidden', message: 'Another manager must approve your own quote.' });
  });

  it('accepting wins the opportunity with the quote total', async () => {
    const quote = await draft();
    const approved = await host.call('quotes.submit', { id: quote.id, version: quote.version });
    const sent = await host.call('quotes.markSent', { id: quote.id, version: approved.version });
    const accepted = await host.call('quotes.accept', { id: quote.id, version: sent.version });
    expect(accepted.status).toBe('accepted');
    const opp = await host.call('opportunities.get', { id: f.opportunity.id });
    expect(opp.stage.kind).toBe('won');
    expect(opp.amount).toEqual({ amountMinor: accepted.totals.totalMinor, currency: 'EUR' });
    expect((await host.fail('quotes.revise', { id: quote.id, version: accepted.version })).message).toMatch(/accepted and cannot be revised/);
  });

  it('a quote past its validity cannot be accepted, and the sweep expires it', async () => {
    const quote = await draft({ validUntil: '2026-03-10' });
    const approved = await host.call('quotes.submit', { id: quote.id, version: quote.version });
    host.clock.advance(15 * 24 * 3600_000);
    // The background sweep may get there first (it runs a second after start): either way the quote ends expired once.
    expect((await host.fail('quotes.accept', { id: quote.id, version: approved.version })).message).toMatch(/expired/);
    await host.services.quotes.workflow.expireDue(host.dataSource.manager, host.clock.now().toISOString());
    await host.services.quotes.workflow.expireDue(host.dataSource.manager, host.clock.now().toISOString());
    expect((await host.call('quotes.get', { id: quote.id })).status).toBe('expired');
    const history = await host.call('quotes.history', { id: quote.id });
    expect(history.filter((h) => h.to === 'expired')).toHaveLength(1);
    // Revising an expired quote gives the new draft a fresh validity date.
    const current = await host.call('quotes.get', { id: quote.id });
    const v2 = await host.call('quotes.revise', { id: quote.id, version: current.version });
    expect(v2.validUntil).toBe('2026-04-15');
  });

  it('refuses a stale version', async () => {
    const quote = await draft();
    await host.call('quotes.update', { id: quote.id, version: quote.version, patch: { notes: 'first' } });
    expect((await host.fail('quotes.update', { id: quote.id, version: quote.version, patch: { notes: 'second' } })).code).toBe('conflict');
    expect((await host.fail('quotes.submit', { id: quote.id, version: quote.version })).code).toBe('conflict');
  });
});

describe('quotes: revisions', () => {
  it('revise freezes version n, copies it to n+1, and compares line by line', async () => {
    const v1 = await draft();
    const approved = await host.call('quotes.submit', { id: v1.id, version: v1.version });
    // A manager revising a rep's quote does not become its salesperson.
    const manager = await addUser('Mo Manager', 'sales_manager');
    const v2 = await as(manager, () => host.call('quotes.revise', { id: v1.id, version: approved.version }));
    expect(v2).toMatchObject({ number: v1.number, revision: 2, status: 'draft', isLatest: true, owner: { id: v1.owner.id } });
    expect(v2.revisions.map((r) => r.revision)).toEqual([1, 2]);
    const frozen = await host.call('quotes.get', { id: v1.id });
    expect(frozen.isLatest).toBe(false);
    expect((await host.fail('quotes.revise', { id: v1.id, version: frozen.version })).message).toMatch(/frozen/);

    const lines = standardLines()
      .filter((l) => l.key !== 'free')
      .map((l) => (l.key === 'srv' ? { ...l, quantity: 12 } : l));
    lines.push({ kind: 'item', key: 'extra', name: 'Training day', quantity: 2, unitPriceMinor: 95_000 } as never);
    const edited = await host.call('quotes.update', { id: v2.id, version: v2.version, patch: { lines } });
    const cmp = await host.call('quotes.compare', { leftId: v1.id, rightId: edited.id });
    const change = Object.fromEntries(cmp.lines.map((l) => [l.key, l.change]));
    expect(change).toMatchObject({ 'h-hw': 'same', srv: 'changed', kit: 'same', free: 'removed', extra: 'added' });
    expect(cmp.lines.find((l) => l.key === 'srv')?.fields).toEqual(['quantity', 'netMinor']);
    expect(cmp.left.totals.totalMinor).toBe(v1.totals.totalMinor);
    expect(cmp.right.totals.totalMinor).toBe(edited.totals.totalMinor);
    // v1 is untouched by editing v2.
    expect((await host.call('quotes.get', { id: v1.id })).totals).toEqual(v1.totals);

    // Deleting the v2 draft makes v1 the current revision again.
    await host.call('quotes.delete', { id: v2.id });
    expect((await host.call('quotes.get', { id: v1.id })).isLatest).toBe(true);
    const list = await host.call('quotes.list', { startRow: 0, endRow: 50, opportunityId: f.opportunity.id });
    expect(list.rows.map((r) => [r.number, r.revision])).toEqual([['Q-000001', 1]]);
  });

  it('refuses to compare two different quotes', async () => {
    const a = await draft();
    const b = await draft();
    expect((await host.fail('quotes.compare', { leftId: a.id, rightId: b.id })).message).toMatch(/different quotes/);
  });
});
