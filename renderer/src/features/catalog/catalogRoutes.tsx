import { Route } from 'react-router';
import { PriceBooksPage } from './PriceBooksPage';
import { ProductNewPage } from './ProductNewPage';
import { ProductPage } from './ProductPage';
import { ProductsGrid } from './ProductsGrid';
import { TaxClassesPage } from './TaxClassesPage';

/** The catalog's pages, mounted inside the shell by app/routes.tsx. */
export const catalogRoutes = [
  <Route key="products" path="products" element={<ProductsGrid />} />,
  <Route key="products-new" path="products/new" element={<ProductNewPage />} />,
  <Route key="products-detail" path="products/:id" element={<ProductPage />} />,
  <Route key="price-books" path="price-books" element={<PriceBooksPage />} />,
  <Route key="tax-classes" path="tax-classes" element={<TaxClassesPage />} />,
];
