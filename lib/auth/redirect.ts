/**
 * Where to go after sign-in. `next` comes from the URL, so it is resolved the way the browser
 * will resolve it (`new URL(next, origin)`: backslashes, tabs, `//host`, schemes) and kept
 * only when it lands on the console's own origin; anything else goes home. (issue 8, security 2)
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
  if (!next) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  // A same-origin path that normalises to `//x` would be protocol-relative once sent back.
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}`;
}
