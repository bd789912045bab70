/**
 * 佐证材料 over the API (issue 17), on every driver: the type allow-list by magic bytes, the zip
 * guard on docx/xlsx, per-file and per-project limits enforced while streaming (nothing stored
 * when refused), sanitised names, safe download headers, delete refused once submitted, and
 * isolation (a neighbouring unit and a foreign region see nothing).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { deflateRawSync } from "node:zlib";
import { xlsxBomb } from "@jixiao/formats/testing/zip-bomb.ts";
import { MAX_UPLOAD_BYTES } from "./app.ts";
import { EVIDENCE_LIMITS } from "./commands/evidence/limits.ts";
import { DRIVERS } from "./db/test-databases.ts";
import { type Client, openTestApp, type TestApp } from "./http/test-app.ts";

/** multipart/form-data: optional plain fields first, then the `file`. */
function form(fileName: string, content: Uint8Array, fields: Record<string, string> = {}) {
  const b = `----ev${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${b}--\r\n`),
  );
  return { body: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${b}` } };
}

/** A small zip (deflated entries) — enough for the type check, which reads the entry names. */
function zip(entries: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [n, text] of Object.entries(entries)) {
    const name = Buffer.from(n);
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(central.length / 2, 8);
  eocd.writeUInt16LE(central.length / 2, 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBytes, eocd]));
}

const pdf = (extra = 0): Uint8Array => {
  const head = Buffer.from("%PDF-1.4\n%佐证\n1 0 obj << /Type /Catalog >> endobj\n");
  return new Uint8Array(Buffer.concat([head, Buffer.alloc(extra, 0x20), Buffer.from("\n%%EOF\n")]));
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const DOCX = zip({
  "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
  "word/document.xml": "<w:document><w:body><w:p><w:r><w:t>佐证</w:t></w:r></w:p></w:body></w:document>",
});

for (const driver of DRIVERS) {
  describe(`evidence files (${driver.name})`, () => {
    let t: TestApp;
    let staff: Client;
    let projectId: number;
    let indicatorId: string;
    const url = () => `/api/v1/projects/${projectId}/self-evaluation/evidence`;
    const upload = (c: Client, name: string, bytes: Uint8Array, fields?: Record<string, string>) => {
      const m = form(name, bytes, fields);
      return c.request("POST", url(), m.body, m.headers);
    };
    const stored = async () =>
      (
        await t.database.db
          .selectFrom("evidence_files")
          .select(["id", "file_name"])
          .where("project_id", "=", projectId)
          .execute()
      ).length;
    const audits = async () =>
      (
        await t.database.db
          .selectFrom("audit_log")
          .select("id")
          .where("action", "in", ["evidence.upload", "evidence.delete"])
          .execute()
      ).length;

    before(async () => {
      t = await openTestApp(driver);
      staff = await t.login("unit151001");
      const list = (await staff.request("GET", "/api/v1/projects?fiscalYear=2024&unitCode=151001")).json();
      const approved = list.items.find((p: { approvedVersionNo: number | null }) => p.approvedVersionNo !== null);
      assert.ok(approved, "the demo has an approved project of unit 151001");
      projectId = approved.id;
      const se = (await staff.request("GET", `/api/v1/projects/${projectId}/self-evaluation`)).json();
      indicatorId = se.table.indicators[0].id;
      assert.ok(indicatorId);
    });
    after(async () => t.close());

    test("allowed types by their bytes; stored exactly; listed; downloaded as an attachment", async () => {
      const bytes = pdf(100);
      const r = await upload(staff, "验收报告.pdf", bytes, { indicatorId });
      assert.equal(r.statusCode, 201, r.body);
      const saved = r.json();
      assert.equal(saved.fileName, "验收报告.pdf");
      assert.equal(saved.contentType, "application/pdf");
      assert.equal(saved.size, bytes.length);
      assert.equal(saved.indicatorId, indicatorId);
      assert.equal(saved.uploadedBy, "unit151001");
      assert.equal(saved.sha256, createHash("sha256").update(bytes).digest("hex"));

      const png = await upload(staff, "现场照片.png", PNG);
      assert.equal(png.statusCode, 201, png.body);
      assert.equal(png.json().contentType, "image/png");
      assert.equal(png.json().indicatorId, null);
      const docx = await upload(staff, "会议纪要.docx", DOCX);
      assert.equal(docx.statusCode, 201, docx.body);
      assert.match(docx.json().contentType, /wordprocessingml/);

      const list = (await staff.request("GET", url())).json();
      const mine = list.items.map((i: { fileName: string }) => i.fileName);
      for (const n of ["验收报告.pdf", "现场照片.png", "会议纪要.docx"]) assert.ok(mine.includes(n), n);
      assert.equal(list.limits.projectBytes, 50 * 1024 * 1024);
      assert.equal(list.limits.fileBytes, 10 * 1024 * 1024);
      assert.ok(list.used.bytes >= bytes.length + PNG.length + DOCX.length);

      const dl = await staff.request("GET", `${url()}/${saved.id}`);
      assert.equal(dl.statusCode, 200);
      assert.deepEqual(new Uint8Array(dl.rawPayload), bytes, "the same bytes come back");
      assert.equal(dl.headers["content-type"], "application/pdf");
      assert.equal(dl.headers["x-content-type-options"], "nosniff");
      assert.match(String(dl.headers["content-disposition"]), /^attachment; /);
      assert.match(
        String(dl.headers["content-disposition"]),
        /filename\*=UTF-8''%E9%AA%8C%E6%94%B6%E6%8A%A5%E5%91%8A\.pdf/,
      );
      assert.match(String(dl.headers["content-security-policy"]), /script-src 'self'/);

      // A reviewer of the department sees and downloads it.
      const dept = await t.login("dept151");
      assert.equal((await dept.request("GET", url())).json().items.length, list.items.length);
      assert.equal((await dept.request("GET", `${url()}/${saved.id}`)).statusCode, 200);
      // but may not upload or delete (that is the unit's).
      assert.equal((await upload(dept, "x.pdf", pdf())).statusCode, 403);
      assert.equal((await dept.request("DELETE", `${url()}/${saved.id}`)).statusCode, 403);
    });

    test("wrong types are refused by content, whatever the name says; nothing stored", async () => {
      const before = [await stored(), await audits()];
      const cases: [string, Uint8Array, number, string][] = [
        ["报告.pdf", new TextEncoder().encode("<!doctype html><script>alert(1)</script>"), 415, "evidence.type"],
        ["setup.pdf", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), 415, "evidence.type"],
        ["tool.exe", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), 415, "evidence.type"],
        [
          "图.svg",
          new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
          415,
          "evidence.type",
        ],
        ["空.pdf", new Uint8Array(0), 415, "evidence.type"],
        // A zip that is neither docx nor xlsx, named .docx.
        ["包.docx", zip({ "a.txt": "hello" }), 415, "evidence.type"],
        // A damaged zip named .xlsx.
        ["坏.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 422, "evidence.unreadable"],
      ];
      for (const [name, bytes, status, code] of cases) {
        const r = await upload(staff, name, bytes);
        assert.equal(r.statusCode, status, `${name}: ${r.body}`);
        assert.equal(r.json().error.code, code, name);
        assert.ok(r.json().error.message && r.json().error.messageEn, "zh and en words");
      }
      assert.deepEqual([await stored(), await audits()], before);
    });

    test("a zip bomb named .docx is refused 413 without being inflated whole; nothing stored", async () => {
      const before = [await stored(), await audits()];
      // Declares its 300 MB sheet honestly (refused from the directory) …
      const honest = xlsxBomb(300 * 1024 * 1024);
      // … or lies about it (refused while inflating, at the declared size).
      const liar = xlsxBomb(300 * 1024 * 1024, 1024 * 1024);
      for (const [name, bytes] of [
        ["年度总结.docx", honest],
        ["年度总结2.docx", liar],
      ] as const) {
        assert.ok(bytes.length < EVIDENCE_LIMITS.fileBytes, "the bomb itself is small");
        const r = await upload(staff, name, bytes);
        assert.equal(r.statusCode, 413, `${name}: ${r.body}`);
        assert.equal(r.json().error.code, "payload.too-large");
        assert.match(r.json().error.details.reason, /^zip\./);
      }
      assert.deepEqual([await stored(), await audits()], before);
    });

    test("a file over 10 MB is cut while streaming: 413, nothing stored", async () => {
      assert.equal(EVIDENCE_LIMITS.fileBytes, MAX_UPLOAD_BYTES, "the documented limit is the parser's");
      const before = [await stored(), await audits()];
      const r = await upload(staff, "大文件.pdf", pdf(EVIDENCE_LIMITS.fileBytes + 1024));
      assert.equal(r.statusCode, 413, r.body);
      assert.equal(r.json().error.code, "payload.too-large");
      assert.deepEqual([await stored(), await audits()], before);
      // The server still answers normally afterwards.
      assert.equal((await staff.request("GET", url())).statusCode, 200);
    });

    test("an upload cut off mid-stream (no closing boundary) is refused; nothing stored", async () => {
      const before = [await stored(), await audits()];
      const m = form("半截.pdf", pdf(200_000));
      const cut = m.body.subarray(0, m.body.length - 150_000);
      const r = await staff.request("POST", url(), cut, m.headers);
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body}`);
      assert.ok(r.json().error.code, "a coded error");
      assert.deepEqual([await stored(), await audits()], before);
    });

    test("file names: path separators, control characters, a wrong extension", async () => {
      const cases: [string, Uint8Array, string][] = [
        ["../../etc/passwd.pdf", pdf(), "passwd.pdf"],
        ["..\\..\\windows\\合同.pdf", pdf(), "合同.pdf"],
        ["a\u0007b\u202ecod.pdf", pdf(), "abcod.pdf"],
        ["程序.exe", pdf(), "程序.exe.pdf"],
        ["/", PNG, "佐证材料.png"],
        ["照片<1>:?|.PNG", PNG, "照片_1____.PNG"],
      ];
      for (const [raw, bytes, want] of cases) {
        const r = await upload(staff, raw, bytes);
        assert.equal(r.statusCode, 201, `${raw}: ${r.body}`);
        assert.equal(r.json().fileName, want, raw);
        const row = await t.database.db
          .selectFrom("evidence_files")
          .select("file_name")
          .where("id", "=", r.json().id)
          .executeTakeFirstOrThrow();
        assert.equal(row.file_name, want, "stored sanitised");
        const dl = await staff.request("GET", `${url()}/${r.json().id}`);
        assert.doesNotMatch(String(dl.headers["content-disposition"]), /[/\\\r\n]/);
      }
      // An indicator that is not the project's is refused before the file is kept.
      const bad = await upload(staff, "x.pdf", pdf(), { indicatorId: "inope" });
      assert.equal(bad.statusCode, 404);
      assert.equal(bad.json().error.code, "indicator.not-found");
    });

    test("isolation: a neighbouring unit and a foreign region neither list nor download nor delete", async () => {
      const id = (await staff.request("GET", url())).json().items[0].id as number;
      const outsiders = ["unit151002", "f_unit", "f_dept", "f_fin", "f_admin"];
      for (const who of outsiders) {
        const c = await t.login(who);
        for (const [method, path] of [
          ["GET", url()],
          ["GET", `${url()}/${id}`],
          ["DELETE", `${url()}/${id}`],
        ] as const) {
          const r = await c.request(method, path);
          assert.ok([403, 404].includes(r.statusCode), `${who} ${method} ${path} → ${r.statusCode}`);
          assert.doesNotMatch(r.body, /验收报告|%PDF/, who);
        }
        const up = await upload(c, "x.pdf", pdf());
        assert.ok([403, 404].includes(up.statusCode), `${who} upload → ${up.statusCode}`);
      }
      const anonymous = await t.anonymous.request("GET", `${url()}/${id}`);
      assert.equal(anonymous.statusCode, 401);
      // Another project's file id under this project's path is not found.
      assert.equal((await staff.request("GET", `${url()}/2000000`)).statusCode, 404);
    });

    test("delete while a draft; refused 409 evidence.locked once submitted, and after acceptance", async () => {
      const r = await upload(staff, "删除测试.pdf", pdf());
      assert.equal(r.statusCode, 201);
      const keep = await upload(staff, "保留.pdf", pdf());
      const before = await audits();
      const del = await staff.request("DELETE", `${url()}/${r.json().id}`);
      assert.equal(del.statusCode, 204, del.body);
      assert.equal((await staff.request("GET", `${url()}/${r.json().id}`)).statusCode, 404);
      assert.equal(await audits(), before + 1, "the delete is audited");
      const audit = await t.database.db
        .selectFrom("audit_log")
        .select(["before", "username"])
        .where("action", "=", "evidence.delete")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      assert.equal((audit.before as { fileName: string }).fileName, "删除测试.pdf");
      assert.equal(audit.username, "unit151001");

      for (const status of ["submitted", "accepted"]) {
        await t.database.db
          .insertInto("self_evaluations")
          .values({
            region_code: "150100",
            fiscal_year: 2024,
            project_id: projectId,
            version_no: 1,
            input: JSON.stringify({ indicators: [] }),
            updated_by: "test",
            updated_at: new Date(),
            status,
          })
          .onConflict((c) => c.columns(["region_code", "project_id"]).doUpdateSet({ status }))
          .execute();
        const refused = await staff.request("DELETE", `${url()}/${keep.json().id}`);
        assert.equal(refused.statusCode, 409, refused.body);
        assert.equal(refused.json().error.code, "evidence.locked");
        const late = await upload(staff, "迟交.pdf", pdf());
        assert.equal(late.statusCode, 409);
        assert.equal(late.json().error.code, "evidence.locked");
        assert.equal((await staff.request("GET", `${url()}/${keep.json().id}`)).statusCode, 200, "still there");
      }
      // Returned: the unit may change its evidence again.
      await t.database.db
        .updateTable("self_evaluations")
        .set({ status: "returned" })
        .where("project_id", "=", projectId)
        .execute();
      assert.equal((await staff.request("DELETE", `${url()}/${keep.json().id}`)).statusCode, 204);
    });

    test("the per-project total (50 MB) is enforced while streaming; nothing stored past it", async () => {
      const used = (await staff.request("GET", url())).json().used.bytes as number;
      const big = EVIDENCE_LIMITS.fileBytes - 64 * 1024;
      let total = used;
      while (total + big <= EVIDENCE_LIMITS.projectBytes) {
        const r = await upload(staff, `大件${total}.pdf`, pdf(big - 100));
        assert.equal(r.statusCode, 201, r.body);
        total += r.json().size;
      }
      // Two uploads at once that fit the room one at a time but not together: exactly one is kept.
      const share = Math.floor((EVIDENCE_LIMITS.projectBytes - total) * 0.6);
      const both = await Promise.all([
        upload(staff, "并发一.pdf", pdf(share)),
        upload(staff, "并发二.pdf", pdf(share)),
      ]);
      assert.deepEqual(
        both.map((r) => r.statusCode).sort(),
        [201, 413],
        both.map((r) => r.body.slice(0, 120)).join(" | "),
      );
      total += (both.find((r) => r.statusCode === 201)?.json().size as number) ?? 0;
      const before = [await stored(), await audits()];
      const over = await upload(staff, "超额.pdf", pdf(EVIDENCE_LIMITS.projectBytes - total + 10));
      assert.equal(over.statusCode, 413, over.body);
      assert.equal(over.json().error.code, "evidence.quota");
      assert.deepEqual([await stored(), await audits()], before);
      const list = (await staff.request("GET", url())).json();
      assert.ok(list.used.bytes <= EVIDENCE_LIMITS.projectBytes);
      assert.equal(list.used.bytes, total);
    });
  });
}
