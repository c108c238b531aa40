/**
 * The 万网中台 document's own examples (vendor-docs/000_7a9b6606b963043b.txt), copied
 * verbatim as JSON text so tests read exactly what the vendor published. They carry the
 * document's sample people: test fixtures only, never seed or demo data (design.md §5).
 */

/** POST netCredit, Body 参数示例. */
export const NET_CREDIT_REQUEST = String.raw`{ "channel": "CHEXIAOGE", "creditType": "6", "dealersName": "安徽卡泰驰琪琪优车汽车科技有限公司", "outsideOrderId": "CR202503120000021741758025884", "personList": [ { "attach": { "licenceBackUrl": "http://cxg.chexiaoge.com/cxg_master/2025/4/23/AD8yv1_%E8%BA%AB%E4%BB%BD%E8%AF%81%202024-11-18%2020.27_2.jpg", "licenceFrontUrl": "http://cxg.chexiaoge.com/cxg_master/2025/4/23/ttc2Zu_%E8%BA%AB%E4%BB%BD%E8%AF%81%202024-11-18%2020.27_1.jpg" }, "certificateNum": "511025199608286174", "contactPhone": "16602832002", "custName": "陈朝良", "personType": 1 } ], "socialCreditCode": "91340111MAD4MW2T1F" }`;

/** POST netCredit, 返回示例. */
export const NET_CREDIT_ANSWER = String.raw`{ "code": 0, "msg": null, "data": { "outsideOrderId": "CR202503120000021741758025884", "querySn": "ZX2025102942055", "idCard": "511025199608286174", "phone": "16602832002", "name": "陈朝良", "licenceFrontUrl": null, "licenceBackUrl": null, "customerLevel": null, "pretrialStatus": null, "personReport": null, "platformData": null, "errReason": null, "contractUrl": "https://contract-test.wwxckj.com/sign?signLinkId=1983427511380934657" }, "ok": true }`;

/** GET resultQuery, 返回示例 (personReport in Java Map.toString() form). */
export const RESULT_QUERY_ANSWER = String.raw`{ "code": 0, "msg": null, "data": { "outsideOrderId": "CR25110406003", "querySn": "ZX2025110448009", "idCard": "511622199502286452", "phone": "15775858997", "name": "张帅", "licenceFrontUrl": "http://saas-obs-dev.wwuche.com/PreLoan/2025/11/04/1985519536671080449/251104092841762_cd039250-1524-49c9-980b-73a318481831.jpg", "licenceBackUrl": "http://saas-obs-dev.wwuche.com/PreLoan/2025/11/04/1985519536671080449/251104092842507_d7d73932-b2e4-4fad-8eb8-9e5a17751b0a.jpg", "customerLevel": "C", "pretrialStatus": 1, "personReport": "{otherInfo={dishonesty=是, exposurePlatform=否, court=是, closeCase=否}, prequalificationResult=通过, desc=优}", "platformData": [ { "id": "79", "platform": "铭行", "saasPlatformCode": "ZTJ", "saasPlatformName": "中铁金租", "saasPlatformLabelId": "131" }, { "id": "78", "platform": "苏银金融租赁股份有限公司", "saasPlatformCode": "ZTJ", "saasPlatformName": "中铁金租", "saasPlatformLabelId": "131" }, { "id": "12", "platform": "广西通盛融资租赁有限公司", "saasPlatformCode": "TONGSHENG", "saasPlatformName": "广西通盛", "saasPlatformLabelId": "132" }, { "id": "26", "platform": "国银金融租赁股份有限公司", "saasPlatformCode": "GUO_YIN", "saasPlatformName": "国银金租", "saasPlatformLabelId": "130" }, { "id": "28", "platform": "中铁建金融租赁有限公司", "saasPlatformCode": "ZTJ", "saasPlatformName": "中铁金租", "saasPlatformLabelId": "131" }, { "id": "64", "platform": "华夏金融租赁有限公司", "saasPlatformCode": "ZTJ", "saasPlatformName": "中铁金租", "saasPlatformLabelId": "131" }, { "id": "37", "platform": "民生金融租赁股份有限公司", "saasPlatformCode": "ZTJ", "saasPlatformName": "中铁金租", "saasPlatformLabelId": "131" }, { "id": "2", "platform": "上海众慧融资租赁有限公司", "saasPlatformCode": "ZTJ", "saasPlatformName": "中铁金租", "saasPlatformLabelId": "131" }, { "id": "89", "platform": "九江银行", "saasPlatformCode": "ZTJ", "saasPlatformName": "中铁金租", "saasPlatformLabelId": "131" }, { "id": "30", "platform": "中国工商银行股份有限公司三亚分行", "saasPlatformCode": "E_NEW", "saasPlatformName": "工行平台", "saasPlatformLabelId": "129" }, { "id": "16", "platform": "中国工商银行股份有限公司海南省分行营业部", "saasPlatformCode": "E_NEW", "saasPlatformName": "工行平台", "saasPlatformLabelId": "129" }, { "id": "32", "platform": "中国工商银行股份有限公司海口江东支行", "saasPlatformCode": "E_NEW", "saasPlatformName": "工行平台", "saasPlatformLabelId": "129" } ], "errReason": null, "contractUrl": null }, "ok": true }`;

