import { minorDigits } from '../../../shared/money';
import { INDUSTRIES } from '../../../shared/picklists';
import { foldForSort } from '../../../shared/text';
import { asciiSlug } from './ascii-slug';
import { IsoClock } from './iso-time';
import { COMMON_TITLES, COUNTRIES, type CityProfile, type CountryProfile } from './country-profiles';
import { buildNamePool, type NamePool, type Word } from './name-pools';
import { Rng, fillPattern } from './prng';
import type { Row } from './sample-columns';

export interface SampleOptions {
  seed: number;
  /** Timestamps fall in the three years before this; fixed in tests so a seed always gives the same rows. */
  now: Date;
  /** Users who own and edit the records. */
  userIds: number[];
  firstAccountId: number;
  firstContactId: number;
}

interface Country {
  profile: CountryProfile;
  pool: NamePool;
  minorFactor: number;
}

/** Rough yearly revenue per employee in each currency's major unit. */
const REVENUE_PER_EMPLOYEE: Record<string, number> = { EUR: 150_000, GBP: 130_000, USD: 170_000, SEK: 1_600_000, PLN: 600_000, TRY: 5_000_000 };
const INDUSTRY_CHOICES = INDUSTRIES.filter((i) => i !== 'Other');
const THREE_YEARS_MS = 3 * 365 * 24 * 3600 * 1000;
const BIRTH_FROM = Date.UTC(1955, 0, 1);
const BIRTH_SPAN = Date.UTC(2004, 0, 1) - BIRTH_FROM;

const poolCache = new Map<string, NamePool>();
function pool(locale: CountryProfile['locale'], seed: number): NamePool {
  const key = `${locale}:${seed}`;
  let p = poolCache.get(key);
  if (!p) poolCache.set(key, (p = buildNamePool(locale, seed)));
  return p;
}

/**
 * Yields realistic account and contact rows (in sample-columns order), all
 * drawn from one seeded stream: the same seed, clock and users give the same data.
 * Accounts must all be drawn before the contacts that refer to them.
 */
export class SampleData {
  private readonly rng: Rng;
  private readonly countries: Country[];
  private readonly cumulativeWeights: number[];
  private readonly nowMs: number;
  private readonly clock = new IsoClock();
  private nextAccountId: number;
  private nextContactId: number;
  // What contacts need to know about the accounts drawn so far.
  private readonly accountIds: number[] = [];
  private readonly accountCountry: number[] = [];
  private readonly accountCity: number[] = [];
  private readonly accountOwner: number[] = [];
  /** The brand a subsidiary inherits: "Hofmann Logistik", never "Hofmann Logistik München". */
  private readonly accountBrand: string[] = [];
  private readonly accountDomain: string[] = [];

  constructor(private readonly options: SampleOptions) {
    if (!options.userIds.length) throw new Error('Sample data needs at least one user to own the records.');
    this.rng = new Rng(options.seed);
    this.nowMs = options.now.getTime();
    this.nextAccountId = options.firstAccountId;
    this.nextContactId = options.firstContactId;
    this.countries = COUNTRIES.map((profile) => ({
      profile,
      pool: pool(profile.locale, options.seed),
      minorFactor: 10 ** minorDigits(profile.currency),
    }));
    let total = 0;
    this.cumulativeWeights = COUNTRIES.map((p) => (total += p.weight));
  }

  private meta(id: number, ownerId: number): Row {
    const rng = this.rng;
    const created = this.nowMs - Math.floor(rng.next() * THREE_YEARS_MS);
    const updated = rng.chance(0.5) ? created : created + Math.floor(rng.next() * (this.nowMs - created));
    const createdBy = rng.chance(0.8) ? ownerId : rng.pick(this.options.userIds);
    const updatedBy = rng.chance(0.7) ? ownerId : rng.pick(this.options.userIds);
    return [id, 1, this.clock.format(created), createdBy, this.clock.format(updated), updatedBy];
  }

  private street(country: Country): string {
    return country.profile.street(this.rng.pick(country.pool.streets), this.rng.between(1, this.rng.chance(0.8) ? 60 : 400));
  }

  private address(country: Country, city: CityProfile): [string, string, string, string, string] {
    return [this.street(country), city.city, city.region, fillPattern(this.rng, this.rng.pick(city.postcodes)), country.profile.code];
  }

  private companyCore(country: Country, city: CityProfile): string {
    const rng = this.rng;
    const { pool: p, profile } = country;
    const last = () => rng.pick(rng.chance(0.5) ? p.maleLast : p.femaleLast).text;
    const r = rng.next();
    if (r < 0.3) return last();
    if (r < 0.5) return `${last()} & ${last()}`;
    if (r < 0.85) return `${last()} ${rng.pick(profile.businessWords)}`;
    return `${rng.pick(profile.businessWords)} ${city.city}`;
  }

