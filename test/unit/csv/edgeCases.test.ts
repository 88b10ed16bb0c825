import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE, SHARED_SAMPLES } from '../../support/paths';
import { fixture, importInto, rows } from './helpers';

describe('real files', () => {
  it('imports the public PIM sample (";") with every row, the principal named by UPN and no object id', async () => {
    const t = await importInto([join(SHARED_SAMPLES, 'pim-assignments-export_pl-BE-EligibleHound_export_example.csv')]);
    expect(t.outcomes[0]).toMatchObject({ status: 'imported', kind: 'entra.roles.pim.csv', rowsImported: 3, rowsRejected: 0, rowsDuplicate: 0 });
    expect(rows(t.db, 'SELECT principal_name, principal_object_id, state, end_time FROM role_assignments ORDER BY id')).toEqual([
      { principal_name: 'cbailey@phantomcorp.onmicrosoft.com', principal_object_id: null, state: 'eligible', end_time: null },
      { principal_name: 'rhadmin@phantomcorp.onmicrosoft.com', principal_object_id: null, state: 'eligible', end_time: null },
      { principal_name: 'dirkjan@phantomcorp.onmicrosoft.com', principal_object_id: null, state: 'active', end_time: null },
    ]);
    await t.close();
  });

  it('imports the bundled tenant\'s Azure role assignments, deleted principals included', async () => {
    const t = await importInto([join(SAMPLE, 'azure_role_assignments.csv')]);
    expect(t.outcomes[0]).toMatchObject({ status: 'imported', kind: 'azure.roles.csv', rowsImported: 48, rowsRejected: 0, warnings: [] });
    expect(rows(t.db, `SELECT principal_type, count(*) AS n FROM role_assignments GROUP BY 1 ORDER BY 1`)).toEqual([
      { principal_type: 'Group', n: 6 },
      { principal_type: 'ServicePrincipal', n: 20 },
      { principal_type: 'Unknown', n: 2 },
      { principal_type: 'User', n: 20 },
    ]);
    await t.close();
  });
});

describe('awkward inputs', () => {
  it('streams a row whose one quoted cell is 5 MB and keeps the rows around it', async () => {
    const t = await importInto([]);
    const big = 'x'.repeat(5 * 1024 * 1024);
    const file = join(t.dir, 'applications_big.csv');
    writeFileSync(
      file,
      [
        '"Id","AppId","DisplayName","SignInAudience","Description"',
        '"a0a0a0a0-0000-4000-8000-000000000001","0a0a0a0a-0000-4000-8000-000000000001","before","AzureADMyOrg",""',
        `"a0a0a0a0-0000-4000-8000-000000000002","0a0a0a0a-0000-4000-8000-000000000002","big","AzureADMyOrg","${big}"`,
        '"a0a0a0a0-0000-4000-8000-000000000003","0a0a0a0a-0000-4000-8000-000000000003","after","AzureADMyOrg",""',
      ].join('\r\n'),
    );
    const [o] = await t.more([file]);
    expect(o).toMatchObject({ kind: 'applications.powershell.csv', rowsImported: 3, rowsRejected: 0 });
    expect(rows(t.db, 'SELECT display_name, length(description) AS len FROM identities ORDER BY app_object_id')).toEqual([
      { display_name: 'before', len: null },
      { display_name: 'big', len: big.length },
      { display_name: 'after', len: null },
    ]);
    await t.close();
  });

  it('counts a re-exported role file once (overlapping exports)', async () => {
    const t = await importInto([fixture('pim_assignments_export.csv'), join(SAMPLE, 'azure_role_assignments.csv')]);
    const again = join(t.dir, 'pim_again.csv');
    const azure = join(t.dir, 'azure_again.csv');
    const { readFileSync } = await import('node:fs');
    writeFileSync(again, `${readFileSync(fixture('pim_assignments_export.csv'), 'utf8')}\n`);
    writeFileSync(azure, `${readFileSync(join(SAMPLE, 'azure_role_assignments.csv'), 'utf8')}\r\n`);
    const [pim, az] = await t.more([again, azure]);
    expect(pim).toMatchObject({ rowsImported: 0, rowsDuplicate: 3 });
    expect(az).toMatchObject({ rowsImported: 0, rowsDuplicate: 48 });
    expect(rows(t.db, 'SELECT count(*) AS n FROM role_assignments')).toEqual([{ n: 51 }]);
    await t.close();
  });

  it('refuses a role file it cannot place without rows, and imports it once the auditor chooses', async () => {
    const t = await importInto([]);
    const file = join(t.dir, 'roles.csv');
    writeFileSync(file, 'Name,Object ID,Type,Role,Scope\n');
    const [refused] = await t.more([file]);
    expect(refused).toMatchObject({ status: 'failed', error: expect.stringMatching(/Azure RBAC or Entra directory/u) });
    const [chosen] = await t.more([file], { [file]: 'azure.roles.csv' });
    expect(chosen).toMatchObject({ status: 'imported', kind: 'azure.roles.csv', rowsImported: 0, warnings: expect.arrayContaining(['The file has a header but no rows.']) });
    await t.close();
  });
});
