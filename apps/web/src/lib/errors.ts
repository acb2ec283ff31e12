import { isApiError } from './http';
import { getLocale, translate } from './i18n';

/** How the current app (console: antd, H5: antd-mobile) shows an error. */
export interface ErrorPresenter {
  error(text: string): void;
  internal(text: string, requestId: string | undefined): void;
}

let presenter: ErrorPresenter = {
  error: (text) => console.error(text),
  internal: (text, requestId) => console.error(text, requestId),
};
let sessionLost: (mfaPending: boolean) => void = () => {};

export function setErrorPresenter(next: ErrorPresenter): void {
  presenter = next;
}

/** Registered by the session module: called when the server says we are (no longer) logged in. */
export function onSessionLost(handler: (mfaPending: boolean) => void): void {
  sessionLost = handler;
}

/** The single place API errors become something the user sees. */
export function reportError(e: unknown): void {
  if (!isApiError(e)) {
    presenter.error(e instanceof Error ? e.message : String(e));
    return;
  }
  switch (e.code) {
    case 'UNAUTHENTICATED':
      sessionLost(false);
      return;
    case 'MFA_REQUIRED':
      sessionLost(true);
      return;
    case 'INTERNAL':
      presenter.internal(e.message, e.requestId);
      return;
    case 'NETWORK_ERROR':
      presenter.error(translate(getLocale(), 'error.network'));
      return;
    default:
      presenter.error(withDetails(e.message, e.details));
  }
}

/** Without a form to mark, the field messages go with the summary: "请检查标出的字段" alone would leave the user guessing. */
function withDetails(message: string, details: unknown): string {
  if (!Array.isArray(details)) return message;
  const texts = details
    .map((d) => (d && typeof d === 'object' && 'message' in d ? String((d as { message: unknown }).message) : ''))
    .filter((t) => t !== '');
  return texts.length === 0 ? message : `${message}：${texts.join('；')}`;
}

type FieldName = (string | number)[];
type SetFields = (fields: { name: FieldName; errors: string[] }[]) => void;
/** The part of an antd / antd-mobile FormInstance we need (any form's typed setFields fits `never`). */
export interface FormLike {
  setFields: (fields: never) => void;
  getFieldsValue: (all: true) => unknown;
}

function hasPath(values: unknown, name: FieldName): boolean {
  let cur: unknown = values;
  for (const seg of name) {
    if (cur === null || typeof cur !== 'object' || !(seg in (cur as Record<string | number, unknown>))) return false;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return true;
}

/**
 * Errors that name fields (VALIDATION_FAILED, WEAK_PASSWORD, a wrong current password…: `details[].path`)
 * → messages under the matching form fields; everything else → reportError.
 */
export function applyFormError(form: FormLike, e: unknown): void {
  if (isApiError(e) && e.fieldIssues().length > 0) {
    const values = form.getFieldsValue(true);
    const issues = e.fieldIssues();
    const placed = issues.filter((i) => i.name.length > 0 && hasPath(values, i.name));
    if (placed.length > 0) (form.setFields as SetFields)(placed.map((i) => ({ name: i.name, errors: [i.message] })));
    if (placed.length === issues.length && placed.length > 0) return;
    const rest = issues.filter((i) => !placed.includes(i));
    presenter.error(
      rest.length > 0 ? rest.map((i) => i.message).join(getLocale() === 'zh-CN' ? '；' : '; ') : e.message,
    );
    return;
  }
  reportError(e);
}
