import { describe, expect, it } from "vitest";
import * as fx from "./fixtures";
import {
  ZEnvelope,
  ZErrorSyncCallback,
  ZNetCreditData,
  ZNetCreditRequest,
  ZPretrialResultCallback,
  ZPushOutsideData,
  ZResultQueryData,
  ZSignedCallback,
  ZWechatShareCallback,
  isEnvelopeSuccess,
  zEnvelope,
} from "./schemas";

const parse = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe("wanwang schemas accept every example of the document", () => {
  it("netCredit request body", () => {
    const req = ZNetCreditRequest.parse(parse(fx.NET_CREDIT_REQUEST));
    expect(req.personList[0].personType).toBe(1);
    expect(req.creditType).toBe("6");
  });

  it("netCredit answer", () => {
    const env = zEnvelope(ZNetCreditData).parse(parse(fx.NET_CREDIT_ANSWER));
    expect(isEnvelopeSuccess(env)).toBe(true);
    expect(env.data?.querySn).toBe("ZX2025102942055");
    expect(env.data?.pretrialStatus).toBeNull();
    expect(env.data?.platformData).toBeNull();
    expect(env.data?.contractUrl).toMatch(/^https:\/\/contract-test/);
  });

  it("resultQuery answer", () => {
    const env = zEnvelope(ZResultQueryData).parse(parse(fx.RESULT_QUERY_ANSWER));
    expect(env.data?.pretrialStatus).toBe(1);
    expect(env.data?.platformData).toHaveLength(12);
    expect(env.data?.platformData?.[0]).toEqual({ id: "79", platform: "铭行", saasPlatformCode: "ZTJ", saasPlatformName: "中铁金租", saasPlatformLabelId: "131" });
    expect(env.data?.personReport).toBe(fx.PERSON_REPORT_MAP);
  });

  it("pushOutside answer", () => {
    const env = zEnvelope(ZPushOutsideData).parse(parse(fx.PUSH_OUTSIDE_ANSWER));
    expect(env.data).toBe(true);
  });

  it("the four callback bodies and the callback answer", () => {
    const pretrial = ZPretrialResultCallback.parse(parse(fx.PRETRIAL_RESULT_CALLBACK));
    expect(pretrial.pretrialStatus).toBe(1);
    expect(pretrial.platformData).toHaveLength(2);
    const signed = ZSignedCallback.parse(parse(fx.SIGNED_CALLBACK));
    expect(signed).toMatchObject({ type: 2, time: 1761629299039, reuseFlag: 0, querySn: "ZX2025102894201" });
    expect(ZErrorSyncCallback.parse(parse(fx.ERROR_SYNC_CALLBACK)).message).toBe("主体不存在,主体不存在");
    expect(ZWechatShareCallback.parse(parse(fx.WECHAT_SHARE_CALLBACK)).markId).toBe("MK2025102891252");
    const answer = ZEnvelope.parse(parse(fx.CALLBACK_ANSWER));
    expect(answer).toEqual({ code: 0, msg: "string", data: null, ok: true });
  });
});

describe("envelope leniency", () => {
  it("msg and ok may be missing; code may be a numeric string", () => {
    const env = ZEnvelope.parse({ code: "0", data: null });
    expect(env).toEqual({ code: 0, msg: null, data: null, ok: undefined });
    expect(isEnvelopeSuccess(env)).toBe(true);
  });

  it("a refusal may omit data even where the success data is an object", () => {
    const env = zEnvelope(ZNetCreditData).parse({ code: 500, msg: "渠道不存在" });
    expect(env).toEqual({ code: 500, msg: "渠道不存在", data: null, ok: undefined });
    expect(isEnvelopeSuccess(env)).toBe(false);
  });

  it("success needs code 0 and ok not false", () => {
    expect(isEnvelopeSuccess({ code: 0, ok: false })).toBe(false);
    expect(isEnvelopeSuccess({ code: 1, ok: true })).toBe(false);
    expect(isEnvelopeSuccess({ code: 0, ok: true })).toBe(true);
  });

  it("refuses a body that is not an envelope", () => {
    expect(ZEnvelope.safeParse({ msg: "x" }).success).toBe(false);
    expect(ZEnvelope.safeParse({ code: "zero" }).success).toBe(false);
    expect(ZEnvelope.safeParse("<html>").success).toBe(false);
  });
});

