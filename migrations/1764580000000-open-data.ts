import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open data (issue 16, item 4): the public registry's columns in one view, and the registry's change feed.
 *
 * `registry_licenses` is the only list of what the public registry shows of a license (no personal data); the
 * search, the export and the feed's snapshots all read it. `registry_changes` gets one row per change of a license,
 * written by a trigger on `workflow_history` in the very transaction that changes the license (every license
 * change, issuance, version or transition, appends a history row after updating the license), carrying the
 * registry's columns as they are after the change. `txid` is the writing transaction's id: readers only return
 * rows whose transaction is older than the oldest one still running (`pg_snapshot_xmin`), so a row that commits
 * late can never fall behind a cursor already handed out (see docs/open-data.md).
 */
export class OpenData1764580000000 implements MigrationInterface {
  name = 'OpenData1764580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW registry_licenses AS
      SELECT l.id, l.authority_id, l.number, l.status, l.issued_on, l.expires_on, l.verification_code, l.search_text,
             l.suspended_until,
             (SELECT max(v.edition) FROM license_versions v WHERE v.license_id = l.id) AS edition,
             l.licensee->>'name' AS organization_name, l.licensee->>'headOffice' AS head_office,
             l.site->>'name' AS site_name, l.site->'domains' AS domains,
             a.name AS authority_name, a.code AS authority_code, a.province
      FROM licenses l JOIN authorities a ON a.id = l.authority_id`);
    await q.query(`
      CREATE TABLE registry_changes (
        seq bigserial PRIMARY KEY,
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        license_id uuid NOT NULL REFERENCES licenses (id),
        event text NOT NULL,
        at timestamptz NOT NULL,
        registry jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX registry_changes_position_idx ON registry_changes (txid, seq)`);
    await q.query(`
      CREATE FUNCTION registry_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO registry_changes (license_id, event, at, registry)
        SELECT r.id, NEW.event, NEW.at, to_jsonb(r) - 'verification_code' - 'search_text'
        FROM registry_licenses r WHERE r.id = NEW.entity_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER registry_changes_from_history AFTER INSERT ON workflow_history
      FOR EACH ROW WHEN (NEW.entity_type = 'license') EXECUTE FUNCTION registry_changes_record()`);
    // Licenses issued before the feed existed: one BASELINE item each, with the registry as it stands, so that a
    // client following the feed from the start still ends with the whole registry.
    await q.query(`
      INSERT INTO registry_changes (license_id, event, at, registry)
      SELECT r.id, 'BASELINE', l.updated_at, to_jsonb(r) - 'verification_code' - 'search_text'
      FROM registry_licenses r JOIN licenses l ON l.id = r.id ORDER BY l.issued_on, l.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER registry_changes_from_history ON workflow_history`);
    await q.query(`DROP FUNCTION registry_changes_record()`);
    await q.query(`DROP TABLE registry_changes`);
    await q.query(`DROP VIEW registry_licenses`);
  }
}
