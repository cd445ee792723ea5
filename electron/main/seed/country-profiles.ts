/**
 * What makes sample records from one country look real: cities with their
 * region, postcode shape and dialling code, company legal forms, free-mail
 * providers and job titles in the local language. Patterns: see fillPattern.
 */
export type LocaleKey = 'de' | 'fr' | 'es' | 'it' | 'pl' | 'sv' | 'en_GB' | 'en_US' | 'tr' | 'el';

export interface CityProfile {
  city: string;
  region: string;
  postcodes: string[];
  phone: string;
}

export interface CountryProfile {
  code: string;
  locale: LocaleKey;
  currency: string;
  /** Domain ending for company web sites. */
  tld: string;
  /** Share of the sample, relative to the others. */
  weight: number;
  /** House number before the street name ("12 rue …") or after it ("Hauptstraße 12"). */
  street: (name: string, no: number) => string;
  mobile: string[];
  legalForms: string[];
  businessWords: string[];
  freeMail: string[];
  titles: string[];
  cities: CityProfile[];
}

const c = (city: string, region: string, postcodes: string[], phone: string): CityProfile => ({ city, region, postcodes, phone });

export const COUNTRIES: CountryProfile[] = [
  {
    code: 'DE', locale: 'de', currency: 'EUR', tld: 'de', weight: 20,
    street: (s, n) => `${s} ${n}`,
    mobile: ['+49 15# ########', '+49 17# #######', '+49 16# #######'],
    legalForms: ['GmbH', 'GmbH', 'GmbH & Co. KG', 'AG', 'KG', 'e.K.'],
    businessWords: ['Technik', 'Logistik', 'Bau', 'Handel', 'Systeme', 'Werke', 'Energie', 'Maschinenbau', 'Elektro', 'Gebäudeservice'],
    freeMail: ['web.de', 'gmx.de', 't-online.de', 'gmail.com'],
    titles: ['Geschäftsführer', 'Geschäftsführerin', 'Leiter Einkauf', 'Leiterin Vertrieb', 'Prokurist', 'Teamleiterin Buchhaltung', 'IT-Leiter', 'Sachbearbeiterin Einkauf'],
    cities: [
      c('Berlin', 'Berlin', ['10###', '12###', '13###'], '+49 30 #######'),
      c('München', 'Bayern', ['80###', '81###'], '+49 89 #######'),
      c('Hamburg', 'Hamburg', ['20###', '22###'], '+49 40 #######'),
      c('Köln', 'Nordrhein-Westfalen', ['50###', '51###'], '+49 221 #######'),
      c('Frankfurt am Main', 'Hessen', ['60###'], '+49 69 #######'),
      c('Stuttgart', 'Baden-Württemberg', ['70###'], '+49 711 ######'),
      c('Düsseldorf', 'Nordrhein-Westfalen', ['40###'], '+49 211 ######'),
      c('Leipzig', 'Sachsen', ['04###'], '+49 341 ######'),
      c('Nürnberg', 'Bayern', ['90###'], '+49 911 ######'),
      c('Lüneburg', 'Niedersachsen', ['213##'], '+49 4131 ######'),
    ],
  },
  {
    code: 'FR', locale: 'fr', currency: 'EUR', tld: 'fr', weight: 12,
    street: (s, n) => `${n} ${s}`,
    mobile: ['+33 6 ## ## ## ##', '+33 7 ## ## ## ##'],
    legalForms: ['SAS', 'SARL', 'SA', 'SAS', 'SNC'],
    businessWords: ['Industries', 'Services', 'Logistique', 'Conseil', 'Technologies', 'Distribution', 'Bâtiment', 'Énergie'],
    freeMail: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com'],
    titles: ['Directeur commercial', 'Directrice financière', 'Responsable achats', 'Chef de projet', 'Gérant', 'Assistante de direction', 'Responsable informatique'],
    cities: [
      c('Paris', 'Île-de-France', ['7500%', '7501#'], '+33 1 ## ## ## ##'),
      c('Lyon', 'Auvergne-Rhône-Alpes', ['6900%'], '+33 4 ## ## ## ##'),
      c('Marseille', "Provence-Alpes-Côte d'Azur", ['1300%', '1301#'], '+33 4 91 ## ## ##'),
      c('Toulouse', 'Occitanie', ['31#00'], '+33 5 ## ## ## ##'),
      c('Nantes', 'Pays de la Loire', ['44#00'], '+33 2 ## ## ## ##'),
      c('Lille', 'Hauts-de-France', ['59000', '59160', '59260', '59800'], '+33 3 ## ## ## ##'),
      c('Bordeaux', 'Nouvelle-Aquitaine', ['33000', '33100', '33200', '33300', '33800'], '+33 5 ## ## ## ##'),
      c('Strasbourg', 'Grand Est', ['67000', '67100', '67200'], '+33 3 88 ## ## ##'),
    ],
  },
  {
    code: 'ES', locale: 'es', currency: 'EUR', tld: 'es', weight: 10,
    street: (s, n) => `${s}, ${n}`,
    mobile: ['+34 6## ### ###', '+34 7## ### ###'],
    legalForms: ['S.L.', 'S.L.', 'S.A.', 'S.L.U.'],
    businessWords: ['Servicios', 'Logística', 'Construcciones', 'Tecnología', 'Distribuciones', 'Consultores', 'Alimentación'],
    freeMail: ['telefonica.net', 'gmail.com', 'hotmail.es', 'yahoo.es'],
    titles: ['Director de compras', 'Directora general', 'Jefe de ventas', 'Responsable de logística', 'Técnico comercial', 'Administrativa'],
    cities: [
      c('Madrid', 'Comunidad de Madrid', ['280##'], '+34 91# ### ###'),
      c('Barcelona', 'Cataluña', ['080##'], '+34 93# ### ###'),
      c('Valencia', 'Comunitat Valenciana', ['460##'], '+34 96# ### ###'),
      c('Sevilla', 'Andalucía', ['410##'], '+34 954 ### ###'),
      c('Málaga', 'Andalucía', ['290##'], '+34 952 ### ###'),
      c('Bilbao', 'País Vasco', ['480##'], '+34 944 ### ###'),
      c('Zaragoza', 'Aragón', ['500##'], '+34 976 ### ###'),
      c('A Coruña', 'Galicia', ['150##'], '+34 981 ### ###'),
    ],
  },
  {
    code: 'IT', locale: 'it', currency: 'EUR', tld: 'it', weight: 10,
    street: (s, n) => `${s}, ${n}`,
    mobile: ['+39 3%# ### ####'],
    legalForms: ['S.r.l.', 'S.r.l.', 'S.p.A.', 'S.n.c.'],
    businessWords: ['Servizi', 'Logistica', 'Costruzioni', 'Tecnologie', 'Distribuzione', 'Impianti', 'Meccanica', 'Alimentari'],
    freeMail: ['libero.it', 'virgilio.it', 'tiscali.it', 'gmail.com'],
    titles: ['Amministratore delegato', 'Responsabile acquisti', 'Direttrice commerciale', 'Capo progetto', 'Impiegata amministrativa', 'Responsabile IT'],
    cities: [
      c('Roma', 'Lazio', ['001##'], '+39 06 #### ####'),
      c('Milano', 'Lombardia', ['201##'], '+39 02 #### ####'),
      c('Napoli', 'Campania', ['801##'], '+39 081 ### ####'),
      c('Torino', 'Piemonte', ['101##'], '+39 011 ### ####'),
      c('Bologna', 'Emilia-Romagna', ['401##'], '+39 051 ### ####'),
      c('Firenze', 'Toscana', ['501##'], '+39 055 ### ####'),
      c('Genova', 'Liguria', ['161##'], '+39 010 ### ####'),
      c('Palermo', 'Sicilia', ['901##'], '+39 091 ### ####'),
    ],
  },
  {
    code: 'PL', locale: 'pl', currency: 'PLN', tld: 'pl', weight: 8,
    street: (s, n) => `${s} ${n}`,
    mobile: ['+48 5## ### ###', '+48 6## ### ###', '+48 7## ### ###'],
    legalForms: ['Sp. z o.o.', 'Sp. z o.o.', 'S.A.', 'sp.j.'],
    businessWords: ['Technika', 'Logistyka', 'Budownictwo', 'Handel', 'Systemy', 'Usługi', 'Energetyka'],
    freeMail: ['wp.pl', 'onet.pl', 'o2.pl', 'interia.pl'],
    titles: ['Prezes zarządu', 'Kierownik ds. zakupów', 'Dyrektor sprzedaży', 'Główna księgowa', 'Specjalista ds. logistyki', 'Kierownik projektu'],
    cities: [
      c('Warszawa', 'mazowieckie', ['0%-###'], '+48 22 ### ## ##'),
      c('Kraków', 'małopolskie', ['30-###', '31-###'], '+48 12 ### ## ##'),
      c('Łódź', 'łódzkie', ['9%-###'], '+48 42 ### ## ##'),
      c('Wrocław', 'dolnośląskie', ['5%-###'], '+48 71 ### ## ##'),
      c('Poznań', 'wielkopolskie', ['60-###', '61-###'], '+48 61 ### ## ##'),
      c('Gdańsk', 'pomorskie', ['80-###'], '+48 58 ### ## ##'),
      c('Szczecin', 'zachodniopomorskie', ['70-###', '71-###'], '+48 91 ### ## ##'),
      c('Katowice', 'śląskie', ['40-###'], '+48 32 ### ## ##'),
    ],
  },
  {
    code: 'SE', locale: 'sv', currency: 'SEK', tld: 'se', weight: 6,
    street: (s, n) => `${s} ${n}`,
    mobile: ['+46 70 ### ## ##', '+46 72 ### ## ##', '+46 73 ### ## ##'],
    legalForms: ['AB', 'AB', 'AB', 'HB'],
    businessWords: ['Teknik', 'Logistik', 'Bygg', 'Handel', 'System', 'Konsult', 'Energi', 'Fastigheter'],
    freeMail: ['telia.com', 'bredband.net', 'gmail.com', 'hotmail.se'],
    titles: ['Verkställande direktör', 'Inköpschef', 'Försäljningschef', 'Ekonomiansvarig', 'Projektledare', 'IT-chef'],
    cities: [
      c('Stockholm', 'Stockholms län', ['11# ##', '12# ##'], '+46 8 ### ### ##'),
      c('Göteborg', 'Västra Götalands län', ['41# ##'], '+46 31 ### ## ##'),
      c('Malmö', 'Skåne län', ['21# ##'], '+46 40 ### ## ##'),
      c('Uppsala', 'Uppsala län', ['75# ##'], '+46 18 ### ## ##'),
      c('Västerås', 'Västmanlands län', ['72# ##'], '+46 21 ### ## ##'),
      c('Örebro', 'Örebro län', ['70# ##'], '+46 19 ### ## ##'),
      c('Linköping', 'Östergötlands län', ['58# ##'], '+46 13 ### ## ##'),
      c('Umeå', 'Västerbottens län', ['90# ##'], '+46 90 ### ## ##'),
    ],
  },
  {
    code: 'GB', locale: 'en_GB', currency: 'GBP', tld: 'co.uk', weight: 12,
    street: (s, n) => `${n} ${s}`,
    mobile: ['+44 7### ######'],
    legalForms: ['Ltd', 'Ltd', 'PLC', 'LLP'],
    businessWords: ['Engineering', 'Logistics', 'Holdings', 'Solutions', 'Systems', 'Consulting', 'Trading', 'Foods'],
    freeMail: ['btinternet.com', 'outlook.com', 'gmail.com', 'sky.com'],
    titles: ['Managing Director', 'Head of Procurement', 'Finance Director', 'Office Manager', 'Operations Manager', 'Buyer'],
    cities: [
      c('London', 'England', ['N% #@@', 'SE% #@@', 'EC%@ #@@', 'W% #@@'], '+44 20 #### ####'),
      c('Manchester', 'England', ['M% #@@'], '+44 161 ### ####'),
      c('Birmingham', 'England', ['B% #@@'], '+44 121 ### ####'),
      c('Leeds', 'England', ['LS% #@@'], '+44 113 ### ####'),
      c('Bristol', 'England', ['BS% #@@'], '+44 117 ### ####'),
      c('Glasgow', 'Scotland', ['G% #@@'], '+44 141 ### ####'),
      c('Edinburgh', 'Scotland', ['EH% #@@'], '+44 131 ### ####'),
      c('Cardiff', 'Wales', ['CF1# #@@'], '+44 29 #### ####'),
      c('Belfast', 'Northern Ireland', ['BT% #@@'], '+44 28 #### ####'),
    ],
  },
  {
    code: 'US', locale: 'en_US', currency: 'USD', tld: 'com', weight: 14,
    street: (s, n) => `${n} ${s}`,
    mobile: [],
    legalForms: ['Inc.', 'Inc.', 'LLC', 'Corp.'],
    businessWords: ['Industries', 'Logistics', 'Holdings', 'Solutions', 'Systems', 'Partners', 'Technologies', 'Supply'],
    freeMail: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'],
    titles: ['Chief Executive Officer', 'VP of Sales', 'Purchasing Manager', 'Controller', 'Director of Operations', 'IT Manager'],
    cities: [
      c('New York', 'NY', ['100##'], '+1 (212) %##-####'),
      c('Los Angeles', 'CA', ['900##'], '+1 (213) %##-####'),
      c('Chicago', 'IL', ['606##'], '+1 (312) %##-####'),
      c('Houston', 'TX', ['770##'], '+1 (713) %##-####'),
      c('Seattle', 'WA', ['981##'], '+1 (206) %##-####'),
      c('Boston', 'MA', ['021##'], '+1 (617) %##-####'),
      c('Denver', 'CO', ['802##'], '+1 (303) %##-####'),
      c('Atlanta', 'GA', ['303##'], '+1 (404) %##-####'),
      c('Miami', 'FL', ['331##'], '+1 (305) %##-####'),
      c('San Francisco', 'CA', ['941##'], '+1 (415) %##-####'),
    ],
  },
  {
    code: 'TR', locale: 'tr', currency: 'TRY', tld: 'com.tr', weight: 5,
    street: (s, n) => `${s} No: ${n}`,
    mobile: ['+90 5%# ### ## ##'],
    legalForms: ['A.Ş.', 'Ltd. Şti.', 'Ltd. Şti.'],
    businessWords: ['Mühendislik', 'Lojistik', 'İnşaat', 'Ticaret', 'Teknoloji', 'Enerji', 'Gıda', 'Tekstil'],
    freeMail: ['gmail.com', 'hotmail.com', 'yandex.com.tr'],
    titles: ['Genel Müdür', 'Satın Alma Müdürü', 'Satış Müdürü', 'Muhasebe Uzmanı', 'Proje Yöneticisi', 'Bilgi İşlem Sorumlusu'],
    cities: [
      c('İstanbul', 'İstanbul', ['34###'], '+90 212 ### ## ##'),
      c('Ankara', 'Ankara', ['06###'], '+90 312 ### ## ##'),
      c('İzmir', 'İzmir', ['35###'], '+90 232 ### ## ##'),
      c('Bursa', 'Bursa', ['16###'], '+90 224 ### ## ##'),
      c('Antalya', 'Antalya', ['07###'], '+90 242 ### ## ##'),
      c('Konya', 'Konya', ['42###'], '+90 332 ### ## ##'),
      c('Gaziantep', 'Gaziantep', ['27###'], '+90 342 ### ## ##'),
      c('Eskişehir', 'Eskişehir', ['26###'], '+90 222 ### ## ##'),
    ],
  },
  {
    code: 'GR', locale: 'el', currency: 'EUR', tld: 'gr', weight: 3,
    street: (s, n) => `${s} ${n}`,
    mobile: ['+30 69# ### ####'],
    legalForms: ['Α.Ε.', 'Ε.Π.Ε.', 'Ο.Ε.', 'Ι.Κ.Ε.'],
    businessWords: ['Τεχνική', 'Εμπορική', 'Κατασκευαστική', 'Συστήματα', 'Ενέργεια', 'Τρόφιμα'],
    freeMail: ['otenet.gr', 'yahoo.gr', 'gmail.com'],
    titles: ['Διευθύνων Σύμβουλος', 'Διευθυντής Πωλήσεων', 'Υπεύθυνη Προμηθειών', 'Λογίστρια', 'Υπεύθυνος Πληροφορικής'],
    cities: [
      c('Αθήνα', 'Αττική', ['10# ##', '11# ##'], '+30 210 ### ####'),
      c('Θεσσαλονίκη', 'Κεντρική Μακεδονία', ['54# ##', '55# ##'], '+30 2310 ######'),
      c('Πάτρα', 'Δυτική Ελλάδα', ['26# ##'], '+30 2610 ######'),
      c('Ηράκλειο', 'Κρήτη', ['71# ##'], '+30 2810 ######'),
      c('Λάρισα', 'Θεσσαλία', ['41# ##'], '+30 2410 ######'),
      c('Βόλος', 'Θεσσαλία', ['38# ##'], '+30 2421 0#####'),
      c('Ιωάννινα', 'Ήπειρος', ['45# ##'], '+30 2651 0#####'),
    ],
  },
];

/** English titles appear in every country's offices. */
export const COMMON_TITLES = [
  'CEO', 'CFO', 'Head of Purchasing', 'Sales Manager', 'Procurement Specialist', 'IT Director', 'Office Manager',
  'Operations Manager', 'Marketing Manager', 'Project Manager', 'Key Account Manager', 'Controller', 'HR Manager',
  'Logistics Coordinator', 'Quality Manager', 'Facility Manager',
];
