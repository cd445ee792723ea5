/** Fixed pick-lists shared by forms, validation and the sample-data generator. */
export const INDUSTRIES = [
  'Agriculture',
  'Automotive',
  'Banking',
  'Chemicals',
  'Construction',
  'Consulting',
  'Education',
  'Energy',
  'Engineering',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Legal',
  'Logistics',
  'Manufacturing',
  'Media',
  'Non-profit',
  'Pharmaceuticals',
  'Real Estate',
  'Retail',
  'Software',
  'Telecommunications',
  'Utilities',
  'Wholesale',
  'Other',
] as const;

export const EMAIL_LABELS = ['work', 'home', 'other'] as const;
export const PHONE_LABELS = ['work', 'mobile', 'home', 'fax', 'other'] as const;
export const USER_ROLES = ['admin', 'sales_manager', 'sales_rep', 'marketing', 'service_agent'] as const;
