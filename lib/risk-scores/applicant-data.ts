import "server-only";
import type { RiskProfile } from "@/lib/generated/prisma/client";
import { decryptOptionalPii, decryptPii, decryptRequiredPii } from "@/lib/pii/vault";
import type { OperatorReport } from "./operator-report";

const seconds = (d: Date | null | undefined) => (d ? String(Math.floor(d.getTime() / 1000)) : undefined);

/**
 * The document's `data` object for GET /api/risk-score/applicant-data — exactly the fields it
 * lists, optional ones only when we have them. Values are strings, as in the document. This and
 * the score request are where names and addresses are decrypted: the vendor needs them in clear.
 */
export function buildApplicantData(p: RiskProfile) {
  const report = p.operatorReportEnc ? (JSON.parse(decryptPii(p.operatorReportEnc)) as OperatorReport) : null;
  const bank = p.cardNumEnc || p.cardUserNameEnc || p.reservedMobileEnc || p.gateId
    ? {
        card_user_name: decryptOptionalPii(p.cardUserNameEnc),
        reserved_mobile: p.reservedMobileEnc ? decryptPii(p.reservedMobileEnc) : undefined,
        gate_id: p.gateId ?? undefined,
        card_num: p.cardNumEnc ? decryptPii(p.cardNumEnc) : undefined,
      }
    : undefined;
  return {
    customer_info: {
      device_id: p.deviceId ?? undefined,
      app_type: p.appType ?? undefined,
      phone_type: p.phoneType ?? undefined,
      real_name: decryptRequiredPii(p.realNameEnc, "realName"),
      gender: p.gender,
      nation: p.nation ?? undefined,
      birthplace: decryptOptionalPii(p.birthplaceEnc),
      // When the customer registered (asked on the form); older profiles fall back as it does.
      add_time: seconds(p.registeredAt ?? p.consumeAt ?? p.createdAt),
    },
    customer_extra_info: {
      user_address: decryptRequiredPii(p.userAddressEnc, "userAddress"),
      company_name: p.companyName ?? undefined,
      company_phone: p.companyPhone ?? undefined,
      company_address: decryptOptionalPii(p.companyAddressEnc),
      relation1: p.relation1,
      name1: decryptRequiredPii(p.name1Enc, "name1"),
      phone1: decryptPii(p.phone1Enc),
      relation2: p.relation2,
      name2: decryptRequiredPii(p.name2Enc, "name2"),
      phone2: decryptPii(p.phone2Enc),
    },
    channel_id: p.channelId,
    customer_bank_info: bank,
    consume_info:
      p.consumeAmountFen !== null || p.consumeAt
        ? { consume_amount: p.consumeAmountFen === null ? undefined : p.consumeAmountFen.toString(), add_time: seconds(p.consumeAt) }
        : undefined,
    loan_days: String(p.loanDays),
    loan_type: p.loanType,
    loanBangData: report?.loanBangData,
    originalLoanBangData: report?.originalLoanBangData,
  };
}
