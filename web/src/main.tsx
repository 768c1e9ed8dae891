import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';

// The server draws a nonce per page load for the styles Ant Design writes at run time (src/office/serve-office.ts).
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';

// Ant Design's own style helpers (the selector-support probe, the scrollbar measure, the modal scroll lock) create
// <style> elements without passing the nonce on; every <style> created by the application's scripts gets it here.
// Styles injected as markup (not through createElement) stay blocked by the policy.
const createElement = document.createElement.bind(document);
document.createElement = ((tag: string, options?: ElementCreationOptions) => {
  const el = createElement(tag, options);
  if (tag.toLowerCase() === 'style') (el as HTMLStyleElement).nonce = nonce;
  return el;
}) as typeof document.createElement;

createRoot(document.getElementById('root')!).render(<App nonce={nonce} />);
