import type { ActionPriority, ActionStatus, ReasonCode } from '@convergence/shared/domain';
import type { DemoCalendar } from './demo-calendar';
import type { DemoForumKey } from './demo-forums';
import { ORG } from './demo-organizations';

export interface DemoAction {
  /** Unique among the demo actions: how a second seed recognises it. */
  title: string;
  description?: string;
  responsible: string;
  contributors?: string[];
  /** HCP code of a region, prefecture/province or commune. */
  territory: string;
  forum: DemoForumKey;
  project?: string;
  due: string;
  priority: ActionPriority;
  status: ActionStatus;
  /** For BLOCKED and CANCELLED. */
  reason?: { code: ReasonCode; note: string };
  /** For DONE. */
  doneOn?: string;
}

/**
 * The follow-up items decided at the forums: relocation of households, land clearance, permits,
 * connections to the networks, coordination. Some are done, some blocked with a reason, some
 * overdue, one cancelled.
 */
export function demoActions(c: DemoCalendar): DemoAction[] {
  return [
    {
      title: 'Recensement actualisé des ménages des karyans de Casablanca',
      responsible: ORG.prefectureCasablanca,
      contributors: [ORG.saoCS],
      territory: '06.141',
      forum: 'casablanca-2018',
      project: 'SAO-CS-VSB-CASA',
      due: '2019-06-30',
      priority: 'HIGH',
      status: 'DONE',
      doneOn: '2019-06-27',
    },
    {
      title: 'Relogement des ménages des karyans de Sidi Moumen',
      description:
        'Transfert des ménages recensés vers les lots de recasement raccordés, puis démolition des baraques.',
      responsible: ORG.prefectureCasablanca,
      contributors: [ORG.saoCS, ORG.communeCasablanca],
      territory: '06.141.01.0',
      forum: 'casablanca-2018',
      project: 'SAO-CS-VSB-CASA',
      due: c.day(-15),
      priority: 'CRITICAL',
      status: 'IN_PROGRESS',
    },
    {
      title: 'Sécurisation des assiettes foncières libérées après démolition',
      responsible: ORG.prefectureCasablanca,
      contributors: [ORG.wilayaCS],
      territory: '06.141.01.0',
      forum: 'casablanca-2018',
      project: 'SAO-CS-VSB-CASA',
      due: c.day(20),
      priority: 'HIGH',
      status: 'OPEN',
    },
    {
      title: "Évacuation des bâtisses menaçant ruine de l'ancienne médina",
      responsible: ORG.prefectureCasablanca,
      contributors: [ORG.saoCS],
      territory: '06.141.01.0',
      forum: 'casablanca-2018',
      project: 'SAO-CS-HMR-MEDINA',
      due: c.day(-30),
      priority: 'CRITICAL',
      status: 'BLOCKED',
      reason: {
        code: 'RELOCATION_DELAY',
        note: 'Les ménages refusent les logements proposés hors de la médina ; solution de relogement sur place à l’étude.',
      },
    },
    {
      title: 'Instruction accélérée des autorisations de construire des lots de recasement',
      responsible: ORG.communeCasablanca,
      contributors: [ORG.urbanAgency],
      territory: '06.141.01.0',
      forum: 'casablanca-2018',
      project: 'SAO-CS-VSB-CASA',
      due: c.day(-2),
      priority: 'HIGH',
      status: 'OPEN',
    },
    {
      title: "Raccordement des lots de recasement aux réseaux d'eau et d'électricité",
      responsible: ORG.lydec,
      contributors: [ORG.saoCS],
      territory: '06.141.01.0',
      forum: 'casablanca-2018',
      project: 'SAO-CS-VSB-CASA',
      due: c.day(10),
      priority: 'HIGH',
      status: 'IN_PROGRESS',
    },
    {
      title: "Raccordement du pôle de Lahraouyine au réseau d'assainissement",
      responsible: ORG.lydec,
      territory: '06.355.01.01',
      forum: 'casablanca-2018',
      project: 'SAO-CS-PNU-2',
      due: '2021-12-31',
      priority: 'MEDIUM',
      status: 'DONE',
      doneOn: '2021-09-30',
    },
    {
      title: 'Apurement foncier du pôle urbain de Sidi Hajjaj Oued Hassar',
      responsible: ORG.provinceMediouna,
      contributors: [ORG.saoCS],
      territory: '06.355.01.09',
      forum: 'casablanca-2018',
      project: 'SAO-CS-PNU-8',
      due: c.day(-90),
      priority: 'HIGH',
      status: 'BLOCKED',
      reason: {
        code: 'LAND_NOT_AVAILABLE',
        note: 'Opposition d’ayants droit des terres collectives ; dossier soumis au conseil de tutelle.',
      },
    },
    {
      title: 'Délivrance des autorisations de lotir des tranches 3 et 4 de Lakhyayta',
      responsible: ORG.communeSoualem,
      contributors: [ORG.provinceBerrechid, ORG.urbanAgency],
      territory: '06.117.09.33',
      forum: 'casablanca-2018',
      project: 'SAO-CS-VN-LAKHYAYTA',
      due: '2024-06-30',
      priority: 'MEDIUM',
      status: 'DONE',
      doneOn: '2024-05-10',
    },
    {
      title: 'Transfert vers Lakhyayta des ménages recensés de Berrechid',
      responsible: ORG.provinceBerrechid,
      contributors: [ORG.saoCS],
      territory: '06.117',
      forum: 'casablanca-2018',
      due: '2022-12-31',
      priority: 'LOW',
      status: 'CANCELLED',
      reason: {
        code: 'PARTNER_REQUEST',
        note: 'Remplacé par un relogement sur place, à la demande de la province.',
      },
    },
    {
      title: 'Inscription des équipements des pôles urbains au Plan de Développement Régional',
      responsible: ORG.regionCS,
      territory: '06',
      forum: 'casablanca-2018',
      due: '2019-12-31',
      priority: 'MEDIUM',
      status: 'DONE',
      doneOn: '2019-12-20',
    },
    {
      title: 'Plan de développement régional des centres émergents',
      responsible: ORG.regionCS,
      contributors: [ORG.provinceSettat, ORG.provinceBerrechid, ORG.saoCS],
      territory: '06',
      forum: 'casablanca-2018',
      due: c.day(-5),
      priority: 'MEDIUM',
      status: 'IN_PROGRESS',
    },
    {
      title: "Lancement des études d'aménagement du centre émergent de Ben Ahmed",
      responsible: ORG.saoCS,
      contributors: [ORG.provinceSettat],
      territory: '06.461.01.01',
      forum: 'casablanca-2018',
      project: 'SAO-CS-CE-BENAHMED',
      due: c.monthStart(-9),
      priority: 'MEDIUM',
      status: 'DONE',
      doneOn: c.monthStart(-10),
    },
    {
      title: "Commercialisation des lots de la zone d'activités de Settat",
      responsible: ORG.saoCS,
      territory: '06.461.01.15',
      forum: 'casablanca-2018',
      project: 'SAO-CS-ZAE-SETTAT',
      due: c.day(45),
      priority: 'LOW',
      status: 'OPEN',
    },
    {
      title: 'Démolition des baraques après relogement à Mohammadia',
      responsible: ORG.prefectureMohammadia,
      contributors: [ORG.saoCS],
      territory: '06.371.01.01',
      forum: 'casablanca-2018',
      project: 'SAO-CS-VSB-MOHAMMADIA',
      due: c.day(5),
      priority: 'HIGH',
      status: 'IN_PROGRESS',
    },
    {
      title: 'Mise en place du comité régional de suivi de la convergence',
      responsible: ORG.wilayaCS,
      contributors: [ORG.regionCS, ORG.saoCS],
      territory: '06',
      forum: 'casablanca-2018',
      due: '2019-01-31',
      priority: 'HIGH',
      status: 'DONE',
      doneOn: '2019-01-15',
    },
    {
      title: 'Préparation de la réunion de suivi des engagements',
      description:
        'Tableau des engagements en retard et des déclarations à vérifier, partenaire par partenaire.',
      responsible: ORG.wilayaCS,
      contributors: [ORG.ministry, ORG.regionCS, ORG.saoCS],
      territory: '06',
      forum: 'casablanca-2018',
      due: c.day(17),
      priority: 'MEDIUM',
      status: 'IN_PROGRESS',
    },
    {
      title: 'Relogement des ménages des douars insalubres de Marrakech',
      responsible: ORG.saoMS,
      contributors: [ORG.regionMS],
      territory: '07.351.01.0',
      forum: 'marrakech-2019',
      project: 'SAO-MS-VSB-MARRAKECH',
      due: c.day(25),
      priority: 'HIGH',
      status: 'IN_PROGRESS',
    },
    {
      title: 'Programmation de la mise à niveau urbaine de Safi',
      responsible: ORG.regionMS,
      contributors: [ORG.saoMS],
      territory: '07.431',
      forum: 'marrakech-2019',
      project: 'SAO-MS-MANU-SAFI',
      due: c.day(-8),
      priority: 'MEDIUM',
      status: 'OPEN',
    },
  ];
}
