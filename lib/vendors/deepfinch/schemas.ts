import { z } from "zod";

/**
 * DeepFinch `/ocr/v2/pdf_credit_report_org` answer, field by field as the document's
 * 返回结果 lists them (vendor-docs/003_…). Every leaf is text on the wire — amounts keep their
 * thousands separators ("12,000.00"), dates their report formats ("2015.05", "2015年05月05日")
 * — and transform.ts turns them into fen and dates. A leaf also accepts a JSON number (kept as
 * its text); an object, array or boolean where text belongs fails its section only
 * (report.ts keeps the raw answer and says which section could not be read).
 *
 * Objects strip keys the document does not name; `schemas.test.ts` walks the document's own
 * skeleton example and proves every field path survives parsing, i.e. is modelled here.
 */

/** A scalar field: text, or a number kept as its text; absent or null when the report has none. */
export const ZText = z.union([z.string(), z.number().transform(String)]).nullish();
const t = ZText;
const obj = <S extends z.ZodRawShape>(shape: S) => z.object(shape).nullish();
const list = <S extends z.ZodRawShape>(shape: S) => z.array(z.object(shape)).nullish();

// ── Header and personal information ─────────────────────────────────────────
export const ZCreditHeader = z.object({
  serialNo: t, reportTime: t, whoWasChecked: t, idType: t, idNum: t, organization: t, reason: t, objectionInfo: t,
});

export const ZPersonInfo = z.object({
  gender: t, birthday: t, isMarried: t, job: t, education: t, qualification: t, country: t, email: t,
  postAddr: t, registerAddr: t,
  mobile: list({ no: t, mobile: t, updateAt: t }),
});
export const ZConnubialInfo = z.object({ name: t, idType: t, idNum: t, company: t, tel: t });
export const ZLivedInfos = z.array(z.object({ no: t, address: t, status: t, homeTel: t, updateAt: t }));
export const ZExperiences = z.array(
  z.object({
    no: t, company: t, address: t, officeTel: t, companyCharacter: t, jobNature: t, industry: t, title: t,
    level: t, startedAt: t, updateAt: t,
  }),
);

// ── 信息概要 ────────────────────────────────────────────────────────────────
export const ZReportExplication = z.object({ digitExplication: t, relativeLocation: t, desc: z.array(t).nullish() });
const hintRow = { type: t, accountNum: t, firstGotAt: t };
export const ZCreditTransInfoHint = z.object({
  totalAccountNum: t,
  detail: obj({ loan: list(hintRow), creditCard: list(hintRow), others: list(hintRow) }),
});
export const ZRecourseInfoSummary = z.object({
  totalAccountNum: t, surplusAmount: t, detail: list({ type: t, accountNum: t, surplusAmount: t }),
});
export const ZBadDebtsSummary = z.object({ accountNum: t, surplusAmount: t });
export const ZOverdueInfoCollection = z.array(
  z.object({ type: t, accountNum: t, monthNum: t, maxAmountPerMonth: t, maxOverdueMonthNum: t }),
);
export const ZLoanDebtSummary = z.object({ manageCompanyNum: t, accountNum: t, extensionAmount: t, surplusAmount: t, avg6monthPay: t });
export const ZCreditCardDebtSummary = z.object({
  companyNum: t, accountNum: t, extensionAmount: t, maxAmountPerCompany: t, minAmountPerCompany: t, usedAmount: t,
  avg6monthUsedAmount: t,
});
export const ZQuasiCreditCardDebtSummary = z.object({
  companyNum: t, accountNum: t, extensionAmount: t, maxAmountPerCompany: t, minAmountPerCompany: t, surplusAmount: t,
  avg6monthOverdraftAmount: t,
});
const dutyPair = obj({
  guaranteeDuty: obj({ accountNum: t, guaranteeAmount: t, surplusAmount: t }),
  otherRefundDuty: obj({ accountNum: t, refundDutyAmount: t, surplusAmount: t }),
});
export const ZRefundDutySummary = z.object({ forPerson: dutyPair, forCompany: dutyPair });
export const ZNoncreditTransInfoSummary = z.array(z.object({ type: t, accountNum: t, debtAmount: t }));
export const ZPublicInfoSummary = z.array(z.object({ type: t, recordNum: t, referenceAmount: t }));
export const ZNonFinanceCreditTransInfoSummary = z.array(z.object({ type: t, number: t }));
export const ZOpenInfoSummary = z.array(z.object({ type: t, recordNum: t }));
export const ZQueryRecordSummary = z.object({
  lastQueryRecord: obj({ date: t, companyName: t, detail: t }),
  last1MonthQueryCompanyNum: obj({ loanApproval: t, creditApproval: t }),
  last1MonthQueryNum: obj({ loanApproval: t, creditApproval: t, selfQuery: t }),
  last2YearQueryNum: obj({ managerAfterLoan: t, guaranteeInvestigate: t, bespokeMerchantsRealNameInvestigate: t }),
  // The document nests 异议及说明 inside the query summary; modelled where it stands.
  objectionAndDescription: obj({ objectionLabel: t, addDate: t }),
});

