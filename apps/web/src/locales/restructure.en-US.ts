import type { restructureZhCN } from './restructure.zh-CN';

/** English for restructure.zh-CN.ts: exactly the same keys. */
export const restructureEnUS: Record<keyof typeof restructureZhCN, string> = {
  'restructure.split': 'Split',
  'restructure.splitTitle': 'Split organization: {name}',
  'restructure.splitHint':
    'Set up one or more organizations under the same parent and move the chosen members and sub-organizations into them. Each member gets a dated move, so as-of statistics stay right.',
  'restructure.newOrgs': 'New organizations',
  'restructure.newOrgName': 'Full name',
  'restructure.newOrgType': 'Type',
  'restructure.newOrgShortName': 'Short name',
  'restructure.addNewOrg': 'Add another organization',
  'restructure.newOrgN': 'New organization {n}',
  'restructure.stay': 'Stays here',
  'restructure.allocateMembers': 'Members',
  'restructure.allocateChildren': 'Sub-organizations',
  'restructure.allocateAll': 'Move all to',
  'restructure.noMembers': 'No members on this organization’s roll',
  'restructure.noChildren': 'No sub-organizations',
  'restructure.dissolveSource':
    'Dissolve this organization after the split (every member and sub-organization must be placed)',
  'restructure.creates': 'Organizations to be set up',
  'restructure.createsCount': '{members} members · {children} sub-organizations',
  'restructure.goesTo': 'Goes to',
  'restructure.projectEnd': 'End of project',
  'restructure.projectEndTitle': 'End of project: {name}',
  'restructure.projectEndHint':
    'When the project ends the temporary branch and its party groups are dissolved. Members return to the branch they came from, with a move dated on the end date; choose a branch for members with no home branch.',
  'restructure.endedOn': 'Project ended on',
  'restructure.returnTo': 'Branch for members with no home branch',
  'restructure.returnToHint': 'Only needed when some members have no home branch',
  'restructure.unplaced': '{n} members have no home branch to return to; choose a branch for them before confirming',
  'restructure.returnHome': 'Back to home branch',

  'org.projectEndedOn': 'Project ended on',
  'org.parentApprovedBy': 'Approved by',
  'org.projectOverdue': 'The planned project end has passed; the system will dissolve the branch',

  'orgHistory.splitFrom': 'Set up by splitting “{name}”',
  'orgHistory.splitInto': 'Split into: {names}',
  'orgHistory.returned': '{n} members returned to their home branches',
  'orgHistory.renamed': 'Renamed: {from} → {to}',

  // 用户管理: an account for a member (党员账号)
  'user.linkMember': 'Linked member',
  'user.linkMemberHint': 'The account becomes this member’s own H5 login, with the member role at their branch',

  'auditAction.org.split': 'Split organization',
  'auditAction.org.rename': 'Rename organization',
  'auditAction.org.project_end': 'End of project',
};
