/** 项目类别: the choices of the new-project dialog and the editor's 项目类别 field. */
export const CATEGORIES = ["部门预算项目", "专项业务费", "转移支付项目", "基本建设项目", "其他"];
