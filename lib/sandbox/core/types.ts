import type { IncomingHttpHeaders } from "node:http";
import { VENDOR_NAMES, type VendorName } from "@/lib/vendors/manifests";
import type { CallbackSender } from "./callbacks";
import type { FaultSettings } from "./faults";
import type { SandboxState } from "./state";

/** The vendor systems the sandbox stands in for, one per manifest; each is mounted under `/<name>`. */
export { VENDOR_NAMES, type VendorName };

export function isVendorName(value: string): value is VendorName {
  return (VENDOR_NAMES as readonly string[]).includes(value);
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export interface SandboxRequest {
  method: string;
  /** Path relative to the vendor's mount: `/wanwang/oauth/token` arrives here as `/oauth/token`. */
  path: string;
  /** Full decoded path as received, mount included. */
  fullPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Named groups of a RegExp route path (`/orders\/(?<id>\w+)/`), empty for string paths. */
  params: Record<string, string>;
  text(): string;
  /** Parses the body as JSON; throws SandboxHttpError(400) when it is not JSON. */
  json<T = unknown>(): T;
  /** Parses an `application/x-www-form-urlencoded` body. */
  form(): URLSearchParams;
}

/** `body` objects are serialised as JSON; strings and Buffers are sent as they are. */
export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer | object;
}

export interface SandboxContext {
  vendor: VendorName;
  requestId: number;
  /** The vendor's fault settings as they were when this request arrived. */
  faults: Readonly<FaultSettings>;
  state: SandboxState;
  callbacks: CallbackSender;
  /** The sandbox's own URL (`http://127.0.0.1:3100`), for links a vendor hands out. */
  baseUrl: string;
  /** `baseUrl` + `/<vendor>`: where this vendor's routes are mounted. */
  vendorBaseUrl: string;
  /** Where the console listens (APP_BASE_URL); vendors POST their callbacks there. */
  consoleBaseUrl: string;
}

export interface SandboxRoute {
  method: HttpMethod;
  /** A string matches the vendor-relative path exactly; a RegExp is tested against it. */
  path: string | RegExp;
  handle(req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> | SandboxResponse;
}

export interface SandboxVendor {
  name: VendorName;
  title: string;
  routes: SandboxRoute[];
}

/** Throw from a handler to answer with a given status instead of a generic 500. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "SandboxHttpError";
  }
}
