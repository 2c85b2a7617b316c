/**
 * Writes planned cases with statements prepared once (the synchronous `libsql` driver, the same engine as the
 * application's), a batch per transaction. The search index is built by the application's own
 * `searchDocument`, so generated cases are found exactly as real ones.
 */
import Database from 'libsql';
import { OUT_OF_SCOPE_LABELS, caseQueueKey } from '@pakn/domain';
import { answerFact, searchDocument, stageCalendar, type SearchSource, type WorkingCalendars } from '@pakn/db';
import type { PlannedCase } from './plan.ts';

interface Statement {
  run(...args: unknown[]): { lastInsertRowid: number | bigint };
  all(...args: unknown[]): unknown[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const CASE_SQL = `INSERT INTO cases (id, reference, access_key_hash, channel, site_key, status, reported_category, category,
  out_of_scope_class, referral, concerned_unit_id, unit_id, description, contact_name, contact_phone, contact_email,
  confidential, consent_at, lang, answer, answered_at, created_at, updated_at, version, dossier_code, appointment_date,
  returned_date, rating_score, rating_comment, rated_at, forwarded_at, merged_into, wants_updates, acknowledged_at,
  assigned_to, pauses, info_question, extension_status, extension_days, extension_reason, answer_outcome, queue_rank, queue_at)
  VALUES (${Array.from({ length: 43 }, () => '?').join(', ')})`;

export class CaseWriter {
  readonly #db: Database.Database;
  readonly #statements: Record<'case' | 'event' | 'letter' | 'contact' | 'record' | 'doc' | 'search', Statement>;
  readonly #labels: Map<string, string>;
  readonly #calendars: WorkingCalendars;
  readonly #calendarOf: ReturnType<typeof stageCalendar>;
  events = 0;

  /** `calendars`: the working calendars the application loads (loadWorkingCalendars), for the stored keys and facts. */
  constructor(path: string, calendars: WorkingCalendars) {
    this.#calendars = calendars;
    this.#calendarOf = stageCalendar(calendars);
    this.#db = new Database(path);
    // Generation is one bulk load into a file nobody else uses yet: durability per batch is not needed.
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144;');
    const rows = this.#prepare('SELECT key, label_vi FROM categories').all() as { key: string; label_vi: string }[];
    this.#labels = new Map(rows.map((r) => [r.key, r.label_vi]));
    this.#statements = {
      case: this.#prepare(CASE_SQL),
      event: this.#prepare(
        `INSERT INTO case_events (case_id, at, kind, from_status, to_status, actor_staff_id, note, visible_to_citizen,
           answer_state, answer_unit_id, answer_on_time, answer_nanodays) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      letter: this.#prepare(
        `INSERT INTO letters (id, case_id, unit_id, status, year, number, body, drafted_by, drafted_at, decided_by, decided_at, decision_comment)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      contact: this.#prepare(
        `INSERT INTO contacts (id, case_id, channel, at, phone, summary, recorded_by, is_follow_up, confidential, name, email)
         VALUES (?, ?, 'hotline', ?, ?, ?, ?, 1, ?, ?, ?)`,
      ),
      record: this.#prepare('INSERT INTO unit_records (id, unit_id, case_id, kind, note, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      doc: this.#prepare('INSERT INTO case_search_docs (case_id) VALUES (?)'),
      search: this.#prepare('INSERT INTO case_search (rowid, body, notes, identity, hidden_identity) VALUES (?, ?, ?, ?, ?)'),
    };
  }

