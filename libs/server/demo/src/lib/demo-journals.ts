import {
  PROJECT_STATUSES_NEEDING_REASON,
  PROJECT_TRANSITIONS,
  type ProjectStatus,
  type ProjectType,
  type ReasonCode,
} from '@convergence/shared/domain';
import { DemoCalendar, addDays, daysBetween } from './demo-calendar';

/** A report that changes the status and/or moves the planned end; its note says why. */
export interface JournalEvent {
  on: string;
  status?: ProjectStatus;
  plannedEnd?: string;
  reason?: ReasonCode;
  note: string;
}

/**
 * How a project's progress journal unfolds: its state on the first report, the events, and the
 * latest report. Between them the builder files a report every half-year with the progress of the
 * day, so that nobody hand-writes hundreds of rows and every journal obeys the same rules.
 */
export interface JournalPlan {
  opening: { on: string; status: ProjectStatus; progress: number; note?: string };
  events?: JournalEvent[];
  /**
   * The latest report. `behindSchedule: n` puts the progress n points below the time elapsed
   * (negative: ahead) on the day the demo is loaded, so that its health reads the same any day.
   */
  latest: { on: string; progress: number | { behindSchedule: number }; note?: string };
}

/** What the journal builder needs to know of a project. */
export interface JournalSubject {
  code: string;
  type: ProjectType;
  budget: string;
  /** What 100 % will cost, when it differs from the budget (an overrun); spending follows progress. */
  costAtCompletion?: string;
  housingPlanned?: number;
  householdsTargeted?: number;
  hectares?: string;
  start: string;
  /** The planned end first agreed; events may move it. */
  plannedEnd: string;
  journal: JournalPlan;
}

/** The figures a progress report carries, which the project row repeats from its latest report. */
export interface ReportedState {
  status: ProjectStatus;
  physicalProgress: string;
  spentAmount: string;
  housingUnitsDelivered: number;
  householdsRelocated: number;
  hectares: string;
}

export interface JournalReport extends ReportedState {
  reportedAt: Date;
  previousStatus: ProjectStatus;
  /** Set on the reports that moved the planned end. */
  plannedEndDate: string | null;
  reasonCode: ReasonCode | null;
  note: string;
}

export interface JournalMilestone {
  position: number;
  title: string;
  plannedDate: string;
  actualDate: string | null;
}

export interface BuiltJournal {
  reports: JournalReport[];
  milestones: JournalMilestone[];
  /** The project row: the latest report's figures, the planned end in force, the actual end if delivered. */
  current: ReportedState & { plannedEndDate: string; actualEndDate: string | null; lastReportedAt: Date };
}

/** Steps of each kind of operation, reached at a share of physical progress (%). */
const MILESTONES: Record<ProjectType, readonly (readonly [string, number])[]> = {
  NEW_TOWN: [
    ['Mobilisation et apurement du foncier', 5],
    ["Approbation du plan d'aménagement", 10],
    ['Voirie et réseaux divers primaires de la première tranche', 30],
    ['Mise en service des premiers équipements publics', 50],
    ['Livraison de la moitié des logements', 75],
    ['Achèvement de la ville nouvelle', 100],
  ],
  NEW_URBAN_POLE: [
    ['Apurement foncier', 5],
    ['Autorisation de lotir', 15],
    ['Voirie et réseaux divers de la première tranche', 40],
    ['Livraison des premiers logements', 60],
    ['Réception définitive', 100],
  ],
  SLUM_RESORPTION: [
    ['Recensement des ménages', 5],
    ['Viabilisation des lots de recasement', 30],
    ['Relogement de la moitié des ménages', 55],
    ['Démolition des baraques et libération du foncier', 85],
    ["Clôture de l'opération", 100],
  ],
  THREATENED_BUILDINGS: [
    ['Expertise technique des bâtisses', 10],
    ['Évacuation des bâtisses menaçant ruine', 35],
    ['Démolition ou confortement', 70],
    ['Relogement achevé', 100],
  ],
  URBAN_UPGRADING: [
    ['Études techniques', 10],
    ['Voirie et assainissement', 50],
    ['Éclairage public et aménagements paysagers', 80],
    ['Réception des travaux', 100],
  ],
  PUBLIC_EQUIPMENT: [
    ['Études et autorisations', 10],
    ['Écoles', 50],
    ['Centres de santé et espaces sportifs', 85],
    ['Mise en service', 100],
  ],
  ACTIVITY_ZONE: [
    ['Études et autorisations', 15],
    ['Voirie et réseaux divers', 60],
    ['Commercialisation des lots', 80],
    ['Réception', 100],
  ],
  EMERGING_CENTRE: [
    ['Diagnostic territorial et plan de développement', 5],
    ["Études d'aménagement", 20],
    ['Équipements structurants', 60],
    ['Réception', 100],
  ],
  SOCIAL_HOUSING: [
    ['Permis de construire', 10],
    ['Gros œuvre', 45],
    ['Second œuvre et raccordements', 80],
    ['Livraison des logements', 100],
  ],
  OTHER: [
    ['Études', 20],
    ['Travaux', 70],
    ['Réception', 100],
  ],
};

