import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A synthetic portal sign-in CSV big enough that cancelling mid-file is observable. */
export function bigInteractiveCsv(dir: string, rows: number): string {
  const header =
    '"Date (UTC)","Request ID","User agent","User ID","User","Username","User type","Application","Application ID ","Resource ID ","IP address","Location","Status","Sign-in error code","Authentication requirement"';
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const user = i % 50;
    lines.push(
      `"2026-11-0${1 + (i % 9)}T${String(i % 24).padStart(2, '0')}:00:00Z","${String(i).padStart(8, '0')}-aaaa-4aaa-8aaa-aaaaaaaaaaaa","python-requests/2.31.0","${String(user).padStart(8, '0')}-bbbb-4bbb-8bbb-bbbbbbbbbbbb","User ${user}","user${user}@contoso.com","Member","Microsoft Azure CLI","04b07795-8ddb-461a-bbee-02f9e1bf7b46","797f4846-ba00-4fd7-ba43-dac1f8f63013","198.51.100.${user}","Zürich, Zurich, CH","Success","0","Single-factor authentication"`,
    );
  }
  const path = join(dir, 'InteractiveSignIns_2026-11-01_2026-11-09.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

