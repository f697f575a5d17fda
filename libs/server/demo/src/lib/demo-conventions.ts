import type { CommitmentKind, ReasonCode } from '@convergence/shared/domain';
import type { DemoCalendar } from './demo-calendar';
import type { DemoForumKey } from './demo-forums';
import { ORG } from './demo-organizations';

/** Where a commitment stands, and the history that led there. */
export type DemoCommitmentOutcome =
  /** Still owed; `sentBack`: a declaration the ministry returned. Late once the due date has passed. */
  | {
      status: 'PLANNED' | 'IN_PROGRESS';
      /** As `verifyCommitmentFulfilment` records it: the ministry's note is the reason. */
      sentBack?: { declaredOn: string; note: string };
    }
  /** Declared by the organisation, awaiting the ministry's verification. */
  | { status: 'DECLARED'; declaredOn: string }
  | { status: 'FULFILLED'; declaredOn: string }
  /** `share` of the commitment declared and accepted. */
  | { status: 'PARTIALLY_FULFILLED'; declaredOn: string; share: number }
  | { status: 'CANCELLED'; on: string; reason: ReasonCode; note: string };

export interface DemoCommitment {
  /** Unique among the demo commitments: with the organisation, how a second seed recognises it. */
  title: string;
  kind: CommitmentKind;
  organization: string;
  /** Project code, when the commitment is for one project of the convention. */
  project?: string;
  /** In millions of MAD… */
  amount?: number;
  /** …or a quantity in a unit (ha, ménages, lots…). */
  quantity?: [number, string];
  /** The due date first agreed. */
  due: string;
  /** Moves of the due date, in order. */
  slips?: { on: string; to: string; reason: ReasonCode; note: string }[];
  outcome: DemoCommitmentOutcome;
}

export interface DemoConvention {
  code: string;
  title: string;
  description: string;
  signedOn: string;
  regionCode: string;
  /** The forum where it was announced; its commitments link back to it too. */
  forum: DemoForumKey;
  parties: string[];
  projects: string[];
  commitments: DemoCommitment[];
}

/**
 * The conventions of the 2018 forum and after, and each party's share. Outcomes are mixed on purpose:
 * fulfilled on time and late, partly fulfilled, declared and awaiting verification (by the regional
 * council and by SAO), sent back, cancelled, late by 3, 10, 20, 45, 60, 120 and 200 days (so that
 * every escalation rung shows), due tomorrow, in a week and in a month, due dates moved with reasons.
 */
