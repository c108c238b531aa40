import { describe, expect, it } from "vitest";
import { searchNgrams } from "./ngrams";

describe("searchNgrams", () => {
  it("gives adjacent pairs, once each", () => {
    expect(searchNgrams("成都恒信")).toEqual(["成都", "都恒", "恒信"]);
    expect(searchNgrams("aaa")).toEqual(["aa"]);
  });
  it("keeps one character as itself and lower-cases ASCII only", () => {
    expect(searchNgrams("恒")).toEqual(["恒"]);
    expect(searchNgrams("BMW4S")).toEqual(["bm", "mw", "w4", "4s"]);
  });
});
