import "server-only";
import { callLanmao, type LanmaoAnswer, prepareLanmaoRequest, type PreparedLanmaoRequest, queryLanmaoTransaction, sendLanmaoDirect } from "./client";
import { lanmaoConfig } from "./config";
import { lanmaoGatewayForm } from "./gateway";
import type { LanmaoAnswerData, LanmaoDirectInterface, LanmaoGatewayInterface, LanmaoInterfaceName, LanmaoRequestInput } from "./interfaces";
import type { LanmaoUserDevice } from "./enums";

/**
 * The 联银通 client bound to the configuration in force (read at each call, design.md §1):
 * what the custody area uses. Every interface is typed by its name:
 *   const p = lanmao.prepare("CONFIRM_LOAN", { requestNo, projectNo, details });  // store p.form first
 *   const { data, raw } = await lanmao.send(p);                                    // resend p unchanged after a timeout
 *   const page = lanmao.gatewayForm(lanmao.prepare("RECHARGE", {...}));           // the customer's browser
 */
export const lanmao = {
  prepare<S extends LanmaoInterfaceName>(service: S, input: LanmaoRequestInput<S>, opts: { now?: Date; userDevice?: LanmaoUserDevice } = {}): PreparedLanmaoRequest<S> {
    return prepareLanmaoRequest(lanmaoConfig(), service, input, opts);
  },
  send<S extends LanmaoDirectInterface>(prepared: PreparedLanmaoRequest<S>): Promise<LanmaoAnswer<LanmaoAnswerData<S>>> {
    return sendLanmaoDirect(lanmaoConfig(), prepared);
  },
  call<S extends LanmaoDirectInterface>(service: S, input: LanmaoRequestInput<S>): Promise<LanmaoAnswer<LanmaoAnswerData<S>>> {
    return callLanmao(lanmaoConfig(), service, input);
  },
  gatewayForm(prepared: PreparedLanmaoRequest<LanmaoGatewayInterface>) {
    return lanmaoGatewayForm(lanmaoConfig().baseUrl, prepared);
  },
  queryTransaction: <T extends Parameters<typeof queryLanmaoTransaction>[2]>(requestNo: string, type: T) => queryLanmaoTransaction(lanmaoConfig(), requestNo, type),
  queryUser: (platformUserNo: string) => callLanmao(lanmaoConfig(), "QUERY_USER_INFORMATION", { platformUserNo }),
  queryPlatform: () => callLanmao(lanmaoConfig(), "QUERY_PLATFORM_INFORMATION", {}),
  queryProject: (projectNo: string) => callLanmao(lanmaoConfig(), "QUERY_PROJECT_INFORMATION", { projectNo }),
};
