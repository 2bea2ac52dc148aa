/**
 * SQL that fills `bench_clone` (one row per person = per cloned procedure tree) and `person`.
 * Names are Vietnamese with diacritics (family / middle / given name lists), ID numbers are
 * 12-digit CCCD numbers unique per person; persons spread evenly over the bench communes.
 */
const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Văn', 'Thị', 'Minh', 'Hữu', 'Đức', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Công', 'Đình', 'Quốc', 'Hoài'];
const GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Lâm', 'Long', 'Lực', 'Mạnh',
  'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tú', 'Tuấn', 'Việt', 'Vinh', 'Vũ', 'Yên',
  'Hạnh', 'Lan', 'Mai', 'Nga', 'Oanh', 'Phượng', 'Thảo', 'Trang', 'Tùng', 'Kiên', 'Lộc', 'Đông', 'Bảo', 'Chiến',
];
const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;

/** Name of person n (1-based): deterministic, independent of the commune (hashes), ~14 000 distinct full names. */
export function personNameSql(n: string): string {
  const pick = (list: string[], salt: string) => `(${arr(list)})[1 + abs(hashtext('${salt}' || ${n})) % ${list.length}]`;
  return `${pick(FAMILY, 'f')} || ' ' || ${pick(MIDDLE, 'm')} || ' ' || ${pick(GIVEN, 'g')}`;
}

export interface CloneLayout {
  persons: number;
  /** persons whose tree has open tasks (they come first) */
  withTasks: number;
  taskTemplates: number;
  otherTemplates: number;
}

/** `bench_geo` must exist (idx, code, province, path, region). Template slots: task templates first. */
export function cloneTableSql(l: CloneLayout): string {
  const slot = l.otherTemplates
    ? `CASE WHEN g.n <= ${l.withTasks} THEN (g.n - 1) % ${l.taskTemplates} ELSE ${l.taskTemplates} + (g.n - 1 - ${l.withTasks}) % ${l.otherTemplates} END`
    : `(g.n - 1) % ${l.taskTemplates}`;
  const user = (kind: string, jur: string) => `(SELECT u.id::text FROM app_user u WHERE u.username = 'b.${kind}.' || ${jur} || '.1')`;
  return `
    CREATE UNLOGGED TABLE bench_clone AS
    SELECT g.n, ${slot} AS slot, lpad(to_hex(g.n), 12, '0') AS hx,
      'b0000000-0000-4000-8000-' || lpad(to_hex(g.n), 12, '0') AS person_id,
      'HS-B-' || lpad(g.n::text, 7, '0') AS case_code,
      c.code AS commune, c.province AS prov, c.region, c.path,
      make_interval(days => ((g.n::bigint * 7919) % 365)::int, secs => (g.n::bigint * 104729) % 86400) AS shift,
      u.u_police_c, u.u_people_committee_c, u.u_police_p, u.u_health_facility_p, u.u_rehab_centre_p, u.u_people_committee_p, u.u_court
    FROM generate_series(1, ${l.persons}) AS g(n)
    JOIN bench_geo c ON c.idx = (g.n - 1) % (SELECT count(*) FROM bench_geo)
    JOIN LATERAL (SELECT ${user('police', 'c.code')} AS u_police_c, ${user('people_committee', 'c.code')} AS u_people_committee_c,
      ${user('police', 'c.province')} AS u_police_p, ${user('health_facility', 'c.province')} AS u_health_facility_p,
      ${user('rehab_centre', 'c.province')} AS u_rehab_centre_p, ${user('people_committee', 'c.province')} AS u_people_committee_p,
      ${user('court', 'c.region')} AS u_court) u ON TRUE`;
}

export const PERSONS_SQL = `
  INSERT INTO person (id, full_name, other_names, date_of_birth, sex, id_type, id_number, province_code, commune_code, scope,
    permanent_address, status, statuses, created_by, created_at, updated_at)
  SELECT g.person_id::uuid, ${personNameSql('g.n')}, '{}', DATE '1970-01-01' + ((g.n::bigint * 7919) % 12000)::int,
    CASE WHEN g.n % 7 = 0 THEN 'female' ELSE 'male' END, 'cccd', '0' || g.prov || lpad(g.n::text, 9, '0'), g.prov, g.commune, g.path,
    'Thôn ' || (1 + g.n % 12) || ', xã ' || g.commune, 'under_management', '[]', NULL, now() - g.shift - interval '30 days', now() - g.shift
  FROM bench_clone g`;
