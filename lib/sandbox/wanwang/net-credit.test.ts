import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALLBACK_TOKEN,
  callApi,
  callbacksFor,
  getToken,
  netCreditBody,
  openOrder,
  PUBLIC_URL,
  putSettings,
  seededRng,
  startWanwang,
  syntheticPerson,
  waitFor,
  type NetCreditData,
  type WanwangSetup,
} from "./test-helpers";

const rng = seededRng(20260101);
type Loose = Record<string, unknown>;
type Mutation = (b: Loose) => void;
const person0 = (b: Loose) => (b.personList as Array<Loose & { attach?: Loose }>)[0];
const attach0 = (b: Loose) => person0(b).attach as Loose;

/** Every field the document marks 必填, removed or blanked, and the reason the sandbox gives. */
const REQUIRED: Array<[string, Mutation, string]> = [
  ["channel", (b) => delete b.channel, "channel 不能为空"],
  ["creditType", (b) => (b.creditType = ""), "creditType 不能为空"],
  ["outsideOrderId", (b) => delete b.outsideOrderId, "outsideOrderId 不能为空"],
  ["socialCreditCode", (b) => (b.socialCreditCode = "  "), "socialCreditCode 不能为空"],
  ["personList missing", (b) => delete b.personList, "personList 不能为空"],
  ["personList empty", (b) => (b.personList = []), "personList 不能为空"],
  ["attach", (b) => delete person0(b).attach, "personList[0].attach 不能为空"],
  ["licenceBackUrl", (b) => delete attach0(b).licenceBackUrl, "personList[0].attach.licenceBackUrl 不能为空"],
  ["licenceFrontUrl", (b) => (attach0(b).licenceFrontUrl = null), "personList[0].attach.licenceFrontUrl 不能为空"],
  ["certificateNum", (b) => delete person0(b).certificateNum, "personList[0].certificateNum 不能为空"],
  ["contactPhone", (b) => (person0(b).contactPhone = ""), "personList[0].contactPhone 不能为空"],
  ["custName", (b) => delete person0(b).custName, "personList[0].custName 不能为空"],
  ["personType", (b) => delete person0(b).personType, "personList[0].personType 不能为空"],
];

const INVALID: Array<[string, Mutation, RegExp]> = [
  ["ID check digit", (b) => (person0(b).certificateNum = flipCheckDigit(String(person0(b).certificateNum))), /^personList\[0\]\.certificateNum 身份证号码校验位错误$/],
  ["ID length", (b) => (person0(b).certificateNum = "11010119900101123"), /^personList\[0\]\.certificateNum 身份证号码应为 18 位$/],
  ["ID birth date", (b) => (person0(b).certificateNum = "110101199002301234"), /^personList\[0\]\.certificateNum 身份证号码出生日期无效$/],
  ["mobile", (b) => (person0(b).contactPhone = "12345678901"), /^personList\[0\]\.contactPhone 手机号码格式不正确$/],
  ["personType", (b) => (person0(b).personType = 3), /^personList\[0\]\.personType 只能为/],
  ["licence URL", (b) => (attach0(b).licenceFrontUrl = "file:///etc/passwd"), /^personList\[0\]\.attach\.licenceFrontUrl 不是有效的/],
  ["object for a string", (b) => (b.channel = { x: 1 } as never), /^channel 格式不正确/],
];

function flipCheckDigit(id: string): string {
  const last = id[17] === "0" ? "1" : "0";
  return id.slice(0, 17) + last;
}

