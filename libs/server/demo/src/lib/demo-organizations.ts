import type { OrganizationKind, Role } from '@convergence/shared/domain';

/** The password of every demo account (README, PRODUCT.md). Demo mode only. */
export const DEMO_PASSWORD = 'Convergence2026!';

export interface DemoOrganization {
  name: string;
  acronym?: string;
  kind: OrganizationKind;
  /** HCP code of its territory of competence; absent for a national organisation. */
  territoryCode?: string;
}

/**
 * The partners of the Forum Régional de la Convergence of 11 October 2018 in Casablanca (seeds/),
 * plus Marrakech-Safi's council and Al Omrane subsidiary so that territorial scoping shows.
 * The prefectures and provinces of Casablanca-Settat are added from the territory table.
 */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville",
    acronym: 'MATNUHPV',
    kind: 'MINISTRY',
  },
  {
    name: "Secrétariat d'État chargé de l'Habitat et de la Politique de la Ville",
    acronym: 'SEHPV',
    kind: 'SECRETARIAT_OF_STATE',
  },
  { name: 'Groupe Al Omrane', acronym: 'HAO', kind: 'AL_OMRANE_HOLDING' },
  { name: 'Conseil de la Région Casablanca-Settat', kind: 'REGIONAL_COUNCIL', territoryCode: '06' },
  { name: 'Wilaya de la Région Casablanca-Settat', kind: 'WILAYA', territoryCode: '06' },
  {
    name: 'Société Al Omrane Casablanca-Settat',
    acronym: 'SAO Casablanca-Settat',
    kind: 'AL_OMRANE_SUBSIDIARY',
    territoryCode: '06',
  },
  { name: 'Conseil de la Région Marrakech-Safi', kind: 'REGIONAL_COUNCIL', territoryCode: '07' },
  {
    name: 'Société Al Omrane Marrakech-Safi',
    acronym: 'SAO Marrakech-Safi',
    kind: 'AL_OMRANE_SUBSIDIARY',
    territoryCode: '07',
  },
];

/** The region whose prefectures and provinces take part in the forum. */
export const FORUM_REGION_CODE = '06';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  organization: string;
  locale: 'fr' | 'ar' | 'en';
}

const MINISTRY = DEMO_ORGANIZATIONS[0].name;

/** The six demo accounts of PRODUCT.md, listed in the README. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@demo.convergence.ma',
    displayName: 'Salma Berrada',
    role: 'ADMIN',
    organization: MINISTRY,
    locale: 'fr',
  },
  {
    email: 'ministere@demo.convergence.ma',
    displayName: 'Karim El Idrissi',
    role: 'MINISTRY_OFFICIAL',
    organization: MINISTRY,
    locale: 'fr',
  },
  {
    email: 'elu@demo.convergence.ma',
    displayName: 'Fatima Zahra Alaoui',
    role: 'ELECTED_OFFICIAL',
    organization: 'Conseil de la Région Casablanca-Settat',
    locale: 'fr',
  },
  {
    email: 'sao@demo.convergence.ma',
    displayName: 'Youssef Bennani',
    role: 'SUBSIDIARY_MANAGER',
    organization: 'Société Al Omrane Casablanca-Settat',
    locale: 'fr',
  },
  {
    email: 'prefecture@demo.convergence.ma',
    displayName: 'Nadia Chraibi',
    role: 'AUTHORITY_AGENT',
    organization: 'Préfecture de Casablanca',
    locale: 'fr',
  },
  {
    email: 'elu.marrakech@demo.convergence.ma',
    displayName: 'Hassan Ouazzani',
    role: 'ELECTED_OFFICIAL',
    organization: 'Conseil de la Région Marrakech-Safi',
    locale: 'ar',
  },
];
