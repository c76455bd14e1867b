import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`reading_state\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`user_id\` integer NOT NULL,
  	\`document_id\` integer,
  	\`news_id\` integer,
  	\`key\` text,
  	\`saved\` integer DEFAULT false,
  	\`saved_at\` text,
  	\`opened_at\` text,
  	\`track\` text,
  	\`position_ms\` numeric,
  	\`sentence_id\` text,
  	\`listened_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`document_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reading_state_user_idx\` ON \`reading_state\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`reading_state_document_idx\` ON \`reading_state\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`reading_state_news_idx\` ON \`reading_state\` (\`news_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`reading_state_key_idx\` ON \`reading_state\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`reading_state_saved_idx\` ON \`reading_state\` (\`saved\`);`)
  await db.run(sql`CREATE INDEX \`reading_state_listened_at_idx\` ON \`reading_state\` (\`listened_at\`);`)
  await db.run(sql`CREATE INDEX \`reading_state_updated_at_idx\` ON \`reading_state\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reading_state_created_at_idx\` ON \`reading_state\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`reading_state_id\` integer REFERENCES reading_state(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reading_state_id_idx\` ON \`payload_locked_documents_rels\` (\`reading_state_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`reading_state\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organizations_id\` integer,
  	\`users_id\` integer,
  	\`documents_id\` integer,
  	\`news_id\` integer,
  	\`media_id\` integer,
  	\`forwards_id\` integer,
  	\`publishing_settings_id\` integer,
  	\`audit_logs_id\` integer,
  	\`worker_locks_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`forwards_id\`) REFERENCES \`forwards\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publishing_settings_id\`) REFERENCES \`publishing_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_logs_id\`) REFERENCES \`audit_logs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`worker_locks_id\`) REFERENCES \`worker_locks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "organizations_id", "users_id", "documents_id", "news_id", "media_id", "forwards_id", "publishing_settings_id", "audit_logs_id", "worker_locks_id") SELECT "id", "order", "parent_id", "path", "organizations_id", "users_id", "documents_id", "news_id", "media_id", "forwards_id", "publishing_settings_id", "audit_logs_id", "worker_locks_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organizations_id_idx\` ON \`payload_locked_documents_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forwards_id_idx\` ON \`payload_locked_documents_rels\` (\`forwards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_publishing_settings_id_idx\` ON \`payload_locked_documents_rels\` (\`publishing_settings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_logs_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_logs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_worker_locks_id_idx\` ON \`payload_locked_documents_rels\` (\`worker_locks_id\`);`)
}