// ── Accounts ────────────────────────────────────────────────────────────────
const specialTransTypes = list({ type: t, occurDate: t, changeMonthNum: t, occurAmount: t, detailRecord: t });
const notes = list({ value: t, addDate: t });
/** 60-month repayment record: `detail[].month[]` with a state letter (N, 1–7, B, C, D, G, Z, #, *, /). */
export const ZRefundRecord = z.object({
  dateRange: t,
  startDate: t,
  endDate: t,
  detail: list({ year: t, month: list({ monthValue: t, amount: t, state: t }) }),
});
const loanState = obj({
  value: t,
  normal: obj({
    fiveLevelType: t, surplusAmount: t, surplusPaymentNum: t, scheduledPayment: t, scheduledPayAt: t, realPayed: t,
    latestRepayDate: t, currOverduePeriods: t, currOverdueAmount: t, overdue31Tp60: t, overdue61Tp90: t,
    overdue91Tp180: t, overdue180: t,
  }),
  badDebt: obj({ surplusAmount: t, latestRepayDate: t }),
  transfer: obj({ transferDate: t }),
  clear: obj({ accountClosedDate: t }),
});
const latestRecord = obj({ value: t, fiveLevelType: t, surplusAmount: t, refundDate: t, refundAmount: t, currRefundState: t });

/** 非循环贷账户, 循环额度下分账户 and 循环贷账户 share one layout (`beforeDeadlineDate`). */
export const ZLoanAccount = z.object({
  name: t, manageCompany: t, amountId: t, startDate: t, deadlineDate: t, refundAmount: t, accountCurrencyType: t,
  type: t, guaranteeType: t, refundPeriodNum: t, refundFrequency: t, refundType: t, joinRefundFlag: t, dueDate: t,
  accountState: loanState,
  beforeDeadlineDate: latestRecord,
  refundRecord: ZRefundRecord.nullish(),
  specialTransTypes, companyInfo: notes, selfStatement: notes, objectionLabel: notes, specialLabel: notes,
});

