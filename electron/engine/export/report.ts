import { createWriteStream, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { once } from 'node:events';
import type { ImportOutcome } from '../../../shared/contract/dto';
import type { Engagement } from '../engagement';
import { iterateIdentities } from '../queries/identities';
import { Pseudonymizer } from './pseudonymize';
import { getCoverage } from '../queries/coverage';
import { getSummary, listImportedFiles } from '../queries/summary';
import { iterateFindings, listRuleResults } from '../queries/findings';

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportOptions {
  outPath: string;
  asOf: string;
  appVersion: string;
  /** Inputs of this run that were not imported (failed, skipped), so the report shows them too. */
  runOutcomes?: readonly ImportOutcome[];
  signal: AbortSignal;
  /** The engagement's pseudonym key: names, UPNs, e-mail and IP addresses become stable pseudonyms. */
  pseudonymKey?: Buffer | undefined;
}

/** Values that are our own vocabulary or opaque ids: never pseudonymised, and not worth scanning. */
const OWN_WORDS = new Set(['kind', 'class', 'computedClass', 'verdict', 'surface', 'effect', 'rule', 'severity', 'status', 'sha256', 'pattern', 'objectId', 'appId', 'decision', 'asOf']);

/**
 * Writes the machine-readable report as a stream. Values not computed (an engagement never
 * analysed, findings in this version) are present and null or listed as not computed: never filled
 * with a default that could be read as a result.
 */
export async function writeReport(engagement: Engagement, opts: ReportOptions): Promise<void> {
  mkdirSync(dirname(opts.outPath), { recursive: true });
  const db = engagement.reader;
  const out = createWriteStream(opts.outPath, { encoding: 'utf8' });
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const info = engagement.info();
  const p = opts.pseudonymKey ? Pseudonymizer.fromEngagement(db, opts.pseudonymKey, info) : null;
  // A folder path names the consultant's account and often the customer: only the file name stays.
  const pathOf = (path: string): string => (p ? basename(path) : path);
  const json = (v: unknown, indent?: number): string =>
    JSON.stringify(v, p ? (key, value: unknown) => (typeof value === 'string' && !OWN_WORDS.has(key) ? p.text(value) : value) : undefined, indent);
  const summary = getSummary(db, info);
  const imported = listImportedFiles(db);
  const coverage = getCoverage(db);
  const inputs = [
    ...imported.map((f) => ({
      file: f.name,
      path: pathOf(f.path),
      sha256: f.sha256,
      kind: f.kind,
      rows: f.rowsImported,
      rejectedRows: f.rowsRejected,
      duplicateRows: f.rowsDuplicate,
      firstRejections: f.rejections.slice(0, 20),
      warnings: f.warnings,
      error: null as string | null,
    })),
    ...(opts.runOutcomes ?? [])
      .filter((o) => o.status !== 'imported')
      .map((o) => ({
        file: o.name,
        path: pathOf(o.path),
        sha256: o.sha256,
        kind: o.kind,
        rows: 0,
        rejectedRows: 0,
        duplicateRows: 0,
        firstRejections: [],
        warnings: o.warnings,
        error: o.error ?? (o.status === 'skipped' ? 'skipped' : null),
      })),
  ];
  const head = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: { name: 'nhi-audit', version: opts.appVersion },
    asOf: opts.asOf,
    pseudonymised: p != null,
    engagement: { name: info.name, customer: info.customer, tenant: info.tenant, auditor: info.auditor },
    analysis: {
      classification: summary.analysedAt ? 'computed' : 'not_computed',
      readiness: summary.analysedAt ? 'computed' : 'not_computed',
      recommendations: summary.analysedAt ? 'computed' : 'not_computed',
      findings: summary.analysedAt ? 'computed' : 'not_computed',
      rules: listRuleResults(db).map((r) => ({ id: r.ruleId, status: r.status, reason: r.reason, findings: r.findings })),
    },
    coverage: {
      signIns: summary.signIns,
      signInsByCategory: summary.signInsByCategory,
      firstSignIn: summary.firstSignIn,
      lastSignIn: summary.lastSignIn,
      categories: coverage.categories,
      entities: coverage.entities,
      truncatedFiles: coverage.truncatedFiles,
      caveats: coverage.caveats,
    },
    summary: { identities: summary.identities, byClass: summary.byClass, byVerdict: summary.byVerdict, findingsBySeverity: summary.findingsBySeverity },
    inputs,
  };
  const headJson = json(head, 2);
  await write(`${headJson.slice(0, -2)},\n  "identities": [`);
  let first = true;
  let n = 0;
  for (const r of iterateIdentities(db)) {
    const item = {
      id: r.id,
      kind: r.kind,
      objectId: r.objectId,
      appId: r.appId,
      upn: r.upn,
      displayName: r.displayName,
      class: r.class,
      computedClass: r.computedClass,
      override: r.override,
      confidence: r.confidence,
      reasons: r.reasons.map((x) => x.text),
      readiness: r.verdict
        ? {
            verdict: r.verdict,
            reason: r.verdictReason,
            phase: r.phase,
            blockedSince: r.blockedSince,
            surfaces: r.surfaces.map((x) => ({
              surface: x.surface,
              phase: x.phase,
              effect: x.effect,
              singleFactor: x.singleFactor,
              mfa: x.mfa,
              mfaFailures: x.mfaFailures,
              firstSingleFactor: x.firstSingleFactor,
              lastSingleFactor: x.lastSingleFactor,
              firstMfaFailure: x.firstMfaFailure,
              lastMfaFailure: x.lastMfaFailure,
              sampleRequestIds: x.sampleRequestIds,
            })),
          }
        : { verdict: null, reason: null, phase: null, blockedSince: null, surfaces: null },
      recommendation: r.recommendation,
      signIns: { total: r.signIns, interactive: r.interactiveSignIns, nonInteractive: r.nonInteractiveSignIns, lastSeen: r.lastSeen },
      review: r.review,
    };
    await write(`${first ? '' : ','}\n    ${json(item)}`);
    first = false;
    if (++n % 1000 === 0 && opts.signal.aborted) throw new Error('Export cancelled.');
  }
  await write(`\n  ],\n  "findings": [`);
  first = true;
  for (const f of iterateFindings(db)) {
    const item = {
      rule: f.ruleId,
      title: f.title,
      severity: f.severity,
      identityId: f.identityId,
      subject: f.subject,
      evidence: f.evidence,
      owaspNhi: f.frameworks['owasp-nhi-2025'],
      nistCsf: f.frameworks['nist-csf-2'],
      sp800207: f.frameworks['nist-sp-800-207'],
    };
    await write(`${first ? '' : ','}\n    ${json(item)}`);
    first = false;
  }
  await write(`\n  ]\n}\n`);
  out.end();
  await once(out, 'finish');
}
