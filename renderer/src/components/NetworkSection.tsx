import type { IdentityRow } from '../../../shared/contract/dto';
import { formatCount, plural } from '../format';
import { useIdentityActivity } from '../stores/activityStore';
import { noActivityText } from './activityData';
import { DetailSection } from './DetailSection';

/** Where it signs in from and with what: its most used source addresses and user agents. */
export function NetworkSection({ row }: { row: IdentityRow }) {
  return (
    <DetailSection
      title="Sources and clients"
      what="the sources and clients"
      view={useIdentityActivity(row)}
      testId="network"
      className="network-section"
      reserve={{ className: 'reserved-network' }}
      empty={noActivityText}
    >
      {(data) => (
        <>
          {data.ips.length === 0 ? (
            <p className="muted">The sign-ins carry no IP address.</p>
          ) : (
            <table className="compact-table" data-testid="ips">
              <caption>
                {data.distinctIps > data.ips.length ? `Top ${data.ips.length} of ${plural(data.distinctIps, 'address', 'addresses')}` : plural(data.distinctIps, 'address', 'addresses')}
                {data.distinctCountries > 0 ? `, ${plural(data.distinctCountries, 'country', 'countries')}` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">IP address</th>
                  <th scope="col">Country</th>
                  <th scope="col">ASN</th>
                  <th scope="col" className="num">
                    Sign-ins
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.ips.map((ip) => (
                  <tr key={ip.ip} data-ip={ip.ip}>
                    <th scope="row" className="mono selectable">
                      {ip.ip}
                    </th>
                    <td>{ip.country ?? <span className="muted">—</span>}</td>
                    <td className="mono">{ip.asn != null ? `AS${ip.asn}` : <span className="muted">—</span>}</td>
                    <td className="num">{formatCount(ip.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.userAgents.length === 0 ? (
            <p className="muted">The sign-ins carry no user agent.</p>
          ) : (
            <table className="compact-table" data-testid="agents">
              <caption>Most used user agents and client apps</caption>
              <thead>
                <tr>
                  <th scope="col">User agent · client app</th>
                  <th scope="col" className="num">
                    Sign-ins
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.userAgents.map((a, i) => (
                  // The same agent can come with different client apps or systems: the position is the key.
                  <tr key={i}>
                    <th scope="row">
                      {a.agent ? <span className="agent mono selectable">{a.agent}</span> : <span className="agent muted">No user agent</span>}
                      {a.clientApp && <span className="agent-client muted">{a.clientApp}</span>}
                    </th>
                    <td className="num">{formatCount(a.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </DetailSection>
  );
}
