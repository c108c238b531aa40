import { createParser } from "nuqs/server";

/** Days a list filter may name; anything outside is ignored, like a malformed value. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2999;

/**
 * A calendar day in the URL (`?from=2026-02-28`), parsed strictly: exactly `YYYY-MM-DD`, a day
 * that exists, a year in range. Anything else is ignored (null) rather than reaching the query:
 * `from=0000-01-01` used to become a timestamp PostgreSQL refuses, a 500 (issue 8, security 9).
 */
export const parseAsDay = createParser<Date>({
  parse(value) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return date;
  },
  serialize: (date) => date.toISOString().slice(0, 10),
  eq: (a, b) => a.getTime() === b.getTime(),
});
