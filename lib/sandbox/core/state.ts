import { mkdirSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

const WRITE_DEBOUNCE_MS = 200;

/**
 * Key-value records the vendor stand-ins keep (orders, accounts …), so that a restarted
 * sandbox still knows what it told the console. Keys are namespaced by convention:
 * `<vendor>:<kind>:<id>`. Values must be JSON-serialisable.
 */
export class SandboxState {
  private readonly data = new Map<string, unknown>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `filePath` null keeps everything in memory (tests). */
  constructor(readonly filePath: string | null) {
    if (filePath) this.load(filePath);
  }

  get<T = unknown>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  set(key: string, value: unknown): void {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, value);
    this.scheduleWrite();
  }

  delete(key: string): boolean {
    const existed = this.data.delete(key);
    if (existed) this.scheduleWrite();
    return existed;
  }

  /** Entries whose key starts with `prefix`, in key order. */
  list<T = unknown>(prefix = ""): Array<[key: string, value: T]> {
    return [...this.data.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [key, value as T]);
  }

  /** Writes pending changes now; resolves when they are on disk. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.writing = this.writing.then(() => this.write());
    }
    await this.writing;
  }

  private load(filePath: string): void {
    let text: string;
    try {
      text = readFileSync(filePath, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        console.warn(`[sandbox] cannot read state file ${filePath}, starting empty:`, error);
      }
      mkdirSync(path.dirname(filePath), { recursive: true });
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not a JSON object");
      for (const [key, value] of Object.entries(parsed)) this.data.set(key, value);
    } catch (error) {
      // Sandbox data is disposable; a half-written file must not stop the demo from starting.
      console.warn(`[sandbox] state file ${filePath} is corrupt (${(error as Error).message}), starting empty`);
    }
  }

  private scheduleWrite(): void {
    if (!this.filePath || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writing = this.writing.then(() => this.write());
    }, WRITE_DEBOUNCE_MS);
    // A pending write must not keep a finished test or script alive; close() flushes.
    this.timer.unref();
  }

  private async write(): Promise<void> {
    if (!this.filePath) return;
    const json = JSON.stringify(Object.fromEntries(this.data), null, 2);
    const tmp = `${this.filePath}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.filePath), { recursive: true });
      // Write then rename, so a crash mid-write leaves the previous file intact.
      await writeFile(tmp, json, "utf8");
      await rename(tmp, this.filePath);
    } catch (error) {
      console.warn(`[sandbox] cannot write state file ${this.filePath}:`, error);
    }
  }
}
