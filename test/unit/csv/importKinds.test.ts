import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../support/paths';
import { fixture, importInto, rows } from './helpers';

const AUTH = 'InteractiveSignIns_AuthDetails_2026-11-01_2026-11-02.csv';

describe('sign-in authentication details (_AuthDetails_)', () => {
  it('numbers each sign-in\'s steps in file order and joins them to the sign-ins on Request ID', async () => {
    const t = await importInto([join(FIXTURES, 'portal', 'InteractiveSignIns_2026-11-01_2026-11-02.csv'), fixture(AUTH)]);
    expect(t.outcome('InteractiveSignIns_AuthDetails')).toMatchObject({
      status: 'imported',
      kind: 'signins.portal.authdetails.csv',
      rowsImported: 4,
      rowsRejected: 2,
      rejections: [
        { line: 5, reason: 'no Request ID' },
        { line: 6, reason: 'unreadable Succeeded value "maybe"' },
      ],
    });
    const steps = rows<{ step: number; method: string; succeeded: number; upn: string | null }>(
      t.db,
      `SELECT d.step, d.method, d.succeeded, s.upn FROM signin_auth_details d LEFT JOIN signin_view s USING (request_id)
       WHERE request_id = 'aaaaaaaa-0000-4000-8000-000000000001' ORDER BY step`,
    );
    expect(steps).toEqual([
      { step: 1, method: 'Password', succeeded: 1, upn: 'alice@contoso.com' },
      { step: 2, method: 'Microsoft Authenticator app', succeeded: 1, upn: 'alice@contoso.com' },
    ]);
    expect(rows(t.db, `SELECT succeeded FROM signin_auth_details WHERE request_id = 'aaaaaaaa-0000-4000-8000-000000000002'`)).toEqual([{ succeeded: 0 }]);
    await t.close();
  });

  it('counts an overlapping companion file once', async () => {
    const t = await importInto([fixture(AUTH)]);
    const { writeFileSync, readFileSync } = await import('node:fs');
    const copy = join(t.dir, 'NonInteractiveSignIns_AuthDetails_overlap.csv');
    writeFileSync(copy, `${readFileSync(fixture(AUTH), 'utf8')}\r\n`);
    const [again] = await t.more([copy]);
    expect(again).toMatchObject({ status: 'imported', rowsImported: 0, rowsDuplicate: 4, warnings: expect.arrayContaining([expect.stringMatching(/4 authentication steps were already/u)]) });
    expect(rows(t.db, 'SELECT count(*) AS n FROM signin_auth_details')).toEqual([{ n: 4 }]);
    await t.close();
  });
});

