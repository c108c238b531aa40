/**
 * Credentials the console and the vendor sandbox share in sandbox mode. They open nothing
 * but the local sandbox, so they are constants rather than generated secrets; live mode
 * takes every credential from the environment (design.md §1).
 */
export const SANDBOX_CREDENTIALS = {
  wanwang: {
    clientId: "creditops-sandbox",
    clientSecret: "wanwang-sandbox-secret",
    company: "CREDITOPS",
    channel: "CREDITOPS",
    socialCreditCode: "91110108MA01SANDBX",
  },
  riskScore: {
    partnerId: "170117110001",
    secret: "7b005bc0e714333ec5af315ee66b4cc",
  },
  riskCase: {
    accessId: "sandbox-access",
    secret: "risk-case-sandbox-secret",
  },
  deepfinch: {
    apiId: "sandbox-api-id",
    apiSecret: "deepfinch-sandbox-secret",
  },
  lanmao: {
    platformNo: "5000000001",
    keySerial: "1",
  },
} as const;

/** Where each vendor is mounted inside the sandbox server. */
export function sandboxVendorUrl(sandboxUrl: string, vendor: "wanwang" | "risk-score" | "risk-case" | "deepfinch" | "lanmao") {
  return `${sandboxUrl}/${vendor}`;
}
