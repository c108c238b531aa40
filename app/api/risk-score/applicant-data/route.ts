import { handleApplicantDataPull } from "@/lib/risk-scores/applicant-endpoint";

export const dynamic = "force-dynamic";

/** The risk-score vendor pulls applicant data here while scoring (design.md §2). */
export const GET = handleApplicantDataPull;
