import type { JournalEvent, JournalPlan, JournalSubject } from './demo-journals';
import type { DemoCalendar } from './demo-calendar';
import { ORG } from './demo-organizations';

export interface DemoProgramme {
  code: string;
  name: string;
}

/** National programmes the demo projects belong to. */
export const DEMO_PROGRAMMES: DemoProgramme[] = [
  { code: 'VSB', name: 'Villes sans bidonvilles' },
  { code: 'VN', name: 'Villes nouvelles' },
  { code: 'PNU', name: 'Nouveaux pôles urbains' },
  { code: 'HMR', name: 'Habitat menaçant ruine' },
  { code: 'MANU', name: 'Mise à niveau urbaine' },
  { code: 'EQP', name: 'Équipements publics de proximité' },
  { code: 'ZAE', name: "Zones d'activités économiques" },
  { code: 'LS', name: 'Logement social' },
  { code: 'CE', name: 'Centres émergents' },
];

export interface DemoProject extends JournalSubject {
  title: string;
  description?: string;
  programme: string;
  /** HCP code of the commune. */
  commune: string;
  lead: string;
  partners: string[];
  /** Approximate [latitude, longitude], for the map. */
  location: [string, string];
}

/** Amounts are written in millions of MAD and stored exactly, as decimal strings. */
export const mad = (millions: number) => (millions * 1_000_000).toFixed(2);

const FORUM_REPORT: JournalEvent = {
  on: '2018-10-11',
  note: 'Avancement présenté au Forum régional de la convergence de Casablanca ; engagements des partenaires consignés dans une convention signée le jour même.',
};

interface PoleSite {
  town: string;
  commune: string;
  province: string;
  hectares: number;
  housing: number;
  location: [string, string];
}

/** The 8 new urban poles of the seed, 756 ha in all, numbered as SAO Casablanca-Settat does. */
const POLES: Record<number, PoleSite> = {
  1: {
    town: 'Had Soualem',
    commune: '06.117.01.09',
    province: ORG.provinceBerrechid,
    hectares: 110,
    housing: 5200,
    location: ['33.421000', '-7.853000'],
  },
  2: {
    town: 'Lahraouyine',
    commune: '06.355.01.01',
    province: ORG.provinceMediouna,
    hectares: 95,
    housing: 4800,
    location: ['33.540000', '-7.553000'],
  },
  3: {
    town: 'Bouskoura',
    commune: '06.385.01.01',
    province: ORG.provinceNouaceur,
    hectares: 120,
    housing: 5600,
    location: ['33.449000', '-7.651000'],
  },
  4: {
    town: 'Dar Bouazza',
    commune: '06.385.01.02',
    province: ORG.provinceNouaceur,
    hectares: 85,
    housing: 3900,
    location: ['33.521000', '-7.812000'],
  },
  5: {
    town: 'Tit Mellil',
    commune: '06.355.01.05',
    province: ORG.provinceMediouna,
    hectares: 70,
    housing: 3300,
    location: ['33.558000', '-7.486000'],
  },
  6: {
    town: 'Aïn Harrouda',
    commune: '06.371.01.03',
    province: ORG.prefectureMohammadia,
    hectares: 105,
    housing: 5000,
    location: ['33.638000', '-7.449000'],
  },
  7: {
    town: 'Berrechid',
    commune: '06.117.01.03',
    province: ORG.provinceBerrechid,
    hectares: 96,
    housing: 4500,
    location: ['33.265000', '-7.587000'],
  },
  8: {
    town: 'Sidi Hajjaj Oued Hassar',
    commune: '06.355.01.09',
    province: ORG.provinceMediouna,
    hectares: 75,
    housing: 3400,
    location: ['33.495000', '-7.432000'],
  },
};

/** New urban pole number `n`, planned 2014–2025. */
function pole(n: number, journal: JournalPlan): DemoProject {
  const { town, commune, province, hectares, housing, location } = POLES[n];
  return {
    code: `SAO-CS-PNU-${n}`,
    title: `Nouveau pôle urbain de ${town}`,
    description: `Pôle urbain de ${hectares} ha : ${housing.toLocaleString('fr-FR')} logements, en majorité sociaux et lots de recasement, et leurs équipements de proximité.`,
    type: 'NEW_URBAN_POLE',
    programme: 'PNU',
    commune,
    lead: ORG.saoCS,
    partners: [ORG.regionCS, province],
    budget: mad(hectares * 2.5),
    housingPlanned: housing,
    hectares: hectares.toFixed(2),
    start: '2014-01-15',
    plannedEnd: '2025-12-31',
    location,
    journal,
  };
}

