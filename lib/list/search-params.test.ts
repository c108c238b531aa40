import { parseAsIsoDate, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { describe, expect, it } from "vitest";
import {
  buildExportHref,
  createTableSearchParams,
  getPageInfo,
  getPageWindow,
  nextSort,
  parseSort,
  serializeSort,
} from "./search-params";

const sortable = ["createdAt", "amount", "customer.name"] as const;

describe("parseSort", () => {
  it("accepts a sortable field with a direction", () => {
    expect(parseSort("amount.desc", sortable)).toEqual({ field: "amount", dir: "desc" });
    expect(parseSort("customer.name.asc", sortable)).toEqual({ field: "customer.name", dir: "asc" });
  });

  it.each(["password.asc", "amount", "amount.", ".asc", "amount.up", "amount.ASC", ""])("rejects %j", (value) => {
    expect(parseSort(value, sortable)).toBeNull();
  });

  it("round-trips through serializeSort", () => {
    expect(serializeSort(parseSort("createdAt.asc", sortable)!)).toBe("createdAt.asc");
  });

  it("starts a new column ascending and flips the current one", () => {
    expect(nextSort({ field: "amount", dir: "desc" }, "createdAt")).toEqual({ field: "createdAt", dir: "asc" });
    expect(nextSort({ field: "amount", dir: "asc" }, "amount")).toEqual({ field: "amount", dir: "desc" });
    expect(nextSort({ field: "amount", dir: "desc" }, "amount")).toEqual({ field: "amount", dir: "asc" });
  });
});

describe("createTableSearchParams", () => {
  const list = createTableSearchParams({
    sortable,
    defaultSort: "createdAt.desc",
    filters: {
      q: parseAsString,
      status: parseAsStringLiteral(["OPEN", "CLOSED"] as const),
      from: parseAsIsoDate,
    },
  });

  it("falls back to defaults for missing or invalid values", () => {
    const state = list.loadSearchParams("?page=0&perPage=30&sort=password.asc&status=WHATEVER");
    expect(state).toEqual({
      page: 1,
      perPage: 20,
      sort: { field: "createdAt", dir: "desc" },
      cursor: null,
      q: null,
      status: null,
      from: null,
    });
  });

  it("parses valid table and filter values", () => {
    const state = list.loadSearchParams({ page: "3", perPage: "50", sort: "amount.asc", status: "OPEN", from: "2025-01-31" });
    expect(state.page).toBe(3);
    expect(state.perPage).toBe(50);
    expect(state.sort).toEqual({ field: "amount", dir: "asc" });
    expect(state.status).toBe("OPEN");
    expect(state.from?.toISOString()).toBe("2025-01-31T00:00:00.000Z");
  });

  it("rejects non-integer pages", () => {
    for (const page of ["-2", "1.5", "abc", "01"]) expect(list.loadSearchParams({ page }).page).toBe(1);
  });

  it("lists the filter keys", () => {
    expect(list.filterKeys).toEqual(["q", "status", "from"]);
  });

  it("refuses a default sort outside the sortable list and reserved filter keys", () => {
    // @ts-expect-error -- "name" is not sortable
    expect(() => createTableSearchParams({ sortable, defaultSort: "name.asc", filters: {} })).toThrow(/defaultSort/);
    expect(() =>
      // @ts-expect-error -- "page" belongs to the table
      createTableSearchParams({ sortable, defaultSort: "amount.asc", filters: { page: parseAsString } }),
    ).toThrow(/reserved/);
  });
});

describe("paging helpers", () => {
  it("computes the offset window", () => {
    expect(getPageWindow({ page: 3, perPage: 20 })).toEqual({ skip: 40, take: 20 });
  });

  it("computes the visible range", () => {
    expect(getPageInfo(1, 20, 135)).toEqual({ from: 1, to: 20, pageCount: 7 });
    expect(getPageInfo(7, 20, 135)).toEqual({ from: 121, to: 135, pageCount: 7 });
    expect(getPageInfo(9, 20, 135)).toEqual({ from: 0, to: 0, pageCount: 7 });
    expect(getPageInfo(1, 20, 0)).toEqual({ from: 0, to: 0, pageCount: 1 });
  });
});

describe("buildExportHref", () => {
  it("keeps filters and sort but drops paging", () => {
    expect(buildExportHref("/api/pretrial/export", "csv", "?page=3&perPage=50&status=OPEN&sort=amount.desc")).toBe(
      "/api/pretrial/export?format=csv&status=OPEN&sort=amount.desc",
    );
  });

  it("encodes values and accepts URLSearchParams", () => {
    const search = new URLSearchParams({ q: "张三 & co", from: "2025-01-01" });
    expect(buildExportHref("/api/x/export", "xlsx", search)).toBe(
      "/api/x/export?format=xlsx&q=%E5%BC%A0%E4%B8%89+%26+co&from=2025-01-01",
    );
  });

  it("merges with a query already in href, the table state winning", () => {
    expect(buildExportHref("/api/x/export?tenant=a&status=OLD&format=pdf", "csv", "status=OPEN")).toBe(
      "/api/x/export?format=csv&tenant=a&status=OPEN",
    );
  });

  it("never forwards a stale format from the page URL", () => {
    expect(buildExportHref("/api/x/export", "xlsx", "format=csv&q=a")).toBe("/api/x/export?format=xlsx&q=a");
  });
});