describe("wanwang sandbox: netCredit", () => {
  let setup: WanwangSetup;
  let token: string;
  beforeAll(async () => {
    setup = await startWanwang();
    token = await getToken(setup.base);
  });
  afterAll(async () => {
    await setup.close();
  });

  it("opens an order and answers exactly the document's shape", async () => {
    const person = syntheticPerson(rng, { custName: "林晓" });
    const body = netCreditBody(person);
    const reply = await callApi<NetCreditData>(setup.base, token, "netCredit", { body });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      code: 0,
      msg: null,
      data: {
        outsideOrderId: body.outsideOrderId,
        querySn: expect.stringMatching(/^ZX\d{8}\d{5}$/),
        idCard: person.certificateNum,
        phone: person.contactPhone,
        name: "林晓",
        licenceFrontUrl: null,
        licenceBackUrl: null,
        customerLevel: null,
        pretrialStatus: null,
        personReport: null,
        platformData: null,
        errReason: null,
        contractUrl: expect.stringMatching(new RegExp(`^${PUBLIC_URL}/wanwang/sign\\?signLinkId=\\d{19}$`)),
      },
      ok: true,
    });
    expect(Object.keys(reply.body.data)).toEqual(["outsideOrderId", "querySn", "idCard", "phone", "name", "licenceFrontUrl", "licenceBackUrl", "customerLevel", "pretrialStatus", "personReport", "platformData", "errReason", "contractUrl"]);
  });

  it.each(REQUIRED)("refuses a missing %s with code 400 and the field named", async (_name, mutate, reason) => {
    const body: Loose = netCreditBody(syntheticPerson(rng));
    mutate(body);
    const reply = await callApi(setup.base, token, "netCredit", { body });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ code: 400, msg: reason, data: null, ok: false });
  });

  it.each(INVALID)("refuses an invalid %s", async (_name, mutate, reason) => {
    const body: Loose = netCreditBody(syntheticPerson(rng));
    mutate(body);
    const reply = await callApi(setup.base, token, "netCredit", { body });
    expect(reply.body).toMatchObject({ code: 400, data: null, ok: false });
    expect(reply.body.msg).toMatch(reason);
  });

  it("refuses a body that is not JSON, and reads numbers for strings as Jackson does", async () => {
    expect((await callApi(setup.base, token, "netCredit", { body: "{nope" })).body).toMatchObject({ code: 400, ok: false });
    const body = { ...netCreditBody(syntheticPerson(rng)), creditType: 6 };
    expect((await callApi(setup.base, token, "netCredit", { body })).body).toMatchObject({ code: 0, ok: true });
  });

  it("answers a repeated outsideOrderId with the same order and sends wechatShare once", async () => {
    const person = syntheticPerson(rng);
    const first = await openOrder(setup, token, person, "CR26010199999");
    const again = await openOrder(setup, token, syntheticPerson(rng), "CR26010199999");
    expect(again).toEqual(first);
    await setup.current.callbacks.idle();
    const calls = callbacksFor(setup.receiver.calls, first.querySn);
    expect(calls.map((c) => c.event)).toEqual(["wechat-share"]);
  });

  it("sends wechatShare with the document's fields, the bearer token and a served PNG", async () => {
    const order = await openOrder(setup, token, syntheticPerson(rng));
    const [call] = await waitFor(() => {
      const calls = callbacksFor(setup.receiver.calls, order.querySn);
      return calls.length > 0 && calls;
    });
    expect(call.method).toBe("POST");
    expect(call.path).toBe("/api/callbacks/wanwang/wechat-share");
    expect(call.headers.authorization).toBe(`Bearer ${CALLBACK_TOKEN}`);
    expect(call.headers["content-type"]).toContain("application/json");
    expect(call.json).toEqual({
      contractUrl: order.contractUrl,
      markId: expect.stringMatching(/^MK\d{13}$/),
      querySn: order.querySn,
      wechatShareUrl: `${PUBLIC_URL}/wanwang/share/${order.querySn}.png`,
    });
    const png = await fetch(`${setup.base}/share/${order.querySn}.png`);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await png.arrayBuffer()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await fetch(`${setup.base}/share/ZX2000010100000.png`)).status).toBe(404);
  });

  it("fetches the licence URLs after answering and records what came back", async () => {
    const images = createServer((req, res) => {
      if (req.url === "/front.jpg") res.writeHead(200, { "content-type": "image/jpeg" }).end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => images.listen(0, "127.0.0.1", resolve));
    const host = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
    try {
      await putSettings(setup.base, { checkLicences: true });
      const body = netCreditBody(syntheticPerson(rng));
      body.personList[0].attach = { licenceFrontUrl: `${host}/front.jpg`, licenceBackUrl: `${host}/missing.jpg` };
      const reply = await callApi<NetCreditData>(setup.base, token, "netCredit", { body });
      expect(reply.body.code).toBe(0);
      const order = await pollOrder(setup.base, reply.body.data.querySn);
      expect(order.licenceChecks).toEqual([
        expect.objectContaining({ side: "front", reachable: true, status: 200, imageType: "jpeg", error: null }),
        expect.objectContaining({ side: "back", reachable: false, status: 404, imageType: null, error: "HTTP 404" }),
      ]);
    } finally {
      await putSettings(setup.base, { checkLicences: false });
      await new Promise<void>((resolve) => images.close(() => resolve()));
    }
  });
});

async function pollOrder(base: string, querySn: string): Promise<{ licenceChecks: unknown[] }> {
  const until = Date.now() + 5_000;
  for (;;) {
    const order = (await (await fetch(`${base}/_sandbox/orders/${querySn}`)).json()) as { licenceChecks: unknown[] };
    if (order.licenceChecks.length > 0 || Date.now() > until) return order;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
