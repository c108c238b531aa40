import { describe, expect, it } from "vitest";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { generateReport } from "@/lib/sandbox/deepfinch/generate";
import { rngFromBytes } from "@/lib/sandbox/deepfinch/rng";
import { parseReport } from "@/lib/vendors/deepfinch/report";
import { maskSectionsForView } from "./mask-view";

describe("the viewer's copy of a report", () => {
  it("holds no clear name, ID number, mobile or address of the subject or spouse", () => {
    const raw = generateReport(rngFromBytes(Buffer.from("mask-test")), { accountCount: 3 });
    const spouseId = generateSyntheticIdNumber(Math.random);
    const mobile = generateSyntheticMobile(Math.random);
    raw.personBasicInfo.connubialInfo.idNum = spouseId;
    raw.personBasicInfo.personInfo.mobile[0].mobile = mobile;
    const masked = JSON.stringify(maskSectionsForView(parseReport(raw).sections));
    const clear = [
      raw.creditHeader.whoWasChecked, raw.creditHeader.idNum, spouseId, mobile, raw.personBasicInfo.connubialInfo.name,
      raw.personBasicInfo.personInfo.postAddr, raw.personBasicInfo.livedInfos[0].address,
    ];
    for (const value of clear) expect(masked).not.toContain(value);
    expect(masked).toContain(raw.creditHeader.idNum.slice(0, 4));
    // Account names and institutions stay readable.
    expect(masked).toContain(raw.creditTransInfoDetail.creditAccount[0].cardCompany);
  });
});
