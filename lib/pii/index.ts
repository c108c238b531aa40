// Pure personal-data helpers: no environment, no database. Keys are passed in by the
// caller (lib/env.ts parses them), so these modules stay testable and side-effect free.
export * from "./crypto";
export * from "./blind-index";
export * from "./mask";
export * from "./id-card";
