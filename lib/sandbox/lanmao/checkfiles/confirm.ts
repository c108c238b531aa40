import { isCheckFileType } from "@/lib/reconciliation/checkfile/columns";
import type { Biz } from "../biz";
import { badFormat } from "../codes";
import type { DirectService } from "../direct-services";
import type { ReqData } from "../fields";

/**
 * CONFIRM_CHECKFILE (§4.3) on the twin: checks what the document lists (requestNo, fileDate,
 * fileType, detail, fileSign in Base64) and keeps the confirmation, which the control page and
 * tests read at `lanmao:checkfile-confirm:<fileDate>:<fileType>`. Registered by spreading
 * `CHECKFILE_DIRECT_SERVICES` into DIRECT_SERVICES (lib/sandbox/lanmao/direct-services.ts).
 */
export type CheckFileConfirmation = { requestNo: string; fileDate: string; fileType: string; detail: unknown; fileSign: string; at: string };

function confirmCheckFile(biz: Biz, req: ReqData): Record<string, unknown> {
  const requestNo = String(req.requestNo ?? "");
  const fileDate = String(req.fileDate ?? "");
  const fileType = String(req.fileType ?? "");
  const fileSign = String(req.fileSign ?? "");
  if (!requestNo) throw badFormat("缺少参数 requestNo");
  if (!/^\d{8}$/.test(fileDate)) throw badFormat("fileDate 格式错误");
  if (!isCheckFileType(fileType)) throw badFormat("fileType 不存在");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(fileSign)) throw badFormat("fileSign 必须是 base64");
  let detail: unknown;
  try {
    detail = JSON.parse(String(req.detail ?? ""));
  } catch {
    throw badFormat("detail 不是合法的 JSON");
  }
  const confirmation: CheckFileConfirmation = { requestNo, fileDate, fileType, detail, fileSign, at: biz.at };
  biz.store.state.set(`lanmao:checkfile-confirm:${fileDate}:${fileType}`, confirmation);
  return {};
}

export const CHECKFILE_DIRECT_SERVICES: Record<string, DirectService> = { CONFIRM_CHECKFILE: confirmCheckFile };
