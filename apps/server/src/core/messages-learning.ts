import type { LocalizedText } from './messages.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

/** Texts of the 学习教育 module (contents, review, courses, plans, study time), in both languages. */
export const LEARNING_MESSAGES = {
  contentState: t('该学习资料当前状态下不能这样操作', 'This is not possible in the content’s current state'),
  ownReview: t(
    '不能审核自己提交的学习资料，请由其他管理员审核',
    'You cannot review your own content; another admin must',
  ),
  orgOutOfScope: t('只能选择您管理范围内的组织', 'Choose an organization within your scope'),
  targetsRequired: t('按组织发布时请至少选择一个组织', 'Choose at least one organization for a targeted content'),
  categoryUnknown: t('学习资料分类不存在', 'Unknown category'),
  categoryTaken: t('已有同名分类', 'A category of this name exists'),
  fileRequired: t('请先上传文件再提交审核', 'Upload the file before submitting for review'),
  bodyRequired: t('文章正文不能为空', 'The article body cannot be empty'),
  noFileForKind: t('文章类资料不需要上传文件（图片请插入正文）', 'Articles take no file (insert images into the body)'),
  fileType: (list: string) => t(`文件类型不符合要求，允许：${list}`, `File type not allowed; allowed: ${list}`),
  fileExtension: t('文件扩展名与内容不符', 'The file name’s extension does not match its content'),
  lessonContent: (i: number) =>
    t(`第 ${i + 1} 课的学习资料不存在或未发布`, `The content of lesson ${i + 1} does not exist or is not published`),
  courseUnknown: t('课程不存在', 'Unknown course'),
  memberOutOfScope: t('所选党员不在您的管理范围内', 'A chosen member is outside your scope'),
  lessonNotInCourse: t('该课时不属于这份学习资料', 'This lesson is not about this content'),
  notAMember: t('您的账号未关联党员档案', 'Your account is not linked to a member record'),
  versionOnlyPolicy: t('只有制度文件可以发布新版本', 'Only policy documents have versions'),
  versionOnlyPublished: t('只能基于已发布的版本修订', 'Only a published version can be revised'),
};
