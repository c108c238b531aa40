import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  maskBankCard,
  maskIdNumber,
  maskMobile,
  maskAddress,
  maskName,
  maskPiiInJson,
  maskPiiInObject,
  maskPiiInText,
  REDACTED,
} from "./mask";

const ID = "511002199001016174";
const ID_X = "11010519491231002X";
const MOBILE = "16612342002";
const CARD = "6222021234567894";

describe("field masks", () => {
  it("masks ID numbers as first 4 + stars + last 4", () => {
    expect(maskIdNumber(ID)).toBe("5110**********6174");
    expect(maskIdNumber(ID_X)).toBe("1101**********002X");
    expect(maskIdNumber(" 5110 0219 9001 0161 74 ")).toBe("5110**********6174");
    expect(maskIdNumber("110105491231002")).toBe("1101*******1002"); // 15-digit first generation
  });

  it("masks mobiles as first 3 + **** + last 4", () => {
    expect(maskMobile(MOBILE)).toBe("166****2002");
    expect(maskMobile("166-1234-2002")).toBe("166****2002");
    expect(maskMobile("+86 166 1234 2002")).toBe("166****2002");
    expect(maskMobile(16612342002)).toBe("166****2002");
  });

  it("masks bank cards as first 6 + stars + last 4, keeping the length", () => {
    expect(maskBankCard("6222020000001234")).toBe("622202******1234");
    expect(maskBankCard("6222021234567890123")).toBe("622202*********0123");
    expect(maskBankCard("6222 0212 3456 7894")).toBe("622202******7894");
    // 12–15 digits: 6 + 4 would hide too little, so 4 + 4.
    expect(maskBankCard("622202123456")).toBe("6222****3456");
  });

  it("masks Chinese names: two characters keep the first, three and more the first and last", () => {
    expect(maskName("李四")).toBe("李*");
    expect(maskName("陈朝良")).toBe("陈*良");
    expect(maskName("张三丰")).toBe("张*丰");
    expect(maskName("欧阳娜娜")).toBe("欧**娜");
    expect(maskName("阿依古丽·买买提")).toBe("阿******提");
    expect(maskName(" 李 明 ")).toBe("李*");
    expect(maskName("𠮷野")).toBe("𠮷*");
    expect(maskName("𠮷野家")).toBe("𠮷*家");
    expect(maskName("王")).toBe("*");
  });

  it("masks Latin names to initials with a fixed three stars (word lengths hidden)", () => {
    expect(maskName("John Smith")).toBe("J*** S***");
    expect(maskName("Jean-Luc O'Neil")).toBe("J*** O***");
    expect(maskName("  ann   lee ")).toBe("a*** l***");
    expect(maskName("Zoë")).toBe("Z***");
  });

  it("masks addresses keeping at most the opening third, up to 6 characters", () => {
    expect(maskAddress("上海市浦东新区测试路 1 号")).toBe("上海市浦****");
    expect(maskAddress("四川省成都市锦江区春熙路示例大厦 1201 室")).toBe("四川省成都市****");
    expect(maskAddress("北京西城")).toBe("北****");
    expect(maskAddress("北京")).toBe(REDACTED);
    expect(maskAddress(null)).toBe(REDACTED);
    const masked = maskAddress("12 Example Street, Springfield");
    expect(masked).toBe("12 Exa****");
    expect(masked).not.toContain("Street");
  });

  it.each([undefined, null, "", "   ", "12", "abc", "1234567"])(
    "never echoes short or empty input %j",
    (input) => {
      for (const mask of [maskIdNumber, maskMobile, maskBankCard]) {
        expect(mask(input)).toBe(REDACTED);
      }
    },
  );

  it("returns a mask, not the input, for odd names", () => {
    expect(maskName(undefined)).toBe(REDACTED);
    expect(maskName("")).toBe(REDACTED);
    expect(maskName("  ")).toBe(REDACTED);
  });

  it("never returns a raw digit string of 7+ digits unchanged (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,25}$/), (s) => {
        for (const mask of [maskIdNumber, maskMobile, maskBankCard, maskName]) {
          const out = mask(s);
          expect(out === s && s.length > 0).toBe(false);
          expect(out).toContain("*");
        }
      }),
    );
  });
});

