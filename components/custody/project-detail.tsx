import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ProjectDetail } from "@/lib/custody/queries";
import { formatYuan } from "@/lib/money";
import { ProjectMoreOperations } from "./project-more-operations";
import { ProjectOperations } from "./project-operations";
import { ProjectStatusButton } from "./project-status-button";
import { LedgerStatusBadge, ProjectStatusBadge, RequestStatusBadge } from "./status-badges";
import { LANMAO_SERVICES, type LanmaoServiceName } from "@/lib/vendors/lanmao/services";

/** A project: figures custody confirmed, its investors' holds, what its state allows (and why not the rest), its requests. */
export async function ProjectDetailView({ project, canPropose }: { project: ProjectDetail; canPropose: boolean }) {
  const t = await getTranslations("custody");
  const format = await getFormatter();
  const figures: [string, number][] = [
    [t("project.amount"), project.amount],
    [t("project.invested"), project.invested],
    [t("project.lent"), project.lent],
    [t("project.repaidPrincipal"), project.repaidPrincipal],
    [t("project.repaidInterest"), project.repaidInterest],
    [t("project.commission"), project.commission],
  ];
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center gap-3">
          <CardTitle className="font-mono">{project.projectNo}</CardTitle>
          <ProjectStatusBadge status={project.status} />
          <span className="text-sm text-muted-foreground">
            {project.name} · {t("project.borrower")} <span className="font-mono">{project.borrower}</span>
          </span>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {figures.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="font-semibold tabular-nums">{formatYuan(value)}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card data-testid="project-operations">
        <CardHeader>
          <CardTitle>{t("project.operations")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3 text-sm">
          <p>{t("project.allowedHere", { status: t(`projectStatuses.${project.status}`), ops: t(`project.ops${project.status}`) })}</p>
          {project.nextStatuses.length === 0 && <p className="text-muted-foreground">{t("project.noOperations")}</p>}
          {canPropose && <ProjectOperations projectNo={project.projectNo} borrower={project.borrower} status={project.status} />}
          {canPropose && <ProjectMoreOperations projectNo={project.projectNo} status={project.status} />}
          {canPropose && (
            <div className="flex flex-wrap gap-3">
              {project.nextStatuses.map((s) => (
                <ProjectStatusButton key={s} projectNo={project.projectNo} status={s} />
              ))}
            </div>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("project.investors")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("platformUserNo")}</TableHead>
                <TableHead>{t("project.hold")}</TableHead>
                <TableHead className="text-right">{t("project.frozenAmount")}</TableHead>
                <TableHead className="text-right">{t("project.released")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {project.investors.map((i) => (
                <TableRow key={i.holdNo}>
                  <TableCell className="font-mono text-xs">{i.platformUserNo}</TableCell>
                  <TableCell className="font-mono text-xs">{i.holdNo}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatYuan(i.amount)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatYuan(i.released)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("project.requests")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("requestNo")}</TableHead>
                <TableHead>{t("service")}</TableHead>
                <TableHead className="text-right">{t("amount")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("ledger")}</TableHead>
                <TableHead>{t("createdAt")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {project.requests.map((r) => (
                <TableRow key={r.requestNo}>
                  <TableCell className="font-mono text-xs">{r.requestNo}</TableCell>
                  <TableCell className="text-xs">
                    {r.serviceName in LANMAO_SERVICES ? `${t(`services.${r.serviceName as LanmaoServiceName}`)} ` : ""}
                    <span className="font-mono text-muted-foreground">{r.serviceName}</span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{r.amount === null ? "—" : formatYuan(r.amount)}</TableCell>
                  <TableCell>
                    <RequestStatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>
                    <LedgerStatusBadge status={r.ledgerStatus} note={r.ledgerNote} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-xs">{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
