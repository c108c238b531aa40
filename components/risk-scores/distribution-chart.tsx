import { useTranslations } from "next-intl";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { BUCKET, countTicks, fillBuckets, labelEvery, labelWidth, type ScoreBucket } from "./histogram-scale";

// Colours are theme tokens through `currentColor`, so dark mode swaps them with the rest of the page.
export const KIND_COLOUR: Record<ChannelKind, string> = { NATURAL: "text-primary", REFERRAL: "text-warning" };
const KINDS: ChannelKind[] = ["NATURAL", "REFERRAL"];

// viewBox units; the SVG scales to its box, so these are proportions rather than pixels.
const W = 720;
const H = 250;
const M = { top: 40, right: 16, bottom: 28, left: 40 };

type Props = { buckets: ScoreBucket[]; cutoffs: Record<ChannelKind, number> };

/**
 * Scores in 25-point buckets, the two channel kinds side by side, with the current cut-offs as
 * dashed lines. Hand-written SVG: one chart does not justify a chart library. Screen readers get
 * a summary as the image's name and the numbers in a visually hidden table.
 */
export function DistributionChart({ buckets, cutoffs }: Props) {
  const t = useTranslations("riskScores.chart");
  const tc = useTranslations("riskScores.channels");
  const rows = fillBuckets(buckets, [cutoffs.NATURAL, cutoffs.REFERRAL]);
  const start = rows[0].bucket;
  const end = rows[rows.length - 1].bucket + BUCKET;
  const ticks = countTicks(Math.max(1, ...rows.flatMap((r) => [r.NATURAL, r.REFERRAL])));
  const top = ticks[ticks.length - 1];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (score: number) => M.left + ((score - start) / (end - start)) * plotW;
  const y = (count: number) => M.top + plotH - (count / top) * plotH;
  const every = labelEvery(rows.length);
  const totals = { NATURAL: sum(buckets, "NATURAL"), REFERRAL: sum(buckets, "REFERRAL") };
  // Two labels 20 points apart would overlap: the higher cut-off is labelled to the right of its
  // line on the first row, the lower one to the left on the second.
  const higher: ChannelKind = cutoffs.NATURAL >= cutoffs.REFERRAL ? "NATURAL" : "REFERRAL";

  const summary = t("summary", {
    total: totals.NATURAL + totals.REFERRAL,
    natural: totals.NATURAL,
    referral: totals.REFERRAL,
    naturalCutoff: cutoffs.NATURAL,
    referralCutoff: cutoffs.REFERRAL,
  });

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full" data-testid="score-distribution">
        <g className="text-border" stroke="currentColor">
          {ticks.map((v) => <line key={v} x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} strokeWidth={v === 0 ? 1.5 : 1} />)}
        </g>
        <g className="text-muted-foreground" fill="currentColor" fontSize={11}>
          {ticks.map((v) => <text key={v} x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">{v}</text>)}
          {[...rows.map((r) => r.bucket), end].map((edge, i) => i % every === 0 && (
            <text key={edge} x={x(edge)} y={H - M.bottom + 16} textAnchor="middle">{edge}</text>
          ))}
        </g>
        {rows.map((r) => {
          const slot = x(r.bucket + BUCKET) - x(r.bucket);
          const pad = slot * 0.12;
          const barW = (slot - 2 * pad) / 2;
          return KINDS.map((kind, k) => r[kind] > 0 && (
            <rect key={`${r.bucket}-${kind}`} className={KIND_COLOUR[kind]} fill="currentColor" rx={1.5}
              x={x(r.bucket) + pad + k * barW} y={y(r[kind])} width={barW} height={y(0) - y(r[kind])}>
              <title>{t("barTitle", { channel: tc(kind), from: r.bucket, to: r.bucket + BUCKET, count: r[kind] })}</title>
            </rect>
          ));
        })}
        {KINDS.map((kind) => {
          const cx = x(cutoffs[kind]);
          const first = kind === higher;
          const label = t("cutoffLabel", { channel: tc(kind), cutoff: cutoffs[kind] });
          // Keep the label inside the box when its preferred side has no room.
          const right = first ? cx + 5 + labelWidth(label) <= W : cx - 5 - labelWidth(label) < 0;
          return (
            <g key={kind} className={KIND_COLOUR[kind]} data-testid={`cutoff-line-${kind}`}>
              <line x1={cx} x2={cx} y1={first ? M.top - 32 : M.top - 18} y2={y(0)} stroke="currentColor" strokeWidth={1.5} strokeDasharray="5 4" />
              <text x={right ? cx + 5 : cx - 5} y={first ? M.top - 24 : M.top - 10} textAnchor={right ? "start" : "end"} fontSize={11} fontWeight={600} fill="currentColor">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-hidden>
        {KINDS.map((kind) => (
          <span key={kind} className="flex items-center gap-1.5">
            <span className={`inline-block size-2.5 rounded-sm bg-current ${KIND_COLOUR[kind]}`} />
            {t("legend", { channel: tc(kind), count: totals[kind] })}
          </span>
        ))}
        <span>{t("axis")}</span>
      </figcaption>
      <table className="sr-only">
        <caption>{t("tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("range")}</th>
            {KINDS.map((kind) => <th key={kind} scope="col">{tc(kind)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.filter((r) => r.NATURAL + r.REFERRAL > 0).map((r) => (
            <tr key={r.bucket}>
              <th scope="row">{t("rangeValue", { from: r.bucket, to: r.bucket + BUCKET })}</th>
              <td>{r.NATURAL}</td>
              <td>{r.REFERRAL}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function sum(buckets: readonly ScoreBucket[], kind: ChannelKind): number {
  return buckets.reduce((n, b) => n + b[kind], 0);
}
