import { PlusOutlined } from '@ant-design/icons';
import type { LearningCourse, LearningPlan } from '@red-engine/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { OrgTreeMultiSelect } from '../../components/OrgTreeMultiSelect';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { MemberListField, type MemberRef } from '../meetings/form/MemberListField';
import { hoursOf, learningApi, useContents, useCourses, usePlans } from './api';

function CourseModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{
    title: string;
    description?: string;
    org: OrgOption;
    lessons: { contentId: string; requiredMinutes: number }[];
  }>();
  const contents = useContents({ status: 'published', pageSize: 200 });
  return (
    <Modal
      open
      width={720}
      title={t('lrn.newCourse')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await learningApi.createCourse({
            title: v.title,
            description: v.description ?? '',
            orgId: v.org.value,
            lessons: v.lessons,
          });
          onClose();
        } catch (e) {
          applyFormError(form, e);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ lessons: [{ requiredMinutes: 10 }] }}>
        <Form.Item name="title" label={t('lrn.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="org" label={t('lrn.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="description" label={t('lrn.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="lessons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <span>{i + 1}.</span>
                  <Form.Item name={[f.name, 'contentId']} rules={[{ required: true }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 420 }}
                      placeholder={t('lrn.content')}
                      options={contents.data?.data.map((c) => ({ value: c.id, label: c.title }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'requiredMinutes']} rules={[{ required: true }]}>
                    <InputNumber min={0.5} max={600} step={1} addonAfter={t('lrn.minutes', { m: '' }).trim()} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ requiredMinutes: 10 })}>
                {t('lrn.addLesson')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function PlanModal({ courses, onClose }: { courses: LearningCourse[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{
    title: string;
    courseId: string;
    org: OrgOption;
    targets?: OrgOption[];
    members?: MemberRef[];
    range: [Dayjs, Dayjs];
  }>();
  return (
    <Modal
      open
      title={t('lrn.newPlan')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await learningApi.createPlan({
            title: v.title,
            courseId: v.courseId,
            orgId: v.org.value,
            startsOn: v.range[0].format('YYYY-MM-DD'),
            dueOn: v.range[1].format('YYYY-MM-DD'),
            targetOrgIds: (v.targets ?? []).map((o) => o.value),
            targetMemberIds: (v.members ?? []).map((m) => m.id),
          });
          onClose();
        } catch (e) {
          applyFormError(form, e);
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('lrn.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="courseId" label={t('lrn.course')} rules={[{ required: true }]}>
          <Select options={courses.map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        <Form.Item name="org" label={t('lrn.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="targets" label={t('lrn.targetOrgs')}>
          <OrgTreeMultiSelect />
        </Form.Item>
        <Form.Item
          name="members"
          label={t('lrn.targetMembers')}
          dependencies={['targets']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, members: MemberRef[] | undefined) =>
                (getFieldValue('targets')?.length ?? 0) + (members?.length ?? 0) > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('lrn.targetsRequired'))),
            }),
          ]}
        >
          <MemberListField aria-label={t('lrn.targetMembers')} />
        </Form.Item>
        <Form.Item name="range" label={`${t('lrn.startsOn')} – ${t('lrn.dueOn')}`} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PlanDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message } = App.useApp();
  const plan = useQuery({ queryKey: ['learning', 'plan', id], queryFn: () => learningApi.plan(id) });
  const p = plan.data;
  return (
    <Drawer
      open
      width={760}
      title={p?.title}
      onClose={onClose}
      extra={
        can('learning:manage') && (
          <Button
            onClick={async () => {
              try {
                const r = await learningApi.remind(id);
                message.success(t('lrn.reminded', { n: r.reminded }));
              } catch (e) {
                reportError(e);
              }
            }}
          >
            {t('lrn.remind')}
          </Button>
        )
      }
    >
      {p && (
        <>
          <Progress percent={p.assigned ? Math.round((p.completed / p.assigned) * 100) : 0} />
          <p>
            {p.courseTitle} · {t('lrn.dueOn')} {p.dueOn} · {t('lrn.completed')} {p.completed}/{p.assigned}
          </p>
          <Table
            rowKey="memberId"
            size="small"
            dataSource={p.members}
            columns={[
              { title: t('lrn.member'), dataIndex: 'memberName' },
              { title: t('lrn.org'), dataIndex: 'orgName', ellipsis: true },
              { title: t('lrn.lessonsDone'), render: (_, m) => `${m.lessonsDone}/${m.lessonsTotal}` },
              {
                title: t('lrn.studyTime'),
                dataIndex: 'creditedSeconds',
                render: (s: number) => t('lrn.minutes', { m: Math.round(s / 60) }),
              },
              {
                title: t('lrn.completedAt'),
                dataIndex: 'completedAt',
                render: (v: string | null) => formatDateTime(v),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** 课程与计划: courses as ordered lessons, study plans with completion and reminders. */
export default function LearningCoursesPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const qc = useQueryClient();
  const courses = useCourses();
  const plans = usePlans();
  const [modal, setModal] = useState<'course' | 'plan' | null>(null);
  const [plan, setPlan] = useState<string | null>(null);
  const close = () => {
    setModal(null);
    qc.invalidateQueries({ queryKey: ['learning'] });
  };
  return (
    <Card title={t('menu.learning.courses')}>
      <Tabs
        items={[
          {
            key: 'plans',
            label: t('lrn.plans'),
            children: (
              <>
                {can('learning:manage') && (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    style={{ marginBottom: 12 }}
                    onClick={() => setModal('plan')}
                  >
                    {t('lrn.newPlan')}
                  </Button>
                )}
                <Table<LearningPlan>
                  rowKey="id"
                  loading={plans.isFetching}
                  dataSource={plans.data ?? []}
                  onRow={(r) => ({ onClick: () => setPlan(r.id), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('lrn.title'), dataIndex: 'title' },
                    { title: t('lrn.course'), dataIndex: 'courseTitle' },
                    { title: t('lrn.targetOrgs'), render: (_, p) => p.targets.map((x) => x.name).join('、') },
                    { title: t('lrn.dueOn'), dataIndex: 'dueOn', width: 120 },
                    {
                      title: t('lrn.completion'),
                      width: 220,
                      render: (_, p) => (
                        <Progress
                          size="small"
                          percent={p.assigned ? Math.round((p.completed / p.assigned) * 100) : 0}
                          format={() => `${p.completed}/${p.assigned}`}
                        />
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'courses',
            label: t('lrn.courses'),
            children: (
              <>
                {can('learning:manage') && (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    style={{ marginBottom: 12 }}
                    onClick={() => setModal('course')}
                  >
                    {t('lrn.newCourse')}
                  </Button>
                )}
                <Table<LearningCourse>
                  rowKey="id"
                  loading={courses.isFetching}
                  dataSource={courses.data ?? []}
                  expandable={{
                    expandedRowRender: (c) => (
                      <ol style={{ margin: 0 }}>
                        {c.lessons.map((l) => (
                          <li key={l.id}>
                            {l.title}（{t('lrn.minutes', { m: Math.round((l.requiredSeconds / 60) * 10) / 10 })}）
                          </li>
                        ))}
                      </ol>
                    ),
                  }}
                  columns={[
                    { title: t('lrn.title'), dataIndex: 'title' },
                    { title: t('lrn.org'), dataIndex: 'orgName', ellipsis: true },
                    { title: t('lrn.lessons'), render: (_, c) => c.lessons.length, width: 80 },
                    {
                      title: t('lrn.studyTime'),
                      width: 120,
                      render: (_, c) =>
                        t('lrn.hours', { h: hoursOf(c.lessons.reduce((s, l) => s + l.requiredSeconds, 0)) }),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      {modal === 'course' && <CourseModal onClose={close} />}
      {modal === 'plan' && <PlanModal courses={courses.data ?? []} onClose={close} />}
      {plan && <PlanDrawer id={plan} onClose={() => setPlan(null)} />}
    </Card>
  );
}
