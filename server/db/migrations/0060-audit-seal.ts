import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Audit rows are inserted unchained (no global lock on the command's hot path); a sealer chains them
 * shortly after commit, in `chain_seq` order (docs/decisions.md §"Audit chain sealed after commit").
 * The append-only trigger lets exactly one UPDATE through per row: the seal (chain_seq, prev_hash,
 * hash set from NULL, every other column unchanged). Idempotency keys get the request's hash.
 */
export const m0060_audit_seal: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE audit_log ADD COLUMN chain_seq bigint, ADD COLUMN logged_at timestamptz NOT NULL DEFAULT now()`.execute(db);
    await sql`ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`.execute(db);
    // The chain so far was built in id order: that order becomes its sequence.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    await sql`UPDATE audit_log a SET chain_seq = s.n FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM audit_log) s WHERE s.id = a.id`.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
    await sql`CREATE UNIQUE INDEX audit_log_chain_seq_idx ON audit_log (chain_seq)`.execute(db);
    await sql`CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE chain_seq IS NULL`.execute(db);
    await sql`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND OLD.hash IS NULL
           AND NEW.chain_seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.resource_type, NEW.resource_id, NEW.detail, NEW.scope, NEW.logged_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.action, OLD.resource_type, OLD.resource_id, OLD.detail, OLD.scope, OLD.logged_at)
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
      END $$`.execute(db);
    await sql`ALTER TABLE idempotency_key ADD COLUMN request_hash text`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE idempotency_key DROP COLUMN request_hash`.execute(db);
    await sql`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
      END $$`.execute(db);
    await sql`DROP INDEX audit_log_unsealed_idx`.execute(db);
    await sql`DROP INDEX audit_log_chain_seq_idx`.execute(db);
    // Unsealed rows cannot satisfy NOT NULL: the down migration refuses rather than dropping audit rows.
    await sql`ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`.execute(db);
    await sql`ALTER TABLE audit_log DROP COLUMN logged_at, DROP COLUMN chain_seq`.execute(db);
  },
};
