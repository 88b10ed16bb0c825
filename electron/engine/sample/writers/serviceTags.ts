import { writeFile } from 'node:fs/promises';
import { AZURE_REGIONS, type Place } from '../places';
import type { Tenant } from '../model';

/**
 * An excerpt of Microsoft's "Azure IP Ranges and Service Tags – Public Cloud" download
 * (ServiceTags_Public_<date>.json): the AzureCloud tag with the public ranges the sample's Azure
 * addresses come from (20.40.0.0/13, 20.48.0.0/12, 20.64.0.0/10 are in the real file), one
 * regional tag per region the tenant's workloads run in, holding their /16s, and one other tag that
 * the importer must skip. The real file is the same shape with about 3,000 tags.
 */
const REGION_TAGS: readonly { name: string; place: Place; regionId: number }[] = [
  { name: 'westeurope', place: AZURE_REGIONS.westEurope, regionId: 18 },
  { name: 'eastus', place: AZURE_REGIONS.eastUs, regionId: 1 },
  { name: 'westus2', place: AZURE_REGIONS.westUs2, regionId: 34 },
];

const slash16 = (ip: string): string | null => {
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/u.exec(ip);
  return m ? `${m[1]}.${m[2]}.0.0/16` : null;
};

export async function writeServiceTags(path: string, tenant: Tenant): Promise<number> {
  const changeNumber = 320 + (tenant.seed % 40);
  const byRegion = new Map<string, Set<string>>();
  const jobs = [
    ...tenant.users.flatMap((u) => (u.behaviour.kind === 'automation' ? u.behaviour.jobs : [])),
    ...tenant.apps.flatMap((a) => a.jobs),
    ...tenant.managedIdentities.flatMap((m) => m.jobs),
  ];
  for (const j of jobs) {
    const region = REGION_TAGS.find((r) => r.place === j.place);
    if (!region) continue;
    for (const ip of j.ips) {
      const p = slash16(ip);
      if (p) (byRegion.get(region.name) ?? byRegion.set(region.name, new Set()).get(region.name))?.add(p);
    }
  }
  const tag = (name: string, region: string, regionId: number, systemService: string, prefixes: string[]) => ({
    name,
    id: name,
    properties: { changeNumber, region, regionId, platform: 'Azure', systemService, addressPrefixes: prefixes, networkFeatures: ['API', 'NSG', 'UDR', 'FW'] },
  });
  const values = [
    tag('AzureActiveDirectory', '', 0, 'AzureAD', ['20.190.128.0/18', '40.126.0.0/18']),
    tag('AzureCloud', '', 0, '', ['20.40.0.0/13', '20.48.0.0/12', '20.64.0.0/10', '2603:1000::/24']),
    ...REGION_TAGS.filter((r) => byRegion.has(r.name)).map((r) => tag(`AzureCloud.${r.name}`, r.name, r.regionId, '', [...(byRegion.get(r.name) ?? [])].sort())),
  ];
  await writeFile(path, `${JSON.stringify({ changeNumber, cloud: 'Public', values }, null, 2)}\n`);
  return values.reduce((n, v) => n + (v.name.startsWith('AzureCloud') ? v.properties.addressPrefixes.length : 0), 0);
}
