import type { ServerResponse } from "node:http";
import type { CallbackSender } from "./callbacks";
import type { FaultStore } from "./faults";
import type { RequestLog } from "./request-log";
import type { SandboxState } from "./state";
import type { SandboxVendor } from "./types";

/** Everything one running sandbox shares between its requests. */
export interface SandboxRuntime {
  vendors: readonly SandboxVendor[];
  faults: FaultStore;
  log: RequestLog;
  state: SandboxState;
  callbacks: CallbackSender;
  /** Known only once the server listens (port 0 picks one). */
  baseUrl: string;
  consoleBaseUrl: string;
  /** Aborted when the sandbox stops, to cut injected latency short. */
  closing: AbortSignal;
  /** Responses held open by the hang fault, released when the sandbox stops. */
  hanging: Set<ServerResponse>;
}
