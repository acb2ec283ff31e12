import type { Locale } from '@red-engine/shared';

export type LocalizedText = Record<Locale, string>;

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

/** Server-side texts shown to users; every entry exists in both languages. */
export const MESSAGES = {
  validationFailed: t('提交的内容有误，请检查标出的字段', 'Some fields are invalid; please check the marked fields'),
  unauthenticated: t('请先登录', 'Please log in first'),
  mfaRequired: t('请完成双因素认证', 'Please complete two-factor authentication'),
  invalidCredentials: t('用户名或密码错误', 'Wrong username or password'),
  throttled: (s: number) =>
    t(`登录失败次数过多，请 ${s} 秒后再试`, `Too many failed attempts; try again in ${s} seconds`),
  locked: (minutes: number) =>
    t(
      `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
      `Too many failed logins: the account is locked. Try again in ${minutes} minutes or ask an administrator to unlock it`,
    ),
  disabled: t('账号已停用，请联系管理员', 'This account is disabled; contact an administrator'),
  invalidMfaCode: t('验证码错误或已过期', 'The code is wrong or has expired'),
  csrfFailed: t('安全校验失败，请刷新页面后重试', 'Security check failed; reload the page and try again'),
  forbidden: t('您没有执行此操作的权限', 'You do not have permission to do this'),
  notFound: t('未找到该记录', 'Not found'),
  routeNotFound: t('接口不存在', 'No such endpoint'),
  invalidUrl: t('请求地址无效', 'The request address is not valid'),
  conflict: t('数据已被修改或已存在，请刷新后重试', 'The data changed or already exists; reload and try again'),
  payloadTooLarge: t('提交的内容过大', 'The request is too large'),
  unsupportedMediaType: t('不支持的内容类型', 'Unsupported content type'),
  rateLimited: t('操作过于频繁，请稍后再试', 'Too many requests; please slow down'),
  internal: t(
    '服务器内部错误，请联系管理员并提供请求编号',
    'Internal error; contact an administrator with the request id',
  ),
  malformedJson: t('请求内容不是有效的 JSON', 'The request body is not valid JSON'),
  weakPassword: (min: number) =>
    t(
      `密码至少 ${min} 位，且须包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名`,
      `Passwords need at least ${min} characters, three of upper case, lower case, digits and symbols, and must not contain the username`,
    ),
  passwordReused: t('新密码不能与当前密码相同', 'The new password must differ from the current one'),
  wrongCurrentPassword: t('当前密码不正确', 'The current password is wrong'),
  orgChildTypeNotAllowed: (parent: string, child: string) =>
    t(`“${parent}”下不能设立“${child}”`, `A ${child} cannot be created under a ${parent}`),
  orgCodeTaken: (code: string) => t(`组织编码 ${code} 已被使用`, `Organization code ${code} is already used`),
  usernameTaken: (u: string) => t(`用户名 ${u} 已被使用`, `Username ${u} is already taken`),
  roleOutOfScope: t('只能在自己管理的组织范围内授予角色', 'Roles can only be granted inside your own organizations'),
  roleTooHigh: t('不能授予高于自身的角色', 'You cannot grant a role above your own'),
  userOutOfReach: t(
    '该用户还拥有您无权管理的角色，不能由您修改',
    'This user also holds roles you cannot manage, so you cannot change this account',
  ),
  tokenPermissionNotHeld: t('令牌权限不能超出您自己的权限', 'A token cannot have permissions you do not hold'),
  mfaNotEnrolled: t('尚未开始绑定双因素认证', 'Two-factor enrolment has not been started'),
  mfaAlreadyEnabled: t('双因素认证已开启', 'Two-factor authentication is already on'),
  cannotDisableSelf: t('不能停用自己的账号', 'You cannot disable your own account'),
  nullCharacter: t('内容包含不允许的控制字符', 'The text contains a forbidden control character'),
} as const;

export function pick(text: LocalizedText | string, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}

const FIELD_ISSUES: Record<string, (p: Record<string, unknown>) => LocalizedText> = {
  invalid_type: (p) =>
    p.input === undefined && (typeof p.zodMessage !== 'string' || p.zodMessage.endsWith('received undefined'))
      ? t('必填', 'Required')
      : t(`类型错误，应为 ${String(p.expected)}`, `Wrong type; expected ${String(p.expected)}`),
  too_small: (p) =>
    p.origin === 'string'
      ? t(`至少 ${String(p.minimum)} 个字符`, `At least ${String(p.minimum)} characters`)
      : p.origin === 'array'
        ? t(`至少 ${String(p.minimum)} 项`, `At least ${String(p.minimum)} items`)
        : t(`不能小于 ${String(p.minimum)}`, `Must be at least ${String(p.minimum)}`),
  too_big: (p) =>
    p.origin === 'string'
      ? t(`最多 ${String(p.maximum)} 个字符`, `At most ${String(p.maximum)} characters`)
      : p.origin === 'array'
        ? t(`最多 ${String(p.maximum)} 项`, `At most ${String(p.maximum)} items`)
        : t(`不能大于 ${String(p.maximum)}`, `Must be at most ${String(p.maximum)}`),
  invalid_format: (p) => t(`格式不正确（${String(p.format)}）`, `Invalid format (${String(p.format)})`),
  invalid_value: (p) =>
    t(
      `取值无效，可选值：${Array.isArray(p.values) ? p.values.join('、') : ''}`,
      `Invalid value; allowed: ${Array.isArray(p.values) ? p.values.join(', ') : ''}`,
    ),
  unrecognized_keys: (p) =>
    t(
      `不认识的字段：${Array.isArray(p.keys) ? p.keys.join('、') : ''}`,
      `Unknown fields: ${Array.isArray(p.keys) ? p.keys.join(', ') : ''}`,
    ),
  not_multiple_of: () => t('数值不符合要求', 'Invalid number'),
  invalid_union: () => t('取值无效', 'Invalid value'),
  invalid_key: () => t('字段名无效', 'Invalid key'),
  invalid_element: () => t('元素无效', 'Invalid element'),
  custom: () => t('取值无效', 'Invalid value'),
};

export function fieldIssueText(code: string, params: Record<string, unknown>, locale: Locale): string {
  const f = FIELD_ISSUES[code] ?? FIELD_ISSUES.custom!;
  return f(params)[locale];
}