  account(): Row {
    const rng = this.rng;
    const index = this.accountIds.length;
    // A few subsidiaries carry their parent's brand and the city they serve, mostly in the parent's country.
    const parent = index > 20 && rng.chance(0.03) ? rng.int(index) : -1;
    const countryIndex = parent >= 0 && rng.chance(0.7) ? this.accountCountry[parent]! : rng.weighted(this.cumulativeWeights);
    const country = this.countries[countryIndex]!;
    const { profile } = country;
    const cityIndex = rng.int(profile.cities.length);
    const city = profile.cities[cityIndex]!;
    const id = this.nextAccountId++;
    const ownerId = rng.pick(this.options.userIds);

    const parentId = parent >= 0 ? this.accountIds[parent]! : null;
    const brand = parent >= 0 ? this.accountBrand[parent]! : this.companyCore(country, city);
    const core = parent >= 0 ? `${brand} ${city.city}` : brand;
    const name = `${core} ${rng.pick(profile.legalForms)}`;
    const domain = `${asciiSlug(brand, '-')}.${profile.tld}`;

    const billing = this.address(country, city);
    let shipping: (string | null)[];
    const s = rng.next();
    if (s < 0.65) shipping = billing;
    else if (s < 0.85) shipping = [null, null, null, null, null];
    else shipping = this.address(country, rng.pick(profile.cities));

    const employees = rng.chance(0.08) ? null : Math.max(1, Math.round(Math.exp(rng.next() * Math.log(25_000))));
    let revenueMinor: number | null = null;
    if (!rng.chance(0.12)) {
      const perEmployee = REVENUE_PER_EMPLOYEE[profile.currency]! * (0.4 + rng.next() * 1.6);
      const major = Math.round(((employees ?? rng.between(2, 50)) * perEmployee) / 1000) * 1000;
      revenueMinor = major * country.minorFactor;
    }

    this.accountIds.push(id);
    this.accountCountry.push(countryIndex);
    this.accountCity.push(cityIndex);
    this.accountOwner.push(ownerId);
    this.accountBrand.push(brand);
    this.accountDomain.push(domain);

    return [
      ...this.meta(id, ownerId),
      name,
      foldForSort(name),
      rng.chance(0.95) ? rng.pick(INDUSTRY_CHOICES) : null,
      rng.chance(0.9) ? `https://www.${domain}` : null,
      rng.chance(0.95) ? fillPattern(rng, city.phone) : null,
      ...billing,
      ...shipping,
      employees,
      revenueMinor,
      revenueMinor === null ? null : profile.currency,
      parentId,
      ownerId,
    ];
  }

  contact(): Row {
    const rng = this.rng;
    const id = this.nextContactId++;
    const accounts = this.accountIds.length;
    // Skewed: a few big customers have many contacts, most accounts have a handful.
    const accountIndex = accounts > 0 && rng.chance(0.8) ? Math.floor(accounts * rng.next() ** 1.6) : -1;
    const atAccount = accountIndex >= 0;

    const countryIndex = atAccount && rng.chance(0.92) ? this.accountCountry[accountIndex]! : rng.weighted(this.cumulativeWeights);
    const country = this.countries[countryIndex]!;
    const { profile, pool: p } = country;
    const female = rng.chance(0.5);
    const first: Word | null = rng.chance(0.02) ? null : rng.pick(female ? p.femaleFirst : p.maleFirst);
    const last: Word = rng.pick(female ? p.femaleLast : p.maleLast);
    const sameCity = atAccount && countryIndex === this.accountCountry[accountIndex];
    const city = sameCity && rng.chance(0.7) ? profile.cities[this.accountCity[accountIndex]!]! : rng.pick(profile.cities);
    const ownerId = atAccount && rng.chance(0.85) ? this.accountOwner[accountIndex]! : rng.pick(this.options.userIds);

    // JSON by hand: addresses are ASCII by construction and numbers are digits, so nothing needs escaping,
    // and JSON.stringify per row is a measurable share of a million-row seed.
    let emails = '[]';
    let email: string | null = null;
    if (rng.chance(0.92)) {
      const f = first?.ascii ?? '';
      const l = last.ascii;
      if (atAccount) {
        // Each company has one address scheme for everybody.
        const style = accountIndex % 3;
        email = `${f === '' ? l : style === 0 ? `${f}.${l}` : style === 1 ? `${f[0]}.${l}` : `${f}${l}`}@${this.accountDomain[accountIndex]!}`;
      } else {
        email = `${f === '' ? l : `${f}.${l}`}${rng.chance(0.5) ? rng.between(1, 99) : ''}@${rng.pick(profile.freeMail)}`;
      }
      emails = `[{"label":"${atAccount ? 'work' : 'home'}","address":"${email}"}`;
      if (rng.chance(0.08)) emails += `,{"label":"other","address":"${f || l}.${l}${rng.between(1, 999)}@${rng.pick(profile.freeMail)}"}`;
      emails += ']';
    }

    let phone: string | null = null;
    let phones = '';
    const addPhone = (label: string, number: string) => {
      phone ??= number;
      phones += `${phones ? ',' : ''}{"label":"${label}","number":"${number}"}`;
    };
    if (rng.chance(atAccount ? 0.85 : 0.4)) addPhone('work', fillPattern(rng, city.phone));
    if (rng.chance(0.45)) addPhone('mobile', fillPattern(rng, profile.mobile.length ? rng.pick(profile.mobile) : city.phone));

    const hasAddress = rng.chance(atAccount ? 0.55 : 0.85);
    const address = hasAddress ? this.address(country, city) : [null, null, null, null, null];
    const title = rng.chance(atAccount ? 0.9 : 0.3) ? (rng.chance(0.5) ? rng.pick(profile.titles) : rng.pick(COMMON_TITLES)) : null;
    const birthday = rng.chance(0.3) ? this.clock.format(BIRTH_FROM + Math.floor(rng.next() * BIRTH_SPAN)).slice(0, 10) : null;

    return [
      ...this.meta(id, ownerId),
      first?.text ?? null,
      last.text,
      `${last.fold}\u0001${first?.fold ?? ''}`,
      title,
      emails,
      `[${phones}]`,
      email,
      phone,
      atAccount ? this.accountIds[accountIndex]! : null,
      ...address,
      birthday,
      rng.chance(0.07) ? 1 : 0,
      rng.chance(0.04) ? 1 : 0,
      ownerId,
    ];
  }
}
