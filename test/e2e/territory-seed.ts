import type { Input, MethodName } from '../../shared/contract';
import type { Host } from '../../electron/main/host/host';
import { hostCall } from './quote-seed';

export interface TerritorySeed {
  adminId: number;
  reps: { emma: number; dieter: number; doris: number; fabienne: number };
  /** Account name → id, by billing country. */
  accounts: { de: Record<string, number>; at: Record<string, number>; fr: Record<string, number> };
}

const GERMAN = ['Berliner Werkstatt GmbH', 'Hamburger Hafenlogistik', 'Kölner Druckhaus', 'Münchner Maschinenbau AG', 'Stuttgarter Präzision', 'Dresdner Glaswerk', 'Leipziger Verlag', 'Bremer Kaffeerösterei'];
const AUSTRIAN = ['Wiener Kaffeehaus KG', 'Grazer Holzbau', 'Linzer Stahl GmbH', 'Salzburger Festspieltechnik', 'Innsbrucker Bergsport', 'Klagenfurter Seehotel'];
const FRENCH = ['Lyon Textiles SA', 'Marseille Fret', 'Bordeaux Vins SARL', 'Lille Numérique', 'Nantes Chantiers', 'Toulouse Aéro Services'];

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
  const make = async (names: string[], country: 'DE' | 'AT' | 'FR', into: Record<string, number>) => {
    for (const [i, name] of names.entries()) {
      const city = name.split(' ')[0]!.replace(/er$/, '');
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
