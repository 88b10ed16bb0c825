import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Rng } from '../../electron/engine/sample/prng';
import { userHeaderLine, USER_SIGNIN_HEADER } from '../../electron/engine/sample/writers/portalSignInCsv';

/**
 * Writes one Entra portal interactive sign-in CSV of `rows` rows: the real 55-column, fully quoted
 * header, and rows shaped like real ones (GUIDs, user agents with commas, "City, State, CC"
 * locations), deterministic for a seed. For benchmarks: the sample generator writes realistic
 * tenants; this writes one big file fast.
 */
const APPS = [
  ['Azure Portal', 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 'Windows Azure Service Management API', '797f4846-ba00-4fd7-ba43-dac1f8f63013'],
  ['Microsoft Azure CLI', '04b07795-8ddb-461a-bbee-02f9e1bf7b46', 'Windows Azure Service Management API', '797f4846-ba00-4fd7-ba43-dac1f8f63013'],
  ['Microsoft Teams', '1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Graph', '00000003-0000-0000-c000-000000000000'],
  ['Microsoft Office', 'd3590ed6-52b3-4102-aeff-aad2292ab01c', 'Office 365 Exchange Online', '00000002-0000-0ff1-ce00-000000000000'],
] as const;
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36 Edg/127.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  'azsdk-python-identity/1.23.1 Python/3.11.5 (Linux-6.5.0-azure-x86_64-with-glibc2.35)',
  'python-requests/2.31.0',
];
const PLACES = ['Zürich, Zurich, CH', 'Amsterdam, Noord-Holland, NL', 'Seattle, Washington, US', 'München, Bayern, DE'];

export async function writePortalCsv(path: string, rows: number, seed = 1, userCount = 2000): Promise<number> {
  const rng = Rng.fork(seed, 'bench-portal-csv');
  const guid = (): string => rng.guid();
  const users = Array.from({ length: userCount }, (_, i) => ({ id: guid(), name: `User ${i}`, upn: `user${i}@contoso.com` }));
  const tenant = guid();
  const out = createWriteStream(path);
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${userHeaderLine()}\r\n`);
  const start = Date.UTC(2026, 9, 21);
  const span = 30 * 86_400_000;
  const q = (v: string): string => `"${v.replaceAll('"', '""')}"`;
  let bytes = 0;
  for (let i = 0; i < rows; i++) {
    const u = users[rng.int(0, users.length - 1)] as (typeof users)[number];
    const app = APPS[rng.int(0, APPS.length - 1)] as (typeof APPS)[number];
    const ok = rng.next() < 0.95;
    const mfa = rng.next() < 0.7;
    const values: Record<string, string> = {
      'Date (UTC)': new Date(start + Math.floor((i / rows) * span)).toISOString().replace('.000Z', 'Z'),
      'Request ID': guid(),
      'User agent': AGENTS[rng.int(0, AGENTS.length - 1)] as string,
      'Correlation ID': guid(),
      'User ID': u.id,
      User: u.name,
      Username: u.upn,
      'User type': 'Member',
      'Cross tenant access type': 'none',
      'Incoming token type': 'none',
      'Authentication Protocol': 'none',
      'Unique token identifier': guid().slice(0, 22),
      'Client credential type': 'none',
      Application: app[0],
      'Application ID ': app[1],
      Resource: app[2],
      'Resource ID ': app[3],
      'Resource tenant ID': tenant,
      'Home tenant ID': tenant,
      'IP address': `203.0.113.${rng.int(1, 254)}`,
      Location: PLACES[rng.int(0, PLACES.length - 1)] as string,
      Status: ok ? 'Success' : 'Failure',
      'Sign-in error code': ok ? '0' : '50126',
      'Failure reason': ok ? '' : 'Error validating credentials due to invalid username or password.',
      'Client app': 'Browser',
      Browser: 'Edge 127.0.0',
      'Operating System': 'Windows10',
      'Multifactor authentication result': mfa ? 'MFA requirement satisfied by claim in the token' : '',
      'Authentication requirement': mfa ? 'Multifactor authentication' : 'Single-factor authentication',
      'Sign-in identifier': u.upn,
      'Session ID': guid(),
      'Autonomous system  number': '3303',
      'Flagged for review': 'No',
      'Token issuer type': 'AzureAD',
      Latency: String(rng.int(20, 900)),
      'Conditional Access': 'Not Applied',
    };
    const line = `${USER_SIGNIN_HEADER.map((h) => q(values[h] ?? '')).join(',')}\r\n`;
    bytes += line.length;
    await write(line);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
