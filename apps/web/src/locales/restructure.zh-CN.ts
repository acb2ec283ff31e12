/**
 * 组织调整 strings beyond move/merge/dissolve: 拆分, 更名 and 临时党支部 项目结束.
 * Spread into zh-CN.ts; restructure.en-US.ts must have exactly the same keys.
 */
export const restructureZhCN = {
  'restructure.split': '拆分',
  'restructure.splitTitle': '拆分组织：{name}',
  'restructure.splitHint':
    '在同一上级组织下新设一个或多个组织，把选定的党员和下级组织分入其中。党员按生效日期登记组织变动，“截至”统计随之准确。',
  'restructure.newOrgs': '新设组织',
  'restructure.newOrgName': '新组织全称',
  'restructure.newOrgType': '类型',
  'restructure.newOrgShortName': '简称',
  'restructure.addNewOrg': '再新设一个组织',
  'restructure.newOrgN': '新组织{n}',
  'restructure.stay': '留在本组织',
  'restructure.allocateMembers': '党员分配',
  'restructure.allocateChildren': '下级组织分配',
  'restructure.allocateAll': '全部分入',
  'restructure.noMembers': '本组织没有在册党员',
  'restructure.noChildren': '本组织没有下级组织',
  'restructure.dissolveSource': '拆分后撤销本组织（一分为多，须分配全部党员和下级组织）',
  'restructure.creates': '将新设的组织',
  'restructure.createsCount': '党员 {members} 人 · 下级组织 {children} 个',
  'restructure.goesTo': '去向',
  'restructure.projectEnd': '项目结束',
  'restructure.projectEndTitle': '项目结束：{name}',
  'restructure.projectEndHint':
    '项目结束后临时党支部自动撤销（含其党小组）。党员回到编入前的原党支部，按结束日期登记组织变动；没有原党支部可回的党员，请选择接收的党支部。',
  'restructure.endedOn': '项目结束日期',
  'restructure.returnTo': '无原党支部党员的接收党支部',
  'restructure.returnToHint': '仅在有党员无原党支部可回时需要',
  'restructure.unplaced': '有 {n} 名党员没有可回的原党支部，确认前请选择接收的党支部',
  'restructure.returnHome': '回原党支部',

  'org.projectEndedOn': '项目实际结束日期',
  'org.parentApprovedBy': '批准组织',
  'org.projectOverdue': '项目计划结束日期已过，系统将自动撤销',

  'orgHistory.splitFrom': '由“{name}”拆分设立',
  'orgHistory.splitInto': '拆分新设：{names}',
  'orgHistory.returned': '党员回原党支部 {n} 人',
  'orgHistory.renamed': '更名：{from} → {to}',

  // 用户管理: an account for a member (党员账号)
  'user.linkMember': '关联党员',
  'user.linkMemberHint': '选择后，该账号即为此党员的党员端（H5）登录账号，角色自动设为其所在支部的党员',

  'auditAction.org.split': '拆分组织',
  'auditAction.org.rename': '组织更名',
  'auditAction.org.project_end': '项目结束',
};
