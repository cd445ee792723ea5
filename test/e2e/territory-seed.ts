import type { Input, MethodName } from '../../shared/contract';
import type { Host } from '../../electron/main/host/host';
import { hostCall } from './quote-seed';

export interface TerritorySeed {
  adminId: number;
  reps: { emma: number; dieter: number; doris: number; fabienne: number };
  /** Account name → id, by billing country. */
  accounts: { de: Record<string, number>; at: Record<string, number>; fr: Record<string, number> };
}

/** [account name, city] by billing country. */
const GERMAN = [
  ['Berliner Werkstatt GmbH', 'Berlin'],
  ['Hamburger Hafenlogistik', 'Hamburg'],
  ['Kölner Druckhaus', 'Köln'],
  ['Münchner Maschinenbau AG', 'München'],
  ['Stuttgarter Präzision', 'Stuttgart'],
  ['Dresdner Glaswerk', 'Dresden'],
  ['Leipziger Verlag', 'Leipzig'],
  ['Bremer Kaffeerösterei', 'Bremen'],
] as const;
const AUSTRIAN = [
  ['Wiener Kaffeehaus KG', 'Wien'],
  ['Grazer Holzbau', 'Graz'],
  ['Linzer Stahl GmbH', 'Linz'],
  ['Salzburger Festspieltechnik', 'Salzburg'],
  ['Innsbrucker Bergsport', 'Innsbruck'],
  ['Klagenfurter Seehotel', 'Klagenfurt'],
] as const;
const FRENCH = [
  ['Lyon Textiles SA', 'Lyon'],
  ['Marseille Fret', 'Marseille'],
  ['Bordeaux Vins SARL', 'Bordeaux'],
  ['Lille Numérique', 'Lille'],
  ['Nantes Chantiers', 'Nantes'],
  ['Toulouse Aéro Services', 'Toulouse'],
] as const;

/**
 * What the territory journey starts from: four sales reps and twenty accounts
 * in Germany, Austria and France, each with a contact, all owned by the
 * office's administrator (no territories yet, so nothing was assigned).
 */
export async function seedTerritoryJourney(host: Host): Promise<TerritorySeed> {
  const call = <M extends MethodName>(method: M, input: Input<M>) => hostCall(host, method, input);
  const adminId = (await call('session.current', {})).user.id;
  const rep = async (name: string, capacity = 100) =>
    (await call('users.create', { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, role: 'sales_rep', capacity })).id;
  const reps = { emma: await rep('Emma Europa'), dieter: await rep('Dieter Berg'), doris: await rep('Doris Alpen', 150), fabienne: await rep('Fabienne Roux') };
  const accounts: TerritorySeed['accounts'] = { de: {}, at: {}, fr: {} };
  const make = async (names: readonly (readonly [string, string])[], country: 'DE' | 'AT' | 'FR', into: Record<string, number>) => {
    for (const [i, [name, city]] of names.entries()) {
      const account = await call('accounts.create', { name, billingAddress: { city, country }, ownerId: adminId });
      into[name] = account.id;
      await call('contacts.create', { firstName: ['Anna', 'Paul', 'Marie', 'Jonas', 'Lena', 'Luc', 'Sophie', 'Karl'][i % 8]!, lastName: `Kontakt ${country}${i + 1}`, accountId: account.id, ownerId: adminId });
    }
  };
  await make(GERMAN, 'DE', accounts.de);
  await make(AUSTRIAN, 'AT', accounts.at);
  await make(FRENCH, 'FR', accounts.fr);
  return { adminId, reps, accounts };
}
