import { notFound, rule } from "./codes";
import { Books } from "./books";
import { beijingT } from "./fields";
import type { LanmaoSettings } from "./settings";
import type { Account, LanmaoStore, Project, TxRecord } from "./store";

/** What every business step sees: the books, the moment (Beijing `T`), the settings. */
export interface Biz {
  store: LanmaoStore;
  now: Date;
  at: string;
  settings: LanmaoSettings;
}

export const makeBiz = (store: LanmaoStore, now: Date, settings: LanmaoSettings): Biz => ({ store, now, at: beijingT(now), settings });

export const books = (biz: Biz, requestNo: string, service: string) => new Books(biz.store, biz.at, requestNo, service);

/** An existing, active account (enterprises become active when their audit passes, §2.2 R2). */
export function activeAccount(biz: Biz, no: string): Account {
  const b = new Books(biz.store, biz.at, "", "");
  const a = b.account(no);
  if (!a.active) throw rule(`用户 ${no} 未激活(企业用户审核通过后激活,§2.2 R2)`);
  return a;
}

export function project(biz: Biz, no: string): Project {
  const p = biz.store.project(no);
  if (!p) throw notFound(`标的 ${no} 不存在`);
  return p;
}

/** The card number as notices show it (银行卡号打码显示): first 6, last 4. */
export const maskCard = (no: string) => (no.length <= 10 ? "*".repeat(no.length) : `${no.slice(0, 6)}${"*".repeat(no.length - 10)}${no.slice(-4)}`);

/** Records (or completes) the transaction a check file will list. */
export function recordTx(biz: Biz, tx: Omit<TxRecord, "createTime"> & { createTime?: string }): TxRecord {
  const existing = biz.store.tx(tx.requestNo);
  const next: TxRecord = { ...existing, ...tx, createTime: existing?.createTime ?? tx.createTime ?? biz.at };
  biz.store.putTx(next);
  return next;
}
