import { ActionEntity } from '@convergence/server/actions';
import { AuditEventEntity } from '@convergence/server/audit';
import { CommitmentEntity } from '@convergence/server/commitments';
import { todayInMorocco } from '@convergence/server/core';
import { OrganizationEntity } from '@convergence/server/organizations';
import { ProjectEntity } from '@convergence/server/projects';
import { TerritoryEntity } from '@convergence/server/territories';
import { UserEntity } from '@convergence/server/users';
import type {
  ActionStatus,
  CommitmentKind,
  CommitmentStatus,
  ProjectStatus,
} from '@convergence/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** Demo organisations the fixtures give projects, commitments and actions to (libs/server/demo). */
export const ORG = {
  ministry:
    "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville",
  holding: 'Groupe Al Omrane',
  casablancaCouncil: 'Conseil de la Région Casablanca-Settat',
  wilaya: 'Wilaya de la Région Casablanca-Settat',
  saoCasablanca: 'Société Al Omrane Casablanca-Settat',
  prefecture: 'Préfecture de Casablanca',
  marrakechCouncil: 'Conseil de la Région Marrakech-Safi',
  saoMarrakech: 'Société Al Omrane Marrakech-Safi',
  /** Created by the fixtures: no demo commitment is its, so its scores are known exactly. */
  fixturePartner: 'Partenaire des tests FIX',
} as const;
type OrgKey = keyof typeof ORG;

/** The calendar day `days` after today in Morocco (negative: before), as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const date = new Date(`${todayInMorocco()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface DashboardFixtures {
  organizationIds: Record<OrgKey, string>;
  /** Project ids by fixture code. */
  projectIds: Record<string, string>;
  /** The communes the fixture projects are in. */
  communes: { casablancaA: string; casablancaB: string; settat: string; marrakech: string };
  /** The audit events of FIX-CASA-1, newest first as the trail lists them (ids). */
  casa1TrailNewestFirst: string[];
}

interface ProjectSpec {
  code: string;
  commune: TerritoryEntity;
  lead: OrgKey;
  partners?: OrgKey[];
  status: ProjectStatus;
  physicalProgress: string;
  budget: string;
  spentAmount: string;
  figures: [planned: number, delivered: number, targeted: number, relocated: number, hectares: string];
  startDate: string | null;
  plannedEndDate: string | null;
}

interface CommitmentSpec {
  title: string;
  organization: OrgKey;
  kind: CommitmentKind;
  /** A project code, or the scope of a commitment without a project. */
  place: string | { regionCode: string | null; provinceCode: string | null };
  status: CommitmentStatus;
  amount?: string;
  quantity?: [string, string];
  fulfilledAmount?: string;
  dueDate: string;
  fulfilledOn?: string;
}

interface ActionSpec {
  title: string;
  responsible: OrgKey;
  contributors?: OrgKey[];
  territory: TerritoryEntity;
  status: ActionStatus;
  dueDate: string;
}

async function firstCommuneUnder(manager: EntityManager, path: string, skip = 0): Promise<TerritoryEntity> {
  return manager
    .getRepository(TerritoryEntity)
    .createQueryBuilder('t')
    .where("t.kind = 'COMMUNE' AND t.path LIKE :path", { path: `${path}%` })
    .orderBy('t.code')
    .offset(skip)
    .getOneOrFail();
}

/**
 * Projects, commitments, actions and audit events of their own (codes FIX-…), so that the dashboard,
 * scorecard and audit-trail tests do not depend on the demo story: two Casablanca communes, one in
 * Settat, one in Marrakech; commitments fulfilled on time and late, partly fulfilled, late, declared,
 * cancelled, national and by quantity; actions overdue and not. The tests compute what each persona
 * should see from the rows themselves.
 */
