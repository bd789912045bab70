import assert from "node:assert/strict";
import test from "node:test";
import { generatePassword, hashPassword, verifyPassword } from "./password.ts";

test("scrypt hashes verify the right password only and are salted", async () => {
  const h1 = await hashPassword("正确的密码 pw");
  const h2 = await hashPassword("正确的密码 pw");
  assert.notEqual(h1, h2);
  assert.match(h1, /^scrypt\$16384\$8\$1\$/);
  assert.equal(await verifyPassword("正确的密码 pw", h1), true);
  assert.equal(await verifyPassword("wrong", h1), false);
  assert.equal(await verifyPassword("x", "garbage"), false);
  assert.equal(generatePassword().length, 16);
});
