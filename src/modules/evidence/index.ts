// Evidence: photos and documents on a case, cleaned (metadata stripped), stored by content hash,
// immutable, reusable in the dispute pack.
export { addEvidence, listEvidence, readEvidenceFile } from './commands/add-evidence.ts';
export type { Evidence } from './commands/add-evidence.ts';
export { cleanEvidenceFile, MAX_EVIDENCE_BYTES } from './inspect-file.ts';
export { DEFAULT_REQUIRED_EVIDENCE, missingEvidence } from './required-evidence.ts';
