import type { Rule } from 'antd/es/form';
import type { Translate } from './i18n';

/** The slice of a Zod schema we read: `safeParse`, and for strings `minLength` / `maxLength`. */
export interface SchemaLike {
  safeParse(value: unknown): { success: boolean };
  minLength?: number | null;
  maxLength?: number | null;
  unwrap?: () => SchemaLike;
}

function inner(schema: SchemaLike): SchemaLike {
  let s = schema;
  for (let i = 0; i < 4 && typeof s.unwrap === 'function' && s.minLength === undefined; i++) s = s.unwrap();
  return s;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Form rules derived from the same Zod schema the server validates with, with our own translated messages:
 * required (unless optional), min/max length, then the schema itself (patterns, ranges) as a last check.
 */
export function rulesFrom(
  schema: SchemaLike,
  t: Translate,
  opts: { required?: boolean; invalid?: string } = {},
): Rule[] {
  const s = inner(schema);
  const rules: Rule[] = [];
  if (opts.required) rules.push({ required: true, message: t('form.required') });
  if (typeof s.minLength === 'number' && s.minLength > 1) {
    rules.push({ min: s.minLength, message: t('form.minLength', { n: s.minLength }) });
  }
  if (typeof s.maxLength === 'number')
    rules.push({ max: s.maxLength, message: t('form.maxLength', { n: s.maxLength }) });
  rules.push({
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) return;
      // Length problems are already reported by the rules above; say one thing at a time.
      const len = typeof value === 'string' ? value.trim().length : undefined;
      if (len !== undefined && typeof s.minLength === 'number' && len < s.minLength) return;
      if (len !== undefined && typeof s.maxLength === 'number' && len > s.maxLength) return;
      if (!schema.safeParse(value).success) throw new Error(opts.invalid ?? t('form.invalid'));
    },
  });
  return rules;
}
