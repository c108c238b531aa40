// Integer-fen money helpers shared by custody, ledger and reconciliation (design §3, 联银通).
export * from "./fen";
