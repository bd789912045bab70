/** 绩效自评 (issues 12, 17): actuals and scores, rounds, workflow, 抽评, budget advice, 整改 tasks. */
export {
  type ActualInput,
  evaluatedTable,
  getSelfEvaluation,
  mergeActuals,
  type SelfEvaluationInput,
  type SelfEvaluationView,
  saveSelfEvaluation,
  scoreWithActuals,
} from "./actuals.ts";
export { type AdviceList, type AdviceRow, exportBudgetAdvice, listBudgetAdvice } from "./advice.ts";
export { type EvalRoundView, findEvalRound } from "./find.ts";
export {
  getSelfEvaluationPolicy,
  loadScoringPolicy,
  loadSelfEvaluationPolicy,
  type SelfEvaluationPolicy,
  type SelfEvaluationPolicyInput,
  saveSelfEvaluationPolicy,
} from "./policy.ts";
export {
  completeRectification,
  createRectification,
  listRectifications,
  type RectificationView,
} from "./rectification.ts";
export {
  listRoundPublished,
  type RoundPublishedRow,
  type WithdrawResultsAnswer,
  type WithdrawResultsInput,
  withdrawRoundResults,
} from "./round-published.ts";
export {
  type EvalRoundDetail,
  type EvalRoundSummary,
  getEvalRound,
  listEvalRounds,
  type OpenEvalRoundInput,
  openEvalRound,
} from "./rounds.ts";
export { type SampleInput, type SpotCheckResult, sampleRound, saveSpotCheck } from "./spot-check.ts";
export { EVAL_TRANSITIONS, type EvalTransition, transitionSelfEvaluation } from "./workflow.ts";
