import { z } from 'zod';
import { CountryCode } from '../countries';
import { optionalText } from './common';

const optionalCountry = z
  .union([z.literal(''), z.null(), CountryCode])
  .optional()
  .transform((c) => (c ? c : null));

export const AddressInput = z
  .object({
    street: optionalText(300),
    city: optionalText(100),
    region: optionalText(100),
    postcode: optionalText(20),
    country: optionalCountry,
  })
  .strict();

export const Address = z.object({
  street: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postcode: z.string().nullable(),
  country: z.string().nullable(),
});
export type Address = z.infer<typeof Address>;

export const EMPTY_ADDRESS: Address = { street: null, city: null, region: null, postcode: null, country: null };
