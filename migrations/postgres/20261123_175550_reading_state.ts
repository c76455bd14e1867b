import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_reading_state_track" AS ENUM('full', 'summary');
  CREATE TABLE "reading_state" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"document_id" integer,
  	"news_id" integer,
  	"key" varchar,
  	"saved" boolean DEFAULT false,
  	"saved_at" timestamp(3) with time zone,
  	"opened_at" timestamp(3) with time zone,
  	"track" "enum_reading_state_track",
  	"position_ms" numeric,
  	"sentence_id" varchar,
  	"listened_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reading_state_id" integer;
  ALTER TABLE "reading_state" ADD CONSTRAINT "reading_state_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reading_state" ADD CONSTRAINT "reading_state_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reading_state" ADD CONSTRAINT "reading_state_news_id_news_id_fk" FOREIGN KEY ("news_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "reading_state_user_idx" ON "reading_state" USING btree ("user_id");
  CREATE INDEX "reading_state_document_idx" ON "reading_state" USING btree ("document_id");
  CREATE INDEX "reading_state_news_idx" ON "reading_state" USING btree ("news_id");
  CREATE UNIQUE INDEX "reading_state_key_idx" ON "reading_state" USING btree ("key");
  CREATE INDEX "reading_state_saved_idx" ON "reading_state" USING btree ("saved");
  CREATE INDEX "reading_state_listened_at_idx" ON "reading_state" USING btree ("listened_at");
  CREATE INDEX "reading_state_updated_at_idx" ON "reading_state" USING btree ("updated_at");
  CREATE INDEX "reading_state_created_at_idx" ON "reading_state" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reading_state_fk" FOREIGN KEY ("reading_state_id") REFERENCES "public"."reading_state"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_reading_state_id_idx" ON "payload_locked_documents_rels" USING btree ("reading_state_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "reading_state" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "reading_state" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reading_state_fk";
  
  DROP INDEX "payload_locked_documents_rels_reading_state_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reading_state_id";
  DROP TYPE "public"."enum_reading_state_track";`)
}
