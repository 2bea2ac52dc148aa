import { useCallback, useEffect, useRef } from 'react';

/**
 * Guards changes not yet deployed: the browser asks before closing or reloading the tab, a click
 * on any link of the app asks before leaving the page, and `confirmDiscard()` asks before the page
 * itself replaces the model (another procedure, another mode). Returns `confirmDiscard`.
 */
export function useUnsavedGuard(dirty: boolean, question: string): () => boolean {
  const state = useRef({ dirty, question });
  state.current = { dirty, question };

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = question; // older browsers show it; newer ones show their own text
      return question;
    };
    const linkClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || link.getAttribute('target') === '_blank' || event.defaultPrevented) return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', linkClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', linkClick, true);
    };
  }, [dirty, question]);

  return useCallback(() => !state.current.dirty || window.confirm(state.current.question), []);
}
