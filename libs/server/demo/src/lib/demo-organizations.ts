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
 * The names the demo story refers to. The prefectures and provinces are named after the territory
 * table ("Préfecture de Casablanca", "Province de Berrechid"…), see `DemoDataService`.
 */
export const ORG = {
  ministry:
    "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville",
  secretariat: "Secrétariat d'État chargé de l'Habitat et de la Politique de la Ville",
  holding: 'Groupe Al Omrane',
  regionCS: 'Conseil de la Région Casablanca-Settat',
  wilayaCS: 'Wilaya de la Région Casablanca-Settat',
  saoCS: 'Société Al Omrane Casablanca-Settat',
  lydec: 'Lydec — Lyonnaise des Eaux de Casablanca',
  urbanAgency: 'Agence Urbaine de Casablanca',
  communeCasablanca: 'Commune de Casablanca',
  communeSoualem: 'Commune de Soualem Trifiya',
  regionMS: 'Conseil de la Région Marrakech-Safi',
  saoMS: 'Société Al Omrane Marrakech-Safi',
  prefectureCasablanca: 'Préfecture de Casablanca',
  prefectureMohammadia: 'Préfecture de Mohammadia',
  provinceBerrechid: 'Province de Berrechid',
  provinceMediouna: 'Province de Médiouna',
  provinceNouaceur: 'Province de Nouaceur',
  provinceSettat: 'Province de Settat',
  provinceElJadida: 'Province de El Jadida',
} as const;

/**
 * The partners of the Forum Régional de la Convergence of 11 October 2018 in Casablanca (seeds/):
 * central administration, region, wilaya, Al Omrane, and the technical departments and local
 * councils the demo conventions bind (the utility of Greater Casablanca, the urban agency, two
 * commune councils); plus Marrakech-Safi's council and Al Omrane subsidiary so that territorial
 * scoping shows. The prefectures and provinces of Casablanca-Settat are added from the territory table.
 */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { name: ORG.ministry, acronym: 'MATNUHPV', kind: 'MINISTRY' },
  { name: ORG.secretariat, acronym: 'SEHPV', kind: 'SECRETARIAT_OF_STATE' },
  { name: ORG.holding, acronym: 'HAO', kind: 'AL_OMRANE_HOLDING' },
  { name: ORG.regionCS, kind: 'REGIONAL_COUNCIL', territoryCode: '06' },
  { name: ORG.wilayaCS, kind: 'WILAYA', territoryCode: '06' },
  { name: ORG.saoCS, acronym: 'SAO Casablanca-Settat', kind: 'AL_OMRANE_SUBSIDIARY', territoryCode: '06' },
  { name: ORG.lydec, acronym: 'LYDEC', kind: 'UTILITY', territoryCode: '06' },
  { name: ORG.urbanAgency, acronym: 'AUC', kind: 'OTHER_PARTNER', territoryCode: '06' },
  { name: ORG.communeCasablanca, kind: 'COMMUNE_COUNCIL', territoryCode: '06.141.01.0' },
  { name: ORG.communeSoualem, kind: 'COMMUNE_COUNCIL', territoryCode: '06.117.09.33' },
  { name: ORG.regionMS, kind: 'REGIONAL_COUNCIL', territoryCode: '07' },
  { name: ORG.saoMS, acronym: 'SAO Marrakech-Safi', kind: 'AL_OMRANE_SUBSIDIARY', territoryCode: '07' },
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

/** The six demo accounts of PRODUCT.md and a partner contributor of the utility, listed in the README. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@demo.convergence.ma',
    displayName: 'Salma Berrada',
    role: 'ADMIN',
    organization: ORG.ministry,
    locale: 'fr',
  },
  {
    email: 'ministere@demo.convergence.ma',
    displayName: 'Karim El Idrissi',
    role: 'MINISTRY_OFFICIAL',
    organization: ORG.ministry,
    locale: 'fr',
  },
  {
    email: 'elu@demo.convergence.ma',
    displayName: 'Fatima Zahra Alaoui',
    role: 'ELECTED_OFFICIAL',
    organization: ORG.regionCS,
    locale: 'fr',
  },
  {
    email: 'sao@demo.convergence.ma',
    displayName: 'Youssef Bennani',
    role: 'SUBSIDIARY_MANAGER',
    organization: ORG.saoCS,
    locale: 'fr',
  },
  {
    email: 'prefecture@demo.convergence.ma',
    displayName: 'Nadia Chraibi',
    role: 'AUTHORITY_AGENT',
    organization: ORG.prefectureCasablanca,
    locale: 'fr',
  },
  {
    email: 'elu.marrakech@demo.convergence.ma',
    displayName: 'Hassan Ouazzani',
    role: 'ELECTED_OFFICIAL',
    organization: ORG.regionMS,
    locale: 'ar',
  },
  {
    email: 'lydec@demo.convergence.ma',
    displayName: 'Mehdi Tazi',
    role: 'PARTNER_CONTRIBUTOR',
    organization: ORG.lydec,
    locale: 'fr',
  },
];
