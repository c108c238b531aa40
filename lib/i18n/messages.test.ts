import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, NAMESPACES } from "./config";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

const load = (locale: string, ns: string) => JSON.parse(fs.readFileSync(path.join("messages", locale, `${ns}.json`), "utf8"));

describe("translations", () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: every key exists in every locale, with text`, () => {
      const [first, ...rest] = LOCALES.map((l) => ({ locale: l, messages: load(l, ns) }));
      const reference = keys(first.messages).sort();
      for (const other of rest) expect(keys(other.messages).sort()).toEqual(reference);
      for (const { messages } of [first, ...rest]) {
        for (const key of reference) {
          const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
          expect(typeof value === "string" && value.length > 0, `${ns}.${key}`).toBe(true);
        }
      }
    });
  }

  it("every message file on disk is a registered namespace", () => {
    for (const locale of LOCALES) {
      const files = fs.readdirSync(path.join("messages", locale)).map((f) => f.replace(/\.json$/, ""));
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });
});
