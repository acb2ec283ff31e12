import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MobileApp } from './App';
import './mobile.css';

// antd-mobile 5 renders Toast/Dialog with the legacy ReactDOM.render; give it React 19's createRoot.
unstableSetRender((node, container) => {
  const host = container as Element & { _reRoot?: Root };
  host._reRoot ??= createRoot(host);
  const root = host._reRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    host._reRoot = undefined;
  };
});

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      <MobileApp />
    </StrictMode>,
  );
}
