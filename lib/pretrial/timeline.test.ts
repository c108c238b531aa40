import { describe, expect, it } from "vitest";
import { timelineMessages } from "./timeline";

const SMS = "测试 先生/女士:您申请的大数据征信查询订单已发起,请您按要求完成电子合同签约,点击 http://t.example/s/x 立即进入签约过程";

describe("timelineMessages", () => {
  it("keeps the SMS text of the signed callbacks once, marked for collapsing", () => {
    const events = [
      { id: "1", kind: "SUBMITTED", message: null },
      ...[0, 1, 2, 3].map((k) => ({ id: `s${k}`, kind: "SIGNED", message: SMS })),
      { id: "e", kind: "ERROR_SYNC", message: "主体不存在,主体不存在" },
    ];
    const m = timelineMessages(events);
    expect([...m.keys()]).toEqual(["s0", "e"]);
    expect(m.get("s0")).toEqual({ text: SMS, sms: true });
    expect(m.get("e")).toEqual({ text: "主体不存在,主体不存在", sms: false });
  });
});
