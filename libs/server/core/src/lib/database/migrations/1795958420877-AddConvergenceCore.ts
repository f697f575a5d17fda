import { MigrationInterface, QueryRunner } from 'typeorm';

/** The text columns the lists search in. */
const TRIGRAM_INDEXED = [
  ['project', 'code'],
  ['project', 'title'],
  ['convention', 'code'],
  ['convention', 'title'],
  ['commitment', 'title'],
  ['action', 'title'],
] as const;

export class AddConvergenceCore1795958420877 implements MigrationInterface {
  name = 'AddConvergenceCore1795958420877';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "forum" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "theme" character varying(500) NOT NULL,
                "held_on" date NOT NULL,
                "place" character varying(200) NOT NULL,
                "region_code" character varying(16),
                "province_code" character varying(16),
                "participant_organization_ids" uuid array NOT NULL DEFAULT '{}',
                "resolutions" text array NOT NULL DEFAULT '{}',
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_ffd925a9b1fa44ab1ce26c9821c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "forum_held_on_idx" ON "forum" ("held_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "forum_region_code_idx" ON "forum" ("region_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "action" character varying(16) NOT NULL,
                "operation" character varying(64) NOT NULL,
                "subject_type" character varying(32) NOT NULL,
                "subject_id" uuid NOT NULL,
                "changes" jsonb NOT NULL,
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_event_subject_idx" ON "audit_event" ("subject_type", "subject_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "project_milestone" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "project_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "planned_date" date NOT NULL,
                "actual_date" date,
                CONSTRAINT "PK_7a9da5fbeade8826432de525d1a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "project_milestone_project_idx" ON "project_milestone" ("project_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "project_progress_report" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "project_id" uuid NOT NULL,
                "author_user_id" uuid,
                "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "previous_status" character varying(32) NOT NULL,
                "status" character varying(32) NOT NULL,
                "physical_progress" numeric(5, 2) NOT NULL,
                "spent_amount" numeric(16, 2) NOT NULL,
                "housing_units_delivered" integer NOT NULL,
                "households_relocated" integer NOT NULL,
                "hectares" numeric(10, 2) NOT NULL,
                "planned_end_date" date,
                "note" character varying(2000) NOT NULL,
                "reason_code" character varying(32),
                CONSTRAINT "PK_6ecd9ab14cbe4c41023b3a43560" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "project_progress_report_project_idx" ON "project_progress_report" ("project_id", "reported_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "action" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "description" character varying(5000) NOT NULL DEFAULT '',
                "responsible_organization_id" uuid NOT NULL,
                "contributor_organization_ids" uuid array NOT NULL DEFAULT '{}',
                "territory_code" character varying(16) NOT NULL,
                "region_code" character varying(16),
                "province_code" character varying(16),
                "forum_id" uuid,
                "project_id" uuid,
                "due_date" date NOT NULL,
                "priority" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL,
                "status_reason_code" character varying(32),
                "status_note" character varying(2000),
                "done_on" date,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_2d9db9cf5edfbbae74eb56e3a39" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "action_priority_idx" ON "action" ("priority")
        `);
    await queryRunner.query(`
            CREATE INDEX "action_due_date_idx" ON "action" ("due_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "action_status_due_date_idx" ON "action" ("status", "due_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "action_project_id_idx" ON "action" ("project_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "action_forum_id_idx" ON "action" ("forum_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "action_territory_code_idx" ON "action" ("territory_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "action_province_code_idx" ON "action" ("province_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "action_region_code_idx" ON "action" ("region_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "action_responsible_organization_id_idx" ON "action" ("responsible_organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "convention" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(40) NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" character varying(5000) NOT NULL DEFAULT '',
                "signed_on" date,
                "region_code" character varying(16),
                "province_code" character varying(16),
                "party_organization_ids" uuid array NOT NULL DEFAULT '{}',
                "project_ids" uuid array NOT NULL DEFAULT '{}',
                "forum_id" uuid,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_c63491e72614dcea4f98dc22ba7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "convention_code_key" ON "convention" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "convention_forum_id_idx" ON "convention" ("forum_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "convention_region_code_idx" ON "convention" ("region_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "commitment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "description" character varying(5000) NOT NULL DEFAULT '',
                "kind" character varying(32) NOT NULL,
                "organization_id" uuid NOT NULL,
                "convention_id" uuid,
                "project_id" uuid,
                "forum_id" uuid,
                "region_code" character varying(16),
                "province_code" character varying(16),
                "amount" numeric(16, 2),
                "quantity" numeric(16, 2),
                "quantity_unit" character varying(32),
                "fulfilled_amount" numeric(16, 2) NOT NULL DEFAULT '0',
                "fulfilled_quantity" numeric(16, 2) NOT NULL DEFAULT '0',
                "due_date" date NOT NULL,
                "original_due_date" date NOT NULL,
                "status" character varying(32) NOT NULL,
                "status_reason_code" character varying(32),
                "status_note" character varying(2000),
                "fulfilled_on" date,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_7a0899978d100f72269b3045d7e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_due_date_idx" ON "commitment" ("due_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_kind_idx" ON "commitment" ("kind")
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_status_due_date_idx" ON "commitment" ("status", "due_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_forum_id_idx" ON "commitment" ("forum_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_project_id_idx" ON "commitment" ("project_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_convention_id_idx" ON "commitment" ("convention_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_province_code_idx" ON "commitment" ("province_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_region_code_idx" ON "commitment" ("region_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_organization_id_idx" ON "commitment" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "commitment_fulfilment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "commitment_id" uuid NOT NULL,
                "declared_by_user_id" uuid,
                "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "amount" numeric(16, 2),
                "quantity" numeric(16, 2),
                "complete" boolean NOT NULL,
                "note" character varying(2000) NOT NULL,
                "verified_by_user_id" uuid,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "accepted" boolean,
                "verification_note" character varying(2000),
                CONSTRAINT "PK_659dd4ddec1434b1eaa499a3b22" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_fulfilment_commitment_idx" ON "commitment_fulfilment" ("commitment_id", "declared_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "commitment_due_date_change" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "commitment_id" uuid NOT NULL,
                "changed_by_user_id" uuid,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "previous_due_date" date NOT NULL,
                "new_due_date" date NOT NULL,
                "reason_code" character varying(32) NOT NULL,
                "note" character varying(2000) NOT NULL DEFAULT '',
                CONSTRAINT "PK_0dec4939eb212cfe7b79a69f85d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "commitment_due_date_change_commitment_idx" ON "commitment_due_date_change" ("commitment_id", "changed_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD "last_reported_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "project_milestone"
            ADD CONSTRAINT "FK_a111304a8272ba72e9c44eac47c" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_progress_report"
            ADD CONSTRAINT "FK_635cb2245cf5485bdafa2e82d9d" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action"
            ADD CONSTRAINT "FK_19a6fa19a171cda2b8572af642a" FOREIGN KEY ("responsible_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action"
            ADD CONSTRAINT "FK_ae9c001d060dc6b5eb62df8eb45" FOREIGN KEY ("territory_code") REFERENCES "territory"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action"
            ADD CONSTRAINT "FK_87432980bfb8e4fe6e79a6ac035" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action"
            ADD CONSTRAINT "FK_6132b7df6c84fccf6d9a750a64e" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "convention"
            ADD CONSTRAINT "FK_88befeb4e29636fccdca9eacc6b" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment"
            ADD CONSTRAINT "FK_55845cd69db9a168d957e2e3386" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment"
            ADD CONSTRAINT "FK_09b5cd81665463390434a540989" FOREIGN KEY ("convention_id") REFERENCES "convention"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment"
            ADD CONSTRAINT "FK_cc3c91549cd2655f1084f855385" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment"
            ADD CONSTRAINT "FK_1f2d200a7d16f205656eca54b24" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_fulfilment"
            ADD CONSTRAINT "FK_d8919fca8787c33a050f4fb283c" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_due_date_change"
            ADD CONSTRAINT "FK_8e4302aaba57ae1afb8141dd37d" FOREIGN KEY ("commitment_id") REFERENCES "commitment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Written by hand: TypeORM cannot declare GIN indexes. They serve the involvement permission
    // rules (`… @> ARRAY[$1]`, ADR 0003) and "the conventions funding this project".
    for (const [table, column] of [
      ['forum', 'participant_organization_ids'],
      ['convention', 'party_organization_ids'],
      ['convention', 'project_ids'],
      ['action', 'contributor_organization_ids'],
    ]) {
      await queryRunner.query(`CREATE INDEX "${table}_${column}_idx" ON "${table}" USING GIN ("${column}")`);
    }
    // Written by hand: the health rule of ADR 0008, in one place for lists, filters, sorting and the
    // dashboard. `today` is a parameter (Morocco's calendar day in production) so that the rule is
    // testable on any date. Thresholds: schedule or money 10 points behind → AT_RISK, 25 → OFF_TRACK;
    // planned end passed or suspended → OFF_TRACK; no progress report for 60 days → at least AT_RISK.
    await queryRunner.query(`
            CREATE FUNCTION project_health(
              status varchar, progress numeric, budget numeric, spent numeric, start_date date,
              planned_end_date date, last_reported_at timestamptz, created_at timestamptz, today date
            ) RETURNS varchar LANGUAGE sql STABLE PARALLEL SAFE AS $$
              SELECT CASE
                WHEN status IN ('DELIVERED', 'CANCELLED') THEN NULL
                WHEN status = 'SUSPENDED' OR planned_end_date < today THEN 'OFF_TRACK'
                WHEN m.schedule_gap > 25 OR m.overspend > 25 THEN 'OFF_TRACK'
                WHEN m.schedule_gap > 10 OR m.overspend > 10 OR m.stale THEN 'AT_RISK'
                ELSE 'ON_TRACK'
              END
              FROM (SELECT
                CASE WHEN start_date IS NULL OR planned_end_date IS NULL OR planned_end_date <= start_date THEN 0
                     ELSE LEAST(100, GREATEST(0, (today - start_date) * 100.0 / (planned_end_date - start_date))) - progress
                END AS schedule_gap,
                CASE WHEN budget > 0 THEN spent * 100.0 / budget - progress ELSE 0 END AS overspend,
                (COALESCE(last_reported_at, created_at) AT TIME ZONE 'Africa/Casablanca')::date < today - 60 AS stale
              ) AS m
            $$
        `);
    // Written by hand: trigram indexes for the lists' text search (`ILIKE '%words%'`); pg_trgm is a
    // trusted extension, so the database owner may create it.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [table, column] of TRIGRAM_INDEXED) {
      await queryRunner.query(
        `CREATE INDEX "${table}_${column}_trgm_idx" ON "${table}" USING GIN ("${column}" gin_trgm_ops)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of TRIGRAM_INDEXED) {
      await queryRunner.query(`DROP INDEX "public"."${table}_${column}_trgm_idx"`);
    }
    await queryRunner.query(`DROP FUNCTION project_health`);
    for (const index of [
      'forum_participant_organization_ids_idx',
      'convention_party_organization_ids_idx',
      'convention_project_ids_idx',
      'action_contributor_organization_ids_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    }
    await queryRunner.query(`
            ALTER TABLE "commitment_due_date_change" DROP CONSTRAINT "FK_8e4302aaba57ae1afb8141dd37d"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment_fulfilment" DROP CONSTRAINT "FK_d8919fca8787c33a050f4fb283c"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment" DROP CONSTRAINT "FK_1f2d200a7d16f205656eca54b24"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment" DROP CONSTRAINT "FK_cc3c91549cd2655f1084f855385"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment" DROP CONSTRAINT "FK_09b5cd81665463390434a540989"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitment" DROP CONSTRAINT "FK_55845cd69db9a168d957e2e3386"
        `);
    await queryRunner.query(`
            ALTER TABLE "convention" DROP CONSTRAINT "FK_88befeb4e29636fccdca9eacc6b"
        `);
    await queryRunner.query(`
            ALTER TABLE "action" DROP CONSTRAINT "FK_6132b7df6c84fccf6d9a750a64e"
        `);
    await queryRunner.query(`
            ALTER TABLE "action" DROP CONSTRAINT "FK_87432980bfb8e4fe6e79a6ac035"
        `);
    await queryRunner.query(`
            ALTER TABLE "action" DROP CONSTRAINT "FK_ae9c001d060dc6b5eb62df8eb45"
        `);
    await queryRunner.query(`
            ALTER TABLE "action" DROP CONSTRAINT "FK_19a6fa19a171cda2b8572af642a"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_progress_report" DROP CONSTRAINT "FK_635cb2245cf5485bdafa2e82d9d"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_milestone" DROP CONSTRAINT "FK_a111304a8272ba72e9c44eac47c"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP COLUMN "last_reported_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_due_date_change_commitment_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "commitment_due_date_change"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_fulfilment_commitment_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "commitment_fulfilment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_organization_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_region_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_province_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_convention_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_project_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_forum_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_status_due_date_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_kind_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."commitment_due_date_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "commitment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."convention_region_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."convention_forum_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."convention_code_key"
        `);
    await queryRunner.query(`
            DROP TABLE "convention"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_responsible_organization_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_region_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_province_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_territory_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_forum_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_project_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_status_due_date_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_due_date_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."action_priority_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "action"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_progress_report_project_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "project_progress_report"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_milestone_project_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "project_milestone"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_event_subject_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forum_region_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forum_held_on_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "forum"
        `);
  }
}
