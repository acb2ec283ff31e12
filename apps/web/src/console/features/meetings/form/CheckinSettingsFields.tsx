import { QrcodeOutlined } from '@ant-design/icons';
import { Alert, Collapse, DatePicker, Form, InputNumber, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../../lib/i18n';

export interface CheckinFormValues {
  rotationSeconds?: number | null;
  opensAt?: Dayjs | null;
  closesAt?: Dayjs | null;
  lateAfter?: Dayjs | null;
  geofenceEnabled?: boolean;
  radiusMeters?: number | null;
}

const DT = 'YYYY-MM-DD HH:mm';

/** 签到设置, folded away: everything left empty takes the server's defaults (rule_settings checkin.*). */
export function CheckinSettingsFields({ venueHasCoords }: { venueHasCoords: boolean | null }) {
  const { t } = useI18n();
  const geofence = Form.useWatch(['checkin', 'geofenceEnabled']);
  const byDefault = t('meeting.serverDefault');
  return (
    <Collapse
      className="re-checkin-settings"
      ghost
      items={[
        {
          key: 'checkin',
          forceRender: true,
          label: (
            <span>
              <QrcodeOutlined /> {t('meeting.checkinSettings')}
            </span>
          ),
          children: (
            <>
              <div className="re-card-note re-checkin-note">{t('meeting.checkinSettingsHelp')}</div>
              <div className="re-form-grid">
                <Form.Item
                  name={['checkin', 'rotationSeconds']}
                  label={t('meeting.rotationSeconds')}
                  extra={t('meeting.rotationHelp')}
                >
                  <InputNumber
                    min={10}
                    max={600}
                    step={5}
                    placeholder="30"
                    suffix={t('meeting.rotationSecondsUnit')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item
                  name={['checkin', 'lateAfter']}
                  label={t('meeting.lateAfter')}
                  extra={t('meeting.lateAfterHelp')}
                >
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format={DT}
                    placeholder={byDefault}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item name={['checkin', 'opensAt']} label={t('meeting.opensAt')}>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format={DT}
                    placeholder={byDefault}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item
                  name={['checkin', 'closesAt']}
                  label={t('meeting.closesAt')}
                  dependencies={[['checkin', 'opensAt']]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_r, v: Dayjs | null | undefined) => {
                        const opens = getFieldValue(['checkin', 'opensAt']) as Dayjs | null | undefined;
                        if (v && opens && !v.isAfter(opens)) throw new Error(t('meeting.endBeforeStart'));
                      },
                    }),
                  ]}
                >
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format={DT}
                    placeholder={byDefault}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item
                  name={['checkin', 'geofenceEnabled']}
                  label={t('meeting.geofence')}
                  valuePropName="checked"
                  extra={t('meeting.geofenceHelp')}
                >
                  <Switch />
                </Form.Item>
                {geofence && (
                  <Form.Item name={['checkin', 'radiusMeters']} label={t('meeting.radius')}>
                    <InputNumber
                      min={20}
                      max={20000}
                      step={50}
                      placeholder={byDefault}
                      suffix={t('meeting.radiusUnit')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                )}
              </div>
              {geofence && venueHasCoords === false && (
                <Alert type="warning" showIcon title={t('meeting.geofenceNoCoords')} className="re-modal-alert" />
              )}
            </>
          ),
        },
      ]}
    />
  );
}
