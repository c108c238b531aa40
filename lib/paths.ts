import path from "node:path";

/**
 * Where local state lives: embedded PostgreSQL data, generated secrets, uploaded files,
 * the sandbox's state. `CREDITOPS_DATA_DIR` moves it (the test suite uses a throwaway one).
 */
export function dataDir(): string {
  // turbopackIgnore: a runtime folder, not a build input (keeps the build from tracing the tree).
  return path.resolve(/*turbopackIgnore: true*/ process.env.CREDITOPS_DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data"));
}
