/** Fiscal years from the data, "new year", and the organisation rollover with a preview (issue 12 item 8). */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`fiscal years and rollover (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("years come from the data; a new year; preview then roll the organisation over", async () => {
      const admin = await t.login("demoadmin");
      const staff = await t.login("unit151001");
      const years = (await staff.request("GET", "/api/v1/fiscal-years")).json().items;
      assert.deepEqual(years, [2024], "the demo data is 2024 only (the foreign region's years are not ours)");
      assert.equal((await staff.request("POST", "/api/v1/fiscal-years", { fiscalYear: 2027 })).statusCode, 403);
      const opened = (await admin.request("POST", "/api/v1/fiscal-years", { fiscalYear: 2027 })).json().items;
      assert.deepEqual(opened, [2024, 2027]);

      const bad = await admin.request("GET", "/api/v1/org/rollover?from=2025&to=2024");
      assert.equal(bad.statusCode, 400);
      const pv = (await admin.request("GET", "/api/v1/org/rollover?from=2024&to=2025")).json();
      assert.ok(pv.departments.length >= 1 && pv.departments.every((d: { exists: boolean }) => !d.exists));
      assert.deepEqual(
        pv.units.map((u: { code: string }) => u.code),
        ["151001", "151002"],
      );
      assert.deepEqual(pv.usersWithoutScope, [], "after the rollover every user's unit and department exist");
      assert.ok(pv.usersKept >= 5);
      assert.equal(
        (await admin.request("GET", "/api/v1/units?fiscalYear=2025")).json().items.length,
        0,
        "a preview changes nothing",
      );
      assert.equal((await staff.request("POST", "/api/v1/org/rollover", { from: 2024, to: 2025 })).statusCode, 403);
      const done = await admin.request("POST", "/api/v1/org/rollover", { from: 2024, to: 2025 });
      assert.equal(done.statusCode, 200, done.body);
      assert.ok(done.json().units.every((u: { exists: boolean }) => u.exists));
      assert.deepEqual(done.json().usersWithoutScope, []);
      const units = (await staff.request("GET", "/api/v1/units?fiscalYear=2025")).json().items;
      assert.deepEqual(
        units.map((u: { code: string }) => u.code),
        ["151001"],
        "the unit's staff keep their scope in the new year",
      );
      // Twice is harmless; a 2025 project can now be created in the rolled-over unit.
      assert.equal((await admin.request("POST", "/api/v1/org/rollover", { from: 2024, to: 2025 })).statusCode, 200);
      assert.deepEqual((await staff.request("GET", "/api/v1/fiscal-years")).json().items, [2024, 2025, 2027]);
    });
  });
}