const PHASE: Record<ProjectStatus, string> = {
  PROGRAMMED: 'opération programmée',
  STUDIES: 'études en cours',
  WORKS: 'travaux en cours',
  DELIVERED: 'opération livrée',
  SUSPENDED: 'opération suspendue',
  CANCELLED: 'opération annulée',
};

const french = (value: number, digits = 0) =>
  value.toLocaleString('fr-FR', { maximumFractionDigits: digits });

/** Progress as a piecewise-linear curve of time: 0 at the start, flat while suspended. */
type Curve = readonly { day: string; progress: number }[];

function progressOn(curve: Curve, day: string): number {
  if (day <= curve[0].day) return curve[0].progress;
  for (let i = 1; i < curve.length; i++) {
    const [a, b] = [curve[i - 1], curve[i]];
    if (day <= b.day) {
      const span = daysBetween(a.day, b.day);
      return span === 0
        ? b.progress
        : a.progress + ((b.progress - a.progress) * daysBetween(a.day, day)) / span;
    }
  }
  return curve[curve.length - 1].progress;
}

/** The first day the curve reaches `progress`, or null if it never does. */
function dayReaching(curve: Curve, progress: number): string | null {
  for (let i = 0; i < curve.length; i++) {
    if (curve[i].progress < progress) continue;
    if (i === 0) return curve[0].day;
    const [a, b] = [curve[i - 1], curve[i]];
    const span = daysBetween(a.day, b.day);
    return addDays(a.day, Math.ceil((span * (progress - a.progress)) / (b.progress - a.progress)));
  }
  return null;
}

/** Every 30 June and 31 December strictly between two days. */
function halfYearEnds(after: string, before: string): string[] {
  const days: string[] = [];
  for (let year = Number(after.slice(0, 4)); year <= Number(before.slice(0, 4)); year++) {
    for (const day of [`${year}-06-30`, `${year}-12-31`]) if (day > after && day < before) days.push(day);
  }
  return days;
}

/**
 * The journal of one demo project, checked against the rules the api enforces (PRODUCT.md): legal
 * status transitions, a reason for a suspension or a later planned end, DELIVERED at 100 % and last,
 * progress and spending that never go back, every report in the past.
 */
