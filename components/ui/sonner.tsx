"use client";

import { useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import type { CSSProperties } from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

// Sonner colours itself through CSS variables; map them onto the theme tokens so toasts follow
// dark mode and the palette without a second colour scheme. Inline style beats Sonner's own
// per-theme selectors.
const tint = (token: string, amount: number) =>
  `color-mix(in oklab, hsl(var(--${token})) ${amount}%, hsl(var(--popover)))`;

const tokenStyle = {
  "--normal-bg": "hsl(var(--popover))",
  "--normal-text": "hsl(var(--popover-foreground))",
  "--normal-border": "hsl(var(--border))",
  "--success-bg": tint("success", 10),
  "--success-text": "hsl(var(--success))",
  "--success-border": tint("success", 35),
  "--warning-bg": tint("warning", 10),
  "--warning-text": "hsl(var(--warning))",
  "--warning-border": tint("warning", 35),
  "--error-bg": tint("destructive", 10),
  "--error-text": "hsl(var(--destructive))",
  "--error-border": tint("destructive", 35),
  "--info-bg": "hsl(var(--popover))",
  "--info-text": "hsl(var(--popover-foreground))",
  "--info-border": "hsl(var(--border))",
  "--border-radius": "var(--radius)",
} as CSSProperties;

export function Toaster(props: ToasterProps) {
  const { theme = "system" } = useTheme();
  const t = useTranslations("dataTable.ui");
  return (
    <Sonner
      theme={theme as ToasterProps["theme"]}
      richColors
      closeButton
      containerAriaLabel={t("notifications")}
      style={tokenStyle}
      toastOptions={{
        closeButtonAriaLabel: t("close"),
        // Sonner hard-codes the description colour, so it needs the important modifier.
        classNames: { description: "text-muted-foreground!", toast: "font-sans" },
      }}
      {...props}
    />
  );
}
