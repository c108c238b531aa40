import { z } from "@/lib/validation";
import { ROLES } from "@/lib/auth/roles";

const ZPassword = z
  .string()
  .min(10, "passwordTooShort")
  .max(256)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "passwordLettersAndDigits");

export const ZCreateUserInput = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,32}$/, "username"),
  displayName: z.string().trim().min(1, "required").max(64),
  role: z.enum(ROLES),
  password: ZPassword,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZChangeRoleInput = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });
export const ZSetDisabledInput = z.object({ userId: z.string().min(1), disabled: z.boolean() });
export const ZResetPasswordInput = z.object({ userId: z.string().min(1), password: ZPassword });
