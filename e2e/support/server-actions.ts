import fs from "node:fs";
import path from "node:path";

/**
 * Finds a server action's id in the production build, so a test can call the action the way
 * an attacker would: a bare POST with the `Next-Action` header, no UI in between.
 */
export function serverActionId(sourceFile: string, exportName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportName && entry.filename?.endsWith(sourceFile)) return id;
  }
  throw new Error(`server action ${exportName} from ${sourceFile} not found in the build manifest`);
}
