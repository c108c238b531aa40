import type { Db } from "@/lib/db";
import type { PretrialStatus } from "@/lib/generated/prisma/enums";
import { generateSyntheticIdNumber, generateSyntheticMobile, parseIdNumber } from "@/lib/pii/id-card";
import { maskIdNumber, maskMobile } from "@/lib/pii/mask";
import { nameColumns, protectPii } from "@/lib/pii/vault";
import { nextOutsideOrderId } from "@/lib/pretrial/sequence";
import { seededRng } from "@/lib/seeded-rng";

/** Capital providers as 万网's document lists them (companies, not people). */
const CATALOGUE = [
  { id: "28", platform: "中铁建金融租赁有限公司", productCode: "ZTJ", productName: "中铁金租", labelId: "131" },
  { id: "64", platform: "华夏金融租赁有限公司", productCode: "ZTJ", productName: "中铁金租", labelId: "131" },
  { id: "12", platform: "广西通盛融资租赁有限公司", productCode: "TONGSHENG", productName: "广西通盛", labelId: "132" },
  { id: "26", platform: "国银金融租赁股份有限公司", productCode: "GUO_YIN", productName: "国银金租", labelId: "130" },
  { id: "30", platform: "中国工商银行股份有限公司三亚分行", productCode: "E_NEW", productName: "工行平台", labelId: "129" },
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
const GIVEN = ["示例", "测试", "演示", "样本"];
const PLAN: { status: PretrialStatus; level?: string }[] = [
  { status: "PASSED", level: "A" }, { status: "PASSED", level: "B" }, { status: "PASSED", level: "C" }, { status: "FAILED", level: "D" },
  { status: "AWAITING_SIGNATURE" }, { status: "PBOC_PULLED" }, { status: "ERROR" }, { status: "PASSED", level: "A" }, { status: "FAILED", level: "C" },
];

/**
 * Synthetic pretrial orders in every state, so a first start shows a populated console. The
 * people are generated (valid-checksum ID numbers), never taken from the vendor documents.
 * Their photos are placeholders: these orders were never sent to a vendor.
 */
export async function seedDemoOrders(db: Db, officerId: string) {
  const rng = seededRng(20261124);
  for (const c of CATALOGUE) await db.capitalProvider.upsert({ where: { id: c.id }, create: c, update: {} });
  for (const [i, plan] of PLAN.entries()) {
    const idNumber = generateSyntheticIdNumber(rng, { birthYear: 1975 + Math.floor(rng() * 25) });
    const mobile = generateSyntheticMobile(rng);
    const id = protectPii(idNumber, "id");
    const mob = protectPii(mobile, "mobile");
    const createdAt = new Date(Date.now() - (PLAN.length - i) * 3 * 3600_000);
    const decided = plan.status === "PASSED" || plan.status === "FAILED";
    const order = await db.pretrialOrder.create({
      data: {
        idempotencyKey: `demo-${i}`,
        outsideOrderId: await nextOutsideOrderId(db, createdAt),
        querySn: `ZX${createdAt.toISOString().slice(0, 10).replace(/-/g, "")}${String(90000 + i)}`,
        status: plan.status,
        ...nameColumns("customerName", `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`),
        idNumberEnc: id.enc, idNumberIdx: id.idx, idNumberMasked: maskIdNumber(idNumber),
        mobileEnc: mob.enc, mobileIdx: mob.idx, mobileMasked: maskMobile(mobile),
        birthDate: parseIdNumber(idNumber).birthDate, sex: parseIdNumber(idNumber).sex,
        dealerName: "合肥示例汽车销售有限公司", channel: "CREDITOPS", creditType: "6", socialCreditCode: "91110108MA01SANDBX",
        photoFrontId: "demo", photoBackId: "demo",
        contractUrl: plan.status === "AWAITING_SIGNATURE" ? "http://localhost:3100/wanwang/sign?signLinkId=0" : null,
        customerLevel: plan.level ?? null,
        pretrialStatus: decided ? (plan.status === "PASSED" ? 1 : 0) : null,
        personReport: decided ? { format: "json", flags: { dishonesty: false, exposurePlatform: false, court: i % 3 === 0, closeCase: false }, prequalificationResult: plan.status === "PASSED" ? "通过" : "不通过", desc: "优" } : undefined,
        errReason: plan.status === "ERROR" ? "主体不存在,主体不存在" : null,
        officerId, submittedAt: createdAt, resultAt: decided ? new Date(createdAt.getTime() + 600_000) : null, createdAt,
        events: { create: [{ kind: "CREATED", occurredAt: createdAt }, { kind: "SUBMITTED", occurredAt: createdAt }] },
      },
    });
    if (plan.status === "PASSED") {
      const picks = CATALOGUE.slice(i % 3, (i % 3) + 3);
      await db.pretrialRecommendation.createMany({ data: picks.map((c, position) => ({ orderId: order.id, capitalId: c.id, position })) });
    }
  }
}
