/**
 * @jest-environment jsdom
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LinkifiedText, linkify } from './linkified-text';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('LinkifiedText', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const render = (text: string) => act(() => root.render(<LinkifiedText text={text} />));

  it('renders markup as text, never as elements', () => {
    render('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
  });

  it('does not turn javascript: or other schemes into links', () => {
    render('javascript:alert(1) data:text/html,<b>x</b> ftp://files.example.org');
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toContain('javascript:alert(1)');
  });

  it('links http and https URLs safely and keeps trailing punctuation out', () => {
    render('See https://example.org/a?b=1, and (http://example.com/x).');
    const links = [...container.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/a?b=1',
      'http://example.com/x',
    ]);
    for (const link of links) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(container.textContent).toBe('See https://example.org/a?b=1, and (http://example.com/x).');
  });

  it('does not link a javascript: URL hidden after an http-looking prefix', () => {
    expect(linkify('xhttp://javascript:alert(1)').filter((part) => part.kind === 'link')).toHaveLength(0);
  });
});
