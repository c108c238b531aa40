import "server-only";
import type crypto from "node:crypto";
import { defineInboundEvent } from "@/lib/inbox/define-event";
import { lanmaoNotify } from "@/lib/vendors/lanmao/callback";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import { handleLanmaoNotify } from "./notify";

/**
 * 联银通's NOTIFY (POST /api/callbacks/lanmao/notify): the vendor's shape from
 * lib/vendors/lanmao/callback.ts with the custody handler. The custody side's public key is read
 * when a delivery arrives (LANMAO_PUBLIC_KEY, or the generated sandbox key), not at import.
 */
export function custodyNotifyEvent(publicKey: crypto.KeyObject | string | (() => crypto.KeyObject | string) = () => lanmaoConfig().publicKey) {
  return defineInboundEvent({ ...lanmaoNotify(publicKey), handle: handleLanmaoNotify });
}

export const LANMAO_NOTIFY_EVENT = custodyNotifyEvent();
