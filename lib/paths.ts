import path from "node:path";

/**
 * Where local state lives: embedded PostgreSQL data, generated secrets, uploaded files,
 * the sandbox's state. `CREDITOPS_DATA_DIR` moves it (the test suite uses a throwaway one).
 */
export function dataDir(): string {
  return path.resolve(process.env.CREDITOPS_DATA_DIR ?? path.join(process.cwd(), ".data"));
}
