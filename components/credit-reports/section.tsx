import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ReportSectionKey } from "@/lib/vendors/deepfinch/report";

export type Unreadable = { section: ReportSectionKey; issues: string }[];

/**
 * One block of the report. A section missing from the answer says so; one the model could not
 * read (a field of the wrong type) says which fields, and the rest of the report still shows.
 */
export async function ReportSection(props: { title: string; present: boolean; section?: ReportSectionKey; unreadable?: Unreadable; children?: ReactNode; testId?: string; bare?: boolean }) {
  const t = await getTranslations("creditReports");
  const broken = props.section ? props.unreadable?.find((u) => u.section === props.section) : undefined;
  const body = broken ? (
    <p className="text-sm text-destructive" data-testid="section-unreadable">{t("unreadableSection", { issues: broken.issues })}</p>
  ) : props.present ? (
    props.children
  ) : (
    <p className="text-sm text-muted-foreground" data-testid="section-absent">{t("absent")}</p>
  );
  if (props.bare) {
    return (
      <section className="space-y-2" data-testid={props.testId}>
        <h3 className="text-sm font-semibold">{props.title}</h3>
        {body}
      </section>
    );
  }
  // content-visibility: a section off screen is neither laid out nor painted until scrolled near
  // (a full report is long; the viewer answers sooner). Its size until then is a guess.
  return (
    <Card data-testid={props.testId} className="[contain-intrinsic-size:auto_480px] [content-visibility:auto]">
      <CardHeader>
        <CardTitle className="text-base">{props.title}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">{body}</CardContent>
    </Card>
  );
}
