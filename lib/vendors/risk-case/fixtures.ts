/**
 * Tests only. The document's 返回示例, field for field, except its personal values (法人姓名,
 * 法人手机号, the agent's person-like names), which are replaced by synthetic ones
 * (vendor-docs/README.md: never reuse them).
 */
export const DOC_EXAMPLE_ROW = {
  legalPhone: "13800000000",
  mercCreateTime: "2019-12-13 11:35:15",
  cardNo: "",
  surveyRemark: "",
  riskTypeRules: "SR00045",
  longitude: "",
  mercName: "山西兴宇装饰工程服务有限公司",
  mercNum: "833163489120001",
  riskTypeCaseDealWay: "investigate",
  areaCode: "110101",
  referOrders: "",
  cityCode: "110100",
  latitude: "",
  remark: "",
  agentNo: "FW1000161",
  typeNo: "T00038",
  legalPerson: "测试法人",
  flowNodeKey: "SAASSH",
  surveyWay: "",
  provCode: "110000",
  suggest: "",
  caseNo: "20230505153037394436862808100",
  createTime: "2023-05-05 15:30:37",
  caseDealWay: "investigate",
  auditStatus: "DSH",
  createWay: "",
  surveyResult: "",
  termNo: "CHT0092930",
  firstAgentNo: "FW1000161",
  firstAgentName: "测试服务商",
  agentName: "测试服务商",
  surveyTime: {},
  submitTime: {},
  level: "1级服务商编号:FW1000161",
} as const;

/** The 返回示例 envelope: `total` a number beside `return_code`, no `data`. */
export const DOC_EXAMPLE_ANSWER = { total: 5, rows: [DOC_EXAMPLE_ROW], return_code: 10000 };
