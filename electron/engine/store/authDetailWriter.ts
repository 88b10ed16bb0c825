import type { Statement } from 'better-sqlite3';
import type { AuthDetailRecord } from '../../../shared/domain/records';
import type { Db } from '../db/open';

/** Writes authentication steps keyed by (request id, step): an overlapping companion file counts once. */
export class AuthDetailWriter {
  private readonly insert: Statement<unknown[]>;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO signin_auth_details (request_id, step, method, method_detail, succeeded, result_detail, requirement, file_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  write(r: AuthDetailRecord, fileId: number): boolean {
    const succeeded = r.succeeded == null ? null : r.succeeded ? 1 : 0;
    return this.insert.run(r.requestId, r.step, r.method, r.methodDetail, succeeded, r.resultDetail, r.requirement, fileId).changes > 0;
  }
}
