import { execFileSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";
const CJK_FONT_DIR = "/usr/share/fonts/opentype/noto";

/**
 * Playwright cannot download its own browser here, so the end-to-end tests use Debian's
 * Chromium and install it when it is missing (apt, as root), as a fresh machine needs.
 */
export function ensureChromium(): string {
  // A CJK font too: the UI is Chinese, and screenshots without one show empty boxes.
  if (fs.existsSync(CHROMIUM) && fs.existsSync(CJK_FONT_DIR)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install them with \`sudo apt-get install -y chromium fonts-noto-cjk\`.`);
  }
  console.log("[creditops] installing Debian's chromium and a CJK font for the browser tests…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (!fs.existsSync(CHROMIUM)) throw new Error("apt-get finished but /usr/bin/chromium is still missing.");
  return CHROMIUM;
}
