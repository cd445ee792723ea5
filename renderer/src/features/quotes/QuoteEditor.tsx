import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PricedProduct, Product, ProductRef } from '../../../../shared/contract/catalog';
import type { Quote, StatusChange } from '../../../../shared/contract/quotes';
import { CrmError } from '../../../../shared/errors';
import { formatMoney } from '../../../../shared/money';
import { quantityToMilli } from '../../../../shared/quote-math';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Section } from '../../components/Section';
import { call } from '../../lib/api';
import { errorMessage, isConflict } from '../../lib/formErrors';
import {
  blankItem,
  draftFromQuote,
  draftToPatch,
  evaluateDraft,
  insertPart,
  moveLine,
  newLineKey,
  placeIssues,
  removeLine,
  updateLine,
  type DraftItem,
  type DraftLine,
  type PlacedIssues,
  type Pricing,
  type QuoteDraft,
} from './draft';
import { formatPercent } from './labels';
import { LinesTable } from './LinesTable';
import { ProductLookup } from './ProductLookup';
import { quoteKeys, usePriceBookPrices, useQuoteTaxClasses } from './queries';
import { QuoteActions, type EditorHandle } from './QuoteActions';
import { QuoteFields } from './QuoteFields';
import { QuoteLayout } from './QuoteLayout';
import { Recommendations } from './Recommendations';
import { TotalsPanel } from './TotalsPanel';
import { useBundleParts, type BundleOption } from './useBundleOptions';

export interface QuoteEditorProps {
  /** The draft as last fetched; edits are based on the version first loaded (or last saved). */
  quote: Quote;
  thresholdPercent: number | undefined;
  history: { data: StatusChange[] | undefined; isPending: boolean };
}

const NO_ISSUES: PlacedIssues = { lines: {}, quote: {}, general: [] };

/**
 * The draft editor: lines (products with their bundle parts and options, free
 * text, group headings), quote-level discount, shipping and terms, and live
 * totals computed with shared/quote-math.ts. Save sends every line with its
 * key and the version the draft is based on.
 */
