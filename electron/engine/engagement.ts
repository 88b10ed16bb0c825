import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { EngagementInfo } from '../../shared/contract/dto';
import { UserFacingError } from '../../shared/contract/result';
import {
  ClassificationSettingsSchema,
  DEFAULT_CLASSIFICATION_SETTINGS,
  type ClassificationSettings,
} from '../../shared/classification/settings';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../../shared/rules/rule';
import { ruleSettings } from './analysis/ruleInputs';
import { openDatabase, type Db } from './db/open';

export interface EngagementMeta {
  name: string;
  customer: string;
  tenant: string;
  auditor: string;
  asOf: string | null;
}

/**
 * An open engagement: one connection that writes (jobs) and one that reads (queries). With WAL the
 * reader sees the last committed state, so the UI never observes a half-imported file.
 */
export class Engagement {
  private constructor(
    readonly path: string,
    readonly writer: Db,
    readonly reader: Db,
  ) {}

  static create(path: string, meta: EngagementMeta, appVersion: string): Engagement {
    const full = resolve(path);
    if (existsSync(full)) {
      throw new UserFacingError(`${full} already exists; open it instead, or choose another name.`, 'ENGAGEMENT_EXISTS');
    }
    mkdirSync(dirname(full), { recursive: true });
    const writer = openDatabase(full, { create: true });
    writer
      .prepare(
        `INSERT INTO engagement (id, name, customer, tenant, auditor, as_of, created_at, app_version) VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(meta.name, meta.customer, meta.tenant, meta.auditor, meta.asOf, new Date().toISOString(), appVersion);
    writer
      .prepare(`INSERT INTO settings (key, value) VALUES ('classification', ?), ('rules', ?)`)
      .run(JSON.stringify(DEFAULT_CLASSIFICATION_SETTINGS), JSON.stringify(DEFAULT_RULE_SETTINGS));
    return new Engagement(full, writer, openDatabase(full, { create: false }));
  }

  static open(path: string): Engagement {
    const full = resolve(path);
    const writer = openDatabase(full, { create: false });
    const has = writer.prepare(`SELECT count(*) AS n FROM engagement`).get() as { n: number };
    if (has.n === 0) {
      writer.close();
      throw new UserFacingError(`${full} has no engagement record; it may have been created by an interrupted run.`, 'ENGAGEMENT_INCOMPLETE');
    }
    return new Engagement(full, writer, openDatabase(full, { create: false }));
  }

  /** Opens an engagement file if it exists, else creates it. */
  static openOrCreate(path: string, meta: EngagementMeta, appVersion: string): Engagement {
    return existsSync(resolve(path)) ? Engagement.open(path) : Engagement.create(path, meta, appVersion);
  }

  info(): EngagementInfo {
    const r = this.reader.prepare(`SELECT * FROM engagement WHERE id = 1`).get() as {
      name: string;
      customer: string;
      tenant: string;
      auditor: string;
      as_of: string | null;
      created_at: string;
    };
    return {
      path: this.path,
      name: r.name,
      customer: r.customer,
      tenant: r.tenant,
      auditor: r.auditor,
      asOf: r.as_of,
      createdAt: r.created_at,
      schemaVersion: this.reader.pragma('user_version', { simple: true }) as number,
    };
  }

  classificationSettings(): ClassificationSettings {
    const row = this.reader.prepare(`SELECT value FROM settings WHERE key = 'classification'`).get() as { value: string } | undefined;
    return ClassificationSettingsSchema.parse(row ? JSON.parse(row.value) : {});
  }

  /** The engagement's rule thresholds and severities (defaults for what it does not set). */
  ruleSettings(): RuleSettings {
    return ruleSettings(this.reader);
  }

  close(): void {
    this.reader.close();
    // Folding the WAL back into the main file leaves one self-contained .nhiaudit to hand over.
    this.writer.pragma('wal_checkpoint(TRUNCATE)');
    this.writer.close();
  }
}
