import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db, DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RiskProfile } from "@/lib/generated/prisma/client";
import { parseIdNumber } from "@/lib/pii/id-card";
import { maskBankCard, maskIdNumber, maskMobile } from "@/lib/pii/mask";
import { addressColumns, decryptPii, encryptPii, nameColumns, optionalAddressColumns, optionalNameColumns, protectPii } from "@/lib/pii/vault";
import { orderScope } from "@/lib/pretrial/access";
import type { OperatorReport } from "./operator-report";
import type { TRiskProfileInput } from "./schemas";

/** Creates the profile; personal numbers, names and addresses encrypted, the operator report encrypted whole. */
export async function createRiskProfile(db: Db, user: SessionUser, input: TRiskProfileInput, report: OperatorReport | null) {
  let linkedOrderCreatedAt: Date | undefined;
  if (input.pretrialOrderId) {
    const order = await db.pretrialOrder.findFirst({ where: { AND: [{ id: input.pretrialOrderId }, orderScope(user)] }, select: { id: true, createdAt: true } });
    if (!order) throw new AppError("NOT_FOUND", `pretrial order ${input.pretrialOrderId}`);
    linkedOrderCreatedAt = order.createdAt;
  }
  const id = protectPii(input.idNumber, "id");
  const mobile = protectPii(input.mobile, "mobile");
  const reportText = report ? JSON.stringify(report) : null;
  return db.riskProfile.create({
    data: {
      pretrialOrderId: input.pretrialOrderId,
      ...nameColumns("realName", input.realName),
      gender: parseIdNumber(input.idNumber).sex === "M" ? "男" : "女",
      nation: input.nation,
      ...optionalAddressColumns("birthplace", input.birthplace),
      deviceId: input.deviceId,
      appType: input.appType,
      phoneType: input.phoneType,
      idNumberEnc: id.enc,
      idNumberIdx: id.idx,
      idNumberMasked: maskIdNumber(input.idNumber),
      mobileEnc: mobile.enc,
      mobileIdx: mobile.idx,
      mobileMasked: maskMobile(input.mobile),
      ...addressColumns("userAddress", input.userAddress),
      companyName: input.companyName,
      companyPhone: input.companyPhone,
      ...optionalAddressColumns("companyAddress", input.companyAddress),
      relation1: input.relation1,
      ...nameColumns("name1", input.name1),
      phone1Enc: encryptPii(input.phone1),
      phone1Masked: maskMobile(input.phone1),
      relation2: input.relation2,
      ...nameColumns("name2", input.name2),
      phone2Enc: encryptPii(input.phone2),
      phone2Masked: maskMobile(input.phone2),
      channelId: input.channelId,
      channelKind: input.channelKind,
      ...optionalNameColumns("cardUserName", input.cardUserName),
      reservedMobileEnc: input.reservedMobile ? encryptPii(input.reservedMobile) : null,
      gateId: input.gateId,
      cardNumEnc: input.cardNum ? encryptPii(input.cardNum) : null,
      cardNumMasked: input.cardNum ? maskBankCard(input.cardNum) : null,
      consumeAmountFen: input.consumeAmount === undefined ? null : BigInt(input.consumeAmount),
      consumeAt: input.consumeAt,
      // Registration time as asked on the form, else the order's creation (design.md §3).
      registeredAt: input.registeredAt ?? input.consumeAt ?? linkedOrderCreatedAt ?? new Date(),
      loanDays: input.loanDays,
      loanType: input.loanType,
      operatorReportEnc: reportText ? encryptPii(reportText) : null,
      operatorReportBytes: reportText ? Buffer.byteLength(reportText) : null,
      createdById: user.id,
    },
  });
}

/**
 * What the vendor requires (必 in the document) and this profile lacks, as field names the
 * form shows. Empty means a score may be requested.
 */
export function profileMissingFields(p: RiskProfile): string[] {
  const required: [string, unknown][] = [
    ["realName", p.realNameEnc], ["gender", p.gender], ["userAddress", p.userAddressEnc],
    ["relation1", p.relation1], ["name1", p.name1Enc], ["phone1", p.phone1Enc],
    ["relation2", p.relation2], ["name2", p.name2Enc], ["phone2", p.phone2Enc],
    ["channelId", p.channelId], ["operatorReport", p.operatorReportEnc],
  ];
  return required.filter(([, v]) => v === null || v === undefined || v === "").map(([k]) => k);
}

export async function getProfileOrThrow(db: DbOrTx, id: string) {
  const p = await db.riskProfile.findUnique({ where: { id } });
  if (!p) throw new AppError("NOT_FOUND", `risk profile ${id}`);
  return p;
}

/** The clear ID number and mobile, for the outbound score request only. */
export function profileIdentity(p: RiskProfile) {
  return { idNum: decryptPii(p.idNumberEnc), mobile: decryptPii(p.mobileEnc) };
}
