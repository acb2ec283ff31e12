import {
  BoldOutlined,
  CodeOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  PictureOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Input, Select, Space, Tooltip, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import './learning.css';

/**
 * 正文编辑: what the author sees is what members read (headings, bold, lists, quotes, images), with the HTML
 * source one click away. The browser's own editing commands keep this free of an editor dependency; whatever is
 * typed or pasted, the server keeps only the allowed tags (learning.sanitize.ts) and the saved preview shows that.
 */
export function RichTextEditor({
  value = '',
  onChange,
  onUploadImage,
  disabled = false,
  id,
}: {
  value?: string;
  onChange?: (html: string) => void;
  /** Stores the picture and answers its URL, or null when the upload failed (the caller reports why). */
  onUploadImage: (file: File) => Promise<string | null>;
  disabled?: boolean;
  id?: string;
}) {
  const { t } = useI18n();
  const area = useRef<HTMLDivElement>(null);
  const [source, setSource] = useState(false);

  // Written into the page only when it differs, so the caret does not jump while typing.
  useEffect(() => {
    const el = area.current;
    if (el && !source && el.innerHTML !== value) el.innerHTML = value;
  }, [value, source]);

  const emit = () => onChange?.(area.current?.innerHTML ?? '');
  const exec = (command: string, arg?: string) => {
    area.current?.focus();
    document.execCommand(command, false, arg);
    emit();
  };
  const tool = (label: string, icon: React.ReactNode, run: () => void) => (
    <Tooltip title={label}>
      <Button size="small" type="text" icon={icon} aria-label={label} disabled={disabled || source} onClick={run} />
    </Tooltip>
  );

  return (
    <div className="re-rte">
      <div className="re-rte-toolbar">
        <Space size={2} wrap>
          <Select
            size="small"
            style={{ width: 96 }}
            aria-label={t('lrn.rte.block')}
            disabled={disabled || source}
            value={null}
            placeholder={t('lrn.rte.block')}
            onChange={(tag: string) => exec('formatBlock', tag)}
            options={[
              { value: 'p', label: t('lrn.rte.paragraph') },
              { value: 'h2', label: t('lrn.rte.heading2') },
              { value: 'h3', label: t('lrn.rte.heading3') },
              { value: 'blockquote', label: t('lrn.rte.quote') },
            ]}
          />
          {tool(t('lrn.rte.bold'), <BoldOutlined />, () => exec('bold'))}
          {tool(t('lrn.rte.italic'), <ItalicOutlined />, () => exec('italic'))}
          {tool(t('lrn.rte.bullets'), <UnorderedListOutlined />, () => exec('insertUnorderedList'))}
          {tool(t('lrn.rte.numbers'), <OrderedListOutlined />, () => exec('insertOrderedList'))}
          <Upload
            accept=".jpg,.jpeg,.png"
            showUploadList={false}
            disabled={disabled || source}
            beforeUpload={async (file) => {
              const url = await onUploadImage(file);
              if (url) exec('insertImage', url);
              return false;
            }}
          >
            {tool(t('lrn.insertImage'), <PictureOutlined />, () => {})}
          </Upload>
          <Tooltip title={t('lrn.rte.source')}>
            <Button
              size="small"
              type={source ? 'primary' : 'text'}
              icon={<CodeOutlined />}
              aria-label={t('lrn.rte.source')}
              aria-pressed={source}
              disabled={disabled}
              onClick={() => setSource((s) => !s)}
            />
          </Tooltip>
        </Space>
      </div>
      {source ? (
        <Input.TextArea
          id={id}
          rows={12}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange?.(e.target.value)}
          style={{ fontFamily: 'monospace' }}
        />
      ) : (
        <div
          id={id}
          ref={area}
          className="re-rte-area lrn-article"
          role="textbox"
          aria-multiline="true"
          aria-label={t('lrn.body')}
          tabIndex={disabled ? -1 : 0}
          contentEditable={!disabled}
          suppressContentEditableWarning
          onInput={emit}
          onBlur={emit}
        />
      )}
    </div>
  );
}
