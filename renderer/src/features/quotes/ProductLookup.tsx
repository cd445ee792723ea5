import { useEffect, useId, useRef, useState } from 'react';
import type { PricedProduct } from '../../../../shared/contract/catalog';
import { formatMoney } from '../../../../shared/money';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';

export interface ProductLookupProps {
  priceBookId: number | null;
  currency: string;
  onPick: (product: PricedProduct) => void;
  disabled?: boolean;
}

const DELAY = 200;

/**
 * "Add product": type part of a SKU or name; the matches show SKU, name and
 * list price from the quote's price book. Arrow keys move, Enter adds the
 * highlighted product (the first one when none is), Esc closes the list.
 */
export function ProductLookup({ priceBookId, currency, onPick, disabled }: ProductLookupProps) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<PricedProduct[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const listId = useId();
  const request = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const lookup = (t: string, immediately = false) => {
    window.clearTimeout(timer.current);
    const run = async () => {
      const mine = ++request.current;
      try {
        const found = await call('products.lookup', { text: t.trim(), priceBookId, limit: 20 });
        if (mine !== request.current) return;
        setOptions(found);
        setActive(0);
        setOpen(true);
        setFailure(null);
      } catch (error) {
        if (mine === request.current) setFailure(errorMessage(error));
      }
    };
    if (immediately) void run();
    else timer.current = window.setTimeout(() => void run(), DELAY);
  };

  const choose = (product: PricedProduct) => {
    onPick(product);
    request.current++;
    setText('');
    setOptions([]);
    setOpen(false);
  };

  const price = (p: PricedProduct) => (p.listPriceMinor === null ? 'No price' : formatMoney({ amountMinor: p.listPriceMinor, currency }));

  return (
    <div className="quote-lookup">
      <label htmlFor="quote-add-product" className="quote-lookup__label">
        Add product
      </label>
      <div className="picker">
        <input
          id="quote-add-product"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
          aria-describedby={failure ? 'quote-add-product-error' : undefined}
          placeholder="SKU or name"
          disabled={disabled}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim() === '') {
              request.current++;
              setOpen(false);
            } else lookup(e.target.value);
          }}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              if (!open) lookup(text, true);
              else setActive((a) => Math.min(a + 1, options.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const option = open ? options[active] : undefined;
              if (option) choose(option);
              else if (text.trim()) lookup(text, true);
            } else if (e.key === 'Escape' && open) {
              e.preventDefault();
              setOpen(false);
            }
          }}
        />
        {open ? (
          <ul className="picker__list quote-lookup__list" id={listId} role="listbox" aria-label="Products">
            {options.length === 0 ? <li className="picker__empty">No matching products</li> : null}
            {options.map((p, i) => (
              <li
                key={p.id}
                id={`${listId}-${p.id}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'picker__option picker__option--active quote-lookup__option' : 'picker__option quote-lookup__option'}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(p);
                }}
              >
                <span className="quote-lookup__sku">{p.sku}</span>
                <span className="quote-lookup__name">
                  {p.name}
                  {p.isBundle ? <span className="tag">Bundle</span> : null}
                </span>
                <span className="quote-lookup__price">{price(p)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {failure ? (
        <p className="field__error" id="quote-add-product-error">
          Could not look up products: {failure}
        </p>
      ) : null}
    </div>
  );
}
