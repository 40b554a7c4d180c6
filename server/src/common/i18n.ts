import { AsyncLocalStorage } from 'node:async_hooks';

export type Lang = 'zh-CN' | 'en';

/** Per-request values that code far from the resolver (error formatting, SQL logging) needs. */
export interface RequestStore {
  requestId: string;
  lang: Lang;
  sqlStatements: number;
  /** Statements the request may run (the SQL logger refuses the next one). */
  sqlStatementLimit?: number;
  /** Epoch ms after which the request's next statement is refused. */
  deadline?: number;
  startedAt?: number;
}

export const requestStore = new AsyncLocalStorage<RequestStore>();

/** Chinese first: anything but an explicit preference for English gets zh-CN. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

type Params = Record<string, string | number>;
type Message = { 'zh-CN': string; en: string };

/** Every message a person can see, in both languages. `{name}` is replaced from params. */
export const messages = {
  unauthenticated: {
    'zh-CN': '请先登录：发送 Authorization: Bearer <令牌>（通过 login 获取）。',
    en: 'Please log in first: send Authorization: Bearer <token> (obtained from login).',
  },
  tokenInvalid: {
    'zh-CN': '登录令牌无效或已过期，请重新登录。',
    en: 'The login token is invalid or has expired; please log in again.',
  },
  loginFailed: {
    'zh-CN': '用户名或密码错误。',
    en: 'Wrong username or password.',
  },
  forbiddenRole: {
    'zh-CN': '您的角色（{role}）无权执行此操作。',
    en: 'Your role ({role}) may not do this.',
  },
  forbiddenApiKey: {
    'zh-CN': 'API 密钥只能用于统计分析查询。',
    en: 'An API key can only be used for analytics queries.',
  },
  forbiddenOutsideScope: {
    'zh-CN': '只能修改本{scope}范围内的数据。',
    en: 'You can only change records within your own {scope}.',
  },
  forbiddenFilterField: {
    'zh-CN': '您的角色不能按字段 {field} 筛选或排序。',
    en: 'Your role may not filter or sort by {field}.',
  },
  notFound: {
    'zh-CN': '{entity} {id} 不存在或无权查看。',
    en: '{entity} {id} does not exist or is not visible to you.',
  },
  referenceNotFound: {
    'zh-CN': '{field} 所指的{entity}（{id}）不存在或无权使用。',
    en: '{field} refers to {entity} {id}, which does not exist or is not visible to you.',
  },
  conflict: {
    'zh-CN': '{entity} {id} 已被他人修改（您提交的版本 {given}，当前版本 {current}）。请重新读取后再提交。',
    en: '{entity} {id} was changed by someone else (you sent version {given}, it is now at {current}). Reload it and apply your change again.',
  },
  deleteHasDependents: {
    'zh-CN': '不能删除{entity} {id}：仍有 {count} 个{dependent}属于它，请先删除或移走它们。',
    en: 'Cannot delete {entity} {id}: {count} {dependent} still belong to it; delete or move them first.',
  },
  restoreParentDeleted: {
    'zh-CN': '不能恢复{entity} {id}：它所属的{parent}已被删除，请先恢复{parent}。',
    en: 'Cannot restore {entity} {id}: its {parent} is deleted; restore the {parent} first.',
  },
  notDeleted: {
    'zh-CN': '{entity} {id} 未被删除，无需恢复。',
    en: '{entity} {id} is not deleted; there is nothing to restore.',
  },
  unique: {
    'zh-CN': '{field} 的值“{value}”已被占用，请换一个。',
    en: 'The {field} “{value}” is already in use; choose another.',
  },
  limitTooLarge: {
    'zh-CN': 'limit 不能超过 {max}（收到 {value}）；请分页读取。',
    en: 'limit may be at most {max} (got {value}); page through the results instead.',
  },
  negative: {
    'zh-CN': '{field} 不能为负数（收到 {value}）。',
    en: '{field} may not be negative (got {value}).',
  },
  badId: {
    'zh-CN': '{field} 应为数字编号（收到“{value}”）。',
    en: '{field} must be a numeric id (got “{value}”).',
  },
  emptyIn: {
    'zh-CN': '{field}.in 不能为空列表。',
    en: '{field}.in must not be an empty list.',
  },
  invalidInput: {
    'zh-CN': '{field} 无效：{detail}',
    en: '{field} is invalid: {detail}',
  },
  countyRegionMismatch: {
    'zh-CN': '{field}：所选县（区）不属于所选地区。',
    en: '{field}: the chosen county does not belong to the chosen region.',
  },
  countyRoleNeedsCounty: {
    'zh-CN': 'COUNTY 角色的用户必须指定 countyId。',
    en: 'A user with the COUNTY role needs a countyId.',
  },
  regionRoleNeedsRegion: {
    'zh-CN': '{role} 角色的用户必须指定 regionId。',
    en: 'A user with the {role} role needs a regionId.',
  },
  passwordTooShort: {
    'zh-CN': '密码至少需要 {min} 个字符。',
    en: 'The password needs at least {min} characters.',
  },
  cannotDeactivateSelf: {
    'zh-CN': '不能停用或删除自己的账号。',
    en: 'You cannot deactivate or delete your own account.',
  },
  queryTooDeep: {
    'zh-CN': '查询嵌套深度为 {depth}，超过上限 {max}；请拆分查询。',
    en: 'The query is nested {depth} levels deep, more than the limit of {max}; split it into smaller queries.',
  },
  queryTooCostly: {
    'zh-CN': '查询的估算成本为 {cost}，超过上限 {max}；请减小 limit、减少别名或拆分查询。',
    en: 'The estimated cost of the query is {cost}, over the budget of {max}; lower the limits, use fewer aliases or split the query.',
  },
  blank: {
    'zh-CN': '{field} 不能为空。',
    en: '{field} must not be blank.',
  },
  tooLong: {
    'zh-CN': '{field} 最多 {max} 个字符。',
    en: '{field} may have at most {max} characters.',
  },
  adminCode: {
    'zh-CN': '{field} 应为 6 位行政区划代码，例如 540222。',
    en: '{field} must be a 6-digit administrative division code, e.g. 540222.',
  },
  phoneFormat: {
    'zh-CN': '{field} 只能包含数字、空格、+ 和 -。',
    en: '{field} may only contain digits, spaces, + and -.',
  },
  usernameFormat: {
    'zh-CN': '{field} 只能包含字母、数字、点、下划线和连字符（2–64 个字符）。',
    en: '{field} may only contain letters, digits, dots, underscores and hyphens (2–64 characters).',
  },
  quantitativeNeedsValue: {
    'zh-CN': '定量目标必须填写 {field}（目标值）。',
    en: 'A quantitative target needs {field} (the value to reach).',
  },
  deadlineBeforeStart: {
    'zh-CN': '完成时限 {deadline} 早于开始日期 {startDate}。',
    en: 'The deadline {deadline} is before the start date {startDate}.',
  },
  responsibilityMismatch: {
    'zh-CN': '{field}：责任单位、责任人与责任县（区）不一致。',
    en: '{field}: the responsible county, department and cadre do not belong together.',
  },
  subTargetLeavesCounty: {
    'zh-CN': '县（区）目标的子目标只能由同一县（区）负责。',
    en: 'A sub-target of a county’s target must stay with that county.',
  },
  moveTreeCounty: {
    'zh-CN': '已分解的目标不能改换责任县（区）；请调整其子目标。',
    en: 'A target that has sub-targets cannot change its county; change the sub-targets instead.',
  },
  decomposeNeedsResponsible: {
    'zh-CN': '每个分解项都必须指定责任县（区）、责任单位或责任人。',
    en: 'Each child of a decomposition needs a responsible county, department or cadre.',
  },
  decomposeDuplicate: {
    'zh-CN': '该责任主体已承担此目标的一个分解项（同一责任主体不能出现两次）。',
    en: 'This responsible party already has a share of this target (it cannot appear twice).',
  },
  reportOnLeaf: {
    'zh-CN': '该目标已分解为子目标，其进度由子目标汇总；请对子目标报送进展。',
    en: 'This target has sub-targets and its progress rolls up from them; report on the sub-targets.',
  },
  reportValueMissing: {
    'zh-CN': '{kind}目标的进展报告必须填写 {field}。',
    en: 'A progress report on a {kind} target needs {field}.',
  },
  percentRange: {
    'zh-CN': '{field} 应在 0 到 100 之间。',
    en: '{field} must be between 0 and 100.',
  },
  dateInFuture: {
    'zh-CN': '{field} 不能晚于今天（{today}）。',
    en: '{field} cannot be later than today ({today}).',
  },
  reportReviewed: {
    'zh-CN': '该进展报告已审核（{status}），不能再修改或重复审核。',
    en: 'This progress report has been reviewed ({status}) and can no longer be changed or reviewed again.',
  },
  reviewOwnReport: {
    'zh-CN': '不能审核自己报送的进展报告。',
    en: 'You cannot review a progress report you submitted yourself.',
  },
  badPeriod: {
    'zh-CN': '{field} 应为年份（2026）、季度（2026-Q3）或月份（2026-09）。',
    en: '{field} must be a year (2026), a quarter (2026-Q3) or a month (2026-09).',
  },
  noticeAnswered: {
    'zh-CN': '该督办单已于 {date} 答复。',
    en: 'This notice was already answered on {date}.',
  },
  rectificationNotOpen: {
    'zh-CN': '该督查没有待完成的整改。',
    en: 'This inspection has no open rectification.',
  },
  rectificationNeedsDeadline: {
    'zh-CN': '需要整改时必须填写整改时限（rectificationDeadline）。',
    en: 'A required rectification needs a rectificationDeadline.',
  },
  ratingRange: {
    'zh-CN': '{field} 应在 0 到 100 之间。',
    en: '{field} must be between 0 and 100.',
  },
  bulletinPublished: {
    'zh-CN': '{period} 的通报已于 {date} 发布，发布后不可更改。',
    en: 'The bulletin for {period} was published on {date} and cannot change.',
  },
  apiKeyRevoked: {
    'zh-CN': '该 API 密钥已撤销。',
    en: 'This API key has been revoked.',
  },
  bodyMalformed: {
    'zh-CN': '请求体不是有效的 JSON：请以 content-type: application/json 发送 {"query": …, "variables": …}。',
    en: 'The request body is not valid JSON: send {"query": …, "variables": …} with content-type: application/json.',
  },
  bodyTooLarge: {
    'zh-CN': '请求体超过 1 MB 上限。',
    en: 'The request body is larger than the 1 MB limit.',
  },
  tooManyValues: {
    'zh-CN': '{field} 最多 {max} 个值（收到 {count} 个）。',
    en: '{field} takes at most {max} values (got {count}).',
  },
  outOfRange: {
    'zh-CN': '{field} 超出允许范围（绝对值不超过 10¹²）。',
    en: '{field} is out of range (at most 10¹² either way).',
  },
  assignedByPrefecture: {
    'zh-CN': '该目标由上级分解下达，其{field}只能由上级调整。',
    en: 'This target was assigned from above: only the assigning level may change its {field}.',
  },
  assignedTargetDelete: {
    'zh-CN': '该目标由上级分解下达，不能由本级删除。',
    en: 'This target was assigned from above and cannot be deleted at this level.',
  },
  targetHasRecords: {
    'zh-CN': '该目标已有进展报告、督查或督办记录，不能改换责任县（区）。',
    en: 'This target already has progress reports, inspections or notices; it cannot move to another county.',
  },
  dateBefore: {
    'zh-CN': '{field} 不能早于 {date}。',
    en: '{field} cannot be earlier than {date}.',
  },
  // Rules fixes: target dates and responsibility, reports, notices, bulletins.
  targetFieldsMissing: {
    'zh-CN': '请填写以下必填项：{field}（顶层目标须有类别、性质、开始日期和完成时限，定量目标还须有目标值）。',
    en: 'Please fill in: {field} (a top-level target needs a category, kind, start date and deadline; a quantitative one also a target value).',
  },
  childFieldsMissing: {
    'zh-CN': '请填写以下必填项：{field}（上级目标为定量目标时，子目标须有目标值）。',
    en: 'Please fill in: {field} (a sub-target of a quantitative target needs a target value).',
  },
  childStartsBeforeParent: {
    'zh-CN': '子目标的开始日期 {startDate} 早于上级目标的开始日期 {parentStart}。',
    en: 'The sub-target’s start date {startDate} is before its parent’s start date {parentStart}.',
  },
  childDeadlineAfterParent: {
    'zh-CN': '子目标的完成时限 {deadline} 晚于上级目标的完成时限 {parentDeadline}。',
    en: 'The sub-target’s deadline {deadline} is after its parent’s deadline {parentDeadline}.',
  },
  parentStartsAfterChild: {
    'zh-CN': '开始日期 {startDate} 晚于其子目标最早的开始日期 {childStart}，请先调整子目标。',
    en: 'The start date {startDate} is after its earliest sub-target’s start {childStart}; change the sub-targets first.',
  },
  parentDeadlineBeforeChild: {
    'zh-CN': '完成时限 {deadline} 早于其子目标最晚的完成时限 {childDeadline}，请先调整子目标。',
    en: 'The deadline {deadline} is before its latest sub-target’s deadline {childDeadline}; change the sub-targets first.',
  },
  parentHasReports: {
    'zh-CN': '目标“{title}”（{id}）已有 {count} 份进展报告：{reports}。分解后其进度将改由子目标汇总（报告保留在历史中）。确认继续请传 proceedWithReports: true。',
    en: 'Target “{title}” ({id}) already has {count} progress reports: {reports}. Once split, its progress comes from its sub-targets (the reports stay in its history). To go on, send proceedWithReports: true.',
  },
  departmentOutsideCounty: {
    'zh-CN': '责任单位“{department}”不属于该目标的责任县（区）。',
    en: 'The responsible department “{department}” is not in the target’s county.',
  },
  cadreOutsideCounty: {
    'zh-CN': '责任人“{cadre}”不属于该目标的责任县（区）。',
    en: 'The responsible cadre “{cadre}” does not work in the target’s county.',
  },
  reportBeforeStart: {
    'zh-CN': '{field} {date} 早于目标的开始日期 {startDate}。',
    en: '{field} {date} is before the target’s start date {startDate}.',
  },
  noticeOnGreenTarget: {
    'zh-CN': '该目标当前为绿灯，无需督办；确需下发请在 issueReason 中说明理由。',
    en: 'This target is GREEN and needs no notice; to issue one anyway, give the reason in issueReason.',
  },
  noticeSkipsRungs: {
    'zh-CN': '督办应逐级升级：下一级为 {expected}，跳级下发 {level} 请在 issueReason 中说明理由。',
    en: 'Notices escalate one rung at a time: the next is {expected}; to issue {level} instead, give the reason in issueReason.',
  },
  bulletinPeriodOpen: {
    'zh-CN': '{period} 尚未结束，{date} 起方可发布通报。',
    en: '{period} has not ended yet; its bulletin can be published from {date}.',
  },
  bulletinNotPublished: {
    'zh-CN': '{period} 没有已发布的通报。',
    en: 'There is no published bulletin for {period}.',
  },
  reasonRequired: {
    'zh-CN': '请填写理由（{field}）。',
    en: 'Please give a reason ({field}).',
  },
  badMonth: {
    'zh-CN': '{field} 应为月份，如 2026-09。',
    en: '{field} must be a month such as 2026-09.',
  },
  badTrendRange: {
    'zh-CN': '月份范围无效：from 不能晚于 to，且最多 {max} 个月。',
    en: 'Invalid month range: from must not be after to, and it spans at most {max} months.',
  },
  linkOutsideCounty: {
    'zh-CN': '只能关联本县（区）的工作目标；地区级目标由地区关联。',
    en: 'You can link only your own county’s targets; region-level targets are linked by the region.',
  },
  carrierHasTargets: {
    'zh-CN': '该单位或干部负责 {count} 项工作目标，不能调往其他县（区）：请先把这些目标交给本县（区）的其他单位或干部。',
    en: 'This department or cadre carries {count} targets and cannot move to another county: hand the targets to another department or cadre of the county first.',
  },
  evaluationCorrectedByPrefecture: {
    'zh-CN': '县（区）可以录入本县干部的民主测评票数；更正、删除或恢复已录入的测评由地区办理。',
    en: 'A county records its cadres’ democratic-evaluation votes; correcting, deleting or restoring recorded votes is for the prefecture.',
  },
  periodAfterReport: {
    'zh-CN': '报告日期 {date} 时 {period} 尚未开始：请填写报告所涵盖的期间。',
    en: 'On the report date {date}, {period} had not begun: give the period the report covers.',
  },
  portInUse: {
    'zh-CN': '端口 {port} 已被占用：请关闭占用该端口的程序，或用 PORT 指定其他端口（例如 PORT=4001 npm start）。',
    en: 'Port {port} is already in use: stop the program using it, or choose another port with PORT (e.g. PORT=4001 npm start).',
  },
  notFoundByCode: {
    'zh-CN': '代码为 {code} 的{entity}不存在或无权查看。',
    en: 'No {entity} with code {code} exists or is visible to you.',
  },
  idOrCode: {
    'zh-CN': '请只给出 {field} 与对应的代码之一，且二者须指向同一记录。',
    en: 'Give either {field} or the matching code, and they must name the same record.',
  },
  internal: {
    'zh-CN': '服务器内部错误（请求编号 {requestId}）。请稍后重试，或把编号告知管理员。',
    en: 'Internal server error (request {requestId}). Try again later, or give the request id to an administrator.',
  },
  // Security (attacks refused; see docs/security.md).
  credentialThrottled: {
    'zh-CN': '密码尝试过于频繁，请在 {seconds} 秒后再试。',
    en: 'Too many password attempts; try again in {seconds} seconds.',
  },
  oneLoginPerRequest: {
    'zh-CN': '一次 HTTP 请求最多只能包含一次 login 或 changePassword（别名和批量操作也算在内）。',
    en: 'One HTTP request may contain at most one login or changePassword (aliases and batched operations included).',
  },
  tooManyStatements: {
    'zh-CN': '该请求需要执行的数据库语句超过上限 {max} 条；请拆分查询或减少别名。',
    en: 'This request needs more than {max} database statements; split it or use fewer aliases.',
  },
  requestTooLong: {
    'zh-CN': '该请求运行超过 {seconds} 秒，已停止；请缩小查询范围。',
    en: 'This request ran longer than {seconds} seconds and was stopped; narrow the query.',
  },
  statementTimeout: {
    'zh-CN': '一条数据库语句运行时间过长，已停止；请缩小查询范围。',
    en: 'A database statement ran too long and was stopped; narrow the query.',
  },
  filterTooManyValues: {
    'zh-CN': '筛选条件共含 {count} 个值，超过上限 {max}。',
    en: 'The filter holds {count} values in all, more than the limit of {max}.',
  },
  filterTooManyBranches: {
    'zh-CN': '筛选条件的 and/or/not 分支共 {count} 个，超过上限 {max}。',
    en: 'The filter has {count} and/or/not branches in all, more than the limit of {max}.',
  },
  filterTooDeep: {
    'zh-CN': '筛选条件嵌套超过 {max} 层。',
    en: 'The filter is nested more than {max} levels deep.',
  },
  filterValueTooLong: {
    'zh-CN': '筛选值最长 {max} 个字符（收到 {length} 个）。',
    en: 'A filter value may be at most {max} characters long (got {length}).',
  },
  nulCharacter: {
    'zh-CN': '文本中不能包含空字符（\\u0000）。',
    en: 'Text may not contain the NUL character (\\u0000).',
  },
  tooManyBytes: {
    'zh-CN': '{field} 过长：最多 {max} 字节（UTF-8；一个汉字 3 字节，一个表情符号 4 字节）。',
    en: '{field} is too long: at most {max} bytes of UTF-8 (a Chinese character takes 3, an emoji 4).',
  },
  serviceUnavailable: {
    'zh-CN': '数据库暂时无法访问，请稍后重试（请求编号 {requestId}）。',
    en: 'The database cannot be reached at the moment; please retry shortly (request {requestId}).',
  },
  concurrentWrite: {
    'zh-CN': '另一个请求刚刚做了同样的修改；请刷新后再试。',
    en: 'Another request has just made the same change; reload and try again.',
  },
  forbiddenApiKeyFilter: {
    'zh-CN': 'API 密钥只能按单位、类别、性质、状态、预警和日期筛选，不能按 {field} 筛选。',
    en: 'An API key may filter by units, category, kind, status, warning and dates only, not by {field}.',
  },
  unknownOperation: {
    'zh-CN': '文档中没有名为 {name} 的操作。',
    en: 'The document has no operation named {name}.',
  },
  operationNameRequired: {
    'zh-CN': '文档包含多个操作，请用 operationName 指明要执行哪一个。',
    en: 'The document holds several operations; name the one to run in operationName.',
  },
  inputTooDeep: {
    'zh-CN': '输入嵌套层数过多，请简化筛选条件。',
    en: 'The input is nested too deeply; simplify the filter.',
  },
  // Assessment and accountability (docs/rules.md "Assessment").
  voteCount: {
    'zh-CN': '{field} 应为 0 到 100000 之间的整数票数。',
    en: '{field} must be a whole number of votes from 0 to 100 000.',
  },
  votesNone: {
    'zh-CN': '民主测评至少要有一票。',
    en: 'A democratic evaluation needs at least one vote.',
  },
  evaluationExists: {
    'zh-CN': '该干部 {period} 的民主测评已经录入，请修改已有记录。',
    en: 'This cadre already has a democratic evaluation for {period}; change that one instead.',
  },
  assessmentConfirmed: {
    'zh-CN': '该考核已确认（冻结），不能再调整或删除；如需重新考核，请再次计算生成新的草稿。',
    en: 'This assessment is confirmed (frozen) and cannot be changed or deleted; compute again to make a new draft.',
  },
  overrideNeedsReason: {
    'zh-CN': '调整考核等次必须填写理由（reason）。',
    en: 'Overriding the tier needs a reason.',
  },
  nothingToAssess: {
    'zh-CN': '该干部在 {period} 既没有到期的工作目标，也没有民主测评票数，无法考核。',
    en: 'The cadre has no target due in {period} and no evaluation votes: there is nothing to assess.',
  },
  badMonthRange: {
    'zh-CN': '月份范围无效：from 和 to 写作 2026-01（或 2026、2026-Q1），from 不晚于 to，最多 36 个月。',
    en: 'Invalid month range: write from and to as 2026-01 (or 2026, 2026-Q1), from not after to, at most 36 months.',
  },
  assessmentSentence: {
    'zh-CN': '{period} 考核总分 {total} = {parts}{penalty}；建议等次：{tier}（{reason}）。',
    en: 'Assessment {period}: total {total} = {parts}{penalty}; suggested tier: {tier} ({reason}).',
  },
  assessmentPart: {
    'zh-CN': '{label} {value} × {weight}',
    en: '{label} {value} × {weight}',
  },
  assessmentPenalty: {
    'zh-CN': ' − 问责扣分 {penalty}',
    en: ' − accountability penalties {penalty}',
  },
  assessmentMissing: {
    'zh-CN': '（{labels}缺项，其余权重按比例调整）',
    en: ' ({labels} missing: the other weights rescaled)',
  },
  componentTARGET: { 'zh-CN': '目标完成', en: 'targets' },
  componentTIMELINESS: { 'zh-CN': '按时完成', en: 'timeliness' },
  componentINSPECTION: { 'zh-CN': '督查', en: 'inspections' },
  componentDEMOCRATIC: { 'zh-CN': '民主测评', en: 'democratic evaluation' },
  tierPROMOTE: { 'zh-CN': '重用', en: 'PROMOTE (重用)' },
  tierUSE: { 'zh-CN': '使用', en: 'USE (使用)' },
  tierCAUTION: { 'zh-CN': '慎用', en: 'CAUTION (慎用)' },
  tierDO_NOT_USE: { 'zh-CN': '不用', en: 'DO_NOT_USE (不用)' },
  tierReasonThreshold: {
    'zh-CN': '总分不低于 {threshold}',
    en: 'total at least {threshold}',
  },
  tierReasonBelow: {
    'zh-CN': '总分低于 {threshold}',
    en: 'total below {threshold}',
  },
  tierReasonRemoval: {
    'zh-CN': '考核期内被免职，不论得分',
    en: 'removed from office in the period, whatever the score',
  },
  tierReasonVotes: {
    'zh-CN': '不称职票 {incompetent}/{votes}，超过 {share}，不论得分',
    en: '{incompetent} of {votes} votes incompetent, above {share}, whatever the score',
  },
  tierOverridden: {
    'zh-CN': '；审核调整为{tier}：{reason}',
    en: '; overridden to {tier}: {reason}',
  },
  consistencyBEYOND_SIGMA: {
    'zh-CN': '{months} 中连续三个月有两个月的进度得分在均值同一侧偏离超过 {k} 个标准差（西电规则 2）。',
    en: 'Two of three months in a row lie more than {k} standard deviations from the mean on the same side: {months} (Western Electric rule 2).',
  },
  consistencyALTERNATING: {
    'zh-CN': '时好时坏：进度得分升降方向反复 {n} 次（超出噪声容差，纳尔逊规则 4）：{months}。',
    en: 'Good one month, bad the next: the schedule score changed direction {n} times beyond the noise tolerance (Nelson rule 4): {months}.',
  },
  consistencySAME_SIDE_RUN: {
    'zh-CN': '连续 {n} 个月处于均值同一侧（纳尔逊规则 2）：{months}。',
    en: '{n} months in a row on one side of the mean (Nelson rule 2): {months}.',
  },
  consistencyMISSED_REPORTS: {
    'zh-CN': '{n} 个月应报未报（报送不足应报目标的 {share}）：{months}。',
    en: '{n} months in which fewer than {share} of the targets due reported: {months}.',
  },
  consistencyBURSTY_REPORTING: {
    'zh-CN': '报送时紧时松、集中突击：突发度 {b}（阈值 {threshold}）；报送月份：{months}。',
    en: 'Reporting comes in bursts: burstiness {b} (threshold {threshold}); months reported: {months}.',
  },
  policyTierOrder: {
    'zh-CN': '考核等次阈值须逐级递减：重用（tierPromote）> 使用（tierUse）> 慎用（tierCaution）。',
    en: 'Tier thresholds must descend: tierPromote > tierUse > tierCaution.',
  },
  policyWeightsZero: {
    'zh-CN': '四项考核权重（目标、按时、督查、民主测评）之和须大于 0。',
    en: 'The four assessment weights (target, timeliness, inspection, democratic) must add up to more than 0.',
  },
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof messages;

export function translate(key: MessageKey, params: Params = {}, lang?: Lang): string {
  const chosen = lang ?? requestStore.getStore()?.lang ?? 'zh-CN';
  const template = messages[key][chosen];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Names of entity types as people read them. */
export const entityLabels: Record<string, Message> = {
  Region: { 'zh-CN': '地区', en: 'region' },
  County: { 'zh-CN': '县（区）', en: 'county' },
  Department: { 'zh-CN': '部门', en: 'department' },
  Cadre: { 'zh-CN': '干部', en: 'cadre' },
  User: { 'zh-CN': '用户', en: 'user' },
  AuditEvent: { 'zh-CN': '审计事件', en: 'audit event' },
  Directive: { 'zh-CN': '上级部署', en: 'directive' },
  Target: { 'zh-CN': '工作目标', en: 'target' },
  ProgressReport: { 'zh-CN': '进展报告', en: 'progress report' },
  Inspection: { 'zh-CN': '督查', en: 'inspection' },
  SupervisionNotice: { 'zh-CN': '督办单', en: 'supervision notice' },
  FieldResearch: { 'zh-CN': '调研', en: 'field research' },
  PublicFeedback: { 'zh-CN': '群众意见', en: 'public feedback' },
  Bulletin: { 'zh-CN': '通报', en: 'bulletin' },
  ApiKey: { 'zh-CN': 'API 密钥', en: 'API key' },
  AssessmentPolicy: { 'zh-CN': '考核政策', en: 'assessment policy' },
  DemocraticEvaluation: { 'zh-CN': '民主测评', en: 'democratic evaluation' },
  Accountability: { 'zh-CN': '责任追究', en: 'accountability record' },
  Assessment: { 'zh-CN': '考核', en: 'assessment' },
};

export function entityLabel(entityType: string, lang?: Lang): string {
  const chosen = lang ?? requestStore.getStore()?.lang ?? 'zh-CN';
  return entityLabels[entityType]?.[chosen] ?? entityType;
}
