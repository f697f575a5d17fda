import type { ProjectStatus, ProjectType } from '@convergence/shared/domain';

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

export interface DemoProject {
  code: string;
  title: string;
  type: ProjectType;
  programme: string;
  /** HCP code of the commune. */
  commune: string;
  lead: string;
  partners: string[];
  status: ProjectStatus;
  progress: string;
  budget: string;
  spent: string;
  housingPlanned?: number;
  housingDelivered?: number;
  householdsTargeted?: number;
  householdsRelocated?: number;
  hectares?: string;
  start: string;
  plannedEnd: string;
  actualEnd?: string;
}

const SAO_CS = 'Société Al Omrane Casablanca-Settat';
const SAO_MS = 'Société Al Omrane Marrakech-Safi';
const REGION_CS = 'Conseil de la Région Casablanca-Settat';
const WILAYA_CS = 'Wilaya de la Région Casablanca-Settat';
const REGION_MS = 'Conseil de la Région Marrakech-Safi';

/** One of the 8 new urban poles of the seed (756 ha in all). */
function pole(
  n: number,
  town: string,
  commune: string,
  province: string,
  hectares: string,
  housing: number,
  progress: string,
) {
  const budget = (Number(hectares) * 1_900_000).toFixed(2);
  return {
    code: `SAO-CS-PNU-${n}`,
    title: `Nouveau pôle urbain de ${town}`,
    type: 'NEW_URBAN_POLE' as const,
    programme: 'PNU',
    commune,
    lead: SAO_CS,
    partners: [REGION_CS, province],
    status: (Number(progress) >= 100 ? 'DELIVERED' : 'WORKS') as ProjectStatus,
    progress,
    budget,
    spent: ((Number(budget) * Number(progress)) / 100).toFixed(2),
    housingPlanned: housing,
    housingDelivered: Math.round((housing * Number(progress)) / 100),
    hectares,
    start: '2014-01-15',
    plannedEnd: '2026-12-31',
    ...(Number(progress) >= 100 ? { actualEnd: '2024-06-30' } : {}),
  };
}

