/** A framework's requirements and the rules that test each; the rules themselves name no framework. */
export interface Framework {
  id: 'owasp-nhi-2025' | 'nist-csf-2' | 'nist-sp-800-207';
  name: string;
  /** The short name a workbook column or report field uses. */
  short: string;
  requirements: readonly { id: string; title: string; ruleIds: readonly string[] }[];
}
