import { lanmaoManifest } from "@/lib/vendors/lanmao/manifest";
import type { SandboxRoute, SandboxVendor } from "../core/types";
import { checkFileRoutes } from "./checkfiles/routes";
import { createLanmaoTwinConfig, type LanmaoTwinOptions } from "./config";
import { gatewayConfirmRoute, gatewayRoute } from "./gateway-route";
import { notices } from "./notify";
import { serviceRoute } from "./service-route";
import { settingsRoutes } from "./settings";
import { LanmaoStore } from "./store";

/**
 * The 联银通 custody twin, mounted at `/lanmao`: LANMAO_BASE_URL in sandbox mode is
 * `http://127.0.0.1:3100/lanmao`, so the console POSTs …/lanmao/lanmaotech/service and sends
 * browsers to …/lanmao/lanmaotech/gateway. Protocol, keys and test inputs:
 * docs/sandbox-lanmao.md. Check files (§4) are the reconciliation issue's; the books here
 * (`lanmao:tx:`, `lanmao:journal:`) hold what they will list.
 */
export function createLanmaoVendor(options: LanmaoTwinOptions = {}): SandboxVendor {
  const config = createLanmaoTwinConfig(options);
  const inspect: SandboxRoute[] = [
    {
      method: "GET",
      path: "/_sandbox/books",
      handle: (_req, ctx) => {
        const store = new LanmaoStore(ctx.state);
        return { status: 200, headers: { "cache-control": "no-store" }, body: { accounts: store.accounts(), projects: store.projects(), transactions: store.transactions() } };
      },
    },
    { method: "GET", path: "/_sandbox/notices", handle: (_req, ctx) => ({ status: 200, headers: { "cache-control": "no-store" }, body: notices(ctx) }) },
    {
      method: "DELETE",
      path: "/_sandbox/books",
      handle: (_req, ctx) => {
        new LanmaoStore(ctx.state).clear();
        return { status: 204, body: "" };
      },
    },
  ];
  return {
    name: lanmaoManifest.name,
    title: lanmaoManifest.title,
    routes: [
      { method: "POST", path: "/lanmaotech/service", handle: serviceRoute(config) },
      { method: "POST", path: "/lanmaotech/gateway", handle: gatewayRoute(config) },
      { method: "POST", path: "/lanmaotech/gateway/confirm", handle: gatewayConfirmRoute(config) },
      ...checkFileRoutes(config),
      ...settingsRoutes,
      ...inspect,
    ],
  };
}

export const lanmaoVendor: SandboxVendor = createLanmaoVendor();