export function demoConventions(c: DemoCalendar): DemoConvention[] {
  return [
    {
      code: 'CONV-CS-LAKHYAYTA-2018',
      title: "Convention-cadre pour l'achèvement de la ville nouvelle de Lakhyayta",
      description:
        'Financement et phasage des tranches 2 à 4 de la ville nouvelle : équipements publics, voirie primaire, autorisations et foncier.',
      signedOn: '2018-10-11',
      regionCode: '06',
      forum: 'casablanca-2018',
      parties: [
        ORG.ministry,
        ORG.regionCS,
        ORG.wilayaCS,
        ORG.saoCS,
        ORG.provinceBerrechid,
        ORG.communeSoualem,
      ],
      projects: ['SAO-CS-VN-LAKHYAYTA'],
      commitments: [
        {
          title: 'Subvention du FSHIU pour les équipements publics de Lakhyayta',
          kind: 'FUNDING',
          organization: ORG.ministry,
          project: 'SAO-CS-VN-LAKHYAYTA',
          amount: 400,
          due: '2021-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2021-11-15' },
        },
        {
          title: 'Cofinancement régional des tranches 3 et 4 de Lakhyayta',
          kind: 'FUNDING',
          organization: ORG.regionCS,
          project: 'SAO-CS-VN-LAKHYAYTA',
          amount: 150,
          due: '2022-06-30',
          outcome: { status: 'PARTIALLY_FULFILLED', declaredOn: '2022-09-20', share: 2 / 3 },
        },
        {
          title: 'Voirie et réseaux divers primaires de la tranche 2 de Lakhyayta',
          kind: 'WORKS',
          organization: ORG.saoCS,
          project: 'SAO-CS-VN-LAKHYAYTA',
          amount: 600,
          due: '2024-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2025-03-20' },
        },
        {
          title: 'Autorisations de lotir des tranches 3 et 4 de Lakhyayta',
          kind: 'PERMIT',
          organization: ORG.provinceBerrechid,
          project: 'SAO-CS-VN-LAKHYAYTA',
          quantity: [2, 'autorisations'],
          due: '2023-06-30',
          slips: [
            {
              on: '2023-06-15',
              to: '2024-06-30',
              reason: 'PERMIT_DELAY',
              note: "Avis de l'agence urbaine attendu sur le plan modificatif.",
            },
          ],
          outcome: { status: 'FULFILLED', declaredOn: '2024-05-10' },
        },
        {
          title: 'Mise à disposition de 12 ha pour les équipements de proximité de Lakhyayta',
          kind: 'LAND',
          organization: ORG.communeSoualem,
          project: 'SAO-CS-VN-LAKHYAYTA',
          quantity: [12, 'ha'],
          due: c.day(7),
          outcome: { status: 'IN_PROGRESS' },
        },
      ],
    },
    {
      code: 'CONV-CS-VSB-CASA-2018',
      title: 'Convention Villes sans bidonvilles — préfecture de Casablanca',
      description:
        'Relogement et recasement des ménages des derniers karyans de Casablanca, traitement de l’habitat menaçant ruine de l’ancienne médina.',
      signedOn: '2018-10-11',
      regionCode: '06',
      forum: 'casablanca-2018',
      parties: [
        ORG.ministry,
        ORG.wilayaCS,
        ORG.prefectureCasablanca,
        ORG.regionCS,
        ORG.saoCS,
        ORG.lydec,
        ORG.communeCasablanca,
      ],
      projects: ['SAO-CS-VSB-CASA', 'SAO-CS-HMR-MEDINA'],
      commitments: [
        {
          title: 'Contribution du FSHIU au relogement des ménages des karyans de Casablanca',
          kind: 'FUNDING',
          organization: ORG.ministry,
          project: 'SAO-CS-VSB-CASA',
          amount: 300,
          due: '2020-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2021-02-15' },
        },
        {
          title: 'Cofinancement régional du relogement des ménages des karyans',
          kind: 'FUNDING',
          organization: ORG.regionCS,
          project: 'SAO-CS-VSB-CASA',
          amount: 120,
          due: c.day(-20),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Transfert des 2 800 ménages des derniers karyans vers les lots de recasement',
          kind: 'RELOCATION',
          organization: ORG.prefectureCasablanca,
          project: 'SAO-CS-VSB-CASA',
          quantity: [2800, 'ménages'],
          due: '2024-12-31',
          slips: [
            {
              on: '2024-12-20',
              to: c.day(-45),
              reason: 'RELOCATION_DELAY',
              note: 'Recours sur l’éligibilité de 400 ménages, examinés par la commission préfectorale.',
            },
          ],
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Viabilisation de 3 000 lots de recasement',
          kind: 'WORKS',
          organization: ORG.saoCS,
          project: 'SAO-CS-VSB-CASA',
          quantity: [3000, 'lots'],
          due: c.day(-10),
          outcome: { status: 'DECLARED', declaredOn: c.day(-6) },
        },
        {
          title: "Raccordement des lots de recasement aux réseaux d'eau, d'électricité et d'assainissement",
          kind: 'WORKS',
          organization: ORG.lydec,
          project: 'SAO-CS-VSB-CASA',
          quantity: [3000, 'raccordements'],
          due: c.day(-3),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Autorisations de construire des lots de recasement',
          kind: 'PERMIT',
          organization: ORG.communeCasablanca,
          project: 'SAO-CS-VSB-CASA',
          quantity: [3000, 'autorisations'],
          due: c.day(1),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Libération des assiettes foncières des karyans démolis',
          kind: 'LAND',
          organization: ORG.wilayaCS,
          project: 'SAO-CS-VSB-CASA',
          quantity: [35, 'ha'],
          due: '2023-06-30',
          outcome: { status: 'FULFILLED', declaredOn: '2023-05-30' },
        },
        {
          title: 'Expertise et étude de confortement des bâtisses menaçant ruine de la médina',
          kind: 'STUDY',
          organization: ORG.saoCS,
          project: 'SAO-CS-HMR-MEDINA',
          amount: 6,
          due: '2019-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2019-11-20' },
        },
        {
          title: "Financement de la phase 2 du traitement de l'habitat menaçant ruine de la médina",
          kind: 'FUNDING',
          organization: ORG.ministry,
          project: 'SAO-CS-HMR-MEDINA',
          amount: 200,
          due: c.day(-120),
          outcome: { status: 'PLANNED' },
        },
      ],
    },
    {
      code: 'CONV-CS-PNU-2018',
      title: 'Convention de partenariat pour les nouveaux pôles urbains de Casablanca-Settat',
      description:
        'Aménagement des 8 nouveaux pôles urbains (756 ha) : foncier, autorisations, voirie et réseaux, équipements publics.',
      signedOn: '2018-10-11',
      regionCode: '06',
      forum: 'casablanca-2018',
      parties: [
        ORG.ministry,
        ORG.regionCS,
        ORG.saoCS,
        ORG.provinceBerrechid,
        ORG.provinceMediouna,
        ORG.provinceNouaceur,
        ORG.prefectureMohammadia,
        ORG.lydec,
        ORG.urbanAgency,
      ],
      projects: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `SAO-CS-PNU-${n}`),
      commitments: [
        {
          title: 'Subvention du FSHIU pour les équipements de proximité des pôles urbains',
          kind: 'FUNDING',
          organization: ORG.ministry,
          amount: 150,
          due: '2022-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2022-12-05' },
        },
        {
          title: 'Cofinancement régional des équipements publics des pôles urbains',
          kind: 'FUNDING',
          organization: ORG.regionCS,
          amount: 200,
          due: c.day(30),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Cofinancement de la voirie structurante du pôle de Tit Mellil',
          kind: 'FUNDING',
          organization: ORG.regionCS,
          project: 'SAO-CS-PNU-5',
          amount: 45,
          due: '2024-12-31',
          outcome: { status: 'DECLARED', declaredOn: c.day(-12) },
        },
        {
          title: 'Voirie et réseaux divers des tranches 2021–2024 des pôles urbains',
          kind: 'WORKS',
          organization: ORG.saoCS,
          amount: 420,
          due: '2024-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2025-02-28' },
        },
        {
          title: "Renforcement des réseaux d'eau et d'électricité des pôles de Bouskoura et Dar Bouazza",
          kind: 'WORKS',
          organization: ORG.lydec,
          project: 'SAO-CS-PNU-3',
          amount: 85,
          due: '2025-06-30',
          outcome: { status: 'PARTIALLY_FULFILLED', declaredOn: '2025-09-10', share: 60 / 85 },
        },
        {
          title: "Raccordement du pôle de Lahraouyine au réseau d'assainissement",
          kind: 'WORKS',
          organization: ORG.lydec,
          project: 'SAO-CS-PNU-2',
          amount: 30,
          due: '2021-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2021-09-30' },
        },
        {
          title: 'Autorisations de lotir de la tranche 3 du pôle de Bouskoura',
          kind: 'PERMIT',
          organization: ORG.provinceNouaceur,
          project: 'SAO-CS-PNU-3',
          quantity: [3, 'autorisations'],
          due: '2020-06-30',
          outcome: { status: 'FULFILLED', declaredOn: '2020-05-18' },
        },
        {
          title: 'Apurement foncier des tranches 2 et 3 du pôle de Sidi Hajjaj Oued Hassar',
          kind: 'LAND',
          organization: ORG.provinceMediouna,
          project: 'SAO-CS-PNU-8',
          quantity: [40, 'ha'],
          due: c.day(-200),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Apurement des terres collectives de la tranche 3 du pôle de Berrechid',
          kind: 'LAND',
          organization: ORG.provinceBerrechid,
          project: 'SAO-CS-PNU-7',
          quantity: [25, 'ha'],
          due: c.day(90),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: "Instruction des plans d'aménagement modificatifs des pôles de Berrechid et Sidi Hajjaj",
          kind: 'PERMIT',
          organization: ORG.urbanAgency,
          quantity: [2, "plans d'aménagement"],
          due: '2021-12-31',
          slips: [
            {
              on: '2021-12-15',
              to: '2023-06-30',
              reason: 'STUDIES_REVISED',
              note: 'Plans à reprendre après la révision du schéma de voirie.',
            },
            {
              on: '2023-06-20',
              to: c.day(60),
              reason: 'PARTNER_REQUEST',
              note: 'À instruire après l’apurement foncier, à la demande de la province.',
            },
          ],
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: "Terrain du lycée du pôle d'Aïn Harrouda",
          kind: 'LAND',
          organization: ORG.prefectureMohammadia,
          project: 'SAO-CS-PNU-6',
          quantity: [3, 'ha'],
          due: '2021-06-30',
          outcome: {
            status: 'CANCELLED',
            on: '2021-04-12',
            reason: 'PARTNER_REQUEST',
            note: 'Le lycée est implanté sur le foncier de la SAO ; le terrain est réaffecté.',
          },
        },
      ],
    },
    {
      code: 'CONV-CS-MANU-MEDIOUNA-2019',
      title: 'Convention de mise à niveau urbaine des centres de la province de Médiouna',
      description:
        'Voirie, assainissement, éclairage public et aménagements paysagers de Médiouna et Lahraouyine.',
      signedOn: '2019-05-14',
      regionCode: '06',
      forum: 'casablanca-2018',
      parties: [ORG.ministry, ORG.regionCS, ORG.provinceMediouna, ORG.saoCS, ORG.lydec],
      projects: ['SAO-CS-MANU-MEDIOUNA'],
      commitments: [
        {
          title: 'Subvention du ministère à la mise à niveau urbaine de Médiouna',
          kind: 'FUNDING',
          organization: ORG.ministry,
          project: 'SAO-CS-MANU-MEDIOUNA',
          amount: 60,
          due: '2021-06-30',
          outcome: { status: 'FULFILLED', declaredOn: '2021-06-02' },
        },
        {
          title: 'Part régionale de la mise à niveau urbaine de Médiouna',
          kind: 'FUNDING',
          organization: ORG.regionCS,
          project: 'SAO-CS-MANU-MEDIOUNA',
          amount: 40,
          due: '2023-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2024-04-02' },
        },
        {
          title: "Travaux de voirie, d'assainissement et d'éclairage public de Médiouna",
          kind: 'WORKS',
          organization: ORG.saoCS,
          project: 'SAO-CS-MANU-MEDIOUNA',
          amount: 90,
          due: c.yearEnd(1),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: "Extension du réseau d'assainissement liquide de Médiouna",
          kind: 'WORKS',
          organization: ORG.lydec,
          project: 'SAO-CS-MANU-MEDIOUNA',
          amount: 25,
          due: c.day(30),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Relogement des ménages occupant les emprises de voirie de Médiouna',
          kind: 'RELOCATION',
          organization: ORG.provinceMediouna,
          project: 'SAO-CS-MANU-MEDIOUNA',
          quantity: [120, 'ménages'],
          due: c.day(75),
          outcome: { status: 'PLANNED' },
        },
      ],
    },
    {
      code: 'CONV-CS-CE-2019',
      title: 'Convention pour les centres émergents de Ben Ahmed et de Sidi Rahal Chatai',
      description:
        'Suite du forum de 2018 sur les centres émergents : plans de développement, foncier, études et équipements structurants.',
      signedOn: '2019-07-04',
      regionCode: '06',
      forum: 'casablanca-2018',
      parties: [ORG.ministry, ORG.regionCS, ORG.provinceSettat, ORG.provinceBerrechid, ORG.saoCS],
      projects: ['SAO-CS-CE-BENAHMED', 'SAO-CS-CE-SIDIRAHAL'],
      commitments: [
        {
          title: 'Plans de développement des centres émergents de Ben Ahmed et de Sidi Rahal Chatai',
          kind: 'STUDY',
          organization: ORG.regionCS,
          amount: 8,
          due: '2021-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2022-03-15' },
        },
        {
          title: 'Mobilisation de 42 ha pour le centre émergent de Ben Ahmed',
          kind: 'LAND',
          organization: ORG.provinceSettat,
          project: 'SAO-CS-CE-BENAHMED',
          quantity: [42, 'ha'],
          due: '2022-06-30',
          slips: [
            {
              on: '2022-06-10',
              to: '2023-12-31',
              reason: 'LAND_NOT_AVAILABLE',
              note: 'Immatriculation foncière en cours.',
            },
          ],
          outcome: { status: 'FULFILLED', declaredOn: '2023-11-20' },
        },
        {
          title: "Études d'aménagement et de VRD du centre de Ben Ahmed",
          kind: 'STUDY',
          organization: ORG.saoCS,
          project: 'SAO-CS-CE-BENAHMED',
          amount: 6.5,
          due: c.day(90),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Mobilisation de 30 ha pour le centre émergent de Sidi Rahal Chatai',
          kind: 'LAND',
          organization: ORG.provinceBerrechid,
          project: 'SAO-CS-CE-SIDIRAHAL',
          quantity: [30, 'ha'],
          due: c.day(45),
          outcome: { status: 'IN_PROGRESS' },
        },
        {
          title: 'Subvention des équipements structurants des centres émergents',
          kind: 'FUNDING',
          organization: ORG.ministry,
          amount: 50,
          due: c.yearEnd(1),
          outcome: { status: 'PLANNED' },
        },
      ],
    },
    {
      code: 'CONV-MS-2019',
      title: "Convention de résorption de l'habitat insalubre et de logement social — Marrakech-Safi",
      description: 'Cofinancement régional des opérations d’Al Omrane Marrakech-Safi.',
      signedOn: '2019-03-14',
      regionCode: '07',
      forum: 'marrakech-2019',
      parties: [ORG.ministry, ORG.regionMS, ORG.saoMS],
      projects: [
        'SAO-MS-VSB-MARRAKECH',
        'SAO-MS-LS-TASSOULTANTE',
        'SAO-MS-MANU-SAFI',
        'SAO-MS-VN-TAMANSOURT',
      ],
      commitments: [
        {
          title: "Cofinancement régional de la résorption de l'habitat insalubre à Marrakech",
          kind: 'FUNDING',
          organization: ORG.regionMS,
          project: 'SAO-MS-VSB-MARRAKECH',
          amount: 80,
          due: '2022-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2022-11-28' },
        },
        {
          title: 'Cofinancement régional des logements sociaux de Tassoultante',
          kind: 'FUNDING',
          organization: ORG.regionMS,
          project: 'SAO-MS-LS-TASSOULTANTE',
          amount: 50,
          due: c.day(-10),
          outcome: {
            status: 'IN_PROGRESS',
            sentBack: {
              declaredOn: c.day(-30),
              note: "L'ordre de virement joint ne porte que sur 30 M MAD : déclarer le versement effectif du total.",
            },
          },
        },
        {
          title: 'Cofinancement régional de la mise à niveau urbaine de Safi',
          kind: 'FUNDING',
          organization: ORG.regionMS,
          project: 'SAO-MS-MANU-SAFI',
          amount: 35,
          due: c.day(30),
          outcome: { status: 'PLANNED' },
        },
        {
          title: 'Subvention des équipements publics de Tamansourt',
          kind: 'FUNDING',
          organization: ORG.ministry,
          project: 'SAO-MS-VN-TAMANSOURT',
          amount: 120,
          due: '2023-12-31',
          outcome: { status: 'FULFILLED', declaredOn: '2024-02-01' },
        },
        {
          title: 'Relogement de 1 200 ménages des douars insalubres de Marrakech',
          kind: 'RELOCATION',
          organization: ORG.saoMS,
          project: 'SAO-MS-VSB-MARRAKECH',
          quantity: [1200, 'ménages'],
          due: c.day(-60),
          outcome: { status: 'IN_PROGRESS' },
        },
      ],
    },
  ];
}
