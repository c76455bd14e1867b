import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "pronunciations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"term" varchar NOT NULL,
  	"reading" varchar NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pronunciations_id" integer;
  CREATE UNIQUE INDEX "pronunciations_term_idx" ON "pronunciations" USING btree ("term");
  CREATE INDEX "pronunciations_updated_at_idx" ON "pronunciations" USING btree ("updated_at");
  CREATE INDEX "pronunciations_created_at_idx" ON "pronunciations" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pronunciations_fk" FOREIGN KEY ("pronunciations_id") REFERENCES "public"."pronunciations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_pronunciations_id_idx" ON "payload_locked_documents_rels" USING btree ("pronunciations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "pronunciations" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "pronunciations" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_pronunciations_fk";
  
  DROP INDEX "payload_locked_documents_rels_pronunciations_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pronunciations_id";`)
}
