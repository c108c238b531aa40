import { maskAddress, maskIdNumber, maskMobile, maskName } from "@/lib/pii/mask";
import type { TReportSections } from "@/lib/vendors/deepfinch/report";

/**
 * The report as the viewer shows it: the subject's and spouse's names, ID numbers, phones and
 * addresses masked (design.md §5). Account names ("账户1") and institutions are not personal.
 */
const m = <T>(value: T | null | undefined, mask: (v: string) => string) => (typeof value === "string" && value ? mask(value) : value);

export function maskSectionsForView(s: TReportSections): TReportSections {
  return {
    ...s,
    creditHeader: s.creditHeader && { ...s.creditHeader, whoWasChecked: m(s.creditHeader.whoWasChecked, maskName), idNum: m(s.creditHeader.idNum, maskIdNumber) },
    personInfo: s.personInfo && {
      ...s.personInfo,
      email: m(s.personInfo.email, (e) => e.replace(/^(.).*(@.*)$/, "$1***$2")),
      postAddr: m(s.personInfo.postAddr, maskAddress),
      registerAddr: m(s.personInfo.registerAddr, maskAddress),
      mobile: s.personInfo.mobile?.map((x) => ({ ...x, mobile: m(x.mobile, maskMobile) })),
    },
    connubialInfo: s.connubialInfo && { ...s.connubialInfo, name: m(s.connubialInfo.name, maskName), idNum: m(s.connubialInfo.idNum, maskIdNumber), tel: m(s.connubialInfo.tel, maskMobile) },
    livedInfos: s.livedInfos?.map((x) => ({ ...x, address: m(x.address, maskAddress), homeTel: m(x.homeTel, maskMobile) })),
  };
}
