import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateSyntheticBankCard,
  generateSyntheticIdNumber,
  generateSyntheticMobile,
  idCheckDigit,
  InvalidIdNumberError,
  isValidBankCard,
  isValidIdNumber,
  isValidMobile,
  luhnCheckDigit,
  parseIdNumber,
  randomInt,
} from "./id-card";

// A fixed "today" keeps the future-date and age tests stable.
const NOW = new Date("2025-06-15T04:00:00Z");

/** fast-check drives the generators through a seeded sequence of doubles in [0, 1). */
const rngArb = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 }).map(
  (values) => {
    let i = 0;
    return () => values[i++ % values.length];
  },
);

describe("idCheckDigit", () => {
  // Vectors computed by hand from the weights and "10X98765432"; the first is the
  // standard's own example.
  it.each([
    ["11010519491231002", "X"],
    ["51100219900101617", "3"],
    ["44030519851012345", "4"],
    ["31010419700101001", "2"],
  ])("%s → %s", (first17, check) => {
    expect(idCheckDigit(first17)).toBe(check);
  });

  it("refuses anything but 17 digits", () => {
    expect(() => idCheckDigit("1101051949123100")).toThrow(InvalidIdNumberError);
    expect(() => idCheckDigit("1101051949123100A")).toThrow(InvalidIdNumberError);
  });
});

describe("isValidIdNumber", () => {
  it.each(["11010519491231002X", "11010519491231002x", "511002199001016173", " 440305198510123454 "])(
    "accepts %s",
    (s) => expect(isValidIdNumber(s, NOW)).toBe(true),
  );

  it.each([
    ["511002199001016174", "wrong check digit (the design document's display example)"],
    ["01010519491231002X", "region starting with 0"],
    ["91010519491231002X", "region starting with 9"],
    ["1101051949123100X2", "X not last"],
    ["11010519491231002", "17 characters"],
    ["110105194912310021X", "19 characters"],
    [withCheck("11010519900230001"), "30 February"],
    [withCheck("11010519900229001"), "29 February in a common year"],
    [withCheck("11010519901301001"), "month 13"],
    [withCheck("11010518991231001"), "before 1900"],
    [withCheck("11010520250616001"), "tomorrow (Beijing)"],
    ["", "empty"],
  ])("rejects %s (%s)", (s) => expect(isValidIdNumber(s, NOW)).toBe(false));

  it("accepts a leap day, the first day of 1900 and today in Beijing", () => {
    expect(isValidIdNumber(withCheck("11010519920229001"), NOW)).toBe(true);
    expect(isValidIdNumber(withCheck("11010519000101001"), NOW)).toBe(true);
    // 2025-06-15 23:30 UTC is already 16 June in Beijing.
    expect(isValidIdNumber(withCheck("11010520250616001"), new Date("2025-06-15T23:30:00Z"))).toBe(true);
  });

  it("rejects non-strings", () => {
    expect(isValidIdNumber(undefined)).toBe(false);
    expect(isValidIdNumber(11010519491231002)).toBe(false);
  });
});

function withCheck(first17: string): string {
  return first17 + idCheckDigit(first17);
}

describe("parseIdNumber", () => {
  it("extracts birth date, sex, region and age", () => {
    const p = parseIdNumber("11010519491231002x", NOW);
    expect(p).toMatchObject({ birthDate: "1949-12-31", sex: "F", regionCode: "110105" });
    expect(p.age(NOW)).toBe(75);
    expect(p.age(new Date("2024-12-30T12:00:00Z"))).toBe(74);
    expect(p.age(new Date("2024-12-30T16:00:00Z"))).toBe(75); // 31 December in Beijing
    expect(parseIdNumber("440305198510123454", NOW).sex).toBe("M");
  });

  it("counts a 29 February birthday from 1 March in common years", () => {
    const p = parseIdNumber(withCheck("11010520000229001"), NOW);
    expect(p.age(new Date("2018-02-28T00:00:00Z"))).toBe(17);
    expect(p.age(new Date("2018-03-01T00:00:00Z"))).toBe(18);
  });

  it("throws without echoing the number", () => {
    const bad = "511002199001016174";
    expect(() => parseIdNumber(bad, NOW)).toThrow(InvalidIdNumberError);
    expect(() => parseIdNumber(bad, NOW)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(bad) }),
    );
  });
});

describe("generateSyntheticIdNumber", () => {
  it("always produces a valid number encoding the requested sex and year (property)", () => {
    fc.assert(
      fc.property(
        rngArb,
        fc.option(fc.integer({ min: 1900, max: 2025 }), { nil: undefined }),
        fc.option(fc.constantFrom("M" as const, "F" as const), { nil: undefined }),
        (rng, birthYear, sex) => {
          const id = generateSyntheticIdNumber(rng, { birthYear, sex, now: NOW });
          expect(isValidIdNumber(id, NOW)).toBe(true);
          const parsed = parseIdNumber(id, NOW);
          if (birthYear !== undefined) expect(parsed.birthDate.slice(0, 4)).toBe(String(birthYear));
          if (sex !== undefined) expect(parsed.sex).toBe(sex);
        },
      ),
    );
  });

  it("defaults to adults born 1960–2004 and rejects impossible years", () => {
    const rng = () => 0.999;
    expect(parseIdNumber(generateSyntheticIdNumber(rng, { now: NOW }), NOW).birthDate.slice(0, 4)).toBe("2004");
    expect(() => generateSyntheticIdNumber(rng, { birthYear: 1899, now: NOW })).toThrow(RangeError);
    expect(() => generateSyntheticIdNumber(rng, { birthYear: 2026, now: NOW })).toThrow(RangeError);
  });
});

describe("mobile and bank card", () => {
  it.each([
    ["16612342002", true],
    ["13800138000", true],
    ["12345678901", false],
    ["1661234200", false],
    ["166123420021", false],
    [" 16612342002", false],
  ])("isValidMobile(%j) = %s", (s, ok) => expect(isValidMobile(s)).toBe(ok));

  it.each([
    ["79927398713", false], // the classic Luhn example, but only 11 digits
    ["4532015112830366", true],
    ["6222021234567894", true],
    ["6222021234567895", false],
    ["4111111111111111", true],
    ["378282246310005", true],
    ["6212345678901232", true],
    ["622202123456789", false],
    ["4111 1111 1111 1111", false],
    ["41111111111111111111", false],
  ])("isValidBankCard(%j) = %s", (s, ok) => expect(isValidBankCard(s)).toBe(ok));

  it("computes Luhn check digits", () => {
    expect(luhnCheckDigit("7992739871")).toBe("3");
    expect(luhnCheckDigit("622202123456789")).toBe("4");
    expect(() => luhnCheckDigit("12a")).toThrow();
  });

  it("generates valid mobiles and Luhn-valid cards (property)", () => {
    fc.assert(
      fc.property(rngArb, fc.integer({ min: 12, max: 19 }), (rng, length) => {
        expect(isValidMobile(generateSyntheticMobile(rng))).toBe(true);
        const card = generateSyntheticBankCard(rng, "622202", length);
        expect(card).toHaveLength(length);
        expect(card.startsWith("622202")).toBe(true);
        expect(isValidBankCard(card)).toBe(true);
      }),
    );
    expect(generateSyntheticBankCard(() => 0.5)).toMatch(/^622202\d{10}$/);
  });

  it("keeps randomInt in range even when rng returns 1", () => {
    expect(randomInt(() => 1, 0, 9)).toBe(9);
    expect(randomInt(() => 0, 0, 9)).toBe(0);
  });
});
