import Database from 'libsql';
const db = new Database(process.argv[2] ?? '');
for (const sql of process.argv.slice(3)) console.log(sql, JSON.stringify(db.prepare(sql).all()));
