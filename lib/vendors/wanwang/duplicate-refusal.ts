import { WanwangError } from "./errors";

/**
 * Whether a netCredit refusal says "this outsideOrderId was already submitted". The vendor
 * document names no code for it, so the refusal is recognised by its message (重复 / 已存在);
 * the sandbox twin answers code 500 with 三方订单号已存在 for a repeated outsideOrderId when its
 * `refuseRepeatedOutsideOrderId` setting is on. Such a refusal means 万网 HAS the order
 * (design.md §3): the order waits for its callbacks, it is never marked rejected.
 */
const DUPLICATE_MESSAGE = /重复|已存在|duplicate|already exists/i;

export function isDuplicateRefusal(err: unknown): boolean {
  return err instanceof WanwangError && err.kind === "rejected" && DUPLICATE_MESSAGE.test(err.message);
}
