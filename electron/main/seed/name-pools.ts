import { Faker, base, de, el, en, en_GB, en_US, es, fr, it, pl, sv, tr, type LocaleDefinition } from '@faker-js/faker';
import { foldForSort } from '../../../shared/text';
import { asciiSlug } from './ascii-slug';
import type { LocaleKey } from './country-profiles';

/** A name as shown, as sorted (shared/text.ts) and as used in e-mail addresses: computed once per pool entry, not per row. */
export interface Word {
  text: string;
  fold: string;
  ascii: string;
}

export interface NamePool {
  femaleFirst: Word[];
  maleFirst: Word[];
  femaleLast: Word[];
  maleLast: Word[];
  streets: string[];
}

const LOCALES: Record<LocaleKey, LocaleDefinition> = { de, fr, es, it, pl, sv, en_GB, en_US, tr, el };

const word = (text: string): Word => ({ text, fold: foldForSort(text), ascii: asciiSlug(text) });

/** faker's Polish and Greek surnames come in the masculine form only. */
function feminineSurname(locale: LocaleKey, last: string): string {
  if (locale === 'pl') return last.replace(/(ski|cki|dzki)$/, (m) => `${m.slice(0, -1)}a`);
  if (locale === 'el') return last.replace(/ης$/, 'η').replace(/ας$/, 'α').replace(/ος$/, 'ου');
  return last;
}

function distinct(draws: number, make: () => string): Word[] {
  const seen = new Set<string>();
  for (let i = 0; i < draws; i++) {
    const text = make().trim();
    if (text) seen.add(text);
  }
  return [...seen].map(word).filter((w) => w.ascii !== '');
}

/**
 * Calls faker a few thousand times per locale, once: combining pool entries
 * later costs nanoseconds, where calling faker per row would take minutes for a million rows.
 */
export function buildNamePool(locale: LocaleKey, seed: number): NamePool {
  const faker = new Faker({ locale: [LOCALES[locale], en, base] });
  faker.seed(seed);
  const male = distinct(2000, () => faker.person.lastName('male'));
  return {
    femaleFirst: distinct(1500, () => faker.person.firstName('female')),
    maleFirst: distinct(1500, () => faker.person.firstName('male')),
    maleLast: male,
    femaleLast: distinct(2000, () => feminineSurname(locale, faker.person.lastName('female'))),
    streets: [...new Set(Array.from({ length: 400 }, () => faker.location.street()))],
  };
}
