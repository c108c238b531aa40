import crypto from "node:crypto";
import type { SessionUser } from "@/lib/auth/session";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { createRiskProfile } from "@/lib/risk-scores/profile-service";
import { testDb } from "./factories";

/** A complete synthetic applicant profile (and its identity, for assertions). */
export async function createTestProfile(user: SessionUser, overrides: { realName?: string; channelKind?: "NATURAL" | "REFERRAL"; withReport?: boolean } = {}) {
  const idNumber = generateSyntheticIdNumber(Math.random);
  const mobile = generateSyntheticMobile(Math.random);
  const profile = await createRiskProfile(
    testDb(),
    user,
    {
      realName: overrides.realName ?? "测试申请人",
      idNumber,
      mobile,
      userAddress: "上海市浦东新区测试路 1 号",
      relation1: "父母",
      name1: "测试联系人甲",
      phone1: generateSyntheticMobile(Math.random),
      relation2: "朋友",
      name2: "测试联系人乙",
      phone2: generateSyntheticMobile(Math.random),
      channelId: "AppStore",
      channelKind: overrides.channelKind ?? "NATURAL",
      consumeAmount: 100000,
      loanDays: 7,
      loanType: "mx",
    } as never,
    overrides.withReport === false ? null : { loanBangData: { report: [{ key: "data_type", value: "运营商" }] }, originalLoanBangData: { code: 0, message: "正常" } },
  );
  return { profile, idNumber, mobile };
}

export async function createTestScoreRequest(profileId: string, requestedById: string) {
  return testDb().riskScoreRequest.create({
    data: { zwOrder: `RST${crypto.randomBytes(5).toString("hex")}`, profileId, requestedById, channelKind: "NATURAL", status: "PENDING" },
  });
}

export function sessionUserOf(u: { id: string; username: string; displayName: string; role: SessionUser["role"] }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}
