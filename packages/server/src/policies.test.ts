import assert from "node:assert/strict";
import test from "node:test";
import { type Actor, ALLOWED, may, ROLES, unitInScope } from "./policies.ts";

const actor = (role: Actor["role"], over: Partial<Actor> = {}): Actor => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  regionCode: "150100",
  deptCode: role === "dept_reviewer" ? "151" : null,
  unitCode: role === "unit_staff" ? "151001" : null,
  ...over,
});

test("every action declares at least one role and only known roles", () => {
  for (const [action, roles] of Object.entries(ALLOWED)) {
    assert.ok(roles.length > 0, action);
    for (const r of roles) assert.ok((ROLES as readonly string[]).includes(r), `${action}: ${r}`);
  }
});

test("unit staff edit, reviewers approve, only admin manages users", () => {
  assert.equal(may(actor("unit_staff"), "project.edit"), true);
  assert.equal(may(actor("unit_staff"), "project.approve"), false);
  assert.equal(may(actor("dept_reviewer"), "project.approve"), true);
  assert.equal(may(actor("dept_reviewer"), "project.edit"), false);
  assert.equal(may(actor("finance_reviewer"), "audit.read"), true);
  assert.equal(may(actor("dept_reviewer"), "audit.read"), false);
  for (const r of ROLES) assert.equal(may(actor(r), "user.manage"), r === "admin");
});

test("scope: unit, department, region; another region is always outside", () => {
  assert.equal(unitInScope(actor("unit_staff"), "150100", "151001"), true);
  assert.equal(unitInScope(actor("unit_staff"), "150100", "151002"), false);
  assert.equal(unitInScope(actor("dept_reviewer"), "150100", "151002"), true);
  assert.equal(unitInScope(actor("dept_reviewer"), "150100", "152001"), false);
  assert.equal(unitInScope(actor("finance_reviewer"), "150100", "152001"), true);
  for (const r of ROLES) assert.equal(unitInScope(actor(r), "150200", "151001"), false);
});

test("self-evaluation campaign: units fill and submit, departments review, finance samples and advises", () => {
  const roles = (action: Parameters<typeof may>[1]) => ROLES.filter((r) => may(actor(r), action));
  assert.deepEqual(roles("selfEvaluation.edit"), ["unit_staff", "admin"]);
  assert.deepEqual(roles("selfEvaluation.submit"), ["unit_staff", "admin"]);
  assert.deepEqual(roles("selfEvaluation.review"), ["dept_reviewer", "admin"]);
  assert.deepEqual(roles("selfEvaluation.openRegion"), ["finance_reviewer", "admin"]);
  assert.deepEqual(roles("selfEvaluation.openDepartment"), ["dept_reviewer", "admin"]);
  assert.deepEqual(roles("selfEvaluation.spotCheck"), ["finance_reviewer", "admin"]);
  assert.deepEqual(roles("selfEvaluation.advice"), ["finance_reviewer", "admin"]);
  assert.deepEqual(roles("rectification.create"), ["dept_reviewer", "finance_reviewer", "admin"]);
  assert.deepEqual(roles("rectification.done"), [...ROLES]);
  // Nobody reviews their own submission: the roles that submit do not review, except the administrator.
  for (const r of ROLES)
    if (r !== "admin")
      assert.ok(!(may(actor(r), "selfEvaluation.submit") && may(actor(r), "selfEvaluation.review")), r);
});
