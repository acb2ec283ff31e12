import { PASSWORD_MIN_LENGTH } from '@red-engine/shared';

/** Returns true when the password meets the rules: length, three character classes, no username inside. */
export function isStrongPassword(password: string, username: string): boolean {
  if (password.length < PASSWORD_MIN_LENGTH) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return false;
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return false;
  return true;
}