export function buildJournal(project: JournalSubject, today: string): BuiltJournal {
  const fail = (message: string): never => {
    throw new Error(`demo journal ${project.code}: ${message}`);
  };
  const { opening, latest } = project.journal;
  const events = [...(project.journal.events ?? [])];
  if (latest.on >= today) fail(`latest report ${latest.on} is not in the past`);
  if (opening.on > latest.on) fail('opening report after the latest');
  events.forEach((event, i) => {
    if (event.on <= opening.on || event.on > latest.on) fail(`event ${event.on} outside the journal`);
    if (i > 0 && event.on <= events[i - 1].on) fail(`events out of order at ${event.on}`);
  });
  const plannedEnd = events.reduce((end, event) => event.plannedEnd ?? end, project.plannedEnd);

  // The progress the latest report states, and the curve leading to it.
  const elapsed = Math.min(
    100,
    Math.max(0, (daysBetween(project.start, today) * 100) / daysBetween(project.start, plannedEnd)),
  );
  const final =
    typeof latest.progress === 'number'
      ? latest.progress
      : Math.round(elapsed - latest.progress.behindSchedule);
  if (final < opening.progress || final > 100) fail(`latest progress ${final} out of range`);
  const statusOn = (day: string) =>
    events.reduce(
      (status, event) => (event.on <= day && event.status ? event.status : status),
      opening.status,
    );
  const boundaries = [opening.on, ...events.filter((e) => e.status).map((e) => e.on), latest.on];
  const activeDays = (day: string) =>
    boundaries
      .slice(0, -1)
      .reduce(
        (sum, from, i) =>
          statusOn(from) === 'SUSPENDED' || from >= day
            ? sum
            : sum + daysBetween(from, boundaries[i + 1] < day ? boundaries[i + 1] : day),
        0,
      );
  const totalActive = activeDays(latest.on) || 1;
  const curve: Curve = [
    ...(project.start < opening.on ? [{ day: project.start, progress: 0 }] : []),
    ...boundaries.map((day) => ({
      day,
      progress: opening.progress + ((final - opening.progress) * activeDays(day)) / totalActive,
    })),
  ];

  const cost = Number(project.costAtCompletion ?? project.budget);
  const stateOn = (day: string, status: ProjectStatus): ReportedState => {
    const progress = day === latest.on ? final : Math.round(progressOn(curve, day) * 10) / 10;
    return {
      status,
      physicalProgress: progress.toFixed(2),
      spentAmount: (Math.round((cost * progress) / 100 / 1000) * 1000).toFixed(2),
      housingUnitsDelivered: Math.floor(((project.housingPlanned ?? 0) * progress) / 100),
      householdsRelocated: Math.floor(((project.householdsTargeted ?? 0) * progress) / 100),
      hectares: project.hectares ?? '0.00',
    };
  };
  const periodicNote = (state: ReportedState) =>
    [
      `Point d'étape : ${PHASE[state.status]}, avancement physique ${french(Number(state.physicalProgress), 1)} %`,
      `${french(Number(state.spentAmount) / 1e6, 1)} M MAD dépensés`,
      ...(state.housingUnitsDelivered ? [`${french(state.housingUnitsDelivered)} logements livrés`] : []),
      ...(state.householdsRelocated ? [`${french(state.householdsRelocated)} ménages relogés`] : []),
    ].join(', ') + '.';

  const eventDays = new Set(events.map((e) => e.on));
  const days = [
    ...new Set([
      opening.on,
      ...halfYearEnds(opening.on, latest.on).filter(
        (day) => ![...eventDays, latest.on].some((other) => Math.abs(daysBetween(day, other)) < 20),
      ),
      ...eventDays,
      latest.on,
    ]),
  ].sort();

  let previousStatus = opening.status;
  let endInForce = project.plannedEnd;
  const reports = days.map((day): JournalReport => {
    const event = events.find((e) => e.on === day);
    const state = stateOn(day, statusOn(day));
    if (state.status !== previousStatus && !PROJECT_TRANSITIONS[previousStatus].includes(state.status))
      fail(`${previousStatus} → ${state.status} on ${day}`);
    const needsReason =
      (state.status !== previousStatus &&
        (PROJECT_STATUSES_NEEDING_REASON as readonly string[]).includes(state.status)) ||
      (event?.plannedEnd !== undefined && event.plannedEnd > endInForce);
    if (needsReason && !event?.reason) fail(`the report of ${day} needs a reason`);
    if (state.status === 'DELIVERED' && (day !== latest.on || final !== 100))
      fail('DELIVERED must be the latest report, at 100 %');
    const report: JournalReport = {
      ...state,
      reportedAt: DemoCalendar.at(day),
      previousStatus,
      plannedEndDate: event?.plannedEnd ?? null,
      reasonCode: event?.reason ?? null,
      note:
        event?.note ??
        (day === opening.on ? opening.note : day === latest.on ? latest.note : undefined) ??
        periodicNote(state),
    };
    previousStatus = state.status;
    endInForce = event?.plannedEnd ?? endInForce;
    return report;
  });

  const last = reports[reports.length - 1];
  const planSpan = daysBetween(project.start, project.plannedEnd);
  return {
    reports,
    milestones: MILESTONES[project.type].map(([title, share], i) => ({
      position: i + 1,
      title,
      plannedDate: addDays(project.start, Math.round((planSpan * share) / 100)),
      actualDate: dayReaching(curve, share),
    })),
    current: {
      status: last.status,
      physicalProgress: last.physicalProgress,
      spentAmount: last.spentAmount,
      housingUnitsDelivered: last.housingUnitsDelivered,
      householdsRelocated: last.householdsRelocated,
      hectares: last.hectares,
      plannedEndDate: endInForce,
      actualEndDate: last.status === 'DELIVERED' ? latest.on : null,
      lastReportedAt: last.reportedAt,
    },
  };
}
