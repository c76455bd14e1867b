import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_document_outputs_source" AS ENUM('documents', 'news');
  CREATE TYPE "public"."enum_document_outputs_status" AS ENUM('cho-xu-ly', 'dang-xu-ly', 'hoan-tat', 'loi');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'extract-text', 'summarize', 'speak', 'publish-outputs', 'index-search');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_workflow_slug" AS ENUM('process-document');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'extract-text', 'summarize', 'speak', 'publish-outputs', 'index-search');
  CREATE TABLE "document_outputs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"source" "enum_document_outputs_source" NOT NULL,
  	"source_id" varchar NOT NULL,
  	"key" varchar NOT NULL,
  	"status" "enum_document_outputs_status" DEFAULT 'cho-xu-ly' NOT NULL,
  	"stage" varchar,
  	"error" varchar,
  	"input_hash" varchar,
  	"hashes" jsonb,
  	"structure" jsonb,
  	"reading" jsonb,
  	"plain_text" varchar,
  	"summary" jsonb,
  	"summary_edited" boolean DEFAULT false,
  	"audio" jsonb,
  	"proposed_metadata" jsonb,
  	"processed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"workflow_slug" "enum_payload_jobs_workflow_slug",
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "document_outputs_id" integer;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "document_outputs_source_idx" ON "document_outputs" USING btree ("source");
  CREATE INDEX "document_outputs_source_id_idx" ON "document_outputs" USING btree ("source_id");
  CREATE UNIQUE INDEX "document_outputs_key_idx" ON "document_outputs" USING btree ("key");
  CREATE INDEX "document_outputs_status_idx" ON "document_outputs" USING btree ("status");
  CREATE INDEX "document_outputs_updated_at_idx" ON "document_outputs" USING btree ("updated_at");
  CREATE INDEX "document_outputs_created_at_idx" ON "document_outputs" USING btree ("created_at");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_workflow_slug_idx" ON "payload_jobs" USING btree ("workflow_slug");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_document_outputs_fk" FOREIGN KEY ("document_outputs_id") REFERENCES "public"."document_outputs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_document_outputs_id_idx" ON "payload_locked_documents_rels" USING btree ("document_outputs_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "document_outputs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "document_outputs" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_document_outputs_fk";
  
  DROP INDEX "payload_locked_documents_rels_document_outputs_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "document_outputs_id";
  DROP TYPE "public"."enum_document_outputs_source";
  DROP TYPE "public"."enum_document_outputs_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_workflow_slug";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
