/**
 * Masks personal data before it is kept in the sandbox's request log (design §5: such data
 * never appears in logs, not even the sandbox's). One pass, longest pattern first, and no
 * letters or digits on either side so digit runs inside hex signatures are left alone.
 *
 * An 18-character run is taken as an ID number even when it could be a card number: the
 * ID mask keeps less (4 + 4) than the card mask (6 + 4), so erring that way is safe.
 */
const PERSONAL_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{16,19}|1[3-9]\d{9})(?![0-9A-Za-z])/g;

export function maskPersonalData(text: string): string {
  return text.replace(PERSONAL_NUMBER, (match) => {
    if (match.length === 18) return keepEnds(match, 4, 4); // ID `5110**********6174`
    if (match.length === 11) return keepEnds(match, 3, 4); // mobile `166****2002`
    return keepEnds(match, 6, 4); // card: first 6 + last 4
  });
}

function keepEnds(value: string, head: number, tail: number): string {
  return value.slice(0, head) + "*".repeat(value.length - head - tail) + value.slice(-tail);
}

export const LOG_BODY_LIMIT = 4096;

/**
 * Turns a body into what the log keeps: masked text cut to 4 KB. Masking happens before
 * the cut (on a little more than 4 KB) so a number straddling the cut is masked, not halved.
 */
export function logBody(body: string | Buffer | undefined | null): string {
  if (body === undefined || body === null || body.length === 0) return "";
  const size = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  let text: string;
  if (typeof body === "string") {
    text = body.slice(0, LOG_BODY_LIMIT + 64);
  } else {
    const head = body.subarray(0, LOG_BODY_LIMIT + 64);
    // PDFs and images are not worth showing; a NUL byte is a cheap "this is binary" test.
    if (head.includes(0)) return `[binary, ${size} bytes]`;
    text = head.toString("utf8");
  }
  const masked = maskPersonalData(text);
  return masked.length > LOG_BODY_LIMIT ? `${masked.slice(0, LOG_BODY_LIMIT)}… [${size} bytes]` : masked;
}
