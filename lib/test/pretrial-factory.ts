import crypto from "node:crypto";
import { generateSyntheticIdNumber, generateSyntheticMobile, parseIdNumber } from "@/lib/pii/id-card";
import { maskIdNumber, maskMobile } from "@/lib/pii/mask";
import { nameColumns, protectPii } from "@/lib/pii/vault";
import type { PretrialStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "./factories";

/** An order as if submitted, with a synthetic person. Callback fixtures name it by its ids. */
export async function createTestOrder(officerId: string, opts: { outsideOrderId?: string; querySn?: string; status?: PretrialStatus; customerName?: string } = {}) {
  const rng = Math.random;
  const idNumber = generateSyntheticIdNumber(rng);
  const mobile = generateSyntheticMobile(rng);
  const id = protectPii(idNumber, "id");
  const mob = protectPii(mobile, "mobile");
  const suffix = crypto.randomBytes(4).toString("hex");
  return testDb().pretrialOrder.create({
    data: {
      idempotencyKey: crypto.randomUUID(),
      outsideOrderId: opts.outsideOrderId ?? `CRT${suffix}`,
      querySn: opts.querySn ?? `ZXT${suffix}`,
      status: opts.status ?? "AWAITING_SIGNATURE",
      ...nameColumns("customerName", opts.customerName ?? "测试客户"),
      idNumberEnc: id.enc,
      idNumberIdx: id.idx,
      idNumberMasked: maskIdNumber(idNumber),
      mobileEnc: mob.enc,
      mobileIdx: mob.idx,
      mobileMasked: maskMobile(mobile),
      birthDate: parseIdNumber(idNumber).birthDate,
      sex: parseIdNumber(idNumber).sex,
      channel: "CREDITOPS",
      creditType: "6",
      socialCreditCode: "91110108MA01SANDBX",
      photoFrontId: "f",
      photoBackId: "b",
      contractUrl: "http://localhost/sign?signLinkId=1",
      officerId,
    },
  });
}
