import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectCsvKind } from '../../../shared/parse/detect';
import { indexHeader, normaliseHeader, picker } from '../../../shared/parse/headers';
import { KNOWN_PORTAL_SIGNIN_HEADERS } from '../../../shared/parse/signinColumns';
import { SHARED_SAMPLES } from '../../support/paths';

const headerOf = (file: string): string[] => {
  const text = readFileSync(resolve(SHARED_SAMPLES, file), 'utf8');
  return Papa.parse<string[]>(text.split(/\r?\n/u)[0] ?? '').data[0] ?? [];
};

describe('header normalisation', () => {
  it('trims, collapses spaces, lowercases and drops a BOM', () => {
    expect(normaliseHeader('\uFEFF"Application ID " '.replace(/"/gu, ''))).toBe('application id');
    expect(normaliseHeader('Autonomous system  number')).toBe('autonomous system number');
  });

  it('keeps both "Incoming token type" columns and takes the first non-empty', () => {
    const index = indexHeader(['Incoming token type', 'x', 'Incoming token type']);
    expect(index.positions.get('incoming token type')).toEqual([0, 2]);
    const pick = picker(index, ['incoming token type']);
    expect(pick?.(['', 'x', 'primaryRefreshToken'])).toBe('primaryRefreshToken');
    expect(pick?.(['none', 'x', 'primaryRefreshToken'])).toBe('none');
  });
});

describe('detection of the real portal headers', () => {
  it('knows every column of the 2024 and 2026 interactive headers', () => {
    for (const f of ['HEADER-ONLY_portal-InteractiveSignIns_2024-10_bitpusher2k-M365IRScripts.csv', 'HEADER-ONLY_portal-InteractiveSignIns_2026-01_unattributed-schema-doc.csv']) {
      const names = indexHeader(headerOf(f)).names;
      expect(names.filter((n) => !KNOWN_PORTAL_SIGNIN_HEADERS.has(n))).toEqual([]);
    }
  });

  it('needs the file name to tell interactive from non-interactive', () => {
    const index = indexHeader(headerOf('HEADER-ONLY_portal-InteractiveSignIns_2024-10_bitpusher2k-M365IRScripts.csv'));
    expect(detectCsvKind(index, 'InteractiveSignIns_2024-10-01_2024-10-14.csv')).toMatchObject({ kind: 'signins.portal.interactive.csv' });
    expect(detectCsvKind(index, 'NonInteractiveSignIns_2024-10-01_2024-10-14.csv')).toMatchObject({ kind: 'signins.portal.non_interactive.csv' });
    expect(detectCsvKind(index, 'export.csv')).toMatchObject({ status: 'ambiguous' });
  });

  it('detects the service principal tab by its columns, whatever the name', () => {
    const index = indexHeader(headerOf('HEADER-ONLY_portal-ApplicationSignIns_2026-01_unattributed-schema-doc.csv'));
    expect(detectCsvKind(index, 'renamed.csv')).toMatchObject({ kind: 'signins.portal.service_principal.csv' });
    expect(detectCsvKind(index, 'MSISignIns_2026-01-01_2026-01-02.csv')).toMatchObject({ kind: 'signins.portal.managed_identity.csv' });
  });

  it('detects the users download and names what it does not import yet', () => {
    expect(detectCsvKind(indexHeader(headerOf('entra-users-download_y-security-blog-2021-12-06.csv')), 'x.csv')).toMatchObject({ kind: 'users.portal.csv' });
    expect(detectCsvKind(indexHeader(headerOf('pim-assignments-export_pl-BE-EligibleHound_export_example.csv')), 'x.csv')).toMatchObject({ kind: 'entra.roles.pim.csv' });
    // Without its first row a Log Analytics export cannot say which table it holds.
    expect(detectCsvKind(indexHeader(headerOf('loganalytics-SigninLogs-export_semantic-kernel-kql-blog-2023.csv')), 'x.csv')).toMatchObject({ status: 'unknown' });
    expect(detectCsvKind(indexHeader(['TimeGenerated [UTC]', 'Id', 'Type']), 'x.csv', ['9/19/2023', 'x', 'AADManagedIdentitySignInLogs'])).toMatchObject({
      kind: 'signins.loganalytics.managed_identity.csv',
    });
    expect(detectCsvKind(indexHeader(['TimeGenerated [UTC]', 'Id', 'Type']), 'x.csv', ['9/19/2023', 'x', 'AuditLogs'])).toMatchObject({ status: 'unsupported' });
    expect(detectCsvKind(indexHeader(['a', 'b']), 'x.csv')).toMatchObject({ status: 'unknown' });
  });
});
