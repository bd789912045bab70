/**
 * The password policy (docs/SECURITY.md): at least 10 characters, at most 200, not a common
 * password, not the username, not the current password, and not one or two characters repeated.
 * Returns a coded error value; nothing throws here.
 */
import { AppError } from "../errors.ts";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const weak = (reason: string, zh: string, en: string): AppError =>
  new AppError("auth.weak-password", `密码不符合要求：${zh}`, `Password refused: ${en}`, { reason });

/** Why `password` is refused for `username`, or null when it is acceptable. */
export function passwordProblem(password: string, username: string, current?: string): AppError | null {
  const p = password.normalize("NFC");
  const chars = [...p];
  if (chars.length < PASSWORD_MIN_LENGTH)
    return weak("too-short", `至少 ${PASSWORD_MIN_LENGTH} 个字符`, `at least ${PASSWORD_MIN_LENGTH} characters`);
  if (chars.length > PASSWORD_MAX_LENGTH)
    return weak("too-long", `最多 ${PASSWORD_MAX_LENGTH} 个字符`, `at most ${PASSWORD_MAX_LENGTH} characters`);
  if (p.trim() === "" || new Set(chars).size < 3)
    return weak("too-simple", "不能只由一两个字符重复组成", "not one or two characters repeated");
  const lower = p.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[\d!@#$%^&*.]+$/, "")))
    return weak("common", "这是常见密码", "it is a common password");
  const user = username.normalize("NFC").toLowerCase();
  if (user.length >= 3 && lower.includes(user)) return weak("username", "不能包含用户名", "it contains the username");
  if (current !== undefined && current.normalize("NFC") === p)
    return weak("unchanged", "不能与当前密码相同", "it is the current password");
  return null;
}
