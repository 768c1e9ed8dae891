/**
 * Seeds `count` licenses straight in SQL (applications, licenses and their CREATE history rows, so the change feed
 * has them too), for the open-data bench and the export's streaming tests. One statement per table: 100 000 rows
 * take seconds instead of the hours the HTTP flow would. Names mix Vietnamese diacritics, commas and quotes, so the
 * CSV's quoting is exercised at scale.
 */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export async function seedRegistryRows(
  db: SqlRunner,
  o: { count: number; authorityId: string; organizationId: string; createdBy: string; at: Date; tag: string },
): Promise<void> {
  await db.query(
    `INSERT INTO applications (type, state, authority_id, organization_id, site, created_by, submitted_at, decided_at,
       reason)
     SELECT 'NEW', 'APPROVED', $1, $2, jsonb_build_object('name', 'Trang ' || g), $3, $4, $4, $5 || ':' || g
     FROM generate_series(1, $6::int) g`,
    [o.authorityId, o.organizationId, o.createdBy, o.at, o.tag, o.count],
  );
  await db.query(
    `INSERT INTO licenses (number, authority_id, organization_id, application_id, status, issued_on, expires_on,
       verification_code, site, licensee, search_text)
     SELECT $3 || '-' || split_part(a.reason, ':', 2) || '/GP-BENCH', a.authority_id, a.organization_id, a.id,
            'ACTIVE', date '2026-01-01' + (split_part(a.reason, ':', 2)::int % 300),
            date '2031-01-01' + (split_part(a.reason, ':', 2)::int % 300),
            md5(a.id::text) || md5($3 || a.id::text),
            jsonb_build_object('name', 'Tin tức "Xứ Nghệ", số ' || split_part(a.reason, ':', 2),
                               'domains', jsonb_build_array('trang' || split_part(a.reason, ':', 2) || '-' || $3 || '.vn')),
            jsonb_build_object('name', 'Công ty Cổ phần Truyền thông Sông Lam ' || split_part(a.reason, ':', 2),
                               'headOffice', '12 Lê Lợi, phường Hưng Bình, thành phố Vinh, Nghệ An',
                               'phone', '0912345678', 'email', 'lienhe@songlam.vn', 'registrationNumber', '2901234567'),
            'bench'
     FROM applications a WHERE a.organization_id = $1 AND a.created_by = $2 AND a.reason LIKE $3 || ':%'`,
    [o.organizationId, o.createdBy, o.tag],
  );
  await db.query(
    `INSERT INTO workflow_history (entity_type, entity_id, event, from_state, to_state, actor_role, at)
     SELECT 'license', l.id, 'CREATE', NULL, 'ACTIVE', 'system', $2
     FROM licenses l WHERE l.number LIKE $1 || '-%/GP-BENCH'`,
    [o.tag, o.at],
  );
}
