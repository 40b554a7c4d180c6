import { requestStore, type Lang } from './i18n.js';

/**
 * graphql-js writes its parse and validation messages in English. Chinese-first callers get
 * them in Chinese: each known message shape with its Chinese wording (names and values kept
 * as written). A message of an unknown shape is left in English rather than guessed at.
 */
const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  [/^Cannot query field "([^"]+)" on type "([^"]+)"\.(.*)$/s, (f, t, rest) => `类型 ${t} 上没有字段 "${f}"。${didYouMean(rest)}`],
  [/^Unknown argument "([^"]+)" on field "([^"]+)"\.(.*)$/s, (a, f, rest) => `字段 ${f} 没有参数 "${a}"。${didYouMean(rest)}`],
  [/^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.$/, (f, a, t) => `字段 ${f} 缺少必填参数 "${a}"（类型 ${t}）。`],
  [/^Field "([^"]+)" of required type "([^"]+)" was not provided\.$/, (f, t) => `缺少必填字段 ${f}（类型 ${t}）。`],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"\.(.*)$/s, (f, t, rest) => `输入类型 ${t} 中没有字段 "${f}"。${didYouMean(rest)}`],
  [/^Value "([^"]+)" does not exist in "([^"]+)" enum\.(.*)$/s, (v, e, rest) => `枚举 ${e} 中没有值 "${v}"。${didYouMean(rest)}`],
  [/^Enum "([^"]+)" cannot represent non-enum value: (.*)\.(.*)$/s, (e, v, rest) => `枚举 ${e} 不能表示非枚举值 ${v}。${didYouMean(rest)}`],
  [/^Variable "([^"]+)" of required type "([^"]+)" was not provided\.$/, (v, t) => `缺少必填变量 ${v}（类型 ${t}）。`],
  [/^Variable "([^"]+)" of non-null type "([^"]+)" must not be null\.$/, (v, t) => `变量 ${v}（类型 ${t}）不能为 null。`],
  [/^Variable "([^"]+)" got invalid value (.*?); (.*)$/s, (v, value, rest) => `变量 ${v} 的值 ${value} 无效：${localize(rest, 'zh-CN')}`],
  [/^Variable "([^"]+)" is not defined(?: by operation "([^"]+)")?\.$/, (v) => `变量 ${v} 未定义。`],
  [/^Variable "([^"]+)" is never used(?: in operation "([^"]+)")?\.$/, (v) => `变量 ${v} 没有被使用。`],
  [/^Variable "([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"\.$/, (v, t, e) => `变量 ${v} 的类型 ${t} 与所需类型 ${e} 不符。`],
  [/^Expected value of type "([^"]+)", found (.*?)(?:; (.*))?$/s, (t, v, why) => `应为 ${t} 类型的值，实际为 ${v}${why ? `：${localize(why, 'zh-CN')}` : '。'}`],
  [/^Expected type "([^"]+)" to be an object\.$/, (t) => `${t} 应为对象。`],
  [/^Int cannot represent non-integer value: (.*)$/s, (v) => `Int 不能表示非整数值：${v}`],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, (v) => `Int 超出 32 位有符号整数范围：${v}`],
  [/^Float cannot represent non numeric value: (.*)$/s, (v) => `Float 不能表示非数值：${v}`],
  [/^String cannot represent a non string value: (.*)$/s, (v) => `String 不能表示非字符串值：${v}`],
  [/^Boolean cannot represent a non boolean value: (.*)$/s, (v) => `Boolean 不能表示非布尔值：${v}`],
  [/^ID cannot represent value: (.*)$/s, (v) => `ID 不能表示该值：${v}`],
  [/^Unknown type "([^"]+)"\.(.*)$/s, (t, rest) => `未知类型 "${t}"。${didYouMean(rest)}`],
  [/^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\.$/, (f, t) => `字段 "${f}" 的类型 ${t} 没有子字段，不能带选择集。`],
  [/^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\.(.*)$/s, (f, t) => `字段 "${f}"（类型 ${t}）必须选择子字段。`],
  [/^Unknown fragment "([^"]+)"\.$/, (f) => `未知片段 "${f}"。`],
  [/^Fragment "([^"]+)" is never used\.$/, (f) => `片段 "${f}" 没有被使用。`],
  [/^There can be only one operation named "([^"]+)"\.$/, (o) => `只能有一个名为 "${o}" 的操作。`],
  [/^This anonymous operation must be the only defined operation\.$/, () => '匿名操作必须是唯一的操作。'],
  [/^Unknown directive "([^"]+)"\.$/, (d) => `未知指令 "${d}"。`],
  [/^LocalDate must be a calendar date written YYYY-MM-DD, e\.g\. 2026-09-30 \(got (.*)\)\.$/s, (v) => `LocalDate 应为 YYYY-MM-DD 格式的日历日期，例如 2026-09-30（收到 ${v}）。`],
  [/^DateTime cannot represent an invalid date-time-string (.*)\.$/s, (v) => `DateTime 不能表示无效的日期时间字符串 ${v}。`],
  [/^DateTime cannot represent (.*)$/s, (v) => `DateTime 不能表示 ${v}`],
  [/^ID cannot represent a non-string and non-integer value: (.*)$/s, (v) => `ID 只能是字符串或整数（收到 ${v}）`],
  [/^Syntax Error: Expected Name, found <EOF>\.$/, () => '语法错误：应为名称，却已到查询末尾（是否少了右括号 }？）。'],
  [/^Syntax Error: Expected (.*?), found <EOF>\.$/s, (e) => `语法错误：应为 ${e}，却已到查询末尾。`],
  [/^Syntax Error: Expected (.*?), found (.*)\.$/s, (e, f) => `语法错误：应为 ${e}，却遇到 ${f}。`],
  [/^Syntax Error: Unexpected (.*)\.$/s, (f) => `语法错误：意外的 ${f}。`],
  [/^Syntax Error: Unterminated string\.$/, () => '语法错误：字符串没有结束引号。'],
  [/^Syntax Error: (.*)$/s, (m) => `语法错误：${m}`],
  [/^POST body missing, invalid Content-Type, or JSON object has no keys\.$/, () => '请求体缺失或不是 JSON 对象：请以 content-type: application/json 发送 {"query": …}。'],
  [/^GraphQL queries must be strings\.?$/, () => 'query 必须是字符串。'],
  [/^`variables` in a POST body should be provided as an object\.?$/, () => 'POST 请求体中的 variables 应为对象。'],
  [/^POST body sent invalid JSON\.?$/, () => '请求体不是有效的 JSON。'],
  [/^Must provide query string\.$/, () => '请提供查询语句（query）。'],
  [/^Must provide operation name if query contains multiple operations\.$/, () => '查询包含多个操作时必须提供 operationName。'],
  [/^Unknown operation named "([^"]+)"\.$/, (o) => `没有名为 "${o}" 的操作。`],
];

function didYouMean(rest: string): string {
  const m = /Did you mean (.*)\?/s.exec(rest ?? '');
  return m ? `您是否想要：${m[1].replace(/, or /g, '、').replace(/ or /g, '、').replace(/, /g, '、')}？` : '';
}

function localize(message: string, lang: Lang): string {
  if (lang !== 'zh-CN') return message;
  for (const [pattern, zh] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return zh(...m.slice(1).map((s) => s ?? ''));
  }
  return message;
}

/** A graphql-js message in the language of the current request. */
export function localizeGraphqlMessage(message: string): string {
  return localize(message, requestStore.getStore()?.lang ?? 'zh-CN');
}
