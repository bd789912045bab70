/** The documented limits of evidence files (docs/SECURITY.md, "Evidence files"). */
export const EVIDENCE_LIMITS = {
  /**
   * One file: 10 MiB — the server's upload limit (app.ts MAX_UPLOAD_BYTES, the multipart parser's
   * file-size limit while streaming); evidence-api.test.ts checks the two agree.
   */
  fileBytes: 10 * 1024 * 1024,
  /** All evidence files of one project together. */
  projectBytes: 50 * 1024 * 1024,
  /** Files per project. */
  projectFiles: 200,
} as const;
