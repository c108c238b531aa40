import { createHash } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
export { seededRng } from "@/lib/seeded-rng";

/**
 * Tests only. A stand-in for the console's `GET /api/risk-score/applicant-data`
 * (design.md §2) that checks the sandbox's signature with its own MD5 — deliberately not
 * ./sign.ts, so a shared mistake cannot pass — and answers in the document's data shape.
 * Every person here is synthetic; none of the document's example people appear.
 */

export interface PullCall {
  query: Record<string, string>;
  signatureValid: boolean;
}

export type PullAnswer = { status: number; body: string | object } | "hang";

export interface SyntheticApplicant {
  idNum: string;
  mobile: string;
  data: Record<string, unknown>;
}

/** Independent reading of the rule: sorted `k=v` of all params but sign, `&`, then the secret. */
export function expectedPullSign(query: Record<string, string>, secret: string): string {
  const content = Object.entries(query)
    .filter(([key]) => key !== "sign")
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  return createHash("md5").update(content + secret, "utf8").digest("hex");
}

export async function startTestConsole(secret: string) {
  const calls: PullCall[] = [];
  const applicants = new Map<string, SyntheticApplicant>();
  const hung = new Set<ServerResponse>();
  /** Replaces the normal answer for the next pulls while set. */
  let override: ((call: PullCall) => PullAnswer | undefined) | null = null;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://console.invalid");
    if (req.method !== "GET" || url.pathname !== "/api/risk-score/applicant-data") {
      res.writeHead(404).end();
      return;
    }
    const query = Object.fromEntries(url.searchParams);
    const call: PullCall = { query, signatureValid: query.sign === expectedPullSign(query, secret) };
    calls.push(call);
    const answer = override?.(call) ?? normalAnswer(call, applicants);
    if (answer === "hang") {
      hung.add(res);
      return;
    }
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    applicants,
    setOverride(next: typeof override) {
      override = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the console would answer: 401 on a bad signature, 404 for an unknown order. */
function normalAnswer(call: PullCall, applicants: Map<string, SyntheticApplicant>): PullAnswer {
  if (!call.signatureValid) return { status: 401, body: { returnCode: "FAIL", message: "bad signature" } };
  const applicant = applicants.get(call.query.zw_order ?? "");
  if (!applicant) return { status: 404, body: { returnCode: "FAIL", message: "unknown order" } };
  return { status: 200, body: { returnCode: "SUCCESS", data: applicant.data } };
}


/** The document's 返回数据格式, filled with a synthetic person. */
export function makeApplicant(rng: () => number, realName = "测试用户"): SyntheticApplicant {
  const idNum = generateSyntheticIdNumber(rng, { sex: "M" });
  const mobile = generateSyntheticMobile(rng);
  const data = {
    customer_info: { app_type: "3", phone_type: "iPhone10,2", real_name: realName, gender: "男", nation: "汉" },
    customer_extra_info: {
      user_address: "测试省-测试市-测试区-演示路1号",
      company_name: "演示科技有限公司",
      relation1: "父母",
      name1: "测试联系人甲",
      phone1: generateSyntheticMobile(rng),
      relation2: "朋友",
      name2: "测试联系人乙",
      phone2: generateSyntheticMobile(rng),
    },
    channel_id: "AppStore",
    customer_bank_info: { card_user_name: realName, gate_id: "CCB" },
    consume_info: { consume_amount: "100000", add_time: "1535007231" },
    loan_days: "7",
    loan_type: "mx",
    loanBangData: { report: [{ key: "data_type", value: "运营商" }] },
    originalLoanBangData: { mobile, code: 0, message: "正常", name: "测*" },
  };
  return { idNum, mobile, data };
}
