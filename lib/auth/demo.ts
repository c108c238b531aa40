import { env } from "@/lib/env";

/** True when every vendor runs against the sandbox: only then do demo sign-ins exist. */
export function isSandboxConsole(): boolean {
  return !env().anyLive;
}
