import { Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageContainerProps {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}

/** The page header of Ant Design Pro's PageContainer: title, a line of help, actions on the right. */
export function PageContainer({ title, subTitle, extra, children }: PageContainerProps) {
  return (
    <div className="re-page">
      <div className="re-page-header">
        <div>
          <Typography.Title level={4} className="re-page-title">
            {title}
          </Typography.Title>
          {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
        </div>
        {extra && <div className="re-page-extra">{extra}</div>}
      </div>
      {children}
    </div>
  );
}