describe("maskPiiInText", () => {
  it("masks an ID, a mobile and a card in a JSON body but not a 13-digit timestamp", () => {
    const body = JSON.stringify({
      idNum: ID,
      mobile: MOBILE,
      bankCard: CARD,
      time: 1700000000000,
      note: `客户 ${ID_X} 手机 ${MOBILE}，卡号${CARD}。`,
    });
    const masked = maskPiiInText(body);
    expect(masked).toContain('"idNum":"5110**********6174"');
    expect(masked).toContain('"mobile":"166****2002"');
    expect(masked).toContain('"bankCard":"622202******7894"');
    expect(masked).toContain('"time":1700000000000');
    expect(masked).toContain("1101**********002X");
    expect(masked).not.toContain(ID);
    expect(masked).not.toContain(MOBILE);
    expect(masked).not.toContain(CARD);
    expect(JSON.parse(masked).time).toBe(1700000000000);
  });

  it("does not half-mask a mobile-looking run inside a longer number", () => {
    expect(maskPiiInText("order 166123420021")).toBe("order 166123420021"); // 12 digits
    expect(maskPiiInText("ts=17000000000001")).toBe("ts=17000000000001"); // 14 digits
    // Glued to Latin letters or digits it is part of an identifier (hex ids, hashes), not a number.
    expect(maskPiiInText("a9e844d2316391230258014b9a865029")).toBe("a9e844d2316391230258014b9a865029");
    // Chinese text and punctuation are boundaries: these are still masked.
    expect(maskPiiInText("手机13800138000，")).toBe("手机138****8000，");
    expect(maskPiiInText("tel:13800138000")).toBe("tel:138****8000");
  });

  it("prefers the ID mask for ID-shaped 18-digit numbers and the card mask otherwise", () => {
    expect(maskPiiInText(ID)).toBe("5110**********6174");
    expect(maskPiiInText("622202123456789012")).toBe("622202********9012");
    expect(maskPiiInText("6222021234567890123")).toBe("622202*********0123");
  });

  it("masks separated mobiles and cards", () => {
    expect(maskPiiInText("call 166 1234 2002 now")).toBe("call 166****2002 now");
    expect(maskPiiInText("card 6222-0212-3456-7894.")).toBe("card 622202******7894.");
  });

  it("leaves text without PII alone", () => {
    const text = "amount 1234.56, order CR25010100001, 10 items, epoch 1700000000";
    expect(maskPiiInText(text)).toBe(text);
    expect(maskPiiInText("")).toBe("");
  });

  it("masks every generated mobile embedded in text (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.string(), (mobile, tail) => {
        const out = maskPiiInText(`tel:${mobile} ${tail.replace(/\d/g, "")}`);
        expect(out).not.toContain(mobile);
      }),
    );
  });
});

describe("maskPiiInObject", () => {
  it("masks known keys, case- and separator-insensitively, and scans other strings", () => {
    const input = {
      ID_NUM: ID,
      id_card: ID_X,
      certNo: ID,
      idNo: ID,
      phone: MOBILE,
      tel: 16612342002,
      bank_card: CARD,
      cardNo: CARD,
      customerName: "张三丰",
      realName: "李四",
      nested: { name: "王小明", remark: `手机${MOBILE}`, list: [{ mobile: MOBILE }] },
      mobiles: [MOBILE, "13800138000"],
      amount: 123456,
      time: 1700000000000,
      ok: true,
      none: null,
    };
    expect(maskPiiInObject(input)).toEqual({
      ID_NUM: "5110**********6174",
      id_card: "1101**********002X",
      certNo: "5110**********6174",
      idNo: "5110**********6174",
      phone: "166****2002",
      tel: "166****2002",
      bank_card: "622202******7894",
      cardNo: "622202******7894",
      customerName: "张*丰",
      realName: "李*",
      nested: { name: "王*明", remark: "手机166****2002", list: [{ mobile: "166****2002" }] },
      mobiles: ["166****2002", "138****8000"],
      amount: 123456,
      time: 1700000000000,
      ok: true,
      none: null,
    });
  });

  it("does not modify its input", () => {
    const input = { mobile: MOBILE };
    maskPiiInObject(input);
    expect(input.mobile).toBe(MOBILE);
  });

  it("accepts extra keys", () => {
    expect(maskPiiInObject({ borrowerTel: "abc-x" }, { keys: { borrowerTel: "mobile" } })).toEqual({
      borrowerTel: REDACTED,
    });
    expect(maskPiiInObject({ applicant: "赵六" }, { keys: { applicant: "name" } })).toEqual({
      applicant: "赵*",
    });
  });

  it("masks a PII-looking bare number outside known keys and survives cycles", () => {
    const cyclic: Record<string, unknown> = { contact: 13800138000 };
    cyclic.self = cyclic;
    expect(maskPiiInObject(cyclic)).toEqual({ contact: "138****8000", self: "[Circular]" });
    const shared = { a: 1 };
    expect(maskPiiInObject({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });

  it("handles top-level primitives", () => {
    expect(maskPiiInObject(MOBILE)).toBe("166****2002");
    expect(maskPiiInObject(42)).toBe(42);
    expect(maskPiiInObject(undefined)).toBeUndefined();
  });
});

describe("maskPiiInJson", () => {
  it("keeps a JSON body valid even when PII is a bare number", () => {
    const out = maskPiiInJson(`{"mobile":16612342002,"time":1700000000000,"x":"${ID}"}`);
    expect(JSON.parse(out)).toEqual({ mobile: "166****2002", time: 1700000000000, x: "5110**********6174" });
  });

  it("falls back to text masking for non-JSON bodies", () => {
    expect(maskPiiInJson(`mobile=${MOBILE}&x=1`)).toBe("mobile=166****2002&x=1");
  });
});
