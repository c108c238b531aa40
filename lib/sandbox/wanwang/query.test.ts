import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeFor } from "./outcome";
import {
  callApi,
  callbacksFor,
  decide,
  getToken,
  openOrder,
  seededRng,
  startWanwang,
  syntheticPerson,
  type WanwangSetup,
} from "./test-helpers";

const rng = seededRng(77);
const NULL_RESULT = {
  licenceFrontUrl: null,
  licenceBackUrl: null,
  customerLevel: null,
  pretrialStatus: null,
  personReport: null,
  platformData: null,
  errReason: null,
};

describe("wanwang sandbox: resultQuery and pushOutside", () => {
  let setup: WanwangSetup;
  let token: string;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "wanwang-sandbox-"));
    setup = await startWanwang({ stateFile: path.join(dir, "state.json") });
    token = await getToken(setup.base);
  });
  afterAll(async () => {
    await setup.close();
    await rm(dir, { recursive: true, force: true });
  });

  const query = (endpoint: "resultQuery" | "pushOutside", querySn: string) =>
    callApi(setup.base, token, `${endpoint}?querySn=${encodeURIComponent(querySn)}`);

  it("shows the order with null result fields before signing, the result after", async () => {
    const person = syntheticPerson(rng, { custName: "许安然" });
    const order = await openOrder(setup, token, person);
    const before = await query("resultQuery", order.querySn);
    expect(before.body).toEqual({
      code: 0,
      msg: null,
      data: {
        outsideOrderId: order.outsideOrderId,
        querySn: order.querySn,
        idCard: person.certificateNum,
        phone: person.contactPhone,
        name: "许安然",
        ...NULL_RESULT,
        contractUrl: order.contractUrl,
      },
      ok: true,
    });

    await decide(setup, order.contractUrl, "sign");
    await setup.current.callbacks.idle();
    const outcome = outcomeFor(person.certificateNum);
    const after = await query("resultQuery", order.querySn);
    expect(after.body.data).toEqual({
      outsideOrderId: order.outsideOrderId,
      querySn: order.querySn,
      idCard: person.certificateNum,
      phone: person.contactPhone,
      name: "许安然",
      licenceFrontUrl: expect.stringMatching(/\/obs\/ZX\d{13}\/front\.png$/),
      licenceBackUrl: expect.stringMatching(/\/obs\/ZX\d{13}\/back\.png$/),
      customerLevel: outcome.customerLevel,
      pretrialStatus: outcome.pretrialStatus,
      personReport: outcome.personReport,
      platformData: outcome.platformData,
      errReason: null,
      contractUrl: order.contractUrl,
    });
    expect(Array.isArray((after.body.data as { platformData: unknown }).platformData)).toBe(true);
  });

  it("reports errReason after an errorSync", async () => {
    const order = await openOrder(setup, token, syntheticPerson(rng, { custName: "主体不存在" }));
    await setup.current.callbacks.idle();
    expect((await query("resultQuery", order.querySn)).body.data).toMatchObject({ ...NULL_RESULT, errReason: "主体不存在,主体不存在" });
  });

  it("answers an unknown or missing querySn with a non-zero code", async () => {
    expect((await query("resultQuery", "ZX2000010100000")).body).toEqual({ code: 404, msg: "查询编号不存在", data: null, ok: false });
    expect((await query("pushOutside", "ZX2000010100000")).body).toEqual({ code: 404, msg: "查询编号不存在", data: null, ok: false });
    expect((await callApi(setup.base, token, "resultQuery")).body).toEqual({ code: 400, msg: "querySn 不能为空", data: null, ok: false });
  });

  it("pushOutside refuses before the result exists and resends pretrialResult after", async () => {
    const order = await openOrder(setup, token, syntheticPerson(rng));
    expect((await query("pushOutside", order.querySn)).body).toEqual({ code: 409, msg: "征信结果尚未生成", data: false, ok: false });

    await decide(setup, order.contractUrl, "sign");
    await setup.current.callbacks.idle();
    const results = () => callbacksFor(setup.receiver.calls, order.querySn).filter((c) => c.event === "pretrial-result");
    expect(results().length).toBe(1);

    expect((await query("pushOutside", order.querySn)).body).toEqual({ code: 0, msg: null, data: true, ok: true });
    await setup.current.callbacks.idle();
    expect(results().length).toBe(2);
    expect(results()[1].json).toEqual(results()[0].json);
  });

  it("keeps orders, tokens and settings across a sandbox restart", async () => {
    const order = await openOrder(setup, token, syntheticPerson(rng));
    await setup.current.callbacks.idle();
    await setup.restart();
    const reply = await query("resultQuery", order.querySn);
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({ querySn: order.querySn, contractUrl: order.contractUrl });
    expect(await (await fetch(`${setup.base}/_sandbox/settings`)).json()).toMatchObject({ callbackIntervalMs: 25 });
    expect((await decide(setup, order.contractUrl, "sign")).html).toContain("签署成功");
  });
});
