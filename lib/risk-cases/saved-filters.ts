import "server-only";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { riskCaseList } from "./list-params";

/** A user's saved list filters. Only the list's own filter keys are kept, so a saved link cannot carry anything else. */
export const MAX_SAVED_FILTERS = 20;

export function canonicalFilterQuery(query: string): string {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const kept = new URLSearchParams();
  for (const key of [...riskCaseList.filterKeys, "sort"]) {
    const value = params.get(key);
    if (value) kept.set(key, value.slice(0, 200));
  }
  return kept.toString();
}

export async function listSavedFilters(db: DbOrTx, userId: string) {
  return db.riskCaseSavedFilter.findMany({ where: { userId }, orderBy: { name: "asc" }, select: { id: true, name: true, query: true } });
}

export async function saveFilter(db: DbOrTx, userId: string, name: string, query: string) {
  const canonical = canonicalFilterQuery(query);
  if (!canonical) throw new AppError("VALIDATION", "nothing to save: set a filter first", { fieldErrors: { query: ["riskCaseNoFilter"] } });
  if ((await db.riskCaseSavedFilter.count({ where: { userId } })) >= MAX_SAVED_FILTERS) throw new AppError("VALIDATION", "too many saved filters", { fieldErrors: { name: ["riskCaseTooManyFilters"] } });
  try {
    return await db.riskCaseSavedFilter.create({ data: { userId, name, query: canonical }, select: { id: true, name: true, query: true } });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("CONFLICT", "a saved filter has this name", { fieldErrors: { name: ["riskCaseFilterNameTaken"] } });
    throw err;
  }
}

export async function deleteFilter(db: DbOrTx, userId: string, id: string) {
  const { count } = await db.riskCaseSavedFilter.deleteMany({ where: { id, userId } });
  if (count === 0) throw new AppError("NOT_FOUND", `saved filter ${id}`);
}
