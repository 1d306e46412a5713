/**
 * Sigma `logsource` -> the ATT&CK platforms (ATT&CK 18 names) on which a rule can fire.
 *
 * The product decides; for products that log several platforms (Azure: Entra ID sign-ins vs. Azure resources;
 * Google Cloud vs. Google Workspace) the service decides. A product listed with no platform (`[]`) and a logsource
 * without a product (`category: proxy`, `webserver`, `dns`, `firewall`, `antivirus`) watch traffic or applications
 * that run on any platform, so such a rule fires wherever the threat is. `category` never narrows: Sigma categories
 * such as `process_creation` exist on every operating system and the product says which.
 */
export const SIGMA_PRODUCT_PLATFORMS: Readonly<Record<string, readonly string[]>> = {
  windows: ['Windows'],
  // The RPC Firewall runs on Windows hosts.
  rpc_firewall: ['Windows'],
  linux: ['Linux'],
  macos: ['macOS'],
  esxi: ['ESXi'],
  aws: ['IaaS'],
  gcp: ['IaaS'],
  azure: ['IaaS', 'Identity Provider'],
  m365: ['Office Suite'],
  okta: ['Identity Provider'],
  onelogin: ['Identity Provider'],
  kubernetes: ['Containers'],
  docker: ['Containers'],
  github: ['SaaS'],
  bitbucket: ['SaaS'],
  cisco: ['Network Devices'],
  juniper: ['Network Devices'],
  huawei: ['Network Devices'],
  fortigate: ['Network Devices'],
  fortios: ['Network Devices'],
  paloalto: ['Network Devices'],
  // Network sensors and honeypots see traffic of any host; application logs come from any operating system.
  zeek: [],
  opencanary: [],
  jvm: [],
  spring: [],
  django: [],
  nodejs: [],
  python: [],
  ruby_on_rails: [],
  sql: [],
  velocity: [],
};

/** `product/service` pairs whose platforms differ from the product's. */
export const SIGMA_SERVICE_PLATFORMS: Readonly<Record<string, readonly string[]>> = {
  'azure/signinlogs': ['Identity Provider'],
  'azure/auditlogs': ['Identity Provider'],
  'azure/riskdetection': ['Identity Provider'],
  'azure/pim': ['Identity Provider'],
  'azure/activitylogs': ['IaaS'],
  'gcp/google_workspace.admin': ['Office Suite'],
  'gcp/google_workspace.login': ['Identity Provider'],
  'cisco/duo': ['Identity Provider'],
};

/** What a logsource means for platforms: the platforms (empty: any platform), and a note when the product is unknown. */
export interface LogsourcePlatforms {
  platforms: readonly string[];
  unknownProduct?: string;
}

/** The ATT&CK platforms of one Sigma logsource (see SIGMA_PRODUCT_PLATFORMS). */
export function logsourcePlatforms(logsource: { product?: string; service?: string }): LogsourcePlatforms {
  const product = logsource.product?.trim().toLowerCase();
  if (!product) return { platforms: [] };
  const service = logsource.service?.trim().toLowerCase();
  const byService = service === undefined ? undefined : SIGMA_SERVICE_PLATFORMS[`${product}/${service}`];
  if (byService) return { platforms: byService };
  const byProduct = SIGMA_PRODUCT_PLATFORMS[product];
  return byProduct ? { platforms: byProduct } : { platforms: [], unknownProduct: product };
}
