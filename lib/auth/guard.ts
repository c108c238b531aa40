import "server-only";
import { redirect } from "next/navigation";
import { type Area, canAccessArea } from "./roles";
import { getSessionUser, type SessionUser } from "./session";

/** For pages: the signed-in user, or off to sign-in (saying the session ended). */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login?ended=1");
  return user;
}

/** For area pages: the user when their role may open the area, null when it may not. */
export async function getAreaUser(area: Area): Promise<SessionUser | null> {
  const user = await requirePageUser();
  return canAccessArea(user.role, area) ? user : null;
}
