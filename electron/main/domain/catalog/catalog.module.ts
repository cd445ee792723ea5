import type { DataSource } from 'typeorm';
import type { catalogContract } from '../../../../shared/contract/catalog';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { PriceBooksService } from './price-books.service';
import { ProductsService } from './products.service';
import { TaxClassesService } from './tax-classes.service';

/** The catalog: products and bundles with configurator rules, price books with volume tiers, tax classes. */
export interface CatalogServices {
  products: ProductsService;
  taxClasses: TaxClassesService;
  priceBooks: PriceBooksService;
}

export function createCatalogServices(dataSource: DataSource): CatalogServices {
  return { products: new ProductsService(dataSource), taxClasses: new TaxClassesService(dataSource), priceBooks: new PriceBooksService(dataSource) };
}

export function catalogHandlers(services: Services): ModuleHandlers<typeof catalogContract> {
  const { products, taxClasses, priceBooks } = services.catalog;
  return {
    'taxClasses.list': ({ includeInactive }) => taxClasses.list(includeInactive),
    'taxClasses.save': (input, ctx) => taxClasses.save(ctx.em, input, ctx),
    'products.create': async (input, ctx) => {
      const product = await products.create(ctx.em, input, ctx);
      ctx.events.emit('record.changed', { entity: 'product', id: product.id, action: 'create' });
      return product;
    },
    'products.get': ({ id }) => products.get(id),
    'products.update': async ({ id, version, patch }, ctx) => {
      const product = await products.update(ctx.em, id, version, patch, ctx);
      ctx.events.emit('record.changed', { entity: 'product', id, action: 'update' });
      return product;
    },
    'products.delete': async ({ id }, ctx) => {
      const result = await products.delete(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'product', id, action: 'delete' });
      return result;
    },
    'products.restore': async ({ id }, ctx) => {
      const product = await products.restore(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'product', id, action: 'restore' });
      return product;
    },
    'products.list': (query) => products.list(query),
    'products.lookup': (query) => products.lookup(query),
    'products.checkConfiguration': ({ productIds }) => products.checkConfiguration(productIds),
    'priceBooks.list': ({ includeInactive }) => priceBooks.list(includeInactive),
    'priceBooks.save': (input, ctx) => priceBooks.save(ctx.em, input, ctx),
    'priceBooks.entries': ({ priceBookId }) => priceBooks.entries(priceBookId),
    'priceBooks.setPrice': (input, ctx) => priceBooks.setPrice(ctx.em, input, ctx),
    'priceBooks.removePrice': ({ priceBookId, productId }, ctx) => priceBooks.removePrice(ctx.em, priceBookId, productId, ctx),
  };
}
