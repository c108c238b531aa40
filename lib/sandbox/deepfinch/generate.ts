import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { repaymentGrid, type GridProfile } from "./grid";
import { addMonths, chance, cnDay, dotDay, dotMonth, int, pick, yuanText, type Rng } from "./rng";

/**
 * A rich, deterministic credit report in DeepFinch's 返回结果 shape, every section populated,
 * derived from the uploaded file's hash (the seed). `accountCount` spreads over the five
 * account types; each account has a 60-month grid. Synthetic people only (design.md §5).
 */
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
const GIVEN = ["子涵", "浩然", "欣怡", "宇轩", "梓萱", "俊杰", "思远", "雨桐"];
const BANKS = ["中国工商银行", "中国建设银行", "招商银行", "中国银行", "交通银行", "平安银行", "浦发银行", "兴业银行", "中信银行", "民生银行", "广发银行", "某消费金融有限公司", "某小额贷款有限公司"];
const QUERY_REASONS = ["贷款审批", "信用卡审批", "担保资格审查", "贷后管理", "本人查询", "保前审查"];
const FIVE_LEVEL = ["正常", "正常", "正常", "关注", "次级"];

export type GenerateOptions = { accountCount: number };

export function generateReport(rng: Rng, opts: GenerateOptions) {
  const reportMonth = addMonths({ year: 2026, month: 10 }, -int(rng, 0, 5));
  const reportDay = int(rng, 1, 28);
  const name = pick(rng, SURNAMES) + pick(rng, GIVEN);
  const idNum = generateSyntheticIdNumber(rng, { birthYear: int(rng, 1970, 1998), now: new Date(Date.UTC(2026, 0, 1)) });
  const m = (back: number) => addMonths(reportMonth, -back);
  const day = (back: number) => dotDay(m(back), int(rng, 1, 28));
  const amount = (minYuan: number, maxYuan: number) => int(rng, minYuan, maxYuan) * 100;

  const n = Math.max(0, opts.accountCount);
  const counts = {
    acyclic: Math.round(n * 0.3), cyclicalAmount: Math.round(n * 0.1), cyclicalLoan: Math.round(n * 0.1),
    quasi: Math.round(n * 0.05), card: 0,
  };
  counts.card = Math.max(0, n - counts.acyclic - counts.cyclicalAmount - counts.cyclicalLoan - counts.quasi);
  const profile = (): GridProfile => (chance(rng, 0.7) ? "clean" : chance(rng, 0.5) ? "closed" : chance(rng, 0.8) ? "late" : "bad");

  let serial = 0;
  const notes = (what: string) => (chance(rng, 0.1) ? [{ value: `${what}：测试说明`, addDate: day(3) }] : []);
  function loanAccount(kind: string) {
    const p = profile();
    const opened = m(int(rng, 3, 90));
    const principal = amount(10_000, 800_000);
    const monthly = Math.max(100, Math.floor(principal / 36 / 100) * 100);
    const surplus = p === "closed" ? 0 : Math.floor(principal * rng() / 100) * 100;
    const overdue = p === "late" || p === "bad" ? monthly * int(rng, 1, 3) : 0;
    const grid = repaymentGrid(rng, reportMonth, opened, p, monthly);
    const lastState = grid.detail.at(-1)!.month.at(-1)!.state;
    const stateValue = p === "closed" ? "结清" : p === "bad" ? "呆账" : /^[1-7]$/.test(lastState) ? "逾期" : "正常";
    const company = pick(rng, BANKS);
    return {
      name: `账户${++serial}`, manageCompany: company, amountId: `ACC${String(serial).padStart(6, "0")}`,
      startDate: dotDay(opened, int(rng, 1, 28)), deadlineDate: dotDay(addMonths(opened, 36), 1),
      refundAmount: yuanText(principal), accountCurrencyType: "人民币元", type: kind,
      guaranteeType: pick(rng, ["信用/免担保", "抵押", "保证", "组合（含保证）"]), refundPeriodNum: "36",
      refundFrequency: "月", refundType: "分期等额本息", joinRefundFlag: chance(rng, 0.1) ? "有" : "无",
      dueDate: cnDay(reportMonth, reportDay),
      accountState: {
        value: stateValue,
        ...(stateValue === "正常" || stateValue === "逾期"
          ? { normal: {
              fiveLevelType: pick(rng, FIVE_LEVEL), surplusAmount: yuanText(surplus), surplusPaymentNum: String(int(rng, 1, 35)),
              scheduledPayment: yuanText(monthly), scheduledPayAt: dotDay(reportMonth, 15), realPayed: yuanText(overdue ? 0 : monthly),
              latestRepayDate: day(0), currOverduePeriods: String(overdue ? overdue / monthly : 0), currOverdueAmount: yuanText(overdue),
              overdue31Tp60: yuanText(overdue > monthly ? monthly : 0), overdue61Tp90: "0", overdue91Tp180: "0", overdue180: "0",
            } }
          : {}),
        ...(stateValue === "呆账" ? { badDebt: { surplusAmount: yuanText(surplus), latestRepayDate: day(12) } } : {}),
        ...(stateValue === "结清" ? { clear: { accountClosedDate: dotMonth(m(int(rng, 1, 20))) } } : {}),
      },
      beforeDeadlineDate: { value: `${cnDay(reportMonth, reportDay)}以后的最新还款记录`, fiveLevelType: "正常", surplusAmount: yuanText(surplus), refundDate: day(0), refundAmount: yuanText(monthly), currRefundState: "正常还款" },
      refundRecord: grid,
      specialTransTypes: chance(rng, 0.1) ? [{ type: "提前还款（部分）", occurDate: day(10), changeMonthNum: "0", occurAmount: yuanText(amount(1_000, 50_000)), detailRecord: "提前部分还款" }] : [],
      companyInfo: notes("机构声明"), selfStatement: notes("本人声明"), objectionLabel: notes("异议标注"), specialLabel: notes("特殊标注"),
    };
  }

  function cardAccount() {
    const p = profile();
    const opened = m(int(rng, 3, 120));
    const limit = amount(5, 200) * 1_000;
    const used = p === "closed" ? 0 : Math.floor((limit * rng()) / 100) * 100;
    const overdue = p === "late" || p === "bad" ? Math.floor(used / 10 / 100) * 100 : 0;
    const grid = repaymentGrid(rng, reportMonth, opened, p === "closed" ? "closed" : p, Math.floor(used / 10 / 100) * 100);
    const state = p === "closed" ? "销户" : p === "bad" ? "呆帐" : chance(rng, 0.05) ? "未激活" : "正常";
    return {
      name: `账户${++serial}`, cardCompany: pick(rng, BANKS), amountId: `CARD${String(serial).padStart(6, "0")}`,
      startDate: dotDay(opened, int(rng, 1, 28)), accountExtensionAmount: yuanText(limit), sharedExtensionAmount: yuanText(limit),
      currencyType: "人民币元", type: "贷记卡", guaranteeType: "信用/免担保", dueDate: cnDay(reportMonth, reportDay),
      accountState: {
        value: state,
        ...(state === "正常" ? { normal: {
          surplusAmount: yuanText(used), usedAmount: yuanText(used), unspecifiedLargeAmountSpecificPeriodAmount: "0", surplusPeriodsNum: "0",
          avg6monthPay: yuanText(Math.floor(used * 0.9 / 100) * 100), maxUsedAmount: yuanText(Math.min(limit, used * 2)), billDate: dotDay(reportMonth, 5),
          scheduledPayment: yuanText(Math.floor(used / 10 / 100) * 100), realPayed: yuanText(overdue ? 0 : Math.floor(used / 10 / 100) * 100),
          latestRepayDate: day(0), currOverduePeriods: overdue ? "1" : "0", currOverdueAmount: yuanText(overdue),
        } } : {}),
        ...(state === "呆帐" ? { badDebt: { surplusAmount: yuanText(used), latestRepayDate: day(10) } } : {}),
        ...(state === "销户" ? { accountCanceled: { canceledDate: day(int(rng, 1, 30)) } } : {}),
        ...(state === "未激活" ? { inactive: { inactiveDueDate: `截至${cnDay(reportMonth, reportDay)}，账户状态为“未激活”` } } : {}),
      },
      bigAmountSpecialPeriodInfo: chance(rng, 0.15) ? { periodAmount: yuanText(amount(10_000, 100_000)), periodAmountEffectiveDate: day(10), periodAmountDueDate: day(-14), usedPeriodAmount: yuanText(amount(1_000, 10_000)) } : undefined,
      beforeDueDate: { value: `${cnDay(reportMonth, reportDay)}以后的最新还款记录`, fiveLevelType: "正常", surplusAmount: yuanText(used), refundDate: day(0), refundAmount: yuanText(Math.floor(used / 10 / 100) * 100), currRefundState: "正常还款" },
      refundRecord: grid,
      specialEventInfo: chance(rng, 0.05) ? "卡片挂失" : "",
      specialTransTypes: [], companyInfo: notes("机构声明"), selfStatement: notes("本人声明"), objectionLabel: notes("异议标注"),
    };
  }

  function quasiAccount() {
    const opened = m(int(rng, 12, 120));
    const limit = amount(1, 50) * 1_000;
    const over = Math.floor((limit * rng() * 0.3) / 100) * 100;
    return {
      name: `账户${++serial}`, cardCompany: pick(rng, BANKS), amountId: `QCARD${String(serial).padStart(6, "0")}`,
      startDate: dotDay(opened, 3), accountExtensionAmount: yuanText(limit), sharedExtensionAmount: yuanText(limit),
      currencyType: "人民币元", guaranteeType: "信用/免担保", dueDate: cnDay(reportMonth, reportDay),
      accountState: { value: "正常", normal: { overDraftAmount: yuanText(over), latest6MonthsAvgOverDraftAmount: yuanText(over), maxOverDraftAmount: yuanText(over * 2), billDate: dotDay(reportMonth, 8), realPayed: yuanText(over), latestRepayDate: day(0), overDraft180UnpayedAmount: "0" } },
      refundRecord: repaymentGrid(rng, reportMonth, opened, "clean", over),
      specialTransTypes: [],
    };
  }

  const acyclic = Array.from({ length: counts.acyclic }, () => loanAccount(pick(rng, ["个人消费贷款", "个人住房商业贷款", "个人经营性贷款", "其他个人消费贷款"])));
  const cyclicalAmount = Array.from({ length: counts.cyclicalAmount }, () => loanAccount("个人消费贷款"));
  const cyclicalLoan = Array.from({ length: counts.cyclicalLoan }, () => loanAccount("个人经营性贷款"));
  const cards = Array.from({ length: counts.card }, cardAccount);
  const quasi = Array.from({ length: counts.quasi }, quasiAccount);
  const queries = Array.from({ length: int(rng, 6, 30) }, (_, i) => ({ no: String(i + 1), date: day(int(rng, 0, 23)), queryCompany: pick(rng, BANKS), queryReason: pick(rng, QUERY_REASONS) }))
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((q, i) => ({ ...q, no: String(i + 1) }));

  return {
    creditHeader: {
      serialNo: `${reportMonth.year}${String(reportMonth.month).padStart(2, "0")}${String(int(rng, 1, 99_999_999)).padStart(14, "0")}`,
      reportTime: `${dotDay(reportMonth, reportDay)} ${String(int(rng, 8, 18)).padStart(2, "0")}:${String(int(rng, 10, 59))}:${String(int(rng, 10, 59))}`,
      whoWasChecked: name, idType: "身份证", idNum, organization: "某商业银行信用卡中心", reason: "贷款审批", objectionInfo: "",
    },
    personBasicInfo: {
      personInfo: {
        gender: Number(idNum[16]) % 2 === 1 ? "男" : "女", birthday: `${idNum.slice(6, 10)}.${idNum.slice(10, 12)}.${idNum.slice(12, 14)}`,
        isMarried: "已婚", job: "在职", education: "大学本科", qualification: "学士", country: "中国", email: "demo@example.invalid",
        postAddr: "某省某市某区示例路1号", registerAddr: "某省某市某区示例路2号",
        mobile: [1, 2].map((no) => ({ no: String(no), mobile: generateSyntheticMobile(rng), updateAt: day(no * 6) })),
      },
      connubialInfo: { name: pick(rng, SURNAMES) + pick(rng, GIVEN), idType: "身份证", idNum: generateSyntheticIdNumber(rng, { now: new Date(Date.UTC(2026, 0, 1)) }), company: "某科技有限公司", tel: generateSyntheticMobile(rng) },
      livedInfos: [1, 2].map((no) => ({ no: String(no), address: `某市某区示例小区${no}栋`, status: pick(rng, ["自置", "按揭", "租房"]), homeTel: "", updateAt: day(no * 10) })),
      experiences: [1, 2].map((no) => ({ no: String(no), company: `示例科技有限公司${no}`, address: "某市高新区", officeTel: "", companyCharacter: "民营企业", jobNature: "专业技术人员", industry: "信息传输、软件和信息技术服务业", title: "中级领导", level: "中级", startedAt: String(reportMonth.year - no * 3), updateAt: day(no * 8) })),
    },
    infoSummary: {
      personalCreditReportExplication: { digitExplication: String(int(rng, 550, 800)), relativeLocation: `${int(rng, 10, 90)}%`, desc: ["影响因素1:存在逾期还款记录", "影响因素2:近期信用活动频繁"] },
      creditTransInfoHint: {
        totalAccountNum: String(n),
        detail: {
          loan: [{ type: "其他类型贷款", accountNum: String(counts.acyclic + counts.cyclicalAmount + counts.cyclicalLoan), firstGotAt: dotMonth(m(90)) }],
          creditCard: [{ type: "贷记卡", accountNum: String(counts.card), firstGotAt: dotMonth(m(120)) }, { type: "准贷记卡", accountNum: String(counts.quasi), firstGotAt: dotMonth(m(100)) }],
          others: [],
        },
      },
      creditTransBreachInfoSummary: {
        recourseInfoSummary: { totalAccountNum: "1", surplusAmount: "12,000", detail: [{ type: "资产处置业务", accountNum: "1", surplusAmount: "12,000" }] },
        badDebtsSummary: { accountNum: "0", surplusAmount: "0" },
        overdueInfoCollection: [{ type: "非循环贷账户", accountNum: "1", monthNum: "2", maxAmountPerMonth: "3,500", maxOverdueMonthNum: "2" }, { type: "贷记卡账户", accountNum: "1", monthNum: "1", maxAmountPerMonth: "800", maxOverdueMonthNum: "1" }],
      },
      creditTransExtensionAndDebtSummary: {
        acyclicLoanAccountInfoSummary: { manageCompanyNum: "3", accountNum: String(counts.acyclic), extensionAmount: "300,000", surplusAmount: "120,000", avg6monthPay: "5,200" },
        cyclicalAmountAccountInfoSummary: { manageCompanyNum: "1", accountNum: String(counts.cyclicalAmount), extensionAmount: "50,000", surplusAmount: "8,000", avg6monthPay: "1,000" },
        cyclicalLoanAccountInfoSummary: { manageCompanyNum: "1", accountNum: String(counts.cyclicalLoan), extensionAmount: "100,000", surplusAmount: "30,000", avg6monthPay: "2,300" },
        creditAccountInfoSummary: { companyNum: "4", accountNum: String(counts.card), extensionAmount: "180,000", maxAmountPerCompany: "80,000", minAmountPerCompany: "10,000", usedAmount: "45,600", avg6monthUsedAmount: "40,100" },
        quasiCreditAccountInfoSummary: { companyNum: "1", accountNum: String(counts.quasi), extensionAmount: "10,000", maxAmountPerCompany: "10,000", minAmountPerCompany: "10,000", surplusAmount: "0", avg6monthOverdraftAmount: "0" },
        concernedRefundDutyInfoSummary: {
          forPerson: { guaranteeDuty: { accountNum: "1", guaranteeAmount: "50,000", surplusAmount: "20,000" }, otherRefundDuty: { accountNum: "0", refundDutyAmount: "0", surplusAmount: "0" } },
          forCompany: { guaranteeDuty: { accountNum: "1", guaranteeAmount: "200,000", surplusAmount: "150,000" }, otherRefundDuty: { accountNum: "0", refundDutyAmount: "0", surplusAmount: "0" } },
        },
      },
      noncreditTransInfoSummary: [{ type: "电信业务", accountNum: "1", debtAmount: "0" }],
      publicInfoSummary: [{ type: "欠税信息", recordNum: "0", referenceAmount: "0" }, { type: "民事判决信息", recordNum: "1", referenceAmount: "30,000" }, { type: "强制执行信息", recordNum: "0", referenceAmount: "0" }, { type: "行政处罚信息", recordNum: "0", referenceAmount: "0" }],
      nonFinanceCreditTransInfoSummary: [{ type: "赊销", number: "1" }],
      openInfoSummary: [{ type: "判决信息", recordNum: "1" }, { type: "执行信息", recordNum: "1" }],
      queryRecordSummary: {
        lastQueryRecord: { date: queries[0]?.date ?? "", companyName: queries[0]?.queryCompany ?? "", detail: queries[0]?.queryReason ?? "" },
        last1MonthQueryCompanyNum: { loanApproval: "1", creditApproval: "0" },
        last1MonthQueryNum: { loanApproval: "1", creditApproval: "0", selfQuery: "0" },
        last2YearQueryNum: { managerAfterLoan: "5", guaranteeInvestigate: "1", bespokeMerchantsRealNameInvestigate: "0" },
        objectionAndDescription: { objectionLabel: "", addDate: "" },
      },
    },
    creditTransInfoDetail: {
      recoveryInfo: [{ name: `账户${++serial}`, manageCompany: "某资产管理有限公司", type: "资产处置", creditorReceivedDate: day(30), originalType: "个人消费贷款", creditorAmount: "12,000", stateWhenCreditorTransfer: "逾期", dueDate: cnDay(reportMonth, reportDay), accountState: { value: "催收", debtCollection: { surplusAmount: "12,000", latestRepayDate: day(20) } }, specialTransTypes: [] }],
      acyclicCreditAccount: acyclic,
      cyclicalAmountPerAccount: cyclicalAmount,
      cyclicalLoanAccount: cyclicalLoan,
      creditAccount: cards,
      quasiCreditAccount: quasi,
      concernedRefundDutyInfo: {
        concernRefundPersonBorrow: [{ name: "账户1", manageCompany: pick(rng, BANKS), type: "个人消费贷款", startDate: day(24), deadlineDate: day(-12), personDutyType: "保证人", refundDutyAmount: "50,000", currencyType: "人民币元", guaranteeContractSerial: "GC0001", dueDate: cnDay(reportMonth, reportDay), fiveLevelType: "正常", surplusAmount: "20,000", refundState: "正常" }],
        concernRefundCompanyBorrow: [{ name: "账户1", manageCompany: pick(rng, BANKS), type: "流动资金贷款", startDate: day(30), deadlineDate: day(-6), personDutyType: "保证人", refundDutyAmount: "200,000", currencyType: "人民币元", guaranteeContractSerial: "GC0002", dueDate: cnDay(reportMonth, reportDay), fiveLevelType: "正常", surplusAmount: "150,000", overdueMonthNum: "0" }],
      },
      extensionProtocolInfo: [{ name: "授信协议 1", manageCompany: pick(rng, BANKS), extensionProtocolId: "E124", effectDate: day(24), deadlineDate: day(-12), extensionAmountScope: "循环贷款额度", extensionAmount: "100,000", extensionLimitAmount: "", extensionLimitSerial: "", usedAmount: "30,000", currencyType: "人民币元" }],
    },
    noncreditTransInfoDetail: [{ name: "账户1", companyName: "某电信公司", type: "电信业务", startDate: day(60), currPayedState: "正常", currOverdueAmount: "0", accountDate: dotMonth(reportMonth), refundRecord: { dateRange: "最近24个月缴费记录", detail: [{ year: String(reportMonth.year), month: Array.from({ length: reportMonth.month }, (_, i) => ({ monthValue: String(i + 1), state: "N" })) }] } }],
    publicInfoDetail: {
      owingTaxRecord: [],
      civilJudgmentRecord: [{ no: "1", fillingCourt: "某市某区人民法院", reason: "民间借贷纠纷", fillingDate: day(30), closingType: "调解", closingResult: "分期偿还", closingEffectDate: day(28), litigation: "借款", litigationAmount: "30,000" }],
      forceExecuteRecord: [],
      administrativePenaltyRecord: [],
      housingProvidentFundContributionRecord: [{ contributionPlace: "某市", contributionDate: day(60), firstContributionDate: dotMonth(m(60)), contributionDueDate: dotMonth(reportMonth), contributionState: "缴交", amountPerMonth: "2,400", selfContributionProportion: "12%", companyContributionProportion: "12%", contributionCompany: "示例科技有限公司1", updateAt: day(1) }],
      lowSecurityRescueRecord: [],
      executiveQualificationRecord: [],
      administrativeRewardRecord: [],
    },
    nonFinanceCreditTransInfoDetail: [{ name: "记录1", type: "赊销", no: "NF0001", startDate: day(12), deadlineDate: day(-12), curDebtAmount: "1,200", currencyType: "人民币元", creditorName: "某商贸有限公司", scheduledPayAt: dotDay(reportMonth, 20), overdueAmount: "0", overdueDays: "0", debitInterestAmount: "0", payedAmount: "300", realPayedDate: day(0), curPaymentStatus: "正常", updateAt: day(0) }],
    openInfo: {
      judgmentInfo: [{ name: "记录1", litigationType: "民事", litigationStatus: "被告", caseNumber: `(${reportMonth.year - 1})某0101民初1234号`, caseReason: "民间借贷纠纷", fillingDate: day(30), fillingCourt: "某市某区人民法院", judgmentCourt: "某市某区人民法院", closingDate: day(28), closingType: "调解", litigation: "借款", litigationAmount: "30,000", restrictionOutboundStartDate: "", restrictionOutboundEndDate: "", closingResult: "分期偿还", closingAmount: "30,000", closingEffectDate: day(28), updateAt: day(2) }],
      executionInfo: [{ name: "记录1", executeCourt: "某市某区人民法院", executeNumber: `(${reportMonth.year - 1})某0101执567号`, executeReason: "民间借贷纠纷", closingType: "执行完毕", caseState: "已结案", inDishonestList: "否", fillingDate: day(26), closingDate: day(20), applyExecuteSubject: "借款", applyExecuteSubjectAmount: "30,000", executedSubject: "借款", executedSubjectAmount: "30,000", updateAt: day(2) }],
      confirmInfo: [], punishmentInfo: [], arrearsInfo: [],
    },
    otherNonOpenInfo: [],
    objectionLabel: [],
    queryRecord: queries,
  };
}
