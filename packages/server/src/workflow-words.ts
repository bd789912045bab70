/** Workflow statuses and actions in words, for the messages of refused transitions. */
export const STATUS_WORDS: Record<string, readonly [string, string]> = {
  draft: ["草稿", "draft"],
  submitted: ["已提交", "submitted"],
  approved: ["已批复", "approved"],
  returned: ["已退回", "returned"],
  voided: ["已作废", "voided"],
};
export const ACTION_WORDS: Record<string, readonly [string, string]> = {
  submit: ["提交", "submit"],
  approve: ["批复通过", "approve"],
  return: ["退回", "return"],
  withdraw: ["撤回", "withdraw"],
  adjust: ["发起调整", "adjust"],
  void: ["作废", "void"],
  open: ["打开审核", "open"],
  delete: ["删除", "delete"],
  edit: ["修改", "edit"],
  save: ["保存", "save"],
};
