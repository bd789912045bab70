/** The documented limits of evidence files (docs/SECURITY.md, "Evidence files"). */
import { MAX_UPLOAD_BYTES } from "../../app.ts";

export const EVIDENCE_LIMITS = {
  /** One file: the server's upload limit (10 MiB), enforced by the multipart parser while streaming. */
  fileBytes: MAX_UPLOAD_BYTES,
  /** All evidence files of one project together. */
  projectBytes: 50 * 1024 * 1024,
  /** Files per project. */
  projectFiles: 200,
} as const;
