import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserButton } from "@/components/users/create-user-button";
import { UsersTable } from "@/components/users/users-table";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const user = await getAreaUser("users");
  if (!user) return <Forbidden />;
  const t = await getTranslations("users");
  const users = await listUsers(getDb());
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} actions={<CreateUserButton />} />
      <UsersTable users={users} currentUserId={user.id} />
    </div>
  );
}
