import { QUESTION_ANSWER_DAYS } from '@convergence/shared/domain';
import { DemoCalendar } from './demo-calendar';
import { DEMO_ACCOUNTS } from './demo-organizations';

export interface DemoComment {
  /** The demo account that wrote it. */
  author: string;
  body: string;
  createdAt: Date;
  /** Demo accounts named in it; each may read the project. */
  mentions?: string[];
}

export interface DemoThread extends DemoComment {
  /** The code of the demo project it is about. */
  project: string;
  /** A formal question to the project's lead organisation. */
  isQuestion?: boolean;
  /** Oldest first. */
  replies: DemoComment[];
}

const ELU = 'elu@demo.convergence.ma';
const SAO = 'sao@demo.convergence.ma';
const PREFECTURE = 'prefecture@demo.convergence.ma';

/**
 * Conversations on three Casablanca-Settat projects, dated relative to the day the demo is loaded:
 * the regional council's elected official and the Préfecture de Casablanca comment, SAO
 * Casablanca-Settat's manager answers. One formal question was answered within its deadline; one,
 * asked nine days ago, is still open — past its seven days, so the unanswered-question reminder
 * goes out when the worker starts. The prefecture only writes on projects of its prefecture, which
 * is all it may read.
 */
export function demoComments(c: DemoCalendar): DemoThread[] {
  const daysAgo = (days: number, hourUtc: number) => DemoCalendar.at(c.day(-days), hourUtc);
  return [
    {
      project: 'SAO-CS-VSB-CASA',
      author: ELU,
      isQuestion: true,
      createdAt: daysAgo(24, 9),
      body: 'Question du Conseil régional : combien de ménages des karyans restent à reloger cette année, et le calendrier des démolitions est-il tenu ?',
      replies: [
        {
          author: SAO,
          createdAt: daysAgo(22, 14),
          body: 'Il reste environ 1 800 ménages à reloger d’ici la fin de l’année. Les démolitions suivent les attributions, tranche par tranche ; le détail figure dans le dernier rapport d’avancement.',
        },
      ],
    },
    {
      project: 'SAO-CS-VSB-CASA',
      author: PREFECTURE,
      createdAt: daysAgo(12, 10),
      mentions: [SAO],
      body: '@Youssef Bennani, la libération du foncier de la tranche 3 est prête côté autorités locales. Pouvez-vous confirmer la date de mise à disposition des lots de recasement ?',
      replies: [
        {
          author: SAO,
          createdAt: daysAgo(11, 15),
          body: 'Les lots de la tranche 3 seront remis le mois prochain ; nous transmettrons la liste des bénéficiaires à la Préfecture dès sa validation par la commission.',
        },
      ],
    },
    {
      project: 'SAO-CS-HMR-MEDINA',
      author: PREFECTURE,
      createdAt: daysAgo(35, 8),
      body: 'Après l’expertise technique, 14 bâtisses classées à risque élevé doivent être évacuées avant l’hiver. Les familles concernées sont recensées.',
      replies: [
        {
          author: SAO,
          createdAt: daysAgo(33, 13),
          body: 'Bien noté. Des logements de relogement sont disponibles à Lahraouyine ; nous planifions les attributions avec vos services.',
        },
      ],
    },
    {
      project: 'SAO-CS-VN-LAKHYAYTA',
      author: ELU,
      createdAt: daysAgo(40, 9),
      body: 'La desserte en transport public reste le premier frein à l’installation des ménages à Lakhyayta. Où en est la ligne de bus promise vers Casablanca ?',
      replies: [
        {
          author: SAO,
          createdAt: daysAgo(38, 11),
          body: 'La ligne est inscrite au plan de déplacements de l’autorité organisatrice ; son financement attend l’avenant à la convention-cadre.',
        },
      ],
    },
    {
      project: 'SAO-CS-VN-LAKHYAYTA',
      author: ELU,
      isQuestion: true,
      createdAt: daysAgo(9, 10),
      body: 'Question formelle : quel est le taux d’occupation des logements livrés à Lakhyayta, et quand ouvriront l’école et le centre de santé achevés l’an dernier ?',
      replies: [],
    },
  ];
}

/** A formal question's answer deadline (as `CommentService` sets it): QUESTION_ANSWER_DAYS days later. */
export function questionDueAt(thread: DemoThread): Date | null {
  if (!thread.isQuestion) return null;
  return new Date(thread.createdAt.getTime() + QUESTION_ANSWER_DAYS * 86_400_000);
}

/** When a formal question was answered: the first reply by a user of the project's lead organisation. */
export function answeredAt(thread: DemoThread, leadOrganization: string): Date | null {
  if (!thread.isQuestion) return null;
  const organizationOf = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)?.organization;
  return thread.replies.find((reply) => organizationOf(reply.author) === leadOrganization)?.createdAt ?? null;
}
