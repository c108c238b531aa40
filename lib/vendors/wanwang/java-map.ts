/**
 * Reader for Java's `AbstractMap.toString()` / `AbstractCollection.toString()` output, the
 * form in which 万网 sometimes sends `personReport`:
 *   {otherInfo={dishonesty=是, exposurePlatform=否}, prequalificationResult=通过, desc=优}
 * Java does not quote or escape anything, so the grammar is ambiguous; the rules below
 * resolve it the way that keeps the document's examples and plausible values intact:
 *   - a map entry's key runs to the first `=`; its value may itself contain `=`;
 *   - inside a map, `,` only separates entries when the text after it looks like `key=`,
 *     so a value such as `a, b` survives;
 *   - inside a list, every `,` separates elements (Java gives no way to tell otherwise);
 *   - the bare word `null` is Java's null.
 * Scalars stay strings: the text carries no type information.
 */

export type JavaValue = string | null | JavaValue[] | { [key: string]: JavaValue };

/** Thrown internally on text that is not in this form; callers get `undefined`. */
class NotJavaMap extends Error {}

const MAX_DEPTH = 32;
// What may follow an entry separator for it to be one: a key without structural characters, then `=`.
const NEXT_KEY = /\s*[^\s,={}[\]][^,={}[\]]*=/y;

export function parseJavaMapString(text: string): Record<string, JavaValue> | undefined {
  const src = text.trim();
  if (!src.startsWith("{")) return undefined;
  let pos = 0;

  const fail = (): never => {
    throw new NotJavaMap();
  };

  const skipSpaces = () => {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
  };

  const parseValue = (closer: "}" | "]", depth: number): JavaValue => {
    if (depth > MAX_DEPTH) fail();
    skipSpaces();
    if (src[pos] === "{") return parseMap(depth + 1);
    if (src[pos] === "[") return parseList(depth + 1);
    return parseScalar(closer);
  };

  const parseScalar = (closer: "}" | "]"): string | null => {
    const start = pos;
    while (pos < src.length) {
      const c = src[pos];
      if (c === closer) break;
      if (c === ",") {
        // A list splits on every comma; a map only where the next entry begins.
        if (closer === "]") break;
        NEXT_KEY.lastIndex = pos + 1; // sticky: matches right after the comma, without copying
        if (NEXT_KEY.test(src)) break;
      }
      pos++;
    }
    if (pos >= src.length) fail(); // ran off the end: no closing bracket
    const value = src.slice(start, pos).trim();
    return value === "null" ? null : value;
  };

  const parseMap = (depth: number): Record<string, JavaValue> => {
    pos++; // "{"
    const out: Record<string, JavaValue> = {};
    skipSpaces();
    if (src[pos] === "}") {
      pos++;
      return out;
    }
    for (;;) {
      const eq = src.indexOf("=", pos);
      if (eq < 0) fail();
      const key = src.slice(pos, eq).trim();
      if (!key || /[,{}[\]]/.test(key)) fail();
      pos = eq + 1;
      out[key] = parseValue("}", depth);
      skipSpaces();
      if (src[pos] === "}") {
        pos++;
        return out;
      }
      if (src[pos] !== ",") fail();
      pos++;
      skipSpaces();
    }
  };

  const parseList = (depth: number): JavaValue[] => {
    pos++; // "["
    const out: JavaValue[] = [];
    skipSpaces();
    if (src[pos] === "]") {
      pos++;
      return out;
    }
    for (;;) {
      out.push(parseValue("]", depth));
      skipSpaces();
      if (src[pos] === "]") {
        pos++;
        return out;
      }
      if (src[pos] !== ",") fail();
      pos++;
    }
  };

  try {
    const result = parseMap(0);
    skipSpaces();
    return pos === src.length ? result : undefined;
  } catch (err) {
    if (err instanceof NotJavaMap) return undefined;
    throw err;
  }
}
