import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDiscussionAndNotifications1795962015301 implements MigrationInterface {
  name = 'AddDiscussionAndNotifications1795962015301';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" character varying(48) NOT NULL,
                "subject_type" character varying(32) NOT NULL,
                "subject_id" uuid NOT NULL,
                "actor_user_id" uuid,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "dedupe_key" character varying(200),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "relayed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "outbox_event_dedupe_key_key" ON "outbox_event" ("dedupe_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_event_subject_idx" ON "outbox_event" ("subject_type", "subject_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_event_unrelayed_idx" ON "outbox_event" ("created_at")
            WHERE relayed_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "comment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subject_type" character varying(32) NOT NULL,
                "subject_id" uuid NOT NULL,
                "parent_id" uuid,
                "author_user_id" uuid NOT NULL,
                "body" character varying(5000) NOT NULL,
                "mention_user_ids" uuid array NOT NULL DEFAULT '{}',
                "is_question" boolean NOT NULL DEFAULT false,
                "question_due_at" TIMESTAMP WITH TIME ZONE,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "deleted_by_user_id" uuid,
                "version" integer NOT NULL,
                CONSTRAINT "PK_0b0e4bbc8415ec426f87f3a88e2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "comment_open_question_idx" ON "comment" ("question_due_at")
            WHERE is_question
                AND answered_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "comment_parent_idx" ON "comment" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "comment_subject_idx" ON "comment" ("subject_type", "subject_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "comment_revision" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "comment_id" uuid NOT NULL,
                "body" character varying(5000) NOT NULL,
                "editor_user_id" uuid NOT NULL,
                "revised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9f00184e42bf25baf182cfd27cb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "comment_revision_comment_idx" ON "comment_revision" ("comment_id", "revised_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "type" character varying(48) NOT NULL,
                "subject_type" character varying(32) NOT NULL,
                "subject_id" uuid NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_user_unread_idx" ON "notification" ("user_id")
            WHERE read_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_user_created_idx" ON "notification" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "notification_user_event_key" ON "notification" ("user_id", "event_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notification_id" uuid NOT NULL,
                "channel" character varying(16) NOT NULL,
                "mode" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'PENDING',
                "attempts" integer NOT NULL DEFAULT '0',
                "claimed_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "message_id" character varying(200),
                CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_delivery_pending_idx" ON "notification_delivery" ("mode", "status")
            WHERE status = 'PENDING'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "notification_delivery_key" ON "notification_delivery" ("notification_id", "channel")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_preference" (
                "user_id" uuid NOT NULL,
                "type" character varying(48) NOT NULL,
                "channel" character varying(16) NOT NULL,
                "mode" character varying(16) NOT NULL,
                CONSTRAINT "PK_2bf181a54f3d44a33755d06bf61" PRIMARY KEY ("user_id", "type", "channel")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "follow" (
                "user_id" uuid NOT NULL,
                "subject_type" character varying(32) NOT NULL,
                "subject_id" uuid NOT NULL,
                "following" boolean NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_651e9dd1526beec753a59f5168c" PRIMARY KEY ("user_id", "subject_type", "subject_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "follow_subject_idx" ON "follow" ("subject_type", "subject_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_digest" (
                "user_id" uuid NOT NULL,
                "mode" character varying(16) NOT NULL,
                "period_start" date NOT NULL,
                "message_id" character varying(200) NOT NULL,
                "status" character varying(16) NOT NULL,
                "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0417defd694f400af1ce8462184" PRIMARY KEY ("user_id", "mode", "period_start")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "comment"
            ADD CONSTRAINT "FK_8bd8d0985c0d077c8129fb4a209" FOREIGN KEY ("parent_id") REFERENCES "comment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "comment"
            ADD CONSTRAINT "FK_f3aae90cd41406f497233b15bef" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_revision"
            ADD CONSTRAINT "FK_b150081df12ad9b9c6a08adc2a6" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_delivery"
            ADD CONSTRAINT "FK_2e70a64359ce7416b06a4d7a432" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_digest"
            ADD CONSTRAINT "FK_a90a56c6325a3eb952b3394eb45" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_digest" DROP CONSTRAINT "FK_a90a56c6325a3eb952b3394eb45"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_2e70a64359ce7416b06a4d7a432"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_revision" DROP CONSTRAINT "FK_b150081df12ad9b9c6a08adc2a6"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment" DROP CONSTRAINT "FK_f3aae90cd41406f497233b15bef"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment" DROP CONSTRAINT "FK_8bd8d0985c0d077c8129fb4a209"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_digest"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."follow_subject_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "follow"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_preference"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_delivery_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_delivery_pending_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_delivery"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_user_event_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_user_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_user_unread_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."comment_revision_comment_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "comment_revision"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."comment_subject_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."comment_parent_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."comment_open_question_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "comment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_event_unrelayed_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_event_subject_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_event_dedupe_key_key"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_event"
        `);
  }
}
