import type { Row } from '@libsql/client';
import type { Site, Unit, UnitKind } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { str, strOrNull } from './rows.ts';

function toUnit(row: Row): Unit {
  return {
    id: str(row, 'id'),
    kind: str(row, 'kind') as UnitKind,
    name: str(row, 'name'),
    parentId: strOrNull(row, 'parent_id'),
  };
}

function toSite(row: Row): Site {
  return {
    key: str(row, 'key'),
    name: str(row, 'name'),
    allowedOrigins: JSON.parse(str(row, 'allowed_origins')) as string[],
    defaultUnitId: strOrNull(row, 'default_unit_id'),
  };
}

export async function listUnits(db: Executor): Promise<Unit[]> {
  const result = await db.execute(
    `SELECT id, kind, name, parent_id FROM units
     ORDER BY CASE kind WHEN 'centre' THEN 0 WHEN 'branch' THEN 1 WHEN 'department' THEN 2 ELSE 3 END, name`,
  );
  return result.rows.map(toUnit);
}

export async function getUnit(db: Executor, id: string): Promise<Unit | null> {
  const result = await db.execute({ sql: 'SELECT id, kind, name, parent_id FROM units WHERE id = ?', args: [id] });
  const row = result.rows[0];
  return row ? toUnit(row) : null;
}

export async function insertUnit(db: Executor, unit: Unit, now: Date): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO units (id, kind, name, parent_id, created_at) VALUES (?, ?, ?, ?, ?)',
    args: [unit.id, unit.kind, unit.name, unit.parentId, now.toISOString()],
  });
}

export async function listSites(db: Executor): Promise<Site[]> {
  const result = await db.execute('SELECT key, name, allowed_origins, default_unit_id FROM sites ORDER BY name');
  return result.rows.map(toSite);
}

export async function getSite(db: Executor, key: string): Promise<Site | null> {
  const result = await db.execute({
    sql: 'SELECT key, name, allowed_origins, default_unit_id FROM sites WHERE key = ?',
    args: [key],
  });
  const row = result.rows[0];
  return row ? toSite(row) : null;
}

export async function insertSite(db: Executor, site: Site, now: Date): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO sites (key, name, allowed_origins, default_unit_id, created_at) VALUES (?, ?, ?, ?, ?)',
    args: [site.key, site.name, JSON.stringify(site.allowedOrigins), site.defaultUnitId, now.toISOString()],
  });
}

export async function updateUnit(tx: Executor, unit: Unit): Promise<boolean> {
  const result = await tx.execute({
    sql: 'UPDATE units SET kind = ?, name = ?, parent_id = ? WHERE id = ?',
    args: [unit.kind, unit.name, unit.parentId, unit.id],
  });
  return result.rowsAffected === 1;
}

export async function updateSite(tx: Executor, site: Site): Promise<boolean> {
  const result = await tx.execute({
    sql: 'UPDATE sites SET name = ?, allowed_origins = ?, default_unit_id = ? WHERE key = ?',
    args: [site.name, JSON.stringify(site.allowedOrigins), site.defaultUnitId, site.key],
  });
  return result.rowsAffected === 1;
}
