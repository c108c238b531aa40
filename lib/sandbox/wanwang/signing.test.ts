import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { putFaults } from "../core/test-support";
import { outcomeFor } from "./outcome";
import {
  CALLBACK_TOKEN,
  callbacksFor,
  decide,
  getToken,
  openOrder,
  seededRng,
  startWanwang,
  syntheticPerson,
  type WanwangSetup,
} from "./test-helpers";

const rng = seededRng(8);
const SIGNED_KEYS = ["message", "outsideOrderId", "querySn", "reuseFlag", "time", "type", "typeDesc"];
const RESULT_KEYS = ["customerLevel", "idCard", "licenceBackUrl", "licenceFrontUrl", "name", "outsideOrderId", "personReport", "phone", "platformData", "pretrialStatus", "querySn"];
const PLATFORM_KEYS = ["id", "platform", "saasPlatformCode", "saasPlatformLabelId", "saasPlatformName"];

describe("wanwang sandbox: signing page and the callbacks that follow", () => {
  let setup: WanwangSetup;
  let token: string;
  beforeAll(async () => {
    setup = await startWanwang();
    token = await getToken(setup.base);
  });
  afterEach(async () => {
    await putFaults(setup.current, "wanwang", { badSignature: false, reorderCallbacks: false });
  });
  afterAll(async () => {
    await setup.close();
  });

  /** Events received for an order once every queued callback went out, wechatShare left aside. */
  async function flowOf(querySn: string) {
    await setup.current.callbacks.idle();
    return callbacksFor(setup.receiver.calls, querySn).filter((c) => c.event !== "wechat-share");
  }

  it("serves a mobile page with the masked customer and two buttons; unknown links get 404", async () => {
    const person = syntheticPerson(rng, { custName: "周雨桐" });
    const order = await openOrder(setup, token, person);
    const link = new URL(order.contractUrl);
    const res = await fetch(`${setup.base}/sign${link.search}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain('name="viewport"');
    expect(html).toContain("个人征信授权书");
    expect(html).toContain("同意并签署");
    expect(html).toContain("拒绝");
    expect(html).toContain("周**");
    expect(html).toContain(`${person.certificateNum.slice(0, 4)}**********${person.certificateNum.slice(-4)}`);
    expect(html).not.toContain(person.certificateNum);

    const unknown = await fetch(`${setup.base}/sign?signLinkId=1000000000000000000`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("链接无效");
  });

  it("after signing sends signed 0, 1, 2, 3 then pretrialResult with the document's fields and types", async () => {
    const person = syntheticPerson(rng, { custName: "吴志远" });
    const order = await openOrder(setup, token, person);
    const signed = await decide(setup, order.contractUrl, "sign");
    expect(signed.html).toContain("签署成功");

    const flow = await flowOf(order.querySn);
    expect(flow.map((c) => c.event)).toEqual(["signed", "signed", "signed", "signed", "pretrial-result"]);
    for (const call of flow) expect(call.headers.authorization).toBe(`Bearer ${CALLBACK_TOKEN}`);

    const steps = flow.slice(0, 4).map((c) => c.json);
    expect(steps.map((s) => s.type)).toEqual([0, 1, 2, 3]);
    expect(steps.map((s) => s.typeDesc)).toEqual(["授权书签约完成时间", "人行报告发起时间", "人行报告拉取成功时间", "大数据结果返回时间"]);
    for (const step of steps) {
      expect(Object.keys(step).sort()).toEqual(SIGNED_KEYS);
      expect(step).toMatchObject({ outsideOrderId: order.outsideOrderId, querySn: order.querySn, reuseFlag: 0 });
      expect(Number.isInteger(step.time)).toBe(true);
      expect(step.message).toBe(`吴志远 先生/女士:您申请的大数据征信查询订单已发起,请您按要求完成电子合同签约,点击 ${order.contractUrl} 立即进入签约过程`);
    }
    expect((steps[3].time as number) > (steps[0].time as number)).toBe(true);

    const result = flow[4].json;
    expect(Object.keys(result).sort()).toEqual(RESULT_KEYS);
    const outcome = outcomeFor(person.certificateNum);
    expect(result).toMatchObject({
      customerLevel: outcome.customerLevel,
      idCard: person.certificateNum,
      name: "吴志远",
      phone: person.contactPhone,
      outsideOrderId: order.outsideOrderId,
      querySn: order.querySn,
      personReport: outcome.personReport,
      pretrialStatus: outcome.pretrialStatus,
      platformData: outcome.platformData,
    });
    expect(typeof result.personReport).toBe("string");
    expect([0, 1]).toContain(result.pretrialStatus);
    expect(result.licenceFrontUrl).toMatch(/\/wanwang\/obs\/ZX\d{13}\/front\.png$/);
    for (const entry of result.platformData as Record<string, unknown>[]) {
      expect(Object.keys(entry).sort()).toEqual(PLATFORM_KEYS);
      for (const value of Object.values(entry)) expect(typeof value).toBe("string");
    }
    const copy = await fetch(`${setup.base}/obs/${order.querySn}/front.png`);
    expect(copy.headers.get("content-type")).toBe("image/png");
  });

  it("signing twice says already signed and starts no second sequence", async () => {
    const order = await openOrder(setup, token, syntheticPerson(rng));
    await decide(setup, order.contractUrl, "sign");
    const again = await decide(setup, order.contractUrl, "sign");
    expect(again.html).toContain("已签署过");
    expect((await decide(setup, order.contractUrl, "decline")).html).toContain("已签署过");
    expect(await (await fetch(`${setup.base}/sign${new URL(order.contractUrl).search}`)).text()).toContain("已签署过");
    expect((await flowOf(order.querySn)).length).toBe(5);
  });

  it("declining sends errorSync 客户拒绝签署授权书 and nothing else", async () => {
    const order = await openOrder(setup, token, syntheticPerson(rng));
    expect((await decide(setup, order.contractUrl, "decline")).html).toContain("已拒绝");
    const flow = await flowOf(order.querySn);
    expect(flow.map((c) => c.event)).toEqual(["error-sync"]);
    expect(flow[0].json).toEqual({ message: "客户拒绝签署授权书", outsideOrderId: order.outsideOrderId, querySn: order.querySn });
    expect((await decide(setup, order.contractUrl, "sign")).html).toContain("已拒绝签署");
  });

  it.each([
    ["主体不存在", "主体不存在,主体不存在"],
    ["测试异常身份证影像不清晰", "身份证影像不清晰"],
    ["测试异常", "系统异常"],
  ])("custName %s gets errorSync %s right after netCredit instead of signing", async (custName, message) => {
    const order = await openOrder(setup, token, syntheticPerson(rng, { custName }));
    await setup.current.callbacks.idle();
    const calls = callbacksFor(setup.receiver.calls, order.querySn);
    expect(calls.map((c) => c.event)).toEqual(["error-sync"]);
    expect(calls[0].json).toEqual({ message, outsideOrderId: order.outsideOrderId, querySn: order.querySn });
    const page = await decide(setup, order.contractUrl, "sign");
    expect(page.html).toContain("订单已关闭");
    expect((await flowOf(order.querySn)).length).toBe(1);
  });

  it("custName 测试拉取失败… sends signed 0 and 1, then errorSync", async () => {
    const order = await openOrder(setup, token, syntheticPerson(rng, { custName: "测试拉取失败王五" }));
    await decide(setup, order.contractUrl, "sign");
    const flow = await flowOf(order.querySn);
    expect(flow.map((c) => `${c.event}${c.json.type ?? ""}`)).toEqual(["signed0", "signed1", "error-sync"]);
    expect(flow[2].json.message).toBe("人行征信报告拉取失败");
  });

  it("sets reuseFlag 1 when the same ID number signed an earlier order", async () => {
    const person = syntheticPerson(rng);
    const first = await openOrder(setup, token, person);
    await decide(setup, first.contractUrl, "sign");
    const second = await openOrder(setup, token, person);
    await decide(setup, second.contractUrl, "sign");
    const flags = (await flowOf(second.querySn)).filter((c) => c.event === "signed").map((c) => c.json.reuseFlag);
    expect(flags).toEqual([1, 1, 1, 1]);
  });

  it("with the badSignature fault sends a bearer token the console must refuse", async () => {
    await putFaults(setup.current, "wanwang", { badSignature: true });
    const order = await openOrder(setup, token, syntheticPerson(rng));
    await decide(setup, order.contractUrl, "decline");
    await setup.current.callbacks.idle();
    const calls = callbacksFor(setup.receiver.calls, order.querySn);
    expect(calls.length).toBe(2);
    for (const call of calls) {
      expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
      expect(call.headers.authorization).not.toBe(`Bearer ${CALLBACK_TOKEN}`);
    }
  });

  it("with the reorder fault delivers the signing sequence last-first", async () => {
    await putFaults(setup.current, "wanwang", { reorderCallbacks: true });
    const order = await openOrder(setup, token, syntheticPerson(rng));
    await decide(setup, order.contractUrl, "sign");
    const flow = await flowOf(order.querySn);
    expect(flow.map((c) => `${c.event}${c.json.type ?? ""}`)).toEqual(["pretrial-result", "signed3", "signed2", "signed1", "signed0"]);
  });
});
