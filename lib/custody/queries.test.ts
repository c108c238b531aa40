import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { postOperationNow } from "@/lib/ledger/post";
import { accountList, projectList, requestList } from "./list-params";
import { getWorkbench } from "@/lib/home/queries";
import { getProject, listAccounts, listCustodyRequests, listProjects, platformBalances } from "./queries";
import { recordRequest } from "./requests/log";

const sessionUser = async (role: "FINANCE" | "LOAN_OFFICER") => {
  const u = await createTestUser(role);
  return { id: u.id, username: u.username, displayName: u.displayName, role };
};

describe("custody queries", () => {
  it("lists accounts with ledger balances, projects with their figures, and the request log; finance only", async () => {
    const finance = await sessionUser("FINANCE");
    const officer = await sessionUser("LOAN_OFFICER");
    const u = `QU${crypto.randomBytes(4).toString("hex")}`;
    await testDb().custodyAccount.create({ data: { platformUserNo: u, userType: "PERSON", userRole: "NORMAL", status: "ACTIVE", cardBound: true, bankcardMasked: "622202******3445", bankcode: "ICBK" } });
    await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${u}-r`, owner: u, amount: 12_345 }, { confirmedAt: new Date() });
    await postOperationNow(testDb(), { kind: "USER_PRE_TRANSACTION", requestNo: `${u}-t`, owner: u, amount: 2_345, bizType: "TENDER", projectNo: `${u}P` }, { confirmedAt: new Date() });
    await testDb().custodyProject.create({ data: { projectNo: `${u}P`, borrower: "B", name: "n", projectType: "STANDARDPOWDER", annualRate: "0.1", repaymentWay: "ONE_TIME_SERVICING", amount: 100_000n, status: "COLLECTING" } });
    await recordRequest(testDb(), { requestNo: `${u}-q`, serviceName: "FREEZE", reqData: JSON.stringify({ requestNo: `${u}-q` }), platformUserNo: u, amount: 500 });

    const accounts = await listAccounts(testDb(), finance, accountList.loadSearchParams({ ref: u }));
    expect(accounts.rows).toEqual([expect.objectContaining({ platformUserNo: u, available: 10_000, frozen: 2_345, bankcardMasked: "622202******3445" })]);
    const projects = await listProjects(testDb(), finance, projectList.loadSearchParams({ status: "COLLECTING" }));
    expect(projects.rows.find((p) => p.projectNo === `${u}P`)).toMatchObject({ invested: 2_345, lent: 0 });
    const detail = await getProject(testDb(), finance, `${u}P`);
    expect(detail).toMatchObject({ nextStatuses: ["REPAYING", "MISCARRY"], investors: [{ platformUserNo: u, amount: 2_345, released: 0 }] });
    const requests = await listCustodyRequests(testDb(), finance, requestList.loadSearchParams({ ref: `${u}-q` }));
    expect(requests.rows).toEqual([expect.objectContaining({ requestNo: `${u}-q`, status: "PREPARED", amount: 500 })]);
    expect((await platformBalances(testDb(), finance)).map((a) => a.owner)).toEqual(["PLATFORM_FEE_ACCOUNT", "PLATFORM_REPAYMENT_ACCOUNT", "PLATFORM_MARKETING_ACCOUNT"]);
    const home = await getWorkbench(testDb(), finance);
    expect(home.cards.custody?.balance).toBeGreaterThanOrEqual(12_345);
    expect(home.cards.custody?.frozen).toBeGreaterThanOrEqual(2_345);
    expect(home.cards.projects?.collecting).toBeGreaterThanOrEqual(1);
    expect(home.todos.find((t) => t.key === "approvalsWaiting")).toMatchObject({ href: "/custody" });
    expect((await getWorkbench(testDb(), officer)).cards.custody).toBeUndefined();

    await expect(listAccounts(testDb(), officer, accountList.loadSearchParams({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
