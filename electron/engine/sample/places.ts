/**
 * Where Contoso's people, servers and partners sign in from. Office and on-premises egress addresses
 * use the RFC 5737 documentation ranges and home broadband uses them plus the RFC 3849 IPv6
 * documentation prefix, so the sample never points at a real household. Azure-hosted automation uses
 * Microsoft's own address space with its real ASN (8075), because "comes from an Azure datacenter" is
 * evidence the analyzer should be able to see.
 */
import type { Rng } from './prng';
import type { Zone } from './time';

export const ZONES = {
  pacific: { id: 'America/Los_Angeles', stdOffsetMin: -480, dst: 'us' },
  eastern: { id: 'America/New_York', stdOffsetMin: -300, dst: 'us' },
  london: { id: 'Europe/London', stdOffsetMin: 0, dst: 'eu' },
  berlin: { id: 'Europe/Berlin', stdOffsetMin: 60, dst: 'eu' },
  utc: { id: 'UTC', stdOffsetMin: 0, dst: 'none' },
} as const satisfies Record<string, Zone>;

/** A place as the sign-in log locates it: `City, State, CC`, plus the network's autonomous system. */
export interface Place {
  readonly city: string;
  readonly state: string;
  readonly country: string;
  readonly asn: number;
}

export interface Office {
  readonly key: string;
  readonly label: string;
  readonly place: Place;
  readonly countryName: string;
  readonly street: string;
  readonly postalCode: string;
  readonly phonePrefix: string;
  /** Digits appended to the prefix (fictional ranges: US 555-01xx, UK 020 7946 0xxx). */
  readonly phoneDigits: number;
  readonly usageLocation: string;
  readonly zone: Zone;
  readonly egressIps: readonly string[];
  /** Towns people commute from (home broadband). */
  readonly homeTowns: readonly Place[];
  /** Share of the workforce based here. */
  readonly weight: number;
}

export const OFFICES: readonly Office[] = [
  {
    key: 'sea',
    label: 'Seattle HQ',
    place: { city: 'Seattle', state: 'Washington', country: 'US', asn: 7018 },
    countryName: 'United States',
    street: '1200 Westlake Ave N',
    postalCode: '98109',
    phonePrefix: '+1 206 555 01',
    phoneDigits: 2,
    usageLocation: 'US',
    zone: ZONES.pacific,
    egressIps: ['203.0.113.10', '203.0.113.11'],
    homeTowns: [
      { city: 'Bellevue', state: 'Washington', country: 'US', asn: 7922 },
      { city: 'Redmond', state: 'Washington', country: 'US', asn: 7922 },
      { city: 'Tacoma', state: 'Washington', country: 'US', asn: 20115 },
      { city: 'Seattle', state: 'Washington', country: 'US', asn: 7922 },
    ],
    weight: 45,
  },
  {
    key: 'nyc',
    label: 'New York',
    place: { city: 'New York', state: 'New York', country: 'US', asn: 701 },
    countryName: 'United States',
    street: '350 Hudson St',
    postalCode: '10014',
    phonePrefix: '+1 212 555 01',
    phoneDigits: 2,
    usageLocation: 'US',
    zone: ZONES.eastern,
    egressIps: ['203.0.113.40'],
    homeTowns: [
      { city: 'Brooklyn', state: 'New York', country: 'US', asn: 12271 },
      { city: 'Jersey City', state: 'New Jersey', country: 'US', asn: 7922 },
      { city: 'Yonkers', state: 'New York', country: 'US', asn: 701 },
    ],
    weight: 20,
  },
  {
    key: 'lon',
    label: 'London',
    place: { city: 'London', state: 'London', country: 'GB', asn: 2856 },
    countryName: 'United Kingdom',
    street: '2 Kingdom St',
    postalCode: 'W2 6BD',
    phonePrefix: '+44 20 7946 0',
    phoneDigits: 3,
    usageLocation: 'GB',
    zone: ZONES.london,
    egressIps: ['203.0.113.70'],
    homeTowns: [
      { city: 'Reading', state: 'Reading', country: 'GB', asn: 5089 },
      { city: 'Croydon', state: 'London', country: 'GB', asn: 2856 },
      { city: 'St Albans', state: 'Hertfordshire', country: 'GB', asn: 5607 },
    ],
    weight: 20,
  },
  {
    key: 'muc',
    label: 'Munich',
    place: { city: 'Munich', state: 'Bayern', country: 'DE', asn: 3320 },
    countryName: 'Germany',
    street: 'Walter-Gropius-Str. 5',
    postalCode: '80807',
    phonePrefix: '+49 89 5550 1',
    phoneDigits: 3,
    usageLocation: 'DE',
    zone: ZONES.berlin,
    egressIps: ['203.0.113.100'],
    homeTowns: [
      { city: 'Augsburg', state: 'Bayern', country: 'DE', asn: 3320 },
      { city: 'Freising', state: 'Bayern', country: 'DE', asn: 6805 },
      { city: 'Munich', state: 'Bayern', country: 'DE', asn: 3209 },
    ],
    weight: 15,
  },
];

/** The on-premises datacenter behind the Seattle office (backup server, jump hosts, scheduled tasks). */
export const DATACENTER: Place = { city: 'Tukwila', state: 'Washington', country: 'US', asn: 7018 };
export const DATACENTER_IPS = ['192.0.2.10', '192.0.2.21', '192.0.2.22', '192.0.2.35'] as const;

export const AZURE_REGIONS = {
  westEurope: { city: 'Amsterdam', state: 'Noord-Holland', country: 'NL', asn: 8075 },
  westUs2: { city: 'Quincy', state: 'Washington', country: 'US', asn: 8075 },
  eastUs: { city: 'Boydton', state: 'Virginia', country: 'US', asn: 8075 },
} as const satisfies Record<string, Place>;

/** A public address in Azure's space (ASN 8075); the octets are drawn, the prefix is Microsoft's. */
export function azureIp(rng: Rng): string {
  return `20.${rng.int(40, 120)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** A home broadband address: IPv6 documentation prefix mostly, IPv4 documentation range otherwise. */
export function homeIp(rng: Rng): string {
  if (rng.chance(0.6)) {
    const g = (): string => rng.int(0, 0xffff).toString(16);
    return `2001:db8:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}`;
  }
  return `198.51.100.${rng.int(1, 254)}`;
}

export const locationText = (p: Place): string => `${p.city}, ${p.state}, ${p.country}`;
