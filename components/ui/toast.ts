"use client";

import type { ExternalToast } from "sonner";

type Message = Parameters<typeof import("sonner").toast.success>[0];
type Kind = "success" | "error" | "warning" | "info" | "message";

/**
 * Sonner's `toast`, loaded when the first toast is shown: importing sonner directly put it into
 * the first-load JS of every page that can show one. Same calls: `toast.success(text)`.
 */
function show(kind: Kind) {
  return (message: Message, data?: ExternalToast) => {
    void import("sonner").then(({ toast }) => (kind === "message" ? toast(message, data) : toast[kind](message, data)));
  };
}

export const toast = { success: show("success"), error: show("error"), warning: show("warning"), info: show("info"), message: show("message") };
