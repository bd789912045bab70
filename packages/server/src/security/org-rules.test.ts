/**
 * Issue 13, failure 10 (accounts): an admin could disable itself (and the region's last admin);
 * users could be created for units and departments that don't exist; `12345678` was a valid
 * password. Now each is refused with a coded 400/409 and nothing changes.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "../db/test-databases.ts";
import { type Client, openTestApp, type TestApp } from "../http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`account rules (${driver.name})`, () => {
    let t: TestApp;
    let admin: Client;
    let adminId: number;
    before(async () => {
      t = await openTestApp(driver);
      admin = await t.login("admin");
      adminId = (await admin.request("GET", "/api/v1/auth/me")).json().user.id;
    });
    after(async () => t.close());

    const create = (body: Record<string, unknown>) =>
      admin.request("POST", "/api/v1/users", { displayName: "新用户", password: "a long pass phrase", ...body });

    test("users only for units and departments that exist; weak passwords refused", async () => {
      const noUnit = await create({ username: "ghost-unit", role: "unit_staff", unitCode: "999001" });
      assert.equal(noUnit.statusCode, 400, noUnit.body);
      assert.equal(noUnit.json().error.details.field, "unitCode");
      const noDept = await create({ username: "ghost-dept", role: "dept_reviewer", deptCode: "999" });
      assert.equal(noDept.statusCode, 400, noDept.body);
      assert.equal(noDept.json().error.details.field, "deptCode");
      for (const password of ["12345678", "password", "        ", "1234567890"]) {
        const weak = await create({ username: "weakling", role: "unit_staff", unitCode: "151001", password });
        assert.ok([400].includes(weak.statusCode), `${password}: ${weak.statusCode}`);
      }
      const ok = await create({ username: "real-unit", role: "unit_staff", unitCode: "151001" });
      assert.equal(ok.statusCode, 201, ok.body);
      const moved = await admin.request("PATCH", `/api/v1/users/${ok.json().id}`, { unitCode: "999002" });
      assert.equal(moved.statusCode, 400, moved.body);
      const users = (await admin.request("GET", "/api/v1/users")).json();
      const names = (Array.isArray(users) ? users : users.items).map((u: { username: string }) => u.username);
      assert.ok(!names.includes("ghost-unit") && !names.includes("ghost-dept") && !names.includes("weakling"));
    });

    test("an admin cannot disable or demote itself, nor the region's last admin", async () => {
      const self = await admin.request("PATCH", `/api/v1/users/${adminId}`, { disabled: true });
      assert.equal(self.statusCode, 409, self.body);
      assert.equal(self.json().error.code, "user.self");
      const demote = await admin.request("PATCH", `/api/v1/users/${adminId}`, { role: "finance_reviewer" });
      assert.equal(demote.json().error.code, "user.self");
      // demoadmin disables admin … then demoadmin is the last one and admin's session has ended.
      const demo = await t.login("demoadmin");
      const other = await demo.request("PATCH", `/api/v1/users/${adminId}`, { disabled: true });
      assert.equal(other.statusCode, 200, other.body);
      const demoId = (await demo.request("GET", "/api/v1/auth/me")).json().user.id;
      const last = await demo.request("PATCH", `/api/v1/users/${demoId}`, { disabled: true });
      assert.equal(last.json().error.code, "user.self");
      // Re-enable admin: two again; admin may now disable demoadmin, but not the other way round twice.
      assert.equal((await demo.request("PATCH", `/api/v1/users/${adminId}`, { disabled: false })).statusCode, 200);
      const admin2 = await t.login("admin");
      assert.equal((await admin2.request("PATCH", `/api/v1/users/${demoId}`, { disabled: true })).statusCode, 200);
      const row = await t.database.db
        .selectFrom("users")
        .select(["username", "disabled"])
        .where("role", "=", "admin")
        .where("region_code", "=", "150100")
        .where("disabled", "=", false)
        .execute();
      assert.deepEqual(
        row.map((r) => r.username),
        ["admin"],
      );
    });

    test("two admins disabling each other at once: one wins, the region keeps an admin", async () => {
      const ids = Object.fromEntries(
        (await t.database.db.selectFrom("users").select(["id", "username"]).where("role", "=", "admin").execute()).map(
          (u) => [u.username, u.id],
        ),
      );
      const a = await t.login("admin");
      assert.equal((await a.request("PATCH", `/api/v1/users/${ids.demoadmin}`, { disabled: false })).statusCode, 200);
      const d = await t.login("demoadmin");
      const [x, y] = await Promise.all([
        a.request("PATCH", `/api/v1/users/${ids.demoadmin}`, { disabled: true }),
        d.request("PATCH", `/api/v1/users/${ids.admin}`, { disabled: true }),
      ]);
      const codes = [x, y].map((r) => r.statusCode).sort();
      assert.equal(codes[0], 200, `${x.body} ${y.body}`);
      assert.ok([401, 409].includes(codes[1] as number), `${x.body} ${y.body}`);
      const enabled = await t.database.db
        .selectFrom("users")
        .select("username")
        .where("role", "=", "admin")
        .where("region_code", "=", "150100")
        .where("disabled", "=", false)
        .execute();
      assert.equal(enabled.length, 1);
    });
  });
}