export function QuoteEditor({ quote, thresholdPercent, history }: QuoteEditorProps) {
  const client = useQueryClient();
  const [base, setBase] = useState(quote);
  const [draft, setDraft] = useState<QuoteDraft>(() => draftFromQuote(quote));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<PlacedIssues>(NO_ISSUES);
  const [conflict, setConflict] = useState<string | null>(null);
  const [addFailure, setAddFailure] = useState<string | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const [picked, setPicked] = useState<ReadonlyMap<number, PricedProduct>>(new Map());
  const pendingFocus = useRef<string[] | null>(null);

  const currency = base.currency;
  const taxClassesQuery = useQuoteTaxClasses();
  const taxClasses = useMemo(() => taxClassesQuery.data ?? [], [taxClassesQuery.data]);
  const defaultTaxId = taxClasses.find((t) => t.isDefault && t.active)?.id ?? null;
  const prices = usePriceBookPrices(base.priceBook?.id ?? null);

  // A newer version saved elsewhere replaces an untouched draft; edits in progress keep their version, so a save is refused rather than lost.
  useEffect(() => {
    if (!dirty && quote.version !== base.version && quote.id === base.id) {
      setBase(quote);
      setDraft(draftFromQuote(quote));
    }
  }, [quote, base, dirty]);

  const pricing = useMemo(() => {
    const book = new Map<number, Pricing>();
    for (const e of prices.data ?? []) {
      book.set(e.product.id, { listPriceMinor: e.unitPriceMinor, tiers: e.tiers.map((t) => ({ minQuantityMilli: quantityToMilli(t.minQuantity), unitPriceMinor: t.unitPriceMinor })) });
    }
    const fromPicks = new Map<number, Pricing>();
    for (const p of picked.values()) {
      fromPicks.set(p.id, { listPriceMinor: p.listPriceMinor, tiers: p.tiers.map((t) => ({ minQuantityMilli: quantityToMilli(t.minQuantity), unitPriceMinor: t.unitPriceMinor })) });
      for (const c of p.components) if (!fromPicks.has(c.productId)) fromPicks.set(c.productId, { listPriceMinor: c.listPriceMinor, tiers: [] });
    }
    const loaded = prices.isSuccess;
    return (productId: number): Pricing | undefined => book.get(productId) ?? fromPicks.get(productId) ?? (loaded ? { listPriceMinor: null, tiers: [] } : undefined);
  }, [prices.data, prices.isSuccess, picked]);

  const taxRate = useCallback((id: number) => taxClasses.find((t) => t.id === id)?.ratePercent, [taxClasses]);
  const evaluation = useMemo(() => evaluateDraft(draft, { currency, pricing, taxRate }), [draft, currency, pricing, taxRate]);
  const parts = useBundleParts(draft.lines, picked);

  const productIds = useMemo(
    () => [...new Set(draft.lines.flatMap((l) => (l.kind === 'item' && l.productId !== null ? [l.productId] : [])))].sort((a, b) => a - b),
    [draft.lines],
  );
  const configuration = useQuery({
    queryKey: quoteKeys.configuration(productIds),
    queryFn: () => call('products.checkConfiguration', { productIds }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  useEffect(() => {
    const ids = pendingFocus.current;
    if (!ids) return;
    pendingFocus.current = null;
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLInputElement | HTMLButtonElement | null;
      if (el && !el.disabled) {
        el.focus();
        return;
      }
    }
  }, [draft.lines]);

  const change = (next: (d: QuoteDraft) => QuoteDraft) => {
    setDraft(next);
    setDirty(true);
  };
  const setLines = (next: (lines: DraftLine[]) => DraftLine[], touchedKey?: string) => {
    change((d) => ({ ...d, lines: next(d.lines) }));
    if (touchedKey && issues.lines[touchedKey]) {
      setIssues((all) => {
        const { [touchedKey]: _gone, ...rest } = all.lines;
        return { ...all, lines: rest };
      });
    }
  };

  const componentTaxClass = async (productId: number): Promise<number | null> => {
    const product = await client.fetchQuery({ queryKey: quoteKeys.product(productId), queryFn: () => call('products.get', { id: productId }), staleTime: 60_000 });
    return product.taxClass?.id ?? defaultTaxId;
  };

  /** A product from the lookup (or a recommendation): a bundle brings its included parts at no charge. */
  const addProduct = async (p: PricedProduct) => {
    setAddFailure(null);
    setAdding(p.id);
    try {
      const key = newLineKey();
      const line = blankItem({
        key,
        productId: p.id,
        sku: p.sku,
        name: p.name,
        description: p.description,
        unit: p.unit,
        priceMode: p.listPriceMinor === null ? 'manual' : 'list',
        taxClassId: p.taxClassId ?? defaultTaxId,
      });
      const included = await Promise.all(
        p.components
          .filter((c) => !c.optional)
          .map(async (c) =>
            blankItem({
              parentKey: key,
              productId: c.productId,
              sku: c.sku,
              name: c.name,
              unit: c.unit,
              quantityText: String(c.quantity),
              priceMode: 'included',
              taxClassId: await componentTaxClass(c.productId),
            }),
          ),
      );
      for (const c of p.components.filter((x) => x.optional)) {
        void client.prefetchQuery({ queryKey: quoteKeys.product(c.productId), queryFn: () => call('products.get', { id: c.productId }), staleTime: 60_000 });
      }
      setPicked((all) => new Map(all).set(p.id, p));
      setLines((lines) => [...lines, line, ...included]);
    } catch (error) {
      setAddFailure(`Could not add ${p.name}: ${errorMessage(error)}`);
    } finally {
      setAdding(null);
    }
  };

  const addRecommended = async (target: ProductRef) => {
    setAddFailure(null);
    setAdding(target.id);
    try {
      const found = await call('products.lookup', { text: target.sku, priceBookId: base.priceBook?.id ?? null, limit: 50 });
      const product = found.find((p) => p.id === target.id);
      if (!product) throw new CrmError('not_found', `${target.name} is no longer sold.`);
      await addProduct(product);
    } catch (error) {
      setAddFailure(`Could not add ${target.name}: ${errorMessage(error)}`);
      setAdding(null);
    }
  };

  /** Ticking an option adds its part line at once; its tax class is corrected if the product has its own. */
  const toggleOption = (bundle: DraftItem, option: BundleOption, checked: boolean) => {
    if (!checked) {
      setLines((lines) => lines.filter((l) => !(l.kind === 'item' && l.parentKey === bundle.key && l.productId === option.productId)));
      return;
    }
    const cached = client.getQueryData<Product>(quoteKeys.product(option.productId));
    const guess = cached ? (cached.taxClass?.id ?? defaultTaxId) : defaultTaxId;
    const part = blankItem({
      parentKey: bundle.key,
      productId: option.productId,
      sku: option.sku,
      name: option.name,
      unit: option.unit,
      quantityText: String(option.quantity),
      priceMode: option.listPriceMinor === null ? 'manual' : 'list',
      taxClassId: guess,
    });
    setLines((lines) => insertPart(lines, bundle.key, part));
    if (!cached) {
      componentTaxClass(option.productId).then(
        (taxClassId) => {
          if (taxClassId !== guess) setDraft((d) => ({ ...d, lines: d.lines.map((l) => (l.key === part.key && l.kind === 'item' && l.taxClassId === guess ? { ...l, taxClassId } : l)) }));
        },
        (error: unknown) => setAddFailure(`Could not read ${option.name}: ${errorMessage(error)}`),
      );
    }
  };

  const addFreeText = () => {
    const line = blankItem({ taxClassId: defaultTaxId });
    pendingFocus.current = [`line-${line.key}-name`];
    setLines((lines) => [...lines, line]);
  };

  const addHeading = () => {
    const key = newLineKey();
    pendingFocus.current = [`line-${key}-heading`];
    setLines((lines) => [...lines, { kind: 'heading', key, text: '' }]);
  };

  const save = async (): Promise<Quote | null> => {
    if (!dirty) return base;
    setConflict(null);
    if (!evaluation.valid) {
      setIssues({ ...NO_ISSUES, general: ['Some lines or fields need attention: see the messages beside them.'] });
      return null;
    }
    setSaving(true);
    const sentKeys = draft.lines.map((l) => l.key);
    try {
      const saved = await call('quotes.update', { id: base.id, version: base.version, patch: draftToPatch(draft, currency) });
      client.setQueryData(quoteKeys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: ['quotes'], predicate: (q) => q.queryKey[1] !== 'get' || q.queryKey[2] !== saved.id });
      setBase(saved);
      setDraft(draftFromQuote(saved));
      setDirty(false);
      setIssues(NO_ISSUES);
      return saved;
    } catch (error) {
      if (isConflict(error)) setConflict(error.message);
      else if (error instanceof CrmError && error.issues?.length) {
        const placed = placeIssues(error.issues, sentKeys);
        setIssues({ ...placed, general: placed.general.length ? placed.general : [error.message] });
      } else setIssues({ ...NO_ISSUES, general: [errorMessage(error)] });
      return null;
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    const fresh = await call('quotes.get', { id: base.id });
    client.setQueryData(quoteKeys.one(fresh.id), fresh);
    setBase(fresh);
    setDraft(draftFromQuote(fresh));
    setDirty(false);
    setConflict(null);
    setIssues(NO_ISSUES);
  };

  // Ctrl/Cmd+S saves (Esc is left to the dialogs and the product list).
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // PDFs and versions change without a new version of the draft: show them from the latest fetch.
  const shown = quote.id === base.id ? { ...base, attachments: quote.attachments, revisions: quote.revisions } : base;
  const needsApproval = thresholdPercent !== undefined && evaluation.largestDiscountPercent > thresholdPercent;
  const handle: EditorHandle = { dirty, saving, save, needsApproval };
  const quoteErrors = { ...evaluation.quoteErrors, ...issues.quote };
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency });
  const discountLabel =
    draft.discount.kind === 'percent' && draft.discount.text ? `${draft.discount.text}%` : draft.discount.kind === 'amount' && evaluation.totals.quoteDiscountMinor ? money(evaluation.totals.quoteDiscountMinor) : null;

  return (
    <QuoteLayout
      quote={shown}
      totalMinor={evaluation.totals.totalMinor}
      thresholdPercent={thresholdPercent}
      history={history}
      actions={<QuoteActions quote={base} editor={handle} />}
    >
      {conflict ? <ConflictBanner message={conflict} onReload={() => void reload()} /> : null}
      <ErrorBanner title="Not saved" messages={issues.general} />
      {needsApproval ? (
        <div className="banner banner--warning" role="status">
          <div className="banner__text">
            <strong>
              Needs approval: largest discount {formatPercent(evaluation.largestDiscountPercent)} &gt; threshold {formatPercent(thresholdPercent)}
            </strong>
            <p>Submitting sends the quote to a sales manager for review.</p>
          </div>
        </div>
      ) : null}
      <Section title="Lines">
        <Recommendations check={configuration.data} busyId={adding} onAdd={(target) => void addRecommended(target)} />
        <LinesTable
          lines={draft.lines}
          currency={currency}
          evaluation={evaluation}
          serverErrors={issues.lines}
          taxClasses={taxClasses}
          parts={parts}
          pricing={pricing}
          onChangeLine={(key, c) => setLines((lines) => updateLine(lines, key, c), key)}
          onChangeHeading={(key, text) => setLines((lines) => updateLine(lines, key, { text }), key)}
          onMove={(key, direction) => {
            pendingFocus.current = [`move-${direction < 0 ? 'up' : 'down'}-${key}`, `move-${direction < 0 ? 'down' : 'up'}-${key}`];
            setLines((lines) => moveLine(lines, key, direction));
          }}
          onRemove={(key) => setLines((lines) => removeLine(lines, key), key)}
          onToggleOption={toggleOption}
        />
        <div className="quote-add">
          <ProductLookup priceBookId={base.priceBook?.id ?? null} currency={currency} onPick={(p) => void addProduct(p)} disabled={adding !== null} />
          <button type="button" className="btn" onClick={addFreeText}>
            Add free-text line
          </button>
          <button type="button" className="btn" onClick={addHeading}>
            Add group heading
          </button>
        </div>
        {addFailure ? (
          <p className="field__error" role="alert">
            {addFailure}
          </p>
        ) : null}
      </Section>
      <div className="quote-columns quote-columns--totals">
        <Section title="Quote details">
          <QuoteFields draft={draft} currency={currency} accountId={base.account?.id ?? null} taxClasses={taxClasses} errors={quoteErrors} onChange={(c) => change((d) => ({ ...d, ...c }))} />
        </Section>
        <TotalsPanel totals={evaluation.totals} currency={currency} live discountLabel={discountLabel} />
      </div>
    </QuoteLayout>
  );
}