export async function createDashboardFixtures(dataSource: DataSource): Promise<DashboardFixtures> {
  return dataSource.transaction(async (manager) => {
    await manager
      .getRepository(OrganizationEntity)
      .insert({ name: ORG.fixturePartner, kind: 'OTHER_PARTNER', territoryCode: null, regionCode: null });
    const organizations = await manager.getRepository(OrganizationEntity).find();
    const organizationIds = Object.fromEntries(
      Object.entries(ORG).map(([key, name]) => {
        const organization = organizations.find((o) => o.name === name);
        if (!organization) throw new Error(`fixtures: no demo organisation "${name}"`);
        return [key, organization.id];
      }),
    ) as Record<OrgKey, string>;

    const casablancaA = await firstCommuneUnder(manager, '06/06.141/');
    const casablancaB = await firstCommuneUnder(manager, '06/06.141/', 1);
    const settat = await firstCommuneUnder(manager, '06/06.461/');
    const marrakech = await firstCommuneUnder(manager, '07/');

    const projects: ProjectSpec[] = [
      {
        code: 'FIX-CASA-1',
        commune: casablancaA,
        lead: 'saoCasablanca',
        partners: ['casablancaCouncil'],
        status: 'WORKS',
        physicalProgress: '40.00',
        budget: '100000000.00',
        spentAmount: '40000000.00',
        figures: [1000, 200, 500, 120, '12.50'],
        startDate: dayFromToday(-730),
        plannedEndDate: dayFromToday(730),
      },
      {
        code: 'FIX-CASA-2',
        commune: casablancaB,
        lead: 'saoCasablanca',
        status: 'DELIVERED',
        physicalProgress: '100.00',
        budget: '55000000.55',
        spentAmount: '54000000.40',
        figures: [300, 300, 0, 0, '3.25'],
        startDate: dayFromToday(-1500),
        plannedEndDate: dayFromToday(-100),
      },
      {
        code: 'FIX-CASA-3',
        commune: casablancaA,
        lead: 'saoCasablanca',
        status: 'SUSPENDED',
        physicalProgress: '10.00',
        budget: '8000000.10',
        spentAmount: '2000000.00',
        figures: [0, 0, 400, 35, '0.00'],
        startDate: dayFromToday(-400),
        plannedEndDate: dayFromToday(300),
      },
      {
        // The Préfecture de Casablanca is a partner outside its prefecture: it reads this one by involvement.
        code: 'FIX-SETTAT-1',
        commune: settat,
        lead: 'saoCasablanca',
        partners: ['prefecture'],
        status: 'STUDIES',
        physicalProgress: '5.00',
        budget: '20000000.00',
        spentAmount: '500000.00',
        figures: [600, 0, 0, 0, '40.00'],
        startDate: dayFromToday(-60),
        plannedEndDate: dayFromToday(1000),
      },
      {
        code: 'FIX-MS-1',
        commune: marrakech,
        lead: 'saoMarrakech',
        status: 'PROGRAMMED',
        physicalProgress: '0.00',
        budget: '30000000.00',
        spentAmount: '0.00',
        figures: [800, 0, 250, 0, '25.00'],
        startDate: null,
        plannedEndDate: null,
      },
    ];
    const projectIds: Record<string, string> = {};
    const projectRows = new Map<string, { regionCode: string; provinceCode: string }>();
    for (const spec of projects) {
      const [planned, delivered, targeted, relocated, hectares] = spec.figures;
      const scope = { regionCode: spec.commune.regionCode, provinceCode: spec.commune.provinceCode ?? '' };
      const { identifiers } = await manager.getRepository(ProjectEntity).insert({
        code: spec.code,
        title: `Fixture ${spec.code}`,
        type: 'SOCIAL_HOUSING',
        communeCode: spec.commune.code,
        ...scope,
        leadOrganizationId: organizationIds[spec.lead],
        partnerOrganizationIds: (spec.partners ?? []).map((key) => organizationIds[key]),
        status: spec.status,
        physicalProgress: spec.physicalProgress,
        budget: spec.budget,
        spentAmount: spec.spentAmount,
        housingUnitsPlanned: planned,
        housingUnitsDelivered: delivered,
        householdsTargeted: targeted,
        householdsRelocated: relocated,
        hectares,
        startDate: spec.startDate,
        plannedEndDate: spec.plannedEndDate,
        lastReportedAt: new Date(),
      });
      projectIds[spec.code] = identifiers[0]['id'] as string;
      projectRows.set(spec.code, scope);
    }

    const commitments: CommitmentSpec[] = [
      // The fixture partner's record, the one whose scores the tests work out by hand.
      {
        title: 'Partner funding, on time',
        organization: 'fixturePartner',
        kind: 'FUNDING',
        place: 'FIX-CASA-1',
        status: 'FULFILLED',
        amount: '30000000.00',
        fulfilledAmount: '30000000.00',
        dueDate: dayFromToday(-200),
        fulfilledOn: dayFromToday(-230),
      },
      {
        title: 'Partner funding, 30 days late',
        organization: 'fixturePartner',
        kind: 'FUNDING',
        place: 'FIX-CASA-2',
        status: 'FULFILLED',
        amount: '20000000.00',
        fulfilledAmount: '20000000.00',
        dueDate: dayFromToday(-300),
        fulfilledOn: dayFromToday(-270),
      },
      {
        title: 'Partner funding for the region, partly and 10 days late',
        organization: 'fixturePartner',
        kind: 'FUNDING',
        place: { regionCode: '06', provinceCode: null },
        status: 'PARTIALLY_FULFILLED',
        amount: '15000000.00',
        fulfilledAmount: '5000000.00',
        dueDate: dayFromToday(-120),
        fulfilledOn: dayFromToday(-110),
      },
      {
        title: 'Partner funding in Settat, 10 days late',
        organization: 'fixturePartner',
        kind: 'FUNDING',
        place: 'FIX-SETTAT-1',
        status: 'IN_PROGRESS',
        amount: '10000000.00',
        dueDate: dayFromToday(-10),
      },
      {
        title: 'Partner land, not due yet',
        organization: 'fixturePartner',
        kind: 'LAND',
        place: 'FIX-CASA-1',
        status: 'PLANNED',
        quantity: ['20.00', 'ha'],
        dueDate: dayFromToday(90),
      },
      {
        title: 'Partner funding, cancelled',
        organization: 'fixturePartner',
        kind: 'FUNDING',
        place: 'FIX-CASA-1',
        status: 'CANCELLED',
        amount: '7000000.00',
        dueDate: dayFromToday(-50),
      },
      // The personas' own organisations, for scope and involvement.
      {
        title: 'Council co-funding, on time',
        organization: 'casablancaCouncil',
        kind: 'FUNDING',
        place: 'FIX-CASA-1',
        status: 'FULFILLED',
        amount: '5000000.00',
        fulfilledAmount: '5000000.00',
        dueDate: dayFromToday(-30),
        fulfilledOn: dayFromToday(-31),
      },
      {
        title: 'Council co-funding in Settat, late',
        organization: 'casablancaCouncil',
        kind: 'FUNDING',
        place: 'FIX-SETTAT-1',
        status: 'PLANNED',
        amount: '2500000.00',
        dueDate: dayFromToday(-2),
      },
      {
        title: 'Prefecture permit, declared',
        organization: 'prefecture',
        kind: 'PERMIT',
        place: 'FIX-CASA-1',
        status: 'DECLARED',
        dueDate: dayFromToday(-15),
      },
      {
        title: 'Prefecture relocation, 40 days late',
        organization: 'prefecture',
        kind: 'RELOCATION',
        place: 'FIX-CASA-3',
        status: 'IN_PROGRESS',
        quantity: ['300.00', 'ménages'],
        dueDate: dayFromToday(-40),
      },
      {
        title: 'Prefecture study for its province, on time',
        organization: 'prefecture',
        kind: 'STUDY',
        place: { regionCode: '06', provinceCode: '06.141' },
        status: 'FULFILLED',
        amount: '250000.25',
        fulfilledAmount: '250000.25',
        dueDate: dayFromToday(-5),
        fulfilledOn: dayFromToday(-5),
      },
      {
        title: 'Marrakech subsidiary funding, late',
        organization: 'saoMarrakech',
        kind: 'FUNDING',
        place: 'FIX-MS-1',
        status: 'IN_PROGRESS',
        amount: '12000000.00',
        dueDate: dayFromToday(-5),
      },
      {
        title: 'Ministry national funding, late',
        organization: 'ministry',
        kind: 'FUNDING',
        place: { regionCode: null, provinceCode: null },
        status: 'PLANNED',
        amount: '1000000.00',
        dueDate: dayFromToday(-3),
      },
    ];
    for (const spec of commitments) {
      const onProject = typeof spec.place === 'string';
      await manager.getRepository(CommitmentEntity).insert({
        title: spec.title,
        kind: spec.kind,
        organizationId: organizationIds[spec.organization],
        projectId: onProject ? projectIds[spec.place as string] : null,
        ...(onProject ? projectRows.get(spec.place as string) : (spec.place as object)),
        amount: spec.amount ?? null,
        quantity: spec.quantity?.[0] ?? null,
        quantityUnit: spec.quantity?.[1] ?? null,
        fulfilledAmount: spec.fulfilledAmount ?? '0',
        dueDate: spec.dueDate,
        originalDueDate: spec.dueDate,
        status: spec.status,
        fulfilledOn: spec.fulfilledOn ?? null,
      });
    }

    const actions: ActionSpec[] = [
      {
        title: 'Relocate households, overdue',
        responsible: 'prefecture',
        territory: casablancaA,
        status: 'OPEN',
        dueDate: dayFromToday(-5),
      },
      {
        title: 'Clear the land, done',
        responsible: 'wilaya',
        territory: await manager.getRepository(TerritoryEntity).findOneByOrFail({ code: '06.141' }),
        status: 'DONE',
        dueDate: dayFromToday(-20),
      },
      {
        title: 'Regional permit, blocked and overdue',
        responsible: 'casablancaCouncil',
        territory: await manager.getRepository(TerritoryEntity).findOneByOrFail({ code: '06' }),
        status: 'BLOCKED',
        dueDate: dayFromToday(-20),
      },
      {
        title: 'Settat works, not due yet',
        responsible: 'saoCasablanca',
        contributors: ['prefecture'],
        territory: settat,
        status: 'OPEN',
        dueDate: dayFromToday(30),
      },
      {
        title: 'Marrakech survey, overdue',
        responsible: 'saoMarrakech',
        territory: marrakech,
        status: 'IN_PROGRESS',
        dueDate: dayFromToday(-1),
      },
    ];
    for (const spec of actions) {
      await manager.getRepository(ActionEntity).insert({
        title: spec.title,
        responsibleOrganizationId: organizationIds[spec.responsible],
        contributorOrganizationIds: (spec.contributors ?? []).map((key) => organizationIds[key]),
        territoryCode: spec.territory.code,
        regionCode: spec.territory.regionCode,
        provinceCode: spec.territory.provinceCode,
        dueDate: spec.dueDate,
        priority: 'MEDIUM',
        status: spec.status,
      });
    }

    const casa1TrailNewestFirst = await insertAuditEvents(manager, projectIds);
    return {
      organizationIds,
      projectIds,
      communes: {
        casablancaA: casablancaA.code,
        casablancaB: casablancaB.code,
        settat: settat.code,
        marrakech: marrakech.code,
      },
      casa1TrailNewestFirst,
    };
  });
}

