import type { DemoCalendar } from './demo-calendar';
import { ORG } from './demo-organizations';

export interface DemoForum {
  /** How the other demo files refer to it. */
  key: DemoForumKey;
  title: string;
  theme: string;
  heldOn: string;
  place: string;
  regionCode: string;
  /** Organisation names… */
  participants: string[];
  /** …and every prefecture and province of this region (they come from the territory table). */
  withAuthoritiesOf?: string;
  resolutions: string[];
}

export type DemoForumKey = 'casablanca-2018' | 'casablanca-follow-up' | 'marrakech-2019';

const CASABLANCA_SETTAT_PARTNERS = [
  ORG.ministry,
  ORG.secretariat,
  ORG.holding,
  ORG.regionCS,
  ORG.wilayaCS,
  ORG.saoCS,
  ORG.lydec,
  ORG.urbanAgency,
  ORG.communeCasablanca,
  ORG.communeSoualem,
];

/**
 * The forum of the seed (11 October 2018, Casablanca), the follow-up meeting it called for, due in a
 * few weeks whenever the demo is loaded, and a Marrakech-Safi forum of the same cycle.
 */
export function demoForums(c: DemoCalendar): DemoForum[] {
  return [
    {
      key: 'casablanca-2018',
      title: 'Forum de la Convergence Régionale — Casablanca-Settat (3e étape)',
      theme: "Les centres émergents, outil d'équilibre socio-spatial et levier de développement territorial",
      heldOn: '2018-10-11',
      place: 'Casablanca, en ouverture d’« Al Omrane Expo »',
      regionCode: '06',
      participants: CASABLANCA_SETTAT_PARTNERS,
      withAuthoritiesOf: '06',
      resolutions: [
        'Renforcer la convergence entre les acteurs nationaux, régionaux et locaux pour un développement territorial efficient, dans le cadre du Plan de Développement de la Région Casablanca-Settat.',
        'Faire des centres émergents un outil d’équilibre socio-spatial : lancer les études des centres de Ben Ahmed et de Sidi Rahal Chatai.',
        'Mettre l’expertise du Groupe Al Omrane à la disposition de la Région pour achever la ville nouvelle de Lakhyayta et les 8 nouveaux pôles urbains (756 ha).',
        'Accélérer la résorption des bidonvilles et le relogement des ménages, en coordination avec la Wilaya, les préfectures et les provinces.',
        'Consigner les engagements de chaque partenaire dans des conventions (Lakhyayta, Villes sans bidonvilles de Casablanca, nouveaux pôles urbains) et en suivre l’exécution entre deux forums.',
        'Inscrire les Forums de la Convergence Régionale dans la durée, avec une réunion régionale de suivi des engagements.',
      ],
    },
    {
      key: 'casablanca-follow-up',
      title: 'Réunion de suivi des engagements de la convergence — Casablanca-Settat',
      theme: 'Engagements en retard, déclarations à vérifier et actions prioritaires de l’année',
      heldOn: c.day(24),
      place: 'Siège de la Wilaya de la Région Casablanca-Settat, Casablanca',
      regionCode: '06',
      participants: CASABLANCA_SETTAT_PARTNERS,
      withAuthoritiesOf: '06',
      resolutions: [],
    },
    {
      key: 'marrakech-2019',
      title: 'Forum de la Convergence Régionale — Marrakech-Safi',
      theme:
        'La résorption de l’habitat insalubre et la mise à niveau urbaine, pour un développement territorial harmonieux',
      heldOn: '2019-03-14',
      place: 'Marrakech',
      regionCode: '07',
      participants: [ORG.ministry, ORG.secretariat, ORG.holding, ORG.regionMS, ORG.saoMS],
      resolutions: [
        'Achever la résorption de l’habitat insalubre de Marrakech avec le cofinancement de la Région.',
        'Relancer la ville nouvelle de Tamansourt par ses équipements publics.',
        'Programmer la mise à niveau urbaine de Safi.',
      ],
    },
  ];
}