/**
 * A pole still under works, whose end of 2025 was moved last winter; `behind` (points of progress
 * behind the time elapsed) sets its health.
 */
function polePlan(
  c: DemoCalendar,
  progressIn2018: number,
  slip: Required<Pick<JournalEvent, 'reason' | 'note'>> & { years: number },
  latest: { daysAgo: number; behind: number },
): JournalPlan {
  return {
    opening: { on: '2018-06-30', status: 'WORKS', progress: progressIn2018 },
    events: [{ on: c.day(-330), plannedEnd: c.yearEnd(slip.years), reason: slip.reason, note: slip.note }],
    latest: { on: c.day(-latest.daysAgo), progress: { behindSchedule: latest.behind } },
  };
}

/**
 * The projects of the demo story: SAO Casablanca-Settat's new town of Lakhyayta, the 8 new urban
 * poles on 756 ha, slum resorption, threatened buildings, social housing, urban upgrading,
 * equipment, an activity zone and two emerging centres (the forum's theme); and projects of Al
 * Omrane Marrakech-Safi, so that territorial scoping shows. Budgets add up to about 500 M MAD spent
 * a year by SAO Casablanca-Settat, as in the seed. Health comes out mixed on purpose: on track,
 * behind schedule, without news for over 60 days, overspent, past their planned end, suspended.
 */