/**
 * Six events on FIX-CASA-1 by the SAO manager, the platform (no actor) and the ministry official,
 * two of them at the same instant (one transaction), and one on FIX-MS-1 that its trail must not show.
 */
async function insertAuditEvents(
  manager: EntityManager,
  projectIds: Record<string, string>,
): Promise<string[]> {
  const userId = async (email: string) =>
    (await manager.getRepository(UserEntity).findOneByOrFail({ email })).id;
  const sao = await userId('sao@demo.convergence.ma');
  const ministry = await userId('ministere@demo.convergence.ma');
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const sameInstant = hoursAgo(2);
  const events: Omit<AuditEventEntity, 'id'>[] = [
    event(sao, 'CREATE', 'createProject', projectIds['FIX-CASA-1'], hoursAgo(50), {
      status: [null, 'PROGRAMMED'],
    }),
    event(sao, 'UPDATE', 'reportProjectProgress', projectIds['FIX-CASA-1'], hoursAgo(40), {
      status: ['PROGRAMMED', 'WORKS'],
    }),
    event(null, 'UPDATE', 'importProjects', projectIds['FIX-CASA-1'], hoursAgo(30), {
      budget: ['90000000.00', '100000000.00'],
    }),
    event(ministry, 'UPDATE', 'updateProject', projectIds['FIX-CASA-1'], sameInstant, {
      title: ['Old title', 'Fixture FIX-CASA-1'],
    }),
    event(ministry, 'UPDATE', 'updateProject', projectIds['FIX-CASA-1'], sameInstant, {
      plannedEndDate: ['2027-01-01', '2028-01-01'],
    }),
    event(sao, 'UPDATE', 'reportProjectProgress', projectIds['FIX-CASA-1'], hoursAgo(1), {
      physicalProgress: ['35.00', '40.00'],
    }),
    event(sao, 'CREATE', 'createProject', projectIds['FIX-MS-1'], hoursAgo(1), {
      status: [null, 'PROGRAMMED'],
    }),
  ];
  const { identifiers } = await manager.getRepository(AuditEventEntity).insert(events as never);
  const ids = identifiers.map((identifier) => identifier['id'] as string);
  const casa1 = events
    .map((row, index) => ({ ...row, id: ids[index] }))
    .filter((row) => row.subjectId === projectIds['FIX-CASA-1']);
  // Newest first, then by id descending for events of the same instant (the trail's order).
  return casa1.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).map((row) => row.id);
}

function event(
  actorUserId: string | null,
  action: AuditEventEntity['action'],
  operation: string,
  subjectId: string,
  at: Date,
  changes: AuditEventEntity['changes'],
): Omit<AuditEventEntity, 'id'> {
  return { actorUserId, action, operation, subjectType: 'PROJECT', subjectId, at, changes };
}