describe("answer data leniency", () => {
  const base = parse(fx.RESULT_QUERY_ANSWER).data as Record<string, unknown>;

  it("platformData as a JSON string (the netCredit table types it String)", () => {
    const data = ZResultQueryData.parse({ ...base, platformData: JSON.stringify(base.platformData) });
    expect(data.platformData).toHaveLength(12);
    expect(ZResultQueryData.parse({ ...base, platformData: "" }).platformData).toBeNull();
    expect(ZResultQueryData.safeParse({ ...base, platformData: "[{" }).success).toBe(false);
  });

  it("numeric ids become strings, pretrialStatus may be a string", () => {
    const data = ZResultQueryData.parse({
      ...base,
      pretrialStatus: "0",
      platformData: [{ id: 79, platform: "铭行", saasPlatformCode: "ZTJ", saasPlatformName: "中铁金租", saasPlatformLabelId: 131 }],
    });
    expect(data.pretrialStatus).toBe(0);
    expect(data.platformData?.[0].id).toBe("79");
    expect(data.platformData?.[0].saasPlatformLabelId).toBe("131");
  });

  it("missing optional fields become null; querySn is required", () => {
    const data = ZNetCreditData.parse({ querySn: "ZX1" });
    expect(data.contractUrl).toBeNull();
    expect(data.pretrialStatus).toBeNull();
    expect(ZNetCreditData.safeParse({ outsideOrderId: "CR1" }).success).toBe(false);
  });

  it("refuses an undocumented pretrialStatus", () => {
    expect(ZResultQueryData.safeParse({ ...base, pretrialStatus: 2 }).success).toBe(false);
  });
});

describe("callback tolerance", () => {
  it("signed: numbers sent as strings are coerced", () => {
    const body = { ...parse(fx.SIGNED_CALLBACK), type: "3", time: "1761629299039", reuseFlag: "1" };
    expect(ZSignedCallback.parse(body)).toMatchObject({ type: 3, time: 1761629299039, reuseFlag: 1 });
  });

  it("signed: refuses an unknown type and a missing required field", () => {
    expect(ZSignedCallback.safeParse({ ...parse(fx.SIGNED_CALLBACK), type: 4 }).success).toBe(false);
    const { time: _time, ...withoutTime } = parse(fx.SIGNED_CALLBACK);
    expect(ZSignedCallback.safeParse(withoutTime).success).toBe(false);
  });

  it("pretrialResult: status as a string, platformData as a string, descriptive fields null", () => {
    const body = parse(fx.PRETRIAL_RESULT_CALLBACK);
    const parsed = ZPretrialResultCallback.parse({
      ...body,
      pretrialStatus: "0",
      platformData: JSON.stringify(body.platformData),
      customerLevel: null,
      personReport: null,
    });
    expect(parsed.pretrialStatus).toBe(0);
    expect(parsed.platformData).toHaveLength(2);
  });

  it("pretrialResult: every 必填 key must be present", () => {
    for (const key of Object.keys(parse(fx.PRETRIAL_RESULT_CALLBACK))) {
      const body = parse(fx.PRETRIAL_RESULT_CALLBACK);
      delete body[key];
      expect(ZPretrialResultCallback.safeParse(body).success, key).toBe(false);
    }
  });

  it("pretrialResult: identifiers cannot be null", () => {
    expect(ZPretrialResultCallback.safeParse({ ...parse(fx.PRETRIAL_RESULT_CALLBACK), querySn: null }).success).toBe(false);
    expect(ZPretrialResultCallback.safeParse({ ...parse(fx.PRETRIAL_RESULT_CALLBACK), pretrialStatus: null }).success).toBe(false);
  });

  it("errorSync and wechatShare need their documented fields", () => {
    expect(ZErrorSyncCallback.safeParse({ message: "x", querySn: "ZX1" }).success).toBe(false);
    const { wechatShareUrl: _url, ...noUrl } = parse(fx.WECHAT_SHARE_CALLBACK);
    expect(ZWechatShareCallback.safeParse(noUrl).success).toBe(false);
  });
});

describe("netCredit request is strict (ours)", () => {
  const req = parse(fx.NET_CREDIT_REQUEST);

  it("refuses a missing field, a guarantor and a typo", () => {
    const person = (req.personList as Record<string, unknown>[])[0];
    const { certificateNum: _c, ...noId } = person;
    expect(ZNetCreditRequest.safeParse({ ...req, personList: [noId] }).success).toBe(false);
    expect(ZNetCreditRequest.safeParse({ ...req, personList: [{ ...person, personType: 2 }] }).success).toBe(false);
    expect(ZNetCreditRequest.safeParse({ ...req, dealerName: "x" }).success).toBe(false);
    expect(ZNetCreditRequest.safeParse({ ...req, personList: [] }).success).toBe(false);
  });

  it("dealersName is optional", () => {
    const { dealersName: _d, ...rest } = req;
    expect(ZNetCreditRequest.safeParse(rest).success).toBe(true);
  });
});
