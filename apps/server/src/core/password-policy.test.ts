import { PASSWORD_MIN_LENGTH } from '@red-engine/shared';
import { describe, expect, it } from 'vitest';
import { isStrongPassword } from './password-policy.js';

describe('isStrongPassword', () => {
  it('needs at least PASSWORD_MIN_LENGTH characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
  });

  it.each([
    // [password, username, strong]
    ['RedEngine@2026', 'admin', true],
    ['Abcdefgh1!', 'admin', true], // exactly 10, four classes
    ['Abcdefgh12', 'admin', true], // upper, lower, digit
    ['abcdefgh1!', 'admin', true], // lower, digit, symbol
    ['ABCDEFGH1!', 'admin', true], // upper, digit, symbol
    ['Abcdefghi!', 'admin', true], // upper, lower, symbol
    ['Abcdefg1!', 'admin', false], // 9 characters
    ['', 'admin', false],
    ['abcdefghijkl', 'admin', false], // one class
    ['abcdefgh1234', 'admin', false], // two classes
    ['ABCDEFGH!!!!', 'admin', false], // two classes
    ['1234567890!!', 'admin', false], // two classes
    ['党员密码党员密码党员密码', 'admin', false], // only "other" characters: one class
    ['党员密码abc12345', 'admin', true], // Chinese characters count as symbols
    ['Xadmin-2026!', 'admin', false], // contains the username
    ['X-ADMIN-2026', 'admin', false], // case does not matter
    ['Secretary@2026', 'secretary', false],
    ['Ab1!Ab1!Ab1!', 'ab', true], // usernames shorter than 3 are not searched for
    ['Passw0rd!Member', 'member', false],
    ['Passw0rd!Membe', 'member', true],
  ])('%j for %j → %s', (password, username, strong) => {
    expect(isStrongPassword(password, username)).toBe(strong);
  });
});
