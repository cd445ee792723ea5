/** Column order of the rows the generator yields; the bulk insert binds them in this order. */
export const ACCOUNT_COLUMNS = [
  'id', 'version', 'created_at', 'created_by_id', 'updated_at', 'updated_by_id',
  'name', 'sort_name', 'industry', 'website', 'phone',
  'billing_street', 'billing_city', 'billing_region', 'billing_postcode', 'billing_country',
  'shipping_street', 'shipping_city', 'shipping_region', 'shipping_postcode', 'shipping_country',
  'employees', 'annual_revenue_minor', 'annual_revenue_currency', 'parent_account_id', 'owner_id',
] as const;

export const CONTACT_COLUMNS = [
  'id', 'version', 'created_at', 'created_by_id', 'updated_at', 'updated_by_id',
  'first_name', 'last_name', 'sort_name', 'title', 'emails', 'phones', 'email', 'phone', 'account_id',
  'address_street', 'address_city', 'address_region', 'address_postcode', 'address_country',
  'birthday', 'email_opt_out', 'do_not_call', 'owner_id',
] as const;

export type SqlValue = string | number | null;
export type Row = SqlValue[];