describe('MFA registration', () => {
  it('imports the portal download (BOM, quoted lists, day-first dates proved by 16/11)', async () => {
    const t = await importInto([fixture('UserRegistrationDetails_2026-11-20.csv')]);
    expect(t.outcome('UserRegistrationDetails')).toMatchObject({
      kind: 'mfa.portal.csv',
      rowsImported: 3,
      rowsRejected: 1,
      warnings: ['Dates are day-first (a value above 12 in the first position proved it).'],
    });
    const mfa = rows<Record<string, unknown>>(t.db, 'SELECT upn, is_mfa_capable, is_passwordless_capable, is_admin, methods, last_updated FROM mfa_registration ORDER BY upn');
    expect(mfa).toEqual([
      { upn: 'alice@contoso.com', is_mfa_capable: 1, is_passwordless_capable: 0, is_admin: 0, methods: '["Microsoft Authenticator app","Mobile phone"]', last_updated: '2026-11-16T10:05:00.000Z' },
      { upn: 'breakglass@contoso.onmicrosoft.com', is_mfa_capable: 1, is_passwordless_capable: 1, is_admin: 1, methods: '["FIDO2 security key","Windows Hello for Business"]', last_updated: '2026-10-03T12:00:00.000Z' },
      { upn: 'report.job@contoso.com', is_mfa_capable: 0, is_passwordless_capable: 0, is_admin: 0, methods: '[]', last_updated: '2026-11-01T02:00:00.000Z' },
    ]);
    await t.close();
  });

  it('warns once that Export-Csv lost the methods (#TYPE line, PascalCase Graph names), without calling them none', async () => {
    const t = await importInto([fixture('mfa_Get-MgReportAuthenticationMethodUserRegistrationDetail.csv')]);
    const o = t.outcome('mfa_Get-Mg');
    expect(o).toMatchObject({ kind: 'mfa.portal.csv', rowsImported: 2, rowsRejected: 0 });
    expect(o.warnings.filter((w) => /type name/u.test(w))).toEqual([expect.stringMatching(/for 2 users .*unknown, not none.*ConvertTo-Json -Depth 10/u)]);
    expect(rows(t.db, `SELECT i.object_id, m.is_mfa_registered FROM mfa_registration m JOIN identities i ON i.id = m.identity_id ORDER BY i.object_id`)).toEqual([
      { object_id: '11111111-1111-4111-8111-111111111111', is_mfa_registered: 1 },
      { object_id: '22222222-2222-4222-8222-222222222222', is_mfa_registered: 0 },
    ]);
    await t.close();
  });

  it('reads an Excel re-save: Windows-1252 accents, ";" delimiter, TRUE/FALSE, dotted day-first dates', async () => {
    const t = await importInto([fixture('mfa_excel_resaved_1252.csv')]);
    expect(t.outcome('mfa_excel')).toMatchObject({ kind: 'mfa.portal.csv', rowsImported: 2 });
    expect(rows(t.db, 'SELECT encoding, delimiter FROM imported_files')).toEqual([{ encoding: 'windows-1252', delimiter: ';' }]);
    expect(rows(t.db, `SELECT i.display_name, m.is_mfa_capable, m.is_admin, m.methods, m.last_updated FROM mfa_registration m JOIN identities i ON i.id = m.identity_id ORDER BY 1`)).toEqual([
      { display_name: 'Chloé Léger', is_mfa_capable: 0, is_admin: 1, methods: '[]', last_updated: '2026-11-19T08:00:00.000Z' },
      { display_name: 'José Muñoz', is_mfa_capable: 1, is_admin: 0, methods: '["microsoftAuthenticatorPush","softwareOneTimePasscode"]', last_updated: '2026-11-20T08:00:00.000Z' },
    ]);
    await t.close();
  });
});

describe('users: the "Download users (Preview)" export', () => {
  it('imports users from display labels, reads signInActivity JSON cells, stores no JSON as text, and keeps line numbers after a quoted newline', async () => {
    const t = await importInto([fixture('exportUsers_preview_2026-11-20.csv')]);
    const o = t.outcome('exportUsers_preview');
    expect(o).toMatchObject({ kind: 'users.portal.preview.csv', rowsImported: 3, rowsRejected: 1, rejections: [{ line: 6, reason: 'object id "not-a-guid" is not a GUID' }] });
    expect(o.warnings).toEqual(['Columns not imported (not understood by this version): assigned licenses, identities.']);
    // The directory's own last sign-in dates are kept (for dormancy when the logs do not reach back far enough).
    const activity = rows<{ n: number }>(t.db, 'SELECT count(*) AS n FROM identities WHERE last_sign_in IS NOT NULL OR last_non_interactive_sign_in IS NOT NULL');
    expect(activity).toEqual([{ n: 2 }]);
    const users = rows<Record<string, unknown>>(t.db, 'SELECT upn, display_name, user_type, account_enabled, department, on_premises_sync, created_at FROM identities ORDER BY upn');
    expect(users).toEqual([
      { upn: 'alice@contoso.com', display_name: 'Alice Example', user_type: 'member', account_enabled: 1, department: 'IT\nPlatform team', on_premises_sync: 0, created_at: '2025-11-20T09:00:00.000Z' },
      { upn: 'guest_fabrikam.com#EXT#@contoso.onmicrosoft.com', display_name: 'Guest Person', user_type: 'guest', account_enabled: 1, department: null, on_premises_sync: null, created_at: '2025-03-04T10:00:00.000Z' },
      // The display name cell held a JSON object: not a name, so not stored as one.
      { upn: 'svc-sync@contoso.com', display_name: null, user_type: 'member', account_enabled: 0, department: null, on_premises_sync: 1, created_at: '2024-01-02T15:04:00.000Z' },
    ]);
    await t.close();
  });
});
