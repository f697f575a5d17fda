import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795948948907 implements MigrationInterface {
  name = 'Foundation1795948948907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "territory" (
                "code" character varying(16) NOT NULL,
                "kind" character varying(32) NOT NULL,
                "name_fr" character varying(160) NOT NULL,
                "name_ar" character varying(160) NOT NULL,
                "parent_code" character varying(16),
                "region_code" character varying(16) NOT NULL,
                "province_code" character varying(16),
                "path" character varying(80) COLLATE "C" NOT NULL,
                "population" integer,
                "households" integer,
                CONSTRAINT "PK_151811f88f14e4127190445bf56" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "territory_path_idx" ON "territory" ("path")
        `);
    await queryRunner.query(`
            CREATE INDEX "territory_kind_idx" ON "territory" ("kind")
        `);
    await queryRunner.query(`
            CREATE INDEX "territory_parent_code_idx" ON "territory" ("parent_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "organization" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "acronym" character varying(40),
                "kind" character varying(32) NOT NULL,
                "territory_code" character varying(16),
                "region_code" character varying(16),
                "province_code" character varying(16),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "organization_name_key" ON "organization" ("name")
        `);
    await queryRunner.query(`
            CREATE INDEX "organization_territory_code_idx" ON "organization" ("territory_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "organization_region_code_idx" ON "organization" ("region_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "display_name" character varying(120) NOT NULL,
                "role" character varying(32) NOT NULL,
                "locale" character varying(2) NOT NULL DEFAULT 'fr',
                "organization_id" uuid NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "app_user_email_key" ON "app_user" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "app_user_organization_id_idx" ON "app_user" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "family_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "refresh_token_token_hash_key" ON "refresh_token" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_token_user_id_idx" ON "refresh_token" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_token_family_id_idx" ON "refresh_token" ("family_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sign_in_failure" (
                "id" BIGSERIAL NOT NULL,
                "email" character varying(254) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5ad9835b7a6e51262f6fe5024de" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "sign_in_failure_at_idx" ON "sign_in_failure" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "sign_in_failure_email_at_idx" ON "sign_in_failure" ("email", "at")
        `);
    await queryRunner.query(`
            ALTER TABLE "territory"
            ADD CONSTRAINT "FK_5b87c2d1c71ceee85be01a064ab" FOREIGN KEY ("parent_code") REFERENCES "territory"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organization"
            ADD CONSTRAINT "FK_cc72c8d449febf6d2f15282f827" FOREIGN KEY ("territory_code") REFERENCES "territory"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5"
        `);
    await queryRunner.query(`
            ALTER TABLE "organization" DROP CONSTRAINT "FK_cc72c8d449febf6d2f15282f827"
        `);
    await queryRunner.query(`
            ALTER TABLE "territory" DROP CONSTRAINT "FK_5b87c2d1c71ceee85be01a064ab"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sign_in_failure_email_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sign_in_failure_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "sign_in_failure"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_token_family_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_token_user_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_token_token_hash_key"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."app_user_organization_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."app_user_email_key"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organization_region_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organization_territory_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organization_name_key"
        `);
    await queryRunner.query(`
            DROP TABLE "organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."territory_parent_code_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."territory_kind_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."territory_path_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "territory"
        `);
  }
}
