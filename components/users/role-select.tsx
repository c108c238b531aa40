"use client";

import { useTranslations } from "next-intl";
import { NativeSelect } from "@/components/ui/native-select";
import { ROLES, type Role } from "@/lib/auth/roles";

/** A native select: Radix Select's popper would sit in the users page's first-load JS for this one control. */
export function RoleSelect({ value, onChange, disabled, ...control }: { value: Role; onChange: (role: Role) => void; disabled?: boolean; id?: string; "aria-label"?: string }) {
  const t = useTranslations("auth.roles");
  return (
    <NativeSelect {...control} className="w-40" value={value} onChange={(e) => onChange(e.target.value as Role)} disabled={disabled}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(role)}
        </option>
      ))}
    </NativeSelect>
  );
}