/** GET pushOutside, 返回示例. */
export const PUSH_OUTSIDE_ANSWER = String.raw`{ "code": 0, "msg": null, "data": true, "ok": true }`;

/** POST pretrialResult (callback to us), Body 参数示例 (personReport as a JSON string). */
export const PRETRIAL_RESULT_CALLBACK = String.raw`{ "customerLevel": "C", "idCard": "342622199802182160", "licenceBackUrl": "https://saas-obs.wwuche.com/PreLoan/2025/10/28/1983035308004421634/251028125715250_bf7414ce-b4c5-48f6-a272-8b8c0f38bb6d.jpg", "licenceFrontUrl": "https://saas-obs.wwuche.com/PreLoan/2025/10/28/1983035308004421634/251028125715147_6282c792-3e89-4137-b82c-efe2f138b730.jpg", "name": "钱海燕", "outsideOrderId": "CR25102806064", "personReport": "{\"prequalificationResult\":\"通过\",\"desc\":\"次\",\"cardFinalLevel\":\"D1\",\"pricingProduct\":\"畅享\",\"pricingProductDesc\":\"畅享(D1)\",\"otherInfo\":{\"court\":\"否\",\"dishonesty\":\"否\",\"exposurePlatform\":\"否\",\"closeCase\":\"否\"}}", "phone": "15155160030", "platformData": [ { "id": "28", "platform": "中铁建金融租赁有限公司", "saasPlatformCode": "ZTJ", "saasPlatformLabelId": "131", "saasPlatformName": "中铁金租" }, { "id": "64", "platform": "华夏金融租赁有限公司", "saasPlatformCode": "ZTJ", "saasPlatformLabelId": "131", "saasPlatformName": "中铁金租" } ], "pretrialStatus": 1, "querySn": "ZX2025102894201" }`;

/** POST signed (callback to us), Body 参数示例. */
export const SIGNED_CALLBACK = String.raw`{ "message": "钱海燕 先生/女士:您申请的大数据征信查询订单已发起,请您按要求完成电子合同签约,点击 http://t.wwvas.com/s/DXojhV 立即进入签约过程", "outsideOrderId": "CR25102806064", "querySn": "ZX2025102894201", "reuseFlag": 0, "time": 1761629299039, "type": 2, "typeDesc": "人行报告拉取成功时间" }`;

/** POST errorSync (callback to us), Body 参数示例. */
export const ERROR_SYNC_CALLBACK = String.raw`{ "message": "主体不存在,主体不存在", "outsideOrderId": "CR25102706064", "querySn": "ZX2025102794067" }`;

/** POST wechatShare (callback to us), Body 请求参数. */
export const WECHAT_SHARE_CALLBACK = String.raw`{ "contractUrl": "https://contract.wwxckj.com/sign?signLinkId=1983048066665594882", "markId": "MK2025102891252", "querySn": "ZX2025102893186", "wechatShareUrl": "https://saas-obs.wwuche.com/PreLoan/2025/10/28/1983048053066665986/251028134757821_credit_net_sign_wechat" }`;

/** 返回示例 of every callback (identical for all four). */
export const CALLBACK_ANSWER = String.raw`{ "code": 0, "msg": "string", "data": null, "ok": true }`;

/** The two `personReport` strings the document shows, as they arrive after JSON decoding. */
export const PERSON_REPORT_MAP = (JSON.parse(RESULT_QUERY_ANSWER) as { data: { personReport: string } }).data.personReport;
export const PERSON_REPORT_JSON = (JSON.parse(PRETRIAL_RESULT_CALLBACK) as { personReport: string }).personReport;