const cardStateTail = {
  badDebt: obj({ surplusAmount: t, latestRepayDate: t }),
  accountCanceled: obj({ canceledDate: t }),
  inactive: obj({ inactiveDueDate: t }),
};
/** 贷记卡账户: `beforeDueDate` (not `beforeDeadlineDate`), large instalments, special events. */
export const ZCreditCardAccount = z.object({
  name: t, cardCompany: t, amountId: t, startDate: t, accountExtensionAmount: t, sharedExtensionAmount: t,
  currencyType: t, type: t, guaranteeType: t, dueDate: t,
  accountState: obj({
    value: t,
    normal: obj({
      surplusAmount: t, usedAmount: t, unspecifiedLargeAmountSpecificPeriodAmount: t, surplusPeriodsNum: t,
      avg6monthPay: t, maxUsedAmount: t, billDate: t, scheduledPayment: t, realPayed: t, latestRepayDate: t,
      currOverduePeriods: t, currOverdueAmount: t,
    }),
    ...cardStateTail,
  }),
  bigAmountSpecialPeriodInfo: obj({ periodAmount: t, periodAmountEffectiveDate: t, periodAmountDueDate: t, usedPeriodAmount: t }),
  beforeDueDate: latestRecord,
  refundRecord: ZRefundRecord.nullish(),
  specialEventInfo: t,
  specialTransTypes, companyInfo: notes, selfStatement: notes, objectionLabel: notes,
});

/** 准贷记卡账户: overdraft fields, no latest-record block, no statements. */
export const ZQuasiCreditCardAccount = z.object({
  name: t, cardCompany: t, amountId: t, startDate: t, accountExtensionAmount: t, sharedExtensionAmount: t,
  currencyType: t, guaranteeType: t, dueDate: t,
  accountState: obj({
    value: t,
    normal: obj({
      overDraftAmount: t, latest6MonthsAvgOverDraftAmount: t, maxOverDraftAmount: t, billDate: t, realPayed: t,
      latestRepayDate: t, overDraft180UnpayedAmount: t,
    }),
    ...cardStateTail,
  }),
  refundRecord: ZRefundRecord.nullish(),
  specialTransTypes,
});

export const ZRecoveryAccount = z.object({
  name: t, manageCompany: t, type: t, creditorReceivedDate: t, originalType: t, creditorAmount: t,
  stateWhenCreditorTransfer: t, dueDate: t,
  accountState: obj({
    value: t,
    debtCollection: obj({ surplusAmount: t, latestRepayDate: t }),
    debtFinish: obj({ accountClosedDate: t }),
  }),
  specialTransTypes,
});

const dutyRow = {
  name: t, manageCompany: t, type: t, startDate: t, deadlineDate: t, personDutyType: t, refundDutyAmount: t,
  currencyType: t, guaranteeContractSerial: t, dueDate: t, fiveLevelType: t, surplusAmount: t,
};
export const ZRefundDutyDetail = z.object({
  concernRefundPersonBorrow: list({ ...dutyRow, refundState: t }),
  concernRefundCompanyBorrow: list({ ...dutyRow, overdueMonthNum: t }),
});
export const ZExtensionProtocols = z.array(
  z.object({
    name: t, manageCompany: t, extensionProtocolId: t, effectDate: t, deadlineDate: t, extensionAmountScope: t,
    extensionAmount: t, extensionLimitAmount: t, extensionLimitSerial: t, usedAmount: t, currencyType: t,
  }),
);

