import { describe, expect, it } from 'vitest';
import { AddressRanges, parseAddress } from '../../../shared/net/addressRanges';

describe('AddressRanges', () => {
  const r = new AddressRanges();
  r.add('20.40.0.0/13', 'AzureCloud');
  r.add('20.64.0.0/10', 'AzureCloud');
  r.add('20.50.0.0/16', 'AzureCloud.westeurope');
  r.add('2603:1000::/24', 'AzureCloud');
  r.add('2603:1020:200::/46', 'AzureCloud.westeurope');

  it('answers with the narrowest range holding an address, IPv4 and IPv6', () => {
    expect(r.find('20.41.7.9')).toEqual({ label: 'AzureCloud' });
    expect(r.find('20.50.3.4')).toEqual({ label: 'AzureCloud.westeurope' });
    expect(r.find('20.127.255.255')).toEqual({ label: 'AzureCloud' });
    expect(r.find('20.128.0.0')).toBeNull();
    expect(r.find('2603:1020:200::1')).toEqual({ label: 'AzureCloud.westeurope' });
    expect(r.find('2603:10ff:ffff::1')).toEqual({ label: 'AzureCloud' });
    expect(r.find('2001:db8::1')).toBeNull();
    expect(r.find('not an address')).toBeNull();
  });

  it('refuses what is not a prefix and parses the forms addresses come in', () => {
    expect(r.add('20.0.0.0', 'x')).toBe(false);
    expect(r.add('300.0.0.0/8', 'x')).toBe(false);
    expect(r.add('10.0.0.0/33', 'x')).toBe(false);
    expect(parseAddress('::ffff:192.0.2.1')?.value).toBe(0xffffc0000201n);
    expect(parseAddress('::1')?.value).toBe(1n);
    expect(parseAddress('1::2::3')).toBeNull();
    expect(parseAddress('fe80::1%eth0')?.bits).toBe(128n);
  });
});
