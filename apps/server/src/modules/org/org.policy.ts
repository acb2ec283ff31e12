import { ALLOWED_CHILD_TYPES, type OrgType } from '@red-engine/shared';

export const canHaveChild = (parentType: OrgType, childType: OrgType) =>
  ALLOWED_CHILD_TYPES[parentType].includes(childType);

export const ORG_TYPE_NAMES: Record<OrgType, { 'zh-CN': string; 'en-US': string }> = {
  work_committee: { 'zh-CN': '党工委', 'en-US': 'party working committee' },
  party_committee: { 'zh-CN': '党委', 'en-US': 'party committee' },
  general_branch: { 'zh-CN': '党总支', 'en-US': 'general branch' },
  branch: { 'zh-CN': '党支部', 'en-US': 'branch' },
  joint_branch: { 'zh-CN': '联合党支部', 'en-US': 'joint branch' },
  temporary_branch: { 'zh-CN': '临时党支部', 'en-US': 'temporary branch' },
  party_group: { 'zh-CN': '党小组', 'en-US': 'party group' },
};
