/** 佐证材料: evidence files of a project's self-evaluation (upload, list, download, delete). */
export { safeFileName } from "./file-name.ts";
export { EVIDENCE_LIMITS } from "./limits.ts";
export { deleteEvidence, downloadEvidence, type EvidenceDownload, type EvidenceList, listEvidence } from "./list.ts";
export { type EvidenceFile, evidenceUsage } from "./present.ts";
export { EVIDENCE_TYPES, type EvidenceKind, type Sniffed, sniffEvidence } from "./sniff.ts";
export { selfEvaluationStatus } from "./status.ts";
export { type EvidenceUpload, uploadEvidence, uploadTarget } from "./upload.ts";