// ── Non-credit, public, open information, objections, queries ───────────────
export const ZNoncreditTransInfoDetail = z.array(
  z.object({
    name: t, companyName: t, type: t, startDate: t, currPayedState: t, currOverdueAmount: t, accountDate: t,
    refundRecord: obj({ dateRange: t, detail: list({ year: t, month: list({ monthValue: t, state: t }) }) }),
  }),
);
export const ZPublicInfoDetail = z.object({
  owingTaxRecord: list({ no: t, chargedTaxOffice: t, owingTaxAmount: t, owingTaxStatsDate: t }),
  civilJudgmentRecord: list({
    no: t, fillingCourt: t, reason: t, fillingDate: t, closingType: t, closingResult: t, closingEffectDate: t,
    litigation: t, litigationAmount: t,
  }),
  forceExecuteRecord: list({
    no: t, executeCourt: t, executeReason: t, fillingDate: t, closingType: t, caseState: t, closingDate: t,
    applyExecuteSubject: t, applyExecuteSubjectValue: t, executedSubject: t, executedSubjectAmount: t,
  }),
  administrativePenaltyRecord: list({
    no: t, penaltyOrg: t, penaltyContent: t, penaltyAmount: t, effectDate: t, dueDate: t, administrativeReviewResult: t,
  }),
  housingProvidentFundContributionRecord: list({
    contributionPlace: t, contributionDate: t, firstContributionDate: t, contributionDueDate: t, contributionState: t,
    amountPerMonth: t, selfContributionProportion: t, companyContributionProportion: t, contributionCompany: t, updateAt: t,
  }),
  lowSecurityRescueRecord: list({
    no: t, personType: t, place: t, company: t, familyIncomePerMonth: t, applyDate: t, agreeDate: t, updateAt: t,
  }),
  executiveQualificationRecord: list({
    no: t, executiveQulificationName: t, level: t, gotDate: t, deadlineDate: t, revocationDate: t, issuer: t, issuerPlace: t,
  }),
  administrativeRewardRecord: list({ no: t, rewardCompany: t, rewardContent: t, effectDate: t, dueDate: t }),
});
export const ZNonFinanceCreditTransInfoDetail = z.array(
  z.object({
    name: t, type: t, no: t, startDate: t, deadlineDate: t, curDebtAmount: t, currencyType: t, creditorName: t,
    scheduledPayAt: t, overdueAmount: t, overdueDays: t, debitInterestAmount: t, payedAmount: t, realPayedDate: t,
    curPaymentStatus: t, updateAt: t,
  }),
);
export const ZOpenInfo = z.object({
  judgmentInfo: list({
    name: t, litigationType: t, litigationStatus: t, caseNumber: t, caseReason: t, fillingDate: t, fillingCourt: t,
    judgmentCourt: t, closingDate: t, closingType: t, litigation: t, litigationAmount: t,
    restrictionOutboundStartDate: t, restrictionOutboundEndDate: t, closingResult: t, closingAmount: t,
    closingEffectDate: t, updateAt: t,
  }),
  executionInfo: list({
    name: t, executeCourt: t, executeNumber: t, executeReason: t, closingType: t, caseState: t, inDishonestList: t,
    fillingDate: t, closingDate: t, applyExecuteSubject: t, applyExecuteSubjectAmount: t, executedSubject: t,
    executedSubjectAmount: t, updateAt: t,
  }),
  confirmInfo: list({
    name: t, type: t, confirmationNo: t, confirmationContent: t, effectDate: t, deadlineDate: t, revocationDate: t,
    confirmationState: t, confirmationCompany: t,
  }),
  punishmentInfo: list({
    name: t, type: t, punishmentNo: t, punishmentContent: t, effectDate: t, deadlineDate: t, punishmentState: t,
    punishmentCompany: t,
  }),
  arrearsInfo: list({
    name: t, arrearsType: t, arrearsNo: t, payableAmount: t, paidAmount: t, owingTaxAmount: t, latestPaidDate: t,
    arrearsCompany: t,
  }),
});
export const ZOtherNonOpenInfo = z.array(
  z.object({
    name: t, companyName: t, type: t, paymentName: t, contributionDate: t, firstContributionDate: t,
    contributionDueDate: t, contributionState: t, payableAmount: t, paidAmount: t, selfContributionProportion: t,
    companyContributionProportion: t, contributionCompany: t, updateAt: t,
  }),
);
export const ZObjectionLabels = z.array(z.object({ no: t, labelContent: t, addDate: t }));
export const ZQueryRecords = z.array(z.object({ no: t, date: t, queryCompany: t, queryReason: t }));

/**
 * The envelope. `status` is "OK" on success (then `result` holds the report); otherwise the
 * error table's code and a `reason`. `result` is parsed section by section in report.ts.
 */
export const ZDeepfinchAnswer = z.object({
  status: z.string(),
  reason: z.string().nullish(),
  result: z.unknown().optional(),
});
export type TDeepfinchAnswer = z.infer<typeof ZDeepfinchAnswer>;