export function demoProjects(c: DemoCalendar): DemoProject[] {
  return [
    {
      code: 'SAO-CS-VN-LAKHYAYTA',
      title: 'Ville nouvelle de Lakhyayta',
      description:
        'Ville nouvelle de 630 ha entre Casablanca et Berrechid : logements, équipements publics, zones d’activités. Convention-cadre signée au forum de 2018.',
      type: 'NEW_TOWN',
      programme: 'VN',
      commune: '06.117.09.33',
      lead: ORG.saoCS,
      partners: [ORG.regionCS, ORG.wilayaCS, ORG.provinceBerrechid, ORG.communeSoualem],
      budget: mad(4000),
      housingPlanned: 28000,
      hectares: '630.00',
      start: '2008-06-01',
      plannedEnd: '2020-12-31',
      location: ['33.486000', '-7.745000'],
      journal: {
        opening: { on: '2018-06-30', status: 'WORKS', progress: 30 },
        events: [
          FORUM_REPORT,
          {
            on: '2019-12-31',
            plannedEnd: '2025-12-31',
            reason: 'FUNDING_DELAY',
            note: 'Nouveau phasage de la convention-cadre : tranches 3 et 4 reportées faute de cofinancement régional.',
          },
          {
            on: c.day(-300),
            plannedEnd: c.yearEnd(4),
            reason: 'FUNDING_DELAY',
            note: 'Reprogrammation de la tranche 4 : le solde du cofinancement régional n’est pas versé.',
          },
        ],
        latest: { on: c.day(-25), progress: { behindSchedule: 15 } },
      },
    },
    pole(
      1,
      polePlan(
        c,
        38,
        { years: 1, reason: 'FUNDING_DELAY', note: 'Décalage du cofinancement des équipements publics.' },
        { daysAgo: 12, behind: 4 },
      ),
    ),
    pole(2, {
      opening: { on: '2018-06-30', status: 'WORKS', progress: 70 },
      events: [
        {
          on: '2022-06-30',
          status: 'DELIVERED',
          note: 'Réception définitive du pôle ; les équipements de proximité sont remis aux gestionnaires.',
        },
      ],
      latest: { on: '2022-06-30', progress: 100 },
    }),
    pole(
      3,
      polePlan(
        c,
        35,
        {
          years: 2,
          reason: 'STUDIES_REVISED',
          note: 'Révision du plan de lotissement : la tranche 4 est redécoupée.',
        },
        { daysAgo: 9, behind: -2 },
      ),
    ),
    pole(
      4,
      polePlan(
        c,
        33,
        {
          years: 2,
          reason: 'LAND_NOT_AVAILABLE',
          note: 'Emprise de la voie de contournement non libérée.',
        },
        { daysAgo: 78, behind: 4 },
      ),
    ),
    pole(5, {
      opening: { on: '2018-06-30', status: 'WORKS', progress: 55 },
      events: [
        {
          on: '2024-06-30',
          status: 'DELIVERED',
          note: 'Réception définitive, 18 mois avant la date prévue.',
        },
      ],
      latest: { on: '2024-06-30', progress: 100 },
    }),
    pole(
      6,
      polePlan(
        c,
        41,
        {
          years: 1,
          reason: 'PERMIT_DELAY',
          note: 'Autorisation de lotir de la dernière tranche délivrée avec huit mois de retard.',
        },
        { daysAgo: 18, behind: 5 },
      ),
    ),
    pole(
      7,
      polePlan(
        c,
        20,
        {
          years: 2,
          reason: 'LAND_NOT_AVAILABLE',
          note: 'Terres collectives de la tranche 3 non encore apurées.',
        },
        { daysAgo: 30, behind: 17 },
      ),
    ),
    pole(8, {
      opening: { on: '2018-06-30', status: 'STUDIES', progress: 5 },
      events: [
        { on: '2020-03-01', status: 'WORKS', note: 'Ordre de service des travaux de la première tranche.' },
        {
          on: c.day(-330),
          plannedEnd: c.yearEnd(2),
          reason: 'LAND_NOT_AVAILABLE',
          note: 'Opposition d’ayants droit sur 40 ha : apurement foncier à la charge de la province.',
        },
      ],
      latest: {
        on: c.day(-20),
        progress: { behindSchedule: 35 },
        note: 'Travaux limités à la tranche 1 tant que le foncier des tranches 2 et 3 n’est pas apuré.',
      },
    }),
    {
      code: 'SAO-CS-VSB-CASA',
      title: 'Villes sans bidonvilles — relogement des ménages des karyans de Casablanca',
      description:
        'Relogement et recasement des ménages des bidonvilles de la préfecture de Casablanca, démolition des baraques et libération du foncier.',
      type: 'SLUM_RESORPTION',
      programme: 'VSB',
      commune: '06.141.01.0',
      lead: ORG.saoCS,
      partners: [ORG.wilayaCS, ORG.prefectureCasablanca, ORG.regionCS, ORG.communeCasablanca, ORG.lydec],
      budget: mad(2100),
      housingPlanned: 14000,
      householdsTargeted: 14000,
      start: '2005-01-01',
      plannedEnd: '2020-12-31',
      location: ['33.583000', '-7.522000'],
      journal: {
        opening: { on: '2018-06-30', status: 'WORKS', progress: 62 },
        events: [
          FORUM_REPORT,
          {
            on: '2020-12-15',
            plannedEnd: '2025-12-31',
            reason: 'RELOCATION_DELAY',
            note: 'Le recensement actualisé compte 30 % de ménages de plus : échéance reportée à fin 2025.',
          },
        ],
        latest: {
          on: c.day(-15),
          progress: 88,
          note: 'Échéance dépassée : restent les ménages des derniers karyans, en attente des lots raccordés.',
        },
      },
    },
    {
      code: 'SAO-CS-HMR-MEDINA',
      title: 'Habitat menaçant ruine — ancienne médina de Casablanca',
      type: 'THREATENED_BUILDINGS',
      programme: 'HMR',
      commune: '06.141.01.0',
      lead: ORG.saoCS,
      partners: [ORG.prefectureCasablanca],
      budget: mad(420),
      householdsTargeted: 2600,
      start: '2015-03-01',
      plannedEnd: '2024-12-31',
      location: ['33.603000', '-7.620000'],
      journal: {
        opening: { on: '2018-06-30', status: 'WORKS', progress: 18 },
        events: [
          {
            on: '2023-03-31',
            plannedEnd: '2026-12-31',
            reason: 'RELOCATION_DELAY',
            note: 'Les ménages refusent les logements proposés hors de la médina.',
          },
          {
            on: c.day(-160),
            status: 'SUSPENDED',
            reason: 'FUNDING_DELAY',
            note: 'Chantiers arrêtés : la part du ministère pour la phase 2 n’est pas débloquée.',
          },
        ],
        latest: {
          on: c.day(-40),
          progress: 35,
          note: 'Toujours suspendue dans l’attente du financement de la phase 2.',
        },
      },
    },
    {
      code: 'SAO-CS-VSB-MOHAMMADIA',
      title: 'Villes sans bidonvilles — résorption des bidonvilles de Mohammadia',
      type: 'SLUM_RESORPTION',
      programme: 'VSB',
      commune: '06.371.01.01',
      lead: ORG.saoCS,
      partners: [ORG.prefectureMohammadia, ORG.wilayaCS, ORG.lydec],
      budget: mad(650),
      householdsTargeted: 6800,
      housingPlanned: 3000,
      start: '2012-01-01',
      plannedEnd: '2019-12-31',
      location: ['33.693000', '-7.372000'],
      journal: {
        opening: { on: '2018-06-30', status: 'WORKS', progress: 45 },
        events: [
          {
            on: '2019-11-30',
            plannedEnd: '2023-12-31',
            reason: 'RELOCATION_DELAY',
            note: 'Ménages non éligibles à régulariser avant le recasement.',
          },
          {
            on: c.day(-200),
            plannedEnd: c.yearEnd(1),
            reason: 'RELOCATION_DELAY',
            note: 'Dernier bidonville : démolition conditionnée au relogement de 900 ménages.',
          },
        ],
        latest: { on: c.day(-27), progress: { behindSchedule: 13 } },
      },
    },
    {
      code: 'SAO-CS-MANU-MOHAMMADIA',
      title: 'Mise à niveau urbaine des quartiers sous-équipés de Mohammadia',
      type: 'URBAN_UPGRADING',
      programme: 'MANU',
      commune: '06.371.01.01',
      lead: ORG.saoCS,
      partners: [ORG.prefectureMohammadia, ORG.regionCS],
      budget: mad(310),
      start: '2017-09-01',
      plannedEnd: '2023-06-30',
      location: ['33.680000', '-7.390000'],
      journal: {
        opening: { on: '2018-06-30', status: 'STUDIES', progress: 6 },
        events: [
          { on: '2019-03-01', status: 'WORKS', note: 'Démarrage des travaux de voirie et d’assainissement.' },
          {
            on: c.day(-250),
            plannedEnd: c.yearEnd(1),
            reason: 'CONTRACTOR_DEFAULT',
            note: 'Lot éclairage public relancé après défaillance de l’entreprise.',
          },
        ],
        latest: { on: c.day(-21), progress: { behindSchedule: 3 } },
      },
    },
    {
      code: 'SAO-CS-MANU-MEDIOUNA',
      title: 'Mise à niveau urbaine des centres de Médiouna et de Lahraouyine',
      type: 'URBAN_UPGRADING',
      programme: 'MANU',
      commune: '06.355.01.03',
      lead: ORG.saoCS,
      partners: [ORG.provinceMediouna, ORG.regionCS, ORG.lydec],
      budget: mad(140),
      start: '2019-09-01',
      plannedEnd: '2024-06-30',
      location: ['33.453000', '-7.510000'],
      journal: {
        opening: { on: '2019-09-01', status: 'STUDIES', progress: 0 },
        events: [
          { on: '2020-10-01', status: 'WORKS', note: 'Ordre de service des travaux de voirie.' },
          {
            on: c.day(-300),
            plannedEnd: c.yearEnd(1),
            reason: 'FUNDING_DELAY',
            note: 'Tranche 2 décalée : versement de la part régionale reçu avec retard.',
          },
        ],
        latest: { on: c.day(-28), progress: { behindSchedule: 1 } },
      },
    },
    {
      code: 'SAO-CS-EQP-ELJADIDA',
      title: "Équipements de proximité d'El Jadida (écoles, centres de santé, espaces sportifs)",
      type: 'PUBLIC_EQUIPMENT',
      programme: 'EQP',
      commune: '06.181.01.03',
      lead: ORG.saoCS,
      partners: [ORG.provinceElJadida],
      budget: mad(145),
      costAtCompletion: mad(151),
      start: '2016-02-01',
      plannedEnd: '2020-12-31',
      location: ['33.254000', '-8.506000'],
      journal: {
        opening: { on: '2018-06-30', status: 'WORKS', progress: 35 },
        events: [
          {
            on: '2020-09-30',
            plannedEnd: '2021-06-30',
            reason: 'FORCE_MAJEURE',
            note: "Chantiers arrêtés pendant l'état d'urgence sanitaire.",
          },
          { on: '2021-05-31', status: 'DELIVERED', note: 'Mise en service des derniers équipements.' },
        ],
        latest: { on: '2021-05-31', progress: 100 },
      },
    },
    {
      code: 'SAO-CS-ZAE-SETTAT',
      title: "Zone d'activités économiques de Settat",
      type: 'ACTIVITY_ZONE',
      programme: 'ZAE',
      commune: '06.461.01.15',
      lead: ORG.saoCS,
      partners: [ORG.provinceSettat, ORG.regionCS],
      budget: mad(260),
      costAtCompletion: mad(312),
      hectares: '64.00',
      start: '2019-04-01',
      plannedEnd: '2024-12-31',
      location: ['33.010000', '-7.600000'],
      journal: {
        opening: { on: '2019-04-01', status: 'PROGRAMMED', progress: 0 },
        events: [
          { on: '2020-01-15', status: 'WORKS', note: 'Démarrage des travaux de voirie et réseaux divers.' },
          {
            on: c.day(-280),
            plannedEnd: c.yearEnd(2),
            reason: 'CONTRACTOR_DEFAULT',
            note: 'Marché de VRD résilié et relancé ; coût à l’achèvement réévalué à 312 M MAD.',
          },
        ],
        latest: { on: c.day(-14), progress: { behindSchedule: 5 } },
      },
    },
    {
      code: 'SAO-CS-CE-BENAHMED',
      title: 'Centre émergent de Ben Ahmed',
      description:
        'Centre émergent retenu au forum de 2018 (« Les centres émergents, outil d’équilibre socio-spatial ») : habitat, équipements et activités pour fixer la population rurale.',
      type: 'EMERGING_CENTRE',
      programme: 'CE',
      commune: '06.461.01.01',
      lead: ORG.saoCS,
      partners: [ORG.provinceSettat, ORG.regionCS],
      budget: mad(180),
      hectares: '42.00',
      start: c.monthStart(-14),
      plannedEnd: c.yearEnd(4),
      location: ['33.070000', '-7.246000'],
      journal: {
        opening: { on: c.monthStart(-14), status: 'PROGRAMMED', progress: 0 },
        events: [
          { on: c.monthStart(-10), status: 'STUDIES', note: "Marché des études d'aménagement attribué." },
        ],
        latest: { on: c.day(-16), progress: { behindSchedule: 6 } },
      },
    },
    {
      code: 'SAO-CS-CE-SIDIRAHAL',
      title: 'Centre émergent de Sidi Rahal Chatai',
      type: 'EMERGING_CENTRE',
      programme: 'CE',
      commune: '06.117.01.13',
      lead: ORG.saoCS,
      partners: [ORG.provinceBerrechid, ORG.regionCS],
      budget: mad(150),
      hectares: '30.00',
      start: c.monthStart(4),
      plannedEnd: c.yearEnd(5),
      location: ['33.474000', '-7.955000'],
      journal: {
        opening: { on: c.day(-200), status: 'PROGRAMMED', progress: 0 },
        latest: {
          on: c.day(-35),
          progress: 0,
          note: 'Assiette foncière en cours de mobilisation par la province ; études prévues au prochain trimestre.',
        },
      },
    },
    {
      code: 'SAO-CS-LS-DEROUA',
      title: 'Logements sociaux à 250 000 DH de Deroua',
      type: 'SOCIAL_HOUSING',
      programme: 'LS',
      commune: '06.117.01.05',
      lead: ORG.saoCS,
      partners: [ORG.provinceBerrechid],
      budget: mad(290),
      housingPlanned: 1800,
      start: '2019-03-01',
      plannedEnd: '2023-12-31',
      location: ['33.375000', '-7.535000'],
      journal: {
        opening: { on: '2019-03-01', status: 'PROGRAMMED', progress: 0 },
        events: [
          {
            on: '2019-10-01',
            status: 'WORKS',
            note: 'Permis de construire obtenu, démarrage du gros œuvre.',
          },
          {
            on: '2023-09-30',
            plannedEnd: '2025-12-31',
            reason: 'PERMIT_DELAY',
            note: 'Autorisations de construire de la tranche 2 délivrées avec retard.',
          },
          {
            on: c.day(-330),
            plannedEnd: c.yearEnd(1),
            reason: 'CONTRACTOR_DEFAULT',
            note: 'Entreprise du second œuvre remplacée.',
          },
        ],
        latest: { on: c.day(-8), progress: { behindSchedule: 3 } },
      },
    },
    {
      code: 'SAO-MS-VSB-MARRAKECH',
      title: "Résorption de l'habitat insalubre à Marrakech",
      type: 'SLUM_RESORPTION',
      programme: 'VSB',
      commune: '07.351.01.0',
      lead: ORG.saoMS,
      partners: [ORG.regionMS],
      budget: mad(540),
      householdsTargeted: 5200,
      start: '2012-05-01',
      plannedEnd: '2022-12-31',
      location: ['31.630000', '-7.990000'],
      journal: {
        opening: { on: '2018-06-30', status: 'WORKS', progress: 38 },
        events: [
          {
            on: '2022-10-31',
            plannedEnd: '2025-12-31',
            reason: 'RELOCATION_DELAY',
            note: 'Douars ajoutés au programme après recensement.',
          },
          {
            on: c.day(-260),
            plannedEnd: c.yearEnd(1),
            reason: 'RELOCATION_DELAY',
            note: 'Relogement des derniers ménages reporté.',
          },
        ],
        latest: { on: c.day(-72), progress: { behindSchedule: 6 } },
      },
    },
    {
      code: 'SAO-MS-LS-TASSOULTANTE',
      title: 'Logements sociaux de Tassoultante',
      type: 'SOCIAL_HOUSING',
      programme: 'LS',
      commune: '07.351.01.13',
      lead: ORG.saoMS,
      partners: [ORG.regionMS],
      budget: mad(390),
      housingPlanned: 2400,
      start: '2018-11-01',
      plannedEnd: '2024-06-30',
      location: ['31.585000', '-7.960000'],
      journal: {
        opening: { on: '2018-11-01', status: 'PROGRAMMED', progress: 0 },
        events: [
          { on: '2019-06-01', status: 'WORKS', note: 'Démarrage des travaux de la tranche 1.' },
          {
            on: c.day(-320),
            plannedEnd: c.yearEnd(1),
            reason: 'FUNDING_DELAY',
            note: 'Tranche 3 décalée dans l’attente du cofinancement régional.',
          },
        ],
        latest: { on: c.day(-11), progress: { behindSchedule: 2 } },
      },
    },
    {
      code: 'SAO-MS-MANU-SAFI',
      title: 'Mise à niveau urbaine de Safi',
      type: 'URBAN_UPGRADING',
      programme: 'MANU',
      commune: '07.431.01.03',
      lead: ORG.saoMS,
      partners: [ORG.regionMS],
      budget: mad(220),
      start: c.monthStart(3),
      plannedEnd: c.yearEnd(4),
      location: ['32.299000', '-9.237000'],
      journal: {
        opening: { on: c.day(-180), status: 'PROGRAMMED', progress: 0 },
        latest: { on: c.day(-30), progress: 0, note: 'Dossier de consultation des études en préparation.' },
      },
    },
    {
      code: 'SAO-MS-VN-TAMANSOURT',
      title: 'Ville nouvelle de Tamansourt',
      type: 'NEW_TOWN',
      programme: 'VN',
      commune: '07.351.03.03',
      lead: ORG.saoMS,
      partners: [ORG.regionMS],
      budget: mad(2100),
      housingPlanned: 24000,
      hectares: '1930.00',
      start: '2004-01-01',
      plannedEnd: '2020-12-31',
      location: ['31.730000', '-8.120000'],
      journal: {
        opening: { on: '2018-06-30', status: 'WORKS', progress: 40 },
        events: [
          {
            on: '2020-06-30',
            plannedEnd: '2025-12-31',
            reason: 'FUNDING_DELAY',
            note: 'Équipements publics en attente de financement : achèvement reporté.',
          },
        ],
        latest: {
          on: c.day(-24),
          progress: 58,
          note: 'Échéance de 2025 dépassée ; nouveau plan de relance à valider avec la Région.',
        },
      },
    },
  ];
}
