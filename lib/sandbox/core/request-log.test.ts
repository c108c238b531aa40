import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { LOG_BODY_LIMIT, logBody, maskPersonalData } from "./mask";
import { RequestLog } from "./request-log";
import { startTestSandbox } from "./test-support";

// Synthetic values only (design §5).
const ID = "110105199001011234";
const ID_X = "11010519900101123X";
const MOBILE = "13912345678";
const CARD = "6222021234567890123";

describe("maskPersonalData", () => {
  it("masks ID numbers, mobiles and card numbers", () => {
    expect(maskPersonalData(ID)).toBe("1101**********1234");
    expect(maskPersonalData(`{"idNo":"${ID_X}"}`)).toBe('{"idNo":"1101**********123X"}');
    expect(maskPersonalData(`mobile=${MOBILE}&x=1`)).toBe("mobile=139****5678&x=1");
    expect(maskPersonalData(CARD)).toBe("622202*********0123");
    expect(maskPersonalData("6222021234567890")).toBe("622202******7890");
  });

  it("leaves other numbers alone", () => {
    const text = "timestamp=1767225600000 amount=12345678901.00 sign=ab13912345678cd order=CR26010100001";
    expect(maskPersonalData(text)).toBe(text);
  });

  it("masks before cutting bodies to 4 KB", () => {
    const body = " ".repeat(LOG_BODY_LIMIT - 9) + ID;
    const kept = logBody(body);
    expect(kept).not.toContain(ID.slice(0, 9));
    expect(kept.startsWith(" ".repeat(LOG_BODY_LIMIT - 9) + "1101*****")).toBe(true);
    expect(logBody(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBe("[binary, 6 bytes]");
  });
});

describe("RequestLog", () => {
  it("keeps only the newest entries, newest first", () => {
    const log = new RequestLog(3);
    for (let i = 0; i < 5; i++) {
      log.add({ time: "", direction: "in", vendor: "lanmao", method: "GET", path: `/${i}`, status: 200, durationMs: 0, fault: null });
    }
    expect(log.list().map((e) => e.path)).toEqual(["/4", "/3", "/2"]);
  });
});

describe("request log through the server", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it("masks an ID number and a mobile in the stored path and bodies", async () => {
    const res = await fetch(`${sandbox.url}/risk-score/echo?mobile=${MOBILE}`, {
      method: "POST",
      body: JSON.stringify({ id_num: ID, mobile: MOBILE }),
    });
    expect((await res.json()).received.id_num).toBe(ID); // the handler sees the real value
    const [entry] = await (await fetch(`${sandbox.url}/_control/requests?limit=1`)).json();
    const stored = JSON.stringify(entry);
    expect(stored).not.toContain(ID);
    expect(stored).not.toContain(MOBILE);
    expect(entry.path).toBe("/risk-score/echo?mobile=139****5678");
    expect(entry.requestBody).toContain("1101**********1234");
    expect(entry.responseBody).toContain("139****5678");
  });
});
