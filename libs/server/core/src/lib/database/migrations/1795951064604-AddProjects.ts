import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProjects1795951064604 implements MigrationInterface {
  name = 'AddProjects1795951064604';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "programme" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(40) NOT NULL,
                "name" character varying(200) NOT NULL,
                CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "programme_code_key" ON "programme" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "project" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(40) NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" character varying(5000) NOT NULL DEFAULT '',
                "type" character varying(32) NOT NULL,
                "programme_id" uuid,
                "commune_code" character varying(16) NOT NULL,
                "region_code" character varying(16) NOT NULL,
                "province_code" character varying(16) NOT NULL,
                "lead_organization_id" uuid NOT NULL,
                "partner_organization_ids" uuid array NOT NULL DEFAULT '{}',
                "status" character varying(32) NOT NULL,
                "physical_progress" numeric(5, 2) NOT NULL DEFAULT '0',
                "budget" numeric(16, 2) NOT NULL,
                "spent_amount" numeric(16, 2) NOT NULL DEFAULT '0',
                "housing_units_planned" integer NOT NULL DEFAULT '0',
                "housing_units_delivered" integer NOT NULL DEFAULT '0',
                "households_targeted" integer NOT NULL DEFAULT '0',
                "households_relocated" integer NOT NULL DEFAULT '0',
                "hectares" numeric(10, 2) NOT NULL DEFAULT '0',
                "start_date" date,
                "planned_end_date" date,
                "actual_end_date" date,
                "latitude" numeric(9, 6),
                "longitude" numeric(9, 6),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "project_code_key" ON "project" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "project_lead_organization_id_idx" ON "project" ("lead_organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "project_programme_id_idx" ON "project" ("programme_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "project_type_idx" ON "project" ("type")
        `);
    await queryRunner.query(`
            CREATE INDEX "project_status_idx" ON "project" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "project_commune_code_idx" ON "project" ("commune_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "project_province_code_idx" ON "project" ("province_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "project_region_code_idx" ON "project" ("region_code")
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_a957be019e3ecfebb3812ed722e" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_58039bae6ab4a612b6095e23f6d" FOREIGN KEY ("commune_code") REFERENCES "territory"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_ca2c6dd3fa2fe36dc83fe2c42a7" FOREIGN KEY ("lead_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Written by hand: TypeORM cannot declare a GIN index. It serves the partner permission rule
    // (`partner_organization_ids @> ARRAY[$1]`, ADR 0003).
    await queryRunner.query(`
            CREATE INDEX "project_partner_organization_ids_idx" ON "project" USING GIN ("partner_organization_ids")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."project_partner_organization_ids_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_ca2c6dd3fa2fe36dc83fe2c42a7"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_58039bae6ab4a612b6095e23f6d"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_a957be019e3ecfebb3812ed722e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_region_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_province_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_commune_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_status_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_type_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_programme_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_lead_organization_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_code_key"
        `);
    await queryRunner.query(`
            DROP TABLE "project"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."programme_code_key"
        `);
    await queryRunner.query(`
            DROP TABLE "programme"
        `);
  }
}