  #prepare(sql: string): Statement {
    return this.#db.prepare<unknown[]>(sql);
  }

  /** Labels a case's index shows: its categories' stored Vietnamese labels and its out-of-scope class. */
  #labelsOf(c: PlannedCase): string[] {
    const labels = [...new Set([c.category, c.reportedCategory].filter((k): k is string => k !== null))].flatMap((k) => {
      const label = this.#labels.get(k);
      return label ? [label] : [];
    });
    if (c.outOfScopeClass) labels.push(OUT_OF_SCOPE_LABELS[c.outOfScopeClass].vi);
    return labels;
  }

  /**
   * The list key (migration 0014) with the domain's caseQueueKey and the calendars refreshCaseQueue uses: a
   * server started on the file has no key to compute and a recount changes none.
   */
  #queueKey(c: PlannedCase): { rank: number; at: string } {
    return caseQueueKey(
      {
        status: c.status,
        createdAt: new Date(c.createdAt).toISOString(),
        forwardedAt: iso(c.forwardedAt),
        pauses: c.pauses,
        extension: c.extension,
        unitId: c.unitId,
      },
      this.#calendarOf,
    );
  }

  /** The stored timing of a verified answer (migration 0017), computed by the same answerFact as refreshAnswerFacts. */
  #answerFact(c: PlannedCase, answeredAt: number): (string | number | null)[] {
    const submitted = c.events.filter((e) => e.kind === 'answer_submitted' && e.at <= answeredAt).map((e) => e.at);
    const fact = answerFact(
      {
        unitId: c.unitId,
        forwardedAt: iso(c.forwardedAt),
        submittedAt: submitted.length > 0 ? iso(Math.max(...submitted)) : null,
        pauses: c.pauses,
        extension: c.extension,
      },
      this.#calendars,
    );
    return [fact.state, fact.unitId, fact.onTime, fact.nanodays];
  }

  #insertCase(c: PlannedCase): void {
    const { citizen } = c;
    const key = this.#queueKey(c);
    this.#statements.case.run(
      c.id,
      c.reference,
      c.accessKeyHash,
      c.channel,
      c.siteKey,
      c.status,
      c.reportedCategory,
      c.category,
      c.outOfScopeClass,
      c.referral,
      c.concernedUnitId,
      c.unitId,
      c.description,
      citizen.name,
      citizen.phone,
      citizen.email,
      c.confidential ? 1 : 0,
      citizen.name || citizen.phone || citizen.email ? iso(c.createdAt) : null,
      'vi',
      c.answer,
      iso(c.answeredAt),
      iso(c.createdAt),
      iso(c.updatedAt),
      c.events.length,
      c.dossierCode,
      c.appointmentDate,
      c.returnedDate,
      c.rating?.score ?? null,
      c.rating?.comment ?? null,
      iso(c.rating?.at ?? null),
      iso(c.forwardedAt),
      c.mergedInto,
      c.wantsUpdates ? 1 : 0,
      iso(c.acknowledgedAt),
      c.assignedTo,
      JSON.stringify(c.pauses),
      c.infoQuestion,
      c.extension?.status ?? null,
      c.extension?.days ?? null,
      c.extension?.reason ?? null,
      c.answerOutcome,
      key.rank,
      key.at,
    );
  }

  #insertHistory(c: PlannedCase, reference: (caseId: string) => string): void {
    for (const e of c.events) {
      const fact = e.kind === 'answered' ? this.#answerFact(c, e.at) : [null, null, null, null];
      this.#statements.event.run(c.id, iso(e.at), e.kind, e.from, e.to, e.actor, e.note, e.visible ? 1 : 0, ...fact);
    }
    this.events += c.events.length;
    for (const l of c.letters) {
      const body = `Trung tâm Phục vụ hành chính công Thành phố Hà Nội chuyển phản ánh ${reference(c.id)} đến đơn vị để xem xét, giải quyết và trả lời công dân theo quy định.`;
      this.#statements.letter.run(
        l.id,
        c.id,
        l.unitId,
        l.status,
        l.year,
        l.number,
        body,
        l.draftedBy,
        iso(l.draftedAt),
        l.decidedBy,
        iso(l.decidedAt),
        l.comment,
      );
    }
    for (const k of c.contacts) {
      this.#statements.contact.run(k.id, c.id, iso(k.at), c.citizen.phone, k.summary, k.recordedBy, c.confidential ? 1 : 0, c.citizen.name, c.citizen.email);
    }
    for (const r of c.records) this.#statements.record.run(r.id, r.unitId, c.id, r.kind, r.note, r.recordedBy, iso(r.at));
  }

  #index(c: PlannedCase): void {
    const identity = (x: PlannedCase, confidential: boolean) => ({ ...x.citizen, confidential });
    const source: SearchSource = {
      reference: c.reference,
      dossierCode: c.dossierCode,
      labels: this.#labelsOf(c),
      description: c.description,
      citizen: identity(c, c.confidential),
      contacts: c.contacts.map((k) => ({ ...c.citizen, summary: k.summary, confidential: c.confidential })),
      merged: c.mergedHere.map((m) => ({ ...identity(m, m.confidential), reference: m.reference, description: m.description })),
    };
    const doc = searchDocument(source);
    const { lastInsertRowid } = this.#statements.doc.run(c.id);
    this.#statements.search.run(lastInsertRowid, doc.body, doc.notes, doc.identity, doc.hiddenIdentity);
  }

  /** One transaction for the whole batch. */
  writeBatch(cases: readonly PlannedCase[]): void {
    const references = new Map(cases.map((c) => [c.id, c.reference]));
    const write = this.#db.transaction(() => {
      for (const c of cases) {
        this.#insertCase(c);
        this.#insertHistory(c, (id) => references.get(id) ?? '');
        this.#index(c);
      }
    });
    write();
  }

  /** Runs statements outside the batches (staff, counters, the final optimisation). */
  exec(sql: string, ...args: unknown[]): void {
    this.#prepare(sql).run(...args);
  }

  all(sql: string, ...args: unknown[]): unknown[] {
    return this.#prepare(sql).all(...args);
  }

  close(): void {
    this.#db.close();
  }
}
