// The 18 Genesys Cloud regions. Source: purecloud-platform-client-v2@262.0.0
// src/purecloud-platform-client-v2/PureCloudRegionHosts.js (docs/facts.md#regions);
// the gc CLI's config.go carries the same list. Login is login.<env>, API is api.<env>.

export interface Region { key: string; env: string }

export const REGIONS: readonly Region[] = [
  { key: 'us_east_1', env: 'mypurecloud.com' },
  { key: 'eu_west_1', env: 'mypurecloud.ie' },
  { key: 'ap_southeast_2', env: 'mypurecloud.com.au' },
  { key: 'ap_northeast_1', env: 'mypurecloud.jp' },
  { key: 'eu_central_1', env: 'mypurecloud.de' },
  { key: 'us_west_2', env: 'usw2.pure.cloud' },
  { key: 'ca_central_1', env: 'cac1.pure.cloud' },
  { key: 'ap_northeast_2', env: 'apne2.pure.cloud' },
  { key: 'eu_west_2', env: 'euw2.pure.cloud' },
  { key: 'ap_south_1', env: 'aps1.pure.cloud' },
  { key: 'us_east_2', env: 'use2.us-gov-pure.cloud' },
  { key: 'sa_east_1', env: 'sae1.pure.cloud' },
  { key: 'me_central_1', env: 'mec1.pure.cloud' },
  { key: 'ap_northeast_3', env: 'apne3.pure.cloud' },
  { key: 'eu_central_2', env: 'euc2.pure.cloud' },
  { key: 'mx_central_1', env: 'mxc1.pure.cloud' },
  { key: 'ap_southeast_1', env: 'apse1.pure.cloud' },
  { key: 'eusc_de_east_1', env: 'edee1.eusc-pure.cloud' },
];

export const REGION_SOURCE = {
  ref: 'docs/facts.md#regions',
  verified: true,
} as const;

/** The region whose environment a host belongs to ("api.mypurecloud.ie" -> eu_west_1). */
export function regionOfHost(host: string): { region: Region; service: string } | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const region of REGIONS) {
    if (h === region.env) return { region, service: '' };
    if (h.endsWith('.' + region.env)) return { region, service: h.slice(0, -region.env.length - 1) };
  }
  return undefined;
}