/**
 * The projects of the demo story (issue #3 grows it with conventions, commitments and journals):
 * SAO Casablanca-Settat's new town of Lakhyayta, the 8 new urban poles on 756 ha, slum resorption,
 * threatened buildings, urban upgrading, equipment, an activity zone and an emerging centre; and a
 * few projects of Al Omrane Marrakech-Safi, so that territorial scoping shows. Figures are
 * illustrative, in the order of magnitude of the 2018 forum's (about 500 M MAD a year for SAO).
 */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    code: 'SAO-CS-VN-LAKHYAYTA',
    title: 'Ville nouvelle de Lakhyayta',
    type: 'NEW_TOWN',
    programme: 'VN',
    commune: '06.117.09.33',
    lead: SAO_CS,
    partners: [REGION_CS, WILAYA_CS, 'Province de Berrechid'],
    status: 'WORKS',
    progress: '46.00',
    budget: '3200000000.00',
    spent: '1380000000.00',
    housingPlanned: 28000,
    housingDelivered: 9500,
    hectares: '630.00',
    start: '2008-06-01',
    plannedEnd: '2030-12-31',
  },
  pole(1, 'Had Soualem', '06.117.01.09', 'Province de Berrechid', '110.00', 5200, '72.00'),
  pole(2, 'Lahraouyine', '06.355.01.01', 'Province de Médiouna', '95.00', 4800, '100.00'),
  pole(3, 'Bouskoura', '06.385.01.01', 'Province de Nouaceur', '120.00', 5600, '64.00'),
  pole(4, 'Dar Bouazza', '06.385.01.02', 'Province de Nouaceur', '85.00', 3900, '58.00'),
  pole(5, 'Tit Mellil', '06.355.01.05', 'Province de Médiouna', '70.00', 3300, '100.00'),
  pole(6, 'Aïn Harrouda', '06.371.01.03', 'Préfecture de Mohammadia', '105.00', 5000, '81.00'),
  pole(7, 'Berrechid', '06.117.01.03', 'Province de Berrechid', '96.00', 4500, '37.00'),
  pole(8, 'Sidi Hajjaj Oued Hassar', '06.355.01.09', 'Province de Médiouna', '75.00', 3400, '22.00'),
  {
    code: 'SAO-CS-VSB-CASA',
    title: 'Villes sans bidonvilles — relogement des ménages des karyans de Casablanca',
    type: 'SLUM_RESORPTION',
    programme: 'VSB',
    commune: '06.141.01.0',
    lead: SAO_CS,
    partners: [WILAYA_CS, 'Préfecture de Casablanca', REGION_CS],
    status: 'WORKS',
    progress: '80.00',
    budget: '1650000000.00',
    spent: '1287000000.00',
    householdsTargeted: 14000,
    householdsRelocated: 11200,
    housingPlanned: 14000,
    housingDelivered: 11600,
    start: '2005-01-01',
    plannedEnd: '2025-12-31',
  },
  {
    code: 'SAO-CS-HMR-MEDINA',
    title: 'Habitat menaçant ruine — ancienne médina de Casablanca',
    type: 'THREATENED_BUILDINGS',
    programme: 'HMR',
    commune: '06.141.01.0',
    lead: SAO_CS,
    partners: ['Préfecture de Casablanca'],
    status: 'SUSPENDED',
    progress: '35.00',
    budget: '420000000.00',
    spent: '160000000.00',
    householdsTargeted: 2600,
    householdsRelocated: 900,
    start: '2015-03-01',
    plannedEnd: '2024-12-31',
  },
  {
    code: 'SAO-CS-MANU-MOHAMMADIA',
    title: 'Mise à niveau urbaine des quartiers sous-équipés de Mohammadia',
    type: 'URBAN_UPGRADING',
    programme: 'MANU',
    commune: '06.371.01.01',
    lead: SAO_CS,
    partners: ['Préfecture de Mohammadia', REGION_CS],
    status: 'WORKS',
    progress: '55.00',
    budget: '310000000.00',
    spent: '190000000.00',
    householdsTargeted: 6000,
    start: '2017-09-01',
    plannedEnd: '2026-06-30',
  },
  {
    code: 'SAO-CS-EQP-ELJADIDA',
    title: "Équipements de proximité d'El Jadida (écoles, centres de santé, espaces sportifs)",
    type: 'PUBLIC_EQUIPMENT',
    programme: 'EQP',
    commune: '06.181.01.03',
    lead: SAO_CS,
    partners: ['Province de El Jadida'],
    status: 'DELIVERED',
    progress: '100.00',
    budget: '145000000.00',
    spent: '151000000.00',
    start: '2016-02-01',
    plannedEnd: '2020-12-31',
    actualEnd: '2021-05-31',
  },
  {
    code: 'SAO-CS-ZAE-SETTAT',
    title: "Zone d'activités économiques de Settat",
    type: 'ACTIVITY_ZONE',
    programme: 'ZAE',
    commune: '06.461.01.15',
    lead: SAO_CS,
    partners: ['Province de Settat', REGION_CS],
    status: 'WORKS',
    progress: '30.00',
    budget: '260000000.00',
    spent: '120000000.00',
    hectares: '64.00',
    start: '2019-04-01',
    plannedEnd: '2025-12-31',
  },
  {
    code: 'SAO-CS-CE-BENAHMED',
    title: 'Centre émergent de Ben Ahmed',
    type: 'EMERGING_CENTRE',
    programme: 'CE',
    commune: '06.461.01.01',
    lead: SAO_CS,
    partners: ['Province de Settat', REGION_CS],
    status: 'STUDIES',
    progress: '8.00',
    budget: '180000000.00',
    spent: '6500000.00',
    hectares: '42.00',
    start: '2022-01-10',
    plannedEnd: '2029-12-31',
  },
  {
    code: 'SAO-MS-VSB-MARRAKECH',
    title: "Résorption de l'habitat insalubre à Marrakech",
    type: 'SLUM_RESORPTION',
    programme: 'VSB',
    commune: '07.351.01.0',
    lead: SAO_MS,
    partners: [REGION_MS],
    status: 'WORKS',
    progress: '62.00',
    budget: '540000000.00',
    spent: '330000000.00',
    householdsTargeted: 5200,
    householdsRelocated: 3100,
    start: '2012-05-01',
    plannedEnd: '2026-12-31',
  },
  {
    code: 'SAO-MS-LS-TASSOULTANTE',
    title: 'Logements sociaux de Tassoultante',
    type: 'SOCIAL_HOUSING',
    programme: 'LS',
    commune: '07.351.01.13',
    lead: SAO_MS,
    partners: [REGION_MS],
    status: 'WORKS',
    progress: '48.00',
    budget: '390000000.00',
    spent: '170000000.00',
    housingPlanned: 2400,
    housingDelivered: 900,
    start: '2018-11-01',
    plannedEnd: '2026-06-30',
  },
  {
    code: 'SAO-MS-MANU-SAFI',
    title: 'Mise à niveau urbaine de Safi',
    type: 'URBAN_UPGRADING',
    programme: 'MANU',
    commune: '07.431.01.03',
    lead: SAO_MS,
    partners: [REGION_MS],
    status: 'PROGRAMMED',
    progress: '0.00',
    budget: '220000000.00',
    spent: '0.00',
    start: '2025-01-01',
    plannedEnd: '2029-12-31',
  },
];
