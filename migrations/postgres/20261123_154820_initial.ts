import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_organizations_kind" AS ENUM('trung-uong', 'co-quan-trung-uong', 'tinh-uy', 'co-quan-tham-muu', 'dang-uy-xa', 'dang-bo-co-so', 'dang-bo-bo-phan', 'chi-bo');
  CREATE TYPE "public"."enum_users_roles_role" AS ENUM('bi-thu', 'pho-bi-thu', 'cap-uy-vien', 'bien-tap-vien');
  CREATE TYPE "public"."enum_users_gender" AS ENUM('nam', 'nu');
  CREATE TYPE "public"."enum_users_status" AS ENUM('chua-kich-hoat', 'cho-duyet', 'da-duyet', 'tu-choi');
  CREATE TYPE "public"."enum_documents_relations_type" AS ENUM('can-cu', 'huong-dan', 'sua-doi', 'thay-the', 'bai-bo');
  CREATE TYPE "public"."enum_documents_document_type" AS ENUM('nghi-quyet', 'quyet-dinh', 'chi-thi', 'quy-dinh', 'quy-che', 'ket-luan', 'thong-tri', 'huong-dan', 'thong-bao', 'ke-hoach', 'chuong-trinh', 'de-an', 'phuong-an', 'to-trinh', 'bao-cao', 'bien-ban', 'cong-van', 'luat', 'nghi-dinh', 'thong-tu', 'tai-lieu-tham-khao', 'khac');
  CREATE TYPE "public"."enum_documents_effect_status" AS ENUM('con-hieu-luc', 'het-hieu-luc-mot-phan', 'het-hieu-luc', 'chua-co-hieu-luc');
  CREATE TYPE "public"."enum_documents_visibility" AS ENUM('dang-vien', 'cong-khai');
  CREATE TYPE "public"."enum_documents_review_status" AS ENUM('soan-thao', 'cho-duyet', 'tra-lai', 'da-phat-hanh');
  CREATE TYPE "public"."enum_documents_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__documents_v_version_relations_type" AS ENUM('can-cu', 'huong-dan', 'sua-doi', 'thay-the', 'bai-bo');
  CREATE TYPE "public"."enum__documents_v_version_document_type" AS ENUM('nghi-quyet', 'quyet-dinh', 'chi-thi', 'quy-dinh', 'quy-che', 'ket-luan', 'thong-tri', 'huong-dan', 'thong-bao', 'ke-hoach', 'chuong-trinh', 'de-an', 'phuong-an', 'to-trinh', 'bao-cao', 'bien-ban', 'cong-van', 'luat', 'nghi-dinh', 'thong-tu', 'tai-lieu-tham-khao', 'khac');
  CREATE TYPE "public"."enum__documents_v_version_effect_status" AS ENUM('con-hieu-luc', 'het-hieu-luc-mot-phan', 'het-hieu-luc', 'chua-co-hieu-luc');
  CREATE TYPE "public"."enum__documents_v_version_visibility" AS ENUM('dang-vien', 'cong-khai');
  CREATE TYPE "public"."enum__documents_v_version_review_status" AS ENUM('soan-thao', 'cho-duyet', 'tra-lai', 'da-phat-hanh');
  CREATE TYPE "public"."enum__documents_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_news_visibility" AS ENUM('dang-vien', 'cong-khai');
  CREATE TYPE "public"."enum_news_review_status" AS ENUM('soan-thao', 'cho-duyet', 'tra-lai', 'da-phat-hanh');
  CREATE TYPE "public"."enum_news_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__news_v_version_visibility" AS ENUM('dang-vien', 'cong-khai');
  CREATE TYPE "public"."enum__news_v_version_review_status" AS ENUM('soan-thao', 'cho-duyet', 'tra-lai', 'da-phat-hanh');
  CREATE TYPE "public"."enum__news_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_media_owner_collection" AS ENUM('documents', 'news');
  CREATE TYPE "public"."enum_media_owner_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_media_visibility" AS ENUM('dang-vien', 'cong-khai');
  CREATE TYPE "public"."enum_audit_logs_action" AS ENUM('xem-ho-so', 'tao-tai-khoan', 'cap-nhat-ho-so', 'gui-thay-doi', 'duyet-tai-khoan', 'tu-choi-tai-khoan', 'duyet-thay-doi', 'tu-choi-thay-doi', 'nhap-danh-sach', 'xoa-tai-khoan');
  CREATE TABLE "organizations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_organizations_kind" NOT NULL,
  	"code" varchar,
  	"parent_id" integer,
  	"path" varchar,
  	"depth" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_roles" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"role" "enum_users_roles_role" NOT NULL,
  	"organization_id" integer NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"full_name" varchar NOT NULL,
  	"birth_date" timestamp(3) with time zone,
  	"gender" "enum_users_gender",
  	"party_join_date" timestamp(3) with time zone,
  	"official_date" timestamp(3) with time zone,
  	"card_number" varchar,
  	"branch_id" integer,
  	"phone" varchar,
  	"status" "enum_users_status" DEFAULT 'cho-duyet' NOT NULL,
  	"rejection_reason" varchar,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"system_admin" boolean DEFAULT false,
  	"pending_changes" jsonb,
  	"org_path" varchar,
  	"citizen_id_encrypted" varchar,
  	"citizen_id_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar,
  	"username" varchar,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "documents_relations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"type" "enum_documents_relations_type",
  	"target_id" integer,
  	"partial" boolean,
  	"note" varchar
  );
  
  CREATE TABLE "documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_type" "enum_documents_document_type",
  	"number" varchar,
  	"title" varchar,
  	"issuer_id" integer,
  	"issued_date" timestamp(3) with time zone,
  	"effective_date" timestamp(3) with time zone,
  	"signer" varchar,
  	"signer_position" varchar,
  	"signing_capacity" varchar,
  	"effect_status" "enum_documents_effect_status",
  	"content" jsonb,
  	"original_file_id" integer,
  	"visibility" "enum_documents_visibility" DEFAULT 'dang-vien',
  	"publish_at" timestamp(3) with time zone,
  	"review_status" "enum_documents_review_status" DEFAULT 'soan-thao',
  	"review_note" varchar,
  	"published_by_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"issuer_path" varchar,
  	"number_seq" varchar,
  	"type_code" varchar,
  	"issuer_code" varchar,
  	"number_year" numeric,
  	"number_key" varchar,
  	"status_by_system" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_documents_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "_documents_v_version_relations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"type" "enum__documents_v_version_relations_type",
  	"target_id" integer,
  	"partial" boolean,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_documents_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_document_type" "enum__documents_v_version_document_type",
  	"version_number" varchar,
  	"version_title" varchar,
  	"version_issuer_id" integer,
  	"version_issued_date" timestamp(3) with time zone,
  	"version_effective_date" timestamp(3) with time zone,
  	"version_signer" varchar,
  	"version_signer_position" varchar,
  	"version_signing_capacity" varchar,
  	"version_effect_status" "enum__documents_v_version_effect_status",
  	"version_content" jsonb,
  	"version_original_file_id" integer,
  	"version_visibility" "enum__documents_v_version_visibility" DEFAULT 'dang-vien',
  	"version_publish_at" timestamp(3) with time zone,
  	"version_review_status" "enum__documents_v_version_review_status" DEFAULT 'soan-thao',
  	"version_review_note" varchar,
  	"version_published_by_id" integer,
  	"version_published_at" timestamp(3) with time zone,
  	"version_issuer_path" varchar,
  	"version_number_seq" varchar,
  	"version_type_code" varchar,
  	"version_issuer_code" varchar,
  	"version_number_year" numeric,
  	"version_number_key" varchar,
  	"version_status_by_system" boolean,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__documents_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_documents_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "news" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"summary" varchar,
  	"issuer_id" integer,
  	"cover_id" integer,
  	"body" jsonb,
  	"source" varchar,
  	"visibility" "enum_news_visibility" DEFAULT 'dang-vien',
  	"publish_at" timestamp(3) with time zone,
  	"review_status" "enum_news_review_status" DEFAULT 'soan-thao',
  	"review_note" varchar,
  	"published_by_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"issuer_path" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_news_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "news_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer
  );
  
  CREATE TABLE "_news_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_issuer_id" integer,
  	"version_cover_id" integer,
  	"version_body" jsonb,
  	"version_source" varchar,
  	"version_visibility" "enum__news_v_version_visibility" DEFAULT 'dang-vien',
  	"version_publish_at" timestamp(3) with time zone,
  	"version_review_status" "enum__news_v_version_review_status" DEFAULT 'soan-thao',
  	"version_review_note" varchar,
  	"version_published_by_id" integer,
  	"version_published_at" timestamp(3) with time zone,
  	"version_issuer_path" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__news_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_news_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar,
  	"uploaded_by_id" integer,
  	"owner_collection" "enum_media_owner_collection",
  	"owner_id" varchar,
  	"owner_status" "enum_media_owner_status" DEFAULT 'draft',
  	"issuer_id" integer,
  	"visibility" "enum_media_visibility",
  	"publish_at" timestamp(3) with time zone,
  	"issuer_path" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar
  );
  
  CREATE TABLE "forwards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_id" integer NOT NULL,
  	"organization_id" integer NOT NULL,
  	"note" varchar,
  	"deadline" timestamp(3) with time zone,
  	"forwarded_by_id" integer,
  	"organization_path" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "publishing_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"organization_id" integer NOT NULL,
  	"editors_publish_directly" boolean DEFAULT false,
  	"organization_path" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_logs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_logs_action" NOT NULL,
  	"actor_id" integer,
  	"subject_id" integer,
  	"subjects" jsonb,
  	"summary" varchar,
  	"details" jsonb,
  	"ip" varchar,
  	"org_path" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "worker_locks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"owner" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organizations_id" integer,
  	"users_id" integer,
  	"documents_id" integer,
  	"news_id" integer,
  	"media_id" integer,
  	"forwards_id" integer,
  	"publishing_settings_id" integer,
  	"audit_logs_id" integer,
  	"worker_locks_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_branch_id_organizations_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "documents_relations" ADD CONSTRAINT "documents_relations_target_id_documents_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "documents_relations" ADD CONSTRAINT "documents_relations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "documents" ADD CONSTRAINT "documents_issuer_id_organizations_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "documents" ADD CONSTRAINT "documents_original_file_id_media_id_fk" FOREIGN KEY ("original_file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "documents" ADD CONSTRAINT "documents_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "documents_rels" ADD CONSTRAINT "documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "documents_rels" ADD CONSTRAINT "documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_documents_v_version_relations" ADD CONSTRAINT "_documents_v_version_relations_target_id_documents_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_documents_v_version_relations" ADD CONSTRAINT "_documents_v_version_relations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_documents_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_documents_v" ADD CONSTRAINT "_documents_v_parent_id_documents_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_documents_v" ADD CONSTRAINT "_documents_v_version_issuer_id_organizations_id_fk" FOREIGN KEY ("version_issuer_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_documents_v" ADD CONSTRAINT "_documents_v_version_original_file_id_media_id_fk" FOREIGN KEY ("version_original_file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_documents_v" ADD CONSTRAINT "_documents_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_documents_v_rels" ADD CONSTRAINT "_documents_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_documents_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_documents_v_rels" ADD CONSTRAINT "_documents_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_issuer_id_organizations_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "news_rels" ADD CONSTRAINT "news_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."news"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "news_rels" ADD CONSTRAINT "news_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "news_rels" ADD CONSTRAINT "news_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_parent_id_news_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_issuer_id_organizations_id_fk" FOREIGN KEY ("version_issuer_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_cover_id_media_id_fk" FOREIGN KEY ("version_cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v_rels" ADD CONSTRAINT "_news_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_news_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_news_v_rels" ADD CONSTRAINT "_news_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_news_v_rels" ADD CONSTRAINT "_news_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_issuer_id_organizations_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forwards" ADD CONSTRAINT "forwards_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forwards" ADD CONSTRAINT "forwards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forwards" ADD CONSTRAINT "forwards_forwarded_by_id_users_id_fk" FOREIGN KEY ("forwarded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publishing_settings" ADD CONSTRAINT "publishing_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_organizations_fk" FOREIGN KEY ("organizations_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_news_fk" FOREIGN KEY ("news_id") REFERENCES "public"."news"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_forwards_fk" FOREIGN KEY ("forwards_id") REFERENCES "public"."forwards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_publishing_settings_fk" FOREIGN KEY ("publishing_settings_id") REFERENCES "public"."publishing_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_logs_fk" FOREIGN KEY ("audit_logs_id") REFERENCES "public"."audit_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_worker_locks_fk" FOREIGN KEY ("worker_locks_id") REFERENCES "public"."worker_locks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "organizations_code_idx" ON "organizations" USING btree ("code");
  CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");
  CREATE INDEX "organizations_path_idx" ON "organizations" USING btree ("path");
  CREATE INDEX "organizations_updated_at_idx" ON "organizations" USING btree ("updated_at");
  CREATE INDEX "organizations_created_at_idx" ON "organizations" USING btree ("created_at");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("_order");
  CREATE INDEX "users_roles_parent_id_idx" ON "users_roles" USING btree ("_parent_id");
  CREATE INDEX "users_roles_organization_idx" ON "users_roles" USING btree ("organization_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "users_card_number_idx" ON "users" USING btree ("card_number");
  CREATE INDEX "users_branch_idx" ON "users" USING btree ("branch_id");
  CREATE INDEX "users_status_idx" ON "users" USING btree ("status");
  CREATE INDEX "users_approved_by_idx" ON "users" USING btree ("approved_by_id");
  CREATE INDEX "users_org_path_idx" ON "users" USING btree ("org_path");
  CREATE UNIQUE INDEX "users_citizen_id_hash_idx" ON "users" USING btree ("citizen_id_hash");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");
  CREATE INDEX "documents_relations_order_idx" ON "documents_relations" USING btree ("_order");
  CREATE INDEX "documents_relations_parent_id_idx" ON "documents_relations" USING btree ("_parent_id");
  CREATE INDEX "documents_relations_target_idx" ON "documents_relations" USING btree ("target_id");
  CREATE INDEX "documents_document_type_idx" ON "documents" USING btree ("document_type");
  CREATE INDEX "documents_number_idx" ON "documents" USING btree ("number");
  CREATE INDEX "documents_issuer_idx" ON "documents" USING btree ("issuer_id");
  CREATE INDEX "documents_issued_date_idx" ON "documents" USING btree ("issued_date");
  CREATE INDEX "documents_effect_status_idx" ON "documents" USING btree ("effect_status");
  CREATE INDEX "documents_original_file_idx" ON "documents" USING btree ("original_file_id");
  CREATE INDEX "documents_visibility_idx" ON "documents" USING btree ("visibility");
  CREATE INDEX "documents_publish_at_idx" ON "documents" USING btree ("publish_at");
  CREATE INDEX "documents_review_status_idx" ON "documents" USING btree ("review_status");
  CREATE INDEX "documents_published_by_idx" ON "documents" USING btree ("published_by_id");
  CREATE INDEX "documents_published_at_idx" ON "documents" USING btree ("published_at");
  CREATE INDEX "documents_issuer_path_idx" ON "documents" USING btree ("issuer_path");
  CREATE INDEX "documents_type_code_idx" ON "documents" USING btree ("type_code");
  CREATE INDEX "documents_issuer_code_idx" ON "documents" USING btree ("issuer_code");
  CREATE UNIQUE INDEX "documents_number_key_idx" ON "documents" USING btree ("number_key");
  CREATE INDEX "documents_updated_at_idx" ON "documents" USING btree ("updated_at");
  CREATE INDEX "documents_created_at_idx" ON "documents" USING btree ("created_at");
  CREATE INDEX "documents__status_idx" ON "documents" USING btree ("_status");
  CREATE INDEX "documents_rels_order_idx" ON "documents_rels" USING btree ("order");
  CREATE INDEX "documents_rels_parent_idx" ON "documents_rels" USING btree ("parent_id");
  CREATE INDEX "documents_rels_path_idx" ON "documents_rels" USING btree ("path");
  CREATE INDEX "documents_rels_media_id_idx" ON "documents_rels" USING btree ("media_id");
  CREATE INDEX "_documents_v_version_relations_order_idx" ON "_documents_v_version_relations" USING btree ("_order");
  CREATE INDEX "_documents_v_version_relations_parent_id_idx" ON "_documents_v_version_relations" USING btree ("_parent_id");
  CREATE INDEX "_documents_v_version_relations_target_idx" ON "_documents_v_version_relations" USING btree ("target_id");
  CREATE INDEX "_documents_v_parent_idx" ON "_documents_v" USING btree ("parent_id");
  CREATE INDEX "_documents_v_version_version_document_type_idx" ON "_documents_v" USING btree ("version_document_type");
  CREATE INDEX "_documents_v_version_version_number_idx" ON "_documents_v" USING btree ("version_number");
  CREATE INDEX "_documents_v_version_version_issuer_idx" ON "_documents_v" USING btree ("version_issuer_id");
  CREATE INDEX "_documents_v_version_version_issued_date_idx" ON "_documents_v" USING btree ("version_issued_date");
  CREATE INDEX "_documents_v_version_version_effect_status_idx" ON "_documents_v" USING btree ("version_effect_status");
  CREATE INDEX "_documents_v_version_version_original_file_idx" ON "_documents_v" USING btree ("version_original_file_id");
  CREATE INDEX "_documents_v_version_version_visibility_idx" ON "_documents_v" USING btree ("version_visibility");
  CREATE INDEX "_documents_v_version_version_publish_at_idx" ON "_documents_v" USING btree ("version_publish_at");
  CREATE INDEX "_documents_v_version_version_review_status_idx" ON "_documents_v" USING btree ("version_review_status");
  CREATE INDEX "_documents_v_version_version_published_by_idx" ON "_documents_v" USING btree ("version_published_by_id");
  CREATE INDEX "_documents_v_version_version_published_at_idx" ON "_documents_v" USING btree ("version_published_at");
  CREATE INDEX "_documents_v_version_version_issuer_path_idx" ON "_documents_v" USING btree ("version_issuer_path");
  CREATE INDEX "_documents_v_version_version_type_code_idx" ON "_documents_v" USING btree ("version_type_code");
  CREATE INDEX "_documents_v_version_version_issuer_code_idx" ON "_documents_v" USING btree ("version_issuer_code");
  CREATE INDEX "_documents_v_version_version_number_key_idx" ON "_documents_v" USING btree ("version_number_key");
  CREATE INDEX "_documents_v_version_version_updated_at_idx" ON "_documents_v" USING btree ("version_updated_at");
  CREATE INDEX "_documents_v_version_version_created_at_idx" ON "_documents_v" USING btree ("version_created_at");
  CREATE INDEX "_documents_v_version_version__status_idx" ON "_documents_v" USING btree ("version__status");
  CREATE INDEX "_documents_v_created_at_idx" ON "_documents_v" USING btree ("created_at");
  CREATE INDEX "_documents_v_updated_at_idx" ON "_documents_v" USING btree ("updated_at");
  CREATE INDEX "_documents_v_latest_idx" ON "_documents_v" USING btree ("latest");
  CREATE INDEX "_documents_v_rels_order_idx" ON "_documents_v_rels" USING btree ("order");
  CREATE INDEX "_documents_v_rels_parent_idx" ON "_documents_v_rels" USING btree ("parent_id");
  CREATE INDEX "_documents_v_rels_path_idx" ON "_documents_v_rels" USING btree ("path");
  CREATE INDEX "_documents_v_rels_media_id_idx" ON "_documents_v_rels" USING btree ("media_id");
  CREATE INDEX "news_issuer_idx" ON "news" USING btree ("issuer_id");
  CREATE INDEX "news_cover_idx" ON "news" USING btree ("cover_id");
  CREATE INDEX "news_visibility_idx" ON "news" USING btree ("visibility");
  CREATE INDEX "news_publish_at_idx" ON "news" USING btree ("publish_at");
  CREATE INDEX "news_review_status_idx" ON "news" USING btree ("review_status");
  CREATE INDEX "news_published_by_idx" ON "news" USING btree ("published_by_id");
  CREATE INDEX "news_published_at_idx" ON "news" USING btree ("published_at");
  CREATE INDEX "news_issuer_path_idx" ON "news" USING btree ("issuer_path");
  CREATE INDEX "news_updated_at_idx" ON "news" USING btree ("updated_at");
  CREATE INDEX "news_created_at_idx" ON "news" USING btree ("created_at");
  CREATE INDEX "news__status_idx" ON "news" USING btree ("_status");
  CREATE INDEX "news_rels_order_idx" ON "news_rels" USING btree ("order");
  CREATE INDEX "news_rels_parent_idx" ON "news_rels" USING btree ("parent_id");
  CREATE INDEX "news_rels_path_idx" ON "news_rels" USING btree ("path");
  CREATE INDEX "news_rels_media_id_idx" ON "news_rels" USING btree ("media_id");
  CREATE INDEX "news_rels_documents_id_idx" ON "news_rels" USING btree ("documents_id");
  CREATE INDEX "_news_v_parent_idx" ON "_news_v" USING btree ("parent_id");
  CREATE INDEX "_news_v_version_version_issuer_idx" ON "_news_v" USING btree ("version_issuer_id");
  CREATE INDEX "_news_v_version_version_cover_idx" ON "_news_v" USING btree ("version_cover_id");
  CREATE INDEX "_news_v_version_version_visibility_idx" ON "_news_v" USING btree ("version_visibility");
  CREATE INDEX "_news_v_version_version_publish_at_idx" ON "_news_v" USING btree ("version_publish_at");
  CREATE INDEX "_news_v_version_version_review_status_idx" ON "_news_v" USING btree ("version_review_status");
  CREATE INDEX "_news_v_version_version_published_by_idx" ON "_news_v" USING btree ("version_published_by_id");
  CREATE INDEX "_news_v_version_version_published_at_idx" ON "_news_v" USING btree ("version_published_at");
  CREATE INDEX "_news_v_version_version_issuer_path_idx" ON "_news_v" USING btree ("version_issuer_path");
  CREATE INDEX "_news_v_version_version_updated_at_idx" ON "_news_v" USING btree ("version_updated_at");
  CREATE INDEX "_news_v_version_version_created_at_idx" ON "_news_v" USING btree ("version_created_at");
  CREATE INDEX "_news_v_version_version__status_idx" ON "_news_v" USING btree ("version__status");
  CREATE INDEX "_news_v_created_at_idx" ON "_news_v" USING btree ("created_at");
  CREATE INDEX "_news_v_updated_at_idx" ON "_news_v" USING btree ("updated_at");
  CREATE INDEX "_news_v_latest_idx" ON "_news_v" USING btree ("latest");
  CREATE INDEX "_news_v_rels_order_idx" ON "_news_v_rels" USING btree ("order");
  CREATE INDEX "_news_v_rels_parent_idx" ON "_news_v_rels" USING btree ("parent_id");
  CREATE INDEX "_news_v_rels_path_idx" ON "_news_v_rels" USING btree ("path");
  CREATE INDEX "_news_v_rels_media_id_idx" ON "_news_v_rels" USING btree ("media_id");
  CREATE INDEX "_news_v_rels_documents_id_idx" ON "_news_v_rels" USING btree ("documents_id");
  CREATE INDEX "media_uploaded_by_idx" ON "media" USING btree ("uploaded_by_id");
  CREATE INDEX "media_owner_id_idx" ON "media" USING btree ("owner_id");
  CREATE INDEX "media_owner_status_idx" ON "media" USING btree ("owner_status");
  CREATE INDEX "media_issuer_idx" ON "media" USING btree ("issuer_id");
  CREATE INDEX "media_issuer_path_idx" ON "media" USING btree ("issuer_path");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "forwards_document_idx" ON "forwards" USING btree ("document_id");
  CREATE INDEX "forwards_organization_idx" ON "forwards" USING btree ("organization_id");
  CREATE INDEX "forwards_forwarded_by_idx" ON "forwards" USING btree ("forwarded_by_id");
  CREATE INDEX "forwards_organization_path_idx" ON "forwards" USING btree ("organization_path");
  CREATE INDEX "forwards_updated_at_idx" ON "forwards" USING btree ("updated_at");
  CREATE INDEX "forwards_created_at_idx" ON "forwards" USING btree ("created_at");
  CREATE UNIQUE INDEX "publishing_settings_organization_idx" ON "publishing_settings" USING btree ("organization_id");
  CREATE INDEX "publishing_settings_organization_path_idx" ON "publishing_settings" USING btree ("organization_path");
  CREATE INDEX "publishing_settings_updated_at_idx" ON "publishing_settings" USING btree ("updated_at");
  CREATE INDEX "publishing_settings_created_at_idx" ON "publishing_settings" USING btree ("created_at");
  CREATE INDEX "audit_logs_action_idx" ON "audit_logs" USING btree ("action");
  CREATE INDEX "audit_logs_actor_idx" ON "audit_logs" USING btree ("actor_id");
  CREATE INDEX "audit_logs_subject_idx" ON "audit_logs" USING btree ("subject_id");
  CREATE INDEX "audit_logs_org_path_idx" ON "audit_logs" USING btree ("org_path");
  CREATE INDEX "audit_logs_updated_at_idx" ON "audit_logs" USING btree ("updated_at");
  CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs" USING btree ("created_at");
  CREATE UNIQUE INDEX "worker_locks_key_idx" ON "worker_locks" USING btree ("key");
  CREATE INDEX "worker_locks_expires_at_idx" ON "worker_locks" USING btree ("expires_at");
  CREATE INDEX "worker_locks_updated_at_idx" ON "worker_locks" USING btree ("updated_at");
  CREATE INDEX "worker_locks_created_at_idx" ON "worker_locks" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_organizations_id_idx" ON "payload_locked_documents_rels" USING btree ("organizations_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("documents_id");
  CREATE INDEX "payload_locked_documents_rels_news_id_idx" ON "payload_locked_documents_rels" USING btree ("news_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_forwards_id_idx" ON "payload_locked_documents_rels" USING btree ("forwards_id");
  CREATE INDEX "payload_locked_documents_rels_publishing_settings_id_idx" ON "payload_locked_documents_rels" USING btree ("publishing_settings_id");
  CREATE INDEX "payload_locked_documents_rels_audit_logs_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_logs_id");
  CREATE INDEX "payload_locked_documents_rels_worker_locks_id_idx" ON "payload_locked_documents_rels" USING btree ("worker_locks_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "organizations" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "documents_relations" CASCADE;
  DROP TABLE "documents" CASCADE;
  DROP TABLE "documents_rels" CASCADE;
  DROP TABLE "_documents_v_version_relations" CASCADE;
  DROP TABLE "_documents_v" CASCADE;
  DROP TABLE "_documents_v_rels" CASCADE;
  DROP TABLE "news" CASCADE;
  DROP TABLE "news_rels" CASCADE;
  DROP TABLE "_news_v" CASCADE;
  DROP TABLE "_news_v_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "forwards" CASCADE;
  DROP TABLE "publishing_settings" CASCADE;
  DROP TABLE "audit_logs" CASCADE;
  DROP TABLE "worker_locks" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_organizations_kind";
  DROP TYPE "public"."enum_users_roles_role";
  DROP TYPE "public"."enum_users_gender";
  DROP TYPE "public"."enum_users_status";
  DROP TYPE "public"."enum_documents_relations_type";
  DROP TYPE "public"."enum_documents_document_type";
  DROP TYPE "public"."enum_documents_effect_status";
  DROP TYPE "public"."enum_documents_visibility";
  DROP TYPE "public"."enum_documents_review_status";
  DROP TYPE "public"."enum_documents_status";
  DROP TYPE "public"."enum__documents_v_version_relations_type";
  DROP TYPE "public"."enum__documents_v_version_document_type";
  DROP TYPE "public"."enum__documents_v_version_effect_status";
  DROP TYPE "public"."enum__documents_v_version_visibility";
  DROP TYPE "public"."enum__documents_v_version_review_status";
  DROP TYPE "public"."enum__documents_v_version_status";
  DROP TYPE "public"."enum_news_visibility";
  DROP TYPE "public"."enum_news_review_status";
  DROP TYPE "public"."enum_news_status";
  DROP TYPE "public"."enum__news_v_version_visibility";
  DROP TYPE "public"."enum__news_v_version_review_status";
  DROP TYPE "public"."enum__news_v_version_status";
  DROP TYPE "public"."enum_media_owner_collection";
  DROP TYPE "public"."enum_media_owner_status";
  DROP TYPE "public"."enum_media_visibility";
  DROP TYPE "public"."enum_audit_logs_action";`)
}
