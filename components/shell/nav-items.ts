import {
  Banknote, BookOpenCheck, ClipboardList, FileSearch, FileText, Gauge, Inbox, Landmark, type LucideIcon, ScrollText, ShieldAlert, Users, Wallet,
} from "lucide-react";
import type { Area } from "@/lib/auth/roles";

export type NavGroup = "groupLending" | "groupRisk" | "groupFinance" | "groupAdmin";
export type NavItem = { area: Area; icon: LucideIcon; group: NavGroup; built: boolean };

/** The sidebar, in the order the business works. `built: false` areas say so when opened. */
export const NAV_ITEMS: NavItem[] = [
  { area: "pretrial", icon: ClipboardList, group: "groupLending", built: true },
  { area: "capital", icon: Landmark, group: "groupLending", built: true },
  { area: "risk-scores", icon: Gauge, group: "groupRisk", built: true },
  { area: "risk-cases", icon: ShieldAlert, group: "groupRisk", built: true },
  { area: "credit-reports", icon: FileSearch, group: "groupRisk", built: true },
  { area: "custody", icon: Wallet, group: "groupFinance", built: true },
  { area: "projects", icon: Banknote, group: "groupFinance", built: true },
  { area: "reconciliation", icon: BookOpenCheck, group: "groupFinance", built: true },
  { area: "inbox", icon: Inbox, group: "groupAdmin", built: true },
  { area: "audit", icon: ScrollText, group: "groupAdmin", built: true },
  { area: "users", icon: Users, group: "groupAdmin", built: true },
];

export const NAV_GROUPS: NavGroup[] = ["groupLending", "groupRisk", "groupFinance", "groupAdmin"];

export const HOME_ICON = FileText;
